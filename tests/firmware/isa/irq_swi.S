/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * NEEDS: riscv.aclint.swi
 * Machine software interrupts from the ACLINT MSWI (msip at 0x2000000,
 * wired to the hart's input 3): mip.MSIP following msip, masking by
 * mie.MSIE and mstatus.MIE, the interrupt taken right after the CSR write
 * that unmasks it (mepc exact), direct and vectored mtvec (cause 3 at
 * base + 12, exceptions at base), WFI returning at once when an interrupt
 * is pending even with MIE = 0, and U-mode taking M interrupts
 * regardless of mstatus.MIE.
 */
#include "isa-test.h"

    TEST_START
    PMP_ALLOW_ALL
    li s0, CLINT_MSIP
    li s5, 0                    /* interrupts taken */
    csrw mie, zero

    /* msip drives mip.MSIP */
    TN 1
    li a0, 1
    sw a0, 0(s0)
    csrr a1, mip
    andi a1, a1, MIP_MSIP
    EXPECT a1, MIP_MSIP
    lw a1, 0(s0)
    EXPECT a1, 1
    TN 2
    sw zero, 0(s0)
    csrr a1, mip
    andi a1, a1, MIP_MSIP
    EXPECT a1, 0

    la a0, irq_direct
    csrw mtvec, a0

    /* pending and enabled in mie, but MIE = 0: not taken */
    TN 3
    csrci mstatus, MSTATUS_MIE
    li a0, MIP_MSIP
    csrw mie, a0
    li a0, 1
    sw a0, 0(s0)
    nop
    nop
    EXPECT s5, 0
    /* setting MIE takes it before the next instruction */
    TN 4
    csrsi mstatus, MSTATUS_MIE
1:  EXPECT s5, 1
    EXPECT s9, CAUSE_IRQ_MSI
    la a0, 1b
    bne s10, a0, fail
    li a1, MSTATUS_MIE | MSTATUS_MPIE | MSTATUS_MPP
    and a0, s7, a1
    EXPECT a0, MSTATUS_MPIE | MSTATUS_MPP
    csrr a0, mstatus
    andi a0, a0, MSTATUS_MIE
    EXPECT a0, MSTATUS_MIE      /* MRET restored it */
    csrr a0, mip
    andi a0, a0, MIP_MSIP
    EXPECT a0, 0                /* the handler cleared msip */

    /* MIE = 1, mie.MSIE = 0: not taken until mie is written */
    TN 5
    csrw mie, zero
    li a0, 1
    sw a0, 0(s0)
    nop
    EXPECT s5, 1
    TN 6
    li a0, MIP_MSIP
    csrs mie, a0
2:  EXPECT s5, 2
    la a0, 2b
    bne s10, a0, fail

    /* vectored: the interrupt enters at base + 4 * 3 */
    TN 7
    la a0, vectors
    ori a0, a0, 1
    csrw mtvec, a0
    li s4, -1
    li a0, 1
    sw a0, 0(s0)                /* taken within a few instructions */
    li a1, 1000
3:  addi a1, a1, -1
    beqz a1, fail
    li a0, 3
    bne s5, a0, 3b
    EXPECT s4, 3
    EXPECT s9, CAUSE_IRQ_MSI
    /* exceptions enter at the base */
    TRAP 8, CAUSE_ECALL_M, ecall
    EXPECT s4, 0

    /* WFI with an interrupt pending and MIE = 0 does not wait */
    TN 9
    csrci mstatus, MSTATUS_MIE
    li a0, 1
    sw a0, 0(s0)
    wfi
    EXPECT s5, 3
    csrr a0, mip
    andi a0, a0, MIP_MSIP
    EXPECT a0, MIP_MSIP

    /* U-mode takes an enabled M interrupt although mstatus.MIE = 0 */
    TN 10
    li s4, -1
    li a0, MSTATUS_MPP | MSTATUS_MPIE
    csrc mstatus, a0
    la a0, 4f
    csrw mepc, a0
    mret
4:  nop
    nop
    ecall                       /* would trap; the handler fails it */
5:  TN 11
    EXPECT s5, 4
    EXPECT s4, 3
    la a0, 4b
    bne s10, a0, fail
    li a1, MSTATUS_MPP
    and a0, s7, a1
    EXPECT a0, 0
    j done

    .align 2
irq_direct:
    csrr s7, mstatus
    csrr s9, mcause
    csrr s10, mepc
    bgez s9, unexpected_trap
    li s8, CLINT_MSIP
    sw zero, 0(s8)
    addi s5, s5, 1
    la s8, 4b
    bne s10, s8, 6f
    /* the U-mode test: continue at 5b in M-mode */
    la s8, 5b
    csrw mepc, s8
    li s8, MSTATUS_MPP
    csrs mstatus, s8
6:  mret

    /* one 4-byte jump per cause */
    .align 6
    .option push
    .option norvc
vectors:
    j vec_exc
    j unexpected_trap
    j unexpected_trap
    j vec_msi
    .rept 12
    j unexpected_trap
    .endr
    .option pop
vec_exc:
    li s4, 0
    j trap_entry
vec_msi:
    li s4, 3
    j irq_direct

done:
    csrw mie, zero
    TEST_END
