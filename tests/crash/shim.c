/* shim.c — an LD_PRELOAD fault injector for the crash tests.
 *
 * Loaded into `docket index` by tests/crash/t-*.sh, it counts the calls
 * that make an index durable or change it on disk, and fails one of them
 * on request:
 *
 *   SHIM_KILL_AT_SYNC=N    the Nth fsync/fdatasync/sync_file_range/msync
 *                          raises SIGKILL before it syncs (Xapian syncs
 *                          every table when it commits)
 *   SHIM_HANG_AT_SYNC=N    the Nth sync never returns (signals are still
 *                          handled): a commit stuck for ever, as Xapian's
 *                          over a damaged position table
 *   SHIM_SPIN_AT_SYNC=N    the Nth sync spins on the CPU for ever, making
 *                          no system call: that commit as it really is
 *   SHIM_RAISE_AT_SYNC=N   the Nth sync raises signal SHIM_RAISE (a number,
 *                          default SIGSEGV) in the thread syncing: a
 *                          memory fault, or glibc's abort on a damaged
 *                          heap (6), in the middle of a commit
 *   SHIM_RAISE_THREADS=2   ... in that thread and in a second one, named
 *                          like it, both at once (two shards' commits
 *                          dying together, as on a disk that stays full)
 *   SHIM_FAIL_WRITE_AT=N   the Nth write to a regular file (write, pwrite,
 *                          writev, pwritev; not stdin/stdout/stderr) fails
 *                          with ENOSPC, and only that one
 *   SHIM_FAIL_WRITE_FROM=N the Nth and every later such write fails (a
 *                          disk that stays full)
 *   SHIM_REPORT=FILE       at exit, append "syncs=S writes=W" to FILE
 *
 * Counting starts at the first intercepted call.  Without the variables the
 * shim only counts.  Nothing here is part of libdocket.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <dlfcn.h>
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/uio.h>
#include <unistd.h>

static long kill_at_sync;   /* 0: never */
static long hang_at_sync;   /* 0: never */
static long spin_at_sync;   /* 0: never */
static long raise_at_sync;  /* 0: never */
static long raise_sig;
static long raise_threads;  /* 2: raise in two threads at once */
static long fail_write_at;  /* 0: never */
static long fail_write_from;
static long syncs;          /* sync calls seen */
static long writes;         /* regular-file writes seen */
static const char *report;  /* SHIM_REPORT, or NULL */

static long env_long(const char *name)
{
	const char *s = getenv(name);
	return s ? atol(s) : 0;
}

static void write_report(void)
{
	FILE *f = report ? fopen(report, "a") : NULL;
	if (f) {
		fprintf(f, "syncs=%ld writes=%ld\n", syncs, writes);
		fclose(f);
	}
}

__attribute__((constructor)) static void shim_init(void)
{
	kill_at_sync = env_long("SHIM_KILL_AT_SYNC");
	hang_at_sync = env_long("SHIM_HANG_AT_SYNC");
	spin_at_sync = env_long("SHIM_SPIN_AT_SYNC");
	raise_at_sync = env_long("SHIM_RAISE_AT_SYNC");
	raise_sig = env_long("SHIM_RAISE");
	if (!raise_sig)
		raise_sig = SIGSEGV;
	raise_threads = env_long("SHIM_RAISE_THREADS");
	fail_write_at = env_long("SHIM_FAIL_WRITE_AT");
	fail_write_from = env_long("SHIM_FAIL_WRITE_FROM");
	report = getenv("SHIM_REPORT");
	if (report)
		atexit(write_report);
}

/* The real function NAME, looked up once. */
#define REAL(name)                                        \
	static __typeof__(&name) real_##name;             \
	if (!real_##name)                                 \
		real_##name = (__typeof__(&name))dlsym(RTLD_NEXT, #name)

static pthread_barrier_t together;
static char raiser_name[17];

static void *second_raiser(void *unused)
{
	(void)unused;
	prctl(PR_SET_NAME, raiser_name, 0, 0, 0);
	pthread_barrier_wait(&together);
	raise((int)raise_sig);
	return NULL;
}

/* Raise the signal in this thread, and with SHIM_RAISE_THREADS=2 in a
 * second one of the same name at the same moment (a barrier). */
static void raise_now(void)
{
	pthread_t t;
	if (raise_threads == 2 && pthread_barrier_init(&together, NULL, 2) == 0) {
		prctl(PR_GET_NAME, raiser_name, 0, 0, 0);
		if (pthread_create(&t, NULL, second_raiser, NULL) == 0)
			pthread_barrier_wait(&together);
	}
	raise((int)raise_sig);
}

static void count_sync(void)
{
	if (++syncs == kill_at_sync) {
		if (report) { /* say how far we got, then die like a crash */
			write_report();
		}
		raise(SIGKILL);
	}
	if (syncs == hang_at_sync)
		for (;;)
			pause();
	if (syncs == raise_at_sync)
		raise_now();
	if (syncs == spin_at_sync)
		for (volatile unsigned long spin = 0;; spin++)
			;
}

/* Non-zero when this write to FD is to be failed with ENOSPC. */
static int fail_write(int fd)
{
	struct stat st;
	if (fd <= 2 || fstat(fd, &st) != 0 || !S_ISREG(st.st_mode))
		return 0;
	writes++;
	if (writes == fail_write_at || (fail_write_from && writes >= fail_write_from)) {
		errno = ENOSPC;
		return 1;
	}
	return 0;
}

int fsync(int fd)
{
	REAL(fsync);
	count_sync();
	return real_fsync(fd);
}

int fdatasync(int fd)
{
	REAL(fdatasync);
	count_sync();
	return real_fdatasync(fd);
}

int sync_file_range(int fd, off64_t off, off64_t n, unsigned int flags)
{
	REAL(sync_file_range);
	count_sync();
	return real_sync_file_range(fd, off, n, flags);
}

int msync(void *addr, size_t len, int flags)
{
	REAL(msync);
	count_sync();
	return real_msync(addr, len, flags);
}

ssize_t write(int fd, const void *p, size_t n)
{
	REAL(write);
	return fail_write(fd) ? -1 : real_write(fd, p, n);
}

ssize_t pwrite(int fd, const void *p, size_t n, off_t off)
{
	REAL(pwrite);
	return fail_write(fd) ? -1 : real_pwrite(fd, p, n, off);
}

ssize_t pwrite64(int fd, const void *p, size_t n, off64_t off)
{
	REAL(pwrite64);
	return fail_write(fd) ? -1 : real_pwrite64(fd, p, n, off);
}

ssize_t writev(int fd, const struct iovec *v, int n)
{
	REAL(writev);
	return fail_write(fd) ? -1 : real_writev(fd, v, n);
}

ssize_t pwritev(int fd, const struct iovec *v, int n, off_t off)
{
	REAL(pwritev);
	return fail_write(fd) ? -1 : real_pwritev(fd, v, n, off);
}
