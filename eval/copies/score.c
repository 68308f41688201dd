/* score.c — how well indexer/copies.c groups syndicated copies, on the
 * labelled set of eval/copies (see README.md there).
 *
 *   copies-score [--explore] DIR      DIR = eval/copies
 *
 * Reads DIR/labels.tsv and DIR/pairs.tsv, parses every article of
 * DIR/set/SPLIT/ with docket's own reader (so passages are cut as the
 * indexer cuts them), and decides every pair of passages within a split as
 * search does: a candidate when the two share the exact fingerprint or a
 * band key, then copies_same().  Prints pairwise precision and recall of
 * "same copy group" per split and length class, the hard pairs wrongly
 * grouped, and wire detection per article.  --explore adds, on dev only,
 * the alternatives the choice was made between: the verification rule's
 * thresholds, LSH candidate recall for bands x rows and shingle sizes,
 * SimHash and SpotSigs.  Exits 1 when a file cannot be read or a passage
 * count disagrees with the labels.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xxhash.h>

#include "../../indexer/article.h"
#include "../../common/buf.h"
#include "../../indexer/input.h"
#include "../../common/token.h"
#include "../../docket.h"
#include "../../common/copies.h"
#include "../../indexer/wire.h"

#define LONG_WORDS 25 /* the length class */
#define MAXP 2000

struct psg {
	char split[8];      /* "dev" or "test" */
	char file[64];      /* file name in set/SPLIT */
	int ord;            /* 1-based passage ordinal */
	char group[80];     /* copy group label; "-": none */
	char *text;         /* the passage as parsed */
	size_t len;
	unsigned words;     /* tokens of the whole passage */
	struct copies_sig sig;
};

struct art {
	char split[8], file[64];
	char truth[16];     /* labelled wire */
	const char *got;    /* article_wire() */
};

static struct psg P[MAXP];
static size_t np;
static struct art A[400];
static size_t na;

static int count_word(void *ctx, const struct token *t)
{
	(void)t;
	++*(unsigned *)ctx;
	return 0;
}

/* ------------------------------------------------------------ loading */

struct sink_ctx {
	const char *split, *file;
	size_t first;   /* index in P of the article's first labelled passage */
	int seen;       /* passages delivered */
	int bad;
	struct art *art; /* the article's row */
};

static int sink(void *ctx, struct article *a)
{
	struct sink_ctx *s = ctx;
	int rc = 0;
	buf scratch = BUF_INIT;
	for (size_t i = 0; i < a->npassages; i++, s->seen++) {
		struct psg *p = &P[s->first + i];
		if (s->first + i >= np || strcmp(p->file, s->file) || p->ord != (int)i + 1) {
			fprintf(stderr, "%s/%s: passage %zu is not in labels.tsv\n",
			        s->split, s->file, i + 1);
			s->bad = 1;
			break;
		}
		p->text = str_ndup(&rc, a->passages[i].text, a->passages[i].len);
		p->len = a->passages[i].len;
		token_scan(p->text, p->len, 1, count_word, &p->words);
		copies_sign(&rc, &scratch, &p->sig, p->text, p->len);
	}
	s->art->got = article_wire(a);
	buf_free(&scratch);
	return rc;
}

static int load_article(const char *dir, const char *split, const char *file,
                        size_t first, struct art *art)
{
	char path[512], why[256];
	snprintf(path, sizeof path, "%s/set/%s/%s", dir, split, file);
	struct input in;
	memset(&in, 0, sizeof in);
	int st = input_read(path, 1 << 20, &in, why, sizeof why);
	if (st) {
		fprintf(stderr, "%s: %s\n", path, why);
		return 1;
	}
	struct sink_ctx s = {split, file, first, 0, 0, art};
	struct parse_ctx pc = {path, file, sink, NULL, &s};
	st = input_parse(&in, &pc);
	input_clear(&in);
	int want = 0;
	for (size_t i = first; i < np && !strcmp(P[i].file, file); i++)
		want++;
	if (st || s.bad || s.seen != want) {
		fprintf(stderr, "%s: %d passages parsed, labels.tsv has %d\n", path,
		        s.seen, want);
		return 1;
	}
	return 0;
}

