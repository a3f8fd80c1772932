/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The memory API: flat views (priorities, overlaps, aliases, containers,
 * disabled regions, holes), access dispatch (valid/impl checks, splitting
 * and widening), ROM, transactions, address space accesses, "info mtree"
 * text, and the QOM side of regions.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qom/object.h"
#include "exec/address-spaces.h"
#include "exec/memory.h"

#define ATTRS MEMTXATTRS_UNSPECIFIED

/* A log of handler calls: "r@0/4 w@4=0x12/4 " */
static GString *calls;

/* Reads return bytes 0x10 + offset, little-endian: distinguishable. */
static uint64_t dev_read(void *opaque, hwaddr addr, unsigned size)
{
    uint64_t v = 0;
    unsigned i;

    g_string_append_printf(calls, "r@%" PRIx64 "/%u ", addr, size);
    for (i = 0; i < size; i++) {
        v |= (uint64_t)(0x10 + addr + i) << (i * 8);
    }
    return v;
}

static void dev_write(void *opaque, hwaddr addr, uint64_t val, unsigned size)
{
    g_string_append_printf(calls, "w@%" PRIx64 "=0x%" PRIx64 "/%u ", addr,
                           val, size);
}

static const MemoryRegionOps ops_default = {
    .read = dev_read,
    .write = dev_write,
};

static const MemoryRegionOps ops_split = {
    .read = dev_read,
    .write = dev_write,
    .valid.max_access_size = 8,
    .impl.max_access_size = 4,
};

static const MemoryRegionOps ops_widen = {
    .read = dev_read,
    .write = dev_write,
    .valid.min_access_size = 1,
    .valid.max_access_size = 4,
    .impl.min_access_size = 4,
};

static const MemoryRegionOps ops_unaligned = {
    .read = dev_read,
    .write = dev_write,
    .valid.unaligned = true,
    .impl.unaligned = true,
};

static MemTxResult dev_read_attrs(void *opaque, hwaddr addr, uint64_t *data,
                                  unsigned size, MemTxAttrs attrs)
{
    g_string_append_printf(calls, "ra@%" PRIx64 "/%u ", addr, size);
    *data = 0xab;
    return addr == 0x10 ? MEMTX_ERROR : MEMTX_OK;
}

static const MemoryRegionOps ops_attrs = {
    .read = dev_read,
    .read_with_attrs = dev_read_attrs,
    .write = dev_write,
};

static const MemoryRegionOps ops_big = {
    .read = dev_read,
    .write = dev_write,
    .endianness = DEVICE_BIG_ENDIAN,
    .valid.max_access_size = 8,
    .impl.max_access_size = 4,
};

static Object *owner;

static Object *new_owner(void)
{
    owner = container_get(object_get_root(), "/dev0");
    g_string_truncate(calls, 0);
    return owner;
}

static void free_owner(void)
{
    object_unparent(owner);
    owner = NULL;
}

static void add_range(const FlatRangeInfo *r, void *opaque)
{
    GString *s = opaque;

    g_string_append_printf(s, "%" PRIx64 "-%" PRIx64 " %s@%" PRIx64,
                           r->start, r->last, memory_region_name(r->mr),
                           r->offset_in_region);
    if (r->mapped != r->mr) {
        g_string_append_printf(s, " via %s", memory_region_name(r->mapped));
    }
    g_string_append_printf(s, " p%d%s; ", r->priority,
                           r->readonly ? " ro" : "");
}

/* The flat view as text, e.g. "0-7ff a@0 p0; 800-17ff b@0 p1; " */
static char *flat(AddressSpace *as)
{
    GString *s = g_string_new(NULL);

    address_space_foreach_range(as, add_range, s);
    return g_string_free(s, FALSE);
}

#define assert_flat(as, expected)                                          \
    do {                                                                   \
        char *f_ = flat(as);                                               \
        g_assert_cmpstr(f_, ==, (expected));                               \
        g_free(f_);                                                        \
    } while (0)

typedef struct Regions {
    MemoryRegion root, a, b, c, d, e;
    AddressSpace as;
} Regions;

static Regions *regions_new(uint64_t root_size)
{
    Regions *r = g_new0(Regions, 1);

    new_owner();
    memory_region_init(&r->root, owner, "root", root_size);
    address_space_init(&r->as, &r->root, "test");
    return r;
}

static void regions_free(Regions *r)
{
    address_space_destroy(&r->as);
    free_owner();
    g_free(r);
}

