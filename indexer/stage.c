/* stage.c — staging databases and their merge into a shard (stage.h). */
#include "stage.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../engine/index.h"
#include "../engine/engine.h"

/* Documents per staging database.  Xapian's inverter costs more per
 * document the more it holds (36k passages, one thread: 8,000 per database
 * 13.8 s of add_document, 4,000 12.5 s, 1,000 6.8 s, 500 5.9 s), while the
 * merge costs more the more databases it reads (37: 1.4 s, 73: 2.0 s). */
#define SUB_DOCS 1000
#define STAGE_MIN 50000   /* documents staged before a merge is worth it */

static int stage_fail(struct stage *s, int rc, const char *what)
{
	return error_set(&s->err, rc, "%s", what);
}

/* Commit and close the staging database being written, if any. */
static int close_sub(struct stage *s)
{
	if (!s->sub)
		return DOCKET_OK;
	int rc = xap_commit(s->sub);
	if (rc)
		stage_fail(s, rc, xap_error(s->sub));
	xap_close(s->sub);
	s->sub = NULL;
	return rc;
}

/* The staging database to write into: a fresh one when none is open or the
 * open one is full. */
static int open_sub(struct stage *s)
{
	if (s->sub && s->sub_docs < SUB_DOCS)
		return DOCKET_OK;
	int rc = close_sub(s);
	if (rc)
		return rc;
	char path[4096];
	index_stage_path(s->idx, s->shard, s->nsubs, path, sizeof path);
	if ((rc = index_clear_path(path, &s->err))) /* never overwrite a user's */
		return rc;
	rc = xap_create(path, &s->sub);
	s->nsubs++; /* made, even half: stage_discard removes it */
	if (rc) {
		stage_fail(s, rc, s->sub ? xap_error(s->sub) : "out of memory");
		xap_close(s->sub);
		s->sub = NULL;
		return rc;
	}
	s->sub_docs = 0;
	return DOCKET_OK;
}

int stage_add(struct stage *s, struct xap_doc *d)
{
	int rc = open_sub(s);
	if (!rc && (rc = xap_add(s->sub, d)))
		stage_fail(s, rc, xap_error(s->sub));
	if (!rc) {
		s->sub_docs++;
		s->docs++;
	}
	return rc;
}

int stage_set_record(struct stage *s, const char *key, const char *value,
                     size_t n)
{
	int rc = s->sub ? DOCKET_OK : open_sub(s);
	if (!rc && (rc = xap_set_metadata(s->sub, key, value, n)))
		stage_fail(s, rc, xap_error(s->sub));
	return rc;
}

int stage_due(const struct stage *s, size_t shard_docs)
{
	return s->docs >= STAGE_MIN && s->docs >= shard_docs;
}

/* Remove staging databases 0 .. nsubs-1. */
static void remove_subs(struct stage *s)
{
	for (unsigned i = 0; i < s->nsubs; i++) {
		char path[4096];
		index_stage_path(s->idx, s->shard, i, path, sizeof path);
		index_remove_tree(path);
	}
	s->nsubs = 0;
	s->docs = s->sub_docs = 0;
}

int stage_merge(struct stage *s)
{
	if (s->nsubs == 0)
		return DOCKET_OK;
	int rc = close_sub(s);
	char out[4096] = "";
	const char **src = calloc(s->nsubs + 1, sizeof *src);
	char (*paths)[4096] = calloc(s->nsubs + 1, sizeof *paths);
	if (!rc && (!src || !paths))
		rc = stage_fail(s, DOCKET_NO_MEMORY, "out of memory");
	if (!rc) {
		index_shard_path(s->idx, s->shard, paths[0], sizeof paths[0]);
		for (unsigned i = 0; i < s->nsubs; i++)
			index_stage_path(s->idx, s->shard, i, paths[i + 1], sizeof paths[i + 1]);
		for (unsigned i = 0; i <= s->nsubs; i++)
			src[i] = paths[i];
		index_next_path(s->idx, s->shard, out, sizeof out);
		rc = index_clear_path(out, &s->err); /* never a user's */
		if (!rc)
			rc = xap_compact(src, s->nsubs + 1, out, &s->err);
	}
	if (!rc)
		rc = index_swap_shard(s->idx, s->shard, &s->err);
	else if (*out) /* only if it is ours: index_remove_tree */
		index_remove_tree(out);
	free(src);
	free(paths);
	remove_subs(s);
	return rc;
}

int stage_copy(struct stage *s, struct xap_db *shard)
{
	int rc = close_sub(s);
	if (!rc && (rc = xap_begin(shard)))
		stage_fail(s, rc, xap_error(shard));
	for (unsigned i = 0; !rc && i < s->nsubs; i++) {
		char path[4096];
		index_stage_path(s->idx, s->shard, i, path, sizeof path);
		if ((rc = xap_copy_from(shard, path)))
			stage_fail(s, rc, xap_error(shard));
	}
	if (!rc && (rc = xap_commit(shard)))
		stage_fail(s, rc, xap_error(shard));
	if (rc)
		xap_cancel(shard);
	remove_subs(s);
	return rc;
}

void stage_discard(struct stage *s)
{
	xap_close(s->sub);
	s->sub = NULL;
	remove_subs(s);
}
