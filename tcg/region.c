/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The native code buffer: an anonymous read-write-execute mapping used as
 * a bump allocator.  Translations are never freed one by one; the whole
 * cache is flushed (tb_flush_all()) when the buffer runs low.
 */
#include "qemu/osdep.h"
#include <sys/mman.h>
#include "tcg/region.h"

static uint8_t *region_start;
static uint8_t *region_ptr;
static size_t region_size;

bool tcg_region_init(size_t size)
{
    void *p;

    if (region_start && size == region_size) {
        return true;
    }
    tcg_region_cleanup();
    p = mmap(NULL, size, PROT_READ | PROT_WRITE | PROT_EXEC,
             MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (p == MAP_FAILED) {
        return false;
    }
    region_start = region_ptr = p;
    region_size = size;
    return true;
}

void tcg_region_reset(size_t keep)
{
    region_ptr = region_start + keep;
}

bool tcg_region_has_room(void)
{
    return region_start + region_size - region_ptr >= TCG_MAX_BLOCK_CODE;
}

uint8_t *tcg_region_ptr(void)
{
    return region_ptr;
}

uint8_t *tcg_region_start(void)
{
    return region_start;
}

uint8_t *tcg_region_end(void)
{
    return region_start + region_size;
}

void tcg_region_commit(uint8_t *p)
{
    region_ptr = (uint8_t *)(((uintptr_t)p + 15) & ~(uintptr_t)15);
}

void tcg_region_cleanup(void)
{
    if (region_start) {
        munmap(region_start, region_size);
        region_start = region_ptr = NULL;
    }
}
