/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Native build of a guest workload, for reference: compiled for the host
 * with -DBENCH_HOST together with one workload (not mmio or irq, which
 * need the devices) by tests/bench/bench.py and the CI check, it prints
 * the same checksum line as the guest and the time the work took.
 */
#include <stdio.h>
#include <time.h>
#include "bench.h"

char bench_heap[16 << 20] __attribute__((aligned(4096)));

int main(void)
{
    struct timespec t0, t1;
    uint32_t sum;

    clock_gettime(CLOCK_MONOTONIC, &t0);
    sum = bench_run();
    clock_gettime(CLOCK_MONOTONIC, &t1);
    printf("bench %s\nchecksum=0x%08x\nns=%lld\n", bench_name, sum,
           (long long)(t1.tv_sec - t0.tv_sec) * 1000000000LL
           + (t1.tv_nsec - t0.tv_nsec));
    return 0;
}
