/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Tests of schema introspection: the SchemaInfo list generated for
 * tests/unit/qapi-schema-test.json (masked names, "0" the empty object,
 * key order).  The real schema's query-qmp-schema is tested through the
 * binary in tests/functional/test_introspect.py.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qobject/json.h"
#include "test-qapi-introspect.h"

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

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/qmp/introspect/entries", test_schema_entries);
    return g_test_run();
}
