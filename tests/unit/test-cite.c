/* test-cite.c — searcher/cite.c: citations in the three styles, with fields
 * missing, newlines in fields and characters BibTeX must escape. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "../../searcher/cite.h"
#include "../../docket.h"

/* A record from NUL-terminated strings (NULL: empty).  The fields are
 * copied into one buffer with junk after each, as record_decode leaves
 * them, so a formatter relying on a NUL would show the junk. */
struct rec {
	struct record r;
	char store[2048];
};

static void set(struct rec *x, int f, const char *s)
{
	static size_t used;
	if (f == 0)
		used = 0;
	size_t n = s ? strlen(s) : 0;
	memcpy(x->store + used, s ? s : "", n);
	memcpy(x->store + used + n, "#JUNK", 5);
	x->r.f[f] = x->store + used;
	x->r.len[f] = n;
	used += n + 5;
}

static void fill(struct rec *x, const char *title, const char *outlet,
                 const char *author, const char *date, const char *url,
                 const char *section, const char *para, const char *sources)
{
	const char *v[REC_NFIELDS] = {
		[REC_PASSAGE_ID] = "wired-123#3", [REC_ARTICLE_ID] = "wired-123",
		[REC_PATH] = "musk-v-openai/wired-123.html",
		[REC_TITLE] = title, [REC_OUTLET] = outlet,
		[REC_AUTHOR] = author, [REC_DATE] = date, [REC_URL] = url,
		[REC_SECTION] = section, [REC_PARAGRAPH] = para,
		[REC_ORDINAL] = "3", [REC_SOURCES] = sources,
		[REC_TEXT] = "The text.",
	};
	for (int f = 0; f < REC_NFIELDS; f++)
		set(x, f, v[f]);
}

static buf b = BUF_INIT; /* the last citation, freed by teardown */

static const char *cite(const struct rec *x, int style)
{
	int rc = 0;
	buf_reset(&b);
	buf_puts(&rc, &b, ""); /* so b.p is never NULL */
	assert_int_equal(cite_format(&rc, &b, &x->r, style), 0);
	return b.p;
}

static void full_record(void **state)
{
	struct rec x;
	fill(&x, "Musk storms off", "Wired", "Jane Doe", "2026-04-28",
	     "https://www.wired.com/story/musk", "Day two", "3",
	     "theverge.com\nnytimes.com");
	assert_string_equal(cite(&x, DOCKET_CITE_PLAIN),
	                    "Musk storms off — Wired, 2026-04-28, § Day two, ¶ 3 "
	                    "(via theverge.com, nytimes.com) — "
	                    "https://www.wired.com/story/musk");
	assert_string_equal(cite(&x, DOCKET_CITE_MARKDOWN),
	                    "[Musk storms off](https://www.wired.com/story/musk)"
	                    " — Wired, 2026-04-28, § Day two, ¶ 3 "
	                    "(via theverge.com, nytimes.com)");
	const char *bib = cite(&x, DOCKET_CITE_BIBTEX);
	assert_true(strncmp(bib, "@online{wired2026musk_", 22) == 0);
	assert_true(strstr(bib, ",\n  title = {Musk storms off},\n"
	                        "  author = {Jane Doe},\n"
	                        "  organization = {Wired},\n"
	                        "  date = {2026-04-28},\n"
	                        "  url = {https://www.wired.com/story/musk},\n"
	                        "  note = {§ Day two, ¶ 3; via theverge.com, "
	                        "nytimes.com}\n}") != NULL);
}

static void empty_fields(void **state)
{
	struct rec x;
	fill(&x, "Musk storms off", "", NULL, "", "", "", "", "");
	assert_string_equal(cite(&x, DOCKET_CITE_PLAIN),
	                    "Musk storms off — musk-v-openai/wired-123.html");
	assert_string_equal(cite(&x, DOCKET_CITE_MARKDOWN), "Musk storms off");
	fill(&x, "T", "Wired", NULL, "", NULL, " ", "4", "\n \n");
	assert_string_equal(cite(&x, DOCKET_CITE_PLAIN),
	                    "T — Wired, ¶ 4 — musk-v-openai/wired-123.html");
	fill(&x, "", "", NULL, "", NULL, NULL, NULL, "ap.org");
	assert_string_equal(cite(&x, DOCKET_CITE_MARKDOWN), "(via ap.org)");
	const char *bib = cite(&x, DOCKET_CITE_BIBTEX);
	assert_true(strncmp(bib, "@online{anonnd_", 15) == 0);
	assert_true(strstr(bib, ",\n  note = {via ap.org}\n}") != NULL);
	assert_null(strstr(bib, "title"));
	assert_null(strstr(bib, "JUNK"));
}

