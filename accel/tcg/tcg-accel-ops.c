/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The vCPU thread: one thread runs every hart round-robin, without the
 * BQL; it sleeps on a condition variable while the machine is paused or
 * every hart waits in WFI.  See docs/devel/tcg.md for the locking rules.
 */
#include "qemu/osdep.h"
#include "qemu/main-loop.h"
#include "qemu/thread.h"
#include "qemu/error-report.h"
#include "qemu/timer.h"
#include "exec/cpu-exec.h"
#include "sysemu/cpu-timers.h"
#include "target/riscv/cpu.h"

#define qatomic_read(p) __atomic_load_n(p, __ATOMIC_ACQUIRE)
#define qatomic_set(p, v) __atomic_store_n(p, v, __ATOMIC_RELEASE)

/* Instructions a hart runs before the next one gets its turn. */
#define SLICE_INSNS 100000

static QemuMutex cpus_lock = QEMU_MUTEX_INITIALIZER;
static QemuCond cpus_cond = QEMU_COND_INITIALIZER;
static GThread *vcpu_thread;
static bool cpus_running;       /* wanted state; under cpus_lock */
static bool cpus_active;        /* the thread is executing guest code */
static bool cpus_quit;
static unsigned cpus_wakeups;   /* bumped by kicks; under cpus_lock */
static int vcpu_thread_tid;     /* the thread's kernel id, 0 before */

int cpus_thread_id(void)
{
    int tid = g_atomic_int_get(&vcpu_thread_tid);

    return tid ? tid : getpid();
}

/* Wake the thread if it sleeps (every hart halted) so that it re-checks. */
static void cpus_wake(void)
{
    qemu_mutex_lock(&cpus_lock);
    cpus_wakeups++;
    qemu_cond_broadcast(&cpus_cond);
    qemu_mutex_unlock(&cpus_lock);
}

void cpu_interrupt_kick(CPUState *cpu)
{
    qatomic_set(&cpu->interrupt_request, 1);
    rv_request_exit(&RISCV_CPU(cpu)->env);
    cpus_wake();
}

static void cpus_exit_all(void)
{
    CPUState *cpu;

    CPU_FOREACH(cpu) {
        qatomic_set(&cpu->exit_request, 1);
        rv_request_exit(&RISCV_CPU(cpu)->env);
    }
}

/*
 * -icount: a new earliest virtual deadline (a guest arming its timer,
 * say).  The running hart leaves cpu_exec() at its next block boundary
 * so that its budget is recomputed, and an idle thread re-checks.
 */
static void cpus_icount_deadline_notify(void)
{
    cpus_exit_all();
    cpus_wake();
}

/*
 * Idle time is not skipped towards a deadline further than this (2^62 ns,
 * 146 years): a timer at INT64_MAX means "never" (a comparator at its
 * maximum), and jumping there would leave no room for the clock.
 */
#define ICOUNT_IDLE_MAX (INT64_C(1) << 62)

/*
 * -icount, every hart waits in WFI: move virtual time to the next timer
 * deadline, at once (sleep=off) or as real time passes (sleep=on; a
 * kick ends the wait early, and only the time that passed counts).
 * Called with cpus_lock held.  Returns 1 when the deadline is reached
 * and its timers are due, 0 when woken before it, -1 when there is no
 * deadline (then wait for a kick, as without -icount).
 */
static int cpus_icount_idle(unsigned seen)
{
    static bool warned;
    int64_t ns = icount_deadline_ns();
    struct timespec start, until, now;
    int64_t slept;

    if (ns == 0) {
        return 1;
    }
    if (ns < 0 && !icount_sleep_enabled() && !warned) {
        warn_report("icount sleep disabled and no active timers");
        warned = true;
    }
    if (ns < 0 || ns > ICOUNT_IDLE_MAX) {
        return -1;
    }
    if (!icount_sleep_enabled()) {
        icount_warp(ns);
        return 1;
    }
    cpus_active = false;
    qemu_cond_broadcast(&cpus_cond);
    clock_gettime(CLOCK_MONOTONIC, &start);
    until.tv_sec = start.tv_sec + ns / NANOSECONDS_PER_SECOND;
    until.tv_nsec = start.tv_nsec + ns % NANOSECONDS_PER_SECOND;
    if (until.tv_nsec >= NANOSECONDS_PER_SECOND) {
        until.tv_sec++;
        until.tv_nsec -= NANOSECONDS_PER_SECOND;
    }
    while (cpus_running && !cpus_quit && seen == cpus_wakeups) {
        int r = pthread_cond_clockwait(&cpus_cond.c, &cpus_lock.m,
                                       CLOCK_MONOTONIC, &until);
        if (r == ETIMEDOUT) {
            break;
        }
        qemu_thread_check(r, "pthread_cond_clockwait");
    }
    clock_gettime(CLOCK_MONOTONIC, &now);
    slept = (now.tv_sec - start.tv_sec) * NANOSECONDS_PER_SECOND +
            (now.tv_nsec - start.tv_nsec);
    /* never past the deadline: its timers run at their exact time */
    icount_warp(MIN(slept, ns));
    return slept >= ns;
}

