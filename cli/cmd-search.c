/* cmd-search.c — `docket search`: parse the options (by the table below,
 * which also writes --help), run one query over one or several indexes
 * (searched as one), and print the hits through the chosen format's
 * printer (printer.h: text, a list or grouped by article; JSON Lines; a
 * TREC run).  Exit like grep: 0 when something was found, 1 when nothing,
 * 2 on error.  Called by cli/main.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <limits.h>
#include <time.h>

#include "cli.h"
#include "output.h"
#include "printer.h"

#define LIMIT_MAX 10000 /* DOCKET_QUERY_LIMIT's cap (docket.h): a bigger -n
                        * is lowered to it, with a warning */

/* Everything the command line asked for. */
struct search_opts {
	struct index_list indexes; /* --index, repeatable */
	long limit, offset;        /* -n, --offset */
	long per_article;          /* --per-article, -1 = library default */
	long snippet_bytes;        /* --snippet-bytes, -1 = default */
	int sort;                  /* a docket_sort */
	const struct printer_format *format; /* --format, --json */
	const char *qid;           /* --qid, for TREC */
	int plain, and_words;      /* --plain, --and */
	int strict;                /* --strict */
	int keep_stopwords;        /* --keep-stopwords */
	int bm25;                  /* --bm25 given */
	double k1, b;              /* its parameters */
	double weight[DOCKET_WEIGHT_LAST]; /* --title-weight etc.; <0: default */
	int explain;               /* --explain */
	int every_copy;            /* --copies */
	int cite;                  /* a docket_cite_style */
	int group;                 /* --group */
	int color;                 /* an enum color_when */
	const char *facets;        /* --facets FIELDS, or NULL */
	long facet_limit;          /* --facet-limit (default 10, 0 = all) */
	const char *exact[DOCKET_MAX_FILTERS]; /* --keep, --drop: FIELD:VALUE */
	int drop[DOCKET_MAX_FILTERS];          /* 1 for a --drop */
	int nexact;
	char *query;               /* the words joined by spaces (owned) */
};

enum { OPT_OFFSET = 256, OPT_PER_ARTICLE, OPT_SORT, OPT_JSON, OPT_FORMAT,
       OPT_QID, OPT_PLAIN, OPT_AND, OPT_BM25, OPT_SNIPPET, OPT_CITE,
       OPT_GROUP, OPT_COLOR, OPT_INDEX, OPT_EXPLAIN, OPT_MIN_NORMLEN,
       OPT_TITLE_WEIGHT, OPT_FEEDBACK, OPT_COPIES, OPT_FACETS, OPT_FACET_LIMIT,
       OPT_STRICT, OPT_KEEP, OPT_DROP, OPT_KEEP_STOPWORDS };

