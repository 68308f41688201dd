/* cmd-serve.c — `docket serve-shard`: make one index searchable from other
 * machines through Xapian's own remote protocol.  It checks the index opens
 * and the address is free, says on stderr where it listens and what stub
 * file line reaches it, then replaces itself with Xapian's `xapian-tcpsrv`
 * (Debian's xapian-tools), so the process id the caller holds is the
 * server's and SIGTERM to it stops the server (and, by Xapian's design,
 * its process group: see exec_server).  Clients name the shard in
 * a stub file ("remote HOST:PORT") given to `docket search --index`.
 *
 * The protocol has neither authentication nor encryption: the default
 * address is loopback, and any other must be asked for with --listen.
 * Called by cli/main.c.
 */
#include <errno.h>
#include <arpa/inet.h>
#include <netdb.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "cli.h"

#define DEFAULT_HOST "127.0.0.1"
#define DEFAULT_PORT "6431"
#define SERVER "xapian-tcpsrv"

struct serve_opts {
	struct index_list indexes; /* --index: exactly one */
	char host[256];            /* --listen's host, brackets removed */
	char port[8];              /* --listen's port, 1..65535 as text */
	char addr[NI_MAXHOST];     /* HOST resolved: the address bound, as
	                            * numbers */
	int loopback;              /* every address HOST resolves to is */
	long timeout;              /* --timeout in seconds, 0 = Xapian's */
	int writable;              /* --writable: clients may change it */
};

enum { OPT_INDEX = 256, OPT_LISTEN, OPT_TIMEOUT, OPT_WRITABLE };

static const struct cli_option options[] = {
	{"index", OPT_INDEX, required_argument, "DIR", "the index to serve", NULL},
	{"listen", OPT_LISTEN, required_argument, "HOST:PORT",
	 "the address (default " DEFAULT_HOST ":" DEFAULT_PORT "; [::1]:PORT\n"
	 "for IPv6); only loopback unless asked", NULL},
	{"timeout", OPT_TIMEOUT, required_argument, "S",
	 "drop a connection idle or busy for S seconds", NULL},
	{"writable", OPT_WRITABLE, no_argument, NULL,
	 "let clients change the index (one index only)", NULL},
	{"help", 'h', no_argument, NULL, "show this help", NULL},
};

static const struct cli_spec spec = CLI_SPEC("serve-shard",
	"usage: docket serve-shard [OPTION]...\n"
	"Serve one index to other machines over Xapian's remote protocol,\n"
	"until stopped.  Search it with a stub file line 'remote HOST:PORT'.\n"
	"\n",
	options,
	"The protocol has no authentication and no encryption: keep it on\n"
	"loopback and reach it through ssh (a stub file line\n"
	"'remote :ssh HOST xapian-progsrv /path/to/index', or a port forward).\n"
	"Needs " SERVER " (Debian package xapian-tools).\n"
	"Exit status: the server's once it runs; 2 if it cannot start.\n");

/* Handle option C with argument ARG for the serve_opts P (a cli_take);
 * returns 0 or an exit status. */
static int take_option(void *p, int c, const char *arg)
{
	struct serve_opts *o = p;
	switch (c) {
	case OPT_INDEX:
		if (o->indexes.n)
			return usage_error("serve-shard", "--index: serve one index per server");
		return index_list_add(&o->indexes, arg) ? EXIT_TROUBLE : 0;
	case OPT_LISTEN:
		if (listen_split(arg, 1, o->host, sizeof o->host, o->port, sizeof o->port))
			return usage_error("serve-shard", "--listen: '%s' is not HOST:PORT with a port from 1 to 65535", arg);
		return 0;
	case OPT_TIMEOUT:
		if (parse_long(arg, 1, 86400, &o->timeout))
			return usage_error("serve-shard", "--timeout: '%s' is not a number of seconds from 1 to 86400", arg);
		return 0;
	case OPT_WRITABLE:
		o->writable = 1;
		return 0;
	}
	return usage_error("serve-shard", "bad option");
}

static int parse_args(int argc, char **argv, struct serve_opts *o)
{
	int rc = cli_parse(&spec, argc, argv, take_option, o);
	if (rc)
		return rc;
	if (optind != argc)
		return usage_error("serve-shard", "unexpected argument '%s'", argv[optind]);
	return index_list_default(&o->indexes) ? EXIT_TROUBLE : 0;
}

/* The full path of PROG found on $PATH, malloc'ed, or NULL. */
static char *find_program(const char *prog)
{
	const char *path = getenv("PATH");
	if (!path || !*path)
		path = "/usr/local/bin:/usr/bin:/bin";
	while (*path) {
		size_t n = strcspn(path, ":");
		char *full = malloc(n + strlen(prog) + 2);
		if (!full)
			return NULL;
		sprintf(full, "%.*s/%s", (int)n, n ? path : ".", prog);
		if (access(full, X_OK) == 0)
			return full;
		free(full);
		path += n + (path[n] == ':');
	}
	return NULL;
}

