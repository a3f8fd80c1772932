/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * riscv.sifive.plic through qtest: QEMU 7.2's register layout with the
 * sifive_e parameters, claim/complete, priority and threshold rules,
 * multi-hart contexts and output order, reset, the 7.2 quirks and the
 * hart-config errors.  Machines are assembled over QMP in -preconfig.
 */
#include "qemu/osdep.h"
#include "libqtest.h"

#define PLIC 0x0c000000ull
#define PRIO(n) (PLIC + 4 * (n))            /* priority-base 4: source n */
#define PENDING(w) (PLIC + 0x1000 + 4 * (w))
#define ENABLE(ctx, w) (PLIC + 0x2000 + 0x80 * (ctx) + 4 * (w))
#define THRESHOLD(ctx) (PLIC + 0x200000 + 0x1000 * (ctx))
#define CLAIM(ctx) (THRESHOLD(ctx) + 4)

/* Output lines for hart-config "M": out[0] hart 0 S, out[1] hart 0 M. */
#define OUT_M 1

static void mmio_map(QTestState *qts, const char *dev, uint64_t addr)
{
    qtest_qmp_assert_success(qts, "{'execute': 'x-sysbus-mmio-map', "
                             "'arguments': {'device': %s, 'addr': %" PRIu64
                             "}}", dev, addr);
}

/* The sifive_e PLIC of QEMU 7.2 (@config its hart-config). */
static QTestState *start_plic(const char *config, uint32_t num_prios,
                              uint32_t prio_base)
{
    QTestState *qts = qtest_init("-M none -preconfig");

    qtest_qmp_device_add(qts, "riscv.sifive.plic", "plic",
                         "{'hart-config': %s, 'num-sources': 127, "
                         "'num-priorities': %u, 'priority-base': %u, "
                         "'pending-base': 4096, 'enable-base': 8192, "
                         "'enable-stride': 128, 'context-base': 2097152, "
                         "'context-stride': 4096, "
                         "'aperture-size': 67108864}",
                         config, num_prios, prio_base);
    mmio_map(qts, "plic", PLIC);
    qtest_qmp_assert_success(qts, "{'execute': 'x-exit-preconfig'}");
    qtest_irq_intercept_out(qts, "plic");
    return qts;
}

static void set_src(QTestState *qts, int src, int level)
{
    qtest_set_irq_in(qts, "plic", NULL, src, level);
}

static void test_registers(void)
{
    QTestState *qts = start_plic("M", 7, 4);

    /* reset values */
    g_assert_cmphex(qtest_readl(qts, PRIO(1)), ==, 0);
    g_assert_cmphex(qtest_readl(qts, PENDING(0)), ==, 0);
    g_assert_cmphex(qtest_readl(qts, ENABLE(0, 0)), ==, 0);
    g_assert_cmphex(qtest_readl(qts, THRESHOLD(0)), ==, 0);
    g_assert_cmphex(qtest_readl(qts, CLAIM(0)), ==, 0);
    g_assert_false(qtest_get_irq(qts, OUT_M));

    /* 7 priorities: 8 is a power of two, so the fields are WARL */
    qtest_writel(qts, PRIO(1), 0xff);
    g_assert_cmphex(qtest_readl(qts, PRIO(1)), ==, 7);
    qtest_writel(qts, PRIO(126), 3);
    g_assert_cmphex(qtest_readl(qts, PRIO(126)), ==, 3);
    qtest_writel(qts, THRESHOLD(0), 0xff);
    g_assert_cmphex(qtest_readl(qts, THRESHOLD(0)), ==, 7);
    /* offset 0 lies before priority-base: reads 0, writes dropped */
    qtest_writel(qts, PLIC, 5);
    g_assert_cmphex(qtest_readl(qts, PLIC), ==, 0);

    /* 127 sources: 4 enable words, the fifth is out of range */
    qtest_writel(qts, ENABLE(0, 3), 0xffffffff);
    g_assert_cmphex(qtest_readl(qts, ENABLE(0, 3)), ==, 0xffffffff);
    qtest_writel(qts, ENABLE(0, 4), 0xffffffff);
    g_assert_cmphex(qtest_readl(qts, ENABLE(0, 4)), ==, 0);
    /* pending is read-only */
    qtest_writel(qts, PENDING(0), 0xffffffff);
    g_assert_cmphex(qtest_readl(qts, PENDING(0)), ==, 0);
    /* only 4-byte accesses reach the device */
    g_assert_cmphex(qtest_readb(qts, PRIO(1)), ==, 0);
    qtest_writeb(qts, PRIO(2), 1);
    g_assert_cmphex(qtest_readl(qts, PRIO(2)), ==, 0);

    /* reset clears everything */
    qtest_qmp_assert_success(qts, "{'execute': 'system_reset'}");
    g_assert_cmphex(qtest_readl(qts, PRIO(1)), ==, 0);
    g_assert_cmphex(qtest_readl(qts, THRESHOLD(0)), ==, 0);
    g_assert_cmphex(qtest_readl(qts, ENABLE(0, 3)), ==, 0);
    qtest_quit(qts);
}

