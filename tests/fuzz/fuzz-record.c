/* fuzz-record.c — libFuzzer target for record_decode(): arbitrary bytes
 * must be rejected or decoded into fields that lie inside the input, and a
 * decoded record must re-encode to exactly the same bytes. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "../../common/buf.h"
#include "../../common/record.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct record r;
	const char *d = (const char *)data;
	if (record_decode(d, size, &r) != 0)
		return 0;
	for (int f = 0; f < REC_NFIELDS; f++)
		if (r.f[f] < d || r.len[f] > size ||
		    (size_t)(r.f[f] - d) > size - r.len[f])
			__builtin_trap();
	int rc = 0;
	buf again = BUF_INIT;
	record_encode(&rc, &again, &r);
	/* LEB128 allows padded lengths, so compare only canonical inputs */
	if (!rc && again.n == size && memcmp(again.p, d, size))
		__builtin_trap();
	buf_free(&again);
	return 0;
}
