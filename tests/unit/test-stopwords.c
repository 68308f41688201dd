/* test-stopwords.c — common/stopwords.c: which languages have a list, what
 * the English one holds and leaves out, and lengths that must match whole. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "../../common/stopwords.h"

static int in(const char *const *list, const char *w)
{
	return stopword_in(list, w, strlen(w));
}

static void english_list(void **state)
{
	const char *const *en = stopwords_for("english");
	assert_non_null(en);
	assert_ptr_equal(stopwords_for("porter"), en);
	assert_true(in(en, "the"));
	assert_true(in(en, "of"));
	assert_true(in(en, "was"));
	assert_true(in(en, "why"));
	/* words that are names or content in court coverage stay */
	assert_false(in(en, "may"));
	assert_false(in(en, "will"));
	assert_false(in(en, "not"));
	assert_false(in(en, "judge"));
	/* a whole word: a prefix or a longer word is not one */
	assert_false(stopword_in(en, "theory", 6));
	assert_true(stopword_in(en, "theory", 3));
	assert_false(in(en, "th"));
	assert_false(in(en, "The")); /* lower case only */
}

static void other_languages(void **state)
{
	assert_null(stopwords_for("french"));
	assert_null(stopwords_for("none"));
	assert_null(stopwords_for(NULL));
	assert_false(stopword_in(NULL, "the", 3));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(english_list),
		cmocka_unit_test(other_languages),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
