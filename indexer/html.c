/* html.c — one HTML page into one article (parse_html, see article.h).
 *
 * libxml2's forgiving HTML parser builds the tree (entities decoded,
 * unclosed tags repaired); this file only reads it.  Every walk over the
 * tree is iterative, following parent/next pointers, so a page of 10,000
 * nested <div>s costs no C stack.  Called by indexer/input.c and the fuzz
 * target tests/fuzz/fuzz-html.c.
 *
 * Metadata, first match wins (LD: the first JSON-LD object, in a
 * <script type=application/ld+json>, whose @type is NewsArticle, Article,
 * ReportageNewsArticle or another *Article, or BlogPosting; at the top, in
 * an array or in "@graph"):
 *   title   <meta property=og:title>, the first <h1>, LD headline, <title>
 *           without a trailing " | Site", " - Site" or " — Site" (a suffix
 *           of at most 60 bytes after a longer title)
 *   outlet  <meta property=og:site_name>, LD publisher (its name)
 *   date    <meta property=article:published_time>, <meta name=date> (or
 *           pubdate, publish-date, dc.date), LD datePublished, the first
 *           <time datetime>; read with date_parse(), "" when none parses
 *   author  <meta name=author>, <meta property=article:author> unless a URL,
 *           LD author (names of one or several, joined with ", ")
 *   url     <link rel=canonical href>, <meta property=og:url>, LD url
 *
 * A page with neither a title nor body text is DOCKET_BAD_INPUT ("no
 * text"), as with the text parser.
 *
 * libxml2 is loaded on first use (dlopen), not linked: searches never parse
 * HTML, and loading libxml2 with the ICU libraries it needs costs every
 * process about 1 ms at start (an empty program linked with -lxml2 starts
 * in 1.71 ms, without it in 0.76 ms), a fifth of a whole search.
 *
 * A page nested deeper than libxml2's limit (256 elements) is read up to
 * that point, with a warning; HTML_PARSE_HUGE is not used, so the limit
 * holds.
 *
 * Body: the first <article>, else <main>, else <body>, else the whole page.
 * <h2>/<h3> set the section of what follows; <p>, <h4>-<h6>, <li>, <dd>,
 * <pre>, <figcaption> and <td> are blocks.  An <li> is a BLOCK_KEYPOINT
 * while no <p> has been seen yet (the bullet summary many outlets put above
 * the story) and a BLOCK_PARAGRAPH after.  A <blockquote> is BLOCK_QUOTE:
 * each of its blocks, or its whole text when it has none.  Loose text
 * outside any block (a <div> of text, text between <br><br>) becomes a
 * paragraph at the next block boundary.  Inline elements (a, em, strong,
 * span...) join their text with their neighbours'; any other element
 * inside a block stands for a space.  An element of class "byline" is left
 * out (it repeats the author).  <script>, <style>, <nav>, <footer>,
 * <aside>, <form>, <noscript>, <template>, <iframe>, <svg>, <button>,
 * <select> and comments are never read.  (A <header> is read: outlets put
 * the headline and standfirst there.)
 */
#include "article.h"

#include <dlfcn.h>
#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <jansson.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include "../docket.h"
#include "../common/buf.h"
#include "date.h"

#define SUFFIX_MAX 60 /* longest " | Site" suffix stripped from <title> */
#define LIBXML_SONAME "libxml2.so.2"

/* The libxml2 functions this file calls, from dlopen (see above). */
static struct {
	void (*init)(void);
	htmlParserCtxtPtr (*new_ctxt)(void);
	htmlDocPtr (*read_memory)(htmlParserCtxtPtr, const char *, int,
	                          const char *, const char *, int);
	void (*free_ctxt)(htmlParserCtxtPtr);
	xmlNodePtr (*root)(const xmlDoc *);
	void (*free_doc)(xmlDocPtr);
} lx;
static pthread_once_t lx_once = PTHREAD_ONCE_INIT;
static char lx_error[256]; /* why loading failed, or "" */

static void *lx_sym(void *h, const char *name)
{
	void *f = dlsym(h, name);
	if (!f && !lx_error[0])
		snprintf(lx_error, sizeof lx_error, "cannot use %s: no %s",
		         LIBXML_SONAME, name);
	return f;
}

