/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Workload "mmio": a loop reading the UART's line status register, the
 * device access at the heart of every polling driver.  With no input the
 * register reads 0x60 (THRE | TEMT) on both emulators.
 */
#include "bench.h"

const char bench_name[] = "mmio";

uint32_t bench_run(void)
{
    uint32_t sum = 0, i;

    for (i = 0; i < SCALE * 10000u; i++) {
        sum += mmio_read8(UART_LSR);
    }
    return sum;
}
