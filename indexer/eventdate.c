/* eventdate.c — resolving the dates a passage states (see eventdate.h).
 *
 * Two steps.  A lexer cuts the passage into tokens: words (with a note of a
 * capital, an abbreviation's dot, a possessive 's), numbers (with their
 * digit count and an ordinal suffix), dashes, commas and sentence ends; an
 * ISO "2026-03-04" or US "3/4/2026" becomes one date token.  Then, at each
 * token, matchers tried in turn recognise one expression and emit its span:
 * a weekday, a month-and-day (month first or day first) with an optional
 * year and an optional second day after "-", "to", "through", "and", a
 * relative day, a relative week.  The rules each matcher follows are the
 * judging rules of eval/dates/README.md, so the set can measure them.
 *
 * Called by the indexer once per passage and by eval/dates/score.c.
 */
#include "eventdate.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../common/days.h"
#include "../docket.h"

#define NODAY INT_MIN /* a date that cannot be resolved */

enum kind { K_WORD, K_NUM, K_DASH, K_COMMA, K_END, K_DATE, K_OTHER };
enum { F_CAP = 1, F_DOT = 2, F_POSS = 4, F_ORD = 8 };

struct tok {
	const char *s;  /* its first byte in the passage */
	size_t n;       /* its length (a word: its letters only) */
	int kind;       /* enum kind */
	int val;        /* K_NUM: the number (capped); K_DATE: its day number */
	int ndig;       /* K_NUM: how many digits it has */
	unsigned flags; /* F_* */
};

struct scan {
	struct tok *t;       /* the passage's tokens */
	size_t nt;           /* how many */
	size_t cap;          /* allocated */
	int have_ref;        /* the article's date is known */
	int ref;             /* its day number */
	eventdate_span *out; /* the caller's spans */
	size_t max;          /* room in OUT */
	size_t found;        /* distinct spans found */
};

/* ---- lexing ------------------------------------------------------------ */

