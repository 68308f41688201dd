/* marks.cc — which passages may have copies: per shard, the sorted docids
 * of the passages holding a copy key (XB band or XP fingerprint term,
 * common/copies.h) that another passage of the index holds too, in one
 * file beside the shard's tables (MARKS_FILE).
 *
 * Why: a search finds each shown hit's copies by looking its keys up
 * (copies.cc), which made a rare word's search at 20,000 articles read
 * 477 blocks against 338 without copies, 1.58-1.69x its time.  On an index
 * without syndication almost no passage shares a key, and a hit that is
 * not marked here has no copy: nothing to look up.
 *
 * The marks are of the whole index (a key may be shared across shards),
 * so the writer computes them for every shard at once, after a run's last
 * commit (xap_marks_write), and a reader trusts them only when every
 * shard's file names that shard's UUID, revision and last docid as the
 * reader sees them and its checksum holds (marks_of): one shard changed
 * since makes them all unproven.  Then, and for an index that is not one
 * docket index's shards (a stub not ours, remote shards, several indexes
 * searched together: xap_db::marked), every hit is looked up as before,
 * exact either way.  A mark is a superset: a copy deleted leaves it until
 * the next run writes.
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
	h.revision = uint32_t(d.get_revision());
	h.last = d.get_lastdocid();
	std::string uuid = d.get_uuid();
	memcpy(h.uuid, uuid.data(), std::min(uuid.size(), sizeof h.uuid - 1));
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

/* Every docid of ALL (N shards combined) holding a term of PREFIX that
 * another passage holds too, as (shard, local) into TODO[shard]. */
static void shared_holders(Xapian::Database &all, const char *prefix, size_t n,
                           std::vector<std::vector<uint32_t>> &todo)
{
	for (Xapian::TermIterator t = all.allterms_begin(prefix);
	     t != all.allterms_end(prefix); ++t) {
		if (t.get_termfreq() < 2)
			continue;
		for (Xapian::PostingIterator p = all.postlist_begin(*t);
		     p != all.postlist_end(*t); ++p)
			todo[(*p - 1) % n].push_back(uint32_t((*p - 1) / Xapian::docid(n) + 1));
	}
}

/* Whether every shard's marks file already names its shard's state. */
static bool all_current(xap_db *const *shards, const char *const *dirs, size_t n)
{
	for (size_t k = 0; k < n; k++) {
		std::string data;
		marks_header h;
		if (!slurp(marks_path(dirs[k]), data) || data.size() < sizeof h)
			return false;
		memcpy(&h, data.data(), sizeof h);
		if (!same_state(h, header_for(rd(shards[k]))))
			return false;
	}
	return true;
}

extern "C" int xap_marks_write(xap_db *const *shards, const char *const *dirs,
                               size_t n, size_t *marked)
{
	size_t k = 0;
	*marked = 0;
	try {
		if (all_current(shards, dirs, n))
			return DOCKET_OK;
		Xapian::Database all;
		for (; k < n; k++)
			all.add_database(rd(shards[k]));
		std::vector<std::vector<uint32_t>> todo(n);
		shared_holders(all, PREFIX_BAND, n, todo);
		shared_holders(all, PREFIX_FINGERPRINT, n, todo);
		for (k = 0; k < n; k++) {
			std::vector<uint32_t> &ids = todo[k];
			std::sort(ids.begin(), ids.end());
			ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
			marks_header h = header_for(rd(shards[k]));
			h.nmarked = uint32_t(ids.size());
			h.sum = XXH3_64bits(ids.data(), ids.size() * 4);
			std::string data(reinterpret_cast<const char *>(&h), sizeof h);
			data.append(reinterpret_cast<const char *>(ids.data()), ids.size() * 4);
			replace_file(marks_path(dirs[k]), data);
			*marked += ids.size();
		}
		return DOCKET_OK;
	} catch (...) {
		return fail_from(shards[k < n ? k : 0],
		                 std::string(dirs[k < n ? k : 0]) + ": writing its copy marks");
	}
}
