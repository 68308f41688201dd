/* columns.cc — facet columns: a shard's facet values by docid, in one file
 * beside its tables (COLUMNS_FILE), so that counting every match by
 * outlet, source, author, month or year reads arrays instead of value
 * streams.
 *
 * Why: counting a common word's 127,000 matches at 20,000 articles by
 * outlet, source and month cost 2.6G instructions, 1.95G of them in the
 * spy's four value streams and its string maps, against 0.54G for the
 * whole search; the facets took 8.8x the search's p95 (issue 19's budget
 * is 2x).  From the columns a row is a few array reads.
 *
 * The file is a cache of what the value slots hold (schema.h: 1 article,
 * 2 outlet, 3 sources, 4 author, 0 date), never the only copy: the writer
 * rebuilds it after every run that changed its shard (xap_columns_write),
 * and a reader uses it only when its header names the shard's UUID,
 * revision and last docid as the reader sees them and its checksum holds;
 * anything else (an older docket, a crash between the commit and the
 * rename, a damaged file, a remote shard) makes the counts come from the
 * value streams as before (engine/scan.cc), exact either way.
 *
 * Layout, native byte order (the magic says which): the header below,
 * then per docid 0..LAST four u32 arrays — article ordinal + 1 (0: no
 * document), outlet, author and date ordinals + 1 (0: no value) — then
 * the sources as offsets (LAST + 2 u32) into one u32 array of source
 * ordinals, then the string tables of outlets, authors, dates, sources
 * and article keys, each string as a u32 length and its bytes.
 *
 * Timelines by publication date read their rows (article, date, outlet)
 * from the columns too (scan.cc's ColumnRowSpy).
 *
 * Callers: indexer/indexer.c (writing, after a run's last commit and
 * before the seal), scan.cc and
 * match.cc (counting, timelines).
 */
#include "engine-private.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>

#include <unordered_map>

#include <xxhash.h>

extern "C" {
#include "valuelist.h"
}

#define COLUMNS_MAGIC "DKTCOL03" /* 02: a draft with copy keys */
#define COLUMNS_ORDER 0x01020304u /* as written: a reader with another
                                   * byte order sees another number */

struct columns_header {
	char magic[8];
	uint32_t order;
	uint32_t revision;  /* the shard's Xapian revision */
	uint32_t last;      /* its last docid */
	uint32_t narticles;
	uint32_t nstrings[COL_TABLES]; /* outlets, authors, dates, sources,
	                                * article keys */
	uint32_t nsources;  /* entries of the sources array */
	uint32_t pad;
	uint64_t sum;       /* XXH3 of everything after the header */
	char uuid[48];      /* the shard's UUID, NUL-padded */
};

static_assert(sizeof(columns_header) % 4 == 0, "the u32 arrays follow the header");

/* ----------------------------------------------------------- building */

/* Strings to ordinals, in first-seen order. */
struct interner {
	std::unordered_map<std::string, uint32_t> ids;
	std::vector<const std::string *> order;
	uint32_t id(const std::string &s)
	{
		auto at = ids.emplace(s, uint32_t(order.size()));
		if (at.second)
			order.push_back(&at.first->first);
		return at.first->second;
	}
};

/* What the file will hold, built from the shard's value streams. */
struct column_build {
	std::vector<uint32_t> col[4]; /* article, outlet, author, date */
	std::vector<uint32_t> src_off, src;
	interner str[COL_TABLES];
	uint32_t narticles = 0;
};

/* Fill column C (0: article) of B from slot SLOT of D: ordinal + 1 of each
 * docid's value; empty values stay 0, except for the article (every
 * document has one, "" included). */
static void fill_column(column_build &b, const Xapian::Database &d, int c,
                        Xapian::valueno slot, interner &in)
{
	for (Xapian::ValueIterator v = d.valuestream_begin(slot);
	     v != d.valuestream_end(slot); ++v) {
		Xapian::docid did = v.get_docid();
		if (did < b.col[c].size())
			b.col[c][did] = in.id(*v) + 1;
	}
}

