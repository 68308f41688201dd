/* cmd-index.c — `docket index PATH...`: open (or create) the index for
 * writing, waiting for another writer with --wait, and bring it up to date
 * with each PATH.  While it runs: a progress line on a terminal (files,
 * files/s, seconds, and which shard is being merged during a bulk load's
 * merge), one line per skipped file or warning, the added/updated/removed files with -v; at
 * the end a summary line.  Exit 0 when the index is fine (skipped files are
 * not fatal), 2 on any fatal error.  Called by cli/main.c.
 */
#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"
#include "output.h"

struct index_opts {
	const char *index;   /* --index, or the default (then owned below) */
	char *owned_index;   /* the default index path, malloc'ed */
	const char *lang;    /* --lang */
	long shards;         /* --shards, 0 = the library's choice */
	int follow, hidden;  /* --follow, --hidden */
	int one_fs;          /* --one-file-system */
	long max_size;       /* --max-size, -1 = library default */
	long batch;          /* --batch, -1 = library default */
	int quiet, verbose;  /* -q, -v */
	long wait_s;         /* --wait: seconds to wait for a lock, 0 = none */
	const char **excludes; /* --exclude globs (borrowed from argv) */
	size_t nexcludes;
	char **paths;        /* the PATH arguments (borrowed) */
	int npaths;
};

/* Skip reasons counted by their text up to the first ':'. */
struct reason {
	char *text;   /* malloc'ed */
	size_t count; /* how many files */
};

/* What the event callback needs. */
struct progress {
	const struct index_opts *o;
	int tty;                  /* draw the progress line on stderr */
	int drawn;                /* a progress line is on screen */
	size_t files;             /* file events so far */
	double start, last_draw;  /* seconds (monotonic) */
	struct reason *reasons;   /* skip reasons */
	size_t nreasons;
};

static volatile sig_atomic_t interrupted; /* the signal that asked us to
                                           * stop (SIGINT, SIGTERM), or 0 */

enum { OPT_INDEX = 256, OPT_LANG, OPT_FOLLOW, OPT_HIDDEN, OPT_EXCLUDE,
       OPT_MAX_SIZE, OPT_BATCH, OPT_WAIT, OPT_SHARDS, OPT_ONE_FS };

static const struct cli_option options[] = {
	{"index", OPT_INDEX, required_argument, "DIR",
	 "the index (created if missing)", NULL},
	{"lang", OPT_LANG, required_argument, "LANG",
	 "stemming language of a new index (default english)", NULL},
	{"shards", OPT_SHARDS, required_argument, "N",
	 "build a new index as N shards, one writer thread each\n"
	 "(default: one per core, at most 4)", NULL},
	{"follow", OPT_FOLLOW, no_argument, NULL, "follow symbolic links", NULL},
	{"hidden", OPT_HIDDEN, no_argument, NULL,
	 "index hidden files and folders too", NULL},
	{"one-file-system", OPT_ONE_FS, no_argument, NULL,
	 "enter no folder on another file system", NULL},
	{"exclude", OPT_EXCLUDE, required_argument, "GLOB",
	 "skip files matching GLOB (repeatable)", NULL},
	{"max-size", OPT_MAX_SIZE, required_argument, "BYTES",
	 "skip larger files, JSON aside: read record by record (K, M, G)", NULL},
	{"batch", OPT_BATCH, required_argument, "N", "files per commit", NULL},
	{"wait", OPT_WAIT, optional_argument, "SECONDS",
	 "wait for another writer to finish (default 60 s)", NULL},
	{"quiet", 'q', no_argument, NULL, "no progress and no summary", NULL},
	{"verbose", 'v', no_argument, NULL,
	 "list each file added, updated, removed, skipped or converted", NULL},
	{"help", 'h', no_argument, NULL, "show this help", NULL},
};

static const struct cli_spec spec = CLI_SPEC("index",
	"usage: docket index [OPTION]... PATH...\n"
	"Bring the index up to date with the files and folders PATH...:\n"
	"new files are added, changed ones updated, vanished ones removed.\n"
	"\n",
	options, NULL);

/* ------------------------------------------------------------ arguments */

static int add_exclude(struct index_opts *o, const char *glob)
{
	const char **e = realloc(o->excludes, (o->nexcludes + 1) * sizeof *e);
	if (!e)
		return fail("out of memory");
	e[o->nexcludes++] = glob;
	o->excludes = e;
	return 0;
}

