/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The qtest protocol itself: every command and its exact reply, FAIL
 * replies for malformed lines (where QEMU 7.2 would abort), IRQ
 * interception lines, the virtual clock, and QMP on the same process.
 * Memory is a 64 KiB sysbus-memory RAM at 0x80000000 assembled over QMP
 * in -preconfig, as the seed does.
 */
#include "qemu/osdep.h"
#include "libqtest.h"

#define RAM 0x80000000ull

static QTestState *start_with_ram(void)
{
    QTestState *qts = qtest_init("-M none -preconfig");

    qtest_qmp_assert_success(qts, "{'execute': 'device_add', 'arguments': "
                             "{'driver': 'sysbus-memory', 'id': 'ram', "
                             "'size': 65536}}");
    qtest_qmp_assert_success(qts, "{'execute': 'x-sysbus-mmio-map', "
                             "'arguments': {'device': 'ram', "
                             "'addr': 2147483648}}");
    qtest_qmp_assert_success(qts, "{'execute': 'x-exit-preconfig'}");
    return qts;
}

/* Send @line and check the whole answer (IRQ lines included). */
static void check(QTestState *qts, const char *line, const char *expected)
{
    g_autofree char *got = qtest_raw_cmd(qts, line);

    g_assert_cmpstr(got, ==, expected);
}

static void test_endianness(void)
{
    QTestState *qts = qtest_init("-M none");

    check(qts, "endianness", "OK little");
    g_assert_false(qtest_big_endian(qts));
    qtest_quit(qts);
}

/* The transcript captured from QEMU 7.2 (facts sheet 8.2). */
static void test_transcript(void)
{
    QTestState *qts = start_with_ram();

    check(qts, "readl 0x80000000", "OK 0x0000000000000000");
    check(qts, "writel 0x80000000 0x12345678", "OK");
    check(qts, "readl 0x80000000", "OK 0x0000000012345678");
    check(qts, "readb 0x80000000", "OK 0x0000000000000078");
    check(qts, "readw 0x80000000", "OK 0x0000000000005678");
    check(qts, "readq 0x80000000", "OK 0x0000000012345678");
    check(qts, "read 0x80000000 8", "OK 0x7856341200000000");
    check(qts, "write 0x80000004 4 0xdeadbeef", "OK");
    check(qts, "read 0x80000000 8", "OK 0x78563412deadbeef");
    check(qts, "b64read 0x80000000 8", "OK eFY0Et6tvu8=");
    check(qts, "b64write 0x80000000 4 AQIDBA==", "OK");
    check(qts, "read 0x80000000 4", "OK 0x01020304");
    check(qts, "memset 0x80000000 4 0xaa", "OK");
    check(qts, "readl 0x80000000", "OK 0x00000000aaaaaaaa");
    check(qts, "writeq 0x80000008 0x1122334455667788", "OK");
    check(qts, "readq 0x80000008", "OK 0x1122334455667788");
    check(qts, "bogus", "FAIL Unknown command 'bogus'");
    check(qts, "module_load block foo", "FAIL");
    check(qts, "write 0x80000000 1 0x", "ERR invalid argument size");
    qtest_quit(qts);
}

static void test_widths_and_truncation(void)
{
    QTestState *qts = start_with_ram();

    check(qts, "writeb 0x80000010 0x1ff", "OK");
    check(qts, "writew 0x80000012 0x12345", "OK");
    check(qts, "readl 0x80000010", "OK 0x00000000234500ff");
    check(qts, "writel 0x80000014 0x1ffffffff", "OK");
    check(qts, "readq 0x80000010", "OK 0xffffffff234500ff");
    /* decimal and octal numbers are accepted too */
    check(qts, "writeb 2147483680 010", "OK");
    check(qts, "readb 0x80000020", "OK 0x0000000000000008");
    /* unaligned accesses within RAM */
    check(qts, "writel 0x80000031 0xa1b2c3d4", "OK");
    check(qts, "read 0x80000030 6", "OK 0x00d4c3b2a100");

    /* the library's helpers */
    qtest_writel(qts, RAM + 0x40, 0xcafef00d);
    g_assert_cmphex(qtest_readl(qts, RAM + 0x40), ==, 0xcafef00d);
    g_assert_cmphex(qtest_readw(qts, RAM + 0x42), ==, 0xcafe);
    g_assert_cmphex(qtest_readb(qts, RAM + 0x40), ==, 0x0d);
    qtest_writeq(qts, RAM + 0x48, 0x0102030405060708ull);
    g_assert_cmphex(qtest_readq(qts, RAM + 0x48), ==, 0x0102030405060708ull);
    qtest_writew(qts, RAM + 0x48, 0xbeef);
    qtest_writeb(qts, RAM + 0x4f, 0x99);
    g_assert_cmphex(qtest_readq(qts, RAM + 0x48), ==, 0x990203040506beefull);
    qtest_quit(qts);
}

