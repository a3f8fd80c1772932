/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * RISC-V architectural constants: CSR numbers, mstatus/mip bits, trap
 * causes, PMP configuration bits (privileged spec 1.11/1.12).
 */
#ifndef TARGET_RISCV_CPU_BITS_H
#define TARGET_RISCV_CPU_BITS_H

/* Privilege levels */
#define PRV_U 0
#define PRV_S 1
#define PRV_M 3

/* misa */
#define MISA_MXL_32     (1U << 30)
#define RVA (1U << ('A' - 'A'))
#define RVC (1U << ('C' - 'A'))
#define RVD (1U << ('D' - 'A'))
#define RVF (1U << ('F' - 'A'))
#define RVI (1U << ('I' - 'A'))
#define RVM (1U << ('M' - 'A'))
#define RVS (1U << ('S' - 'A'))
#define RVU (1U << ('U' - 'A'))

/* Privileged spec versions */
#define PRIV_VERSION_1_10_0 0x11000
#define PRIV_VERSION_1_11_0 0x11100
#define PRIV_VERSION_1_12_0 0x11200

/* CSR numbers */
#define CSR_CYCLE       0xc00
#define CSR_TIME        0xc01
#define CSR_INSTRET     0xc02
#define CSR_HPMCOUNTER3 0xc03
#define CSR_HPMCOUNTER31 0xc1f
#define CSR_CYCLEH      0xc80
#define CSR_TIMEH       0xc81
#define CSR_INSTRETH    0xc82
#define CSR_HPMCOUNTER3H 0xc83
#define CSR_HPMCOUNTER31H 0xc9f
#define CSR_MSTATUS     0x300
#define CSR_MISA        0x301
#define CSR_MEDELEG     0x302
#define CSR_MIDELEG     0x303
#define CSR_MIE         0x304
#define CSR_MTVEC       0x305
#define CSR_MCOUNTEREN  0x306
#define CSR_MSTATUSH    0x310
#define CSR_MCOUNTINHIBIT 0x320
#define CSR_MHPMEVENT3  0x323
#define CSR_MHPMEVENT31 0x33f
#define CSR_MSCRATCH    0x340
#define CSR_MEPC        0x341
#define CSR_MCAUSE      0x342
#define CSR_MTVAL       0x343
#define CSR_MIP         0x344
#define CSR_PMPCFG0     0x3a0
#define CSR_PMPCFG3     0x3a3
#define CSR_PMPADDR0    0x3b0
#define CSR_PMPADDR15   0x3bf
#define CSR_MSECCFG     0x747
#define CSR_MSECCFGH    0x757
#define CSR_MCYCLE      0xb00
#define CSR_MINSTRET    0xb02
#define CSR_MHPMCOUNTER3 0xb03
#define CSR_MHPMCOUNTER31 0xb1f
#define CSR_MCYCLEH     0xb80
#define CSR_MINSTRETH   0xb82
#define CSR_MHPMCOUNTER3H 0xb83
#define CSR_MHPMCOUNTER31H 0xb9f
#define CSR_MVENDORID   0xf11
#define CSR_MARCHID     0xf12
#define CSR_MIMPID      0xf13
#define CSR_MHARTID     0xf14

/* mstatus */
#define MSTATUS_SIE     (1U << 1)
#define MSTATUS_MIE     (1U << 3)
#define MSTATUS_SPIE    (1U << 5)
#define MSTATUS_MPIE    (1U << 7)
#define MSTATUS_SPP     (1U << 8)
#define MSTATUS_MPP_SHIFT 11
#define MSTATUS_MPP     (3U << MSTATUS_MPP_SHIFT)
#define MSTATUS_MPRV    (1U << 17)
#define MSTATUS_SUM     (1U << 18)
#define MSTATUS_MXR     (1U << 19)
#define MSTATUS_TVM     (1U << 20)
#define MSTATUS_TW      (1U << 21)
#define MSTATUS_TSR     (1U << 22)

/* mip / mie */
#define IRQ_S_SOFT      1
#define IRQ_M_SOFT      3
#define IRQ_S_TIMER     5
#define IRQ_M_TIMER     7
#define IRQ_S_EXT       9
#define IRQ_M_EXT       11
#define MIP_SSIP        (1U << IRQ_S_SOFT)
#define MIP_MSIP        (1U << IRQ_M_SOFT)
#define MIP_STIP        (1U << IRQ_S_TIMER)
#define MIP_MTIP        (1U << IRQ_M_TIMER)
#define MIP_SEIP        (1U << IRQ_S_EXT)
#define MIP_MEIP        (1U << IRQ_M_EXT)
#define RISCV_NUM_LOCAL_IRQS 16

/* mcountinhibit */
#define COUNTEREN_CY    (1U << 0)
#define COUNTEREN_TM    (1U << 1)
#define COUNTEREN_IR    (1U << 2)

/* Exception causes */
#define RISCV_EXCP_NONE                 -1
#define RISCV_EXCP_INST_ADDR_MIS        0
#define RISCV_EXCP_INST_ACCESS_FAULT    1
#define RISCV_EXCP_ILLEGAL_INST         2
#define RISCV_EXCP_BREAKPOINT           3
#define RISCV_EXCP_LOAD_ADDR_MIS        4
#define RISCV_EXCP_LOAD_ACCESS_FAULT    5
#define RISCV_EXCP_STORE_AMO_ADDR_MIS   6
#define RISCV_EXCP_STORE_AMO_ACCESS_FAULT 7
#define RISCV_EXCP_U_ECALL              8
#define RISCV_EXCP_S_ECALL              9
#define RISCV_EXCP_M_ECALL              11
#define RISCV_EXCP_INT_FLAG             0x80000000U

/* PMP */
#define PMP_READ        0x01
#define PMP_WRITE       0x02
#define PMP_EXEC        0x04
#define PMP_AMATCH      0x18
#define PMP_AMATCH_SHIFT 3
#define PMP_AMATCH_OFF  0
#define PMP_AMATCH_TOR  1
#define PMP_AMATCH_NA4  2
#define PMP_AMATCH_NAPOT 3
#define PMP_LOCK        0x80
#define MAX_RISCV_PMPS  16

#endif