static const struct cli_option options[] = {
	{"index", OPT_INDEX, required_argument, "DIR",
	 "the index (repeat to search several as one)", NULL},
	{"limit", 'n', required_argument, "N",
	 "hits to show (default 10, at most 10000)", NULL},
	{"offset", OPT_OFFSET, required_argument, "N", "hits to skip first", NULL},
	{"per-article", OPT_PER_ARTICLE, required_argument, "N",
	 "passages per article (default 2, 0 = any)", NULL},
	{"sort", OPT_SORT, required_argument, "WHAT",
	 "relevance (default) or date (newest first)", NULL},
	{"json", OPT_JSON, no_argument, NULL,
	 "JSON Lines: one object per hit, then a summary", NULL},
	{"format", OPT_FORMAT, required_argument, "FMT",
	 "text (default), json, trec or csv (csv: the facets only)", NULL},
	{"facets", OPT_FACETS, required_argument, "FIELDS",
	 "also count every match by FIELDS (comma-separated): outlet,\n"
	 "source, author, month, year (case, court, judge, speaker,\n"
	 "wire once indexed)", NULL},
	{"facet-limit", OPT_FACET_LIMIT, required_argument, "N",
	 "values shown per facet field (default 10, 0 = all)", NULL},
	{"keep", OPT_KEEP, required_argument, "FIELD:VALUE",
	 "only passages whose outlet or author is exactly VALUE, as a\n"
	 "facet names it (outlet:Ledger keeps no \"Harbor Valley Ledger\")", NULL},
	{"drop", OPT_DROP, required_argument, "FIELD:VALUE",
	 "leave out the passages whose outlet or author is exactly VALUE", NULL},
	{"qid", OPT_QID, required_argument, "ID",
	 "the query id of a TREC run (default 0)", NULL},
	{"plain", OPT_PLAIN, no_argument, NULL,
	 "QUERY is plain words: no operators or fields", NULL},
	{"and", OPT_AND, no_argument, NULL, "all words must match (default: any)", NULL},
	{"strict", OPT_STRICT, no_argument, NULL,
	 "an unknown field (jduge:x) is an error, not a warning", NULL},
	{"keep-stopwords", OPT_KEEP_STOPWORDS, no_argument, NULL,
	 "search every word, \"the\" and \"was\" too (default: drop them\n"
	 "outside phrases)", NULL},
	{"bm25", OPT_BM25, required_argument, "K1,B",
	 "BM25 parameters (default 0.9,0.4)", NULL},
	{"min-normlen", OPT_MIN_NORMLEN, required_argument, "X",
	 "BM25 floor on a passage's relative length (0.5)", NULL},
	{"title-weight", OPT_TITLE_WEIGHT, required_argument, "W",
	 "lift of query words in the headline (0.75)", NULL},
	{"feedback", OPT_FEEDBACK, required_argument, "W",
	 "weight of pseudo-relevance feedback terms", NULL},
	{"explain", OPT_EXPLAIN, no_argument, NULL,
	 "show which words matched and what each added", NULL},
	{"copies", OPT_COPIES, no_argument, NULL,
	 "show every copy of a passage as its own hit (default: one hit per\n"
	 "copy group, its copies and first report on a line below)", NULL},
	{"snippet-bytes", OPT_SNIPPET, required_argument, "N",
	 "size of the snippet window", NULL},
	{"cite", OPT_CITE, required_argument, "STYLE",
	 "citation style: plain, markdown or bibtex", NULL},
	{"group", OPT_GROUP, no_argument, NULL, "group the hits under their article", NULL},
	{"color", OPT_COLOR, optional_argument, "WHEN",
	 "auto (default), always or never", "colour"},
	CLI_NO_COLOR_ROW,
	{"help", 'h', no_argument, NULL, "show this help", NULL},
};

static const struct cli_spec spec = CLI_SPEC("search",
	"usage: docket search [OPTION]... [--] QUERY...\n"
	"Search the index; print the best passages with snippets and citations.\n"
	"\n",
	options,
	"\n"
	"Query: words, \"a phrase\", AND OR NOT, -word, +word, a NEAR b, shar*,\n"
	"title: section: outlet: author: source:wired.com wire:ap\n"
	"date:2026-04-01..2026-04-30\n"
	"event:2026-03 (dates the passage states); date: and event: take YYYY,\n"
	"YYYY-MM, YYYY-MM-DD, A..B, A.., ..B, today, yesterday, this-week,\n"
	"last-month, 7d, 3m\n"
	"Exit status: 0 if something was found, 1 if nothing, 2 on error.\n");

/* Parse "K1,B" into O; 0 or -1. */
static int parse_bm25(const char *s, struct search_opts *o)
{
	char *end;
	o->k1 = strtod(s, &end);
	if (end == s || *end != ',')
		return -1;
	s = end + 1;
	o->b = strtod(s, &end);
	if (end == s || *end || o->k1 < 0 || o->b < 0 || o->b > 1)
		return -1;
	o->bm25 = 1;
	return 0;
}

/* Parse a non-negative weight for option NAME into *OUT; 0 or an exit
 * status. */
