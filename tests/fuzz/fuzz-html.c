/* fuzz-html.c — libFuzzer target for parse_html() (indexer/html.c): arbitrary bytes,
 * sanitised as indexer/input.c does, parsed, and every article and warning
 * checked against the invariants of fuzz-check.h.  Built by `make fuzz`
 * (tests/fuzz/fuzz.mk) and, as replay-html, by `make test`.
 */
#include <stdint.h>

#include "../../indexer/article.h"
#include "fuzz-check.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	return fuzz_parse(data, size, "fuzz.html", parse_html);
}
