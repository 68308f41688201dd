/* web-page.c — the HTML of `docket serve`: the search page at / and a
 * passage in its article at /passage/{id}, rendered on the server so that
 * both work with script off; /static/page.js (cli/web/) adds the keyboard,
 * the copy buttons and the key list.  Facet filters live in the URL
 * (f=FIELD:VALUE to keep, x=FIELD:VALUE to leave out) and become fields of
 * the query (outlet:"…", date:2025), so a page is shareable and the back
 * button works.  Every string from an article goes through put_html (no
 * markup, no control bytes, no invalid UTF-8), links only to http(s) URLs,
 * and there is no inline script or style (the Content-Security-Policy of
 * cli/cmd-web.c forbids both).  Called by cli/web-api.c's route table.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "output.h"
#include "web.h"

#define HTML_TYPE "text/html; charset=utf-8"
#define PAGE_FACETS "outlet,author,year"
#define MAX_FILTERS 8 /* kept, and as many left out: DOCKET_MAX_FILTERS */
#define ARTICLE_CONTEXT 500 /* passages around the one opened: the article */

/* ------------------------------------------------------------ escaping */

/* Write S[0, N) to F as HTML text (also safe in a quoted attribute): & < >
 * " ' as entities, control bytes but tab and newline dropped (an ANSI
 * escape shows as its printable rest, never as a command), invalid UTF-8
 * as U+FFFD. */
static void put_html_n(FILE *f, const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	for (size_t i = 0; i < n;) {
		size_t len = valid_seq_len(p + i, n - i);
		unsigned char c = p[i];
		if (!len) {
			fputs("\xef\xbf\xbd", f), i++;
			continue;
		}
		if (c == '&') fputs("&amp;", f);
		else if (c == '<') fputs("&lt;", f);
		else if (c == '>') fputs("&gt;", f);
		else if (c == '"') fputs("&quot;", f);
		else if (c == '\'') fputs("&#39;", f);
		else if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7f) ;
		else if (len == 2 && c == 0xc2 && p[i + 1] < 0xa0) ; /* C1 controls */
		else fwrite(p + i, 1, len, f);
		i += len;
	}
}

static void put_html(FILE *f, const char *s)
{
	put_html_n(f, s, strlen(s));
}

/* Write S percent-encoded for a URL's query or path: everything but
 * unreserved characters. */
static void put_url(FILE *f, const char *s)
{
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || strchr("-._~", *p))
			fputc(*p, f);
		else
			fprintf(f, "%%%02X", *p);
}

/* Whether URL may be a link: http or https only (never javascript:). */
static int linkable(const char *url)
{
	return !strncmp(url, "https://", 8) || !strncmp(url, "http://", 7);
}

/* TEXT[START, END) as HTML with the highlights HL[0..NHL) (byte ranges
 * into TEXT) in <mark>. */
static void put_marked(FILE *f, const char *text, size_t start, size_t end,
                       const size_t (*hl)[2], size_t nhl)
{
	size_t at = start;
	for (size_t i = 0; i < nhl; i++) {
		size_t a = hl[i][0] < at ? at : hl[i][0];
		size_t b = hl[i][1] > end ? end : hl[i][1];
		if (a >= b)
			continue;
		put_html_n(f, text + at, a - at);
		fputs("<mark>", f);
		put_html_n(f, text + a, b - a);
		fputs("</mark>", f);
		at = b;
	}
	if (at < end)
		put_html_n(f, text + at, end - at);
}

/* ---------------------------------------------------------- the filters */

/* The page's facet filters, from the URL. */
struct filters {
	const char *keep[MAX_FILTERS]; /* f=FIELD:VALUE */
	size_t nkeep;
	const char *drop[MAX_FILTERS]; /* x=FIELD:VALUE */
	size_t ndrop;
};

static int take_filter(const char *name, const char *value, void *p)
{
	struct filters *fl = p;
	if (!strcmp(name, "f") && fl->nkeep < MAX_FILTERS && strchr(value, ':'))
		fl->keep[fl->nkeep++] = value;
	if (!strcmp(name, "x") && fl->ndrop < MAX_FILTERS && strchr(value, ':'))
		fl->drop[fl->ndrop++] = value;
	return 0;
}

