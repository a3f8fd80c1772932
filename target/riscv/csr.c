/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * RISC-V machine- and user-mode CSRs: access rules (privilege, read-only
 * space), WARL behaviour and side effects on the engine (TLB/translation
 * flushes, interrupt re-checks).
 */
#include "qemu/osdep.h"
#include "target/riscv/cpu.h"
#include "target/riscv/translate.h"

/* mstatus bits software may write (QEMU 7.2's mask for M+U harts) */
#define MSTATUS_WMASK (MSTATUS_MIE | MSTATUS_MPIE | MSTATUS_MPP |         \
                       MSTATUS_MPRV | MSTATUS_TW)
#define MIE_WMASK (MIP_SSIP | MIP_MSIP | MIP_STIP | MIP_MTIP | MIP_SEIP |  \
                   MIP_MEIP)
#define MIP_WMASK (MIP_SSIP | MIP_STIP | MIP_SEIP)

static bool csr_exists(CPURISCVState *env, int csrno)
{
    switch (csrno) {
    case CSR_MCOUNTINHIBIT:
        return env->priv_ver >= PRIV_VERSION_1_11_0;
    case CSR_MSECCFG:
    case CSR_MSECCFGH:
        return env->has_epmp;
    case CSR_MCOUNTEREN:
        return env->misa & RVU;
    case CSR_TIME:
    case CSR_TIMEH:
        return false;       /* no timer provides rdtime */
    case CSR_MSTATUS: case CSR_MISA: case CSR_MIE: case CSR_MTVEC:
    case CSR_MSTATUSH: case CSR_MSCRATCH: case CSR_MEPC: case CSR_MCAUSE:
    case CSR_MTVAL: case CSR_MIP: case CSR_MCYCLE: case CSR_MINSTRET:
    case CSR_MCYCLEH: case CSR_MINSTRETH: case CSR_MVENDORID:
    case CSR_MARCHID: case CSR_MIMPID: case CSR_MHARTID:
    case CSR_CYCLE: case CSR_INSTRET: case CSR_CYCLEH: case CSR_INSTRETH:
        return true;
    }
    return (csrno >= CSR_PMPCFG0 && csrno <= CSR_PMPCFG3) ||
           (csrno >= CSR_PMPADDR0 && csrno <= CSR_PMPADDR15) ||
           (csrno >= CSR_MHPMCOUNTER3 && csrno <= CSR_MHPMCOUNTER31) ||
           (csrno >= CSR_MHPMCOUNTER3H && csrno <= CSR_MHPMCOUNTER31H) ||
           (csrno >= CSR_MHPMEVENT3 && csrno <= CSR_MHPMEVENT31) ||
           (csrno >= CSR_HPMCOUNTER3 && csrno <= CSR_HPMCOUNTER31) ||
           (csrno >= CSR_HPMCOUNTER3H && csrno <= CSR_HPMCOUNTER31H);
}

/* U-mode counter access is gated by mcounteren. */
static bool counter_allowed(CPURISCVState *env, int csrno)
{
    int bit = csrno & 0x1f;

    return env->priv == PRV_M || (env->mcounteren & (1U << bit));
}

static uint32_t csr_read(CPURISCVState *env, int csrno)
{
    switch (csrno) {
    case CSR_MSTATUS:
        return env->mstatus;
    case CSR_MISA:
        return env->misa;
    case CSR_MIE:
        return env->mie;
    case CSR_MTVEC:
        return env->mtvec;
    case CSR_MCOUNTEREN:
        return env->mcounteren;
    case CSR_MCOUNTINHIBIT:
        return env->mcountinhibit;
    case CSR_MSCRATCH:
        return env->mscratch;
    case CSR_MEPC:
        return env->mepc & ((env->misa & RVC) ? ~1U : ~3U);
    case CSR_MCAUSE:
        return env->mcause;
    case CSR_MTVAL:
        return env->mtval;
    case CSR_MIP:
        return riscv_cpu_mip(env);
    case CSR_MSECCFG:
        return env->mseccfg;
    case CSR_MCYCLE:
    case CSR_CYCLE:
        return env->mcycle;
    case CSR_MCYCLEH:
    case CSR_CYCLEH:
        return env->mcycle >> 32;
    case CSR_MINSTRET:
    case CSR_INSTRET:
        return env->minstret;
    case CSR_MINSTRETH:
    case CSR_INSTRETH:
        return env->minstret >> 32;
    case CSR_MVENDORID:
        return env->mvendorid;
    case CSR_MARCHID:
        return env->marchid;
    case CSR_MIMPID:
        return env->mimpid;
    case CSR_MHARTID:
        return env->mhartid;
    }
    if (csrno >= CSR_PMPCFG0 && csrno <= CSR_PMPCFG3) {
        return riscv_pmpcfg_read(env, csrno - CSR_PMPCFG0);
    }
    if (csrno >= CSR_PMPADDR0 && csrno <= CSR_PMPADDR15) {
        return env->pmpaddr[csrno - CSR_PMPADDR0];
    }
    return 0;       /* hpm counters and events, mstatush, mseccfgh */
}

