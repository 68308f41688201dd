/* passages.h — the baselines' simple reader of docket's two text shapes.
 *
 * bench/base-xapian.cc and bench/base-fts5.c index the same corpus as
 * docket, one row or document per passage, and both get their passages from
 * here: structured text (header lines "key: value", a blank line, then
 * blank-line paragraphs and "## " headings) and flattened text (headline;
 * key points; the body on one line with inline "### " headings).  Passages
 * longer than PASSAGE_WORDS words are cut at sentence ends, as docket does.
 * Credited sources "(wired.com)" are collected per passage.  This is a
 * deliberately plain reader, not docket's parser.
 */
#ifndef BENCH_PASSAGES_H
#define BENCH_PASSAGES_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#define PASSAGE_WORDS 150
#define PASSAGE_SOURCES 8

struct bp_passage {
	const char *path;    /* the file */
	const char *title;   /* "" when absent */
	const char *outlet;  /* "" when absent */
	const char *date;    /* YYYY-MM-DD or "" */
	const char *text;    /* the passage, NUL-terminated */
	size_t len;          /* strlen(text) */
	int ordinal;         /* 1-based within the file */
	const char *sources[PASSAGE_SOURCES]; /* credited domains, lower-case */
	size_t nsources;
};

/* Called once per passage; the strings live only during the call. */
typedef void (*bp_sink)(void *ctx, const struct bp_passage *p);

/* Every regular *.txt file under DIR, in sorted order, split into passages
 * given to FN.  Returns the number of files read, or -1 (message on stderr)
 * when DIR cannot be walked. */
long bp_walk(const char *dir, bp_sink fn, void *ctx);

/* One file's passages.  Returns 0, or -1 when it cannot be read. */
int bp_read_file(const char *path, bp_sink fn, void *ctx);

#ifdef __cplusplus
}
#endif
#endif
