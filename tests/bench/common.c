/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The part every benchmark workload shares: console output on the 16550,
 * memset/memcpy (no libc), and main(), which runs the workload between two
 * reads of minstret, prints its checksum and instruction count, and stops
 * the machine through the SiFive test finisher.
 */
#include "bench.h"

void bench_putc(char c)
{
    /* both emulators' 16550 transmit at once: no need to poll LSR.THRE */
    mmio_write8(UART_BASE, (uint8_t)c);
}

void bench_puts(const char *s)
{
    while (*s) {
        bench_putc(*s++);
    }
}

void bench_puthex(uint32_t v)
{
    int i;

    bench_puts("0x");
    for (i = 28; i >= 0; i -= 4) {
        bench_putc("0123456789abcdef"[(v >> i) & 0xf]);
    }
}

void bench_putdec(uint64_t v)
{
    uint64_t p = 1;
    uint64_t pow10[20];
    int n = 0, started = 0;

    /* by subtraction: a 64-bit division would need libgcc */
    while (n < 20) {
        pow10[n++] = p;
        p *= 10;
    }
    while (n--) {
        char digit = '0';

        while (v >= pow10[n]) {
            v -= pow10[n];
            digit++;
        }
        if (digit != '0' || started || n == 0) {
            bench_putc(digit);
            started = 1;
        }
    }
}

void *memset(void *dst, int c, size_t n)
{
    uint8_t *d = dst;
    uint32_t w = (uint8_t)c * 0x01010101u;

    while (n && ((uintptr_t)d & 3)) {
        *d++ = (uint8_t)c;
        n--;
    }
    while (n >= 16) {
        ((uint32_t *)d)[0] = w;
        ((uint32_t *)d)[1] = w;
        ((uint32_t *)d)[2] = w;
        ((uint32_t *)d)[3] = w;
        d += 16;
        n -= 16;
    }
    while (n--) {
        *d++ = (uint8_t)c;
    }
    return dst;
}

void *memcpy(void *dst, const void *src, size_t n)
{
    uint8_t *d = dst;
    const uint8_t *s = src;

    if ((((uintptr_t)d | (uintptr_t)s) & 3) == 0) {
        while (n >= 16) {
            uint32_t a = ((const uint32_t *)s)[0];
            uint32_t b = ((const uint32_t *)s)[1];
            uint32_t c = ((const uint32_t *)s)[2];
            uint32_t e = ((const uint32_t *)s)[3];
            ((uint32_t *)d)[0] = a;
            ((uint32_t *)d)[1] = b;
            ((uint32_t *)d)[2] = c;
            ((uint32_t *)d)[3] = e;
            d += 16;
            s += 16;
            n -= 16;
        }
    }
    while (n--) {
        *d++ = *s++;
    }
    return dst;
}

int main(void)
{
    uint64_t start, end;
    uint32_t sum;

    bench_puts("bench ");
    bench_puts(bench_name);
    bench_puts("\n");
    start = bench_instret();
    sum = bench_run();
    end = bench_instret();
    bench_puts("checksum=");
    bench_puthex(sum);
    bench_puts("\ninstret=");
    bench_putdec(end - start);
    bench_puts("\n");
    mmio_write32(FINISHER_BASE, 0x5555);
    for (;;) {
    }
}
