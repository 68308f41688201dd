/* copies.h — syndicated copies: what makes two passages "the same
 * paragraph", and which wire agency an article says it comes from.
 *
 * A passage is reduced to its words (common/token.c: case folded, quotes,
 * dashes, punctuation and whitespace gone) after dropping a leading
 * dateline ("SAN FRANCISCO (AP) — ", "WASHINGTON, March 12 (Reuters) - ");
 * credit and boilerplate passages ("— The Associated Press", "Reporting
 * by …; Editing by …", copyright notices) reduce to nothing.  From the
 * words come
 *   - the exact fingerprint: XXH3-64 of the words, equal for copies that
 *     differ only in case, quotes, dashes, wrapping or dateline;
 *   - LSH band keys of a MinHash over word shingles: two edited copies
 *     (an ending cut, a sentence reworded) share a band key with high
 *     probability, two unrelated passages almost never;
 * and a candidate found through either is accepted by copies_same(),
 * which compares the shingle sets of the two texts exactly.  The index
 * stores fingerprint and band keys as terms; search finds a passage's
 * copies through them (eval/copies/README.md measures the choices).
 *
 * Callers: indexer/document.c (terms), indexer/wire.c (agencies),
 * engine/match.cc (confirming a copy at search time), eval/copies/score.c.
 */
#ifndef DOCKET_COPIES_H
#define DOCKET_COPIES_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"

/* The settings, chosen on eval/copies dev (README.md there has the
 * tables): bigram shingles with 4 bands of 2 MinHash values found every
 * same-group pair of >= 25 words as a candidate (trigrams, 4 x 1: 0.984;
 * SimHash needed Hamming 15, 16 block terms, for 0.951), with 0.58 other
 * candidates per 1000 pairs; bigram Jaccard >= 0.4 then separates them
 * (precision and recall 1.000, none of the hard pairs).  The band keys
 * are taken over the word pairs without a common word ("of the"): over
 * all pairs, bench text shared band keys among up to 135 unrelated
 * passages; this costs dev recall 1.000 -> 0.956 (test 0.960 -> 0.966). */
#define COPIES_SHINGLE 2     /* words per shingle */
#define COPIES_BANDS 4       /* LSH bands: band-key terms per passage */
#define COPIES_ROWS 2        /* MinHash values per band */
#define COPIES_LONG 25       /* words: a long passage */
#define COPIES_JACCARD 0.4   /* two long passages: copies from here */
#define COPIES_NEAR_MIN 12   /* fewer words: exact fingerprint only */
#define COPIES_JACCARD_SHORT 0.6 /* a shorter one: stricter (dev short
                                  * pairs: P 1.000, R 0.855 vs 0.868 at 0.5) */
#define COPIES_EXACT_MIN 8   /* fewer words: no fingerprint at all
                              * ("Consumer groups welcomed the ruling." in
                              * two stories; dev short P 0.932 -> 1.000) */

struct copies_sig {
	uint64_t fingerprint;         /* XXH3 of the words; 0: none */
	unsigned words;               /* words after normalisation */
	unsigned nbands;              /* keys in band[] (0 when short) */
	uint64_t band[COPIES_BANDS];  /* LSH band keys, band i in band[i] */
};

/* The offset in TEXT[0..N) just past a leading dateline — an upper-case
 * place ("SACRAMENTO, Calif.", "WASHINGTON, March 12"), an agency in
 * parentheses, or both, then a dash between spaces — or 0 when TEXT does
 * not start with one.  Cannot fail. */
size_t copies_dateline_end(const char *text, size_t n);

/* Append the normalised words of passage TEXT[0..N) to OUT, one space
 * between words, after dropping a leading dateline; nothing when the
 * passage is credit or boilerplate.  Returns the number of words
 * appended.  Sticky on *rc. */
unsigned copies_normalise(int *rc, buf *out, const char *text, size_t n);

/* Fill SIG for passage TEXT[0..N): the fingerprint when it has at least
 * COPIES_EXACT_MIN words, the band keys when it has at least
 * COPIES_NEAR_MIN.  Uses SCRATCH as working memory.  Sticky on *rc (SIG
 * is zeroed on error). */
