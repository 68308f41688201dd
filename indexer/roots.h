/* roots.h: the roots an index was given, and the label each one's article
 * ids start with (indexer/roots.c; used by indexer.c). */
#ifndef DOCKET_ROOTS_H
#define DOCKET_ROOTS_H

#include <stddef.h>

#include "../common/buf.h"

struct xap_db;

#define META_ROOT "docket.root:" /* + label -> the root's absolute path */

struct root {
	char *label;     /* what its article ids start with */
	char *path;      /* absolute */
	int absorbed;    /* inside this run's root: its record goes */
	int fresh;       /* added this run: its record is written */
	int vanished;    /* its folder is gone (roots_assign): a renamed
	                  * root's files are removed (indexer.c) */
};

struct roots {
	struct root *v;
	size_t n;
};

/* Read the recorded roots of DB (its first shard).  Returns a docket_status. */
int roots_load(struct xap_db *db, struct roots *out);
/* The id prefix of the files of root ABS into PREFIX (label, then the path
 * below the recorded root holding ABS).  A new root is added to R (its label
 * in *NEWLABEL, NULL when it needs none) and recorded roots inside ABS are
 * marked absorbed.  Sets *CLASH to the path of another root of the same name,
 * or NULL.  Returns a docket_status. */
int roots_assign(struct roots *r, const char *abs, int is_dir, buf *prefix,
                 const char **newlabel, const char **clash);
/* The path PATH of a file under a vanished root (roots_assign) would have
 * under ABS, when the root was renamed to ABS: into OUT, returning 1; 0
 * when PATH lies under no vanished root. */
int roots_moved(const struct roots *r, const char *abs, const char *path,
                buf *out);
/* Whether PATH lies under a root that ABS absorbed this run. */
int roots_absorbed(const struct roots *r, const char *abs, const char *path);
/* Whether R has a root to record or unrecord (roots_save has work). */
int roots_changed(const struct roots *r);
/* Record R's roots in DB (absorbed ones removed).  Returns a docket_status. */
int roots_save(struct xap_db *db, const struct roots *r);
void roots_free(struct roots *r);

#endif
