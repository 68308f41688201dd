/* score.c — score indexer/quotes.c against the labelled set (README.md).
 *
 *   score [-v] [--min P,R,A] FILE...
 *
 * For each FILE (dev.txt, test.txt) it runs quotes_find() over every
 * article, matches the quotes it reports against the labelled ones, and
 * prints detection precision and recall and attribution accuracy, overall
 * and per style, then how many of each kind of negative were reported.
 * -v also lists every miss, false positive and wrong speaker (for tuning
 * on dev).  --min makes the exit status 1 when a FILE falls below any of
 * the three figures; a labelled quote that is not in its paragraph is a
 * labelling error (exit 2).  Linked with the static library for quotes.c.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../indexer/quotes.h"

#define MAX_TAGS 24

struct label {
	char *tags;    /* comma list */
	char *speaker; /* expected speaker ("" for a negative) */
	char *text;    /* the quoted text */
	int negative;  /* a "!" line */
	int matched;   /* matched by a reported quote */
};

struct para {
	char *text;
	struct label *l;
	size_t nl;
};

struct tally {
	char tag[48];   /* style */
	int labelled;   /* quotes (or negatives) with the tag */
	int found;      /* matched (negatives: reported) */
	int attributed; /* matched with a labelled speaker */
	int correct;    /* … whose speaker was right */
};

static struct tally tallies[MAX_TAGS * 2];
static size_t ntallies;
static int verbose;

static void *xrealloc(void *p, size_t n)
{
	p = realloc(p, n);
	if (!p) {
		fputs("score: out of memory\n", stderr);
		exit(2);
	}
	return p;
}

static char *xstrdup(const char *s)
{
	return strcpy(xrealloc(NULL, strlen(s) + 1), s);
}

/* The tally for TAG (negatives prefixed "!"), created on first use. */
static struct tally *tally(const char *tag)
{
	for (size_t i = 0; i < ntallies; i++)
		if (!strcmp(tallies[i].tag, tag))
			return &tallies[i];
	if (ntallies == sizeof tallies / sizeof *tallies) {
		fprintf(stderr, "score: too many styles\n");
		exit(2);
	}
	struct tally *t = &tallies[ntallies++];
	memset(t, 0, sizeof *t);
	snprintf(t->tag, sizeof t->tag, "%s", tag);
	return t;
}

/* Copy of S with curly marks and apostrophes made straight, trimmed of
 * spaces and punctuation at both ends. */
static char *normal(const char *s, size_t n)
{
	char *out = xrealloc(NULL, n + 1);
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == 0xE2 && i + 2 < n && (unsigned char)s[i + 1] == 0x80) {
			unsigned char d = (unsigned char)s[i + 2];
			if (d == 0x98 || d == 0x99) { out[k++] = '\''; i += 2; continue; }
			if (d == 0x9C || d == 0x9D) { out[k++] = '"'; i += 2; continue; }
		}
		out[k++] = (char)c;
	}
	out[k] = '\0';
	size_t a = 0;
	while (out[a] && (isspace((unsigned char)out[a]) || ispunct((unsigned char)out[a])))
		a++;
	while (k > a && (isspace((unsigned char)out[k - 1]) || ispunct((unsigned char)out[k - 1])))
		k--;
	memmove(out, out + a, k - a);
	out[k - a] = '\0';
	return out;
}

/* Whether word W (lower-case, possessive dropped) is a word of S. */
static int has_word(const char *s, const char *w)
{
	char *copy = normal(s, strlen(s)), *save = NULL;
	int found = 0;
	for (char *tok = strtok_r(copy, " ", &save); tok && !found; tok = strtok_r(NULL, " ", &save)) {
		size_t n = strlen(tok);
		if (n > 2 && tok[n - 2] == '\'' && tok[n - 1] == 's')
			tok[n - 2] = '\0';
		else if (n > 1 && tok[n - 1] == '\'')
			tok[n - 1] = '\0';
		for (char *c = tok; *c; c++)
			*c = (char)tolower((unsigned char)*c);
		found = !strcmp(tok, w);
	}
	free(copy);
	return found;
}

/* The judging rule: persons exactly (case-insensitive), roles,
 * organisations and documents by their words. */
