/* test-text.c — unit tests for indexer/text.c (parse_text): flattened web
 * text, structured text and Markdown, titles, dates, empty files and odd
 * input.  Samples are small made-up articles written for these tests. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "../../indexer/article.h"
#include "../../common/buf.h"
#include "../../common/utf8.h"
#include "../../docket.h"

/* What a parse produced: a deep copy of the one article, the warnings. */
struct got {
	int calls;
	struct article a;
	buf warnings; /* one per line */
};

static void copy_passage(int *rc, struct passage *to,
                         const struct passage *from)
{
	*to = *from;
	to->text = str_dup(rc, from->text);
	to->section = str_dup(rc, from->section);
	to->sources = calloc(from->nsources + 1, sizeof *to->sources);
	for (size_t i = 0; i < from->nsources; i++)
		to->sources[i] = str_dup(rc, from->sources[i]);
}

static int sink(void *ctx, struct article *a)
{
	struct got *g = ctx;
	int rc = 0;
	g->calls++;
	article_clear(&g->a);
	g->a = *a;
	char **f[] = {&g->a.id, &g->a.path, &g->a.title, &g->a.outlet,
	              &g->a.author, &g->a.date, &g->a.url};
	for (size_t i = 0; i < sizeof f / sizeof *f; i++)
		*f[i] = str_dup(&rc, *f[i]);
	g->a.passages = calloc(a->npassages + 1, sizeof *g->a.passages);
	g->a.cap = a->npassages + 1;
	for (size_t i = 0; i < a->npassages; i++)
		copy_passage(&rc, &g->a.passages[i], &a->passages[i]);
	return rc;
}

static void warned(void *ctx, const char *msg)
{
	struct got *g = ctx;
	int rc = 0;
	buf_printf(&rc, &g->warnings, "%s\n", msg);
}

static int parse(struct got *g, const char *text)
{
	struct parse_ctx p = {"news/sample.txt", "sample.txt", sink, warned, g};
	int rc = 0;
	buf clean = BUF_INIT;
	article_clear(&g->a);
	buf_free(&g->warnings);
	g->calls = 0;
	utf8_sanitize(&rc, &clean, text, strlen(text));
	assert_int_equal(rc, 0);
	rc = parse_text(clean.p, clean.n, &p);
	buf_free(&clean);
	return rc;
}

static int setup(void **state)
{
	*state = calloc(1, sizeof(struct got));
	return *state ? 0 : -1;
}

static int teardown(void **state)
{
	struct got *g = *state;
	article_clear(&g->a);
	buf_free(&g->warnings);
	free(g);
	return 0;
}

static const struct passage *P(struct got *g, size_t i)
{
	assert_true(i < g->a.npassages);
	return &g->a.passages[i];
}

/* ------------------------------------------------------------ flattened */

static const char flat[] =
	"Retailer walks away from the settlement table\n"
	"- The retailer rejected the offer on Friday. - Regulators say talks "
	"may resume. - A trial date is set for June.\n"
	"Talks between the retailer and the agency collapsed late on Friday, "
	"according to two people familiar with the matter. The company "
	"declined to comment publicly. (Wired.com) Lawyers for the agency had "
	"pressed for a consent decree since 2023 (the year the suit was "
	"filed). (theverge.com) (wired.com) ### Why was the retailer the "
	"nightmare scenario? The answer starts with scale: no rival touches as "
	"many households, and every filing shows it. (nytimes.com, reuters.com) "
	"### Breaking! The judge set a hearing. ### Background: The suit was "
	"filed in 2023. ### What Comes Next The judge set a schedule for the "
	"summer and both sides must file briefs by May.\n";

static void flat_title_and_keypoints(void **state)
{
	struct got *g = *state;
	assert_int_equal(parse(g, flat), 0);
	assert_int_equal(g->calls, 1);
	assert_string_equal(g->a.title,
	                    "Retailer walks away from the settlement table");
	assert_string_equal(g->a.id, "sample.txt");
	assert_string_equal(g->a.path, "news/sample.txt");
	const char *kp[] = {"The retailer rejected the offer on Friday.",
	                    "Regulators say talks may resume.",
	                    "A trial date is set for June."};
	for (size_t i = 0; i < 3; i++) {
		assert_string_equal(P(g, i)->text, kp[i]);
		assert_int_equal(P(g, i)->kind, BLOCK_KEYPOINT);
		assert_string_equal(P(g, i)->section, "Key points");
		assert_int_equal(P(g, i)->paragraph, (int)i + 1);
	}
}

