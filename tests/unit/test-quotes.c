/* test-quotes.c — unit tests for indexer/quotes.c: every attribution style
 * (cue after, cue before, split, pronoun, surname, role, organisation,
 * document, the quote before, multi-paragraph), the marks (straight,
 * curly, nested single), the negatives (scare quotes, titles, title-case
 * fragments, nicknames, an unclosed quote), byte offsets, the grouping key
 * and the word lists' order. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "../../indexer/quote-words.h"
#include "../../common/quotekey.h"
#include "../../indexer/quotes.h"

#define MAXP 8

struct run {
	const char *const *paras;
	size_t n;
	struct quote_list out[MAXP];
};

/* Run the rules over PARAS[0..N) (one paragraph each, unless SAME, when
 * they are all passages of paragraph 1). */
static void run_same(struct run *r, const char *const *paras, size_t n, int same)
{
	struct quote_input in[MAXP];
	assert_true(n <= MAXP);
	memset(r, 0, sizeof *r);
	r->paras = paras;
	r->n = n;
	for (size_t i = 0; i < n; i++)
		in[i] = (struct quote_input){paras[i], strlen(paras[i]), same ? 1 : (int)i + 1};
	int rc = 0;
	quotes_find(&rc, in, n, r->out);
	assert_int_equal(rc, 0);
}

static void run(struct run *r, const char *const *paras, size_t n)
{
	run_same(r, paras, n, 0);
}

static void done(struct run *r)
{
	for (size_t i = 0; i < r->n; i++)
		quote_list_clear(&r->out[i]);
}

/* Passage P's quote K is TEXT, said by SPEAKER with CUE. */
static void is_quote(const struct run *r, size_t p, size_t k, const char *text,
                     const char *speaker, const char *cue)
{
	assert_true(k < r->out[p].n);
	const struct quote *q = &r->out[p].q[k];
	assert_true(q->start <= q->end && q->end <= strlen(r->paras[p]));
	char got[512];
	size_t n = q->end - q->start;
	assert_true(n < sizeof got);
	memcpy(got, r->paras[p] + q->start, n);
	got[n] = '\0';
	assert_string_equal(got, text);
	assert_string_equal(q->speaker, speaker);
	if (cue)
		assert_string_equal(q->cue, cue);
}

static void cue_after(void **state)
{
	const char *p[] = {
		"\"We will appeal this ruling at once,\" said Dana Whitlock, a lawyer for Nimbus.",
		"\"The jury got it wrong,\" Whitlock told reporters outside the court.",
	};
	struct run r;
	run(&r, p, 2);
	assert_int_equal(r.out[0].n, 1);
	is_quote(&r, 0, 0, "We will appeal this ruling at once,", "Dana Whitlock", "said");
	is_quote(&r, 1, 0, "The jury got it wrong,", "Dana Whitlock", "told");
	assert_int_equal(r.out[0].q[0].kind, SPEAKER_PERSON);
	done(&r);
}

static void cue_before(void **state)
{
	const char *p[] = {
		"Judge Rita Lindqvist opened the hearing. Lindqvist said: \"Nobody leaves until we have a schedule.\"",
		"Asked about the delay, Oren Malik said, \"We filed everything on time.\"",
		"Malik told the court that the company \"never saw the second contract at all.\"",
	};
	struct run r;
	run(&r, p, 3);
	is_quote(&r, 0, 0, "Nobody leaves until we have a schedule.", "Rita Lindqvist", "said");
	is_quote(&r, 1, 0, "We filed everything on time.", "Oren Malik", "said");
	is_quote(&r, 2, 0, "never saw the second contract at all.", "Oren Malik", "told");
	done(&r);
}

static void split_quote(void **state)
{
	const char *p[] = {
		"Priya Raman testified for two hours. \xE2\x80\x9CI kept a notebook,\xE2\x80\x9D she said, "
		"\xE2\x80\x9C" "but I threw it out when we moved.\xE2\x80\x9D",
	};
	struct run r;
	run(&r, p, 1);
	assert_int_equal(r.out[0].n, 2);
	is_quote(&r, 0, 0, "I kept a notebook,", "Priya Raman", "said");
	is_quote(&r, 0, 1, "but I threw it out when we moved.", "Priya Raman", "said");
	done(&r);
}