static void test_priority(void)
{
    Regions *r = regions_new(0x10000);

    assert_flat(&r->as, "");
    memory_region_init_ram(&r->a, owner, "a", 0x1000, &error_abort);
    memory_region_init_io(&r->b, owner, &ops_default, NULL, "b", 0x1000);
    memory_region_add_subregion(&r->root, 0, &r->a);
    memory_region_add_subregion_overlap(&r->root, 0x800, &r->b, 1);
    assert_flat(&r->as, "0-7ff a@0 p0; 800-17ff b@0 p1; ");

    /* a lower priority region shows only where nothing else is */
    memory_region_init_io(&r->c, owner, &ops_default, NULL, "c", 0x10000);
    memory_region_add_subregion_overlap(&r->root, 0, &r->c, -1000);
    assert_flat(&r->as, "0-7ff a@0 p0; 800-17ff b@0 p1; "
                "1800-ffff c@1800 p-1000; ");
    regions_free(r);
}

static void test_equal_priority(void)
{
    Regions *r = regions_new(0x10000);

    memory_region_init_io(&r->a, owner, &ops_default, NULL, "a", 0x1000);
    memory_region_init_io(&r->b, owner, &ops_default, NULL, "b", 0x1000);
    memory_region_add_subregion(&r->root, 0, &r->a);
    memory_region_add_subregion(&r->root, 0x800, &r->b);
    /* the later one wins */
    assert_flat(&r->as, "0-7ff a@0 p0; 800-17ff b@0 p0; ");
    memory_region_del_subregion(&r->root, &r->a);
    memory_region_add_subregion(&r->root, 0, &r->a);
    assert_flat(&r->as, "0-fff a@0 p0; 1000-17ff b@800 p0; ");
    regions_free(r);
}

static void test_alias(void)
{
    Regions *r = regions_new(0x10000);
    hwaddr xlat, len = 0x1000, off;
    uint8_t *ram;

    memory_region_init_ram(&r->a, owner, "ram", 0x1000, &error_abort);
    ram = memory_region_get_ram_ptr(&r->a);
    ram[0x110] = 0x5a;
    memory_region_init_alias(&r->b, owner, "win", &r->a, 0x100, 0x200);
    memory_region_add_subregion(&r->root, 0x4000, &r->b);
    assert_flat(&r->as, "4000-41ff ram@100 via win p0; ");
    g_assert(address_space_translate(&r->as, 0x4010, &xlat, &len) == &r->a);
    g_assert_cmphex(xlat, ==, 0x110);
    g_assert_cmphex(len, ==, 0x1f0);
    g_assert(memory_region_get_alias(&r->b, &off) == &r->a);
    g_assert_cmphex(off, ==, 0x100);
    g_assert_cmpstr(memory_region_kind_name(&r->b), ==, "ram");

    /* an alias of the alias: offsets add up, the outer alias is mapped */
    memory_region_init_alias(&r->c, owner, "win2", &r->b, 0x10, 0x20);
    memory_region_add_subregion_overlap(&r->root, 0x8000, &r->c, 3);
    assert_flat(&r->as, "4000-41ff ram@100 via win p0; "
                "8000-801f ram@110 via win2 p3; ");
    g_assert(address_space_translate(&r->as, 0x8000, &xlat, NULL) == &r->a);
    g_assert_cmphex(xlat, ==, 0x110);

    /* an alias window larger than its target is clipped to it */
    memory_region_del_subregion(&r->root, &r->c);
    memory_region_destroy(&r->c);
    memory_region_init_alias(&r->c, owner, "big", &r->a, 0xf00, 0x1000);
    memory_region_add_subregion(&r->root, 0x8000, &r->c);
    assert_flat(&r->as, "4000-41ff ram@100 via win p0; "
                "8000-80ff ram@f00 via big p0; ");
    regions_free(r);
}

static void test_alias_container(void)
{
    Regions *r = regions_new(0x10000);

    memory_region_init(&r->a, owner, "bus", 0x1000);
    memory_region_init_io(&r->b, owner, &ops_default, NULL, "dev1", 0x100);
    memory_region_init_io(&r->c, owner, &ops_default, NULL, "dev2", 0x100);
    memory_region_add_subregion(&r->a, 0x100, &r->b);
    memory_region_add_subregion(&r->a, 0x300, &r->c);
    memory_region_init_alias(&r->d, owner, "bus-win", &r->a, 0x180, 0x200);
    memory_region_add_subregion(&r->root, 0x2000, &r->d);
    /* the window shows the second half of dev1, a hole, then dev2 */
    assert_flat(&r->as, "2000-207f dev1@80 via bus-win p0; "
                "2180-21ff dev2@0 via bus-win p0; ");
    regions_free(r);
}

static void test_container_clip(void)
{
    Regions *r = regions_new(0x10000);

    memory_region_init(&r->a, owner, "box", 0x100);
    memory_region_init_ram(&r->b, owner, "big", 0x1000, &error_abort);
    memory_region_add_subregion(&r->a, 0x80, &r->b);
    memory_region_add_subregion(&r->root, 0x1000, &r->a);
    assert_flat(&r->as, "1080-10ff big@0 p0; ");

    /* and the root clips what sticks out of it */
    memory_region_init_io(&r->c, owner, &ops_default, NULL, "edge", 0x1000);
    memory_region_add_subregion(&r->root, 0xf800, &r->c);
    assert_flat(&r->as, "1080-10ff big@0 p0; f800-ffff edge@0 p0; ");
    regions_free(r);
}

