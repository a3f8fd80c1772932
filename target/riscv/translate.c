/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The threaded-code backend: handlers generated from insn-sem.c.inc, and
 * the translator that decodes a guest block into RVOp records.
 */
#include "qemu/osdep.h"
#include "qemu/log.h"
#include "target/riscv/translate.h"

#define qatomic_set(p, v) __atomic_store_n(p, v, __ATOMIC_RELAXED)

#define RD  (env->gpr[op->rd])
#define RS1 (rs1v)
#define RS2 (env->gpr[op->rs2])
#define IMM ((uint32_t)op->imm)
#define PC  (op->pc)
#define LEN (op->len)

/*
 * RV_HANDLER(NAME) { body }: the handler op_NAME, which reads rs1 and
 * runs opv_NAME, the body with rs1's value (RS1) as a parameter, so that
 * a fused pair can pass the value the first instruction computed
 * without a reload of what it just stored (rv_fused_handler()).
 */
#define RV_HANDLER(NAME)                                                   \
    static inline __attribute__((always_inline)) void                     \
    opv_##NAME(CPURISCVState *env, const RVOp *op, uint64_t icount,        \
               uint32_t rs1v);                                             \
    static void op_##NAME(CPURISCVState *env, const RVOp *op,              \
                          uint64_t icount)                                 \
    {                                                                      \
        opv_##NAME(env, op, icount, env->gpr[op->rs1]);                    \
    }                                                                      \
    static inline __attribute__((always_inline)) void                     \
    opv_##NAME(CPURISCVState *env, const RVOp *op, uint64_t icount,        \
               uint32_t rs1v)
#define RVOP(NAME, ...)                                                    \
    RV_HANDLER(NAME)                                                       \
    {                                                                      \
        __VA_ARGS__                                                        \
        op[1].fn(env, op + 1, icount);                                     \
    }
