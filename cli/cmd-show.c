/* cmd-show.c — `docket show PASSAGE_ID`: find a passage with up to -C
 * passages of its article on each side, in article order, highlights for
 * --query, and print them through the chosen format's printer (printer.h:
 * in text the requested one is marked with ">" in the margin and its full
 * citation follows; json gives one object per passage).  Exit 0, 1 when
 * there is no such passage, 2 on error.  Called by cli/main.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "output.h"
#include "printer.h"

struct show_opts {
	struct index_list indexes; /* --index, repeatable */
	long context;              /* -C: passages on each side */
	const char *query;         /* --query: decides the highlights */
	const struct printer_format *format; /* --format, --json */
	int cite;                  /* a docket_cite_style */
	int color;                 /* an enum color_when */
	const char *id;            /* the passage id */
};

enum { OPT_INDEX = 256, OPT_JSON, OPT_FORMAT, OPT_CITE, OPT_COLOR };

static const struct cli_option options[] = {
	{"index", OPT_INDEX, required_argument, "DIR", "the index (repeatable)", NULL},
	{"context", 'C', required_argument, "N",
	 "passages before and after it (default 1)", NULL},
	{"query", 'q', required_argument, "QUERY", "highlight the words of QUERY", NULL},
	{"json", OPT_JSON, no_argument, NULL, "JSON Lines, one object per passage", NULL},
	{"format", OPT_FORMAT, required_argument, "FMT", "text (default) or json", NULL},
	{"cite", OPT_CITE, required_argument, "STYLE",
	 "citation style: plain, markdown or bibtex", NULL},
	{"color", OPT_COLOR, optional_argument, "WHEN",
	 "auto (default), always or never", "colour"},
	CLI_NO_COLOR_ROW,
	{"help", 'h', no_argument, NULL, "show this help", NULL},
};

static const struct cli_spec spec = CLI_SPEC("show",
	"usage: docket show [OPTION]... PASSAGE_ID\n"
	"Show a passage in its context, then its citation.  PASSAGE_ID is\n"
	"ARTICLE_ID#N as search prints it; an ARTICLE_ID alone, or a file's\n"
	"path (with or without #N), also works.\n"
	"\n",
	options,
	"Exit status: 0 if shown, 1 if there is no such passage, 2 on error.\n");

/* Handle option C with argument ARG for the show_opts P (a cli_take);
 * returns 0 or an exit status. */
static int take_option(void *p, int c, const char *arg)
{
	struct show_opts *o = p;
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
		o->format = printer_find("json");
		return 0;
	case OPT_FORMAT:
		o->format = printer_find(arg);
		if (!o->format || !printer_shows_passages(o->format))
			return usage_error("show", "--format: '%s' is not %s", arg,
			                   printer_names(1));
		return 0;
	case OPT_CITE:
		return take_cite("show", arg, &o->cite);
	case OPT_COLOR:
		return take_color("show", arg, &o->color);
	}
	return usage_error("show", "bad option");
}

/* Fill O from the command line; returns 0, -1 after --help, or an exit
 * status. */
static int parse_args(int argc, char **argv, struct show_opts *o)
{
	int rc = cli_parse(&spec, argc, argv, take_option, o);
	if (rc)
		return rc;
	if (optind != argc - 1)
		return usage_error("show", optind >= argc ? "no passage id given"
		                                          : "give one passage id");
	o->id = argv[optind];
	return index_list_default(&o->indexes) ? EXIT_TROUBLE : 0;
}

/* Print V[0..N) (N >= 1) in O's format; returns 0, or -1 when the printer
 * failed. */
static int put_passages(const struct show_opts *o, const struct hit_view *v,
                        size_t n)
{
	const struct print_opts po = {
		.r = {color_enabled(o->color), output_width()}, .qid = "0",
	};
	struct printer p = o->format->make(&po);
	return p.passages(&p, v, n, o->id);
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
	if (!st && hit_views_collect(hits, o->cite, 1, &v, &n))
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
		rc = put_passages(o, v, n) ? fail("writing the passages failed")
		                           : EXIT_HITS;
	}
	hit_views_free(v, n);
	docket_query_free(q);
	return rc;
}

/* Whether ID ends in "#N", as every passage id does. */
static int ends_in_ordinal(const char *id)
{
	const char *h = strrchr(id, '#');
	if (!h || !h[1])
		return 0;
	return strspn(h + 1, "0123456789") == strlen(h + 1);
}

int cmd_show(int argc, char **argv)
{
	struct show_opts o = {.context = 1, .format = printer_formats,
	                      .cite = DOCKET_CITE_PLAIN, .color = COLOR_AUTO};
	docket_index *idx = NULL;
	int rc = parse_args(argc, argv, &o);
	if (rc == 0 && open_for_reading(&o.indexes, &idx) != DOCKET_OK)
		rc = EXIT_TROUBLE;
	char *first = NULL; /* an article id stands for its first passage */
	if (rc == 0 && !ends_in_ordinal(o.id) &&
	    (first = malloc(strlen(o.id) + 3)) != NULL) {
		sprintf(first, "%s#1", o.id);
		o.id = first;
	}
	if (rc == 0)
		rc = show(idx, &o);
	free(first);
	if (rc == -1)
		rc = EXIT_HITS; /* --help */
	docket_index_close(idx);
	index_list_free(&o.indexes);
	if (fflush(stdout) != 0 || ferror(stdout))
		rc = fail("writing the passages failed");
	return rc;
}
