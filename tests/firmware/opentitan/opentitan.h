/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * OpenTitan register map for the firmware, in two variants: the seed's
 * 2021 machine (ibex-plic at 0x41010000, OT_MAP_2021 defined) and QEMU
 * 7.2's -M opentitan (riscv.sifive.plic at 0x48000000).  The UART (QEMU
 * >= 6.1 layout) and the timer (7.x layout) are the same in both.
 */
#ifndef OPENTITAN_H
#define OPENTITAN_H

#include <stdint.h>

/* ibex-uart */
#define UART_BASE               0x40000000u
#define UART_INTR_STATE         0x00
#define UART_INTR_ENABLE        0x04
#define UART_INTR_TEST          0x08
#define UART_CTRL               0x10
#define UART_STATUS             0x14
#define UART_RDATA              0x18
#define UART_WDATA              0x1c
#define UART_FIFO_CTRL          0x20

#define UART_INTR_RX_WATERMARK  (1u << 1)
#define UART_CTRL_TX            (1u << 0)
#define UART_CTRL_RX            (1u << 1)
#define UART_CTRL_NCO_SHIFT     16
#define UART_TX_FIFO_DEPTH      16      /* QEMU's model */
#define UART_STATUS_TXFULL      (1u << 0)
#define UART_STATUS_TXEMPTY     (1u << 2)
#define UART_STATUS_RXEMPTY     (1u << 5)

/* PLIC source of the UART's RX watermark (sysbus-irq[1]) in both maps */
#define UART_RX_IRQ             2

/* ibex-timer, 7.x layout (CTRL at 0x004), 10 kHz in both maps */
#define TIMER_BASE              0x40100000u
#define TIMER_CTRL              0x004
#define TIMER_V_LOWER           0x104
#define TIMER_V_UPPER           0x108
#define TIMER_COMPARE_LOWER     0x10c
#define TIMER_COMPARE_UPPER     0x110
#define TIMER_INTR_ENABLE       0x114
#define TIMER_INTR_STATE        0x118
#define TIMER_HZ                10000u

#ifdef OT_MAP_2021
/* ibex-plic (QEMU 6.1 model, 176 sources), one context */
#define PLIC_BASE               0x41010000u
#define PLIC_PRIO(k)            (0x030 + 4 * (k))
#define PLIC_IE0                0x300
#define PLIC_THRESHOLD          0x318
#define PLIC_CLAIM              0x31c
#else
/* riscv.sifive.plic with QEMU 7.2's OpenTitan parameters, context 0 */
#define PLIC_BASE               0x48000000u
#define PLIC_PRIO(k)            (0x000 + 4 * (k))
#define PLIC_IE0                0x2000
#define PLIC_THRESHOLD          0x200000
#define PLIC_CLAIM              0x200004
#endif

static inline void uart_putc(char c)
{
    while (*(volatile uint32_t *)(UART_BASE + UART_STATUS) &
           UART_STATUS_TXFULL) {
        /* the 16-byte TX FIFO drains on the UART's own timer */
    }
    *(volatile uint32_t *)(UART_BASE + UART_WDATA) = (uint8_t)c;
}

static inline void fw_putc(char c)
{
    uart_putc(c);
}

#include "fw.h"

/*
 * Give PLIC source n priority prio.  Both models put that register one
 * slot off: ibex-plic stores a write to PRIO_k into source k+1, and 7.2's
 * sifive PLIC on OpenTitan (priority-base 0) maps +4k to source k+1.  So
 * write the slot below as well as the right one: this works on those
 * models and on a spec-conforming PLIC, and only gives a priority to a
 * neighbouring source as well, which stays disabled.
 */
static inline void plic_set_priority(unsigned n, uint32_t prio)
{
    mmio_write(PLIC_BASE + PLIC_PRIO(n - 1), prio);
    mmio_write(PLIC_BASE + PLIC_PRIO(n), prio);
}

static inline void plic_enable(unsigned n)
{
    uintptr_t word = PLIC_BASE + PLIC_IE0 + 4 * (n / 32);

    mmio_write(word, mmio_read(word) | (1u << (n % 32)));
}

static inline void uart_init(void)
{
    /*
     * TX and RX on, NCO at its maximum (baud = 65535 * 50 MHz / 2^20,
     * about 3.1 Mbaud), so that output keeps up with pasted input.
     */
    mmio_write(UART_BASE + UART_CTRL, UART_CTRL_TX | UART_CTRL_RX |
               (0xffffu << UART_CTRL_NCO_SHIFT));
}

#endif
