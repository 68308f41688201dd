/* query.c — building and running queries (docket_query_* in docket.h).
 *
 * The query string goes to Xapian's QueryParser (engine/query.cc) with the
 * schema's field names; the hits' records are decoded, highlighted and
 * windowed in searcher/hits.c.  A passage-in-context query reads the
 * passage and its neighbours by their ids instead.
 */
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <string.h>

#include "../common/aliases.h"
#include "../common/ids.h"
#include "../common/schema.h"
#include "../common/stopwords.h"
#include "../engine/index.h"
#include "../common/token.h"
#include "../common/utf8.h"
#include "../engine/engine.h"
#include "copies.h"
#include "hits.h"
#include "table.h"

#define MAX_LIMIT 10000
#define MAX_CONTEXT 1000
#define MAX_QUERY_BYTES 65536 /* longer query strings are refused */
#define MAX_QUERY_WORDS 1024  /* so are queries of more words */

static const long defaults[DOCKET_QUERY_LAST_OPTION] = {
	[DOCKET_QUERY_LIMIT] = 10,
	[DOCKET_QUERY_OFFSET] = 0,
	[DOCKET_QUERY_PER_ARTICLE] = 2,
	[DOCKET_QUERY_SORT] = DOCKET_SORT_RELEVANCE,
	[DOCKET_QUERY_SNIPPET_BYTES] = 240,
	[DOCKET_QUERY_DEFAULT_AND] = 0,
	[DOCKET_QUERY_PLAIN] = 0,
	[DOCKET_QUERY_EXPLAIN] = 0,
	[DOCKET_QUERY_FEEDBACK_TERMS] = 10,
	[DOCKET_QUERY_FEEDBACK_DOCS] = 10,
	[DOCKET_QUERY_COPIES] = 0,
	[DOCKET_QUERY_TIME_LIMIT_MS] = 0,
	[DOCKET_QUERY_STRICT] = 0,
	[DOCKET_QUERY_STOPWORDS] = 1,
};

static const double default_weights[DOCKET_WEIGHT_LAST] = {
	[DOCKET_WEIGHT_K1] = 0.9,  /* k1, b and the title lift: chosen on */
	[DOCKET_WEIGHT_B] = 0.4,   /* eval/passages dev and SciFact odd */
	[DOCKET_WEIGHT_MIN_NORMLEN] = 0.5, /* together (eval/passages/README.md) */
	[DOCKET_WEIGHT_TITLE] = 0.75, /* 0.5 before the lifts counted what
	                               * the body lacks (LIFT_HELD_SHARE) */
	[DOCKET_WEIGHT_FEEDBACK] = 0,
};

/* The query string as valid UTF-8 (invalid bytes become U+FFFD). */
static char *repaired(int *rc, const char *s)
{
	buf out = BUF_INIT;
	utf8_sanitize(rc, &out, s, strlen(s));
	return buf_steal(rc, &out);
}

static docket_query *query_alloc(docket_index *idx, const char *s)
{
	docket_query *q = calloc(1, sizeof *q);
	int rc = 0;
	if (!q)
		return NULL;
	q->idx = idx;
	q->string = repaired(&rc, s);
	if (rc) {
		free(q);
		return NULL;
	}
	memcpy(q->opt, defaults, sizeof q->opt);
	memcpy(q->weight, default_weights, sizeof q->weight);
	q->iter.q = q;
	return q;
}

DOCKET_EXPORT docket_status docket_query_new(docket_index *idx,
                                             const char *query_string,
                                             docket_query **out)
{
	if (!out)
		return DOCKET_BAD_ARGUMENT;
	*out = NULL;
	if (!idx || !idx->db || !query_string)
		return DOCKET_BAD_ARGUMENT;
	*out = query_alloc(idx, query_string);
	return *out ? DOCKET_OK : DOCKET_NO_MEMORY;
}

DOCKET_EXPORT docket_status docket_query_new_passage(docket_index *idx,
                                                     const char *passage_id,
                                                     unsigned context,
                                                     const char *query_string,
                                                     docket_query **out)
{
	int rc = 0;
	if (!out)
		return DOCKET_BAD_ARGUMENT;
	*out = NULL;
	if (!idx || !idx->db || !passage_id || context > MAX_CONTEXT)
		return DOCKET_BAD_ARGUMENT;
	docket_query *q = query_alloc(idx, query_string ? query_string : "");
	if (!q)
		return DOCKET_NO_MEMORY;
	q->passage_id = str_dup(&rc, passage_id);
	q->context = context;
	if (rc) {
		docket_query_free(q);
		return DOCKET_NO_MEMORY;
	}
	*out = q;
	return DOCKET_OK;
}

