/* SPDX-License-Identifier: GPL-2.0-or-later */
/* QMP request checking, command dispatch and response building. */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qapi/type-helpers.h"
#include "qapi/qmp/dispatch.h"

JsonObject *qmp_dispatch_check_obj(JsonNode *request, bool allow_oob,
                                   Error **errp)
{
    JsonObject *dict;
    const char *exec_key = NULL;
    GList *members, *l;
    bool ok = true;

    if (!request || !JSON_NODE_HOLDS_OBJECT(request)) {
        error_setg(errp, "QMP input must be a JSON object");
        return NULL;
    }
    dict = json_node_get_object(request);

    /* Members are checked in the order QEMU's own hash table yields them. */
    members = qdict_member_order(dict);
    for (l = members; l && ok; l = l->next) {
        const char *key = l->data;
        JsonNode *val = json_object_get_member(dict, key);

        if (!strcmp(key, "execute")
            || (allow_oob && !strcmp(key, "exec-oob"))) {
            if (qapi_json_qtype(val) != QTYPE_QSTRING) {
                error_setg(errp, "QMP input member '%s' must be a string",
                           key);
                ok = false;
            } else if (exec_key) {
                error_setg(errp, "QMP input member '%s' clashes with '%s'",
                           key, exec_key);
                ok = false;
            } else {
                exec_key = key;
            }
        } else if (!strcmp(key, "arguments")) {
            if (!JSON_NODE_HOLDS_OBJECT(val)) {
                error_setg(errp,
                           "QMP input member 'arguments' must be an object");
                ok = false;
            }
        } else if (strcmp(key, "id") != 0) {
            error_setg(errp, "QMP input member '%s' is unexpected", key);
            ok = false;
        }
    }
    g_list_free(members);
    if (!ok) {
        return NULL;
    }
    if (!exec_key) {
        error_setg(errp, "QMP input lacks member 'execute'");
        return NULL;
    }
    return dict;
}

bool qmp_is_oob(JsonObject *request)
{
    return json_object_has_member(request, "exec-oob")
        && !json_object_has_member(request, "execute");
}

JsonNode *qmp_request_id(JsonNode *request)
{
    if (!request || !JSON_NODE_HOLDS_OBJECT(request)) {
        return NULL;
    }
    return json_object_get_member(json_node_get_object(request), "id");
}

/* Run the request; returns false with *errp set on failure. */
static bool do_dispatch(const QmpCommandList *cmds, JsonNode *request,
                        bool allow_oob, MachineInitPhase phase,
                        const QmpCommand **pcmd, JsonNode **ret,
                        Error **errp)
{
    Error *local_err = NULL;
    const QmpCommand *cmd;
    const char *name;
    JsonObject *dict, *args;
    bool oob;

    dict = qmp_dispatch_check_obj(request, allow_oob, errp);
    if (!dict) {
        return false;
    }
    oob = qmp_is_oob(dict);
    name = json_object_get_string_member(dict, oob ? "exec-oob" : "execute");
    cmd = qmp_find_command(cmds, name);
    if (!cmd) {
        error_set(errp, ERROR_CLASS_COMMAND_NOT_FOUND,
                  "The command %s has not been found", name);
        return false;
    }
    *pcmd = cmd;
    if (oob && !(cmd->options & QCO_ALLOW_OOB)) {
        error_setg(errp, "The command %s does not support OOB", name);
        return false;
    }
    if (!cmd->enabled) {
        error_setg(errp, "The command %s has been disabled for this instance",
                   name);
        return false;
    }
    if (!qmp_command_allowed_in_phase(cmd, phase, errp)) {
        return false;
    }

    if (json_object_has_member(dict, "arguments")) {
        args = json_object_ref(json_object_get_object_member(dict,
                                                             "arguments"));
    } else {
        args = json_object_new();
    }
    cmd->fn(args, ret, &local_err);
    json_object_unref(args);
    if (local_err) {
        qapi_json_unref(*ret);
        *ret = NULL;
        error_propagate(errp, local_err);
        return false;
    }
    return true;
}

JsonNode *qmp_dispatch(const QmpCommandList *cmds, JsonNode *request,
                       bool allow_oob, MachineInitPhase phase)
{
    const QmpCommand *cmd = NULL;
    JsonNode *ret = NULL;
    JsonNode *rsp;
    Error *err = NULL;

    if (!do_dispatch(cmds, request, allow_oob, phase, &cmd, &ret, &err)) {
        rsp = qmp_error_response(err, qmp_request_id(request));
        error_free(err);
        return rsp;
    }
    if (cmd->options & QCO_NO_SUCCESS_RESP) {
        qapi_json_unref(ret);
        return NULL;
    }
    if (!ret) {
        ret = json_node_init_object(json_node_alloc(), json_object_new());
        /* json_node_init_object() took its own reference. */
        json_object_unref(json_node_get_object(ret));
    }
    return qmp_success_response(ret, qmp_request_id(request));
}

JsonNode *qmp_error_object(const Error *err)
{
    JsonObject *obj = json_object_new();
    JsonNode *node = json_node_alloc();

    json_object_set_string_member(obj, "class",
                                  error_class_name(error_get_class(err)));
    json_object_set_string_member(obj, "desc", error_get_pretty(err));
    json_node_init_object(node, obj);
    json_object_unref(obj);
    return node;
}

JsonNode *qmp_error_response(const Error *err, JsonNode *id)
{
    JsonObject *obj = json_object_new();
    JsonNode *node = json_node_alloc();

    if (id) {
        json_object_set_member(obj, "id", json_node_copy(id));
    }
    json_object_set_member(obj, "error", qmp_error_object(err));
    json_node_init_object(node, obj);
    json_object_unref(obj);
    return node;
}

JsonNode *qmp_success_response(JsonNode *ret, JsonNode *id)
{
    JsonObject *obj = json_object_new();
    JsonNode *node = json_node_alloc();

    json_object_set_member(obj, "return", ret);
    if (id) {
        json_object_set_member(obj, "id", json_node_copy(id));
    }
    json_node_init_object(node, obj);
    json_object_unref(obj);
    return node;
}
