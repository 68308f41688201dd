/* cmd-tally.c — `docket timeline` and `docket coverage`: counts over every
 * passage a query matches (docket_query_timeline, docket_query_coverage),
 * printed through the chosen format's table printer (printer.h: text
 * bars or a table, JSON Lines, CSV).  Exit like search: 0 when something
 * matched, 1 when nothing, 2 on error.  Called by cli/main.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "printer.h"

/* Everything the command line asked for. */
struct tally_opts {
	struct index_list indexes;           /* --index, repeatable */
	const struct printer_format *format; /* --format, --json */
	int by;                              /* timeline: a docket_period */
	int date;                            /* timeline: a docket_date_kind */
	int per_outlet;                      /* timeline: --per outlet */
	int sparkline;                       /* timeline: --sparkline */
	int plain, and_words;                /* --plain, --and */
	int color;                           /* an enum color_when */
	char *query;                         /* the words joined (owned) */
};

enum { OPT_INDEX = 256, OPT_JSON, OPT_FORMAT, OPT_BY, OPT_DATE, OPT_PER,
       OPT_SPARK, OPT_PLAIN, OPT_AND, OPT_COLOR };

static const struct cli_option common_options[] = {
	{"index", OPT_INDEX, required_argument, "DIR",
	 "the index (repeat to count several as one)", NULL},
	{"json", OPT_JSON, no_argument, NULL, "JSON Lines (see README)", NULL},
	{"format", OPT_FORMAT, required_argument, "FMT", "text (default), json or csv", NULL},
	{"plain", OPT_PLAIN, no_argument, NULL,
	 "QUERY is plain words: no operators or fields", NULL},
	{"and", OPT_AND, no_argument, NULL, "all words must match (default: any)", NULL},
	{"color", OPT_COLOR, optional_argument, "WHEN",
	 "auto (default), always or never", "colour"},
	CLI_NO_COLOR_ROW,
	{"help", 'h', no_argument, NULL, "show this help", NULL},
};

static const struct cli_option timeline_options[] = {
	{"by", OPT_BY, required_argument, "PERIOD",
	 "day, week (Monday to Sunday), month (default) or year", NULL},
	{"date", OPT_DATE, required_argument, "WHICH",
	 "published (the article's date, default) or event (the\n"
	 "dates the passages state)", NULL},
	{"per", OPT_PER, required_argument, "outlet", "one series per outlet", NULL},
	{"sparkline", OPT_SPARK, no_argument, NULL,
	 "text: one line of bars (also when under 50 columns)", NULL},
	{"index", OPT_INDEX, required_argument, "DIR",
	 "the index (repeat to count several as one)", NULL},
	{"json", OPT_JSON, no_argument, NULL, "JSON Lines (see README)", NULL},
	{"format", OPT_FORMAT, required_argument, "FMT", "text (default), json or csv", NULL},
	{"plain", OPT_PLAIN, no_argument, NULL,
	 "QUERY is plain words: no operators or fields", NULL},
	{"and", OPT_AND, no_argument, NULL, "all words must match (default: any)", NULL},
	{"color", OPT_COLOR, optional_argument, "WHEN",
	 "auto (default), always or never", "colour"},
	CLI_NO_COLOR_ROW,
	{"help", 'h', no_argument, NULL, "show this help", NULL},
};

static const struct cli_spec timeline_spec = CLI_SPEC("timeline",
	"usage: docket timeline [OPTION]... [--] QUERY...\n"
	"Count every passage QUERY matches by period, from the first to the last,\n"
	"empty periods included.\n\n",
	timeline_options,
	"\nExit status: 0 if something matched, 1 if nothing, 2 on error.\n");

static const struct cli_spec coverage_spec = CLI_SPEC("coverage",
	"usage: docket coverage [OPTION]... [--] QUERY...\n"
	"One row per outlet covering QUERY: first and last date, articles,\n"
	"passages, most credited sources; the outlet that broke it on top.\n\n",
	common_options,
	"\nExit status: 0 if something matched, 1 if nothing, 2 on error.\n");

/* Index of S in the NULL-terminated WORDS, or -1. */
static int word_index(const char *s, const char *const *words)
{
	for (int i = 0; words[i]; i++)
		if (!strcmp(s, words[i]))
			return i;
	return -1;
}

/* Handle one option C with argument ARG for the tally_opts P (a
 * cli_take); returns 0 or an exit status. */
