/* cmd-quotes.c — `docket quotes [QUERY]`: the distinct quotations in the
 * passages matching QUERY (every quoted passage when there is none),
 * grouped across articles, each with its speaker, where it was first
 * reported (the earliest dated report) and how many articles and outlets
 * carried it.  Two reports are one quote when their keys are equal, or
 * when the shorter's key (at least MIN_EXCERPT_WORDS words) is a run of
 * whole words of the longer's (docket_quote_key_contains): an excerpt goes
 * with the quote it was cut from, and the group shows the longest text.
 * Every copy of a passage is a hit here (DOCKET_QUERY_COPIES): search
 * folds a wire story's copies into one, which would leave out the outlets
 * that ran the quote only in their copy.
 * Everything comes from the hits' own records, so remote shards work as
 * local ones; printed through the chosen format's printer (printer.h).
 * Called by cli/main.c.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "output.h"
#include "printer.h"

#define PAGE 10000           /* hits per query run (the library's maximum) */
#define MIN_EXCERPT_WORDS 3  /* a shorter excerpt groups only from this long:
                              * "yes" or "not at all" would join anything */

struct quotes_opts {
	struct index_list indexes; /* --index, repeatable */
	const char *query;         /* QUERY, or "" */
	const char *speaker;       /* --speaker, or NULL */
	long limit;                /* -n: quotes to show (0: all) */
	const struct printer_format *format; /* --format, --json */
	int color;                 /* an enum color_when */
};

/* One report of a quote: a quote of one hit. */
struct report {
	char *key;                 /* grouping key */
	char *text;                /* the quoted words */
	const char *speaker;       /* borrowed from the query, as the rest */
	const char *passage_id, *article_id, *outlet, *date;
	size_t group;              /* the group it joined */
};

/* A distinct quote: its reports are those whose group is its index. */
struct group {
	size_t rep;                /* the longest report (its text is shown) */
	size_t first;              /* the earliest dated report */
	size_t nreports;
};

enum { OPT_INDEX = 256, OPT_SPEAKER, OPT_JSON, OPT_FORMAT, OPT_COLOR };

static const struct cli_option options[] = {
	{"index", OPT_INDEX, required_argument, "DIR", "the index (repeatable)", NULL},
	{"speaker", OPT_SPEAKER, required_argument, "NAME",
	 "only what NAME said (a surname, a full name or a role\nsuch as spokesperson), oldest first", NULL},
	{"limit", 'n', required_argument, "N", "show at most N quotes (default: all)", NULL},
	{"json", OPT_JSON, no_argument, NULL, "JSON Lines, one object per quote", NULL},
	{"format", OPT_FORMAT, required_argument, "FMT", "text (default) or json", NULL},
	{"color", OPT_COLOR, optional_argument, "WHEN",
	 "auto (default), always or never", "colour"},
	CLI_NO_COLOR_ROW,
	{"help", 'h', no_argument, NULL, "show this help", NULL},
};

static const struct cli_spec spec = CLI_SPEC("quotes",
	"usage: docket quotes [OPTION]... [QUERY]\n"
	"List the distinct quotes in the passages matching QUERY (every quote\n"
	"when there is none), grouped across articles, with who said them, where\n"
	"each was first reported and how many articles and outlets carried it.\n"
	"\n",
	options,
	"Exit status: 0 if any quote was found, 1 if none, 2 on error.\n");

