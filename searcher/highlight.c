/* highlight.c — which words of a passage match the query (see
 * highlight.h).  The snippet window is chosen in searcher/snippet.c.
 *
 * Callers: the searcher calls highlight_find() on each hit's text, with
 * the term groups the engine read off the parsed query (termgroups.h).
 *
 * The text is cut into words by token_scan(), the indexer's tokenizer, so a
 * word here is a term there.  Each group of the requested field is then
 * matched against the word list: a term or wildcard word by word, a phrase
 * as an in-order run, a NEAR group as a window holding all its terms.  The
 * raw spans are sorted and overlapping ones merged, the merged span keeping
 * the group of the heavier match.
 */
#include "highlight.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "../common/buf.h"
#include "../common/token.h"
#include "../docket.h"

/* ------------------------------------------------------------ the words */

struct word {
	size_t start, end;       /* byte offsets in the text */
	unsigned pos;            /* token position */
	size_t term, tlen;       /* the term: offset and length in words.chars */
	size_t stem, slen;       /* its stem, likewise (the term if no stems) */
};

struct words {
	struct word *w;          /* the words in text order */
	size_t n, cap;
	buf chars;               /* terms and stems, each NUL-terminated */
	int rc;                  /* sticky status */
};

static int add_word(void *ctx, const struct token *t)
{
	struct words *ws = ctx;
	if (ws->n == ws->cap) {
		size_t cap = ws->cap ? 2 * ws->cap : 64;
		struct word *w = realloc(ws->w, cap * sizeof *w);
		if (!w) {
			ws->rc = DOCKET_NO_MEMORY;
			return 1;
		}
		ws->w = w;
		ws->cap = cap;
	}
	struct word *w = &ws->w[ws->n++];
	w->start = t->start;
	w->end = t->end;
	w->pos = t->pos;
	w->term = w->stem = ws->chars.n;
	w->tlen = w->slen = t->len;
	buf_append(&ws->rc, &ws->chars, t->term, t->len + 1);
	return ws->rc;
}

/* Give every word its stem, or leave it as the term when WANTED (may be
 * NULL: stem all) says no stem starts with its first byte and ST keeps
 * first bytes (stem_keeps_first): it can match no stemmed term then. */
static void add_stems(struct words *ws, struct stemmer *st,
                      const unsigned char *wanted)
{
	int skip = wanted && stem_keeps_first(st);
	for (size_t i = 0; i < ws->n && !ws->rc; i++) {
		struct word *w = &ws->w[i];
		unsigned char first = (unsigned char)ws->chars.p[w->term];
		if (skip && !wanted[first] && first != '\'')
			continue;
		size_t len;
		const char *s =
			stem_word(st, ws->chars.p + w->term, w->tlen, &len);
		w->stem = ws->chars.n;
		w->slen = len;
		buf_append(&ws->rc, &ws->chars, s, len);
		buf_putc(&ws->rc, &ws->chars, '\0');
	}
}

static int term_matches(const struct words *ws, const struct word *w,
                        const struct group_term *t)
{
	size_t off = t->stemmed ? w->stem : w->term;
	size_t len = t->stemmed ? w->slen : w->tlen;
	return strlen(t->text) == len &&
	       memcmp(ws->chars.p + off, t->text, len) == 0;
}

static int prefix_matches(const struct words *ws, const struct word *w,
                          const struct group_term *t)
{
	size_t len = strlen(t->text);
	return len > 0 && w->tlen >= len &&
	       memcmp(ws->chars.p + w->term, t->text, len) == 0;
}

/* ------------------------------------------------------------ the spans */

struct spans {
	struct span *s;
	size_t n, cap;
	int rc;
};

static void add_span(struct spans *sp, size_t start, size_t end, int group)
{
	if (sp->rc)
		return;
	if (sp->n == sp->cap) {
		size_t cap = sp->cap ? 2 * sp->cap : 16;
		struct span *s = realloc(sp->s, cap * sizeof *s);
		if (!s) {
			sp->rc = DOCKET_NO_MEMORY;
			return;
		}
		sp->s = s;
		sp->cap = cap;
	}
	sp->s[sp->n++] = (struct span){start, end, group};
}

/* The first position past a window of WINDOW positions from POS. */
static unsigned limit_of(unsigned pos, unsigned window)
{
	return window > UINT_MAX - pos ? UINT_MAX : pos + window;
}

/* The phrase of G starting at word I: the index of its last word, or
 * (size_t)-1.  Later terms must follow in order within G's window. */
static size_t phrase_at(const struct words *ws, const struct term_group *g,
                        size_t i)
{
	unsigned window = g->window > g->nterms ? g->window
	                                        : (unsigned)g->nterms;
	unsigned limit = limit_of(ws->w[i].pos, window);
	if (!term_matches(ws, &ws->w[i], &g->terms[0]))
		return (size_t)-1;
	size_t j = i;
	for (size_t k = 1; k < g->nterms; k++) {
		do {
			if (++j >= ws->n || ws->w[j].pos >= limit)
				return (size_t)-1;
		} while (!term_matches(ws, &ws->w[j], &g->terms[k]));
		if (window == g->nterms && ws->w[j].pos != ws->w[i].pos + k)
			return (size_t)-1;
	}
	return j;
}

