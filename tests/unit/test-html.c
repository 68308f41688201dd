/* test-html.c — parse_html(): metadata precedence, sections, blocks,
 * boilerplate never indexed, entities, and hostile markup. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "../../indexer/article.h"
#include "../../common/buf.h"
#include "../../docket.h"

/* What the sink saw: a copy of the last article's fields and passages. */
struct seen {
	int articles;
	char title[256], outlet[128], author[128], date[16], url[256], id[128];
	buf all;      /* every passage as "kind|section|text\n" */
	char warning[256]; /* the last warning */
};

static void warn(void *ctx, const char *msg)
{
	struct seen *s = ctx;
	snprintf(s->warning, sizeof s->warning, "%s", msg);
}

static int sink(void *ctx, struct article *a)
{
	struct seen *s = ctx;
	int rc = 0;
	s->articles++;
	snprintf(s->title, sizeof s->title, "%s", a->title);
	snprintf(s->outlet, sizeof s->outlet, "%s", a->outlet);
	snprintf(s->author, sizeof s->author, "%s", a->author);
	snprintf(s->date, sizeof s->date, "%s", a->date);
	snprintf(s->url, sizeof s->url, "%s", a->url);
	snprintf(s->id, sizeof s->id, "%s", a->id);
	for (size_t i = 0; i < a->npassages; i++)
		buf_printf(&rc, &s->all, "%d|%s|%s\n", a->passages[i].kind,
		           a->passages[i].section, a->passages[i].text);
	return rc;
}

static int parse(struct seen *s, const char *html)
{
	memset(s, 0, sizeof *s);
	struct parse_ctx p = {"page.html", "page.html", sink, warn, s};
	return parse_html(html, strlen(html), &p);
}

static const char *all(struct seen *s)
{
	return s->all.p ? s->all.p : "";
}

static void title_og_wins(void **state)
{
	struct seen s;
	assert_int_equal(parse(&s, "<html><head><title>T - Site</title>"
	                           "<meta property='og:title' content='OG'>"
	                           "</head><body><h1>H1</h1><p>x</p></body>"),
	                 0);
	assert_string_equal(s.title, "OG");
	assert_string_equal(s.id, "page.html");
	buf_free(&s.all);
}

static void title_h1_then_title(void **state)
{
	struct seen s;
	parse(&s, "<title>T - Site</title><body><h1>The <em>H1</em></h1>"
	          "<p>x</p>");
	assert_string_equal(s.title, "The H1");
	assert_null(strstr(all(&s), "H1")); /* the h1 is not a passage */
	buf_free(&s.all);
	parse(&s, "<title>Judge rules on motion | Court News</title><p>x</p>");
	assert_string_equal(s.title, "Judge rules on motion");
	buf_free(&s.all);
	parse(&s, "<title>Judge rules on motion - Court News</title><p>x</p>");
	assert_string_equal(s.title, "Judge rules on motion");
	buf_free(&s.all);
	parse(&s, "<title>Plain title</title><p>x</p>");
	assert_string_equal(s.title, "Plain title");
	buf_free(&s.all);
}

static void other_metadata(void **state)
{
	struct seen s;
	parse(&s, "<head><meta property='og:site_name' content='Wired'>"
	          "<meta property='article:published_time' "
	          "content='2024-03-05T10:00:00Z'>"
	          "<meta name='author' content='Ada  Lovelace'>"
	          "<meta property='og:url' content='http://og/'>"
	          "<link rel='canonical' href='https://wired.com/a'>"
	          "</head><body><p>x</p></body>");
	assert_string_equal(s.outlet, "Wired");
	assert_string_equal(s.date, "2024-03-05");
	assert_string_equal(s.author, "Ada Lovelace");
	assert_string_equal(s.url, "https://wired.com/a");
	buf_free(&s.all);
	parse(&s, "<meta property='og:url' content='http://og/'>"
	          "<p>Filed <time datetime='2023-12-31'>on NYE</time></p>");
	assert_string_equal(s.url, "http://og/");
	assert_string_equal(s.date, "2023-12-31");
	buf_free(&s.all);
}

static void sections_and_kinds(void **state)
{
	struct seen s;
	parse(&s, "<body><ul><li>Key one</li><li>Key two</li></ul>"
	          "<p>Lead para.</p><h2>Background</h2><p>Second.</p>"
	          "<ul><li>Later item</li></ul><h3>Ruling</h3>"
	          "<blockquote>A quote.</blockquote>"
	          "<blockquote><p>Q1</p><p>Q2</p></blockquote></body>");
	assert_string_equal(all(&s), "1||Key one\n1||Key two\n0||Lead para.\n"
	                             "0|Background|Second.\n"
	                             "0|Background|Later item\n"
	                             "2|Ruling|A quote.\n2|Ruling|Q1\n"
	                             "2|Ruling|Q2\n");
	buf_free(&s.all);
}

