/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The machine's global memory ("system" and "io" with their address
 * spaces) and accesses through an address space: buffers that may cross
 * several regions and holes, single CPU-style loads and stores, and the
 * loader's write into ROM.
 */
#include "qemu/osdep.h"
#include "qemu/main-loop.h"
#include "exec/address-spaces.h"

AddressSpace address_space_memory;
AddressSpace address_space_io;

static MemoryRegion *system_memory;
static MemoryRegion *system_io;

/* The I/O space of a RISC-V machine is empty: reads float high. */
static uint64_t unassigned_io_read(void *opaque, hwaddr addr, unsigned size)
{
    return UINT64_MAX;
}

static void unassigned_io_write(void *opaque, hwaddr addr, uint64_t val,
                                unsigned size)
{
}

static const MemoryRegionOps unassigned_io_ops = {
    .read = unassigned_io_read,
    .write = unassigned_io_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
};

void memory_map_init(void)
{
    if (system_memory) {
        return;
    }
    /*
     * The regions are children of /machine/unattached; the extra
     * reference keeps them until memory_map_cleanup(), whether or not the
     * machine goes first.
     */
    system_memory = g_new0(MemoryRegion, 1);
    memory_region_init(system_memory, NULL, "system", UINT64_MAX);
    object_ref(OBJECT(system_memory));
    address_space_init(&address_space_memory, system_memory, "memory");

    system_io = g_new0(MemoryRegion, 1);
    memory_region_init_io(system_io, NULL, &unassigned_io_ops, NULL, "io",
                          65536);
    object_ref(OBJECT(system_io));
    address_space_init(&address_space_io, system_io, "I/O");
}

static void memory_map_free_region(MemoryRegion *mr)
{
    object_unparent(OBJECT(mr));
    object_unref(OBJECT(mr));
    g_free(mr);
}

void memory_map_cleanup(void)
{
    if (!system_memory) {
        return;
    }
    address_space_destroy(&address_space_memory);
    address_space_destroy(&address_space_io);
    memory_map_free_region(system_memory);
    memory_map_free_region(system_io);
    system_memory = NULL;
    system_io = NULL;
}

MemoryRegion *get_system_memory(void)
{
    return system_memory;
}

MemoryRegion *get_system_io(void)
{
    return system_io;
}

/* Accesses */

static uint64_t ld_le_p(const uint8_t *p, unsigned int size)
{
    uint64_t v = 0;
    unsigned int i;

    for (i = 0; i < size; i++) {
        v |= (uint64_t)p[i] << (i * 8);
    }
    return v;
}

static void st_le_p(uint8_t *p, uint64_t v, unsigned int size)
{
    unsigned int i;

    for (i = 0; i < size; i++) {
        p[i] = v >> (i * 8);
    }
}

/* I/O dispatch with the BQL, taken here if the caller does not hold it. */
static MemTxResult io_read(MemoryRegion *mr, hwaddr addr, uint64_t *val,
                           unsigned int size, MemTxAttrs attrs)
{
    bool locked = qemu_mutex_iothread_locked();
    MemTxResult r;

    if (!locked) {
        qemu_mutex_lock_iothread();
    }
    r = memory_region_dispatch_read(mr, addr, val, size, attrs);
    if (!locked) {
        qemu_mutex_unlock_iothread();
    }
    return r;
}

static MemTxResult io_write(MemoryRegion *mr, hwaddr addr, uint64_t val,
                            unsigned int size, MemTxAttrs attrs)
{
    bool locked = qemu_mutex_iothread_locked();
    MemTxResult r;

    if (!locked) {
        qemu_mutex_lock_iothread();
    }
    r = memory_region_dispatch_write(mr, addr, val, size, attrs);
    if (!locked) {
        qemu_mutex_unlock_iothread();
    }
    return r;
}

/*
 * The largest access (1, 2, 4 or 8 bytes) to make at @addr with @len
 * bytes left: at most the device's valid maximum (default 4), and aligned
 * unless the device takes unaligned accesses.
 */
static unsigned int io_chunk(MemoryRegion *mr, hwaddr addr, hwaddr len)
{
    const MemoryRegionOps *ops = mr->ops;
    unsigned int max = 4, size = 8;

    if (ops && ops->valid.max_access_size) {
        max = ops->valid.max_access_size;
    }
    if (!(ops && ops->valid.unaligned) && addr) {
        hwaddr align = addr & -addr;

        if (align < max) {
            max = align;
        }
    }
    if (len < max) {
        max = len;
    }
    while (size > max) {
        size >>= 1;
    }
    return size;
}

