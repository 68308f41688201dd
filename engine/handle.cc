/* handle.cc — the engine's errors: fail_from() maps the exception being
 * handled to a docket_status (most specific class first) and keeps its
 * message, with context, on the handle, so that no exception ever crosses
 * into C; xap_error() and xap_fail() read and set that message.
 *
 * Callers: every exported body of the engine's .cc files, in its catch.
 */
#include "engine-private.h"

/* Map the exception being handled to a status, with WHAT (the index or the
 * query) in the message.  Must be called from inside a catch block. */
int fail_from(xap_db *db, const std::string &what)
{
	int status;
	std::string msg;
	try {
		throw;
	} catch (const Xapian::Error &e) { /* out of descriptors, whatever class:
		                             * never "no index", "locked" */
		char text[128];
		const char *es = e.get_error_string();
		if (error_text_fd_limit(es) || error_text_fd_limit(e.get_msg().c_str())) {
			error_fd_text(es && strstr(es, strerror(ENFILE)) ? ENFILE : EMFILE,
			              text, sizeof text);
			if (db)
				try {
					db->error = what.empty() ? text : what + ": " + text;
				} catch (...) {
				}
			return DOCKET_IO_ERROR;
		}
	} catch (...) {
	}
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

char *copy_out(const std::string &s)
{
	char *p = (char *)malloc(s.size() + 1);
	if (!p)
		throw std::bad_alloc();
	memcpy(p, s.data(), s.size());
	p[s.size()] = '\0';
	return p;
}