/* Write the query field for the filter FV ("outlet:Bay Ledger") to F:
 * outlet:"Bay Ledger", or date:2025 for a year or month. */
static void put_field(FILE *f, const char *fv)
{
	size_t n = strcspn(fv, ":");
	const char *v = fv + n + 1;
	if ((n == 4 && !strncmp(fv, "year", 4)) || (n == 5 && !strncmp(fv, "month", 5))) {
		fprintf(f, "date:%.*s", (int)strspn(v, "0123456789-"), v);
		return;
	}
	fprintf(f, "%.*s:\"", (int)n, fv);
	for (; *v; v++)
		if (*v != '"')
			fputc(*v, f);
	fputc('"', f);
}

/* Whether filter FV names a field whose facet value is matched exactly
 * (docket_query_filter) rather than through the query string. */
static int exact_field(const char *fv)
{
	char field[7];
	const char *v;
	return parse_exact(fv, field, &v) == 0;
}

/* The query string Q with the filters FL added that are not exact ones
 * (malloc'd). */
static char *filtered_query(const char *q, const struct filters *fl)
{
	char *s = NULL;
	size_t n = 0;
	FILE *f = open_memstream(&s, &n);
	if (!f)
		return NULL;
	fprintf(f, fl->nkeep || fl->ndrop ? "(%s)" : "%s", q);
	for (size_t i = 0; i < fl->nkeep; i++)
		if (!exact_field(fl->keep[i]))
			fputs(" AND ", f), put_field(f, fl->keep[i]);
	for (size_t i = 0; i < fl->ndrop; i++)
		if (!exact_field(fl->drop[i]))
			fputs(" AND NOT ", f), put_field(f, fl->drop[i]);
	return fclose(f) ? (free(s), NULL) : s;
}

/* FL's outlet and author filters on DQ, exact: a facet row's value is the
 * whole field, and outlet:"Ledger" would also keep "Harbor Valley Ledger". */
static docket_status exact_filters(docket_query *dq, const struct filters *fl)
{
	docket_status st = DOCKET_OK;
	char field[7];
	const char *v;
	for (size_t k = 0; !st && k < fl->nkeep + fl->ndrop; k++) {
		const char *fv = k < fl->nkeep ? fl->keep[k] : fl->drop[k - fl->nkeep];
		if (!parse_exact(fv, field, &v))
			st = docket_query_filter(dq, field, v, k >= fl->nkeep);
	}
	return st;
}

/* Which list FV is in: 1 kept, 2 left out, 0 neither. */
static int filter_state(const struct filters *fl, const char *fv)
{
	for (size_t i = 0; i < fl->nkeep; i++)
		if (!strcmp(fl->keep[i], fv))
			return 1;
	for (size_t i = 0; i < fl->ndrop; i++)
		if (!strcmp(fl->drop[i], fv))
			return 2;
	return 0;
}

/* Write the URL of the search page for Q and FL to F, with the filter
 * CHANGE ("" for none) moved one step: absent → kept → left out → absent. */
static void put_page_url(FILE *f, const char *q, const struct filters *fl,
                         const char *change, long offset)
{
	fputs("/?q=", f);
	put_url(f, q);
	int st = *change ? filter_state(fl, change) : -1;
	for (size_t i = 0; i < fl->nkeep; i++) {
		int moved = !strcmp(fl->keep[i], change);
		fputs(moved ? "&amp;x=" : "&amp;f=", f);
		put_url(f, fl->keep[i]);
	}
	for (size_t i = 0; i < fl->ndrop; i++)
		if (strcmp(fl->drop[i], change))
			fputs("&amp;x=", f), put_url(f, fl->drop[i]);
	if (st == 0)
		fputs("&amp;f=", f), put_url(f, change);
	if (offset > 0)
		fprintf(f, "&amp;offset=%ld", offset);
}

