/* jsoncheck.c — checks the output of `docket search --json` (JSON Lines on
 * stdin) against the contract in README: each line an object; hits first,
 * with every key present, in order, with its type; ranks consecutive;
 * snippet == text[snippet_start:snippet_end] in BYTES; highlights inside
 * the text, ascending and disjoint; quotes inside the text, ascending, each
 * {"start","end","start_cp","end_cp","speaker","cue"} with the code-point
 * offsets those of the byte offsets; then exactly one summary whose
 * "returned" counts the hits.  Built and run by tests/e2e/lib.sh
 * (`jsoncheck`); with -p it accepts "passage" objects (docket show --json)
 * and no summary.  Prints "# problem" lines; exits 0 when all is well.
 */
#define _POSIX_C_SOURCE 200809L
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const struct {
	const char *key;
	json_type type; /* JSON_REAL stands for any number */
} hit_keys[] = {
	{"type", JSON_STRING},       {"rank", JSON_INTEGER},
	{"score", JSON_REAL},        {"passage_id", JSON_STRING},
	{"article_id", JSON_STRING}, {"path", JSON_STRING},
	{"title", JSON_STRING},      {"outlet", JSON_STRING},
	{"author", JSON_STRING},     {"date", JSON_STRING},
	{"url", JSON_STRING},        {"section", JSON_STRING},
	{"paragraph", JSON_INTEGER}, {"part", JSON_INTEGER},
	{"sources", JSON_ARRAY},
	{"cases", JSON_ARRAY},       {"dockets", JSON_ARRAY},
	{"courts", JSON_ARRAY},      {"judges", JSON_ARRAY},
	{"record_cites", JSON_ARRAY},
	{"text", JSON_STRING},       {"snippet", JSON_STRING},
	{"snippet_start", JSON_INTEGER}, {"snippet_end", JSON_INTEGER},
	{"highlights", JSON_ARRAY},
	{"snippet_start_cp", JSON_INTEGER}, {"snippet_end_cp", JSON_INTEGER},
	{"highlights_cp", JSON_ARRAY}, {"quotes", JSON_ARRAY},
	{"event_dates", JSON_ARRAY},
	{"citation", JSON_STRING},
	{"wire", JSON_STRING},       {"copies", JSON_ARRAY},
	{"first_reported", JSON_OBJECT},
};

static const char *const summary_keys[] = {"type", "query", "estimated",
                                           "returned", "elapsed_ms"};

static int problems;

static void problem(long line, const char *what, const char *detail)
{
	printf("# line %ld: %s%s%s\n", line, what, detail ? ": " : "",
	       detail ? detail : "");
	problems++;
}

static int type_ok(json_t *v, json_type want)
{
	if (want == JSON_REAL)
		return json_is_number(v);
	return json_typeof(v) == want;
}

/* Keys present, in order, with the right types. */
static void check_keys(long line, json_t *o)
{
	size_t n = sizeof hit_keys / sizeof hit_keys[0], i = 0;
	const char *key;
	json_t *v;
	if (json_object_size(o) != n)
		problem(line, "wrong number of keys", NULL);
	json_object_foreach(o, key, v) {
		if (i < n && strcmp(key, hit_keys[i].key))
			problem(line, "key out of order", key);
		i++;
	}
	for (i = 0; i < n; i++) {
		v = json_object_get(o, hit_keys[i].key);
		if (!v)
			problem(line, "missing key", hit_keys[i].key);
		else if (!type_ok(v, hit_keys[i].type))
			problem(line, "wrong type", hit_keys[i].key);
	}
}

/* Code points in S[0..N). */
static json_int_t cps(const char *s, size_t n)
{
	json_int_t k = 0;
	for (size_t i = 0; i < n; i++)
		k += ((unsigned char)s[i] & 0xC0) != 0x80;
	return k;
}

/* Each quote: its keys and types, inside the text, after the one before,
 * code-point offsets matching the byte offsets. */
static void check_quotes(long line, json_t *o)
{
	const char *text = json_string_value(json_object_get(o, "text"));
	size_t len = json_string_length(json_object_get(o, "text")), i;
	json_t *q;
	json_int_t prev = 0;
	json_array_foreach(json_object_get(o, "quotes"), i, q) {
		json_t *s = json_object_get(q, "start"), *e = json_object_get(q, "end");
		json_t *sc = json_object_get(q, "start_cp"), *ec = json_object_get(q, "end_cp");
		if (!json_is_object(q) || json_object_size(q) != 6 || !json_is_integer(s) ||
		    !json_is_integer(e) || !json_is_integer(sc) || !json_is_integer(ec) ||
		    !json_is_string(json_object_get(q, "speaker")) ||
		    !json_is_string(json_object_get(q, "cue"))) {
			problem(line, "quote of the wrong shape", NULL);
			continue;
		}
		json_int_t a = json_integer_value(s), b = json_integer_value(e);
		if (!text || a < prev || b < a || (size_t)b > len) {
			problem(line, "quote not inside the text, ascending", NULL);
			continue;
		}
		if (json_integer_value(sc) != cps(text, (size_t)a) ||
		    json_integer_value(ec) != cps(text, (size_t)b))
			problem(line, "quote code-point offsets do not match its bytes", NULL);
		prev = b;
	}
}

