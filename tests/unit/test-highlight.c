/* test-highlight.c — searcher/highlight.c: which bytes of a passage get
 * highlighted for terms, stems, phrases, NEAR groups and wildcards. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "../../common/schema.h"
#include "../../searcher/highlight.h"

static struct stemmer *st;

static int setup(void **state)
{
	st = stem_new("english");
	return st ? 0 : -1;
}

static int teardown(void **state)
{
	stem_free(st);
	return 0;
}

/* Add a group of the space-separated TERMS (a leading '~' marks a stemmed
 * term). */
static void add(struct term_groups *q, enum group_kind kind, int field,
                unsigned window, const char *terms, double weight)
{
	struct group_term t[8];
	char copy[256], *save = NULL;
	size_t n = 0;
	strcpy(copy, terms);
	for (char *w = strtok_r(copy, " ", &save); w && n < 8;
	     w = strtok_r(NULL, " ", &save)) {
		t[n].stemmed = w[0] == '~';
		t[n].text = w + t[n].stemmed;
		n++;
	}
	assert_int_equal(term_groups_add(q, kind, field, window, t, n, weight), 0);
}

/* The highlighted pieces of TEXT joined by '|', each tagged with its
 * group: "0:word|1:a phrase". */
static const char *marks(const struct term_groups *q, int field,
                         const char *text)
{
	static char out[1024];
	struct span *s;
	size_t n;
	assert_int_equal(highlight_find(q, field, st, text, strlen(text), &s, &n),
	                 0);
	out[0] = '\0';
	for (size_t i = 0; i < n; i++) {
		char piece[256];
		assert_true(s[i].start < s[i].end);
		assert_true(s[i].end <= strlen(text));
		if (i)
			assert_true(s[i - 1].end < s[i].start);
		snprintf(piece, sizeof piece, "%s%d:%.*s", i ? "|" : "",
		         s[i].group, (int)(s[i].end - s[i].start),
		         text + s[i].start);
		strcat(out, piece);
	}
	free(s);
	return out;
}

static void surface_term(void **state)
{
	struct term_groups q = {0};
	add(&q, GROUP_TERM, FIELD_BODY, 0, "storm", 1);
	assert_string_equal(marks(&q, FIELD_BODY,
	                          "A Storm, brainstorm; storms. STORM!"),
	                    "0:Storm|0:STORM");
	term_groups_free(&q);
}

static void stemmed_term(void **state)
{
	struct term_groups q = {0};
	add(&q, GROUP_TERM, FIELD_BODY, 0, "~partnership", 1);
	add(&q, GROUP_TERM, FIELD_BODY, 0, "~storm", 1);
	assert_string_equal(
		marks(&q, FIELD_BODY,
		      "Partnerships formed; the partnership stormed off."),
		"0:Partnerships|0:partnership|1:stormed");
	term_groups_free(&q);
}

static void offsets_on_words(void **state)
{
	struct term_groups q = {0};
	add(&q, GROUP_TERM, FIELD_BODY, 0, "microsoft's", 1);
	add(&q, GROUP_TERM, FIELD_BODY, 0, "café", 1);
	const char *text = "“Microsoft’s” café—open";
	struct span *s;
	size_t n;
	assert_int_equal(highlight_find(&q, FIELD_BODY, st, text, strlen(text),
	                                &s, &n), 0);
	assert_int_equal(n, 2);
	assert_int_equal(s[0].start, 3);  /* after the 3-byte “ */
	assert_int_equal(s[0].end, 16);   /* before ” */
	assert_int_equal(s[1].start, 20); /* after ” and a space */
	assert_int_equal(s[1].end, 25);   /* é is two bytes; — follows */
	free(s);
	term_groups_free(&q);
}

static void phrase(void **state)
{
	struct term_groups q = {0};
	add(&q, GROUP_PHRASE, FIELD_BODY, 0, "storm off", 2);
	assert_string_equal(
		marks(&q, FIELD_BODY,
		      "Off they go: a storm, then off. Musk may storm off now."),
		"0:storm off");
	term_groups_free(&q);
	/* a phrase of stems, within a window of 4 positions, in order */
	add(&q, GROUP_PHRASE, FIELD_BODY, 4, "~storm ~off", 2);
	assert_string_equal(
		marks(&q, FIELD_BODY, "off storming right back off; storms x y z off"),
		"0:storming right back off");
	term_groups_free(&q);
}

