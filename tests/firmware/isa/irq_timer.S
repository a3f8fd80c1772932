/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * NEEDS: riscv.aclint.mtimer
 * Machine timer interrupts from the ACLINT MTIMER (mtimecmp at 0x2004000,
 * mtime at 0x200bff8, 10 MHz, wired to the hart's input 7): mip.MTIP
 * following mtimecmp, WFI sleeping until the timer fires with MIE = 0,
 * WFI woken by a taken interrupt (mepc = the instruction after WFI), and
 * the vectored entry at base + 4 * 7.
 */
#include "isa-test.h"

/* read the 64-bit mtime into a1:a0 (hi:lo), consistent across a carry */
.macro READ_MTIME
    li t0, CLINT_MTIME
.Lagain\@:
    lw a1, 4(t0)
    lw a0, 0(t0)
    lw t1, 4(t0)
    bne a1, t1, .Lagain\@
.endm

/* mtimecmp := a1:a0 (hi = max first, so no intermediate value matches) */
.macro SET_MTIMECMP
    li t0, CLINT_MTIMECMP
    li t1, -1
    sw t1, 4(t0)
    sw a0, 0(t0)
    sw a1, 4(t0)
.endm

/* mtimecmp := mtime + ticks */
.macro TIMER_IN ticks
    READ_MTIME
    li t1, \ticks
    add t2, a0, t1
    sltu t1, t2, a0
    add a1, a1, t1
    mv a0, t2
    mv s2, a0                   /* remember the deadline */
    mv s3, a1
    SET_MTIMECMP
.endm

    TEST_START
    li s5, 0
    csrw mie, zero
    la a0, irq_direct
    csrw mtvec, a0

    /* mtimecmp far away: MTIP clear (it is set at reset: mtimecmp = 0) */
    TN 1
    li a0, -1
    li a1, -1
    SET_MTIMECMP
    csrr a2, mip
    andi a2, a2, MIP_MTIP
    EXPECT a2, 0
    /* mtime advances */
    TN 2
    READ_MTIME
    mv a2, a0
    li a3, 10000
1:  addi a3, a3, -1
    bnez a3, 1b
    READ_MTIME
    beq a0, a2, fail
    /* mtimecmp in the past: MTIP set at once */
    TN 3
    li a0, 0
    li a1, 0
    SET_MTIMECMP
    csrr a2, mip
    andi a2, a2, MIP_MTIP
    EXPECT a2, MIP_MTIP

    /* WFI with MIE = 0 sleeps until MTIP (1 ms) and does not trap */
    TN 4
    csrci mstatus, MSTATUS_MIE
    li a0, MIP_MTIP
    csrw mie, a0
    TIMER_IN 10000
    csrr a2, mip
    andi a2, a2, MIP_MTIP
    EXPECT a2, 0
2:  wfi
    csrr a2, mip
    andi a2, a2, MIP_MTIP
    beqz a2, 2b
    READ_MTIME                  /* now >= deadline */
    bltu a1, s3, fail
    bne a1, s3, 3f
    bltu a0, s2, fail
3:  EXPECT s5, 0

    /* WFI with MIE = 1: the interrupt is taken, mepc after the WFI */
    TN 5
    TIMER_IN 10000
    csrsi mstatus, MSTATUS_MIE
    li a3, 100
4:  addi a3, a3, -1
    beqz a3, fail
    wfi
5:  beqz s5, 4b
    EXPECT s5, 1
    EXPECT s9, CAUSE_IRQ_MTI
    la a0, 5b
    bne s10, a0, fail

    /* vectored: base + 4 * 7 */
    TN 6
    la a0, vectors
    ori a0, a0, 1
    csrw mtvec, a0
    li s4, -1
    TIMER_IN 1000
    li a3, 100
6:  addi a3, a3, -1
    beqz a3, fail
    wfi
    li a0, 2
    bne s5, a0, 6b
    EXPECT s4, 7
    EXPECT s9, CAUSE_IRQ_MTI
    j done

    .align 2
irq_direct:
    csrr s7, mstatus
    csrr s9, mcause
    csrr s10, mepc
    bgez s9, unexpected_trap
    li s8, CLINT_MTIMECMP       /* mtimecmp := max: MTIP low */
    li s6, -1
    sw s6, 4(s8)
    sw s6, 0(s8)
    addi s5, s5, 1
    mret

    .align 6
    .option push
    .option norvc
vectors:
    j unexpected_trap
    .rept 6
    j unexpected_trap
    .endr
    j vec_mti
    .rept 8
    j unexpected_trap
    .endr
    .option pop
vec_mti:
    li s4, 7
    j irq_direct

done:
    csrci mstatus, MSTATUS_MIE
    csrw mie, zero
    TEST_END