static void test_hex_and_base64(void)
{
    QTestState *qts = start_with_ram();
    uint8_t buf[300], back[300];
    size_t i;

    /* short data is zero-filled; an odd digit count loses the last nibble */
    check(qts, "memset 0x80000000 8 0xff", "OK");
    check(qts, "write 0x80000000 4 0xaabb", "OK");
    check(qts, "read 0x80000000 5", "OK 0xaabb0000ff");
    check(qts, "write 0x80000000 4 0x1", "OK");
    check(qts, "read 0x80000000 4", "OK 0x00000000");
    check(qts, "write 0x80000000 2 0xQQ", "FAIL invalid hex data '0xQQ'");
    /* b64write: a length mismatch writes what both agree on */
    check(qts, "b64write 0x80000000 2 AQIDBA==", "OK");
    check(qts, "read 0x80000000 4", "OK 0x01020000");
    check(qts, "b64read 0x80000000 0", "OK ");
    check(qts, "memset 0x80000000 0 0x55", "OK");
    check(qts, "read 0x80000000 1", "OK 0x01");
    /* memset takes the low byte of its pattern */
    check(qts, "memset 0x80000000 2 0x1234", "OK");
    check(qts, "read 0x80000000 3", "OK 0x343400");

    for (i = 0; i < sizeof(buf); i++) {
        buf[i] = i * 7 + 3;
    }
    qtest_memwrite(qts, RAM + 0x100, buf, sizeof(buf));
    memset(back, 0, sizeof(back));
    qtest_bufread(qts, RAM + 0x100, back, sizeof(back));
    g_assert_cmpmem(buf, sizeof(buf), back, sizeof(back));
    qtest_memset(qts, RAM + 0x100, 0x5a, 16);
    qtest_bufwrite(qts, RAM + 0x110, "hello", 5);
    qtest_memread(qts, RAM + 0x100, back, 21);
    g_assert_cmpmem(back, 21, "ZZZZZZZZZZZZZZZZhello", 21);
    qtest_quit(qts);
}

static void test_unmapped(void)
{
    QTestState *qts = qtest_init("-M none");

    /* holes read as zero, writes are dropped; inb on the empty I/O space */
    check(qts, "readl 0x1000", "OK 0x0000000000000000");
    check(qts, "writel 0x1000 0x1", "OK");
    check(qts, "read 0x1000 2", "OK 0x0000");
    check(qts, "inb 0x10", "OK 0x00ff");
    check(qts, "outw 0x10 0x1234", "OK");
    check(qts, "inl 0x10000", "FAIL I/O address out of range");
    qtest_quit(qts);
}

