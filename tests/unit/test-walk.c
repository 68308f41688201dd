/* test-walk.c — walk_tree(): hidden files, exclude globs, .docketignore,
 * symbolic links (not followed, followed, loops), deep folders, files that
 * vanish mid-walk, special files, odd names, the size cap, running out of
 * descriptors.  Every test
 * builds its tree in a fresh mkdtemp() folder. */
#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "../../common/buf.h"
#include "../../docket.h"
#include "../../indexer/walk.h"

struct seen {
	buf files;          /* "rel\n" per yielded file */
	buf skips;          /* "rel: reason\n" per skip */
	size_t rootlen;     /* to print skips relative to the root */
	const char *unlink; /* delete this path when the first file is seen */
};

static char root[64];

static int on_file(void *ctx, const char *path, const char *rel,
                   const struct stat *st)
{
	struct seen *s = ctx;
	int rc = 0;
	buf_printf(&rc, &s->files, "%s\n", rel);
	assert_int_equal(strncmp(path, root, strlen(root)), 0);
	if (s->unlink) {
		unlink(s->unlink);
		s->unlink = NULL;
	}
	return rc;
}

static void on_skip(void *ctx, const char *path, const char *reason)
{
	struct seen *s = ctx;
	int rc = 0;
	const char *rel = strlen(path) > s->rootlen ? path + s->rootlen + 1 : path;
	buf_printf(&rc, &s->skips, "%s: %s\n", rel, reason);
}

static const char *files(struct seen *s)
{
	return s->files.p ? s->files.p : "";
}

static const char *skips(struct seen *s)
{
	return s->skips.p ? s->skips.p : "";
}

static void done(struct seen *s)
{
	buf_free(&s->files);
	buf_free(&s->skips);
}