static int is_alpha(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int is_digit(unsigned char c) { return c >= '0' && c <= '9'; }

/* Length of the UTF-8 punctuation or space at P (U+2000..U+203F: dashes,
 * curly quotes, ellipsis; U+00A0), or 0 when P starts anything else. */
static size_t u8_punct(const char *p, const char *end)
{
	const unsigned char *u = (const unsigned char *)p;
	if (end - p >= 3 && u[0] == 0xE2 && u[1] == 0x80)
		return 3;
	if (end - p >= 2 && u[0] == 0xC2 && u[1] == 0xA0)
		return 2;
	return 0;
}

static int is_word_byte(const char *p, const char *end)
{
	unsigned char c = (unsigned char)*p;
	return is_alpha(c) || (c >= 0x80 && !u8_punct(p, end));
}

/* 1 when P starts "'s" or "’s" closing a word; *LEN gets its length. */
static int possessive(const char *p, const char *end, size_t *len)
{
	size_t q = 0;
	if (p < end && *p == '\'')
		q = 1;
	else if (end - p >= 3 && !memcmp(p, "\xE2\x80\x99", 3))
		q = 3;
	if (!q || end - p <= (long)q || (p[q] | 32) != 's')
		return 0;
	if (p + q + 1 < end && is_word_byte(p + q + 1, end))
		return 0;
	*len = q + 1;
	return 1;
}

static int word_eq(const struct tok *t, const char *w)
{
	return t->kind == K_WORD && t->n == strlen(w) && !strncasecmp(t->s, w, t->n);
}

static int word_in(const struct tok *t, const char *const *list)
{
	for (; *list; list++)
		if (word_eq(t, *list))
			return 1;
	return 0;
}

/* 1..12 for a month name written with a capital, full or abbreviated
 * ("Mar", "Mar.", "Sept."); 0 otherwise (so "march 3 miles" is no date). */
static int month_of(const struct tok *t)
{
	static const char *const names[12] = {
		"January", "February", "March",     "April",   "May",      "June",
		"July",    "August",   "September", "October", "November", "December"};
	if (t->kind != K_WORD || !(t->flags & F_CAP) || (t->flags & F_POSS) || t->n < 3)
		return 0;
	for (int m = 0; m < 12; m++) {
		size_t full = strlen(names[m]);
		if (t->n > full || strncasecmp(t->s, names[m], t->n))
			continue;
		if (t->n == full || t->n == 3 || (m == 8 && t->n == 4))
			return m + 1;
	}
	return 0;
}

/* 0 (Monday) .. 6 for a capitalised weekday, possessive allowed; -1 for
 * anything else, plurals ("on Mondays") included. */
static int weekday_of(const struct tok *t)
{
	static const char *const days[7] = {"Monday", "Tuesday", "Wednesday",
	                                    "Thursday", "Friday", "Saturday",
	                                    "Sunday"};
	if (t->kind != K_WORD || !(t->flags & F_CAP))
		return -1;
	for (int d = 0; d < 7; d++)
		if (word_eq(t, days[d]))
			return d;
	return -1;
}

/* Words whose dot is an abbreviation's, not a sentence end. */
static int takes_dot(const struct tok *t)
{
	static const char *const abbr[] = {"No", "Mr", "Mrs", "Ms", "Dr", "Inc",
	                                   "Corp", "Co", "Jr", "Sr", "St", "vs",
	                                   "Gov", "Sen", "Rep", "Gen", NULL};
	return month_of(t) || word_in(t, abbr);
}

static size_t lex_word(const char *p, const char *end, struct tok *t)
{
	const char *q = p;
	while (q < end && is_word_byte(q, end))
		q++;
	*t = (struct tok){p, (size_t)(q - p), K_WORD, 0, 0,
	                  (*p >= 'A' && *p <= 'Z') ? F_CAP : 0u};
	size_t len;
	if (possessive(q, end, &len))
		t->flags |= F_POSS, q += len;
	else if (q < end && *q == '.' && takes_dot(t))
		t->flags |= F_DOT, q++;
	return (size_t)(q - p);
}

/* Read exactly K digits at P into *V; 1 when they are there and no digit
 * follows. */
static int fixed_digits(const char *p, const char *end, int k, int *v)
{
	*v = 0;
	for (int i = 0; i < k; i++, p++) {
		if (p >= end || !is_digit((unsigned char)*p))
			return 0;
		*v = *v * 10 + (*p - '0');
	}
	return p >= end || !is_digit((unsigned char)*p);
}

/* "2026-03-04" or "3/4/2026" at P (K leading digits): its length and day,
 * or 0. */
static size_t lex_numeric_date(const char *p, const char *end, size_t k, int *z)
{
	int y, m, d;
	if (k == 4 && end - p >= 10 && p[4] == '-' && p[7] == '-' &&
	    fixed_digits(p, end, 4, &y) && fixed_digits(p + 5, end, 2, &m) &&
	    fixed_digits(p + 8, end, 2, &d) && days_valid(y, m, d)) {
		*z = days_from_civil(y, m, d);
		return 10;
	}
	size_t j = k + 1;
	if (k > 2 || end - p < (long)j || p[k] != '/' || !fixed_digits(p, end, (int)k, &m))
		return 0;
	size_t kd = 0;
	while (p + j + kd < end && is_digit((unsigned char)p[j + kd]))
		kd++;
	if (kd < 1 || kd > 2 || !fixed_digits(p + j, end, (int)kd, &d) ||
	    p + j + kd >= end || p[j + kd] != '/' ||
	    !fixed_digits(p + j + kd + 1, end, 4, &y) || !days_valid(y, m, d))
		return 0;
	*z = days_from_civil(y, m, d);
	return j + kd + 5;
}

static size_t lex_number(const char *p, const char *end, struct tok *t)
{
	size_t k = 0;
	int v = 0;
	while (p + k < end && is_digit((unsigned char)p[k])) {
		if (v < 100000)
			v = v * 10 + (p[k] - '0');
		k++;
	}
	int z;
	size_t dl = lex_numeric_date(p, end, k, &z);
	if (dl) {
		*t = (struct tok){p, dl, K_DATE, z, 0, 0};
		return dl;
	}
	*t = (struct tok){p, k, K_NUM, v, (int)k, 0};
	const char *q = p + k;
	static const char *const ord[] = {"st", "nd", "rd", "th"};
	for (int i = 0; i < 4 && end - q >= 2; i++)
		if (!strncasecmp(q, ord[i], 2) && (q + 2 >= end || !is_word_byte(q + 2, end))) {
			t->flags |= F_ORD;
			t->n = k + 2;
			return t->n;
		}
	/* "4G", "12b", "4.5", "10:30", "4%": not a day */
	int glued = q < end && (is_word_byte(q, end) || *q == '%');
	int decimal = end - q >= 2 && (*q == '.' || *q == ':') && is_digit((unsigned char)q[1]);
	if (glued || decimal) {
		while (q < end && (is_word_byte(q, end) || is_digit((unsigned char)*q) ||
		                   *q == '.' || *q == ':' || *q == '%'))
			q++;
		t->kind = K_OTHER;
		t->n = (size_t)(q - p);
	}
	return t->n;
}

/* Punctuation and anything else: one token (spaces: none, returned as 0
 * kind K_OTHER with *SKIP set). */
static size_t lex_mark(const char *p, const char *end, struct tok *t, int *skip)
{
	size_t u = u8_punct(p, end);
	*skip = 0;
	*t = (struct tok){p, u ? u : 1, K_OTHER, 0, 0, 0};
	if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' ||
	    (u == 2 && (unsigned char)p[0] == 0xC2))
		*skip = 1;
	else if (*p == '-' || (u == 3 && ((unsigned char)p[2] == 0x93)))
		t->kind = K_DASH; /* hyphen-minus, en dash */
	else if (*p == ',')
		t->kind = K_COMMA;
	else if (strchr(".!?;:", *p))
		t->kind = K_END;
	return t->n;
}

