/* output.h — what the `docket` tool's output formats build on: a plain
 * copy of what a hit says (struct hit_view) and text rendering (escaping,
 * wrapping to the terminal, highlight colours).  Implemented in
 * cli/output.c; used by the formats (cli/print-*.c, see printer.h), the
 * commands that collect hits, and cli/cmd-index.c.
 */
#ifndef DOCKET_CLI_OUTPUT_H
#define DOCKET_CLI_OUTPUT_H

#include <stdio.h>

#include "../docket.h"

/* Everything shown of one hit.  Strings are borrowed from the query (valid
 * until docket_query_free); the arrays are owned (hit_view_clear). */
struct hit_view {
	size_t rank;               /* 1-based, offset included */
	double score;              /* engine score */
	const char *field[DOCKET_FIELD_LAST]; /* by docket_field, never NULL */
	const char *citation;      /* in the chosen style */
	int paragraph;             /* 1-based paragraph number */
	int part;                  /* piece of a cut paragraph, or 0 */
	size_t snip_start;         /* snippet window [snip_start, snip_end) */
	size_t snip_end;           /*   as byte offsets into the text */
	size_t (*hl)[2];           /* highlights: [start, end) byte ranges */
	size_t nhl;                /* how many highlights */
	const char **sources;      /* credited sources, e.g. "wired.com" */
	size_t nsources;           /* how many sources */
	const docket_hit *hit;     /* the hit itself (its score parts) */
};

/* Copy what H says into V, with the citation in STYLE.  Returns 0, or -1
 * when out of memory (V is then empty). */
int hit_view_fill(struct hit_view *v, const docket_hit *h,
                  docket_cite_style style);
void hit_view_clear(struct hit_view *v);

/* Every hit of HITS as views, citations in STYLE: *OUT is malloc'd with *N
 * views (free with hit_views_free).  With LISTS, each hit's article lists
 * (cases, dockets, courts, judges) are read now, for an output that prints
 * them: they are read from the index on first use (docket.h), and a
 * failure then stops the iteration here, before anything is printed.
 * Returns 0, or -1 when out of memory (what was read is still in *OUT).
 * The iteration's own status is left to the caller. */
int hit_views_collect(docket_hits *hits, docket_cite_style style, int lists,
                      struct hit_view **out, size_t *n);
void hit_views_free(struct hit_view *v, size_t n);

/* How text goes to a terminal. */
struct render {
	int color;    /* emit ANSI colours */
	size_t width; /* wrap at this many columns */
};

/* The width to wrap at: $COLUMNS, else the terminal's, else 80. */
size_t output_width(void);

/* The length of the valid UTF-8 sequence at S (at most N bytes, N > 0), or
 * 0 when the bytes there are not one (overlong, surrogate, truncated...). */
size_t valid_seq_len(const unsigned char *s, size_t n);

/* Write S to F with control characters and invalid UTF-8 escaped (\n, \t,
 * \xNN), so that any path prints on one line.  A backslash prints as it
 * is (one, not doubled: Windows-style paths and LaTeX stay readable). */
void put_escaped(FILE *f, const char *s);

/* Write TEXT[START, END) to F word-wrapped: the cursor is at column COL of
 * a line, continuation lines start with INDENT spaces.  Runs of white space
 * become one space; highlights HL (ascending byte ranges into TEXT) are in
 * bold red when colouring; "…" marks a window that does not reach the
 * text's start or end when ELLIPSES is set.  Ends the line. */
void put_wrapped(FILE *f, const struct render *r, const char *text,
                 size_t start, size_t end, const size_t (*hl)[2], size_t nhl,
                 int ellipses, size_t col, size_t indent);

/* put_wrapped, with the quoted speech QUOTES (ascending byte ranges) in
 * italics when colouring. */
void put_wrapped_quoted(FILE *f, const struct render *r, const char *text,
                        size_t start, size_t end, const size_t (*hl)[2],
                        size_t nhl, const size_t (*quotes)[2], size_t nquotes,
                        int ellipses, size_t col, size_t indent);

/* The quotes of hit H as ascending byte ranges (malloc'd, *N of them;
 * NULL when there are none or memory ran out). */
size_t (*hit_quote_ranges(const docket_hit *h, size_t *n))[2];

/* One distinct quote of `docket quotes` (cli/cmd-quotes.c), as the
 * printers show it.  Strings are borrowed. */
struct quote_line {
	const char *text;        /* the longest report of it */
	const char *speaker;     /* "" when unknown */
	const char *passage_id;  /* where it was first reported */
	const char *outlet;
	const char *date;
	size_t articles;         /* how many articles carried it */
	const char **outlets;    /* the distinct outlets, in the order they ran it */
	size_t noutlets;
	const char **passages;   /* every passage holding it, the same order */
	size_t npassages;
};

/* Write S dimmed (when colouring), escaped, then a newline. */
void put_dim_line(FILE *f, const struct render *r, const char *s);
/* Write S dimmed and word-wrapped like put_wrapped, ending the line; an S
 * of several lines (a BibTeX citation) keeps its lines, each after the
 * first under INDENT spaces, none re-wrapped. */
void put_dim_wrapped(FILE *f, const struct render *r, const char *s,
                     size_t col, size_t indent);
/* Write where a passage sits, "§ SECTION, ¶ PARAGRAPH (part N)" (the section
 * part only when there is one, the part only when the paragraph was cut),
 * escaped, with no colour and no newline. */
void put_place(FILE *f, const char *section, int paragraph, int part);
/* Write S in bold (when colouring), escaped, then a newline. */
void put_bold_line(FILE *f, const struct render *r, const char *s);
/* Write the hit's copies on one dimmed line under INDENT — "also in 2
 * others: Bay Ledger 2026-03-11, Metro Record 2026-03-12 · first:
 * Associated Press (ap) 2026-03-10" — or only its first report when that
 * is another passage; nothing when it has neither. */
void put_copies_line(FILE *f, const struct render *r, const docket_hit *h,
                     int indent);
/* Write the hit's score parts (--explain), one "+ weight  what" a line
 * under INDENT, dimmed; nothing when it has none. */
void put_explain(FILE *f, const struct render *r, const docket_hit *h,
                 int indent);

#endif