/* Load libxml2 and initialise its parser, once per process (the indexer's
 * threads parse concurrently; libxml2 wants xmlInitParser first). */
static void lx_load(void)
{
	void *h = dlopen(LIBXML_SONAME, RTLD_NOW | RTLD_LOCAL);
	if (!h) {
		const char *why = dlerror();
		snprintf(lx_error, sizeof lx_error, "cannot load %s: %s",
		         LIBXML_SONAME, why ? why : "unknown error");
		return;
	}
	*(void **)&lx.init = lx_sym(h, "xmlInitParser");
	*(void **)&lx.new_ctxt = lx_sym(h, "htmlNewParserCtxt");
	*(void **)&lx.read_memory = lx_sym(h, "htmlCtxtReadMemory");
	*(void **)&lx.free_ctxt = lx_sym(h, "htmlFreeParserCtxt");
	*(void **)&lx.root = lx_sym(h, "xmlDocGetRootElement");
	*(void **)&lx.free_doc = lx_sym(h, "xmlFreeDoc");
	if (!lx_error[0])
		lx.init();
}

static int is_name(const xmlNode *n, const char *name)
{
	return n->type == XML_ELEMENT_NODE && n->name &&
	       strcasecmp((const char *)n->name, name) == 0;
}

static int name_in(const xmlNode *n, const char *const *names)
{
	for (; *names; names++)
		if (is_name(n, *names))
			return 1;
	return 0;
}

/* Elements whose content is never text of the article. */
static int is_boilerplate(const xmlNode *n)
{
	static const char *const names[] = {
		"script", "style", "nav", "footer", "aside", "form", "noscript",
		"template", "iframe", "svg", "button", "select", "head",
		"object", "embed", "canvas", "map", NULL};
	return name_in(n, names);
}

/* Elements that do not break a run of text. */
static int is_inline(const xmlNode *n)
{
	static const char *const names[] = {
		"a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "dfn",
		"em", "font", "i", "kbd", "mark", "q", "s", "samp", "small",
		"span", "strong", "sub", "sup", "time", "u", "var", "del", "ins",
		"tt", "strike", "big", "label", NULL};
	return name_in(n, names);
}

static int is_block(const xmlNode *n)
{
	static const char *const names[] = {
		"p", "h4", "h5", "h6", "li", "dd", "dt", "pre", "figcaption",
		"td", "th", NULL};
	return name_in(n, names);
}

static int is_text(const xmlNode *n)
{
	return n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE;
}

/* The next node after N in document order within TOP, not entering N's
 * children when SKIP_KIDS; NULL at the end.  LEAVE (may be NULL) is called
 * on every element left on the way up. */
static xmlNode *next_node(xmlNode *n, const xmlNode *top, int skip_kids,
                          void (*leave)(void *, xmlNode *), void *ctx)
{
	if (!skip_kids && n->children && n->type == XML_ELEMENT_NODE)
		return n->children;
	while (n != top) {
		if (leave && n->type == XML_ELEMENT_NODE)
			leave(ctx, n);
		if (n->next)
			return n->next;
		n = n->parent;
		if (!n)
			return NULL;
	}
	return NULL;
}

/* Append the text of TOP's subtree to OUT: inline children join, other
 * elements add a space, boilerplate and comments are left out.  Sticky. */
static void text_of(int *rc, buf *out, xmlNode *top)
{
	if (!top->children)
		return;
	xmlNode *n = top->children;
	while (n && !*rc) {
		int skip_kids = 0;
		if (is_text(n) && n->content)
			buf_puts(rc, out, (const char *)n->content);
		else if (n->type == XML_ELEMENT_NODE) {
			skip_kids = is_boilerplate(n);
			if (!skip_kids && !is_inline(n))
				buf_putc(rc, out, ' ');
		}
		n = next_node(n, top, skip_kids, NULL, NULL);
	}
}

/* ---------------------------------------------------------- metadata */

#define LD_MAX 8 /* JSON-LD scripts looked at per page */

struct meta {
	xmlNode *og_title, *h1, *title, *site, *published, *date_meta, *time,
		*author, *article_author, *canonical, *og_url;
	xmlNode *ld[LD_MAX]; /* <script type=application/ld+json> */
	size_t nld;
};