/* The sources of every docid of D, as offsets into B.src. */
static void fill_sources(column_build &b, const Xapian::Database &d, size_t last)
{
	std::vector<std::pair<Xapian::docid, std::string>> lists;
	for (Xapian::ValueIterator v = d.valuestream_begin(SLOT_SOURCES);
	     v != d.valuestream_end(SLOT_SOURCES); ++v)
		lists.emplace_back(v.get_docid(), *v);
	b.src_off.assign(last + 2, 0);
	size_t at = 0;
	for (size_t did = 0; did <= last; did++) {
		b.src_off[did] = uint32_t(b.src.size());
		if (at < lists.size() && lists[at].first == did) {
			struct valuelist_iter it;
			const char *s;
			size_t n;
			valuelist_begin(&it, lists[at].second.data(), lists[at].second.size());
			while (valuelist_next(&it, &s, &n))
				if (n)
					b.src.push_back(b.str[COL_SOURCES].id(std::string(s, n)));
			at++;
		}
	}
	b.src_off[last + 1] = uint32_t(b.src.size());
}

/* Every document of D gets an article ordinal: the documents come from
 * the posting list of all documents, their articles from slot 1. */
static void fill_articles(column_build &b, const Xapian::Database &d)
{
	interner &articles = b.str[COL_ARTICLES];
	std::vector<uint32_t> &a = b.col[0];
	fill_column(b, d, 0, SLOT_ARTICLE, articles);
	uint32_t none = 0; /* a document without an article value: key "" */
	for (Xapian::PostingIterator p = d.postlist_begin(""); p != d.postlist_end(""); ++p)
		if (*p < a.size() && !a[*p])
			a[*p] = none ? none : (none = articles.id(std::string()) + 1);
	b.narticles = uint32_t(articles.order.size());
}

static void put(std::string &out, const void *p, size_t n)
{
	out.append(static_cast<const char *>(p), n);
}

/* The file's body (everything after the header) for B, LAST. */
static std::string body_of(const column_build &b)
{
	std::string out;
	for (const std::vector<uint32_t> &c : b.col)
		put(out, c.data(), c.size() * 4);
	put(out, b.src_off.data(), b.src_off.size() * 4);
	put(out, b.src.data(), b.src.size() * 4);
	for (const interner &in : b.str)
		for (const std::string *s : in.order) {
			uint32_t n = uint32_t(s->size());
			put(out, &n, 4);
			put(out, s->data(), s->size());
		}
	return out;
}

/* The header D's column file must have. */
static columns_header header_for(const Xapian::Database &d)
{
	columns_header h;
	memset(&h, 0, sizeof h);
	memcpy(h.magic, COLUMNS_MAGIC, 8);
	h.order = COLUMNS_ORDER;
	shard_stamp(d, &h.revision, &h.last, h.uuid);
	return h;
}

void shard_stamp(const Xapian::Database &d, uint32_t *revision, uint32_t *last,
                 char uuid[48])
{
	*revision = uint32_t(d.get_revision());
	*last = d.get_lastdocid();
	std::string u = d.get_uuid();
	memset(uuid, 0, 48);
	memcpy(uuid, u.data(), std::min<size_t>(u.size(), 47));
}

/* Whether FILE's header already says what H says (then it is current). */
static bool current(const std::string &file, const columns_header &h)
{
	columns_header old;
	int fd = open(file.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
	if (fd < 0)
		return false;
	bool same = read(fd, &old, sizeof old) == ssize_t(sizeof old) &&
	            !memcmp(old.magic, h.magic, 8) && old.order == h.order &&
	            old.revision == h.revision && old.last == h.last &&
	            !memcmp(old.uuid, h.uuid, sizeof h.uuid);
	close(fd);
	return same;
}

/* Write DATA to FILE through FILE.tmp and a rename; throws on failure.
 * No fsync: a file lost or cut short by a crash fails its checksum and is
 * rebuilt by the next run; counting meanwhile reads the value streams. */
void replace_file(const std::string &file, const std::string &data)
{
	std::string tmp = file + ".tmp";
	int fd = open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0644);
	if (fd < 0)
		throw Xapian::DatabaseError(tmp + ": cannot create", errno);
	size_t done = 0;
	while (done < data.size()) {
		ssize_t w = write(fd, data.data() + done, data.size() - done);
		if (w <= 0) {
			int err = errno;
			close(fd);
			unlink(tmp.c_str());
			throw Xapian::DatabaseError(tmp + ": cannot write", err);
		}
		done += size_t(w);
	}
	if (close(fd) != 0 || rename(tmp.c_str(), file.c_str()) != 0) {
		int err = errno;
		unlink(tmp.c_str());
		throw Xapian::DatabaseError(file + ": cannot write", err);
	}
}

