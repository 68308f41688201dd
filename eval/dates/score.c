/* score.c — precision and recall of indexer/eventdate.c on a labelled set.
 *
 * Usage: dates-score [-v] FILE.tsv...   (eval/dates/README.md: the format
 * and the judging rules).  For each file, one row per class and one for
 * all: predicted spans, right ones, expected spans, found ones, precision,
 * recall.  -v also lists every passage whose answer differs, with both
 * answers.  Exit 0, or 2 when a file cannot be read or a line is malformed
 * (named with its line number).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../common/days.h"
#include "../../indexer/eventdate.h"

#define MAXSPANS 32
#define MAXCLASSES 16

struct tally {
	char name[32]; /* the class */
	int pred;      /* spans predicted */
	int pred_ok;   /* of them, expected */
	int gold;      /* spans expected */
	int gold_ok;   /* of them, predicted */
};

/* Read "-" or "A,B..C" into SPANS; returns the count, or -1 when bad. */
static int parse_expected(char *s, eventdate_span *spans)
{
	if (!strcmp(s, "-"))
		return 0;
	int n = 0;
	for (char *tok = strtok(s, ","); tok; tok = strtok(NULL, ",")) {
		char *dots = strstr(tok, "..");
		if (n == MAXSPANS)
			return -1;
		if (dots)
			*dots = '\0';
		if (days_parse_iso(tok, &spans[n].first))
			return -1;
		spans[n].last = spans[n].first;
		if (dots && days_parse_iso(dots + 2, &spans[n].last))
			return -1;
		n++;
	}
	return n;
}

static int contains(const eventdate_span *s, int n, eventdate_span x)
{
	for (int i = 0; i < n; i++)
		if (s[i].first == x.first && s[i].last == x.last)
			return 1;
	return 0;
}

static struct tally *class_of(struct tally *t, int *nt, const char *name)
{
	for (int i = 0; i < *nt; i++)
		if (!strcmp(t[i].name, name))
			return &t[i];
	if (*nt == MAXCLASSES)
		return &t[MAXCLASSES - 1];
	struct tally *c = &t[(*nt)++];
	memset(c, 0, sizeof *c);
	snprintf(c->name, sizeof c->name, "%s", name);
	return c;
}

static void print_spans(const char *label, const eventdate_span *s, int n)
{
	printf("    %s:", label);
	for (int i = 0; i < n; i++) {
		char a[11], b[11];
		days_format(s[i].first, a);
		days_format(s[i].last, b);
		printf(s[i].first == s[i].last ? " %s" : " %s..%s", a, b);
	}
	printf(n ? "\n" : " -\n");
}

/* Score one passage line into its class's tally; -1 when malformed. */
static int score_line(char *line, struct tally *t, int *nt, int verbose)
{
	char *f[5];
	for (int i = 0; i < 5; i++) {
		f[i] = strsep(&line, "\t");
		if (!f[i])
			return -1;
	}
	f[4][strcspn(f[4], "\r\n")] = '\0';
	eventdate_span gold[MAXSPANS], pred[MAXSPANS];
	int ng = parse_expected(f[3], gold), rc = 0;
	if (ng < 0)
		return -1;
	size_t np = eventdate_find(&rc, f[4], strlen(f[4]),
	                           strcmp(f[2], "-") ? f[2] : NULL, pred, MAXSPANS);
	if (rc || np > MAXSPANS)
		return -1;
	struct tally *c = class_of(t, nt, f[1]);
	int pok = 0, gok = 0;
	for (size_t i = 0; i < np; i++)
		pok += contains(gold, ng, pred[i]);
	for (int i = 0; i < ng; i++)
		gok += contains(pred, (int)np, gold[i]);
	c->pred += (int)np, c->pred_ok += pok, c->gold += ng, c->gold_ok += gok;
	if (verbose && (pok != (int)np || gok != ng)) {
		printf("  %s (%s, article %s): %s\n", f[0], f[1], f[2], f[4]);
		print_spans("expected", gold, ng);
		print_spans("found   ", pred, (int)np);
	}
	return 0;
}

static void print_row(const char *split, const struct tally *c)
{
	char p[16] = "-", r[16] = "-";
	if (c->pred)
		snprintf(p, sizeof p, "%.3f", (double)c->pred_ok / c->pred);
	if (c->gold)
		snprintf(r, sizeof r, "%.3f", (double)c->gold_ok / c->gold);
	printf("%-9s %-12s %5d %5d %5d %5d  %9s %6s\n", split, c->name, c->pred,
	       c->pred_ok, c->gold, c->gold_ok, p, r);
}

/* Score FILE and print its rows; 0, or 2 on a bad file. */
static int score_file(const char *path, int verbose)
{
	FILE *fp = fopen(path, "r");
	if (!fp) {
		fprintf(stderr, "dates-score: %s: cannot open\n", path);
		return 2;
	}
	struct tally t[MAXCLASSES], all = {"all", 0, 0, 0, 0};
	int nt = 0, lineno = 0, bad = 0;
	char line[4096];
	while (!bad && fgets(line, sizeof line, fp)) {
		lineno++;
		if (line[0] == '#' || line[0] == '\n')
			continue;
		if (score_line(line, t, &nt, verbose)) {
			fprintf(stderr, "dates-score: %s:%d: malformed line\n", path, lineno);
			bad = 1;
		}
	}
	fclose(fp);
	if (bad)
		return 2;
	const char *base = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
	char split[16];
	snprintf(split, sizeof split, "%.*s", (int)strcspn(base, "."), base);
	for (int i = 0; i < nt; i++) {
		print_row(split, &t[i]);
		all.pred += t[i].pred, all.pred_ok += t[i].pred_ok;
		all.gold += t[i].gold, all.gold_ok += t[i].gold_ok;
	}
	print_row(split, &all);
	return 0;
}

int main(int argc, char **argv)
{
	int verbose = argc > 1 && !strcmp(argv[1], "-v");
	int rc = 0;
	printf("%-9s %-12s %5s %5s %5s %5s  %9s %6s\n", "split", "class", "pred",
	       "right", "gold", "found", "precision", "recall");
	for (int i = 1 + verbose; i < argc; i++)
		rc |= score_file(argv[i], verbose);
	return rc;
}
