/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * HiFive1 (QEMU 7.2 -M sifive_e) register map for the firmware: UART0,
 * PRCI and the CLINT (ACLINT MSWI + MTIMER) at their board addresses.
 */
#ifndef SIFIVE_E_H
#define SIFIVE_E_H

#include <stdint.h>

/* riscv.aclint.swi at 0x2000000, riscv.aclint.mtimer at 0x2004000 */
#define CLINT_MSIP              0x02000000u
#define CLINT_MTIMECMP          0x02004000u
#define CLINT_MTIME             0x0200bff8u
#define MTIME_HZ                10000000u       /* QEMU 7.2's sifive_e */

/* riscv.sifive.e.prci */
#define PRCI_BASE               0x10008000u
#define PRCI_HFROSCCFG          0x0
#define PRCI_PLLCFG             0x8
#define PRCI_HFROSCCFG_RDY      (1u << 31)
#define PRCI_PLLCFG_LOCK        (1u << 31)

/* riscv.sifive.uart, UART0 */
#define UART0_BASE              0x10013000u
#define UART_TXDATA             0x00
#define UART_RXDATA             0x04
#define UART_TXCTRL             0x08
#define UART_RXCTRL             0x0c
#define UART_TXDATA_FULL        (1u << 31)
#define UART_TXCTRL_TXEN        (1u << 0)

static inline void uart_init(void)
{
    *(volatile uint32_t *)(UART0_BASE + UART_TXCTRL) = UART_TXCTRL_TXEN;
}

static inline void fw_putc(char c)
{
    while (*(volatile uint32_t *)(UART0_BASE + UART_TXDATA) &
           UART_TXDATA_FULL) {
        /* wait for room in the TX FIFO */
    }
    *(volatile uint32_t *)(UART0_BASE + UART_TXDATA) = (uint8_t)c;
}

#include "fw.h"

#endif
