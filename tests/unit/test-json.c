/* test-json.c — parse_json(): JSON Lines with ids, the BEIR corpus shape,
 * arrays with alternate field names, bad lines skipped and reported,
 * record numbers as ids, numeric ids; parse_json_stream() read 1..7 bytes
 * at a time gives the same articles, skips a bad array element, and says
 * where. */
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

/* Everything the sink and warn saw, one line per article or warning. */
struct seen {
	int articles;
	buf out;   /* "id|title|outlet|date|url|author|npassages\n" */
	buf text;  /* every passage text, one per line */
	buf warns; /* every warning, one per line */
};

static int sink(void *ctx, struct article *a)
{
	struct seen *s = ctx;
	int rc = 0;
	s->articles++;
	buf_printf(&rc, &s->out, "%s|%s|%s|%s|%s|%s|%zu\n", a->id, a->title,
	           a->outlet, a->date, a->url, a->author, a->npassages);
	for (size_t i = 0; i < a->npassages; i++)
		buf_printf(&rc, &s->text, "%s\n", a->passages[i].text);
	return rc;
}

static void warn(void *ctx, const char *msg)
{
	struct seen *s = ctx;
	int rc = 0;
	buf_printf(&rc, &s->warns, "%s\n", msg);
}

static int parse(struct seen *s, const char *json)
{
	memset(s, 0, sizeof *s);
	struct parse_ctx p = {"f.jsonl", "f.jsonl", sink, warn, s};
	return parse_json(json, strlen(json), &p);
}

static const char *str(const buf *b)
{
	return b->p ? b->p : "";
}

static void done(struct seen *s)
{
	buf_free(&s->out);
	buf_free(&s->text);
	buf_free(&s->warns);
}

static void jsonl_with_ids(void **state)
{
	struct seen s;
	assert_int_equal(
		parse(&s, "{\"id\":\"a1\",\"title\":\"One\",\"text\":\"Para one.\","
		          "\"outlet\":\"Wired\",\"date\":\"2024-01-02\","
		          "\"url\":\"http://x/1\",\"author\":\"Ann\"}\n"
		          "\n"
		          "{\"id\":\"b2\",\"title\":\"Two\",\"body\":"
		          "\"First line\\nsame para.\\n\\nSecond para.\"}\n"),
		0);
	assert_string_equal(str(&s.out),
	                    "f.jsonl#a1|One|Wired|2024-01-02|http://x/1|Ann|1\n"
	                    "f.jsonl#b2|Two|||||2\n");
	assert_string_equal(str(&s.text), "Para one.\nFirst line same para.\n"
	                                  "Second para.\n");
	assert_string_equal(str(&s.warns), "");
	done(&s);
}

static void beir_shape(void **state)
{
	int rc = 0;
	buf b = BUF_INIT;
	for (int i = 0; i < 5183; i++)
		buf_printf(&rc, &b, "{\"_id\": \"doc%d\", \"title\": \"T%d\", "
		           "\"text\": \"Court filing number %d was heard.\", "
		           "\"metadata\": {\"x\": [1, 2]}}\n", i, i, i);
	struct seen s;
	memset(&s, 0, sizeof s);
	struct parse_ctx p = {"corpus.jsonl", "corpus.jsonl", sink, warn, &s};
	assert_int_equal(parse_json(b.p, b.n, &p), 0);
	assert_int_equal(s.articles, 5183);
	assert_non_null(strstr(str(&s.out), "corpus.jsonl#doc5182|T5182|"));
	assert_string_equal(str(&s.warns), "");
	buf_free(&b);
	done(&s);
}

static void array_alternate_names(void **state)
{
	struct seen s;
	assert_int_equal(
		parse(&s, "[{\"_id\":7,\"headline\":\"H\",\"content\":\"C\","
		          "\"source\":{\"name\":\"Reuters\"},"
		          "\"published\":\"March 5, 2024\",\"link\":\"L\","
		          "\"authors\":[\"A\",{\"name\":\"B\"}]},"
		          " {\"title\":\"No id\",\"body\":[\"p1\",\"p2\"],"
		          "\"site\":\"S\",\"publishedAt\":\"2020-02-29T01:00Z\"}]"),
		0);
	assert_string_equal(str(&s.out),
	                    "f.jsonl#7|H|Reuters|2024-03-05|L|A, B|1\n"
	                    "f.jsonl#2|No id|S|2020-02-29|||2\n");
	done(&s);
}

static void single_object(void **state)
{
	struct seen s;
	assert_int_equal(parse(&s, "{\n  \"title\": \"Pretty\",\n"
	                           "  \"text\": \"x\"\n}\n"),
	                 0);
	assert_string_equal(str(&s.out), "f.jsonl#1|Pretty|||||1\n");
	assert_string_equal(str(&s.warns), "");
	done(&s);
}

static void bad_line_skipped(void **state)
{
	struct seen s;
	assert_int_equal(parse(&s, "{\"title\":\"A\",\"text\":\"a\"}\n"
	                           "{\"title\": broken\n"
	                           "{\"title\":\"C\",\"text\":\"c\"}\n"
	                           "{\"other\":1}\n"
	                           "[1]\n"),
	                 0);
	assert_string_equal(str(&s.out), "f.jsonl#1|A|||||1\n"
	                                 "f.jsonl#3|C|||||1\n");
	const char *w = str(&s.warns);
	assert_true(strncmp(w, "line 2: ", 8) == 0);
	assert_non_null(strstr(w, "\nline 4: no title or text\n"));
	assert_non_null(strstr(w, "\nline 5: not an object\n"));
	done(&s);
}