static std::string columns_path(const std::string &dir)
{
	return dir + "/" COLUMNS_FILE;
}

extern "C" int xap_columns_write(xap_db *db, const char *dir, int *written)
{
	*written = 0;
	try {
		const Xapian::Database &d = rd(db);
		columns_header h = header_for(d);
		std::string file = columns_path(dir);
		if (current(file, h))
			return DOCKET_OK;
		column_build b;
		for (std::vector<uint32_t> &c : b.col)
			c.assign(size_t(h.last) + 1, 0);
		fill_articles(b, d);
		fill_column(b, d, 1, SLOT_OUTLET, b.str[COL_OUTLETS]);
		fill_column(b, d, 2, SLOT_AUTHOR, b.str[COL_AUTHORS]);
		fill_column(b, d, 3, SLOT_DATE, b.str[COL_DATES]);
		fill_sources(b, d, h.last);
		std::string body = body_of(b);
		h.narticles = b.narticles;
		for (int t = 0; t < COL_TABLES; t++)
			h.nstrings[t] = uint32_t(b.str[t].order.size());
		h.nsources = uint32_t(b.src.size());
		h.sum = XXH3_64bits(body.data(), body.size());
		std::string data(reinterpret_cast<const char *>(&h), sizeof h);
		data += body;
		replace_file(file, data);
		*written = 1;
		return DOCKET_OK;
	} catch (...) {
		return fail_from(db, std::string(dir) + ": writing its facet columns");
	}
}

/* ------------------------------------------------------------ reading */

columns::~columns()
{
	if (map)
		munmap(map, size);
}

/* Read the string table T of N strings from P (END bounds it) into
 * C->str[T]; false when it runs past END. */
static bool read_strings(columns *c, int t, uint32_t n, const char *&p, const char *end)
{
	c->str[t].reserve(n);
	for (uint32_t i = 0; i < n; i++) {
		uint32_t len;
		if (end - p < 4)
			return false;
		memcpy(&len, p, 4);
		p += 4;
		if (size_t(end - p) < len)
			return false;
		c->str[t].emplace_back(p, len);
		p += len;
	}
	return true;
}

/* Whether every ordinal of C is inside its table (a file that passed its
 * checksum was written by docket; this guards against docket's own bugs). */
static bool in_bounds(const columns *c)
{
	for (uint32_t did = 0; did <= c->last; did++) {
		if (c->art[did] > c->narticles || c->outlet[did] > c->str[COL_OUTLETS].size() ||
		    c->author[did] > c->str[COL_AUTHORS].size() ||
		    c->date[did] > c->str[COL_DATES].size() ||
		    c->src_off[did] > c->src_off[did + 1])
			return false;
	}
	if (c->src_off[c->last + 1] != c->nsources ||
	    c->str[COL_ARTICLES].size() != c->narticles)
		return false;
	for (uint32_t i = 0; i < c->nsources; i++)
		if (c->src[i] >= c->str[COL_SOURCES].size())
			return false;
	return true;
}

/* Month and year tables: what each date ordinal counts as ("YYYY-MM",
 * "YYYY"; a value that is not 8 bytes counts in neither, as a value slot
 * read by searcher/tally.c). */
static void derive_periods(columns *c)
{
	std::unordered_map<std::string, uint32_t> seen[2];
	for (const std::string &d : c->str[COL_DATES]) {
		for (int k = 0; k < 2; k++) {
			if (d.size() != 8) {
				c->period_of[k].push_back(0);
				continue;
			}
			std::string p = k == 0 ? d.substr(0, 4) + "-" + d.substr(4, 2) : d.substr(0, 4);
			auto at = seen[k].emplace(p, uint32_t(c->period[k].size()));
			if (at.second)
				c->period[k].push_back(p);
			c->period_of[k].push_back(at.first->second + 1);
		}
	}
}

