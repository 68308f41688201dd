/* gen.c — the deterministic corpus generator of the benchmark and the
 * crash tests.
 *
 *   gen --articles N --seed S [--flat-ratio R] [--legal-share P] OUTDIR
 *   gen --vocab            (print the vocabulary: rank, weight, word)
 *
 * Writes N court-coverage-like articles as OUTDIR/NNN/NNNNNN.txt, at most
 * 500 files per folder, ~6 KB each on average, in the two text shapes docket
 * reads: structured (header lines, blank line, paragraphs with "## " headings)
 * and, for a fraction R of them (default 0.3), flattened (headline; key
 * points on one line; the whole body on one line with inline "### " headings).
 * Paragraphs often end with credited sources such as "(wired.com)".
 *
 * Legal entities (captions, "Judge X", courts) are three of the seven kinds
 * of entity a sentence mentions: ~5.5 captions, judges and courts each an
 * article, 4.6 times the density of eval/legal's labelled articles (62
 * captions in 52).  --legal-share P keeps P percent of them (the rest
 * become other entities): 22 gives the labelled sets' density.  The
 * default, 100, is the corpus every earlier figure was measured on, byte
 * for byte.
 *
 * Words are drawn from a fixed vocabulary (bench/words.h plus syllable-made
 * pseudo-words for the long tail) with Zipfian weights of exponent 1.0625,
 * computed with sqrt only, so that the same seed gives byte-identical output
 * on any IEEE-754 machine.  The vocabulary does not depend on the seed, so
 * bench/queries.tsv matches every corpus.  Called by bench/run and by the
 * crash tests (built by `make test-build` as $(B)/bench/gen).
 */
#include <errno.h>
#include <stdarg.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "words.h"

#define VOCAB_SIZE 10000   /* real words, collocations, then pseudo-words */
#define PER_FOLDER 500     /* files per output folder */
#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* ------------------------------------------------------------ randomness */

typedef struct rng {
	uint64_t s; /* splitmix64 state */
} rng;

