/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Image loading (hw/core/loader.c): the ELF parser on images built in
 * memory (valid, truncated at every length, corrupt, randomly damaged),
 * and ROM blobs copied into RAM and ROM regions at reset, with zero fill,
 * lost bytes over holes and the overlap check's exact text.
 */
#include "qemu/osdep.h"
#include "exec/memory.h"
#include "hw/loader.h"
#include "qapi/error.h"
#include "qom/object.h"
#include "sysemu/runstate.h"

/* libchardev calls it (mux Ctrl-a x); nothing here uses it. */
void qemu_system_shutdown_request(ShutdownCause cause)
{
}

/* ELF images built for the tests */

typedef struct TestSeg {
    uint32_t type;
    uint64_t paddr;
    uint64_t filesz;
    uint64_t memsz;
    uint8_t fill;       /* the segment's bytes */
} TestSeg;

static void put16(GByteArray *b, size_t off, uint16_t v)
{
    b->data[off] = v;
    b->data[off + 1] = v >> 8;
}

static void put32(GByteArray *b, size_t off, uint32_t v)
{
    put16(b, off, v);
    put16(b, off + 2, v >> 16);
}

static void put64(GByteArray *b, size_t off, uint64_t v)
{
    put32(b, off, v);
    put32(b, off + 4, v >> 32);
}

/*
 * An ELF file: header, program headers, then the segments' bytes, so that
 * any strict prefix of the file cuts something it needs.
 */
static GByteArray *build_elf(bool is64, uint16_t machine, uint64_t entry,
                             const TestSeg *segs, unsigned int n)
{
    size_t ehsize = is64 ? 64 : 52, phsize = is64 ? 56 : 32;
    size_t data = ehsize + n * phsize;
    GByteArray *b = g_byte_array_new();
    unsigned int i;

    g_byte_array_set_size(b, data);
    memset(b->data, 0, data);
    memcpy(b->data, "\x7f" "ELF", 4);
    b->data[4] = is64 ? 2 : 1;
    b->data[5] = 1;
    b->data[6] = 1;
    put16(b, 16, 2);                /* ET_EXEC */
    put16(b, 18, machine);
    put32(b, 20, 1);
    if (is64) {
        put64(b, 24, entry);
        put64(b, 32, ehsize);
        put16(b, 52, ehsize);
        put16(b, 54, phsize);
        put16(b, 56, n);
    } else {
        put32(b, 24, entry);
        put32(b, 28, ehsize);
        put16(b, 40, ehsize);
        put16(b, 42, phsize);
        put16(b, 44, n);
    }
    for (i = 0; i < n; i++) {
        size_t ph = ehsize + i * phsize;
        size_t off = b->len;

        g_byte_array_set_size(b, off + segs[i].filesz);
        memset(b->data + off, segs[i].fill, segs[i].filesz);
        put32(b, ph, segs[i].type);
        if (is64) {
            put32(b, ph + 4, 5);
            put64(b, ph + 8, off);
            put64(b, ph + 16, segs[i].paddr);
            put64(b, ph + 24, segs[i].paddr);
            put64(b, ph + 32, segs[i].filesz);
            put64(b, ph + 40, segs[i].memsz);
        } else {
            put32(b, ph + 4, off);
            put32(b, ph + 8, segs[i].paddr);
            put32(b, ph + 12, segs[i].paddr);
            put32(b, ph + 16, segs[i].filesz);
            put32(b, ph + 20, segs[i].memsz);
            put32(b, ph + 24, 5);
        }
    }
    return b;
}

static const TestSeg std_segs[] = {
    { 1, 0x80000000, 16, 32, 0xaa },      /* text + bss */
    { 4, 0, 4, 4, 0x11 },                 /* PT_NOTE: ignored */
    { 1, 0x80001000, 0, 0, 0 },           /* empty PT_LOAD: skipped */
    { 1, 0x80002000, 8, 8, 0xbb },
};