static void push(int *rc, struct scan *sc, const struct tok *t)
{
	if (*rc)
		return;
	if (sc->nt == sc->cap) {
		size_t cap = sc->cap ? sc->cap * 2 : 64;
		struct tok *nt = realloc(sc->t, cap * sizeof *nt);
		if (!nt) {
			*rc = DOCKET_NO_MEMORY;
			return;
		}
		sc->t = nt, sc->cap = cap;
	}
	sc->t[sc->nt++] = *t;
}

static void lex(int *rc, struct scan *sc, const char *s, size_t n)
{
	const char *p = s, *end = s + n;
	while (p < end && !*rc) {
		struct tok t;
		int skip = 0;
		size_t len;
		if (is_digit((unsigned char)*p))
			len = lex_number(p, end, &t);
		else if (is_word_byte(p, end))
			len = lex_word(p, end, &t);
		else
			len = lex_mark(p, end, &t, &skip);
		if (!skip)
			push(rc, sc, &t);
		p += len;
	}
}

/* ---- matching helpers -------------------------------------------------- */

/* Token I, or a sentence end past either edge (so matchers need no bounds
 * checks). */
static const struct tok *at(const struct scan *sc, size_t i)
{
	static const struct tok edge = {"", 0, K_END, 0, 0, 0};
	return i < sc->nt ? &sc->t[i] : &edge;
}

static const struct tok *before(const struct scan *sc, size_t i)
{
	return i ? at(sc, i - 1) : at(sc, sc->nt);
}

static int day_num(const struct tok *t)
{
	return t->kind == K_NUM && t->ndig <= 2 && t->val >= 1 && t->val <= 31 ? t->val : 0;
}

static int year_num(const struct tok *t)
{
	return t->kind == K_NUM && t->ndig == 4 && !(t->flags & F_ORD) &&
	       t->val >= 1800 && t->val <= 2199 ? t->val : 0;
}

/* Record span FIRST..LAST once (a span too long to be an event: its two
 * ends). */
static void add(struct scan *sc, int first, int last)
{
	if (first == NODAY || last == NODAY || last < first)
		return;
	if (last - first >= EVENTDATE_MAX_SPAN) {
		add(sc, first, first);
		add(sc, last, last);
		return;
	}
	size_t have = sc->found < sc->max ? sc->found : sc->max;
	for (size_t i = 0; i < have; i++)
		if (sc->out[i].first == first && sc->out[i].last == last)
			return;
	if (sc->found < sc->max)
		sc->out[sc->found] = (eventdate_span){first, last};
	sc->found++;
}

/* ---- month and day ----------------------------------------------------- */

struct md {
	int m; /* month 1..12 */
	int d; /* day 1..31 */
	int y; /* year, 0 when the text gives none */
};

/* "[,] 2026" at J: its token count, with the year in *Y; else 0. */
static size_t opt_year(const struct scan *sc, size_t j, int *y)
{
	size_t k = at(sc, j)->kind == K_COMMA ? j + 1 : j;
	int v = year_num(at(sc, k));
	if (!v)
		return 0;
	*y = v;
	return k + 1 - j;
}

/* "March 4", "Mar. 4th, 2026" at I: its token count, or 0. */
static size_t month_day(const struct scan *sc, size_t i, struct md *r)
{
	int m = month_of(at(sc, i)), d = day_num(at(sc, i + 1));
	if (!m || !d)
		return 0;
	*r = (struct md){m, d, 0};
	return 2 + opt_year(sc, i + 2, &r->y);
}

