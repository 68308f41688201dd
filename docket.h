/* docket.h — the public interface of libdocket, and its manual.
 *
 * libdocket indexes folders of news coverage of court filings and answers
 * searches with ranked passages (paragraph-sized pieces of an article), each
 * with a highlighted snippet and a citation.  The `docket` command-line tool
 * is a client of this library and nothing more.
 *
 * Ownership, once for the whole API:
 *   - Every object is created by a docket_*_open/_new function and released
 *     by the matching _close/_free.  Destroy functions accept NULL.
 *   - A query owns its hits, and every string and array a hit returns.  They
 *     stay valid until docket_query_free(); freeing the query frees them all.
 *   - Strings handed in are copied; the caller may free them after the call.
 *   - Returned strings are UTF-8, NUL-terminated, never NULL ("" for absent).
 *   - The library never prints, never exits, and never calls setlocale().
 *
 * Errors: every fallible call returns a docket_status.  The text of the last
 * error is kept on the handle (docket_index_last_error) and names the file,
 * index or query at fault.  docket_strerror() names a status.
 *
 * Threads: one handle (and everything created from it) is for one thread at
 * a time.  Separate handles on the same index may be used from separate
 * threads or processes; one writer at a time per index (DOCKET_LOCKED).
 * Inside a call the library may run threads of its own, all joined before
 * it returns: the indexer one per shard, and a search one per local shard
 * when the query reads enough postings (at least DOCKET_PARALLEL_MIN from
 * the environment, default 20000; 0 always) — with the same hits and
 * scores as matching the shards one after the other.
 *
 * A full search loop:
 *
 *     docket_index *idx;
 *     docket_query *q;
 *     docket_hits *hits;
 *     if (docket_index_open("/path/to/index", DOCKET_OPEN_READ, &idx))
 *         ... report docket_index_last_error(idx), then close it ...
 *     if (docket_query_new(idx, "\"storm off\" AWS", &q) == DOCKET_OK &&
 *         docket_query_run(q, &hits) == DOCKET_OK) {
 *         for (; docket_hits_valid(hits); docket_hits_next(hits)) {
 *             const docket_hit *h = docket_hits_get(hits);
 *             printf("%.2f %s\n", docket_hit_score(h),
 *                    docket_hit_field(h, DOCKET_FIELD_CITATION));
 *         }
 *         if (docket_hits_status(hits) != DOCKET_OK)
 *             ... the iteration stopped early: report the error ...
 *     }
 *     docket_query_free(q);          // frees hits and their strings
 *     docket_index_close(idx);
 *
 * Licence: GPL-2.0-or-later.
 */
#ifndef DOCKET_H
#define DOCKET_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#define DOCKET_VERSION_MAJOR 0 /* the SONAME is libdocket.so.MAJOR */
#define DOCKET_VERSION_MINOR 1
#define DOCKET_VERSION_STRING "0.1"

#if defined(__GNUC__)
#define DOCKET_EXPORT __attribute__((visibility("default")))
#else
#define DOCKET_EXPORT
#endif

/* ---------------------------------------------------------------- status */

typedef enum docket_status {
	DOCKET_OK = 0,
	DOCKET_NO_MEMORY,     /* an allocation failed */
	DOCKET_BAD_ARGUMENT,  /* NULL handle, unknown option, value out of range */
	DOCKET_NOT_FOUND,     /* no index (or no such passage) at that place */
	DOCKET_LOCKED,        /* another process is writing this index */
	DOCKET_IO_ERROR,      /* reading or writing a file or the index failed */
	DOCKET_CORRUPT,       /* the index is damaged or of an unknown format */
	DOCKET_BAD_QUERY,     /* the query string cannot be parsed or run */
	DOCKET_BAD_INPUT,     /* an input file cannot be parsed */
	DOCKET_MODIFIED,      /* the index kept changing under a reader */
	DOCKET_UNSUPPORTED,   /* not possible with this index (e.g. remote) */
	DOCKET_ENGINE_ERROR,  /* any other error from the search engine */
	DOCKET_INTERRUPTED,   /* a callback asked to stop */
	DOCKET_LAST_STATUS    /* the number of statuses; not a status */
} docket_status;

/* A short constant English description of a status; never NULL. */
DOCKET_EXPORT const char *docket_strerror(docket_status status);

/* The library's version and those of the libraries it runs on, as one
 * constant line: "docket 0.1 (Xapian 1.4.22, libstemmer 2.2.0-2)".  The
 * docket part is DOCKET_VERSION_STRING of the library that is running
 * (which may differ from the header a program was built with); Xapian's is
 * the loaded libxapian's; libstemmer has no version call, so its part is
 * the Debian package's version when the library was built, or "unknown".
 * Never NULL, never freed; cannot fail. */
DOCKET_EXPORT const char *docket_version(void);

/* ----------------------------------------------------------------- index */

typedef struct docket_index docket_index;