static void test_claim_complete(void)
{
    QTestState *qts = start_plic("M", 7, 4);

    qtest_writel(qts, PRIO(3), 1);
    qtest_writel(qts, ENABLE(0, 0), 1 << 3);
    set_src(qts, 3, 1);
    g_assert_true(qtest_get_irq(qts, OUT_M));
    g_assert_cmphex(qtest_readl(qts, PENDING(0)), ==, 1 << 3);

    /* claim: the ID, pending cleared, the line drops */
    g_assert_cmpuint(qtest_readl(qts, CLAIM(0)), ==, 3);
    g_assert_cmphex(qtest_readl(qts, PENDING(0)), ==, 0);
    g_assert_false(qtest_get_irq(qts, OUT_M));
    g_assert_cmpuint(qtest_readl(qts, CLAIM(0)), ==, 0);

    /* asserted again while claimed: pending, but not claimable */
    set_src(qts, 3, 0);
    set_src(qts, 3, 1);
    g_assert_cmphex(qtest_readl(qts, PENDING(0)), ==, 1 << 3);
    g_assert_false(qtest_get_irq(qts, OUT_M));
    g_assert_cmpuint(qtest_readl(qts, CLAIM(0)), ==, 0);

    /* complete: claimable again */
    qtest_writel(qts, CLAIM(0), 3);
    g_assert_true(qtest_get_irq(qts, OUT_M));
    g_assert_cmpuint(qtest_readl(qts, CLAIM(0)), ==, 3);
    g_assert_false(qtest_get_irq(qts, OUT_M));
    /* completing an out-of-range ID is ignored */
    qtest_writel(qts, CLAIM(0), 127);
    qtest_writel(qts, CLAIM(0), 3);
    g_assert_false(qtest_get_irq(qts, OUT_M));
    qtest_quit(qts);
}

static void test_priorities(void)
{
    QTestState *qts = start_plic("M", 7, 4);

    qtest_writel(qts, PRIO(5), 2);
    qtest_writel(qts, PRIO(9), 2);
    qtest_writel(qts, PRIO(7), 1);
    qtest_writel(qts, PRIO(40), 3);
    qtest_writel(qts, PRIO(8), 0);
    qtest_writel(qts, ENABLE(0, 0), (1 << 5) | (1 << 7) | (1 << 8) |
                 (1 << 9));
    qtest_writel(qts, ENABLE(0, 1), 1 << 8);
    set_src(qts, 9, 1);
    set_src(qts, 7, 1);
    set_src(qts, 5, 1);
    set_src(qts, 8, 1);
    set_src(qts, 40, 1);
    g_assert_cmphex(qtest_readl(qts, PENDING(0)), ==, 0x3a0);
    g_assert_cmphex(qtest_readl(qts, PENDING(1)), ==, 1 << 8);

    /* threshold 2: only priorities above 2 */
    qtest_writel(qts, THRESHOLD(0), 2);
    g_assert_cmpuint(qtest_readl(qts, CLAIM(0)), ==, 40);
    g_assert_false(qtest_get_irq(qts, OUT_M));
    g_assert_cmpuint(qtest_readl(qts, CLAIM(0)), ==, 0);
    /* lowering the threshold re-evaluates */
    qtest_writel(qts, THRESHOLD(0), 0);
    g_assert_true(qtest_get_irq(qts, OUT_M));
    /* a tie goes to the lowest ID; priority 0 never interrupts */
    g_assert_cmpuint(qtest_readl(qts, CLAIM(0)), ==, 5);
    g_assert_cmpuint(qtest_readl(qts, CLAIM(0)), ==, 9);
    g_assert_cmpuint(qtest_readl(qts, CLAIM(0)), ==, 7);
    g_assert_cmpuint(qtest_readl(qts, CLAIM(0)), ==, 0);
    g_assert_false(qtest_get_irq(qts, OUT_M));
    g_assert_cmphex(qtest_readl(qts, PENDING(0)), ==, 1 << 8);

    /* raising a priority makes the waiting source claimable */
    qtest_writel(qts, PRIO(8), 1);
    g_assert_true(qtest_get_irq(qts, OUT_M));
    g_assert_cmpuint(qtest_readl(qts, CLAIM(0)), ==, 8);
    qtest_quit(qts);
}

