/* error.h — the one carrier of an error's status and message inside the
 * library: an indexer worker's sticky failure (indexer/indexer.c), a
 * stage's last failure (indexer/stage.c) and what the engine's compaction
 * and the layout's stub and swap report (engine/).  The public face is
 * still the index's last error (docket_index_last_error), copied from here.
 */
#ifndef DOCKET_ERROR_H
#define DOCKET_ERROR_H

#define ERROR_MSG_MAX 1024 /* longer messages are cut */

struct docket_error {
	int status;              /* a docket_status; DOCKET_OK (0): none */
	char msg[ERROR_MSG_MAX]; /* NUL-terminated; "" when none */
};

#ifdef __cplusplus
extern "C" {
#endif

/* Set ERR to STATUS with the message (printf-style, cut to fit) and return
 * STATUS.  Cannot fail. */
int error_set(struct docket_error *err, int status, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

#ifdef __cplusplus
}
#endif
#endif
