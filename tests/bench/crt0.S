# SPDX-License-Identifier: GPL-2.0-or-later
# Start-up code of the benchmark workloads: stack, global pointer, a
# cleared .bss, then main() (common.c), which ends through the finisher.

    .section .text.init, "ax"
    .globl _start
_start:
    .option push
    .option norelax
    la      gp, __global_pointer$
    .option pop
    la      sp, __stack_top
    la      t0, __bss_start
    la      t1, __bss_end
1:  bgeu    t0, t1, 2f
    sw      zero, 0(t0)
    addi    t0, t0, 4
    j       1b
2:  la      t0, trap_unexpected
    csrw    mtvec, t0
    call    main
3:  j       3b

    # any trap the workload did not ask for: report and stop (status 3)
    .align  2
trap_unexpected:
    li      t0, 0x100000
    li      t1, 0x35555         # FAIL, code 3
    sw      t1, 0(t0)
4:  j       4b
