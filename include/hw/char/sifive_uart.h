/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * "riscv.sifive.uart": the SiFive UART as QEMU 7.2 models it, on a
 * chardev (property "chardev").  One 0x20-byte region; one interrupt,
 * "sysbus-irq[0]".  See docs/system/devices/sifive-uart.md.
 */
#ifndef HW_CHAR_SIFIVE_UART_H
#define HW_CHAR_SIFIVE_UART_H

#include "chardev/char-fe.h"
#include "hw/sysbus.h"

#define TYPE_SIFIVE_UART "riscv.sifive.uart"
OBJECT_DECLARE_SIMPLE_TYPE(SiFiveUARTState, SIFIVE_UART)

#define SIFIVE_UART_MAX 0x20
#define SIFIVE_UART_RX_FIFO_SIZE 8

struct SiFiveUARTState {
    SysBusDevice parent_obj;

    MemoryRegion mmio;
    CharBackend chr;
    qemu_irq irq;

    uint8_t rx_fifo[SIFIVE_UART_RX_FIFO_SIZE];
    uint8_t rx_fifo_len;
    uint32_t ie;
    uint32_t txctrl;
    uint32_t rxctrl;
    uint32_t div;
};

#endif