static int load(const char *dir)
{
	char path[512], line[512];
	snprintf(path, sizeof path, "%s/labels.tsv", dir);
	FILE *f = fopen(path, "r");
	if (!f) {
		perror(path);
		return 1;
	}
	while (fgets(line, sizeof line, f) && np < MAXP) {
		if (line[0] == '#')
			continue;
		struct psg *p = &P[np];
		char wire[16] = "";
		if (sscanf(line, "%7[^\t]\t%63[^\t]\t%d\t%79[^\t\n]\t%15[^\t\n]", p->split,
		           p->file, &p->ord, p->group, wire) < 4) {
			fprintf(stderr, "%s: bad line: %s", path, line);
			return 1;
		}
		if (p->ord == 1) {
			struct art *a = &A[na++];
			strcpy(a->split, p->split), strcpy(a->file, p->file);
			strcpy(a->truth, wire);
		}
		np++;
	}
	fclose(f);
	for (size_t i = 0, k = 0; i < np; i++)
		if (P[i].ord == 1 && load_article(dir, P[i].split, P[i].file, i, &A[k++]))
			return 1;
	return 0;
}

/* ------------------------------------------------------------ scoring */

static int truth(const struct psg *a, const struct psg *b)
{
	return strcmp(a->group, "-") != 0 && strcmp(a->group, b->group) == 0;
}

static int candidate(const struct psg *a, const struct psg *b)
{
	if (a->sig.fingerprint && a->sig.fingerprint == b->sig.fingerprint)
		return 1;
	for (unsigned i = 0; i < a->sig.nbands && i < b->sig.nbands; i++)
		if (a->sig.band[i] == b->sig.band[i])
			return 1;
	return 0;
}

/* Pairwise counts of one class: true positives, false positives, false
 * negatives. */
struct counts {
	long tp, fp, fn;
};

static void row(const char *split, const char *cls, const struct counts *c)
{
	double p = c->tp + c->fp ? (double)c->tp / (double)(c->tp + c->fp) : 1;
	double r = c->tp + c->fn ? (double)c->tp / (double)(c->tp + c->fn) : 1;
	printf("| %s | %s | %ld | %ld | %ld | %.3f | %.3f |\n", split, cls,
	       c->tp + c->fn, c->tp, c->fp, p, r);
}

typedef int (*decide_fn)(const struct psg *, const struct psg *, void *);

/* Count SPLIT's pairs by DECIDE into LONG (both >= LONG_WORDS) and SHORT. */
static void tally(const char *split, decide_fn decide, void *ctx,
                  struct counts *lng, struct counts *shrt)
{
	memset(lng, 0, sizeof *lng), memset(shrt, 0, sizeof *shrt);
	for (size_t i = 0; i < np; i++) {
		if (strcmp(P[i].split, split))
			continue;
		for (size_t j = i + 1; j < np; j++) {
			if (strcmp(P[j].split, split))
				continue;
			int t = truth(&P[i], &P[j]), d = decide(&P[i], &P[j], ctx);
			struct counts *c = P[i].words >= LONG_WORDS && P[j].words >= LONG_WORDS
			                       ? lng : shrt;
			c->tp += t && d, c->fp += !t && d, c->fn += t && !d;
		}
	}
}

static int decide_docket(const struct psg *a, const struct psg *b, void *ctx)
{
	(void)ctx;
	return candidate(a, b) && copies_same(a->text, a->len, b->text, b->len) == 1;
}

static struct psg *find(const char *split, const char *file, int ord)
{
	for (size_t i = 0; i < np; i++)
		if (!strcmp(P[i].split, split) && !strcmp(P[i].file, file) && P[i].ord == ord)
			return &P[i];
	return NULL;
}

/* Hard pairs of SPLIT grouped by DECIDE; prints each. */
static int hard(const char *dir, const char *split, decide_fn decide, void *ctx,
                int *total, int quiet)
{
	char path[512], line[512], s[8], fa[64], fb[64];
	int oa, ob, bad = 0;
	snprintf(path, sizeof path, "%s/pairs.tsv", dir);
	FILE *f = fopen(path, "r");
	*total = 0;
	while (f && fgets(line, sizeof line, f)) {
		if (line[0] == '#' ||
		    sscanf(line, "%7s %63s %d %63s %d", s, fa, &oa, fb, &ob) != 5 ||
		    strcmp(s, split))
			continue;
		struct psg *a = find(s, fa, oa), *b = find(s, fb, ob);
		if (!a || !b)
			continue;
		++*total;
		if (decide(a, b, ctx)) {
			bad++;
			if (!quiet)
				printf("  grouped hard pair: %s#%d %s#%d\n", fa, oa, fb, ob);
		}
	}
	if (f)
		fclose(f);
	return bad;
}