static void missing_and_numeric_ids(void **state)
{
	struct seen s;
	parse(&s, "{\"title\":\"A\"}\n{\"id\":42,\"title\":\"B\"}\n"
	          "{\"id\":\"\",\"title\":\"C\"}\n");
	assert_string_equal(str(&s.out), "f.jsonl#1|A|||||0\n"
	                                 "f.jsonl#42|B|||||0\n"
	                                 "f.jsonl#3|C|||||0\n");
	done(&s);
}

static void unusable_files(void **state)
{
	struct seen s;
	assert_int_equal(parse(&s, "   \n"), DOCKET_BAD_INPUT);
	done(&s);
	assert_int_equal(parse(&s, "[1, 2"), DOCKET_BAD_INPUT);
	assert_int_equal(s.articles, 0);
	assert_non_null(strstr(str(&s.warns), "line 1:"));
	done(&s);
	assert_int_equal(parse(&s, "not json\nat all\n"), DOCKET_BAD_INPUT);
	done(&s);
	/* \u0000 inside a string becomes a space */
	assert_int_equal(parse(&s, "{\"title\":\"a\\u0000b\"}"), 0);
	assert_string_equal(str(&s.out), "f.jsonl#1|a b|||||0\n");
	done(&s);
}

static int stop_sink(void *ctx, struct article *a)
{
	return DOCKET_INTERRUPTED;
}

static void sink_stops(void **state)
{
	const char *j = "{\"title\":\"A\"}\n{\"title\":\"B\"}\n";
	struct parse_ctx p = {"f", "f", stop_sink, NULL, NULL};
	assert_int_equal(parse_json(j, strlen(j), &p), DOCKET_INTERRUPTED);
}

/* A json_read_fn handing out at most STEP bytes of a string at a time. */
struct drip {
	const char *s;
	size_t n, pos, step;
};

static long drip_read(void *src, char *p, size_t n)
{
	struct drip *d = src;
	size_t k = d->n - d->pos;
	if (k > d->step)
		k = d->step;
	if (k > n)
		k = n;
	memcpy(p, d->s + d->pos, k);
	d->pos += k;
	return (long)k;
}

static int parse_stream(struct seen *s, const char *json, size_t step)
{
	memset(s, 0, sizeof *s);
	struct parse_ctx p = {"f.jsonl", "f.jsonl", sink, warn, s};
	struct drip d = {json, strlen(json), 0, step};
	return parse_json_stream(drip_read, &d, &p);
}

/* The same articles, texts and warnings as parse_json, whatever the chunk
 * size (a record, a string, an escape cut anywhere). */
static void stream_same_as_whole(void **state)
{
	static const char *const files[] = {
		"{\"id\":\"a1\",\"title\":\"One\",\"text\":\"P \\\" } ] x\"}\r\n"
		"\n{\"id\":\"a1\",\"text\":\"again\"}\n{bad\n{\"text\":\"n\\u00e9\"}",
		" [ {\"id\":7,\"text\":[\"x [\", \"y\"]},\n"
		"  {\"title\":\"T\",\"text\":\"{\\\"\"} ]\n",
		"[]", "  \n ",
	};
	for (size_t f = 0; f < sizeof files / sizeof *files; f++) {
		struct seen whole;
		int want = parse(&whole, files[f]);
		for (size_t step = 1; step <= 7; step++) {
			struct seen s;
			assert_int_equal(parse_stream(&s, files[f], step), want);
			assert_string_equal(str(&s.out), str(&whole.out));
			assert_string_equal(str(&s.text), str(&whole.text));
			assert_string_equal(str(&s.warns), str(&whole.warns));
			done(&s);
		}
		done(&whole);
	}
}

/* A bad element of a streamed array is skipped and named with its line;
 * an array cut short keeps the records before the cut; a leading BOM is
 * passed over. */
static void stream_array_bad_element(void **state)
{
	struct seen s;
	assert_int_equal(parse_stream(&s, "[{\"text\":\"one\"},\n{\"text\":\n oops},\n"
	                                  "{\"text\":\"three\"}]", 3), 0);
	assert_string_equal(str(&s.text), "one\nthree\n");
	assert_string_equal(str(&s.out), "f.jsonl#1||||||1\nf.jsonl#3||||||1\n");
	assert_non_null(strstr(str(&s.warns), "record 2 (line 3): "));
	done(&s);
	assert_int_equal(parse_stream(&s, "[{\"text\":\"one\"}, {\"text\":", 5), 0);
	assert_string_equal(str(&s.text), "one\n");
	assert_string_equal(str(&s.warns), "record 2 (line 1): the array is not closed\n");
	done(&s);
	assert_int_equal(parse_stream(&s, "\xef\xbb\xbf[{\"text\":\"bom\"}]", 2), 0);
	assert_string_equal(str(&s.text), "bom\n"); /* a UTF-8 BOM is passed over */
	done(&s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(jsonl_with_ids),
		cmocka_unit_test(beir_shape),
		cmocka_unit_test(array_alternate_names),
		cmocka_unit_test(single_object),
		cmocka_unit_test(bad_line_skipped),
		cmocka_unit_test(missing_and_numeric_ids),
		cmocka_unit_test(unusable_files),
		cmocka_unit_test(sink_stops),
		cmocka_unit_test(stream_same_as_whole),
		cmocka_unit_test(stream_array_bad_element),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
