/* test-copies.c — unit tests for indexer/copies.c: datelines, the
 * normalised form behind the exact fingerprint, credit lines, the length
 * rules, near-duplicate decisions, band keys, wire agencies and terms. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "../../indexer/article.h"
#include "../../common/buf.h"
#include "../../common/copies.h"
#include "../../indexer/wire.h"

/* The text after the dateline of S. */
static const char *after_dateline(const char *s)
{
	return s + copies_dateline_end(s, strlen(s));
}

static void datelines(void **state)
{
	(void)state;
	assert_string_equal(after_dateline("SAN FRANCISCO (AP) — A judge ruled."), "A judge ruled.");
	assert_string_equal(after_dateline("SACRAMENTO, Calif. (AP) — A judge."), "A judge.");
	assert_string_equal(after_dateline("WASHINGTON, March 12 (Reuters) - A court."), "A court.");
	assert_string_equal(after_dateline("(Reuters) - A court."), "A court.");
	assert_string_equal(after_dateline("PARIS (AFP) – The court."), "The court.");
	assert_string_equal(after_dateline("DENVER — The owner."), "The owner.");
	assert_string_equal(after_dateline("DENVER -- The owner."), "The owner.");
	/* not datelines */
	const char *no[] = {
		"A federal judge — in a long ruling — said no.",
		"The U.S. — not the states — must pay.",
		"Sacramento-San Joaquin farms won.",
		"NASA said the launch - delayed twice - would go ahead.",
		"I — for one — agree.",
		"",
	};
	for (size_t i = 0; i < sizeof no / sizeof no[0]; i++)
		assert_int_equal(copies_dateline_end(no[i], strlen(no[i])), 0);
}

/* The normalised words of S (static). */
static const char *norm(const char *s, unsigned *nw)
{
	static buf b = BUF_INIT;
	int rc = 0;
	buf_reset(&b);
	*nw = copies_normalise(&rc, &b, s, strlen(s));
	assert_int_equal(rc, 0);
	return b.p ? b.p : "";
}

static void normalised_form(void **state)
{
	(void)state;
	unsigned n;
	const char *want = "there is no evidence the board weighed the harm judge okafor wrote";
	assert_string_equal(norm("\"There is no evidence the board weighed the harm,\" Judge Okafor wrote.", &n), want);
	assert_int_equal(n, 12);
	assert_string_equal(norm("\u201cThere is no evidence the board weighed\n the  harm,\u201d JUDGE Okafor wrote.", &n), want);
	assert_string_equal(norm("SACRAMENTO (AP) — \"There is no evidence the board weighed the harm\" — Judge Okafor wrote", &n), want);
	/* apostrophes, straight or curly, stay inside the word */
	assert_string_equal(norm("The growers' cooperative's lawyer", &n), "the growers cooperative's lawyer");
	assert_string_equal(norm("The growers\u2019 cooperative\u2019s lawyer", &n), "the growers cooperative's lawyer");
}

static void credit_lines_vanish(void **state)
{
	(void)state;
	const char *credits[] = {
		"— The Associated Press",
		"Associated Press",
		"Copyright 2026 The Associated Press. All rights reserved.",
		"This material may not be published, broadcast, rewritten or redistributed.",
		"(Reporting by Daniel Vorst; Editing by Alan Pruitt)",
		"Reporting by Priya Raman; additional reporting by Ken Ito",
		"AP writer Jane Doe in Boston contributed to this report.",
		"— AFP",
		"Reuters",
	};
	unsigned n;
	for (size_t i = 0; i < sizeof credits / sizeof credits[0]; i++) {
		assert_string_equal(norm(credits[i], &n), "");
		assert_int_equal(n, 0);
	}
	/* text that merely mentions an agency or starts like a credit stays */
	assert_int_not_equal(norm("Reuters reported the ruling first, and the company's lawyers said they would study it.", &n)[0], '\0');
	assert_int_not_equal(norm("The Associated Press sued the White House over access.", &n)[0], '\0');
}

/* The signature of S. */
static struct copies_sig sign(const char *s)
{
	int rc = 0;
	buf scratch = BUF_INIT;
	struct copies_sig sig;
	copies_sign(&rc, &scratch, &sig, s, strlen(s));
	buf_free(&scratch);
	assert_int_equal(rc, 0);
	return sig;
}

#define LONG1 "A federal judge on Tuesday blocked California regulators from cutting off irrigation water to more than 200 farms in the Delta, ruling that the state skipped a required hearing before it issued the orders last summer."

