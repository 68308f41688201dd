/* printer.c — the table of output formats (see printer.h): one row per
 * format, looked up by cli/cmd-search.c and cli/cmd-show.c for --format.
 */
#include <stdio.h>
#include <string.h>

#include "printer.h"

const struct printer_format printer_formats[] = {
	{"text", printer_text},
	{"json", printer_json},
	{"trec", printer_trec},
	{"csv", printer_csv},
	{NULL, NULL},
};

/* Returns the row named NAME, or NULL; cannot fail. */
const struct printer_format *printer_find(const char *name)
{
	for (const struct printer_format *f = printer_formats; f->name; f++)
		if (!strcmp(f->name, name))
			return f;
	return NULL;
}

int printer_shows_passages(const struct printer_format *f)
{
	const struct print_opts none = {.qid = "0"};
	return f->make(&none).passages != NULL;
}

const char *printer_names(int for_show)
{
	static char names[2][128];
	char *out = names[!!for_show];
	size_t n = 0, k = 0, len = 0;
	const struct printer_format *f;
	if (*out)
		return out;
	for (f = printer_formats; f->name; f++)
		n += !for_show || printer_shows_passages(f);
	for (f = printer_formats; f->name && len < sizeof names[0]; f++) {
		if (for_show && !printer_shows_passages(f))
			continue;
		k++;
		len += (size_t)snprintf(out + len, sizeof names[0] - len, "%s%s",
		                        k == 1 ? "" : k == n ? " or " : ", ", f->name);
	}
	return out;
}
