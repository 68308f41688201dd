/* cmd-check.c — `docket check [--index DIR]... [--repair]`: verify each
 * index folder (docket_index_check: lock, stub, shards, Xapian's own
 * consistency check, stray temporaries) and with --repair mend what can
 * be mended, one line per finding or action on stdout, then one summary
 * line per index.  Exit 0 when every index is clean (after repairs), 1
 * when problems are left, 2 on trouble (no index, locked, bad usage).
 * Called by cli/main.c.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

#include "cli.h"

struct check_opts {
	struct index_list indexes; /* --index, repeatable */
	int repair;                /* --repair */
	int quiet;                 /* --quiet: problems and repairs only */
};

enum { OPT_INDEX = 256, OPT_REPAIR, OPT_QUIET };

static const struct cli_option options[] = {
	{"index", OPT_INDEX, required_argument, "DIR",
	 "the index folder to check (repeatable)", NULL},
	{"repair", OPT_REPAIR, no_argument, NULL,
	 "rebuild a lost or damaged XAPIANDB from the shards\n"
	 "found; remove docket's own stale temporaries", NULL},
	{"quiet", 'q', no_argument, NULL, "print problems and repairs only", NULL},
	{"help", 'h', no_argument, NULL, "show this help", NULL},
};

static const struct cli_spec spec = CLI_SPEC("check",
	"usage: docket check [OPTION]...\n"
	"Verify an index: its lock, its shard list (XAPIANDB), each shard\n"
	"(opens, schema, Xapian's consistency check) and what an interrupted\n"
	"run left.  Nothing that is not docket's is ever touched.\n"
	"\n",
	options,
	"Exit status: 0 if clean (after --repair's repairs), 1 if problems\n"
	"are left, 2 on trouble (no index there, a writer at work).\n");

/* Handle option C with argument ARG for the check_opts P (a cli_take);
 * returns 0 or an exit status. */
static int take_option(void *p, int c, const char *arg)
{
	struct check_opts *o = p;
	switch (c) {
	case OPT_INDEX:
		return index_list_add(&o->indexes, arg) ? EXIT_TROUBLE : 0;
	case OPT_REPAIR:
		o->repair = 1;
		return 0;
	case 'q':
		o->quiet = 1;
		return 0;
	}
	return usage_error("check", "bad option");
}

/* Print one line of the check (a docket_check_fn); CTX is the opts. */
static void report(void *ctx, docket_check_kind kind, const char *line)
{
	const struct check_opts *o = ctx;
	static const char *const tag[] = {"ok", "problem", "repaired"};
	if (o->quiet && kind == DOCKET_CHECK_OK)
		return;
	printf("%s: %s\n", tag[kind], line);
}

/* Check the index PATH by O; returns its exit status. */
static int check_one(const struct check_opts *o, const char *path)
{
	docket_status st = docket_index_check(path, o->repair, report, (void *)o);
	if (st == DOCKET_OK)
		printf("%s: clean\n", path);
	else if (st == DOCKET_CORRUPT)
		printf("%s: problems left%s\n", path,
		       o->repair ? "" : " (try 'docket check --repair')");
	fflush(stdout);
	return st == DOCKET_OK ? EXIT_HITS : st == DOCKET_CORRUPT ? EXIT_NONE
	                                                          : EXIT_TROUBLE;
}

int cmd_check(int argc, char **argv)
{
	struct check_opts o = {{NULL, 0, NULL}, 0, 0};
	int rc = cli_parse(&spec, argc, argv, take_option, &o);
	if (rc == 0 && optind != argc)
		rc = usage_error("check", "unexpected argument '%s' (give the index "
		                 "with --index DIR)", argv[optind]);
	if (rc == 0 && index_list_default(&o.indexes))
		rc = EXIT_TROUBLE;
	for (size_t i = 0; rc >= 0 && i < o.indexes.n && rc != EXIT_TROUBLE; i++) {
		int one = check_one(&o, o.indexes.paths[i]);
		rc = one > rc ? one : rc;
	}
	index_list_free(&o.indexes);
	return rc == -1 ? EXIT_HITS : rc;
}
