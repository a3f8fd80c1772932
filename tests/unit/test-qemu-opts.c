/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Unit tests for util/qemu-option.c: option strings in both syntaxes. */
#include "qemu/osdep.h"
#include "qemu/option.h"
#include "qapi/error.h"
#include "qobject/json.h"

static void assert_error(Error *err, const char *msg)
{
    g_assert_nonnull(err);
    g_assert_cmpstr(error_get_pretty(err), ==, msg);
    error_free(err);
}

/* The pairs of @opts as "name=value|name=value" (no escaping). */
static char *pairs(QemuOpts *opts)
{
    GString *s = g_string_new(NULL);

    for (size_t i = 0; i < qemu_opts_count(opts); i++) {
        const QemuOpt *opt = qemu_opts_nth(opts, i);

        g_string_append_printf(s, "%s%s=%s", i ? "|" : "", opt->name,
                               opt->str);
    }
    return g_string_free(s, FALSE);
}

/* Parse @params (QemuOpts syntax) and compare its pairs with @expected. */
static void check_parse(const char *params, const char *implied,
                        const char *expected)
{
    g_autoptr(QemuOpts) opts = qemu_opts_parse(params, implied,
                                               &error_abort);
    g_autofree char *got = pairs(opts);

    g_assert_cmpstr(got, ==, expected);
}

static void check_parse_error(const char *params, const char *implied,
                              const char *msg)
{
    Error *err = NULL;

    g_assert_null(qemu_opts_parse(params, implied, &err));
    assert_error(err, msg);
}

static void check_keyval(const char *params, const char *implied,
                         const char *expected)
{
    g_autoptr(QemuOpts) opts = qemu_opts_parse_keyval(params, implied,
                                                      &error_abort);
    g_autofree char *got = pairs(opts);

    g_assert_cmpstr(got, ==, expected);
}

static void check_keyval_error(const char *params, const char *implied,
                               const char *msg)
{
    Error *err = NULL;

    g_assert_null(qemu_opts_parse_keyval(params, implied, &err));
    assert_error(err, msg);
}

static void test_basic(void)
{
    check_parse("", "driver", "");
    check_parse("a=1", NULL, "a=1");
    check_parse("a=1,b=two", NULL, "a=1|b=two");
    check_parse("a=1,", NULL, "a=1");
    check_parse("a=", NULL, "a=");
    check_parse("a==b", NULL, "a==b");
    check_parse("path=/tmp/x y", NULL, "path=/tmp/x y");
}

static void test_implied(void)
{
    check_parse("loader", "driver", "driver=loader");
    check_parse("loader,addr=0x100", "driver", "driver=loader|addr=0x100");
    /* only the first element can be implied */
    check_parse("driver=loader,x", "driver", "driver=loader|x=on");
    /* an explicit key is used even for the first element */
    check_parse("addr=1,loader", "driver", "addr=1|loader=on");
    /* "-device help" is a driver named help: the caller deals with it */
    check_parse("help", "driver", "driver=help");
    /* no implied key: a first bare word is a flag, as in QEMU */
    check_parse("server", NULL, "server=on");
    /* ",x" with an implied key: an empty implied value */
    check_parse(",x=1", "driver", "driver=|x=1");
}

static void test_escapes(void)
{
    /* "-device 'loader,,x=1'" looks for a driver named "loader,x=1" */
    check_parse("loader,,x=1", "driver", "driver=loader,x=1");
    check_parse("foo,,bar", "guest", "guest=foo,bar");
    check_parse("a=1,,2,b=3", NULL, "a=1,2|b=3");
    check_parse("a=1,,,b", NULL, "a=1,|b=on");
    check_parse("a=,,,,", NULL, "a=,,");
    check_parse("a=x,,", NULL, "a=x,");
}

