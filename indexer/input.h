/* input.h — reading one input file: gunzip, size cap, format by name or by
 * sniffing, binary detection, UTF-8 repair, and dispatch to the parser.
 */
#ifndef DOCKET_INPUT_H
#define DOCKET_INPUT_H

#include <stddef.h>

#include "article.h"
#include "../common/buf.h"

enum input_format {
	FMT_UNKNOWN,
	FMT_TEXT,      /* .txt: flattened or structured text */
	FMT_MARKDOWN,  /* .md, .markdown */
	FMT_HTML,      /* .html, .htm */
	FMT_JSON,      /* .json, .jsonl, .ndjson */
	FMT_LAST
};

struct input {
	buf data;                /* the text: valid UTF-8, no NUL bytes */
	enum input_format format;
	size_t replaced;         /* invalid sequences and NULs replaced */
	char converted[96];      /* "" or what was converted and why, e.g.
	                          * "read as windows-1252 (not valid UTF-8)" */
	int stream;              /* a JSON file past the cap: DATA is empty,
	                          * input_parse reads it record by record */
	char hash[33];           /* when STREAM, hex XXH3-128 of its bytes */
};

/* Whether PATH names a JSON file (.json, .jsonl, .ndjson, maybe .gz): one
 * past the size cap is streamed, not skipped. */
int input_streams(const char *path);

/* Read PATH into IN (which must be zeroed or cleared): at most MAX_SIZE
 * bytes of content (after gunzip) — except a JSON file (input_streams),
 * which past MAX_SIZE is only checked and hashed, IN->stream set.  Returns 0, or a docket_status
 * (DOCKET_BAD_INPUT: binary, truncated .gz, unknown format...;
 * DOCKET_IO_ERROR: vanished or unreadable) with a one-line reason in WHY. */
int input_read(const char *path, size_t max_size, struct input *in,
               char *why, size_t whylen);

/* Parse IN with the parser for its format; see parse_text() for the
 * contract. */
int input_parse(const struct input *in, const struct parse_ctx *p);

void input_clear(struct input *in);

#endif
