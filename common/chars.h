/* chars.h — the byte classes the parsers and the searcher share, so that
 * there is one definition of white space (and two named variants where a
 * format says otherwise).  Header only; cannot fail.
 */
#ifndef DOCKET_CHARS_H
#define DOCKET_CHARS_H

/* White space as C's isspace() in the "C" locale: space, tab, LF, CR, FF,
 * VT (never locale-dependent, never a byte of a UTF-8 sequence). */
static inline int is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
	       c == '\v';
}

/* White space between JSON tokens (RFC 8259): space, tab, LF, CR. */
static inline int is_json_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* The spacing of plain text after utf8_sanitize() (which leaves no CR):
 * space, tab, LF.  FF and VT are not spacing here (indexer/text.c keeps
 * them as text). */
static inline int is_text_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n';
}

#endif
