/* cmd-search.c — `docket search`: parse the options, run one query over one
 * or several indexes (searched as one), and print the hits as text (a list,
 * or grouped by article), JSON Lines or a TREC run.  Exit like grep: 0 when
 * something was found, 1 when nothing, 2 on error.  Called by cli/main.c.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli.h"
#include "output.h"

enum format { FORMAT_TEXT, FORMAT_JSON, FORMAT_TREC };

/* Everything the command line asked for. */
struct search_opts {
	struct index_list indexes; /* --index, repeatable */
	long limit, offset;        /* -n, --offset */
	long per_article;          /* --per-article, -1 = library default */
	long snippet_bytes;        /* --snippet-bytes, -1 = default */
	int sort;                  /* a docket_sort */
	int format;                /* an enum format */
	const char *qid;           /* --qid, for TREC */
	int plain, and_words;      /* --plain, --and */
	int bm25;                  /* --bm25 given */
	double k1, b;              /* its parameters */
	double weight[DOCKET_WEIGHT_LAST]; /* --title-weight etc.; <0: default */
	int explain;               /* --explain */
	int every_copy;            /* --copies */
	int cite;                  /* a docket_cite_style */
	int group;                 /* --group */
	int color;                 /* an enum color_when */
	char *query;               /* the words joined by spaces (owned) */
};

static const char usage[] =
	"usage: docket search [OPTION]... [--] QUERY...\n"
	"Search the index; print the best passages with snippets and citations.\n"
	"\n"
	"  --index DIR          the index (repeat to search several as one)\n"
	"  -n, --limit N        hits to show (default 10)\n"
	"      --offset N       hits to skip first\n"
	"      --per-article N  passages per article (default 2, 0 = any)\n"
	"      --sort WHAT      relevance (default) or date (newest first)\n"
	"      --json           JSON Lines: one object per hit, then a summary\n"
	"      --format FMT     text (default), json or trec\n"
	"      --qid ID         the query id of a TREC run (default 0)\n"
	"      --plain          QUERY is plain words: no operators or fields\n"
	"      --and            all words must match (default: any)\n"
	"      --bm25 K1,B      BM25 parameters (default 1.2,0.75)\n"
	"      --min-normlen X  BM25 floor on a passage's relative length (0.5)\n"
	"      --title-weight W extra weight of query words in the headline\n"
	"      --feedback W     weight of pseudo-relevance feedback terms\n"
	"      --explain        show which words matched and what each added\n"
	"      --copies         show every copy of a passage as its own hit\n"
	"                       (default: one hit per copy group, its copies\n"
	"                       and first report on a line below)\n"
	"      --snippet-bytes N  size of the snippet window\n"
	"      --cite STYLE     citation style: plain, markdown or bibtex\n"
	"      --group          group the hits under their article\n"
	"      --color[=WHEN]   auto (default), always or never\n"
	"  -h, --help           show this help\n"
	"\n"
	"Query: words, \"a phrase\", AND OR NOT, -word, +word, a NEAR b, shar*,\n"
	"title: section: outlet: author: source:wired.com wire:ap\n"
	"date:2026-04-01..2026-04-30\n"
	"Exit status: 0 if something was found, 1 if nothing, 2 on error.\n";

enum { OPT_OFFSET = 256, OPT_PER_ARTICLE, OPT_SORT, OPT_JSON, OPT_FORMAT,
       OPT_QID, OPT_PLAIN, OPT_AND, OPT_BM25, OPT_SNIPPET, OPT_CITE,
       OPT_GROUP, OPT_COLOR, OPT_INDEX, OPT_EXPLAIN, OPT_MIN_NORMLEN,
       OPT_TITLE_WEIGHT, OPT_FEEDBACK, OPT_COPIES };

static const struct option longopts[] = {
	{"index", required_argument, NULL, OPT_INDEX},
	{"limit", required_argument, NULL, 'n'},
	{"offset", required_argument, NULL, OPT_OFFSET},
	{"per-article", required_argument, NULL, OPT_PER_ARTICLE},
	{"sort", required_argument, NULL, OPT_SORT},
	{"json", no_argument, NULL, OPT_JSON},
	{"format", required_argument, NULL, OPT_FORMAT},
	{"qid", required_argument, NULL, OPT_QID},
	{"plain", no_argument, NULL, OPT_PLAIN},
	{"and", no_argument, NULL, OPT_AND},
	{"bm25", required_argument, NULL, OPT_BM25},
	{"explain", no_argument, NULL, OPT_EXPLAIN},
	{"copies", no_argument, NULL, OPT_COPIES},
	{"min-normlen", required_argument, NULL, OPT_MIN_NORMLEN},
	{"title-weight", required_argument, NULL, OPT_TITLE_WEIGHT},
	{"feedback", required_argument, NULL, OPT_FEEDBACK},
	{"snippet-bytes", required_argument, NULL, OPT_SNIPPET},
	{"cite", required_argument, NULL, OPT_CITE},
	{"group", no_argument, NULL, OPT_GROUP},
	{"color", optional_argument, NULL, OPT_COLOR},
	{"colour", optional_argument, NULL, OPT_COLOR},
	{"help", no_argument, NULL, 'h'},
	{NULL, 0, NULL, 0},
};

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