typedef enum docket_open_mode {
	DOCKET_OPEN_READ,   /* search only; the index must exist */
	DOCKET_OPEN_WRITE   /* create if missing; one writer at a time */
} docket_open_mode;

/* Open the index at PATH.  PATH is an index folder, or (read mode only) a
 * Xapian stub file listing shards: local paths, "remote HOST:PORT",
 * "remote :PROGRAM ARGS".
 *
 * The security boundary: opening never runs a program unless PATH is
 * itself a stub *file* (not a folder), the "remote :PROGRAM" line is in
 * that file (not in a stub or folder it names), and the environment has
 * DOCKET_ALLOW_PROGRAMS=1 (what `docket --allow-programs` sets).  Any other
 * program line is refused with DOCKET_UNSUPPORTED naming the stub and the
 * line, before anything runs: an index folder someone sent you can never
 * execute anything.  The programs an allowed stub starts are stopped
 * (SIGTERM, then SIGKILL after half a second) and reaped by
 * docket_index_close, or by the close after a failed open: none outlives
 * the handle.  (They are found as the children this process gained during
 * the open, so a child another thread starts meanwhile is stopped too.)  A stub that leads back to itself (directly, through
 * other stubs, or as a folder's XAPIANDB) is DOCKET_CORRUPT, never a crash.
 *
 * Write mode never deletes what docket did not make: a non-empty folder
 * that is no docket index is refused (DOCKET_BAD_ARGUMENT) before anything
 * is written into it; inside an index folder only databases whose contents
 * show they are docket's are ever removed, whatever their names; a lost
 * XAPIANDB is rebuilt from the shards found there.
 *
 * On return *OUT is always set, even on error, so that the error text can be
 * read with docket_index_last_error(); close it in every case.
 * Returns DOCKET_NOT_FOUND (read mode, nothing there), DOCKET_LOCKED (write
 * mode, another writer), DOCKET_CORRUPT, DOCKET_UNSUPPORTED (a program
 * line, above), DOCKET_BAD_ARGUMENT, DOCKET_IO_ERROR, DOCKET_NO_MEMORY. */
DOCKET_EXPORT docket_status docket_index_open(const char *path,
                                              docket_open_mode mode,
                                              docket_index **out);

/* Read the aliases file PATH (see README, "Aliases") for the searches of
 * IDX from now on, replacing any read before; "" forgets them.  Without a
 * call, a read-mode index reads docket.aliases beside its shards (in the
 * index folder, or the stub file's folder) at its first search, if there
 * is one.  The cases, dockets, courts and judges of hits and the case:,
 * docket:, court: and judge: fields see every writing a line merges as
 * its canonical name, and none of a dropped one.  Returns DOCKET_OK,
 * DOCKET_NOT_FOUND, DOCKET_IO_ERROR or DOCKET_BAD_INPUT ("PATH:LINE:
 * why" in docket_index_last_error), DOCKET_NO_MEMORY. */
DOCKET_EXPORT docket_status docket_index_set_aliases(docket_index *idx,
                                                     const char *path);

/* Add another index or stub file to a read-mode handle, so that searches
 * cover all of them as one (global BM25 statistics).  DOCKET_UNSUPPORTED on a
 * write-mode handle, or for a program line docket_index_open would refuse. */
DOCKET_EXPORT docket_status docket_index_add(docket_index *idx,
                                             const char *path);

/* What one line of docket_index_check reports. */
typedef enum docket_check_kind {
	DOCKET_CHECK_OK,       /* a part found sound (or the user's, left alone) */
	DOCKET_CHECK_PROBLEM,  /* something wrong, left as it is */
	DOCKET_CHECK_REPAIRED  /* something wrong, and what was done about it */
} docket_check_kind;

/* Receives each line of docket_index_check: "PATH: what was found or
 * done", no newline; LINE is valid only during the call. */
typedef void docket_check_fn(void *ctx, docket_check_kind kind,
                             const char *line);

/* Verify the index folder PATH, one line to REPORT (may be NULL) per part:
 * the lock file, the stub XAPIANDB and the shards it names, each shard
 * (opens, is docket's by its metadata, schema version, Xapian's own
 * consistency check of every table), and what an interrupted run left
 * (XAPIANDB.tmp, docket's databases the stub does not name).  Nothing
 * that is not docket's is ever touched.
 * With REPAIR non-zero, and under the writer's lock: a lost or damaged
 * XAPIANDB is rebuilt from the shards found by their contents, and
 * docket's own stale temporaries are removed; each action is one
 * DOCKET_CHECK_REPAIRED line.  A damaged shard is reported, never
 * rewritten (re-index its files).
 * Returns DOCKET_OK when the index is clean (at the end, after repairs),
 * DOCKET_CORRUPT when problems are left, DOCKET_NOT_FOUND (no folder),
 * DOCKET_LOCKED (REPAIR while a writer holds the index: nothing is
 * changed), DOCKET_IO_ERROR, DOCKET_NO_MEMORY; the reason is always one
 * DOCKET_CHECK_PROBLEM line. */
