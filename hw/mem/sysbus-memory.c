/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * "sysbus-memory": RAM or ROM as a user-creatable sysbus device.  See
 * include/hw/mem/sysbus-memory.h and docs/system/devices.md.
 */
#include "qemu/osdep.h"
#include "hw/mem/sysbus-memory.h"
#include "hw/qdev-properties.h"
#include "qapi/error.h"

static void sysbus_memory_realize(DeviceState *dev, Error **errp)
{
    SysBusMemoryState *s = SYSBUS_MEMORY(dev);
    g_autofree char *name = NULL;
    bool ok;

    /* GreenSocs' texts, trailing full stops included */
    if (!s->size) {
        error_setg(errp, "'size' must be non-zero.");
        return;
    }
    /* the id makes the region name unique */
    if (!dev->id) {
        error_setg(errp, "system-memory device must have an id.");
        return;
    }
    name = g_strdup_printf("%s.region", dev->id);
    if (s->readonly) {
        ok = memory_region_init_rom(&s->mem, OBJECT(dev), name, s->size,
                                    errp);
    } else {
        ok = memory_region_init_ram(&s->mem, OBJECT(dev), name, s->size,
                                    errp);
    }
    if (ok) {
        sysbus_init_mmio(SYS_BUS_DEVICE(dev), &s->mem);
    }
}

static const Property sysbus_memory_props[] = {
    DEFINE_PROP_UINT64("size", SysBusMemoryState, size, 0),
    DEFINE_PROP_BOOL("readonly", SysBusMemoryState, readonly, false),
    DEFINE_PROP_END_OF_LIST(),
};

static void sysbus_memory_class_init(ObjectClass *oc, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(oc);

    dc->user_creatable = true;
    dc->realize = sysbus_memory_realize;
    device_class_set_props(dc, sysbus_memory_props);
}

static const TypeInfo sysbus_memory_info = {
    .name = TYPE_SYSBUS_MEMORY,
    .parent = TYPE_SYS_BUS_DEVICE,
    .instance_size = sizeof(SysBusMemoryState),
    .class_init = sysbus_memory_class_init,
};

static void sysbus_memory_register_types(void)
{
    type_register_static(&sysbus_memory_info);
}

type_init(sysbus_memory_register_types)
