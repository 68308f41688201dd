/* trec-score.c — score a TREC run file against relevance judgments.
 *
 * Owns the arithmetic behind `make eval`: eval/run and eval/sweep call it
 * once per run and read its output; eval/t-eval.sh checks it against
 * hand-computed figures.  It is a standalone program (libc and libm only)
 * so that it can be trusted independently of the library it measures.
 *
 *     trec-score [-q] [--queries odd|even|all] QRELS RUN
 *
 * QRELS is either TREC's "qid iter docid grade" (4 fields) or BEIR's tsv
 * "query-id corpus-id score" (3 fields, the first line a header); each line
 * is recognised by its number of fields.  RUN is "qid Q0 docid rank score
 * tag" (fields past the sixth ignored).  Blank lines and lines starting with
 * '#' are skipped silently; any other line that does not fit is skipped with
 * a warning on stderr naming the file and line.
 *
 * The meaning follows trec_eval 9 run with -c (and the default relevance
 * level 1), so figures compare with published ones:
 *   - Queries are those in QRELS (after --queries).  A query absent from
 *     RUN scores 0 on every measure and still counts in the mean; queries
 *     found only in RUN are ignored.  A query whose judgments are all below
 *     grade 1 scores 0 everywhere (trec_eval does the same).
 *   - The rank field of RUN is ignored.  Each query's results are ordered by
 *     score, highest first; equal scores are ordered by docid in descending
 *     strcmp() order ("d9" before "d10" before "d1").  This is trec_eval's
 *     order, so ties break the same way.
 *   - A docid repeated within one query keeps its FIRST line in the file
 *     and each later one is dropped with a warning.  (trec_eval refuses such
 *     a run: it stops with "duplicate docs".)  A repeated qrels judgment
 *     likewise keeps its first line.
 *   - A document is relevant when its grade is >= 1; unjudged means 0.
 *   - ndcg_cut_10: DCG = sum over ranks r = 1..10 of grade / log2(r + 1),
 *     counting only grades > 0; the ideal DCG puts the query's positive
 *     grades from QRELS in descending order, cut at 10.  nDCG = DCG/ideal.
 *   - recall_100, recall_1000: relevant documents in the first 100 / 1000
 *     ranks divided by all relevant documents in QRELS.
 *   - map: the sum of precision at the rank of each relevant document
 *     retrieved (at any depth), divided by all relevant documents in QRELS.
 *   - P_10: relevant documents in the first 10 ranks, divided by 10;
 *     P_5 the same for the first 5 (trec_eval's P_5).
 *   - answer_3: 1 when a document of grade >= 2 (an answer, in graded
 *     judgments such as eval/passages/qrels.txt) is in the first 3 ranks,
 *     else 0; the mean is the share of queries answered in the top 3.  Not a
 *     trec_eval measure: with grade-1-only judgments it is always 0.
 *
 * --queries odd|even keeps only the qids whose last character is an odd /
 * even digit (the numeric parity of a numeric qid); a qid not ending in a
 * digit is in neither half.  This is the tuning split: tune on odd, report
 * odd, even and all.
 *
 * Output, trec_eval style, four decimals: with -q one line "measure<TAB>qid
 * <TAB>value" per measure and query first, then "measure<TAB>all<TAB>mean"
 * lines, starting with num_q (the number of queries averaged).
 * Exit status: 0 when it scored; 1 when a file cannot be read, memory runs
 * out or no query is left to score; 2 on a usage error.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct judgment {
	const char *qid;   /* points into the qrels text */
	const char *docid; /* points into the qrels text */
	long grade;        /* relevance grade; >= 1 is relevant */
	size_t line;       /* 1-based line number, for warnings and "first wins" */
} judgment;

typedef struct result {
	const char *qid;   /* points into the run text */
	const char *docid; /* points into the run text */
	double score;      /* higher ranks first */
	size_t line;       /* 1-based line number in the run */
} result;

