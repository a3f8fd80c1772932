/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Creating and removing devices from the monitor and the command line:
 * QMP device_add (arguments coerced to strings as QEMU 7.2 does), -device
 * in its key=value form (the same path) and its JSON form (strictly
 * typed), device_del and the DEVICE_DELETED event.
 */
#include "qemu/osdep.h"
#include "hw/qdev-core.h"
#include "hw/sysbus.h"
#include "qapi/error.h"
#include "qapi/input.h"
#include "qapi/qapi-commands.h"
#include "qapi/qapi-events.h"
#include "qemu/cutils.h"
#include "qemu/option.h"
#include "qobject/json.h"
#include "sysemu/sysemu.h"

/*
 * The arguments of one device creation: either lenient strings (@opts,
 * from -device key=value or QMP) or strictly typed JSON (@json, from
 * the JSON form of -device).
 */
typedef struct DeviceArgs {
    QemuOpts *opts;
    JsonObject *json;
    const char *driver;
    const char *bus;
    const char *id;
} DeviceArgs;

static bool is_reserved_arg(const char *name)
{
    return !strcmp(name, "driver") || !strcmp(name, "bus") ||
           !strcmp(name, "id");
}

static DeviceClass *device_class_for_add(const char *driver, Error **errp)
{
    ObjectClass *oc = object_class_by_name(driver);
    DeviceClass *dc;

    if (!oc || !object_class_dynamic_cast(oc, TYPE_DEVICE)) {
        error_setg(errp, "'%s' is not a valid device model name", driver);
        return NULL;
    }
    if (object_class_is_abstract(oc)) {
        error_setg(errp, "Parameter 'driver' expects a non-abstract device "
                   "type");
        return NULL;
    }
    dc = DEVICE_CLASS(oc);
    if (!dc->user_creatable) {
        error_setg(errp, "Parameter 'driver' expects a pluggable device "
                   "type");
        return NULL;
    }
    return dc;
}

static BusState *find_bus(const char *path, Error **errp)
{
    BusState *main_bus = sysbus_get_default();
    Object *obj;

    if (!strcmp(path, main_bus->name)) {
        return main_bus;
    }
    obj = object_resolve_path_type(path, TYPE_BUS, NULL);
    if (!obj) {
        error_setg(errp, "Bus '%s' not found", path);
        return NULL;
    }
    return BUS(obj);
}

static bool device_set_args(DeviceState *dev, DeviceArgs *a, Error **errp)
{
    Object *obj = OBJECT(dev);

    if (a->opts) {
        size_t i;

        for (i = 0; i < qemu_opts_count(a->opts); i++) {
            const QemuOpt *opt = qemu_opts_nth(a->opts, i);

            if (!is_reserved_arg(opt->name) &&
                !object_property_parse(obj, opt->name, opt->str, errp)) {
                return false;
            }
        }
    } else {
        GList *members = json_object_get_members(a->json), *l;
        bool ok = true;

        for (l = members; l && ok; l = l->next) {
            const char *key = l->data;

            if (!is_reserved_arg(key)) {
                ok = object_property_set(obj, key,
                                         json_object_get_member(a->json,
                                                                key),
                                         errp);
            }
        }
        g_list_free(members);
        return ok;
    }
    return true;
}

/*
 * Check, create, place, configure and realize the device; returns it
 * (referenced by the tree only) or NULL with nothing left behind.
 */
