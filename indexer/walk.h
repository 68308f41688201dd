/* walk.h — walking a folder with fts(3): which files to consider indexing.
 */
#ifndef DOCKET_WALK_H
#define DOCKET_WALK_H

#include <stddef.h>
#include <sys/stat.h>

/* Something not yielded, with a one-line reason. */
typedef void (*walk_skip_fn)(void *ctx, const char *path, const char *reason);

struct walk_opts {
	int follow;          /* follow symbolic links (cycles detected) */
	int hidden;          /* descend into and yield dot-files */
	size_t max_size;     /* larger files are skipped with a reason */
	char **excludes;     /* fnmatch(3) globs: relative path or base name */
	size_t nexcludes;
	int one_fs;          /* do not enter folders on other file systems */
	int has_index;       /* INDEX_DEV/INDEX_INO name the index's folder,
	                      * never entered */
	dev_t index_dev;
	ino_t index_ino;
	walk_skip_fn keep;   /* or NULL: an entry still there but not walked
	                      * this time (unreadable, cannot be entered,
	                      * oversized) goes here instead of to SKIP, so
	                      * that what was indexed from it is kept */
};

/* A file to consider.  PATH is as walked (root joined with the relative
 * path), REL the path relative to ROOT (for a file ROOT: its base name).
 * Return non-zero to stop the walk with that value. */
typedef int (*walk_file_fn)(void *ctx, const char *path, const char *rel,
                            const struct stat *st);
/* Walk ROOT (a folder or a file).  Regular files (or, with FOLLOW, links to
 * them) go to FILE; excluded, hidden, special, oversized and unreadable
 * entries go to SKIP (hidden and excluded ones silently unless it matters).
 * A ".docketignore" in ROOT adds gitignore-like globs.  Returns 0, the
 * callback's non-zero value, or a docket_status when ROOT itself cannot be
 * walked (with the reason through SKIP); on DOCKET_IO_ERROR errno says why
 * (EMFILE when the descriptors ran out anywhere in the walk). */
int walk_tree(const char *root, const struct walk_opts *o, walk_file_fn file,
              walk_skip_fn skip, void *ctx);

#endif
