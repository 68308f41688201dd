/* buf.h — a growable byte buffer with sticky errors.
 *
 * Every append takes `int *rc`: when *rc is already non-zero the call does
 * nothing; when an allocation fails it sets *rc = DOCKET_NO_MEMORY.  A chain
 * of appends therefore needs one check at the end.  The contents are always
 * NUL-terminated after a successful append (b->p may be NULL while empty).
 */
#ifndef DOCKET_BUF_H
#define DOCKET_BUF_H

#include <stdarg.h>
#include <stddef.h>

typedef struct buf {
	char *p;    /* the bytes, NUL-terminated; NULL until the first append */
	size_t n;   /* bytes in use, not counting the NUL */
	size_t cap; /* bytes allocated */
} buf;

#define BUF_INIT {NULL, 0, 0}

void buf_append(int *rc, buf *b, const void *s, size_t n);
void buf_puts(int *rc, buf *b, const char *s);
void buf_putc(int *rc, buf *b, char c);
void buf_printf(int *rc, buf *b, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Make room for N more bytes; does not change b->n.  Afterwards b->p is
 * NUL-terminated (so "" when empty). */
void buf_reserve(int *rc, buf *b, size_t n);
/* Empty the buffer, keeping its memory. */
void buf_reset(buf *b);
/* Hand the bytes to the caller (never NULL on success: "" when empty; NULL
 * if *rc is set or memory ran out) and leave B empty. */
char *buf_steal(int *rc, buf *b);
void buf_free(buf *b);

/* A copy of S (or of "" when S is NULL); sets *rc on failure. */
char *str_dup(int *rc, const char *s);
char *str_ndup(int *rc, const char *s, size_t n);

#endif
