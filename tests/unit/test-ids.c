/* test-ids.c — unit tests for common/ids.c: passage ids and how they split
 * back, the Q term of an id (plain up to ID_TERM_MAX bytes, then cut on a
 * UTF-8 boundary and hashed so distinct long ids keep distinct terms), the
 * article key (XXH3-64 in 16 hex digits: it is stored in every index, so
 * its value is pinned), and the sticky error of each appender. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "../../common/ids.h"
#include "../../docket.h"

/* schema.h's ID_TERM_MAX and PREFIX_ID, written out: the header may move
 * (issue 12), the values are what an index on disk holds. */
#define ID_TERM_MAX 200
#define PREFIX_ID "Q"

static void passage_ids_join_article_and_ordinal(void **state)
{
	int rc = 0;
	buf b = BUF_INIT;
	passage_id(&rc, &b, "news/a.html", 3);
	assert_int_equal(rc, 0);
	assert_string_equal(b.p, "news/a.html#3");
	buf_reset(&b);
	passage_id(&rc, &b, "f.jsonl#rec-7", 12); /* a record id has a '#' */
	assert_string_equal(b.p, "f.jsonl#rec-7#12");
	buf_free(&b);
}

static void split_takes_the_last_hash(void **state)
{
	size_t len = 0;
	int ord = 0;
	assert_int_equal(passage_id_split("news/a.html#3", &len, &ord), 0);
	assert_int_equal(len, strlen("news/a.html"));
	assert_int_equal(ord, 3);
	assert_int_equal(passage_id_split("f.jsonl#rec-7#12", &len, &ord), 0);
	assert_int_equal(len, strlen("f.jsonl#rec-7"));
	assert_int_equal(ord, 12);
	assert_int_equal(passage_id_split("a#999999999", &len, &ord), 0);
	assert_int_equal(ord, 999999999);
}

static void split_refuses_what_is_not_an_id(void **state)
{
	static const char *const bad[] = {
		"",            /* nothing */
		"news/a.html", /* no '#' */
		"#3",          /* no article id */
		"a#",          /* no ordinal */
		"a#0",         /* ordinals start at 1 */
		"a#-1",        /* not digits */
		"a#1x",        /* trailing garbage */
		"a# 1",        /* a space */
		"a#1234567890", /* ten digits could overflow an int */
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		size_t len = 77;
		int ord = 77;
		assert_int_equal(passage_id_split(bad[i], &len, &ord), -1);
	}
}

static void round_trip(void **state)
{
	int rc = 0;
	buf b = BUF_INIT;
	size_t len;
	int ord;
	passage_id(&rc, &b, "x/y#z", 41);
	assert_int_equal(passage_id_split(b.p, &len, &ord), 0);
	assert_int_equal(len, 5);
	assert_memory_equal(b.p, "x/y#z", 5);
	assert_int_equal(ord, 41);
	buf_free(&b);
}

/* The Q term of ID[0..N), malloc'ed. */
static char *term_of(const char *id, size_t n)
{
	int rc = 0;
	buf b = BUF_INIT;
	id_term(&rc, &b, id, n);
	assert_int_equal(rc, 0);
	return buf_steal(&rc, &b);
}

static void short_ids_are_their_own_term(void **state)
{
	char id[ID_TERM_MAX + 1];
	char *t = term_of("news/a.html#1", 13);
	assert_string_equal(t, PREFIX_ID "news/a.html#1");
	free(t);
	t = term_of("news/a.html#1", 6); /* only N bytes count */
	assert_string_equal(t, PREFIX_ID "news/a");
	free(t);
	memset(id, 'a', ID_TERM_MAX);
	id[ID_TERM_MAX] = '\0';
	t = term_of(id, ID_TERM_MAX); /* the longest kept whole */
	assert_int_equal(strlen(t), 1 + ID_TERM_MAX);
	assert_string_equal(t + 1, id);
	free(t);
}

/* "Q" + 100 bytes + "#" + 32 hex digits. */
static void check_hashed(const char *t, const char *id, size_t keep)
{
	assert_int_equal(strlen(t), 1 + keep + 1 + 32);
	assert_memory_equal(t, PREFIX_ID, 1);
	assert_memory_equal(t + 1, id, keep);
	assert_int_equal(t[1 + keep], '#');
	for (const char *p = t + 2 + keep; *p; p++)
		assert_non_null(strchr("0123456789abcdef", *p));
}

static void long_ids_are_cut_and_hashed(void **state)
{
	char a[ID_TERM_MAX + 50], b[ID_TERM_MAX + 50];
	memset(a, 'a', sizeof a);
	memcpy(b, a, sizeof b);
	b[sizeof b - 1] = 'b'; /* differs after the kept prefix */
	char *ta = term_of(a, ID_TERM_MAX + 1);
	char *ta2 = term_of(a, sizeof a);
	char *tb = term_of(b, sizeof b);
	char *ta3 = term_of(a, sizeof a);
	check_hashed(ta, a, 100);
	check_hashed(tb, b, 100);
	assert_string_not_equal(ta, ta2); /* the length is part of the hash */
	assert_string_not_equal(ta2, tb);
	assert_string_equal(ta2, ta3); /* and it is stable */
	free(ta), free(ta2), free(tb), free(ta3);
}

static void long_ids_cut_on_a_character_boundary(void **state)
{
	char id[ID_TERM_MAX + 10];
	memset(id, 'a', sizeof id);
	memcpy(id + 99, "\xc3\xa9", 2); /* "é" across byte 100 */
	char *t = term_of(id, sizeof id);
	check_hashed(t, id, 99); /* the whole character goes */
	free(t);
	memcpy(id + 98, "\xe2\x80\x94", 3); /* "—" in bytes 98..100 */
	t = term_of(id, sizeof id);
	check_hashed(t, id, 98);
	free(t);
}

static void article_keys_are_xxh3_hex(void **state)
{
	char k[ARTICLE_KEY_LEN + 1], k2[ARTICLE_KEY_LEN + 1];
	article_key("", 0, k);
	assert_string_equal(k, "2d06800538d394c2"); /* XXH3-64 of nothing */
	article_key("news/a.html", 11, k);
	assert_string_equal(k, "d24402861a9dbbe9");
	article_key("news/a.html#tail", 11, k2); /* N bytes only */
	assert_string_equal(k, k2);
	article_key("news/b.html", 11, k2);
	assert_string_not_equal(k, k2);
	assert_int_equal(strlen(k2), ARTICLE_KEY_LEN);
}

static void appenders_are_sticky(void **state)
{
	int rc = DOCKET_NO_MEMORY;
	buf b = BUF_INIT;
	char big[ID_TERM_MAX + 5];
	memset(big, 'x', sizeof big);
	passage_id(&rc, &b, "a", 1);
	id_term(&rc, &b, "a", 1);
	id_term(&rc, &b, big, sizeof big);
	assert_int_equal(rc, DOCKET_NO_MEMORY);
	assert_null(b.p);
	assert_int_equal(b.n, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(passage_ids_join_article_and_ordinal),
		cmocka_unit_test(split_takes_the_last_hash),
		cmocka_unit_test(split_refuses_what_is_not_an_id),
		cmocka_unit_test(round_trip),
		cmocka_unit_test(short_ids_are_their_own_term),
		cmocka_unit_test(long_ids_are_cut_and_hashed),
		cmocka_unit_test(long_ids_cut_on_a_character_boundary),
		cmocka_unit_test(article_keys_are_xxh3_hex),
		cmocka_unit_test(appenders_are_sticky),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
