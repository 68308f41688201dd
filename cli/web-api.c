/* web-api.c — the routes of `docket serve` as one table (method, path,
 * handler, the parameters each takes), and the JSON API.  The API is the
 * CLI's JSON contract over HTTP:
 *   - /api/search and /api/passages/{id} run in the worker (its own index
 *     handle, cli/cmd-web.c) and print through the CLI's json printer
 *     (print-json.c) into a memory stream, so a hit object is byte for
 *     byte what `docket search --json` prints for it;
 *   - /api/quotes, /cases, /timeline, /coverage and /copies/{id} run the
 *     command itself (`docket CMD --json`, this very program) with the
 *     parameters turned into its options by the route's row, its output
 *     captured and wrapped, killed when it outlives the time limit.
 * Errors are {"error":{"status":S,"message":"…"}} with the CLI's one-line
 * message: 400 a bad query or parameter, 404 no such route or passage,
 * 503 the index cannot be opened or the time ran out.  Called by
 * cli/cmd-web.c (web_route); the page handlers are in cli/web-page.c.
 */
#include <errno.h>
#include <fcntl.h>
#include <jansson.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/pidfd.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "output.h"
#include "printer.h"
#include "web.h"

#define JSON_TYPE "application/json; charset=utf-8"
#define MAX_OUTPUT (64L << 20) /* bytes a command route may print */
#define MAX_ARGS 64

/* What a parameter holds. */
enum param_kind {
	P_TEXT,   /* any string (the query: at most --max-query bytes) */
	P_NUMBER, /* a whole number, checked by the handler */
	P_FLAG,   /* "1" or "0" (also "true", "false") */
	P_CHOICE, /* one of the words in the row's choices */
	P_EXACT   /* outlet:VALUE or author:VALUE, repeatable (keep, drop) */
};

/* One parameter a route takes. */
struct param {
	const char *name;    /* in the query string */
	enum param_kind kind;
	const char *flag;    /* command routes: its option ("--by"); NULL for
	                      * the operand (q) or when the handler reads it */
	const char *choices; /* P_CHOICE: the words, comma-separated */
	const char *help;    /* for /api/openapi.json's readers and errors */
};

struct route;
typedef int route_fn(const struct web_req *r, const struct route *rt,
                     struct web_reply *out);

/* One row of the table. */
struct route {
	const char *method;          /* "GET" */
	const char *path;            /* exact, or a prefix when PREFIX */
	int prefix;                  /* the rest of the path is an id */
	route_fn *run;               /* the handler */
	const struct param *params;  /* what it takes; NULL: anything */
	size_t nparams;
	const char *command;         /* command routes: the docket command */
	const char *key;             /* command routes: the array's key */
};

/* ------------------------------------------------------------- replies */

int web_copy(struct web_reply *out, const char *type, const char *s, size_t n)
{
	free(out->body);
	*out = (struct web_reply){200, type, malloc(n ? n : 1), n};
	if (!out->body)
		return -1;
	memcpy(out->body, s, n);
	return 0;
}

int web_error(struct web_reply *out, int status, const char *fmt, ...)
{
	char msg[1024];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	json_t *o = json_pack("{s{siss}}", "error", "status", status, "message", msg);
	char *s = o ? json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER) : NULL;
	json_decref(o);
	free(out->body);
	*out = (struct web_reply){status, JSON_TYPE, s, s ? strlen(s) : 0};
	return s ? 0 : -1;
}

/* The N bytes at S as JSON Lines turned into the elements of an array,
 * written to F ("a\nb\n" → "a,b"): only the lines starting with ONLY
 * (NULL: every line).  Compact JSON holds no raw newline, so each line
 * is one whole object.  Cannot fail (F's errors show at its close). */
