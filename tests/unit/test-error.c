/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Unit tests for util/error.c (the Error object and its propagation) and
 * util/qemu-error.c (messages with program name and location).
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qemu/error-report.h"

static void test_setg(void)
{
    Error *err = NULL;

    error_setg(&err, "Parameter '%s' expects %s", "addr", "uint64");
    g_assert_nonnull(err);
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "Parameter 'addr' expects uint64");
    g_assert_cmpint(error_get_class(err), ==, ERROR_CLASS_GENERIC_ERROR);
    g_assert_null(error_get_hint(err));
    error_free(err);

    /* NULL errp: nothing happens */
    error_setg(NULL, "ignored %d", 1);
    error_free(NULL);
}

static void test_set_class(void)
{
    Error *err = NULL;

    error_set(&err, ERROR_CLASS_DEVICE_NOT_FOUND, "Device '%s' not found",
              "nosuch");
    g_assert_cmpint(error_get_class(err), ==, ERROR_CLASS_DEVICE_NOT_FOUND);
    g_assert_cmpstr(error_get_pretty(err), ==, "Device 'nosuch' not found");
    error_free_or_abort(&err);
    g_assert_null(err);
}

static void test_class_names(void)
{
    g_assert_cmpstr(error_class_name(ERROR_CLASS_GENERIC_ERROR), ==,
                    "GenericError");
    g_assert_cmpstr(error_class_name(ERROR_CLASS_COMMAND_NOT_FOUND), ==,
                    "CommandNotFound");
    g_assert_cmpstr(error_class_name(ERROR_CLASS_DEVICE_NOT_ACTIVE), ==,
                    "DeviceNotActive");
    g_assert_cmpstr(error_class_name(ERROR_CLASS_DEVICE_NOT_FOUND), ==,
                    "DeviceNotFound");
    g_assert_cmpstr(error_class_name(ERROR_CLASS_KVM_MISSING_CAP), ==,
                    "KVMMissingCap");
}

static void test_setg_errno(void)
{
    Error *err = NULL;

    errno = EBUSY;
    error_setg_errno(&err, ENOENT, "Error opening logfile %s", "/x");
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "Error opening logfile /x: No such file or directory");
    /* errno is preserved */
    g_assert_cmpint(errno, ==, EBUSY);
    error_free(err);
    err = NULL;

    /* errno 0 adds nothing */
    error_setg_errno(&err, 0, "plain");
    g_assert_cmpstr(error_get_pretty(err), ==, "plain");
    error_free(err);
}

static void test_prepend_and_hint(void)
{
    Error *err = NULL;

    error_setg(&err, "Invalid parameter 'x'");
    error_prepend(&err, "can't apply global %s.%s=%s: ", "cpu", "x", "1");
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "can't apply global cpu.x=1: Invalid parameter 'x'");
    error_append_hint(&err, "line %d\n", 1);
    error_append_hint(&err, "line %d\n", 2);
    g_assert_cmpstr(error_get_hint(err), ==, "line 1\nline 2\n");
    error_free(err);

    /* NULL errp: ignored */
    error_prepend(NULL, "x");
    error_append_hint(NULL, "x");
}

static void test_copy(void)
{
    Error *err = NULL;
    Error *copy;

    error_set(&err, ERROR_CLASS_COMMAND_NOT_FOUND, "The command %s has not "
              "been found", "nosuch");
    error_append_hint(&err, "hint\n");
    copy = error_copy(err);
    error_free(err);
    g_assert_cmpstr(error_get_pretty(copy), ==,
                    "The command nosuch has not been found");
    g_assert_cmpint(error_get_class(copy), ==, ERROR_CLASS_COMMAND_NOT_FOUND);
    g_assert_cmpstr(error_get_hint(copy), ==, "hint\n");
    error_free(copy);
}