static DeviceState *device_add_common(DeviceArgs *a, bool step_to_init,
                                      Error **errp)
{
    DeviceClass *dc;
    BusState *bus = NULL;
    DeviceState *dev;
    Object *parent;

    if (a->id && !id_wellformed(a->id)) {
        error_setg(errp, "Parameter 'id' expects an identifier");
        error_append_hint(errp, "Identifiers consist of letters, digits, "
                          "'-', '.', '_', starting with a letter.\n");
        return NULL;
    }
    if (!a->driver) {
        error_setg(errp, "Parameter 'driver' is missing");
        return NULL;
    }
    dc = device_class_for_add(a->driver, errp);
    if (!dc) {
        return NULL;
    }
    if (step_to_init && !phase_check(PHASE_MACHINE_INITIALIZED) &&
        !qemu_machine_advance(PHASE_MACHINE_INITIALIZED, errp)) {
        return NULL;
    }
    if (a->bus) {
        bus = find_bus(a->bus, errp);
        if (!bus) {
            return NULL;
        }
        if (!dc->bus_type || !object_dynamic_cast(OBJECT(bus),
                                                  dc->bus_type)) {
            error_setg(errp, "Device '%s' can't go on %s bus", a->driver,
                       object_get_typename(OBJECT(bus)));
            return NULL;
        }
    } else if (dc->bus_type) {
        bus = sysbus_get_default();
        if (!object_dynamic_cast(OBJECT(bus), dc->bus_type)) {
            error_setg(errp, "No '%s' bus found for device '%s'",
                       dc->bus_type, a->driver);
            return NULL;
        }
    }
    if (phase_check(PHASE_MACHINE_READY)) {
        if (bus && !bus->hotplug_allowed) {
            error_setg(errp, "Bus '%s' does not support hotplugging",
                       bus->name);
            return NULL;
        }
        if (!bus && !dc->hotpluggable) {
            error_setg(errp, "Device '%s' can not be hotplugged on this "
                       "machine", a->driver);
            return NULL;
        }
    }

    dev = qdev_new(a->driver);
    if (a->id) {
        parent = container_get(object_get_root(), "/machine/peripheral");
        if (object_resolve_path_component(parent, a->id)) {
            error_setg(errp, "Duplicate device ID '%s'", a->id);
            object_unref(dev);
            return NULL;
        }
        dev->id = g_strdup(a->id);
        object_property_add_child(parent, a->id, OBJECT(dev));
    } else {
        parent = container_get(object_get_root(), "/machine/peripheral-anon");
        object_property_add_child(parent, "device[*]", OBJECT(dev));
    }
    object_unref(dev);      /* the tree holds it now */

    if (!device_set_args(dev, a, errp) || !qdev_realize(dev, bus, errp)) {
        object_unparent(OBJECT(dev));
        return NULL;
    }
    return dev;
}

static bool json_get_str_arg(JsonObject *args, const char *name,
                             const char **out, Error **errp)
{
    JsonNode *node = json_object_get_member(args, name);

    *out = NULL;
    if (!node) {
        return true;
    }
    return qinput_str(node, name, out, errp);
}

void qmp_device_add(JsonObject *args, JsonNode **ret, Error **errp)
{
    g_autoptr(QemuOpts) opts = qemu_opts_from_qmp_args(args, errp);
    DeviceArgs a = { .opts = opts };

    if (!opts) {
        return;
    }
    a.driver = qemu_opt_get(opts, "driver");
    a.bus = qemu_opt_get(opts, "bus");
    a.id = qemu_opts_id(opts);
    device_add_common(&a, true, errp);
}

bool qemu_create_cli_device(const char *optarg, Error **errp)
{
    DeviceArgs a = { 0 };
    bool ok;

    if (optarg[0] == '{') {
        g_autoptr(JsonNode) node = qjson_parse(optarg, errp);

        if (!node) {
            return false;
        }
        if (!JSON_NODE_HOLDS_OBJECT(node)) {
            error_setg(errp, "Invalid parameter type, expected: object");
            return false;
        }
        a.json = json_node_get_object(node);
        if (!json_get_str_arg(a.json, "id", &a.id, errp) ||
            !json_get_str_arg(a.json, "driver", &a.driver, errp) ||
            !json_get_str_arg(a.json, "bus", &a.bus, errp)) {
            return false;
        }
        return device_add_common(&a, false, errp) != NULL;
    }
    a.opts = qemu_opts_parse(optarg, "driver", errp);
    if (!a.opts) {
        return false;
    }
    a.driver = qemu_opt_get(a.opts, "driver");
    a.bus = qemu_opt_get(a.opts, "bus");
    a.id = qemu_opts_id(a.opts);
    ok = device_add_common(&a, false, errp) != NULL;
    qemu_opts_free(a.opts);
    return ok;
}

void qmp_device_del(const char *id, Error **errp)
{
    DeviceState *dev;
    Object *obj;
    g_autofree char *path = NULL;
    g_autofree char *dev_id = NULL;

    if (id[0] == '/') {
        obj = object_resolve_path(id, NULL);
    } else {
        obj = object_resolve_path("/machine/peripheral", NULL);
        obj = obj ? object_resolve_path_component(obj, id) : NULL;
    }
    if (!obj) {
        error_set(errp, ERROR_CLASS_DEVICE_NOT_FOUND,
                  "Device '%s' not found", id);
        return;
    }
    if (!object_dynamic_cast(obj, TYPE_DEVICE)) {
        error_setg(errp, "%s is not a hotpluggable device", id);
        return;
    }
    dev = DEVICE(obj);
    if (dev->parent_bus && !dev->parent_bus->hotplug_allowed) {
        error_setg(errp, "Bus '%s' does not support hotplugging",
                   dev->parent_bus->name);
        return;
    }
    if (!DEVICE_GET_CLASS(dev)->hotpluggable) {
        error_setg(errp, "Device '%s' does not support hotplugging",
                   object_get_typename(obj));
        return;
    }
    path = object_get_canonical_path(obj);
    dev_id = g_strdup(dev->id);
    object_unparent(obj);
    qapi_event_send_device_deleted(dev_id, path);
}
