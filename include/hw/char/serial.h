/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * "serial-mm": a memory-mapped NS16550A UART with the guest-visible
 * behaviour of QEMU 7.2's model, on a character backend.  It is the UART
 * of QEMU's virt board (0x10000000, regshift 0, PLIC source 10).  See
 * docs/system/devices/serial-mm.md.
 *
 * Properties: "regshift" (uint8, register spacing 1 << regshift),
 * "endianness" (uint8: 0 native, 1 big, 2 little), "baudbase" (uint32,
 * 115200), "chardev", "wakeup" (bool, accepted, no effect).  One MMIO
 * region of 8 << regshift bytes; one interrupt, sysbus-irq[0].
 */
#ifndef HW_CHAR_SERIAL_H
#define HW_CHAR_SERIAL_H

#include "chardev/char-fe.h"
#include "hw/sysbus.h"
#include "qemu/timer.h"

#define TYPE_SERIAL_MM "serial-mm"
OBJECT_DECLARE_SIMPLE_TYPE(SerialMM, SERIAL_MM)

/* the 16550A's FIFO depth, each way */
#define SERIAL_FIFO_SIZE 16

/* A byte queue of SERIAL_FIFO_SIZE entries. */
typedef struct SerialFifo {
    uint8_t data[SERIAL_FIFO_SIZE];
    uint8_t head;           /* index of the oldest byte */
    uint8_t num;            /* bytes held */
} SerialFifo;

struct SerialMM {
    SysBusDevice parent_obj;

    MemoryRegion mmio;
    CharBackend chr;
    qemu_irq irq;

    /* properties */
    uint8_t regshift;
    uint8_t endianness;
    uint32_t baudbase;
    bool wakeup;

    /* registers */
    uint16_t divider;       /* DLM:DLL */
    uint8_t rbr;            /* the receive buffer without FIFOs */
    uint8_t ier;
    uint8_t iir;
    uint8_t fcr;            /* the bits that stick: 0xc9 */
    uint8_t lcr;
    uint8_t mcr;
    uint8_t lsr;
    uint8_t msr;
    uint8_t scr;

    /*
     * Transmit: bytes written to THR wait in @tx (16 deep with FIFOs, 1
     * without: the holding register) until the shift register is free.
     * @tsr_busy: the shift register holds @tsr, which the backend has
     * refused so far; @tx_watch waits for it to become writable.
     */
    SerialFifo tx;
    uint8_t tsr;
    bool tsr_busy;
    guint tx_watch;
    bool thr_ipending;      /* THR-empty interrupt latched */

    /* Receive (FIFO mode) and the character timeout */
    SerialFifo rx;
    uint8_t rx_trigger;     /* 1, 4, 8 or 14 bytes */
    bool timeout_ipending;
    QEMUTimer fifo_timeout;
    bool timer_ready;
    uint64_t char_time_ns;  /* one character at the programmed rate */
};

#endif
