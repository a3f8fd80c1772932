/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Bus transaction attributes and results.  A CPU turns a failed
 * transaction into an access fault; nothing else may crash on one.
 */
#ifndef EXEC_MEMATTRS_H
#define EXEC_MEMATTRS_H

/**
 * MemTxAttrs: who is accessing, passed down to device handlers
 *
 * @unspecified: the default for accesses that carry no information
 * @user: the access is made in a less privileged mode
 * @debug: a debugger, qtest or loader access; never has side effects on
 *   the CPU (no faults are raised for it)
 * @requester_id: the bus master's number (CPU index for harts)
 */
typedef struct MemTxAttrs {
    unsigned int unspecified:1;
    unsigned int user:1;
    unsigned int debug:1;
    unsigned int requester_id:16;
} MemTxAttrs;

#define MEMTXATTRS_UNSPECIFIED ((MemTxAttrs) { .unspecified = 1 })

/* Transaction results; a set of bits, so results can be or-ed together. */
typedef uint32_t MemTxResult;
#define MEMTX_OK 0
#define MEMTX_ERROR (1U << 0)        /* the device refused the access */
#define MEMTX_DECODE_ERROR (1U << 1) /* nothing at that address/size */

#endif
