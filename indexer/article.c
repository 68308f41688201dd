/* article.c — the article model and the rules shared by every input format
 * (see article.h).
 *
 * The parsers (text.c, html.c, json.c) set an article's metadata with
 * article_set() and hand its body over block by block with
 * article_add_block(), which owns what all formats have in common:
 *
 *   1. whitespace is folded and trimmed;
 *   2. trailing credits — "(wired.com)", "(a.com) (b.com)", "(a.com, b.com)"
 *      — are stripped and kept, lower-case and deduplicated, as the block's
 *      sources.  A parenthesis counts as a credit only when every item in it
 *      looks like a domain name (see looks_like_domain), so "(2023)" or
 *      "(the company)" stay in the text;
 *   3. the block gets the next paragraph number;
 *   4. a block longer than PASSAGE_MAX_WORDS words is cut into passages of
 *      roughly equal size at sentence ends (cut_points), never after a
 *      common abbreviation ("Mr.", "U.S.") or an initial.  Only a sentence
 *      that is itself too long is cut between words.
 */
#include "article.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xxhash.h>

#include "../common/chars.h"
#include "../docket.h"
#include "../common/buf.h"
#include "../common/utf8.h"

static int is_upper(char c) { return c >= 'A' && c <= 'Z'; }
static int is_lower(char c) { return c >= 'a' && c <= 'z'; }
static int is_digit(char c) { return c >= '0' && c <= '9'; }
static int is_alnum(char c)
{
	return is_upper(c) || is_lower(c) || is_digit(c);
}

int article_init(struct article *a)
{
	int rc = 0;
	memset(a, 0, sizeof *a);
	char **fields[] = {&a->id,     &a->path, &a->title, &a->outlet,
	                   &a->author, &a->date, &a->url};
	for (size_t i = 0; i < sizeof fields / sizeof *fields; i++)
		*fields[i] = str_dup(&rc, "");
	if (rc)
		article_clear(a);
	return rc;
}

static void passage_free(struct passage *p)
{
	free(p->text);
	free(p->section);
	for (size_t i = 0; i < p->nsources; i++)
		free(p->sources[i]);
	free(p->sources);
}

void article_clear(struct article *a)
{
	free(a->id);
	free(a->path);
	free(a->title);
	free(a->outlet);
	free(a->author);
	free(a->date);
	free(a->url);
	for (size_t i = 0; i < a->npassages; i++)
		passage_free(&a->passages[i]);
	free(a->passages);
	memset(a, 0, sizeof *a);
}

/* Append S[0..N) to OUT with whitespace runs folded to one space and the
 * ends trimmed. */
static void fold(int *rc, buf *out, const char *s, size_t n)
{
	int pending = 0;
	for (size_t i = 0; i < n && !*rc; i++) {
		if (is_space(s[i])) {
			pending = out->n > 0;
			continue;
		}
		if (pending)
			buf_putc(rc, out, ' ');
		pending = 0;
		buf_putc(rc, out, s[i]);
	}
	buf_append(rc, out, "", 0);
}

void article_set(int *rc, char **field, const char *s, size_t n)
{
	buf b = BUF_INIT;
	fold(rc, &b, s, n);
	char *v = buf_steal(rc, &b);
	buf_free(&b);
	if (*rc)
		return;
	free(*field);
	*field = v;
}

void article_warn(const struct parse_ctx *p, const char *msg)
{
	int rc = 0;
	buf line = BUF_INIT;
	if (!p->warn)
		return;
	utf8_sanitize(&rc, &line, msg, strlen(msg));
	for (size_t i = 0; i < line.n; i++)
		if (line.p[i] == '\n' || line.p[i] == '\t')
			line.p[i] = ' ';
	p->warn(p->ctx, rc || !line.p ? "unreadable warning" : line.p);
	buf_free(&line);
}

/* ------------------------------------------------------------ sources */

/* A domain-like token: labels of letters, digits and hyphens separated by
 * single dots, at least two labels, the last one 2+ letters.  An optional
 * path after a '/' is allowed ("nytimes.com/live"). */
static int looks_like_domain(const char *s, size_t n)
{
	size_t end = 0, label = 0, dots = 0, last_alpha = 1;
	while (end < n && s[end] != '/')
		end++;
	if (end == 0 || s[0] == '.' || s[end - 1] == '.')
		return 0;
	for (size_t i = 0; i < end; i++) {
		char c = s[i];
		if (c == '.') {
			if (label == 0)
				return 0;
			dots++;
			label = 0;
			last_alpha = 1;
		} else if (is_alnum(c) || c == '-') {
			label++;
			if (!is_upper(c) && !is_lower(c))
				last_alpha = 0;
		} else {
			return 0;
		}
	}
	return dots > 0 && label >= 2 && last_alpha;
}