static void put_lines(FILE *f, const char *s, size_t n, const char *only)
{
	int first = 1;
	for (const char *end = s + n; s < end;) {
		const char *nl = memchr(s, '\n', (size_t)(end - s));
		size_t len = (size_t)((nl ? nl : end) - s);
		if (len && (!only || !strncmp(s, only, strlen(only)))) {
			if (!first)
				fputc(',', f);
			fwrite(s, 1, len, f);
			first = 0;
		}
		s += len + 1;
	}
}

/* ---------------------------------------------------------- parameters */

/* Whether VALUE is among the comma-separated CHOICES. */
static int among(const char *value, const char *choices)
{
	size_t n = strlen(value);
	for (const char *c = choices; *c;) {
		size_t len = strcspn(c, ",");
		if (len == n && !strncmp(c, value, n))
			return 1;
		c += len + (c[len] == ',');
	}
	return 0;
}

struct check_ctx {
	const struct route *rt;
	const struct web_server *srv;
	char msg[512];
};

/* A web_each_param callback: is NAME=VALUE one the route takes, well
 * formed?  0, or 1 with the reason in the context's msg. */
static int check_param(const char *name, const char *value, void *p)
{
	struct check_ctx *c = p;
	const struct param *pr = NULL;
	for (size_t i = 0; i < c->rt->nparams; i++)
		if (!strcmp(c->rt->params[i].name, name))
			pr = &c->rt->params[i];
	if (!pr) {
		int o = snprintf(c->msg, sizeof c->msg, "unknown parameter '%.64s': %s takes", name, c->rt->path);
		for (size_t i = 0; i < c->rt->nparams && o < (int)sizeof c->msg; i++)
			o += snprintf(c->msg + o, sizeof c->msg - o, "%s %s", i ? "," : "", c->rt->params[i].name);
		if (!c->rt->nparams)
			snprintf(c->msg + o, sizeof c->msg - o, " none");
		return 1;
	}
	long v;
	if (pr->kind == P_TEXT && (long)strlen(value) > c->srv->max_query)
		return snprintf(c->msg, sizeof c->msg, "%s: %zu bytes is longer than this server's limit of %ld",
		                name, strlen(value), c->srv->max_query), 1;
	if (pr->kind == P_NUMBER && parse_long(value, 0, 1000000000L, &v))
		return snprintf(c->msg, sizeof c->msg, "%s: '%.64s' is not a number", name, value), 1;
	char field[7];
	const char *fv;
	if (pr->kind == P_EXACT && parse_exact(value, field, &fv))
		return snprintf(c->msg, sizeof c->msg, "%s: '%.64s' is not outlet:VALUE or "
		                "author:VALUE", name, value), 1;
	if (pr->kind == P_FLAG && !among(value, "1,0,true,false"))
		return snprintf(c->msg, sizeof c->msg, "%s: '%.64s' is not 1 or 0", name, value), 1;
	if (pr->kind == P_CHOICE && !among(value, pr->choices))
		return snprintf(c->msg, sizeof c->msg, "%s: '%.64s' is not one of %s", name, value, pr->choices), 1;
	return 0;
}

/* Check R's parameters against its route; 0, or an error written to OUT
 * (returns 400). */
static int check_params(const struct web_req *r, const struct route *rt,
                        struct web_reply *out)
{
	struct check_ctx c = {.rt = rt, .srv = r->srv};
	if (!rt->params || !web_each_param(r, check_param, &c))
		return 0;
	web_error(out, 400, "%s", c.msg);
	return 400;
}

/* The number parameter NAME of R into *V (DEF when absent); it is checked
 * to be at most MAX, else 400 is written to OUT and returned. */
static int number_param(const struct web_req *r, const char *name, long def,
                        long max, long *v, struct web_reply *out)
{
	const char *s = web_param(r, name);
	*v = def;
	if (s && parse_long(s, 0, 1000000000L, v))
		return web_error(out, 400, "%s: '%.64s' is not a number", name, s), 400;
	if (*v > max)
		return web_error(out, 400, "%s: %ld is more than this server's limit of %ld",
		                 name, *v, max), 400;
	return 0;
}