static GByteArray *std_elf(bool is64)
{
    return build_elf(is64, EM_RISCV, 0x80000004, std_segs,
                     G_N_ELEMENTS(std_segs));
}

/* Parse a copy of exactly @len bytes, so ASan catches any over-read. */
static int parse_exact(const uint8_t *buf, size_t len, uint16_t machine,
                       ElfInfo *info)
{
    g_autofree uint8_t *copy = g_memdup2(buf, len);

    return elf_parse(copy, len, machine, info);
}

static void check_std_info(const ElfInfo *info, bool is64)
{
    g_assert_true(info->is64 == is64);
    g_assert_cmpuint(info->machine, ==, EM_RISCV);
    g_assert_cmphex(info->entry, ==, 0x80000004);
    g_assert_cmpuint(info->nsegs, ==, 2);
    g_assert_cmpuint(info->segs[0].index, ==, 0);
    g_assert_cmphex(info->segs[0].paddr, ==, 0x80000000);
    g_assert_cmpuint(info->segs[0].filesz, ==, 16);
    g_assert_cmpuint(info->segs[0].memsz, ==, 32);
    g_assert_cmpuint(info->segs[1].index, ==, 3);
    g_assert_cmphex(info->segs[1].paddr, ==, 0x80002000);
    g_assert_cmpuint(info->segs[1].filesz, ==, 8);
    g_assert_cmpuint(info->segs[1].memsz, ==, 8);
}

static void test_elf_parse32(void)
{
    g_autoptr(GByteArray) b = std_elf(false);
    ElfInfo info;

    g_assert_cmpint(parse_exact(b->data, b->len, EM_RISCV, &info), ==, 0);
    check_std_info(&info, false);
    g_assert_cmpuint(b->data[info.segs[0].offset], ==, 0xaa);
    g_assert_cmpuint(b->data[info.segs[1].offset], ==, 0xbb);
    elf_info_free(&info);
    g_assert_null(info.segs);
}

static void test_elf_parse64(void)
{
    g_autoptr(GByteArray) b = std_elf(true);
    ElfInfo info;

    g_assert_cmpint(parse_exact(b->data, b->len, EM_RISCV, &info), ==, 0);
    check_std_info(&info, true);
    elf_info_free(&info);
}

static void test_elf_no_segments(void)
{
    g_autoptr(GByteArray) b = build_elf(false, EM_RISCV, 0x1234, NULL, 0);
    ElfInfo info;

    g_assert_cmpint(parse_exact(b->data, b->len, 0, &info), ==, 0);
    g_assert_cmpuint(info.nsegs, ==, 0);
    g_assert_cmphex(info.entry, ==, 0x1234);
    elf_info_free(&info);
}

static void test_elf_not_elf(void)
{
    static const char text[] = "hello, world, this is not an ELF file";
    ElfInfo info;

    g_assert_cmpint(parse_exact((const uint8_t *)text, sizeof(text), 0,
                                &info), ==, ELF_LOAD_NOT_ELF);
    g_assert_cmpint(parse_exact((const uint8_t *)"\x7f" "EL", 3, 0, &info),
                    ==, ELF_LOAD_NOT_ELF);
    g_assert_cmpint(elf_parse((const uint8_t *)"", 0, 0, &info), ==,
                    ELF_LOAD_NOT_ELF);
}

static void test_elf_wrong_arch(void)
{
    g_autoptr(GByteArray) b = build_elf(false, 62, 0, std_segs, 1);
    ElfInfo info;

    g_assert_cmpint(parse_exact(b->data, b->len, EM_RISCV, &info), ==,
                    ELF_LOAD_WRONG_ARCH);
    /* 0 accepts any machine */
    g_assert_cmpint(parse_exact(b->data, b->len, 0, &info), ==, 0);
    g_assert_cmpuint(info.machine, ==, 62);
    elf_info_free(&info);
}

