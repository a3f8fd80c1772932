/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * THE instruction table of the RISC-V target: one row per instruction,
 * from which the decoder (match/mask, operand format), the block-end
 * flags of the translator, the disassembler's mnemonic and the
 * threaded-code handler table are all generated.  Instruction semantics
 * live in insn-sem.c.inc, once per row name.
 *
 * Row: RV_INSN(NAME, "mnemonic", match, mask, format, flags)
 *
 * Compressed instructions are rows of RV_CINSN(NAME, match, mask, cfmt,
 * BASE): they decode into the operands of the base row BASE and execute
 * its semantics; the disassembler prints the base row's (objdump) form.
 */
#ifndef TARGET_RISCV_INSN_TABLE_H
#define TARGET_RISCV_INSN_TABLE_H

/* Operand formats of 32-bit rows */
enum {
    FMT_R,      /* rd, rs1, rs2 */
    FMT_I,      /* rd, rs1, imm[11:0] */
    FMT_SH,     /* rd, rs1, shamt[4:0] */
    FMT_S,      /* rs1, rs2, store offset */
    FMT_B,      /* rs1, rs2, branch offset */
    FMT_U,      /* rd, imm[31:12] */
    FMT_J,      /* rd, jump offset */
    FMT_CSR,    /* rd, rs1, csr */
    FMT_CSRI,   /* rd, uimm (in rs1), csr */
    FMT_FENCE,  /* pred/succ/fm in imm */
    FMT_NONE,   /* no operands */
    FMT_AMO,    /* rd, rs1, rs2, aq/rl in imm */
};

/* Row flags */
#define RVF_END     0x01    /* ends a translation block */
#define RVF_JUMP    0x02    /* control transfer (its own exit handling) */
#define RVF_RD      0x04    /* writes rd */
#define RVF_MEM     0x08    /* accesses memory */
#define RVF_CSR     0x10    /* CSR access: ends the block */