DOCKET_EXPORT docket_status docket_query_new_copies(docket_index *idx,
                                                    const char *passage_id,
                                                    docket_query **out)
{
	docket_status st = docket_query_new_passage(idx, passage_id, 0, "", out);
	if (st == DOCKET_OK)
		(*out)->copies_of = 1;
	return st;
}

DOCKET_EXPORT docket_status docket_query_set(docket_query *q,
                                             docket_query_option opt,
                                             long value)
{
	if (!q || (unsigned)opt >= DOCKET_QUERY_LAST_OPTION || value < 0)
		return DOCKET_BAD_ARGUMENT;
	if ((opt == DOCKET_QUERY_LIMIT && value > MAX_LIMIT) ||
	    (opt == DOCKET_QUERY_SORT && value >= DOCKET_SORT_LAST) ||
	    (opt == DOCKET_QUERY_SNIPPET_BYTES && (value < 16 || value > 1 << 20)) ||
	    ((opt == DOCKET_QUERY_DEFAULT_AND || opt == DOCKET_QUERY_PLAIN ||
	      opt == DOCKET_QUERY_EXPLAIN || opt == DOCKET_QUERY_QUOTED ||
	      opt == DOCKET_QUERY_COPIES || opt == DOCKET_QUERY_STRICT ||
	      opt == DOCKET_QUERY_STOPWORDS) &&
	     value > 1) ||
	    ((opt == DOCKET_QUERY_FEEDBACK_TERMS ||
	      opt == DOCKET_QUERY_FEEDBACK_DOCS) && (value < 1 || value > 1000)))
		return DOCKET_BAD_ARGUMENT;
	q->opt[opt] = value;
	return DOCKET_OK;
}

DOCKET_EXPORT docket_status docket_query_set_weight(docket_query *q,
                                                    docket_weight which,
                                                    double value)
{
	if (!q || (unsigned)which >= DOCKET_WEIGHT_LAST || !(value >= 0) ||
	    !(value <= 1000) || (which == DOCKET_WEIGHT_B && value > 1))
		return DOCKET_BAD_ARGUMENT;
	q->weight[which] = value;
	return DOCKET_OK;
}

DOCKET_EXPORT docket_status docket_query_set_bm25(docket_query *q, double k1,
                                                  double b)
{
	if (!q || !(k1 >= 0 && k1 <= 100) || !(b >= 0 && b <= 1))
		return DOCKET_BAD_ARGUMENT;
	q->weight[DOCKET_WEIGHT_K1] = k1;
	q->weight[DOCKET_WEIGHT_B] = b;
	return DOCKET_OK;
}

DOCKET_EXPORT docket_status docket_query_filter(docket_query *q,
                                                const char *field,
                                                const char *value, int exclude)
{
	const struct schema_row *f = NULL;
	for (int i = 0; field && !f && i < FIELD_LAST; i++)
		if (schema_fields[i].name && !strcmp(schema_fields[i].name, field))
			f = &schema_fields[i];
	if (!q || !value || !f || (f->id != FIELD_OUTLET && f->id != FIELD_AUTHOR) ||
	    q->nfilters == DOCKET_MAX_FILTERS)
		return DOCKET_BAD_ARGUMENT;
	char *v = strdup(value);
	if (!v)
		return DOCKET_NO_MEMORY;
	q->filter[q->nfilters++] = (struct xap_filter){f->slot, v, exclude != 0};
	return DOCKET_OK;
}

static int count_word(void *ctx, const struct token *t)
{
	(void)t;
	return ++*(size_t *)ctx > MAX_QUERY_WORDS;
}

/* Refuse queries too big to answer in bounded time and memory. */
static int check_size(docket_query *q)
{
	size_t n = strlen(q->string), words = 0;
	if (n > MAX_QUERY_BYTES)
		return index_fail(q->idx, DOCKET_BAD_QUERY,
		                  "query is too long (%zu bytes; the limit is %d)", n,
		                  MAX_QUERY_BYTES);
	token_scan(q->string, n, 1, count_word, &words);
	if (words > MAX_QUERY_WORDS)
		return index_fail(q->idx, DOCKET_BAD_QUERY,
		                  "query has too many words (the limit is %d)",
		                  MAX_QUERY_WORDS);
	return DOCKET_OK;
}

