/* cmd-web.c — `docket serve`: a search page and a JSON API over HTTP on
 * libmicrohttpd, read only.  This file owns the command line (the option
 * table below), the daemon (a pool of worker threads, one per core by
 * default), the request gate (method, body, bearer token, size limits),
 * each worker's own index handle (handles are one-thread) and its reopening
 * when the indexer commits, and the clean stop on SIGINT or SIGTERM.  What
 * a request gets is decided by the route table of cli/web-api.c.
 *
 * Safety: the default address is loopback; any other must be given with
 * --listen, is warned about, and needs --token FILE, whose first line
 * every request must then carry as "Authorization: Bearer TOKEN" (the
 * page also takes it once as ?token=, which sets a cookie).  Called by
 * cli/main.c.
 */
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <netdb.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "httpd.h"
#include "web.h"

#define DEFAULT_HOST "127.0.0.1"
#define DEFAULT_PORT "8787"
#define MAX_HEADERS (64 * 1024) /* request line and headers, bytes */
#define MAX_CONNECTIONS 512
#define IDLE_SECONDS 30
#define MAX_WORKERS 256

enum { OPT_INDEX = 256, OPT_LISTEN, OPT_TOKEN, OPT_THREADS, OPT_MAX_QUERY,
       OPT_MAX_RESULTS, OPT_TIME_LIMIT };

static const struct cli_option options[] = {
	{"index", OPT_INDEX, required_argument, "DIR",
	 "the index (repeat to serve several as one)", NULL},
	{"listen", OPT_LISTEN, required_argument, "HOST:PORT",
	 "the address (default " DEFAULT_HOST ":" DEFAULT_PORT "; [::1]:PORT\n"
	 "for IPv6; port 0: any free one); not loopback needs --token", NULL},
	{"token", OPT_TOKEN, required_argument, "FILE",
	 "require the bearer token on FILE's first line", NULL},
	{"threads", OPT_THREADS, required_argument, "N",
	 "worker threads (default: one per core)", NULL},
	{"max-query", OPT_MAX_QUERY, required_argument, "BYTES",
	 "longest query string accepted (default 1024)", NULL},
	{"max-results", OPT_MAX_RESULTS, required_argument, "N",
	 "most hits a request may ask for (default 100)", NULL},
	{"time-limit", OPT_TIME_LIMIT, required_argument, "MS",
	 "matching time per query, milliseconds (default 2000)", NULL},
	{"help", 'h', no_argument, NULL, "show this help", NULL},
};

static const struct cli_spec spec = CLI_SPEC("serve",
	"usage: docket serve [OPTION]...\n"
	"Serve a search page at / and a JSON API under /api/ (read only)\n"
	"until stopped with SIGINT or SIGTERM.\n"
	"\n",
	options,
	"The index is reopened by itself when 'docket index' commits.\n"
	"Exit status: 0 after a clean stop, 2 if it cannot start.\n");

/* Read the token: FILE's first line, at least 16 bytes of printable
 * ASCII.  Returns 0 or an exit status after printing why. */
static int read_token(struct web_server *o, const char *path)
{
	char line[1024];
	FILE *f = fopen(path, "r");
	if (!f)
		return fail("--token: cannot read '%s': %s", path, strerror(errno));
	int ok = fgets(line, sizeof line, f) != NULL;
	fclose(f);
	line[ok ? strcspn(line, "\r\n") : 0] = '\0';
	size_t n = strlen(line);
	for (size_t i = 0; i < n; i++)
		if (line[i] <= ' ' || line[i] > '~')
			n = 0;
	if (n < 16)
		return fail("--token: '%s' must start with a line of at least 16 "
		            "printable characters and no spaces", path);
	free(o->token);
	return (o->token = strdup(line)) ? 0 : fail("out of memory");
}

/* Handle option C with argument ARG for the web_server P (a cli_take);
 * returns 0 or an exit status. */