static void test_flags(void)
{
    check_parse("socket,id=c,path=/tmp/s,server,nowait", "backend",
                "backend=socket|id=c|path=/tmp/s|server=on|wait=off");
    check_parse("tcp,nodelay", "backend", "backend=tcp|delay=off");
    /* every word starting with "no" is taken apart */
    check_parse("x=1,none", NULL, "x=1|ne=off");
    check_parse("x=1,nohelp", NULL, "x=1|help=off");
    check_parse_error("x=1,no", NULL, "Invalid parameter ''");
}

static void test_help(void)
{
    g_autoptr(QemuOpts) a = qemu_opts_parse("loader,help", "driver",
                                            &error_abort);
    g_autoptr(QemuOpts) b = qemu_opts_parse("?", NULL, &error_abort);
    g_autoptr(QemuOpts) c = qemu_opts_parse("a=1,help,b=2", NULL,
                                            &error_abort);
    g_autoptr(QemuOpts) d = qemu_opts_parse("a=help", NULL, &error_abort);
    g_autofree char *cp = pairs(c);

    g_assert_true(qemu_opts_has_help(a));
    g_assert_cmpstr(qemu_opt_get(a, "driver"), ==, "loader");
    g_assert_false(qemu_opt_has(a, "help"));
    g_assert_true(qemu_opts_has_help(b));
    g_assert_cmpuint(qemu_opts_count(b), ==, 0);
    /* parsing stops at the help request */
    g_assert_true(qemu_opts_has_help(c));
    g_assert_cmpstr(cp, ==, "a=1");
    g_assert_false(qemu_opts_has_help(d));
}

static void test_duplicates(void)
{
    g_autoptr(QemuOpts) opts = qemu_opts_parse("a=1,b=x,a=2", NULL,
                                               &error_abort);

    g_assert_cmpuint(qemu_opts_count(opts), ==, 3);
    g_assert_cmpstr(qemu_opt_get(opts, "a"), ==, "2");
    g_assert_true(qemu_opt_has(opts, "b"));
    g_assert_false(qemu_opt_has(opts, "c"));
    g_assert_null(qemu_opt_get(opts, "c"));
    g_assert_cmpint(qemu_opt_unset(opts, "a"), ==, 2);
    g_assert_cmpint(qemu_opt_unset(opts, "a"), ==, 0);
    g_assert_null(qemu_opt_get(opts, "a"));
    g_assert_cmpuint(qemu_opts_count(opts), ==, 1);
}

static void test_ids(void)
{
    g_autoptr(QemuOpts) a = qemu_opts_parse("loader,id=l1,addr=4", "driver",
                                            &error_abort);
    g_autoptr(QemuOpts) b = qemu_opts_parse("id=a,id=b", NULL,
                                            &error_abort);
    g_autoptr(QemuOpts) c = qemu_opts_parse("loader", "driver",
                                            &error_abort);
    Error *err = NULL;

    g_assert_cmpstr(qemu_opts_id(a), ==, "l1");
    g_assert_cmpstr(qemu_opt_get(a, "id"), ==, "l1");
    /* the first id is the id; the accessor gives the last */
    g_assert_cmpstr(qemu_opts_id(b), ==, "a");
    g_assert_cmpstr(qemu_opt_get(b, "id"), ==, "b");
    g_assert_null(qemu_opts_id(c));
    qemu_opt_set(c, "id", "set");
    g_assert_cmpstr(qemu_opts_id(c), ==, "set");
    g_assert_cmpint(qemu_opt_unset(c, "id"), ==, 1);
    g_assert_null(qemu_opts_id(c));

    g_assert_null(qemu_opts_parse("loader,id=1x", "driver", &err));
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "Parameter 'id' expects an identifier");
    g_assert_cmpstr(error_get_hint(err), ==,
                    "Identifiers consist of letters, digits, '-', '.', '_', "
                    "starting with a letter.\n");
    error_free(err);
    check_parse_error("loader,id=", "driver",
                      "Parameter 'id' expects an identifier");
    check_parse_error("id=k1,,x", NULL,
                      "Parameter 'id' expects an identifier");
    check_parse_error("id=a b", NULL, "Parameter 'id' expects an identifier");
}

