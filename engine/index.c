/* index.c — the index handle: opening (reader or writer), closing, the
 * last error, the stemming language, counts and the shard count: the public
 * docket_index_* of docket.h, over the engine (engine.h), the folder layout
 * (layout.h) and the writer's lock (lock.h).
 *
 * A writer takes the folder's lock, then opens every shard the stub names
 * (creating shard-0 … shard-N-1 and the stub for a new index) and sweeps
 * what a crash left; a reader opens the shards the stub names as one
 * database, retrying when it catches a swap half-way.  (A folder that is
 * itself one Xapian database is opened as a single shard.)  Every shard
 * records the schema version and language in its metadata.
 *
 * Callers: the public API; index_fail() and friends by every file that
 * reports on an index (indexer/, searcher/).
 */
#include <errno.h>
#include <fcntl.h>
#include <dirent.h>
#include <ftw.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../common/schema.h"
#include "../common/stem.h"
#include "../docket.h"
#include "children.h"
#include "engine.h"
#include "index.h"
#include "layout.h"
#include "seal.h"
#include "lock.h"
#include "stub.h"

#define DEFAULT_LANG "english"
#define OPEN_RETRIES 4 /* reopening a sharded folder caught mid-swap */

int index_fail(docket_index *idx, int status, const char *fmt, ...)
{
	va_list ap;
	int rc = 0;
	char msg[2048];
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	buf_reset(&idx->error);
	buf_puts(&rc, &idx->error, msg);
	return status;
}

/* The "remote ..." lines of the stub file PATH (not a folder), joined
 * with ", " into OUT ("" when none or not a stub file). */
static void remote_lines(const char *path, char *out, size_t n)
{
	struct stat st;
	char line[512];
	size_t len = 0;
	out[0] = '\0';
	FILE *f = stat(path, &st) == 0 && S_ISREG(st.st_mode) ? fopen(path, "r") : NULL;
	while (f && fgets(line, sizeof line, f)) {
		char *p = line + strspn(line, " \t");
		p[strcspn(p, "\r\n")] = '\0';
		if (strncmp(p, "remote", 6) || (p[6] != ' ' && p[6] != '\t'))
			continue;
		int w = snprintf(out + len, n - len, "%s%s", len ? ", " : "", p);
		if (w < 0 || (size_t)w >= n - len)
			break;
		len += (size_t)w;
	}
	if (f)
		fclose(f);
}

/* The shards of IDX's folder that fail Xapian's check, joined with ", "
 * into OUT; 0 when none does (or IDX is no sharded folder).  Only on the
 * way to an error: it reads every shard whole. */
static int damaged_shards(const docket_index *idx, char *out, size_t n)
{
	unsigned gens[SHARDS_MAX], k = layout_read_stub(idx, gens);
	size_t len = 0;
	out[0] = '\0';
	for (unsigned i = 0; i < k; i++) {
		char name[64], path[4200];
		struct docket_error err;
		size_t errors = 0;
		layout_shard_name(i, gens[i], name, sizeof name);
		layout_in_folder(idx, name, path, sizeof path);
		if (!xap_check(path, &errors, &err) && !errors)
			continue;
		int w = snprintf(out + len, n - len, "%s%s", len ? ", " : "", name);
		if (w < 0 || (size_t)w >= n - len)
			break;
		len += (size_t)w;
	}
	return len > 0;
}

int index_engine_fail(docket_index *idx, int status)
{
	if (status == DOCKET_OK)
		return status;
	const char *msg = xap_error(idx->db);
	size_t n = strlen(idx->path);
	if ((!strncmp(msg, idx->path, n) && msg[n] == ':') || status == DOCKET_BAD_QUERY)
		return index_fail(idx, status, "%s", msg); /* named already, or the
		                                            * query's fault */
	/* Raised mid-search: name the index, and for a shard unreachable
	 * without Xapian saying which ([context]), the shards it may be. */
	char remotes[1024], bad[256];
	if ((status == DOCKET_CORRUPT || status == DOCKET_ENGINE_ERROR) &&
	    damaged_shards(idx, bad, sizeof bad))
		return index_fail(idx, status, "%s: %s (damaged: %s; see 'docket "
		                  "check')", idx->path, msg, bad);
	remote_lines(idx->path, remotes, sizeof remotes);
	if (*remotes && strstr(msg, "shard unreachable") && !strchr(msg, '['))
		return index_fail(idx, status, "%s: %s (its remote shards: %s)",
		                  idx->path, msg, remotes);
	return index_fail(idx, status, "%s: %s", idx->path, msg);
}

