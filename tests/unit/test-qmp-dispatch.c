/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Tests of the QMP dispatcher and of the generated command marshallers of
 * tests/unit/qapi-schema-test.json: request checks, error texts and
 * classes, response key order, argument passing, return values, machine
 * phase gating, OOB, disabled and reply-less commands.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qobject/json.h"
#include "test-qapi-commands.h"

/* -- the hand-written command handlers of the test schema -- */

static int no_args_calls;
static int no_reply_calls;
static char *last_sub_cmd;

void qmp_sub_cmd(SubStruct *arg, Error **errp)
{
    g_free(last_sub_cmd);
    last_sub_cmd = g_strdup(arg->flag ? "true" : "false");
}

/* A deep copy by way of JSON: handlers return what they own. */
static Outer *copy_outer(Outer *in)
{
    JsonNode *node = qapi_output_Outer(in);
    Outer *out;

    qapi_input_Outer(node, NULL, NULL, &out, &error_abort);
    json_node_unref(node);
    return out;
}

Outer *qmp_echo_outer(Outer *outer, Error **errp)
{
    return copy_outer(outer);
}

Shape *qmp_echo_shape(Shape *shape, Error **errp)
{
    JsonNode *node = qapi_output_Shape(shape);
    Shape *out;

    qapi_input_Shape(node, NULL, NULL, &out, &error_abort);
    json_node_unref(node);
    return out;
}

Inner *qmp_echo_alt(Alt *alt, Error **errp)
{
    Inner *inner = g_new0(Inner, 1);

    inner->integer = alt->type;
    inner->string = g_strdup(alt->type == QTYPE_QSTRING ? alt->u.s : "");
    return inner;
}

int64_t qmp_echo_int(int64_t a, bool has_b, int64_t b, const char *c,
                     bool has_e, Prefixed e, Error **errp)
{
    if (c) {
        error_setg(errp, "c was '%s', b %s, e %s", c,
                   has_b ? "given" : "absent",
                   has_e ? Prefixed_str(e) : "absent");
        return 0;
    }
    return has_b ? a + b : a;
}

JsonNode *qmp_echo_any(JsonNode *value, Error **errp)
{
    return json_node_copy(value);
}

strList *qmp_echo_str_list(strList *list, Error **errp)
{
    strList *out = NULL, **tail = &out;

    for (; list; list = list->next) {
        *tail = g_new0(strList, 1);
        (*tail)->value = g_strdup(list->value);
        tail = &(*tail)->next;
    }
    return out;
}

InnerList *qmp_list_inner(Error **errp)
{
    InnerList *list = g_new0(InnerList, 1);

    list->value = g_new0(Inner, 1);
    list->value->integer = 1;
    list->value->string = g_strdup("one");
    return list;
}

void qmp_boxed_cmd(Inner *arg, Error **errp)
{
    if (arg->integer < 0) {
        error_setg(errp, "negative: %s", arg->string);
    }
}

void qmp_no_args(Error **errp)
{
    no_args_calls++;
}

void qmp_fail(Error **errp)
{
    error_set(errp, ERROR_CLASS_DEVICE_NOT_FOUND, "Device 'x' not found");
}

void qmp_no_reply(Error **errp)
{
    no_reply_calls++;
}

void qmp_hand_written(JsonObject *args, JsonNode **ret, Error **errp)
{
    *ret = json_node_init_int(json_node_alloc(),
                              json_object_get_size(args));
}

char *qmp_test_underscore(Error **errp)
{
    return g_strdup("under");
}

/* -- helpers -- */

static QmpCommandList *cmds;

/* Dispatch @request in @phase and return the compact reply text. */
static char *dispatch_in(const char *request, bool oob,
                         MachineInitPhase phase)
{
    JsonNode *req = qjson_parse(request, &error_abort);
    JsonNode *rsp = qmp_dispatch(cmds, req, oob, phase);
    char *text = rsp ? qjson_to_string(rsp, false) : NULL;

    json_node_unref(req);
    if (rsp) {
        json_node_unref(rsp);
    }
    return text;
}

