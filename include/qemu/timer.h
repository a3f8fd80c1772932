/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Clocks and timers.
 *
 * QEMU_CLOCK_REALTIME   monotonic host time; runs even while the machine is
 *                       stopped (monitor timeouts, character timing of
 *                       backends).
 * QEMU_CLOCK_HOST       wall-clock time (RTC devices, event timestamps).
 * QEMU_CLOCK_VIRTUAL    guest time: stops while the machine is paused.  Its
 *                       source is host time (default), explicit steps
 *                       (qtest's clock_step/clock_set), or a counter hook
 *                       (-icount: executed instructions).
 * QEMU_CLOCK_VIRTUAL_RT like VIRTUAL, but never explicit: follows host time
 *                       while running.
 *
 * Timers belong to one clock.  Their callbacks run in the main loop thread
 * with the big lock held.  timer_mod()/timer_del() may be called from any
 * thread that holds the big lock (vCPU threads do); a new earliest deadline
 * wakes the main loop.
 */
#ifndef QEMU_TIMER_H
#define QEMU_TIMER_H

#define NANOSECONDS_PER_SECOND 1000000000LL
#define SCALE_MS 1000000
#define SCALE_US 1000
#define SCALE_NS 1

typedef enum QEMUClockType {
    QEMU_CLOCK_REALTIME,
    QEMU_CLOCK_VIRTUAL,
    QEMU_CLOCK_HOST,
    QEMU_CLOCK_VIRTUAL_RT,
    QEMU_CLOCK_MAX,
} QEMUClockType;

typedef void QEMUTimerCB(void *opaque);

struct QEMUTimer {
    /* private to util/qemu-timer.c */
    int64_t expire_time;        /* in clock units of @scale; -1 = idle */
    QEMUClockType type;
    int scale;
    QEMUTimerCB *cb;
    void *opaque;
    QEMUTimer *next;
};

/* Time in nanoseconds (or ms/us) on @type. */
int64_t qemu_clock_get_ns(QEMUClockType type);
static inline int64_t qemu_clock_get_us(QEMUClockType type)
{
    return qemu_clock_get_ns(type) / SCALE_US;
}
static inline int64_t qemu_clock_get_ms(QEMUClockType type)
{
    return qemu_clock_get_ns(type) / SCALE_MS;
}

/* Host monotonic time in ns. */
int64_t get_clock(void);
/* Host wall-clock time in ns since the epoch. */
int64_t get_clock_realtime(void);

/*
 * Stop (@enabled false) or restart the virtual clocks: a paused machine's
 * time does not advance, and resumes where it stopped.
 */
void qemu_clock_enable(QEMUClockType type, bool enabled);
bool qemu_clock_is_enabled(QEMUClockType type);

typedef enum VirtualClockSource {
    VIRTUAL_CLOCK_HOST,     /* host time while enabled */
    VIRTUAL_CLOCK_EXPLICIT, /* moves only by qemu_clock_advance_virtual() */
    VIRTUAL_CLOCK_COUNTER,  /* a hook, e.g. instructions << shift */
} VirtualClockSource;

/* Choose how QEMU_CLOCK_VIRTUAL advances; call before the machine runs. */
void qemu_clock_set_virtual_source(VirtualClockSource src,
                                   int64_t (*counter)(void));
VirtualClockSource qemu_clock_get_virtual_source(void);

/*
 * Counter mode: @notify runs (on the thread that armed the timer, with no
 * clock lock held) whenever QEMU_CLOCK_VIRTUAL's earliest deadline moves
 * earlier, so that whoever drives the counter can stop at it.
 */
void qemu_clock_set_virtual_notify(void (*notify)(void));

/*
 * Explicit mode: move QEMU_CLOCK_VIRTUAL forward to @dest ns, running every
 * timer that expires on the way at its own deadline, in deadline order.
 * Returns the new clock value.  Going backwards is ignored.
 */
int64_t qemu_clock_advance_virtual(int64_t dest);

/* ns until the earliest timer of @type expires, 0 if one has, -1 if none. */
int64_t qemu_clock_deadline_ns(QEMUClockType type);
/* The earliest absolute deadline of @type in ns, or -1. */
int64_t qemu_clock_next_deadline_abs(QEMUClockType type);
/* Run the expired timers of @type; true if any ran. */
bool qemu_clock_run_timers(QEMUClockType type);
bool qemu_clock_run_all_timers(void);

void timer_init_full(QEMUTimer *ts, QEMUClockType type, int scale,
                     QEMUTimerCB *cb, void *opaque);
static inline void timer_init_ns(QEMUTimer *ts, QEMUClockType type,
                                 QEMUTimerCB *cb, void *opaque)
{
    timer_init_full(ts, type, SCALE_NS, cb, opaque);
}

QEMUTimer *timer_new_full(QEMUClockType type, int scale, QEMUTimerCB *cb,
                          void *opaque);
static inline QEMUTimer *timer_new_ns(QEMUClockType type, QEMUTimerCB *cb,
                                      void *opaque)
{
    return timer_new_full(type, SCALE_NS, cb, opaque);
}
static inline QEMUTimer *timer_new_us(QEMUClockType type, QEMUTimerCB *cb,
                                      void *opaque)
{
    return timer_new_full(type, SCALE_US, cb, opaque);
}
static inline QEMUTimer *timer_new_ms(QEMUClockType type, QEMUTimerCB *cb,
                                      void *opaque)
{
    return timer_new_full(type, SCALE_MS, cb, opaque);
}

/* Deletes (if pending) and frees a timer from timer_new_*(). */
void timer_free(QEMUTimer *ts);
/* Make the timer idle. */
void timer_del(QEMUTimer *ts);
/* Arm the timer to expire at @expire_time (in the timer's scale). */
void timer_mod(QEMUTimer *ts, int64_t expire_time);
void timer_mod_ns(QEMUTimer *ts, int64_t expire_time_ns);
/* Arm only if that makes it expire earlier than it already would. */
void timer_mod_anticipate(QEMUTimer *ts, int64_t expire_time);
bool timer_pending(QEMUTimer *ts);
/* Absolute expiry in ns, or -1 when idle. */
int64_t timer_expire_time_ns(QEMUTimer *ts);

#endif