static void length_rules(void **state)
{
	(void)state;
	struct copies_sig s = sign("Consumer groups welcomed the ruling.");
	assert_true(s.fingerprint == 0 && s.nbands == 0); /* < COPIES_EXACT_MIN */
	s = sign("The board said it would appeal to the Nevada Supreme Court.");
	assert_int_equal(s.words, 11);
	assert_true(s.fingerprint != 0 && s.nbands == 0); /* < COPIES_NEAR_MIN */
	s = sign(LONG1);
	assert_true(s.fingerprint != 0);
	assert_int_equal(s.nbands, COPIES_BANDS);
	assert_true(sign("— The Associated Press").fingerprint == 0);
}

static void exact_fingerprint(void **state)
{
	(void)state;
	struct copies_sig a = sign(LONG1);
	struct copies_sig b = sign("SACRAMENTO, Calif. (AP) — a federal judge on Tuesday blocked California\nregulators from cutting off irrigation water to more than 200 farms in the\nDelta, ruling that the state skipped a required hearing before it issued\nthe orders last summer");
	assert_true(a.fingerprint == b.fingerprint);
	assert_memory_equal(a.band, b.band, sizeof a.band);
	struct copies_sig c = sign("A federal judge on Tuesday blocked California regulators from cutting off irrigation water to more than 300 farms in the Delta, ruling that the state skipped a required hearing before it issued the orders last summer.");
	assert_true(a.fingerprint != c.fingerprint);
}

static void near_duplicates(void **state)
{
	(void)state;
	const char *trimmed = "A federal judge on Tuesday blocked California regulators from cutting off irrigation water to more than 200 farms in the Delta, ruling that the state skipped a required hearing.";
	/* 22 words: judged by the stricter short rule (Jaccard 0.57 < 0.6) */
	const char *short_trim = "A federal judge on Tuesday blocked California regulators from cutting off irrigation water to more than 200 farms in the Delta.";
	const char *reworded = "A federal judge on Tuesday blocked California regulators from cutting off irrigation water to more than 200 farms in the Delta, finding that regulators skipped a required hearing before it issued the orders last summer.";
	const char *other = "Judge Okafor's order faulted the state for cutting off irrigation water to more than 200 farms without a hearing, a point lawyers for the growers had pressed since the orders were issued last summer.";
	assert_int_equal(copies_same(LONG1, strlen(LONG1), reworded, strlen(reworded)), 1);
	assert_int_equal(copies_same(LONG1, strlen(LONG1), trimmed, strlen(trimmed)), 1);
	assert_int_equal(copies_same(LONG1, strlen(LONG1), short_trim, strlen(short_trim)), 0);
	assert_int_equal(copies_same(LONG1, strlen(LONG1), other, strlen(other)), 0);
	struct copies_sig a = sign(LONG1), b = sign(reworded);
	int shared = 0;
	for (int i = 0; i < COPIES_BANDS; i++)
		shared += a.band[i] == b.band[i];
	assert_true(shared > 0); /* a candidate through its band terms */
	double j;
	assert_int_equal(copies_similarity(LONG1, strlen(LONG1), LONG1, strlen(LONG1), &j), 0);
	assert_true(j == 1.0);
	assert_int_equal(copies_similarity(LONG1, strlen(LONG1), "", 0, &j), 0);
	assert_true(j == 0.0);
	/* identical short sentences are copies only by the exact fingerprint */
	const char *s8 = "The company said it would appeal the ruling.";
	assert_int_equal(copies_same(s8, strlen(s8), s8, strlen(s8)), 1);
	const char *s5 = "Consumer groups welcomed the ruling.";
	assert_int_equal(copies_same(s5, strlen(s5), s5, strlen(s5)), 0);
}

static void shingles_sorted_distinct(void **state)
{
	(void)state;
	int rc = 0;
	buf out = BUF_INIT;
	const char *w = "a b a b a b";
	size_t n = copies_shingles(&rc, &out, w, strlen(w), 2);
	assert_int_equal(rc, 0);
	assert_int_equal(n, 2); /* "a b" and "b a" */
	const uint64_t *v = (const uint64_t *)(void *)out.p;
	assert_true(v[0] < v[1]);
	assert_int_equal(copies_shingles(&rc, &out, "one", 3, 2), 1); /* fewer words than K */
	assert_int_equal(copies_shingles(&rc, &out, "", 0, 2), 0);
	buf_free(&out);
}

/* An article with AUTHOR and the passages given, NULL-terminated. */
static struct article a;

