/* table.h — the tables of counts a query returns (struct docket_table,
 * docket_table_* in docket.h): rows of owned string cells under static
 * column names, and a note.
 *
 * Owned by searcher/table.c; filled by searcher/tally.c.
 */
#ifndef DOCKET_TABLE_H
#define DOCKET_TABLE_H

#include <stddef.h>

#include "../docket.h"

struct docket_table {
	const char *const *cols; /* the column names (static) */
	size_t ncols;            /* how many */
	char **cells;            /* NROWS * NCOLS, row by row; NULL reads "" */
	size_t nrows;            /* rows in use */
	size_t cap;              /* rows allocated */
	char *note;              /* NULL or one line */
};

/* A new empty table with columns COLS[0..N); NULL when out of memory. */
struct docket_table *table_new(const char *const *cols, size_t n);
void table_free(struct docket_table *t);

/* Append an empty row; its index.  Sticky on *RC (DOCKET_NO_MEMORY). */
size_t table_row(int *rc, struct docket_table *t);
/* Set cell ROW, COL to a copy of S / to a printf-formatted string.
 * Sticky on *RC. */
void table_set(int *rc, struct docket_table *t, size_t row, size_t col,
               const char *s);
void table_setf(int *rc, struct docket_table *t, size_t row, size_t col,
                const char *fmt, ...) __attribute__((format(printf, 5, 6)));
/* Set the note (printf-formatted).  Sticky on *RC. */
void table_note(int *rc, struct docket_table *t, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

#endif