int web_search_args(const struct web_req *r, struct web_search *s,
                    struct web_reply *out)
{
	const char *v;
	*s = (struct web_search){.q = web_param(r, "q"), .per_article = -1,
	                         .facet_limit = 10};
	if (!s->q || !*s->q)
		return web_error(out, 400, "no query given: q=QUERY"), 400;
	if ((long)strlen(s->q) > r->srv->max_query)
		return web_error(out, 400, "q: %zu bytes is longer than this server's limit of %ld",
		                 strlen(s->q), r->srv->max_query), 400;
	if (number_param(r, "n", 10, r->srv->max_results, &s->n, out) ||
	    number_param(r, "offset", 0, r->srv->max_offset, &s->offset, out) ||
	    number_param(r, "per_article", -1, 10000, &s->per_article, out) ||
	    number_param(r, "facet_limit", 10, 1000, &s->facet_limit, out))
		return 400;
	s->sort = (v = web_param(r, "sort")) && !strcmp(v, "date") ? DOCKET_SORT_DATE
	                                                          : DOCKET_SORT_RELEVANCE;
	s->facets = (v = web_param(r, "facets")) && *v ? v : NULL;
	s->cite = (v = web_param(r, "cite")) ? parse_cite(v) : DOCKET_CITE_PLAIN;
	return 0;
}

/* ------------------------------------------------------- search, passages */

/* The HTTP status for a library status: 400 for what the request got
 * wrong, 404 for no such thing, 503 when the index cannot be read. */
static int http_status(docket_status st)
{
	switch (st) {
	case DOCKET_BAD_QUERY:
	case DOCKET_BAD_ARGUMENT:
	case DOCKET_UNSUPPORTED:
		return 400;
	case DOCKET_NOT_FOUND:
		return 404;
	case DOCKET_NO_MEMORY:
	case DOCKET_ENGINE_ERROR:
		return 500;
	default:
		return 503;
	}
}

/* Error ST on IDX into OUT, with the library's one-line message. */
static int lib_error(struct web_reply *out, docket_index *idx, docket_status st)
{
	const char *msg = docket_index_last_error(idx);
	return web_error(out, http_status(st), "%s", *msg ? msg : docket_strerror(st));
}

struct exact_ctx {
	docket_query *q;
	docket_status st;
};

/* A web_each_param callback: keep=FIELD:VALUE or drop=… (checked by
 * check_param) as an exact filter on the query. */
static int add_exact(const char *name, const char *value, void *p)
{
	struct exact_ctx *e = p;
	int drop = !strcmp(name, "drop");
	char field[7];
	const char *v;
	if (e->st || (!drop && strcmp(name, "keep")) || parse_exact(value, field, &v))
		return 0; /* parse_exact: checked by check_param */
	e->st = docket_query_filter(e->q, field, v, drop);
	return 0;
}

/* Apply S to Q; the first failing status. */
static docket_status configure(docket_query *q, const struct web_search *s,
                               long time_limit_ms)
{
	docket_status st = docket_query_set(q, DOCKET_QUERY_LIMIT, s->n);
	if (!st)
		st = docket_query_set(q, DOCKET_QUERY_OFFSET, s->offset);
	if (!st && s->per_article >= 0)
		st = docket_query_set(q, DOCKET_QUERY_PER_ARTICLE, s->per_article);
	if (!st)
		st = docket_query_set(q, DOCKET_QUERY_SORT, s->sort);
	if (!st)
		st = docket_query_set(q, DOCKET_QUERY_TIME_LIMIT_MS, time_limit_ms);
	return st;
}


/* A memory stream's result. */
struct mem {
	char *s;
	size_t n;
	FILE *f;
};

/* The body {"hits":[…],"facets":[…],"notes":[…],"summary":{…}} from the
 * json printer's lines for the hits V[0..N), facets F and summary. */
