/* query.cc — the query's meaning: the query parser set up from the field
 * table (common/schema.h), libstemmer as its stemmer, the reduction of a
 * parsed query to the term groups the highlighter reads (termgroups.h),
 * the boosts (title words, pseudo-relevance feedback) and the per-hit
 * explanation.
 *
 * Callers: engine/match.cc.
 */
#include "engine-private.h"

/* libstemmer as a Xapian stemmer, so the query parser stems exactly as the
 * indexer does (stem.h).  The C stemmer is borrowed, not owned. */
class DocketStem : public Xapian::StemImplementation {
	struct stemmer *st;

      public:
	explicit DocketStem(struct stemmer *st_) : st(st_) {}
	std::string operator()(const std::string &word) override
	{
		size_t n;
		const char *s = stem_word(st, word.data(), word.size(), &n);
		return std::string(s, n);
	}
	std::string get_description() const override
	{
		return "docket libstemmer";
	}
};

/* Every passage of the articles whose first passage matches Q, a query of
 * article-level terms (schema.h, the row's `article`), in one shard: init()
 * runs Q there with a spy on the article keys, walks each key's XA posting
 * list and keeps the docids, sorted.  An article's passages are all in its
 * first passage's shard, so each shard's list is whole.  Weightless: it
 * only filters.
 *
 * Why not the OR of the XA terms, which any server runs: Xapian's OR of
 * many terms costs far more than their postings.  At 20,000 generated
 * articles court:ndcal names 6,855 of them: their 93,557 postings read in
 * 23 ms, the OR's match took 627 ms (filtering "motion") and 1,147 ms
 * alone.  This source finds them in ~9 ms a shard (the spy 2, the posting
 * lists 7), once a search; the whole `docket search` took 39 ms, against
 * 12 when every passage held the court's term (schema 6; best of 7).  A
 * remote shard's server knows only Xapian's own sources, so there the OR
 * is what runs (LegalField::articles). */
class ArticlePassages : public Xapian::PostingSource {
	typedef std::vector<Xapian::docid> docids;
	/* What init() found, by shard, shared by every clone: one search
	 * matches its query several times (the hits, their copies, the
	 * counts), and each match clones the source for each shard.  Keyed
	 * by the shard's UUID and revision; a shard with no UUID is not
	 * kept. */
	struct found {
		std::mutex mu;
		std::map<std::string, std::shared_ptr<const docids>> by_shard;
	};
	Xapian::Query q;
	std::shared_ptr<found> seen;
	std::shared_ptr<const docids> docs;
	size_t at = 0;
	bool started = false;

      public:
	explicit ArticlePassages(const Xapian::Query &q_)
		: q(q_), seen(std::make_shared<found>()) {}
	ArticlePassages(const Xapian::Query &q_, std::shared_ptr<found> s)
		: q(q_), seen(std::move(s)) {}
	ArticlePassages *clone() const override { return new ArticlePassages(q, seen); }
	void init(const Xapian::Database &shard) override
	{
		at = 0;
		started = false;
		set_maxweight(0);
		std::string uuid = shard.get_uuid();
		std::string key = uuid + " " + std::to_string(shard.get_revision());
		std::lock_guard<std::mutex> hold(seen->mu);
		auto i = seen->by_shard.find(key);
		if (!uuid.empty() && i != seen->by_shard.end()) {
			docs = i->second;
			return;
		}
		docs = passages(shard);
		if (!uuid.empty())
			seen->by_shard[key] = docs;
	}
	/* Every passage in SHARD of the articles whose first passage
	 * matches Q, ascending: their XA posting lists.  Not assumed: that
	 * an article's passages are one run of docids, which docket's
	 * writer happens to give them but nothing in Xapian keeps so. */
	std::shared_ptr<const docids> passages(const Xapian::Database &shard) const
	{
		auto out = std::make_shared<docids>();
		for (const std::string &key : article_keys(shard, q)) {
			std::string t = PREFIX_ARTICLE + key;
			for (Xapian::PostingIterator p = shard.postlist_begin(t);
			     p != shard.postlist_end(t); ++p)
				out->push_back(*p);
		}
		std::sort(out->begin(), out->end());
		return out;
	}
	Xapian::doccount get_termfreq_min() const override { return docs->size(); }
	Xapian::doccount get_termfreq_est() const override { return docs->size(); }
	Xapian::doccount get_termfreq_max() const override { return docs->size(); }
	void next(double) override
	{
		if (started)
			at++;
		started = true;
	}
	void skip_to(Xapian::docid did, double) override
	{
		started = true;
		at = size_t(std::lower_bound(docs->begin() + at, docs->end(), did) - docs->begin());
	}
	bool at_end() const override { return at >= docs->size(); }
	Xapian::docid get_docid() const override { return (*docs)[at]; }
	std::string get_description() const override
	{
		return "ArticlePassages(" + q.get_description() + ")";
	}
	/* Serialisable, for the threads of a parallel match and of a count
	 * (each rebuilds the query from its wire form, docket_registry()):
	 * its query, and a fresh cache of what init() finds.  A remote
	 * shard's server has no such source and is never sent one. */
	std::string name() const override { return "docket.ArticlePassages"; }
	std::string serialise() const override { return q.serialise(); }
	ArticlePassages *unserialise_with_registry(const std::string &s,
	                                           const Xapian::Registry &reg) const override
	{
		return new ArticlePassages(Xapian::Query::unserialise(s, reg));
	}
	/* The article keys (slot 1) of Q's matches in DB, through a spy
	 * built into Xapian, so that a remote shard's server runs it too. */
	static std::vector<std::string> article_keys(const Xapian::Database &db,
	                                             const Xapian::Query &q)
	{
		Xapian::Enquire enq(db);
		enq.set_query(q);
		enq.set_weighting_scheme(Xapian::BoolWeight());
		Xapian::ValueCountMatchSpy spy(SLOT_ARTICLE);
		enq.add_matchspy(&spy);
		enq.get_mset(0, 0, db.get_doccount());
		return std::vector<std::string>(spy.values_begin(), spy.values_end());
	}
};

/* One constant of a lift: WEIGHT for every passage holding TERM. */
struct lift_const {
	std::string term;
	double weight;
};

