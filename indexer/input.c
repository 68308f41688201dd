/* input.c — from a path to parseable text (see input.h).
 *
 * Owns everything between the file system and the parsers: reading (with
 * gunzip), the size cap, the format (by name, else by sniffing), refusing
 * binary files, and UTF-8 repair.  Called by the indexer for each walked
 * file, and by the tests.
 *
 * gzip: a file is gunzipped when its name ends in ".gz" or its first bytes
 * are the gzip magic 1f 8b; its format then comes from the name without
 * ".gz".  zlib's inflate runs over read(2) chunks, so a truncated stream
 * ("truncated gzip"), a damaged one ("corrupt gzip: <zlib's message>") and
 * a bomb ("decompresses past N bytes", checked as the output grows) are
 * each told apart.  Concatenated gzip members are read in turn.
 *
 * Binary: a file is refused as "binary file" when it starts with a known
 * binary signature (PNG, ELF, JPEG, GIF, PDF, zip, xz, 7z, SQLite, gzip
 * inside gzip) or
 * when more than 30% of its first 8 KiB are NULs, control characters other
 * than tab/LF/CR/FF/VT/ESC, or bytes of invalid UTF-8.  A stray NUL in a
 * text file does not make it binary: utf8_sanitize() turns it into a space
 * and in->replaced counts it (the caller warns).
 *
 * Charsets (charset.c): a file with a UTF-16/32 byte-order mark is
 * converted before the binary test (its NULs are text); any other file
 * passes the binary test first, then is converted when its charset is not
 * UTF-8 (an HTML page's declared one, or windows-1252 for bytes that are
 * mostly not UTF-8).  in->converted says so, for `docket index -v`.
 *
 * Sniffing (unknown extension): after whitespace and a BOM, "<!doctype
 * html", "<html", "<head" or "<body" (any case) is HTML; '{' or '[' is
 * JSON; anything else that passed the binary test is text.
 */
#include "input.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include <xxhash.h>
#include <zlib.h>

#include "../docket.h"
#include "../common/utf8.h"
#include "charset.h"

#define SNIFF_SIZE 8192
#define CHUNK (64 * 1024)
#define BINARY_PERCENT 30

struct reader {
	int fd;
	size_t max;  /* content cap */
	int over;    /* the content went past it */
	char *why;   /* the reason, on failure */
	size_t whylen;
};

