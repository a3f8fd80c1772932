/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * ibex-timer through qtest: the 7.x register layout and reset values,
 * mtime from the virtual clock at timebase-freq, compare/expiry with
 * clock_step, the sysbus IRQ and the MTIP output, QEMU's quirks, and the
 * direct drive of CPU 0's MTIP when the output is not wired.
 *
 * The two outputs are told apart by wiring them into an "or-irq" whose
 * inputs are intercepted: IRQ 0 is sysbus-irq[0], IRQ 1 is MTIP.
 */
#include "qemu/osdep.h"
#include "libqtest.h"

#define TIMER_BASE      0x40100000ull
#define ALERT_TEST      (TIMER_BASE + 0x000)
#define CTRL            (TIMER_BASE + 0x004)
#define CFG0            (TIMER_BASE + 0x100)
#define LOWER0          (TIMER_BASE + 0x104)
#define UPPER0          (TIMER_BASE + 0x108)
#define COMPARE_LOWER0  (TIMER_BASE + 0x10c)
#define COMPARE_UPPER0  (TIMER_BASE + 0x110)
#define INTR_ENABLE     (TIMER_BASE + 0x114)
#define INTR_STATE      (TIMER_BASE + 0x118)
#define INTR_TEST       (TIMER_BASE + 0x11c)

#define IRQ_LINE        0
#define MTIP_LINE       1

/* ns per tick at the default 10 kHz */
#define TICK_NS         100000

static void qom_set_link(QTestState *qts, const char *path,
                         const char *prop, const char *value)
{
    qtest_qmp_assert_success(qts, "{'execute': 'qom-set', 'arguments': "
                             "{'path': %s, 'property': %s, 'value': %s}}",
                             path, prop, value);
}

/*
 * A timer at TIMER_BASE (timebase-freq @freq); with @probe, its outputs
 * go to an or-irq "probe" whose inputs are intercepted.
 */
static QTestState *timer_start(const char *extra, uint32_t freq, bool probe)
{
    QTestState *qts = qtest_initf("-M none -preconfig %s", extra);

    qtest_qmp_device_add(qts, "ibex-timer", "timer",
                         "{'timebase-freq': %u}", freq);
    qtest_qmp_assert_success(qts, "{'execute': 'x-sysbus-mmio-map', "
                             "'arguments': {'device': 'timer', 'addr': %"
                             PRIu64 "}}", (uint64_t)TIMER_BASE);
    if (probe) {
        qtest_qmp_device_add(qts, "or-irq", "probe", "{'num-lines': 2}");
        qom_set_link(qts, "timer", "sysbus-irq[0]",
                     "probe/unnamed-gpio-in[0]");
        qom_set_link(qts, "timer", "unnamed-gpio-out[0]",
                     "probe/unnamed-gpio-in[1]");
    }
    qtest_qmp_assert_success(qts, "{'execute': 'x-exit-preconfig'}");
    if (probe) {
        qtest_irq_intercept_in(qts, "probe");
    }
    return qts;
}

static uint64_t mtime(QTestState *qts)
{
    uint32_t hi = qtest_readl(qts, UPPER0);
    uint32_t lo = qtest_readl(qts, LOWER0);

    return ((uint64_t)hi << 32) | lo;
}

/* Active timer with interrupt enable @ie; compare = now + @ticks. */
static void arm(QTestState *qts, uint32_t ie, uint64_t ticks)
{
    uint64_t cmp = mtime(qts) + ticks;

    qtest_writel(qts, CTRL, 1);
    qtest_writel(qts, INTR_ENABLE, ie);
    qtest_writel(qts, COMPARE_UPPER0, cmp >> 32);
    qtest_writel(qts, COMPARE_LOWER0, (uint32_t)cmp);
}

static void test_reset_values(void)
{
    QTestState *qts = timer_start("", 10000, false);

    g_assert_cmphex(qtest_readl(qts, ALERT_TEST), ==, 0);
    g_assert_cmphex(qtest_readl(qts, CTRL), ==, 0);
    g_assert_cmphex(qtest_readl(qts, CFG0), ==, 0x10000);
    g_assert_cmphex(qtest_readl(qts, COMPARE_LOWER0), ==, 0xffffffff);
    g_assert_cmphex(qtest_readl(qts, COMPARE_UPPER0), ==, 0xffffffff);
    g_assert_cmphex(qtest_readl(qts, INTR_ENABLE), ==, 0);
    g_assert_cmphex(qtest_readl(qts, INTR_STATE), ==, 0);
    g_assert_cmphex(qtest_readl(qts, INTR_TEST), ==, 0);
    /* 7.x layout: 0x000 is ALERT_TEST, so a write there is not CTRL */
    qtest_writel(qts, ALERT_TEST, 1);
    g_assert_cmphex(qtest_readl(qts, CTRL), ==, 0);
    /* CFG0 is stored (and ignored); the counter cannot be written */
    qtest_writel(qts, CFG0, 0x20005);
    g_assert_cmphex(qtest_readl(qts, CFG0), ==, 0x20005);
    qtest_writel(qts, LOWER0, 0x12345);
    qtest_writel(qts, UPPER0, 0x12345);
    g_assert_cmphex(qtest_readl(qts, UPPER0), ==, 0);
    /* unknown offsets read 0 */
    g_assert_cmphex(qtest_readl(qts, TIMER_BASE + 0x3fc), ==, 0);

    qtest_writel(qts, CTRL, 1);
    qtest_writel(qts, INTR_ENABLE, 1);
    qtest_qmp_assert_success(qts, "{'execute': 'system_reset'}");
    qtest_qmp_eventwait(qts, "RESET");
    g_assert_cmphex(qtest_readl(qts, CTRL), ==, 0);
    g_assert_cmphex(qtest_readl(qts, CFG0), ==, 0x10000);
    g_assert_cmphex(qtest_readl(qts, INTR_ENABLE), ==, 0);
    qtest_quit(qts);
}

