/* ids.c — stable ids and their terms (see ids.h). */
#include "ids.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xxhash.h>

#include "schema.h"
#include "utf8.h"

void passage_id(int *rc, buf *out, const char *article_id, int ordinal)
{
	buf_printf(rc, out, "%s#%d", article_id, ordinal);
}

void id_term(int *rc, buf *out, const char *id, size_t n)
{
	buf_puts(rc, out, PREFIX_ID);
	if (n <= ID_TERM_MAX) {
		buf_append(rc, out, id, n);
		return;
	}
	XXH128_hash_t h = XXH3_128bits(id, n);
	buf_append(rc, out, id, utf8_floor(id, n, 100));
	buf_printf(rc, out, "#%016llx%016llx", (unsigned long long)h.high64,
	           (unsigned long long)h.low64);
}

void article_key(const char *id, size_t n, char out[ARTICLE_KEY_LEN + 1])
{
	snprintf(out, ARTICLE_KEY_LEN + 1, "%016llx",
	         (unsigned long long)XXH3_64bits(id, n));
}

void file_key(const char *path, char out[FILE_KEY_LEN + 1])
{
	snprintf(out, FILE_KEY_LEN + 1, "%016llx",
	         (unsigned long long)XXH3_64bits(path, strlen(path)));
}


int passage_id_split(const char *id, size_t *article_len, int *ordinal)
{
	const char *hash = strrchr(id, '#');
	if (!hash || hash == id || !hash[1] || strlen(hash + 1) > 9)
		return -1;
	for (const char *p = hash + 1; *p; p++)
		if (*p < '0' || *p > '9')
			return -1;
	*article_len = (size_t)(hash - id);
	*ordinal = atoi(hash + 1);
	return *ordinal > 0 ? 0 : -1;
}
