/* listen.c — the --listen address of `docket serve` and `docket
 * serve-shard`: "HOST:PORT" split, and HOST judged by what it resolves
 * to.  Both commands must agree on what is loopback, since that decides
 * whether a warning is printed (serve-shard) or a token is required
 * (serve): a host is judged by its addresses, never by its text
 * ("127.example.test" may be anywhere; issue 15 found the text test). */
#include <arpa/inet.h>
#include <netdb.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>

#include "cli.h"

int listen_split(const char *s, long min_port, char *host, size_t hostsz,
                 char *port, size_t portsz)
{
	const char *colon = strrchr(s, ':');
	const char *h = s, *hend = colon;
	long p;
	if (!colon || parse_long(colon + 1, min_port, 65535, &p))
		return -1;
	if (*s == '[') {
		if (colon == s || colon[-1] != ']')
			return -1;
		h = s + 1;
		hend = colon - 1;
	} else if (memchr(s, ':', (size_t)(colon - s))) {
		return -1; /* an IPv6 address needs its brackets */
	}
	if (hend <= h || (size_t)(hend - h) >= hostsz)
		return -1;
	memcpy(host, h, (size_t)(hend - h));
	host[hend - h] = '\0';
	snprintf(port, portsz, "%ld", p);
	return 0;
}

/* Is the socket address A loopback: 127.0.0.0/8, ::1, or ::ffff:127.x? */
static int loopback_addr(const struct sockaddr *a)
{
	if (a->sa_family == AF_INET) {
		const struct sockaddr_in *in = (const struct sockaddr_in *)a;
		return (ntohl(in->sin_addr.s_addr) >> 24) == 127;
	}
	if (a->sa_family == AF_INET6) {
		const struct in6_addr *in6 = &((const struct sockaddr_in6 *)a)->sin6_addr;
		if (IN6_IS_ADDR_V4MAPPED(in6))
			return in6->s6_addr[12] == 127;
		return IN6_IS_ADDR_LOOPBACK(in6);
	}
	return 0;
}

int listen_resolve(const char *host, const char *port, char *addr,
                   size_t addrsz, int *loopback)
{
	struct addrinfo hints = {.ai_socktype = SOCK_STREAM,
	                         .ai_flags = AI_PASSIVE}, *ai;
	int err = getaddrinfo(host, port, &hints, &ai);
	if (err)
		return fail("--listen: cannot use host '%s': %s", host,
		            gai_strerror(err)), -1;
	*loopback = 1;
	for (struct addrinfo *a = ai; a; a = a->ai_next)
		*loopback &= loopback_addr(a->ai_addr);
	err = getnameinfo(ai->ai_addr, ai->ai_addrlen, addr, (socklen_t)addrsz,
	                  NULL, 0, NI_NUMERICHOST);
	freeaddrinfo(ai);
	if (err)
		return fail("--listen: cannot use host '%s': %s", host,
		            gai_strerror(err)), -1;
	return 0;
}
