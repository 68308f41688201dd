/* check.c — docket_index_check (docket.h): verify an index folder part by
 * part, and with REPAIR mend what can be mended without losing anything.
 *
 * The parts, in order: the writer's lock file (a plain file of its own, or
 * absent; who holds it), the stub XAPIANDB (docket's shard list, every
 * shard it names there), each shard (opens, is docket's by its metadata,
 * schema version, Xapian's own consistency check), and the temporaries a
 * crash can leave (XAPIANDB.tmp, databases of docket's with a shard's name
 * the stub does not name, staging folders).  Anything else in the folder
 * is the user's and is never touched, only mentioned.
 *
 * Repairs run under the writer's lock (lock.c): a lost or damaged stub is
 * rebuilt from the shards found by content (layout_find_shards), and
 * docket's own stale temporaries are removed (index_remove_tree removes a
 * folder only when its contents are docket's).  A damaged shard is never
 * rewritten: the line says to re-index.  Every finding and every action
 * is one line to the caller's report function.
 *
 * Caller: the public API (cli/cmd-check.c).
 */
#include <errno.h>
#include <dirent.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../common/schema.h"
#include "../docket.h"
#include "engine.h"
#include "index.h"
#include "layout.h"
#include "lock.h"

struct check {
	docket_index *idx;      /* a handle on the folder (path, gens, lock) */
	int repair;             /* mend what can be mended */
	docket_check_fn *fn;    /* the caller's report */
	void *ctx;              /* its argument */
	unsigned left;          /* problems found and not repaired */
	unsigned named[SHARDS_MAX]; /* the generations the (new) stub names */
	unsigned nnamed;        /* how many shards it names; 0: no stub */
};

/* One line of KIND about C's index to the caller (printf-style); a
 * problem counts as left. */
