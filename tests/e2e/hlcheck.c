/* hlcheck.c — checks the highlights of `docket search --json` output (JSON
 * Lines on stdin) against the query (argv[1]), independently of the
 * highlighter: it parses the query itself (a simple reading of the query
 * language, below) and finds words with the library's own token_scan() and
 * stemmer.  Built and run by tests/e2e/t-highlight.sh.
 *
 * Per hit it checks that the spans are ascending, disjoint and inside the
 * snippet window [snippet_start, snippet_end); that each starts and ends on
 * word boundaries; that every word a span covers belongs to a match of the
 * query inside that span (a word or wildcard of the query, a whole quoted
 * phrase, or a whole NEAR group); and that every word of the window that
 * matches a plain body word or wildcard of the query, and every whole
 * phrase in the window, is inside a span.  Negated words and words limited
 * to another field (the field table's names, common/schema.c) match
 * nothing, so a body highlight on one of them is reported.
 *
 * The query reading: "phrase", word*, field:word, field:"phrase", -word,
 * +word, NOT word, a NEAR b (NEAR/n too), AND / OR / XOR ignored, brackets
 * ignored; date:... is skipped.  A plain chunk that tokenises to several
 * words is a phrase (as the QueryParser makes "non-exclusive" one).  Every
 * word matches by its stem, capitalised or not, in a phrase or NEAR group
 * too (the index holds stems only and the QueryParser stems every word:
 * STEM_ALL, see common/schema.h).
 *
 * Prints "# problem" lines, then one line
 * "# counts hits=H spans=S tokens=T fieldwords=F outside=O" (T: window words
 * checked; F: of them, words of a field-limited term, which must not be lit;
 * O: spans outside the window, printed but left to the caller to judge); exits 0 when all is well.
 */
#define _POSIX_C_SOURCE 200809L
#include <ctype.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../common/schema.h"
#include "../../common/stem.h"
#include "../../common/token.h"

#define MAXT 16     /* words in one unit */
#define MAXU 64     /* units in one query */
#define NEAR_WIN 10 /* the QueryParser's default n of NEAR/n */

enum ukind { U_WORD, U_PHRASE, U_NEAR, U_WILD };

struct unit {
	enum ukind kind;
	int body;        /* 1: may match in body text */
	int neg;         /* 1: negated (matches nothing) */
	unsigned window; /* U_NEAR: the n of NEAR/n */
	size_t n;
	char t[MAXT][TOKEN_MAX + 1];
};

static struct unit units[MAXU];
static size_t nunits;
static struct stemmer *st;
static long problems, nhits, nspans, ntokens, nfield, noutside;

/* Collected tokens of one text. */
struct toks {
	struct token *v;
	size_t n, cap;
};

static int collect(void *ctx, const struct token *t)
{
	struct toks *ts = ctx;
	if (ts->n == ts->cap) {
		ts->cap = ts->cap ? 2 * ts->cap : 64;
		ts->v = realloc(ts->v, ts->cap * sizeof *ts->v);
		if (!ts->v)
			abort();
	}
	ts->v[ts->n++] = *t;
	return 0;
}

static void scan(const char *s, size_t n, struct toks *ts)
{
	ts->n = 0;
	token_scan(s, n, 1, collect, ts);
}

/* ---- the query ---- */


static struct unit *new_unit(enum ukind kind, int body, int neg)
{
	if (nunits == MAXU) {
		fprintf(stderr, "hlcheck: query too long\n");
		exit(2);
	}
	struct unit *u = &units[nunits++];
	memset(u, 0, sizeof *u);
	u->kind = kind;
	u->body = body;
	u->neg = neg;
	return u;
}

/* Add the words of S[0..N) as a unit; a single word stays a word. */
static struct unit *add_words(const char *s, size_t n, int phrase, int body,
                              int neg)
{
	struct toks ts = {0};
	scan(s, n, &ts);
	struct unit *u = NULL;
	if (ts.n > 0) {
		u = new_unit(ts.n == 1 && !phrase ? U_WORD : U_PHRASE, body, neg);
		for (size_t i = 0; i < ts.n && i < MAXT; i++)
			strcpy(u->t[u->n++], ts.v[i].term);
	}
	free(ts.v);
	return u;
}

