/* stage.c — staging databases and their merge into a shard (stage.h). */
#include "stage.h"

#include <dirent.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include "../engine/index.h"
#include "../engine/engine.h"

/* Documents per staging database.  Xapian's inverter costs more per
 * document the more it holds (36k passages, one thread: 8,000 per database
 * 13.8 s of add_document, 4,000 12.5 s, 1,000 6.8 s, 500 5.9 s), while the
 * merge costs more the more databases it reads (37: 1.4 s, 73: 2.0 s). */
#define SUB_DOCS 1000
#define STAGE_MIN 50000   /* documents staged before a merge is worth it */
#define FDS_PER_DB 6      /* a merge source's glass tables: postlist,
                           * docdata, termlist, position, spelling, synonym */
#define FDS_MERGE_OUT 8   /* the merge's output tables and its temporaries */

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

/* Descriptors open in this process now (/proc/self/fd), or 0 when that
 * cannot be read. */
static long fds_open(void)
{
	DIR *d = opendir("/proc/self/fd");
	long n = 0;
	if (!d)
		return 0;
	for (struct dirent *e; (e = readdir(d));)
		n += e->d_name[0] != '.';
	closedir(d);
	return n > 0 ? n - 1 : 0; /* not the one reading the folder */
}

/* How many databases one merge of S may read at once, so that every
 * shard merging at the same time stays within the descriptor limit: the
 * descriptors left (limit - open now) shared by the shards, less the
 * merge's output, FDS_PER_DB each; at least 2 (a merge of fewer is no
 * merge).  A first load big enough to stage 500 databases per shard would
 * otherwise need 3,000 descriptors for one merge. */
static unsigned merge_fan_in(const struct stage *s)
{
	struct rlimit rl;
	if (getrlimit(RLIMIT_NOFILE, &rl) != 0 || rl.rlim_cur == RLIM_INFINITY)
		return UINT_MAX;
	long shards = s->idx->nshards ? (long)s->idx->nshards : 1;
	long spare = ((long)rl.rlim_cur - fds_open()) / shards - FDS_MERGE_OUT;
	long fan = spare / FDS_PER_DB;
	return fan < 2 ? 2 : fan > (long)UINT_MAX ? UINT_MAX : (unsigned)fan;
}

/* Compact the N databases SRC into OUT (a staging path, or the shard's
 * next generation), which must be free or docket's. */
static int compact_into(struct stage *s, const char *const *src, size_t n,
                        const char *out)
{
	int rc = index_clear_path(out, &s->err); /* never a user's */
	if (!rc)
		rc = xap_compact(src, n, out, &s->err);
	return rc;
}

/* Merge the staging databases whose numbers are in SUBS[0..*N) FAN at a
 * time into new staging databases (numbered from s->nsubs on, so that
 * remove_subs takes them too), until at most FAN - 1 are left (the shard
 * makes one more source).  SUBS and *N are updated. */
static int reduce_subs(struct stage *s, unsigned *subs, unsigned *n, unsigned fan)
{
	while (*n + 1 > fan) {
		unsigned kept = 0;
		for (unsigned i = 0; i < *n; i += fan) {
			unsigned m = *n - i < fan ? *n - i : fan;
			char (*paths)[4096] = malloc(m * sizeof *paths), out[4096];
			const char **src = malloc(m * sizeof *src);
			int rc = paths && src ? DOCKET_OK
			                      : stage_fail(s, DOCKET_NO_MEMORY, "out of memory");
			for (unsigned j = 0; !rc && j < m; j++) {
				index_stage_path(s->idx, s->shard, subs[i + j], paths[j], sizeof paths[j]);
				src[j] = paths[j];
			}
			index_stage_path(s->idx, s->shard, s->nsubs, out, sizeof out);
			if (!rc)
				rc = compact_into(s, src, m, out);
			free(paths);
			free(src);
			subs[kept++] = s->nsubs++;
			if (rc)
				return rc;
		}
		*n = kept;
	}
	return DOCKET_OK;
}

int stage_merge(struct stage *s)
{
	if (s->nsubs == 0)
		return DOCKET_OK;
	int rc = close_sub(s);
	char out[4096] = "";
	unsigned n = s->nsubs, fan = merge_fan_in(s);
	unsigned *subs = calloc(n, sizeof *subs);
	if (!rc && !subs)
		rc = stage_fail(s, DOCKET_NO_MEMORY, "out of memory");
	for (unsigned i = 0; !rc && i < n; i++)
		subs[i] = i;
	if (!rc)
		rc = reduce_subs(s, subs, &n, fan);
	const char **src = rc ? NULL : calloc(n + 1, sizeof *src);
	char (*paths)[4096] = rc ? NULL : calloc(n + 1, sizeof *paths);
	if (!rc && (!src || !paths))
		rc = stage_fail(s, DOCKET_NO_MEMORY, "out of memory");
	if (!rc) {
		index_shard_path(s->idx, s->shard, paths[0], sizeof paths[0]);
		for (unsigned i = 0; i < n; i++)
			index_stage_path(s->idx, s->shard, subs[i], paths[i + 1], sizeof paths[i + 1]);
		for (unsigned i = 0; i <= n; i++)
			src[i] = paths[i];
		index_next_path(s->idx, s->shard, out, sizeof out);
		rc = compact_into(s, src, n + 1, out);
	}
	if (!rc)
		rc = index_swap_shard(s->idx, s->shard, &s->err);
	else if (*out) /* only if it is ours: index_remove_tree */
		index_remove_tree(out);
	free(subs);
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
