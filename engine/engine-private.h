/* engine-private.h — what the engine's C++ files share: the
 * two handles behind engine.h's opaque types, the exception mapping, and
 * the query pieces the matcher uses.  Never included from C.
 *
 * The engine is split by job: handle.cc (errors: every exception mapped
 * one by one, with context), database.cc (opening, shards, metadata,
 * batches, counts), document.cc (building and writing documents, reading
 * one back), query.cc (the query's meaning: parsing with the schema's
 * fields, its reduction to term groups for the highlighter, boosts,
 * explanations), match.cc (the match: the per-article cap, shards
 * matched in parallel, retries on a changing index), copies.cc (copy
 * groups at search time: collapsing, members, first reports), scan.cc
 * (every match: rows of values, counts), columns.cc (the facet
 * columns: their file and their tallies) and marks.cc (the copy marks:
 * which passages have copies).
 */
#ifndef DOCKET_ENGINE_PRIVATE_H
#define DOCKET_ENGINE_PRIVATE_H

#include <xapian.h>

#include <sys/stat.h>

#include <cerrno>
#include <cmath>
#include <cstdarg>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <algorithm>
#include <exception>
#include <map>
#include <memory>
#include <mutex>
#include <new>
#include <sstream>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

extern "C" { /* the C headers of the modules the engine calls */
#include "../common/aliases.h"
#include "../common/buf.h"
#include "../common/copies.h"
#include "../common/record.h"
#include "../common/daterange.h"
#include "../common/legalform.h"
#include "../common/days.h"
#include "../common/schema.h"
#include "../common/stem.h"
#include "../common/termgroups.h"
#include "../docket.h"
}
#include "engine.h"

#define SEARCH_RETRIES 5      /* reopen-and-retry rounds on a changing index */
#define WILDCARD_MAX 1000     /* terms one wildcard may expand to */
#define PARALLEL_MIN 20000    /* postings before shards are matched at once */

struct xap_db {
	Xapian::Database *db;           /* reader view (the writer, when writing) */
	Xapian::WritableDatabase *wdb;  /* NULL for a reader */
	std::vector<Xapian::Database> shards; /* a reader's local shards, each
	                                 * on its own (sharing DB's), in DB's
	                                 * order (xap_open_shards), or empty */
	std::string error;              /* the last error message */
	bool in_txn;                    /* a batch is open */
	bool remote;                    /* a reader that may hold remote shards
	                                 * (opened through a stub not ours) */
	bool marked;                    /* a reader of one docket index's shards
	                                 * (xap_open_shards), which its copy
	                                 * marks may speak for (marks.cc); false
	                                 * once another index is added */
	std::vector<std::string> shard_dirs; /* the folders of SHARDS */
	std::vector<std::shared_ptr<const struct columns>> cols; /* their facet
	                                 * columns as last loaded (columns.cc) */
	std::mutex columns_mu;          /* guards COLS */
	std::vector<std::shared_ptr<const struct shard_marks>> marks; /* the
	                                 * shards' copy marks as last loaded */
	std::mutex marks_mu;            /* guards MARKS */
};

struct xap_doc {
	Xapian::Document doc;
};

/* The database of DB, reader view or writer; throws if the handle holds
 * none (a writer whose shard could not be reopened after a swap). */
static inline Xapian::Database &rd(const xap_db *db)
{
	if (!db->db)
		throw Xapian::InvalidOperationError("the index is closed: a shard "
		                                    "could not be reopened");
	return *db->db;
}

static inline Xapian::WritableDatabase &wr(const xap_db *db)
{
	if (!db->wdb)
		throw Xapian::InvalidOperationError("the index is closed: a shard "
		                                    "could not be reopened");
	return *db->wdb;
}

/* Run FN(K) for every shard K < N at once: each in a thread of its own
 * but shard 0, which runs here, as does any whose thread cannot start;
 * then rethrow the first exception one of them threw.  Xapian objects are
 * not shared between threads (a Query's reference counts are not
 * atomic): FN must build its own from serialised forms. */
