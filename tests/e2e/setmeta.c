/* setmeta.c — sets one metadata key of one shard (a Xapian database),
 * which Xapian's command-line tools cannot do, through the library's own
 * xap_* layer.  Built by tests/e2e/t-schema.sh to fake an index of another
 * schema version.
 *
 * Usage: setmeta SHARD KEY VALUE   (exit 0 once set and committed)
 */
#include <stdio.h>
#include <string.h>

#include "../../engine/engine.h"

int main(int argc, char **argv)
{
	if (argc != 4) {
		fprintf(stderr, "usage: setmeta SHARD KEY VALUE\n");
		return 2;
	}
	struct xap_db *db;
	int rc = xap_open(argv[1], 1, &db);
	if (!rc)
		rc = xap_set_metadata(db, argv[2], argv[3], strlen(argv[3]));
	if (!rc)
		rc = xap_commit(db);
	if (rc)
		fprintf(stderr, "setmeta: %s\n", xap_error(db));
	xap_close(db);
	return rc ? 1 : 0;
}