/*
 * Run @cpu for one turn; with -icount, up to the next virtual deadline,
 * then run the timers due (those due before the turn ran already: at the
 * end of the previous hart's turn, or before the round).
 */
static int vcpu_run(CPUState *cpu, bool icount)
{
    int r;

    if (!icount) {
        qatomic_set(&cpu->exit_request, 0);
        return cpu_exec(cpu, SLICE_INSNS);
    }
    qatomic_set(&cpu->exit_request, 0);
    icount_start(cpu);
    r = cpu_exec(cpu, icount_budget(SLICE_INSNS));
    icount_account(cpu);
    icount_run_timers();
    return r;
}

static gpointer vcpu_thread_fn(gpointer opaque)
{
    unsigned seen = 0;
    bool all_halted = false;
    bool icount = icount_enabled();

    g_atomic_int_set(&vcpu_thread_tid, gettid());
    qemu_mutex_lock(&cpus_lock);
    for (;;) {
        CPUState *cpu;

        while (!cpus_quit && (!cpus_running ||
                              (all_halted && seen == cpus_wakeups))) {
            if (icount && cpus_running) {
                int r = cpus_icount_idle(seen);

                if (r > 0) {
                    break;      /* at the deadline: run its timers */
                }
                if (r == 0) {
                    continue;   /* woken before it */
                }
            }
            cpus_active = false;
            qemu_cond_broadcast(&cpus_cond);
            qemu_cond_wait(&cpus_cond, &cpus_lock);
        }
        if (cpus_quit) {
            break;
        }
        cpus_active = true;
        seen = cpus_wakeups;
        qemu_mutex_unlock(&cpus_lock);

        if (icount) {
            icount_run_timers();
        }
        all_halted = true;
        CPU_FOREACH(cpu) {
            if (vcpu_run(cpu, icount) != EXCP_HLT) {
                all_halted = false;
            }
        }
        qemu_mutex_lock(&cpus_lock);
    }
    cpus_active = false;
    qemu_cond_broadcast(&cpus_cond);
    qemu_mutex_unlock(&cpus_lock);
    return NULL;
}

void cpus_resume(void)
{
    qemu_mutex_lock(&cpus_lock);
    if (!vcpu_thread) {
        if (icount_enabled()) {
            qemu_clock_set_virtual_notify(cpus_icount_deadline_notify);
        }
        vcpu_thread = g_thread_new("CPU 0/TCG", vcpu_thread_fn, NULL);
    }
    cpus_running = true;
    qemu_cond_broadcast(&cpus_cond);
    qemu_mutex_unlock(&cpus_lock);
}

/* Wait, without the BQL, until the thread left guest code. */
static void cpus_wait_inactive(void)
{
    bool bql = qemu_mutex_iothread_locked();

    if (bql) {
        qemu_mutex_unlock_iothread();
    }
    qemu_mutex_lock(&cpus_lock);
    while (cpus_active) {
        cpus_exit_all();
        qemu_cond_wait(&cpus_cond, &cpus_lock);
    }
    qemu_mutex_unlock(&cpus_lock);
    if (bql) {
        qemu_mutex_lock_iothread();
    }
}

void cpus_pause(void)
{
    qemu_mutex_lock(&cpus_lock);
    cpus_running = false;
    cpus_exit_all();
    qemu_cond_broadcast(&cpus_cond);
    qemu_mutex_unlock(&cpus_lock);
    cpus_wait_inactive();
}

void cpus_cleanup(void)
{
    bool bql;

    if (!vcpu_thread) {
        return;
    }
    qemu_mutex_lock(&cpus_lock);
    cpus_quit = true;
    cpus_exit_all();
    qemu_cond_broadcast(&cpus_cond);
    qemu_mutex_unlock(&cpus_lock);
    bql = qemu_mutex_iothread_locked();
    if (bql) {
        qemu_mutex_unlock_iothread();
    }
    g_thread_join(vcpu_thread);
    if (bql) {
        qemu_mutex_lock_iothread();
    }
    vcpu_thread = NULL;
    cpus_quit = false;
    cpus_running = false;
}
