/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * "riscv.hart_array": a sysbus device (no MMIO, no IRQs) that creates
 * num-harts CPUs of cpu-type as children harts[0..n-1].
 */
#ifndef HW_RISCV_HART_H
#define HW_RISCV_HART_H

#include "hw/sysbus.h"
#include "target/riscv/cpu.h"

#define TYPE_RISCV_HART_ARRAY "riscv.hart_array"
OBJECT_DECLARE_SIMPLE_TYPE(RISCVHartArrayState, RISCV_HART_ARRAY)

struct RISCVHartArrayState {
    SysBusDevice parent_obj;

    uint32_t num_harts;
    uint32_t hartid_base;
    char *cpu_type;
    uint64_t resetvec;
    RISCVCPU **harts;
};

#endif