static void pronoun_by_gender(void **state)
{
	const char *p[] = {
		"Camille Ferreira took the stand on Tuesday.",
		"Her lawyer, Martin Oyelaran, asked whether she had read the licence. "
		"\"I read every page of it,\" she said.",
		"\"That is all I have,\" he said.",
	};
	struct run r;
	run(&r, p, 3);
	is_quote(&r, 1, 0, "I read every page of it,", "Camille Ferreira", "said");
	is_quote(&r, 2, 0, "That is all I have,", "Martin Oyelaran", "said");
	done(&r);
}

static void roles_and_the_judge(void **state)
{
	const char *p[] = {
		"Judge Rita Lindqvist warned both sides on Monday. \"This jury will not sit through a week of slides,\" the judge said.",
		"\"We are disappointed and will seek review,\" a Nimbus spokesperson said in an email.",
		"\"The witness has been coached from the start,\" the prosecutor told jurors.",
	};
	struct run r;
	run(&r, p, 3);
	is_quote(&r, 0, 0, "This jury will not sit through a week of slides,", "Rita Lindqvist", "said");
	is_quote(&r, 1, 0, "We are disappointed and will seek review,", "Nimbus spokesperson", "said");
	assert_int_equal(r.out[1].q[0].kind, SPEAKER_ROLE);
	is_quote(&r, 2, 0, "The witness has been coached from the start,", "prosecutor", "told");
	done(&r);
}

static void organisations(void **state)
{
	const char *p[] = {
		"Verity Health lost its appeal on Thursday.",
		"Verity said in a statement that it \"remains committed to every patient we serve.\"",
		"It added that the ruling \"will be studied carefully by our lawyers.\"",
	};
	struct run r;
	run(&r, p, 3);
	is_quote(&r, 1, 0, "remains committed to every patient we serve.", "Verity Health", "said");
	assert_int_equal(r.out[1].q[0].kind, SPEAKER_ORG);
	is_quote(&r, 2, 0, "will be studied carefully by our lawyers.", "Verity Health", "added");
	done(&r);
}

static void documents(void **state)
{
	const char *p[] = {
		"According to the complaint, Halvorsen \"shipped a product within eleven weeks.\"",
		"The memo that Nimbus filed alongside it said the timeline was \"impossible without our source.\"",
		"Exhibit 42 reads, in part: \"Keep this thread off Slack for now.\"",
		"The audit warned that the servers were \"running software nobody understands\" and that a "
		"breach was \"a matter of when, not if.\"",
	};
	struct run r;
	run(&r, p, 4);
	is_quote(&r, 0, 0, "shipped a product within eleven weeks.", "complaint", "according to");
	assert_int_equal(r.out[0].q[0].kind, SPEAKER_DOCUMENT);
	is_quote(&r, 1, 0, "impossible without our source.", "memo", "said");
	is_quote(&r, 2, 0, "Keep this thread off Slack for now.", "Exhibit 42", "reads");
	is_quote(&r, 3, 0, "running software nobody understands", "audit", "warned");
	is_quote(&r, 3, 1, "a matter of when, not if.", "audit", "warned");
	done(&r);
}

static void the_quote_before(void **state)
{
	const char *p[] = {
		"\"We never agreed to hand over the code,\" Camille Ferreira told jurors. "
		"\"Not in the term sheet, not in any email.\"",
		"Ferreira's lawyer, Tomas Ekberg, was blunt: \"They knew and they did nothing for years.\"",
	};
	struct run r;
	run(&r, p, 2);
	assert_int_equal(r.out[0].n, 2);
	is_quote(&r, 0, 1, "Not in the term sheet, not in any email.", "Camille Ferreira", "told");
	is_quote(&r, 1, 0, "They knew and they did nothing for years.", "Tomas Ekberg", NULL);
	done(&r);
}

