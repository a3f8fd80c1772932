/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Tests of the generated conversions between JSON values and the C types
 * of tests/unit/qapi-schema-test.json: error texts, optional members,
 * nesting, lists, enums, unions, alternates, 'any', and output order.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qapi/input.h"
#include "qobject/json.h"
#include "test-qapi-marshal.h"

static JsonNode *parse(const char *json)
{
    return qjson_parse(json, &error_abort);
}

/* Compact JSON text of @node, which is consumed. */
static char *to_text(JsonNode *node)
{
    char *text = qjson_to_string(node, false);

    json_node_unref(node);
    return text;
}

#define OUTER_MIN \
    "'base-member': 1, 's': 'str', 'b': true, 'i8': -8, 'u16': 16, " \
    "'u64': 64, 'num': 1.5, 'sz': 4096, 'e': 'value-two', " \
    "'inner': {'integer': 7, 'string': 'in'}, " \
    "'list': [{'integer': 1, 'string': 'a'}, {'integer': 2, 'string': 'b'}], " \
    "'ints': [1, 2, 3], 'strs': ['x', 'y'], 'enums': ['value-three']"

static Outer *input_outer(const char *json, Error **errp)
{
    JsonNode *node = parse(json);
    Outer *outer = NULL;

    qapi_input_Outer(node, NULL, NULL, &outer, errp);
    json_node_unref(node);
    return outer;
}

/* Input of @json as Outer must fail with @msg. */
static void check_outer_error(const char *json, const char *msg)
{
    Error *err = NULL;
    Outer *outer = input_outer(json, &err);

    g_assert_null(outer);
    g_assert_nonnull(err);
    g_assert_cmpstr(error_get_pretty(err), ==, msg);
    g_assert_cmpint(error_get_class(err), ==, ERROR_CLASS_GENERIC_ERROR);
    error_free(err);
}

static void test_struct_full(void)
{
    g_autoptr(Outer) outer = input_outer(
        "{" OUTER_MIN ", 'opt-int': -5, 'opt-str': 'os', "
        "'opt-inner': {'integer': 9, 'string': 'oi'}, 'opt-list': [], "
        "'any': {'deep': [1, null]}, 'default': false, 'feat': 3}",
        &error_abort);

    g_assert_cmpint(outer->base_member, ==, 1);
    g_assert_cmpint(qapi_Outer_base(outer)->base_member, ==, 1);
    g_assert_cmpstr(outer->s, ==, "str");
    g_assert_true(outer->b);
    g_assert_cmpint(outer->i8, ==, -8);
    g_assert_cmpint(outer->u16, ==, 16);
    g_assert_cmpuint(outer->u64, ==, 64);
    g_assert_cmpfloat(outer->num, ==, 1.5);
    g_assert_cmpuint(outer->sz, ==, 4096);
    g_assert_cmpint(outer->e, ==, ENUM_ONE_VALUE_TWO);
    g_assert_cmpint(outer->inner->integer, ==, 7);
    g_assert_cmpstr(outer->inner->string, ==, "in");
    g_assert_cmpint(outer->list->value->integer, ==, 1);
    g_assert_cmpstr(outer->list->next->value->string, ==, "b");
    g_assert_null(outer->list->next->next);
    g_assert_cmpint(outer->ints->next->next->value, ==, 3);
    g_assert_cmpstr(outer->strs->next->value, ==, "y");
    g_assert_cmpint(outer->enums->value, ==, ENUM_ONE_VALUE_THREE);
    g_assert_true(outer->has_opt_int);
    g_assert_cmpint(outer->opt_int, ==, -5);
    g_assert_cmpstr(outer->opt_str, ==, "os");
    g_assert_cmpint(outer->opt_inner->integer, ==, 9);
    /* An empty optional list is present but NULL, like an absent one. */
    g_assert_null(outer->opt_list);
    g_assert_nonnull(outer->any);
    g_assert_true(outer->has_q_default);
    g_assert_false(outer->q_default);
    g_assert_true(outer->has_feat);
    g_assert_cmpint(outer->feat, ==, 3);
}

