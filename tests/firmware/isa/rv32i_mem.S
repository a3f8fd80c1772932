/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * RV32I loads and stores: LB/LH/LW/LBU/LHU sign and zero extension,
 * SB/SH/SW widths and little-endian layout, negative offsets, x0 as
 * destination, FENCE, and plain misaligned accesses (performed, no trap,
 * as QEMU 7.2 does).
 */
#include "isa-test.h"

    TEST_START

    la s0, data
    TN 1
    lb a0, 0(s0)
    EXPECT a0, 0xffffff80
    TN 2
    lbu a0, 0(s0)
    EXPECT a0, 0x80
    TN 3
    lb a0, 1(s0)
    EXPECT a0, 0x7f
    TN 4
    lh a0, 0(s0)
    EXPECT a0, 0x00007f80
    TN 5
    lh a0, 2(s0)
    EXPECT a0, 0xffff80ff
    TN 6
    lhu a0, 2(s0)
    EXPECT a0, 0x80ff
    TN 7
    lw a0, 0(s0)
    EXPECT a0, 0x80ff7f80
    TN 8
    lw a0, 4(s0)
    EXPECT a0, 0x01234567
    TN 9
    addi s1, s0, 8
    lw a0, -4(s1)
    EXPECT a0, 0x01234567
    TN 10
    lbu a0, -1(s1)
    EXPECT a0, 0x01

    /* stores */
    la s1, scratch
    TN 11
    li a1, 0x11223344
    sw a1, 0(s1)
    li a1, 0xaabbccdd
    sb a1, 0(s1)
    lw a0, 0(s1)
    EXPECT a0, 0x112233dd
    TN 12
    sh a1, 2(s1)
    lw a0, 0(s1)
    EXPECT a0, 0xccdd33dd
    TN 13
    sb a1, 1(s1)
    lw a0, 0(s1)
    EXPECT a0, 0xccdddddd
    TN 14
    sw zero, 4(s1)
    li a1, -1
    sb a1, 7(s1)
    lw a0, 4(s1)
    EXPECT a0, 0xff000000
    TN 15
    lb a0, 7(s1)
    EXPECT a0, -1
    TN 16
    addi s2, s1, 16
    li a1, 0x5a5a
    sh a1, -10(s2)              /* scratch + 6 */
    lw a0, 4(s1)
    EXPECT a0, 0x5a5a0000

    /* load into x0 has no effect on x0 */
    TN 17
    lw x0, 0(s0)
    bnez x0, fail

    /* fence orders, changes nothing visible */
    TN 18
    li a1, 77
    sw a1, 8(s1)
    fence
    fence rw, rw
    fence w, r
    lw a0, 8(s1)
    EXPECT a0, 77

    /* misaligned plain accesses are performed (no trap) */
    TN 19
    lw a0, 1(s0)
    EXPECT a0, 0x6780ff7f
    TN 20
    lh a0, 3(s0)
    EXPECT a0, 0x00006780
    TN 21
    lhu a0, 1(s0)
    EXPECT a0, 0xff7f
    TN 22
    lw a0, 3(s0)
    EXPECT a0, 0x23456780
    TN 23
    li a1, 0x01020304
    sw a1, 9(s1)
    lw a0, 8(s1)
    EXPECT a0, 0x0203044d       /* low byte: 77 */
    lbu a0, 12(s1)
    EXPECT a0, 0x01
    TN 24
    li a1, 0xbeef
    sh a1, 15(s1)
    lhu a0, 15(s1)
    EXPECT a0, 0xbeef
    lbu a0, 16(s1)
    EXPECT a0, 0xbe

    TEST_END

    .data
    .align 4
data:
    .byte 0x80, 0x7f, 0xff, 0x80
    .word 0x01234567
    .word 0
scratch:
    .space 32
