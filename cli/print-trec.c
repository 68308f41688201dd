/* print-trec.c — the trec format: a TREC run, one line per hit
 * "QID Q0 DOCNO RANK SCORE docket" (DOCNO the article id), as trec_eval
 * and eval/ read it.  Search only: a shown passage is not a ranked run.
 * Made by printer_trec (printer.h), for cli/cmd-search.c.
 */
#include <stdio.h>

#include "printer.h"

/* Writes the run line of each hit; returns 0 (write errors are left to
 * the command's check of stdout). */
static int trec_hits(const struct printer *p, const struct hit_view *v,
                     size_t n)
{
	for (size_t i = 0; i < n; i++) {
		fputs(p->o.qid, stdout);
		fputs(" Q0 ", stdout);
		put_escaped(stdout, v[i].field[DOCKET_FIELD_ARTICLE_ID]);
		printf(" %zu %.6f docket\n", v[i].rank, v[i].score);
	}
	return 0;
}

struct printer printer_trec(const struct print_opts *o)
{
	return (struct printer){"trec", *o, trec_hits, NULL, NULL, NULL, NULL, 0};
}
