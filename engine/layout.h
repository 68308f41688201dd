/* layout.h — the index folder's layout (engine/layout.c): shard names and
 * generations, the stub, the sweep of what a crash left.  Private to the
 * engine: engine/index.c opens the folder through these.  (The staging
 * paths and the swap used by the indexer are in index.h.)
 */
#ifndef DOCKET_LAYOUT_H
#define DOCKET_LAYOUT_H

#include <stddef.h>

#include "index.h"

/* Shards of a new index: one per core, at most DEFAULT_SHARDS_MAX.  Cannot
 * fail. */
unsigned layout_default_shards(void);
/* IDX's folder + "/" + NAME into OUT. */
void layout_in_folder(const docket_index *idx, const char *name, char *out,
                      size_t n);
/* The folder name of shard K at generation GEN (0: shard-K, else
 * shard-K.GEN) into OUT. */
void layout_shard_name(unsigned k, unsigned gen, char *out, size_t n);
/* Does NAME exist in IDX's folder? */
int layout_exists(const docket_index *idx, const char *name);
/* How many shards the stub names (their generations into GENS); 0 if it is
 * not one we wrote, or cannot be read (errno then says why, e.g. EMFILE;
 * else errno is 0). */
unsigned layout_read_stub(const docket_index *idx, unsigned gens[SHARDS_MAX]);
/* Replace the stub by one naming N shards at IDX's generations; returns a
 * docket_status with the message on IDX. */
int layout_write_stub(docket_index *idx, unsigned n);
/* Remove every shard-like folder the stub does not name (writer, under the
 * lock). */
void layout_sweep(docket_index *idx);
/* Is NAME a shard's folder name: 1 for "shard-K" or "shard-K.G" (K and G
 * into *K and *GEN), -1 for another name starting "shard-<digit>" (a
 * staging folder, or a user's "shard-7.txt"), 0 otherwise.  The name alone
 * never decides what is removed: layout_ours does. */
int layout_shard_like(const char *name, unsigned *k, unsigned *gen);
/* Is the folder PATH a database docket made, by its contents: a folder
 * (not a link) holding Xapian's files and nothing else, whose metadata
 * names docket's schema or which holds nothing at all?  Cannot fail: 0
 * when in doubt. */
int layout_ours(const char *path);
/* The shards found in IDX's folder by content, for a lost stub: for each
 * K the newest generation that is a docket shard (into GENS, 0 where none).
 * Returns 1 + the highest K found, 0 when none is. */
unsigned layout_find_shards(const docket_index *idx, unsigned gens[SHARDS_MAX]);
/* Remove what an interrupted creation left of shard folder NAME. */
void layout_wipe_partial(const docket_index *idx, const char *name);

#endif
