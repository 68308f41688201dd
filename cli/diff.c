/* diff.c — word diff for `docket copies` (see diff.h). */
#include "diff.h"

#include <stdlib.h>
#include <string.h>

struct word {
	const char *s; /* the word as written */
	size_t n;
};

struct words {
	struct word *v;
	size_t n;
};

static int is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* The words of S; -1 when out of memory. */
static int split(const char *s, struct words *w)
{
	size_t cap = 16;
	w->n = 0;
	if (!(w->v = malloc(cap * sizeof *w->v)))
		return -1;
	for (;;) {
		while (*s && is_space(*s))
			s++;
		if (!*s)
			return 0;
		const char *b = s;
		while (*s && !is_space(*s))
			s++;
		if (w->n == cap) {
			struct word *v = realloc(w->v, 2 * cap * sizeof *v);
			if (!v)
				return -1;
			w->v = v, cap *= 2;
		}
		w->v[w->n++] = (struct word){b, (size_t)(s - b)};
	}
}

/* The next folded byte of W from *I: ASCII lower-cased; U+2018/2019 '
 * U+201C/201D ", U+2013/2014 -. */
static int folded(const struct word *w, size_t *i)
{
	const unsigned char *p = (const unsigned char *)w->s + *i;
	if (w->n - *i >= 3 && p[0] == 0xe2 && p[1] == 0x80) {
		int c = p[2] == 0x98 || p[2] == 0x99 ? '\'' :
		        p[2] == 0x9c || p[2] == 0x9d ? '"' :
		        p[2] == 0x93 || p[2] == 0x94 ? '-' : 0;
		if (c) {
			*i += 3;
			return c;
		}
	}
	(*i)++;
	return p[0] >= 'A' && p[0] <= 'Z' ? p[0] + 32 : p[0];
}

static int same(const struct word *a, const struct word *b)
{
	size_t i = 0, j = 0;
	while (i < a->n && j < b->n)
		if (folded(a, &i) != folded(b, &j))
			return 0;
	return i == a->n && j == b->n;
}

struct run {
	diff_fn fn;
	void *ctx;
	enum diff_op op; /* of the run being gathered */
	char *buf;       /* its words */
	size_t n, cap;
	int stopped;
};

/* Hand the gathered run to FN. */
static int flush(struct run *r)
{
	if (r->n && !r->stopped && r->fn(r->ctx, r->op, r->buf, r->n))
		r->stopped = 1;
	r->n = 0;
	return r->stopped;
}

static int emit(struct run *r, enum diff_op op, const struct word *w)
{
	if (r->n && op != r->op && flush(r))
		return 1;
	r->op = op;
	if (r->n + w->n + 1 > r->cap) {
		size_t cap = 2 * (r->n + w->n + 1);
		char *b = realloc(r->buf, cap);
		if (!b)
			return -1;
		r->buf = b, r->cap = cap;
	}
	if (r->n)
		r->buf[r->n++] = ' ';
	memcpy(r->buf + r->n, w->s, w->n);
	r->n += w->n;
	return 0;
}

/* Walk the LCS table L of A and B, emitting runs in order (a removal
 * before the addition that replaces it). */
static int walk(const struct words *a, const struct words *b, const unsigned *L,
                struct run *r, size_t *added, size_t *removed)
{
	size_t i = 0, j = 0, w = b->n + 1;
	int rc = 0;
	while (!rc && (i < a->n || j < b->n)) {
		if (i < a->n && j < b->n && same(&a->v[i], &b->v[j]))
			rc = emit(r, DIFF_SAME, &b->v[j]), i++, j++;
		else if (i < a->n && (j == b->n || L[(i + 1) * w + j] >= L[i * w + j + 1]))
			rc = emit(r, DIFF_REMOVED, &a->v[i]), i++, ++*removed;
		else
			rc = emit(r, DIFF_ADDED, &b->v[j]), j++, ++*added;
	}
	return rc ? rc : flush(r);
}

int diff_words(const char *old, const char *new_text, diff_fn fn, void *ctx,
               size_t *added, size_t *removed)
{
	struct words a = {0}, b = {0};
	struct run r = {fn, ctx, DIFF_SAME, NULL, 0, 0, 0};
	unsigned *L = NULL;
	int rc = split(old, &a) || split(new_text, &b) ? -1 : 0;
	size_t w = b.n + 1;
	*added = *removed = 0;
	if (!rc && !(L = calloc((a.n + 1) * w, sizeof *L)))
		rc = -1;
	for (size_t i = a.n; !rc && i-- > 0;) /* L[i][j]: LCS of a[i..], b[j..] */
		for (size_t j = b.n; j-- > 0;)
			L[i * w + j] = same(&a.v[i], &b.v[j]) ? L[(i + 1) * w + j + 1] + 1
			               : L[(i + 1) * w + j] > L[i * w + j + 1] ? L[(i + 1) * w + j]
			                                                     : L[i * w + j + 1];
	if (!rc)
		rc = walk(&a, &b, L, &r, added, removed);
	free(L), free(a.v), free(b.v), free(r.buf);
	return rc;
}
