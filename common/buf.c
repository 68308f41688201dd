/* buf.c — growable buffers with sticky errors (see buf.h). */
#include "buf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../docket.h"

void buf_reserve(int *rc, buf *b, size_t n)
{
	if (*rc)
		return;
	if (n >= ((size_t)-1) - b->n) { /* b->n + n + 1 would wrap */
		*rc = DOCKET_NO_MEMORY;
		return;
	}
	if (b->n + n + 1 <= b->cap)
		return;
	size_t cap = b->cap ? b->cap : 64;
	while (cap < b->n + n + 1) {
		if (cap > ((size_t)-1) / 2) {
			*rc = DOCKET_NO_MEMORY;
			return;
		}
		cap *= 2;
	}
	char *p = realloc(b->p, cap);
	if (!p) {
		*rc = DOCKET_NO_MEMORY;
		return;
	}
	b->p = p;
	b->cap = cap;
	b->p[b->n] = '\0'; /* a reserved buffer is a valid string too */
}

void buf_append(int *rc, buf *b, const void *s, size_t n)
{
	buf_reserve(rc, b, n);
	if (*rc)
		return;
	if (n)
		memcpy(b->p + b->n, s, n);
	b->n += n;
	b->p[b->n] = '\0';
}

void buf_puts(int *rc, buf *b, const char *s)
{
	buf_append(rc, b, s, strlen(s));
}

void buf_putc(int *rc, buf *b, char c)
{
	buf_append(rc, b, &c, 1);
}

void buf_printf(int *rc, buf *b, const char *fmt, ...)
{
	va_list ap;
	if (*rc)
		return;
	va_start(ap, fmt);
	int need = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (need < 0) {
		*rc = DOCKET_NO_MEMORY;
		return;
	}
	buf_reserve(rc, b, (size_t)need);
	if (*rc)
		return;
	va_start(ap, fmt);
	vsnprintf(b->p + b->n, (size_t)need + 1, fmt, ap);
	va_end(ap);
	b->n += (size_t)need;
}

void buf_reset(buf *b)
{
	b->n = 0;
	if (b->p)
		b->p[0] = '\0';
}

char *buf_steal(int *rc, buf *b)
{
	if (!b->p)
		buf_reserve(rc, b, 0);
	if (*rc)
		return NULL;
	b->p[b->n] = '\0';
	char *p = b->p;
	b->p = NULL;
	b->n = b->cap = 0;
	return p;
}

void buf_free(buf *b)
{
	free(b->p);
	b->p = NULL;
	b->n = b->cap = 0;
}

char *str_ndup(int *rc, const char *s, size_t n)
{
	if (*rc)
		return NULL;
	char *p = malloc(n + 1);
	if (!p) {
		*rc = DOCKET_NO_MEMORY;
		return NULL;
	}
	if (n)
		memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *str_dup(int *rc, const char *s)
{
	return str_ndup(rc, s ? s : "", s ? strlen(s) : 0);
}