static int parse_weight(const char *name, const char *s, double *out)
{
	char *end;
	*out = strtod(s, &end);
	if (end == s || *end || !(*out >= 0 && *out <= 1000))
		return usage_error("search", "%s: '%s' is not a number from 0 to 1000",
		                   name, s);
	return 0;
}

/* --keep or --drop ARG (FIELD:VALUE, FIELD outlet or author) into O;
 * returns 0 or the usage error's exit status. */
static int take_exact(struct search_opts *o, const char *arg, int drop)
{
	const char *opt = drop ? "--drop" : "--keep", *value;
	char field[7];
	if (parse_exact(arg, field, &value))
		return usage_error("search", "%s: '%s' is not outlet:VALUE or author:VALUE", opt, arg);
	if (o->nexact == DOCKET_MAX_FILTERS)
		return usage_error("search", "%s: at most %d --keep and --drop in all", opt,
		                   DOCKET_MAX_FILTERS);
	o->drop[o->nexact] = drop;
	o->exact[o->nexact++] = arg;
	return 0;
}

/* Handle one option C with argument ARG for the search_opts P (a
 * cli_take); returns 0 or an exit status. */
static int take_option(void *p, int c, const char *arg)
{
	struct search_opts *o = p;
	switch (c) {
	case OPT_INDEX:
		return index_list_add(&o->indexes, arg) ? EXIT_TROUBLE : 0;
	case 'n':
		if (parse_long(arg, 0, LONG_MAX, &o->limit))
			return usage_error("search", "-n: '%s' is not a whole number", arg);
		if (o->limit > LIMIT_MAX) {
			fprintf(stderr, "docket: warning: -n %ld is over the cap; showing at "
			        "most %d hits (use --offset to page on)\n", o->limit, LIMIT_MAX);
			o->limit = LIMIT_MAX;
		}
		return 0;
	case OPT_OFFSET:
		if (parse_long(arg, 0, 1000000000L, &o->offset))
			return usage_error("search", "--offset: '%s' is not a number", arg);
		return 0;
	case OPT_PER_ARTICLE:
		if (parse_long(arg, 0, 10000, &o->per_article))
			return usage_error("search", "--per-article: '%s' is not a number", arg);
		return 0;
	case OPT_SNIPPET:
		if (parse_long(arg, 1, 1000000, &o->snippet_bytes))
			return usage_error("search", "--snippet-bytes: '%s' is not a positive number", arg);
		return 0;
	case OPT_SORT:
		if (!strcmp(arg, "relevance"))
			o->sort = DOCKET_SORT_RELEVANCE;
		else if (!strcmp(arg, "date"))
			o->sort = DOCKET_SORT_DATE;
		else
			return usage_error("search", "--sort: '%s' is not relevance or date", arg);
		return 0;
	case OPT_JSON:
		o->format = printer_find("json");
		return 0;
	case OPT_FORMAT:
		if (!(o->format = printer_find(arg)))
			return usage_error("search", "--format: '%s' is not %s", arg,
			                   printer_names(0));
		return 0;
	case OPT_QID:
		o->qid = arg;
		return 0;
	case OPT_FACETS:
		o->facets = arg;
		return 0;
	case OPT_FACET_LIMIT:
		if (parse_long(arg, 0, 1000000, &o->facet_limit))
			return usage_error("search", "--facet-limit: '%s' is not a number", arg);
		return 0;
	case OPT_KEEP:
	case OPT_DROP:
		return take_exact(o, arg, c == OPT_DROP);
	case OPT_PLAIN:
		o->plain = 1;
		return 0;
	case OPT_AND:
		o->and_words = 1;
		return 0;
	case OPT_STRICT:
		o->strict = 1;
		return 0;
	case OPT_KEEP_STOPWORDS:
		o->keep_stopwords = 1;
		return 0;
	case OPT_BM25:
		if (parse_bm25(arg, o))
			return usage_error("search", "--bm25: '%s' is not K1,B (e.g. 0.9,0.4)", arg);
		return 0;
	case OPT_EXPLAIN:
		o->explain = 1;
		return 0;
	case OPT_COPIES:
		o->every_copy = 1;
		return 0;
	case OPT_MIN_NORMLEN:
		return parse_weight("--min-normlen", arg, &o->weight[DOCKET_WEIGHT_MIN_NORMLEN]);
	case OPT_TITLE_WEIGHT:
		return parse_weight("--title-weight", arg, &o->weight[DOCKET_WEIGHT_TITLE]);
	case OPT_FEEDBACK:
		return parse_weight("--feedback", arg, &o->weight[DOCKET_WEIGHT_FEEDBACK]);
	case OPT_CITE:
		return take_cite("search", arg, &o->cite);
	case OPT_GROUP:
		o->group = 1;
		return 0;
	case OPT_COLOR:
		return take_color("search", arg, &o->color);
	default:
		return usage_error("search", "bad option");
	}
}