/* What the page's JSON-LD article object says ("" when it does not). */
struct ld {
	buf headline, date, author, publisher, url;
};

static const char *attr(const xmlNode *n, const char *name)
{
	for (xmlAttr *a = n->properties; a; a = a->next)
		if (a->name && strcasecmp((const char *)a->name, name) == 0 &&
		    a->children && a->children->content)
			return (const char *)a->children->content;
	return NULL;
}

static int attr_is(const xmlNode *n, const char *name, const char *value)
{
	const char *v = attr(n, name);
	return v && strcasecmp(v, value) == 0;
}

static void first(xmlNode **slot, xmlNode *n)
{
	if (!*slot)
		*slot = n;
}

static void note_meta(struct meta *m, xmlNode *n)
{
	const char *key = attr(n, "property");
	if (!key)
		key = attr(n, "name");
	if (!key || !attr(n, "content"))
		return;
	if (!strcasecmp(key, "og:title"))
		first(&m->og_title, n);
	else if (!strcasecmp(key, "og:site_name"))
		first(&m->site, n);
	else if (!strcasecmp(key, "article:published_time"))
		first(&m->published, n);
	else if (!strcasecmp(key, "date") || !strcasecmp(key, "pubdate") ||
	         !strcasecmp(key, "publish-date") || !strcasecmp(key, "dc.date"))
		first(&m->date_meta, n);
	else if (!strcasecmp(key, "author"))
		first(&m->author, n);
	else if (!strcasecmp(key, "article:author"))
		first(&m->article_author, n);
	else if (!strcasecmp(key, "og:url"))
		first(&m->og_url, n);
}

/* One pass over the whole page noting the first of each metadata node. */
static void find_meta(struct meta *m, xmlNode *root)
{
	xmlNode *n = root;
	while (n) {
		int skip_kids = 0;
		if (is_name(n, "meta"))
			note_meta(m, n);
		else if (is_name(n, "link") && attr_is(n, "rel", "canonical") &&
		         attr(n, "href"))
			first(&m->canonical, n);
		else if (is_name(n, "title"))
			first(&m->title, n), skip_kids = 1;
		else if (is_name(n, "h1"))
			first(&m->h1, n), skip_kids = 1;
		else if (is_name(n, "time") && attr(n, "datetime"))
			first(&m->time, n);
		else if (n->type == XML_ELEMENT_NODE && n != root &&
		         (is_name(n, "script") || is_name(n, "style"))) {
			skip_kids = 1;
			if (m->nld < LD_MAX && is_name(n, "script") &&
			    attr_is(n, "type", "application/ld+json"))
				m->ld[m->nld++] = n;
		}
		n = next_node(n, root, skip_kids, NULL, NULL);
	}
}

/* Length of TITLE without a trailing " | Site"-like suffix. */
static size_t strip_site_suffix(const char *t, size_t n)
{
	static const char *const seps[] = {" | ", " - ", " \xE2\x80\x94 ",
	                                   " \xE2\x80\x93 ", NULL};
	while (n && (t[n - 1] == ' ' || t[n - 1] == '\t' || t[n - 1] == '\n'))
		n--;
	size_t best = n;
	for (const char *const *s = seps; *s; s++) {
		size_t sl = strlen(*s);
		for (size_t i = n; i-- > 0;) {
			if (i + sl > n || memcmp(t + i, *s, sl) != 0)
				continue;
			size_t suffix = n - i - sl;
			if (suffix > 0 && suffix <= SUFFIX_MAX && i > suffix && i < best)
				best = i;
			break;
		}
	}
	return best;
}

static void set_from_text(int *rc, char **field, xmlNode *n, int strip)
{
	buf b = BUF_INIT;
	text_of(rc, &b, n);
	size_t len = b.n;
	if (strip)
		len = strip_site_suffix(b.p ? b.p : "", b.n);
	article_set(rc, field, b.p ? b.p : "", len);
	buf_free(&b);
}

static void set_from_attr(int *rc, char **field, xmlNode *n, const char *a)
{
	const char *v = attr(n, a);
	article_set(rc, field, v, strlen(v));
}