void index_clear_error(docket_index *idx)
{
	buf_reset(&idx->error);
}

/* The "too many open files (limit N)" error on IDX, naming it; returns
 * DOCKET_IO_ERROR. */
static int fd_limit_fail(docket_index *idx, int errnum)
{
	char text[128];
	error_fd_text(errnum, text, sizeof text);
	return index_fail(idx, DOCKET_IO_ERROR, "%s: %s", idx->path, text);
}

static int use_language(docket_index *idx, const char *lang)
{
	struct stemmer *st = stem_new(lang);
	if (!st)
		return index_fail(idx, DOCKET_BAD_ARGUMENT,
		                  "unknown stemming language '%s'", lang);
	stem_free(idx->stem);
	idx->stem = st;
	snprintf(idx->lang, sizeof idx->lang, "%s", lang);
	return DOCKET_OK;
}

/* Record the schema version and language in a shard that lacks them. */
static int init_shard(struct xap_db *db, const char *lang)
{
	buf v = BUF_INIT;
	int rc = xap_get_metadata(db, META_SCHEMA, &v);
	if (!rc && !v.n) {
		rc = xap_set_metadata(db, META_SCHEMA, SCHEMA_VERSION,
		                      strlen(SCHEMA_VERSION));
		if (!rc)
			rc = xap_set_metadata(db, META_LANG, lang, strlen(lang));
		if (!rc)
			rc = xap_commit(db);
	}
	buf_free(&v);
	return rc;
}

/* Check the schema version and take the language of the first shard; a
 * writer first records them in any shard that lacks them. */
static int load_settings(docket_index *idx)
{
	buf v = BUF_INIT;
	int rc = 0;
	for (unsigned k = 0; !rc && k < idx->nshards; k++)
		rc = index_engine_fail(idx, init_shard(idx->shards[k], DEFAULT_LANG));
	if (!rc)
		rc = index_engine_fail(idx, xap_get_metadata(idx->db, META_SCHEMA, &v));
	if (!rc && v.n && strcmp(v.p, SCHEMA_VERSION) != 0)
		rc = index_fail(idx, DOCKET_CORRUPT,
		                "%s: index schema version %s; this docket reads %s: "
		                "rebuild it (remove the folder, run 'docket index' again)",
		                idx->path, v.p, SCHEMA_VERSION);
	if (!rc)
		rc = index_engine_fail(idx, xap_get_metadata(idx->db, META_LANG, &v));
	if (!rc)
		rc = use_language(idx, v.n ? v.p : DEFAULT_LANG);
	buf_free(&v);
	return rc;
}

/* Open (creating) shards [FROM, TO) for writing. */
static int open_shards(docket_index *idx, unsigned from, unsigned to)
{
	struct xap_db **s = realloc(idx->shards, to * sizeof *s);
	if (!s)
		return index_fail(idx, DOCKET_NO_MEMORY, "out of memory");
	idx->shards = s;
	for (unsigned k = from; k < to; k++) {
		char name[64], path[4096];
		layout_shard_name(k, idx->gens[k], name, sizeof name);
		layout_in_folder(idx, name, path, sizeof path);
		int rc = xap_open(path, 1, &s[k]);
		idx->nshards = k + 1;
		if (k == 0)
			idx->db = s[0];
		if (rc == DOCKET_LOCKED)
			return lock_refused(idx, 0);
		if (rc)
			return index_fail(idx, rc, "%s: %s", idx->path, xap_error(s[k]));
	}
	return DOCKET_OK;
}

/* May docket make an index in IDX's folder, which has no stub?  Yes when
 * it is empty but for docket's lock and databases of docket's (a creation
 * cut short); else DOCKET_BAD_ARGUMENT naming the first stranger, and
 * nothing in the folder is touched. */
