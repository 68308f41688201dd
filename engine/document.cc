/* document.cc — documents through the opaque xap_doc handle (engine.h):
 * building one (postings, terms, values, data), writing it, deleting by
 * term, and reading a passage's data back by its id term.
 *
 * Callers: indexer/document.c (building), indexer/indexer.c (writing),
 * searcher/query.c (reading a passage in context).
 */
#include "engine-private.h"

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
