/* marks.cc — which passages have copies: per shard, the sorted docids of
 * the passages that a search would confirm as a copy of another passage
 * of the index (copies.cc's rules), in one file beside the shard's tables
 * (MARKS_FILE).
 *
 * Why: a search finds each shown hit's copies by looking its keys up
 * (copies.cc), which made a rare word's search at 20,000 articles read
 * 477 blocks against 338 without copies, 1.58-1.69x its time.  Marking
 * the passages that merely share a copy key (a first version) marked 22%
 * of the benchmark corpus's passages, which has no copies, and left the
 * rare words at 1.33x: the keys of a small vocabulary collide.  So the
 * writer confirms each candidate pair on the texts, as a search would,
 * and a hit that is not marked has no copy: nothing to look up.
 *
 * The marks are of the whole index (copies cross shards), so the writer
 * computes them for every shard at once, after a run's last commit
 * (xap_marks_write): each pair of holders of a shared key with a passage
 * new since the file before (a docid past its LAST; docket writes a
 * changed passage anew), the rest carried over.  A reader trusts them
 * only when every shard's file names that shard's UUID, revision and
 * last docid as the reader sees them and its checksum holds (marks_of):
 * one shard changed since makes them all unproven.  Then, and for an
 * index that is not one docket index's shards (a stub not ours, remote
 * shards, several indexes searched together: xap_db::marked), every hit
 * is looked up as before, exact either way.  A mark is a superset: a copy
 * deleted leaves its partner marked, which costs a look-up that finds
 * nothing.
 *
 * Layout, native byte order: the header below, then NMARKED u32 docids,
 * ascending.
 *
 * Callers: indexer/indexer.c (writing), copies.cc and match.cc (reading).
 */
#include "engine-private.h"

#include <fcntl.h>
#include <unistd.h>

#include <xxhash.h>

#define MARKS_MAGIC "DKTMRK01"
#define MARKS_ORDER 0x01020304u

struct marks_header {
	char magic[8];
	uint32_t order;
	uint32_t revision; /* the shard's Xapian revision */
	uint32_t last;     /* its last docid */
	uint32_t nmarked;
	uint64_t sum;      /* XXH3 of the docids */
	char uuid[48];     /* the shard's UUID, NUL-padded */
};

/* The header D's marks file must have (NMARKED and SUM left 0). */
static marks_header header_for(const Xapian::Database &d)
{
	marks_header h;
	memset(&h, 0, sizeof h);
	memcpy(h.magic, MARKS_MAGIC, 8);
	h.order = MARKS_ORDER;
	shard_stamp(d, &h.revision, &h.last, h.uuid);
	return h;
}

/* Whether A and B name the same shard state. */
static bool same_state(const marks_header &a, const marks_header &b)
{
	return !memcmp(a.magic, b.magic, 8) && a.order == b.order &&
	       a.revision == b.revision && a.last == b.last &&
	       !memcmp(a.uuid, b.uuid, sizeof a.uuid);
}

static std::string marks_path(const std::string &dir)
{
	return dir + "/" MARKS_FILE;
}

