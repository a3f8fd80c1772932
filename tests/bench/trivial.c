/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Workload "trivial": no work at all, for the start-to-exit time of a
 * program that prints its lines and stops.
 */
#include "bench.h"

const char bench_name[] = "trivial";

uint32_t bench_run(void)
{
    return 0x600d600d;
}
