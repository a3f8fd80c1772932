/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Image loading: ELF and raw images become "ROM blobs", byte ranges that
 * are copied into guest memory at every system reset, so the memory they
 * aim at may be created after the image was loaded.
 *
 * A blob belongs to an owner (the loader device that registered it, an
 * opaque pointer); owners copy their blobs from their reset hook with
 * rom_reset() and drop them with rom_delete().  Before the machine runs,
 * rom_check_overlaps() refuses blobs that overlap in one address space.
 */
#ifndef HW_LOADER_H
#define HW_LOADER_H

#include "exec/memory.h"

/* ELF loading results (negative), as QEMU numbers them. */
#define ELF_LOAD_FAILED       -1
#define ELF_LOAD_NOT_ELF      -2
#define ELF_LOAD_WRONG_ARCH   -3
#define ELF_LOAD_WRONG_ENDIAN -4
#define ELF_LOAD_TOO_BIG      -5

/* e_machine of RISC-V images. */
#define EM_RISCV 243

/* QEMU's text for an ELF_LOAD_* code ("Failed to load ELF", ...). */
const char *load_elf_strerror(int error);

/**
 * struct ElfSegment: one PT_LOAD program header
 *
 * @index: its position in the program header table
 * @paddr: where it is loaded (the physical address)
 * @offset: of its bytes in the file
 * @filesz: bytes copied from the file
 * @memsz: bytes it occupies; those past @filesz are zeroed
 */
typedef struct ElfSegment {
    unsigned int index;
    hwaddr paddr;
    uint64_t offset;
    uint64_t filesz;
    uint64_t memsz;
} ElfSegment;

/**
 * struct ElfInfo: what elf_parse() found
 *
 * @is64: ELFCLASS64 (else ELFCLASS32)
 * @machine: e_machine
 * @entry: e_entry
 * @nsegs/@segs: the PT_LOAD segments with a non-zero @memsz, in table
 *   order; free with elf_info_free()
 */
typedef struct ElfInfo {
    bool is64;
    uint16_t machine;
    uint64_t entry;
    unsigned int nsegs;
    ElfSegment *segs;
} ElfInfo;

/**
 * elf_parse: check and decode an ELF image held in memory
 *
 * @buf/@len: the whole file
 * @elf_machine: the required e_machine, or 0 for any
 * @info: filled in on success
 *
 * Only little-endian images of class 32 or 64, of type executable or
 * shared object, are accepted.  Every offset and size is checked against
 * @len, so truncated or corrupt files fail without reading outside @buf.
 * Returns 0, or ELF_LOAD_NOT_ELF (no ELF magic), ELF_LOAD_WRONG_ENDIAN,
 * ELF_LOAD_WRONG_ARCH, ELF_LOAD_TOO_BIG (a segment past the end of the
 * 32-bit (class 32) or 64-bit address space), ELF_LOAD_FAILED (anything
 * else malformed).
 */
int elf_parse(const uint8_t *buf, size_t len, uint16_t elf_machine,
              ElfInfo *info);
void elf_info_free(ElfInfo *info);

/**
 * load_elf_as: register the segments of ELF file @filename as ROM blobs
 *
 * Each PT_LOAD segment becomes a blob named "<filename> ELF program header
 * segment <index>" at its physical address in @as, owned by @owner.
 * Returns the sum of the segments' sizes in memory with the entry point
 * in *@pentry (may be NULL), or a negative ELF_LOAD_* code (a file that
 * cannot be read gives ELF_LOAD_FAILED); nothing is registered then.
 */
ssize_t load_elf_as(const char *filename, uint16_t elf_machine,
                    uint64_t *pentry, AddressSpace *as, const void *owner);

/* The size of file @filename, or -1 when it cannot be opened. */
ssize_t get_image_size(const char *filename);

/**
 * load_image_targphys_as: register raw file @filename as one ROM blob at
 * @addr in @as (named after the file), owned by @owner
 *
 * Returns the file's size, or -1 when it cannot be read or is larger than
 * @max_sz.
 */
ssize_t load_image_targphys_as(const char *filename, hwaddr addr,
                               uint64_t max_sz, AddressSpace *as,
                               const void *owner);

/* ROM blobs */

/**
 * rom_add_blob: register a blob
 *
 * @name: for messages
 * @data/@datasize: the bytes (copied)
 * @romsize: the bytes it covers (>= @datasize); the rest is zeroed
 * @addr/@as: where it goes; NULL @as means address_space_memory
 * @owner: who registered it (may be NULL)
 */
void rom_add_blob(const char *name, const void *data, size_t datasize,
                  uint64_t romsize, hwaddr addr, AddressSpace *as,
                  const void *owner);

/*
 * Copy the blobs of @owner (NULL: every blob) into memory with
 * address_space_write_rom(), in registration order.  ROM is written,
 * bytes aimed at I/O or unmapped addresses are silently lost.
 */
void rom_reset(const void *owner);

/* Forget the blobs of @owner (NULL: every blob). */
void rom_delete(const void *owner);

/**
 * rom_foreach: call @fn on every blob, in registration order
 *
 * For introspection and lint; @as is never NULL.
 */
void rom_foreach(void (*fn)(const char *name, AddressSpace *as, hwaddr addr,
                            uint64_t romsize, const void *owner,
                            void *opaque),
                 void *opaque);

/**
 * rom_check_overlaps: refuse blobs that overlap in one address space
 *
 * Blobs of zero size never overlap.  The error is QEMU's multi-line text:
 * "Some ROM regions are overlapping", an explanation, then for each
 * overlapping pair "The following two regions overlap (in the <as>
 * address space):" and the two blobs with their address ranges.
 */
bool rom_check_overlaps(Error **errp);

#endif
