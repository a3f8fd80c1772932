/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * PMP: a NAPOT entry over a 256-byte area checked for U-mode loads,
 * stores and fetches with each permission set; M-mode ignoring unlocked
 * entries; lowest-numbered match winning; no match denying U-mode; a TOR
 * range; MPRV applying U permissions to M-mode loads/stores; and a locked
 * entry binding M-mode and ignoring further writes (last: only a reset
 * unlocks it).
 */
#include "isa-test.h"

#define PMP_R       0x01
#define PMP_W       0x02
#define PMP_X       0x04
#define PMP_TOR     0x08
#define PMP_NAPOT   0x18
#define PMP_L       0x80

#define ECALL_INSN  0x00000073

/* entry 0 = NAPOT area with permissions perm, entries 1-2 = TOR code/data */
.macro SET_AREA perm
    li t0, ((PMP_TOR | PMP_R | PMP_W | PMP_X) << 16) | (PMP_NAPOT | \perm)
    csrw pmpcfg0, t0
.endm

    TEST_START

    /* entry 0: the area; entry 1 (off): bottom of RAM; entry 2: TOR to
     * 0x8000c000, RWX.  The top 16 KiB of RAM match nothing. */
    TN 1
    la s0, area
    srli t0, s0, 2
    ori t0, t0, 0x1f            /* 256 bytes */
    csrw pmpaddr0, t0
    li t0, 0x80000000 >> 2
    csrw pmpaddr1, t0
    li t0, 0x8000c000 >> 2
    csrw pmpaddr2, t0
    csrr a0, pmpaddr2
    EXPECT a0, 0x8000c000 >> 2
    SET_AREA PMP_R
    csrr a0, pmpcfg0
    EXPECT a0, 0x000f0019
    li a1, 0x5a5a5a5a
    sw a1, 0(s0)                /* M-mode: unlocked entries do not apply */
    sw a1, 252(s0)

    /* R only: U loads work, stores and fetches fault */
    TN 2
    la s11, 1f
    li a0, MSTATUS_MPP
    csrc mstatus, a0
    la a0, 2f
    csrw mepc, a0
    mret
2:  lw a2, 0(s0)
    lw a3, 252(s0)
    ecall
1:  EXPECT s9, CAUSE_ECALL_U
    EXPECT a2, 0x5a5a5a5a
    EXPECT a3, 0x5a5a5a5a
    TRAP_U 3, CAUSE_STORE_ACCESS, sw a1, 4(s0)
    addi a0, s0, 4
    bne s8, a0, fail
    TRAP_U 4, CAUSE_STORE_ACCESS, amoadd.w a1, a1, (s0)
    TN 5
    li a1, ECALL_INSN
    sw a1, 0(s0)
    fence.i
    la s11, 3f
    li a0, MSTATUS_MPP
    csrc mstatus, a0
    csrw mepc, s0
    mret                        /* to U at area: the fetch faults */
3:  EXPECT s9, CAUSE_FETCH_ACCESS
    bne s10, s0, fail
    bne s8, s0, fail
    /* just past the area: entry 2 allows */
    TN 6
    addi a0, s0, 256
    la s11, 4f
    li a1, MSTATUS_MPP
    csrc mstatus, a1
    la a1, 5f
    csrw mepc, a1
    mret
5:  lw a2, 0(a0)
    sw a2, 0(a0)
    ecall
4:  EXPECT s9, CAUSE_ECALL_U

    /* X only: U executes the area, cannot load from it */
    TN 7
    SET_AREA PMP_X
    la s11, 6f
    li a0, MSTATUS_MPP
    csrc mstatus, a0
    csrw mepc, s0
    mret                        /* ecall stored in the area earlier */
6:  EXPECT s9, CAUSE_ECALL_U
    bne s10, s0, fail
    TRAP_U 8, CAUSE_LOAD_ACCESS, lw a2, 0(s0)
    bne s8, s0, fail

    /* no permission: loads fault; M-mode still reads */
    TN 9
    SET_AREA 0
    TRAP_U 10, CAUSE_LOAD_ACCESS, lbu a2, 255(s0)
    addi a0, s0, 255
    bne s8, a0, fail
    TN 11
    lw a2, 0(s0)
    EXPECT a2, ECALL_INSN

    /* RW: U stores work */
    TN 12
    SET_AREA PMP_R | PMP_W
    la s11, 7f
    li a0, MSTATUS_MPP
    csrc mstatus, a0
    la a0, 8f
    csrw mepc, a0
    mret
