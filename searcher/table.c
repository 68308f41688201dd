/* table.c — tables of counts (see table.h) and their public accessors. */
#include "table.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../common/buf.h"

struct docket_table *table_new(const char *const *cols, size_t n)
{
	struct docket_table *t = calloc(1, sizeof *t);
	if (t)
		t->cols = cols, t->ncols = n;
	return t;
}

void table_free(struct docket_table *t)
{
	if (!t)
		return;
	for (size_t i = 0; i < t->nrows * t->ncols; i++)
		free(t->cells[i]);
	free(t->cells);
	free(t->note);
	free(t);
}

size_t table_row(int *rc, struct docket_table *t)
{
	if (*rc)
		return 0;
	if (t->nrows == t->cap) {
		size_t cap = t->cap ? t->cap * 2 : 16;
		char **c = realloc(t->cells, cap * t->ncols * sizeof *c);
		if (!c) {
			*rc = DOCKET_NO_MEMORY;
			return 0;
		}
		t->cells = c, t->cap = cap;
	}
	memset(t->cells + t->nrows * t->ncols, 0, t->ncols * sizeof *t->cells);
	return t->nrows++;
}

void table_set(int *rc, struct docket_table *t, size_t row, size_t col,
               const char *s)
{
	if (*rc || row >= t->nrows || col >= t->ncols)
		return;
	char **cell = &t->cells[row * t->ncols + col];
	free(*cell);
	*cell = str_dup(rc, s);
}

void table_setf(int *rc, struct docket_table *t, size_t row, size_t col,
                const char *fmt, ...)
{
	char tmp[64];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(tmp, sizeof tmp, fmt, ap);
	va_end(ap);
	table_set(rc, t, row, col, tmp);
}

void table_note(int *rc, struct docket_table *t, const char *fmt, ...)
{
	char tmp[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(tmp, sizeof tmp, fmt, ap);
	va_end(ap);
	if (*rc)
		return;
	free(t->note);
	t->note = str_dup(rc, tmp);
}

DOCKET_EXPORT size_t docket_table_rows(const docket_table *t)
{
	return t ? t->nrows : 0;
}

DOCKET_EXPORT size_t docket_table_columns(const docket_table *t)
{
	return t ? t->ncols : 0;
}

DOCKET_EXPORT const char *docket_table_column(const docket_table *t, size_t col)
{
	return t && col < t->ncols ? t->cols[col] : "";
}

DOCKET_EXPORT const char *docket_table_cell(const docket_table *t, size_t row,
                                            size_t col)
{
	if (!t || row >= t->nrows || col >= t->ncols)
		return "";
	const char *c = t->cells[row * t->ncols + col];
	return c ? c : "";
}

DOCKET_EXPORT const char *docket_table_note(const docket_table *t)
{
	return t && t->note ? t->note : "";
}
