/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Unit tests for the JSON writer: byte-exact compact and pretty output,
 * string escaping, number formatting and round trips through the parser.
 */

#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qobject/json.h"

static JsonNode *parse(const char *s)
{
    Error *err = NULL;
    JsonNode *node = qjson_parse(s, &err);

    g_assert_null(err);
    g_assert_nonnull(node);
    return node;
}

static void check_out(const char *in, bool pretty, const char *expected)
{
    JsonNode *node = parse(in);
    g_autofree char *out = qjson_to_string(node, pretty);

    g_assert_cmpstr(out, ==, expected);
    json_node_unref(node);
}

static void test_compact(void)
{
    check_out("{\"a\":1,\"b\":[1,2],\"c\":{}}", false,
              "{\"a\": 1, \"b\": [1, 2], \"c\": {}}");
    check_out("[]", false, "[]");
    check_out("{}", false, "{}");
    check_out("[[],[[]],{}]", false, "[[], [[]], {}]");
    check_out("[true,false,null]", false, "[true, false, null]");
    check_out("{\"QMP\": {\"version\": {\"qemu\": {\"micro\": 22,"
              "\"minor\": 2, \"major\": 7}, \"package\": \"\"},"
              "\"capabilities\": [\"oob\"]}}", false,
              "{\"QMP\": {\"version\": {\"qemu\": {\"micro\": 22,"
              " \"minor\": 2, \"major\": 7}, \"package\": \"\"},"
              " \"capabilities\": [\"oob\"]}}");
    check_out("-9223372036854775808", false, "-9223372036854775808");
    check_out("\"x\"", false, "\"x\"");
}

static void test_pretty(void)
{
    check_out("{}", true, "{\n}");
    check_out("[]", true, "[\n]");
    check_out("5", true, "5");
    check_out("{\"return\": {}}", true, "{\n    \"return\": {\n    }\n}");
    check_out("{\"return\": []}", true, "{\n    \"return\": [\n    ]\n}");
    check_out("{\"return\": {\"status\": \"running\", \"singlestep\": false,"
              " \"running\": true}, \"id\": [1]}", true,
              "{\n"
              "    \"return\": {\n"
              "        \"status\": \"running\",\n"
              "        \"singlestep\": false,\n"
              "        \"running\": true\n"
              "    },\n"
              "    \"id\": [\n"
              "        1\n"
              "    ]\n"
              "}");
    check_out("[[1, {\"a\": {}}], 2]", true,
              "[\n"
              "    [\n"
              "        1,\n"
              "        {\n"
              "            \"a\": {\n"
              "            }\n"
              "        }\n"
              "    ],\n"
              "    2\n"
              "]");
}

static void check_string(const char *raw, const char *expected)
{
    JsonNode *node = json_node_new(JSON_NODE_VALUE);
    g_autofree char *out = NULL;

    json_node_set_string(node, raw);
    out = qjson_to_string(node, false);
    g_assert_cmpstr(out, ==, expected);
    json_node_unref(node);
}

static void test_strings(void)
{
    check_string("", "\"\"");
    check_string("plain / text ~", "\"plain / text ~\"");
    check_string("q\"b\\", "\"q\\\"b\\\\\"");
    check_string("\b\f\n\r\t", "\"\\b\\f\\n\\r\\t\"");
    check_string("\x01\x1f\x7f", "\"\\u0001\\u001F\\u007F\"");
    check_string("'single'", "\"'single'\"");
    check_string("\xC3\xA9", "\"\\u00E9\"");
    check_string("\xE2\x82\xAC", "\"\\u20AC\"");
    check_string("\xF0\x9F\x98\x80", "\"\\uD83D\\uDE00\"");
    check_string("\xF4\x8F\xBF\xBD", "\"\\uDBFF\\uDFFD\"");
    check_string("a\xC0\x80" "b", "\"a\\u0000b\"");
    /* invalid UTF-8 */
    check_string("\xFF", "\"\\uFFFD\"");
    check_string("\xC3(", "\"\\uFFFD(\"");
    check_string("\x80\x80", "\"\\uFFFD\\uFFFD\"");
    check_string("\xE2\x82", "\"\\uFFFD\"");
    check_string("\xED\xA0\x80", "\"\\uFFFD\"");
    check_string("\xEF\xBF\xBF", "\"\\uFFFD\"");
}