struct words {
	buf joined; /* the words so far, space-separated */
	int rc;     /* sticky status */
};

static int add_word(void *ctx, const struct token *t)
{
	struct words *w = ctx;
	if (w->joined.n)
		buf_putc(&w->rc, &w->joined, ' ');
	buf_append(&w->rc, &w->joined, t->term, t->len);
	return w->rc;
}

/* The words of S as a query with no syntax: the tokenizer's terms, joined
 * by spaces.  NULL when out of memory. */
static char *plain_words(const char *s)
{
	struct words w = {BUF_INIT, 0};
	token_scan(s, strlen(s), 1, add_word, &w);
	char *joined = buf_steal(&w.rc, &w.joined);
	buf_free(&w.joined);
	return joined;
}

/* Read aliases file PATH onto IDX, replacing the last; "" forgets. */
static int read_aliases(docket_index *idx, const char *path, int missing_ok)
{
	struct aliases a;
	char why[512];
	idx->aliases_read = 1;
	if (!*path) {
		aliases_free(&idx->aliases);
		return 0;
	}
	int rc = aliases_load(path, &a, why, sizeof why);
	if (rc == DOCKET_NOT_FOUND && missing_ok)
		return 0;
	if (rc)
		return index_fail(idx, rc, "%s", rc == DOCKET_NO_MEMORY ? "out of memory" : why);
	aliases_free(&idx->aliases);
	idx->aliases = a;
	return 0;
}

/* At the first search: docket.aliases in the index folder (or beside the
 * stub file), when there is one. */
static int default_aliases(docket_index *idx)
{
	struct stat st;
	char path[4096];
	if (idx->aliases_read || !idx->path)
		return 0;
	if (stat(idx->path, &st) == 0 && S_ISDIR(st.st_mode)) {
		snprintf(path, sizeof path, "%s/docket.aliases", idx->path);
	} else {
		const char *slash = strrchr(idx->path, '/');
		int n = slash ? (int)(slash - idx->path) : 1;
		snprintf(path, sizeof path, "%.*s/docket.aliases", n, slash ? idx->path : ".");
	}
	return read_aliases(idx, path, 1);
}

DOCKET_EXPORT docket_status docket_index_set_aliases(docket_index *idx,
                                                     const char *path)
{
	if (!idx || !path)
		return idx ? (docket_status)index_fail(idx, DOCKET_BAD_ARGUMENT, "no aliases path")
		           : DOCKET_BAD_ARGUMENT;
	return (docket_status)read_aliases(idx, path, 0);
}

/* Set Q's warning when its string has a word that looks like a field but
 * is none (schema_unknown_field); returns 0, DOCKET_BAD_QUERY (the
 * message on Q's index) when Q is strict, or DOCKET_NO_MEMORY. */
static int check_fields(docket_query *q)
{
	size_t at, n;
	int rc = 0;
	buf names = BUF_INIT, msg = BUF_INIT;
	free(q->warning);
	q->warning = NULL;
	if (q->opt[DOCKET_QUERY_PLAIN] || !schema_unknown_field(q->string, &at, &n))
		return 0;
	schema_field_names(&rc, &names);
	buf_printf(&rc, &msg, "unknown field '%.*s:' in the query (fields: %.*s)",
	           (int)n, q->string + at, (int)names.n, names.p ? names.p : "");
	if (!q->opt[DOCKET_QUERY_STRICT])
		buf_puts(&rc, &msg, "; searched as words (quote it to mean words)");
	buf_free(&names);
	q->warning = buf_steal(&rc, &msg);
	if (rc)
		return index_fail(q->idx, DOCKET_NO_MEMORY, "out of memory");
	if (q->opt[DOCKET_QUERY_STRICT])
		return index_fail(q->idx, DOCKET_BAD_QUERY, "%s", q->warning);
	return 0;
}

DOCKET_EXPORT const char *docket_query_warning(const docket_query *q)
{
	return q && q->warning ? q->warning : "";
}