static void parse_query(const char *q)
{
	int neg_next = 0;
	unsigned near_win = 0; /* non-zero: join the next unit to the last */
	struct unit *last = NULL;
	const char *p = q;
	while (*p) {
		if (isspace((unsigned char)*p) || *p == '(' || *p == ')') {
			p++;
			continue;
		}
		int neg = neg_next, body = 1, date = 0, named = 0;
		neg_next = 0;
		if (*p == '-' || *p == '+') {
			neg |= *p == '-';
			p++;
		}
		const char *w = p;
		while (*p && !isspace((unsigned char)*p) && *p != '"' && *p != ')')
			p++;
		size_t wl = (size_t)(p - w);
		const char *colon = memchr(w, ':', wl);
		if (colon) {
			for (size_t f = 0; f < FIELD_LAST; f++) {
				const struct schema_row *r = &schema_fields[f];
				if (r->name && (size_t)(colon - w) == strlen(r->name) &&
				    !strncmp(w, r->name, strlen(r->name)))
					named = 1, body = r->highlight,
					date = r->kind == KIND_VALUE || r->kind == KIND_DAYS;
			}
			if (named) {
				w = colon + 1;
				wl = (size_t)(p - w);
			}
		}
		struct unit *u = NULL;
		if (*p == '"' && wl == 0) {
			const char *e = strchr(p + 1, '"');
			if (!e)
				e = p + strlen(p);
			u = add_words(p + 1, (size_t)(e - p - 1), 1, body, neg);
			p = *e ? e + 1 : e;
		} else if (wl == 0) {
			p++;
			continue;
		} else if (body && (wl == 3 && !strncmp(w, "NOT", 3))) {
			neg_next = 1;
			continue;
		} else if (body && ((wl == 3 && !strncmp(w, "AND", 3)) ||
		                    (wl == 2 && !strncmp(w, "OR", 2)) ||
		                    (wl == 3 && !strncmp(w, "XOR", 3)))) {
			continue;
		} else if (body && !strncmp(w, "NEAR", 4) &&
		           (wl == 4 || w[4] == '/')) {
			near_win = wl > 5 ? (unsigned)atoi(w + 5) : NEAR_WIN;
			continue;
		} else if (date) {
			continue;
		} else if (w[wl - 1] == '*') {
			struct toks ts = {0};
			scan(w, wl - 1, &ts);
			if (ts.n == 1) {
				u = new_unit(U_WILD, body, neg);
				strcpy(u->t[0], ts.v[0].term);
				u->n = 1;
			}
			free(ts.v);
		} else {
			u = add_words(w, wl, 0, body, neg);
		}
		if (u && near_win && last && last->kind == U_WORD) {
			/* Fold the new word (or the last NEAR's) into a NEAR group. */
			last->kind = U_NEAR;
			last->window = near_win;
			for (size_t i = 0; i < u->n && last->n < MAXT; i++)
				strcpy(last->t[last->n++], u->t[i]);
			nunits--;
			u = last;
		} else if (u && near_win && last && last->kind == U_NEAR) {
			for (size_t i = 0; i < u->n && last->n < MAXT; i++)
				strcpy(last->t[last->n++], u->t[i]);
			nunits--;
			u = last;
		}
		near_win = 0;
		if (u)
			last = u;
	}
}

/* ---- matching ---- */

static int same_stem(const char *a, const char *b)
{
	size_t la, lb;
	char sa[4 * TOKEN_MAX + 1];
	const char *s = stem_word(st, a, strlen(a), &la);
	if (la >= sizeof sa)
		return 0;
	memcpy(sa, s, la + 1);
	s = stem_word(st, b, strlen(b), &lb);
	return la == lb && !memcmp(sa, s, la);
}

/* Term T matches query word W: they have the same stem. */
static int word_match(const char *t, const char *w)
{
	return !strcmp(t, w) || same_stem(t, w);
}

