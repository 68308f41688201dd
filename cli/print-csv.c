/* print-csv.c — the csv format: the tables of facets, timeline and
 * coverage as RFC 4180 CSV (a header row of the table's column names, then
 * one line per row; a cell holding a comma, quote or line break is quoted,
 * quotes doubled; a list cell's items joined with "; "), for spreadsheets.
 * No hits: `docket search --format csv` needs --facets.  The table's note,
 * if any, goes to stderr so the CSV stays clean.  Made by printer_csv
 * (printer.h), for cli/cmd-search.c and cli/cmd-tally.c.
 */
#include <stdio.h>
#include <string.h>

#include "printer.h"

/* Write cell S as a CSV field. */
static void put_cell(const char *s)
{
	int quote = strpbrk(s, ",\"\r") != NULL; /* '\n' becomes "; " */
	if (quote)
		putchar('"');
	for (; *s; s++) {
		if (*s == '"')
			putchar('"');
		if (*s == '\n')
			fputs("; ", stdout);
		else
			putchar(*s);
	}
	if (quote)
		putchar('"');
}

static int csv_table(const struct printer *p, enum table_kind kind,
                     const docket_table *t)
{
	size_t nc = docket_table_columns(t);
	for (size_t c = 0; c < nc; c++) {
		if (c)
			putchar(',');
		put_cell(docket_table_column(t, c));
	}
	putchar('\n');
	for (size_t r = 0; r < docket_table_rows(t); r++) {
		for (size_t c = 0; c < nc; c++) {
			if (c)
				putchar(',');
			put_cell(docket_table_cell(t, r, c));
		}
		putchar('\n');
	}
	if (*docket_table_note(t))
		fprintf(stderr, "docket: note: %s\n", docket_table_note(t));
	return ferror(stdout) ? -1 : 0;
}

struct printer printer_csv(const struct print_opts *o)
{
	return (struct printer){"csv", *o, NULL, NULL, NULL, NULL, csv_table, 0};
}