/* If S[OPEN..CLOSE] is "( item, item )" with every item domain-like,
 * return the number of items, else 0. */
static size_t credit_items(const char *s, size_t open, size_t close)
{
	size_t count = 0, i = open + 1;
	while (i < close) {
		while (i < close && (s[i] == ' ' || s[i] == ','))
			i++;
		size_t start = i;
		while (i < close && s[i] != ',' && s[i] != ';' && s[i] != ' ')
			i++;
		if (i == start)
			break;
		if (!looks_like_domain(s + start, i - start))
			return 0;
		count++;
		while (i < close && (s[i] == ' ' || s[i] == ';'))
			i++;
	}
	return count;
}

/* Find a credit group ending at S[N-1] (after trailing spaces): returns the
 * offset of its '(', or (size_t)-1 when there is none. */
static size_t credit_before(const char *s, size_t n)
{
	while (n && s[n - 1] == ' ')
		n--;
	if (!n || s[n - 1] != ')')
		return (size_t)-1;
	size_t open = n - 1;
	while (open > 0 && s[open - 1] != '(' && s[open - 1] != ')' &&
	       n - open < 512)
		open--;
	if (open == 0 || s[open - 1] != '(')
		return (size_t)-1;
	open--;
	return credit_items(s, open, n - 1) ? open : (size_t)-1;
}

/* See article.h. */
size_t article_credit_start(const char *s, size_t n)
{
	size_t start = n, at;
	while ((at = credit_before(s, start)) != (size_t)-1)
		start = at;
	return start;
}

static int has_source(char **list, size_t n, const char *s, size_t len)
{
	for (size_t i = 0; i < n; i++)
		if (strlen(list[i]) == len && !memcmp(list[i], s, len))
			return 1;
	return 0;
}

/* Collect the lower-cased items of the credits in S[FROM..N) into the
 * array *LIST of *COUNT strings (deduplicated, in order). */
static void collect_sources(int *rc, const char *s, size_t from, size_t n,
                            char ***list, size_t *count)
{
	size_t i = from;
	while (i < n && !*rc) {
		while (i < n && (s[i] == ' ' || s[i] == ',' || s[i] == ';' ||
		                 s[i] == '(' || s[i] == ')'))
			i++;
		size_t start = i;
		while (i < n && s[i] != ' ' && s[i] != ',' && s[i] != ';' &&
		       s[i] != ')')
			i++;
		if (i == start)
			continue;
		char *src = str_ndup(rc, s + start, i - start);
		if (*rc)
			return;
		for (char *q = src; *q; q++)
			if (is_upper(*q))
				*q = (char)(*q - 'A' + 'a');
		if (has_source(*list, *count, src, i - start)) {
			free(src);
			continue;
		}
		char **grown = realloc(*list, (*count + 1) * sizeof *grown);
		if (!grown) {
			free(src);
			*rc = DOCKET_NO_MEMORY;
			return;
		}
		*list = grown;
		(*list)[(*count)++] = src;
	}
}

/* ------------------------------------------------------------ sentences */

/* Abbreviations after which a full stop does not end a sentence. */
static int is_abbreviation(const char *w, size_t n)
{
	static const char *const list[] = {
		"mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "inc", "corp",
		"co", "ltd", "llc", "no", "nos", "v", "vs", "gen", "sen", "rep",
		"gov", "lt", "col", "sgt", "capt", "hon", "rev", "jan", "feb",
		"mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
		"dec", "mt", "ave", "dept", "est", "fig", "approx", "e.g", "i.e",
		"cf", "al", "op", "pp", "atty", "supt", "univ"};
	if (n == 1 && (is_upper(w[0]) || is_lower(w[0])))
		return 1; /* an initial */
	int dotted = 1; /* "U.S", "D.C": single letters between dots */
	for (size_t i = 0; i < n; i++)
		if ((i % 2 == 0 && !(is_upper(w[i]) || is_lower(w[i]))) ||
		    (i % 2 == 1 && w[i] != '.'))
			dotted = 0;
	if (dotted && n >= 3)
		return 1;
	for (size_t k = 0; k < sizeof list / sizeof *list; k++) {
		size_t len = strlen(list[k]);
		if (len != n)
			continue;
		size_t i = 0;
		while (i < n && (w[i] | 0x20) == list[k][i])
			i++;
		if (i == n)
			return 1;
	}
	return 0;
}

/* Can a sentence start at S[I..N)?  A capital, digit or opening quote. */
static int sentence_start(const char *s, size_t n, size_t i)
{
	if (i >= n)
		return 0;
	char c = s[i];
	if (is_upper(c) || is_digit(c) || c == '"' || c == '\'' || c == '(')
		return 1;
	/* U+201C / U+2018 opening curly quotes */
	return i + 2 < n && (unsigned char)c == 0xE2 &&
	       (unsigned char)s[i + 1] == 0x80 &&
	       ((unsigned char)s[i + 2] == 0x9C || (unsigned char)s[i + 2] == 0x98);
}