static void test_elf_wrong_endian(void)
{
    g_autoptr(GByteArray) b = std_elf(false);
    ElfInfo info;

    b->data[5] = 2;     /* ELFDATA2MSB */
    g_assert_cmpint(parse_exact(b->data, b->len, EM_RISCV, &info), ==,
                    ELF_LOAD_WRONG_ENDIAN);
}

/* Every strict prefix of a valid file fails cleanly. */
static void test_elf_truncated(void)
{
    int is64;

    for (is64 = 0; is64 <= 1; is64++) {
        g_autoptr(GByteArray) b = std_elf(is64);
        size_t len;

        for (len = 0; len < b->len; len++) {
            ElfInfo info;
            int ret = parse_exact(b->data, len, EM_RISCV, &info);

            g_assert_cmpint(ret, <, 0);
            g_assert_null(info.segs);
            g_assert_cmpint(ret, ==, len < 16 ? ELF_LOAD_NOT_ELF
                                             : ELF_LOAD_FAILED);
        }
    }
}

static void test_elf_corrupt(void)
{
    const size_t ph0 = 52;
    ElfInfo info;
    struct {
        size_t off;
        uint32_t val;
        int width;
        int expect;
    } cases[] = {
        { 4, 3, 1, ELF_LOAD_FAILED },             /* class 3 */
        { 16, 1, 2, ELF_LOAD_FAILED },            /* ET_REL */
        { 28, 0xfffffff0, 4, ELF_LOAD_FAILED },   /* phoff */
        { 42, 40, 2, ELF_LOAD_FAILED },           /* phentsize */
        { 44, 0xffff, 2, ELF_LOAD_FAILED },       /* phnum */
        { ph0 + 4, 0xffffffff, 4, ELF_LOAD_FAILED },  /* p_offset */
        { ph0 + 16, 0xffffffff, 4, ELF_LOAD_FAILED }, /* p_filesz */
        { ph0 + 20, 8, 4, ELF_LOAD_FAILED },      /* memsz < filesz */
        { ph0 + 12, 0xfffffff0, 4, ELF_LOAD_TOO_BIG }, /* past 4 GiB */
        { ph0 + 20, 0x80000001, 4, ELF_LOAD_TOO_BIG },
    };
    size_t i;

    for (i = 0; i < G_N_ELEMENTS(cases); i++) {
        g_autoptr(GByteArray) b = std_elf(false);

        if (cases[i].width == 1) {
            b->data[cases[i].off] = cases[i].val;
        } else if (cases[i].width == 2) {
            put16(b, cases[i].off, cases[i].val);
        } else {
            put32(b, cases[i].off, cases[i].val);
        }
        g_assert_cmpint(parse_exact(b->data, b->len, EM_RISCV, &info), ==,
                        cases[i].expect);
        g_assert_null(info.segs);
    }

    /* the last byte of the 32-bit space is fine */
    {
        TestSeg top = { 1, 0xfffffff0, 4, 16, 0x55 };
        g_autoptr(GByteArray) b = build_elf(false, EM_RISCV, 0, &top, 1);

        g_assert_cmpint(parse_exact(b->data, b->len, 0, &info), ==, 0);
        elf_info_free(&info);
    }
}

/* Random damage never crashes, and what parses stays inside the file. */
static void test_elf_fuzz(void)
{
    int is64, round;

    for (is64 = 0; is64 <= 1; is64++) {
        g_autoptr(GByteArray) orig = std_elf(is64);

        for (round = 0; round < 2000; round++) {
            g_autofree uint8_t *copy = g_memdup2(orig->data, orig->len);
            int flips = g_test_rand_int_range(1, 8), j;
            ElfInfo info;
            unsigned int k;

            for (j = 0; j < flips; j++) {
                copy[g_test_rand_int_range(0, orig->len)] =
                    g_test_rand_int_range(0, 256);
            }
            if (elf_parse(copy, orig->len, 0, &info) < 0) {
                g_assert_null(info.segs);
                continue;
            }
            for (k = 0; k < info.nsegs; k++) {
                g_assert_cmpuint(info.segs[k].offset, <=, orig->len);
                g_assert_cmpuint(info.segs[k].filesz, <=,
                                 orig->len - info.segs[k].offset);
                g_assert_cmpuint(info.segs[k].filesz, <=,
                                 info.segs[k].memsz);
            }
            elf_info_free(&info);
        }
    }
}

