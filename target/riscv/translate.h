/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Translation blocks: a guest block decoded once into an array of RVOp
 * records.  The threaded backend runs them through their handlers; the
 * native backend (translate-native.c) generates host code from them
 * into TranslationBlock::tc (see docs/devel/tcg.md).
 */
#ifndef TARGET_RISCV_TRANSLATE_H
#define TARGET_RISCV_TRANSLATE_H

#include "config-host.h"
#include "target/riscv/cpu.h"
#include "target/riscv/decode.h"
#include "exec/cpu-exec.h"

#define TB_MAX_INSNS 64

/* env->exit_slot after a trap was taken inside a block */
#define EXIT_FAULT (-2)

typedef struct RVOp RVOp;
/*
 * A handler runs its instruction, then tail-calls the next record.
 * @icount is env->icount, which holds the count at the start of the
 * block; passed along in a register so that chained blocks do not wait
 * on a store and a load of it.
 */
typedef void RVOpFn(CPURISCVState *env, const RVOp *op, uint64_t icount);

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
 *   1: fall-through), filled lazily by the execution loop; the exit
 *   handlers jump straight into them (rv_exit_chain()).  They live in
 *   the link record, the one after the last op (always the block's exit),
 *   so that an exit handler finds them at op + 1.
 */
struct TranslationBlock {
    uint32_t pc;
    uint32_t flags;
    uint32_t size;
    uint16_t n_insns;
    uint16_t n_ops;
    TranslationBlock *hash_next;
    TranslationBlock **jmp;
    void *tc;                   /* native code, NULL when threaded */
    uint8_t *jmp_site[2];       /* native: the jumps rv_native_link() sets */
    RVOp ops[];
};

/* The exits of the block whose last op is @op. */
static inline TranslationBlock **rv_op_links(const RVOp *op)
{
    return (TranslationBlock **)(op + 1);
}

/* The block that holds @op. */
static inline TranslationBlock *rv_op_tb(const RVOp *op)
{
    return container_of(op - op->idx, TranslationBlock, ops[0]);
}

/*
 * The jump cache: the last block found for a PC hash, for indirect jumps
 * (JALR) to enter the next block without the hash table.  Owned by the
 * vCPU thread; cleared by tb_flush_all().
 */
#define TB_JMP_CACHE_BITS 12
#define TB_JMP_CACHE_SIZE (1U << TB_JMP_CACHE_BITS)
extern TranslationBlock *tb_jmp_cache[TB_JMP_CACHE_SIZE];

static inline unsigned tb_jmp_cache_hash(uint32_t pc)
{
    return (pc >> 1) & (TB_JMP_CACHE_SIZE - 1);
}

/* The handler of each RVOpcode. */
extern RVOpFn *const rv_op_handlers[RV_OP__MAX];

/*
 * Translate the block at env->pc for the current privilege.  Returns NULL
 * (with the fetch fault taken) if its first instruction cannot be fetched.
 */
TranslationBlock *rv_translate_block(CPURISCVState *env, uint32_t flags);

/*
 * The native backend (translate-native.c, x86-64 hosts), used when
 * tcg_native (include/exec/cpu-exec.h) is set.
 */
#ifdef CONFIG_TCG_NATIVE
/*
 * Map a code buffer of @code_size bytes (unless it has that size) and
 * generate the entry code; false on failure.
 */
bool rv_native_init(size_t code_size);
/* Forget all native code (with the translation cache). */
void rv_native_reset(void);
/* Unmap the code buffer (at exit). */
void rv_native_cleanup(void);
/* Generate @tb's code from its ops (their fn is rv_native_cont). */
void rv_native_gen(CPURISCVState *env, TranslationBlock *tb);
/* Point @tb's static exit @slot straight at @next's code. */
void rv_native_link(TranslationBlock *tb, int slot, TranslationBlock *next);
/* Run @tb (and the blocks it chains to) until the chain returns. */
void rv_native_exec(CPURISCVState *env, TranslationBlock *tb);
/*
 * The next-record continuation of a native block's ops: a threaded
 * handler called from native code returns through it, having set
 * env->native_cont (a handler that ends the block never calls it).
 */
void rv_native_cont(CPURISCVState *env, const RVOp *op, uint64_t icount);
/* Whether the code buffer has room for another block. */
bool rv_native_has_room(void);
#else
static inline bool rv_native_init(size_t code_size) { return false; }
static inline void rv_native_reset(void) { }
static inline void rv_native_cleanup(void) { }
static inline void rv_native_gen(CPURISCVState *env, TranslationBlock *tb)
{
    g_assert_not_reached();
}
static inline void rv_native_link(TranslationBlock *tb, int slot,
                                  TranslationBlock *next) { }
static inline void rv_native_exec(CPURISCVState *env, TranslationBlock *tb)
{
    g_assert_not_reached();
}
static inline void rv_native_cont(CPURISCVState *env, const RVOp *op,
                                  uint64_t icount) { }
static inline bool rv_native_has_room(void) { return true; }
#endif

/* Fetch @size bytes of code at @addr; false on a bus error. */
bool rv_fetch_code(CPURISCVState *env, uint32_t addr, unsigned size,
                   uint32_t *val);

/* Retire @n instructions (minstret and mcycle follow, see cpu.h). */
static inline void rv_retire(CPURISCVState *env, unsigned n)
{
    env->icount += n;
}

/* Raise an exception at @op (nothing of @op retired). */
void rv_raise(CPURISCVState *env, const RVOp *op, uint32_t cause,
              uint32_t tval);

/*
 * Leave the block after @op, continuing at @pc, back to the execution
 * loop; @slot as rv_exit_chain().
 */
static inline void rv_exit(CPURISCVState *env, const RVOp *op, uint32_t pc,
                           int slot)
{
    env->pc = pc;
    env->exit_slot = slot;
    env->exit_tb = rv_op_tb(op);
    rv_retire(env, op->idx + 1);
}

/*
 * Leave the block after @op through its static exit @slot (0: taken or
 * jump, 1: fall-through), continuing at @pc, with @retired instructions
 * of the block retired.  When that exit is linked
 * and the hart need not stop (icount below icount_limit), the next block
 * runs at once (a tail call); otherwise this returns to the loop.
 */
static inline void rv_exit_chain(CPURISCVState *env, const RVOp *op,
                                 uint64_t icount, uint32_t pc, int slot,
                                 unsigned retired)
{
    TranslationBlock *next = rv_op_links(op)[slot];

    icount += retired;
    env->icount = icount;
    if (G_LIKELY(next && icount < __atomic_load_n(&env->icount_limit,
                                                  __ATOMIC_RELAXED))) {
        next->ops[0].fn(env, next->ops, icount);
        return;
    }
    env->pc = pc;
    env->exit_slot = slot;
    env->exit_tb = rv_op_tb(op);
}

/*
 * Leave the block after @op for a computed @pc (JALR): the jump cache
 * finds the next block without returning to the loop.
 */
static inline void rv_exit_indirect(CPURISCVState *env, const RVOp *op,
                                    uint64_t icount, uint32_t pc)
{
    TranslationBlock *next = tb_jmp_cache[tb_jmp_cache_hash(pc)];

    icount += op->idx + 1;
    env->icount = icount;
    if (G_LIKELY(next && next->pc == pc && next->flags == env->priv &&
               icount < __atomic_load_n(&env->icount_limit,
                                        __ATOMIC_RELAXED))) {
        next->ops[0].fn(env, next->ops, icount);
        return;
    }
    env->pc = pc;
    env->exit_slot = -1;
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
/*
 * A plain load or store @op (LB...SW) at @addr through the slow path:
 * size, sign extension (loads) and truncation (stores) from the opcode;
 * false as tlb_load_slow()/tlb_store_slow().
 */
bool rv_load_op(CPURISCVState *env, const RVOp *op, uint32_t addr,
                uint32_t *val);
bool rv_store_op(CPURISCVState *env, const RVOp *op, uint32_t addr,
                 uint32_t val);
/*
 * The rest of a plain load or store handler after a TLB miss: the access,
 * rd (loads), then the next record's handler (unless the block ends).
 */
void rv_load_miss(CPURISCVState *env, const RVOp *op, uint64_t icount,
                  uint32_t addr);
void rv_store_miss(CPURISCVState *env, const RVOp *op, uint64_t icount,
                   uint32_t addr);
void tlb_flush(CPURISCVState *env);
/* Record that [addr, addr+len) holds translated code. */
void tb_mark_code(uint32_t addr, uint32_t len);
/* Forget all translations (from the vCPU thread, between blocks). */
void tb_flush_all(void);

/* The TLB entry of @addr for data accesses at the current privilege. */
static inline CPUTLBEntry *rv_tlb_entry(CPURISCVState *env, uint32_t addr)
{
    return &env->tlb_cur[(addr >> TARGET_PAGE_BITS) & (CPU_TLB_SIZE - 1)];
}

/* Whether an aligned access of @size at @addr hits RAM in @cmp's page. */
static inline bool rv_tlb_hit(uint32_t cmp, uint32_t addr, unsigned size)
{
    return cmp == (addr & (TARGET_PAGE_MASK | (size - 1)));
}

#endif
