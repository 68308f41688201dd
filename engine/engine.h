/* engine.h — the C face of the engine (the .cc files of engine/, the only
 * code that includes <xapian.h>; engine-private.h says which does what).
 * Every function here catches every exception, maps it to a docket_status
 * and keeps the message on the handle (xap_error).
 *
 * Callers: engine/index.c and engine/layout.c (the index folder),
 * indexer/ (writing documents, staging), searcher/query.c (searching).
 */
#ifndef DOCKET_ENGINE_H
#define DOCKET_ENGINE_H

#include <stddef.h>
#include <stdint.h>

#include "../common/buf.h"
#include "../common/error.h"

#ifdef __cplusplus
extern "C" {
#endif

struct aliases;
struct term_groups;
struct stemmer;

/* -- databases -- */
struct xap_db;

/* Open PATH (folder or stub file) for reading, or create/open it for
 * writing.  *OUT is set even on failure (read the message, then close).
 * (The stemming language is metadata: engine/index.c records and reads
 * it.)  Returns a docket_status. */
int xap_open(const char *path, int writable, struct xap_db **out);
/* Create a fresh, empty database at PATH for writing, replacing anything
 * there (the indexer's staging databases).  No transaction, and commits
 * are not synced to disk: whoever makes the result durable syncs it. */
int xap_create(const char *path, struct xap_db **out);
/* Close writer DB's database and open PATH for writing in its place, on
 * the same handle.  On failure the handle holds no database. */
int xap_reopen_writer(struct xap_db *db, const char *path);
/* Merge the N databases SOURCES into a new compact database OUT (Xapian's
 * Compactor: docids renumbered, metadata of the first source kept where
 * keys repeat, output synced).  On failure the status and message are in
 * ERR. */
int xap_compact(const char *const *sources, size_t n, const char *out,
                struct docket_error *err);
/* Add every document and metadata entry of database SRC to writer DB (in
 * DB's open batch, if any). */
int xap_copy_from(struct xap_db *db, const char *src);
/* What the glass database at PATH is, by its contents (never by its
 * name): XAP_KIND_DOCKET when its metadata names docket's schema,
 * XAP_KIND_EMPTY when it holds no document and no metadata (a staging
 * database or shard whose creation was cut short), XAP_KIND_FOREIGN for
 * any other database, XAP_KIND_NONE when it cannot be opened as one.
 * Cannot fail otherwise. */
enum xap_kind { XAP_KIND_NONE, XAP_KIND_DOCKET, XAP_KIND_EMPTY, XAP_KIND_FOREIGN };
enum xap_kind xap_kind_of(const char *path);
/* Add a further shard (reader only). */
/* Run Xapian's consistency check on the glass database folder PATH: the
 * errors it counts into *ERRORS (the first line it reports in ERR's
 * message).  Returns DOCKET_OK when the check ran; else the status (a
 * table that cannot be opened at all) with the message in ERR. */
int xap_check(const char *path, size_t *errors, struct docket_error *err);
int xap_add_shard(struct xap_db *db, const char *path);
void xap_close(struct xap_db *db);
const char *xap_error(const struct xap_db *db);
/* Set the message (printf-style) and return STATUS. */
int xap_fail(struct xap_db *db, int status, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Open the N local shard databases PATHS (in the stub's order) for
 * reading as one, as Xapian would open their stub, each held on its own
 * too so that big queries match them in parallel (xap_search).  *OUT is set
 * even on failure. */
int xap_open_shards(const char *const *paths, size_t n, struct xap_db **out);


int xap_get_metadata(struct xap_db *db, const char *key, buf *out);
int xap_set_metadata(struct xap_db *db, const char *key, const char *value,
                     size_t n);
/* Call FN for every metadata key starting with PREFIX (on the first shard
 * only: metadata describes the local index).  FN returns non-zero to stop. */
int xap_metadata_scan(struct xap_db *db, const char *prefix,
                      int (*fn)(void *ctx, const char *key, size_t klen,
                                const char *val, size_t vlen),
                      void *ctx);

/* Writer: group changes; nothing is visible or durable before commit.  No
 * automatic commit happens in between, so a batch is all or nothing. */
int xap_begin(struct xap_db *db);
int xap_commit(struct xap_db *db);
int xap_cancel(struct xap_db *db);

/* Counts: documents, and distinct terms with PREFIX (e.g. articles). */
int xap_doc_count(struct xap_db *db, size_t *n);
int xap_prefix_count(struct xap_db *db, const char *prefix, size_t *n);

/* -- documents (writer) -- */
struct xap_doc;
struct xap_doc *xap_doc_new(void); /* NULL when out of memory */
void xap_doc_free(struct xap_doc *d);
/* These cannot fail but for memory, which they report as non-zero. */
int xap_doc_posting(struct xap_doc *d, const char *term, size_t n,
                    unsigned pos);
int xap_doc_term(struct xap_doc *d, const char *term, size_t n,
                 unsigned wdf);
int xap_doc_boolean(struct xap_doc *d, const char *term, size_t n);
int xap_doc_value(struct xap_doc *d, unsigned slot, const char *v, size_t n);
int xap_doc_data(struct xap_doc *d, const char *data, size_t n);

/* Add D, replacing any document holding the unique term ID. */
int xap_replace(struct xap_db *db, const char *id, struct xap_doc *d);
/* Add D as a new document (for staging: ids are known to be new). */
int xap_add(struct xap_db *db, struct xap_doc *d);
/* Does any document hold TERM?  *YES is set; returns a docket_status. */
int xap_term_exists(struct xap_db *db, const char *term, int *yes);
/* Delete every document holding TERM. */
int xap_delete_term(struct xap_db *db, const char *term);
/* The data of the document holding unique term ID into OUT; returns
 * DOCKET_NOT_FOUND when there is none. */
int xap_get_data(struct xap_db *db, const char *id, buf *out);

/* -- searching -- */
/* A passage's value in SLOT is exactly VALUE (or, EXCLUDE, is not). */
struct xap_filter {
	int slot;
	const char *value;
	int exclude;
};

struct xap_request {
	const char *query;   /* the user's query string */
	struct stemmer *stem;/* for the query parser */
	const char *const *stopwords; /* words the query drops (stopwords.h), or NULL */
	size_t offset;
	size_t limit;
	unsigned per_article;/* 0: no cap */
	int sort_date;
	int default_and;
	double k1, b;
	double min_normlen;         /* BM25's floor on normalised length */
	double title_weight;        /* >0: boost query words found in the title */
	double expand_weight;       /* >0: add pseudo-relevance feedback terms */
	unsigned expand_terms;      /* how many */
	unsigned expand_docs;       /* from how many top passages */
	int explain;                /* fill xap_match.explain */
	const struct aliases *aliases; /* the legal fields' aliases, or NULL */
	int quoted;                 /* only passages holding a quote (the
	                             * PREFIX_QUOTE marker term); with an empty
	                             * query, all of them */
	int every_copy;             /* 1: copies of a passage are hits of their
	                             * own; 0: only the best-ranked of a copy
	                             * group is (engine/copies.cc) */
	const struct xap_filter *filters; /* ANDed with the whole query */
	size_t nfilters;
	unsigned count_mask;        /* XAP_FACET_* bits: xap_search counts
	                             * them over every match in the same pass
	                             * when every shard has current facet
	                             * columns (xap_result.counts) */
	double time_limit;          /* >0: seconds the matcher may take before
	                             * it returns what it has (Xapian's
	                             * Enquire::set_time_limit); a scan
	                             * (xap_scan) past it fails with
	                             * DOCKET_INTERRUPTED, its counts unfinished */
};

/* A passage of a hit's copy group (engine/copies.cc). */
struct xap_member {
	char *data;          /* its record (record.h), malloc'd */
	size_t len;
	int matched;         /* it matches the query too */
};

struct xap_match {
	double score;
	char *data;          /* the document's record (record.h), malloc'd */
	size_t len;
	char *explain;       /* NULL, or "what\tweight\n" lines, malloc'd */
	struct xap_member *members; /* the other passages of its copy group */
	size_t nmembers;
};

struct xap_result {
	struct xap_match *m;
	size_t n;
	size_t estimated;
	struct xap_counts *counts; /* with xap_request.count_mask: the counts,
	                            * or NULL when they could not be made in
	                            * the same pass */
};

/* Parse and run S on DB.  Fills RES (clear it with xap_result_clear) and
 * HL with the parsed query's positive term groups (termgroups.h), which
 * the highlighter reads.  A document changing
 * under the reader is retried after a reopen a few times before
 * DOCKET_MODIFIED.  A bad query is DOCKET_BAD_QUERY with the parser's
 * message. */
int xap_search(struct xap_db *db, const struct xap_request *s,
               struct xap_result *res, struct term_groups *hl);
void xap_result_clear(struct xap_result *res);

/* The passage whose unique term is ID and every copy of it, for `docket
 * copies`: RES->m[0] is the passage, its members (in no order) the copies.
 * DOCKET_NOT_FOUND when no passage has that id. */
int xap_copies(struct xap_db *db, const char *id, struct xap_result *res);

/* The file beside a shard's tables that holds its copy marks (marks.cc). */
#define MARKS_FILE "docket.marks"

/* Write the copy marks of every shard SHARDS[0..N) of one index (writers,
 * each's batch committed; shard K's folder DIRS[K]) unless every shard's
 * file is current; *MARKED says how many passages are marked.  Reads every
 * copy key term the index holds, and confirms on the texts the pairs of
 * holders of one key with a passage new since the files before.  Returns
 * a docket_status; the error is on the shard that failed. */
int xap_marks_write(struct xap_db *const *shards, const char *const *dirs,
                    size_t n, size_t *marked);

/* -- every match (engine/scan.cc) -- */

struct xap_value {
	const char *p; /* the bytes of a value slot ("" when unset) */
	size_t n;      /* their length */
};

/* The matching document a row comes from (xap_row_data). */
struct xap_row;

/* Called for each matching passage with VALUES[i] the value of slot
 * SLOTS[i] and ROW its document; first with VALUES NULL, meaning "start
 * (again) from nothing" (a retry after the index changed).  VALUES and
 * ROW are valid during the call only.  A non-zero return stops the scan
 * with that status. */
typedef int (*xap_row_fn)(void *ctx, const struct xap_value *values,
                          const struct xap_row *row);

/* Where ROW's document is, to read its record after the scan
 * (xap_data_at): a number for its database and its docid there.  Cannot
 * fail. */
void xap_row_where(const struct xap_row *row, unsigned *where, unsigned *docid);

/* The record (record.h) of the document xap_row_where placed at WHERE,
 * DOCID, into OUT, while DB stays open.  Returns a docket_status. */
int xap_data_at(struct xap_db *db, unsigned where, unsigned docid, buf *out);

/* Run the query of S (its string, stemmer and default operator; the page,
 * cap and weights are ignored) over every match, calling FN for each in
 * docid order.  Exact on remote shards too (engine/scan.cc says how).
 * Returns a docket_status, a bad query being DOCKET_BAD_QUERY. */
int xap_scan(struct xap_db *db, const struct xap_request *s, const int *slots,
             size_t nslots, xap_row_fn fn, void *ctx);

/* -- facet counts from the shards' columns (engine/columns.cc) -- */

/* The file beside a shard's tables that holds its facet columns. */
#define COLUMNS_FILE "docket.columns"

/* The fields the columns count (bits of a mask: 1 << XAP_FACET_*). */
enum xap_facet {
	XAP_FACET_OUTLET,
	XAP_FACET_SOURCE,
	XAP_FACET_AUTHOR,
	XAP_FACET_MONTH, /* "YYYY-MM" of the date */
	XAP_FACET_YEAR,
	XAP_FACETS
};

/* Counts by field and value, over every match of a query. */
struct xap_counts;

/* FN(CTX, FIELD, VALUE, N, PASSAGES, ARTICLES) for every value counted,
 * in no order; stops at FN's first non-zero return, which it returns. */
typedef int (*xap_count_fn)(void *ctx, int field, const char *value, size_t n,
                            size_t passages, size_t articles);
int xap_counts_each(const struct xap_counts *c, xap_count_fn fn, void *ctx);
/* The fields C counted (0 for NULL). */
unsigned xap_counts_mask(const struct xap_counts *c);
void xap_counts_free(struct xap_counts *c);

/* Count every match of S's query (as xap_scan matches it) by the fields
 * of MASK from the shards' facet columns, into *OUT.  DOCKET_UNSUPPORTED
 * (no message) when some shard has no current columns (a remote shard,
 * an index an older docket wrote): the caller scans the values instead.
 * Otherwise as xap_scan. */
int xap_count(struct xap_db *db, const struct xap_request *s, unsigned mask,
              struct xap_counts **out);

/* Write the facet columns of the writer DB, whose folder is DIR, unless
 * its file is current already; *WRITTEN says whether it was written.
 * Returns a docket_status; a failure costs only speed (readers then
 * count from the value streams). */
int xap_columns_write(struct xap_db *db, const char *dir, int *written);

#ifdef __cplusplus
}
#endif
#endif
