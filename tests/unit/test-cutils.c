/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Unit tests for util/cutils.c: qemu_strto*(), sizes, ids, size_to_str. */
#include "qemu/osdep.h"
#include "qemu/cutils.h"

/* A value no parse below produces, to see whether *result was written. */
#define UNTOUCHED 0xbaadf00d

static void test_strtoi64_ok(void)
{
    static const struct {
        const char *str;
        int base;
        int64_t val;
    } cases[] = {
        { "0", 0, 0 },
        { "42", 10, 42 },
        { "-42", 0, -42 },
        { "+7", 0, 7 },
        { "  12", 0, 12 },
        { "\t\n-3", 0, -3 },
        { "0x1f", 0, 31 },
        { "0X1F", 0, 31 },
        { "1f", 16, 31 },
        { "0x1f", 16, 31 },
        { "010", 0, 8 },
        { "010", 10, 10 },
        { "z", 36, 35 },
        { "9223372036854775807", 0, INT64_MAX },
        { "-9223372036854775808", 0, INT64_MIN },
        { "0x7fffffffffffffff", 0, INT64_MAX },
    };

    for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
        int64_t res = UNTOUCHED;

        g_assert_cmpint(qemu_strtoi64(cases[i].str, NULL, cases[i].base,
                                      &res), ==, 0);
        g_assert_cmpint(res, ==, cases[i].val);
    }
}

static void test_strtoi64_errors(void)
{
    static const char *const bad[] = {
        "", " ", "x", "-", "+", "0x", "12x", "12 ", "1.5", "--1", "0xg",
        "1,2",
    };
    int64_t res;
    const char *end;

    for (size_t i = 0; i < ARRAY_SIZE(bad); i++) {
        g_assert_cmpint(qemu_strtoi64(bad[i], NULL, 0, &res), ==, -EINVAL);
    }
    g_assert_cmpint(qemu_strtoi64(NULL, NULL, 0, &res), ==, -EINVAL);
    end = "junk";
    g_assert_cmpint(qemu_strtoi64(NULL, &end, 0, &res), ==, -EINVAL);
    g_assert_null(end);

    /* out of range by one, both ways: clamped */
    g_assert_cmpint(qemu_strtoi64("9223372036854775808", NULL, 0, &res),
                    ==, -ERANGE);
    g_assert_cmpint(res, ==, INT64_MAX);
    g_assert_cmpint(qemu_strtoi64("-9223372036854775809", NULL, 0, &res),
                    ==, -ERANGE);
    g_assert_cmpint(res, ==, INT64_MIN);
    /* trailing junk wins over range */
    g_assert_cmpint(qemu_strtoi64("99999999999999999999x", NULL, 0, &res),
                    ==, -EINVAL);
}

static void test_strtoi64_endptr(void)
{
    const char *str = " 123abc";
    const char *end = NULL;
    int64_t res = UNTOUCHED;

    g_assert_cmpint(qemu_strtoi64(str, &end, 0, &res), ==, 0);
    g_assert_cmpint(res, ==, 123);
    g_assert_true(end == str + 4);

    /* "0x" with nothing after: the "0" is the number */
    str = "0x";
    g_assert_cmpint(qemu_strtoi64(str, &end, 0, &res), ==, 0);
    g_assert_cmpint(res, ==, 0);
    g_assert_true(end == str + 1);

    /* nothing converted: end is the start */
    str = "  abc";
    g_assert_cmpint(qemu_strtoi64(str, &end, 0, &res), ==, -EINVAL);
    g_assert_true(end == str);

    /* range errors still report the end */
    str = "99999999999999999999,";
    g_assert_cmpint(qemu_strtoi64(str, &end, 0, &res), ==, -ERANGE);
    g_assert_true(end == str + 20);
}