/* ------------------------------------------------------------- the page */

/* The head of every page, and the opening of its body. */
static void put_head(FILE *f, const char *title)
{
	fputs("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
	      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
	      "<meta name=\"color-scheme\" content=\"light dark\">"
	      "<title>", f);
	put_html(f, title);
	fputs(" — docket</title><link rel=\"stylesheet\" href=\"/static/page.css\">"
	      "<script src=\"/static/page.js\" defer></script></head>\n<body>\n"
	      "<a class=\"skip\" href=\"#main\">Skip to results</a>\n", f);
}

/* The search form, holding Q and the filters FL (as hidden fields). */
static void put_form(FILE *f, const char *q, const struct filters *fl)
{
	fputs("<header><form role=\"search\" method=\"get\" action=\"/\">"
	      "<label for=\"q\">Search passages</label>"
	      "<input id=\"q\" name=\"q\" type=\"search\" autocomplete=\"off\" value=\"", f);
	put_html(f, q);
	fputs("\" aria-describedby=\"keyhint\">", f);
	for (size_t i = 0; fl && i < fl->nkeep; i++)
		fputs("<input type=\"hidden\" name=\"f\" value=\"", f), put_html(f, fl->keep[i]), fputs("\">", f);
	for (size_t i = 0; fl && i < fl->ndrop; i++)
		fputs("<input type=\"hidden\" name=\"x\" value=\"", f), put_html(f, fl->drop[i]), fputs("\">", f);
	fputs("<button type=\"submit\">Search</button></form>"
	      "<p id=\"keyhint\" class=\"hint\">Press <kbd>/</kbd> to search, "
	      "<kbd>?</kbd> for keys.</p></header>\n", f);
}

/* The key list (shown by page.js on "?"). */
static void put_keys(FILE *f)
{
	fputs("<div id=\"keys\" class=\"keys\" role=\"dialog\" aria-modal=\"false\" "
	      "aria-labelledby=\"keys-title\" hidden><h2 id=\"keys-title\">Keys</h2><dl>"
	      "<dt><kbd>/</kbd></dt><dd>focus the search box</dd>"
	      "<dt><kbd>j</kbd> or <kbd>↓</kbd></dt><dd>next result</dd>"
	      "<dt><kbd>k</kbd> or <kbd>↑</kbd></dt><dd>previous result</dd>"
	      "<dt><kbd>Enter</kbd></dt><dd>open the result in its article</dd>"
	      "<dt><kbd>Esc</kbd></dt><dd>back (or close this list)</dd>"
	      "<dt><kbd>?</kbd></dt><dd>show or hide this list</dd></dl>"
	      "<button type=\"button\" id=\"keys-close\">Close</button></div>\n", f);
}

/* One copy button per citation style, holding its text. */
static void put_cite_buttons(FILE *f, const docket_hit *h)
{
	static const struct { docket_cite_style style; const char *label; } styles[] = {
		{DOCKET_CITE_PLAIN, "plain"}, {DOCKET_CITE_MARKDOWN, "Markdown"},
		{DOCKET_CITE_BIBTEX, "BibTeX"},
	};
	fputs("<div class=\"cites\" role=\"group\" aria-label=\"Copy the citation\">", f);
	for (size_t i = 0; i < sizeof styles / sizeof styles[0]; i++) {
		fputs("<button type=\"button\" class=\"copy\" data-cite=\"", f);
		put_html(f, docket_hit_citation(h, styles[i].style));
		fprintf(f, "\" hidden>Copy %s</button>", styles[i].label);
	}
	fputs("<span class=\"copied\" role=\"status\" aria-live=\"polite\"></span></div>", f);
}

/* The link to open hit V's passage in its article, highlights of Q kept. */
static void put_open_url(FILE *f, const char *id, const char *q)
{
	fputs("/passage/", f);
	put_url(f, id);
	fputs("?q=", f);
	put_url(f, q);
	fputs("#focus", f);
}