/* Words that make the number after them a label, never a day. */
static int label_word(const struct tok *t)
{
	static const char *const labels[] = {
		"exhibit", "section", "rule", "count", "title", "page", "paragraph",
		"chapter", "item", "no", "number", "docket", "article", "claim",
		"part", "tab", "volume", "version", NULL};
	return word_in(t, labels);
}

/* "4 March", "the 4th of March 2026" at I: its token count, or 0. */
static size_t day_month(const struct scan *sc, size_t i, struct md *r)
{
	const struct tok *t = at(sc, i);
	int d = day_num(t);
	if (!d || label_word(before(sc, i)))
		return 0;
	size_t j = i + 1;
	if ((t->flags & F_ORD) && word_eq(at(sc, j), "of"))
		j++;
	int m = month_of(at(sc, j));
	if (!m)
		return 0;
	*r = (struct md){m, d, 0};
	return j + 1 - i + opt_year(sc, j + 1, &r->y);
}

static size_t any_date(const struct scan *sc, size_t i, struct md *r)
{
	size_t k = month_day(sc, i, r);
	return k ? k : day_month(sc, i, r);
}

/* The day of R: in its own year, else in the year that puts it nearest the
 * article's date; NODAY when neither exists. */
static int resolve(const struct scan *sc, const struct md *r)
{
	if (r->y)
		return days_valid(r->y, r->m, r->d) ? days_from_civil(r->y, r->m, r->d) : NODAY;
	if (!sc->have_ref)
		return NODAY;
	int y0, m0, d0, best = NODAY;
	days_to_civil(sc->ref, &y0, &m0, &d0);
	for (int y = y0 - 1; y <= y0 + 1; y++) {
		if (!days_valid(y, r->m, r->d))
			continue;
		int z = days_from_civil(y, r->m, r->d);
		if (best == NODAY || abs(z - sc->ref) < abs(best - sc->ref))
			best = z;
	}
	return best;
}

/* The second day of "A to B" / "A and B": B's own year, else A's year
 * given to B, else A's resolved year (a B earlier than A is in the next
 * one). */
static void pair_days(const struct scan *sc, struct md a, struct md b, int *za, int *zb)
{
	if (!a.y && b.y) {
		a.y = b.y;
		if (a.m > b.m || (a.m == b.m && a.d > b.d))
			a.y--;
	}
	*za = resolve(sc, &a);
	if (!b.y && *za != NODAY) {
		int m, d;
		days_to_civil(*za, &b.y, &m, &d);
		if (b.m < a.m || (b.m == a.m && b.d < a.d))
			b.y++;
	}
	*zb = resolve(sc, &b);
}

/* After A ends at J: "-6", "to April 2", "through Feb. 12, 2026", "and 5":
 * B and its token count, or 0.  A bare day takes A's month. */
static size_t second_day(const struct scan *sc, size_t j, const struct md *a, struct md *b)
{
	size_t k = any_date(sc, j, b);
	if (k)
		return k;
	int d = day_num(at(sc, j));
	if (!d)
		return 0;
	*b = (struct md){a->m, d, 0};
	return 1 + opt_year(sc, j + 1, &b->y);
}

static int range_word(const struct scan *sc, size_t i, size_t j)
{
	static const char *const words[] = {"to", "through", "thru", "until", NULL};
	const struct tok *c = at(sc, j);
	return c->kind == K_DASH || word_in(c, words) ||
	       (word_eq(c, "and") && word_eq(before(sc, i), "between"));
}

/* A month-and-day at I, alone, as a run of days or as a pair: its token
 * count, or 0. */
static size_t date_expr(struct scan *sc, size_t i)
{
	struct md a, b;
	size_t k = any_date(sc, i, &a);
	if (!k)
		return 0;
	size_t j = i + k;
	int range = range_word(sc, i, j);
	int pair = !range && (word_eq(at(sc, j), "and") || word_eq(at(sc, j), "or"));
	size_t k2 = range || pair ? second_day(sc, j + 1, &a, &b) : 0;
	if (!k2) {
		int z = resolve(sc, &a);
		add(sc, z, z);
		return k;
	}
	int za, zb;
	pair_days(sc, a, b, &za, &zb);
	if (range && zb > za) {
		add(sc, za, zb);
	} else {
		add(sc, za, za);
		add(sc, zb, zb);
	}
	return j + 1 + k2 - i;
}

