/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Unit tests for the JSON parser: values, strings, numbers, every error
 * text, nesting limit, interpolation and large input.
 */

#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qobject/json.h"
#include "qobject/json-internal.h"

/* Parse @s, which must succeed, and return it in compact form. */
static char *roundtrip(const char *s)
{
    Error *err = NULL;
    JsonNode *node = qjson_parse(s, &err);
    char *out;

    g_assert_null(err);
    g_assert_nonnull(node);
    out = qjson_to_string(node, false);
    json_node_unref(node);
    return out;
}

static void check_value(const char *in, const char *expected)
{
    g_autofree char *out = roundtrip(in);

    g_assert_cmpstr(out, ==, expected);
}

static void check_error_len(const char *in, size_t len, const char *msg)
{
    Error *err = NULL;
    JsonNode *node = qjson_parse_len(in, len, &err);

    g_assert_null(node);
    g_assert_nonnull(err);
    g_assert_cmpstr(error_get_pretty(err), ==, msg);
    error_free(err);
}

static void check_error(const char *in, const char *msg)
{
    check_error_len(in, strlen(in), msg);
}

static JsonNode *parse_ok(const char *in)
{
    Error *err = NULL;
    JsonNode *node = qjson_parse(in, &err);

    g_assert_null(err);
    g_assert_nonnull(node);
    return node;
}

static void test_keywords(void)
{
    JsonNode *node = parse_ok("true");

    g_assert_true(json_node_get_boolean(node));
    json_node_unref(node);
    node = parse_ok(" false ");
    g_assert_false(json_node_get_boolean(node));
    json_node_unref(node);
    node = parse_ok("null");
    g_assert_true(JSON_NODE_HOLDS_NULL(node));
    json_node_unref(node);
}

static void test_integers(void)
{
    JsonNode *node;

    node = parse_ok("0");
    g_assert_cmpint(json_node_get_value_type(node), ==, G_TYPE_INT64);
    g_assert_cmpint(json_node_get_int(node), ==, 0);
    json_node_unref(node);

    node = parse_ok("-0");
    g_assert_cmpint(json_node_get_value_type(node), ==, G_TYPE_INT64);
    g_assert_cmpint(json_node_get_int(node), ==, 0);
    json_node_unref(node);

    node = parse_ok("9223372036854775807");
    g_assert_cmpint(json_node_get_int(node), ==, INT64_MAX);
    json_node_unref(node);

    node = parse_ok("-9223372036854775808");
    g_assert_cmpint(json_node_get_value_type(node), ==, G_TYPE_INT64);
    g_assert_cmpint(json_node_get_int(node), ==, INT64_MIN);
    json_node_unref(node);

    /* uint64 range: the same 64 bits in an int node */
    node = parse_ok("18446744073709551615");
    g_assert_cmpint(json_node_get_value_type(node), ==, G_TYPE_INT64);
    g_assert_cmpuint((uint64_t)json_node_get_int(node), ==, UINT64_MAX);
    json_node_unref(node);

    node = parse_ok("9223372036854775808");
    g_assert_cmpint(json_node_get_value_type(node), ==, G_TYPE_INT64);
    g_assert_cmpuint((uint64_t)json_node_get_int(node), ==,
                     (uint64_t)INT64_MAX + 1);
    json_node_unref(node);

    /* beyond: doubles */
    node = parse_ok("18446744073709551616");
    g_assert_cmpint(json_node_get_value_type(node), ==, G_TYPE_DOUBLE);
    g_assert_cmpfloat(json_node_get_double(node), ==, 18446744073709551616.0);
    json_node_unref(node);

    node = parse_ok("-9223372036854775809");
    g_assert_cmpint(json_node_get_value_type(node), ==, G_TYPE_DOUBLE);
    g_assert_cmpfloat(json_node_get_double(node), ==, -9223372036854775809.0);
    json_node_unref(node);
}

static void test_floats(void)
{
    static const struct {
        const char *in;
        double val;
    } cases[] = {
        { "1.5", 1.5 },
        { "-0.25e2", -25.0 },
        { "1E3", 1000.0 },
        { "1e+2", 100.0 },
        { "2.5e-1", 0.25 },
        { "0.0", 0.0 },
        { "1.0", 1.0 },
    };

    for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
        JsonNode *node = parse_ok(cases[i].in);

        g_assert_cmpint(json_node_get_value_type(node), ==, G_TYPE_DOUBLE);
        g_assert_cmpfloat(json_node_get_double(node), ==, cases[i].val);
        json_node_unref(node);
    }
}

