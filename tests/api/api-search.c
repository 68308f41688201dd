/* api-search.c — index two small articles this test writes itself, then
 * search them through the public API only: hit fields and their
 * consistency (snippet and highlight ranges inside the text, ascending),
 * citations in every style, exact filters, bad queries, running a query twice, freeing a
 * query in the middle of its iteration, incremental re-runs and events.
 * Includes only docket.h.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "docket.h"
#include "../tap.h"

static char dir[] = "/tmp/docket-api-search-XXXXXX";
static char index_path[300], docs_path[300];

static const char article_one[] =
	"title: Cloud partnership questioned at trial\n"
	"outlet: The Verge\n"
	"author: Dana Example\n"
	"date: April 28, 2026\n"
	"url: https://example.com/cloud-partnership\n"
	"\n"
	"The executive said the company feared the lab would storm off to AWS "
	"if the partnership soured. (wired.com)\n"
	"\n"
	"## Remedies\n"
	"\n"
	"The judge weighed remedies that would reshape the quokka market, "
	"lawyers said.\n";

static const char article_two[] =
	"title: A second story about antitrust\n"
	"outlet: Example Times\n"
	"date: 2026-03-02\n"
	"\n"
	"Regulators described partnerships between cloud providers and labs "
	"as a growing concern.\n"
	"\n"
	"Nothing else of note was said in court that day.\n";

/* What the event callback saw. */
struct seen {
	size_t events[DOCKET_EVENT_LAST];
};

static int on_event(void *ctx, docket_event ev, const char *path,
                    const char *reason)
{
	struct seen *s = ctx;
	if (ev >= 0 && ev < DOCKET_EVENT_LAST)
		s->events[ev]++;
	if (!path || !reason)
		printf("# event %d with a NULL string\n", ev);
	return 0;
}

static int write_file(const char *name, const char *text)
{
	char path[400];
	FILE *f;
	snprintf(path, sizeof path, "%s/%s", docs_path, name);
	if (!(f = fopen(path, "w")))
		return -1;
	fputs(text, f);
	return fclose(f);
}

/* Index DOCS into the index; returns the event counts. */
static docket_status run_indexer(struct seen *s)
{
	docket_index *idx = NULL;
	docket_indexer *ix = NULL;
	docket_status st = docket_index_open(index_path, DOCKET_OPEN_WRITE, &idx);
	memset(s, 0, sizeof *s);
	if (st == DOCKET_OK)
		st = docket_indexer_new(idx, &ix);
	if (st == DOCKET_OK) {
		docket_indexer_on_event(ix, on_event, s);
		st = docket_indexer_run(ix, docs_path);
	}
	if (st != DOCKET_OK)
		printf("# indexing failed: %s\n", docket_index_last_error(idx));
	docket_indexer_free(ix);
	docket_index_close(idx);
	return st;
}

static void test_build(void)
{
	struct seen s;
	ok(write_file("one.txt", article_one) == 0 &&
	   write_file("two.txt", article_two) == 0, "wrote two articles");
	ok(run_indexer(&s) == DOCKET_OK, "indexed them");
	ok(s.events[DOCKET_EVENT_ADDED] == 2, "2 added events (got %zu)",
	   s.events[DOCKET_EVENT_ADDED]);
	ok(run_indexer(&s) == DOCKET_OK && s.events[DOCKET_EVENT_UNCHANGED] == 2 &&
	   s.events[DOCKET_EVENT_ADDED] == 0,
	   "a rerun finds both unchanged (got %zu unchanged, %zu added)",
	   s.events[DOCKET_EVENT_UNCHANGED], s.events[DOCKET_EVENT_ADDED]);
}