/* QUERY... joined with single spaces, malloc'ed. */
static char *join_words(int n, char **words)
{
	size_t len = 1;
	char *s;
	for (int i = 0; i < n; i++)
		len += strlen(words[i]) + 1;
	if (!(s = malloc(len)))
		return NULL;
	*s = '\0';
	for (int i = 0; i < n; i++) {
		if (i)
			strcat(s, " ");
		strcat(s, words[i]);
	}
	return s;
}

/* Fill O from the command line; returns 0, -1 after --help, or an exit
 * status. */
static int parse_args(int argc, char **argv, struct search_opts *o)
{
	int rc = cli_parse(&spec, argc, argv, take_option, o);
	if (rc)
		return rc;
	if (optind >= argc)
		return usage_error("search", "no query given");
	if (!(o->query = join_words(argc - optind, argv + optind)))
		return fail("out of memory");
	struct printer p = o->format->make(&(struct print_opts){.qid = "0"});
	if (!p.hits && !o->facets)
		return usage_error("search", "--format %s prints facets only: give --facets",
		                   p.name);
	if (!p.table && o->facets)
		return usage_error("search", "--format %s cannot print facets", p.name);
	return index_list_default(&o->indexes) ? EXIT_TROUBLE : 0;
}

/* Apply O's options to Q; returns the first failing status. */
static docket_status configure(docket_query *q, const struct search_opts *o)
{
	docket_status st = docket_query_set(q, DOCKET_QUERY_LIMIT, o->limit);
	if (!st)
		st = docket_query_set(q, DOCKET_QUERY_OFFSET, o->offset);
	if (!st && o->per_article >= 0)
		st = docket_query_set(q, DOCKET_QUERY_PER_ARTICLE, o->per_article);
	if (!st && o->snippet_bytes > 0)
		st = docket_query_set(q, DOCKET_QUERY_SNIPPET_BYTES, o->snippet_bytes);
	if (!st)
		st = docket_query_set(q, DOCKET_QUERY_SORT, o->sort);
	if (!st && o->and_words)
		st = docket_query_set(q, DOCKET_QUERY_DEFAULT_AND, 1);
	if (!st && o->plain)
		st = docket_query_set(q, DOCKET_QUERY_PLAIN, 1);
	if (!st && o->bm25)
		st = docket_query_set_bm25(q, o->k1, o->b);
	for (int w = 0; !st && w < DOCKET_WEIGHT_LAST; w++)
		if (o->weight[w] >= 0)
			st = docket_query_set_weight(q, (docket_weight)w, o->weight[w]);
	if (!st && o->explain)
		st = docket_query_set(q, DOCKET_QUERY_EXPLAIN, 1);
	if (!st && o->every_copy)
		st = docket_query_set(q, DOCKET_QUERY_COPIES, 1);
	if (!st && o->strict)
		st = docket_query_set(q, DOCKET_QUERY_STRICT, 1);
	if (!st && o->keep_stopwords)
		st = docket_query_set(q, DOCKET_QUERY_STOPWORDS, 0);
	for (int i = 0; !st && i < o->nexact; i++) {
		char field[7];
		const char *value;
		parse_exact(o->exact[i], field, &value); /* checked by take_exact */
		st = docket_query_filter(q, field, value, o->drop[i]);
	}
	return st;
}