static void check_string(const char *in, const char *expected)
{
    JsonNode *node = parse_ok(in);

    g_assert_cmpint(json_node_get_value_type(node), ==, G_TYPE_STRING);
    g_assert_cmpstr(json_node_get_string(node), ==, expected);
    json_node_unref(node);
}

static void test_strings(void)
{
    check_string("\"\"", "");
    check_string("''", "");
    check_string("\"abc\"", "abc");
    check_string("\"\\\"\\\\\\/\\b\\f\\n\\r\\t\\'\"", "\"\\/\b\f\n\r\t'");
    check_string("'it\\'s'", "it's");
    check_string("'say \"hi\"'", "say \"hi\"");
    check_string("\"it's\"", "it's");
    check_string("\"\\u0041\\u00e9\\u00E9\\u20AC\"",
                 "A\xC3\xA9\xC3\xA9\xE2\x82\xAC");
    check_string("\"\\uD83D\\uDE00\"", "\xF0\x9F\x98\x80");
    check_string("\"\\ud83d\\ude00\"", "\xF0\x9F\x98\x80");
    /* U+0000 is kept as modified UTF-8 */
    check_string("\"a\\u0000b\"", "a\xC0\x80" "b");
    check_string("\"a\xC0\x80" "b\"", "a\xC0\x80" "b");
    /* raw UTF-8 passes through */
    check_string("\"\xC3\xA9\xF0\x9F\x98\x80\"", "\xC3\xA9\xF0\x9F\x98\x80");
    /* '%' is ordinary outside interpolation */
    check_string("\"100%\"", "100%");
    check_string("\"%%\"", "%%");
}

static void test_containers(void)
{
    check_value("[]", "[]");
    check_value("{}", "{}");
    check_value(" [ 1 , [ ] , { } , \"x\" ] ", "[1, [], {}, \"x\"]");
    check_value("{\"a\":1,\"b\":[true,false,null],\"c\":{\"d\":\"e\"}}",
                "{\"a\": 1, \"b\": [true, false, null],"
                " \"c\": {\"d\": \"e\"}}");
    check_value("{'execute':'query-status'}",
                "{\"execute\": \"query-status\"}");
}

static void test_key_order(void)
{
    JsonNode *node = parse_ok("{\"z\":1,\"a\":2,\"m\":3,\"b\":4}");
    GList *members = json_object_get_members(json_node_get_object(node));
    const char *expected[] = { "z", "a", "m", "b" };
    GList *l = members;

    for (size_t i = 0; i < ARRAY_SIZE(expected); i++, l = l->next) {
        g_assert_nonnull(l);
        g_assert_cmpstr(l->data, ==, expected[i]);
    }
    g_assert_null(l);
    g_list_free(members);
    json_node_unref(node);
}

static void test_syntax_errors(void)
{
    check_error("garbage", "JSON parse error, invalid keyword 'garbage'");
    check_error("}", "JSON parse error, expecting value");
    check_error("]", "JSON parse error, expecting value");
    check_error(",", "JSON parse error, expecting value");
    check_error(":", "JSON parse error, expecting value");
    check_error("{\"a\":1,}", "JSON parse error, expecting value");
    check_error("[1,]", "JSON parse error, expecting value");
    check_error("[,1]", "JSON parse error, expecting value");
    check_error("{\"a\":}", "JSON parse error, expecting value");
    check_error("{\"execute\":\"x\" {\"a\":1}}",
                "JSON parse error, expected separator in dict");
    check_error("[1 2]", "JSON parse error, expected separator in list");
    check_error("{\"a\" 1}", "JSON parse error, missing : in object pair");
    check_error("{1:2}", "JSON parse error, key is not a string in object");
    check_error("{null:2}",
                "JSON parse error, key is not a string in object");
    check_error("{\"a\":1,\"a\":2}", "JSON parse error, duplicate key");
    check_error("{\"a\":1,'a':2}", "JSON parse error, duplicate key");
    check_error("{\"driver\":\"loader\",", "JSON parse error, premature EOI");
    check_error("[", "JSON parse error, premature EOI");
    check_error("{", "JSON parse error, premature EOI");
    check_error("{\"a\"", "JSON parse error, premature EOI");
    check_error("{\"a\":", "JSON parse error, premature EOI");
    check_error("[1", "JSON parse error, premature EOI");
    check_error("tru", "JSON parse error, invalid keyword 'tru'");
    check_error("True", "JSON parse error, stray 'T'");
}

