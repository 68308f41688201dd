/* snippet.c — which window of a passage to show (snippet_choose in
 * highlight.h).  Called by the searcher after highlight_find().
 *
 * Every window worth showing starts at a highlight, so the candidates are
 * the windows [s.start, s.start + target) for each span s.  A window scores
 * the weight of each group it covers once, plus a tenth of the weight for
 * each repeat, so covering more distinct terms wins and repeats only break
 * near-ties; the earliest best window wins.  A span longer than the target
 * is shown whole.
 *
 * The start then moves back to the beginning of its sentence when that is
 * within a third of the target and the covered spans still fit; otherwise
 * it moves back a little to a word start, for context; and a window that
 * would run past the end of the text then starts earlier instead.  The end goes back
 * to the last whitespace (a word end, punctuation kept) that cuts no span.
 * Boundaries are always next to ASCII whitespace, at a span edge, at 0 or
 * at n, so never inside a UTF-8 sequence.
 */
#include <stdlib.h>

#include "../common/chars.h"
#include "snippet.h"

#define REPEAT_SHARE 0.1 /* what a repeat of a covered group adds */

static double weight_of(const struct term_groups *q, int g)
{
	if (q && g >= 0 && (size_t)g < q->ngroups && q->groups[g].weight > 0)
		return q->groups[g].weight;
	return 1.0;
}

/* ----------------------------------------------------- the best window */

struct tally {
	const struct term_groups *q;
	const struct span *spans;
	unsigned *count;         /* spans in the window per group */
	double score;            /* of the window */
};

static void tally_add(struct tally *t, size_t i, int sign)
{
	int g = t->spans[i].group;
	double w = weight_of(t->q, g);
	if (sign > 0)
		t->score += t->count[g]++ ? REPEAT_SHARE * w : w;
	else
		t->score -= --t->count[g] ? REPEAT_SHARE * w : w;
}

/* The best window: its first span in *FIRST, one past its last in *LAST.
 * Without memory for the tally, the first span alone. */
static void best_window(const struct term_groups *q, const struct span *spans,
                        size_t nspans, size_t target, size_t *first,
                        size_t *last)
{
	int maxg = 0;
	for (size_t i = 0; i < nspans; i++)
		if (spans[i].group > maxg)
			maxg = spans[i].group;
	struct tally t = {q, spans, calloc((size_t)maxg + 1, sizeof(unsigned)),
	                  0};
	*first = 0;
	*last = 1;
	if (!t.count)
		return;
	double best = -1;
	size_t j = 0;
	for (size_t i = 0; i < nspans; i++) {
		if (j <= i) /* a window always holds its first span */
			tally_add(&t, j++, 1);
		while (j < nspans && spans[j].end - spans[i].start <= target)
			tally_add(&t, j++, 1);
		if (t.score > best + 1e-12) {
			best = t.score;
			*first = i;
			*last = j;
		}
		tally_add(&t, i, -1);
	}
	free(t.count);
}

/* --------------------------------------------------------- boundaries */

/* Is P a sentence start: 0, after a newline, or after . ! or ? (and any
 * closing quotes or brackets) and whitespace? */
static int sentence_start(const char *text, size_t p)
{
	if (p == 0)
		return 1;
	if (is_space(text[p]) || !is_space(text[p - 1]))
		return 0;
	size_t k = p;
	while (k > 0 && is_space(text[k - 1]))
		if (text[--k] == '\n')
			return 1;
	while (k > 0 && (text[k - 1] == '"' || text[k - 1] == '\'' ||
	                 text[k - 1] == ')' || text[k - 1] == ']'))
		k--;
	/* U+201D and U+2019, the curly closing quotes: E2 80 9D / 99 */
	while (k >= 3 && (unsigned char)text[k - 3] == 0xE2 &&
	       (unsigned char)text[k - 2] == 0x80 &&
	       ((unsigned char)text[k - 1] == 0x9D ||
	        (unsigned char)text[k - 1] == 0x99))
		k -= 3;
	return k > 0 && (text[k - 1] == '.' || text[k - 1] == '!' ||
	                 text[k - 1] == '?');
}

/* The span of SPANS straddling offset E, or NULL. */
static const struct span *straddling(const struct span *spans, size_t nspans,
                                     size_t e)
{
	for (size_t i = 0; i < nspans; i++)
		if (spans[i].start < e && e < spans[i].end)
			return &spans[i];
	return NULL;
}

/* Where to start showing, for a window whose spans cover [A, E) of a
 * TARGET-byte budget. */
static size_t snap_start(const char *text, size_t a, size_t e, size_t target)
{
	size_t slack = target > e - a ? target - (e - a) : 0;
	size_t reach = slack < target / 3 ? slack : target / 3;
	for (size_t p = a + 1; p-- > a - (reach < a ? reach : a);)
		if (sentence_start(text, p))
			return p;
	size_t lead = slack < target / 6 ? slack : target / 6;
	for (size_t p = a - (lead < a ? lead : a); p < a; p++)
		if (p == 0 || (is_space(text[p - 1]) && !is_space(text[p])))
			return p;
	return a;
}

/* A window starting at S would run past the end of the text: start it
 * earlier instead, at the first sentence start in [LO, S], else at the
 * first word start there. */
static size_t use_the_room(const char *text, size_t lo, size_t s)
{
	for (size_t p = lo; p < s; p++)
		if (sentence_start(text, p))
			return p;
	for (size_t p = lo; p < s; p++)
		if (p == 0 || (is_space(text[p - 1]) && !is_space(text[p])))
			return p;
	return s;
}

/* Where to stop showing: at most E (< N), at least LO (a span end, or the
 * start S), at whitespace outside every span, trailing whitespace trimmed. */
static size_t snap_end(const char *text, size_t s, size_t lo, size_t e,
                       const struct span *spans, size_t nspans)
{
	const struct span *sp = straddling(spans, nspans, e);
	if (sp && sp->start >= lo)
		e = sp->start;
	size_t k = e;
	while (k > lo && !is_space(text[k]))
		k--;
	if (k == lo && lo == s && !is_space(text[k])) {
		k = e; /* one long word: cut it between characters */
		while (k > s && ((unsigned char)text[k] & 0xC0) == 0x80)
			k--;
	}
	while (k > s && is_space(text[k - 1]))
		k--;
	return k;
}

void snippet_choose(const struct term_groups *q, const char *text, size_t n,
                    const struct span *spans, size_t nspans, size_t target,
                    size_t *start, size_t *end)
{
	if (n <= target) {
		*start = 0;
		*end = n;
		return;
	}
	size_t a = 0, e = 0, first = 0, last = 0;
	if (nspans) {
		best_window(q, spans, nspans, target, &first, &last);
		a = spans[first].start;
		e = spans[last - 1].end;
	}
	size_t s = snap_start(text, a, e, target);
	if (s + target > n && !sentence_start(text, s))
		s = use_the_room(text, n - target, s);
	const struct span *cut = straddling(spans, nspans, s);
	if (cut) /* a phrase with a word or sentence start inside */
		s = cut->start;
	size_t stop = s + target > e ? s + target : e;
	*start = s;
	*end = stop >= n ? n : snap_end(text, s, e, stop, spans, nspans);
}
