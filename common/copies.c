/* copies.c — fingerprints, near-duplicate signatures and wire agencies
 * (see copies.h).  Called by the indexer for every passage and article,
 * by the engine to confirm a candidate copy, and by eval/copies/score.c.
 *
 * The normalised form of a passage is its words as the tokenizer makes
 * terms, joined by single spaces, so a passage whose only changes are
 * case, quote marks, dashes, line breaks or a dateline normalises to the
 * same bytes.  Shingles are runs of COPIES_SHINGLE words of that form.
 */
#include "copies.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <xxhash.h>

#include "token.h"

#define DATELINE_MAX 90      /* bytes: a longer prefix is a sentence */
#define CREDIT_MAX_WORDS 40  /* a longer "Reporting by" passage is text */
#define CONTRIB_MAX_WORDS 30 /* "X contributed to this report." */

/* ------------------------------------------------------------ agencies */

struct agency {
	const char *key;      /* what copies_wire() returns */
	const char *tag;      /* as written in a dateline: "(AP)" */
	const char *names[3]; /* normalised words naming it (byline, credit) */
};

static const struct agency agencies[] = {
	{"ap", "AP", {"associated press", "ap", NULL}},
	{"reuters", "Reuters", {"reuters", NULL, NULL}},
	{"afp", "AFP", {"agence france presse", "afp", NULL}},
	{"upi", "UPI", {"united press international", "upi", NULL}},
	{"dpa", "dpa", {"deutsche presse agentur", "dpa", NULL}},
	{"bloomberg", "Bloomberg", {"bloomberg news", NULL, NULL}},
	{"cp", "CP", {"the canadian press", NULL, NULL}},
	{"pa", "PA", {"pa media", "press association", NULL}},
};
#define NAGENCIES (sizeof agencies / sizeof agencies[0])

/* ------------------------------------------------------------ datelines */

static int is_upper(char c) { return c >= 'A' && c <= 'Z'; }
static int is_lower(char c) { return c >= 'a' && c <= 'z'; }

/* The length of a dash separator at S[0..N) — " — ", " – ", " -- ",
 * " - ", the space before an em or en dash optional — or 0. */
static size_t dash_at(const char *s, size_t n)
{
	size_t i = (n > 0 && s[0] == ' ') ? 1 : 0, d = 0;
	if (n - i >= 3 && (memcmp(s + i, "\xe2\x80\x94", 3) == 0 ||
	                   memcmp(s + i, "\xe2\x80\x93", 3) == 0))
		d = 3;
	else if (i == 1 && n - i >= 2 && memcmp(s + i, "--", 2) == 0)
		d = 2;
	else if (i == 1 && n - i >= 1 && s[i] == '-')
		d = 1;
	if (d == 0 || i + d >= n || s[i + d] != ' ')
		return 0;
	return i + d + 1;
}

/* Whether P[0..N) can be the place-and-agency part of a dateline: "(X)"
 * alone, or no lower-case letter before the first comma or parenthesis
 * and at least two capitals there ("SAN FRANCISCO", "PORTLAND, Ore."). */
static int dateline_prefix(const char *p, size_t n)
{
	if (n < 2)
		return 0;
	if (p[0] == '(')
		return p[n - 1] == ')' && memchr(p + 1, '(', n - 1) == NULL;
	size_t caps = 0;
	for (size_t i = 0; i < n && p[i] != ',' && p[i] != '('; i++) {
		if (is_lower(p[i]))
			return 0;
		caps += is_upper(p[i]);
	}
	return caps >= 2;
}

size_t copies_dateline_end(const char *text, size_t n)
{
	size_t lim = n < DATELINE_MAX ? n : DATELINE_MAX;
	for (size_t i = 1; i < lim; i++) {
		size_t d = dash_at(text + i, n - i);
		if (d)
			return dateline_prefix(text, i) ? i + d : 0;
	}
	return 0;
}

/* The agency named in parentheses in dateline D[0..N), or NULL. */
static const struct agency *dateline_agency(const char *d, size_t n)
{
	const char *open = memchr(d, '(', n);
	const char *close = open ? memchr(open, ')', (size_t)(d + n - open)) : NULL;
	if (!close)
		return NULL;
	size_t len = (size_t)(close - open - 1);
	for (size_t i = 0; i < NAGENCIES; i++)
		if (strlen(agencies[i].tag) == len &&
		    strncasecmp(open + 1, agencies[i].tag, len) == 0)
			return &agencies[i];
	return NULL;
}

