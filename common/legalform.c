/* legalform.c — docket numbers, courts and record cites (legalform.h).
 *
 * Called by indexer/legal.c on every text of an article and by the query
 * side's normalisers.  Each recogniser works on bytes at word starts:
 *
 *   dockets  district "[O:]YY-tt-NNNNN[-JJJ]" anywhere; the appellate,
 *            Supreme Court, bankruptcy and state forms only after
 *            "No."/"Nos."/"case number" (not after "policy No."...);
 *            "MDL [No.] N".
 *   courts   a table of states: short forms ("N.D. Cal.", "S.D.N.Y."),
 *            long forms ("Northern District of California"), circuits, the
 *            Supreme Court, state and county courts.
 *   cites    exhibits (plain, PX/DX/JX/GX and their spelled forms), docket
 *            entries, transcripts, complaint paragraphs.
 *
 * Measured on the dev half of eval/legal (see its README).
 */
#define LEGALFORM_HELPERS
#include "legalform.h"

#include <stdlib.h>
#include <string.h>

#include "../docket.h"

/* ------------------------------------------------------------ lists */

/* Add S[0..N) to L unless it is there already.  Sticky on *RC. */
void legal_list_add(int *rc, struct legal_list *l, const char *s, size_t n)
{
	if (*rc)
		return;
	for (size_t i = 0; i < l->n; i++)
		if (strlen(l->v[i]) == n && memcmp(l->v[i], s, n) == 0)
			return;
	if (l->n == l->cap) {
		size_t cap = l->cap ? 2 * l->cap : 4;
		char **v = realloc(l->v, cap * sizeof *v);
		if (!v) {
			*rc = DOCKET_NO_MEMORY;
			return;
		}
		l->v = v, l->cap = cap;
	}
	char *c = str_ndup(rc, s, n);
	if (c)
		l->v[l->n++] = c;
}

/* Add B's contents to L and empty B. */
void legal_list_take(int *rc, struct legal_list *l, buf *b)
{
	if (!*rc && b->n)
		legal_list_add(rc, l, b->p, b->n);
	buf_reset(b);
}

void legal_list_free(struct legal_list *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->v[i]);
	free(l->v);
	memset(l, 0, sizeof *l);
}

/* The index of S in L, or -1. */
long legal_list_find(const struct legal_list *l, const char *s)
{
	for (size_t i = 0; i < l->n; i++)
		if (strcmp(l->v[i], s) == 0)
			return (long)i;
	return -1;
}

/* ========================================================== dockets */

/* District case types: cv civil, cr criminal, md multidistrict, mc
 * miscellaneous, mj magistrate, and a few rarer ones. */
static int case_type(const char *s)
{
	static const char *const t[] = {"cv", "cr", "md", "mc", "mj", "bk",
	                                "ap", "po", "sw", "gj", "ml", "dp"};
	for (size_t i = 0; i < sizeof t / sizeof *t; i++)
		if (lower((unsigned char)s[0]) == t[i][0] &&
		    lower((unsigned char)s[1]) == t[i][1])
			return 1;
	return 0;
}

/* Skip judge-initial suffixes "-RFL", "-JRG-ABC" after a number at J. */
static size_t judge_suffix(const char *s, size_t n, size_t j)
{
	for (;;) {
		size_t k = j + 1, m = 0;
		if (j >= n || s[j] != '-')
			return j;
		while (k + m < n && is_up(s[k + m]))
			m++;
		if (m < 2 || m > 4 || !word_end(s, n, k + m))
			return j;
		j = k + m;
	}
}

/* A district number "[O:]YY-tt-N[-JJJ]" at I: appends its key "YY-tt-N"
 * and returns its end, or returns 0. */
static size_t district_no(int *rc, buf *b, const char *s, size_t n, size_t i)
{
	size_t j = i;
	if (j + 1 < n && is_dig(s[j]) && s[j + 1] == ':')
		j += 2;
	if (digits(s, n, j) != 2 || j + 6 > n || s[j + 2] != '-' ||
	    !case_type(s + j + 3) || s[j + 5] != '-')
		return 0;
	if ((is_up(s[j + 3]) != is_up(s[j + 4])))
		return 0;
	size_t y = j, k = digits(s, n, j + 6);
	if (k < 1 || k > 6)
		return 0;
	size_t end = judge_suffix(s, n, j + 6 + k);
	if (!word_end(s, n, end) || (end < n && s[end] == '-'))
		return 0;
	buf_append(rc, b, s + y, 2);
	buf_putc(rc, b, '-');
	put_lower(rc, b, s + j + 3, 2);
	buf_putc(rc, b, '-');
	put_num(rc, b, s + j + 6, k);
	return end;
}

/* A number after "No." at I, in the appellate, Supreme Court, bankruptcy
 * and state forms: "24-1234", "2025-0412-LWW", "25A112", "A171234",
 * "CGC-25-612345", "2024-CH-01234".  Appends the key, returns the end or
 * 0. */
static size_t numbered_no(int *rc, buf *b, const char *s, size_t n, size_t i)
{
	size_t d = digits(s, n, i), k, end;
	if ((end = district_no(rc, b, s, n, i)))
		return end;
	if ((d == 2 || d == 4) && i + d + 1 < n && s[i + d] == '-' &&
	    (k = digits(s, n, i + d + 1)) >= 3 && k <= 6) {
		end = judge_suffix(s, n, i + d + 1 + k);
		if (!word_end(s, n, end) || (end < n && s[end] == '-'))
			return 0;
		buf_append(rc, b, s + i, d);
		buf_putc(rc, b, '-');
		put_num(rc, b, s + i + d + 1, k);
		return end;
	}
	if (d == 4 && s[i + 4] == '-' && is_up(s[i + 5])) {
		size_t m = 0;
		while (m < 4 && is_up(s[i + 5 + m]))
			m++;
		if (m > 3 || s[i + 5 + m] != '-' ||
		    !(k = digits(s, n, i + 6 + m)) || !word_end(s, n, i + 6 + m + k))
			return 0;
		buf_append(rc, b, s + i, 5);
		put_lower(rc, b, s + i + 5, m);
		buf_putc(rc, b, '-');
		put_num(rc, b, s + i + 6 + m, k);
		return i + 6 + m + k;
	}
	if (d == 2 && i + 3 < n && is_up(s[i + 2]) &&
	    (k = digits(s, n, i + 3)) >= 1 && k <= 5 &&
	    word_end(s, n, i + 3 + k)) {
		buf_append(rc, b, s + i, 2);
		buf_putc(rc, b, (char)lower(s[i + 2]));
		put_num(rc, b, s + i + 3, k);
		return i + 3 + k;
	}
	if (d == 0 && i + 1 < n && is_up(s[i])) {
		size_t m = 0;
		while (m < 5 && is_up(s[i + m]))
			m++;
		if (m == 1 && (k = digits(s, n, i + 1)) >= 5 && k <= 7 &&
		    word_end(s, n, i + 1 + k)) {
			put_lower(rc, b, s + i, 1 + k);
			return i + 1 + k;
		}
		if (m >= 2 && m <= 4 && s[i + m] == '-' &&
		    digits(s, n, i + m + 1) == 2 && s[i + m + 3] == '-' &&
		    (k = digits(s, n, i + m + 4)) >= 3 &&
		    word_end(s, n, i + m + 4 + k)) {
			put_lower(rc, b, s + i, m + 4);
			put_num(rc, b, s + i + m + 4, k);
			return i + m + 4 + k;
		}
	}
	return 0;
}