static void test_elf_strerror(void)
{
    g_assert_cmpstr(load_elf_strerror(0), ==, "No error");
    g_assert_cmpstr(load_elf_strerror(ELF_LOAD_FAILED), ==,
                    "Failed to load ELF");
    g_assert_cmpstr(load_elf_strerror(ELF_LOAD_NOT_ELF), ==,
                    "The image is not ELF");
    g_assert_cmpstr(load_elf_strerror(ELF_LOAD_WRONG_ARCH), ==,
                    "The image is from incompatible architecture");
    g_assert_cmpstr(load_elf_strerror(ELF_LOAD_WRONG_ENDIAN), ==,
                    "The image has incorrect endianness");
    g_assert_cmpstr(load_elf_strerror(ELF_LOAD_TOO_BIG), ==,
                    "The image segments are too big to load");
    g_assert_cmpstr(load_elf_strerror(-42), ==, "Unknown error");
}

/* Files */

static char *write_temp(const void *data, size_t len)
{
    GError *gerr = NULL;
    char *path;
    int fd = g_file_open_tmp("test-loader-XXXXXX", &path, &gerr);

    g_assert_no_error(gerr);
    close(fd);
    g_assert_true(g_file_set_contents(path, data, len, &gerr));
    g_assert_no_error(gerr);
    return path;
}

typedef struct BlobList {
    GString *text;
} BlobList;

static void list_blob(const char *name, AddressSpace *as, hwaddr addr,
                      uint64_t romsize, const void *owner, void *opaque)
{
    GString *s = opaque;

    g_string_append_printf(s, "%s@%s:0x%" PRIx64 "+0x%" PRIx64 ";",
                           name, as->name, addr, romsize);
}

static char *list_blobs(void)
{
    GString *s = g_string_new("");

    rom_foreach(list_blob, s);
    return g_string_free(s, false);
}

/* A test machine: a root container with RAM at 0x1000 and ROM at 0x3000 */

typedef struct TestMem {
    Object *owner;
    MemoryRegion root, ram, rom;
    AddressSpace as;
} TestMem;

static void test_mem_init(TestMem *m)
{
    m->owner = object_new(TYPE_CONTAINER);
    memory_region_init(&m->root, m->owner, "root", UINT64_MAX);
    g_assert_true(memory_region_init_ram(&m->ram, m->owner, "ram", 0x1000,
                                         &error_abort));
    g_assert_true(memory_region_init_rom(&m->rom, m->owner, "rom", 0x1000,
                                         &error_abort));
    memory_region_add_subregion(&m->root, 0x1000, &m->ram);
    memory_region_add_subregion(&m->root, 0x3000, &m->rom);
    address_space_init(&m->as, &m->root, "test");
    memset(memory_region_get_ram_ptr(&m->ram), 0xff, 0x1000);
}

static void test_mem_cleanup(TestMem *m)
{
    rom_delete(NULL);
    address_space_destroy(&m->as);
    memory_region_del_subregion(&m->root, &m->ram);
    memory_region_del_subregion(&m->root, &m->rom);
    object_unparent(OBJECT(&m->ram));
    object_unparent(OBJECT(&m->rom));
    object_unparent(OBJECT(&m->root));
    object_unref(m->owner);
}