static void test_errors(void)
{
    check_parse_error("=1", NULL, "Invalid parameter ''");
    check_parse_error("foo,=1", "guest", "Invalid parameter ''");
    check_parse_error(",x", NULL, "Invalid parameter ''");
    check_parse_error("a=1,,,=2", NULL, "Invalid parameter ''");
    /* errp NULL */
    g_assert_null(qemu_opts_parse("=1", NULL, NULL));
}

static void test_noisily(void)
{
    if (g_test_subprocess()) {
        g_autoptr(QemuOpts) opts =
            qemu_opts_parse_noisily("socket,server,nowait,nodelay,a=1,help",
                                    "backend", &error_abort);

        g_assert_cmpstr(qemu_opt_get(opts, "wait"), ==, "off");
        return;
    }
    g_test_trap_subprocess(NULL, 0, 0);
    g_test_trap_assert_passed();
    g_test_trap_assert_stderr(
        "*warning: short-form boolean option 'server' deprecated\n"
        "Please use server=on instead\n"
        "*warning: short-form boolean option 'nowait' deprecated\n"
        "Please use wait=off instead\n"
        "*warning: short-form boolean option 'nodelay' deprecated\n"
        "Please use nodelay=on instead\n");
}

static void test_quiet(void)
{
    if (g_test_subprocess()) {
        g_autoptr(QemuOpts) opts = qemu_opts_parse("socket,server", "backend",
                                                   &error_abort);
        return;
    }
    g_test_trap_subprocess(NULL, 0, 0);
    g_test_trap_assert_passed();
    g_test_trap_assert_stderr("");
}

static void test_keyval(void)
{
    check_keyval("none", "type", "type=none");
    check_keyval("none,accel=tcg", "type", "type=none|accel=tcg");
    check_keyval("type=none,x=", "type", "type=none|x=");
    check_keyval("none,foo=1,,2", "type", "type=none|foo=1,2");
    check_keyval("none,", "type", "type=none");
    check_keyval("none,a.b=1,a.0=2,a-b_c=3", "type",
                 "type=none|a.b=1|a.0=2|a-b_c=3");
    check_keyval("none,x=1,x=2", "type", "type=none|x=1|x=2");
    check_keyval("", "type", "");
    check_keyval("x=1", NULL, "x=1");

    check_keyval_error("none,,x", "type", "Invalid parameter ''");
    check_keyval_error("none,,,x", "type", "Invalid parameter ''");
    check_keyval_error(",none", "type", "Invalid parameter ''");
    check_keyval_error("none,=1", "type", "Invalid parameter ''");
    check_keyval_error("none,foo", "type",
                       "Expected '=' after parameter 'foo'");
    check_keyval_error("none,x,y=1", "type",
                       "Expected '=' after parameter 'x'");
    check_keyval_error("none,nofoo", "type",
                       "Expected '=' after parameter 'nofoo'");
    check_keyval_error("none", NULL, "Expected '=' after parameter 'none'");
    check_keyval_error("none,1x=1", "type", "Invalid parameter '1x'");
    check_keyval_error("none,a..b=1", "type", "Invalid parameter 'a..b'");
    check_keyval_error("none,a.=1", "type", "Invalid parameter 'a.'");
    check_keyval_error("none,a$b=1", "type", "Invalid parameter 'a$b'");
    check_keyval_error("none,.a=1", "type", "Invalid parameter '.a'");
}

static void test_keyval_long(void)
{
    g_autofree char *k127 = g_strnfill(127, 'k');
    g_autofree char *k128 = g_strnfill(128, 'k');
    g_autofree char *ok = g_strdup_printf("%s=1", k127);
    g_autofree char *ok_pairs = g_strdup_printf("%s=1", k127);
    g_autofree char *bad = g_strdup_printf("%s=1", k128);
    g_autofree char *bad_msg = g_strdup_printf("Parameter '%s' is too long",
                                               k128);
    g_autofree char *frag = g_strdup_printf("a.%s=1", k128);
    g_autofree char *frag_msg =
        g_strdup_printf("Parameter fragment '%s' is too long", k128);

    check_keyval(ok, NULL, ok_pairs);
    check_keyval_error(bad, NULL, bad_msg);
    check_keyval_error(frag, NULL, frag_msg);
}

