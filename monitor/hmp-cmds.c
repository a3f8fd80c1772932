/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The human monitor's commands: help, info and its subcommands, and thin
 * wrappers over QMP commands (stop, cont, quit, qom-*...) that print the
 * results as QEMU's HMP does.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qapi/qapi-commands.h"
#include "qemu/error-report.h"
#include "qobject/json.h"
#include "qom/object.h"
#include "hw/qdev-core.h"
#include "exec/memory.h"
#include "hw/core/cpu.h"
#include "exec/cpu-exec.h"
#include "sysemu/accel.h"
#include "sysemu/runstate.h"
#include "monitor/hmp.h"
#include "monitor-internal.h"

JsonNode *hmp_qmp_call(const char *name, JsonObject *args, Error **errp)
{
    JsonObject *req = json_object_new();
    JsonNode *req_node, *rsp, *ret = NULL;
    JsonObject *rsp_obj;

    json_object_set_string_member(req, "execute", name);
    if (args) {
        json_object_set_object_member(req, "arguments",
                                      json_object_ref(args));
    }
    req_node = json_node_init_object(json_node_alloc(), req);
    json_object_unref(req);
    rsp = qmp_dispatch(qmp_commands, req_node, false, phase_get());
    json_node_unref(req_node);
    if (!rsp) {
        /* a command without success response */
        return json_node_init_object(json_node_alloc(), json_object_new());
    }
    rsp_obj = json_node_get_object(rsp);
    if (json_object_has_member(rsp_obj, "return")) {
        ret = json_node_copy(json_object_get_member(rsp_obj, "return"));
    } else {
        JsonObject *err = json_object_get_object_member(rsp_obj, "error");

        error_setg(errp, "%s", json_object_get_string_member(err, "desc"));
    }
    json_node_unref(rsp);
    return ret;
}

void hmp_handle_error(Monitor *mon, Error *err)
{
    if (err) {
        error_report("Error: %s", error_get_pretty(err));
        error_free(err);
    }
}

/* Run QMP command @name without arguments, printing its error if any. */
static void hmp_simple_qmp(Monitor *mon, const char *name)
{
    Error *err = NULL;
    JsonNode *ret = hmp_qmp_call(name, NULL, &err);

    if (ret) {
        json_node_unref(ret);
    }
    hmp_handle_error(mon, err);
}

static const char *args_str(JsonObject *args, const char *name)
{
    return json_object_has_member(args, name)
        ? json_object_get_string_member(args, name) : NULL;
}

static bool args_flag(JsonObject *args, const char *name)
{
    return json_object_has_member(args, name);
}

/* Top-level commands */

static void hmp_help(Monitor *mon, JsonObject *args)
{
    hmp_help_cmd(mon, args_str(args, "name"));
}

static void hmp_info_help(Monitor *mon, JsonObject *args)
{
    hmp_help_cmd(mon, "info");
}

static void hmp_quit(Monitor *mon, JsonObject *args)
{
    /* no more input and no prompt: the process is going away */
    monitor_suspend(mon);
    hmp_simple_qmp(mon, "quit");
}

static void hmp_stop(Monitor *mon, JsonObject *args)
{
    hmp_simple_qmp(mon, "stop");
}

static void hmp_cont(Monitor *mon, JsonObject *args)
{
    hmp_simple_qmp(mon, "cont");
}

static void hmp_system_reset(Monitor *mon, JsonObject *args)
{
    hmp_simple_qmp(mon, "system_reset");
}

static void hmp_exit_preconfig(Monitor *mon, JsonObject *args)
{
    hmp_simple_qmp(mon, "x-exit-preconfig");
}

