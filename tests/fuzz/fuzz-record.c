/* fuzz-record.c — libFuzzer target for record_decode(): arbitrary bytes
 * must be rejected or decoded into fields that lie inside the input, and a
 * decoded record must re-encode to exactly the same bytes — except a
 * schema-2 record (it ends at the text), which re-encodes longer, with the
 * later fields empty. */
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
	/* the decoder takes only shortest-form lengths, so one record has one
	 * encoding: a full record comes back byte for byte */
	size_t short_by = REC_NFIELDS - REC_TEXT - 1; /* one 0 per later field */
	if (!rc && again.n == size && memcmp(again.p, d, size))
		__builtin_trap();
	if (!rc && again.n != size && again.n != size + short_by)
		__builtin_trap();
	buf_free(&again);
	return 0;
}
