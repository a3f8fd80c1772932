/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * System bus devices: devices with MMIO regions mapped into system memory
 * and IRQ outputs.  Regions and IRQs are numbered in declaration order;
 * the outputs are the GPIO list "sysbus-irq" (link<irq> properties
 * "sysbus-irq[N]").  All sysbus devices sit on the main system bus.
 */
#ifndef HW_SYSBUS_H
#define HW_SYSBUS_H

#include "exec/memory.h"
#include "hw/qdev-core.h"

#define TYPE_SYSTEM_BUS "System"
#define TYPE_SYS_BUS_DEVICE "sys-bus-device"
OBJECT_DECLARE_TYPE(SysBusDevice, SysBusDeviceClass, SYS_BUS_DEVICE)

#define SYSBUS_DEVICE_GPIO_IRQ "sysbus-irq"
#define QDEV_MAX_MMIO 32

struct SysBusDeviceClass {
    DeviceClass parent_class;
};

/**
 * struct SysBusDevice
 *
 * @mmio[i].memory: region i, as declared
 * @mmio[i].addr: where it is mapped in system memory, or HWADDR_MAX
 * @mmio[i].aliases: MemoryRegion * windows made by
 *   sysbus_mmio_map_alias(), mapped in system memory
 */
struct SysBusDevice {
    DeviceState parent_obj;

    int num_mmio;
    struct {
        hwaddr addr;
        MemoryRegion *memory;
        GSList *aliases;
    } mmio[QDEV_MAX_MMIO];
};

/* Declare the next MMIO region (index num_mmio). */
void sysbus_init_mmio(SysBusDevice *dev, MemoryRegion *memory);
/* Region @n, or NULL when out of range. */
MemoryRegion *sysbus_mmio_get_region(SysBusDevice *dev, int n);
/* Declare the next IRQ output, stored in *@p. */
void sysbus_init_irq(SysBusDevice *dev, qemu_irq *p);
void sysbus_connect_irq(SysBusDevice *dev, int n, qemu_irq irq);
bool sysbus_is_irq_connected(SysBusDevice *dev, int n);

/* Board code: map region @n at @addr (priority 0, or @priority). */
void sysbus_mmio_map(SysBusDevice *dev, int n, hwaddr addr);
void sysbus_mmio_map_overlap(SysBusDevice *dev, int n, hwaddr addr,
                             int priority);

/**
 * sysbus_mmio_map_checked: the x-sysbus-mmio-map command's work
 *
 * Errors (nothing changes):
 *   index out of range, region already mapped, @addr + size wrapping
 *   past 2^64, overlap with a mapped region of equal priority.
 * Texts are documented in qapi/qdev.json.
 */
bool sysbus_mmio_map_checked(SysBusDevice *dev, int n, hwaddr addr,
                             int priority, Error **errp);
/* Remove region @n's mapping and its aliases; error if not mapped. */
bool sysbus_mmio_unmap(SysBusDevice *dev, int n, Error **errp);
/*
 * Map a window of @size bytes from @offset of region @n at @addr, as an
 * alias (the region itself may be mapped elsewhere or not at all).
 */
bool sysbus_mmio_map_alias(SysBusDevice *dev, int n, hwaddr offset,
                           uint64_t size, hwaddr addr, int priority,
                           Error **errp);

bool sysbus_realize(SysBusDevice *dev, Error **errp);
bool sysbus_realize_and_unref(SysBusDevice *dev, Error **errp);

#endif
