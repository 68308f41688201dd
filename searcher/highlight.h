/* highlight.h — which words of a passage match the query, and which window
 * of it to show.
 *
 * The query is reduced (by common/xapian.cc, from the parsed Xapian query)
 * to groups: single terms, phrases, NEAR groups and wildcard prefixes, each
 * tagged with the field it may match in.  The highlighter tokenises text
 * with token_scan() — the indexer's own tokenizer — so a highlight always
 * covers a word the index holds.
 */
#ifndef DOCKET_HIGHLIGHT_H
#define DOCKET_HIGHLIGHT_H

#include <stddef.h>

#include "../common/stem.h"

enum hl_kind {
	HL_TERM,     /* one word: terms[0] */
	HL_PHRASE,   /* terms in order, adjacent (or within WINDOW) */
	HL_NEAR,     /* terms in any order within WINDOW positions */
	HL_WILDCARD  /* any word starting with terms[0].text */
};

struct hl_term {
	char *text;  /* lower-case term (a stem), no field prefix */
	int stemmed; /* 1: compare with the stem of each word, 0: the word */
};

struct hl_group {
	enum hl_kind kind;
	int field;             /* enum schema_field */
	unsigned window;       /* PHRASE/NEAR: span in positions (0: nterms) */
	size_t nterms;
	struct hl_term *terms;
	double weight;         /* how much a match counts (idf-like, > 0) */
};

struct hl_query {
	struct hl_group *groups;
	size_t ngroups;
	size_t cap;
};

struct span {
	size_t start; /* byte offsets [start, end) into the text */
	size_t end;
	int group;    /* index of the group that matched */
};

void hl_query_free(struct hl_query *q);

/* Add a group to Q copying TERMS; returns 0 or DOCKET_NO_MEMORY. */
int hl_query_add(struct hl_query *q, enum hl_kind kind, int field,
                 unsigned window, const struct hl_term *terms, size_t nterms,
                 double weight);

/* The spans of TEXT[0..N) that match Q's groups for FIELD: ascending,
 * disjoint (overlaps merged, a phrase as one span).  *OUT is malloc'd (free
 * it); returns 0 or DOCKET_NO_MEMORY. */
int highlight_find(const struct hl_query *q, int field, struct stemmer *st,
                   const char *text, size_t n, struct span **out,
                   size_t *nout);

/* The best window of about TARGET bytes of TEXT[0..N): the one whose spans
 * weigh most, counting each group once (so coverage of distinct terms
 * wins), snapped to word and where possible sentence boundaries, never
 * inside a UTF-8 sequence.  A text no longer than TARGET is shown whole. */
void snippet_choose(const struct hl_query *q, const char *text, size_t n,
                    const struct span *spans, size_t nspans, size_t target,
                    size_t *start, size_t *end);

#endif
