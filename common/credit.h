/* credit.h — finding the sources a paragraph credits, for parsers that need
 * to split text at credits before handing blocks to article_add_block().
 *
 * Owned by common/article.c (where the rules live); used by common/text.c.
 */
#ifndef DOCKET_CREDIT_H
#define DOCKET_CREDIT_H

#include <stddef.h>

/* The offset in S[0..N) where the run of trailing credit groups starts —
 * "(wired.com)", "(a.com) (b.com)", "(a.com, b.com)", possibly followed by
 * spaces — or N when S does not end with one.  Every item of a group must
 * look like a domain name.  Cannot fail. */
size_t article_credit_start(const char *s, size_t n);

#endif