static void article_preferred_over_body(void **state)
{
	struct seen s;
	parse(&s, "<body><div><p>Menu junk</p></div><main><p>Main text</p>"
	          "</main><article><p>Story</p></article></body>");
	assert_string_equal(all(&s), "0||Story\n");
	buf_free(&s.all);
	parse(&s, "<body><p>Outside</p><main><p class='x byline'>By Al</p>"
	          "<p>Main text</p></main></body>");
	assert_string_equal(all(&s), "0||Main text\n");
	buf_free(&s.all);
}

static void boilerplate_never_indexed(void **state)
{
	struct seen s;
	parse(&s, "<body><nav>NAVX</nav><script>SCRIPTX()</script>"
	          "<style>.STYLEX{}</style><p>Good <!-- COMMENTX --> text"
	          "<script>SCRIPTY</script></p><aside>ASIDEX</aside>"
	          "<form><p>FORMX</p></form><noscript>NOSCRIPTX</noscript>"
	          "<iframe>IFRAMEX</iframe><template><p>TEMPLATEX</p>"
	          "</template><footer><p>FOOTERX</p></footer>loose words"
	          "</body>");
	const char *t = all(&s);
	const char *bad[] = {"NAVX", "SCRIPTX", "SCRIPTY", "STYLEX",
	                     "COMMENTX", "ASIDEX", "FORMX", "NOSCRIPTX",
	                     "IFRAMEX", "TEMPLATEX", "FOOTERX"};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
		assert_null(strstr(t, bad[i]));
	assert_non_null(strstr(t, "0||Good text\n"));
	assert_non_null(strstr(t, "0||loose words\n"));
	buf_free(&s.all);
}

static void entities_and_inline_spacing(void **state)
{
	struct seen s;
	parse(&s, "<p>It&rsquo;s A&amp;B &#8217;x&#x2019; &lt;tag&gt;</p>"
	          "<p>one<em>two</em> <a href=x>three</a><br>four</p>");
	assert_string_equal(all(&s), "0||It\xe2\x80\x99s A&B "
	                             "\xe2\x80\x99x\xe2\x80\x99 <tag>\n"
	                             "0||onetwo three four\n");
	buf_free(&s.all);
}

static void deep_nesting(void **state)
{
	int rc = 0;
	buf b = BUF_INIT;
	buf_puts(&rc, &b, "<html><body><p>shallow text</p>");
	for (int i = 0; i < 10000; i++)
		buf_puts(&rc, &b, "<div>");
	buf_puts(&rc, &b, "<p>deep text</p>");
	for (int i = 0; i < 10000; i++)
		buf_puts(&rc, &b, "<blockquote><li>");
	buf_puts(&rc, &b, "end</body></html>");
	assert_int_equal(rc, 0);
	struct seen s;
	memset(&s, 0, sizeof s);
	struct parse_ctx p = {"deep.html", "deep.html", sink, warn, &s};
	assert_int_equal(parse_html(b.p, b.n, &p), 0);
	assert_string_equal(all(&s), "0||shallow text\n");
	assert_non_null(strstr(s.warning, "Excessive depth"));
	buf_free(&b);
	buf_free(&s.all);
}

static void unclosed_tags(void **state)
{
	struct seen s;
	assert_int_equal(parse(&s, "<html><body><p>First<p>Second <b>bold"
	                           "<p>Third</i></span><div><h2>Sec"),
	                 0);
	assert_int_equal(s.articles, 1);
	assert_string_equal(all(&s), "0||First\n0||Second bold\n"
	                             "0||Third\n");
	buf_free(&s.all);
	assert_int_equal(parse(&s, "<<<>>>&&&;;<p"), 0);
	buf_free(&s.all);
	assert_int_equal(parse(&s, "<html><script>x()</script><p> </p>"),
	                 DOCKET_BAD_INPUT);
	assert_int_equal(s.articles, 0);
	assert_string_equal(s.warning, "no text");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(title_og_wins),
		cmocka_unit_test(title_h1_then_title),
		cmocka_unit_test(other_metadata),
		cmocka_unit_test(sections_and_kinds),
		cmocka_unit_test(article_preferred_over_body),
		cmocka_unit_test(boilerplate_never_indexed),
		cmocka_unit_test(entities_and_inline_spacing),
		cmocka_unit_test(deep_nesting),
		cmocka_unit_test(unclosed_tags),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
