/* cite.c — citations in three styles from a passage's record (cite.h).
 *
 * Called by the searcher for docket_hit_citation().  Record fields are not
 * NUL-terminated and may be empty; each is trimmed of surrounding
 * whitespace, and an empty one is left out together with its label and
 * separator.
 *
 * BibTeX comes as one field a line, the entry closed on a line of its own:
 *
 *   @online{wired2026storm_1a2b3c,
 *     title = {Musk storms out},
 *     author = {A. Writer},
 *     organization = {Wired},
 *     date = {2026-04-28},
 *     url = {https://www.wired.com/...},
 *     note = {§ Trial, ¶ 3; via theverge.com}
 *   }
 *
 * The key is the first significant word of the outlet, the year ("nd" when
 * undated), the first significant word of the title (ASCII letters and
 * digits only, lower-cased) and six hex digits of XXH3 of the passage id, so
 * the same passage always gets the same key.  In values { } $ & % # _ and
 * \ are escaped (\{ \} \$ \& \% \# \_ \textbackslash{}: LaTeX's special
 * characters, which "Bench & Bar Daily" would otherwise break); in the url
 * { } \ and spaces are percent-encoded,
 * since biblatex reads urls verbatim.
 */
#include "cite.h"

#include <string.h>

#include <xxhash.h>

#include "../common/chars.h"
#include "../common/stopwords.h"
#include "../docket.h"

enum esc {
	ESC_PLAIN, /* newlines folded to spaces */
	ESC_MD,    /* and [ ] \ backslash-escaped (link text) */
	ESC_MDURL, /* and space ( ) percent-encoded (link target) */
	ESC_BIB,   /* and { } $ & % # _ \ escaped for a BibTeX value */
	ESC_BIBURL /* and space { } \ percent-encoded */
};

/* Field F of R trimmed: its bytes in *S, its length returned. */
static size_t field(const struct record *r, int f, const char **s)
{
	const char *p = r->f[f];
	size_t n = p ? r->len[f] : 0;
	while (n && is_space(*p))
		p++, n--;
	while (n && is_space(p[n - 1]))
		n--;
	*s = p;
	return n;
}

static int has(const struct record *r, int f)
{
	const char *s;
	return field(r, f, &s) > 0;
}

/* Append S[0..N) escaped for MODE; each run of line breaks becomes one
 * space. */
static void put_text(int *rc, buf *out, const char *s, size_t n,
                     enum esc mode)
{
	int url = mode == ESC_MDURL || mode == ESC_BIBURL;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (c == '\n' || c == '\r') {
			while (i + 1 < n && (s[i + 1] == '\n' || s[i + 1] == '\r'))
				i++;
			c = ' ';
		}
		if (url && (c == ' ' || (mode == ESC_MDURL ? c == '(' || c == ')'
		                                          : c == '{' || c == '}' ||
		                                            c == '\\'))) {
			buf_printf(rc, out, "%%%02X", (unsigned char)c);
		} else if (mode == ESC_MD && (c == '[' || c == ']' || c == '\\')) {
			buf_putc(rc, out, '\\');
			buf_putc(rc, out, c);
		} else if (mode == ESC_BIB && c == '\\') {
			buf_puts(rc, out, "\\textbackslash{}");
		} else if (mode == ESC_BIB && c && strchr("{}$&%#_", c)) {
			buf_putc(rc, out, '\\');
			buf_putc(rc, out, c);
		} else {
			buf_putc(rc, out, c);
		}
	}
}

static void put_field(int *rc, buf *out, const struct record *r, int f,
                      enum esc mode)
{
	const char *s;
	size_t n = field(r, f, &s);
	put_text(rc, out, s, n, mode);
}

/* ------------------------------------------------------ shared pieces */

static int has_meta(const struct record *r)
{
	return has(r, REC_OUTLET) || has(r, REC_DATE) || has(r, REC_SECTION) ||
	       has(r, REC_PARAGRAPH);
}