/* Point C's arrays into its mapped body; false when the sizes disagree. */
static bool lay_out(columns *c, const columns_header &h)
{
	size_t n = size_t(h.last) + 1;
	size_t fixed = (4 * n + (n + 1) + h.nsources) * 4;
	if (c->size - sizeof h < fixed)
		return false;
	const uint32_t *u = reinterpret_cast<const uint32_t *>(c->map + sizeof h);
	c->art = u, c->outlet = u + n, c->author = u + 2 * n, c->date = u + 3 * n;
	c->src_off = u + 4 * n;
	c->src = c->src_off + n + 1;
	const char *p = c->map + sizeof h + fixed, *end = c->map + c->size;
	for (int t = 0; t < COL_TABLES; t++)
		if (!read_strings(c, t, h.nstrings[t], p, end))
			return false;
	return p == end;
}

/* Whether the mapped file C is D's columns now: its header, checksum,
 * sizes and ordinals. */
static bool valid_for(columns *c, const Xapian::Database &d)
{
	columns_header want = header_for(d), h;
	if (c->size < sizeof h)
		return false;
	memcpy(&h, c->map, sizeof h);
	if (memcmp(h.magic, want.magic, 8) || h.order != want.order ||
	    h.revision != want.revision || h.last != want.last ||
	    memcmp(h.uuid, want.uuid, sizeof h.uuid) ||
	    XXH3_64bits(c->map + sizeof h, c->size - sizeof h) != h.sum)
		return false;
	c->revision = h.revision;
	c->last = h.last;
	c->narticles = h.narticles;
	c->nsources = h.nsources;
	if (!lay_out(c, h) || !in_bounds(c))
		return false;
	derive_periods(c);
	return true;
}

static std::shared_ptr<const columns> columns_load(const std::string &dir,
                                                   const Xapian::Database &d)
{
	std::string file = columns_path(dir);
	int fd = open(file.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
	if (fd < 0)
		return nullptr;
	struct stat st;
	std::shared_ptr<columns> c = std::make_shared<columns>();
	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0) {
		void *m = mmap(NULL, size_t(st.st_size), PROT_READ, MAP_PRIVATE, fd, 0);
		if (m != MAP_FAILED) {
			c->map = static_cast<char *>(m);
			c->size = size_t(st.st_size);
		}
	}
	close(fd);
	if (!c->map || !valid_for(c.get(), d))
		return nullptr;
	return c;
}

bool columns::holds(int slot)
{
	return slot == SLOT_ARTICLE || slot == SLOT_DATE || slot == SLOT_OUTLET ||
	       slot == SLOT_AUTHOR;
}

void columns::value(int slot, uint32_t did, const char **p, size_t *n) const
{
	static const std::string none;
	const std::string *v = &none;
	uint32_t k;
	if (slot == SLOT_ARTICLE && did <= last && (k = art[did]))
		v = &str[COL_ARTICLES][k - 1];
	else if (slot == SLOT_DATE && did <= last && (k = date[did]))
		v = &str[COL_DATES][k - 1];
	else if (slot == SLOT_OUTLET && did <= last && (k = outlet[did]))
		v = &str[COL_OUTLETS][k - 1];
	else if (slot == SLOT_AUTHOR && did <= last && (k = author[did]))
		v = &str[COL_AUTHORS][k - 1];
	*p = v->data();
	*n = v->size();
}

/* ----------------------------------------------------------- counting */

void column_tally::reset()
{
	rows = 0;
	for (field &f : fields) {
		std::fill(f.passages.begin(), f.passages.end(), 0);
		std::fill(f.last_article.begin(), f.last_article.end(), 0);
		f.pairs.clear();
	}
}

column_tally::column_tally(std::shared_ptr<const columns> c, unsigned mask)
	: col(std::move(c))
{
	for (int k = 0; k < XAP_FACETS; k++) {
		fields[k].on = (mask >> k) & 1;
		size_t n = fields[k].on ? values_of(k).size() : 0;
		fields[k].passages.assign(n, 0);
		fields[k].last_article.assign(n, 0);
	}
}

const std::vector<std::string> &column_tally::values_of(int k) const
{
	switch (k) {
	case XAP_FACET_OUTLET:
		return col->str[COL_OUTLETS];
	case XAP_FACET_AUTHOR:
		return col->str[COL_AUTHORS];
	case XAP_FACET_SOURCE:
		return col->str[COL_SOURCES];
	case XAP_FACET_MONTH:
		return col->period[0];
	default:
		return col->period[1];
	}
}