static int live(const struct unit *u)
{
	return u->body && !u->neg;
}

/* A single token matching a word or wildcard unit. */
static int single_match(const struct token *t)
{
	for (size_t i = 0; i < nunits; i++) {
		const struct unit *u = &units[i];
		if (!live(u))
			continue;
		if (u->kind == U_WORD && word_match(t->term, u->t[0]))
			return 1;
		if (u->kind == U_WILD &&
		    !strncmp(t->term, u->t[0], strlen(u->t[0])))
			return 1;
	}
	return 0;
}

/* Does phrase U start at token I (consecutive positions, same stems)? */
static int phrase_at(const struct unit *u, const struct toks *ts, size_t i)
{
	if (i + u->n > ts->n)
		return 0;
	for (size_t k = 0; k < u->n; k++)
		if (ts->v[i + k].pos != ts->v[i].pos + k ||
		    !word_match(ts->v[i + k].term, u->t[k]))
			return 0;
	return 1;
}

static int near_term(const struct unit *u, const char *t)
{
	for (size_t k = 0; k < u->n; k++)
		if (word_match(t, u->t[k]))
			return 1;
	return 0;
}

/* Do tokens I..J hold every term of NEAR group U within its window, I and
 * J being terms of it?  As in the QueryParser, NEAR/n over k words is a
 * window of n + k - 1 positions. */
static int near_run(const struct unit *u, const struct toks *ts, size_t i,
                    size_t j)
{
	unsigned win = u->window + (unsigned)u->n - 1;
	if (ts->v[j].pos - ts->v[i].pos >= win || !near_term(u, ts->v[i].term) ||
	    !near_term(u, ts->v[j].term))
		return 0;
	for (size_t k = 0; k < u->n; k++) {
		int found = 0;
		for (size_t m = i; m <= j && !found; m++)
			found = word_match(ts->v[m].term, u->t[k]);
		if (!found)
			return 0;
	}
	return 1;
}

/* Mark COV[i] for each token of [A, B) that a match inside [A, B) covers. */
static void cover(const struct toks *ts, size_t a, size_t b, char *cov)
{
	for (size_t i = a; i < b; i++) {
		if (single_match(&ts->v[i]))
			cov[i] = 1;
		for (size_t k = 0; k < nunits; k++) {
			const struct unit *u = &units[k];
			if (!live(u))
				continue;
			if (u->kind == U_PHRASE && i + u->n <= b && phrase_at(u, ts, i))
				memset(cov + i, 1, u->n);
			if (u->kind == U_NEAR)
				for (size_t j = i; j < b; j++)
					if (near_run(u, ts, i, j))
						memset(cov + i, 1, j - i + 1);
		}
	}
}

/* ---- one hit ---- */

static void problem(long line, const char *what, const char *text,
                    size_t s, size_t e)
{
	problems++;
	printf("# line %ld: %s: [%zu,%zu) \"%.*s\"\n", line, what, s, e,
	       (int)(e - s > 80 ? 80 : e - s), text + s);
}

static int in_spans(const size_t (*sp)[2], size_t nsp, size_t s, size_t e)
{
	for (size_t k = 0; k < nsp; k++)
		if (sp[k][0] <= s && e <= sp[k][1])
			return 1;
	return 0;
}

static int is_field_word(const char *t)
{
	for (size_t i = 0; i < nunits; i++)
		if (!units[i].body)
			for (size_t k = 0; k < units[i].n; k++)
				if (word_match(t, units[i].t[k]))
					return 1;
	return 0;
}