static void test_disabled(void)
{
    Regions *r = regions_new(0x10000);
    unsigned int gen;

    memory_region_init_io(&r->a, owner, &ops_default, NULL, "low", 0x1000);
    memory_region_init_io(&r->b, owner, &ops_default, NULL, "high", 0x100);
    memory_region_add_subregion(&r->root, 0, &r->a);
    memory_region_add_subregion_overlap(&r->root, 0x100, &r->b, 1);
    assert_flat(&r->as, "0-ff low@0 p0; 100-1ff high@0 p1; "
                "200-fff low@200 p0; ");
    memory_region_set_enabled(&r->b, false);
    /* the pieces of "low" merge again */
    assert_flat(&r->as, "0-fff low@0 p0; ");
    gen = memory_map_generation();
    memory_region_set_enabled(&r->b, false);
    g_assert_cmpuint(memory_map_generation(), ==, gen);
    memory_region_set_enabled(&r->b, true);
    g_assert_cmpuint(memory_map_generation(), ==, gen + 1);
    assert_flat(&r->as, "0-ff low@0 p0; 100-1ff high@0 p1; "
                "200-fff low@200 p0; ");
    regions_free(r);
}

static void test_hole(void)
{
    Regions *r = regions_new(0x10000);
    hwaddr xlat = 99, len = 0x1000;
    uint8_t buf[8];
    uint64_t v;

    memory_region_init_ram(&r->a, owner, "ram", 0x100, &error_abort);
    memory_region_add_subregion(&r->root, 0x100, &r->a);
    g_assert_null(address_space_translate(&r->as, 0x10, &xlat, &len));
    g_assert_cmphex(len, ==, 0xf0);
    len = 0x1000;
    g_assert_null(address_space_translate(&r->as, 0x200, &xlat, &len));
    g_assert_cmphex(len, ==, 0x1000);
    len = UINT64_MAX;
    g_assert_null(address_space_translate(&r->as, 0x200, &xlat, &len));
    g_assert_cmphex(len, ==, UINT64_MAX - 0x200 + 1);

    memset(memory_region_get_ram_ptr(&r->a), 0x77, 0x100);
    memset(buf, 0xee, sizeof(buf));
    /* four bytes of hole, then four of RAM */
    g_assert_cmpuint(address_space_read(&r->as, 0xfc, ATTRS, buf, 8), ==,
                     MEMTX_DECODE_ERROR);
    g_assert_cmphex(buf[0] | buf[3], ==, 0);
    g_assert_cmphex(buf[4] & buf[7], ==, 0x77);
    g_assert_cmpuint(address_space_read(&r->as, 0x100, ATTRS, buf, 8), ==,
                     MEMTX_OK);
    g_assert_cmpuint(address_space_write(&r->as, 0x1fc, ATTRS, buf, 8), ==,
                     MEMTX_DECODE_ERROR);
    g_assert_cmpuint(address_space_load(&r->as, 0x8000, 4, &v, ATTRS), ==,
                     MEMTX_DECODE_ERROR);
    g_assert_cmphex(v, ==, 0);
    g_assert_cmpuint(address_space_store(&r->as, 0x8000, 4, 1, ATTRS), ==,
                     MEMTX_DECODE_ERROR);
    regions_free(r);
}

static void test_dispatch_split(void)
{
    Regions *r = regions_new(0x10000);
    uint64_t v;

    memory_region_init_io(&r->a, owner, &ops_split, NULL, "dev", 0x100);
    g_assert_cmpuint(memory_region_dispatch_read(&r->a, 8, &v, 8, ATTRS), ==,
                     MEMTX_OK);
    g_assert_cmphex(v, ==, 0x1f1e1d1c1b1a1918ULL);
    g_assert_cmpstr(calls->str, ==, "r@8/4 r@c/4 ");
    g_string_truncate(calls, 0);
    g_assert_cmpuint(memory_region_dispatch_write(&r->a, 0x10,
                                                  0x1122334455667788ULL, 8,
                                                  ATTRS), ==, MEMTX_OK);
    g_assert_cmpstr(calls->str, ==, "w@10=0x55667788/4 w@14=0x11223344/4 ");

    /* the same through the address space */
    memory_region_add_subregion(&r->root, 0x1000, &r->a);
    g_string_truncate(calls, 0);
    g_assert_cmpuint(address_space_load(&r->as, 0x1008, 8, &v, ATTRS), ==,
                     MEMTX_OK);
    g_assert_cmphex(v, ==, 0x1f1e1d1c1b1a1918ULL);
    g_assert_cmpstr(calls->str, ==, "r@8/4 r@c/4 ");
    regions_free(r);
}