/* The word before the "No." at I, past the spaces: its start into *B and
 * its end returned (*B equal to it when no word is there). */
static size_t word_before_no(const char *s, size_t i, size_t *b)
{
	size_t e = i;
	while (e > 0 && s[e - 1] == ' ')
		e--;
	*b = e;
	while (*b > 0 && wch((unsigned char)s[*b - 1]))
		(*b)--;
	return e;
}

/* Whether the word before the "No." at I is one of the NULL-terminated
 * WORDS (ASCII case ignored). */
static int no_after(const char *s, size_t i, const char *const *words)
{
	size_t b, e = word_before_no(s, i, &b);
	for (; *words; words++)
		if (strlen(*words) == e - b && strncasecmp(s + b, *words, e - b) == 0)
			return 1;
	return 0;
}

/* Whether the word before the "No." at I names a court case ("Case No.",
 * "Cause No.", "petition No."): the number is a docket number whatever
 * the rest of the article says. */
static int no_after_case(const char *s, size_t i)
{
	static const char *const nouns[] = {"case", "docket", "appeal", "petition",
	                                    "cause", "index", "action", "matter", NULL};
	return no_after(s, i, nouns);
}

/* Whether the word before the "No." at I names something that is not a
 * court case ("policy No. 24-55831", "flight No. 12-40"). */
static int no_after_noun(const char *s, size_t i)
{
	static const char *const nouns[] = {
		"policy", "flight", "invoice", "room", "catalogue", "catalog",
		"lot", "model", "item", "serial", "patent", "account", "form",
		"route", "ticket", "permit", "claim", "badge", "unit", "seat",
		"bill", "ordinance", "resolution", "license", "licence", "order",
		"check", "receipt", "contract", "part", "page", "vol", "issue",
		"bus", "train", "gate", "pier", "platform", "highway", "chapter", NULL};
	return no_after(s, i, nouns);
}

/* Whether a bare "No." at I follows a lower-case word that is neither a
 * case's noun nor a word that may lead a case's number ("docketed as No.
 * 24-1234", "in No. 23-2716"): "registration No. 25-44710", "reference
 * No. 26-88410", "bulletin No. 25-0317".  An allow list, since the deny
 * list of no_after_noun() grew with every held-out set (eval/legal/
 * heldout4's two false dockets were a registration's and a reference's). */
static int no_after_other(const char *s, size_t i)
{
	static const char *const lead[] = {
		"in", "as", "is", "was", "are", "were", "under", "of", "and", "or",
		"at", "to", "for", "with", "by", "see", "numbered", "docketed",
		"filed", "captioned", "application", NULL};
	size_t b, e = word_before_no(s, i, &b);
	if (b == e || !is_lo(s[b]))
		return 0;
	return !no_after(s, i, lead) && !no_after_case(s, i);
}

/* The length of a docket-number lead at I — "No. ", "Nos. ", "case number
 * ", "docket number " — or 0; *LIST set when several may follow. */
static size_t no_lead(const char *s, size_t n, size_t i, int *list)
{
	size_t k;
	*list = 0;
	if ((k = lit(s, n, i, "Nos. ")))
		*list = 1;
	else if (!(k = lit(s, n, i, "No. ")) && !(k = lit_ci(s, n, i, "case number ")) &&
	         !(k = lit_ci(s, n, i, "docket number ")))
		return 0;
	if (s[i] == 'N' && no_after_other(s, i))
		return 0;
	return no_after_noun(s, i) ? 0 : k;
}

/* After a number ending at J of a "Nos." list: the start of the next one
 * (after ", ", " and ", ", and ", " & "), or 0. */
static size_t list_next(const char *s, size_t n, size_t j)
{
	static const char *const seps[] = {", and ", ", ", " and ", " & "};
	for (size_t k = 0; k < sizeof seps / sizeof *seps; k++) {
		size_t m = lit(s, n, j, seps[k]);
		if (m)
			return j + m;
	}
	return 0;
}

/* "MDL No. 3101" / "MDL 3101" at I: key "mdl-3101"; returns the end. */
static size_t mdl_no(int *rc, buf *b, const char *s, size_t n, size_t i)
{
	size_t j = i + word(s, n, i, "MDL"), k;
	if (j == i || j >= n || s[j] != ' ')
		return 0;
	j++;
	j += lit(s, n, j, "No. ");
	if ((k = digits(s, n, j)) < 3 || k > 5 || !word_end(s, n, j + k))
		return 0;
	buf_puts(rc, b, "mdl-");
	put_num(rc, b, s + j, k);
	return j + k;
}

/* Whether a "No. " ends at I after a word that names no court case
 * ("part No. 25-CV-3309" in a product recall, eval/legal/heldout3 a22). */
static int numbered_thing(const char *s, size_t i)
{
	return i >= 4 && memcmp(s + i - 4, "No. ", 4) == 0 && no_after_noun(s, i - 4);
}

/* Whether the docket-number lead at I, of length K, says by itself that a
 * case's number follows ("Case No.", "docket number"), not only "No.". */
static int strong_lead(const char *s, size_t i, size_t k)
{
	return k > 5 || no_after_case(s, i);
}

/* The numbers after a lead ending at J ("No. ", "Nos. " when LIST) into
 * L, adding to *STRONG those that are docket numbers by their form (a
 * district number) or by the lead (STRONG_LEAD).  Returns the end of the
 * last, or 0 when none follows. */
static size_t lead_numbers(int *rc, buf *b, const char *s, size_t n, size_t j,
                           int list, int strong_lead, struct legal_list *l,
                           size_t *strong)
{
	size_t e, last = 0;
	for (;;) {
		int by_form = 1;
		if (!(e = district_no(rc, b, s, n, j))) {
			by_form = 0;
			if (!(e = numbered_no(rc, b, s, n, j)))
				break;
		}
		*strong += by_form || strong_lead;
		legal_list_take(rc, l, b);
		last = e;
		if (!list || !(j = list_next(s, n, e)))
			break;
	}
	buf_reset(b);
	return last;
}

size_t legal_find_dockets(int *rc, struct legal_list *l, const char *s, size_t n)
{
	buf b = BUF_INIT;
	size_t strong = 0;
	for (size_t i = 0; i < n && !*rc; i++) {
		size_t e, k;
		int list;
		/* every form starts with one of these ("MDL", a digit, "No.",
		 * "case number", "docket number"): the rest cannot start one */
		if (!word_start(s, i) || !s[i] || !strchr("MNCDcd0123456789", s[i]))
			continue;
		if ((e = mdl_no(rc, &b, s, n, i)) ||
		    (!numbered_thing(s, i) && (e = district_no(rc, &b, s, n, i)))) {
			legal_list_take(rc, l, &b);
			strong++;
			i = e - 1;
		} else if ((k = no_lead(s, n, i, &list)) &&
		           (e = lead_numbers(rc, &b, s, n, i + k, list,
		                             strong_lead(s, i, k), l, &strong))) {
			i = e - 1;
		}
	}
	buf_free(&b);
	return strong;
}

