/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Workload "alu": an integer loop of dependent adds, xors, shifts,
 * rotates, compares and multiplies on a few registers.
 */
#include "bench.h"

const char bench_name[] = "alu";

uint32_t bench_run(void)
{
    uint32_t a = 0x12345678, b = 0x9abcdef0, c = 1, d = 7;
    uint32_t i;

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
    return a ^ b ^ c ^ d;
}