static int take_option(void *p, int c, const char *arg)
{
	struct web_server *o = p;
	switch (c) {
	case OPT_INDEX:
		return index_list_add(&o->indexes, arg) ? EXIT_TROUBLE : 0;
	case OPT_LISTEN:
		o->listen_given = 1;
		if (listen_split(arg, 0, o->host, sizeof o->host, o->port, sizeof o->port))
			return usage_error("serve", "--listen: '%s' is not HOST:PORT with a port from 0 to 65535", arg);
		return 0;
	case OPT_TOKEN:
		return read_token(o, arg);
	case OPT_THREADS:
		if (parse_long(arg, 1, MAX_WORKERS, &o->threads))
			return usage_error("serve", "--threads: '%s' is not a number from 1 to %d", arg, MAX_WORKERS);
		return 0;
	case OPT_MAX_QUERY:
		if (parse_long(arg, 1, 65536, &o->max_query))
			return usage_error("serve", "--max-query: '%s' is not a number from 1 to 65536", arg);
		return 0;
	case OPT_MAX_RESULTS:
		if (parse_long(arg, 1, 10000, &o->max_results))
			return usage_error("serve", "--max-results: '%s' is not a number from 1 to 10000", arg);
		return 0;
	case OPT_TIME_LIMIT:
		if (parse_long(arg, 1, 600000, &o->time_limit_ms))
			return usage_error("serve", "--time-limit: '%s' is not a number of milliseconds from 1 to 600000", arg);
		return 0;
	}
	return usage_error("serve", "bad option");
}

/* Fill O from the command line; returns 0, -1 after --help, or an exit
 * status. */
static int parse_args(int argc, char **argv, struct web_server *o)
{
	int rc = cli_parse(&spec, argc, argv, take_option, o);
	if (rc)
		return rc;
	if (optind != argc)
		return usage_error("serve", "unexpected argument '%s'", argv[optind]);
	if (listen_resolve(o->host, o->port, o->addr, sizeof o->addr, &o->loopback))
		return EXIT_TROUBLE;
	if (!o->loopback && !o->token)
		return usage_error("serve", "--listen %s is not loopback: give --token FILE "
		                   "(a bearer token every request must carry)", o->host);
	if (!o->threads) {
		long cores = sysconf(_SC_NPROCESSORS_ONLN);
		o->threads = cores < 1 ? 1 : cores > MAX_WORKERS ? MAX_WORKERS : cores;
	}
	return index_list_default(&o->indexes) ? EXIT_TROUBLE : 0;
}

/* ------------------------------------------------------------ the index */

/* FNV-1a over the identity, size and change time of the file at PATH;
 * 0 when it does not exist. */
static unsigned long long file_stamp(const char *path)
{
	struct stat st;
	unsigned long long h = 1469598103934665603ULL;
	unsigned long long part[5];
	if (stat(path, &st) != 0)
		return 0;
	part[0] = st.st_ino, part[1] = st.st_dev, part[2] = (unsigned long long)st.st_size;
	part[3] = (unsigned long long)st.st_mtim.tv_sec;
	part[4] = (unsigned long long)st.st_mtim.tv_nsec;
	for (size_t i = 0; i < 5; i++)
		h = (h ^ part[i]) * 1099511628211ULL;
	return h;
}

/* The stamp of one index PATH: its own stamp, its XAPIANDB and iamglass,
 * and every shard folder's iamglass, summed (so the listing's order does
 * not matter). */
static unsigned long long index_stamp(const char *path)
{
	char p[PATH_MAX];
	unsigned long long h = file_stamp(path);
	DIR *d = opendir(path);
	struct dirent *e;
	if (!d)
		return h; /* a stub file: its own stamp */
	snprintf(p, sizeof p, "%s/XAPIANDB", path);
	h += 3 * file_stamp(p);
	snprintf(p, sizeof p, "%s/iamglass", path);
	h += 5 * file_stamp(p);
	while ((e = readdir(d)))
		if (!strncmp(e->d_name, "shard-", 6) &&
		    snprintf(p, sizeof p, "%s/%s/iamglass", path, e->d_name) < (int)sizeof p)
			h += file_stamp(p);
	closedir(d);
	return h;
}

unsigned long long web_index_stamp(const struct web_server *srv)
{
	unsigned long long h = 0;
	for (size_t i = 0; i < srv->indexes.n; i++)
		h = h * 31 + index_stamp(srv->indexes.paths[i]);
	return h;
}

/* Whether the stub of index PATH (the file itself, or its XAPIANDB)
 * names a remote shard: a "remote" line. */
static int names_remote(const char *path)
{
	char p[PATH_MAX], line[1024];
	struct stat st;
	int yes = 0;
	if (stat(path, &st) != 0)
		return 0;
	snprintf(p, sizeof p, S_ISDIR(st.st_mode) ? "%s/XAPIANDB" : "%s", path);
	FILE *f = fopen(p, "r");
	while (f && !yes && fgets(line, sizeof line, f))
		yes = !strncmp(line + strspn(line, " \t"), "remote", 6);
	if (f)
		fclose(f);
	return yes;
}

static int any_remote(const struct web_server *srv)
{
	for (size_t i = 0; i < srv->indexes.n; i++)
		if (names_remote(srv->indexes.paths[i]))
			return 1;
	return 0;
}

