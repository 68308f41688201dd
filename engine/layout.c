/* layout.c — the index folder on disk: shard-0 … shard-N-1, each a Xapian
 * database, and a stub file XAPIANDB naming them ("auto shard-K" lines), so
 * a reader opens the folder as one database and Xapian combines the
 * shards.  The stub is written last, by rename, when the index is created
 * or re-sharded.
 *
 * A shard can be replaced whole (the indexer merges staged databases into
 * it): the new database is built beside it as shard-K.G, the next
 * generation, and a new stub naming it is renamed over the old one; that
 * rename is the moment of the change.  Whatever a crash leaves that the
 * stub does not name (shard-K.G, staging folders) is swept away by the
 * next writer, under the lock (lock.c).
 *
 * Callers: engine/index.c (opening), indexer/stage.c (staging paths and
 * swaps through index.h).
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
#include "engine.h"
#include "index.h"
#include "layout.h"

#define DEFAULT_SHARDS_MAX 4

unsigned layout_default_shards(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);
	return n < 1 ? 1 : n > DEFAULT_SHARDS_MAX ? DEFAULT_SHARDS_MAX : (unsigned)n;
}

void layout_in_folder(const docket_index *idx, const char *name, char *out,
                      size_t n)
{
	snprintf(out, n, "%s/%s", idx->path, name);
}

void layout_shard_name(unsigned k, unsigned gen, char *out, size_t n)
{
	if (gen)
		snprintf(out, n, "shard-%u.%u", k, gen);
	else
		snprintf(out, n, "shard-%u", k);
}

int layout_exists(const docket_index *idx, const char *name)
{
	char file[4096];
	layout_in_folder(idx, name, file, sizeof file);
	return access(file, F_OK) == 0;
}

/* Parse "auto shard-K" or "auto shard-K.G" (G > 0) for shard K. */
static int stub_line(const char *line, unsigned k, unsigned *gen)
{
	char want[64];
	int len = snprintf(want, sizeof want, "auto shard-%u", k);
	if (strncmp(line, want, (size_t)len) != 0)
		return 0;
	line += len;
	*gen = 0;
	if (*line == '.') {
		char *end;
		unsigned long g = strtoul(line + 1, &end, 10);
		if (end == line + 1 || g == 0 || g > 1000000000UL)
			return 0;
		*gen = (unsigned)g;
		line = end;
	}
	return strcmp(line, "\n") == 0;
}

/* How many shards the stub names (their generations into GENS); 0 if it is
 * not one we wrote. */
unsigned layout_read_stub(const docket_index *idx, unsigned gens[SHARDS_MAX])
{
	char file[4096], line[256];
	unsigned n = 0;
	layout_in_folder(idx, SHARD_STUB, file, sizeof file);
	FILE *f = fopen(file, "r");
	if (!f)
		return 0;
	while (fgets(line, sizeof line, f)) {
		if (n == SHARDS_MAX || !stub_line(line, n, &gens[n])) {
			n = 0;
			break;
		}
		n++;
	}
	fclose(f);
	return n;
}

/* fsync the folder PATH (a rename or unlink in it becomes durable). */
static int sync_dir(const char *path)
{
	int fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	int rc = fsync(fd);
	close(fd);
	return rc;
}

/* Replace the stub by one naming N shards at generations GENS (write,
 * sync, rename, sync the folder).  ERR gets the message on failure.  Once
 * the rename is done the change is made: *SYNCED (may be NULL) then says
 * whether the folder sync that makes it durable worked too. */
static int write_stub(const docket_index *idx, unsigned n, const unsigned *gens,
                      struct docket_error *err, int *synced)
{
	char file[4096], tmp[4200], name[64];
	layout_in_folder(idx, SHARD_STUB, file, sizeof file);
	snprintf(tmp, sizeof tmp, "%s.tmp", file);
	FILE *f = fopen(tmp, "w");
	int bad = !f;
	for (unsigned k = 0; !bad && k < n; k++) {
		layout_shard_name(k, gens ? gens[k] : 0, name, sizeof name);
		bad = fprintf(f, "auto %s\n", name) < 0;
	}
	if (f && (fflush(f) || fsync(fileno(f))))
		bad = 1;
	if (f && fclose(f))
		bad = 1;
	if (bad || rename(tmp, file) != 0) {
		return error_set(err, DOCKET_IO_ERROR, "%s: cannot write %s: %s",
		                 idx->path, SHARD_STUB, strerror(errno));
	}
	int ok = sync_dir(idx->path) == 0;
	if (synced)
		*synced = ok;
	return DOCKET_OK;
}

/* write_stub, with the message on IDX. */
int layout_write_stub(docket_index *idx, unsigned n)
{
	struct docket_error err;
	int rc = write_stub(idx, n, idx->gens, &err, NULL);
	return rc ? index_fail(idx, rc, "%s", err.msg) : DOCKET_OK;
}

