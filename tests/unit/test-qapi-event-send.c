/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Tests of the generated event senders of tests/unit/qapi-schema-test.json:
 * each qapi_event_send_*() must hand the right event and data to
 * test_qapi_event_emit().
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qobject/json.h"
#include "test-qapi-events.h"

static test_QAPIEvent last_event = test_QAPIEvent__MAX;
static char *last_data;
static int emitted;

void test_qapi_event_emit(test_QAPIEvent event, JsonObject *data)
{
    JsonNode *node;

    last_event = event;
    g_free(last_data);
    last_data = NULL;
    if (data) {
        node = json_node_init_object(json_node_alloc(), data);
        last_data = qjson_to_string(node, false);
        json_node_unref(node);
    }
    emitted++;
}

static void test_event_without_data(void)
{
    qapi_event_send_event_a();
    g_assert_cmpint(last_event, ==, TEST_QAPI_EVENT_EVENT_A);
    g_assert_null(last_data);
    g_assert_cmpstr(test_QAPIEvent_lookup.array[last_event], ==, "EVENT_A");
}

static void test_event_with_data(void)
{
    qapi_event_send_event_b("dev0", true, 3, KIND_SQUARE);
    g_assert_cmpint(last_event, ==, TEST_QAPI_EVENT_EVENT_B);
    g_assert_cmpstr(last_data, ==,
                    "{\"name\": \"dev0\", \"count\": 3, \"kind\": \"square\"}");

    /* Absent optional members are left out; the data object stays. */
    qapi_event_send_event_b(NULL, false, 0, KIND_CIRCLE);
    g_assert_cmpstr(last_data, ==, "{\"kind\": \"circle\"}");
}

static void test_event_boxed(void)
{
    Inner inner = { .integer = 5, .string = (char *)"boxed" };

    qapi_event_send_event_c(&inner);
    g_assert_cmpint(last_event, ==, TEST_QAPI_EVENT_EVENT_C);
    g_assert_cmpstr(last_data, ==,
                    "{\"integer\": 5, \"string\": \"boxed\"}");
    g_assert_cmpint(emitted, ==, 4);
}

int main(int argc, char **argv)
{
    int ret;

    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/qapi/event/without-data", test_event_without_data);
    g_test_add_func("/qapi/event/with-data", test_event_with_data);
    g_test_add_func("/qapi/event/boxed", test_event_boxed);
    ret = g_test_run();
    g_free(last_data);
    return ret;
}