/* "Outlet, 2026-04-28, § Section, ¶ 3" without the empty parts. */
static void put_meta(int *rc, buf *out, const struct record *r,
                     enum esc mode)
{
	static const struct { int f; const char *label; } parts[] = {
		{REC_OUTLET, ""}, {REC_DATE, ""},
		{REC_SECTION, "§ "}, {REC_PARAGRAPH, "¶ "},
	};
	int any = 0;
	for (size_t i = 0; i < sizeof parts / sizeof *parts; i++) {
		if (!has(r, parts[i].f))
			continue;
		if (any++)
			buf_puts(rc, out, ", ");
		buf_puts(rc, out, parts[i].label);
		put_field(rc, out, r, parts[i].f, mode);
	}
}

/* Call FN for each non-empty trimmed source (they are joined with '\n'). */
static int sources(const struct record *r,
                   void (*fn)(void *ctx, const char *s, size_t n), void *ctx)
{
	const char *s;
	size_t n = field(r, REC_SOURCES, &s), count = 0;
	for (size_t i = 0; i < n;) {
		size_t j = i;
		while (j < n && s[j] != '\n')
			j++;
		size_t a = i, b = j;
		while (a < b && is_space(s[a]))
			a++;
		while (b > a && is_space(s[b - 1]))
			b--;
		if (b > a) {
			if (fn)
				fn(ctx, s + a, b - a);
			count++;
		}
		i = j + 1;
	}
	return count > 0;
}

struct list {
	int *rc;
	buf *out;
	enum esc mode;
	int n;         /* items written so far */
};

static void list_item(void *ctx, const char *s, size_t n)
{
	struct list *l = ctx;
	if (l->n++)
		buf_puts(l->rc, l->out, ", ");
	put_text(l->rc, l->out, s, n, l->mode);
}

/* "via a, b" */
static void put_via(int *rc, buf *out, const struct record *r,
                    enum esc mode)
{
	struct list l = {rc, out, mode, 0};
	buf_puts(rc, out, "via ");
	sources(r, list_item, &l);
}

/* Append SEP when OUT has grown past MARK. */
static void sep(int *rc, buf *out, size_t mark, const char *s)
{
	if (out->n > mark)
		buf_puts(rc, out, s);
}

/* ------------------------------------------------------- plain, markdown */

/* The part after the title: " — meta (via ...)". */
static void put_tail(int *rc, buf *out, size_t mark, const struct record *r,
                     enum esc mode)
{
	if (has_meta(r)) {
		sep(rc, out, mark, " — ");
		put_meta(rc, out, r, mode);
	}
	if (sources(r, NULL, NULL)) {
		sep(rc, out, mark, " ");
		buf_putc(rc, out, '(');
		put_via(rc, out, r, mode);
		buf_putc(rc, out, ')');
	}
}

static void cite_plain(int *rc, buf *out, const struct record *r)
{
	size_t mark = out->n;
	put_field(rc, out, r, REC_TITLE, ESC_PLAIN);
	put_tail(rc, out, mark, r, ESC_PLAIN);
	int where = has(r, REC_URL) ? REC_URL : REC_PATH;
	if (has(r, where)) {
		sep(rc, out, mark, " — ");
		put_field(rc, out, r, where, ESC_PLAIN);
	}
}

static void cite_markdown(int *rc, buf *out, const struct record *r)
{
	size_t mark = out->n;
	if (has(r, REC_URL) && has(r, REC_TITLE)) {
		buf_putc(rc, out, '[');
		put_field(rc, out, r, REC_TITLE, ESC_MD);
		buf_puts(rc, out, "](");
		put_field(rc, out, r, REC_URL, ESC_MDURL);
		buf_putc(rc, out, ')');
	} else if (has(r, REC_URL)) {
		buf_putc(rc, out, '<');
		put_field(rc, out, r, REC_URL, ESC_MDURL);
		buf_putc(rc, out, '>');
	} else {
		put_field(rc, out, r, REC_TITLE, ESC_MD);
	}
	put_tail(rc, out, mark, r, ESC_MD);
}

/* --------------------------------------------------------------- bibtex */

static int is_alnum(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9');
}

