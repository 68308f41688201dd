/* main.c — the `docket` tool's entry point: picks the command (index,
 * search, show, quotes, copies, timeline, coverage, serve, check,
 * serve-shard, help) from the first argument and hands it the rest; answers --help and --version (docket_version(): docket's,
 * Xapian's and libstemmer's versions).  The commands live in cli/cmd-*.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include "cli.h"

static const struct command {
	const char *name;
	int (*run)(int argc, char **argv);
	const char *summary;
} commands[] = {
	{"index", cmd_index, "add, update and remove files in the index"},
	{"search", cmd_search, "find passages; print snippets and citations"},
	{"show", cmd_show, "show a passage in its article, with its citation"},
	{"cases", cmd_cases, "list the cases the articles name, with dockets, courts, judges"},
	{"quotes", cmd_quotes, "who said what: quotes grouped across outlets"},
	{"copies", cmd_copies, "every copy of a passage, oldest first, and what each changed"},
	{"timeline", cmd_timeline, "count the matches by day, week, month or year"},
	{"coverage", cmd_coverage, "one row per outlet: first and last date, counts"},
	{"serve", cmd_web, "a search page and a JSON API over HTTP (read only)"},
	{"check", cmd_check, "verify an index; --repair mends what it can"},
	{"serve-shard", cmd_serve, "serve an index to other machines (Xapian remote)"},
};

#define NCOMMANDS (sizeof commands / sizeof commands[0])

static const struct command *find(const char *name)
{
	for (size_t i = 0; i < NCOMMANDS; i++)
		if (!strcmp(commands[i].name, name))
			return &commands[i];
	return NULL;
}

/* Write the tool's usage to F. */
static void usage(FILE *f)
{
	fprintf(f, "usage: docket [--allow-programs] COMMAND [OPTION]... [ARG]...\n"
	        "Passage search over news coverage of court filings.\n\n");
	for (size_t i = 0; i < NCOMMANDS; i++)
		fprintf(f, "  %-11s %s\n", commands[i].name, commands[i].summary);
	fprintf(f, "  %-11s %s\n\n", "help", "this text, or 'docket help COMMAND'");
	fprintf(f, "The index is --index DIR, else $DOCKET_INDEX, else\n"
	       "$XDG_DATA_HOME/docket/index, else ~/.local/share/docket/index.\n"
	        "'docket COMMAND --help' describes a command's options.\n"
	        "--allow-programs: a stub file named with --index may run the\n"
	        "program of its 'remote :PROGRAM' lines (an index folder never does).\n");
}

/* `docket --help`: the usage on stdout. */
static int help(void)
{
	usage(stdout);
	return EXIT_HITS;
}

/* The error for the unknown first word WORD: a command or a global
 * option, with the nearest one when it looks like a slip. */
static int unknown(const char *word)
{
	static const char *const globals[] = {"help", "version", "allow-programs"};
	const char *names[NCOMMANDS + 1], *near;
	if (word[0] == '-') {
		const char *w = word + strspn(word, "-");
		if ((near = closest(w, globals, 3)))
			return usage_error(NULL, "unknown option '%s'; did you mean '--%s'?",
			                   word, near);
		return usage_error(NULL, "unknown option '%s' (options go after the command)",
		                   word);
	}
	for (size_t i = 0; i < NCOMMANDS; i++)
		names[i] = commands[i].name;
	names[NCOMMANDS] = "help";
	if ((near = closest(word, names, NCOMMANDS + 1)))
		return usage_error(NULL, "no command '%s'; did you mean '%s'?", word, near);
	return usage_error(NULL, "no command '%s'", word);
}

/* `docket help [COMMAND]`: the command's own --help. */
static int help_command(int argc, char **argv)
{
	const struct command *c;
	char *args[] = {NULL, "--help", NULL};
	if (argc < 2)
		return help();
	if (!(c = find(argv[1])))
		return unknown(argv[1]);
	args[0] = argv[1];
	return c->run(2, args);
}

/* Raise the soft limit on open files to the hard one: a sharded index
 * holds about 6 per shard open, and a bulk load's merges read many staged
 * databases at once (indexer/stage.c bounds them by what is left).
 * Failing is harmless: the limits stay as they were. */
static void raise_fd_limit(void)
{
	struct rlimit rl;
	if (getrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur < rl.rlim_max) {
		rl.rlim_cur = rl.rlim_max;
		setrlimit(RLIMIT_NOFILE, &rl);
	}
}

int main(int argc, char **argv)
{
	raise_fd_limit();
	crash_guard_install();
	const struct command *c;
	/* The one global option: let the stub file named with --index run a
	 * "remote :PROGRAM" line (docket.h, docket_index_open: the security
	 * boundary; the library reads the opt-in from the environment). */
	if (argc >= 2 && !strcmp(argv[1], "--allow-programs")) {
		setenv("DOCKET_ALLOW_PROGRAMS", "1", 1);
		argc--, argv++;
	}
	if (argc < 2)
		return usage(stderr), EXIT_TROUBLE;
	if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h"))
		return help();
	if (!strcmp(argv[1], "--version") || !strcmp(argv[1], "-V")) {
		printf("%s\n", docket_version());
		return EXIT_HITS;
	}
	if (!strcmp(argv[1], "help"))
		return help_command(argc - 1, argv + 1);
	if (!(c = find(argv[1])))
		return unknown(argv[1]);
	return c->run(argc - 1, argv + 1);
}
