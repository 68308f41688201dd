/* copies.cc — copy groups at search time: collapsing the copies among the
 * top hits, finding each shown hit's members, and `docket copies`.
 *
 * Nothing about a group is stored: each passage holds its own keys (its
 * band terms XB, or its exact fingerprint term XP when it has no bands
 * (schema 6), both in its slot 12 value;
 * common/copies.h), and a group is found by looking the keys up when a hit
 * is shown, then confirming each candidate on the texts.  Which passages
 * have copies at all is kept beside each shard (marks.cc): a search of one
 * index looks up the marked hits only, most often none.  So a group is
 * always what the index holds now — after updates, deletions and merges,
 * across shards and remote shards — with no rebuild.  A group is the
 * passages confirmed as copies of the hit itself (not a transitive
 * closure), so what a hit lists never depends on other hits.
 *
 * Callers: match.cc (collapsing, members), searcher/query.c (xap_copies).
 */
#include "engine-private.h"

#define MEMBERS_MAX 1000 /* candidates read per search: a bound, not a cap
                          * any real group reaches */
/* The signature a document holds (all zero when none). */
copies_sig sig_of(const Xapian::Document &doc)
{
	copies_sig sig;
	std::string v = doc.get_value(SLOT_COPY_SIG);
	if (copies_sig_decode(v.data(), v.size(), &sig))
		memset(&sig, 0, sizeof sig);
	return sig;
}

/* The passage text of a document's record ("" when it has none). */
static std::string text_of(const Xapian::Document &doc)
{
	std::string data = doc.get_data();
	struct record r;
	if (record_decode(data.data(), data.size(), &r))
		return std::string();
	return std::string(r.f[REC_TEXT], r.len[REC_TEXT]);
}

prepared::prepared(const Xapian::Document &doc) : words(0), fingerprint(0)
{
	std::string text = text_of(doc);
	copies_text t;
	if (copies_text_init(&t, text.data(), text.size()))
		throw std::bad_alloc();
	words = t.words;
	fingerprint = t.fingerprint;
	sh.assign(t.sh, t.sh + t.nsh);
	copies_text_free(&t);
}

/* copies_same_texts() on two prepared passages. */
static bool same_texts(const prepared &a, const prepared &b)
{
	copies_text x = {a.words, a.fingerprint, const_cast<uint64_t *>(a.sh.data()), a.sh.size()};
	copies_text y = {b.words, b.fingerprint, const_cast<uint64_t *>(b.sh.data()), b.sh.size()};
	return copies_same_texts(&x, &y) == 1;
}

/* Whether A and B share a band key that at most BAND_TERM_MAX passages
 * of ALL hold (the key, not its low 16 bits, which the terms ignore).  A
 * commoner key counts neither for the marks nor for a group's look-up
 * (useful_terms()), so a hit dropped by it was listed nowhere: of 80
 * passages differing in a number, whose band keys 60-70 held, a search
 * without marks returned 3 hits and listed no copy. */
static bool shared_key(const Xapian::Database &all, const copies_sig &a,
                       const copies_sig &b)
{
	int rc = 0;
	bool found = false;
	buf t = BUF_INIT;
	for (unsigned i = 0; i < a.nbands && i < b.nbands && !found && !rc; i++) {
		if (a.band[i] >> 16 != b.band[i] >> 16)
			continue;
		buf_reset(&t);
		copies_band_term(&rc, &t, i, a.band[i]);
		found = !rc && all.get_termfreq(std::string(t.p, t.n)) <= BAND_TERM_MAX;
	}
	buf_free(&t);
	if (rc)
		throw std::bad_alloc();
	return found;
}

bool confirmed(const Xapian::Database &all, const copies_sig &a,
               const Xapian::Document &da, std::unique_ptr<prepared> &pa,
               const copies_sig &b, const Xapian::Document &db,
               std::unique_ptr<prepared> &pb)
{
	if (a.fingerprint && a.fingerprint == b.fingerprint)
		return true;
	if (!shared_key(all, a, b))
		return false;
	if (!pa)
		pa.reset(new prepared(da));
	if (!pb)
		pb.reset(new prepared(db));
	return same_texts(*pa, *pb);
}

bool copy_filter::copy_of_kept(const Xapian::Document &doc, bool may, copies_sig &sig)
{
	if (!may) { /* unmarked: it has no copy */
		memset(&sig, 0, sizeof sig);
		return false;
	}
	sig = sig_of(doc);
	if (!sig.fingerprint)
		return false;
	std::unique_ptr<prepared> mine;
	for (seen &k : kept)
		if (confirmed(all, k.sig, k.doc, k.text, sig, doc, mine))
			return true;
	return false;
}

