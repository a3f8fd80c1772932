/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * -icount: QEMU_CLOCK_VIRTUAL driven by the instructions the harts
 * execute (each one 2^shift ns) instead of host time, so that a run is
 * deterministic.  The vCPU thread (accel/tcg/tcg-accel-ops.c) drives it:
 * it bounds every slice by the next virtual deadline (icount_budget()),
 * accounts what ran (icount_account()), runs the virtual timers itself
 * when they are due, and moves the clock over idle time (icount_warp())
 * when every hart waits in WFI.  See docs/devel/tcg.md, "Time".
 */
#ifndef SYSEMU_CPU_TIMERS_H
#define SYSEMU_CPU_TIMERS_H

/* The largest shift QEMU accepts: 2^10 ns per instruction. */
#define MAX_ICOUNT_SHIFT 10

/**
 * icount_configure: apply the -icount option string @opts
 *
 * Accepts QEMU's [shift=]N|auto, align=, sleep=, rr=, rrfile= keys and
 * gives QEMU 7.2's errors.  shift=auto, align=on and record/replay are
 * refused as not supported.  Without "shift" icount stays off.
 */
bool icount_configure(QemuOpts *opts, Error **errp);

/* Whether -icount shift=N is in effect. */
bool icount_enabled(void);
/* sleep=on (the default): idle time passes in real time. */
bool icount_sleep_enabled(void);

/*
 * vCPU thread only.  icount_start(): @cpu is about to run;
 * icount_account(): it left cpu_exec(); the instructions it executed
 * in between become virtual time.  Between the two, the virtual clock
 * read on this thread includes the hart's progress (as of its current
 * block's start).
 */
void icount_start(CPUState *cpu);
void icount_account(CPUState *cpu);

/* Instructions to run before the next virtual deadline (1..@max). */
uint64_t icount_budget(uint64_t max);

/* Run the expired QEMU_CLOCK_VIRTUAL timers (takes the BQL). */
void icount_run_timers(void);

/* ns from the virtual clock to its earliest deadline; -1 if none. */
int64_t icount_deadline_ns(void);

/* Move the virtual clock forward by @ns of idle time. */
void icount_warp(int64_t ns);

#endif