template <class F> void each_shard(size_t n, F fn)
{
	std::vector<std::exception_ptr> errors(n);
	auto one = [&](size_t k) {
		try {
			fn(k);
		} catch (...) {
			errors[k] = std::current_exception();
		}
	};
	std::vector<std::thread> threads;
	size_t started = 1;
	try { /* a thread that cannot start leaves its shard to this one */
		for (; started < n; started++)
			threads.emplace_back(one, started);
	} catch (...) {
	}
	for (size_t k = started; k < n; k++)
		one(k);
	if (n)
		one(0);
	for (std::thread &t : threads)
		t.join();
	for (const std::exception_ptr &e : errors)
		if (e)
			std::rethrow_exception(e);
}

/* -- handle.cc -- */

/* Map the exception being handled to a status, with WHAT (the index or the
 * query) in the message kept on DB (may be NULL).  Must be called from
 * inside a catch block. */
int fail_from(xap_db *db, const std::string &what);
/* A malloc'd NUL-terminated copy of S; throws std::bad_alloc. */
char *copy_out(const std::string &s);

/* -- database.cc -- */

/* Reopen the reader view and every shard of it held on its own (throws). */
void reopen_all(xap_db *db);

/* -- copies.cc -- */

/* The hits kept so far, for collapsing copies: whether a further
 * candidate is a copy of one of them (copies.h: a shared key, confirmed on
 * the texts unless the fingerprint is the same), setting SIG to its
 * signature; keep() adds it (with that SIG) to the kept ones. */
/* A passage's text made ready for comparisons (copies_text_init). */
struct prepared {
	unsigned words;
	uint64_t fingerprint;
	std::vector<uint64_t> sh; /* its shingle set */
	explicit prepared(const Xapian::Document &doc);
};

/* -- marks.cc -- */

/* One shard's copy marks: the docids, ascending, of its passages that have
 * a copy in the index (as a search confirms copies). */
struct shard_marks {
	uint32_t revision = 0, last = 0; /* the shard state they are of */
	std::vector<uint32_t> ids;
	bool has(Xapian::docid local) const;
};

/* The marks of every shard of DB, current for each, or none (not one
 * docket index's shards, some file missing, stale or damaged). */
std::vector<std::shared_ptr<const shard_marks>> marks_of(xap_db *db);

/* Whether a hit may have copies: marked, or the marks unproven (every
 * hit may).  DOCKET_COPY_TRACE=1 says on stderr which. */
class copy_gate {
	std::vector<std::shared_ptr<const shard_marks>> marks;

      public:
	explicit copy_gate(xap_db *db);
	bool may_have(Xapian::docid global) const;               /* of DB */
	bool may_have(size_t shard, Xapian::docid local) const;  /* of a shard */
};

/* Write FILE through FILE.tmp and a rename; throws on failure (no fsync:
 * a file lost or cut short by a crash fails its checksum). */
void replace_file(const std::string &file, const std::string &data);

/* What a file kept beside shard D (facet columns, copy marks) names it
 * by: its revision, last docid and UUID (NUL-padded), all of which
 * change with any commit or rebuild (columns.cc). */
void shard_stamp(const Xapian::Database &d, uint32_t *revision, uint32_t *last,
                 char uuid[48]);

/* -- copies.cc -- */

#define BAND_TERM_MAX 32 /* a band key held by more passages says little:
                          * on the 1,000-article bench corpus (no copies),
                          * 0.7% of band terms were shared, a few by up to
                          * 135 unrelated passages, and confirming those on
                          * their texts made a search 10x slower */

/* The signature a document holds (all zero when none). */
copies_sig sig_of(const Xapian::Document &doc);

/* Whether passages A and B are copies: the same fingerprint, or a band
 * key they share that at most BAND_TERM_MAX passages of ALL hold,
 * confirmed on their texts (prepared into PA, PB when first needed).  The
 * one rule of the marks, a group's look-up and the hits a search drops as
 * copies, so that a dropped hit is always listed in a group. */
bool confirmed(const Xapian::Database &all, const copies_sig &a,
               const Xapian::Document &da, std::unique_ptr<prepared> &pa,
               const copies_sig &b, const Xapian::Document &db,
               std::unique_ptr<prepared> &pb);

