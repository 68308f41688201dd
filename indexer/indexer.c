/* indexer.c — bringing an index up to date with a folder (docket_indexer_*
 * in docket.h).
 *
 * One run walks a root (walk.c), and for each file: unchanged size and
 * mtime → nothing; otherwise read it (input.c), and if its content hash is
 * unchanged only refresh its file record; otherwise replace all of its
 * passages (document.c) and its record.  Files recorded under the root but
 * not met are removed.  Changes go in batches of whole files, each batch
 * one Xapian transaction with the file records beside the documents, so a
 * crash loses at most the open batch and a rerun converges.
 */
#include <errno.h>
#include <fnmatch.h>
#include <libgen.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "../common/article.h"
#include "../common/index.h"
#include "../common/input.h"
#include "../common/schema.h"
#include "../common/xapian.h"
#include "../docket.h"
#include "document.h"
#include "filestate.h"
#include "walk.h"

#define DEFAULT_MAX_SIZE (32L << 20)
#define DEFAULT_BATCH 200

struct docket_indexer {
	docket_index *idx;
	struct walk_opts walk;           /* follow, hidden, max size, excludes */
	long batch;                      /* files per commit */
	docket_event_fn fn;              /* event callback, or NULL */
	void *ctx;
	size_t counts[DOCKET_EVENT_LAST];
	struct file_table files;         /* the index's file records */
	int loaded;                      /* FILES has been read */
	struct doc_builder doc;
	size_t pending;                  /* files changed in the open batch */
	int in_batch;                    /* a transaction is open */
	int status;                      /* sticky: a fatal index error */
	int stopped;                     /* the callback asked to stop */
};

/* State of one file while its articles are written. */
struct file_job {
	docket_indexer *ix;
	const char *path;
	const char *fkey;
	int had_record;  /* delete the old passages before the first new one */
	int deleted;
	size_t articles; /* written so far */
	buf warnings;    /* the parser's warnings, NUL-separated */
	size_t nwarnings;
};

static int emit(docket_indexer *ix, docket_event ev, const char *path,
                const char *reason)
{
	ix->counts[ev]++;
	if (ix->fn && ix->fn(ix->ctx, ev, path, reason ? reason : ""))
		ix->stopped = 1;
	return ix->stopped;
}

/* Record an engine failure as the run's fatal status. */
static int fatal(docket_indexer *ix, int rc)
{
	if (rc && !ix->status)
		ix->status = index_engine_fail(ix->idx, rc);
	return ix->status;
}

static int load_record(void *ctx, const char *key, size_t klen,
                       const char *val, size_t vlen)
{
	docket_indexer *ix = ctx;
	struct file_rec r = {0};
	int rc = 0;
	if (klen != 1 + FILE_KEY_LEN || file_rec_parse(val, vlen, &r))
		return 0; /* not ours, or damaged: the file will be re-indexed */
	memcpy(r.key, key + 1, FILE_KEY_LEN);
	r.path = str_ndup(&rc, r.path, vlen - (size_t)(r.path - val));
	if (rc)
		return rc;
	if (!file_table_put(&ix->files, &r))
		rc = DOCKET_NO_MEMORY;
	free(r.path);
	return rc;
}

static int load_records(docket_indexer *ix)
{
	if (ix->loaded)
		return 0;
	int rc = xap_metadata_scan(ix->idx->db, META_FILE, load_record, ix);
	if (rc == DOCKET_NO_MEMORY)
		return index_fail(ix->idx, rc, "out of memory reading file records");
	if (rc)
		return fatal(ix, rc);
	ix->loaded = 1;
	return 0;
}

static int begin_batch(docket_indexer *ix)
{
	if (ix->in_batch || ix->status)
		return ix->status;
	if (fatal(ix, xap_begin(ix->idx->db)))
		return ix->status;
	ix->in_batch = 1;
	return 0;
}

static int commit_batch(docket_indexer *ix)
{
	if (!ix->in_batch || ix->status)
		return ix->status;
	ix->in_batch = 0;
	if (fatal(ix, xap_commit(ix->idx->db)))
		return ix->status;
	ix->pending = 0;
	emit(ix, DOCKET_EVENT_COMMITTED, "", "");
	return 0;
}

/* One more changed file in the batch; commit when it is full. */
static int file_done(docket_indexer *ix)
{
	if (++ix->pending >= (size_t)ix->batch)
		return commit_batch(ix);
	return ix->status;
}