static void check_hit(long line, json_t *hit)
{
	const char *text = json_string_value(json_object_get(hit, "text"));
	json_t *hl = json_object_get(hit, "highlights");
	json_int_t ws = json_integer_value(json_object_get(hit, "snippet_start"));
	json_int_t we = json_integer_value(json_object_get(hit, "snippet_end"));
	if (!text || !json_is_array(hl)) {
		problem(line, "hit without text or highlights", "", 0, 0);
		return;
	}
	size_t n = strlen(text), nsp = json_array_size(hl);
	nhits++;
	struct toks ts = {0};
	scan(text, n, &ts);
	size_t(*sp)[2] = calloc(nsp + 1, sizeof *sp);
	char *cov = calloc(ts.n + 1, 1);
	if (!sp || !cov)
		abort();
	size_t prev_end = 0;
	for (size_t k = 0; k < nsp; k++) {
		json_t *p = json_array_get(hl, k);
		json_int_t s = json_integer_value(json_array_get(p, 0));
		json_int_t e = json_integer_value(json_array_get(p, 1));
		nspans++;
		if (s < 0 || e <= s || (size_t)e > n) {
			problem(line, "span out of the text", text, 0, 0);
			continue;
		}
		sp[k][0] = (size_t)s, sp[k][1] = (size_t)e;
		if (k > 0 && (size_t)s < prev_end)
			problem(line, "spans not ascending and disjoint", text,
			        (size_t)s, (size_t)e);
		prev_end = (size_t)e;
		if (s < ws || e > we) {
			noutside++; /* counted apart: the test decides */
			printf("# line %ld: span outside the snippet window [%lld,%lld): "
			       "[%lld,%lld)\n", line, (long long)ws, (long long)we,
			       (long long)s, (long long)e);
		}
		size_t a = 0, b;
		while (a < ts.n && ts.v[a].start < (size_t)s)
			a++;
		for (b = a; b < ts.n && ts.v[b].end <= (size_t)e; b++)
			;
		if (a == b || ts.v[a].start != (size_t)s || ts.v[b - 1].end != (size_t)e) {
			problem(line, "span not on word boundaries", text,
			        (size_t)s, (size_t)e);
			continue;
		}
		memset(cov, 0, ts.n);
		cover(&ts, a, b, cov);
		for (size_t i = a; i < b; i++) {
			if (!cov[i]) {
				problem(line, "highlighted word matches nothing in the query",
				        text, ts.v[i].start, ts.v[i].end);
				break;
			}
		}
	}
	/* Completeness over the window. */
	for (size_t i = 0; i < ts.n; i++) {
		if (ts.v[i].start < (size_t)ws || ts.v[i].end > (size_t)we)
			continue;
		ntokens++;
		if (is_field_word(ts.v[i].term) && !single_match(&ts.v[i]))
			nfield++; /* must stay plain: checked by the span loop */
		if (single_match(&ts.v[i]) &&
		    !in_spans(sp, nsp, ts.v[i].start, ts.v[i].end))
			problem(line, "matching word left unhighlighted", text,
			        ts.v[i].start, ts.v[i].end);
		for (size_t k = 0; k < nunits; k++) {
			const struct unit *u = &units[k];
			if (!live(u) || u->kind != U_PHRASE || !phrase_at(u, &ts, i))
				continue;
			size_t e = ts.v[i + u->n - 1].end;
			if (e <= (size_t)we && !in_spans(sp, nsp, ts.v[i].start, e))
				problem(line, "phrase in the window not highlighted whole",
				        text, ts.v[i].start, e);
		}
	}
	free(cov);
	free(sp);
	free(ts.v);
}

int main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: hlcheck QUERY < search.jsonl\n");
		return 2;
	}
	st = stem_new("english");
	if (!st)
		return 2;
	parse_query(argv[1]);
	char *buf = NULL;
	size_t cap = 0;
	long line = 0;
	while (getline(&buf, &cap, stdin) > 0) {
		line++;
		json_error_t err;
		json_t *o = json_loads(buf, 0, &err);
		if (!o) {
			problem(line, "not JSON", "", 0, 0);
			continue;
		}
		const char *type = json_string_value(json_object_get(o, "type"));
		if (type && !strcmp(type, "hit"))
			check_hit(line, o);
		json_decref(o);
	}
	free(buf);
	stem_free(st);
	printf("# counts hits=%ld spans=%ld tokens=%ld fieldwords=%ld "
	       "outside=%ld\n", nhits, nspans, ntokens, nfield, noutside);
	return problems ? 1 : 0;
}
