/* stall.c — `docket index` ends a run that is stuck spinning, with one
 * line, when nobody is there to stop it.
 *
 * Xapian 1.4.22 can spin for ever in a commit over a damaged shard (100%
 * CPU, the writer lock held).  A stop signal gets cmd-index.c's grace; a
 * run started by cron or a sync script gets no signal and would hold the
 * lock for ever.  So a watchdog thread samples, once a second, every other
 * thread of the process: its user CPU time (/proc/self/task/TID/stat) and
 * the bytes it has read and written (/proc/self/task/TID/io, rchar and
 * wchar, which count reads served from the page cache too).  A thread
 * that has been on the CPU in user space for 90% of STALL_S seconds
 * without reading or writing a byte is spinning: a commit reads and writes
 * blocks as it goes, parsing reads its file, and the walk spends its time
 * in the kernel.  Measured with DOCKET_STALL_REPORT (below), the most
 * user CPU a thread spent without its I/O moving: 0.26 s over a first bulk
 * load of 20,000 generated articles (105 s), 0.09 s over a rerun with
 * 2,000 of them changed, nothing over one 17 MB article of 40,000
 * paragraphs (13 s); the default of 60 s is far from all three, under
 * ASan's or valgrind's slowdown too.
 *
 * Then the run ends as the stop grace ends it: the commit in progress is
 * lost and the index is as of the one before (the crash tests kill at
 * every sync and lose nothing committed), exit 2, one line naming the
 * index and the shard (the library names its worker threads
 * DOCKET_SHARD_THREAD "K", docket.h).  DOCKET_STALL_S=N sets the seconds (0: no watchdog);
 * DOCKET_STALL_REPORT=FILE appends "longest-user-cpu-without-io=S" at
 * exit, for measuring.  When /proc cannot be read the watchdog is off.
 */
#include <dirent.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"

enum { STALL_DEFAULT_S = 60, MAX_TASKS = 256 };

/* What the watchdog last saw of one thread. */
struct task {
	pid_t tid;
	unsigned long long io;  /* rchar + wchar */
	double cpu;             /* user CPU seconds */
	double io_at;           /* wall seconds when IO last changed */
	double cpu_at_io;       /* CPU then */
	int seen;               /* in the latest sample */
};

static struct {
	char index[900];
	double stall_s;
	pid_t self;             /* the watchdog's own thread */
	struct task t[MAX_TASKS];
	size_t n;
	double longest;         /* user CPU without I/O, the most seen */
	const char *report;
} w;

