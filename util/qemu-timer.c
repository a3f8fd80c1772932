/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Clocks and timer lists.  Each clock keeps its armed timers in a list sorted
 * by expiry; the main loop sleeps until the earliest deadline of the clocks
 * that follow host time, and runs what has expired.
 */
#include "qemu/osdep.h"
#include "qemu/timer.h"
#include "qemu/main-loop.h"
#include "qemu/thread.h"

typedef struct QEMUClock {
    QemuMutex lock;         /* protects the list and the virtual state */
    QEMUTimer *active;      /* sorted by expire_time (ns) */
    bool enabled;
} QEMUClock;

static QEMUClock clocks[QEMU_CLOCK_MAX] = {
    [QEMU_CLOCK_REALTIME] = { .lock = QEMU_MUTEX_INITIALIZER, .enabled = true },
    [QEMU_CLOCK_HOST] = { .lock = QEMU_MUTEX_INITIALIZER, .enabled = true },
    /* the virtual clocks start stopped at 0 and run with the machine */
    [QEMU_CLOCK_VIRTUAL] = { .lock = QEMU_MUTEX_INITIALIZER, .enabled = false },
    [QEMU_CLOCK_VIRTUAL_RT] = { .lock = QEMU_MUTEX_INITIALIZER, .enabled = false },
};

/*
 * Host-driven virtual time: while enabled, value = get_clock() + offset;
 * while stopped, value = frozen.  One state per virtual clock.
 */
typedef struct VirtualTime {
    int64_t offset;
    int64_t frozen;
} VirtualTime;

static VirtualTime vtime[QEMU_CLOCK_MAX];
static VirtualClockSource vclock_source = VIRTUAL_CLOCK_HOST;
static int64_t (*vclock_counter)(void);
static int64_t vclock_explicit;
static void (*vclock_notify)(void);

int64_t get_clock(void)
{
    return g_get_monotonic_time() * SCALE_US;
}

int64_t get_clock_realtime(void)
{
    return g_get_real_time() * SCALE_US;
}

static int64_t host_virtual_time(QEMUClockType type)
{
    QEMUClock *c = &clocks[type];
    int64_t now;

    qemu_mutex_lock(&c->lock);
    now = c->enabled ? get_clock() + vtime[type].offset : vtime[type].frozen;
    qemu_mutex_unlock(&c->lock);
    return now;
}

int64_t qemu_clock_get_ns(QEMUClockType type)
{
    switch (type) {
    case QEMU_CLOCK_REALTIME:
        return get_clock();
    case QEMU_CLOCK_HOST:
        return get_clock_realtime();
    case QEMU_CLOCK_VIRTUAL:
        switch (vclock_source) {
        case VIRTUAL_CLOCK_EXPLICIT:
            return __atomic_load_n(&vclock_explicit, __ATOMIC_RELAXED);
        case VIRTUAL_CLOCK_COUNTER:
            return vclock_counter();
        case VIRTUAL_CLOCK_HOST:
            break;
        }
        return host_virtual_time(type);
    case QEMU_CLOCK_VIRTUAL_RT:
        return host_virtual_time(type);
    default:
        g_assert_not_reached();
    }
}

void qemu_clock_enable(QEMUClockType type, bool enabled)
{
    QEMUClock *c = &clocks[type];
    bool changed;

    qemu_mutex_lock(&c->lock);
    changed = c->enabled != enabled;
    if (changed && (type == QEMU_CLOCK_VIRTUAL ||
                    type == QEMU_CLOCK_VIRTUAL_RT)) {
        if (enabled) {
            vtime[type].offset = vtime[type].frozen - get_clock();
        } else {
            vtime[type].frozen = get_clock() + vtime[type].offset;
        }
    }
    c->enabled = enabled;
    qemu_mutex_unlock(&c->lock);
    if (changed && enabled) {
        qemu_notify_event();
    }
}