/* One result. */
static void put_hit(FILE *f, const struct hit_view *v, const char *q)
{
	const char *title = v->field[DOCKET_FIELD_TITLE];
	const char *text = v->field[DOCKET_FIELD_TEXT];
	fputs("<li class=\"hit\"><h2 class=\"title\"><a class=\"open\" href=\"", f);
	put_open_url(f, v->field[DOCKET_FIELD_PASSAGE_ID], q);
	fputs("\">", f);
	put_html(f, *title ? title : v->field[DOCKET_FIELD_ARTICLE_ID]);
	fputs("</a></h2><p class=\"meta\">", f);
	put_html(f, v->field[DOCKET_FIELD_OUTLET]);
	const char *sep = *v->field[DOCKET_FIELD_OUTLET] ? " · " : "";
	if (*v->field[DOCKET_FIELD_DATE])
		fprintf(f, "%s<time>", sep), put_html(f, v->field[DOCKET_FIELD_DATE]),
			fputs("</time>", f), sep = " · ";
	if (*v->field[DOCKET_FIELD_SECTION])
		fprintf(f, "%s§ ", sep), put_html(f, v->field[DOCKET_FIELD_SECTION]), sep = " · ";
	fprintf(f, "%s¶ %d</p><p class=\"snippet\">", sep, v->paragraph);
	if (v->snip_start > 0)
		fputs("… ", f);
	put_marked(f, text, v->snip_start, v->snip_end, v->hl, v->nhl);
	if (v->snip_end < strlen(text))
		fputs(" …", f);
	fputs("</p><p class=\"cite\">", f);
	put_html(f, v->citation);
	fputs("</p><p class=\"pid\">Passage <code>", f);
	put_html(f, v->field[DOCKET_FIELD_PASSAGE_ID]);
	fputs("</code></p>", f);
	put_cite_buttons(f, v->hit);
	fputs("</li>\n", f);
}

/* The filters in force, each a link that moves it on (a value left out
 * has no matches, so its field's list no longer shows it). */
static void put_active(FILE *f, const char *q, const struct filters *fl)
{
	if (!fl->nkeep && !fl->ndrop)
		return;
	fputs("<h3>In force</h3><ul class=\"active\">", f);
	for (size_t k = 0; k < 2; k++)
		for (size_t i = 0; i < (k ? fl->ndrop : fl->nkeep); i++) {
			const char *fv = k ? fl->drop[i] : fl->keep[i];
			fprintf(f, "<li><a class=\"facet %s\" href=\"", k ? "drop" : "keep");
			put_page_url(f, q, fl, fv, 0);
			fprintf(f, "\" aria-pressed=\"true\" title=\"%s\">%s", k ? "left out" : "kept",
			        k ? "<s>" : "");
			put_html(f, fv);
			fputs(k ? "</s></a></li>" : "</a></li>", f);
		}
	fputs("</ul>", f);
}

/* The facet lists of T, each value a link that moves its filter on. */
static void put_facets(FILE *f, const docket_table *t, const char *q,
                       const struct filters *fl)
{
	const char *field = "";
	fputs("<nav class=\"facets\" aria-label=\"Filters\"><h2>Filter</h2>"
	      "<p class=\"hint\">Click to keep, again to leave out, again to clear.</p>", f);
	put_active(f, q, fl);
	for (size_t r = 0; r < docket_table_rows(t); r++) {
		const char *fd = docket_table_cell(t, r, 0), *val = docket_table_cell(t, r, 1);
		if (strcmp(fd, field)) {
			fprintf(f, "%s<h3>", *field ? "</ul>" : "");
			put_html(f, fd);
			fputs("</h3><ul>", f);
			field = fd;
		}
		if (!*val)
			continue;
		char fv[600];
		snprintf(fv, sizeof fv, "%s:%s", fd, val);
		int st = filter_state(fl, fv);
		fprintf(f, "<li><a class=\"facet%s\" href=\"", st == 1 ? " keep" : st == 2 ? " drop" : "");
		put_page_url(f, q, fl, fv, 0);
		fprintf(f, "\" aria-pressed=\"%s\"%s>", st ? "true" : "false",
		        st == 2 ? " title=\"left out\"" : st == 1 ? " title=\"kept\"" : "");
		fputs(st == 2 ? "<s>" : "", f);
		put_html(f, val);
		fprintf(f, "%s <span class=\"count\">%s</span></a></li>", st == 2 ? "</s>" : "",
		        docket_table_cell(t, r, 3));
	}
	fprintf(f, "%s</nav>\n", *field ? "</ul>" : "");
}

