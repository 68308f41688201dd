/* test-filestate.c — unit tests for indexer/filestate.c: the file key and
 * content hash (hex XXH3, stored in every index, so their values are
 * pinned), the record value's format and parse (round trip, malformed
 * values refused), and the open-addressing table (find, replace, growth
 * past its first 1,024 slots, copies of paths). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "../../indexer/filestate.h"

static void keys_and_hashes_are_pinned(void **state)
{
	char k[FILE_KEY_LEN + 1], h[33];
	file_key("/tmp/a.txt", k);
	assert_string_equal(k, "faa908f7efbe20a6");
	content_hash("", 0, h);
	assert_string_equal(h, "99aa06d3014798d86001c324468d497f"); /* XXH3-128 */
	content_hash("abc", 3, h);
	assert_string_equal(h, "06b05ab6733a618578af5f94892f3950");
	content_hash("abcd", 3, h); /* N bytes only */
	assert_string_equal(h, "06b05ab6733a618578af5f94892f3950");
	file_key("/tmp/b.txt", k);
	assert_string_not_equal(k, "faa908f7efbe20a6");
	assert_int_equal(strlen(k), FILE_KEY_LEN);
}

/* A record for PATH with made-up size, time and content. */
static struct file_rec rec(const char *path, long long size)
{
	struct file_rec r = {.path = (char *)path, .size = size,
	                     .mtime_ns = 1700000000123456789LL};
	file_key(path, r.key);
	content_hash(path, strlen(path), r.hash);
	return r;
}

static void format_then_parse_round_trips(void **state)
{
	int rc = 0;
	buf b = BUF_INIT;
	struct file_rec r = rec("/srv/news/a b\tc.html", 12345), back;
	memset(&back, 0, sizeof back);
	file_rec_format(&rc, &b, &r);
	assert_int_equal(rc, 0);
	assert_int_equal(file_rec_parse(b.p, b.n, &back), 0);
	assert_int_equal(back.size, 12345);
	assert_int_equal(back.mtime_ns, 1700000000123456789LL);
	assert_string_equal(back.hash, r.hash);
	assert_string_equal(back.path, r.path); /* points into the value */
	assert_true(back.path > b.p && back.path < b.p + b.n);
	buf_free(&b);
}

static void format_is_sticky(void **state)
{
	int rc = 5;
	buf b = BUF_INIT;
	struct file_rec r = rec("/a", 1);
	file_rec_format(&rc, &b, &r);
	assert_int_equal(rc, 5);
	assert_null(b.p);
}

static void parse_refuses_malformed_values(void **state)
{
	static const char *const bad[] = {
		"",                      /* nothing */
		"1 2 abc",               /* no newline before the path */
		"1 2\n/p",               /* no hash */
		"x 2 abc\n/p",           /* size not a number */
		"1 y abc\n/p",           /* time not a number */
	};
	char longhead[300];
	struct file_rec r;
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		assert_int_equal(file_rec_parse(bad[i], strlen(bad[i]), &r), -1);
	/* A head longer than any real one is refused, not overrun. */
	memset(longhead, '1', sizeof longhead);
	longhead[sizeof longhead - 3] = '\n';
	longhead[sizeof longhead - 2] = '/';
	longhead[sizeof longhead - 1] = '\0';
	assert_int_equal(file_rec_parse(longhead, strlen(longhead), &r), -1);
	/* The newline must be within the N bytes given. */
	assert_int_equal(file_rec_parse("1 2 abc\n/p", 7, &r), -1);
}

static void empty_table_finds_nothing(void **state)
{
	struct file_table t = {0};
	assert_null(file_table_find(&t, "0123456789abcdef"));
	file_table_free(&t);
	file_table_free(&t); /* twice is fine */
	assert_int_equal(t.n, 0);
}

static void put_copies_and_replaces(void **state)
{
	struct file_table t = {0};
	char path[] = "/srv/news/a.html";
	struct file_rec r = rec(path, 10), *got;
	got = file_table_put(&t, &r);
	assert_non_null(got);
	assert_int_equal(t.n, 1);
	assert_ptr_not_equal(got->path, path); /* the table owns a copy */
	path[1] = 'X';
	got = file_table_find(&t, r.key);
	assert_non_null(got);
	assert_string_equal(got->path, "/srv/news/a.html");
	assert_int_equal(got->size, 10);

	r.path = "/srv/news/a.html";
	r.size = 20;
	r.seen = 1;
	assert_ptr_equal(file_table_put(&t, &r), got); /* same slot */
	assert_int_equal(t.n, 1);
	assert_int_equal(got->size, 20);
	assert_int_equal(got->seen, 1);
	assert_null(file_table_find(&t, "0000000000000000"));
	file_table_free(&t);
	assert_null(t.slots);
}

/* Three thousand records: the table grows twice and loses none. */
static void growth_keeps_every_record(void **state)
{
	struct file_table t = {0};
	enum { N = 3000 };
	char path[64], key[FILE_KEY_LEN + 1];
	for (int i = 0; i < N; i++) {
		snprintf(path, sizeof path, "/corpus/%d.txt", i);
		struct file_rec r = rec(path, i);
		assert_non_null(file_table_put(&t, &r));
	}
	assert_int_equal(t.n, N);
	assert_true(t.cap >= 2 * N); /* at most half full */
	assert_int_equal(t.cap & (t.cap - 1), 0); /* a power of two */
	for (int i = 0; i < N; i++) {
		snprintf(path, sizeof path, "/corpus/%d.txt", i);
		file_key(path, key);
		struct file_rec *got = file_table_find(&t, key);
		assert_non_null(got);
		assert_string_equal(got->path, path);
		assert_int_equal(got->size, i);
	}
	file_table_free(&t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(keys_and_hashes_are_pinned),
		cmocka_unit_test(format_then_parse_round_trips),
		cmocka_unit_test(format_is_sticky),
		cmocka_unit_test(parse_refuses_malformed_values),
		cmocka_unit_test(empty_table_finds_nothing),
		cmocka_unit_test(put_copies_and_replaces),
		cmocka_unit_test(growth_keeps_every_record),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
