/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The main loop on GLib's default main context: a timer source for the
 * clocks, bottom halves as sources woken by g_source_set_ready_time(), and a
 * poll function that drops the big lock while the thread sleeps.
 */
#include "qemu/osdep.h"
#include <poll.h>
#include "qemu/main-loop.h"
#include "qemu/thread.h"
#include "qemu/timer.h"

static QemuMutex bql = QEMU_MUTEX_INITIALIZER;
static __thread bool bql_held;
static GSource *timer_source;
static GPollFunc glib_poll;

void qemu_mutex_lock_iothread(void)
{
    assert(!bql_held);
    qemu_mutex_lock(&bql);
    bql_held = true;
}

void qemu_mutex_unlock_iothread(void)
{
    assert(bql_held);
    bql_held = false;
    qemu_mutex_unlock(&bql);
}

bool qemu_mutex_iothread_locked(void)
{
    return bql_held;
}

GMainContext *qemu_get_aio_context(void)
{
    return g_main_context_default();
}

void qemu_notify_event(void)
{
    g_main_context_wakeup(g_main_context_default());
}

/*
 * The earliest deadline, in ns from now, of the clocks whose time passes
 * while the main loop sleeps; -1 if none.
 */
static int64_t main_loop_deadline_ns(void)
{
    int64_t best = -1;
    int type;

    for (type = 0; type < QEMU_CLOCK_MAX; type++) {
        int64_t d;

        if (!qemu_clock_is_enabled(type)) {
            continue;
        }
        if (type == QEMU_CLOCK_VIRTUAL &&
            qemu_clock_get_virtual_source() != VIRTUAL_CLOCK_HOST) {
            /* explicit steps or the vCPU's counter drive it, not sleep */
            continue;
        }
        d = qemu_clock_deadline_ns(type);
        if (d >= 0 && (best < 0 || d < best)) {
            best = d;
        }
    }
    return best;
}

static gboolean timer_source_prepare(GSource *source, gint *timeout)
{
    int64_t ns = main_loop_deadline_ns();

    if (ns < 0) {
        *timeout = -1;
    } else {
        /*
         * Round up, so that we never wake before the deadline (a timer
         * armed at INT64_MAX must not overflow the rounding).
         */
        int64_t ms = ns / SCALE_MS + (ns % SCALE_MS != 0);
        *timeout = ms > INT_MAX ? INT_MAX : (gint)ms;
    }
    return ns == 0;
}

static gboolean timer_source_check(GSource *source)
{
    return main_loop_deadline_ns() == 0;
}

static gboolean timer_source_dispatch(GSource *source, GSourceFunc cb,
                                      gpointer data)
{
    int type;

    for (type = 0; type < QEMU_CLOCK_MAX; type++) {
        /* qtest's steps or the vCPU thread (-icount) run these */
        if (type == QEMU_CLOCK_VIRTUAL &&
            qemu_clock_get_virtual_source() != VIRTUAL_CLOCK_HOST) {
            continue;
        }
        qemu_clock_run_timers(type);
    }
    return G_SOURCE_CONTINUE;
}

static GSourceFuncs timer_source_funcs = {
    .prepare = timer_source_prepare,
    .check = timer_source_check,
    .dispatch = timer_source_dispatch,
};

/*
 * GLib's poll timeout is in whole milliseconds, rounded up: a timer due
 * in 20 us would fire up to a millisecond late (a UART's character time,
 * say).  When a clock deadline comes before the timeout, sleep exactly
 * until it with ppoll(), which takes nanoseconds.  GPollFD has the
 * layout of struct pollfd on POSIX systems.  @ns is the clocks' deadline
 * (main_loop_deadline_ns(), read with the BQL), or -1.
 */
static gint precise_poll(GPollFD *fds, guint nfds, gint timeout,
                         int64_t ns)
{
    if (ns >= 0 && (timeout < 0 || ns < (int64_t)timeout * SCALE_MS)) {
        struct timespec ts = {
            .tv_sec = ns / NANOSECONDS_PER_SECOND,
            .tv_nsec = ns % NANOSECONDS_PER_SECOND,
        };

        return ppoll((struct pollfd *)fds, nfds, &ts, NULL);
    }
    return glib_poll(fds, nfds, timeout);
}

/* Sleep in poll() without the big lock, so vCPU threads can take it. */
static gint bql_poll(GPollFD *fds, guint nfds, gint timeout)
{
    int64_t ns = timeout != 0 ? main_loop_deadline_ns() : -1;
    gint ret;

    if (bql_held && timeout != 0) {
        qemu_mutex_unlock_iothread();
        ret = precise_poll(fds, nfds, timeout, ns);
        qemu_mutex_lock_iothread();
    } else {
        ret = precise_poll(fds, nfds, timeout, ns);
    }
    return ret;
}

void qemu_init_main_loop(void)
{
    GMainContext *ctx = g_main_context_default();

    assert(!timer_source);
    glib_poll = g_main_context_get_poll_func(ctx);
    g_main_context_set_poll_func(ctx, bql_poll);
    timer_source = g_source_new(&timer_source_funcs, sizeof(GSource));
    g_source_set_name(timer_source, "qemu-timers");
    g_source_attach(timer_source, ctx);
    if (!bql_held) {
        qemu_mutex_lock_iothread();
    }
}

void qemu_cleanup_main_loop(void)
{
    if (timer_source) {
        g_source_destroy(timer_source);
        g_source_unref(timer_source);
        timer_source = NULL;
        g_main_context_set_poll_func(g_main_context_default(), glib_poll);
    }
    if (bql_held) {
        qemu_mutex_unlock_iothread();
    }
}

void main_loop_wait(bool nonblocking)
{
    g_main_context_iteration(g_main_context_default(), !nonblocking);
}

struct QEMUBH {
    GSource source;
    QEMUBHFunc *cb;
    void *opaque;
};

static gboolean bh_dispatch(GSource *source, GSourceFunc unused,
                            gpointer data)
{
    QEMUBH *bh = (QEMUBH *)source;

    g_source_set_ready_time(source, -1);
    bh->cb(bh->opaque);
    return G_SOURCE_CONTINUE;
}

static GSourceFuncs bh_source_funcs = {
    .dispatch = bh_dispatch,
};

QEMUBH *qemu_bh_new(QEMUBHFunc *cb, void *opaque)
{
    QEMUBH *bh = (QEMUBH *)g_source_new(&bh_source_funcs, sizeof(QEMUBH));

    bh->cb = cb;
    bh->opaque = opaque;
    g_source_set_name(&bh->source, "qemu-bh");
    g_source_set_ready_time(&bh->source, -1);
    g_source_attach(&bh->source, g_main_context_default());
    return bh;
}

void qemu_bh_schedule(QEMUBH *bh)
{
    /* thread-safe: takes the context lock and wakes the loop */
    g_source_set_ready_time(&bh->source, 0);
}

void qemu_bh_cancel(QEMUBH *bh)
{
    g_source_set_ready_time(&bh->source, -1);
}

void qemu_bh_delete(QEMUBH *bh)
{
    if (bh) {
        g_source_destroy(&bh->source);
        g_source_unref(&bh->source);
    }
}