/* Lines on which QEMU 7.2 aborts: here each gets a FAIL and we go on. */
static void test_fail_replies(void)
{
    QTestState *qts = start_with_ram();

    check(qts, "", "FAIL Unknown command ''");
    check(qts, "READB 0x0", "FAIL Unknown command 'READB'");
    check(qts, "readb  0x80000000", "FAIL invalid number ''");
    check(qts, "readb 0x80000000 ", "OK 0x0000000000000000");
    check(qts, "readb", "FAIL missing argument 1 of 'readb'");
    check(qts, "readb zz", "FAIL invalid number 'zz'");
    check(qts, "readb 0x1g", "FAIL invalid number '0x1g'");
    check(qts, "writel 0x80000000", "FAIL missing argument 2 of 'writel'");
    check(qts, "read 0x80000000 0", "FAIL size must not be 0");
    check(qts, "read 0x80000000 0x100000000",
          "FAIL size too large (at most 67108864)");
    check(qts, "write 0x80000000 4", "FAIL missing argument 3 of 'write'");
    check(qts, "b64write 0x80000000 4 ", "FAIL empty argument");
    check(qts, "memset 0x80000000 4", "FAIL missing argument 3 of 'memset'");
    check(qts, "clock_step -5", "FAIL invalid number '-5'");
    check(qts, "clock_set x", "FAIL invalid number 'x'");
    check(qts, "irq_intercept_in", "FAIL missing argument 1 of "
          "'irq_intercept_in'");
    check(qts, "irq_intercept_in /nonexistent", "FAIL Unknown device");
    check(qts, "irq_intercept_out /machine", "FAIL Unknown device");
    check(qts, "set_irq_in nonexist unnamed-gpio-in 5 1",
          "FAIL Unknown device");
    check(qts, "set_irq_in ram unnamed-gpio-in 0 1", "FAIL Unknown IRQ");
    /* a CR before the newline is tolerated */
    check(qts, "readb 0x80000000\r", "OK 0x0000000000000000");
    /* and the connection still works */
    check(qts, "writeb 0x80000000 0x42", "OK");
    check(qts, "readb 0x80000000", "OK 0x0000000000000042");
    qtest_quit(qts);
}

static void test_clock(void)
{
    QTestState *qts = qtest_init("-M none");

    check(qts, "clock_step 100", "OK 100");
    check(qts, "clock_step 0x10", "OK 116");
    /* never backwards */
    check(qts, "clock_set 50", "OK 116");
    check(qts, "clock_set 1000", "OK 1000");
    /* no timer pending: the clock stays */
    check(qts, "clock_step", "OK 1000");
    g_assert_cmpint(qtest_clock_step(qts, 24), ==, 1024);
    g_assert_cmpint(qtest_clock_set(qts, 5000), ==, 5000);
    g_assert_cmpint(qtest_clock_step_next(qts), ==, 5000);
    qtest_quit(qts);
}

/* The virtual clock does not move by itself under the qtest accel. */
static void test_clock_is_explicit(void)
{
    QTestState *qts = qtest_init("-M none");
    JsonObject *r;

    qtest_clock_step(qts, 777);
    /* a QMP round trip takes host time; the guest clock stays put */
    r = qtest_qmp(qts, "{'execute': 'query-status'}");
    json_object_unref(r);
    check(qts, "clock_step 0", "OK 777");
    qtest_quit(qts);
}

static void test_irq_intercept(void)
{
    QTestState *qts = qtest_init("-M none -preconfig");

    qtest_qmp_assert_success(qts, "{'execute': 'device_add', 'arguments': "
                             "{'driver': 'split-irq', 'id': 'split', "
                             "'num-lines': 3}}");
    qtest_qmp_assert_success(qts, "{'execute': 'device_add', 'arguments': "
                             "{'driver': 'or-irq', 'id': 'or', "
                             "'num-lines': 2}}");
    qtest_qmp_assert_success(qts, "{'execute': 'x-exit-preconfig'}");

    /* inputs: levels reported on change only */
    check(qts, "irq_intercept_in split", "OK");
    check(qts, "irq_intercept_in /machine/peripheral/split", "OK");
    check(qts, "irq_intercept_in or", "FAIL IRQ intercept already enabled");
    check(qts, "set_irq_in split unnamed-gpio-in 0 1", "IRQ raise 0\nOK");
    check(qts, "set_irq_in split unnamed-gpio-in 0 1", "OK");
    check(qts, "set_irq_in split unnamed-gpio-in 0 0", "IRQ lower 0\nOK");
    check(qts, "set_irq_in split unnamed-gpio-in 0 -1", "IRQ raise 0\nOK");
    g_assert_true(qtest_get_irq(qts, 0));
    qtest_set_irq_in(qts, "split", "unnamed-gpio-in", 0, 0);
    g_assert_false(qtest_get_irq(qts, 0));
    check(qts, "set_irq_in split unnamed-gpio-in 1 1", "FAIL Unknown IRQ");
    /* outputs of the same device */
    check(qts, "irq_intercept_out split", "OK");
    qtest_quit(qts);
}