/* The plain lifts of a search as one source: a passage weighs the sum of
 * the constants of the field terms it holds (with_lifts()).  Why one
 * source and not an OR of FixedWeightPostingSource filters: a one-word
 * search with its headline and heading lifts is then a term and this,
 * two weighted leaves, which Xapian prunes safely, not three, which
 * prunes_unsafely() (match.cc) must check in full.  The weights are those
 * of the filters it replaces, summed per passage. */
class LiftUnion : public Xapian::PostingSource {
	std::vector<lift_const> parts;
	std::vector<Xapian::PostingIterator> at, end;
	Xapian::docid did = 0;
	Xapian::doccount docs = 0; /* the sum of the terms' frequencies */
	double w = 0;
	bool started = false;

	/* DID and W from the iterators' heads: the least, and the sum of
	 * the constants of the parts there; DID 0 when all are done. */
	void settle()
	{
		did = 0;
		w = 0;
		for (size_t i = 0; i < at.size(); i++)
			if (at[i] != end[i] && (did == 0 || *at[i] < did))
				did = *at[i];
		for (size_t i = 0; did && i < at.size(); i++)
			if (at[i] != end[i] && *at[i] == did)
				w += parts[i].weight;
	}

      public:
	explicit LiftUnion(std::vector<lift_const> p) : parts(std::move(p)) {}
	LiftUnion *clone() const override { return new LiftUnion(parts); }
	void init(const Xapian::Database &db) override
	{
		double most = 0;
		at.clear();
		end.clear();
		docs = 0;
		for (const lift_const &c : parts) {
			at.push_back(db.postlist_begin(c.term));
			end.push_back(db.postlist_end(c.term));
			docs += db.get_termfreq(c.term);
			most += c.weight;
		}
		set_maxweight(most);
		did = 0;
		started = false;
	}
	Xapian::doccount get_termfreq_min() const override { return 0; }
	Xapian::doccount get_termfreq_est() const override { return docs / 2; }
	Xapian::doccount get_termfreq_max() const override { return docs; }
	void next(double) override
	{
		for (size_t i = 0; started && i < at.size(); i++)
			if (at[i] != end[i] && *at[i] == did)
				++at[i];
		started = true;
		settle();
	}
	void skip_to(Xapian::docid to, double) override
	{
		for (size_t i = 0; i < at.size(); i++)
			if (at[i] != end[i] && (!started || *at[i] < to))
				at[i].skip_to(to);
		started = true;
		settle();
	}
	bool at_end() const override { return started && did == 0; }
	Xapian::docid get_docid() const override { return did; }
	double get_weight() const override { return w; }
	std::string get_description() const override
	{
		std::string out = "LiftUnion(";
		for (const lift_const &c : parts)
			out += c.term + ":" + std::to_string(c.weight) + " ";
		return out + ")";
	}
	/* Serialisable for the threads of a parallel match, as
	 * ArticlePassages: each term and its constant's bytes (the threads
	 * share one machine).  A remote shard's server is never sent one. */
	std::string name() const override { return "docket.LiftUnion"; }
	std::string serialise() const override
	{
		std::string out;
		for (const lift_const &c : parts) {
			uint32_t n = uint32_t(c.term.size());
			out.append((const char *)&n, sizeof n).append(c.term);
			out.append((const char *)&c.weight, sizeof c.weight);
		}
		return out;
	}
	LiftUnion *unserialise(const std::string &s) const override
	{
		std::vector<lift_const> p;
		for (size_t i = 0; i + sizeof(uint32_t) <= s.size();) {
			uint32_t n;
			memcpy(&n, s.data() + i, sizeof n);
			i += sizeof n;
			if (i + n + sizeof(double) > s.size())
				throw Xapian::SerialisationError("docket.LiftUnion: truncated");
			lift_const c{s.substr(i, n), 0};
			memcpy(&c.weight, s.data() + i + n, sizeof c.weight);
			i += n + sizeof c.weight;
			p.push_back(c);
		}
		return new LiftUnion(p);
	}
};

Xapian::Registry docket_registry()
{
	Xapian::Registry reg;
	reg.register_posting_source(ArticlePassages(Xapian::Query()));
	reg.register_posting_source(LiftUnion(std::vector<lift_const>()));
	return reg;
}

/* The article terms a remote shard's widening ORs in groups of, each an
 * OP_SYNONYM: Xapian's OR of thousands of terms is slow, of such groups
 * less so.  court:ndcal names 6,855 articles of 20,000; filtering
 * "motion" with it took, in process, 627 ms as one OR, 674 as one
 * synonym, 235-239 in groups of 16, 64 or 256.  Whole searches through
 * one remote shard over loopback, best of 5, one OR then groups of 32:
 * court:ndcal 1,449 and 635 ms, "motion court:ndcal" 2,180 and 621,
 * judge:okafor 267 and 113 (groups of 4 to 64 within noise of 32). */
#define ARTICLE_GROUP 32

/* A legal field's value (case:, docket:, court:, judge:, exhibit:) as
 * the terms the indexer wrote: through the row's normaliser (schema.h),
 * so "3:25-cv-04418-RFL" is the key "25-cv-4418", then widened to every
 * writing the aliases file merges with it.  A value of several plain words
 * ("castellan health") is each word's term, ANDed.  A case term is then
 * widened to the caption keys it finds (legal_case_covers): the index
 * holds each caption's key alone, and the keys are read once, when a
 * query first names a case.  An article-level row's query (the row's
 * `article`) is last widened to the passages of the articles it finds
 * (articles()). */
class LegalField : public Xapian::FieldProcessor {
	const struct schema_row *row;
	const struct aliases *al;
	const Xapian::Database &db;
	bool remote;                   /* DB may hold a remote shard */
	legal_memo *memo;              /* the search's values, or NULL */
	std::vector<std::string> keys; /* the index's case keys, bare */
	bool have_keys = false;

