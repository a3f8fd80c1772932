/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The execution engine's interface (accel/tcg): running a CPU, the
 * translation cache, and the vCPU thread that the run state drives.
 * Locking rules: docs/devel/tcg.md.
 */
#ifndef EXEC_CPU_EXEC_H
#define EXEC_CPU_EXEC_H

#include "hw/core/cpu.h"

/* Why cpu_exec() returned. */
#define EXCP_INTERRUPT  0x10000 /* exit_request was set */
#define EXCP_HLT        0x10001 /* the hart sleeps in WFI */
#define EXCP_BUDGET     0x10002 /* @max_insns executed */

/**
 * cpu_exec: run @cpu on the calling thread
 *
 * Runs translated blocks until exit_request is set, the hart halts, or
 * about @max_insns instructions ran (checked at block boundaries).
 * Interrupts are taken at block boundaries.
 */
int cpu_exec(CPUState *cpu, uint64_t max_insns);

/*
 * The backend: native host code (x86-64 hosts) or threaded code.  Chosen
 * once, before anything is translated (-accel tcg,x-backend=...):
 * tcg_backend_init() returns false if @native was asked for and the host
 * has no native backend or refuses an executable mapping of @code_size
 * bytes (-accel tcg,tb-size=MiB; 0: the default).  Switching later is
 * only safe with the translation cache flushed before the next block.
 */
extern bool tcg_native;
bool tcg_backend_init(bool native, size_t code_size);
/* Whether this build has a native backend for its host. */
bool tcg_native_available(void);

/*
 * Ask every CPU to drop all translations at its next block boundary
 * (system reset, loaders, FENCE.I of another hart).  Any thread.
 */
void tb_flush_request(void);

/* Free every translation (at exit, with no CPU running). */
void tb_cache_cleanup(void);

/**
 * The vCPU thread: one thread runs every hart round-robin.
 *
 * cpus_resume(): start it (first call) and let it run; vm_start().
 * cpus_pause(): stop all harts at a block boundary and wait until they
 *   are stopped; vm_stop() and system reset.  Called with or without the
 *   BQL; the BQL is dropped while waiting.
 * cpus_cleanup(): stop and join the thread (qemu_cleanup).
 */
void cpus_resume(void);
void cpus_pause(void);
void cpus_cleanup(void);
/*
 * The kernel thread id the harts run on (query-cpus-fast "thread-id"):
 * the vCPU thread's once it exists, before that the process's.
 */
int cpus_thread_id(void);

#endif
