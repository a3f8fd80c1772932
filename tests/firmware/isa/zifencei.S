/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Zifencei and self-modifying code: run a routine, store new instructions
 * over it, FENCE.I, run it again and see the new code; patch an
 * instruction further on in the straight-line code being executed; patch
 * a 16-bit instruction; copy a routine to data memory and call it.
 */
#include "isa-test.h"

/* addi a0, x0, imm (32-bit encoding) */
#define ADDI_A0(imm)    ((((imm) & 0xfff) << 20) | 0x00000513)
/* c.li a0, imm (16-bit encoding, imm in -32..31) */
#define C_LI_A0(imm)    (0x4001 | (10 << 7) | ((((imm) >> 5) & 1) << 12) | \
                         (((imm) & 0x1f) << 2))

    TEST_START

    /* a routine called before and after being rewritten */
    TN 1
    call patchme
    EXPECT a0, 1
    TN 2
    call patchme                /* runs from the translation cache */
    EXPECT a0, 1
    TN 3
    la a1, patchme
    li a2, ADDI_A0(2)
    sw a2, 0(a1)
    fence.i
    call patchme
    EXPECT a0, 2
    TN 4
    li a2, ADDI_A0(-5)
    sw a2, 0(a1)
    fence.i
    call patchme
    EXPECT a0, -5

    /* straight-line code patches an instruction a few words ahead */
    .option push
    .option norvc
    TN 5
    la a1, 1f
    li a2, ADDI_A0(7)
    sw a2, 0(a1)
    fence.i
1:  addi a0, zero, 3
    EXPECT a0, 7
    /* the same in a loop: each pass stores a new immediate */
    TN 6
    li s0, 0
    li s1, 0
    la a1, 2f
3:  addi a2, s0, 10
    slli a2, a2, 20
    li a3, 0x00000513
    or a2, a2, a3
    sw a2, 0(a1)
    fence.i
2:  addi a0, zero, 0
    add s1, s1, a0
    addi s0, s0, 1
    li a3, 4
    bne s0, a3, 3b
    EXPECT s1, 10 + 11 + 12 + 13
    .option pop

    /* a 16-bit instruction patched with a halfword store */
    TN 7
    la a1, 4f
    li a2, C_LI_A0(-7)
    sh a2, 0(a1)
    fence.i
4:  c.li a0, 5
    EXPECT a0, -7

    /* code copied into .data and called there */
    TN 8
    la a1, copied
    li a2, ADDI_A0(42)
    sw a2, 0(a1)
    li a2, 0x00008067           /* ret */
    sw a2, 4(a1)
    fence.i
    jalr ra, 0(a1)
    EXPECT a0, 42
    TN 9
    li a2, ADDI_A0(43)
    sw a2, 0(a1)
    fence.i
    jalr ra, 0(a1)
    EXPECT a0, 43

    TEST_END

    .option push
    .option norvc
    .align 2
patchme:
    addi a0, zero, 1
    ret
    .option pop

    .data
    .align 4
copied:
    .space 16
