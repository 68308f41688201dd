/* filestate.c — file records and their hash table (see filestate.h). */
#include "filestate.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xxhash.h>

#include "../docket.h"

void content_hash(const void *data, size_t n, char out[33])
{
	XXH128_hash_t h = XXH3_128bits(data, n);
	snprintf(out, 33, "%016llx%016llx", (unsigned long long)h.high64,
	         (unsigned long long)h.low64);
}

int file_rec_parse(const char *val, size_t n, struct file_rec *r)
{
	const char *nl = memchr(val, '\n', n);
	char head[128];
	if (!nl || (size_t)(nl - val) >= sizeof head)
		return -1;
	memcpy(head, val, (size_t)(nl - val));
	head[nl - val] = '\0';
	if (sscanf(head, "%lld %lld %32s", &r->size, &r->mtime_ns, r->hash) != 3)
		return -1;
	r->path = (char *)(nl + 1); /* caller copies: not NUL-terminated */
	return 0;
}

void file_rec_format(int *rc, buf *out, const struct file_rec *r)
{
	buf_printf(rc, out, "%lld %lld %s\n%s", r->size, r->mtime_ns, r->hash,
	           r->path);
}

static size_t slot_of(const struct file_table *t, const char *key)
{
	return (size_t)strtoull(key + FILE_KEY_LEN - 8, NULL, 16) & (t->cap - 1);
}

struct file_rec *file_table_find(struct file_table *t, const char *key)
{
	if (!t->cap)
		return NULL;
	for (size_t i = slot_of(t, key);; i = (i + 1) & (t->cap - 1)) {
		struct file_rec *r = &t->slots[i];
		if (!r->path)
			return NULL;
		if (strcmp(r->key, key) == 0)
			return r;
	}
}

static int grow(struct file_table *t)
{
	size_t cap = t->cap ? t->cap * 2 : 1024;
	struct file_rec *old = t->slots;
	size_t oldcap = t->cap;
	t->slots = calloc(cap, sizeof *t->slots);
	if (!t->slots) {
		t->slots = old;
		return -1;
	}
	t->cap = cap;
	for (size_t i = 0; i < oldcap; i++) {
		if (!old[i].path)
			continue;
		size_t j = slot_of(t, old[i].key);
		while (t->slots[j].path)
			j = (j + 1) & (cap - 1);
		t->slots[j] = old[i];
	}
	free(old);
	return 0;
}

struct file_rec *file_table_put(struct file_table *t, const struct file_rec *r)
{
	struct file_rec *have = file_table_find(t, r->key);
	int rc = 0;
	char *path = str_dup(&rc, r->path);
	if (rc)
		return NULL;
	if (have) {
		free(have->path);
		*have = *r;
		have->path = path;
		return have;
	}
	if ((t->n + 1) * 2 > t->cap && grow(t)) {
		free(path);
		return NULL;
	}
	size_t i = slot_of(t, r->key);
	while (t->slots[i].path)
		i = (i + 1) & (t->cap - 1);
	t->slots[i] = *r;
	t->slots[i].path = path;
	t->n++;
	return &t->slots[i];
}

void file_table_free(struct file_table *t)
{
	for (size_t i = 0; i < t->cap; i++)
		free(t->slots[i].path);
	free(t->slots);
	t->slots = NULL;
	t->cap = t->n = 0;
}