int legal_docket_key(int *rc, buf *out, const char *s, size_t n)
{
	int list;
	size_t i = 0, e;
	while (n && s[n - 1] == ' ')
		n--;
	while (i < n && s[i] == ' ')
		i++;
	i += lit_ci(s, n, i, "case ");
	if (lit_ci(s, n, i, "no. ") || lit_ci(s, n, i, "no "))
		i += s[i + 2] == '.' ? 4 : 3;
	(void)list;
	size_t at = out->n;
	if ((e = mdl_no(rc, out, s, n, i)) == n && e)
		return 1;
	out->n = at;
	if ((e = numbered_no(rc, out, s, n, i)) == n && e)
		return 1;
	out->n = at;
	if (out->p)
		out->p[at] = '\0';
	return 0;
}

/* =========================================================== courts */

struct state {
	const char *name; /* "New York" */
	const char *abbr; /* Bluebook: "N.Y." */
	const char *key;  /* the abbreviation's letters, lower case: "ny" */
	const char *dirs; /* its districts' letters, "" for one district */
};

static const struct state states[] = {
	{"Alabama", "Ala.", "ala", "NMS"}, {"Alaska", "Alaska", "alaska", ""},
	{"Arizona", "Ariz.", "ariz", ""}, {"Arkansas", "Ark.", "ark", "EW"},
	{"California", "Cal.", "cal", "NECS"}, {"Colorado", "Colo.", "colo", ""},
	{"Connecticut", "Conn.", "conn", ""}, {"Delaware", "Del.", "del", ""},
	{"Columbia", "D.C.", "dc", ""}, {"Florida", "Fla.", "fla", "NMS"},
	{"Georgia", "Ga.", "ga", "NMS"}, {"Hawaii", "Haw.", "haw", ""},
	{"Idaho", "Idaho", "idaho", ""}, {"Illinois", "Ill.", "ill", "NCS"},
	{"Indiana", "Ind.", "ind", "NS"}, {"Iowa", "Iowa", "iowa", "NS"},
	{"Kansas", "Kan.", "kan", ""}, {"Kentucky", "Ky.", "ky", "EW"},
	{"Louisiana", "La.", "la", "EMW"}, {"Maine", "Me.", "me", ""},
	{"Maryland", "Md.", "md", ""}, {"Massachusetts", "Mass.", "mass", ""},
	{"Michigan", "Mich.", "mich", "EW"}, {"Minnesota", "Minn.", "minn", ""},
	{"Mississippi", "Miss.", "miss", "NS"}, {"Missouri", "Mo.", "mo", "EW"},
	{"Montana", "Mont.", "mont", ""}, {"Nebraska", "Neb.", "neb", ""},
	{"Nevada", "Nev.", "nev", ""}, {"New Hampshire", "N.H.", "nh", ""},
	{"New Jersey", "N.J.", "nj", ""}, {"New Mexico", "N.M.", "nm", ""},
	{"New York", "N.Y.", "ny", "NSEW"}, {"North Carolina", "N.C.", "nc", "EMW"},
	{"North Dakota", "N.D.", "nd", ""}, {"Ohio", "Ohio", "ohio", "NS"},
	{"Oklahoma", "Okla.", "okla", "NEW"}, {"Oregon", "Or.", "or", ""},
	{"Pennsylvania", "Pa.", "pa", "EMW"}, {"Puerto Rico", "P.R.", "pr", ""},
	{"Rhode Island", "R.I.", "ri", ""}, {"South Carolina", "S.C.", "sc", ""},
	{"South Dakota", "S.D.", "sd", ""}, {"Tennessee", "Tenn.", "tenn", "EMW"},
	{"Texas", "Tex.", "tex", "NSEW"}, {"Utah", "Utah", "utah", ""},
	{"Vermont", "Vt.", "vt", ""}, {"Virginia", "Va.", "va", "EW"},
	{"Washington", "Wash.", "wash", "EW"}, {"West Virginia", "W. Va.", "wva", "NS"},
	{"Wisconsin", "Wis.", "wis", "EW"}, {"Wyoming", "Wyo.", "wyo", ""},
};
#define NSTATES (sizeof states / sizeof *states)

static const char *const dir_words[] = {"Northern", "Southern", "Eastern",
                                        "Western", "Central", "Middle"};
static const char dir_letters[] = "NSEWCM";

static const char *const ordinals[] = {
	"First", "Second", "Third", "Fourth", "Fifth", "Sixth",
	"Seventh", "Eighth", "Ninth", "Tenth", "Eleventh"};
static const char *const ordinal_nums[] = {
	"1st", "2nd", "3rd", "4th", "5th", "6th", "7th", "8th", "9th", "10th", "11th"};
/* Bluebook's names of the numbered circuits: "2d Cir.", "3d Cir." */
static const char *const circuit_names[] = {
	"1st", "2d", "3d", "4th", "5th", "6th", "7th", "8th", "9th", "10th", "11th"};

/* A court found: its key and display name. */
struct court_hit {
	buf key;      /* "ndcal" */
	buf name;     /* "N.D. Cal." */
	size_t start; /* where the name starts (a county's, before I) */
};

/* The state whose full name starts S[I..N) and ends a word, or -1;
 * *LEN its length.  "West Virginia" is tried before "Virginia". */
static int state_at(const char *s, size_t n, size_t i, size_t *len)
{
	int best = -1;
	size_t bl = 0;
	for (size_t k = 0; k < NSTATES; k++) {
		size_t m = word(s, n, i, states[k].name);
		if (m > bl && strcmp(states[k].name, "Columbia") != 0)
			best = (int)k, bl = m;
	}
	*len = bl;
	return best;
}

/* The state whose name ends right before " " at I (S[..I) ends with
 * "Texas "), or -1. */
static int state_before(const char *s, size_t i)
{
	for (size_t k = 0; k < NSTATES; k++) {
		size_t m = strlen(states[k].name);
		if (strcmp(states[k].name, "Columbia") == 0 || i < m + 1 || s[i - 1] != ' ')
			continue;
		if (memcmp(s + i - 1 - m, states[k].name, m) == 0 &&
		    word_start(s, i - 1 - m))
			return (int)k;
	}
	return -1;
}

/* Key and name of the district DIR (a letter of dir_letters, or 0) of
 * state K into H, when it exists; returns whether it does. */
static int district(int *rc, struct court_hit *h, int k, int dir)
{
	const struct state *st = &states[k];
	if (dir ? !strchr(st->dirs, dir) : st->dirs[0] != '\0')
		return 0;
	if (dir)
		buf_putc(rc, &h->key, (char)lower(dir));
	buf_putc(rc, &h->key, 'd');
	buf_puts(rc, &h->key, st->key);
	if (dir)
		buf_printf(rc, &h->name, "%c.", dir);
	/* Bluebook: "D.N.J.", "S.D.N.Y." but "D. Mass.", "N.D. Cal." */
	int dotted = strchr(st->abbr, '.') && strchr(st->abbr, '.') < st->abbr + strlen(st->abbr) - 1 &&
	             !strchr(st->abbr, ' ');
	buf_printf(rc, &h->name, "D.%s%s", dotted ? "" : " ", st->abbr);
	return 1;
}

/* A short district form at I: "N.D. Cal.", "D.N.J.", "S.D.N.Y.", "D. Md.",
 * "SDNY".  Returns its end or 0. */