/* The counter-writing instruction retires after the write: compensate. */
static uint64_t counter_value(CPURISCVState *env, uint64_t v, uint32_t bit)
{
    return (env->mcountinhibit & bit) ? v : v - 1;
}

static void csr_write(CPURISCVState *env, int csrno, uint32_t val)
{
    switch (csrno) {
    case CSR_MSTATUS: {
        uint32_t mpp = (val & MSTATUS_MPP) >> MSTATUS_MPP_SHIFT;
        uint32_t mask = MSTATUS_WMASK;

        /* MPP is WARL: only modes the hart has; else keep the old one */
        if (!(mpp == PRV_M || (mpp == PRV_U && (env->misa & RVU)))) {
            mask &= ~MSTATUS_MPP;
        }
        if (!(env->misa & RVU)) {
            mask &= ~(MSTATUS_MPRV | MSTATUS_TW);
        }
        env->mstatus = (env->mstatus & ~mask) | (val & mask);
        riscv_cpu_update_mmu_idx(env);
        break;
    }
    case CSR_MIE:
        env->mie = val & MIE_WMASK;
        break;
    case CSR_MTVEC:
        if ((val & 3) < 2) {
            env->mtvec = val;
        }
        break;
    case CSR_MCOUNTEREN:
        env->mcounteren = val;
        break;
    case CSR_MCOUNTINHIBIT:
        env->mcountinhibit = val & (COUNTEREN_CY | COUNTEREN_IR);
        break;
    case CSR_MSCRATCH:
        env->mscratch = val;
        break;
    case CSR_MEPC:
        env->mepc = val & ~1U;
        break;
    case CSR_MCAUSE:
        env->mcause = val;
        break;
    case CSR_MTVAL:
        env->mtval = val;
        break;
    case CSR_MIP:
        env->mip_sw = val & MIP_WMASK;
        break;
    case CSR_MSECCFG:
        env->mseccfg = val & 7;
        break;
    case CSR_MCYCLE:
        env->mcycle = counter_value(env, (env->mcycle & ~0xffffffffULL) |
                                    val, COUNTEREN_CY);
        break;
    case CSR_MCYCLEH:
        env->mcycle = counter_value(env, (env->mcycle & 0xffffffffULL) |
                                    (uint64_t)val << 32, COUNTEREN_CY);
        break;
    case CSR_MINSTRET:
        env->minstret = counter_value(env,
                                      (env->minstret & ~0xffffffffULL) | val,
                                      COUNTEREN_IR);
        break;
    case CSR_MINSTRETH:
        env->minstret = counter_value(env,
                                      (env->minstret & 0xffffffffULL) |
                                      (uint64_t)val << 32, COUNTEREN_IR);
        break;
    default:
        if (csrno >= CSR_PMPCFG0 && csrno <= CSR_PMPCFG3) {
            riscv_pmpcfg_write(env, csrno - CSR_PMPCFG0, val);
        } else if (csrno >= CSR_PMPADDR0 && csrno <= CSR_PMPADDR15) {
            riscv_pmpaddr_write(env, csrno - CSR_PMPADDR0, val);
        }
        break;     /* hpm counters/events: read-only zero */
    }
}

int riscv_csr_rmw(CPURISCVState *env, int csrno, uint32_t *ret_value,
                  uint32_t new_value, uint32_t write_mask, bool write)
{
    int min_priv = (csrno >> 8) & 3;
    uint32_t old;

    if (!csr_exists(env, csrno) || env->priv < min_priv) {
        return RISCV_EXCP_ILLEGAL_INST;
    }
    if (write && (csrno >> 10) == 3) {
        return RISCV_EXCP_ILLEGAL_INST;
    }
    if (csrno >= 0xc00 && csrno <= 0xc9f && !counter_allowed(env, csrno)) {
        return RISCV_EXCP_ILLEGAL_INST;
    }
    old = csr_read(env, csrno);
    if (write) {
        csr_write(env, csrno, (old & ~write_mask) | (new_value & write_mask));
    }
    *ret_value = old;
    return RISCV_EXCP_NONE;
}

bool riscv_csr_peek(CPURISCVState *env, int csrno, uint32_t *val)
{
    if (!csr_exists(env, csrno)) {
        return false;
    }
    *val = csr_read(env, csrno);
    return true;
}