/* The first date that parses of the page's metas, LD_DATE (JSON-LD
 * datePublished) and its first <time datetime>. */
static void set_date(int *rc, struct article *a, const struct meta *m,
                     const buf *ld_date)
{
	const xmlNode *cand[] = {m->published, m->date_meta, NULL, m->time};
	const char *attrs[] = {"content", "content", NULL, "datetime"};
	for (size_t i = 0; i < 4; i++) {
		char out[11];
		const char *v = cand[i] ? attr(cand[i], attrs[i])
		                : attrs[i] ? NULL : ld_date->p;
		if (v && date_parse(v, strlen(v), out) == 0) {
			article_set(rc, &a->date, out, 10);
			return;
		}
	}
}

/* ------------------------------------------------------------ JSON-LD */

/* Whether V's "@type" (a string or an array of them) names an article. */
static int ld_is_article(json_t *v)
{
	json_t *t = json_object_get(v, "@type");
	size_t n = json_is_array(t) ? json_array_size(t) : 1;
	for (size_t i = 0; i < n; i++) {
		const char *s = json_string_value(json_is_array(t) ? json_array_get(t, i) : t);
		size_t k = s ? strlen(s) : 0;
		if (s && ((k >= 7 && !strcmp(s + k - 7, "Article")) ||
		          !strcmp(s, "BlogPosting")))
			return 1;
	}
	return 0;
}

/* The first article object in V: V itself, an element of an array V, or
 * one of V's "@graph"; NULL when none. */
static json_t *ld_article(json_t *v)
{
	if (json_is_object(v) && ld_is_article(v))
		return v;
	json_t *list = json_is_array(v) ? v : json_object_get(v, "@graph");
	for (size_t i = 0; i < json_array_size(list); i++) {
		json_t *e = json_array_get(list, i);
		if (json_is_object(e) && ld_is_article(e))
			return e;
	}
	return NULL;
}

/* Append the name V stands for (a string, or an object's "name") to OUT,
 * after ", " when OUT has one already. */
static void ld_name(int *rc, buf *out, json_t *v)
{
	const char *s = json_is_string(v) ? json_string_value(v)
	                : json_string_value(json_object_get(v, "name"));
	if (!s || !*s)
		return;
	if (out->n)
		buf_puts(rc, out, ", ");
	buf_puts(rc, out, s);
}

/* Fill L from the page's first JSON-LD article object. */
static void ld_read(int *rc, const struct meta *m, struct ld *l)
{
	json_t *art = NULL, *doc = NULL;
	for (size_t i = 0; i < m->nld && !art; i++) {
		buf text = BUF_INIT;
		for (xmlNode *c = m->ld[i]->children; c; c = c->next)
			if (c->content)
				buf_puts(rc, &text, (const char *)c->content);
		json_decref(doc);
		doc = text.p ? json_loadb(text.p, text.n, 0, NULL) : NULL;
		art = doc ? ld_article(doc) : NULL;
		buf_free(&text);
	}
	if (art) {
		json_t *au = json_object_get(art, "author");
		ld_name(rc, &l->headline, json_object_get(art, "headline"));
		ld_name(rc, &l->date, json_object_get(art, "datePublished"));
		for (size_t i = 0; json_is_array(au) && i < json_array_size(au); i++)
			ld_name(rc, &l->author, json_array_get(au, i));
		if (!json_is_array(au))
			ld_name(rc, &l->author, au);
		ld_name(rc, &l->publisher, json_object_get(art, "publisher"));
		ld_name(rc, &l->url, json_object_get(art, "url"));
	}
	json_decref(doc);
}

/* Set *FIELD from B when *FIELD is still empty. */
static void set_if_empty(int *rc, char **field, const buf *b)
{
	if (!*rc && !(*field)[0] && b->n)
		article_set(rc, field, b->p, b->n);
}

static void ld_free(struct ld *l)
{
	buf_free(&l->headline);
	buf_free(&l->date);
	buf_free(&l->author);
	buf_free(&l->publisher);
	buf_free(&l->url);
}

