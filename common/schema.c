/* schema.c — the field table (schema.h): one row per field a query can
 * name, read by the query parser, the highlighter's and --explain's term
 * mapping, the indexer's field loop and the tests.  Adding a field is a row
 * here (with its enum value), its extractor in indexer/document.c, its
 * record field (record.h) and its JSON key (README.md).
 */
#include "schema.h"

#include <string.h>

const struct schema_row schema_fields[FIELD_LAST] = {
	/* id          name       prefix          kind          pos wdf         hl expl        slot */
	{FIELD_BODY,    NULL,      "",             KIND_TEXT,    1, 0,           1, "",         -1},
	{FIELD_TITLE,   "title",   PREFIX_TITLE,   KIND_TEXT,    1, 0,           0, "title:",   -1},
	{FIELD_SECTION, "section", PREFIX_SECTION, KIND_TEXT,    1, 0,           0, "section:", -1},
	{FIELD_OUTLET,  "outlet",  PREFIX_OUTLET,  KIND_TEXT,    1, 0,           0, "outlet:",  -1},
	{FIELD_AUTHOR,  "author",  PREFIX_AUTHOR,  KIND_TEXT,    1, 0,           0, "author:",  -1},
	{FIELD_SOURCE,  "source",  PREFIX_SOURCE,  KIND_BOOLEAN, 0, 0,           0, "source:",  -1},
	{FIELD_DATE,    "date",    "",             KIND_VALUE,   0, 0,           0, "date:",    SLOT_DATE},
};

enum schema_field schema_term_field(const char *term, size_t n,
                                    size_t *bare_at)
{
	for (int f = 0; f < FIELD_LAST; f++) {
		size_t k = strlen(schema_fields[f].prefix);
		if (k && n > k && memcmp(term, schema_fields[f].prefix, k) == 0) {
			if (bare_at)
				*bare_at = k;
			return (enum schema_field)f;
		}
	}
	if (bare_at)
		*bare_at = 0;
	return FIELD_BODY;
}