static void one_line(void **state)
{
	struct rec x;
	fill(&x, "Line one\r\nline two", "Wired\nMagazine", NULL, "2026-04-28",
	     "https://x.example/a b(c)", "Sec\n\ntion", "2", "a.com");
	const char *plain = cite(&x, DOCKET_CITE_PLAIN);
	assert_null(strchr(plain, '\n'));
	assert_null(strchr(plain, '\r'));
	assert_true(strncmp(plain, "Line one line two — Wired Magazine", 34) == 0);
	const char *md = cite(&x, DOCKET_CITE_MARKDOWN);
	assert_null(strchr(md, '\n'));
	assert_true(strncmp(md, "[Line one line two](https://x.example/a%20b%28c%29)",
	                    51) == 0);
}

static void bibtex_escapes_and_key(void **state)
{
	struct rec x;
	fill(&x, "The {Big} C:\\ drive case", "The Verge", "A & B",
	     "2025-01-02", "https://e.example/{x}", "", "", "");
	const char *bib = cite(&x, DOCKET_CITE_BIBTEX);
	assert_true(strstr(bib, "title = {The \\{Big\\} C:\\textbackslash{} "
	                        "drive case}") != NULL);
	assert_true(strstr(bib, "url = {https://e.example/%7Bx%7D}") != NULL);
	assert_true(strstr(bib, "author = {A \\& B}") != NULL);
	/* LaTeX's other special characters, as "Bench & Bar Daily" needs */
	fill(&x, "Fees of $5 & 10% for #1 in re_x {y}", "Bench & Bar Daily",
	     NULL, "2025-01-02", NULL, "", "", "");
	assert_true(strstr(cite(&x, DOCKET_CITE_BIBTEX),
	                   "title = {Fees of \\$5 \\& 10\\% for \\#1 in re\\_x \\{y\\}}") != NULL);
	assert_true(strstr(cite(&x, DOCKET_CITE_BIBTEX),
	                   "organization = {Bench \\& Bar Daily}") != NULL);
	fill(&x, "The {Big} C:\\ drive case", "The Verge", "A & B",
	     "2025-01-02", "https://e.example/{x}", "", "", "");
	bib = cite(&x, DOCKET_CITE_BIBTEX);
	/* the key: stopwords skipped, stable, different for another passage */
	assert_true(strncmp(bib, "@online{verge2025big_", 21) == 0);
	char key[64];
	strncpy(key, bib, strcspn(bib, ","));
	key[strcspn(bib, ",")] = '\0';
	assert_true(strncmp(cite(&x, DOCKET_CITE_BIBTEX), key, strlen(key)) == 0);
	x.r.f[REC_PASSAGE_ID] = "wired-123#4";
	assert_false(strncmp(cite(&x, DOCKET_CITE_BIBTEX), key, strlen(key)) == 0);
	/* the query's stopword list (common/stopwords.c): "was" is one too */
	fill(&x, "Was the verdict fair?", "The Verge", NULL, "2025-01-02", NULL,
	     "", "", "");
	assert_true(strncmp(cite(&x, DOCKET_CITE_BIBTEX), "@online{verge2025verdict_", 25) == 0);
}

static void bad_style_and_sticky(void **state)
{
	struct rec x;
	fill(&x, "T", "", NULL, "", NULL, NULL, NULL, NULL);
	buf out = BUF_INIT;
	int rc = 0;
	assert_int_equal(cite_format(&rc, &out, &x.r, DOCKET_CITE_LAST),
	                 DOCKET_BAD_ARGUMENT);
	assert_int_equal(out.n, 0);
	rc = DOCKET_NO_MEMORY;
	assert_int_equal(cite_format(&rc, &out, &x.r, DOCKET_CITE_PLAIN),
	                 DOCKET_NO_MEMORY);
	assert_int_equal(out.n, 0);
	buf_free(&out);
}

static int teardown(void **state)
{
	buf_free(&b);
	return 0;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(full_record),
		cmocka_unit_test(empty_fields),
		cmocka_unit_test(one_line),
		cmocka_unit_test(bibtex_escapes_and_key),
		cmocka_unit_test(bad_style_and_sticky),
	};
	return cmocka_run_group_tests(tests, NULL, teardown);
}
