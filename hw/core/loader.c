/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Image loading: the ELF parser, raw images, and the list of ROM blobs
 * copied into guest memory at reset.  See include/hw/loader.h.
 */
#include "qemu/osdep.h"
#include <sys/stat.h>
#include "exec/address-spaces.h"
#include "hw/loader.h"
#include "qapi/error.h"

/* ELF constants used here */
#define EI_NIDENT       16
#define EI_CLASS        4
#define EI_DATA         5
#define ELFCLASS32      1
#define ELFCLASS64      2
#define ELFDATA2LSB     1
#define ET_EXEC         2
#define ET_DYN          3
#define PT_LOAD         1

#define EHDR32_SIZE     52
#define EHDR64_SIZE     64
#define PHDR32_SIZE     32
#define PHDR64_SIZE     56

const char *load_elf_strerror(int error)
{
    switch (error) {
    case 0:
        return "No error";
    case ELF_LOAD_FAILED:
        return "Failed to load ELF";
    case ELF_LOAD_NOT_ELF:
        return "The image is not ELF";
    case ELF_LOAD_WRONG_ARCH:
        return "The image is from incompatible architecture";
    case ELF_LOAD_WRONG_ENDIAN:
        return "The image has incorrect endianness";
    case ELF_LOAD_TOO_BIG:
        return "The image segments are too big to load";
    default:
        return "Unknown error";
    }
}

/* Little-endian field readers; the caller has checked the bounds. */
static uint16_t rd16(const uint8_t *p)
{
    return p[0] | (uint16_t)p[1] << 8;
}

static uint32_t rd32(const uint8_t *p)
{
    return rd16(p) | (uint32_t)rd16(p + 2) << 16;
}

static uint64_t rd64(const uint8_t *p)
{
    return rd32(p) | (uint64_t)rd32(p + 4) << 32;
}

/* Whether [@off, @off + @size) lies within a buffer of @len bytes. */
static bool in_bounds(uint64_t off, uint64_t size, size_t len)
{
    return off <= len && size <= len - off;
}

static int elf_parse_phdr(const uint8_t *ph, bool is64, size_t len,
                          ElfSegment *seg)
{
    uint64_t limit = is64 ? UINT64_MAX : UINT32_MAX;

    if (is64) {
        seg->offset = rd64(ph + 8);
        seg->paddr = rd64(ph + 24);
        seg->filesz = rd64(ph + 32);
        seg->memsz = rd64(ph + 40);
    } else {
        seg->offset = rd32(ph + 4);
        seg->paddr = rd32(ph + 12);
        seg->filesz = rd32(ph + 16);
        seg->memsz = rd32(ph + 20);
    }
    if (seg->filesz > seg->memsz ||
        !in_bounds(seg->offset, seg->filesz, len)) {
        return ELF_LOAD_FAILED;
    }
    /* the last byte must be addressable: paddr + memsz - 1 <= limit */
    if (seg->memsz && seg->memsz - 1 > limit - seg->paddr) {
        return ELF_LOAD_TOO_BIG;
    }
    return 0;
}

int elf_parse(const uint8_t *buf, size_t len, uint16_t elf_machine,
              ElfInfo *info)
{
    uint64_t phoff;
    unsigned int phentsize, phnum, type, i;
    bool is64;

    memset(info, 0, sizeof(*info));
    if (len < EI_NIDENT || memcmp(buf, "\x7f" "ELF", 4)) {
        return ELF_LOAD_NOT_ELF;
    }
    if (buf[EI_DATA] != ELFDATA2LSB) {
        return ELF_LOAD_WRONG_ENDIAN;
    }
    if (buf[EI_CLASS] != ELFCLASS32 && buf[EI_CLASS] != ELFCLASS64) {
        return ELF_LOAD_FAILED;
    }
    is64 = buf[EI_CLASS] == ELFCLASS64;
    if (len < (is64 ? EHDR64_SIZE : EHDR32_SIZE)) {
        return ELF_LOAD_FAILED;
    }
    type = rd16(buf + 16);
    info->is64 = is64;
    info->machine = rd16(buf + 18);
    if (elf_machine && info->machine != elf_machine) {
        return ELF_LOAD_WRONG_ARCH;
    }
    if (type != ET_EXEC && type != ET_DYN) {
        return ELF_LOAD_FAILED;
    }
    if (is64) {
        info->entry = rd64(buf + 24);
        phoff = rd64(buf + 32);
        phentsize = rd16(buf + 54);
        phnum = rd16(buf + 56);
    } else {
        info->entry = rd32(buf + 24);
        phoff = rd32(buf + 28);
        phentsize = rd16(buf + 42);
        phnum = rd16(buf + 44);
    }
    if (!phnum) {
        return 0;
    }
    if (phentsize != (is64 ? PHDR64_SIZE : PHDR32_SIZE) ||
        !in_bounds(phoff, (uint64_t)phentsize * phnum, len)) {
        return ELF_LOAD_FAILED;
    }
    info->segs = g_new0(ElfSegment, phnum);
    for (i = 0; i < phnum; i++) {
        const uint8_t *ph = buf + phoff + (uint64_t)i * phentsize;
        ElfSegment *seg = &info->segs[info->nsegs];
        int ret;

        if (rd32(ph) != PT_LOAD) {
            continue;
        }
        ret = elf_parse_phdr(ph, is64, len, seg);
        if (ret < 0) {
            elf_info_free(info);
            return ret;
        }
        if (seg->memsz) {
            seg->index = i;
            info->nsegs++;
        }
    }
    return 0;
}