/* Whether S holds a letter or digit (ASCII, or any non-ASCII byte). */
static int has_word(const char *s)
{
	for (; *s; s++)
		if ((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
		    (*s >= '0' && *s <= '9') || (*s & 0x80))
			return 1;
	return 0;
}

/* Handle option C with argument ARG for the quotes_opts P (a cli_take);
 * returns 0 or an exit status. */
static int take_option(void *p, int c, const char *arg)
{
	struct quotes_opts *o = p;
	switch (c) {
	case OPT_INDEX:
		return index_list_add(&o->indexes, arg) ? EXIT_TROUBLE : 0;
	case OPT_SPEAKER:
		if (!has_word(arg))
			return usage_error("quotes", "--speaker: '%s' names nobody", arg);
		o->speaker = arg;
		return 0;
	case 'n':
		if (parse_long(arg, 0, 1000000, &o->limit))
			return usage_error("quotes", "-n: '%s' is not a number from 0 to 1000000", arg);
		return 0;
	case OPT_JSON:
		o->format = printer_find("json");
		return 0;
	case OPT_FORMAT:
		o->format = printer_find(arg);
		if (!o->format || !o->format->make(&(struct print_opts){.qid = "0"}).quotes)
			return usage_error("quotes", "--format: '%s' is not text or json", arg);
		return 0;
	case OPT_COLOR:
		return take_color("quotes", arg, &o->color);
	}
	return usage_error("quotes", "bad option");
}

/* Fill O from the command line; returns 0, -1 after --help, or an exit
 * status. */
static int parse_args(int argc, char **argv, struct quotes_opts *o)
{
	int rc = cli_parse(&spec, argc, argv, take_option, o);
	if (rc)
		return rc;
	if (optind < argc - 1)
		return usage_error("quotes", "give the query as one argument (quote it)");
	o->query = optind < argc ? argv[optind] : "";
	return index_list_default(&o->indexes) ? EXIT_TROUBLE : 0;
}

/* The query string: QUERY, restricted to --speaker's quotes (speaker:"NAME",
 * NAME's own double quotes dropped).  Malloc'd, or NULL. */
static char *query_string(const struct quotes_opts *o)
{
	size_t n = strlen(o->query) + (o->speaker ? strlen(o->speaker) : 0) + 32;
	char *s = malloc(n), *name = o->speaker ? strdup(o->speaker) : NULL;
	if (!s || (o->speaker && !name)) {
		free(s);
		free(name);
		return NULL;
	}
	for (char *p = name; p && *p; p++)
		if (*p == '"')
			*p = ' ';
	if (!name)
		snprintf(s, n, "%s", o->query);
	else if (*o->query)
		snprintf(s, n, "(%s) AND speaker:\"%s\"", o->query, name);
	else
		snprintf(s, n, "speaker:\"%s\"", name);
	free(name);
	return s;
}

/* Whether every word of NAME is a word of SPEAKER (case-insensitive): the
 * client-side check that a quote of a matching passage is NAME's. */
static int said_by(const char *speaker, const char *name)
{
	char *n = strdup(name), *save = NULL;
	int ok = n != NULL;
	for (char *w = n ? strtok_r(n, " \t\"", &save) : NULL; w && ok;
	     w = strtok_r(NULL, " \t\"", &save)) {
		size_t k = strlen(w);
		ok = 0;
		for (const char *p = speaker; *p && !ok; p++)
			ok = (p == speaker || p[-1] == ' ') && !strncasecmp(p, w, k) &&
			     (p[k] == '\0' || p[k] == ' ' || p[k] == '\'');
	}
	free(n);
	return ok;
}

/* Whether the quote [S, E) of H should be listed: by --speaker's speaker
 * when given; holding one of the hit's highlights when it has any. */
static int wanted(const struct quotes_opts *o, const docket_hit *h, size_t s,
                  size_t e, const char *speaker)
{
	size_t n = docket_hit_highlight_count(h);
	if (o->speaker && !said_by(speaker, o->speaker))
		return 0;
	if (n == 0)
		return 1;
	for (size_t i = 0; i < n; i++) {
		size_t hs, he;
		docket_hit_highlight(h, i, &hs, &he);
		if (hs < e && he > s)
			return 1;
	}
	return 0;
}

struct reports {
	struct report *r;
	size_t n, cap;
};

/* Append the wanted quotes of hit H to R; -1 when out of memory. */
static int collect_hit(const struct quotes_opts *o, const docket_hit *h,
                       struct reports *r)
{
	const char *text = docket_hit_field(h, DOCKET_FIELD_TEXT);
	for (size_t i = 0; i < docket_hit_quote_count(h); i++) {
		size_t s, e;
		const char *speaker;
		docket_hit_quote(h, i, &s, &e, &speaker, NULL);
		if (!*docket_hit_quote_key(h, i) || !wanted(o, h, s, e, speaker))
			continue;
		if (r->n == r->cap) {
			size_t cap = r->cap ? 2 * r->cap : 64;
			struct report *p = realloc(r->r, cap * sizeof *p);
			if (!p)
				return -1;
			r->r = p;
			r->cap = cap;
		}
		struct report *x = &r->r[r->n];
		x->key = strdup(docket_hit_quote_key(h, i));
		x->text = strndup(text + s, e - s);
		if (!x->key || !x->text)
			return free(x->key), free(x->text), -1;
		x->speaker = speaker;
		x->passage_id = docket_hit_field(h, DOCKET_FIELD_PASSAGE_ID);
		x->article_id = docket_hit_field(h, DOCKET_FIELD_ARTICLE_ID);
		x->outlet = docket_hit_field(h, DOCKET_FIELD_OUTLET);
		x->date = docket_hit_field(h, DOCKET_FIELD_DATE);
		r->n++;
	}
	return 0;
}

/* Run the query page by page, collecting every wanted quote into R.  The
 * queries stay alive in *QS (their hits own the strings R borrows).
 * Returns a docket_status. */
static docket_status collect(docket_index *idx, const char *query,
                             const struct quotes_opts *o, struct reports *r,
                             docket_query ***qs, size_t *nq)
{
	for (size_t offset = 0;; offset += PAGE) {
		docket_query **more = realloc(*qs, (*nq + 1) * sizeof *more), *q = NULL;
		docket_hits *hits = NULL;
		if (!more)
			return DOCKET_NO_MEMORY;
		*qs = more;
		docket_status st = docket_query_new(idx, query, &q);
		if (st)
			return st;
		(*qs)[(*nq)++] = q;
		docket_query_set(q, DOCKET_QUERY_LIMIT, PAGE);
		docket_query_set(q, DOCKET_QUERY_OFFSET, (long)offset);
		docket_query_set(q, DOCKET_QUERY_PER_ARTICLE, 0);
		docket_query_set(q, DOCKET_QUERY_QUOTED, 1);
		docket_query_set(q, DOCKET_QUERY_COPIES, 1); /* each outlet that ran it */
		if ((st = docket_query_run(q, &hits)))
			return st;
		if (offset == 0)
			query_warn(q);
		for (; docket_hits_valid(hits); docket_hits_next(hits))
			if (collect_hit(o, docket_hits_get(hits), r))
				return DOCKET_NO_MEMORY;
		if ((st = docket_hits_status(hits)) || docket_hits_count(hits) < PAGE)
			return st;
	}
}

/* Report order for grouping: longest key first (a quote before its
 * excerpts), then by key so that equal keys sit together. */
static int by_length(const void *a, const void *b)
{
	const struct report *x = a, *y = b;
	size_t nx = strlen(x->key), ny = strlen(y->key);
	return nx != ny ? (nx < ny ? 1 : -1) : strcmp(x->key, y->key);
}

/* Whether report X was reported before report Y: dated before undated,
 * earlier dates first, then by passage id. */
static int earlier(const struct report *x, const struct report *y)
{
	if (!*x->date != !*y->date)
		return *x->date != '\0';
	int c = strcmp(x->date, y->date);
	return c ? c < 0 : strcmp(x->passage_id, y->passage_id) < 0;
}

static size_t words(const char *key)
{
	size_t n = *key != '\0';
	for (; *key; key++)
		n += *key == ' ';
	return n;
}

/* Put each report of R (sorted by_length) into a group: the first group
 * whose longest key equals or (for an excerpt of MIN_EXCERPT_WORDS words
 * or more) contains its key, else a new one.  *G is malloc'd. */
static int group_reports(struct reports *r, struct group **g, size_t *ng)
{
	*g = calloc(r->n ? r->n : 1, sizeof **g);
	*ng = 0;
	if (!*g)
		return -1;
	for (size_t i = 0; i < r->n; i++) {
		struct report *x = &r->r[i];
		size_t k = 0;
		int excerpt = words(x->key) >= MIN_EXCERPT_WORDS;
		while (k < *ng && strcmp(r->r[(*g)[k].rep].key, x->key) &&
		       !(excerpt && docket_quote_key_contains(r->r[(*g)[k].rep].key, x->key)))
			k++;
		if (k == *ng)
			(*g)[(*ng)++] = (struct group){i, i, 0};
		struct group *y = &(*g)[k];
		x->group = k;
		y->nreports++;
		if (earlier(x, &r->r[y->first]))
			y->first = i;
	}
	return 0;
}

/* The group's speaker: the first report's, else any report's. */
static const char *group_speaker(const struct reports *r, size_t k,
                                 const struct group *y)
{
	if (*r->r[y->first].speaker)
		return r->r[y->first].speaker;
	for (size_t i = 0; i < r->n; i++)
		if (r->r[i].group == k && *r->r[i].speaker)
			return r->r[i].speaker;
	return "";
}

/* Add S to the N distinct strings of LIST (room for them all). */
static void add_distinct(const char **list, size_t *n, const char *s)
{
	if (!*s)
		return;
	for (size_t i = 0; i < *n; i++)
		if (!strcmp(list[i], s))
			return;
	list[(*n)++] = s;
}

/* Fill the line of group K: its reports in the order they were published
 * (MEMBERS, ARTICLES: room for every report) give the passages, outlets
 * and articles, each once. */
static void fill_line(const struct reports *r, size_t k, const struct group *y,
                      struct quote_line *l, const struct report **members,
                      const char **articles)
{
	size_t n = 0, narticles = 0;
	for (size_t i = 0; i < r->n; i++) {
		if (r->r[i].group != k)
			continue;
		size_t j = n++;
		for (; j > 0 && earlier(&r->r[i], members[j - 1]); j--)
			members[j] = members[j - 1]; /* insertion: groups are small */
		members[j] = &r->r[i];
	}
	l->text = r->r[y->rep].text;
	l->speaker = group_speaker(r, k, y);
	l->passage_id = members[0]->passage_id;
	l->outlet = members[0]->outlet;
	l->date = members[0]->date;
	l->noutlets = l->npassages = 0;
	for (size_t i = 0; i < n; i++) {
		add_distinct(l->passages, &l->npassages, members[i]->passage_id);
		add_distinct(l->outlets, &l->noutlets, members[i]->outlet);
		add_distinct(articles, &narticles, members[i]->article_id);
	}
	l->articles = narticles;
}

/* Group order: --speaker oldest first; else the most widely carried
 * first, then oldest first. */
static const struct reports *order_r;
static int order_speaker;

static int by_order(const void *a, const void *b)
{
	const struct group *x = a, *y = b;
	const struct report *fx = &order_r->r[x->first], *fy = &order_r->r[y->first];
	if (!order_speaker && x->nreports != y->nreports)
		return x->nreports < y->nreports ? 1 : -1;
	return earlier(fx, fy) ? -1 : earlier(fy, fx) ? 1 : 0;
}

/* Print the groups through O's format; returns 0 or -1 (out of memory or
 * the printer failed). */
static int print_groups(const struct quotes_opts *o, struct reports *r,
                        struct group *g, size_t ng)
{
	size_t n = o->limit && (size_t)o->limit < ng ? (size_t)o->limit : ng;
	const char **outlets = calloc(r->n + 1, sizeof *outlets);
	const char **passages = calloc(r->n + 1, sizeof *passages);
	const char **articles = calloc(r->n + 1, sizeof *articles);
	const struct report **members = calloc(r->n + 1, sizeof *members);
	struct quote_line *lines = calloc(n + 1, sizeof *lines);
	struct group *sorted = malloc((ng ? ng : 1) * sizeof *sorted);
	int rc = -1;
	if (outlets && passages && articles && members && lines && sorted) {
		order_r = r;
		order_speaker = o->speaker != NULL;
		memcpy(sorted, g, ng * sizeof *g);
		qsort(sorted, ng, sizeof *sorted, by_order);
		/* the lines share the arrays: each is filled and printed alone */
		const struct print_opts po = {
			.r = {color_enabled(o->color), output_width()}, .qid = "0",
		};
		struct printer p = o->format->make(&po);
		rc = 0;
		for (size_t i = 0; i < n && !rc; i++) {
			lines[i] = (struct quote_line){.outlets = outlets, .passages = passages};
			fill_line(r, r->r[sorted[i].rep].group, &sorted[i], &lines[i], members,
			          articles);
			rc = p.quotes(&p, &lines[i], 1);
		}
	}
	free(sorted);
	free(lines);
	free(outlets);
	free(passages);
	free(articles);
	free(members);
	return rc;
}

/* Collect, group and print; returns the exit status. */
static int list_quotes(docket_index *idx, const struct quotes_opts *o)
{
	struct reports r = {NULL, 0, 0};
	struct group *g = NULL;
	docket_query **qs = NULL;
	size_t nq = 0, ng = 0;
	int rc = EXIT_TROUBLE;
	char *query = query_string(o);
	docket_status st = query ? collect(idx, query, o, &r, &qs, &nq) : DOCKET_NO_MEMORY;
	if (st) {
		const char *msg = docket_index_last_error(idx);
		fail("%s", *msg ? msg : docket_strerror(st));
	} else if (qsort(r.r, r.n, sizeof *r.r, by_length), group_reports(&r, &g, &ng) ||
	           print_groups(o, &r, g, ng)) {
		fail("out of memory");
	} else {
		rc = ng ? EXIT_HITS : EXIT_NONE;
	}
	for (size_t i = 0; i < r.n; i++) {
		free(r.r[i].key);
		free(r.r[i].text);
	}
	free(r.r);
	free(g);
	for (size_t i = 0; i < nq; i++)
		docket_query_free(qs[i]);
	free(qs);
	free(query);
	return rc;
}

int cmd_quotes(int argc, char **argv)
{
	struct quotes_opts o = {.format = printer_formats, .color = COLOR_AUTO};
	docket_index *idx = NULL;
	int rc = parse_args(argc, argv, &o);
	if (rc == 0 && open_for_reading(&o.indexes, &idx) != DOCKET_OK)
		rc = EXIT_TROUBLE;
	if (rc == 0)
		rc = list_quotes(idx, &o);
	if (rc == -1)
		rc = EXIT_HITS; /* --help */
	docket_index_close(idx);
	index_list_free(&o.indexes);
	if (fflush(stdout) != 0 || ferror(stdout))
		rc = fail("writing the quotes failed");
	return rc;
}
