/* xapian.cc — the only file that includes <xapian.h>.
 *
 * It exports the plain C functions declared in xapian.h over two opaque
 * handles, xap_db (a database, reader or writer) and xap_doc (a document
 * being built).  Every exported body is a try block whose catch hands the
 * exception to fail_from(), which maps it to a docket_status (most specific
 * class first) and keeps its message on the handle: no exception ever
 * crosses into C.
 *
 * It also owns the query side of the schema (schema.h): which field names
 * the query parser knows, and the reduction of a parsed query to the
 * highlighter's groups (hl_query).
 *
 * Callers: common/database.c, indexer/indexer.c, searcher/query.c,
 * common/token.c.
 */
#include <xapian.h>

#include <sys/stat.h>

#include <cmath>
#include <cstdarg>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <algorithm>
#include <exception>
#include <map>
#include <new>
#include <string>
#include <thread>
#include <vector>

extern "C" { /* the C headers of the modules this file calls */
#include "../docket.h"
#include "../searcher/highlight.h"
#include "buf.h"
#include "schema.h"
#include "stem.h"
}
#include "xapian.h"

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
};

struct xap_doc {
	Xapian::Document doc;
};

/* The database of DB, reader view or writer; throws if the handle holds
 * none (a writer whose shard could not be reopened after a swap). */
static Xapian::Database &rd(const xap_db *db)
{
	if (!db->db)
		throw Xapian::InvalidOperationError("the index is closed: a shard "
		                                    "could not be reopened");
	return *db->db;
}

static Xapian::WritableDatabase &wr(const xap_db *db)
{
	if (!db->wdb)
		throw Xapian::InvalidOperationError("the index is closed: a shard "
		                                    "could not be reopened");
	return *db->wdb;
}

/* Map the exception being handled to a status, with WHAT (the index or the
 * query) in the message.  Must be called from inside a catch block. */
static int fail_from(xap_db *db, const std::string &what)
{
	int status;
	std::string msg;
	try {
		throw;
	} catch (const Xapian::DatabaseLockError &e) {
		status = DOCKET_LOCKED;
		msg = "index is locked by another writer";
	} catch (const Xapian::DatabaseNotFoundError &e) {
		status = DOCKET_NOT_FOUND;
		msg = "no index here";
	} catch (const Xapian::DatabaseVersionError &e) {
		status = DOCKET_CORRUPT;
		msg = "unsupported index format: " + e.get_msg();
	} catch (const Xapian::DatabaseOpeningError &e) {
		status = DOCKET_NOT_FOUND;
		msg = "cannot open index: " + e.get_msg();
	} catch (const Xapian::DatabaseModifiedError &e) {
		status = DOCKET_MODIFIED;
		msg = "index changed while reading: " + e.get_msg();
	} catch (const Xapian::DatabaseCorruptError &e) {
		status = DOCKET_CORRUPT;
		msg = "index is corrupt: " + e.get_msg();
	} catch (const Xapian::QueryParserError &e) {
		status = DOCKET_BAD_QUERY;
		msg = "bad query: " + e.get_msg();
	} catch (const Xapian::WildcardError &e) {
		status = DOCKET_BAD_QUERY;
		msg = "wildcard matches too many words (more than " +
		      std::to_string(WILDCARD_MAX) + "); make it longer";
	} catch (const Xapian::NetworkError &e) {
		status = DOCKET_IO_ERROR;
		msg = "shard unreachable: " + e.get_msg();
		if (e.get_error_string() && *e.get_error_string())
			msg += std::string(" (") + e.get_error_string() + ")";
		if (!e.get_context().empty())
			msg += " [" + e.get_context() + "]";
	} catch (const Xapian::DatabaseError &e) {
		status = DOCKET_IO_ERROR;
		msg = e.get_msg();
		if (!e.get_error_string() || !*e.get_error_string()) {
		} else {
			msg += std::string(" (") + e.get_error_string() + ")";
		}
	} catch (const Xapian::FeatureUnavailableError &e) {
		status = DOCKET_UNSUPPORTED;
		msg = e.get_msg();
	} catch (const std::bad_alloc &) {
		status = DOCKET_NO_MEMORY;
		msg = "out of memory";
	} catch (const Xapian::Error &e) {
		status = DOCKET_ENGINE_ERROR;
		msg = e.get_type() + std::string(": ") + e.get_msg();
	} catch (...) {
		status = DOCKET_ENGINE_ERROR;
		msg = "unexpected error";
	}
	if (db) {
		try {
			db->error = what.empty() ? msg : what + ": " + msg;
		} catch (...) {
		}
	}
	return status;
}

