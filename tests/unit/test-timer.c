/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Clocks, timers, bottom halves and the big lock. */
#include "qemu/osdep.h"
#include "qemu/main-loop.h"
#include "qemu/timer.h"

typedef struct Fired {
    GArray *order;      /* of int: which timer fired */
    GArray *when;       /* of int64_t: virtual time at the callback */
} Fired;

typedef struct TimerCase {
    Fired *fired;
    int id;
    QEMUTimer *rearm;   /* re-arm this timer 100 ns later, once */
} TimerCase;

static void record_cb(void *opaque)
{
    TimerCase *tc = opaque;
    int64_t now = qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL);

    g_array_append_val(tc->fired->order, tc->id);
    g_array_append_val(tc->fired->when, now);
    if (tc->rearm) {
        QEMUTimer *t = tc->rearm;
        tc->rearm = NULL;
        timer_mod_ns(t, now + 100);
    }
}

static void test_explicit_order(void)
{
    Fired f = { g_array_new(FALSE, FALSE, sizeof(int)),
                g_array_new(FALSE, FALSE, sizeof(int64_t)) };
    TimerCase c1 = { &f, 1 }, c2 = { &f, 2 }, c3 = { &f, 3 };
    QEMUTimer *t1 = timer_new_ns(QEMU_CLOCK_VIRTUAL, record_cb, &c1);
    QEMUTimer *t2 = timer_new_ns(QEMU_CLOCK_VIRTUAL, record_cb, &c2);
    QEMUTimer *t3 = timer_new_us(QEMU_CLOCK_VIRTUAL, record_cb, &c3);
    int64_t base = qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL);

    c2.rearm = t2;
    timer_mod_ns(t1, base + 300);
    timer_mod_ns(t2, base + 100);
    timer_mod(t3, (base + 1000) / 1000 + 1);     /* microseconds */
    g_assert_cmpint(qemu_clock_deadline_ns(QEMU_CLOCK_VIRTUAL), ==, 100);

    g_assert_cmpint(qemu_clock_advance_virtual(base + 250), ==, base + 250);
    /* t2 at 100, re-armed to 200, fired again */
    g_assert_cmpint(f.order->len, ==, 2);
    g_assert_cmpint(g_array_index(f.order, int, 0), ==, 2);
    g_assert_cmpint(g_array_index(f.when, int64_t, 0), ==, base + 100);
    g_assert_cmpint(g_array_index(f.when, int64_t, 1), ==, base + 200);
    g_assert_false(timer_pending(t2));
    g_assert_true(timer_pending(t1));

    /* going backwards is ignored */
    g_assert_cmpint(qemu_clock_advance_virtual(base), ==, base + 250);

    qemu_clock_advance_virtual(base + 5000);
    g_assert_cmpint(f.order->len, ==, 4);
    g_assert_cmpint(g_array_index(f.order, int, 2), ==, 1);
    g_assert_cmpint(g_array_index(f.when, int64_t, 2), ==, base + 300);
    g_assert_cmpint(g_array_index(f.order, int, 3), ==, 3);
    g_assert_cmpint(qemu_clock_deadline_ns(QEMU_CLOCK_VIRTUAL), ==, -1);

    timer_free(t1);
    timer_free(t2);
    timer_free(t3);
    g_array_free(f.order, TRUE);
    g_array_free(f.when, TRUE);
}

static void test_del_and_anticipate(void)
{
    Fired f = { g_array_new(FALSE, FALSE, sizeof(int)),
                g_array_new(FALSE, FALSE, sizeof(int64_t)) };
    TimerCase c1 = { &f, 1 };
    QEMUTimer t;
    int64_t base = qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL);

    timer_init_ns(&t, QEMU_CLOCK_VIRTUAL, record_cb, &c1);
    timer_mod_ns(&t, base + 500);
    timer_mod_anticipate(&t, base + 900);   /* later: ignored */
    g_assert_cmpint(timer_expire_time_ns(&t), ==, base + 500);
    timer_mod_anticipate(&t, base + 50);
    g_assert_cmpint(timer_expire_time_ns(&t), ==, base + 50);
    timer_del(&t);
    g_assert_false(timer_pending(&t));
    qemu_clock_advance_virtual(base + 1000);
    g_assert_cmpint(f.order->len, ==, 0);
    g_array_free(f.order, TRUE);
    g_array_free(f.when, TRUE);
}

