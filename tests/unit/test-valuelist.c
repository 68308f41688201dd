/* test-valuelist.c — unit tests for engine/valuelist.c (the one list
 * encoding of multi-valued slots, documented in common/schema.h) and
 * searcher/strmap.c (interning for distinct counts): exact bytes, round
 * trips, damaged lists that must end early without reading past the end,
 * dense ids across table growth, and intern_last's shortcut. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "../../engine/valuelist.h"
#include "../../searcher/strmap.h"

static void layout(void **state)
{
	int rc = 0;
	buf b = BUF_INIT;
	valuelist_add(&rc, &b, "reuters.com", 11);
	valuelist_add(&rc, &b, "", 0);
	char big[200];
	memset(big, 'x', sizeof big);
	valuelist_add(&rc, &b, big, sizeof big);
	assert_int_equal(rc, 0);
	assert_int_equal(b.n, 1 + 11 + 1 + 2 + 200);
	assert_memory_equal(b.p, "\x0breuters.com\x00", 13);
	assert_int_equal((unsigned char)b.p[13], 0xC8); /* 200 = 0x48 | 0x80, 0x01 */
	assert_int_equal((unsigned char)b.p[14], 0x01);
	struct valuelist_iter it;
	const char *s;
	size_t n;
	valuelist_begin(&it, b.p, b.n);
	assert_true(valuelist_next(&it, &s, &n) && n == 11 && !memcmp(s, "reuters.com", 11));
	assert_true(valuelist_next(&it, &s, &n) && n == 0);
	assert_true(valuelist_next(&it, &s, &n) && n == 200 && s[199] == 'x');
	assert_false(valuelist_next(&it, &s, &n));
	buf_free(&b);
}

static void damaged(void **state)
{
	struct valuelist_iter it;
	const char *s;
	size_t n;
	/* a length past the end: nothing read */
	char *d = malloc(3);
	memcpy(d, "\x05" "ab", 3);
	valuelist_begin(&it, d, 3);
	assert_false(valuelist_next(&it, &s, &n));
	/* a length cut in its middle */
	d[0] = (char)0x80;
	valuelist_begin(&it, d, 1);
	assert_false(valuelist_next(&it, &s, &n));
	valuelist_begin(&it, d, 0);
	assert_false(valuelist_next(&it, &s, &n));
	free(d);
}

static void interning(void **state)
{
	struct strmap m = STRMAP_INIT;
	char key[16];
	int added;
	for (int i = 0; i < 5000; i++) {
		snprintf(key, sizeof key, "k%d", i);
		assert_int_equal(strmap_intern(&m, key, strlen(key), &added), (size_t)i);
		assert_int_equal(added, 1);
	}
	assert_int_equal(strmap_intern(&m, "k1234", 5, &added), 1234);
	assert_int_equal(added, 0);
	assert_string_equal(m.key[4999], "k4999");
	/* bytes, not C strings: an embedded NUL is part of the key */
	size_t a = strmap_intern(&m, "x\0y", 3, NULL), b = strmap_intern(&m, "x\0z", 3, NULL);
	assert_true(a != b);
	size_t last = STRMAP_NONE;
	assert_int_equal(strmap_intern_last(&m, &last, "k7", 2, &added), 7);
	assert_int_equal(last, 7);
	assert_int_equal(strmap_intern_last(&m, &last, "k7", 2, &added), 7);
	assert_int_equal(added, 0);
	size_t id = strmap_intern_last(&m, &last, "new", 3, &added);
	assert_int_equal(id, m.n - 1);
	assert_int_equal(added, 1);
	strmap_free(&m);
	assert_int_equal(m.n, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(layout),
		cmocka_unit_test(damaged),
		cmocka_unit_test(interning),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
