/* legalform.h — the regular forms of legal identifiers: docket numbers,
 * court names and record cites, recognised in text and normalised to one
 * key each (issue 17).
 *
 * Shared by the indexer (indexer/legal.c reads an article with these and
 * adds judges and cases) and the query side: the field table's normalisers
 * (common/schema.c) turn what a user typed into the same keys, so
 * `docket:3:25-cv-04418-RFL` and `docket:25-cv-4418` are one term.  Pure C
 * over libc and buf.h.  The canonical forms are eval/legal/README.md's.
 */
#ifndef DOCKET_LEGALFORM_H
#define DOCKET_LEGALFORM_H

#include <stddef.h>
#include <string.h>
#include <strings.h>

#include "buf.h"

/* A list of distinct strings in order of first appearance. */
struct legal_list {
	char **v;   /* the strings, each NUL-terminated, owned */
	size_t n;   /* strings in use */
	size_t cap; /* slots allocated */
};

/* Add S[0..N) to L unless it is there already.  Sticky on *RC. */
void legal_list_add(int *rc, struct legal_list *l, const char *s, size_t n);
/* Add B's contents (when not empty) to L and empty B. */
void legal_list_take(int *rc, struct legal_list *l, buf *b);
/* The index of S in L, or -1.  Cannot fail. */
long legal_list_find(const struct legal_list *l, const char *s);
/* Free L's strings and zero it.  Accepts a zeroed list. */
void legal_list_free(struct legal_list *l);

/* Every docket number of S[0..N) into L, as keys ("25-cv-4418").
 * Returns how many of them are docket numbers by their form (district,
 * MDL) or their lead ("Case No.", "docket number"); the others only
 * follow a bare "No." ("No. 24-1234"), as catalogue, event and part
 * numbers do, and the caller keeps them only in an article with other
 * legal context. */
size_t legal_find_dockets(int *rc, struct legal_list *l, const char *s, size_t n);
/* Every court of S[0..N): keys into KEYS ("ndcal"), display names into
 * NAMES ("N.D. Cal."), the two lists kept parallel. */
void legal_find_courts(int *rc, struct legal_list *keys,
                       struct legal_list *names, const char *s, size_t n);
/* Every record cite of S[0..N) into L ("PX-17").  LEGAL: the article has
 * legal context; without it the forms that also name museum pieces and
 * products ("Exhibit 42", "DX-5") are not taken. */
void legal_find_cites(int *rc, struct legal_list *l, const char *s, size_t n,
                      int legal);

/* Append to OUT the docket key of the number S[0..N) as a user may type it
 * ("3:25-cv-04418-RFL", "No. 25-cv-1187", "24-01234", "MDL 3101") and
 * return 1, or return 0 and append nothing when S is not one docket number.
 * Sticky on *RC. */
int legal_docket_key(int *rc, buf *out, const char *s, size_t n);

/* Append to OUT the court key of S[0..N) — a short form ("N.D. Cal.",
 * "SDNY", "9th Cir.") or a long one ("Northern District of California",
 * "the Ninth Circuit", "Cook County Circuit Court") — and return 1, or
 * return 0 and append nothing when the whole of S is no court form (the
 * caller may then take S, lower-cased, as a key itself: "ndcal").  Sticky
 * on *RC. */
int legal_court_key(int *rc, buf *out, const char *s, size_t n);

/* Append to OUT the canonical record cite of S[0..N) ("px 17" → "PX-17",
 * "ECF No. 12" → "ECF 12", "42" → "Exhibit 42") and return 1, or return 0
 * when S is not a cite.  Sticky on *RC. */
int legal_cite_key(int *rc, buf *out, const char *s, size_t n);

/* Append to OUT the match key of caption S[0..N) as written or typed:
 * lower case, "vs."/"v" as "v.", corporate suffixes, "et al." and commas
 * dropped, a party "U.S." as "united states" ("Delacroix vs. Nimbus Inc."
 * → "delacroix v. nimbus").  Returns 1 when S is a caption (it has " v. "
 * or starts "in re"), 0 for a plain name or word (OUT still gets its key).
 * Sticky on *RC. */
