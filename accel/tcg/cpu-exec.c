/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The execution loop and the translation cache: blocks keyed by physical
 * PC and privilege, chained through their static exits (the exit
 * handlers then run the next block directly, see rv_exit_chain()), found
 * through a jump cache for indirect jumps, flushed on FENCE.I,
 * self-modifying stores, PMP changes, memory map changes and system
 * reset.
 */
#include "qemu/osdep.h"
#include "qemu/log.h"
#include "exec/memory.h"
#include "exec/cpu-exec.h"
#include "tcg/region.h"
#include "target/riscv/translate.h"

#define qatomic_read(p) __atomic_load_n(p, __ATOMIC_RELAXED)
#define qatomic_set(p, v) __atomic_store_n(p, v, __ATOMIC_RELAXED)

#define TB_HASH_BITS 14
#define TB_HASH_SIZE (1U << TB_HASH_BITS)

/*
 * Instructions a chain of blocks may run before it returns to the loop:
 * bounds the host stack where the compiler does not turn the handlers'
 * calls into jumps (unoptimised and sanitizer builds).
 */
#define TB_CHAIN_SPAN 4096

/* The cache: used by the vCPU thread only (one thread runs all harts). */
static TranslationBlock *tb_hash[TB_HASH_SIZE];
static unsigned tb_flush_gen;           /* bumped by tb_flush_request() */
static unsigned tb_flush_done;          /* the generation last flushed */
TranslationBlock *tb_jmp_cache[TB_JMP_CACHE_SIZE];
bool tcg_native;

bool tcg_native_available(void)
{
#ifdef CONFIG_TCG_NATIVE
    return true;
#else
    return false;
#endif
}

bool tcg_backend_init(bool native, size_t code_size)
{
    if (!code_size) {
        code_size = TCG_REGION_DEFAULT_SIZE;
    }
    tcg_native = native && rv_native_init(code_size);
    return tcg_native == native;
}

void tb_code_pages_reset(bool destroy);

static inline unsigned tb_hash_func(uint32_t pc, uint32_t flags)
{
    return ((pc >> 1) ^ (pc >> (TB_HASH_BITS + 1)) ^ flags) &
           (TB_HASH_SIZE - 1);
}

void tb_flush_all(void)
{
    unsigned i;

    for (i = 0; i < TB_HASH_SIZE; i++) {
        TranslationBlock *tb = tb_hash[i];

        while (tb) {
            TranslationBlock *next = tb->hash_next;

            g_free(tb);
            tb = next;
        }
        tb_hash[i] = NULL;
    }
    memset(tb_jmp_cache, 0, sizeof(tb_jmp_cache));
    tb_code_pages_reset(false);
    rv_native_reset();
}

void tb_cache_cleanup(void)
{
    tb_flush_all();
    tb_code_pages_reset(true);
    rv_native_cleanup();
}

void tb_flush_request(void)
{
    CPUState *cs;

    __atomic_add_fetch(&tb_flush_gen, 1, __ATOMIC_SEQ_CST);
    CPU_FOREACH(cs) {
        rv_request_exit(&RISCV_CPU(cs)->env);
    }
}

static TranslationBlock *tb_lookup(uint32_t pc, uint32_t flags)
{
    TranslationBlock *tb = tb_hash[tb_hash_func(pc, flags)];

    for (; tb; tb = tb->hash_next) {
        if (tb->pc == pc && tb->flags == flags) {
            return tb;
        }
    }
    return NULL;
}

static void tb_insert(TranslationBlock *tb)
{
    unsigned h = tb_hash_func(tb->pc, tb->flags);

    tb->hash_next = tb_hash[h];
    tb_hash[h] = tb;
}

/* Housekeeping between blocks; true if cached chaining is now invalid. */
static bool cpu_exec_sync(CPURISCVState *env)
{
    bool flushed = false;
    unsigned gen = qatomic_read(&tb_flush_gen);
    unsigned mgen = memory_map_generation();

    if (mgen != env->tlb_gen) {
        env->tlb_gen = mgen;
        tlb_flush(env);
        env->tb_flush_pending = true;
    }
    if (gen != tb_flush_done || env->tb_flush_pending) {
        tb_flush_done = gen;
        env->tb_flush_pending = false;
        tb_flush_all();
        tlb_flush(env);
        flushed = true;
    }
    return flushed;
}

/*
 * Find or translate the block at env->pc; NULL if a fetch fault was taken.
 * Sets *@flushed when it had to drop every block first (the native code
 * buffer was full), so that the caller forgets the block it came from.
 */
static TranslationBlock *tb_find(CPURISCVState *env, uint32_t flags,
                                 bool *flushed)
{
    uint32_t pc = env->pc;
    unsigned h = tb_jmp_cache_hash(pc);
    TranslationBlock *tb = tb_jmp_cache[h];

    if (tb && tb->pc == pc && tb->flags == flags) {
        return tb;
    }
    tb = tb_lookup(pc, flags);
    if (!tb) {
        if (tcg_native && !rv_native_has_room()) {
            tb_flush_all();
            *flushed = true;
        }
        tb = rv_translate_block(env, flags);
        if (!tb) {
            return NULL;
        }
        tb_insert(tb);
    }
    tb_jmp_cache[h] = tb;
    return tb;
}