/* A remote shard has no files here to watch: a handle on an index with
 * one is opened again when it is this old, so that the remote machine's
 * commits show, and a shard that died and came back is reached again,
 * within this long (an open is one connection per remote shard). */
#define REMOTE_REFRESH_S 2.0

/* One worker thread's handle. */
struct worker {
	docket_index *idx;        /* NULL until opened */
	unsigned long long stamp; /* web_index_stamp when it was opened */
	int remote;               /* it has a remote shard (names_remote) */
	double opened;            /* when (mono_s) */
	int registered;           /* in the workers list below */
};

static _Thread_local struct worker me;
static pthread_mutex_t workers_lock = PTHREAD_MUTEX_INITIALIZER;
static struct worker *workers[MAX_WORKERS + 8]; /* to close at the stop */
static size_t nworkers;

/* Put this thread's worker in the list closed at the stop. */
static void register_me(void)
{
	pthread_mutex_lock(&workers_lock);
	if (nworkers < sizeof workers / sizeof workers[0]) {
		workers[nworkers++] = &me;
		me.registered = 1;
	}
	pthread_mutex_unlock(&workers_lock);
}

/* Open every index of SRV as one into *OUT; the status, with the message
 * in MSG. */
static docket_status open_all(const struct web_server *srv,
                              docket_index **out, char *msg, size_t n)
{
	docket_status st = docket_index_open(srv->indexes.paths[0],
	                                     DOCKET_OPEN_READ, out);
	for (size_t i = 1; !st && i < srv->indexes.n; i++)
		st = docket_index_add(*out, srv->indexes.paths[i]);
	if (st) {
		const char *m = docket_index_last_error(*out);
		snprintf(msg, n, "%s", *m ? m : docket_strerror(st));
		docket_index_close(*out);
		*out = NULL;
	}
	return st;
}

docket_index *web_index(const struct web_server *srv, char *msg, size_t n)
{
	unsigned long long stamp = web_index_stamp(srv);
	double now = monotonic_ms() / 1e3;
	if (me.idx && stamp == me.stamp &&
	    !(me.remote && now - me.opened >= REMOTE_REFRESH_S))
		return me.idx;
	if (!me.registered)
		register_me();
	docket_index_close(me.idx);
	me.idx = NULL;
	if (open_all(srv, &me.idx, msg, n) == DOCKET_OK) {
		me.stamp = stamp;
		me.remote = any_remote(srv);
		me.opened = now;
	}
	return me.idx;
}

/* Close every worker's handle (after the daemon stopped its threads). */
static void close_workers(void)
{
	for (size_t i = 0; i < nworkers; i++) {
		docket_index_close(workers[i]->idx);
		workers[i]->idx = NULL;
	}
}

/* ---------------------------------------------------------- the requests */

const char *web_param(const struct web_req *r, const char *name)
{
	return httpd.lookup_connection_value(r->conn, MHD_GET_ARGUMENT_KIND, name);
}

struct each_ctx {
	int (*fn)(const char *, const char *, void *);
	void *ctx;
	int rc;
};

static enum MHD_Result each_arg(void *p, enum MHD_ValueKind kind,
                                const char *key, const char *value)
{
	struct each_ctx *e = p;
	e->rc = e->fn(key, value ? value : "", e->ctx);
	return e->rc ? MHD_NO : MHD_YES;
}

int web_each_param(const struct web_req *r,
                   int (*fn)(const char *name, const char *value, void *ctx),
                   void *ctx)
{
	struct each_ctx e = {fn, ctx, 0};
	httpd.get_connection_values(r->conn, MHD_GET_ARGUMENT_KIND, each_arg, &e);
	return e.rc;
}

/* Whether A and B are equal, in time independent of where they differ. */
static int same_secret(const char *a, const char *b)
{
	size_t na = strlen(a), nb = strlen(b);
	unsigned char d = na != nb;
	for (size_t i = 0; i < na; i++)
		d |= (unsigned char)a[i] ^ (unsigned char)b[i % (nb ? nb : 1)];
	return d == 0;
}

/* Whether the request on C carries the token: the bearer header, or the
 * page's cookie. */
static int authorised(const struct web_server *srv, struct MHD_Connection *c)
{
	if (!srv->token)
		return 1;
	const char *h = httpd.lookup_connection_value(c, MHD_HEADER_KIND,
	                                              MHD_HTTP_HEADER_AUTHORIZATION);
	if (h && !strncmp(h, "Bearer ", 7) && same_secret(h + 7, srv->token))
		return 1;
	h = httpd.lookup_connection_value(c, MHD_COOKIE_KIND, "docket_token");
	return h && same_secret(h, srv->token);
}

