/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * "ibex-timer": the OpenTitan rv_timer (one hart, one timer) as QEMU
 * models it, in the 7.x register layout (ALERT_TEST at 0x000, CTRL at
 * 0x004).  See docs/system/devices/ibex-timer.md.
 *
 * Property "timebase-freq" (uint32, Hz, default 10000): mtime counts the
 * virtual clock at that rate.  One MMIO region of 0x400 bytes.  Outputs:
 * sysbus-irq[0], the timer interrupt gated by INTR_ENABLE (to a PLIC), and
 * unnamed-gpio-out[0], the machine-timer level for CPU 0's MTIP
 * ("unnamed-gpio-in[7]"); when that output is not wired, CPU 0's MTIP is
 * driven directly, as QEMU 6.1 did.
 */
#ifndef HW_TIMER_IBEX_TIMER_H
#define HW_TIMER_IBEX_TIMER_H

#include "hw/sysbus.h"
#include "qemu/timer.h"

#define TYPE_IBEX_TIMER "ibex-timer"
OBJECT_DECLARE_SIMPLE_TYPE(IbexTimerState, IBEX_TIMER)

/* The CPU input the MTIP output drives, and that CPU's index */
#define IBEX_TIMER_CPU_MTIP 7
#define IBEX_TIMER_HART 0

struct IbexTimerState {
    SysBusDevice parent_obj;

    MemoryRegion mmio;
    qemu_irq irq;           /* sysbus-irq[0] */
    qemu_irq m_timer_irq;   /* unnamed-gpio-out[0] */
    QEMUTimer mtimer;
    bool timer_ready;       /* mtimer initialized (realized) */

    uint64_t mtimecmp;
    uint32_t ctrl;
    uint32_t cfg0;
    uint32_t compare_lower0;
    uint32_t compare_upper0;
    uint32_t intr_enable;
    uint32_t intr_state;

    uint32_t timebase_freq;
};

#endif