static void test_struct_optional_absent(void)
{
    g_autoptr(Outer) outer = input_outer("{" OUTER_MIN "}", &error_abort);

    g_assert_false(outer->has_opt_int);
    g_assert_null(outer->opt_str);
    g_assert_null(outer->opt_inner);
    g_assert_null(outer->opt_list);
    g_assert_null(outer->any);
    g_assert_false(outer->has_q_default);
    g_assert_false(outer->has_feat);
}

static void test_struct_errors(void)
{
    check_outer_error("{}", "Parameter 'base-member' is missing");
    check_outer_error("{'base-member': 1}", "Parameter 's' is missing");
    check_outer_error("{" OUTER_MIN ", 'bogus': 1}",
                      "Parameter 'bogus' is unexpected");
    check_outer_error("[]",
                      "Invalid parameter type for 'null', expected: object");
}

/* Replace the first occurrence of @from in OUTER_MIN by @to. */
static char *outer_with(const char *from, const char *to)
{
    g_autofree char *base = g_strdup("{" OUTER_MIN "}");
    char *at = strstr(base, from);

    g_assert_nonnull(at);
    *at = '\0';
    return g_strdup_printf("%s%s%s", base, to, at + strlen(from));
}

static void check_outer_with(const char *from, const char *to,
                             const char *msg)
{
    g_autofree char *json = outer_with(from, to);

    check_outer_error(json, msg);
}

static void test_scalar_errors(void)
{
    check_outer_with("'s': 'str'", "'s': 1",
                     "Invalid parameter type for 's', expected: string");
    check_outer_with("'b': true", "'b': 'yes'",
                     "Invalid parameter type for 'b', expected: boolean");
    check_outer_with("'i8': -8", "'i8': 'x'",
                     "Invalid parameter type for 'i8', expected: integer");
    check_outer_with("'i8': -8", "'i8': 200", "Parameter 'i8' expects int8_t");
    check_outer_with("'u16': 16", "'u16': 70000",
                     "Parameter 'u16' expects uint16_t");
    check_outer_with("'num': 1.5", "'num': 'x'",
                     "Invalid parameter type for 'num', expected: number");
    check_outer_with("'e': 'value-two'", "'e': 'bogus'",
                     "Parameter 'e' does not accept value 'bogus'");
    check_outer_with("'e': 'value-two'", "'e': 2",
                     "Invalid parameter type for 'e', expected: string");
}

static void test_nested_errors(void)
{
    check_outer_with("'integer': 7", "'integer': 'x'",
                     "Invalid parameter type for 'inner.integer', "
                     "expected: integer");
    check_outer_with("{'integer': 7, 'string': 'in'}", "{'integer': 7}",
                     "Parameter 'inner.string' is missing");
    check_outer_with("'string': 'in'", "'string': 'in', 'extra': null",
                     "Parameter 'inner.extra' is unexpected");
    check_outer_with("{'integer': 7, 'string': 'in'}", "5",
                     "Invalid parameter type for 'inner', expected: object");
    check_outer_with("'integer': 2", "'integer': true",
                     "Invalid parameter type for 'list[1].integer', "
                     "expected: integer");
    check_outer_with("'ints': [1, 2, 3]", "'ints': [1, 'two']",
                     "Invalid parameter type for 'ints[1]', "
                     "expected: integer");
    check_outer_with("'ints': [1, 2, 3]", "'ints': {}",
                     "Invalid parameter type for 'ints', expected: array");
    /* List elements have no name of their own: QEMU says 'null'. */
    check_outer_with("'enums': ['value-three']", "'enums': ['foo']",
                     "Parameter 'null' does not accept value 'foo'");
}

static void test_uint64_wraps(void)
{
    g_autofree char *json = outer_with("'u64': 64", "'u64': -1");
    g_autoptr(Outer) outer = input_outer(json, &error_abort);

    g_assert_cmpuint(outer->u64, ==, UINT64_MAX);
}