void elf_info_free(ElfInfo *info)
{
    g_free(info->segs);
    info->segs = NULL;
    info->nsegs = 0;
}

ssize_t load_elf_as(const char *filename, uint16_t elf_machine,
                    uint64_t *pentry, AddressSpace *as, const void *owner)
{
    g_autofree char *buf = NULL;
    gsize len;
    ElfInfo info;
    uint64_t total = 0;
    unsigned int i;
    int ret;

    if (!g_file_get_contents(filename, &buf, &len, NULL)) {
        return ELF_LOAD_FAILED;
    }
    ret = elf_parse((const uint8_t *)buf, len, elf_machine, &info);
    if (ret < 0) {
        return ret;
    }
    for (i = 0; i < info.nsegs; i++) {
        total += info.segs[i].memsz;
    }
    if (total > SSIZE_MAX) {
        elf_info_free(&info);
        return ELF_LOAD_TOO_BIG;
    }
    for (i = 0; i < info.nsegs; i++) {
        ElfSegment *seg = &info.segs[i];
        g_autofree char *name =
            g_strdup_printf("%s ELF program header segment %u", filename,
                            seg->index);

        rom_add_blob(name, buf + seg->offset, seg->filesz, seg->memsz,
                     seg->paddr, as, owner);
    }
    if (pentry) {
        *pentry = info.entry;
    }
    elf_info_free(&info);
    return total;
}

ssize_t get_image_size(const char *filename)
{
    struct stat st;

    if (stat(filename, &st) < 0 || !S_ISREG(st.st_mode) ||
        st.st_size > SSIZE_MAX) {
        return -1;
    }
    return st.st_size;
}

ssize_t load_image_targphys_as(const char *filename, hwaddr addr,
                               uint64_t max_sz, AddressSpace *as,
                               const void *owner)
{
    g_autofree char *buf = NULL;
    gsize len;

    if (!g_file_get_contents(filename, &buf, &len, NULL) ||
        len > max_sz || len > SSIZE_MAX) {
        return -1;
    }
    rom_add_blob(filename, buf, len, len, addr, as, owner);
    return len;
}

/* ROM blobs */

typedef struct Rom {
    char *name;
    AddressSpace *as;
    hwaddr addr;
    uint8_t *data;
    size_t datasize;
    uint64_t romsize;
    const void *owner;
} Rom;

/* Registration order */
static GList *roms;

void rom_add_blob(const char *name, const void *data, size_t datasize,
                  uint64_t romsize, hwaddr addr, AddressSpace *as,
                  const void *owner)
{
    Rom *rom = g_new0(Rom, 1);

    assert(romsize >= datasize);
    rom->name = g_strdup(name);
    rom->as = as ? as : &address_space_memory;
    rom->addr = addr;
    rom->data = g_memdup2(data, datasize);
    rom->datasize = datasize;
    rom->romsize = romsize;
    rom->owner = owner;
    roms = g_list_append(roms, rom);
}

/*
 * Write @len zero bytes at @addr, stepping over holes and I/O without
 * walking them byte by byte (a .bss may be large).
 */
static void rom_zero_fill(AddressSpace *as, hwaddr addr, uint64_t len)
{
    static const uint8_t zeros[4096];

    while (len) {
        hwaddr xlat, plen = len;
        MemoryRegion *mr = address_space_translate(as, addr, &xlat, &plen);
        uint64_t step;

        if (!plen || plen > len) {
            plen = len;
        }
        step = plen;
        if (mr && memory_region_is_ram(mr)) {
            step = MIN(plen, sizeof(zeros));
            address_space_write_rom(as, addr, zeros, step);
        }
        len -= step;
        addr += step;
    }
}

