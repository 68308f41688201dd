/* indexer.c — bringing an index up to date with a folder (docket_indexer_*
 * in docket.h).
 *
 * The calling thread walks a root (walk.c) and hands each file to the
 * worker of its shard: shard = stable hash of the file's absolute path, so
 * a file always lands in the same shard and its record, its passages and
 * their deletion all live there.  Each worker owns one shard's writer, file
 * records, stemmer and batch, and for each file: unchanged size and mtime →
 * nothing; otherwise read it (input.c), and if its content hash is
 * unchanged only refresh its record; otherwise replace all its passages
 * (document.c) and its record.  Files recorded under the root but not met
 * are removed.  Changes go in batches of whole files, each batch one
 * Xapian transaction on one shard with the file records beside the
 * documents.  Once a worker has written a batch of new files this run, its
 * further new files go to the stage (stage.h), merged into the shard when
 * it is as big as the shard and at the end (or, when few, copied into it).
 * So a crash loses at most each shard's open batch and unmerged stage, and
 * a rerun converges.
 *
 * Events go to the caller's callback one at a time (under a mutex), from
 * whichever thread met them.
 */
#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include <jansson.h>

#include "article.h"
#include "../engine/engine.h"
#include "../engine/index.h"
#include "../engine/layout.h"
#include "../engine/seal.h"
#include "input.h"
#include "../common/error.h"
#include "../common/schema.h"
#include "../common/stem.h"
#include "../engine/engine.h"
#include "../docket.h"
#include "document.h"
#include "legal.h"
#include "filestate.h"
#include "roots.h"
#include "stage.h"
#include "walk.h"

#define DEFAULT_MAX_SIZE (32L << 20)
/* A file modified less than this before it was read may still change
 * within the same timestamp tick (1 s on many file systems, 2 s on FAT)
 * with the same size: a rewrite the next run's size+mtime test cannot see
 * (5 of 5 same-size rewrites missed on a 1-second file system). */
#define RACY_NS (2LL * 1000000000LL)
#define DEFAULT_BATCH 200
#define QUEUE_LEN 64 /* files waiting per worker */
#define COPY_MAX 500 /* staged passages copied into a shard, not merged */

/* A file handed to a worker, or (path NULL) the end of the walk. */
struct job {
	char *path;      /* as walked */
	char *rel;       /* relative to the root */
	struct stat st;
};

/* One shard's writer. */
struct worker {
	docket_indexer *ix;
	struct xap_db *db;         /* the shard (owned by the index handle) */
	struct stemmer *stem;      /* this thread's own */
	struct doc_builder doc;
	struct file_table files;   /* the shard's file records */
	struct stage stage;        /* new files on their way in (stage.h) */
	size_t added;              /* new files written directly this run */
	int loaded;                /* FILES has been read */
	size_t pending;            /* files changed in the open batch */
	int in_batch;              /* a transaction is open */
	struct docket_error err;   /* sticky: a fatal error on this shard */
	struct job queue[QUEUE_LEN];
	size_t head, count;        /* the queue's ring */
	pthread_mutex_t mu;
	pthread_cond_t changed;    /* a job was added or taken */
	pthread_t thread;
};

/* One call of docket_indexer_run. */
struct run {
	const char *absroot;       /* the root, absolute */
	int root_is_dir;
	int walk_ok;               /* the walk met the whole root */
	const char *root;          /* the root as given (walked paths start so) */
	int keep_all;              /* KEPT is incomplete: remove nothing */
	buf kept;                  /* absolute paths not walked though still
	                            * there, NUL-separated: what the index has
	                            * under them stays (written by the walk,
	                            * read by the workers after it ends) */
	const char *prefix;        /* article ids start so (roots.c) */
	struct roots *roots;       /* the index's roots, this one added */
	int roots_unsaved;         /* ROOTS changed: shard 0's worker writes
	                            * them inside its first batch */
	int walk_errno;            /* why the walk stopped (walk_tree's errno) */
};

struct docket_indexer {
	docket_index *idx;
	struct walk_opts walk;     /* follow, hidden, max size, excludes */
	long batch;                /* files per commit, per shard */
	docket_event_fn fn;        /* event callback, or NULL */
	void *ctx;
	size_t counts[DOCKET_EVENT_LAST];
	int stopped;               /* the callback asked to stop */
	pthread_mutex_t mu;        /* guards COUNTS, FN, STOPPED */
	struct worker *workers;    /* one per shard */
	unsigned nworkers;
	struct run *run;           /* the run in progress */
	int verified;              /* the shards were checked (verify_shards) */
};

/* State of one file while its articles are written. */
struct file_job {
	struct worker *w;
	const char *path;
	const char *fkey;
	int had_record;  /* delete the old passages before the first new one */
	int staged;      /* written to the stage, not the shard */
	int deleted;
	size_t articles; /* written so far */
	buf warnings;    /* the parser's warnings, NUL-separated */
	size_t nwarnings;
	int records;     /* a JSON file: keep a hash per record (MAP) */
	json_t *old;     /* article key -> record hash as last indexed, those
	                  * not met yet; NULL: rewrite the whole file */
	buf map;         /* "AKEY HASH\n" per record written or kept */
	size_t kept;     /* records unchanged since last time */
	size_t redone;   /* records new or changed */
	size_t dropped;  /* records gone */
	int stream;      /* read record by record: commit every batch of them */
	size_t uncommitted; /* records written since the last commit */
};

/* Report an event; returns non-zero once the run should stop. */
static int emit(docket_indexer *ix, docket_event ev, const char *path,
                const char *reason)
{
	pthread_mutex_lock(&ix->mu);
	ix->counts[ev]++;
	if (ix->fn && ix->fn(ix->ctx, ev, path, reason ? reason : ""))
		ix->stopped = 1;
	int stopped = ix->stopped;
	pthread_mutex_unlock(&ix->mu);
	return stopped;
}

