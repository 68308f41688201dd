/* strmap.c — interning strings (see strmap.h). */
#include "strmap.h"

#include <stdlib.h>
#include <string.h>
#include <xxhash.h>

/* Double the table (or make the first) and put every id back in it. */
static int grow_table(struct strmap *m)
{
	size_t cap = m->cap ? m->cap * 2 : 64;
	size_t *t = calloc(cap, sizeof *t);
	if (!t)
		return -1;
	for (size_t id = 0; id < m->n; id++) {
		size_t i = (size_t)m->hash[id] & (cap - 1);
		while (t[i])
			i = (i + 1) & (cap - 1);
		t[i] = id + 1;
	}
	free(m->slot);
	m->slot = t;
	m->cap = cap;
	return 0;
}

static int grow_keys(struct strmap *m)
{
	size_t room = m->room ? m->room * 2 : 32;
	char **k = realloc(m->key, room * sizeof *k);
	if (k)
		m->key = k;
	size_t *l = k ? realloc(m->len, room * sizeof *l) : NULL;
	if (l)
		m->len = l;
	uint64_t *h = l ? realloc(m->hash, room * sizeof *h) : NULL;
	if (!h)
		return -1;
	m->hash = h;
	m->room = room;
	return 0;
}

/* Add S as id m->n at table slot I. */
static size_t add(struct strmap *m, size_t i, const void *s, size_t n, uint64_t h)
{
	if (m->n == m->room && grow_keys(m))
		return STRMAP_NONE;
	char *copy = malloc(n + 1);
	if (!copy)
		return STRMAP_NONE;
	memcpy(copy, s, n);
	copy[n] = '\0';
	size_t id = m->n++;
	m->key[id] = copy, m->len[id] = n, m->hash[id] = h;
	m->slot[i] = id + 1;
	return id;
}

size_t strmap_intern(struct strmap *m, const void *s, size_t n, int *added)
{
	if ((m->n + 1) * 2 > m->cap && grow_table(m))
		return STRMAP_NONE;
	uint64_t h = XXH3_64bits(s, n);
	size_t i = (size_t)h & (m->cap - 1);
	for (; m->slot[i]; i = (i + 1) & (m->cap - 1)) {
		size_t id = m->slot[i] - 1;
		if (m->hash[id] == h && m->len[id] == n && !memcmp(m->key[id], s, n)) {
			if (added)
				*added = 0;
			return id;
		}
	}
	if (added)
		*added = 1;
	return add(m, i, s, n, h);
}

size_t strmap_intern_last(struct strmap *m, size_t *last, const void *s, size_t n,
                          int *added)
{
	size_t id = *last;
	if (id < m->n && m->len[id] == n && !memcmp(m->key[id], s, n)) {
		if (added)
			*added = 0;
		return id;
	}
	return *last = strmap_intern(m, s, n, added);
}

void strmap_free(struct strmap *m)
{
	for (size_t id = 0; id < m->n; id++)
		free(m->key[id]);
	free(m->key);
	free(m->len);
	free(m->hash);
	free(m->slot);
	*m = (struct strmap)STRMAP_INIT;
}