extern "C" int xap_is_wordchar(uint32_t cp)
{
	return Xapian::Unicode::is_wordchar(cp);
}

extern "C" uint32_t xap_tolower(uint32_t cp)
{
	return Xapian::Unicode::tolower(cp);
}

/* ------------------------------------------------------------ databases */

/* Is PATH a local glass database folder (not a stub that may name remote
 * shards)? */
static bool is_glass(const char *path)
{
	std::string f = std::string(path) + "/iamglass";
	struct stat st;
	return stat(f.c_str(), &st) == 0;
}

extern "C" int xap_open(const char *path, int writable, xap_db **out)
{
	xap_db *db = new (std::nothrow) xap_db();
	*out = db;
	if (!db)
		return DOCKET_NO_MEMORY;
	try {
		if (writable) {
			db->wdb = new Xapian::WritableDatabase(
				path, Xapian::DB_CREATE_OR_OPEN | Xapian::DB_BACKEND_GLASS);
			db->db = db->wdb;
		} else {
			db->db = new Xapian::Database(path);
			db->remote = !is_glass(path);
		}
		return DOCKET_OK;
	} catch (...) {
		return fail_from(db, path);
	}
}

extern "C" int xap_create(const char *path, xap_db **out)
{
	xap_db *db = new (std::nothrow) xap_db();
	*out = db;
	if (!db)
		return DOCKET_NO_MEMORY;
	try {
		db->wdb = new Xapian::WritableDatabase(
			path, Xapian::DB_CREATE_OR_OVERWRITE | Xapian::DB_BACKEND_GLASS |
				      Xapian::DB_NO_SYNC);
		db->db = db->wdb;
		return DOCKET_OK;
	} catch (...) {
		return fail_from(db, path);
	}
}

extern "C" int xap_reopen_writer(xap_db *db, const char *path)
{
	try {
		if (db->wdb) {
			if (db->in_txn)
				db->wdb->cancel_transaction();
			db->in_txn = false;
			db->wdb->close();
		}
	} catch (...) {
	}
	delete db->db;
	db->db = db->wdb = NULL;
	try {
		db->wdb = new Xapian::WritableDatabase(
			path, Xapian::DB_OPEN | Xapian::DB_BACKEND_GLASS);
		db->db = db->wdb;
		return DOCKET_OK;
	} catch (...) {
		return fail_from(db, path);
	}
}

extern "C" int xap_compact(const char *const *sources, size_t n,
                           const char *out, char *err, size_t errlen)
{
	xap_db scratch = xap_db();
	try {
		Xapian::Database all;
		for (size_t i = 0; i < n; i++)
			all.add_database(Xapian::Database(sources[i]));
		all.compact(out, Xapian::DBCOMPACT_MULTIPASS | Xapian::Compactor::FULL);
		return DOCKET_OK;
	} catch (...) {
		int rc = fail_from(&scratch, out);
		snprintf(err, errlen, "%s", scratch.error.c_str());
		return rc;
	}
}

extern "C" int xap_copy_from(xap_db *db, const char *src)
{
	try {
		Xapian::Database from(src);
		for (Xapian::PostingIterator p = from.postlist_begin("");
		     p != from.postlist_end(""); ++p)
			wr(db).add_document(from.get_document(*p));
		for (Xapian::TermIterator t = from.metadata_keys_begin();
		     t != from.metadata_keys_end(); ++t)
			wr(db).set_metadata(*t, from.get_metadata(*t));
		return DOCKET_OK;
	} catch (...) {
		return fail_from(db, src);
	}
}

