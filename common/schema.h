/* schema.h — the index schema, written down once (mirrored in README.md).
 *
 * An index folder holds shard-0 .. shard-N-1, each a Xapian database, and
 * XAPIANDB, a stub file naming them (common/database.c).  A file always
 * goes to one shard (hash of its absolute path), with its record there.
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
 * | body words         | (none)                | positions; stems as Z+stem, no pos    |
 * | title words        | S                     | positions; also unprefixed, wdf TITLE_WDF, no pos |
 * | section words      | XH                    | positions; also unprefixed, wdf SECTION_WDF, no pos |
 * | outlet words       | XO                    | positions                             |
 * | author words       | A                     | positions                             |
 * | credited source    | XC + lower-case name  | boolean: source:wired.com             |
 * | date               | value slot 0          | YYYYMMDD, for date: ranges and sort   |
 * | article key        | value slot 1          | collapse key for --per-article        |
 * | document data      | record (record.h)     | passage text and the citation fields  |
 *
 * Prefixed free-text fields get Z+prefix+stem terms too (e.g. ZSstorm), as
 * Xapian's TermGenerator does with STEM_SOME, so QueryParser finds them.
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

#define SCHEMA_VERSION "1"

#define PREFIX_ID "Q"
#define PREFIX_ARTICLE "XA"
#define PREFIX_FILE "XF"
#define PREFIX_TITLE "S"
#define PREFIX_SECTION "XH"
#define PREFIX_OUTLET "XO"
#define PREFIX_AUTHOR "A"
#define PREFIX_SOURCE "XC"
#define PREFIX_STEM "Z"

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
