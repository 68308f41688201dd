/* jsoncheck.c — checks the output of `docket search --json` (JSON Lines on
 * stdin) against the contract in README: each line an object; hits first,
 * with every key present, in order, with its type; ranks consecutive;
 * snippet == text[snippet_start:snippet_end] in BYTES; highlights inside
 * the text, ascending and disjoint; then exactly one summary whose
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
	{"paragraph", JSON_INTEGER}, {"sources", JSON_ARRAY},
	{"text", JSON_STRING},       {"snippet", JSON_STRING},
	{"snippet_start", JSON_INTEGER}, {"snippet_end", JSON_INTEGER},
	{"highlights", JSON_ARRAY},  {"event_dates", JSON_ARRAY},
	{"citation", JSON_STRING},
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
