/* error.h — the one carrier of an error's status and message inside the
 * library: an indexer worker's sticky failure (indexer/indexer.c), a
 * stage's last failure (indexer/stage.c) and what the engine's compaction
 * and the layout's stub and swap report (engine/).  The public face is
 * still the index's last error (docket_index_last_error), copied from here.
 */
#ifndef DOCKET_ERROR_H
#define DOCKET_ERROR_H

#include <stddef.h>

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

/* Is ERRNUM running out of file descriptors (EMFILE, ENFILE)? */
int error_is_fd_limit(int errnum);
/* Is TEXT (an error message from elsewhere, e.g. Xapian's) about running
 * out of file descriptors?  1 when it holds strerror(EMFILE)'s text, in
 * any case. */
int error_text_fd_limit(const char *text);
/* The message for running out of descriptors into OUT: "too many open
 * files (limit N)", N this process's soft RLIMIT_NOFILE ("on the system"
 * added for ENFILE).  Cannot fail. */
void error_fd_text(int errnum, char *out, size_t n);

#ifdef __cplusplus
}
#endif
#endif
