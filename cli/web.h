/* web.h — what the files of `docket serve` share: the server's settings
 * and limits (struct web_server, filled by cli/cmd-web.c from the command
 * line), one request as a route handler sees it (struct web_req) and the
 * reply it builds (struct web_reply).  cli/cmd-web.c owns the HTTP daemon
 * (libmicrohttpd), the worker threads' index handles and their reopening;
 * cli/web-api.c the route table and the JSON API; cli/web-page.c the HTML
 * page; the page's CSS, script and the OpenAPI text are files under
 * cli/web/, made into C strings at build time (web_assets, below).
 * Only the docket binary links this (and libmicrohttpd), never libdocket.
 */
#ifndef DOCKET_CLI_WEB_H
#define DOCKET_CLI_WEB_H

#include <netdb.h>
#include <stddef.h>

#include "cli.h"

/* The server's settings; read-only once the daemon runs. */
struct web_server {
	struct index_list indexes; /* --index, searched as one */
	char host[256];            /* --listen's host, brackets removed */
	char port[8];              /* --listen's port */
	char addr[NI_MAXHOST];     /* HOST resolved: the address bound, as
	                            * numbers (listen_resolve) */
	int loopback;              /* every address HOST resolves to is */
	int listen_given;          /* --listen was on the command line */
	char *token;               /* --token FILE's first line, or NULL */
	long threads;              /* --threads, default: the cores */
	long max_query;            /* bytes of a query string (--max-query) */
	long max_results;          /* hits per page (--max-results) */
	long time_limit_ms;        /* matching time per query (--time-limit) */
	long max_offset;           /* deepest offset a page may ask for */
	const char *self;          /* this program, for the command routes */
};

/* One request as a handler sees it. */
struct web_req {
	const struct web_server *srv;
	void *conn;         /* the libmicrohttpd connection (web_param) */
	const char *path;   /* the URL path, "/api/search" */
	const char *rest;   /* for a prefix route, what follows the prefix */
};

/* A reply.  BODY is malloc'd (or NULL with LEN 0). */
struct web_reply {
	int status;       /* HTTP status */
	const char *type; /* Content-Type */
	char *body;
	size_t len;
};

/* The query parameter NAME of R (URL-decoded), or NULL when absent. */
const char *web_param(const struct web_req *r, const char *name);
/* Call FN(NAME, VALUE, CTX) for each query parameter of R, stopping at the
 * first non-zero return, which is returned (0 when all were seen). */
int web_each_param(const struct web_req *r,
                   int (*fn)(const char *name, const char *value, void *ctx),
                   void *ctx);

/* This thread's index handle for R's server: opened on first use and
 * reopened whenever the index changed on disk since (web_index_stamp).
 * NULL when it cannot be opened, with the library's one-line message in
 * MSG (N bytes).  Handles are one-thread: each worker has its own. */
docket_index *web_index(const struct web_server *srv, char *msg, size_t n);
/* A number that changes whenever one of SRV's indexes commits: a hash of
 * the identity, size and time of the stub and of each shard's version
 * file (Xapian rewrites it, by rename, at every commit).  Cheap: a few
 * stat calls and one folder listing per index.  Cannot fail. */
unsigned long long web_index_stamp(const struct web_server *srv);

/* -- cli/web-api.c -- */

/* Answer R into OUT: find its route (404 when none, 405 for another
 * method) and run it.  Returns 0, or -1 when out of memory. */
int web_route(const struct web_req *r, const char *method,
              struct web_reply *out);
/* OUT = a JSON error {"error":{"status":S,"message":M}} with status S. */
int web_error(struct web_reply *out, int status, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* OUT = a copy of the N bytes S with status 200 and type TYPE. */
int web_copy(struct web_reply *out, const char *type, const char *s,
             size_t n);

/* What one search (API or page) asks for, checked against the limits. */
struct web_search {
	const char *q;       /* the query string */
	long n, offset;      /* page size and start */
	long per_article;    /* -1: the library's default */
	int sort;            /* a docket_sort */
	const char *facets;  /* comma-separated fields, or NULL */
	long facet_limit;    /* values per field */
	int cite;            /* a docket_cite_style */
};
/* Fill S from R's parameters (already checked against the route's table,
 * here against the server's limits); returns 0, or an HTTP status (400)
 * after writing the error into OUT. */
int web_search_args(const struct web_req *r, struct web_search *s,
                    struct web_reply *out);

/* -- cli/web-page.c -- */

/* GET /: the search page, rendered on the server (works without script).
 * Returns 0 or -1 when out of memory. */
int web_page(const struct web_req *r, struct web_reply *out);
/* GET /passage/{id}: the passage in its article, highlights kept. */
int web_page_passage(const struct web_req *r, struct web_reply *out);

/* -- build/cli/web-assets.c, made from cli/web/ -- */
struct web_asset {
	const char *name; /* the file's name under cli/web/, "page.css" */
	const char *type; /* its Content-Type */
	const char *data; /* its bytes */
	size_t len;
};
extern const struct web_asset web_assets[]; /* ends with a {NULL} row */
/* The asset NAME, or NULL. */
const struct web_asset *web_asset_find(const char *name);

#endif
