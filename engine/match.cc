/* match.cc — running a query (xap_search): the per-article cap, matching
 * local shards in parallel with the combined match's exact scores and
 * order, and retries on an index that changes under the reader.
 *
 * Copies of a passage are collapsed here too (copy_filter, copies.cc), in
 * the same pass as the per-article cap.
 *
 * Callers: searcher/query.c.
 */
#include "engine-private.h"

/* -------------------------------------------- matching shards in parallel
 *
 * Xapian 1.4 matches the shards of a combined database one after the other
 * in one thread.  When a reader holds its local shards on their own
 * (xap_open_shards), a query is matched on each shard in its own thread and
 * the per-shard top lists are merged, with exactly the scores and order
 * the combined match gives:
 *
 * - Scores: BM25 needs collection statistics over all shards (documents,
 *   average length, each term's document frequency) but a shard's Enquire
 *   sees its own.  ShardBM25 is Xapian's BM25 formula with the global
 *   average length and each term's global idf, computed beforehand.  A
 *   Weight is not told its term, so it finds the idf by the term's
 *   statistics in its shard (document and collection frequency), which
 *   tell a query's terms apart in all but rare cases (checked first: then
 *   the query is matched as before).  The products come out in the same
 *   order as in Xapian's BM25Weight, so the scores are the same doubles.
 * - Order: equal scores rank by the passage's order key (slot 14: its
 *   article's key, then its number in the article), which no layout
 *   changes, so local, sharded, parallel and remote searches agree; with
 *   --sort date, equal dates and scores rank by docid in the combined
 *   database, where shard K's document D is (D - 1) * N + K + 1 for N
 *   shards.
 * - Per-article caps: every passage of an article lives in one shard (a
 *   file's shard is fixed), so each shard's collapse is the whole one.
 *
 * Queries with wildcards or match-all, or with an explanation or feedback
 * asked for, are matched as before. */

/* Facet counts made in the search's own pass (xap_request.count_mask):
 * the columns' tallies of the shards an Enquire matches, fed by a spy.
 * The match must weigh every passage for the counts to be whole, so the
 * counted search checks them all (searches of three or more words do
 * anyway, see must_check()); whether it did is checked, not assumed: the spy must have
 * seen exactly as many passages as Xapian says matched, which a time limit
 * cut short breaks.  Counts that fail the check are dropped, and
 * docket_query_facets() then scans as before. */
struct in_pass {
	column_tally tally;
	column_spy spy;
	bool whole = false;
	/* Count into a tally of COL (one shard's columns) for an Enquire over
	 * that shard alone, on its own or as the only one of a combined
	 * database.  Only then: a spy is given the shard's own docid, even
	 * in a combined database of several (Xapian 1.4's
	 * ValueStreamDocument; measured: the counts of two shards came out
	 * wrong), so a search over several that is not matched shard by
	 * shard leaves the counts to xap_count(). */
	in_pass(std::shared_ptr<const columns> col, unsigned mask)
		: tally(std::move(col), mask), spy(&tally)
	{
	}
	in_pass(const in_pass &) = delete;
	void reset()
	{
		tally.reset();
		whole = false;
	}
	void check(const Xapian::MSet &m)
	{
		whole = m.get_matches_lower_bound() == m.get_matches_upper_bound() &&
		        tally.rows == m.get_matches_lower_bound();
	}
	/* Counts for the result when they are whole, else NULL. */
	xap_counts *result()
	{
		if (!whole)
			return nullptr;
		std::unique_ptr<xap_counts> out(new xap_counts());
		tally.merge_into(*out);
		return out.release();
	}
};

/* Whether S's counts can be made in the search's pass over DB: asked
 * for, every shard local with current columns (*COLS), and the search
 * matching what a scan matches (no feedback terms, no quote filter). */
static bool count_in_pass(xap_db *db, const struct xap_request *s,
                          std::vector<std::shared_ptr<const columns>> *cols)
{
	if (!s->count_mask || s->quoted || s->expand_weight > 0)
		return false;
	*cols = columns_of(db);
	return !cols->empty();
}