static int folder_is_free(docket_index *idx)
{
	DIR *d = opendir(idx->path);
	if (!d && error_is_fd_limit(errno))
		return fd_limit_fail(idx, errno);
	if (!d)
		return index_fail(idx, DOCKET_IO_ERROR, "%s: cannot read the folder: %s",
		                  idx->path, strerror(errno));
	char stranger[256] = "";
	for (struct dirent *e; !*stranger && (e = readdir(d));) {
		char path[4400];
		unsigned k, gen;
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..") ||
		    !strcmp(e->d_name, "docket.lock") || !strcmp(e->d_name, SHARD_STUB ".tmp") ||
		    !strcmp(e->d_name, SEAL_FILE) || !strcmp(e->d_name, SEAL_FILE ".tmp"))
			continue;
		layout_in_folder(idx, e->d_name, path, sizeof path);
		if (!layout_shard_like(e->d_name, &k, &gen) || !layout_ours(path))
			snprintf(stranger, sizeof stranger, "%s", e->d_name);
	}
	closedir(d);
	if (!*stranger)
		return DOCKET_OK;
	return index_fail(idx, DOCKET_BAD_ARGUMENT,
	                  "%s: not a docket index and not empty (it holds '%s'): "
	                  "give a new or empty folder", idx->path, stranger);
}

/* Open the shards of a folder without a stub: those found by content (a
 * lost stub, rebuilt from them), else new ones.  What an interrupted
 * creation left is removed only if it is docket's (no other writer can be
 * creating it: we hold the folder's lock). */
static int open_stubless(docket_index *idx)
{
	unsigned n = layout_find_shards(idx, idx->gens);
	int rc;
	if (n) {
		for (unsigned k = 0; k < n; k++) {
			char name[64];
			layout_shard_name(k, idx->gens[k], name, sizeof name);
			if (!layout_exists(idx, name))
				layout_wipe_partial(idx, name);
		}
		rc = open_shards(idx, 0, n);
		if (!rc)
			rc = layout_write_stub(idx, n);
		if (!rc)
			layout_sweep(idx);
		return rc;
	}
	if ((rc = folder_is_free(idx)))
		return rc;
	for (unsigned k = 0; k < SHARDS_MAX; k++) {
		char name[64];
		layout_shard_name(k, 0, name, sizeof name);
		layout_wipe_partial(idx, name);
	}
	rc = open_shards(idx, 0, layout_default_shards());
	return rc ? rc : layout_write_stub(idx, idx->nshards);
}

/* Open the index folder for writing, creating it (and its shards) when
 * missing.  A folder that is not docket's is refused before anything is
 * written into it. */
static int open_writer(docket_index *idx)
{
	if (mkdir(idx->path, 0777) != 0 && errno != EEXIST)
		return index_fail(idx, DOCKET_IO_ERROR, "%s: cannot create the index: %s",
		                  idx->path, strerror(errno));
	unsigned found[SHARDS_MAX];
	if (!layout_exists(idx, "iamglass") && !layout_exists(idx, SHARD_STUB) &&
	    !layout_exists(idx, "docket.lock") && !layout_find_shards(idx, found)) {
		int rc = folder_is_free(idx);
		if (rc)
			return rc;
	}
	int rc = lock_take(idx);
	if (rc)
		return rc;
	if (layout_exists(idx, "iamglass")) { /* one database, not sharded */
		idx->shards = calloc(1, sizeof *idx->shards);
		if (!idx->shards)
			return index_fail(idx, DOCKET_NO_MEMORY, "out of memory");
		idx->nshards = 1;
		rc = xap_open(idx->path, 1, &idx->shards[0]);
		idx->db = idx->shards[0];
		return rc == DOCKET_LOCKED ? lock_refused(idx, 0) : index_engine_fail(idx, rc);
	}
	idx->gens = calloc(SHARDS_MAX, sizeof *idx->gens);
	if (!idx->gens)
		return index_fail(idx, DOCKET_NO_MEMORY, "out of memory");
	unsigned n = layout_read_stub(idx, idx->gens);
	if (n == 0 && error_is_fd_limit(errno))
		return fd_limit_fail(idx, errno);
	if (n == 0 && layout_exists(idx, SHARD_STUB))
		return index_fail(idx, DOCKET_CORRUPT,
		                  "%s: %s is not docket's shard list (run 'docket check "
		                  "--repair' to rebuild it from the shards)",
		                  idx->path, SHARD_STUB);
	if (n == 0)
		return open_stubless(idx);
	rc = open_shards(idx, 0, n);
	if (!rc)
		layout_sweep(idx);
	return rc;
}

/* Open IDX->path for reading, once.  A folder whose stub is ours has its
 * shards opened one by one and combined (xap_open_shards: each shard is
 * opened once, and held on its own for parallel matching); anything else
 * (one database, a stub of remote shards) is Xapian's to open. */
