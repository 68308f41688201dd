/* strmap.h — interning byte strings to dense ids (0, 1, 2, ... in the order
 * first seen), for counting distinct values.
 *
 * Owned by searcher/strmap.c; used by searcher/tally.c.  An open-addressing
 * hash table (XXH3) whose keys are owned copies.
 */
#ifndef DOCKET_STRMAP_H
#define DOCKET_STRMAP_H

#include <stddef.h>
#include <stdint.h>

struct strmap {
	size_t *slot;   /* hash table: id + 1, or 0 for empty */
	size_t cap;     /* slots (a power of two) */
	char **key;     /* key[id]: the string, NUL-terminated copy */
	size_t *len;    /* len[id]: its length */
	uint64_t *hash; /* hash[id] */
	size_t n;       /* ids given */
	size_t room;    /* ids allocated */
};

#define STRMAP_INIT {NULL, 0, NULL, NULL, NULL, 0, 0}
#define STRMAP_NONE ((size_t)-1) /* out of memory */

/* The id of S[0..N), a new one when it is new (then *ADDED = 1, else 0;
 * ADDED may be NULL).  STRMAP_NONE when memory runs out. */
size_t strmap_intern(struct strmap *m, const void *s, size_t n, int *added);

/* As strmap_intern, but first tries *LAST (an id this map gave, or
 * STRMAP_NONE), and leaves the answer there: rows that repeat the previous
 * row's value (an article's outlet, month, key) cost one comparison. */
size_t strmap_intern_last(struct strmap *m, size_t *last, const void *s, size_t n,
                          int *added);

void strmap_free(struct strmap *m);

#endif
