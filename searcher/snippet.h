/* snippet.h — which window of a passage to show (searcher/snippet.c), given
 * the spans highlight_find() marked.  Caller: searcher/hits.c.
 */
#ifndef DOCKET_SNIPPET_H
#define DOCKET_SNIPPET_H

#include <stddef.h>

#include "highlight.h"

/* The best window of about TARGET bytes of TEXT[0..N): the one whose spans
 * weigh most, counting each group once (so coverage of distinct terms
 * wins), snapped to word and where possible sentence boundaries, never
 * inside a UTF-8 sequence.  A text no longer than TARGET is shown whole. */
void snippet_choose(const struct term_groups *q, const char *text, size_t n,
                    const struct span *spans, size_t nspans, size_t target,
                    size_t *start, size_t *end);

#endif