8:  li a1, 0x600d
    sw a1, 8(s0)
    ecall
7:  EXPECT s9, CAUSE_ECALL_U
    lw a2, 8(s0)
    EXPECT a2, 0x600d

    /* an address no entry matches is denied to U-mode */
    li s1, 0x8000e000
    TRAP_U 13, CAUSE_LOAD_ACCESS, lw a2, 0(s1)
    bne s8, s1, fail
    TRAP_U 14, CAUSE_STORE_ACCESS, sw a2, 0(s1)
    /* ... but not to M-mode */
    TN 15
    sw s1, 0(s1)
    lw a2, 0(s1)
    bne a2, s1, fail
    /* a range straddling the TOR top: the access must be fully inside */
    li s1, 0x8000bffe
    TRAP_U 16, CAUSE_LOAD_ACCESS, lw a2, 0(s1)

    /* MPRV = 1, MPP = U: M-mode loads and stores use U permissions */
    TN 17
    SET_AREA 0
    li a0, MSTATUS_MPP
    csrc mstatus, a0
    li a0, MSTATUS_MPRV
    csrs mstatus, a0
    TRAP 18, CAUSE_LOAD_ACCESS, lw a2, 0(s0)
    /* the handler's MRET to M kept MPRV and set MPP = U: still applies */
    TN 19
    csrr a0, mstatus
    li a1, MSTATUS_MPRV | MSTATUS_MPP
    and a0, a0, a1
    EXPECT a0, MSTATUS_MPRV
    TRAP 20, CAUSE_STORE_ACCESS, sw a2, 4(s0)
    addi a0, s0, 4
    bne s8, a0, fail
    TN 21
    li a0, MSTATUS_MPRV
    csrc mstatus, a0
    lw a2, 0(s0)
    EXPECT a2, ECALL_INSN
    sw a2, 4(s0)
    /* MPRV with MPP = M: M permissions */
    TN 29
    li a0, MSTATUS_MPRV | MSTATUS_MPP
    csrs mstatus, a0
    lw a2, 4(s0)
    EXPECT a2, ECALL_INSN
    li a0, MSTATUS_MPRV
    csrc mstatus, a0

    /* locked, R only: M-mode stores fault, loads work */
    TN 22
    li t0, ((PMP_TOR | PMP_R | PMP_W | PMP_X) << 16) | \
           (PMP_L | PMP_NAPOT | PMP_R)
    csrw pmpcfg0, t0
    csrr a0, pmpcfg0
    EXPECT a0, 0x000f0099
    TN 23
    lw a2, 0(s0)
    EXPECT a2, ECALL_INSN
    TRAP 24, CAUSE_STORE_ACCESS, sw a2, 0(s0)
    bne s8, s0, fail
    /* writes to a locked entry's cfg and addr are ignored */
    TN 25
    li t0, ((PMP_TOR | PMP_R | PMP_W | PMP_X) << 16) | \
           (PMP_NAPOT | PMP_R | PMP_W | PMP_X)
    csrw pmpcfg0, t0
    csrr a0, pmpcfg0
    EXPECT a0, 0x000f0099
    srli t0, s0, 2
    ori t0, t0, 0x1f
    csrr a0, pmpaddr0
    bne a0, t0, fail
    csrw pmpaddr0, zero
    csrr a0, pmpaddr0
    bne a0, t0, fail
    TRAP 26, CAUSE_STORE_ACCESS, sw a2, 0(s0)
    /* the other entries of the same pmpcfg0 stay writable */
    TN 27
    li t0, ((PMP_TOR | PMP_R | PMP_W | PMP_X) << 16) | (PMP_TOR << 8)
    csrw pmpcfg0, t0
    csrr a0, pmpcfg0
    EXPECT a0, 0x000f0899
    /* and U-mode is bound by it too */
    TRAP_U 28, CAUSE_STORE_ACCESS, sw a2, 0(s0)

    TEST_END

    .data
    .align 8
area:
    .space 256
    .space 256
