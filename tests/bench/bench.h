/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Shared definitions of the benchmark workloads: the virt-style map both
 * emulators run them on, console output and the instruction counter.
 * Each workload defines bench_name and bench_run(); common.c does the rest.
 */
#ifndef BENCH_H
#define BENCH_H

#include <stdint.h>
#include <stddef.h>

#ifndef SCALE
#define SCALE 1
#endif

#define UART_BASE       0x10000000u     /* NS16550A, regshift 0 */
#define UART_LSR        (UART_BASE + 5)
#define FINISHER_BASE   0x00100000u     /* SiFive test finisher */
#define MTIMECMP_BASE   0x02004000u     /* ACLINT MTIMER, hart 0 */
#define MTIME_BASE      0x0200bff8u
#define TIMEBASE_HZ     10000000u

/* provided by the workload */
extern const char bench_name[];
uint32_t bench_run(void);

/* provided by common.c */
void bench_putc(char c);
void bench_puts(const char *s);
void bench_puthex(uint32_t v);
void bench_putdec(uint64_t v);
void *memset(void *dst, int c, size_t n);
void *memcpy(void *dst, const void *src, size_t n);

#ifdef BENCH_HOST
/* built natively (host.c) as a reference: a static buffer, no counter */
extern char bench_heap[];

static inline uint64_t bench_instret(void)
{
    return 0;
}
#else
/* the first free byte after the image (link.ld) */
extern char _end[];
#define bench_heap _end

static inline uint64_t bench_instret(void)
{
    uint32_t hi, lo, hi2;

    do {
        __asm__ volatile("csrr %0, minstreth" : "=r"(hi));
        __asm__ volatile("csrr %0, minstret" : "=r"(lo));
        __asm__ volatile("csrr %0, minstreth" : "=r"(hi2));
    } while (hi != hi2);
    return ((uint64_t)hi << 32) | lo;
}
#endif

static inline uint32_t mmio_read8(uint32_t addr)
{
    return *(volatile uint8_t *)(uintptr_t)addr;
}

static inline void mmio_write8(uint32_t addr, uint8_t v)
{
    *(volatile uint8_t *)(uintptr_t)addr = v;
}

static inline uint32_t mmio_read32(uint32_t addr)
{
    return *(volatile uint32_t *)(uintptr_t)addr;
}

static inline void mmio_write32(uint32_t addr, uint32_t v)
{
    *(volatile uint32_t *)(uintptr_t)addr = v;
}

/* a small deterministic generator, shared so inputs match everywhere */
static inline uint32_t bench_rand(uint32_t *state)
{
    *state = *state * 1664525u + 1013904223u;
    return *state;
}

#endif