static MemTxResult address_space_access(AddressSpace *as, hwaddr addr,
                                        MemTxAttrs attrs, uint8_t *buf,
                                        hwaddr len, bool is_write)
{
    MemTxResult result = MEMTX_OK;

    while (len) {
        hwaddr l = len, xlat;
        MemoryRegion *mr = address_space_translate(as, addr, &xlat, &l);

        if (!mr) {
            if (!is_write) {
                memset(buf, 0, l);
            }
            result |= MEMTX_DECODE_ERROR;
        } else if (memory_region_is_ram(mr)) {
            uint8_t *host = memory_region_get_ram_ptr(mr);

            if (!is_write) {
                memcpy(buf, host + xlat, l);
            } else if (!memory_region_is_rom(mr)) {
                memcpy(host + xlat, buf, l);
            }
        } else {
            uint64_t val;

            l = io_chunk(mr, xlat, l);
            if (is_write) {
                result |= io_write(mr, xlat, ld_le_p(buf, l), l, attrs);
            } else {
                result |= io_read(mr, xlat, &val, l, attrs);
                st_le_p(buf, val, l);
            }
        }
        len -= l;
        buf += l;
        addr += l;
    }
    return result;
}

MemTxResult address_space_read(AddressSpace *as, hwaddr addr,
                               MemTxAttrs attrs, void *buf, hwaddr len)
{
    return address_space_access(as, addr, attrs, buf, len, false);
}

MemTxResult address_space_write(AddressSpace *as, hwaddr addr,
                                MemTxAttrs attrs, const void *buf,
                                hwaddr len)
{
    /* a write never stores into @buf */
    return address_space_access(as, addr, attrs, (uint8_t *)buf, len, true);
}

MemTxResult address_space_rw(AddressSpace *as, hwaddr addr,
                             MemTxAttrs attrs, void *buf, hwaddr len,
                             bool is_write)
{
    return address_space_access(as, addr, attrs, buf, len, is_write);
}

static bool access_size_ok(unsigned int size)
{
    return size == 1 || size == 2 || size == 4 || size == 8;
}

MemTxResult address_space_load(AddressSpace *as, hwaddr addr, unsigned size,
                               uint64_t *pval, MemTxAttrs attrs)
{
    hwaddr l = size, xlat;
    MemoryRegion *mr;
    MemTxResult r = MEMTX_OK;
    unsigned int i;

    *pval = 0;
    if (!access_size_ok(size)) {
        return MEMTX_DECODE_ERROR;
    }
    mr = address_space_translate(as, addr, &xlat, &l);
    if (l >= size) {
        if (!mr) {
            return MEMTX_DECODE_ERROR;
        }
        if (memory_region_is_ram(mr)) {
            uint8_t *host = memory_region_get_ram_ptr(mr);

            *pval = ld_le_p(host + xlat, size);
            return MEMTX_OK;
        }
        return io_read(mr, xlat, pval, size, attrs);
    }
    /* it straddles two ranges: byte by byte */
    for (i = 0; i < size; i++) {
        uint8_t b;

        r |= address_space_read(as, addr + i, attrs, &b, 1);
        *pval |= (uint64_t)b << (i * 8);
    }
    return r;
}

MemTxResult address_space_store(AddressSpace *as, hwaddr addr,
                                unsigned size, uint64_t val,
                                MemTxAttrs attrs)
{
    hwaddr l = size, xlat;
    MemoryRegion *mr;
    MemTxResult r = MEMTX_OK;
    unsigned int i;

    if (!access_size_ok(size)) {
        return MEMTX_DECODE_ERROR;
    }
    mr = address_space_translate(as, addr, &xlat, &l);
    if (l >= size) {
        if (!mr) {
            return MEMTX_DECODE_ERROR;
        }
        if (memory_region_is_ram(mr)) {
            if (!memory_region_is_rom(mr)) {
                st_le_p((uint8_t *)memory_region_get_ram_ptr(mr) + xlat, val,
                        size);
            }
            return MEMTX_OK;
        }
        return io_write(mr, xlat, val, size, attrs);
    }
    for (i = 0; i < size; i++) {
        uint8_t b = val >> (i * 8);

        r |= address_space_write(as, addr + i, attrs, &b, 1);
    }
    return r;
}

bool address_space_write_rom(AddressSpace *as, hwaddr addr,
                             const void *buf, hwaddr len)
{
    const uint8_t *p = buf;
    bool ok = true;

    while (len) {
        hwaddr l = len, xlat;
        MemoryRegion *mr = address_space_translate(as, addr, &xlat, &l);

        if (mr && memory_region_is_ram(mr)) {
            memcpy((uint8_t *)memory_region_get_ram_ptr(mr) + xlat, p, l);
        } else {
            ok = false;
        }
        len -= l;
        p += l;
        addr += l;
    }
    return ok;
}
