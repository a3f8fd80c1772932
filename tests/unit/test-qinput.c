/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Unit tests for qapi/qinput.c and qapi/qapi-util.c: typed input from JSON
 * values and strings, with QEMU 7.2's error texts.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qapi/input.h"
#include "qapi/util.h"
#include "qobject/json.h"

/* Check that @err is set with message @msg, and free it. */
static void assert_error(Error *err, const char *msg)
{
    g_assert_nonnull(err);
    g_assert_cmpstr(error_get_pretty(err), ==, msg);
    error_free(err);
}

static JsonNode *node_int(int64_t v)
{
    return json_node_init_int(json_node_alloc(), v);
}

static JsonNode *node_double(double v)
{
    return json_node_init_double(json_node_alloc(), v);
}

static JsonNode *node_bool(bool v)
{
    return json_node_init_boolean(json_node_alloc(), v);
}

static JsonNode *node_str(const char *v)
{
    return json_node_init_string(json_node_alloc(), v);
}

static JsonNode *node_null(void)
{
    return json_node_init_null(json_node_alloc());
}

static JsonNode *node_object(void)
{
    JsonObject *obj = json_object_new();
    JsonNode *n = json_node_init_object(json_node_alloc(), obj);

    json_object_unref(obj);
    return n;
}

static JsonNode *node_array(void)
{
    JsonArray *arr = json_array_new();
    JsonNode *n = json_node_init_array(json_node_alloc(), arr);

    json_array_unref(arr);
    return n;
}

/* One node of each JSON type, for the wrong-type tests. */
typedef struct Nodes {
    JsonNode *i, *d, *b, *s, *n, *o, *a;
} Nodes;

static void nodes_init(Nodes *ns)
{
    ns->i = node_int(1);
    ns->d = node_double(1.5);
    ns->b = node_bool(true);
    ns->s = node_str("1");
    ns->n = node_null();
    ns->o = node_object();
    ns->a = node_array();
}

static void nodes_free(Nodes *ns)
{
    json_node_unref(ns->i);
    json_node_unref(ns->d);
    json_node_unref(ns->b);
    json_node_unref(ns->s);
    json_node_unref(ns->n);
    json_node_unref(ns->o);
    json_node_unref(ns->a);
}

static void test_bool(void)
{
    g_autoptr(JsonNode) t = node_bool(true);
    g_autoptr(JsonNode) f = node_bool(false);
    Nodes ns;
    Error *err = NULL;
    bool v = false;

    g_assert_true(qinput_bool(t, "b", &v, &error_abort));
    g_assert_true(v);
    g_assert_true(qinput_bool(f, "b", &v, &error_abort));
    g_assert_false(v);

    nodes_init(&ns);
    JsonNode *wrong[] = { ns.i, ns.d, ns.s, ns.n, ns.o, ns.a };
    for (size_t i = 0; i < ARRAY_SIZE(wrong); i++) {
        v = true;
        g_assert_false(qinput_bool(wrong[i], "data-be", &v, &err));
        assert_error(err, "Invalid parameter type for 'data-be', "
                     "expected: boolean");
        err = NULL;
        g_assert_true(v);
    }
    nodes_free(&ns);
}

static void test_missing_and_null_name(void)
{
    g_autoptr(JsonNode) s = node_str("x");
    Error *err = NULL;
    int64_t i;
    const char *str;

    g_assert_false(qinput_int64(NULL, "addr", &i, &err));
    assert_error(err, "Parameter 'addr' is missing");
    err = NULL;
    g_assert_false(qinput_int64(s, NULL, &i, &err));
    assert_error(err, "Invalid parameter type for 'null', expected: integer");
    err = NULL;
    g_assert_false(qinput_parse_int64("x", NULL, &i, &err));
    assert_error(err, "Parameter 'null' expects integer");
    /* errp NULL is fine */
    g_assert_false(qinput_int64(s, "a", &i, NULL));
    g_assert_true(qinput_str(s, NULL, &str, NULL));
    g_assert_cmpstr(str, ==, "x");
}