static char *dispatch(const char *request)
{
    return dispatch_in(request, false, PHASE_MACHINE_READY);
}

static void check(const char *request, const char *reply)
{
    g_autofree char *text = dispatch(request);

    g_assert_cmpstr(text, ==, reply);
}

#define GENERIC(desc) \
    "{\"error\": {\"class\": \"GenericError\", \"desc\": \"" desc "\"}}"
#define GENERIC_ID(id, desc) \
    "{\"id\": " id ", \"error\": {\"class\": \"GenericError\", " \
    "\"desc\": \"" desc "\"}}"

/* -- tests -- */

static void test_request_shape(void)
{
    check("[1, 2]", GENERIC("QMP input must be a JSON object"));
    check("42", GENERIC("QMP input must be a JSON object"));
    check("'str'", GENERIC("QMP input must be a JSON object"));
    check("{'id': 5}", GENERIC_ID("5", "QMP input lacks member 'execute'"));
    check("{}", GENERIC("QMP input lacks member 'execute'"));
    check("{'execute': 1}",
          GENERIC("QMP input member 'execute' must be a string"));
    check("{'execute': 'no-args', 'arguments': []}",
          GENERIC("QMP input member 'arguments' must be an object"));
    check("{'exec': 'no-args'}", GENERIC("QMP input member 'exec' is "
                                         "unexpected"));
    check("{'execute': 'no-args', 'control': {}}",
          GENERIC("QMP input member 'control' is unexpected"));
    check("{'exec-oob': 'fail', 'id': 9}",
          GENERIC_ID("9", "QMP input member 'exec-oob' is unexpected"));
}

static void test_command_not_found(void)
{
    check("{'execute': 'nosuch', 'id': 3}",
          "{\"id\": 3, \"error\": {\"class\": \"CommandNotFound\", "
          "\"desc\": \"The command nosuch has not been found\"}}");
}

static void test_success_and_id(void)
{
    int calls = no_args_calls;

    check("{'execute': 'no-args'}", "{\"return\": {}}");
    check("{'execute': 'no-args', 'arguments': {}, 'id': 'x'}",
          "{\"return\": {}, \"id\": \"x\"}");
    /* Any JSON value is echoed as the id. */
    check("{'execute': 'no-args', 'id': {'x': [1, 2]}}",
          "{\"return\": {}, \"id\": {\"x\": [1, 2]}}");
    check("{'id': null, 'execute': 'no-args'}",
          "{\"return\": {}, \"id\": null}");
    g_assert_cmpint(no_args_calls, ==, calls + 4);
}

static void test_error_class(void)
{
    check("{'execute': 'fail', 'id': 1}",
          "{\"id\": 1, \"error\": {\"class\": \"DeviceNotFound\", "
          "\"desc\": \"Device 'x' not found\"}}");
}

static void test_arguments(void)
{
    check("{'execute': 'echo-int', 'arguments': {'a': 2}}",
          "{\"return\": 2}");
    check("{'execute': 'echo-int', 'arguments': {'a': 2, 'b': 40}}",
          "{\"return\": 42}");
    check("{'execute': 'echo-int', 'arguments': {'a': 2, 'c': 'x', "
          "'e': 'int'}}",
          GENERIC("c was 'x', b absent, e int"));
    check("{'execute': 'echo-int'}", GENERIC("Parameter 'a' is missing"));
    check("{'execute': 'echo-int', 'arguments': {'a': 'x'}}",
          GENERIC("Invalid parameter type for 'a', expected: integer"));
    check("{'execute': 'echo-int', 'arguments': {'a': 1, 'bogus': 1}}",
          GENERIC("Parameter 'bogus' is unexpected"));
    check("{'execute': 'echo-int', 'arguments': {'a': 1, 'e': 'bogus'}}",
          GENERIC("Parameter 'e' does not accept value 'bogus'"));
    check("{'execute': 'no-args', 'arguments': {'x': 1}}",
          GENERIC("Parameter 'x' is unexpected"));
    check("{'execute': 'sub-cmd', 'arguments': {'arg': {'flag': 1}}}",
          GENERIC("Invalid parameter type for 'arg.flag', "
                  "expected: boolean"));
    check("{'execute': 'sub-cmd', 'arguments': {'arg': {'flag': true}}}",
          "{\"return\": {}}");
    g_assert_cmpstr(last_sub_cmd, ==, "true");
}

