/* wire.c — article_wire() (see wire.h). */
#include "wire.h"

#include "../common/copies.h"

const char *article_wire(const struct article *a)
{
	const char *w = NULL;
	if (a->npassages)
		w = copies_dateline_agency(a->passages[0].text, a->passages[0].len);
	for (size_t i = a->npassages; !w && i-- > 0;)
		w = copies_credit_agency(a->passages[i].text, a->passages[i].len);
	if (!w)
		w = copies_byline_agency(a->author);
	return w ? w : "";
}