static void flat_credits_split_paragraphs(void **state)
{
	struct got *g = *state;
	assert_int_equal(parse(g, flat), 0);
	const struct passage *p = P(g, 3);
	assert_string_equal(p->section, "");
	assert_int_equal(p->kind, BLOCK_PARAGRAPH);
	assert_int_equal(p->paragraph, 4);
	assert_int_equal(p->nsources, 1);
	assert_string_equal(p->sources[0], "wired.com");
	assert_string_equal(p->text + p->len - 17, "comment publicly.");
	p = P(g, 4);
	assert_int_equal(p->paragraph, 5);
	assert_string_equal(p->text, "Lawyers for the agency had pressed for a "
	                             "consent decree since 2023 (the year the "
	                             "suit was filed).");
	assert_int_equal(p->nsources, 2);
	assert_string_equal(p->sources[0], "theverge.com");
	assert_string_equal(p->sources[1], "wired.com");
}

static void flat_inline_headings(void **state)
{
	struct got *g = *state;
	assert_int_equal(parse(g, flat), 0);
	assert_int_equal(g->a.npassages, 9);
	const struct passage *p = P(g, 5);
	assert_string_equal(p->section,
	                    "Why was the retailer the nightmare scenario?");
	assert_memory_equal(p->text, "The answer starts with scale:", 29);
	assert_int_equal(p->nsources, 2);
	assert_string_equal(p->sources[0], "nytimes.com");
	assert_string_equal(p->sources[1], "reuters.com");
	assert_string_equal(P(g, 6)->section, "Breaking!");
	assert_string_equal(P(g, 6)->text, "The judge set a hearing.");
	assert_string_equal(P(g, 7)->section, "Background");
	assert_string_equal(P(g, 7)->text, "The suit was filed in 2023.");
	/* no ?, ! or : — the capitalised run before the sentence */
	assert_string_equal(P(g, 8)->section, "What Comes Next");
	assert_memory_equal(P(g, 8)->text, "The judge set a schedule", 24);
	for (size_t i = 0; i < g->a.npassages; i++) {
		assert_int_equal(P(g, i)->ordinal, (int)i + 1);
		assert_null(strstr(P(g, i)->text, "###"));
	}
}

static void flat_long_single_line(void **state)
{
	struct got *g = *state;
	buf b = BUF_INIT;
	int rc = 0;
	buf_puts(&rc, &b, "Judge hears the case\n");
	for (int i = 0; i < 40; i++)
		buf_printf(&rc, &b, "Sentence number %d of the long body. ", i);
	buf_puts(&rc, &b, "(courtlistener.com)\n");
	assert_int_equal(parse(g, b.p), 0);
	buf_free(&b);
	assert_int_equal(g->a.npassages, 2); /* 280 words, one block */
	for (size_t i = 0; i < 2; i++) {
		assert_int_equal(P(g, i)->paragraph, 1);
		assert_int_equal(P(g, i)->nsources, 1);
		assert_string_equal(P(g, i)->sources[0], "courtlistener.com");
	}
}

/* ------------------------------------------------------------ structured */

static const char kv[] =
	"Title: Court weighs the **merger** challenge\n"
	"Outlet: The Daily Docket\n"
	"Author: Jane Roe\n"
	"Date: April 27, 2026\n"
	"URL: https://example.test/merger\n"
	"\n"
	"- The hearing lasted three hours.\n"
	"- A ruling is due in May.\n"
	"\n"
	"The judge questioned both sides\n"
	"at length on Monday. (reuters.com)\n"
	"\n"
	"## The arguments\n"
	"> \"We never agreed to that,\" the lawyer said.\n"
	"> He said it twice.\n"
	"\n"
	"* A later bullet is body text.\n"
	"1. So is a numbered one.\n";

static void kv_header(void **state)
{
	struct got *g = *state;
	assert_int_equal(parse(g, kv), 0);
	assert_string_equal(g->a.title, "Court weighs the merger challenge");
	assert_string_equal(g->a.outlet, "The Daily Docket");
	assert_string_equal(g->a.author, "Jane Roe");
	assert_string_equal(g->a.date, "2026-04-27");
	assert_string_equal(g->a.url, "https://example.test/merger");
	assert_true(g->warnings.n == 0);
}

