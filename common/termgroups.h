/* termgroups.h — the positive term groups of a parsed query: single terms,
 * phrases, NEAR groups and wildcard prefixes, each tagged with the field
 * (enum schema_field) it may match in.  A plain C list: the engine fills it
 * from the parsed Xapian query (engine/query.cc), the highlighter and the
 * snippet chooser read it (searcher/highlight.c, searcher/snippet.c).  So
 * the engine never calls searcher code.
 */
#ifndef DOCKET_TERMGROUPS_H
#define DOCKET_TERMGROUPS_H

#include <stddef.h>

enum group_kind {
	GROUP_TERM,     /* one word: terms[0] */
	GROUP_PHRASE,   /* terms in order, adjacent (or within WINDOW) */
	GROUP_NEAR,     /* terms in any order within WINDOW positions */
	GROUP_WILDCARD  /* any word starting with terms[0].text */
};

struct group_term {
	char *text;  /* lower-case term (a stem), no field prefix */
	int stemmed; /* 1: compare with the stem of each word, 0: the word */
};

struct term_group {
	enum group_kind kind;
	int field;             /* enum schema_field */
	unsigned window;       /* PHRASE/NEAR: span in positions (0: nterms) */
	size_t nterms;
	struct group_term *terms;
	double weight;         /* how much a match counts (idf-like, > 0) */
};

struct term_groups {
	struct term_group *groups;
	size_t ngroups;
	size_t cap;
};

/* Free Q's groups and empty it (Q itself is the caller's; NULL is fine). */
void term_groups_free(struct term_groups *q);

/* Add a group to Q copying TERMS; returns 0 or DOCKET_NO_MEMORY. */
int term_groups_add(struct term_groups *q, enum group_kind kind, int field,
                 unsigned window, const struct group_term *terms, size_t nterms,
                 double weight);

#endif