static void test_irq_intercept_out(void)
{
    QTestState *qts = qtest_init("-M none -preconfig");

    qtest_qmp_assert_success(qts, "{'execute': 'device_add', 'arguments': "
                             "{'driver': 'split-irq', 'id': 'split', "
                             "'num-lines': 3}}");
    qtest_qmp_assert_success(qts, "{'execute': 'x-exit-preconfig'}");

    qtest_irq_intercept_out(qts, "split");
    check(qts, "set_irq_in split unnamed-gpio-in 0 1",
          "IRQ raise 0\nIRQ raise 1\nIRQ raise 2\nOK");
    g_assert_true(qtest_get_irq(qts, 2));
    check(qts, "set_irq_in split unnamed-gpio-in 0 0",
          "IRQ lower 0\nIRQ lower 1\nIRQ lower 2\nOK");
    qtest_quit(qts);
}

/* A single-output device (or-irq): level changes of its output only. */
static void test_irq_intercept_out_or(void)
{
    QTestState *qts = qtest_init("-M none -preconfig");

    qtest_qmp_assert_success(qts, "{'execute': 'device_add', 'arguments': "
                             "{'driver': 'or-irq', 'id': 'or', "
                             "'num-lines': 2}}");
    qtest_qmp_assert_success(qts, "{'execute': 'x-exit-preconfig'}");
    qtest_irq_intercept_out(qts, "or");
    check(qts, "set_irq_in or unnamed-gpio-in 1 1", "IRQ raise 0\nOK");
    check(qts, "set_irq_in or unnamed-gpio-in 0 1", "OK");
    check(qts, "set_irq_in or unnamed-gpio-in 1 0", "OK");
    check(qts, "set_irq_in or unnamed-gpio-in 0 0", "IRQ lower 0\nOK");
    qtest_quit(qts);
}

/* A qtest client assembles the machine over QMP first, then pokes it. */
static void test_qmp_same_process(void)
{
    QTestState *qts = qtest_init("-M none -preconfig");
    JsonObject *r;
    const char *phase;

    r = qtest_qmp(qts, "{'execute': 'query-machine-phase'}");
    phase = json_object_get_string_member(
        json_object_get_object_member(r, "return"), "phase");
    g_assert_cmpstr(phase, ==, "accel-created");
    json_object_unref(r);

    /* the qtest object, as QEMU shows it */
    r = qtest_qmp(qts, "{'execute': 'qom-get', 'arguments': "
                  "{'path': '/machine/qtest', 'property': 'chardev'}}");
    g_assert_cmpstr(json_object_get_string_member(r, "return"), ==, "qtest");
    json_object_unref(r);
    r = qtest_qmp(qts, "{'execute': 'qom-get', 'arguments': "
                  "{'path': '/machine/qtest', 'property': 'type'}}");
    g_assert_cmpstr(json_object_get_string_member(r, "return"), ==, "qtest");
    json_object_unref(r);

    /* the accelerator is qtest */
    r = qtest_qmp(qts, "{'execute': 'qom-list-types', 'arguments': "
                  "{'implements': 'accel'}}");
    json_object_unref(r);

    /* memory works during preconfig once it is mapped */
    qtest_qmp_assert_success(qts, "{'execute': 'device_add', 'arguments': "
                             "{'driver': 'sysbus-memory', 'id': 'ram', "
                             "'size': 4096}}");
    qtest_qmp_assert_success(qts, "{'execute': 'x-sysbus-mmio-map', "
                             "'arguments': {'device': 'ram', "
                             "'addr': 4096}}");
    qtest_writel(qts, 0x1000, 0x11223344);
    g_assert_cmphex(qtest_readl(qts, 0x1000), ==, 0x11223344);

    r = qtest_qmp(qts, "{'execute': 'no-such-command'}");
    g_assert_cmpstr(qtest_reply_error_class(r), ==, "CommandNotFound");
    g_assert_cmpstr(qtest_reply_error_desc(r), ==,
                    "The command no-such-command has not been found");
    json_object_unref(r);

    qtest_qmp_assert_success(qts, "{'execute': 'x-exit-preconfig'}");
    g_assert_cmphex(qtest_readl(qts, 0x1000), ==, 0x11223344);
    qtest_quit(qts);
}

