/* httpd.c — libmicrohttpd, opened when `docket serve` starts (httpd.h
 * says why it is not linked).  The soname is the one the Debian package
 * libmicrohttpd12 installs, as the build's headers are its -dev's.
 */
#include <dlfcn.h>
#include <stdio.h>

#include "httpd.h"

#define HTTPD_SONAME "libmicrohttpd.so.12"

struct httpd_api httpd;

/* Symbol NAME of H into *F; 0, or -1 with the reason in WHY. */
static int sym(void *h, const char *name, void **f, char *why, size_t n)
{
	if ((*f = dlsym(h, name)))
		return 0;
	snprintf(why, n, "cannot use %s: no %s", HTTPD_SONAME, name);
	return -1;
}

int httpd_load(char *why, size_t n)
{
	static const struct { const char *name; size_t at; } syms[] = {
		{"MHD_start_daemon", offsetof(struct httpd_api, start_daemon)},
		{"MHD_stop_daemon", offsetof(struct httpd_api, stop_daemon)},
		{"MHD_get_daemon_info", offsetof(struct httpd_api, get_daemon_info)},
		{"MHD_lookup_connection_value",
		 offsetof(struct httpd_api, lookup_connection_value)},
		{"MHD_get_connection_values", offsetof(struct httpd_api, get_connection_values)},
		{"MHD_create_response_from_buffer",
		 offsetof(struct httpd_api, create_response_from_buffer)},
		{"MHD_add_response_header", offsetof(struct httpd_api, add_response_header)},
		{"MHD_queue_response", offsetof(struct httpd_api, queue_response)},
		{"MHD_destroy_response", offsetof(struct httpd_api, destroy_response)},
	};
	if (httpd.start_daemon)
		return 0;
	void *h = dlopen(HTTPD_SONAME, RTLD_NOW | RTLD_LOCAL);
	if (!h) {
		const char *e = dlerror();
		snprintf(why, n, "cannot load %s: %s", HTTPD_SONAME, e ? e : "unknown error");
		return -1;
	}
	struct httpd_api api;
	for (size_t i = 0; i < sizeof syms / sizeof syms[0]; i++)
		if (sym(h, syms[i].name, (void **)((char *)&api + syms[i].at), why, n))
			return -1;
	httpd = api;
	return 0;
}
