/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * An x86-64 instruction encoder for the native code generator: the few
 * forms a guest translator needs (32-bit ALU on registers, immediates and
 * [base + disp] memory, 64-bit moves for pointers, shifts, multiply and
 * divide, setcc, jumps and calls), each written as bytes into a buffer.
 * Target-neutral: guest semantics live in the translator that uses it.
 */
#ifndef TCG_X86_64_EMIT_H
#define TCG_X86_64_EMIT_H

#include <stdint.h>
#include <string.h>

typedef enum X86Reg {
    X86_RAX, X86_RCX, X86_RDX, X86_RBX, X86_RSP, X86_RBP, X86_RSI, X86_RDI,
    X86_R8, X86_R9, X86_R10, X86_R11, X86_R12, X86_R13, X86_R14, X86_R15,
} X86Reg;

/* Condition codes (the low nibble of Jcc/SETcc). */
typedef enum X86Cond {
    X86_CC_B = 0x2, X86_CC_AE = 0x3, X86_CC_E = 0x4, X86_CC_NE = 0x5,
    X86_CC_L = 0xc, X86_CC_GE = 0xd,
} X86Cond;

/* ALU operations: the /digit of 0x81/0x83 and (digit << 3) | 1 of r/m,r. */
typedef enum X86Alu {
    X86_ADD = 0, X86_OR = 1, X86_AND = 4, X86_SUB = 5, X86_XOR = 6,
    X86_CMP = 7,
} X86Alu;

/* Shift operations: the /digit of 0xc1/0xd3. */
typedef enum X86Shift {
    X86_SHL = 4, X86_SHR = 5, X86_SAR = 7,
} X86Shift;

/* The buffer being written; the caller guarantees room (x86_room()). */
typedef struct X86Emit {
    uint8_t *p;
    uint8_t *end;
} X86Emit;

static inline size_t x86_room(const X86Emit *e)
{
    return e->end - e->p;
}

static inline void x86_byte(X86Emit *e, uint8_t b)
{
    *e->p++ = b;
}

static inline void x86_u32(X86Emit *e, uint32_t v)
{
    memcpy(e->p, &v, 4);
    e->p += 4;
}

static inline void x86_u64(X86Emit *e, uint64_t v)
{
    memcpy(e->p, &v, 8);
    e->p += 8;
}

static inline bool x86_is_s8(int32_t v)
{
    return v >= -128 && v <= 127;
}

/*
 * REX prefix for @reg (ModRM.reg), @index (SIB.index) and @rm
 * (ModRM.rm or SIB.base); @force for byte registers spl..dil.
 */
static inline void x86_rex(X86Emit *e, bool w, int reg, int index, int rm,
                           bool force)
{
    uint8_t rex = 0x40 | (w << 3) | ((reg >> 3) << 2) | ((index >> 3) << 1) |
                  (rm >> 3);

    if (rex != 0x40 || force) {
        x86_byte(e, rex);
    }
}

static inline void x86_modrm_reg(X86Emit *e, int reg, int rm)
{
    x86_byte(e, 0xc0 | ((reg & 7) << 3) | (rm & 7));
}

/* ModRM (+SIB, +displacement) for [base + disp]. */
static inline void x86_modrm_mem(X86Emit *e, int reg, int base, int32_t disp)
{
    int mod = disp == 0 && (base & 7) != X86_RBP ? 0 :
              x86_is_s8(disp) ? 1 : 2;

    x86_byte(e, (mod << 6) | ((reg & 7) << 3) | (base & 7));
    if ((base & 7) == X86_RSP) {
        x86_byte(e, 0x24);
    }
    if (mod == 1) {
        x86_byte(e, disp);
    } else if (mod == 2) {
        x86_u32(e, disp);
    }
}

/* ModRM + SIB for [base + index * (1 << scale)]; base not rbp/r13. */
static inline void x86_modrm_sib(X86Emit *e, int reg, int base, int index,
                                 int scale)
{
    x86_byte(e, ((reg & 7) << 3) | X86_RSP);
    x86_byte(e, (scale << 6) | ((index & 7) << 3) | (base & 7));
}

/* op r/m, reg with a register operand (32-bit unless @w). */
static inline void x86_op_rr(X86Emit *e, bool w, uint8_t opc, int reg,
                             int rm)
{
    x86_rex(e, w, reg, 0, rm, false);
    x86_byte(e, opc);
    x86_modrm_reg(e, reg, rm);
}

/* op reg, [base + disp] (or the other way round, as @opc says). */
static inline void x86_op_rm(X86Emit *e, bool w, uint8_t opc, int reg,
                             int base, int32_t disp)
{
    x86_rex(e, w, reg, 0, base, false);
    x86_byte(e, opc);
    x86_modrm_mem(e, reg, base, disp);
}

/* 0x0f-prefixed op reg, r/m (register form). */
static inline void x86_op2_rr(X86Emit *e, bool w, uint8_t opc, int reg,
                              int rm, bool force_rex)
{
    x86_rex(e, w, reg, 0, rm, force_rex);
    x86_byte(e, 0x0f);
    x86_byte(e, opc);
    x86_modrm_reg(e, reg, rm);
}