      public:
	LegalField(const struct schema_row *r, const struct aliases *a,
	           const xap_db *d, legal_memo *m)
		: row(r), al(a), db(*d->db), remote(d->remote), memo(m) {}
	Xapian::Query operator()(const std::string &s) override
	{
		std::string at = std::string(row->name) + ":" + s;
		auto i = memo ? memo->find(at) : legal_memo::iterator();
		if (memo && i != memo->end())
			return i->second;
		Xapian::Query q = widened(s);
		if (memo)
			(*memo)[at] = q;
		return q;
	}
	Xapian::Query widened(const std::string &s)
	{
		int rc = 0;
		buf k = BUF_INIT;
		int whole = row->normalise(&rc, &k, s.data(), s.size());
		std::string key(k.p ? k.p : "", k.n);
		buf_free(&k);
		if (rc)
			throw std::bad_alloc();
		if (key.empty())
			return Xapian::Query();
		if (!whole)
			return articles(words(key));
		struct legal_list l = {NULL, 0, 0};
		aliases_group(&rc, al, row->id, key.c_str(), &l);
		std::vector<Xapian::Query> any;
		for (size_t i = 0; i < l.n; i++)
			any.push_back(term(l.v[i]));
		legal_list_free(&l);
		if (rc)
			throw std::bad_alloc();
		return articles(Xapian::Query(Xapian::Query::OP_OR, any.begin(), any.end()));
	}
	/* Q, a query of first-passage terms, as every passage of the
	 * articles whose first passage matches it: on local shards an
	 * ArticlePassages source; where a shard may be remote, the OR of
	 * those articles' XA terms. */
	Xapian::Query articles(const Xapian::Query &q)
	{
		if (!row->article || q.empty())
			return q;
		if (!remote)
			return Xapian::Query((new ArticlePassages(q))->release());
		std::vector<std::string> arts = ArticlePassages::article_keys(db, q);
		std::vector<Xapian::Query> any, group;
		for (size_t i = 0; i < arts.size(); i++) {
			group.push_back(Xapian::Query(PREFIX_ARTICLE + arts[i]));
			if (group.size() == ARTICLE_GROUP || i + 1 == arts.size()) {
				any.push_back(Xapian::Query(Xapian::Query::OP_SYNONYM,
				                            group.begin(), group.end()));
				group.clear();
			}
		}
		if (any.empty())
			return Xapian::Query::MatchNothing;
		return Xapian::Query(Xapian::Query::OP_OR, any.begin(), any.end());
	}
	Xapian::Query words(const std::string &key)
	{
		std::vector<Xapian::Query> all;
		for (size_t i = 0; i < key.size();) {
			size_t j = key.find(' ', i);
			if (j == std::string::npos)
				j = key.size();
			if (j > i)
				all.push_back(term(key.substr(i, j - i)));
			i = j + 1;
		}
		return Xapian::Query(Xapian::Query::OP_AND, all.begin(), all.end());
	}
	/* The query for bare term T of this field. */
	Xapian::Query term(const std::string &t)
	{
		if (row->id != FIELD_CASE)
			return Xapian::Query(row->prefix + t);
		std::vector<Xapian::Query> any;
		if (t.find(' ') != std::string::npos) {
			/* a caption or a cut of one: only keys it begins can match */
			std::string p = PREFIX_CASE + t;
			for (Xapian::TermIterator i = db.allterms_begin(p); i != db.allterms_end(p); ++i) {
				std::string c = (*i).substr(strlen(PREFIX_CASE));
				if (legal_case_covers(c.data(), c.size(), t.data(), t.size()))
					any.push_back(Xapian::Query(*i));
			}
			return any.empty() ? Xapian::Query::MatchNothing
			                   : Xapian::Query(Xapian::Query::OP_OR, any.begin(), any.end());
		}
		if (!have_keys) { /* a word: it may be in any key */
			std::string p(PREFIX_CASE);
			for (Xapian::TermIterator i = db.allterms_begin(p); i != db.allterms_end(p); ++i)
				keys.push_back((*i).substr(p.size()));
			have_keys = true;
		}
		for (const std::string &c : keys)
			if (legal_case_covers(c.data(), c.size(), t.data(), t.size()))
				any.push_back(Xapian::Query(PREFIX_CASE + c));
		if (any.empty())
			return Xapian::Query::MatchNothing;
		return Xapian::Query(Xapian::Query::OP_OR, any.begin(), any.end());
	}
};

/* source:NAME — the credited-source terms (PREFIX + lower-case name, as
 * the indexer writes them): the name is folded to lower case, so
 * source:Reuters.com finds reuters.com, and a bare name without a dot
 * (source:reuters) also matches every NAME.* (reuters.com, reuters.co.uk).
 * The bare form is an OP_WILDCARD on "XCreuters.", which Xapian expands
 * in each sub-database where the match runs, a remote shard's server
 * included (tests/shards/t-remote.sh), so no local term list is read. */
class SourceField : public Xapian::FieldProcessor {
	std::string prefix;

      public:
	explicit SourceField(const char *prefix_) : prefix(prefix_) {}
	Xapian::Query operator()(const std::string &s) override
	{
		std::string v;
		for (char c : s)
			v += (c >= 'A' && c <= 'Z') ? char(c + 32) : c;
		if (v.compare(0, 4, "www.") == 0 && v.size() > 4)
			v.erase(0, 4);
		Xapian::Query exact(prefix + v);
		if (v.empty() || v.find('.') != std::string::npos)
			return exact;
		return Xapian::Query(Xapian::Query::OP_OR, exact,
		                     Xapian::Query(Xapian::Query::OP_WILDCARD,
		                                   prefix + v + "."));
	}
};

/* The field a term of the parsed query belongs to, and its bare text.
 * STEMMED: the bare text is a stem (every word term but a number, stem.h),
 * to be compared with the stem of each word of the text; a boolean name
 * (source:) is matched as it is.  The prefixes are the field table's. */
static int term_field(const std::string &term, std::string &bare, int &stemmed)
{
	size_t at;
	enum schema_field field = schema_term_field(term.data(), term.size(), &at);
	bare = term.substr(at);
	stemmed = schema_fields[field].kind == KIND_TEXT &&
	          !stem_keeps(bare.data(), bare.size());
	return field;
}

/* Whether T is an article term (XA + key), as an article-level field's
 * query is widened to (LegalField::articles): a filter, never a word to
 * highlight, lift or explain, and there may be thousands of them. */
static bool article_term(const std::string &t)
{
	return t.compare(0, strlen(PREFIX_ARTICLE), PREFIX_ARTICLE) == 0;
}

static double term_weight(const Xapian::Database &db, const std::string &term)
{
	double n = db.get_doccount() + 1.0;
	double tf = db.get_termfreq(term) + 0.5;
	double w = std::log(n / tf);
	return w > 0.1 ? w : 0.1;
}