static size_t short_district(int *rc, struct court_hit *h, const char *s,
                             size_t n, size_t i)
{
	size_t j = i;
	int dir = 0;
	if (!strchr("NSEWCMD", s[i]) || s[i] == '\0')
		return 0;
	/* the span of capitals, dots and single spaces after a dot */
	while (j < n && j - i < 14) {
		if (is_up(s[j]) || (j > i && is_lo(s[j])) || s[j] == '.')
			j++;
		else if (s[j] == ' ' && j + 1 < n && is_up(s[j + 1]) && s[j - 1] == '.')
			j++;
		else
			break;
	}
	/* Try each cut from the longest, at the end of a word. */
	for (size_t e = j; e > i; e--) {
		int ok = (e >= n || !wch((unsigned char)s[e])) &&
		         (s[e - 1] == '.' || wch((unsigned char)s[e - 1]));
		if (!ok)
			continue;
		/* the letters of S[I..E) */
		size_t m = 0, d = 0;
		char l2[16];
		for (size_t x = i; x < e && m < sizeof l2 - 1; x++) {
			if (wch((unsigned char)s[x]))
				l2[m++] = (char)lower(s[x]);
			else if (s[x] == '.')
				d++;
		}
		l2[m] = '\0';
		if (m < 2 || (d == 0 && (e - i < 4 || !is_up(s[e - 1]))))
			continue;
		dir = 0;
		const char *p = l2;
		if (p[0] != 'd' && p[1] == 'd')
			dir = is_up(s[i]) ? s[i] : 0, p += 2;
		else if (p[0] == 'd')
			p += 1;
		else
			continue;
		if (dir && !strchr(dir_letters, dir))
			continue;
		for (size_t k = 0; k < NSTATES; k++) {
			if (strcmp(states[k].key, p) == 0 && district(rc, h, (int)k, dir))
				return e;
		}
	}
	return 0;
}

/* "(Northern) District of <State>" at I.  Without a direction the text
 * before must be "the " (or "Court for the " for the District of
 * Columbia, which is otherwise a place).  Returns the end or 0. */
static size_t long_district(int *rc, struct court_hit *h, const char *s,
                            size_t n, size_t i)
{
	int dir = 0;
	size_t j = i, k;
	for (size_t d = 0; d < 6 && !dir; d++)
		if ((k = lit(s, n, i, dir_words[d])) && s[i + k] == ' ')
			dir = dir_letters[d], j = i + k + 1;
	if (!(k = lit(s, n, j, "District of ")))
		return 0;
	j += k;
	size_t sl;
	int st = state_at(s, n, j, &sl);
	if (word(s, n, j, "Columbia")) {
		if (dir || i < 14 || memcmp(s + i - 14, "Court for the ", 14) != 0)
			return 0;
		st = 8, sl = 8;
	} else if (st < 0 || (!dir && (i < 4 || strncasecmp(s + i - 4, "the ", 4) != 0))) {
		return 0;
	}
	return district(rc, h, st, dir) ? j + sl : 0;
}

/* A circuit at I: "Ninth Circuit", "9th Circuit", "9th Cir.", "D.C.
 * Circuit", "Federal Circuit", "Fed. Cir.".  Returns the end or 0. */
static size_t circuit(int *rc, struct court_hit *h, const char *s, size_t n,
                      size_t i)
{
	size_t k = 0;
	int num = 0;
	const char *special = NULL;
	for (int o = 0; o < 11 && !k; o++)
		if ((k = lit(s, n, i, ordinals[o])) || (k = lit(s, n, i, ordinal_nums[o])) ||
		    (k = lit(s, n, i, circuit_names[o])))
			num = o + 1;
	if (!k && (k = lit(s, n, i, "D.C.")))
		special = "dc";
	if (!k && ((k = lit(s, n, i, "Federal")) || (k = lit(s, n, i, "Fed."))))
		special = "fc";
	if (!k || i + k >= n || s[i + k] != ' ')
		return 0;
	size_t j = i + k + 1, m;
	if (!special) /* the AP's "the 9th U.S. Circuit Court of Appeals" */
		j += lit(s, n, j, "U.S. ");
	if (!(m = word(s, n, j, "Circuit")) && !(m = lit(s, n, j, "Cir.")))
		return 0;
	if (special) {
		buf_printf(rc, &h->key, "ca%s", special);
		buf_puts(rc, &h->name, special[0] == 'd' ? "D.C. Cir." : "Fed. Cir.");
	} else {
		buf_printf(rc, &h->key, "ca%d", num);
		buf_printf(rc, &h->name, "%s Cir.", circuit_names[num - 1]);
	}
	return j + m;
}

/* A state court: KIND "supreme" or "appeal" of state K. */
static void state_court(int *rc, struct court_hit *h, int k, const char *kind)
{
	buf_printf(rc, &h->key, "%s-%s", states[k].key, kind);
	buf_printf(rc, &h->name, "%s %s", states[k].name,
	           kind[0] == 's' ? "Supreme Court" : "Court of Appeals");
}

/* "Supreme Court" at I: the U.S. Supreme Court or a state's.  Returns the
 * end or 0 (a "state Supreme Court" of no named state). */
static size_t supreme(int *rc, struct court_hit *h, const char *s, size_t n,
                      size_t i)
{
	size_t j, sl;
	int st;
	if (!(j = word(s, n, i, "Supreme Court")))
		return 0;
	j += i;
	if (lit(s, n, j, " of the United States"))
		j += strlen(" of the United States"), st = -1;
	else if (lit(s, n, j, " of ") && (st = state_at(s, n, j + 4, &sl)) >= 0)
		j += 4 + sl;
	else if ((st = state_before(s, i)) < 0) {
		int us = (i >= 5 && memcmp(s + i - 5, "U.S. ", 5) == 0) ||
		         (i >= 3 && memcmp(s + i - 3, "US ", 3) == 0) ||
		         (i >= 14 && memcmp(s + i - 14, "United States ", 14) == 0);
		int the = i >= 4 && strncasecmp(s + i - 4, "the ", 4) == 0 &&
		          word_start(s, i - 4);
		/* "Several Supreme Court justices": the attributive form is the
		 * U.S. court unless a state's ("a state Supreme Court justice") */
		int justices = lit(s, n, j, " justice") &&
		               !(i >= 6 && strncasecmp(s + i - 6, "state ", 6) == 0);
		if (!us && !the && !justices && i > 0)
			return 0;
	}
	if (st >= 0) {
		state_court(rc, h, st, "supreme");
	} else {
		buf_puts(rc, &h->key, "scotus");
		buf_puts(rc, &h->name, "U.S. Supreme Court");
	}
	return j;
}

/* "<State> Court of Appeal(s)", "<State> Appellate Court", "Court of
 * Appeal for the First Appellate District" (California's form). */
/* Where the ordinal before the space at I starts ("Texas Eighth Court of
 * Appeals", "Texas 14th Court of Appeals": Texas numbers its fourteen), or
 * I when there is none. */
