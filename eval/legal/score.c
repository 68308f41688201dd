/* score.c — precision and recall of indexer/legal.c on eval/legal.
 *
 *   score [--dump|--dump-heldout] [--list] [--min] DIR [HELDOUT]
 *
 * DIR (and HELDOUT) hold articles/ and expected.tsv.  Each article is
 * parsed the way the indexer parses it (parse_text: the passages are its
 * paragraphs) and given to legal_extract(); what comes out is compared with
 * expected.tsv per kind (case, docket, court, judge, cite — a cite only
 * counts in its own passage), micro-averaged over a split: DIR's dev
 * (odd-numbered) and test (even-numbered) articles, and every article of
 * HELDOUT (eval/legal/heldout, written by a second author) as the split
 * `heldout`.  --dump prints every false positive ("+") and miss ("-") of
 * the dev split only, for tuning (--dump-heldout: of the heldout split,
 * whose first untuned figures are already committed); --list prints everything found, every
 * split; --min exits 1 unless every kind reaches the targets on
 * dev (precision 0.97 dockets and cites, 0.95 the rest; recall 0.90).
 * Nothing is asserted on test or heldout: they are only reported.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../indexer/article.h"
#include "../../common/buf.h"
#include "../../indexer/legal.h"

enum { K_CASE, K_DOCKET, K_COURT, K_JUDGE, K_CITE, NKINDS };
static const char *const kinds[NKINDS] = {"case", "docket", "court", "judge", "cite"};
static const double min_p[NKINDS] = {0.95, 0.97, 0.95, 0.95, 0.97};

/* One expected or found item: "aNN\tkind\tvalue[\tpassage]" as a line. */
struct set {
	char **v;
	size_t n, cap;
};

static void add(struct set *s, const char *line)
{
	if (s->n == s->cap) {
		s->cap = s->cap ? 2 * s->cap : 256;
		s->v = realloc(s->v, s->cap * sizeof *s->v);
		if (!s->v)
			exit(2);
	}
	s->v[s->n++] = strdup(line);
}

static int has(const struct set *s, const char *line)
{
	for (size_t i = 0; i < s->n; i++)
		if (strcmp(s->v[i], line) == 0)
			return 1;
	return 0;
}

/* The kind of a line, or -1. */
static int kind_of(const char *line)
{
	const char *t = strchr(line, '\t');
	for (int k = 0; t && k < NKINDS; k++)
		if (strncmp(t + 1, kinds[k], strlen(kinds[k])) == 0 &&
		    t[1 + strlen(kinds[k])] == '\t')
			return k;
	return -1;
}

enum { S_DEV, S_TEST, S_HELDOUT, NSPLITS };
static const char *const splits[NSPLITS] = {"dev", "test", "heldout"};

/* The split of LINE's article: DIR's odd articles are dev, its even ones
 * test; every article of the held-out folder is heldout. */
static int split_of(const char *line, int heldout)
{
	if (heldout)
		return S_HELDOUT;
	return atoi(line + 1) % 2 == 1 ? S_DEV : S_TEST;
}

static const char *cur_id;
static struct set *cur_found;

/* Sink for parse_text: extract and record everything found. */
static int sink(void *ctx, struct article *a)
{
	(void)ctx;
	const char **text = calloc(a->npassages + 1, sizeof *text);
	size_t *len = calloc(a->npassages + 1, sizeof *len);
	struct legal lg;
	char line[1024];
	for (size_t i = 0; i < a->npassages; i++)
		text[i] = a->passages[i].text, len[i] = a->passages[i].len;
	if (legal_extract(&lg, a->title, strlen(a->title), text, len, a->npassages))
		exit(2);
	const struct legal_list *l[] = {&lg.cases, &lg.dockets, &lg.courts, &lg.judges};
	for (int k = 0; k < 4; k++)
		for (size_t i = 0; i < l[k]->n; i++) {
			snprintf(line, sizeof line, "%s\t%s\t%s", cur_id, kinds[k], l[k]->v[i]);
			add(cur_found, line);
		}
	for (size_t p = 0; p < lg.npassages; p++)
		for (size_t i = 0; i < lg.cites[p].n; i++) {
			snprintf(line, sizeof line, "%s\tcite\t%s\t%d", cur_id, lg.cites[p].v[i],
			         a->passages[p].ordinal);
			add(cur_found, line);
		}
	legal_free(&lg);
	free(text);
	free(len);
	return 0;
}

