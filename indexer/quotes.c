/* quotes.c — quotations and their speakers (see quotes.h for the rules).
 *
 * One article at a time, in four passes over its passages:
 *   1. lex: each passage into words, punctuation and quotation marks
 *      (abbreviations keep their period, so a bare "." ends a sentence);
 *   2. pair: marks into spans, carrying an open quote into the next passage
 *      when the paragraph goes on or the next one opens with a mark;
 *   3. entities: capitalised runs outside quotes become people (titles
 *      dropped, gender from a title or a given name) and organisations, and
 *      every later surname or short name is a mention of one of them — what
 *      pronouns, surnames and "the judge" resolve against;
 *   4. attribute each span (cue after, cue before, the quote before it, the
 *      sentence before, the other pieces of its quote), then keep it or not.
 * Token indexes are `long` so that backward scans may step below zero.
 * Called by the indexer (once per article), the unit tests and the scorer.
 */
#include "quotes.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../common/quotekey.h"
#include "../common/utf8.h"
#include "../docket.h"
#include "quote-words.h"

#define LW 40          /* longest word looked up in a list, with its NUL */
#define AFTER_WORDS 10 /* a cue after a quote lies within this many words */
#define NP_WORDS 6     /* longest speaker phrase before its verb */
#define SHORT_WORDS 4  /* fewer words than this need a cue of their own */

enum tok_kind { T_WORD, T_PUNCT, T_OPEN, T_CLOSE, T_EITHER };

struct tok {
	size_t start;       /* first byte */
	size_t end;         /* just past the last byte */
	unsigned char kind; /* enum tok_kind */
	unsigned char cap;  /* word: starts with an upper-case letter */
	unsigned char num;  /* word: starts with a digit */
	unsigned char inq;  /* inside a quote, or one of its marks */
	char c;             /* punctuation: its ASCII stand-in */
};

struct toks {
	struct tok *t; /* the passage's tokens in order */
	long n;        /* in use */
	long cap;      /* allocated */
};

struct span {
	long p;          /* passage */
	long open;       /* token of the opening mark; -1: starts the passage */
	long close;      /* token of the closing mark; -1: runs to its end */
	long group;      /* first span of its multi-passage quote */
	int dead;        /* unpaired: never a quote */
	int ends;        /* last punctuation inside (',' '.' '?' '!') or 0 */
	int words;       /* words inside */
	int titlecase;   /* every word capitalised (small words aside) */
	int nickname;    /* a short title-case quote between two names */
	int own;         /* a cue of its own sentence was found */
	int after;       /* the cue came after the quote */
	int kind;        /* enum speaker_kind */
	char *speaker;   /* NULL until attributed */
	char cue[QUOTE_CUE_MAX];
};

enum { G_NONE, G_FEMALE, G_MALE };

struct ent {
	char *name;   /* canonical: words joined by one space, titles dropped */
	int kind;     /* SPEAKER_PERSON or SPEAKER_ORG */
	int gender;   /* G_* */
	int judge;    /* introduced as Judge, Justice or Magistrate */
	int words;    /* words in NAME */
};

struct mention {
	long ent; /* index into ents */
	long p;   /* passage */
	long tok; /* first token of the run */
};

struct art {
	int *rc;
	const struct quote_input *in;
	long n;                  /* passages */
	struct toks *toks;       /* per passage */
	struct span *sp;         /* every span of the article, in order */
	long nsp, capsp;
	struct ent *ents;
	long nents, capents;
	struct mention *men;     /* mentions in article order */
	long nmen, capmen;
};

/* A speaker phrase: tokens [a, b] of passage p. */
struct np {
	long p, a, b; /* b < a: none */
};

/* ------------------------------------------------------------- growth */

/* Make room for one more element of SIZE in *V (N used, *CAP allocated).
 * Returns 0, or sets *rc and returns -1. */
static int grow(int *rc, void **v, long n, long *cap, size_t size)
{
	if (*rc)
		return -1;
	if (n < *cap)
		return 0;
	long nc = *cap ? *cap * 2 : 16;
	void *p = realloc(*v, (size_t)nc * size);
	if (!p) {
		*rc = DOCKET_NO_MEMORY;
		return -1;
	}
	*v = p;
	*cap = nc;
	return 0;
}

/* ----------------------------------------------------------------- lex */

/* The mark kind of CP, or -1 when it is not a double quotation mark. */
static int mark_kind(int32_t cp)
{
	switch (cp) {
	case '"': return T_EITHER;
	case 0x201C: case 0x201E: case 0x201F: case 0xAB: return T_OPEN;
	case 0x201D: case 0xBB: return T_CLOSE;
	default: return -1;
	}
}

static int is_space(int32_t cp)
{
	return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' ||
	       cp == 0xA0 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x202F;
}

static int is_upper(int32_t cp)
{
	return (cp >= 'A' && cp <= 'Z') || (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) ||
	       (cp >= 0x100 && cp <= 0x17F && !(cp & 1)) || (cp >= 0x391 && cp <= 0x3A9) ||
	       (cp >= 0x410 && cp <= 0x42F);
}

/* The ASCII stand-in for punctuation CP: dashes '-', single marks '\''. */
static char punct_char(int32_t cp)
{
	if (cp > 0x20 && cp < 0x7F)
		return (char)cp;
	if (cp >= 0x2010 && cp <= 0x2015)
		return '-';
	if (cp == 0x2018 || cp == 0x2019 || cp == 0x201B)
		return '\'';
	if (cp == 0x2026)
		return '.';
	return '*';
}

/* The code point at S[I..N) (U+FFFD for a bad byte) and its length. */
static int32_t cp_at(const char *s, size_t n, size_t i, size_t *len)
{
	int32_t cp = utf8_decode(s + i, n - i, len);
	return cp < 0 ? 0xFFFD : cp;
}

/* Lower-case copy of word T of TEXT into OUT (ASCII folded, ’ as '); ""
 * when longer than LW - 1 bytes.  Cannot fail. */