static void test_boxed(void)
{
    check("{'execute': 'boxed-cmd', 'arguments': {'integer': 1, "
          "'string': 's'}}", "{\"return\": {}}");
    check("{'execute': 'boxed-cmd', 'arguments': {'integer': -1, "
          "'string': 'neg'}}", GENERIC("negative: neg"));
    check("{'execute': 'boxed-cmd', 'arguments': {'integer': 1}}",
          GENERIC("Parameter 'string' is missing"));
}

static void test_returns(void)
{
    check("{'execute': 'list-inner'}",
          "{\"return\": [{\"integer\": 1, \"string\": \"one\"}]}");
    check("{'execute': 'echo-str-list', 'arguments': {'list': ['a', 'b']}}",
          "{\"return\": [\"a\", \"b\"]}");
    check("{'execute': 'echo-str-list', 'arguments': {'list': []}}",
          "{\"return\": []}");
    check("{'execute': 'echo-any', 'arguments': {'value': {'k': [true]}}}",
          "{\"return\": {\"k\": [true]}}");
    check("{'execute': 'test_underscore', 'id': 1}",
          "{\"return\": \"under\", \"id\": 1}");
    check("{'execute': 'echo-alt', 'arguments': {'alt': 'text'}}",
          "{\"return\": {\"integer\": 3, \"string\": \"text\"}}");
    check("{'execute': 'echo-shape', 'arguments': {'shape': "
          "{'kind': 'circle', 'name': 'c', 'radius': 2}}}",
          "{\"return\": {\"name\": \"c\", \"radius\": 2, "
          "\"kind\": \"circle\"}}");
    check("{'execute': 'echo-shape', 'arguments': {'shape': "
          "{'kind': 'circle', 'name': 'c'}}}",
          GENERIC("Parameter 'shape.radius' is missing"));
}

static void test_echo_outer(void)
{
    g_autofree char *text = dispatch(
        "{'execute': 'echo-outer', 'arguments': {'outer': {"
        "'base-member': 1, 's': 'str', 'b': true, 'i8': -8, 'u16': 16, "
        "'u64': 64, 'num': 1.5, 'sz': 4096, 'e': 'value-two', "
        "'inner': {'integer': 7, 'string': 'in'}, 'list': [], "
        "'ints': [], 'strs': [], 'enums': [], 'default': true}}}");

    g_assert_cmpstr(text, ==,
                    "{\"return\": {\"inner\": {\"integer\": 7, "
                    "\"string\": \"in\"}, \"list\": [], \"sz\": 4096, "
                    "\"strs\": [], \"enums\": [], \"s\": \"str\", "
                    "\"e\": \"value-two\", \"u16\": 16, \"default\": true, "
                    "\"b\": true, \"i8\": -8, \"num\": 1.5, "
                    "\"base-member\": 1, \"u64\": 64, \"ints\": []}}");
}

static void test_gen_false(void)
{
    check("{'execute': 'hand-written', 'arguments': {'a': 1, 'b': 2}}",
          "{\"return\": 2}");
}

static void test_no_success_response(void)
{
    g_autofree char *ok = dispatch_in("{'execute': 'no-reply'}", false,
                                      PHASE_NO_MACHINE);
    g_autofree char *bad = dispatch_in("{'execute': 'no-reply', 'x': 1}",
                                       false, PHASE_NO_MACHINE);

    g_assert_null(ok);
    g_assert_cmpint(no_reply_calls, ==, 1);
    g_assert_cmpstr(bad, ==,
                    GENERIC("QMP input member 'x' is unexpected"));
}