static void mk(const char *rel, const char *text)
{
	char path[4096];
	snprintf(path, sizeof path, "%s/%s", root, rel);
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

static void mkd(const char *rel)
{
	char path[4096];
	snprintf(path, sizeof path, "%s/%s", root, rel);
	assert_int_equal(mkdir(path, 0755), 0);
}

static void mkl(const char *target, const char *rel)
{
	char path[4096];
	snprintf(path, sizeof path, "%s/%s", root, rel);
	assert_int_equal(symlink(target, path), 0);
}

static int walk(struct seen *s, struct walk_opts *o)
{
	memset(s, 0, sizeof *s);
	s->rootlen = strlen(root);
	return walk_tree(root, o, on_file, on_skip, s);
}

static void hidden(void **state)
{
	mk("a.txt", "a");
	mk(".secret.txt", "s");
	mkd(".git");
	mk(".git/config", "c");
	mkd("b");
	mk("b/.hidden", "h");
	mk("b/c.txt", "c");
	struct walk_opts o = {.max_size = 1 << 20};
	struct seen s;
	assert_int_equal(walk(&s, &o), 0);
	assert_string_equal(files(&s), "a.txt\nb/c.txt\n");
	assert_string_equal(skips(&s), "");
	done(&s);
	o.hidden = 1;
	assert_int_equal(walk(&s, &o), 0);
	assert_string_equal(files(&s), ".git/config\n.secret.txt\na.txt\n"
	                               "b/.hidden\nb/c.txt\n");
	done(&s);
}

static void excludes(void **state)
{
	mk("keep.txt", "k");
	mk("drop.log", "d");
	mkd("drafts");
	mk("drafts/x.txt", "x");
	mkd("sub");
	mk("sub/y.txt", "y");
	mk("sub/z.txt", "z");
	char *globs[] = {"*.log", "drafts", "sub/z.*"};
	struct walk_opts o = {.max_size = 1 << 20, .excludes = globs, .nexcludes = 3};
	struct seen s;
	assert_int_equal(walk(&s, &o), 0);
	assert_string_equal(files(&s), "keep.txt\nsub/y.txt\n");
	done(&s);
}

static void docketignore(void **state)
{
	mk(".docketignore", "# comment\n\n*.bak\nbuild/\n/top.txt\n"
	                    "notes/*.md\n!keep.bak\n");
	mk("a.bak", "x");
	mk("keep.bak", "x");
	mk("top.txt", "x");
	mkd("build");
	mk("build/out.txt", "x");
	mk("build.txt", "x");
	mkd("notes");
	mk("notes/n.md", "x");
	mk("notes/n.txt", "x");
	mkd("deep");
	mk("deep/top.txt", "x");
	mk("deep/b.bak", "x");
	struct walk_opts o = {.max_size = 1 << 20};
	struct seen s;
	assert_int_equal(walk(&s, &o), 0);
	assert_string_equal(files(&s), "build.txt\ndeep/top.txt\nnotes/n.txt\n");
	done(&s);
	o.hidden = 1; /* the ignore file itself is still not yielded */
	assert_int_equal(walk(&s, &o), 0);
	assert_string_equal(files(&s), "build.txt\ndeep/top.txt\nnotes/n.txt\n");
	done(&s);
}

static void symlinks(void **state)
{
	mkd("real");
	mk("real/r.txt", "r");
	mkl("real", "link-dir");
	mkl("real/r.txt", "link-file");
	mkl("nowhere", "dangling");
	mkd("real/loop");
	mkl("..", "real/loop/up");
	struct walk_opts o = {.max_size = 1 << 20};
	struct seen s;
	assert_int_equal(walk(&s, &o), 0);
	assert_string_equal(files(&s), "real/r.txt\n");
	assert_string_equal(skips(&s),
	                    "dangling: symbolic link (use --follow)\n"
	                    "link-dir: symbolic link (use --follow)\n"
	                    "link-file: symbolic link (use --follow)\n"
	                    "real/loop/up: symbolic link (use --follow)\n");
	done(&s);
	o.follow = 1;
	assert_int_equal(walk(&s, &o), 0);
	assert_string_equal(files(&s), "link-dir/r.txt\nlink-file\n"
	                               "real/r.txt\n");
	assert_non_null(strstr(skips(&s), "dangling: dangling symbolic link\n"));
	assert_non_null(strstr(skips(&s), "real/loop/up: symlink loop\n"));
	done(&s);
}

static void deep_folders(void **state)
{
	char rel[2048] = "";
	for (int i = 0; i < 500; i++) {
		strcat(rel, i ? "/d" : "d");
		mkd(rel);
	}
	strcat(rel, "/leaf.txt");
	mk(rel, "deep");
	struct walk_opts o = {.max_size = 1 << 20};
	struct seen s;
	assert_int_equal(walk(&s, &o), 0);
	strcat(rel, "\n");
	assert_string_equal(files(&s), rel);
	assert_string_equal(skips(&s), "");
	done(&s);
}

static void vanished_file(void **state)
{
	mk("1.txt", "one");
	mk("2.txt", "two");
	mk("3.txt", "three");
	char gone[256];
	snprintf(gone, sizeof gone, "%s/2.txt", root);
	struct walk_opts o = {.max_size = 1 << 20};
	struct seen s;
	memset(&s, 0, sizeof s);
	s.rootlen = strlen(root);
	s.unlink = gone;
	assert_int_equal(walk_tree(root, &o, on_file, on_skip, &s), 0);
	assert_string_equal(files(&s), "1.txt\n3.txt\n");
	assert_string_equal(skips(&s), "2.txt: No such file or directory\n");
	done(&s);
}

static void special_and_large(void **state)
{
	char path[256];
	snprintf(path, sizeof path, "%s/fifo", root);
	assert_int_equal(mkfifo(path, 0644), 0);
	mk("big.txt", "0123456789");
	mk("small.txt", "0123");
	struct walk_opts o = {.max_size = 5};
	struct seen s;
	assert_int_equal(walk(&s, &o), 0);
	assert_string_equal(files(&s), "small.txt\n");
	assert_string_equal(skips(&s), "big.txt: larger than 5 bytes (--max-size)\n"
	                               "fifo: not a regular file\n");
	done(&s);
}

static void odd_names(void **state)
{
	mk("new\nline.txt", "x");
	mk("tab\there.txt", "x");
	mk("bad\xff\xfe.txt", "x");
	mk("-rf.txt", "x");
	mk(" space.txt", "x");
	struct walk_opts o = {.max_size = 1 << 20};
	struct seen s;
	assert_int_equal(walk(&s, &o), 0);
	assert_string_equal(files(&s), " space.txt\n-rf.txt\n"
	                               "bad\xff\xfe.txt\nnew\nline.txt\n"
	                               "tab\there.txt\n");
	done(&s);
}

static void root_is_file_or_missing(void **state)
{
	mk("only.txt", "x");
	char path[256];
	snprintf(path, sizeof path, "%s/only.txt", root);
	struct walk_opts o = {.max_size = 1 << 20};
	struct seen s;
	memset(&s, 0, sizeof s);
	assert_int_equal(walk_tree(path, &o, on_file, on_skip, &s), 0);
	assert_string_equal(files(&s), "only.txt\n");
	done(&s);
	snprintf(path, sizeof path, "%s/missing", root);
	memset(&s, 0, sizeof s);
	s.rootlen = strlen(root);
	assert_int_equal(walk_tree(path, &o, on_file, on_skip, &s),
	                 DOCKET_IO_ERROR);
	assert_string_equal(skips(&s), "missing: No such file or directory\n");
	done(&s);
}

static int stop_file(void *ctx, const char *path, const char *rel,
                     const struct stat *st)
{
	(*(int *)ctx)++;
	return DOCKET_INTERRUPTED;
}

static void callback_stops(void **state)
{
	mk("a.txt", "a");
	mk("b.txt", "b");
	struct walk_opts o = {.max_size = 1 << 20};
	int n = 0;
	assert_int_equal(walk_tree(root, &o, stop_file, NULL, &n),
	                 DOCKET_INTERRUPTED);
	assert_int_equal(n, 1);
}

/* Open descriptors until none is left: [*FIRST, *LAST] are ours. */
static void use_up_descriptors(int *first, int *last)
{
	int fd;
	*first = *last = -1;
	while ((fd = open("/dev/null", O_RDONLY)) >= 0) {
		if (*first < 0)
			*first = fd;
		*last = fd;
	}
	assert_int_equal(errno, EMFILE);
}

static void give_back(int first, int last)
{
	for (int fd = first; first >= 0 && fd <= last; fd++)
		close(fd);
}

/* Out of descriptors, a walk stops (DOCKET_IO_ERROR, errno EMFILE) rather
 * than walk on without the folder's .docketignore: with it unread, the
 * file it excludes would be indexed. */
static void out_of_descriptors(void **state)
{
	mk(".docketignore", "secret.txt\n");
	mk("secret.txt", "s");
	mk("a.txt", "a");
	struct walk_opts o = {.max_size = 1 << 20};
	struct seen s;
	int first, last;
	use_up_descriptors(&first, &last);
	errno = 0;
	int rc = walk(&s, &o);
	int err = errno;
	give_back(first, last);
	assert_int_equal(rc, DOCKET_IO_ERROR);
	assert_int_equal(err, EMFILE);
	assert_string_equal(files(&s), "");
	assert_non_null(strstr(skips(&s), "too many open files"));
	done(&s);
	assert_int_equal(walk(&s, &o), 0); /* and with them back, it walks */
	assert_string_equal(files(&s), "a.txt\n");
	done(&s);
}

static int setup(void **state)
{
	snprintf(root, sizeof root, "/tmp/test-walk-XXXXXX");
	return mkdtemp(root) ? 0 : -1;
}

static int teardown(void **state)
{
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", root);
	return system(cmd) == 0 ? 0 : -1;
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(hidden),         T(excludes),      T(docketignore),
		T(symlinks),       T(deep_folders),  T(vanished_file),
		T(special_and_large), T(odd_names),  T(root_is_file_or_missing),
		T(callback_stops), T(out_of_descriptors),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
