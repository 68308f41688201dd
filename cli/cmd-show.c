/* cmd-show.c — `docket show PASSAGE_ID`: print a passage with up to -C
 * passages of its article on each side, in article order, the requested
 * one marked with ">" in the margin, highlights for --query, and then its
 * full citation.  Exit 0, 1 when there is no such passage, 2 on error.
 * Called by cli/main.c.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "output.h"

struct show_opts {
	struct index_list indexes; /* --index, repeatable */
	long context;              /* -C: passages on each side */
	const char *query;         /* --query: decides the highlights */
	int json;                  /* --json */
	int cite;                  /* a docket_cite_style */
	int color;                 /* an enum color_when */
	const char *id;            /* the passage id */
};

static const char usage[] =
	"usage: docket show [OPTION]... PASSAGE_ID\n"
	"Show a passage in its context, then its citation.\n"
	"\n"
	"  --index DIR         the index (repeatable)\n"
	"  -C, --context N     passages before and after it (default 1)\n"
	"  -q, --query QUERY   highlight the words of QUERY\n"
	"      --json          JSON Lines, one object per passage\n"
	"      --cite STYLE    citation style: plain, markdown or bibtex\n"
	"      --color[=WHEN]  auto (default), always or never\n"
	"  -h, --help          show this help\n"
	"Exit status: 0 if shown, 1 if there is no such passage, 2 on error.\n";

enum { OPT_INDEX = 256, OPT_JSON, OPT_CITE, OPT_COLOR };

static const struct option longopts[] = {
	{"index", required_argument, NULL, OPT_INDEX},
	{"context", required_argument, NULL, 'C'},
	{"query", required_argument, NULL, 'q'},
	{"json", no_argument, NULL, OPT_JSON},
	{"cite", required_argument, NULL, OPT_CITE},
	{"color", optional_argument, NULL, OPT_COLOR},
	{"colour", optional_argument, NULL, OPT_COLOR},
	{"help", no_argument, NULL, 'h'},
	{NULL, 0, NULL, 0},
};

/* Handle option C; returns 0, -1 after --help, or an exit status. */
static int take_option(struct show_opts *o, int c, const char *arg)
{
	switch (c) {
	case OPT_INDEX:
		return index_list_add(&o->indexes, arg) ? EXIT_TROUBLE : 0;
	case 'C':
		if (parse_long(arg, 0, 1000, &o->context))
			return usage_error("show", "-C: '%s' is not a number from 0 to 1000", arg);
		return 0;
	case 'q':
		o->query = arg;
		return 0;
	case OPT_JSON:
		o->json = 1;
		return 0;
	case OPT_CITE:
		if ((o->cite = parse_cite(arg)) < 0)
			return usage_error("show", "--cite: '%s' is not plain, markdown or bibtex", arg);
		return 0;
	case OPT_COLOR:
		if ((o->color = parse_color(arg)) < 0)
			return usage_error("show", "--color: '%s' is not auto, always or never", arg);
		return 0;
	case 'h':
		fputs(usage, stdout);
		return -1;
	}
	return usage_error("show", "bad option");
}

static int parse_args(int argc, char **argv, struct show_opts *o)
{
	int c, rc;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "C:q:h", longopts, NULL)) != -1) {
		if (c == '?')
			return usage_error("show", "bad option or missing value: '%s'",
			                   argv[optind - 1]);
		if ((rc = take_option(o, c, optarg)) != 0)
			return rc;
	}
	if (optind != argc - 1)
		return usage_error("show", optind >= argc ? "no passage id given"
		                                          : "give one passage id");
	o->id = argv[optind];
	return index_list_default(&o->indexes) ? EXIT_TROUBLE : 0;
}

/* The title, the article line, then each passage: its place (marked with
 * ">" when it is the one asked for) and its whole text. */
static void put_context(const struct show_opts *o, struct hit_view *v,
                        size_t n)
{
	struct render r = {color_enabled(o->color), output_width()};
	const struct hit_view *focus = &v[0];
	const char *title = v[0].field[DOCKET_FIELD_TITLE];
	put_bold_line(stdout, &r, *title ? title : v[0].field[DOCKET_FIELD_ARTICLE_ID]);
	for (size_t i = 0; i < n; i++) {
		const char *id = v[i].field[DOCKET_FIELD_PASSAGE_ID];
		const char *section = v[i].field[DOCKET_FIELD_SECTION];
		int mine = !strcmp(id, o->id);
		if (mine)
			focus = &v[i];
		printf("\n%s  %s", mine ? ">" : " ", r.color ? "\033[2m" : "");
		put_place(stdout, section, v[i].paragraph);
		fputs("  [", stdout);
		put_escaped(stdout, id);
		fputs(r.color ? "]\033[0m\n" : "]\n", stdout);
		printf("%s  ", mine ? ">" : " ");
		put_wrapped(stdout, &r, v[i].field[DOCKET_FIELD_TEXT], 0,
		            (size_t)-1, (const size_t (*)[2])v[i].hl, v[i].nhl, 0,
		            3, 3);
	}
	putchar('\n');
	put_dim_wrapped(stdout, &r, focus->citation, 0, 0);
}

/* Find and print the passage; returns the exit status. */
static int show(docket_index *idx, const struct show_opts *o)
{
	docket_query *q = NULL;
	docket_hits *hits = NULL;
	struct hit_view *v = NULL;
	size_t n = 0;
	int rc = EXIT_TROUBLE;
	docket_status st = docket_query_new_passage(idx, o->id,
	                                            (unsigned)o->context,
	                                            o->query, &q);
	if (!st)
		st = docket_query_run(q, &hits);
	if (!st && hit_views_collect(hits, o->cite, &v, &n))
		st = DOCKET_NO_MEMORY;
	if (!st)
		st = docket_hits_status(hits);
	if (st == DOCKET_NOT_FOUND || (!st && n == 0)) {
		fail("no passage '%s' in the index", o->id);
		rc = EXIT_NONE;
	} else if (st) {
		const char *msg = docket_index_last_error(idx);
		fail("%s", *msg ? msg : docket_strerror(st));
	} else {
		for (size_t i = 0; o->json && i < n; i++)
			put_json_hit(stdout, "passage", &v[i]);
		if (!o->json)
			put_context(o, v, n);
		rc = EXIT_HITS;
	}
	hit_views_free(v, n);
	docket_query_free(q);
	return rc;
}

int cmd_show(int argc, char **argv)
{
	struct show_opts o = {.context = 1, .cite = DOCKET_CITE_PLAIN,
	                      .color = COLOR_AUTO};
	docket_index *idx = NULL;
	int rc = parse_args(argc, argv, &o);
	if (rc == 0 && open_for_reading(&o.indexes, &idx) != DOCKET_OK)
		rc = EXIT_TROUBLE;
	if (rc == 0)
		rc = show(idx, &o);
	if (rc == -1)
		rc = EXIT_HITS; /* --help */
	docket_index_close(idx);
	index_list_free(&o.indexes);
	if (fflush(stdout) != 0 || ferror(stdout))
		rc = fail("writing the passages failed");
	return rc;
}
