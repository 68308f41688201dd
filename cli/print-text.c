/* print-text.c — the text format, for people: `docket search` as a ranked
 * list ("RANK. SCORE  snippet", the citation dimmed below) or, with
 * --group, hits grouped under their article; `docket show` as the article's
 * title and passages with the asked-for one marked.  Wrapped to the
 * terminal, highlights in colour when asked (output.c does the writing).
 * Made by printer_text (printer.h), for cli/cmd-search.c and cmd-show.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "printer.h"

/* Print one hit of the plain list: "RANK. SCORE  snippet", the citation
 * and the passage id (what `docket show` takes) dimmed below, then a blank
 * line. */
static void put_text_hit(const struct render *r, const struct hit_view *v)
{
	int indent = printf("%zu. ", v->rank);
	int col = indent + printf("%.2f  ", v->score);
	put_wrapped(stdout, r, v->field[DOCKET_FIELD_TEXT], v->snip_start,
	            v->snip_end, (const size_t (*)[2])v->hl, v->nhl, 1,
	            (size_t)col, (size_t)indent);
	printf("%*s", indent, "");
	size_t n = strlen(v->citation) + strlen(v->field[DOCKET_FIELD_PASSAGE_ID]) + 8;
	char *line = malloc(n);
	if (line)
		snprintf(line, n, "%s  [%s]", v->citation, v->field[DOCKET_FIELD_PASSAGE_ID]);
	put_dim_wrapped(stdout, r, line ? line : v->citation, (size_t)indent,
	                (size_t)indent);
	free(line);
	put_explain(stdout, r, v->hit, indent);
	putchar('\n');
}

/* Print where a passage sits, dimmed, on a line of its own. */
static void put_place_line(const struct render *r, const struct hit_view *v,
                           int indent)
{
	printf("%*s%s", indent, "", r->color ? "\033[2m" : "");
	put_place(stdout, v->field[DOCKET_FIELD_SECTION], v->paragraph);
	fputs(r->color ? "\033[0m\n" : "\n", stdout);
}

/* The article line of a group: outlet, author, date and URL. */
static void put_article_line(const struct render *r, const struct hit_view *v)
{
	static const docket_field parts[] = {DOCKET_FIELD_OUTLET,
		DOCKET_FIELD_AUTHOR, DOCKET_FIELD_DATE, DOCKET_FIELD_URL};
	char *line = NULL;
	size_t len = 0;
	FILE *m = open_memstream(&line, &len);
	int first = 1;
	if (!m)
		return;
	for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++) {
		const char *s = v->field[parts[i]];
		if (*s) {
			fprintf(m, "%s%s", first ? "" : ", ", s);
			first = 0;
		}
	}
	if (first)
		fputs(v->field[DOCKET_FIELD_ARTICLE_ID], m);
	fclose(m);
	fputs("   ", stdout);
	put_dim_line(stdout, r, line);
	free(line);
}

/* Print the hits grouped by article, articles in order of their first hit:
 * the title and article line once, then each passage's snippet and place.
 * Returns 0, or -1 (printing nothing) when out of memory. */
static int put_groups(const struct render *r, const struct hit_view *v,
                       size_t n)
{
	char *done = calloc(n + 1, 1);
	if (!done)
		return -1;
	for (size_t i = 0; i < n; i++) {
		const char *art = v[i].field[DOCKET_FIELD_ARTICLE_ID];
		const char *title = v[i].field[DOCKET_FIELD_TITLE];
		if (done[i])
			continue;
		put_bold_line(stdout, r, *title ? title : art);
		put_article_line(r, &v[i]);
		for (size_t j = i; j < n; j++) {
			if (done[j] || strcmp(art, v[j].field[DOCKET_FIELD_ARTICLE_ID]))
				continue;
			done[j] = 1;
			int indent = printf("   %zu. ", v[j].rank);
			int col = indent + printf("%.2f  ", v[j].score);
			put_wrapped(stdout, r, v[j].field[DOCKET_FIELD_TEXT],
			            v[j].snip_start, v[j].snip_end,
			            (const size_t (*)[2])v[j].hl, v[j].nhl, 1,
			            (size_t)col, (size_t)indent);
			put_place_line(r, &v[j], indent);
		}
		putchar('\n');
	}
	free(done);
	return 0;
}

/* `docket search`: the list, or the groups with --group.  Returns 0, or
 * -1 when out of memory (grouping). */
static int text_hits(const struct printer *p, const struct hit_view *v,
                     size_t n)
{
	if (p->o.group)
		return put_groups(&p->o.r, v, n);
	for (size_t i = 0; i < n; i++)
		put_text_hit(&p->o.r, &v[i]);
	return 0;
}

/* `docket show`: the title, then each passage: its place (marked with ">"
 * when it is FOCUS_ID, the one asked for) and its whole text; then the
 * focus's citation.  N is at least 1.  Returns 0. */
static int text_passages(const struct printer *p, const struct hit_view *v,
                         size_t n, const char *focus_id)
{
	const struct render r = p->o.r;
	const struct hit_view *focus = &v[0];
	const char *title = v[0].field[DOCKET_FIELD_TITLE];
	put_bold_line(stdout, &r, *title ? title : v[0].field[DOCKET_FIELD_ARTICLE_ID]);
	for (size_t i = 0; i < n; i++) {
		const char *id = v[i].field[DOCKET_FIELD_PASSAGE_ID];
		const char *section = v[i].field[DOCKET_FIELD_SECTION];
		int mine = !strcmp(id, focus_id);
		if (mine)
			focus = &v[i];
		printf("\n%s  %s", mine ? ">" : " ", r.color ? "\033[2m" : "");
		put_place(stdout, section, v[i].paragraph);
		fputs("  [", stdout);
		put_escaped(stdout, id);
		fputs(r.color ? "]\033[0m\n" : "]\n", stdout);
		printf("%s  ", mine ? ">" : " ");
		put_wrapped(stdout, &r, v[i].field[DOCKET_FIELD_TEXT], 0,
		            (size_t)-1, (const size_t (*)[2])v[i].hl, v[i].nhl, 0,
		            3, 3);
	}
	putchar('\n');
	put_dim_wrapped(stdout, &r, focus->citation, 0, 0);
	return 0;
}

struct printer printer_text(const struct print_opts *o)
{
	return (struct printer){"text", *o, text_hits, NULL, text_passages};
}