/* The NEAR group G with its first word at I: the index of the last word
 * needed to cover every term within the window, or (size_t)-1.  Each term
 * takes a word of its own; a word goes to the first uncovered term it
 * matches. */
static size_t near_at(const struct words *ws, const struct term_group *g,
                      size_t i, unsigned char *got)
{
	unsigned window = g->window > g->nterms ? g->window
	                                        : (unsigned)g->nterms;
	unsigned limit = limit_of(ws->w[i].pos, window);
	size_t left = g->nterms;
	memset(got, 0, g->nterms);
	for (size_t j = i; j < ws->n && ws->w[j].pos < limit; j++) {
		size_t k = 0;
		while (k < g->nterms &&
		       (got[k] || !term_matches(ws, &ws->w[j], &g->terms[k])))
			k++;
		if (k == g->nterms) {
			if (j == i)
				return (size_t)-1; /* must start on a term */
			continue;
		}
		got[k] = 1;
		if (--left == 0)
			return j;
	}
	return (size_t)-1;
}

/* Add the spans of group GI over the words. */
static void match_group(const struct term_groups *q, int gi,
                        const struct words *ws, struct spans *sp)
{
	const struct term_group *g = &q->groups[gi];
	unsigned char *got = NULL;
	if (g->nterms == 0)
		return;
	if (g->kind == GROUP_NEAR && !(got = malloc(g->nterms))) {
		sp->rc = DOCKET_NO_MEMORY;
		return;
	}
	for (size_t i = 0; i < ws->n && !sp->rc; i++) {
		const struct word *w = &ws->w[i];
		size_t last = (size_t)-1;
		switch (g->kind) {
		case GROUP_TERM:
			last = term_matches(ws, w, &g->terms[0]) ? i : last;
			break;
		case GROUP_WILDCARD:
			last = prefix_matches(ws, w, &g->terms[0]) ? i : last;
			break;
		case GROUP_PHRASE:
			last = phrase_at(ws, g, i);
			break;
		case GROUP_NEAR:
			last = near_at(ws, g, i, got);
			break;
		}
		if (last != (size_t)-1)
			add_span(sp, w->start, ws->w[last].end, gi);
	}
	free(got);
}

static int by_start(const void *a, const void *b)
{
	const struct span *x = a, *y = b;
	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	if (x->end != y->end)
		return x->end > y->end ? -1 : 1; /* the longer first */
	return x->group - y->group;
}

/* Sort SP and merge overlapping spans in place. */
static void merge(const struct term_groups *q, struct spans *sp)
{
	if (sp->n == 0)
		return;
	qsort(sp->s, sp->n, sizeof *sp->s, by_start);
	size_t out = 0;
	double wt = q->groups[sp->s[0].group].weight;
	for (size_t i = 1; i < sp->n; i++) {
		struct span *cur = &sp->s[out], *s = &sp->s[i];
		double sw = q->groups[s->group].weight;
		if (s->start < cur->end) {
			if (s->end > cur->end)
				cur->end = s->end;
			if (sw > wt) {
				cur->group = s->group;
				wt = sw;
			}
			continue;
		}
		sp->s[++out] = *s;
		wt = sw;
	}
	sp->n = out + 1;
}

/* Does any group of FIELD compare stems?  WANTED[b] is set for the first
 * byte b of each stem compared. */
static int needs_stems(const struct term_groups *q, int field,
                       unsigned char wanted[256])
{
	int any = 0;
	memset(wanted, 0, 256);
	for (size_t i = 0; i < q->ngroups; i++) {
		const struct term_group *g = &q->groups[i];
		if (g->field != field || g->kind == GROUP_WILDCARD)
			continue;
		for (size_t k = 0; k < g->nterms; k++)
			if (g->terms[k].stemmed) {
				wanted[(unsigned char)g->terms[k].text[0]] = 1;
				any = 1;
			}
	}
	return any;
}

int highlight_find(const struct term_groups *q, int field, struct stemmer *st,
                   const char *text, size_t n, struct span **out,
                   size_t *nout)
{
	struct words ws = {0};
	struct spans sp = {0};
	unsigned char wanted[256];
	*out = NULL;
	*nout = 0;
	if (q && q->ngroups) {
		token_scan(text, n, 1, add_word, &ws);
		if (st && needs_stems(q, field, wanted))
			add_stems(&ws, st, wanted);
		sp.rc = ws.rc;
		for (size_t i = 0; i < q->ngroups && !sp.rc; i++)
			if (q->groups[i].field == field)
				match_group(q, (int)i, &ws, &sp);
		if (!sp.rc)
			merge(q, &sp);
	}
	free(ws.w);
	buf_free(&ws.chars);
	if (sp.rc) {
		free(sp.s);
		return sp.rc;
	}
	*out = sp.s;
	*nout = sp.n;
	return 0;
}
