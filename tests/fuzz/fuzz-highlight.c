/* fuzz-highlight.c — libFuzzer target for highlight_find() and
 * snippet_choose() (searcher/highlight.c, searcher/snippet.c), and through
 * them token_scan() and stem_word().
 *
 * The input is sanitised to UTF-8, then its first line is the query and
 * the rest the text.  Query words separated by spaces become groups:
 *   word        a term          ~word   a stemmed term
 *   word*       a wildcard      T:word  a term of the title field
 *   a+b+c       a phrase        a/b/c   a NEAR group (window: terms + 2)
 * Checked: spans ascending, disjoint, non-empty, inside the text, on
 * character boundaries, of body groups only; the snippet window inside the
 * text, on character boundaries, cutting no span, and the whole text when
 * it fits.  A broken invariant abort()s.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../../common/buf.h"
#include "../../common/schema.h"
#include "../../common/utf8.h"
#include "../../searcher/highlight.h"
#include "../../searcher/snippet.h"

#define MAX_TERMS 8

static int inside_char(const char *s, size_t n, size_t at)
{
	return at < n && ((unsigned char)s[at] & 0xC0) == 0x80;
}

/* Add the group written as W[0..n) to Q. */
static void add_group(struct term_groups *q, char *w, size_t n)
{
	struct group_term t[MAX_TERMS];
	int field = FIELD_BODY, stemmed = 0;
	enum group_kind kind = GROUP_TERM;
	if (n > 2 && w[0] == 'T' && w[1] == ':')
		field = FIELD_TITLE, w += 2, n -= 2;
	if (n > 1 && w[0] == '~')
		stemmed = 1, w++, n--;
	if (n > 1 && w[n - 1] == '*')
		kind = GROUP_WILDCARD, n--;
	w[n] = '\0';
	char sep = memchr(w, '+', n) ? '+' : memchr(w, '/', n) ? '/' : 0;
	if (sep)
		kind = sep == '+' ? GROUP_PHRASE : GROUP_NEAR;
	size_t k = 0;
	for (char *p = w; p && k < MAX_TERMS;) {
		char *next = sep ? strchr(p, sep) : NULL;
		if (next)
			*next++ = '\0';
		t[k].text = p;
		t[k++].stemmed = stemmed;
		p = next;
	}
	term_groups_add(q, kind, field, kind == GROUP_NEAR ? (unsigned)k + 2 : 0, t, k,
	             1.0 + (double)(n % 7));
}

static void build_query(struct term_groups *q, char *s, size_t n)
{
	for (size_t i = 0; i < n;) {
		while (i < n && s[i] == ' ')
			i++;
		size_t j = i;
		while (j < n && s[j] != ' ')
			j++;
		if (j > i) {
			s[j] = '\0'; /* s has room: it is a copy with a NUL after */
			add_group(q, s + i, j - i);
		}
		i = j + 1;
	}
}

static void check(const struct term_groups *q, const char *text, size_t n,
                  const struct span *s, size_t ns, size_t target)
{
	for (size_t i = 0; i < ns; i++) {
		if (s[i].start >= s[i].end || s[i].end > n)
			abort();
		if (i && s[i - 1].end > s[i].start)
			abort();
		if (inside_char(text, n, s[i].start) ||
		    inside_char(text, n, s[i].end))
			abort();
		if (s[i].group < 0 || (size_t)s[i].group >= q->ngroups ||
		    q->groups[s[i].group].field != FIELD_BODY)
			abort();
	}
	size_t a, e;
	snippet_choose(q, text, n, s, ns, target, &a, &e);
	if (a > e || e > n || inside_char(text, n, a) || inside_char(text, n, e))
		abort();
	if (n <= target && (a != 0 || e != n))
		abort();
	for (size_t i = 0; i < ns; i++)
		if ((s[i].start < a && a < s[i].end) ||
		    (s[i].start < e && e < s[i].end))
			abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct stemmer *st;
	if (!st && !(st = stem_new("english")))
		abort();
	int rc = 0;
	buf b = BUF_INIT;
	utf8_sanitize(&rc, &b, (const char *)data, size);
	if (rc || !b.p) {
		buf_free(&b);
		return 0;
	}
	char *nl = memchr(b.p, '\n', b.n);
	size_t qlen = nl ? (size_t)(nl - b.p) : b.n;
	const char *text = nl ? nl + 1 : b.p + b.n;
	size_t n = b.n - (size_t)(text - b.p);
	char *qs = str_ndup(&rc, b.p, qlen);
	struct term_groups q = {0};
	if (!rc) {
		build_query(&q, qs, qlen);
		struct span *s = NULL;
		size_t ns = 0;
		if (highlight_find(&q, FIELD_BODY, st, text, n, &s, &ns) == 0)
			check(&q, text, n, s, ns, 16 + (qlen * 13) % 300);
		free(s);
	}
	term_groups_free(&q);
	free(qs);
	buf_free(&b);
	return 0;
}