/* The engine's request for Q with LIMIT hits into *S, once the aliases
 * are read and the query's fields checked; *PLAIN holds the plain-words
 * form of the query when it is asked for (free it after S). */
static int request_of(docket_query *q, size_t limit, struct xap_request *s,
                      char **plain)
{
	const double *wt = q->weight;
	*plain = NULL;
	int rc = default_aliases(q->idx);
	if (!rc)
		rc = check_fields(q);
	if (rc)
		return rc;
	*plain = q->opt[DOCKET_QUERY_PLAIN] ? plain_words(q->string) : NULL;
	if (q->opt[DOCKET_QUERY_PLAIN] && !*plain)
		return index_fail(q->idx, DOCKET_NO_MEMORY, "out of memory");
	*s = (struct xap_request){
		.query = *plain ? *plain : q->string,
		.stem = q->idx->stem,
		.stopwords = q->opt[DOCKET_QUERY_STOPWORDS]
		                     ? stopwords_for(docket_index_language(q->idx))
		                     : NULL,
		.offset = (size_t)q->opt[DOCKET_QUERY_OFFSET],
		.limit = limit,
		.per_article = (unsigned)q->opt[DOCKET_QUERY_PER_ARTICLE],
		.sort_date = q->opt[DOCKET_QUERY_SORT] == DOCKET_SORT_DATE,
		.default_and = (int)q->opt[DOCKET_QUERY_DEFAULT_AND],
		.k1 = wt[DOCKET_WEIGHT_K1],
		.b = wt[DOCKET_WEIGHT_B],
		.min_normlen = wt[DOCKET_WEIGHT_MIN_NORMLEN],
		.title_weight = wt[DOCKET_WEIGHT_TITLE],
		.expand_weight = wt[DOCKET_WEIGHT_FEEDBACK],
		.expand_terms = (unsigned)q->opt[DOCKET_QUERY_FEEDBACK_TERMS],
		.expand_docs = (unsigned)q->opt[DOCKET_QUERY_FEEDBACK_DOCS],
		.explain = (int)q->opt[DOCKET_QUERY_EXPLAIN],
		.aliases = &q->idx->aliases,
		.quoted = (int)q->opt[DOCKET_QUERY_QUOTED],
		.every_copy = (int)q->opt[DOCKET_QUERY_COPIES],
		.filters = q->filter,
		.nfilters = q->nfilters,
		.time_limit = q->opt[DOCKET_QUERY_TIME_LIMIT_MS] / 1000.0,
	};
	return 0;
}

/* Parse (and with LIMIT, run) the query string, counting the facets
 * docket_query_want_facets() asked for; or, with FN, scan every match
 * (query_scan). */
static int search_or_scan(docket_query *q, size_t limit, struct xap_result *res,
                          const int *slots, size_t nslots, xap_row_fn fn,
                          void *ctx)
{
	struct xap_request s;
	char *plain = NULL;
	int rc = request_of(q, limit, &s, &plain);
	if (rc)
		return rc;
	s.count_mask = fn ? 0 : q->count_mask;
	rc = fn ? xap_scan(q->idx->db, &s, slots, nslots, fn, ctx)
	        : xap_search(q->idx->db, &s, res, &q->hl);
	free(plain);
	return index_engine_fail(q->idx, rc);
}

static int search(docket_query *q, size_t limit, struct xap_result *res)
{
	return search_or_scan(q, limit, res, NULL, 0, NULL, NULL);
}

int query_scan(docket_query *q, const int *slots, size_t n,
               int (*fn)(void *ctx, const struct xap_value *values,
                         const struct xap_row *row),
               void *ctx)
{
	index_clear_error(q->idx);
	int rc = check_size(q);
	return rc ? rc : search_or_scan(q, 0, NULL, slots, n, fn, ctx);
}

int query_count(docket_query *q, unsigned mask, struct xap_counts **out)
{
	*out = NULL;
	index_clear_error(q->idx);
	int rc = check_size(q);
	if (rc)
		return rc;
	struct xap_request s;
	char *plain = NULL;
	rc = request_of(q, 0, &s, &plain);
	if (!rc)
		rc = xap_count(q->idx->db, &s, mask, out);
	free(plain);
	return rc == DOCKET_UNSUPPORTED ? rc : index_engine_fail(q->idx, rc);
}