/* Does a sentence end at the space S[SP]?  (S is folded text.) */
static int sentence_end(const char *s, size_t n, size_t sp)
{
	size_t e = sp;
	/* step back over closing quotes and brackets */
	while (e > 0) {
		unsigned char c = (unsigned char)s[e - 1];
		if (c == '"' || c == '\'' || c == ')')
			e--;
		else if (e >= 3 && c == 0x9D &&
		         (unsigned char)s[e - 2] == 0x80 &&
		         (unsigned char)s[e - 3] == 0xE2)
			e -= 3; /* U+201D */
		else if (e >= 3 && c == 0x99 && (unsigned char)s[e - 2] == 0x80 &&
		         (unsigned char)s[e - 3] == 0xE2)
			e -= 3; /* U+2019 */
		else
			break;
	}
	if (e == 0 || !sentence_start(s, n, sp + 1))
		return 0;
	char p = s[e - 1];
	if (p == '?' || p == '!')
		return 1;
	if (p != '.')
		return 0;
	size_t w = e - 1;
	while (w > 0 && s[w - 1] != ' ' && s[w - 1] != '(' && s[w - 1] != '"')
		w--;
	return !is_abbreviation(s + w, e - 1 - w);
}

/* ------------------------------------------------------------ cutting */

struct unit {
	size_t start, end; /* byte range in the folded text */
	size_t words;
};

static size_t count_words(const char *s, size_t n)
{
	size_t w = 0;
	for (size_t i = 0; i < n; i++)
		if (s[i] != ' ' && (i == 0 || s[i - 1] == ' '))
			w++;
	return w;
}

/* The offset of word K (0-based) of S[FROM..TO), or TO. */
static size_t nth_word(const char *s, size_t from, size_t to, size_t k)
{
	for (size_t j = from; j < to; j++)
		if (s[j] != ' ' && (j == from || s[j - 1] == ' ') && k-- == 0)
			return j;
	return to;
}

static int push_unit(int *rc, struct unit **u, size_t *k, size_t *cap,
                     const char *s, size_t from, size_t to)
{
	if (*k == *cap) {
		size_t ncap = *cap ? 2 * *cap : 16;
		struct unit *g = realloc(*u, ncap * sizeof *g);
		if (!g) {
			*rc = DOCKET_NO_MEMORY;
			return -1;
		}
		*u = g;
		*cap = ncap;
	}
	(*u)[*k].start = from;
	(*u)[*k].end = to;
	(*u)[*k].words = count_words(s + from, to - from);
	(*k)++;
	return 0;
}

/* Split folded S[0..N) into sentence units; a sentence of more than
 * PASSAGE_MAX_WORDS words is split into equal runs of words.  Returns a
 * malloc'd array of *COUNT units (NULL with *rc set when out of memory). */
static struct unit *sentence_units(int *rc, const char *s, size_t n,
                                   size_t *count)
{
	struct unit *u = NULL;
	size_t k = 0, cap = 0, start = 0;
	for (size_t i = 0; i <= n && !*rc; i++) {
		if (i < n && !(s[i] == ' ' && sentence_end(s, n, i)))
			continue;
		size_t words = count_words(s + start, i - start);
		size_t pieces = (words + PASSAGE_MAX_WORDS - 1) / PASSAGE_MAX_WORDS;
		size_t from = start, done = 0; /* FROM is word DONE's start */
		for (size_t p = 1; p < pieces; p++) {
			/* from the last cut, not from START: linear in the sentence */
			size_t want = words * p / pieces;
			size_t cut = nth_word(s, from, i, want - done);
			if (push_unit(rc, &u, &k, &cap, s, from, cut))
				break;
			from = cut;
			done = want;
		}
		if (words)
			push_unit(rc, &u, &k, &cap, s, from, i);
		start = i + 1;
	}
	if (*rc) {
		free(u);
		u = NULL;
		k = 0;
	}
	*count = k;
	return u;
}

/* Should a piece holding GOT words (aiming at TARGET) take a unit of W
 * more words? */
static int take_unit(size_t got, size_t w, size_t target)
{
	if (got == 0)
		return 1;
	if (got + w > PASSAGE_MAX_WORDS || got >= target)
		return 0;
	if (got + w <= target)
		return 1;
	return got + w - target <= target - got; /* the nearer to TARGET */
}

