/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Shared macros of the ISA test firmware (assembly, included by every
 * tests/firmware/isa/*.S after the C preprocessor).
 *
 * Verdict: the SiFive test finisher at 0x100000.  0x5555 = pass (exit 0);
 * (code << 16) | 0x3333 = fail with exit status code.  The code is the
 * number of the failing check (1..127, kept in gp), or 128 + that number
 * when a trap nobody expected was taken during the check.
 *
 * Register conventions:
 *   gp        number of the check under way
 *   t6        expected value of the check macros (never holds a result)
 *   s6        expected mepc of TRAP / TRAP_U
 *   s7..s10   written by the trap handler: mstatus, mtval, mcause, mepc
 *   s11       resume address for the next trap (0 = a trap is a failure);
 *             the handler clears it, returns there in M-mode
 */

#define FINISHER_BASE   0x00100000
#define FINISHER_PASS   0x5555
#define FINISHER_FAIL   0x3333

#define CLINT_MSIP      0x02000000
#define CLINT_MTIMECMP  0x02004000
#define CLINT_MTIME     0x0200bff8

/* unmapped on QEMU's virt board and on the machine the harness builds */
#define UNMAPPED_ADDR   0x00000800

#define MSTATUS_MIE     0x00000008
#define MSTATUS_MPIE    0x00000080
#define MSTATUS_MPP     0x00001800
#define MSTATUS_MPRV    0x00020000

#define MIP_MSIP        0x00000008
#define MIP_MTIP        0x00000080

#define CAUSE_FETCH_ACCESS      1
#define CAUSE_ILLEGAL           2
#define CAUSE_BREAKPOINT        3
#define CAUSE_LOAD_MISALIGNED   4
#define CAUSE_LOAD_ACCESS       5
#define CAUSE_STORE_MISALIGNED  6
#define CAUSE_STORE_ACCESS      7
#define CAUSE_ECALL_U           8
#define CAUSE_ECALL_M           11
#define CAUSE_IRQ_MSI           0x80000003
#define CAUSE_IRQ_MTI           0x80000007

/* ---- program frame ---------------------------------------------------- */

/*
 * TEST_START: entry point at 0x80000000.  Sets the stack, the default
 * (direct) trap handler, and starts check numbering at 1.
 */
.macro TEST_START
    .section .text.init, "ax"
    .globl _start
_start:
    .option push
    .option norelax
    la sp, __stack_top
    .option pop
    la t0, trap_entry
    csrw mtvec, t0
    li gp, 1
    li s11, 0
.endm

/*
 * TEST_END: pass, then the shared code (fail paths, trap handler).
 */
.macro TEST_END
    li t0, FINISHER_PASS
    li t1, FINISHER_BASE
    sw t0, 0(t1)
.Lpass_hang:
    j .Lpass_hang

    .globl fail
fail:
    bnez gp, .Lfail_code
    li gp, 127
.Lfail_code:
    slli t0, gp, 16
    li t1, FINISHER_FAIL
    or t0, t0, t1
    li t1, FINISHER_BASE
    sw t0, 0(t1)
.Lfail_hang:
    j .Lfail_hang

unexpected_trap:
    ori gp, gp, 128
    j fail

    .align 6
    .globl trap_entry
trap_entry:
    csrr s7, mstatus
    csrr s8, mtval
    csrr s9, mcause
    csrr s10, mepc
    beqz s11, unexpected_trap
    csrw mepc, s11
    li s11, MSTATUS_MPP
    csrs mstatus, s11
    li s11, 0
    mret
.endm

/* ---- checks ----------------------------------------------------------- */

/* TN n: the check under way is number n */
.macro TN n
    .if (\n < 1) || (\n > 127)
    .error "check numbers are 1..127"
    .endif
    li gp, \n
.endm

/* EXPECT reg, val: fail unless reg == val (uses t6) */
.macro EXPECT reg, val
    li t6, \val
    bne \reg, t6, fail
.endm

/* CHECK n, reg, val: check number n, reg must equal val */
.macro CHECK n, reg, val
    TN \n
    EXPECT \reg, \val
.endm

/* TEST_RR n, op, result, a, b: op a0, a1, a2 with a1 = a, a2 = b */
.macro TEST_RR n, op, res, a, b
    TN \n
    li a1, \a
    li a2, \b
    \op a0, a1, a2
    EXPECT a0, \res
.endm

/* TEST_RI n, op, result, a, imm: op a0, a1, imm with a1 = a */
.macro TEST_RI n, op, res, a, imm
    TN \n
    li a1, \a
    \op a0, a1, \imm
    EXPECT a0, \res
.endm

/*
 * TRAP n, cause, insn...: insn (at a known address) must trap with cause;
 * the handler returns after the instruction.  mepc must be insn's
 * address.  mtval is left in s8, mstatus at the trap in s7.
 */
.macro TRAP n, cause, insn:vararg
    TN \n
    la s11, .Lresume\@
    la s6, .Lfault\@
.Lfault\@:
    \insn
    j fail
.Lresume\@:
    EXPECT s9, \cause
    bne s10, s6, fail
.endm

/*
 * TRAP_EITHER n, cause1, cause2, insn...: as TRAP, either cause accepted
 * (where QEMU 7.2 and the spec differ, e.g. misaligned AMOs: QEMU 7.2
 * reports a load-misaligned cause, the spec a store/AMO one).
 */
.macro TRAP_EITHER n, cause1, cause2, insn:vararg
    TN \n
    la s11, .Lresume\@
    la s6, .Lfault\@
.Lfault\@:
    \insn
    j fail
.Lresume\@:
    bne s10, s6, fail
    li t6, \cause1
    beq s9, t6, .Lok\@
    EXPECT s9, \cause2
.Lok\@:
.endm

/* TRAP_U n, cause, insn...: the same, insn executed in U-mode */
.macro TRAP_U n, cause, insn:vararg
    TN \n
    la s11, .Lresume\@
    la s6, .Lfault\@
    li t6, MSTATUS_MPP
    csrc mstatus, t6
    csrw mepc, s6
    mret
.Lfault\@:
    \insn
    j fail
.Lresume\@:
    EXPECT s9, \cause
    bne s10, s6, fail
.endm

/*
 * PMP_ALLOW_ALL: pmp entry 0 = NAPOT over the whole address space, RWX,
 * so that U-mode can run (an implemented PMP denies U-mode by default).
 */
.macro PMP_ALLOW_ALL
    li t0, -1
    csrw pmpaddr0, t0
    li t0, 0x1f
    csrw pmpcfg0, t0
.endm