typedef struct scores {
	double ndcg10, r100, r1000, map, p10; /* one query's (or the mean) figures */
	double p5, answer3;                   /* P_5; 1 if a grade-2 document is in the top 3 */
} scores;

typedef struct table {
	void *v;     /* judgment[] or result[] */
	size_t n;    /* entries in use */
	size_t cap;  /* entries allocated */
	char *text;  /* the file's bytes, which the entries point into */
} table;

enum { SPLIT_ALL, SPLIT_ODD, SPLIT_EVEN };

#define MAX_FIELDS 8

/* Read PATH whole into a NUL-terminated buffer; NULL (with a message on
 * stderr) when it cannot be read. */
static char *slurp(const char *path)
{
	FILE *f = fopen(path, "rb");
	char *p = NULL;
	size_t n = 0, cap = 0, got;
	if (!f) {
		fprintf(stderr, "trec-score: %s: %s\n", path, strerror(errno));
		return NULL;
	}
	do {
		if (cap - n < 65536) {
			char *q = realloc(p, cap = cap * 2 + 65536 + 1);
			if (!q) {
				free(p);
				fclose(f);
				fprintf(stderr, "trec-score: out of memory\n");
				return NULL;
			}
			p = q;
		}
		got = fread(p + n, 1, cap - n - 1, f);
		n += got;
	} while (got > 0);
	if (ferror(f)) {
		fprintf(stderr, "trec-score: %s: read error\n", path);
		free(p);
		p = NULL;
	} else {
		p[n] = '\0';
	}
	fclose(f);
	return p;
}

/* Cut LINE into whitespace-separated fields in place; store at most
 * MAX_FIELDS pointers in F and return how many fields there are. */
