/* api-open.c — the edges of the public API that need no index content:
 * opening what is not there, destroy functions on NULL, status names,
 * option checks on an empty index, a walk with no descriptors left.
 * Includes only docket.h.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "docket.h"
#include "../tap.h"

static void test_missing_index(void)
{
	const char *path = "/nonexistent/docket-api-open/index";
	docket_index *idx = (docket_index *)&idx; /* must be overwritten */
	docket_status st = docket_index_open(path, DOCKET_OPEN_READ, &idx);
	ok(st == DOCKET_NOT_FOUND, "open missing index in read mode -> NOT_FOUND (got %d)", st);
	ok(idx != (docket_index *)&idx, "open sets *out even on error");
	ok(strstr(docket_index_last_error(idx), path) != NULL,
	   "last error names the path: %s", docket_index_last_error(idx));
	docket_index_close(idx);
}

static void test_null(void)
{
	docket_index_close(NULL);
	docket_query_free(NULL);
	docket_indexer_free(NULL);
	ok(1, "close/free functions accept NULL");
	ok(docket_index_last_error(NULL) != NULL, "last_error(NULL) is not NULL");
}

static void test_strerror(void)
{
	int all = 1;
	for (int s = 0; s <= DOCKET_LAST_STATUS; s++) {
		const char *m = docket_strerror((docket_status)s);
		if (!m || (s < DOCKET_LAST_STATUS && !*m))
			all = 0, printf("# status %d has no text\n", s);
	}
	ok(all, "docket_strerror names every status, LAST_STATUS included");
	ok(docket_strerror((docket_status)9999) != NULL, "strerror of junk is not NULL");
	ok(strcmp(docket_strerror(DOCKET_OK), docket_strerror(DOCKET_LOCKED)) != 0,
	   "statuses have different texts");
}

/* An empty write-mode index in a fresh temp folder. */
static void test_empty_index(void)
{
	char dir[] = "/tmp/docket-api-open-XXXXXX";
	char path[256];
	docket_index *idx = NULL, *reader = NULL, *second = NULL;
	docket_indexer *ix = NULL;
	docket_query *q = NULL;
	docket_hits *hits = NULL;
	docket_status st;
	size_t articles = 1, passages = 1;

	if (!mkdtemp(dir)) {
		ok(0, "mkdtemp");
		return;
	}
	snprintf(path, sizeof path, "%s/index", dir);
	st = docket_index_open(path, DOCKET_OPEN_WRITE, &idx);
	ok(st == DOCKET_OK, "create an index in write mode (%s)", docket_index_last_error(idx));
	ok(strcmp(docket_index_language(idx), "english") == 0,
	   "default language is english (%s)", docket_index_language(idx));
	ok(docket_index_set_language(idx, "klingon") == DOCKET_BAD_ARGUMENT,
	   "unknown language -> BAD_ARGUMENT");
	ok(docket_index_add(idx, path) == DOCKET_UNSUPPORTED,
	   "index_add on a writer -> UNSUPPORTED");
	st = docket_index_open(path, DOCKET_OPEN_WRITE, &second);
	ok(st == DOCKET_LOCKED, "a second writer -> LOCKED (got %d)", st);
	ok(strstr(docket_index_last_error(second), "lock") != NULL,
	   "the message says locked: %s", docket_index_last_error(second));
	docket_index_close(second);

	ok(docket_indexer_new(idx, &ix) == DOCKET_OK, "indexer_new");
	ok(docket_indexer_set(ix, DOCKET_INDEXER_LAST_OPTION, 1) == DOCKET_BAD_ARGUMENT,
	   "unknown indexer option -> BAD_ARGUMENT");
	ok(docket_indexer_set(ix, DOCKET_INDEXER_BATCH, -5) == DOCKET_BAD_ARGUMENT,
	   "negative batch -> BAD_ARGUMENT");
	docket_indexer_free(ix);
	docket_index_close(idx);

	st = docket_index_open(path, DOCKET_OPEN_READ, &reader);
	ok(st == DOCKET_OK, "the new index opens for reading (%s)", docket_index_last_error(reader));
	ok(docket_index_counts(reader, &articles, &passages) == DOCKET_OK &&
	   articles == 0 && passages == 0, "an empty index counts 0 and 0");
	st = docket_query_new(reader, "anything", &q);
	ok(st == DOCKET_OK, "query_new");
	ok(docket_query_set(q, DOCKET_QUERY_LIMIT, -1) == DOCKET_BAD_ARGUMENT,
	   "limit -1 -> BAD_ARGUMENT");
	ok(docket_query_set(q, DOCKET_QUERY_LIMIT, 10001) == DOCKET_BAD_ARGUMENT,
	   "limit 10001 -> BAD_ARGUMENT");
	ok(docket_query_set(q, DOCKET_QUERY_SORT, DOCKET_SORT_LAST) == DOCKET_BAD_ARGUMENT,
	   "sort out of range -> BAD_ARGUMENT");
	ok(docket_query_set(q, DOCKET_QUERY_LAST_OPTION, 0) == DOCKET_BAD_ARGUMENT,
	   "unknown query option -> BAD_ARGUMENT");
	ok(docket_query_set(q, DOCKET_QUERY_OFFSET, -3) == DOCKET_BAD_ARGUMENT,
	   "negative offset -> BAD_ARGUMENT");
	ok(docket_query_set_bm25(q, -1.0, 0.75) == DOCKET_BAD_ARGUMENT,
	   "negative k1 -> BAD_ARGUMENT");
	ok(docket_query_set(q, DOCKET_QUERY_LIMIT, 5) == DOCKET_OK, "limit 5 is fine");
	st = docket_query_run(q, &hits);
	ok(st == DOCKET_OK && !docket_hits_valid(hits) && docket_hits_count(hits) == 0 &&
	   docket_hits_get(hits) == NULL,
	   "a search of an empty index: OK with no hits");
	ok(docket_hits_status(hits) == DOCKET_OK, "and an OK iteration status");
	docket_query_free(q);
	docket_index_close(reader);

	char cmd[512];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		printf("# could not remove %s\n", dir);
}