static int open_once(docket_index *idx)
{
	unsigned gens[SHARDS_MAX];
	char paths[SHARDS_MAX][4096];
	const char *p[SHARDS_MAX];
	unsigned n = layout_read_stub(idx, gens);
	if (n == 0 && error_is_fd_limit(errno))
		return fd_limit_fail(idx, errno);
	if (n == 0 && !layout_exists(idx, SHARD_STUB) && !layout_exists(idx, "iamglass"))
		n = layout_find_shards(idx, gens); /* a lost stub: by content */
	if (n == 0)
		return xap_open(idx->path, 0, &idx->db);
	for (unsigned k = 0; k < n; k++) {
		char name[64];
		layout_shard_name(k, gens[k], name, sizeof name);
		layout_in_folder(idx, name, paths[k], sizeof paths[k]);
		p[k] = paths[k];
	}
	return xap_open_shards(p, n, &idx->db);
}

/* Open IDX->path for reading.  A sharded folder is retried a few times:
 * between reading the stub and opening the shards it names, a writer may
 * swap in a merged generation and remove the old one. */
static int open_reader(docket_index *idx)
{
	int rc = open_once(idx);
	for (int attempt = 1; rc && attempt <= OPEN_RETRIES && layout_exists(idx, SHARD_STUB);
	     attempt++) {
		xap_close(idx->db);
		idx->db = NULL;
		usleep(1000 * attempt);
		rc = open_once(idx);
	}
	return rc;
}

DOCKET_EXPORT docket_status docket_index_open(const char *path,
                                              docket_open_mode mode,
                                              docket_index **out)
{
	if (!out)
		return DOCKET_BAD_ARGUMENT;
	docket_index *idx = calloc(1, sizeof *idx);
	*out = idx;
	if (!idx)
		return DOCKET_NO_MEMORY;
	int rc = 0;
	idx->lock_fd = -1;
	idx->path = str_dup(&rc, path);
	if (rc || pthread_mutex_init(&idx->stub_mu, NULL)) {
		free(idx->path);
		free(idx);
		*out = NULL;
		return DOCKET_NO_MEMORY;
	}
	if (!path || !*path || (mode != DOCKET_OPEN_READ && mode != DOCKET_OPEN_WRITE))
		return index_fail(idx, DOCKET_BAD_ARGUMENT, "no index path given");
	idx->writable = mode == DOCKET_OPEN_WRITE;
	if (idx->writable) {
		rc = open_writer(idx);
		return rc ? rc : load_settings(idx);
	}
	struct docket_error err;
	int programs = 0;
	if ((rc = stub_check(path, &programs, &err))) /* before Xapian follows any stub */
		return index_fail(idx, rc, "%s", err.msg);
	if (programs) /* whatever it starts is stopped and reaped at close */
		children_snapshot(&idx->kids);
	rc = open_reader(idx);
	if (rc == DOCKET_NOT_FOUND)
		return index_fail(idx, rc, "%s: no index here (create one with 'docket index')",
		                  path);
	if (rc)
		return index_engine_fail(idx, rc);
	return load_settings(idx);
}

DOCKET_EXPORT docket_status docket_index_add(docket_index *idx,
                                             const char *path)
{
	if (!idx || !idx->db || !path)
		return DOCKET_BAD_ARGUMENT;
	index_clear_error(idx);
	struct docket_error err;
	int programs = 0;
	int rc = stub_check(path, &programs, &err);
	if (rc)
		return index_fail(idx, rc, "%s", err.msg);
	if (programs && !idx->kids.taken)
		children_snapshot(&idx->kids);
	rc = xap_add_shard(idx->db, path);
	if (rc == DOCKET_NOT_FOUND)
		return index_fail(idx, rc, "%s: no index here", path);
	return index_engine_fail(idx, rc);
}

DOCKET_EXPORT void docket_index_close(docket_index *idx)
{
	if (!idx)
		return;
	children_reap_new(&idx->kids); /* before Xapian's wait, which can hang */
	if (idx->nshards) {
		for (unsigned k = 0; k < idx->nshards; k++)
			xap_close(idx->shards[k]);
	} else {
		xap_close(idx->db);
	}
	free(idx->shards);
	free(idx->gens);
	pthread_mutex_destroy(&idx->stub_mu);
	lock_drop(idx); /* after the shards are closed */
	stem_free(idx->stem);
	aliases_free(&idx->aliases);
	buf_free(&idx->error);
	free(idx->path);
	free(idx);
}

DOCKET_EXPORT const char *docket_index_last_error(const docket_index *idx)
{
	if (!idx)
		return "out of memory";
	return idx->error.p ? idx->error.p : "";
}

