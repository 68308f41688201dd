/* token.c — the one tokenizer (see token.h).  The indexer turns its words
 * into terms, the highlighter finds words with it, and Xapian's QueryParser
 * (not ours) splits what users type; so this file reproduces the word rules
 * of Xapian 1.4's QueryParser::Internal::parse_term() and lowers case as the
 * QueryParser does afterwards (Unicode::tolower, code point by code point).
 *
 * The rules, in the order they are tried at the first word character:
 *   - Acronyms: ASCII capitals joined by dots, at least two of them and not
 *     followed by a word character, are one word without the dots:
 *     "U.S." -> "us", "I.B.M" -> "ibm".  The trailing dot belongs to the
 *     word (as the QueryParser consumes it), so the span of "U.S." is four
 *     bytes.
 *   - Otherwise a run of word characters (Xapian::Unicode::is_wordchar).  One
 *     infix character between two word characters joins them: ' & U+00B7
 *     U+05F4 U+2027, and U+2019 U+201B stored as ASCII ' ("Microsoft’s" ->
 *     "microsoft's", "AT&T" -> "at&t").  Between two digits the infixes are
 *     instead , . ; and a few non-ASCII separators ("3.14", "1,000"; "1'000"
 *     splits).  Zero-width characters (U+200B..U+200D, U+2060, U+FEFF)
 *     between word characters are dropped and the word goes on.
 *   - Suffixes: one to three of + and # right after a word, not followed by
 *     a word character, belong to it ("C++" -> "c++", "C#" -> "c#").  The
 *     QueryParser keeps the suffix only when the index holds the suffixed
 *     term or lacks the bare one; since we always index the suffixed form,
 *     both agree on any index we built.
 * Where we knowingly differ: CJK text is not cut into n-grams (the
 * QueryParser only does so when asked with FLAG_CJK_NGRAM, which we do not
 * use), and words over TOKEN_MAX bytes are dropped (as Xapian's
 * TermGenerator drops them; the QueryParser would keep them, but they can
 * never match a term we indexed anyway).
 *
 * A word whose term is longer than TOKEN_MAX bytes takes a position but is
 * not reported.  The scan allocates nothing: the term is built in the one
 * struct token on the stack, ASCII by table look-up; only non-ASCII code
 * points go to Xapian's Unicode tables (common/unicode.h).
 */
#include "token.h"

#include <stdint.h>

#include "utf8.h"
#include "unicode.h"

#define IGNORE_CP 0xFFFFFFFFu /* a zero-width character inside a word */