/* With every descriptor in use, indexing a folder fails with the index's
 * name and "too many open files (limit N)", as every other fd-limit error
 * does (the folder is not at fault), and keeps what was indexed. */
static void test_walk_without_descriptors(void)
{
	char dir[] = "/tmp/docket-api-fd-XXXXXX";
	char path[256], folder[256], file[300];
	docket_index *idx = NULL;
	docket_indexer *ix = NULL;
	if (!mkdtemp(dir)) {
		ok(0, "mkdtemp");
		return;
	}
	snprintf(path, sizeof path, "%s/index", dir);
	snprintf(folder, sizeof folder, "%s/news", dir);
	snprintf(file, sizeof file, "%s/a.txt", folder);
	FILE *f = mkdir(folder, 0755) == 0 ? fopen(file, "w") : NULL;
	ok(f != NULL, "a folder with one article");
	if (f) {
		fputs("Court ruling\n\nThe court ruled on Monday.\n", f);
		fclose(f);
	}
	docket_status st = docket_index_open(path, DOCKET_OPEN_WRITE, &idx);
	if (!st)
		st = docket_indexer_new(idx, &ix);
	ok(st == DOCKET_OK, "index and indexer (%s)", docket_index_last_error(idx));
	int first = -1, last = -1, fd;
	while ((fd = open("/dev/null", O_RDONLY)) >= 0)
		last = fd, first = first < 0 ? fd : first;
	int full = errno == EMFILE;
	st = docket_indexer_run(ix, folder);
	char msg[512];
	snprintf(msg, sizeof msg, "%s", docket_index_last_error(idx));
	for (fd = first; first >= 0 && fd <= last; fd++)
		close(fd);
	ok(full, "every descriptor in use");
	ok(st == DOCKET_IO_ERROR, "the run fails with IO_ERROR (got %d)", st);
	ok(strncmp(msg, path, strlen(path)) == 0 && strstr(msg, "too many open files (limit"),
	   "the error names the index and the limit: %s", msg);
	docket_indexer_free(ix); /* a failed commit leaves it failed: start anew */
	docket_index_close(idx);
	idx = NULL, ix = NULL;
	size_t articles = 0, passages = 0;
	st = docket_index_open(path, DOCKET_OPEN_WRITE, &idx);
	if (!st)
		st = docket_indexer_new(idx, &ix);
	if (!st)
		st = docket_indexer_run(ix, folder);
	if (!st)
		st = docket_index_counts(idx, &articles, &passages);
	ok(st == DOCKET_OK && articles == 1, "with them back, the index opens and takes "
	   "the folder (%s; %zu articles)", docket_index_last_error(idx), articles);
	/* Again, the folder unchanged: now the walk alone meets the limit (no
	 * commit is due), and what was indexed from the folder is kept. */
	first = last = -1;
	while ((fd = open("/dev/null", O_RDONLY)) >= 0)
		last = fd, first = first < 0 ? fd : first;
	st = ix ? docket_indexer_run(ix, folder) : DOCKET_BAD_ARGUMENT;
	snprintf(msg, sizeof msg, "%s", docket_index_last_error(idx));
	for (fd = first; first >= 0 && fd <= last; fd++)
		close(fd);
	ok(st == DOCKET_IO_ERROR && strncmp(msg, path, strlen(path)) == 0 &&
	   strstr(msg, folder) && strstr(msg, "too many open files (limit") &&
	   strstr(msg, "what was indexed from it is kept"),
	   "the walk out of descriptors names the index, the folder and the limit: %s", msg);
	articles = 0;
	st = docket_index_counts(idx, &articles, &passages);
	ok(st == DOCKET_OK && articles == 1, "... and the folder's article is still there (%zu)",
	   articles);
	docket_indexer_free(ix);
	docket_index_close(idx);
	char cmd[512];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		printf("# could not remove %s\n", dir);
}

int main(void)
{
	test_missing_index();
	test_null();
	test_strerror();
	test_empty_index();
	test_walk_without_descriptors();
	return tap_done();
}
