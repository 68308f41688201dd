/* schema.h — the index schema, written down once (mirrored in README.md).
 *
 * An index folder holds N shards, each a Xapian database, and XAPIANDB, a
 * stub file naming them (common/database.c): shard K is shard-K, or
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
 * | title words        | S                     | stems, positions; also unprefixed, wdf TITLE_WDF, no pos |
 * | section words      | XH                    | stems, positions; also unprefixed, wdf SECTION_WDF, no pos |
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
 * Metadata (committed with the documents, so atomic with them):
 * | key            | value                                                   |
 * |----------------|---------------------------------------------------------|
 * | docket.schema  | SCHEMA_VERSION                                          |
 * | docket.lang    | the stemming language                                    |
 * | F + file key   | file record: "size mtime_ns hash articles passages\npath" |
 */
#ifndef DOCKET_SCHEMA_H
#define DOCKET_SCHEMA_H

#define SCHEMA_VERSION "2"

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

#define TITLE_WDF 2   /* weight of a title word in the passage's body terms */
#define SECTION_WDF 1 /* weight of a heading word in its passages' terms */

#define META_SCHEMA "docket.schema"
#define META_LANG "docket.lang"
#define META_FILE "F"

#define ID_TERM_MAX 200 /* longer ids are hashed into their Q term */

/* The fields a query can name, and the highlighter's notion of where a
 * term may match. */
enum schema_field {
	FIELD_BODY,
	FIELD_TITLE,
	FIELD_SECTION,
	FIELD_OUTLET,
	FIELD_AUTHOR,
	FIELD_SOURCE,
	FIELD_LAST
};

#endif
