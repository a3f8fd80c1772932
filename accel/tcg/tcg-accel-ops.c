/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The vCPU thread: one thread runs every hart round-robin, without the
 * BQL; it sleeps on a condition variable while the machine is paused or
 * every hart waits in WFI.  See docs/devel/tcg.md for the locking rules.
 */
#include "qemu/osdep.h"
#include "qemu/main-loop.h"
#include "qemu/thread.h"
#include "exec/cpu-exec.h"
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

void cpu_interrupt_kick(CPUState *cpu)
{
    qatomic_set(&cpu->interrupt_request, 1);
    rv_request_exit(&RISCV_CPU(cpu)->env);
    qemu_mutex_lock(&cpus_lock);
    cpus_wakeups++;
    qemu_cond_broadcast(&cpus_cond);
    qemu_mutex_unlock(&cpus_lock);
}

static void cpus_exit_all(void)
{
    CPUState *cpu;

    CPU_FOREACH(cpu) {
        qatomic_set(&cpu->exit_request, 1);
        rv_request_exit(&RISCV_CPU(cpu)->env);
    }
}

static gpointer vcpu_thread_fn(gpointer opaque)
{
    unsigned seen = 0;
    bool all_halted = false;

    g_atomic_int_set(&vcpu_thread_tid, gettid());
    qemu_mutex_lock(&cpus_lock);
    for (;;) {
        CPUState *cpu;

        while (!cpus_quit && (!cpus_running ||
                              (all_halted && seen == cpus_wakeups))) {
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

        all_halted = true;
        CPU_FOREACH(cpu) {
            int r;

            qatomic_set(&cpu->exit_request, 0);
            r = cpu_exec(cpu, SLICE_INSNS);
            if (r != EXCP_HLT) {
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
