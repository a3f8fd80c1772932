/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * System bus devices: the main system bus ("main-system-bus", type
 * "System"), the abstract sys-bus-device type with its numbered MMIO
 * regions and IRQ outputs, and the checked mapping operations behind
 * x-sysbus-mmio-map, x-sysbus-mmio-unmap and x-sysbus-mmio-map-alias.
 */
#include "qemu/osdep.h"
#include "exec/address-spaces.h"
#include "hw/sysbus.h"
#include "qapi/error.h"

/* The bus */

static void system_bus_init(Object *obj)
{
    BusState *bus = BUS(obj);

    bus->name = g_strdup("main-system-bus");
    bus->hotplug_allowed = false;
}

BusState *sysbus_get_default(void)
{
    Object *unattached = container_get(object_get_root(),
                                       "/machine/unattached");
    Object *obj = object_resolve_path_component(unattached, "sysbus");

    if (!obj) {
        obj = object_new(TYPE_SYSTEM_BUS);
        object_property_add_child(unattached, "sysbus", obj);
        object_unref(obj);
    }
    return BUS(obj);
}

/* Regions and IRQs */

void sysbus_init_mmio(SysBusDevice *dev, MemoryRegion *memory)
{
    assert(dev->num_mmio < QDEV_MAX_MMIO);
    dev->mmio[dev->num_mmio].addr = HWADDR_MAX;
    dev->mmio[dev->num_mmio].memory = memory;
    dev->num_mmio++;
}

MemoryRegion *sysbus_mmio_get_region(SysBusDevice *dev, int n)
{
    if (n < 0 || n >= dev->num_mmio) {
        return NULL;
    }
    return dev->mmio[n].memory;
}

void sysbus_init_irq(SysBusDevice *dev, qemu_irq *p)
{
    qdev_init_gpio_out_named(DEVICE(dev), p, SYSBUS_DEVICE_GPIO_IRQ, 1);
}

void sysbus_connect_irq(SysBusDevice *dev, int n, qemu_irq irq)
{
    qdev_connect_gpio_out_named(DEVICE(dev), SYSBUS_DEVICE_GPIO_IRQ, n, irq);
}

bool sysbus_is_irq_connected(SysBusDevice *dev, int n)
{
    return qdev_get_gpio_out_connector(DEVICE(dev), SYSBUS_DEVICE_GPIO_IRQ,
                                       n) != NULL;
}

/* Mapping */

static void sysbus_mmio_do_unmap(SysBusDevice *dev, int n)
{
    MemoryRegion *mr = dev->mmio[n].memory;

    if (dev->mmio[n].addr != HWADDR_MAX) {
        if (memory_region_get_container(mr)) {
            memory_region_del_subregion(memory_region_get_container(mr), mr);
        }
        dev->mmio[n].addr = HWADDR_MAX;
    }
}

void sysbus_mmio_map_overlap(SysBusDevice *dev, int n, hwaddr addr,
                             int priority)
{
    assert(n >= 0 && n < dev->num_mmio);
    memory_region_transaction_begin();
    sysbus_mmio_do_unmap(dev, n);
    dev->mmio[n].addr = addr;
    memory_region_add_subregion_overlap(get_system_memory(), addr,
                                        dev->mmio[n].memory, priority);
    memory_region_transaction_commit();
}

void sysbus_mmio_map(SysBusDevice *dev, int n, hwaddr addr)
{
    sysbus_mmio_map_overlap(dev, n, addr, 0);
}

static char *sysbus_name(SysBusDevice *dev)
{
    return qdev_get_human_name(DEVICE(dev));
}

static bool sysbus_check_index(SysBusDevice *dev, int n, Error **errp)
{
    if (n < 0 || n >= dev->num_mmio) {
        g_autofree char *name = sysbus_name(dev);

        error_setg(errp, "Device '%s' has no MMIO region %d", name, n);
        return false;
    }
    return true;
}

typedef struct OverlapCheck {
    hwaddr start;
    hwaddr last;
    int priority;
    MemoryRegion *found;
} OverlapCheck;

static void overlap_check_one(MemoryRegion *sub, void *opaque)
{
    OverlapCheck *oc = opaque;
    hwaddr start = memory_region_get_address(sub);
    uint64_t size = memory_region_size(sub);
    hwaddr last;

    if (oc->found || size == 0 ||
        memory_region_get_priority(sub) != oc->priority) {
        return;
    }
    last = size == UINT64_MAX ? HWADDR_MAX : start + size - 1;
    if (last < start) {
        last = HWADDR_MAX;
    }
    if (start <= oc->last && oc->start <= last) {
        oc->found = sub;
    }
}

