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
 * not one we wrote. */
unsigned layout_read_stub(const docket_index *idx, unsigned gens[SHARDS_MAX]);
/* Replace the stub by one naming N shards at IDX's generations; returns a
 * docket_status with the message on IDX. */
int layout_write_stub(docket_index *idx, unsigned n);
/* Remove every shard-like folder the stub does not name (writer, under the
 * lock). */
void layout_sweep(docket_index *idx);
/* Remove what an interrupted creation left of shard folder NAME. */
void layout_wipe_partial(const docket_index *idx, const char *name);

#endif
