/* diff.h — a word diff of two passages, for `docket copies` (cli/cmd-copies.c).
 *
 * Words are runs of non-space bytes; two words are equal when they are
 * after folding ASCII case and typographic quotes and dashes to plain ones,
 * so a copy whose only change is its quote style shows no change.  The
 * diff is a longest common subsequence of the words (passages are short:
 * at most a few hundred words).
 */
#ifndef DOCKET_CLI_DIFF_H
#define DOCKET_CLI_DIFF_H

#include <stddef.h>

enum diff_op { DIFF_SAME = '=', DIFF_ADDED = '+', DIFF_REMOVED = '-' };

/* Called for each run of words of one kind, in order: the run's op and its
 * words as written (in NEW for same and added runs, in OLD for removed),
 * single-spaced, N bytes.  Return non-zero to stop. */
typedef int (*diff_fn)(void *ctx, enum diff_op op, const char *words,
                       size_t n);

/* Diff OLD against NEW.  *ADDED and *REMOVED get the word counts.  Returns
 * 0, 1 when FN stopped it, or -1 when out of memory. */
int diff_words(const char *old, const char *new_text, diff_fn fn, void *ctx,
               size_t *added, size_t *removed);

#endif