static void add_group(struct term_groups *hl, enum group_kind kind, unsigned window,
                      const std::vector<std::string> &terms,
                      const Xapian::Database &db)
{
	if (terms.empty())
		return;
	std::vector<struct group_term> ts(terms.size());
	std::vector<std::string> bare(terms.size());
	int field = FIELD_BODY;
	double weight = 0;
	for (size_t i = 0; i < terms.size(); i++) {
		field = term_field(terms[i], bare[i], ts[i].stemmed);
		ts[i].text = const_cast<char *>(bare[i].c_str());
		weight += kind == GROUP_WILDCARD ? 1.0 : term_weight(db, terms[i]);
	}
	if (term_groups_add(hl, kind, field, window, ts.data(), ts.size(), weight))
		throw std::bad_alloc();
}

/* The pattern of a wildcard leaf, read from its description
 * "Query(WILDCARD SYNONYM pattern)", the only place 1.4 exposes it. */
static std::string wildcard_pattern(const Xapian::Query &q)
{
	std::string d = q.get_description();
	size_t end = d.rfind(')');
	size_t sp = d.rfind(' ', end);
	if (end == std::string::npos || sp == std::string::npos)
		return std::string();
	return d.substr(sp + 1, end - sp - 1);
}

/* The window of a PHRASE or NEAR query Q (the span its terms may cover, in
 * positions), read from its description "Query((a@1 NEAR 11 b@2))": the
 * QueryParser makes NEAR/n over k words a window of n + k - 1, and 1.4 has
 * no getter.  NTERMS if it cannot be read. */
static unsigned op_window(const Xapian::Query &q, const char *op, size_t nterms)
{
	std::string d = q.get_description();
	std::string key = std::string(" ") + op + " ";
	size_t at = d.find(key);
	if (at == std::string::npos)
		return (unsigned)nterms;
	unsigned long w = strtoul(d.c_str() + at + key.size(), NULL, 10);
	return w > nterms && w < 1000000 ? (unsigned)w : (unsigned)nterms;
}

static void leaf_terms(const Xapian::Query &q, std::vector<std::string> &out)
{
	if (q.get_type() == Xapian::Query::LEAF_TERM) {
		out.push_back(*q.get_terms_begin());
		return;
	}
	for (size_t i = 0; i < q.get_num_subqueries(); i++)
		leaf_terms(q.get_subquery(i), out);
}

/* Reduce the parsed query Q to highlight groups: the positive parts only
 * (not the right of AND_NOT, not boolean filters). */
void reduce(const Xapian::Query &q, struct term_groups *hl,
                   const Xapian::Database &db)
{
	int type = q.get_type();
	size_t n = q.get_num_subqueries();
	switch (type) {
	case Xapian::Query::LEAF_TERM: {
		std::vector<std::string> t(1, *q.get_terms_begin());
		if (!article_term(t[0]))
			add_group(hl, GROUP_TERM, 0, t, db);
		return;
	}
	case Xapian::Query::OP_WILDCARD: {
		std::vector<std::string> t(1, wildcard_pattern(q));
		if (!t[0].empty())
			add_group(hl, GROUP_WILDCARD, 0, t, db);
		return;
	}
	case Xapian::Query::OP_PHRASE:
	case Xapian::Query::OP_NEAR: {
		std::vector<std::string> t;
		leaf_terms(q, t);
		int near = type == Xapian::Query::OP_NEAR;
		add_group(hl, near ? GROUP_NEAR : GROUP_PHRASE,
		          op_window(q, near ? "NEAR" : "PHRASE", t.size()), t, db);
		return;
	}
	case Xapian::Query::OP_AND_NOT:
	case Xapian::Query::OP_FILTER:
		if (n > 0)
			reduce(q.get_subquery(0), hl, db);
		return;
	default:
		for (size_t i = 0; i < n; i++)
			reduce(q.get_subquery(i), hl, db);
	}
}

/* The day Z as the YYYYMMDD the index stores. */
static std::string ymd(int z)
{
	char iso[11];
	days_format(z, iso);
	return std::string(iso, 4) + std::string(iso + 5, 2) + std::string(iso + 8, 2);
}

/* Read a date: or event: value with common/daterange.c into *FIRST and
 * *LAST (throws a QueryParserError naming the bad date). */
static void read_range(const std::string &field, const std::string &v,
                       int *first, int *last)
{
	char err[256];
	if (daterange_parse(v.data(), v.size(), daterange_today(), field.c_str(),
	                    first, last, err, sizeof err))
		throw Xapian::QueryParserError(err);
}

/* date:VALUE — a range of the YYYYMMDD value slot. */
class DateValues : public Xapian::FieldProcessor {
	std::string field;
	Xapian::valueno slot;

      public:
	DateValues(const char *field_, int slot_) : field(field_), slot(Xapian::valueno(slot_)) {}
	Xapian::Query operator()(const std::string &v) override
	{
		int first, last;
		read_range(field, v, &first, &last);
		if (first == DATERANGE_MIN && last == DATERANGE_MAX)
			return Xapian::Query::MatchAll;
		if (first == DATERANGE_MIN)
			return Xapian::Query(Xapian::Query::OP_VALUE_LE, slot, ymd(last));
		if (last == DATERANGE_MAX)
			return Xapian::Query(Xapian::Query::OP_VALUE_GE, slot, ymd(first));
		return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, slot, ymd(first), ymd(last));
	}
};

/* event:VALUE — the day terms (PREFIX + YYYYMMDD) of the index inside the
 * range, ORed.  The index's own term list is walked from the range's
 * first day, so an open or long range costs the distinct days the index
 * holds (a few thousand at most), never one term per calendar day. */
class DayTerms : public Xapian::FieldProcessor {
	std::string field, prefix;
	Xapian::Database db;

      public:
	DayTerms(const char *field_, const char *prefix_, const Xapian::Database &db_)
		: field(field_), prefix(prefix_), db(db_) {}
	Xapian::Query operator()(const std::string &v) override
	{
		int first, last;
		read_range(field, v, &first, &last);
		std::string lo = prefix + (first == DATERANGE_MIN ? std::string() : ymd(first));
		std::string hi = prefix + (last == DATERANGE_MAX ? std::string("9") : ymd(last));
		std::vector<Xapian::Query> days;
		Xapian::TermIterator t = db.allterms_begin(prefix);
		for (t.skip_to(lo); t != db.allterms_end(prefix) && *t <= hi; ++t)
			days.push_back(Xapian::Query(*t));
		if (days.empty())
			return Xapian::Query::MatchNothing;
		return Xapian::Query(Xapian::Query::OP_OR, days.begin(), days.end());
	}
};

