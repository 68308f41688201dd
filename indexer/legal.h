/* legal.h — cases, docket numbers, courts, judges and record cites in the
 * text of one article, by rules (issue 17).
 *
 * The indexer calls legal_extract() once per article with its title and
 * passages and gets back article-level lists (cases, docket numbers,
 * courts, judges) and per-passage lists (record cites, and the cases each
 * passage mentions in full or short form).  The query side calls
 * legal_docket_key(), legal_court_key() and legal_cite_key() to normalise
 * what a user typed exactly as the extractor normalises the text.
 *
 * Pure C over libc and common/buf.h; no state between calls; every string
 * returned is valid UTF-8 (a substring or rewrite of valid input) and owned
 * by the struct legal.  Precision first: a form the rules are not sure of
 * is left out.  The canonical forms are those of eval/legal/README.md.
 */
#ifndef DOCKET_LEGAL_H
#define DOCKET_LEGAL_H

#include <stddef.h>

#include "../common/buf.h"

/* A list of distinct strings in order of first appearance. */
struct legal_list {
	char **v;   /* the strings, each NUL-terminated, owned */
	size_t n;   /* strings in use */
	size_t cap; /* slots allocated */
};

struct legal {
	struct legal_list cases;       /* captions: "Delacroix v. Nimbus Technologies" */
	struct legal_list dockets;     /* docket keys: "25-cv-4418", "24-1234" */
	struct legal_list courts;      /* court keys: "ndcal", "ca9", "ny-supreme" */
	struct legal_list court_names; /* parallel to courts: "N.D. Cal." */
	struct legal_list judges;      /* names, fullest form: "Rita F. Lindqvist" */
	struct legal_list *cites;      /* [npassages]: "PX-17", "Exhibit 42", "Dkt. 88" */
	struct legal_list *mentions;   /* [npassages]: captions of cases.v named
	                                  there in full or short form */
	size_t npassages;              /* entries of cites and mentions */
};

/* Extract from one article: TITLE[0..TLEN) (may be NULL with TLEN 0) and
 * N passages TEXT[i][0..LEN[i]).  Fills *LG, which must be zeroed or freed
 * by legal_free() before; LG->cites[i] and LG->mentions[i] belong to
 * passage i (cites and mentions in the title count only for the article
 * lists).  Returns 0 or DOCKET_NO_MEMORY (LG is then freed). */
int legal_extract(struct legal *lg, const char *title, size_t tlen,
                  const char *const *text, const size_t *len, size_t n);

/* Free everything LG owns and zero it.  Accepts a zeroed struct. */
void legal_free(struct legal *lg);

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

#endif