static void near(void **state)
{
	struct term_groups q = {0};
	add(&q, GROUP_NEAR, FIELD_BODY, 3, "musk altman", 1);
	assert_string_equal(
		marks(&q, FIELD_BODY,
		      "Altman met Musk. Musk a b c Altman, then x y z Musk alone."),
		"0:Altman met Musk");
	term_groups_free(&q);
	/* one word cannot stand for two terms */
	add(&q, GROUP_NEAR, FIELD_BODY, 5, "musk musk", 1);
	assert_string_equal(marks(&q, FIELD_BODY, "Musk x y z w v Musk"), "");
	assert_string_equal(marks(&q, FIELD_BODY, "Musk and Musk"),
	                    "0:Musk and Musk");
	term_groups_free(&q);
}

static void wildcard(void **state)
{
	struct term_groups q = {0};
	add(&q, GROUP_WILDCARD, FIELD_BODY, 0, "antitr", 1);
	assert_string_equal(marks(&q, FIELD_BODY,
	                          "Antitrust and anti-trust; antitr."),
	                    "0:Antitrust|0:antitr");
	term_groups_free(&q);
}

static void field_filter(void **state)
{
	struct term_groups q = {0};
	add(&q, GROUP_TERM, FIELD_TITLE, 0, "storm", 1);
	add(&q, GROUP_TERM, FIELD_BODY, 0, "off", 1);
	assert_string_equal(marks(&q, FIELD_BODY, "storm off"), "1:off");
	assert_string_equal(marks(&q, FIELD_TITLE, "storm off"), "0:storm");
	assert_string_equal(marks(&q, FIELD_AUTHOR, "storm off"), "");
	term_groups_free(&q);
}

static void overlaps_merged(void **state)
{
	struct term_groups q = {0};
	add(&q, GROUP_TERM, FIELD_BODY, 0, "storm", 1);
	add(&q, GROUP_PHRASE, FIELD_BODY, 0, "musk storms off", 5);
	add(&q, GROUP_TERM, FIELD_BODY, 0, "off", 1);
	add(&q, GROUP_PHRASE, FIELD_BODY, 0, "off again", 0.5);
	assert_string_equal(
		marks(&q, FIELD_BODY, "storm: musk storms off again, storm"),
		"0:storm|1:musk storms off again|0:storm");
	term_groups_free(&q);
}

static void empty_cases(void **state)
{
	struct term_groups q = {0};
	struct span *s = (struct span *)&q;
	size_t n = 99;
	assert_int_equal(highlight_find(&q, FIELD_BODY, st, "text", 4, &s, &n), 0);
	assert_int_equal(n, 0);
	free(s);
	add(&q, GROUP_WILDCARD, FIELD_BODY, 0, "", 1); /* matches nothing */
	add(&q, GROUP_TERM, FIELD_BODY, 0, "storm", 1);
	assert_string_equal(marks(&q, FIELD_BODY, ""), "");
	assert_string_equal(marks(&q, FIELD_BODY, "no match"), "");
	/* without a stemmer, stemmed terms compare words */
	term_groups_free(&q);
	add(&q, GROUP_TERM, FIELD_BODY, 0, "~storm", 1);
	assert_int_equal(highlight_find(&q, FIELD_BODY, NULL, "storm storms", 12,
	                                &s, &n), 0);
	assert_int_equal(n, 1);
	assert_int_equal(s[0].end, 5);
	free(s);
	term_groups_free(&q);
	term_groups_free(NULL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(surface_term),
		cmocka_unit_test(stemmed_term),
		cmocka_unit_test(offsets_on_words),
		cmocka_unit_test(phrase),
		cmocka_unit_test(near),
		cmocka_unit_test(wildcard),
		cmocka_unit_test(field_filter),
		cmocka_unit_test(overlaps_merged),
		cmocka_unit_test(empty_cases),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
