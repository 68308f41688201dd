/* ids.h — stable ids and the terms that find them (schema.h).
 *
 * A passage id is ARTICLE_ID#ORDINAL; an article id is the file's path
 * relative to the folder indexed, led by that folder's name (for JSON
 * records, FILE#RECORD_ID).  Ids may be any length; their Q terms stay
 * under Xapian's term limit by hashing long ones.  Used by the indexer and
 * the searcher, so both always agree.
 */
#ifndef DOCKET_IDS_H
#define DOCKET_IDS_H

#include <stddef.h>

#include "buf.h"

#define ARTICLE_KEY_LEN 16
#define FILE_KEY_LEN 16 /* hex digits of the file key */

/* Append ARTICLE_ID#ORDINAL to OUT.  Sticky on *rc. */
void passage_id(int *rc, buf *out, const char *article_id, int ordinal);

/* Append the unique term of passage id ID[0..N) to OUT: "Q" + id, or for an
 * id longer than ID_TERM_MAX, "Q" + its first 100 bytes (cut on a UTF-8
 * boundary) + "#" + 32 hex digits of its XXH3-128.  Sticky on *rc. */
void id_term(int *rc, buf *out, const char *id, size_t n);

/* The article key of ID: 16 hex digits of XXH3-64. Cannot fail. */
void article_key(const char *id, size_t n, char out[ARTICLE_KEY_LEN + 1]);

/* The key of the file at absolute PATH (its XF term and record key): 16
 * hex digits of XXH3-64.  Cannot fail. */
void file_key(const char *path, char out[FILE_KEY_LEN + 1]);

/* Split passage id ID at its last '#': the article id's length and the
 * ordinal.  Returns -1 if ID does not end in #DIGITS. */
int passage_id_split(const char *id, size_t *article_len, int *ordinal);

#endif