void copy_filter::keep(const Xapian::Document &doc, const copies_sig &sig)
{
	if (sig.fingerprint)
		kept.push_back({sig, doc, std::unique_ptr<prepared>()});
}

/* The terms that would find the copies of a passage with signature SIG:
 * its band terms, or its fingerprint term when it has no bands (schema 6:
 * exact copies share every band), appended to OUT. */
static void key_terms(const copies_sig &sig, std::vector<std::string> &out)
{
	int rc = 0;
	buf t = BUF_INIT;
	if (sig.fingerprint && !sig.nbands) { /* schema 6: see copies.h */
		copies_fingerprint_term(&rc, &t, sig.fingerprint);
		if (!rc)
			out.push_back(std::string(t.p, t.n));
	}
	for (unsigned i = 0; i < sig.nbands && !rc; i++) {
		buf_reset(&t);
		copies_band_term(&rc, &t, i, sig.band[i]);
		if (!rc)
			out.push_back(std::string(t.p, t.n));
	}
	buf_free(&t);
	if (rc)
		throw std::bad_alloc();
}

/* Keep of TERMS (sorted and made distinct here, so the look-ups walk the
 * term table in order) those another passage holds too, band terms only
 * when at most BAND_TERM_MAX passages do; every term's frequency goes to
 * *TF. */
static void useful_terms(Xapian::Database &db, std::vector<std::string> &terms,
                         std::map<std::string, Xapian::doccount> *tf)
{
	std::sort(terms.begin(), terms.end());
	terms.erase(std::unique(terms.begin(), terms.end()), terms.end());
	size_t k = 0;
	for (const std::string &t : terms) {
		Xapian::doccount n = (*tf)[t] = db.get_termfreq(t);
		bool band = t.compare(0, strlen(PREFIX_BAND), PREFIX_BAND) == 0;
		if (n > 1 && (!band || n <= BAND_TERM_MAX))
			terms[k++] = t;
	}
	terms.resize(k);
}

/* What finds the passages of the hits' groups: the useful TERMS, and for
 * a banded hit whose every band key is held by too many passages to look
 * them all up (TF), its exact copies: the holders of its rarest band with
 * the same signature value (the fingerprint and band keys of the same
 * words).  Exact copies share every band, so any band a search looks up
 * finds them; before schema 6 the fingerprint term did.  A value range is
 * Xapian's own, so remote shards answer it too. */
static Xapian::Query keys_query(const std::vector<std::string> &terms,
                                const std::map<std::string, Xapian::doccount> &tf,
                                const std::vector<copies_sig> &sigs,
                                const std::vector<std::string> &values)
{
	std::vector<Xapian::Query> keys(terms.begin(), terms.end());
	for (size_t i = 0; i < sigs.size(); i++) {
		std::vector<std::string> mine;
		if (!sigs[i].nbands)
			continue;
		key_terms(sigs[i], mine);
		const std::string *rarest = NULL;
		Xapian::doccount least = 0;
		for (const std::string &t : mine) {
			auto at = tf.find(t);
			Xapian::doccount n = at == tf.end() ? 0 : at->second;
			if (n <= BAND_TERM_MAX) { /* looked up, or no copy at all */
				rarest = NULL;
				break;
			}
			if (!rarest || n < least)
				rarest = &t, least = n;
		}
		if (rarest)
			keys.push_back(Xapian::Query(Xapian::Query::OP_FILTER, Xapian::Query(*rarest),
			                             Xapian::Query(Xapian::Query::OP_VALUE_RANGE,
			                                           SLOT_COPY_SIG, values[i], values[i])));
	}
	return Xapian::Query(Xapian::Query::OP_OR, keys.begin(), keys.end());
}

/* One passage found through the keys. */
struct candidate {
	Xapian::docid id;
	Xapian::Document doc;
	copies_sig sig;
	std::unique_ptr<prepared> text;
	bool matched;
};

/* The docids of the passages holding any of TERMS (at most MEMBERS_MAX),
 * ascending. */
static std::vector<Xapian::docid> look_up(Xapian::Database &db, const Xapian::Query &keys)
{
	std::vector<Xapian::docid> out;
	Xapian::Enquire enq(db);
	enq.set_query(keys);
	enq.set_weighting_scheme(Xapian::BoolWeight());
	enq.set_docid_order(Xapian::Enquire::ASCENDING);
	Xapian::MSet m = enq.get_mset(0, MEMBERS_MAX);
	for (Xapian::MSetIterator i = m.begin(); i != m.end(); ++i)
		out.push_back(*i);
	return out;
}

