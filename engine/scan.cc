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

struct xap_row {
	const Xapian::Document *doc; /* the matching document */
};

/* Thrown out of the spy to stop the match when the callback fails. */
struct stop_scan {
	int rc;
};

/* Hands each matching document's values to the C callback. */
class RowSpy : public Xapian::MatchSpy {
	const int *slots;
	size_t n;
	xap_row_fn fn;
	void *ctx;
	std::vector<std::string> vals;
	std::vector<struct xap_value> v;

      public:
	RowSpy(const int *slots_, size_t n_, xap_row_fn fn_, void *ctx_)
		: slots(slots_), n(n_), fn(fn_), ctx(ctx_), vals(n_), v(n_) {}
	/* One row: the values of DOC, its docid in the combined database. */
	void row(const Xapian::Document &doc)
	{
		for (size_t i = 0; i < n; i++) {
			vals[i] = doc.get_value(Xapian::valueno(slots[i]));
			v[i].p = vals[i].data();
			v[i].n = vals[i].size();
		}
		struct xap_row r = {&doc};
		int rc = fn(ctx, v.data(), &r);
		if (rc)
			throw stop_scan{rc};
	}
	void operator()(const Xapian::Document &doc, double) override { row(doc); }
};

/* The query of S, parsed as xap_search parses it, with no boosts. */
static Xapian::Query scan_query(xap_db *db, const struct xap_request *s)
{
	Xapian::QueryParser qp;
	return parse(db, s, qp);
}

static void scan(xap_db *db, const struct xap_request *s, const int *slots,
                 size_t nslots, xap_row_fn fn, void *ctx)
{
	Xapian::Enquire enq(rd(db));
	enq.set_weighting_scheme(Xapian::BoolWeight());
	enq.set_query(scan_query(db, s));
	Xapian::doccount all = rd(db).get_doccount();
	RowSpy spy(slots, nslots, fn, ctx);
	if (!db->remote) {
		enq.add_matchspy(&spy);
		enq.get_mset(0, 0, all);
		return;
	}
	Xapian::MSet m = enq.get_mset(0, all);
	m.fetch();
	for (Xapian::MSetIterator i = m.begin(); i != m.end(); ++i)
		spy.row(i.get_document());
}

extern "C" int xap_scan(xap_db *db, const struct xap_request *s,
                        const int *slots, size_t nslots, xap_row_fn fn,
                        void *ctx)
{
	for (int attempt = 0;; attempt++) {
		try {
			int rc = fn(ctx, NULL, NULL); /* (re)start */
			if (rc)
				return rc;
			scan(db, s, slots, nslots, fn, ctx);
			return DOCKET_OK;
		} catch (const stop_scan &e) {
			return e.rc;
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

extern "C" int xap_row_data(const struct xap_row *row, buf *out)
{
	try {
		std::string data = row->doc->get_data();
		int rc = 0;
		buf_reset(out);
		buf_append(&rc, out, data.data(), data.size());
		return rc;
	} catch (const std::bad_alloc &) {
		return DOCKET_NO_MEMORY;
	} catch (...) {
		return DOCKET_ENGINE_ERROR;
	}
}
