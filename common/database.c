/* database.c — the index handle: opening, closing, the last error, the
 * stemming language, the shard layout, counts (docket_index_* in docket.h).
 *
 * An index folder holds shard-0 … shard-N-1, each a Xapian database, and a
 * stub file XAPIANDB naming them ("auto shard-K" lines), so a reader opens
 * the folder as one database and Xapian combines the shards.  A writer
 * opens every shard; the stub is written last, by rename, when the index
 * is created or re-sharded.  (A folder that is itself one Xapian database
 * is opened as a single shard.)  Every shard records the schema version and
 * language in its metadata.
 *
 * A shard can be replaced whole (the indexer merges staged databases into
 * it): the new database is built beside it as shard-K.G, the next
 * generation, and a new stub naming it is renamed over the old one; that
 * rename is the moment of the change.  Whatever a crash leaves that the
 * stub does not name (shard-K.G, staging folders) is swept away by the
 * next writer, under the lock.
 *
 * A writer first takes flock(2) on DIR/docket.lock, which covers the whole
 * folder (creating, wiping and opening shards happen under it; the kernel
 * drops it when the process dies), and writes its pid there so that a
 * second writer can say who holds it.  Each shard also has Xapian's own
 * lock.
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
#include "schema.h"
#include "stem.h"
#include "xapian.h"

#define DEFAULT_LANG "english"
#define DEFAULT_SHARDS_MAX 4
#define LOCK_FILE "docket.lock"
#define OPEN_RETRIES 4 /* reopening a sharded folder caught mid-swap */

int index_fail(docket_index *idx, int status, const char *fmt, ...)
{
	va_list ap;
	int rc = 0;
	char msg[2048];
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	buf_reset(&idx->error);
	buf_puts(&rc, &idx->error, msg);
	return status;
}

int index_engine_fail(docket_index *idx, int status)
{
	if (status == DOCKET_OK)
		return status;
	return index_fail(idx, status, "%s", xap_error(idx->db));
}

void index_clear_error(docket_index *idx)
{
	buf_reset(&idx->error);
}

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

static int locked(docket_index *idx, long pid)
{
	if (pid > 0)
		return index_fail(idx, DOCKET_LOCKED,
		                  "%s: index is locked by another writer (pid %ld)",
		                  idx->path, pid);
	return index_fail(idx, DOCKET_LOCKED,
	                  "%s: index is locked by another writer", idx->path);
}

/* Take the writer's lock on the index folder and record our pid in it. */
static int take_lock(docket_index *idx)
{
	char file[4096], text[32];
	snprintf(file, sizeof file, "%s/%s", idx->path, LOCK_FILE);
	int fd = open(file, O_RDWR | O_CREAT | O_CLOEXEC, 0644);
	if (fd < 0)
		return index_fail(idx, DOCKET_IO_ERROR, "%s: cannot create %s: %s",
		                  idx->path, LOCK_FILE, strerror(errno));
	if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
		int err = errno;
		long pid = lock_holder(fd);
		close(fd);
		if (err == EWOULDBLOCK)
			return locked(idx, pid);
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
static void drop_lock(docket_index *idx)
{
	if (idx->lock_fd < 0)
		return;
	if (ftruncate(idx->lock_fd, 0) != 0) {
		/* only the pid would linger; the lock goes with close */
	}
	close(idx->lock_fd);
	idx->lock_fd = -1;
}

static int use_language(docket_index *idx, const char *lang)
{
	struct stemmer *st = stem_new(lang);
	if (!st)
		return index_fail(idx, DOCKET_BAD_ARGUMENT,
		                  "unknown stemming language '%s'", lang);
	stem_free(idx->stem);
	idx->stem = st;
	snprintf(idx->lang, sizeof idx->lang, "%s", lang);
	return DOCKET_OK;
}

/* Record the schema version and language in a shard that lacks them. */
static int init_shard(struct xap_db *db, const char *lang)
{
	buf v = BUF_INIT;
	int rc = xap_get_metadata(db, META_SCHEMA, &v);
	if (!rc && !v.n) {
		rc = xap_set_metadata(db, META_SCHEMA, SCHEMA_VERSION,
		                      strlen(SCHEMA_VERSION));
		if (!rc)
			rc = xap_set_metadata(db, META_LANG, lang, strlen(lang));
		if (!rc)
			rc = xap_commit(db);
	}
	buf_free(&v);
	return rc;
}

/* Check the schema version and take the language of the first shard; a
 * writer first records them in any shard that lacks them. */
static int load_settings(docket_index *idx)
{
	buf v = BUF_INIT;
	int rc = 0;
	for (unsigned k = 0; !rc && k < idx->nshards; k++)
		rc = index_engine_fail(idx, init_shard(idx->shards[k], DEFAULT_LANG));
	if (!rc)
		rc = index_engine_fail(idx, xap_get_metadata(idx->db, META_SCHEMA, &v));
	if (!rc && v.n && strcmp(v.p, SCHEMA_VERSION) != 0)
		rc = index_fail(idx, DOCKET_CORRUPT,
		                "%s: index schema version %s; this docket reads %s: "
		                "rebuild it (remove the folder, run 'docket index' again)",
		                idx->path, v.p, SCHEMA_VERSION);
	if (!rc)
		rc = index_engine_fail(idx, xap_get_metadata(idx->db, META_LANG, &v));
	if (!rc)
		rc = use_language(idx, v.n ? v.p : DEFAULT_LANG);
	buf_free(&v);
	return rc;
}

static unsigned default_shards(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);
	return n < 1 ? 1 : n > DEFAULT_SHARDS_MAX ? DEFAULT_SHARDS_MAX : (unsigned)n;
}