static void add_passage(int *rc, struct article *a, const char *section,
                        const char *s, size_t n, enum block_kind kind,
                        char **sources, size_t nsources)
{
	while (n && *s == ' ')
		s++, n--;
	while (n && s[n - 1] == ' ')
		n--;
	if (*rc || !n)
		return;
	if (a->npassages == a->cap) {
		size_t cap = a->cap ? 2 * a->cap : 8;
		struct passage *g = realloc(a->passages, cap * sizeof *g);
		if (!g) {
			*rc = DOCKET_NO_MEMORY;
			return;
		}
		a->passages = g;
		a->cap = cap;
	}
	struct passage *p = &a->passages[a->npassages];
	memset(p, 0, sizeof *p);
	p->text = str_ndup(rc, s, n);
	p->len = n;
	p->section = str_dup(rc, section);
	p->paragraph = a->nblocks;
	p->ordinal = (int)a->npassages + 1;
	p->kind = kind;
	if (nsources && !*rc) {
		p->sources = calloc(nsources, sizeof *p->sources);
		if (!p->sources)
			*rc = DOCKET_NO_MEMORY;
		for (size_t i = 0; i < nsources && !*rc; i++, p->nsources++)
			p->sources[i] = str_dup(rc, sources[i]);
	}
	a->npassages++; /* even half-built, so article_clear frees it */
}

/* Add S[0..N) (folded, sources stripped) as passages of the current
 * block, packing sentence units greedily towards equal-sized pieces. */
static void cut_passages(int *rc, struct article *a, const char *section,
                         const char *s, size_t n, enum block_kind kind,
                         char **src, size_t nsrc)
{
	size_t total = count_words(s, n);
	if (total <= PASSAGE_MAX_WORDS) {
		add_passage(rc, a, section, s, n, kind, src, nsrc);
		return;
	}
	size_t nu = 0, first = a->npassages;
	struct unit *u = sentence_units(rc, s, n, &nu);
	size_t i = 0, left = total;
	while (i < nu && !*rc) {
		size_t pieces = (left + PASSAGE_MAX_WORDS - 1) / PASSAGE_MAX_WORDS;
		size_t target = (left + pieces - 1) / pieces, got = 0, j = i;
		while (j < nu && take_unit(got, u[j].words, target))
			got += u[j++].words;
		add_passage(rc, a, section, s + u[i].start,
		            u[j - 1].end - u[i].start, kind, src, nsrc);
		left -= got;
		i = j;
	}
	free(u);
	for (size_t k = first; a->npassages - first > 1 && k < a->npassages; k++)
		a->passages[k].part = (int)(k - first + 1); /* "¶ 7 (part 2)" */
}

void article_add_block(int *rc, struct article *a, const char *section,
                       const char *text, size_t n, enum block_kind kind)
{
	buf b = BUF_INIT;
	char **src = NULL;
	size_t nsrc = 0;
	fold(rc, &b, text, n);
	if (*rc) {
		buf_free(&b);
		return;
	}
	size_t body = article_credit_start(b.p, b.n);
	collect_sources(rc, b.p, body, b.n, &src, &nsrc);
	while (body && b.p[body - 1] == ' ')
		body--;
	if (body && !*rc) {
		a->nblocks++;
		cut_passages(rc, a, section ? section : "", b.p, body, kind, src,
		             nsrc);
	}
	for (size_t i = 0; i < nsrc; i++)
		free(src[i]);
	free(src);
	buf_free(&b);
}

/* Feed S (with its length, so that fields cannot run into each other) to
 * H.  Cannot fail. */
static void hash_str(XXH3_state_t *h, const char *s)
{
	size_t n = s ? strlen(s) : 0;
	XXH3_128bits_update(h, &n, sizeof n);
	XXH3_128bits_update(h, s ? s : "", n);
}

int article_hash(const struct article *a, char out[33])
{
	XXH3_state_t *h = XXH3_createState();
	if (!h)
		return DOCKET_NO_MEMORY;
	XXH3_128bits_reset(h);
	const char *fields[] = {a->id, a->title, a->outlet, a->author, a->date, a->url};
	for (size_t i = 0; i < sizeof fields / sizeof *fields; i++)
		hash_str(h, fields[i]);
	for (size_t i = 0; i < a->npassages; i++) {
		const struct passage *p = &a->passages[i];
		int nums[] = {p->paragraph, p->part, p->ordinal, p->kind};
		XXH3_128bits_update(h, nums, sizeof nums);
		hash_str(h, p->text);
		hash_str(h, p->section);
		for (size_t k = 0; k < p->nsources; k++)
			hash_str(h, p->sources[k]);
		hash_str(h, NULL); /* the end of the sources */
	}
	XXH128_hash_t d = XXH3_128bits_digest(h);
	XXH3_freeState(h);
	snprintf(out, 33, "%016llx%016llx", (unsigned long long)d.high64,
	         (unsigned long long)d.low64);
	return 0;
}