static void test_lexical_errors(void)
{
    check_error("@", "JSON parse error, stray '@'");
    check_error("01", "JSON parse error, stray '01'");
    check_error("-01", "JSON parse error, stray '-01'");
    check_error("1e", "JSON parse error, stray '1e'");
    check_error("1e ", "JSON parse error, stray '1e '");
    check_error("1.", "JSON parse error, stray '1.'");
    check_error("1.e5", "JSON parse error, stray '1.e'");
    check_error("-", "JSON parse error, stray '-'");
    check_error("-a", "JSON parse error, stray '-a'");
    check_error(".5", "JSON parse error, stray '.'");
    check_error("+1", "JSON parse error, stray '+'");
    check_error("%d", "JSON parse error, stray '%'");
    check_error("{\"a\": %s}", "JSON parse error, stray '%'");
    check_error("\"abc", "JSON parse error, stray '\"abc'");
    check_error("'abc", "JSON parse error, stray ''abc'");
    check_error("\"a\nb\"", "JSON parse error, stray '\"a\n'");
    check_error("\"a\tb\"", "JSON parse error, stray '\"a\t'");
    check_error("\"\\\x01\"", "JSON parse error, stray '\"\\\x01'");
    check_error("\"\xFF\"", "JSON parse error, stray '\"\xFF'");
    check_error("\xFE", "JSON parse error, stray '\xFE'");
    check_error_len("\0", 1, "JSON parse error, stray ''");
}

static void test_string_errors(void)
{
    check_error("\"\\x\"",
                "JSON parse error, invalid escape sequence in string");
    check_error("\"\\a\"",
                "JSON parse error, invalid escape sequence in string");
    check_error("\"\\u12G4\"",
                "JSON parse error, \\u12G4 is not a valid Unicode character");
    check_error("\"\\u12\"",
                "JSON parse error, \\u12\" is not a valid Unicode character");
    check_error("\"\\uD800\"",
                "JSON parse error, \\uD800 is not a valid Unicode character");
    check_error("\"\\uDC00\"",
                "JSON parse error, \\uDC00 is not a valid Unicode character");
    check_error("\"\\uD800\\u0041\"",
                "JSON parse error, \\uD800 is not a valid Unicode character");
    check_error("\"\\uD800x\"",
                "JSON parse error, \\uD800 is not a valid Unicode character");
    check_error("\"\\uFFFF\"",
                "JSON parse error, \\uFFFF is not a valid Unicode character");
    check_error("\"\\uFDD0\"",
                "JSON parse error, \\uFDD0 is not a valid Unicode character");
    check_error("\"\xC3(\"",
                "JSON parse error, invalid UTF-8 sequence in string");
    check_error("\"\x80\"",
                "JSON parse error, invalid UTF-8 sequence in string");
    check_error("\"\xC0\xAF\"",
                "JSON parse error, invalid UTF-8 sequence in string");
    check_error("\"\xED\xA0\x80\"",
                "JSON parse error, invalid UTF-8 sequence in string");
    check_error("\"\xEF\xBF\xBF\"",
                "JSON parse error, invalid UTF-8 sequence in string");
    check_error("\"\xF4\x90\x80\x80\"",
                "JSON parse error, invalid UTF-8 sequence in string");
    check_error("\"\xE2\x82\"",
                "JSON parse error, invalid UTF-8 sequence in string");
}

static void test_toplevel_errors(void)
{
    check_error("", "Expecting a JSON value");
    check_error(" \n\t\r ", "Expecting a JSON value");
    check_error("1 2", "Expecting at most one JSON value");
    check_error("{\"a\":1} garbage", "Expecting at most one JSON value");
    check_error("{} {}", "Expecting at most one JSON value");
    /* the first error wins */
    check_error("@ 1", "JSON parse error, stray '@'");
}

