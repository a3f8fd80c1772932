/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * unimplemented-device through qtest: reads give 0, writes are ignored,
 * and with -d unimp every access is logged in QEMU's format.
 */
#include "qemu/osdep.h"
#include "libqtest.h"

static QTestState *start(const char *extra)
{
    QTestState *qts = qtest_initf("-M none -preconfig %s", extra);

    qtest_qmp_device_add(qts, "unimplemented-device", "u",
                         "{'name': 'foo', 'size': 4096}");
    qtest_qmp_assert_success(qts, "{'execute': 'x-sysbus-mmio-map', "
                             "'arguments': {'device': 'u', "
                             "'addr': 268435456}}");
    qtest_qmp_assert_success(qts, "{'execute': 'x-exit-preconfig'}");
    return qts;
}

static void test_reads_zero_writes_ignored(void)
{
    QTestState *qts = start("");

    g_assert_cmphex(qtest_readl(qts, 0x10000000), ==, 0);
    qtest_writel(qts, 0x10000000, 0xffffffff);
    g_assert_cmphex(qtest_readl(qts, 0x10000000), ==, 0);
    g_assert_cmphex(qtest_readq(qts, 0x10000ff8), ==, 0);
    g_assert_cmphex(qtest_readb(qts, 0x10000fff), ==, 0);
    qtest_quit(qts);
}

static void test_log(void)
{
    g_autofree char *dir = g_dir_make_tmp("unimp-XXXXXX", NULL);
    g_autofree char *log = g_build_filename(dir, "log", NULL);
    g_autofree char *args = g_strdup_printf("-d unimp -D %s", log);
    g_autofree char *text = NULL;
    QTestState *qts = start(args);

    qtest_readl(qts, 0x10000004);
    qtest_writew(qts, 0x10000008, 0x1234);
    qtest_writeq(qts, 0x10000ff8, 0x1122334455667788ull);
    qtest_readb(qts, 0x10000fff);
    qtest_quit(qts);

    g_assert_true(g_file_get_contents(log, &text, NULL, NULL));
    g_assert_cmpstr(text, ==,
        "foo: unimplemented device read  (size 4, offset 0x004)\n"
        "foo: unimplemented device write (size 2, offset 0x008, "
        "value 0x1234)\n"
        "foo: unimplemented device write (size 8, offset 0xff8, "
        "value 0x1122334455667788)\n"
        "foo: unimplemented device read  (size 1, offset 0xfff)\n");
    unlink(log);
    rmdir(dir);
}

static void test_errors(void)
{
    QTestState *qts = qtest_init("-M none -preconfig");
    JsonObject *r;

    r = qtest_qmp(qts, "{'execute': 'device_add', 'arguments': "
                  "{'driver': 'unimplemented-device', 'name': 'x'}}");
    g_assert_cmpstr(qtest_reply_error_desc(r), ==,
                    "property 'size' not specified or zero");
    json_object_unref(r);
    r = qtest_qmp(qts, "{'execute': 'device_add', 'arguments': "
                  "{'driver': 'unimplemented-device', 'size': 16}}");
    g_assert_cmpstr(qtest_reply_error_desc(r), ==,
                    "property 'name' not specified");
    json_object_unref(r);
    qtest_quit(qts);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    qtest_add_func("unimp/reads-zero", test_reads_zero_writes_ignored);
    qtest_add_func("unimp/log", test_log);
    qtest_add_func("unimp/errors", test_errors);
    return g_test_run();
}
