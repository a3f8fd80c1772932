/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Helpers shared by the board firmware (no libc): MMIO and CSR access,
 * and text output built on the board's fw_putc(), which the board header
 * (opentitan.h, sifive_e.h) defines before including this file.
 */
#ifndef FW_H
#define FW_H

#include <stdint.h>

#define MSTATUS_MIE     (1u << 3)
#define MIE_MTIE        (1u << 7)
#define MIE_MEIE        (1u << 11)
#define MIP_MTIP        (1u << 7)
#define MCAUSE_IRQ      (1u << 31)
#define MCAUSE_MTI      (MCAUSE_IRQ | 7)
#define MCAUSE_MEI      (MCAUSE_IRQ | 11)

#define csr_read(csr) ({ \
    uint32_t v_; \
    __asm__ volatile("csrr %0, " #csr : "=r"(v_) : : "memory"); \
    v_; })
#define csr_write(csr, v) \
    __asm__ volatile("csrw " #csr ", %0" : : "rK"(v) : "memory")
#define csr_set(csr, v) \
    __asm__ volatile("csrs " #csr ", %0" : : "rK"(v) : "memory")
#define csr_clear(csr, v) \
    __asm__ volatile("csrc " #csr ", %0" : : "rK"(v) : "memory")

static inline void wfi(void)
{
    __asm__ volatile("wfi" : : : "memory");
}

static inline uint32_t mmio_read(uintptr_t addr)
{
    return *(volatile uint32_t *)addr;
}

static inline void mmio_write(uintptr_t addr, uint32_t val)
{
    *(volatile uint32_t *)addr = val;
}

/* sleep with interrupts off and never return (a final state for tests) */
static inline __attribute__((noreturn)) void park(void)
{
    csr_clear(mstatus, MSTATUS_MIE);
    csr_write(mie, 0);
    for (;;) {
        wfi();
    }
}

static inline void fw_puts(const char *s)
{
    while (*s) {
        fw_putc(*s++);
    }
}

/* "0x" and 8 hex digits */
static inline void fw_puthex(uint32_t v)
{
    fw_puts("0x");
    for (int shift = 28; shift >= 0; shift -= 4) {
        fw_putc("0123456789abcdef"[(v >> shift) & 0xf]);
    }
}

static inline void fw_putdec(uint32_t v)
{
    char buf[10];
    int n = 0;

    do {
        buf[n++] = '0' + v % 10;
        v /= 10;
    } while (v);
    while (n) {
        fw_putc(buf[--n]);
    }
}

/* Print "PROG: FAIL WHAT0x..." and stop. */
static inline __attribute__((noreturn)) void fw_fail(const char *prog,
                                                     const char *what,
                                                     uint32_t val)
{
    fw_puts(prog);
    fw_puts(": FAIL ");
    fw_puts(what);
    fw_puthex(val);
    fw_puts("\r\n");
    park();
}

/*
 * The checks of a periodic machine-timer interrupt: the cause is the
 * machine timer and the timer has reached @deadline.
 */
static inline void fw_check_timer_irq(const char *prog, uint32_t mcause,
                                      uint64_t now, uint64_t deadline)
{
    if (mcause != MCAUSE_MTI) {
        fw_fail(prog, "unexpected mcause ", mcause);
    }
    if (now < deadline) {
        fw_fail(prog, "early interrupt, counts left ",
                (uint32_t)(deadline - now));
    }
}

#endif
