/* termgroups.c — building and freeing the term-group list (termgroups.h).
 * Caller: the engine (engine/query.cc) as it reduces a parsed query; tests.
 */
#include "termgroups.h"

#include <stdlib.h>

#include "../docket.h"
#include "buf.h"

static void free_terms(struct group_term *t, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(t[i].text);
	free(t);
}

void term_groups_free(struct term_groups *q)
{
	if (!q)
		return;
	for (size_t i = 0; i < q->ngroups; i++)
		free_terms(q->groups[i].terms, q->groups[i].nterms);
	free(q->groups);
	q->groups = NULL;
	q->ngroups = q->cap = 0;
}

int term_groups_add(struct term_groups *q, enum group_kind kind, int field,
                 unsigned window, const struct group_term *terms, size_t nterms,
                 double weight)
{
	if (q->ngroups == q->cap) {
		size_t cap = q->cap ? 2 * q->cap : 8;
		struct term_group *g = realloc(q->groups, cap * sizeof *g);
		if (!g)
			return DOCKET_NO_MEMORY;
		q->groups = g;
		q->cap = cap;
	}
	struct group_term *copy = calloc(nterms ? nterms : 1, sizeof *copy);
	if (!copy)
		return DOCKET_NO_MEMORY;
	int rc = 0;
	for (size_t i = 0; i < nterms; i++) {
		copy[i].text = str_dup(&rc, terms[i].text);
		copy[i].stemmed = terms[i].stemmed;
	}
	if (rc) {
		free_terms(copy, nterms);
		return rc;
	}
	q->groups[q->ngroups++] = (struct term_group){
		.kind = kind, .field = field, .window = window,
		.nterms = nterms, .terms = copy, .weight = weight,
	};
	return 0;
}