static void structured_blocks(void **state)
{
	struct got *g = *state;
	assert_int_equal(parse(g, kv), 0);
	assert_int_equal(g->a.npassages, 6);
	assert_int_equal(P(g, 0)->kind, BLOCK_KEYPOINT);
	assert_string_equal(P(g, 0)->section, "Key points");
	assert_string_equal(P(g, 1)->text, "A ruling is due in May.");
	assert_int_equal(P(g, 1)->kind, BLOCK_KEYPOINT);
	assert_string_equal(P(g, 2)->text,
	                    "The judge questioned both sides at length on Monday.");
	assert_string_equal(P(g, 2)->sources[0], "reuters.com");
	assert_int_equal(P(g, 2)->kind, BLOCK_PARAGRAPH);
	assert_string_equal(P(g, 3)->section, "The arguments");
	assert_int_equal(P(g, 3)->kind, BLOCK_QUOTE);
	assert_string_equal(P(g, 3)->text, "\"We never agreed to that,\" the "
	                                   "lawyer said. He said it twice.");
	assert_int_equal(P(g, 4)->kind, BLOCK_PARAGRAPH);
	assert_string_equal(P(g, 4)->text, "A later bullet is body text.");
	assert_string_equal(P(g, 5)->text, "So is a numbered one.");
	for (size_t i = 0; i < 6; i++) {
		assert_int_equal(P(g, i)->paragraph, (int)i + 1);
		assert_int_equal(P(g, i)->ordinal, (int)i + 1);
	}
}

static const char md[] =
	"---\n"
	"title: \"Appeals court revives the suit\"\n"
	"author: 'Sam Poe'\n"
	"date: 2026-03-02T09:30:00Z\n"
	"---\n"
	"\n"
	"# Appeals court revives the suit\n"
	"\n"
	"## Key takeaways\n"
	"- The panel split **2-1**.\n"
	"\n"
	"The _majority_ cited `Rule 12(b)` and [the docket](https://x.test/d) "
	"in its opinion. See <https://x.test/op>. A snake_case_name and 5 * 3 "
	"stay.\n"
	"\n"
	"### Dissent ###\n"
	"Judge Lee ~disagreed~ in writing.\n";

static void front_matter_and_inline(void **state)
{
	struct got *g = *state;
	assert_int_equal(parse(g, md), 0);
	assert_string_equal(g->a.title, "Appeals court revives the suit");
	assert_string_equal(g->a.author, "Sam Poe");
	assert_string_equal(g->a.date, "2026-03-02");
	assert_int_equal(g->a.npassages, 3); /* the "# " line was the title */
	assert_string_equal(P(g, 0)->text, "The panel split 2-1.");
	assert_int_equal(P(g, 0)->kind, BLOCK_KEYPOINT);
	assert_string_equal(P(g, 0)->section, "Key takeaways");
	assert_string_equal(P(g, 1)->text,
	                    "The majority cited Rule 12(b) and the docket in its "
	                    "opinion. See https://x.test/op. A snake_case_name "
	                    "and 5 * 3 stay.");
	assert_string_equal(P(g, 1)->section, "Key takeaways");
	assert_string_equal(P(g, 2)->section, "Dissent");
}

static void hash_title_and_plain_title(void **state)
{
	struct got *g = *state;
	assert_int_equal(parse(g, "# The **big** ruling\n\nIt came today.\n\n"
	                          "## After\nMore text.\n"), 0);
	assert_string_equal(g->a.title, "The big ruling");
	assert_int_equal(g->a.npassages, 2);
	assert_string_equal(P(g, 1)->section, "After");
	assert_int_equal(parse(g, "A plain headline\n\nFirst paragraph here.\n\n"
	                          "Second (2023) and (the company).\n"), 0);
	assert_string_equal(g->a.title, "A plain headline");
	assert_int_equal(g->a.npassages, 2);
	assert_string_equal(P(g, 1)->text, "Second (2023) and (the company).");
	assert_int_equal(P(g, 1)->nsources, 0);
}

static void title_from_text(void **state)
{
	struct got *g = *state;
	assert_int_equal(parse(g, "The court met on Monday and heard two hours "
	                          "of argument from both sides about the deal.\n"
	                          "It adjourned at noon.\n"), 0);
	assert_string_equal(g->a.title, "The court met on Monday and heard two "
	                                "hours of argument from");
	assert_int_equal(g->a.npassages, 1);
}

static void bad_date_warns(void **state)
{
	struct got *g = *state;
	assert_int_equal(parse(g, "title: T\ndate: April 2026\n\nBody.\n"), 0);
	assert_string_equal(g->a.date, "");
	assert_string_equal(g->warnings.p, "bad date 'April 2026'\n");
	assert_string_equal(g->a.title, "T");
}

/* ------------------------------------------------------------ edge cases */

static void empty_and_blank_files(void **state)
{
	struct got *g = *state;
	assert_int_equal(parse(g, ""), DOCKET_BAD_INPUT);
	assert_int_equal(g->calls, 0);
	assert_string_equal(g->warnings.p, "empty file\n");
	assert_int_equal(parse(g, "  \n\t\n\r\n"), DOCKET_BAD_INPUT);
	assert_string_equal(g->warnings.p, "empty file\n");
	assert_int_equal(parse(g, "###\n### \n(wired.com)\n"), DOCKET_BAD_INPUT);
	assert_string_equal(g->warnings.p, "no text\n");
	assert_int_equal(g->calls, 0);
}

