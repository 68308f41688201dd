/* article.h — the article model every input format is parsed into.
 *
 * A parser (indexer/text.c, html.c, json.c) fills a struct article: its
 * metadata, then its body block by block through article_add_block(), which
 * owns the rules shared by all formats — stripping and recording the sources
 * a paragraph credits, numbering paragraphs, and cutting long paragraphs into
 * passages at sentence boundaries.  The indexer turns each passage into one
 * index document (see common/schema.h).
 *
 * All strings are valid UTF-8 without NUL bytes (parsers call
 * utf8_sanitize() on their input first), owned by the article, never NULL.
 */
#ifndef DOCKET_ARTICLE_H
#define DOCKET_ARTICLE_H

#include <stddef.h>

#define PASSAGE_MAX_WORDS 150 /* longer paragraphs are cut at sentences */

enum block_kind {
	BLOCK_PARAGRAPH, /* body text */
	BLOCK_KEYPOINT,  /* a key-point bullet (flattened line 2, or "- " list) */
	BLOCK_QUOTE      /* a block quotation */
};

struct passage {
	char *text;       /* the passage, sources stripped, trimmed */
	size_t len;       /* strlen(text) */
	char *section;    /* the heading it sits under, or "" */
	int paragraph;    /* 1-based number of its block within the article */
	int part;         /* 1-based piece of a block cut into several, or 0 */
	int ordinal;      /* 1-based number of the passage within the article */
	int kind;         /* enum block_kind of its block */
	char **sources;   /* credited sources, lower-case, e.g. "wired.com" */
	size_t nsources;
};

struct article {
	char *id;         /* stable article id (set by the caller of the parser) */
	char *path;       /* the file it came from, as walked */
	char *title;
	char *outlet;
	char *author;
	char *date;       /* YYYY-MM-DD, or "" when unknown */
	char *url;
	struct passage *passages;
	size_t npassages;
	size_t cap;       /* passages allocated */
	int nblocks;      /* blocks added so far (the last paragraph number) */
};

/* Set every field to "" and the passage list to empty.  Returns 0 or
 * DOCKET_NO_MEMORY. */
int article_init(struct article *a);
/* Free everything A owns and leave it zeroed.  Accepts a zeroed article. */
void article_clear(struct article *a);

/* Replace field *FIELD (one of A's char * members) with a trimmed copy of
 * S[0..N), whitespace runs folded to one space.  Sticky on *rc. */
void article_set(int *rc, char **field, const char *s, size_t n);

/* Add one block of body text under SECTION (NULL or "" for none).
 * TEXT[0..N) is one paragraph, bullet or quote; surrounding whitespace and
 * internal runs of whitespace are folded.  Trailing credited sources —
 * "(wired.com)", "(theverge.com) (wired.com)", "(wired.com, theverge.com)" —
 * are removed from the text and recorded on every passage of the block.
 * A block of more than PASSAGE_MAX_WORDS words becomes several passages cut
 * at sentence ends.  An empty block (after stripping) is ignored.  Sticky on
 * *rc (DOCKET_NO_MEMORY). */
void article_add_block(int *rc, struct article *a, const char *section,
                       const char *text, size_t n, enum block_kind kind);

/* The offset in S[0..N) where the run of trailing credit groups starts —
 * "(wired.com)", "(a.com) (b.com)", "(a.com, b.com)", possibly followed by
 * spaces — or N when S does not end with one.  Every item of a group must
 * look like a domain name.  For parsers that split text at credits before
 * article_add_block().  Cannot fail. */
size_t article_credit_start(const char *s, size_t n);

/* Receives each parsed article; A is the parser's and is cleared after the
 * call returns, so keep nothing from it.  Return 0 to go on, or a
 * docket_status to stop the parse with that status. */
typedef int (*article_sink)(void *ctx, struct article *a);

/* Parse-time problems that do not stop the parse (a bad JSON line, a
 * replaced invalid byte) are reported here: one line each, naming what is
 * wrong (the caller prefixes the file name). */
typedef void (*parse_warn_fn)(void *ctx, const char *message);

struct parse_ctx {
	const char *path;      /* the file, for article.path and messages */
	const char *id;        /* the stable article id to give (JSON: FILE) */
	article_sink sink;
	parse_warn_fn warn;    /* may be NULL */
	void *ctx;             /* passed to sink and warn */
};

/* Report MSG through P->warn (when set) as one line of valid UTF-8:
 * invalid bytes replaced, line breaks made spaces.  For messages that quote
 * the input or a library (jansson quotes the bytes it choked on). */
void article_warn(const struct parse_ctx *p, const char *msg);

/* Each parser takes the whole file (already gunzipped and sanitised to
 * valid UTF-8 without NULs), emits zero or more articles to P->sink, and
 * returns 0, the sink's non-zero status, DOCKET_NO_MEMORY, or
 * DOCKET_BAD_INPUT when the file as a whole is unusable (with a message
 * through P->warn). */
int parse_text(const char *data, size_t len, const struct parse_ctx *p);
int parse_html(const char *data, size_t len, const struct parse_ctx *p);
/* JSON: one article per record; each gets the id P->id + "#" + the record's
 * id/_id (or its 1-based record number when it has none). */
int parse_json(const char *data, size_t len, const struct parse_ctx *p);

/* Hex XXH3-128 of everything of A that goes into the index (its id, fields
 * and passages) into OUT: equal for two parses of the same record.
 * Returns 0 or DOCKET_NO_MEMORY. */
int article_hash(const struct article *a, char out[33]);

/* Reads up to N bytes of a big file into P: the count, 0 at its end, or
 * -1 on error (the source keeps the reason). */
typedef long (*json_read_fn)(void *src, char *p, size_t n);
/* A JSON file too big to hold, read through RD a chunk at a time: a file
 * whose first byte (after space) is '[' is an array, each element a record
 * (a bad element is reported, "record N (line L): ...", and skipped);
 * anything else is JSON Lines, as parse_json reads them.  Memory is
 * bounded by the largest record.  Returns as parse_json does, or
 * DOCKET_IO_ERROR when RD failed (what was read by then is kept). */
int parse_json_stream(json_read_fn rd, void *src, const struct parse_ctx *p);

#endif
