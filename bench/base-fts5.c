/* base-fts5.c — the SQLite FTS5 baseline of the benchmark.
 *
 *   base-fts5 index DBFILE CORPUSDIR
 *   base-fts5 query DBFILE QUERIESFILE [--repeat N] [--cold EVICT]
 *   base-fts5 search DBFILE QUERY
 *
 * One FTS5 table, one row per passage (from bench/passages.c), tokenize
 * 'porter unicode61', all rows inserted in one transaction.  Queries in
 * docket's syntax are translated to FTS5's (fts_translate below): words
 * ORed, "phrases" kept, a NEAR b as NEAR("a" "b", 10), title:/outlet: as
 * column filters, source: as a required match in the sources column,
 * date:A..B as an SQL range on an unindexed column.  Ranked with bm25(),
 * top 10 with snippet().  bench/run drives it; nothing else uses it.
 */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "driver.h"
#include "passages.h"

struct loader {
	sqlite3_stmt *insert; /* INSERT INTO p VALUES(...) */
	long passages;        /* rows inserted */
	int failed;           /* an insert failed */
};

static void add_passage(void *ctx, const struct bp_passage *p)
{
	struct loader *l = ctx;
	char sources[1024] = "";
	for (size_t i = 0; i < p->nsources; i++) {
		strncat(sources, p->sources[i], sizeof sources - strlen(sources) - 2);
		strcat(sources, " ");
	}
	sqlite3_bind_text(l->insert, 1, p->text, (int)p->len, SQLITE_STATIC);
	sqlite3_bind_text(l->insert, 2, p->title, -1, SQLITE_STATIC);
	sqlite3_bind_text(l->insert, 3, p->outlet, -1, SQLITE_STATIC);
	sqlite3_bind_text(l->insert, 4, sources, -1, SQLITE_STATIC);
	sqlite3_bind_text(l->insert, 5, p->date, -1, SQLITE_STATIC);
	if (sqlite3_step(l->insert) != SQLITE_DONE)
		l->failed = 1;
	sqlite3_reset(l->insert);
	l->passages++;
}

static int fail(sqlite3 *db, const char *what)
{
	fprintf(stderr, "base-fts5: %s: %s\n", what, sqlite3_errmsg(db));
	sqlite3_close(db);
	return 1;
}

static int cmd_index(const char *file, const char *corpus)
{
	sqlite3 *db;
	struct loader l = {0};
	remove(file);
	if (sqlite3_open(file, &db) != SQLITE_OK)
		return fail(db, file);
	if (sqlite3_exec(db,
	        "CREATE VIRTUAL TABLE p USING fts5(body, title, outlet, sources,"
	        " date UNINDEXED, tokenize='porter unicode61');"
	        "BEGIN;", NULL, NULL, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(db, "INSERT INTO p VALUES(?1, ?2, ?3, ?4, ?5)", -1,
	                       &l.insert, NULL) != SQLITE_OK)
		return fail(db, "create");
	double t0 = now_seconds();
	long files = bp_walk(corpus, add_passage, &l);
	sqlite3_finalize(l.insert);
	if (files < 0 || l.failed ||
	    sqlite3_exec(db, "COMMIT;", NULL, NULL, NULL) != SQLITE_OK)
		return fail(db, "insert");
	printf("files %ld passages %ld seconds %.3f\n", files, l.passages,
	       now_seconds() - t0);
	sqlite3_close(db);
	return 0;
}

/* ------------------------------------------------------ query translation */

struct fts_query {
	char match[2048];  /* the FTS5 MATCH expression */
	char from[16];     /* date range, "" when none */
	char to[16];
};

/* Append S to the MATCH expression (silently cut when too long). */
static void add(struct fts_query *fq, const char *s, size_t n)
{
	size_t have = strlen(fq->match);
	if (have + n + 1 < sizeof fq->match) {
		memcpy(fq->match + have, s, n);
		fq->match[have + n] = '\0';
	}
}

/* The next item of docket's syntax at *PP: a word, "a phrase", or
 * field:value; its extent is returned through START/LEN. */
static int next_item(const char **pp, const char **start, size_t *len)
{
	const char *p = *pp;
	while (*p == ' ')
		p++;
	if (!*p)
		return 0;
	*start = p;
	while (*p && *p != ' ') {
		if (*p == '"') {
			const char *q = strchr(p + 1, '"');
			p = q ? q + 1 : p + strlen(p);
		} else {
			p++;
		}
	}
	*len = (size_t)(p - *start);
	*pp = p;
	return 1;
}

/* Append one item as an FTS5 string: a bare word or phrase gets quoted. */
static void add_quoted(struct fts_query *fq, const char *s, size_t n)
{
	if (n > 0 && s[0] == '"') {
		add(fq, s, n);
		return;
	}
	add(fq, "\"", 1);
	add(fq, s, n);
	add(fq, "\"", 1);
}

/* Translate docket query Q into FQ (see the top of the file). */
static void fts_translate(const char *q, struct fts_query *fq)
{
	char filters[512] = "";
	const char *s;
	size_t n;
	int terms = 0, in_near = 0;
	memset(fq, 0, sizeof *fq);
	while (next_item(&q, &s, &n)) {
		const char *after = q, *s2;
		size_t n2;
		int near_next = next_item(&after, &s2, &n2) && n2 == 4 &&
		                memcmp(s2, "NEAR", 4) == 0;
		if (n > 5 && memcmp(s, "date:", 5) == 0) {
			sscanf(s + 5, "%10[0-9-]..%10[0-9-]", fq->from, fq->to);
			continue;
		}
		if (n > 7 && memcmp(s, "source:", 7) == 0) {
			snprintf(filters + strlen(filters), sizeof filters - strlen(filters),
			         " AND sources:\"%.*s\"", (int)n - 7, s + 7);
			continue;
		}
		if (!in_near && terms++)
			add(fq, " OR ", 4);
		if (!in_near && near_next)
			add(fq, "NEAR(", 5);
		const char *colon = memchr(s, ':', n);
		if (colon && s[0] != '"') { /* title:word, outlet:word */
			add(fq, s, (size_t)(colon - s) + 1);
			n -= (size_t)(colon - s) + 1;
			s = colon + 1;
		}
		add_quoted(fq, s, n);
		if (near_next) {
			next_item(&q, &s, &n); /* consume NEAR */
			add(fq, " ", 1);
		} else if (in_near) {
			add(fq, ", 10)", 5);
		}
		in_near = near_next;
	}
	if (terms && filters[0]) {
		memmove(fq->match + 1, fq->match, strlen(fq->match) + 1);
		fq->match[0] = '(';
		add(fq, ")", 1);
	}
	add(fq, terms ? filters : filters + 5 * (filters[0] != 0),
	    strlen(terms ? filters : filters + 5 * (filters[0] != 0)));
}

/* Run docket query Q; prints the top 10 to OUT when non-NULL.  Returns the
 * number of hits, or -1 on an error (message on stderr). */
static long run_query(sqlite3 *db, const char *q, FILE *out)
{
	struct fts_query fq;
	sqlite3_stmt *st;
	long hits = 0;
	fts_translate(q, &fq);
	const char *sql = fq.from[0]
		? "SELECT title, snippet(p, 0, '[', ']', '', 24), bm25(p) FROM p"
		  " WHERE p MATCH ?1 AND date BETWEEN ?2 AND ?3"
		  " ORDER BY bm25(p) LIMIT 10"
		: "SELECT title, snippet(p, 0, '[', ']', '', 24), bm25(p) FROM p"
		  " WHERE p MATCH ?1 ORDER BY bm25(p) LIMIT 10";
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) {
		fprintf(stderr, "base-fts5: %s\n", sqlite3_errmsg(db));
		return -1;
	}
	sqlite3_bind_text(st, 1, fq.match, -1, SQLITE_STATIC);
	if (fq.from[0]) {
		sqlite3_bind_text(st, 2, fq.from, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, fq.to, -1, SQLITE_STATIC);
	}
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		hits++;
		if (out)
			fprintf(out, "%ld\t%.3f\t%s\t%s\n", hits,
			        -sqlite3_column_double(st, 2),
			        (const char *)sqlite3_column_text(st, 0),
			        (const char *)sqlite3_column_text(st, 1));
	}
	if (rc != SQLITE_DONE) {
		fprintf(stderr, "base-fts5: %s: %s\n", fq.match, sqlite3_errmsg(db));
		hits = -1;
	}
	sqlite3_finalize(st);
	return hits;
}