extern "C" int xap_add_shard(xap_db *db, const char *path)
{
	if (db->wdb)
		return xap_fail(db, DOCKET_UNSUPPORTED,
		                "%s: cannot add a shard to an index open for writing", path);
	db->shards.clear(); /* the view is no longer just those shards */
	db->remote = db->remote || !is_glass(path);
	try {
		rd(db).add_database(Xapian::Database(path));
		return DOCKET_OK;
	} catch (...) {
		return fail_from(db, path);
	}
}

extern "C" void xap_close(xap_db *db)
{
	if (!db)
		return;
	try {
		if (db->wdb && db->in_txn)
			db->wdb->cancel_transaction();
		if (db->wdb)
			db->wdb->close();
	} catch (...) {
	}
	delete db->db; /* the writer when writing */
	delete db;
}

extern "C" const char *xap_error(const xap_db *db)
{
	return db ? db->error.c_str() : "out of memory";
}

extern "C" int xap_fail(xap_db *db, int status, const char *fmt, ...)
{
	char msg[1024];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	try {
		db->error = msg;
	} catch (...) {
	}
	return status;
}

/* Reopen the reader view and every shard of it held on its own. */
static void reopen_all(xap_db *db)
{
	rd(db).reopen();
	for (Xapian::Database &shard : db->shards)
		shard.reopen();
}

extern "C" int xap_open_shards(const char *const *paths, size_t n, xap_db **out)
{
	xap_db *db = new (std::nothrow) xap_db();
	*out = db;
	if (!db)
		return DOCKET_NO_MEMORY;
	size_t k = 0;
	try {
		db->db = new Xapian::Database();
		for (; k < n; k++) {
			Xapian::Database shard(paths[k]);
			db->db->add_database(shard);
			db->shards.push_back(shard);
		}
		return DOCKET_OK;
	} catch (...) {
		db->shards.clear();
		return fail_from(db, k < n ? paths[k] : "shards");
	}
}

extern "C" int xap_get_metadata(xap_db *db, const char *key, buf *out)
{
	try {
		std::string v = rd(db).get_metadata(key);
		int rc = 0;
		buf_reset(out);
		buf_append(&rc, out, v.data(), v.size());
		return rc;
	} catch (...) {
		return fail_from(db, key);
	}
}

extern "C" int xap_set_metadata(xap_db *db, const char *key, const char *value,
                                size_t n)
{
	try {
		wr(db).set_metadata(key, std::string(value, n));
		return DOCKET_OK;
	} catch (...) {
		return fail_from(db, key);
	}
}

extern "C" int xap_metadata_scan(xap_db *db, const char *prefix,
                                 int (*fn)(void *, const char *, size_t,
                                           const char *, size_t),
                                 void *ctx)
{
	try {
		for (Xapian::TermIterator t = rd(db).metadata_keys_begin(prefix);
		     t != rd(db).metadata_keys_end(prefix); ++t) {
			const std::string key = *t;
			const std::string val = rd(db).get_metadata(key);
			int rc = fn(ctx, key.data(), key.size(), val.data(), val.size());
			if (rc)
				return rc;
		}
		return DOCKET_OK;
	} catch (...) {
		return fail_from(db, "reading file records");
	}
}

extern "C" int xap_begin(xap_db *db)
{
	try {
		wr(db).begin_transaction(true);
		db->in_txn = true;
		return DOCKET_OK;
	} catch (...) {
		return fail_from(db, "starting a batch");
	}
}

extern "C" int xap_commit(xap_db *db)
{
	try {
		if (db->in_txn) {
			db->in_txn = false;
			wr(db).commit_transaction();
		} else {
			wr(db).commit();
		}
		return DOCKET_OK;
	} catch (...) {
		return fail_from(db, "committing");
	}
}