/* Check that one hit's ranges and fields hang together. */
static int hit_consistent(const docket_hit *h)
{
	const char *text = docket_hit_field(h, DOCKET_FIELD_TEXT);
	const char *snippet = docket_hit_field(h, DOCKET_FIELD_SNIPPET);
	size_t len = strlen(text), s, e, prev_end = 0;
	int good = 1;
	for (int f = 0; f <= DOCKET_FIELD_LAST; f++)
		if (!docket_hit_field(h, (docket_field)f))
			good = 0, printf("# field %d is NULL\n", f);
	docket_hit_snippet_range(h, &s, &e);
	if (s > e || e > len || e - s != strlen(snippet) ||
	    memcmp(text + s, snippet, e - s) != 0)
		good = 0, printf("# snippet [%zu,%zu) does not match the text\n", s, e);
	for (size_t i = 0; i < docket_hit_highlight_count(h); i++) {
		docket_hit_highlight(h, i, &s, &e);
		if (s >= e || e > len || s < prev_end)
			good = 0, printf("# highlight %zu [%zu,%zu) is out of order\n", i, s, e);
		prev_end = e;
	}
	if (docket_hit_paragraph(h) < 1 || docket_hit_ordinal(h) < 1)
		good = 0, printf("# paragraph/ordinal below 1\n");
	size_t ns = docket_hit_list_count(h, DOCKET_LIST_SOURCES);
	if (ns != docket_hit_source_count(h))
		good = 0, printf("# %zu listed sources, %zu sources\n", ns,
		                 docket_hit_source_count(h));
	for (size_t i = 0; i < ns; i++)
		if (strcmp(docket_hit_list_item(h, DOCKET_LIST_SOURCES, i),
		           docket_hit_source(h, i)) != 0)
			good = 0, printf("# listed source %zu differs\n", i);
	if (docket_hit_list_count(h, DOCKET_LIST_LAST) != 0 ||
	    strcmp(docket_hit_list_item(h, DOCKET_LIST_LAST, 0), "") != 0 ||
	    strcmp(docket_hit_list_item(h, DOCKET_LIST_SOURCES, ns), "") != 0)
		good = 0, printf("# a list out of range is not empty\n");
	size_t nc = docket_hit_copy_count(h);
	for (size_t i = 0; i < nc; i++)
		for (int f = 0; f < DOCKET_COPY_LAST; f++)
			if (!docket_hit_copy(h, i, (docket_copy_field)f))
				good = 0, printf("# copy %zu field %d is NULL\n", i, f);
	if (strcmp(docket_hit_copy(h, nc, DOCKET_COPY_OUTLET), "") != 0 ||
	    strcmp(docket_hit_copy(h, 0, DOCKET_COPY_LAST), "") != 0 ||
	    strcmp(docket_hit_first_reported(h, DOCKET_COPY_LAST), "") != 0)
		good = 0, printf("# a copy field out of range is not empty\n");
	if (!*docket_hit_first_reported(h, DOCKET_COPY_PASSAGE_ID))
		good = 0, printf("# no first report (it is at least the hit)\n");
	if (docket_hit_copy_count(NULL) != 0 ||
	    strcmp(docket_hit_first_reported(NULL, DOCKET_COPY_DATE), "") != 0)
		good = 0, printf("# a NULL hit has copies\n");
	return good;
}

/* Run QUERY and return the number of hits, checking each (-1: error). */
static long search(docket_index *idx, const char *query, int *consistent,
                   int *found_wired)
{
	docket_query *q = NULL;
	docket_hits *hits = NULL;
	long n = 0;
	if (docket_query_new(idx, query, &q) != DOCKET_OK ||
	    docket_query_run(q, &hits) != DOCKET_OK) {
		printf("# %s: %s\n", query, docket_index_last_error(idx));
		docket_query_free(q);
		return -1;
	}
	for (; docket_hits_valid(hits); docket_hits_next(hits), n++) {
		const docket_hit *h = docket_hits_get(hits);
		if (consistent && !hit_consistent(h))
			*consistent = 0;
		for (size_t i = 0; found_wired &&
		                   i < docket_hit_list_count(h, DOCKET_LIST_SOURCES); i++)
			if (!strcmp(docket_hit_list_item(h, DOCKET_LIST_SOURCES, i), "wired.com"))
				*found_wired = 1;
		if (docket_hit_rank(h) != (size_t)n + 1)
			printf("# rank %zu at position %ld\n", docket_hit_rank(h), n + 1);
	}
	if (docket_hits_status(hits) != DOCKET_OK)
		n = -1;
	docket_query_free(q);
	return n;
}