static int save_record(docket_indexer *ix, const struct file_rec *r)
{
	buf v = BUF_INIT;
	char key[2 + FILE_KEY_LEN] = META_FILE;
	int rc = 0;
	strcat(key, r->key);
	file_rec_format(&rc, &v, r);
	if (!rc)
		rc = xap_set_metadata(ix->idx->db, key, v.p, v.n);
	buf_free(&v);
	if (rc == DOCKET_NO_MEMORY)
		return ix->status = index_fail(ix->idx, rc, "out of memory");
	return fatal(ix, rc);
}

static int delete_file_docs(docket_indexer *ix, const char *fkey)
{
	char term[sizeof PREFIX_FILE + FILE_KEY_LEN] = PREFIX_FILE;
	strcat(term, fkey);
	return fatal(ix, xap_delete_term(ix->idx->db, term));
}

static int write_article(void *ctx, struct article *a)
{
	struct file_job *job = ctx;
	docket_indexer *ix = job->ix;
	if (job->had_record && !job->deleted) {
		if (delete_file_docs(ix, job->fkey))
			return ix->status;
		job->deleted = 1;
	}
	for (size_t i = 0; i < a->npassages && !ix->status; i++) {
		struct xap_doc *d = xap_doc_new();
		int rc = d ? document_build(&ix->doc, a, &a->passages[i], job->fkey, d)
		           : DOCKET_NO_MEMORY;
		if (rc)
			ix->status = index_fail(ix->idx, rc, "out of memory");
		else
			fatal(ix, xap_replace(ix->idx->db, ix->doc.idterm.p, d));
		xap_doc_free(d);
	}
	job->articles++;
	return ix->status;
}

static void parse_warning(void *ctx, const char *message)
{
	struct file_job *job = ctx;
	int rc = 0;
	buf_append(&rc, &job->warnings, message, strlen(message) + 1);
	if (!rc)
		job->nwarnings++;
}

/* Report the buffered warnings (each a WARNING event). */
static void flush_warnings(struct file_job *job)
{
	const char *w = job->warnings.p;
	for (size_t i = 0; i < job->nwarnings; i++, w += strlen(w) + 1)
		emit(job->ix, DOCKET_EVENT_WARNING, job->path, w);
}

/* The stable article id of a file: ROOT's name / REL, or REL alone when the
 * root is the file itself. */
static char *article_id(const char *absroot, int root_is_dir, const char *rel)
{
	int rc = 0;
	buf id = BUF_INIT;
	if (root_is_dir) {
		const char *base = strrchr(absroot, '/');
		base = base ? base + 1 : absroot;
		if (*base) {
			buf_puts(&rc, &id, base);
			buf_putc(&rc, &id, '/');
		}
	}
	buf_puts(&rc, &id, rel);
	return buf_steal(&rc, &id);
}

struct run {
	docket_indexer *ix;
	const char *absroot;
	int root_is_dir;
};

enum outcome { WRITTEN, SKIPPED };

/* Parse file PATH (read into IN) and replace its passages.  HAD_RECORD:
 * the index holds an older version, kept if this one yields no article.
 * Sets *OUT; returns non-zero only for a fatal index error. */
static int index_file(struct run *run, const char *path, const char *rel,
                      const char *fkey, int had_record, struct input *in,
                      enum outcome *out)
{
	docket_indexer *ix = run->ix;
	struct file_job job = {ix, path, fkey, had_record, 0, 0, BUF_INIT, 0};
	char *id = article_id(run->absroot, run->root_is_dir, rel);
	struct parse_ctx pc = {path, id, write_article, parse_warning, &job};
	if (!id)
		return ix->status = index_fail(ix->idx, DOCKET_NO_MEMORY, "out of memory");
	int rc = begin_batch(ix) ? 0 : input_parse(in, &pc);
	free(id);
	if (!ix->status && rc && job.articles == 0) {
		*out = SKIPPED;
		emit(ix, DOCKET_EVENT_SKIPPED, path,
		     job.nwarnings ? job.warnings.p
		     : rc == DOCKET_NO_MEMORY ? "out of memory" : "no article in it");
	} else if (!ix->status) {
		*out = WRITTEN;
		if (job.had_record && !job.deleted)
			delete_file_docs(ix, fkey); /* it now holds no passage */
		if (in->replaced)
			emit(ix, DOCKET_EVENT_WARNING, path,
			     "invalid UTF-8 or NUL bytes replaced");
		flush_warnings(&job);
	}
	buf_free(&job.warnings);
	return ix->status;
}