static void multi_paragraph(void **state)
{
	const char *p[] = {
		"Ferreira's last answer ran long. \xE2\x80\x9CWhen we started Nimbus, there were four of us in a garage.",
		"\xE2\x80\x9CSo when someone says we took it, I want them to know what that means,\xE2\x80\x9D Camille Ferreira said.",
	};
	struct run r;
	run(&r, p, 2);
	assert_int_equal(r.out[0].n, 1);
	is_quote(&r, 0, 0, "When we started Nimbus, there were four of us in a garage.", "Camille Ferreira", "said");
	assert_int_equal(r.out[0].q[0].continued, 0);
	is_quote(&r, 1, 0, "So when someone says we took it, I want them to know what that means,",
	         "Camille Ferreira", "said");
	assert_int_equal(r.out[1].q[0].continued, 1);
	done(&r);

	/* one long paragraph cut into two passages: the quote runs on from
	 * the start of the second */
	const char *cut[] = {
		"\"We built the routing layer ourselves, in a garage,",
		"and nobody at Halvorsen ever saw it,\" said Camille Ferreira.",
	};
	run_same(&r, cut, 2, 1);
	is_quote(&r, 0, 0, "We built the routing layer ourselves, in a garage,", "Camille Ferreira", "said");
	is_quote(&r, 1, 0, "and nobody at Halvorsen ever saw it,", "Camille Ferreira", "said");
	assert_int_equal(r.out[1].q[0].continued, 1);
	done(&r);
}

static void unclosed_is_dropped(void **state)
{
	const char *p[] = {
		"The filing says \"the code was copied line by line and the team knew it",
		"The next paragraph opens with no mark at all, so nothing continues.",
	};
	struct run r;
	run(&r, p, 2);
	assert_int_equal(r.out[0].n, 0);
	assert_int_equal(r.out[1].n, 0);
	done(&r);
}

static void nested_single_marks(void **state)
{
	const char *p[] = {
		"Lillian Foster said, \"He talked about a 'consulting role' after I left office.\"",
		"\xE2\x80\x9CMy manager put up a slide that said \xE2\x80\x98No script, no dinner.\xE2\x80\x99\xE2\x80\x9D Foster recalled.",
	};
	struct run r;
	run(&r, p, 2);
	assert_int_equal(r.out[0].n, 1);
	is_quote(&r, 0, 0, "He talked about a 'consulting role' after I left office.", "Lillian Foster", "said");
	assert_int_equal(r.out[1].n, 1);
	done(&r);
}

static void negatives(void **state)
{
	const char *p[] = {
		"Oyelaran then showed the jury what he called \"the side letter,\" a document that Halvorsen says expanded the licence.",
		"A documentary about the town, \xE2\x80\x9CStill Water,\xE2\x80\x9D premiered last year.",
		"The suit singles out a track called \"Midnight on Fifth Avenue,\" which it says was copied.",
		"Prosecutors asked the judge to sentence Derek \"Deke\" Marlowe to 14 years.",
		"Students have nicknamed the software \"Big Teacher.\" The handbook calls it a \"wellness monitor.\"",
		"The trial, which local papers have called \"Ridgegate,\" goes on.",
	};
	struct run r;
	run(&r, p, 6);
	for (size_t i = 0; i < 6; i++)
		assert_int_equal(r.out[i].n, 0);
	done(&r);
}

static void short_with_cue_kept(void **state)
{
	const char *p[] = {
		"Mikhail Sorokin faced the jury. \"Yes,\" Sorokin said. \"I understand that.\"",
		"\"Names and amounts,\" said Judge Margaret Chu, \"not categories.\"",
	};
	struct run r;
	run(&r, p, 2);
	assert_int_equal(r.out[0].n, 2);
	is_quote(&r, 0, 0, "Yes,", "Mikhail Sorokin", "said");
	is_quote(&r, 0, 1, "I understand that.", "Mikhail Sorokin", "said");
	assert_int_equal(r.out[1].n, 2);
	is_quote(&r, 1, 1, "not categories.", "Margaret Chu", "said");
	done(&r);
}