#define RV_INSN_LIST(X)                                                    \
    /* RV32I */                                                            \
    X(LUI,    "lui",    0x00000037, 0x0000007f, FMT_U,  RVF_RD)            \
    X(AUIPC,  "auipc",  0x00000017, 0x0000007f, FMT_U,  RVF_RD)            \
    X(JAL,    "jal",    0x0000006f, 0x0000007f, FMT_J,                     \
      RVF_RD | RVF_END | RVF_JUMP)                                         \
    X(JALR,   "jalr",   0x00000067, 0x0000707f, FMT_I,                     \
      RVF_RD | RVF_END | RVF_JUMP)                                         \
    X(BEQ,    "beq",    0x00000063, 0x0000707f, FMT_B, RVF_END | RVF_JUMP) \
    X(BNE,    "bne",    0x00001063, 0x0000707f, FMT_B, RVF_END | RVF_JUMP) \
    X(BLT,    "blt",    0x00004063, 0x0000707f, FMT_B, RVF_END | RVF_JUMP) \
    X(BGE,    "bge",    0x00005063, 0x0000707f, FMT_B, RVF_END | RVF_JUMP) \
    X(BLTU,   "bltu",   0x00006063, 0x0000707f, FMT_B, RVF_END | RVF_JUMP) \
    X(BGEU,   "bgeu",   0x00007063, 0x0000707f, FMT_B, RVF_END | RVF_JUMP) \
    X(LB,     "lb",     0x00000003, 0x0000707f, FMT_I,  RVF_RD | RVF_MEM)  \
    X(LH,     "lh",     0x00001003, 0x0000707f, FMT_I,  RVF_RD | RVF_MEM)  \
    X(LW,     "lw",     0x00002003, 0x0000707f, FMT_I,  RVF_RD | RVF_MEM)  \
    X(LBU,    "lbu",    0x00004003, 0x0000707f, FMT_I,  RVF_RD | RVF_MEM)  \
    X(LHU,    "lhu",    0x00005003, 0x0000707f, FMT_I,  RVF_RD | RVF_MEM)  \
    X(SB,     "sb",     0x00000023, 0x0000707f, FMT_S,  RVF_MEM)           \
    X(SH,     "sh",     0x00001023, 0x0000707f, FMT_S,  RVF_MEM)           \
    X(SW,     "sw",     0x00002023, 0x0000707f, FMT_S,  RVF_MEM)           \
    X(ADDI,   "addi",   0x00000013, 0x0000707f, FMT_I,  RVF_RD)            \
    X(SLTI,   "slti",   0x00002013, 0x0000707f, FMT_I,  RVF_RD)            \
    X(SLTIU,  "sltiu",  0x00003013, 0x0000707f, FMT_I,  RVF_RD)            \
    X(XORI,   "xori",   0x00004013, 0x0000707f, FMT_I,  RVF_RD)            \
    X(ORI,    "ori",    0x00006013, 0x0000707f, FMT_I,  RVF_RD)            \
    X(ANDI,   "andi",   0x00007013, 0x0000707f, FMT_I,  RVF_RD)            \
    X(SLLI,   "slli",   0x00001013, 0xfe00707f, FMT_SH, RVF_RD)            \
    X(SRLI,   "srli",   0x00005013, 0xfe00707f, FMT_SH, RVF_RD)            \
    X(SRAI,   "srai",   0x40005013, 0xfe00707f, FMT_SH, RVF_RD)            \
    X(ADD,    "add",    0x00000033, 0xfe00707f, FMT_R,  RVF_RD)            \
    X(SUB,    "sub",    0x40000033, 0xfe00707f, FMT_R,  RVF_RD)            \
    X(SLL,    "sll",    0x00001033, 0xfe00707f, FMT_R,  RVF_RD)            \
    X(SLT,    "slt",    0x00002033, 0xfe00707f, FMT_R,  RVF_RD)            \
    X(SLTU,   "sltu",   0x00003033, 0xfe00707f, FMT_R,  RVF_RD)            \
    X(XOR,    "xor",    0x00004033, 0xfe00707f, FMT_R,  RVF_RD)            \
    X(SRL,    "srl",    0x00005033, 0xfe00707f, FMT_R,  RVF_RD)            \
    X(SRA,    "sra",    0x40005033, 0xfe00707f, FMT_R,  RVF_RD)            \
    X(OR,     "or",     0x00006033, 0xfe00707f, FMT_R,  RVF_RD)            \
    X(AND,    "and",    0x00007033, 0xfe00707f, FMT_R,  RVF_RD)            \
    X(FENCE,  "fence",  0x0000000f, 0x0000707f, FMT_FENCE, 0)              \
    X(ECALL,  "ecall",  0x00000073, 0xffffffff, FMT_NONE,                  \
      RVF_END | RVF_JUMP)                                                  \
    X(EBREAK, "ebreak", 0x00100073, 0xffffffff, FMT_NONE,                  \
      RVF_END | RVF_JUMP)                                                  \
    /* Zifencei */                                                         \
    X(FENCE_I, "fence.i", 0x0000100f, 0x0000707f, FMT_NONE, RVF_END)       \
    /* Zicsr */                                                            \
    X(CSRRW,  "csrrw",  0x00001073, 0x0000707f, FMT_CSR,                   \
      RVF_RD | RVF_END | RVF_CSR)                                          \
    X(CSRRS,  "csrrs",  0x00002073, 0x0000707f, FMT_CSR,                   \
      RVF_RD | RVF_END | RVF_CSR)                                          \
    X(CSRRC,  "csrrc",  0x00003073, 0x0000707f, FMT_CSR,                   \
      RVF_RD | RVF_END | RVF_CSR)                                          \
    X(CSRRWI, "csrrwi", 0x00005073, 0x0000707f, FMT_CSRI,                  \
      RVF_RD | RVF_END | RVF_CSR)                                          \
    X(CSRRSI, "csrrsi", 0x00006073, 0x0000707f, FMT_CSRI,                  \
      RVF_RD | RVF_END | RVF_CSR)                                          \
    X(CSRRCI, "csrrci", 0x00007073, 0x0000707f, FMT_CSRI,                  \
      RVF_RD | RVF_END | RVF_CSR)                                          \
    /* Privileged */                                                       \
    X(MRET,   "mret",   0x30200073, 0xffffffff, FMT_NONE,                  \
      RVF_END | RVF_JUMP)                                                  \
    X(WFI,    "wfi",    0x10500073, 0xffffffff, FMT_NONE, RVF_END)         \
    /* M */                                                                \
    X(MUL,    "mul",    0x02000033, 0xfe00707f, FMT_R,  RVF_RD)            \
    X(MULH,   "mulh",   0x02001033, 0xfe00707f, FMT_R,  RVF_RD)            \
    X(MULHSU, "mulhsu", 0x02002033, 0xfe00707f, FMT_R,  RVF_RD)            \
    X(MULHU,  "mulhu",  0x02003033, 0xfe00707f, FMT_R,  RVF_RD)            \
    X(DIV,    "div",    0x02004033, 0xfe00707f, FMT_R,  RVF_RD)            \
    X(DIVU,   "divu",   0x02005033, 0xfe00707f, FMT_R,  RVF_RD)            \
    X(REM,    "rem",    0x02006033, 0xfe00707f, FMT_R,  RVF_RD)            \
    X(REMU,   "remu",   0x02007033, 0xfe00707f, FMT_R,  RVF_RD)            \
    /* A */                                                                \
    X(LR_W,   "lr.w",   0x1000202f, 0xf9f0707f, FMT_AMO, RVF_RD | RVF_MEM) \
    X(SC_W,   "sc.w",   0x1800202f, 0xf800707f, FMT_AMO, RVF_RD | RVF_MEM) \
    X(AMOSWAP_W, "amoswap.w", 0x0800202f, 0xf800707f, FMT_AMO,             \
      RVF_RD | RVF_MEM)                                                    \
    X(AMOADD_W, "amoadd.w", 0x0000202f, 0xf800707f, FMT_AMO,               \
      RVF_RD | RVF_MEM)                                                    \
    X(AMOXOR_W, "amoxor.w", 0x2000202f, 0xf800707f, FMT_AMO,               \
      RVF_RD | RVF_MEM)                                                    \
    X(AMOAND_W, "amoand.w", 0x6000202f, 0xf800707f, FMT_AMO,               \
      RVF_RD | RVF_MEM)                                                    \
    X(AMOOR_W, "amoor.w", 0x4000202f, 0xf800707f, FMT_AMO,                 \
      RVF_RD | RVF_MEM)                                                    \
    X(AMOMIN_W, "amomin.w", 0x8000202f, 0xf800707f, FMT_AMO,               \
      RVF_RD | RVF_MEM)                                                    \
    X(AMOMAX_W, "amomax.w", 0xa000202f, 0xf800707f, FMT_AMO,               \
      RVF_RD | RVF_MEM)                                                    \
    X(AMOMINU_W, "amominu.w", 0xc000202f, 0xf800707f, FMT_AMO,             \
      RVF_RD | RVF_MEM)                                                    \
    X(AMOMAXU_W, "amomaxu.w", 0xe000202f, 0xf800707f, FMT_AMO,             \
      RVF_RD | RVF_MEM)