/* Store R as the file's record, in the open batch. */
static int record_file(docket_indexer *ix, const struct file_rec *r)
{
	if (begin_batch(ix) || save_record(ix, r))
		return ix->status;
	struct file_rec *stored = file_table_put(&ix->files, r);
	if (!stored)
		return ix->status = index_fail(ix->idx, DOCKET_NO_MEMORY, "out of memory");
	stored->seen = 1;
	return 0;
}

/* The walk's callback: bring one file up to date. */
static int on_file(void *ctx, const char *path, const char *rel,
                   const struct stat *st)
{
	struct run *run = ctx;
	docket_indexer *ix = run->ix;
	struct file_rec r = {0};
	char why[512] = "";
	int rc = 0;
	buf abs = BUF_INIT;
	buf_puts(&rc, &abs, run->absroot);
	if (run->root_is_dir) {
		if (abs.n && abs.p[abs.n - 1] != '/')
			buf_putc(&rc, &abs, '/');
		buf_puts(&rc, &abs, rel);
	}
	if (rc)
		return ix->status = index_fail(ix->idx, rc, "out of memory");
	file_key(abs.p, r.key);
	r.path = abs.p;
	r.size = (long long)st->st_size;
	r.mtime_ns = (long long)st->st_mtim.tv_sec * 1000000000LL + st->st_mtim.tv_nsec;
	struct file_rec *have = file_table_find(&ix->files, r.key);
	docket_event ev = have ? DOCKET_EVENT_UPDATED : DOCKET_EVENT_ADDED;
	struct input in = {0};
	if (have && have->size == r.size && have->mtime_ns == r.mtime_ns) {
		have->seen = 1;
		ev = DOCKET_EVENT_UNCHANGED;
	} else if (input_read(path, ix->walk.max_size, &in, why, sizeof why)) {
		if (have)
			have->seen = 1; /* keep what the index had for it */
		ev = DOCKET_EVENT_SKIPPED;
	} else {
		content_hash(in.data.p ? in.data.p : "", in.data.n, r.hash);
		enum outcome out = WRITTEN;
		if (have && strcmp(have->hash, r.hash) == 0)
			ev = DOCKET_EVENT_UNCHANGED; /* touched, not changed */
		else if (index_file(run, path, rel, r.key, have != NULL, &in, &out))
			ev = DOCKET_EVENT_LAST;
		if (out == SKIPPED) {
			if (have)
				have->seen = 1;
			ev = DOCKET_EVENT_LAST; /* already reported */
		} else if (ev != DOCKET_EVENT_LAST && !record_file(ix, &r)) {
			file_done(ix);
		}
	}
	input_clear(&in);
	buf_free(&abs);
	if (ix->status)
		return ix->status;
	if (ev != DOCKET_EVENT_LAST && emit(ix, ev, path, why))
		return DOCKET_INTERRUPTED;
	return ix->stopped ? DOCKET_INTERRUPTED : 0;
}

static void on_skip(void *ctx, const char *path, const char *reason)
{
	struct run *run = ctx;
	emit(run->ix, DOCKET_EVENT_SKIPPED, path, reason);
}

static int under_root(const char *path, const char *root)
{
	size_t n = strlen(root);
	if (strncmp(path, root, n) != 0)
		return 0;
	return path[n] == '\0' || path[n] == '/' || (n && root[n - 1] == '/');
}

/* Remove the files recorded under ROOT that this run did not meet. */
static int remove_unseen(docket_indexer *ix, const char *root)
{
	for (size_t i = 0; i < ix->files.cap && !ix->status; i++) {
		struct file_rec *r = &ix->files.slots[i];
		if (!r->path || r->seen || !under_root(r->path, root))
			continue;
		char key[2 + FILE_KEY_LEN] = META_FILE;
		strcat(key, r->key);
		if (begin_batch(ix) || delete_file_docs(ix, r->key) ||
		    fatal(ix, xap_set_metadata(ix->idx->db, key, "", 0)))
			break;
		emit(ix, DOCKET_EVENT_REMOVED, r->path, "");
		r->seen = 1; /* gone: never again this run */
		if (file_done(ix))
			break;
	}
	return ix->status;
}