static int search_body(const struct web_search *s, docket_query *q,
                       const struct hit_view *v, size_t n,
                       const docket_table *f, double t0, struct web_reply *out)
{
	struct mem lines = {0}, body = {0};
	if (!(lines.f = open_memstream(&lines.s, &lines.n)))
		return -1;
	struct printer p = printer_json(&(struct print_opts){.qid = "0", .out = lines.f});
	int rc = p.hits(&p, v, n);
	size_t hits_end = (fflush(lines.f), lines.n);
	if (f)
		rc |= p.table(&p, TABLE_FACETS, f);
	size_t facets_end = (fflush(lines.f), lines.n);
	/* elapsed_ms as the CLI's: the query, reading the hits and printing
	 * them (so a client's latency less it is what HTTP added) */
	rc |= p.summary(&p, s->q, docket_query_estimated(q), n, monotonic_ms() - t0);
	rc |= fclose(lines.f);
	if (!rc && (body.f = open_memstream(&body.s, &body.n))) {
		fputs("{\"hits\":[", body.f);
		put_lines(body.f, lines.s, hits_end, NULL);
		fputs("],\"facets\":[", body.f);
		put_lines(body.f, lines.s + hits_end, facets_end - hits_end, "{\"type\":\"facet\"");
		fputs("],\"notes\":[", body.f);
		put_lines(body.f, lines.s + hits_end, facets_end - hits_end, "{\"type\":\"note\"");
		fputs("],\"summary\":", body.f);
		put_lines(body.f, lines.s + facets_end, lines.n - facets_end, NULL);
		fputs("}\n", body.f);
		rc = fclose(body.f);
	}
	free(lines.s);
	if (rc || !body.s)
		return free(body.s), -1;
	*out = (struct web_reply){200, JSON_TYPE, body.s, body.n};
	return 0;
}

/* This worker's index, or 503 written to OUT (returns NULL). */
static docket_index *index_or_503(const struct web_req *r, struct web_reply *out)
{
	char msg[512];
	docket_index *idx = web_index(r->srv, msg, sizeof msg);
	if (!idx)
		web_error(out, 503, "%s", msg);
	return idx;
}

/* GET /api/search. */
static int api_search(const struct web_req *r, const struct route *rt,
                      struct web_reply *out)
{
	struct web_search s;
	docket_query *q = NULL;
	docket_hits *hits = NULL;
	struct hit_view *v = NULL;
	const docket_table *f = NULL;
	size_t n = 0;
	double t0 = monotonic_ms();
	docket_index *idx;
	if (web_search_args(r, &s, out) || !(idx = index_or_503(r, out)))
		return out->body ? 0 : -1;
	docket_status st = docket_query_new(idx, s.q, &q);
	if (!st)
		st = configure(q, &s, r->srv->time_limit_ms);
	struct exact_ctx ex = {q, st};
	if (!st && (web_each_param(r, add_exact, &ex), ex.st)) {
		docket_query_free(q);
		return web_error(out, 400, "keep, drop: at most %d in all", DOCKET_MAX_FILTERS);
	}
	if (!st && s.facets) /* counted in the search's own pass */
		st = docket_query_want_facets(q, s.facets);
	if (!st)
		st = docket_query_run(q, &hits);
	if (!st && hit_views_collect(hits, (docket_cite_style)s.cite, 1, &v, &n))
		st = DOCKET_NO_MEMORY;
	if (!st)
		st = docket_hits_status(hits);
	if (!st && s.facets)
		st = docket_query_facets(q, s.facets, (size_t)s.facet_limit, &f);
	int rc = st ? lib_error(out, idx, st)
	            : search_body(&s, q, v, n, f, t0, out);
	hit_views_free(v, n);
	docket_query_free(q);
	return rc;
}

/* GET /api/passages/{id}: {"passages":[…]}, the json printer's passage
 * objects, the one asked for among its CONTEXT neighbours. */
