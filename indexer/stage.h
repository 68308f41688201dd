/* stage.h — bulk loading: new files are written into small, fresh staging
 * databases beside their shard, then merged into it with Xapian's Compactor
 * and swapped in whole (common/index.h, index_swap_shard).
 *
 * Why: adding to one growing database costs Xapian random B-tree updates
 * for every term of every batch, and its in-memory inverter slows down as
 * it grows; a fresh database of a thousand documents is written in order,
 * and the Compactor merges sorted posting lists in one pass, leaving the
 * shard compact (full blocks).
 *
 * What it promises: staged files are invisible to readers and not durable
 * until stage_merge() returns; a crash before that loses them (they have
 * no record in the shard, so the next run adds them again) and never
 * touches the shard.  Only files the shard knows nothing of may be staged:
 * no record, no passage.  A merge needs disk space for the new generation
 * beside the old one and the stage until the swap.
 */
#ifndef DOCKET_STAGE_H
#define DOCKET_STAGE_H

#include <stddef.h>

#include "../common/error.h"
#include "../docket.h"

struct xap_db;
struct xap_doc;

struct stage {
	docket_index *idx;    /* the index (not owned) */
	unsigned shard;       /* which shard this stages for */
	struct xap_db *sub;   /* the staging database being written, or NULL */
	unsigned nsubs;       /* staging databases made since the last merge */
	size_t sub_docs;      /* documents in SUB */
	size_t docs;          /* documents staged since the last merge */
	struct docket_error err; /* the last failure */
};

/* Stage document D (a passage of a new file). */
int stage_add(struct stage *s, struct xap_doc *d);

/* Stage the file record KEY = VALUE (metadata, as schema.h lays it out). */
int stage_set_record(struct stage *s, const char *key, const char *value,
                     size_t n);

/* Is a merge due, the shard holding SHARD_DOCS documents?  Merges come when
 * the staged documents reach the shard's own size (at least STAGE_MIN), so
 * the copying stays linear overall and a crash loses at most about half of
 * what a long first run did. */
int stage_due(const struct stage *s, size_t shard_docs);

/* Merge the staged databases into the shard (whose writer must have no
 * uncommitted change) and make the result the shard; removes the staging
 * databases.  Nothing staged: nothing done. */
int stage_merge(struct stage *s);

/* Copy the staged documents and records into writer SHARD as one batch
 * and drop the stage: cheaper than a merge when they are few next to the
 * shard. */
int stage_copy(struct stage *s, struct xap_db *shard);

/* Drop whatever is staged (after a fatal error). */
void stage_discard(struct stage *s);

#endif