/* The top WANT hits of ENQ (set up without collapsing) with at most CAP
 * passages of an article (0: no cap) and, with COLLAPSE, only the first
 * of each copy group (copies.cc), in ENQ's order, into KEPT; returns the
 * MSet they belong to, *ESTIMATED its estimate of matching passages.
 * Xapian's collapse (set_collapse_key) reads the article value of every
 * candidate and slowed a common word by ~40% (court: 3.97 -> 2.41 ms
 * in-process); here only the top hits' values are read, asking Xapian for
 * more while the cap leaves too few.  Keeping the first CAP of each article
 * in rank order is what the collapse keeps; a passage without an article
 * value is never capped, as there.  A copy of a kept hit is dropped before
 * the cap counts it, so the cap counts a group once. */
static Xapian::MSet capped(Xapian::Enquire &enq, const Xapian::Database &all,
                           size_t want, unsigned cap,
                           bool remote, bool collapse, const copy_gate *gate,
                           Xapian::doccount check,
                           std::vector<Xapian::MSetIterator> &kept,
                           Xapian::doccount *estimated, in_pass *count)
{
	bool server_cap = cap && remote; /* over the network every document
	                                  * read is a round trip: the servers
	                                  * cap (Xapian's way) instead */
	if (server_cap)
		enq.set_collapse_key(SLOT_ARTICLE, cap);
	bool filter = (cap && !server_cap) || collapse;
	Xapian::doccount k = Xapian::doccount(filter ? std::max<size_t>(2 * want, 32) : want);
	for (;;) {
		if (count)
			count->reset();
		Xapian::MSet m = enq.get_mset(0, k, check);
		if (count)
			count->check(m);
		/* the servers' collapse counts an article's passages once:
		 * the estimate is of passages, as without a remote shard */
		*estimated = server_cap ? m.get_uncollapsed_matches_estimated()
		                        : m.get_matches_estimated();
		kept.clear();
		std::map<std::string, unsigned> seen;
		copy_filter copies(all);
		for (Xapian::MSetIterator i = m.begin(); i != m.end() && kept.size() < want; ++i) {
			if (!filter) {
				kept.push_back(i);
				continue;
			}
			Xapian::Document doc = i.get_document();
			copies_sig sig;
			if (collapse && copies.copy_of_kept(doc, gate->may_have(*i), sig))
				continue;
			if (cap && !server_cap) {
				std::string key = doc.get_value(SLOT_ARTICLE);
				if (!key.empty() && ++seen[key] > cap)
					continue;
			}
			if (collapse)
				copies.keep(doc, sig);
			kept.push_back(i);
		}
		if (kept.size() >= want || m.size() < k)
			return m;
		k = k > Xapian::doccount(-1) / 4 ? Xapian::doccount(-1) : k * 4;
	}
}

/* The weighted leaves of Q (terms, posting sources, phrases, wildcards
 * and synonyms count one each; the unweighted right of FILTER and
 * AND_NOT none); *WIDEST is raised to the most of them under one OR-like
 * node (OR, AND_MAYBE, XOR, ELITE_SET, MAX), the nodes Xapian's pruning
 * turns into ANDs. */
static size_t weighted_leaves(const Xapian::Query &q, size_t *widest)
{
	size_t n = q.get_num_subqueries(), sum = 0;
	switch (q.get_type()) {
	case Xapian::Query::LEAF_TERM:
	case Xapian::Query::LEAF_POSTING_SOURCE:
	case Xapian::Query::LEAF_MATCH_ALL:
	case Xapian::Query::OP_PHRASE:
	case Xapian::Query::OP_NEAR:
	case Xapian::Query::OP_SYNONYM:
	case Xapian::Query::OP_WILDCARD:
		return 1;
	case Xapian::Query::OP_AND_NOT:
	case Xapian::Query::OP_FILTER:
		return n ? weighted_leaves(q.get_subquery(0), widest) : 0;
	case Xapian::Query::OP_AND:
	case Xapian::Query::OP_SCALE_WEIGHT:
		for (size_t i = 0; i < n; i++)
			sum += weighted_leaves(q.get_subquery(i), widest);
		return sum;
	case Xapian::Query::OP_OR:
	case Xapian::Query::OP_AND_MAYBE:
	case Xapian::Query::OP_XOR:
	case Xapian::Query::OP_ELITE_SET:
	case Xapian::Query::OP_MAX:
		for (size_t i = 0; i < n; i++)
			sum += weighted_leaves(q.get_subquery(i), widest);
		*widest = std::max(*widest, sum);
		return sum;
	default: /* value ranges, match-nothing: no weight */
		return 0;
	}
}