/* FILE's whole contents into OUT; false when it cannot be read. */
static bool slurp(const std::string &file, std::string &out)
{
	int fd = open(file.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
	if (fd < 0)
		return false;
	char b[65536];
	ssize_t r;
	out.clear();
	while ((r = read(fd, b, sizeof b)) > 0)
		out.append(b, size_t(r));
	close(fd);
	return r == 0;
}

/* The marked docids of FILE if it is D's marks now (header, size and
 * checksum), else NULL. */
static std::shared_ptr<const shard_marks> marks_load(const std::string &file,
                                                     const Xapian::Database &d)
{
	std::string data;
	marks_header h, want = header_for(d);
	if (!slurp(file, data) || data.size() < sizeof h)
		return nullptr;
	memcpy(&h, data.data(), sizeof h);
	size_t body = data.size() - sizeof h;
	if (!same_state(h, want) || body != size_t(h.nmarked) * 4 ||
	    XXH3_64bits(data.data() + sizeof h, body) != h.sum)
		return nullptr;
	std::shared_ptr<shard_marks> m = std::make_shared<shard_marks>();
	m->revision = h.revision;
	m->last = h.last;
	m->ids.resize(h.nmarked);
	memcpy(m->ids.data(), data.data() + sizeof h, body);
	return m;
}

bool shard_marks::has(Xapian::docid local) const
{
	return std::binary_search(ids.begin(), ids.end(), uint32_t(local));
}

std::vector<std::shared_ptr<const shard_marks>> marks_of(xap_db *db)
{
	std::vector<std::shared_ptr<const shard_marks>> out;
	if (!db->marked || db->shards.empty() || db->shard_dirs.size() != db->shards.size())
		return out;
	std::lock_guard<std::mutex> hold(db->marks_mu);
	db->marks.resize(db->shards.size());
	for (size_t k = 0; k < db->shards.size(); k++) {
		std::shared_ptr<const shard_marks> &m = db->marks[k];
		if (!m || m->revision != db->shards[k].get_revision() ||
		    m->last != db->shards[k].get_lastdocid())
			m = marks_load(marks_path(db->shard_dirs[k]), db->shards[k]);
		if (!m) {
			out.clear();
			return out;
		}
		out.push_back(m);
	}
	return out;
}

copy_gate::copy_gate(xap_db *db) : marks(marks_of(db))
{
	if (getenv("DOCKET_COPY_TRACE"))
		fprintf(stderr, "docket: copies: %s\n", marks.empty()
		        ? "every hit looked up (no current marks for this index)"
		        : "marked hits looked up");
}

bool copy_gate::may_have(Xapian::docid global) const
{
	if (marks.empty())
		return true;
	Xapian::docid n = Xapian::docid(marks.size());
	return marks[(global - 1) % n]->has((global - 1) / n + 1);
}

bool copy_gate::may_have(size_t shard, Xapian::docid local) const
{
	return marks.empty() || marks[shard]->has(local);
}

/* ------------------------------------------------------------ writing */

/* One computation of the marks of N shards combined in ALL. */
struct marking {
	Xapian::Database all;
	size_t n = 0;
	std::vector<uint32_t> old_last;          /* per shard: docids up to it
	                                          * were judged by the file
	                                          * before (0: none was) */
	std::vector<std::vector<uint32_t>> ids;  /* per shard: marked */
	struct seen {
		Xapian::Document doc;
		copies_sig sig;
		std::unique_ptr<prepared> text;  /* made when first compared */
	};
	std::unordered_map<Xapian::docid, seen> cache; /* global docid */

	size_t shard(Xapian::docid g) const { return (g - 1) % n; }
	uint32_t local(Xapian::docid g) const { return uint32_t((g - 1) / n + 1); }
	bool fresh(Xapian::docid g) const { return local(g) > old_last[shard(g)]; }
	void mark(Xapian::docid g) { ids[shard(g)].push_back(local(g)); }
	seen &at(Xapian::docid g)
	{
		auto it = cache.find(g);
		if (it == cache.end()) {
			seen s{all.get_document(g), copies_sig(), nullptr};
			s.sig = sig_of(s.doc);
			it = cache.emplace(g, std::move(s)).first;
		}
		return it->second;
	}
};

/* Carry over the marks of shard K's file before (same UUID, any
 * revision): its docids up to its LAST were judged then, and a passage
 * never changes under its docid (docket writes a changed one anew). */
static void carry_over(marking &m, size_t k, const std::string &file,
                       const Xapian::Database &d)
{
	std::string data;
	marks_header h, want = header_for(d);
	if (!slurp(file, data) || data.size() < sizeof h)
		return;
	memcpy(&h, data.data(), sizeof h);
	size_t body = data.size() - sizeof h;
	if (memcmp(h.magic, want.magic, 8) || h.order != want.order ||
	    memcmp(h.uuid, want.uuid, sizeof h.uuid) || body != size_t(h.nmarked) * 4 ||
	    XXH3_64bits(data.data() + sizeof h, body) != h.sum || h.last > want.last)
		return;
	m.old_last[k] = h.last;
	const uint32_t *v = reinterpret_cast<const uint32_t *>(data.data() + sizeof h);
	m.ids[k].insert(m.ids[k].end(), v, v + h.nmarked);
}

/* The holders G of one copy key that are copies of another: for a key
 * held by at most BAND_TERM_MAX passages each pair with a passage new
 * since the last marks, confirmed on the texts as a search confirms
 * them (copies.cc); for a more common one, those with the same signature
 * value, which a search finds by value (keys_query). */
static void judge(marking &m, const std::vector<Xapian::docid> &g)
{
	if (g.size() > BAND_TERM_MAX) {
		std::map<std::string, std::vector<Xapian::docid>> same;
		for (Xapian::docid d : g)
			same[m.all.get_document(d).get_value(SLOT_COPY_SIG)].push_back(d);
		for (auto &e : same)
			if (e.second.size() > 1 && !e.first.empty())
				for (Xapian::docid d : e.second)
					m.mark(d);
		return;
	}
	for (size_t i = 0; i < g.size(); i++)
		for (size_t j = i + 1; j < g.size(); j++) {
			if (!m.fresh(g[i]) && !m.fresh(g[j]))
				continue;
			marking::seen &a = m.at(g[i]), &b = m.at(g[j]);
			if (confirmed(m.all, a.sig, a.doc, a.text, b.sig, b.doc, b.text))
				m.mark(g[i]), m.mark(g[j]);
		}
}

/* Judge the holders of every term of PREFIX that more than one passage
 * holds, when one of them is new. */
static void judge_all(marking &m, const char *prefix)
{
	std::vector<Xapian::docid> g;
	for (Xapian::TermIterator t = m.all.allterms_begin(prefix);
	     t != m.all.allterms_end(prefix); ++t) {
		if (t.get_termfreq() < 2)
			continue;
		g.clear();
		bool any_fresh = false;
		for (Xapian::PostingIterator p = m.all.postlist_begin(*t);
		     p != m.all.postlist_end(*t); ++p) {
			g.push_back(*p);
			any_fresh = any_fresh || m.fresh(*p);
		}
		if (any_fresh)
			judge(m, g);
	}
}

/* Whether every shard's marks file already names its shard's state. */
static bool all_current(xap_db *const *shards, const char *const *dirs, size_t n)
{
	for (size_t k = 0; k < n; k++) {
		marks_header h;
		int fd = open(marks_path(dirs[k]).c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
		bool got = fd >= 0 && read(fd, &h, sizeof h) == ssize_t(sizeof h);
		if (fd >= 0)
			close(fd);
		if (!got || !same_state(h, header_for(rd(shards[k]))))
			return false;
	}
	return true;
}

/* Shard K's marks file, of the sorted IDS. */
static void write_marks(const std::string &file, const Xapian::Database &d,
                        std::vector<uint32_t> &ids)
{
	std::sort(ids.begin(), ids.end());
	ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
	marks_header h = header_for(d);
	h.nmarked = uint32_t(ids.size());
	h.sum = XXH3_64bits(ids.data(), ids.size() * 4);
	std::string data(reinterpret_cast<const char *>(&h), sizeof h);
	data.append(reinterpret_cast<const char *>(ids.data()), ids.size() * 4);
	replace_file(file, data);
}

extern "C" int xap_marks_write(xap_db *const *shards, const char *const *dirs,
                               size_t n, size_t *marked)
{
	size_t k = 0;
	*marked = 0;
	try {
		if (all_current(shards, dirs, n))
			return DOCKET_OK;
		marking m;
		m.n = n;
		m.old_last.assign(n, 0);
		m.ids.resize(n);
		for (; k < n; k++) {
			m.all.add_database(rd(shards[k]));
			carry_over(m, k, marks_path(dirs[k]), rd(shards[k]));
		}
		judge_all(m, PREFIX_BAND);
		judge_all(m, PREFIX_FINGERPRINT);
		for (k = 0; k < n; k++) {
			write_marks(marks_path(dirs[k]), rd(shards[k]), m.ids[k]);
			*marked += m.ids[k].size();
		}
		return DOCKET_OK;
	} catch (...) {
		return fail_from(shards[k < n ? k : 0],
		                 std::string(dirs[k < n ? k : 0]) + ": writing its copy marks");
	}
}
