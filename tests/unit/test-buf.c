/* test-buf.c — unit tests for common/buf.c: the growable buffer's
 * contracts (always NUL-terminated after an append, "" from an empty
 * steal), its sticky errors (a set *rc makes every call a no-op, an
 * impossible size sets DOCKET_NO_MEMORY and leaves the contents alone) and
 * the string copies. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "../../common/buf.h"
#include "../../docket.h"

static void empty_buffer_is_null(void **state)
{
	buf b = BUF_INIT;
	assert_null(b.p);
	assert_int_equal(b.n, 0);
	buf_free(&b); /* freeing an unused buffer is fine */
	buf_free(&b); /* and so is freeing it twice */
	assert_null(b.p);
}

static void appends_concatenate_and_terminate(void **state)
{
	int rc = 0;
	buf b = BUF_INIT;
	buf_append(&rc, &b, "ab\0cd", 5); /* embedded NUL kept */
	buf_puts(&rc, &b, "ef");
	buf_putc(&rc, &b, 'g');
	buf_printf(&rc, &b, "%d-%s", 42, "x");
	assert_int_equal(rc, 0);
	assert_int_equal(b.n, 12);
	assert_memory_equal(b.p, "ab\0cdefg42-x", 13); /* and the NUL */
	assert_true(b.cap > b.n);
	buf_free(&b);
}

static void zero_length_append_makes_a_string(void **state)
{
	int rc = 0;
	buf b = BUF_INIT;
	buf_append(&rc, &b, NULL, 0);
	assert_int_equal(rc, 0);
	assert_non_null(b.p);
	assert_string_equal(b.p, "");
	buf_puts(&rc, &b, "");
	buf_printf(&rc, &b, "%s", "");
	assert_int_equal(b.n, 0);
	assert_string_equal(b.p, "");
	buf_free(&b);
}

static void growth_keeps_contents(void **state)
{
	int rc = 0;
	buf b = BUF_INIT;
	char want[10000];
	for (size_t i = 0; i < sizeof want; i++) {
		want[i] = (char)('a' + i % 26);
		buf_putc(&rc, &b, want[i]);
	}
	assert_int_equal(rc, 0);
	assert_int_equal(b.n, sizeof want);
	assert_memory_equal(b.p, want, sizeof want);
	assert_int_equal(b.p[b.n], '\0');
	buf_free(&b);
}

