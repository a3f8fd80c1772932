/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Synchronous traps taken in M-mode: illegal instructions (mtval = the
 * instruction bits, 32- and 16-bit), breakpoints, ECALL from M, misaligned
 * LR/SC/AMO (mtval = the address), load/store/fetch access faults from an
 * unmapped address, the mstatus stack on a trap, the vectored mtvec
 * sending exceptions to its base, and registers surviving a trap.
 */
#include "isa-test.h"

    TEST_START

    /* illegal instructions */
    TRAP 1, CAUSE_ILLEGAL, .word 0xffffffff
    EXPECT s8, 0xffffffff
    TRAP 2, CAUSE_ILLEGAL, .word 0x0000000b     /* custom-0 opcode */
    EXPECT s8, 0x0000000b
    TRAP 3, CAUSE_ILLEGAL, .half 0x0000         /* defined illegal */
    EXPECT s8, 0x00000000
    TRAP 4, CAUSE_ILLEGAL, .half 0x8002         /* c.jr x0: reserved */
    EXPECT s8, 0x00008002
    TRAP 5, CAUSE_ILLEGAL, .word 0x0000f073     /* csrrci x0, 0x000, 0 */
    EXPECT s8, 0x0000f073
    TRAP 6, CAUSE_ILLEGAL, .word 0x00002063     /* branch funct3 = 2 */
    EXPECT s8, 0x00002063
    TRAP 7, CAUSE_ILLEGAL, .word 0x40001033     /* OP funct7 = 0x20, f3 = 1 */
    EXPECT s8, 0x40001033

    /* breakpoints and ECALL from M */
    TRAP 8, CAUSE_BREAKPOINT, .word 0x00100073  /* ebreak */
    TRAP 9, CAUSE_BREAKPOINT, .half 0x9002      /* c.ebreak */
    TRAP 10, CAUSE_ECALL_M, ecall
    EXPECT s8, 0

    /*
     * misaligned LR / AMO trap with the address in mtval.  The spec's
     * cause for an AMO is 6 (store/AMO); QEMU 7.2 reports 4: both pass.
     */
    la s0, aligned
    addi s1, s0, 1
    TRAP 11, CAUSE_LOAD_MISALIGNED, lr.w a0, (s1)
    bne s8, s1, fail
    TRAP_EITHER 12, CAUSE_STORE_MISALIGNED, CAUSE_LOAD_MISALIGNED, \
        amoadd.w a0, a1, (s1)
    bne s8, s1, fail
    addi s1, s0, 2
    TRAP_EITHER 13, CAUSE_STORE_MISALIGNED, CAUSE_LOAD_MISALIGNED, \
        amoswap.w a0, a1, (s1)
    bne s8, s1, fail
    TRAP_EITHER 14, CAUSE_STORE_MISALIGNED, CAUSE_LOAD_MISALIGNED, \
        amomaxu.w a0, a1, (s1)
    bne s8, s1, fail
    /* the AMOs did not write */
    TN 15
    lw a0, 0(s0)
    EXPECT a0, 0x11223344
    lw a0, 4(s0)
    EXPECT a0, 0x55667788

    /* misaligned SC: QEMU 7.2 fails it (rd != 0, no write) when there is
     * no reservation at that address; a trap with cause 6 and mtval =
     * the address is also allowed by the spec */
    TN 16
    addi s1, s0, 1
    lr.w a0, (s0)
    la s11, 1f
    li a1, -1
    sc.w a0, a1, (s1)
    li s11, 0
    beqz a0, fail
    j 2f
1:  EXPECT s9, CAUSE_STORE_MISALIGNED
    bne s8, s1, fail
2:  lw a0, 0(s0)
    EXPECT a0, 0x11223344
    lw a0, 4(s0)
    EXPECT a0, 0x55667788

    /* access faults on an unmapped address */
    li s1, UNMAPPED_ADDR
    TRAP 17, CAUSE_LOAD_ACCESS, lw a0, 0(s1)
    bne s8, s1, fail
    TRAP 18, CAUSE_LOAD_ACCESS, lbu a0, 3(s1)
    addi a1, s1, 3
    bne s8, a1, fail
    TRAP 19, CAUSE_STORE_ACCESS, sw a0, 4(s1)
    addi a1, s1, 4
    bne s8, a1, fail
    TRAP 20, CAUSE_STORE_ACCESS, sb a0, 0(s1)
    bne s8, s1, fail
    /* an AMO: spec cause 7, QEMU 7.2 reports 5: both pass */
    TRAP_EITHER 21, CAUSE_STORE_ACCESS, CAUSE_LOAD_ACCESS, \
        amoadd.w a0, a1, (s1)
    bne s8, s1, fail
    TRAP 22, CAUSE_LOAD_ACCESS, lr.w a0, (s1)
    bne s8, s1, fail
    /* instruction fetch: mepc = mtval = the target */
    TN 23
    la s11, 3f
    la ra, 4f
    jalr ra, 0(s1)
4:  j fail
3:  EXPECT s9, CAUSE_FETCH_ACCESS
    bne s10, s1, fail
    bne s8, s1, fail
    la a1, 4b
    bne ra, a1, fail            /* the jump itself completed */

    /* the mstatus stack: MPIE = old MIE, MIE = 0, MPP = M */
    TN 24
    csrsi mstatus, MSTATUS_MIE
    la s11, 5f
    ecall
5:  csrr a0, mstatus
    andi a0, a0, MSTATUS_MIE
    EXPECT a0, MSTATUS_MIE      /* MRET restored MIE from MPIE */
    li a1, MSTATUS_MIE | MSTATUS_MPIE | MSTATUS_MPP
    and a0, s7, a1
    EXPECT a0, MSTATUS_MPIE | MSTATUS_MPP
    csrci mstatus, MSTATUS_MIE
    TN 25
    la s11, 6f
    ecall
6:  li a1, MSTATUS_MIE | MSTATUS_MPIE | MSTATUS_MPP
    and a0, s7, a1
    EXPECT a0, MSTATUS_MPP

    /* registers other than the handler's survive a trap */
    TN 26
    li a0, 0x1234
    li a5, -77
    li t0, 0x55aa
    la s11, 7f
    ebreak
7:  EXPECT a0, 0x1234
    EXPECT a5, -77
    EXPECT t0, 0x55aa

    /* vectored mtvec: exceptions go to the base */
    TN 27
    la a0, vectors
    ori a0, a0, 1
    csrw mtvec, a0
    li s5, 0
    TRAP 28, CAUSE_ECALL_M, ecall
    EXPECT s5, 1
    TRAP 29, CAUSE_ILLEGAL, .word 0xffffffff
    EXPECT s5, 2
    la a0, trap_entry
    csrw mtvec, a0

    /* a trap in the last instruction of a loop: mepc is exact */
    TN 30
    li a2, 3
    li s5, 0
8:  la s11, 9f
    la s6, 10f
    addi a2, a2, -1
10: ebreak
9:  bne s10, s6, fail
    bnez a2, 8b
    EXPECT s5, 0

    TEST_END

    .align 6
vectors:
    addi s5, s5, 1              /* exceptions: count, then the handler */
    j trap_entry
    .rept 15
    j unexpected_trap
    .endr

    .data
    .align 4
aligned:
    .word 0x11223344
    .word 0x55667788
