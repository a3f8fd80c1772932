/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * riscv.sifive.e.prci through qtest: QEMU's power-on values, the ready
 * and lock bits forced on by writes, unknown offsets, and no reset hook.
 */
#include "qemu/osdep.h"
#include "libqtest.h"

#define PRCI UINT64_C(0x10008000)

static QTestState *start_prci(void)
{
    QTestState *qts = qtest_init("-M none -preconfig");

    qtest_qmp_device_add(qts, "riscv.sifive.e.prci", "prci", "{}");
    qtest_qmp_assert_success(qts, "{'execute': 'x-sysbus-mmio-map', "
                             "'arguments': {'device': 'prci', 'addr': %"
                             PRIu64 "}}", PRCI);
    qtest_qmp_assert_success(qts, "{'execute': 'x-exit-preconfig'}");
    return qts;
}

static void test_values(void)
{
    QTestState *qts = start_prci();

    g_assert_cmphex(qtest_readl(qts, PRCI + 0x0), ==, 0xc0000000);
    g_assert_cmphex(qtest_readl(qts, PRCI + 0x4), ==, 0xc0000000);
    g_assert_cmphex(qtest_readl(qts, PRCI + 0x8), ==, 0x80060000);
    g_assert_cmphex(qtest_readl(qts, PRCI + 0xc), ==, 0x00000100);
    g_assert_cmphex(qtest_readl(qts, PRCI + 0x10), ==, 0);
    g_assert_cmphex(qtest_readl(qts, PRCI + 0xffc), ==, 0);
    /* the region is 0x1000 bytes */
    g_assert_cmphex(qtest_readl(qts, PRCI + 0x1000), ==, 0);
    qtest_quit(qts);
}

static void test_writes(void)
{
    QTestState *qts = start_prci();

    /* RDY (bit 31) and LOCK (bit 31) always read 1 */
    qtest_writel(qts, PRCI + 0x0, 0x00000004);
    g_assert_cmphex(qtest_readl(qts, PRCI + 0x0), ==, 0x80000004);
    qtest_writel(qts, PRCI + 0x4, 0);
    g_assert_cmphex(qtest_readl(qts, PRCI + 0x4), ==, 0x80000000);
    qtest_writel(qts, PRCI + 0x8, 0x00010ff1);
    g_assert_cmphex(qtest_readl(qts, PRCI + 0x8), ==, 0x80010ff1);
    /* PLLOUTDIV is stored as written */
    qtest_writel(qts, PRCI + 0xc, 0x3f);
    g_assert_cmphex(qtest_readl(qts, PRCI + 0xc), ==, 0x3f);
    qtest_writel(qts, PRCI + 0x10, 0xffffffff);
    g_assert_cmphex(qtest_readl(qts, PRCI + 0x10), ==, 0);
    /* no reset hook: the values survive a system reset */
    qtest_qmp_assert_success(qts, "{'execute': 'system_reset'}");
    g_assert_cmphex(qtest_readl(qts, PRCI + 0xc), ==, 0x3f);
    g_assert_cmphex(qtest_readl(qts, PRCI + 0x8), ==, 0x80010ff1);
    qtest_quit(qts);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    qtest_add_func("sifive-prci/values", test_values);
    qtest_add_func("sifive-prci/writes", test_writes);
    return g_test_run();
}