static void test_dispatch_widen(void)
{
    Regions *r = regions_new(0x10000);
    uint64_t v;

    memory_region_init_io(&r->a, owner, &ops_widen, NULL, "dev", 0x100);
    g_assert_cmpuint(memory_region_dispatch_read(&r->a, 6, &v, 1, ATTRS), ==,
                     MEMTX_OK);
    g_assert_cmphex(v, ==, 0x16);
    g_assert_cmpstr(calls->str, ==, "r@4/4 ");
    g_string_truncate(calls, 0);
    g_assert_cmpuint(memory_region_dispatch_read(&r->a, 6, &v, 2, ATTRS), ==,
                     MEMTX_OK);
    g_assert_cmphex(v, ==, 0x1716);
    /* writes are shifted into place, without reading first */
    g_string_truncate(calls, 0);
    g_assert_cmpuint(memory_region_dispatch_write(&r->a, 7, 0xab, 1, ATTRS),
                     ==, MEMTX_OK);
    g_assert_cmpstr(calls->str, ==, "w@4=0xab000000/4 ");
    regions_free(r);
}

static void test_dispatch_checks(void)
{
    Regions *r = regions_new(0x10000);
    uint64_t v = 1;

    memory_region_init_io(&r->a, owner, &ops_default, NULL, "dev", 0x100);
    /* unaligned */
    g_assert_cmpuint(memory_region_dispatch_read(&r->a, 2, &v, 4, ATTRS), ==,
                     MEMTX_DECODE_ERROR);
    g_assert_cmphex(v, ==, 0);
    /* wider than valid (default 4) */
    g_assert_cmpuint(memory_region_dispatch_write(&r->a, 8, 0, 8, ATTRS), ==,
                     MEMTX_DECODE_ERROR);
    /* past the end */
    g_assert_cmpuint(memory_region_dispatch_read(&r->a, 0x100, &v, 4, ATTRS),
                     ==, MEMTX_DECODE_ERROR);
    g_assert_cmpuint(memory_region_dispatch_read(&r->a, 0, &v, 3, ATTRS), ==,
                     MEMTX_DECODE_ERROR);
    g_assert_cmpstr(calls->str, ==, "");
    g_assert_cmpuint(memory_region_dispatch_read(&r->a, 4, &v, 2, ATTRS), ==,
                     MEMTX_OK);
    g_assert_cmpstr(calls->str, ==, "r@4/2 ");

    /* accepted unaligned, passed as it is */
    memory_region_init_io(&r->b, owner, &ops_unaligned, NULL, "un", 0x100);
    g_string_truncate(calls, 0);
    g_assert_cmpuint(memory_region_dispatch_read(&r->b, 2, &v, 4, ATTRS), ==,
                     MEMTX_OK);
    g_assert_cmphex(v, ==, 0x15141312);
    g_assert_cmpstr(calls->str, ==, "r@2/4 ");

    /* _with_attrs wins, and its result is passed on */
    memory_region_init_io(&r->c, owner, &ops_attrs, NULL, "attrs", 0x100);
    g_string_truncate(calls, 0);
    g_assert_cmpuint(memory_region_dispatch_read(&r->c, 4, &v, 4, ATTRS), ==,
                     MEMTX_OK);
    g_assert_cmphex(v, ==, 0xab);
    g_assert_cmpuint(memory_region_dispatch_read(&r->c, 0x10, &v, 4, ATTRS),
                     ==, MEMTX_ERROR);
    g_assert_cmpstr(calls->str, ==, "ra@4/4 ra@10/4 ");

    /* a big-endian device: values swapped, the high half at the low end */
    memory_region_init_io(&r->d, owner, &ops_big, NULL, "be", 0x100);
    g_string_truncate(calls, 0);
    g_assert_cmpuint(memory_region_dispatch_read(&r->d, 0, &v, 4, ATTRS), ==,
                     MEMTX_OK);
    g_assert_cmphex(v, ==, 0x10111213);
    g_assert_cmpuint(memory_region_dispatch_write(&r->d, 8,
                                                  0x1122334455667788ULL, 8,
                                                  ATTRS), ==, MEMTX_OK);
    g_assert_cmpstr(calls->str, ==,
                    "r@0/4 w@8=0x88776655/4 w@c=0x44332211/4 ");
    regions_free(r);
}