/* What ENQ must check of DB's passages so that the top hits of Q are
 * exact: all of them when an OR-like node of Q weighs three or more
 * leaves, else none beyond Xapian's own choice.  Why: Xapian 1.4.22's
 * pruning by the minimum weight drops documents that belong in the top K
 * of such a query.  Measured with Xapian alone over random small glass
 * and in-memory databases (three terms in a third, a quarter and a fifth
 * of 20-219 documents; every k from 1 to 30 against the same k with
 * checkatleast = all): an OR of three terms lost a document at some k in
 * 254 of 1,000 databases (60 of 300 on glass), an OR of two in none of
 * 10,000; two terms and a FixedWeightPostingSource under FILTER, as the
 * lifts are, lost one in 92 of 3,000, a term and one such lift in none.
 * Reading 1.4's matcher/andmaybepostlist.cc agrees: turning into an AND,
 * AndMaybePostList::next() restarts at max(lhead, rhead) + 1, passing over
 * rhead when check() left the right side ahead of the left.  Through
 * docket: tests/e2e/t-exact.sh, a 39-passage corpus where "alpha bravo
 * charlie" lost its 6th passage.  This was first seen with the lifts
 * (tests/shards/t-parallel.sh's "judge"), which is why every lifted
 * search checked every match; a word with only its headline lift has two
 * leaves and is now pruned again.  The cost where it checks, measured with
 * Xapian alone on SciFact's 9,605 passages, top 32: "cell" 0.25 -> 0.81
 * ms, "protein" 0.16 -> 0.40 ms. */
static bool prunes_unsafely(const Xapian::Query &q)
{
	size_t widest = 0;
	weighted_leaves(q, &widest);
	return widest >= 3;
}

static Xapian::doccount must_check(const Xapian::Database &db, bool unsafe)
{
	return unsafe ? db.get_doccount() : 0;
}

/* What ENQ must check with COUNT: every match (counts are whole or not at
 * all); else must_check(). */
static Xapian::doccount to_check(const Xapian::Database &db, bool unsafe,
                                 const in_pass *count)
{
	return count ? std::max<Xapian::doccount>(db.get_doccount(), 1)
	             : must_check(db, unsafe);
}

/* Sort ENQ's hits as every docket search does: by date (newest first) and
 * then relevance with SORT_DATE, else by relevance and then the passage's
 * order key. */
static void set_order(Xapian::Enquire &enq, int sort_date)
{
	if (sort_date)
		enq.set_sort_by_value_then_relevance(SLOT_DATE, true);
	else
		enq.set_sort_by_relevance_then_value(SLOT_ORDER, false);
}

/* A term's statistics in one shard: document and collection frequency. */
typedef std::pair<Xapian::doccount, Xapian::termcount> term_key;
typedef std::map<term_key, double> idf_map; /* -> the term's global idf */

/* Thrown by ShardBM25 for a term it has no idf for. */
struct no_idf {};

/* Xapian's BM25 with k2 = 0 and k3 = 1 (as docket uses it), on global
 * statistics: the length factor given (1 / average length), each term's
 * idf from IDF. */
class ShardBM25 : public Xapian::Weight {
	double k1, b, min_normlen, len_factor, termweight;
	const idf_map *idf;