static void printf_longer_than_capacity(void **state)
{
	int rc = 0;
	buf b = BUF_INIT;
	char big[500];
	memset(big, 'z', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	buf_puts(&rc, &b, "<");
	buf_printf(&rc, &b, "%s>", big); /* longer than the first 64 bytes */
	assert_int_equal(rc, 0);
	assert_int_equal(b.n, 1 + 499 + 1);
	assert_int_equal(b.p[0], '<');
	assert_int_equal(b.p[500], '>');
	assert_int_equal(b.p[501], '\0');
	buf_free(&b);
}

static void reserve_does_not_change_length(void **state)
{
	int rc = 0;
	buf b = BUF_INIT;
	buf_reserve(&rc, &b, 0);
	assert_int_equal(rc, 0);
	assert_string_equal(b.p, ""); /* a reserved buffer is a string */
	buf_puts(&rc, &b, "abc");
	buf_reserve(&rc, &b, 1000);
	assert_int_equal(rc, 0);
	assert_int_equal(b.n, 3);
	assert_true(b.cap >= 1004);
	assert_string_equal(b.p, "abc");
	buf_free(&b);
}

static void reset_keeps_memory(void **state)
{
	int rc = 0;
	buf b = BUF_INIT;
	buf_puts(&rc, &b, "something");
	char *p = b.p;
	size_t cap = b.cap;
	buf_reset(&b);
	assert_int_equal(b.n, 0);
	assert_ptr_equal(b.p, p);
	assert_int_equal(b.cap, cap);
	assert_string_equal(b.p, "");
	buf_puts(&rc, &b, "new");
	assert_string_equal(b.p, "new");
	buf_free(&b);
	buf_reset(&b); /* on an empty buffer: nothing to terminate */
	assert_null(b.p);
}

static void steal_hands_over_and_empties(void **state)
{
	int rc = 0;
	buf b = BUF_INIT;
	char *s = buf_steal(&rc, &b); /* never NULL on success */
	assert_int_equal(rc, 0);
	assert_non_null(s);
	assert_string_equal(s, "");
	free(s);
	buf_puts(&rc, &b, "mine");
	s = buf_steal(&rc, &b);
	assert_string_equal(s, "mine");
	assert_null(b.p);
	assert_int_equal(b.n, 0);
	assert_int_equal(b.cap, 0);
	free(s);
}

/* With *rc already set, nothing changes and nothing is allocated. */
static void set_error_is_sticky(void **state)
{
	int rc = 0;
	buf b = BUF_INIT;
	buf_puts(&rc, &b, "kept");
	rc = DOCKET_IO_ERROR;
	buf_append(&rc, &b, "x", 1);
	buf_puts(&rc, &b, "y");
	buf_putc(&rc, &b, 'z');
	buf_printf(&rc, &b, "%d", 7);
	buf_reserve(&rc, &b, 1 << 20);
	assert_int_equal(rc, DOCKET_IO_ERROR); /* the first error is kept */
	assert_int_equal(b.n, 4);
	assert_string_equal(b.p, "kept");
	assert_true(b.cap < 1 << 20);
	assert_null(buf_steal(&rc, &b));
	assert_string_equal(b.p, "kept"); /* a failed steal leaves B alone */
	assert_null(str_dup(&rc, "a"));
	assert_null(str_ndup(&rc, "a", 1));
	buf_free(&b);

	buf e = BUF_INIT;
	assert_null(buf_steal(&rc, &e)); /* no allocation on an empty one */
	assert_null(e.p);
}

/* A size that cannot be allocated sets DOCKET_NO_MEMORY (without asking
 * malloc for it) and leaves what was there; the error then sticks. */
static void impossible_size_is_no_memory(void **state)
{
	int rc = 0;
	buf b = BUF_INIT;
	buf_puts(&rc, &b, "abc");
	buf_reserve(&rc, &b, SIZE_MAX / 2 + 1);
	assert_int_equal(rc, DOCKET_NO_MEMORY);
	assert_int_equal(b.n, 3);
	assert_string_equal(b.p, "abc");
	buf_puts(&rc, &b, "def");
	assert_int_equal(b.n, 3);
	assert_int_equal(rc, DOCKET_NO_MEMORY);
	buf_free(&b);

	rc = 0;
	buf c = BUF_INIT;
	buf_append(&rc, &c, "", SIZE_MAX / 2 + 1); /* never read: too big */
	assert_int_equal(rc, DOCKET_NO_MEMORY);
	assert_null(c.p);
	assert_int_equal(c.n, 0);

	/* sizes whose n + len + 1 wraps past SIZE_MAX to a small number */
	for (size_t extra = 0; extra < 4; extra++) {
		rc = 0;
		buf w = BUF_INIT;
		buf_puts(&rc, &w, "abc");
		buf_reserve(&rc, &w, SIZE_MAX - extra);
		assert_int_equal(rc, DOCKET_NO_MEMORY);
		assert_string_equal(w.p, "abc");
		buf_free(&w);
	}
}

static void string_copies(void **state)
{
	int rc = 0;
	char *a = str_dup(&rc, "hello");
	char *b = str_dup(&rc, NULL); /* NULL copies as "" */
	char *c = str_ndup(&rc, "hello", 3);
	char *d = str_ndup(&rc, "x\0y", 3); /* N bytes, NULs included */
	char *e = str_ndup(&rc, NULL, 0);
	assert_int_equal(rc, 0);
	assert_string_equal(a, "hello");
	assert_string_equal(b, "");
	assert_string_equal(c, "hel");
	assert_memory_equal(d, "x\0y\0", 4);
	assert_string_equal(e, "");
	free(a), free(b), free(c), free(d), free(e);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(empty_buffer_is_null),
		cmocka_unit_test(appends_concatenate_and_terminate),
		cmocka_unit_test(zero_length_append_makes_a_string),
		cmocka_unit_test(growth_keeps_contents),
		cmocka_unit_test(printf_longer_than_capacity),
		cmocka_unit_test(reserve_does_not_change_length),
		cmocka_unit_test(reset_keeps_memory),
		cmocka_unit_test(steal_hands_over_and_empties),
		cmocka_unit_test(set_error_is_sticky),
		cmocka_unit_test(impossible_size_is_no_memory),
		cmocka_unit_test(string_copies),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