static void test_rom(void)
{
    Regions *r = regions_new(0x10000);
    uint8_t data[4] = { 1, 2, 3, 4 };
    uint64_t v;

    memory_region_init_rom(&r->a, owner, "rom", 0x100, &error_abort);
    memory_region_init_io(&r->b, owner, &ops_default, NULL, "dev", 0x100);
    memory_region_add_subregion(&r->root, 0x1000, &r->a);
    memory_region_add_subregion(&r->root, 0x1100, &r->b);
    assert_flat(&r->as, "1000-10ff rom@0 p0 ro; 1100-11ff dev@0 p0; ");
    g_assert_cmpuint(address_space_store(&r->as, 0x1000, 4, 0x12345678,
                                         ATTRS), ==, MEMTX_OK);
    g_assert_cmpuint(address_space_write(&r->as, 0x1004, ATTRS, data, 4), ==,
                     MEMTX_OK);
    g_assert_cmpuint(address_space_load(&r->as, 0x1000, 8, &v, ATTRS), ==,
                     MEMTX_OK);
    g_assert_cmphex(v, ==, 0);
    g_assert_true(address_space_write_rom(&r->as, 0x1002, data, 4));
    g_assert_cmpuint(address_space_load(&r->as, 0x1000, 8, &v, ATTRS), ==,
                     MEMTX_OK);
    g_assert_cmphex(v, ==, 0x0000040302010000ULL);
    /* I/O is skipped by the loader */
    g_assert_false(address_space_write_rom(&r->as, 0x10fe, data, 4));
    g_assert_cmpstr(calls->str, ==, "");
    g_assert_cmpuint(address_space_load(&r->as, 0x10fc, 4, &v, ATTRS), ==,
                     MEMTX_OK);
    g_assert_cmphex(v, ==, 0x02010000);
    g_assert_true(memory_region_is_rom(&r->a));
    g_assert_true(memory_region_is_ram(&r->a));
    g_assert_false(memory_region_is_ram(&r->b));
    regions_free(r);
}

static void test_ram_access(void)
{
    Regions *r = regions_new(0x10000);
    uint8_t *p;
    uint64_t v;
    uint8_t buf[6];

    memory_region_init_ram(&r->a, owner, "r1", 0x100, &error_abort);
    memory_region_init_ram(&r->b, owner, "r2", 0x100, &error_abort);
    memory_region_add_subregion(&r->root, 0, &r->a);
    memory_region_add_subregion(&r->root, 0x100, &r->b);
    g_assert_cmpuint(address_space_store(&r->as, 0x10, 4, 0xa1b2c3d4,
                                         ATTRS), ==, MEMTX_OK);
    p = memory_region_get_ram_ptr(&r->a);
    g_assert_cmphex(p[0x10], ==, 0xd4);
    g_assert_cmphex(p[0x13], ==, 0xa1);
    /* straddling the two regions */
    g_assert_cmpuint(address_space_store(&r->as, 0xfe, 4, 0x44332211,
                                         ATTRS), ==, MEMTX_OK);
    g_assert_cmphex(p[0xff], ==, 0x22);
    g_assert_cmphex(((uint8_t *)memory_region_get_ram_ptr(&r->b))[0], ==,
                    0x33);
    g_assert_cmpuint(address_space_load(&r->as, 0xfe, 4, &v, ATTRS), ==,
                     MEMTX_OK);
    g_assert_cmphex(v, ==, 0x44332211);
    g_assert_cmpuint(address_space_read(&r->as, 0xfd, ATTRS, buf, 6), ==,
                     MEMTX_OK);
    g_assert_cmphex(buf[1], ==, 0x11);
    g_assert_cmphex(buf[4], ==, 0x44);
    g_assert_cmpuint(address_space_load(&r->as, 0, 3, &v, ATTRS), ==,
                     MEMTX_DECODE_ERROR);
    regions_free(r);
}

static void test_io_access(void)
{
    Regions *r = regions_new(0x10000);
    uint8_t buf[8] = { 0xa0, 0xa1, 0xa2, 0xa3, 0xa4, 0xa5, 0xa6, 0xa7 };

    memory_region_init_io(&r->a, owner, &ops_default, NULL, "dev", 0x100);
    memory_region_add_subregion(&r->root, 0x1000, &r->a);
    /* cut into the largest aligned accesses the device takes */
    g_assert_cmpuint(address_space_write(&r->as, 0x1002, ATTRS, buf, 8), ==,
                     MEMTX_OK);
    g_assert_cmpstr(calls->str, ==,
                    "w@2=0xa1a0/2 w@4=0xa5a4a3a2/4 w@8=0xa7a6/2 ");
    g_string_truncate(calls, 0);
    g_assert_cmpuint(address_space_read(&r->as, 0x1001, ATTRS, buf, 3), ==,
                     MEMTX_OK);
    g_assert_cmpstr(calls->str, ==, "r@1/1 r@2/2 ");
    g_assert_cmphex(buf[0], ==, 0x11);
    g_assert_cmphex(buf[2], ==, 0x13);
    regions_free(r);
}

