/* stub.h — checking a stub file before Xapian opens it (engine/stub.c):
 * what an index folder or a stub may make docket do.  Private to the
 * engine; engine/index.c calls it before every open of a stub that is not
 * docket's own shard list.
 */
#ifndef DOCKET_STUB_H
#define DOCKET_STUB_H

#include "../common/error.h"

#define STUB_DEPTH_MAX 8 /* stubs naming stubs, deeper is refused */
#define ALLOW_PROGRAMS_ENV "DOCKET_ALLOW_PROGRAMS"

/* May Xapian open PATH (a folder, or a stub file the user named)?
 * DOCKET_OK when PATH is not a stub (a folder without XAPIANDB, a
 * database) or a stub whose every line may be followed.  Refused, with
 * the message in ERR naming the stub and the line:
 *   - DOCKET_CORRUPT: a stub naming itself, directly or through other
 *     stubs or a folder's XAPIANDB, or nested deeper than STUB_DEPTH_MAX;
 *     a stub naming nothing at all (empty, or comments only);
 *   - DOCKET_UNSUPPORTED: a "remote :PROGRAM" line (it runs PROGRAM),
 *     unless PATH is itself a stub file (not a folder), the line is in it
 *     (not in a stub it names), and the environment has
 *     DOCKET_ALLOW_PROGRAMS=1.  An index folder never runs a program.
 * *PROGRAMS says whether opening PATH will run a program (an allowed
 * program line; 0 when refused).  Cannot fail otherwise. */
int stub_check(const char *path, int *programs, struct docket_error *err);

#endif
