/* walk.c — which files under a root to consider indexing (see walk.h).
 *
 * Owns the folder walk: fts(3) in sorted name order (so runs and tests are
 * deterministic), the hidden-file rule, --exclude globs, the root's
 * ".docketignore", the size cap, and the reasons given for everything not
 * yielded.  Called by the indexer (indexer/indexer.c) once per root.
 *
 * Rules, in the order they are applied to each entry below the root:
 *   - a name starting with '.' is skipped silently (a folder is pruned)
 *     unless opts->hidden;
 *   - an entry matching an exclude glob or a .docketignore line is skipped
 *     silently (a folder is pruned);
 *   - the index's own folder (by device and inode, so any path to it) and,
 *     below a root, /proc, /sys and /dev are never entered (the index
 *     silently, the others as "a system folder"); with opts->one_fs neither is a folder
 *     on another file system (fts's FTS_XDEV: silently, like an exclude);
 *   - by name, what is clearly not an article: scripts, style sheets,
 *     images, fonts (NOT_ARTICLE), and a saved page's asset folder
 *     ("NAME_files" beside "NAME.html" or "NAME.htm");
 *   - symbolic links are not followed unless opts->follow ("symbolic link
 *     (use --follow)"); with follow, a link back to an ancestor is reported
 *     as "symlink loop" and a dangling one as "dangling symbolic link";
 *   - fifos, sockets and devices: "not a regular file";
 *   - files larger than opts->max_size: "larger than N bytes (--max-size)",
 *     except JSON files (input_streams), which are read record by record;
 *   - unreadable folders and entries that vanish: strerror(errno).  A file
 *     is stat'ed again just before it is yielded, because fts stats a whole
 *     folder when it lists it and the file may be gone by the time we reach
 *     it.
 * The root itself is always followed when it is a link (FTS_COMFOLLOW) and
 * never counts as hidden or excluded: the user named it.
 *
 * .docketignore (in the root only): one glob per line, gitignore-like.
 * Blank lines and lines starting with '#' are ignored; trailing spaces are
 * dropped; "name/" matches folders only; a pattern with a leading or inner
 * '/' is anchored to the root and matched against the relative path with
 * FNM_PATHNAME, any other pattern against the base name at every level.
 * Not supported: "!" negation (such lines are ignored) and "**".  The
 * .docketignore itself is never yielded, even with opts->hidden.
 */
#include "walk.h"

#include <errno.h>
#include <fnmatch.h>
#include <fts.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "../common/buf.h"
#include "../common/error.h"
#include "../docket.h"
#include "input.h"

#define IGNORE_FILE ".docketignore"
#define IGNORE_MAX_SIZE (1 << 20) /* a larger .docketignore is not read */

struct ignore_rule {
	char *glob;    /* the pattern, without a leading '/' or trailing '/' */
	int anchored;  /* match the relative path, not the base name */
	int dir_only;  /* the line ended with '/' */
};

struct walker {
	const struct walk_opts *o;
	walk_file_fn file;
	walk_skip_fn skip;
	void *ctx;
	struct ignore_rule *rules; /* from .docketignore */
	size_t nrules;
	size_t prefix;             /* length of "ROOT/" in every path below */
	int stop_errno;            /* why the walk stopped, for walk_tree's errno */
};

/* fts order: plain byte order of the names. */
static int by_name(const FTSENT **a, const FTSENT **b)
{
	return strcmp((*a)->fts_name, (*b)->fts_name);
}

