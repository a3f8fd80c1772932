/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The native backend: each guest block becomes x86-64 code in the code
 * buffer (tcg/region.c), built from the block's RVOp records.
 *
 * Within a block, guest registers live in host registers (a small cache
 * filled on first use and written back at every exit, before any call
 * out, and on the paths that leave on a fault).  Between blocks they are
 * in env->gpr.  Register-only instructions, branches and jumps, plain
 * loads and stores (read window and TLB inline, cputlb.c on a miss),
 * multiply and divide are generated; every other instruction calls its
 * threaded handler (translate.c) with the cache written back.
 *
 * Generated code runs inside rv_native_exec(): rbp holds env, r14 the
 * instruction count at the start of the current block (env->icount is
 * stored from it when the chain returns to the loop or calls a helper
 * that reads it).  A block's static exits end in a jump that
 * rv_native_link() points at the next block's code; until then, and
 * whenever icount reaches env->icount_limit, they return to cpu_exec().
 * The contract is the threaded backend's: docs/devel/tcg.md.
 */
#include "qemu/osdep.h"
#include "tcg/region.h"
#include "tcg/x86_64/emit.h"
#include "target/riscv/translate.h"

#define ENV    X86_RBP
#define ICOUNT X86_R14
#define OFF(field) ((int32_t)offsetof(CPURISCVState, field))
#define GPR(g) (OFF(gpr) + 4 * (g))

/* Host registers that cache guest registers; the first four survive calls. */
static const X86Reg ra_pool[] = {
    X86_RBX, X86_R12, X86_R13, X86_R15,
    X86_RSI, X86_RDI, X86_R8, X86_R9, X86_R10, X86_R11,
};
#define RA_N ((int)ARRAY_SIZE(ra_pool))
#define RA_CALLEE_SAVED 4

/* The register cache at one point of the block being generated. */
typedef struct RACache {
    int8_t slot_of[33];         /* guest register -> pool slot, -1 */
    int8_t guest[RA_N];         /* pool slot -> guest register, -1 free */
    bool dirty[RA_N];
    unsigned used[RA_N];        /* when last used, for eviction */
    unsigned pinned;            /* slots the current instruction uses */
} RACache;

/* A slow path generated after the block's straight-line code. */
typedef struct NativeSlow {
    const RVOp *op;
    uint8_t *branch;            /* the fast path's jump here */
    uint8_t *resume;            /* where the fast path goes on */
    int dst;                    /* loads: rd's host register */
    int val;                    /* stores: the value's host register */
    unsigned size;
    bool sign;
    bool store;
    RACache ra;                 /* the cache at the access */
} NativeSlow;

typedef struct NativeGen {
    X86Emit e;
    TranslationBlock *tb;
    uint32_t misa;
    RACache ra;
    unsigned clock;
    NativeSlow slow[TB_MAX_INSNS];
    int n_slow;
} NativeGen;

/* Entry and the two ways back, generated once at the buffer's start. */
typedef void NativeEntry(CPURISCVState *env, const void *tc,
                         uint64_t icount);
static NativeEntry *native_entry;
static uint8_t *epilogue_store;     /* env->icount = r14, then return */
static uint8_t *epilogue_nostore;   /* a helper already set env->icount */
static size_t prologue_size;

/* Set by the handlers' continuation while the native backend runs them. */
void rv_native_cont(CPURISCVState *env, const RVOp *op, uint64_t icount)
{
    env->native_cont = true;
}

/* ---- the register cache ---- */

static void ra_init(RACache *ra)
{
    memset(ra->slot_of, -1, sizeof(ra->slot_of));
    memset(ra->guest, -1, sizeof(ra->guest));
    memset(ra->dirty, 0, sizeof(ra->dirty));
    memset(ra->used, 0, sizeof(ra->used));
    ra->pinned = 0;
}

static void ra_store(X86Emit *e, const RACache *ra, int i)
{
    x86_store(e, false, ra_pool[i], ENV, GPR(ra->guest[i]));
}

static void ra_load(X86Emit *e, const RACache *ra, int i)
{
    if (ra->guest[i] == 0) {
        x86_mov_ri(e, ra_pool[i], 0);
    } else {
        x86_load(e, false, ra_pool[i], ENV, GPR(ra->guest[i]));
    }
}