static void test_propagate(void)
{
    Error *dst = NULL;
    Error *first = NULL, *second = NULL, *third = NULL;

    error_propagate(&dst, NULL);
    g_assert_null(dst);

    error_setg(&first, "first");
    error_setg(&second, "second");
    error_propagate(&dst, first);
    g_assert_true(dst == first);
    /* the first error wins; the second is freed */
    error_propagate(&dst, second);
    g_assert_cmpstr(error_get_pretty(dst), ==, "first");

    /* NULL destination frees */
    error_setg(&third, "third");
    error_propagate(NULL, third);
    error_free(dst);
}

static void test_propagate_prepend(void)
{
    Error *dst = NULL;
    Error *local = NULL;
    Error *other = NULL;

    error_setg(&local, "No such file or directory");
    error_propagate_prepend(&dst, local, "Could not open '%s': ", "f");
    g_assert_cmpstr(error_get_pretty(dst), ==,
                    "Could not open 'f': No such file or directory");
    /* dst already set: the new one is dropped, dst unchanged */
    error_setg(&other, "other");
    error_propagate_prepend(&dst, other, "prefix: ");
    g_assert_cmpstr(error_get_pretty(dst), ==,
                    "Could not open 'f': No such file or directory");
    error_free(dst);
}

/* A function in the style the convention wants, with ERRP_GUARD(). */
static bool fails_with_context(int n, Error **errp)
{
    ERRP_GUARD();

    error_setg(errp, "inner %d", n);
    error_prepend(errp, "outer: ");
    error_append_hint(errp, "a hint\n");
    return false;
}

static void test_errp_guard(void)
{
    Error *err = NULL;

    g_assert_false(fails_with_context(1, &err));
    g_assert_cmpstr(error_get_pretty(err), ==, "outer: inner 1");
    g_assert_cmpstr(error_get_hint(err), ==, "a hint\n");
    error_free(err);

    /* NULL errp: the local error is freed (leak checking sees it) */
    g_assert_false(fails_with_context(2, NULL));
}

static void test_errp_guard_fatal(void)
{
    if (g_test_subprocess()) {
        fails_with_context(3, &error_fatal);
        return;
    }
    g_test_trap_subprocess(NULL, 0, 0);
    g_test_trap_assert_failed();
    g_test_trap_assert_stderr("qemu-system-riscv32: outer: inner 3\n"
                              "a hint\n");
}

static void test_fatal(void)
{
    if (g_test_subprocess()) {
        error_setg(&error_fatal, "Parameter '%s' is missing", "driver");
        return;
    }
    g_test_trap_subprocess(NULL, 0, 0);
    g_test_trap_assert_failed();
    g_test_trap_assert_stderr("qemu-system-riscv32: Parameter 'driver' is "
                              "missing\n");
}

static void test_fatal_propagate(void)
{
    if (g_test_subprocess()) {
        Error *err = NULL;

        error_setg(&err, "propagated");
        error_propagate(&error_fatal, err);
        return;
    }
    g_test_trap_subprocess(NULL, 0, 0);
    g_test_trap_assert_failed();
    g_test_trap_assert_stderr("qemu-system-riscv32: propagated\n");
}

static void test_abort(void)
{
    if (g_test_subprocess()) {
        error_setg(&error_abort, "programming error %d", 42);
        return;
    }
    g_test_trap_subprocess(NULL, 0, 0);
    g_test_trap_assert_failed();
    g_test_trap_assert_stderr("Unexpected error in test_abort() at "
                              "*test-error.c:*:\n"
                              "qemu-system-riscv32: programming error 42\n");
}

