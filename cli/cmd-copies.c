/* cmd-copies.c — `docket copies PASSAGE_ID`: every copy of a passage
 * (syndicated or saved twice), oldest first, with outlet, date, citation
 * and what each copy changed against the earliest: words added and
 * removed, and the changed runs (a compact word diff, cli/diff.c).  --json
 * prints one object per copy instead.  Exit 0, 1 when there is no such
 * passage, 2 on error.  Called by cli/main.c.
 */
#include <getopt.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "diff.h"
#include "output.h"

struct copies_opts {
	struct index_list indexes; /* --index, repeatable */
	int json;                  /* --json */
	int cite;                  /* a docket_cite_style */
	int color;                 /* an enum color_when */
	const char *id;            /* the passage id */
};

enum { OPT_INDEX = 256, OPT_JSON, OPT_CITE, OPT_COLOR };

static const struct cli_option options[] = {
	{"index", OPT_INDEX, required_argument, "DIR", "the index (repeatable)", NULL},
	{"json", OPT_JSON, no_argument, NULL, "JSON Lines, one object per copy", NULL},
	{"cite", OPT_CITE, required_argument, "STYLE",
	 "citation style: plain, markdown or bibtex", NULL},
	{"color", OPT_COLOR, optional_argument, "WHEN",
	 "auto (default), always or never", "colour"},
	CLI_NO_COLOR_ROW,
	{"help", 'h', no_argument, NULL, "show this help", NULL},
};

static const struct cli_spec spec = CLI_SPEC("copies",
	"usage: docket copies [OPTION]... PASSAGE_ID\n"
	"List every copy of a passage, oldest first, with what each changed.\n"
	"\n",
	options,
	"Exit status: 0 if shown, 1 if there is no such passage, 2 on error.\n");

/* Handle option C with argument ARG for the copies_opts P (a cli_take);
 * returns 0 or an exit status. */
static int take_option(void *p, int c, const char *arg)
{
	struct copies_opts *o = p;
	switch (c) {
	case OPT_INDEX:
		return index_list_add(&o->indexes, arg) ? EXIT_TROUBLE : 0;
	case OPT_JSON:
		o->json = 1;
		return 0;
	case OPT_CITE:
		return take_cite("copies", arg, &o->cite);
	case OPT_COLOR:
		return take_color("copies", arg, &o->color);
	}
	return usage_error("copies", "bad option");
}

/* Fill O from the command line; returns 0, -1 after --help, or an exit
 * status. */
static int parse_args(int argc, char **argv, struct copies_opts *o)
{
	int rc = cli_parse(&spec, argc, argv, take_option, o);
	if (rc)
		return rc;
	if (optind != argc - 1)
		return usage_error("copies", optind >= argc ? "no passage id given"
		                                            : "give one passage id");
	o->id = argv[optind];
	return index_list_default(&o->indexes) ? EXIT_TROUBLE : 0;
}

/* ------------------------------------------------------------- the diff */

/* What a diff gathers for one copy: its changed runs. */
struct changes {
	json_t *runs;            /* [[op, words], …] (JSON) or NULL */
	const struct render *r;  /* text: print each run here, else NULL */
	int bad;                 /* out of memory */
};

/* diff_fn: keep or print a run that changed. */
static int on_run(void *ctx, enum diff_op op, const char *words, size_t n)
{
	struct changes *c = ctx;
	if (op == DIFF_SAME)
		return 0;
	if (c->runs) {
		char sign[2] = {(char)op, '\0'};
		json_t *pair = json_pack("[s,s%]", sign, words, n);
		if (!pair || json_array_append_new(c->runs, pair))
			c->bad = 1;
		return c->bad;
	}
	const char *on = op == DIFF_ADDED ? "\033[32m" : "\033[31m";
	printf("   %s%c ", c->r->color ? on : "", op);
	char *w = strndup(words, n);
	put_escaped(stdout, w ? w : "");
	free(w);
	fputs(c->r->color ? "\033[0m\n" : "\n", stdout);
	return 0;
}

/* "Outlet, DATE" of V (the article id when it has no outlet). */
static void put_source(const struct hit_view *v)
{
	const char *outlet = v->field[DOCKET_FIELD_OUTLET];
	put_escaped(stdout, *outlet ? outlet : v->field[DOCKET_FIELD_ARTICLE_ID]);
	if (*v->field[DOCKET_FIELD_DATE])
		printf(", %s", v->field[DOCKET_FIELD_DATE]);
	if (*v->field[DOCKET_FIELD_WIRE])
		printf(" (wire: %s)", v->field[DOCKET_FIELD_WIRE]);
}

/* One copy as text: rank, source, id, the counts, the citation dimmed,
 * then the changed runs against the earliest. */