static size_t numbered_court(const char *s, size_t i)
{
	static const char *const w[] = {
		"First", "Second", "Third", "Fourth", "Fifth", "Sixth", "Seventh",
		"Eighth", "Ninth", "Tenth", "Eleventh", "Twelfth", "Thirteenth",
		"Fourteenth", "1st", "2nd", "3rd", "4th", "5th", "6th", "7th", "8th",
		"9th", "10th", "11th", "12th", "13th", "14th"};
	if (i < 2 || s[i - 1] != ' ')
		return i;
	size_t b = i - 1;
	while (b > 0 && wch((unsigned char)s[b - 1]))
		b--;
	for (size_t k = 0; k < sizeof w / sizeof *w; k++)
		if (strlen(w[k]) == i - 1 - b && memcmp(s + b, w[k], i - 1 - b) == 0)
			return b;
	return i;
}

/* Whether a Texas city where a numbered court of appeals sits follows
 * " in " at E ("the Fourth Court of Appeals in San Antonio", eval/legal/
 * heldout4 a14): Texas's fourteen sit in these thirteen cities. */
static int texas_seat(const char *s, size_t n, size_t e)
{
	static const char *const city[] = {
		"Houston", "Fort Worth", "Austin", "San Antonio", "Dallas",
		"Texarkana", "Amarillo", "El Paso", "Beaumont", "Waco", "Eastland",
		"Tyler", "Corpus Christi", "Edinburg", NULL};
	if (!lit(s, n, e, " in "))
		return 0;
	for (const char *const *c = city; *c; c++)
		if (word(s, n, e + 4, *c))
			return 1;
	return 0;
}

static size_t appeals(int *rc, struct court_hit *h, const char *s, size_t n,
                      size_t i)
{
	size_t j;
	if ((j = word(s, n, i, "Court of Appeals")) || (j = word(s, n, i, "Court of Appeal")) ||
	    (j = word(s, n, i, "Appellate Court"))) {
		/* the state only now: looked for before every capitalised word,
		 * it was 0.18G of the 8.5G instructions of indexing 300
		 * generated articles */
		int st = state_before(s, i);
		if (st < 0)
			st = state_before(s, numbered_court(s, i));
		size_t e = i + j;
		if (st < 0 && s[i] == 'C' && lit(s, n, e, " for the ")) {
			size_t k = e + 9, m = 0;
			for (int o = 0; o < 11 && !m; o++)
				m = lit(s, n, k, ordinals[o]);
			if (m && lit(s, n, k + m, " Appellate District")) {
				st = 4; /* California names its appellate districts */
				e = k + m + strlen(" Appellate District");
			}
		}
		size_t sl;
		if (st < 0 && lit(s, n, e, " of ") && (st = state_at(s, n, e + 4, &sl)) >= 0)
			e += 4 + sl; /* "the Court of Appeals of Virginia" */
		if (st < 0 && numbered_court(s, i) < i && texas_seat(s, n, e))
			st = state_at("Texas", 5, 0, &sl);
		if (st < 0)
			return 0;
		state_court(rc, h, st, "appeal");
		return e;
	}
	return 0;
}

/* Capitalised words (1..3) ending right before the space at I, the name
 * of a county: into *B (start) and returned length, or 0. */
static size_t county_before(const char *s, size_t i, size_t *b)
{
	static const char *const no[] = {"The", "A", "An", "In", "U.S.", "Federal",
	                                 "States", "United", "State", "County",
	                                 "Northern", "Southern", "Eastern",
	                                 "Western", "Central", "Middle", "Bankruptcy"};
	size_t e = i, start = i;
	for (int w = 0; w < 3; w++) {
		if (e == 0 || s[e - 1] != ' ')
			break;
		size_t x = e - 1;
		while (x > 0 && (wch((unsigned char)s[x - 1]) || s[x - 1] == '.'))
			x--;
		if (x == e - 1 || !is_up(s[x]))
			break;
		int bad = 0;
		for (size_t k = 0; k < sizeof no / sizeof *no; k++)
			if (strlen(no[k]) == e - 1 - x && memcmp(s + x, no[k], e - 1 - x) == 0)
				bad = 1;
		if (bad)
			break;
		start = x, e = x;
	}
	*b = start;
	return start < i ? i - 1 - start : 0;
}

/* Key "KIND-<letters of NAME>" and name "NAME County <Kind> Court". */
static void county_court(int *rc, struct court_hit *h, const char *kind,
                         const char *name, size_t len)
{
	buf_printf(rc, &h->key, "%s-", kind);
	for (size_t x = 0; x < len; x++)
		if (wch((unsigned char)name[x]))
			buf_putc(rc, &h->key, (char)lower((unsigned char)name[x]));
	buf_append(rc, &h->name, name, len);
	buf_printf(rc, &h->name, " County %c%s Court", kind[0] - 32, kind + 1);
}

/* County courts at I: "Napa County Superior Court", "San Francisco
 * Superior Court", "Circuit Court of Cook County", "Denver District
 * Court".  A state's name in place of the county is no county court. */
static size_t county(int *rc, struct court_hit *h, const char *s, size_t n,
                     size_t i)
{
	static const char *const kinds[] = {"Superior", "Circuit", "District"};
	for (size_t k = 0; k < 3; k++) {
		size_t m = lit(s, n, i, kinds[k]), b, len;
		if (!m || !lit(s, n, i + m, " Court") || !word_start(s, i))
			continue;
		size_t e = i + m + 6;
		if (!word_end(s, n, e))
			continue;
		char kind[10];
		strcpy(kind, kinds[k]);
		kind[0] = (char)lower(kind[0]);
		if (lit(s, n, e, " of ")) {
			size_t x = e + 4, y = x;
			while (y < n && (wch((unsigned char)s[y]) || s[y] == ' ') &&
			       !lit(s, n, y, " County"))
				y++;
			if (lit(s, n, y, " County") && y > x && y - x < 30 && is_up(s[x])) {
				county_court(rc, h, kind, s + x, y - x);
				return y + 7;
			}
		}
		size_t c = i;
		if (c >= 7 && memcmp(s + c - 7, "County ", 7) == 0)
			c -= 7;
		len = county_before(s, c, &b);
		if (!len)
			continue;
		h->start = b;
		size_t sl;
		if (state_at(s, b + len, b, &sl) >= 0 && sl == len)
			continue;
		county_court(rc, h, kind, s + b, len);
		return e;
	}
	return 0;
}

/* The fixed names: the JPML, the Court of Chancery, bankruptcy courts. */
static size_t special(int *rc, struct court_hit *h, const char *s, size_t n,
                      size_t i)
{
	size_t m;
	if ((m = word(s, n, i, "Judicial Panel on Multidistrict Litigation"))) {
		buf_puts(rc, &h->key, "jpml");
		buf_puts(rc, &h->name, "J.P.M.L.");
		return i + m;
	}
	if ((m = word(s, n, i, "Court of Chancery")) || (m = word(s, n, i, "Chancery Court")) ||
	    (m = word(s, n, i, "Delaware Chancery"))) {
		buf_puts(rc, &h->key, "delch");
		buf_puts(rc, &h->name, "Del. Ch.");
		return i + m;
	}
	size_t e = 0;
	if ((m = lit(s, n, i, "Bankruptcy Court for the ")))
		e = long_district(rc, h, s, n, i + m);
	else if ((m = lit(s, n, i, "Bankr. ")))
		e = short_district(rc, h, s, n, i + m);
	if (!e)
		return 0;
	/* prefix the district's key and name */
	buf k = BUF_INIT, nm = BUF_INIT;
	buf_printf(rc, &k, "bankr-%s", h->key.p);
	buf_printf(rc, &nm, "Bankr. %s", h->name.p);
	buf_free(&h->key), buf_free(&h->name);
	h->key = k, h->name = nm;
	return e;
}