/* The stems of S's stopwords, as the query's terms are (STEM_ALL). */
static std::vector<std::string> stop_stems(const struct xap_request *s)
{
	std::vector<std::string> out;
	for (const char *const *w = s->stopwords; w && *w; w++) {
		size_t n;
		const char *t = stem_word(s->stem, *w, strlen(*w), &n);
		out.push_back(std::string(t, n));
	}
	return out;
}

/* Whether Q is a word (of any text field) whose stem is one of STOPS. */
static bool stop_leaf(const Xapian::Query &q, const std::vector<std::string> &stops)
{
	if (q.get_type() != Xapian::Query::LEAF_TERM)
		return false;
	std::string bare;
	int stemmed;
	term_field(*q.get_terms_begin(), bare, stemmed);
	return stemmed && std::find(stops.begin(), stops.end(), bare) != stops.end();
}

/* Q without its stopwords (STOPS): those that are parts of OR, AND or MAX,
 * or on either side of AND_MAYBE, or the left of AND_NOT and FILTER.  A
 * phrase's and NEAR's words stay, and so does whatever a query rules out.
 * Returns an empty query where nothing but stopwords was, or where a
 * part the rest needs (the left of AND_NOT, FILTER, AND_MAYBE) was only
 * stopwords; parse() then keeps the query whole.
 * Why not Xapian's own Stopper: in 1.4.22, when stopping leaves a query
 * nothing but a NOT ("the -bridge"), QueryParser parses it again without
 * its operators and returns bridge@2, the very word ruled out. */
static Xapian::Query unstopped(const Xapian::Query &q, const std::vector<std::string> &stops)
{
	int type = q.get_type();
	bool bag = type == Xapian::Query::OP_OR || type == Xapian::Query::OP_AND ||
	           type == Xapian::Query::OP_MAX;
	bool spine = type == Xapian::Query::OP_AND_NOT ||
	             type == Xapian::Query::OP_FILTER || type == Xapian::Query::OP_AND_MAYBE;
	if (stop_leaf(q, stops))
		return Xapian::Query();
	if (!bag && !spine)
		return q;
	std::vector<Xapian::Query> parts;
	for (size_t i = 0; i < q.get_num_subqueries(); i++) {
		Xapian::Query sub = q.get_subquery(i);
		bool cut = bag || i == 0 || type == Xapian::Query::OP_AND_MAYBE;
		Xapian::Query kept = cut ? unstopped(sub, stops) : sub;
		if (spine && i == 0 && kept.empty())
			return kept;
		if (!kept.empty())
			parts.push_back(kept);
	}
	if (parts.size() < 2)
		return parts.empty() ? Xapian::Query() : parts[0];
	return Xapian::Query(static_cast<Xapian::Query::op>(type), parts.begin(), parts.end());
}

Xapian::Query parse(const xap_db *db, const struct xap_request *s,
                    Xapian::QueryParser &qp, enum schema_field unfielded,
                    legal_memo *memo)
{
	qp.set_database(*db->db);
	if (unfielded != FIELD_BODY)
		qp.add_prefix("", schema_fields[unfielded].prefix);
	qp.set_stemmer(Xapian::Stem(new DocketStem(s->stem)));
	/* STEM_ALL: every word, phrases included, becomes the stem the index
	 * holds (schema.h), with no Z prefix. */
	qp.set_stemming_strategy(Xapian::QueryParser::STEM_ALL);
	qp.set_default_op(s->default_and ? Xapian::Query::OP_AND
	                                 : Xapian::Query::OP_OR);
	for (const struct schema_row &f : schema_fields) {
		if (f.name && f.kind == KIND_TEXT)
			qp.add_prefix(f.name, f.prefix);
		else if (f.name && f.kind == KIND_BOOLEAN && f.normalise)
			qp.add_boolean_prefix(f.name, (new LegalField(&f, s->aliases, db, memo))->release());
		else if (f.name && f.kind == KIND_BOOLEAN && f.id == FIELD_SOURCE)
			qp.add_boolean_prefix(f.name, (new SourceField(f.prefix))->release());
		else if (f.name && f.kind == KIND_BOOLEAN)
			qp.add_boolean_prefix(f.name, f.prefix);
		else if (f.name && f.kind == KIND_VALUE)
			qp.add_boolean_prefix(f.name, (new DateValues(f.name, f.slot))->release());
		else if (f.name && f.kind == KIND_DAYS)
			qp.add_boolean_prefix(f.name,
			                      (new DayTerms(f.name, f.prefix, *db->db))->release());
	}
	qp.set_max_expansion(WILDCARD_MAX, Xapian::Query::WILDCARD_LIMIT_ERROR);
	unsigned flags = Xapian::QueryParser::FLAG_PHRASE |
	                 Xapian::QueryParser::FLAG_BOOLEAN |
	                 Xapian::QueryParser::FLAG_LOVEHATE |
	                 Xapian::QueryParser::FLAG_WILDCARD |
	                 Xapian::QueryParser::FLAG_PURE_NOT;
	Xapian::Query q = qp.parse_query(s->query, flags);
	if (!s->stopwords)
		return q;
	Xapian::Query kept = unstopped(q, stop_stems(s));
	return kept.empty() ? q : kept;
}

Xapian::Query with_filters(const struct xap_request *s, const Xapian::Query &q)
{
	Xapian::Query out = q;
	for (size_t i = 0; i < s->nfilters; i++) {
		const struct xap_filter &f = s->filters[i];
		Xapian::Query is(Xapian::Query::OP_VALUE_RANGE, Xapian::valueno(f.slot),
		                 f.value, f.value);
		if (out.empty())
			out = f.exclude ? Xapian::Query(Xapian::Query::OP_AND_NOT,
			                                Xapian::Query::MatchAll, is)
			                : is;
		else
			out = Xapian::Query(f.exclude ? Xapian::Query::OP_AND_NOT
			                              : Xapian::Query::OP_FILTER, out, is);
	}
	return out;
}