static void test_mtime(void)
{
    QTestState *qts = timer_start("", 10000, false);
    uint64_t t0 = mtime(qts);

    /* 10 kHz: 10 ticks per ms, whether ACTIVE or not */
    qtest_clock_step(qts, 1000000);
    g_assert_cmpuint(mtime(qts) - t0, ==, 10);
    qtest_clock_step(qts, 1000000000);
    g_assert_cmpuint(mtime(qts) - t0, ==, 10010);
    qtest_quit(qts);

    qts = timer_start("", 1000000, false);
    t0 = mtime(qts);
    qtest_clock_step(qts, 1000000);
    g_assert_cmpuint(mtime(qts) - t0, ==, 1000);
    qtest_quit(qts);
}

static void test_expiry(void)
{
    QTestState *qts = timer_start("", 10000, true);

    arm(qts, 1, 100);
    g_assert_false(qtest_get_irq(qts, IRQ_LINE));
    g_assert_false(qtest_get_irq(qts, MTIP_LINE));
    qtest_clock_step(qts, 100 * TICK_NS - 1);
    g_assert_false(qtest_get_irq(qts, MTIP_LINE));
    g_assert_cmphex(qtest_readl(qts, INTR_STATE), ==, 0);
    qtest_clock_step(qts, 1);
    g_assert_true(qtest_get_irq(qts, MTIP_LINE));
    g_assert_true(qtest_get_irq(qts, IRQ_LINE));
    g_assert_cmphex(qtest_readl(qts, INTR_STATE), ==, 1);

    /* QUIRK: clearing INTR_STATE leaves the IRQ line up */
    qtest_writel(qts, INTR_STATE, 1);
    g_assert_cmphex(qtest_readl(qts, INTR_STATE), ==, 0);
    g_assert_true(qtest_get_irq(qts, IRQ_LINE));
    /* a future compare lowers both */
    arm(qts, 1, 50);
    g_assert_false(qtest_get_irq(qts, MTIP_LINE));
    g_assert_false(qtest_get_irq(qts, IRQ_LINE));
    /* clock_step_next lands exactly on the deadline */
    qtest_clock_step_next(qts);
    g_assert_true(qtest_get_irq(qts, MTIP_LINE));
    g_assert_true(qtest_get_irq(qts, IRQ_LINE));

    /* interrupt disabled: MTIP only, INTR_STATE stays 0 */
    arm(qts, 0, 10);
    qtest_writel(qts, INTR_STATE, 1);
    qtest_clock_step(qts, 10 * TICK_NS);
    g_assert_true(qtest_get_irq(qts, MTIP_LINE));
    g_assert_false(qtest_get_irq(qts, IRQ_LINE));
    g_assert_cmphex(qtest_readl(qts, INTR_STATE), ==, 0);

    /* a compare already passed fires at once */
    arm(qts, 1, 10);
    g_assert_false(qtest_get_irq(qts, MTIP_LINE));
    qtest_writel(qts, COMPARE_LOWER0, 0);
    qtest_writel(qts, COMPARE_UPPER0, 0);
    g_assert_true(qtest_get_irq(qts, MTIP_LINE));
    g_assert_true(qtest_get_irq(qts, IRQ_LINE));
    qtest_quit(qts);
}

static void test_inactive(void)
{
    QTestState *qts = timer_start("", 10000, true);
    uint64_t now = mtime(qts);

    /* ACTIVE clear: compare writes do nothing at all */
    qtest_writel(qts, INTR_ENABLE, 1);
    qtest_writel(qts, COMPARE_UPPER0, 0);
    qtest_writel(qts, COMPARE_LOWER0, now);
    g_assert_false(qtest_get_irq(qts, MTIP_LINE));
    qtest_clock_step(qts, 10 * TICK_NS);
    g_assert_false(qtest_get_irq(qts, MTIP_LINE));
    /* QUIRK: setting ACTIVE does not re-evaluate either */
    qtest_writel(qts, CTRL, 1);
    g_assert_false(qtest_get_irq(qts, MTIP_LINE));
    qtest_writel(qts, COMPARE_LOWER0, now);
    g_assert_true(qtest_get_irq(qts, MTIP_LINE));
    /* clearing ACTIVE leaves the lines as they are */
    qtest_writel(qts, CTRL, 0);
    qtest_writel(qts, COMPARE_UPPER0, 0xffffffff);
    g_assert_true(qtest_get_irq(qts, MTIP_LINE));
    qtest_quit(qts);
}