static void in_folder(const docket_index *idx, const char *name, char *out,
                      size_t n)
{
	snprintf(out, n, "%s/%s", idx->path, name);
}

static void shard_name(unsigned k, unsigned gen, char *out, size_t n)
{
	if (gen)
		snprintf(out, n, "shard-%u.%u", k, gen);
	else
		snprintf(out, n, "shard-%u", k);
}

static int exists(const docket_index *idx, const char *name)
{
	char file[4096];
	in_folder(idx, name, file, sizeof file);
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
static unsigned read_stub(const docket_index *idx, unsigned gens[SHARDS_MAX])
{
	char file[4096], line[256];
	unsigned n = 0;
	in_folder(idx, SHARD_STUB, file, sizeof file);
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
                      char *err, size_t errlen, int *synced)
{
	char file[4096], tmp[4200], name[64];
	in_folder(idx, SHARD_STUB, file, sizeof file);
	snprintf(tmp, sizeof tmp, "%s.tmp", file);
	FILE *f = fopen(tmp, "w");
	int bad = !f;
	for (unsigned k = 0; !bad && k < n; k++) {
		shard_name(k, gens ? gens[k] : 0, name, sizeof name);
		bad = fprintf(f, "auto %s\n", name) < 0;
	}
	if (f && (fflush(f) || fsync(fileno(f))))
		bad = 1;
	if (f && fclose(f))
		bad = 1;
	if (bad || rename(tmp, file) != 0) {
		snprintf(err, errlen, "%s: cannot write %s: %s", idx->path,
		         SHARD_STUB, strerror(errno));
		return DOCKET_IO_ERROR;
	}
	int ok = sync_dir(idx->path) == 0;
	if (synced)
		*synced = ok;
	return DOCKET_OK;
}

/* write_stub, with the message on IDX. */
static int write_stub_or_fail(docket_index *idx, unsigned n)
{
	char err[1024];
	int rc = write_stub(idx, n, idx->gens, err, sizeof err, NULL);
	return rc ? index_fail(idx, rc, "%s", err) : DOCKET_OK;
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
static void sweep(docket_index *idx)
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
			shard_name(k, idx->gens[k], name, sizeof name);
			named = strcmp(name, e->d_name) == 0;
		}
		if (!named) {
			char path[4400];
			in_folder(idx, e->d_name, path, sizeof path);
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
	shard_name(k, idx->gens[k], name, sizeof name);
	pthread_mutex_unlock(&idx->stub_mu);
	in_folder(idx, name, out, n);
}

void index_next_path(docket_index *idx, unsigned k, char *out, size_t n)
{
	char name[64];
	pthread_mutex_lock(&idx->stub_mu);
	shard_name(k, idx->gens[k] + 1, name, sizeof name);
	pthread_mutex_unlock(&idx->stub_mu);
	in_folder(idx, name, out, n);
}

void index_stage_path(const docket_index *idx, unsigned k, unsigned n,
                      char *out, size_t len)
{
	char name[64];
	snprintf(name, sizeof name, "shard-%u.stage-%u", k, n);
	in_folder(idx, name, out, len);
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

int index_swap_shard(docket_index *idx, unsigned k, char *err, size_t errlen)
{
	char old[4096], next[4096];
	index_shard_path(idx, k, old, sizeof old);
	index_next_path(idx, k, next, sizeof next);
	if (sync_tree(next) != 0) {
		snprintf(err, errlen, "%s: cannot sync: %s", next, strerror(errno));
		return DOCKET_IO_ERROR;
	}
	int synced = 0;
	pthread_mutex_lock(&idx->stub_mu);
	idx->gens[k]++;
	int rc = write_stub(idx, idx->nshards, idx->gens, err, errlen, &synced);
	if (rc)
		idx->gens[k]--;
	pthread_mutex_unlock(&idx->stub_mu);
	if (rc)
		return rc;
	rc = xap_reopen_writer(idx->shards[k], next);
	if (rc) {
		snprintf(err, errlen, "%s", xap_error(idx->shards[k]));
		return rc;
	}
	if (synced) /* else the old one stays until the next writer's sweep */
		index_remove_tree(old);
	return DOCKET_OK;
}

/* Remove what an interrupted creation left of shard folder NAME: Xapian's
 * own files only, then the folder if that emptied it. */
static void wipe_partial(const docket_index *idx, const char *name)
{
	char dir[4096], file[4400];
	in_folder(idx, name, dir, sizeof dir);
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

/* Open (creating) shards [FROM, TO) for writing. */
static int open_shards(docket_index *idx, unsigned from, unsigned to)
{
	struct xap_db **s = realloc(idx->shards, to * sizeof *s);
	if (!s)
		return index_fail(idx, DOCKET_NO_MEMORY, "out of memory");
	idx->shards = s;
	for (unsigned k = from; k < to; k++) {
		char name[64], path[4096];
		shard_name(k, idx->gens[k], name, sizeof name);
		in_folder(idx, name, path, sizeof path);
		int rc = xap_open(path, 1, &s[k]);
		idx->nshards = k + 1;
		if (k == 0)
			idx->db = s[0];
		if (rc == DOCKET_LOCKED)
			return locked(idx, 0);
		if (rc)
			return index_fail(idx, rc, "%s: %s", idx->path, xap_error(s[k]));
	}
	return DOCKET_OK;
}

/* Open the index folder for writing, creating it (and its shards) when
 * missing. */
static int open_writer(docket_index *idx)
{
	if (mkdir(idx->path, 0777) != 0 && errno != EEXIST)
		return index_fail(idx, DOCKET_IO_ERROR, "%s: cannot create the index: %s",
		                  idx->path, strerror(errno));
	int rc = take_lock(idx);
	if (rc)
		return rc;
	if (exists(idx, "iamglass")) { /* one database, not sharded */
		idx->shards = calloc(1, sizeof *idx->shards);
		if (!idx->shards)
			return index_fail(idx, DOCKET_NO_MEMORY, "out of memory");
		idx->nshards = 1;
		rc = xap_open(idx->path, 1, &idx->shards[0]);
		idx->db = idx->shards[0];
		return rc == DOCKET_LOCKED ? locked(idx, 0) : index_engine_fail(idx, rc);
	}
	idx->gens = calloc(SHARDS_MAX, sizeof *idx->gens);
	if (!idx->gens)
		return index_fail(idx, DOCKET_NO_MEMORY, "out of memory");
	unsigned n = read_stub(idx, idx->gens);
	if (n == 0 && exists(idx, SHARD_STUB))
		return index_fail(idx, DOCKET_CORRUPT, "%s: %s is not docket's shard list",
		                  idx->path, SHARD_STUB);
	if (n) {
		rc = open_shards(idx, 0, n);
		if (!rc)
			sweep(idx);
		return rc;
	}
	/* No stub: a new index, or a creation that was interrupted before the
	 * stub was written, and so before anything was indexed.  (Safe: no
	 * other writer can be creating it, we hold the folder's lock.) */
	for (unsigned k = 0; k < SHARDS_MAX; k++) {
		char name[64];
		shard_name(k, 0, name, sizeof name);
		wipe_partial(idx, name);
	}
	rc = open_shards(idx, 0, default_shards());
	return rc ? rc : write_stub_or_fail(idx, idx->nshards);
}

/* Open IDX->path for reading, once.  A folder whose stub is ours has its
 * shards opened one by one and combined (xap_open_shards: each shard is
 * opened once, and held on its own for parallel matching); anything else
 * (one database, a stub of remote shards) is Xapian's to open. */
static int open_once(docket_index *idx)
{
	unsigned gens[SHARDS_MAX];
	char paths[SHARDS_MAX][4096];
	const char *p[SHARDS_MAX];
	unsigned n = read_stub(idx, gens);
	if (n == 0)
		return xap_open(idx->path, 0, &idx->db);
	for (unsigned k = 0; k < n; k++) {
		char name[64];
		shard_name(k, gens[k], name, sizeof name);
		in_folder(idx, name, paths[k], sizeof paths[k]);
		p[k] = paths[k];
	}
	return xap_open_shards(p, n, &idx->db);
}

/* Open IDX->path for reading.  A sharded folder is retried a few times:
 * between reading the stub and opening the shards it names, a writer may
 * swap in a merged generation and remove the old one. */
static int open_reader(docket_index *idx)
{
	int rc = open_once(idx);
	for (int attempt = 1; rc && attempt <= OPEN_RETRIES && exists(idx, SHARD_STUB);
	     attempt++) {
		xap_close(idx->db);
		idx->db = NULL;
		usleep(1000 * attempt);
		rc = open_once(idx);
	}
	return rc;
}

DOCKET_EXPORT docket_status docket_index_open(const char *path,
                                              docket_open_mode mode,
                                              docket_index **out)
{
	if (!out)
		return DOCKET_BAD_ARGUMENT;
	docket_index *idx = calloc(1, sizeof *idx);
	*out = idx;
	if (!idx)
		return DOCKET_NO_MEMORY;
	int rc = 0;
	idx->lock_fd = -1;
	idx->path = str_dup(&rc, path);
	if (rc || pthread_mutex_init(&idx->stub_mu, NULL)) {
		free(idx->path);
		free(idx);
		*out = NULL;
		return DOCKET_NO_MEMORY;
	}
	if (!path || !*path || (mode != DOCKET_OPEN_READ && mode != DOCKET_OPEN_WRITE))
		return index_fail(idx, DOCKET_BAD_ARGUMENT, "no index path given");
	idx->writable = mode == DOCKET_OPEN_WRITE;
	if (idx->writable) {
		rc = open_writer(idx);
		return rc ? rc : load_settings(idx);
	}
	rc = open_reader(idx);
	if (rc == DOCKET_NOT_FOUND)
		return index_fail(idx, rc, "%s: no index here (create one with 'docket index')",
		                  path);
	if (rc)
		return index_engine_fail(idx, rc);
	return load_settings(idx);
}

DOCKET_EXPORT docket_status docket_index_add(docket_index *idx,
                                             const char *path)
{
	if (!idx || !idx->db || !path)
		return DOCKET_BAD_ARGUMENT;
	index_clear_error(idx);
	int rc = xap_add_shard(idx->db, path);
	if (rc == DOCKET_NOT_FOUND)
		return index_fail(idx, rc, "%s: no index here", path);
	return index_engine_fail(idx, rc);
}

DOCKET_EXPORT void docket_index_close(docket_index *idx)
{
	if (!idx)
		return;
	if (idx->nshards) {
		for (unsigned k = 0; k < idx->nshards; k++)
			xap_close(idx->shards[k]);
	} else {
		xap_close(idx->db);
	}
	free(idx->shards);
	free(idx->gens);
	pthread_mutex_destroy(&idx->stub_mu);
	drop_lock(idx); /* after the shards are closed */
	stem_free(idx->stem);
	buf_free(&idx->error);
	free(idx->path);
	free(idx);
}

DOCKET_EXPORT const char *docket_index_last_error(const docket_index *idx)
{
	if (!idx)
		return "out of memory";
	return idx->error.p ? idx->error.p : "";
}

DOCKET_EXPORT const char *docket_index_language(const docket_index *idx)
{
	return idx && idx->lang[0] ? idx->lang : DEFAULT_LANG;
}

DOCKET_EXPORT docket_status docket_index_set_language(docket_index *idx,
                                                      const char *lang)
{
	if (!idx || !idx->db || !lang)
		return DOCKET_BAD_ARGUMENT;
	index_clear_error(idx);
	if (!idx->writable)
		return index_fail(idx, DOCKET_UNSUPPORTED,
		                  "%s: open the index for writing to set its language",
		                  idx->path);
	if (!stem_known(lang))
		return index_fail(idx, DOCKET_BAD_ARGUMENT,
		                  "unknown stemming language '%s'", lang);
	if (strcmp(lang, idx->lang) == 0)
		return DOCKET_OK;
	size_t docs = 0;
	int rc = docket_index_counts(idx, NULL, &docs);
	if (rc)
		return rc;
	if (docs)
		return index_fail(idx, DOCKET_UNSUPPORTED,
		                  "%s: index holds articles stemmed in %s; cannot switch to %s",
		                  idx->path, idx->lang, lang);
	for (unsigned k = 0; !rc && k < idx->nshards; k++) {
		rc = xap_set_metadata(idx->shards[k], META_LANG, lang, strlen(lang));
		if (!rc)
			rc = xap_commit(idx->shards[k]);
		if (rc)
			return index_fail(idx, rc, "%s", xap_error(idx->shards[k]));
	}
	return use_language(idx, lang);
}

DOCKET_EXPORT docket_status docket_index_counts(docket_index *idx,
                                                size_t *articles,
                                                size_t *passages)
{
	if (!idx || !idx->db)
		return DOCKET_BAD_ARGUMENT;
	index_clear_error(idx);
	unsigned n = idx->nshards ? idx->nshards : 1;
	size_t a = 0, p = 0;
	for (unsigned k = 0; k < n; k++) {
		struct xap_db *db = idx->nshards ? idx->shards[k] : idx->db;
		size_t ka = 0, kp = 0;
		int rc = xap_doc_count(db, &kp);
		if (!rc && articles)
			rc = xap_prefix_count(db, PREFIX_ARTICLE, &ka);
		if (rc)
			return index_fail(idx, rc, "%s", xap_error(db));
		a += ka;
		p += kp;
	}
	if (articles)
		*articles = a;
	if (passages)
		*passages = p;
	return DOCKET_OK;
}

DOCKET_EXPORT docket_status docket_index_set_shards(docket_index *idx,
                                                    unsigned shards)
{
	if (!idx || !idx->db || shards < 1 || shards > SHARDS_MAX)
		return DOCKET_BAD_ARGUMENT;
	index_clear_error(idx);
	if (!idx->writable)
		return index_fail(idx, DOCKET_UNSUPPORTED,
		                  "%s: open the index for writing to shard it", idx->path);
	if (shards == idx->nshards)
		return DOCKET_OK;
	size_t docs = 0;
	int rc = docket_index_counts(idx, NULL, &docs);
	if (rc)
		return rc;
	if (docs || exists(idx, "iamglass"))
		return index_fail(idx, DOCKET_UNSUPPORTED,
		                  "%s: the index already has %u shard%s; shards are chosen "
		                  "when it is created", idx->path, idx->nshards,
		                  idx->nshards == 1 ? "" : "s");
	unsigned had = idx->nshards;
	if (shards > had) {
		rc = open_shards(idx, had, shards);
		for (unsigned k = had; !rc && k < shards; k++)
			rc = index_engine_fail(idx, init_shard(idx->shards[k], idx->lang));
		return rc ? rc : write_stub_or_fail(idx, shards);
	}
	if ((rc = write_stub_or_fail(idx, shards)))
		return rc;
	for (unsigned k = shards; k < had; k++) {
		char name[64], path[4096];
		xap_close(idx->shards[k]);
		shard_name(k, idx->gens[k], name, sizeof name);
		in_folder(idx, name, path, sizeof path);
		index_remove_tree(path);
		idx->gens[k] = 0;
	}
	idx->nshards = shards;
	return DOCKET_OK;
}

DOCKET_EXPORT unsigned docket_index_shards(const docket_index *idx)
{
	return idx && idx->nshards ? idx->nshards : 1;
}
