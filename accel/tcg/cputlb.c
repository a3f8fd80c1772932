/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The soft TLB's slow path: PMP checks, page fills for RAM/ROM (a hit
 * is then a compare and an add in insn-sem.c.inc), I/O entries that keep
 * the region found (so that device accesses skip the map lookup and the
 * PMP walk), I/O through the memory API under the BQL, and the tracking
 * of pages holding translated code so that guest stores into them
 * invalidate translations.
 */
#include "qemu/osdep.h"
#include "qemu/main-loop.h"
#include "exec/memory.h"
#include "exec/cpu-exec.h"
#include "target/riscv/translate.h"

/*
 * Pages with translated code: page number -> bitmap of 4-byte words that
 * some block covers.  Touched by the vCPU thread only.  The TLB marks
 * their write entries TLB_NOTDIRTY: stores take the slow path, which
 * writes RAM directly unless the words hold code.
 */
#define TLB_NOTDIRTY (1U << (TARGET_PAGE_BITS - 2))
static GHashTable *code_pages;

#define WORDS_PER_PAGE (TARGET_PAGE_SIZE / 4)

void tlb_flush(CPURISCVState *env)
{
    memset(env->tlb, 0xff, sizeof(env->tlb));
    memset(env->rdwin, 0, sizeof(env->rdwin));
    riscv_cpu_select_tlb(env);
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
                e->addr_write = page | TLB_NOTDIRTY;
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

static CPUIOTLBEntry *iotlb_entry(CPURISCVState *env, uint32_t addr)
{
    return &env->iotlb[env->mmu_idx][(addr >> TARGET_PAGE_BITS) &
                                     (CPU_TLB_SIZE - 1)];
}

/*
 * Open the read window of the current MMU index over the RAM (or ROM)
 * region @mr that holds @page at offset @xlat, if it is mapped as a whole
 * (or the part of it around @page that nothing covers) and PMP lets this
 * privilege read all of it.
 */
static void rdwin_open(CPURISCVState *env, uint32_t page, MemoryRegion *mr,
                       hwaddr xlat)
{
    RVReadWindow *w = &env->rdwin[env->mmu_idx];
    uint64_t size = memory_region_size(mr);
    uint32_t base;
    hwaddr x, plen;
    int prot;

    if (xlat > page || size < TARGET_PAGE_SIZE ||
        (uint64_t)page - xlat + size > (1ULL << 32)) {
        return;
    }
    base = page - xlat;
    plen = size;
    if (address_space_translate(env_cpu(env)->as, base, &x, &plen) != mr ||
        x != 0 || plen <= xlat + TARGET_PAGE_SIZE - 1) {
        return;
    }
    prot = riscv_pmp_range_prot(env, base, base + plen - 1, data_priv(env));
    if (prot < 0 || !(prot & PMP_READ)) {
        return;
    }
    w->base = base;
    w->lim = plen - 3;
    w->host = (uintptr_t)memory_region_get_ram_ptr(mr);
    riscv_cpu_select_tlb(env);
}

/*
 * Fill the TLB entry of @addr's page: RAM/ROM pages by host address,
 * I/O by the region serving @addr (and the bytes after it in the page
 * that the same range covers).  Pages that PMP does not treat uniformly,
 * holes and RAM ranges smaller than a page stay invalid.
 */
static void tlb_fill(CPURISCVState *env, uint32_t addr)
{
    CPUState *cs = env_cpu(env);
    uint32_t page = addr & TARGET_PAGE_MASK;
    CPUTLBEntry *e = rv_tlb_entry(env, addr);
    hwaddr xlat, plen = TARGET_PAGE_SIZE;
    MemoryRegion *mr;
    int prot;

    e->addr_read = e->addr_write = TLB_INVALID;
    prot = riscv_pmp_page_prot(env, page, data_priv(env));
    if (prot < 0) {
        return;
    }
    mr = address_space_translate(cs->as, page, &xlat, &plen);
    /* memory_region_is_ram() is true for ROM too: both have host memory */
    if (mr && plen >= TARGET_PAGE_SIZE && memory_region_is_ram(mr)) {
        e->addend = (uintptr_t)((uint8_t *)memory_region_get_ram_ptr(mr) +
                                xlat) - page;
        e->addr_read = (prot & PMP_READ) ? page : TLB_INVALID;
        if ((prot & PMP_READ) && !env->rdwin[env->mmu_idx].lim) {
            rdwin_open(env, page, mr, xlat);
        }
        /* ROM writes take the slow path, where the memory API drops them */
        if ((prot & PMP_WRITE) && !memory_region_is_rom(mr)) {
            e->addr_write = page_has_code(page) ? page | TLB_NOTDIRTY : page;
        }
        return;
    }
    plen = TARGET_PAGE_SIZE - (addr & ~TARGET_PAGE_MASK);
    mr = address_space_translate(cs->as, addr, &xlat, &plen);
    if (mr && !memory_region_is_ram(mr)) {
        CPUIOTLBEntry *io = iotlb_entry(env, addr);

        io->mr = mr;
        io->lo = addr;
        io->hi = addr + plen - 1;
        io->xlat = xlat;
        e->addr_read = (prot & PMP_READ) ? page | TLB_IO : TLB_INVALID;
        e->addr_write = (prot & PMP_WRITE) ? page | TLB_IO : TLB_INVALID;
    }
}

static MemTxAttrs data_attrs(CPURISCVState *env)
{
    return (MemTxAttrs) { .user = env->mmu_idx == MMU_IDX_U,
                          .requester_id = env_cpu(env)->cpu_index };
}

/* After I/O: a device may have remapped memory; stop using stale state. */
static void io_check_map(CPURISCVState *env)
{
    if (memory_map_generation() != env->tlb_gen) {
        tlb_flush(env);
        env->tb_flush_pending = true;
        rv_request_exit(env);
    }
}

/* One access through the memory API, the BQL held around I/O. */
static MemTxResult io_access(CPURISCVState *env, uint32_t addr,
                             unsigned size, uint32_t *val, bool is_write)
{
    CPUState *cs = env_cpu(env);
    MemTxAttrs attrs = data_attrs(env);
    MemTxResult r;

    /* the memory API drops ROM writes and takes the BQL for I/O */
    if (is_write) {
        r = address_space_store(cs->as, addr, size, *val, attrs);
    } else {
        uint64_t v;

        r = address_space_load(cs->as, addr, size, &v, attrs);
        *val = v;
    }
    io_check_map(env);
    return r;
}

/*
 * An access to the region of an I/O entry, under the BQL.  False (nothing
 * done) if the memory map changed since the entry was filled.
 */
static bool io_access_cached(CPURISCVState *env, CPUIOTLBEntry *io,
                             uint32_t addr, unsigned size, uint32_t *val,
                             bool is_write, MemTxResult *r)
{
    hwaddr off = addr - io->lo + io->xlat;
    bool ok = false;

    qemu_mutex_lock_iothread();
    if (memory_map_generation() == env->tlb_gen) {
        ok = true;
        if (is_write) {
            *r = memory_region_dispatch_write(io->mr, off, *val, size,
                                              data_attrs(env));
        } else {
            uint64_t v;

            *r = memory_region_dispatch_read(io->mr, off, &v, size,
                                             data_attrs(env));
            *val = v;
        }
    }
    qemu_mutex_unlock_iothread();
    io_check_map(env);
    return ok;
}

/*
 * The cached paths of a slow access that stays in one page: RAM
 * (misaligned, or a page with code for stores) or a known I/O region.
 * Returns false when the full path must decide.
 */
static bool tlb_access_cached(CPURISCVState *env, uint32_t addr,
                              unsigned size, uint32_t *val, bool is_write,
                              MemTxResult *r)
{
    uint32_t page = addr & TARGET_PAGE_MASK;
    CPUTLBEntry *e = rv_tlb_entry(env, addr);
    uint32_t cmp;
    CPUIOTLBEntry *io;

    if ((addr & ~TARGET_PAGE_MASK) > TARGET_PAGE_SIZE - size) {
        return false;
    }
    cmp = is_write ? e->addr_write : e->addr_read;
    if ((cmp & TARGET_PAGE_MASK) != page) {
        tlb_fill(env, addr);
        cmp = is_write ? e->addr_write : e->addr_read;
    }
    if (cmp == page ||
        (cmp == (page | TLB_NOTDIRTY) && !range_has_code(addr, size))) {
        void *host = (void *)(uintptr_t)(addr + e->addend);

        if (is_write) {
            memcpy(host, val, size);  /* little-endian host */
        } else {
            *val = 0;
            memcpy(val, host, size);
        }
        *r = MEMTX_OK;
        return true;
    }
    if (cmp != (page | TLB_IO)) {
        return false;
    }
    io = iotlb_entry(env, addr);
    if (addr < io->lo || addr > io->hi || io->hi - addr < size - 1) {
        return false;
    }
    return io_access_cached(env, io, addr, size, val, is_write, r);
}

bool tlb_load_slow(CPURISCVState *env, const RVOp *op, uint32_t addr,
                   unsigned size, uint32_t *val, uint32_t cause)
{
    MemTxResult r;

    if (!tlb_access_cached(env, addr, size, val, false, &r)) {
        if (!riscv_pmp_check(env, addr, size, PMP_READ, data_priv(env))) {
            rv_raise(env, op, cause, addr);
            return false;
        }
        r = io_access(env, addr, size, val, false);
    }
    if (r != MEMTX_OK) {
        rv_raise(env, op, cause, addr);
        return false;
    }
    return true;
}

bool tlb_store_slow(CPURISCVState *env, const RVOp *op, uint32_t addr,
                    unsigned size, uint32_t val)
{
    MemTxResult r;

    if (!tlb_access_cached(env, addr, size, &val, true, &r)) {
        if (!riscv_pmp_check(env, addr, size, PMP_WRITE, data_priv(env))) {
            rv_raise(env, op, RISCV_EXCP_STORE_AMO_ACCESS_FAULT, addr);
            return false;
        }
        r = io_access(env, addr, size, &val, true);
        if (r == MEMTX_OK && range_has_code(addr, size)) {
            /* self-modifying code: leave the block, re-translate */
            env->tb_flush_pending = true;
            rv_exit(env, op, op->pc + op->len, -1);
            return false;
        }
    }
    if (r != MEMTX_OK) {
        rv_raise(env, op, RISCV_EXCP_STORE_AMO_ACCESS_FAULT, addr);
        return false;
    }
    return true;
}

bool rv_load_op(CPURISCVState *env, const RVOp *op, uint32_t addr,
                uint32_t *val)
{
    unsigned size = op->opc == RV_OP_LW ? 4 :
                    op->opc == RV_OP_LH || op->opc == RV_OP_LHU ? 2 : 1;

    if (!tlb_load_slow(env, op, addr, size, val,
                       RISCV_EXCP_LOAD_ACCESS_FAULT)) {
        return false;
    }
    if (op->opc == RV_OP_LB) {
        *val = (uint32_t)(int8_t)*val;
    } else if (op->opc == RV_OP_LH) {
        *val = (uint32_t)(int16_t)*val;
    }
    return true;
}

bool rv_store_op(CPURISCVState *env, const RVOp *op, uint32_t addr,
                 uint32_t val)
{
    unsigned size = op->opc == RV_OP_SB ? 1 : op->opc == RV_OP_SH ? 2 : 4;

    if (size < 4) {
        val &= (1U << (size * 8)) - 1;
    }
    return tlb_store_slow(env, op, addr, size, val);
}

void rv_load_miss(CPURISCVState *env, const RVOp *op, uint64_t icount,
                  uint32_t addr)
{
    uint32_t v;

    if (rv_load_op(env, op, addr, &v)) {
        env->gpr[op->rd] = v;
        op[1].fn(env, op + 1, icount);
    }
}

void rv_store_miss(CPURISCVState *env, const RVOp *op, uint64_t icount,
                   uint32_t addr)
{
    if (rv_store_op(env, op, addr, env->gpr[op->rs2])) {
        op[1].fn(env, op + 1, icount);
    }
}

bool rv_fetch_code(CPURISCVState *env, uint32_t addr, unsigned size,
                   uint32_t *val)
{
    *val = 0;
    return io_access(env, addr, size, val, false) == MEMTX_OK;
}