/* Headers every reply carries: no inline script or style from anywhere,
 * nothing fetched from elsewhere, no framing, no sniffing. */
static void add_safety_headers(struct MHD_Response *resp)
{
	httpd.add_response_header(resp, "Content-Security-Policy",
	                          "default-src 'none'; script-src 'self'; "
	                          "style-src 'self'; img-src 'self' data:; "
	                          "connect-src 'self'; form-action 'self'; "
	                          "base-uri 'none'; frame-ancestors 'none'");
	httpd.add_response_header(resp, "X-Content-Type-Options", "nosniff");
	httpd.add_response_header(resp, "Referrer-Policy", "no-referrer");
	httpd.add_response_header(resp, "Cache-Control", "no-store");
}

/* Queue REPLY on C (taking its body); MHD_NO when that failed. */
static enum MHD_Result send_reply(struct MHD_Connection *c,
                                  struct web_reply *reply,
                                  const char *cookie)
{
	struct MHD_Response *resp = httpd.create_response_from_buffer(
		reply->len, reply->body ? reply->body : "",
		reply->body ? MHD_RESPMEM_MUST_FREE : MHD_RESPMEM_PERSISTENT);
	if (!resp) {
		free(reply->body);
		return MHD_NO;
	}
	httpd.add_response_header(resp, MHD_HTTP_HEADER_CONTENT_TYPE, reply->type);
	add_safety_headers(resp);
	if (cookie) {
		httpd.add_response_header(resp, MHD_HTTP_HEADER_SET_COOKIE, cookie);
		httpd.add_response_header(resp, MHD_HTTP_HEADER_LOCATION, "/");
	}
	if (reply->status == MHD_HTTP_UNAUTHORIZED)
		httpd.add_response_header(resp, MHD_HTTP_HEADER_WWW_AUTHENTICATE,
		                          "Bearer realm=\"docket\"");
	enum MHD_Result rc = httpd.queue_response(c, (unsigned)reply->status, resp);
	httpd.destroy_response(resp);
	return rc;
}

/* GET /?token=T with the right T: set the cookie and go to /. */
static int token_login(const struct web_server *srv, struct MHD_Connection *c,
                       const char *url, char *cookie, size_t n)
{
	const char *t = httpd.lookup_connection_value(c, MHD_GET_ARGUMENT_KIND, "token");
	if (!srv->token || strcmp(url, "/") || !t || !same_secret(t, srv->token))
		return 0;
	snprintf(cookie, n, "docket_token=%s; HttpOnly; SameSite=Strict; Path=/",
	         srv->token);
	return 1;
}

/* The one call libmicrohttpd makes per request (a
 * MHD_AccessHandlerCallback): refuse a body, check the token, then route.
 * It runs in the worker thread that owns the connection. */
static enum MHD_Result on_request(void *cls, struct MHD_Connection *c,
                                  const char *url, const char *method,
                                  const char *version, const char *upload,
                                  size_t *upload_size, void **state)
{
	const struct web_server *srv = cls;
	struct web_reply reply = {0};
	char cookie[1200];
	if (!*state) { /* the headers are in; a body would come next */
		*state = (void *)1;
		const char *len = httpd.lookup_connection_value(c, MHD_HEADER_KIND,
		                                                MHD_HTTP_HEADER_CONTENT_LENGTH);
		if ((len && strcmp(len, "0")) ||
		    httpd.lookup_connection_value(c, MHD_HEADER_KIND,
		                                  MHD_HTTP_HEADER_TRANSFER_ENCODING)) {
			web_error(&reply, MHD_HTTP_CONTENT_TOO_LARGE,
			          "requests carry no body: use GET with parameters");
			return send_reply(c, &reply, NULL);
		}
		return MHD_YES;
	}
	if (*upload_size) {
		*upload_size = 0; /* refused above; never reached */
		return MHD_YES;
	}
	if (token_login(srv, c, url, cookie, sizeof cookie)) {
		reply = (struct web_reply){MHD_HTTP_SEE_OTHER, "text/plain", NULL, 0};
		return send_reply(c, &reply, cookie);
	}
	if (!authorised(srv, c))
		web_error(&reply, MHD_HTTP_UNAUTHORIZED,
		          "this server needs its token: Authorization: Bearer TOKEN");
	else {
		struct web_req r = {srv, c, url, ""};
		if (web_route(&r, method, &reply))
			return MHD_NO; /* out of memory: drop the connection */
	}
	return send_reply(c, &reply, NULL);
}

