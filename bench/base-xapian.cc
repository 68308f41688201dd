/* base-xapian.cc — the plain-Xapian baseline of the benchmark.
 *
 *   base-xapian index DBDIR CORPUSDIR
 *   base-xapian query DBDIR QUERIESFILE [--repeat N] [--cold EVICT]
 *   base-xapian search DBDIR QUERY
 *
 * What anyone would write first with Xapian: one WritableDatabase, a
 * TermGenerator (english stemmer, STEM_SOME, positions), one document per
 * passage from bench/passages.c, the passage text as document data, title
 * words under S, outlet words under XO, credited sources as boolean XC terms
 * and the date (YYYY-MM-DD) in value slot 0.  Queries go through QueryParser
 * with the same field names docket's query language uses, and each of the
 * top 10 gets an MSet::snippet.  bench/run drives it; nothing else uses it.
 */
#include <xapian.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <time.h>

#include "passages.h"
#include "driver.h"

namespace {

struct indexer {
	Xapian::WritableDatabase db;
	Xapian::TermGenerator tg;
	long passages = 0;
};

void add_passage(void *ctx, const struct bp_passage *p)
{
	indexer *ix = static_cast<indexer *>(ctx);
	Xapian::Document doc;
	ix->tg.set_document(doc);
	ix->tg.index_text(std::string(p->text, p->len));
	ix->tg.increase_termpos();
	ix->tg.index_text(p->title, 1, "S");
	ix->tg.increase_termpos();
	ix->tg.index_text(p->outlet, 1, "XO");
	for (size_t i = 0; i < p->nsources; i++)
		doc.add_boolean_term(std::string("XC") + p->sources[i]);
	doc.add_value(0, p->date);
	doc.add_value(1, p->title);
	doc.set_data(std::string(p->text, p->len));
	ix->db.add_document(doc);
	ix->passages++;
}

int cmd_index(const char *dbdir, const char *corpus)
{
	indexer ix;
	ix.db = Xapian::WritableDatabase(dbdir, Xapian::DB_CREATE_OR_OVERWRITE);
	ix.tg.set_stemmer(Xapian::Stem("english"));
	ix.tg.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
	double t0 = now_seconds();
	long files = bp_walk(corpus, add_passage, &ix);
	if (files < 0)
		return 1;
	ix.db.commit();
	std::printf("files %ld passages %ld seconds %.3f\n", files, ix.passages,
	            now_seconds() - t0);
	return 0;
}

/* Parse and run QUERY on DB; the top 10 with snippets.  Returns the number
 * of hits and, when OUT is non-NULL, prints them.  A query that does not
 * parse is reported on stderr and has no hits; other errors throw. */
size_t run_query(Xapian::Database &db, const std::string &query, FILE *out)
{
	Xapian::Stem stem("english");
	Xapian::QueryParser qp;
	Xapian::RangeProcessor dates(0, "date:");
	qp.set_database(db);
	qp.set_stemmer(stem);
	qp.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
	qp.add_prefix("title", "S");
	qp.add_prefix("outlet", "XO");
	qp.add_boolean_prefix("source", "XC");
	qp.add_rangeprocessor(&dates);
	Xapian::Enquire enq(db);
	try {
		enq.set_query(qp.parse_query(query, Xapian::QueryParser::FLAG_DEFAULT));
	} catch (const Xapian::QueryParserError &e) {
		std::fprintf(stderr, "base-xapian: %s: %s\n", query.c_str(),
		             e.get_msg().c_str());
		return 0;
	}
	Xapian::MSet m = enq.get_mset(0, 10);
	for (Xapian::MSetIterator i = m.begin(); i != m.end(); ++i) {
		Xapian::Document doc = i.get_document();
		std::string snip = m.snippet(doc.get_data(), 240, stem);
		if (out)
			std::fprintf(out, "%u\t%.3f\t%s\t%s\n", i.get_rank() + 1,
			             i.get_weight(), doc.get_value(1).c_str(),
			             snip.c_str());
	}
	return m.size();
}

int cmd_query(const char *dbdir, const char *file, int repeat,
              const char *evict)
{
	struct query_line *qs;
	size_t n;
	if (read_queries(file, &qs, &n) != 0)
		return 1;
	Xapian::Database db(dbdir);
	for (size_t q = 0; q < n; q++) {
		if (!evict)
			run_query(db, qs[q].text, NULL); /* warm-up, not recorded */
		for (int r = 0; r < repeat; r++) {
			if (evict)
				evict_index(evict, dbdir);
			double t0 = now_seconds();
			if (evict)
				db = Xapian::Database(dbdir);
			size_t hits = run_query(db, qs[q].text, NULL);
			print_sample(&qs[q], q, evict != NULL, now_seconds() - t0, hits);
		}
	}
	free_queries(qs, n);
	return 0;
}

} // namespace

int main(int argc, char **argv)
{
	try {
		if (argc == 4 && std::strcmp(argv[1], "index") == 0)
			return cmd_index(argv[2], argv[3]);
		if (argc == 4 && std::strcmp(argv[1], "search") == 0) {
			Xapian::Database db(argv[2]);
			run_query(db, argv[3], stdout);
			return 0;
		}
		if (argc >= 4 && std::strcmp(argv[1], "query") == 0) {
			int repeat = 5;
			const char *evict = NULL;
			if (parse_query_options(argc - 4, argv + 4, &repeat, &evict) != 0)
				return 2;
			return cmd_query(argv[2], argv[3], repeat, evict);
		}
	} catch (const Xapian::Error &e) {
		std::fprintf(stderr, "base-xapian: %s\n", e.get_description().c_str());
		return 1;
	}
	std::fprintf(stderr, "usage: base-xapian index DBDIR CORPUSDIR\n"
	                     "       base-xapian query DBDIR QUERIES [--repeat N] "
	                     "[--cold EVICT]\n"
	                     "       base-xapian search DBDIR QUERY\n");
	return 2;
}
