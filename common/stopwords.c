/* stopwords.c — the query's stopword lists (see stopwords.h). */
#include "stopwords.h"

#include <string.h>

/* English: articles, the commonest prepositions and conjunctions, the forms
 * of "be", "do" and "have", demonstratives and question words.  Left out on
 * purpose: words that are also names or content in court coverage ("may",
 * the month; "will"; "can"; "must"; "us"), negations ("not", "no": a
 * ruling that did "not" find), and pronouns ("he", "she", "they"):
 * with them and "about", "into", "than", "then", "there", "so" dropped
 * too, the first set's dev questions lost 0.023 nDCG@10. */
static const char *const english[] = {
	"a", "an", "the", "of", "to", "in", "on", "at", "by", "for", "from",
	"with", "and", "or", "but", "is", "are", "was", "were", "be", "been",
	"being", "do", "did", "has", "have", "had", "it", "its",
	"this", "that", "these", "those", "as", "if", "how", "what", "when",
	"where", "why", "which", "who", "whom", "whose", "would", "could",
	"should", NULL,
};

const char *const *stopwords_for(const char *lang)
{
	if (lang && (strcmp(lang, "english") == 0 || strcmp(lang, "porter") == 0))
		return english;
	return NULL;
}

int stopword_in(const char *const *list, const char *word, size_t n)
{
	for (; list && *list; list++)
		if (strlen(*list) == n && memcmp(*list, word, n) == 0)
			return 1;
	return 0;
}