static int split(char *line, char **f)
{
	int nf = 0;
	char *p = line;
	for (;;) {
		while (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\v' || *p == '\f')
			p++;
		if (!*p)
			return nf;
		if (nf < MAX_FIELDS)
			f[nf] = p;
		nf++;
		while (*p && *p != ' ' && *p != '\t' && *p != '\r' && *p != '\v' && *p != '\f')
			p++;
		if (*p)
			*p++ = '\0';
	}
}

/* Make room for one more entry of SIZE bytes; 0 on success, -1 when out of
 * memory. */
static int grow(table *t, size_t size)
{
	void *v;
	if (t->n < t->cap)
		return 0;
	v = realloc(t->v, (t->cap = t->cap * 2 + 64) * size);
	if (!v)
		return -1;
	t->v = v;
	return 0;
}

/* Parse S whole as a decimal integer into *OUT; 0 on success. */
static int parse_long(const char *s, long *out)
{
	char *end;
	errno = 0;
	*out = strtol(s, &end, 10);
	return (end == s || *end || errno) ? -1 : 0;
}

/* Parse S whole as a finite number into *OUT; 0 on success. */
static int parse_double(const char *s, double *out)
{
	char *end;
	errno = 0;
	*out = strtod(s, &end);
	return (end == s || *end || errno || !isfinite(*out)) ? -1 : 0;
}

/* Call FN on every line of TEXT (cut in place) that is neither blank nor a
 * '#' comment, with its fields; stops and returns -1 when FN does. */
static int each_line(char *text, int (*fn)(void *, size_t, char **, int), void *arg)
{
	size_t lineno = 0;
	char *p = text, *f[MAX_FIELDS];
	while (*p) {
		char *nl = strchr(p, '\n'), *line = p;
		int nf;
		if (nl)
			*nl = '\0';
		p = nl ? nl + 1 : p + strlen(p);
		lineno++;
		nf = split(line, f);
		if (nf == 0 || f[0][0] == '#')
			continue;
		if (fn(arg, lineno, f, nf) < 0)
			return -1;
	}
	return 0;
}

typedef struct loader {
	table *t;          /* where entries go */
	const char *path;  /* for warnings */
	int seen;          /* content lines seen so far */
} loader;

static int add_judgment(void *arg, size_t lineno, char **f, int nf)
{
	loader *ld = arg;
	judgment *j;
	long grade;
	int first = ld->seen++ == 0;
	if ((nf != 3 && nf != 4) || parse_long(f[nf - 1], &grade) < 0) {
		if (first && nf == 3)
			return 0; /* the BEIR header "query-id corpus-id score" */
		fprintf(stderr, "trec-score: %s:%zu: skipped: not 'qid 0 docid grade' "
		        "or 'qid docid grade'\n", ld->path, lineno);
		return 0;
	}
	if (grow(ld->t, sizeof(judgment)) < 0)
		return -1;
	j = (judgment *)ld->t->v + ld->t->n++;
	j->qid = f[0];
	j->docid = f[nf - 2];
	j->grade = grade;
	j->line = lineno;
	return 0;
}

static int add_result(void *arg, size_t lineno, char **f, int nf)
{
	loader *ld = arg;
	result *r;
	double score;
	if (nf < 6 || parse_double(f[4], &score) < 0) {
		fprintf(stderr, "trec-score: %s:%zu: skipped: not 'qid Q0 docid rank "
		        "score tag'\n", ld->path, lineno);
		return 0;
	}
	if (grow(ld->t, sizeof(result)) < 0)
		return -1;
	r = (result *)ld->t->v + ld->t->n++;
	r->qid = f[0];
	r->docid = f[2];
	r->score = score;
	r->line = lineno;
	return 0;
}

/* Read PATH into T with ADD; 0 on success, -1 (reported) on failure. */
static int load(table *t, const char *path, int (*add)(void *, size_t, char **, int))
{
	loader ld = {t, path, 0};
	if (!(t->text = slurp(path)))
		return -1;
	if (each_line(t->text, add, &ld) < 0) {
		fprintf(stderr, "trec-score: out of memory\n");
		return -1;
	}
	return 0;
}

/* qsort orders: by (qid, docid, line) for both kinds of entry. */
static int cmp_judgment(const void *a, const void *b)
{
	const judgment *x = a, *y = b;
	int c = strcmp(x->qid, y->qid);
	if (!c)
		c = strcmp(x->docid, y->docid);
	return c ? c : (x->line > y->line) - (x->line < y->line);
}

static int cmp_result(const void *a, const void *b)
{
	const result *x = a, *y = b;
	int c = strcmp(x->qid, y->qid);
	if (!c)
		c = strcmp(x->docid, y->docid);
	return c ? c : (x->line > y->line) - (x->line < y->line);
}

/* trec_eval's ranking: score descending, then docid descending. */
static int cmp_rank(const void *a, const void *b)
{
	const result *x = a, *y = b;
	if (x->score != y->score)
		return x->score > y->score ? -1 : 1;
	return strcmp(y->docid, x->docid);
}

static int cmp_grade_desc(const void *a, const void *b)
{
	long x = *(const long *)a, y = *(const long *)b;
	return (x < y) - (x > y);
}

/* Sort the judgments and drop repeats of (qid, docid), keeping the first
 * line; warns about each one dropped. */
static void dedup_judgments(table *t, const char *path)
{
	judgment *j = t->v;
	size_t i, out = 0;
	if (t->n)
		qsort(j, t->n, sizeof *j, cmp_judgment);
	for (i = 0; i < t->n; i++) {
		if (out && !strcmp(j[out - 1].qid, j[i].qid) &&
		    !strcmp(j[out - 1].docid, j[i].docid)) {
			fprintf(stderr, "trec-score: %s:%zu: skipped: query %s doc %s "
			        "already judged on line %zu\n", path, j[i].line,
			        j[i].qid, j[i].docid, j[out - 1].line);
			continue;
		}
		j[out++] = j[i];
	}
	t->n = out;
}

/* The same for the run: the first line of a repeated docid wins. */
static void dedup_results(table *t, const char *path)
{
	result *r = t->v;
	size_t i, out = 0;
	if (t->n)
		qsort(r, t->n, sizeof *r, cmp_result);
	for (i = 0; i < t->n; i++) {
		if (out && !strcmp(r[out - 1].qid, r[i].qid) &&
		    !strcmp(r[out - 1].docid, r[i].docid)) {
			fprintf(stderr, "trec-score: %s:%zu: skipped: query %s doc %s "
			        "already ranked on line %zu\n", path, r[i].line,
			        r[i].qid, r[i].docid, r[out - 1].line);
			continue;
		}
		r[out++] = r[i];
	}
	t->n = out;
}

/* The grade of DOCID among the N judgments J of one query (sorted by
 * docid); 0 when unjudged. */
static long grade_of(const judgment *j, size_t n, const char *docid)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(j[mid].docid, docid);
		if (!c)
			return j[mid].grade;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return 0;
}

