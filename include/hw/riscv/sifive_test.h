/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The SiFive test finisher ("riscv.sifive.test"): a guest write ends the
 * emulator with a verdict or resets the machine.
 */
#ifndef HW_RISCV_SIFIVE_TEST_H
#define HW_RISCV_SIFIVE_TEST_H

#include "hw/sysbus.h"

#define TYPE_SIFIVE_TEST "riscv.sifive.test"
OBJECT_DECLARE_SIMPLE_TYPE(SiFiveTestState, SIFIVE_TEST)

/* Low 16 bits of a write; the high 16 bits are the exit code for FAIL. */
enum {
    FINISHER_FAIL = 0x3333,
    FINISHER_PASS = 0x5555,
    FINISHER_RESET = 0x7777,
};

struct SiFiveTestState {
    SysBusDevice parent_obj;

    MemoryRegion mmio;
};

#endif