static void unattributed_long_quote(void **state)
{
	const char *p[] = {"The sign outside read \"closed until the court decides otherwise\" for weeks."};
	struct run r;
	run(&r, p, 1);
	assert_int_equal(r.out[0].n, 1);
	is_quote(&r, 0, 0, "closed until the court decides otherwise", "", "");
	assert_int_equal(r.out[0].q[0].kind, SPEAKER_NONE);
	done(&r);
}

static void offsets_are_bytes(void **state)
{
	const char *p[] = {"Ana Luc\xC3\xAD" "a Ortega dijo: \xE2\x80\x9C" "Caf\xC3\xA9 con leche para todos ya,\xE2\x80\x9D said Ortega."};
	struct run r;
	run(&r, p, 1);
	assert_int_equal(r.out[0].n, 1);
	const struct quote *q = &r.out[0].q[0];
	assert_int_equal(q->start, strlen("Ana Luc\xC3\xAD" "a Ortega dijo: \xE2\x80\x9C"));
	assert_int_equal(q->end - q->start, strlen("Caf\xC3\xA9 con leche para todos ya,"));
	assert_string_equal(q->speaker, "Ana Luc\xC3\xAD" "a Ortega");
	done(&r);
}

static void nothing_to_find(void **state)
{
	const char *p[] = {"No quotation marks here, only words.", ""};
	struct run r;
	run(&r, p, 2);
	assert_int_equal(r.out[0].n, 0);
	assert_int_equal(r.out[1].n, 0);
	int rc = 0;
	quotes_find(&rc, NULL, 0, NULL);
	assert_int_equal(rc, 0);
}

/* The key of S. */
static char *key(const char *s)
{
	int rc = 0;
	buf b = BUF_INIT;
	quote_key(&rc, &b, s, strlen(s));
	assert_int_equal(rc, 0);
	return buf_steal(&rc, &b);
}

static void grouping_key(void **state)
{
	char *a = key("  We\xE2\x80\x99re NOT done \xE2\x80\x94 not by a long shot!  ");
	assert_string_equal(a, "were not done not by a long shot");
	char *b = key("we're not done, not by a long shot");
	assert_string_equal(a, b);
	char *c = key("Caf\xC3\x89 \xC3\x89LAN");
	assert_string_equal(c, "caf\xC3\xA9 \xC3\xA9lan");
	assert_true(quote_key_contains(a, "not by a long"));
	assert_true(quote_key_contains(a, a));
	assert_false(quote_key_contains(a, "t by a"));   /* not whole words */
	assert_false(quote_key_contains(a, "long shot now"));
	assert_false(quote_key_contains(a, ""));
	free(a);
	free(b);
	free(c);
}

static void word_lists_sorted(void **state)
{
	for (int l = 0; l < WL_LAST; l++) {
		assert_non_null(word_at((enum word_list)l, 0));
		for (size_t i = 1; word_at((enum word_list)l, i); i++)
			assert_true(strcmp(word_at((enum word_list)l, i - 1), word_at((enum word_list)l, i)) < 0);
		for (size_t i = 0; word_at((enum word_list)l, i); i++)
			assert_true(word_in((enum word_list)l, word_at((enum word_list)l, i)));
	}
	assert_true(word_in(WL_CUE, "testified"));
	assert_false(word_in(WL_CUE, "banana"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(cue_after),
		cmocka_unit_test(cue_before),
		cmocka_unit_test(split_quote),
		cmocka_unit_test(pronoun_by_gender),
		cmocka_unit_test(roles_and_the_judge),
		cmocka_unit_test(organisations),
		cmocka_unit_test(documents),
		cmocka_unit_test(the_quote_before),
		cmocka_unit_test(multi_paragraph),
		cmocka_unit_test(unclosed_is_dropped),
		cmocka_unit_test(nested_single_marks),
		cmocka_unit_test(negatives),
		cmocka_unit_test(short_with_cue_kept),
		cmocka_unit_test(unattributed_long_quote),
		cmocka_unit_test(offsets_are_bytes),
		cmocka_unit_test(nothing_to_find),
		cmocka_unit_test(grouping_key),
		cmocka_unit_test(word_lists_sorted),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
