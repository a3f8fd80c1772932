/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * -icount shift=N: the virtual clock counts executed instructions, each
 * 2^N ns, plus the idle time the vCPU thread skips or sleeps through.
 * Only the vCPU thread moves it, at points that depend on the guest
 * alone, so two runs of the same program see the same times.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qapi/input.h"
#include "qemu/cutils.h"
#include "qemu/main-loop.h"
#include "qemu/option.h"
#include "qemu/timer.h"
#include "sysemu/cpu-timers.h"
#include "target/riscv/cpu.h"

static bool icount_on;
static bool icount_sleep = true;
static int icount_shift;

/*
 * Virtual ns of everything accounted so far: instructions of finished
 * cpu_exec() calls and idle time.  Written by the vCPU thread only,
 * read by any thread.
 */
static int64_t icount_base;

/* vCPU thread: the hart inside cpu_exec() and its count at entry */
static __thread CPURISCVState *icount_env;
static __thread uint64_t icount_env_start;

static int64_t icount_clock(void)
{
    int64_t t = __atomic_load_n(&icount_base, __ATOMIC_ACQUIRE);

    if (icount_env) {
        t += (int64_t)(icount_env->icount - icount_env_start) <<
             icount_shift;
    }
    return t;
}

static bool icount_get_bool(QemuOpts *opts, const char *name, bool def,
                            bool *out, Error **errp)
{
    const char *str = qemu_opt_get(opts, name);

    *out = def;
    return !str || qinput_parse_bool(str, name, out, errp);
}

static const char *const icount_keys[] = {
    "shift", "align", "sleep", "rr", "rrfile", "rrsnapshot", NULL,
};

bool icount_configure(QemuOpts *opts, Error **errp)
{
    const char *shift = qemu_opt_get(opts, "shift");
    const char *rr = qemu_opt_get(opts, "rr");
    bool sleep, align;
    size_t i;
    int n;

    for (i = 0; i < qemu_opts_count(opts); i++) {
        const char *name = qemu_opts_nth(opts, i)->name;

        if (!g_strv_contains(icount_keys, name)) {
            error_setg(errp, "Invalid parameter '%s'", name);
            return false;
        }
    }
    if (rr) {
        if (strcmp(rr, "record") && strcmp(rr, "replay")) {
            error_setg(errp, "Invalid icount rr option: %s", rr);
            return false;
        }
        if (!qemu_opt_get(opts, "rrfile")) {
            error_setg(errp, "File name not specified for replay");
            return false;
        }
        error_setg(errp, "icount: record/replay is not supported");
        return false;
    }
    if (!icount_get_bool(opts, "sleep", true, &sleep, errp) ||
        !icount_get_bool(opts, "align", false, &align, errp)) {
        return false;
    }
    if (!shift && !qemu_opts_has_help(opts)) {
        if (qemu_opt_has(opts, "align")) {
            error_setg(errp, "Please specify shift option when using align");
            return false;
        }
        return true;    /* no shift: icount stays off, as in QEMU */
    }
    if (align && !sleep) {
        error_setg(errp, "align=on and sleep=off are incompatible");
        return false;
    }
    if (shift && !strcmp(shift, "auto")) {
        error_setg(errp, "icount: shift=auto is not supported "
                   "(use shift=0..%d)", MAX_ICOUNT_SHIFT);
        return false;
    }
    /* "help" is taken as a shift value, which it is not */
    if (!shift || qemu_strtoi(shift, NULL, 0, &n) < 0 ||
        n < 0 || n > MAX_ICOUNT_SHIFT) {
        error_setg(errp, "icount: Invalid shift value");
        return false;
    }
    if (align) {
        error_setg(errp, "icount: align=on is not supported");
        return false;
    }
    icount_on = true;
    icount_shift = n;
    icount_sleep = sleep;
    qemu_clock_set_virtual_source(VIRTUAL_CLOCK_COUNTER, icount_clock);
    return true;
}

bool icount_enabled(void)
{
    /* the qtest accelerator's explicit clock takes precedence */
    return icount_on &&
           qemu_clock_get_virtual_source() == VIRTUAL_CLOCK_COUNTER;
}

bool icount_sleep_enabled(void)
{
    return icount_sleep;
}

void icount_start(CPUState *cpu)
{
    icount_env = &RISCV_CPU(cpu)->env;
    icount_env_start = icount_env->icount;
}

void icount_account(CPUState *cpu)
{
    CPURISCVState *env = &RISCV_CPU(cpu)->env;

    assert(icount_env == env);
    __atomic_add_fetch(&icount_base,
                       (int64_t)(env->icount - icount_env_start) <<
                       icount_shift, __ATOMIC_RELEASE);
    icount_env = NULL;
}

void icount_warp(int64_t ns)
{
    assert(!icount_env);
    if (ns > 0) {
        __atomic_add_fetch(&icount_base, ns, __ATOMIC_RELEASE);
    }
}

int64_t icount_deadline_ns(void)
{
    int64_t deadline = qemu_clock_next_deadline_abs(QEMU_CLOCK_VIRTUAL);
    int64_t now;

    if (deadline < 0) {
        return -1;
    }
    now = icount_clock();
    return deadline > now ? deadline - now : 0;
}

uint64_t icount_budget(uint64_t max)
{
    int64_t ns = icount_deadline_ns();
    uint64_t insns;

    if (ns < 0) {
        return max;
    }
    /* the first instruction count at which the clock reaches it */
    insns = ((uint64_t)ns + (1ULL << icount_shift) - 1) >> icount_shift;
    return MAX(1, MIN(insns, max));
}

void icount_run_timers(void)
{
    if (icount_deadline_ns() != 0) {
        return;
    }
    qemu_mutex_lock_iothread();
    qemu_clock_run_timers(QEMU_CLOCK_VIRTUAL);
    qemu_mutex_unlock_iothread();
}