static int run_search(docket_query *q)
{
	struct xap_result res = {0};
	int rc = search(q, (size_t)q->opt[DOCKET_QUERY_LIMIT], &res);
	if (!rc && res.n && !(q->hits = calloc(res.n, sizeof *q->hits)))
		rc = index_fail(q->idx, DOCKET_NO_MEMORY, "out of memory");
	for (size_t i = 0; !rc && i < res.n; i++) {
		struct docket_hit *h = &q->hits[q->nhits++];
		h->score = res.m[i].score;
		h->rank = (size_t)q->opt[DOCKET_QUERY_OFFSET] + i + 1;
		rc = hit_fill(q, h, res.m[i].data, res.m[i].len);
		res.m[i].data = NULL; /* now the hit's */
		if (!rc && hit_copies(h, &res.m[i]))
			rc = index_fail(q->idx, DOCKET_NO_MEMORY, "out of memory");
		if (!rc && hit_explain(h, res.m[i].explain))
			rc = index_fail(q->idx, DOCKET_NO_MEMORY, "out of memory");
	}
	q->estimated = res.estimated;
	q->counts = res.counts; /* now the query's (hits_clear frees them) */
	res.counts = NULL;
	xap_result_clear(&res);
	return rc;
}

/* Read the document data of passage ID into a malloc'd string. */
static int read_passage(docket_query *q, const char *id, char **data,
                        size_t *n)
{
	int rc = 0;
	buf term = BUF_INIT, out = BUF_INIT;
	id_term(&rc, &term, id, strlen(id));
	if (!rc)
		rc = xap_get_data(q->idx->db, term.p, &out);
	buf_free(&term);
	*n = out.n;
	*data = rc ? NULL : buf_steal(&rc, &out);
	buf_free(&out);
	return rc;
}

/* The article id of the file at PATH (as given: absolute, relative or a
 * name with a link in it) into OUT: that of the first passage the index
 * holds of the file, whose XF term is its absolute path's key.  Returns 0,
 * DOCKET_NOT_FOUND (no such file, or none of it indexed) or another
 * docket_status from the engine. */
static int article_of_file(docket_query *q, const char *path, buf *out)
{
	char key[FILE_KEY_LEN + 1], *abs = realpath(path, NULL);
	int rc = 0;
	buf term = BUF_INIT, data = BUF_INIT;
	if (!abs)
		return DOCKET_NOT_FOUND;
	file_key(abs, key);
	free(abs);
	buf_puts(&rc, &term, PREFIX_FILE);
	buf_puts(&rc, &term, key);
	if (!rc)
		rc = xap_get_data(q->idx->db, term.p, &data);
	struct record r;
	if (!rc && record_decode(data.p, data.n, &r))
		rc = DOCKET_NOT_FOUND; /* damaged: as if not there */
	if (!rc)
		buf_append(&rc, out, r.f[REC_ARTICLE_ID], r.len[REC_ARTICLE_ID]);
	buf_free(&term);
	buf_free(&data);
	return rc;
}

/* When Q's passage id is not in the index but reads as PATH#N of an
 * indexed file, make it that file's ARTICLE#N (`docket show
 * /home/me/coverage/a.txt#3`).  Returns 0 (changed or not: a missing
 * passage is reported by the caller) or DOCKET_NO_MEMORY. */
static int passage_of_path(docket_query *q)
{
	size_t alen;
	int ordinal, rc = 0, yes = 1;
	buf term = BUF_INIT, article = BUF_INIT;
	if (passage_id_split(q->passage_id, &alen, &ordinal))
		return 0;
	id_term(&rc, &term, q->passage_id, strlen(q->passage_id));
	if (!rc && !xap_term_exists(q->idx->db, term.p, &yes) && !yes) {
		char *path = str_ndup(&rc, q->passage_id, alen);
		if (!rc && article_of_file(q, path, &article) == 0)
			passage_id(&rc, &article, "", ordinal);
		if (!rc && article.n) {
			free(q->passage_id);
			q->passage_id = buf_steal(&rc, &article);
		}
		free(path);
	}
	buf_free(&term);
	buf_free(&article);
	return rc;
}