static void test_keyval_help(void)
{
    g_autoptr(QemuOpts) a = qemu_opts_parse_keyval("none,help", "type",
                                                   &error_abort);
    g_autoptr(QemuOpts) b = qemu_opts_parse_keyval("help", "type",
                                                   &error_abort);
    g_autoptr(QemuOpts) c = qemu_opts_parse_keyval("none,?,x=1", "type",
                                                   &error_abort);

    g_assert_true(qemu_opts_has_help(a));
    g_assert_cmpstr(qemu_opt_get(a, "type"), ==, "none");
    /* "-M help": a help request, not a machine named help */
    g_assert_true(qemu_opts_has_help(b));
    g_assert_null(qemu_opt_get(b, "type"));
    /* keyval keeps parsing after the request */
    g_assert_true(qemu_opts_has_help(c));
    g_assert_cmpstr(qemu_opt_get(c, "x"), ==, "1");
}

static void test_get_bool(void)
{
    g_autoptr(QemuOpts) opts =
        qemu_opts_parse("a=on,b=off,c=yes,d=n,e=maybe", NULL, &error_abort);
    Error *err = NULL;

    g_assert_true(qemu_opt_get_bool(opts, "a", false, &error_abort));
    g_assert_false(qemu_opt_get_bool(opts, "b", true, &error_abort));
    g_assert_true(qemu_opt_get_bool(opts, "c", false, &error_abort));
    g_assert_false(qemu_opt_get_bool(opts, "d", true, &error_abort));
    g_assert_true(qemu_opt_get_bool(opts, "absent", true, &error_abort));
    g_assert_false(qemu_opt_get_bool(opts, "absent", false, &error_abort));
    g_assert_true(qemu_opt_get_bool(opts, "e", true, &err));
    assert_error(err, "Parameter 'e' expects 'on' or 'off'");
}

static void test_get_number(void)
{
    g_autoptr(QemuOpts) opts = qemu_opts_parse(
        "a=42,b=0x10,c=abc,d=99999999999999999999,e=-1", NULL, &error_abort);
    Error *err = NULL;

    g_assert_cmpuint(qemu_opt_get_number(opts, "a", 0, &error_abort), ==,
                     42);
    g_assert_cmpuint(qemu_opt_get_number(opts, "b", 0, &error_abort), ==,
                     16);
    g_assert_cmpuint(qemu_opt_get_number(opts, "e", 0, &error_abort), ==,
                     UINT64_MAX);
    g_assert_cmpuint(qemu_opt_get_number(opts, "x", 7, &error_abort), ==, 7);
    g_assert_cmpuint(qemu_opt_get_number(opts, "c", 7, &err), ==, 7);
    assert_error(err, "Parameter 'c' expects a number");
    err = NULL;
    g_assert_cmpuint(qemu_opt_get_number(opts, "d", 7, &err), ==, 7);
    assert_error(err, "Value '99999999999999999999' is too large for "
                 "parameter 'd'");
}