static void add_rule(int *rc, struct walker *w, const char *line, size_t n)
{
	if (*rc)
		return;
	struct ignore_rule r = {NULL, 0, 0};
	if (n && line[n - 1] == '/') {
		r.dir_only = 1;
		while (n && line[n - 1] == '/')
			n--;
	}
	if (n && line[0] == '/') {
		r.anchored = 1;
		while (n && line[0] == '/')
			line++, n--;
	}
	if (!n)
		return;
	if (memchr(line, '/', n))
		r.anchored = 1;
	struct ignore_rule *p = realloc(w->rules, (w->nrules + 1) * sizeof *p);
	if (!p) {
		*rc = DOCKET_NO_MEMORY;
		return;
	}
	w->rules = p;
	r.glob = str_ndup(rc, line, n);
	if (!*rc)
		w->rules[w->nrules++] = r;
}

/* Parse the text of a .docketignore into W's rules.  Sticky on *rc. */
static void parse_ignore(int *rc, struct walker *w, const char *s, size_t n)
{
	const char *end = s + n;
	while (s < end && !*rc) {
		const char *nl = memchr(s, '\n', (size_t)(end - s));
		const char *e = nl ? nl : end;
		const char *b = s;
		s = nl ? nl + 1 : end;
		while (b < e && (*b == ' ' || *b == '\t'))
			b++;
		while (e > b && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r'))
			e--;
		if (b == e || *b == '#' || *b == '!')
			continue;
		add_rule(rc, w, b, (size_t)(e - b));
	}
}

static void skip(struct walker *w, const char *path, const char *reason)
{
	if (w->skip)
		w->skip(w->ctx, path, reason);
}

/* An entry not walked though it is still there (ERR is not ENOENT): to
 * the keep callback when there is one, else skipped. */
static void keep(struct walker *w, const char *path, int err, const char *reason)
{
	if (err != ENOENT && w->o->keep)
		w->o->keep(w->ctx, path, reason);
	else
		skip(w, path, reason);
}

/* Load ROOT/.docketignore if there is one (a missing or unreadable file
 * adds no rules).  Returns 0, DOCKET_NO_MEMORY, or DOCKET_IO_ERROR when
 * the descriptors ran out: walking on without its rules would index what
 * the user excluded. */
static int load_ignore(struct walker *w, const char *root)
{
	int rc = 0;
	buf path = BUF_INIT, text = BUF_INIT;
	buf_printf(&rc, &path, "%s/%s", root, IGNORE_FILE);
	FILE *f = rc ? NULL : fopen(path.p, "r");
	if (!f && !rc && error_is_fd_limit(errno)) {
		char why[128];
		w->stop_errno = errno;
		error_fd_text(errno, why, sizeof why);
		skip(w, root, why);
		rc = DOCKET_IO_ERROR;
	}
	if (f) {
		char chunk[4096];
		size_t got;
		while (!rc && text.n < IGNORE_MAX_SIZE &&
		       (got = fread(chunk, 1, sizeof chunk, f)) > 0)
			buf_append(&rc, &text, chunk, got);
		fclose(f);
		parse_ignore(&rc, w, text.p ? text.p : "", text.n);
	}
	buf_free(&path);
	buf_free(&text);
	return rc;
}

static void free_rules(struct walker *w)
{
	for (size_t i = 0; i < w->nrules; i++)
		free(w->rules[i].glob);
	free(w->rules);
}

/* Whether the entry REL (base name NAME) is excluded by a glob or rule. */
static int excluded(const struct walker *w, const char *rel, const char *name,
                    int is_dir)
{
	for (size_t i = 0; i < w->o->nexcludes; i++) {
		const char *g = w->o->excludes[i];
		if (fnmatch(g, rel, 0) == 0 || fnmatch(g, name, 0) == 0)
			return 1;
	}
	for (size_t i = 0; i < w->nrules; i++) {
		const struct ignore_rule *r = &w->rules[i];
		if (r->dir_only && !is_dir)
			continue;
		if (r->anchored ? fnmatch(r->glob, rel, FNM_PATHNAME) == 0
		                : fnmatch(r->glob, name, 0) == 0)
			return 1;
	}
	return 0;
}

/* Whether file NAME is clearly not an article by its extension. */
static int not_article(const char *name)
{
	static const char *const ext[] = {
		"js", "mjs", "css", "map", "png", "jpg", "jpeg", "gif", "webp",
		"svg", "ico", "bmp", "tif", "tiff", "avif", "woff", "woff2", "ttf",
		"otf", "eot", NULL};
	const char *dot = strrchr(name, '.');
	for (const char *const *e = ext; dot && *e; e++)
		if (strcasecmp(dot + 1, *e) == 0)
			return 1;
	return 0;
}

/* Whether folder E is a saved page's assets: "NAME_files" next to
 * "NAME.html" or "NAME.htm". */
static int asset_folder(const FTSENT *e)
{
	size_t n = e->fts_namelen, k = strlen("_files");
	if (n <= k || strcmp(e->fts_name + n - k, "_files") != 0)
		return 0;
	int rc = 0, found = 0;
	buf page = BUF_INIT;
	for (int i = 0; i < 2 && !found && !rc; i++) {
		buf_reset(&page);
		buf_append(&rc, &page, e->fts_accpath, e->fts_pathlen - k);
		buf_puts(&rc, &page, i ? ".htm" : ".html");
		found = !rc && access(page.p, F_OK) == 0;
	}
	buf_free(&page);
	return found;
}

/* Why folder E (below the root) is never entered ("" to say nothing), or
 * NULL when it is entered. */
static const char *closed_folder(const struct walker *w, const FTSENT *e)
{
	static const char *const system[] = {"/proc", "/sys", "/dev", NULL};
	if (w->o->has_index && e->fts_statp &&
	    e->fts_statp->st_dev == w->o->index_dev &&
	    e->fts_statp->st_ino == w->o->index_ino)
		return ""; /* ours: pruned without a word */
	for (const char *const *s = system; *s; s++)
		if (strcmp(e->fts_path, *s) == 0)
			return "a system folder";
	return asset_folder(e) ? "a saved page's assets, not an article" : NULL;
}

/* The relative path of E: the part after the root's prefix, or for the
 * root itself its base name. */
static const char *rel_of(struct walker *w, const FTSENT *e)
{
	if (e->fts_level == FTS_ROOTLEVEL) {
		const char *slash = strrchr(e->fts_path, '/');
		return slash && slash[1] ? slash + 1 : e->fts_path;
	}
	if (e->fts_level == 1)
		w->prefix = e->fts_pathlen - e->fts_namelen;
	return e->fts_path + w->prefix;
}

/* A regular file (or, with follow, a link to one): check again that it is
 * still there, apply the size cap, and yield it. */
static int yield_file(struct walker *w, const FTSENT *e, const char *rel)
{
	struct stat st;
	int r = w->o->follow ? stat(e->fts_accpath, &st)
	                     : lstat(e->fts_accpath, &st);
	if (r != 0) {
		keep(w, e->fts_path, errno, strerror(errno));
		return 0;
	}
	if (!S_ISREG(st.st_mode)) {
		skip(w, e->fts_path, "not a regular file");
		return 0;
	}
	if (w->o->max_size && (unsigned long long)st.st_size > w->o->max_size &&
	    !input_streams(e->fts_path)) { /* JSON is read record by record */
		char why[64];
		snprintf(why, sizeof why, "larger than %zu bytes (--max-size)",
		         w->o->max_size);
		keep(w, e->fts_path, 0, why);
		return 0;
	}
	return w->file(w->ctx, e->fts_path, rel, &st);
}

/* Handle one entry; returns non-zero to stop the walk. */
static int visit(struct walker *w, FTS *fts, FTSENT *e)
{
	int root = e->fts_level == FTS_ROOTLEVEL;
	const char *rel = rel_of(w, e);
	int is_dir = e->fts_info == FTS_D;
	if (e->fts_info == FTS_DP)
		return 0;
	if (!root && e->fts_name[0] == '.' && !w->o->hidden) {
		fts_set(fts, e, FTS_SKIP);
		return 0;
	}
	if (!root && excluded(w, rel, e->fts_name, is_dir)) {
		fts_set(fts, e, FTS_SKIP);
		return 0;
	}
	if (e->fts_level == 1 && strcmp(e->fts_name, IGNORE_FILE) == 0)
		return 0; /* our own control file, even with hidden */
	const char *closed = !root && is_dir ? closed_folder(w, e) : NULL;
	if (closed) {
		fts_set(fts, e, FTS_SKIP);
		if (*closed)
			skip(w, e->fts_path, closed);
		return 0;
	}
	if (!root && e->fts_info == FTS_F && not_article(e->fts_name)) {
		skip(w, e->fts_path, "not an article (script, style, image or font)");
		return 0;
	}
	switch (e->fts_info) {
	case FTS_D:
		return 0;
	case FTS_F:
		return yield_file(w, e, rel);
	case FTS_DC:
		skip(w, e->fts_path, w->o->follow ? "symlink loop" : "folder cycle");
		return 0;
	case FTS_SL:
		skip(w, e->fts_path, "symbolic link (use --follow)");
		return 0;
	case FTS_SLNONE:
		skip(w, e->fts_path, w->o->follow ? "dangling symbolic link"
		                                  : "symbolic link (use --follow)");
		return 0;
	case FTS_DNR:
	case FTS_ERR:
	case FTS_NS:
		if (error_is_fd_limit(e->fts_errno)) { /* the run's trouble: stop */
			char text[128];
			error_fd_text(e->fts_errno, text, sizeof text);
			keep(w, e->fts_path, e->fts_errno, text);
			w->stop_errno = e->fts_errno;
			return DOCKET_IO_ERROR;
		}
		if (root)
			skip(w, e->fts_path, strerror(e->fts_errno));
		else
			keep(w, e->fts_path, e->fts_errno, strerror(e->fts_errno));
		if (root)
			w->stop_errno = e->fts_errno;
		return root ? DOCKET_IO_ERROR : 0;
	default: /* FTS_DEFAULT: fifo, socket, device */
		skip(w, e->fts_path, "not a regular file");
		return 0;
	}
}

int walk_tree(const char *root, const struct walk_opts *o, walk_file_fn file,
              walk_skip_fn skipfn, void *ctx)
{
	struct walker w = {o, file, skipfn, ctx, NULL, 0, 0, 0};
	int rc = load_ignore(&w, root);
	if (rc) {
		free_rules(&w);
		errno = w.stop_errno;
		return rc;
	}
	int flags = FTS_NOCHDIR | FTS_COMFOLLOW | (o->one_fs ? FTS_XDEV : 0) |
	            (o->follow ? FTS_LOGICAL : FTS_PHYSICAL);
	char *argv[2] = {(char *)root, NULL};
	FTS *fts = fts_open(argv, flags, by_name);
	if (!fts) {
		char text[128];
		int err = errno;
		if (error_is_fd_limit(err))
			error_fd_text(err, text, sizeof text);
		skip(&w, root, error_is_fd_limit(err) ? text : strerror(err));
		free_rules(&w);
		errno = err;
		return err == ENOMEM ? DOCKET_NO_MEMORY : DOCKET_IO_ERROR;
	}
	while (!rc) {
		errno = 0;
		FTSENT *e = fts_read(fts);
		if (!e)
			break;
		rc = visit(&w, fts, e);
	}
	if (!rc && errno) {
		char text[128];
		w.stop_errno = errno;
		if (error_is_fd_limit(w.stop_errno))
			error_fd_text(w.stop_errno, text, sizeof text);
		skip(&w, root, error_is_fd_limit(w.stop_errno) ? text
		                                              : strerror(w.stop_errno));
		rc = DOCKET_IO_ERROR;
	}
	fts_close(fts);
	free_rules(&w);
	errno = w.stop_errno;
	return rc;
}
