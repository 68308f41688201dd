/* test-diff.c — cli/diff.c, the word diff `docket copies` prints: runs in
 * order, removals before the additions that replace them, quote style
 * and case not counted as changes, empty sides.  cli/ is not part of the
 * library, so the file is compiled in here. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "../../cli/diff.c"

/* The runs of a diff as "op[words] " text. */
static int gather(void *ctx, enum diff_op op, const char *w, size_t n)
{
	char *out = ctx;
	size_t at = strlen(out);
	snprintf(out + at, 1024 - at, "%c[%.*s] ", op, (int)n, w);
	return 0;
}

static const char *diff(const char *a, const char *b, size_t *added, size_t *removed)
{
	static char out[1024];
	out[0] = '\0';
	assert_int_equal(diff_words(a, b, gather, out, added, removed), 0);
	return out;
}

static void runs_in_order(void **state)
{
	(void)state;
	size_t a, r;
	assert_string_equal(diff("the state skipped a hearing", "regulators skipped a hearing last year", &a, &r),
	                    "-[the state] +[regulators] =[skipped a hearing] +[last year] ");
	assert_int_equal(a, 3);
	assert_int_equal(r, 2);
}

static void quotes_and_case_are_not_changes(void **state)
{
	(void)state;
	size_t a, r;
	assert_string_equal(diff("\xe2\x80\x9cNo,\xe2\x80\x9d the Judge\nsaid \xe2\x80\x94 twice",
	                         "\"No,\" the judge said - twice", &a, &r),
	                    "=[\"No,\" the judge said - twice] ");
	assert_int_equal(a + r, 0);
}

static void empty_sides(void **state)
{
	(void)state;
	size_t a, r;
	assert_string_equal(diff("", "two words", &a, &r), "+[two words] ");
	assert_int_equal(a, 2);
	assert_string_equal(diff("two words", "  ", &a, &r), "-[two words] ");
	assert_int_equal(r, 2);
	assert_string_equal(diff("", "", &a, &r), "");
}

static int stop_at_first(void *ctx, enum diff_op op, const char *w, size_t n)
{
	(void)ctx, (void)op, (void)w, (void)n;
	return 1;
}

static void callback_stops(void **state)
{
	(void)state;
	size_t a, r;
	assert_int_equal(diff_words("a b c", "a x c", stop_at_first, NULL, &a, &r), 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(runs_in_order),
		cmocka_unit_test(quotes_and_case_are_not_changes),
		cmocka_unit_test(empty_sides),
		cmocka_unit_test(callback_stops),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
