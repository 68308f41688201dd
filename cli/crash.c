/* crash.c — the tool's last word when the process is about to die of a
 * memory fault (SIGSEGV, SIGBUS) or of glibc's abort on a damaged heap
 * (SIGABRT).
 *
 * Xapian 1.4.22 can fault on a damaged shard instead of throwing: with the
 * postlist blocks of one shard partly overwritten (32 bytes a block), a
 * search that checks every match (a headline lift, or -n 500) dies of
 * SIGSEGV inside Enquire::get_mset, where no exception handler can see it.
 * A reader on deadline then gets "Segmentation fault" and nothing to act
 * on.  Here the tool says, in one line on stderr, which index it was
 * reading and what to run, and exits 2 like every other fatal error.  The
 * line is composed before anything can fault (crash_guard_index, _writer)
 * and the handler only write(2)s its parts and asks the kernel for its
 * thread's name (prctl), so that a writer's line names the shard.  It also
 * covers a fault in docket's own code, so the line says that case is a
 * bug to report; DOCKET_CRASH=core leaves the default action (a core
 * dump) for a developer.  The library installs no handler: an embedder
 * owns its signals. */
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "cli.h"

/* The line, in parts composed before anything can fault: HEAD, then the
 * shard when the faulting thread is one of the library's writers (named
 * DOCKET_SHARD_THREAD "K", docket.h), then VERB, the cause, and TAIL. */
static char head[900] = "docket";
static const char *verb = ": crashed (";
static char tail[1100] = "); this is a bug in docket: please report it\n";

static void put(const char *s)
{
	ssize_t w = write(STDERR_FILENO, s, strlen(s));
	(void)w;
}

/* The thread writing the line (its kernel id), 0 before any fault.  Two
 * writers can die at once: with a disk that stays full, both shards'
 * commits abort inside Xapian within microseconds (t-iofault.sh's "write
 * 340 fails (FROM)" on CI).  The handler stays installed (no
 * SA_RESETHAND, whose reset let the second signal take the default action,
 * exit 134 and no line); the first thread in writes the line and _exits,
 * any other waits to be ended by that _exit.  A lock-free atomic, so safe
 * in a handler. */
static atomic_long owner;
_Static_assert(ATOMIC_LONG_LOCK_FREE == 2, "the handler needs a lock-free atomic");

static void on_fault(int sig)
{
	char name[17] = "";
	const size_t k = sizeof DOCKET_SHARD_THREAD - 1;
	long me = syscall(SYS_gettid), none = 0;
	if (!atomic_compare_exchange_strong(&owner, &none, me)) {
		if (none == me) /* a fault inside this handler */
			_exit(EXIT_TROUBLE);
		for (;;)
			pause();
	}
	put(head);
	if (prctl(PR_GET_NAME, name, 0, 0, 0) == 0 &&
	    !strncmp(name, DOCKET_SHARD_THREAD, k)) {
		put(" (shard ");
		put(name + k);
		put(")");
	}
	put(verb);
	/* glibc aborts when it finds its heap damaged, as Xapian's reads of
	 * a damaged position table have made it do */
	put(sig == SIGABRT ? "aborted" : "memory fault");
	put(tail);
	_exit(EXIT_TROUBLE);
}

void crash_guard_install(void)
{
	const char *keep = getenv("DOCKET_CRASH");
	if (keep && !strcmp(keep, "core"))
		return;
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_fault;
	sa.sa_flags = SA_NODEFER; /* a fault in the handler re-enters it */
	sigemptyset(&sa.sa_mask);
	sigaction(SIGSEGV, &sa, NULL);
	sigaction(SIGBUS, &sa, NULL);
	sigaction(SIGABRT, &sa, NULL);
}

/* Name PATH in the line, and what the tool was doing with it. */
static void guard(const char *path, int writing)
{
	int n = snprintf(head, sizeof head, "docket: %s", path);
	int m = snprintf(tail, sizeof tail,
	                 "); a damaged shard does this%s: run 'docket check --index "
	                 "%s' (if it finds nothing wrong, this is a bug in docket: "
	                 "please report it)\n",
	                 writing ? ", and so can a write that failed (a full disk)" : "",
	                 path);
	verb = writing ? ": crashed writing the index (" : ": crashed reading the index (";
	if (n < 0 || (size_t)n >= sizeof head || m < 0 || (size_t)m >= sizeof tail) {
		snprintf(head, sizeof head, "docket");
		snprintf(tail, sizeof tail, "); run 'docket check'\n");
	}
}

void crash_guard_index(const char *path)
{
	guard(path, 0);
}

void crash_guard_writer(const char *path)
{
	guard(path, 1);
}