      public:
	ShardBM25(double k1_, double b_, double min_normlen_, double len_factor_,
	          const idf_map *idf_)
		: k1(k1_), b(b_), min_normlen(min_normlen_), len_factor(len_factor_),
		  termweight(0), idf(idf_)
	{
		need_stat(TERMFREQ);
		need_stat(COLLECTION_FREQ);
		need_stat(WDF);
		need_stat(WDF_MAX);
		need_stat(WQF);
		if (k1 != 0 && b != 0) {
			need_stat(DOC_LENGTH);
			need_stat(DOC_LENGTH_MIN);
		}
	}
	ShardBM25 *clone() const override
	{
		return new ShardBM25(k1, b, min_normlen, len_factor, idf);
	}
	void init(double factor) override
	{
		if (get_termfreq() == 0) { /* not in this shard: never scored */
			termweight = 0;
			return;
		}
		auto it = idf->find(term_key(get_termfreq(), get_collection_freq()));
		if (it == idf->end())
			throw no_idf();
		termweight = it->second * factor;
		double wqf = get_wqf();
		termweight *= 2 * wqf / (1 + wqf);
		termweight *= k1 + 1;
	}
	std::string name() const override { return "docket.ShardBM25"; }
	double get_sumpart(Xapian::termcount wdf, Xapian::termcount len,
	                   Xapian::termcount) const override
	{
		double normlen = std::max(len * len_factor, min_normlen);
		double w = wdf;
		return termweight * (w / (k1 * (normlen * b + (1 - b)) + w));
	}
	double get_maxpart() const override
	{
		double denom = k1;
		if (k1 != 0 && b != 0) {
			double lb = std::max(get_wdf_upper_bound(),
			                     get_doclength_lower_bound()) * len_factor;
			denom *= std::max(lb, min_normlen) * b + (1 - b);
		}
		double w = get_wdf_upper_bound();
		return termweight * (w / (denom + w));
	}
	double get_sumextra(Xapian::termcount, Xapian::termcount) const override
	{
		return 0;
	}
	double get_maxextra() const override { return 0; }
};

/* The leaf terms of Q into OUT; false when Q holds something whose weight
 * is not per term (wildcards and other synonyms, match-all...).  A posting
 * source (field_lift()'s constants, computed from all shards) weighs the
 * same in every shard. */
static bool term_leaves(const Xapian::Query &q, std::vector<std::string> &out)
{
	switch (q.get_type()) {
	case Xapian::Query::LEAF_TERM:
		out.push_back(*q.get_terms_begin());
		return true;
	case Xapian::Query::LEAF_MATCH_NOTHING:
	case Xapian::Query::LEAF_POSTING_SOURCE: /* the lifts: constant weights */
	case Xapian::Query::OP_VALUE_RANGE:
	case Xapian::Query::OP_VALUE_GE:
	case Xapian::Query::OP_VALUE_LE:
		return true;
	case Xapian::Query::OP_AND_NOT:
	case Xapian::Query::OP_FILTER:
		/* Only the left side is weighted: the right side's terms (the
		 * lifts' headline phrases, say) need no idf and must not make
		 * two terms look alike in global_stats(). */
		return q.get_num_subqueries() == 0 || term_leaves(q.get_subquery(0), out);
	case Xapian::Query::OP_AND:
	case Xapian::Query::OP_OR:
	case Xapian::Query::OP_XOR:
	case Xapian::Query::OP_AND_MAYBE:
	case Xapian::Query::OP_NEAR:
	case Xapian::Query::OP_PHRASE:
	case Xapian::Query::OP_SCALE_WEIGHT:
		for (size_t i = 0; i < q.get_num_subqueries(); i++)
			if (!term_leaves(q.get_subquery(i), out))
				return false;
		return true;
	default:
		return false;
	}
}

/* What the shards' weights need, for the leaf terms TERMS: the global
 * length factor and, per shard, each term's idf.  False when two terms
 * cannot be told apart in a shard. */
static bool global_stats(const std::vector<Xapian::Database> &shards,
                         const std::vector<std::string> &terms, double k1,
                         double b, double *len_factor, std::vector<idf_map> &idf)
{
	Xapian::doccount docs = 0;
	Xapian::totallength total = 0;
	for (const Xapian::Database &d : shards) {
		docs += d.get_doccount();
		total += d.get_total_length();
	}
	double avg = docs ? double(total) / docs : 0;
	*len_factor = k1 == 0 || b == 0 || avg == 0 ? 0 : 1 / avg;
	idf.assign(shards.size(), idf_map());
	for (const std::string &t : terms) {
		Xapian::doccount tf = 0;
		for (const Xapian::Database &d : shards)
			tf += d.get_termfreq(t);
		double tw = (docs - tf + 0.5) / (tf + 0.5); /* as BM25Weight */
		if (tw < 2)
			tw = tw * 0.5 + 1;
		double w = std::log(tw);
		for (size_t k = 0; k < shards.size(); k++) {
			term_key key(shards[k].get_termfreq(t), shards[k].get_collection_freq(t));
			if (key.first == 0)
				continue;
			auto at = idf[k].insert(std::make_pair(key, w));
			if (!at.second && at.first->second != w)
				return false; /* two terms look alike here */
		}
	}
	return true;
}