static int remove_entry(const char *path, const struct stat *st, int flag,
                        struct FTW *ftw)
{
	(void)st, (void)flag, (void)ftw;
	return remove(path);
}

void index_remove_tree(const char *path)
{
	nftw(path, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
}

/* Is NAME "shard-<digits>" or "shard-<digits>.<anything>"? */
static int shard_like(const char *name)
{
	if (strncmp(name, "shard-", 6) != 0 || !(name[6] >= '0' && name[6] <= '9'))
		return 0;
	const char *p = name + 6;
	while (*p >= '0' && *p <= '9')
		p++;
	return *p == '\0' || *p == '.';
}

/* Remove every shard-like folder of the index that the stub does not name:
 * what a crash left of a merge (writer, under the lock). */
void layout_sweep(docket_index *idx)
{
	DIR *d = opendir(idx->path);
	if (!d)
		return;
	for (struct dirent *e; (e = readdir(d));) {
		if (!shard_like(e->d_name))
			continue;
		int named = 0;
		for (unsigned k = 0; k < idx->nshards && !named; k++) {
			char name[64];
			layout_shard_name(k, idx->gens[k], name, sizeof name);
			named = strcmp(name, e->d_name) == 0;
		}
		if (!named) {
			char path[4400];
			layout_in_folder(idx, e->d_name, path, sizeof path);
			index_remove_tree(path);
		}
	}
	closedir(d);
}

int index_can_swap(const docket_index *idx)
{
	return idx->writable && idx->gens != NULL;
}

void index_shard_path(docket_index *idx, unsigned k, char *out, size_t n)
{
	char name[64];
	pthread_mutex_lock(&idx->stub_mu);
	layout_shard_name(k, idx->gens[k], name, sizeof name);
	pthread_mutex_unlock(&idx->stub_mu);
	layout_in_folder(idx, name, out, n);
}

void index_next_path(docket_index *idx, unsigned k, char *out, size_t n)
{
	char name[64];
	pthread_mutex_lock(&idx->stub_mu);
	layout_shard_name(k, idx->gens[k] + 1, name, sizeof name);
	pthread_mutex_unlock(&idx->stub_mu);
	layout_in_folder(idx, name, out, n);
}

void index_stage_path(const docket_index *idx, unsigned k, unsigned n,
                      char *out, size_t len)
{
	char name[64];
	snprintf(name, sizeof name, "shard-%u.stage-%u", k, n);
	layout_in_folder(idx, name, out, len);
}

/* fsync every file in folder PATH, then the folder. */
static int sync_tree(const char *path)
{
	char file[4400];
	DIR *d = opendir(path);
	if (!d)
		return -1;
	int rc = 0;
	for (struct dirent *e; (e = readdir(d));) {
		if (e->d_name[0] == '.')
			continue;
		snprintf(file, sizeof file, "%s/%s", path, e->d_name);
		int fd = open(file, O_RDONLY | O_CLOEXEC);
		if (fd < 0 || fsync(fd) != 0)
			rc = -1;
		if (fd >= 0)
			close(fd);
	}
	closedir(d);
	return rc ? rc : sync_dir(path);
}

int index_swap_shard(docket_index *idx, unsigned k, struct docket_error *err)
{
	char old[4096], next[4096];
	index_shard_path(idx, k, old, sizeof old);
	index_next_path(idx, k, next, sizeof next);
	if (sync_tree(next) != 0) {
		return error_set(err, DOCKET_IO_ERROR, "%s: cannot sync: %s", next,
		                 strerror(errno));
	}
	int synced = 0;
	pthread_mutex_lock(&idx->stub_mu);
	idx->gens[k]++;
	int rc = write_stub(idx, idx->nshards, idx->gens, err, &synced);
	if (rc)
		idx->gens[k]--;
	pthread_mutex_unlock(&idx->stub_mu);
	if (rc)
		return rc;
	rc = xap_reopen_writer(idx->shards[k], next);
	if (rc)
		return error_set(err, rc, "%s", xap_error(idx->shards[k]));
	if (synced) /* else the old one stays until the next writer's sweep */
		index_remove_tree(old);
	return DOCKET_OK;
}

/* Remove what an interrupted creation left of shard folder NAME: Xapian's
 * own files only, then the folder if that emptied it. */
void layout_wipe_partial(const docket_index *idx, const char *name)
{
	char dir[4096], file[4400];
	layout_in_folder(idx, name, dir, sizeof dir);
	DIR *d = opendir(dir);
	if (!d)
		return;
	for (struct dirent *e; (e = readdir(d));) {
		size_t n = strlen(e->d_name);
		if (!strcmp(e->d_name, "iamglass") || !strcmp(e->d_name, "flintlock") ||
		    (n > 6 && !strcmp(e->d_name + n - 6, ".glass")) ||
		    (n > 4 && !strcmp(e->d_name + n - 4, ".tmp"))) {
			snprintf(file, sizeof file, "%s/%s", dir, e->d_name);
			unlink(file);
		}
	}
	closedir(d);
	rmdir(dir);
}