static int api_passage(const struct web_req *r, const struct route *rt,
                       struct web_reply *out)
{
	long context;
	const char *q = web_param(r, "q"), *c = web_param(r, "cite");
	docket_index *idx;
	if (number_param(r, "context", 1, 50, &context, out) ||
	    !(idx = index_or_503(r, out)))
		return out->body ? 0 : -1;
	docket_query *dq = NULL;
	docket_hits *hits = NULL;
	struct hit_view *v = NULL;
	size_t n = 0;
	docket_status st = docket_query_new_passage(idx, r->rest, (unsigned)context,
	                                            q ? q : "", &dq);
	if (!st)
		st = docket_query_run(dq, &hits);
	if (!st && hit_views_collect(hits, c ? (docket_cite_style)parse_cite(c) : DOCKET_CITE_PLAIN, 1, &v, &n))
		st = DOCKET_NO_MEMORY;
	if (!st)
		st = docket_hits_status(hits);
	int rc = 0;
	if (st == DOCKET_NOT_FOUND || (!st && !n))
		rc = web_error(out, 404, "no passage '%.200s' in the index", r->rest);
	else if (st)
		rc = lib_error(out, idx, st);
	else {
		struct mem m = {0};
		if (!(m.f = open_memstream(&m.s, &m.n)))
			rc = -1;
		else {
			struct printer p = printer_json(&(struct print_opts){.qid = "0", .out = m.f});
			fputs("{\"passages\":[", m.f);
			fflush(m.f);
			size_t start = m.n;
			rc = p.passages(&p, v, n, r->rest);
			fflush(m.f);
			/* the lines become the array's elements, in place */
			for (size_t i = start; i + 1 < m.n; i++)
				if (m.s[i] == '\n')
					m.s[i] = ',';
			if (m.n > start && m.s[m.n - 1] == '\n')
				m.n--, fseeko(m.f, (off_t)m.n, SEEK_SET);
			fputs("]}\n", m.f);
			rc |= fclose(m.f);
			*out = (struct web_reply){200, JSON_TYPE, m.s, m.n};
		}
	}
	hit_views_free(v, n);
	docket_query_free(dq);
	return rc;
}

/* ------------------------------------------------------- command routes */

/* What running a command gave. */
struct ran {
	int exited;    /* 1: it exited (CODE), 0: killed or crashed */
	int code;      /* its exit status */
	int timed_out; /* killed at the time limit */
	char *out;     /* its stdout, malloc'd */
	size_t nout;
	char err[512]; /* its stderr's first line, "docket: " removed */
};

/* The whole content of the memory file FD, malloc'd into *S, *N. */
static int slurp(int fd, char **s, size_t *n)
{
	struct stat st;
	if (fstat(fd, &st) || !(*s = malloc((size_t)st.st_size + 1)))
		return -1;
	ssize_t got = pread(fd, *s, (size_t)st.st_size, 0);
	*n = got > 0 ? (size_t)got : 0;
	(*s)[*n] = '\0';
	return 0;
}

/* In the child: stdout to OFD, stderr to EFD, nothing on stdin, then
 * become ARGV[0]...  Only async-signal-safe calls (this is after fork in
 * a threaded program). */
static void child(const char *self, char **argv, int ofd, int efd)
{
	struct rlimit fsz = {MAX_OUTPUT, MAX_OUTPUT};
	int in = open("/dev/null", O_RDONLY);
	if (in < 0 || dup2(in, 0) < 0 || dup2(ofd, 1) < 0 || dup2(efd, 2) < 0)
		_exit(126);
	setrlimit(RLIMIT_FSIZE, &fsz);
	execv(self, argv);
	_exit(127);
}

