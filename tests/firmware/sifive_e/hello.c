/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * "Hello, world!" for the HiFive1 (sifive-e-hello.elf): prints over UART0
 * (polling the TX full bit), reports the hart and misa, waits for the
 * PRCI's oscillator-ready and PLL-lock bits as freedom-metal does, and
 * ends with the line "hello: done".
 */
#include "sifive_e.h"

void trap_handler(uint32_t mcause, uint32_t mepc);
void trap_handler(uint32_t mcause, uint32_t mepc)
{
    fw_puts("hello: FAIL unexpected trap, mcause ");
    fw_puthex(mcause);
    fw_puts(" mepc ");
    fw_puthex(mepc);
    fw_puts("\r\n");
    park();
}

/* wait (boundedly) for bit in a PRCI register */
static int prci_wait(uint32_t reg, uint32_t bit)
{
    for (int i = 0; i < 1000; i++) {
        if (mmio_read(PRCI_BASE + reg) & bit) {
            return 1;
        }
    }
    return 0;
}

int main(void);
int main(void)
{
    uart_init();
    fw_puts("Hello, world!\r\n");
    fw_puts("hart ");
    fw_putdec(csr_read(mhartid));
    fw_puts(", misa ");
    fw_puthex(csr_read(misa));
    fw_puts("\r\n");
    if (!prci_wait(PRCI_HFROSCCFG, PRCI_HFROSCCFG_RDY)) {
        fw_puts("hello: FAIL hfrosc not ready\r\n");
        park();
    }
    if (!prci_wait(PRCI_PLLCFG, PRCI_PLLCFG_LOCK)) {
        fw_puts("hello: FAIL pll not locked\r\n");
        park();
    }
    fw_puts("prci: hfrosc ready, pll locked\r\n");
    fw_puts("hello: done\r\n");
    park();
}