/* Write back every dirty register (no flags are touched). */
static void ra_writeback(NativeGen *s)
{
    int i;

    for (i = 0; i < RA_N; i++) {
        if (s->ra.guest[i] >= 0 && s->ra.dirty[i]) {
            ra_store(&s->e, &s->ra, i);
            s->ra.dirty[i] = false;
        }
    }
}

/* Forget every mapping (after a call that may have changed env->gpr). */
static void ra_forget(NativeGen *s)
{
    ra_init(&s->ra);
}

static int ra_alloc(NativeGen *s)
{
    int i, victim = -1;

    for (i = 0; i < RA_N; i++) {
        if (s->ra.guest[i] < 0) {
            return i;
        }
    }
    for (i = 0; i < RA_N; i++) {
        if (!(s->ra.pinned & (1U << i)) &&
            (victim < 0 || s->ra.used[i] < s->ra.used[victim])) {
            victim = i;
        }
    }
    g_assert(victim >= 0);
    if (s->ra.dirty[victim]) {
        ra_store(&s->e, &s->ra, victim);
    }
    s->ra.slot_of[s->ra.guest[victim]] = -1;
    s->ra.guest[victim] = -1;
    s->ra.dirty[victim] = false;
    return victim;
}

static void ra_map(NativeGen *s, int i, int g)
{
    s->ra.guest[i] = g;
    s->ra.slot_of[g] = i;
    s->ra.dirty[i] = false;
}

static int ra_touch(NativeGen *s, int i)
{
    s->ra.pinned |= 1U << i;
    s->ra.used[i] = ++s->clock;
    return ra_pool[i];
}

/* The host register holding guest register @g (x0 reads as zero). */
static int ra_src(NativeGen *s, int g)
{
    int i = s->ra.slot_of[g];

    if (i < 0) {
        i = ra_alloc(s);
        ra_map(s, i, g);
        ra_load(&s->e, &s->ra, i);
    }
    return ra_touch(s, i);
}

/*
 * The host register to write guest register @g into (rax for x0, whose
 * writes are dropped).  @faultable: the instruction may trap after this,
 * so the register's current value must already be in env.
 */
static int ra_dst(NativeGen *s, int g, bool faultable)
{
    int i;

    if (g == 0 || g == 32) {
        return X86_RAX;
    }
    i = s->ra.slot_of[g];
    if (i < 0) {
        i = ra_alloc(s);
        ra_map(s, i, g);
    } else if (faultable && s->ra.dirty[i]) {
        ra_store(&s->e, &s->ra, i);
    }
    s->ra.dirty[i] = true;
    return ra_touch(s, i);
}

/* Before a call out: write back @ra's dirty registers but @skip. */
static void ra_spill(X86Emit *e, const RACache *ra, int skip)
{
    int i;

    for (i = 0; i < RA_N; i++) {
        if (ra->guest[i] >= 0 && ra->dirty[i] && ra_pool[i] != skip) {
            ra_store(e, ra, i);
        }
    }
}

/* After a call out: reload what the call clobbered, but @skip. */
static void ra_reload(X86Emit *e, const RACache *ra, int skip)
{
    int i;

    for (i = RA_CALLEE_SAVED; i < RA_N; i++) {
        if (ra->guest[i] >= 0 && ra_pool[i] != skip) {
            ra_load(e, ra, i);
        }
    }
}

/* ---- exits ---- */

/*
 * Leave through static exit @slot to @pc with @retired instructions of
 * the block done: straight into the linked block while icount is below
 * the limit, else back to the loop.  The registers are written back.
 */
static void gen_exit_chain(NativeGen *s, int slot, uint32_t pc,
                           unsigned retired)
{
    X86Emit *e = &s->e;
    uint8_t *to_stub, *site;

    x86_alu_ri(e, true, X86_ADD, ICOUNT, retired);
    x86_alu_rm(e, true, X86_CMP, ICOUNT, ENV, OFF(icount_limit));
    to_stub = x86_jcc(e, X86_CC_AE);
    site = x86_jmp(e);
    s->tb->jmp_site[slot] = site;
    x86_patch(to_stub, e->p);
    x86_patch(site, e->p);
    x86_store_i32(e, ENV, OFF(pc), pc);
    x86_store_i32(e, ENV, OFF(exit_slot), slot);
    x86_mov_ri64(e, X86_RAX, (uintptr_t)s->tb);
    x86_store(e, true, X86_RAX, ENV, OFF(exit_tb));
    x86_jmp_to(e, epilogue_store);
}