DOCKET_EXPORT docket_status docket_index_check(const char *path, int repair,
                                               docket_check_fn *report,
                                               void *ctx);

/* Close the index, committing nothing further (a writer's work is committed
 * by docket_indexer_run).  Accepts NULL. */
DOCKET_EXPORT void docket_index_close(docket_index *idx);

/* The text of the last error on IDX ("" if none).  Valid until the next call
 * on IDX.  Accepts NULL (returns a fixed text). */
DOCKET_EXPORT const char *docket_index_last_error(const docket_index *idx);

/* Does libstemmer know the stemming language LANG ("english", "french",
 * ...)?  1 or 0 (also for NULL); cannot fail. */
DOCKET_EXPORT int docket_language_known(const char *lang);

/* The stemming language recorded in the index ("english" by default). */
DOCKET_EXPORT const char *docket_index_language(const docket_index *idx);

/* Choose the stemming language of a new, empty write-mode index.  Returns
 * DOCKET_BAD_ARGUMENT for a language libstemmer does not know, and
 * DOCKET_UNSUPPORTED if the index already holds articles in another one. */
DOCKET_EXPORT docket_status docket_index_set_language(docket_index *idx,
                                                      const char *lang);

/* Choose how many shards a new, empty write-mode index is built as (1 to
 * 64).  Each shard is a Xapian database in the index folder, named by a
 * stub file there (XAPIANDB) so that readers open them as one; each file is
 * always indexed into the same shard (a stable hash of its path), and the
 * indexer runs one writer thread per shard.  A new index gets one shard per
 * core, at most 4.  DOCKET_UNSUPPORTED once the index holds articles. */
DOCKET_EXPORT docket_status docket_index_set_shards(docket_index *idx,
                                                    unsigned shards);

/* The number of shards a write-mode index has (1 for a read-mode one, whose
 * shards Xapian combines). */
DOCKET_EXPORT unsigned docket_index_shards(const docket_index *idx);

/* Counts over the whole index (every shard). */
DOCKET_EXPORT docket_status docket_index_counts(docket_index *idx,
                                                size_t *articles,
                                                size_t *passages);

/* -------------------------------------------------------------- indexing */

typedef struct docket_indexer docket_indexer;

typedef enum docket_indexer_option {
	DOCKET_INDEXER_FOLLOW,     /* follow symbolic links (0/1, default 0) */
	DOCKET_INDEXER_HIDDEN,     /* index hidden files and folders (0/1) */
	DOCKET_INDEXER_MAX_SIZE,   /* skip files larger (bytes, default 32 MiB) */
	DOCKET_INDEXER_BATCH,      /* files per commit, per shard (default 200);
	                            * after one batch of new files a run loads
	                            * the rest in bulk (docket_indexer_run) */
	DOCKET_INDEXER_ONE_FILE_SYSTEM, /* enter no folder on another file
	                                 * system than the root's (0/1) */
	DOCKET_INDEXER_LAST_OPTION
} docket_indexer_option;

typedef enum docket_event {
	DOCKET_EVENT_ADDED,      /* a new file was indexed */
	DOCKET_EVENT_UPDATED,    /* a changed file was re-indexed */
	DOCKET_EVENT_REMOVED,    /* a vanished file was removed from the index */
	DOCKET_EVENT_UNCHANGED,  /* a file was already up to date */
	DOCKET_EVENT_SKIPPED,    /* a file was not indexed; REASON says why */
	DOCKET_EVENT_WARNING,    /* indexed, but with a problem (REASON) */
	DOCKET_EVENT_COMMITTED,  /* a batch was committed, or staged files
	                          * merged into their shard */
	DOCKET_EVENT_MERGING,    /* staged files are being merged into their
	                          * shard (seconds for a big load); PATH is "",
	                          * REASON says which shard and how much */
	DOCKET_EVENT_NOTE,       /* indexed, and REASON tells how (a file read
	                          * in another charset and converted) */
	DOCKET_EVENT_LAST
} docket_event;

/* Called for every file event.  PATH is the file's path as walked (may hold
 * any bytes but NUL), REASON is "" or one line of English.  Return non-zero
 * to stop the run (it then returns DOCKET_INTERRUPTED after committing what
 * was complete).  The strings are valid only during the call.  It is called
 * from the indexer's threads (one per shard, and the caller's), never two
 * at once, and must not call back into the indexer. */
typedef int (*docket_event_fn)(void *ctx, docket_event event,
                               const char *path, const char *reason);

/* A new indexer for a write-mode index.  The indexer belongs to IDX and must
 * be freed before it. */
DOCKET_EXPORT docket_status docket_indexer_new(docket_index *idx,
                                               docket_indexer **out);
DOCKET_EXPORT docket_status docket_indexer_set(docket_indexer *ix,
                                               docket_indexer_option opt,
                                               long value);