/* "4-6 March [2026]" at I: its token count, or 0. */
static size_t day_range_month(struct scan *sc, size_t i)
{
	int d1 = day_num(at(sc, i));
	struct md b;
	if (!d1 || at(sc, i + 1)->kind != K_DASH || label_word(before(sc, i)))
		return 0;
	size_t k = day_month(sc, i + 2, &b);
	if (!k || b.d <= d1)
		return 0;
	int za, zb;
	pair_days(sc, (struct md){b.m, d1, 0}, b, &za, &zb);
	add(sc, za, zb);
	return 2 + k;
}

/* ---- weekdays and relative days ---------------------------------------- */

/* 1 when the clause before token I points ahead ("will", "is scheduled
 * to", "set for"): looked for back to a comma or a sentence end. */
static int points_ahead(const struct scan *sc, size_t i)
{
	static const char *const cues[] = {"will", "shall", "ll", "scheduled",
	                                   "expected", "upcoming", "due", "until",
	                                   "plans", "intends", NULL};
	while (i-- > 0) {
		const struct tok *t = at(sc, i);
		if (t->kind == K_END || t->kind == K_COMMA)
			return 0;
		if (word_in(t, cues))
			return 1;
		if (word_eq(t, "set") && (word_eq(at(sc, i + 1), "for") || word_eq(at(sc, i + 1), "to")))
			return 1;
	}
	return 0;
}

/* Words that make a weekday after them part of a name. */
static int names_day(const struct tok *t)
{
	static const char *const names[] = {"black", "cyber", "super", "good",
	                                    "ash", "holy", "giving", "fat",
	                                    "blue", "small", "easter", NULL};
	return word_in(t, names);
}

/* 1 when the weekday at I is part of a name or habit ("Black Friday",
 * "the first Tuesday of each month") or stands beside the date that says
 * it ("Monday, March 9"): nothing to resolve there. */
static int weekday_aside(const struct scan *sc, size_t i)
{
	struct md r;
	size_t j = at(sc, i + 1)->kind == K_COMMA ? i + 2 : i + 1;
	return any_date(sc, j, &r) || at(sc, j)->kind == K_DATE ||
	       names_day(before(sc, i)) ||
	       (word_eq(at(sc, i + 1), "of") && !(at(sc, i)->flags & F_POSS));
}

/* The day weekday WD at I names by rule 3: the latest such day, the next
 * one when the clause points ahead, a week earlier after "a week ago". */
static int weekday_day(const struct scan *sc, size_t i, int wd)
{
	const struct tok *p = before(sc, i);
	int today = days_weekday(sc->ref);
	int back = (today - wd + 7) % 7, ahead = (wd - today + 7) % 7;
	if (word_eq(p, "last"))
		return sc->ref - (back ? back : 7);
	if (word_eq(p, "next") || points_ahead(sc, i))
		return sc->ref + (ahead ? ahead : 7);
	if (word_eq(p, "this"))
		return sc->ref + ahead;
	if (word_eq(p, "ago") && i >= 2 && word_eq(at(sc, i - 2), "week"))
		return sc->ref - back - 7;
	return sc->ref - back;
}

/* "last week", "this week", "next week" at J: that week's Monday, or
 * NODAY. */
static int week_monday(const struct scan *sc, size_t j)
{
	static const char *const which[3] = {"last", "this", "next"};
	if (!sc->have_ref || !word_eq(at(sc, j + 1), "week"))
		return NODAY;
	for (int w = 0; w < 3; w++)
		if (word_eq(at(sc, j), which[w]))
			return sc->ref - days_weekday(sc->ref) + 7 * (w - 1);
	return NODAY;
}

/* A weekday at I — "on Monday", "Tuesday's hearing", "last Friday", "a week
 * ago Tuesday", "Tuesday next week", "Monday through Friday" (rule 3).
 * Returns its token count when I is a weekday (resolved or not), else 0. */
static size_t weekday_expr(struct scan *sc, size_t i)
{
	int wd = weekday_of(at(sc, i)), wd2 = -1;
	if (wd < 0)
		return 0;
	if (weekday_aside(sc, i) || !sc->have_ref)
		return 1;
	size_t k = 1;
	if (range_word(sc, i, i + 1) && (wd2 = weekday_of(at(sc, i + 2))) >= 0)
		k = 3;
	int monday = week_monday(sc, i + k);
	int z = monday != NODAY ? monday + wd : weekday_day(sc, i, wd);
	if (monday != NODAY)
		k += 2;
	add(sc, z, wd2 < 0 ? z : z + (wd2 - wd + 7) % 7);
	return k;
}