/* Handle option C with argument ARG for the index_opts P (a cli_take);
 * returns 0 or an exit status. */
static int take_option(void *p, int c, const char *arg)
{
	struct index_opts *o = p;
	switch (c) {
	case OPT_INDEX: o->index = arg; return 0;
	case OPT_LANG: /* checked now: a bad one must not leave an index */
		if (!docket_language_known(arg))
			return usage_error("index", "--lang: unknown stemming language '%s'",
			                   arg);
		o->lang = arg;
		return 0;
	case OPT_FOLLOW: o->follow = 1; return 0;
	case OPT_HIDDEN: o->hidden = 1; return 0;
	case OPT_ONE_FS: o->one_fs = 1; return 0;
	case OPT_EXCLUDE: return add_exclude(o, arg);
	case 'q': o->quiet = 1; return 0;
	case 'v': o->verbose = 1; return 0;
	case OPT_MAX_SIZE:
		if (parse_size(arg, &o->max_size) || o->max_size == 0)
			return usage_error("index", "--max-size: '%s' is not a size above "
			                   "0 (e.g. 10M)", arg);
		return 0;
	case OPT_SHARDS:
		if (parse_long(arg, 1, 64, &o->shards))
			return usage_error("index", "--shards: '%s' is not a number from 1 to 64", arg);
		return 0;
	case OPT_BATCH:
		if (parse_long(arg, 1, 1000000, &o->batch))
			return usage_error("index", "--batch: '%s' is not a positive number", arg);
		return 0;
	case OPT_WAIT:
		o->wait_s = 60;
		if (arg && parse_long(arg, 0, 86400, &o->wait_s))
			return usage_error("index", "--wait: '%s' is not a number of seconds", arg);
		return 0;
	}
	return usage_error("index", "bad option");
}

/* The default index path, as options.c resolves it. */
static int default_index(struct index_opts *o)
{
	struct index_list l = {0};
	if (index_list_default(&l))
		return EXIT_TROUBLE;
	o->owned_index = l.owned;
	o->index = l.owned;
	l.owned = NULL;
	index_list_free(&l);
	return 0;
}

static int parse_args(int argc, char **argv, struct index_opts *o)
{
	int rc = cli_parse(&spec, argc, argv, take_option, o);
	if (rc)
		return rc;
	if (optind >= argc)
		return usage_error("index", "no PATH given");
	o->paths = argv + optind;
	o->npaths = argc - optind;
	return o->index ? 0 : default_index(o);
}

/* Every PATH must exist before we touch the index: a mistyped path must
 * not read as "everything under it vanished". */
static int check_paths(const struct index_opts *o)
{
	struct stat st;
	for (int i = 0; i < o->npaths; i++) {
		if (stat(o->paths[i], &st) != 0) {
			int e = errno;
			fflush(stdout);
			fputs("docket: ", stderr);
			put_escaped(stderr, o->paths[i]);
			fprintf(stderr, ": %s\n", strerror(e));
			return EXIT_TROUBLE;
		}
	}
	return 0;
}

/* ---------------------------------------------------------- the index */

/* mkdir -p the folder that will hold PATH (not PATH itself: the library
 * creates the index folder).  Returns 0 or -1 with errno set. */
static int make_parents(const char *path)
{
	char *dir = strdup(path);
	int rc = 0;
	if (!dir)
		return -1;
	for (char *p = dir + 1; rc == 0 && (p = strchr(p, '/')); p++) {
		*p = '\0';
		if (mkdir(dir, 0777) != 0 && errno != EEXIST)
			rc = -1;
		*p = '/';
	}
	free(dir);
	return rc;
}

/* Open the index for writing, retrying every 100 ms for --wait seconds
 * while another writer holds it.  *OUT is always set (close it). */
static docket_status open_writer(const struct index_opts *o,
                                 docket_index **out)
{
	double deadline = monotonic_ms() / 1e3 + (double)o->wait_s;
	const struct timespec pause = {0, 100 * 1000 * 1000};
	crash_guard_writer(o->index);
	for (;;) {
		docket_status st = docket_index_open(o->index, DOCKET_OPEN_WRITE,
		                                     out);
		if (st != DOCKET_LOCKED || interrupted || monotonic_ms() / 1e3 >= deadline)
			return st;
		docket_index_close(*out);
		*out = NULL;
		nanosleep(&pause, NULL);
	}
}

