/* fuzz-text.c — libFuzzer target for parse_text(): sanitise arbitrary
 * bytes with utf8_sanitize(), parse them, and walk every passage of the
 * article with the shared invariant checks (fuzz-check.h), so any string
 * the parser hands out is checked for bounds, termination and UTF-8. */
#include <stddef.h>
#include <stdint.h>

#include "../../common/article.h"
#include "../../common/buf.h"
#include "../../common/utf8.h"
#include "fuzz-check.h"

static void ignore(void *ctx, const char *message)
{
	(void)ctx;
	fuzz_check_string(message);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	int rc = 0;
	buf clean = BUF_INIT;
	struct parse_ctx p = {"fuzz.txt", "fuzz.txt", fuzz_check_article,
	                      ignore, NULL};
	utf8_sanitize(&rc, &clean, (const char *)data, size);
	if (!rc)
		parse_text(clean.p ? clean.p : "", clean.n, &p);
	buf_free(&clean);
	return 0;
}
