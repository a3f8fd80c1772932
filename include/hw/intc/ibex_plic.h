/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * "ibex-plic": the OpenTitan rv_plic as QEMU 6.1/6.2 modelled it (the
 * model was removed in QEMU 7.0).  See docs/system/devices/ibex-plic.md.
 *
 * One MMIO region of 0x400 bytes, 32-bit accesses only; the register
 * windows are placed by properties (6.1 defaults).  Inputs
 * "unnamed-gpio-in[0..num-sources-1]" (index = source ID).  Outputs
 * "unnamed-gpio-out[0..num-cpus-1]": the single context's interrupt
 * level for each hart's MEIP (CPU "unnamed-gpio-in[11]"); an output that
 * is not wired drives MEIP of the CPU of that index directly, as 6.1 did.
 */
#ifndef HW_INTC_IBEX_PLIC_H
#define HW_INTC_IBEX_PLIC_H

#include "hw/sysbus.h"

#define TYPE_IBEX_PLIC "ibex-plic"
OBJECT_DECLARE_SIMPLE_TYPE(IbexPlicState, IBEX_PLIC)

/* The CPU input a PLIC output drives: mip.MEIP */
#define IBEX_PLIC_CPU_MEIP 11

struct IbexPlicState {
    SysBusDevice parent_obj;

    MemoryRegion mmio;
    qemu_irq *external_irqs;    /* num_cpus outputs */

    uint32_t *pending;          /* pending_num words each */
    uint32_t *hidden_pending;
    uint32_t *claimed;
    uint32_t *priority;         /* priority_num entries */
    uint32_t *enable;           /* enable_num words */
    uint32_t threshold;
    uint32_t claim;             /* the last winner, 0 after a claim */

    uint32_t num_cpus;
    uint32_t num_sources;
    uint32_t pending_base;
    uint32_t pending_num;
    uint32_t source_base;
    uint32_t source_num;
    uint32_t priority_base;
    uint32_t priority_num;
    uint32_t enable_base;
    uint32_t enable_num;
    uint32_t threshold_base;
    uint32_t claim_base;
};

#endif