static void test_number_from_int(void)
{
    g_autofree char *json = outer_with("'num': 1.5", "'num': 3");
    g_autoptr(Outer) outer = input_outer(json, &error_abort);

    g_assert_cmpfloat(outer->num, ==, 3.0);
}

static void test_struct_output(void)
{
    g_autoptr(Outer) outer = input_outer(
        "{" OUTER_MIN ", 'opt-int': -5, 'any': {'deep': [1, null]}}",
        &error_abort);
    g_autofree char *text = to_text(qapi_output_Outer(outer));

    /* Absent optional members are left out; members in QEMU's order. */
    g_assert_cmpstr(text, ==,
                    "{\"inner\": {\"integer\": 7, \"string\": \"in\"}, "
                    "\"list\": [{\"integer\": 1, \"string\": \"a\"}, "
                    "{\"integer\": 2, \"string\": \"b\"}], \"sz\": 4096, "
                    "\"strs\": [\"x\", \"y\"], \"enums\": [\"value-three\"], "
                    "\"s\": \"str\", \"any\": {\"deep\": [1, null]}, "
                    "\"opt-int\": -5, \"e\": \"value-two\", \"u16\": 16, "
                    "\"b\": true, \"i8\": -8, \"num\": 1.5, "
                    "\"base-member\": 1, \"u64\": 64, \"ints\": [1, 2, 3]}");
}

/* Member order checked against replies of a real QEMU 7.2. */
static void test_output_order_qemu(void)
{
    StatusLike status = {
        .running = true, .singlestep = false, .status = (char *)"running",
    };
    VersionTriple version = { .major = 7, .minor = 2, .micro = 22 };
    g_autofree char *s1 = to_text(qapi_output_StatusLike(&status));
    g_autofree char *s2 = to_text(qapi_output_VersionTriple(&version));

    g_assert_cmpstr(s1, ==, "{\"status\": \"running\", \"singlestep\": false, "
                    "\"running\": true}");
    g_assert_cmpstr(s2, ==, "{\"micro\": 22, \"minor\": 2, \"major\": 7}");
}

static Shape *input_shape(const char *json, Error **errp)
{
    JsonNode *node = parse(json);
    Shape *shape = NULL;

    qapi_input_Shape(node, "shape", "shape", &shape, errp);
    json_node_unref(node);
    return shape;
}

static void check_shape_error(const char *json, const char *msg)
{
    Error *err = NULL;
    Shape *shape = input_shape(json, &err);

    g_assert_null(shape);
    g_assert_cmpstr(error_get_pretty(err), ==, msg);
    error_free(err);
}

static void test_union(void)
{
    g_autoptr(Shape) circle = input_shape(
        "{'kind': 'circle', 'name': 'c', 'radius': 3}", &error_abort);
    g_autoptr(Shape) square = input_shape(
        "{'kind': 'square', 'name': 's', 'side': 4, 'label': 'l'}",
        &error_abort);
    g_autoptr(Shape) none = input_shape("{'kind': 'none', 'name': 'n'}",
                                        &error_abort);
    g_autofree char *text = NULL;

    g_assert_cmpint(circle->kind, ==, KIND_CIRCLE);
    g_assert_cmpstr(circle->name, ==, "c");
    g_assert_cmpint(circle->u.circle.radius, ==, 3);
    g_assert_cmpint(square->u.square.side, ==, 4);
    g_assert_cmpstr(square->u.square.label, ==, "l");
    g_assert_cmpint(none->kind, ==, KIND_NONE);

    text = to_text(qapi_output_Shape(square));
    g_assert_cmpstr(text, ==, "{\"name\": \"s\", \"side\": 4, "
                    "\"label\": \"l\", \"kind\": \"square\"}");

    check_shape_error("{'name': 'x'}", "Parameter 'shape.kind' is missing");
    check_shape_error("{'kind': 'oval', 'name': 'x'}",
                      "Parameter 'kind' does not accept value 'oval'");
    check_shape_error("{'kind': 'square', 'name': 'x'}",
                      "Parameter 'shape.side' is missing");
    check_shape_error("{'kind': 'none', 'name': 'x', 'radius': 1}",
                      "Parameter 'shape.radius' is unexpected");
}