static const char *lower(const char *text, const struct tok *t, char out[LW])
{
	size_t k = 0;
	for (size_t i = t->start; i < t->end; i++) {
		unsigned char c = (unsigned char)text[i];
		if (c == 0xE2 && i + 2 < t->end && text[i + 1] == '\x80' &&
		    (text[i + 2] == '\x99' || text[i + 2] == '\x98')) {
			c = '\'';
			i += 2;
		}
		if (k + 1 >= LW) {
			out[0] = '\0';
			return out;
		}
		out[k++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
	}
	out[k] = '\0';
	return out;
}

/* Where the word starting at S[I] ends: word characters, joined across one
 * apostrophe, hyphen or period before a letter, and across , or . between
 * digits. */
static size_t word_end(const char *s, size_t n, size_t i)
{
	size_t len, len2;
	int32_t prev = 0;
	while (i < n) {
		int32_t cp = cp_at(s, n, i, &len);
		if (quote_wordch(cp)) {
			prev = cp;
			i += len;
			continue;
		}
		if (i + len >= n)
			break;
		int32_t next = cp_at(s, n, i + len, &len2);
		int join = (cp == '\'' || cp == 0x2019 || cp == '-' || cp == '.' ||
		            cp == '&') && quote_wordch(next);
		int digits = (cp == ',' || cp == '.') && prev >= '0' && prev <= '9' &&
		             next >= '0' && next <= '9';
		if (!join && !digits)
			break;
		i += len;
	}
	return i;
}

/* Whether the period after word T belongs to it (Mr., U.S., C.B., J.). */
static int keeps_period(const char *text, const struct tok *t)
{
	char w[LW];
	lower(text, t, w);
	size_t n = t->end - t->start;
	return n == 1 || memchr(text + t->start, '.', n) != NULL ||
	       word_in(WL_ABBREV, w);
}

/* Append one token to T.  Sticky on *rc. */
static void push(int *rc, struct toks *t, struct tok k)
{
	if (grow(rc, (void **)&t->t, t->n, &t->cap, sizeof *t->t) == 0)
		t->t[t->n++] = k;
}

/* Split TEXT[0..N) into T.  Sticky on *rc. */
static void lex(int *rc, const char *text, size_t n, struct toks *t)
{
	size_t i = 0, len;
	while (i < n && !*rc) {
		int32_t cp = cp_at(text, n, i, &len);
		struct tok k = {i, i + len, T_PUNCT, 0, 0, 0, 0};
		if (is_space(cp)) {
			i += len;
			continue;
		}
		int mk = mark_kind(cp);
		if (mk >= 0) {
			k.kind = (unsigned char)mk;
		} else if (quote_wordch(cp)) {
			k.kind = T_WORD;
			k.end = word_end(text, n, i);
			k.cap = (unsigned char)is_upper(cp);
			k.num = cp >= '0' && cp <= '9';
			if (k.end < n && text[k.end] == '.' && keeps_period(text, &k))
				k.end++;
		} else {
			k.c = punct_char(cp);
		}
		push(rc, t, k);
		i = k.end;
	}
}

/* ---------------------------------------------------------- token tests */

static int is_word(const struct toks *t, long i)
{
	return i >= 0 && i < t->n && t->t[i].kind == T_WORD;
}

static int is_mark(const struct toks *t, long i)
{
	return i >= 0 && i < t->n && t->t[i].kind >= T_OPEN;
}

static int is_punct(const struct toks *t, long i, char c)
{
	return i >= 0 && i < t->n && t->t[i].kind == T_PUNCT && t->t[i].c == c;
}

static int is_end(const struct toks *t, long i)
{
	return is_punct(t, i, '.') || is_punct(t, i, '?') || is_punct(t, i, '!');
}

/* Word I of passage P is in LIST. */
static int word_is(const struct art *A, long p, long i, enum word_list list)
{
	char w[LW];
	if (!is_word(&A->toks[p], i))
		return 0;
	return word_in(list, lower(A->in[p].text, &A->toks[p].t[i], w));
}

/* Word I of passage P, a possessive 's dropped, is in LIST
 * ("Health's" is an organisation word). */
static int base_is(const struct art *A, long p, long i, enum word_list list)
{
	char w[LW];
	if (!is_word(&A->toks[p], i))
		return 0;
	lower(A->in[p].text, &A->toks[p].t[i], w);
	size_t n = strlen(w);
	if (n > 2 && w[n - 1] == 's' && w[n - 2] == '\'')
		w[n - 2] = '\0';
	return word_in(list, w);
}

/* Word I of passage P equals WORD (lower-case). */
static int word_eq(const struct art *A, long p, long i, const char *word)
{
	char w[LW];
	return is_word(&A->toks[p], i) &&
	       strcmp(lower(A->in[p].text, &A->toks[p].t[i], w), word) == 0;
}

/* Whether word I of P starts a clause of its own (a relative pronoun or
 * a conjunction), so that a verb after it has another subject. */
static int clause_word(const struct art *A, long p, long i)
{
	static const char *const words[] = {"that", "which", "who", "whom", "whose",
	                                    "whether", "when", "while", "because", "if",
	                                    "and", "but", "as", "so", "where", "after",
	                                    "before", "although", "though", "unless"};
	for (size_t k = 0; k < sizeof words / sizeof *words; k++)
		if (word_eq(A, p, i, words[k]))
			return 1;
	return 0;
}

/* ---------------------------------------------------------------- pair */

/* Open a span at token OPEN of passage P (in group GROUP, or its own when
 * GROUP < 0).  Returns its index, or -1 when memory ran out. */
static long span_open(struct art *A, long p, long open, long group)
{
	if (grow(A->rc, (void **)&A->sp, A->nsp, &A->capsp, sizeof *A->sp))
		return -1;
	struct span *s = &A->sp[A->nsp];
	memset(s, 0, sizeof *s);
	s->p = p;
	s->open = open;
	s->close = -1;
	s->group = group < 0 ? A->nsp : group;
	return A->nsp++;
}

/* Mark every span of GROUP dead (a quote never closed). */
static void group_kill(struct art *A, long group)
{
	for (long i = group; i < A->nsp; i++)
		if (A->sp[i].group == group)
			A->sp[i].dead = 1;
}

/* Pair the marks of passage P from token FROM on, continuing the open span
 * *CUR (-1: none). */
static void pair_passage(struct art *A, long p, long from, long *cur)
{
	struct toks *t = &A->toks[p];
	for (long i = from; i < t->n && !*A->rc; i++) {
		int k = t->t[i].kind;
		if (k < T_OPEN)
			continue;
		if (*cur >= 0 && k != T_OPEN) {
			A->sp[*cur].close = i;
			*cur = -1;
		} else if (k != T_CLOSE) {
			if (*cur >= 0)
				group_kill(A, A->sp[*cur].group);
			*cur = span_open(A, p, i, -1);
		}
	}
}

/* Carry the span *CUR left open by passage P-1 into passage P: on when P
 * continues its paragraph (from byte 0) or opens with a mark (from that
 * mark), else the quote is dropped.  Returns the token to pair from. */
static long carry(struct art *A, long p, long *cur)
{
	if (*cur < 0)
		return 0;
	long group = A->sp[*cur].group;
	const struct toks *t = &A->toks[p];
	if (A->in[p].paragraph == A->in[p - 1].paragraph) {
		*cur = span_open(A, p, -1, group);
		return 0;
	}
	if (t->n > 0 && (t->t[0].kind == T_OPEN || t->t[0].kind == T_EITHER)) {
		*cur = span_open(A, p, 0, group);
		return 1;
	}
	group_kill(A, group);
	*cur = -1;
	return 0;
}

/* Pair every passage's marks into A->sp. */
static void pair_all(struct art *A)
{
	long cur = -1;
	for (long p = 0; p < A->n && !*A->rc; p++)
		pair_passage(A, p, p > 0 ? carry(A, p, &cur) : 0, &cur);
	if (cur >= 0)
		group_kill(A, A->sp[cur].group);
}

/* ------------------------------------------------------------ features */

/* First and last token inside span S (last < first when empty). */
static void inside(const struct art *A, const struct span *s, long *first,
                   long *last)
{
	*first = s->open + 1;
	*last = s->close >= 0 ? s->close - 1 : A->toks[s->p].n - 1;
}

/* Fill the shape fields of S and mark its tokens as quoted. */
static void features(struct art *A, struct span *s)
{
	struct toks *t = &A->toks[s->p];
	long a, b;
	inside(A, s, &a, &b);
	int small_only = 1;
	s->titlecase = 1;
	for (long i = a; i <= b; i++) {
		t->t[i].inq = 1;
		if (t->t[i].kind != T_WORD)
			continue;
		s->words++;
		if (word_is(A, s->p, i, WL_SMALL) && i > a)
			continue;
		small_only = 0;
		if (!t->t[i].cap && !t->t[i].num)
			s->titlecase = 0;
	}
	if (small_only)
		s->titlecase = 0;
	for (long i = b; i >= a && !s->ends; i--)
		if (t->t[i].kind == T_WORD)
			break;
		else if (t->t[i].kind == T_PUNCT && strchr(",.?!", t->t[i].c))
			s->ends = t->t[i].c;
	if (s->open >= 0)
		t->t[s->open].inq = 1;
	if (s->close >= 0)
		t->t[s->close].inq = 1;
	s->nickname = s->words <= 2 && s->titlecase && s->open > 0 &&
	              s->close >= 0 && t->t[s->open - 1].cap &&
	              is_word(t, s->open - 1) && is_word(t, s->close + 1) &&
	              t->t[s->close + 1].cap;
}

/* ------------------------------------------------------------ entities */

/* Append word I of passage P to NAME: one space between words, a
 * possessive 's / ’s dropped from the last.  Sticky on *rc. */
static void name_add(const struct art *A, long p, long i, buf *name)
{
	const struct tok *k = &A->toks[p].t[i];
	const char *s = A->in[p].text + k->start;
	size_t n = k->end - k->start;
	if (n > 2 && s[n - 1] == 's' && s[n - 2] == '\'')
		n -= 2;
	else if (n > 4 && s[n - 1] == 's' && memcmp(s + n - 4, "\xE2\x80\x99", 3) == 0)
		n -= 4;
	if (name->n)
		buf_putc(A->rc, name, ' ');
	buf_append(A->rc, name, s, n);
}

/* A connector inside a name ("of", "and", "de") at word I of P, followed by
 * a capitalised word; "and" only while the run so far is no organisation
 * ("Keystone Markets and Dalby Foods" is two). */
static int connector(const struct art *A, long p, long i, int org_so_far)
{
	const struct toks *t = &A->toks[p];
	if (!is_word(t, i + 1) || !t->t[i + 1].cap || t->t[i].cap)
		return 0;
	if (word_eq(A, p, i, "and") || word_eq(A, p, i, "&"))
		return !org_so_far;
	static const char *const joins[] = {"of", "de", "van", "von", "der", "da",
	                                    "del", "la", "du", "bin", "al", "for"};
	for (size_t j = 0; j < sizeof joins / sizeof *joins; j++)
		if (word_eq(A, p, i, joins[j]))
			return 1;
	return 0;
}

/* The end (exclusive) of the capitalised run starting at word I of P,
 * outside quotes: capitalised words and connectors, stepping over a
 * nickname in quotes.  Sets *ORG when a word names an organisation. */
static long run_end(const struct art *A, long p, long i, int *org)
{
	const struct toks *t = &A->toks[p];
	*org = 0;
	while (i < t->n) {
		if (is_word(t, i) && t->t[i].cap && !t->t[i].inq) {
			*org |= base_is(A, p, i, WL_ORG);
			i++;
		} else if (is_word(t, i) && !t->t[i].inq && connector(A, p, i, *org)) {
			*org |= word_eq(A, p, i, "of") || word_eq(A, p, i, "and") ||
			        word_eq(A, p, i, "&") || word_eq(A, p, i, "for");
			i++;
		} else if (is_mark(t, i) && i + 3 < t->n && is_word(t, i + 1) &&
		           t->t[i + 1].cap && is_mark(t, i + 2) && is_word(t, i + 3) &&
		           t->t[i + 3].cap) {
			i += 3; /* Derek "Deke" Marlowe */
		} else {
			break;
		}
	}
	return i;
}

/* Find the entity named NAME of KIND, or add it.  Returns its index or -1
 * (out of memory). */
static long ent_get(struct art *A, const char *name, int kind, int words)
{
	for (long e = 0; e < A->nents; e++)
		if (strcmp(A->ents[e].name, name) == 0)
			return e;
	if (grow(A->rc, (void **)&A->ents, A->nents, &A->capents, sizeof *A->ents))
		return -1;
	struct ent *e = &A->ents[A->nents];
	memset(e, 0, sizeof *e);
	e->name = str_dup(A->rc, name);
	e->kind = kind;
	e->words = words;
	return *A->rc ? -1 : A->nents++;
}

/* Record a mention of entity E at token TOK of passage P. */
static void mention(struct art *A, long e, long p, long tok)
{
	if (e < 0 || grow(A->rc, (void **)&A->men, A->nmen, &A->capmen, sizeof *A->men))
		return;
	A->men[A->nmen++] = (struct mention){e, p, tok};
}

/* The last word of NAME (the whole name when it has one). */
static const char *last_word(const char *name)
{
	const char *sp = strrchr(name, ' ');
	return sp ? sp + 1 : name;
}

/* Non-zero when NAME's first word is WORD. */
static int first_word_is(const char *name, const char *word)
{
	size_t n = strlen(word);
	return strncmp(name, word, n) == 0 && (name[n] == ' ' || name[n] == '\0');
}

/* The entity a one-word name W stands for: the person whose surname it is
 * (the most recently mentioned first), else the organisation it starts,
 * else a two-word "person" of unknown gender it starts — which is then
 * taken for an organisation ("Granite Mutual", then "Granite") — else -1. */
static long resolve_word(struct art *A, const char *w)
{
	for (long m = A->nmen - 1; m >= 0; m--) {
		const struct ent *e = &A->ents[A->men[m].ent];
		if (e->kind == SPEAKER_PERSON && e->words > 1 && !strcmp(last_word(e->name), w))
			return A->men[m].ent;
	}
	for (long e = 0; e < A->nents; e++)
		if (A->ents[e].kind == SPEAKER_PERSON && A->ents[e].words > 1 &&
		    !strcmp(last_word(A->ents[e].name), w))
			return e;
	for (long e = 0; e < A->nents; e++)
		if (A->ents[e].kind == SPEAKER_ORG && A->ents[e].words > 1 &&
		    first_word_is(A->ents[e].name, w))
			return e;
	for (long e = 0; e < A->nents; e++) {
		struct ent *x = &A->ents[e];
		if (x->kind == SPEAKER_PERSON && x->words > 1 && x->gender == G_NONE &&
		    !x->judge && first_word_is(x->name, w)) {
			x->kind = SPEAKER_ORG; /* "Granite Mutual", then "Granite" */
			return e;
		}
	}
	return -1;
}

/* What a capitalised run says about a person before the name: strips its
 * leading starters and titles from [*I, END) and returns the gender and
 * judge flags a title gives (G_* | 4 for a judge). */
static int strip_titles(const struct art *A, long p, long *i, long end)
{
	int flags = 0;
	while (*i < end && word_is(A, p, *i, WL_STARTER))
		(*i)++;
	for (; *i + 1 < end && word_is(A, p, *i, WL_TITLE); (*i)++) {
		if (word_eq(A, p, *i, "judge") || word_eq(A, p, *i, "justice") ||
		    word_eq(A, p, *i, "magistrate"))
			flags |= 4;
		if (word_eq(A, p, *i, "mr.") || word_eq(A, p, *i, "mr"))
			flags |= G_MALE;
		if (word_eq(A, p, *i, "ms.") || word_eq(A, p, *i, "mrs.") ||
		    word_eq(A, p, *i, "ms") || word_eq(A, p, *i, "mrs") ||
		    word_eq(A, p, *i, "miss"))
			flags |= G_FEMALE;
	}
	return flags;
}

/* The first word of the organisation's name in run [I, END) of P: leading
 * determiners and prepositions dropped ("The", "In"), adjectives kept
 * ("Federal Maritime Commission"). */
static long org_start(const struct art *A, long p, long i, long end)
{
	while (i + 1 < end && (word_is(A, p, i, WL_DET) || word_is(A, p, i, WL_STOP) ||
	                       word_eq(A, p, i, "according")))
		i++;
	return i;
}

/* Whether run [I, END) of P has a title that makes it a person (not when
 * it ends in an organisation word: "Justice Department"). */
static int has_person_title(const struct art *A, long p, long i, long end)
{
	if (end > i && base_is(A, p, end - 1, WL_ORG))
		return 0;
	for (; i < end; i++)
		if (word_is(A, p, i, WL_TITLE) && !word_is(A, p, i, WL_ORG) &&
		    !word_eq(A, p, i, "federal") && !word_eq(A, p, i, "state"))
			return 1;
	return 0;
}

/* Build the name of run [I, END) of P into NAME, skipping a quoted
 * nickname; returns its word count. */
static int run_name(const struct art *A, long p, long i, long end, buf *name)
{
	int words = 0;
	buf_reset(name);
	for (; i < end; i++)
		if (is_word(&A->toks[p], i) && !A->toks[p].t[i].inq) {
			name_add(A, p, i, name);
			words++;
		}
	return words;
}

/* Turn the run [I, END) of passage P into an entity and a mention (when it
 * names one): PASS 0 only collects names of two words or more, PASS 1
 * records every mention. */
static void take_run(struct art *A, long p, long i, long end, int org, int pass,
                     buf *name)
{
	long start = i;
	int titled = has_person_title(A, p, i, end);
	int flags = titled || !org ? strip_titles(A, p, &i, end) : 0;
	if (org && !titled)
		i = org_start(A, p, i, end);
	int words = run_name(A, p, i, end, name);
	if (words == 0 || *A->rc)
		return;
	int place = start > 0 && (word_eq(A, p, start - 1, "in") || word_eq(A, p, start - 1, "at") ||
	                          word_eq(A, p, start - 1, "from") || word_eq(A, p, start - 1, "near"));
	if (words == 1) {
		if (pass == 0 || word_is(A, p, i, WL_CALENDAR) || word_is(A, p, i, WL_DOC) ||
		    word_is(A, p, i, WL_FEMALE) || word_is(A, p, i, WL_MALE))
			return;
		long e = resolve_word(A, name->p);
		if (e < 0 && !place && !titled)
			e = ent_get(A, name->p, SPEAKER_ORG, 1);
		mention(A, e, p, start);
		return;
	}
	if (place && !org && !titled)
		return;
	int kind = org && !titled ? SPEAKER_ORG : SPEAKER_PERSON;
	long e = ent_get(A, name->p, kind, words);
	if (e < 0)
		return;
	struct ent *en = &A->ents[e];
	en->judge |= (flags & 4) != 0;
	if (!en->gender)
		en->gender = flags & 3 ? flags & 3 :
		             word_is(A, p, i, WL_FEMALE) ? G_FEMALE :
		             word_is(A, p, i, WL_MALE) ? G_MALE : G_NONE;
	if (pass == 1)
		mention(A, e, p, start);
}

/* Collect the article's entities (PASS 0) or mentions (PASS 1). */
static void entities(struct art *A, int pass)
{
	buf name = BUF_INIT;
	for (long p = 0; p < A->n && !*A->rc; p++) {
		const struct toks *t = &A->toks[p];
		for (long i = 0; i < t->n; i++) {
			if (!is_word(t, i) || !t->t[i].cap || t->t[i].inq)
				continue;
			int org;
			long end = run_end(A, p, i, &org);
			take_run(A, p, i, end, org, pass, &name);
			i = end - 1;
		}
	}
	buf_free(&name);
}

/* ---------------------------------------------------------- resolution */

/* The most recent entity of KIND mentioned before token TOK of passage P:
 * a person of GENDER (G_NONE: any; one of unknown gender always fits), a
 * judge when JUDGE.  Returns -1 when there is none. */
static long recent(const struct art *A, long p, long tok, int kind, int gender,
                   int judge)
{
	for (long m = A->nmen - 1; m >= 0; m--) {
		const struct mention *x = &A->men[m];
		const struct ent *e = &A->ents[x->ent];
		if (x->p > p || (x->p == p && x->tok >= tok) || e->kind != kind)
			continue;
		if ((judge && !e->judge) || (gender && e->gender && e->gender != gender))
			continue;
		return x->ent;
	}
	return -1;
}

/* The organisation "it" at token I of P stands for: the one that opens
 * its sentence ("The commission fined Corvane for what it described as"),
 * else the last one named. */
static long sentence_org(const struct art *A, long p, long i)
{
	long start = i;
	while (start > 0 && !is_end(&A->toks[p], start - 1))
		start--;
	for (long m = 0; m < A->nmen; m++) {
		const struct mention *x = &A->men[m];
		if (x->p == p && x->tok >= start && x->tok <= start + 1 && x->tok < i &&
		    A->ents[x->ent].kind == SPEAKER_ORG)
			return x->ent;
	}
	return recent(A, p, i, SPEAKER_ORG, 0, 0);
}

/* Give S the speaker N bytes at NAME, of KIND.  Returns 1 (0 if memory ran
 * out). */
static int set_speaker(struct art *A, struct span *s, const char *name, size_t n,
                       int kind)
{
	free(s->speaker);
	s->speaker = str_ndup(A->rc, name, n);
	s->kind = kind;
	return s->speaker != NULL;
}

/* Give S entity E as its speaker; 0 when E < 0. */
static int set_ent(struct art *A, struct span *s, long e)
{
	if (e < 0)
		return 0;
	return set_speaker(A, s, A->ents[e].name, strlen(A->ents[e].name), A->ents[e].kind);
}

/* Resolve the one-word pronoun at token I of P for S. */
static int pronoun(struct art *A, struct span *s, long p, long i)
{
	if (word_eq(A, p, i, "he") || word_eq(A, p, i, "him"))
		return set_ent(A, s, recent(A, p, i, SPEAKER_PERSON, G_MALE, 0));
	if (word_eq(A, p, i, "she") || word_eq(A, p, i, "her"))
		return set_ent(A, s, recent(A, p, i, SPEAKER_PERSON, G_FEMALE, 0));
	if (word_eq(A, p, i, "it") || word_eq(A, p, i, "they") || word_eq(A, p, i, "them"))
		return set_ent(A, s, sentence_org(A, p, i));
	return -1; /* not a pronoun */
}

/* Speaker from the capitalised run [R, END) of P: a known person or
 * organisation, a surname or short name resolved to one, else the run. */
static int speak_name(struct art *A, struct span *s, long p, long r, long end)
{
	buf name = BUF_INIT;
	int titled = has_person_title(A, p, r, end), org = 0;
	for (long i = r; i < end; i++)
		org |= base_is(A, p, i, WL_ORG);
	if (org && !titled)
		r = org_start(A, p, r, end);
	else
		strip_titles(A, p, &r, end);
	int words = run_name(A, p, r, end, &name);
	int ok = 0;
	if (words > 0 && !*A->rc) {
		long e = -1;
		for (long k = 0; k < A->nents && e < 0; k++)
			if (!strcmp(A->ents[k].name, name.p))
				e = k;
		if (e < 0 && words == 1)
			e = resolve_word(A, name.p);
		ok = e >= 0 ? set_ent(A, s, e) :
		     set_speaker(A, s, name.p, name.n,
		                 titled || words > 1 ? SPEAKER_PERSON : SPEAKER_ORG);
	}
	buf_free(&name);
	return ok;
}

/* The organisation last mentioned before word I of P whose name ends in
 * that word ("the department" after "the Justice Department"), or -1. */
static long org_by_head(const struct art *A, long p, long i)
{
	char w[LW];
	lower(A->in[p].text, &A->toks[p].t[i], w);
	for (long m = A->nmen - 1; m >= 0; m--) {
		const struct mention *x = &A->men[m];
		const struct ent *e = &A->ents[x->ent];
		if ((x->p < p || (x->p == p && x->tok < i)) && e->kind == SPEAKER_ORG &&
		    e->words > 1 && !strcasecmp(last_word(e->name), w))
			return x->ent;
	}
	return -1;
}

/* "the contractor" after "a contractor called Tallis Lifting" or "the
 * inspector, Gustavo Ferrer,": give S the name the article attached to the
 * noun at word I of P the last time it used it.  Returns 1 when found. */
static int named_earlier(struct art *A, struct span *s, long p, long i)
{
	char head[LW], w[LW];
	lower(A->in[p].text, &A->toks[p].t[i], head);
	for (long q = p; q >= 0; q--) {
		const struct toks *t = &A->toks[q];
		for (long k = (q == p ? i : t->n) - 1; k >= 0; k--) {
			if (!is_word(t, k) || t->t[k].inq || t->t[k].cap ||
			    strcmp(lower(A->in[q].text, &t->t[k], w), head))
				continue;
			long r = -1;
			for (long m = k + 1; m <= k + 6 && m + 1 < t->n && !is_end(t, m) && r < 0; m++)
				if ((word_eq(A, q, m, "called") || word_eq(A, q, m, "named") ||
				     (m == k + 1 && is_punct(t, m, ','))) &&
				    is_word(t, m + 1) && t->t[m + 1].cap)
					r = m + 1;
			if (r < 0)
				continue;
			long e = r;
			while (e + 1 < t->n && is_word(t, e + 1) && t->t[e + 1].cap)
				e++;
			if (e > r || !is_punct(t, k + 1, ','))
				return speak_name(A, s, q, r, e + 1);
		}
	}
	return 0;
}

/* Speaker from the lower-case phrase [A0, B] of P (its determiner already
 * dropped; DEF: it was "the"): "the judge" is the judge the article named,
 * "the company" its organisation, anything else the phrase as written — a
 * document when its last word heads one, else a role. */
static int speak_phrase(struct art *A, struct span *s, long p, long a, long b,
                        int def)
{
	if (def && a == b && (word_eq(A, p, a, "judge") || word_eq(A, p, a, "justice"))) {
		if (set_ent(A, s, recent(A, p, a, SPEAKER_PERSON, 0, 1)))
			return 1;
	}
	if (def && a == b && (word_eq(A, p, a, "company") || word_eq(A, p, a, "firm"))) {
		if (set_ent(A, s, recent(A, p, a, SPEAKER_ORG, 0, 0)))
			return 1;
	}
	if (def && a == b && set_ent(A, s, org_by_head(A, p, a)))
		return 1;
	if (def && a == b && named_earlier(A, s, p, a))
		return 1;
	const struct tok *t = A->toks[p].t;
	int kind = word_is(A, p, b, WL_DOC) ? SPEAKER_DOCUMENT : SPEAKER_ROLE;
	return set_speaker(A, s, A->in[p].text + t[a].start, t[b].end - t[a].start, kind);
}

/* Give S the speaker the phrase NP names.  Returns 1 when it names one. */
static int speak(struct art *A, struct span *s, struct np np)
{
	long p = np.p, a = np.a, b = np.b;
	int def = 0;
	while (a < b && word_is(A, p, a, WL_DET)) {
		def = word_eq(A, p, a, "the");
		a++;
	}
	if (a > b || !is_word(&A->toks[p], b))
		return 0;
	const struct tok *t = A->toks[p].t;
	if (a == b) {
		int r = pronoun(A, s, p, a);
		if (r >= 0)
			return r;
	}
	if (t[b].num && b > a && word_eq(A, p, b - 1, "exhibit"))
		return set_speaker(A, s, A->in[p].text + t[b - 1].start,
		                   t[b].end - t[b - 1].start, SPEAKER_DOCUMENT);
	if (!t[b].cap)
		return speak_phrase(A, s, p, a, b, def);
	long r = b;
	while (r > a && ((is_word(&A->toks[p], r - 1) && t[r - 1].cap) ||
	                 (r - 1 > a && connector(A, p, r - 1, 0))))
		r--;
	return speak_name(A, s, p, r, b + 1);
}

/* ---------------------------------------------------------- phrases */

/* The phrase ending at word I of P, no earlier than token LO: up to
 * NP_WORDS words, stopping at punctuation and function words ("that",
 * "in"); a connector between capitals ("Securities and Exchange") and a
 * possessive mark ("residents’ lawyers") stay inside. */
static struct np np_run(const struct art *A, long p, long i, long lo)
{
	const struct toks *t = &A->toks[p];
	struct np np = {p, i + 1, i};
	if (i < lo || !is_word(t, i) || t->t[i].inq || word_is(A, p, i, WL_STOP))
		return np;
	long a = i;
	for (int words = 1; a - 1 >= lo && words < NP_WORDS; words++) {
		long j = a - 1;
		if (is_punct(t, j, '\'') && is_word(t, j - 1) && j - 1 >= lo)
			j--;
		if (!is_word(t, j) || t->t[j].inq)
			break;
		if (word_is(A, p, j, WL_STOP) &&
		    !(connector(A, p, j, 0) && is_word(t, j - 1) && t->t[j - 1].cap)) {
			if (word_eq(A, p, j, "of") && t->t[a].cap && is_word(t, j - 1) &&
			    !t->t[j - 1].cap && j - 1 >= lo)
				return np_run(A, p, j - 1, lo); /* "the review of Lindgren" */
			break;
		}
		a = j;
		if (word_is(A, p, j, WL_DET))
			break; /* a determiner opens its phrase */
	}
	np.a = a;
	return np;
}

/* Whether tokens [A0, B] of P are all capitalised words: a name. */
static int all_caps(const struct art *A, long p, long a, long b)
{
	const struct toks *t = &A->toks[p];
	if (a > b)
		return 0;
	for (long i = a; i <= b; i++)
		if (!is_word(t, i) || (!t->t[i].cap && !connector(A, p, i, 0)))
			return 0;
	return t->t[a].cap;
}

/* Whether word I of P is a preposition (a phrase before it is not the
 * subject: "a letter from Harrow … in 2021 called"). */
static int preposition(const struct art *A, long p, long i)
{
	static const char *const words[] = {"in", "on", "at", "from", "to", "of", "for",
	                                    "with", "by", "over", "under", "during",
	                                    "after", "before", "since", "about", "into",
	                                    "against", "between", "through"};
	for (size_t k = 0; k < sizeof words / sizeof *words; k++)
		if (word_eq(A, p, i, words[k]))
			return 1;
	return 0;
}

/* Whether word I of P ends in "ed" (a participle after its noun). */
static int participle(const struct art *A, long p, long i)
{
	const struct tok *k = &A->toks[p].t[i];
	return k->end - k->start > 4 && !memcmp(A->in[p].text + k->end - 2, "ed", 2);
}

/* The subject that opens the clause holding word I of P (back to LO): the
 * words from the clause's start to its first function word, a trailing
 * participle dropped ("[An outside review] commissioned by the county
 * found"); a ", Name," appositive inside it is stepped over ("A follow-up
 * email from the inspector, Gustavo Ferrer, to the department says"). */
static struct np clause_np(const struct art *A, long p, long i, long lo)
{
	const struct toks *t = &A->toks[p];
	struct np none = {p, 1, 0};
	long j = i;
	for (;;) {
		while (j - 1 >= lo && (is_word(t, j - 1) || is_punct(t, j - 1, '\'')) &&
		       !t->t[j - 1].inq && !clause_word(A, p, j - 1))
			j--;
		long c = j - 1, k = c - 1;
		if (c < lo || !is_punct(t, c, ','))
			break;
		while (k - 1 >= lo && is_word(t, k - 1) && t->t[k - 1].cap)
			k--;
		if (k - 1 < lo || !is_punct(t, k - 1, ',') || !all_caps(A, p, k, c - 1))
			break;
		j = k - 1; /* over ", Gustavo Ferrer," */
	}
	if (!is_word(t, j) || word_is(A, p, j, WL_STOP) || j > i)
		return none;
	long b = j;
	while (b + 1 <= i && (is_word(t, b + 1) || is_punct(t, b + 1, '\'')) &&
	       !word_is(A, p, b + 1, WL_STOP) && !is_punct(t, b + 1, ','))
		b++;
	if (b > j && participle(A, p, b))
		b--;
	return (struct np){p, j, b};
}

/* Whether word I of P is a pronoun that cannot be the verb's subject:
 * "it", "him", "her", "them" right after a word that is not a
 * conjunction (so after a preposition or a verb). */
static int object_pronoun(const struct art *A, long p, long i, long lo)
{
	if (!(word_eq(A, p, i, "it") || word_eq(A, p, i, "him") || word_eq(A, p, i, "her") ||
	      word_eq(A, p, i, "them")) || i - 1 < lo || !is_word(&A->toks[p], i - 1))
		return 0;
	static const char *const conj[] = {"and", "but", "that", "which", "because",
	                                   "when", "while", "as", "if", "so", "then",
	                                   "what", "how", "why", "where", "who"};
	for (size_t k = 0; k < sizeof conj / sizeof *conj; k++)
		if (word_eq(A, p, i - 1, conj[k]))
			return 0;
	return 1;
}

/* The subject of a verb coordinated by the "and" at I of P: the pronoun
 * or capitalised name that opens its clause (after the last comma, or LO). */
static struct np clause_subject(const struct art *A, long p, long i, long lo)
{
	const struct toks *t = &A->toks[p];
	long j = i;
	while (j - 1 >= lo && !is_punct(t, j - 1, ',') && !is_mark(t, j - 1) &&
	       !is_end(t, j - 1))
		j--;
	struct np np = {p, j, j};
	if (word_eq(A, p, j, "he") || word_eq(A, p, j, "she") || word_eq(A, p, j, "it") ||
	    word_eq(A, p, j, "they"))
		return np;
	if (!is_word(t, j) || !t->t[j].cap || word_is(A, p, j, WL_STARTER))
		return (struct np){p, 1, 0};
	while (np.b + 1 < i && is_word(t, np.b + 1) && t->t[np.b + 1].cap)
		np.b++;
	return np;
}

/* The subject of the verb at token V of P, no earlier than LO: adverbs and
 * auxiliaries skipped ("had argued"); over an appositive or a relative
 * clause ("Rita Lindqvist, who is presiding …, warned") to the phrase
 * before it, unless the appositive is a name ("the prosecutor, Ana Ortega,
 * told"). */
static struct np np_before(const struct art *A, long p, long v, long lo)
{
	const struct toks *t = &A->toks[p];
	struct np none = {p, 1, 0};
	long i = v - 1;
	while (i >= lo && word_is(A, p, i, WL_SKIP))
		i--;
	if (i < lo)
		return none;
	if ((word_eq(A, p, i, "who") || word_eq(A, p, i, "which")) && is_punct(t, i - 1, ','))
		return np_run(A, p, i - 2, lo);
	if ((word_eq(A, p, i, "that") || word_eq(A, p, i, "which") || word_eq(A, p, i, "who")) &&
	    is_word(t, i - 1) && i - 1 >= lo)
		return np_run(A, p, i - 1, lo); /* "a council report that found" */
	if (word_eq(A, p, i, "and"))
		return clause_subject(A, p, i, lo); /* "it denied … and said" */
	if (object_pronoun(A, p, i, lo)) {
		/* "The memo that Nimbus filed alongside it said" */
		for (long j = i - 1; j > lo; j--)
			if (word_eq(A, p, j, "that") || word_eq(A, p, j, "which"))
				return np_run(A, p, j - 1, lo);
		return clause_np(A, p, i - 1, lo); /* "The memo filed with it said" */
	}
	if (!is_punct(t, i, ',')) {
		struct np np = np_run(A, p, i, lo);
		int number = np.a == np.b && t->t[np.a].num;
		if (!number && !(np.a - 1 >= lo && preposition(A, p, np.a - 1)))
			return np;
		struct np c = clause_np(A, p, np.a - 1, lo);
		return c.a <= c.b ? c : np;
	}
	long b = i - 1, a = b;
	while (a - 1 >= lo && !is_punct(t, a - 1, ',') && !is_end(t, a - 1) &&
	       !is_mark(t, a - 1))
		a--;
	if (a > b)
		return none;
	if (all_caps(A, p, a, b))
		return (struct np){p, a, b};
	for (long k = a; k < b; k++)
		if (word_eq(A, p, k, "exhibit") && t->t[k + 1].num)
			return (struct np){p, k, k + 1}; /* ", admitted as Exhibit 56," */
	if (word_is(A, p, a, WL_DET) && b - 1 > a && all_caps(A, p, b - 1, b))
		return np_run(A, p, b, b - 1); /* ", an economist named Victor Salas," */
	if (a - 1 >= lo && is_punct(t, a - 1, ','))
		return np_run(A, p, a - 2, lo);
	return none;
}

/* The phrase after the verb at V of P ("said Monica Alvarez", "according
 * to the complaint"), no later than HI; a role followed by its name in
 * apposition ("said the engineer, Luis Moreno.") gives the name. */
static struct np np_after(const struct art *A, long p, long v, long hi)
{
	const struct toks *t = &A->toks[p];
	long a = v + 1, b = v;
	while (b + 1 <= hi && b - a < NP_WORDS && is_word(t, b + 1) && !t->t[b + 1].inq &&
	       (!word_is(A, p, b + 1, WL_STOP) || (b >= a && connector(A, p, b + 1, 0))))
		b++;
	struct np np = {p, a, b};
	if (b < a || t->t[b].cap || !is_punct(t, b + 1, ',') || !is_word(t, b + 2) ||
	    !t->t[b + 2].cap)
		return np;
	long e = b + 2;
	while (e + 1 <= hi && is_word(t, e + 1) && t->t[e + 1].cap)
		e++;
	if (e + 1 >= t->n || is_punct(t, e + 1, ',') || is_end(t, e + 1) ||
	    is_punct(t, e + 1, ';'))
		return (struct np){p, b + 2, e};
	return np;
}

/* ---------------------------------------------------------------- cues */

/* 2 when word I of P is a strong cue (said, according to), 1 a weak one
 * (called), else 0. */
static int cue_at(const struct art *A, long p, long i)
{
	const struct toks *t = &A->toks[p];
	if (!is_word(t, i) || t->t[i].inq)
		return 0;
	if (word_eq(A, p, i, "according") && word_eq(A, p, i + 1, "to"))
		return 2;
	if (t->t[i].cap)
		return 0; /* "the United States", "Asked whether …," */
	int c = word_is(A, p, i, WL_CUE) ? 2 : word_is(A, p, i, WL_WEAK_CUE) ? 1 : 0;
	if (c && (word_eq(A, p, i - 1, "the") || word_eq(A, p, i - 1, "a") ||
	          word_eq(A, p, i - 1, "an") || word_eq(A, p, i - 1, "was") ||
	          word_eq(A, p, i - 1, "were") || word_eq(A, p, i - 1, "been") ||
	          word_eq(A, p, i - 1, "be") || word_eq(A, p, i - 1, "is")))
		return 0; /* "the added tests", "was written by" */
	return c;
}

/* Whether tokens [LO, V) of P hold no word. */
static int only_punct(const struct art *A, long p, long lo, long v)
{
	for (long i = lo; i < v; i++)
		if (is_word(&A->toks[p], i))
			return 0;
	return 1;
}

/* Record word V of P as S's cue ("according to" for "according"). */
static void set_cue(const struct art *A, struct span *s, long p, long v)
{
	char w[LW];
	lower(A->in[p].text, &A->toks[p].t[v], w);
	if (word_eq(A, p, v, "according"))
		strcpy(w, "according to");
	if (strlen(w) >= QUOTE_CUE_MAX)
		w[0] = '\0';
	strcpy(s->cue, w);
}

/* Attribute S to the subject of the cue at V of P (words LO..HI around it)
 * and record the cue.  Returns 1 when the cue has a speaker. */
static int cue_speaker(struct art *A, struct span *s, long p, long v, long lo, long hi)
{
	struct np np;
	if (word_eq(A, p, v, "according")) {
		np = np_after(A, p, v + 1, hi);
	} else if (word_eq(A, p, v, "quoted") || word_eq(A, p, v, "quotes") ||
	           word_eq(A, p, v, "quoting")) {
		np = np_after(A, p, v, hi); /* "It quoted a pharmacist's email:" */
	} else {
		np = np_before(A, p, v, lo);
		if (np.a > np.b && only_punct(A, p, lo, v))
			np = np_after(A, p, v, hi); /* "…," said Monica Alvarez */
	}
	if (!speak(A, s, np))
		return 0;
	set_cue(A, s, p, v);
	return 1;
}

/* The first token of the sentence holding token I of P, looking back no
 * further than a sentence end or another quote's mark. */
static long sentence_start(const struct art *A, long p, long i)
{
	const struct toks *t = &A->toks[p];
	for (; i >= 0; i--)
		if ((is_end(t, i) && !t->t[i].inq) || is_mark(t, i))
			return i + 1;
	return 0;
}

/* "…," the complaint quotes her as saying: the speaker is the one quoted
 * (word AS - 1), the cue the verb after "as". */
static int as_saying(struct art *A, struct span *s, long as)
{
	if (!speak(A, s, np_run(A, s->p, as - 1, as - 1)))
		return 0;
	set_cue(A, s, s->p, as + 1);
	return 1;
}

/* The cue after S: the first strong cue within AFTER_WORDS words of its
 * closing mark, in the same sentence. */
static int cue_after(struct art *A, struct span *s)
{
	const struct toks *t = &A->toks[s->p];
	long lo = s->close + 1, hi = lo;
	while (hi < t->n && !is_end(t, hi) && !is_mark(t, hi) && !is_punct(t, hi, ';'))
		hi++;
	hi--;
	int words = 0;
	for (long i = lo; i <= hi && words < AFTER_WORDS; i++) {
		if (word_eq(A, s->p, i, "as") && cue_at(A, s->p, i + 1) == 2 && i > lo)
			return as_saying(A, s, i);
		if (cue_at(A, s->p, i) == 2)
			return cue_speaker(A, s, s->p, i, lo, hi);
		if (clause_word(A, s->p, i))
			return 0; /* "…," a document that Halvorsen says */
		words += is_word(t, i);
	}
	return 0;
}

/* The cue before token END of P, back to LO: the nearest one, strong or
 * weak ("Cole said Harrow had described the fund as" is Harrow's), a
 * parenthetical ", according to X," only when there is no other.  Stores
 * its strength; returns its token or -1. */
static long cue_before(const struct art *A, long p, long lo, long end, int *strength)
{
	long aside = -1;
	const struct toks *t = &A->toks[p];
	for (long i = end - 1; i >= lo; i--) {
		int c = cue_at(A, p, i);
		if (c == 2 && word_eq(A, p, i, "according") && is_punct(t, i - 1, ',') &&
		    aside < 0) {
			aside = i; /* ", according to testimony," — look for a verb first */
			continue;
		}
		if (c == 1 && is_word(t, i + 1) && t->t[i + 1].cap)
			continue; /* "a company called Sentinel EdTech" names */
		if (c) {
			*strength = c;
			return i;
		}
	}
	*strength = 2;
	return aside;
}

/* A short quote right after "a", "the" or "so-called" is a term, not
 * speech, even with a cue in its sentence. */
static int term_before(const struct art *A, const struct span *s)
{
	long i = s->open - 1;
	static const char *const terms[] = {"a", "an", "the", "so-called", "heading",
	                                    "label", "name", "title", "word", "term",
	                                    "phrase", "slogan", "motto", "caption"};
	for (size_t k = 0; k < sizeof terms / sizeof *terms; k++)
		if (word_eq(A, s->p, i, terms[k]))
			return 1;
	return !strcmp(s->cue, "according to");
}

/* "Tomas Ekberg was blunt: "…"": the last person named in the words
 * [LO, OPEN) before a colon. */
static int colon_speaker(struct art *A, struct span *s, long lo)
{
	for (long m = A->nmen - 1; m >= 0; m--) {
		const struct mention *x = &A->men[m];
		if (x->p == s->p && x->tok >= lo && x->tok < s->open &&
		    A->ents[x->ent].kind == SPEAKER_PERSON)
			return set_ent(A, s, x->ent);
	}
	return 0;
}

/* Give span SI the speaker of the quote before it in its passage when no
 * sentence of other words lies between: the same sentence, or the next one
 * ("…," Ferreira told jurors. "Not in …"). */
static int inherit(struct art *A, long si, long lo)
{
	struct span *s = &A->sp[si], *prev = si > 0 ? &A->sp[si - 1] : NULL;
	if (!prev || prev->dead || prev->p != s->p || !prev->speaker || prev->close < 0)
		return 0;
	const struct toks *t = &A->toks[s->p];
	for (long i = prev->close + 1; i < lo - 1; i++)
		if (is_end(t, i))
			return 0;
	strcpy(s->cue, prev->cue);
	return set_speaker(A, s, prev->speaker, strlen(prev->speaker), prev->kind);
}

/* The cue of the sentence before LO in S's passage, or of the last
 * sentence of the passage before when that ends with a colon ("the
 * governor said:" then a quoted paragraph). */
static int prev_sentence(struct art *A, struct span *s, long lo)
{
	long p = s->p, end = lo - 1;
	if (lo == 0) {
		if (p == 0 || !is_punct(&A->toks[p - 1], A->toks[p - 1].n - 1, ':'))
			return 0;
		p--;
		end = A->toks[p].n - 1;
	}
	if (end <= 0)
		return 0;
	long start = sentence_start(A, p, end - 1);
	int strength;
	long v = cue_before(A, p, start, end, &strength);
	return v >= 0 && strength == 2 && cue_speaker(A, s, p, v, start, end - 1);
}

/* Find S's speaker (span SI), in order: a cue after it, a cue before it in
 * its sentence (or a name before a colon), the quote before it, the
 * sentence before. */
static void attribute(struct art *A, long si)
{
	struct span *s = &A->sp[si];
	if (s->dead)
		return;
	if (s->close >= 0 && s->ends != '.' && cue_after(A, s)) {
		s->own = s->after = 1;
		return;
	}
	long lo = s->open >= 0 ? sentence_start(A, s->p, s->open - 1) : 0;
	if (s->open >= 0) {
		int strength;
		long v = cue_before(A, s->p, lo, s->open, &strength);
		if (v >= 0 && cue_speaker(A, s, s->p, v, lo, s->open - 1)) {
			s->own = strength == 2 && !term_before(A, s);
			return;
		}
		if (is_punct(&A->toks[s->p], s->open - 1, ':') && colon_speaker(A, s, lo))
			return;
	}
	if (inherit(A, si, lo))
		s->own = s->open == lo; /* a sentence of its own: speech, not a term */
	else
		prev_sentence(A, s, lo);
}

/* Every piece of a multi-passage quote takes the first speaker any piece
 * found, and counts as having a cue. */
static void propagate(struct art *A)
{
	for (long g = 0; g < A->nsp && !*A->rc; g++) {
		if (A->sp[g].group != g || g + 1 >= A->nsp || A->sp[g + 1].group != g)
			continue;
		struct span *from = NULL;
		for (long i = g; i < A->nsp && A->sp[i].group == g && !from; i++)
			if (A->sp[i].speaker)
				from = &A->sp[i];
		for (long i = g; i < A->nsp && A->sp[i].group == g; i++) {
			A->sp[i].own = 1;
			if (from && !A->sp[i].speaker) {
				set_speaker(A, &A->sp[i], from->speaker, strlen(from->speaker), from->kind);
				strcpy(A->sp[i].cue, from->cue);
			}
		}
	}
}

/* Whether span SI is reported: not a nickname or an empty pair; a
 * title-case quote only with a cue right after it ("Yes," Sorokin said);
 * a short one only with a cue of its own. */
static int keep(const struct art *A, long si)
{
	const struct span *s = &A->sp[si];
	if (s->dead || s->nickname || s->words == 0)
		return 0;
	if (s->titlecase && !(s->after && s->ends && s->ends != '.'))
		return 0;
	return s->words >= SHORT_WORDS || s->own;
}

/* ---------------------------------------------------------------- API */

/* Append span S to OUT as a quote.  Sticky on *rc. */
static void emit(struct art *A, long si, struct quote_list *out)
{
	const struct span *s = &A->sp[si];
	const struct toks *t = &A->toks[s->p];
	const char *text = A->in[s->p].text;
	size_t start = s->open >= 0 ? t->t[s->open].end : 0;
	size_t end = s->close >= 0 ? t->t[s->close].start : A->in[s->p].len;
	while (start < end && (text[start] == ' ' || text[start] == '\n'))
		start++;
	while (end > start && (text[end - 1] == ' ' || text[end - 1] == '\n'))
		end--;
	struct quote_list *l = &out[s->p];
	long n = (long)l->n, cap = (long)l->cap;
	if (grow(A->rc, (void **)&l->q, n, &cap, sizeof *l->q))
		return;
	l->cap = (size_t)cap;
	struct quote *q = &l->q[l->n];
	memset(q, 0, sizeof *q);
	q->start = start;
	q->end = end;
	q->speaker = str_dup(A->rc, s->speaker ? s->speaker : "");
	memcpy(q->cue, s->cue, sizeof q->cue);
	q->kind = s->speaker ? s->kind : SPEAKER_NONE;
	q->continued = s->group != si;
	if (!*A->rc)
		l->n++;
}

/* Whether any passage holds a double quotation mark (else there is
 * nothing to do: the common case costs one scan). */
static int any_marks(const struct quote_input *in, size_t n)
{
	static const char *const marks[] = {"\xE2\x80\x9C", "\xE2\x80\x9D",
	                                    "\xE2\x80\x9E", "\xC2\xAB"};
	for (size_t p = 0; p < n; p++) {
		if (memchr(in[p].text, '"', in[p].len))
			return 1;
		for (size_t m = 0; m < sizeof marks / sizeof *marks; m++)
			if (memmem(in[p].text, in[p].len, marks[m], strlen(marks[m])))
				return 1;
	}
	return 0;
}

static void art_free(struct art *A)
{
	for (long p = 0; A->toks && p < A->n; p++)
		free(A->toks[p].t);
	free(A->toks);
	for (long s = 0; s < A->nsp; s++)
		free(A->sp[s].speaker);
	free(A->sp);
	for (long e = 0; e < A->nents; e++)
		free(A->ents[e].name);
	free(A->ents);
	free(A->men);
}

void quotes_find(int *rc, const struct quote_input *in, size_t n,
                 struct quote_list *out)
{
	if (*rc || n == 0 || !any_marks(in, n))
		return;
	struct art A;
	memset(&A, 0, sizeof A);
	A.rc = rc;
	A.in = in;
	A.n = (long)n;
	A.toks = calloc(n, sizeof *A.toks);
	if (!A.toks)
		*rc = DOCKET_NO_MEMORY;
	for (long p = 0; p < A.n && !*rc; p++)
		lex(rc, in[p].text, in[p].len, &A.toks[p]);
	pair_all(&A);
	for (long s = 0; s < A.nsp && !*rc; s++)
		if (!A.sp[s].dead)
			features(&A, &A.sp[s]);
	entities(&A, 0);
	entities(&A, 1);
	for (long s = 0; s < A.nsp && !*rc; s++)
		attribute(&A, s);
	propagate(&A);
	for (long s = 0; s < A.nsp && !*rc; s++)
		if (keep(&A, s))
			emit(&A, s, out);
	art_free(&A);
}

void quote_list_clear(struct quote_list *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->q[i].speaker);
	free(l->q);
	l->q = NULL;
	l->n = l->cap = 0;
}