/* The body-field leaf terms of the positive part of Q. */
static void body_leaves(const Xapian::Query &q, std::vector<std::string> &out)
{
	int type = q.get_type();
	if (type == Xapian::Query::LEAF_TERM) {
		std::string t = *q.get_terms_begin(), bare;
		int stemmed;
		if (!article_term(t) && term_field(t, bare, stemmed) == FIELD_BODY)
			out.push_back(t);
		return;
	}
	size_t n = q.get_num_subqueries();
	if (type == Xapian::Query::OP_AND_NOT || type == Xapian::Query::OP_FILTER)
		n = n ? 1 : 0;
	for (size_t i = 0; i < n; i++)
		body_leaves(q.get_subquery(i), out);
}

/* Into OUT, the terms of Q that a passage matching Q may lack: those
 * under an OR-like node of two or more parts (OR, XOR, ELITE_SET, MAX, a
 * synonym such as a wildcard's expansion, the right of AND_MAYBE), not
 * the words an AND, a phrase or NEAR requires.  OPTIONAL: Q itself may be
 * lacking.  The right of FILTER and AND_NOT weighs nothing: left out. */
static void optional_terms(const Xapian::Query &q, bool optional,
                           std::vector<std::string> &out)
{
	int type = q.get_type();
	size_t n = q.get_num_subqueries();
	if (type == Xapian::Query::LEAF_TERM) {
		if (optional)
			out.push_back(*q.get_terms_begin());
		return;
	}
	bool any = type == Xapian::Query::OP_OR || type == Xapian::Query::OP_XOR ||
	           type == Xapian::Query::OP_ELITE_SET || type == Xapian::Query::OP_MAX ||
	           type == Xapian::Query::OP_SYNONYM;
	if (type == Xapian::Query::OP_AND_NOT || type == Xapian::Query::OP_FILTER)
		n = n ? 1 : 0;
	for (size_t i = 0; i < n; i++)
		optional_terms(q.get_subquery(i),
		               optional || (any && n > 1) ||
		                   (type == Xapian::Query::OP_AND_MAYBE && i > 0),
		               out);
}

/* The BM25 idf of TERM in DB (as Xapian's BM25Weight), at least 0.1 so
 * that a word in most headlines still lifts a little.  A lift takes its
 * word's body idf, not its field term's: headings are on few passages, so
 * there "can" and "how" looked as rare as names (a heading "Drivers can
 * sue Kestrel as a group" lifted its passage 9.3 for "how can a driver
 * get out of the Kestrel settlement"); BM25F too has one idf a word. */
static double lift_idf(const Xapian::Database &db, const std::string &term)
{
	double n = db.get_termfreq(term), docs = db.get_doccount();
	return std::max(0.1, std::log((docs - n + 0.5) / (n + 0.5)));
}

/* A constant weight W for every document holding TERM. */
static Xapian::Query constant(const std::string &term, double w)
{
	Xapian::PostingSource *c = new Xapian::FixedWeightPostingSource(w);
	return Xapian::Query(Xapian::Query::OP_FILTER, Xapian::Query(c->release()),
	                     Xapian::Query(term));
}

/* The headline lift of body word WORD through its title term TERM, X at
 * most, into HELD (every passage under the headline: X * LIFT_HELD_SHARE)
 * and LACKS (the rest, X * (1 - LIFT_HELD_SHARE), for the passages whose
 * own text lacks the word; with_lifts() keeps those to the passages the
 * query matches).
 * So a passage that holds the word, where BM25 already counts it, gets a
 * share (as BM25F adds a field's occurrences to the body's before
 * saturating them); one that lacks it but holds others of the query gets
 * it all; one that holds none gets a share, and comes after the passages
 * that hold the word.  Measured (eval/passages/README.md, "Lifts that
 * count what the text lacks"): the dev queries' question class 0.7726 ->
 * 0.8298 nDCG@10, no class lower.  A heading's lift stays whole: a
 * passage's heading is its own words for the body match of issue 14, and
 * split as this, "stand" ranked a passage whose headline alone held it
 * above three whose heading did (tests/e2e/t-passages.sh). */
static void lift_parts(const std::string &word, const std::string &term,
                       double x, std::vector<lift_const> &held,
                       std::vector<Xapian::Query> &lacks)
{
	held.push_back({term, x * LIFT_HELD_SHARE});
	lacks.push_back(Xapian::Query(Xapian::Query::OP_AND_NOT,
	                              constant(term, x * (1 - LIFT_HELD_SHARE)),
	                              Xapian::Query(word)));
}

/* The parts Q excludes (the right of AND_NOT: NOT b, -b), along its
 * required spine, so that a lift never brings back what the query ruled
 * out ("microsoft NOT azure" must not find Azure through a headline). */
static void negatives(const Xapian::Query &q, std::vector<Xapian::Query> &out)
{
	int type = q.get_type();
	size_t n = q.get_num_subqueries();
	if (type == Xapian::Query::OP_AND_NOT) {
		for (size_t i = 1; i < n; i++)
			out.push_back(q.get_subquery(i));
		n = n ? 1 : 0;
	} else if (type == Xapian::Query::OP_FILTER || type == Xapian::Query::OP_AND_MAYBE) {
		n = n ? 1 : 0;
	} else if (type != Xapian::Query::OP_AND) {
		return;
	}
	for (size_t i = 0; i < n; i++)
		negatives(q.get_subquery(i), out);
}

/* A lift: ALL for every passage under its field, OR'd with the query;
 * LACKING only where the query matches, AND_MAYBE'd with it (Xapian then
 * reads it at the query's matches only).  PLAIN: ALL's constants when ALL
 * is nothing but their OR (with_lifts() may make them one LiftUnion). */
struct lift {
	Xapian::Query all;
	Xapian::Query lacking;
	std::vector<lift_const> plain;
};

/* Whether Q is a term or an OR of such (the query "judge ruling appeal"
 * read as words of a field). */
static bool or_of_terms(const Xapian::Query &q)
{
	if (q.get_type() == Xapian::Query::LEAF_TERM)
		return true;
	if (q.get_type() != Xapian::Query::OP_OR)
		return false;
	for (size_t i = 0; i < q.get_num_subqueries(); i++)
		if (!or_of_terms(q.get_subquery(i)))
			return false;
	return true;
}