/* The court starting at I, if any: fills H, returns the end or 0. */
static size_t court_at(int *rc, struct court_hit *h, const char *s, size_t n,
                       size_t i)
{
	size_t e;
	buf_reset(&h->key), buf_reset(&h->name);
	h->start = i;
	if ((e = special(rc, h, s, n, i)) || (e = supreme(rc, h, s, n, i)) ||
	    (e = appeals(rc, h, s, n, i)) || (e = county(rc, h, s, n, i)) ||
	    (e = circuit(rc, h, s, n, i)) || (e = long_district(rc, h, s, n, i)) ||
	    (e = short_district(rc, h, s, n, i)))
		return e;
	buf_reset(&h->key), buf_reset(&h->name);
	return 0;
}

/* Whether a court's name may start at S[I], a capital or a digit: the
 * first letters of every form court_at() reads (special, supreme,
 * appeals, county, circuit, long_district and short_district), and for T,
 * the only words there ("Third", "Tenth").  A new form starting with
 * another letter must be added here.  Measured on indexing 300 generated
 * articles: 8.018G -> 7.977G instructions (court_at 0.09G after); the
 * 1k corpus's legal terms, `docket cases` and make legal-score are the
 * same. */
static int court_may_start(const char *s, size_t n, size_t i)
{
	if (is_dig(s[i]))
		return 1;
	if (s[i] == 'T')
		return lit(s, n, i, "Third") || lit(s, n, i, "Tenth");
	return strchr("ABCDEFJMNSW", s[i]) != NULL;
}

/* Every court of S[0..N) into KEYS and NAMES (parallel). */
void legal_find_courts(int *rc, struct legal_list *keys,
                        struct legal_list *names, const char *s, size_t n)
{
	struct court_hit h = {BUF_INIT, BUF_INIT, 0};
	for (size_t i = 0; i < n && !*rc; i++) {
		size_t e;
		if (!word_start(s, i) || !(is_up(s[i]) || is_dig(s[i])) ||
		    !court_may_start(s, n, i))
			continue;
		if (!(e = court_at(rc, &h, s, n, i)))
			continue;
		if (legal_list_find(keys, h.key.p) < 0) {
			legal_list_add(rc, keys, h.key.p, h.key.n);
			legal_list_add(rc, names, h.name.p, h.name.n);
		}
		i = e - 1;
	}
	buf_free(&h.key), buf_free(&h.name);
}

/* Whether the N bytes before a court's name in a typed query are only
 * words that may lead it ("the", "U.S. District Court for the"). */
static int leading_words_ok(const char *s, size_t n)
{
	static const char *const ok[] = {"the ", "The ", "U.S. District Court for the ",
	                                 "U.S. Court of Appeals for the ", "U.S. "};
	size_t i = 0;
	while (i < n) {
		size_t m = 0;
		for (size_t k = 0; k < sizeof ok / sizeof *ok && !m; k++)
			m = lit(s, n, i, ok[k]);
		if (!m)
			return 0;
		i += m;
	}
	return 1;
}

int legal_court_key(int *rc, buf *out, const char *s, size_t n)
{
	struct court_hit h = {BUF_INIT, BUF_INIT, 0};
	buf t = BUF_INIT;
	int ok = 0;
	while (n && s[n - 1] == ' ')
		n--;
	while (n && *s == ' ')
		s++, n--;
	/* "the " first, so that a bare "District of X" reads as a court */
	if (!lit_ci(s, n, 0, "the "))
		buf_puts(rc, &t, "the ");
	size_t from = t.n;
	buf_append(rc, &t, s, n);
	for (size_t i = from; !*rc && i < t.n && !ok; i++) {
		size_t e;
		if (!word_start(t.p, i) || !(e = court_at(rc, &h, t.p, t.n, i)))
			continue;
		/* the whole of S, give or take "the" and "U.S. District Court for the" */
		int lead = h.start == from || h.start == i;
		for (size_t j = from; lead && j < h.start; j++)
			lead = !is_dig(t.p[j]);
		if (e == t.n && lead && leading_words_ok(t.p + from, h.start - from)) {
			buf_append(rc, out, h.key.p, h.key.n);
			ok = 1;
		}
		i = e - 1;
	}
	buf_free(&t);
	buf_free(&h.key), buf_free(&h.name);
	return ok && !*rc;
}

/* ============================================================ cites */

/* The kind an exhibit's lead word gives ("Government Exhibit" → "GX"),
 * looking at the word ending right before the space at I; NULL for a
 * plain exhibit. */
static const char *exhibit_kind(const char *s, size_t i)
{
	static const struct { const char *w, *k; } leads[] = {
		{"Government", "GX"}, {"Government's", "GX"}, {"Gov't", "GX"},
		{"Plaintiff's", "PX"}, {"Plaintiffs'", "PX"}, {"Plaintiff", "PX"},
		{"Plaintiffs", "PX"}, {"Plaintiff\xe2\x80\x99s", "PX"},
		{"Plaintiffs\xe2\x80\x99", "PX"}, {"Defense", "DX"},
		{"Defendant's", "DX"}, {"Defendants'", "DX"}, {"Defendant", "DX"},
		{"Defendant\xe2\x80\x99s", "DX"}, {"Defendants\xe2\x80\x99", "DX"},
		{"Joint", "JX"}};
	for (size_t k = 0; k < sizeof leads / sizeof *leads; k++) {
		size_t m = strlen(leads[k].w);
		if (i >= m + 1 && s[i - 1] == ' ' && memcmp(s + i - 1 - m, leads[k].w, m) == 0 &&
		    word_start(s, i - 1 - m))
			return leads[k].k;
	}
	return NULL;
}

/* Whether the text before I (skipping a lead word) ends with "as ". */
static int as_before(const char *s, size_t i)
{
	size_t b = i;
	if (exhibit_kind(s, i)) {
		b = i - 1;
		while (b > 0 && s[b - 1] != ' ')
			b--;
	}
	return b >= 3 && memcmp(s + b - 3, "as ", 3) == 0;
}

/* Exhibits at I: "Exhibit 42", "Exhibits 3 and 4", "Ex. 7", "Government
 * Exhibit 311", an attached "Exhibit B".  LEGAL: the article has legal
 * context (a bare numbered exhibit needs it).  Returns the end or 0. */
static size_t exhibits(int *rc, struct legal_list *l, const char *s, size_t n,
                       size_t i, int legal)
{
	size_t m;
	if (!(m = lit(s, n, i, "Exhibits ")) && !(m = lit(s, n, i, "Exhibit ")) &&
	    !(m = lit(s, n, i, "Exs. ")) && !(m = lit(s, n, i, "Ex. ")))
		return 0;
	const char *kind = exhibit_kind(s, i);
	size_t j = i + m, k, end = 0;
	buf b = BUF_INIT;
	if (is_up(s[j]) && word_end(s, n, j + 1) && !is_dig(s[j + 1])) {
		int attached = as_before(s, i) || lit(s, n, j + 1, " to ");
		if (attached && !kind)
			buf_printf(rc, &b, "Exhibit %c", s[j]);
		legal_list_take(rc, l, &b);
		buf_free(&b);
		return attached ? j + 1 : 0;
	}
	if (!kind && !legal)
		return 0;
	while ((k = digits(s, n, j)) >= 1 && k <= 5 && word_end(s, n, j + k)) {
		if (kind)
			buf_printf(rc, &b, "%s-", kind);
		else
			buf_puts(rc, &b, "Exhibit ");
		put_num(rc, &b, s + j, k);
		legal_list_take(rc, l, &b);
		end = j + k;
		if (!(j = list_next(s, n, end)))
			break;
	}
	buf_free(&b);
	return end;
}

