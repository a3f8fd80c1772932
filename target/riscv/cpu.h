/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * RISC-V hart state (CPURISCVState), the QOM CPU object (RISCVCPU) and the
 * target interface used by the execution engine in accel/tcg.
 */
#ifndef TARGET_RISCV_CPU_H
#define TARGET_RISCV_CPU_H

#include "hw/core/cpu.h"
#include "target/riscv/cpu_bits.h"
#include "target/riscv/insn-table.h"

#define TYPE_RISCV_CPU "riscv-cpu"
#define RISCV_CPU_TYPE_SUFFIX "-" TYPE_RISCV_CPU
#define RISCV_CPU_TYPE_NAME(name) (name RISCV_CPU_TYPE_SUFFIX)
#define TYPE_RISCV_CPU_BASE32 RISCV_CPU_TYPE_NAME("rv32")
#define TYPE_RISCV_CPU_IBEX RISCV_CPU_TYPE_NAME("lowrisc-ibex")
#define TYPE_RISCV_CPU_SIFIVE_E31 RISCV_CPU_TYPE_NAME("sifive-e31")

OBJECT_DECLARE_TYPE(RISCVCPU, RISCVCPUClass, RISCV_CPU)

/* Guest pages as the soft TLB and the code tracker see them. */
#define TARGET_PAGE_BITS 12
#define TARGET_PAGE_SIZE (1U << TARGET_PAGE_BITS)
#define TARGET_PAGE_MASK (~(TARGET_PAGE_SIZE - 1))

/*
 * Soft TLB: direct-mapped, one table per data privilege (MMU index).
 * 4096 entries cover 16 MiB, so that buffers a power of two apart in a
 * microcontroller's RAM do not evict each other.
 */
#define CPU_TLB_BITS 12
#define CPU_TLB_SIZE (1U << CPU_TLB_BITS)
#define MMU_IDX_U 0
#define MMU_IDX_M 1
#define NB_MMU_MODES 2
#define TLB_INVALID UINT32_MAX

/* Set in addr_read/addr_write of an I/O entry: the fast path misses. */
#define TLB_IO (1U << (TARGET_PAGE_BITS - 1))

/**
 * CPUTLBEntry: one page of the soft TLB
 *
 * A hit on an aligned read is
 * `addr_read == (addr & (TARGET_PAGE_MASK | (size - 1)))`, then the host
 * address is `addr + addend`.  Misaligned accesses never hit.  An entry
 * never hits (TLB_INVALID) for pages PMP only partly allows, and (writes)
 * for pages holding translated code and ROM, so those accesses take the
 * slow path.  I/O entries (page | TLB_IO) never hit either; the slow path
 * then finds the region in the CPUIOTLBEntry beside it.
 */
typedef struct CPUTLBEntry {
    uint32_t addr_read;
    uint32_t addr_write;
    uintptr_t addend;
} CPUTLBEntry;

/**
 * RVReadWindow: a range of RAM that loads of one MMU index may read
 * directly (PMP allows reads of all of it; ROM too).  A load at @base +
 * off with off < @lim (the range's size less 3, so that accesses up to 4
 * bytes stay inside) reads @host + off.  Set up by the TLB's slow path
 * on a RAM fill, cleared by tlb_flush().
 */
typedef struct RVReadWindow {
    uint32_t base;
    uint32_t lim;
    uintptr_t host;
} RVReadWindow;

/**
 * CPUIOTLBEntry: the I/O region behind a TLB_IO entry
 *
 * Accesses inside [@lo, @hi] go to @mr at offset addr - @lo + @xlat,
 * without a map lookup, while the memory map generation is unchanged.
 */
typedef struct CPUIOTLBEntry {
    MemoryRegion *mr;
    uint32_t lo;
    uint32_t hi;
    uint64_t xlat;
} CPUIOTLBEntry;

typedef struct TranslationBlock TranslationBlock;

/**
 * CPURISCVState: the architectural state of one hart and its engine state
 *
 * gpr[32] is a sink for writes to x0, so handlers never test rd == 0.
 */
