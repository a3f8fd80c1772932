/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * "riscv.sifive.e.prci": the FE310 clock block (PRCI) as QEMU models it:
 * four registers whose ready/lock bits always read 1.  One 0x1000-byte
 * region, no IRQs, no properties.  See docs/system/devices/sifive-e-prci.md.
 */
#ifndef HW_MISC_SIFIVE_E_PRCI_H
#define HW_MISC_SIFIVE_E_PRCI_H

#include "hw/sysbus.h"

#define TYPE_SIFIVE_E_PRCI "riscv.sifive.e.prci"
OBJECT_DECLARE_SIMPLE_TYPE(SiFiveEPRCIState, SIFIVE_E_PRCI)

#define SIFIVE_E_PRCI_REG_SIZE 0x1000

struct SiFiveEPRCIState {
    SysBusDevice parent_obj;

    MemoryRegion mmio;
    uint32_t hfrosccfg;
    uint32_t hfxosccfg;
    uint32_t pllcfg;
    uint32_t plloutdiv;
};

#endif