/* ------------------------------------------------------------ words */

struct words {
	int *rc;
	buf *out;
	unsigned n; /* words appended */
};

/* token_scan callback: append one term. */
static int add_word(void *ctx, const struct token *t)
{
	struct words *w = ctx;
	if (w->n++)
		buf_putc(w->rc, w->out, ' ');
	buf_append(w->rc, w->out, t->term, t->len);
	return 0;
}

/* Whether the words W[0..N) (space-separated) contain PHRASE as whole
 * words.  Cannot fail. */
static int has_phrase(const char *w, size_t n, const char *phrase)
{
	size_t k = strlen(phrase);
	for (const char *p = w; p + k <= w + n; p++) {
		p = memmem(p, (size_t)(w + n - p), phrase, k);
		if (!p)
			return 0;
		if ((p == w || p[-1] == ' ') && (p + k == w + n || p[k] == ' '))
			return 1;
	}
	return 0;
}

static int starts(const char *w, size_t n, const char *s)
{
	size_t k = strlen(s);
	return n >= k && memcmp(w, s, k) == 0 && (n == k || w[k] == ' ');
}

static int ends(const char *w, size_t n, const char *s)
{
	size_t k = strlen(s);
	return n >= k && memcmp(w + n - k, s, k) == 0 &&
	       (n == k || w[n - k - 1] == ' ');
}

/* The agency whose name is all of W[0..N), optionally after "the". */
static const struct agency *agency_alone(const char *w, size_t n)
{
	if (starts(w, n, "the") && n > 4)
		w += 4, n -= 4;
	for (size_t i = 0; i < NAGENCIES; i++)
		for (int j = 0; j < 3 && agencies[i].names[j]; j++)
			if (strlen(agencies[i].names[j]) == n &&
			    memcmp(w, agencies[i].names[j], n) == 0)
				return &agencies[i];
	return NULL;
}

/* Whether normalised words W[0..N), NW of them, are a credit or
 * boilerplate passage.  Cannot fail. */
static int boilerplate(const char *w, size_t n, unsigned nw)
{
	if (starts(w, n, "copyright") || has_phrase(w, n, "all rights reserved") ||
	    has_phrase(w, n, "may not be published broadcast rewritten or redistributed"))
		return 1;
	if (nw <= CREDIT_MAX_WORDS &&
	    (starts(w, n, "reporting by") || starts(w, n, "additional reporting by") ||
	     starts(w, n, "writing by") || starts(w, n, "editing by")))
		return 1;
	if (nw <= CONTRIB_MAX_WORDS && ends(w, n, "contributed to this report"))
		return 1;
	return agency_alone(w, n) != NULL;
}

unsigned copies_normalise(int *rc, buf *out, const char *text, size_t n)
{
	size_t d = copies_dateline_end(text, n), start = out->n;
	struct words w = {rc, out, 0};
	if (start)
		buf_putc(rc, out, ' ');
	token_scan(text + d, n - d, 1, add_word, &w);
	if (*rc)
		return 0;
	size_t from = start ? start + 1 : 0;
	if (w.n == 0 || boilerplate(out->p + from, out->n - from, w.n)) {
		out->n = start;
		if (out->p)
			out->p[start] = '\0';
		return 0;
	}
	return w.n;
}

/* ------------------------------------------------------------ signatures */

static int cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
	return x < y ? -1 : x > y;
}

/* Sort the COUNT hashes in OUT and drop repeats; returns how many are
 * left (OUT's length follows). */
static size_t sort_unique(buf *out, size_t count)
{
	uint64_t *v = (uint64_t *)(void *)out->p;
	qsort(v, count, sizeof *v, cmp_u64);
	size_t u = 0;
	for (size_t i = 0; i < count; i++)
		if (u == 0 || v[u - 1] != v[i])
			v[u++] = v[i];
	out->n = u * sizeof *v;
	return u;
}

size_t copies_shingles(int *rc, buf *out, const char *norm, size_t n,
                       unsigned k)
{
	buf_reset(out);
	size_t count = 0, w = 0; /* w: start of the shingle's first word */
	for (size_t i = 0; !*rc && n && w < n; i++) {
		size_t e = w; /* end of the K-th word from w */
		for (unsigned j = 0; j < k && e < n; j++) {
			const char *sp = memchr(norm + e + (j > 0), ' ', n - e - (j > 0));
			e = sp ? (size_t)(sp - norm) : n;
		}
		uint64_t h = XXH3_64bits(norm + w, e - w);
		buf_append(rc, out, &h, sizeof h);
		count++;
		if (e == n)
			break;
		const char *next = memchr(norm + w, ' ', n - w);
		w = (size_t)(next - norm) + 1;
	}
	if (*rc)
		return 0;
	return sort_unique(out, count);
}