/*
 * Leave for the computed PC in eax (JALR): the jump cache finds the next
 * block, as rv_exit_indirect() does.
 */
static void gen_exit_indirect(NativeGen *s, unsigned retired)
{
    X86Emit *e = &s->e;
    uint8_t *out[4];
    int i;

    x86_alu_ri(e, true, X86_ADD, ICOUNT, retired);
    x86_store(e, false, X86_RAX, ENV, OFF(pc));
    x86_alu_rm(e, true, X86_CMP, ICOUNT, ENV, OFF(icount_limit));
    out[0] = x86_jcc(e, X86_CC_AE);
    x86_mov_rr(e, X86_RDX, X86_RAX);
    x86_shift_ri(e, false, X86_SHR, X86_RDX, 1);
    x86_alu_ri(e, false, X86_AND, X86_RDX, TB_JMP_CACHE_SIZE - 1);
    x86_mov_ri64(e, X86_RCX, (uintptr_t)tb_jmp_cache);
    x86_load_idx8(e, X86_RDX, X86_RCX, X86_RDX);
    x86_op_rr(e, true, 0x85, X86_RDX, X86_RDX);             /* test */
    out[1] = x86_jcc(e, X86_CC_E);
    x86_alu_rm(e, false, X86_CMP, X86_RAX, X86_RDX,
               offsetof(TranslationBlock, pc));
    out[2] = x86_jcc(e, X86_CC_NE);
    x86_op_rm(e, false, 0x81, X86_CMP, X86_RDX,
              offsetof(TranslationBlock, flags));
    x86_u32(e, s->tb->flags);
    out[3] = x86_jcc(e, X86_CC_NE);
    x86_op_rm(e, false, 0xff, 4, X86_RDX, offsetof(TranslationBlock, tc));
    for (i = 0; i < 4; i++) {
        x86_patch(out[i], e->p);
    }
    x86_store_i32(e, ENV, OFF(exit_slot), -1);
    x86_jmp_to(e, epilogue_store);
}

/* Raise @cause with tval in ecx at @op (registers written back). */
static void gen_raise(NativeGen *s, const RVOp *op, uint32_t cause)
{
    X86Emit *e = &s->e;

    x86_store(e, true, ICOUNT, ENV, OFF(icount));
    x86_mov_ri(e, X86_RDX, cause);
    x86_mov_rr64(e, X86_RDI, ENV);
    x86_mov_ri64(e, X86_RSI, (uintptr_t)op);
    x86_call(e, rv_raise);
    x86_jmp_to(e, epilogue_nostore);
}

/* Any instruction without generated code: its threaded handler. */
static void gen_call_handler(NativeGen *s, const RVOp *op)
{
    X86Emit *e = &s->e;

    ra_writeback(s);
    x86_store(e, true, ICOUNT, ENV, OFF(icount));
    x86_store_i8(e, ENV, OFF(native_cont), 0);
    x86_mov_rr64(e, X86_RDI, ENV);
    x86_mov_ri64(e, X86_RSI, (uintptr_t)op);
    x86_mov_rr64(e, X86_RDX, ICOUNT);
    x86_call(e, rv_op_handlers[op->opc]);
    if (rv_op_flags(op->opc) & RVF_END || op->opc == RV_OP_ILLEGAL) {
        x86_jmp_to(e, epilogue_nostore);
        return;
    }
    x86_cmp_m8_i(e, ENV, OFF(native_cont), 0);
    x86_jcc_to(e, X86_CC_E, epilogue_nostore);
    ra_forget(s);
}

/* ---- instructions ---- */

/* Whether a jump target traps as misaligned (only without C). */
static bool target_misaligned(NativeGen *s, uint32_t target)
{
    return (target & 2) && !(s->misa & RVC);
}

static void gen_branch(NativeGen *s, const RVOp *op, X86Cond cc)
{
    X86Emit *e = &s->e;
    uint32_t target = op->pc + op->imm;
    int a = ra_src(s, op->rs1);
    uint8_t *taken;

    if (op->rs2 == 0) {
        x86_test_rr(e, a, a);
    } else {
        x86_alu_rr(e, false, X86_CMP, a, ra_src(s, op->rs2));
    }
    ra_writeback(s);
    taken = x86_jcc(e, cc);
    gen_exit_chain(s, 1, op->pc + op->len, op->idx + 1);
    x86_patch(taken, e->p);
    if (target_misaligned(s, target)) {
        x86_mov_ri(e, X86_RCX, target);
        gen_raise(s, op, RISCV_EXCP_INST_ADDR_MIS);
    } else {
        gen_exit_chain(s, 0, target, op->idx + 1);
    }
}