/* mov dst32, src32 (zero-extends into the 64-bit register) */
static inline void x86_mov_rr(X86Emit *e, int dst, int src)
{
    if (dst != src) {
        x86_op_rr(e, false, 0x89, src, dst);
    }
}

static inline void x86_mov_rr64(X86Emit *e, int dst, int src)
{
    x86_op_rr(e, true, 0x89, src, dst);
}

/* mov r32, imm32 (xor for zero: flags are clobbered) */
static inline void x86_mov_ri(X86Emit *e, int dst, uint32_t imm)
{
    if (imm == 0) {
        x86_op_rr(e, false, 0x31, dst, dst);
        return;
    }
    x86_rex(e, false, 0, 0, dst, false);
    x86_byte(e, 0xb8 + (dst & 7));
    x86_u32(e, imm);
}

/* mov r32, imm32 without touching flags */
static inline void x86_mov_ri_keepflags(X86Emit *e, int dst, uint32_t imm)
{
    x86_rex(e, false, 0, 0, dst, false);
    x86_byte(e, 0xb8 + (dst & 7));
    x86_u32(e, imm);
}

/* movabs r64, imm64 */
static inline void x86_mov_ri64(X86Emit *e, int dst, uint64_t imm)
{
    if (imm <= UINT32_MAX) {
        x86_mov_ri_keepflags(e, dst, imm);
        return;
    }
    x86_rex(e, true, 0, 0, dst, false);
    x86_byte(e, 0xb8 + (dst & 7));
    x86_u64(e, imm);
}

/* mov r32, [base + disp] / mov [base + disp], r32 (64-bit with @w) */
static inline void x86_load(X86Emit *e, bool w, int dst, int base,
                            int32_t disp)
{
    x86_op_rm(e, w, 0x8b, dst, base, disp);
}

static inline void x86_store(X86Emit *e, bool w, int src, int base,
                             int32_t disp)
{
    x86_op_rm(e, w, 0x89, src, base, disp);
}

/* mov dword [base + disp], imm32 */
static inline void x86_store_i32(X86Emit *e, int base, int32_t disp,
                                 uint32_t imm)
{
    x86_op_rm(e, false, 0xc7, 0, base, disp);
    x86_u32(e, imm);
}

/* mov byte [base + disp], imm8 */
static inline void x86_store_i8(X86Emit *e, int base, int32_t disp,
                                uint8_t imm)
{
    x86_op_rm(e, false, 0xc6, 0, base, disp);
    x86_byte(e, imm);
}

/* cmp byte [base + disp], imm8 */
static inline void x86_cmp_m8_i(X86Emit *e, int base, int32_t disp,
                                uint8_t imm)
{
    x86_op_rm(e, false, 0x80, 7, base, disp);
    x86_byte(e, imm);
}

/* lea dst32, [base + disp] */
static inline void x86_lea32(X86Emit *e, int dst, int base, int32_t disp)
{
    x86_op_rm(e, false, 0x8d, dst, base, disp);
}

/* alu dst, src (32-bit, or 64-bit with @w) */
static inline void x86_alu_rr(X86Emit *e, bool w, X86Alu op, int dst,
                              int src)
{
    x86_op_rr(e, w, (op << 3) | 1, src, dst);
}

/* alu dst, imm32 (sign-extended imm8 form when it fits) */
static inline void x86_alu_ri(X86Emit *e, bool w, X86Alu op, int dst,
                              int32_t imm)
{
    x86_rex(e, w, 0, 0, dst, false);
    if (x86_is_s8(imm)) {
        x86_byte(e, 0x83);
        x86_modrm_reg(e, op, dst);
        x86_byte(e, imm);
    } else {
        x86_byte(e, 0x81);
        x86_modrm_reg(e, op, dst);
        x86_u32(e, imm);
    }
}

/* alu reg, [base + disp]: cmp/add/sub... with a memory source */
static inline void x86_alu_rm(X86Emit *e, bool w, X86Alu op, int reg,
                              int base, int32_t disp)
{
    x86_op_rm(e, w, (op << 3) | 3, reg, base, disp);
}

/* test a, b (32-bit) */
static inline void x86_test_rr(X86Emit *e, int a, int b)
{
    x86_op_rr(e, false, 0x85, b, a);
}

/* test r32, imm32 */
static inline void x86_test_ri(X86Emit *e, int reg, uint32_t imm)
{
    x86_rex(e, false, 0, 0, reg, false);
    x86_byte(e, 0xf7);
    x86_modrm_reg(e, 0, reg);
    x86_u32(e, imm);
}

/* shift dst by imm (32-bit, or 64-bit with @w) */
static inline void x86_shift_ri(X86Emit *e, bool w, X86Shift op, int dst,
                                uint8_t imm)
{
    x86_rex(e, w, 0, 0, dst, false);
    x86_byte(e, 0xc1);
    x86_modrm_reg(e, op, dst);
    x86_byte(e, imm);
}

