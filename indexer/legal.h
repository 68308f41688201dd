/* legal.h — cases, docket numbers, courts, judges and record cites in the
 * text of one article, by rules (issue 17).
 *
 * The indexer calls legal_extract() once per article with its title and
 * passages and gets back article-level lists (cases, docket numbers,
 * courts, judges) and per-passage lists (record cites, and the cases each
 * passage mentions in full or short form).  Docket numbers, courts and
 * record cites are common/legalform.h's forms (the query side normalises
 * with the same code); this file adds judges and cases, which need the
 * whole article.
 *
 * Pure C over libc and common/buf.h; no state between calls; every string
 * returned is valid UTF-8 (a substring or rewrite of valid input) and owned
 * by the struct legal.  Precision first: a form the rules are not sure of
 * is left out.  The canonical forms are those of eval/legal/README.md.
 */
#ifndef DOCKET_LEGAL_H
#define DOCKET_LEGAL_H

#include <stddef.h>

#include "../common/legalform.h"

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

#endif