static void gen_jal(NativeGen *s, const RVOp *op)
{
    uint32_t target = op->pc + op->imm;

    if (target_misaligned(s, target)) {
        ra_writeback(s);
        x86_mov_ri(&s->e, X86_RCX, target);
        gen_raise(s, op, RISCV_EXCP_INST_ADDR_MIS);
        return;
    }
    x86_mov_ri(&s->e, ra_dst(s, op->rd, false), op->pc + op->len);
    ra_writeback(s);
    gen_exit_chain(s, 0, target, op->idx + 1);
}

static void gen_jalr(NativeGen *s, const RVOp *op)
{
    X86Emit *e = &s->e;
    int a = ra_src(s, op->rs1);

    x86_lea32(e, X86_RAX, a, op->imm);
    x86_alu_ri(e, false, X86_AND, X86_RAX, ~1);
    if (!(s->misa & RVC)) {
        uint8_t *ok;

        ra_writeback(s);
        x86_test_ri(e, X86_RAX, 2);
        ok = x86_jcc(e, X86_CC_E);
        x86_mov_rr(e, X86_RCX, X86_RAX);
        gen_raise(s, op, RISCV_EXCP_INST_ADDR_MIS);
        x86_patch(ok, e->p);
    }
    if (op->rd != 32) {         /* (x0's sink would be rax, the target) */
        x86_mov_ri(e, ra_dst(s, op->rd, false), op->pc + op->len);
    }
    ra_writeback(s);
    gen_exit_indirect(s, op->idx + 1);
}

/* rd = rs1 op rs2 */
static void gen_alu(NativeGen *s, const RVOp *op, X86Alu alu, bool comm)
{
    X86Emit *e = &s->e;
    int a = ra_src(s, op->rs1), b = ra_src(s, op->rs2);
    int d = ra_dst(s, op->rd, false);

    if (d == a) {
        x86_alu_rr(e, false, alu, d, b);
    } else if (d != b) {
        x86_mov_rr(e, d, a);
        x86_alu_rr(e, false, alu, d, b);
    } else if (comm) {
        x86_alu_rr(e, false, alu, d, a);
    } else {
        x86_mov_rr(e, X86_RAX, a);
        x86_alu_rr(e, false, alu, X86_RAX, b);
        x86_mov_rr(e, d, X86_RAX);
    }
}

/* rd = rs1 op imm */
static void gen_alu_imm(NativeGen *s, const RVOp *op, X86Alu alu)
{
    int a = ra_src(s, op->rs1), d = ra_dst(s, op->rd, false);

    x86_mov_rr(&s->e, d, a);
    x86_alu_ri(&s->e, false, alu, d, op->imm);
}

static void gen_addi(NativeGen *s, const RVOp *op)
{
    X86Emit *e = &s->e;
    int a, d;

    if (op->rs1 == 0) {
        x86_mov_ri(e, ra_dst(s, op->rd, false), op->imm);
        return;
    }
    a = ra_src(s, op->rs1);
    d = ra_dst(s, op->rd, false);
    if (op->imm == 0) {
        x86_mov_rr(e, d, a);
    } else if (d == a) {
        x86_alu_ri(e, false, X86_ADD, d, op->imm);
    } else {
        x86_lea32(e, d, a, op->imm);
    }
}

/* rd = (rs1 cc rs2) or (rs1 cc imm) */
static void gen_setcc(NativeGen *s, const RVOp *op, X86Cond cc, bool imm)
{
    X86Emit *e = &s->e;
    int a = ra_src(s, op->rs1), d;

    if (imm) {
        x86_alu_ri(e, false, X86_CMP, a, op->imm);
    } else {
        x86_alu_rr(e, false, X86_CMP, a, ra_src(s, op->rs2));
    }
    d = ra_dst(s, op->rd, false);
    x86_setcc_zx(e, cc, d);
}

