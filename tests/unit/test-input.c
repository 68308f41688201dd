/* test-input.c — input_read(): gunzip (good, truncated, corrupt, bomb),
 * binary refusal, empty files, NUL bytes mid-text, format sniffing; and
 * input_parse() dispatch.  Fixtures are written to a mkdtemp() folder. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>
#include <zlib.h>

#include "../../indexer/input.h"
#include "../../docket.h"

#define MAX (1 << 20)

static char dir[64];

static const char *fixture(const char *name, const void *data, size_t n)
{
	static char path[128];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(data, 1, n, f), n);
	fclose(f);
	return path;
}

/* Write DATA gzipped to NAME; returns the compressed size. */
static size_t gz_fixture(const char *name, const void *data, size_t n,
                         unsigned char **out)
{
	z_stream z;
	memset(&z, 0, sizeof z);
	assert_int_equal(deflateInit2(&z, 9, Z_DEFLATED, 16 + MAX_WBITS, 8,
	                              Z_DEFAULT_STRATEGY),
	                 Z_OK);
	size_t cap = deflateBound(&z, n);
	*out = malloc(cap);
	z.next_in = (Bytef *)data;
	z.avail_in = (uInt)n;
	z.next_out = *out;
	z.avail_out = (uInt)cap;
	assert_int_equal(deflate(&z, Z_FINISH), Z_STREAM_END);
	size_t len = cap - z.avail_out;
	deflateEnd(&z);
	fixture(name, *out, len);
	return len;
}

static int read_it(const char *path, size_t max, struct input *in, char *why)
{
	memset(in, 0, sizeof *in);
	return input_read(path, max, in, why, 128);
}

static void gzip_ok(void **state)
{
	const char *text = "<html><body><p>Gzipped page</p></body></html>";
	unsigned char *z;
	gz_fixture("page.html.gz", text, strlen(text), &z);
	free(z);
	struct input in;
	char why[128];
	char path[128];
	snprintf(path, sizeof path, "%s/page.html.gz", dir);
	assert_int_equal(read_it(path, MAX, &in, why), 0);
	assert_int_equal(in.format, FMT_HTML);
	assert_string_equal(in.data.p, text);
	input_clear(&in);
}

static void gzip_truncated_and_corrupt(void **state)
{
	char text[4096];
	for (size_t i = 0; i < sizeof text; i++)
		text[i] = "abcdefgh ijk\n"[i % 13] + (i % 7 == 0);
	unsigned char *z;
	size_t n = gz_fixture("t.txt.gz", text, sizeof text, &z);
	struct input in;
	char why[128];
	const char *p = fixture("trunc.txt.gz", z, n / 2);
	assert_int_equal(read_it(p, MAX, &in, why), DOCKET_BAD_INPUT);
	assert_string_equal(why, "truncated gzip");
	p = fixture("short.gz", z, 5);
	assert_int_equal(read_it(p, MAX, &in, why), DOCKET_BAD_INPUT);
	assert_string_equal(why, "truncated gzip");
	z[n / 2] ^= 0xff;
	z[n / 2 + 1] ^= 0x55;
	z[n - 6] ^= 0xff; /* the CRC, in case the data still inflates */
	p = fixture("corrupt.txt.gz", z, n);
	assert_int_equal(read_it(p, MAX, &in, why), DOCKET_BAD_INPUT);
	assert_true(strncmp(why, "corrupt gzip: ", 14) == 0);
	p = fixture("notgz.gz", "plain text, not gzip", 20);
	assert_int_equal(read_it(p, MAX, &in, why), DOCKET_BAD_INPUT);
	assert_true(strncmp(why, "corrupt gzip: ", 14) == 0);
	free(z);
}

static void gzip_bomb_capped(void **state)
{
	size_t n = 8 << 20; /* 8 MiB of spaces, compressed to a few KiB */
	char *big = malloc(n);
	memset(big, ' ', n);
	unsigned char *z;
	size_t zn = gz_fixture("bomb.txt.gz", big, n, &z);
	assert_true(zn < 64 * 1024);
	free(z);
	free(big);
	struct input in;
	char why[128];
	char path[128];
	snprintf(path, sizeof path, "%s/bomb.txt.gz", dir);
	assert_int_equal(read_it(path, MAX, &in, why), DOCKET_BAD_INPUT);
	assert_string_equal(why, "decompresses past 1048576 bytes (--max-size)");
	/* a plain file over the cap */
	char *plain = calloc(1, MAX + 2);
	memset(plain, 'a', MAX + 1);
	const char *p = fixture("big.txt", plain, MAX + 1);
	assert_int_equal(read_it(p, MAX, &in, why), DOCKET_BAD_INPUT);
	assert_string_equal(why, "larger than 1048576 bytes (--max-size)");
	assert_int_equal(read_it(p, MAX + 1, &in, why), 0);
	assert_int_equal(in.data.n, MAX + 1);
	input_clear(&in);
	free(plain);
}

static void binary_rejected(void **state)
{
	static const unsigned char png[] = {0x89, 'P', 'N', 'G', '\r', '\n',
	                                    0x1a, '\n', 'I', 'H', 'D', 'R'};
	static const unsigned char elf[] = {0x7f, 'E', 'L', 'F', 2, 1, 1, 0,
	                                    0, 0, 0, 0};
	unsigned char rnd[4096];
	srand(7);
	for (size_t i = 0; i < sizeof rnd; i++)
		rnd[i] = (unsigned char)(rand() >> 7);
	struct {
		const char *name;
		const void *data;
		size_t n;
	} cases[] = {{"image.txt", png, sizeof png},
	             {"prog.html", elf, sizeof elf},
	             {"random.json", rnd, sizeof rnd},
	             {"random.dat", rnd, sizeof rnd}};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		struct input in;
		char why[128];
		const char *p = fixture(cases[i].name, cases[i].data, cases[i].n);
		assert_int_equal(read_it(p, MAX, &in, why), DOCKET_BAD_INPUT);
		assert_string_equal(why, "binary file");
	}
}