/* Whether the index at PATH opens for reading; prints why not. */
static int index_opens(const char *path)
{
	docket_index *idx = NULL;
	docket_status st = docket_index_open(path, DOCKET_OPEN_READ, &idx);
	if (st != DOCKET_OK) {
		const char *msg = docket_index_last_error(idx);
		fail("%s", *msg ? msg : docket_strerror(st));
	}
	docket_index_close(idx);
	return st == DOCKET_OK;
}

/* Resolve O's host (getaddrinfo): O->addr gets the first address as
 * numbers, which is what the server is told to bind (so a name cannot
 * resolve one way for this check and another for the server), and
 * O->loopback says whether EVERY address the name resolves to is
 * loopback (a name is judged by what it resolves to, never by its text:
 * "127.example.test" may be anywhere).  Then check that the address can
 * be bound now (the server binds it again right after, with the same
 * SO_REUSEADDR).  Returns 1, or 0 after printing why not. */
static int resolve_and_try(struct serve_opts *o)
{
	struct addrinfo hints = {.ai_socktype = SOCK_STREAM,
	                         .ai_flags = AI_PASSIVE | AI_NUMERICHOST}, *ai;
	int one = 1, ok, fd;
	if (listen_resolve(o->host, o->port, o->addr, sizeof o->addr, &o->loopback))
		return 0;
	int err = getaddrinfo(o->addr, o->port, &hints, &ai);
	if (err)
		return fail("--listen: cannot use host '%s': %s", o->host,
		            gai_strerror(err)), 0;
	fd = socket(ai->ai_family, ai->ai_socktype, ai->ai_protocol);
	ok = fd >= 0 &&
	     setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one) == 0 &&
	     bind(fd, ai->ai_addr, ai->ai_addrlen) == 0;
	if (!ok)
		fail("cannot listen on %s port %s: %s", o->host, o->port,
		     strerror(errno));
	if (fd >= 0)
		close(fd);
	freeaddrinfo(ai);
	return ok;
}

/* Say where the shard listens and how to reach it. */
static void announce(const struct serve_opts *o)
{
	int v6 = strchr(o->host, ':') != NULL;
	const char *l = v6 ? "[" : "", *r = v6 ? "]" : "";
	char also[NI_MAXHOST + 4] = "";
	if (strcmp(o->host, o->addr))
		snprintf(also, sizeof also, " (%s)", o->addr);
	fflush(stdout);
	fprintf(stderr,
	        "docket: serving %s on %s%s%s:%s%s; search with a stub file line "
	        "'remote %s%s%s:%s'\n",
	        o->indexes.paths[0], l, o->host, r, o->port, also, l, o->host, r,
	        o->port);
	if (!o->loopback)
		fprintf(stderr, "docket: warning: %s%s%s is not loopback%s; no "
		                "authentication, no encryption: anyone who reaches "
		                "%s%s%s:%s can read%s the whole index\n",
		        l, o->host, r, also, l, o->host, r, o->port,
		        o->writable ? " and change" : "");
}

/* Replace this process with the server; returns only on failure. */
static int exec_server(const struct serve_opts *o, char *server)
{
	char ms[32];
	char *argv[12];
	int n = 0;
	argv[n++] = server;
	argv[n++] = "--interface";
	argv[n++] = (char *)o->addr; /* what resolve_and_try checked */
	argv[n++] = "--port";
	argv[n++] = (char *)o->port;
	if (o->timeout) {
		snprintf(ms, sizeof ms, "%ld", o->timeout * 1000);
		argv[n++] = "--timeout";
		argv[n++] = ms;
	}
	if (o->writable)
		argv[n++] = "--writable";
	argv[n++] = "--";
	argv[n++] = (char *)o->indexes.paths[0];
	argv[n] = NULL;
	fflush(NULL);
	/* On SIGTERM xapian-tcpsrv signals its whole process group (to stop
	 * the children serving connections).  When we lead no group of our
	 * own (a script's background job), take one, so that stopping the
	 * server does not stop the script that started it. */
	if (getpgrp() != getpid())
		setpgid(0, 0);
	execv(server, argv);
	return fail("cannot run %s: %s", server, strerror(errno));
}

int cmd_serve(int argc, char **argv)
{
	struct serve_opts o = {.host = DEFAULT_HOST, .port = DEFAULT_PORT};
	char *server = NULL;
	int rc = parse_args(argc, argv, &o);
	if (rc == 0 && !(server = find_program(SERVER)))
		rc = fail("%s not found on PATH: install xapian-tools "
		          "(apt-get install xapian-tools)", SERVER);
	if (rc == 0 && (!index_opens(o.indexes.paths[0]) || !resolve_and_try(&o)))
		rc = EXIT_TROUBLE;
	if (rc == 0) {
		announce(&o);
		rc = exec_server(&o, server);
	}
	if (rc == -1)
		rc = EXIT_HITS; /* --help */
	free(server);
	index_list_free(&o.indexes);
	return rc;
}
