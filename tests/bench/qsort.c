/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Workload "qsort": quicksort (median of three, insertion sort for short
 * ranges) of 16384 pseudo-random words, once per pass.
 */
#include "bench.h"

#define N 16384

const char bench_name[] = "qsort";

static void insertion(uint32_t *a, int lo, int hi)
{
    int i, j;

    for (i = lo + 1; i <= hi; i++) {
        uint32_t v = a[i];

        for (j = i - 1; j >= lo && a[j] > v; j--) {
            a[j + 1] = a[j];
        }
        a[j + 1] = v;
    }
}

static void swap(uint32_t *a, int i, int j)
{
    uint32_t t = a[i];

    a[i] = a[j];
    a[j] = t;
}

static void quicksort(uint32_t *a, int lo, int hi)
{
    while (hi - lo > 16) {
        int mid = lo + (hi - lo) / 2;
        int i = lo, j = hi;
        uint32_t pivot;

        if (a[mid] < a[lo]) {
            swap(a, mid, lo);
        }
        if (a[hi] < a[lo]) {
            swap(a, hi, lo);
        }
        if (a[hi] < a[mid]) {
            swap(a, hi, mid);
        }
        pivot = a[mid];
        while (i <= j) {
            while (a[i] < pivot) {
                i++;
            }
            while (a[j] > pivot) {
                j--;
            }
            if (i <= j) {
                swap(a, i++, j--);
            }
        }
        /* recurse into the smaller side, loop on the larger */
        if (j - lo < hi - i) {
            quicksort(a, lo, j);
            lo = i;
        } else {
            quicksort(a, i, hi);
            hi = j;
        }
    }
    insertion(a, lo, hi);
}

uint32_t bench_run(void)
{
    uint32_t *a = (uint32_t *)bench_heap;
    uint32_t seed = 1, sum = 0, pass;
    int i;

    for (pass = 0; pass < SCALE; pass++) {
        for (i = 0; i < N; i++) {
            a[i] = bench_rand(&seed) >> (pass & 7);
        }
        quicksort(a, 0, N - 1);
        for (i = 0; i < N; i += 61) {
            sum = (sum * 31) ^ a[i];
        }
        for (i = 1; i < N; i++) {
            if (a[i - 1] > a[i]) {
                return 0xbad;
            }
        }
    }
    return sum;
}
