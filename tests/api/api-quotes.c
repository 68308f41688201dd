/* api-quotes.c — quotes through the public API only: index one article
 * this test writes, then read its quotes back (docket_hit_quote, _cp,
 * _key, DOCKET_LIST_SPEAKERS), find every quoted passage with an empty
 * query and DOCKET_QUERY_QUOTED, group keys with
 * docket_quote_key_contains, and check that every accessor takes NULL
 * and out-of-range arguments.  Includes only docket.h.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "docket.h"
#include "../tap.h"

static char dir[] = "/tmp/docket-api-quotes-XXXXXX";
static char index_path[300], docs_path[300];

static const char article[] =
	"title: Founder testifies\n"
	"outlet: Bench & Bar Daily\n"
	"date: 2026-03-02\n"
	"\n"
	"Camille Ferreira took the stand on Monday.\n"
	"\n"
	"\xE2\x80\x9C" "We never agreed to hand over the routing code,\xE2\x80\x9D"
	" Ferreira told jurors, \xE2\x80\x9C" "not in any email.\xE2\x80\x9D\n"
	"\n"
	"\"We look forward to the full record,\" a Halvorsen spokesperson said.\n"
	"\n"
	"Nothing was quoted in this paragraph.\n";

static docket_status build(void)
{
	char path[400];
	snprintf(path, sizeof path, "%s/one.md", docs_path);
	FILE *f = fopen(path, "w");
	if (!f || fputs(article, f) < 0 || fclose(f))
		return DOCKET_IO_ERROR;
	docket_index *idx = NULL;
	docket_indexer *ix = NULL;
	docket_status st = docket_index_open(index_path, DOCKET_OPEN_WRITE, &idx);
	if (!st)
		st = docket_indexer_new(idx, &ix);
	if (!st)
		st = docket_indexer_run(ix, docs_path);
	docket_indexer_free(ix);
	docket_index_close(idx);
	return st;
}

/* The first hit of QUERY (QUOTED: only quoted passages) and their count. */
static const docket_hit *first_hit(docket_index *idx, const char *query, int quoted,
                                   docket_query **q, size_t *n)
{
	docket_hits *hits = NULL;
	*n = 0;
	if (docket_query_new(idx, query, q) || docket_query_set(*q, DOCKET_QUERY_QUOTED, quoted) ||
	    docket_query_set(*q, DOCKET_QUERY_PER_ARTICLE, 0) || docket_query_run(*q, &hits))
		return NULL;
	*n = docket_hits_count(hits);
	return docket_hits_get(hits);
}

static void test_quotes(docket_index *idx)
{
	docket_query *q = NULL;
	size_t n, s, e, scp, ecp;
	const char *speaker, *cue;
	const docket_hit *h = first_hit(idx, "routing", 0, &q, &n);
	ok(h && docket_hit_quote_count(h) == 2, "the split quote is two quotes");
	docket_hit_quote(h, 0, &s, &e, &speaker, &cue);
	const char *text = docket_hit_field(h, DOCKET_FIELD_TEXT);
	ok(e - s == strlen("We never agreed to hand over the routing code,") &&
	   !memcmp(text + s, "We never agreed", 15), "quote 0's byte range is its words");
	ok(!strcmp(speaker, "Camille Ferreira") && !strcmp(cue, "told"),
	   "its speaker is the full name, its cue 'told' (got '%s', '%s')", speaker, cue);
	docket_hit_quote_cp(h, 1, &scp, &ecp);
	docket_hit_quote(h, 1, &s, &e, NULL, NULL);
	ok(s - scp == 6 && e - ecp == 6, "quote 1's code points: three curly marks before "
	   "it, each 3 bytes and 1 code point (got %zu, %zu)", s - scp, e - ecp);
	ok(docket_hit_list_count(h, DOCKET_LIST_SPEAKERS) == 1 &&
	   !strcmp(docket_hit_list_item(h, DOCKET_LIST_SPEAKERS, 0), "Camille Ferreira"),
	   "DOCKET_LIST_SPEAKERS: one distinct speaker");
	ok(!strcmp(docket_hit_quote_key(h, 0), "we never agreed to hand over the routing code"),
	   "the grouping key (got '%s')", docket_hit_quote_key(h, 0));
	ok(docket_quote_key_contains(docket_hit_quote_key(h, 0), "the routing code") &&
	   !docket_quote_key_contains(docket_hit_quote_key(h, 0), "routing cod") &&
	   !docket_quote_key_contains(NULL, "x") && !docket_quote_key_contains("x", NULL),
	   "docket_quote_key_contains: whole words; NULL is contained in nothing");
	docket_hit_quote(h, 9, &s, &e, &speaker, &cue);
	docket_hit_quote_cp(h, 9, &scp, &ecp);
	ok(s == 0 && e == 0 && scp == 0 && ecp == 0 && !*speaker && !*cue &&
	   !*docket_hit_quote_key(h, 9), "out of range: 0 and \"\"");
	docket_hit_quote(h, 0, NULL, NULL, NULL, NULL);
	ok(docket_hit_quote_count(NULL) == 0 && !*docket_hit_quote_key(NULL, 0),
	   "NULL hits and pointers are accepted");
	docket_query_free(q);

	h = first_hit(idx, "", 1, &q, &n);
	ok(h && n == 2, "an empty query with DOCKET_QUERY_QUOTED: the two quoted passages (got %zu)", n);
	docket_query_free(q);
	h = first_hit(idx, "paragraph", 1, &q, &n);
	ok(n == 0, "DOCKET_QUERY_QUOTED leaves out a passage with no quote");
	docket_query_free(q);
	h = first_hit(idx, "speaker:spokesperson", 0, &q, &n);
	ok(n == 1 && docket_hit_quote_count(h) == 1, "speaker: finds the role's passage");
	docket_query_free(q);
	h = first_hit(idx, "paragraph", 0, &q, &n);
	ok(n == 1 && docket_hit_quote_count(h) == 0 &&
	   docket_hit_list_count(h, DOCKET_LIST_SPEAKERS) == 0, "a passage without quotes has none");
	ok(docket_query_set(q, DOCKET_QUERY_QUOTED, 2) == DOCKET_BAD_ARGUMENT,
	   "DOCKET_QUERY_QUOTED is 0 or 1");
	docket_query_free(q);
}

int main(void)
{
	if (!mkdtemp(dir))
		return perror("mkdtemp"), 1;
	snprintf(index_path, sizeof index_path, "%s/index", dir);
	snprintf(docs_path, sizeof docs_path, "%s/docs", dir);
	mkdir(docs_path, 0755);
	docket_index *idx = NULL;
	if (ok(build() == DOCKET_OK, "indexed the article") &&
	    ok(docket_index_open(index_path, DOCKET_OPEN_READ, &idx) == DOCKET_OK, "opened it"))
		test_quotes(idx);
	docket_index_close(idx);
	char cmd[400];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		printf("# could not remove %s\n", dir);
	return tap_done();
}