static int cpu_exec_loop(CPUState *cs, CPURISCVState *env, uint64_t end)
{
    TranslationBlock *last = NULL;
    int slot = -1;
    /* with these logs every block is logged: no direct chaining */
    bool nochain = qemu_loglevel_mask(CPU_LOG_TB_NOCHAIN | CPU_LOG_EXEC |
                                      CPU_LOG_TB_CPU);

    cpu_exec_sync(env);
    for (;;) {
        TranslationBlock *tb;
        uint32_t flags;
        uint64_t limit;

        if (G_UNLIKELY(env->tb_flush_pending ||
                     qatomic_read(&tb_flush_gen) != tb_flush_done)) {
            cpu_exec_sync(env);
            last = NULL;
        }
        if (G_UNLIKELY(qatomic_read(&cs->interrupt_request) ||
                     qatomic_read(&cs->exit_request) || env->irq_check)) {
            int irq;

            env->irq_check = false;
            qatomic_set(&cs->interrupt_request, 0);
            if (qatomic_read(&cs->exit_request)) {
                return EXCP_INTERRUPT;
            }
            if (memory_map_generation() != env->tlb_gen) {
                cpu_exec_sync(env);
                last = NULL;
            }
            irq = riscv_cpu_pending_irq(env);
            if (irq) {
                qatomic_set(&cs->halted, 0);
                riscv_cpu_do_trap(env, (irq - 1) | RISCV_EXCP_INT_FLAG, 0);
                last = NULL;
            }
        }
        if (qatomic_read(&cs->halted)) {
            if (!riscv_cpu_has_work(env)) {
                return EXCP_HLT;
            }
            qatomic_set(&cs->halted, 0);
        }
        if (env->icount >= end) {
            return EXCP_BUDGET;
        }
        flags = env->priv;
        if (last && slot >= 0 && last->jmp[slot] &&
            last->jmp[slot]->pc == env->pc &&
            last->jmp[slot]->flags == flags) {
            tb = last->jmp[slot];
        } else {
            bool flushed = false;

            tb = tb_find(env, flags, &flushed);
            if (flushed) {
                last = NULL;    /* freed with every other block */
            }
            if (!tb) {
                last = NULL;    /* fetch fault taken */
                continue;
            }
            if (last && slot >= 0 && !nochain) {
                last->jmp[slot] = tb;
                if (tcg_native) {
                    rv_native_link(last, slot, tb);
                }
            }
        }
        if (G_UNLIKELY(qemu_loglevel_mask(CPU_LOG_EXEC))) {
            /*
             * QEMU 7.2's numbers: its TB flags for an RV32 hart without
             * F or V (XL = RV32 at bit 20, vtype.vill at bit 12, the MMU
             * index), its cflags (cluster 0xff; CF_NO_GOTO_TB, 0x200,
             * with nochain).
             */
            qemu_log("Trace %d: %p [00000000/%08x/%08x/%08x] \n",
                     cs->cpu_index, (void *)tb, tb->pc,
                     0x00101000 | tb->flags,
                     qemu_loglevel_mask(CPU_LOG_TB_NOCHAIN) ? 0xff000200 :
                     0xff000000);
        }
        if (G_UNLIKELY(qemu_loglevel_mask(CPU_LOG_TB_CPU))) {
            g_autoptr(GString) buf = g_string_new(NULL);

            rv_counters_sync(env);
            riscv_cpu_dump_state(cs, buf,
                                 qemu_loglevel_mask(CPU_LOG_TB_FPU) ?
                                 CPU_DUMP_FPU : 0);
            qemu_log("%s", buf->str);
        }
        /*
         * Let the chain run up to the budget; a kick stores 0 into the
         * limit after setting its request, so a request that this store
         * overwrote is seen by the loads below.
         */
        limit = nochain ? 0 : MIN(end, env->icount + TB_CHAIN_SPAN);
        __atomic_store_n(&env->icount_limit, limit, __ATOMIC_SEQ_CST);
        if (__atomic_load_n(&cs->interrupt_request, __ATOMIC_SEQ_CST) ||
            __atomic_load_n(&cs->exit_request, __ATOMIC_SEQ_CST)) {
            rv_request_exit(env);
        }
        env->exit_slot = -1;
        env->exit_tb = NULL;
        if (tcg_native) {
            rv_native_exec(env, tb);
        } else {
            tb->ops[0].fn(env, tb->ops, env->icount);
        }
        slot = env->exit_slot;
        last = env->exit_tb;
    }
}

int cpu_exec(CPUState *cs, uint64_t max_insns)
{
    CPURISCVState *env = &RISCV_CPU(cs)->env;
    int ret;

    riscv_cpu_select_tlb(env);
    ret = cpu_exec_loop(cs, env, env->icount + max_insns);
    rv_counters_sync(env);
    return ret;
}
