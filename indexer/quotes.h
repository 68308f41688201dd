/* quotes.h — direct quotations in an article, and who said them.
 *
 * quotes_find() reads an article's passages in order and reports, for each
 * passage, the spans of quoted speech in its text and the speaker each is
 * attributed to, by rules and word lists only (no model):
 *   - spans: text between double quotation marks, straight " or curly
 *     “ ” („ « » too); single marks inside are part of the quote.  A passage
 *     that opens a quote without closing it continues into the next one
 *     when that is the same paragraph (a long paragraph cut in two) or opens
 *     with a quotation mark (CoreNLP's convention); each passage gets its
 *     own piece.  A quote left open at the end of the article is dropped.
 *   - not quotes: fewer than 4 words with no cue of their own, quotes whose
 *     words are all capitalised (titles, names of things), nicknames
 *     between a given name and a surname.
 *   - speakers: from a cue verb (said, told, wrote, testified, according
 *     to, …) after the quote, else before it in the same sentence, else in
 *     the sentence before; a quote with no cue right after one with a
 *     speaker, and every piece of a multi-passage quote, share it.  A
 *     surname or pronoun becomes the full name the article used; titles
 *     (Judge, Ms.) are dropped; "the judge" is the judge the article named;
 *     a role, organisation or document is its phrase without a determiner.
 * Grouping quotes across articles is common/quotekey.h's.
 *
 * Pure C over common/buf.h and common/utf8.h; the indexer calls it once per
 * article, the unit tests and eval/quotes/score.c directly.
 */
#ifndef DOCKET_QUOTES_H
#define DOCKET_QUOTES_H

#include <stddef.h>

#include "../common/buf.h"

#define QUOTE_CUE_MAX 24 /* longest cue kept, with its NUL */

enum speaker_kind {
	SPEAKER_NONE,     /* no speaker found */
	SPEAKER_PERSON,   /* a named person ("Camille Ferreira") */
	SPEAKER_ROLE,     /* a role or group ("Nimbus spokesperson") */
	SPEAKER_ORG,      /* an organisation ("Nimbus Cloud") */
	SPEAKER_DOCUMENT  /* a document ("complaint", "Exhibit 42") */
};

struct quote {
	size_t start;             /* first byte of the quoted words in the text */
	size_t end;               /* just past the last; marks excluded */
	char *speaker;            /* canonical speaker, "" when unknown; owned */
	char cue[QUOTE_CUE_MAX];  /* the cue as a lower-case word ("said",
	                           * "according to"), "" when none */
	int kind;                 /* enum speaker_kind of the speaker */
	int continued;            /* 1: continues a quote of an earlier passage */
};

struct quote_list {
	struct quote *q; /* the passage's quotes, in text order */
	size_t n;        /* in use */
	size_t cap;      /* allocated */
};

/* One passage of the article, as the caller holds it. */
struct quote_input {
	const char *text; /* valid UTF-8 */
	size_t len;       /* bytes of text */
	int paragraph;    /* its paragraph number: passages of one paragraph
	                   * share it, so a quote runs on across them */
};

/* Find the quotes of the article whose passages are IN[0..N), in order, and
 * append passage i's to OUT[i] (N lists, empty or not).  Sticky on *rc;
 * only memory can fail (DOCKET_NO_MEMORY). */
void quotes_find(int *rc, const struct quote_input *in, size_t n,
                 struct quote_list *out);

/* Free what L holds and leave it empty.  Accepts an empty list. */
void quote_list_clear(struct quote_list *l);

#endif
