/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * HiFive1 machine-timer interrupt test (sifive-e-mtimer.elf): mtimecmp is
 * armed 1 ms (10000 counts at 10 MHz) ahead three times; each interrupt
 * must come with mcause = machine timer and mtime >= mtimecmp, and prints
 * "mtimer: irq N".  Then "mtimer: PASS", or "mtimer: FAIL ..." at the
 * first wrong thing (MTIP not following mtimecmp, a wrong cause, an early
 * interrupt).
 */
#include "sifive_e.h"

#define IRQS        3
#define PERIOD      (MTIME_HZ / 1000)   /* 1 ms */

static volatile uint32_t irqs;
static uint64_t deadline;

static uint64_t mtime(void)
{
    uint32_t hi, lo;

    do {
        hi = mmio_read(CLINT_MTIME + 4);
        lo = mmio_read(CLINT_MTIME);
    } while (hi != mmio_read(CLINT_MTIME + 4));
    return ((uint64_t)hi << 32) | lo;
}

/* high word all ones first, so no intermediate value is in the past */
static void mtimecmp_set(uint64_t when)
{
    mmio_write(CLINT_MTIMECMP + 4, ~0u);
    mmio_write(CLINT_MTIMECMP, (uint32_t)when);
    mmio_write(CLINT_MTIMECMP + 4, when >> 32);
}

void trap_handler(uint32_t mcause, uint32_t mepc);
void trap_handler(uint32_t mcause, uint32_t mepc)
{
    (void)mepc;
    fw_check_timer_irq("mtimer", mcause, mtime(), deadline);
    irqs++;
    fw_puts("mtimer: irq ");
    fw_putdec(irqs);
    fw_puts("\r\n");
    if (irqs < IRQS) {
        deadline += PERIOD;
        mtimecmp_set(deadline);
    } else {
        csr_clear(mie, MIE_MTIE);
        mtimecmp_set(~0ull);
    }
}

int main(void);
int main(void)
{
    uart_init();
    fw_puts("HiFive1 mtimer test\r\n");

    deadline = mtime() + PERIOD;
    mtimecmp_set(deadline);
    if (csr_read(mip) & MIP_MTIP) {
        fw_fail("mtimer", "MTIP set with mtimecmp in the future, mip ",
                csr_read(mip));
    }
    csr_set(mie, MIE_MTIE);
    csr_set(mstatus, MSTATUS_MIE);

    for (;;) {
        csr_clear(mstatus, MSTATUS_MIE);
        if (irqs >= IRQS) {
            break;
        }
        wfi();
        csr_set(mstatus, MSTATUS_MIE);
    }
    if (csr_read(mip) & MIP_MTIP) {
        fw_fail("mtimer", "MTIP still set after mtimecmp = max, mip ",
                csr_read(mip));
    }
    fw_puts("mtimer: PASS\r\n");
    park();
}