/* Skip paths matching GLOB (fnmatch(3) syntax, matched against the path
 * relative to the walked root and against the file's base name). */
DOCKET_EXPORT docket_status docket_indexer_exclude(docket_indexer *ix,
                                                   const char *glob);
DOCKET_EXPORT void docket_indexer_on_event(docket_indexer *ix,
                                           docket_event_fn fn, void *ctx);

/* Bring the index up to date with the file or folder at PATH: new files
 * added, changed ones replaced, files that vanished from under PATH removed.
 * The calling thread walks PATH; one thread per shard indexes.  Each file is
 * indexed whole or not at all; changes are committed in batches — except a
 * JSON export read record by record (past DOCKET_INDEXER_MAX_SIZE), which
 * is committed every 5 batches of records, so that memory stays bounded:
 * stopped in between, the index holds whole records of it, and the next run
 * completes it.  Once a
 * shard has taken a batch of new files in this run, its further new files
 * are staged in small fresh databases and merged into the shard (Xapian's
 * Compactor) when they reach its size, and at the end; the merged shard is
 * swapped in whole.  So an interrupted run loses at most each shard's batch
 * in progress and the files staged since its last merge, and a rerun
 * converges.  A file that cannot be read or parsed is skipped (an event),
 * not an error.  Returns an error only when the index itself fails.
 * The threads indexing shard K are named DOCKET_SHARD_THREAD "K" (seen in
 * top -H and gdb; the docket tool's fault and stall lines read it). */
#define DOCKET_SHARD_THREAD "docket shard-"
DOCKET_EXPORT docket_status docket_indexer_run(docket_indexer *ix,
                                               const char *path);

/* How many files the runs so far reported with EVENT. */
DOCKET_EXPORT size_t docket_indexer_count(const docket_indexer *ix,
                                          docket_event event);
DOCKET_EXPORT void docket_indexer_free(docket_indexer *ix);

/* --------------------------------------------------------------- queries */

typedef struct docket_query docket_query;
typedef struct docket_hits docket_hits;
typedef struct docket_hit docket_hit;

typedef enum docket_query_option {
	DOCKET_QUERY_LIMIT,         /* hits to return (default 10, max 10000) */
	DOCKET_QUERY_OFFSET,        /* hits to skip first (default 0) */
	DOCKET_QUERY_PER_ARTICLE,   /* passages per article (default 2, 0 = any) */
	DOCKET_QUERY_SORT,          /* a docket_sort (default relevance) */
	DOCKET_QUERY_SNIPPET_BYTES, /* snippet window size (default 240) */
	DOCKET_QUERY_DEFAULT_AND,   /* 1: words are ANDed (default 0: OR) */
	DOCKET_QUERY_PLAIN,         /* 1: the string is plain words, no syntax */
	DOCKET_QUERY_EXPLAIN,       /* 1: record each hit's score breakdown */
	DOCKET_QUERY_FEEDBACK_TERMS,   /* terms pseudo-relevance feedback adds (10) */
	DOCKET_QUERY_FEEDBACK_DOCS,    /* top passages it learns from (10) */
	DOCKET_QUERY_QUOTED,        /* 1: only passages holding a quote; an
	                             * empty query string then finds them all */
	DOCKET_QUERY_COPIES,        /* 1: every copy of a passage is a hit of
	                             * its own; 0 (default): copies collapse,
	                             * see docket_hit_copy_count() */
	DOCKET_QUERY_TIME_LIMIT_MS, /* stop looking for more matches after
	                             * this many milliseconds and return the
	                             * best found so far (0, the default: no
	                             * limit; `docket serve` bounds requests);
	                             * facets, timeline and coverage, which need
	                             * every match, fail past it with
	                             * DOCKET_INTERRUPTED */
	DOCKET_QUERY_STRICT,        /* 1: a word that looks like a field but
	                             * names none ("jduge:okafor") makes the run
	                             * fail with DOCKET_BAD_QUERY; 0 (default):
	                             * it is words, and docket_query_warning()
	                             * says so */
	DOCKET_QUERY_STOPWORDS,     /* 1 (default): drop the index language's
	                             * commonest function words ("the", "of",
	                             * "was", "how"; English has a list, other
	                             * languages none) from the query, except
	                             * inside a phrase or NEAR, or where only
	                             * they would be left (the query "the
	                             * who", the "the" of "the -bridge");
	                             * 0: search every word */
	DOCKET_QUERY_LAST_OPTION
} docket_query_option;

typedef enum docket_sort {
	DOCKET_SORT_RELEVANCE,
	DOCKET_SORT_DATE,       /* newest first, relevance breaking ties */
	DOCKET_SORT_LAST
} docket_sort;

/* A new query over IDX for QUERY_STRING (the query language is in README).
 * The string is parsed at docket_query_run.  The query belongs to IDX and
 * must be freed before it. */
DOCKET_EXPORT docket_status docket_query_new(docket_index *idx,
                                             const char *query_string,
                                             docket_query **out);
