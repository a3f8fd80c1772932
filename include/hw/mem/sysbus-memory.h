/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * "sysbus-memory": a RAM or ROM block as a sysbus device, so that QMP
 * clients can give a machine memory with device_add and map it with
 * x-sysbus-mmio-map (GreenSocs' device, not in upstream QEMU).
 *
 * Properties: "size" (uint64, must be non-zero), "readonly" (bool: a ROM
 * whose guest writes are dropped).  The device needs an id; its region
 * (MMIO 0) is called "<id>.region".
 */
#ifndef HW_MEM_SYSBUS_MEMORY_H
#define HW_MEM_SYSBUS_MEMORY_H

#include "hw/sysbus.h"

#define TYPE_SYSBUS_MEMORY "sysbus-memory"
OBJECT_DECLARE_SIMPLE_TYPE(SysBusMemoryState, SYSBUS_MEMORY)

struct SysBusMemoryState {
    SysBusDevice parent_obj;

    uint64_t size;
    bool readonly;
    MemoryRegion mem;
};

#endif
