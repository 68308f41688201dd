/* cmd-cases.c — `docket cases [QUERY]`: the cases the index's articles
 * name (or only the matching articles'), each with its docket numbers,
 * courts, judges, number of articles and outlets, first and last dates;
 * text or --json (JSON Lines, one object per case).  Called by
 * cli/main.c.
 *
 * Everything comes from the hits' own lists (docket_hit_list_*), which
 * the library reads from the document data (an article's from its first
 * passage's: schema 5), so remote shards
 * work like local ones and the aliases file is already applied.  An
 * article's docket numbers, courts and judges are counted for its case
 * only when it names one case: in a roundup of three cases nothing says
 * which docket is whose.  Two writings where one is the other cut short
 * ("Delacroix v. Nimbus", "Delacroix v. Nimbus Technologies") are one
 * case under the longer, unless two longer writings part ("Delacroix v.
 * Nimbus Labs" too): then the short one stays its own.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <search.h>
#include <strings.h>

#include <jansson.h>

#include "cli.h"

#define PAGE 10000 /* hits a page (the library's limit) */

struct cases_opts {
	struct index_list indexes; /* --index, repeatable */
	const char *aliases;       /* --aliases PATH */
	int json;                  /* --json */
	const char *query;         /* QUERY, or NULL: every article */
};

/* A set of distinct strings. */
struct strs {
	char **v;
	size_t n;
};

struct kase {
	char *name;          /* the case as shown */
	struct strs dockets; /* from its single-case articles */
	struct strs courts;
	struct strs judges;
	struct strs outlets; /* of all its articles */
	size_t articles;
	char first[16], last[16]; /* dates, "" when none known */
	struct kase *into;        /* its longest writing (merge()), or NULL */
};

/* The cases by first appearance, and two search trees (tsearch): the cases
 * by name and the article ids counted already.  Why trees: at 20k generated
 * articles (21,878 cases) the lists' linear look-ups took most of 9 s. */
struct table {
	struct kase **v;
	size_t n, cap;
	void *by_name; /* of struct kase *, by name */
	void *seen;    /* of char *, article ids */
	int oom;
};

static int name_order(const void *a, const void *b)
{
	return strcmp(((const struct kase *)a)->name, ((const struct kase *)b)->name);
}

/* tdestroy()'s for the cases' tree: run() frees the cases. */
static void nop_free(void *p)
{
	(void)p;
}

static int str_order(const void *a, const void *b)
{
	return strcmp(a, b);
}

/* Whether article ID is counted for the first time (now remembered). */
static int first_sight(struct table *t, const char *id)
{
	char *c = strdup(id);
	void *node = c ? tsearch(c, &t->seen, str_order) : NULL;
	if (!node) {
		free(c);
		return t->oom = 1, 0;
	}
	if (*(char **)node == c)
		return 1;
	free(c);
	return 0;
}

/* Add S to SET unless there; returns 1 when added. */
static int strs_add(struct table *t, struct strs *set, const char *s)
{
	for (size_t i = 0; i < set->n; i++)
		if (strcmp(set->v[i], s) == 0)
			return 0;
	char **v = realloc(set->v, (set->n + 1) * sizeof *v);
	char *c = strdup(s);
	if (!v || !c) {
		free(c);
		if (v)
			set->v = v;
		t->oom = 1;
		return 0;
	}
	set->v = v;
	set->v[set->n++] = c;
	return 1;
}

static void strs_free(struct strs *set)
{
	for (size_t i = 0; i < set->n; i++)
		free(set->v[i]);
	free(set->v);
}

/* The case named NAME in T, added when new; NULL when out of memory. */
static struct kase *case_get(struct table *t, const char *name)
{
	struct kase key = {.name = (char *)name};
	void *found = tfind(&key, &t->by_name, name_order);
	if (found)
		return *(struct kase **)found;
	if (t->n == t->cap) {
		size_t cap = t->cap ? 2 * t->cap : 64;
		struct kase **v = realloc(t->v, cap * sizeof *v);
		if (!v)
			return t->oom = 1, NULL;
		t->v = v, t->cap = cap;
	}
	struct kase *k = calloc(1, sizeof *k);
	if (!k || !(k->name = strdup(name)) || !tsearch(k, &t->by_name, name_order)) {
		if (k)
			free(k->name);
		free(k);
		return t->oom = 1, NULL;
	}
	return t->v[t->n++] = k;
}