/* Q, a lift whose every part holds one of its field's terms, kept to the
 * passages whose field matches IN_FIELD, less RULED_OUT (negatives() of
 * the query).  When IN_FIELD is only an OR of the field's terms, Q already
 * is: the filter would cost a skip_to on each of them at every candidate
 * (the words class: 1.05x the median time, 1.24x the p95, at 20,000
 * articles with it).  So Q comes back as it is when both hold (bare()). */
static bool bare(const Xapian::Query &in_field, const std::vector<Xapian::Query> &ruled_out)
{
	return or_of_terms(in_field) && ruled_out.empty();
}

static Xapian::Query confined(const Xapian::Query &q, const Xapian::Query &in_field,
                              const std::vector<Xapian::Query> &ruled_out)
{
	if (q.empty() || bare(in_field, ruled_out))
		return q;
	Xapian::Query kept = or_of_terms(in_field)
	                         ? q
	                         : Xapian::Query(Xapian::Query::OP_FILTER, q, in_field);
	if (ruled_out.empty())
		return kept;
	return Xapian::Query(Xapian::Query::OP_AND_NOT, kept,
	                     Xapian::Query(Xapian::Query::OP_OR, ruled_out.begin(),
	                                   ruled_out.end()));
}

/* Into PARTS and LACKS, the lift of each body word of BASE whose FIELD
 * term DB holds: W x its idf; a heading's whole, a headline's split by
 * lift_parts() where a match may lack the word. */
static void lift_terms(const Xapian::Database &db, const Xapian::Query &base,
                       enum schema_field field, double w,
                       std::vector<lift_const> &parts,
                       std::vector<Xapian::Query> &lacks)
{
	/* a word the query requires ("court", or "court" in a date range,
	 * the words of a phrase or of NEAR) has no passage that matches the
	 * query and lacks it: its headline lifts every passage by the share,
	 * without LACKING's cost (date class: 1.36x the median time at
	 * 20,000 articles with it, near 1.12x) */
	std::vector<std::string> leaves, optional;
	optional_terms(base, false, optional);
	body_leaves(base, leaves);
	std::sort(leaves.begin(), leaves.end());
	leaves.erase(std::unique(leaves.begin(), leaves.end()), leaves.end());
	for (const std::string &t : leaves) {
		std::string term = schema_fields[field].prefix + t;
		if (db.get_termfreq(term) == 0)
			continue;
		double x = w * lift_idf(db, t);
		if (field == FIELD_SECTION) /* a heading is its passages' words */
			parts.push_back({term, x});
		else if (std::find(optional.begin(), optional.end(), t) == optional.end())
			parts.push_back({term, x * LIFT_HELD_SHARE});
		else
			lift_parts(t, term, x, parts, lacks);
	}
}

/* Why a constant and not BM25 on the field's terms: every passage of an
 * article holds its headline, so BM25's length normalisation would lift a
 * short bullet more than the paragraph beside it, the very failure of
 * issue 14.  Measured on eval/passages dev (eval/passages/README.md):
 * BM25 on the title terms at 0.5 gave 0.8065 nDCG@10, the constant 0.8168. */
static lift field_lift(const xap_db *db, const struct xap_request *s,
                       const Xapian::Query &base, enum schema_field field,
                       double w, legal_memo *memo)
{
	std::vector<lift_const> parts;
	std::vector<Xapian::Query> lacks;
	if (w > 0)
		lift_terms(*db->db, base, field, w, parts, lacks);
	if (parts.empty())
		return lift();
	Xapian::QueryParser qp;
	const struct schema_row &date = schema_fields[FIELD_DATE];
	Xapian::DateRangeProcessor dates(date.slot, std::string(date.name) + ":");
	qp.add_rangeprocessor(&dates);
	Xapian::Query in_field = parse(db, s, qp, field, memo);
	lift out;
	std::vector<Xapian::Query> held, ruled_out;
	negatives(base, ruled_out);
	for (const lift_const &c : parts)
		held.push_back(constant(c.term, c.weight));
	out.all = confined(Xapian::Query(Xapian::Query::OP_OR, held.begin(), held.end()),
	                   in_field, ruled_out);
	if (bare(in_field, ruled_out)) /* ALL is their OR as it is */
		out.plain = parts;
	if (!lacks.empty())
		out.lacking = confined(Xapian::Query(Xapian::Query::OP_OR, lacks.begin(), lacks.end()),
		                       in_field, ruled_out);
	return out;
}

/* TITLE's and HEADING's lifts as one LiftUnion, when both are plain and
 * together two constants or more, DB has no remote shard (its server
 * knows only Xapian's sources) and TITLE has no LACKING (an AND_MAYBE
 * that stays apart); else an empty query, and they are used as they are.
 * Measured at 20,000 articles (bench/queries.tsv, in process, median of
 * each query's median of 3): the common class (one word) 6,362 -> 2,718 us,
 * the time it took with every match checked (prunes_unsafely()) and
 * without. */
static Xapian::Query one_source(const xap_db *db, const lift &title, const lift &heading)
{
	if (db->remote || !title.lacking.empty() ||
	    (!title.all.empty() && title.plain.empty()) ||
	    (!heading.all.empty() && heading.plain.empty()))
		return Xapian::Query();
	std::vector<lift_const> all = title.plain;
	all.insert(all.end(), heading.plain.begin(), heading.plain.end());
	if (all.size() < 2)
		return Xapian::Query();
	return Xapian::Query((new LiftUnion(all))->release());
}