static void fill_meta(int *rc, struct article *a, xmlNode *root)
{
	struct meta m;
	struct ld ld = {BUF_INIT, BUF_INIT, BUF_INIT, BUF_INIT, BUF_INIT};
	memset(&m, 0, sizeof m);
	find_meta(&m, root);
	ld_read(rc, &m, &ld);
	if (m.og_title)
		set_from_attr(rc, &a->title, m.og_title, "content");
	if (!*rc && !a->title[0] && m.h1)
		set_from_text(rc, &a->title, m.h1, 0);
	set_if_empty(rc, &a->title, &ld.headline);
	if (!*rc && !a->title[0] && m.title)
		set_from_text(rc, &a->title, m.title, 1);
	if (m.site)
		set_from_attr(rc, &a->outlet, m.site, "content");
	if (m.author)
		set_from_attr(rc, &a->author, m.author, "content");
	else if (m.article_author &&
	         strncasecmp(attr(m.article_author, "content"), "http", 4) != 0)
		set_from_attr(rc, &a->author, m.article_author, "content");
	if (m.canonical)
		set_from_attr(rc, &a->url, m.canonical, "href");
	else if (m.og_url)
		set_from_attr(rc, &a->url, m.og_url, "content");
	set_if_empty(rc, &a->outlet, &ld.publisher);
	set_if_empty(rc, &a->author, &ld.author);
	set_if_empty(rc, &a->url, &ld.url);
	set_date(rc, a, &m, &ld.date);
	ld_free(&ld);
}

/* -------------------------------------------------------------- body */

struct body {
	int *rc;
	struct article *a;
	char *section;   /* the current h2/h3 heading, NULL before one */
	buf loose;       /* text seen outside any block, not yet emitted */
	buf scratch;     /* one block's text */
	int quote_depth; /* blockquotes we are inside */
	int seen_p;      /* a <p> was emitted: <li> are paragraphs from now */
};

static void emit(struct body *b, const char *s, size_t n, enum block_kind k)
{
	if (b->quote_depth)
		k = BLOCK_QUOTE;
	article_add_block(b->rc, b->a, b->section ? b->section : "", s, n, k);
}

static void flush_loose(struct body *b)
{
	if (b->loose.n)
		emit(b, b->loose.p, b->loose.n, BLOCK_PARAGRAPH);
	buf_reset(&b->loose);
}

static void block(struct body *b, xmlNode *n, enum block_kind kind)
{
	buf_reset(&b->scratch);
	text_of(b->rc, &b->scratch, n);
	if (b->scratch.n)
		emit(b, b->scratch.p, b->scratch.n, kind);
}

/* Whether N's subtree holds a block element (a <blockquote> of <p>s). */
static int has_block(xmlNode *n)
{
	for (xmlNode *c = n->children; c; c = next_node(c, n, 0, NULL, NULL))
		if (is_block(c))
			return 1;
	return 0;
}

static void leave(void *ctx, xmlNode *n)
{
	struct body *b = ctx;
	if (is_inline(n) || is_boilerplate(n))
		return;
	flush_loose(b);
	if (is_name(n, "blockquote"))
		b->quote_depth--;
}

/* Whether N's class attribute holds the word WORD. */
static int has_class(const xmlNode *n, const char *word)
{
	const char *c = attr(n, "class");
	size_t k = strlen(word);
	while (c && *c) {
		size_t len = strcspn(c, " \t\n\r\f");
		if (len == k && strncasecmp(c, word, k) == 0)
			return 1;
		c += len;
		c += strspn(c, " \t\n\r\f");
	}
	return 0;
}

/* Handle element N; returns whether to skip its children. */
static int enter(struct body *b, xmlNode *n)
{
	if (is_boilerplate(n) || is_name(n, "h1") || has_class(n, "byline"))
		return 1;
	if (is_inline(n))
		return 0;
	flush_loose(b);
	if (is_name(n, "h2") || is_name(n, "h3")) {
		buf_reset(&b->scratch);
		text_of(b->rc, &b->scratch, n);
		article_set(b->rc, &b->section, b->scratch.p ? b->scratch.p : "",
		            b->scratch.n);
		return 1;
	}
	if (is_name(n, "blockquote")) { /* leave() counts it down again */
		b->quote_depth++;
		if (has_block(n))
			return 0;
		block(b, n, BLOCK_QUOTE);
		return 1;
	}
	if (is_name(n, "li") && !has_block(n)) {
		block(b, n, b->seen_p ? BLOCK_PARAGRAPH : BLOCK_KEYPOINT);
		return 1;
	}
	if (is_block(n) && !is_name(n, "li")) {
		block(b, n, BLOCK_PARAGRAPH);
		b->seen_p |= is_name(n, "p");
		return 1;
	}
	return 0;
}