DOCKET_EXPORT docket_status docket_query_set(docket_query *q,
                                             docket_query_option opt,
                                             long value);
/* BM25 parameters (defaults k1 = 0.9, b = 0.4). */
DOCKET_EXPORT docket_status docket_query_set_bm25(docket_query *q, double k1,
                                                  double b);

/* Keep only the passages whose FIELD ("outlet" or "author") is exactly
 * VALUE — or, with EXCLUDE, only those whose is not.  This is what a
 * facet row names: the query string's outlet:"Ledger" matches words, so
 * it also keeps "Harbor Valley Ledger".  Filters are ANDed, at most
 * DOCKET_MAX_FILTERS per query; they apply to the hits and to facets,
 * timelines and coverage, remote shards included.  DOCKET_BAD_ARGUMENT
 * for another field or one filter too many. */
#define DOCKET_MAX_FILTERS 16
DOCKET_EXPORT docket_status docket_query_filter(docket_query *q,
                                                const char *field,
                                                const char *value, int exclude);

typedef enum docket_weight {
	DOCKET_WEIGHT_K1,          /* BM25 k1: term frequency saturation (0.9) */
	DOCKET_WEIGHT_B,           /* BM25 b: length normalisation, 0..1 (0.4) */
	DOCKET_WEIGHT_MIN_NORMLEN, /* BM25 floor on a passage's relative length
	                            * (0.5): short passages gain no more */
	DOCKET_WEIGHT_TITLE,       /* lift of the passages whose headline holds
	                            * a query word: this times the word's idf,
	                            * the same for each passage of the article
	                            * (0.75; 0: headlines count for nothing) */
	DOCKET_WEIGHT_FEEDBACK,    /* weight of pseudo-relevance feedback terms
	                            * from the top passages (0: off) */
	DOCKET_WEIGHT_LAST
} docket_weight;

/* Set a ranking weight (see the enum for meanings and defaults).  Values
 * must be >= 0 (B at most 1).  The defaults are what `make eval` chose. */
DOCKET_EXPORT docket_status docket_query_set_weight(docket_query *q,
                                                    docket_weight which,
                                                    double value);

/* Run the query.  *OUT is owned by Q; running Q again invalidates the hits
 * of the previous run.  Returns DOCKET_BAD_QUERY with the reason in
 * docket_index_last_error() when the string cannot be parsed, DOCKET_MODIFIED
 * when the index kept changing under us after several reopen-and-retry
 * rounds.  Zero hits is DOCKET_OK with an empty iterator. */
DOCKET_EXPORT docket_status docket_query_run(docket_query *q,
                                             docket_hits **out);

/* A query whose hits are the passage PASSAGE_ID and up to CONTEXT passages
 * before and after it in its article, in article order (for `docket show`).
 * PASSAGE_ID is ARTICLE_ID#N, or PATH#N for an indexed file at PATH (as
 * the caller's process sees it) when no passage has that id.
 * QUERY_STRING (NULL or "" for none) only decides the highlights.  Running
 * it returns DOCKET_NOT_FOUND when there is no such passage. */
DOCKET_EXPORT docket_status docket_query_new_passage(docket_index *idx,
                                                     const char *passage_id,
                                                     unsigned context,
                                                     const char *query_string,
                                                     docket_query **out);

/* A query whose hits are the passage PASSAGE_ID and every copy of it
 * (syndicated or duplicated: see docket_hit_copy_count), oldest first,
 * undated ones last, for `docket copies`.  Running it returns
 * DOCKET_NOT_FOUND when there is no such passage. */
DOCKET_EXPORT docket_status docket_query_new_copies(docket_index *idx,
                                                    const char *passage_id,
                                                    docket_query **out);
/* What the last run of Q found doubtful in the query string, one line
 * naming it and the fields ("unknown field 'jduge:' (fields: title, …);
 * searched as words"), or "" when nothing.  Owned by Q. */
DOCKET_EXPORT const char *docket_query_warning(const docket_query *q);
/* An estimate of the number of matching passages (after the last run). */
DOCKET_EXPORT size_t docket_query_estimated(const docket_query *q);

/* Free Q, its hits and all their strings.  Accepts NULL. */
DOCKET_EXPORT void docket_query_free(docket_query *q);

/* ------------------------------------------------------------------ hits */

/* Non-zero while the iterator is on a hit. */
DOCKET_EXPORT int docket_hits_valid(const docket_hits *hits);
/* Move to the next hit.  If reading it fails, the iterator becomes invalid
 * and docket_hits_status() says why. */
DOCKET_EXPORT void docket_hits_next(docket_hits *hits);
/* DOCKET_OK unless the iteration stopped because of an error. */
DOCKET_EXPORT docket_status docket_hits_status(const docket_hits *hits);
/* The current hit, or NULL when not valid.  Owned by the query. */
DOCKET_EXPORT const docket_hit *docket_hits_get(const docket_hits *hits);
/* Number of hits in this run. */
DOCKET_EXPORT size_t docket_hits_count(const docket_hits *hits);

