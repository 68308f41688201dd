/* children.h — the programs a stub's "remote :PROGRAM" lines start
 * (engine/children.c).  Private to the engine; caller: engine/index.c.
 */
#ifndef DOCKET_CHILDREN_H
#define DOCKET_CHILDREN_H

#include <stddef.h>
#include <sys/types.h>

struct children {
	pid_t *pid;  /* this process's children when the snapshot was taken */
	size_t n;    /* how many */
	int taken;   /* a snapshot was taken (else nothing is ever reaped) */
};

/* Remember which children this process has now (before Xapian starts a
 * stub's programs).  Cannot fail: out of memory, the snapshot is empty
 * and not taken, so nothing will be reaped later. */
void children_snapshot(struct children *c);
/* Stop and reap every child this process has that C's snapshot did not
 * have: SIGTERM, up to REAP_GRACE_MS for it to exit, then SIGKILL; each
 * is waited for, so none is left a zombie or an orphan.  Then forget the
 * snapshot.  No-op when none was taken.  Cannot fail. */
void children_reap_new(struct children *c);

#endif