/* How many postings a query must read before its shards are matched in
 * parallel: starting a thread costs about 0.1 ms, a posting about 40 ns.
 * DOCKET_PARALLEL_MIN overrides it (0: always), as XAPIAN_FLUSH_THRESHOLD
 * does Xapian's flushes. */
static double parallel_min()
{
	static const double min = [] {
		const char *v = getenv("DOCKET_PARALLEL_MIN");
		return v && *v ? strtod(v, NULL) : PARALLEL_MIN;
	}();
	return min;
}

/* One hit of one shard. */
struct shard_hit {
	double score;
	std::string date;        /* the sort value, with --sort date */
	std::string order;       /* its order key (slot 14): ties by relevance */
	Xapian::docid global;    /* its docid in the combined database */
	unsigned shard;
	Xapian::docid local;
};

/* Hits in the combined match's order. */
static bool before(const shard_hit &a, const shard_hit &b, bool by_date)
{
	if (by_date && a.date != b.date)
		return a.date > b.date;
	if (a.score != b.score)
		return a.score > b.score;
	if (!by_date && a.order != b.order)
		return a.order < b.order;
	return a.global < b.global;
}

/* Drop from ALL (merged, in order) every copy of an earlier hit, keeping
 * the first WANT; false when fewer remain and some shard may hold more
 * than the PER_SHARD it gave (FOUND), so the caller matches the usual way
 * instead. */
static bool collapse_merged(xap_db *db, const copy_gate &gate,
                            std::vector<shard_hit> &all,
                            const std::vector<std::vector<shard_hit>> &found,
                            size_t per_shard, size_t want)
{
	copy_filter copies(rd(db));
	std::vector<shard_hit> kept;
	for (const shard_hit &h : all) {
		if (kept.size() >= want)
			break;
		Xapian::Document doc = db->shards[h.shard].get_document(h.local);
		copies_sig sig;
		if (copies.copy_of_kept(doc, gate.may_have(h.shard, h.local), sig))
			continue;
		copies.keep(doc, sig);
		kept.push_back(h);
	}
	if (kept.size() < want)
		for (const std::vector<shard_hit> &f : found)
			if (f.size() >= per_shard)
				return false;
	all.swap(kept);
	return true;
}

/* The counts of the shards' passes C merged, when every one is whole;
 * else NULL. */
static xap_counts *merged(std::vector<std::unique_ptr<in_pass>> &c)
{
	for (const std::unique_ptr<in_pass> &p : c)
		if (!p || !p->whole)
			return nullptr;
	std::unique_ptr<xap_counts> out(new xap_counts());
	for (std::unique_ptr<in_pass> &p : c)
		p->tally.merge_into(*out);
	return out.release();
}

/* Match Q on every shard of DB at once and fill RES like run(); false,
 * with nothing done, when Q cannot be matched this way. */
