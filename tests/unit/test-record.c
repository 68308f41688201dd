/* test-record.c — unit tests for common/record.c: the round trip, the
 * exact byte layout, and rejection of every kind of malformed input. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "../../common/record.h"

static void fill(struct record *r)
{
	static const char *const v[REC_NFIELDS] = {
		"a.txt#1", "a.txt", "news/a.txt", "Judge weighs motion",
		"The Daily Docket", "Jane Roe", "2026-04-27", "https://x.test/a",
		"Key points", "1", "1", "wired.com\ntheverge.com",
		"The judge heard arguments on Monday.",
		"Delacroix v. Nimbus", "25-cv-4418", "N.D. Cal.", "Rita F. Lindqvist",
		"PX-17\nDkt. 88", "4\t9\tsaid\tJane Roe\n", "ap", "2026-04-27"};
	for (int f = 0; f < REC_NFIELDS; f++) {
		r->f[f] = v[f] ? v[f] : "";
		r->len[f] = strlen(r->f[f]);
	}
}

static buf encode(const struct record *r)
{
	int rc = 0;
	buf b = BUF_INIT;
	record_encode(&rc, &b, r);
	assert_int_equal(rc, 0);
	return b;
}

static void round_trip(void **state)
{
	struct record in, out;
	fill(&in);
	buf b = encode(&in);
	assert_int_equal(record_decode(b.p, b.n, &out), 0);
	for (int f = 0; f < REC_NFIELDS; f++) {
		assert_int_equal(out.len[f], in.len[f]);
		assert_memory_equal(out.f[f], in.f[f], in.len[f]);
	}
	buf_free(&b);
}

static void layout_and_long_fields(void **state)
{
	struct record in, out;
	memset(&in, 0, sizeof in); /* NULL fields encode as empty */
	char *big = malloc(300);
	memset(big, 'x', 300);
	in.f[REC_TEXT] = big;
	in.len[REC_TEXT] = 300;
	buf b = encode(&in);
	/* magic, 12 empty fields, then 300 as LEB128 (0xAC 0x02), the text,
	 * then the empty fields after it (the legal lists, the quotes) */
	assert_int_equal(b.n, 2 + 12 + 2 + 300 + (REC_NFIELDS - REC_TEXT - 1));
	assert_memory_equal(b.p, "D1", 2);
	assert_int_equal((unsigned char)b.p[14], 0xAC);
	assert_int_equal((unsigned char)b.p[15], 0x02);
	assert_int_equal(record_decode(b.p, b.n, &out), 0);
	assert_int_equal(out.len[REC_TEXT], 300);
	assert_int_equal(out.len[REC_TITLE], 0);
	buf_free(&b);
	free(big);
}

static void rejects_bad_magic(void **state)
{
	struct record r, out;
	fill(&r);
	buf b = encode(&r);
	assert_int_equal(record_decode(b.p, 0, &out), -1);
	assert_int_equal(record_decode(b.p, 1, &out), -1);
	b.p[1] = '2';
	assert_int_equal(record_decode(b.p, b.n, &out), -1);
	b.p[1] = '1';
	b.p[0] = 'd';
	assert_int_equal(record_decode(b.p, b.n, &out), -1);
	buf_free(&b);
}

/* The bytes the fields after REC_TEXT take in R's encoding. */
static size_t tail_bytes(const struct record *r)
{
	size_t n = 0;
	for (int f = REC_TEXT + 1; f < REC_NFIELDS; f++)
		n += 1 + r->len[f]; /* these test fields are shorter than 128 */
	return n;
}

static void decodes_older_layout(void **state)
{
	struct record r, out;
	fill(&r);
	buf b = encode(&r);
	/* a schema-2 record ends with the text */
	assert_int_equal(record_decode(b.p, b.n - tail_bytes(&r), &out), 0);
	assert_int_equal(out.len[REC_TEXT], r.len[REC_TEXT]);
	assert_int_equal(out.len[REC_EVENT_DATES], 0);
	buf_free(&b);
}

static void rejects_every_truncation(void **state)
{
	struct record r, out;
	fill(&r);
	buf b = encode(&r);
	size_t old = b.n - tail_bytes(&r);
	for (size_t n = 0; n < b.n; n++) {
		if (n == old)
			continue; /* an older layout: decodes_older_layout */
		/* a private copy so ASan sees any read past N */
		char *copy = malloc(n ? n : 1);
		memcpy(copy, b.p, n);
		assert_int_equal(record_decode(copy, n, &out), -1);
		free(copy);
	}
	buf_free(&b);
}

static void rejects_trailing_garbage(void **state)
{
	struct record r, out;
	int rc = 0;
	fill(&r);
	buf b = encode(&r);
	buf_putc(&rc, &b, 'x');
	assert_int_equal(record_decode(b.p, b.n, &out), -1);
	buf_free(&b);
}

static void rejects_length_past_end(void **state)
{
	struct record out;
	/* the first field claims 100 bytes, 3 follow */
	const char d[] = {'D', '1', 100, 'a', 'b', 'c'};
	assert_int_equal(record_decode(d, sizeof d, &out), -1);
}

static void rejects_bad_varints(void **state)
{
	struct record out;
	/* a varint that never ends */
	const char open[] = {'D', '1', (char)0x80, (char)0x80};
	assert_int_equal(record_decode(open, sizeof open, &out), -1);
	/* a varint of 11 bytes, past 64 bits */
	char huge[2 + 11];
	huge[0] = 'D';
	huge[1] = '1';
	memset(huge + 2, 0xFF, 10);
	huge[12] = 0x01;
	assert_int_equal(record_decode(huge, sizeof huge, &out), -1);
	/* a 10-byte varint whose last byte overflows 64 bits */
	char over[2 + 10];
	memcpy(over, huge, 2 + 9);
	over[11] = 0x02;
	assert_int_equal(record_decode(over, sizeof over, &out), -1);
}

/* A padded length (0 written as 0x80 0x00) is the same number in another
 * encoding; accepting it gave one record two encodings (fuzz-record). */
static void rejects_padded_varints(void **state)
{
	struct record r, out;
	memset(&r, 0, sizeof r);
	int rc = 0;
	buf b = BUF_INIT;
	record_encode(&rc, &b, &r);
	assert_int_equal(rc, 0);
	assert_int_equal(record_decode(b.p, b.n, &out), 0);
	buf padded = BUF_INIT;
	buf_append(&rc, &padded, b.p, 2);
	buf_append(&rc, &padded, "\x80\x00", 2);
	buf_append(&rc, &padded, b.p + 3, b.n - 3);
	assert_int_equal(rc, 0);
	assert_int_equal(record_decode(padded.p, padded.n, &out), -1);
	buf_free(&b);
	buf_free(&padded);
}

static void encode_is_sticky(void **state)
{
	struct record r;
	int rc = 3;
	buf b = BUF_INIT;
	fill(&r);
	record_encode(&rc, &b, &r);
	assert_int_equal(rc, 3);
	assert_null(b.p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(round_trip),
		cmocka_unit_test(layout_and_long_fields),
		cmocka_unit_test(rejects_bad_magic),
		cmocka_unit_test(decodes_older_layout),
		cmocka_unit_test(rejects_every_truncation),
		cmocka_unit_test(rejects_trailing_garbage),
		cmocka_unit_test(rejects_length_past_end),
		cmocka_unit_test(rejects_bad_varints),
		cmocka_unit_test(rejects_padded_varints),
		cmocka_unit_test(encode_is_sticky),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
