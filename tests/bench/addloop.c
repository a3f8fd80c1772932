/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Workload "addloop": the 3-instruction loop add / addi / bnez, the
 * fastest thing an interpreter can be asked to run.
 */
#include "bench.h"

const char bench_name[] = "addloop";

uint32_t bench_run(void)
{
    uint32_t acc = 0, n = SCALE * 100000u, step = 0x9e3779b9;

#ifdef BENCH_HOST
    for (; n; n--) {
        acc += step;
        __asm__ volatile("" : "+r"(acc));   /* keep the loop */
    }
#else
    __asm__ volatile(
        "1: add  %0, %0, %2\n"
        "   addi %1, %1, -1\n"
        "   bnez %1, 1b\n"
        : "+r"(acc), "+r"(n) : "r"(step));
#endif
    return acc;
}
