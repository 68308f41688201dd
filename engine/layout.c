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
		/* only as write_stub writes it: digits, no sign, space or leading
		 * 0 (Xapian would open "shard-1.05", docket "shard-1.5") */
		if (line[1] < '1' || line[1] > '9')
			return 0;
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
		return 0; /* errno says why */
	while (fgets(line, sizeof line, f)) {
		if (n == SHARDS_MAX || !stub_line(line, n, &gens[n])) {
			n = 0;
			break;
		}
		n++;
	}
	fclose(f);
	errno = 0;
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
	/* A fresh file of our own, never through a planted link. */
	if (unlink(tmp) != 0 && errno != ENOENT)
		return error_set(err, DOCKET_IO_ERROR, "%s: cannot remove %s.tmp: %s",
		                 idx->path, SHARD_STUB, strerror(errno));
	int fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
	FILE *f = fd < 0 ? NULL : fdopen(fd, "w");
	if (fd >= 0 && !f)
		close(fd);
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

/* Is NAME one of the files Xapian keeps in a glass database folder
 * (iamglass, flintlock, TABLE.glass, and the .tmp files of a commit or a
 * compaction in progress), or docket's facet columns and copy marks
 * beside them (engine/columns.cc, engine/marks.cc), which go with the
 * database? */
static int xapian_file(const char *name)
{
	size_t n = strlen(name);
	return !strcmp(name, "iamglass") || !strcmp(name, "flintlock") ||
	       !strcmp(name, COLUMNS_FILE) || !strcmp(name, MARKS_FILE) ||
	       (n > 6 && !strcmp(name + n - 6, ".glass")) ||
	       strstr(name, ".tmp") != NULL;
}

/* Does the folder PATH hold Xapian's files and nothing else?  *GLASS says
 * whether iamglass is among them.  0 when PATH is not a folder (a symbolic
 * link is not) or cannot be read. */
static int only_xapian_files(const char *path, int *glass)
{
	struct stat st;
	*glass = 0;
	if (lstat(path, &st) != 0 || !S_ISDIR(st.st_mode))
		return 0;
	DIR *d = opendir(path);
	if (!d)
		return 0;
	int only = 1;
	for (struct dirent *e; only && (e = readdir(d));) {
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		only = xapian_file(e->d_name);
		*glass |= !strcmp(e->d_name, "iamglass");
	}
	closedir(d);
	return only;
}

int layout_ours(const char *path)
{
	int glass;
	if (!only_xapian_files(path, &glass))
		return 0;
	if (!glass)
		return 1; /* Xapian's table files only: a creation cut short */
	enum xap_kind k = xap_kind_of(path);
	return k == XAP_KIND_DOCKET || k == XAP_KIND_EMPTY || k == XAP_KIND_NONE;
}

/* Remove the database folder PATH if it is docket's (layout_ours): its
 * Xapian files, then the folder.  Anything else is left as it is. */
void index_remove_tree(const char *path)
{
	char file[4400];
	if (!layout_ours(path))
		return;
	DIR *d = opendir(path);
	if (!d)
		return;
	for (struct dirent *e; (e = readdir(d));) {
		if (!xapian_file(e->d_name))
			continue;
		snprintf(file, sizeof file, "%s/%s", path, e->d_name);
		unlink(file);
	}
	closedir(d);
	rmdir(path);
}

int index_clear_path(const char *path, struct docket_error *err)
{
	struct stat st;
	if (lstat(path, &st) != 0)
		return DOCKET_OK;
	if (!layout_ours(path))
		return error_set(err, DOCKET_IO_ERROR,
		                 "%s is in the way and is not docket's: move it away",
		                 path);
	index_remove_tree(path);
	return DOCKET_OK;
}

int layout_shard_like(const char *name, unsigned *k, unsigned *gen)
{
	if (strncmp(name, "shard-", 6) != 0 || !(name[6] >= '0' && name[6] <= '9'))
		return 0;
	char *end;
	unsigned long kk = strtoul(name + 6, &end, 10), g = 0;
	if (*end == '.' && end[1] >= '1' && end[1] <= '9')
		g = strtoul(end + 1, &end, 10);
	if (*end == '\0' && kk < SHARDS_MAX && g <= 1000000000UL) {
		*k = (unsigned)kk;
		*gen = (unsigned)g;
		return 1;
	}
	return -1;
}

/* Remove every database folder of docket's (by content) with a shard's
 * name that the stub does not name: what a crash left of a merge or a
 * staging run (writer, under the lock).  A user's file or folder named
 * like a shard is never touched. */
void layout_sweep(docket_index *idx)
{
	DIR *d = opendir(idx->path);
	if (!d)
		return;
	for (struct dirent *e; (e = readdir(d));) {
		unsigned k, gen;
		if (!layout_shard_like(e->d_name, &k, &gen))
			continue;
		int named = 0;
		for (unsigned j = 0; j < idx->nshards && !named; j++) {
			char name[64];
			layout_shard_name(j, idx->gens[j], name, sizeof name);
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

/* The newest generation of shard K found in the folder that is a docket
 * shard by content into *GEN; 0 when there is none. */
static int newest_shard(const docket_index *idx, unsigned k, unsigned *gen)
{
	DIR *d = opendir(idx->path);
	int found = 0;
	if (!d)
		return 0;
	for (struct dirent *e; (e = readdir(d));) {
		unsigned kk, g;
		char path[4400];
		if (layout_shard_like(e->d_name, &kk, &g) != 1 || kk != k ||
		    (found && g <= *gen))
			continue;
		layout_in_folder(idx, e->d_name, path, sizeof path);
		if (xap_kind_of(path) == XAP_KIND_DOCKET) {
			*gen = g;
			found = 1;
		}
	}
	closedir(d);
	return found;
}

unsigned layout_find_shards(const docket_index *idx, unsigned gens[SHARDS_MAX])
{
	unsigned n = 0;
	for (unsigned k = 0; k < SHARDS_MAX; k++) {
		gens[k] = 0;
		if (newest_shard(idx, k, &gens[k]))
			n = k + 1;
	}
	return n;
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

/* The generation shard K's next database takes: the first after the
 * current one whose folder is free or docket's (a user's folder of that
 * name is stepped over, never overwritten).  Caller holds STUB_MU. */
static unsigned next_gen(const docket_index *idx, unsigned k)
{
	unsigned g = idx->gens[k] + 1;
	for (;; g++) {
		char name[64], path[4400];
		struct stat st;
		layout_shard_name(k, g, name, sizeof name);
		layout_in_folder(idx, name, path, sizeof path);
		if (lstat(path, &st) != 0 || layout_ours(path))
			return g;
	}
}

void index_next_path(docket_index *idx, unsigned k, char *out, size_t n)
{
	char name[64];
	pthread_mutex_lock(&idx->stub_mu);
	layout_shard_name(k, next_gen(idx, k), name, sizeof name);
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
	unsigned was = idx->gens[k];
	idx->gens[k] = next_gen(idx, k);
	int rc = write_stub(idx, idx->nshards, idx->gens, err, &synced);
	if (rc)
		idx->gens[k] = was;
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

/* Remove what an interrupted creation left of shard folder NAME, if it
 * is docket's by content (layout_ours). */
void layout_wipe_partial(const docket_index *idx, const char *name)
{
	char dir[4096];
	layout_in_folder(idx, name, dir, sizeof dir);
	index_remove_tree(dir);
}
