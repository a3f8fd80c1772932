/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The abstract CPU device.  Target CPUs (target/riscv) derive from it.
 * CPUs are numbered by creation order (cpu_index), which is what
 * "loader cpu-num=N" and HMP's cpu index refer to.
 */
#ifndef HW_CORE_CPU_H
#define HW_CORE_CPU_H

#include "exec/hwaddr.h"
#include "exec/memory.h"
#include "hw/qdev-core.h"

#define TYPE_CPU "cpu"
OBJECT_DECLARE_TYPE(CPUState, CPUClass, CPU)

typedef uint64_t vaddr;

/**
 * struct CPUClass
 *
 * @set_pc: set the program counter (loaders, after reset)
 * @get_pc: read it
 * @reset_vector: where the CPU starts after its own reset (for
 *   x-machine-lint)
 * @dump_state: HMP "info registers" and "-d cpu" text, appended to @buf;
 *   @flags: CPU_DUMP_*
 */
#define CPU_DUMP_FPU 0x20000    /* the FPU registers too (info registers) */

struct CPUClass {
    DeviceClass parent_class;

    void (*set_pc)(CPUState *cpu, vaddr pc);
    vaddr (*get_pc)(CPUState *cpu);
    vaddr (*reset_vector)(CPUState *cpu);
    void (*dump_state)(CPUState *cpu, GString *buf, int flags);
};

/**
 * struct CPUState
 *
 * @cpu_index: creation order, from 0
 * @as: the address space it fetches and accesses through
 * @halted: asleep in WFI until an interrupt is pending (atomic)
 * @exit_request: leave the execution loop at the next block boundary
 *   (pause, stop, quit; atomic)
 * @interrupt_request: an interrupt line changed: re-check at the next
 *   block boundary (atomic)
 *
 * Locking rules: see docs/devel/tcg.md.
 */
struct CPUState {
    DeviceState parent_obj;

    int cpu_index;
    AddressSpace *as;
    int halted;
    int exit_request;
    int interrupt_request;
};

/* The CPU of index @index, or NULL. */
CPUState *qemu_get_cpu(int index);
/* The CPUs in index order; the list is owned by the CPU layer. */
GSList *cpu_list(void);
#define CPU_FOREACH(cpu)                                                   \
    for (GSList *cpu_it_ = cpu_list();                                     \
         cpu_it_ && ((cpu) = cpu_it_->data, true); cpu_it_ = cpu_it_->next)

/*
 * An interrupt input of @cpu changed (any thread): make the hart re-check
 * at its next block boundary and wake it from WFI.
 */
void cpu_interrupt_kick(CPUState *cpu);

/*
 * Drive @irq to @level; when it is not wired (NULL), drive input line @n
 * of the CPU with index @cpu_index instead, if that CPU exists.  For the
 * devices that in QEMU 6.1 set a hart's mip bit directly.  The CPU is
 * looked up at every change, so it may be created after the device.
 */
void qemu_set_irq_or_cpu_input(qemu_irq irq, int64_t cpu_index, int n,
                               int level);

static inline void cpu_set_pc(CPUState *cpu, vaddr pc)
{
    CPU_GET_CLASS(cpu)->set_pc(cpu, pc);
}

#endif