/* Quirks of QEMU 7.2 (and its stable branch) that firmware may rely on. */
static void test_quirks(void)
{
    QTestState *qts = start_plic("M", 7, 4);

    /* level-low input does not clear pending (7.2.x stable backport) */
    qtest_writel(qts, PRIO(2), 1);
    set_src(qts, 2, 1);
    set_src(qts, 2, 0);
    g_assert_cmphex(qtest_readl(qts, PENDING(0)), ==, 1 << 2);

    /* an enable write stores only: the line waits for the next event */
    qtest_writel(qts, ENABLE(0, 0), 1 << 2);
    g_assert_false(qtest_get_irq(qts, OUT_M));
    qtest_writel(qts, THRESHOLD(0), 0);
    g_assert_true(qtest_get_irq(qts, OUT_M));
    /* and disabling does not lower it either */
    qtest_writel(qts, ENABLE(0, 0), 0);
    g_assert_true(qtest_get_irq(qts, OUT_M));
    g_assert_cmpuint(qtest_readl(qts, CLAIM(0)), ==, 0);
    g_assert_false(qtest_get_irq(qts, OUT_M));

    /* complete does not check the source is enabled for the context */
    qtest_writel(qts, ENABLE(0, 0), 1 << 2);
    qtest_writel(qts, THRESHOLD(0), 0);
    g_assert_cmpuint(qtest_readl(qts, CLAIM(0)), ==, 2);
    qtest_writel(qts, ENABLE(0, 0), 0);
    qtest_writel(qts, CLAIM(0), 2);
    set_src(qts, 2, 1);
    qtest_writel(qts, ENABLE(0, 0), 1 << 2);
    g_assert_cmpuint(qtest_readl(qts, CLAIM(0)), ==, 2);
    qtest_quit(qts);
}

/*
 * The 7.2 opentitan board's priority-base 0: the register at +4k is
 * source k+1 (fixed upstream in 8.0), and 3 priorities are WARL.
 */
static void test_prio_base_zero(void)
{
    QTestState *qts = start_plic("M", 3, 0);

    qtest_writel(qts, PLIC + 0, 5);
    g_assert_cmphex(qtest_readl(qts, PLIC + 0), ==, 1);
    qtest_writel(qts, PLIC + 4, 0xff);
    g_assert_cmphex(qtest_readl(qts, PLIC + 4), ==, 3);
    qtest_writel(qts, ENABLE(0, 0), (1 << 1) | (1 << 2));
    set_src(qts, 1, 1);
    set_src(qts, 2, 1);
    /* source 2 has priority 3 (written at +4), source 1 has 1 */
    g_assert_cmpuint(qtest_readl(qts, CLAIM(0)), ==, 2);
    g_assert_cmpuint(qtest_readl(qts, CLAIM(0)), ==, 1);
    /* the last register reaches source num-sources: stored, harmless */
    qtest_writel(qts, PLIC + 4 * 126, 2);
    g_assert_cmphex(qtest_readl(qts, PLIC + 4 * 126), ==, 2);
    qtest_quit(qts);
}

/* Not a power of two: out-of-range values are ignored, not reduced. */
static void test_prio_not_pow2(void)
{
    QTestState *qts = start_plic("M", 5, 4);

    qtest_writel(qts, PRIO(1), 4);
    qtest_writel(qts, PRIO(1), 6);
    g_assert_cmphex(qtest_readl(qts, PRIO(1)), ==, 4);
    qtest_writel(qts, PRIO(1), 5);
    g_assert_cmphex(qtest_readl(qts, PRIO(1)), ==, 5);
    qtest_writel(qts, THRESHOLD(0), 9);
    g_assert_cmphex(qtest_readl(qts, THRESHOLD(0)), ==, 0);
    qtest_quit(qts);
}

/*
 * "M,MS": contexts 0 = hart 0 M, 1 = hart 1 M, 2 = hart 1 S; outputs
 * out[0..1] S of harts 0-1, out[2..3] M of harts 0-1.
 */