class copy_filter {
	struct seen {
		copies_sig sig;
		Xapian::Document doc;
		std::unique_ptr<prepared> text; /* made when first compared */
	};
	const Xapian::Database &all; /* whose key frequencies count */
	std::vector<seen> kept;

      public:
	explicit copy_filter(const Xapian::Database &a) : all(a) {}
	/* MAY: the gate's word for DOC; without it DOC is nobody's copy */
	bool copy_of_kept(const Xapian::Document &doc, bool may, copies_sig &sig);
	void keep(const Xapian::Document &doc, const copies_sig &sig);
};

/* Fill the members of RES->m[0..] (the hits at docids HITS of DB, in
 * order): every other passage of each hit's copy group, with whether it
 * matches Q (an empty Q: none is marked).  DISTINCT says no hit is a copy
 * of another (collapsed hits), which lets a search whose keys find only
 * the hits stop there.  A hit GATE says has no copies is not looked up.
 * Reads only the hits' own keys and the passages holding them. */
void copy_members(Xapian::Database &db, const Xapian::Query &q,
                  const std::vector<Xapian::docid> &hits, bool distinct,
                  const copy_gate &gate, xap_result *res);

/* -- query.cc -- */

struct boost {
	Xapian::Query query;
	const char *name;
};

/* What one search's legal field values became ("field:value" -> query),
 * so that its parses (the query, each lift) widen a value to its
 * articles once, and every match of the search shares what the widening
 * found in each shard (engine/query.cc). */
typedef std::map<std::string, Xapian::Query> legal_memo;

/* A registry of docket's own posting sources, for Xapian::Query::unserialise()
 * wherever a thread rebuilds a query from its wire form: a query holding one
 * (a legal field's ArticlePassages) cannot be rebuilt without it.  One per
 * thread: a Registry's reference count is not atomic. */
Xapian::Registry docket_registry();

/* Parse S->query with QP set up for DB and the schema's fields (throws a
 * QueryParserError on a bad query).  Unfielded words are body words, or
 * words of the field UNFIELDED (the headline and heading lifts).  MEMO
 * (may be NULL): the search's legal values, read and added to. */
Xapian::Query parse(const xap_db *db, const struct xap_request *s,
                    Xapian::QueryParser &qp,
                    enum schema_field unfielded = FIELD_BODY,
                    legal_memo *memo = nullptr);
/* Reduce the parsed query Q to term groups (its positive parts), weighted
 * by DB's statistics. */
void reduce(const Xapian::Query &q, struct term_groups *hl,
            const Xapian::Database &db);
/* Weight of the heading lift: chosen with the title weight on the dev
 * queries of eval/passages (0.25: 0.8231, 0.5: 0.8261, 1: 0.8252 nDCG@10
 * with the title lift at 0.25; eval/passages/README.md). */
#define HEADING_LIFT 0.5
/* The share of a word's headline lift that a passage holding the word in
 * its own text, or holding none of the query's, still gets (engine/query.cc,
 * lift_parts()).  Chosen on the dev queries of eval/passages, its set2 and
 * SciFact's odd queries together, with the title lift's 0.75 and the body
 * idf (eval/passages/README.md, "Lifts that count what the text lacks"). */
#define LIFT_HELD_SHARE 0.25
/* BASE, S's parsed query, with its lifts, as a search matches it: the
 * passages whose headline or heading (which all passages of an article or
 * section share) holds the query read as words of that field (phrases
 * with their positions there) get W * idf of each of BASE's body words
 * the field holds, the word's idf in the text: a constant, whatever the
 * passage's length (W: S's title weight, HEADING_LIFT).  A headline word
 * lifts by all of that only a passage that lacks the word but matches
 * BASE, the rest by LIFT_HELD_SHARE of it.  OR'd with BASE, so a passage
 * holding the words only in its headline is still found, below those that
 * hold them.  BOOSTS (may be NULL) gets each lift as --explain names and
 * weighs it ("title boost", "heading boost"; an empty query for none). */
Xapian::Query with_lifts(const xap_db *db, const struct xap_request *s,
                         const Xapian::Query &base, legal_memo *memo,
                         std::vector<boost> *boosts);
