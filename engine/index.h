/* index.h — struct docket_index, shared by the files that implement the
 * public API (engine/index.c opens it, engine/layout.c lays out its folder;
 * indexer/ writes through it; searcher/ reads through it).  Not part of the public interface.
 */
#ifndef DOCKET_INDEX_H
#define DOCKET_INDEX_H

#include <pthread.h>

#include "../docket.h"
#include "../common/buf.h"
#include "../common/aliases.h"
#include "../common/error.h"
#include "children.h"

#define LANG_MAX 32

#define SHARDS_MAX 64
#define SHARD_STUB "XAPIANDB" /* lists the shards, in the index folder */

struct docket_index {
	struct xap_db *db;     /* the engine's handle (engine.h); a writer's
	                        * first shard */
	struct xap_db **shards;/* a writer's shards (shards[0] == db) */
	unsigned nshards;      /* how many (0 for a reader) */
	int writable;          /* opened with DOCKET_OPEN_WRITE */
	char *path;            /* the first path opened, for messages */
	char lang[LANG_MAX];   /* the stemming language in force */
	struct stemmer *stem;  /* a stemmer for LANG (searches, highlights) */
	unsigned *gens;        /* a writer's shard generations: shard K lives in
	                        * shard-K (0) or shard-K.G (G > 0) */
	pthread_mutex_t stub_mu;/* a writer's: guards GENS and the stub */
	int lock_fd;           /* a writer's flock on DIR/docket.lock, or -1 */
	buf error;             /* the last error text */
	struct aliases aliases;/* the legal aliases file (searcher/query.c) */
	int aliases_read;      /* docket.aliases looked for already */
	struct children kids;  /* before a stub's programs ran: reaped at close */
};

/* Record an error on IDX (printf-style) and return STATUS. */
int index_fail(docket_index *idx, int status, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Copy the engine's last message onto IDX and return STATUS (no-op for
 * DOCKET_OK). */
int index_engine_fail(docket_index *idx, int status);

/* Clear the last error. */
void index_clear_error(docket_index *idx);

/* Writer, sharded folder only (index_can_swap): the path of shard K's next
 * generation, and of K's staging database N, into OUT (both inside the
 * index folder, and swept away by the next writer unless the stub names
 * them). */
int index_can_swap(const docket_index *idx);
void index_next_path(docket_index *idx, unsigned k, char *out, size_t n);
void index_shard_path(docket_index *idx, unsigned k, char *out, size_t n);
void index_stage_path(const docket_index *idx, unsigned k, unsigned n,
                      char *out, size_t len);

/* Make the database at index_next_path(K) shard K: sync it, rename a new
 * stub naming it over the old one (readers that open the index from then
 * on see it; those already open keep the old one), reopen K's writer on it
 * and remove the old generation.  Safe from several threads for different
 * shards.  A crash at any point leaves the old or the new shard whole.
 * Returns a docket_status, also set in ERR with the message. */
int index_swap_shard(docket_index *idx, unsigned k, struct docket_error *err);

/* Remove the database folder PATH if docket made it (judged by its
 * contents, layout_ours in layout.h): Xapian's files in it, then the
 * folder.  A folder holding anything else, a file, a link, someone else's
 * database are left untouched.  Cannot fail (a leftover is swept later). */
void index_remove_tree(const char *path);
/* Make PATH free for a database docket is about to create there: nothing
 * there, or a database of docket's that is removed.  Anything else is
 * DOCKET_IO_ERROR with the message in ERR (it is never overwritten). */
int index_clear_path(const char *path, struct docket_error *err);

#endif
