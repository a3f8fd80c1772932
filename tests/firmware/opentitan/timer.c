/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * ibex-timer tick demo for OpenTitan (ot-timer-2021.elf, ot-timer.elf):
 * the timer's machine-timer line (its GPIO output to mip.MTIP, or the
 * direct drive when that is not wired) interrupts through mie.MTIE every
 * 10 ms of guest time (100 counts at 10 kHz).  The handler checks the
 * cause and that the timer really reached the compare value, prints
 * "tick N", and re-arms; after 5 ticks it masks the timer, and main
 * prints "timer: done" and parks in WFI with interrupts off.
 */
#include "opentitan.h"

#ifdef OT_MAP_2021
#define BANNER "OpenTitan timer (2021 map)\r\n"
#else
#define BANNER "OpenTitan timer (7.2 map)\r\n"
#endif

#define TICKS       5
#define PERIOD      (TIMER_HZ / 100)    /* 10 ms */

static volatile uint32_t ticks;
static uint64_t deadline;

static uint64_t timer_now(void)
{
    uint32_t hi, lo;

    do {
        hi = mmio_read(TIMER_BASE + TIMER_V_UPPER);
        lo = mmio_read(TIMER_BASE + TIMER_V_LOWER);
    } while (hi != mmio_read(TIMER_BASE + TIMER_V_UPPER));
    return ((uint64_t)hi << 32) | lo;
}

/* a compare write re-evaluates: in the future it lowers MTIP */
static void timer_arm(uint64_t when)
{
    mmio_write(TIMER_BASE + TIMER_COMPARE_UPPER, when >> 32);
    mmio_write(TIMER_BASE + TIMER_COMPARE_LOWER, (uint32_t)when);
}

void trap_handler(uint32_t mcause, uint32_t mepc);
void trap_handler(uint32_t mcause, uint32_t mepc)
{
    (void)mepc;
    fw_check_timer_irq("timer", mcause, timer_now(), deadline);
    ticks++;
    fw_puts("tick ");
    fw_putdec(ticks);
    fw_puts("\r\n");
    if (ticks < TICKS) {
        deadline += PERIOD;
        timer_arm(deadline);
    } else {
        csr_clear(mie, MIE_MTIE);
    }
}

int main(void);
int main(void)
{
    uart_init();
    fw_puts(BANNER);

    /* ACTIVE before the compare writes: only they evaluate */
    mmio_write(TIMER_BASE + TIMER_CTRL, 1);
    mmio_write(TIMER_BASE + TIMER_INTR_ENABLE, 0);
    deadline = timer_now() + PERIOD;
    timer_arm(deadline);
    csr_set(mie, MIE_MTIE);
    csr_set(mstatus, MSTATUS_MIE);

    for (;;) {
        csr_clear(mstatus, MSTATUS_MIE);
        if (ticks >= TICKS) {
            break;
        }
        wfi();
        csr_set(mstatus, MSTATUS_MIE);
    }
    fw_puts("timer: done\r\n");
    park();
}
