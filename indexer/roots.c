/* roots.c: article ids that never collide and do not depend on the order
 * roots were indexed in.
 *
 * Rule: a file's article id is the label of the outermost indexed root that
 * holds it, then its path below that root.  A root's label is its name; when
 * another recorded root already uses that name (or a label is a component
 * prefix of the other), the label takes one more parent component at a time
 * ("y/a" beside "a"), finally the absolute path.  Labels are recorded in the
 * index metadata (META_ROOT), so they stay.  A root indexed inside a recorded
 * one takes that root's ids; a root indexed around recorded ones absorbs
 * them: their records go and indexer.c rewrites their files under the outer
 * label, which is what a rebuild from the outer root gives.  Called by
 * indexer.c before the workers start (single thread). */
#include "roots.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "../docket.h"
#include "../engine/engine.h"

/* Whether PATH is ROOT or lies below it. */
static int within(const char *path, const char *root)
{
	size_t n = strlen(root);
	if (strncmp(path, root, n) != 0)
		return 0;
	return path[n] == '\0' || path[n] == '/' || (n && root[n - 1] == '/');
}

static int load_one(void *ctx, const char *key, size_t klen, const char *val,
                    size_t vlen)
{
	struct roots *r = ctx;
	size_t skip = strlen(META_ROOT);
	if (!vlen || klen <= skip)
		return 0; /* removed */
	struct root *v = realloc(r->v, (r->n + 1) * sizeof *v);
	if (!v)
		return DOCKET_NO_MEMORY;
	r->v = v;
	v[r->n].label = strndup(key + skip, klen - skip);
	v[r->n].path = strndup(val, vlen);
	v[r->n].absorbed = v[r->n].fresh = v[r->n].vanished = 0;
	if (!v[r->n].label || !v[r->n].path) {
		free(v[r->n].label);
		free(v[r->n].path);
		return DOCKET_NO_MEMORY;
	}
	r->n++;
	return 0;
}

int roots_load(struct xap_db *db, struct roots *out)
{
	out->v = NULL;
	out->n = 0;
	return xap_metadata_scan(db, META_ROOT, load_one, out);
}

/* Whether labels A and B could give the same id (one a component prefix of
 * the other). */
static int overlap(const char *a, const char *b)
{
	return within(a, b) || within(b, a);
}

/* The label of new root ABS: its last K components (K from 1), else ABS.
 * Sets *CLASH to the first root whose label forced a longer one. */
static char *pick_label(const struct roots *r, const char *abs,
                        const char **clash)
{
	const char *p = abs + strlen(abs);
	*clash = NULL;
	while (p > abs) {
		do
			p--;
		while (p > abs && p[-1] != '/');
		size_t k = 0;
		while (k < r->n && (r->v[k].absorbed || !overlap(p, r->v[k].label)))
			k++;
		if (k == r->n)
			return strdup(p);
		if (!*clash)
			*clash = r->v[k].path;
		if (p > abs)
			p--; /* onto the slash */
	}
	return strdup(abs);
}

int roots_assign(struct roots *r, const char *abs, int is_dir, buf *prefix,
                 const char **newlabel, const char **clash)
{
	int rc = 0;
	*newlabel = NULL;
	*clash = NULL;
	for (size_t k = 0; k < r->n; k++)
		if (!r->v[k].absorbed && within(abs, r->v[k].path)) {
			buf_puts(&rc, prefix, r->v[k].label);
			buf_puts(&rc, prefix, abs + strlen(r->v[k].path));
			return rc;
		}
	for (size_t k = 0; k < r->n; k++) {
		struct stat st;
		r->v[k].vanished = lstat(r->v[k].path, &st) != 0 && errno == ENOENT;
	}
	if (!is_dir)
		return 0; /* a lone file: its name is its id */
	for (size_t k = 0; k < r->n; k++)
		if (within(r->v[k].path, abs))
			r->v[k].absorbed = 1;
	char *label = pick_label(r, abs, clash);
	struct root *v = label ? realloc(r->v, (r->n + 1) * sizeof *v) : NULL;
	char *path = strdup(abs);
	if (!v || !path) {
		free(label);
		free(path);
		return DOCKET_NO_MEMORY;
	}
	r->v = v;
	v[r->n] = (struct root){label, path, 0, 1, 0};
	*newlabel = v[r->n++].label;
	buf_puts(&rc, prefix, label);
	return rc;
}

int roots_moved(const struct roots *r, const char *abs, const char *path,
                buf *out)
{
	int rc = 0;
	for (size_t k = 0; k < r->n; k++)
		if (r->v[k].vanished && within(path, r->v[k].path)) {
			buf_reset(out);
			buf_puts(&rc, out, abs);
			buf_puts(&rc, out, path + strlen(r->v[k].path));
			return !rc;
		}
	return 0;
}

int roots_absorbed(const struct roots *r, const char *abs, const char *path)
{
	for (size_t k = 0; k < r->n; k++)
		if (r->v[k].absorbed && strcmp(r->v[k].path, abs) != 0 &&
		    within(path, r->v[k].path))
			return 1;
	return 0;
}

int roots_changed(const struct roots *r)
{
	for (size_t k = 0; k < r->n; k++)
		if (r->v[k].fresh || r->v[k].absorbed)
			return 1;
	return 0;
}

int roots_save(struct xap_db *db, const struct roots *r)
{
	int rc = 0;
	for (size_t k = 0; k < r->n && !rc; k++) {
		if (!r->v[k].fresh && !r->v[k].absorbed)
			continue;
		int rc2 = 0;
		buf key = BUF_INIT;
		buf_puts(&rc2, &key, META_ROOT);
		buf_puts(&rc2, &key, r->v[k].label);
		const char *val = r->v[k].absorbed ? "" : r->v[k].path;
		rc = rc2 ? rc2 : xap_set_metadata(db, key.p, val, strlen(val));
		buf_free(&key);
	}
	return rc;
}

void roots_free(struct roots *r)
{
	for (size_t k = 0; k < r->n; k++) {
		free(r->v[k].label);
		free(r->v[k].path);
	}
	free(r->v);
	r->v = NULL;
	r->n = 0;
}