static void test_fields(docket_index *idx)
{
	int consistent = 1, wired = 0;
	ok(search(idx, "partnership storm", &consistent, &wired) >= 2,
	   "OR search finds both articles");
	ok(consistent, "every hit's snippet and highlights lie inside its text, its lists agree");
	ok(wired, "the credited source wired.com is reported (DOCKET_LIST_SOURCES)");
	ok(search(idx, "\"storm off to AWS\"", &consistent, NULL) == 1,
	   "a phrase finds the one passage");
	ok(search(idx, "quokka", &consistent, NULL) == 1, "a rare word finds one passage");
	ok(search(idx, "zyzzyvaqq", NULL, NULL) == 0, "an unknown word finds nothing");
}

/* Hits of QUERY with DOCKET_QUERY_STOPWORDS set to STOP, not counting
 * those whose text holds "quokka"; -1 on an error. */
static long stopped(docket_index *idx, const char *query, long stop)
{
	docket_query *q = NULL;
	docket_hits *hits = NULL;
	long n = -1;
	if (docket_query_new(idx, query, &q) == DOCKET_OK &&
	    docket_query_set(q, DOCKET_QUERY_STOPWORDS, stop) == DOCKET_OK &&
	    docket_query_run(q, &hits) == DOCKET_OK)
		for (n = 0; docket_hits_valid(hits); docket_hits_next(hits))
			n += !strstr(docket_hit_field(docket_hits_get(hits), DOCKET_FIELD_TEXT),
			             "quokka");
	docket_query_free(q);
	return n;
}

static void test_stopwords(docket_index *idx)
{
	long all = stopped(idx, "the", 1);
	ok(all == 1, "a query of stopwords only keeps them: 'the' finds the passage "
	   "holding it besides the quokka one (%ld)", all);
	ok(stopped(idx, "the quokka", 1) == 0 && search(idx, "the quokka", NULL, NULL) == 1,
	   "'the quokka': 'the' dropped, the quokka passage only");
	ok(stopped(idx, "the quokka", 0) == all,
	   "... with DOCKET_QUERY_STOPWORDS 0, every passage holding 'the' too");
	/* Xapian's own Stopper turned this into "quokka" (query.cc) */
	ok(stopped(idx, "the -quokka", 1) == 1 && stopped(idx, "the -quokka", 0) == 1,
	   "'the -quokka': a NOT is never all that is left, nor made a word");
	ok(stopped(idx, "\"storm off to AWS\"", 1) == 1, "a phrase keeps its stopwords");
	docket_query *q = NULL;
	ok(docket_query_new(idx, "x", &q) == DOCKET_OK &&
	   docket_query_set(q, DOCKET_QUERY_STOPWORDS, 2) == DOCKET_BAD_ARGUMENT,
	   "DOCKET_QUERY_STOPWORDS is 0 or 1");
	docket_query_free(q);
}

/* Hits of QUERY under one exact filter (FIELD, VALUE, EXCLUDE); -1 on an
 * error.  *OTHERS counts hits whose outlet is not WANT_OUTLET. */
static long filtered(docket_index *idx, const char *query, const char *field,
                     const char *value, int exclude, const char *want_outlet,
                     long *others)
{
	docket_query *q = NULL;
	docket_hits *hits = NULL;
	long n = 0;
	*others = 0;
	if (docket_query_new(idx, query, &q) != DOCKET_OK ||
	    docket_query_filter(q, field, value, exclude) != DOCKET_OK ||
	    docket_query_run(q, &hits) != DOCKET_OK) {
		docket_query_free(q);
		return -1;
	}
	for (; docket_hits_valid(hits); docket_hits_next(hits), n++)
		if (strcmp(docket_hit_field(docket_hits_get(hits), DOCKET_FIELD_OUTLET), want_outlet))
			++*others;
	docket_query_free(q);
	return n;
}