static const char *wire_of(const char *author, ...)
{
	article_clear(&a);
	assert_int_equal(article_init(&a), 0);
	int rc = 0;
	article_set(&rc, &a.author, author, strlen(author));
	va_list ap;
	va_start(ap, author);
	for (const char *p; (p = va_arg(ap, const char *)) != NULL;)
		article_add_block(&rc, &a, NULL, p, strlen(p), BLOCK_PARAGRAPH);
	va_end(ap);
	assert_int_equal(rc, 0);
	return article_wire(&a);
}

static void wire_agencies(void **state)
{
	(void)state;
	assert_string_equal(wire_of("", "MIAMI (AP) — A judge ruled.", "More.", NULL), "ap");
	assert_string_equal(wire_of("", "TORONTO, April 16 (Reuters) - A court.", NULL), "reuters");
	assert_string_equal(wire_of("", "ROME (AFP) - A court.", NULL), "afp");
	assert_string_equal(wire_of("", "A court ruled.", "— The Associated Press", NULL), "ap");
	assert_string_equal(wire_of("", "A court ruled.", "Reporting by A; Editing by B", NULL), "reuters");
	assert_string_equal(wire_of("By Teresa Holm, Associated Press", "A court ruled.", NULL), "ap");
	assert_string_equal(wire_of("AFP", "A court ruled.", NULL), "afp");
	assert_string_equal(wire_of("", "WASHINGTON (UPI) -- A court.", NULL), "upi");
	/* no claim of agency copy */
	assert_string_equal(wire_of("Jane Roe", "DENVER — A court ruled.", NULL), "");
	assert_string_equal(wire_of("", "The AP reported that a court ruled.", NULL), "");
	assert_string_equal(wire_of("Reporting by Daniel Vorst", "A court ruled.", NULL), "");
	assert_string_equal(wire_of("", NULL), "");
	article_clear(&a);
}

static void terms(void **state)
{
	(void)state;
	int rc = 0;
	buf b = BUF_INIT;
	copies_fingerprint_term(&rc, &b, 0x0123456789abcdefULL);
	assert_string_equal(b.p, "XP0123456789abcdef");
	buf_reset(&b);
	copies_band_term(&rc, &b, 3, 0xfedcba9876543210ULL);
	assert_int_equal(b.n, 8); /* schema 6: "XB" + 6 base-64 characters */
	assert_memory_equal(b.p, "XB", 2);
	for (size_t i = 2; i < b.n; i++)
		assert_non_null(strchr("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_", b.p[i]));
	char three[9];
	memcpy(three, b.p, 9);
	buf_reset(&b); /* the band is part of the key, the low 16 bits are not */
	copies_band_term(&rc, &b, 2, 0xfedcba9876543210ULL);
	assert_string_not_equal(b.p, three);
	buf_reset(&b);
	copies_band_term(&rc, &b, 3, 0xfedcba987654ffffULL);
	assert_string_equal(b.p, three);
	assert_int_equal(rc, 0);
	buf_free(&b);
}

static void signature_values(void **state)
{
	(void)state;
	struct copies_sig x = sign(LONG1), b;
	char v[COPIES_SIG_MAX];
	size_t n = copies_sig_encode(x.fingerprint, &x, v);
	assert_int_equal(n, 8 + 6 * COPIES_BANDS);
	assert_int_equal(copies_sig_decode(v, n, &b), 0);
	assert_true(b.fingerprint == x.fingerprint);
	assert_int_equal(b.nbands, COPIES_BANDS);
	for (int i = 0; i < COPIES_BANDS; i++)
		assert_true(b.band[i] >> 16 == x.band[i] >> 16);
	/* a short passage: the fingerprint alone */
	struct copies_sig s = sign("The board said it would appeal to the Nevada Supreme Court.");
	assert_int_equal(copies_sig_encode(s.fingerprint, &s, v), 8);
	assert_int_equal(copies_sig_encode(0, &s, v), 0);
	assert_int_equal(copies_sig_decode(v, 7, &b), -1);
	assert_int_equal(copies_sig_decode(v, 8 + 6 * COPIES_BANDS + 6, &b), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(datelines),
		cmocka_unit_test(normalised_form),
		cmocka_unit_test(credit_lines_vanish),
		cmocka_unit_test(length_rules),
		cmocka_unit_test(exact_fingerprint),
		cmocka_unit_test(near_duplicates),
		cmocka_unit_test(shingles_sorted_distinct),
		cmocka_unit_test(wire_agencies),
		cmocka_unit_test(terms),
		cmocka_unit_test(signature_values),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