static char *nested(int depth, const char *open, const char *inner,
                    const char *close)
{
    GString *s = g_string_new(NULL);

    for (int i = 0; i < depth; i++) {
        g_string_append(s, open);
    }
    g_string_append(s, inner);
    for (int i = 0; i < depth; i++) {
        g_string_append(s, close);
    }
    return g_string_free(s, false);
}

static void test_nesting(void)
{
    g_autofree char *ok = nested(1024, "[", "1", "]");
    g_autofree char *deep = nested(1025, "[", "", "]");
    g_autofree char *okd = nested(1024, "{\"a\":", "1", "}");
    g_autofree char *deepd = nested(1025, "{\"a\":", "1", "}");
    g_autofree char *mixed = nested(513, "[{\"a\":", "1", "}]");
    JsonNode *node;

    node = parse_ok(ok);
    json_node_unref(node);
    node = parse_ok(okd);
    json_node_unref(node);
    check_error(deep, "JSON nesting depth limit exceeded");
    check_error(deepd, "JSON nesting depth limit exceeded");
    check_error(mixed, "JSON nesting depth limit exceeded");
}

static void test_large_string(void)
{
    size_t n = 1024 * 1024;
    GString *s = g_string_sized_new(n + 8);
    JsonNode *node;
    char *out;

    g_string_append_c(s, '"');
    for (size_t i = 0; i < n; i++) {
        g_string_append_c(s, 'a' + i % 26);
    }
    g_string_append(s, "\\n\"");
    node = parse_ok(s->str);
    g_assert_cmpuint(strlen(json_node_get_string(node)), ==, n + 1);
    g_assert_cmpint(json_node_get_string(node)[n], ==, '\n');
    out = qjson_to_string(node, false);
    g_assert_cmpstr(out, ==, s->str);
    g_free(out);
    json_node_unref(node);
    g_string_free(s, true);
}

static void test_many_values(void)
{
    GString *s = g_string_new("[");
    JsonNode *node;

    for (int i = 0; i < 100000; i++) {
        g_string_append_printf(s, "%s{\"k%d\": [%d, \"v\"]}", i ? "," : "",
                               i, i);
    }
    g_string_append(s, "]");
    node = parse_ok(s->str);
    g_assert_cmpuint(json_array_get_length(json_node_get_array(node)), ==,
                     100000);
    json_node_unref(node);
    g_string_free(s, true);
}

/* Interpolation */

static void test_interp_all(void)
{
    JsonNode *inner = qjson_from_jsonf_nofail("[1, 2]");
    JsonNode *node = qjson_from_jsonf_nofail(
        "{'s': %s, 'd': %d, 'i': %i, 'u': %u, 'ld': %ld, 'lu': %lu,"
        " 'lld': %lld, 'llu': %llu, 'i64': %" PRId64 ", 'u64': %" PRIu64 ","
        " 'f': %f, 'p': %p, 'f0': %i}",
        "str'\"", -5, 42, UINT_MAX, LONG_MIN, ULONG_MAX,
        LLONG_MIN, ULLONG_MAX, INT64_MIN, UINT64_MAX, 1.5, inner, 0);
    g_autofree char *out = qjson_to_string(node, false);

    g_assert_cmpstr(out, ==,
                    "{\"s\": \"str'\\\"\", \"d\": -5, \"i\": true,"
                    " \"u\": 4294967295, \"ld\": -9223372036854775808,"
                    " \"lu\": -1, \"lld\": -9223372036854775808,"
                    " \"llu\": -1, \"i64\": -9223372036854775808,"
                    " \"u64\": -1, \"f\": 1.5, \"p\": [1, 2],"
                    " \"f0\": false}");
    json_node_unref(node);
}

static void test_interp_qtest_style(void)
{
    JsonNode *node = qjson_from_jsonf_nofail(
        "{'execute': 'qom-get', 'arguments': {'path': %s, 'property': 'x'}}",
        "/machine/unattached");
    g_autofree char *out = qjson_to_string(node, false);

    g_assert_cmpstr(out, ==,
                    "{\"execute\": \"qom-get\", \"arguments\":"
                    " {\"path\": \"/machine/unattached\","
                    " \"property\": \"x\"}}");
    json_node_unref(node);
}