static Alt *input_alt(const char *json, Error **errp)
{
    JsonNode *node = parse(json);
    Alt *alt = NULL;

    qapi_input_Alt(node, "alt", "alt", &alt, errp);
    json_node_unref(node);
    return alt;
}

static void test_alternate(void)
{
    g_autoptr(Alt) i = input_alt("42", &error_abort);
    g_autoptr(Alt) s = input_alt("'str'", &error_abort);
    g_autoptr(Alt) o = input_alt("{'integer': 1, 'string': 'x'}",
                                 &error_abort);
    g_autofree char *text = NULL;
    Error *err = NULL;

    g_assert_cmpint(i->type, ==, QTYPE_QNUM);
    g_assert_cmpint(i->u.i, ==, 42);
    g_assert_cmpint(s->type, ==, QTYPE_QSTRING);
    g_assert_cmpstr(s->u.s, ==, "str");
    g_assert_cmpint(o->type, ==, QTYPE_QDICT);
    g_assert_cmpstr(o->u.o->string, ==, "x");
    text = to_text(qapi_output_Alt(o));
    g_assert_cmpstr(text, ==, "{\"integer\": 1, \"string\": \"x\"}");

    g_assert_null(input_alt("true", &err));
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "Invalid parameter type for 'alt', expected: Alt");
    error_free(err);
    err = NULL;
    g_assert_null(input_alt("1.5", &err));
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "Invalid parameter type for 'alt', expected: integer");
    error_free(err);
}

static void test_enum_lookup(void)
{
    g_assert_cmpstr(EnumOne_str(ENUM_ONE_VALUE_TWO), ==, "value-two");
    g_assert_cmpint(EnumOne__MAX, ==, 3);
    g_assert_cmpint(EnumOne_lookup.size, ==, 3);
    g_assert_cmpstr(Prefixed_str(PFX_INT), ==, "int");
    g_assert_cmpstr(ErrorLike_str(ERROR_LIKE_COMMANDNOTFOUND), ==,
                    "CommandNotFound");
}

static void test_list_output(void)
{
    g_autofree char *empty = to_text(qapi_output_intList(NULL));
    g_autoptr(strList) list = g_new0(strList, 1);
    g_autofree char *text = NULL;

    list->value = g_strdup("a");
    list->next = g_new0(strList, 1);
    list->next->value = g_strdup("b");
    text = to_text(qapi_output_strList(list));
    g_assert_cmpstr(empty, ==, "[]");
    g_assert_cmpstr(text, ==, "[\"a\", \"b\"]");
}

static void test_uint64_output(void)
{
    JsonNode *node = qapi_output_uint64(UINT64_MAX);
    uint64_t back = 0;

    /* The 64 bits survive the trip through a JSON int node. */
    g_assert_true(qinput_uint64(node, "x", &back, &error_abort));
    g_assert_cmpuint(back, ==, UINT64_MAX);
    json_node_unref(node);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/qapi/input/struct/full", test_struct_full);
    g_test_add_func("/qapi/input/struct/optional-absent",
                    test_struct_optional_absent);
    g_test_add_func("/qapi/input/struct/errors", test_struct_errors);
    g_test_add_func("/qapi/input/scalar/errors", test_scalar_errors);
    g_test_add_func("/qapi/input/nested/errors", test_nested_errors);
    g_test_add_func("/qapi/input/uint64-wraps", test_uint64_wraps);
    g_test_add_func("/qapi/input/number-from-int", test_number_from_int);
    g_test_add_func("/qapi/input/union", test_union);
    g_test_add_func("/qapi/input/alternate", test_alternate);
    g_test_add_func("/qapi/output/struct", test_struct_output);
    g_test_add_func("/qapi/output/order-like-qemu", test_output_order_qemu);
    g_test_add_func("/qapi/output/list", test_list_output);
    g_test_add_func("/qapi/output/uint64", test_uint64_output);
    g_test_add_func("/qapi/enum/lookup", test_enum_lookup);
    return g_test_run();
}