static void test_stop_host_virtual(void)
{
    int64_t a, b;

    qemu_clock_set_virtual_source(VIRTUAL_CLOCK_HOST, NULL);
    qemu_clock_enable(QEMU_CLOCK_VIRTUAL, false);
    a = qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL);
    g_usleep(2000);
    b = qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL);
    g_assert_cmpint(a, ==, b);          /* stopped: frozen */
    qemu_clock_enable(QEMU_CLOCK_VIRTUAL, true);
    g_usleep(2000);
    b = qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL);
    g_assert_cmpint(b, >=, a + 2000 * SCALE_US);
    qemu_clock_enable(QEMU_CLOCK_VIRTUAL, false);
    qemu_clock_set_virtual_source(VIRTUAL_CLOCK_EXPLICIT, NULL);
}

static void set_flag(void *opaque)
{
    *(int *)opaque += 1;
}

static void test_realtime_timer_main_loop(void)
{
    int fired = 0;
    QEMUTimer *t = timer_new_ms(QEMU_CLOCK_REALTIME, set_flag, &fired);

    timer_mod(t, qemu_clock_get_ms(QEMU_CLOCK_REALTIME) + 5);
    while (!fired) {
        main_loop_wait(false);
    }
    g_assert_cmpint(fired, ==, 1);
    g_assert_true(qemu_mutex_iothread_locked());
    timer_free(t);
}

/*
 * A timer at the end of time (an MTIMECMP of all ones) must neither fire
 * nor overflow the main loop's rounding of its sleep (UBSan caught it).
 */
static void test_timer_at_end_of_time(void)
{
    int fired = 0;
    QEMUTimer *t = timer_new_ns(QEMU_CLOCK_VIRTUAL, set_flag, &fired);

    qemu_clock_set_virtual_source(VIRTUAL_CLOCK_HOST, NULL);
    qemu_clock_enable(QEMU_CLOCK_VIRTUAL, true);
    timer_mod(t, INT64_MAX);
    main_loop_wait(true);
    main_loop_wait(true);
    g_assert_cmpint(fired, ==, 0);
    g_assert_true(timer_pending(t));
    timer_free(t);
    qemu_clock_enable(QEMU_CLOCK_VIRTUAL, false);
    qemu_clock_set_virtual_source(VIRTUAL_CLOCK_EXPLICIT, NULL);
}

typedef struct BHThread {
    QEMUBH *bh;
    int ran;
} BHThread;

static gpointer schedule_from_thread(gpointer opaque)
{
    BHThread *bt = opaque;

    /* the main thread sleeps in poll() without the lock: we can take it */
    qemu_mutex_lock_iothread();
    qemu_bh_schedule(bt->bh);
    qemu_bh_schedule(bt->bh);       /* twice: still runs once */
    qemu_mutex_unlock_iothread();
    return NULL;
}

static void test_bh_from_thread(void)
{
    BHThread bt = { 0 };
    GThread *th;

    bt.bh = qemu_bh_new(set_flag, &bt.ran);
    th = g_thread_new("bh", schedule_from_thread, &bt);
    while (!bt.ran) {
        main_loop_wait(false);
    }
    g_thread_join(th);
    main_loop_wait(true);
    g_assert_cmpint(bt.ran, ==, 1);

    qemu_bh_schedule(bt.bh);
    qemu_bh_cancel(bt.bh);
    main_loop_wait(true);
    g_assert_cmpint(bt.ran, ==, 1);
    qemu_bh_delete(bt.bh);
}

int main(int argc, char **argv)
{
    int ret;

    g_test_init(&argc, &argv, NULL);
    qemu_init_main_loop();
    qemu_clock_set_virtual_source(VIRTUAL_CLOCK_EXPLICIT, NULL);
    /* first: the overflow needed a virtual clock still below 1 ms */
    g_test_add_func("/main-loop/timer-at-end-of-time",
                    test_timer_at_end_of_time);
    g_test_add_func("/timer/explicit/order", test_explicit_order);
    g_test_add_func("/timer/explicit/del-anticipate", test_del_and_anticipate);
    g_test_add_func("/timer/virtual/stop", test_stop_host_virtual);
    g_test_add_func("/main-loop/realtime-timer", test_realtime_timer_main_loop);
    g_test_add_func("/main-loop/bh-from-thread", test_bh_from_thread);
    ret = g_test_run();
    qemu_cleanup_main_loop();
    return ret;
}