/* The ideal DCG at 10 of one query's NJ judgments J; GRADES has room for
 * NJ entries.  Only grades > 0 count. */
static double ideal_dcg10(const judgment *j, size_t nj, long *grades)
{
	size_t i, n = 0;
	double dcg = 0;
	for (i = 0; i < nj; i++)
		if (j[i].grade > 0)
			grades[n++] = j[i].grade;
	qsort(grades, n, sizeof *grades, cmp_grade_desc);
	for (i = 0; i < n && i < 10; i++)
		dcg += (double)grades[i] / log2((double)i + 2);
	return dcg;
}

/* Score one query: its NJ judgments J (sorted by docid) against its NR
 * results R, which this sorts into rank order.  GRADES is scratch space
 * for NJ longs. */
static scores score_query(const judgment *j, size_t nj, result *r, size_t nr,
                          long *grades)
{
	scores s = {0, 0, 0, 0, 0, 0, 0};
	double dcg = 0, idcg = ideal_dcg10(j, nj, grades), ap = 0;
	size_t i, num_rel = 0, found = 0;
	for (i = 0; i < nj; i++)
		num_rel += j[i].grade >= 1;
	if (nr)
		qsort(r, nr, sizeof *r, cmp_rank);
	for (i = 0; i < nr; i++) {
		long g = grade_of(j, nj, r[i].docid);
		if (g < 1)
			continue;
		found++;
		if (i < 3 && g >= 2)
			s.answer3 = 1;
		if (i < 5)
			s.p5 += 1;
		if (i < 10) {
			dcg += (double)g / log2((double)i + 2);
			s.p10 += 1;
		}
		if (i < 100)
			s.r100 += 1;
		if (i < 1000)
			s.r1000 += 1;
		ap += (double)found / (double)(i + 1);
	}
	s.ndcg10 = idcg > 0 ? dcg / idcg : 0;
	s.p10 /= 10;
	s.p5 /= 5;
	if (num_rel) {
		s.r100 /= (double)num_rel;
		s.r1000 /= (double)num_rel;
		s.map = ap / (double)num_rel;
	} else {
		s.r100 = s.r1000 = s.map = 0;
	}
	return s;
}

/* Whether QID belongs to the chosen half of the split. */
static int in_split(const char *qid, int split_kind)
{
	size_t n = strlen(qid);
	int last = n ? (unsigned char)qid[n - 1] : 0;
	if (split_kind == SPLIT_ALL)
		return 1;
	if (last < '0' || last > '9')
		return 0;
	return ((last - '0') % 2 == 1) == (split_kind == SPLIT_ODD);
}

static void print_scores(const char *qid, const scores *s)
{
	printf("ndcg_cut_10\t%s\t%.4f\n", qid, s->ndcg10);
	printf("recall_100\t%s\t%.4f\n", qid, s->r100);
	printf("recall_1000\t%s\t%.4f\n", qid, s->r1000);
	printf("map\t%s\t%.4f\n", qid, s->map);
	printf("P_10\t%s\t%.4f\n", qid, s->p10);
	printf("P_5\t%s\t%.4f\n", qid, s->p5);
	printf("answer_3\t%s\t%.4f\n", qid, s->answer3);
}

