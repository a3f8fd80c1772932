/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Workload "memory": memset and memcpy of 4 MiB buffers, several passes;
 * the checksum samples the copied data.
 */
#include "bench.h"

#define BUF_SIZE (4u << 20)

const char bench_name[] = "memory";

uint32_t bench_run(void)
{
    uint8_t *a = (uint8_t *)bench_heap;
    uint8_t *b = a + BUF_SIZE;
    uint32_t sum = 0, pass, i;

    for (pass = 0; pass < SCALE; pass++) {
        memset(a, (int)(pass * 37 + 1), BUF_SIZE);
        /* make every pass copy different data */
        for (i = pass & 0xfff; i < BUF_SIZE; i += 4096) {
            a[i] = (uint8_t)(i >> 12) ^ (uint8_t)pass;
        }
        memcpy(b, a, BUF_SIZE);
        for (i = (pass * 4) & 0xffc; i < BUF_SIZE; i += 1024) {
            sum = sum * 31 + *(uint32_t *)(b + i);
        }
    }
    return sum;
}