static void test_transaction(void)
{
    Regions *r = regions_new(0x10000);
    unsigned int gen = memory_map_generation();

    memory_region_init_io(&r->a, owner, &ops_default, NULL, "a", 0x100);
    memory_region_init_io(&r->b, owner, &ops_default, NULL, "b", 0x100);
    g_assert_cmpuint(memory_map_generation(), ==, gen);
    memory_region_transaction_begin();
    memory_region_add_subregion(&r->root, 0, &r->a);
    memory_region_transaction_begin();
    memory_region_add_subregion(&r->root, 0x100, &r->b);
    memory_region_transaction_commit();
    memory_region_set_address(&r->a, 0x200);
    /* nothing is rendered until the outer commit */
    assert_flat(&r->as, "");
    g_assert_cmpuint(memory_map_generation(), ==, gen);
    memory_region_transaction_commit();
    g_assert_cmpuint(memory_map_generation(), ==, gen + 1);
    assert_flat(&r->as, "100-1ff b@0 p0; 200-2ff a@0 p0; ");
    /* an empty transaction changes nothing */
    memory_region_transaction_begin();
    memory_region_transaction_commit();
    g_assert_cmpuint(memory_map_generation(), ==, gen + 1);
    regions_free(r);
}

static void test_del_and_move(void)
{
    Regions *r = regions_new(0x10000);

    memory_region_init_io(&r->a, owner, &ops_default, NULL, "a", 0x100);
    memory_region_add_subregion_overlap(&r->root, 0x400, &r->a, 2);
    g_assert_true(memory_region_is_mapped(&r->a));
    g_assert(memory_region_get_container(&r->a) == &r->root);
    memory_region_set_address(&r->a, 0x800);
    g_assert_cmphex(memory_region_get_address(&r->a), ==, 0x800);
    g_assert_cmpint(memory_region_get_priority(&r->a), ==, 2);
    assert_flat(&r->as, "800-8ff a@0 p2; ");
    memory_region_del_subregion(&r->root, &r->a);
    g_assert_false(memory_region_is_mapped(&r->a));
    g_assert_null(memory_region_get_container(&r->a));
    assert_flat(&r->as, "");
    /* a region may go away while mapped: it leaves the map */
    memory_region_add_subregion(&r->root, 0x400, &r->a);
    memory_region_destroy(&r->a);
    assert_flat(&r->as, "");
    regions_free(r);
}

static void test_qom(void)
{
    Regions *r = regions_new(0x10000);
    JsonNode *node;
    char *path;

    memory_region_init_io(&r->a, owner, &ops_default, NULL, "dev", 0x100);
    memory_region_init_io(&r->b, owner, &ops_default, NULL, "dev", 0x100);
    memory_region_init_io(&r->c, owner, &ops_default, NULL, "a/b[0]:c",
                          0x10);
    memory_region_init_io(&r->d, NULL, &ops_default, NULL, "orphan", 0x10);
    path = object_get_canonical_path(OBJECT(&r->a));
    g_assert_cmpstr(path, ==, "/dev0/dev[0]");
    g_free(path);
    path = object_get_canonical_path(OBJECT(&r->b));
    g_assert_cmpstr(path, ==, "/dev0/dev[1]");
    g_free(path);
    path = object_get_canonical_path(OBJECT(&r->c));
    g_assert_cmpstr(path, ==, "/dev0/a\\x2fb\\x5b0]\\x3ac[0]");
    g_free(path);
    g_assert_cmpstr(memory_region_name(&r->c), ==, "a/b[0]:c");
    path = object_get_canonical_path(OBJECT(&r->d));
    g_assert_cmpstr(path, ==, "/machine/unattached/orphan[0]");
    g_free(path);
    g_assert(memory_region_owner(&r->a) == owner);
    g_assert_null(memory_region_owner(&r->d));

    memory_region_add_subregion_overlap(&r->root, 0x400, &r->a, -5);
    g_assert_cmpuint(object_property_get_uint(OBJECT(&r->a), "addr",
                                              &error_abort), ==, 0x400);
    g_assert_cmpint(object_property_get_int(OBJECT(&r->a), "priority",
                                            &error_abort), ==, -5);
    g_assert_cmpuint(object_property_get_uint(OBJECT(&r->a), "size",
                                              &error_abort), ==, 0x100);
    g_assert_cmpstr(object_property_get_type(OBJECT(&r->a), "container",
                                             &error_abort), ==,
                    "link<memory-region>");
    node = object_property_get(OBJECT(&r->a), "container", &error_abort);
    g_assert_cmpstr(json_node_get_string(node), ==, "/dev0/root[0]");
    json_node_unref(node);
    g_assert(object_resolve_path("/dev0/dev[0]/container", NULL) ==
             OBJECT(&r->root));
    node = object_property_get(OBJECT(&r->b), "container", &error_abort);
    g_assert_cmpstr(json_node_get_string(node), ==, "");
    json_node_unref(node);
    g_assert_false(object_property_set_uint(OBJECT(&r->a), "addr", 0,
                                            NULL));
    memory_region_destroy(&r->d);
    regions_free(r);
}

