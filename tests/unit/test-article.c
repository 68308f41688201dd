/* test-article.c — unit tests for indexer/article.c: fields, credit
 * stripping, paragraph numbering, and cutting long blocks into passages at
 * sentence ends. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "../../indexer/article.h"
#include "../../common/buf.h"

static int setup(void **state)
{
	static struct article a;
	if (article_init(&a))
		return -1;
	*state = &a;
	return 0;
}

static int teardown(void **state)
{
	article_clear(*state);
	return 0;
}

static void add(struct article *a, const char *section, const char *text,
                enum block_kind kind)
{
	int rc = 0;
	article_add_block(&rc, a, section, text, strlen(text), kind);
	assert_int_equal(rc, 0);
}

static size_t words(const char *s)
{
	size_t w = 0;
	for (size_t i = 0; s[i]; i++)
		if (s[i] != ' ' && (i == 0 || s[i - 1] == ' '))
			w++;
	return w;
}

static void init_and_set(void **state)
{
	struct article *a = *state;
	int rc = 0;
	assert_string_equal(a->title, "");
	assert_string_equal(a->date, "");
	assert_int_equal(a->npassages, 0);
	article_set(&rc, &a->title, "  Judge \t weighs\n motion  ", 26);
	assert_int_equal(rc, 0);
	assert_string_equal(a->title, "Judge weighs motion");
	article_set(&rc, &a->title, "Second", 6);
	assert_string_equal(a->title, "Second");
	rc = 5; /* sticky */
	article_set(&rc, &a->title, "Third", 5);
	assert_string_equal(a->title, "Second");
}

static void clear_accepts_zeroed(void **state)
{
	struct article z;
	memset(&z, 0, sizeof z);
	article_clear(&z);
	assert_null(z.title);
}

static void single_source(void **state)
{
	struct article *a = *state;
	add(a, "Ruling", "The company declined to comment publicly. (Wired.com)",
	    BLOCK_PARAGRAPH);
	assert_int_equal(a->npassages, 1);
	struct passage *p = &a->passages[0];
	assert_string_equal(p->text, "The company declined to comment publicly.");
	assert_int_equal(p->nsources, 1);
	assert_string_equal(p->sources[0], "wired.com");
	assert_string_equal(p->section, "Ruling");
	assert_int_equal(p->kind, BLOCK_PARAGRAPH);
}

static void double_and_list_sources(void **state)
{
	struct article *a = *state;
	add(a, NULL, "Talks failed. (theverge.com) (wired.com)", BLOCK_PARAGRAPH);
	add(a, NULL, "Talks resumed.  (wired.com, theverge.com, wired.com) ",
	    BLOCK_PARAGRAPH);
	struct passage *p = &a->passages[0];
	assert_string_equal(p->text, "Talks failed.");
	assert_int_equal(p->nsources, 2);
	assert_string_equal(p->sources[0], "theverge.com");
	assert_string_equal(p->sources[1], "wired.com");
	assert_string_equal(p->section, "");
	p = &a->passages[1];
	assert_string_equal(p->text, "Talks resumed.");
	assert_int_equal(p->nsources, 2); /* deduplicated */
	assert_string_equal(p->sources[0], "wired.com");
	assert_string_equal(p->sources[1], "theverge.com");
}

static void non_sources_stay(void **state)
{
	struct article *a = *state;
	const char *keep[] = {"It was filed in 2023 (2023)",
	                      "He sued the firm (the company)",
	                      "Figures rose (3.5)", "See the note (e.g.)",
	                      "Unclosed (wired.com", "A site (wired.com) said so",
	                      "Mixed (wired.com, the company)"};
	for (size_t i = 0; i < sizeof keep / sizeof *keep; i++)
		add(a, "", keep[i], BLOCK_PARAGRAPH);
	assert_int_equal(a->npassages, sizeof keep / sizeof *keep);
	for (size_t i = 0; i < sizeof keep / sizeof *keep; i++) {
		assert_string_equal(a->passages[i].text, keep[i]);
		assert_int_equal(a->passages[i].nsources, 0);
	}
}

static void credit_start_offsets(void **state)
{
	const char *s = "Said so. (a.com) (b.org)  ";
	assert_int_equal(article_credit_start(s, strlen(s)), 9);
	s = "Said so (2023)";
	assert_int_equal(article_credit_start(s, strlen(s)), strlen(s));
	assert_int_equal(article_credit_start("", 0), 0);
	assert_int_equal(article_credit_start(")", 1), 1);
}

static void empty_blocks_ignored(void **state)
{
	struct article *a = *state;
	add(a, "", "   \n\t ", BLOCK_PARAGRAPH);
	add(a, "", "(wired.com)", BLOCK_PARAGRAPH);
	add(a, "", "", BLOCK_PARAGRAPH);
	assert_int_equal(a->npassages, 0);
	assert_int_equal(a->nblocks, 0);
	add(a, "", "Real text.", BLOCK_QUOTE);
	assert_int_equal(a->npassages, 1);
	assert_int_equal(a->passages[0].paragraph, 1);
	assert_int_equal(a->passages[0].kind, BLOCK_QUOTE);
}

static void whitespace_folded(void **state)
{
	struct article *a = *state;
	add(a, "", "  one\n two\t\tthree  ", BLOCK_PARAGRAPH);
	assert_string_equal(a->passages[0].text, "one two three");
	assert_int_equal(a->passages[0].len, 13);
}