static int parse_format(const char *s)
{
	if (!strcmp(s, "text"))
		return FORMAT_TEXT;
	if (!strcmp(s, "json"))
		return FORMAT_JSON;
	if (!strcmp(s, "trec"))
		return FORMAT_TREC;
	return -1;
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

/* Handle one option C with argument ARG; returns 0 or an exit status. */
static int take_option(struct search_opts *o, int c, const char *arg)
{
	switch (c) {
	case OPT_INDEX:
		return index_list_add(&o->indexes, arg) ? EXIT_TROUBLE : 0;
	case 'n':
		if (parse_long(arg, 0, 10000, &o->limit))
			return usage_error("search", "-n: '%s' is not a number from 0 to 10000", arg);
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
		o->format = FORMAT_JSON;
		return 0;
	case OPT_FORMAT:
		if ((o->format = parse_format(arg)) < 0)
			return usage_error("search", "--format: '%s' is not text, json or trec", arg);
		return 0;
	case OPT_QID:
		o->qid = arg;
		return 0;
	case OPT_PLAIN:
		o->plain = 1;
		return 0;
	case OPT_AND:
		o->and_words = 1;
		return 0;
	case OPT_BM25:
		if (parse_bm25(arg, o))
			return usage_error("search", "--bm25: '%s' is not K1,B (e.g. 1.2,0.75)", arg);
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
		if ((o->cite = parse_cite(arg)) < 0)
			return usage_error("search", "--cite: '%s' is not plain, markdown or bibtex", arg);
		return 0;
	case OPT_GROUP:
		o->group = 1;
		return 0;
	case OPT_COLOR:
		if ((o->color = parse_color(arg)) < 0)
			return usage_error("search", "--color: '%s' is not auto, always or never", arg);
		return 0;
	case 'h':
		fputs(usage, stdout);
		return -1;
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
	int c, rc;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "n:h", longopts, NULL)) != -1) {
		if (c == '?')
			return usage_error("search", "bad option or missing value: '%s'",
			                   argv[optind - 1]);
		if ((rc = take_option(o, c, optarg)) != 0)
			return rc;
	}
	if (optind >= argc)
		return usage_error("search", "no query given");
	if (!(o->query = join_words(argc - optind, argv + optind)))
		return fail("out of memory");
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
	return st;
}

/* -------------------------------------------------------------- layouts */

/* Print one hit of the plain list: "RANK. SCORE  snippet", the citation
 * dimmed below, then a blank line. */
static void put_text_hit(const struct render *r, const struct hit_view *v)
{
	int indent = printf("%zu. ", v->rank);
	int col = indent + printf("%.2f  ", v->score);
	put_wrapped(stdout, r, v->field[DOCKET_FIELD_TEXT], v->snip_start,
	            v->snip_end, (const size_t (*)[2])v->hl, v->nhl, 1,
	            (size_t)col, (size_t)indent);
	printf("%*s", indent, "");
	put_dim_wrapped(stdout, r, v->citation, (size_t)indent, (size_t)indent);
	put_copies_line(stdout, r, v->hit, indent);
	put_explain(stdout, r, v->hit, indent);
	putchar('\n');
}

/* Print where a passage sits, dimmed, on a line of its own. */
static void put_place_line(const struct render *r, const struct hit_view *v,
                           int indent)
{
	printf("%*s%s", indent, "", r->color ? "\033[2m" : "");
	put_place(stdout, v->field[DOCKET_FIELD_SECTION], v->paragraph);
	fputs(r->color ? "\033[0m\n" : "\n", stdout);
}

