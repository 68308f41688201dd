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
 * On return *OUT is always set, even on error, so that the error text can be
 * read with docket_index_last_error(); close it in every case.
 * Returns DOCKET_NOT_FOUND (read mode, nothing there), DOCKET_LOCKED (write
 * mode, another writer), DOCKET_CORRUPT, DOCKET_IO_ERROR, DOCKET_NO_MEMORY. */
DOCKET_EXPORT docket_status docket_index_open(const char *path,
                                              docket_open_mode mode,
                                              docket_index **out);

/* Add another index or stub file to a read-mode handle, so that searches
 * cover all of them as one (global BM25 statistics).  DOCKET_UNSUPPORTED on a
 * write-mode handle. */
DOCKET_EXPORT docket_status docket_index_add(docket_index *idx,
                                             const char *path);

/* Close the index, committing nothing further (a writer's work is committed
 * by docket_indexer_run).  Accepts NULL. */
DOCKET_EXPORT void docket_index_close(docket_index *idx);

/* The text of the last error on IDX ("" if none).  Valid until the next call
 * on IDX.  Accepts NULL (returns a fixed text). */
DOCKET_EXPORT const char *docket_index_last_error(const docket_index *idx);

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
 * indexed whole or not at all; changes are committed in batches.  Once a
 * shard has taken a batch of new files in this run, its further new files
 * are staged in small fresh databases and merged into the shard (Xapian's
 * Compactor) when they reach its size, and at the end; the merged shard is
 * swapped in whole.  So an interrupted run loses at most each shard's batch
 * in progress and the files staged since its last merge, and a rerun
 * converges.  A file that cannot be read or parsed is skipped (an event),
 * not an error.  Returns an error only when the index itself fails. */
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

typedef enum docket_weight {
	DOCKET_WEIGHT_K1,          /* BM25 k1: term frequency saturation (0.9) */
	DOCKET_WEIGHT_B,           /* BM25 b: length normalisation, 0..1 (0.4) */
	DOCKET_WEIGHT_MIN_NORMLEN, /* BM25 floor on a passage's relative length
	                            * (0.5): short passages gain no more */
	DOCKET_WEIGHT_TITLE,       /* lift of the passages whose headline holds
	                            * a query word: this times the word's idf,
	                            * the same for each passage of the article
	                            * (0.5; 0: headlines count for nothing) */
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
 * QUERY_STRING (NULL or "" for none) only decides the highlights.  Running
 * it returns DOCKET_NOT_FOUND when there is no such passage. */
DOCKET_EXPORT docket_status docket_query_new_passage(docket_index *idx,
                                                     const char *passage_id,
                                                     unsigned context,
                                                     const char *query_string,
                                                     docket_query **out);

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
	DOCKET_FIELD_LAST
} docket_field;

/* A field of the hit; "" when absent or FIELD is out of range. */
DOCKET_EXPORT const char *docket_hit_field(const docket_hit *hit,
                                           docket_field field);
DOCKET_EXPORT double docket_hit_score(const docket_hit *hit);
/* 1-based rank within the whole result (offset included). */
DOCKET_EXPORT size_t docket_hit_rank(const docket_hit *hit);
/* Paragraph number of the passage within its article (1-based). */
DOCKET_EXPORT int docket_hit_paragraph(const docket_hit *hit);
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
	DOCKET_LIST_LAST
} docket_list;

/* How many items list LIST of the hit holds; 0 for a NULL hit or a LIST
 * out of range. */
DOCKET_EXPORT size_t docket_hit_list_count(const docket_hit *hit,
                                           docket_list list);
/* Item I of list LIST of the hit, owned by the query; "" when I or LIST is
 * out of range or HIT is NULL (never NULL). */
DOCKET_EXPORT const char *docket_hit_list_item(const docket_hit *hit,
                                               docket_list list, size_t i);

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

#ifdef __cplusplus
}
#endif
#endif /* DOCKET_H */