/* A sentence of exactly K words: "wN wN ... end." */
static void sentence(buf *b, int k, const char *first)
{
	int rc = 0;
	buf_printf(&rc, b, "%s", first);
	for (int i = 1; i < k; i++)
		buf_printf(&rc, b, " w%d", i);
	buf_puts(&rc, b, ". ");
	assert_int_equal(rc, 0);
}

static void long_block_cut_at_sentences(void **state)
{
	struct article *a = *state;
	buf b = BUF_INIT;
	/* 16 sentences of 20 words: 320 words -> three pieces near 107 */
	for (int i = 0; i < 16; i++)
		sentence(&b, 20, "The");
	add(a, "Why", b.p, BLOCK_PARAGRAPH);
	buf_free(&b);
	assert_int_equal(a->npassages, 3);
	size_t total = 0;
	for (size_t i = 0; i < a->npassages; i++) {
		struct passage *p = &a->passages[i];
		size_t w = words(p->text);
		total += w;
		assert_true(w <= PASSAGE_MAX_WORDS);
		assert_true(w >= 80); /* roughly equal, not 150+150+20 */
		assert_int_equal(p->text[p->len - 1], '.');
		assert_memory_equal(p->text, "The ", 4);
		assert_int_equal(p->paragraph, 1);
		assert_int_equal(p->ordinal, (int)i + 1);
		assert_string_equal(p->section, "Why");
	}
	assert_int_equal(total, 320);
}

static void no_cut_after_abbreviations(void **state)
{
	struct article *a = *state;
	buf b = BUF_INIT;
	int rc = 0;
	/* 70 words, ~45 full of abbreviations, 50 more: two pieces aiming at
	 * 83 words; a false sentence end after "Mr." would be cut at */
	sentence(&b, 70, "The");
	buf_puts(&rc, &b, "Talks with Mr. Smith, Dr. Jones, the U.S. Senate, "
	                  "Acme Inc. The firm, Smith v. Jones, No. 5 and J. Doe");
	for (int i = 0; i < 20; i++)
		buf_printf(&rc, &b, " x%d", i);
	buf_puts(&rc, &b, " Done. ");
	sentence(&b, 50, "Last");
	assert_int_equal(rc, 0);
	add(a, "", b.p, BLOCK_PARAGRAPH);
	buf_free(&b);
	assert_int_equal(a->npassages, 2);
	assert_int_equal(words(a->passages[0].text), 70);
	assert_memory_equal(a->passages[1].text, "Talks with Mr. Smith", 20);
	assert_non_null(strstr(a->passages[1].text, "x19 Done. Last w1 "));
}

static void question_and_quote_ends(void **state)
{
	struct article *a = *state;
	buf b = BUF_INIT;
	int rc = 0;
	sentence(&b, 100, "Why");
	b.p[b.n - 2] = '?';
	buf_puts(&rc, &b, "\xE2\x80\x9CQuoted");
	for (int i = 0; i < 99; i++)
		buf_printf(&rc, &b, " q%d", i);
	buf_puts(&rc, &b, ".");
	add(a, "", b.p, BLOCK_PARAGRAPH);
	buf_free(&b);
	assert_int_equal(a->npassages, 2);
	assert_int_equal(a->passages[0].text[a->passages[0].len - 1], '?');
	assert_memory_equal(a->passages[1].text, "\xE2\x80\x9CQuoted", 9);
}

static void run_on_sentence_cut_between_words(void **state)
{
	struct article *a = *state;
	buf b = BUF_INIT;
	int rc = 0;
	for (int i = 0; i < 400; i++)
		buf_printf(&rc, &b, "w%d ", i);
	add(a, "", b.p, BLOCK_PARAGRAPH);
	buf_free(&b);
	assert_int_equal(a->npassages, 3);
	for (size_t i = 0; i < 3; i++)
		assert_true(words(a->passages[i].text) <= PASSAGE_MAX_WORDS);
	assert_string_equal(a->passages[1].text + a->passages[1].len - 4, "w265");
}

static void sources_on_every_piece(void **state)
{
	struct article *a = *state;
	buf b = BUF_INIT;
	int rc = 0;
	for (int i = 0; i < 10; i++)
		sentence(&b, 20, "Then");
	buf_puts(&rc, &b, "(reuters.com)");
	add(a, "", "Short first block.", BLOCK_KEYPOINT);
	add(a, "", b.p, BLOCK_PARAGRAPH);
	buf_free(&b);
	assert_int_equal(a->npassages, 3);
	assert_int_equal(a->passages[0].nsources, 0);
	for (size_t i = 1; i < 3; i++) {
		assert_int_equal(a->passages[i].nsources, 1);
		assert_string_equal(a->passages[i].sources[0], "reuters.com");
		assert_int_equal(a->passages[i].paragraph, 2);
		assert_int_equal(a->passages[i].ordinal, (int)i + 1);
		assert_null(strchr(a->passages[i].text, '('));
	}
}

int main(void)
{
#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)
	const struct CMUnitTest tests[] = {
		T(init_and_set),
		cmocka_unit_test(clear_accepts_zeroed),
		T(single_source),
		T(double_and_list_sources),
		T(non_sources_stay),
		cmocka_unit_test(credit_start_offsets),
		T(empty_blocks_ignored),
		T(whitespace_folded),
		T(long_block_cut_at_sentences),
		T(no_cut_after_abbreviations),
		T(question_and_quote_ends),
		T(run_on_sentence_cut_between_words),
		T(sources_on_every_piece),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
