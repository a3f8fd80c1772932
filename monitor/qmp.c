/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The QMP server on a chardev: greeting, capabilities negotiation, a
 * streaming JSON parser feeding the dispatcher, responses and events
 * serialised with "\r\n" line ends.  Every connection starts afresh: new
 * greeting, new negotiation, empty parser.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qapi/qapi-commands.h"
#include "hw/qdev-core.h"
#include "monitor-internal.h"

/* Until qmp_capabilities succeeds, only this list is consulted. */
static QmpCommandList *qmp_cap_negotiation_commands;

void monitor_qmp_caps_init(void)
{
    if (qmp_cap_negotiation_commands) {
        return;
    }
    qmp_cap_negotiation_commands = qmp_command_list_new();
    qmp_register_command(qmp_cap_negotiation_commands, "qmp_capabilities",
                         qmp_marshal_qmp_capabilities, QCO_ALLOW_PRECONFIG,
                         QMP_PHASES_ALL, 0);
}

void monitor_qmp_caps_cleanup(void)
{
    qmp_command_list_free(qmp_cap_negotiation_commands);
    qmp_cap_negotiation_commands = NULL;
}

Monitor *monitor_qmp_cur(void)
{
    Monitor *mon = monitor_cur();

    return mon && mon->is_qmp ? mon : NULL;
}

void monitor_qmp_set_negotiated(Monitor *mon, bool oob)
{
    mon->negotiated = true;
    mon->oob_enabled = oob;
}

/* Output */

static void qmp_send(Monitor *mon, JsonNode *msg)
{
    char *text = qjson_to_string(msg, mon->pretty);

    monitor_puts(mon, text);
    monitor_puts(mon, "\n");
    g_free(text);
}

void monitor_qmp_send_event(Monitor *mon, JsonNode *event)
{
    qmp_send(mon, event);
}

static void qmp_send_greeting(Monitor *mon)
{
    VersionInfo *info = qmp_query_version(&error_abort);
    JsonObject *qmp = json_object_new();
    JsonObject *top = json_object_new();
    JsonArray *caps = json_array_new();
    JsonNode *node;

    json_object_set_member(qmp, "version", qapi_output_VersionInfo(info));
    if (mon->oob_offered) {
        json_array_add_string_element(caps, "oob");
    }
    json_object_set_array_member(qmp, "capabilities", caps);
    json_object_set_object_member(top, "QMP", qmp);
    node = json_node_init_object(json_node_alloc(), top);
    json_object_unref(top);
    qmp_send(mon, node);
    json_node_unref(node);
    qapi_free_VersionInfo(info);
}

/* Input */

/* Is @rsp an error response of class CommandNotFound? */
static bool is_command_not_found(JsonNode *rsp)
{
    JsonObject *obj, *err;
    const char *cls;

    if (!rsp || !JSON_NODE_HOLDS_OBJECT(rsp)) {
        return false;
    }
    obj = json_node_get_object(rsp);
    if (!json_object_has_member(obj, "error")) {
        return false;
    }
    err = json_object_get_object_member(obj, "error");
    cls = err ? json_object_get_string_member(err, "class") : NULL;
    return cls && !strcmp(cls, "CommandNotFound");
}

static void qmp_handle_request(Monitor *mon, JsonNode *req)
{
    const QmpCommandList *cmds = mon->negotiated
        ? qmp_commands : qmp_cap_negotiation_commands;
    Monitor *old = monitor_set_cur(mon);
    JsonNode *rsp;

    rsp = qmp_dispatch(cmds, req, mon->oob_enabled, phase_get());
    monitor_set_cur(old);

    if (cmds == qmp_cap_negotiation_commands && is_command_not_found(rsp)) {
        Error *err = NULL;

        error_set(&err, ERROR_CLASS_COMMAND_NOT_FOUND,
                  "Expecting capabilities negotiation with "
                  "'qmp_capabilities'");
        json_node_unref(rsp);
        rsp = qmp_error_response(err, qmp_request_id(req));
        error_free(err);
    }
    if (rsp) {
        qmp_send(mon, rsp);
        json_node_unref(rsp);
    }
}

static void qmp_json_emit(void *opaque, JsonNode *value, Error *err)
{
    Monitor *mon = opaque;

    if (mon->drop_input) {
        /* left over from a connection that has gone */
    } else if (err) {
        JsonNode *rsp = qmp_error_response(err, NULL);

        qmp_send(mon, rsp);
        json_node_unref(rsp);
    } else {
        qmp_handle_request(mon, value);
    }
    if (value) {
        json_node_unref(value);
    }
    error_free(err);
}

static void qmp_parser_reset(Monitor *mon)
{
    if (mon->in_feed) {
        /* the parser is busy: drop the rest, renew it afterwards */
        mon->drop_input = true;
        return;
    }
    json_message_parser_free(mon->parser);
    mon->parser = json_message_parser_new(qmp_json_emit, mon);
    mon->drop_input = false;
}

static int qmp_can_read(void *opaque)
{
    Monitor *mon = opaque;

    return mon->suspend_cnt ? 0 : CHR_READ_BUF_LEN;
}

static void qmp_read(void *opaque, const uint8_t *buf, int size)
{
    Monitor *mon = opaque;

    mon->in_feed = true;
    json_message_parser_feed(mon->parser, (const char *)buf, size);
    mon->in_feed = false;
    if (mon->drop_input) {
        qmp_parser_reset(mon);
    }
}

static void qmp_event(void *opaque, QEMUChrEvent event)
{
    Monitor *mon = opaque;

    switch (event) {
    case CHR_EVENT_OPENED:
        mon->negotiated = false;
        mon->oob_enabled = false;
        qmp_parser_reset(mon);
        mon->reset_seen = true;
        qmp_send_greeting(mon);
        break;
    case CHR_EVENT_CLOSED:
        mon->negotiated = false;
        mon->oob_enabled = false;
        g_string_truncate(mon->outbuf, 0);
        qmp_parser_reset(mon);
        break;
    case CHR_EVENT_MUX_IN:
        mon->mux_out = false;
        monitor_flush(mon);
        break;
    case CHR_EVENT_MUX_OUT:
        mon->mux_out = true;
        break;
    case CHR_EVENT_BREAK:
        break;
    }
}

void monitor_qmp_setup(Monitor *mon)
{
    mon->parser = json_message_parser_new(qmp_json_emit, mon);
    qemu_chr_fe_set_handlers(&mon->chr, qmp_can_read, qmp_read, qmp_event,
                             mon);
}

void monitor_qmp_destroy(Monitor *mon)
{
    json_message_parser_free(mon->parser);
    mon->parser = NULL;
}