static void test_rom_elf(void)
{
    static const TestSeg segs[] = {
        { 1, 0x1100, 16, 32, 0xaa },      /* RAM, with 16 bytes of bss */
        { 1, 0x3010, 8, 8, 0xbb },        /* ROM */
        { 1, 0x1ff8, 16, 16, 0xcc },      /* half in RAM, half in a hole */
    };
    g_autoptr(GByteArray) b = build_elf(false, EM_RISCV, 0x1100, segs, 3);
    g_autofree char *path = write_temp(b->data, b->len);
    g_autofree char *list = NULL, *expect = NULL;
    uint8_t *ram, *rom;
    uint64_t entry = 0;
    int owner;
    TestMem m;
    int i;

    test_mem_init(&m);
    ram = memory_region_get_ram_ptr(&m.ram);
    rom = memory_region_get_ram_ptr(&m.rom);
    g_assert_cmpint(load_elf_as(path, EM_RISCV, &entry, &m.as, &owner), ==,
                    32 + 8 + 16);
    g_assert_cmphex(entry, ==, 0x1100);
    list = list_blobs();
    expect = g_strdup_printf(
        "%s ELF program header segment 0@test:0x1100+0x20;"
        "%s ELF program header segment 1@test:0x3010+0x8;"
        "%s ELF program header segment 2@test:0x1ff8+0x10;",
        path, path, path);
    g_assert_cmpstr(list, ==, expect);

    /* nothing is written before reset */
    g_assert_cmpuint(ram[0x100], ==, 0xff);
    rom_reset(&owner);
    for (i = 0; i < 16; i++) {
        g_assert_cmpuint(ram[0x100 + i], ==, 0xaa);
        g_assert_cmpuint(ram[0x110 + i], ==, 0);
    }
    g_assert_cmpuint(ram[0x120], ==, 0xff);
    g_assert_cmpuint(rom[0x10], ==, 0xbb);
    g_assert_cmpuint(rom[0x17], ==, 0xbb);
    g_assert_cmpuint(rom[0x18], ==, 0);
    g_assert_cmpuint(ram[0xff8], ==, 0xcc);
    g_assert_cmpuint(ram[0xfff], ==, 0xcc);

    /* every reset copies again; other owners' reset does not */
    memset(ram + 0x100, 0x77, 0x20);
    rom_reset(&i);
    g_assert_cmpuint(ram[0x100], ==, 0x77);
    rom_reset(NULL);
    g_assert_cmpuint(ram[0x100], ==, 0xaa);
    g_assert_cmpuint(ram[0x110], ==, 0);

    rom_delete(&i);
    list = (g_free(list), list_blobs());
    g_assert_cmpstr(list, ==, expect);
    rom_delete(&owner);
    list = (g_free(list), list_blobs());
    g_assert_cmpstr(list, ==, "");
    unlink(path);
    test_mem_cleanup(&m);
}

static void test_rom_elf_errors(void)
{
    g_autoptr(GByteArray) b = std_elf(false);
    g_autofree char *path = NULL, *list = NULL;
    uint64_t entry = 7;

    g_assert_cmpint(load_elf_as("/nonexistent/file.elf", 0, &entry, NULL,
                                NULL), ==, ELF_LOAD_FAILED);
    b->len -= 1;
    path = write_temp(b->data, b->len);
    g_assert_cmpint(load_elf_as(path, EM_RISCV, &entry, NULL, NULL), ==,
                    ELF_LOAD_FAILED);
    g_assert_cmpuint(entry, ==, 7);
    list = list_blobs();
    g_assert_cmpstr(list, ==, "");
    unlink(path);
}