static void say(struct check *c, docket_check_kind kind, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static void say(struct check *c, docket_check_kind kind, const char *fmt, ...)
{
	char msg[1400], line[1800];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	snprintf(line, sizeof line, "%s: %s", c->idx->path, msg);
	c->left += kind == DOCKET_CHECK_PROBLEM;
	if (c->fn)
		c->fn(c->ctx, kind, line);
}

/* The lock file: absent, or a plain file of its own (never a link, which
 * --repair removes: only the link goes, never its target).  *HELD says
 * whether a writer holds it now. */
static void check_lock(struct check *c, int *held)
{
	char file[4200];
	struct stat st;
	*held = 0;
	layout_in_folder(c->idx, "docket.lock", file, sizeof file);
	if (lstat(file, &st) != 0)
		return;
	if (!S_ISREG(st.st_mode) || st.st_nlink != 1) {
		if (c->repair && !S_ISDIR(st.st_mode) && unlink(file) == 0)
			say(c, DOCKET_CHECK_REPAIRED, "removed docket.lock, a link or "
			    "special file that was not docket's lock");
		else
			say(c, DOCKET_CHECK_PROBLEM, "docket.lock is not a plain file of "
			    "its own (a link or a special file): remove it");
		return;
	}
	int fd = open(file, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
	if (fd >= 0 && flock(fd, LOCK_SH | LOCK_NB) != 0 && errno == EWOULDBLOCK)
		*held = 1;
	if (fd >= 0)
		close(fd);
	say(c, DOCKET_CHECK_OK, "docket.lock: %s", *held ? "held by a writer now"
	    : "free");
}

/* Check the shard folder NAME: opens, is docket's, schema, Xapian's own
 * check.  Returns 1 when it is sound. */
static int check_shard(struct check *c, const char *name)
{
	char path[4200];
	struct docket_error err = {0, ""};
	size_t errors = 0, docs = 0;
	layout_in_folder(c->idx, name, path, sizeof path);
	struct xap_db *db = NULL;
	buf v = BUF_INIT;
	int rc = xap_open(path, 0, &db);
	if (!rc)
		rc = xap_get_metadata(db, META_SCHEMA, &v);
	if (!rc)
		rc = xap_doc_count(db, &docs);
	if (rc)
		say(c, DOCKET_CHECK_PROBLEM, "%s cannot be opened (%s): re-index "
		    "its files, or remove the index and rebuild it", name, xap_error(db));
	else if (!v.n)
		say(c, DOCKET_CHECK_PROBLEM, "%s is not docket's (no schema in its "
		    "metadata)", name);
	else if (strcmp(v.p, SCHEMA_VERSION) != 0)
		say(c, DOCKET_CHECK_PROBLEM, "%s has schema version %s; this docket "
		    "reads %s: rebuild the index", name, v.p, SCHEMA_VERSION);
	xap_close(db);
	int sound = !rc && v.n && !strcmp(v.p, SCHEMA_VERSION);
	buf_free(&v);
	if (!sound)
		return 0;
	if ((rc = xap_check(path, &errors, &err)) || errors) {
		char what[64];
		snprintf(what, sizeof what, rc ? "stopped at a damaged table"
		         : "found %zu error%s", errors, errors == 1 ? "" : "s");
		say(c, DOCKET_CHECK_PROBLEM, "%s is damaged: Xapian's check %s (%s): "
		    "re-index its files, or remove the index and rebuild it", name,
		    what, err.msg);
		return 0;
	}
	say(c, DOCKET_CHECK_OK, "%s: %zu passages, schema %s, Xapian's check "
	    "clean", name, docs, SCHEMA_VERSION);
	return 1;
}

/* Rebuild the stub from the shards found by content (under the lock). */
static void rebuild_stub(struct check *c, const char *why)
{
	unsigned n = layout_find_shards(c->idx, c->idx->gens);
	if (!n) {
		say(c, DOCKET_CHECK_PROBLEM, "%s, and no shard of docket's is left to "
		    "rebuild it from", why);
		return;
	}
	for (unsigned k = 0; k < n; k++) {
		char name[64];
		layout_shard_name(k, c->idx->gens[k], name, sizeof name);
		if (!layout_exists(c->idx, name)) {
			say(c, DOCKET_CHECK_PROBLEM, "%s; shard-%u is missing, so it "
			    "cannot be rebuilt whole: re-index", why, k);
			return;
		}
	}
	memcpy(c->named, c->idx->gens, sizeof c->named);
	c->nnamed = n; /* the shards found are checked, not taken for strays */
	if (!c->repair) {
		say(c, DOCKET_CHECK_PROBLEM, "%s ('docket check --repair' rebuilds it "
		    "from the %u shard%s found)", why, n, n == 1 ? "" : "s");
		return;
	}
	if (layout_write_stub(c->idx, n) != DOCKET_OK) {
		say(c, DOCKET_CHECK_PROBLEM, "%s; rebuilding it failed: %s", why,
		    docket_index_last_error(c->idx));
		return;
	}
	say(c, DOCKET_CHECK_REPAIRED, "%s: rebuilt XAPIANDB from the %u shard%s "
	    "found", why, n, n == 1 ? "" : "s");
}

/* The stub: docket's shard list naming shards that exist, else rebuilt
 * (with --repair) from the shards found. */
static void check_stub(struct check *c)
{
	unsigned n = layout_read_stub(c->idx, c->named);
	int exists = layout_exists(c->idx, SHARD_STUB);
	c->nnamed = n;
	if (!n) {
		rebuild_stub(c, exists ? "XAPIANDB is not docket's shard list"
		                       : "XAPIANDB (the shard list) is missing");
		return;
	}
	for (unsigned k = 0; k < n; k++) {
		char name[64];
		layout_shard_name(k, c->named[k], name, sizeof name);
		if (!layout_exists(c->idx, name)) {
			char why[128];
			snprintf(why, sizeof why, "XAPIANDB names %s, which is missing", name);
			c->nnamed = 0;
			rebuild_stub(c, why);
			return;
		}
	}
	say(c, DOCKET_CHECK_OK, "XAPIANDB: %u shard%s", n, n == 1 ? "" : "s");
}

/* Is NAME a shard the stub names? */
static int named(const struct check *c, const char *name)
{
	for (unsigned k = 0; k < c->nnamed; k++) {
		char want[64];
		layout_shard_name(k, c->named[k], want, sizeof want);
		if (!strcmp(want, name))
			return 1;
	}
	return 0;
}

/* One entry NAME of the folder that is not a shard the stub names: a
 * temporary of docket's (removed with --repair) or the user's (left). */
static void check_entry(struct check *c, const char *name)
{
	char path[4400];
	unsigned k, gen;
	layout_in_folder(c->idx, name, path, sizeof path);
	if (!strcmp(name, SHARD_STUB ".tmp")) {
		if (c->repair && unlink(path) == 0)
			say(c, DOCKET_CHECK_REPAIRED, "removed XAPIANDB.tmp, left by an "
			    "interrupted stub update");
		else
			say(c, DOCKET_CHECK_PROBLEM, "XAPIANDB.tmp is left from an "
			    "interrupted stub update");
		return;
	}
	if (!layout_shard_like(name, &k, &gen) || named(c, name))
		return;
	if (!layout_ours(path)) {
		say(c, DOCKET_CHECK_OK, "%s is not docket's: left alone", name);
		return;
	}
	if (c->repair) {
		index_remove_tree(path);
		struct stat st;
		if (lstat(path, &st) != 0) {
			say(c, DOCKET_CHECK_REPAIRED, "removed %s, a database of docket's "
			    "the stub does not name (left by an interrupted run)", name);
			return;
		}
	}
	say(c, DOCKET_CHECK_PROBLEM, "%s is a database of docket's the stub does "
	    "not name (left by an interrupted run)", name);
}

/* Every entry of the folder but the named shards, through check_entry. */
static void check_strays(struct check *c)
{
	DIR *d = opendir(c->idx->path);
	if (!d)
		return;
	for (struct dirent *e; (e = readdir(d));)
		check_entry(c, e->d_name);
	closedir(d);
}

/* Check the index folder of C, which exists; returns DOCKET_OK when
 * clean at the end, DOCKET_CORRUPT when problems are left, another status
 * for trouble (reported). */
static int check_folder(struct check *c)
{
	int held = 0;
	check_lock(c, &held);
	if (c->repair && held) {
		say(c, DOCKET_CHECK_PROBLEM, "a writer holds the index (docket.lock): "
		    "nothing repaired; run again when it is done");
		return DOCKET_LOCKED;
	}
	if (c->repair) {
		int rc = lock_take(c->idx);
		if (rc) {
			say(c, DOCKET_CHECK_PROBLEM, "nothing repaired: %s",
			    docket_index_last_error(c->idx));
			return rc;
		}
	}
	if (layout_exists(c->idx, "iamglass")) { /* one database, no stub */
		check_shard(c, ".");
		return c->left ? DOCKET_CORRUPT : DOCKET_OK;
	}
	check_stub(c);
	for (unsigned k = 0; k < c->nnamed; k++) {
		char name[64];
		layout_shard_name(k, c->named[k], name, sizeof name);
		check_shard(c, name);
	}
	check_strays(c);
	return c->left ? DOCKET_CORRUPT : DOCKET_OK;
}

DOCKET_EXPORT docket_status docket_index_check(const char *path, int repair,
                                               docket_check_fn *report,
                                               void *ctx)
{
	struct stat st;
	if (!path || !*path)
		return DOCKET_BAD_ARGUMENT;
	docket_index *idx = calloc(1, sizeof *idx);
	unsigned *gens = calloc(SHARDS_MAX, sizeof *gens);
	int rc = 0;
	char *p = idx ? str_dup(&rc, path) : NULL;
	if (!idx || !gens || !p || pthread_mutex_init(&idx->stub_mu, NULL)) {
		free(idx), free(gens), free(p);
		return DOCKET_NO_MEMORY;
	}
	idx->path = p;
	idx->gens = gens;
	idx->lock_fd = -1;
	idx->writable = 1;
	struct check c = {idx, repair, report, ctx, 0, {0}, 0};
	if (stat(path, &st) != 0 || !S_ISDIR(st.st_mode)) {
		say(&c, DOCKET_CHECK_PROBLEM, "%s", stat(path, &st) != 0
		    ? "no index here" : "not an index folder (check the folders a "
		    "stub file names, one by one)");
		rc = DOCKET_NOT_FOUND;
	} else {
		rc = check_folder(&c);
	}
	docket_index_close(idx);
	return rc;
}