bool qemu_clock_is_enabled(QEMUClockType type)
{
    return clocks[type].enabled;
}

void qemu_clock_set_virtual_source(VirtualClockSource src,
                                   int64_t (*counter)(void))
{
    assert(src != VIRTUAL_CLOCK_COUNTER || counter);
    vclock_source = src;
    vclock_counter = counter;
}

VirtualClockSource qemu_clock_get_virtual_source(void)
{
    return vclock_source;
}

void qemu_clock_set_virtual_notify(void (*notify)(void))
{
    vclock_notify = notify;
}

static int64_t timer_expire_ns_locked(QEMUTimer *ts)
{
    return ts->expire_time;
}

int64_t qemu_clock_next_deadline_abs(QEMUClockType type)
{
    QEMUClock *c = &clocks[type];
    int64_t deadline;

    qemu_mutex_lock(&c->lock);
    deadline = c->active ? timer_expire_ns_locked(c->active) : -1;
    qemu_mutex_unlock(&c->lock);
    return deadline;
}

int64_t qemu_clock_deadline_ns(QEMUClockType type)
{
    int64_t deadline = qemu_clock_next_deadline_abs(type);
    int64_t now;

    if (deadline < 0) {
        return -1;
    }
    now = qemu_clock_get_ns(type);
    return deadline > now ? deadline - now : 0;
}

bool qemu_clock_run_timers(QEMUClockType type)
{
    QEMUClock *c = &clocks[type];
    bool progress = false;
    int64_t now;

    if (!c->enabled && type != QEMU_CLOCK_VIRTUAL) {
        return false;
    }
    if (type == QEMU_CLOCK_VIRTUAL && !c->enabled &&
        vclock_source == VIRTUAL_CLOCK_HOST) {
        return false;
    }
    now = qemu_clock_get_ns(type);
    for (;;) {
        QEMUTimer *ts;

        qemu_mutex_lock(&c->lock);
        ts = c->active;
        if (!ts || ts->expire_time > now) {
            qemu_mutex_unlock(&c->lock);
            break;
        }
        c->active = ts->next;
        ts->next = NULL;
        ts->expire_time = -1;
        qemu_mutex_unlock(&c->lock);

        /* the callback may re-arm or free the timer */
        ts->cb(ts->opaque);
        progress = true;
    }
    return progress;
}

bool qemu_clock_run_all_timers(void)
{
    bool progress = false;
    int type;

    for (type = 0; type < QEMU_CLOCK_MAX; type++) {
        progress |= qemu_clock_run_timers(type);
    }
    return progress;
}

int64_t qemu_clock_advance_virtual(int64_t dest)
{
    assert(vclock_source == VIRTUAL_CLOCK_EXPLICIT);
    for (;;) {
        int64_t deadline = qemu_clock_next_deadline_abs(QEMU_CLOCK_VIRTUAL);

        if (deadline < 0 || deadline > dest) {
            break;
        }
        if (deadline > vclock_explicit) {
            __atomic_store_n(&vclock_explicit, deadline, __ATOMIC_RELAXED);
        }
        qemu_clock_run_timers(QEMU_CLOCK_VIRTUAL);
    }
    if (dest > vclock_explicit) {
        __atomic_store_n(&vclock_explicit, dest, __ATOMIC_RELAXED);
    }
    qemu_clock_run_timers(QEMU_CLOCK_VIRTUAL);
    return vclock_explicit;
}

void timer_init_full(QEMUTimer *ts, QEMUClockType type, int scale,
                     QEMUTimerCB *cb, void *opaque)
{
    assert(type >= 0 && type < QEMU_CLOCK_MAX && scale > 0);
    ts->type = type;
    ts->scale = scale;
    ts->cb = cb;
    ts->opaque = opaque;
    ts->expire_time = -1;
    ts->next = NULL;
}