typedef enum docket_field {
	DOCKET_FIELD_PASSAGE_ID, /* stable: ARTICLE_ID#ORDINAL */
	DOCKET_FIELD_ARTICLE_ID, /* stable: root-relative path, or FILE#ID */
	DOCKET_FIELD_PATH,       /* the file as indexed */
	DOCKET_FIELD_TITLE,
	DOCKET_FIELD_OUTLET,
	DOCKET_FIELD_AUTHOR,
	DOCKET_FIELD_DATE,       /* YYYY-MM-DD or "" */
	DOCKET_FIELD_URL,
	DOCKET_FIELD_SECTION,    /* the heading the passage sits under, or "" */
	DOCKET_FIELD_TEXT,       /* the whole passage */
	DOCKET_FIELD_SNIPPET,    /* the best window of TEXT (no ellipses) */
	DOCKET_FIELD_CITATION,   /* one line, plain style */
	DOCKET_FIELD_WIRE,       /* the wire agency the article says it is copy
	                          * of: "ap", "reuters", "afp", … or "" */
	DOCKET_FIELD_LAST
} docket_field;

/* A field of the hit; "" when absent or FIELD is out of range. */
DOCKET_EXPORT const char *docket_hit_field(const docket_hit *hit,
                                           docket_field field);
DOCKET_EXPORT double docket_hit_score(const docket_hit *hit);
/* 1-based rank within the whole result (offset included). */
DOCKET_EXPORT size_t docket_hit_rank(const docket_hit *hit);
/* Paragraph number of the passage within its article (1-based): headings
 * are not counted, every paragraph, bullet and block quote is. */
DOCKET_EXPORT int docket_hit_paragraph(const docket_hit *hit);
/* Which piece (1-based) of its paragraph the passage is, when a paragraph
 * of more than 150 words was cut into several passages ("¶ 7 (part 2)");
 * 0 when the passage is the whole paragraph. */
DOCKET_EXPORT int docket_hit_part(const docket_hit *hit);
/* Ordinal of the passage within its article (1-based). */
DOCKET_EXPORT int docket_hit_ordinal(const docket_hit *hit);

/* The sources the article credits for this passage, e.g. "wired.com". */
DOCKET_EXPORT size_t docket_hit_source_count(const docket_hit *hit);
DOCKET_EXPORT const char *docket_hit_source(const docket_hit *hit, size_t i);

/* The multi-valued fields of a hit, read through docket_hit_list_count()
 * and docket_hit_list_item().  New values are appended just before
 * DOCKET_LIST_LAST; none is ever renumbered. */
typedef enum docket_list {
	DOCKET_LIST_SOURCES, /* credited sources, as docket_hit_source() */
	DOCKET_LIST_CASES,        /* the article's cases: "Delacroix v. Nimbus" */
	DOCKET_LIST_DOCKETS,      /* its docket numbers as keys: "25-cv-4418" */
	DOCKET_LIST_COURTS,       /* its courts: "N.D. Cal." */
	DOCKET_LIST_JUDGES,       /* its judges: "Rita F. Lindqvist" */
	DOCKET_LIST_RECORD_CITES, /* the passage's record cites: "PX-17" */
	DOCKET_LIST_SPEAKERS, /* the distinct speakers of the passage's quotes,
	                       * in the order they first speak */
	DOCKET_LIST_EVENT_DATES, /* the days the passage itself states ("filed
	                          * on March 4", "on Monday"), resolved against
	                          * the article's date: YYYY-MM-DD, ascending */
	DOCKET_LIST_LAST
} docket_list;

/* How many items list LIST of the hit holds; 0 for a NULL hit or a LIST
 * out of range.  The article's lists (CASES, DOCKETS, COURTS, JUDGES) are
 * kept with its first passage and read from the index when one of them is
 * first asked for (one read per article, kept until the query runs again),
 * so a caller that never asks never pays.  If that read fails they are
 * empty, the iteration stops (docket_hits_valid() becomes 0) and
 * docket_hits_status() says why: check it after reading the lists, as
 * after the loop. */
DOCKET_EXPORT size_t docket_hit_list_count(const docket_hit *hit,
                                           docket_list list);
/* Item I of list LIST of the hit, owned by the query; "" when I or LIST is
 * out of range or HIT is NULL (never NULL). */
DOCKET_EXPORT const char *docket_hit_list_item(const docket_hit *hit,
                                               docket_list list, size_t i);

/* Quotations: the direct quotes of the passage, in text order, as found at
 * index time by rules (README, "Quotes").  Quote I is the byte range
 * [*START, *END) of DOCKET_FIELD_TEXT (the quoted words, marks excluded),
 * said by *SPEAKER — a person's full name, a role ("Nimbus spokesperson"),
 * an organisation or a document ("complaint", "Exhibit 42"); "" when
 * unknown — with the cue *CUE ("said", "according to"; "" when none).
 * Out of range: 0, 0, "", "".  Any pointer may be NULL; the strings are
 * owned by the query. */