static int run_passage(docket_query *q)
{
	size_t alen;
	int ordinal, rc = passage_of_path(q);
	if (rc)
		return index_fail(q->idx, rc, "out of memory");
	if (passage_id_split(q->passage_id, &alen, &ordinal))
		return index_fail(q->idx, DOCKET_NOT_FOUND,
		                  "'%s' is not a passage id (ARTICLE#N)", q->passage_id);
	if (q->string[0] && (rc = search(q, 0, &(struct xap_result){0})))
		return rc;
	int first = ordinal > (int)q->context ? ordinal - (int)q->context : 1;
	int last = ordinal + (int)q->context;
	q->hits = calloc((size_t)(last - first + 1), sizeof *q->hits);
	if (!q->hits)
		return index_fail(q->idx, DOCKET_NO_MEMORY, "out of memory");
	buf id = BUF_INIT;
	for (int k = first; k <= last && !rc; k++) {
		char *data;
		size_t n;
		buf_reset(&id);
		buf_append(&rc, &id, q->passage_id, alen);
		buf_printf(&rc, &id, "#%d", k);
		if (rc)
			break;
		rc = read_passage(q, id.p, &data, &n);
		if (rc == DOCKET_NOT_FOUND && k != ordinal) {
			rc = 0; /* before the first or past the last passage */
			continue;
		}
		if (rc == DOCKET_NOT_FOUND)
			rc = index_fail(q->idx, rc, "no passage %s", q->passage_id);
		else if (rc)
			rc = index_engine_fail(q->idx, rc);
		if (rc)
			break;
		struct docket_hit *h = &q->hits[q->nhits++];
		h->rank = q->nhits;
		rc = hit_fill(q, h, data, n);
	}
	buf_free(&id);
	q->estimated = q->nhits;
	return rc;
}

/* The passage and every copy of it, oldest first (engine/copies.cc). */
static int run_copies(docket_query *q)
{
	int rc = passage_of_path(q);
	buf term = BUF_INIT;
	struct xap_result res = {0};
	id_term(&rc, &term, q->passage_id, strlen(q->passage_id));
	if (rc)
		return index_fail(q->idx, DOCKET_NO_MEMORY, "out of memory");
	rc = xap_copies(q->idx->db, term.p, &res);
	buf_free(&term);
	if (rc == DOCKET_NOT_FOUND)
		return index_fail(q->idx, rc, "no passage %s", q->passage_id);
	if (rc)
		return index_engine_fail(q->idx, rc);
	size_t n = 1 + res.m[0].nmembers;
	if (!(q->hits = calloc(n, sizeof *q->hits)))
		rc = index_fail(q->idx, DOCKET_NO_MEMORY, "out of memory");
	for (size_t i = 0; !rc && i < n; i++) {
		struct xap_member *mb = i ? &res.m[0].members[i - 1] : NULL;
		char **data = mb ? &mb->data : &res.m[0].data;
		rc = hit_fill(q, &q->hits[q->nhits++], *data, mb ? mb->len : res.m[0].len);
		*data = NULL; /* now the hit's */
	}
	xap_result_clear(&res);
	if (rc)
		return rc;
	hits_sort_by_date(q->hits, q->nhits);
	for (size_t i = 0; i < q->nhits; i++)
		q->hits[i].rank = i + 1;
	q->estimated = q->nhits;
	return 0;
}

DOCKET_EXPORT docket_status docket_query_run(docket_query *q,
                                             docket_hits **out)
{
	if (!out)
		return DOCKET_BAD_ARGUMENT;
	*out = NULL;
	if (!q)
		return DOCKET_BAD_ARGUMENT;
	index_clear_error(q->idx);
	hits_clear(q);
	int rc = check_size(q);
	if (!rc)
		rc = q->copies_of ? run_copies(q)
		     : q->passage_id ? run_passage(q) : run_search(q);
	if (rc) {
		hits_clear(q);
		return rc;
	}
	q->iter.i = 0;
	q->iter.status = DOCKET_OK;
	*out = &q->iter;
	return DOCKET_OK;
}

DOCKET_EXPORT size_t docket_query_estimated(const docket_query *q)
{
	return q ? q->estimated : 0;
}

DOCKET_EXPORT void docket_query_free(docket_query *q)
{
	if (!q)
		return;
	hits_clear(q);
	for (int t = 0; t < 3; t++)
		table_free(q->table[t]);
	term_groups_free(&q->hl);
	for (size_t i = 0; i < q->nfilters; i++)
		free((char *)q->filter[i].value);
	free(q->string);
	free(q->warning);
	free(q->passage_id);
	free(q);
}