#define RVALU(NAME, ...)                                                   \
    static inline uint32_t sem_##NAME(CPURISCVState *env, const RVOp *op,  \
                                      uint32_t rs1v)                       \
    {                                                                      \
        return __VA_ARGS__;                                                \
    }                                                                      \
    RVOP(NAME, RD = sem_##NAME(env, op, rs1v);)
#define RVOP_END(NAME, ...)                                                \
    RV_HANDLER(NAME)                                                       \
    {                                                                      \
        __VA_ARGS__                                                        \
    }

void rv_raise(CPURISCVState *env, const RVOp *op, uint32_t cause,
              uint32_t tval)
{
    env->pc = op->pc;
    rv_retire(env, op->idx);
    riscv_cpu_do_trap(env, cause, tval);
    env->exit_slot = EXIT_FAULT;
}

/* Jump targets: misaligned only without C (bit 1 set). */
static inline bool check_target(CPURISCVState *env, const RVOp *op,
                                uint32_t target)
{
    if ((target & 2) && !(env->misa & RVC)) {
        rv_raise(env, op, RISCV_EXCP_INST_ADDR_MIS, target);
        return false;
    }
    return true;
}

/* AMOs need write permission before anything is read. */
static bool amo_check(CPURISCVState *env, const RVOp *op, uint32_t addr)
{
    int priv = env->mmu_idx == MMU_IDX_M ? PRV_M : PRV_U;

    if (!riscv_pmp_check(env, addr, 4, PMP_READ | PMP_WRITE, priv)) {
        rv_raise(env, op, RISCV_EXCP_STORE_AMO_ACCESS_FAULT, addr);
        return false;
    }
    return true;
}

/*
 * A CSR instruction ends its block: earlier instructions are retired
 * first, so that counters read exactly; a CSR write takes effect after
 * the instruction's own retirement (csr.c compensates for counters).
 */
static void rv_csr_insn(CPURISCVState *env, const RVOp *op, uint32_t src,
                        uint32_t mask, bool write)
{
    uint32_t old = 0;
    int ret;

    env->pc = op->pc;
    rv_retire(env, op->idx);
    rv_counters_sync(env);
    ret = riscv_csr_rmw(env, op->imm, &old, src, write ? mask : 0, write);
    if (ret != RISCV_EXCP_NONE) {
        riscv_cpu_do_trap(env, ret, op->word);
        env->exit_slot = EXIT_FAULT;
        return;
    }
    RD = old;
    env->pc = op->pc + op->len;
    env->exit_slot = 1;
    env->exit_tb = rv_op_tb(op);
    rv_retire(env, 1);
    env->irq_check = true;
}

#include "target/riscv/insn-sem.c.inc"

static void op_ILLEGAL(CPURISCVState *env, const RVOp *op, uint64_t icount)
{
    rv_raise(env, op, RISCV_EXCP_ILLEGAL_INST, op->word);
}

/* The synthetic end of a block that does not end in a jump. */
static void op_GOTO(CPURISCVState *env, const RVOp *op, uint64_t icount)
{
    rv_exit_chain(env, op, icount, op->pc, 1, op->idx);
}

/*
 * Fused pairs: a register-only instruction (RVALU) and the one after it
 * run in one handler, saving a dispatch.  Each keeps its own record (pc,
 * idx), so exceptions and counts stay exact; the second record's body
 * runs inline.  When the second reads the first's destination as rs1
 * (op_A__B_f), it gets the value in a host register, not through a
 * store and a reload of env->gpr.
 */
#define RV_FUSE_FIRST(X) \
    X(LUI) X(AUIPC) X(ADDI) X(ANDI) X(SLLI) X(SRLI) X(ADD) X(SUB)
#define RV_FUSE_SECOND(X, A) \
    X(A, ADDI) X(A, ADD) X(A, LW) X(A, SW) X(A, LBU) X(A, BEQ) X(A, BNE) \
    X(A, BLT) X(A, BGE) X(A, BLTU) X(A, BGEU) X(A, JALR)

#define RV_FUSE_DEF2(A, B)                                                 \
    static void op_##A##__##B(CPURISCVState *env, const RVOp *op,          \
                              uint64_t icount)                             \
    {                                                                      \
        RD = sem_##A(env, op, env->gpr[op->rs1]);                          \
        opv_##B(env, op + 1, icount, env->gpr[op[1].rs1]);                 \
    }                                                                      \
    static void op_##A##__##B##_f(CPURISCVState *env, const RVOp *op,      \
                                  uint64_t icount)                         \
    {                                                                      \
        uint32_t v = sem_##A(env, op, env->gpr[op->rs1]);                  \
                                                                           \
        RD = v;                                                            \
        opv_##B(env, op + 1, icount, v);                                   \
    }
#define RV_FUSE_DEF(A) RV_FUSE_SECOND(RV_FUSE_DEF2, A)
RV_FUSE_FIRST(RV_FUSE_DEF)

/*
 * The handler running @a then @b, or NULL; @fwd: @b's rs1 is @a's rd
 * (not x0).
 */
static RVOpFn *rv_fused_handler(int a, int b, bool fwd)
{
#define RV_FUSE_CASE2(A, B)                                                \
        case RV_OP_##B:                                                    \
            return fwd ? op_##A##__##B##_f : op_##A##__##B;
#define RV_FUSE_CASE(A)                                                    \
    case RV_OP_##A:                                                        \
        switch (b) {                                                       \
        RV_FUSE_SECOND(RV_FUSE_CASE2, A)                                   \
        default:                                                           \
            return NULL;                                                   \
        }
    switch (a) {
    RV_FUSE_FIRST(RV_FUSE_CASE)
    default:
        return NULL;
    }
#undef RV_FUSE_CASE
#undef RV_FUSE_CASE2
}

RVOpFn *const rv_op_handlers[RV_OP__MAX] = {
#define RV_HANDLER_(name, mn, ma, mk, fm, fl) [RV_OP_##name] = op_##name,
    RV_INSN_LIST(RV_HANDLER_)
#undef RV_HANDLER_
    [RV_OP_ILLEGAL] = op_ILLEGAL,
    [RV_OP_GOTO] = op_GOTO,
};