typedef struct CPURISCVState {
    uint32_t gpr[33];
    uint32_t pc;
    uint32_t priv;              /* PRV_U or PRV_M */

    /* machine CSRs */
    uint32_t mstatus;
    uint32_t mtvec;
    uint32_t mepc;
    uint32_t mcause;
    uint32_t mtval;
    uint32_t mscratch;
    uint32_t mie;
    uint32_t mip_sw;            /* software-writable mip bits */
    uint32_t mip_hw;            /* lines driven by devices (atomic) */
    uint32_t mcounteren;
    uint32_t mcountinhibit;
    uint32_t mseccfg;
    uint64_t mcycle;
    uint64_t minstret;
    uint8_t pmpcfg[MAX_RISCV_PMPS];
    uint32_t pmpaddr[MAX_RISCV_PMPS];

    /* identification and configuration (from the CPU type/properties) */
    uint32_t misa;
    uint32_t mvendorid;
    uint32_t marchid;
    uint32_t mimpid;
    uint32_t mhartid;
    uint32_t priv_ver;
    bool has_epmp;

    /* LR/SC reservation: address and the value loaded */
    uint32_t load_res;
    uint32_t load_val;
    bool res_valid;

    /*
     * engine state (accel/tcg)
     *
     * @icount counts every instruction the engine retired; minstret and
     * mcycle take their share of it when rv_counters_sync() runs (CSR
     * accesses, leaving cpu_exec()).  Blocks chain into each other while
     * icount < @icount_limit; any thread stores 0 there to make the hart
     * leave its chain at the next block boundary.
     */
    uint64_t icount;
    uint64_t icount_synced;     /* icount when the counters were synced */
    uint64_t icount_limit;      /* atomic */
    CPUTLBEntry *tlb_cur;       /* tlb[mmu_idx] */
    /*
     * The read window of mmu_idx (a copy of rdwin[mmu_idx]): a load at
     * addr with off = addr - rdwin_base < rdwin_lim reads rdwin_host + off
     * without the TLB.  rdwin_lim 0: none.
     */
    uint32_t rdwin_base;
    uint32_t rdwin_lim;
    uintptr_t rdwin_host;
    TranslationBlock *exit_tb;  /* the block the last exit left */
    int mmu_idx;                /* data accesses: MPRV-effective priv */
    bool irq_check;             /* re-check interrupts at block end */
    bool tb_flush_pending;      /* flush translations at block end */
    bool native_cont;           /* native code: the handler went on */
    uint32_t tlb_gen;           /* memory_map_generation() of the TLB */
    uint64_t budget;            /* instructions left in this slice */
    int exit_slot;              /* -1: no direct chaining */
    RVReadWindow rdwin[NB_MMU_MODES];
    CPUTLBEntry tlb[NB_MMU_MODES][CPU_TLB_SIZE];
    CPUIOTLBEntry iotlb[NB_MMU_MODES][CPU_TLB_SIZE];
} CPURISCVState;

/**
 * struct RISCVCPU: a hart
 *
 * @halted: asleep in WFI (atomic; written by the vCPU thread, read by
 *   kicks)
 */
struct RISCVCPU {
    CPUState parent_obj;

    CPURISCVState env;
    uint64_t resetvec;
    uint32_t cfg_mvendorid;
    uint32_t cfg_marchid;
    uint32_t cfg_mimpid;
};

/**
 * struct RISCVCPUClass
 *
 * @misa, @priv_ver, @has_epmp, @default_resetvec: what the model is
 */
struct RISCVCPUClass {
    CPUClass parent_class;

    DeviceRealize parent_realize;
    uint32_t misa;
    uint32_t priv_ver;
    bool has_epmp;
    uint64_t default_resetvec;
};

static inline RISCVCPU *env_archcpu(CPURISCVState *env)
{
    return container_of(env, RISCVCPU, env);
}

static inline CPUState *env_cpu(CPURISCVState *env)
{
    return &env_archcpu(env)->parent_obj;
}