extern "C" int xap_cancel(xap_db *db)
{
	try {
		if (db->in_txn) {
			db->in_txn = false;
			db->wdb->cancel_transaction();
		}
		return DOCKET_OK;
	} catch (...) {
		return fail_from(db, "cancelling a batch");
	}
}

extern "C" int xap_doc_count(xap_db *db, size_t *n)
{
	try {
		*n = rd(db).get_doccount();
		return DOCKET_OK;
	} catch (...) {
		return fail_from(db, "counting");
	}
}

extern "C" int xap_prefix_count(xap_db *db, const char *prefix, size_t *n)
{
	try {
		size_t count = 0;
		for (Xapian::TermIterator t = rd(db).allterms_begin(prefix);
		     t != rd(db).allterms_end(prefix); ++t)
			count++;
		*n = count;
		return DOCKET_OK;
	} catch (...) {
		return fail_from(db, "counting");
	}
}

/* ------------------------------------------------------------ documents */

extern "C" xap_doc *xap_doc_new(void)
{
	try {
		return new xap_doc();
	} catch (...) {
		return NULL;
	}
}

extern "C" void xap_doc_free(xap_doc *d)
{
	delete d;
}

extern "C" int xap_doc_posting(xap_doc *d, const char *term, size_t n,
                               unsigned pos)
{
	try {
		d->doc.add_posting(std::string(term, n), pos);
		return 0;
	} catch (...) {
		return DOCKET_NO_MEMORY;
	}
}

extern "C" int xap_doc_term(xap_doc *d, const char *term, size_t n,
                            unsigned wdf)
{
	try {
		d->doc.add_term(std::string(term, n), wdf);
		return 0;
	} catch (...) {
		return DOCKET_NO_MEMORY;
	}
}

extern "C" int xap_doc_boolean(xap_doc *d, const char *term, size_t n)
{
	try {
		d->doc.add_boolean_term(std::string(term, n));
		return 0;
	} catch (...) {
		return DOCKET_NO_MEMORY;
	}
}

extern "C" int xap_doc_value(xap_doc *d, unsigned slot, const char *v,
                             size_t n)
{
	try {
		d->doc.add_value(slot, std::string(v, n));
		return 0;
	} catch (...) {
		return DOCKET_NO_MEMORY;
	}
}

extern "C" int xap_doc_data(xap_doc *d, const char *data, size_t n)
{
	try {
		d->doc.set_data(std::string(data, n));
		return 0;
	} catch (...) {
		return DOCKET_NO_MEMORY;
	}
}

extern "C" int xap_replace(xap_db *db, const char *id, xap_doc *d)
{
	try {
		wr(db).replace_document(id, d->doc);
		return DOCKET_OK;
	} catch (...) {
		return fail_from(db, "writing");
	}
}

extern "C" int xap_add(xap_db *db, xap_doc *d)
{
	try {
		wr(db).add_document(d->doc);
		return DOCKET_OK;
	} catch (...) {
		return fail_from(db, "writing");
	}
}

extern "C" int xap_term_exists(xap_db *db, const char *term, int *yes)
{
	try {
		*yes = rd(db).term_exists(term);
		return DOCKET_OK;
	} catch (...) {
		return fail_from(db, "reading");
	}
}

extern "C" int xap_delete_term(xap_db *db, const char *term)
{
	try {
		wr(db).delete_document(term);
		return DOCKET_OK;
	} catch (...) {
		return fail_from(db, "deleting");
	}
}

extern "C" int xap_get_data(xap_db *db, const char *id, buf *out)
{
	for (int attempt = 0;; attempt++) {
		try {
			Xapian::PostingIterator p = rd(db).postlist_begin(id);
			if (p == rd(db).postlist_end(id))
				return xap_fail(db, DOCKET_NOT_FOUND, "no passage %s",
				                id + strlen(PREFIX_ID));
			std::string data = rd(db).get_document(*p).get_data();
			int rc = 0;
			buf_reset(out);
			buf_append(&rc, out, data.data(), data.size());
			return rc;
		} catch (const Xapian::DatabaseModifiedError &) {
			if (attempt >= SEARCH_RETRIES)
				return fail_from(db, "reading a passage");
			try {
				reopen_all(db);
			} catch (...) {
				return fail_from(db, "reopen");
			}
		} catch (...) {
			return fail_from(db, "reading a passage");
		}
	}
}

