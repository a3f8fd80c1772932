/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The generic loader, QOM type "loader": a bus-less device that loads an
 * image (ELF or raw) into guest memory, writes one value, and/or sets a
 * CPU's program counter, at every system reset.  See
 * docs/system/devices.md for the properties, modes and error texts.
 */
#ifndef HW_CORE_GENERIC_LOADER_H
#define HW_CORE_GENERIC_LOADER_H

#include "hw/core/cpu.h"
#include "hw/qdev-core.h"

#define TYPE_GENERIC_LOADER "loader"
OBJECT_DECLARE_SIMPLE_TYPE(GenericLoaderState, GENERIC_LOADER)

/* cpu-num's default: no CPU given */
#define GENERIC_LOADER_CPU_NONE UINT32_MAX

/**
 * struct GenericLoaderState
 *
 * @cpu: the CPU whose PC is set and whose address space is used, or NULL
 * @as: where everything is written
 * @set_pc: reset_exit sets @cpu's PC to @addr
 * @raw_size: size of a raw image (checked against its region when the
 *   machine is ready), or -1
 * The rest are the properties.
 */
struct GenericLoaderState {
    DeviceState parent_obj;

    CPUState *cpu;
    AddressSpace *as;
    bool set_pc;
    int64_t raw_size;
    bool notifier_added;

    uint64_t addr;
    uint64_t data;
    uint8_t data_len;
    bool data_be;
    bool force_raw;
    uint32_t cpu_num;
    char *file;
};

#endif