static void test_get_size(void)
{
    g_autoptr(QemuOpts) ok = qemu_opts_parse("64K", "size", &error_abort);
    g_autoptr(QemuOpts) bad = qemu_opts_parse("64Q", "size", &error_abort);
    g_autoptr(QemuOpts) big = qemu_opts_parse("size=16E", NULL,
                                              &error_abort);
    g_autoptr(QemuOpts) neg = qemu_opts_parse("size=-1", NULL,
                                              &error_abort);
    Error *err = NULL;

    g_assert_cmpuint(qemu_opt_get_size(ok, "size", 0, &error_abort), ==,
                     65536);
    g_assert_cmpuint(qemu_opt_get_size(ok, "x", 5, &error_abort), ==, 5);

    g_assert_cmpuint(qemu_opt_get_size(bad, "size", 5, &err), ==, 5);
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "Parameter 'size' expects a non-negative number "
                    "below 2^64");
    g_assert_cmpstr(error_get_hint(err), ==,
                    "Optional suffix k, M, G, T, P or E means kilo-, mega-, "
                    "giga-, tera-, peta-\nand exabytes, respectively.\n");
    error_free(err);
    err = NULL;

    g_assert_cmpuint(qemu_opt_get_size(neg, "size", 5, &err), ==, 5);
    assert_error(err, "Parameter 'size' expects a non-negative number "
                 "below 2^64");
    err = NULL;
    g_assert_cmpuint(qemu_opt_get_size(big, "size", 5, &err), ==, 5);
    assert_error(err, "Value '16E' is out of range for parameter 'size'");
    /* the hint is dropped when nobody wants the error */
    g_assert_cmpuint(qemu_opt_get_size(bad, "size", 9, NULL), ==, 9);
}

static int collect(void *opaque, const char *name, const char *value,
                   Error **errp)
{
    GString *s = opaque;

    g_string_append_printf(s, "[%s:%s]", name, value);
    if (!strcmp(name, "stop")) {
        error_setg(errp, "stopped at '%s'", value);
        return -1;
    }
    return 0;
}

static void test_foreach(void)
{
    g_autoptr(QemuOpts) opts = qemu_opts_parse("a=1,b=2,stop=x,c=3", NULL,
                                               &error_abort);
    g_autoptr(GString) s = g_string_new(NULL);
    Error *err = NULL;

    g_assert_cmpint(qemu_opt_foreach(opts, collect, s, &err), ==, -1);
    g_assert_cmpstr(s->str, ==, "[a:1][b:2][stop:x]");
    assert_error(err, "stopped at 'x'");

    qemu_opt_unset(opts, "stop");
    g_string_truncate(s, 0);
    g_assert_cmpint(qemu_opt_foreach(opts, collect, s, &error_abort), ==, 0);
    g_assert_cmpstr(s->str, ==, "[a:1][b:2][c:3]");
}

static void test_to_json(void)
{
    g_autoptr(QemuOpts) opts = qemu_opts_parse(
        "memory-backend-ram,id=m,size=64K,size=1M", "qom-type", &error_abort);
    JsonObject *obj = qemu_opts_to_json(opts);

    g_assert_cmpuint(json_object_get_size(obj), ==, 3);
    g_assert_cmpstr(json_object_get_string_member(obj, "qom-type"), ==,
                    "memory-backend-ram");
    g_assert_cmpstr(json_object_get_string_member(obj, "id"), ==, "m");
    g_assert_cmpstr(json_object_get_string_member(obj, "size"), ==, "1M");
    json_object_unref(obj);
}

static void test_from_qmp_args(void)
{
    JsonObject *args = json_object_new();
    JsonArray *arr = json_array_new();
    g_autoptr(QemuOpts) opts = NULL;
    g_autofree char *got = NULL;

    json_array_add_int_element(arr, 1);
    json_object_set_string_member(args, "driver", "usb-kbd");
    json_object_set_string_member(args, "id", "kbd2");
    json_object_set_int_member(args, "port", 3);
    json_object_set_double_member(args, "usb_version", 1.5);
    json_object_set_boolean_member(args, "msos-desc", true);
    json_object_set_boolean_member(args, "x", false);
    json_object_set_null_member(args, "n");
    json_object_set_object_member(args, "o", json_object_new());
    json_object_set_array_member(args, "a", arr);
    json_object_set_int_member(args, "neg", -1);
    json_object_set_double_member(args, "tenth", 0.1);
    json_object_set_string_member(args, "comma", "a,b");

    opts = qemu_opts_from_qmp_args(args, &error_abort);
    got = pairs(opts);
    g_assert_cmpstr(got, ==, "driver=usb-kbd|id=kbd2|port=3|usb_version=1.5|"
                    "msos-desc=on|x=off|neg=-1|tenth=0.10000000000000001|"
                    "comma=a,b");
    g_assert_cmpstr(qemu_opts_id(opts), ==, "kbd2");
    json_object_unref(args);
}