/* Walk the queries of QRELS (both tables sorted by qid) and print; returns
 * the number of queries scored, or -1 when out of memory. */
static long score_all(table *qrels, table *run, int split_kind, int per_query)
{
	judgment *j = qrels->v;
	result *r = run->v;
	size_t qi = 0, ri = 0;
	long nq = 0;
	scores sum = {0, 0, 0, 0, 0, 0, 0};
	long *grades = malloc((qrels->n ? qrels->n : 1) * sizeof *grades);
	if (!grades)
		return -1;
	while (qi < qrels->n) {
		const char *qid = j[qi].qid;
		size_t qe = qi, re;
		scores s;
		while (qe < qrels->n && !strcmp(j[qe].qid, qid))
			qe++;
		while (ri < run->n && strcmp(r[ri].qid, qid) < 0)
			ri++;
		for (re = ri; re < run->n && !strcmp(r[re].qid, qid); re++)
			;
		if (in_split(qid, split_kind)) {
			s = score_query(j + qi, qe - qi, r + ri, re - ri, grades);
			if (per_query)
				print_scores(qid, &s);
			sum.ndcg10 += s.ndcg10;
			sum.r100 += s.r100;
			sum.r1000 += s.r1000;
			sum.map += s.map;
			sum.p10 += s.p10;
			sum.p5 += s.p5;
			sum.answer3 += s.answer3;
			nq++;
		}
		qi = qe;
		ri = re;
	}
	free(grades);
	if (nq) {
		sum.ndcg10 /= nq;
		sum.r100 /= nq;
		sum.r1000 /= nq;
		sum.map /= nq;
		sum.p10 /= nq;
		sum.p5 /= nq;
		sum.answer3 /= nq;
		printf("num_q\tall\t%ld\n", nq);
		print_scores("all", &sum);
	}
	return nq;
}

static int usage(void)
{
	fprintf(stderr, "usage: trec-score [-q] [--queries odd|even|all] QRELS RUN\n");
	return 2;
}

int main(int argc, char **argv)
{
	int per_query = 0, split_kind = SPLIT_ALL, i, rc = 1;
	const char *files[2];
	int nfiles = 0;
	table qrels = {NULL, 0, 0, NULL}, run = {NULL, 0, 0, NULL};
	long nq;

	for (i = 1; i < argc; i++) {
		const char *a = argv[i], *v = NULL;
		if (!strcmp(a, "-q")) {
			per_query = 1;
		} else if (!strcmp(a, "--queries") && i + 1 < argc) {
			v = argv[++i];
		} else if (!strncmp(a, "--queries=", 10)) {
			v = a + 10;
		} else if (a[0] == '-' && a[1]) {
			return usage();
		} else if (nfiles < 2) {
			files[nfiles++] = a;
		} else {
			return usage();
		}
		if (v && !strcmp(v, "odd"))
			split_kind = SPLIT_ODD;
		else if (v && !strcmp(v, "even"))
			split_kind = SPLIT_EVEN;
		else if (v && strcmp(v, "all"))
			return usage();
	}
	if (nfiles != 2)
		return usage();

	if (load(&qrels, files[0], add_judgment) == 0 &&
	    load(&run, files[1], add_result) == 0) {
		dedup_judgments(&qrels, files[0]);
		dedup_results(&run, files[1]);
		nq = score_all(&qrels, &run, split_kind, per_query);
		if (nq < 0)
			fprintf(stderr, "trec-score: out of memory\n");
		else if (nq == 0)
			fprintf(stderr, "trec-score: %s: no query to score\n", files[0]);
		else
			rc = 0;
	}
	free(qrels.v);
	free(qrels.text);
	free(run.v);
	free(run.text);
	if (fflush(stdout) != 0)
		rc = 1;
	return rc;
}