static int put_text_copy(const struct render *r, const struct hit_view *first,
                         const struct hit_view *v)
{
	size_t added = 0, removed = 0;
	struct changes c = {NULL, r, 0};
	printf("%zu. ", v->rank);
	put_source(v);
	fputs("  [", stdout);
	put_escaped(stdout, v->field[DOCKET_FIELD_PASSAGE_ID]);
	fputs("]\n", stdout);
	fputs("   ", stdout);
	put_dim_wrapped(stdout, r, v->citation, 3, 3);
	if (v == first) {
		puts("   earliest");
		return 0;
	}
	/* counts first: a dry run, then the runs themselves */
	struct changes quiet = {json_array(), NULL, 0};
	int rc = diff_words(first->field[DOCKET_FIELD_TEXT], v->field[DOCKET_FIELD_TEXT],
	                    on_run, &quiet, &added, &removed);
	json_decref(quiet.runs);
	if (rc < 0 || quiet.bad)
		return -1;
	printf("   %zu word%s added, %zu removed%s\n", added, added == 1 ? "" : "s",
	       removed, added + removed ? ":" : " (the same words)");
	return diff_words(first->field[DOCKET_FIELD_TEXT], v->field[DOCKET_FIELD_TEXT],
	                  on_run, &c, &added, &removed) < 0 ? -1 : 0;
}

/* One copy as a JSON object on its own line. */
static int put_json_copy(const struct hit_view *first, const struct hit_view *v)
{
	static const struct {
		const char *key;
		docket_field f;
	} keys[] = {
		{"passage_id", DOCKET_FIELD_PASSAGE_ID}, {"article_id", DOCKET_FIELD_ARTICLE_ID},
		{"title", DOCKET_FIELD_TITLE},           {"outlet", DOCKET_FIELD_OUTLET},
		{"date", DOCKET_FIELD_DATE},             {"url", DOCKET_FIELD_URL},
		{"wire", DOCKET_FIELD_WIRE},             {"text", DOCKET_FIELD_TEXT},
	};
	size_t added = 0, removed = 0;
	struct changes c = {json_array(), NULL, 0};
	json_t *o = json_object();
	int bad = !o || !c.runs;
	bad |= json_object_set_new(o, "type", json_string("copy")) != 0;
	bad |= json_object_set_new(o, "rank", json_integer((json_int_t)v->rank)) != 0;
	for (size_t i = 0; !bad && i < sizeof keys / sizeof keys[0]; i++)
		bad |= json_object_set_new(o, keys[i].key,
		                           json_string(v->field[keys[i].f])) != 0;
	bad |= json_object_set_new(o, "citation", json_string(v->citation)) != 0;
	if (!bad && v != first)
		bad = diff_words(first->field[DOCKET_FIELD_TEXT], v->field[DOCKET_FIELD_TEXT],
		                 on_run, &c, &added, &removed) < 0 || c.bad;
	bad |= json_object_set_new(o, "words_added", json_integer((json_int_t)added)) != 0;
	bad |= json_object_set_new(o, "words_removed", json_integer((json_int_t)removed)) != 0;
	bad |= json_object_set(o, "changes", c.runs) != 0;
	char *s = bad ? NULL : json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER);
	if (s)
		puts(s);
	free(s);
	json_decref(c.runs);
	json_decref(o);
	return s ? 0 : -1;
}

/* Find and print the copies; returns the exit status. */
static int list(docket_index *idx, const struct copies_opts *o)
{
	docket_query *q = NULL;
	docket_hits *hits = NULL;
	struct hit_view *v = NULL;
	size_t n = 0;
	int rc = EXIT_TROUBLE;
	docket_status st = docket_query_new_copies(idx, o->id, &q);
	if (!st)
		st = docket_query_run(q, &hits);
	if (!st && hit_views_collect(hits, o->cite, 1, &v, &n))
		st = DOCKET_NO_MEMORY;
	if (!st)
		st = docket_hits_status(hits);
	if (st == DOCKET_NOT_FOUND || (!st && n == 0)) {
		fail("no passage '%s' in the index", o->id);
		rc = EXIT_NONE;
	} else if (st) {
		const char *msg = docket_index_last_error(idx);
		fail("%s", *msg ? msg : docket_strerror(st));
	} else {
		struct render r = {color_enabled(o->color), output_width()};
		int bad = 0;
		if (!o->json)
			printf("%zu cop%s of %s, oldest first\n\n", n, n == 1 ? "y" : "ies", o->id);
		for (size_t i = 0; i < n && !bad; i++)
			bad = o->json ? put_json_copy(&v[0], &v[i])
			              : put_text_copy(&r, &v[0], &v[i]) || (putchar('\n'), 0);
		rc = bad ? fail("out of memory") : EXIT_HITS;
	}
	hit_views_free(v, n);
	docket_query_free(q);
	return rc;
}

int cmd_copies(int argc, char **argv)
{
	struct copies_opts o = {.cite = DOCKET_CITE_PLAIN, .color = COLOR_AUTO};
	docket_index *idx = NULL;
	int rc = parse_args(argc, argv, &o);
	if (rc == 0 && open_for_reading(&o.indexes, &idx) != DOCKET_OK)
		rc = EXIT_TROUBLE;
	if (rc == 0)
		rc = list(idx, &o);
	if (rc == -1)
		rc = EXIT_HITS; /* --help */
	docket_index_close(idx);
	index_list_free(&o.indexes);
	if (fflush(stdout) != 0 || ferror(stdout))
		rc = fail("writing the copies failed");
	return rc;
}
