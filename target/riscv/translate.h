/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Translation blocks of the threaded-code backend: a guest block decoded
 * once into an array of RVOp records, each naming its handler.  A native
 * code generator would be a second backend filling TranslationBlock::tc
 * from the same RVInsn stream (see docs/devel/tcg.md).
 */
#ifndef TARGET_RISCV_TRANSLATE_H
#define TARGET_RISCV_TRANSLATE_H

#include "target/riscv/cpu.h"
#include "target/riscv/decode.h"

#define TB_MAX_INSNS 64

/* env->exit_slot after a trap was taken inside a block */
#define EXIT_FAULT (-2)

typedef struct RVOp RVOp;
/* A handler runs its instruction, then tail-calls the next record. */
typedef void RVOpFn(CPURISCVState *env, const RVOp *op);

/**
 * struct RVOp: one pre-decoded instruction
 *
 * @idx: position in the block (instructions retired before it), so that
 *   a fault knows minstret exactly
 */
struct RVOp {
    RVOpFn *fn;
    uint32_t pc;
    int32_t imm;
    uint32_t word;
    uint8_t rd;
    uint8_t rs1;
    uint8_t rs2;
    uint8_t len;
    uint16_t idx;
    uint16_t opc;
};

/**
 * struct TranslationBlock
 *
 * @pc/@flags: the key (physical PC; privilege)
 * @jmp: the blocks its two static exits lead to (0: taken/jump,
 *   1: fall-through), filled lazily by the execution loop
 */
struct TranslationBlock {
    uint32_t pc;
    uint32_t flags;
    uint32_t size;
    uint16_t n_insns;
    uint16_t n_ops;
    TranslationBlock *hash_next;
    TranslationBlock *jmp[2];
    RVOp ops[];
};

/* The handler of each RVOpcode. */
extern RVOpFn *const rv_op_handlers[RV_OP__MAX];

/*
 * Translate the block at env->pc for the current privilege.  Returns NULL
 * (with the fetch fault taken) if its first instruction cannot be fetched.
 */
TranslationBlock *rv_translate_block(CPURISCVState *env, uint32_t flags);

/* Fetch @size bytes of code at @addr; false on a bus error. */
bool rv_fetch_code(CPURISCVState *env, uint32_t addr, unsigned size,
                   uint32_t *val);

/* Retire @n instructions: minstret, mcycle (unless inhibited). */
static inline void rv_retire(CPURISCVState *env, unsigned n)
{
    if (!(env->mcountinhibit & COUNTEREN_IR)) {
        env->minstret += n;
    }
    if (!(env->mcountinhibit & COUNTEREN_CY)) {
        env->mcycle += n;
    }
}

/* Raise an exception at @op (nothing of @op retired). */
void rv_raise(CPURISCVState *env, const RVOp *op, uint32_t cause,
              uint32_t tval);

/* Leave the block after @op, continuing at @pc. */
static inline void rv_exit(CPURISCVState *env, const RVOp *op, uint32_t pc,
                           int slot)
{
    env->pc = pc;
    env->exit_slot = slot;
    rv_retire(env, op->idx + 1);
}

/* Slow paths of the soft TLB (accel/tcg/cputlb.c). */
/*
 * Load: false if the access faulted (the trap is taken).  @cause is the
 * access-fault cause to raise.
 */
bool tlb_load_slow(CPURISCVState *env, const RVOp *op, uint32_t addr,
                   unsigned size, uint32_t *val, uint32_t cause);
/*
 * Store: false if the block must end after @op (fault taken, or @op
 * wrote translated code and the block is left with a flush pending).
 */
bool tlb_store_slow(CPURISCVState *env, const RVOp *op, uint32_t addr,
                    unsigned size, uint32_t val);
void tlb_flush(CPURISCVState *env);
/* Record that [addr, addr+len) holds translated code. */
void tb_mark_code(uint32_t addr, uint32_t len);
/* Forget all translations (from the vCPU thread, between blocks). */
void tb_flush_all(void);

/* Fast-path loads and stores. */
static inline bool rv_ld(CPURISCVState *env, const RVOp *op, uint32_t addr,
                         unsigned size, uint32_t *val)
{
    CPUTLBEntry *e = &env->tlb[env->mmu_idx][(addr >> TARGET_PAGE_BITS) &
                                            (CPU_TLB_SIZE - 1)];

    if (G_LIKELY(e->addr_read == (addr & TARGET_PAGE_MASK) &&
               (addr & ~TARGET_PAGE_MASK) <= TARGET_PAGE_SIZE - size)) {
        const void *p = (const void *)(uintptr_t)(addr + e->addend);

        switch (size) {
        case 1:
            *val = *(const uint8_t *)p;
            break;
        case 2: {
            uint16_t v;

            memcpy(&v, p, 2);
            *val = v;
            break;
        }
        default:
            memcpy(val, p, 4);
            break;
        }
        return true;
    }
    return tlb_load_slow(env, op, addr, size, val,
                         RISCV_EXCP_LOAD_ACCESS_FAULT);
}

static inline bool rv_st(CPURISCVState *env, const RVOp *op, uint32_t addr,
                         unsigned size, uint32_t val)
{
    CPUTLBEntry *e = &env->tlb[env->mmu_idx][(addr >> TARGET_PAGE_BITS) &
                                            (CPU_TLB_SIZE - 1)];

    if (G_LIKELY(e->addr_write == (addr & TARGET_PAGE_MASK) &&
               (addr & ~TARGET_PAGE_MASK) <= TARGET_PAGE_SIZE - size)) {
        void *p = (void *)(uintptr_t)(addr + e->addend);

        switch (size) {
        case 1:
            *(uint8_t *)p = val;
            break;
        case 2: {
            uint16_t v = val;

            memcpy(p, &v, 2);
            break;
        }
        default:
            memcpy(p, &val, 4);
            break;
        }
        return true;
    }
    return tlb_store_slow(env, op, addr, size, val);
}

#endif
