/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The RISC-V decoder: 32-bit and compressed encodings into RVInsn, by
 * matching the rows of insn-table.h.
 */
#include "qemu/osdep.h"
#include "target/riscv/cpu_bits.h"
#include "target/riscv/decode.h"

typedef struct RVRow {
    const char *mnemonic;
    uint32_t match;
    uint32_t mask;
    uint8_t fmt;
    uint8_t flags;
} RVRow;

static const RVRow rv_rows[] = {
#define RV_ROW_(name, mn, ma, mk, fm, fl) \
    [RV_OP_##name] = { mn, ma, mk, fm, fl },
    RV_INSN_LIST(RV_ROW_)
#undef RV_ROW_
    [RV_OP_ILLEGAL] = { "illegal", 0, 0, FMT_NONE, RVF_END | RVF_JUMP },
    [RV_OP_GOTO] = { "goto", 0, 0, FMT_NONE, RVF_END },
};

typedef struct RVCRow {
    uint16_t match;
    uint16_t mask;
    uint8_t cfmt;
    uint8_t cop;
    uint16_t base;
} RVCRow;

static const RVCRow rv_crows[] = {
#define RV_CROW_(name, ma, mk, cf, bs) \
    { ma, mk, cf, RV_COP_##name, RV_OP_##bs },
    RV_CINSN_LIST(RV_CROW_)
#undef RV_CROW_
};

const char *rv_op_mnemonic(int op)
{
    return rv_rows[op].mnemonic;
}

unsigned rv_op_flags(int op)
{
    return rv_rows[op].flags;
}

static inline uint32_t bits(uint32_t w, int hi, int lo)
{
    return (w >> lo) & ((1U << (hi - lo + 1)) - 1);
}

static inline int32_t sext(uint32_t v, int width)
{
    return (int32_t)(v << (32 - width)) >> (32 - width);
}

static bool rv_decode32(uint32_t w, uint32_t misa, RVInsn *in)
{
    size_t i;

    for (i = 0; i < RV_OP_ILLEGAL; i++) {
        const RVRow *r = &rv_rows[i];

        if ((w & r->mask) == r->match) {
            break;
        }
    }
    if (i == RV_OP_ILLEGAL) {
        return false;
    }
    if (i >= RV_OP_MUL && i <= RV_OP_REMU && !(misa & RVM)) {
        return false;
    }
    if (i >= RV_OP_LR_W && i <= RV_OP_AMOMAXU_W && !(misa & RVA)) {
        return false;
    }
    in->op = i;
    in->rd = bits(w, 11, 7);
    in->rs1 = bits(w, 19, 15);
    in->rs2 = bits(w, 24, 20);
    switch (rv_rows[i].fmt) {
    case FMT_I:
        in->imm = sext(bits(w, 31, 20), 12);
        break;
    case FMT_SH:
        in->imm = bits(w, 24, 20);
        break;
    case FMT_S:
        in->imm = sext(bits(w, 31, 25) << 5 | bits(w, 11, 7), 12);
        break;
    case FMT_B:
        in->imm = sext(bits(w, 31, 31) << 12 | bits(w, 7, 7) << 11 |
                       bits(w, 30, 25) << 5 | bits(w, 11, 8) << 1, 13);
        break;
    case FMT_U:
        in->imm = (int32_t)(w & 0xfffff000);
        break;
    case FMT_J:
        in->imm = sext(bits(w, 31, 31) << 20 | bits(w, 19, 12) << 12 |
                       bits(w, 20, 20) << 11 | bits(w, 30, 21) << 1, 21);
        break;
    case FMT_CSR:
    case FMT_CSRI:
        in->imm = bits(w, 31, 20);
        break;
    case FMT_FENCE:
        in->imm = bits(w, 31, 20);
        break;
    case FMT_AMO:
        in->imm = bits(w, 26, 25);
        break;
    default:
        in->imm = 0;
        break;
    }
    return true;
}

/* Registers x8..x15 of the compressed 3-bit fields. */
#define CREG(v) (8 + (v))

static bool rv_decode16(uint32_t w, RVInsn *in)
{
    const RVCRow *r = NULL;
    size_t i;

    for (i = 0; i < ARRAY_SIZE(rv_crows); i++) {
        if ((w & rv_crows[i].mask) == rv_crows[i].match) {
            r = &rv_crows[i];
            break;
        }
    }
    if (!r) {
        return false;
    }
    in->op = r->base;
    in->cop = r->cop;
    in->rd = in->rs1 = in->rs2 = 0;
    in->imm = 0;
    switch (r->cfmt) {
    case CF_ADDI4SPN:
        in->rd = CREG(bits(w, 4, 2));
        in->rs1 = 2;
        in->imm = bits(w, 10, 7) << 6 | bits(w, 12, 11) << 4 |
                  bits(w, 5, 5) << 3 | bits(w, 6, 6) << 2;
        return in->imm != 0;
    case CF_LW:
        in->rd = CREG(bits(w, 4, 2));
        in->rs1 = CREG(bits(w, 9, 7));
        in->imm = bits(w, 5, 5) << 6 | bits(w, 12, 10) << 3 |
                  bits(w, 6, 6) << 2;
        return true;
    case CF_SW:
        in->rs2 = CREG(bits(w, 4, 2));
        in->rs1 = CREG(bits(w, 9, 7));
        in->imm = bits(w, 5, 5) << 6 | bits(w, 12, 10) << 3 |
                  bits(w, 6, 6) << 2;
        return true;
    case CF_ADDI:
    case CF_LI:
        in->rd = bits(w, 11, 7);
        in->rs1 = r->cfmt == CF_LI ? 0 : in->rd;
        in->imm = sext(bits(w, 12, 12) << 5 | bits(w, 6, 2), 6);
        return true;
    case CF_JAL:
    case CF_J:
        in->rd = r->cfmt == CF_JAL ? 1 : 0;
        in->imm = sext(bits(w, 12, 12) << 11 | bits(w, 8, 8) << 10 |
                       bits(w, 10, 9) << 8 | bits(w, 6, 6) << 7 |
                       bits(w, 7, 7) << 6 | bits(w, 2, 2) << 5 |
                       bits(w, 11, 11) << 4 | bits(w, 5, 3) << 1, 12);
        return true;
    case CF_ADDI16SP:
        in->rd = in->rs1 = 2;
        in->imm = sext(bits(w, 12, 12) << 9 | bits(w, 4, 3) << 7 |
                       bits(w, 5, 5) << 6 | bits(w, 2, 2) << 5 |
                       bits(w, 6, 6) << 4, 10);
        return in->imm != 0;
    case CF_LUI:
        in->rd = bits(w, 11, 7);
        in->imm = sext(bits(w, 12, 12) << 17 | bits(w, 6, 2) << 12, 18);
        return in->imm != 0;
    case CF_SRLI:
    case CF_SRAI:
    case CF_SLLI:
        in->rd = in->rs1 = r->cfmt == CF_SLLI ? bits(w, 11, 7)
                                              : CREG(bits(w, 9, 7));
        in->imm = bits(w, 6, 2);
        return !bits(w, 12, 12);    /* shamt[5] is reserved on rv32 */
    case CF_ANDI:
        in->rd = in->rs1 = CREG(bits(w, 9, 7));
        in->imm = sext(bits(w, 12, 12) << 5 | bits(w, 6, 2), 6);
        return true;
    case CF_SUB:
        in->rd = in->rs1 = CREG(bits(w, 9, 7));
        in->rs2 = CREG(bits(w, 4, 2));
        return true;
    case CF_BEQZ:
        in->rs1 = CREG(bits(w, 9, 7));
        in->imm = sext(bits(w, 12, 12) << 8 | bits(w, 6, 5) << 6 |
                       bits(w, 2, 2) << 5 | bits(w, 11, 10) << 3 |
                       bits(w, 4, 3) << 1, 9);
        return true;
    case CF_LWSP:
        in->rd = bits(w, 11, 7);
        in->rs1 = 2;
        in->imm = bits(w, 3, 2) << 6 | bits(w, 12, 12) << 5 |
                  bits(w, 6, 4) << 2;
        return in->rd != 0;
    case CF_SWSP:
        in->rs2 = bits(w, 6, 2);
        in->rs1 = 2;
        in->imm = bits(w, 8, 7) << 6 | bits(w, 12, 9) << 2;
        return true;
    case CF_JR:
    case CF_JALR:
        in->rd = r->cfmt == CF_JALR ? 1 : 0;
        in->rs1 = bits(w, 11, 7);
        return in->rs1 != 0;
    case CF_MV:
    case CF_ADD:
        in->rd = bits(w, 11, 7);
        in->rs1 = r->cfmt == CF_ADD ? in->rd : 0;
        in->rs2 = bits(w, 6, 2);
        return true;
    case CF_EBREAK:
        return true;
    }
    return false;
}

bool rv_decode(uint32_t word, uint32_t misa, RVInsn *insn)
{
    bool ok;

    memset(insn, 0, sizeof(*insn));
    if (rv_insn_len(word) == 4) {
        insn->len = 4;
        insn->word = word;
        ok = rv_decode32(word, misa, insn);
    } else {
        insn->len = 2;
        insn->word = word & 0xffff;
        ok = (misa & RVC) && rv_decode16(insn->word, insn);
    }
    if (!ok) {
        insn->op = RV_OP_ILLEGAL;
        insn->cop = RV_COP_NONE;
        insn->rd = insn->rs1 = insn->rs2 = 0;
        insn->imm = 0;
    }
    return ok;
}