/* Refuse a window [@addr, +@size) of region @name that can't be mapped. */
static bool sysbus_check_window(const char *name, hwaddr addr, uint64_t size,
                                int priority, Error **errp)
{
    OverlapCheck oc = { .start = addr, .priority = priority };
    hwaddr fstart, flast;

    if (size == 0) {
        error_setg(errp, "Region '%s' is empty", name);
        return false;
    }
    if (size == UINT64_MAX ? addr != 0 : addr + size - 1 < addr) {
        error_setg(errp, "Mapping at 0x%" PRIx64 " of size 0x%" PRIx64
                   " wraps around the address space", addr, size);
        return false;
    }
    oc.last = size == UINT64_MAX ? HWADDR_MAX : addr + size - 1;
    memory_region_foreach_subregion(get_system_memory(), overlap_check_one,
                                    &oc);
    if (oc.found) {
        fstart = memory_region_get_address(oc.found);
        flast = fstart + memory_region_size(oc.found) - 1;
        error_setg(errp, "Region '%s' at [0x%" PRIx64 ", 0x%" PRIx64 "] "
                   "overlaps region '%s' at [0x%" PRIx64 ", 0x%" PRIx64 "] "
                   "with the same priority %d", name, addr, oc.last,
                   memory_region_name(oc.found), fstart, flast, priority);
        return false;
    }
    return true;
}

bool sysbus_mmio_map_checked(SysBusDevice *dev, int n, hwaddr addr,
                             int priority, Error **errp)
{
    MemoryRegion *mr;

    if (!sysbus_check_index(dev, n, errp)) {
        return false;
    }
    mr = dev->mmio[n].memory;
    if (dev->mmio[n].addr != HWADDR_MAX) {
        g_autofree char *name = sysbus_name(dev);

        error_setg(errp, "MMIO region %d of device '%s' is already mapped",
                   n, name);
        return false;
    }
    if (!sysbus_check_window(memory_region_name(mr), addr,
                             memory_region_size(mr), priority, errp)) {
        return false;
    }
    sysbus_mmio_map_overlap(dev, n, addr, priority);
    return true;
}

static void sysbus_alias_destroy(MemoryRegion *alias)
{
    MemoryRegion *container = memory_region_get_container(alias);

    if (container) {
        memory_region_del_subregion(container, alias);
    }
    memory_region_destroy(alias);
    g_free(alias);
}

static void sysbus_mmio_drop_aliases(SysBusDevice *dev, int n)
{
    GSList *l;

    for (l = dev->mmio[n].aliases; l; l = l->next) {
        sysbus_alias_destroy(l->data);
    }
    g_slist_free(dev->mmio[n].aliases);
    dev->mmio[n].aliases = NULL;
}

bool sysbus_mmio_unmap(SysBusDevice *dev, int n, Error **errp)
{
    if (!sysbus_check_index(dev, n, errp)) {
        return false;
    }
    if (dev->mmio[n].addr == HWADDR_MAX && !dev->mmio[n].aliases) {
        g_autofree char *name = sysbus_name(dev);

        error_setg(errp, "MMIO region %d of device '%s' is not mapped",
                   n, name);
        return false;
    }
    memory_region_transaction_begin();
    sysbus_mmio_do_unmap(dev, n);
    sysbus_mmio_drop_aliases(dev, n);
    memory_region_transaction_commit();
    return true;
}

bool sysbus_mmio_map_alias(SysBusDevice *dev, int n, hwaddr offset,
                           uint64_t size, hwaddr addr, int priority,
                           Error **errp)
{
    g_autofree char *alias_name = NULL;
    MemoryRegion *mr, *alias;
    uint64_t rsize;

    if (!sysbus_check_index(dev, n, errp)) {
        return false;
    }
    mr = dev->mmio[n].memory;
    rsize = memory_region_size(mr);
    if (offset > rsize || size > rsize - offset) {
        g_autofree char *name = sysbus_name(dev);

        error_setg(errp, "Window at offset 0x%" PRIx64 " of size 0x%" PRIx64
                   " is outside MMIO region %d of device '%s' (size 0x%"
                   PRIx64 ")", offset, size, n, name, rsize);
        return false;
    }
    alias_name = g_strdup_printf("%s.alias", memory_region_name(mr));
    if (!sysbus_check_window(alias_name, addr, size, priority, errp)) {
        return false;
    }
    alias = g_new0(MemoryRegion, 1);
    memory_region_init_alias(alias, OBJECT(dev), alias_name, mr, offset,
                             size);
    memory_region_add_subregion_overlap(get_system_memory(), addr, alias,
                                        priority);
    dev->mmio[n].aliases = g_slist_append(dev->mmio[n].aliases, alias);
    return true;
}

bool sysbus_realize(SysBusDevice *dev, Error **errp)
{
    return qdev_realize(DEVICE(dev), sysbus_get_default(), errp);
}

bool sysbus_realize_and_unref(SysBusDevice *dev, Error **errp)
{
    return qdev_realize_and_unref(DEVICE(dev), sysbus_get_default(), errp);
}

/* The device type */

static void sysbus_device_class_init(ObjectClass *oc, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(oc);

    dc->bus_type = TYPE_SYSTEM_BUS;
}

static const TypeInfo sysbus_types[] = {
    {
        .name = TYPE_SYSTEM_BUS,
        .parent = TYPE_BUS,
        .instance_init = system_bus_init,
    },
    {
        .name = TYPE_SYS_BUS_DEVICE,
        .parent = TYPE_DEVICE,
        .abstract = true,
        .instance_size = sizeof(SysBusDevice),
        .class_size = sizeof(SysBusDeviceClass),
        .class_init = sysbus_device_class_init,
    },
};

DEFINE_TYPES(sysbus_types)