static void report(const char *dir)
{
	printf("| split | pairs of | same-group pairs | found | wrongly grouped | precision | recall |\n");
	printf("|---|---|---:|---:|---:|---:|---:|\n");
	const char *splits[] = {"dev", "test"};
	for (int s = 0; s < 2; s++) {
		struct counts l, sh;
		tally(splits[s], decide_docket, NULL, &l, &sh);
		row(splits[s], ">= 25 words", &l);
		row(splits[s], "< 25 words", &sh);
	}
	for (int s = 0; s < 2; s++) {
		int total, bad = hard(dir, splits[s], decide_docket, NULL, &total, 0);
		printf("%s: hard pairs grouped: %d of %d\n", splits[s], bad, total);
	}
	for (int s = 0; s < 2; s++) {
		int ok = 0, n = 0;
		for (size_t i = 0; i < na; i++) {
			if (strcmp(A[i].split, splits[s]))
				continue;
			n++;
			if (!strcmp(A[i].got, A[i].truth))
				ok++;
			else
				printf("  wire %s: got \"%s\", labelled \"%s\"\n", A[i].file,
				       A[i].got, A[i].truth);
		}
		printf("%s: wire right for %d of %d articles\n", splits[s], ok, n);
	}
}

/* ------------------------------------------------------------ explore */

/* Per passage, for the alternatives: its shingle sets (K = 1..5) and its
 * SpotSigs set, as sorted distinct hashes. */
struct alt {
	uint64_t *sh[6];
	size_t nsh[6];
	uint64_t *spots;
	size_t nspots;
};

static struct alt X[MAXP];

static const char *const stopwords[] = {
	"a", "an", "the", "is", "was", "were", "are", "be", "been", "has",
	"had", "have", "said", "says", "that", "to", "of", "in", "for", "on",
	"by", "with", "at", "it", "its", "and", "or", "as", "from", "would",
	"will", "not", "this", "he", "she", "they", "who", NULL};

static int is_stop(const char *w, size_t n)
{
	for (int i = 0; stopwords[i]; i++)
		if (strlen(stopwords[i]) == n && !memcmp(stopwords[i], w, n))
			return 1;
	return 0;
}

static int cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
	return x < y ? -1 : x > y;
}

/* SpotSigs (Theobald et al.): after each stopword, the next two words
 * that are not stopwords, hashed with it. */
static size_t spotsigs(const char *w, size_t n, uint64_t **out)
{
	const char *word[400];
	size_t len[400], nw = 0;
	for (const char *p = w; p < w + n && nw < 400;) {
		const char *e = memchr(p, ' ', (size_t)(w + n - p));
		if (!e)
			e = w + n;
		word[nw] = p, len[nw++] = (size_t)(e - p);
		p = e + 1;
	}
	uint64_t *v = malloc((nw + 1) * sizeof *v);
	size_t c = 0;
	for (size_t i = 0; i < nw; i++) {
		if (!is_stop(word[i], len[i]))
			continue;
		XXH3_state_t *st = XXH3_createState();
		XXH3_64bits_reset(st);
		XXH3_64bits_update(st, word[i], len[i]);
		int got = 0;
		for (size_t j = i + 1; j < nw && got < 2; j++)
			if (!is_stop(word[j], len[j]))
				XXH3_64bits_update(st, word[j], len[j]), XXH3_64bits_update(st, " ", 1), got++;
		if (got == 2)
			v[c++] = XXH3_64bits_digest(st);
		XXH3_freeState(st);
	}
	qsort(v, c, sizeof *v, cmp_u64);
	size_t u = 0;
	for (size_t i = 0; i < c; i++)
		if (!u || v[u - 1] != v[i])
			v[u++] = v[i];
	*out = v;
	return u;
}

static void prepare(void)
{
	int rc = 0;
	buf w = BUF_INIT, s = BUF_INIT;
	for (size_t i = 0; i < np; i++) {
		buf_reset(&w);
		copies_normalise(&rc, &w, P[i].text, P[i].len);
		for (unsigned k = 1; k <= 5; k++) {
			X[i].nsh[k] = w.n ? copies_shingles(&rc, &s, w.p, w.n, k) : 0;
			X[i].sh[k] = malloc(s.n + 8);
			memcpy(X[i].sh[k], s.p ? s.p : "", s.n);
		}
		X[i].nspots = spotsigs(w.p ? w.p : "", w.n, &X[i].spots);
	}
	buf_free(&w), buf_free(&s);
}