static int open_db(const char *file, sqlite3 **db)
{
	if (sqlite3_open_v2(file, db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK)
		return 0;
	fprintf(stderr, "base-fts5: %s: %s\n", file, sqlite3_errmsg(*db));
	sqlite3_close(*db);
	return -1;
}

static int cmd_query(const char *file, const char *queries, int repeat,
                     const char *evict)
{
	struct query_line *qs;
	size_t n;
	sqlite3 *db = NULL;
	if (read_queries(queries, &qs, &n) != 0 || open_db(file, &db) != 0)
		return 1;
	for (size_t q = 0; q < n; q++) {
		if (!evict)
			run_query(db, qs[q].text, NULL); /* warm-up, not recorded */
		for (int r = 0; r < repeat; r++) {
			if (evict) {
				sqlite3_close(db);
				evict_index(evict, file);
			}
			double t0 = now_seconds();
			if (evict && open_db(file, &db) != 0)
				return 1;
			long hits = run_query(db, qs[q].text, NULL);
			print_sample(&qs[q], q, evict != NULL, now_seconds() - t0,
			             hits > 0 ? (size_t)hits : 0);
		}
	}
	sqlite3_close(db);
	free_queries(qs, n);
	return 0;
}

int main(int argc, char **argv)
{
	if (argc == 4 && strcmp(argv[1], "index") == 0)
		return cmd_index(argv[2], argv[3]);
	if (argc == 4 && strcmp(argv[1], "search") == 0) {
		sqlite3 *db;
		if (open_db(argv[2], &db) != 0)
			return 1;
		long hits = run_query(db, argv[3], stdout);
		sqlite3_close(db);
		return hits < 0;
	}
	if (argc == 4 && strcmp(argv[1], "translate") == 0) {
		struct fts_query fq;
		fts_translate(argv[3], &fq);
		printf("%s | %s..%s\n", fq.match, fq.from, fq.to);
		return 0;
	}
	if (argc >= 4 && strcmp(argv[1], "query") == 0) {
		int repeat = 5;
		const char *evict = NULL;
		if (parse_query_options(argc - 4, argv + 4, &repeat, &evict) != 0)
			return 2;
		return cmd_query(argv[2], argv[3], repeat, evict);
	}
	fprintf(stderr, "usage: base-fts5 index DBFILE CORPUSDIR\n"
	                "       base-fts5 query DBFILE QUERIES [--repeat N] "
	                "[--cold EVICT]\n"
	                "       base-fts5 search DBFILE QUERY\n");
	return 2;
}