static void hmp_qom_list(Monitor *mon, JsonObject *args)
{
    const char *path = args_str(args, "path");
    JsonObject *qargs;
    JsonNode *ret;
    Error *err = NULL;

    if (!path) {
        monitor_printf(mon, "/\n");
        return;
    }
    qargs = json_object_new();
    json_object_set_string_member(qargs, "path", path);
    ret = hmp_qmp_call("qom-list", qargs, &err);
    json_object_unref(qargs);
    if (ret && JSON_NODE_HOLDS_ARRAY(ret)) {
        JsonArray *list = json_node_get_array(ret);

        for (guint i = 0; i < json_array_get_length(list); i++) {
            JsonObject *p = json_array_get_object_element(list, i);

            monitor_printf(mon, "%s (%s)\n",
                           json_object_get_string_member(p, "name"),
                           json_object_get_string_member(p, "type"));
        }
    }
    if (ret) {
        json_node_unref(ret);
    }
    hmp_handle_error(mon, err);
}

static void hmp_qom_get(Monitor *mon, JsonObject *args)
{
    JsonNode *ret;
    Error *err = NULL;

    ret = hmp_qmp_call("qom-get", args, &err);
    if (ret) {
        char *text = qjson_to_string(ret, true);

        monitor_printf(mon, "%s\n", text);
        g_free(text);
        json_node_unref(ret);
    }
    hmp_handle_error(mon, err);
}

static void hmp_qom_set(Monitor *mon, JsonObject *args)
{
    const char *path = args_str(args, "path");
    const char *property = args_str(args, "property");
    const char *value = args_str(args, "value");
    Error *err = NULL;

    if (!args_flag(args, "json")) {
        bool ambiguous = false;
        Object *obj = object_resolve_path(path, &ambiguous);

        if (!obj) {
            error_set(&err, ERROR_CLASS_DEVICE_NOT_FOUND,
                      "Device '%s' not found", path);
        } else {
            if (ambiguous) {
                monitor_printf(mon, "Warning: Path '%s' is ambiguous\n",
                               path);
            }
            object_property_parse(obj, property, value, &err);
        }
    } else {
        JsonNode *node = qjson_parse(value, &err);

        if (node) {
            JsonObject *qargs = json_object_new();
            JsonNode *ret;

            json_object_set_string_member(qargs, "path", path);
            json_object_set_string_member(qargs, "property", property);
            json_object_set_member(qargs, "value", node);
            ret = hmp_qmp_call("qom-set", qargs, &err);
            json_object_unref(qargs);
            if (ret) {
                json_node_unref(ret);
            }
        }
    }
    hmp_handle_error(mon, err);
}

/* info subcommands */

static void hmp_info_version(Monitor *mon, JsonObject *args)
{
    VersionInfo *info = qmp_query_version(NULL);

    monitor_printf(mon, "%" PRId64 ".%" PRId64 ".%" PRId64 "%s\n",
                   info->qemu->major, info->qemu->minor, info->qemu->micro,
                   info->package);
    qapi_free_VersionInfo(info);
}

static void hmp_info_status(Monitor *mon, JsonObject *args)
{
    Error *err = NULL;
    JsonNode *ret = hmp_qmp_call("query-status", NULL, &err);
    JsonObject *info;
    bool running;
    const char *status;

    if (!ret) {
        hmp_handle_error(mon, err);
        return;
    }
    info = json_node_get_object(ret);
    running = json_object_get_boolean_member(info, "running");
    status = json_object_get_string_member(info, "status");
    monitor_printf(mon, "VM status: %s%s", running ? "running" : "paused",
                   json_object_get_boolean_member_with_default(
                       info, "singlestep", false)
                   ? " (single step mode)" : "");
    if (!running && status && strcmp(status, "paused") != 0) {
        monitor_printf(mon, " (%s)", status);
    }
    monitor_printf(mon, "\n");
    json_node_unref(ret);
}

static void hmp_info_chardev(Monitor *mon, JsonObject *args)
{
    JsonNode *ret = qemu_chr_query();
    JsonArray *list = json_node_get_array(ret);

    for (guint i = 0; i < json_array_get_length(list); i++) {
        JsonObject *c = json_array_get_object_element(list, i);

        monitor_printf(mon, "%s: filename=%s\n",
                       json_object_get_string_member(c, "label"),
                       json_object_get_string_member(c, "filename"));
    }
    json_node_unref(ret);
}

