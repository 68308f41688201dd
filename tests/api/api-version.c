/* api-version.c — docket_version(): one constant line naming docket's
 * version (the running library's, which here is the header's), Xapian's
 * and libstemmer's, the same string on every call.  Includes only
 * docket.h.  The e2e test t-cli.sh compares the versions themselves with
 * what pkg-config and dpkg say.
 */
#include <stdio.h>
#include <string.h>

#include "docket.h"
#include "../tap.h"

int main(void)
{
	const char *v = docket_version();
	const char *x = v ? strstr(v, "(Xapian ") : NULL;
	const char *s = v ? strstr(v, ", libstemmer ") : NULL;
	char want[64];
	snprintf(want, sizeof want, "docket %s (", DOCKET_VERSION_STRING);
	ok(v != NULL, "docket_version() is not NULL");
	if (!v)
		return tap_done();
	ok(strncmp(v, want, strlen(want)) == 0, "it starts '%s': %s", want, v);
	ok(x && x[8] >= '1' && x[8] <= '9', "it names Xapian's version");
	ok(s && x && s > x && s[13] && s[13] != ')', "then libstemmer's");
	ok(v[strlen(v) - 1] == ')' && !strchr(v, '\n'), "one line, ending ')'");
	ok(docket_version() == v, "the same constant string on every call");
	return tap_done();
}
