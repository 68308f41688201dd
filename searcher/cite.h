/* cite.h — a passage's citation, formatted from its record.
 *
 * Callers: the searcher (docket_hit_citation) and the CLI through it.
 */
#ifndef DOCKET_CITE_H
#define DOCKET_CITE_H

#include "../common/buf.h"
#include "../common/record.h"

/* Append R's citation in STYLE (enum docket_cite_style) to OUT:
 *
 *   plain     Title — Outlet, 2026-04-28, § Section, ¶ 3 (via wired.com,
 *             theverge.com) — https://... (the path when there is no URL)
 *   markdown  [Title](https://...) — Outlet, 2026-04-28, § Section, ¶ 3
 *             (via wired.com)          (just Title when there is no URL)
 *   bibtex    @online{wired2026storm_1a2b3c,
 *               title = {...},
 *               ...
 *             }                         (one field a line; see cite.c)
 *
 * Empty fields are left out with their separators.  Plain and markdown are
 * one line: newlines in fields become spaces.  Sticky on *RC; a bad STYLE
 * sets *RC to DOCKET_BAD_ARGUMENT.  Returns *RC. */
int cite_format(int *rc, buf *out, const struct record *r, int style);

#endif