void rom_reset(const void *owner)
{
    GList *l;

    for (l = roms; l; l = l->next) {
        Rom *rom = l->data;

        if (owner && rom->owner != owner) {
            continue;
        }
        if (rom->datasize) {
            address_space_write_rom(rom->as, rom->addr, rom->data,
                                    rom->datasize);
        }
        if (rom->romsize > rom->datasize) {
            rom_zero_fill(rom->as, rom->addr + rom->datasize,
                          rom->romsize - rom->datasize);
        }
    }
}

static void rom_free(Rom *rom)
{
    g_free(rom->name);
    g_free(rom->data);
    g_free(rom);
}

void rom_delete(const void *owner)
{
    GList *l = roms;

    while (l) {
        GList *next = l->next;
        Rom *rom = l->data;

        if (!owner || rom->owner == owner) {
            rom_free(rom);
            roms = g_list_delete_link(roms, l);
        }
        l = next;
    }
}

void rom_foreach(void (*fn)(const char *name, AddressSpace *as, hwaddr addr,
                            uint64_t romsize, const void *owner,
                            void *opaque),
                 void *opaque)
{
    GList *l;

    for (l = roms; l; l = l->next) {
        Rom *rom = l->data;

        fn(rom->name, rom->as, rom->addr, rom->romsize, rom->owner, opaque);
    }
}

/* Order: address space (first registered first), then address. */
static gint rom_cmp(gconstpointer a, gconstpointer b, gpointer data)
{
    const Rom *ra = a, *rb = b;
    GList *as_order = data;

    if (ra->as != rb->as) {
        return g_list_index(as_order, ra->as) -
               g_list_index(as_order, rb->as);
    }
    if (ra->addr != rb->addr) {
        return ra->addr < rb->addr ? -1 : 1;
    }
    return 0;
}

/* One past the last byte, saturated at 2^64 - 1. */
static uint64_t rom_end(const Rom *rom)
{
    return rom->romsize > UINT64_MAX - rom->addr ? UINT64_MAX
                                                  : rom->addr + rom->romsize;
}

static void rom_describe(GString *msg, const Rom *rom)
{
    g_string_append_printf(msg, "  %s (addresses 0x%016" PRIx64
                           " - 0x%016" PRIx64 ")\n",
                           rom->name, rom->addr, rom_end(rom));
}

bool rom_check_overlaps(Error **errp)
{
    GList *as_order = NULL, *sorted = NULL, *l;
    const Rom *widest = NULL;
    GString *msg = NULL;

    for (l = roms; l; l = l->next) {
        Rom *rom = l->data;

        if (!rom->romsize) {
            continue;
        }
        if (!g_list_find(as_order, rom->as)) {
            as_order = g_list_append(as_order, rom->as);
        }
        sorted = g_list_prepend(sorted, rom);
    }
    sorted = g_list_reverse(sorted);
    /* g_list_sort_with_data is stable: registration order breaks ties */
    sorted = g_list_sort_with_data(sorted, rom_cmp, as_order);
    for (l = sorted; l; l = l->next) {
        const Rom *rom = l->data;

        if (widest && widest->as == rom->as &&
            rom->addr < rom_end(widest)) {
            if (!msg) {
                msg = g_string_new("Some ROM regions are overlapping\n"
                    "These ROM regions might have been loaded by direct "
                    "user request or by default.\n"
                    "They could be BIOS/firmware images, a guest kernel, "
                    "initrd or some other file loaded into guest memory.\n"
                    "Check whether you intended to load all this guest "
                    "code, and whether it has been built to load to the "
                    "correct addresses.\n");
            }
            g_string_append_printf(msg, "\nThe following two regions "
                                   "overlap (in the %s address space):\n",
                                   rom->as->name ? rom->as->name
                                                 : "anonymous");
            rom_describe(msg, widest);
            rom_describe(msg, rom);
        }
        if (!widest || widest->as != rom->as ||
            rom_end(rom) > rom_end(widest)) {
            widest = rom;
        }
    }
    g_list_free(sorted);
    g_list_free(as_order);
    if (msg) {
        /* error_report() adds the final newline */
        g_string_truncate(msg, msg->len - 1);
        error_setg(errp, "%s", msg->str);
        g_string_free(msg, true);
        return false;
    }
    return true;
}