DOCKET_EXPORT docket_status docket_indexer_run(docket_indexer *ix,
                                               const char *path)
{
	if (!ix || !path)
		return DOCKET_BAD_ARGUMENT;
	index_clear_error(ix->idx);
	if (ix->status)
		return ix->status;
	char *abs = realpath(path, NULL);
	struct stat st;
	if (!abs || stat(abs, &st) != 0) {
		int err = errno;
		free(abs);
		return index_fail(ix->idx, err == ENOMEM ? DOCKET_NO_MEMORY : DOCKET_NOT_FOUND,
		                  "%s: %s", path, strerror(err));
	}
	if (load_records(ix)) {
		free(abs);
		return ix->status ? ix->status : DOCKET_NO_MEMORY;
	}
	struct run run = {ix, abs, S_ISDIR(st.st_mode)};
	int rc = walk_tree(path, &ix->walk, on_file, on_skip, &run);
	if (!ix->status && !ix->stopped && rc == 0)
		remove_unseen(ix, abs);
	free(abs);
	if (ix->status) {
		xap_cancel(ix->idx->db);
		ix->in_batch = 0;
		return ix->status;
	}
	if (commit_batch(ix))
		return ix->status;
	if (ix->stopped)
		return index_fail(ix->idx, DOCKET_INTERRUPTED, "%s: indexing interrupted", path);
	if (rc)
		return index_fail(ix->idx, rc == DOCKET_NO_MEMORY ? rc : DOCKET_IO_ERROR,
		                  "%s: cannot walk this folder", path);
	return DOCKET_OK;
}

DOCKET_EXPORT docket_status docket_indexer_new(docket_index *idx,
                                               docket_indexer **out)
{
	if (!out)
		return DOCKET_BAD_ARGUMENT;
	*out = NULL;
	if (!idx || !idx->db)
		return DOCKET_BAD_ARGUMENT;
	if (!idx->writable)
		return index_fail(idx, DOCKET_UNSUPPORTED,
		                  "%s: open the index for writing to index files", idx->path);
	docket_indexer *ix = calloc(1, sizeof *ix);
	if (!ix)
		return DOCKET_NO_MEMORY;
	ix->idx = idx;
	ix->walk.max_size = DEFAULT_MAX_SIZE;
	ix->batch = DEFAULT_BATCH;
	ix->doc.st = idx->stem;
	*out = ix;
	return DOCKET_OK;
}

DOCKET_EXPORT docket_status docket_indexer_set(docket_indexer *ix,
                                               docket_indexer_option opt,
                                               long value)
{
	if (!ix || value < 0)
		return DOCKET_BAD_ARGUMENT;
	switch (opt) {
	case DOCKET_INDEXER_FOLLOW:
		ix->walk.follow = value != 0;
		return DOCKET_OK;
	case DOCKET_INDEXER_HIDDEN:
		ix->walk.hidden = value != 0;
		return DOCKET_OK;
	case DOCKET_INDEXER_MAX_SIZE:
		if (value == 0)
			return DOCKET_BAD_ARGUMENT;
		ix->walk.max_size = (size_t)value;
		return DOCKET_OK;
	case DOCKET_INDEXER_BATCH:
		if (value == 0)
			return DOCKET_BAD_ARGUMENT;
		ix->batch = value;
		return DOCKET_OK;
	default:
		return DOCKET_BAD_ARGUMENT;
	}
}

DOCKET_EXPORT docket_status docket_indexer_exclude(docket_indexer *ix,
                                                   const char *glob)
{
	if (!ix || !glob || !*glob)
		return DOCKET_BAD_ARGUMENT;
	int rc = 0;
	char **list = realloc(ix->walk.excludes,
	                      (ix->walk.nexcludes + 1) * sizeof *list);
	if (!list)
		return DOCKET_NO_MEMORY;
	ix->walk.excludes = list;
	list[ix->walk.nexcludes] = str_dup(&rc, glob);
	if (rc)
		return DOCKET_NO_MEMORY;
	ix->walk.nexcludes++;
	return DOCKET_OK;
}

DOCKET_EXPORT void docket_indexer_on_event(docket_indexer *ix,
                                           docket_event_fn fn, void *ctx)
{
	if (!ix)
		return;
	ix->fn = fn;
	ix->ctx = ctx;
}

DOCKET_EXPORT size_t docket_indexer_count(const docket_indexer *ix,
                                          docket_event event)
{
	if (!ix || (unsigned)event >= DOCKET_EVENT_LAST)
		return 0;
	return ix->counts[event];
}

DOCKET_EXPORT void docket_indexer_free(docket_indexer *ix)
{
	if (!ix)
		return;
	if (ix->in_batch)
		xap_cancel(ix->idx->db);
	for (size_t i = 0; i < ix->walk.nexcludes; i++)
		free(ix->walk.excludes[i]);
	free(ix->walk.excludes);
	file_table_free(&ix->files);
	doc_builder_free(&ix->doc);
	free(ix);
}