/* Count the article of hit H (its first passage seen) for its cases. */
static void add_article(struct table *t, const docket_hit *h)
{
	size_t ncases = docket_hit_list_count(h, DOCKET_LIST_CASES);
	const char *date = docket_hit_field(h, DOCKET_FIELD_DATE);
	const char *outlet = docket_hit_field(h, DOCKET_FIELD_OUTLET);
	static const docket_list lists[3] = {DOCKET_LIST_DOCKETS, DOCKET_LIST_COURTS,
	                                     DOCKET_LIST_JUDGES};
	for (size_t c = 0; c < ncases; c++) {
		struct kase *k = case_get(t, docket_hit_list_item(h, DOCKET_LIST_CASES, c));
		if (!k)
			return;
		k->articles++;
		if (*outlet)
			strs_add(t, &k->outlets, outlet);
		if (*date && (!*k->first || strcmp(date, k->first) < 0))
			snprintf(k->first, sizeof k->first, "%s", date);
		if (*date && strcmp(date, k->last) > 0)
			snprintf(k->last, sizeof k->last, "%s", date);
		struct strs *sets[3] = {&k->dockets, &k->courts, &k->judges};
		for (int l = 0; l < 3 && ncases == 1; l++)
			for (size_t i = 0; i < docket_hit_list_count(h, lists[l]); i++)
				strs_add(t, sets[l], docket_hit_list_item(h, lists[l], i));
	}
}

/* Case names ignoring case, for finding the longer writings: every name
 * that is P and more follows P, and those after "P " come right after. */
static int name_nocase(const void *x, const void *y)
{
	const struct kase *a = *(const struct kase *const *)x;
	const struct kase *b = *(const struct kase *const *)y;
	int c = strcasecmp(a->name, b->name);
	return c ? c : strcmp(a->name, b->name);
}

/* Whether name A is B, or B cut short after a word (ignoring case). */
static int writing_of(const char *a, const char *b)
{
	size_t n = strlen(a);
	return strncasecmp(a, b, n) == 0 && (b[n] == ' ' || b[n] == '\0');
}

/* The longest writing in SORTED (N names, name_nocase order) of which the
 * caption at I is cut short ("X v. Y" of "X v. Y Z"); NULL when none, or
 * when two longer writings part ("X v. Y A", "X v. Y B": whose is it?). */
static struct kase *longest_writing(struct kase **sorted, size_t n, size_t i)
{
	const char *a = sorted[i]->name;
	size_t len = strlen(a), j;
	struct kase *best = NULL;
	if (!strstr(a, " v. "))
		return NULL;
	for (j = i + 1; j < n && strncasecmp(a, sorted[j]->name, len) == 0; j++)
		if (sorted[j]->name[len] == ' ' &&
		    (!best || strlen(sorted[j]->name) > strlen(best->name)))
			best = sorted[j];
	for (size_t k = i + 1; best && k < j; k++)
		if (sorted[k]->name[len] == ' ' && !writing_of(sorted[k]->name, best->name))
			return NULL;
	return best;
}

/* Fold B into A (sets, articles, dates) and empty B. */
static void fold(struct table *t, struct kase *a, struct kase *b)
{
	struct strs *from[4] = {&b->dockets, &b->courts, &b->judges, &b->outlets};
	struct strs *to[4] = {&a->dockets, &a->courts, &a->judges, &a->outlets};
	for (int s = 0; s < 4; s++)
		for (size_t k = 0; k < from[s]->n; k++)
			strs_add(t, to[s], from[s]->v[k]);
	a->articles += b->articles;
	if (*b->first && (!*a->first || strcmp(b->first, a->first) < 0))
		memcpy(a->first, b->first, sizeof a->first);
	if (strcmp(b->last, a->last) > 0)
		memcpy(a->last, b->last, sizeof a->last);
	b->articles = 0; /* emptied: not printed */
}

/* Fold each case cut short into its longest writing, in the order the
 * cases were first seen (which orders the folded sets).  The longest
 * writing is never cut short itself: a longer one would be longer. */
static void merge(struct table *t)
{
	struct kase **sorted = malloc((t->n ? t->n : 1) * sizeof *sorted);
	if (!sorted) {
		t->oom = 1;
		return;
	}
	memcpy(sorted, t->v, t->n * sizeof *sorted);
	qsort(sorted, t->n, sizeof *sorted, name_nocase);
	for (size_t i = 0; i < t->n; i++)
		sorted[i]->into = longest_writing(sorted, t->n, i);
	for (size_t i = 0; i < t->n; i++)
		if (t->v[i]->into)
			fold(t, t->v[i]->into, t->v[i]);
	free(sorted);
}