/* Print the library's message about IDX; returns EXIT_TROUBLE. */
static int index_failed(const struct index_opts *o, docket_index *idx,
                        docket_status st)
{
	const char *msg = docket_index_last_error(idx);
	if (st == DOCKET_INTERRUPTED)
		return fail("interrupted by %s; the files committed so far are kept",
		            interrupted == SIGTERM ? "SIGTERM" : "SIGINT"),
		       128 + (interrupted ? interrupted : SIGINT); /* as the shell's */
	if (*msg)
		return fail("%s", msg);
	return fail("%s: %s", o->index, docket_strerror(st));
}

/* Apply --shards: a new index takes it, one already holding articles
 * refuses (shards are chosen at creation). */
static int choose_shards(const struct index_opts *o, docket_index *idx)
{
	if (!o->shards || docket_index_shards(idx) == (unsigned)o->shards)
		return 0;
	docket_status st = docket_index_set_shards(idx, (unsigned)o->shards);
	if (st == DOCKET_UNSUPPORTED)
		return fail("%s", docket_index_last_error(idx));
	return st ? index_failed(o, idx, st) : 0;
}

/* Apply --lang: a new index takes it, one in another language refuses. */
static int choose_language(const struct index_opts *o, docket_index *idx)
{
	const char *had = docket_index_language(idx);
	docket_status st;
	if (!o->lang || !strcmp(had, o->lang))
		return 0;
	st = docket_index_set_language(idx, o->lang);
	if (st == DOCKET_UNSUPPORTED)
		return fail("%s: the index is in %s, not %s", o->index, had,
		            o->lang);
	if (st == DOCKET_BAD_ARGUMENT)
		return fail("--lang: unknown stemming language '%s'", o->lang);
	return st ? index_failed(o, idx, st) : 0;
}

/* ---------------------------------------------------------- progress */

static void clear_line(struct progress *p)
{
	if (p->drawn)
		fputs("\r\033[K", stderr);
	p->drawn = 0;
}

/* Redraw the progress line, at most ten times a second unless FORCE; with
 * MERGING (may be NULL) saying what is being merged. */
static void draw(struct progress *p, int force, const char *merging)
{
	double t = monotonic_ms() / 1e3, secs = t - p->start;
	if (!p->tty || (!force && t - p->last_draw < 0.1))
		return;
	p->last_draw = t;
	fprintf(stderr, "\r\033[Kindexing: %zu file%s, %.0f files/s, %.1f s",
	        p->files, p->files == 1 ? "" : "s", secs > 0 ? p->files / secs : 0.0, secs);
	if (merging)
		fprintf(stderr, "; merging %s", merging);
	p->drawn = 1;
}

/* The short name a skip is counted under in the summary: a known
 * reason's class ("binary", "too large"), else its text up to ':' or ';'. */
static size_t reason_class(const char **reason)
{
	static const struct { const char *starts, *cls; } classes[] = {
		{"binary file", "binary"},        {"larger than", "too large"},
		{"decompresses past", "too large"}, {"not an article", "not articles"},
		{"a saved page's assets", "asset folders"},
		{"symbolic link", "symbolic links"}, {"not a regular file", "special files"},
		{"a system folder", "system folders"},
		{"empty file", "empty"},
	};
	for (size_t i = 0; i < sizeof classes / sizeof *classes; i++)
		if (!strncmp(*reason, classes[i].starts, strlen(classes[i].starts))) {
			*reason = classes[i].cls;
			return strlen(*reason);
		}
	return strcspn(*reason, ":;");
}

/* Count a skip under its reason's class (reason_class). */
static void count_reason(struct progress *p, const char *reason)
{
	size_t len = reason_class(&reason);
	struct reason *r;
	for (size_t i = 0; i < p->nreasons; i++) {
		if (strlen(p->reasons[i].text) == len &&
		    !strncmp(p->reasons[i].text, reason, len)) {
			p->reasons[i].count++;
			return;
		}
	}
	r = realloc(p->reasons, (p->nreasons + 1) * sizeof *r);
	if (!r)
		return;
	p->reasons = r;
	r[p->nreasons].text = strndup(reason, len);
	r[p->nreasons].count = 1;
	if (r[p->nreasons].text)
		p->nreasons++;
}

