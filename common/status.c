/* status.c — names of the statuses in docket.h. */
#include "../docket.h"

DOCKET_EXPORT const char *docket_strerror(docket_status status)
{
	static const char *const names[DOCKET_LAST_STATUS] = {
		[DOCKET_OK] = "success",
		[DOCKET_NO_MEMORY] = "out of memory",
		[DOCKET_BAD_ARGUMENT] = "bad argument",
		[DOCKET_NOT_FOUND] = "not found",
		[DOCKET_LOCKED] = "index is locked by another writer",
		[DOCKET_IO_ERROR] = "input/output error",
		[DOCKET_CORRUPT] = "index is corrupt",
		[DOCKET_BAD_QUERY] = "bad query",
		[DOCKET_BAD_INPUT] = "bad input file",
		[DOCKET_MODIFIED] = "index kept changing during the search",
		[DOCKET_UNSUPPORTED] = "not supported",
		[DOCKET_ENGINE_ERROR] = "search engine error",
		[DOCKET_INTERRUPTED] = "interrupted",
	};
	if ((unsigned)status >= DOCKET_LAST_STATUS)
		return "unknown status";
	return names[status];
}