static void test_interp_misc(void)
{
    JsonNode *node;
    g_autofree char *a = NULL, *b = NULL, *c = NULL;

    /* interpolated key, "%%" in a string, scalar at top level */
    node = qjson_from_jsonf_nofail("{%s: '100%%'}", "key");
    a = qjson_to_string(node, false);
    g_assert_cmpstr(a, ==, "{\"key\": \"100%\"}");
    json_node_unref(node);

    node = qjson_from_jsonf_nofail("%d", 7);
    b = qjson_to_string(node, false);
    g_assert_cmpstr(b, ==, "7");
    json_node_unref(node);

    node = qjson_from_jsonf_nofail("[%p, %p]",
                                   qjson_from_jsonf_nofail("{}"),
                                   qjson_from_jsonf_nofail("'x'"));
    c = qjson_to_string(node, false);
    g_assert_cmpstr(c, ==, "[{}, \"x\"]");
    json_node_unref(node);
}

typedef struct Collected {
    JsonNode *value;
    char *error;
} Collected;

static void collect_one(void *opaque, JsonNode *value, Error *err)
{
    Collected *c = opaque;

    g_assert_null(c->value);
    g_assert_null(c->error);
    c->value = value;
    if (err) {
        c->error = g_strdup(error_get_pretty(err));
        error_free(err);
    }
}

/* The error interpolating @fmt, through the internal streaming API. */
static char *interp_error(const char *fmt, ...)
{
    Collected c = { NULL, NULL };
    JSONMessageParser *p;
    va_list ap;

    va_start(ap, fmt);
    p = json_message_parser_new_interp(collect_one, &c, &ap);
    json_message_parser_feed(p, fmt, strlen(fmt));
    json_message_parser_flush(p);
    json_message_parser_free(p);
    va_end(ap);
    g_assert_null(c.value);
    g_assert_nonnull(c.error);
    return c.error;
}

static void test_interp_errors(void)
{
    g_autofree char *e1 = interp_error("['%s']", "x");
    g_autofree char *e2 = interp_error("[%x]", 1);
    g_autofree char *e3 = interp_error("[%lx]", 1L);
    g_autofree char *e4 = interp_error("%");

    g_assert_cmpstr(e1, ==, "JSON parse error, can't interpolate into string");
    g_assert_cmpstr(e2, ==, "JSON parse error, invalid interpolation '%x'");
    g_assert_cmpstr(e3, ==, "JSON parse error, invalid interpolation '%lx'");
    g_assert_cmpstr(e4, ==, "JSON parse error, invalid interpolation '%'");
}

static void test_interp_abort(void)
{
    if (g_test_subprocess()) {
        JsonNode *node = qjson_from_jsonf_nofail("{'a': %s");

        json_node_unref(node);
        return;
    }
    g_test_trap_subprocess(NULL, 0, 0);
    g_test_trap_assert_failed();
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/json/parser/keywords", test_keywords);
    g_test_add_func("/json/parser/integers", test_integers);
    g_test_add_func("/json/parser/floats", test_floats);
    g_test_add_func("/json/parser/strings", test_strings);
    g_test_add_func("/json/parser/containers", test_containers);
    g_test_add_func("/json/parser/key-order", test_key_order);
    g_test_add_func("/json/parser/errors/syntax", test_syntax_errors);
    g_test_add_func("/json/parser/errors/lexical", test_lexical_errors);
    g_test_add_func("/json/parser/errors/string", test_string_errors);
    g_test_add_func("/json/parser/errors/toplevel", test_toplevel_errors);
    g_test_add_func("/json/parser/nesting", test_nesting);
    g_test_add_func("/json/parser/large-string", test_large_string);
    g_test_add_func("/json/parser/many-values", test_many_values);
    g_test_add_func("/json/interp/all", test_interp_all);
    g_test_add_func("/json/interp/qtest-style", test_interp_qtest_style);
    g_test_add_func("/json/interp/misc", test_interp_misc);
    g_test_add_func("/json/interp/errors", test_interp_errors);
    g_test_add_func("/json/interp/abort", test_interp_abort);
    return g_test_run();
}
