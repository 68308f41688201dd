/* scan.cc — every match of a query, one row of values each (xap_scan):
 * what facets, timelines and coverage count.  No page, no cap, no scores.
 *
 * On local shards a MatchSpy reads the asked slots of each matching
 * document as the matcher meets it (weights off: BoolWeight), so nothing
 * is sorted or kept.  A remote shard cannot run docket's spy (xapian-tcpsrv
 * only knows the spies built into Xapian, and ValueCountMatchSpy counts
 * whole values: neither lists nor distinct articles), so when the index
 * may hold one, every match is listed instead and the documents fetched in
 * one pipelined pass (MSet::fetch): exact as well, at the cost of moving
 * each matching document's values over the wire.
 *
 * Callers: searcher/tally.c.
 */
#include "engine-private.h"

#include <chrono>

struct xap_row {
	const Xapian::Document *doc; /* the matching document */
	unsigned where;              /* its shard in db->shards, or SCAN_WHOLE */
	Xapian::docid docid;         /* its docid there */
};

#define SCAN_WHOLE 0xFFFFFFFFu /* docids of the combined database */

/* Thrown out of the spy to stop the match when the callback fails. */
struct stop_scan {
	int rc;
};

/* Thrown when the scan outlives the request's time limit.  Counts need
 * every match (a match cut short by Enquire::set_time_limit would count
 * too few, silently), so running out of time is an error, not a result. */
struct out_of_time {};

/* The time limit of a scan: none (LIMIT <= 0) or a deadline, checked every
 * 256 rows (a clock read costs ~20 ns; a row ~1 us). */
class Deadline {
	bool bounded;
	std::chrono::steady_clock::time_point at;
	size_t rows = 0;

      public:
	explicit Deadline(double limit)
		: bounded(limit > 0),
		  at(std::chrono::steady_clock::now() +
		     std::chrono::duration_cast<std::chrono::steady_clock::duration>(
			     std::chrono::duration<double>(limit > 0 ? limit : 0)))
	{
	}
	void check(bool now = false)
	{
		if (bounded && ((++rows & 255) == 0 || now) &&
		    std::chrono::steady_clock::now() > at)
			throw out_of_time{};
	}
};

/* Hands each matching document's values to the C callback.  Given its
 * shard (DB), the values are read from one value stream per slot, moved
 * forward as the matcher walks the shard in docid order: Document's
 * get_value re-seeks its slot's chunk whenever the slot changes, and with
 * four slots a row that was most of the scan's time (the facets of a
 * common word 5.3x the plain search's p95 at 1k articles before, see
 * bench/README.md).  A document the stream skips has no value there: the
 * stream is complete, so only a document met out of order is read on its
 * own (reading every valueless one that way — half the passages hold no
 * source — was 14% of the facets' time: facets of the common words
 * 3.57 -> 3.08 ms CPU per query, timeline 2.22 -> 1.84, 1k articles). */
class RowSpy : public Xapian::MatchSpy {
	const int *slots;
	size_t n;
	xap_row_fn fn;
	void *ctx;
	std::vector<std::string> vals;
	std::vector<struct xap_value> v;
	std::vector<Xapian::ValueIterator> it, end; /* with a shard: per slot */
	std::vector<Xapian::docid> at; /* per slot: the last docid asked; the
	                                * stream is at its first value from
	                                * there on */
	std::vector<std::string> last; /* per article slot: its value the
	                                * stream passed last (an article's
	                                * first passage, schema.h) */
	std::vector<std::string> found_key, found; /* per article slot: the
	                                            * last article looked up */
	const Xapian::Database *look; /* where to look an article up */
	unsigned where;                             /* for xap_row */
	Deadline *deadline;