static void empty_rejected(void **state)
{
	struct input in;
	char why[128];
	const char *p = fixture("empty.txt", "", 0);
	assert_int_equal(read_it(p, MAX, &in, why), DOCKET_BAD_INPUT);
	assert_string_equal(why, "empty file");
	char path[128];
	snprintf(path, sizeof path, "%s/missing.txt", dir);
	assert_int_equal(read_it(path, MAX, &in, why), DOCKET_IO_ERROR);
	assert_string_equal(why, "No such file or directory");
}

static void nul_mid_text_kept(void **state)
{
	/* 0x81: invalid UTF-8 that no windows-1252 text holds (charset.c) */
	static const char text[] = "A court filing\0with a NUL\r\nand \x81.\n";
	struct input in;
	char why[128];
	const char *p = fixture("nul.txt", text, sizeof text - 1);
	assert_int_equal(read_it(p, MAX, &in, why), 0);
	assert_int_equal(in.format, FMT_TEXT);
	assert_int_equal(in.replaced, 2);
	assert_string_equal(in.data.p, "A court filing with a NUL\nand "
	                               "\xef\xbf\xbd.\n");
	input_clear(&in);
}

static void latin1_text_converted(void **state)
{
	static const char text[] = "Caf\xe9 owners sued; \x93na\xefve\x94 bid.\n";
	struct input in;
	char why[128];
	const char *p = fixture("latin.txt", text, sizeof text - 1);
	assert_int_equal(read_it(p, MAX, &in, why), 0);
	assert_int_equal(in.replaced, 0);
	assert_string_equal(in.data.p, "Café owners sued; “naïve” bid.\n");
	assert_string_equal(in.converted, "converted from WINDOWS-1252 (not valid UTF-8)");
	input_clear(&in);
}

static void utf16_bom_is_text(void **state)
{
	static const char text[] = "\xff\xfeO\0k\0 \0\xe9\0\n\0";
	struct input in;
	char why[128];
	const char *p = fixture("u16.txt", text, sizeof text - 1);
	assert_int_equal(read_it(p, MAX, &in, why), 0);
	assert_string_equal(in.data.p, "Ok é\n");
	assert_string_equal(in.converted, "converted from UTF-16LE (byte-order mark)");
	input_clear(&in);
}

static void sniffing(void **state)
{
	struct {
		const char *name, *text;
		enum input_format fmt;
	} cases[] = {
		{"a.dat", "\xef\xbb\xbf  \n<!DOCTYPE HTML><p>x</p>", FMT_HTML},
		{"b", "<HTML><body>x</body>", FMT_HTML},
		{"c.out", " {\"title\":\"t\"}", FMT_JSON},
		{"d.log", "[1]", FMT_JSON},
		{"e.nfo", "Plain words\nhere.\n", FMT_TEXT},
		{"f.MD", "# Head\n", FMT_MARKDOWN},
		{"g.JSONL", "x", FMT_JSON},
		{"h.htm.gz", NULL, FMT_HTML},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		struct input in;
		char why[128];
		char path[128];
		snprintf(path, sizeof path, "%s/%s", dir, cases[i].name);
		if (cases[i].text) {
			fixture(cases[i].name, cases[i].text, strlen(cases[i].text));
		} else {
			unsigned char *z;
			gz_fixture(cases[i].name, "hello", 5, &z);
			free(z);
		}
		assert_int_equal(read_it(path, MAX, &in, why), 0);
		assert_int_equal(in.format, cases[i].fmt);
		input_clear(&in);
	}
}

static int count_sink(void *ctx, struct article *a)
{
	(*(int *)ctx)++;
	return 0;
}

static void parse_dispatch(void **state)
{
	struct input in;
	char why[128];
	int n = 0;
	struct parse_ctx p = {"x", "x", count_sink, NULL, &n};
	const char *path = fixture("r.jsonl", "{\"title\":\"a\"}\n"
	                                      "{\"title\":\"b\"}\n", 28);
	assert_int_equal(read_it(path, MAX, &in, why), 0);
	assert_int_equal(input_parse(&in, &p), 0);
	assert_int_equal(n, 2);
	input_clear(&in);
	in.format = FMT_UNKNOWN;
	assert_int_equal(input_parse(&in, &p), DOCKET_BAD_INPUT);
}

static int setup(void **state)
{
	snprintf(dir, sizeof dir, "/tmp/test-input-XXXXXX");
	return mkdtemp(dir) ? 0 : -1;
}

static int teardown(void **state)
{
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	return system(cmd) == 0 ? 0 : -1;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(gzip_ok),
		cmocka_unit_test(gzip_truncated_and_corrupt),
		cmocka_unit_test(gzip_bomb_capped),
		cmocka_unit_test(binary_rejected),
		cmocka_unit_test(empty_rejected),
		cmocka_unit_test(nul_mid_text_kept),
		cmocka_unit_test(latin1_text_converted),
		cmocka_unit_test(utf16_bom_is_text),
		cmocka_unit_test(sniffing),
		cmocka_unit_test(parse_dispatch),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
