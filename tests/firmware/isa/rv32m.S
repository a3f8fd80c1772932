/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * RV32M: MUL, MULH, MULHSU, MULHU, DIV, DIVU, REM, REMU with edge values,
 * including division by zero and the signed overflow case.
 */
#include "isa-test.h"

    TEST_START

    TEST_RR  1, mul,    0x00000000, 0x00000000, 0x00000000
    TEST_RR  2, mul,    0x00000001, 0xffffffff, 0xffffffff
    TEST_RR  3, mul,    0x00000000, 0x80000000, 0x00000002
    TEST_RR  4, mul,    0xfffffffa, 0x00000002, 0xfffffffd
    TEST_RR  5, mul,    0x242d2080, 0x12345678, 0x9abcdef0 /* low half */
    TEST_RR  6, mulh,   0x00000000, 0xffffffff, 0xffffffff
    TEST_RR  7, mulh,   0x40000000, 0x80000000, 0x80000000
    TEST_RR  8, mulh,   0xc0000000, 0x80000000, 0x7fffffff
    TEST_RR  9, mulh,   0xffffffff, 0xffffffff, 0x00000001
    TEST_RR 10, mulh,   0xf8cc93d6, 0x12345678, 0x9abcdef0
    TEST_RR 11, mulhsu, 0xffffffff, 0xffffffff, 0xffffffff
    TEST_RR 12, mulhsu, 0x80000000, 0x80000000, 0xffffffff
    TEST_RR 13, mulhsu, 0x00000000, 0x00000001, 0xffffffff
    TEST_RR 14, mulhsu, 0x7ffffffe, 0x7fffffff, 0xffffffff
    TEST_RR 15, mulhsu, 0x0b00ea4e, 0x12345678, 0x9abcdef0
    TEST_RR 16, mulhu,  0xfffffffe, 0xffffffff, 0xffffffff
    TEST_RR 17, mulhu,  0x40000000, 0x80000000, 0x80000000
    TEST_RR 18, mulhu,  0x00000000, 0x00000001, 0xffffffff
    TEST_RR 19, mulhu,  0x0b00ea4e, 0x12345678, 0x9abcdef0

    TEST_RR 20, div,    0x00000003, 20, 6
    TEST_RR 21, div,    0xfffffffd, -20, 6       /* rounds toward zero */
    TEST_RR 22, div,    0xfffffffd, 20, -6
    TEST_RR 23, div,    0x00000003, -20, -6
    TEST_RR 24, div,    0xffffffff, 20, 0        /* by zero: -1 */
    TEST_RR 25, div,    0xffffffff, 0x80000000, 0
    TEST_RR 26, div,    0x80000000, 0x80000000, -1 /* overflow */
    TEST_RR 27, divu,   0x00000003, 20, 6
    TEST_RR 28, divu,   0x2aaaaaa7, -20, 6
    TEST_RR 29, divu,   0x00000000, 20, -6
    TEST_RR 30, divu,   0xffffffff, 20, 0        /* by zero: all ones */
    TEST_RR 31, divu,   0x00000000, 0x80000000, -1
    TEST_RR 32, rem,    0x00000002, 20, 6
    TEST_RR 33, rem,    0xfffffffe, -20, 6       /* sign of dividend */
    TEST_RR 34, rem,    0x00000002, 20, -6
    TEST_RR 35, rem,    0xfffffffe, -20, -6
    TEST_RR 36, rem,    0x00000014, 20, 0        /* by zero: dividend */
    TEST_RR 37, rem,    0x80000000, 0x80000000, 0
    TEST_RR 38, rem,    0x00000000, 0x80000000, -1 /* overflow: 0 */
    TEST_RR 39, remu,   0x00000002, 20, 6
    TEST_RR 40, remu,   0x00000002, -20, 6
    TEST_RR 41, remu,   0x00000014, 20, -6
    TEST_RR 42, remu,   0xffffffec, -20, 0       /* by zero: dividend */
    TEST_RR 43, remu,   0x80000000, 0x80000000, -1

    /* rd aliasing, x0 destination */
    TN 44
    li a0, 7
    mul a0, a0, a0
    EXPECT a0, 49
    TN 45
    li a1, 100
    li a0, 0
    div x0, a1, a0
    rem x0, a1, a0
    mulhu x0, a1, a1
    bnez x0, fail
    TN 46
    li a0, 100
    li a1, 7
    remu a0, a0, a1
    EXPECT a0, 2

    TEST_END