/* The mip value: software bits plus device lines. */
static inline uint32_t riscv_cpu_mip(CPURISCVState *env)
{
    return env->mip_sw | __atomic_load_n(&env->mip_hw, __ATOMIC_RELAXED);
}

/* Interrupts enabled and pending that the hart would take now (cause+1),
 * or 0. */
int riscv_cpu_pending_irq(CPURISCVState *env);
/* Any enabled interrupt pending, whatever mstatus.MIE says (WFI wake). */
bool riscv_cpu_has_work(CPURISCVState *env);

/* Reset the architectural state (PC := resetvec, M-mode). */
void riscv_cpu_reset_state(RISCVCPU *cpu);

/**
 * riscv_cpu_do_trap: take an exception (@cause < 32) or an interrupt
 * (@cause | RISCV_EXCP_INT_FLAG) with the trapping PC in env->pc.
 */
void riscv_cpu_do_trap(CPURISCVState *env, uint32_t cause, uint32_t tval);

/* Recompute env->mmu_idx after priv or mstatus changes. */
void riscv_cpu_update_mmu_idx(CPURISCVState *env);

/* Point the data fast paths (TLB, read window) at env->mmu_idx. */
static inline void riscv_cpu_select_tlb(CPURISCVState *env)
{
    RVReadWindow *w = &env->rdwin[env->mmu_idx];

    env->tlb_cur = env->tlb[env->mmu_idx];
    env->rdwin_base = w->base;
    env->rdwin_lim = w->lim;
    env->rdwin_host = w->host;
}

/* Fold the instructions retired since the last sync into the counters. */
static inline void rv_counters_sync(CPURISCVState *env)
{
    uint64_t n = env->icount - env->icount_synced;

    env->icount_synced = env->icount;
    if (!(env->mcountinhibit & COUNTEREN_IR)) {
        env->minstret += n;
    }
    if (!(env->mcountinhibit & COUNTEREN_CY)) {
        env->mcycle += n;
    }
}

/*
 * Make the hart leave its chain of blocks at the next block boundary
 * (interrupt re-check, flush, exit).  Any thread.
 */
static inline void rv_request_exit(CPURISCVState *env)
{
    __atomic_store_n(&env->icount_limit, 0, __ATOMIC_SEQ_CST);
}

/* CSRs (csr.c).  Return RISCV_EXCP_NONE or an exception cause. */
int riscv_csr_rmw(CPURISCVState *env, int csrno, uint32_t *ret_value,
                  uint32_t new_value, uint32_t write_mask, bool write);
/* Side-effect-free read for monitors and dumps; false if not present. */
bool riscv_csr_peek(CPURISCVState *env, int csrno, uint32_t *val);

/* PMP (pmp.c) */
/*
 * Whether [addr, addr+size) may be accessed with @prot (PMP_READ/WRITE/
 * EXEC) at privilege @priv.
 */
bool riscv_pmp_check(CPURISCVState *env, uint32_t addr, unsigned size,
                     int prot, int priv);
/*
 * The permissions that hold for the whole page of @addr at @priv, or -1
 * if they vary inside the page (the page must then not be cached).
 */
int riscv_pmp_page_prot(CPURISCVState *env, uint32_t addr, int priv);
/* The same for the range [lo, hi]: uniform permission, or -1. */
int riscv_pmp_range_prot(CPURISCVState *env, uint32_t lo, uint32_t hi,
                         int priv);
void riscv_pmpcfg_write(CPURISCVState *env, int index, uint32_t val);
uint32_t riscv_pmpcfg_read(CPURISCVState *env, int index);
void riscv_pmpaddr_write(CPURISCVState *env, int index, uint32_t val);

/* The trap cause's name as -d int prints it. */
const char *riscv_cpu_trap_name(uint32_t cause, bool async);

/* dump_state for HMP "info registers" and -d cpu. */
void riscv_cpu_dump_state(CPUState *cs, GString *buf, int flags);

#endif
