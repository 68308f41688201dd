/* text.c — parse_text(): plain-text and Markdown articles (.txt, .md).
 *
 * Called by indexer/input.c with the whole file, already sanitised.  Emits
 * exactly one article.  Two shapes of file exist in the wild, and the first
 * job is to tell them apart (is_flattened):
 *
 *   STRUCTURED — the file has a metadata header ("key: value" lines up to a
 *   blank line, or "---" front matter) and no inline heading marker, or it
 *   is none of the below.  Parsed
 *   line by line as light Markdown: "#" headings, blank-line-separated
 *   paragraphs, "- "/"* "/"1. " bullets, "> " quotes.  A leading "# X" is the
 *   title when no header named one; without either, a short first line
 *   standing alone is the title.  Bullets before the first body paragraph
 *   (under no heading or a "Key points"-like one) are key points; later ones
 *   are paragraphs.
 *
 *   FLATTENED — some line carries a heading marker ("## " .. "###### ")
 *   in the middle of its text (header or not), or, without a header, the
 *   lines after the first are at most four, at least one is 600+ bytes long
 *   and none begins with "#" or ">".  This is web text that lost its line breaks: line 1 is
 *   the headline; following bullet lines hold key points run together
 *   ("- One. - Two. - Three."); each body line is split at its inline
 *   headings (heading_span recovers where each heading ends) and, within a
 *   section, after every credit that is followed by more text ("... said.
 *   (wired.com) Next ...").
 *
 * In both shapes Markdown inline markup is reduced to its text (md_inline),
 * and every block goes to article_add_block(), which strips the credits and
 * cuts passages.  A file with no title gets the first words of its text.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../common/chars.h"
#include "../docket.h"
#include "article.h"
#include "../common/buf.h"
#include "date.h"
#include "../common/utf8.h"

#define TITLE_MAX_BYTES 300  /* a longer first line is body, not headline */
#define FALLBACK_TITLE_WORDS 12
#define HEADING_MAX_WORDS 14 /* a "?"/"!"/":" further away ends no heading */
#define HEADING_RUN_WORDS 10 /* longest capitalised run taken as a heading */
#define FLAT_LONG_LINE 600   /* bytes: a line this long suggests flattening */
#define FLAT_MAX_LINES 4     /* body lines of a flattened file, at most */

#define KEYPOINTS_SECTION "Key points"

struct line {
	const char *s; /* start, not NUL-terminated */
	size_t n;      /* length without the LF */
};

struct lines {
	struct line *v;
	size_t n;
};

/* ------------------------------------------------------------ helpers */

static int is_upper(char c) { return c >= 'A' && c <= 'Z'; }
static int is_lower(char c) { return c >= 'a' && c <= 'z'; }
static int is_digit(char c) { return c >= '0' && c <= '9'; }
static int is_alnum(char c)
{
	return is_upper(c) || is_lower(c) || is_digit(c);
}

static void trim(const char **s, size_t *n)
{
	while (*n && is_text_space(**s))
		(*s)++, (*n)--;
	while (*n && is_text_space((*s)[*n - 1]))
		(*n)--;
}

static int blank(const struct line *l)
{
	const char *s = l->s;
	size_t n = l->n;
	trim(&s, &n);
	return n == 0;
}

static int starts(const char *s, size_t n, const char *prefix)
{
	size_t k = strlen(prefix);
	return n >= k && !memcmp(s, prefix, k);
}

