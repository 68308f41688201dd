/* record.c — encoding and decoding a passage's document data (record.h).
 *
 * Written by the indexer for every passage, read back by the searcher for
 * every hit.  Decoding trusts nothing: data may come from a damaged or
 * foreign index, so every length is checked against what is left.
 */
#include "record.h"

#include "../docket.h"

#define VARINT_MAX 10 /* bytes in the longest LEB128 encoding of 64 bits */

static void put_varint(int *rc, buf *out, size_t v)
{
	char tmp[VARINT_MAX];
	size_t k = 0;
	do {
		unsigned char b = v & 0x7F;
		v >>= 7;
		tmp[k++] = (char)(v ? (b | 0x80) : b);
	} while (v);
	buf_append(rc, out, tmp, k);
}

void record_encode(int *rc, buf *out, const struct record *r)
{
	buf_append(rc, out, "D1", 2);
	for (int f = 0; f < REC_NFIELDS; f++) {
		size_t len = r->f[f] ? r->len[f] : 0;
		put_varint(rc, out, len);
		buf_append(rc, out, r->f[f], len);
	}
}

/* Read a varint at D[*I..N) into *V; -1 if truncated, too large, or not
 * in the shortest form put_varint writes (a last byte of 0 after others):
 * fuzz-record found padded lengths decoding to the same record as other
 * bytes, so one record had two encodings; now it has one. */
static int get_varint(const unsigned char *d, size_t n, size_t *i, size_t *v)
{
	size_t val = 0;
	for (unsigned shift = 0; *i < n; shift += 7) {
		unsigned char b = d[(*i)++];
		if (shift >= 8 * sizeof val ||
		    (shift && (size_t)(b & 0x7F) > (((size_t)-1) >> shift)))
			return -1;
		if (shift && !b)
			return -1;
		val |= (size_t)(b & 0x7F) << shift;
		if (!(b & 0x80)) {
			*v = val;
			return 0;
		}
	}
	return -1;
}

int record_decode(const char *data, size_t n, struct record *r)
{
	const unsigned char *d = (const unsigned char *)data;
	size_t i = 2;
	if (n < 2 || d[0] != 'D' || d[1] != '1')
		return -1;
	for (int f = 0; f < REC_NFIELDS; f++) {
		size_t len;
		if (i == n && f == REC_TEXT + 1) { /* schema 2 ended at the text */
			for (; f < REC_NFIELDS; f++) {
				r->f[f] = data + n;
				r->len[f] = 0;
			}
			return 0;
		}
		if (get_varint(d, n, &i, &len) || len > n - i)
			return -1;
		r->f[f] = data + i;
		r->len[f] = len;
		i += len;
	}
	return i == n ? 0 : -1;
}
