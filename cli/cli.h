/* cli.h — what the files of the `docket` tool share: the commands that
 * cli/main.c dispatches to, the option tables every command declares
 * (which drive both getopt_long and --help), and the small helpers of
 * cli/options.c (where the index lives, number parsing, usage errors,
 * opening indexes for reading).  The tool is a client of docket.h and nothing more: nothing
 * here may include a header from common/, indexer/ or searcher/.
 *
 * Exit statuses, like grep: EXIT_HITS (something found, or success),
 * EXIT_NONE (nothing found), EXIT_TROUBLE (usage or any other error).
 */
#ifndef DOCKET_CLI_H
#define DOCKET_CLI_H

#include <getopt.h>
#include <stddef.h>
#include <stdio.h>

#include "../docket.h"

enum { EXIT_HITS = 0, EXIT_NONE = 1, EXIT_TROUBLE = 2 };

/* The commands.  ARGV[0] is the command's name; each parses its own
 * options with getopt_long and returns an exit status. */
int cmd_index(int argc, char **argv);
int cmd_search(int argc, char **argv);
int cmd_show(int argc, char **argv);
int cmd_copies(int argc, char **argv);
int cmd_serve(int argc, char **argv); /* serve-shard */
int cmd_web(int argc, char **argv);   /* serve: cli/cmd-web.c */
int cmd_check(int argc, char **argv);
int cmd_cases(int argc, char **argv);
int cmd_quotes(int argc, char **argv);
int cmd_timeline(int argc, char **argv); /* cli/cmd-tally.c */
int cmd_coverage(int argc, char **argv); /* cli/cmd-tally.c */

/* -- cli/options.c -- */

/* One row of a command's option table.  The table is the only place an
 * option is declared: cli_parse builds getopt_long's arguments from it and
 * cli_help the --help lines, so an option cannot exist without its help. */
struct cli_option {
	const char *name;  /* the long name, without "--" */
	int key;           /* the short letter, or an id >= 256: given to take */
	int has_arg;       /* no_argument, required_argument, optional_argument */
	const char *arg;   /* the value's name in --help ("N"); NULL without */
	const char *help;  /* what it does; each '\n' starts an aligned line */
	const char *alias; /* a second long name ("colour"), unlisted; or NULL */
};

/* A command's options and the text around them in its --help. */
struct cli_spec {
	const char *name;              /* the command, for usage hints */
	const char *head;              /* --help before the options */
	const struct cli_option *opts; /* the table; key 'h' is --help */
	size_t nopts;                  /* its rows */
	const char *tail;              /* --help after the options, or NULL */
};

#define CLI_SPEC(name, head, opts, tail) \
	{name, head, opts, sizeof(opts) / sizeof((opts)[0]), tail}

/* Handles one option KEY (its value ARG, NULL when none) for the options
 * struct O; returns 0 or an exit status. */
typedef int cli_take(void *o, int key, const char *arg);

/* The key of the --no-color row a command with a --color row lists:
 * cli_parse hands it to that command as --color=never. */
#define CLI_NO_COLOR 1000
#define CLI_NO_COLOR_ROW \
	{"no-color", CLI_NO_COLOR, no_argument, NULL, "the same as --color=never", "no-colour"}

/* Parse ARGV's options by SPEC, calling TAKE for each but --help, which
 * prints cli_help on stdout and returns -1.  An unknown option or a
 * missing value is a usage error naming it (and the nearest option when
 * it looks like a slip).  Options may follow operands ("storm -n 5"), but
 * after the first operand a word starting with '-' that is not "--name"
 * or a known "-X" is an operand ("motion -wiretap"); "--" ends the
 * options.  ARGV is reordered in place: options first.  Returns 0 with
 * optind at the first operand, -1 after --help, or an exit status. */
int cli_parse(const struct cli_spec *spec, int argc, char **argv,
              cli_take *take, void *o);
/* Write SPEC's --help to F: the head, one line per option ("  -n, --limit
 * N" or "      --offset N", the texts aligned two columns after the
 * longest), then the tail. */