static void test_ram_too_big(void)
{
    MemoryRegion mr;
    Error *err = NULL;

#ifdef __SANITIZE_ADDRESS__
    /* ASan aborts on such a request instead of failing it */
    g_test_skip("AddressSanitizer");
    return;
#endif
    if (sizeof(size_t) < 8) {
        g_test_skip("32-bit host");
        return;
    }
    g_assert_false(memory_region_init_ram(&mr, NULL, "huge",
                                          UINT64_C(1) << 62, &err));
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "cannot set up guest memory 'huge': "
                    "Cannot allocate memory");
    error_free(err);
}

static char *mtree(bool f, bool o, bool d)
{
    GString *buf = g_string_new(NULL);

    mtree_info(buf, f, o, d);
    return g_string_free(buf, FALSE);
}

#define assert_mtree(f, o, d, expected)                                    \
    do {                                                                   \
        char *t_ = mtree(f, o, d);                                         \
        g_assert_cmpstr(t_, ==, (expected));                               \
        g_free(t_);                                                        \
    } while (0)

static void test_mtree(void)
{
    Regions *r = regions_new(0x10000);
    AddressSpace cpu_as;

    memory_region_init_ram(&r->a, owner, "ram", 0x1000, &error_abort);
    memory_region_init_io(&r->b, owner, &ops_default, NULL, "uart", 0x100);
    memory_region_init_alias(&r->c, owner, "ram-hi", &r->a, 0x800, 0x800);
    memory_region_init_io(&r->d, NULL, &ops_default, NULL, "off", 0x10);
    memory_region_add_subregion(&r->root, 0x2000, &r->b);
    memory_region_add_subregion(&r->root, 0x1000, &r->a);
    memory_region_add_subregion_overlap(&r->root, 0x1000, &r->c, 1);
    memory_region_add_subregion(&r->root, 0x3000, &r->d);
    memory_region_set_enabled(&r->d, false);
    address_space_init(&cpu_as, &r->root, "cpu-memory-0");

    /* an alias's target is printed again on its own, as QEMU does */
    assert_mtree(false, false, false,
                 "address-space: cpu-memory-0\n"
                 "address-space: test\n"
                 "  0000000000000000-000000000000ffff (prio 0, i/o): root\n"
                 "    0000000000001000-00000000000017ff (prio 1, ram): "
                 "alias ram-hi @ram 0000000000000800-0000000000000fff\n"
                 "    0000000000001000-0000000000001fff (prio 0, ram): ram\n"
                 "    0000000000002000-00000000000020ff (prio 0, i/o): "
                 "uart\n"
                 "\n"
                 "memory-region: ram\n"
                 "  0000000000001000-0000000000001fff (prio 0, ram): ram\n"
                 "\n");
    assert_mtree(false, true, true,
                 "address-space: cpu-memory-0\n"
                 "address-space: test\n"
                 "  0000000000000000-000000000000ffff (prio 0, i/o): root "
                 "owner:{obj path=/dev0}\n"
                 "    0000000000001000-00000000000017ff (prio 1, ram): "
                 "alias ram-hi @ram 0000000000000800-0000000000000fff "
                 "owner:{obj path=/dev0}\n"
                 "    0000000000001000-0000000000001fff (prio 0, ram): ram "
                 "owner:{obj path=/dev0}\n"
                 "    0000000000002000-00000000000020ff (prio 0, i/o): "
                 "uart owner:{obj path=/dev0}\n"
                 "    0000000000003000-000000000000300f (prio 0, i/o): "
                 "off [disabled] parent:{obj path=/machine/unattached}\n"
                 "\n"
                 "memory-region: ram\n"
                 "  0000000000001000-0000000000001fff (prio 0, ram): ram "
                 "owner:{obj path=/dev0}\n"
                 "\n");
    assert_mtree(true, false, false,
                 "FlatView #0\n"
                 " AS \"test\", root: root\n"
                 " AS \"cpu-memory-0\", root: root\n"
                 " Root memory region: root\n"
                 "  0000000000001000-00000000000017ff (prio 0, ram): ram "
                 "@0000000000000800\n"
                 "  0000000000001800-0000000000001fff (prio 0, ram): ram "
                 "@0000000000000800\n"
                 "  0000000000002000-00000000000020ff (prio 0, i/o): uart\n"
                 "\n");
    address_space_destroy(&cpu_as);
    memory_region_destroy(&r->d);
    regions_free(r);
}

static void test_mtree_empty(void)
{
    Regions *r = regions_new(0x10000);

    assert_mtree(true, false, false,
                 "FlatView #0\n"
                 " AS \"test\", root: root\n"
                 " Root memory region: (none)\n"
                 "  No rendered FlatView\n"
                 "\n");
    regions_free(r);
}

