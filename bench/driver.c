/* driver.c — the query drivers' shared helpers; see driver.h. */
#include "driver.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

int read_queries(const char *file, struct query_line **out, size_t *n)
{
	FILE *f = fopen(file, "r");
	char line[4096];
	size_t cap = 0;
	*out = NULL;
	*n = 0;
	if (!f) {
		perror(file);
		return -1;
	}
	while (fgets(line, sizeof line, f)) {
		line[strcspn(line, "\r\n")] = '\0';
		char *tab = strchr(line, '\t');
		if (line[0] == '#' || !tab)
			continue;
		if (*n == cap) {
			cap = cap ? 2 * cap : 64;
			struct query_line *bigger = realloc(*out, cap * sizeof **out);
			if (!bigger)
				break;
			*out = bigger;
		}
		*tab = '\0';
		snprintf((*out)[*n].cls, sizeof (*out)[*n].cls, "%.31s", line);
		(*out)[*n].text = strdup(tab + 1);
		if (!(*out)[*n].text)
			break;
		(*n)++;
	}
	fclose(f);
	return 0;
}

void free_queries(struct query_line *q, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(q[i].text);
	free(q);
}

double now_seconds(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

void evict_index(const char *evict, const char *dir)
{
	pid_t pid = fork();
	if (pid == 0) {
		execl(evict, evict, dir, (char *)NULL);
		_exit(127);
	}
	if (pid > 0)
		waitpid(pid, NULL, 0);
}

void print_sample(const struct query_line *q, size_t qno, int cold,
                  double seconds, size_t hits)
{
	printf("sample\t%s\t%zu\t%s\t%.1f\t%zu\n", q->cls, qno,
	       cold ? "cold" : "warm", seconds * 1e6, hits);
}

int parse_query_options(int argc, char **argv, int *repeat,
                        const char **evict)
{
	for (int i = 0; i < argc; i++) {
		if (strcmp(argv[i], "--repeat") == 0 && i + 1 < argc) {
			*repeat = atoi(argv[++i]);
		} else if (strcmp(argv[i], "--cold") == 0 && i + 1 < argc) {
			*evict = argv[++i];
		} else {
			fprintf(stderr, "unknown option %s\n", argv[i]);
			return -1;
		}
	}
	return *repeat > 0 ? 0 : -1;
}
