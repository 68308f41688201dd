/* fuzz-stub.c — libFuzzer target for the stub parsers: stub_check()
 * (engine/stub.c: what a stub may make docket do, followed through the
 * stubs it names) and layout_read_stub() (engine/layout.c: docket's own
 * shard list).  The input is split at the first NUL byte into two files in
 * a private folder: XAPIANDB (the folder's stub) and "b" (a second stub),
 * so that lines naming "b", ".", "XAPIANDB" or the folder itself make the
 * cycles and chains the walker must catch.  Byte 0's low bit sets
 * DOCKET_ALLOW_PROGRAMS=1.
 *
 * Invariants: nothing crashes or hangs (a cycle is an error, never a
 * recursion to the stack's end); a refusal has a message; a stub may run a
 * program only with the opt-in, only named as a file (never as a folder);
 * layout_read_stub accepts only what layout would write itself: its
 * shards, rendered back "auto shard-K[.G]\n", are the file byte for byte
 * (else docket and Xapian could read one stub as two different lists). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../../engine/index.h"
#include "../../engine/layout.h"
#include "../../engine/stub.h"

static char dir[64]; /* the private folder, made once */

/* Write N bytes of P to DIR/NAME. */
static void put(const char *name, const uint8_t *p, size_t n)
{
	char path[128];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	FILE *f = fopen(path, "wb");
	if (!f)
		__builtin_trap();
	if (n && fwrite(p, 1, n, f) != n)
		__builtin_trap();
	fclose(f);
}

/* Does layout_read_stub's answer for DIR render back to A[0..N)? */
static void check_layout(const uint8_t *a, size_t n)
{
	docket_index idx;
	unsigned gens[SHARDS_MAX];
	memset(&idx, 0, sizeof idx);
	idx.path = dir;
	unsigned k = layout_read_stub(&idx, gens);
	if (k > SHARDS_MAX)
		__builtin_trap();
	if (k == 0)
		return;
	char *again = malloc((size_t)k * 32 + 1), name[64];
	size_t len = 0;
	for (unsigned i = 0; i < k; i++) {
		layout_shard_name(i, gens[i], name, sizeof name);
		len += (size_t)sprintf(again + len, "auto %s\n", name);
	}
	if (len != n || memcmp(again, a, n))
		__builtin_trap();
	free(again);
}

/* Check path P (a folder when FOLDER) with the opt-in ALLOWED. */
static void check_stub(const char *p, int folder, int allowed)
{
	struct docket_error err = {0, ""};
	int programs = -1;
	int rc = stub_check(p, &programs, &err);
	if (programs != 0 && programs != 1)
		__builtin_trap();
	if (rc && (!err.msg[0] || programs))
		__builtin_trap(); /* refused without a word, or refused yet runs */
	if (programs && (!allowed || folder))
		__builtin_trap(); /* the security boundary */
	if (memchr(err.msg, '\0', sizeof err.msg) == NULL)
		__builtin_trap();
}

/* Remove the private folder and its two files (atexit). */
static void cleanup(void)
{
	char path[128];
	snprintf(path, sizeof path, "%s/XAPIANDB", dir);
	unlink(path);
	snprintf(path, sizeof path, "%s/b", dir);
	unlink(path);
	rmdir(dir);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc, (void)argv;
	snprintf(dir, sizeof dir, "/tmp/fuzz-stub.XXXXXX");
	if (!mkdtemp(dir))
		abort();
	atexit(cleanup);
	return 0;
}

/* Set or unset the opt-in, only when it changes (glibc keeps every string
 * setenv was given: toggling it per input grew the fuzzer to 400 MB). */
static void opt_in(int allowed)
{
	static int now = -1;
	if (allowed == now)
		return;
	now = allowed;
	if (allowed)
		setenv(ALLOW_PROGRAMS_ENV, "1", 1);
	else
		unsetenv(ALLOW_PROGRAMS_ENV);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!dir[0])
		LLVMFuzzerInitialize(NULL, NULL);
	const uint8_t *nul = memchr(data, 0, size);
	size_t na = nul ? (size_t)(nul - data) : size;
	int allowed = size && (data[0] & 1);
	put("XAPIANDB", data, na);
	put("b", nul ? nul + 1 : data, nul ? size - na - 1 : 0);
	opt_in(allowed);
	char b[128], stub[128];
	snprintf(b, sizeof b, "%s/b", dir);
	snprintf(stub, sizeof stub, "%s/XAPIANDB", dir);
	check_stub(dir, 1, allowed);
	check_stub(stub, 0, allowed);
	check_stub(b, 0, allowed);
	check_layout(data, na);
	return 0;
}