/* Most articles first, then by name. */
static int by_articles(const void *x, const void *y)
{
	const struct kase *a = *(const struct kase *const *)x;
	const struct kase *b = *(const struct kase *const *)y;
	if (a->articles != b->articles)
		return a->articles < b->articles ? 1 : -1;
	return strcmp(a->name, b->name);
}

/* Whether judge S is only the surname of another judge of SET ("Lindqvist"
 * beside "Rita F. Lindqvist": articles after the first give the surname). */
static int surname_only(const struct strs *set, const char *s)
{
	size_t n = strlen(s);
	for (size_t i = 0; !strchr(s, ' ') && i < set->n; i++) {
		size_t m = strlen(set->v[i]);
		if (m > n + 1 && set->v[i][m - n - 1] == ' ' && strcmp(set->v[i] + m - n, s) == 0)
			return 1;
	}
	return 0;
}

static void put_list(const char *label, const struct strs *s)
{
	if (!s->n)
		return;
	printf("  %s ", label);
	for (size_t i = 0, k = 0; i < s->n; i++)
		if (!surname_only(s, s->v[i]))
			printf("%s%s", k++ ? "; " : "", s->v[i]);
	putchar('\n');
}

static json_t *jstrs(const struct strs *s)
{
	json_t *a = json_array();
	for (size_t i = 0; a && i < s->n; i++)
		if (!surname_only(s, s->v[i]))
			json_array_append_new(a, json_string(s->v[i]));
	return a;
}

/* Print one case in text or as one JSON line; returns -1 on failure. */
static int put_case(const struct kase *k, int json)
{
	if (json) {
		json_t *o = json_pack("{s:s,s:o,s:o,s:o,s:I,s:I,s:s,s:s}", "case", k->name,
		                      "dockets", jstrs(&k->dockets), "courts", jstrs(&k->courts),
		                      "judges", jstrs(&k->judges), "articles", (json_int_t)k->articles,
		                      "outlets", (json_int_t)k->outlets.n, "first", k->first,
		                      "last", k->last);
		char *line = o ? json_dumps(o, JSON_COMPACT) : NULL;
		json_decref(o);
		if (!line)
			return -1;
		puts(line);
		free(line);
		return 0;
	}
	printf("%s\n", k->name);
	put_list("dockets", &k->dockets);
	put_list("courts ", &k->courts);
	put_list("judges ", &k->judges);
	printf("  %zu article%s, %zu outlet%s", k->articles, k->articles == 1 ? "" : "s",
	       k->outlets.n, k->outlets.n == 1 ? "" : "s");
	if (*k->first)
		printf(", %s .. %s", k->first, k->last);
	putchar('\n');
	return 0;
}

/* The query for the page of matches at OFFSET: one passage an article (an
 * article's lists are the same on each) and every copy (a wire story run
 * by five outlets is five articles and five outlets here).  Why: with
 * every passage and copies collapsed, `docket cases` on 20k generated
 * articles ran for over two minutes, mostly confirming copies among
 * ~300k hits; one passage an article and no copy check, 8.9 s, the same
 * output at 2k. */
static docket_status page_query(docket_index *idx, const char *query, long offset,
                                docket_query **q)
{
	docket_status st = docket_query_new(idx, query, q);
	if (!st)
		st = docket_query_set(*q, DOCKET_QUERY_LIMIT, PAGE);
	if (!st)
		st = docket_query_set(*q, DOCKET_QUERY_OFFSET, offset);
	if (!st)
		st = docket_query_set(*q, DOCKET_QUERY_PER_ARTICLE, 1);
	if (!st)
		st = docket_query_set(*q, DOCKET_QUERY_COPIES, 1);
	return st;
}

/* Count the articles of the matches (or of the index), a page at a time. */
static docket_status collect(docket_index *idx, const char *query, struct table *t)
{
	docket_status st = DOCKET_OK;
	for (long offset = 0; !st && !t->oom; offset += PAGE) {
		docket_query *q = NULL;
		docket_hits *hits = NULL;
		size_t n = 0;
		st = page_query(idx, query, offset, &q);
		if (!st)
			st = docket_query_run(q, &hits);
		if (!st && offset == 0)
			query_warn(q);
		for (; !st && docket_hits_valid(hits); docket_hits_next(hits), n++) {
			const docket_hit *h = docket_hits_get(hits);
			if (first_sight(t, docket_hit_field(h, DOCKET_FIELD_ARTICLE_ID)))
				add_article(t, h);
		}
		if (!st)
			st = docket_hits_status(hits);
		docket_query_free(q);
		if (n < PAGE)
			break;
	}
	return t->oom && !st ? DOCKET_NO_MEMORY : st;
}