QEMUTimer *timer_new_full(QEMUClockType type, int scale, QEMUTimerCB *cb,
                          void *opaque)
{
    QEMUTimer *ts = g_new0(QEMUTimer, 1);

    timer_init_full(ts, type, scale, cb, opaque);
    return ts;
}

/* Unlink @ts from its clock's list; the caller holds the clock lock. */
static void timer_unlink_locked(QEMUClock *c, QEMUTimer *ts)
{
    QEMUTimer **pt;

    for (pt = &c->active; *pt; pt = &(*pt)->next) {
        if (*pt == ts) {
            *pt = ts->next;
            break;
        }
    }
    ts->next = NULL;
    ts->expire_time = -1;
}

void timer_del(QEMUTimer *ts)
{
    QEMUClock *c = &clocks[ts->type];

    qemu_mutex_lock(&c->lock);
    if (ts->expire_time >= 0) {
        timer_unlink_locked(c, ts);
    }
    qemu_mutex_unlock(&c->lock);
}

void timer_free(QEMUTimer *ts)
{
    if (ts) {
        timer_del(ts);
        g_free(ts);
    }
}

/* Insert @ts to expire at @expire_ns; returns true if it is now first. */
static bool timer_insert_locked(QEMUClock *c, QEMUTimer *ts,
                                int64_t expire_ns)
{
    QEMUTimer **pt;

    if (expire_ns < 0) {
        expire_ns = 0;
    }
    for (pt = &c->active; *pt; pt = &(*pt)->next) {
        if ((*pt)->expire_time > expire_ns) {
            break;
        }
    }
    ts->expire_time = expire_ns;
    ts->next = *pt;
    *pt = ts;
    return pt == &c->active;
}

/*
 * The main loop sleeps at most until the clock's earliest deadline as it
 * was when it went to sleep, which is never later than the earliest one
 * now.  So it needs waking only when the new earliest deadline comes
 * before the old one: a timer moved later (a guest re-arming its
 * comparator in several writes, say) costs no wake-up.
 */
void timer_mod_ns(QEMUTimer *ts, int64_t expire_time_ns)
{
    QEMUClock *c = &clocks[ts->type];
    int64_t old_first;
    bool earlier;

    qemu_mutex_lock(&c->lock);
    old_first = c->active ? c->active->expire_time : INT64_MAX;
    if (ts->expire_time >= 0) {
        timer_unlink_locked(c, ts);
    }
    earlier = timer_insert_locked(c, ts, expire_time_ns) &&
              ts->expire_time < old_first;
    qemu_mutex_unlock(&c->lock);
    if (earlier) {
        qemu_notify_event();
        if (ts->type == QEMU_CLOCK_VIRTUAL &&
            vclock_source == VIRTUAL_CLOCK_COUNTER && vclock_notify) {
            vclock_notify();
        }
    }
}

static int64_t scale_to_ns(QEMUTimer *ts, int64_t expire_time)
{
    if (expire_time > INT64_MAX / ts->scale) {
        return INT64_MAX;
    }
    return expire_time * ts->scale;
}

void timer_mod(QEMUTimer *ts, int64_t expire_time)
{
    timer_mod_ns(ts, scale_to_ns(ts, expire_time));
}

void timer_mod_anticipate(QEMUTimer *ts, int64_t expire_time)
{
    int64_t ns = scale_to_ns(ts, expire_time);
    int64_t cur = timer_expire_time_ns(ts);

    if (cur < 0 || ns < cur) {
        timer_mod_ns(ts, ns);
    }
}

bool timer_pending(QEMUTimer *ts)
{
    return timer_expire_time_ns(ts) >= 0;
}

int64_t timer_expire_time_ns(QEMUTimer *ts)
{
    QEMUClock *c = &clocks[ts->type];
    int64_t t;

    qemu_mutex_lock(&c->lock);
    t = ts->expire_time;
    qemu_mutex_unlock(&c->lock);
    return t;
}