/* "docket: PATH: REASON" on stderr. */
static void put_file_line(struct progress *p, const char *what,
                          const char *path, const char *reason)
{
	clear_line(p);
	fputs(what, stderr);
	put_escaped(stderr, path);
	if (reason && *reason)
		fprintf(stderr, ": %s", reason);
	fputc('\n', stderr);
}

static int on_event(void *ctx, docket_event ev, const char *path,
                    const char *reason)
{
	static const char *const verbs[] = {
		[DOCKET_EVENT_ADDED] = "added ", [DOCKET_EVENT_UPDATED] = "updated ",
		[DOCKET_EVENT_REMOVED] = "removed ",
	};
	struct progress *p = ctx;
	switch (ev) {
	case DOCKET_EVENT_SKIPPED: /* one line each with -v; else counted */
		count_reason(p, reason);
		/* what the index keeps for an entry it could not read now may be
		 * stale: always said (indexer.c's on_keep words it so) */
		if (p->o->verbose || strstr(reason, "what was indexed from it is kept"))
			put_file_line(p, "docket: ", path, *reason ? reason : "skipped");
		break;
	case DOCKET_EVENT_WARNING:
		put_file_line(p, "docket: ", path, reason);
		break;
	case DOCKET_EVENT_NOTE:
		if (p->o->verbose)
			put_file_line(p, "docket: ", path, reason);
		break;
	case DOCKET_EVENT_ADDED:
	case DOCKET_EVENT_UPDATED:
	case DOCKET_EVENT_REMOVED:
		if (p->o->verbose)
			put_file_line(p, verbs[ev], path, NULL);
		break;
	default:
		break;
	}
	if (ev != DOCKET_EVENT_COMMITTED && ev != DOCKET_EVENT_WARNING &&
	    ev != DOCKET_EVENT_MERGING && ev != DOCKET_EVENT_NOTE)
		p->files++;
	draw(p, ev == DOCKET_EVENT_MERGING, ev == DOCKET_EVENT_MERGING ? reason : NULL);
	return interrupted;
}

/* The closing line: "indexed N files: A added, ... S skipped (...)". */
static void put_summary(const struct progress *p, const docket_indexer *ix)
{
	size_t a = docket_indexer_count(ix, DOCKET_EVENT_ADDED);
	size_t u = docket_indexer_count(ix, DOCKET_EVENT_UPDATED);
	size_t r = docket_indexer_count(ix, DOCKET_EVENT_REMOVED);
	size_t c = docket_indexer_count(ix, DOCKET_EVENT_UNCHANGED);
	size_t s = docket_indexer_count(ix, DOCKET_EVENT_SKIPPED);
	fprintf(stderr,
	        "indexed %zu file%s: %zu added, %zu updated, %zu removed, "
	        "%zu unchanged, %zu skipped",
	        a + u + c + s, a + u + c + s == 1 ? "" : "s", a, u, r, c, s);
	for (size_t i = 0; i < p->nreasons; i++)
		fprintf(stderr, "%s%zu %s", i ? ", " : ": ", p->reasons[i].count,
		        p->reasons[i].text);
	fputs(p->nreasons && !p->o->verbose ? "; -v lists them\n" : "\n", stderr);
}

/* ------------------------------------------------------------ running */

/* Asked to stop, the indexer finishes the batch in progress and commits.
 * Xapian can spin in a commit over a damaged shard (a position table's
 * blocks overwritten: 100% CPU, for ever, holding the lock), so a stop is
 * given STOP_GRACE_S seconds; then the process ends as if killed, which the
 * crash tests show loses nothing committed (t-sync-kill, t-stop-grace).
 * A legitimate stop takes one batch's commit, or the end of a bulk merge
 * (whose staged files the next run indexes again). */
enum { STOP_GRACE_S = 10 };
static char overdue_line[1024];
static size_t overdue_len;

static void on_overdue(int sig)
{
	(void)sig;
	ssize_t w = write(STDERR_FILENO, overdue_line, overdue_len);
	(void)w;
	_exit(128 + (interrupted ? interrupted : SIGTERM));
}

