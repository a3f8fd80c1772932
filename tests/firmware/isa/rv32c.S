/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * RV32C: every compressed instruction of RV32C (integer), written with
 * explicit c. mnemonics so each is really 16 bits: stack-relative and
 * register-relative loads/stores, immediates (sign extension, C.LUI,
 * C.ADDI16SP, C.ADDI4SPN), shifts, register ops, jumps with link values,
 * branches both ways, C.EBREAK, and 16-bit instructions at addresses that
 * are not 4-byte aligned.
 */
#include "isa-test.h"

    TEST_START

    /* s0/s1/a0..a5 are the registers C.* 3-bit fields can name */
    la sp, cstack + 64

    TN 1
    c.li a0, -32                /* sign-extended 6-bit immediate */
    EXPECT a0, -32
    TN 2
    c.li a0, 31
    EXPECT a0, 31
    TN 3
    c.addi a0, -1
    EXPECT a0, 30
    TN 4
    c.addi a0, 31
    EXPECT a0, 61
    TN 5
    c.lui a1, 0xfffe0           /* nzimm = -32 << 12 */
    EXPECT a1, 0xfffe0000
    TN 6
    c.lui a1, 1
    EXPECT a1, 0x1000
    TN 7
    c.lui a1, 0x1f
    EXPECT a1, 0x1f000
    TN 8
    mv a2, sp
    c.addi16sp sp, -512
    sub a3, a2, sp
    EXPECT a3, 512
    c.addi16sp sp, 496
    sub a3, a2, sp
    EXPECT a3, 16
    c.addi16sp sp, 16
    bne sp, a2, fail
    TN 9
    c.addi4spn a4, sp, 1020
    sub a4, a4, sp
    EXPECT a4, 1020
    c.addi4spn a4, sp, 4
    sub a4, a4, sp
    EXPECT a4, 4

    /* loads and stores */
    TN 10
    li a5, 0x12345678
    c.swsp a5, 0(sp)
    li a5, 0x9abcdef0
    c.swsp a5, 252(sp)
    c.lwsp a2, 0(sp)
    EXPECT a2, 0x12345678
    TN 11
    addi a3, sp, 252
    lw a2, 0(a3)
    EXPECT a2, 0x9abcdef0
    c.lwsp a2, 252(sp)
    EXPECT a2, 0x9abcdef0
    TN 12
    la s0, cdata
    li a5, 0xcafef00d
    c.sw a5, 0(s0)
    li a5, 0x0badc0de
    c.sw a5, 124(s0)
    c.lw a4, 0(s0)
    EXPECT a4, 0xcafef00d
    c.lw a4, 124(s0)
    EXPECT a4, 0x0badc0de
    TN 13
    lw a4, 124(s0)
    EXPECT a4, 0x0badc0de

    /* shifts and immediate ops on the 3-bit registers */
    TN 14
    li s1, 0x80000001
    c.srli s1, 1
    EXPECT s1, 0x40000000
    TN 15
    li s1, 0x80000001
    c.srli s1, 31
    EXPECT s1, 1
    TN 16
    li s1, 0x80000010
    c.srai s1, 4
    EXPECT s1, 0xf8000001
    TN 17
    li s1, 0x80000000
    c.srai s1, 31
    EXPECT s1, -1
    TN 18
    li s1, 0xff00ff0f
    c.andi s1, -16
    EXPECT s1, 0xff00ff00
    TN 19
    li s1, 0xff
    c.andi s1, 0x1f
    EXPECT s1, 0x1f
    TN 20
    li a2, 1
    c.slli a2, 31
    EXPECT a2, 0x80000000
    TN 21
    li t3, 3
    c.slli t3, 4                /* any register */
    EXPECT t3, 0x30

    /* register-register */
    TN 22
    li a0, 10
    li a1, 3
    c.sub a0, a1
    EXPECT a0, 7
    TN 23
    li a0, 0x0ff0
    li a1, 0xf0f0
    c.xor a0, a1
    EXPECT a0, 0xff00
    TN 24
    li a0, 0x0ff0
    c.or a0, a1
    EXPECT a0, 0xfff0
    TN 25
    li a0, 0x0ff0
    c.and a0, a1
    EXPECT a0, 0x00f0
    TN 26
    li t4, 0x7fffffff
    li t5, 1
    c.add t4, t5
    EXPECT t4, 0x80000000
    TN 27
    li t5, 0x1234
    c.mv t4, t5
    EXPECT t4, 0x1234
    TN 28
    li a0, 5
    c.nop
    EXPECT a0, 5

    /* jumps */
    TN 29
    c.j 1f
    j fail
1:  TN 30
    c.jal 2f
3:  j fail
2:  la a1, 3b
    bne ra, a1, fail           /* link = pc + 2 */
    TN 31
    la t0, 4f
    c.jr t0
    j fail
4:  TN 32
    la t0, 5f
    c.jalr t0
6:  j fail
5:  la a1, 6b
    bne ra, a1, fail
    TN 33
    /* c.jalr with rs1 == ra: the target is the old ra */
    la ra, 7f
    c.jalr ra
8:  j fail
7:  la a1, 8b
    bne ra, a1, fail
    /* backward c.j */
    TN 34
    c.j 10f
9:  c.j 11f
10: c.j 9b
    j fail
11:

    /* branches */
    TN 35
    li s0, 0
    c.beqz s0, 12f
    j fail
12: TN 36
    li s0, 1
    c.beqz s0, fail
    TN 37
    c.bnez s0, 13f
    j fail
13: TN 38
    li s0, 0
    c.bnez s0, fail
    TN 39
    li s0, 0x80000000
    c.bnez s0, 14f
    j fail
14: /* backward c.bnez loop */
    TN 40
    li a0, 0
    li s1, 5
15: c.addi a0, 2
    c.addi s1, -1
    c.bnez s1, 15b
    EXPECT a0, 10

    /* C.EBREAK traps with cause 3 and mepc at the 16-bit instruction */
    TRAP 41, CAUSE_BREAKPOINT, c.ebreak

    /* 16-bit instructions at an address that is 2 mod 4 */
    TN 42
    .balign 4
    c.nop
    c.li a0, 1
    c.addi a0, 2
    c.slli a0, 2
    EXPECT a0, 12
    TN 43
    .balign 4
    c.nop
    .option push
    .option norvc
    addi a0, zero, 9            /* 32-bit instructions at 2 mod 4 */
    addi a0, a0, 1
    .option pop
    EXPECT a0, 10
    /* a jump target on a 2 mod 4 address */
    TN 44
    .balign 4
    c.nop
    c.j 16f
    c.nop
16: c.li a0, 3
    EXPECT a0, 3

    TEST_END

    .data
    .align 4
cdata:
    .space 128
cstack:
    .space 1024