enum { OPT_INDEX = 256, OPT_JSON, OPT_ALIASES };

static const struct cli_option options[] = {
	{"index", OPT_INDEX, required_argument, "DIR", "the index (repeatable)", NULL},
	{"json", OPT_JSON, no_argument, NULL, "JSON Lines, one object per case", NULL},
	{"aliases", OPT_ALIASES, required_argument, "PATH",
	 "the aliases file (default: docket.aliases in the index folder)", NULL},
	{"help", 'h', no_argument, NULL, "show this help", NULL},
};

static const struct cli_spec spec = CLI_SPEC("cases",
	"usage: docket cases [OPTION]... [QUERY]\n"
	"List the cases the articles name (all, or those matching QUERY), with\n"
	"their docket numbers, courts, judges, articles, outlets and dates.\n"
	"\n",
	options,
	"Exit status: 0 if cases were listed, 1 if none, 2 on error.\n");

static int take_option(void *p, int c, const char *arg)
{
	struct cases_opts *o = p;
	switch (c) {
	case OPT_INDEX:
		return index_list_add(&o->indexes, arg) ? EXIT_TROUBLE : 0;
	case OPT_JSON:
		o->json = 1;
		return 0;
	case OPT_ALIASES:
		o->aliases = arg;
		return 0;
	}
	return usage_error("cases", "bad option");
}

/* Print T's cases, most articles first; the exit status. */
static int print_cases(struct table *t, int json)
{
	int rc = EXIT_NONE;
	merge(t);
	if (t->oom)
		return fail("out of memory");
	qsort(t->v, t->n, sizeof *t->v, by_articles);
	for (size_t i = 0; i < t->n && t->v[i]->articles; i++) {
		if (put_case(t->v[i], json))
			return fail("out of memory");
		rc = EXIT_HITS;
	}
	return rc;
}

static void table_free(struct table *t)
{
	for (size_t i = 0; i < t->n; i++) {
		free(t->v[i]->name);
		strs_free(&t->v[i]->dockets), strs_free(&t->v[i]->courts);
		strs_free(&t->v[i]->judges), strs_free(&t->v[i]->outlets);
		free(t->v[i]);
	}
	free(t->v);
	tdestroy(t->by_name, nop_free);
	tdestroy(t->seen, free);
}

static int run(docket_index *idx, const struct cases_opts *o)
{
	struct table t = {0};
	int rc = EXIT_TROUBLE;
	/* every passage: no word is absent from nothing (FLAG_PURE_NOT) */
	docket_status st = collect(idx, o->query ? o->query : "NOT xqzjxqzjnoword", &t);
	if (st) {
		const char *msg = docket_index_last_error(idx);
		fail("%s", *msg ? msg : docket_strerror(st));
	} else {
		rc = print_cases(&t, o->json);
	}
	table_free(&t);
	return rc;
}

int cmd_cases(int argc, char **argv)
{
	struct cases_opts o = {0};
	docket_index *idx = NULL;
	int rc = cli_parse(&spec, argc, argv, take_option, &o);
	if (rc == 0 && optind < argc - 1)
		rc = usage_error("cases", "give one QUERY (quote it)");
	if (rc == 0 && optind < argc)
		o.query = argv[optind];
	if (rc == 0 && index_list_default(&o.indexes))
		rc = EXIT_TROUBLE;
	if (rc == 0 && open_for_reading(&o.indexes, &idx) != DOCKET_OK)
		rc = EXIT_TROUBLE;
	if (rc == 0 && o.aliases && docket_index_set_aliases(idx, o.aliases) != DOCKET_OK)
		rc = fail("%s", docket_index_last_error(idx));
	if (rc == 0)
		rc = run(idx, &o);
	if (rc == -1)
		rc = EXIT_HITS; /* --help */
	docket_index_close(idx);
	index_list_free(&o.indexes);
	if (fflush(stdout) != 0 || ferror(stdout))
		rc = fail("writing the cases failed");
	return rc;
}