/* Append the first word of field F of R (a run of ASCII letters and
 * digits, lower-cased) that is not a stopword; returns 1 if there was one. */
static int put_keyword(int *rc, buf *out, const struct record *r, int f)
{
	const char *s;
	size_t n = field(r, f, &s);
	for (size_t i = 0; i < n;) {
		while (i < n && !is_alnum(s[i]))
			i++;
		char w[32];
		size_t k = 0;
		for (; i < n && is_alnum(s[i]); i++)
			if (k < sizeof w)
				w[k++] = (char)(s[i] >= 'A' && s[i] <= 'Z'
				                        ? s[i] + 32 : s[i]);
		if (k && !stopword_in(stopwords_for("english"), w, k)) {
			buf_append(rc, out, w, k < 16 ? k : 16);
			return 1;
		}
	}
	return 0;
}

static void put_key(int *rc, buf *out, const struct record *r)
{
	const char *d, *id;
	size_t dn = field(r, REC_DATE, &d);
	if (!put_keyword(rc, out, r, REC_OUTLET))
		buf_puts(rc, out, "anon");
	if (dn >= 4 && d[0] >= '0' && d[0] <= '9' && d[1] >= '0' &&
	    d[1] <= '9' && d[2] >= '0' && d[2] <= '9' && d[3] >= '0' &&
	    d[3] <= '9')
		buf_append(rc, out, d, 4);
	else
		buf_puts(rc, out, "nd");
	put_keyword(rc, out, r, REC_TITLE);
	size_t idn = field(r, REC_PASSAGE_ID, &id);
	buf_printf(rc, out, "_%06x",
	           (unsigned)(XXH3_64bits(id, idn) & 0xFFFFFF));
}

static void bib_field(int *rc, buf *out, const char *name,
                      const struct record *r, int f, enum esc mode)
{
	if (!has(r, f))
		return;
	buf_printf(rc, out, ",\n  %s = {", name);
	put_field(rc, out, r, f, mode);
	buf_putc(rc, out, '}');
}

/* note = {§ Section, ¶ 3; via a, b} */
static void bib_note(int *rc, buf *out, const struct record *r)
{
	int sec = has(r, REC_SECTION), par = has(r, REC_PARAGRAPH);
	int via = sources(r, NULL, NULL);
	if (!sec && !par && !via)
		return;
	buf_puts(rc, out, ",\n  note = {");
	if (sec) {
		buf_puts(rc, out, "§ ");
		put_field(rc, out, r, REC_SECTION, ESC_BIB);
	}
	if (par) {
		buf_puts(rc, out, sec ? ", ¶ " : "¶ ");
		put_field(rc, out, r, REC_PARAGRAPH, ESC_BIB);
	}
	if (via) {
		if (sec || par)
			buf_puts(rc, out, "; ");
		put_via(rc, out, r, ESC_BIB);
	}
	buf_putc(rc, out, '}');
}

static void cite_bibtex(int *rc, buf *out, const struct record *r)
{
	buf_puts(rc, out, "@online{");
	put_key(rc, out, r);
	bib_field(rc, out, "title", r, REC_TITLE, ESC_BIB);
	bib_field(rc, out, "author", r, REC_AUTHOR, ESC_BIB);
	bib_field(rc, out, "organization", r, REC_OUTLET, ESC_BIB);
	bib_field(rc, out, "date", r, REC_DATE, ESC_BIB);
	bib_field(rc, out, "url", r, REC_URL, ESC_BIBURL);
	bib_note(rc, out, r);
	buf_puts(rc, out, "\n}");
}

int cite_format(int *rc, buf *out, const struct record *r, int style)
{
	if (*rc)
		return *rc;
	switch (style) {
	case DOCKET_CITE_PLAIN:
		cite_plain(rc, out, r);
		break;
	case DOCKET_CITE_MARKDOWN:
		cite_markdown(rc, out, r);
		break;
	case DOCKET_CITE_BIBTEX:
		cite_bibtex(rc, out, r);
		break;
	default:
		*rc = DOCKET_BAD_ARGUMENT;
	}
	return *rc;
}
