/* query.h — the query and its hits (struct docket_query, docket_hit), shared
 * by searcher/query.c (running) and searcher/hits.c (reading hits).
 */
#ifndef DOCKET_QUERY_H
#define DOCKET_QUERY_H

#include "../common/record.h"
#include "../docket.h"
#include "../engine/engine.h"
#include "highlight.h"

/* One quotation of a hit's passage (record.h's REC_QUOTES, read back). */
struct hit_quote {
	size_t start, end;       /* bytes of the quoted words in TEXT */
	size_t start_cp, end_cp; /* the same as code-point offsets */
	char *speaker;           /* canonical speaker, "" when unknown */
	char *cue;               /* "said", "according to", "" */
	char *key;               /* grouping key (common/quotekey.h), lazily */
};

struct docket_hit {
	char *field[DOCKET_FIELD_LAST]; /* NUL-terminated; CITATION lazily */
	struct record rec;              /* the record, pointing into DATA */
	char *data;                     /* the document data (owned) */
	double score;
	size_t rank;                    /* 1-based, offset included */
	int paragraph;
	int part;                       /* piece of a cut paragraph, or 0 */
	int ordinal;
	char **sources;                 /* credited sources */
	size_t nsources;
	char **legal[5];                /* DOCKET_LIST_CASES.._RECORD_CITES, aliased;
	                                 * the first four lazily */
	size_t nlegal[5];
	int lists_read;                 /* legal[0..3] read (hits.c) */
	docket_query *q;                /* the owner, for the lazy reads */
	char **events;                  /* event dates, YYYY-MM-DD */
	size_t nevents;
	struct span *hl;                /* highlights in TEXT */
	size_t nhl;
	size_t snip_start, snip_end;    /* the snippet window in TEXT */
	char *cite[DOCKET_CITE_LAST];   /* formatted citations, lazily */
	char **explain;                 /* score parts (DOCKET_QUERY_EXPLAIN) */
	double *explain_weight;         /* what each adds */
	size_t nexplain;
	struct hit_quote *quotes;       /* the passage's quotations, in order */
	size_t nquotes;
	char **speakers;                /* their distinct speakers, in order */
	size_t nspeakers;
	char *(*copies)[DOCKET_COPY_LAST]; /* the copies' fields (copies.c) */
	size_t ncopies;
	char *first[DOCKET_COPY_LAST];  /* the first report's fields */
};

struct docket_hits {
	docket_query *q;  /* the owner */
	size_t i;         /* the current hit */
	int status;       /* why iteration stopped early, or DOCKET_OK */
};

struct docket_query {
	docket_index *idx;
	char *string;                     /* the query as given */
	char *warning;                    /* docket_query_warning(), or NULL */
	long opt[DOCKET_QUERY_LAST_OPTION];
	double weight[DOCKET_WEIGHT_LAST];
	char *passage_id;                 /* a passage-in-context query */
	int copies_of;                    /* with PASSAGE_ID: its copies */
	unsigned context;
	struct docket_hit *hits;
	size_t nhits;
	size_t estimated;
	struct docket_hits iter;
	struct term_groups hl;               /* the parsed query, for highlights */
	struct docket_table *table[3];       /* the last facets, timeline and
	                                      * coverage (searcher/tally.c) */
	unsigned count_mask;                 /* XAP_FACET_* bits the run counts
	                                      * (docket_query_want_facets) */
	struct xap_counts *counts;           /* what the last run counted, or
	                                      * NULL (freed by hits_clear) */
	struct xap_filter filter[DOCKET_MAX_FILTERS]; /* docket_query_filter;
	                                               * values malloc'd */
	size_t nfilters;
	struct {            /* the record of the last article head read in
	                     * this run (hits_clear() forgets it) */
		char *article;  /* its article id, or NULL */
		char *data;     /* its record (NULL: none found) */
		size_t n;
	} head;             /* searcher/hits.c, head_record() */
};

struct xap_value;
struct xap_row;

/* Run Q's query over every match (engine.h, xap_scan), with the values of
 * SLOTS[0..N) handed to FN.  Returns a docket_status, the message on Q's
 * index.  For searcher/tally.c. */
int query_scan(docket_query *q, const int *slots, size_t n,
               int (*fn)(void *ctx, const struct xap_value *values,
                         const struct xap_row *row),
               void *ctx);

/* Count Q's matches by the facet columns' fields MASK (engine.h,
 * xap_count) into *OUT.  DOCKET_UNSUPPORTED when the columns cannot. */
int query_count(docket_query *q, unsigned mask, struct xap_counts **out);

#endif
