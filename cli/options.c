/* options.c — the helpers every command shares: parsing its options from
 * its declarative table (and writing --help from the same table), where
 * the index lives when --index is not given, parsing numbers, sizes,
 * colour and citation choices, printing errors in the one "docket: ..."
 * shape, and opening one or several indexes for reading as one.  Called by
 * cli/cmd-*.c.
 */
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

int fail(const char *fmt, ...)
{
	va_list ap;
	fflush(stdout);
	fputs("docket: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	return EXIT_TROUBLE;
}

void query_warn(const docket_query *q)
{
	const char *w = docket_query_warning(q);
	if (*w) {
		fflush(stdout);
		fprintf(stderr, "docket: warning: %s\n", w);
	}
}

int usage_error(const char *cmd, const char *fmt, ...)
{
	va_list ap;
	fputs("docket: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\ntry 'docket %s%s--help'\n", cmd ? cmd : "",
	        cmd ? " " : "");
	return EXIT_TROUBLE;
}

int index_list_add(struct index_list *l, const char *path)
{
	const char **p = realloc(l->paths, (l->n + 1) * sizeof *p);
	if (!p)
		return fail("out of memory"), -1;
	p[l->n++] = path;
	l->paths = p;
	return 0;
}

/* A malloc'ed "A/B" or NULL. */
static char *join(const char *a, const char *b)
{
	size_t na = strlen(a), nb = strlen(b);
	char *s = malloc(na + nb + 2);
	if (s) {
		memcpy(s, a, na);
		s[na] = '/';
		memcpy(s + na + 1, b, nb + 1);
	}
	return s;
}

/* The default index path, malloc'ed, or NULL with *WHY set. */
static char *default_index(const char **why)
{
	const char *env = getenv("DOCKET_INDEX");
	if (env && *env)
		return strdup(env);
	env = getenv("XDG_DATA_HOME");
	if (env && *env == '/')
		return join(env, "docket/index");
	env = getenv("HOME");
	if (env && *env)
		return join(env, ".local/share/docket/index");
	*why = "no index: give --index DIR or set DOCKET_INDEX (HOME is unset)";
	return NULL;
}

int index_list_default(struct index_list *l)
{
	const char *why = "out of memory";
	if (l->n)
		return 0;
	l->owned = default_index(&why);
	if (!l->owned)
		return fail("%s", why), -1;
	return index_list_add(l, l->owned);
}

void index_list_free(struct index_list *l)
{
	free(l->paths);
	free(l->owned);
	l->paths = NULL;
	l->owned = NULL;
	l->n = 0;
}

/* Print the library's message for a failed call on IDX, or a fallback
 * naming PATH and the status. */
static void report(docket_index *idx, const char *path, docket_status st)
{
	const char *msg = docket_index_last_error(idx);
	if (msg && *msg)
		fail("%s", msg);
	else
		fail("%s: %s", path, docket_strerror(st));
}

docket_status open_for_reading(const struct index_list *l,
                               docket_index **out)
{
	docket_index *idx = NULL;
	docket_status st = docket_index_open(l->paths[0], DOCKET_OPEN_READ,
	                                     &idx);
	if (st != DOCKET_OK)
		report(idx, l->paths[0], st);
	for (size_t i = 1; st == DOCKET_OK && i < l->n; i++) {
		st = docket_index_add(idx, l->paths[i]);
		if (st != DOCKET_OK)
			report(idx, l->paths[i], st);
	}
	if (st != DOCKET_OK) {
		docket_index_close(idx);
		idx = NULL;
	}
	*out = idx;
	return st;
}

int parse_long(const char *s, long min, long max, long *out)
{
	char *end;
	long v;
	errno = 0;
	v = strtol(s, &end, 10);
	if (!*s || *end || errno || v < min || v > max)
		return -1;
	*out = v;
	return 0;
}

int parse_size(const char *s, long *out)
{
	char *end;
	long v, mult = 1;
	errno = 0;
	v = strtol(s, &end, 10);
	if (end == s || errno || v < 0)
		return -1;
	switch (*end) {
	case 'k': case 'K': mult = 1L << 10; end++; break;
	case 'm': case 'M': mult = 1L << 20; end++; break;
	case 'g': case 'G': mult = 1L << 30; end++; break;
	}
	if (*end == 'b' || *end == 'B')
		end++;
	if (*end || v > LONG_MAX / mult)
		return -1;
	*out = v * mult;
	return 0;
}

int parse_color(const char *s)
{
	if (!s || !strcmp(s, "auto"))
		return COLOR_AUTO;
	if (!strcmp(s, "always") || !strcmp(s, "yes"))
		return COLOR_ALWAYS;
	if (!strcmp(s, "never") || !strcmp(s, "no"))
		return COLOR_NEVER;
	return -1;
}

int color_enabled(int when)
{
	const char *no = getenv("NO_COLOR");
	if (when != COLOR_AUTO)
		return when == COLOR_ALWAYS;
	return isatty(STDOUT_FILENO) && !(no && *no);
}

int parse_cite(const char *s)
{
	static const char *const names[DOCKET_CITE_LAST] = {
		[DOCKET_CITE_PLAIN] = "plain",
		[DOCKET_CITE_MARKDOWN] = "markdown",
		[DOCKET_CITE_BIBTEX] = "bibtex",
	};
	for (int i = 0; i < DOCKET_CITE_LAST; i++)
		if (!strcmp(s, names[i]))
			return i;
	return -1;
}

int take_color(const char *cmd, const char *arg, int *out)
{
	if ((*out = parse_color(arg)) < 0)
		return usage_error(cmd, "--color: '%s' is not auto, always or never", arg);
	return 0;
}

int take_cite(const char *cmd, const char *arg, int *out)
{
	if ((*out = parse_cite(arg)) < 0)
		return usage_error(cmd, "--cite: '%s' is not plain, markdown or bibtex", arg);
	return 0;
}

/* ------------------------------------------------------ option tables */

/* Write option O's left column ("  -n, --limit N") to F, or only count it
 * when F is NULL; returns its width. */
static int option_left(FILE *f, const struct cli_option *o)
{
	char shortname[8] = "    ";
	const char *arg = o->arg ? o->arg : "";
	const char *pre = !o->arg ? "" : o->has_arg == optional_argument ? "[=" : " ";
	const char *post = o->arg && o->has_arg == optional_argument ? "]" : "";
	if (o->key < 256)
		snprintf(shortname, sizeof shortname, "-%c, ", o->key);
	return f ? fprintf(f, "  %s--%s%s%s%s", shortname, o->name, pre, arg, post)
	         : snprintf(NULL, 0, "  %s--%s%s%s%s", shortname, o->name, pre,
	                    arg, post);
}

void cli_help(FILE *f, const struct cli_spec *spec)
{
	int col = 0;
	for (size_t i = 0; i < spec->nopts; i++) {
		int w = option_left(NULL, &spec->opts[i]);
		col = w > col ? w : col;
	}
	col += 2;
	fputs(spec->head, f);
	for (size_t i = 0; i < spec->nopts; i++) {
		const char *h = spec->opts[i].help, *nl;
		int w = option_left(f, &spec->opts[i]);
		fprintf(f, "%*s", col - w, "");
		while ((nl = strchr(h, '\n'))) {
			fprintf(f, "%.*s\n%*s", (int)(nl - h), h, col, "");
			h = nl + 1;
		}
		fprintf(f, "%s\n", h);
	}
	if (spec->tail)
		fputs(spec->tail, f);
}

/* Fill LONGOPTS (room for 2 * N + 1) and SHORTOPTS (room for 3 * N + 1)
 * from SPEC's table. */
static void getopt_tables(const struct cli_spec *spec, struct option *longopts,
                          char *shortopts)
{
	size_t n = 0;
	for (size_t i = 0; i < spec->nopts; i++) {
		const struct cli_option *o = &spec->opts[i];
		longopts[n++] = (struct option){o->name, o->has_arg, NULL, o->key};
		if (o->alias)
			longopts[n++] = (struct option){o->alias, o->has_arg, NULL, o->key};
		if (o->key < 256) {
			*shortopts++ = (char)o->key;
			if (o->has_arg != no_argument)
				*shortopts++ = ':';
			if (o->has_arg == optional_argument)
				*shortopts++ = ':';
		}
	}
	longopts[n] = (struct option){NULL, 0, NULL, 0};
	*shortopts = '\0';
}

int cli_parse(const struct cli_spec *spec, int argc, char **argv,
              cli_take *take, void *o)
{
	struct option *longopts = calloc(2 * spec->nopts + 1, sizeof *longopts);
	char *shortopts = calloc(3 * spec->nopts + 1, 1);
	int c, rc = 0;
	if (!longopts || !shortopts)
		rc = fail("out of memory");
	else
		getopt_tables(spec, longopts, shortopts);
	opterr = 0;
	while (!rc && (c = getopt_long(argc, argv, shortopts, longopts, NULL)) != -1) {
		if (c == '?')
			rc = usage_error(spec->name, "bad option or missing value: '%s'",
			                 argv[optind - 1]);
		else if (c == 'h')
			cli_help(stdout, spec), rc = -1;
		else
			rc = take(o, c, optarg);
	}
	free(longopts);
	free(shortopts);
	return rc;
}