static bool run_parallel(xap_db *db, const struct xap_request *s,
                         const Xapian::Query &q, bool unsafe, xap_result *res)
{
	std::vector<std::string> terms;
	if (!term_leaves(q, terms))
		return false;
	double postings = 0; /* what the match will read */
	for (const std::string &t : terms)
		postings += rd(db).get_termfreq(t);
	double len_factor;
	std::vector<idf_map> idf;
	std::vector<std::shared_ptr<const columns>> cols;
	bool counting = count_in_pass(db, s, &cols) && cols.size() == db->shards.size();
	/* counts read every match anyway: matching the shards at once is
	 * then worth its threads, and only so can the pass count them */
	if ((postings < parallel_min() && !counting) ||
	    !global_stats(db->shards, terms, s->k1, s->b, &len_factor, idf))
		return false;
	size_t n = db->shards.size();
	bool collapse = !s->every_copy;
	/* Copies may sit in other shards: each shard gives more, and the
	 * merged list is collapsed (copies.cc). */
	size_t want = s->offset + s->limit;
	size_t per_shard = collapse ? std::max<size_t>(2 * want, 32) : want;
	std::vector<std::vector<shard_hit>> found(n);
	std::vector<Xapian::doccount> estimated(n, 0);
	std::vector<char> unsplit(n, 0);
	std::vector<std::unique_ptr<in_pass>> counts(n);
	if (counting)
		for (size_t k = 0; k < n; k++)
			counts[k].reset(new in_pass(cols[k], s->count_mask));
	/* Xapian objects are not shared between threads (a Query's reference
	 * counts are not atomic): each thread rebuilds the query from its
	 * serialised form and reads only its own shard. */
	const std::string wire = q.serialise();
	auto match = [&](size_t k) {
		try {
			Xapian::Registry reg = docket_registry();
			Xapian::Enquire enq(db->shards[k]);
			enq.set_weighting_scheme(ShardBM25(s->k1, s->b, s->min_normlen,
			                                   len_factor, &idf[k]));
			enq.set_query(Xapian::Query::unserialise(wire, reg));
			if (s->time_limit > 0)
				enq.set_time_limit(s->time_limit);
			set_order(enq, s->sort_date);
			in_pass *count = counts[k].get();
			if (count)
				enq.add_matchspy(&count->spy);
			std::vector<Xapian::MSetIterator> kept;
			Xapian::MSet m = capped(enq, db->shards[k], per_shard, s->per_article, false,
			                        false, nullptr, to_check(db->shards[k], unsafe, count),
			                        kept, &estimated[k], count);
			for (const Xapian::MSetIterator &i : kept)
				found[k].push_back({i.get_weight(),
				                    s->sort_date ? i.get_sort_key() : std::string(),
				                    s->sort_date ? std::string()
				                                 : i.get_document().get_value(SLOT_ORDER),
				                    (*i - 1) * Xapian::docid(n) + Xapian::docid(k) + 1,
				                    unsigned(k), *i});
		} catch (const no_idf &) {
			unsplit[k] = 1;
		}
	};
	each_shard(n, match);
	for (char u : unsplit)
		if (u)
			return false;
	std::vector<shard_hit> all;
	res->estimated = 0;
	for (size_t k = 0; k < n; k++) {
		all.insert(all.end(), found[k].begin(), found[k].end());
		res->estimated += estimated[k];
	}
	bool by_date = s->sort_date != 0;
	std::sort(all.begin(), all.end(), [by_date](const shard_hit &a, const shard_hit &b) {
		return before(a, b, by_date);
	});
	copy_gate gate(db);
	if (collapse && !collapse_merged(db, gate, all, found, per_shard, want))
		return false;
	size_t from = std::min(all.size(), size_t(s->offset));
	size_t to = std::min(all.size(), from + size_t(s->limit));
	res->m = (xap_match *)calloc(to > from ? to - from : 1, sizeof *res->m);
	if (!res->m)
		throw std::bad_alloc();
	std::vector<Xapian::docid> shown;
	for (size_t i = from; i < to; i++) {
		std::string data = db->shards[all[i].shard].get_document(all[i].local).get_data();
		xap_match *m = &res->m[res->n++];
		m->data = copy_out(data);
		m->len = data.size();
		m->score = all[i].score;
		shown.push_back(all[i].global);
	}
	copy_members(rd(db), q, shown, collapse, gate, res);
	res->counts = merged(counts);
	return true;
}

