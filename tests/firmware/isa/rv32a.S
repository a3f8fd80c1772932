/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * RV32A: LR/SC reservations (success, failure without a reservation,
 * after an SC, on another address), every AMO's returned value and
 * memory result, aq/rl forms, x0 destinations.  Misaligned LR/SC/AMO
 * traps are in traps.S.
 */
#include "isa-test.h"

/* TEST_AMO n, op, old, operand, new: op a0, a2, (s0) with *s0 = old */
.macro TEST_AMO n, op, old, operand, new
    TN \n
    li a1, \old
    sw a1, 0(s0)
    li a2, \operand
    \op a0, a2, (s0)
    EXPECT a0, \old
    lw a3, 0(s0)
    li t6, \new
    bne a3, t6, fail
.endm

    TEST_START

    la s0, word
    la s1, other

    /* LR then SC on the same address succeeds (rd = 0) */
    TN 1
    li a1, 123
    sw a1, 0(s0)
    lr.w a0, (s0)
    EXPECT a0, 123
    li a2, 456
    sc.w a3, a2, (s0)
    EXPECT a3, 0
    lw a0, 0(s0)
    EXPECT a0, 456
    /* a second SC without a new LR fails and does not write */
    TN 2
    li a2, 789
    sc.w a3, a2, (s0)
    beqz a3, fail
    lw a0, 0(s0)
    EXPECT a0, 456
    /* SC to an address other than the reserved one fails */
    TN 3
    sw zero, 0(s1)
    lr.w a0, (s0)
    li a2, 99
    sc.w a3, a2, (s1)
    beqz a3, fail
    lw a0, 0(s1)
    EXPECT a0, 0
    /* the failed SC cleared the reservation */
    TN 4
    sc.w a3, a2, (s0)
    beqz a3, fail
    lw a0, 0(s0)
    EXPECT a0, 456
    /* aq/rl variants, SC result into x0 */
    TN 5
    lr.w.aq a0, (s0)
    li a2, 1000
    sc.w.rl x0, a2, (s0)
    bnez x0, fail
    lw a0, 0(s0)
    EXPECT a0, 1000
    TN 6
    lr.w.aqrl a0, (s0)
    li a2, 1001
    sc.w.aqrl a3, a2, (s0)
    EXPECT a3, 0
    lw a0, 0(s0)
    EXPECT a0, 1001
    /* an LR/SC increment loop */
    TN 7
    li a1, 41
    sw a1, 0(s0)
1:  lr.w a0, (s0)
    addi a0, a0, 1
    sc.w a3, a0, (s0)
    bnez a3, 1b
    lw a0, 0(s0)
    EXPECT a0, 42

    TEST_AMO  8, amoswap.w, 0x11111111, 0x22222222, 0x22222222
    TEST_AMO  9, amoadd.w,  0x7fffffff, 0x00000001, 0x80000000
    TEST_AMO 10, amoadd.w,  0xffffffff, 0x00000002, 0x00000001
    TEST_AMO 11, amoxor.w,  0x0ff00ff0, 0xf0f0f0f0, 0xff00ff00
    TEST_AMO 12, amoand.w,  0x0ff00ff0, 0xf0f0f0f0, 0x00f000f0
    TEST_AMO 13, amoor.w,   0x0ff00ff0, 0xf0f0f0f0, 0xfff0fff0
    TEST_AMO 14, amomin.w,  0x00000001, 0xffffffff, 0xffffffff
    TEST_AMO 15, amomin.w,  0x80000000, 0x7fffffff, 0x80000000
    TEST_AMO 16, amomax.w,  0x00000001, 0xffffffff, 0x00000001
    TEST_AMO 17, amomax.w,  0x80000000, 0x7fffffff, 0x7fffffff
    TEST_AMO 18, amominu.w, 0x00000001, 0xffffffff, 0x00000001
    TEST_AMO 19, amominu.w, 0x80000000, 0x7fffffff, 0x7fffffff
    TEST_AMO 20, amomaxu.w, 0x00000001, 0xffffffff, 0xffffffff
    TEST_AMO 21, amomaxu.w, 0x80000000, 0x7fffffff, 0x80000000
    TEST_AMO 22, amoadd.w.aq, 5, 6, 11
    TEST_AMO 23, amoswap.w.rl, 5, 6, 6
    TEST_AMO 24, amoor.w.aqrl, 5, 6, 7

    /* AMO with rd = x0 still writes memory; rd == rs2 */
    TN 25
    li a1, 10
    sw a1, 0(s0)
    li a2, 5
    amoadd.w x0, a2, (s0)
    bnez x0, fail
    lw a0, 0(s0)
    EXPECT a0, 15
    TN 26
    li a2, 100
    amoswap.w a2, a2, (s0)
    EXPECT a2, 15
    lw a0, 0(s0)
    EXPECT a0, 100

    TEST_END

    .data
    .align 4
word:
    .word 0
other:
    .word 0
