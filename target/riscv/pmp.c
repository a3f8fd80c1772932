/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Physical memory protection: 16 entries (OFF/TOR/NA4/NAPOT), locked
 * entries, M-mode exemption for unlocked entries.  Changes flush the
 * hart's soft TLB and all translations, which cache permissions.
 */
#include "qemu/osdep.h"
#include "target/riscv/cpu.h"
#include "target/riscv/translate.h"

/* The entry's range [*lo, *hi] (inclusive); false if it is off. */
static bool pmp_range(CPURISCVState *env, int i, uint64_t *lo, uint64_t *hi)
{
    uint8_t cfg = env->pmpcfg[i];
    uint64_t a = (uint64_t)env->pmpaddr[i] << 2;

    switch ((cfg & PMP_AMATCH) >> PMP_AMATCH_SHIFT) {
    case PMP_AMATCH_TOR:
        *lo = i ? (uint64_t)env->pmpaddr[i - 1] << 2 : 0;
        if (a <= *lo) {
            return false;
        }
        *hi = a - 1;
        return true;
    case PMP_AMATCH_NA4:
        *lo = a;
        *hi = a + 3;
        return true;
    case PMP_AMATCH_NAPOT: {
        /* trailing ones of pmpaddr give the size */
        int t = __builtin_ctzll(~(uint64_t)env->pmpaddr[i]);
        uint64_t size = 8ULL << t;

        *lo = a & ~(size - 1);
        *hi = *lo + size - 1;
        return true;
    }
    }
    return false;
}

/* Permission of an access [lo, hi] at @priv; -1 if partly matched. */
static int pmp_prot(CPURISCVState *env, uint64_t lo, uint64_t hi, int priv)
{
    int i;

    for (i = 0; i < MAX_RISCV_PMPS; i++) {
        uint64_t s, e;

        if (!pmp_range(env, i, &s, &e)) {
            continue;
        }
        if (hi < s || lo > e) {
            continue;
        }
        if (lo < s || hi > e) {
            return -1;      /* partial match: the access fails */
        }
        if (priv == PRV_M && !(env->pmpcfg[i] & PMP_LOCK)) {
            return PMP_READ | PMP_WRITE | PMP_EXEC;
        }
        return env->pmpcfg[i] & (PMP_READ | PMP_WRITE | PMP_EXEC);
    }
    return priv == PRV_M ? PMP_READ | PMP_WRITE | PMP_EXEC : 0;
}

bool riscv_pmp_check(CPURISCVState *env, uint32_t addr, unsigned size,
                     int prot, int priv)
{
    int p = pmp_prot(env, addr, (uint64_t)addr + size - 1, priv);

    return p >= 0 && (p & prot) == prot;
}

int riscv_pmp_page_prot(CPURISCVState *env, uint32_t addr, int priv)
{
    uint64_t lo = addr & TARGET_PAGE_MASK;

    return pmp_prot(env, lo, lo + TARGET_PAGE_SIZE - 1, priv);
}

int riscv_pmp_range_prot(CPURISCVState *env, uint32_t lo, uint32_t hi,
                         int priv)
{
    return pmp_prot(env, lo, hi, priv);
}

static void pmp_changed(CPURISCVState *env)
{
    tlb_flush(env);
    env->tb_flush_pending = true;
}

static bool pmp_locked(CPURISCVState *env, int i)
{
    return env->pmpcfg[i] & PMP_LOCK;
}

void riscv_pmpcfg_write(CPURISCVState *env, int index, uint32_t val)
{
    int i;

    for (i = 0; i < 4; i++) {
        int n = index * 4 + i;
        uint8_t cfg = val >> (8 * i);

        if (pmp_locked(env, n)) {
            continue;
        }
        /* R=0 W=1 is reserved: QEMU drops both bits */
        if ((cfg & PMP_WRITE) && !(cfg & PMP_READ)) {
            cfg &= ~(PMP_WRITE | PMP_READ);
        }
        env->pmpcfg[n] = cfg;
    }
    pmp_changed(env);
}

uint32_t riscv_pmpcfg_read(CPURISCVState *env, int index)
{
    uint32_t v = 0;
    int i;

    for (i = 0; i < 4; i++) {
        v |= (uint32_t)env->pmpcfg[index * 4 + i] << (8 * i);
    }
    return v;
}

void riscv_pmpaddr_write(CPURISCVState *env, int index, uint32_t val)
{
    if (pmp_locked(env, index)) {
        return;
    }
    /* a locked TOR entry also locks the address below it */
    if (index + 1 < MAX_RISCV_PMPS && pmp_locked(env, index + 1) &&
        ((env->pmpcfg[index + 1] & PMP_AMATCH) >> PMP_AMATCH_SHIFT) ==
        PMP_AMATCH_TOR) {
        return;
    }
    env->pmpaddr[index] = val;
    pmp_changed(env);
}