static void test_int64(void)
{
    g_autoptr(JsonNode) max = node_int(INT64_MAX);
    g_autoptr(JsonNode) min = node_int(INT64_MIN);
    Nodes ns;
    Error *err = NULL;
    int64_t v = 0;

    g_assert_true(qinput_int64(max, "x", &v, &error_abort));
    g_assert_cmpint(v, ==, INT64_MAX);
    g_assert_true(qinput_int64(min, "x", &v, &error_abort));
    g_assert_cmpint(v, ==, INT64_MIN);

    nodes_init(&ns);
    JsonNode *wrong[] = { ns.d, ns.b, ns.s, ns.n, ns.o, ns.a };
    for (size_t i = 0; i < ARRAY_SIZE(wrong); i++) {
        v = 42;
        g_assert_false(qinput_int64(wrong[i], "phandle-start", &v, &err));
        assert_error(err, "Invalid parameter type for 'phandle-start', "
                     "expected: integer");
        err = NULL;
        g_assert_cmpint(v, ==, 42);
    }
    nodes_free(&ns);
}

static void test_uint64(void)
{
    g_autoptr(JsonNode) big = node_int((int64_t)UINT64_MAX);
    g_autoptr(JsonNode) neg = node_int(-2);
    g_autoptr(JsonNode) zero = node_int(0);
    Nodes ns;
    Error *err = NULL;
    uint64_t v = 0;

    /* values above INT64_MAX are stored with their bits */
    g_assert_true(qinput_uint64(big, "x", &v, &error_abort));
    g_assert_cmpuint(v, ==, UINT64_MAX);
    /* negative values wrap, as in QEMU */
    g_assert_true(qinput_uint64(neg, "x", &v, &error_abort));
    g_assert_cmpuint(v, ==, UINT64_MAX - 1);
    g_assert_true(qinput_uint64(zero, "x", &v, &error_abort));
    g_assert_cmpuint(v, ==, 0);

    /* QEMU's text for a non-integer here is not a type error */
    nodes_init(&ns);
    JsonNode *wrong[] = { ns.d, ns.b, ns.s, ns.n, ns.o, ns.a };
    for (size_t i = 0; i < ARRAY_SIZE(wrong); i++) {
        v = 42;
        g_assert_false(qinput_uint64(wrong[i], "addr", &v, &err));
        assert_error(err, "Parameter 'addr' expects uint64");
        err = NULL;
        g_assert_false(qinput_size(wrong[i], "size", &v, &err));
        assert_error(err, "Parameter 'size' expects uint64");
        err = NULL;
        g_assert_false(qinput_uintN(wrong[i], "len", 8, &v, &err));
        assert_error(err, "Parameter 'len' expects uint64");
        err = NULL;
        g_assert_cmpuint(v, ==, 42);
    }
    nodes_free(&ns);

    g_assert_true(qinput_size(neg, "size", &v, &error_abort));
    g_assert_cmpuint(v, ==, UINT64_MAX - 1);
}

static void test_intN(void)
{
    static const struct {
        int bits;
        int64_t val;
        bool ok;
    } cases[] = {
        { 8, -128, true }, { 8, 127, true },
        { 8, 128, false }, { 8, -129, false },
        { 16, -32768, true }, { 16, 32767, true },
        { 16, 32768, false }, { 16, -32769, false },
        { 32, INT32_MIN, true }, { 32, INT32_MAX, true },
        { 32, (int64_t)INT32_MAX + 1, false },
        { 32, (int64_t)INT32_MIN - 1, false },
        { 64, INT64_MIN, true }, { 64, INT64_MAX, true },
    };
    Error *err = NULL;

    for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
        g_autoptr(JsonNode) n = node_int(cases[i].val);
        g_autofree char *str = g_strdup_printf("%" PRId64, cases[i].val);
        g_autofree char *msg = g_strdup_printf("Parameter 'v' expects "
                                               "int%d_t", cases[i].bits);
        int64_t v = 7, w = 7;
        bool ok = qinput_intN(n, "v", cases[i].bits, &v, &err);
        bool pok = qinput_parse_intN(str, "v", cases[i].bits, &w, NULL);

        g_assert_cmpint(ok, ==, cases[i].ok);
        g_assert_cmpint(pok, ==, cases[i].ok);
        if (ok) {
            g_assert_null(err);
            g_assert_cmpint(v, ==, cases[i].val);
            g_assert_cmpint(w, ==, cases[i].val);
        } else {
            assert_error(err, msg);
            err = NULL;
            g_assert_cmpint(v, ==, 7);
            g_assert_false(qinput_parse_intN(str, "v", cases[i].bits, &w,
                                             &err));
            assert_error(err, msg);
            err = NULL;
        }
    }
}

