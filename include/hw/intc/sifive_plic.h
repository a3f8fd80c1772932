/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * "riscv.sifive.plic": the SiFive Platform-Level Interrupt Controller as
 * QEMU 7.2 models it.  See docs/system/devices/sifive-plic.md.
 *
 * Inputs "unnamed-gpio-in[0..num-sources-1]" (index = source ID).
 * Outputs "unnamed-gpio-out[0..2N-1]" for N harts: out[i] is the S-mode
 * external interrupt of hart hartid-base+i (CPU input 9), out[N+i] its
 * M-mode one (CPU input 11).
 */
#ifndef HW_INTC_SIFIVE_PLIC_H
#define HW_INTC_SIFIVE_PLIC_H

#include "hw/sysbus.h"

#define TYPE_SIFIVE_PLIC "riscv.sifive.plic"
OBJECT_DECLARE_SIMPLE_TYPE(SiFivePLICState, SIFIVE_PLIC)

/* The privilege modes of hart-config letters, as QEMU numbers them. */
typedef enum PLICMode {
    PLIC_MODE_U = 0,
    PLIC_MODE_S = 1,
    PLIC_MODE_H = 2,
    PLIC_MODE_M = 3,
} PLICMode;

/**
 * struct PLICContext: one interrupt target (a hart in one mode)
 *
 * @hart: hart index relative to hartid-base
 * @mode: its privilege mode
 */
typedef struct PLICContext {
    uint32_t hart;
    PLICMode mode;
} PLICContext;

struct SiFivePLICState {
    SysBusDevice parent_obj;

    MemoryRegion mmio;

    /* configuration (properties) */
    char *hart_config;
    uint32_t hartid_base;
    uint32_t num_sources;
    uint32_t num_priorities;
    uint32_t priority_base;
    uint32_t pending_base;
    uint32_t enable_base;
    uint32_t enable_stride;
    uint32_t context_base;
    uint32_t context_stride;
    uint32_t aperture_size;

    /* derived at realize */
    uint32_t num_harts;
    uint32_t num_contexts;
    uint32_t bitfield_words;
    PLICContext *contexts;
    qemu_irq *s_external_irqs;
    qemu_irq *m_external_irqs;

    /* guest-visible state */
    uint32_t *source_priority;  /* num_sources + 1 entries */
    uint32_t *target_priority;  /* per context: the threshold */
    uint32_t *pending;
    uint32_t *claimed;
    uint32_t *enable;           /* bitfield_words per context */
};

#endif