/* docket_query_filter: exact field values, as a facet row names them. */
static void test_filters(docket_index *idx)
{
	long others = 0, n;
	n = filtered(idx, "cloud partnership", "outlet", "The Verge", 0, "The Verge", &others);
	ok(n >= 1 && others == 0, "outlet filter 'The Verge': only its hits (%ld, %ld others)",
	   n, others);
	n = filtered(idx, "cloud partnership", "outlet", "The Verge", 1, "Example Times", &others);
	ok(n >= 1 && others == 0, "... excluded: only the other outlet's (%ld, %ld others)",
	   n, others);
	n = filtered(idx, "cloud partnership", "outlet", "Verge", 0, "", &others);
	ok(n == 0, "a word of the outlet is not its value: no hits (%ld)", n);
	ok(search(idx, "cloud partnership outlet:verge", NULL, NULL) >= 1,
	   "... while outlet:verge, a word match, finds it");
	n = filtered(idx, "cloud partnership", "author", "Dana Example", 0, "The Verge", &others);
	ok(n >= 1 && others == 0, "author filter: only that author's article (%ld)", n);

	docket_query *q = NULL;
	const docket_table *t = NULL;
	docket_status st = docket_query_new(idx, "cloud partnership", &q);
	if (!st)
		st = docket_query_filter(q, "outlet", "Example Times", 0);
	if (!st)
		st = docket_query_facets(q, "outlet", 0, &t);
	ok(!st && docket_table_rows(t) == 1 &&
	   !strcmp(docket_table_cell(t, 0, 1), "Example Times"),
	   "facets under the filter count only that outlet (%zu rows)", docket_table_rows(t));
	ok(docket_query_filter(q, "title", "x", 0) == DOCKET_BAD_ARGUMENT,
	   "a field without an exact value (title) -> BAD_ARGUMENT");
	ok(docket_query_filter(q, "outlet", NULL, 0) == DOCKET_BAD_ARGUMENT,
	   "a NULL value -> BAD_ARGUMENT");
	int added = 1; /* one filter set above */
	while (docket_query_filter(q, "outlet", "x", 1) == DOCKET_OK)
		added++;
	ok(added == DOCKET_MAX_FILTERS, "at most DOCKET_MAX_FILTERS filters (%d)", added);
	docket_query_free(q);
}

static void test_one_hit(docket_index *idx)
{
	docket_query *q = NULL;
	docket_hits *hits = NULL;
	const docket_hit *h;
	const char *cite;
	if (docket_query_new(idx, "quokka", &q) != DOCKET_OK ||
	    docket_query_run(q, &hits) != DOCKET_OK || !docket_hits_valid(hits)) {
		ok(0, "quokka search: %s", docket_index_last_error(idx));
		docket_query_free(q);
		return;
	}
	h = docket_hits_get(hits);
	ok(!strcmp(docket_hit_field(h, DOCKET_FIELD_DATE), "2026-04-28"),
	   "date normalised to 2026-04-28 (%s)", docket_hit_field(h, DOCKET_FIELD_DATE));
	ok(!strcmp(docket_hit_field(h, DOCKET_FIELD_OUTLET), "The Verge"), "outlet");
	ok(!strcmp(docket_hit_field(h, DOCKET_FIELD_SECTION), "Remedies"),
	   "section is the heading (%s)", docket_hit_field(h, DOCKET_FIELD_SECTION));
	ok(docket_hit_paragraph(h) == 2, "paragraph 2 (%d)", docket_hit_paragraph(h));
	ok(docket_hit_highlight_count(h) == 1, "one highlight");
	ok(!strcmp(docket_hit_field(h, DOCKET_FIELD_LAST), ""),
	   "an out-of-range field is \"\"");
	for (int s = 0; s < DOCKET_CITE_LAST; s++) {
		cite = docket_hit_citation(h, (docket_cite_style)s);
		ok(cite && strstr(cite, "The Verge"), "citation style %d names the outlet: %s",
		   s, cite ? cite : "(null)");
	}
	ok(docket_hit_citation(h, DOCKET_CITE_LAST) == NULL, "a bad style gives NULL");
	ok(strstr(docket_hit_field(h, DOCKET_FIELD_PASSAGE_ID),
	          docket_hit_field(h, DOCKET_FIELD_ARTICLE_ID)) != NULL,
	   "the passage id starts with the article id");
	docket_query_free(q);
}

