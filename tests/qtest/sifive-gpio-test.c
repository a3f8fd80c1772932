/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * sifive_soc.gpio through qtest: reset values, external inputs, pull-ups,
 * the sticky RISE/FALL/HIGH/LOW pending bits and their per-pin
 * interrupts (sysbus-irq[i]), outputs (unnamed-gpio-out[i]) seen through
 * a second GPIO block, OUT_XOR, QEMU's "pending set again after W1C"
 * quirk, and the ngpio bound.
 */
#include "qemu/osdep.h"
#include "libqtest.h"

#define GPIO UINT64_C(0x10012000)
#define GPIO2 UINT64_C(0x10022000)
#define VALUE 0x00
#define INPUT_EN 0x04
#define OUTPUT_EN 0x08
#define PORT 0x0c
#define PUE 0x10
#define DS 0x14
#define RISE_IE 0x18
#define RISE_IP 0x1c
#define FALL_IE 0x20
#define FALL_IP 0x24
#define HIGH_IE 0x28
#define HIGH_IP 0x2c
#define LOW_IE 0x30
#define LOW_IP 0x34
#define IOF_EN 0x38
#define IOF_SEL 0x3c
#define OUT_XOR 0x40

static void mmio_map(QTestState *qts, const char *dev, uint64_t addr)
{
    qtest_qmp_assert_success(qts, "{'execute': 'x-sysbus-mmio-map', "
                             "'arguments': {'device': %s, 'addr': %" PRIu64
                             "}}", dev, addr);
}

static QTestState *start_gpio(uint32_t ngpio)
{
    QTestState *qts = qtest_init("-M none -preconfig");

    qtest_qmp_device_add(qts, "sifive_soc.gpio", "gpio", "{'ngpio': %u}",
                         ngpio);
    mmio_map(qts, "gpio", GPIO);
    qtest_qmp_assert_success(qts, "{'execute': 'x-exit-preconfig'}");
    qtest_irq_intercept_out(qts, "gpio");
    return qts;
}

static void test_registers(void)
{
    QTestState *qts = start_gpio(32);
    static const unsigned rw[] = {
        INPUT_EN, OUTPUT_EN, PORT, PUE, DS, RISE_IE, FALL_IE, HIGH_IE,
        LOW_IE, IOF_EN, IOF_SEL, OUT_XOR,
    };

    for (unsigned off = 0; off <= OUT_XOR; off += 4) {
        g_assert_cmphex(qtest_readl(qts, GPIO + off), ==, 0);
    }
    /* QEMU quirk: any write re-evaluates, and low inputs set LOW_IP */
    qtest_writel(qts, GPIO + DS, 0x5);
    g_assert_cmphex(qtest_readl(qts, GPIO + LOW_IP), ==, 0xffffffff);
    qtest_writel(qts, GPIO + LOW_IP, 0xffffffff);
    g_assert_cmphex(qtest_readl(qts, GPIO + LOW_IP), ==, 0xffffffff);
    for (unsigned i = 0; i < G_N_ELEMENTS(rw); i++) {
        qtest_writel(qts, GPIO + rw[i], 0x00010000 + rw[i]);
        g_assert_cmphex(qtest_readl(qts, GPIO + rw[i]), ==,
                        0x00010000 + rw[i]);
    }
    /* VALUE is read-only; past the registers: 0 */
    qtest_writel(qts, GPIO + VALUE, 0xffffffff);
    g_assert_cmphex(qtest_readl(qts, GPIO + VALUE), ==, 0);
    g_assert_cmphex(qtest_readl(qts, GPIO + 0x44), ==, 0);
    /* reset clears everything */
    qtest_qmp_assert_success(qts, "{'execute': 'system_reset'}");
    for (unsigned off = 0; off <= OUT_XOR; off += 4) {
        g_assert_cmphex(qtest_readl(qts, GPIO + off), ==, 0);
    }
    qtest_quit(qts);
}

static void test_inputs(void)
{
    QTestState *qts = start_gpio(32);

    qtest_writel(qts, GPIO + INPUT_EN, 1 << 3);
    qtest_writel(qts, GPIO + RISE_IE, 1 << 3);
    g_assert_false(qtest_get_irq(qts, 3));
    qtest_set_irq_in(qts, "gpio", NULL, 3, 1);
    g_assert_cmphex(qtest_readl(qts, GPIO + VALUE), ==, 1 << 3);
    g_assert_cmphex(qtest_readl(qts, GPIO + RISE_IP), ==, 1 << 3);
    g_assert_cmphex(qtest_readl(qts, GPIO + HIGH_IP), ==, 1 << 3);
    g_assert_cmphex(qtest_readl(qts, GPIO + FALL_IP), ==, 0);
    g_assert_true(qtest_get_irq(qts, 3));
    g_assert_false(qtest_get_irq(qts, 2));
    /* W1C of RISE_IP lowers the line */
    qtest_writel(qts, GPIO + RISE_IP, 1 << 3);
    g_assert_cmphex(qtest_readl(qts, GPIO + RISE_IP), ==, 0);
    g_assert_false(qtest_get_irq(qts, 3));
    /* QEMU quirk: HIGH_IP comes back at once while the pin is high */
    qtest_writel(qts, GPIO + HIGH_IE, 1 << 3);
    g_assert_true(qtest_get_irq(qts, 3));
    qtest_writel(qts, GPIO + HIGH_IP, 1 << 3);
    g_assert_cmphex(qtest_readl(qts, GPIO + HIGH_IP), ==, 1 << 3);
    g_assert_true(qtest_get_irq(qts, 3));
    qtest_writel(qts, GPIO + HIGH_IE, 0);
    g_assert_false(qtest_get_irq(qts, 3));

    /* falling edge */
    qtest_writel(qts, GPIO + FALL_IE, 1 << 3);
    qtest_set_irq_in(qts, "gpio", NULL, 3, 0);
    g_assert_cmphex(qtest_readl(qts, GPIO + VALUE), ==, 0);
    g_assert_cmphex(qtest_readl(qts, GPIO + FALL_IP), ==, 1 << 3);
    g_assert_true(qtest_get_irq(qts, 3));

    /* a pin not input-enabled reads 0 */
    qtest_set_irq_in(qts, "gpio", NULL, 5, 1);
    g_assert_cmphex(qtest_readl(qts, GPIO + VALUE) & (1 << 5), ==, 0);
    qtest_quit(qts);
}

