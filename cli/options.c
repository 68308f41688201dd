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
#include <time.h>
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
	crash_guard_index(l->paths[0]);
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

double monotonic_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
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

int parse_exact(const char *s, char field[7], const char **value)
{
	size_t n = strcspn(s, ":");
	if (n != 6 || !s[n + 1] || (strncmp(s, "outlet", 6) && strncmp(s, "author", 6)))
		return -1;
	memcpy(field, s, 6);
	field[6] = '\0';
	*value = s + 7;
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

/* Whether environment variable NAME is set to something but "" or "0". */
static int env_on(const char *name)
{
	const char *v = getenv(name);
	return v && *v && strcmp(v, "0") != 0;
}

int color_enabled(int when)
{
	const char *no = getenv("NO_COLOR"), *term = getenv("TERM");
	if (when != COLOR_AUTO)
		return when == COLOR_ALWAYS;
	if (no && *no)
		return 0;
	if (env_on("CLICOLOR_FORCE") || env_on("FORCE_COLOR"))
		return 1;
	return isatty(STDOUT_FILENO) && !(term && !strcmp(term, "dumb"));
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

/* ------------------------------------------------- arranging the words */

/* The row of SPEC whose long name (or alias) is NAME[0..N) exactly, else
 * the one row it abbreviates (as getopt_long allows), else NULL. */
static const struct cli_option *find_long(const struct cli_spec *spec,
                                          const char *name, size_t n)
{
	const struct cli_option *hit = NULL;
	int hits = 0;
	for (size_t i = 0; i < spec->nopts; i++) {
		const struct cli_option *o = &spec->opts[i];
		const char *names[2] = {o->name, o->alias};
		for (int k = 0; k < 2; k++) {
			if (!names[k] || strncmp(names[k], name, n))
				continue;
			if (!names[k][n])
				return o;
			hit = o, hits++;
		}
	}
	return hits == 1 ? hit : NULL;
}

/* The row of SPEC with the short letter C, or NULL. */
static const struct cli_option *find_short(const struct cli_spec *spec, int c)
{
	for (size_t i = 0; i < spec->nopts; i++)
		if (spec->opts[i].key == c && c < 256)
			return &spec->opts[i];
	return NULL;
}

/* Whether NEXT is the value of the optional-valued option O given without
 * "=": only --color takes one so (--color always), and only a colour. */
static int takes_next(const struct cli_option *o, const char *next)
{
	return next && !strcmp(o->name, "color") && parse_color(next) >= 0;
}

/* How many words the option word ARGV[I] (of ARGC) spans: 2 when its value
 * is the next word, else 1.  Unknown options span 1 (getopt names them). */
static int option_span(const struct cli_spec *spec, int argc, char **argv, int i)
{
	const char *a = argv[i], *next = i + 1 < argc ? argv[i + 1] : NULL;
	const struct cli_option *o;
	if (a[1] == '-') {
		const char *eq = strchr(a + 2, '=');
		o = find_long(spec, a + 2, eq ? (size_t)(eq - a - 2) : strlen(a + 2));
		if (!o || eq)
			return 1;
		if (o->has_arg == optional_argument)
			return takes_next(o, next) ? 2 : 1;
		return o->has_arg == required_argument && next ? 2 : 1;
	}
	for (const char *c = a + 1; *c; c++) {
		o = find_short(spec, (unsigned char)*c);
		if (!o)
			return 1;
		if (o->has_arg == required_argument)
			return c[1] || !next ? 1 : 2;
		if (o->has_arg == optional_argument)
			return 1;
	}
	return 1;
}

/* Whether ARG, met after the first operand, is an option all the same:
 * "--name..." or a known short option alone ("-n", or "-n5" for a valued
 * one).  Anything else starting with '-' there is an operand: a query
 * word such as "-appeal". */
static int late_option(const struct cli_spec *spec, const char *arg)
{
	const struct cli_option *o;
	if (arg[0] != '-' || !arg[1])
		return 0;
	if (arg[1] == '-')
		return arg[2] != '\0';
	if (!(o = find_short(spec, (unsigned char)arg[1])))
		return 0;
	if (!arg[2])
		return 1;
	if (o->has_arg != required_argument)
		return 0;
	for (const char *c = arg + 2; *c; c++)
		if (*c < '0' || *c > '9')
			return 0;
	return 1;
}

/* Reorder ARGV[1..ARGC) in place: the options (with their values), ending
 * with "--" when one was given, then the operands in their order.  An
 * argument is an option when it starts with '-' before the first operand
 * or is a late_option() after it; everything after "--" is an operand.
 * Returns how many words the options take (1 + that is where getopt must
 * stop), or -1 when out of memory. */
static int arrange(const struct cli_spec *spec, int argc, char **argv)
{
	char **ops = malloc((size_t)argc * sizeof *ops);
	int nopt = 0, nops = 0, seen = 0, i = 1;
	if (!ops)
		return -1;
	while (i < argc) {
		char *a = argv[i];
		if (!strcmp(a, "--")) {
			argv[1 + nopt++] = a;
			for (i++; i < argc; i++)
				ops[nops++] = argv[i];
			break;
		}
		if (a[0] == '-' && a[1] && (!seen || late_option(spec, a))) {
			int w = option_span(spec, argc, argv, i);
			for (int k = 0; k < w; k++)
				argv[1 + nopt++] = argv[i++];
			continue;
		}
		ops[nops++] = a;
		seen = 1;
		i++;
	}
	memcpy(argv + 1 + nopt, ops, (size_t)nops * sizeof *ops);
	free(ops);
	return nopt;
}

/* ---------------------------------------------------- naming mistakes */

/* The edit distance of A and B (insert, delete, change, swap two
 * neighbours), counted up to 9: enough to tell a slip from another word. */
static size_t distance(const char *a, const char *b)
{
	size_t na = strlen(a), nb = strlen(b), d[24][24];
	if (na > 22 || nb > 22)
		return 9;
	for (size_t i = 0; i <= na; i++)
		for (size_t j = 0; j <= nb; j++) {
			size_t v = i > j ? i : j;
			if (i && j) {
				size_t sub = d[i - 1][j - 1] + (a[i - 1] != b[j - 1]);
				size_t del = d[i - 1][j] + 1, ins = d[i][j - 1] + 1;
				v = sub < del ? sub : del;
				v = v < ins ? v : ins;
				if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
				    d[i - 2][j - 2] + 1 < v)
					v = d[i - 2][j - 2] + 1;
			} else {
				v = i + j;
			}
			d[i][j] = v;
		}
	return d[na][nb];
}

const char *closest(const char *word, const char *const *names, size_t n)
{
	const char *best = NULL;
	size_t bd = 3, len = strlen(word);
	for (size_t i = 0; i < n; i++) {
		size_t dist = names[i] ? distance(word, names[i]) : 9;
		if (dist < bd && dist * 3 <= len + 1)
			best = names[i], bd = dist;
	}
	return best;
}

/* The long option name of SPEC nearest to NAME[0..N), or NULL. */
static const char *closest_option(const struct cli_spec *spec, const char *name,
                                  size_t n)
{
	char word[64];
	const char *names[64];
	size_t k = 0;
	snprintf(word, sizeof word, "%.*s", (int)n, name);
	for (size_t i = 0; i < spec->nopts && k < 64; i++)
		names[k++] = spec->opts[i].name;
	return closest(word, names, k);
}

/* When NAME[0..N) abbreviates several long options of SPEC, their names
 * as "--a, --b or --c" (a static buffer), else NULL. */
static const char *ambiguous(const struct cli_spec *spec, const char *name,
                             size_t n)
{
	static char list[256];
	size_t len = 0, hits = 0;
	for (size_t i = 0; i < spec->nopts; i++)
		if (!strncmp(spec->opts[i].name, name, n))
			hits++;
	if (hits < 2)
		return NULL;
	for (size_t i = 0, k = 0; i < spec->nopts && len < sizeof list; i++) {
		if (strncmp(spec->opts[i].name, name, n))
			continue;
		k++;
		len += (size_t)snprintf(list + len, sizeof list - len, "%s--%s",
		                        k == 1 ? "" : k == hits ? " or " : ", ",
		                        spec->opts[i].name);
	}
	return list;
}

/* The usage error for getopt's complaint C ('?' or ':') about ARGV, whose
 * options end before OPT_END; returns its status. */
static int option_error(const struct cli_spec *spec, int c, char **argv,
                        int opt_end)
{
	const char *a = argv[optind - 1];
	if (optind < opt_end && argv[optind][0] == '-' && argv[optind][1] != '-' &&
	    optopt > 0 && optopt < 256 && strchr(argv[optind] + 1, optopt))
		a = argv[optind]; /* a short option inside the word still read */
	if (a[1] != '-') {
		if (c == ':')
			return usage_error(spec->name, "option '-%c' needs a value", optopt);
		if (strlen(a) > 2)
			return usage_error(spec->name,
			                   "unknown option '-%c' in '%s' (a query word starting "
			                   "with '-' goes after '--' or another word)", optopt, a);
		return usage_error(spec->name, "unknown option '%s'", a);
	}
	if (c == ':')
		return usage_error(spec->name, "option '%s' needs a value", a);
	const char *eq = strchr(a + 2, '=');
	size_t n = eq ? (size_t)(eq - a - 2) : strlen(a + 2);
	const struct cli_option *o = find_long(spec, a + 2, n);
	const char *near = closest_option(spec, a + 2, n);
	if (o && eq && o->has_arg == no_argument)
		return usage_error(spec->name, "option '--%s' takes no value", o->name);
	if (!o && ambiguous(spec, a + 2, n))
		return usage_error(spec->name, "option '%.*s' is ambiguous: %s?",
		                   (int)(n + 2), a, ambiguous(spec, a + 2, n));
	if (!o && near)
		return usage_error(spec->name, "unknown option '%.*s'; did you mean '--%s'?",
		                   (int)(n + 2), a, near);
	if (!o)
		return usage_error(spec->name, "unknown option '%.*s'", (int)(n + 2), a);
	return usage_error(spec->name, "bad option '%s'", a);
}

int cli_parse(const struct cli_spec *spec, int argc, char **argv,
              cli_take *take, void *o)
{
	struct option *longopts = calloc(2 * spec->nopts + 1, sizeof *longopts);
	char *shortopts = calloc(3 * spec->nopts + 2, 1);
	const struct cli_option *color = find_long(spec, "color", 5);
	int c, rc = 0, nopt = arrange(spec, argc, argv);
	int end = 1 + nopt;
	if (!longopts || !shortopts || nopt < 0)
		rc = fail("out of memory");
	else
		getopt_tables(spec, longopts, shortopts + 1);
	if (shortopts)
		shortopts[0] = ':'; /* a missing value is ':', not '?' */
	opterr = 0;
	optind = 0; /* glibc: start afresh (then from 1) */
	while (!rc && (c = getopt_long(end, argv, shortopts, longopts, NULL)) != -1) {
		if (c == '?' || c == ':')
			rc = option_error(spec, c, argv, end);
		else if (c == 'h')
			cli_help(stdout, spec), rc = -1;
		else if (c == CLI_NO_COLOR && color)
			rc = take(o, color->key, "never");
		else if (color && c == color->key && !optarg && optind < end &&
		         takes_next(color, argv[optind]))
			rc = take(o, c, argv[optind++]); /* --color always */
		else
			rc = take(o, c, optarg);
	}
	if (!rc)
		optind = end;
	free(longopts);
	free(shortopts);
	return rc;
}
