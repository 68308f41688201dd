/* filestate.h — what the index knows of each file it has indexed: the
 * file records kept in the index's metadata (schema.h, "F" + file key),
 * loaded once per run into a hash table so that an unchanged file costs one
 * stat() and one lookup.
 */
#ifndef DOCKET_FILESTATE_H
#define DOCKET_FILESTATE_H

#include <stddef.h>
#include <stdint.h>

#include "../common/buf.h"
#include "../common/ids.h" /* file_key, FILE_KEY_LEN */


struct file_rec {
	char key[FILE_KEY_LEN + 1]; /* hex XXH3-64 of the absolute path */
	char *path;                 /* the absolute path */
	long long size;             /* bytes, as last indexed */
	long long mtime_ns;         /* modification time, as last indexed */
	char hash[33];              /* hex XXH3-128 of the content */
	int seen;                   /* met during this run's walk */
};

struct file_table {
	struct file_rec *slots; /* open addressing; path == NULL is empty */
	size_t cap;             /* a power of two */
	size_t n;
};

/* Hex XXH3-128 of DATA into OUT. Cannot fail. */
void content_hash(const void *data, size_t n, char out[33]);

/* Parse a record value ("size mtime hash\npath"); 0 or -1 if malformed. */
int file_rec_parse(const char *val, size_t n, struct file_rec *r);
/* Append the value encoding R.  Sticky on *rc. */
void file_rec_format(int *rc, buf *out, const struct file_rec *r);

/* Find the record with KEY, or NULL. */
struct file_rec *file_table_find(struct file_table *t, const char *key);
/* Insert or replace (copies R's path).  Returns the stored record or NULL
 * when out of memory. */
struct file_rec *file_table_put(struct file_table *t, const struct file_rec *r);
void file_table_free(struct file_table *t);

#endif
