/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Tests of schema introspection: the SchemaInfo list generated for
 * tests/unit/qapi-schema-test.json (masked names, "0" the empty object,
 * key order), and the real schema's query-qmp-schema and
 * query-machine-phase commands run through the dispatcher.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qobject/json.h"
#include "test-qapi-introspect.h"
#include "qapi/qapi-commands.h"
#include "qapi/qapi-introspect.h"

/* The compact text of the entry called @name in the SchemaInfo @list. */
static char *entry_text(JsonNode *list, const char *name)
{
    JsonArray *arr = json_node_get_array(list);
    guint i;

    for (i = 0; i < json_array_get_length(arr); i++) {
        JsonObject *obj = json_array_get_object_element(arr, i);

        if (!strcmp(json_object_get_string_member(obj, "name"), name)) {
            return qjson_to_string(json_array_get_element(arr, i), false);
        }
    }
    return NULL;
}

static void check_entry(JsonNode *list, const char *name, const char *text)
{
    g_autofree char *got = entry_text(list, name);

    g_assert_cmpstr(got, ==, text);
}

static void test_schema_entries(void)
{
    JsonNode *list = test_qmp_schema_json();
    JsonArray *arr = json_node_get_array(list);
    g_autofree char *first = qjson_to_string(json_array_get_element(arr, 0),
                                             false);

    /* Commands and events first, in definition order. */
    g_assert_cmpstr(first, ==, "{\"name\": \"sub-cmd\", \"ret-type\": \"0\", "
                    "\"meta-type\": \"command\", \"arg-type\": \"1\"}");
    check_entry(list, "no-args", "{\"name\": \"no-args\", \"ret-type\": "
                "\"0\", \"meta-type\": \"command\", \"arg-type\": \"0\", "
                "\"features\": [\"deprecated\"]}");
    check_entry(list, "fail", "{\"name\": \"fail\", \"ret-type\": \"0\", "
                "\"allow-oob\": true, \"meta-type\": \"command\", "
                "\"arg-type\": \"0\"}");
    check_entry(list, "echo-int", "{\"name\": \"echo-int\", \"ret-type\": "
                "\"int\", \"meta-type\": \"command\", \"arg-type\": \"8\"}");
    check_entry(list, "EVENT_A", "{\"name\": \"EVENT_A\", \"meta-type\": "
                "\"event\", \"arg-type\": \"0\"}");
    /* "0" is the empty object. */
    check_entry(list, "0", "{\"name\": \"0\", \"members\": [], "
                "\"meta-type\": \"object\"}");
    /* Optional members have "default": null; sized ints are "int". */
    check_entry(list, "8", "{\"name\": \"8\", \"members\": [{\"name\": "
                "\"a\", \"type\": \"int\"}, {\"name\": \"b\", \"default\": "
                "null, \"type\": \"int\"}, {\"name\": \"c\", \"default\": "
                "null, \"type\": \"str\"}, {\"name\": \"e\", \"default\": "
                "null, \"type\": \"18\"}], \"meta-type\": \"object\"}");
    /* A union: a branch-less case gets the empty object. */
    check_entry(list, "5", "{\"name\": \"5\", \"tag\": \"kind\", "
                "\"variants\": [{\"case\": \"circle\", \"type\": \"15\"}, "
                "{\"case\": \"square\", \"type\": \"16\"}, {\"case\": "
                "\"none\", \"type\": \"0\"}], \"members\": [{\"name\": "
                "\"kind\", \"type\": \"14\"}, {\"name\": \"name\", \"type\": "
                "\"str\"}], \"meta-type\": \"object\"}");
    /* An enum has both "members" and "values". */
    check_entry(list, "18", "{\"name\": \"18\", \"members\": [{\"name\": "
                "\"a\"}, {\"name\": \"int\"}, {\"name\": \"old\", "
                "\"features\": [\"deprecated\"]}], \"meta-type\": \"enum\", "
                "\"values\": [\"a\", \"int\", \"old\"]}");
    check_entry(list, "17", "{\"name\": \"17\", \"members\": [{\"type\": "
                "\"int\"}, {\"type\": \"str\"}, {\"type\": \"7\"}], "
                "\"meta-type\": \"alternate\"}");
    check_entry(list, "[7]", "{\"name\": \"[7]\", \"element-type\": \"7\", "
                "\"meta-type\": \"array\"}");
    check_entry(list, "int", "{\"name\": \"int\", \"json-type\": \"int\", "
                "\"meta-type\": \"builtin\"}");
    check_entry(list, "any", "{\"name\": \"any\", \"json-type\": "
                "\"value\", \"meta-type\": \"builtin\"}");
    /* Type names never appear; sized integer types don't either. */
    g_assert_null(entry_text(list, "Outer"));
    g_assert_null(entry_text(list, "int8"));
    g_assert_null(entry_text(list, "q_empty"));
    json_node_unref(list);
}

static char *run(QmpCommandList *cmds, const char *request,
                 MachineInitPhase phase)
{
    JsonNode *req = qjson_parse(request, &error_abort);
    JsonNode *rsp = qmp_dispatch(cmds, req, false, phase);
    char *text = qjson_to_string(rsp, false);

    json_node_unref(rsp);
    json_node_unref(req);
    return text;
}

static void test_real_schema(void)
{
    QmpCommandList *cmds = qmp_command_list_new();
    g_autofree char *phase = NULL;
    g_autofree char *schema = NULL;
    JsonNode *rsp, *list;

    qmp_init_marshal(cmds);
    phase = run(cmds, "{'execute': 'query-machine-phase', 'id': 1}",
                PHASE_NO_MACHINE);
    /* The reported phase is the process's (no machine in this test). */
    g_assert_cmpstr(phase, ==,
                    "{\"return\": {\"phase\": \"no-machine\"}, \"id\": 1}");

    schema = run(cmds, "{'execute': 'query-qmp-schema'}", PHASE_NO_MACHINE);
    rsp = qjson_parse(schema, &error_abort);
    list = json_object_get_member(json_node_get_object(rsp), "return");
    check_entry(list, "query-qmp-schema", "{\"name\": \"query-qmp-schema\", "
                "\"ret-type\": \"[1]\", \"meta-type\": \"command\", "
                "\"arg-type\": \"0\"}");
    check_entry(list, "query-machine-phase", "{\"name\": "
                "\"query-machine-phase\", \"ret-type\": \"2\", "
                "\"meta-type\": \"command\", \"arg-type\": \"0\"}");
    check_entry(list, "[1]", "{\"name\": \"[1]\", \"element-type\": \"1\", "
                "\"meta-type\": \"array\"}");
    check_entry(list, "2", "{\"name\": \"2\", \"members\": [{\"name\": "
                "\"phase\", \"type\": \"11\"}], \"meta-type\": \"object\"}");
    json_node_unref(rsp);
    qmp_command_list_free(cmds);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/qmp/introspect/entries", test_schema_entries);
    g_test_add_func("/qmp/introspect/real-schema", test_real_schema);
    return g_test_run();
}