static int stopped(docket_indexer *ix)
{
	pthread_mutex_lock(&ix->mu);
	int s = ix->stopped;
	pthread_mutex_unlock(&ix->mu);
	return s;
}

/* Record a fatal error on W (printf-style) unless one is recorded. */
static int wfail(struct worker *w, int status, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static int wfail(struct worker *w, int status, const char *fmt, ...)
{
	if (w->err.status || !status)
		return w->err.status;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(w->err.msg, sizeof w->err.msg, fmt, ap);
	va_end(ap);
	return w->err.status = status;
}

/* Record an engine failure on W. */
static int fatal(struct worker *w, int rc)
{
	if (rc)
		wfail(w, rc, "%s", xap_error(w->db));
	return w->err.status;
}

static int load_record(void *ctx, const char *key, size_t klen,
                       const char *val, size_t vlen)
{
	struct worker *w = ctx;
	struct file_rec r = {0};
	int rc = 0;
	if (klen != 1 + FILE_KEY_LEN || file_rec_parse(val, vlen, &r))
		return 0; /* not ours, or damaged: the file will be re-indexed */
	memcpy(r.key, key + 1, FILE_KEY_LEN);
	r.path = str_ndup(&rc, r.path, vlen - (size_t)(r.path - val));
	if (!rc && !file_table_put(&w->files, &r))
		rc = DOCKET_NO_MEMORY;
	free(r.path);
	return rc;
}

static int load_records(struct worker *w)
{
	if (w->loaded)
		return 0;
	int rc = xap_metadata_scan(w->db, META_FILE, load_record, w);
	if (rc == DOCKET_NO_MEMORY)
		return wfail(w, rc, "out of memory reading file records");
	if (fatal(w, rc))
		return w->err.status;
	w->loaded = 1;
	return 0;
}

/* Open a batch on W's shard (a no-op when one is open).  Shard 0's first
 * batch of a run also carries the run's root records: written before it,
 * begin_transaction would commit them on their own, and a second commit on
 * a live shard before a bulk-load merge lets Xapian reuse the blocks a
 * reader opened before the run still reads (DatabaseModifiedError, then a
 * reopen onto a generation already swept: t-stage 36-37). */
static int begin_batch(struct worker *w)
{
	struct run *run = w->ix->run;
	if (w->in_batch || w->err.status)
		return w->err.status;
	if (fatal(w, xap_begin(w->db)))
		return w->err.status;
	w->in_batch = 1;
	if (w == w->ix->workers && run->roots_unsaved) {
		run->roots_unsaved = 0;
		if (fatal(w, roots_save(w->db, run->roots)))
			return w->err.status;
	}
	return 0;
}

static int commit_batch(struct worker *w)
{
	if (!w->in_batch || w->err.status)
		return w->err.status;
	w->in_batch = 0;
	if (fatal(w, xap_commit(w->db)))
		return w->err.status;
	w->pending = 0;
	emit(w->ix, DOCKET_EVENT_COMMITTED, "", "");
	return 0;
}

/* One more changed file in the batch; commit when it is full. */
static int file_done(struct worker *w)
{
	if (++w->pending >= (size_t)w->ix->batch)
		return commit_batch(w);
	return w->err.status;
}

static void meta_key(char out[2 + FILE_KEY_LEN], const char *fkey)
{
	snprintf(out, 2 + FILE_KEY_LEN, "%s%s", META_FILE, fkey);
}

/* The metadata key of a JSON file's record hashes. */
static void records_key(char out[2 + FILE_KEY_LEN], const char *fkey)
{
	snprintf(out, 2 + FILE_KEY_LEN, "%s%s", META_RECORDS, fkey);
}

/* Store R in the open batch, or (STAGED) in the stage. */
static int save_record(struct worker *w, const struct file_rec *r, int staged)
{
	buf v = BUF_INIT;
	char key[2 + FILE_KEY_LEN];
	int rc = 0;
	meta_key(key, r->key);
	file_rec_format(&rc, &v, r);
	if (rc)
		return wfail(w, rc, "out of memory");
	if (staged) {
		rc = stage_set_record(&w->stage, key, v.p, v.n);
		buf_free(&v);
		return wfail(w, rc, "%s", w->stage.err.msg);
	}
	rc = xap_set_metadata(w->db, key, v.p, v.n);
	buf_free(&v);
	return fatal(w, rc);
}

/* Bring the staged files into the shard: merged by the Compactor when they
 * are many, copied into one batch when they are few next to the shard
 * (a merge rewrites the whole shard).  The open batch is committed first. */
static int unstage(struct worker *w, int final)
{
	size_t have = 0;
	if (w->stage.nsubs == 0 || commit_batch(w) || fatal(w, xap_doc_count(w->db, &have)))
		return w->err.status;
	int rc;
	if (final && w->stage.docs < (have / 100 > COPY_MAX ? have / 100 : COPY_MAX)) {
		rc = stage_copy(&w->stage, w->db);
		if (rc)
			return wfail(w, rc, "%s", w->stage.err.msg);
	} else {
		char what[128];
		snprintf(what, sizeof what, "shard %u, %zu passages", w->stage.shard,
		         w->stage.docs + have);
		emit(w->ix, DOCKET_EVENT_MERGING, "", what);
		if ((rc = stage_merge(&w->stage)))
			return wfail(w, rc, "%s", w->stage.err.msg);
	}
	emit(w->ix, DOCKET_EVENT_COMMITTED, "", "");
	return 0;
}

/* Should new file FKEY go to the stage?  Once this run has written a batch
 * of new files into the shard directly, the rest are staged (bulk load),
 * if the index can swap shards and the shard holds nothing of the file. */
static int use_stage(struct worker *w, const char *fkey)
{
	char term[sizeof PREFIX_FILE + FILE_KEY_LEN];
	int yes = 1;
	if (!index_can_swap(w->ix->idx) || w->added < (size_t)w->ix->batch)
		return 0;
	snprintf(term, sizeof term, "%s%s", PREFIX_FILE, fkey);
	fatal(w, xap_term_exists(w->db, term, &yes));
	return !yes;
}

static int delete_file_docs(struct worker *w, const char *fkey)
{
	char term[sizeof PREFIX_FILE + FILE_KEY_LEN];
	snprintf(term, sizeof term, "%s%s", PREFIX_FILE, fkey);
	return fatal(w, xap_delete_term(w->db, term));
}

/* The legal entities of A (legal.h) into *LG, once per article; 0 or
 * DOCKET_NO_MEMORY. */
static int extract_legal(const struct article *a, struct legal *lg)
{
	const char **text = calloc(a->npassages + 1, sizeof *text);
	size_t *len = calloc(a->npassages + 1, sizeof *len);
	int rc = DOCKET_NO_MEMORY;
	memset(lg, 0, sizeof *lg);
	if (text && len) {
		for (size_t i = 0; i < a->npassages; i++)
			text[i] = a->passages[i].text, len[i] = a->passages[i].len;
		rc = legal_extract(lg, a->title, strlen(a->title), text, len, a->npassages);
	}
	free(text);
	free(len);
	return rc;
}

/* An article with a headline and no body text is its headline: one
 * passage, so it can be found (else it would be "added" and never match).
 * Returns 0 or DOCKET_NO_MEMORY. */
static int headline_passage(struct article *a)
{
	int rc = 0;
	if (a->npassages == 0 && a->title[0])
		article_add_block(&rc, a, NULL, a->title, strlen(a->title),
		                  BLOCK_PARAGRAPH);
	return rc;
}

/* Delete the passages of the article with key AKEY. */
static int delete_article_docs(struct worker *w, const char *akey)
{
	char term[sizeof PREFIX_ARTICLE + ARTICLE_KEY_LEN];
	snprintf(term, sizeof term, "%s%s", PREFIX_ARTICLE, akey);
	return fatal(w, xap_delete_term(w->db, term));
}

/* Note A's record hash in JOB's map and set *SAME when it is the one
 * indexed last time (nothing to write); a changed record's old passages
 * are deleted here.  Returns non-zero on a fatal error. */
static int same_record(struct file_job *job, const struct article *a, int *same)
{
	char akey[ARTICLE_KEY_LEN + 1], hash[33];
	int rc = article_hash(a, hash);
	article_key(a->id, strlen(a->id), akey);
	buf_printf(&rc, &job->map, "%s %s\n", akey, hash);
	if (rc)
		return wfail(job->w, rc, "out of memory");
	json_t *was = job->old ? json_object_get(job->old, akey) : NULL;
	*same = was && strcmp(json_string_value(was), hash) == 0;
	job->kept += *same;
	job->redone += !*same;
	if (!was)
		return 0;
	json_object_del(job->old, akey); /* met: not gone */
	return *same ? 0 : delete_article_docs(job->w, akey);
}

enum { STREAM_BATCHES = 5 };

/* A file read record by record (input.h) is committed every
 * STREAM_BATCHES batches of records, so that Xapian's uncommitted changes
 * stay bounded: a 20k-record, 35 MB export peaked at 267 MB held in one
 * transaction; committed every 200 records at 26 MB, but 1.17x the wall
 * time (sys 1.1 -> 4.0 s, the syncs); every 1000 at 52 MB and no slower
 * (22.7 s vs 25-27 s).  Safe to stop between: the file's record and its record
 * hashes are written last, so a rerun finds it new or changed, replaces
 * the records by their passage ids and deletes what the old hashes say
 * is gone; a new file whose passages are in the shard is never staged
 * (use_stage).  Returns non-zero on a fatal error. */
static int stream_commit(struct file_job *job)
{
	struct worker *w = job->w;
	if (job->staged ||
	    ++job->uncommitted < STREAM_BATCHES * (size_t)w->ix->batch)
		return w->err.status;
	job->uncommitted = 0;
	if (commit_batch(w))
		return w->err.status;
	return begin_batch(w);
}

static int write_article(void *ctx, struct article *a)
{
	struct file_job *job = ctx;
	struct worker *w = job->w;
	if (headline_passage(a))
		return wfail(w, DOCKET_NO_MEMORY, "out of memory");
	if (a->npassages == 0)
		return 0; /* nothing to find: not counted (index_file says so) */
	if (job->records) {
		int same = 0;
		if (same_record(job, a, &same))
			return w->err.status;
		if (same) {
			job->articles++;
			return 0;
		}
	}
	if (job->had_record && !job->deleted) {
		if (delete_file_docs(w, job->fkey))
			return w->err.status;
		job->deleted = 1;
	}
	struct legal lg;
	if (extract_legal(a, &lg))
		return wfail(w, DOCKET_NO_MEMORY, "out of memory");
	w->doc.legal = &lg;
	if (document_article(&w->doc, a))
		return wfail(w, DOCKET_NO_MEMORY, "out of memory");
	for (size_t i = 0; i < a->npassages && !w->err.status; i++) {
		struct xap_doc *d = xap_doc_new();
		int rc = d ? document_build(&w->doc, a, &a->passages[i], job->fkey, d)
		           : DOCKET_NO_MEMORY;
		if (rc)
			wfail(w, rc, "out of memory");
		else if (job->staged && (rc = stage_add(&w->stage, d)))
			wfail(w, rc, "%s", w->stage.err.msg);
		else if (!job->staged)
			fatal(w, xap_replace(w->db, w->doc.idterm.p, d));
		xap_doc_free(d);
	}
	w->doc.legal = NULL;
	legal_free(&lg);
	job->articles++;
	return job->stream ? stream_commit(job) : w->err.status;
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
	const char *p = job->warnings.p;
	for (size_t i = 0; i < job->nwarnings; i++, p += strlen(p) + 1)
		emit(job->w->ix, DOCKET_EVENT_WARNING, job->path, p);
}

/* Append S to ID with '#' written %23 and '%' written %25: a JSON Lines
 * record's id is its file's id, '#', the record's (json.c), so a file
 * named "r.jsonl#x" beside r.jsonl must not take record x's id (it did:
 * one of the two vanished, silently). */
static void put_escaped_id(int *rc, buf *id, const char *s)
{
	for (; *s; s++) {
		if (*s == '#')
			buf_puts(rc, id, "%23");
		else if (*s == '%')
			buf_puts(rc, id, "%25");
		else
			buf_putc(rc, id, *s);
	}
}

/* The stable article id of a file: the run's prefix (roots.c) / REL; for a
 * lone file, the prefix, or REL when it lies under no recorded root; '#'
 * and '%' escaped (put_escaped_id). */
static char *article_id(const struct run *run, const char *rel)
{
	int rc = 0;
	buf id = BUF_INIT;
	if (run->root_is_dir || !*run->prefix) {
		if (run->root_is_dir && *run->prefix) {
			put_escaped_id(&rc, &id, run->prefix);
			buf_putc(&rc, &id, '/');
		}
		put_escaped_id(&rc, &id, rel);
	} else {
		put_escaped_id(&rc, &id, run->prefix);
	}
	return buf_steal(&rc, &id);
}

enum outcome { WRITTEN, SKIPPED };

/* JOB->old from the record hashes stored for JOB's file; left NULL when
 * there are none (indexed before they were kept) or they do not parse. */
static void load_hashes(struct file_job *job)
{
	char key[2 + FILE_KEY_LEN];
	buf v = BUF_INIT;
	records_key(key, job->fkey);
	if (fatal(job->w, xap_get_metadata(job->w->db, key, &v)) || !v.n) {
		buf_free(&v);
		return;
	}
	job->old = json_object();
	for (const char *s = v.p; job->old && s < v.p + v.n;) {
		const char *nl = memchr(s, '\n', (size_t)(v.p + v.n - s));
		if (!nl || nl - s != ARTICLE_KEY_LEN + 33 || s[ARTICLE_KEY_LEN] != ' ' ||
		    json_object_setn_new(job->old, s, ARTICLE_KEY_LEN,
		                         json_stringn(s + ARTICLE_KEY_LEN + 1, 32))) {
			json_decref(job->old); /* damaged: rewrite the whole file */
			job->old = NULL;
			break;
		}
		s = nl + 1;
	}
	buf_free(&v);
}

/* After JOB's file was parsed: delete the records no longer in it, store
 * the new hashes, and (with old ones) say how many records were
 * rewritten.  Returns non-zero on a fatal error. */
static int save_hashes(struct file_job *job, struct input *in)
{
	struct worker *w = job->w;
	const char *akey;
	json_t *v;
	if (job->old)
		json_object_foreach(job->old, akey, v) {
			if (delete_article_docs(w, akey))
				return w->err.status;
			job->dropped++;
		}
	char key[2 + FILE_KEY_LEN];
	records_key(key, job->fkey);
	const char *m = job->map.p ? job->map.p : "";
	int rc = job->staged ? wfail(w, stage_set_record(&w->stage, key, m, job->map.n),
	                             "%s", w->stage.err.msg)
	                     : fatal(w, xap_set_metadata(w->db, key, m, job->map.n));
	if (!rc && job->old && !in->converted[0]) /* the note goes there */
		snprintf(in->converted, sizeof in->converted,
		         "%zu of %zu records rewritten, %zu removed", job->redone,
		         job->redone + job->kept, job->dropped);
	else if (!rc && job->old)
		snprintf(in->converted + strlen(in->converted),
		         sizeof in->converted - strlen(in->converted),
		         "; %zu of %zu records rewritten, %zu removed", job->redone,
		         job->redone + job->kept, job->dropped);
	return rc;
}

/* Parse file PATH (read into IN) and replace its passages.  HAD_RECORD:
 * the index holds an older version, kept if this one yields no article
 * (1), or one under its old root's ids (2: moved, every record rewritten).
 * Sets *OUT; returns non-zero only for a fatal index error. */
static int index_file(struct worker *w, const char *path, const char *rel,
                      const char *fkey, int had_record, int staged,
                      struct input *in, enum outcome *out)
{
	struct file_job job = {w, path, fkey, had_record, staged, 0, 0, BUF_INIT, 0,
	                       in->format == FMT_JSON, NULL, BUF_INIT, 0, 0, 0,
	                       in->stream, 0};
	char *id = article_id(w->ix->run, rel);
	struct parse_ctx pc = {path, id, write_article, parse_warning, &job};
	if (!id)
		return wfail(w, DOCKET_NO_MEMORY, "out of memory");
	if (job.records && had_record == 1) /* its ids unchanged: not moved */
		load_hashes(&job);
	job.deleted = job.old != NULL; /* records are replaced one by one */
	int rc = (!staged && begin_batch(w)) ? 0 : input_parse(in, &pc);
	free(id);
	if (!w->err.status && job.articles && job.records)
		save_hashes(&job, in);
	if (!w->err.status && job.articles == 0) {
		*out = SKIPPED;
		emit(w->ix, DOCKET_EVENT_SKIPPED, path,
		     job.nwarnings ? job.warnings.p
		     : rc == DOCKET_NO_MEMORY ? "out of memory"
		     : rc ? "no article in it" : "no text in it");
	} else if (!w->err.status) {
		*out = WRITTEN;
		if (job.had_record && !job.deleted)
			delete_file_docs(w, fkey); /* it now holds no passage */
		if (in->converted[0])
			emit(w->ix, DOCKET_EVENT_NOTE, path, in->converted);
		if (in->replaced)
			emit(w->ix, DOCKET_EVENT_WARNING, path,
			     "invalid UTF-8 or NUL bytes replaced");
		flush_warnings(&job);
	}
	buf_free(&job.warnings);
	buf_free(&job.map);
	json_decref(job.old);
	return w->err.status;
}

/* Store R as the file's record, in the open batch or (STAGED) the stage. */
static int record_file(struct worker *w, const struct file_rec *r, int staged)
{
	if ((!staged && begin_batch(w)) || save_record(w, r, staged))
		return w->err.status;
	struct file_rec *stored = file_table_put(&w->files, r);
	if (!stored)
		return wfail(w, DOCKET_NO_MEMORY, "out of memory");
	stored->seen = 1;
	return 0;
}

/* The absolute path of a walked file into OUT. */
static void absolute(int *rc, buf *out, const struct run *run, const char *rel)
{
	buf_puts(rc, out, run->absroot);
	if (run->root_is_dir) {
		if (out->n && out->p[out->n - 1] != '/')
			buf_putc(rc, out, '/');
		buf_puts(rc, out, rel);
	}
}

/* The mtime to record for a file with mtime MTIME_NS read just now: itself,
 * or 0 (never equal to a real one, so the next run reads and hashes it)
 * when the file was modified within RACY_NS of now or in the future. */
static long long settled_mtime(long long mtime_ns)
{
	struct timespec now;
	if (clock_gettime(CLOCK_REALTIME, &now) != 0)
		return 0;
	long long t = (long long)now.tv_sec * 1000000000LL + now.tv_nsec;
	return t - mtime_ns < RACY_NS ? 0 : mtime_ns;
}

/* Bring one file up to date in W's shard. */
static void update_file(struct worker *w, const struct job *j)
{
	struct file_rec r = {0};
	char why[512] = "";
	int rc = 0;
	buf abs = BUF_INIT;
	absolute(&rc, &abs, w->ix->run, j->rel);
	if (rc) {
		wfail(w, rc, "out of memory");
		return;
	}
	file_key(abs.p, r.key);
	r.path = abs.p;
	r.size = (long long)j->st.st_size;
	r.mtime_ns = (long long)j->st.st_mtim.tv_sec * 1000000000LL + j->st.st_mtim.tv_nsec;
	struct file_rec *have = file_table_find(&w->files, r.key);
	docket_event ev = have ? DOCKET_EVENT_UPDATED : DOCKET_EVENT_ADDED;
	struct input in = {0};
	/* under a root this one absorbed: its id changes, so rewrite it */
	int moved = have && roots_absorbed(w->ix->run->roots, w->ix->run->absroot, abs.p);
	if (!moved && have && have->size == r.size && have->mtime_ns == r.mtime_ns) {
		have->seen = 1;
		ev = DOCKET_EVENT_UNCHANGED;
	} else if (input_read(j->path, w->ix->walk.max_size, &in, why, sizeof why)) {
		if (error_text_fd_limit(why)) { /* the run's trouble, not the file's */
			char text[128];
			error_fd_text(EMFILE, text, sizeof text);
			wfail(w, DOCKET_IO_ERROR, "%s: %s (opening %s)", w->ix->idx->path,
			      text, j->path);
		}
		if (have)
			have->seen = 1; /* keep what the index had for it */
		ev = DOCKET_EVENT_SKIPPED;
	} else {
		if (in.stream) /* hashed as it was read */
			snprintf(r.hash, sizeof r.hash, "%s", in.hash);
		else
			content_hash(in.data.p ? in.data.p : "", in.data.n, r.hash);
		r.mtime_ns = settled_mtime(r.mtime_ns); /* as recorded */
		enum outcome out = WRITTEN;
		int staged = !have && use_stage(w, r.key);
		if (have && !moved && memcmp(have->hash, r.hash, sizeof r.hash) == 0)
			ev = DOCKET_EVENT_UNCHANGED; /* touched, not changed */
		else if (index_file(w, j->path, j->rel, r.key, have ? 1 + moved : 0,
		                    staged, &in, &out))
			ev = DOCKET_EVENT_LAST;
		if (out == SKIPPED) {
			if (have)
				have->seen = 1;
			ev = DOCKET_EVENT_LAST; /* already reported */
		} else if (ev != DOCKET_EVENT_LAST && !record_file(w, &r, staged)) {
			if (!staged) {
				w->added += !have;
				file_done(w);
			} else {
				size_t docs = 0;
				if (!fatal(w, xap_doc_count(w->db, &docs)) &&
				    stage_due(&w->stage, docs))
					unstage(w, 0);
			}
		}
	}
	input_clear(&in);
	buf_free(&abs);
	if (!w->err.status && ev != DOCKET_EVENT_LAST)
		emit(w->ix, ev, j->path, why);
}

static int under_root(const char *path, const char *root)
{
	size_t n = strlen(root);
	if (strncmp(path, root, n) != 0)
		return 0;
	return path[n] == '\0' || path[n] == '/' || (n && root[n - 1] == '/');
}

/* Is PATH under one of the entries the walk could not read this time? */
static int kept(const struct run *run, const char *path)
{
	for (size_t i = 0; i < run->kept.n; i += strlen(run->kept.p + i) + 1)
		if (under_root(path, run->kept.p + i))
			return 1;
	return 0;
}

/* Whether R is a file of a recorded root that was renamed to this run's
 * root: its root's folder is gone, R's own file too, and the file of the
 * same relative path exists under this root (roots_moved). */
static int moved_here(const struct run *run, const struct file_rec *r)
{
	struct stat st;
	buf there = BUF_INIT;
	int yes = run->root_is_dir && roots_moved(run->roots, run->absroot, r->path, &there) &&
	          lstat(r->path, &st) != 0 && errno == ENOENT && lstat(there.p, &st) == 0;
	buf_free(&there);
	return yes;
}

/* Remove the files of W's shard recorded under ROOT that this run did not
 * meet, unless they lie under an entry that is still there but could not
 * be read (a folder unreadable this time, a file grown too big); and the
 * files of a root renamed to ROOT (moved_here). */
static void remove_unseen(struct worker *w, const char *root)
{
	for (size_t i = 0; i < w->files.cap && !w->err.status; i++) {
		struct file_rec *r = &w->files.slots[i];
		if (!r->path || r->seen || kept(w->ix->run, r->path) ||
		    (!under_root(r->path, root) && !moved_here(w->ix->run, r)))
			continue;
		char key[2 + FILE_KEY_LEN];
		meta_key(key, r->key);
		char rkey[2 + FILE_KEY_LEN];
		records_key(rkey, r->key);
		if (begin_batch(w) || delete_file_docs(w, r->key) ||
		    fatal(w, xap_set_metadata(w->db, key, "", 0)) ||
		    fatal(w, xap_set_metadata(w->db, rkey, "", 0)))
			break;
		emit(w->ix, DOCKET_EVENT_REMOVED, r->path, "");
		r->seen = 1; /* gone: never again this run */
		if (file_done(w))
			break;
	}
}

/* ---------------------------------------------------------------- queues */

/* Hand J to W, waiting while its queue is full. */
static void push(struct worker *w, struct job j)
{
	pthread_mutex_lock(&w->mu);
	while (w->count == QUEUE_LEN)
		pthread_cond_wait(&w->changed, &w->mu);
	w->queue[(w->head + w->count++) % QUEUE_LEN] = j;
	pthread_cond_broadcast(&w->changed);
	pthread_mutex_unlock(&w->mu);
}

static struct job pop(struct worker *w)
{
	pthread_mutex_lock(&w->mu);
	while (w->count == 0)
		pthread_cond_wait(&w->changed, &w->mu);
	struct job j = w->queue[w->head];
	w->head = (w->head + 1) % QUEUE_LEN;
	w->count--;
	pthread_cond_broadcast(&w->changed);
	pthread_mutex_unlock(&w->mu);
	return j;
}

/* A worker: update the files it is handed until the end of the walk, then
 * remove what vanished (if the walk met the whole root) and commit. */
static void *work(void *arg)
{
	struct worker *w = arg;
	docket_indexer *ix = w->ix;
	char name[16]; /* seen in top -H and gdb; the CLI's stall line reads it */
	snprintf(name, sizeof name, DOCKET_SHARD_THREAD "%u", (unsigned)(w - ix->workers));
	pthread_setname_np(pthread_self(), name);
	load_records(w);
	for (;;) {
		struct job j = pop(w);
		if (!j.path)
			break;
		if (!w->err.status && !stopped(ix))
			update_file(w, &j);
		free(j.path);
		free(j.rel);
	}
	if (!w->err.status && !stopped(ix) && ix->run->walk_ok && !ix->run->keep_all)
		remove_unseen(w, ix->run->absroot);
	if (w == ix->workers && ix->run->roots_unsaved)
		begin_batch(w); /* no file of shard 0 changed: the roots alone */
	if (w->err.status && w->in_batch) {
		xap_cancel(w->db);
		w->in_batch = 0;
	}
	commit_batch(w);
	if (!w->err.status)
		unstage(w, 1);
	if (w->err.status)
		stage_discard(&w->stage);
	w->added = 0;
	return NULL;
}

static int on_file(void *ctx, const char *path, const char *rel,
                   const struct stat *st)
{
	docket_indexer *ix = ctx;
	struct job j = {NULL, NULL, *st};
	char key[FILE_KEY_LEN + 1];
	int rc = 0;
	buf abs = BUF_INIT;
	absolute(&rc, &abs, ix->run, rel);
	j.path = str_dup(&rc, path);
	j.rel = str_dup(&rc, rel);
	if (rc) {
		free(j.path);
		free(j.rel);
		buf_free(&abs);
		return DOCKET_NO_MEMORY;
	}
	file_key(abs.p, key);
	buf_free(&abs);
	unsigned shard = (unsigned)(strtoull(key + 8, NULL, 16) % ix->nworkers);
	push(&ix->workers[shard], j);
	return stopped(ix) ? DOCKET_INTERRUPTED : 0;
}

static void on_skip(void *ctx, const char *path, const char *reason)
{
	emit(ctx, DOCKET_EVENT_SKIPPED, path, reason);
}

/* An entry the walk met but could not read: remember it (its files keep
 * their passages) and report it skipped, saying so. */
static void on_keep(void *ctx, const char *path, const char *reason)
{
	docket_indexer *ix = ctx;
	struct run *run = ix->run;
	size_t n = strlen(run->root);
	int rc = 0;
	char why[512];
	buf_puts(&rc, &run->kept, run->absroot);
	if (strncmp(path, run->root, n) == 0 && path[n]) {
		if (run->kept.n && run->kept.p[run->kept.n - 1] != '/' && path[n] != '/')
			buf_putc(&rc, &run->kept, '/');
		buf_puts(&rc, &run->kept, path + n);
	}
	buf_putc(&rc, &run->kept, '\0');
	if (rc) /* out of memory: remove nothing rather than lose anything */
		run->keep_all = 1;
	snprintf(why, sizeof why, "%s; what was indexed from it is kept", reason);
	emit(ix, DOCKET_EVENT_SKIPPED, path, why);
}

/* The first worker error as the index's error, or DOCKET_OK. */
static int worker_status(docket_indexer *ix)
{
	for (unsigned k = 0; k < ix->nworkers; k++)
		if (ix->workers[k].err.status)
			return index_fail(ix->idx, ix->workers[k].err.status, "%s: %s",
			                  ix->idx->path, ix->workers[k].err.msg);
	return DOCKET_OK;
}

/* Give RUN its id prefix from the index's roots (roots.c), mark a new or
 * absorbed root for shard 0's first batch (begin_batch), and report one line when another root has the same name.  Returns
 * a docket_status. */
static int name_root(docket_indexer *ix, const char *path, struct run *run,
                     buf *prefix)
{
	struct xap_db *db = ix->idx->shards[0];
	const char *label = NULL, *clash = NULL;
	int rc = roots_load(db, run->roots);
	if (!rc)
		rc = roots_assign(run->roots, run->absroot, run->root_is_dir, prefix,
		                  &label, &clash);
	run->roots_unsaved = roots_changed(run->roots);
	if (rc)
		return index_fail(ix->idx, rc, "%s: cannot record the root: %s", path,
		                  xap_error(db));
	run->prefix = prefix->p ? prefix->p : "";
	if (clash) {
		char msg[600];
		snprintf(msg, sizeof msg, "another root named so is in the index (%.250s); "
		         "this one's ids start '%.250s/'", clash, label);
		emit(ix, DOCKET_EVENT_WARNING, path, msg);
	}
	return 0;
}

/* Walk ROOT with one thread per shard taking the files. */
static int run_workers(docket_indexer *ix, const char *path, struct run *run,
                       int *walk_rc)
{
	unsigned started = 0;
	ix->run = run;
	for (; started < ix->nworkers; started++)
		if (pthread_create(&ix->workers[started].thread, NULL, work,
		                   &ix->workers[started]))
			break;
	if (started == ix->nworkers) {
		*walk_rc = walk_tree(path, &ix->walk, on_file, on_skip, ix);
		run->walk_errno = *walk_rc == DOCKET_IO_ERROR ? errno : 0;
		run->walk_ok = *walk_rc == 0;
	}
	for (unsigned k = 0; k < started; k++) /* all finish in parallel */
		push(&ix->workers[k], (struct job){NULL, NULL, {0}});
	for (unsigned k = 0; k < started; k++)
		pthread_join(ix->workers[k].thread, NULL);
	ix->run = NULL;
	if (started < ix->nworkers)
		return index_fail(ix->idx, DOCKET_NO_MEMORY, "cannot start a thread");
	return worker_status(ix);
}

/* The walk of PATH stopped with RC (errno ERR): the index's error.  Out of
 * descriptors is the run's trouble, not the folder's, so it names the
 * index as every other "too many open files (limit N)" does. */
static int walk_fail(docket_indexer *ix, const char *path, int rc, int err)
{
	char text[128];
	if (!error_is_fd_limit(err))
		return index_fail(ix->idx, rc == DOCKET_NO_MEMORY ? rc : DOCKET_IO_ERROR,
		                  "%s: cannot walk this folder", path);
	error_fd_text(err, text, sizeof text);
	return index_fail(ix->idx, DOCKET_IO_ERROR, "%s: %s: %s; what was indexed "
	                  "from it is kept", ix->idx->path, path, text);
}

/* Before the first write: check each shard the seal does not vouch for
 * (engine/seal.h; a crash, another program or planted damage changed its
 * files), saying so with -v.  Returns a docket_status. */
static int verify_shards(docket_indexer *ix)
{
	int rc = 0;
	for (unsigned k = 0; !rc && k < ix->idx->nshards; k++) {
		int checked;
		char name[64], dir[4400];
		rc = seal_verify(ix->idx, k, &checked);
		seal_shard_name(ix->idx, k, name, sizeof name);
		snprintf(dir, sizeof dir, "%s/%s", ix->idx->path, name);
		if (!rc && checked)
			emit(ix, DOCKET_EVENT_NOTE, dir, "its files changed since docket "
			     "last left them (a crash, another program, or an older docket): "
			     "checked before writing, sound");
	}
	ix->verified = !rc;
	return rc;
}

/* Write the copy marks of every shard (engine/marks.cc) unless they are
 * all current; failing is only a warning (a search then looks up every
 * hit's copies, as without marks).  Reading every copy key term and
 * confirming the pairs with a new passage took 1.3 s of CPU when every
 * passage of 20,000 articles was new, against 103 s to index them
 * (1.013x). */
static void mark_copies(docket_indexer *ix)
{
	unsigned n = ix->idx->nshards;
	char (*dirs)[4400] = calloc(n ? n : 1, sizeof *dirs);
	const char **d = calloc(n ? n : 1, sizeof *d);
	size_t marked;
	unsigned k = 0;
	for (; dirs && d && k < n && ix->idx->shards[k]; k++) {
		char name[64];
		seal_shard_name(ix->idx, k, name, sizeof name);
		layout_in_folder(ix->idx, name, dirs[k], sizeof dirs[k]);
		d[k] = dirs[k];
	}
	if (k == n && n && xap_marks_write(ix->idx->shards, d, n, &marked))
		emit(ix, DOCKET_EVENT_WARNING, ix->idx->path, xap_error(ix->idx->shards[0]));
	free(dirs);
	free(d);
}

/* After a run whose every commit was made: write the copy marks and the
 * facet columns of each shard whose file is not current
 * (engine/marks.cc, engine/columns.cc), then seal the
 * shards as they are, so that the next run need not check them; failing
 * is only a warning (counts are then read from the value slots, and a
 * shard is checked before the next write).  The columns cost a read of
 * every value of a changed shard: 0.15 s for both shards at 20,000
 * articles, against 75 s to index them (1.002x). */
static void seal_run(docket_indexer *ix)
{
	mark_copies(ix);
	for (unsigned k = 0; k < ix->idx->nshards; k++) {
		char name[64], dir[4400];
		int written;
		if (!ix->idx->shards[k])
			continue;
		seal_shard_name(ix->idx, k, name, sizeof name);
		layout_in_folder(ix->idx, name, dir, sizeof dir);
		if (xap_columns_write(ix->idx->shards[k], dir, &written))
			emit(ix, DOCKET_EVENT_WARNING, dir,
			     xap_error(ix->idx->shards[k]));
	}
	if (seal_write(ix->idx))
		emit(ix, DOCKET_EVENT_WARNING, ix->idx->path, docket_index_last_error(ix->idx));
	index_clear_error(ix->idx);
}

DOCKET_EXPORT docket_status docket_indexer_run(docket_indexer *ix,
                                               const char *path)
{
	if (!ix || !path)
		return DOCKET_BAD_ARGUMENT;
	index_clear_error(ix->idx);
	int rc = worker_status(ix);
	if (!rc && !ix->verified)
		rc = verify_shards(ix);
	if (rc)
		return rc;
	char *abs = realpath(path, NULL);
	struct stat st;
	if (!abs || stat(abs, &st) != 0) {
		int err = errno;
		free(abs);
		return index_fail(ix->idx, err == ENOMEM ? DOCKET_NO_MEMORY : DOCKET_NOT_FOUND,
		                  "%s: %s", path, strerror(err));
	}
	struct roots roots = {0};
	buf prefix = BUF_INIT;
	struct run run = {abs, S_ISDIR(st.st_mode), 0, path, 0, BUF_INIT, "", &roots, 0, 0};
	int walk_rc = 0;
	rc = name_root(ix, path, &run, &prefix);
	if (!rc)
		rc = run_workers(ix, path, &run, &walk_rc);
	roots_free(&roots);
	buf_free(&prefix);
	free(abs);
	buf_free(&run.kept);
	if (rc)
		return rc;
	if (stopped(ix))
		return index_fail(ix->idx, DOCKET_INTERRUPTED, "%s: indexing interrupted", path);
	if (walk_rc)
		return walk_fail(ix, path, walk_rc, run.walk_errno);
	seal_run(ix);
	return DOCKET_OK;
}

/* ------------------------------------------------------------- lifetime */

/* Make W the worker of shard DB.  Returns 0; -1 when nothing was made; -2
 * when W must still be given to worker_free. */
static int worker_init(struct worker *w, docket_indexer *ix, struct xap_db *db)
{
	w->ix = ix;
	w->db = db;
	w->stage.idx = ix->idx;
	w->stage.shard = (unsigned)(w - ix->workers);
	if (pthread_mutex_init(&w->mu, NULL))
		return -1;
	if (pthread_cond_init(&w->changed, NULL)) {
		pthread_mutex_destroy(&w->mu);
		return -1;
	}
	w->stem = stem_new(docket_index_language(ix->idx));
	w->doc.st = w->stem;
	return w->stem ? 0 : -2;
}

static void worker_free(struct worker *w)
{
	if (w->in_batch)
		xap_cancel(w->db);
	stage_discard(&w->stage);
	file_table_free(&w->files);
	doc_builder_free(&w->doc);
	stem_free(w->stem);
	pthread_cond_destroy(&w->changed);
	pthread_mutex_destroy(&w->mu);
}

DOCKET_EXPORT void docket_indexer_free(docket_indexer *ix)
{
	if (!ix)
		return;
	for (unsigned k = 0; k < ix->nworkers; k++)
		worker_free(&ix->workers[k]);
	free(ix->workers);
	for (size_t i = 0; i < ix->walk.nexcludes; i++)
		free(ix->walk.excludes[i]);
	free(ix->walk.excludes);
	pthread_mutex_destroy(&ix->mu);
	free(ix);
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
	if (pthread_mutex_init(&ix->mu, NULL)) {
		free(ix);
		return DOCKET_NO_MEMORY;
	}
	ix->idx = idx;
	ix->walk.max_size = DEFAULT_MAX_SIZE;
	ix->walk.keep = on_keep;
	struct stat st; /* the walk never enters the index's own folder */
	if (stat(idx->path, &st) == 0 && S_ISDIR(st.st_mode)) {
		ix->walk.has_index = 1;
		ix->walk.index_dev = st.st_dev;
		ix->walk.index_ino = st.st_ino;
	}
	ix->batch = DEFAULT_BATCH;
	ix->workers = calloc(idx->nshards, sizeof *ix->workers);
	for (unsigned k = 0; ix->workers && k < idx->nshards; k++) {
		int rc = worker_init(&ix->workers[k], ix, idx->shards[k]);
		if (rc != -1)
			ix->nworkers++;
		if (rc)
			break;
	}
	if (!ix->workers || ix->nworkers < idx->nshards ||
	    !ix->workers[ix->nworkers - 1].stem) {
		docket_indexer_free(ix);
		return DOCKET_NO_MEMORY;
	}
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
	case DOCKET_INDEXER_ONE_FILE_SYSTEM:
		ix->walk.one_fs = value != 0;
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
	docket_indexer *m = (docket_indexer *)ix; /* the lock, not the state */
	pthread_mutex_lock(&m->mu);
	size_t n = ix->counts[event];
	pthread_mutex_unlock(&m->mu);
	return n;
}