static void test_strtou64(void)
{
    uint64_t res = UNTOUCHED;
    const char *end;

    g_assert_cmpint(qemu_strtou64("18446744073709551615", NULL, 0, &res),
                    ==, 0);
    g_assert_cmpuint(res, ==, UINT64_MAX);
    g_assert_cmpint(qemu_strtou64("0xffffffffffffffff", NULL, 0, &res),
                    ==, 0);
    g_assert_cmpuint(res, ==, UINT64_MAX);
    g_assert_cmpint(qemu_strtou64("18446744073709551616", NULL, 0, &res),
                    ==, -ERANGE);
    g_assert_cmpuint(res, ==, UINT64_MAX);
    /* negative numbers wrap, as strtoull() and QEMU do */
    g_assert_cmpint(qemu_strtou64("-1", NULL, 0, &res), ==, 0);
    g_assert_cmpuint(res, ==, UINT64_MAX);
    g_assert_cmpint(qemu_strtou64("-18446744073709551615", NULL, 0, &res),
                    ==, 0);
    g_assert_cmpuint(res, ==, 1);
    g_assert_cmpint(qemu_strtou64("-18446744073709551616", NULL, 0, &res),
                    ==, -ERANGE);
    g_assert_cmpint(qemu_strtou64("", NULL, 0, &res), ==, -EINVAL);
    g_assert_cmpint(qemu_strtou64("0x", NULL, 0, &res), ==, -EINVAL);
    g_assert_cmpint(qemu_strtou64("7 ", NULL, 0, &res), ==, -EINVAL);
    g_assert_cmpint(qemu_strtou64("7 ", &end, 0, &res), ==, 0);
    g_assert_cmpstr(end, ==, " ");
    g_assert_cmpint(qemu_strtou64("0755", NULL, 0, &res), ==, 0);
    g_assert_cmpuint(res, ==, 0755);
    g_assert_cmpint(qemu_strtou64("0755", NULL, 10, &res), ==, 0);
    g_assert_cmpuint(res, ==, 755);
}

static void test_strtoi(void)
{
    int res = 0;

    g_assert_cmpint(qemu_strtoi("2147483647", NULL, 0, &res), ==, 0);
    g_assert_cmpint(res, ==, INT_MAX);
    g_assert_cmpint(qemu_strtoi("-2147483648", NULL, 0, &res), ==, 0);
    g_assert_cmpint(res, ==, INT_MIN);
    g_assert_cmpint(qemu_strtoi("2147483648", NULL, 0, &res), ==, -ERANGE);
    g_assert_cmpint(res, ==, INT_MAX);
    g_assert_cmpint(qemu_strtoi("-2147483649", NULL, 0, &res), ==, -ERANGE);
    g_assert_cmpint(res, ==, INT_MIN);
    g_assert_cmpint(qemu_strtoi("99999999999999999999", NULL, 0, &res),
                    ==, -ERANGE);
    g_assert_cmpint(res, ==, INT_MAX);
    g_assert_cmpint(qemu_strtoi("0x10", NULL, 0, &res), ==, 0);
    g_assert_cmpint(res, ==, 16);
    g_assert_cmpint(qemu_strtoi("2x", NULL, 0, &res), ==, -EINVAL);
}

static void test_strtoui(void)
{
    unsigned int res = 0;

    g_assert_cmpint(qemu_strtoui("4294967295", NULL, 0, &res), ==, 0);
    g_assert_cmpuint(res, ==, UINT_MAX);
    g_assert_cmpint(qemu_strtoui("4294967296", NULL, 0, &res), ==, -ERANGE);
    g_assert_cmpuint(res, ==, UINT_MAX);
    g_assert_cmpint(qemu_strtoui("-1", NULL, 0, &res), ==, 0);
    g_assert_cmpuint(res, ==, UINT_MAX);
    g_assert_cmpint(qemu_strtoui("-2147483648", NULL, 0, &res), ==, 0);
    g_assert_cmpuint(res, ==, 2147483648u);
    g_assert_cmpint(qemu_strtoui("-2147483649", NULL, 0, &res), ==, -ERANGE);
    g_assert_cmpuint(res, ==, UINT_MAX);
    g_assert_cmpint(qemu_strtoui("", NULL, 0, &res), ==, -EINVAL);
}

static void test_strtod(void)
{
    double res = 0;
    const char *end;

    g_assert_cmpint(qemu_strtod("1.5", NULL, &res), ==, 0);
    g_assert_cmpfloat(res, ==, 1.5);
    g_assert_cmpint(qemu_strtod("-2e3", NULL, &res), ==, 0);
    g_assert_cmpfloat(res, ==, -2000);
    g_assert_cmpint(qemu_strtod("inf", NULL, &res), ==, 0);
    g_assert_cmpint(qemu_strtod("1e999", NULL, &res), ==, -ERANGE);
    g_assert_cmpint(qemu_strtod("", NULL, &res), ==, -EINVAL);
    g_assert_cmpint(qemu_strtod("1.5x", NULL, &res), ==, -EINVAL);

    res = 7;
    end = NULL;
    g_assert_cmpint(qemu_strtod_finite("nan", &end, &res), ==, -EINVAL);
    g_assert_cmpfloat(res, ==, 7);
    g_assert_cmpstr(end, ==, "nan");
    g_assert_cmpint(qemu_strtod_finite("-inf", NULL, &res), ==, -EINVAL);
    g_assert_cmpint(qemu_strtod_finite("1e999", NULL, &res), ==, -ERANGE);
    g_assert_cmpint(qemu_strtod_finite("0.25", NULL, &res), ==, 0);
    g_assert_cmpfloat(res, ==, 0.25);
}

