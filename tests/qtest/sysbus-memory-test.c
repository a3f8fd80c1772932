/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * sysbus-memory through qtest: RAM reads back what was written at every
 * width, ROM drops guest writes, both end where their size says, and the
 * realize errors.  Machines are assembled over QMP in -preconfig.
 */
#include "qemu/osdep.h"
#include "libqtest.h"

static void mmio_map(QTestState *qts, const char *dev, uint64_t addr)
{
    qtest_qmp_assert_success(qts, "{'execute': 'x-sysbus-mmio-map', "
                             "'arguments': {'device': %s, 'addr': %" PRIu64
                             "}}", dev, addr);
}

static void test_ram(void)
{
    QTestState *qts = qtest_init("-M none -preconfig");

    qtest_qmp_device_add(qts, "sysbus-memory", "ram", "{'size': 16384}");
    mmio_map(qts, "ram", 0x8000);
    qtest_qmp_assert_success(qts, "{'execute': 'x-exit-preconfig'}");

    /* fresh RAM is zero */
    g_assert_cmphex(qtest_readq(qts, 0x8000), ==, 0);
    g_assert_cmphex(qtest_readq(qts, 0xbff8), ==, 0);
    qtest_writeb(qts, 0x8000, 0x11);
    qtest_writew(qts, 0x8002, 0x3322);
    qtest_writel(qts, 0x8004, 0x77665544);
    g_assert_cmphex(qtest_readq(qts, 0x8000), ==, 0x7766554433220011ull);
    qtest_writeq(qts, 0xbff8, 0x0123456789abcdefull);
    g_assert_cmphex(qtest_readl(qts, 0xbffc), ==, 0x01234567);
    g_assert_cmphex(qtest_readb(qts, 0xbfff), ==, 0x01);
    /* just past the end: a hole */
    qtest_writel(qts, 0xc000, 0xffffffff);
    g_assert_cmphex(qtest_readl(qts, 0xc000), ==, 0);
    g_assert_cmphex(qtest_readl(qts, 0x7ffc), ==, 0);
    qtest_quit(qts);
}

static void test_rom(void)
{
    g_autofree char *dir = g_dir_make_tmp("rom-XXXXXX", NULL);
    g_autofree char *img = g_build_filename(dir, "img", NULL);
    QTestState *qts = qtest_init("-M none -preconfig");
    uint8_t buf[8];
    JsonObject *r;

    g_assert_true(g_file_set_contents(img, "\xef\xbe\xad\xde", 4, NULL));
    qtest_qmp_device_add(qts, "sysbus-memory", "rom",
                         "{'size': 4096, 'readonly': true}");
    mmio_map(qts, "rom", 0x1000);
    /* an image loader fills ROM; the data mode writes as a CPU would */
    qtest_qmp_device_add(qts, "loader", NULL,
                         "{'addr': 4096, 'file': %s, 'force-raw': true}",
                         img);
    qtest_qmp_device_add(qts, "loader", NULL,
                         "{'addr': 4100, 'data': 4294967295, "
                         "'data-len': 4}");
    qtest_qmp_assert_success(qts, "{'execute': 'x-exit-preconfig'}");

    g_assert_cmphex(qtest_readq(qts, 0x1000), ==, 0xdeadbeef);
    /* guest writes to ROM are dropped silently, at every width */
    qtest_writel(qts, 0x1000, 0x12345678);
    qtest_writeb(qts, 0x1001, 0x00);
    qtest_writeq(qts, 0x1008, 0x1111111111111111ull);
    memset(buf, 0x55, sizeof(buf));
    qtest_memwrite(qts, 0x1004, buf, sizeof(buf));
    qtest_bufwrite(qts, 0x1000, buf, sizeof(buf));
    qtest_memset(qts, 0x1000, 0x66, 16);
    g_assert_cmphex(qtest_readl(qts, 0x1000), ==, 0xdeadbeef);
    g_assert_cmphex(qtest_readq(qts, 0x1008), ==, 0);
    qtest_memread(qts, 0x1000, buf, sizeof(buf));
    g_assert_cmpmem(buf, 8, "\xef\xbe\xad\xde\0\0\0\0", 8);
    /* still read-only after a reset (the image comes back) */
    qtest_qmp_assert_success(qts, "{'execute': 'system_reset'}");
    qtest_qmp_eventwait(qts, "RESET");
    g_assert_cmphex(qtest_readq(qts, 0x1000), ==, 0xdeadbeef);
    r = qtest_qmp(qts, "{'execute': 'qom-get', 'arguments': "
                  "{'path': 'rom', 'property': 'readonly'}}");
    g_assert_true(json_object_get_boolean_member(r, "return"));
    json_object_unref(r);
    qtest_quit(qts);
    unlink(img);
    rmdir(dir);
}

/* The seed's exact argument forms: size as the string "0x4000". */
static void test_seed_forms(void)
{
    QTestState *qts = qtest_init("-M none -preconfig");
    JsonObject *r;

    qtest_qmp_assert_success(qts, "{'execute': 'device_add', 'arguments': "
                             "{'driver': 'sysbus-memory', 'id': 'rom', "
                             "'size': '0x4000', 'readonly': true}}");
    qtest_qmp_assert_success(qts, "{'execute': 'x-sysbus-mmio-map', "
                             "'arguments': {'device': 'rom', "
                             "'addr': 32768}}");
    r = qtest_qmp(qts, "{'execute': 'qom-get', 'arguments': "
                  "{'path': 'rom', 'property': 'size'}}");
    g_assert_cmpint(json_object_get_int_member(r, "return"), ==, 0x4000);
    json_object_unref(r);
    qtest_qmp_assert_success(qts, "{'execute': 'x-exit-preconfig'}");
    qtest_writel(qts, 0x8000, 1);
    g_assert_cmphex(qtest_readl(qts, 0x8000), ==, 0);
    qtest_quit(qts);
}

static void test_errors(void)
{
    QTestState *qts = qtest_init("-M none -preconfig");
    JsonObject *r;

    r = qtest_qmp(qts, "{'execute': 'device_add', 'arguments': "
                  "{'driver': 'sysbus-memory', 'id': 'm'}}");
    g_assert_cmpstr(qtest_reply_error_class(r), ==, "GenericError");
    g_assert_cmpstr(qtest_reply_error_desc(r), ==,
                    "'size' must be non-zero.");
    json_object_unref(r);
    r = qtest_qmp(qts, "{'execute': 'device_add', 'arguments': "
                  "{'driver': 'sysbus-memory', 'size': 4096}}");
    g_assert_cmpstr(qtest_reply_error_desc(r), ==,
                    "system-memory device must have an id.");
    json_object_unref(r);
    qtest_quit(qts);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    qtest_add_func("sysbus-memory/ram", test_ram);
    qtest_add_func("sysbus-memory/rom", test_rom);
    qtest_add_func("sysbus-memory/seed-forms", test_seed_forms);
    qtest_add_func("sysbus-memory/errors", test_errors);
    return g_test_run();
}