static void gen_shift_imm(NativeGen *s, const RVOp *op, X86Shift sh)
{
    int a = ra_src(s, op->rs1), d = ra_dst(s, op->rd, false);

    x86_mov_rr(&s->e, d, a);
    x86_shift_ri(&s->e, false, sh, d, op->imm & 31);
}

static void gen_shift(NativeGen *s, const RVOp *op, X86Shift sh)
{
    int a = ra_src(s, op->rs1), b = ra_src(s, op->rs2);
    int d = ra_dst(s, op->rd, false);

    x86_mov_rr(&s->e, X86_RCX, b);
    x86_mov_rr(&s->e, d, a);
    x86_shift_rcl(&s->e, sh, d);
}

static void gen_mul(NativeGen *s, const RVOp *op)
{
    X86Emit *e = &s->e;
    int a = ra_src(s, op->rs1), b = ra_src(s, op->rs2);
    int d = ra_dst(s, op->rd, false);

    if (op->opc == RV_OP_MUL) {
        x86_mov_rr(e, X86_RAX, a);
        x86_imul_rr(e, false, X86_RAX, b);
    } else {
        /* 64-bit products of the extended operands, high half */
        if (op->opc == RV_OP_MULHU) {
            x86_mov_rr(e, X86_RAX, a);
            x86_op_rr(e, false, 0x89, b, X86_RDX);      /* mov edx, b */
        } else {
            x86_movsxd(e, X86_RAX, a);
            if (op->opc == RV_OP_MULH) {
                x86_movsxd(e, X86_RDX, b);
            } else {
                x86_op_rr(e, false, 0x89, b, X86_RDX);
            }
        }
        x86_imul_rr(e, true, X86_RAX, X86_RDX);
        x86_shift_ri(e, true, X86_SHR, X86_RAX, 32);
    }
    x86_mov_rr(e, d, X86_RAX);
}

/* DIV, DIVU, REM, REMU with RISC-V's results for /0 and overflow. */
static void gen_div(NativeGen *s, const RVOp *op)
{
    X86Emit *e = &s->e;
    bool sign = op->opc == RV_OP_DIV || op->opc == RV_OP_REM;
    bool rem = op->opc == RV_OP_REM || op->opc == RV_OP_REMU;
    int a = ra_src(s, op->rs1), b = ra_src(s, op->rs2);
    int d = ra_dst(s, op->rd, false);
    uint8_t *zero, *done1, *done2 = NULL, *notm1 = NULL, *notmin = NULL;

    x86_mov_rr(e, X86_RAX, a);
    x86_op_rr(e, false, 0x89, b, X86_RCX);              /* mov ecx, b */
    x86_test_rr(e, X86_RCX, X86_RCX);
    zero = x86_jcc(e, X86_CC_E);
    if (sign) {
        /* INT32_MIN / -1: quotient INT32_MIN (eax), remainder 0 */
        x86_alu_ri(e, false, X86_CMP, X86_RCX, -1);
        notm1 = x86_jcc(e, X86_CC_NE);
        x86_alu_ri(e, false, X86_CMP, X86_RAX, INT32_MIN);
        notmin = x86_jcc(e, X86_CC_NE);
        x86_mov_ri(e, X86_RDX, 0);
        done2 = x86_jmp(e);
        x86_patch(notm1, e->p);
        x86_patch(notmin, e->p);
        x86_cdq(e);
    } else {
        x86_mov_ri(e, X86_RDX, 0);
    }
    x86_div(e, sign, X86_RCX);
    done1 = x86_jmp(e);
    x86_patch(zero, e->p);
    if (rem) {
        x86_mov_rr(e, X86_RDX, X86_RAX);                /* rem = a */
    } else {
        x86_mov_ri(e, X86_RAX, UINT32_MAX);             /* quot = -1 */
    }
    x86_patch(done1, e->p);
    if (done2) {
        x86_patch(done2, e->p);
    }
    x86_mov_rr(e, d, rem ? X86_RDX : X86_RAX);
}