/* The timeline T as an inline SVG bar chart (no script, no style). */
static void put_timeline(FILE *f, const docket_table *t)
{
	size_t n = docket_table_rows(t), max = 1;
	if (!n)
		return;
	for (size_t r = 0; r < n; r++) {
		size_t c = strtoul(docket_table_cell(t, r, 4), NULL, 10);
		max = c > max ? c : max;
	}
	double w = 600.0 / (double)n;
	fprintf(f, "<figure class=\"timeline\"><svg viewBox=\"0 0 600 80\" role=\"img\" "
	        "aria-labelledby=\"tl-cap\" preserveAspectRatio=\"none\">");
	for (size_t r = 0; r < n; r++) {
		size_t c = strtoul(docket_table_cell(t, r, 4), NULL, 10);
		double h = 76.0 * (double)c / (double)max;
		fprintf(f, "<rect class=\"bar\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\">"
		        "<title>", w * (double)r, 78.0 - h, w > 2 ? w - 1 : w, h);
		put_html(f, docket_table_cell(t, r, 0));
		fprintf(f, ": %zu passages</title></rect>", c);
	}
	fputs("</svg><figcaption id=\"tl-cap\">Matches by month, ", f);
	put_html(f, docket_table_cell(t, 0, 0));
	fputs(" to ", f);
	put_html(f, docket_table_cell(t, n - 1, 1));
	fputs("</figcaption></figure>\n", f);
}

/* The results part of the page for Q (filters FL applied). Returns the
 * HTTP status (400 for a bad query, 503 when the index cannot be read). */
static int put_results(FILE *f, const struct web_req *r, const char *q,
                       const struct filters *fl, long offset, int sort)
{
	char msg[512];
	docket_index *idx = web_index(r->srv, msg, sizeof msg);
	if (!idx) {
		fputs("<p class=\"error\" role=\"alert\">", f), put_html(f, msg), fputs("</p>", f);
		return 503;
	}
	char *full = filtered_query(q, fl);
	docket_query *dq = NULL;
	docket_hits *hits = NULL;
	struct hit_view *v = NULL;
	const docket_table *facets = NULL, *tl = NULL;
	size_t n = 0;
	docket_status st = full ? docket_query_new(idx, full, &dq) : DOCKET_NO_MEMORY;
	if (!st)
		st = exact_filters(dq, fl);
	if (!st)
		st = docket_query_set(dq, DOCKET_QUERY_OFFSET, offset);
	if (!st)
		st = docket_query_set(dq, DOCKET_QUERY_SORT, sort);
	if (!st)
		st = docket_query_set(dq, DOCKET_QUERY_TIME_LIMIT_MS, r->srv->time_limit_ms);
	if (!st)
		st = docket_query_run(dq, &hits);
	if (!st && hit_views_collect(hits, DOCKET_CITE_PLAIN, 0, &v, &n))
		st = DOCKET_NO_MEMORY;
	if (!st)
		st = docket_hits_status(hits);
	if (!st)
		st = docket_query_facets(dq, PAGE_FACETS, 8, &facets);
	if (!st)
		st = docket_query_timeline(dq, DOCKET_BY_MONTH, DOCKET_DATE_PUBLISHED, 0, &tl);
	int uncounted = st == DOCKET_INTERRUPTED; /* the counts ran out of time:
	                                           * the hits still stand */
	if (uncounted)
		st = DOCKET_OK, facets = tl = NULL;
	int status = 200;
	if (st) {
		const char *m = docket_index_last_error(idx);
		fputs("<p class=\"error\" role=\"alert\">", f);
		put_html(f, *m ? m : docket_strerror(st));
		fputs("</p>", f);
		status = st == DOCKET_BAD_QUERY || st == DOCKET_BAD_ARGUMENT ? 400 : 503;
	} else {
		fputs("<div class=\"layout\">", f);
		put_facets(f, facets, q, fl);
		fputs("<section class=\"results\" aria-labelledby=\"count\">", f);
		fprintf(f, "<p id=\"count\" class=\"count\" role=\"status\">About %zu matching passages",
		        docket_query_estimated(dq));
		if (n)
			fprintf(f, "; %ld–%ld shown", offset + 1, offset + (long)n);
		fputs(".</p>", f);
		if (uncounted)
			fputs("<p class=\"note\" role=\"status\">Counting every match took longer "
			      "than this server's time limit: no filters or timeline for this "
			      "search.</p>", f);
		put_timeline(f, tl);
		fputs("<ol class=\"hits\" id=\"hits\">", f);
		for (size_t i = 0; i < n; i++)
			put_hit(f, &v[i], q);
		fputs("</ol>", f);
		if (docket_query_estimated(dq) > (size_t)offset + n && n) {
			fputs("<nav aria-label=\"Pages\"><a class=\"next\" rel=\"next\" href=\"", f);
			put_page_url(f, q, fl, "", offset + (long)n);
			fputs("\">Next results</a></nav>", f);
		}
		fputs("</section></div>", f);
	}
	hit_views_free(v, n);
	docket_query_free(dq);
	free(full);
	return status;
}