/* ------------------------------------------------------------ searching */

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

/* The field a term of the parsed query belongs to, and its bare text.
 * STEMMED: the bare text is a stem (every word term but a number, stem.h),
 * to be compared with the stem of each word of the text; a boolean source
 * name is matched as it is. */
static int term_field(const std::string &term, std::string &bare, int &stemmed)
{
	static const struct {
		const char *prefix;
		int field;
	} prefixes[] = {
		{PREFIX_SECTION, FIELD_SECTION}, {PREFIX_OUTLET, FIELD_OUTLET},
		{PREFIX_SOURCE, FIELD_SOURCE},   {PREFIX_TITLE, FIELD_TITLE},
		{PREFIX_AUTHOR, FIELD_AUTHOR},
	};
	int field = FIELD_BODY;
	bare = term;
	for (const auto &p : prefixes) {
		size_t n = strlen(p.prefix);
		if (term.compare(0, n, p.prefix) == 0 && term.size() > n) {
			bare = term.substr(n);
			field = p.field;
			break;
		}
	}
	stemmed = field != FIELD_SOURCE && !stem_keeps(bare.data(), bare.size());
	return field;
}

static double term_weight(const Xapian::Database &db, const std::string &term)
{
	double n = db.get_doccount() + 1.0;
	double tf = db.get_termfreq(term) + 0.5;
	double w = std::log(n / tf);
	return w > 0.1 ? w : 0.1;
}

