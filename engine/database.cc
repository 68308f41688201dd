/* database.cc — databases through the opaque xap_db handle (engine.h):
 * opening a reader or writer, staging databases, compaction, copying,
 * local shards held on their own, metadata, batches and counts.
 *
 * Callers: engine/index.c and engine/layout.c (the index folder),
 * indexer/ (staging and merging).
 */
#include "engine-private.h"

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
		/* marks it as docket's (xap_kind_of), committed with its first batch */
		db->wdb->set_metadata(META_SCHEMA, SCHEMA_VERSION);
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
                           const char *out, struct docket_error *err)
{
	xap_db scratch{};
	try {
		Xapian::Database all;
		for (size_t i = 0; i < n; i++)
			all.add_database(Xapian::Database(sources[i]));
		all.compact(out, Xapian::DBCOMPACT_MULTIPASS | Xapian::Compactor::FULL);
		return DOCKET_OK;
	} catch (...) {
		int rc = fail_from(&scratch, out);
		return error_set(err, rc, "%s", scratch.error.c_str());
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

extern "C" enum xap_kind xap_kind_of(const char *path)
{
	try {
		Xapian::Database db(path, Xapian::DB_BACKEND_GLASS);
		if (!db.get_metadata(META_SCHEMA).empty())
			return XAP_KIND_DOCKET;
		if (db.get_doccount() == 0 && db.metadata_keys_begin() == db.metadata_keys_end())
			return XAP_KIND_EMPTY;
		return XAP_KIND_FOREIGN;
	} catch (...) {
		return XAP_KIND_NONE;
	}
}

/* Xapian's own check of every table of the glass folder PATH
 * (Xapian::Database::check, no options: each B-tree walked, no report of
 * sound blocks).  Measured on a 1k-article shard: see README, "docket
 * check".  The first line of what it reports goes to ERR. */
extern "C" int xap_check(const char *path, size_t *errors,
                         struct docket_error *err)
{
	xap_db scratch{};
	*errors = 0;
	try {
		std::ostringstream out;
		*errors = Xapian::Database::check(path, 0, &out);
		std::string first = out.str();
		first = first.substr(0, first.find('\n'));
		error_set(err, DOCKET_OK, "%s", first.c_str());
		return DOCKET_OK;
	} catch (...) {
		int rc = fail_from(&scratch, "");
		return error_set(err, rc, "%s", scratch.error.c_str());
	}
}

extern "C" int xap_add_shard(xap_db *db, const char *path)
{
	if (db->wdb)
		return xap_fail(db, DOCKET_UNSUPPORTED,
		                "%s: cannot add a shard to an index open for writing", path);
	db->shards.clear(); /* the view is no longer just those shards */
	db->marked = false; /* nor one index's marks */
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

/* Reopen the reader view and every shard of it held on its own. */
void reopen_all(xap_db *db)
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
			db->shard_dirs.push_back(paths[k]);
		}
		db->marked = true;
		return DOCKET_OK;
	} catch (...) {
		db->shards.clear();
		db->shard_dirs.clear();
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
