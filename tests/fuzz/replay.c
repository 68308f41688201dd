/* replay.c — a main() for the fuzz targets, so the inputs they once
 * crashed on can be replayed by the ordinary build and under valgrind.
 *
 * Linked with one tests/fuzz/fuzz-NAME.c into $(B)/tests/fuzz/replay-NAME
 * (see tests/fuzz/fuzz.mk); tests/fuzz/t-replay.sh runs it.  Each argument
 * is a file, or a folder whose regular files are replayed in name order.
 * Each input is copied into a buffer of exactly its size, so an overread
 * is caught by ASan as it would be under libFuzzer.  Exits 0 when every
 * input was replayed (a crash ends the process), 2 when one could not be
 * read.
 */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv) __attribute__((weak));

/* Replay the file PATH; returns 0, or -1 when it cannot be read. */
static int replay_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		perror(path);
		return -1;
	}
	size_t cap = 1 << 16, n = 0;
	uint8_t *p = malloc(cap);
	size_t got;
	while (p && (got = fread(p + n, 1, cap - n, f)) > 0) {
		n += got;
		if (n == cap) {
			uint8_t *q = realloc(p, cap *= 2);
			if (!q)
				free(p);
			p = q;
		}
	}
	int bad = ferror(f) || !p;
	fclose(f);
	if (bad) {
		fprintf(stderr, "%s: cannot read\n", path);
		free(p);
		return -1;
	}
	uint8_t *exact = malloc(n ? n : 1); /* ASan sees the true end */
	if (!exact) {
		free(p);
		return -1;
	}
	memcpy(exact, p, n);
	free(p);
	LLVMFuzzerTestOneInput(exact, n);
	free(exact);
	return 0;
}

static int regular_only(const struct dirent *d)
{
	return d->d_name[0] != '.';
}

/* Replay every regular file in DIR in name order. */
static int replay_dir(const char *dir, int *count)
{
	struct dirent **names;
	int n = scandir(dir, &names, regular_only, alphasort);
	if (n < 0) {
		perror(dir);
		return -1;
	}
	int rc = 0;
	for (int i = 0; i < n; i++) {
		char path[4096];
		struct stat st;
		snprintf(path, sizeof path, "%s/%s", dir, names[i]->d_name);
		if (stat(path, &st) == 0 && S_ISREG(st.st_mode)) {
			rc |= replay_file(path);
			++*count;
		}
		free(names[i]);
	}
	free(names);
	return rc;
}

int main(int argc, char **argv)
{
	if (LLVMFuzzerInitialize)
		LLVMFuzzerInitialize(&argc, &argv);
	int rc = 0, count = 0;
	for (int i = 1; i < argc; i++) {
		struct stat st;
		if (stat(argv[i], &st) == 0 && S_ISDIR(st.st_mode)) {
			rc |= replay_dir(argv[i], &count);
		} else {
			rc |= replay_file(argv[i]);
			count++;
		}
	}
	fprintf(stderr, "replayed %d input(s)\n", count);
	return rc ? 2 : 0;
}