static void gen_load(NativeGen *s, const RVOp *op, unsigned size, bool sign)
{
    X86Emit *e = &s->e;
    NativeSlow *sl = &s->slow[s->n_slow++];
    int a, d;

    if (op->rs1 == 0) {
        x86_mov_ri(e, X86_RAX, op->imm);
    } else {
        a = ra_src(s, op->rs1);
        x86_lea32(e, X86_RAX, a, op->imm);
    }
    d = ra_dst(s, op->rd, true);
    /* the read window: off = addr - base < lim */
    x86_mov_rr(e, X86_RDX, X86_RAX);
    x86_alu_rm(e, false, X86_SUB, X86_RDX, ENV, OFF(rdwin_base));
    x86_alu_rm(e, false, X86_CMP, X86_RDX, ENV, OFF(rdwin_lim));
    sl->branch = x86_jcc(e, X86_CC_AE);
    x86_load(e, true, X86_RCX, ENV, OFF(rdwin_host));
    x86_load_sized(e, d, X86_RCX, X86_RDX, size, sign);
    sl->resume = e->p;
    sl->op = op;
    sl->dst = d;
    sl->val = -1;
    sl->size = size;
    sl->sign = sign;
    sl->store = false;
    sl->ra = s->ra;
}

/* rdx = the TLB entry of the address in eax; ecx = the compare value */
static void gen_tlb_entry(X86Emit *e, unsigned size)
{
    G_STATIC_ASSERT(sizeof(CPUTLBEntry) == 16);
    x86_mov_rr(e, X86_RDX, X86_RAX);
    x86_shift_ri(e, false, X86_SHR, X86_RDX, TARGET_PAGE_BITS);
    x86_alu_ri(e, false, X86_AND, X86_RDX, CPU_TLB_SIZE - 1);
    x86_shift_ri(e, false, X86_SHL, X86_RDX, 4);
    x86_alu_rm(e, true, X86_ADD, X86_RDX, ENV, OFF(tlb_cur));
    x86_mov_rr(e, X86_RCX, X86_RAX);
    x86_alu_ri(e, false, X86_AND, X86_RCX, TARGET_PAGE_MASK | (size - 1));
}

static void gen_store(NativeGen *s, const RVOp *op, unsigned size)
{
    X86Emit *e = &s->e;
    NativeSlow *sl = &s->slow[s->n_slow++];
    int v;

    if (op->rs1 == 0) {
        x86_mov_ri(e, X86_RAX, op->imm);
    } else {
        x86_lea32(e, X86_RAX, ra_src(s, op->rs1), op->imm);
    }
    v = ra_src(s, op->rs2);
    gen_tlb_entry(e, size);
    x86_alu_rm(e, false, X86_CMP, X86_RCX, X86_RDX,
               offsetof(CPUTLBEntry, addr_write));
    sl->branch = x86_jcc(e, X86_CC_NE);
    x86_mov_rr(e, X86_RCX, X86_RAX);
    x86_alu_rm(e, true, X86_ADD, X86_RCX, X86_RDX,
               offsetof(CPUTLBEntry, addend));
    x86_store_sized(e, v, X86_RCX, size);
    sl->resume = e->p;
    sl->op = op;
    sl->dst = -1;
    sl->val = v;
    sl->size = size;
    sl->sign = false;
    sl->store = true;
    sl->ra = s->ra;
}

/* The TLB miss helpers: the whole access through cputlb.c. */
static uint64_t rv_native_load(CPURISCVState *env, const RVOp *op,
                               uint32_t addr)
{
    uint32_t v;

    return rv_load_op(env, op, addr, &v) ? v : 1ULL << 32;
}

static uint32_t rv_native_store(CPURISCVState *env, const RVOp *op,
                                uint32_t addr, uint32_t val)
{
    return rv_store_op(env, op, addr, val);
}