static void test_uintN(void)
{
    static const struct {
        int bits;
        uint64_t val;
        bool ok;
    } cases[] = {
        { 8, 0, true }, { 8, 255, true }, { 8, 256, false },
        { 16, 65535, true }, { 16, 65536, false },
        { 32, 4294967295u, true }, { 32, 4294967296u, false },
        { 64, UINT64_MAX, true },
        /* -1 wraps to UINT64_MAX: too big for 32 bits */
        { 32, UINT64_MAX, false },
    };
    Error *err = NULL;

    for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
        g_autoptr(JsonNode) n = node_int((int64_t)cases[i].val);
        g_autofree char *str = g_strdup_printf("%" PRIu64, cases[i].val);
        g_autofree char *msg = g_strdup_printf("Parameter 'v' expects "
                                               "uint%d_t", cases[i].bits);
        uint64_t v = 7, w = 7;
        bool ok = qinput_uintN(n, "v", cases[i].bits, &v, &err);
        bool pok = qinput_parse_uintN(str, "v", cases[i].bits, &w, NULL);

        g_assert_cmpint(ok, ==, cases[i].ok);
        g_assert_cmpint(pok, ==, cases[i].ok);
        if (ok) {
            g_assert_null(err);
            g_assert_cmpuint(v, ==, cases[i].val);
            g_assert_cmpuint(w, ==, cases[i].val);
        } else {
            assert_error(err, msg);
            err = NULL;
            g_assert_cmpuint(v, ==, 7);
        }
    }
}

static void test_number(void)
{
    g_autoptr(JsonNode) i = node_int(-3);
    g_autoptr(JsonNode) d = node_double(0.25);
    Nodes ns;
    Error *err = NULL;
    double v = 0;

    g_assert_true(qinput_number(i, "n", &v, &error_abort));
    g_assert_cmpfloat(v, ==, -3);
    g_assert_true(qinput_number(d, "n", &v, &error_abort));
    g_assert_cmpfloat(v, ==, 0.25);

    nodes_init(&ns);
    JsonNode *wrong[] = { ns.b, ns.s, ns.n, ns.o, ns.a };
    for (size_t k = 0; k < ARRAY_SIZE(wrong); k++) {
        g_assert_false(qinput_number(wrong[k], "n", &v, &err));
        assert_error(err, "Invalid parameter type for 'n', expected: number");
        err = NULL;
    }
    nodes_free(&ns);
}

static void test_str_object_array(void)
{
    g_autoptr(JsonNode) s = node_str("hello");
    g_autoptr(JsonNode) o = node_object();
    g_autoptr(JsonNode) a = node_array();
    Nodes ns;
    Error *err = NULL;
    const char *str = NULL;
    JsonObject *obj = NULL;
    JsonArray *arr = NULL;

    g_assert_true(qinput_str(s, "s", &str, &error_abort));
    g_assert_cmpstr(str, ==, "hello");
    g_assert_true(qinput_object(o, "o", &obj, &error_abort));
    g_assert_true(obj == json_node_get_object(o));
    g_assert_true(qinput_array(a, "a", &arr, &error_abort));
    g_assert_true(arr == json_node_get_array(a));

    nodes_init(&ns);
    JsonNode *not_str[] = { ns.i, ns.d, ns.b, ns.n, ns.o, ns.a };
    for (size_t k = 0; k < ARRAY_SIZE(not_str); k++) {
        g_assert_false(qinput_str(not_str[k], "file", &str, &err));
        assert_error(err, "Invalid parameter type for 'file', "
                     "expected: string");
        err = NULL;
    }
    JsonNode *not_obj[] = { ns.i, ns.d, ns.b, ns.s, ns.n, ns.a };
    for (size_t k = 0; k < ARRAY_SIZE(not_obj); k++) {
        g_assert_false(qinput_object(not_obj[k], "boot", &obj, &err));
        assert_error(err, "Invalid parameter type for 'boot', "
                     "expected: object");
        err = NULL;
    }
    JsonNode *not_arr[] = { ns.i, ns.d, ns.b, ns.s, ns.n, ns.o };
    for (size_t k = 0; k < ARRAY_SIZE(not_arr); k++) {
        g_assert_false(qinput_array(not_arr[k], "list", &arr, &err));
        assert_error(err, "Invalid parameter type for 'list', "
                     "expected: array");
        err = NULL;
    }
    nodes_free(&ns);
}