/* Q restricted by S's exact-value filters (a slot's value equal to, or
 * not equal to, a facet's value): OP_VALUE_RANGE from v to v, which
 * serialises to remote shards.  Applied to the whole query, lifts
 * included, so a lifted passage is filtered too. */
Xapian::Query with_filters(const struct xap_request *s, const Xapian::Query &q);
/* Boost: terms that mark the top passages of BASE (an empty query when
 * there are none). */
Xapian::Query expansion(Xapian::Enquire &enq, const Xapian::Query &base,
                        const struct xap_request *s);
/* "what<TAB>weight" lines for the document at I. */
std::string explain(const xap_db *db, const Xapian::Weight &weight,
                    const Xapian::Query &base, const std::vector<boost> &boosts,
                    const Xapian::MSetIterator &i);

/* -- columns.cc -- */

enum { COL_OUTLETS, COL_AUTHORS, COL_DATES, COL_SOURCES, COL_ARTICLES, COL_TABLES };

/* A shard's facet columns, mapped from its COLUMNS_FILE (columns.cc has
 * the layout): per docid, ordinals + 1 into the string tables. */
struct columns {
	char *map = nullptr;
	size_t size = 0;
	uint32_t revision = 0, last = 0, narticles = 0, nsources = 0;
	const uint32_t *art = nullptr, *outlet = nullptr, *author = nullptr,
	               *date = nullptr;
	const uint32_t *src_off = nullptr, *src = nullptr; /* sources of docid D:
	                                 * src[src_off[D] .. src_off[D + 1]) */
	std::vector<std::string> str[COL_TABLES];
	std::vector<std::string> period[2];     /* months, years */
	std::vector<uint32_t> period_of[2];     /* date ordinal -> period + 1 */
	/* Whether the columns hold value slot SLOT as it is (article, date,
	 * outlet, author), and docid DID's value of it ("" when none). */
	static bool holds(int slot);
	void value(int slot, uint32_t did, const char **p, size_t *n) const;
	columns() = default;
	columns(const columns &) = delete;
	columns &operator=(const columns &) = delete;
	~columns();
};

/* Counts by field (XAP_FACET_*) and value: (passages, articles), summed
 * over shards (an article's passages all sit in one). */
struct xap_counts {
	unsigned mask = 0; /* the fields counted */
	std::unordered_map<std::string, std::pair<size_t, size_t>> by[XAP_FACETS];
};

/* One shard's counts while a match runs: row() for each matching docid,
 * then merge_into().  Distinct articles are the distinct (value, article)
 * pairs, kept once per run of an article's passages. */
class column_tally {
	struct field {
		bool on = false;
		std::vector<uint32_t> passages, last_article; /* by value */
		std::vector<uint64_t> pairs; /* value << 32 | article */
	};
	std::shared_ptr<const columns> col;
	field fields[XAP_FACETS];
	const std::vector<std::string> &values_of(int k) const;
	uint32_t single(int k, Xapian::docid did) const;
	static void add(field &f, uint32_t v, uint32_t art);

      public:
	size_t rows = 0; /* matches met since reset() */
	column_tally(std::shared_ptr<const columns> c, unsigned mask);
	void reset();
	void row(Xapian::docid did); /* throws past the columns' last docid */
	void merge_into(xap_counts &out);
};

/* The facet columns of DB's shards, one per shard, current for each as
 * the reader sees it (reloaded when a shard's revision moved); empty when
 * any shard has none or may be remote: then counts come from the value
 * streams.  Thread-safe. */
std::vector<std::shared_ptr<const columns>> columns_of(xap_db *db);

/* Counts the shard tallies T into a new xap_counts when every one is
 * VALID; else NULL. */
xap_counts *merged_counts(std::vector<column_tally> &t, bool valid);

/* A spy handing each match of one shard to its tally.  The docid a spy
 * is given is the shard's own, even in a combined database (so it cannot
 * tell the shards of one apart). */
class column_spy : public Xapian::MatchSpy {
	column_tally *t;

      public:
	explicit column_spy(column_tally *t_) : t(t_) {}
	void operator()(const Xapian::Document &doc, double) override
	{
		t->row(doc.get_docid());
	}
};

#endif