/* Close F into OUT as an HTML reply with STATUS. */
static int finish(FILE *f, char **s, size_t *n, int status, struct web_reply *out)
{
	fputs("</body></html>\n", f);
	if (fclose(f))
		return free(*s), -1;
	*out = (struct web_reply){status, HTML_TYPE, *s, *n};
	return 0;
}

int web_page(const struct web_req *r, struct web_reply *out)
{
	const char *q = web_param(r, "q"), *o = web_param(r, "offset"), *so = web_param(r, "sort");
	struct filters fl = {0};
	long offset = 0;
	char *s = NULL;
	size_t n = 0;
	int status = 200;
	FILE *f = open_memstream(&s, &n);
	if (!f)
		return -1;
	web_each_param(r, take_filter, &fl);
	if (o && (parse_long(o, 0, r->srv->max_offset, &offset)))
		offset = 0;
	put_head(f, q && *q ? q : "Search");
	put_form(f, q ? q : "", &fl);
	fputs("<main id=\"main\" tabindex=\"-1\">", f);
	if (q && (long)strlen(q) > r->srv->max_query) {
		fprintf(f, "<p class=\"error\" role=\"alert\">The query is longer than this "
		        "server's limit of %ld bytes.</p>", r->srv->max_query);
		status = 400;
	} else if (q && *q) {
		status = put_results(f, r, q, &fl, offset,
		                     so && !strcmp(so, "date") ? DOCKET_SORT_DATE : DOCKET_SORT_RELEVANCE);
	} else {
		fputs("<p class=\"intro\">Search the passages of the index: words, "
		      "\"a phrase\", outlet:, date:2025-03, case:…</p>", f);
	}
	fputs("</main>", f);
	put_keys(f);
	return finish(f, &s, &n, status, out);
}

/* ------------------------------------------------------------ a passage */

/* The article's head: title, outlet, date, author, and its URL (a link
 * only when it is http or https). */
