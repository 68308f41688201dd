/* httpd.h — libmicrohttpd for `docket serve`, opened with dlopen(3) when
 * the server starts (cli/httpd.c), not linked: it brings GnuTLS and eight
 * more libraries with it, which every other command paid for at start
 * (5.1 ms of a 13.3 ms `docket --version`, measured).  cmd-web.c calls
 * libmicrohttpd only through HTTPD.
 */
#ifndef DOCKET_CLI_HTTPD_H
#define DOCKET_CLI_HTTPD_H

#include <stddef.h>
#include <microhttpd.h>

/* The functions `docket serve` uses, as libmicrohttpd declares them. */
struct httpd_api {
	__typeof__(&MHD_start_daemon) start_daemon;
	__typeof__(&MHD_stop_daemon) stop_daemon;
	__typeof__(&MHD_get_daemon_info) get_daemon_info;
	__typeof__(&MHD_lookup_connection_value) lookup_connection_value;
	__typeof__(&MHD_get_connection_values) get_connection_values;
	__typeof__(&MHD_create_response_from_buffer) create_response_from_buffer;
	__typeof__(&MHD_add_response_header) add_response_header;
	__typeof__(&MHD_queue_response) queue_response;
	__typeof__(&MHD_destroy_response) destroy_response;
};

/* Filled by httpd_load(); all NULL before. */
extern struct httpd_api httpd;

/* Load libmicrohttpd and fill HTTPD, once.  Returns 0, or -1 with a
 * one-line reason in WHY[0..N) ("cannot load libmicrohttpd.so.12: ..."). */
int httpd_load(char *why, size_t n);

#endif
