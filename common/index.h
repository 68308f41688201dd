/* index.h — struct docket_index, shared by the files that implement the
 * public API (common/database.c opens it; indexer/ writes through it;
 * searcher/ reads through it).  Not part of the public interface.
 */
#ifndef DOCKET_INDEX_H
#define DOCKET_INDEX_H

#include "../docket.h"
#include "buf.h"

#define LANG_MAX 32

#define SHARDS_MAX 64
#define SHARD_STUB "XAPIANDB" /* lists the shards, in the index folder */

struct docket_index {
	struct xap_db *db;     /* the engine's handle (xapian.h); a writer's
	                        * first shard */
	struct xap_db **shards;/* a writer's shards (shards[0] == db) */
	unsigned nshards;      /* how many (0 for a reader) */
	int writable;          /* opened with DOCKET_OPEN_WRITE */
	char *path;            /* the first path opened, for messages */
	char lang[LANG_MAX];   /* the stemming language in force */
	struct stemmer *stem;  /* a stemmer for LANG (searches, highlights) */
	int lock_fd;           /* a writer's flock on DIR/docket.lock, or -1 */
	buf error;             /* the last error text */
};

/* Record an error on IDX (printf-style) and return STATUS. */
int index_fail(docket_index *idx, int status, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Copy the engine's last message onto IDX and return STATUS (no-op for
 * DOCKET_OK). */
int index_engine_fail(docket_index *idx, int status);

/* Clear the last error. */
void index_clear_error(docket_index *idx);

#endif