static void rv_log_in_asm(TranslationBlock *tb, RVInsn *insns)
{
    FILE *f = qemu_log_trylock();
    uint32_t pc = tb->pc;
    int i;

    if (!f) {
        return;
    }
    fprintf(f, "----------------\nIN: \nPriv: %u; Virt: 0\n", tb->flags);
    for (i = 0; i < tb->n_insns; i++) {
        char text[64], hex[12], *sp;

        rv_disas(&insns[i], pc, text, sizeof(text));
        snprintf(hex, sizeof(hex), insns[i].len == 4 ? "%08x" : "%04x",
                 insns[i].word);
        sp = strchr(text, ' ');
        if (sp) {
            *sp = 0;
        }
        fprintf(f, "0x%08x:  %-18s%-24s%s\n", pc, hex, text,
                sp ? sp + 1 : "");
        pc += insns[i].len;
    }
    fprintf(f, "\n");
    qemu_log_unlock(f);
}

TranslationBlock *rv_translate_block(CPURISCVState *env, uint32_t flags)
{
    RVInsn insns[TB_MAX_INSNS];
    uint32_t pc = env->pc, start = env->pc;
    int priv = flags;
    int n = 0, i;
    TranslationBlock *tb;
    bool ended = false;

    while (n < TB_MAX_INSNS) {
        uint32_t word, hi;
        unsigned len;
        RVInsn *in = &insns[n];

        if (!riscv_pmp_check(env, pc, 2, PMP_EXEC, priv) ||
            !rv_fetch_code(env, pc, 2, &word)) {
            if (n == 0) {
                riscv_cpu_do_trap(env, RISCV_EXCP_INST_ACCESS_FAULT, pc);
                return NULL;
            }
            break;
        }
        len = rv_insn_len(word);
        if (len == 4) {
            if (!riscv_pmp_check(env, pc + 2, 2, PMP_EXEC, priv) ||
                !rv_fetch_code(env, pc + 2, 2, &hi)) {
                if (n == 0) {
                    riscv_cpu_do_trap(env, RISCV_EXCP_INST_ACCESS_FAULT,
                                      pc + 2);
                    return NULL;
                }
                break;
            }
            word |= hi << 16;
        }
        rv_decode(word, env->misa, in);
        n++;
        pc += len;
        if (rv_op_flags(in->op) & RVF_END) {
            ended = true;
            break;
        }
        /* stop at a page end so that a block never spans two pages */
        if (!(pc & ~TARGET_PAGE_MASK)) {
            break;
        }
    }

    /* the ops, the GOTO record if needed, and the link record */
    tb = g_malloc0(sizeof(*tb) + sizeof(RVOp) * (n + 2));
    tb->pc = start;
    tb->flags = flags;
    tb->size = pc - start;
    tb->n_insns = n;
    tb->n_ops = n + !ended;
    pc = start;
    for (i = 0; i < n; i++) {
        RVOp *o = &tb->ops[i];
        RVInsn *in = &insns[i];

        o->opc = in->op;
        o->fn = rv_op_handlers[in->op];
        o->pc = pc;
        o->imm = in->imm;
        o->word = in->word;
        o->rd = (rv_op_flags(in->op) & RVF_RD) && in->rd == 0 ? 32 : in->rd;
        o->rs1 = in->rs1;
        o->rs2 = in->rs2;
        o->len = in->len;
        o->idx = i;
        pc += in->len;
    }
    if (!ended) {
        RVOp *o = &tb->ops[n];

        o->opc = RV_OP_GOTO;
        o->fn = op_GOTO;
        o->pc = pc;
        o->idx = n;
    }
    if (tcg_native) {
        for (i = 0; i < tb->n_ops; i++) {
            tb->ops[i].fn = rv_native_cont;
        }
    }
    for (i = 0; !tcg_native && i + 1 < n; i++) {
        RVOp *a = &tb->ops[i], *b = a + 1;
        RVOpFn *fused = rv_fused_handler(a->opc, b->opc,
                                         a->rd != 32 && b->rs1 == a->rd);

        if (fused) {
            tb->ops[i++].fn = fused;
        }
    }
    G_STATIC_ASSERT(sizeof(RVOp) >= 2 * sizeof(TranslationBlock *));
    tb->jmp = rv_op_links(&tb->ops[tb->n_ops - 1]);
    tb_mark_code(start, tb->size);
    if (tcg_native) {
        rv_native_gen(env, tb);
    }
    if (qemu_loglevel_mask(CPU_LOG_TB_IN_ASM)) {
        rv_log_in_asm(tb, insns);
    }
    return tb;
}