/* Compose the line on_overdue writes (nothing may be composed in it). */
static void stop_guard(const char *index)
{
	struct sigaction sa = {0};
	int n = snprintf(overdue_line, sizeof overdue_line,
	                 "docket: %s: still busy %d s after the signal to stop: "
	                 "stopped without the commit in progress (the index is as "
	                 "of the one before); if this repeats, run 'docket check "
	                 "--index %s'\n", index, STOP_GRACE_S, index);
	overdue_len = n < 0 ? 0 : (size_t)n < sizeof overdue_line ? (size_t)n
	                                                        : sizeof overdue_line - 1;
	sa.sa_handler = on_overdue;
	sigaction(SIGALRM, &sa, NULL);
}

static void on_sigint(int sig)
{
	interrupted = sig; /* SIGINT or SIGTERM: the exit is 128 + it */
	alarm(STOP_GRACE_S);
}

/* A new indexer for IDX with the options of O; *OUT always set. */
static docket_status make_indexer(const struct index_opts *o,
                                  docket_index *idx, struct progress *p,
                                  docket_indexer **out)
{
	docket_status st = docket_indexer_new(idx, out);
	if (!st)
		st = docket_indexer_set(*out, DOCKET_INDEXER_FOLLOW, o->follow);
	if (!st)
		st = docket_indexer_set(*out, DOCKET_INDEXER_HIDDEN, o->hidden);
	if (!st)
		st = docket_indexer_set(*out, DOCKET_INDEXER_ONE_FILE_SYSTEM, o->one_fs);
	if (!st && o->max_size >= 0)
		st = docket_indexer_set(*out, DOCKET_INDEXER_MAX_SIZE, o->max_size);
	if (!st && o->batch > 0)
		st = docket_indexer_set(*out, DOCKET_INDEXER_BATCH, o->batch);
	for (size_t i = 0; !st && i < o->nexcludes; i++)
		st = docket_indexer_exclude(*out, o->excludes[i]);
	if (!st)
		docket_indexer_on_event(*out, on_event, p);
	return st;
}

/* Index every PATH into IDX; returns the exit status. */
static int run_paths(const struct index_opts *o, docket_index *idx,
                     struct progress *p)
{
	docket_indexer *ix = NULL;
	docket_status st = make_indexer(o, idx, p, &ix);
	int rc = 0;
	for (int i = 0; !st && i < o->npaths; i++) {
		char *real = realpath(o->paths[i], NULL);
		st = docket_indexer_run(ix, real ? real : o->paths[i]);
		free(real);
	}
	clear_line(p);
	if (st)
		rc = index_failed(o, idx, st);
	else if (!o->quiet)
		put_summary(p, ix);
	docket_indexer_free(ix);
	return rc;
}

int cmd_index(int argc, char **argv)
{
	struct index_opts o = {.max_size = -1, .batch = -1};
	struct progress p = {0};
	struct sigaction sa = {0};
	docket_index *idx = NULL;
	docket_status st;
	int rc = parse_args(argc, argv, &o);
	if (rc == 0)
		rc = check_paths(&o);
	if (rc == 0 && make_parents(o.index) != 0)
		rc = fail("%s: cannot create its folder: %s", o.index, strerror(errno));
	if (rc == 0) {
		stop_guard(o.index);
		stall_guard_start(o.index);
		sa.sa_handler = on_sigint;
		sa.sa_flags = SA_RESETHAND;
		sigaction(SIGINT, &sa, NULL);
		sigaction(SIGTERM, &sa, NULL);
		st = open_writer(&o, &idx);
		rc = st ? index_failed(&o, idx, st) : choose_language(&o, idx);
		if (rc == 0)
			rc = choose_shards(&o, idx);
	}
	if (rc == 0) {
		p.o = &o;
		p.tty = isatty(STDERR_FILENO) && !o.quiet;
		p.start = monotonic_ms() / 1e3;
		p.last_draw = p.start;
		rc = run_paths(&o, idx, &p);
	}
	if (rc == -1)
		rc = EXIT_HITS; /* --help */
	docket_index_close(idx);
	for (size_t i = 0; i < p.nreasons; i++)
		free(p.reasons[i].text);
	free(p.reasons);
	free(o.excludes);
	free(o.owned_index);
	return rc;
}