static size_t inter(const uint64_t *a, size_t na_, const uint64_t *b, size_t nb)
{
	size_t i = 0, j = 0, c = 0;
	while (i < na_ && j < nb)
		if (a[i] == b[j])
			c++, i++, j++;
		else if (a[i] < b[j])
			i++;
		else
			j++;
	return c;
}

struct rule {
	int kind;     /* 0 Jaccard, 1 Jaccard or containment, 2 SimHash, 3 SpotSigs */
	unsigned k;   /* shingle words */
	double t;     /* threshold (Hamming distance for SimHash) */
};

static uint64_t simhash(const uint64_t *sh, size_t n)
{
	int acc[64] = {0};
	for (size_t i = 0; i < n; i++)
		for (int b = 0; b < 64; b++)
			acc[b] += (sh[i] >> b) & 1 ? 1 : -1;
	uint64_t h = 0;
	for (int b = 0; b < 64; b++)
		if (acc[b] > 0)
			h |= 1ULL << b;
	return h;
}

static int decide_rule(const struct psg *a, const struct psg *b, void *ctx)
{
	const struct rule *r = ctx;
	const struct alt *x = &X[a - P], *y = &X[b - P];
	if (!x->nsh[r->k] || !y->nsh[r->k])
		return 0;
	if (r->kind == 2)
		return __builtin_popcountll(simhash(x->sh[r->k], x->nsh[r->k]) ^
		                            simhash(y->sh[r->k], y->nsh[r->k])) <= r->t;
	const uint64_t *sa = r->kind == 3 ? x->spots : x->sh[r->k];
	const uint64_t *sb = r->kind == 3 ? y->spots : y->sh[r->k];
	size_t na_ = r->kind == 3 ? x->nspots : x->nsh[r->k];
	size_t nb = r->kind == 3 ? y->nspots : y->nsh[r->k];
	if (!na_ || !nb)
		return 0;
	size_t c = inter(sa, na_, sb, nb), lo = na_ < nb ? na_ : nb, hi = na_ + nb - lo;
	double j = (double)c / (double)(na_ + nb - c), cont = (double)c / (double)lo;
	return j >= r->t || (r->kind == 1 && cont >= 0.8 && lo * 2 >= hi);
}

/* The pipeline's rule with other length limits: equal fingerprints of at
 * least EXACT_MIN words; bigram Jaccard >= 0.4 for two passages of >= 25
 * words; >= T (when T > 0) for two of at least MID words. */
struct lengths {
	unsigned exact_min, mid;
	double t;
};

static int decide_lengths(const struct psg *a, const struct psg *b, void *ctx)
{
	const struct lengths *L = ctx;
	const struct alt *x = &X[a - P], *y = &X[b - P];
	unsigned wa = a->sig.words ? a->sig.words : 0, wb = b->sig.words;
	if (!x->nsh[2] || !y->nsh[2])
		return 0;
	size_t c = inter(x->sh[2], x->nsh[2], y->sh[2], y->nsh[2]);
	double j = (double)c / (double)(x->nsh[2] + y->nsh[2] - c);
	if (j == 1.0 && x->nsh[1] >= L->exact_min && y->nsh[1] >= L->exact_min)
		return 1;
	if (wa >= 25 && wb >= 25)
		return j >= 0.4;
	return L->t > 0 && x->nsh[1] >= L->mid && y->nsh[1] >= L->mid && j >= L->t;
}

static void explore_lengths(const char *dir)
{
	printf("\nshort passages (dev): exact fingerprint from EXACT_MIN words, near-duplicates from MID words at Jaccard T\n");
	printf("| EXACT_MIN | MID | T | P <25 | R <25 | hard grouped |\n|---:|---:|---:|---:|---:|---:|\n");
	static const struct lengths L[] = {{1, 0, 0}, {5, 0, 0}, {8, 0, 0}, {10, 0, 0}, {12, 0, 0},
	                                   {8, 12, 0.5}, {8, 12, 0.6}, {8, 12, 0.7}, {8, 15, 0.5},
	                                   {8, 15, 0.6}, {8, 15, 0.7}, {8, 20, 0.5}, {8, 20, 0.6}};
	for (size_t i = 0; i < sizeof L / sizeof L[0]; i++) {
		struct counts l, s;
		tally("dev", decide_lengths, (void *)&L[i], &l, &s);
		int total, bad = hard(dir, "dev", decide_lengths, (void *)&L[i], &total, 1);
		printf("| %u | %u | %.1f | %.3f | %.3f | %d/%d |\n", L[i].exact_min, L[i].mid, L[i].t,
		       s.tp + s.fp ? (double)s.tp / (double)(s.tp + s.fp) : 1,
		       (double)s.tp / (double)(s.tp + s.fn), bad, total);
	}
}