      public:
	RowSpy(const int *slots_, size_t n_, xap_row_fn fn_, void *ctx_,
	       const Xapian::Database *db, const Xapian::Database &look_,
	       unsigned where_, Deadline *deadline_)
		: slots(slots_), n(n_), fn(fn_), ctx(ctx_), vals(n_), v(n_), at(n_, 0),
		  last(n_), found_key(n_), found(n_), look(&look_), where(where_),
		  deadline(deadline_)
	{
		for (size_t i = 0; db && i < n; i++) {
			it.push_back(db->valuestream_begin(Xapian::valueno(slots[i])));
			end.push_back(db->valuestream_end(Xapian::valueno(slots[i])));
		}
	}
	/* Slot I's value of DOC. */
	void value(size_t i, const Xapian::Document &doc)
	{
		if (it.empty()) {
			vals[i] = doc.get_value(Xapian::valueno(slots[i]));
			return;
		}
		Xapian::docid did = doc.get_docid();
		Xapian::ValueIterator &s = it[i];
		if (did < at[i]) { /* out of order: the stream is past it */
			vals[i] = doc.get_value(Xapian::valueno(slots[i]));
			return;
		}
		at[i] = did;
		if (s != end[i] && s.get_docid() < did)
			s.skip_to(did);
		if (s != end[i] && s.get_docid() == did)
			vals[i] = *s;
		else
			vals[i].clear(); /* the stream holds every value from at[i] on */
	}
	/* Whether V is the article-slot value of article AKEY. */
	static bool of_article(const std::string &val, const std::string &akey)
	{
		return !akey.empty() && val.size() >= akey.size() &&
		       val.compare(0, akey.size(), akey) == 0;
	}
	/* Article slot I's value of article AKEY, read from whichever of its
	 * passages holds it (its first; looked up by its article term). */
	const std::string &looked_up(size_t i, const std::string &akey)
	{
		if (found_key[i] == akey)
			return found[i];
		found_key[i] = akey;
		found[i].clear();
		std::string term = PREFIX_ARTICLE + akey;
		for (Xapian::PostingIterator p = look->postlist_begin(term);
		     p != look->postlist_end(term); ++p) {
			std::string val = look->get_document(*p).get_value(Xapian::valueno(slots[i]));
			if (of_article(val, akey)) {
				found[i] = val;
				break;
			}
		}
		return found[i];
	}
	/* Article slot I's value for DOC of article AKEY, its key cut off.  In
	 * a shard the stream's last value at or before DOC is its article's
	 * when the article's passages follow its first (as the indexer writes
	 * them): stepping the stream, which holds one value per article, costs
	 * little; anything else is looked up. */
	void article_value(size_t i, const Xapian::Document &doc, const std::string &akey)
	{
		Xapian::docid did = doc.get_docid();
		std::string own;
		const std::string *head = &own;
		if (!it.empty() && did >= at[i]) {
			at[i] = did;
			for (Xapian::ValueIterator &s = it[i]; s != end[i] && s.get_docid() <= did; ++s)
				last[i] = *s;
			head = &last[i];
		} else {
			own = doc.get_value(Xapian::valueno(slots[i]));
		}
		if (!of_article(*head, akey))
			head = &looked_up(i, akey);
		if (of_article(*head, akey))
			vals[i].assign(*head, akey.size(), std::string::npos);
		else
			vals[i].clear();
	}
	/* The article key of DOC: its slot 1 value, read already when asked. */
	std::string article_of(const Xapian::Document &doc)
	{
		for (size_t i = 0; i < n; i++)
			if (slots[i] == SLOT_ARTICLE)
				return vals[i];
		return doc.get_value(SLOT_ARTICLE);
	}
	/* One row: the values of DOC, whose docid where it is kept is DID. */
	void row(const Xapian::Document &doc, Xapian::docid did)
	{
		deadline->check();
		bool per_article = false;
		for (size_t i = 0; i < n; i++) {
			if (SLOT_PER_ARTICLE(slots[i]))
				per_article = true;
			else
				value(i, doc);
		}
		if (per_article) {
			std::string akey = article_of(doc);
			for (size_t i = 0; i < n; i++)
				if (SLOT_PER_ARTICLE(slots[i]))
					article_value(i, doc, akey);
		}
		for (size_t i = 0; i < n; i++) {
			v[i].p = vals[i].data();
			v[i].n = vals[i].size();
		}
		struct xap_row r = {&doc, where, did};
		int rc = fn(ctx, v.data(), &r);
		if (rc)
			throw stop_scan{rc};
	}
	void operator()(const Xapian::Document &doc, double) override
	{
		row(doc, doc.get_docid()); /* a shard's own database: its docid */
	}
};

/* Hands each matching document's values to the C callback from its
 * shard's facet columns (columns.cc), for slots they hold as they are: no
 * value stream is read.  A timeline of a common word at 20,000 articles
 * spent most of its time in the streams (2.0x the plain search's median,
 * 2.7x its p95, against a budget of 3x). */
class ColumnRowSpy : public Xapian::MatchSpy {
	const int *slots;
	size_t n;
	xap_row_fn fn;
	void *ctx;
	std::vector<struct xap_value> v;
	std::shared_ptr<const columns> col;
	unsigned where;
	Deadline *deadline;