static void check_double(double v, const char *expected)
{
    JsonNode *node = json_node_new(JSON_NODE_VALUE);
    g_autofree char *out = NULL;

    json_node_set_double(node, v);
    out = qjson_to_string(node, false);
    g_assert_cmpstr(out, ==, expected);
    json_node_unref(node);
}

static void test_numbers(void)
{
    check_double(1.0, "1");
    check_double(1.5, "1.5");
    check_double(-0.0, "-0");
    check_double(0.1, "0.10000000000000001");
    check_double(1e300, "1.0000000000000001e+300");
    check_double(2.5e-5, "2.5000000000000001e-05");
    check_double(123456789.0, "123456789");
    check_out("[0, -1, 1.5, 1.0, 1e2]", false, "[0, -1, 1.5, 1, 100]");
}

static void test_append(void)
{
    GString *out = g_string_new("prefix:");
    JsonNode *node = parse("{\"a\": [1]}");

    qjson_append(out, node, true);
    g_assert_cmpstr(out->str, ==,
                    "prefix:{\n    \"a\": [\n        1\n    ]\n}");
    g_string_truncate(out, 0);
    qjson_append(out, node, false);
    qjson_append(out, node, false);
    g_assert_cmpstr(out->str, ==, "{\"a\": [1]}{\"a\": [1]}");
    g_string_free(out, true);
    json_node_unref(node);
}

static void test_built_nodes(void)
{
    JsonObject *obj = json_object_new();
    JsonArray *arr = json_array_new();
    JsonNode *node = json_node_new(JSON_NODE_OBJECT);
    g_autofree char *out = NULL;

    /* insertion order, not name order; replacing keeps the position */
    json_object_set_int_member(obj, "micro", 22);
    json_object_set_int_member(obj, "minor", 2);
    json_object_set_int_member(obj, "major", 7);
    json_object_set_int_member(obj, "micro", 23);
    json_array_add_string_element(arr, "oob");
    json_array_add_null_element(arr);
    json_object_set_array_member(obj, "caps", arr);
    json_object_set_boolean_member(obj, "b", true);
    json_node_take_object(node, obj);
    out = qjson_to_string(node, false);
    g_assert_cmpstr(out, ==, "{\"micro\": 23, \"minor\": 2, \"major\": 7,"
                    " \"caps\": [\"oob\", null], \"b\": true}");
    json_node_unref(node);
}

static void check_roundtrip(const char *in)
{
    JsonNode *a = parse(in);
    g_autofree char *compact = qjson_to_string(a, false);
    g_autofree char *pretty = qjson_to_string(a, true);
    JsonNode *b = parse(compact);
    JsonNode *c = parse(pretty);
    g_autofree char *compact_b = qjson_to_string(b, false);
    g_autofree char *compact_c = qjson_to_string(c, false);

    g_assert_true(json_node_equal(a, b));
    g_assert_true(json_node_equal(a, c));
    g_assert_cmpstr(compact, ==, compact_b);
    g_assert_cmpstr(compact, ==, compact_c);
    json_node_unref(a);
    json_node_unref(b);
    json_node_unref(c);
}

static void test_roundtrip(void)
{
    check_roundtrip("{\"a\":1,\"b\":[1,2,{\"c\":null}],\"d\":{}}");
    check_roundtrip("[\"\\u00e9\\uD83D\\uDE00\\n\\t\\\"x\\\\\", 'single']");
    check_roundtrip("[1.5, -2, 0.10000000000000001, 9223372036854775807]");
    check_roundtrip("{\"nested\": [[[[{\"deep\": [true, false]}]]]]}");
    check_roundtrip("\"a\\u0000b\"");
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/json/writer/compact", test_compact);
    g_test_add_func("/json/writer/pretty", test_pretty);
    g_test_add_func("/json/writer/strings", test_strings);
    g_test_add_func("/json/writer/numbers", test_numbers);
    g_test_add_func("/json/writer/append", test_append);
    g_test_add_func("/json/writer/built-nodes", test_built_nodes);
    g_test_add_func("/json/writer/roundtrip", test_roundtrip);
    return g_test_run();
}