static void run(xap_db *db, const struct xap_request *s, xap_result *res,
                struct term_groups *hl)
{
	Xapian::QueryParser qp;
	legal_memo memo;
	Xapian::Query base = parse(db, s, qp, FIELD_BODY, &memo);
	term_groups_free(hl);
	reduce(base, hl, *db->db);
	if (s->quoted) {
		Xapian::Query mark(Xapian::Query::OP_SCALE_WEIGHT,
		                   Xapian::Query(PREFIX_QUOTE), 0);
		base = base.empty() ? mark
		                    : Xapian::Query(Xapian::Query::OP_FILTER, base, mark);
	}
	Xapian::BM25Weight weight(s->k1, 0, 1, s->b, s->min_normlen);
	copy_gate gate(db);
	Xapian::Enquire enq(*db->db);
	enq.set_weighting_scheme(weight);
	std::vector<boost> boosts;
	Xapian::Query q = with_lifts(db, s, base, &memo, &boosts);
	bool unsafe = prunes_unsafely(q);
	std::vector<std::shared_ptr<const columns>> cols;
	std::unique_ptr<in_pass> count;
	if (count_in_pass(db, s, &cols) && cols.size() == 1)
		count.reset(new in_pass(cols[0], s->count_mask));
	if (count)
		enq.add_matchspy(&count->spy);
	if (s->limit == 0) { /* -n 0: no hit, only how many matched, every
	                      * match checked: Xapian's estimate from term
	                      * frequencies alone was 80 for 77 matches
	                      * (tests/e2e/t-facets.sh), and it read 0 before */
		enq.set_query(with_filters(s, q));
		if (count)
			count->reset();
		Xapian::MSet m = enq.get_mset(0, 0, to_check(rd(db), true, count.get()));
		if (count)
			count->check(m);
		res->estimated = m.get_matches_estimated();
		res->counts = count ? count->result() : nullptr;
		return;
	}
	if (db->shards.size() > 1 && !s->explain && s->expand_weight <= 0 &&
	    run_parallel(db, s, with_filters(s, q), unsafe, res))
		return;
	if (s->expand_weight > 0 && s->expand_terms > 0 && s->expand_docs > 0) {
		Xapian::Query e = expansion(enq, q, s);
		if (!e.empty()) {
			q = Xapian::Query(Xapian::Query::OP_OR, q, e);
			boosts.push_back({e, "feedback terms"});
			unsafe = prunes_unsafely(q);
		}
	}
	q = with_filters(s, q); /* lifts and feedback filtered too */
	enq.set_query(q);
	if (s->time_limit > 0)
		enq.set_time_limit(s->time_limit);
	set_order(enq, s->sort_date);
	std::vector<Xapian::MSetIterator> kept;
	Xapian::doccount estimated;
	Xapian::MSet mset = capped(enq, rd(db), s->offset + s->limit, s->per_article,
	                           db->remote, !s->every_copy, &gate,
	                           to_check(rd(db), unsafe, count.get()), kept,
	                           &estimated, count.get());
	res->counts = count ? count->result() : nullptr;
	res->estimated = estimated;
	std::vector<Xapian::docid> shown;
	size_t from = std::min(kept.size(), size_t(s->offset));
	res->m = (xap_match *)calloc(kept.size() > from ? kept.size() - from : 1,
	                             sizeof *res->m);
	if (!res->m)
		throw std::bad_alloc();
	for (size_t at = from; at < kept.size(); at++) {
		const Xapian::MSetIterator &i = kept[at];
		std::string data = i.get_document().get_data();
		xap_match *m = &res->m[res->n++];
		m->data = copy_out(data);
		m->len = data.size();
		m->score = i.get_weight();
		if (s->explain)
			m->explain = copy_out(explain(db, weight, base, boosts, i));
		shown.push_back(*i);
	}
	copy_members(rd(db), q, shown, !s->every_copy, gate, res);
}

/* The query as named in a message: quoted, cut to a readable length. */
static std::string quoted(const char *query)
{
	std::string q(query);
	if (q.size() > 60) {
		size_t cut = 57;
		while (cut > 0 && (q[cut] & 0xC0) == 0x80)
			cut--; /* not inside a UTF-8 sequence */
		q = q.substr(0, cut) + "...";
	}
	for (char &c : q)
		if (c == '\n' || c == '\t' || c == '\r')
			c = ' ';
	return "query '" + q + "'";
}

extern "C" int xap_search(xap_db *db, const struct xap_request *s,
                          xap_result *res, struct term_groups *hl)
{
	for (int attempt = 0;; attempt++) {
		try {
			xap_result_clear(res);
			run(db, s, res, hl);
			return DOCKET_OK;
		} catch (const Xapian::DatabaseModifiedError &) {
			if (attempt >= SEARCH_RETRIES)
				return fail_from(db, "searching");
			try {
				reopen_all(db);
			} catch (...) {
				return fail_from(db, "reopen");
			}
		} catch (const Xapian::QueryParserError &) {
			return fail_from(db, quoted(s->query));
		} catch (const Xapian::WildcardError &) {
			return fail_from(db, quoted(s->query));
		} catch (...) {
			return fail_from(db, "searching");
		}
	}
}

extern "C" void xap_result_clear(xap_result *res)
{
	for (size_t i = 0; i < res->n; i++) {
		free(res->m[i].data);
		free(res->m[i].explain);
		for (size_t j = 0; j < res->m[i].nmembers; j++)
			free(res->m[i].members[j].data);
		free(res->m[i].members);
	}
	free(res->m);
	res->m = NULL;
	res->n = 0;
	res->estimated = 0;
	xap_counts_free(res->counts);
	res->counts = NULL;
}