static void put_article_head(FILE *f, const struct hit_view *v)
{
	const char *url = v->field[DOCKET_FIELD_URL];
	fputs("<article><h1>", f);
	put_html(f, *v->field[DOCKET_FIELD_TITLE] ? v->field[DOCKET_FIELD_TITLE]
	                                          : v->field[DOCKET_FIELD_ARTICLE_ID]);
	fputs("</h1><p class=\"meta\">", f);
	put_html(f, v->field[DOCKET_FIELD_OUTLET]);
	if (*v->field[DOCKET_FIELD_DATE])
		fputs(" · <time>", f), put_html(f, v->field[DOCKET_FIELD_DATE]), fputs("</time>", f);
	if (*v->field[DOCKET_FIELD_AUTHOR])
		fputs(" · ", f), put_html(f, v->field[DOCKET_FIELD_AUTHOR]);
	if (*url && linkable(url))
		fputs(" · <a rel=\"noreferrer noopener\" href=\"", f), put_html(f, url),
			fputs("\">original</a>", f);
	else if (*url)
		fputs(" · <span class=\"url\">", f), put_html(f, url), fputs("</span>", f);
	fputs("</p>", f);
}

/* The passages V[0..N) of the article, the one with id ID marked. */
static void put_article(FILE *f, const struct hit_view *v, size_t n,
                        const char *id, const char *q)
{
	const struct hit_view *focus = &v[0];
	put_article_head(f, &v[0]);
	fputs("<p class=\"back\"><a class=\"backlink\" href=\"/?q=", f);
	put_url(f, q);
	fputs("\">← Back to the results</a></p>", f);
	for (size_t i = 0; i < n; i++) {
		int mine = !strcmp(v[i].field[DOCKET_FIELD_PASSAGE_ID], id);
		const char *text = v[i].field[DOCKET_FIELD_TEXT];
		focus = mine ? &v[i] : focus;
		fprintf(f, "<p class=\"passage%s\"%s>", mine ? " focus" : "",
		        mine ? " id=\"focus\" tabindex=\"-1\"" : "");
		put_marked(f, text, 0, strlen(text), v[i].hl, v[i].nhl);
		fputs("</p>", f);
	}
	fputs("<footer class=\"cite\"><p>", f);
	put_html(f, focus->citation);
	fputs("</p><p class=\"pid\">Passage <code>", f);
	put_html(f, id);
	fputs("</code></p>", f);
	put_cite_buttons(f, focus->hit);
	fputs("</footer></article>", f);
}

int web_page_passage(const struct web_req *r, struct web_reply *out)
{
	const char *q = web_param(r, "q");
	char msg[512], *s = NULL;
	size_t n = 0, nv = 0;
	int status = 200;
	struct hit_view *v = NULL;
	docket_query *dq = NULL;
	docket_hits *hits = NULL;
	FILE *f = open_memstream(&s, &n);
	if (!f)
		return -1;
	q = q ? q : "";
	docket_index *idx = web_index(r->srv, msg, sizeof msg);
	docket_status st = idx ? docket_query_new_passage(idx, r->rest, ARTICLE_CONTEXT,
	                                                 (long)strlen(q) <= r->srv->max_query ? q : "", &dq)
	                       : DOCKET_IO_ERROR;
	if (!st)
		st = docket_query_run(dq, &hits);
	if (!st && hit_views_collect(hits, DOCKET_CITE_PLAIN, 0, &v, &nv))
		st = DOCKET_NO_MEMORY;
	if (!st)
		st = docket_hits_status(hits);
	put_head(f, !st && nv ? (*v[0].field[DOCKET_FIELD_TITLE] ? v[0].field[DOCKET_FIELD_TITLE] : r->rest) : "Passage");
	put_form(f, q, NULL);
	fputs("<main id=\"main\" tabindex=\"-1\">", f);
	if (st == DOCKET_NOT_FOUND || (!st && !nv)) {
		fputs("<p class=\"error\" role=\"alert\">No passage '", f), put_html(f, r->rest);
		fputs("' in the index.</p>", f);
		status = 404;
	} else if (st) {
		const char *m = idx ? docket_index_last_error(idx) : msg;
		fputs("<p class=\"error\" role=\"alert\">", f);
		put_html(f, *m ? m : docket_strerror(st));
		fputs("</p>", f);
		status = 503;
	} else {
		put_article(f, v, nv, r->rest, q);
	}
	fputs("</main>", f);
	put_keys(f);
	hit_views_free(v, nv);
	docket_query_free(dq);
	return finish(f, &s, &n, status, out);
}