static int speaker_ok(const struct label *l, const char *got)
{
	char *want = normal(l->speaker, strlen(l->speaker));
	char *have = normal(got, strlen(got));
	char *save = NULL;
	int ok = !strcasecmp(want, have);
	if (!ok && (strstr(l->tags, "role") || strstr(l->tags, "org") ||
	            strstr(l->tags, "document")) && *have) {
		ok = 1;
		for (char *w = strtok_r(want, " ", &save); w && ok; w = strtok_r(NULL, " ", &save)) {
			size_t n = strlen(w);
			if (n > 2 && w[n - 2] == '\'' && w[n - 1] == 's')
				w[n - 2] = '\0';
			else if (n > 1 && w[n - 1] == '\'')
				w[n - 1] = '\0';
			for (char *c = w; *c; c++)
				*c = (char)tolower((unsigned char)*c);
			ok = has_word(got, w);
		}
	}
	free(want);
	free(have);
	return ok;
}

/* Count label L (matched or not, speaker right or not) in each of its
 * styles. */
static void count(const struct label *l, int found, int attributed, int correct)
{
	char *tags = xstrdup(l->tags);
	for (char *t = strtok(tags, ","); t; t = strtok(NULL, ",")) {
		char name[40];
		snprintf(name, sizeof name, "%s%s", l->negative ? "!" : "", t);
		struct tally *y = tally(name);
		y->labelled++;
		y->found += found;
		y->attributed += attributed;
		y->correct += correct;
	}
	free(tags);
}

struct totals {
	int reported, matched, labelled, attributed, correct;
};

/* Match the reported quotes Q of paragraph P against its labels. */
static void judge(struct para *P, const struct quote_list *q, const char *id,
                  struct totals *tot)
{
	for (size_t i = 0; i < q->n; i++) {
		char *got = normal(P->text + q->q[i].start, q->q[i].end - q->q[i].start);
		struct label *hit = NULL;
		for (size_t k = 0; k < P->nl && !hit; k++) {
			char *want = normal(P->l[k].text, strlen(P->l[k].text));
			if (!P->l[k].matched && !strcmp(want, got))
				hit = &P->l[k];
			free(want);
		}
		tot->reported++;
		if (hit && !hit->negative) {
			hit->matched = 1;
			tot->matched++;
			int has = *hit->speaker != '\0';
			int ok = has && speaker_ok(hit, q->q[i].speaker);
			tot->attributed += has;
			tot->correct += ok;
			count(hit, 1, has, ok);
			if (verbose && has && !ok)
				printf("  %s: speaker '%s' (want '%s'): %.60s\n", id, q->q[i].speaker,
				       hit->speaker, got);
		} else {
			if (hit) {
				hit->matched = 1;
				count(hit, 1, 0, 0);
			}
			if (verbose)
				printf("  %s: false positive [%s] '%s': %.70s\n", id,
				       q->q[i].cue, q->q[i].speaker, got);
		}
		free(got);
	}
	for (size_t k = 0; k < P->nl; k++) {
		if (P->l[k].matched)
			continue;
		count(&P->l[k], 0, 0, 0);
		if (!P->l[k].negative) {
			if (verbose)
				printf("  %s: missed [%s]: %.70s\n", id, P->l[k].tags, P->l[k].text);
		}
	}
	for (size_t k = 0; k < P->nl; k++)
		tot->labelled += !P->l[k].negative;
}

/* Run the rules over the article PARAS[0..N) and judge it. */
static void score_article(struct para *paras, size_t n, const char *id,
                          struct totals *tot)
{
	struct quote_input *in = calloc(n ? n : 1, sizeof *in);
	struct quote_list *out = calloc(n ? n : 1, sizeof *out);
	if (!in || !out) {
		fputs("score: out of memory\n", stderr);
		exit(2);
	}
	for (size_t i = 0; i < n; i++)
		in[i] = (struct quote_input){paras[i].text, strlen(paras[i].text), (int)i + 1};
	int rc = 0;
	quotes_find(&rc, in, n, out);
	if (rc) {
		fprintf(stderr, "score: %s: quotes_find failed (%d)\n", id, rc);
		exit(2);
	}
	for (size_t i = 0; i < n; i++) {
		char where[64];
		snprintf(where, sizeof where, "%s ¶%zu", id, i + 1);
		judge(&paras[i], &out[i], where, tot);
		quote_list_clear(&out[i]);
	}
	free(in);
	free(out);
}

/* Split "TAGS | SPEAKER | TEXT" (or "TAGS | TEXT" for a negative) into L. */
static void parse_label(char *line, int negative, struct label *l, const char *file,
                        int lineno)
{
	char *f[3] = {NULL, NULL, NULL};
	int nf = 0;
	for (char *s = line; nf < 3; nf++) {
		f[nf] = s;
		char *bar = nf < (negative ? 1 : 2) ? strstr(s, " | ") : NULL;
		if (!bar)
			break;
		*bar = '\0';
		s = bar + 3;
	}
	if (nf != (negative ? 1 : 2)) {
		fprintf(stderr, "%s:%d: malformed label\n", file, lineno);
		exit(2);
	}
	memset(l, 0, sizeof *l);
	l->negative = negative;
	l->tags = xstrdup(f[0]);
	l->speaker = xstrdup(negative ? "" : f[1]);
	l->text = xstrdup(negative ? f[1] : f[2]);
}