/* ------------------------------------------------------------- running */

/* libmicrohttpd's messages, as ours. */
static void log_mhd(void *cls, const char *fmt, va_list ap)
{
	fputs("docket: serve: ", stderr);
	vfprintf(stderr, fmt, ap);
}

/* Start the daemon on SRV's address; NULL after printing why not. */
static struct MHD_Daemon *start(struct web_server *srv)
{
	struct addrinfo hints = {.ai_socktype = SOCK_STREAM,
	                         .ai_flags = AI_PASSIVE}, *ai;
	int err = getaddrinfo(srv->addr, srv->port, &hints, &ai); /* numeric */
	if (err)
		return fail("--listen: cannot use host '%s': %s", srv->host,
		            gai_strerror(err)), NULL;
	unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_ERROR_LOG |
	                 MHD_USE_AUTO | (ai->ai_family == AF_INET6 ? MHD_USE_IPv6 : 0);
	struct MHD_Daemon *d = httpd.start_daemon(
		flags, 0, NULL, NULL, on_request, srv,
		MHD_OPTION_EXTERNAL_LOGGER, log_mhd, NULL,
		MHD_OPTION_SOCK_ADDR, ai->ai_addr,
		MHD_OPTION_THREAD_POOL_SIZE, (unsigned)srv->threads,
		MHD_OPTION_CONNECTION_LIMIT, (unsigned)MAX_CONNECTIONS,
		MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)IDLE_SECONDS,
		MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)MAX_HEADERS,
		MHD_OPTION_END);
	freeaddrinfo(ai);
	if (!d)
		fail("cannot listen on %s port %s: %s", srv->host, srv->port,
		     strerror(errno));
	return d;
}

/* Say where the server listens (the port it got when 0 was asked). */
static void announce(const struct web_server *srv, struct MHD_Daemon *d)
{
	const union MHD_DaemonInfo *i = httpd.get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT);
	int v6 = strchr(srv->host, ':') != NULL;
	fprintf(stderr, "docket: serving %s at http://%s%s%s:%u/ with %ld threads\n",
	        srv->indexes.paths[0], v6 ? "[" : "", srv->host, v6 ? "]" : "",
	        i ? i->port : 0, srv->threads);
	if (!srv->loopback)
		fprintf(stderr, "docket: warning: listening on %s, beyond this machine; "
		        "no encryption (put TLS in front), every request needs the token\n",
		        srv->host);
}

/* Whether the index opens now; prints why not. */
static int index_opens(const struct web_server *srv)
{
	char msg[512];
	docket_index *idx = NULL;
	if (open_all(srv, &idx, msg, sizeof msg) != DOCKET_OK)
		return fail("%s", msg), 0;
	docket_index_close(idx);
	return 1;
}

/* Run until SIGINT or SIGTERM; returns the exit status. */
static int serve(struct web_server *srv)
{
	sigset_t stop;
	int sig = 0;
	sigemptyset(&stop);
	sigaddset(&stop, SIGINT);
	sigaddset(&stop, SIGTERM);
	/* Blocked before the workers start, so they inherit it and the
	 * signal waits for sigwait below. */
	pthread_sigmask(SIG_BLOCK, &stop, NULL);
	signal(SIGPIPE, SIG_IGN);
	char why[300];
	if (httpd_load(why, sizeof why))
		return fail("serve: %s", why), EXIT_TROUBLE;
	struct MHD_Daemon *d = start(srv);
	if (!d)
		return EXIT_TROUBLE;
	announce(srv, d);
	sigwait(&stop, &sig);
	fprintf(stderr, "docket: serve: stopping on %s\n",
	        sig == SIGINT ? "SIGINT" : "SIGTERM");
	httpd.stop_daemon(d); /* joins the workers */
	close_workers();
	return EXIT_HITS;
}

int cmd_web(int argc, char **argv)
{
	struct web_server srv = {
		.host = DEFAULT_HOST, .port = DEFAULT_PORT, .max_query = 1024,
		.max_results = 100, .time_limit_ms = 2000, .max_offset = 10000,
		.self = "/proc/self/exe",
	};
	int rc = parse_args(argc, argv, &srv);
	if (rc == 0)
		crash_guard_index(srv.indexes.paths[0]);
	if (rc == 0 && !index_opens(&srv))
		rc = EXIT_TROUBLE;
	if (rc == 0)
		rc = serve(&srv);
	if (rc == -1)
		rc = EXIT_HITS; /* --help */
	index_list_free(&srv.indexes);
	free(srv.token);
	return rc;
}