static void test_contexts(void)
{
    QTestState *qts = start_plic("M,MS", 7, 4);
    JsonObject *r;

    qtest_writel(qts, PRIO(1), 1);
    qtest_writel(qts, ENABLE(2, 0), 1 << 1);
    set_src(qts, 1, 1);
    g_assert_true(qtest_get_irq(qts, 1));
    g_assert_false(qtest_get_irq(qts, 0));
    g_assert_false(qtest_get_irq(qts, 2));
    g_assert_false(qtest_get_irq(qts, 3));
    qtest_writel(qts, ENABLE(1, 0), 1 << 1);
    qtest_writel(qts, THRESHOLD(1), 0);
    g_assert_true(qtest_get_irq(qts, 3));
    /* a claim by one context takes it from the other */
    g_assert_cmpuint(qtest_readl(qts, CLAIM(1)), ==, 1);
    g_assert_false(qtest_get_irq(qts, 1));
    g_assert_false(qtest_get_irq(qts, 3));
    /* context 3 does not exist */
    g_assert_cmphex(qtest_readl(qts, THRESHOLD(3)), ==, 0);

    r = qtest_qmp(qts, "{'execute': 'qom-get', 'arguments': "
                  "{'path': 'plic', 'property': 'unnamed-gpio-out[3]'}}");
    g_assert_nonnull(json_object_get_member(r, "return"));
    json_object_unref(r);
    r = qtest_qmp(qts, "{'execute': 'qom-get', 'arguments': "
                  "{'path': 'plic', 'property': 'unnamed-gpio-out[4]'}}");
    g_assert_nonnull(qtest_reply_error_desc(r));
    json_object_unref(r);
    qtest_quit(qts);
}

/* Outputs wired over QMP reach the input they name. */
static void test_wired(void)
{
    QTestState *qts = qtest_init("-M none -preconfig");

    qtest_qmp_device_add(qts, "riscv.sifive.plic", "plic",
                         "{'hart-config': 'M', 'num-sources': 8, "
                         "'num-priorities': 7, 'priority-base': 4, "
                         "'pending-base': 4096, 'enable-base': 8192, "
                         "'enable-stride': 128, 'context-base': 2097152, "
                         "'context-stride': 4096, "
                         "'aperture-size': 67108864}");
    qtest_qmp_device_add(qts, "or-irq", "or", "{'num-lines': 2}");
    qtest_qmp_assert_success(qts, "{'execute': 'qom-set', 'arguments': "
                             "{'path': 'plic', 'property': "
                             "'unnamed-gpio-out[1]', 'value': "
                             "'or/unnamed-gpio-in[1]'}}");
    mmio_map(qts, "plic", PLIC);
    qtest_qmp_assert_success(qts, "{'execute': 'x-exit-preconfig'}");
    qtest_irq_intercept_in(qts, "or");
    qtest_writel(qts, PRIO(4), 1);
    qtest_writel(qts, ENABLE(0, 0), 1 << 4);
    qtest_set_irq_in(qts, "plic", NULL, 4, 1);
    g_assert_true(qtest_get_irq(qts, 1));
    /* 8 sources: the pending window is one byte, word 0 */
    g_assert_cmphex(qtest_readl(qts, PENDING(0)), ==, 1 << 4);
    g_assert_cmpuint(qtest_readl(qts, CLAIM(0)), ==, 4);
    g_assert_false(qtest_get_irq(qts, 1));
    qtest_quit(qts);
}

/* device_add with hart-config @config (NULL: unset) fails with @msg. */
static void check_error(const char *config, const char *msg)
{
    QTestState *qts = qtest_init("-M none -preconfig");
    JsonObject *r;

    if (config) {
        r = qtest_qmp(qts, "{'execute': 'device_add', 'arguments': "
                      "{'driver': 'riscv.sifive.plic', 'num-sources': 8, "
                      "'hart-config': %s}}", config);
    } else {
        r = qtest_qmp(qts, "{'execute': 'device_add', 'arguments': "
                      "{'driver': 'riscv.sifive.plic', 'num-sources': 8}}");
    }
    g_assert_cmpstr(qtest_reply_error_desc(r), ==, msg);
    json_object_unref(r);
    qtest_quit(qts);
}

static void test_errors(void)
{
    check_error("MX", "plic: invalid mode 'X'");
    check_error("M,SMS", "plic: duplicate mode 'S' in config: M,SMS");
    check_error(NULL, "plic: property 'hart-config' not specified");
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    qtest_add_func("sifive-plic/registers", test_registers);
    qtest_add_func("sifive-plic/claim-complete", test_claim_complete);
    qtest_add_func("sifive-plic/priorities", test_priorities);
    qtest_add_func("sifive-plic/quirks", test_quirks);
    qtest_add_func("sifive-plic/priority-base-0", test_prio_base_zero);
    qtest_add_func("sifive-plic/priority-not-pow2", test_prio_not_pow2);
    qtest_add_func("sifive-plic/contexts", test_contexts);
    qtest_add_func("sifive-plic/wired", test_wired);
    qtest_add_func("sifive-plic/errors", test_errors);
    return g_test_run();
}