static char *slurp(const char *path, size_t *n)
{
	FILE *f = fopen(path, "rb");
	buf b = BUF_INIT;
	int rc = 0;
	char chunk[4096];
	size_t k;
	if (!f) {
		fprintf(stderr, "score: cannot open %s\n", path);
		exit(2);
	}
	while ((k = fread(chunk, 1, sizeof chunk, f)) > 0)
		buf_append(&rc, &b, chunk, k);
	fclose(f);
	*n = b.n;
	return buf_steal(&rc, &b);
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Every article of DIR/articles through the extractor into FOUND. */
static void run(const char *dir, struct set *found)
{
	char path[4096];
	snprintf(path, sizeof path, "%s/articles", dir);
	DIR *d = opendir(path);
	struct set names = {0};
	struct dirent *e;
	if (!d) {
		fprintf(stderr, "score: cannot open %s\n", path);
		exit(2);
	}
	while ((e = readdir(d)))
		if (e->d_name[0] == 'a' && strstr(e->d_name, ".txt"))
			add(&names, e->d_name);
	closedir(d);
	qsort(names.v, names.n, sizeof *names.v, by_name);
	for (size_t i = 0; i < names.n; i++) {
		size_t n;
		snprintf(path, sizeof path, "%s/articles/%s", dir, names.v[i]);
		char *data = slurp(path, &n), id[64];
		snprintf(id, sizeof id, "%.*s", (int)(strchr(names.v[i], '.') - names.v[i]), names.v[i]);
		cur_id = id, cur_found = found;
		struct parse_ctx p = {path, id, sink, NULL, NULL};
		if (parse_text(data, n, &p))
			exit(2);
		free(data);
	}
}

static void load_expected(const char *dir, struct set *want)
{
	char path[4096];
	size_t n;
	snprintf(path, sizeof path, "%s/expected.tsv", dir);
	char *data = slurp(path, &n);
	for (char *line = strtok(data, "\n"); line; line = strtok(NULL, "\n"))
		if (line[0] != '#' && kind_of(line) >= 0)
			add(want, line);
	free(data);
}

/* Adds DIR's tp/fp/fn per split and kind into C (HELDOUT: every article
 * is the heldout split); prints the dev split's errors when DUMP is 1, the
 * heldout split's when 2, every
 * item found when LIST.  Exits 2 on an unreadable file. */
static void score_dir(const char *dir, int heldout, int dump, int list,
                      size_t c[NSPLITS][NKINDS][3])
{
	struct set want = {0}, found = {0};
	load_expected(dir, &want);
	run(dir, &found);
	for (size_t i = 0; list && i < found.n; i++)
		printf("%s%s\n", heldout ? "heldout/" : "", found.v[i]);
	for (size_t i = 0; i < found.n; i++) {
		int k = kind_of(found.v[i]), s = split_of(found.v[i], heldout);
		int ok = has(&want, found.v[i]);
		c[s][k][ok ? 0 : 1]++;
		if (dump == (s == S_DEV ? 1 : s == S_HELDOUT ? 2 : -1) && !ok)
			printf("+ %s\n", found.v[i]);
	}
	for (size_t i = 0; i < want.n; i++) {
		int k = kind_of(want.v[i]), s = split_of(want.v[i], heldout);
		if (!has(&found, want.v[i])) {
			c[s][k][2]++;
			if (dump == (s == S_DEV ? 1 : s == S_HELDOUT ? 2 : -1))
				printf("- %s\n", want.v[i]);
		}
	}
}

int main(int argc, char **argv)
{
	int dump = 0, min = 0, fail = 0, list = 0;
	const char *dir = NULL, *held = NULL;
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--dump") == 0)
			dump = 1;
		else if (strcmp(argv[i], "--dump-heldout") == 0)
			dump = 2;
		else if (strcmp(argv[i], "--list") == 0)
			list = 1;
		else if (strcmp(argv[i], "--min") == 0)
			min = 1;
		else if (!dir)
			dir = argv[i];
		else
			held = argv[i];
	}
	if (!dir) {
		fprintf(stderr, "usage: score [--dump|--dump-heldout] [--list] [--min] DIR [HELDOUT]\n");
		return 2;
	}
	size_t c[NSPLITS][NKINDS][3] = {{{0}}}; /* tp, fp, fn per split and kind */
	score_dir(dir, 0, dump, list, c);
	if (held)
		score_dir(held, 1, dump, list, c);
	printf("%-7s %-6s %5s %5s %5s %9s %6s\n", "split", "kind", "tp", "fp", "fn", "precision", "recall");
	for (int s = 0; s < (held ? NSPLITS : S_HELDOUT); s++)
		for (int k = 0; k < NKINDS; k++) {
			size_t tp = c[s][k][0], fp = c[s][k][1], fn = c[s][k][2];
			double p = tp + fp ? (double)tp / (double)(tp + fp) : 1.0;
			double r = tp + fn ? (double)tp / (double)(tp + fn) : 1.0;
			printf("%-7s %-6s %5zu %5zu %5zu %9.3f %6.3f\n", splits[s], kinds[k],
			       tp, fp, fn, p, r);
			if (s == S_DEV && (p < min_p[k] || r < 0.90))
				fail = 1;
		}
	return min && fail ? 1 : 0;
}