static void test_oob(void)
{
    g_autofree char *rsp1 = dispatch_in("{'exec-oob': 'fail', 'id': 1}",
                                        true, PHASE_MACHINE_READY);
    g_autofree char *rsp2 = dispatch_in("{'exec-oob': 'no-args'}", true,
                                        PHASE_MACHINE_READY);
    g_autofree char *rsp3 = dispatch_in("{'exec-oob': 'fail', "
                                        "'execute': 'fail'}", true,
                                        PHASE_MACHINE_READY);

    /* 'fail' allows OOB, so it runs (and fails its own way). */
    g_assert_cmpstr(rsp1, ==, "{\"id\": 1, \"error\": {\"class\": "
                    "\"DeviceNotFound\", \"desc\": \"Device 'x' not "
                    "found\"}}");
    g_assert_cmpstr(rsp2, ==,
                    GENERIC("The command no-args does not support OOB"));
    g_assert_nonnull(strstr(rsp3, "clashes with"));
}

static void test_phases(void)
{
    g_autofree char *r1 = dispatch_in("{'execute': 'echo-int', "
                                      "'arguments': {'bogus': 1}}", false,
                                      PHASE_ACCEL_CREATED);
    g_autofree char *r2 = dispatch_in("{'execute': 'list-inner', 'id': 2}",
                                      false, PHASE_ACCEL_CREATED);
    g_autofree char *r3 = dispatch_in("{'execute': 'list-inner'}", false,
                                      PHASE_MACHINE_INITIALIZED);
    g_autofree char *r4 = dispatch_in("{'execute': 'echo-shape', "
                                      "'arguments': {'shape': {'kind': "
                                      "'none', 'name': 'n'}}}", false,
                                      PHASE_NO_MACHINE);
    g_autofree char *r5 = dispatch_in("{'execute': 'no-reply'}", false,
                                      PHASE_MACHINE_READY);

    /* The phase is checked before the arguments. */
    g_assert_cmpstr(r1, ==, GENERIC("The command 'echo-int' is permitted "
                                    "only after machine initialization "
                                    "has completed"));
    g_assert_cmpstr(r2, ==, GENERIC_ID("2", "The command 'list-inner' is "
                                       "not permitted in machine phase "
                                       "'accel-created'"));
    g_assert_cmpstr(r3, ==, "{\"return\": [{\"integer\": 1, "
                    "\"string\": \"one\"}]}");
    g_assert_cmpstr(r4, ==, "{\"return\": {\"name\": \"n\", "
                    "\"kind\": \"none\"}}");
    g_assert_cmpstr(r5, ==, GENERIC("The command 'no-reply' is not "
                                    "permitted in machine phase 'ready'"));
}

static void test_disable(void)
{
    qmp_disable_command(cmds, "no-args", "testing");
    g_assert_false(qmp_command_is_enabled(qmp_find_command(cmds,
                                                           "no-args")));
    check("{'execute': 'no-args'}",
          GENERIC("The command no-args has been disabled for this "
                  "instance"));
    qmp_enable_command(cmds, "no-args");
    check("{'execute': 'no-args'}", "{\"return\": {}}");
}

static void count_command(const QmpCommand *cmd, void *opaque)
{
    GString *names = opaque;

    g_string_append_printf(names, "%s%s", names->len ? "," : "", cmd->name);
}