static void test_quit_by_qmp(void)
{
    QTestState *qts = qtest_init("-M none");

    qtest_qmp_assert_success(qts, "{'execute': 'quit'}");
    qtest_qmp_eventwait(qts, "SHUTDOWN");
    qtest_quit(qts);
}

static void test_hmp(void)
{
    QTestState *qts = qtest_init("-M none");
    g_autofree char *out = qtest_hmp(qts, "info status");

    g_assert_cmpstr(out, ==, "VM status: running\r\n");
    qtest_quit(qts);
}

/* -qtest-log FILE: "[R +s.us] request", "[S +s.us] reply" lines. */
static void test_log(void)
{
    g_autofree char *dir = g_dir_make_tmp("qtlog-XXXXXX", NULL);
    g_autofree char *log = g_build_filename(dir, "log", NULL);
    g_autofree char *text = NULL;
    g_autoptr(GRegex) re = NULL;
    QTestState *qts = qtest_initf("-M none -qtest-log %s", log);

    check(qts, "clock_step 5", "OK 5");
    check(qts, "bogus", "FAIL Unknown command 'bogus'");
    qtest_quit(qts);
    g_assert_true(g_file_get_contents(log, &text, NULL, NULL));
    re = g_regex_new("^\\[I 0\\.000000\\] OPENED\n"
                     "\\[R \\+[0-9]+\\.[0-9]{6}\\] endianness\n"
                     "\\[S \\+[0-9]+\\.[0-9]{6}\\] OK little\n"
                     "\\[R \\+[0-9]+\\.[0-9]{6}\\] clock_step 5\n"
                     "\\[S \\+[0-9]+\\.[0-9]{6}\\] OK 5\n"
                     "\\[R \\+[0-9]+\\.[0-9]{6}\\] bogus\n"
                     "\\[S \\+[0-9]+\\.[0-9]{6}\\] FAIL Unknown command "
                     "'bogus'\n", 0, 0, NULL);
    if (!g_regex_match(re, text, 0, NULL)) {
        g_test_message("log was:\n%s", text);
        g_test_fail();
    }
    unlink(log);
    rmdir(dir);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    qtest_add_func("qtest/protocol/endianness", test_endianness);
    qtest_add_func("qtest/protocol/transcript", test_transcript);
    qtest_add_func("qtest/protocol/widths", test_widths_and_truncation);
    qtest_add_func("qtest/protocol/hex-base64", test_hex_and_base64);
    qtest_add_func("qtest/protocol/unmapped", test_unmapped);
    qtest_add_func("qtest/protocol/fail-replies", test_fail_replies);
    qtest_add_func("qtest/clock/step-set", test_clock);
    qtest_add_func("qtest/clock/explicit", test_clock_is_explicit);
    qtest_add_func("qtest/irq/intercept-in", test_irq_intercept);
    qtest_add_func("qtest/irq/intercept-out", test_irq_intercept_out);
    qtest_add_func("qtest/irq/intercept-out-or-irq",
                   test_irq_intercept_out_or);
    qtest_add_func("qtest/qmp/same-process", test_qmp_same_process);
    qtest_add_func("qtest/qmp/quit", test_quit_by_qmp);
    qtest_add_func("qtest/qmp/hmp", test_hmp);
    qtest_add_func("qtest/log", test_log);
    return g_test_run();
}