static const char *const colour_names[] = { "red", "green", "blue" };
static const QEnumLookup colour_lookup = {
    .array = colour_names,
    .size = ARRAY_SIZE(colour_names),
};

static void test_enum(void)
{
    g_autoptr(JsonNode) green = node_str("green");
    g_autoptr(JsonNode) pink = node_str("pink");
    g_autoptr(JsonNode) num = node_int(1);
    Error *err = NULL;
    int v = -1;

    g_assert_true(qinput_enum(green, "c", &colour_lookup, &v, &error_abort));
    g_assert_cmpint(v, ==, 1);
    g_assert_false(qinput_enum(pink, "c", &colour_lookup, &v, &err));
    assert_error(err, "Parameter 'c' does not accept value 'pink'");
    err = NULL;
    g_assert_false(qinput_enum(num, "c", &colour_lookup, &v, &err));
    assert_error(err, "Invalid parameter type for 'c', expected: string");
    err = NULL;
    g_assert_cmpint(v, ==, 1);
}

static void test_enum_util(void)
{
    Error *err = NULL;

    g_assert_cmpstr(qapi_enum_lookup(&colour_lookup, 0), ==, "red");
    g_assert_cmpstr(qapi_enum_lookup(&colour_lookup, 2), ==, "blue");
    g_assert_cmpint(qapi_enum_parse(&colour_lookup, "blue", 0, &error_abort),
                    ==, 2);
    g_assert_cmpint(qapi_enum_parse(&colour_lookup, NULL, 7, &error_abort),
                    ==, 7);
    g_assert_cmpint(qapi_enum_parse(&colour_lookup, "Blue", 5, &err), ==, 5);
    assert_error(err, "Invalid parameter 'Blue'");
    g_assert_cmpint(qapi_enum_parse(&colour_lookup, "", -1, NULL), ==, -1);
}

static void test_parse_bool(void)
{
    static const char *const yes[] = { "on", "yes", "true", "y" };
    static const char *const no[] = { "off", "no", "false", "n" };
    static const char *const bad[] = {
        "", "maybe", "YES", "On", "TRUE", "1", "0", "on ", " on", "onx",
    };
    Error *err = NULL;
    bool v;

    for (size_t i = 0; i < ARRAY_SIZE(yes); i++) {
        v = false;
        g_assert_true(qinput_parse_bool(yes[i], "b", &v, &error_abort));
        g_assert_true(v);
        g_assert_true(qinput_parse_bool(no[i], "b", &v, &error_abort));
        g_assert_false(v);
    }
    for (size_t i = 0; i < ARRAY_SIZE(bad); i++) {
        v = true;
        g_assert_false(qinput_parse_bool(bad[i], "msos-desc", &v, &err));
        assert_error(err, "Parameter 'msos-desc' expects 'on' or 'off'");
        err = NULL;
        g_assert_true(v);
    }
    g_assert_false(qinput_parse_bool(NULL, "b", &v, NULL));
}