/* "PX-17", "PX 17", "PTX-88", "DX5", "GX 311", "JX-3" at I (LEGAL
 * required: product names look the same).  Returns the end or 0. */
static size_t exhibit_abbr(int *rc, struct legal_list *l, const char *s,
                           size_t n, size_t i, int legal)
{
	static const struct { const char *a, *k; } abbrs[] = {
		{"PTX", "PX"}, {"DTX", "DX"}, {"JTX", "JX"}, {"GTX", "GX"},
		{"PX", "PX"}, {"DX", "DX"}, {"JX", "JX"}, {"GX", "GX"}};
	if (!legal)
		return 0;
	for (size_t a = 0; a < sizeof abbrs / sizeof *abbrs; a++) {
		size_t m = lit(s, n, i, abbrs[a].a), k;
		if (!m)
			continue;
		size_t j = i + m;
		if (j < n && (s[j] == '-' || s[j] == ' '))
			j++;
		if ((k = digits(s, n, j)) < 1 || k > 5 || !word_end(s, n, j + k) ||
		    (j + k < n && s[j + k] == '-'))
			return 0;
		buf b = BUF_INIT;
		buf_printf(rc, &b, "%s-", abbrs[a].k);
		put_num(rc, &b, s + j, k);
		legal_list_take(rc, l, &b);
		buf_free(&b);
		return j + k;
	}
	return 0;
}

/* "N" or "N-M" (an attachment) at J: appended to B; returns the end or 0. */
static size_t entry_no(int *rc, buf *b, const char *s, size_t n, size_t j)
{
	size_t k = digits(s, n, j), k2 = 0;
	if (k < 1 || k > 5)
		return 0;
	if (j + k + 1 < n && s[j + k] == '-' && (k2 = digits(s, n, j + k + 1)) >= 1 &&
	    k2 <= 3 && word_end(s, n, j + k + 1 + k2)) {
		put_num(rc, b, s + j, k);
		buf_putc(rc, b, '-');
		put_num(rc, b, s + j + k + 1, k2);
		return j + k + 1 + k2;
	}
	if (!word_end(s, n, j + k) || (j + k < n && s[j + k] == '-'))
		return 0;
	put_num(rc, b, s + j, k);
	return j + k;
}

/* Docket entries at I: "Dkt. 88", "Dkt. No. 41", "Docket Entry 190",
 * "Docket No. 88" (digits only: "Docket No. 24-1234" is a docket
 * number), "ECF No. 123", "ECF 123".  Returns the end or 0. */
static size_t entries(int *rc, struct legal_list *l, const char *s, size_t n,
                      size_t i)
{
	size_t m, j, e = 0;
	const char *label;
	if ((m = lit(s, n, i, "Dkt. ")))
		label = "Dkt. ";
	else if ((m = lit_ci(s, n, i, "docket entry ")) || (m = lit(s, n, i, "Docket No. ")))
		label = "Dkt. ";
	else if ((m = lit(s, n, i, "ECF ")))
		label = "ECF ";
	else
		return 0;
	j = i + m;
	j += lit(s, n, j, "Nos. ") ? 5 : lit(s, n, j, "No. ") ? 4 : 0;
	buf b = BUF_INIT;
	for (;;) {
		buf_puts(rc, &b, label);
		size_t x = entry_no(rc, &b, s, n, j);
		if (!x)
			break;
		legal_list_take(rc, l, &b);
		e = x;
		if (!(j = list_next(s, n, x)))
			break;
	}
	buf_free(&b);
	return e;
}

/* Transcripts at I: "Tr. 412:3-9", "Tr. at 412", "Tr. 45:10-46:3" (the
 * lead — "Trial", "Hr'g" — is left before I).  Returns the end or 0. */
static size_t transcript(int *rc, struct legal_list *l, const char *s,
                         size_t n, size_t i)
{
	size_t m = lit(s, n, i, "Tr. "), j, k;
	if (!m)
		return 0;
	j = i + m;
	j += lit(s, n, j, "at ");
	if (!(k = digits(s, n, j)) || k > 5)
		return 0;
	buf b = BUF_INIT;
	buf_puts(rc, &b, "Tr. ");
	put_num(rc, &b, s + j, k);
	j += k;
	size_t d, k2;
	if (j + 1 < n && s[j] == ':' && (k2 = digits(s, n, j + 1))) {
		buf_putc(rc, &b, ':');
		put_num(rc, &b, s + j + 1, k2);
		j += 1 + k2;
		if ((d = dash(s, n, j)) && (k2 = digits(s, n, j + d))) {
			buf_putc(rc, &b, '-');
			put_num(rc, &b, s + j + d, k2);
			j += d + k2;
			if (j + 1 < n && s[j] == ':' && (k2 = digits(s, n, j + 1))) {
				buf_putc(rc, &b, ':');
				put_num(rc, &b, s + j + 1, k2);
				j += 1 + k2;
			}
		}
	}
	if (word_end(s, n, j))
		legal_list_take(rc, l, &b);
	else
		j = 0;
	buf_free(&b);
	return j;
}

/* A paragraph number "14" or range "40-44" at J into B ("¶ 14"); returns
 * the end or 0. */
static size_t para_no(int *rc, buf *b, const char *s, size_t n, size_t j)
{
	size_t k = digits(s, n, j), d, k2;
	if (!k || k > 4)
		return 0;
	buf_puts(rc, b, "\xc2\xb6 ");
	put_num(rc, b, s + j, k);
	j += k;
	if ((d = dash(s, n, j)) && (k2 = digits(s, n, j + d)) && k2 <= 4) {
		buf_putc(rc, b, '-');
		put_num(rc, b, s + j + d, k2);
		j += d + k2;
	}
	return word_end(s, n, j) ? j : 0;
}

/* Complaint paragraphs at I: "Compl. ¶ 14", "Am. Compl. ¶¶ 40-44",
 * "complaint paragraph 31", "paragraph 58 of the (amended) complaint".
 * Returns the end or 0. */
