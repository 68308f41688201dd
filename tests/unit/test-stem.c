/* test-stem.c — common/stem.c: stems, numbers, unknown languages, the cache
 * giving the same answers as libstemmer itself, and which languages keep a
 * word's first byte. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>
#include <libstemmer.h>

#include "../../common/stem.h"

static const char *stem(struct stemmer *st, const char *w)
{
	size_t len;
	const char *s = stem_word(st, w, strlen(w), &len);
	assert_int_equal(strlen(s), len);
	return s;
}

static void english(void **state)
{
	struct stemmer *st = stem_new("english");
	assert_non_null(st);
	assert_string_equal(stem(st, "partnerships"), "partnership");
	assert_string_equal(stem(st, "storming"), "storm");
	assert_string_equal(stem(st, "storms"), "storm");
	assert_string_equal(stem(st, "microsoft's"), "microsoft");
	/* a second time, from the cache */
	assert_string_equal(stem(st, "partnerships"), "partnership");
	/* only N bytes of the word count */
	size_t len;
	assert_string_equal(stem_word(st, "stormingXYZ", 8, &len), "storm");
	stem_free(st);
}

static void languages(void **state)
{
	assert_null(stem_new("klingon"));
	assert_null(stem_new(NULL));
	assert_true(stem_known("english"));
	assert_true(stem_known("french"));
	assert_false(stem_known("klingon"));
	assert_false(stem_known(""));
	struct stemmer *st = stem_new("french");
	assert_non_null(st);
	assert_string_equal(stem(st, "continuellement"), "continuel");
	stem_free(st);
	stem_free(NULL);
}

/* Words made up to collide in a small cache: many distinct words, each
 * seen several times in a shuffled order. */
static void cache_agrees(void **state)
{
	static const char *roots[] = {
		"storm", "partner", "file", "court", "judge", "rule", "appeal",
		"claim", "settle", "argue", "witness", "testify", "motion",
		"dismiss", "govern", "regulate", "merge", "acquire", "train",
		"copy", "infringe", "license", "publish", "report",
	};
	static const char *ends[] = {
		"", "s", "ed", "ing", "er", "ers", "ship", "ships", "ment",
		"ments", "ation", "ations", "ly", "ness", "ful", "ive",
	};
	struct stemmer *st = stem_new("english");
	struct sb_stemmer *sb = sb_stemmer_new("english", "UTF_8");
	assert_non_null(st);
	assert_non_null(sb);
	size_t nr = sizeof roots / sizeof *roots, ne = sizeof ends / sizeof *ends;
	unsigned x = 12345;
	for (int round = 0; round < 20000; round++) {
		x = x * 1103515245u + 12345u;
		char w[64];
		snprintf(w, sizeof w, "%s%s%s", roots[(x >> 8) % nr],
		         ends[(x >> 16) % ne], (x >> 28) & 1 ? "x" : "");
		const sb_symbol *want =
			sb_stemmer_stem(sb, (const sb_symbol *)w, (int)strlen(w));
		size_t len;
		const char *got = stem_word(st, w, strlen(w), &len);
		assert_int_equal(len, (size_t)sb_stemmer_length(sb));
		assert_memory_equal(got, want, len);
	}
	sb_stemmer_delete(sb);
	stem_free(st);
}

/* A word starting with a digit is its own stem, though Snowball would cut
 * some ("24hours" -> "24hour"): the index keeps numbers as typed. */
static void numbers(void **state)
{
	struct stemmer *st = stem_new("english");
	assert_true(stem_keeps("24hours", 7));
	assert_false(stem_keeps("hours24", 7));
	assert_false(stem_keeps("", 0));
	assert_string_equal(stem(st, "24hours"), "24hours");
	assert_string_equal(stem(st, "2000ers"), "2000ers");
	assert_string_equal(stem(st, "2019"), "2019");
	assert_string_equal(stem(st, "hours"), "hour");
	stem_free(st);
}

static void long_word(void **state)
{
	struct stemmer *st = stem_new("english");
	char w[301];
	memset(w, 'a', 296);
	strcpy(w + 296, "ings");
	size_t len;
	const char *s = stem_word(st, w, 300, &len);
	assert_int_equal(len, 296); /* past the cache: "ings" still goes */
	assert_int_equal(strlen(s), len);
	stem_free(st);
}

/* English keeps the first byte (the highlighter relies on it), on the
 * words its rules treat specially and words of every initial letter;
 * German does not claim to (it turns "äpfel" into "apfel"). */
static void keeps_first(void **state)
{
	static const char *const words[] = {
		"skies", "dying", "lying", "tying", "idly", "gently", "ugly",
		"early", "only", "singly", "news", "howe", "atlas", "cosmos",
		"bias", "andes", "yelling", "youth", "yayyy", "generously",
		"communities", "arsenal", "ies", "ied", "ss", "us", "y", "a",
		"abilities", "bureaucracies", "cyclists", "dismissed", "emailed",
		"fairly", "guaranteed", "hyphenated", "injunctions", "jurors",
		"knowingly", "lawsuits", "motions", "notified", "objections",
		"plaintiffs", "quashed", "rulings", "subpoenaed", "testified",
		"unsealed", "verdicts", "warranties", "xeroxed", "zealously",
		"ĺight", "élan", "über"};
	struct stemmer *st = stem_new("english");
	assert_non_null(st);
	assert_true(stem_keeps_first(st));
	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
		const char *s = stem(st, words[i]);
		if (s[0] != words[i][0])
			fail_msg("stem(%s) = %s changes the first byte", words[i], s);
	}
	stem_free(st);
	st = stem_new("german");
	assert_non_null(st);
	assert_false(stem_keeps_first(st));
	assert_string_equal(stem(st, "äpfel"), "apfel");
	stem_free(st);
	assert_false(stem_keeps_first(NULL));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(english),
		cmocka_unit_test(keeps_first),
		cmocka_unit_test(languages),
		cmocka_unit_test(cache_agrees),
		cmocka_unit_test(numbers),
		cmocka_unit_test(long_word),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
