/* quote-words.h — the word lists behind indexer/quotes.c.
 *
 * Each list is a sorted table of lower-case ASCII words (an apostrophe as
 * ASCII '); word_in() looks a word up in one.  The lists are the rules'
 * vocabulary: cue verbs, the words that head a document or a role, titles
 * before a name, and given names that tell he from she.  Only quotes.c
 * uses them.
 */
#ifndef DOCKET_QUOTE_WORDS_H
#define DOCKET_QUOTE_WORDS_H

#include <stddef.h>

enum word_list {
	WL_CUE,        /* verbs that report speech: said, told, wrote, … */
	WL_WEAK_CUE,   /* verbs that may frame a quote or just a term: called */
	WL_DOC,        /* nouns that head a document: complaint, memo, exhibit */
	WL_TITLE,      /* words before a name that are not part of it: judge */
	WL_ORG,        /* words that make a capitalised run an organisation */
	WL_DET,        /* determiners and possessives a speaker phrase drops */
	WL_SKIP,       /* auxiliaries and adverbs between a subject and its verb */
	WL_STOP,       /* function words that end a speaker phrase */
	WL_SMALL,      /* words a title leaves in lower case: of, the, and */
	WL_CALENDAR,   /* capitalised words that are never names: Monday, May */
	WL_STARTER,    /* capitalised sentence openers that are not names */
	WL_FEMALE,     /* given names: she */
	WL_MALE,       /* given names: he */
	WL_ABBREV,     /* words whose following period is not a sentence end */
	WL_LAST
};

/* Non-zero when WORD (lower-case, NUL-terminated) is in LIST.  Cannot
 * fail. */
int word_in(enum word_list list, const char *word);

/* The I-th word of LIST in its sorted order, or NULL past the end (for the
 * test that checks the order). */
const char *word_at(enum word_list list, size_t i);

#endif