static double now_s(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Read /proc/self/task/TID/NAME into BUF (NUL-terminated); its length, or
 * -1. */
static ssize_t read_task_file(pid_t tid, const char *name, char *buf, size_t n)
{
	char path[64];
	snprintf(path, sizeof path, "/proc/self/task/%d/%s", (int)tid, name);
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	ssize_t k = read(fd, buf, n - 1);
	close(fd);
	if (k >= 0)
		buf[k] = '\0';
	return k;
}

/* Thread TID's user CPU seconds and rchar + wchar; -1 when unreadable. */
static int sample_task(pid_t tid, double *cpu, unsigned long long *io)
{
	char buf[1024];
	if (read_task_file(tid, "stat", buf, sizeof buf) <= 0)
		return -1;
	const char *p = strrchr(buf, ')'); /* the name may hold spaces */
	unsigned long long utime = 0;
	if (!p || sscanf(p + 2, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %llu",
	                 &utime) != 1)
		return -1;
	*cpu = (double)utime / (double)sysconf(_SC_CLK_TCK);
	if (read_task_file(tid, "io", buf, sizeof buf) <= 0)
		return -1;
	unsigned long long r = 0, wr = 0;
	const char *rc = strstr(buf, "rchar:"), *wc = strstr(buf, "wchar:");
	if (!rc || !wc || sscanf(rc + 6, "%llu", &r) != 1 || sscanf(wc + 6, "%llu", &wr) != 1)
		return -1;
	*io = r + wr;
	return 0;
}

/* The entry for TID, a new one when it is new (NULL when the table is
 * full); *FRESH says which. */
static struct task *task_get(pid_t tid, int *fresh)
{
	*fresh = 0;
	for (size_t i = 0; i < w.n; i++)
		if (w.t[i].tid == tid)
			return &w.t[i];
	if (w.n == MAX_TASKS)
		return NULL;
	*fresh = 1;
	w.t[w.n].tid = tid;
	return &w.t[w.n++];
}

/* End the run: thread TID has spun without I/O.  Only write(2) and
 * _exit(2) after the line is made: the process is in an unknown state. */
static void give_up(pid_t tid)
{
	char comm[64] = "", shard[48] = "", line[1400];
	unsigned k;
	if (read_task_file(tid, "comm", comm, sizeof comm) > 0 &&
	    sscanf(comm, DOCKET_SHARD_THREAD "%u", &k) == 1)
		snprintf(shard, sizeof shard, " (shard %u)", k);
	int n = snprintf(line, sizeof line,
	                 "docket: %s%s: busy %.0f s on the CPU without reading or "
	                 "writing anything, as a commit spinning over a damaged "
	                 "shard is: stopped without the commit in progress (the "
	                 "index is as of the one before); run 'docket check "
	                 "--index %s'\n", w.index, shard, w.stall_s, w.index);
	ssize_t r = write(STDERR_FILENO, line, n < 0 ? 0 : (size_t)n < sizeof line
	                                                    ? (size_t)n : sizeof line - 1);
	(void)r;
	_exit(EXIT_TROUBLE);
}

/* Look at thread TID once, at wall time NOW; give up when it spins. */
static void watch_task(pid_t tid, double now)
{
	double cpu;
	unsigned long long io;
	int fresh;
	struct task *t;
	if (sample_task(tid, &cpu, &io) || !(t = task_get(tid, &fresh)))
		return;
	t->seen = 1;
	if (fresh || io != t->io) {
		t->io = io;
		t->io_at = now;
		t->cpu_at_io = cpu;
	}
	t->cpu = cpu;
	double busy = cpu - t->cpu_at_io;
	if (busy > w.longest)
		w.longest = busy;
	if (now - t->io_at >= w.stall_s && busy >= 0.9 * w.stall_s)
		give_up(tid);
}

/* One sample of every thread but the watchdog; forgets threads gone. */
static void sample_all(void)
{
	DIR *d = opendir("/proc/self/task");
	struct dirent *e;
	double now = now_s();
	if (!d)
		return;
	for (size_t i = 0; i < w.n; i++)
		w.t[i].seen = 0;
	while ((e = readdir(d)))
		if (e->d_name[0] != '.' && atoi(e->d_name) != w.self)
			watch_task((pid_t)atoi(e->d_name), now);
	closedir(d);
	size_t k = 0;
	for (size_t i = 0; i < w.n; i++)
		if (w.t[i].seen)
			w.t[k++] = w.t[i];
	w.n = k;
}

static void *watch(void *arg)
{
	(void)arg;
	w.self = (pid_t)syscall(SYS_gettid);
	for (;;) {
		sleep(1);
		sample_all();
	}
	return NULL;
}

static void write_report(void)
{
	FILE *f = fopen(w.report, "a");
	if (f) {
		fprintf(f, "longest-user-cpu-without-io=%.2f\n", w.longest);
		fclose(f);
	}
}

void stall_guard_start(const char *index)
{
	const char *s = getenv("DOCKET_STALL_S");
	w.stall_s = s && *s ? atof(s) : STALL_DEFAULT_S;
	if (w.stall_s <= 0 || access("/proc/self/task", R_OK) != 0)
		return;
	snprintf(w.index, sizeof w.index, "%s", index);
	if ((w.report = getenv("DOCKET_STALL_REPORT")) && *w.report)
		atexit(write_report);
	sigset_t all, old;
	sigfillset(&all);
	pthread_sigmask(SIG_SETMASK, &all, &old); /* signals stay the main thread's */
	pthread_t t;
	if (pthread_create(&t, NULL, watch, NULL) == 0)
		pthread_detach(t);
	pthread_sigmask(SIG_SETMASK, &old, NULL);
}
