/* charset.h — which character set a file's bytes are in, and their text as
 * UTF-8 (indexer/charset.c; used by input.c before the parsers run).
 */
#ifndef DOCKET_CHARSET_H
#define DOCKET_CHARSET_H

#include <stddef.h>

#include "../common/buf.h"

struct charset {
	char name[32];   /* iconv's name to convert from; "" = read as UTF-8 */
	size_t skip;     /* bytes of a byte-order mark to drop first */
	const char *why; /* how it was found: "byte-order mark", "declared by
	                  * the page", "not valid UTF-8"; "" for UTF-8 */
};

/* The charset of S[0..N) into *CS.  In order: a UTF-16/32 byte-order mark;
 * for HTML (IS_HTML) the charset its <meta> or XML declaration names in
 * its first 8 KiB (ISO-8859-1 and ASCII read as their superset
 * windows-1252, as browsers do), unless the bytes are valid UTF-8 holding
 * non-ASCII (a page re-saved as UTF-8 that kept its old declaration);
 * otherwise windows-1252 when more bytes are invalid UTF-8 than form valid
 * multi-byte sequences and none is a byte windows-1252 leaves unmapped
 * (0x81, 0x8D, 0x8F, 0x90, 0x9D: then it is damaged UTF-8, repaired
 * later), else UTF-8.  Cannot fail. */
void charset_detect(const char *s, size_t n, int is_html, struct charset *cs);

/* Append S[0..N), in charset FROM, to OUT as UTF-8 with iconv.  A byte
 * sequence FROM cannot map becomes U+FFFD (windows-1252's five unmapped
 * bytes are read as ISO-8859-1 instead, which maps every byte).  Returns
 * 0, DOCKET_UNSUPPORTED when iconv does not know FROM (OUT untouched), or
 * DOCKET_NO_MEMORY. */
int charset_convert(const char *from, const char *s, size_t n, buf *out);

#endif