int legal_case_key(int *rc, buf *out, const char *s, size_t n);

/* Whether a case: query for key T[0..TN) finds caption key K[0..N): T is
 * K, K cut after a word of its right party ("delacroix v. nimbus" finds
 * "delacroix v. nimbus technologies"), or a word of K that names a party
 * (not "v.", "of", "in re"...).  The index holds each caption's key alone
 * (indexer/document.c) and a query's term is widened to every key it
 * finds (engine/query.cc).  Cannot fail. */
int legal_case_covers(const char *k, size_t n, const char *t, size_t tn);

/* Whether lower-case W[0..N) is a word of a caption that names nothing
 * alone ("v.", "of", "the", "in", "re"...).  Cannot fail. */
int legal_caption_glue(const char *w, size_t n);

#ifdef LEGALFORM_HELPERS
/* ------------------- byte helpers of legalform.c and indexer/legal.c */

static inline int is_up(int c) { return c >= 'A' && c <= 'Z'; }
static inline int is_lo(int c) { return c >= 'a' && c <= 'z'; }
static inline int is_dig(int c) { return c >= '0' && c <= '9'; }

/* A byte of a word: ASCII letter or digit, or any byte of a multi-byte
 * character (letters outside ASCII are not told apart from symbols). */
static inline int wch(int c)
{
	return is_up(c) || is_lo(c) || is_dig(c) || (unsigned char)c >= 0x80;
}

static inline int lower(int c) { return is_up(c) ? c + 32 : c; }

/* Whether S[I] starts a word (I == 0 or the byte before is no word byte). */
static inline int word_start(const char *s, size_t i)
{
	return i == 0 || !wch((unsigned char)s[i - 1]);
}

/* Whether S[0..N) at I is no word byte (the end of a match). */
static inline int word_end(const char *s, size_t n, size_t i)
{
	return i >= n || !wch((unsigned char)s[i]);
}

/* The length of literal L when S[I..N) starts with it, else 0.  The
 * first byte is compared before L's length is looked at: most calls fail
 * there, and the strlen and memcmp calls they made were 0.45% of indexing
 * 300 generated articles (953k and 1M calls from court_at() alone). */
static inline size_t lit(const char *s, size_t n, size_t i, const char *l)
{
	if (i >= n || s[i] != l[0])
		return 0;
	size_t k = strlen(l);
	return i + k <= n && memcmp(s + i, l, k) == 0 ? k : 0;
}

/* lit() ignoring ASCII case. */
static inline size_t lit_ci(const char *s, size_t n, size_t i, const char *l)
{
	if (i >= n || lower((unsigned char)s[i]) != lower((unsigned char)l[0]))
		return 0;
	size_t k = strlen(l);
	return i + k <= n && strncasecmp(s + i, l, k) == 0 ? k : 0;
}

/* lit() that must also end a word. */
static inline size_t word(const char *s, size_t n, size_t i, const char *l)
{
	size_t k = lit(s, n, i, l);
	return k && word_end(s, n, i + k) ? k : 0;
}

/* Digits at S[I..N): their count. */
static inline size_t digits(const char *s, size_t n, size_t i)
{
	size_t j = i;
	while (j < n && is_dig(s[j]))
		j++;
	return j - i;
}

/* Append the K digits at S without leading zeros ("0" stays "0"). */
static inline void put_num(int *rc, buf *b, const char *s, size_t k)
{
	while (k > 1 && *s == '0')
		s++, k--;
	buf_append(rc, b, s, k);
}

/* Append S[0..K) lower-cased. */
static inline void put_lower(int *rc, buf *b, const char *s, size_t k)
{
	for (size_t i = 0; i < k; i++)
		buf_putc(rc, b, (char)lower((unsigned char)s[i]));
}

/* The length of a dash at S[I]: '-' or an en dash (U+2013), else 0. */
static inline size_t dash(const char *s, size_t n, size_t i)
{
	if (i < n && s[i] == '-')
		return 1;
	return lit(s, n, i, "\xe2\x80\x93");
}

#endif /* LEGALFORM_HELPERS */

#endif