Xapian::Query with_lifts(const xap_db *db, const struct xap_request *s,
                         const Xapian::Query &base, legal_memo *memo,
                         std::vector<boost> *boosts)
{
	lift title = field_lift(db, s, base, FIELD_TITLE, s->title_weight, memo);
	lift heading = field_lift(db, s, base, FIELD_SECTION, HEADING_LIFT, memo);
	/* A passage whose heading holds a query word matches the query, as
	 * if its text held it (a heading is its passages' own words): so its
	 * headline words count as lacking too.  Measured: the first set's dev
	 * questions 0.8298 -> 0.8508 nDCG@10, set2's 0.6699 -> 0.6846; dev
	 * words 0.9394 -> 0.9379, set2's 0.7985 -> 0.7981, the rest equal
	 * ("why was the body camera video sealed": the two passages under
	 * "Why it was sealed" matched no word of their own). */
	Xapian::Query q = base;
	Xapian::Query one = one_source(db, title, heading);
	if (!one.empty())
		q = Xapian::Query(Xapian::Query::OP_OR, q, one);
	else if (!heading.all.empty())
		q = Xapian::Query(Xapian::Query::OP_OR, q, heading.all);
	Xapian::Query matched = q;
	if (!title.lacking.empty())
		q = Xapian::Query(Xapian::Query::OP_AND_MAYBE, q, title.lacking);
	if (!title.all.empty() && one.empty())
		q = Xapian::Query(Xapian::Query::OP_OR, q, title.all);
	if (!boosts)
		return q;
	Xapian::Query t = title.all;
	if (!title.lacking.empty())
		t = Xapian::Query(Xapian::Query::OP_OR, t,
		                  Xapian::Query(Xapian::Query::OP_FILTER, title.lacking, matched));
	boosts->push_back({t, "title boost"});
	boosts->push_back({heading.all, "heading boost"});
	return q;
}

/* Pseudo-relevance feedback chooses only stems of body words (unprefixed
 * terms of two bytes or more; not numbers) not already in the query. */
class ExpandStems : public Xapian::ExpandDecider {
	std::vector<std::string> have;

      public:
	explicit ExpandStems(const Xapian::Query &q)
	    : have(q.get_terms_begin(), q.get_terms_end()) {}
	bool operator()(const std::string &t) const override
	{
		if (t.size() < 2 || (t[0] >= 'A' && t[0] <= 'Z') ||
		    stem_keeps(t.data(), t.size()))
			return false;
		for (const std::string &h : have)
			if (h == t)
				return false;
		return true;
	}
};

/* Boost: terms that mark the top passages of BASE (Xapian's ESet). */
Xapian::Query expansion(Xapian::Enquire &enq, const Xapian::Query &base,
                               const struct xap_request *s)
{
	enq.set_query(base);
	Xapian::MSet top = enq.get_mset(0, s->expand_docs);
	if (top.empty())
		return Xapian::Query();
	Xapian::RSet rset;
	for (Xapian::MSetIterator i = top.begin(); i != top.end(); ++i)
		rset.add_document(*i);
	ExpandStems decider(base);
	Xapian::ESet eset = enq.get_eset(s->expand_terms, rset, &decider);
	std::vector<Xapian::Query> terms;
	for (Xapian::ESetIterator i = eset.begin(); i != eset.end(); ++i)
		terms.push_back(Xapian::Query(*i));
	if (terms.empty())
		return Xapian::Query();
	return Xapian::Query(s->expand_weight,
	                     Xapian::Query(Xapian::Query::OP_OR, terms.begin(),
	                                   terms.end()));
}

/* What a query part adds to one document's score: Xapian's own weight of
 * that part, filtered to the document (exact, since scores add up over the
 * parts of OR and AND_MAYBE). */
static double weight_in(Xapian::Enquire &probe, const Xapian::Query &part,
                        const Xapian::Query &doc)
{
	probe.set_query(Xapian::Query(Xapian::Query::OP_FILTER, part, doc));
	Xapian::MSet m = probe.get_mset(0, 1);
	return m.empty() ? 0.0 : m.begin().get_weight();
}

/* A term as a person reads it: field:word, "(stem)" for stems (every word
 * but a number). */
static std::string readable(const std::string &term)
{
	std::string bare;
	int stemmed;
	int field = term_field(term, bare, stemmed);
	return schema_fields[field].explain + bare + (stemmed ? " (stem)" : "");
}

static void explain_part(Xapian::Enquire &probe, const Xapian::Query &q,
                         const Xapian::Query &doc, std::string &out)
{
	int type = q.get_type();
	size_t n = q.get_num_subqueries();
	if ((type == Xapian::Query::LEAF_TERM || type == Xapian::Query::OP_SYNONYM) &&
	    q.get_terms_begin() != q.get_terms_end() && article_term(*q.get_terms_begin()))
		return;
	if (type == Xapian::Query::LEAF_TERM || type == Xapian::Query::OP_WILDCARD ||
	    type == Xapian::Query::OP_SYNONYM) {
		double w = weight_in(probe, q, doc);
		if (w > 0) {
			std::string what = type == Xapian::Query::LEAF_TERM
			                       ? readable(*q.get_terms_begin())
			                       : type == Xapian::Query::OP_WILDCARD
			                             ? wildcard_pattern(q) + "*"
			                             : q.get_description();
			out += what + "\t" + std::to_string(w) + "\n";
		}
		return;
	}
	if ((type == Xapian::Query::OP_PHRASE || type == Xapian::Query::OP_NEAR) &&
	    weight_in(probe, q, doc) <= 0)
		return; /* its words are here, but not together */
	if (type == Xapian::Query::OP_AND_NOT || type == Xapian::Query::OP_FILTER)
		n = n ? 1 : 0;
	for (size_t i = 0; i < n; i++)
		explain_part(probe, q.get_subquery(i), doc, out);
}

/* "what<TAB>weight" lines for the document at I: each matching word of the
 * user's query, then each boost. */
std::string explain(const xap_db *db, const Xapian::Weight &weight,
                           const Xapian::Query &base,
                           const std::vector<boost> &boosts,
                           const Xapian::MSetIterator &i)
{
	Xapian::TermIterator t = db->db->termlist_begin(*i);
	t.skip_to(PREFIX_ID);
	if (t == db->db->termlist_end(*i) || (*t).compare(0, 1, PREFIX_ID) != 0)
		return std::string();
	Xapian::Query doc(*t);
	Xapian::Enquire probe(*db->db);
	probe.set_weighting_scheme(weight);
	std::string out;
	/* A passage found only through a lift (its headline holds "+google",
	 * its body does not) has no part of BASE to show. */
	probe.set_query(Xapian::Query(Xapian::Query::OP_FILTER, base, doc));
	if (!probe.get_mset(0, 1).empty())
		explain_part(probe, base, doc, out);
	for (const boost &b : boosts) {
		double w = weight_in(probe, b.query, doc);
		if (w > 0)
			out += std::string(b.name) + "\t" + std::to_string(w) + "\n";
	}
	return out;
}
