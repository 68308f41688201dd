/* database.c — the index handle: opening, closing, the last error, the
 * stemming language, counts (docket_index_* in docket.h).
 *
 * A writer records its pid in DIR/docket.pid after taking Xapian's lock, so
 * that a second writer can say who holds it.  The pid file is only a hint;
 * the lock is Xapian's own.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../docket.h"
#include "index.h"
#include "schema.h"
#include "stem.h"
#include "xapian.h"

#define DEFAULT_LANG "english"
#define PID_FILE "docket.pid"

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

int index_engine_fail(docket_index *idx, int status)
{
	if (status == DOCKET_OK)
		return status;
	return index_fail(idx, status, "%s", xap_error(idx->db));
}

void index_clear_error(docket_index *idx)
{
	buf_reset(&idx->error);
}

static void pid_file_path(const docket_index *idx, char *out, size_t n)
{
	snprintf(out, n, "%s/%s", idx->path, PID_FILE);
}

/* After a lock failure: name the writer if its pid file says who. */
static int locked(docket_index *idx)
{
	char file[4096], text[32] = "";
	pid_file_path(idx, file, sizeof file);
	FILE *f = fopen(file, "r");
	if (f) {
		if (!fgets(text, sizeof text, f))
			text[0] = '\0';
		fclose(f);
	}
	long pid = strtol(text, NULL, 10);
	if (pid > 0)
		return index_fail(idx, DOCKET_LOCKED,
		                  "%s: index is locked by another writer (pid %ld)",
		                  idx->path, pid);
	return index_fail(idx, DOCKET_LOCKED,
	                  "%s: index is locked by another writer", idx->path);
}

static void write_pid_file(docket_index *idx)
{
	char file[4096], text[32];
	pid_file_path(idx, file, sizeof file);
	int fd = open(file, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	if (fd < 0)
		return;
	int n = snprintf(text, sizeof text, "%ld\n", (long)getpid());
	if (write(fd, text, (size_t)n) != n) {
		/* only a hint: nothing to do */
	}
	close(fd);
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

/* Read the schema version and language; a new writer records them. */
static int load_settings(docket_index *idx)
{
	buf v = BUF_INIT;
	int rc = xap_get_metadata(idx->db, META_SCHEMA, &v);
	if (rc == DOCKET_OK && v.n && strcmp(v.p, SCHEMA_VERSION) != 0)
		rc = index_fail(idx, DOCKET_CORRUPT,
		                "%s: index schema version %s; this docket reads %s",
		                idx->path, v.p, SCHEMA_VERSION);
	else if (rc == DOCKET_OK && !v.n && idx->writable) {
		rc = xap_set_metadata(idx->db, META_SCHEMA, SCHEMA_VERSION,
		                      strlen(SCHEMA_VERSION));
		if (!rc)
			rc = xap_set_metadata(idx->db, META_LANG, DEFAULT_LANG,
			                      strlen(DEFAULT_LANG));
		if (!rc)
			rc = xap_commit(idx->db);
		rc = index_engine_fail(idx, rc);
	} else {
		rc = index_engine_fail(idx, rc);
	}
	if (rc == DOCKET_OK) {
		rc = index_engine_fail(idx, xap_get_metadata(idx->db, META_LANG, &v));
		if (rc == DOCKET_OK)
			rc = use_language(idx, v.n ? v.p : DEFAULT_LANG);
	}
	buf_free(&v);
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
	idx->path = str_dup(&rc, path);
	if (rc)
		return DOCKET_NO_MEMORY;
	if (!path || !*path || (mode != DOCKET_OPEN_READ && mode != DOCKET_OPEN_WRITE))
		return index_fail(idx, DOCKET_BAD_ARGUMENT, "no index path given");
	idx->writable = mode == DOCKET_OPEN_WRITE;
	rc = xap_open(path, idx->writable, &idx->db);
	if (rc == DOCKET_LOCKED)
		return locked(idx);
	if (rc == DOCKET_NOT_FOUND && !idx->writable)
		return index_fail(idx, rc, "%s: no index here (create one with 'docket index')",
		                  path);
	if (rc)
		return index_engine_fail(idx, rc);
	if (idx->writable) {
		write_pid_file(idx);
		idx->pid_written = 1;
	}
	return load_settings(idx);
}

DOCKET_EXPORT docket_status docket_index_add(docket_index *idx,
                                             const char *path)
{
	if (!idx || !idx->db || !path)
		return DOCKET_BAD_ARGUMENT;
	index_clear_error(idx);
	int rc = xap_add_shard(idx->db, path);
	if (rc == DOCKET_NOT_FOUND)
		return index_fail(idx, rc, "%s: no index here", path);
	return index_engine_fail(idx, rc);
}

DOCKET_EXPORT void docket_index_close(docket_index *idx)
{
	if (!idx)
		return;
	if (idx->pid_written) { /* before the lock goes, so never another's */
		char file[4096];
		pid_file_path(idx, file, sizeof file);
		unlink(file);
	}
	xap_close(idx->db);
	stem_free(idx->stem);
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
	int rc = index_engine_fail(idx, xap_doc_count(idx->db, &docs));
	if (rc)
		return rc;
	if (docs)
		return index_fail(idx, DOCKET_UNSUPPORTED,
		                  "%s: index holds articles stemmed in %s; cannot switch to %s",
		                  idx->path, idx->lang, lang);
	rc = xap_set_metadata(idx->db, META_LANG, lang, strlen(lang));
	if (!rc)
		rc = xap_commit(idx->db);
	if (rc)
		return index_engine_fail(idx, rc);
	return use_language(idx, lang);
}

DOCKET_EXPORT docket_status docket_index_counts(docket_index *idx,
                                                size_t *articles,
                                                size_t *passages)
{
	if (!idx || !idx->db)
		return DOCKET_BAD_ARGUMENT;
	index_clear_error(idx);
	int rc = 0;
	if (passages)
		rc = xap_doc_count(idx->db, passages);
	if (!rc && articles)
		rc = xap_prefix_count(idx->db, PREFIX_ARTICLE, articles);
	return index_engine_fail(idx, rc);
}
