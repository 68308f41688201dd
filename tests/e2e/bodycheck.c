/* bodycheck.c — does each hit of `docket search --json` (JSON Lines on
 * stdin) hold the query's words in its OWN text or section heading, not
 * merely in its headline?  An independent reading with the library's own
 * token_scan() and stemmer, like hlcheck.c.  Used by eval/passages/bodymatch
 * (the body-match share of the top hits on bench/gen corpora) and by
 * tests/e2e/t-passages.sh (no false phrase matches).
 *
 *   bodycheck [--top K] WORD...      count the hits that contain at least
 *                                    one WORD (by stem) in text or section
 *   bodycheck --phrase WORD...       every hit must contain the WORDs'
 *                                    stems consecutively, in order, in its
 *                                    text or its section heading, or else
 *                                    in its headline (a true phrase there,
 *                                    positions and all) and then rank
 *                                    below every hit holding it in its own
 *                                    text or heading
 *   bodycheck --first WORD...        the hits holding a WORD must all come
 *                                    before every hit that holds none
 *
 * The WORDs are plain words (a caller strips quotes and operators); each is
 * split by token_scan() and stemmed as docket's query parser does (every
 * word, STEM_ALL; a word starting with a digit is its own stem).
 *
 * Output, one line: "hits=H top=T topmatch=M matched=N" (H hits read, T of
 * them in the first K (default 5), M of those matching, N matching among
 * all H).  In --phrase mode each hit without the phrase is also printed as
 * "# no phrase: PASSAGE_ID"; in --first and --phrase mode each hit holding
 * the words (phrase) in its text or heading but ranked after one that does
 * not as "# late: PASSAGE_ID at rank R".  Exit status: 0 when
 * all is well, 1 when a hit lacks the phrase (--phrase) or comes late
 * (--first), 2 on bad input or usage.
 */
#define _POSIX_C_SOURCE 200809L
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../common/stem.h"
#include "../../common/token.h"

#define MAXW 32 /* query words */

static struct stemmer *st;
static char want[MAXW][TOKEN_MAX + 1]; /* the query's stems, in order */
static size_t nwant;

/* The stems of one text, in order. */
struct stems {
	char (*v)[TOKEN_MAX + 1];
	size_t n, cap;
};

/* token_fn: append the token's stem to the struct stems in CTX. */
static int collect(void *ctx, const struct token *t)
{
	struct stems *s = ctx;
	size_t len;
	const char *stem = stem_word(st, t->term, t->len, &len);
	if (s->n == s->cap) {
		s->cap = s->cap ? 2 * s->cap : 128;
		s->v = realloc(s->v, s->cap * sizeof *s->v);
		if (!s->v)
			abort();
	}
	if (len > TOKEN_MAX)
		len = TOKEN_MAX;
	memcpy(s->v[s->n], stem, len);
	s->v[s->n++][len] = 0;
	return 0;
}

/* The stems of TEXT into S (emptied first). */
static void stems_of(const char *text, struct stems *s)
{
	s->n = 0;
	if (text)
		token_scan(text, strlen(text), 1, collect, s);
}

/* 1 when S holds any wanted stem. */
static int has_any(const struct stems *s)
{
	for (size_t i = 0; i < s->n; i++)
		for (size_t w = 0; w < nwant; w++)
			if (!strcmp(s->v[i], want[w]))
				return 1;
	return 0;
}

/* 1 when S holds the wanted stems consecutively, in order. */
static int has_phrase(const struct stems *s)
{
	for (size_t i = 0; i + nwant <= s->n; i++) {
		size_t w = 0;
		while (w < nwant && !strcmp(s->v[i + w], want[w]))
			w++;
		if (w == nwant)
			return 1;
	}
	return 0;
}

/* token_fn: add the token's stem to the wanted list. */
static int add_want(void *ctx, const struct token *t)
{
	size_t len;
	const char *stem = stem_word(st, t->term, t->len, &len);
	(void)ctx;
	if (nwant == MAXW || len > TOKEN_MAX)
		return 1;
	memcpy(want[nwant], stem, len);
	want[nwant++][len] = 0;
	return 0;
}

/* 1 when one hit matches in the chosen mode in its text or section; with
 * TITLE, in its headline instead. */
static int hit_matches(json_t *hit, int phrase, struct stems *s, int title)
{
	const char *fields[] = {"text", "section", "title"};
	for (size_t f = title ? 2 : 0; f < (title ? 3u : 2u); f++) {
		stems_of(json_string_value(json_object_get(hit, fields[f])), s);
		if (phrase ? has_phrase(s) : has_any(s))
			return 1;
	}
	return 0;
}

int main(int argc, char **argv)
{
	int phrase = 0, first = 0, top = 5, i = 1;
	long hits = 0, intop = 0, topmatch = 0, matched = 0, missing = 0;
	long first_miss = 0; /* rank of the first hit without a WORD (0: none yet) */
	char *line = NULL;
	size_t cap = 0;
	struct stems s = {0};
	for (; i < argc && argv[i][0] == '-' && argv[i][1] == '-'; i++) {
		if (!strcmp(argv[i], "--phrase"))
			phrase = 1;
		else if (!strcmp(argv[i], "--first"))
			first = 1;
		else if (!strcmp(argv[i], "--top") && i + 1 < argc)
			top = atoi(argv[++i]);
		else
			break;
	}
	st = stem_new("english");
	if (!st || i == argc) {
		fprintf(stderr, "usage: bodycheck [--top K] [--phrase | --first] WORD...\n");
		return 2;
	}
	for (; i < argc; i++)
		token_scan(argv[i], strlen(argv[i]), 1, add_want, NULL);
	while (getline(&line, &cap, stdin) > 0) {
		json_error_t err;
		json_t *o = json_loads(line, 0, &err);
		if (!o) {
			fprintf(stderr, "bodycheck: bad JSON line: %s\n", err.text);
			return 2;
		}
		const char *type = json_string_value(json_object_get(o, "type"));
		if (type && !strcmp(type, "hit")) {
			int m = hit_matches(o, phrase, &s, 0);
			int in_title = phrase && !m && hit_matches(o, phrase, &s, 1);
			hits++;
			matched += m;
			if (hits <= top) {
				intop++;
				topmatch += m;
			}
			const char *id = json_string_value(json_object_get(o, "passage_id"));
			if (phrase && !m && !in_title) {
				missing++;
				printf("# no phrase: %s\n", id);
			}
			if (!m && !first_miss)
				first_miss = hits;
			if ((first || phrase) && m && first_miss) {
				missing++;
				printf("# late: %s at rank %ld (rank %ld holds no word)\n", id, hits, first_miss);
			}
		}
		json_decref(o);
	}
	printf("hits=%ld top=%ld topmatch=%ld matched=%ld\n", hits, intop, topmatch, matched);
	free(line);
	free(s.v);
	stem_free(st);
	return missing ? 1 : 0;
}
