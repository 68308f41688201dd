/* crash.c — the tool's last word when the process is about to die of a
 * memory fault (SIGSEGV, SIGBUS).
 *
 * Xapian 1.4.22 can fault on a damaged shard instead of throwing: with the
 * postlist blocks of one shard partly overwritten (32 bytes a block), a
 * search that checks every match (a headline lift, or -n 500) dies of
 * SIGSEGV inside Enquire::get_mset, where no exception handler can see it.
 * A reader on deadline then gets "Segmentation fault" and nothing to act
 * on.  Here the tool says, in one line on stderr, which index it was
 * reading and what to run, and exits 2 like every other fatal error.  The
 * line is composed before anything can fault (crash_guard_index) and the
 * handler only write(2)s it, which is async-signal-safe.  It also covers a
 * fault in docket's own code, so the line says that case is a bug to
 * report; DOCKET_CRASH=core leaves the default action (a core dump) for a
 * developer.  The library installs no handler: an embedder owns its
 * signals. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

static char crash_line[1024] =
	"docket: crashed (memory fault); this is a bug in docket: please report it\n";
static size_t crash_len;

static void on_fault(int sig)
{
	(void)sig;
	ssize_t w = write(STDERR_FILENO, crash_line, crash_len);
	(void)w;
	_exit(EXIT_TROUBLE);
}

void crash_guard_install(void)
{
	crash_len = strlen(crash_line);
	const char *keep = getenv("DOCKET_CRASH");
	if (keep && !strcmp(keep, "core"))
		return;
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_fault;
	sa.sa_flags = SA_RESETHAND | SA_NODEFER;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGSEGV, &sa, NULL);
	sigaction(SIGBUS, &sa, NULL);
}

void crash_guard_index(const char *path)
{
	int n = snprintf(crash_line, sizeof crash_line,
	                 "docket: %s: crashed reading the index (memory fault); "
	                 "a damaged shard does this: run 'docket check --index %s' "
	                 "(if it finds nothing wrong, this is a bug in docket: "
	                 "please report it)\n",
	                 path, path);
	if (n < 0 || (size_t)n >= sizeof crash_line)
		snprintf(crash_line, sizeof crash_line,
		         "docket: crashed reading the index (memory fault); run "
		         "'docket check'\n");
	crash_len = strlen(crash_line);
}