DOCKET_EXPORT size_t docket_hit_quote_count(const docket_hit *hit);
DOCKET_EXPORT void docket_hit_quote(const docket_hit *hit, size_t i,
                                    size_t *start, size_t *end,
                                    const char **speaker, const char **cue);
/* Quote I's range as code-point offsets [*START_CP, *END_CP) into the text
 * (for languages whose strings count characters, not bytes). */
DOCKET_EXPORT void docket_hit_quote_cp(const docket_hit *hit, size_t i,
                                       size_t *start_cp, size_t *end_cp);
/* Quote I's grouping key: its words lower-cased, punctuation dropped,
 * spaces folded ("" out of range); two reports of one quote share it. */
DOCKET_EXPORT const char *docket_hit_quote_key(const docket_hit *hit, size_t i);
/* Non-zero when key SHORTER is a run of whole words of key LONGER (an
 * excerpt of that quote; equal keys count).  NULL or "" SHORTER: 0. */
DOCKET_EXPORT int docket_quote_key_contains(const char *longer,
                                            const char *shorter);
/* Copies.  A passage run by several outlets (agency copy, republished with
 * a new dateline, a cut ending, a reworded sentence) or saved twice is one
 * copy group.  By default a search shows the best-ranked passage of each
 * group; the other passages of its group that also match the query are its
 * copies, and the earliest dated passage of the whole group (matching or
 * not, the hit itself if earliest) is its first report.  Groups are found
 * when the search runs, so they follow every update and deletion.
 *
 *     for (size_t i = 0; i < docket_hit_copy_count(h); i++)
 *         printf("also in %s %s\n",
 *                docket_hit_copy(h, i, DOCKET_COPY_OUTLET),
 *                docket_hit_copy(h, i, DOCKET_COPY_DATE));
 *     printf("first: %s\n",
 *            docket_hit_first_reported(h, DOCKET_COPY_OUTLET));
 */
typedef enum docket_copy_field {
	DOCKET_COPY_PASSAGE_ID,
	DOCKET_COPY_ARTICLE_ID,
	DOCKET_COPY_OUTLET,
	DOCKET_COPY_DATE,        /* YYYY-MM-DD or "" */
	DOCKET_COPY_URL,
	DOCKET_COPY_WIRE,        /* as DOCKET_FIELD_WIRE */
	DOCKET_COPY_LAST
} docket_copy_field;

/* How many copies the hit has (other matching passages of its group), in
 * rank order of no significance: oldest first, undated last. */
DOCKET_EXPORT size_t docket_hit_copy_count(const docket_hit *hit);
/* Field F of copy I; "" when I or F is out of range or HIT is NULL. */
DOCKET_EXPORT const char *docket_hit_copy(const docket_hit *hit, size_t i,
                                          docket_copy_field f);
/* Field F of the group's first report: its earliest dated passage, the
 * hit itself when it is the earliest or the group has no other; "" when F
 * is out of range or HIT is NULL. */
DOCKET_EXPORT const char *docket_hit_first_reported(const docket_hit *hit,
                                                    docket_copy_field f);

/* The snippet window: byte offsets [*START, *END) into DOCKET_FIELD_TEXT. */
DOCKET_EXPORT void docket_hit_snippet_range(const docket_hit *hit,
                                            size_t *start, size_t *end);
/* Highlights: byte ranges [start, end) into DOCKET_FIELD_TEXT, ascending and
 * disjoint, all inside the snippet window; each covers one matched word or
 * one whole matched phrase.  (A passage-in-context query's window is the
 * whole passage.) */
DOCKET_EXPORT size_t docket_hit_highlight_count(const docket_hit *hit);
DOCKET_EXPORT void docket_hit_highlight(const docket_hit *hit, size_t i,
                                        size_t *start, size_t *end);

/* With DOCKET_QUERY_EXPLAIN: the parts of the hit's score — each matched
 * query word ("aws", "storm (stem)", "title:gauntlet") and each boost —
 * with what it adds.  Each weight is Xapian's own for that part on this
 * passage, so they add up to the score (a repeated query word aside).
 * Returns the part's name ("" past the end) and stores its weight. */
DOCKET_EXPORT size_t docket_hit_explain_count(const docket_hit *hit);
DOCKET_EXPORT const char *docket_hit_explain(const docket_hit *hit, size_t i,
                                             double *weight);

typedef enum docket_cite_style {
	DOCKET_CITE_PLAIN,    /* Title — Outlet, date, § section, ¶ n (via s) */
	DOCKET_CITE_MARKDOWN, /* [Title](url) — Outlet, date, § s, ¶ n (via s) */
	DOCKET_CITE_BIBTEX,   /* an @online entry with a stable key */
	DOCKET_CITE_LAST
} docket_cite_style;

/* The hit's citation in STYLE; owned by the query.  NULL only on a bad
 * STYLE or when out of memory. */