static void test_registry(void)
{
    g_autoptr(GString) names = g_string_new("");
    const QmpCommand *cmd;

    qmp_for_each_command(cmds, count_command, names);
    g_assert_cmpstr(names->str, ==,
                    "sub-cmd,echo-outer,echo-shape,echo-alt,echo-int,"
                    "echo-any,echo-str-list,list-inner,boxed-cmd,no-args,"
                    "fail,no-reply,hand-written,test_underscore");
    cmd = qmp_find_command(cmds, "no-args");
    g_assert_cmpuint(cmd->features, ==, QMP_FEATURE_DEPRECATED);
    g_assert_cmpuint(cmd->phases, ==, QMP_PHASE_BIT(PHASE_MACHINE_READY));
    cmd = qmp_find_command(cmds, "test_underscore");
    g_assert_cmpuint(cmd->features, ==, QMP_FEATURE_UNSTABLE);
    cmd = qmp_find_command(cmds, "fail");
    g_assert_cmpuint(cmd->options, ==, QCO_ALLOW_OOB);
    cmd = qmp_find_command(cmds, "hand-written");
    g_assert_cmpuint(cmd->options, ==, QCO_ALLOW_PRECONFIG);
    g_assert_cmpuint(cmd->phases, ==, QMP_PHASES_ALL);
    cmd = qmp_find_command(cmds, "no-reply");
    g_assert_false(qmp_command_has_success_response(cmd));
    g_assert_cmpuint(cmd->phases, ==, QMP_PHASE_BIT(PHASE_NO_MACHINE));
    cmd = qmp_find_command(cmds, "list-inner");
    g_assert_cmpuint(cmd->phases, ==,
                     QMP_PHASE_BIT(PHASE_MACHINE_INITIALIZED) |
                     QMP_PHASE_BIT(PHASE_MACHINE_READY));
    g_assert_null(qmp_find_command(cmds, "nosuch"));
}

static void test_error_response_helpers(void)
{
    Error *err = NULL;
    JsonNode *rsp;
    g_autofree char *text = NULL;

    /* What the monitor sends for a JSON parse error: no id. */
    error_setg(&err, "JSON parse error, stray '@'");
    rsp = qmp_error_response(err, NULL);
    text = qjson_to_string(rsp, false);
    g_assert_cmpstr(text, ==, GENERIC("JSON parse error, stray '@'"));
    json_node_unref(rsp);
    error_free(err);
}

static void test_one_command_list(void)
{
    /* A monitor before negotiation dispatches against a tiny list. */
    QmpCommandList *small = qmp_command_list_new();
    JsonNode *req = qjson_parse("{'execute': 'echo-int', 'id': 8}",
                                &error_abort);
    JsonNode *rsp;
    JsonObject *err;

    qmp_register_command(small, "no-args", qmp_marshal_no_args,
                         QCO_ALLOW_PRECONFIG, QMP_PHASES_ALL, 0);
    rsp = qmp_dispatch(small, req, false, PHASE_MACHINE_READY);
    err = json_object_get_object_member(json_node_get_object(rsp), "error");
    g_assert_cmpstr(json_object_get_string_member(err, "class"), ==,
                    "CommandNotFound");
    g_assert_nonnull(qmp_request_id(req));
    json_node_unref(rsp);
    json_node_unref(req);
    qmp_command_list_free(small);
}

int main(int argc, char **argv)
{
    int ret;

    g_test_init(&argc, &argv, NULL);
    cmds = qmp_command_list_new();
    test_qmp_init_marshal(cmds);
    g_test_add_func("/qmp/dispatch/request-shape", test_request_shape);
    g_test_add_func("/qmp/dispatch/command-not-found",
                    test_command_not_found);
    g_test_add_func("/qmp/dispatch/success-and-id", test_success_and_id);
    g_test_add_func("/qmp/dispatch/error-class", test_error_class);
    g_test_add_func("/qmp/dispatch/arguments", test_arguments);
    g_test_add_func("/qmp/dispatch/boxed", test_boxed);
    g_test_add_func("/qmp/dispatch/returns", test_returns);
    g_test_add_func("/qmp/dispatch/echo-outer", test_echo_outer);
    g_test_add_func("/qmp/dispatch/gen-false", test_gen_false);
    g_test_add_func("/qmp/dispatch/no-success-response",
                    test_no_success_response);
    g_test_add_func("/qmp/dispatch/oob", test_oob);
    g_test_add_func("/qmp/dispatch/phases", test_phases);
    g_test_add_func("/qmp/dispatch/disable", test_disable);
    g_test_add_func("/qmp/registry/commands", test_registry);
    g_test_add_func("/qmp/dispatch/error-response",
                    test_error_response_helpers);
    g_test_add_func("/qmp/dispatch/one-command-list", test_one_command_list);
    ret = g_test_run();
    qmp_command_list_free(cmds);
    g_free(last_sub_cmd);
    return ret;
}
