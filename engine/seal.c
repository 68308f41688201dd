/* seal.c — docket.seal (seal.h).
 *
 * Xapian 1.4.22 writing over a damaged shard can corrupt its own heap or
 * spin in a commit (issue 15), and glass blocks carry no checksum, so the
 * only sure defence is Xapian's check of the shard before writing to it.
 * That check costs about 0.3 s of CPU per 1,000 articles, every run, which
 * an unchanged index must not pay.  So each run that ends with every
 * commit made seals the shards: for each, a hash of its Xapian files'
 * names, sizes, inodes, modification and change times (nanoseconds), in
 * docket.seal.  The next writer checks a shard only when its files no
 * longer hash so: a crash, a run cut short, another program writing
 * there, damage planted in a file, or an index from before the seal.
 * flintlock is left out: every writer's open touches it.  Damage that
 * leaves a file's times alone (a failing disk) is not seen here; `docket
 * check` reads every block.
 *
 * The file: "docket seal 1", then one "NAME HEX" line per shard; written
 * to docket.seal.tmp (a fresh file, never through a link) and renamed,
 * and left untouched when it would not change (an unchanged rerun
 * rewrites nothing in the index).  A seal that is a link is not read.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xxhash.h>

#include "engine.h"
#include "layout.h"
#include "seal.h"

#define SEAL_HEADER "docket seal 1"

void seal_shard_name(docket_index *idx, unsigned k, char *out, size_t n)
{
	if (!index_can_swap(idx)) {
		snprintf(out, n, ".");
		return;
	}
	pthread_mutex_lock(&idx->stub_mu);
	layout_shard_name(k, idx->gens[k], out, n);
	pthread_mutex_unlock(&idx->stub_mu);
}

/* Does NAME count in a shard's hash: its tables and iamglass. */
static int sealed_file(const char *name)
{
	size_t n = strlen(name);
	return !strcmp(name, "iamglass") || (n > 6 && !strcmp(name + n - 6, ".glass"));
}

/* Add file NAME of the folder DIR to the hash ST.  Returns 0, or -1 when
 * it cannot be seen. */
static int hash_file(XXH3_state_t *st, const char *dir, const char *name)
{
	char path[4400];
	struct stat s;
	snprintf(path, sizeof path, "%s/%s", dir, name);
	if (lstat(path, &s) != 0)
		return -1;
	long long v[7] = {(long long)s.st_size, (long long)s.st_ino,
	                  (long long)s.st_mtim.tv_sec, s.st_mtim.tv_nsec,
	                  (long long)s.st_ctim.tv_sec, s.st_ctim.tv_nsec,
	                  (long long)s.st_mode};
	XXH3_64bits_update(st, name, strlen(name) + 1);
	XXH3_64bits_update(st, v, sizeof v);
	return 0;
}

/* The hash of the shard folder DIR's files, in name order, into *OUT.
 * Returns 0, or -1 when the folder cannot be read. */
static int shard_hash(const char *dir, unsigned long long *out)
{
	struct dirent **names = NULL;
	int n = scandir(dir, &names, NULL, alphasort), bad = n < 0;
	XXH3_state_t *st = bad ? NULL : XXH3_createState();
	bad |= !st || XXH3_64bits_reset(st) != XXH_OK;
	for (int i = 0; i < n; i++) {
		if (!bad && sealed_file(names[i]->d_name))
			bad = hash_file(st, dir, names[i]->d_name) != 0;
		free(names[i]);
	}
	free(names);
	if (!bad)
		*out = (unsigned long long)XXH3_64bits_digest(st);
	XXH3_freeState(st);
	return bad ? -1 : 0;
}

/* The hash of IDX's shard K, and its name into NAME[0..N). */
static int hash_of(docket_index *idx, unsigned k, char *name, size_t n,
                   unsigned long long *h)
{
	char dir[4400];
	seal_shard_name(idx, k, name, n);
	layout_in_folder(idx, name, dir, sizeof dir);
	return shard_hash(dir, h);
}

int seal_matches(docket_index *idx, unsigned k)
{
	char name[64], file[4400], line[200], want[100];
	unsigned long long h;
	if (hash_of(idx, k, name, sizeof name, &h))
		return 0;
	snprintf(want, sizeof want, "%s %016llx\n", name, h);
	layout_in_folder(idx, SEAL_FILE, file, sizeof file);
	int fd = open(file, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
	FILE *f = fd < 0 ? NULL : fdopen(fd, "r");
	if (!f) {
		if (fd >= 0)
			close(fd);
		return 0;
	}
	int found = 0, first = 1;
	while (!found && fgets(line, sizeof line, f)) {
		if (first && strcmp(line, SEAL_HEADER "\n") != 0)
			break;
		found = !first && !strcmp(line, want);
		first = 0;
	}
	fclose(f);
	return found;
}

int seal_verify(docket_index *idx, unsigned k, int *checked)
{
	char name[64], dir[4400];
	struct docket_error err = {0, ""};
	size_t errors = 0;
	size_t docs = 0;
	*checked = 0;
	/* a new shard, empty, holds nothing to check (the first run's) */
	if (seal_matches(idx, k) || (!xap_doc_count(idx->shards[k], &docs) && !docs))
		return DOCKET_OK;
	*checked = 1;
	seal_shard_name(idx, k, name, sizeof name);
	layout_in_folder(idx, name, dir, sizeof dir);
	int rc = xap_check(dir, &errors, &err);
	if (!rc && !errors)
		return DOCKET_OK;
	return index_fail(idx, DOCKET_CORRUPT, "%s: %s is damaged (Xapian's check: %s): "
	                  "nothing was written; run 'docket check --index %s'",
	                  idx->path, name, *err.msg ? err.msg : "errors found", idx->path);
}

/* Whether the file PATH holds exactly TEXT[0..N). */
static int holds(const char *path, const char *text, size_t n)
{
	char have[4096];
	int fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0)
		return 0;
	ssize_t k = read(fd, have, sizeof have);
	close(fd);
	return k >= 0 && (size_t)k == n && memcmp(have, text, n) == 0;
}

int seal_write(docket_index *idx)
{
	char file[4400], tmp[4500], name[64], text[4096];
	size_t n = (size_t)snprintf(text, sizeof text, SEAL_HEADER "\n");
	for (unsigned k = 0; k < idx->nshards && n < sizeof text; k++) {
		unsigned long long h;
		if (hash_of(idx, k, name, sizeof name, &h))
			return index_fail(idx, DOCKET_IO_ERROR, "%s: cannot read %s to seal it",
			                  idx->path, name);
		n += (size_t)snprintf(text + n, sizeof text - n, "%s %016llx\n", name, h);
	}
	layout_in_folder(idx, SEAL_FILE, file, sizeof file);
	if (n >= sizeof text || holds(file, text, n))
		return DOCKET_OK; /* an unchanged index is left untouched */
	snprintf(tmp, sizeof tmp, "%s.tmp", file);
	if (unlink(tmp) != 0 && errno != ENOENT)
		return index_fail(idx, DOCKET_IO_ERROR, "%s: cannot remove %s.tmp: %s",
		                  idx->path, SEAL_FILE, strerror(errno));
	int fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
	int bad = fd < 0 || write(fd, text, n) != (ssize_t)n;
	if (fd >= 0 && close(fd))
		bad = 1;
	if (bad || rename(tmp, file) != 0) {
		int err = errno;
		unlink(tmp);
		return index_fail(idx, DOCKET_IO_ERROR, "%s: cannot write %s: %s",
		                  idx->path, SEAL_FILE, strerror(err));
	}
	return DOCKET_OK;
}
