/* printer.h — output formats as a table of functions (after notmuch's
 * sprinter.h): a printer is a struct of function pointers made by one
 * constructor per format, and `docket search`, `docket show` and `docket
 * quotes` print only through it, so a new format is one file and one row of
 * printer_formats for every command.  The formats: text (print-text.c),
 * json (print-json.c: JSON Lines, a contract, see README) and trec
 * (print-trec.c: a TREC run, search only) and csv (print-csv.c: the tables
 * of facets, timeline and coverage, for spreadsheets).
 */
#ifndef DOCKET_CLI_PRINTER_H
#define DOCKET_CLI_PRINTER_H

#include <stddef.h>
#include <stdio.h>

#include "output.h"

/* What the command line says about how to print. */
struct print_opts {
	struct render r; /* colour and width, for text */
	int group;       /* text: group search hits under their article */
	int sparkline;   /* text timeline: one line of bars, whatever the width */
	const char *qid; /* trec: the query id */
	FILE *out;       /* json: where to write; NULL = stdout (docket serve
	                  * writes into a memory stream, so that the API's
	                  * objects are the CLI's bytes) */
};

/* The tables of counts a format may print. */
enum table_kind { TABLE_FACETS, TABLE_TIMELINE, TABLE_COVERAGE };

/* A format's functions.  Each writes to stdout and returns 0, or -1 when
 * out of memory or writing failed (the command reports it); a function a
 * format has no use for is NULL. */
struct printer {
	const char *name;      /* its --format name */
	struct print_opts o;   /* as given to the constructor */
	/* search: the hits V[0..N) in rank order (none when N is 0) */
	int (*hits)(const struct printer *p, const struct hit_view *v, size_t n);
	/* search, after the hits; NULL: the format has no summary */
	int (*summary)(const struct printer *p, const char *query,
	               size_t estimated, size_t returned, double elapsed_ms);
	/* show: an article's passages V[0..N) in order, FOCUS the id asked
	 * for; NULL: the format cannot show passages */
	int (*passages)(const struct printer *p, const struct hit_view *v,
	                size_t n, const char *focus);
	/* quotes: the distinct quotes Q[0..N) in order; NULL: the format
	 * cannot list quotes */
	int (*quotes)(const struct printer *p, const struct quote_line *q,
	              size_t n);
	/* facets (search --facets), timeline, coverage: the table T of KIND
	 * (docket.h: docket_query_facets and the others say its columns),
	 * then its note when it has one; NULL: the format prints no tables */
	int (*table)(const struct printer *p, enum table_kind kind,
	             const docket_table *t);
	/* non-zero when its hits print the article lists (cases, dockets,
	 * courts, judges), which the library reads only when asked
	 * (hit_views_collect) */
	int article_lists;
};

/* The constructors; they cannot fail. */
struct printer printer_text(const struct print_opts *o);
struct printer printer_json(const struct print_opts *o);
struct printer printer_trec(const struct print_opts *o);
struct printer printer_csv(const struct print_opts *o);

/* The formats by name, in the order --help lists them (text first, the
 * default); ends with a {NULL, NULL} row. */
struct printer_format {
	const char *name;                                 /* for --format */
	struct printer (*make)(const struct print_opts *); /* its constructor */
};
extern const struct printer_format printer_formats[];

/* The format named NAME, or NULL when there is none. */
const struct printer_format *printer_find(const char *name);
/* Whether F's printer can show passages (`docket show`); cannot fail. */
int printer_shows_passages(const struct printer_format *f);
/* The formats' names as a constant phrase, "text, json or trec" (only
 * those that can show passages when FOR_SHOW), for error messages. */
const char *printer_names(int for_show);

#endif
