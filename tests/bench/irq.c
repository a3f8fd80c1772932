/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Workload "irq": the integer loop of "alu" while the ACLINT timer
 * interrupts every 5 us of guest time.  The handler counts and re-arms;
 * the count depends on speed and is printed apart from the checksum,
 * which covers the loop and a check that at least one interrupt came.
 */
#include "bench.h"

#define PERIOD_TICKS 50         /* 5 us at 10 MHz */

const char bench_name[] = "irq";

static volatile uint32_t irq_count;

static uint64_t mtime_read(void)
{
    uint32_t hi, lo;

    do {
        hi = mmio_read32(MTIME_BASE + 4);
        lo = mmio_read32(MTIME_BASE);
    } while (hi != mmio_read32(MTIME_BASE + 4));
    return ((uint64_t)hi << 32) | lo;
}

static void mtimecmp_write(uint64_t v)
{
    /* no spurious interrupt while the halves are written */
    mmio_write32(MTIMECMP_BASE + 4, 0xffffffffu);
    mmio_write32(MTIMECMP_BASE, (uint32_t)v);
    mmio_write32(MTIMECMP_BASE + 4, (uint32_t)(v >> 32));
}

__attribute__((interrupt("machine"), aligned(4)))
static void timer_handler(void)
{
    uint32_t cause;

    __asm__ volatile("csrr %0, mcause" : "=r"(cause));
    if (cause != 0x80000007u) {
        mmio_write32(FINISHER_BASE, 0x45555);   /* FAIL, code 4 */
    }
    irq_count++;
    mtimecmp_write(mtime_read() + PERIOD_TICKS);
}

uint32_t bench_run(void)
{
    uint32_t a = 0x12345678, b = 0x9abcdef0, c = 1, d = 7;
    uint32_t i, count;

    __asm__ volatile("csrw mtvec, %0" :: "r"(timer_handler));
    mtimecmp_write(mtime_read() + PERIOD_TICKS);
    __asm__ volatile("csrs mie, %0" :: "r"(1u << 7));
    __asm__ volatile("csrs mstatus, %0" :: "r"(1u << 3));

    for (i = 0; i < SCALE * 100000u; i++) {
        a += b ^ (c << 3);
        b = (b >> 5) | (b << 27);
        c = c * 0x2f + (a >> 7);
        d ^= a - c;
        if ((int32_t)d < 0) {
            d += i;
        }
        b += d & 0xff;
    }

    __asm__ volatile("csrc mstatus, %0" :: "r"(1u << 3));
    __asm__ volatile("csrc mie, %0" :: "r"(1u << 7));
    count = irq_count;
    bench_puts("irqs=");
    bench_putdec(count);
    bench_puts("\n");
    return (a ^ b ^ c ^ d) + (count != 0);
}
