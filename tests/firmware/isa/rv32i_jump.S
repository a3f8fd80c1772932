/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * RV32I control transfer: every branch taken and not taken (signed and
 * unsigned edge values, forward and backward), JAL and JALR link values,
 * JALR clearing the lowest target bit, JALR with rd == rs1, x0 links.
 */
#include "isa-test.h"

/* TEST_BR n, op, a, b, taken: a1 = a, a2 = b; taken is 1 or 0 */
.macro TEST_BR n, op, a, b, taken
    TN \n
    li a1, \a
    li a2, \b
    \op a1, a2, .Lt\@
    .if \taken
    j fail
    .else
    j .Ld\@
    .endif
.Lt\@:
    .if \taken == 0
    j fail
    .endif
.Ld\@:
.endm

    TEST_START

    TEST_BR  1, beq,  0, 0, 1
    TEST_BR  2, beq,  1, 0, 0
    TEST_BR  3, beq,  -1, -1, 1
    TEST_BR  4, bne,  1, 0, 1
    TEST_BR  5, bne,  7, 7, 0
    TEST_BR  6, blt,  -1, 0, 1
    TEST_BR  7, blt,  0, -1, 0
    TEST_BR  8, blt,  0x80000000, 0x7fffffff, 1
    TEST_BR  9, blt,  5, 5, 0
    TEST_BR 10, bge,  0, -1, 1
    TEST_BR 11, bge,  5, 5, 1
    TEST_BR 12, bge,  -1, 0, 0
    TEST_BR 13, bge,  0x80000000, 0x7fffffff, 0
    TEST_BR 14, bltu, 0, -1, 1
    TEST_BR 15, bltu, -1, 0, 0
    TEST_BR 16, bltu, 0x7fffffff, 0x80000000, 1
    TEST_BR 17, bltu, 3, 3, 0
    TEST_BR 18, bgeu, -1, 0, 1
    TEST_BR 19, bgeu, 3, 3, 1
    TEST_BR 20, bgeu, 0, -1, 0
    TEST_BR 21, bgeu, 0x7fffffff, 0x80000000, 0

    /* backward branch: a loop that runs 10 times */
    TN 22
    li a0, 0
    li a1, 10
1:  addi a0, a0, 3
    addi a1, a1, -1
    bnez a1, 1b
    EXPECT a0, 30

    .option push
    .option norvc
    /* JAL: link = address of the next instruction */
    TN 23
    jal ra, 2f
3:  j fail
2:  la a1, 3b
    bne ra, a1, fail
    /* JAL backward */
    TN 24
    j 5f
4:  jal x0, 6f
5:  jal t0, 4b
    j fail
6:  la a1, 5b
    addi a1, a1, 4
    bne t0, a1, fail
    /* JAL x0 leaves x0 alone (checked by using it) */
    TN 25
    jal x0, 7f
    j fail
7:  bnez x0, fail

    /* JALR: target = (rs1 + imm) & ~1; link = pc + 4 */
    TN 26
    la a1, 8f
    jalr ra, 0(a1)
9:  j fail
8:  la a2, 9b
    bne ra, a2, fail
    TN 27
    la a1, 10f
    addi a1, a1, -3         /* target - 3 + 3 */
    jalr ra, 3(a1)
    j fail
10: TN 28
    la a1, 11f
    jalr ra, 1(a1)          /* odd: bit 0 cleared */
    j fail
11: TN 29
    la a1, 12f
    addi a1, a1, 9
    jalr ra, -8(a1)         /* target + 1, bit 0 cleared */
    j fail
12: /* rd == rs1: the target uses the old value */
    TN 30
    la a0, 13f
    jalr a0, 0(a0)
14: j fail
13: la a1, 14b
    bne a0, a1, fail
    /* JALR x0: no link */
    TN 31
    la a1, 15f
    jalr x0, 0(a1)
    j fail
15: bnez x0, fail
    /* a call and return through a subroutine */
    TN 32
    li a0, 5
    jal ra, double
    EXPECT a0, 10
    jal ra, double
    EXPECT a0, 20
    .option pop

    TEST_END

double:
    add a0, a0, a0
    ret