void copies_sign(int *rc, buf *scratch, struct copies_sig *sig,
                 const char *text, size_t n);

/* Whether passages A and B are copies of each other: equal fingerprints,
 * or, both at least COPIES_NEAR_MIN words, a Jaccard of their shingle
 * sets of at least COPIES_JACCARD (both COPIES_LONG words or more) or
 * COPIES_JACCARD_SHORT.  Returns 1 or 0, or -1 when memory ran out. */
int copies_same(const char *a, size_t an, const char *b, size_t bn);

/* A passage prepared for many comparisons (search compares one hit with
 * many candidates): its word count, fingerprint and shingle set. */
struct copies_text {
	unsigned words;       /* normalised words */
	uint64_t fingerprint; /* as copies_sign(); 0: none */
	uint64_t *sh;         /* sorted distinct shingle hashes (malloc'd) */
	size_t nsh;
};

/* Prepare TEXT[0..N) into T.  Returns 0, or -1 when memory ran out (T is
 * then empty).  copies_text_free() accepts an empty T. */
int copies_text_init(struct copies_text *t, const char *text, size_t n);
void copies_text_free(struct copies_text *t);
/* copies_same() on prepared passages: 1 or 0.  Cannot fail. */
int copies_same_texts(const struct copies_text *a, const struct copies_text *b);

/* The Jaccard similarity of the shingle sets of passages A and B, in
 * [0, 1] (0 when either has no words).  Returns 0, or -1 when memory ran
 * out. */
int copies_similarity(const char *a, size_t an, const char *b, size_t bn,
                      double *jaccard);

/* The building blocks, for eval/copies/score.c to try other settings:
 * the sorted distinct XXH3 hashes of the K-word shingles of normalised
 * words NORM[0..N) (one shingle of all words when fewer than K), stored
 * in OUT as uint64_t (OUT is reset first; returns the count; sticky on
 * *rc), and the LSH keys of BANDS bands of ROWS MinHash values each over
 * them, written to KEYS[0..BANDS).  Cannot fail. */
size_t copies_shingles(int *rc, buf *out, const char *norm, size_t n,
                       unsigned k);
void copies_minhash_bands(const uint64_t *shingles, size_t n,
                          unsigned bands, unsigned rows, uint64_t *keys);

/* The agency a dateline at the start of TEXT[0..N) names ("(AP) —"),
 * the agency a credit passage names ("— The Associated Press", "Reporting
 * by …; Editing by …" is Reuters' style), the agency byline AUTHOR names
 * ("By X, Associated Press"): a short lower-case name ("ap", "reuters",
 * "afp", "upi", "dpa", "bloomberg", "cp", "pa"), or NULL.  The strings are
 * static.  Cannot fail (out of memory is "none"). */
const char *copies_dateline_agency(const char *text, size_t n);
const char *copies_credit_agency(const char *text, size_t n);
const char *copies_byline_agency(const char *author);

/* The near-duplicate signature value (schema slot 12): fingerprint FP as
 * 8 bytes, then each band key of SIG as 6 bytes (its high 48 bits, as in
 * its term), big-endian.  copies_sig_encode writes it to OUT (at least
 * COPIES_SIG_MAX bytes) and returns its length, 0 when FP is 0 (nothing to
 * store).  copies_sig_decode reads one back into SIG (words left 0, band
 * keys with their low 16 bits 0, which the terms ignore); returns 0, or -1
 * for a value of another length.  Neither can fail otherwise. */
#define COPIES_SIG_MAX (8 + 6 * COPIES_BANDS)
size_t copies_sig_encode(uint64_t fp, const struct copies_sig *sig, char *out);
int copies_sig_decode(const char *v, size_t n, struct copies_sig *sig);

/* Append the term of a fingerprint ("XP" + 16 hex) or of band I's key
 * ("XB" + 6 base-64 characters of a hash of the band and the key) to OUT.
 * Sticky on *rc.  Only a passage without band keys holds its
 * fingerprint term (schema 6): exact copies share every band. */
void copies_fingerprint_term(int *rc, buf *out, uint64_t fingerprint);
void copies_band_term(int *rc, buf *out, unsigned i, uint64_t key);

#endif
