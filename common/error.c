/* error.c — error_set() and the words for running out of descriptors
 * (see error.h).  Callers: indexer/, engine/, searcher/. */
#include "error.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>

int error_set(struct docket_error *err, int status, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(err->msg, sizeof err->msg, fmt, ap);
	va_end(ap);
	return err->status = status;
}

int error_is_fd_limit(int errnum)
{
	return errnum == EMFILE || errnum == ENFILE;
}

int error_text_fd_limit(const char *text)
{
	/* Xapian's lock says it in lower case */
	return text && (strcasestr(text, strerror(EMFILE)) != NULL ||
	                strcasestr(text, "too many open files") != NULL);
}

void error_fd_text(int errnum, char *out, size_t n)
{
	struct rlimit rl;
	if (getrlimit(RLIMIT_NOFILE, &rl) != 0 || rl.rlim_cur == RLIM_INFINITY)
		snprintf(out, n, "too many open files%s", errnum == ENFILE ?
		         " on the system" : "");
	else
		snprintf(out, n, "too many open files%s (limit %llu)", errnum == ENFILE
		         ? " on the system" : "", (unsigned long long)rl.rlim_cur);
}
