/* record.h — the document data of a passage: what a hit shows without
 * touching anything but its own document (so hits from remote shards carry
 * everything they need).
 *
 * Encoding (version 1): the byte 'D', the byte '1', then for each field in
 * enum rec_field order a length as a LEB128 varint followed by that many
 * bytes.  Sources are joined with '\n'.  Quotes are one line each,
 * "START\tEND\tCUE\tSPEAKER\n": byte offsets of the quoted words into the
 * text, the cue ("said", "" when none) and the speaker ("" when unknown);
 * neither holds a tab or a line break.  Xapian compresses document data.
 * Fields are only ever appended.  A record that ends right after the text
 * (schema 2's layout) decodes with the later fields empty; one cut at any
 * other place is damaged (test-record: rejects_every_truncation).
 */
#ifndef DOCKET_RECORD_H
#define DOCKET_RECORD_H

#include <stddef.h>

#include "buf.h"

enum rec_field {
	REC_PASSAGE_ID,
	REC_ARTICLE_ID,
	REC_PATH,
	REC_TITLE,
	REC_OUTLET,
	REC_AUTHOR,
	REC_DATE,      /* YYYY-MM-DD or "" */
	REC_URL,
	REC_SECTION,
	REC_PARAGRAPH, /* decimal, then " (part N)" when the paragraph was cut
	                * into several passages: the place as cited */
	REC_ORDINAL,   /* decimal */
	REC_SOURCES,   /* joined with '\n' */
	REC_TEXT,
	REC_CASES,     /* the article's captions, joined with '\n' */
	REC_DOCKETS,   /* its docket keys */
	REC_COURTS,    /* its court names ("N.D. Cal.") */
	REC_JUDGES,    /* its judges */
	REC_CITES,     /* the passage's own record cites */
	REC_QUOTES,    /* one "START\tEND\tCUE\tSPEAKER\n" line per quote */
	REC_WIRE,      /* the article's wire agency ("ap"), or "" */
	REC_EVENT_DATES, /* YYYY-MM-DD days the passage states, joined with
	                  * '\n' (schema 3) */
	REC_NFIELDS
};

struct record {
	const char *f[REC_NFIELDS]; /* not NUL-terminated: use len */
	size_t len[REC_NFIELDS];
};

/* Append the encoding of R to OUT.  Sticky on *rc. */
void record_encode(int *rc, buf *out, const struct record *r);

/* Point R's fields into DATA[0..N).  Returns 0, or -1 if DATA is not a
 * well-formed record (then R is undefined). */
int record_decode(const char *data, size_t n, struct record *r);

#endif
