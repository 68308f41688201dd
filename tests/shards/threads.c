/* threads.c — an LD_PRELOAD shim for tests/shards/t-parallel.sh: counts
 * the threads a process starts and, at exit, appends "threads=N" to the
 * file THREADS_REPORT names; with THREADS_FAIL set, every pthread_create
 * fails with EAGAIN instead.  Nothing here is part of libdocket. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <dlfcn.h>
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

static long started;

int pthread_create(pthread_t *t, const pthread_attr_t *attr,
                   void *(*fn)(void *), void *arg)
{
	static int (*real)(pthread_t *, const pthread_attr_t *,
	                   void *(*)(void *), void *);
	if (!real)
		*(void **)&real = dlsym(RTLD_NEXT, "pthread_create");
	if (getenv("THREADS_FAIL"))
		return EAGAIN;
	__atomic_add_fetch(&started, 1, __ATOMIC_RELAXED);
	return real(t, attr, fn, arg);
}

__attribute__((destructor)) static void report(void)
{
	const char *file = getenv("THREADS_REPORT");
	FILE *f = file ? fopen(file, "a") : NULL;
	if (f) {
		fprintf(f, "threads=%ld\n", started);
		fclose(f);
	}
}