static void test_rom_raw(void)
{
    static const uint8_t img[6] = { 1, 2, 3, 4, 5, 6 };
    g_autofree char *path = write_temp(img, sizeof(img));
    g_autofree char *list = NULL, *expect = NULL;
    uint8_t *ram;
    TestMem m;

    test_mem_init(&m);
    ram = memory_region_get_ram_ptr(&m.ram);
    g_assert_cmpint(get_image_size(path), ==, 6);
    g_assert_cmpint(get_image_size("/nonexistent"), ==, -1);
    g_assert_cmpint(load_image_targphys_as(path, 0x1000, 5, &m.as, NULL),
                    ==, -1);
    g_assert_cmpint(load_image_targphys_as("/nonexistent", 0x1000,
                                           UINT64_MAX, &m.as, NULL), ==, -1);
    g_assert_cmpint(load_image_targphys_as(path, 0x1ffd, UINT64_MAX, &m.as,
                                           NULL), ==, 6);
    list = list_blobs();
    expect = g_strdup_printf("%s@test:0x1ffd+0x6;", path);
    g_assert_cmpstr(list, ==, expect);
    rom_reset(NULL);
    /* the last 3 bytes fall into the hole at 0x2000 and are lost */
    g_assert_cmpuint(ram[0xffd], ==, 1);
    g_assert_cmpuint(ram[0xfff], ==, 3);
    unlink(path);
    test_mem_cleanup(&m);
}

static void test_rom_overlap(void)
{
    static const uint8_t data[16];
    Error *err = NULL;
    TestMem m;

    test_mem_init(&m);
    rom_add_blob("a", data, 16, 16, 0x1000, &m.as, NULL);
    rom_add_blob("b", data, 16, 16, 0x1010, &m.as, NULL);   /* adjacent */
    rom_add_blob("empty", data, 0, 0, 0x1008, &m.as, NULL); /* size 0 */
    rom_add_blob("other-as", data, 16, 16, 0x1000, NULL, NULL);
    g_assert_true(rom_check_overlaps(&error_abort));

    rom_add_blob("big", data, 4, 0x100, 0x1f00, &m.as, NULL);
    rom_add_blob("inner", data, 4, 4, 0x1f10, &m.as, NULL);
    rom_add_blob("late", data, 4, 4, 0x1f80, &m.as, NULL);
    g_assert_false(rom_check_overlaps(&err));
    g_assert_cmpstr(error_get_pretty(err), ==,
        "Some ROM regions are overlapping\n"
        "These ROM regions might have been loaded by direct user request "
        "or by default.\n"
        "They could be BIOS/firmware images, a guest kernel, initrd or "
        "some other file loaded into guest memory.\n"
        "Check whether you intended to load all this guest code, and "
        "whether it has been built to load to the correct addresses.\n"
        "\n"
        "The following two regions overlap (in the test address space):\n"
        "  big (addresses 0x0000000000001f00 - 0x0000000000002000)\n"
        "  inner (addresses 0x0000000000001f10 - 0x0000000000001f14)\n"
        "\n"
        "The following two regions overlap (in the test address space):\n"
        "  big (addresses 0x0000000000001f00 - 0x0000000000002000)\n"
        "  late (addresses 0x0000000000001f80 - 0x0000000000001f84)");
    error_free(err);
    test_mem_cleanup(&m);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    module_call_init(MODULE_INIT_QOM);

    g_test_add_func("/loader/elf/parse32", test_elf_parse32);
    g_test_add_func("/loader/elf/parse64", test_elf_parse64);
    g_test_add_func("/loader/elf/no-segments", test_elf_no_segments);
    g_test_add_func("/loader/elf/not-elf", test_elf_not_elf);
    g_test_add_func("/loader/elf/wrong-arch", test_elf_wrong_arch);
    g_test_add_func("/loader/elf/wrong-endian", test_elf_wrong_endian);
    g_test_add_func("/loader/elf/truncated", test_elf_truncated);
    g_test_add_func("/loader/elf/corrupt", test_elf_corrupt);
    g_test_add_func("/loader/elf/fuzz", test_elf_fuzz);
    g_test_add_func("/loader/elf/strerror", test_elf_strerror);
    g_test_add_func("/loader/rom/elf", test_rom_elf);
    g_test_add_func("/loader/rom/elf-errors", test_rom_elf_errors);
    g_test_add_func("/loader/rom/raw", test_rom_raw);
    g_test_add_func("/loader/rom/overlap", test_rom_overlap);
    return g_test_run();
}
