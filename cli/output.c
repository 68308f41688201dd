/* output.c — what every output format builds on: the hit view (a plain
 * copy of what a hit says), escaping whatever bytes a path or text holds so
 * a line stays one line, word-wrapping to the terminal, colouring
 * highlights.  Called by the formats (cli/print-*.c) and cli/cmd-index.c;
 * see output.h for the contracts.
 */
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "cli.h"
#include "output.h"

#define HL_ON "\033[1;31m"
#define DIM_ON "\033[2m"
#define BOLD_ON "\033[1m"
#define SGR_OFF "\033[0m"
#define QUOTE_ON "\033[3m" /* italics: quoted speech, subtly */
#define ELLIPSIS "\xe2\x80\xa6" /* U+2026, one column */

/* ------------------------------------------------------------- hit view */

int hit_view_fill(struct hit_view *v, const docket_hit *h,
                  docket_cite_style style)
{
	memset(v, 0, sizeof *v);
	v->hit = h;
	v->rank = docket_hit_rank(h);
	v->score = docket_hit_score(h);
	for (int f = 0; f < DOCKET_FIELD_LAST; f++)
		v->field[f] = docket_hit_field(h, (docket_field)f);
	v->citation = docket_hit_citation(h, style);
	if (!v->citation)
		v->citation = v->field[DOCKET_FIELD_CITATION];
	v->paragraph = docket_hit_paragraph(h);
	v->part = docket_hit_part(h);
	docket_hit_snippet_range(h, &v->snip_start, &v->snip_end);
	v->nhl = docket_hit_highlight_count(h);
	v->nsources = docket_hit_source_count(h);
	v->hl = calloc(v->nhl + 1, sizeof *v->hl);
	v->sources = calloc(v->nsources + 1, sizeof *v->sources);
	if (!v->hl || !v->sources) {
		hit_view_clear(v);
		return -1;
	}
	for (size_t i = 0; i < v->nhl; i++)
		docket_hit_highlight(h, i, &v->hl[i][0], &v->hl[i][1]);
	for (size_t i = 0; i < v->nsources; i++)
		v->sources[i] = docket_hit_source(h, i);
	return 0;
}

void hit_view_clear(struct hit_view *v)
{
	free(v->hl);
	free(v->sources);
	memset(v, 0, sizeof *v);
}

int hit_views_collect(docket_hits *hits, docket_cite_style style, int lists,
                      struct hit_view **out, size_t *n)
{
	size_t cap = docket_hits_count(hits); /* the query holds them all */
	struct hit_view *v = calloc(cap + 1, sizeof *v);
	*out = v;
	*n = 0;
	if (!v)
		return -1;
	for (; docket_hits_valid(hits) && *n < cap; docket_hits_next(hits)) {
		const docket_hit *h = docket_hits_get(hits);
		if (hit_view_fill(&v[(*n)++], h, style))
			return -1;
		if (lists)
			docket_hit_list_count(h, DOCKET_LIST_CASES);
	}
	return 0;
}

void hit_views_free(struct hit_view *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		hit_view_clear(&v[i]);
	free(v);
}

void put_place(FILE *f, const char *section, int paragraph, int part)
{
	if (*section) {
		fputs("\xc2\xa7 ", f);
		put_escaped(f, section);
		fputs(", ", f);
	}
	fprintf(f, "\xc2\xb6 %d", paragraph);
	if (part)
		fprintf(f, " (part %d)", part);
}

/* ---------------------------------------------------------------- UTF-8 */

