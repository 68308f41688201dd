/* stopwords.h — the words a query drops: a language's commonest function
 * words (articles, prepositions, forms of "be", "do" and "have", question
 * words), which match nearly every passage and say nothing about any.
 *
 * The index keeps every word; only queries drop them (engine/query.cc,
 * unstopped(): never from a phrase or NEAR, nor from a query, or the
 * required part of one, that holds nothing else).  Why, measured on
 * eval/passages' dev sets and SciFact's odd queries: eval/passages/
 * README.md, "Stopwords, and a heading that matches".
 * Also the bibtex key's first significant title word (searcher/cite.c).
 */
#ifndef DOCKET_STOPWORDS_H
#define DOCKET_STOPWORDS_H

#include <stddef.h>

/* The NULL-terminated stopwords of the stemming language LANG ("english"
 * and "porter" have a list), or NULL when docket has none for LANG (or
 * LANG is NULL): then no word is dropped. */
const char *const *stopwords_for(const char *lang);

/* Non-zero if WORD[0..N), in lower case, is one of LIST (NULL: none). */
int stopword_in(const char *const *list, const char *word, size_t n);

#endif