static void warn(const struct parse_ctx *p, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
static void warn(const struct parse_ctx *p, const char *fmt, ...)
{
	char msg[256];
	va_list ap;
	if (!p->warn)
		return;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	p->warn(p->ctx, msg);
}

static int split_lines(int *rc, const char *data, size_t len, struct lines *L)
{
	size_t count = 1;
	for (size_t i = 0; i < len; i++)
		count += data[i] == '\n';
	L->v = calloc(count, sizeof *L->v);
	if (!L->v) {
		*rc = DOCKET_NO_MEMORY;
		return -1;
	}
	size_t start = 0;
	L->n = 0;
	for (size_t i = 0; i <= len; i++) {
		if (i < len && data[i] != '\n')
			continue;
		L->v[L->n].s = data + start;
		L->v[L->n++].n = i - start;
		start = i + 1;
	}
	return 0;
}

/* ------------------------------------------------------ inline Markdown */

static int is_punct(char c)
{
	return c > ' ' && c < 0x7F && !is_alnum(c);
}

/* Offset of the first C in S[from..n) or n. */
static size_t find(const char *s, size_t n, size_t from, char c)
{
	const char *q = from < n ? memchr(s + from, c, n - from) : NULL;
	return q ? (size_t)(q - s) : n;
}

/* At S[I] == '[': if it opens "[text](url)" or "[text][ref]", return the
 * offset just past it and set *TEXT_END to the ']'; else return 0. */
static size_t link_end(const char *s, size_t n, size_t i, size_t *text_end)
{
	size_t close = find(s, n, i + 1, ']');
	if (close + 1 >= n)
		return 0;
	char kind = s[close + 1];
	if (kind != '(' && kind != '[')
		return 0;
	size_t end = find(s, n, close + 2, kind == '(' ? ')' : ']');
	if (end == n)
		return 0;
	*text_end = close;
	return end + 1;
}

/* Is the run of '*' or '_' at S[I..J) emphasis to drop? */
static int emphasis(const char *s, size_t n, size_t i, size_t j)
{
	char before = i ? s[i - 1] : ' ', after = j < n ? s[j] : ' ';
	int sb = is_text_space(before), sa = is_text_space(after);
	if (sb && sa)
		return 0; /* "a * b" */
	if (s[i] == '_' && is_alnum(before) && is_alnum(after))
		return 0; /* snake_case */
	return 1;
}

/* Append S[0..N) with Markdown inline markup reduced to its text:
 * emphasis marks dropped, code spans kept verbatim, links and images
 * reduced to their text, autolinks to their address, backslash escapes
 * resolved. */
static void md_inline(int *rc, buf *out, const char *s, size_t n)
{
	size_t i = 0;
	while (i < n && !*rc) {
		char c = s[i];
		size_t j = i + 1, text_end, link;
		if (c == '\\' && j < n && is_punct(s[j])) {
			buf_putc(rc, out, s[j]);
			i = j + 1;
		} else if (c == '`') {
			while (j < n && s[j] == '`')
				j++;
			size_t ticks = j - i, k = j;
			while (k < n && !(s[k] == '`' && k + ticks <= n &&
			                  !memcmp(s + k, s + i, ticks)))
				k++;
			if (k >= n) {
				buf_append(rc, out, s + i, ticks);
				i = j;
			} else {
				buf_append(rc, out, s + j, k - j);
				i = k + ticks;
			}
		} else if ((c == '[' || (c == '!' && j < n && s[j] == '[')) &&
		           (link = link_end(s, n, c == '[' ? i : i + 1, &text_end))) {
			size_t from = c == '[' ? i + 1 : i + 2;
			md_inline(rc, out, s + from, text_end - from);
			i = link;
		} else if (c == '<' && (starts(s + j, n - j, "http://") ||
		                        starts(s + j, n - j, "https://"))) {
			size_t k = find(s, n, j, '>');
			if (k < n && !memchr(s + j, ' ', k - j)) {
				buf_append(rc, out, s + j, k - j);
				i = k + 1;
			} else {
				buf_putc(rc, out, c);
				i = j;
			}
		} else if (c == '*' || c == '_') {
			while (j < n && s[j] == c)
				j++;
			if (!emphasis(s, n, i, j))
				buf_append(rc, out, s + i, j - i);
			i = j;
		} else {
			buf_putc(rc, out, c);
			i = j;
		}
	}
	buf_append(rc, out, "", 0);
}

/* Add S[0..N), inline markup reduced, as one block. */
static void add_md_block(int *rc, struct article *a, const char *section,
                         const char *s, size_t n, enum block_kind kind)
{
	buf b = BUF_INIT;
	md_inline(rc, &b, s, n);
	if (!*rc)
		article_add_block(rc, a, section, b.p, b.n, kind);
	buf_free(&b);
}

/* Set FIELD to S[0..N) with inline markup reduced and any surrounding
 * quotes and heading marks removed. */
static void set_md_field(int *rc, char **field, const char *s, size_t n)
{
	buf b = BUF_INIT;
	trim(&s, &n);
	while (n && *s == '#')
		s++, n--;
	while (n && (s[n - 1] == '#' || is_text_space(s[n - 1])))
		n--;
	trim(&s, &n);
	if (n >= 2 && (*s == '"' || *s == '\'') && s[n - 1] == *s)
		s++, n -= 2;
	md_inline(rc, &b, s, n);
	if (!*rc)
		article_set(rc, field, b.p, b.n);
	buf_free(&b);
}

/* ------------------------------------------------------------ header */

enum meta { META_NONE, META_TITLE, META_OUTLET, META_AUTHOR, META_DATE,
            META_URL, META_OTHER };

static enum meta meta_key(const char *k, size_t n)
{
	static const struct { const char *name; enum meta m; } keys[] = {
		{"title", META_TITLE},         {"headline", META_TITLE},
		{"outlet", META_OUTLET},       {"publication", META_OUTLET},
		{"publisher", META_OUTLET},    {"source", META_OUTLET},
		{"site", META_OUTLET},         {"author", META_AUTHOR},
		{"authors", META_AUTHOR},      {"byline", META_AUTHOR},
		{"by", META_AUTHOR},           {"date", META_DATE},
		{"published", META_DATE},      {"published_at", META_DATE},
		{"pubdate", META_DATE},        {"url", META_URL},
		{"link", META_URL},            {"canonical", META_URL}};
	for (size_t i = 0; i < sizeof keys / sizeof *keys; i++)
		if (strlen(keys[i].name) == n && !strncasecmp(k, keys[i].name, n))
			return keys[i].m;
	return META_OTHER;
}

/* Is L a "key: value" line?  Sets the key and value ranges. */
static int key_value(const struct line *l, size_t *klen, const char **v,
                     size_t *vn)
{
	size_t i = 0;
	if (!l->n || !(is_upper(l->s[0]) || is_lower(l->s[0])))
		return 0;
	while (i < l->n && i <= 24 &&
	       (is_alnum(l->s[i]) || l->s[i] == '_' || l->s[i] == '-' ||
	        l->s[i] == ' '))
		i++;
	if (i >= l->n || l->s[i] != ':' || (i + 1 < l->n && l->s[i + 1] != ' '))
		return 0;
	*klen = i;
	while (*klen && l->s[*klen - 1] == ' ')
		(*klen)--;
	*v = l->s + i + 1;
	*vn = l->n - i - 1;
	trim(v, vn);
	return 1;
}

static void set_meta(int *rc, struct article *a, const struct parse_ctx *p,
                     const struct line *l)
{
	size_t klen, vn;
	const char *v;
	char date[11];
	if (!key_value(l, &klen, &v, &vn))
		return;
	switch (meta_key(l->s, klen)) {
	case META_TITLE: set_md_field(rc, &a->title, v, vn); break;
	case META_OUTLET: set_md_field(rc, &a->outlet, v, vn); break;
	case META_AUTHOR: set_md_field(rc, &a->author, v, vn); break;
	case META_URL: set_md_field(rc, &a->url, v, vn); break;
	case META_DATE:
		if (vn >= 2 && (*v == '"' || *v == '\'') && v[vn - 1] == *v)
			v++, vn -= 2;
		if (date_parse(v, vn, date) == 0)
			article_set(rc, &a->date, date, 10);
		else
			warn(p, "bad date '%.*s'", (int)utf8_floor(v, vn, 80), v);
		break;
	default: break;
	}
}

/* Read a metadata header starting at line *AT, if there is one; moves *AT
 * past it and returns 1, or returns 0 and leaves *AT alone. */
static int read_header(int *rc, struct article *a, const struct parse_ctx *p,
                       const struct lines *L, size_t *at)
{
	size_t i = *at, klen, vn;
	const char *v;
	if (i < L->n && L->v[i].n >= 3 && starts(L->v[i].s, L->v[i].n, "---") &&
	    blank(&(struct line){L->v[i].s + 3, L->v[i].n - 3})) {
		size_t end = i + 1;
		while (end < L->n && end < i + 100 &&
		       !(starts(L->v[end].s, L->v[end].n, "---") ||
		         starts(L->v[end].s, L->v[end].n, "...")))
			end++;
		if (end >= L->n || end >= i + 100)
			return 0;
		for (size_t k = i + 1; k < end; k++)
			set_meta(rc, a, p, &L->v[k]);
		*at = end + 1;
		return 1;
	}
	if (i >= L->n || !key_value(&L->v[i], &klen, &v, &vn) ||
	    meta_key(L->v[i].s, klen) == META_OTHER)
		return 0;
	for (; i < L->n && key_value(&L->v[i], &klen, &v, &vn); i++)
		set_meta(rc, a, p, &L->v[i]);
	*at = i;
	return 1;
}

/* ------------------------------------------------------------ headings */

/* The length of a heading marker ("#".."######" then a space or the end)
 * at S[I], or 0. */
static size_t heading_marker(const char *s, size_t n, size_t i)
{
	size_t j = i;
	while (j < n && s[j] == '#' && j - i < 7)
		j++;
	if (j == i || j - i > 6 || (j < n && s[j] != ' ' && s[j] != '\t'))
		return 0;
	return j - i;
}

/* Small words a title-case heading leaves in lower case. */
static int connector(const char *w, size_t n)
{
	static const char *const list[] = {
		"a", "an", "and", "as", "at", "but", "by", "for", "from", "in",
		"into", "nor", "of", "on", "or", "over", "per", "the", "to", "v.",
		"via", "vs", "vs.", "with", "versus", "against"};
	for (size_t i = 0; i < sizeof list / sizeof *list; i++)
		if (strlen(list[i]) == n && !memcmp(list[i], w, n))
			return 1;
	return 0;
}

/* Does the word W[0..N) start with a capital (ASCII, or any non-ASCII
 * letter other than punctuation from the U+2000 block)? */
static int capitalised(const char *w, size_t n)
{
	unsigned char c = (unsigned char)w[0];
	if (c == '"' || c == '\'')
		return n > 1 && capitalised(w + 1, n - 1);
	return is_upper((char)c) || (c >= 0xC3 && c != 0xE2);
}

struct word {
	size_t start, end; /* byte range within the span */
};

/* Up to MAX words of S[0..N) into W; returns how many. */
static size_t words_of(const char *s, size_t n, struct word *w, size_t max)
{
	size_t k = 0, i = 0;
	while (k < max) {
		while (i < n && is_text_space(s[i]))
			i++;
		if (i >= n)
			break;
		w[k].start = i;
		while (i < n && !is_text_space(s[i]))
			i++;
		w[k++].end = i;
	}
	return k;
}

/* Where does the heading that starts S[0..N) end?  Returns the heading's
 * length (0: no heading recovered) and sets *BODY to where the text under
 * it begins.  In order: a word ending in "?", "!" or ":" within the first
 * HEADING_MAX_WORDS words (before any full stop) ends it; a short span
 * without a full stop is all heading; otherwise the heading is the run of
 * capitalised words (and connectors) before the sentence that follows. */
static size_t heading_span(const char *s, size_t n, size_t *body)
{
	struct word w[HEADING_MAX_WORDS + 1];
	size_t k = words_of(s, n, w, HEADING_MAX_WORDS + 1);
	for (size_t i = 0; i < k && i < HEADING_MAX_WORDS; i++) {
		char last = s[w[i].end - 1];
		if (last == '?' || last == '!' || last == ':') {
			*body = w[i].end;
			return w[i].end - (last == ':');
		}
		if (last == '.')
			break;
	}
	*body = n;
	if (k <= 12 && n && s[n - 1] != '.')
		return n; /* "### Key Facts" on its own */
	size_t run = 0;
	while (run < k && run < HEADING_RUN_WORDS) {
		const char *x = s + w[run].start;
		size_t len = w[run].end - w[run].start;
		char last = x[len - 1];
		if (!capitalised(x, len) && !connector(x, len))
			break;
		if (last == ',' || (last == '.' && !connector(x, len)))
			break;
		run++;
	}
	size_t end_words = run; /* words that belong to the heading */
	if (run < k && run < HEADING_RUN_WORDS) {
		const char *x = s + w[run].start;
		size_t len = w[run].end - w[run].start;
		char last = x[len - 1];
		if (capitalised(x, len) && last == '.') {
			*body = w[run].end; /* "### What Happened Next. The ..." */
			return w[run].end - 1;
		}
		if (!(capitalised(x, len) && last == ','))
			end_words = run ? run - 1 : 0; /* the sentence's first word */
	} else if (run == HEADING_RUN_WORDS) {
		end_words = run - 1;
	}
	while (end_words && connector(s + w[end_words - 1].start,
	                              w[end_words - 1].end - w[end_words - 1].start))
		end_words--;
	if (!end_words) {
		*body = 0;
		return 0;
	}
	*body = w[end_words].start;
	return w[end_words - 1].end;
}

/* ------------------------------------------------------------ flattened */

struct flat {
	int *rc;
	struct article *a;
	buf section; /* the current heading */
};

/* Is the space run before S[I] preceded by the end of a sentence (or of a
 * credit)? */
static int after_sentence(const char *s, size_t i)
{
	while (i && s[i - 1] == ' ')
		i--;
	if (!i)
		return 0;
	unsigned char c = (unsigned char)s[i - 1];
	if (c == '.' || c == '?' || c == '!' || c == '"' || c == '\'' || c == ')')
		return 1;
	/* ” and ’ end in 0x9D / 0x99 after E2 80 */
	return i >= 3 && (c == 0x9D || c == 0x99) &&
	       (unsigned char)s[i - 2] == 0x80 && (unsigned char)s[i - 3] == 0xE2;
}

/* Add the text of one section S[0..N), split after every credit that is
 * followed by more text. */
static void flat_section_text(struct flat *f, const char *s, size_t n)
{
	size_t start = 0;
	for (size_t j = 0; j < n && !*f->rc; j++) {
		if (s[j] != ')')
			continue;
		size_t next = j + 1;
		while (next < n && s[next] == ' ')
			next++;
		if (next >= n || s[next] == '(')
			continue;
		size_t credit = article_credit_start(s + start, j + 1 - start);
		if (credit == j + 1 - start || !after_sentence(s + start, credit))
			continue;
		add_md_block(f->rc, f->a, f->section.p, s + start, j + 1 - start,
		             BLOCK_PARAGRAPH);
		start = next;
	}
	if (start < n)
		add_md_block(f->rc, f->a, f->section.p, s + start, n - start,
		             BLOCK_PARAGRAPH);
}

/* One body line: text under the current section, then each inline
 * heading and the text under it. */
static void flat_body(struct flat *f, const char *s, size_t n)
{
	size_t i = 0, text = 0;
	while (i <= n && !*f->rc) {
		size_t m = i < n && (i == 0 || s[i - 1] == ' ' || s[i - 1] == '\t')
		                   ? heading_marker(s, n, i)
		                   : 0;
		if (i < n && !m) {
			i++;
			continue;
		}
		flat_section_text(f, s + text, i - text);
		if (i >= n)
			break;
		size_t from = i + m, end = from, body;
		while (end < n && !(heading_marker(s, n, end) &&
		                    (s[end - 1] == ' ' || s[end - 1] == '\t')))
			end++;
		while (from < end && s[from] == ' ')
			from++;
		size_t h = heading_span(s + from, end - from, &body);
		buf_reset(&f->section);
		if (h)
			md_inline(f->rc, &f->section, s + from, h);
		text = from + body;
		i = end;
	}
}

/* Is S[0..N) a key-point line ("- One. - Two.", "• One", "Key points: ...")?
 * Sets *REST past the first marker. */
static int keypoint_line(const char *s, size_t n, size_t *rest)
{
	static const char *const marks[] = {"- ", "* ", "\xE2\x80\xA2 ",
	                                    "Key points:", "Key takeaways:"};
	trim(&s, &n);
	for (size_t i = 0; i < sizeof marks / sizeof *marks; i++)
		if (starts(s, n, marks[i])) {
			*rest = strlen(marks[i]);
			return 1;
		}
	return 0;
}

/* Split a run-together key-point line S[0..N) into bullets: at " - " or
 * " * " after a sentence end, and at every " • "; if that finds nothing
 * but the line holds two or more " - ", at every " - ". */
static void flat_keypoints(struct flat *f, const char *s, size_t n)
{
	for (int loose = 0; loose < 2; loose++) {
		size_t start = 0, cuts = 0, dashes = 0;
		for (size_t i = 0; i + 2 <= n; i++) {
			size_t mark = 0;
			if (i < start)
				continue; /* inside the previous marker */
			if (s[i] == ' ' && i + 2 < n && (s[i + 1] == '-' || s[i + 1] == '*') &&
			    s[i + 2] == ' ')
				mark = 3, dashes += s[i + 1] == '-';
			else if (s[i] == ' ' && starts(s + i + 1, n - i - 1, "\xE2\x80\xA2 "))
				mark = 5;
			if (!mark || (mark == 3 && !loose && !after_sentence(s, i + 1)))
				continue;
			add_md_block(f->rc, f->a, KEYPOINTS_SECTION, s + start, i - start,
			             BLOCK_KEYPOINT);
			start = i + mark;
			cuts++;
		}
		if (cuts || loose || dashes < 2) {
			add_md_block(f->rc, f->a, KEYPOINTS_SECTION, s + start, n - start,
			             BLOCK_KEYPOINT);
			return;
		}
	}
}

/* Lines AT.. of a flattened file: optional headline, key-point lines,
 * then body lines. */
static void parse_flat(int *rc, struct article *a, const struct lines *L,
                       size_t at)
{
	struct flat f = {rc, a, BUF_INIT};
	size_t rest;
	buf_append(rc, &f.section, "", 0);
	while (at < L->n && blank(&L->v[at]))
		at++;
	if (at < L->n && L->v[at].n <= TITLE_MAX_BYTES && !*a->title) {
		set_md_field(rc, &a->title, L->v[at].s, L->v[at].n);
		at++;
	}
	for (; at < L->n && !*rc; at++) {
		const char *s = L->v[at].s;
		size_t n = L->v[at].n;
		trim(&s, &n);
		if (!n)
			continue;
		if (!a->nblocks || a->passages[a->npassages - 1].kind == BLOCK_KEYPOINT) {
			if (keypoint_line(s, n, &rest)) {
				flat_keypoints(&f, s + rest, n - rest);
				continue;
			}
		} else if (starts(s, n, "- ") || starts(s, n, "* ")) {
			s += 2, n -= 2;
		}
		flat_body(&f, s, n);
	}
	buf_free(&f.section);
}

/* ------------------------------------------------------------ structured */

enum open_block { OPEN_NONE, OPEN_PARA, OPEN_BULLET, OPEN_QUOTE };

struct md {
	int *rc;
	struct article *a;
	buf section;       /* the current heading */
	int keylist;       /* the current heading names a key-point list */
	int body_seen;     /* a body paragraph or quote has been added */
	enum open_block open;
	buf text;          /* the block being gathered */
};

static int keypoints_heading(const char *s, size_t n)
{
	static const char *const names[] = {"key points", "key takeaways",
	                                    "takeaways", "highlights",
	                                    "at a glance", "what to know",
	                                    "tl;dr", "summary", "key facts"};
	while (n && (s[n - 1] == ':' || s[n - 1] == ' '))
		n--;
	for (size_t i = 0; i < sizeof names / sizeof *names; i++)
		if (strlen(names[i]) == n && !strncasecmp(s, names[i], n))
			return 1;
	return 0;
}

static void md_flush(struct md *m)
{
	const char *section = m->section.p;
	enum block_kind kind = BLOCK_PARAGRAPH;
	if (m->open == OPEN_NONE || *m->rc) {
		m->open = OPEN_NONE;
		return;
	}
	if (m->open == OPEN_QUOTE)
		kind = BLOCK_QUOTE;
	if (m->open == OPEN_BULLET && !m->body_seen &&
	    (m->keylist || !*m->section.p)) {
		kind = BLOCK_KEYPOINT;
		if (!*section)
			section = KEYPOINTS_SECTION;
	}
	size_t before = m->a->npassages;
	add_md_block(m->rc, m->a, section, m->text.p, m->text.n, kind);
	if (m->open != OPEN_BULLET && m->a->npassages > before)
		m->body_seen = 1;
	buf_reset(&m->text);
	m->open = OPEN_NONE;
}

/* The length of a list marker ("- ", "* ", "+ ", "• ", "12. ", "3) ") at
 * the start of S[0..N), or 0. */
static size_t bullet_marker(const char *s, size_t n)
{
	size_t i = 0;
	if (n >= 2 && (s[0] == '-' || s[0] == '*' || s[0] == '+') &&
	    (s[1] == ' ' || s[1] == '\t'))
		return 2;
	if (starts(s, n, "\xE2\x80\xA2 "))
		return 4;
	while (i < n && i < 3 && is_digit(s[i]))
		i++;
	if (i && i + 1 < n && (s[i] == '.' || s[i] == ')') && s[i + 1] == ' ')
		return i + 2;
	return 0;
}

static void md_start(struct md *m, enum open_block kind, const char *s,
                     size_t n)
{
	md_flush(m);
	m->open = kind;
	buf_append(m->rc, &m->text, s, n);
}

static void md_more(struct md *m, const char *s, size_t n)
{
	buf_putc(m->rc, &m->text, ' ');
	buf_append(m->rc, &m->text, s, n);
}

static int rule_line(const char *s, size_t n)
{
	if (n < 3 || (s[0] != '-' && s[0] != '*' && s[0] != '_'))
		return 0;
	for (size_t i = 0; i < n; i++)
		if (s[i] != s[0] && s[i] != ' ')
			return 0;
	return 1;
}

static void md_line(struct md *m, const char *s, size_t n)
{
	size_t k;
	trim(&s, &n);
	if (!n) {
		md_flush(m);
	} else if ((k = heading_marker(s, n, 0))) {
		md_flush(m);
		buf_reset(&m->section);
		const char *h = s + k;
		size_t hn = n - k;
		trim(&h, &hn);
		while (hn && (h[hn - 1] == '#' || h[hn - 1] == ' '))
			hn--;
		md_inline(m->rc, &m->section, h, hn);
		m->keylist = keypoints_heading(m->section.p, m->section.n);
	} else if (rule_line(s, n) || starts(s, n, "```") || starts(s, n, "~~~")) {
		md_flush(m);
	} else if ((k = bullet_marker(s, n))) {
		md_start(m, OPEN_BULLET, s + k, n - k);
	} else if (*s == '>') {
		s++, n--;
		trim(&s, &n);
		if (m->open == OPEN_QUOTE && n)
			md_more(m, s, n);
		else if (n)
			md_start(m, OPEN_QUOTE, s, n);
		else
			md_flush(m);
	} else if (m->open != OPEN_NONE) {
		md_more(m, s, n);
	} else {
		md_start(m, OPEN_PARA, s, n);
	}
}

/* Is the first line a headline?  It must be short, not end like a
 * sentence or a wrapped line, and stand alone: the next line is blank, or
 * begins something new (a capital, a quote, a heading, a list). */
static int title_line(const struct lines *L, size_t at)
{
	const struct line *l = &L->v[at];
	const char *s = l->s;
	size_t n = l->n;
	trim(&s, &n);
	if (!n || n > TITLE_MAX_BYTES / 2 || bullet_marker(s, n) || *s == '>' ||
	    strchr(".,;", s[n - 1]))
		return 0;
	if (at + 1 >= L->n || blank(&L->v[at + 1]))
		return 1;
	size_t w = n;
	while (w && s[w - 1] != ' ')
		w--;
	const char *next = L->v[at + 1].s;
	size_t nn = L->v[at + 1].n;
	trim(&next, &nn);
	return n <= 100 && !connector(s + w, n - w) &&
	       (is_upper(*next) || *next == '"' || *next == '#' ||
	        *next == '>' || bullet_marker(next, nn) ||
	        (unsigned char)*next >= 0xC3);
}

static void parse_structured(int *rc, struct article *a,
                             const struct lines *L, size_t at)
{
	struct md m = {rc, a, BUF_INIT, 0, 0, OPEN_NONE, BUF_INIT};
	buf_append(rc, &m.section, "", 0);
	while (at < L->n && blank(&L->v[at]))
		at++;
	if (at < L->n && heading_marker(L->v[at].s, L->v[at].n, 0) == 1) {
		buf t = BUF_INIT;
		md_inline(rc, &t, L->v[at].s + 1, L->v[at].n - 1);
		char *folded = str_dup(rc, "");
		article_set(rc, &folded, t.p ? t.p : "", t.n);
		if (!*rc && (!*a->title || !strcmp(folded, a->title))) {
			set_md_field(rc, &a->title, L->v[at].s, L->v[at].n);
			at++;
		}
		free(folded);
		buf_free(&t);
	} else if (at < L->n && !*a->title && title_line(L, at)) {
		set_md_field(rc, &a->title, L->v[at].s, L->v[at].n);
		at++;
	}
	for (; at < L->n && !*rc; at++)
		md_line(&m, L->v[at].s, L->v[at].n);
	md_flush(&m);
	buf_free(&m.section);
	buf_free(&m.text);
}

/* ------------------------------------------------------------ the shape */

/* Does some line carry a "##".."######" heading marker after other text? */
static int inline_heading(const struct line *l)
{
	for (size_t i = 1; i + 2 < l->n; i++) {
		size_t m;
		if (l->s[i] != '#' || l->s[i - 1] != ' ' || l->s[i + 1] != '#' ||
		    !(m = heading_marker(l->s, l->n, i)))
			continue;
		for (size_t j = i + m; j < l->n; j++)
			if (!is_text_space(l->s[j]) && l->s[j] != '#')
				return 1; /* text follows: not a closing "###" */
	}
	return 0;
}

/* The decision described at the top of this file, for the lines from AT
 * (after the header, if HEADER says there was one). */
static int is_flattened(const struct lines *L, size_t at, int header)
{
	size_t body = 0, longest = 0, first = 1;
	for (size_t i = at; i < L->n; i++) {
		const struct line *l = &L->v[i];
		if (blank(l))
			continue;
		if (inline_heading(l))
			return 1;
		if (first || header) {
			first = 0;
			continue;
		}
		if (l->s[0] == '#' || l->s[0] == '>')
			return 0;
		body++;
		if (l->n > longest)
			longest = l->n;
	}
	return !header && body && body <= FLAT_MAX_LINES && longest >= FLAT_LONG_LINE;
}

/* The first words of the first passage, as a title of last resort. */
static void fallback_title(int *rc, struct article *a)
{
	const char *s = a->passages[0].text;
	size_t i = 0, words = 0;
	while (s[i] && words < FALLBACK_TITLE_WORDS) {
		while (s[i] == ' ')
			i++;
		while (s[i] && s[i] != ' ')
			i++;
		words++;
	}
	article_set(rc, &a->title, s, i);
}

static int only_whitespace(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!is_text_space(s[i]) && s[i] != '\r' && s[i] != '\f' && s[i] != '\v')
			return 0;
	return 1;
}