      public:
	ColumnRowSpy(const int *slots_, size_t n_, xap_row_fn fn_, void *ctx_,
	             std::shared_ptr<const columns> col_, unsigned where_, Deadline *deadline_)
		: slots(slots_), n(n_), fn(fn_), ctx(ctx_), v(n_), col(std::move(col_)),
		  where(where_), deadline(deadline_)
	{
	}
	void operator()(const Xapian::Document &doc, double) override
	{
		deadline->check();
		Xapian::docid did = doc.get_docid();
		if (did > col->last)
			throw Xapian::DatabaseCorruptError("a match past the facet columns' last docid");
		for (size_t i = 0; i < n; i++)
			col->value(slots[i], did, &v[i].p, &v[i].n);
		struct xap_row r = {&doc, where, did};
		int rc = fn(ctx, v.data(), &r);
		if (rc)
			throw stop_scan{rc};
	}
};

/* Whether every one of SLOTS[0..N) is held by the facet columns. */
static bool columns_hold(const int *slots, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!columns::holds(slots[i]))
			return false;
	return true;
}

/* The query of S as xap_search matches it: parsed, OR'd with the
 * headline and heading lifts (a passage found only through its headline
 * is a hit, so it is counted), without feedback. */
static Xapian::Query scan_query(xap_db *db, const struct xap_request *s)
{
	Xapian::QueryParser qp;
	legal_memo memo;
	Xapian::Query q = parse(db, s, qp, FIELD_BODY, &memo);
	return with_filters(s, with_lifts(db, s, q, &memo, NULL));
}

/* Every match of Q in shard WHERE, D, through a spy reading COL (its
 * facet columns, when they hold every slot) or else D's value streams. */
static void scan_local(const Xapian::Database &d, const Xapian::Query &q,
                       unsigned where, const int *slots, size_t nslots,
                       xap_row_fn fn, void *ctx, Deadline *deadline,
                       std::shared_ptr<const columns> col)
{
	Xapian::Enquire enq(d);
	enq.set_weighting_scheme(Xapian::BoolWeight());
	enq.set_query(q);
	RowSpy spy(slots, nslots, fn, ctx, &d, d, where, deadline);
	ColumnRowSpy from_columns(slots, nslots, fn, ctx, col, where, deadline);
	if (col)
		enq.add_matchspy(&from_columns);
	else
		enq.add_matchspy(&spy);
	enq.get_mset(0, 0, d.get_doccount());
}

/* Local shards one by one, each with its own value streams (an article's
 * passages all sit in one shard, so nothing counted per article is split);
 * a remote one through the fetch. */
static void scan(xap_db *db, const struct xap_request *s, const int *slots,
                 size_t nslots, xap_row_fn fn, void *ctx)
{
	Xapian::Query q = scan_query(db, s);
	Deadline deadline(s->time_limit);
	if (!db->remote) {
		std::vector<std::shared_ptr<const columns>> cols;
		if (columns_hold(slots, nslots) && !getenv("DOCKET_NO_COLUMNS"))
			cols = columns_of(db);
		for (size_t k = 0; k < db->shards.size(); k++)
			scan_local(db->shards[k], q, unsigned(k), slots, nslots, fn, ctx,
			           &deadline, cols.empty() ? nullptr : cols[k]);
		if (!db->shards.empty())
			return;
	}
	/* Remote shards, or no shard held on its own: list every match of the
	 * combined database (whose docids a spy does not see) and fetch. */
	Xapian::Enquire enq(rd(db));
	enq.set_weighting_scheme(Xapian::BoolWeight());
	enq.set_query(q);
	RowSpy spy(slots, nslots, fn, ctx, NULL, rd(db), SCAN_WHOLE, &deadline);
	Xapian::MSet m = enq.get_mset(0, rd(db).get_doccount());
	deadline.check(true);
	m.fetch();
	deadline.check(true);
	for (Xapian::MSetIterator i = m.begin(); i != m.end(); ++i)
		spy.row(i.get_document(), *i);
}

/* Run PASS (a counting pass over every match of S: returns a status)
 * with a counting pass's errors: out of S's time limit is
 * DOCKET_INTERRUPTED with a message saying so, an index changing under
 * the reader is reopened and PASS run again, a few times; a bad query is
 * named.  Returns PASS's status or the error's. */