DOCKET_EXPORT const char *docket_hit_citation(const docket_hit *hit,
                                              docket_cite_style style);

/* --------------------------------------------------- counts over matches */

/* Counts over EVERY passage a query matches (not only the page of hits:
 * no limit, no offset, no per-article cap): facets, timelines, coverage.
 * Each comes as a table of string cells under named columns, owned by the
 * query and valid until the same kind of table is asked of it again or
 * the query is freed.  Counts are exact, over remote shards too.  A count
 * cell is a decimal number; a list cell holds items joined with '\n'. */
typedef struct docket_table docket_table;

/* Facets: for each field named in FIELDS (comma-separated, in that order:
 * outlet, source, author, month, year; case, court, judge, speaker, wire
 * once their features are indexed), its LIMIT values with the most
 * passages (0: all; ties by value), each with the number of distinct
 * articles and of passages holding it.  A list field (source) counts each
 * of a passage's values; a passage without the field is not counted in
 * it.  Columns: field, value, articles, passages; a field without any
 * value has one row of value "" and zero counts, so that every field
 * asked for appears.  DOCKET_BAD_ARGUMENT for
 * an unknown field and DOCKET_UNSUPPORTED for one not indexed yet, with a
 * message naming it in docket_index_last_error(); DOCKET_BAD_QUERY as
 * docket_query_run. */
DOCKET_EXPORT docket_status docket_query_facets(docket_query *q,
                                                const char *fields,
                                                size_t limit,
                                                const docket_table **out);

/* Ask the next docket_query_run() to count the facets FIELDS (as
 * docket_query_facets() names them) in the same pass as the search, so
 * that docket_query_facets() after it reads them instead of matching the
 * query a second time.  Nothing else changes: the same hits, the same
 * counts.  The search then weighs every match, which a search without
 * counts need not; where it cannot count (fields other than outlet,
 * source, author, month and year, remote shards, an index whose facet
 * columns an older docket did not write, a time limit cut short, a
 * --quoted or feedback query), docket_query_facets() counts on its own
 * as without this call.  NULL or "" asks for nothing.  Errors as
 * docket_query_facets() for a bad field. */
DOCKET_EXPORT docket_status docket_query_want_facets(docket_query *q,
                                                     const char *fields);

typedef enum docket_period {
	DOCKET_BY_DAY,
	DOCKET_BY_WEEK,  /* Monday to Sunday */
	DOCKET_BY_MONTH,
	DOCKET_BY_YEAR,
	DOCKET_BY_LAST
} docket_period;

typedef enum docket_date_kind {
	DOCKET_DATE_PUBLISHED, /* the article's date */
	DOCKET_DATE_EVENT,     /* the dates the passage states
	                        * (DOCKET_LIST_EVENT_DATES) */
	DOCKET_DATE_LAST
} docket_date_kind;

/* Timeline: one row per period BY from the period of the first matching
 * passage to that of the last, empty periods included, in order.  With
 * DOCKET_DATE_EVENT a passage counts in each period one of its event dates
 * falls in.  PER_OUTLET: one series per outlet (outlets in name order),
 * each over the same periods.  Columns: start, end (YYYY-MM-DD), outlet
 * ("" unless PER_OUTLET), articles, passages, outlets (distinct, named
 * ones), first_passage_id, first_outlet, first_date (the earliest
 * published passage of the period; "" when empty).  Passages without the
 * date asked for are left out, and the note says how many. */
DOCKET_EXPORT docket_status docket_query_timeline(docket_query *q,
                                                  docket_period by,
                                                  docket_date_kind date,
                                                  int per_outlet,
                                                  const docket_table **out);

/* Coverage: one row per outlet, sorted by its first date (then name):
 * columns outlet, first, last (YYYY-MM-DD or ""), articles, passages,
 * sources (its 3 most credited sources, '\n'-joined), source_passages
 * (their passage counts, aligned), wire (the wire agencies whose
 * paragraphs it ran, '\n'-joined).  Copies of one wire story count as one
 * article per outlet: its matched articles that share a paragraph (the
 * exact copy fingerprint) are one story; every passage is counted. */
DOCKET_EXPORT docket_status docket_query_coverage(docket_query *q,
                                                  const docket_table **out);

DOCKET_EXPORT size_t docket_table_rows(const docket_table *t);
DOCKET_EXPORT size_t docket_table_columns(const docket_table *t);
/* Column COL's name; "" out of range. */
DOCKET_EXPORT const char *docket_table_column(const docket_table *t,
                                              size_t col);
/* The cell at ROW, COL; "" out of range (never NULL). */
DOCKET_EXPORT const char *docket_table_cell(const docket_table *t,
                                            size_t row, size_t col);
/* "" or one line a reader of the table must see (what it leaves out). */
DOCKET_EXPORT const char *docket_table_note(const docket_table *t);

#ifdef __cplusplus
}
#endif
#endif /* DOCKET_H */