/* shift dst32 by cl */
static inline void x86_shift_rcl(X86Emit *e, X86Shift op, int dst)
{
    x86_rex(e, false, 0, 0, dst, false);
    x86_byte(e, 0xd3);
    x86_modrm_reg(e, op, dst);
}

/* imul dst, src (32-bit, or 64-bit with @w) */
static inline void x86_imul_rr(X86Emit *e, bool w, int dst, int src)
{
    x86_op2_rr(e, w, 0xaf, dst, src, false);
}

/* movsxd dst64, src32 */
static inline void x86_movsxd(X86Emit *e, int dst, int src)
{
    x86_op_rr(e, true, 0x63, dst, src);
}

/* cdq; div/idiv r32 (edx:eax) */
static inline void x86_cdq(X86Emit *e)
{
    x86_byte(e, 0x99);
}

static inline void x86_div(X86Emit *e, bool sign, int src)
{
    x86_rex(e, false, 0, 0, src, false);
    x86_byte(e, 0xf7);
    x86_modrm_reg(e, sign ? 7 : 6, src);
}

/* setcc dst8; movzx dst32, dst8 */
static inline void x86_setcc_zx(X86Emit *e, X86Cond cc, int dst)
{
    x86_op2_rr(e, false, 0x90 | cc, 0, dst, dst >= X86_RSP);
    x86_op2_rr(e, false, 0xb6, dst, dst, dst >= X86_RSP);
}

/*
 * Loads of 1, 2 or 4 bytes from [base + index] (index may be -1 for
 * [base]) into a 32-bit register, zero- or sign-extended.
 */
static inline void x86_load_sized(X86Emit *e, int dst, int base, int index,
                                  unsigned size, bool sign)
{
    x86_rex(e, false, dst, index < 0 ? 0 : index, base, false);
    if (size == 4) {
        x86_byte(e, 0x8b);
    } else {
        x86_byte(e, 0x0f);
        x86_byte(e, (size == 1 ? 0xb6 : 0xb7) | (sign ? 0x08 : 0));
    }
    if (index < 0) {
        x86_modrm_mem(e, dst, base, 0);
    } else {
        x86_modrm_sib(e, dst, base, index, 0);
    }
}

/* Stores of 1, 2 or 4 bytes of @src to [base]. */
static inline void x86_store_sized(X86Emit *e, int src, int base,
                                   unsigned size)
{
    if (size == 2) {
        x86_byte(e, 0x66);
    }
    x86_rex(e, false, src, 0, base, size == 1 && src >= X86_RSP);
    x86_byte(e, size == 1 ? 0x88 : 0x89);
    x86_modrm_mem(e, src, base, 0);
}

/* mov dst64, [base + index * 8] */
static inline void x86_load_idx8(X86Emit *e, int dst, int base, int index)
{
    x86_rex(e, true, dst, index, base, false);
    x86_byte(e, 0x8b);
    x86_modrm_sib(e, dst, base, index, 3);
}

/* Jumps and calls.  The rel32 forms return the field to patch. */
static inline uint8_t *x86_jcc(X86Emit *e, X86Cond cc)
{
    x86_byte(e, 0x0f);
    x86_byte(e, 0x80 | cc);
    x86_u32(e, 0);
    return e->p - 4;
}

static inline uint8_t *x86_jmp(X86Emit *e)
{
    x86_byte(e, 0xe9);
    x86_u32(e, 0);
    return e->p - 4;
}

/* Point the rel32 field at @field to @target. */
static inline void x86_patch(uint8_t *field, const void *target)
{
    int32_t rel = (const uint8_t *)target - (field + 4);

    memcpy(field, &rel, 4);
}

static inline void x86_jmp_to(X86Emit *e, const void *target)
{
    x86_patch(x86_jmp(e), target);
}

static inline void x86_jcc_to(X86Emit *e, X86Cond cc, const void *target)
{
    x86_patch(x86_jcc(e, cc), target);
}

/* jmp r64 / call r64 */
static inline void x86_jmp_r(X86Emit *e, int reg)
{
    x86_rex(e, false, 0, 0, reg, false);
    x86_byte(e, 0xff);
    x86_modrm_reg(e, 4, reg);
}

static inline void x86_call_r(X86Emit *e, int reg)
{
    x86_rex(e, false, 0, 0, reg, false);
    x86_byte(e, 0xff);
    x86_modrm_reg(e, 2, reg);
}

/* call a C function (through rax) */
static inline void x86_call(X86Emit *e, const void *fn)
{
    x86_mov_ri64(e, X86_RAX, (uintptr_t)fn);
    x86_call_r(e, X86_RAX);
}

static inline void x86_push(X86Emit *e, int reg)
{
    x86_rex(e, false, 0, 0, reg, false);
    x86_byte(e, 0x50 + (reg & 7));
}

static inline void x86_pop(X86Emit *e, int reg)
{
    x86_rex(e, false, 0, 0, reg, false);
    x86_byte(e, 0x58 + (reg & 7));
}

static inline void x86_ret(X86Emit *e)
{
    x86_byte(e, 0xc3);
}

#endif
