/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * RV32I register/immediate arithmetic: ADD..AND, ADDI..SRAI, LUI, AUIPC,
 * with edge values, shift amounts taken from the low 5 bits of rs2, and
 * writes to x0 ignored.
 */
#include "isa-test.h"

    TEST_START

    TEST_RR  1, add,  0x00000000, 0x00000000, 0x00000000
    TEST_RR  2, add,  0x80000000, 0x7fffffff, 0x00000001
    TEST_RR  3, add,  0x00000000, 0xffffffff, 0x00000001
    TEST_RR  4, sub,  0xffffffff, 0x00000000, 0x00000001
    TEST_RR  5, sub,  0x7fffffff, 0x80000000, 0x00000001
    TEST_RR  6, sll,  0x80000000, 0x00000001, 31
    TEST_RR  7, sll,  0x00000001, 0x00000001, 32     /* 32 & 31 = 0 */
    TEST_RR  8, sll,  0x00000002, 0x00000001, 0xffffffe1
    TEST_RR  9, slt,  0x00000001, 0x80000000, 0x7fffffff
    TEST_RR 10, slt,  0x00000000, 0x7fffffff, 0x80000000
    TEST_RR 11, slt,  0x00000000, 0xffffffff, 0xffffffff
    TEST_RR 12, sltu, 0x00000000, 0x80000000, 0x7fffffff
    TEST_RR 13, sltu, 0x00000001, 0x00000000, 0xffffffff
    TEST_RR 14, xor,  0xff00ff00, 0x0ff00ff0, 0xf0f0f0f0
    TEST_RR 15, srl,  0x00000001, 0x80000000, 31
    TEST_RR 16, srl,  0x80000000, 0x80000000, 32
    TEST_RR 17, srl,  0x40000000, 0x80000000, 0xffffffe1
    TEST_RR 18, sra,  0xffffffff, 0x80000000, 31
    TEST_RR 19, sra,  0x80000000, 0x80000000, 64
    TEST_RR 20, sra,  0xc0000000, 0x80000000, 33
    TEST_RR 21, sra,  0x00ffffff, 0x7fffffff, 7
    TEST_RR 22, or,   0xfff0fff0, 0xff00ff00, 0xf0f0f0f0
    TEST_RR 23, and,  0x0f000f00, 0x0ff00ff0, 0xff00ff00

    TEST_RI 24, addi,  0x00000800, 0x00000fff, -2047
    TEST_RI 25, addi,  0x80000000, 0x7fffffff, 1
    TEST_RI 26, addi,  0xfffff800, 0x00000000, -2048
    TEST_RI 27, slti,  0x00000001, 0xffffffff, 0
    TEST_RI 28, slti,  0x00000000, 0x00000000, -1
    TEST_RI 29, sltiu, 0x00000001, 0x00000000, -1  /* imm = 0xffffffff */
    TEST_RI 30, sltiu, 0x00000000, 0xffffffff, -1
    TEST_RI 31, sltiu, 0x00000001, 0x00000000, 1   /* seqz */
    TEST_RI 32, xori,  0xff00f00f, 0x00ff0ff0, -1  /* not, sign-extended */
    TEST_RI 33, xori,  0x00ff08f0, 0x00ff0ff0, 0x700
    TEST_RI 34, ori,   0xfffff800, 0x00000000, -2048
    TEST_RI 35, ori,   0x00ff07ff, 0x00ff0000, 0x7ff
    TEST_RI 36, andi,  0xff00ff00, 0xff00ff00, -1
    TEST_RI 37, andi,  0x00000700, 0xff00ff00, 0x7ff
    TEST_RI 38, slli,  0x80000000, 0x00000001, 31
    TEST_RI 39, slli,  0xfffffff0, 0xffffffff, 4
    TEST_RI 40, srli,  0x00000001, 0x80000000, 31
    TEST_RI 41, srli,  0x0fffffff, 0xffffffff, 4
    TEST_RI 42, srai,  0xffffffff, 0x80000000, 31
    TEST_RI 43, srai,  0xf8000000, 0x80000000, 4
    TEST_RI 44, srai,  0x07ffffff, 0x7fffffff, 4
    TEST_RI 45, slli,  0x12345678, 0x12345678, 0

    /* LUI: upper 20 bits, low bits zero */
    TN 46
    lui a0, 0xfffff
    EXPECT a0, 0xfffff000
    TN 47
    lui a0, 0x80000
    srai a0, a0, 12
    EXPECT a0, 0xfff80000
    TN 48
    lui a0, 0
    EXPECT a0, 0

    /* AUIPC: pc + (imm << 12) */
    TN 49
1:  auipc a0, 0
    la a1, 1b
    bne a0, a1, fail
    TN 50
2:  auipc a0, 0x1
    la a1, 2b
    sub a0, a0, a1
    EXPECT a0, 0x1000
    TN 51
3:  auipc a0, 0xfffff
    la a1, 3b
    sub a0, a0, a1
    EXPECT a0, 0xfffff000

    /* x0 is hard-wired to zero */
    TN 52
    li a1, 5
    addi x0, a1, 7
    add x0, a1, a1
    lui x0, 0x12345
    auipc x0, 1
    bnez x0, fail
    mv a0, x0
    EXPECT a0, 0

    /* rd aliasing a source */
    TN 53
    li a0, 21
    add a0, a0, a0
    EXPECT a0, 42
    TN 54
    li a1, 3
    li a0, 10
    sub a0, a1, a0
    EXPECT a0, -7
    TN 55
    li a0, 0x10
    sll a0, a0, a0              /* shift by 16 */
    EXPECT a0, 0x100000

    /* NOP encodings */
    TN 56
    li a0, 9
    .option push
    .option norvc
    nop
    addi x0, x0, 0
    .option pop
    EXPECT a0, 9

    TEST_END