typedef struct SizeCase {
    const char *str;
    int ret;
    uint64_t val;
} SizeCase;

static void check_sizes(const SizeCase *cases, size_t n,
                        int (*fn)(const char *, const char **, uint64_t *))
{
    for (size_t i = 0; i < n; i++) {
        uint64_t res = UNTOUCHED;
        int ret = fn(cases[i].str, NULL, &res);

        if (ret != cases[i].ret) {
            g_error("'%s': got %d, expected %d", cases[i].str, ret,
                    cases[i].ret);
        }
        if (ret == 0) {
            g_assert_cmpuint(res, ==, cases[i].val);
        } else {
            /* the result is only written on success */
            g_assert_cmpuint(res, ==, UNTOUCHED);
        }
    }
}

static void test_strtosz(void)
{
    static const SizeCase cases[] = {
        { "0", 0, 0 },
        { "12345", 0, 12345 },
        { " 12", 0, 12 },
        { "+12", 0, 12 },
        { "1B", 0, 1 },
        { "1b", 0, 1 },
        { "1k", 0, KiB },
        { "1K", 0, KiB },
        { "64K", 0, 64 * KiB },
        { "1M", 0, MiB },
        { "1m", 0, MiB },
        { "2G", 0, 2 * GiB },
        { "1T", 0, TiB },
        { "1P", 0, PiB },
        { "1E", 0, EiB },
        { "15E", 0, 15 * (uint64_t)EiB },
        { "1.5M", 0, MiB + MiB / 2 },
        { "1.M", 0, MiB },
        { "1.0", 0, 1 },
        { "0.5K", 0, 512 },
        { "12.345M", 0, 12944671 },  /* 12.345 MiB rounded to a byte */
        { "0x10", 0, 16 },
        { "0X1F", 0, 31 },
        { "0x0", 0, 0 },
        { "18446744073709551615", 0, UINT64_MAX },
        { "16383P", 0, 16383 * (uint64_t)PiB },
        /* errors */
        { "", -EINVAL, 0 },
        { " ", -EINVAL, 0 },
        { "x", -EINVAL, 0 },
        { "2x", -EINVAL, 0 },
        { "64Q", -EINVAL, 0 },
        { "1KB", -EINVAL, 0 },
        { "1 K", -EINVAL, 0 },
        { "1.5", -EINVAL, 0 },        /* fractional bytes need a suffix */
        { "1.5B", -EINVAL, 0 },
        { "1e3", -EINVAL, 0 },
        { "1.5e3", -EINVAL, 0 },
        { "-1", -EINVAL, 0 },
        { "-0", -EINVAL, 0 },
        { " -1K", -EINVAL, 0 },
        { "0x", -EINVAL, 0 },
        { "0x1.5", -EINVAL, 0 },
        { "0xg", -EINVAL, 0 },
        { "1,5M", -EINVAL, 0 },
        /* overflow: 2^64 or more */
        { "16E", -ERANGE, 0 },
        { "16384P", -ERANGE, 0 },
        { "18446744073709551616", -ERANGE, 0 },
        { "99999999999999999999", -ERANGE, 0 },
        { "17179869184T", -ERANGE, 0 },
        { "99999999999999999999x", -EINVAL, 0 },
    };

    check_sizes(cases, ARRAY_SIZE(cases), qemu_strtosz);
    g_assert_cmpint(qemu_strtosz(NULL, NULL, &(uint64_t){0}), ==, -EINVAL);
}

static void test_strtosz_endptr(void)
{
    const char *str = "12Kfoo";
    const char *end = NULL;
    uint64_t res = 0;

    g_assert_cmpint(qemu_strtosz(str, &end, &res), ==, 0);
    g_assert_cmpuint(res, ==, 12 * KiB);
    g_assert_true(end == str + 3);

    str = "1.5,";
    g_assert_cmpint(qemu_strtosz(str, &end, &res), ==, -EINVAL);
    g_assert_true(end == str);

    str = "1.k";
    g_assert_cmpint(qemu_strtosz(str, &end, &res), ==, 0);
    g_assert_cmpuint(res, ==, KiB);
    g_assert_true(end == str + 3);

    str = "16E,x";
    g_assert_cmpint(qemu_strtosz(str, &end, &res), ==, -ERANGE);
    g_assert_true(end == str + 3);
}