static uint64_t next64(rng *r)
{
	uint64_t z = (r->s += 0x9e3779b97f4a7c15ULL);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

/* A uniform integer in [0, n); n > 0.  Multiply-high, no modulo bias worth
 * caring about for n far below 2^64. */
static uint64_t below(rng *r, uint64_t n)
{
	return (uint64_t)(((unsigned __int128)next64(r) * n) >> 64);
}

/* A uniform integer in [lo, hi]. */
static int between(rng *r, int lo, int hi)
{
	return lo + (int)below(r, (uint64_t)(hi - lo + 1));
}

/* Non-zero with probability PERCENT / 100. */
static int chance(rng *r, int percent)
{
	return (int)below(r, 100) < percent;
}

#define PICK(r, a) ((a)[below((r), COUNT(a))])

/* ------------------------------------------------------------ vocabulary */

static const char *vocab[VOCAB_SIZE]; /* by Zipf rank, 0 = most frequent */
static uint64_t cumul[VOCAB_SIZE];    /* running sum of the weights */
static size_t nvocab;
static char pseudo_store[VOCAB_SIZE * 16]; /* the pseudo-words' bytes */

/* Split a space-separated list into the words of LIST (in place in a
 * private copy); returns the number found, at most MAX. */
static size_t split_words(const char *list, const char **out, size_t max)
{
	char *copy = strdup(list);
	size_t n = 0;
	if (!copy)
		exit(1);
	for (char *w = strtok(copy, " "); w && n < max; w = strtok(NULL, " "))
		out[n++] = w;
	return n; /* the copy lives as long as the program */
}

static int known(const char *w)
{
	for (size_t i = 0; i < nvocab; i++)
		if (strcmp(vocab[i], w) == 0)
			return 1;
	return 0;
}

/* A pronounceable made-up word of 2 to 4 syllables into OUT (>= 16 bytes). */
static void pseudo_word(rng *r, char *out)
{
	static const char *const onset[] = {"b", "br", "c", "ch", "d", "dr",
		"f", "g", "gl", "h", "j", "k", "l", "m", "n", "p", "pl", "qu", "r",
		"s", "sh", "st", "t", "th", "tr", "v", "w", "z"};
	static const char *const vowel[] = {"a", "e", "i", "o", "u", "ai",
		"ea", "io", "ou", "y"};
	static const char *const coda[] = {"", "", "", "n", "r", "s", "l", "m",
		"nd", "st", "x", "ck"};
	int syllables = between(r, 2, 4);
	out[0] = '\0';
	for (int i = 0; i < syllables; i++) {
		strcat(out, PICK(r, onset));
		strcat(out, PICK(r, vowel));
		if (i == syllables - 1 || chance(r, 30))
			strcat(out, PICK(r, coda));
	}
}

/* Zipf weight of rank R (1-based): 2^50 / r^1.0625, with r^0.0625 taken as
 * four square roots, which IEEE-754 rounds the same everywhere. */
static uint64_t zipf_weight(size_t rank)
{
	double r = (double)rank;
	double root16 = sqrt(sqrt(sqrt(sqrt(r))));
	return (uint64_t)(1125899906842624.0 / (r * root16));
}

/* Fill the vocabulary: function words, then common and domain words
 * interleaved with the collocations, then pseudo-words up to VOCAB_SIZE. */
static void build_vocab(void)
{
	static const char *fw[1000], *cw[1000], *dw[1000];
	size_t nf = split_words(FUNCTION_WORDS, fw, COUNT(fw));
	size_t nc = split_words(COMMON_WORDS, cw, COUNT(cw));
	size_t nd = split_words(DOMAIN_WORDS, dw, COUNT(dw));
	size_t ic = 0, id = 0, ik = 0;
	for (size_t i = 0; i < nf; i++)
		if (!known(fw[i]))
			vocab[nvocab++] = fw[i];
	while (ic < nc || id < nd) {
		if (ic < nc && !known(cw[ic]))
			vocab[nvocab++] = cw[ic];
		ic++;
		if (id < nd && !known(dw[id]))
			vocab[nvocab++] = dw[id];
		id++;
		if ((ic % 20) == 0 && ik < COUNT(COLLOCATIONS))
			vocab[nvocab++] = COLLOCATIONS[ik++];
	}
	while (ik < COUNT(COLLOCATIONS))
		vocab[nvocab++] = COLLOCATIONS[ik++];
	rng r = {20250314};
	char *store = pseudo_store;
	while (nvocab < VOCAB_SIZE) {
		pseudo_word(&r, store);
		if (known(store))
			continue;
		vocab[nvocab++] = store;
		store += strlen(store) + 1;
	}
	uint64_t sum = 0;
	for (size_t i = 0; i < nvocab; i++)
		cumul[i] = (sum += zipf_weight(i + 1));
}

/* A vocabulary word with Zipfian probability (binary search on cumul). */
static const char *zipf_word(rng *r)
{
	uint64_t x = below(r, cumul[nvocab - 1]);
	size_t lo = 0, hi = nvocab - 1;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (cumul[mid] > x)
			hi = mid;
		else
			lo = mid + 1;
	}
	return vocab[lo];
}

/* A word from the domain part of the vocabulary (for titles). */
static const char *domain_word(rng *r)
{
	return vocab[between(r, 300, 1000)];
}

/* --------------------------------------------------------------- output */

typedef struct out {
	char *p;    /* the article being written */
	size_t n;   /* bytes used */
	size_t cap; /* bytes allocated */
} out;

static void put(out *o, const char *s, size_t n)
{
	if (o->n + n + 1 > o->cap) {
		while (o->n + n + 1 > o->cap)
			o->cap = o->cap ? o->cap * 2 : 16384;
		o->p = realloc(o->p, o->cap);
		if (!o->p) {
			fprintf(stderr, "gen: out of memory\n");
			exit(1);
		}
	}
	memcpy(o->p + o->n, s, n);
	o->n += n;
	o->p[o->n] = '\0';
}

static void puts_(out *o, const char *s)
{
	put(o, s, strlen(s));
}