static void test_intr_test(void)
{
    QTestState *qts = timer_start("", 10000, true);

    /* needs IE_0 */
    qtest_writel(qts, INTR_TEST, 1);
    g_assert_cmphex(qtest_readl(qts, INTR_STATE), ==, 0);
    g_assert_false(qtest_get_irq(qts, IRQ_LINE));
    qtest_writel(qts, INTR_ENABLE, 1);
    qtest_writel(qts, INTR_TEST, 1);
    g_assert_cmphex(qtest_readl(qts, INTR_STATE), ==, 1);
    g_assert_true(qtest_get_irq(qts, IRQ_LINE));
    g_assert_false(qtest_get_irq(qts, MTIP_LINE));
    /* write-only: reads 0 */
    g_assert_cmphex(qtest_readl(qts, INTR_TEST), ==, 0);
    qtest_quit(qts);
}

static void test_huge_compare(void)
{
    QTestState *qts = timer_start("", 10000, true);
    int64_t now_ns;

    /*
     * QEMU overflows its deadline for such values and fires at once;
     * this model saturates: no interrupt, no timer armed.
     */
    arm(qts, 1, 10);
    qtest_writel(qts, COMPARE_UPPER0, 0x7fffffff);
    g_assert_false(qtest_get_irq(qts, MTIP_LINE));
    now_ns = qtest_clock_step(qts, 0);
    g_assert_cmpint(qtest_clock_step_next(qts), ==, now_ns);
    qtest_clock_step(qts, 1000 * 1000000000ll);
    g_assert_false(qtest_get_irq(qts, MTIP_LINE));
    qtest_quit(qts);
}

static void test_realize_errors(void)
{
    QTestState *qts = qtest_init("-M none -preconfig");
    JsonObject *r;

    r = qtest_qmp(qts, "{'execute': 'device_add', 'arguments': "
                  "{'driver': 'ibex-timer', 'timebase-freq': 0}}");
    g_assert_cmpstr(qtest_reply_error_desc(r), ==,
                    "ibex-timer: 'timebase-freq' must be non-zero");
    json_object_unref(r);
    qtest_quit(qts);
}

/* A CPU option for the direct-drive test, or NULL while none exists. */
static char *find_cpu_option(void)
{
    QTestState *qts = qtest_init("-M none");
    JsonObject *r = qtest_qmp_assert_success_ref(qts,
        "{'execute': 'qom-list-types', 'arguments': {'abstract': false}}");
    JsonArray *list = json_object_get_array_member(r, "return");
    char *found = NULL;

    for (guint i = 0; i < json_array_get_length(list) && !found; i++) {
        JsonObject *o = json_array_get_object_element(list, i);

        if (!strcmp(json_object_get_string_member(o, "name"),
                    "lowrisc-ibex-riscv-cpu")) {
            found = g_strdup("-cpu lowrisc-ibex");
        }
    }
    json_object_unref(r);
    qtest_quit(qts);
    return found;
}

/* MTIP not wired: CPU 0's input 7 is driven directly (QEMU 6.1). */
static void test_direct_drive(void)
{
    g_autofree char *cpu_opt = find_cpu_option();
    QTestState *qts;

    if (!cpu_opt) {
        g_test_skip("no lowrisc-ibex CPU in this build yet");
        return;
    }
    qts = timer_start(cpu_opt, 10000, false);
    qtest_irq_intercept_in(qts, "/machine/unattached/device[0]");
    arm(qts, 0, 5);
    g_assert_false(qtest_get_irq(qts, 7));
    qtest_clock_step(qts, 5 * TICK_NS);
    g_assert_true(qtest_get_irq(qts, 7));
    arm(qts, 0, 5);
    g_assert_false(qtest_get_irq(qts, 7));
    qtest_quit(qts);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    qtest_add_func("ibex-timer/reset-values", test_reset_values);
    qtest_add_func("ibex-timer/mtime", test_mtime);
    qtest_add_func("ibex-timer/expiry", test_expiry);
    qtest_add_func("ibex-timer/inactive-quirks", test_inactive);
    qtest_add_func("ibex-timer/intr-test", test_intr_test);
    qtest_add_func("ibex-timer/huge-compare", test_huge_compare);
    qtest_add_func("ibex-timer/realize-errors", test_realize_errors);
    qtest_add_func("ibex-timer/direct-drive-mtip", test_direct_drive);
    return g_test_run();
}