static void test_strtosz_MiB(void)
{
    static const SizeCase cases[] = {
        { "64", 0, 64 * MiB },
        { "1.5", 0, MiB + MiB / 2 },
        { "64K", 0, 64 * KiB },
        { "1B", 0, 1 },
        { "0", 0, 0 },
        { "17592186044416", -ERANGE, 0 },   /* 2^44 MiB */
        { "17592186044415", 0, UINT64_C(17592186044415) * MiB },
        { "64Q", -EINVAL, 0 },
    };

    check_sizes(cases, ARRAY_SIZE(cases), qemu_strtosz_MiB);
}

static void test_strtosz_metric(void)
{
    static const SizeCase cases[] = {
        { "1k", 0, 1000 },
        { "1.5M", 0, 1500000 },
        { "12", 0, 12 },
        { "18E", 0, UINT64_C(18000000000000000000) },
        { "19E", -ERANGE, 0 },
    };

    check_sizes(cases, ARRAY_SIZE(cases), qemu_strtosz_metric);
}

static void test_strtosz_hex_suffix(void)
{
    uint64_t res = 0;

    /* accepted with a deprecation warning, as in QEMU 7.2 */
    if (g_test_subprocess()) {
        g_assert_cmpint(qemu_strtosz("0x10k", NULL, &res), ==, 0);
        g_assert_cmpuint(res, ==, 16 * KiB);
        return;
    }
    g_test_trap_subprocess(NULL, 0, 0);
    g_test_trap_assert_passed();
    g_test_trap_assert_stderr("*warning: Using a multiplier suffix on hex "
                              "numbers is deprecated: 0x10k*");
}

static void test_id_wellformed(void)
{
    static const char *const good[] = {
        "a", "Z", "abc", "a1", "a-b", "a.b", "a_b", "x-._9",
    };
    static const char *const bad[] = {
        "", "1a", "-a", ".a", "_a", "a b", "a,b", "a/b", "a=b", "\xc3\xa9",
    };

    for (size_t i = 0; i < ARRAY_SIZE(good); i++) {
        g_assert_true(id_wellformed(good[i]));
    }
    for (size_t i = 0; i < ARRAY_SIZE(bad); i++) {
        g_assert_false(id_wellformed(bad[i]));
    }
}

static void test_size_to_str(void)
{
    static const struct {
        uint64_t val;
        const char *str;
    } cases[] = {
        { 0, "0 B" },
        { 1, "1 B" },
        { 999, "999 B" },
        { 1000, "0.977 KiB" },
        { 1023, "0.999 KiB" },
        { 1024, "1 KiB" },
        { 1536, "1.5 KiB" },
        { 64 * KiB, "64 KiB" },
        { 16 * KiB, "16 KiB" },
        { 999 * KiB, "999 KiB" },
        { 1000 * KiB, "0.977 MiB" },
        { 128 * MiB, "128 MiB" },
        { 2 * GiB, "2 GiB" },
        { 4 * TiB, "4 TiB" },
        { PiB, "1 PiB" },
        { EiB, "1 EiB" },
        { UINT64_MAX, "16 EiB" },
    };

    for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
        g_autofree char *s = size_to_str(cases[i].val);

        g_assert_cmpstr(s, ==, cases[i].str);
    }
}

static void test_strstart(void)
{
    const char *rest = NULL;

    g_assert_true(strstart("chardev:foo", "chardev:", &rest));
    g_assert_cmpstr(rest, ==, "foo");
    g_assert_true(strstart("abc", "", NULL));
    g_assert_false(strstart("char", "chardev:", &rest));
    g_assert_cmpstr(rest, ==, "foo");
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/cutils/strtoi64/ok", test_strtoi64_ok);
    g_test_add_func("/cutils/strtoi64/errors", test_strtoi64_errors);
    g_test_add_func("/cutils/strtoi64/endptr", test_strtoi64_endptr);
    g_test_add_func("/cutils/strtou64", test_strtou64);
    g_test_add_func("/cutils/strtoi", test_strtoi);
    g_test_add_func("/cutils/strtoui", test_strtoui);
    g_test_add_func("/cutils/strtod", test_strtod);
    g_test_add_func("/cutils/strtosz/bytes", test_strtosz);
    g_test_add_func("/cutils/strtosz/endptr", test_strtosz_endptr);
    g_test_add_func("/cutils/strtosz/MiB", test_strtosz_MiB);
    g_test_add_func("/cutils/strtosz/metric", test_strtosz_metric);
    g_test_add_func("/cutils/strtosz/hex-suffix", test_strtosz_hex_suffix);
    g_test_add_func("/cutils/id-wellformed", test_id_wellformed);
    g_test_add_func("/cutils/size-to-str", test_size_to_str);
    g_test_add_func("/cutils/strstart", test_strstart);
    return g_test_run();
}
