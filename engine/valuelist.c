/* valuelist.c — writing and reading list values (see valuelist.h). */
#include "valuelist.h"

void valuelist_add(int *rc, buf *out, const char *s, size_t n)
{
	char len[10];
	size_t k = 0, v = n;
	do {
		unsigned char b = v & 0x7F;
		v >>= 7;
		len[k++] = (char)(v ? (b | 0x80) : b);
	} while (v);
	buf_append(rc, out, len, k);
	buf_append(rc, out, s, n);
}

void valuelist_begin(struct valuelist_iter *it, const char *v, size_t n)
{
	it->p = (const unsigned char *)v;
	it->end = it->p + n;
}

int valuelist_next(struct valuelist_iter *it, const char **s, size_t *n)
{
	size_t len = 0;
	unsigned shift = 0;
	const unsigned char *p = it->p;
	for (;;) {
		if (p >= it->end || shift > 56)
			return 0;
		unsigned char b = *p++;
		len |= (size_t)(b & 0x7F) << shift;
		shift += 7;
		if (!(b & 0x80))
			break;
	}
	if (len > (size_t)(it->end - p))
		return 0;
	*s = (const char *)p;
	*n = len;
	it->p = p + len;
	return 1;
}