/* 1 when the sentence holding token I shows a tense — a past form
 * ("declined", "said") or a pointer ahead — so that its "today" is the
 * article's day, not "nowadays" (rule 8; decided on dev d53). */
static int has_tense(const struct scan *sc, size_t i)
{
	static const char *const forms[] = {
		"said", "told", "met", "ran", "held", "took", "gave", "made",
		"came", "went", "sent", "won", "lost", "began", "found", "wrote",
		"rose", "fell", "left", "heard", "was", "were", "did", "had", "got",
		"will", "expected", "scheduled", "plans", "is", "are", NULL};
	size_t a = i, b = i;
	while (a > 0 && at(sc, a - 1)->kind != K_END)
		a--;
	while (b < sc->nt && at(sc, b)->kind != K_END)
		b++;
	for (size_t k = a; k < b; k++) {
		const struct tok *t = at(sc, k);
		if (t->kind == K_WORD && t->n >= 4 && !strncasecmp(t->s + t->n - 2, "ed", 2))
			return 1;
		if (k != i && word_in(t, forms))
			return 1;
	}
	return 0;
}

/* "yesterday", "today", "tomorrow" (and their possessives, and "the day
 * before yesterday", "the day after tomorrow") at I. */
static size_t relday_expr(struct scan *sc, size_t i)
{
	const struct tok *t = at(sc, i);
	int off;
	if (word_eq(t, "yesterday"))
		off = -1;
	else if (word_eq(t, "tomorrow"))
		off = 1;
	else if (word_eq(t, "today") || word_eq(t, "tonight"))
		off = 0;
	else
		return 0;
	const char *link = off < 0 ? "before" : "after";
	if (off && i >= 2 && word_eq(at(sc, i - 1), link) && word_eq(at(sc, i - 2), "day"))
		off *= 2; /* "the day before yesterday" */
	if (sc->have_ref && (off || has_tense(sc, i)))
		add(sc, sc->ref + off, sc->ref + off);
	return 1;
}

/* "last week", "this week", "next week" at I: Monday..Sunday (rule 4). */
static size_t week_expr(struct scan *sc, size_t i)
{
	int monday = week_monday(sc, i);
	if (monday == NODAY)
		return 0;
	add(sc, monday, monday + 6);
	return 2;
}

/* ---- the public functions ---------------------------------------------- */

static int by_first(const void *a, const void *b)
{
	const eventdate_span *x = a, *y = b;
	if (x->first != y->first)
		return x->first < y->first ? -1 : 1;
	return (x->last > y->last) - (x->last < y->last);
}

/* The expression at I: its token count (at least 1). */
static size_t match_at(struct scan *sc, size_t i)
{
	const struct tok *t = at(sc, i);
	if (t->kind == K_DATE) {
		add(sc, t->val, t->val);
		return 1;
	}
	size_t k = weekday_expr(sc, i);
	if (!k)
		k = day_range_month(sc, i);
	if (!k)
		k = date_expr(sc, i);
	if (!k)
		k = relday_expr(sc, i);
	if (!k)
		k = week_expr(sc, i);
	return k ? k : 1;
}

size_t eventdate_find(int *rc, const char *text, size_t n,
                      const char *article_date, eventdate_span *out,
                      size_t max)
{
	if (*rc)
		return 0;
	struct scan sc = {NULL, 0, 0, 0, 0, out, max, 0};
	sc.have_ref = article_date && !days_parse_iso(article_date, &sc.ref);
	lex(rc, &sc, text, n);
	for (size_t i = 0; i < sc.nt && !*rc;)
		i += match_at(&sc, i);
	free(sc.t);
	if (*rc)
		return 0;
	qsort(out, sc.found < max ? sc.found : max, sizeof *out, by_first);
	return sc.found;
}

size_t eventdate_days(const eventdate_span *spans, size_t nspans,
                      char (*out)[11], size_t max)
{
	size_t total = 0;
	int next = INT_MIN; /* the first day not yet written */
	for (size_t s = 0; s < nspans; s++) {
		int z = spans[s].first > next ? spans[s].first : next;
		for (; z <= spans[s].last; z++, total++)
			if (total < max)
				days_format(z, out[total]);
		if (z > next)
			next = z;
	}
	return total;
}
