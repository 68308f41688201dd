/* agree.c — the highlighter's words must be the indexer's terms.  Reads the
 * term lists of one shard (TERMS: `xapian-delve -1 -r 1 -r 2 ... SHARD`
 * output, records headed "Term List for record #N:") and the passages
 * (PASSAGES: `docket show --json -C 0 ID` objects, one a line), pairs each
 * record with its passage through the record's Q term (Q + passage id), and
 * checks, with the library's token_scan() and stemmer, the layout of
 * common/schema.h (version 2: stems only):
 *   - the stem of every word of the passage text is an unprefixed term of
 *     its record (a word starting with a digit is its own stem);
 *   - every unprefixed term is the stem of a word of the text, the title or
 *     the section heading (those are indexed unprefixed too);
 *   - every other term has one of the schema's prefixes: no Z terms, no
 *     stray prefixes.
 * Built and run by tests/e2e/t-agreement.sh.  Prints "# problem" lines,
 * then "# counts passages=P terms=T words=W"; exits 0 when all is well.
 *
 * Usage: agree TERMS PASSAGES
 */
#define _POSIX_C_SOURCE 200809L
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../common/schema.h"
#include "../../common/stem.h"
#include "../../common/token.h"

/* A growing list of strings, searched linearly (passages are short). */
struct strs {
	char **v;
	size_t n, cap;
};

static struct stemmer *st;
static long problems, npassages, nterms, nwords;

static void push(struct strs *s, const char *t)
{
	if (s->n == s->cap) {
		s->cap = s->cap ? 2 * s->cap : 64;
		s->v = realloc(s->v, s->cap * sizeof *s->v);
		if (!s->v)
			abort();
	}
	s->v[s->n] = strdup(t);
	if (!s->v[s->n++])
		abort();
}

static int has(const struct strs *s, const char *t)
{
	for (size_t i = 0; i < s->n; i++)
		if (!strcmp(s->v[i], t))
			return 1;
	return 0;
}

static void clear(struct strs *s)
{
	for (size_t i = 0; i < s->n; i++)
		free(s->v[i]);
	s->n = 0;
}

/* Collect the stem of each word. */
static int add_word(void *ctx, const struct token *t)
{
	size_t len;
	push(ctx, stem_word(st, t->term, t->len, &len));
	return 0;
}

/* Does T start with one of the schema's term prefixes (the field table's,
 * or an id, article, file or copy term's)? */
static int known_prefix(const char *t)
{
	static const char *const ids[] = {PREFIX_ID, PREFIX_ARTICLE, PREFIX_FILE,
	                                  PREFIX_FINGERPRINT, PREFIX_BAND};
	for (size_t i = 0; i < sizeof ids / sizeof *ids; i++) {
		size_t n = strlen(ids[i]);
		if (!strncmp(t, ids[i], n) && t[n])
			return 1;
	}
	if (!strcmp(t, PREFIX_QUOTE))
		return 1; /* the bare "holds a quote" marker (schema.h) */
	return schema_term_field(t, strlen(t), NULL) != FIELD_BODY;
}

static void words_of(json_t *o, const char *key, struct strs *out)
{
	const char *s = json_string_value(json_object_get(o, key));
	if (s)
		token_scan(s, strlen(s), 1, add_word, out);
}

/* Check one record's TERMS against passage object P. */
static void check(const char *id, const struct strs *terms, json_t *p)
{
	struct strs body = {0}, other = {0};
	npassages++;
	words_of(p, "text", &body);
	words_of(p, "title", &other);
	words_of(p, "section", &other);
	for (size_t i = 0; i < body.n; i++) {
		nwords++;
		if (!has(terms, body.v[i])) {
			problems++;
			printf("# %s: stem \"%s\" of the text is not a term\n", id,
			       body.v[i]);
		}
	}
	for (size_t i = 0; i < terms->n; i++) {
		const char *t = terms->v[i];
		if (*t >= 'A' && *t <= 'Z') {
			if (!known_prefix(t)) {
				problems++;
				printf("# %s: term \"%s\" has no prefix of the schema\n",
				       id, t);
			}
			continue;
		}
		nterms++;
		if (!has(&body, t) && !has(&other, t)) {
			problems++;
			printf("# %s: term \"%s\" is no stem of text, title or section\n",
			       id, t);
		}
	}
	clear(&body);
	clear(&other);
	free(body.v);
	free(other.v);
}

int main(int argc, char **argv)
{
	if (argc != 3) {
		fprintf(stderr, "usage: agree TERMS PASSAGES\n");
		return 2;
	}
	FILE *tf = fopen(argv[1], "r");
	json_t *byid = json_object();
	st = stem_new("english");
	if (!tf || !byid || !st)
		return 2;
	json_error_t err;
	json_t *p;
	FILE *pf = fopen(argv[2], "r");
	if (!pf)
		return 2;
	while ((p = json_loadf(pf, JSON_DISABLE_EOF_CHECK, &err)) != NULL) {
		const char *id = json_string_value(json_object_get(p, "passage_id"));
		if (id)
			json_object_set(byid, id, p);
		json_decref(p);
	}
	fclose(pf);

	struct strs terms = {0};
	char *line = NULL, *id = NULL;
	size_t cap = 0;
	ssize_t n;
	int more = 1;
	while (more) {
		n = getline(&line, &cap, tf);
		more = n > 0;
		if (more && line[n - 1] == '\n')
			line[--n] = '\0';
		if (more && strncmp(line, "Term List for record", 20) != 0) {
			push(&terms, line);
			if (line[0] == 'Q' && !id)
				id = strdup(line + 1);
			continue;
		}
		if (terms.n > 0) { /* a record ended */
			json_t *pp = id ? json_object_get(byid, id) : NULL;
			if (pp) {
				check(id, &terms, pp);
			} else {
				problems++;
				printf("# a record without a passage (%s)\n", id ? id : "no Q");
			}
		}
		clear(&terms);
		free(id);
		id = NULL;
	}
	free(line);
	free(terms.v);
	fclose(tf);
	json_decref(byid);
	stem_free(st);
	printf("# counts passages=%ld terms=%ld words=%ld\n", npassages, nterms,
	       nwords);
	return problems ? 1 : 0;
}
