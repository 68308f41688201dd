/* evict.c — drop an index's files from the page cache, for cold queries.
 *
 *   evict DIR           fsync and posix_fadvise(DONTNEED) every file under DIR
 *   evict --drop DIR    sync and write 3 to /proc/sys/vm/drop_caches (the
 *                       whole machine's cache); falls back to the above and
 *                       says so on stderr when that is refused
 *   evict --check DIR   print how much of DIR is in the page cache:
 *                       "RESIDENT_BYTES TOTAL_BYTES" (mincore)
 *
 * DONTNEED only drops clean pages, hence the fsync first.  bench/run checks
 * with --check that eviction worked and reports the method it used.  The
 * query drivers run it before each cold query (driver.c evict_index).
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

typedef void (*file_fn)(const char *path, int fd, off_t size, void *ctx);

/* Call FN on every regular file under PATH (PATH itself may be a file). */
static void each_file(const char *path, file_fn fn, void *ctx)
{
	struct stat st;
	if (stat(path, &st) != 0)
		return;
	if (S_ISREG(st.st_mode)) {
		int fd = open(path, O_RDONLY);
		if (fd >= 0) {
			fn(path, fd, st.st_size, ctx);
			close(fd);
		}
		return;
	}
	DIR *d = S_ISDIR(st.st_mode) ? opendir(path) : NULL;
	if (!d)
		return;
	for (struct dirent *e; (e = readdir(d));) {
		char sub[4096];
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		snprintf(sub, sizeof sub, "%s/%s", path, e->d_name);
		each_file(sub, fn, ctx);
	}
	closedir(d);
}

static void drop_file(const char *path, int fd, off_t size, void *ctx)
{
	(void)path, (void)size, (void)ctx;
	fdatasync(fd);
	posix_fadvise(fd, 0, 0, POSIX_FADV_DONTNEED);
}

static void count_resident(const char *path, int fd, off_t size, void *ctx)
{
	long long *sums = ctx; /* [0] resident bytes, [1] total bytes */
	long page = sysconf(_SC_PAGESIZE);
	(void)path;
	sums[1] += size;
	if (size == 0)
		return;
	void *map = mmap(NULL, (size_t)size, PROT_READ, MAP_SHARED, fd, 0);
	if (map == MAP_FAILED)
		return;
	size_t pages = ((size_t)size + (size_t)page - 1) / (size_t)page;
	unsigned char *vec = malloc(pages);
	if (vec && mincore(map, (size_t)size, vec) == 0)
		for (size_t i = 0; i < pages; i++)
			if (vec[i] & 1)
				sums[0] += i + 1 < pages ? page : size - (off_t)(i * page);
	free(vec);
	munmap(map, (size_t)size);
}

/* Returns 0 when the kernel accepted the request. */
static int drop_all(void)
{
	sync();
	int fd = open("/proc/sys/vm/drop_caches", O_WRONLY);
	int ok = fd >= 0 && write(fd, "3\n", 2) == 2;
	if (fd >= 0)
		ok = close(fd) == 0 && ok;
	return ok ? 0 : -1;
}

int main(int argc, char **argv)
{
	if (argc == 3 && strcmp(argv[1], "--check") == 0) {
		long long sums[2] = {0, 0};
		each_file(argv[2], count_resident, sums);
		printf("%lld %lld\n", sums[0], sums[1]);
		return 0;
	}
	if (argc == 3 && strcmp(argv[1], "--drop") == 0) {
		if (drop_all() == 0)
			return 0;
		fprintf(stderr, "evict: drop_caches refused; using fadvise\n");
		each_file(argv[2], drop_file, NULL);
		return 0;
	}
	if (argc == 2 && argv[1][0] != '-') {
		each_file(argv[1], drop_file, NULL);
		return 0;
	}
	fprintf(stderr, "usage: evict [--drop | --check] DIR\n");
	return 2;
}