static void printf_(out *o, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void printf_(out *o, const char *fmt, ...)
{
	char tmp[512];
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
	va_end(ap);
	if (n > 0)
		put(o, tmp, (size_t)n < sizeof tmp ? (size_t)n : sizeof tmp - 1);
}

/* ------------------------------------------------------------- sentences */

static const char *const MONTHS[] = {"January", "February", "March",
	"April", "May", "June", "July", "August", "September", "October",
	"November", "December"};

static void person(rng *r, out *o)
{
	printf_(o, "%s %s", PICK(r, FIRST_NAMES), PICK(r, LAST_NAMES));
}

static const char *party(rng *r)
{
	return chance(r, 75) ? PICK(r, COMPANIES) : PICK(r, GOVERNMENT);
}

/* The percentage of legal entities kept (--legal-share). */
static int legal_share = 100;

/* One named entity or figure, as a sentence might mention it. */
static void entity(rng *r, out *o)
{
	uint64_t kind = below(r, 7);
	int legal = kind == 2 || kind >= 5;
	if (legal && legal_share < 100 && !chance(r, legal_share)) {
		static const uint64_t other[] = {0, 1, 3, 4};
		kind = PICK(r, other);
	}
	switch (kind) {
	case 0: person(r, o); break;
	case 1: puts_(o, PICK(r, COMPANIES)); break;
	case 2: printf_(o, "%s v. %s", party(r), party(r)); break;
	case 3:
		printf_(o, "%s %d, %d", PICK(r, MONTHS), between(r, 1, 28),
		        between(r, 2019, 2025));
		break;
	case 4:
		if (chance(r, 50))
			printf_(o, "$%d.%d million", between(r, 1, 999), between(r, 0, 9));
		else
			printf_(o, "$%d,%03d", between(r, 1, 999), between(r, 0, 999));
		break;
	case 5: printf_(o, "Judge %s", PICK(r, LAST_NAMES)); break;
	default: printf_(o, "the %s", PICK(r, COURTS)); break;
	}
}

/* N words with an occasional entity, the first letter capitalised when
 * CAP, no final punctuation. */
static void words(rng *r, out *o, int n, int cap)
{
	for (int i = 0; i < n; i++) {
		if (i > 0)
			puts_(o, chance(r, 6) ? ", " : " ");
		size_t at = o->n;
		if (chance(r, 4))
			entity(r, o);
		else
			puts_(o, zipf_word(r));
		if (i == 0 && cap && o->p[at] >= 'a' && o->p[at] <= 'z')
			o->p[at] = (char)(o->p[at] - 'a' + 'A');
	}
}

/* One sentence of 8-30 words, sometimes a quotation in curly quotes. */
static void sentence(rng *r, out *o)
{
	int n = between(r, 8, 30);
	if (chance(r, 12)) {
		puts_(o, "\xe2\x80\x9c"); /* “ */
		words(r, o, n - 2, 1);
		puts_(o, ",\xe2\x80\x9d said "); /* ,” said */
		person(r, o);
		puts_(o, ".");
		return;
	}
	words(r, o, n, 1);
	puts_(o, chance(r, 3) ? "?" : ".");
}

/* One paragraph of 2-8 sentences, often ending with credited sources. */
static void paragraph(rng *r, out *o)
{
	int n = between(r, 2, 8);
	for (int i = 0; i < n; i++) {
		if (i > 0)
			puts_(o, " ");
		sentence(r, o);
	}
	if (chance(r, 45)) {
		printf_(o, " (%s)", PICK(r, OUTLETS)[1]);
		if (chance(r, 25))
			printf_(o, " (%s)", PICK(r, OUTLETS)[1]);
	}
}

static void title(rng *r, out *o)
{
	const char *pat = PICK(r, TITLE_PATTERNS);
	for (const char *p = pat; *p; p++) {
		if (p[0] == '%' && p[1]) {
			p++;
			if (*p == 'C')
				puts_(o, PICK(r, COMPANIES));
			else if (*p == 'D')
				puts_(o, party(r));
			else
				puts_(o, domain_word(r));
		} else {
			put(o, p, 1);
		}
	}
}

/* ------------------------------------------------------------- articles */

/* Paragraph counts lean low (5-25, mean ~10: the least of three draws) to
 * keep ~6 KB per article. */
static int paragraph_count(rng *r)
{
	int a = between(r, 0, 20), b = between(r, 0, 20), c = between(r, 0, 20);
	int least = a < b ? a : b;
	return 5 + (least < c ? least : c);
}

static void structured(rng *r, out *o, int idx)
{
	int outlet = (int)below(r, COUNT(OUTLETS));
	int y = between(r, 2024, 2025), m = between(r, 1, 12),
	    d = between(r, 1, 28);
	puts_(o, "title: ");
	title(r, o);
	printf_(o, "\noutlet: %s\nauthor: ", OUTLETS[outlet][0]);
	person(r, o);
	printf_(o, "\ndate: %04d-%02d-%02d\n", y, m, d);
	printf_(o, "url: https://www.%s/%04d/%02d/%02d/story-%d\n\n",
	        OUTLETS[outlet][1], y, m, d, idx);
	int n = paragraph_count(r), next_heading = between(r, 2, 4);
	for (int i = 0; i < n; i++) {
		if (i == next_heading) {
			printf_(o, "## %s\n\n", PICK(r, HEADINGS));
			next_heading += between(r, 2, 5);
		}
		paragraph(r, o);
		puts_(o, "\n\n");
	}
}

static void flattened(rng *r, out *o)
{
	title(r, o);
	puts_(o, "\n");
	int points = between(r, 2, 4);
	for (int i = 0; i < points; i++) {
		puts_(o, i ? " - " : "- ");
		words(r, o, between(r, 6, 14), 1);
		puts_(o, ".");
	}
	puts_(o, "\n");
	int n = paragraph_count(r), next_heading = between(r, 1, 3);
	for (int i = 0; i < n; i++) {
		if (i > 0)
			puts_(o, " ");
		if (i == next_heading) {
			printf_(o, "### %s ", PICK(r, HEADINGS));
			next_heading += between(r, 2, 5);
		}
		paragraph(r, o);
	}
	puts_(o, "\n");
}

static void make_dir(const char *path)
{
	if (mkdir(path, 0777) != 0 && errno != EEXIST) {
		fprintf(stderr, "gen: cannot create %s: %s\n", path, strerror(errno));
		exit(1);
	}
}

static void write_file(const char *path, const out *o)
{
	FILE *f = fopen(path, "wb");
	if (!f || fwrite(o->p, 1, o->n, f) != o->n || fclose(f) != 0) {
		fprintf(stderr, "gen: cannot write %s: %s\n", path, strerror(errno));
		exit(1);
	}
}

/* Every article has its own generator seeded from (SEED, index), so an
 * article does not depend on how many came before. */
static void generate(const char *dir, long n, uint64_t seed, int flat_pct)
{
	char path[4096];
	out o = {0};
	make_dir(dir);
	for (long i = 0; i < n; i++) {
		rng r = {seed * 0x100000001b3ULL + (uint64_t)i};
		next64(&r);
		if (i % PER_FOLDER == 0) {
			snprintf(path, sizeof path, "%s/%03ld", dir, i / PER_FOLDER);
			make_dir(path);
		}
		o.n = 0;
		if ((int)below(&r, 1000) < flat_pct)
			flattened(&r, &o);
		else
			structured(&r, &o, (int)i);
		snprintf(path, sizeof path, "%s/%03ld/%06ld.txt", dir, i / PER_FOLDER, i);
		write_file(path, &o);
	}
	free(o.p);
}

static void usage(void)
{
	fprintf(stderr, "usage: gen --articles N --seed S [--flat-ratio R] [--legal-share P] OUTDIR\n"
	                "       gen --vocab\n");
	exit(2);
}

int main(int argc, char **argv)
{
	long n = -1;
	uint64_t seed = 1;
	double flat = 0.3;
	const char *dir = NULL;
	build_vocab();
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--vocab") == 0) {
			for (size_t k = 0; k < nvocab; k++)
				printf("%zu\t%s\n", k + 1, vocab[k]);
			return 0;
		} else if (strcmp(argv[i], "--articles") == 0 && i + 1 < argc) {
			n = atol(argv[++i]);
		} else if (strcmp(argv[i], "--seed") == 0 && i + 1 < argc) {
			seed = strtoull(argv[++i], NULL, 10);
		} else if (strcmp(argv[i], "--flat-ratio") == 0 && i + 1 < argc) {
			flat = atof(argv[++i]);
		} else if (strcmp(argv[i], "--legal-share") == 0 && i + 1 < argc) {
			legal_share = atoi(argv[++i]);
			if (legal_share < 0 || legal_share > 100)
				usage();
		} else if (argv[i][0] == '-' || dir) {
			usage();
		} else {
			dir = argv[i];
		}
	}
	if (n < 0 || !dir || flat < 0 || flat > 1)
		usage();
	generate(dir, n, seed, (int)(flat * 1000 + 0.5));
	return 0;
}