static void test_parse_int(void)
{
    static const char *const bad[] = {
        "", "abc", "1.5", "2k", "0x", "1 2", "true", "9223372036854775808",
        "-9223372036854775809",
    };
    Error *err = NULL;
    int64_t v = 0;
    uint64_t u = 0;

    g_assert_true(qinput_parse_int64("0x20400000", "r", &v, &error_abort));
    g_assert_cmpint(v, ==, 0x20400000);
    g_assert_true(qinput_parse_int64("-5", "r", &v, &error_abort));
    g_assert_cmpint(v, ==, -5);
    g_assert_true(qinput_parse_int64(" 5", "r", &v, &error_abort));
    g_assert_cmpint(v, ==, 5);
    for (size_t i = 0; i < ARRAY_SIZE(bad); i++) {
        g_assert_false(qinput_parse_int64(bad[i], "usb_version", &v, &err));
        assert_error(err, "Parameter 'usb_version' expects integer");
        err = NULL;
    }

    g_assert_true(qinput_parse_uint64("0x2", "u", &u, &error_abort));
    g_assert_cmpuint(u, ==, 2);
    g_assert_true(qinput_parse_uint64("-1", "u", &u, &error_abort));
    g_assert_cmpuint(u, ==, UINT64_MAX);
    g_assert_true(qinput_parse_uint64("18446744073709551615", "u", &u,
                                      &error_abort));
    g_assert_cmpuint(u, ==, UINT64_MAX);
    g_assert_false(qinput_parse_uint64("18446744073709551616", "addr", &u,
                                       &err));
    assert_error(err, "Parameter 'addr' expects integer");
    err = NULL;
    g_assert_false(qinput_parse_uint64("abc", "addr", &u, &err));
    assert_error(err, "Parameter 'addr' expects integer");
    err = NULL;

    /* device_add facts: "99999999999" and "-1" for a uint32 */
    g_assert_false(qinput_parse_uintN("99999999999", "usb_version", 32, &u,
                                      &err));
    assert_error(err, "Parameter 'usb_version' expects uint32_t");
    err = NULL;
    g_assert_false(qinput_parse_uintN("-1", "usb_version", 32, &u, &err));
    assert_error(err, "Parameter 'usb_version' expects uint32_t");
    err = NULL;
    g_assert_false(qinput_parse_uintN("2k", "usb_version", 32, &u, &err));
    assert_error(err, "Parameter 'usb_version' expects integer");
    err = NULL;
    g_assert_false(qinput_parse_intN("abc", "i", 8, &v, &err));
    assert_error(err, "Parameter 'i' expects integer");
}

static void test_parse_size(void)
{
    static const char *const bad[] = {
        "2x", "16E", "-1", "1.5", "", "64Q", "99999999999999999999",
    };
    Error *err = NULL;
    uint64_t v = 0;

    g_assert_true(qinput_parse_size("64K", "size", &v, &error_abort));
    g_assert_cmpuint(v, ==, 65536);
    g_assert_true(qinput_parse_size("1.5M", "size", &v, &error_abort));
    g_assert_cmpuint(v, ==, 1572864);
    g_assert_true(qinput_parse_size("0x1000", "size", &v, &error_abort));
    g_assert_cmpuint(v, ==, 4096);
    g_assert_true(qinput_parse_size("18446744073709551615", "size", &v,
                                    &error_abort));
    g_assert_cmpuint(v, ==, UINT64_MAX);
    for (size_t i = 0; i < ARRAY_SIZE(bad); i++) {
        v = 3;
        g_assert_false(qinput_parse_size(bad[i], "size", &v, &err));
        assert_error(err, "Parameter 'size' expects a size value");
        err = NULL;
        g_assert_cmpuint(v, ==, 3);
    }
}

static void test_parse_number(void)
{
    static const char *const bad[] = { "", "x", "nan", "inf", "1e999",
                                       "1.5x" };
    Error *err = NULL;
    double v = 0;

    g_assert_true(qinput_parse_number("1.5", "n", &v, &error_abort));
    g_assert_cmpfloat(v, ==, 1.5);
    g_assert_true(qinput_parse_number("-2e2", "n", &v, &error_abort));
    g_assert_cmpfloat(v, ==, -200);
    for (size_t i = 0; i < ARRAY_SIZE(bad); i++) {
        g_assert_false(qinput_parse_number(bad[i], "n", &v, &err));
        assert_error(err, "Invalid parameter type for 'n', expected: number");
        err = NULL;
    }
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/qinput/bool", test_bool);
    g_test_add_func("/qinput/missing-and-null-name",
                    test_missing_and_null_name);
    g_test_add_func("/qinput/int64", test_int64);
    g_test_add_func("/qinput/uint64", test_uint64);
    g_test_add_func("/qinput/intN", test_intN);
    g_test_add_func("/qinput/uintN", test_uintN);
    g_test_add_func("/qinput/number", test_number);
    g_test_add_func("/qinput/str-object-array", test_str_object_array);
    g_test_add_func("/qinput/enum", test_enum);
    g_test_add_func("/qapi/enum-util", test_enum_util);
    g_test_add_func("/qinput/parse/bool", test_parse_bool);
    g_test_add_func("/qinput/parse/int", test_parse_int);
    g_test_add_func("/qinput/parse/size", test_parse_size);
    g_test_add_func("/qinput/parse/number", test_parse_number);
    return g_test_run();
}