static void add_group(struct hl_query *hl, enum hl_kind kind, unsigned window,
                      const std::vector<std::string> &terms,
                      const Xapian::Database &db)
{
	if (terms.empty())
		return;
	std::vector<struct hl_term> ts(terms.size());
	std::vector<std::string> bare(terms.size());
	int field = FIELD_BODY;
	double weight = 0;
	for (size_t i = 0; i < terms.size(); i++) {
		field = term_field(terms[i], bare[i], ts[i].stemmed);
		ts[i].text = const_cast<char *>(bare[i].c_str());
		weight += kind == HL_WILDCARD ? 1.0 : term_weight(db, terms[i]);
	}
	if (hl_query_add(hl, kind, field, window, ts.data(), ts.size(), weight))
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
static void reduce(const Xapian::Query &q, struct hl_query *hl,
                   const Xapian::Database &db)
{
	int type = q.get_type();
	size_t n = q.get_num_subqueries();
	switch (type) {
	case Xapian::Query::LEAF_TERM: {
		std::vector<std::string> t(1, *q.get_terms_begin());
		add_group(hl, HL_TERM, 0, t, db);
		return;
	}
	case Xapian::Query::OP_WILDCARD: {
		std::vector<std::string> t(1, wildcard_pattern(q));
		if (!t[0].empty())
			add_group(hl, HL_WILDCARD, 0, t, db);
		return;
	}
	case Xapian::Query::OP_PHRASE:
	case Xapian::Query::OP_NEAR: {
		std::vector<std::string> t;
		leaf_terms(q, t);
		int near = type == Xapian::Query::OP_NEAR;
		add_group(hl, near ? HL_NEAR : HL_PHRASE,
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

static Xapian::Query parse(const xap_db *db, const struct xap_request *s,
                           Xapian::QueryParser &qp)
{
	qp.set_database(*db->db);
	qp.set_stemmer(Xapian::Stem(new DocketStem(s->stem)));
	/* STEM_ALL: every word, phrases included, becomes the stem the index
	 * holds (schema.h), with no Z prefix. */
	qp.set_stemming_strategy(Xapian::QueryParser::STEM_ALL);
	qp.set_default_op(s->default_and ? Xapian::Query::OP_AND
	                                 : Xapian::Query::OP_OR);
	qp.add_prefix("title", PREFIX_TITLE);
	qp.add_prefix("section", PREFIX_SECTION);
	qp.add_prefix("outlet", PREFIX_OUTLET);
	qp.add_prefix("author", PREFIX_AUTHOR);
	qp.add_boolean_prefix("source", PREFIX_SOURCE);
	qp.set_max_expansion(WILDCARD_MAX, Xapian::Query::WILDCARD_LIMIT_ERROR);
	unsigned flags = Xapian::QueryParser::FLAG_PHRASE |
	                 Xapian::QueryParser::FLAG_BOOLEAN |
	                 Xapian::QueryParser::FLAG_LOVEHATE |
	                 Xapian::QueryParser::FLAG_WILDCARD |
	                 Xapian::QueryParser::FLAG_PURE_NOT;
	return qp.parse_query(s->query, flags);
}

/* The body-field leaf terms of the positive part of Q. */
static void body_leaves(const Xapian::Query &q, std::vector<std::string> &out)
{
	int type = q.get_type();
	if (type == Xapian::Query::LEAF_TERM) {
		std::string t = *q.get_terms_begin(), bare;
		int stemmed;
		if (term_field(t, bare, stemmed) == FIELD_BODY)
			out.push_back(t);
		return;
	}
	size_t n = q.get_num_subqueries();
	if (type == Xapian::Query::OP_AND_NOT || type == Xapian::Query::OP_FILTER)
		n = n ? 1 : 0;
	for (size_t i = 0; i < n; i++)
		body_leaves(q.get_subquery(i), out);
}

/* Boost: the query's body words found in the headline. */
static Xapian::Query title_boost(const Xapian::Query &base, double w)
{
	std::vector<std::string> leaves;
	std::vector<Xapian::Query> title;
	body_leaves(base, leaves);
	for (const std::string &t : leaves)
		title.push_back(Xapian::Query(PREFIX_TITLE + t));
	if (title.empty())
		return Xapian::Query();
	return Xapian::Query(w, Xapian::Query(Xapian::Query::OP_OR, title.begin(),
	                                      title.end()));
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
static Xapian::Query expansion(Xapian::Enquire &enq, const Xapian::Query &base,
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
	static const char *const names[FIELD_LAST] = {"", "title:", "section:",
	                                              "outlet:", "author:", "source:"};
	std::string bare;
	int stemmed;
	int field = term_field(term, bare, stemmed);
	return names[field] + bare + (stemmed ? " (stem)" : "");
}

static void explain_part(Xapian::Enquire &probe, const Xapian::Query &q,
                         const Xapian::Query &doc, std::string &out)
{
	int type = q.get_type();
	size_t n = q.get_num_subqueries();
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

struct boost {
	Xapian::Query query;
	const char *name;
};

/* "what<TAB>weight" lines for the document at I: each matching word of the
 * user's query, then each boost. */
static std::string explain(const xap_db *db, const Xapian::Weight &weight,
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
	explain_part(probe, base, doc, out);
	for (const boost &b : boosts) {
		double w = weight_in(probe, b.query, doc);
		if (w > 0)
			out += std::string(b.name) + "\t" + std::to_string(w) + "\n";
	}
	return out;
}

static char *copy_out(const std::string &s)
{
	char *p = (char *)malloc(s.size() + 1);
	if (!p)
		throw std::bad_alloc();
	memcpy(p, s.data(), s.size());
	p[s.size()] = '\0';
	return p;
}

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
 * - Order: equal scores rank by docid in the combined database, where
 *   shard K's document D is (D - 1) * N + K + 1 for N shards.
 * - Per-article caps: every passage of an article lives in one shard (a
 *   file's shard is fixed), so each shard's collapse is the whole one.
 *
 * Queries with wildcards or match-all, or with an explanation or feedback
 * asked for, are matched as before. */

/* The top WANT hits of ENQ (set up without collapsing) with at most CAP
 * passages of an article (0: no cap), in ENQ's order, into KEPT; returns
 * the MSet they belong to, *ESTIMATED its estimate of matching passages.
 * Xapian's collapse (set_collapse_key) reads the article value of every
 * candidate and slowed a common word by ~40% (court: 3.97 -> 2.41 ms
 * in-process); here only the top hits' values are read, asking Xapian for
 * more while the cap leaves too few.  Keeping the first CAP of each article
 * in rank order is what the collapse keeps; a passage without an article
 * value is never capped, as there. */
static Xapian::MSet capped(Xapian::Enquire &enq, size_t want, unsigned cap,
                           bool remote, std::vector<Xapian::MSetIterator> &kept,
                           Xapian::doccount *estimated)
{
	if (cap && remote) {
		/* Over the network, every document read is a round trip: the
		 * servers collapse (Xapian's way) instead. */
		enq.set_collapse_key(SLOT_ARTICLE, cap);
		Xapian::MSet m = enq.get_mset(0, Xapian::doccount(want));
		*estimated = m.get_matches_estimated();
		kept.clear();
		for (Xapian::MSetIterator i = m.begin(); i != m.end(); ++i)
			kept.push_back(i);
		return m;
	}
	Xapian::doccount k = Xapian::doccount(cap ? std::max<size_t>(2 * want, 32) : want);
	for (;;) {
		Xapian::MSet m = enq.get_mset(0, k);
		*estimated = m.get_matches_estimated();
		kept.clear();
		std::map<std::string, unsigned> seen;
		for (Xapian::MSetIterator i = m.begin(); i != m.end() && kept.size() < want; ++i) {
			if (cap) {
				std::string key = i.get_document().get_value(SLOT_ARTICLE);
				if (!key.empty() && ++seen[key] > cap)
					continue;
			}
			kept.push_back(i);
		}
		if (kept.size() >= want || m.size() < k)
			return m;
		k = k > Xapian::doccount(-1) / 4 ? Xapian::doccount(-1) : k * 4;
	}
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
 * is not per term (wildcards and other synonyms, match-all...). */
static bool term_leaves(const Xapian::Query &q, std::vector<std::string> &out)
{
	switch (q.get_type()) {
	case Xapian::Query::LEAF_TERM:
		out.push_back(*q.get_terms_begin());
		return true;
	case Xapian::Query::LEAF_MATCH_NOTHING:
	case Xapian::Query::OP_VALUE_RANGE:
	case Xapian::Query::OP_VALUE_GE:
	case Xapian::Query::OP_VALUE_LE:
		return true;
	case Xapian::Query::OP_AND:
	case Xapian::Query::OP_OR:
	case Xapian::Query::OP_AND_NOT:
	case Xapian::Query::OP_XOR:
	case Xapian::Query::OP_AND_MAYBE:
	case Xapian::Query::OP_FILTER:
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
	return a.global < b.global;
}

/* Match Q on every shard of DB at once and fill RES like run(); false,
 * with nothing done, when Q cannot be matched this way. */
static bool run_parallel(xap_db *db, const struct xap_request *s,
                         const Xapian::Query &q, xap_result *res)
{
	std::vector<std::string> terms;
	if (!term_leaves(q, terms))
		return false;
	double postings = 0; /* what the match will read */
	for (const std::string &t : terms)
		postings += rd(db).get_termfreq(t);
	double len_factor;
	std::vector<idf_map> idf;
	if (postings < parallel_min() ||
	    !global_stats(db->shards, terms, s->k1, s->b, &len_factor, idf))
		return false;
	size_t n = db->shards.size();
	std::vector<std::vector<shard_hit>> found(n);
	std::vector<Xapian::doccount> estimated(n, 0);
	std::vector<std::exception_ptr> errors(n);
	std::vector<char> unsplit(n, 0);
	/* Xapian objects are not shared between threads (a Query's reference
	 * counts are not atomic): each thread rebuilds the query from its
	 * serialised form and reads only its own shard. */
	const std::string wire = q.serialise();
	auto match = [&](size_t k) {
		try {
			Xapian::Enquire enq(db->shards[k]);
			enq.set_weighting_scheme(ShardBM25(s->k1, s->b, s->min_normlen,
			                                   len_factor, &idf[k]));
			enq.set_query(Xapian::Query::unserialise(wire));
			if (s->sort_date)
				enq.set_sort_by_value_then_relevance(SLOT_DATE, true);
			std::vector<Xapian::MSetIterator> kept;
			Xapian::MSet m = capped(enq, s->offset + s->limit, s->per_article,
			                        false, kept, &estimated[k]);
			for (const Xapian::MSetIterator &i : kept)
				found[k].push_back({i.get_weight(),
				                    s->sort_date ? i.get_sort_key() : std::string(),
				                    (*i - 1) * Xapian::docid(n) + Xapian::docid(k) + 1,
				                    unsigned(k), *i});
		} catch (const no_idf &) {
			unsplit[k] = 1;
		} catch (...) {
			errors[k] = std::current_exception();
		}
	};
	std::vector<std::thread> threads;
	size_t started = 1;
	try { /* a thread that cannot start leaves its shard to this one */
		for (; started < n; started++)
			threads.emplace_back(match, started);
	} catch (...) {
	}
	for (size_t k = started; k < n; k++)
		match(k);
	match(0);
	for (std::thread &t : threads)
		t.join();
	for (const std::exception_ptr &e : errors)
		if (e)
			std::rethrow_exception(e);
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
	size_t from = std::min(all.size(), size_t(s->offset));
	size_t to = std::min(all.size(), from + size_t(s->limit));
	res->m = (xap_match *)calloc(to > from ? to - from : 1, sizeof *res->m);
	if (!res->m)
		throw std::bad_alloc();
	for (size_t i = from; i < to; i++) {
		std::string data = db->shards[all[i].shard].get_document(all[i].local).get_data();
		xap_match *m = &res->m[res->n++];
		m->data = copy_out(data);
		m->len = data.size();
		m->score = all[i].score;
	}
	return true;
}

static void run(xap_db *db, const struct xap_request *s, xap_result *res,
                struct hl_query *hl)
{
	Xapian::QueryParser qp;
	Xapian::DateRangeProcessor dates(SLOT_DATE, "date:");
	qp.add_rangeprocessor(&dates);
	Xapian::Query base = parse(db, s, qp);
	hl_query_free(hl);
	reduce(base, hl, *db->db);
	if (s->limit == 0) {
		res->estimated = 0;
		return;
	}
	Xapian::BM25Weight weight(s->k1, 0, 1, s->b, s->min_normlen);
	Xapian::Enquire enq(*db->db);
	enq.set_weighting_scheme(weight);
	Xapian::Query q = base;
	std::vector<boost> boosts;
	if (s->title_weight > 0)
		boosts.push_back({title_boost(base, s->title_weight), "title boost"});
	for (const boost &b : boosts)
		if (!b.query.empty())
			q = Xapian::Query(Xapian::Query::OP_AND_MAYBE, q, b.query);
	if (db->shards.size() > 1 && !s->explain && s->expand_weight <= 0 &&
	    run_parallel(db, s, q, res))
		return;
	if (s->expand_weight > 0 && s->expand_terms > 0 && s->expand_docs > 0) {
		Xapian::Query e = expansion(enq, q, s);
		if (!e.empty()) {
			q = Xapian::Query(Xapian::Query::OP_OR, q, e);
			boosts.push_back({e, "feedback terms"});
		}
	}
	enq.set_query(q);
	if (s->sort_date)
		enq.set_sort_by_value_then_relevance(SLOT_DATE, true);
	std::vector<Xapian::MSetIterator> kept;
	Xapian::doccount estimated;
	Xapian::MSet mset = capped(enq, s->offset + s->limit, s->per_article,
	                           db->remote, kept, &estimated);
	res->estimated = estimated;
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
	}
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
                          xap_result *res, struct hl_query *hl)
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
	}
	free(res->m);
	res->m = NULL;
	res->n = 0;
	res->estimated = 0;
}