/* Compressed operand formats (RVC, rv32) */
enum {
    CF_ADDI4SPN, CF_LW, CF_SW, CF_ADDI, CF_JAL, CF_LI, CF_ADDI16SP,
    CF_LUI, CF_SRLI, CF_SRAI, CF_ANDI, CF_SUB, CF_J, CF_BEQZ, CF_SLLI,
    CF_LWSP, CF_JR, CF_MV, CF_EBREAK, CF_JALR, CF_ADD, CF_SWSP,
};

/*
 * RV_CINSN(NAME, match, mask, cformat, BASE).  Order matters: the first
 * matching row wins (c.addi16sp before c.lui, c.jr before c.mv, ...).
 */
#define RV_CINSN_LIST(X)                                                   \
    X(C_ADDI4SPN, 0x0000, 0xe003, CF_ADDI4SPN, ADDI)                       \
    X(C_LW,       0x4000, 0xe003, CF_LW,       LW)                         \
    X(C_SW,       0xc000, 0xe003, CF_SW,       SW)                         \
    X(C_ADDI,     0x0001, 0xe003, CF_ADDI,     ADDI)                       \
    X(C_JAL,      0x2001, 0xe003, CF_JAL,      JAL)                        \
    X(C_LI,       0x4001, 0xe003, CF_LI,       ADDI)                       \
    X(C_ADDI16SP, 0x6101, 0xef83, CF_ADDI16SP, ADDI)                       \
    X(C_LUI,      0x6001, 0xe003, CF_LUI,      LUI)                        \
    X(C_SRLI,     0x8001, 0xec03, CF_SRLI,     SRLI)                       \
    X(C_SRAI,     0x8401, 0xec03, CF_SRAI,     SRAI)                       \
    X(C_ANDI,     0x8801, 0xec03, CF_ANDI,     ANDI)                       \
    X(C_SUB,      0x8c01, 0xfc63, CF_SUB,      SUB)                        \
    X(C_XOR,      0x8c21, 0xfc63, CF_SUB,      XOR)                        \
    X(C_OR,       0x8c41, 0xfc63, CF_SUB,      OR)                         \
    X(C_AND,      0x8c61, 0xfc63, CF_SUB,      AND)                        \
    X(C_J,        0xa001, 0xe003, CF_J,        JAL)                        \
    X(C_BEQZ,     0xc001, 0xe003, CF_BEQZ,     BEQ)                        \
    X(C_BNEZ,     0xe001, 0xe003, CF_BEQZ,     BNE)                        \
    X(C_SLLI,     0x0002, 0xe003, CF_SLLI,     SLLI)                       \
    X(C_LWSP,     0x4002, 0xe003, CF_LWSP,     LW)                         \
    X(C_EBREAK,   0x9002, 0xffff, CF_EBREAK,   EBREAK)                     \
    X(C_JR,       0x8002, 0xf07f, CF_JR,       JALR)                       \
    X(C_MV,       0x8002, 0xf003, CF_MV,       ADD)                        \
    X(C_JALR,     0x9002, 0xf07f, CF_JALR,     JALR)                       \
    X(C_ADD,      0x9002, 0xf003, CF_ADD,      ADD)                        \
    X(C_SWSP,     0xc002, 0xe003, CF_SWSP,     SW)

/* Operation numbers: one per 32-bit row, then the pseudo operations. */
typedef enum RVOpcode {
#define RV_ENUM_(name, mn, match, mask, fmt, flags) RV_OP_##name,
    RV_INSN_LIST(RV_ENUM_)
#undef RV_ENUM_
    RV_OP_ILLEGAL,      /* raises illegal instruction with the word */
    RV_OP_GOTO,         /* synthetic block end: continue at op->imm */
    RV_OP__MAX,
} RVOpcode;

typedef enum RVCOpcode {
    RV_COP_NONE,
#define RV_CENUM_(name, match, mask, cfmt, base) RV_COP_##name,
    RV_CINSN_LIST(RV_CENUM_)
#undef RV_CENUM_
} RVCOpcode;

#endif
