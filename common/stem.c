/* stem.c — the one stemmer (see stem.h): libstemmer behind a small cache.
 *
 * Callers: the indexer (a stem for every word it indexes), engine/query.cc
 * (the QueryParser's stemmer) and searcher/highlight.c.
 *
 * Words repeat a lot in running text, so each stemmer keeps the last
 * CACHE_SLOTS words it stemmed in a direct-mapped table: a word hashes to
 * one slot, and a new word simply replaces whatever was there.  A hit costs
 * a hash and a memcmp instead of a Snowball run.  A slot is one 64-byte
 * cache line, so words longer than CACHE_WORD bytes (rare in running text)
 * bypass the cache.  On newspaper-like English text about 90% of the words
 * hit, and stemming costs about a third of what libstemmer alone costs.
 *
 * A word starting with a digit is its own stem (stem_keeps): Snowball would
 * turn "1990s" into "1990s" but "24hours" into "24hour", and numbers are
 * better matched as typed.  The rule lives here, in the one stemmer, so
 * the index, the query parser and the highlighter cannot disagree on it.
 */
#include "stem.h"

#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <libstemmer.h>
#include <xxhash.h>


#define CACHE_SLOTS 4096 /* a power of two */
#define CACHE_WORD 30    /* longest word cached: a slot is 64 bytes */

struct slot {
	unsigned char wlen;         /* length of word; 0: empty slot */
	unsigned char slen;         /* length of stem */
	char word[CACHE_WORD];      /* the word, not NUL-terminated */
	char stem[CACHE_WORD + 2];  /* its stem, NUL-terminated */
};

struct stemmer {
	struct sb_stemmer *sb;      /* the Snowball stemmer */
	struct slot *cache;         /* CACHE_SLOTS slots */
	char *out;                  /* result of an uncached call */
	size_t outcap;              /* bytes allocated at out */
	int keeps_first;            /* see stem_keeps_first() */
};

struct stemmer *stem_new(const char *lang)
{
	if (!lang)
		return NULL;
	struct stemmer *st = calloc(1, sizeof *st);
	if (!st)
		return NULL;
	st->sb = sb_stemmer_new(lang, "UTF_8");
	st->keeps_first = !strcmp(lang, "english") || !strcmp(lang, "en") ||
	                  !strcmp(lang, "eng");
	st->cache = calloc(CACHE_SLOTS, sizeof *st->cache);
	if (!st->sb || !st->cache) {
		stem_free(st);
		return NULL;
	}
	return st;
}

int stem_keeps_first(const struct stemmer *st)
{
	return st && st->keeps_first;
}

void stem_free(struct stemmer *st)
{
	if (!st)
		return;
	if (st->sb)
		sb_stemmer_delete(st->sb);
	free(st->cache);
	free(st->out);
	free(st);
}

int stem_known(const char *lang)
{
	if (!lang)
		return 0;
	for (const char **l = sb_stemmer_list(); *l; l++)
		if (strcmp(*l, lang) == 0)
			return 1;
	return 0;
}

/* Copy S[0..N) into ST's own result buffer; returns it, or "" (length 0)
 * when memory ran out. */
static const char *keep(struct stemmer *st, const char *s, size_t n,
                        size_t *outlen)
{
	if (n + 1 > st->outcap) {
		char *p = realloc(st->out, n + 1);
		if (!p) {
			*outlen = 0;
			return "";
		}
		st->out = p;
		st->outcap = n + 1;
	}
	if (n)
		memcpy(st->out, s, n);
	st->out[n] = '\0';
	*outlen = n;
	return st->out;
}

/* Run Snowball on WORD[0..N); the stem and its length, or NULL. */
static const char *snowball(struct stemmer *st, const char *word, size_t n,
                            size_t *len)
{
	if (n > INT_MAX)
		return NULL;
	const sb_symbol *s =
		sb_stemmer_stem(st->sb, (const sb_symbol *)word, (int)n);
	if (!s)
		return NULL;
	*len = (size_t)sb_stemmer_length(st->sb);
	return (const char *)s;
}

int stem_keeps(const char *word, size_t n)
{
	return n > 0 && word[0] >= '0' && word[0] <= '9';
}

const char *stem_word(struct stemmer *st, const char *word, size_t n,
                      size_t *outlen)
{
	struct slot *sl = NULL;
	if (stem_keeps(word, n))
		return keep(st, word, n, outlen);
	if (n > 0 && n <= CACHE_WORD) {
		sl = &st->cache[XXH3_64bits(word, n) & (CACHE_SLOTS - 1)];
		if (sl->wlen == n && memcmp(sl->word, word, n) == 0) {
			*outlen = sl->slen;
			return sl->stem;
		}
	}
	size_t len;
	const char *s = snowball(st, word, n, &len);
	if (!s)
		return keep(st, word, n, outlen);
	if (!sl || len > CACHE_WORD + 1)
		return keep(st, s, len, outlen);
	sl->wlen = (unsigned char)n;
	sl->slen = (unsigned char)len;
	memcpy(sl->word, word, n);
	memcpy(sl->stem, s, len);
	sl->stem[len] = '\0';
	*outlen = len;
	return sl->stem;
}
