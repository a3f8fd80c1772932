/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The soft TLB's slow path: PMP checks, page fills for RAM/ROM (a hit
 * is then a compare and an add in translate.h), I/O through the memory
 * API under the BQL, and the tracking of pages holding translated code
 * so that guest stores into them invalidate translations.
 */
#include "qemu/osdep.h"
#include "qemu/main-loop.h"
#include "exec/memory.h"
#include "exec/cpu-exec.h"
#include "target/riscv/translate.h"

/*
 * Pages with translated code: page number -> bitmap of 4-byte words that
 * some block covers.  Touched by the vCPU thread only.
 */
static GHashTable *code_pages;

#define WORDS_PER_PAGE (TARGET_PAGE_SIZE / 4)

void tlb_flush(CPURISCVState *env)
{
    memset(env->tlb, 0xff, sizeof(env->tlb));
}

static void tlb_flush_page_writes(uint32_t page)
{
    CPUState *cs;

    CPU_FOREACH(cs) {
        CPURISCVState *env = &RISCV_CPU(cs)->env;
        int m;

        for (m = 0; m < NB_MMU_MODES; m++) {
            CPUTLBEntry *e = &env->tlb[m][(page >> TARGET_PAGE_BITS) &
                                          (CPU_TLB_SIZE - 1)];

            if (e->addr_write == page) {
                e->addr_write = TLB_INVALID;
            }
        }
    }
}

void tb_mark_code(uint32_t addr, uint32_t len)
{
    uint32_t a;

    if (!code_pages) {
        code_pages = g_hash_table_new_full(NULL, NULL, NULL, g_free);
    }
    for (a = addr & ~3U; a < addr + len; a += 4) {
        uint32_t page = a & TARGET_PAGE_MASK;
        uint32_t *bm = g_hash_table_lookup(code_pages,
                                           GUINT_TO_POINTER(page + 1));
        uint32_t w = (a & ~TARGET_PAGE_MASK) / 4;

        if (!bm) {
            bm = g_new0(uint32_t, WORDS_PER_PAGE / 32);
            g_hash_table_insert(code_pages, GUINT_TO_POINTER(page + 1), bm);
            tlb_flush_page_writes(page);
        }
        bm[w / 32] |= 1U << (w % 32);
    }
}

static bool page_has_code(uint32_t page)
{
    return code_pages &&
           g_hash_table_contains(code_pages, GUINT_TO_POINTER(page + 1));
}

/* Whether [addr, addr+size) overlaps translated code. */
static bool range_has_code(uint32_t addr, unsigned size)
{
    uint32_t a;

    for (a = addr & ~3U; a < addr + size; a += 4) {
        uint32_t *bm;
        uint32_t w = (a & ~TARGET_PAGE_MASK) / 4;

        if (!code_pages) {
            return false;
        }
        bm = g_hash_table_lookup(code_pages,
                                 GUINT_TO_POINTER((a & TARGET_PAGE_MASK) + 1));
        if (bm && (bm[w / 32] & (1U << (w % 32)))) {
            return true;
        }
    }
    return false;
}

void tb_code_pages_reset(bool destroy);
void tb_code_pages_reset(bool destroy)
{
    if (code_pages) {
        g_hash_table_remove_all(code_pages);
        if (destroy) {
            g_hash_table_destroy(code_pages);
            code_pages = NULL;
        }
    }
}

static int data_priv(CPURISCVState *env)
{
    return env->mmu_idx == MMU_IDX_M ? PRV_M : PRV_U;
}

/* Fill the TLB entry of @addr's page when it is RAM/ROM. */
static void tlb_fill(CPURISCVState *env, uint32_t addr)
{
    CPUState *cs = env_cpu(env);
    uint32_t page = addr & TARGET_PAGE_MASK;
    CPUTLBEntry *e = &env->tlb[env->mmu_idx][(addr >> TARGET_PAGE_BITS) &
                                            (CPU_TLB_SIZE - 1)];
    hwaddr xlat, plen = TARGET_PAGE_SIZE;
    MemoryRegion *mr;
    int prot;

    mr = address_space_translate(cs->as, page, &xlat, &plen);
    /* memory_region_is_ram() is true for ROM too: both have host memory */
    if (!mr || plen < TARGET_PAGE_SIZE || !memory_region_is_ram(mr)) {
        return;
    }
    prot = riscv_pmp_page_prot(env, page, data_priv(env));
    if (prot < 0) {
        return;
    }
    e->addend = (uintptr_t)((uint8_t *)memory_region_get_ram_ptr(mr) + xlat)
                - page;
    e->addr_read = (prot & PMP_READ) ? page : TLB_INVALID;
    /* ROM writes take the slow path, where the memory API drops them */
    e->addr_write = (prot & PMP_WRITE) && !memory_region_is_rom(mr) &&
                    !page_has_code(page) ? page : TLB_INVALID;
}

/* One access through the memory API, the BQL held around I/O. */
static MemTxResult io_access(CPURISCVState *env, uint32_t addr,
                             unsigned size, uint32_t *val, bool is_write)
{
    CPUState *cs = env_cpu(env);
    MemTxAttrs attrs = { .user = env->mmu_idx == MMU_IDX_U,
                         .requester_id = cs->cpu_index };
    MemTxResult r;

    /* the memory API drops ROM writes and takes the BQL for I/O */
    if (is_write) {
        r = address_space_store(cs->as, addr, size, *val, attrs);
    } else {
        uint64_t v;

        r = address_space_load(cs->as, addr, size, &v, attrs);
        *val = v;
    }
    /* a device may have remapped memory: stop using stale entries */
    if (memory_map_generation() != env->tlb_gen) {
        tlb_flush(env);
    }
    return r;
}

bool tlb_load_slow(CPURISCVState *env, const RVOp *op, uint32_t addr,
                   unsigned size, uint32_t *val, uint32_t cause)
{
    if (!riscv_pmp_check(env, addr, size, PMP_READ, data_priv(env))) {
        rv_raise(env, op, cause, addr);
        return false;
    }
    if ((addr & ~TARGET_PAGE_MASK) <= TARGET_PAGE_SIZE - size) {
        tlb_fill(env, addr);
    }
    if (io_access(env, addr, size, val, false) != MEMTX_OK) {
        rv_raise(env, op, cause, addr);
        return false;
    }
    return true;
}

bool tlb_store_slow(CPURISCVState *env, const RVOp *op, uint32_t addr,
                    unsigned size, uint32_t val)
{
    if (!riscv_pmp_check(env, addr, size, PMP_WRITE, data_priv(env))) {
        rv_raise(env, op, RISCV_EXCP_STORE_AMO_ACCESS_FAULT, addr);
        return false;
    }
    if ((addr & ~TARGET_PAGE_MASK) <= TARGET_PAGE_SIZE - size) {
        tlb_fill(env, addr);
    }
    if (io_access(env, addr, size, &val, true) != MEMTX_OK) {
        rv_raise(env, op, RISCV_EXCP_STORE_AMO_ACCESS_FAULT, addr);
        return false;
    }
    if (range_has_code(addr, size)) {
        /* self-modifying code: leave the block, re-translate */
        env->tb_flush_pending = true;
        rv_exit(env, op, op->pc + op->len, -1);
        return false;
    }
    return true;
}

bool rv_fetch_code(CPURISCVState *env, uint32_t addr, unsigned size,
                   uint32_t *val)
{
    *val = 0;
    return io_access(env, addr, size, val, false) == MEMTX_OK;
}
