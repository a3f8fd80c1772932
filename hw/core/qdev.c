/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The abstract device type.  For now it carries what introspection and
 * "-device help" need; realize, reset and GPIOs come with the qdev work.
 */
#include "qemu/osdep.h"
#include "hw/qdev-help.h"
#include "qapi/error.h"
#include "qemu/option.h"
#include "sysemu/sysemu.h"

static const char *const category_names[DEVICE_CATEGORY_MAX] = {
    [DEVICE_CATEGORY_BRIDGE] = "Controller/Bridge/Hub",
    [DEVICE_CATEGORY_USB] = "USB",
    [DEVICE_CATEGORY_STORAGE] = "Storage",
    [DEVICE_CATEGORY_NETWORK] = "Network",
    [DEVICE_CATEGORY_INPUT] = "Input",
    [DEVICE_CATEGORY_DISPLAY] = "Display",
    [DEVICE_CATEGORY_SOUND] = "Sound",
    [DEVICE_CATEGORY_MISC] = "Misc",
    [DEVICE_CATEGORY_CPU] = "CPU",
    [DEVICE_CATEGORY_WATCHDOG] = "Watchdog",
};

static gint device_class_cmp(gconstpointer a, gconstpointer b)
{
    return strcmp(object_class_get_name((ObjectClass *)a),
                  object_class_get_name((ObjectClass *)b));
}

static void print_device(FILE *f, DeviceClass *dc)
{
    fprintf(f, "name \"%s\"", object_class_get_name(OBJECT_CLASS(dc)));
    if (dc->bus_type) {
        fprintf(f, ", bus %s", dc->bus_type);
    }
    if (dc->desc) {
        fprintf(f, ", desc \"%s\"", dc->desc);
    }
    fprintf(f, "\n");
}

/* Print the block of @cat (or the uncategorised one when @cat is MAX). */
static bool print_category(FILE *f, GSList *list, int cat, bool first)
{
    bool printed = false;
    GSList *el;

    for (el = list; el; el = el->next) {
        DeviceClass *dc = el->data;
        bool in = cat == DEVICE_CATEGORY_MAX ? dc->categories == 0
                                             : dc->categories & (1ul << cat);

        if (!dc->user_creatable || !in) {
            continue;
        }
        if (!printed) {
            fprintf(f, "%s%s devices:\n", first ? "" : "\n",
                    cat == DEVICE_CATEGORY_MAX ? "Uncategorized"
                                               : category_names[cat]);
            printed = true;
        }
        print_device(f, dc);
    }
    return printed;
}

void qdev_print_device_list(FILE *f)
{
    GSList *list = object_class_get_list(TYPE_DEVICE, false);
    bool first = true;
    int cat;

    list = g_slist_sort(list, device_class_cmp);
    for (cat = 0; cat <= DEVICE_CATEGORY_MAX; cat++) {
        if (print_category(f, list, cat, first)) {
            first = false;
        }
    }
    g_slist_free(list);
}

bool qemu_create_cli_device(const char *optarg, Error **errp)
{
    g_autoptr(QemuOpts) opts = qemu_opts_parse(optarg, "driver", errp);
    const char *driver;
    ObjectClass *oc;

    if (!opts) {
        return false;
    }
    driver = qemu_opt_get(opts, "driver");
    if (!driver) {
        error_setg(errp, "Parameter 'driver' is missing");
        return false;
    }
    oc = object_class_by_name(driver);
    if (!oc || !object_class_dynamic_cast(oc, TYPE_DEVICE) ||
        object_class_is_abstract(oc) || !DEVICE_CLASS(oc)->user_creatable) {
        error_setg(errp, "'%s' is not a valid device model name", driver);
        return false;
    }
    /* TODO: realize and cold-plug, with the qdev layer (device_add) */
    error_setg(errp, "Device '%s' cannot be created yet", driver);
    return false;
}

static void device_class_init(ObjectClass *oc, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(oc);

    dc->user_creatable = true;
}

static void device_finalize(Object *obj)
{
    g_free(DEVICE(obj)->id);
}

static const TypeInfo device_type_info = {
    .name = TYPE_DEVICE,
    .parent = TYPE_OBJECT,
    .abstract = true,
    .instance_size = sizeof(DeviceState),
    .instance_finalize = device_finalize,
    .class_size = sizeof(DeviceClass),
    .class_init = device_class_init,
};

static void qdev_register_types(void)
{
    type_register_static(&device_type_info);
}

type_init(qdev_register_types)