void cli_help(FILE *f, const struct cli_spec *spec);

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

/* cli/listen.c.  Split --listen's "HOST:PORT" or "[V6]:PORT" (port
 * MIN_PORT..65535) into HOST and PORT; 0, or -1 when malformed. */
int listen_split(const char *s, long min_port, char *host, size_t hostsz,
                 char *port, size_t portsz);
/* Resolve HOST (getaddrinfo): ADDR gets its first address as numbers,
 * the one to bind (so the name cannot resolve one way for the check and
 * another for the server); *LOOPBACK whether EVERY address it resolves
 * to is loopback.  0, or -1 after printing why not. */
int listen_resolve(const char *host, const char *port, char *addr,
                   size_t addrsz, int *loopback);

/* cli/crash.c: on SIGSEGV/SIGBUS/SIGABRT print one line naming the index
 * being read (or written, with its shard) and what to run, and exit
 * EXIT_TROUBLE (Xapian can fault on a damaged shard).  Install once at
 * start; name the index once known. */
void crash_guard_install(void);
void crash_guard_index(const char *path);
void crash_guard_writer(const char *path);

/* cli/stall.c: a watchdog thread that ends `docket index` with one line
 * naming INDEX (and the shard) when a thread has spun on the CPU without
 * any I/O for DOCKET_STALL_S seconds (60; 0: none), as Xapian can in a
 * commit over a damaged shard.  Start once, before the run. */
void stall_guard_start(const char *index);

/* Open every index of L for reading as one.  Returns the status; on error
 * prints "docket: " + the library's message and leaves *OUT NULL. */
docket_status open_for_reading(const struct index_list *l,
                               docket_index **out);

/* Print "docket: MESSAGE" on stderr.  Returns EXIT_TROUBLE. */
int fail(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Print Q's warning (docket_query_warning) as "docket: warning: ..." on
 * stderr, when it has one. */
void query_warn(const docket_query *q);
/* Print "docket: MESSAGE" and the hint "try 'docket CMD --help'";
 * returns EXIT_TROUBLE. */
int usage_error(const char *cmd, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Milliseconds on the monotonic clock (for elapsed times). */
double monotonic_ms(void);

/* Parse a whole decimal number in [MIN, MAX] into *OUT; 0 or -1. */
int parse_long(const char *s, long min, long max, long *out);
/* Parse a size in bytes with an optional K, M or G suffix (powers of 1024);
 * 0 or -1. */
int parse_size(const char *s, long *out);

/* The name of NAMES[0..N) nearest to WORD when it looks like a slip (at
 * most 2 edits, and few for a short word), or NULL. */
const char *closest(const char *word, const char *const *names, size_t n);

/* Colour choice from --color=WHEN (auto, always, never); -1 if unknown. */
enum color_when { COLOR_AUTO, COLOR_ALWAYS, COLOR_NEVER };
int parse_color(const char *s);
/* Whether to colour stdout: ALWAYS, NEVER, or AUTO: not when NO_COLOR is
 * set (non-empty; it wins, as no-color.org asks), else yes when
 * CLICOLOR_FORCE or FORCE_COLOR is set (not "" nor "0"), else when stdout
 * is a terminal and TERM is not "dumb". */
int color_enabled(int when);

/* An exact filter FIELD:VALUE (--keep, --drop, keep=, drop=, the page's
 * facet filters) whose FIELD docket_query_filter takes (outlet, author):
 * its name into FIELD and *VALUE pointing into S past the colon; 0, or -1
 * when S is not one. */
int parse_exact(const char *s, char field[7], const char **value);

/* The citation style named S (plain, markdown, bibtex); -1 if unknown. */
int parse_cite(const char *s);

/* --color WHEN and --cite STYLE for command CMD (NULL: the tool itself):
 * *OUT set and 0, or the usage error naming the bad value (its status). */
int take_color(const char *cmd, const char *arg, int *out);
int take_cite(const char *cmd, const char *arg, int *out);

#endif
