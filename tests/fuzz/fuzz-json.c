/* fuzz-json.c — libFuzzer target for parse_json() (common/json.c).
 *
 * The input is sanitised to UTF-8 first, as common/input.c does, then
 * parsed; every article must keep the invariants of fuzz-check.h.  Built by
 * `make fuzz` (tests/fuzz/fuzz.mk) and, as replay-json, by `make test`.
 */
#include <stdint.h>

#include "../../common/article.h"
#include "../../common/buf.h"
#include "../../common/utf8.h"
#include "fuzz-check.h"

static void ignore(void *ctx, const char *msg)
{
	(void)ctx;
	(void)msg;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	int rc = 0;
	buf b = BUF_INIT;
	utf8_sanitize(&rc, &b, (const char *)data, size);
	if (!rc) {
		struct parse_ctx p = {"fuzz.jsonl", "fuzz.jsonl", fuzz_check_article,
		                      ignore, NULL};
		parse_json(b.p ? b.p : "", b.n, &p);
	}
	buf_free(&b);
	return 0;
}
