/* xapian.cc — the only file that includes <xapian.h>.  (Being filled in.) */
#include <xapian.h>

#include "xapian.h"

extern "C" int xap_is_wordchar(uint32_t cp)
{
	return Xapian::Unicode::is_wordchar(cp);
}

extern "C" uint32_t xap_tolower(uint32_t cp)
{
	return Xapian::Unicode::tolower(cp);
}
