/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Zicsr: CSRRW/CSRRS/CSRRC and their immediate forms (old value returned,
 * bits set/cleared, zero-extended 5-bit immediates, rs1 = x0 / zimm = 0
 * not writing), read-only and missing CSRs trapping with the instruction
 * in mtval, machine information CSRs, counters, WARL fields of mtvec,
 * mepc and mie.
 */
#include "isa-test.h"

    TEST_START

    TN 1
    li a1, 0x12345678
    csrw mscratch, a1
    li a2, 0xdeadbeef
    csrrw a0, mscratch, a2
    EXPECT a0, 0x12345678
    csrr a0, mscratch
    EXPECT a0, 0xdeadbeef
    TN 2
    li a2, 0x0000ffff
    csrrs a0, mscratch, a2
    EXPECT a0, 0xdeadbeef
    csrr a0, mscratch
    EXPECT a0, 0xdeadffff
    TN 3
    li a2, 0xffff0000
    csrrc a0, mscratch, a2
    EXPECT a0, 0xdeadffff
    csrr a0, mscratch
    EXPECT a0, 0x0000ffff
    TN 4
    csrrwi a0, mscratch, 31     /* zero-extended */
    EXPECT a0, 0x0000ffff
    csrr a0, mscratch
    EXPECT a0, 31
    TN 5
    csrrci a0, mscratch, 0x15
    EXPECT a0, 31
    csrr a0, mscratch
    EXPECT a0, 0x0a
    TN 6
    csrrsi a0, mscratch, 0x11
    EXPECT a0, 0x0a
    csrr a0, mscratch
    EXPECT a0, 0x1b
    /* rs1 = x0 and zimm = 0 read without writing */
    TN 7
    csrrs a0, mscratch, x0
    csrrc a0, mscratch, x0
    csrrsi a0, mscratch, 0
    csrrci a0, mscratch, 0
    EXPECT a0, 0x1b
    /* rd = x0 still writes; rd == rs1 swaps */
    TN 8
    li a0, 0x55
    csrrw x0, mscratch, a0
    li a0, 0x66
    csrrw a0, mscratch, a0
    EXPECT a0, 0x55
    csrr a0, mscratch
    EXPECT a0, 0x66
    TN 9
    csrrwi x0, mscratch, 0
    csrr a0, mscratch
    EXPECT a0, 0

    /* read-only CSRs: reads with rs1 = x0 / zimm = 0 are fine */
    TN 10
    csrr a0, mhartid
    EXPECT a0, 0
    csrrsi a0, mhartid, 0
    EXPECT a0, 0
    csrrc a0, mvendorid, x0
    csrr a0, marchid
    csrr a0, mimpid
    /* ... writes trap: illegal instruction, mtval = the instruction */
    TRAP 11, CAUSE_ILLEGAL, .word 0xf1101073     /* csrrw x0, mvendorid, x0 */
    EXPECT s8, 0xf1101073
    TRAP 12, CAUSE_ILLEGAL, .word 0xf145a573     /* csrrs a0, mhartid, a1 */
    EXPECT s8, 0xf145a573
    TRAP 13, CAUSE_ILLEGAL, .word 0xf14fd573     /* csrrwi a0, mhartid, 31 */
    EXPECT s8, 0xf14fd573
    /* a CSR that does not exist */
    TRAP 14, CAUSE_ILLEGAL, .word 0x80002573     /* csrr a0, 0x800 */
    EXPECT s8, 0x80002573
    TN 15
    la a0, trap_entry           /* the handler did not clobber a0.. */
    csrr a1, mtvec
    bne a0, a1, fail

    /* misa: RV32 (MXL = 1) with I, M, A, C and U */
    TN 16
    csrr a0, misa
    srli a1, a0, 30
    EXPECT a1, 1
    li a2, (1 << 8) | (1 << 12) | (1 << 0) | (1 << 2) | (1 << 20)
    and a1, a0, a2
    bne a1, a2, fail

    /* counters move forward; the unprivileged aliases match */
    TN 17
    csrr a0, minstret
    nop
    nop
    csrr a1, minstret
    bgeu a0, a1, fail
    TN 18
    csrr a0, mcycle
    li a2, 100
1:  addi a2, a2, -1
    bnez a2, 1b
    csrr a1, mcycle
    bgeu a0, a1, fail
    TN 19
    rdinstret a0
    rdinstret a1
    bgeu a0, a1, fail
    csrr a0, minstreth
    rdinstreth a1
    bltu a1, a0, fail
    TN 20
    rdcycle a0
    rdcycleh a1

    /* mtvec: modes 0 and 1 kept; modes 2 and 3 leave the CSR unchanged */
    TN 21
    la s0, trap_entry
    ori a1, s0, 1
    csrw mtvec, a1
    csrr a0, mtvec
    bne a0, a1, fail
    TN 22
    ori a2, s0, 2
    csrw mtvec, a2
    csrr a0, mtvec
    bne a0, a1, fail
    ori a2, s0, 3
    csrw mtvec, a2
    csrr a0, mtvec
    bne a0, a1, fail
    csrw mtvec, s0
    csrr a0, mtvec
    bne a0, s0, fail

    /*
     * mepc holds 16-bit aligned addresses (C present).  Bit 0 is not
     * checked: QEMU 7.2 keeps a written bit 0 where the spec clears it.
     */
    TN 23
    li a1, 0x80001002
    csrw mepc, a1
    csrr a0, mepc
    EXPECT a0, 0x80001002
    TN 24
    li a1, 0x80001004
    csrw mepc, a1
    csrr a0, mepc
    EXPECT a0, 0x80001004

    /* mie: the machine interrupt enables are writable */
    TN 25
    li a1, 0x888
    csrw mie, a1
    csrr a0, mie
    and a0, a0, a1
    EXPECT a0, 0x888
    csrw mie, zero
    csrr a0, mie
    EXPECT a0, 0

    /* mtval and mcause hold what is written (WARL, all values legal) */
    TN 26
    li a1, 0x12345678
    csrw mtval, a1
    csrr a0, mtval
    EXPECT a0, 0x12345678
    TN 27
    li a1, 0x80000007
    csrw mcause, a1
    csrr a0, mcause
    EXPECT a0, 0x80000007

    /* mstatus.MIE/MPIE are writable and read back */
    TN 28
    csrsi mstatus, MSTATUS_MIE
    csrr a0, mstatus
    andi a0, a0, MSTATUS_MIE
    EXPECT a0, MSTATUS_MIE
    csrci mstatus, MSTATUS_MIE
    csrr a0, mstatus
    andi a0, a0, MSTATUS_MIE
    EXPECT a0, 0

    TEST_END
