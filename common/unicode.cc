/* unicode.cc — unicode.h over Xapian's Unicode tables: the one file
 * outside engine/ that includes <xapian.h> (Xapian refuses a direct
 * <xapian/unicode.h>), and it uses only Xapian::Unicode, which needs no
 * database and throws nothing.  tests/e2e/t-layers.sh allows this file by
 * name.  Caller: common/token.c.
 */
#include <xapian.h>

#include "unicode.h"

extern "C" int unicode_is_wordchar(uint32_t cp)
{
	return Xapian::Unicode::is_wordchar(cp);
}

extern "C" uint32_t unicode_tolower(uint32_t cp)
{
	return Xapian::Unicode::tolower(cp);
}
