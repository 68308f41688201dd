/* test-snippet.c — searcher/snippet.c: which window of a passage is shown
 * around its highlights. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "../../common/schema.h"
#include "../../searcher/highlight.h"
#include "../../searcher/snippet.h"

static void add(struct term_groups *q, const char *term, double weight)
{
	struct group_term t = {(char *)term, 0};
	assert_int_equal(term_groups_add(q, GROUP_TERM, FIELD_BODY, 0, &t, 1, weight),
	                 0);
}

/* Highlight TEXT for Q, choose a window of TARGET bytes, check the
 * invariants every window keeps, and return it as a string. */
static const char *window(const struct term_groups *q, const char *text,
                          size_t target)
{
	static char out[4096];
	size_t n = strlen(text), a, e, ns;
	struct span *s;
	assert_int_equal(highlight_find(q, FIELD_BODY, NULL, text, n, &s, &ns),
	                 0);
	snippet_choose(q, text, n, s, ns, target, &a, &e);
	assert_true(a <= e && e <= n);
	/* never inside a UTF-8 sequence */
	assert_true(a == n || ((unsigned char)text[a] & 0xC0) != 0x80);
	assert_true(e == n || ((unsigned char)text[e] & 0xC0) != 0x80);
	/* never through a highlight */
	for (size_t i = 0; i < ns; i++) {
		assert_false(s[i].start < a && a < s[i].end);
		assert_false(s[i].start < e && e < s[i].end);
	}
	free(s);
	memcpy(out, text + a, e - a);
	out[e - a] = '\0';
	return out;
}

static void whole_short_text(void **state)
{
	struct term_groups q = {0};
	add(&q, "storm", 1);
	assert_string_equal(window(&q, "A storm.", 100), "A storm.");
	assert_string_equal(window(&q, "", 100), "");
	assert_string_equal(window(&q, "No match here.", 14), "No match here.");
	term_groups_free(&q);
}

static void no_match_starts_at_top(void **state)
{
	struct term_groups q = {0};
	add(&q, "zebra", 1);
	assert_string_equal(window(&q, "One two three. Four five six.", 16),
	                    "One two three.");
	term_groups_free(&q);
}

static void best_window_beats_first_match(void **state)
{
	struct term_groups q = {0};
	add(&q, "musk", 1);
	add(&q, "altman", 1);
	const char *text =
		"Musk spoke first. Then came a long stretch of filler text "
		"about nothing in particular, going on and on. Later Musk "
		"faced Altman in court.";
	assert_string_equal(window(&q, text, 40), "Later Musk faced Altman in court.");
	term_groups_free(&q);
}

static void distinct_terms_preferred(void **state)
{
	struct term_groups q = {0};
	add(&q, "storm", 1);
	add(&q, "trial", 1);
	/* three storms early, one storm and one trial later */
	const char *text =
		"Storm storm storm, they said. Some filler words to take up "
		"room here. A storm before the trial.";
	assert_string_equal(window(&q, text, 34), "A storm before the trial.");
	/* unless one term weighs more than two others */
	struct term_groups q2 = {0};
	add(&q2, "storm", 1);
	add(&q2, "trial", 1);
	add(&q2, "said", 3);
	assert_string_equal(window(&q2, text, 34),
	                    "Storm storm storm, they said. Some");
	term_groups_free(&q);
	term_groups_free(&q2);
}

static void sentence_and_word_snapping(void **state)
{
	struct term_groups q = {0};
	add(&q, "verdict", 1);
	const char *text =
		"The first sentence is here and is rather long indeed. The "
		"verdict came on Friday after a week of deliberation by them.";
	/* the sentence start is 4 bytes back: taken; the end stops at a
	 * word, punctuation kept */
	assert_string_equal(window(&q, text, 40),
	                    "The verdict came on Friday after a week");
	/* a sentence start too far back: a word start close by instead */
	const char *text2 =
		"Here are many words before the match, in one long sentence "
		"which goes on and on until the verdict arrives, eventually.";
	const char *w = window(&q, text2, 30);
	assert_true(strstr(w, "verdict") != NULL);
	assert_true(w[0] != ' ' && w[strlen(w) - 1] != ' ');
	assert_true(w == strstr(w, "until") || w == strstr(w, "the") ||
	            w == strstr(w, "verdict"));
	term_groups_free(&q);
}

static void utf8_never_split(void **state)
{
	struct term_groups q = {0};
	add(&q, "zzz", 1);
	/* no spaces at all: the end must fall between characters */
	char text[300] = "";
	for (int i = 0; i < 100; i++)
		strcat(text, "é");
	for (size_t t = 1; t < 40; t++)
		window(&q, text, t);
	/* and mixed: 3-byte dashes between words */
	assert_string_equal(window(&q, "ab—cd—ef gh—ij—kl mn—op", 12),
	                    "ab—cd—ef");
	term_groups_free(&q);
}

static void long_span_shown_whole(void **state)
{
	struct term_groups q = {0};
	struct group_term t[3] = {{"one", 0}, {"two", 0}, {"three", 0}};
	assert_int_equal(term_groups_add(&q, GROUP_PHRASE, FIELD_BODY, 0, t, 3, 1), 0);
	assert_string_equal(window(&q, "Zero. One two three four five six.", 5),
	                    "One two three");
	/* the lead-in before a later match must not start inside a phrase:
	 * it goes back to the phrase's start */
	term_groups_free(&q);
	struct group_term p[4] = {{"alpha", 0}, {"beta", 0}, {"gamma", 0},
	                       {"eps", 0}};
	struct group_term u = {"seven", 0};
	assert_int_equal(term_groups_add(&q, GROUP_PHRASE, FIELD_BODY, 0, p, 4, 1), 0);
	assert_int_equal(term_groups_add(&q, GROUP_TERM, FIELD_BODY, 0, &u, 1, 5), 0);
	assert_string_equal(window(&q, "Zero alpha beta gamma eps seven eight "
	                               "nine ten eleven twelve.", 24),
	                    "alpha beta gamma eps seven");
	term_groups_free(&q);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(whole_short_text),
		cmocka_unit_test(no_match_starts_at_top),
		cmocka_unit_test(best_window_beats_first_match),
		cmocka_unit_test(distinct_terms_preferred),
		cmocka_unit_test(sentence_and_word_snapping),
		cmocka_unit_test(utf8_never_split),
		cmocka_unit_test(long_span_shown_whole),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