/* O is an object of exactly the string keys KEYS[0..N), in order. */
static int strings_object(json_t *o, const char *const *keys, size_t n)
{
	size_t i = 0;
	const char *key;
	json_t *v;
	if (!json_is_object(o) || json_object_size(o) != n)
		return 0;
	json_object_foreach(o, key, v)
		if (strcmp(key, keys[i++]) || !json_is_string(v))
			return 0;
	return 1;
}

/* "copies": [{passage_id, article_id, outlet, date, url, wire}, …] and
 * "first_reported": {passage_id, outlet, date, wire}. */
static void check_copies(long line, json_t *o)
{
	static const char *const copy[] = {"passage_id", "article_id", "outlet",
	                                   "date", "url", "wire"};
	static const char *const first[] = {"passage_id", "outlet", "date", "wire"};
	json_t *c;
	size_t i;
	json_array_foreach(json_object_get(o, "copies"), i, c)
		if (!strings_object(c, copy, 6))
			problem(line, "a copy is not {passage_id,article_id,outlet,date,url,wire}", NULL);
	if (!strings_object(json_object_get(o, "first_reported"), first, 4))
		problem(line, "first_reported is not {passage_id,outlet,date,wire}", NULL);
}

/* Offsets are bytes: compare with memcmp on the UTF-8 strings. */
static void check_ranges(long line, json_t *o)
{
	const char *text = json_string_value(json_object_get(o, "text"));
	const char *snip = json_string_value(json_object_get(o, "snippet"));
	json_int_t s = json_integer_value(json_object_get(o, "snippet_start"));
	json_int_t e = json_integer_value(json_object_get(o, "snippet_end"));
	json_t *hl = json_object_get(o, "highlights"), *pair;
	size_t len, i;
	json_int_t prev = 0;
	if (!text || !snip)
		return;
	len = json_string_length(json_object_get(o, "text"));
	if (s < 0 || e < s || (size_t)e > len)
		problem(line, "snippet range outside the text", NULL);
	else if ((size_t)(e - s) != strlen(snip) || memcmp(text + s, snip, e - s))
		problem(line, "snippet is not text[snippet_start:snippet_end]", snip);
	check_quotes(line, o);
	json_array_foreach(hl, i, pair) {
		json_int_t a = json_integer_value(json_array_get(pair, 0));
		json_int_t b = json_integer_value(json_array_get(pair, 1));
		if (!json_is_array(pair) || json_array_size(pair) != 2 || a < prev ||
		    b <= a || (size_t)b > len)
			problem(line, "highlight not inside the text, ascending", NULL);
		prev = b;
	}
}

static void check_summary(long line, json_t *o, long hits)
{
	size_t i = 0;
	const char *key;
	json_t *v;
	json_object_foreach(o, key, v) {
		if (i >= 5 || strcmp(key, summary_keys[i]))
			problem(line, "summary key out of order", key);
		i++;
	}
	if (i != 5)
		problem(line, "summary has the wrong keys", NULL);
	if (!json_is_string(json_object_get(o, "query")) ||
	    !json_is_integer(json_object_get(o, "estimated")) ||
	    !json_is_number(json_object_get(o, "elapsed_ms")))
		problem(line, "summary field of the wrong type", NULL);
	if (json_integer_value(json_object_get(o, "returned")) != hits)
		problem(line, "summary 'returned' is not the number of hits", NULL);
}

int main(int argc, char **argv)
{
	int passages = argc > 1 && !strcmp(argv[1], "-p");
	const char *want = passages ? "passage" : "hit";
	char *line = NULL;
	size_t cap = 0;
	long n = 0, hits = 0, summaries = 0, rank = 0;
	while (getline(&line, &cap, stdin) > 0) {
		json_error_t err;
		json_t *o = json_loads(line, 0, &err);
		const char *type;
		n++;
		if (!json_is_object(o)) {
			problem(n, "not a JSON object", err.text);
			json_decref(o);
			continue;
		}
		type = json_string_value(json_object_get(o, "type"));
		if (summaries)
			problem(n, "a line after the summary", NULL);
		if (type && !strcmp(type, want)) {
			check_keys(n, o);
			check_ranges(n, o);
			check_copies(n, o);
			json_int_t r = json_integer_value(json_object_get(o, "rank"));
			if (!passages && rank && r != rank + 1)
				problem(n, "ranks are not consecutive", NULL);
			rank = r;
			hits++;
		} else if (type && !strcmp(type, "summary") && !passages) {
			check_summary(n, o, hits);
			summaries++;
		} else {
			problem(n, "unknown type", type);
		}
		json_decref(o);
	}
	free(line);
	if (!passages && summaries != 1)
		problem(n, "want exactly one summary line", NULL);
	printf("# jsoncheck: %ld lines, %ld %ss, %d problems\n", n, hits, want,
	       problems);
	return problems ? 1 : 0;
}
