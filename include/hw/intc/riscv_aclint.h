/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The RISC-V ACLINT devices as QEMU 7.2 models them, plus the legacy
 * SiFive CLINT of QEMU <= 6.1.  See docs/system/devices/riscv-aclint.md.
 *
 * "riscv.aclint.swi": one MSIP (or, with sswi=1, SETSSIP) word per hart
 *   in a 0x4000 region; output "unnamed-gpio-out[i]" is hart
 *   hartid-base+i's software interrupt (CPU input 3, or 1 for SSWI).
 * "riscv.aclint.mtimer": MTIMECMP per hart and MTIME counting the
 *   virtual clock at timebase-freq; output "unnamed-gpio-out[i]" is hart
 *   hartid-base+i's timer interrupt (CPU input 7).  The per-hart timers
 *   are set up at realize, so QMP-created instances work.
 * "riscv.sifive.clint": both in one region (sip-base, timecmp-base,
 *   time-base); outputs timer lines 0..n-1 then soft lines n..2n-1, and
 *   when a line is not wired it drives the CPU's input directly, as 6.1
 *   did.
 *
 * No rdtime provider: the CPUs' time CSR is not backed by these devices
 * (as on QEMU's sifive_e).
 */
#ifndef HW_INTC_RISCV_ACLINT_H
#define HW_INTC_RISCV_ACLINT_H

#include "hw/sysbus.h"
#include "qemu/timer.h"

#define TYPE_RISCV_ACLINT_SWI "riscv.aclint.swi"
#define TYPE_RISCV_ACLINT_MTIMER "riscv.aclint.mtimer"
#define TYPE_SIFIVE_CLINT "riscv.sifive.clint"

#define RISCV_ACLINT_MAX_HARTS 4095
#define RISCV_ACLINT_SWI_SIZE 0x4000
#define RISCV_ACLINT_DEFAULT_MTIMECMP 0x0
#define RISCV_ACLINT_DEFAULT_MTIME 0x7ff8
#define RISCV_ACLINT_DEFAULT_MTIMER_SIZE 0x8000

OBJECT_DECLARE_SIMPLE_TYPE(RISCVAclintSwiState, RISCV_ACLINT_SWI)
OBJECT_DECLARE_SIMPLE_TYPE(RISCVAclintMTimerState, RISCV_ACLINT_MTIMER)
OBJECT_DECLARE_SIMPLE_TYPE(SiFiveCLINTState, SIFIVE_CLINT)

typedef struct RISCVMTimerCore RISCVMTimerCore;

/* One hart's comparator and its QEMU timer. */
typedef struct RISCVMTimerHart {
    RISCVMTimerCore *core;
    uint32_t index;         /* relative to hartid-base */
    uint64_t timecmp;
    QEMUTimer timer;
} RISCVMTimerHart;

/**
 * struct RISCVMTimerCore: the MTIME/MTIMECMP machinery shared by
 * riscv.aclint.mtimer and riscv.sifive.clint
 *
 * @irqs: the output lines, one per hart
 * @cpu_fallback: drive CPU input 7 directly when a line is not wired
 * @time_delta: added to the virtual-clock count (MTIME writes)
 */
struct RISCVMTimerCore {
    uint32_t num_harts;
    uint32_t hartid_base;
    uint32_t timebase_freq;
    bool cpu_fallback;
    uint64_t time_delta;
    RISCVMTimerHart *harts;
    qemu_irq *irqs;
};

struct RISCVAclintSwiState {
    SysBusDevice parent_obj;

    MemoryRegion mmio;
    uint32_t hartid_base;
    uint32_t num_harts;
    uint32_t sswi;
    qemu_irq *soft_irqs;
    bool *level;            /* the MSIP bit last driven, per hart */
};

struct RISCVAclintMTimerState {
    SysBusDevice parent_obj;

    MemoryRegion mmio;
    uint32_t hartid_base;
    uint32_t num_harts;
    uint32_t timecmp_base;
    uint32_t time_base;
    uint32_t aperture_size;
    uint32_t timebase_freq;
    RISCVMTimerCore core;
};

struct SiFiveCLINTState {
    SysBusDevice parent_obj;

    MemoryRegion mmio;
    uint32_t hartid_base;
    uint32_t num_harts;
    uint32_t sip_base;
    uint32_t timecmp_base;
    uint32_t time_base;
    uint32_t aperture_size;
    uint32_t timebase_freq;
    RISCVMTimerCore core;
    qemu_irq *soft_irqs;    /* outputs after the timer lines */
    bool *msip;
};

#endif
