/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * "sifive_soc.gpio": the SiFive GPIO block as QEMU 7.2 models it.
 * Property "ngpio" (1..32, default 32).  One 0x100-byte region.
 * Outputs: "sysbus-irq[i]", pin i's interrupt; "unnamed-gpio-out[i]",
 * pin i's level while it is output-enabled.  Inputs:
 * "unnamed-gpio-in[i]", an external drive of pin i.
 * See docs/system/devices/sifive-gpio.md.
 */
#ifndef HW_GPIO_SIFIVE_GPIO_H
#define HW_GPIO_SIFIVE_GPIO_H

#include "hw/sysbus.h"

#define TYPE_SIFIVE_GPIO "sifive_soc.gpio"
OBJECT_DECLARE_SIMPLE_TYPE(SIFIVEGPIOState, SIFIVE_GPIO)

#define SIFIVE_GPIO_PINS 32
#define SIFIVE_GPIO_SIZE 0x100

struct SIFIVEGPIOState {
    SysBusDevice parent_obj;

    MemoryRegion mmio;
    qemu_irq irq[SIFIVE_GPIO_PINS];
    qemu_irq output[SIFIVE_GPIO_PINS];
    uint32_t ngpio;

    uint32_t value;     /* the input value register */
    uint32_t input_en;
    uint32_t output_en;
    uint32_t port;
    uint32_t pue;
    uint32_t ds;
    uint32_t rise_ie;
    uint32_t rise_ip;
    uint32_t fall_ie;
    uint32_t fall_ip;
    uint32_t high_ie;
    uint32_t high_ip;
    uint32_t low_ie;
    uint32_t low_ip;
    uint32_t iof_en;
    uint32_t iof_sel;
    uint32_t out_xor;

    /* pins driven from outside (inputs): which, and to what level */
    uint32_t in_mask;
    uint32_t in;
};

#endif