/* 1 for the ASCII word characters [0-9A-Za-z_]. */
static const unsigned char ascii_word[128] = {
	['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1, ['4'] = 1,
	['5'] = 1, ['6'] = 1, ['7'] = 1, ['8'] = 1, ['9'] = 1,
	['A'] = 1, ['B'] = 1, ['C'] = 1, ['D'] = 1, ['E'] = 1, ['F'] = 1,
	['G'] = 1, ['H'] = 1, ['I'] = 1, ['J'] = 1, ['K'] = 1, ['L'] = 1,
	['M'] = 1, ['N'] = 1, ['O'] = 1, ['P'] = 1, ['Q'] = 1, ['R'] = 1,
	['S'] = 1, ['T'] = 1, ['U'] = 1, ['V'] = 1, ['W'] = 1, ['X'] = 1,
	['Y'] = 1, ['Z'] = 1, ['_'] = 1,
	['a'] = 1, ['b'] = 1, ['c'] = 1, ['d'] = 1, ['e'] = 1, ['f'] = 1,
	['g'] = 1, ['h'] = 1, ['i'] = 1, ['j'] = 1, ['k'] = 1, ['l'] = 1,
	['m'] = 1, ['n'] = 1, ['o'] = 1, ['p'] = 1, ['q'] = 1, ['r'] = 1,
	['s'] = 1, ['t'] = 1, ['u'] = 1, ['v'] = 1, ['w'] = 1, ['x'] = 1,
	['y'] = 1, ['z'] = 1,
};

/* The code point at TEXT[i..n), i < n, its length in *LEN.  Invalid bytes
 * (the contract says there are none) read as U+FFFD, not a word character. */
static uint32_t next_cp(const char *text, size_t n, size_t i, size_t *len)
{
	unsigned char c = (unsigned char)text[i];
	if (c < 0x80) {
		*len = 1;
		return c;
	}
	int32_t cp = utf8_decode(text + i, n - i, len);
	return cp < 0 ? 0xFFFD : (uint32_t)cp;
}

static int is_word(uint32_t cp)
{
	return cp < 128 ? ascii_word[cp] : unicode_is_wordchar(cp);
}

/* First code points of the runs of ten Unicode decimal digits (category Nd)
 * that Xapian 1.4.22 knows, plus one run of fifty (mathematical digits);
 * checked against Xapian::Unicode::get_category over all code points. */
static const uint32_t digit_runs[] = {
	0x660, 0x6F0, 0x7C0, 0x966, 0x9E6, 0xA66, 0xAE6, 0xB66, 0xBE6,
	0xC66, 0xCE6, 0xD66, 0xDE6, 0xE50, 0xED0, 0xF20, 0x1040, 0x1090,
	0x17E0, 0x1810, 0x1946, 0x19D0, 0x1A80, 0x1A90, 0x1B50, 0x1BB0,
	0x1C40, 0x1C50, 0xA620, 0xA8D0, 0xA900, 0xA9D0, 0xA9F0, 0xAA50,
	0xABF0, 0xFF10, 0x104A0, 0x11066, 0x110F0, 0x11136, 0x111D0,
	0x112F0, 0x11450, 0x114D0, 0x11650, 0x116C0, 0x11730, 0x118E0,
	0x11C50, 0x16A60, 0x16B50, 0x1E950,
};

/* Unicode::get_category(cp) == DECIMAL_DIGIT_NUMBER, as the QueryParser's
 * is_digit() asks. */
static int is_digit(uint32_t cp)
{
	if (cp < 128)
		return cp >= '0' && cp <= '9';
	if (cp >= 0x1D7CE && cp <= 0x1D7FF)
		return 1;
	for (size_t i = 0; i < sizeof digit_runs / sizeof *digit_runs; i++)
		if (cp >= digit_runs[i] && cp < digit_runs[i] + 10)
			return 1;
	return 0;
}

static int is_upper(uint32_t cp)
{
	return cp >= 'A' && cp <= 'Z';
}

static int is_zero_width(uint32_t cp)
{
	return (cp >= 0x200B && cp <= 0x200D) || cp == 0x2060 || cp == 0xFEFF;
}

/* What CH between two word characters becomes: itself, ' for the curly
 * apostrophes, IGNORE_CP, or 0 when it ends the word. */
static uint32_t infix(uint32_t ch)
{
	if (ch == '\'' || ch == '&' || ch == 0xB7 || ch == 0x5F4 || ch == 0x2027)
		return ch;
	if (ch == 0x2019 || ch == 0x201B)
		return '\'';
	return is_zero_width(ch) ? IGNORE_CP : 0;
}

/* The same between two digits. */
static uint32_t infix_digit(uint32_t ch)
{
	switch (ch) {
	case ',': case '.': case ';': case 0x37E: case 0x589: case 0x60D:
	case 0x7F8: case 0x2044: case 0xFE10: case 0xFE13: case 0xFE14:
		return ch;
	}
	return is_zero_width(ch) ? IGNORE_CP : 0;
}

/* Append CP lower-cased to T's term; past TOKEN_MAX only the length grows
 * (so the caller can tell the word is too long). */
static void put_lower(struct token *t, uint32_t cp)
{
	char tmp[4];
	size_t k;
	if (cp < 128) {
		tmp[0] = (char)(cp >= 'A' && cp <= 'Z' ? cp + 32 : cp);
		k = 1;
	} else {
		k = utf8_encode(unicode_tolower(cp), tmp);
	}
	if (t->len + k <= TOKEN_MAX)
		for (size_t j = 0; j < k; j++)
			t->term[t->len + j] = tmp[j];
	t->len += k;
}

/* An acronym at TEXT[i..n): fills T and returns the offset past it, or
 * returns 0 when there is none (a word never ends at offset 0). */
static size_t acronym(const char *text, size_t n, size_t i, struct token *t)
{
	size_t p = i, letters = 0;
	t->len = 0;
	do {
		put_lower(t, (unsigned char)text[p++]);
		letters++;
	} while (p < n && text[p] == '.' && ++p < n &&
	         is_upper((unsigned char)text[p]));
	if (letters < 2)
		return 0;
	if (p < n) {
		size_t k;
		if (is_word(next_cp(text, n, p, &k)))
			return 0;
	}
	return p;
}

/* The run of 1..3 suffix characters at TEXT[i..n) not followed by a word
 * character: its length, or 0. */
static size_t suffix(const char *text, size_t n, size_t i)
{
	size_t k = 0;
	while (i + k < n && (text[i + k] == '+' || text[i + k] == '#'))
		k++;
	if (k == 0 || k > 3)
		return 0;
	if (i + k < n) {
		size_t len;
		if (is_word(next_cp(text, n, i + k, &len)))
			return 0;
	}
	return k;
}

/* An ordinary word starting with the word character FIRST (LEN bytes) at
 * TEXT[i..n): fills T's term and returns the offset past the word. */
static size_t word(const char *text, size_t n, size_t i, uint32_t first,
                   size_t len, struct token *t)
{
	uint32_t prev = first;
	t->len = 0;
	put_lower(t, first);
	i += len;
	while (i < n) {
		unsigned char c = (unsigned char)text[i];
		if (c < 0x80 && ascii_word[c]) { /* the common case */
			if (t->len < TOKEN_MAX)
				t->term[t->len] =
					(char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
			t->len++;
			prev = c;
			i++;
			continue;
		}
		uint32_t ch = next_cp(text, n, i, &len);
		if (is_word(ch)) {
			put_lower(t, ch);
			prev = ch;
			i += len;
			continue;
		}
		size_t nlen;
		if (i + len >= n)
			break;
		uint32_t next = next_cp(text, n, i + len, &nlen);
		if (!is_word(next))
			break;
		ch = is_digit(prev) && is_digit(next) ? infix_digit(ch)
		                                      : infix(ch);
		if (!ch)
			break;
		if (ch != IGNORE_CP) {
			put_lower(t, ch);
			prev = ch;
		}
		i += len;
	}
	size_t k = suffix(text, n, i);
	for (size_t j = 0; j < k; j++)
		put_lower(t, (unsigned char)text[i + j]);
	return i + k;
}

unsigned token_scan(const char *text, size_t n, unsigned first_pos,
                    token_fn fn, void *ctx)
{
	struct token t;
	unsigned pos = first_pos;
	size_t i = 0, len;
	while (i < n) {
		unsigned char c = (unsigned char)text[i];
		uint32_t cp;
		if (c < 0x80) {
			if (!ascii_word[c]) {
				i++;
				continue;
			}
			cp = c;
			len = 1;
		} else {
			cp = next_cp(text, n, i, &len);
			if (!unicode_is_wordchar(cp)) {
				i += len;
				continue;
			}
		}
		size_t end = is_upper(cp) ? acronym(text, n, i, &t) : 0;
		if (!end)
			end = word(text, n, i, cp, len, &t);
		t.start = i;
		t.end = end;
		t.pos = pos++;
		i = end;
		if (t.len > TOKEN_MAX)
			continue;
		t.term[t.len] = '\0';
		if (fn(ctx, &t))
			break;
	}
	return pos;
}
