/* stub.c — what a stub may make docket do, checked before Xapian opens it.
 *
 * A Xapian stub file lists databases one a line ("auto PATH", "glass
 * PATH", "remote HOST:PORT", "remote :PROGRAM ARGS"); a folder holding one
 * named XAPIANDB opens as the stub.  Xapian follows these recursively with
 * no guard (a stub naming itself overflows the stack: SIGSEGV) and runs
 * any program a "remote :" line names.  So before a stub that is not
 * docket's own shard list is opened, this file walks it the way Xapian
 * will: each stub's real path is kept on a stack to catch cycles, and a
 * program line is allowed only in the stub file the user named, with the
 * explicit opt-in DOCKET_ALLOW_PROGRAMS=1 (the security boundary: an
 * index folder someone sent you can never execute anything).
 *
 * Caller: engine/index.c (opening for reading, docket_index_add).
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "../docket.h"
#include "stub.h"

struct walk {
	char *seen[STUB_DEPTH_MAX + 1]; /* real paths of the stubs being read */
	int depth;
	int programs;                   /* the named stub may run programs */
	int runs;                       /* and has a program line */
	struct docket_error *err;
};

static int check_path(struct walk *w, const char *path, const char *from,
                      unsigned line);

/* The stub Xapian would read for PATH into OUT: PATH/XAPIANDB for a
 * folder, PATH for a file.  0 when there is none (a database, nothing). */
static int stub_of(const char *path, char *out, size_t n, int *folder)
{
	struct stat st;
	if (stat(path, &st) != 0)
		return 0;
	*folder = S_ISDIR(st.st_mode);
	if (*folder)
		snprintf(out, n, "%s/XAPIANDB", path);
	else
		snprintf(out, n, "%s", path);
	return stat(out, &st) == 0 && S_ISREG(st.st_mode);
}

/* Check one line (type and argument) of stub FILE, whose folder is DIR. */
static int check_line(struct walk *w, const char *file, const char *dir,
                      unsigned no, char *type, char *arg)
{
	if (!strcmp(type, "remote") && arg[0] == ':') {
		if (w->programs && w->depth == 1)
			return w->runs = 1, DOCKET_OK;
		return error_set(w->err, DOCKET_UNSUPPORTED,
		                 "%s: line %u runs a program (remote :PROGRAM); docket runs "
		                 "one only from a stub file you name yourself, with "
		                 "--allow-programs (" ALLOW_PROGRAMS_ENV "=1)", file, no);
	}
	if (!strcmp(type, "auto") || !strcmp(type, "glass") || !strcmp(type, "chert")) {
		char path[PATH_MAX * 2];
		if (arg[0] == '/')
			snprintf(path, sizeof path, "%s", arg);
		else
			snprintf(path, sizeof path, "%s/%s", dir, arg);
		return check_path(w, path, file, no);
	}
	return DOCKET_OK; /* remote HOST:PORT, inmemory, or Xapian's to refuse */
}

/* Check every line of stub FILE (real path REAL). */
static int check_lines(struct walk *w, const char *file, const char *real)
{
	char dir[PATH_MAX], line[PATH_MAX + 64];
	snprintf(dir, sizeof dir, "%s", real);
	char *slash = strrchr(dir, '/');
	if (slash)
		*slash = '\0';
	FILE *f = fopen(file, "r");
	if (!f && error_is_fd_limit(errno)) { /* unchecked is not allowed */
		char text[128];
		error_fd_text(errno, text, sizeof text);
		return error_set(w->err, DOCKET_IO_ERROR, "%s: %s", file, text);
	}
	if (!f)
		return DOCKET_OK; /* Xapian will say why it cannot open it */
	int rc = DOCKET_OK;
	unsigned named = 0;
	for (unsigned no = 1; !rc && fgets(line, sizeof line, f); no++) {
		char *type = line + strspn(line, " \t");
		char *end = type + strcspn(type, " \t\r\n");
		if (*type == '#' || end == type)
			continue;
		named++;
		char *arg = *end ? end + 1 : end;
		*end = '\0';
		arg += strspn(arg, " \t");
		arg[strcspn(arg, "\r\n")] = '\0';
		rc = check_line(w, file, dir, no, type, arg);
	}
	fclose(f);
	if (!rc && !named) /* else Xapian's "uninitialised Database object" */
		return error_set(w->err, DOCKET_CORRUPT, "%s: an empty stub file (it "
		                 "names no database)", file);
	return rc;
}

/* Check PATH (named on line LINE of stub FROM, or by the caller when FROM
 * is NULL). */
static int check_path(struct walk *w, const char *path, const char *from,
                      unsigned line)
{
	char file[PATH_MAX * 2 + 16];
	int folder = 0;
	if (!stub_of(path, file, sizeof file, &folder))
		return DOCKET_OK;
	char *real = realpath(file, NULL);
	if (!real)
		return DOCKET_OK;
	for (int i = 0; i < w->depth; i++)
		if (!strcmp(w->seen[i], real)) {
			free(real);
			return error_set(w->err, DOCKET_CORRUPT,
			                 "%s: line %u names %s, which leads back to the stub "
			                 "itself", from, line, path);
		}
	if (w->depth == STUB_DEPTH_MAX) {
		free(real);
		return error_set(w->err, DOCKET_CORRUPT, "%s: line %u: stubs nested "
		                 "more than %d deep", from, line, STUB_DEPTH_MAX);
	}
	if (w->depth == 0)
		w->programs = !folder && getenv(ALLOW_PROGRAMS_ENV) &&
		              !strcmp(getenv(ALLOW_PROGRAMS_ENV), "1");
	w->seen[w->depth++] = real;
	int rc = check_lines(w, file, real);
	free(w->seen[--w->depth]);
	return rc;
}

int stub_check(const char *path, int *programs, struct docket_error *err)
{
	struct walk w = {{NULL}, 0, 0, 0, err};
	int rc = check_path(&w, path, NULL, 0);
	*programs = !rc && w.runs;
	return rc;
}
