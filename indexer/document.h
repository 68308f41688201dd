/* document.h — one passage of an article as one index document: its terms,
 * values and data, exactly as common/schema.h lays them out.  Called by the
 * indexer for every passage it writes.
 */
#ifndef DOCKET_DOCUMENT_H
#define DOCKET_DOCUMENT_H

#include "article.h"
#include "quotes.h"
#include "../common/buf.h"

struct legal;
#include <stdint.h>

struct stemmer;
struct xap_doc;

struct copies_sig;

/* What an article's passages share about copies, worked out at its first
 * passage (document.c). */
struct article_copies {
	const struct article *a; /* the article it was worked out for */
	const char *wire;        /* article_wire() */
	struct copies_sig *sig;  /* one per passage, in passage order */
	size_t cap;              /* signatures allocated */
	uint64_t whole;          /* XXH3 of the whole normalised text; 0: none */
};
#define EVENT_DAYS_MAX 64 /* event dates kept per passage (the first, by day) */

struct doc_builder {
	struct stemmer *st; /* the index's stemmer (not owned) */
	struct article_copies copies; /* of the article being built */
	buf scratch;        /* scratch: normalised words */
	buf term;           /* scratch: one term */
	buf data;           /* scratch: the record */
	buf list;           /* scratch: a list value (engine/valuelist.h) */
	char days[EVENT_DAYS_MAX][11]; /* the passage's event dates, YYYY-MM-DD */
	char ymd[EVENT_DAYS_MAX][9];   /* the same as YYYYMMDD */
	const char *ymdp[EVENT_DAYS_MAX]; /* pointers into YMD, for field_names */
	size_t ndays;       /* how many */
	buf id;             /* the passage id of the last document built */
	buf idterm;         /* its unique term */
	buf quoted;         /* scratch: the record's quote lines */
	struct quote_list *quotes; /* per passage of the article given to
	                            * document_article(), in order */
	size_t nquotes;     /* passages they cover */
	size_t capquotes;   /* lists allocated */
	int rc;             /* sticky status while building */
	const struct legal *legal; /* the article's entities (legal.h), set by
	                            * the caller for each article; NULL: none */
	buf key;            /* scratch: a legal key */
	buf case_keys;      /* the article's case keys, '\n'-ended, worked out
	                     * at its first passage for all of them */
};

/* Find the quotations of article A (indexer/quotes.c) for the
 * document_build() calls on its passages that follow: once per article,
 * before its first passage, since a quote's speaker or its continuation may
 * lie in another passage.  Returns 0 or DOCKET_NO_MEMORY. */
int document_article(struct doc_builder *b, const struct article *a);

/* Fill D (new and empty) with passage P of article A, whose file key is
 * FKEY (one of A->passages), with B->legal the entities of A (passage P's cites are
 * B->legal->cites[P - A->passages]); P's quotes are those
 * document_article() found for A, none when it was not called for A.
 * What the passages share (wire agency, whole-article fingerprint) is
 * worked out at the first passage and kept in B for the others.
 * Afterwards B->idterm holds the unique term to replace by.  Returns
 * 0 or DOCKET_NO_MEMORY. */
int document_build(struct doc_builder *b, const struct article *a,
                   const struct passage *p, const char *fkey,
                   struct xap_doc *d);

void doc_builder_free(struct doc_builder *b);

#endif
