/* cli.h — what the files of the `docket` tool share: the commands that
 * cli/main.c dispatches to, and the small helpers of cli/options.c (where
 * the index lives, number parsing, usage errors, opening indexes for
 * reading).  The tool is a client of docket.h and nothing more: nothing
 * here may include a header from common/, indexer/ or searcher/.
 *
 * Exit statuses, like grep: EXIT_HITS (something found, or success),
 * EXIT_NONE (nothing found), EXIT_TROUBLE (usage or any other error).
 */
#ifndef DOCKET_CLI_H
#define DOCKET_CLI_H

#include <stddef.h>

#include "../docket.h"

enum { EXIT_HITS = 0, EXIT_NONE = 1, EXIT_TROUBLE = 2 };

/* The commands.  ARGV[0] is the command's name; each parses its own
 * options with getopt_long and returns an exit status. */
int cmd_index(int argc, char **argv);
int cmd_search(int argc, char **argv);
int cmd_show(int argc, char **argv);
int cmd_copies(int argc, char **argv);
int cmd_serve(int argc, char **argv); /* serve-shard */

/* -- cli/options.c -- */

/* A list of index paths given with --index (repeatable). */
struct index_list {
	const char **paths; /* borrowed from argv, or the one default */
	size_t n;     /* how many */
	char *owned;  /* the default path when none was given, else NULL */
};

/* Append PATH (borrowed) to L; returns -1 (after printing) when out of
 * memory. */
int index_list_add(struct index_list *l, const char *path);
/* When L is empty, resolve the default index: $DOCKET_INDEX, else
 * $XDG_DATA_HOME/docket/index, else ~/.local/share/docket/index.  Returns
 * -1 (after printing) when no default can be found. */
int index_list_default(struct index_list *l);
void index_list_free(struct index_list *l);

/* Open every index of L for reading as one.  Returns the status; on error
 * prints "docket: " + the library's message and leaves *OUT NULL. */
docket_status open_for_reading(const struct index_list *l,
                               docket_index **out);

/* Print "docket: MESSAGE" on stderr.  Returns EXIT_TROUBLE. */
int fail(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Print "docket: MESSAGE" and the hint "try 'docket CMD --help'";
 * returns EXIT_TROUBLE. */
int usage_error(const char *cmd, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Parse a whole decimal number in [MIN, MAX] into *OUT; 0 or -1. */
int parse_long(const char *s, long min, long max, long *out);
/* Parse a size in bytes with an optional K, M or G suffix (powers of 1024);
 * 0 or -1. */
int parse_size(const char *s, long *out);

/* Colour choice from --color=WHEN (auto, always, never); -1 if unknown. */
enum color_when { COLOR_AUTO, COLOR_ALWAYS, COLOR_NEVER };
int parse_color(const char *s);
/* Whether to colour stdout: ALWAYS, NEVER, or AUTO = a TTY and NO_COLOR
 * unset or empty. */
int color_enabled(int when);

/* The citation style named S (plain, markdown, bibtex); -1 if unknown. */
int parse_cite(const char *s);

#endif