static gint child_name_compare(gconstpointer a, gconstpointer b)
{
    char *na = object_get_canonical_path_component(*(Object *const *)a);
    char *nb = object_get_canonical_path_component(*(Object *const *)b);
    gint r = g_strcmp0(na, nb);

    g_free(na);
    g_free(nb);
    return r;
}

static int collect_child(Object *child, void *opaque)
{
    g_ptr_array_add(opaque, child);
    return 0;
}

static void print_qom_composition(Monitor *mon, Object *obj, int indent)
{
    GPtrArray *children = g_ptr_array_new();
    char *name = obj == object_get_root()
        ? g_strdup("") : object_get_canonical_path_component(obj);

    monitor_printf(mon, "%*s/%s (%s)\n", indent, "", name ? name : "",
                   object_get_typename(obj));
    g_free(name);
    object_child_foreach(obj, collect_child, children);
    g_ptr_array_sort(children, child_name_compare);
    for (guint i = 0; i < children->len; i++) {
        print_qom_composition(mon, g_ptr_array_index(children, i),
                              indent + 2);
    }
    g_ptr_array_free(children, true);
}

static void hmp_info_qom_tree(Monitor *mon, JsonObject *args)
{
    const char *path = args_str(args, "path");
    bool ambiguous = false;
    Object *obj;

    if (path) {
        obj = object_resolve_path(path, &ambiguous);
        if (!obj) {
            monitor_printf(mon, "Path '%s' could not be resolved.\n", path);
            return;
        }
        if (ambiguous) {
            monitor_printf(mon, "Warning: Path '%s' is ambiguous.\n", path);
            return;
        }
    } else {
        obj = object_resolve_path_component(object_get_root(), "machine");
        if (!obj) {
            return;
        }
    }
    print_qom_composition(mon, obj, 0);
}

static void hmp_info_qtree(Monitor *mon, JsonObject *args)
{
    g_autoptr(GString) buf = g_string_new(NULL);

    qdev_info_qtree(buf, args_flag(args, "brief"));
    monitor_printf(mon, "%s", buf->str);
}

static void hmp_info_mtree(Monitor *mon, JsonObject *args)
{
    g_autoptr(GString) buf = g_string_new(NULL);

    mtree_info(buf, args_flag(args, "flatview"), args_flag(args, "owner"),
               args_flag(args, "disabled"));
    monitor_puts(mon, buf->str);
}

static void hmp_dump_cpu(Monitor *mon, CPUState *cs)
{
    g_autoptr(GString) buf = g_string_new(NULL);

    CPU_GET_CLASS(cs)->dump_state(cs, buf, CPU_DUMP_FPU);
    monitor_printf(mon, "\nCPU#%d\n%s", cs->cpu_index, buf->str);
}

/*
 * QEMU's layout: "CPU#N" then the target's dump, for one or all CPUs.
 * A running machine is paused at a block boundary for the dump, so the
 * registers are read while no hart writes them.
 */
static void hmp_info_registers(Monitor *mon, JsonObject *args)
{
    const char *vcpu = args_str(args, "vcpu");
    bool running = runstate_is_running() && tcg_enabled();
    CPUState *cs;

    if (running) {
        cpus_pause();
    }
    if (args_flag(args, "cpustate_all")) {
        CPU_FOREACH(cs) {
            hmp_dump_cpu(mon, cs);
        }
    } else {
        cs = qemu_get_cpu(vcpu ? atoi(vcpu) : mon->cur_cpu);
        if (cs) {
            hmp_dump_cpu(mon, cs);
        } else {
            monitor_printf(mon, "No CPU available\n");
        }
    }
    if (running) {
        cpus_resume();
    }
}

/* Tables; help sorts them by name. */

