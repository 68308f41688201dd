/* fuzz-text.c — libFuzzer target for parse_text() (indexer/text.c): arbitrary bytes,
 * sanitised as indexer/input.c does, parsed, and every article and warning
 * checked against the invariants of fuzz-check.h.  Built by `make fuzz`
 * (tests/fuzz/fuzz.mk) and, as replay-text, by `make test`.
 */
#include <stdint.h>

#include "../../indexer/article.h"
#include "fuzz-check.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	return fuzz_parse(data, size, "fuzz.txt", parse_text);
}
