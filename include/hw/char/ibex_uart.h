/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * "ibex-uart": the OpenTitan UART as QEMU (6.1 and later) models it, on a
 * character backend.  See docs/system/devices/ibex-uart.md.
 *
 * Property "chardev" (the backend's id).  One MMIO region of 0x400 bytes
 * (QEMU >= 6.1 layout: ALERT_TEST at 0x0c, CTRL at 0x10).  IRQ outputs in
 * QEMU's order: sysbus-irq[0] TX watermark, [1] RX watermark, [2] TX
 * empty, [3] RX overflow; each is INTR_STATE & INTR_ENABLE.
 */
#ifndef HW_CHAR_IBEX_UART_H
#define HW_CHAR_IBEX_UART_H

#include "chardev/char-fe.h"
#include "hw/sysbus.h"
#include "qemu/timer.h"

#define TYPE_IBEX_UART "ibex-uart"
OBJECT_DECLARE_SIMPLE_TYPE(IbexUartState, IBEX_UART)

/* QEMU's TX FIFO depth (the OpenTitan block has 32 entries) */
#define IBEX_UART_TX_FIFO_SIZE 16
/* The clock QEMU gives the UART's f_clock input by default, in Hz */
#define IBEX_UART_CLOCK 50000000

struct IbexUartState {
    SysBusDevice parent_obj;

    MemoryRegion mmio;
    CharBackend chr;
    qemu_irq tx_watermark;
    qemu_irq rx_watermark;
    qemu_irq tx_empty;
    qemu_irq rx_overflow;

    /* the TX FIFO drains 4 character times after the last WDATA write */
    QEMUTimer fifo_trigger;
    bool timer_ready;       /* fifo_trigger initialized (realized) */
    guint tx_watch;         /* waiting for the backend to take more */
    uint8_t tx_fifo[IBEX_UART_TX_FIFO_SIZE];
    uint32_t tx_level;
    uint32_t rx_level;
    uint64_t char_tx_time;  /* ns per character */

    uint32_t intr_state;
    uint32_t intr_enable;
    uint32_t ctrl;
    uint32_t status;
    uint32_t rdata;
    uint32_t fifo_ctrl;
    uint32_t fifo_status;
    uint32_t ovrd;
    uint32_t val;
    uint32_t timeout_ctrl;
};

#endif