static void free_paras(struct para *p, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		for (size_t k = 0; k < p[i].nl; k++) {
			free(p[i].l[k].tags);
			free(p[i].l[k].speaker);
			free(p[i].l[k].text);
		}
		free(p[i].l);
		free(p[i].text);
	}
}

/* Score one file; returns its totals. */
static struct totals score_file(const char *file)
{
	FILE *f = fopen(file, "r");
	if (!f) {
		perror(file);
		exit(2);
	}
	struct totals tot = {0, 0, 0, 0, 0};
	struct para *paras = NULL;
	size_t n = 0;
	char id[64] = "", *line = NULL;
	size_t cap = 0;
	int lineno = 0;
	for (ssize_t len; (len = getline(&line, &cap, f)) >= 0;) {
		lineno++;
		while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
			line[--len] = '\0';
		if (len == 0 || line[0] == '#')
			continue;
		if (!strncmp(line, "=== ", 4)) {
			if (n)
				score_article(paras, n, id, &tot);
			free_paras(paras, n);
			n = 0;
			sscanf(line + 4, "%63s", id);
		} else if ((line[0] == '@' || line[0] == '!') && line[1] == ' ') {
			if (!n) {
				fprintf(stderr, "%s:%d: label before any paragraph\n", file, lineno);
				exit(2);
			}
			struct para *P = &paras[n - 1];
			P->l = xrealloc(P->l, (P->nl + 1) * sizeof *P->l);
			parse_label(line + 2, line[0] == '!', &P->l[P->nl], file, lineno);
			if (!strstr(P->text, P->l[P->nl].text)) {
				fprintf(stderr, "%s:%d: labelled text is not in its paragraph\n", file, lineno);
				exit(2);
			}
			P->nl++;
		} else {
			paras = xrealloc(paras, (n + 1) * sizeof *paras);
			paras[n++] = (struct para){xstrdup(line), NULL, 0};
		}
	}
	if (n)
		score_article(paras, n, id, &tot);
	free_paras(paras, n);
	free(paras);
	free(line);
	fclose(f);
	return tot;
}

static double ratio(int a, int b)
{
	return b ? (double)a / b : 1.0;
}

/* Print the per-style table of the file just scored. */
static void report(const char *file, const struct totals *t)
{
	printf("%s: detection P %.3f (%d/%d) R %.3f (%d/%d); attribution %.3f (%d/%d)\n",
	       file, ratio(t->matched, t->reported), t->matched, t->reported,
	       ratio(t->matched, t->labelled), t->matched, t->labelled,
	       ratio(t->correct, t->attributed), t->correct, t->attributed);
	printf("  %-12s %5s %6s %7s %9s\n", "style", "n", "found", "recall", "speaker");
	for (size_t i = 0; i < ntallies; i++) {
		const struct tally *y = &tallies[i];
		if (y->tag[0] == '!')
			continue;
		printf("  %-12s %5d %6d %7.3f %4d/%-4d %.3f\n", y->tag, y->labelled, y->found,
		       ratio(y->found, y->labelled), y->correct, y->attributed,
		       ratio(y->correct, y->attributed));
	}
	for (size_t i = 0; i < ntallies; i++)
		if (tallies[i].tag[0] == '!')
			printf("  negative %-10s %d of %d reported\n", tallies[i].tag + 1,
			       tallies[i].found, tallies[i].labelled);
}

int main(int argc, char **argv)
{
	double min[3] = {0, 0, 0};
	int i = 1, status = 0;
	for (; i < argc && argv[i][0] == '-'; i++) {
		if (!strcmp(argv[i], "-v"))
			verbose = 1;
		else if (!strcmp(argv[i], "--min") && i + 1 < argc &&
		         sscanf(argv[i + 1], "%lf,%lf,%lf", &min[0], &min[1], &min[2]) == 3)
			i++;
		else {
			fprintf(stderr, "usage: score [-v] [--min P,R,A] FILE...\n");
			return 2;
		}
	}
	for (; i < argc; i++) {
		ntallies = 0;
		struct totals t = score_file(argv[i]);
		report(argv[i], &t);
		if (ratio(t.matched, t.reported) < min[0] || ratio(t.matched, t.labelled) < min[1] ||
		    ratio(t.correct, t.attributed) < min[2])
			status = 1;
	}
	return status;
}