static void test_report_formats(void)
{
    if (g_test_subprocess()) {
        char *argv[] = { (char *)"prog", (char *)"-m", (char *)"64Q", NULL };
        Location loc = { 0 };

        error_report("plain %d", 1);
        warn_report("careful");
        info_report("fyi");

        loc_push_none(&loc);
        loc_set_cmdline(argv, 1, 2);
        error_report("Parameter 'size' expects a size value");
        warn_report("deprecated");
        loc_set_file("/tmp/x.cfg", 3);
        error_report("There is no option group 'g'");
        loc_set_file(NULL, 0);
        error_report("no line");
        loc_set_none();
        error_report("none again");
        loc_pop(&loc);

        error_printf("raw %s\n", "text");
        return;
    }
    g_test_trap_subprocess(NULL, 0, 0);
    g_test_trap_assert_passed();
    g_test_trap_assert_stdout("");
    g_test_trap_assert_stderr(
        "qemu-system-riscv32: plain 1\n"
        "qemu-system-riscv32: warning: careful\n"
        "qemu-system-riscv32: info: fyi\n"
        "qemu-system-riscv32: -m 64Q: Parameter 'size' expects a size value\n"
        "qemu-system-riscv32: -m 64Q: warning: deprecated\n"
        "qemu-system-riscv32:/tmp/x.cfg:3: There is no option group 'g'\n"
        "qemu-system-riscv32:/tmp/x.cfg: no line\n"
        "qemu-system-riscv32: none again\n"
        "raw text\n");
}

static void test_report_err(void)
{
    if (g_test_subprocess()) {
        Error *err = NULL;

        error_set_progname("/usr/bin/qemu-rv32");
        g_assert_cmpstr(error_get_progname(), ==, "qemu-rv32");
        error_setg(&err, "Parameter 'size' expects a non-negative number "
                   "below 2^64");
        error_append_hint(&err, "Optional suffix k, M, G, T, P or E means "
                          "kilo-, mega-, giga-, tera-, peta-\n"
                          "and exabytes, respectively.\n");
        error_report_err(err);
        err = NULL;
        error_setg(&err, "soft");
        warn_report_err(err);
        error_report_err(NULL);
        warn_report_err(NULL);
        return;
    }
    g_test_trap_subprocess(NULL, 0, 0);
    g_test_trap_assert_passed();
    g_test_trap_assert_stderr(
        "qemu-rv32: Parameter 'size' expects a non-negative number below "
        "2^64\n"
        "Optional suffix k, M, G, T, P or E means kilo-, mega-, giga-, "
        "tera-, peta-\n"
        "and exabytes, respectively.\n"
        "qemu-rv32: warning: soft\n");
}

static void collect(void *opaque, const char *text)
{
    g_string_append(opaque, text);
}

static void test_sink(void)
{
    g_autoptr(GString) out = g_string_new(NULL);
    ErrorSinkState old;
    ErrorSinkState back;

    old = error_printf_set_sink(collect, out);
    g_assert_null(old.fn);
    error_report("Device '%s' not found", "x");
    error_printf("%d%s", 7, "\n");
    back = error_printf_set_sink(old.fn, old.opaque);
    g_assert_true(back.fn == collect);
    g_assert_true(back.opaque == out);
    /* a monitor gets no program name prefix */
    g_assert_cmpstr(out->str, ==, "Device 'x' not found\n7\n");
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/error/setg", test_setg);
    g_test_add_func("/error/set-class", test_set_class);
    g_test_add_func("/error/class-names", test_class_names);
    g_test_add_func("/error/setg-errno", test_setg_errno);
    g_test_add_func("/error/prepend-and-hint", test_prepend_and_hint);
    g_test_add_func("/error/copy", test_copy);
    g_test_add_func("/error/propagate", test_propagate);
    g_test_add_func("/error/propagate-prepend", test_propagate_prepend);
    g_test_add_func("/error/errp-guard", test_errp_guard);
    g_test_add_func("/error/errp-guard-fatal", test_errp_guard_fatal);
    g_test_add_func("/error/fatal", test_fatal);
    g_test_add_func("/error/fatal-propagate", test_fatal_propagate);
    g_test_add_func("/error/abort", test_abort);
    g_test_add_func("/error-report/formats", test_report_formats);
    g_test_add_func("/error-report/report-err", test_report_err);
    g_test_add_func("/error-report/sink", test_sink);
    return g_test_run();
}