const HMPCommand hmp_info_cmds[] = {
    {
        .name = "chardev", .args_type = "", .params = "",
        .help = "show the character devices",
        .cmd = hmp_info_chardev, .preconfig = true,
    },
    {
        .name = "mtree",
        .args_type = "flatview:-f,dispatch_tree:-d,owner:-o,disabled:-D",
        .params = "[-f][-d][-o][-D]",
        .help = "show memory tree (-f: dump flat view for address spaces;"
                "-d: dump dispatch tree, valid with -f only);"
                "-o: dump region owners/parents;"
                "-D: dump disabled regions",
        .cmd = hmp_info_mtree,
    },
    {
        .name = "qom-tree", .args_type = "path:s?", .params = "[path]",
        .help = "show QOM composition tree",
        .cmd = hmp_info_qom_tree, .preconfig = true,
    },
    {
        .name = "qtree", .args_type = "brief:-b", .params = "[-b]",
        .help = "show device tree (-b: brief, omit properties)",
        .cmd = hmp_info_qtree,
    },
    {
        .name = "registers", .args_type = "cpustate_all:-a,vcpu:s?",
        .params = "[-a|vcpu]",
        .help = "show the cpu registers (-a: show register info for all "
                "cpus; vcpu: specific vCPU to query; show the current "
                "CPU's registers if no argument is specified)",
        .cmd = hmp_info_registers,
    },
    {
        .name = "status", .args_type = "", .params = "",
        .help = "show the current VM status (running|paused)",
        .cmd = hmp_info_status, .qmp = "query-status", .preconfig = true,
    },
    {
        .name = "version", .args_type = "", .params = "",
        .help = "show the version of QEMU",
        .cmd = hmp_info_version, .preconfig = true,
    },
    { .name = NULL },
};

const HMPCommand hmp_cmds[] = {
    {
        .name = "cont|c", .args_type = "", .params = "",
        .help = "resume emulation",
        .cmd = hmp_cont, .qmp = "cont",
    },
    {
        .name = "exit_preconfig", .args_type = "", .params = "",
        .help = "exit the preconfig state",
        .cmd = hmp_exit_preconfig, .qmp = "x-exit-preconfig",
        .preconfig = true,
    },
    {
        .name = "help|?", .args_type = "name:S?", .params = "[cmd]",
        .help = "show the help",
        .cmd = hmp_help, .preconfig = true,
    },
    {
        .name = "info", .args_type = "item:s?", .params = "[subcommand]",
        .help = "show various information about the system state",
        .cmd = hmp_info_help, .preconfig = true,
        .sub_table = hmp_info_cmds,
    },
    {
        .name = "qom-get", .args_type = "path:s,property:s",
        .params = "path property",
        .help = "print QOM property",
        .cmd = hmp_qom_get, .qmp = "qom-get", .preconfig = true,
    },
    {
        .name = "qom-list", .args_type = "path:s?", .params = "path",
        .help = "list QOM properties",
        .cmd = hmp_qom_list, .qmp = "qom-list", .preconfig = true,
    },
    {
        .name = "qom-set", .args_type = "json:-j,path:s,property:s,value:S",
        .params = "[-j] path property value",
        .help = "set QOM property.\n\t\t\t"
                "-j: the value is specified in json format.",
        .cmd = hmp_qom_set, .qmp = "qom-set", .preconfig = true,
    },
    {
        .name = "quit|q", .args_type = "", .params = "",
        .help = "quit the emulator",
        .cmd = hmp_quit, .qmp = "quit", .preconfig = true,
    },
    {
        .name = "stop|s", .args_type = "", .params = "",
        .help = "stop emulation",
        .cmd = hmp_stop, .qmp = "stop",
    },
    {
        .name = "system_reset", .args_type = "", .params = "",
        .help = "reset the system",
        .cmd = hmp_system_reset, .qmp = "system_reset",
    },
    {
        .name = "xp", .args_type = "fmt:/,addr:l", .params = "/fmt addr",
        .help = "physical memory dump starting at 'addr'",
        .cmd = hmp_xp,
    },
    { .name = NULL },
};
