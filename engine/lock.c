/* lock.c — the writer's lock.  A writer first takes flock(2) on
 * DIR/docket.lock, which covers the whole folder (creating, wiping and
 * opening shards happen under it; the kernel drops it when the process
 * dies), and writes its pid there so that a second writer can say who
 * holds it.  Each shard also has Xapian's own lock.  The lock file is
 * never opened through a symbolic link, nor used when it is a hard link
 * or not a plain file: it is truncated, and must not be someone else's.
 *
 * Caller: engine/index.c.
 */
#include <errno.h>
#include <fcntl.h>
#include <dirent.h>
#include <ftw.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../docket.h"
#include "index.h"
#include "lock.h"

#define LOCK_FILE "docket.lock"

/* The pid in the lock file open on FD, or 0 when it holds none (yet). */
static long lock_holder(int fd)
{
	char text[32];
	ssize_t n = pread(fd, text, sizeof text - 1, 0);
	if (n <= 0)
		return 0;
	text[n] = '\0';
	return strtol(text, NULL, 10);
}

int lock_refused(docket_index *idx, long pid)
{
	if (pid > 0)
		return index_fail(idx, DOCKET_LOCKED,
		                  "%s: index is locked by another writer (pid %ld)",
		                  idx->path, pid);
	return index_fail(idx, DOCKET_LOCKED,
	                  "%s: index is locked by another writer", idx->path);
}

/* Take the writer's lock on the index folder and record our pid in it. */
int lock_take(docket_index *idx)
{
	char file[4096], text[32];
	snprintf(file, sizeof file, "%s/%s", idx->path, LOCK_FILE);
	/* Never through a link: whoever can write the folder could otherwise
	 * have us truncate any file we can write. */
	int fd = open(file, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK, 0644);
	if (fd < 0 && errno == ELOOP)
		return index_fail(idx, DOCKET_IO_ERROR, "%s: %s is a symbolic link, not "
		                  "docket's lock: remove it", idx->path, LOCK_FILE);
	if (fd < 0 && error_is_fd_limit(errno)) {
		char limit[128];
		error_fd_text(errno, limit, sizeof limit);
		return index_fail(idx, DOCKET_IO_ERROR, "%s: %s", idx->path, limit);
	}
	if (fd < 0)
		return index_fail(idx, DOCKET_IO_ERROR, "%s: cannot create %s: %s",
		                  idx->path, LOCK_FILE, strerror(errno));
	struct stat st;
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_nlink != 1) {
		close(fd);
		return index_fail(idx, DOCKET_IO_ERROR, "%s: %s is not a plain file of "
		                  "its own (a link or a special file), not docket's lock: "
		                  "remove it", idx->path, LOCK_FILE);
	}
	if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
		int err = errno;
		long pid = lock_holder(fd);
		close(fd);
		if (err == EWOULDBLOCK)
			return lock_refused(idx, pid);
		return index_fail(idx, DOCKET_IO_ERROR, "%s: cannot lock %s: %s",
		                  idx->path, LOCK_FILE, strerror(err));
	}
	int n = snprintf(text, sizeof text, "%ld\n", (long)getpid());
	if (ftruncate(fd, 0) != 0 || pwrite(fd, text, (size_t)n, 0) != n) {
		/* the pid is only for messages; the lock is held */
	}
	idx->lock_fd = fd;
	return DOCKET_OK;
}

/* Let the lock go, leaving the file empty (no stale pid). */
void lock_drop(docket_index *idx)
{
	if (idx->lock_fd < 0)
		return;
	if (ftruncate(idx->lock_fd, 0) != 0) {
		/* only the pid would linger; the lock goes with close */
	}
	close(idx->lock_fd);
	idx->lock_fd = -1;
}