/* ---------------------------------------------------------------- running */

/* The printer O asks for. */
static struct printer make_printer(const struct search_opts *o)
{
	const struct print_opts po = {
		.r = {color_enabled(o->color), output_width()},
		.group = o->group, .qid = o->qid,
	};
	return o->format->make(&po);
}

/* Print V[0..N), the facets F (NULL: none) and, when the format has one,
 * the summary, through P; returns 0, or -1 when a printer failed. */
static int put_all(const struct search_opts *o, const struct printer *p,
                   const docket_query *q, const struct hit_view *v, size_t n,
                   const docket_table *f, double t0)
{
	int rc = p->hits ? p->hits(p, v, n) : 0;
	if (f)
		rc |= p->table(p, TABLE_FACETS, f);
	if (p->summary)
		rc |= p->summary(p, o->query, docket_query_estimated(q), n,
		                 monotonic_ms() - t0);
	return rc;
}

/* Whether facet table F counted any passage (its column 3; a field with
 * no value has one row of zero counts). */
static int counted_any(const docket_table *f)
{
	for (size_t r = 0; f && r < docket_table_rows(f); r++)
		if (strcmp(docket_table_cell(f, r, 3), "0") != 0)
			return 1;
	return 0;
}

/* Run the query on IDX and print the result; returns the exit status. */
static int search(docket_index *idx, const struct search_opts *o)
{
	docket_query *q = NULL;
	docket_hits *hits = NULL;
	struct hit_view *v = NULL;
	size_t n = 0;
	double t0 = monotonic_ms();
	int rc = EXIT_TROUBLE;
	docket_status st = docket_query_new(idx, o->query, &q);
	if (!st)
		st = configure(q, o);
	if (!st && o->facets) /* counted in the search's own pass */
		st = docket_query_want_facets(q, o->facets);
	if (!st)
		st = docket_query_run(q, &hits);
	if (!st)
		query_warn(q);
	struct printer p = make_printer(o);
	if (!st && hit_views_collect(hits, o->cite, p.article_lists, &v, &n))
		st = DOCKET_NO_MEMORY;
	if (!st)
		st = docket_hits_status(hits);
	const docket_table *f = NULL;
	if (!st && o->facets)
		st = docket_query_facets(q, o->facets, (size_t)o->facet_limit, &f);
	if (st) {
		const char *msg = docket_index_last_error(idx);
		fail("%s", *msg ? msg : docket_strerror(st));
	} else {
		/* -n 0 --facets asks for the counts alone: they say whether
		 * anything matched */
		rc = n || counted_any(f) ? EXIT_HITS : EXIT_NONE;
		if (put_all(o, &p, q, v, n, f, t0))
			rc = fail("writing the results failed");
	}
	hit_views_free(v, n);
	docket_query_free(q);
	return rc;
}

int cmd_search(int argc, char **argv)
{
	struct search_opts o = {
		.limit = 10, .per_article = -1, .snippet_bytes = -1,
		.sort = DOCKET_SORT_RELEVANCE, .format = printer_formats, .qid = "0",
		.cite = DOCKET_CITE_PLAIN, .color = COLOR_AUTO, .facet_limit = 10,
		.weight = {-1, -1, -1, -1, -1},
	};
	_Static_assert(DOCKET_WEIGHT_LAST == 5, "one -1 per weight above");
	docket_index *idx = NULL;
	int rc = parse_args(argc, argv, &o);
	if (rc == 0 && open_for_reading(&o.indexes, &idx) != DOCKET_OK)
		rc = EXIT_TROUBLE;
	if (rc == 0)
		rc = search(idx, &o);
	if (rc == -1)
		rc = EXIT_HITS; /* --help */
	docket_index_close(idx);
	index_list_free(&o.indexes);
	free(o.query);
	if (fflush(stdout) != 0 || ferror(stdout))
		rc = fail("writing the results failed");
	return rc;
}
