/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * MRET and U-mode: the mstatus stack after MRET (MIE = MPIE, MPIE = 1,
 * MPP = U), MRET into U-mode, traps from U-mode (ECALL from U, M-mode
 * CSRs, MRET, EBREAK, counters without mcounteren, access faults) with
 * MPP = U recorded, and ordinary work done in U-mode.
 */
#include "isa-test.h"

    TEST_START
    PMP_ALLOW_ALL

    /* MRET with MPIE = 1, MPP = M: MIE = 1, MPIE = 1, MPP = U */
    TN 1
    csrw mie, zero
    li a0, MSTATUS_MPP | MSTATUS_MPIE
    csrs mstatus, a0
    csrci mstatus, MSTATUS_MIE
    la a0, 1f
    csrw mepc, a0
    mret
    j fail
1:  csrr a0, mstatus
    li a1, MSTATUS_MIE | MSTATUS_MPIE | MSTATUS_MPP
    and a0, a0, a1
    EXPECT a0, MSTATUS_MIE | MSTATUS_MPIE
    /* MRET with MPIE = 0: MIE = 0, MPIE = 1 */
    TN 2
    li a0, MSTATUS_MPIE
    csrc mstatus, a0
    li a0, MSTATUS_MPP
    csrs mstatus, a0
    la a0, 2f
    csrw mepc, a0
    mret
    j fail
2:  csrr a0, mstatus
    li a1, MSTATUS_MIE | MSTATUS_MPIE | MSTATUS_MPP
    and a0, a0, a1
    EXPECT a0, MSTATUS_MPIE
    /* MRET returns to mepc: the handler's frame works (M to M) */
    TN 3
    li a0, MSTATUS_MPP
    csrs mstatus, a0
    la a0, 3f
    csrw mepc, a0
    mret
    j fail
3:  csrr a0, mepc
    la a1, 3b
    bne a0, a1, fail

    /* ECALL from U: cause 8, MPP = U in the trap's mstatus */
    TRAP_U 4, CAUSE_ECALL_U, ecall
    EXPECT s8, 0
    li a1, MSTATUS_MPP
    and a0, s7, a1
    EXPECT a0, 0
    /* back in M-mode: an M-mode CSR is accessible again */
    TN 5
    csrr a0, mscratch

    /* M-mode CSRs and MRET are illegal in U-mode */
    TRAP_U 6, CAUSE_ILLEGAL, .word 0x300022f3   /* csrr t0, mstatus */
    EXPECT s8, 0x300022f3
    TRAP_U 7, CAUSE_ILLEGAL, .word 0x34029073   /* csrw mscratch, t0 */
    EXPECT s8, 0x34029073
    TRAP_U 8, CAUSE_ILLEGAL, .word 0x30200073   /* mret */
    EXPECT s8, 0x30200073
    TRAP_U 9, CAUSE_ILLEGAL, .word 0xf1402573   /* csrr a0, mhartid */
    EXPECT s8, 0xf1402573
    /* counters need mcounteren in U-mode */
    TN 10
    csrw mcounteren, zero
    TRAP_U 11, CAUSE_ILLEGAL, .word 0xc0002573  /* rdcycle a0 */
    EXPECT s8, 0xc0002573
    TRAP_U 12, CAUSE_ILLEGAL, .word 0xc0202573  /* rdinstret a0 */
    EXPECT s8, 0xc0202573
    /* EBREAK, illegal encodings and access faults from U */
    TRAP_U 13, CAUSE_BREAKPOINT, ebreak
    li a1, MSTATUS_MPP
    and a0, s7, a1
    EXPECT a0, 0
    TRAP_U 14, CAUSE_ILLEGAL, .word 0xffffffff
    EXPECT s8, 0xffffffff
    li s1, UNMAPPED_ADDR
    TRAP_U 15, CAUSE_LOAD_ACCESS, lw a0, 0(s1)
    bne s8, s1, fail
    TRAP_U 16, CAUSE_STORE_ACCESS, sw a0, 0(s1)
    bne s8, s1, fail

    /* real work in U-mode, then ECALL back: results survive */
    TN 17
    la s11, 5f
    li a0, MSTATUS_MPP
    csrc mstatus, a0
    la a0, 4f
    csrw mepc, a0
    mret
4:  li a0, 6
    li a1, 7
    mul a2, a0, a1
    la a3, uword
    sw a2, 0(a3)
    lw a4, 0(a3)
    lw a5, 1(a3)                /* misaligned load in U-mode */
    amoadd.w a5, a0, (a3)
    ecall
    j fail
5:  EXPECT s9, CAUSE_ECALL_U
    EXPECT a2, 42
    EXPECT a4, 42
    EXPECT a5, 42
    lw a0, 0(a3)
    EXPECT a0, 48

    /* a trap from U with mstatus.MIE = 1: MPIE = 1, MIE = 0 */
    TN 18
    csrsi mstatus, MSTATUS_MIE
    TRAP_U 19, CAUSE_ECALL_U, ecall
    li a1, MSTATUS_MIE | MSTATUS_MPIE | MSTATUS_MPP
    and a0, s7, a1
    EXPECT a0, MSTATUS_MPIE
    csrci mstatus, MSTATUS_MIE

    TEST_END

    .data
    .align 4
uword:
    .word 0
    .word 0
