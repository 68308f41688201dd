/* aliases.h — the user's aliases file for legal entities (issue 17):
 * merging two writings of one case, judge, court or docket number, or
 * dropping one, at query time, without a rebuild.
 *
 * The file (docket.aliases in the index folder, or a path given) holds one
 * mapping a line; '#' starts a comment, blank lines are skipped:
 *
 *     [FIELD:] VARIANT => CANONICAL
 *     [FIELD:] VARIANT => drop
 *
 * FIELD is case (the default), docket, court or judge.  VARIANT and
 * CANONICAL are compared through the field's normaliser (schema.h), so any
 * written form of them works: "SEC v. Kestrel Capital Partners =>
 * Securities and Exchange Commission v. Kestrel Capital Partners".
 * Read by the searcher (hit lists, the query parser through the engine);
 * pure C over schema.h and legalform.h.
 */
#ifndef DOCKET_ALIASES_H
#define DOCKET_ALIASES_H

#include <stddef.h>

#include "buf.h"
#include "legalform.h"
#include "schema.h"

struct alias {
	enum schema_field field; /* FIELD_CASE, _DOCKET, _COURT or _JUDGE */
	char *variant;           /* the variant's key */
	char *canonical;         /* the canonical name as written; NULL: drop */
	char *canonical_key;     /* its key; NULL: drop */
};

struct aliases {
	struct alias *v; /* the mappings in file order */
	size_t n;
};

/* Read PATH into *OUT (zeroed first).  Returns 0, DOCKET_NOT_FOUND when
 * there is no file (then *OUT is empty), DOCKET_IO_ERROR, DOCKET_BAD_INPUT
 * with "PATH:LINE: why" in WHY, or DOCKET_NO_MEMORY. */
int aliases_load(const char *path, struct aliases *out, char *why, size_t whylen);

/* Parse DATA[0..N) (the file's text; NAME for messages). */
int aliases_parse(const char *data, size_t n, const char *name,
                  struct aliases *out, char *why, size_t whylen);

void aliases_free(struct aliases *a);

/* The keys that KEY of FIELD stands for: its canonical key and every
 * variant of that, KEY included, into L (appended); for a case caption
 * also every group whose canonical or variant KEY is a shorter writing of
 * ("U.S. v. Calder Freight" of a group "United States v. Calder Freight
 * Lines"), as `docket cases` counts them one case.  Sticky on *RC. */
void aliases_group(int *rc, const struct aliases *a, enum schema_field field,
                   const char *key, struct legal_list *l);

/* What the shown name S of FIELD becomes: S itself (no mapping), the
 * canonical name, or NULL when it is dropped.  A is NULL-safe.  Sticky on
 * *RC (NULL also when memory runs out). */
const char *aliases_show(int *rc, const struct aliases *a, enum schema_field field,
                         const char *s);

#endif