/* Set *FIELD to a verbatim copy of S (ids and paths are not folded). */
static void replace(int *rc, char **field, const char *s)
{
	char *v = str_dup(rc, s);
	if (*rc)
		return;
	free(*field);
	*field = v;
}

int parse_text(const char *data, size_t len, const struct parse_ctx *p)
{
	struct article a;
	struct lines L = {NULL, 0};
	size_t at = 0;
	int rc = article_init(&a);
	if (!rc && only_whitespace(data, len)) {
		warn(p, "empty file");
		article_clear(&a);
		return DOCKET_BAD_INPUT;
	}
	if (!rc)
		split_lines(&rc, data, len, &L);
	while (!rc && at < L.n && blank(&L.v[at]))
		at++;
	int header = !rc && read_header(&rc, &a, p, &L, &at);
	if (!rc && is_flattened(&L, at, header))
		parse_flat(&rc, &a, &L, at);
	else if (!rc)
		parse_structured(&rc, &a, &L, at);
	if (!rc && !*a.title && a.npassages)
		fallback_title(&rc, &a);
	replace(&rc, &a.id, p->id);
	replace(&rc, &a.path, p->path);
	if (!rc && !*a.title && !a.npassages) {
		warn(p, "no text");
		rc = DOCKET_BAD_INPUT;
	}
	if (!rc && p->sink)
		rc = p->sink(p->ctx, &a);
	free(L.v);
	article_clear(&a);
	return rc;
}