void column_tally::add(field &f, uint32_t v, uint32_t art)
{
	f.passages[v]++;
	if (f.last_article[v] != art) { /* an article's passages come in a run */
		f.last_article[v] = art;
		f.pairs.push_back(uint64_t(v) << 32 | art);
	}
}

/* The ordinal + 1 of field K's value of docid DID (0: none). */
uint32_t column_tally::single(int k, Xapian::docid did) const
{
	switch (k) {
	case XAP_FACET_OUTLET:
		return col->outlet[did];
	case XAP_FACET_AUTHOR:
		return col->author[did];
	default: {
		uint32_t d = col->date[did];
		return d ? col->period_of[k == XAP_FACET_MONTH ? 0 : 1][d - 1] : 0;
	}
	}
}

void column_tally::row(Xapian::docid did)
{
	if (did > col->last)
		throw Xapian::DatabaseCorruptError("a match past the facet columns' last docid");
	rows++;
	uint32_t art = col->art[did];
	for (int k = 0; k < XAP_FACETS; k++) {
		field &f = fields[k];
		if (!f.on)
			continue;
		if (k == XAP_FACET_SOURCE) {
			for (uint32_t i = col->src_off[did]; i < col->src_off[did + 1]; i++)
				add(f, col->src[i], art);
			continue;
		}
		uint32_t v = single(k, did);
		if (v)
			add(f, v - 1, art);
	}
}

void column_tally::merge_into(xap_counts &out)
{
	for (int k = 0; k < XAP_FACETS; k++) {
		field &f = fields[k];
		if (!f.on)
			continue;
		std::sort(f.pairs.begin(), f.pairs.end());
		f.pairs.erase(std::unique(f.pairs.begin(), f.pairs.end()), f.pairs.end());
		std::vector<uint32_t> articles(f.passages.size(), 0);
		for (uint64_t p : f.pairs)
			articles[p >> 32]++;
		const std::vector<std::string> &names = values_of(k);
		for (size_t v = 0; v < f.passages.size(); v++)
			if (f.passages[v]) {
				std::pair<size_t, size_t> &c = out.by[k][names[v]];
				c.first += f.passages[v];
				c.second += articles[v];
			}
	}
	out.mask = 0;
	for (int k = 0; k < XAP_FACETS; k++)
		out.mask |= unsigned(fields[k].on) << k;
}

xap_counts *merged_counts(std::vector<column_tally> &t, bool valid)
{
	if (!valid || t.empty())
		return nullptr;
	std::unique_ptr<xap_counts> out(new xap_counts());
	for (column_tally &one : t)
		one.merge_into(*out);
	return out.release();
}

extern "C" int xap_counts_each(const struct xap_counts *c, xap_count_fn fn, void *ctx)
{
	for (int k = 0; k < XAP_FACETS; k++)
		for (const auto &v : c->by[k]) {
			int rc = fn(ctx, k, v.first.data(), v.first.size(), v.second.first,
			            v.second.second);
			if (rc)
				return rc;
		}
	return 0;
}

extern "C" unsigned xap_counts_mask(const struct xap_counts *c)
{
	return c ? c->mask : 0;
}

extern "C" void xap_counts_free(struct xap_counts *c)
{
	delete c;
}

std::vector<std::shared_ptr<const columns>> columns_of(xap_db *db)
{
	std::vector<std::shared_ptr<const columns>> out;
	if (db->remote || db->shards.empty() || db->shard_dirs.size() != db->shards.size())
		return out;
	std::lock_guard<std::mutex> hold(db->columns_mu);
	db->cols.resize(db->shards.size());
	for (size_t k = 0; k < db->shards.size(); k++) {
		std::shared_ptr<const columns> &c = db->cols[k];
		if (!c || c->revision != db->shards[k].get_revision() ||
		    c->last != db->shards[k].get_lastdocid())
			c = columns_load(db->shard_dirs[k], db->shards[k]);
		if (!c) {
			out.clear();
			return out;
		}
		out.push_back(c);
	}
	return out;
}
