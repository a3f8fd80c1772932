/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The RISC-V decoder and disassembler, both driven by insn-table.h.
 */
#ifndef TARGET_RISCV_DECODE_H
#define TARGET_RISCV_DECODE_H

#include "target/riscv/insn-table.h"

/**
 * RVInsn: one decoded instruction
 *
 * @op: the RVOpcode whose semantics it executes (RV_OP_ILLEGAL if none)
 * @cop: the compressed form it came from, or RV_COP_NONE
 * @len: 2 or 4
 * @imm: the immediate; the CSR number for CSR rows; aq/rl for AMOs;
 *   the fence fields for FENCE
 * @rs1: for CSR immediate forms, the 5-bit uimm
 * @word: the raw bits (16 bits for compressed instructions)
 */
typedef struct RVInsn {
    uint16_t op;
    uint8_t cop;
    uint8_t len;
    uint8_t rd;
    uint8_t rs1;
    uint8_t rs2;
    int32_t imm;
    uint32_t word;
} RVInsn;

/* Length in bytes of the instruction whose first halfword is @half. */
static inline unsigned rv_insn_len(uint16_t half)
{
    return (half & 3) == 3 ? 4 : 2;
}

/*
 * Decode @word (its low 16 bits if compressed) for a hart with @misa.
 * Returns false for an illegal encoding (insn->op is RV_OP_ILLEGAL).
 */
bool rv_decode(uint32_t word, uint32_t misa, RVInsn *insn);

/* Per-row data. */
const char *rv_op_mnemonic(int op);
unsigned rv_op_flags(int op);

/* ABI register name ("zero", "ra", ...). */
const char *rv_reg_name(int reg);
/* The CSR's objdump name (not the numbered families), or NULL. */
const char *rv_csr_name(int csr);

/*
 * Disassemble @insn at @pc into @buf as riscv64-unknown-elf-objdump -d
 * (binutils 2.40) prints it: "mnemonic<TAB>operands" becomes
 * "mnemonic operands" here (one space).  Branch targets are absolute hex
 * without 0x, as objdump prints them.
 */
void rv_disas(const RVInsn *insn, uint32_t pc, char *buf, size_t size);

#endif