/* Words too common to pick band keys from: a pair holding one ("of the",
 * "the court") recurs across unrelated passages and made their band keys
 * collide (bench corpus: band terms held by up to 27 unrelated passages,
 * each a text comparison at search time). */
static const char *const common_words[] = {
	"a", "about", "after", "all", "also", "an", "and", "are", "as", "at",
	"be", "been", "but", "by", "can", "could", "did", "do", "for", "from",
	"had", "has", "have", "he", "her", "his", "i", "if", "in", "into",
	"is", "it", "its", "last", "more", "not", "of", "on", "one", "or",
	"our", "over", "said", "says", "she", "so", "than", "that", "the",
	"their", "there", "they", "this", "to", "two", "up", "was", "we",
	"were", "what", "when", "which", "who", "will", "with", "would",
};

static int is_common(const char *w, size_t n)
{
	size_t lo = 0, hi = sizeof common_words / sizeof common_words[0];
	while (lo < hi) { /* the list is sorted */
		size_t mid = (lo + hi) / 2;
		int c = strncmp(common_words[mid], w, n);
		if (c == 0 && common_words[mid][n] == '\0')
			return 1;
		if (c == 0)
			c = 1; /* the listed word is longer: it sorts after W */
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return 0;
}

#define CONTENT_MIN 4 /* fewer content shingles: use them all */

/* The sorted distinct hashes of the K-word shingles of NORM[0..N) that
 * hold no common word, into OUT as copies_shingles() stores them; all
 * shingles when fewer than CONTENT_MIN are left.  Returns the count.
 * Sticky on *rc. */
static size_t content_shingles(int *rc, buf *out, const char *norm, size_t n,
                               unsigned k)
{
	size_t start[512], end[512], nw = 0, count = 0;
	for (size_t w = 0; w < n && nw < 512;) {
		const char *sp = memchr(norm + w, ' ', n - w);
		start[nw] = w;
		end[nw++] = sp ? (size_t)(sp - norm) : n;
		w = end[nw - 1] + 1;
	}
	buf_reset(out);
	for (size_t i = 0; i + k <= nw && !*rc; i++) {
		int common = 0;
		for (unsigned j = 0; j < k; j++)
			common |= is_common(norm + start[i + j], end[i + j] - start[i + j]);
		if (common)
			continue;
		uint64_t h = XXH3_64bits(norm + start[i], end[i + k - 1] - start[i]);
		buf_append(rc, out, &h, sizeof h);
		count++;
	}
	if (*rc)
		return 0;
	if (count < CONTENT_MIN)
		return copies_shingles(rc, out, norm, n, k);
	return sort_unique(out, count);
}

/* The splitmix64 finaliser: a cheap independent-looking permutation of X,
 * one per MinHash function when X is the shingle hash xor a seed. */
static uint64_t mix(uint64_t x)
{
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
	x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
	return x ^ (x >> 31);
}

void copies_minhash_bands(const uint64_t *shingles, size_t n,
                          unsigned bands, unsigned rows, uint64_t *keys)
{
	uint64_t row[64];
	for (unsigned b = 0; b < bands; b++) {
		for (unsigned r = 0; r < rows && r < 64; r++) {
			uint64_t seed = 0x9e3779b97f4a7c15ULL * (b * rows + r + 1), m = UINT64_MAX;
			for (size_t i = 0; i < n; i++) {
				uint64_t v = mix(shingles[i] ^ seed);
				m = v < m ? v : m;
			}
			row[r] = m;
		}
		keys[b] = XXH3_64bits_withSeed(row, rows * sizeof row[0], b);
	}
}

void copies_sign(int *rc, buf *scratch, struct copies_sig *sig,
                 const char *text, size_t n)
{
	memset(sig, 0, sizeof *sig);
	buf_reset(scratch);
	unsigned nw = copies_normalise(rc, scratch, text, n);
	if (*rc || nw < COPIES_EXACT_MIN)
		return;
	sig->words = nw;
	sig->fingerprint = XXH3_64bits(scratch->p, scratch->n) | 1;
	if (nw < COPIES_NEAR_MIN)
		return;
	buf sh = BUF_INIT;
	size_t ns = content_shingles(rc, &sh, scratch->p, scratch->n, COPIES_SHINGLE);
	if (!*rc) {
		copies_minhash_bands((const uint64_t *)(void *)sh.p, ns, COPIES_BANDS,
		                     COPIES_ROWS, sig->band);
		sig->nbands = COPIES_BANDS;
	}
	buf_free(&sh);
	if (*rc)
		memset(sig, 0, sizeof *sig);
}

/* ------------------------------------------------------------ similarity */

/* The size of the intersection of sorted sets A[0..NA) and B[0..NB). */
static size_t common(const uint64_t *a, size_t na, const uint64_t *b, size_t nb)
{
	size_t i = 0, j = 0, c = 0;
	while (i < na && j < nb) {
		if (a[i] == b[j])
			c++, i++, j++;
		else if (a[i] < b[j])
			i++;
		else
			j++;
	}
	return c;
}

int copies_similarity(const char *a, size_t an, const char *b, size_t bn,
                      double *jaccard)
{
	int rc = 0;
	buf wa = BUF_INIT, wb = BUF_INIT, sa = BUF_INIT, sb = BUF_INIT;
	copies_normalise(&rc, &wa, a, an);
	copies_normalise(&rc, &wb, b, bn);
	size_t na = wa.n ? copies_shingles(&rc, &sa, wa.p, wa.n, COPIES_SHINGLE) : 0;
	size_t nb = wb.n ? copies_shingles(&rc, &sb, wb.p, wb.n, COPIES_SHINGLE) : 0;
	*jaccard = 0;
	if (!rc && na && nb) {
		size_t c = common((const uint64_t *)(void *)sa.p, na,
		                  (const uint64_t *)(void *)sb.p, nb);
		*jaccard = (double)c / (double)(na + nb - c);
	}
	buf_free(&wa), buf_free(&wb), buf_free(&sa), buf_free(&sb);
	return rc ? -1 : 0;
}

int copies_same(const char *a, size_t an, const char *b, size_t bn)
{
	int rc = 0;
	buf s = BUF_INIT;
	struct copies_sig x, y;
	copies_sign(&rc, &s, &x, a, an);
	copies_sign(&rc, &s, &y, b, bn);
	buf_free(&s);
	if (rc)
		return -1;
	if (x.fingerprint && x.fingerprint == y.fingerprint)
		return 1;
	if (x.words < COPIES_NEAR_MIN || y.words < COPIES_NEAR_MIN)
		return 0;
	double j;
	if (copies_similarity(a, an, b, bn, &j))
		return -1;
	int lng = x.words >= COPIES_LONG && y.words >= COPIES_LONG;
	return j >= (lng ? COPIES_JACCARD : COPIES_JACCARD_SHORT);
}

int copies_text_init(struct copies_text *t, const char *text, size_t n)
{
	int rc = 0;
	buf w = BUF_INIT, sh = BUF_INIT;
	memset(t, 0, sizeof *t);
	t->words = copies_normalise(&rc, &w, text, n);
	if (t->words >= COPIES_EXACT_MIN)
		t->fingerprint = XXH3_64bits(w.p, w.n) | 1;
	t->nsh = w.n ? copies_shingles(&rc, &sh, w.p, w.n, COPIES_SHINGLE) : 0;
	t->sh = rc ? NULL : (uint64_t *)(void *)buf_steal(&rc, &sh);
	buf_free(&w), buf_free(&sh);
	if (rc)
		copies_text_free(t);
	return rc ? -1 : 0;
}

void copies_text_free(struct copies_text *t)
{
	free(t->sh);
	memset(t, 0, sizeof *t);
}

int copies_same_texts(const struct copies_text *a, const struct copies_text *b)
{
	if (a->fingerprint && a->fingerprint == b->fingerprint)
		return 1;
	if (a->words < COPIES_NEAR_MIN || b->words < COPIES_NEAR_MIN || !a->nsh || !b->nsh)
		return 0;
	size_t c = common(a->sh, a->nsh, b->sh, b->nsh);
	double j = (double)c / (double)(a->nsh + b->nsh - c);
	int lng = a->words >= COPIES_LONG && b->words >= COPIES_LONG;
	return j >= (lng ? COPIES_JACCARD : COPIES_JACCARD_SHORT);
}

/* ------------------------------------------------------------ wire */

/* The agency named by normalised words W[0..N), or NULL. */
static const struct agency *named_agency(const char *w, size_t n)
{
	for (size_t i = 0; i < NAGENCIES; i++)
		for (int j = 0; j < 3 && agencies[i].names[j]; j++)
			if (has_phrase(w, n, agencies[i].names[j]))
				return &agencies[i];
	return NULL;
}

/* The agency a credit passage TEXT[0..N) names, or NULL (also for a
 * passage that is not a credit).  Reuters' own credit names no agency:
 * "Reporting by X; Editing by Y". */
static const struct agency *credit_agency(const char *text, size_t n)
{
	int rc = 0;
	buf w = BUF_INIT, all = BUF_INIT;
	struct words ws = {&rc, &all, 0};
	token_scan(text, n, 1, add_word, &ws);
	const struct agency *ag = NULL;
	if (!rc && ws.n && copies_normalise(&rc, &w, text, n) == 0 &&
	    boilerplate(all.p, all.n, ws.n)) {
		ag = named_agency(all.p, all.n);
		if (!ag && (starts(all.p, all.n, "reporting by") ||
		            starts(all.p, all.n, "additional reporting by")) &&
		    has_phrase(all.p, all.n, "editing by"))
			ag = &agencies[1];
	}
	buf_free(&w), buf_free(&all);
	return ag;
}

/* The agency named in byline AUTHOR, or NULL. */
static const struct agency *byline_agency(const char *author)
{
	int rc = 0;
	buf all = BUF_INIT;
	struct words ws = {&rc, &all, 0};
	token_scan(author, strlen(author), 1, add_word, &ws);
	const struct agency *ag = rc || !ws.n ? NULL : named_agency(all.p, all.n);
	buf_free(&all);
	return ag;
}

const char *copies_dateline_agency(const char *text, size_t n)
{
	size_t d = copies_dateline_end(text, n);
	const struct agency *ag = d ? dateline_agency(text, d) : NULL;
	return ag ? ag->key : NULL;
}

const char *copies_credit_agency(const char *text, size_t n)
{
	const struct agency *ag = credit_agency(text, n);
	return ag ? ag->key : NULL;
}

const char *copies_byline_agency(const char *author)
{
	const struct agency *ag = byline_agency(author);
	return ag ? ag->key : NULL;
}

/* ------------------------------------------------------------ values */

static void put_be(char *out, uint64_t v, int bytes)
{
	for (int i = bytes - 1; i >= 0; i--, v >>= 8)
		out[i] = (char)(v & 0xff);
}

static uint64_t get_be(const char *in, int bytes)
{
	uint64_t v = 0;
	for (int i = 0; i < bytes; i++)
		v = v << 8 | (unsigned char)in[i];
	return v;
}

size_t copies_sig_encode(uint64_t fp, const struct copies_sig *sig, char *out)
{
	if (!fp)
		return 0;
	put_be(out, fp, 8);
	for (unsigned i = 0; i < sig->nbands; i++)
		put_be(out + 8 + 6 * i, sig->band[i] >> 16, 6);
	return 8 + 6 * (size_t)sig->nbands;
}

int copies_sig_decode(const char *v, size_t n, struct copies_sig *sig)
{
	memset(sig, 0, sizeof *sig);
	if (n < 8 || (n - 8) % 6 || (n - 8) / 6 > COPIES_BANDS)
		return -1;
	sig->fingerprint = get_be(v, 8);
	sig->nbands = (unsigned)((n - 8) / 6);
	for (unsigned i = 0; i < sig->nbands; i++)
		sig->band[i] = get_be(v + 8 + 6 * i, 6) << 16;
	return 0;
}

/* ------------------------------------------------------------ terms */

void copies_fingerprint_term(int *rc, buf *out, uint64_t fingerprint)
{
	buf_printf(rc, out, "XP%016llx", (unsigned long long)fingerprint);
}

/* Band I's key K (its 48 bits that the signature keeps) as 36 bits in six
 * characters of the URL-safe base-64 alphabet, the band mixed in: "XB" +
 * 6 characters is 8 bytes a term where "XB" + digit + 12 hex was 15, on
 * four terms a passage (schema 6).  36 bits leave about two chance
 * collisions per band at 240,000 passages, each only a candidate that
 * the texts then reject. */
void copies_band_term(int *rc, buf *out, unsigned i, uint64_t key)
{
	static const char b64[] =
		"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
	uint64_t in[2] = {i, key >> 16};
	uint64_t h = XXH3_64bits(in, sizeof in);
	char t[9] = "XB";
	for (int k = 0; k < 6; k++)
		t[2 + k] = b64[(h >> (6 * k)) & 63];
	t[8] = 0;
	buf_append(rc, out, t, 8);
}