/* The article line of a group: outlet, author, date and URL. */
static void put_article_line(const struct render *r, const struct hit_view *v)
{
	static const docket_field parts[] = {DOCKET_FIELD_OUTLET,
		DOCKET_FIELD_AUTHOR, DOCKET_FIELD_DATE, DOCKET_FIELD_URL};
	char *line = NULL;
	size_t len = 0;
	FILE *m = open_memstream(&line, &len);
	int first = 1;
	if (!m)
		return;
	for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++) {
		const char *s = v->field[parts[i]];
		if (*s) {
			fprintf(m, "%s%s", first ? "" : ", ", s);
			first = 0;
		}
	}
	if (first)
		fputs(v->field[DOCKET_FIELD_ARTICLE_ID], m);
	fclose(m);
	fputs("   ", stdout);
	put_dim_line(stdout, r, line);
	free(line);
}

/* Print the hits grouped by article, articles in order of their first hit:
 * the title and article line once, then each passage's snippet and place. */
static void put_groups(const struct render *r, struct hit_view *v, size_t n)
{
	char *done = calloc(n + 1, 1);
	if (!done)
		return;
	for (size_t i = 0; i < n; i++) {
		const char *art = v[i].field[DOCKET_FIELD_ARTICLE_ID];
		const char *title = v[i].field[DOCKET_FIELD_TITLE];
		if (done[i])
			continue;
		put_bold_line(stdout, r, *title ? title : art);
		put_article_line(r, &v[i]);
		for (size_t j = i; j < n; j++) {
			if (done[j] || strcmp(art, v[j].field[DOCKET_FIELD_ARTICLE_ID]))
				continue;
			done[j] = 1;
			int indent = printf("   %zu. ", v[j].rank);
			int col = indent + printf("%.2f  ", v[j].score);
			put_wrapped(stdout, r, v[j].field[DOCKET_FIELD_TEXT],
			            v[j].snip_start, v[j].snip_end,
			            (const size_t (*)[2])v[j].hl, v[j].nhl, 1,
			            (size_t)col, (size_t)indent);
			put_place_line(r, &v[j], indent);
			put_copies_line(stdout, r, v[j].hit, indent);
		}
		putchar('\n');
	}
	free(done);
}

/* One TREC run line: QID Q0 DOCNO RANK SCORE TAG. */
static void put_trec(const char *qid, const struct hit_view *v)
{
	fputs(qid, stdout);
	fputs(" Q0 ", stdout);
	put_escaped(stdout, v->field[DOCKET_FIELD_ARTICLE_ID]);
	printf(" %zu %.6f docket\n", v->rank, v->score);
}

/* ---------------------------------------------------------------- running */

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static void put_all(const struct search_opts *o, struct hit_view *v,
                    size_t n)
{
	struct render r = {color_enabled(o->color), output_width()};
	if (o->format == FORMAT_TEXT && o->group) {
		put_groups(&r, v, n);
		return;
	}
	for (size_t i = 0; i < n; i++) {
		if (o->format == FORMAT_JSON)
			put_json_hit(stdout, "hit", &v[i]);
		else if (o->format == FORMAT_TREC)
			put_trec(o->qid, &v[i]);
		else
			put_text_hit(&r, &v[i]);
	}
}

/* Run the query on IDX and print the result; returns the exit status. */
static int search(docket_index *idx, const struct search_opts *o)
{
	docket_query *q = NULL;
	docket_hits *hits = NULL;
	struct hit_view *v = NULL;
	size_t n = 0;
	double t0 = now_ms();
	int rc = EXIT_TROUBLE;
	docket_status st = docket_query_new(idx, o->query, &q);
	if (!st)
		st = configure(q, o);
	if (!st)
		st = docket_query_run(q, &hits);
	if (!st && hit_views_collect(hits, o->cite, &v, &n))
		st = DOCKET_NO_MEMORY;
	if (!st)
		st = docket_hits_status(hits);
	if (st) {
		const char *msg = docket_index_last_error(idx);
		fail("%s", *msg ? msg : docket_strerror(st));
	} else {
		put_all(o, v, n);
		if (o->format == FORMAT_JSON)
			put_json_summary(stdout, o->query,
			                 docket_query_estimated(q), n, now_ms() - t0);
		rc = n ? EXIT_HITS : EXIT_NONE;
	}
	hit_views_free(v, n);
	docket_query_free(q);
	return rc;
}

int cmd_search(int argc, char **argv)
{
	struct search_opts o = {
		.limit = 10, .per_article = -1, .snippet_bytes = -1,
		.sort = DOCKET_SORT_RELEVANCE, .format = FORMAT_TEXT, .qid = "0",
		.cite = DOCKET_CITE_PLAIN, .color = COLOR_AUTO,
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