/* Wait for PID at most MS milliseconds, then kill it; fills R's exit. */
static void reap(pid_t pid, long ms, struct ran *r)
{
	int status = 0, fd = (int)pidfd_open(pid, 0);
	struct pollfd p = {fd, POLLIN, 0};
	if (fd >= 0 && poll(&p, 1, (int)ms) == 0) {
		kill(pid, SIGKILL);
		r->timed_out = 1;
	}
	if (fd >= 0)
		close(fd);
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	r->exited = WIFEXITED(status);
	r->code = WEXITSTATUS(status);
}

/* Run this program with ARGV, within the time limit; 0, or -1 when it
 * could not be started. */
static int run_command(const struct web_server *srv, char **argv, struct ran *r)
{
	int ofd = memfd_create("docket-out", MFD_CLOEXEC);
	int efd = memfd_create("docket-err", MFD_CLOEXEC);
	pid_t pid = ofd >= 0 && efd >= 0 ? fork() : -1;
	if (pid == 0)
		child(srv->self, argv, ofd, efd);
	if (pid > 0) {
		/* the command starts its own process and opens the index: one
		 * more second than the matching time */
		reap(pid, srv->time_limit_ms + 1000, r);
		char *e = NULL;
		size_t ne = 0;
		if (slurp(ofd, &r->out, &r->nout) == 0 && slurp(efd, &e, &ne) == 0) {
			const char *line = strncmp(e, "docket: ", 8) ? e : e + 8;
			snprintf(r->err, sizeof r->err, "%.*s", (int)strcspn(line, "\n"), line);
		}
		free(e);
	}
	if (ofd >= 0)
		close(ofd);
	if (efd >= 0)
		close(efd);
	return pid > 0 && r->out ? 0 : -1;
}

struct argv_ctx {
	const struct route *rt;
	char **argv;
	int n;
	const char *operand;
};

/* A web_each_param callback: NAME=VALUE as the route's option. */
static int add_option(const char *name, const char *value, void *p)
{
	struct argv_ctx *a = p;
	for (size_t i = 0; i < a->rt->nparams; i++) {
		const struct param *pr = &a->rt->params[i];
		if (strcmp(pr->name, name) || a->n + 3 >= MAX_ARGS)
			continue;
		if (!pr->flag)
			a->operand = value;
		else if (pr->kind == P_FLAG) {
			if (among(value, "1,true"))
				a->argv[a->n++] = (char *)pr->flag;
		} else {
			a->argv[a->n++] = (char *)pr->flag;
			a->argv[a->n++] = (char *)value;
		}
	}
	return 0;
}

/* The command line for R's command route: docket CMD --json --index …
 * OPTIONS -- OPERAND.  Returns the count, into ARGV. */
static int command_line(const struct web_req *r, const struct route *rt,
                        char **argv)
{
	struct argv_ctx a = {rt, argv, 0, rt->prefix ? r->rest : NULL};
	argv[a.n++] = "docket";
	argv[a.n++] = (char *)rt->command;
	argv[a.n++] = "--json";
	for (size_t i = 0; i < r->srv->indexes.n && a.n < MAX_ARGS / 2; i++) {
		argv[a.n++] = "--index";
		argv[a.n++] = (char *)r->srv->indexes.paths[i];
	}
	web_each_param(r, add_option, &a);
	if (a.operand && *a.operand) {
		argv[a.n++] = "--";
		argv[a.n++] = (char *)a.operand;
	}
	argv[a.n] = NULL;
	return a.n;
}

/* GET /api/quotes and the others: run the command, wrap its JSON Lines
 * as {"KEY":[…],"notes":[…]}. */