static int fail(struct reader *r, int status, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static int fail(struct reader *r, int status, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	if (r->whylen)
		vsnprintf(r->why, r->whylen, fmt, ap);
	va_end(ap);
	return status;
}

/* read(2) that retries on EINTR; returns bytes read, 0 at EOF, -1. */
static ssize_t read_some(int fd, void *p, size_t n)
{
	ssize_t got;
	do
		got = read(fd, p, n);
	while (got < 0 && errno == EINTR);
	return got;
}

/* Read the rest of the file onto OUT (which holds the first HAVE bytes
 * already), failing past R->max. */
static int read_plain(struct reader *r, buf *out)
{
	int rc = 0;
	for (;;) {
		buf_reserve(&rc, out, CHUNK);
		if (rc)
			return fail(r, rc, "out of memory");
		ssize_t got = read_some(r->fd, out->p + out->n, CHUNK);
		if (got < 0)
			return fail(r, DOCKET_IO_ERROR, "%s", strerror(errno));
		if (got == 0)
			break;
		out->n += (size_t)got;
		out->p[out->n] = '\0';
		if (out->n > r->max && (r->over = 1))
			return fail(r, DOCKET_BAD_INPUT, "larger than %zu bytes (--max-size)",
			            r->max);
	}
	return 0;
}

/* Inflate Z's input onto OUT until the input is used up and no output is
 * pending.  Returns 0 (more input wanted), 1 (a member ended), or a
 * status. */
static int inflate_some(struct reader *r, z_stream *z, buf *out)
{
	int rc = 0;
	do {
		buf_reserve(&rc, out, CHUNK);
		if (rc)
			return fail(r, rc, "out of memory");
		z->next_out = (Bytef *)out->p + out->n;
		z->avail_out = CHUNK;
		int zr = inflate(z, Z_NO_FLUSH);
		out->n += CHUNK - z->avail_out;
		out->p[out->n] = '\0';
		if (out->n > r->max && (r->over = 1))
			return fail(r, DOCKET_BAD_INPUT, "decompresses past %zu bytes (--max-size)",
			            r->max);
		if (zr == Z_STREAM_END)
			return 1;
		if (zr == Z_NEED_DICT || zr == Z_DATA_ERROR || zr == Z_STREAM_ERROR)
			return fail(r, DOCKET_BAD_INPUT, "corrupt gzip: %s",
			            z->msg ? z->msg : "bad data");
		if (zr == Z_MEM_ERROR)
			return fail(r, DOCKET_NO_MEMORY, "out of memory");
		if (zr == Z_BUF_ERROR)
			return 0; /* no progress possible without more input */
	} while (z->avail_in > 0 || z->avail_out == 0);
	return 0;
}

/* Gunzip the file, whose first HAVE (<= CHUNK) bytes are in HEAD, onto
 * OUT.  Trailing bytes after the last member that do not start another
 * member are ignored, as gzip(1) does. */
static int read_gzip(struct reader *r, const char *head, size_t have,
                     buf *out)
{
	z_stream z;
	memset(&z, 0, sizeof z);
	unsigned char *in = malloc(CHUNK);
	if (!in || inflateInit2(&z, 16 + MAX_WBITS) != Z_OK) {
		free(in);
		return fail(r, DOCKET_NO_MEMORY, "out of memory");
	}
	memcpy(in, head, have);
	z.next_in = in;
	z.avail_in = (uInt)have;
	int st = 0, ended = 0;
	for (;;) {
		if (z.avail_in == 0) {
			ssize_t got = read_some(r->fd, in, CHUNK);
			if (got < 0)
				st = fail(r, DOCKET_IO_ERROR, "%s", strerror(errno));
			if (got <= 0)
				break;
			z.next_in = in;
			z.avail_in = (uInt)got;
		}
		if (ended) {
			if (z.next_in[0] != 0x1f)
				break;
			inflateReset(&z);
			ended = 0;
		}
		st = inflate_some(r, &z, out);
		if (st == 1)
			ended = 1, st = 0;
		else if (st)
			break;
	}
	inflateEnd(&z);
	free(in);
	if (!st && !ended)
		st = fail(r, DOCKET_BAD_INPUT, "truncated gzip");
	return st;
}

/* ------------------------------------------------------------ sniffing */

static int has_suffix(const char *s, size_t n, const char *suffix)
{
	size_t k = strlen(suffix);
	return n >= k && strncasecmp(s + n - k, suffix, k) == 0;
}

/* The format named by PATH's extension (ignoring a ".gz"). */
static enum input_format format_by_name(const char *path)
{
	static const struct {
		const char *ext;
		enum input_format fmt;
	} table[] = {
		{".txt", FMT_TEXT},      {".text", FMT_TEXT},
		{".md", FMT_MARKDOWN},   {".markdown", FMT_MARKDOWN},
		{".html", FMT_HTML},     {".htm", FMT_HTML},
		{".xhtml", FMT_HTML},    {".json", FMT_JSON},
		{".jsonl", FMT_JSON},    {".ndjson", FMT_JSON},
	};
	const char *base = strrchr(path, '/');
	base = base ? base + 1 : path;
	size_t n = strlen(base);
	if (has_suffix(base, n, ".gz"))
		n -= 3;
	for (size_t i = 0; i < sizeof table / sizeof *table; i++)
		if (has_suffix(base, n, table[i].ext) && n > strlen(table[i].ext))
			return table[i].fmt;
	return FMT_UNKNOWN;
}

static int starts_with(const char *s, size_t n, const char *prefix)
{
	size_t k = strlen(prefix);
	return n >= k && memcmp(s, prefix, k) == 0;
}

/* Whether S starts with the signature of a known binary format. */
static int binary_magic(const char *s, size_t n)
{
	static const char *const magic[] = {
		"\x89PNG",  "\x7f" "ELF", "\xff\xd8\xff", "GIF87a", "GIF89a",
		"%PDF-",    "PK\x03\x04", "\x1f\x8b",     "\xfd" "7zXZ",
		"7z\xbc\xaf\x27\x1c", "SQLite format 3", NULL};
	for (const char *const *m = magic; *m; m++) {
		size_t k = strlen(*m);
		if (n >= k && memcmp(s, *m, k) == 0)
			return 1;
	}
	return 0;
}

/* Whether the sample S[0..N) looks binary (see the top of the file). */
static int looks_binary(const char *s, size_t n)
{
	if (binary_magic(s, n))
		return 1;
	size_t bad = 0;
	for (size_t i = 0; i < n;) {
		unsigned char c = (unsigned char)s[i];
		size_t len = 1;
		if (c >= 0x80) {
			if (utf8_decode(s + i, n - i, &len) < 0 && n - i >= 4)
				bad++; /* a cut sequence at the very end is fine */
		} else if (c == 0 || c == 0x7f ||
		           (c < 0x20 && !strchr("\t\n\r\f\v\x1b", c))) {
			bad++;
		}
		i += len;
	}
	return bad * 100 > n * BINARY_PERCENT;
}

/* The format of the sample S[0..N) by its first bytes. */
static enum input_format sniff(const char *s, size_t n)
{
	static const char *const html[] = {"<!doctype html", "<html", "<head",
	                                   "<body", NULL};
	if (starts_with(s, n, "\xef\xbb\xbf"))
		s += 3, n -= 3;
	while (n && strchr(" \t\r\n\f\v", *s) && *s)
		s++, n--;
	for (const char *const *h = html; *h; h++) {
		size_t k = strlen(*h);
		if (n >= k && strncasecmp(s, *h, k) == 0)
			return FMT_HTML;
	}
	if (n && (*s == '{' || *s == '['))
		return FMT_JSON;
	return FMT_TEXT;
}

/* -------------------------------------------------------------- public */

/* Open PATH for reading, refusing what is not a regular file. */
static int open_regular(struct reader *r, const char *path)
{
	r->fd = open(path, O_RDONLY | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);
	if (r->fd < 0)
		return fail(r, DOCKET_IO_ERROR, "%s", strerror(errno));
	struct stat st;
	if (fstat(r->fd, &st) != 0)
		return fail(r, DOCKET_IO_ERROR, "%s", strerror(errno));
	if (!S_ISREG(st.st_mode))
		return fail(r, DOCKET_BAD_INPUT, "not a regular file");
	if (st.st_size == 0)
		return fail(r, DOCKET_BAD_INPUT, "empty file");
	if (!has_suffix(path, strlen(path), ".gz") &&
	    (unsigned long long)st.st_size > r->max && (r->over = 1))
		return fail(r, DOCKET_BAD_INPUT, "larger than %zu bytes (--max-size)", r->max);
	return 0;
}

/* Read the whole content (gunzipped if need be) onto RAW. */
static int read_content(struct reader *r, const char *path, buf *raw)
{
	char head[16];
	ssize_t have = read_some(r->fd, head, sizeof head);
	if (have < 0)
		return fail(r, DOCKET_IO_ERROR, "%s", strerror(errno));
	int gz = has_suffix(path, strlen(path), ".gz") ||
	         (have >= 2 && (unsigned char)head[0] == 0x1f &&
	          (unsigned char)head[1] == 0x8b);
	if (gz)
		return read_gzip(r, head, (size_t)have, raw);
	int rc = 0;
	buf_append(&rc, raw, head, (size_t)have);
	if (rc)
		return fail(r, rc, "out of memory");
	if ((size_t)have > r->max && (r->over = 1))
		return fail(r, DOCKET_BAD_INPUT, "larger than %zu bytes (--max-size)", r->max);
	return read_plain(r, raw);
}

/* Whether S[0..N) passes utf8_sanitize() unchanged. */
static int clean_utf8(const char *s, size_t n)
{
	if (starts_with(s, n, "\xef\xbb\xbf"))
		return 0;
	for (size_t i = 0; i < n;) {
		unsigned char c = (unsigned char)s[i];
		size_t len = 1;
		if (c == '\0' || c == '\r')
			return 0;
		if (c >= 0x80 && utf8_decode(s + i, n - i, &len) < 0)
			return 0;
		i += len;
	}
	return 1;
}

/* Convert RAW in place to UTF-8 from CS's charset, saying so in IN.
 * Returns 0 or DOCKET_NO_MEMORY; a charset iconv does not know leaves RAW
 * as it is (read as UTF-8) and says that instead. */
static int convert(buf *raw, const struct charset *cs, struct input *in)
{
	buf out = BUF_INIT;
	int rc = charset_convert(cs->name, raw->p + cs->skip, raw->n - cs->skip, &out);
	if (rc == DOCKET_UNSUPPORTED) {
		snprintf(in->converted, sizeof in->converted,
		         "unknown charset %.40s %s; read as UTF-8", cs->name, cs->why);
		return 0;
	}
	if (!rc) {
		snprintf(in->converted, sizeof in->converted,
		         "converted from %.40s (%s)", cs->name, cs->why);
		buf_free(raw);
		*raw = out; /* now RAW's */
		if (!raw->p)
			buf_puts(&rc, raw, "");
		return rc;
	}
	buf_free(&out);
	return rc;
}

/* Whether RAW (read from PATH) is an HTML page, by name or by sniffing. */
static int is_html(const char *path, const buf *raw)
{
	enum input_format f = format_by_name(path);
	if (f == FMT_UNKNOWN)
		f = sniff(raw->p, raw->n < SNIFF_SIZE ? raw->n : SNIFF_SIZE);
	return f == FMT_HTML;
}

/* Read PATH's bytes onto RAW, refuse binary ones, and convert them to
 * UTF-8 when their charset is another (see the top of the file). */
static int read_text(struct reader *r, const char *path, buf *raw,
                     struct input *in)
{
	struct charset cs = {"", 0, ""};
	int rc = open_regular(r, path);
	if (!rc)
		rc = read_content(r, path, raw);
	if (r->fd >= 0)
		close(r->fd);
	if (!rc && raw->n == 0)
		rc = fail(r, DOCKET_BAD_INPUT, "empty file");
	if (!rc)
		charset_detect(raw->p, raw->n, is_html(path, raw), &cs);
	if (!rc && cs.skip && convert(raw, &cs, in))
		rc = fail(r, DOCKET_NO_MEMORY, "out of memory");
	if (!rc && looks_binary(raw->p, raw->n < SNIFF_SIZE ? raw->n : SNIFF_SIZE))
		rc = fail(r, DOCKET_BAD_INPUT, "binary file");
	if (!rc && !cs.skip && cs.name[0] && convert(raw, &cs, in))
		rc = fail(r, DOCKET_NO_MEMORY, "out of memory");
	return rc;
}

/* ------------------------------------------------------------ streaming */

int input_streams(const char *path)
{
	return format_by_name(path) == FMT_JSON;
}

/* A JSON file held whole costs about 16 times its size (jansson's tree,
 * then the file's records in one transaction: an 8.9 MB, 5k-record export
 * peaked at 147 MB), so past this it is read record by record even under
 * --max-size: 48 MB, and no slower (6.7 and 7.6 s whole, 6.4 streamed). */
#define JSON_HOLD_MAX ((size_t)4 << 20)

/* Why GZ failed, as a reason; "" when it did not. */
static const char *gz_why(gzFile gz)
{
	int err = Z_OK;
	const char *msg = gzerror(gz, &err);
	if (err == Z_OK || err == Z_STREAM_END)
		return "";
	if (err == Z_BUF_ERROR)
		return "truncated gzip";
	return err == Z_ERRNO ? strerror(errno) : msg;
}

/* A JSON file past the cap: read it once through zlib (which reads plain
 * files as they are), refusing a binary one and hashing its bytes (the hex
 * form of content_hash) into IN, which then says it is to be streamed.
 * Returns 0 or a status with the reason. */
static int stream_probe(struct reader *r, const char *path, struct input *in)
{
	gzFile gz = gzopen(path, "rb");
	char *chunk = malloc(CHUNK);
	XXH3_state_t *h = XXH3_createState();
	int rc = !gz || !chunk || !h ? fail(r, gz ? DOCKET_NO_MEMORY : DOCKET_IO_ERROR, "%s",
	                                    gz ? "out of memory" : strerror(errno)) : 0;
	if (!rc)
		XXH3_128bits_reset(h);
	for (int got, first = 1; !rc && (got = gzread(gz, chunk, CHUNK)) > 0; first = 0) {
		if (first && looks_binary(chunk, got < SNIFF_SIZE ? (size_t)got : SNIFF_SIZE))
			rc = fail(r, DOCKET_BAD_INPUT, "binary file");
		XXH3_128bits_update(h, chunk, (size_t)got);
	}
	if (!rc && *gz_why(gz))
		rc = fail(r, DOCKET_BAD_INPUT, "%s", gz_why(gz));
	if (!rc) {
		XXH128_hash_t d = XXH3_128bits_digest(h);
		snprintf(in->hash, sizeof in->hash, "%016llx%016llx",
		         (unsigned long long)d.high64, (unsigned long long)d.low64);
		in->format = FMT_JSON;
		in->stream = 1;
		snprintf(in->converted, sizeof in->converted, "read record by record "
		         "(over %s%zu bytes)", r->max == JSON_HOLD_MAX ? "" : "--max-size ",
		         r->max);
	}
	if (gz)
		gzclose(gz);
	free(chunk);
	XXH3_freeState(h);
	return rc;
}

/* json_read_fn over a gzFile. */
static long gz_source(void *src, char *p, size_t n)
{
	int got = gzread(src, p, (unsigned)n);
	return got < 0 || *gz_why(src) ? -1 : got;
}

/* Parse the JSON file P->path record by record (see stream_probe). */
static int parse_stream(const struct parse_ctx *p)
{
	gzFile gz = gzopen(p->path, "rb");
	if (!gz) {
		article_warn(p, strerror(errno));
		return DOCKET_IO_ERROR;
	}
	gzbuffer(gz, CHUNK);
	int rc = parse_json_stream(gz_source, gz, p);
	if (rc == DOCKET_IO_ERROR)
		article_warn(p, gz_why(gz));
	gzclose(gz);
	return rc;
}

/* -------------------------------------------------------------- public */

int input_read(const char *path, size_t max_size, struct input *in,
               char *why, size_t whylen)
{
	int json = input_streams(path);
	struct reader r = {-1, json && max_size > JSON_HOLD_MAX ? JSON_HOLD_MAX : max_size,
	                   0, why, whylen};
	buf raw = BUF_INIT;
	if (whylen)
		why[0] = '\0';
	in->converted[0] = '\0';
	in->stream = 0;
	int rc = read_text(&r, path, &raw, in);
	if (rc && r.over && json) { /* too big to hold: stream it */
		buf_free(&raw);
		return stream_probe(&r, path, in);
	}
	if (rc) {
		buf_free(&raw);
		return rc;
	}
	in->format = format_by_name(path);
	if (in->format == FMT_UNKNOWN)
		in->format = sniff(raw.p, raw.n < SNIFF_SIZE ? raw.n : SNIFF_SIZE);
	in->replaced = 0;
	if (clean_utf8(raw.p, raw.n)) {
		in->data = raw; /* the common case: no copy */
		return 0;
	}
	buf_reset(&in->data);
	in->replaced = utf8_sanitize(&rc, &in->data, raw.p, raw.n);
	buf_free(&raw);
	if (!rc && !in->data.p)
		buf_puts(&rc, &in->data, "");
	return rc ? fail(&r, rc, "out of memory") : 0;
}

int input_parse(const struct input *in, const struct parse_ctx *p)
{
	const char *s = in->data.p ? in->data.p : "";
	if (in->stream)
		return parse_stream(p);
	switch (in->format) {
	case FMT_TEXT:
	case FMT_MARKDOWN:
		return parse_text(s, in->data.n, p);
	case FMT_HTML:
		return parse_html(s, in->data.n, p);
	case FMT_JSON:
		return parse_json(s, in->data.n, p);
	default:
		if (p->warn)
			p->warn(p->ctx, "unknown format");
		return DOCKET_BAD_INPUT;
	}
}

void input_clear(struct input *in)
{
	buf_free(&in->data);
	in->format = FMT_UNKNOWN;
	in->replaced = 0;
	in->converted[0] = '\0';
	in->stream = 0;
}