/* Free a query in the middle of its iteration, and run one query twice. */
static void test_lifetimes(docket_index *idx)
{
	docket_query *q = NULL;
	docket_hits *hits = NULL;
	size_t first = 0, second = 0;
	ok(docket_query_new(idx, "partnership OR court", &q) == DOCKET_OK &&
	   docket_query_run(q, &hits) == DOCKET_OK, "run a query");
	for (; docket_hits_valid(hits); docket_hits_next(hits))
		first++;
	ok(docket_query_run(q, &hits) == DOCKET_OK, "run it again");
	for (; docket_hits_valid(hits); docket_hits_next(hits))
		second++;
	ok(first == second && first > 0, "same hits both times (%zu, %zu)", first, second);
	ok(docket_query_run(q, &hits) == DOCKET_OK && docket_hits_valid(hits),
	   "a third run");
	docket_hits_next(hits);
	docket_query_free(q);
	ok(1, "freed the query mid-iteration (valgrind/ASan judge the rest)");
}

static void test_bad_queries(docket_index *idx)
{
	static const char *const bad[] = {
		"\"unbalanced", "a AND", "((((", "))", "title:", "NOT", "*",
		"date:2026-13-45..garbage", "\"\"", "AND OR NOT", "",
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		docket_query *q = NULL;
		docket_hits *hits = NULL;
		docket_status st = docket_query_new(idx, bad[i], &q);
		if (st == DOCKET_OK)
			st = docket_query_run(q, &hits);
		if (st == DOCKET_OK)
			while (docket_hits_valid(hits))
				docket_hits_next(hits);
		ok(st == DOCKET_OK || st == DOCKET_BAD_QUERY,
		   "query '%s': OK or BAD_QUERY (got %s%s%s)", bad[i],
		   docket_strerror(st), st ? ": " : "",
		   st ? docket_index_last_error(idx) : "");
		if (st == DOCKET_BAD_QUERY)
			ok(*docket_index_last_error(idx) != '\0', "with a message");
		docket_query_free(q);
	}
}

/* Change the folder: modify, delete; the index follows. */
static void test_incremental(void)
{
	struct seen s;
	char path[400];
	docket_index *idx = NULL;
	int consistent = 1;
	ok(write_file("one.txt", "title: Changed\n\nThe wombat replaced the quokka.\n") == 0,
	   "rewrote one article");
	snprintf(path, sizeof path, "%s/two.txt", docs_path);
	ok(remove(path) == 0, "deleted the other");
	ok(run_indexer(&s) == DOCKET_OK && s.events[DOCKET_EVENT_UPDATED] == 1 &&
	   s.events[DOCKET_EVENT_REMOVED] == 1,
	   "rerun: 1 updated, 1 removed (got %zu, %zu)",
	   s.events[DOCKET_EVENT_UPDATED], s.events[DOCKET_EVENT_REMOVED]);
	docket_index_open(index_path, DOCKET_OPEN_READ, &idx);
	ok(search(idx, "wombat", &consistent, NULL) == 1, "the new text is found");
	ok(search(idx, "storm", NULL, NULL) == 0, "the old text is gone");
	ok(search(idx, "regulators", NULL, NULL) == 0, "the deleted file is gone");
	docket_index_close(idx);
}

int main(void)
{
	docket_index *idx = NULL;
	char cmd[400];
	if (!mkdtemp(dir))
		return ok(0, "mkdtemp"), tap_done();
	snprintf(index_path, sizeof index_path, "%s/index", dir);
	snprintf(docs_path, sizeof docs_path, "%s/docs", dir);
	mkdir(docs_path, 0777);

	test_build();
	if (docket_index_open(index_path, DOCKET_OPEN_READ, &idx) == DOCKET_OK) {
		size_t articles = 0, passages = 0;
		ok(docket_index_counts(idx, &articles, &passages) == DOCKET_OK &&
		   articles == 2 && passages >= 4,
		   "counts: 2 articles, >= 4 passages (%zu, %zu)", articles, passages);
		test_fields(idx);
		test_filters(idx);
		test_one_hit(idx);
		test_lifetimes(idx);
		test_bad_queries(idx);
		test_stopwords(idx);
	} else {
		ok(0, "open for reading: %s", docket_index_last_error(idx));
	}
	docket_index_close(idx);
	test_incremental();

	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		printf("# could not remove %s\n", dir);
	return tap_done();
}
