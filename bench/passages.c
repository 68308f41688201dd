/* passages.c — the baselines' plain reader of docket's two text shapes;
 * see passages.h.  Used by bench/base-xapian.cc and bench/base-fts5.c only.
 */
#include "passages.h"

#include <ctype.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

struct reader {
	struct bp_passage p;  /* the passage being handed out */
	bp_sink fn;           /* where passages go */
	void *ctx;            /* FN's context */
	char *scratch;        /* one block, whitespace folded */
	char title[512], outlet[256], date[16];
};

/* Copy S[0..N) into DST (size CAP) with whitespace runs folded and trimmed. */
static void fold(char *dst, size_t cap, const char *s, size_t n)
{
	size_t k = 0;
	int space = 0;
	for (size_t i = 0; i < n && k + 1 < cap; i++) {
		if (isspace((unsigned char)s[i])) {
			space = k > 0;
			continue;
		}
		if (space && k + 2 < cap)
			dst[k++] = ' ';
		space = 0;
		dst[k++] = s[i];
	}
	dst[k] = '\0';
}

/* Record "(a.b)" groups of TEXT as sources (TEXT is cut in place). */
static void find_sources(struct bp_passage *p, char *text)
{
	p->nsources = 0;
	char *s = strchr(text, '(');
	while (s && p->nsources < PASSAGE_SOURCES) {
		size_t n = strcspn(s + 1, ") ");
		char *next = s + 1 + n;
		if (*next == ')' && n > 0 && memchr(s + 1, '.', n)) {
			*next++ = '\0';
			p->sources[p->nsources++] = s + 1;
		}
		s = strchr(next, '(');
	}
}

/* Hand TEXT[0..N) to the sink as the next passage. */
static void emit(struct reader *r, const char *text, size_t n)
{
	char *t = strndup(text, n), *src = strndup(text, n);
	if (t && src) {
		r->p.text = t;
		r->p.len = n;
		r->p.ordinal++;
		find_sources(&r->p, src);
		r->fn(r->ctx, &r->p);
	}
	free(t);
	free(src);
}

static int sentence_end(const char *s)
{
	if (s[0] != ' ')
		return 0;
	char c = s[-1];
	if (c == '.' || c == '?' || c == '!' || c == ')')
		return 1;
	return (unsigned char)c == 0x9d && s[-2] == '\x80'; /* after ” */
}

/* One block of body text: cut into passages of at most PASSAGE_WORDS words
 * at sentence ends (a single longer sentence stays whole). */
static void block(struct reader *r, const char *s, size_t n)
{
	fold(r->scratch, n + 1, s, n);
	const char *t = r->scratch, *start = t, *cut = NULL;
	int words = 1;
	if (!*t)
		return;
	for (const char *q = t; *q; q++) {
		if (*q != ' ')
			continue;
		if (++words > PASSAGE_WORDS && cut) {
			emit(r, start, (size_t)(cut - start));
			start = cut + 1;
			words = 1;
			for (const char *w = start; w < q; w++)
				words += *w == ' ';
			cut = NULL;
		}
		if (sentence_end(q))
			cut = q;
	}
	if (*start)
		emit(r, start, strlen(start));
}

static int header_line(const char *s, size_t n)
{
	size_t i = 0;
	while (i < n && islower((unsigned char)s[i]))
		i++;
	return i > 0 && i + 1 < n && s[i] == ':' && s[i + 1] == ' ';
}

static void set_field(struct reader *r, const char *s, size_t n)
{
	const char *v = memchr(s, ':', n) + 2;
	size_t vn = n - (size_t)(v - s);
	if (n > 6 && memcmp(s, "title:", 6) == 0)
		fold(r->title, sizeof r->title, v, vn);
	else if (n > 7 && memcmp(s, "outlet:", 7) == 0)
		fold(r->outlet, sizeof r->outlet, v, vn);
	else if (n > 5 && memcmp(s, "date:", 5) == 0)
		fold(r->date, sizeof r->date, v, vn);
}

static void structured(struct reader *r, const char *s, const char *end)
{
	while (s < end) { /* header lines up to the first blank line */
		const char *nl = memchr(s, '\n', (size_t)(end - s));
		size_t n = nl ? (size_t)(nl - s) : (size_t)(end - s);
		if (n > 0 && !header_line(s, n))
			break; /* no blank line: the body starts here */
		if (n > 0)
			set_field(r, s, n);
		s = nl ? nl + 1 : end;
		if (n == 0)
			break;
	}
	while (s < end) { /* blank-line blocks; "#" lines are headings */
		const char *b = strstr(s, "\n\n");
		const char *e = b && b < end ? b : end;
		while (s < e && isspace((unsigned char)*s))
			s++;
		if (s < e && *s != '#')
			block(r, s, (size_t)(e - s));
		s = e + (e < end ? 2 : 0);
	}
}

static void flattened(struct reader *r, const char *s, const char *end)
{
	const char *nl = memchr(s, '\n', (size_t)(end - s));
	const char *e = nl ? nl : end;
	fold(r->title, sizeof r->title, s, (size_t)(e - s));
	s = nl ? nl + 1 : end;
	nl = memchr(s, '\n', (size_t)(end - s)); /* key points */
	e = nl ? nl : end;
	block(r, s, (size_t)(e - s));
	for (s = e; s < end;) { /* the body, cut at inline "### " headings */
		const char *h = strstr(s + 1, "### ");
		e = h && h < end ? h : end;
		const char *from = strncmp(s, "### ", 4) == 0 ? s + 4 : s;
		block(r, from, (size_t)(e - from));
		s = e;
	}
}

int bp_read_file(const char *path, bp_sink fn, void *ctx)
{
	FILE *f = fopen(path, "rb");
	struct stat st;
	if (!f || fstat(fileno(f), &st) != 0) {
		if (f)
			fclose(f);
		return -1;
	}
	size_t size = (size_t)st.st_size;
	char *data = malloc(size + 1);
	struct reader r = {.fn = fn, .ctx = ctx, .scratch = malloc(size + 2)};
	int ok = data && r.scratch && fread(data, 1, size, f) == size;
	fclose(f);
	if (ok) {
		data[size] = '\0';
		r.p.path = path;
		r.p.title = r.title;
		r.p.outlet = r.outlet;
		r.p.date = r.date;
		if (header_line(data, strcspn(data, "\n")))
			structured(&r, data, data + size);
		else
			flattened(&r, data, data + size);
	}
	free(data);
	free(r.scratch);
	return ok ? 0 : -1;
}

static int is_txt(const char *name)
{
	size_t n = strlen(name);
	return n > 4 && strcmp(name + n - 4, ".txt") == 0;
}

long bp_walk(const char *dir, bp_sink fn, void *ctx)
{
	struct dirent **list;
	int n = scandir(dir, &list, NULL, alphasort);
	long files = 0;
	if (n < 0) {
		fprintf(stderr, "cannot read folder %s\n", dir);
		return -1;
	}
	for (int i = 0; i < n; i++) {
		char path[4096];
		struct stat st;
		const char *name = list[i]->d_name;
		snprintf(path, sizeof path, "%s/%s", dir, name);
		if (name[0] != '.' && stat(path, &st) == 0) {
			if (S_ISDIR(st.st_mode)) {
				long k = bp_walk(path, fn, ctx);
				files += k > 0 ? k : 0;
			} else if (S_ISREG(st.st_mode) && is_txt(name)) {
				files += bp_read_file(path, fn, ctx) == 0;
			}
		}
		free(list[i]);
	}
	free(list);
	return files;
}