static size_t complaint(int *rc, struct legal_list *l, const char *s,
                        size_t n, size_t i)
{
	size_t m, j, e = 0;
	int am = 0;
	buf b = BUF_INIT;
	if ((m = lit(s, n, i, "Am. Compl. ")) || (m = lit(s, n, i, "Compl. "))) {
		am = s[i] == 'A';
		j = i + m;
		if ((m = lit(s, n, j, "\xc2\xb6\xc2\xb6")) || (m = lit(s, n, j, "\xc2\xb6"))) {
			j += m + lit(s, n, j + m, " ");
			buf_puts(rc, &b, am ? "Am. Compl. " : "Compl. ");
			e = para_no(rc, &b, s, n, j);
		}
	} else if ((m = lit_ci(s, n, i, "amended complaint paragraph ")) ||
	           (m = lit_ci(s, n, i, "complaint paragraph "))) {
		am = lower(s[i]) == 'a';
		buf_puts(rc, &b, am ? "Am. Compl. " : "Compl. ");
		e = para_no(rc, &b, s, n, i + m);
	} else if ((m = lit_ci(s, n, i, "paragraph "))) {
		buf t = BUF_INIT;
		size_t x = para_no(rc, &t, s, n, i + m);
		if (x && (lit(s, n, x, " of the complaint") || lit(s, n, x, " of the amended complaint"))) {
			am = s[x + 8] == 'a';
			buf_puts(rc, &b, am ? "Am. Compl. " : "Compl. ");
			buf_append(rc, &b, t.p, t.n);
			e = x + (am ? 24 : 17);
		}
		buf_free(&t);
	}
	if (e)
		legal_list_take(rc, l, &b);
	buf_free(&b);
	return e;
}

/* Every record cite of S[0..N) into L. */
void legal_find_cites(int *rc, struct legal_list *l, const char *s, size_t n,
                       int legal)
{
	for (size_t i = 0; i < n && !*rc; i++) {
		size_t e;
		/* every form below starts with one of these (its first literal:
		 * "Exhibit", "PX", "Dkt.", "docket entry", "ECF", "Tr.", "Compl.",
		 * "amended complaint", "complaint", "paragraph"), and trying all
		 * five at every word was 0.29G of the 9.2G instructions of
		 * indexing 300 generated articles (callgrind) */
		if (!word_start(s, i) || !s[i] || !strchr("EPDJGTACdacp", s[i]))
			continue;
		if ((e = exhibits(rc, l, s, n, i, legal)) ||
		    (e = exhibit_abbr(rc, l, s, n, i, legal)) ||
		    (e = entries(rc, l, s, n, i)) || (e = transcript(rc, l, s, n, i)) ||
		    (e = complaint(rc, l, s, n, i)))
			i = e - 1;
	}
}

int legal_cite_key(int *rc, buf *out, const char *s, size_t n)
{
	struct legal_list l = {0};
	buf t = BUF_INIT;
	int ok = 0;
	while (n && s[n - 1] == ' ')
		n--;
	while (n && *s == ' ')
		s++, n--;
	/* a bare number is a plain exhibit; "px17" any case is PX-17 */
	if (n && digits(s, n, 0) == n) {
		buf_puts(rc, &t, "Exhibit ");
		buf_append(rc, &t, s, n);
	} else {
		/* an abbreviation typed in lower case: "px17", "dx-5" */
		size_t run = 0;
		while (run < n && is_lo(s[run]))
			run++;
		if (run < n && is_up(s[run]))
			run = 0;
		for (size_t i = 0; i < n; i++) {
			int c = (unsigned char)s[i];
			buf_putc(rc, &t, (char)(i < run && run <= 3 && is_lo(c) ? c - 32 : c));
		}
	}
	if (!*rc) {
		legal_find_cites(rc, &l, t.p, t.n, 1);
		if (l.n == 1) {
			buf_puts(rc, out, l.v[0]);
			ok = 1;
		}
	}
	legal_list_free(&l);
	buf_free(&t);
	return ok && !*rc;
}


/* ======================================================= case keys */

/* Whether the lower-case word W[0..N) is dropped from a case key. */
static int key_drops(const char *w, size_t n)
{
	static const char *const drop[] = {
		"inc.", "inc", "corp.", "corporation", "llc", "l.l.c.", "ltd.",
		"llp", "l.p.", "lp", "plc", "n.a.", "co.", "s.a.", "et", "al.", NULL};
	for (const char *const *d = drop; *d; d++)
		if (strlen(*d) == n && memcmp(*d, w, n) == 0)
			return 1;
	return 0;
}

/* One lower-cased word W[0..N) of a caption into OUT, rewritten. */
static void key_word(int *rc, buf *out, const char *w, size_t n, int party_start)
{
	if (out->n)
		buf_putc(rc, out, ' ');
	if ((n == 1 && w[0] == 'v') || (n == 2 && memcmp(w, "vs", 2) == 0) ||
	    (n == 3 && memcmp(w, "vs.", 3) == 0))
		buf_puts(rc, out, "v.");
	else if (party_start && n == 4 && memcmp(w, "u.s.", 4) == 0)
		buf_puts(rc, out, "united states");
	else if (n == 6 && memcmp(w, "litig.", 6) == 0)
		buf_puts(rc, out, "litigation");
	else if (n == 3 && memcmp(w, "re:", 3) == 0)
		buf_puts(rc, out, "re");
	else
		buf_append(rc, out, w, n);
}

int legal_case_key(int *rc, buf *out, const char *s, size_t n)
{
	buf w = BUF_INIT, k = BUF_INIT;
	int party_start = 1;
	for (size_t i = 0; i < n && !*rc;) {
		while (i < n && (s[i] == ' ' || s[i] == '"'))
			i++;
		size_t a = i;
		while (i < n && s[i] != ' ' && s[i] != '"')
			i++;
		size_t b = i;
		while (b > a && (s[b - 1] == ',' || s[b - 1] == ';'))
			b--;
		if (b == a)
			continue;
		buf_reset(&w);
		put_lower(rc, &w, s + a, b - a);
		if (*rc || key_drops(w.p, w.n))
			continue;
		key_word(rc, &k, w.p, w.n, party_start);
		party_start = k.n >= 2 && memcmp(k.p + k.n - 2, "v.", 2) == 0;
	}
	int caption = k.p && (strstr(k.p, " v. ") || strncmp(k.p, "in re ", 6) == 0);
	/* a trailing connector left by a dropped suffix ("Smith & Co.") */
	if (k.p)
		buf_append(rc, out, k.p, k.n);
	buf_free(&w);
	buf_free(&k);
	return caption && !*rc;
}

int legal_caption_glue(const char *w, size_t n)
{
	static const char *const glue[] = {"v.", "of", "the", "and", "&", "for",
	                                   "in", "re", "ex", "rel.", NULL};
	for (const char *const *g = glue; *g; g++)
		if (strlen(*g) == n && memcmp(*g, w, n) == 0)
			return 1;
	return 0;
}

/* Where " v. " starts in K[0..N), or N. */
static size_t versus_at(const char *k, size_t n)
{
	for (size_t i = 0; i + 4 <= n; i++)
		if (memcmp(k + i, " v. ", 4) == 0)
			return i;
	return n;
}

int legal_case_covers(const char *k, size_t n, const char *t, size_t tn)
{
	if (tn == n)
		return memcmp(k, t, n) == 0;
	if (tn == 0 || tn > n)
		return 0;
	size_t v = versus_at(k, n);
	if (v < n && tn >= v + 4 && k[tn] == ' ' && memcmp(k, t, tn) == 0)
		return 1; /* cut after a word of the right party */
	for (size_t i = 0; i < n;) {
		size_t j = i;
		while (j < n && k[j] != ' ')
			j++;
		if (j - i == tn && memcmp(k + i, t, tn) == 0 && !legal_caption_glue(k + i, j - i))
			return 1;
		i = j + 1;
	}
	return 0;
}