static int take_option(void *p, int c, const char *arg)
{
	static const char *const periods[] = {"day", "week", "month", "year", NULL};
	static const char *const dates[] = {"published", "event", NULL};
	struct tally_opts *o = p;
	switch (c) {
	case OPT_INDEX:
		return index_list_add(&o->indexes, arg) ? EXIT_TROUBLE : 0;
	case OPT_JSON:
		o->format = printer_find("json");
		return 0;
	case OPT_FORMAT:
		if (!(o->format = printer_find(arg)) || !strcmp(arg, "trec"))
			return usage_error(NULL, "--format: '%s' is not text, json or csv", arg);
		return 0;
	case OPT_BY:
		if ((o->by = word_index(arg, periods)) < 0)
			return usage_error("timeline", "--by: '%s' is not day, week, month or year", arg);
		return 0;
	case OPT_DATE:
		if ((o->date = word_index(arg, dates)) < 0)
			return usage_error("timeline", "--date: '%s' is not published or event", arg);
		return 0;
	case OPT_PER:
		if (strcmp(arg, "outlet"))
			return usage_error("timeline", "--per: '%s' is not outlet", arg);
		o->per_outlet = 1;
		return 0;
	case OPT_SPARK:
		o->sparkline = 1;
		return 0;
	case OPT_PLAIN:
		o->plain = 1;
		return 0;
	case OPT_AND:
		o->and_words = 1;
		return 0;
	case OPT_COLOR:
		return take_color(NULL, arg, &o->color);
	default:
		return usage_error(NULL, "bad option");
	}
}

/* QUERY... joined with single spaces, malloc'ed (NULL: out of memory). */
static char *join_words(int n, char **words)
{
	size_t len = 1;
	for (int i = 0; i < n; i++)
		len += strlen(words[i]) + 1;
	char *s = malloc(len);
	if (!s)
		return NULL;
	*s = '\0';
	for (int i = 0; i < n; i++) {
		if (i)
			strcat(s, " ");
		strcat(s, words[i]);
	}
	return s;
}

static int parse_args(const struct cli_spec *spec, int argc, char **argv,
                      struct tally_opts *o)
{
	int rc = cli_parse(spec, argc, argv, take_option, o);
	if (rc)
		return rc;
	if (optind >= argc)
		return usage_error(spec->name, "no query given");
	if (!(o->query = join_words(argc - optind, argv + optind)))
		return fail("out of memory");
	return index_list_default(&o->indexes) ? EXIT_TROUBLE : 0;
}

/* Count on IDX and print; returns the exit status. */
static int tally(docket_index *idx, const struct tally_opts *o, enum table_kind kind)
{
	docket_query *q = NULL;
	const docket_table *t = NULL;
	docket_status st = docket_query_new(idx, o->query, &q);
	if (!st && o->plain)
		st = docket_query_set(q, DOCKET_QUERY_PLAIN, 1);
	if (!st && o->and_words)
		st = docket_query_set(q, DOCKET_QUERY_DEFAULT_AND, 1);
	if (!st && kind == TABLE_TIMELINE)
		st = docket_query_timeline(q, (docket_period)o->by,
		                           (docket_date_kind)o->date, o->per_outlet, &t);
	else if (!st)
		st = docket_query_coverage(q, &t);
	if (!st)
		query_warn(q);
	int rc;
	if (st) {
		const char *msg = docket_index_last_error(idx);
		rc = fail("%s", *msg ? msg : docket_strerror(st));
	} else {
		const struct print_opts po = {
			.r = {color_enabled(o->color), output_width()},
			.qid = "0", .sparkline = o->sparkline,
		};
		struct printer p = o->format->make(&po);
		rc = docket_table_rows(t) ? EXIT_HITS : EXIT_NONE;
		if (p.table(&p, kind, t))
			rc = fail("writing the results failed");
	}
	docket_query_free(q);
	return rc;
}

static int run(const struct cli_spec *spec, enum table_kind kind, int argc,
               char **argv)
{
	struct tally_opts o = {
		.format = printer_formats, .by = DOCKET_BY_MONTH,
		.date = DOCKET_DATE_PUBLISHED, .color = COLOR_AUTO,
	};
	docket_index *idx = NULL;
	int rc = parse_args(spec, argc, argv, &o);
	if (rc == 0 && open_for_reading(&o.indexes, &idx) != DOCKET_OK)
		rc = EXIT_TROUBLE;
	if (rc == 0)
		rc = tally(idx, &o, kind);
	if (rc == -1)
		rc = EXIT_HITS; /* --help */
	docket_index_close(idx);
	index_list_free(&o.indexes);
	free(o.query);
	if (fflush(stdout) != 0 || ferror(stdout))
		rc = fail("writing the results failed");
	return rc;
}

int cmd_timeline(int argc, char **argv)
{
	return run(&timeline_spec, TABLE_TIMELINE, argc, argv);
}

int cmd_coverage(int argc, char **argv)
{
	return run(&coverage_spec, TABLE_COVERAGE, argc, argv);
}
