/* print-text.c — the text format, for people: `docket search` as a ranked
 * list ("RANK. SCORE  snippet", the citation dimmed below) or, with
 * --group, hits grouped under their article; `docket show` as the article's
 * title and passages with the asked-for one marked, quoted speech in
 * italics and its speakers under each; `docket quotes` one line a quote.  Wrapped to the
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
	put_copies_line(stdout, r, v->hit, indent);
	put_explain(stdout, r, v->hit, indent);
	putchar('\n');
}

/* Print where a passage sits, dimmed, on a line of its own. */
static void put_place_line(const struct render *r, const struct hit_view *v,
                           int indent)
{
	printf("%*s%s", indent, "", r->color ? "\033[2m" : "");
	put_place(stdout, v->field[DOCKET_FIELD_SECTION], v->paragraph, v->part);
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

/* The case line of an article (nothing when it names no case, docket,
 * court or judge): "case Delacroix v. Nimbus · No. 25-cv-4418 · N.D.
 * Cal. · Judge Rita F. Lindqvist", lists joined by "; ". */
static void put_case_line(const struct render *r, const struct hit_view *v,
                          const char *indent)
{
	static const struct { docket_list l; const char *label; } parts[] = {
		{DOCKET_LIST_CASES, "case "}, {DOCKET_LIST_DOCKETS, "No. "},
		{DOCKET_LIST_COURTS, ""}, {DOCKET_LIST_JUDGES, "Judge "}};
	char *line = NULL;
	size_t len = 0;
	FILE *m = open_memstream(&line, &len);
	int any = 0;
	if (!m)
		return;
	for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++) {
		size_t n = docket_hit_list_count(v->hit, parts[i].l);
		for (size_t k = 0; k < n; k++)
			fprintf(m, "%s%s%s", k ? "; " : any ? " \xc2\xb7 " : "",
			        k ? "" : parts[i].label, docket_hit_list_item(v->hit, parts[i].l, k));
		any |= n > 0;
	}
	fclose(m);
	if (any) {
		fputs(indent, stdout);
		put_dim_line(stdout, r, line);
	}
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
		put_case_line(r, &v[i], "   ");
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
			put_copies_line(stdout, r, v[j].hit, indent);
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

/* Under a passage's text, one dim line naming who said each of its
 * quotes: "   ” Camille Ferreira (told); Halvorsen spokesperson (said)". */
static void put_speakers(const struct render *r, const docket_hit *h)
{
	size_t n = docket_hit_quote_count(h);
	if (!n)
		return;
	fputs(r->color ? "   \033[2m\xe2\x80\x9d " : "   \xe2\x80\x9d ", stdout);
	for (size_t i = 0; i < n; i++) {
		const char *speaker, *cue;
		docket_hit_quote(h, i, NULL, NULL, &speaker, &cue);
		fputs(i ? "; " : "", stdout);
		put_escaped(stdout, *speaker ? speaker : "unattributed");
		if (*cue) {
			fputs(" (", stdout);
			put_escaped(stdout, cue);
			fputc(')', stdout);
		}
	}
	fputs(r->color ? "\033[0m\n" : "\n", stdout);
}

/* `docket show`: the title, then each passage: its place (marked with ">"
 * when it is FOCUS_ID, the one asked for), its whole text with quoted
 * speech in italics (when colouring) and who said its quotes; then the
 * focus's citation.  N is at least 1.  Returns 0. */
static int text_passages(const struct printer *p, const struct hit_view *v,
                         size_t n, const char *focus_id)
{
	const struct render r = p->o.r;
	const struct hit_view *focus = &v[0];
	const char *title = v[0].field[DOCKET_FIELD_TITLE];
	put_bold_line(stdout, &r, *title ? title : v[0].field[DOCKET_FIELD_ARTICLE_ID]);
	put_case_line(&r, &v[0], "   ");
	for (size_t i = 0; i < n; i++) {
		const char *id = v[i].field[DOCKET_FIELD_PASSAGE_ID];
		const char *section = v[i].field[DOCKET_FIELD_SECTION];
		int mine = !strcmp(id, focus_id);
		if (mine)
			focus = &v[i];
		printf("\n%s  %s", mine ? ">" : " ", r.color ? "\033[2m" : "");
		put_place(stdout, section, v[i].paragraph, v[i].part);
		fputs("  [", stdout);
		put_escaped(stdout, id);
		fputs(r.color ? "]\033[0m\n" : "]\n", stdout);
		printf("%s  ", mine ? ">" : " ");
		size_t nq;
		size_t (*quotes)[2] = hit_quote_ranges(v[i].hit, &nq);
		put_wrapped_quoted(stdout, &r, v[i].field[DOCKET_FIELD_TEXT], 0,
		                   (size_t)-1, (const size_t (*)[2])v[i].hl, v[i].nhl,
		                   (const size_t (*)[2])quotes, nq, 0, 3, 3);
		free(quotes);
		put_speakers(&r, v[i].hit);
	}
	putchar('\n');
	put_dim_wrapped(stdout, &r, focus->citation, 0, 0);
	return 0;
}

/* `docket quotes`: one line per quote, “TEXT” — SPEAKER; first reported
 * OUTLET, DATE (PASSAGE_ID); N articles, M outlets.  Returns 0. */
static int text_quotes(const struct printer *p, const struct quote_line *q,
                       size_t n)
{
	int color = p->o.r.color;
	for (size_t i = 0; i < n; i++) {
		const struct quote_line *l = &q[i];
		fputs(color ? "\033[3m\xe2\x80\x9c" : "\xe2\x80\x9c", stdout);
		put_escaped(stdout, l->text);
		fputs(color ? "\xe2\x80\x9d\033[0m \xe2\x80\x94 " : "\xe2\x80\x9d \xe2\x80\x94 ",
		      stdout);
		put_escaped(stdout, *l->speaker ? l->speaker : "unattributed");
		fputs("; first reported ", stdout);
		put_escaped(stdout, *l->outlet ? l->outlet : "(no outlet)");
		fputs(", ", stdout);
		put_escaped(stdout, *l->date ? l->date : "(no date)");
		fputs(" (", stdout);
		put_escaped(stdout, l->passage_id);
		printf("); %zu article%s, %zu outlet%s\n", l->articles,
		       l->articles == 1 ? "" : "s", l->noutlets, l->noutlets == 1 ? "" : "s");
	}
	return 0;
	return 0;
}

/* ------------------------------------------------------------- tables */

/* The number in cell R, C of T. */
static unsigned long num(const docket_table *t, size_t r, size_t c)
{
	return strtoul(docket_table_cell(t, r, c), NULL, 10);
}

/* Columns a UTF-8 string takes (one per code point; good enough for
 * names). */
static size_t columns(const char *s)
{
	size_t n = 0;
	for (; *s; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

/* S escaped, then padded with spaces to WIDTH columns. */
static void put_padded(const char *s, size_t width)
{
	put_escaped(stdout, s);
	for (size_t w = columns(s); w < width; w++)
		putchar(' ');
}

/* Each field's values: "  VALUE  PASSAGES passages  ARTICLES articles". */
static void text_facets(const docket_table *t)
{
	for (size_t r = 0; r < docket_table_rows(t);) {
		const char *field = docket_table_cell(t, r, 0);
		size_t end = r, width = 0;
		while (end < docket_table_rows(t) && !strcmp(docket_table_cell(t, end, 0), field)) {
			size_t w = columns(docket_table_cell(t, end, 1));
			width = w > width ? (w > 40 ? 40 : w) : width;
			end++;
		}
		printf("%s\n", field);
		if (!*docket_table_cell(t, r, 1)) {
			puts("  (none)");
			r = end;
		}
		for (; r < end; r++) {
			fputs("  ", stdout);
			put_padded(docket_table_cell(t, r, 1), width);
			unsigned long np = num(t, r, 3), na = num(t, r, 2);
			printf("  %6lu %-8s  %5lu %s\n", np, np == 1 ? "passage" : "passages",
			       na, na == 1 ? "article" : "articles");
		}
	}
}

/* A bucket's label: its start, cut to the period (2026, 2026-03). */
static const char *label(const docket_table *t, size_t r, size_t *len)
{
	const char *s = docket_table_cell(t, r, 0), *e = docket_table_cell(t, r, 1);
	*len = 10;
	if (!strncmp(s + 5, "01-01", 5) && !strncmp(e + 5, "12-31", 5))
		*len = 4;
	else if (!strncmp(s + 8, "01", 2) && strncmp(s, e, 7) == 0 && strcmp(e + 8, "28") >= 0)
		*len = 7; /* a month: no week spans 28 days */
	return s;
}

/* One line of ▁..█ per series, scaled to the series' largest bucket. */
static void sparkline(const docket_table *t, size_t from, size_t to, unsigned long max)
{
	static const char *const bars[8] = {"\u2581", "\u2582", "\u2583", "\u2584",
	                                    "\u2585", "\u2586", "\u2587", "\u2588"};
	size_t len;
	printf("%.*s ", (int)(label(t, from, &len), len), docket_table_cell(t, from, 0));
	for (size_t r = from; r < to; r++) {
		unsigned long n = num(t, r, 4);
		fputs(n ? bars[max ? (n * 7 + max - 1) / max : 0] : " ", stdout);
	}
	printf(" %.*s  (most: %lu passage%s)\n", (int)(label(t, to - 1, &len), len),
	       docket_table_cell(t, to - 1, 0), max, max == 1 ? "" : "s");
}

/* "LABEL  ████ PASSAGES p, ARTICLES a, OUTLETS o" per bucket, the bars
 * scaled to the width. */
static void bars(const struct render *rd, const docket_table *t, size_t from,
                 size_t to, unsigned long max)
{
	for (size_t r = from; r < to; r++) {
		size_t len;
		const char *s = label(t, r, &len);
		char counts[80];
		unsigned long n = num(t, r, 4);
		int cl = snprintf(counts, sizeof counts, " %lu p, %lu a, %lu o", n,
		                  num(t, r, 3), num(t, r, 5));
		size_t room = rd->width > len + 2 + (size_t)cl + 1 ? rd->width - len - 2 - (size_t)cl - 1 : 1;
		size_t w = max ? (size_t)((double)n / (double)max * (double)room + 0.5) : 0;
		printf("%.*s  ", (int)len, s);
		for (size_t k = 0; k < w; k++)
			fputs("\u2588", stdout);
		if (!w && n)
			fputs("\u258f", stdout);
		puts(counts);
	}
}

/* Each series (one, or one per outlet): bars, or a sparkline when the
 * terminal is narrow (under 50 columns) or when asked. */
static void text_timeline(const struct printer *p, const docket_table *t)
{
	for (size_t r = 0; r < docket_table_rows(t);) {
		const char *outlet = docket_table_cell(t, r, 2);
		size_t end = r;
		unsigned long max = 0;
		for (; end < docket_table_rows(t) && !strcmp(docket_table_cell(t, end, 2), outlet); end++)
			max = num(t, end, 4) > max ? num(t, end, 4) : max;
		if (*outlet) {
			put_escaped(stdout, outlet);
			putchar('\n');
		}
		if (p->o.sparkline || p->o.r.width < 50)
			sparkline(t, r, end, max);
		else
			bars(&p->o.r, t, r, end, max);
		r = end;
	}
}

/* One row per outlet: first, last, articles, passages, top sources. */
static void text_coverage(const docket_table *t)
{
	size_t width = 11; /* "(no outlet)" */
	for (size_t r = 0; r < docket_table_rows(t); r++) {
		size_t w = columns(docket_table_cell(t, r, 0));
		width = w > width ? (w > 32 ? 32 : w) : width;
	}
	put_padded("outlet", width);
	printf("  %-10s  %-10s  %8s  %8s  %s\n", "first", "last", "articles", "passages",
	       "top sources");
	for (size_t r = 0; r < docket_table_rows(t); r++) {
		const char *outlet = docket_table_cell(t, r, 0);
		put_padded(*outlet ? outlet : "(no outlet)", width);
		printf("  %-10s  %-10s  %8lu  %8lu  ", docket_table_cell(t, r, 1),
		       docket_table_cell(t, r, 2), num(t, r, 3), num(t, r, 4));
		const char *s = docket_table_cell(t, r, 5), *c = docket_table_cell(t, r, 6);
		while (*s) {
			size_t n = strcspn(s, "\n"), k = strcspn(c, "\n");
			printf("%.*s (%.*s)", (int)n, s, (int)k, c);
			s += n + (s[n] == '\n'), c += k + (c[k] == '\n');
			fputs(*s ? ", " : "", stdout);
		}
		putchar('\n');
	}
}

static int text_table(const struct printer *p, enum table_kind kind,
                      const docket_table *t)
{
	if (kind == TABLE_FACETS)
		text_facets(t);
	else if (kind == TABLE_TIMELINE)
		text_timeline(p, t);
	else
		text_coverage(t);
	if (*docket_table_note(t)) {
		char line[600];
		snprintf(line, sizeof line, "note: %s", docket_table_note(t));
		put_dim_line(stdout, &p->o.r, line);
	}
	return ferror(stdout) ? -1 : 0;
}

struct printer printer_text(const struct print_opts *o)
{
	return (struct printer){"text", *o, text_hits, NULL, text_passages,
	                        text_quotes, text_table, o->group};
}
