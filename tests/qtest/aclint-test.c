/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * riscv.aclint.mtimer, riscv.aclint.swi and the legacy riscv.sifive.clint
 * through qtest, at sifive_e's addresses: MTIME from the virtual clock,
 * MTIMECMP expiry with clock_step (including a bare clock_step jumping to
 * the timer's deadline), 32/64-bit halves, writable MTIME, reset values
 * (MTIP asserted while MTIMECMP is 0), MSIP/SSIP, and output numbering.
 */
#include "qemu/osdep.h"
#include "libqtest.h"

#define SWI 0x02000000ull
#define MTIMER 0x02004000ull
#define MTIMECMP(i) (MTIMER + 8 * (i))
#define MTIME (MTIMER + 0x7ff8)
#define FREQ 10000000       /* 10 MHz: one tick per 100 ns */

static void mmio_map(QTestState *qts, const char *dev, uint64_t addr)
{
    qtest_qmp_assert_success(qts, "{'execute': 'x-sysbus-mmio-map', "
                             "'arguments': {'device': %s, 'addr': %" PRIu64
                             "}}", dev, addr);
}

static QTestState *start_mtimer(uint32_t harts)
{
    QTestState *qts = qtest_init("-M none -preconfig");

    qtest_qmp_device_add(qts, "riscv.aclint.mtimer", "mtimer",
                         "{'num-harts': %u, 'timebase-freq': %d}",
                         harts, FREQ);
    mmio_map(qts, "mtimer", MTIMER);
    qtest_qmp_assert_success(qts, "{'execute': 'x-exit-preconfig'}");
    qtest_irq_intercept_out(qts, "mtimer");
    return qts;
}

static void test_mtimer_reset_values(void)
{
    QTestState *qts = start_mtimer(1);

    /*
     * MTIMECMP is 0 at reset, so MTIP is asserted (the machine's own
     * reset came before the interception: reset again to see it)
     */
    qtest_qmp_assert_success(qts, "{'execute': 'system_reset'}");
    g_assert_cmphex(qtest_readq(qts, MTIMECMP(0)), ==, 0);
    g_assert_true(qtest_get_irq(qts, 0));
    g_assert_cmphex(qtest_readq(qts, MTIME), ==, 0);
    /* MTIME counts the virtual clock at timebase-freq */
    qtest_clock_step(qts, 1000);
    g_assert_cmphex(qtest_readl(qts, MTIME), ==, 10);
    qtest_clock_step(qts, 50);
    g_assert_cmphex(qtest_readq(qts, MTIME), ==, 10);
    qtest_clock_step(qts, 50);
    g_assert_cmphex(qtest_readq(qts, MTIME), ==, 11);
    g_assert_cmphex(qtest_readl(qts, MTIME + 4), ==, 0);
    /* outside the registers: 0 */
    g_assert_cmphex(qtest_readl(qts, MTIMECMP(1)), ==, 0);
    g_assert_cmphex(qtest_readl(qts, MTIMER + 0x7ff0), ==, 0);
    qtest_quit(qts);
}

static void test_mtimer_expiry(void)
{
    QTestState *qts = start_mtimer(1);
    int64_t now;

    /* a comparator in the future lowers the line */
    qtest_writel(qts, MTIMECMP(0) + 4, 0);
    qtest_writel(qts, MTIMECMP(0), 1000);
    g_assert_false(qtest_get_irq(qts, 0));
    g_assert_cmphex(qtest_readq(qts, MTIMECMP(0)), ==, 1000);
    now = qtest_clock_step(qts, 99999);
    g_assert_cmpint(now, ==, 99999);
    g_assert_false(qtest_get_irq(qts, 0));
    qtest_clock_step(qts, 1);
    g_assert_true(qtest_get_irq(qts, 0));
    g_assert_cmphex(qtest_readq(qts, MTIME), ==, 1000);

    /* a comparator in the past raises at once */
    qtest_writeq(qts, MTIMECMP(0), 2000);
    g_assert_false(qtest_get_irq(qts, 0));
    qtest_writeq(qts, MTIMECMP(0), 999);
    g_assert_true(qtest_get_irq(qts, 0));
    qtest_quit(qts);
}

/*
 * clock_step without an argument runs the virtual clock to the next
 * timer deadline: the mtimer's, which fires there and not before.
 */
static void test_mtimer_step_to_deadline(void)
{
    QTestState *qts = start_mtimer(1);
    int64_t now;

    qtest_clock_step(qts, 12345);
    qtest_writel(qts, MTIMECMP(0) + 4, 0);
    qtest_writel(qts, MTIMECMP(0), 123 + 5000);
    g_assert_false(qtest_get_irq(qts, 0));
    now = qtest_clock_step_next(qts);
    /* MTIME 123 at 12345 ns; 5000 ticks later is 12345 + 500000 ns */
    g_assert_cmpint(now, ==, 12345 + 500000);
    g_assert_true(qtest_get_irq(qts, 0));
    g_assert_cmphex(qtest_readq(qts, MTIME), ==, 5123);
    /* nothing pending now: the clock stays */
    g_assert_cmpint(qtest_clock_step_next(qts), ==, now);
    qtest_quit(qts);
}

static void test_mtimer_halves(void)
{
    QTestState *qts = start_mtimer(2);

    qtest_writeq(qts, MTIMECMP(1), 0x123456789abcdef0ull);
    g_assert_cmphex(qtest_readl(qts, MTIMECMP(1)), ==, 0x9abcdef0);
    g_assert_cmphex(qtest_readl(qts, MTIMECMP(1) + 4), ==, 0x12345678);
    qtest_writel(qts, MTIMECMP(1) + 4, 0x1);
    g_assert_cmphex(qtest_readq(qts, MTIMECMP(1)), ==, 0x19abcdef0ull);
    qtest_writel(qts, MTIMECMP(1), 0x2);
    g_assert_cmphex(qtest_readq(qts, MTIMECMP(1)), ==, 0x100000002ull);
    /* hart 1 is out[1], hart 0 out[0] */
    qtest_clock_step(qts, 1000);
    qtest_writel(qts, MTIMECMP(1) + 4, 0);
    g_assert_true(qtest_get_irq(qts, 1));
    g_assert_false(qtest_get_irq(qts, 0));
    qtest_writel(qts, MTIMECMP(0), 11);
    qtest_writel(qts, MTIMECMP(0), 10);
    g_assert_true(qtest_get_irq(qts, 0));
    qtest_quit(qts);
}

/* Writable MTIME (QEMU >= 7.0) re-evaluates every comparator. */
static void test_mtimer_write_time(void)
{
    QTestState *qts = start_mtimer(1);

    qtest_writeq(qts, MTIMECMP(0), 0x100000000ull);
    g_assert_false(qtest_get_irq(qts, 0));
    qtest_writel(qts, MTIME + 4, 1);
    g_assert_true(qtest_get_irq(qts, 0));
    g_assert_cmphex(qtest_readq(qts, MTIME), ==, 0x100000000ull);
    qtest_writel(qts, MTIME, 0x10);
    g_assert_cmphex(qtest_readq(qts, MTIME), ==, 0x100000010ull);
    qtest_clock_step(qts, 1000);
    g_assert_cmphex(qtest_readq(qts, MTIME), ==, 0x10000001aull);
    qtest_writeq(qts, MTIME, 0xfffffff0ull);
    g_assert_false(qtest_get_irq(qts, 0));
    /* the timer is re-armed for the new distance: 16 ticks */
    g_assert_cmpint(qtest_clock_step_next(qts), ==, 1000 + 1600);
    g_assert_true(qtest_get_irq(qts, 0));

    /* reset: MTIME back to 0, MTIMECMP kept (as QEMU 7.2) */
    qtest_clock_step(qts, 1000);
    qtest_qmp_assert_success(qts, "{'execute': 'system_reset'}");
    g_assert_cmphex(qtest_readq(qts, MTIME), ==, 0);
    g_assert_cmphex(qtest_readq(qts, MTIMECMP(0)), ==, 0x100000000ull);
    g_assert_false(qtest_get_irq(qts, 0));
    qtest_quit(qts);
}

static void test_swi(void)
{
    QTestState *qts = qtest_init("-M none -preconfig");

    qtest_qmp_device_add(qts, "riscv.aclint.swi", "swi", "{'num-harts': 2}");
    mmio_map(qts, "swi", SWI);
    qtest_qmp_assert_success(qts, "{'execute': 'x-exit-preconfig'}");
    qtest_irq_intercept_out(qts, "swi");

    g_assert_cmphex(qtest_readl(qts, SWI), ==, 0);
    qtest_writel(qts, SWI + 4, 0xffffffff);
    g_assert_true(qtest_get_irq(qts, 1));
    g_assert_false(qtest_get_irq(qts, 0));
    g_assert_cmphex(qtest_readl(qts, SWI + 4), ==, 1);
    qtest_writel(qts, SWI + 4, 2);
    g_assert_false(qtest_get_irq(qts, 1));
    g_assert_cmphex(qtest_readl(qts, SWI + 4), ==, 0);
    /* past the last hart: nothing */
    qtest_writel(qts, SWI + 8, 1);
    g_assert_cmphex(qtest_readl(qts, SWI + 8), ==, 0);
    g_assert_cmphex(qtest_readl(qts, SWI + 0x3ffc), ==, 0);
    /* reset lowers every MSIP */
    qtest_writel(qts, SWI, 1);
    g_assert_true(qtest_get_irq(qts, 0));
    qtest_qmp_assert_success(qts, "{'execute': 'system_reset'}");
    /* the reset runs in the main loop: a qtest command waits for it */
    g_assert_cmphex(qtest_readl(qts, SWI), ==, 0);
    g_assert_false(qtest_get_irq(qts, 0));
    qtest_quit(qts);
}

/* SSWI: SETSSIP sets only, and reads 0. */
static void test_sswi(void)
{
    QTestState *qts = qtest_init("-M none -preconfig");

    qtest_qmp_device_add(qts, "riscv.aclint.swi", "swi", "{'sswi': 1}");
    mmio_map(qts, "swi", SWI);
    qtest_qmp_assert_success(qts, "{'execute': 'x-exit-preconfig'}");
    qtest_irq_intercept_out(qts, "swi");
    qtest_writel(qts, SWI, 1);
    g_assert_true(qtest_get_irq(qts, 0));
    g_assert_cmphex(qtest_readl(qts, SWI), ==, 0);
    qtest_writel(qts, SWI, 0);
    g_assert_true(qtest_get_irq(qts, 0));
    qtest_quit(qts);
}

/*
 * Legacy riscv.sifive.clint at sifive_e's 6.1 layout: outputs are the
 * timer lines, then the soft lines.  MTIME is read-only.
 */
static void test_clint(void)
{
    QTestState *qts = qtest_init("-M none -preconfig");

    qtest_qmp_device_add(qts, "riscv.sifive.clint", "clint",
                         "{'num-harts': 1, 'sip-base': 0, "
                         "'timecmp-base': 16384, 'time-base': 49144, "
                         "'aperture-size': 65536, 'timebase-freq': %d}",
                         FREQ);
    mmio_map(qts, "clint", SWI);
    qtest_qmp_assert_success(qts, "{'execute': 'x-exit-preconfig'}");
    qtest_irq_intercept_out(qts, "clint");

    qtest_writel(qts, SWI, 1);
    g_assert_true(qtest_get_irq(qts, 1));
    g_assert_false(qtest_get_irq(qts, 0));
    g_assert_cmphex(qtest_readl(qts, SWI), ==, 1);
    qtest_writel(qts, SWI, 0);
    g_assert_false(qtest_get_irq(qts, 1));

    qtest_clock_step(qts, 1000);
    g_assert_cmphex(qtest_readq(qts, SWI + 0xbff8), ==, 10);
    qtest_writel(qts, SWI + 0xbff8, 0);
    g_assert_cmphex(qtest_readq(qts, SWI + 0xbff8), ==, 10);
    qtest_writel(qts, SWI + 0x4004, 0);
    qtest_writel(qts, SWI + 0x4000, 20);
    g_assert_false(qtest_get_irq(qts, 0));
    g_assert_cmpint(qtest_clock_step_next(qts), ==, 2000);
    g_assert_true(qtest_get_irq(qts, 0));
    qtest_quit(qts);
}

static void test_errors(void)
{
    QTestState *qts = qtest_init("-M none -preconfig");
    JsonObject *r;

    r = qtest_qmp(qts, "{'execute': 'device_add', 'arguments': "
                  "{'driver': 'riscv.aclint.mtimer', 'num-harts': 4096}}");
    g_assert_cmpstr(qtest_reply_error_desc(r), ==,
                    "num-harts 4096 is more than 4095");
    json_object_unref(r);
    r = qtest_qmp(qts, "{'execute': 'device_add', 'arguments': "
                  "{'driver': 'riscv.aclint.swi', 'num-harts': 4096}}");
    g_assert_cmpstr(qtest_reply_error_desc(r), ==,
                    "num-harts 4096 is more than 4095");
    json_object_unref(r);
    /* timebase-freq 0: MTIME stands still and no timer is armed */
    qtest_qmp_device_add(qts, "riscv.aclint.mtimer", "mtimer", "{}");
    mmio_map(qts, "mtimer", MTIMER);
    qtest_qmp_assert_success(qts, "{'execute': 'x-exit-preconfig'}");
    qtest_writel(qts, MTIMECMP(0), 5);
    qtest_clock_step(qts, 1000000);
    g_assert_cmphex(qtest_readq(qts, MTIME), ==, 0);
    qtest_quit(qts);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    qtest_add_func("aclint/mtimer/reset-values", test_mtimer_reset_values);
    qtest_add_func("aclint/mtimer/expiry", test_mtimer_expiry);
    qtest_add_func("aclint/mtimer/step-to-deadline",
                   test_mtimer_step_to_deadline);
    qtest_add_func("aclint/mtimer/halves", test_mtimer_halves);
    qtest_add_func("aclint/mtimer/write-time", test_mtimer_write_time);
    qtest_add_func("aclint/swi", test_swi);
    qtest_add_func("aclint/sswi", test_sswi);
    qtest_add_func("aclint/sifive-clint", test_clint);
    qtest_add_func("aclint/errors", test_errors);
    return g_test_run();
}
