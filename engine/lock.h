/* lock.h — the writer's lock on an index folder (engine/lock.c).  Private
 * to the engine; caller: engine/index.c.
 */
#ifndef DOCKET_LOCK_H
#define DOCKET_LOCK_H

#include "index.h"

/* Take the writer's lock on IDX's folder (IDX->lock_fd) and record our pid
 * in it.  Returns DOCKET_OK, DOCKET_LOCKED naming the holder, or
 * DOCKET_IO_ERROR, with the message on IDX. */
int lock_take(docket_index *idx);
/* Let the lock go (no-op when not held), leaving the file empty.  Cannot
 * fail. */
void lock_drop(docket_index *idx);
/* The "locked by another writer" error on IDX (PID > 0: named); returns
 * DOCKET_LOCKED. */
int lock_refused(docket_index *idx, long pid);

#endif
