/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The generic loader's data mode through qtest: data/data-len/data-be put
 * a value into memory when the machine becomes ready and again on every
 * system_reset; the argument errors.
 */
#include "qemu/osdep.h"
#include "libqtest.h"

static QTestState *start_with_ram(void)
{
    QTestState *qts = qtest_init("-M none -preconfig");

    qtest_qmp_device_add(qts, "sysbus-memory", "ram", "{'size': 4096}");
    qtest_qmp_assert_success(qts, "{'execute': 'x-sysbus-mmio-map', "
                             "'arguments': {'device': 'ram', "
                             "'addr': 2147483648}}");
    return qts;
}

static void test_data_le_be(void)
{
    QTestState *qts = start_with_ram();

    qtest_qmp_device_add(qts, "loader", NULL,
                         "{'addr': 2147483648, 'data': 287454020, "
                         "'data-len': 4}");
    /* data-be: the 64-bit value's first (most significant) bytes */
    qtest_qmp_device_add(qts, "loader", NULL,
                         "{'addr': 2147483652, 'data': 1234605616436508552, "
                         "'data-len': 4, 'data-be': true}");
    qtest_qmp_device_add(qts, "loader", NULL,
                         "{'addr': 2147483656, 'data': 43981, "
                         "'data-len': 1}");
    /* nothing is written before the machine is ready */
    g_assert_cmphex(qtest_readl(qts, 0x80000000), ==, 0);
    qtest_qmp_assert_success(qts, "{'execute': 'x-exit-preconfig'}");
    g_assert_cmphex(qtest_readl(qts, 0x80000000), ==, 0x11223344);
    g_assert_cmphex(qtest_readl(qts, 0x80000004), ==, 0x44332211);
    /* data-len 1 takes the low byte only */
    g_assert_cmphex(qtest_readl(qts, 0x80000008), ==, 0xcd);
    qtest_quit(qts);
}

static void test_reset_reloads(void)
{
    QTestState *qts = start_with_ram();

    qtest_qmp_device_add(qts, "loader", NULL,
                         "{'addr': 2147483648, 'data': 81985529216486895, "
                         "'data-len': 8}");
    qtest_qmp_assert_success(qts, "{'execute': 'x-exit-preconfig'}");
    g_assert_cmphex(qtest_readq(qts, 0x80000000), ==, 0x0123456789abcdefull);
    qtest_writeq(qts, 0x80000000, 0);
    g_assert_cmphex(qtest_readq(qts, 0x80000000), ==, 0);
    qtest_qmp_assert_success(qts, "{'execute': 'system_reset'}");
    qtest_qmp_eventwait(qts, "RESET");
    g_assert_cmphex(qtest_readq(qts, 0x80000000), ==, 0x0123456789abcdefull);
    qtest_quit(qts);
}

static void expect_error(QTestState *qts, const char *args, const char *desc)
{
    g_autofree char *cmd = g_strdup_printf(
        "{\"execute\": \"device_add\", \"arguments\": %s}", args);
    JsonObject *r;

    qtest_qmp_send_raw(qts, cmd);
    r = qtest_qmp_receive(qts);
    g_assert_cmpstr(qtest_reply_error_desc(r), ==, desc);
    json_object_unref(r);
}

static void test_errors(void)
{
    QTestState *qts = start_with_ram();

    expect_error(qts, "{\"driver\": \"loader\", \"addr\": 0, \"data\": 1}",
                 "Both data and data-len must be specified");
    expect_error(qts, "{\"driver\": \"loader\", \"addr\": 0, \"data\": 1, "
                 "\"data-len\": 9}",
                 "data-len cannot be greater then 8 bytes");
    expect_error(qts, "{\"driver\": \"loader\"}",
                 "please include valid arguments");
    qtest_quit(qts);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    qtest_add_func("loader/data", test_data_le_be);
    qtest_add_func("loader/reset", test_reset_reloads);
    qtest_add_func("loader/errors", test_errors);
    return g_test_run();
}