static int api_command(const struct web_req *r, const struct route *rt,
                       struct web_reply *out)
{
	char *argv[MAX_ARGS];
	struct ran ran = {0};
	struct mem m = {0};
	const char *q = web_param(r, "q");
	if (!strcmp(rt->command, "timeline") || !strcmp(rt->command, "coverage"))
		if (!q || !*q)
			return web_error(out, 400, "no query given: q=QUERY");
	if (!index_or_503(r, out))
		return out->body ? 0 : -1;
	command_line(r, rt, argv);
	if (run_command(r->srv, argv, &ran))
		return free(ran.out), web_error(out, 500, "cannot run docket %s", rt->command);
	int rc = 0;
	if (ran.timed_out)
		rc = web_error(out, 503, "docket %s took longer than this server's limit of %ld ms",
		               rt->command, r->srv->time_limit_ms + 1000);
	else if (!ran.exited || ran.code > 2)
		rc = web_error(out, 500, "docket %s failed%s%s", rt->command, *ran.err ? ": " : "", ran.err);
	else if (ran.code == 2 || (ran.code == 1 && rt->prefix))
		rc = web_error(out, ran.code == 1 ? 404 : 400, "%s", ran.err);
	else if (!(m.f = open_memstream(&m.s, &m.n)))
		rc = -1;
	else {
		fprintf(m.f, "{\"%s\":[", rt->key);
		put_lines(m.f, ran.out, ran.nout, NULL);
		fputs("]}\n", m.f);
		rc = fclose(m.f);
		*out = (struct web_reply){200, JSON_TYPE, m.s, m.n};
	}
	free(ran.out);
	return rc;
}

/* ------------------------------------------------------ the other routes */

/* GET /static/NAME: the page's CSS and script, from the binary. */
static int get_static(const struct web_req *r, const struct route *rt,
                      struct web_reply *out)
{
	const struct web_asset *a = web_asset_find(r->rest);
	if (!a)
		return web_error(out, 404, "no file '%.200s'", r->rest);
	return web_copy(out, a->type, a->data, a->len);
}

/* GET /api/openapi.json. */
static int api_openapi(const struct web_req *r, const struct route *rt,
                       struct web_reply *out)
{
	const struct web_asset *a = web_asset_find("openapi.json");
	return a ? web_copy(out, a->type, a->data, a->len)
	         : web_error(out, 500, "no openapi.json in this build");
}

static int page(const struct web_req *r, const struct route *rt,
                struct web_reply *out)
{
	return web_page(r, out);
}

static int page_passage(const struct web_req *r, const struct route *rt,
                        struct web_reply *out)
{
	return web_page_passage(r, out);
}

/* ------------------------------------------------------------ the table */

#define QUERY_PARAM {"q", P_TEXT, NULL, NULL, "the query (docket-query(7))"}
#define PLAIN_PARAMS \
	{"plain", P_FLAG, "--plain", NULL, "1: the query is plain words"}, \
	{"and", P_FLAG, "--and", NULL, "1: all words must match"}
#define N(a) (sizeof(a) / sizeof((a)[0]))