size_t valid_seq_len(const unsigned char *s, size_t n)
{
	size_t len;
	unsigned cp;
	if (s[0] < 0x80)
		return 1;
	if (s[0] >= 0xc2 && s[0] <= 0xdf)
		len = 2, cp = s[0] & 0x1f;
	else if (s[0] >= 0xe0 && s[0] <= 0xef)
		len = 3, cp = s[0] & 0x0f;
	else if (s[0] >= 0xf0 && s[0] <= 0xf4)
		len = 4, cp = s[0] & 0x07;
	else
		return 0;
	if (len > n)
		return 0;
	for (size_t i = 1; i < len; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		cp = cp << 6 | (s[i] & 0x3f);
	}
	if ((len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
	    (cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff)
		return 0;
	return len;
}

/* Write the character at S (N bytes left) escaped if need be; returns the
 * bytes consumed and adds the columns used to *COLS. */
static size_t put_char(FILE *f, const unsigned char *s, size_t n,
                       size_t *cols)
{
	size_t len = valid_seq_len(s, n);
	const char *name = NULL;
	switch (s[0]) {
	case '\n': name = "\\n"; break;
	case '\t': name = "\\t"; break;
	case '\r': name = "\\r"; break;
	}
	if (name) {
		fputs(name, f);
		*cols += 2;
		return 1;
	}
	if (len == 0 || s[0] < 0x20 || s[0] == 0x7f) {
		fprintf(f, "\\x%02x", s[0]);
		*cols += 4;
		return 1;
	}
	/* C1 controls (U+0080..U+009F) are escaped too. */
	if (len == 2 && s[0] == 0xc2 && s[1] < 0xa0) {
		fprintf(f, "\\xc2\\x%02x", s[1]);
		*cols += 8;
		return 2;
	}
	fwrite(s, 1, len, f);
	*cols += 1;
	return len;
}

void put_escaped(FILE *f, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t n = strlen(s), cols = 0;
	for (size_t i = 0; i < n;)
		i += put_char(f, p + i, n - i, &cols);
}

/* The columns the bytes [S, S+N) take when written by put_char. */
static size_t width_of(const unsigned char *s, size_t n)
{
	size_t cols = 0, i = 0;
	while (i < n) {
		size_t len = valid_seq_len(s + i, n - i);
		if (len == 0 || s[i] < 0x20 || s[i] == 0x7f)
			cols += 4, len = 1;
		else if (len == 2 && s[i] == 0xc2 && s[i + 1] < 0xa0)
			cols += 8;
		else
			cols += 1;
		i += len;
	}
	return cols;
}

/* -------------------------------------------------------------- wrapping */

size_t output_width(void)
{
	const char *env = getenv("COLUMNS");
	long cols;
	struct winsize ws;
	if (env && parse_long(env, 20, 10000, &cols) == 0)
		return (size_t)cols;
	if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 &&
	    ws.ws_col >= 20)
		return ws.ws_col;
	return 80;
}

static int is_space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' ||
	       c == '\f';
}

/* Where highlights stand while a text is written left to right. */
struct hl_cursor {
	const size_t (*hl)[2]; /* the ranges, ascending */
	size_t n;              /* how many */
	size_t k;              /* the first range not wholly before the cursor */
};

/* Whether byte POS lies in a highlight; POS must not decrease between
 * calls. */
static int hl_at(struct hl_cursor *c, size_t pos)
{
	while (c->k < c->n && c->hl[c->k][1] <= pos)
		c->k++;
	return c->k < c->n && c->hl[c->k][0] <= pos;
}

/* Write the word TEXT[POS, END) with its highlights C (bold red) and the
 * quoted speech Q (italics). */
static void put_word(FILE *f, const struct render *r, const char *text,
                     size_t pos, size_t end, struct hl_cursor *c,
                     struct hl_cursor *q)
{
	const unsigned char *t = (const unsigned char *)text;
	size_t cols = 0;
	int on = 0;
	while (pos < end) {
		int want = r->color ? hl_at(c, pos) | hl_at(q, pos) << 1 : 0;
		if (want != on) {
			fputs(SGR_OFF, f);
			fputs(want & 1 ? HL_ON : "", f);
			fputs(want & 2 ? QUOTE_ON : "", f);
		}
		on = want;
		pos += put_char(f, t + pos, end - pos, &cols);
	}
	if (on)
		fputs(SGR_OFF, f);
}

size_t (*hit_quote_ranges(const docket_hit *h, size_t *n))[2]
{
	*n = docket_hit_quote_count(h);
	size_t (*r)[2] = *n ? calloc(*n, sizeof *r) : NULL;
	if (!r)
		*n = 0;
	for (size_t i = 0; i < *n; i++)
		docket_hit_quote(h, i, &r[i][0], &r[i][1], NULL, NULL);
	return r;
}

void put_wrapped(FILE *f, const struct render *r, const char *text,
                 size_t start, size_t end, const size_t (*hl)[2], size_t nhl,
                 int ellipses, size_t col, size_t indent)
{
	put_wrapped_quoted(f, r, text, start, end, hl, nhl, NULL, 0, ellipses,
	                   col, indent);
}

void put_wrapped_quoted(FILE *f, const struct render *r, const char *text,
                        size_t start, size_t end, const size_t (*hl)[2],
                        size_t nhl, const size_t (*quotes)[2], size_t nquotes,
                        int ellipses, size_t col, size_t indent)
{
	const unsigned char *t = (const unsigned char *)text;
	size_t len = strlen(text), pos, w_end, w;
	struct hl_cursor c = {hl, nhl, 0}, q = {quotes, nquotes, 0};
	int first = 1; /* no space before the first word */
	if (end > len)
		end = len;
	if (start > end)
		start = end;
	if (ellipses && start > 0)
		fputs(ELLIPSIS, f), col++;
	for (pos = start; pos < end; pos = w_end) {
		while (pos < end && is_space(t[pos]))
			pos++;
		if (pos >= end)
			break;
		for (w_end = pos; w_end < end && !is_space(t[w_end]); w_end++)
			;
		w = width_of(t + pos, w_end - pos);
		if (!first && col + 1 + w > r->width) {
			fprintf(f, "\n%*s", (int)indent, "");
			col = indent;
		} else if (!first) {
			fputc(' ', f);
			col++;
		}
		first = 0;
		put_word(f, r, text, pos, w_end, &c, &q);
		col += w;
	}
	if (ellipses && end < len)
		fputs(ELLIPSIS, f);
	fputc('\n', f);
}

