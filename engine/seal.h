/* seal.h — docket.seal: what a writer left its shards' files as, so that
 * the next writer checks a shard before writing to it only when its files
 * changed since (engine/seal.c).  Private to the library.
 */
#ifndef DOCKET_SEAL_H
#define DOCKET_SEAL_H

#include <stddef.h>

#include "index.h"

#define SEAL_FILE "docket.seal"

/* The name of writer IDX's shard K in its folder ("shard-3.2"; "." for an
 * index that is one database) into OUT. */
void seal_shard_name(docket_index *idx, unsigned k, char *out, size_t n);

/* Whether shard K of writer IDX is, file for file, as the seal says a
 * writer left it: 0 when it is not, or there is no seal, or it cannot be
 * read (then the shard is checked, which is only slower). */
int seal_matches(docket_index *idx, unsigned k);

/* Check shard K of writer IDX with Xapian's check before anything is
 * written to it, unless seal_matches() vouches for it; *CHECKED says
 * whether it was checked.  Returns DOCKET_OK, or DOCKET_CORRUPT (the check
 * found damage: nothing may be written) or another status, with a message
 * on IDX naming the index and the shard. */
int seal_verify(docket_index *idx, unsigned k, int *checked);

/* Write the seal of all IDX's shards as they are now (after a run whose
 * every commit succeeded).  Returns a docket_status with the message on
 * IDX; failing only costs the next writer a check. */
int seal_write(docket_index *idx);

#endif
