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
 * | speaker words      | XS                    | stems, positions (speaker:ferreira, speaker:"camille ferreira", speaker:spokesperson); speakers of one passage 100 positions apart |
 * | quoted words       | XQ                    | stems at their body positions, only inside quoted speech (quote:"storm off") |
 * | holds a quote      | XQ (no suffix)        | boolean marker (DOCKET_QUERY_QUOTED)   |
 * | speakers           | value slot 9          | the passage's distinct speakers as a list (below) |
 * | date               | value slot 0          | YYYYMMDD, for date: ranges and sort   |
 * | article key        | value slot 1          | collapse key for --per-article        |
 * | case (article)     | XK + key              | boolean, first passage: lower-case caption key (legal_case_key); case: widens a shorter writing or a party word to the keys it finds (legal_case_covers) |
 * | docket number      | XN + key              | boolean, first passage: legal_docket_key ("25-cv-4418") |
 * | court              | XT + key              | boolean, first passage: legal_court_key ("ndcal")    |
 * | judge              | XJ + name / surname   | boolean, first passage, lower case                 |
 * | record cite        | XR + cite             | boolean, lower case, passage-level ("px-17", "exhibit 42") |
 * | cases              | value slot 5          | on the article's first passage: its article key, then its captions as a list (below) |
 * | courts             | value slot 6          | the same: the court names ("N.D. Cal.") |
 * | judges             | value slot 7          | the same: the judges                    |
 * | docket numbers     | value slot 8          | the same: the docket keys               |
 * | wire agency        | XW + agency           | boolean: wire:ap (the article's; copies.h) |
 * | exact fingerprint  | XP + 16 hex           | boolean: XXH3 of the normalised words; only on passages without band keys (schema 6) |
 * | near-copy bands    | XB + 6 base-64 chars  | boolean: 4 MinHash LSH band keys, each hashed with its band to 36 bits (schema 6) |
 * | wire agency        | value slot 10         | "ap", "reuters", …; absent when none  |
 * | (reserved)         | value slot 11         | not written (was the fingerprint as hex; slot 12 holds it) |
 * | copy signature     | value slot 12         | fingerprint and band keys, binary (copies.h) |
 * | outlet             | value slot 2          | the outlet's name as written (facets) |
 * | credited sources   | value slot 3          | a list (below) of the XC names        |
 * | author             | value slot 4          | the byline as written (facets)        |
 * | facet columns      | docket.columns file   | beside the shard's tables, not in Xapian: slots 0-4 by docid as numbers, for counting (engine/columns.cc) |
 * | event dates        | XE + YYYYMMDD; slot 13| boolean, one term per day the passage states (indexer/eventdate.c), for event:; slot 13 a list of the same YYYYMMDD |
 * | document data      | record (record.h)     | passage text and the citation fields  |
 * | document data      | record (record.h)     | passage text, citation fields, quotes |
 *
 * A list value (slot 9) is each item as its byte length in LEB128 followed
 * by its bytes, in order, nothing else — the one list encoding the value
 * slots of this schema share.  Speakers are the canonical names of
 * indexer/quotes.c ("Camille Ferreira", "Nimbus spokesperson", "Exhibit
 * 42"), each once, in the order their first quote appears.
 *
 * The legal fields (indexer/legal.c, common/legalform.c) are article-level
 * but for XR: an article's case, docket, court and judge terms are on its
 * first passage only, and a query for one is widened to the article terms
 * (XA) of the articles whose first passage holds it, so case:X filters
 * every passage of them (schema 7; the row's `article`); XR is on the
 * passages that cite.  The article's lists in the record (cases,
 * dockets, courts, judges) are on its first passage only.  A query's
 * value for these fields goes through the row's normaliser, so any
 * written form finds the key.
 *
 * Multi-valued slots (3 sources, 5-8 legal identifiers, 9 speakers, 13
 * event dates) hold a LIST: each item, in order, as its byte length in
 * LEB128 (7 bits a byte, low bits first, high bit set on all but the last
 * byte; the record's varints, record.h) followed by its bytes; no
 * terminator, an empty list is the empty value.  Like Xapian's
 * StringListSerialiser, but readable from C: engine/valuelist.h writes and
 * reads it, and every feature with a list slot uses that and nothing else.
 * Slots 2-4 and 13 are schema 3.
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
 * Copies (common/copies.h): a passage of 8 words or more has an exact
 * fingerprint, one of 12 or more also band keys; a shorter passage gets
 * the fingerprint of its place in its article (XXH3 of the article's whole
 * normalised text and the ordinal), so whole-article duplicates collapse
 * passage by passage.  Search finds a passage's copies through these
 * terms at query time, so nothing about a group is stored: an update,
 * deletion or merge changes only the passage's own document.  Slot 12
 * holds the same keys for search to compare top hits without reading
 * their term lists; the band terms find candidates and the texts confirm
 * them (schema 3 adds all of this).
 *
 * Schema 4 (issue 14): headline and heading words are no longer copied into the body
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
 * | R + file key   | a JSON file's records: "AKEY HASH\n" each (article key, |
 * |                | article_hash), so that an appended export rewrites only |
 * |                | its new and changed records; absent: rewrite them all   |
 */
#ifndef DOCKET_SCHEMA_H
#define DOCKET_SCHEMA_H

#include <stddef.h>

struct buf;

/* 7: the article-level legal terms (case, docket, court, judge) are on
 * the article's first passage only; a schema 6 searcher would find only
 * first passages.  This searcher would read a schema 6 index rightly, but
 * refuses it as it does every other version, so one rule holds.
 * 5: the article's legal lists are in its first passage's record only;
 * with a schema 4 index this searcher would read them twice over, and a
 * schema 4 searcher would show them on the first passage only.
 * 4: schema 3 as main built it still copied headline words into every
 * passage and had no slot 14; its rankings and phrases would be wrong with
 * this searcher, so such an index is refused with the rebuild line. */
#define SCHEMA_VERSION "7"

#define PREFIX_ID "Q"
#define PREFIX_ARTICLE "XA"
#define PREFIX_FILE "XF"
#define PREFIX_TITLE "S"
#define PREFIX_SECTION "XH"
#define PREFIX_OUTLET "XO"
#define PREFIX_AUTHOR "A"
#define PREFIX_SOURCE "XC"
#define PREFIX_CASE "XK"
#define PREFIX_DOCKET "XN"
#define PREFIX_COURT "XT"
#define PREFIX_JUDGE "XJ"
#define PREFIX_CITE "XR"

#define SLOT_DATE 0
#define SLOT_ARTICLE 1
#define SLOT_CASES 5   /* lists (engine/valuelist.h) */
#define SLOT_COURTS 6
#define SLOT_JUDGES 7
#define SLOT_DOCKETS 8
/* Slots 5-8 hold an article's lists on its first passage only, after the
 * article key (ARTICLE_KEY_LEN bytes, as slot 1): engine/scan.cc reads
 * them for every passage of the article. */
#define SLOT_PER_ARTICLE(slot) ((slot) >= SLOT_CASES && (slot) <= SLOT_DOCKETS)
#define PREFIX_SPEAKER "XS"
#define PREFIX_QUOTE "XQ"
#define SLOT_SPEAKERS 9

#define SPEAKER_GAP 100 /* positions between two speakers' words, so that a
                         * phrase never runs from one speaker into the next */
#define PREFIX_WIRE "XW"        /* + agency: wire:ap */
#define PREFIX_FINGERPRINT "XP" /* + 16 hex: exact copies (common/copies.h) */
#define PREFIX_BAND "XB"        /* + band digit + 12 hex: near copies */

#define SLOT_WIRE 10       /* the article's wire agency, "" absent */
#define SLOT_COPY_GROUP 11 /* reserved: was the fingerprint as 16 hex, which
                            * nothing read (slot 12 holds it) */
#define SLOT_COPY_SIG 12   /* copies_sig_encode(): what search compares */
#define PREFIX_EVENT "XE"

#define SLOT_OUTLET 2
#define SLOT_SOURCES 3  /* a list */
#define SLOT_AUTHOR 4
#define SLOT_EVENTS 13  /* a list */
#define SLOT_ORDER 14   /* 16 hex article key + 8 hex passage ordinal: the
                         * tie-break of equal scores, the same whatever
                         * the shards (engine/match.cc) */
#define ORDER_KEY_LEN 24

/* A one-passage article's passage is the whole article, as a SciFact
 * abstract is a document: its headline words are also unprefixed words of
 * the passage, at wdf 2 (schema 2's title weight), with positions from
 * TITLE_COPY_GAP on, so a phrase matches inside the headline or inside
 * the text, never across, and no position list is empty (the false
 * phrase match of schema 2).  An article of several passages gets none:
 * every passage would inherit them.  Measured on SciFact's odd queries
 * (nDCG@10): none 0.6875, wdf 1 0.6928, 2 0.6940, 3 0.6954; copying into
 * articles of two passages too (wdf 1) 0.6854; eval/passages dev 0.8448
 * at every one of these (no judged article has one passage). */
#define ONE_PASSAGE_TITLE_WDF 2
#define TITLE_COPY_GAP (1u << 24)

#define META_SCHEMA "docket.schema"
#define META_LANG "docket.lang"
#define META_FILE "F"
#define META_RECORDS "R"

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
	FIELD_CASE,
	FIELD_DOCKET,
	FIELD_COURT,
	FIELD_JUDGE,
	FIELD_EXHIBIT,
	FIELD_SPEAKER,
	FIELD_QUOTE,
	FIELD_WIRE,
	FIELD_EVENT,
	FIELD_LAST
};

/* How a field is indexed and queried. */
enum field_kind {
	KIND_TEXT,    /* free text: stemmed words (stem.h), scored */
	KIND_BOOLEAN, /* whole names as terms (PREFIX + name): filters */
	KIND_VALUE,   /* a value slot of YYYYMMDD: date ranges and sorting */
	KIND_DAYS     /* days as terms (PREFIX + YYYYMMDD): date ranges, with
	               * the same forms as KIND_VALUE (common/daterange.h) */
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
	int slot;             /* the value slot holding the field's whole
	                       * value (ranges, sorting, facets), or -1 */
	int list;             /* the slot holds a list (see above), not one
	                       * string */
	/* BOOLEAN: NULL, or how a query's value becomes the term after the
	 * prefix: appends the key to OUT and returns 1 for one whole term, 0
	 * for words to AND (case:"castellan health").  Sticky on *rc. */
	int (*normalise)(int *rc, struct buf *out, const char *s, size_t n);
	/* BOOLEAN: the article's, not the passage's: its terms are on the
	 * article's first passage only, and a query widens them to every
	 * passage of the articles whose first passage holds them
	 * (engine/query.cc) */
	int article;
};

extern const struct schema_row schema_fields[FIELD_LAST];

/* The field of TERM[0..N) (a term of the index or the parsed query): the
 * row whose non-empty prefix starts it with something after, else the
 * body.  *BARE_AT (may be NULL) gets the prefix length.  Cannot fail. */
enum schema_field schema_term_field(const char *term, size_t n,
                                    size_t *bare_at);

/* The first word of the query string Q, outside double quotes, that looks
 * like a field ("jduge:okafor": a letter, letters, '_' or '-', a colon,
 * then a value) but is none of the table's: *AT its offset and *LEN its
 * name's length; returns 1, or 0 when there is none.  A URL ("http://")
 * or a time ("10:30") is not a field.  Cannot fail. */
int schema_unknown_field(const char *q, size_t *at, size_t *len);
/* Append the field names, ", "-separated, in table order, to OUT (which
 * should be empty).  Sticky on *RC. */
void schema_field_names(int *rc, struct buf *out);

#endif