static xmlNode *find_first(xmlNode *root, const char *name)
{
	for (xmlNode *n = root; n; n = next_node(n, root, 0, NULL, NULL))
		if (is_name(n, name))
			return n;
	return NULL;
}

static void fill_body(int *rc, struct article *a, xmlNode *root)
{
	xmlNode *top = find_first(root, "article");
	if (!top)
		top = find_first(root, "main");
	if (!top)
		top = find_first(root, "body");
	if (!top)
		top = root;
	struct body b = {rc, a, NULL, BUF_INIT, BUF_INIT, 0, 0};
	xmlNode *n = top->children;
	while (n && !*rc) {
		int skip_kids = 0;
		if (is_text(n) && n->content)
			buf_puts(rc, &b.loose, (const char *)n->content);
		else if (n->type == XML_ELEMENT_NODE)
			skip_kids = enter(&b, n);
		else
			skip_kids = 1;
		n = next_node(n, top, skip_kids, leave, &b);
	}
	flush_loose(&b);
	free(b.section);
	buf_free(&b.loose);
	buf_free(&b.scratch);
}

/* ------------------------------------------------------------- parse */

static void set_exact(int *rc, char **field, const char *s)
{
	char *v = str_dup(rc, s);
	if (*rc)
		return;
	free(*field);
	*field = v;
}

/* libxml2 stops reading a page nested deeper than xmlParserMaxDepth (256)
 * levels, keeping what came before; say so. */
static void warn_stopped(const struct parse_ctx *p, htmlParserCtxtPtr ctxt)
{
	const xmlError *e = &ctxt->lastError;
	if (!p->warn || e->code != XML_ERR_INTERNAL_ERROR || !e->message)
		return;
	char msg[200];
	snprintf(msg, sizeof msg, "HTML read only in part: %s", e->message);
	msg[strcspn(msg, "\n")] = '\0';
	article_warn(p, msg);
}

int parse_html(const char *data, size_t len, const struct parse_ctx *p)
{
	if (len > INT_MAX) {
		if (p->warn)
			p->warn(p->ctx, "HTML file too large to parse");
		return DOCKET_BAD_INPUT;
	}
	pthread_once(&lx_once, lx_load);
	if (lx_error[0]) {
		if (p->warn)
			p->warn(p->ctx, lx_error);
		return DOCKET_UNSUPPORTED;
	}
	/* input.c has converted the page to UTF-8 (charset.c): its own
	 * <meta charset> must not make libxml2 decode it a second time */
	int opts = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR |
	           HTML_PARSE_NOWARNING | HTML_PARSE_NONET | HTML_PARSE_IGNORE_ENC;
	htmlParserCtxtPtr ctxt = lx.new_ctxt();
	if (!ctxt)
		return DOCKET_NO_MEMORY;
	htmlDocPtr doc = lx.read_memory(ctxt, data, (int)len, NULL, "UTF-8", opts);
	warn_stopped(p, ctxt);
	lx.free_ctxt(ctxt);
	xmlNode *root = doc ? lx.root(doc) : NULL;
	if (!root) {
		if (p->warn)
			p->warn(p->ctx, "no HTML content");
		if (doc)
			lx.free_doc(doc);
		return DOCKET_BAD_INPUT;
	}
	struct article a;
	int rc = article_init(&a);
	set_exact(&rc, &a.id, p->id ? p->id : "");
	set_exact(&rc, &a.path, p->path ? p->path : "");
	fill_meta(&rc, &a, root);
	fill_body(&rc, &a, root);
	lx.free_doc(doc);
	if (!rc && !a.title[0] && !a.npassages) {
		if (p->warn)
			p->warn(p->ctx, "no text");
		rc = DOCKET_BAD_INPUT;
	}
	if (!rc)
		rc = p->sink(p->ctx, &a);
	article_clear(&a);
	return rc;
}
