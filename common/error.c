/* error.c — error_set() (see error.h).  Callers: indexer/, engine/. */
#include "error.h"

#include <stdarg.h>
#include <stdio.h>

int error_set(struct docket_error *err, int status, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(err->msg, sizeof err->msg, fmt, ap);
	va_end(ap);
	return err->status = status;
}
