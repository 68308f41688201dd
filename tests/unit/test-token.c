/* test-token.c — common/token.c: word boundaries, byte offsets, terms and
 * positions, on the cases where Xapian's QueryParser has rules of its own. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "../../common/token.h"

#define MAXTOK 64

struct got {
	size_t n;
	struct token t[MAXTOK];
	size_t stop_after; /* 0: never stop */
};

static int collect(void *ctx, const struct token *t)
{
	struct got *g = ctx;
	if (g->n < MAXTOK)
		g->t[g->n++] = *t;
	return g->stop_after && g->n >= g->stop_after;
}

static unsigned scan(const char *s, struct got *g)
{
	memset(g, 0, sizeof *g);
	return token_scan(s, strlen(s), 1, collect, g);
}

/* The terms of S joined by spaces. */
static const char *terms(const char *s)
{
	static char out[1024];
	struct got g;
	scan(s, &g);
	out[0] = '\0';
	for (size_t i = 0; i < g.n; i++) {
		if (i)
			strcat(out, " ");
		strcat(out, g.t[i].term);
	}
	return out;
}

static void ascii_offsets(void **state)
{
	struct got g;
	unsigned next = scan("  Hello, World!  foo_bar 42", &g);
	assert_int_equal(g.n, 4);
	assert_string_equal(g.t[0].term, "hello");
	assert_int_equal(g.t[0].start, 2);
	assert_int_equal(g.t[0].end, 7);
	assert_int_equal(g.t[0].len, 5);
	assert_string_equal(g.t[1].term, "world");
	assert_int_equal(g.t[1].start, 9);
	assert_int_equal(g.t[1].end, 14);
	assert_string_equal(g.t[2].term, "foo_bar");
	assert_string_equal(g.t[3].term, "42");
	assert_int_equal(g.t[3].end, 27);
	assert_int_equal(g.t[0].pos, 1);
	assert_int_equal(g.t[3].pos, 4);
	assert_int_equal(next, 5);
}

static void multibyte_offsets(void **state)
{
	struct got g;
	/* "Zoë" is 4 bytes, "ÉCOLE" 6, "naïve" 6; a no-break space (2 bytes)
	 * and an em dash (3 bytes) separate words. */
	scan("Zoë\xc2\xa0ÉCOLE\xe2\x80\x94naïve", &g);
	assert_int_equal(g.n, 3);
	assert_string_equal(g.t[0].term, "zoë");
	assert_int_equal(g.t[0].start, 0);
	assert_int_equal(g.t[0].end, 4);
	assert_string_equal(g.t[1].term, "école");
	assert_int_equal(g.t[1].start, 6);
	assert_int_equal(g.t[1].end, 12);
	assert_string_equal(g.t[2].term, "naïve");
	assert_int_equal(g.t[2].start, 15);
	assert_int_equal(g.t[2].end, 21);
	assert_string_equal(terms("ΣΟΦΙΑ Straße"), "σοφια straße");
}

static void apostrophes(void **state)
{
	struct got g;
	assert_string_equal(terms("Microsoft's"), "microsoft's");
	scan("Microsoft\xe2\x80\x99s deal", &g); /* U+2019 */
	assert_int_equal(g.n, 2);
	assert_string_equal(g.t[0].term, "microsoft's");
	assert_int_equal(g.t[0].end, 13); /* the whole curly apostrophe */
	assert_string_equal(terms("don\xe2\x80\x9bt"), "don't"); /* U+201B */
	/* not between word characters: not part of a word */
	assert_string_equal(terms("'tis the players' \xe2\x80\x99quote\xe2\x80\x99"),
	                    "tis the players quote");
	assert_string_equal(terms("x''y"), "x y");
}

static void special_cases(void **state)
{
	assert_string_equal(terms("U.S. courts"), "us courts");
	assert_string_equal(terms("the I.B.M."), "the ibm");
	assert_string_equal(terms("Ph.D. thesis"), "ph d thesis");
	assert_string_equal(terms("AT&T and M&S"), "at&t and m&s");
	assert_string_equal(terms("C++ and C# but C++++"), "c++ and c# but c");
	assert_string_equal(terms("fish+chips"), "fish chips");
	assert_string_equal(terms("3.14 and 1,000.50 but 1'000"),
	                    "3.14 and 1,000.50 but 1 000");
	assert_string_equal(terms("T-Mobile e-mail"), "t mobile e mail");
	assert_string_equal(terms("zero\xe2\x80\x8bwidth"), "zerowidth");
	struct got g;
	scan("in the U.S. now", &g);
	assert_int_equal(g.t[2].start, 7);
	assert_int_equal(g.t[2].end, 11); /* the acronym keeps its last dot */
}

static void long_words(void **state)
{
	char text[256];
	memset(text, 'x', 65);
	strcpy(text + 65, " short ");
	memset(text + 72, 'y', 64);
	strcpy(text + 136, " end");
	struct got g;
	unsigned next = scan(text, &g);
	assert_int_equal(g.n, 3);
	assert_string_equal(g.t[0].term, "short");
	assert_int_equal(g.t[0].pos, 2); /* the long word took position 1 */
	assert_int_equal(g.t[1].len, 64); /* exactly TOKEN_MAX is a term */
	assert_int_equal(g.t[1].pos, 3);
	assert_string_equal(g.t[2].term, "end");
	assert_int_equal(g.t[2].pos, 4);
	assert_int_equal(next, 5);
	/* 33 two-byte letters: 66 bytes, too long */
	char wide[128] = "";
	for (int i = 0; i < 33; i++)
		strcat(wide, "é");
	strcat(wide, " ok");
	next = scan(wide, &g);
	assert_int_equal(g.n, 1);
	assert_int_equal(g.t[0].pos, 2);
}

static void positions_and_stop(void **state)
{
	struct got g;
	memset(&g, 0, sizeof g);
	const char *s = "one two three four";
	assert_int_equal(token_scan(s, strlen(s), 10, collect, &g), 14);
	assert_int_equal(g.t[0].pos, 10);
	assert_int_equal(g.t[3].pos, 13);
	memset(&g, 0, sizeof g);
	g.stop_after = 2;
	assert_int_equal(token_scan(s, strlen(s), 1, collect, &g), 3);
	assert_int_equal(g.n, 2);
	memset(&g, 0, sizeof g);
	assert_int_equal(token_scan(" ... ", 5, 7, collect, &g), 7);
	assert_int_equal(g.n, 0);
	/* a length limit is honoured: no reading past N */
	assert_int_equal(token_scan("abc def", 3, 1, collect, &g), 2);
	assert_string_equal(g.t[0].term, "abc");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(ascii_offsets),
		cmocka_unit_test(multibyte_offsets),
		cmocka_unit_test(apostrophes),
		cmocka_unit_test(special_cases),
		cmocka_unit_test(long_words),
		cmocka_unit_test(positions_and_stop),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
