/* load.c — the load generator for `docket serve` (make load).
 *
 *   load --port P --clients N --seconds S [--max-requests M] QUERIES.tsv
 *
 * N threads, each with its own keep-alive HTTP/1.1 connection to
 * 127.0.0.1:P (loopback only: there is no option for another host), send
 * GET /api/search?q=QUERY&n=10 for the queries of bench/queries.tsv in
 * turn (each client starting at another one) until S seconds have passed
 * or M requests were sent in all (default 2,000,000): bounded in count and
 * in time, it stops by itself.  A request fails when the connection
 * breaks or the status is not 200.  Prints one line of figures:
 * "requests R failed F seconds T rps X p50 A p95 B p99 C extra50 D
 * extra95 E" (milliseconds; extra: latency less the reply's elapsed_ms).
 * Run by bench/load-run; no test, not part of test-build.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "driver.h"

#define MAX_SAMPLES_PER_CLIENT 200000 /* then only failures are counted */

struct client {
	pthread_t t;
	size_t first;    /* the query it starts at */
	double *ms;      /* latencies of its successful requests */
	double *extra;   /* each one's latency less the server's own
	                  * "elapsed_ms" (query, reading and printing the
	                  * hits, as the CLI's): what HTTP and the queue
	                  * added */
	size_t n;        /* how many */
	size_t failed;
};

static int port;
static double deadline;
static long max_requests = 2000000;
static atomic_long sent;
static char **paths; /* the request lines' targets, one per query */
static size_t npaths;

/* A connection to 127.0.0.1:PORT, or -1. */
static int connect_loopback(void)
{
	struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons((unsigned short)port)};
	int one = 1, fd = socket(AF_INET, SOCK_STREAM, 0);
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if (fd < 0)
		return -1;
	setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
	if (connect(fd, (struct sockaddr *)&a, sizeof a) != 0) {
		close(fd);
		return -1;
	}
	return fd;
}

/* Read one response on FD into BUF (grown as needed); its status, or -1
 * when the connection broke or the reply cannot be read. */
static int read_response(int fd, char **buf, size_t *cap)
{
	size_t have = 0, need = 0, head = 0;
	for (;;) {
		if (have + 4096 > *cap) {
			char *b = realloc(*buf, *cap * 2 + 8192);
			if (!b)
				return -1;
			*buf = b, *cap = *cap * 2 + 8192;
		}
		ssize_t got = recv(fd, *buf + have, *cap - have - 1, 0);
		if (got <= 0)
			return -1;
		have += (size_t)got;
		(*buf)[have] = '\0';
		if (!head) {
			char *end = strstr(*buf, "\r\n\r\n");
			char *cl = strcasestr(*buf, "\r\nContent-Length:");
			if (!end)
				continue;
			head = (size_t)(end - *buf) + 4;
			need = head + (cl && cl < end ? strtoul(cl + 17, NULL, 10) : 0);
		}
		if (have >= need)
			return atoi(*buf + 9);
	}
}

/* Whether there is time and budget left for another request. */
static int more(void)
{
	return now_seconds() < deadline && atomic_fetch_add(&sent, 1) < max_requests;
}

static void *run_client(void *p)
{
	struct client *c = p;
	char req[8192], *buf = NULL;
	size_t cap = 0;
	int fd = -1;
	for (size_t i = c->first; more(); i++) {
		if (fd < 0 && (fd = connect_loopback()) < 0) {
			c->failed++;
			continue;
		}
		int len = snprintf(req, sizeof req, "GET %s HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
		                   paths[i % npaths]);
		double t0 = now_seconds();
		int status = send(fd, req, (size_t)len, MSG_NOSIGNAL) == len
		                     ? read_response(fd, &buf, &cap) : -1;
		double ms = (now_seconds() - t0) * 1e3;
		if (status == 200 && c->n < MAX_SAMPLES_PER_CLIENT) {
			const char *e = strstr(buf, "\"elapsed_ms\":");
			c->extra[c->n] = e ? ms - strtod(e + 13, NULL) : ms;
			c->ms[c->n++] = ms;
		}
		else if (status != 200)
			c->failed++;
		if (status < 0)
			close(fd), fd = -1;
	}
	if (fd >= 0)
		close(fd);
	free(buf);
	return NULL;
}

static int by_value(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

/* The request target for query Q: /api/search?q=…&n=10. */
static char *target(const char *q)
{
	char *s = malloc(strlen(q) * 3 + 64), *o = s;
	if (!s)
		return NULL;
	o += sprintf(o, "/api/search?n=10&q=");
	for (const unsigned char *p = (const unsigned char *)q; *p; p++)
		o += (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || (*p >= 'A' && *p <= 'Z')
		             ? sprintf(o, "%c", *p) : sprintf(o, "%%%02X", *p);
	return s;
}

int main(int argc, char **argv)
{
	long clients = 32, seconds = 10;
	const char *file = NULL;
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--port") && i + 1 < argc) port = atoi(argv[++i]);
		else if (!strcmp(argv[i], "--clients") && i + 1 < argc) clients = atol(argv[++i]);
		else if (!strcmp(argv[i], "--seconds") && i + 1 < argc) seconds = atol(argv[++i]);
		else if (!strcmp(argv[i], "--max-requests") && i + 1 < argc) max_requests = atol(argv[++i]);
		else file = argv[i];
	}
	struct query_line *q;
	if (!file || port <= 0 || clients < 1 || clients > 1024 || seconds < 1 || seconds > 3600) {
		fprintf(stderr, "usage: load --port P --clients N(1..1024) --seconds S(1..3600) [--max-requests M] QUERIES.tsv\n");
		return 2;
	}
	if (read_queries(file, &q, &npaths))
		return 2;
	paths = calloc(npaths, sizeof *paths);
	for (size_t i = 0; i < npaths; i++)
		if (!(paths[i] = target(q[i].text)))
			return 2;
	struct client *c = calloc((size_t)clients, sizeof *c);
	deadline = now_seconds() + (double)seconds;
	double t0 = now_seconds();
	for (long i = 0; i < clients; i++) {
		c[i].first = (size_t)i * 7;
		c[i].ms = malloc(sizeof(double) * MAX_SAMPLES_PER_CLIENT);
		c[i].extra = malloc(sizeof(double) * MAX_SAMPLES_PER_CLIENT);
		pthread_create(&c[i].t, NULL, run_client, &c[i]);
	}
	size_t total = 0, failed = 0;
	for (long i = 0; i < clients; i++) {
		pthread_join(c[i].t, NULL);
		total += c[i].n, failed += c[i].failed;
	}
	double secs = now_seconds() - t0;
	double *all = malloc(sizeof(double) * (total ? total : 1));
	double *extra = malloc(sizeof(double) * (total ? total : 1));
	for (long i = 0, k = 0; i < clients; i++)
		for (size_t j = 0; j < c[i].n; j++, k++)
			all[k] = c[i].ms[j], extra[k] = c[i].extra[j];
	qsort(all, total, sizeof *all, by_value);
	qsort(extra, total, sizeof *extra, by_value);
#define PCT(a, p) (total ? (a)[(size_t)((double)(total - 1) * (p))] : 0.0)
	printf("requests %zu failed %zu seconds %.1f rps %.0f p50 %.2f p95 %.2f p99 %.2f "
	       "extra50 %.2f extra95 %.2f\n",
	       total + failed, failed, secs, (double)total / secs, PCT(all, 0.50),
	       PCT(all, 0.95), PCT(all, 0.99), PCT(extra, 0.50), PCT(extra, 0.95));
	free_queries(q, npaths);
	return 0;
}