static void test_pull_up(void)
{
    QTestState *qts = start_gpio(32);

    qtest_writel(qts, GPIO + INPUT_EN, 0x3);
    qtest_writel(qts, GPIO + PUE, 0x3);
    g_assert_cmphex(qtest_readl(qts, GPIO + VALUE), ==, 0x3);
    /* an external drive wins over the pull-up */
    qtest_set_irq_in(qts, "gpio", NULL, 1, 0);
    g_assert_cmphex(qtest_readl(qts, GPIO + VALUE), ==, 0x1);
    qtest_quit(qts);
}

/* Outputs of "gpio" drive the inputs of "gpio2", whose VALUE shows them. */
static void test_outputs(void)
{
    QTestState *qts = qtest_init("-M none -preconfig");

    qtest_qmp_device_add(qts, "sifive_soc.gpio", "gpio", "{'ngpio': 8}");
    qtest_qmp_device_add(qts, "sifive_soc.gpio", "gpio2", "{}");
    for (int i = 0; i < 8; i++) {
        g_autofree char *prop = g_strdup_printf("unnamed-gpio-out[%d]", i);
        g_autofree char *val = g_strdup_printf("gpio2/unnamed-gpio-in[%d]",
                                               i);

        qtest_qmp_assert_success(qts, "{'execute': 'qom-set', 'arguments': "
                                 "{'path': 'gpio', 'property': %s, "
                                 "'value': %s}}", prop, val);
    }
    mmio_map(qts, "gpio", GPIO);
    mmio_map(qts, "gpio2", GPIO2);
    qtest_qmp_assert_success(qts, "{'execute': 'x-exit-preconfig'}");
    qtest_writel(qts, GPIO2 + INPUT_EN, 0xff);

    /* PORT without OUTPUT_EN drives nothing */
    qtest_writel(qts, GPIO + PORT, 0x5a);
    g_assert_cmphex(qtest_readl(qts, GPIO2 + VALUE), ==, 0);
    qtest_writel(qts, GPIO + OUTPUT_EN, 0x0f);
    g_assert_cmphex(qtest_readl(qts, GPIO2 + VALUE), ==, 0x0a);
    qtest_writel(qts, GPIO + OUT_XOR, 0x03);
    g_assert_cmphex(qtest_readl(qts, GPIO2 + VALUE), ==, 0x09);
    /* an output pin reads back through INPUT_EN */
    qtest_writel(qts, GPIO + INPUT_EN, 0xff);
    g_assert_cmphex(qtest_readl(qts, GPIO + VALUE), ==, 0x09);
    /* ngpio 8: only 8 pins evaluate (LOW_IP is sticky) */
    g_assert_cmphex(qtest_readl(qts, GPIO + LOW_IP), ==, 0xff);
    qtest_quit(qts);
}

static void test_errors(void)
{
    QTestState *qts = qtest_init("-M none -preconfig");
    JsonObject *r;

    r = qtest_qmp(qts, "{'execute': 'device_add', 'arguments': "
                  "{'driver': 'sifive_soc.gpio', 'ngpio': 33}}");
    g_assert_cmpstr(qtest_reply_error_desc(r), ==,
                    "ngpio 33 is out of range (1 to 32)");
    json_object_unref(r);
    r = qtest_qmp(qts, "{'execute': 'device_add', 'arguments': "
                  "{'driver': 'sifive_soc.gpio', 'ngpio': 0}}");
    g_assert_cmpstr(qtest_reply_error_desc(r), ==,
                    "ngpio 0 is out of range (1 to 32)");
    json_object_unref(r);
    qtest_quit(qts);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    qtest_add_func("sifive-gpio/registers", test_registers);
    qtest_add_func("sifive-gpio/inputs", test_inputs);
    qtest_add_func("sifive-gpio/pull-up", test_pull_up);
    qtest_add_func("sifive-gpio/outputs", test_outputs);
    qtest_add_func("sifive-gpio/errors", test_errors);
    return g_test_run();
}
