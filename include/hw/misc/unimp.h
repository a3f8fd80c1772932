/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * "unimplemented-device": a stub for a device a board does not model yet.
 * Its one MMIO region reads as zero and ignores writes; every access is
 * logged under -d unimp.
 *
 * Properties: "name" (string, required; the region's name and the log
 * prefix) and "size" (uint64, required and non-zero).
 */
#ifndef HW_MISC_UNIMP_H
#define HW_MISC_UNIMP_H

#include "hw/sysbus.h"

#define TYPE_UNIMPLEMENTED_DEVICE "unimplemented-device"
OBJECT_DECLARE_SIMPLE_TYPE(UnimplementedDeviceState, UNIMPLEMENTED_DEVICE)

struct UnimplementedDeviceState {
    SysBusDevice parent_obj;

    MemoryRegion iomem;
    unsigned int offset_fmt_width;
    char *name;
    uint64_t size;
};

/**
 * create_unimplemented_device: create, realize and map a stub
 *
 * Board code: maps it at @base with priority -1000, so that real devices
 * mapped over it win.
 */
DeviceState *create_unimplemented_device(const char *name, hwaddr base,
                                         hwaddr size);

#endif
