/* children.c — reaping the programs of "remote :PROGRAM" stub lines.
 *
 * Xapian forks such a program (ProgClient) and waits for it only when the
 * database object is destroyed normally: when the handshake fails (a
 * program that does not speak the protocol) the constructor throws and
 * the child is never waited for, so it outlives docket; and a program that
 * does not exit when its socket closes makes that wait hang for ever.
 * Xapian never tells us the pid.  So the engine takes a snapshot of this
 * process's children before it opens a stub that may run programs (only a
 * stub file the user named, with the opt-in: stub.c), and when the index
 * is closed, or its opening failed, it stops and reaps every child born
 * since.  A child is found by its parent pid in /proc/PID/stat (Linux).
 * The program is stopped before Xapian's own wait (which then finds it
 * gone), because that wait is what hangs; a read-only remote shard loses
 * nothing by it.
 *
 * Caller: engine/index.c (open, add, close).
 */
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "children.h"

#define REAP_GRACE_MS 500 /* SIGTERM to SIGKILL; xapian-progsrv and ssh
                           * exit at once on SIGTERM */

/* The parent pid of process PID, or -1 (gone, unreadable). */
static pid_t parent_of(const char *pid)
{
	char file[64], text[512];
	snprintf(file, sizeof file, "/proc/%s/stat", pid);
	FILE *f = fopen(file, "r");
	if (!f)
		return -1;
	size_t n = fread(text, 1, sizeof text - 1, f);
	fclose(f);
	text[n] = '\0';
	char *end = strrchr(text, ')'); /* the name may hold ") " itself */
	int ppid;
	char state;
	if (!end || sscanf(end + 1, " %c %d", &state, &ppid) != 2)
		return -1;
	return ppid;
}

/* Call FN(pid, CTX) for each child of this process now. */
static void each_child(void (*fn)(pid_t, void *), void *ctx)
{
	DIR *d = opendir("/proc");
	pid_t me = getpid();
	if (!d)
		return;
	for (struct dirent *e; (e = readdir(d));)
		if (isdigit((unsigned char)e->d_name[0]) && parent_of(e->d_name) == me)
			fn((pid_t)atol(e->d_name), ctx);
	closedir(d);
}

/* Add PID to the snapshot CTX (a struct children). */
static void remember(pid_t pid, void *ctx)
{
	struct children *c = ctx;
	pid_t *p = realloc(c->pid, (c->n + 1) * sizeof *p);
	if (!p)
		return;
	c->pid = p;
	c->pid[c->n++] = pid;
}

void children_snapshot(struct children *c)
{
	free(c->pid);
	*c = (struct children){NULL, 0, 1};
	each_child(remember, c);
}

/* Was PID in the snapshot C? */
static int known(const struct children *c, pid_t pid)
{
	for (size_t i = 0; i < c->n; i++)
		if (c->pid[i] == pid)
			return 1;
	return 0;
}

/* Has PID exited (and been reaped now)? */
static int reaped(pid_t pid)
{
	pid_t r = waitpid(pid, NULL, WNOHANG);
	return r == pid || (r < 0 && errno == ECHILD);
}

/* Stop the new child PID (CTX: the snapshot) and wait for it. */
static void stop(pid_t pid, void *ctx)
{
	if (known(ctx, pid))
		return;
	kill(pid, SIGTERM);
	for (int ms = 0; ms < REAP_GRACE_MS; ms += 10) {
		if (reaped(pid))
			return;
		nanosleep(&(struct timespec){0, 10 * 1000 * 1000}, NULL);
	}
	kill(pid, SIGKILL);
	while (waitpid(pid, NULL, 0) < 0 && errno == EINTR) {
	}
}

void children_reap_new(struct children *c)
{
	if (c->taken)
		each_child(stop, c);
	free(c->pid);
	*c = (struct children){NULL, 0, 0};
}
