/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Tests of QMP scripts (qapi/qmp-script.c): qmp-shell's line syntax and
 * value typing, and replay through a command list with file:line errors.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qapi/qmp/qmp-script.h"
#include "qobject/json.h"

/* The request a line gives, as compact JSON ("" for a skipped line) */
static char *parse(const char *line)
{
    JsonNode *req = qmp_script_parse_line(line, &error_abort);
    char *s;

    if (!req) {
        return g_strdup("");
    }
    s = qjson_to_string(req, false);
    json_node_unref(req);
    return s;
}

static void check(const char *line, const char *json)
{
    g_autofree char *got = parse(line);

    g_assert_cmpstr(got, ==, json);
}

static void check_error(const char *line, const char *msg)
{
    Error *err = NULL;

    g_assert_null(qmp_script_parse_line(line, &err));
    g_assert_nonnull(err);
    g_assert_cmpstr(error_get_pretty(err), ==, msg);
    error_free(err);
}

static void test_skip(void)
{
    check("", "");
    check("   \t", "");
    check("# device_add driver=x", "");
    check("  # indented comment", "");
}

static void test_typing(void)
{
    check("c a=16384 b=-5 c=+5 d=1_000",
          "{\"execute\": \"c\", \"arguments\": "
          "{\"a\": 16384, \"b\": -5, \"c\": 5, \"d\": 1000}}");
    /* hexadecimal is not an int for qmp-shell: the string stays */
    check("c addr=0x4000 e=1__0 f=_1 g=1_",
          "{\"execute\": \"c\", \"arguments\": {\"addr\": \"0x4000\", "
          "\"e\": \"1__0\", \"f\": \"_1\", \"g\": \"1_\"}}");
    check("c t=TRUE f=false n=null s=None",
          "{\"execute\": \"c\", \"arguments\": "
          "{\"t\": true, \"f\": false, \"n\": \"null\", \"s\": \"None\"}}");
    check("c o={\"a\":1} l=[1,'x'] bad={nope",
          "{\"execute\": \"c\", \"arguments\": {\"o\": {\"a\": 1}, "
          "\"l\": [1, \"x\"], \"bad\": \"{nope\"}}");
    /* quotes are kept, and hold spaces */
    check("c name=\"a b\" q='x y'",
          "{\"execute\": \"c\", \"arguments\": "
          "{\"name\": \"\\\"a b\\\"\", \"q\": \"'x y'\"}}");
    check("query-status", "{\"execute\": \"query-status\", "
          "\"arguments\": {}}");
    check("c m=9223372036854775807 n=-9223372036854775808 "
          "big=99999999999999999999",
          "{\"execute\": \"c\", \"arguments\": "
          "{\"m\": 9223372036854775807, \"n\": -9223372036854775808, "
          "\"big\": \"99999999999999999999\"}}");
}

static void test_nesting(void)
{
    check("c backend.type=null backend.data.x=1",
          "{\"execute\": \"c\", \"arguments\": {\"backend\": "
          "{\"type\": \"null\", \"data\": {\"x\": 1}}}}");
    check_error("c a=1 a.b=2",
                "Cannot use \"a\" as both leaf and non-leaf key");
    check_error("c a.b=2 a=1",
                "Cannot use \"a\" as both leaf and non-leaf key");
    check_error("c a.b.c=1 a.b=2",
                "Cannot use \"a.b\" as both leaf and non-leaf key");
    check_error("c k=1 k=2", "Cannot set \"k\" multiple times");
}

static void test_errors(void)
{
    check_error("c k={\"a\": 1}", "Expected a key=value pair, got '1}'");
    check_error("c oops", "Expected a key=value pair, got 'oops'");
    check_error("c k=\"open", "Unterminated quote in 'k=\"open'");
    check_error("transaction( abort )",
                "Transactions are not supported in scripts");
}

static void test_raw_json(void)
{
    check("{\"execute\": \"x\", \"arguments\": {\"a\": 1}}",
          "{\"execute\": \"x\", \"arguments\": {\"a\": 1}}");
}

/* -- replay -- */

static GString *calls;

static void cmd_record(JsonObject *args, JsonNode **ret, Error **errp)
{
    g_autoptr(JsonNode) node = json_node_new(JSON_NODE_OBJECT);
    g_autofree char *s = NULL;

    json_node_set_object(node, args);
    s = qjson_to_string(node, false);
    g_string_append_printf(calls, "%s;", s);
    *ret = json_node_init_object(json_node_alloc(), json_object_new());
}

static void cmd_fail(JsonObject *args, JsonNode **ret, Error **errp)
{
    error_setg(errp, "it failed");
}

static void test_run(void)
{
    QmpCommandList *cmds = qmp_command_list_new();
    Error *err = NULL;

    qmp_register_command(cmds, "rec", cmd_record, QCO_ALLOW_PRECONFIG,
                         QMP_PHASES_ALL, 0);
    qmp_register_command(cmds, "fail", cmd_fail, QCO_ALLOW_PRECONFIG,
                         QMP_PHASES_ALL, 0);
    calls = g_string_new(NULL);

    g_assert_true(qmp_script_run(cmds, "ok.qmp",
                                 "# comment\r\nrec a=1\r\n\nrec b=x\n",
                                 &error_abort));
    g_assert_cmpstr(calls->str, ==, "{\"a\": 1};{\"b\": \"x\"};");

    /* stops at the first error; what ran before it stays done */
    g_string_truncate(calls, 0);
    g_assert_false(qmp_script_run(cmds, "f.qmp",
                                  "rec a=1\nfail\nrec b=2\n", &err));
    g_assert_cmpstr(error_get_pretty(err), ==, "f.qmp:2: it failed");
    g_clear_pointer(&err, error_free);
    g_assert_cmpstr(calls->str, ==, "{\"a\": 1};");

    g_assert_false(qmp_script_run(cmds, "g.qmp", "\n\nnope\n", &err));
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "g.qmp:3: The command nope has not been found");
    g_clear_pointer(&err, error_free);

    g_assert_false(qmp_script_run(cmds, "h.qmp", "rec x\n", &err));
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "h.qmp:1: Expected a key=value pair, got 'x'");
    g_clear_pointer(&err, error_free);

    g_assert_false(qmp_script_run_file(cmds, "/nonexistent/x.qmp", &err));
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "Could not open '/nonexistent/x.qmp': No such file or "
                    "directory");
    g_clear_pointer(&err, error_free);

    g_string_free(calls, TRUE);
    qmp_command_list_free(cmds);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/qmp-script/parse/skip", test_skip);
    g_test_add_func("/qmp-script/parse/typing", test_typing);
    g_test_add_func("/qmp-script/parse/nesting", test_nesting);
    g_test_add_func("/qmp-script/parse/errors", test_errors);
    g_test_add_func("/qmp-script/parse/raw-json", test_raw_json);
    g_test_add_func("/qmp-script/run", test_run);
    return g_test_run();
}