static void gen_slow(NativeGen *s, NativeSlow *sl)
{
    X86Emit *e = &s->e;
    uint8_t *miss = NULL;

    x86_patch(sl->branch, e->p);
    if (!sl->store) {
        /* loads: the TLB, after the read window */
        gen_tlb_entry(e, sl->size);
        x86_alu_rm(e, false, X86_CMP, X86_RCX, X86_RDX,
                   offsetof(CPUTLBEntry, addr_read));
        miss = x86_jcc(e, X86_CC_NE);
        x86_mov_rr(e, X86_RCX, X86_RAX);
        x86_alu_rm(e, true, X86_ADD, X86_RCX, X86_RDX,
                   offsetof(CPUTLBEntry, addend));
        x86_load_sized(e, sl->dst, X86_RCX, -1, sl->size, sl->sign);
        x86_jmp_to(e, sl->resume);
        x86_patch(miss, e->p);
    }
    ra_spill(e, &sl->ra, sl->dst);
    x86_store(e, true, ICOUNT, ENV, OFF(icount));
    if (sl->store) {
        x86_op_rr(e, false, 0x89, sl->val, X86_RCX);    /* mov ecx, val */
    }
    x86_mov_rr(e, X86_RDX, X86_RAX);
    x86_mov_rr64(e, X86_RDI, ENV);
    x86_mov_ri64(e, X86_RSI, (uintptr_t)sl->op);
    if (sl->store) {
        x86_call(e, rv_native_store);
        x86_test_rr(e, X86_RAX, X86_RAX);
        x86_jcc_to(e, X86_CC_E, epilogue_nostore);
        ra_reload(e, &sl->ra, -1);
    } else {
        x86_call(e, rv_native_load);
        x86_mov_rr64(e, X86_RDX, X86_RAX);
        x86_shift_ri(e, true, X86_SHR, X86_RDX, 32);
        x86_jcc_to(e, X86_CC_NE, epilogue_nostore);
        ra_reload(e, &sl->ra, sl->dst);
        x86_mov_rr(e, sl->dst, X86_RAX);        /* extended already */
    }
    x86_jmp_to(e, sl->resume);
}

/* Generate one instruction; false if it ended the block. */
static bool gen_insn(NativeGen *s, const RVOp *op)
{
    s->ra.pinned = 0;
    switch (op->opc) {
    case RV_OP_LUI:
        x86_mov_ri(&s->e, ra_dst(s, op->rd, false), op->imm);
        break;
    case RV_OP_AUIPC:
        x86_mov_ri(&s->e, ra_dst(s, op->rd, false), op->pc + op->imm);
        break;
    case RV_OP_JAL:
        gen_jal(s, op);
        return false;
    case RV_OP_JALR:
        gen_jalr(s, op);
        return false;
    case RV_OP_BEQ:
        gen_branch(s, op, X86_CC_E);
        return false;
    case RV_OP_BNE:
        gen_branch(s, op, X86_CC_NE);
        return false;
    case RV_OP_BLT:
        gen_branch(s, op, X86_CC_L);
        return false;
    case RV_OP_BGE:
        gen_branch(s, op, X86_CC_GE);
        return false;
    case RV_OP_BLTU:
        gen_branch(s, op, X86_CC_B);
        return false;
    case RV_OP_BGEU:
        gen_branch(s, op, X86_CC_AE);
        return false;
    case RV_OP_LB:
        gen_load(s, op, 1, true);
        break;
    case RV_OP_LH:
        gen_load(s, op, 2, true);
        break;
    case RV_OP_LW:
        gen_load(s, op, 4, false);
        break;
    case RV_OP_LBU:
        gen_load(s, op, 1, false);
        break;
    case RV_OP_LHU:
        gen_load(s, op, 2, false);
        break;
    case RV_OP_SB:
        gen_store(s, op, 1);
        break;
    case RV_OP_SH:
        gen_store(s, op, 2);
        break;
    case RV_OP_SW:
        gen_store(s, op, 4);
        break;
    case RV_OP_ADDI:
        gen_addi(s, op);
        break;
    case RV_OP_SLTI:
        gen_setcc(s, op, X86_CC_L, true);
        break;
    case RV_OP_SLTIU:
        gen_setcc(s, op, X86_CC_B, true);
        break;
    case RV_OP_XORI:
        gen_alu_imm(s, op, X86_XOR);
        break;
    case RV_OP_ORI:
        gen_alu_imm(s, op, X86_OR);
        break;
    case RV_OP_ANDI:
        gen_alu_imm(s, op, X86_AND);
        break;
    case RV_OP_SLLI:
        gen_shift_imm(s, op, X86_SHL);
        break;
    case RV_OP_SRLI:
        gen_shift_imm(s, op, X86_SHR);
        break;
    case RV_OP_SRAI:
        gen_shift_imm(s, op, X86_SAR);
        break;
    case RV_OP_ADD:
        gen_alu(s, op, X86_ADD, true);
        break;
    case RV_OP_SUB:
        gen_alu(s, op, X86_SUB, false);
        break;
    case RV_OP_XOR:
        gen_alu(s, op, X86_XOR, true);
        break;
    case RV_OP_OR:
        gen_alu(s, op, X86_OR, true);
        break;
    case RV_OP_AND:
        gen_alu(s, op, X86_AND, true);
        break;
    case RV_OP_SLT:
        gen_setcc(s, op, X86_CC_L, false);
        break;
    case RV_OP_SLTU:
        gen_setcc(s, op, X86_CC_B, false);
        break;
    case RV_OP_SLL:
        gen_shift(s, op, X86_SHL);
        break;
    case RV_OP_SRL:
        gen_shift(s, op, X86_SHR);
        break;
    case RV_OP_SRA:
        gen_shift(s, op, X86_SAR);
        break;
    case RV_OP_MUL:
    case RV_OP_MULH:
    case RV_OP_MULHSU:
    case RV_OP_MULHU:
        gen_mul(s, op);
        break;
    case RV_OP_DIV:
    case RV_OP_DIVU:
    case RV_OP_REM:
    case RV_OP_REMU:
        gen_div(s, op);
        break;
    case RV_OP_FENCE:
        break;
    case RV_OP_GOTO:
        ra_writeback(s);
        gen_exit_chain(s, 1, op->pc, op->idx);
        return false;
    default:
        gen_call_handler(s, op);
        return !(rv_op_flags(op->opc) & RVF_END) &&
               op->opc != RV_OP_ILLEGAL;
    }
    return true;
}