/* Mark the candidates that match Q. */
static void mark_matched(Xapian::Database &db, const Xapian::Query &q,
                         const Xapian::Query &keys, std::vector<candidate> &cands)
{
	Xapian::Enquire enq(db);
	enq.set_query(Xapian::Query(Xapian::Query::OP_FILTER, q, keys));
	enq.set_weighting_scheme(Xapian::BoolWeight());
	Xapian::MSet m = enq.get_mset(0, MEMBERS_MAX);
	std::vector<Xapian::docid> hit;
	for (Xapian::MSetIterator i = m.begin(); i != m.end(); ++i)
		hit.push_back(*i);
	std::sort(hit.begin(), hit.end());
	for (candidate &c : cands)
		c.matched = std::binary_search(hit.begin(), hit.end(), c.id);
}

/* Append candidate C to match M's members. */
static void add_member(xap_match *m, const candidate &c)
{
	size_t n = m->nmembers + 1;
	xap_member *v = (xap_member *)realloc(m->members, n * sizeof *v);
	if (!v)
		throw std::bad_alloc();
	m->members = v;
	std::string data = c.doc.get_data();
	v[m->nmembers] = {copy_out(data), data.size(), c.matched ? 1 : 0};
	m->nmembers = n;
}

/* The candidates confirmed as copies of the passage HIT (DOC, signature
 * SIG), appended to M's members. */
static void members_of(const Xapian::Database &all, Xapian::docid hit,
                       const Xapian::Document &doc, const copies_sig &sig,
                       std::vector<candidate> &cands, xap_match *m)
{
	if (!sig.fingerprint)
		return; /* no keys, or unmarked: nobody's copy */
	std::unique_ptr<prepared> mine;
	for (candidate &c : cands)
		if (c.id != hit && confirmed(all, sig, doc, mine, c.sig, c.doc, c.text))
			add_member(m, c);
}

void copy_members(Xapian::Database &db, const Xapian::Query &q,
                  const std::vector<Xapian::docid> &hits, bool distinct,
                  const copy_gate &gate, xap_result *res)
{
	std::vector<Xapian::Document> docs;
	std::vector<copies_sig> sigs;
	std::vector<std::string> terms, values;
	std::map<std::string, Xapian::doccount> tf;
	for (Xapian::docid id : hits) {
		docs.push_back(db.get_document(id));
		values.push_back(gate.may_have(id) ? docs.back().get_value(SLOT_COPY_SIG)
		                                   : std::string());
		copies_sig sig;
		if (copies_sig_decode(values.back().data(), values.back().size(), &sig))
			memset(&sig, 0, sizeof sig); /* none, or unmarked: no copies */
		sigs.push_back(sig);
		key_terms(sigs.back(), terms);
	}
	if (terms.empty())
		return; /* no hit may have copies */
	useful_terms(db, terms, &tf);
	Xapian::Query keys = keys_query(terms, tf, sigs, values);
	if (keys.empty())
		return; /* no other passage holds a key: no copies (the common case) */
	std::vector<Xapian::docid> found = look_up(db, keys);
	std::vector<Xapian::docid> sorted(hits);
	std::sort(sorted.begin(), sorted.end());
	size_t others = 0;
	for (Xapian::docid id : found)
		others += !std::binary_search(sorted.begin(), sorted.end(), id);
	if (!others && distinct)
		return; /* only the hits themselves: no copies (the common case) */
	std::vector<candidate> cands;
	for (Xapian::docid id : found) {
		Xapian::Document doc = db.get_document(id);
		cands.push_back({id, doc, sig_of(doc), std::unique_ptr<prepared>(), false});
	}
	if (!q.empty())
		mark_matched(db, q, keys, cands);
	for (size_t i = 0; i < hits.size(); i++)
		members_of(db, hits[i], docs[i], sigs[i], cands, &res->m[i]);
}

extern "C" int xap_copies(xap_db *db, const char *id, xap_result *res)
{
	try {
		xap_result_clear(res);
		Xapian::Database &d = rd(db);
		Xapian::PostingIterator p = d.postlist_begin(id);
		if (p == d.postlist_end(id))
			return xap_fail(db, DOCKET_NOT_FOUND, "no passage with that id");
		res->m = (xap_match *)calloc(1, sizeof *res->m);
		if (!res->m)
			throw std::bad_alloc();
		Xapian::Document doc = d.get_document(*p);
		std::string data = doc.get_data();
		res->m[0].data = copy_out(data);
		res->m[0].len = data.size();
		res->n = 1;
		std::vector<Xapian::docid> hit(1, *p);
		copy_members(d, Xapian::Query(), hit, true, copy_gate(db), res);
		res->estimated = 1 + res->m[0].nmembers;
		return DOCKET_OK;
	} catch (...) {
		xap_result_clear(res);
		return fail_from(db, "reading copies");
	}
}