DOCKET_EXPORT int docket_language_known(const char *lang)
{
	return lang && stem_known(lang);
}

DOCKET_EXPORT const char *docket_index_language(const docket_index *idx)
{
	return idx && idx->lang[0] ? idx->lang : DEFAULT_LANG;
}

DOCKET_EXPORT docket_status docket_index_set_language(docket_index *idx,
                                                      const char *lang)
{
	if (!idx || !idx->db || !lang)
		return DOCKET_BAD_ARGUMENT;
	index_clear_error(idx);
	if (!idx->writable)
		return index_fail(idx, DOCKET_UNSUPPORTED,
		                  "%s: open the index for writing to set its language",
		                  idx->path);
	if (!stem_known(lang))
		return index_fail(idx, DOCKET_BAD_ARGUMENT,
		                  "unknown stemming language '%s'", lang);
	if (strcmp(lang, idx->lang) == 0)
		return DOCKET_OK;
	size_t docs = 0;
	int rc = docket_index_counts(idx, NULL, &docs);
	if (rc)
		return rc;
	if (docs)
		return index_fail(idx, DOCKET_UNSUPPORTED,
		                  "%s: index holds articles stemmed in %s; cannot switch to %s",
		                  idx->path, idx->lang, lang);
	for (unsigned k = 0; !rc && k < idx->nshards; k++) {
		rc = xap_set_metadata(idx->shards[k], META_LANG, lang, strlen(lang));
		if (!rc)
			rc = xap_commit(idx->shards[k]);
		if (rc)
			return index_fail(idx, rc, "%s", xap_error(idx->shards[k]));
	}
	return use_language(idx, lang);
}

DOCKET_EXPORT docket_status docket_index_counts(docket_index *idx,
                                                size_t *articles,
                                                size_t *passages)
{
	if (!idx || !idx->db)
		return DOCKET_BAD_ARGUMENT;
	index_clear_error(idx);
	unsigned n = idx->nshards ? idx->nshards : 1;
	size_t a = 0, p = 0;
	for (unsigned k = 0; k < n; k++) {
		struct xap_db *db = idx->nshards ? idx->shards[k] : idx->db;
		size_t ka = 0, kp = 0;
		int rc = xap_doc_count(db, &kp);
		if (!rc && articles)
			rc = xap_prefix_count(db, PREFIX_ARTICLE, &ka);
		if (rc)
			return index_fail(idx, rc, "%s", xap_error(db));
		a += ka;
		p += kp;
	}
	if (articles)
		*articles = a;
	if (passages)
		*passages = p;
	return DOCKET_OK;
}

DOCKET_EXPORT docket_status docket_index_set_shards(docket_index *idx,
                                                    unsigned shards)
{
	if (!idx || !idx->db || shards < 1 || shards > SHARDS_MAX)
		return DOCKET_BAD_ARGUMENT;
	index_clear_error(idx);
	if (!idx->writable)
		return index_fail(idx, DOCKET_UNSUPPORTED,
		                  "%s: open the index for writing to shard it", idx->path);
	if (shards == idx->nshards)
		return DOCKET_OK;
	size_t docs = 0;
	int rc = docket_index_counts(idx, NULL, &docs);
	if (rc)
		return rc;
	if (docs || layout_exists(idx, "iamglass"))
		return index_fail(idx, DOCKET_UNSUPPORTED,
		                  "%s: the index already has %u shard%s; shards are chosen "
		                  "when it is created", idx->path, idx->nshards,
		                  idx->nshards == 1 ? "" : "s");
	unsigned had = idx->nshards;
	if (shards > had) {
		rc = open_shards(idx, had, shards);
		for (unsigned k = had; !rc && k < shards; k++)
			rc = index_engine_fail(idx, init_shard(idx->shards[k], idx->lang));
		return rc ? rc : layout_write_stub(idx, shards);
	}
	if ((rc = layout_write_stub(idx, shards)))
		return rc;
	for (unsigned k = shards; k < had; k++) {
		char name[64], path[4096];
		xap_close(idx->shards[k]);
		layout_shard_name(k, idx->gens[k], name, sizeof name);
		layout_in_folder(idx, name, path, sizeof path);
		index_remove_tree(path);
		idx->gens[k] = 0;
	}
	idx->nshards = shards;
	return DOCKET_OK;
}

DOCKET_EXPORT unsigned docket_index_shards(const docket_index *idx)
{
	return idx && idx->nshards ? idx->nshards : 1;
}