template <class F> static int counting(xap_db *db, const struct xap_request *s, F pass)
{
	for (int attempt = 0;; attempt++) {
		try {
			return pass();
		} catch (const stop_scan &e) {
			return e.rc;
		} catch (const out_of_time &) {
			char text[160];
			snprintf(text, sizeof text, "counting every match took longer than "
			         "the time limit of %.0f ms", s->time_limit * 1000);
			try {
				db->error = text;
			} catch (...) {
			}
			return DOCKET_INTERRUPTED;
		} catch (const Xapian::DatabaseModifiedError &) {
			if (attempt >= SEARCH_RETRIES)
				return fail_from(db, "counting");
			try {
				reopen_all(db);
			} catch (...) {
				return fail_from(db, "reopen");
			}
		} catch (const Xapian::QueryParserError &) {
			return fail_from(db, std::string("query '") + s->query + "'");
		} catch (const Xapian::WildcardError &) {
			return fail_from(db, std::string("query '") + s->query + "'");
		} catch (...) {
			return fail_from(db, "counting");
		}
	}
}

extern "C" int xap_scan(xap_db *db, const struct xap_request *s,
                        const int *slots, size_t nslots, xap_row_fn fn,
                        void *ctx)
{
	return counting(db, s, [&]() {
		int rc = fn(ctx, NULL, NULL); /* (re)start */
		if (!rc)
			scan(db, s, slots, nslots, fn, ctx);
		return rc ? rc : int(DOCKET_OK);
	});
}

/* A spy feeding a shard's tally, with the scan's time limit. */
class timed_tally : public Xapian::MatchSpy {
	column_tally *t;
	Deadline deadline;

      public:
	timed_tally(column_tally *t_, double limit) : t(t_), deadline(limit) {}
	void operator()(const Xapian::Document &doc, double) override
	{
		deadline.check();
		t->row(doc.get_docid());
	}
};

/* Count the matches of the serialised query WIRE in shard D into T;
 * false when the spy did not see every match. */
static bool count_shard(const Xapian::Database &d, const std::string &wire,
                        column_tally &t, double limit)
{
	Xapian::Enquire enq(d);
	enq.set_weighting_scheme(Xapian::BoolWeight());
	enq.set_query(Xapian::Query::unserialise(wire, docket_registry()));
	timed_tally spy(&t, limit);
	enq.add_matchspy(&spy);
	t.reset();
	Xapian::MSet m = enq.get_mset(0, 0, std::max<Xapian::doccount>(d.get_doccount(), 1));
	return m.get_matches_lower_bound() == m.get_matches_upper_bound() &&
	       t.rows == m.get_matches_lower_bound();
}

/* Count every match of S in each shard of DB with COLS, one thread per
 * shard (each rebuilds the query: Xapian objects are not shared between
 * threads); NULL when some shard's spy missed a match. */
static xap_counts *count_all(xap_db *db, const struct xap_request *s,
                             const std::vector<std::shared_ptr<const columns>> &cols,
                             unsigned mask)
{
	const std::string wire = scan_query(db, s).serialise();
	size_t n = cols.size();
	std::vector<column_tally> tally;
	for (size_t k = 0; k < n; k++)
		tally.emplace_back(cols[k], mask);
	std::vector<char> whole(n, 0);
	each_shard(n, [&](size_t k) {
		whole[k] = count_shard(db->shards[k], wire, tally[k], s->time_limit);
	});
	bool all = std::all_of(whole.begin(), whole.end(), [](char w) { return w != 0; });
	return merged_counts(tally, all);
}

extern "C" int xap_count(xap_db *db, const struct xap_request *s, unsigned mask,
                         struct xap_counts **out)
{
	*out = NULL;
	return counting(db, s, [&]() {
		std::vector<std::shared_ptr<const columns>> cols = columns_of(db);
		if (cols.empty() || !mask)
			return int(DOCKET_UNSUPPORTED);
		*out = count_all(db, s, cols, mask);
		return *out ? int(DOCKET_OK) : int(DOCKET_UNSUPPORTED);
	});
}

extern "C" void xap_row_where(const struct xap_row *row, unsigned *where,
                              unsigned *docid)
{
	*where = row->where;
	*docid = row->docid;
}

extern "C" int xap_data_at(xap_db *db, unsigned where, unsigned docid, buf *out)
{
	try {
		const Xapian::Database &d = where == SCAN_WHOLE ? rd(db) : db->shards.at(where);
		std::string data = d.get_document(docid).get_data();
		int rc = 0;
		buf_reset(out);
		buf_append(&rc, out, data.data(), data.size());
		return rc;
	} catch (...) {
		return fail_from(db, "reading a passage");
	}
}