static const struct param search_params[] = {
	QUERY_PARAM,
	{"n", P_NUMBER, NULL, NULL, "hits (default 10, at most --max-results)"},
	{"offset", P_NUMBER, NULL, NULL, "hits to skip first"},
	{"sort", P_CHOICE, NULL, "relevance,date", "the order"},
	{"per_article", P_NUMBER, NULL, NULL, "passages per article (0 = any)"},
	{"facets", P_TEXT, NULL, NULL, "fields to count, comma-separated"},
	{"facet_limit", P_NUMBER, NULL, NULL, "values per facet field"},
	{"keep", P_EXACT, NULL, NULL, "only passages whose outlet or author is exactly "
	 "this (outlet:VALUE or author:VALUE; repeatable)"},
	{"drop", P_EXACT, NULL, NULL, "leave out the passages whose outlet or author is "
	 "exactly this (repeatable)"},
	{"cite", P_CHOICE, NULL, "plain,markdown,bibtex", "citation style"},
};
static const struct param passage_params[] = {
	{"context", P_NUMBER, NULL, NULL, "passages before and after (default 1)"},
	QUERY_PARAM,
	{"cite", P_CHOICE, NULL, "plain,markdown,bibtex", "citation style"},
};
static const struct param quotes_params[] = {
	QUERY_PARAM,
	{"speaker", P_TEXT, "--speaker", NULL, "only what this person said"},
	{"n", P_NUMBER, "--limit", NULL, "at most this many quotes"},
};
static const struct param cases_params[] = {QUERY_PARAM};
static const struct param timeline_params[] = {
	QUERY_PARAM,
	{"by", P_CHOICE, "--by", "day,week,month,year", "the period"},
	{"date", P_CHOICE, "--date", "published,event", "which date counts"},
	{"per", P_CHOICE, "--per", "outlet", "one series per outlet"},
	PLAIN_PARAMS,
};
static const struct param coverage_params[] = {QUERY_PARAM, PLAIN_PARAMS};
static const struct param copies_params[] = {
	{"cite", P_CHOICE, "--cite", "plain,markdown,bibtex", "citation style"},
};
static const struct param page_params[] = {
	QUERY_PARAM,
	{"f", P_TEXT, NULL, NULL, "a facet filter FIELD:VALUE (repeatable)"},
	{"x", P_TEXT, NULL, NULL, "a facet exclusion FIELD:VALUE (repeatable)"},
	{"offset", P_NUMBER, NULL, NULL, "hits to skip first"},
	{"sort", P_CHOICE, NULL, "relevance,date", "the order"},
	{"token", P_TEXT, NULL, NULL, "the server's token (sets a cookie)"},
};
static const struct param page_passage_params[] = {
	QUERY_PARAM,
	{"context", P_NUMBER, NULL, NULL, "passages before and after"},
};

static const struct route routes[] = {
	{"GET", "/", 0, page, page_params, N(page_params), NULL, NULL},
	{"GET", "/passage/", 1, page_passage, page_passage_params, N(page_passage_params), NULL, NULL},
	{"GET", "/static/", 1, get_static, NULL, 0, NULL, NULL},
	{"GET", "/api/search", 0, api_search, search_params, N(search_params), NULL, NULL},
	{"GET", "/api/passages/", 1, api_passage, passage_params, N(passage_params), NULL, NULL},
	{"GET", "/api/quotes", 0, api_command, quotes_params, N(quotes_params), "quotes", "quotes"},
	{"GET", "/api/cases", 0, api_command, cases_params, N(cases_params), "cases", "cases"},
	{"GET", "/api/timeline", 0, api_command, timeline_params, N(timeline_params), "timeline", "buckets"},
	{"GET", "/api/coverage", 0, api_command, coverage_params, N(coverage_params), "coverage", "outlets"},
	{"GET", "/api/copies/", 1, api_command, copies_params, N(copies_params), "copies", "copies"},
	{"GET", "/api/openapi.json", 0, api_openapi, NULL, 0, NULL, NULL},
};

/* Whether PATH is the route RT's: the same, or (a prefix route) longer,
 * the rest a non-empty id (ids hold '/' and '#': clients send them
 * percent-encoded, the daemon decodes them).  Sets *REST to the id. */
static int matches(const struct route *rt, const char *path, const char **rest)
{
	size_t n = strlen(rt->path);
	if (!rt->prefix)
		return !strcmp(path, rt->path) && (*rest = "", 1);
	if (strncmp(path, rt->path, n) || !path[n])
		return 0;
	*rest = path + n;
	return 1;
}

int web_route(const struct web_req *r, const char *method,
              struct web_reply *out)
{
	int rc = 0;
	for (size_t i = 0; i < N(routes); i++) {
		struct web_req rr = *r;
		if (!matches(&routes[i], r->path, &rr.rest))
			continue;
		if (strcmp(method, routes[i].method) && strcmp(method, "HEAD"))
			return web_error(out, 405, "%s: only %s", r->path, routes[i].method);
		if (check_params(&rr, &routes[i], out))
			return out->body ? 0 : -1;
		rc = routes[i].run(&rr, &routes[i], out);
		return rc;
	}
	return web_error(out, 404, "no such route: %.200s", r->path);
}
