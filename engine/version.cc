/* version.cc — docket_version(): the library's version with those of
 * the two libraries that decide what an index holds, Xapian (asked at run
 * time: the libxapian actually loaded) and libstemmer (which has no version
 * API: the Makefile passes the Debian package's version, or "unknown", as
 * DOCKET_STEMMER_VERSION).  Called by `docket --version` and embedders.
 * In engine/ because it asks Xapian, whose header only the engine
 * includes.
 */
#include <stdio.h>
#include <xapian.h>

#include "../docket.h"

#ifndef DOCKET_STEMMER_VERSION
#define DOCKET_STEMMER_VERSION "unknown"
#endif

/* Returns the constant "docket X.Y (Xapian A.B.C, libstemmer V)", built on
 * the first call; cannot fail (a line too long for its buffer is cut).
 * Safe from several threads: C++11 makes the static's set-up run once. */
extern "C" const char *docket_version(void)
{
	static char line[128];
	static const int once = snprintf(line, sizeof line,
	                                 "docket %s (Xapian %s, libstemmer %s)",
	                                 DOCKET_VERSION_STRING,
	                                 Xapian::version_string(),
	                                 DOCKET_STEMMER_VERSION);
	(void)once;
	return line;
}
