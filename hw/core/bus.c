/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The abstract bus type.  A bus lists the devices plugged into it (newest
 * first, the order "info qtree" prints); qdev_realize() plugs a device in
 * and unparenting it unplugs it (hw/core/qdev.c).
 */
#include "qemu/osdep.h"
#include "hw/qdev-core.h"

static void bus_finalize(Object *obj)
{
    BusState *bus = BUS(obj);
    GSList *l;

    /* devices outliving their bus must not point at it */
    for (l = bus->children; l; l = l->next) {
        DeviceState *dev = l->data;

        dev->parent_bus = NULL;
    }
    g_slist_free(bus->children);
    bus->children = NULL;
    g_free(bus->name);
}

static const TypeInfo bus_type_info = {
    .name = TYPE_BUS,
    .parent = TYPE_OBJECT,
    .abstract = true,
    .instance_size = sizeof(BusState),
    .instance_finalize = bus_finalize,
    .class_size = sizeof(BusClass),
};

static void bus_register_types(void)
{
    type_register_static(&bus_type_info);
}

type_init(bus_register_types)