static void explore_rules(const char *dir)
{
	printf("\nverification rules alone (dev, every pair):\n");
	printf("| rule | k | threshold | P >=25 | R >=25 | P <25 | R <25 | hard grouped |\n|---|---:|---:|---:|---:|---:|---:|---:|\n");
	static const char *names[] = {"Jaccard", "Jaccard or containment>=0.8", "SimHash (Hamming <=)", "SpotSigs Jaccard"};
	struct rule rules[64];
	int nr = 0;
	for (unsigned k = 2; k <= 5; k++)
		for (double t = 0.3; t < 0.75; t += 0.1)
			rules[nr++] = (struct rule){0, k, t}, rules[nr++] = (struct rule){1, k, t};
	for (int d = 3; d <= 15; d += 3)
		rules[nr++] = (struct rule){2, 3, d};
	for (double t = 0.3; t < 0.75; t += 0.1)
		rules[nr++] = (struct rule){3, 1, t};
	for (int i = 0; i < nr; i++) {
		struct counts l, s;
		tally("dev", decide_rule, &rules[i], &l, &s);
		int total, bad = hard(dir, "dev", decide_rule, &rules[i], &total, 1);
		double pl = l.tp + l.fp ? (double)l.tp / (double)(l.tp + l.fp) : 1;
		double rl = (double)l.tp / (double)(l.tp + l.fn);
		double ps = s.tp + s.fp ? (double)s.tp / (double)(s.tp + s.fp) : 1;
		double rs = s.tp + s.fn ? (double)s.tp / (double)(s.tp + s.fn) : 1;
		printf("| %s | %u | %.1f | %.3f | %.3f | %.3f | %.3f | %d/%d |\n", names[rules[i].kind],
		       rules[i].kind == 3 ? 0 : rules[i].k, rules[i].t, pl, rl, ps, rs, bad, total);
	}
}

/* LSH candidate recall: of the same-group pairs of >= 25 words, the share
 * that share a band key; and the other pairs that do, per passage. */
static void explore_bands(void)
{
	printf("\nMinHash LSH candidates (dev, pairs >= 25 words):\n");
	printf("| shingle k | bands x rows | terms | candidate recall | other candidates per 1000 pairs |\n|---:|---|---:|---:|---:|\n");
	static const unsigned cfg[][2] = {{2, 1}, {3, 1}, {4, 1}, {6, 1}, {8, 1},
	                                  {4, 2}, {8, 2}, {16, 2}, {16, 4}, {20, 5}};
	uint64_t *keys = malloc(np * 20 * sizeof *keys);
	for (unsigned k = 2; k <= 4; k++)
		for (size_t c = 0; c < sizeof cfg / sizeof cfg[0]; c++) {
			unsigned b = cfg[c][0], r = cfg[c][1];
			for (size_t i = 0; i < np; i++)
				copies_minhash_bands(X[i].sh[k], X[i].nsh[k], b, r, keys + i * 20);
			long t = 0, found = 0, other = 0, pairs = 0;
			for (size_t i = 0; i < np; i++)
				for (size_t j = i + 1; j < np; j++) {
					if (strcmp(P[i].split, "dev") || strcmp(P[j].split, "dev") ||
					    P[i].words < LONG_WORDS || P[j].words < LONG_WORDS ||
					    !X[i].nsh[k] || !X[j].nsh[k])
						continue;
					int hit = 0;
					for (unsigned q = 0; q < b; q++)
						hit |= keys[i * 20 + q] == keys[j * 20 + q];
					int tr = truth(&P[i], &P[j]);
					t += tr, found += tr && hit, other += !tr && hit, pairs++;
				}
			printf("| %u | %u x %u | %u | %.3f | %.2f |\n", k, b, r, b,
			       (double)found / (double)t, 1000.0 * (double)other / (double)pairs);
		}
	free(keys);
}

int main(int argc, char **argv)
{
	int explore = argc > 2 && !strcmp(argv[1], "--explore");
	const char *dir = argv[argc - 1];
	if (argc < 2 || (argc > 2 && !explore)) {
		fprintf(stderr, "usage: copies-score [--explore] DIR\n");
		return 2;
	}
	if (load(dir))
		return 1;
	report(dir);
	if (explore) {
		prepare();
		explore_rules(dir);
		explore_bands();
		explore_lengths(dir);
	}
	return 0;
}