static void test_from_qmp_args_id(void)
{
    JsonObject *args = json_object_new();
    g_autoptr(QemuOpts) opts = NULL;
    Error *err = NULL;

    json_object_set_string_member(args, "driver", "usb-kbd");
    json_object_set_string_member(args, "id", "1bad");
    g_assert_null(qemu_opts_from_qmp_args(args, &err));
    assert_error(err, "Parameter 'id' expects an identifier");
    err = NULL;

    json_object_set_string_member(args, "id", "k1,x");
    g_assert_null(qemu_opts_from_qmp_args(args, &err));
    assert_error(err, "Parameter 'id' expects an identifier");

    /* an id that is not a string is dropped */
    json_object_set_int_member(args, "id", 5);
    opts = qemu_opts_from_qmp_args(args, &error_abort);
    g_assert_null(qemu_opts_id(opts));
    g_assert_false(qemu_opt_has(opts, "id"));
    json_object_unref(args);
}

static void test_to_string(void)
{
    static const char *const inputs[] = {
        "driver=loader,addr=0x100",
        "guest=foo,,bar,debug-threads=on",
        "a=,,,b=",
        "",
    };

    for (size_t i = 0; i < ARRAY_SIZE(inputs); i++) {
        g_autoptr(QemuOpts) opts = qemu_opts_parse(inputs[i], NULL,
                                                   &error_abort);
        g_autofree char *s = qemu_opts_to_string(opts);
        g_autoptr(QemuOpts) again = qemu_opts_parse(s, NULL, &error_abort);
        g_autofree char *p1 = pairs(opts);
        g_autofree char *p2 = pairs(again);

        g_assert_cmpstr(s, ==, inputs[i]);
        g_assert_cmpstr(p1, ==, p2);
    }
}

static void test_set(void)
{
    g_autoptr(QemuOpts) opts = qemu_opts_new();
    g_autofree char *s = NULL;

    qemu_opt_set(opts, "driver", "a,b");
    qemu_opt_set(opts, "x", "");
    s = qemu_opts_to_string(opts);
    g_assert_cmpstr(s, ==, "driver=a,,b,x=");
    qemu_opts_del(g_steal_pointer(&opts));
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/qemu-opts/basic", test_basic);
    g_test_add_func("/qemu-opts/implied", test_implied);
    g_test_add_func("/qemu-opts/escapes", test_escapes);
    g_test_add_func("/qemu-opts/flags", test_flags);
    g_test_add_func("/qemu-opts/help", test_help);
    g_test_add_func("/qemu-opts/duplicates", test_duplicates);
    g_test_add_func("/qemu-opts/ids", test_ids);
    g_test_add_func("/qemu-opts/errors", test_errors);
    g_test_add_func("/qemu-opts/noisily", test_noisily);
    g_test_add_func("/qemu-opts/quiet", test_quiet);
    g_test_add_func("/qemu-opts/keyval/syntax", test_keyval);
    g_test_add_func("/qemu-opts/keyval/long", test_keyval_long);
    g_test_add_func("/qemu-opts/keyval/help", test_keyval_help);
    g_test_add_func("/qemu-opts/get/bool", test_get_bool);
    g_test_add_func("/qemu-opts/get/number", test_get_number);
    g_test_add_func("/qemu-opts/get/size", test_get_size);
    g_test_add_func("/qemu-opts/foreach", test_foreach);
    g_test_add_func("/qemu-opts/to-json", test_to_json);
    g_test_add_func("/qemu-opts/from-qmp-args", test_from_qmp_args);
    g_test_add_func("/qemu-opts/from-qmp-args/id", test_from_qmp_args_id);
    g_test_add_func("/qemu-opts/to-string", test_to_string);
    g_test_add_func("/qemu-opts/set", test_set);
    return g_test_run();
}
