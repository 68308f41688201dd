/* test-utf8.c — unit tests for common/utf8.c: decoding, encoding, and the
 * repair rules of utf8_sanitize (maximal subparts, NUL, CR, BOM). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "../../common/utf8.h"

/* Sanitise S[0..N) and compare with WANT; returns the replacement count. */
static size_t check(const char *s, size_t n, const char *want)
{
	int rc = 0;
	buf b = BUF_INIT;
	size_t r = utf8_sanitize(&rc, &b, s, n);
	assert_int_equal(rc, 0);
	assert_non_null(b.p);
	assert_int_equal(b.n, strlen(want));
	assert_memory_equal(b.p, want, b.n);
	buf_free(&b);
	return r;
}

#define FFFD "\xEF\xBF\xBD"

static void valid_text_passes(void **state)
{
	const char *s = "caf\xC3\xA9 \xE2\x80\x9Cquoted\xE2\x80\x9D \xF0\x9F\x98\x80";
	assert_int_equal(check(s, strlen(s), s), 0);
	assert_int_equal(check("", 0, ""), 0);
}

static void decode_reports_lengths(void **state)
{
	size_t len;
	assert_int_equal(utf8_decode("A", 1, &len), 'A');
	assert_int_equal(len, 1);
	assert_int_equal(utf8_decode("\xC3\xA9", 2, &len), 0xE9);
	assert_int_equal(len, 2);
	assert_int_equal(utf8_decode("\xE2\x82\xAC", 3, &len), 0x20AC);
	assert_int_equal(len, 3);
	assert_int_equal(utf8_decode("\xF4\x8F\xBF\xBF", 4, &len), 0x10FFFF);
	assert_int_equal(len, 4);
}

static void decode_rejects(void **state)
{
	size_t len;
	const char *bad[] = {"\xC0\xAF", "\xE0\x80\xAF", "\xF0\x80\x80\xAF",
	                     "\xED\xA0\x80", "\xF4\x90\x80\x80", "\x80",
	                     "\xFF", "\xE2\x82"};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		assert_int_equal(utf8_decode(bad[i], strlen(bad[i]), &len), -1);
		assert_int_equal(len, 1);
	}
}

static void encode_round_trips(void **state)
{
	uint32_t cps[] = {0x41, 0xE9, 0x7FF, 0x800, 0x20AC, 0xFFFD, 0x10000,
	                  0x10FFFF};
	for (size_t i = 0; i < sizeof cps / sizeof *cps; i++) {
		char out[4];
		size_t len, n = utf8_encode(cps[i], out);
		assert_int_equal(utf8_decode(out, n, &len), (int32_t)cps[i]);
		assert_int_equal(len, n);
	}
}

static void overlongs_and_surrogates_replaced(void **state)
{
	/* overlong '/' in two bytes: C0 and AF are each a maximal subpart */
	assert_int_equal(check("a\xC0\xAF" "b", 4, "a" FFFD FFFD "b"), 2);
	/* E0 80: E0 cannot be followed by 80, so three replacements */
	assert_int_equal(check("\xE0\x80\xAF", 3, FFFD FFFD FFFD), 3);
	/* surrogate U+D800 */
	assert_int_equal(check("\xED\xA0\x80", 3, FFFD FFFD FFFD), 3);
	/* beyond U+10FFFF */
	assert_int_equal(check("\xF4\x90\x80\x80", 4, FFFD FFFD FFFD FFFD), 4);
	assert_int_equal(check("\xF5\xFF", 2, FFFD FFFD), 2);
}

static void truncated_sequence_is_one_replacement(void **state)
{
	/* E2 82 is a valid prefix of the euro sign: one maximal subpart */
	assert_int_equal(check("x\xE2\x82y", 4, "x" FFFD "y"), 1);
	assert_int_equal(check("\xF0\x9F\x98", 3, FFFD), 1);
	/* truncated at the very end of the input */
	assert_int_equal(check("ok\xC3", 3, "ok" FFFD), 1);
}

static void lone_continuations_replaced(void **state)
{
	assert_int_equal(check("\x80\x80z", 3, FFFD FFFD "z"), 2);
}

static void nul_cr_bom(void **state)
{
	assert_int_equal(check("a\0b", 3, "a b"), 1);
	assert_int_equal(check("l1\r\nl2\rl3\n", 10, "l1\nl2\nl3\n"), 0);
	assert_int_equal(check("\xEF\xBB\xBFtitle", 8, "title"), 0);
	/* only a leading BOM is dropped */
	assert_int_equal(check("x\xEF\xBB\xBF", 4, "x\xEF\xBB\xBF"), 0);
	assert_int_equal(check("\xEF\xBB\xBF", 3, ""), 0);
}

static void sanitize_is_sticky(void **state)
{
	int rc = 7;
	buf b = BUF_INIT;
	assert_int_equal(utf8_sanitize(&rc, &b, "abc", 3), 0);
	assert_null(b.p);
	assert_int_equal(rc, 7);
}

static void floor_stays_on_boundaries(void **state)
{
	const char *s = "a\xC3\xA9" "b\xE2\x82\xAC";
	size_t n = strlen(s);
	assert_int_equal(utf8_floor(s, n, 0), 0);
	assert_int_equal(utf8_floor(s, n, 2), 1);
	assert_int_equal(utf8_floor(s, n, 3), 3);
	assert_int_equal(utf8_floor(s, n, 6), 4);
	assert_int_equal(utf8_floor(s, n, 99), n);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(valid_text_passes),
		cmocka_unit_test(decode_reports_lengths),
		cmocka_unit_test(decode_rejects),
		cmocka_unit_test(encode_round_trips),
		cmocka_unit_test(overlongs_and_surrogates_replaced),
		cmocka_unit_test(truncated_sequence_is_one_replacement),
		cmocka_unit_test(lone_continuations_replaced),
		cmocka_unit_test(nul_cr_bom),
		cmocka_unit_test(sanitize_is_sticky),
		cmocka_unit_test(floor_stays_on_boundaries),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