void put_dim_line(FILE *f, const struct render *r, const char *s)
{
	if (r->color)
		fputs(DIM_ON, f);
	put_escaped(f, s);
	fputs(r->color ? SGR_OFF "\n" : "\n", f);
}

/* Write the lines of S as they are (a BibTeX entry), dimmed when
 * colouring, each escaped, the ones after the first under INDENT spaces. */
static void put_dim_lines(FILE *f, const struct render *r, const char *s,
                          size_t indent)
{
	for (int first = 1; s; first = 0) {
		const char *nl = strchr(s, '\n');
		size_t n = nl ? (size_t)(nl - s) : strlen(s);
		char *line = strndup(s, n);
		fprintf(f, "%*s%s", first ? 0 : (int)indent, "", r->color ? DIM_ON : "");
		put_escaped(f, line ? line : "");
		fputs(r->color ? SGR_OFF "\n" : "\n", f);
		free(line);
		s = nl ? nl + 1 : NULL;
	}
}

void put_dim_wrapped(FILE *f, const struct render *r, const char *s,
                     size_t col, size_t indent)
{
	if (strchr(s, '\n')) {
		put_dim_lines(f, r, s, indent);
		return;
	}
	if (r->color)
		fputs(DIM_ON, f);
	put_wrapped(f, r, s, 0, strlen(s), NULL, 0, 0, col, indent);
	if (r->color)
		fputs(SGR_OFF, f);
}

void put_bold_line(FILE *f, const struct render *r, const char *s)
{
	if (r->color)
		fputs(BOLD_ON, f);
	put_escaped(f, s);
	fputs(r->color ? SGR_OFF "\n" : "\n", f);
}

/* --------------------------------------------------------------- explain */

void put_explain(FILE *f, const struct render *r, const docket_hit *h,
                 int indent)
{
	for (size_t i = 0; i < docket_hit_explain_count(h); i++) {
		double w;
		const char *what = docket_hit_explain(h, i, &w);
		fprintf(f, "%*s%s%s%7.4f  ", indent, "", r->color ? "\033[2m" : "",
		        i ? "+" : " ", w);
		put_escaped(f, what);
		fputs(r->color ? "\033[0m\n" : "\n", f);
	}
}

#define COPIES_NAMED 3 /* copies named on the text line; "…" for more */

/* "Outlet DATE" (either may be missing) of copy I of H, or of its first
 * report when I is (size_t)-1, with the agency after the outlet. */
static void put_copy(FILE *f, const docket_hit *h, size_t i, int agency)
{
	const char *outlet = i == (size_t)-1 ? docket_hit_first_reported(h, DOCKET_COPY_OUTLET)
	                                     : docket_hit_copy(h, i, DOCKET_COPY_OUTLET);
	const char *date = i == (size_t)-1 ? docket_hit_first_reported(h, DOCKET_COPY_DATE)
	                                   : docket_hit_copy(h, i, DOCKET_COPY_DATE);
	const char *wire = docket_hit_first_reported(h, DOCKET_COPY_WIRE);
	put_escaped(f, *outlet ? outlet : i == (size_t)-1
	                   ? docket_hit_first_reported(h, DOCKET_COPY_ARTICLE_ID)
	                   : docket_hit_copy(h, i, DOCKET_COPY_ARTICLE_ID));
	if (agency && *wire)
		fprintf(f, " (%s)", wire);
	if (*date)
		fprintf(f, " %s", date);
}

void put_copies_line(FILE *f, const struct render *r, const docket_hit *h,
                     int indent)
{
	size_t n = docket_hit_copy_count(h);
	const char *first = docket_hit_first_reported(h, DOCKET_COPY_PASSAGE_ID);
	int other_first = *first && strcmp(first, docket_hit_field(h, DOCKET_FIELD_PASSAGE_ID));
	if (!n && !other_first)
		return;
	fprintf(f, "%*s%s", indent, "", r->color ? "\033[2m" : "");
	if (n) {
		fprintf(f, "also in %zu other%s: ", n, n == 1 ? "" : "s");
		for (size_t i = 0; i < n && i < COPIES_NAMED; i++) {
			fputs(i ? ", " : "", f);
			put_copy(f, h, i, 0);
		}
		fputs(n > COPIES_NAMED ? ", \xe2\x80\xa6" : "", f);
		fputs(" \xc2\xb7 ", f);
	}
	fputs("first: ", f);
	put_copy(f, h, (size_t)-1, 1);
	fputs(r->color ? "\033[0m\n" : "\n", f);
}