static void gen_prologue(void)
{
    static const X86Reg saved[] = {
        X86_RBP, X86_RBX, X86_R12, X86_R13, X86_R14, X86_R15,
    };
    X86Emit e = { tcg_region_ptr(), tcg_region_end() };
    uint8_t *start = e.p;
    int i;

    /* entry(env, tc, icount): six pushes and 8 bytes keep calls aligned */
    native_entry = (NativeEntry *)e.p;
    for (i = 0; i < (int)ARRAY_SIZE(saved); i++) {
        x86_push(&e, saved[i]);
    }
    x86_alu_ri(&e, true, X86_SUB, X86_RSP, 8);
    x86_mov_rr64(&e, ENV, X86_RDI);
    x86_mov_rr64(&e, ICOUNT, X86_RDX);
    x86_jmp_r(&e, X86_RSI);

    epilogue_store = e.p;
    x86_store(&e, true, ICOUNT, ENV, OFF(icount));
    epilogue_nostore = e.p;
    x86_alu_ri(&e, true, X86_ADD, X86_RSP, 8);
    for (i = ARRAY_SIZE(saved) - 1; i >= 0; i--) {
        x86_pop(&e, saved[i]);
    }
    x86_ret(&e);
    tcg_region_commit(e.p);
    prologue_size = tcg_region_ptr() - start;
}

bool rv_native_init(size_t code_size)
{
    if (native_entry && tcg_region_end() - tcg_region_start() == code_size) {
        return true;
    }
    native_entry = NULL;
    if (!tcg_region_init(code_size)) {
        return false;
    }
    gen_prologue();
    return true;
}

bool rv_native_has_room(void)
{
    return tcg_region_has_room();
}

void rv_native_reset(void)
{
    if (native_entry) {
        tcg_region_reset(prologue_size);
    }
}

void rv_native_cleanup(void)
{
    tcg_region_cleanup();
    native_entry = NULL;
}

void rv_native_gen(CPURISCVState *env, TranslationBlock *tb)
{
    NativeGen *s = g_new(NativeGen, 1);
    int i;

    g_assert(tcg_region_has_room());
    s->e.p = tcg_region_ptr();
    s->e.end = s->e.p + TCG_MAX_BLOCK_CODE;
    s->tb = tb;
    s->misa = env->misa;
    s->clock = 0;
    s->n_slow = 0;
    ra_init(&s->ra);
    tb->tc = s->e.p;
    for (i = 0; i < tb->n_ops; i++) {
        if (!gen_insn(s, &tb->ops[i])) {
            break;
        }
    }
    for (i = 0; i < s->n_slow; i++) {
        gen_slow(s, &s->slow[i]);
    }
    g_assert(s->e.p <= s->e.end);
    tcg_region_commit(s->e.p);
    g_free(s);
}

void rv_native_link(TranslationBlock *tb, int slot, TranslationBlock *next)
{
    if (tb->jmp_site[slot]) {
        x86_patch(tb->jmp_site[slot], next->tc);
    }
}

void rv_native_exec(CPURISCVState *env, TranslationBlock *tb)
{
    native_entry(env, tb->tc, env->icount);
}