static void only_title(void **state)
{
	struct got *g = *state;
	assert_int_equal(parse(g, "Just a headline\n"), 0);
	assert_int_equal(g->calls, 1);
	assert_string_equal(g->a.title, "Just a headline");
	assert_int_equal(g->a.npassages, 0);
	assert_int_equal(parse(g, "title: Header only\n\n"), 0);
	assert_string_equal(g->a.title, "Header only");
	assert_int_equal(g->a.npassages, 0);
}

static int stop_sink(void *ctx, struct article *a)
{
	return DOCKET_INTERRUPTED;
}

static void sink_status_returned(void **state)
{
	struct parse_ctx p = {"x", "x", stop_sink, NULL, NULL};
	assert_int_equal(parse_text("Hi\n\nThere.\n", 11, &p), DOCKET_INTERRUPTED);
	/* no warn callback: still no crash */
	assert_int_equal(parse_text("", 0, &p), DOCKET_BAD_INPUT);
}

static void odd_input_survives(void **state)
{
	struct got *g = *state;
	const char *odd[] = {
		"###\n###\n###", "Title\n(((((unclosed (wired.com\n",
		"T\n- \n- - -\n* * *\n", "T\n### ?\n## !\n# :\n",
		"T\nx ### ### ### ###\n", ">\n> \n>>\n", "[a](b\n`x\n**\n__\n",
		"---\ntitle: x\n", "key:\n\n", "T\n)))))(((((\n",
		"T\nword (a.b) (c.d) more (e.f)\n"};
	for (size_t i = 0; i < sizeof odd / sizeof *odd; i++) {
		int rc = parse(g, odd[i]);
		assert_true(rc == 0 || rc == DOCKET_BAD_INPUT);
	}
	buf b = BUF_INIT;
	int rc = 0;
	buf_puts(&rc, &b, "Headline\n");
	for (int i = 0; i < 10000; i++)
		buf_putc(&rc, &b, '(');
	buf_puts(&rc, &b, " ### x ");
	for (int i = 0; i < 10000; i++)
		buf_puts(&rc, &b, "a.b) ");
	assert_int_equal(parse(g, b.p), 0);
	buf_free(&b);
}

/* Inputs the fuzzer once crashed on: a bad date cut inside a UTF-8
 * sequence in its warning, and overlapping " - - " key-point markers. */
static void fuzz_regressions(void **state)
{
	static const struct { const char *s; size_t n; } in[] = {
		{"\x0a\xf4\x2f\x0a\x2a\x20\x3a\x20\x74\x41\xff\xff\xff\xff\xff\x78\x20\x23\x23\x23\x20\x23\x23\x60\x23\x20\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\x09\xff\xff\xff\xff\xff\xfe\xff\xff\xff\xff\x69\x2a\x20\x2a\x20\xa9\x20\x2d\x00\x00\x00\x00\x00\x00\x00\x00\x00\xff\xff\xff\x09\xff\xff\xff\xff\xff\xff\xff\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\xff\xff\xff\x09\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\x69\x2a\x20\xa9\x20\x2a\x20\x2d\x00\x00\x00\x20\x2a\x20\xa9\x2a\x35", 117},
	};
	struct got *g = *state;
	for (size_t i = 0; i < sizeof in / sizeof *in; i++) {
		struct parse_ctx p = {"f", "f", sink, warned, g};
		int rc = 0;
		buf clean = BUF_INIT;
		utf8_sanitize(&rc, &clean, in[i].s, in[i].n);
		rc = parse_text(clean.p, clean.n, &p);
		assert_true(rc == 0 || rc == DOCKET_BAD_INPUT);
		buf_free(&clean);
	}
	assert_int_equal(parse(g, "T\n- a. - - b. - c.\nBody. ### H? x\n"), 0);
	assert_string_equal(P(g, 0)->text, "a.");
	assert_int_equal(parse(g, "title: T\ndate: \xC3\xA9"
	                          "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
	                          "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\xC3\xA9z\n\nx\n"), 0);
	assert_non_null(strstr(g->warnings.p, "bad date"));
	assert_null(strstr(g->warnings.p, "\xC3'"));
}

int main(void)
{
#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)
	const struct CMUnitTest tests[] = {
		T(flat_title_and_keypoints),
		T(flat_credits_split_paragraphs),
		T(flat_inline_headings),
		T(flat_long_single_line),
		T(kv_header),
		T(structured_blocks),
		T(front_matter_and_inline),
		T(hash_title_and_plain_title),
		T(title_from_text),
		T(bad_date_warns),
		T(empty_and_blank_files),
		T(only_title),
		cmocka_unit_test(sink_status_returned),
		T(odd_input_survives),
		T(fuzz_regressions),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
