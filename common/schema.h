/* schema.h — the index schema, written down once (mirrored in README.md).
 *
 * An index folder holds N shards, each a Xapian database, and XAPIANDB, a
 * stub file naming them (engine/layout.c): shard K is shard-K, or
 * shard-K.G after G bulk-load merges (indexer/stage.c).  A file always goes
 * to one shard (hash of its absolute path), with its record there.
 *
 * One Xapian document per passage.  Ids are ours and stable; Xapian docids
 * are never shown or stored anywhere (they differ between shards and
 * rebuilds).
 *
 * | what               | term prefix / slot    | how                                   |
 * |--------------------|-----------------------|---------------------------------------|
 * | passage id         | Q + id (hashed > 200B)| boolean, unique: ARTICLE_ID#ORDINAL   |
 * | article            | XA + key              | boolean; key = 16 hex of XXH3(id)     |
 * | file               | XF + key              | boolean; key = 16 hex of XXH3(path)   |
 * | body words         | (none)                | stems, positions                      |
 * | title words        | S                     | stems, positions (in every passage of the article) |
 * | section words      | XH                    | stems, positions (in every passage under the heading) |
 * | outlet words       | XO                    | stems, positions                      |
 * | author words       | A                     | stems, positions                      |
 * | credited source    | XC + lower-case name  | boolean: source:wired.com             |
 * | date               | value slot 0          | YYYYMMDD, for date: ranges and sort   |
 * | article key        | value slot 1          | collapse key for --per-article        |
 * | document data      | record (record.h)     | passage text and the citation fields  |
 *
 * Words are indexed as their stems only (stem.h; a word starting with a
 * digit is its own stem): "storms" is the term "storm" in the body and
 * "Sstorm" in the title, with its position.  There are no unstemmed word
 * terms and no Z terms, unlike Xapian's TermGenerator with STEM_SOME
 * (schema 1 had both: the word with positions, Z+stem without).  The query
 * parser stems every word (STEM_ALL), phrases included, so phrases and NEAR
 * match on stems: "motion to dismiss" also finds "motions to dismiss", as
 * in SQLite FTS5 with porter and Lucene's English analyzer, and no query
 * can ask for one exact form (a Capitalised word is stemmed too).  The
 * highlighter still marks the words of the text whose stem matches.  Why:
 * the unstemmed copies made the index about a fifth larger and indexing
 * about 1.5x slower.
 *
 * Schema 3: headline and heading words are no longer copied into the body
 * terms.  Schema 2's copies (wdf 2 and 1, without positions) had two
 * faults (issue 14): every passage inherited its headline's words, so BM25's
 * length normalisation ranked a short bullet holding nothing of the query
 * above the paragraph that discussed it; and Xapian 1.4's
 * GlassPositionList::skip_to(0) is true on an empty position list, so a
 * phrase whose first word was in the headline matched any passage whose
 * body started with the rest ('"gig like"').  Now a query's unfielded
 * words match the body, and the headline and heading lift the passages
 * that hold them by a constant per word (engine/query.cc, field_lift()),
 * with phrases checked on the field's own positions.
 *
 * Metadata (committed with the documents, so atomic with them):
 * | key            | value                                                   |
 * |----------------|---------------------------------------------------------|
 * | docket.schema  | SCHEMA_VERSION                                          |
 * | docket.lang    | the stemming language                                    |
 * | F + file key   | file record: "size mtime_ns hash articles passages\npath" |
 */
#ifndef DOCKET_SCHEMA_H
#define DOCKET_SCHEMA_H

#include <stddef.h>

#define SCHEMA_VERSION "3"

#define PREFIX_ID "Q"
#define PREFIX_ARTICLE "XA"
#define PREFIX_FILE "XF"
#define PREFIX_TITLE "S"
#define PREFIX_SECTION "XH"
#define PREFIX_OUTLET "XO"
#define PREFIX_AUTHOR "A"
#define PREFIX_SOURCE "XC"

#define SLOT_DATE 0
#define SLOT_ARTICLE 1

#define META_SCHEMA "docket.schema"
#define META_LANG "docket.lang"
#define META_FILE "F"

#define ID_TERM_MAX 200 /* longer ids are hashed into their Q term */

/* The fields a query can name, and the highlighter's notion of where a
 * term may match: the rows of schema_fields, in this order.  Append new
 * fields just before FIELD_LAST. */
enum schema_field {
	FIELD_BODY,
	FIELD_TITLE,
	FIELD_SECTION,
	FIELD_OUTLET,
	FIELD_AUTHOR,
	FIELD_SOURCE,
	FIELD_DATE,
	FIELD_LAST
};

/* How a field is indexed and queried. */
enum field_kind {
	KIND_TEXT,    /* free text: stemmed words (stem.h), scored */
	KIND_BOOLEAN, /* whole names as terms (PREFIX + name): filters */
	KIND_VALUE    /* a value slot: ranges (date:a..b) and sorting */
};

/* One row of the field table (as notmuch's lib/prefix.cc): it drives the
 * query parser's field names (engine/query.cc), the term -> field mapping
 * of highlights and --explain, the indexer's field loop
 * (indexer/document.c, which supplies each field's text) and the tests'
 * field lists. */
struct schema_row {
	enum schema_field id; /* == its index in schema_fields */
	const char *name;     /* the query's field name ("title"); NULL for the
	                       * body, which needs none */
	const char *prefix;   /* term prefix; "" for body words and values */
	enum field_kind kind;
	int positions;        /* TEXT: words keep their positions (phrases) */
	unsigned extra_wdf;   /* TEXT: >0: each word is also an unprefixed
	                       * term of this wdf, without a position; no
	                       * row since schema 3 (false phrase matches) */
	int highlight;        /* its words are marked in the passage text */
	const char *explain;  /* how --explain names its terms ("title:") */
	int slot;             /* VALUE: the value slot; -1 otherwise */
};

extern const struct schema_row schema_fields[FIELD_LAST];

/* The field of TERM[0..N) (a term of the index or the parsed query): the
 * row whose non-empty prefix starts it with something after, else the
 * body.  *BARE_AT (may be NULL) gets the prefix length.  Cannot fail. */
enum schema_field schema_term_field(const char *term, size_t n,
                                    size_t *bare_at);

#endif