/* What -M none has, byte for byte as QEMU 7.2 prints it. */
static void test_system_memory(void)
{
    char *path;

    memory_map_init();
    path = object_get_canonical_path(OBJECT(get_system_memory()));
    g_assert_cmpstr(path, ==, "/machine/unattached/system[0]");
    g_free(path);
    path = object_get_canonical_path(OBJECT(get_system_io()));
    g_assert_cmpstr(path, ==, "/machine/unattached/io[0]");
    g_free(path);
    g_assert_cmpuint(memory_region_size(get_system_memory()), ==,
                     UINT64_MAX);
    assert_mtree(false, false, false,
                 "address-space: memory\n"
                 "  0000000000000000-ffffffffffffffff (prio 0, i/o): system\n"
                 "\n"
                 "address-space: I/O\n"
                 "  0000000000000000-000000000000ffff (prio 0, i/o): io\n"
                 "\n");
    assert_mtree(false, true, false,
                 "address-space: memory\n"
                 "  0000000000000000-ffffffffffffffff (prio 0, i/o): system "
                 "parent:{obj path=/machine/unattached}\n"
                 "\n"
                 "address-space: I/O\n"
                 "  0000000000000000-000000000000ffff (prio 0, i/o): io "
                 "parent:{obj path=/machine/unattached}\n"
                 "\n");
    assert_mtree(true, false, false,
                 "FlatView #0\n"
                 " AS \"memory\", root: system\n"
                 " Root memory region: (none)\n"
                 "  No rendered FlatView\n"
                 "\n"
                 "FlatView #1\n"
                 " AS \"I/O\", root: io\n"
                 " Root memory region: io\n"
                 "  0000000000000000-000000000000ffff (prio 0, i/o): io\n"
                 "\n");
    memory_map_cleanup();
    g_assert_null(get_system_memory());
    g_assert_null(object_resolve_path("/machine/unattached/system[0]",
                                      NULL));
}

/* A RAM region mapped at the top of the 64-bit space. */
static void test_top_of_space(void)
{
    Regions *r = regions_new(UINT64_MAX);
    hwaddr xlat, len = UINT64_MAX;
    uint64_t v;

    memory_region_init_ram(&r->a, owner, "top", 0x1000, &error_abort);
    memory_region_add_subregion(&r->root, UINT64_MAX - 0xfff, &r->a);
    assert_flat(&r->as, "fffffffffffff000-ffffffffffffffff top@0 p0; ");
    g_assert(address_space_translate(&r->as, UINT64_MAX, &xlat, &len) ==
             &r->a);
    g_assert_cmphex(xlat, ==, 0xfff);
    g_assert_cmphex(len, ==, 1);
    /* wraps around into the hole at 0 */
    g_assert_cmpuint(address_space_load(&r->as, UINT64_MAX - 1, 4, &v,
                                        ATTRS), ==, MEMTX_DECODE_ERROR);
    regions_free(r);
}

int main(int argc, char **argv)
{
    int ret;

    calls = g_string_new(NULL);
    module_call_init(MODULE_INIT_QOM);
    container_get(object_get_root(), "/machine/unattached");
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/memory/flat/priority", test_priority);
    g_test_add_func("/memory/flat/equal-priority", test_equal_priority);
    g_test_add_func("/memory/flat/alias", test_alias);
    g_test_add_func("/memory/flat/alias-container", test_alias_container);
    g_test_add_func("/memory/flat/container-clip", test_container_clip);
    g_test_add_func("/memory/flat/disabled", test_disabled);
    g_test_add_func("/memory/flat/hole", test_hole);
    g_test_add_func("/memory/flat/top-of-space", test_top_of_space);
    g_test_add_func("/memory/dispatch/split", test_dispatch_split);
    g_test_add_func("/memory/dispatch/widen", test_dispatch_widen);
    g_test_add_func("/memory/dispatch/checks", test_dispatch_checks);
    g_test_add_func("/memory/access/rom", test_rom);
    g_test_add_func("/memory/access/ram", test_ram_access);
    g_test_add_func("/memory/access/io", test_io_access);
    g_test_add_func("/memory/transaction", test_transaction);
    g_test_add_func("/memory/del-and-move", test_del_and_move);
    g_test_add_func("/memory/qom", test_qom);
    g_test_add_func("/memory/ram-too-big", test_ram_too_big);
    g_test_add_func("/memory/mtree/tree", test_mtree);
    g_test_add_func("/memory/mtree/empty", test_mtree_empty);
    g_test_add_func("/memory/mtree/system", test_system_memory);
    ret = g_test_run();
    object_unparent(object_resolve_path("/machine", NULL));
    g_string_free(calls, true);
    return ret;
}
