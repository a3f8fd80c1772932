/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The memory API: memory regions, the address spaces they form and the
 * flattened views used to dispatch accesses.  See docs/devel/memory.md.
 *
 * A MemoryRegion is a QOM object ("memory-region") owned by the device
 * that created it: it appears in the composition tree as
 * <owner>/<name>[N] (QEMU's naming), or under /machine/unattached when it
 * has no owner.  Kinds:
 *
 *   RAM        host memory, read and written directly
 *   ROM        host memory; guest writes are dropped silently, loaders
 *              write it through address_space_write_rom()
 *   I/O        a MemoryRegionOps table; the core checks the access against
 *              ops->valid and splits or widens it to ops->impl, so a
 *              handler only ever sees sizes it implements
 *   container  holds subregions, nothing of its own
 *   alias      a window onto part of another region
 *
 * Subregions are placed in a container at an offset with a priority; where
 * two overlap the higher priority wins (equal priority: the one added
 * later).  Every change rebuilds the flattened view (FlatView) of each
 * address space whose root contains the region: a sorted list of ranges,
 * each backed by one terminal region (RAM, ROM or I/O).  Accesses to a hole
 * return MEMTX_DECODE_ERROR; they never crash.
 *
 * Sizes are 64-bit; UINT64_MAX as a size means the full 2^64 bytes (the
 * system memory root).
 *
 * Threads: the memory map is changed only with the BQL held.  A vCPU thread
 * may look regions up without the BQL; it must re-translate when
 * memory_map_generation() changes, and take the BQL around I/O dispatch.
 */
#ifndef EXEC_MEMORY_H
#define EXEC_MEMORY_H

#include "exec/hwaddr.h"
#include "exec/memattrs.h"
#include "qom/object.h"

#define TYPE_MEMORY_REGION "memory-region"
OBJECT_DECLARE_SIMPLE_TYPE(MemoryRegion, MEMORY_REGION)

typedef struct AddressSpace AddressSpace;
typedef struct FlatView FlatView;

/* Byte order of a device's registers; RISC-V devices are little-endian. */
enum device_endian {
    DEVICE_NATIVE_ENDIAN,   /* the target's: little */
    DEVICE_BIG_ENDIAN,
    DEVICE_LITTLE_ENDIAN,
};

/**
 * struct MemoryRegionOps: the callbacks of an I/O region
 *
 * @read/@write: the plain handlers; @addr is the offset in the region
 * @read_with_attrs/@write_with_attrs: used instead when set; may fail
 * @endianness: of the values the handlers take and return
 * @valid: what the bus accepts; an access outside it fails with
 *   MEMTX_DECODE_ERROR before reaching the device.  Sizes of 0 mean 1 and
 *   4.  @unaligned allows accesses not aligned to their size.  @accepts,
 *   when set, may refuse an access.
 * @impl: what the handlers implement; sizes of 0 mean @valid's (or 1
 *   and 4).  Wider accesses are split into several, narrower ones are
 *   widened (a read-modify-free read of the covering unit), and the
 *   handler is called only with @impl sizes at @impl-aligned offsets
 *   (unless @impl.unaligned).
 */
typedef struct MemoryRegionOps {
    uint64_t (*read)(void *opaque, hwaddr addr, unsigned size);
    void (*write)(void *opaque, hwaddr addr, uint64_t data, unsigned size);
    MemTxResult (*read_with_attrs)(void *opaque, hwaddr addr,
                                   uint64_t *data, unsigned size,
                                   MemTxAttrs attrs);
    MemTxResult (*write_with_attrs)(void *opaque, hwaddr addr,
                                    uint64_t data, unsigned size,
                                    MemTxAttrs attrs);
    enum device_endian endianness;
    struct {
        unsigned min_access_size;
        unsigned max_access_size;
        bool unaligned;
        bool (*accepts)(void *opaque, hwaddr addr, unsigned size,
                        bool is_write, MemTxAttrs attrs);
    } valid;
    struct {
        unsigned min_access_size;
        unsigned max_access_size;
        bool unaligned;
    } impl;
} MemoryRegionOps;

typedef enum MemoryRegionKind {
    MEMORY_REGION_CONTAINER,
    MEMORY_REGION_RAM,
    MEMORY_REGION_ROM,
    MEMORY_REGION_IO,
    MEMORY_REGION_ALIAS,
} MemoryRegionKind;

/**
 * struct MemoryRegion: all members are private to softmmu/memory.c
 *
 * The struct is public so that devices can embed regions in their state
 * (object_initialize() is done by the memory_region_init*() functions).
 */
struct MemoryRegion {
    Object parent_obj;

    /* private: */
    MemoryRegionKind kind;
    char *name;
    Object *owner;
    uint64_t size;              /* UINT64_MAX: 2^64 */
    bool enabled;
    uint8_t *ram_block;         /* RAM/ROM: host storage, owned */
    const MemoryRegionOps *ops; /* I/O */
    void *opaque;
    MemoryRegion *alias;        /* alias: the target, referenced */
    hwaddr alias_offset;
    MemoryRegion *container;    /* where it is mapped, or NULL */
    hwaddr addr;                /* its offset in @container */
    int priority;
    GSList *subregions;         /* container: by priority, then newest */
    unsigned int alias_count;   /* how many aliases point here */
};

/* Creation.  @owner may be NULL; @name must not. */

/* A container of @size bytes (UINT64_MAX: all of the 64-bit space). */
void memory_region_init(MemoryRegion *mr, Object *owner, const char *name,
                        uint64_t size);

/* An I/O region served by @ops with @opaque as the callbacks' first arg. */
void memory_region_init_io(MemoryRegion *mr, Object *owner,
                           const MemoryRegionOps *ops, void *opaque,
                           const char *name, uint64_t size);

/*
 * RAM of @size bytes, zero-filled.  Fails only when the host cannot
 * allocate @size ("cannot set up guest memory '%s': Cannot allocate
 * memory").
 */
bool memory_region_init_ram(MemoryRegion *mr, Object *owner,
                            const char *name, uint64_t size, Error **errp);

/* ROM: as RAM, but guest writes are dropped. */
bool memory_region_init_rom(MemoryRegion *mr, Object *owner,
                            const char *name, uint64_t size, Error **errp);

/* An alias of @size bytes of @orig from @offset. */
void memory_region_init_alias(MemoryRegion *mr, Object *owner,
                              const char *name, MemoryRegion *orig,
                              hwaddr offset, uint64_t size);

/*
 * Tear a region down before its owner is finalized (regions embedded in
 * a device are otherwise finalized with it).  It must not be mapped.
 */
void memory_region_destroy(MemoryRegion *mr);

/* Placement */

/* Map @sub in @mr at @offset with priority 0.  @sub must be unmapped. */
void memory_region_add_subregion(MemoryRegion *mr, hwaddr offset,
                                 MemoryRegion *sub);
/* The same with a priority (higher wins where regions overlap). */
void memory_region_add_subregion_overlap(MemoryRegion *mr, hwaddr offset,
                                         MemoryRegion *sub, int priority);
void memory_region_del_subregion(MemoryRegion *mr, MemoryRegion *sub);
void memory_region_set_enabled(MemoryRegion *mr, bool enabled);
/* Move a mapped region within its container. */
void memory_region_set_address(MemoryRegion *mr, hwaddr addr);

/*
 * Batch several changes into one rebuild of the flat views: every
 * begin must be matched by a commit; the rebuild happens at the outer
 * commit.
 */
void memory_region_transaction_begin(void);
void memory_region_transaction_commit(void);

/* Accessors */

const char *memory_region_name(const MemoryRegion *mr);
/* The size; UINT64_MAX for a 2^64-byte region. */
uint64_t memory_region_size(const MemoryRegion *mr);
Object *memory_region_owner(const MemoryRegion *mr);
MemoryRegionKind memory_region_kind(const MemoryRegion *mr);
/* "ram", "rom", "i/o" (also for containers), as info mtree prints. */
const char *memory_region_kind_name(const MemoryRegion *mr);
/* Host memory behind it (RAM and ROM only, else false). */
bool memory_region_is_ram(const MemoryRegion *mr);
bool memory_region_is_rom(const MemoryRegion *mr);
/* Host pointer to the first byte of a RAM or ROM region. */
void *memory_region_get_ram_ptr(MemoryRegion *mr);
bool memory_region_is_mapped(const MemoryRegion *mr);
MemoryRegion *memory_region_get_container(const MemoryRegion *mr);
hwaddr memory_region_get_address(const MemoryRegion *mr);
int memory_region_get_priority(const MemoryRegion *mr);
/* Alias: the target region and the window's offset in it (else NULL). */
MemoryRegion *memory_region_get_alias(const MemoryRegion *mr,
                                      hwaddr *offset);

/* Call @fn on each direct subregion of @mr, highest priority first. */
void memory_region_foreach_subregion(MemoryRegion *mr,
                                     void (*fn)(MemoryRegion *sub,
                                                void *opaque),
                                     void *opaque);

/**
 * memory_region_dispatch_read/write: one access to an I/O region
 *
 * @addr is the offset in @mr; @size is 1, 2, 4 or 8.  Checks @mr's
 * ops->valid (failure: MEMTX_DECODE_ERROR) and splits or widens to
 * ops->impl.  Values are host-order numbers in the guest's (little-endian)
 * convention.  RAM and ROM regions are served too (ROM drops writes).
 * The caller holds the BQL.
 */
MemTxResult memory_region_dispatch_read(MemoryRegion *mr, hwaddr addr,
                                        uint64_t *pval, unsigned size,
                                        MemTxAttrs attrs);
MemTxResult memory_region_dispatch_write(MemoryRegion *mr, hwaddr addr,
                                         uint64_t val, unsigned size,
                                         MemTxAttrs attrs);

/* Address spaces */

/**
 * struct AddressSpace: what one bus master sees
 *
 * All members are private.
 */
struct AddressSpace {
    char *name;
    MemoryRegion *root;
    FlatView *current_map;
};

void address_space_init(AddressSpace *as, MemoryRegion *root,
                        const char *name);
void address_space_destroy(AddressSpace *as);

/**
 * address_space_translate: what is at @addr
 *
 * Returns the terminal region (RAM, ROM or I/O; aliases resolved) whose
 * flat range covers @addr, with *@xlat the offset of @addr in it and
 * *@plen cut to the bytes left in that range.  Returns NULL for a hole,
 * with *@plen cut to the bytes up to the next range.  @plen may be NULL.
 */
MemoryRegion *address_space_translate(AddressSpace *as, hwaddr addr,
                                      hwaddr *xlat, hwaddr *plen);

/*
 * Read or write @len bytes at @addr, across regions.  Bytes in holes are
 * read as 0 / dropped and the result has MEMTX_DECODE_ERROR.  ROM drops
 * writes (MEMTX_OK, as on the bus).  Takes care of the BQL itself only
 * for I/O: call with the BQL held or from a vCPU thread.
 */
MemTxResult address_space_read(AddressSpace *as, hwaddr addr,
                               MemTxAttrs attrs, void *buf, hwaddr len);
MemTxResult address_space_write(AddressSpace *as, hwaddr addr,
                                MemTxAttrs attrs, const void *buf,
                                hwaddr len);
MemTxResult address_space_rw(AddressSpace *as, hwaddr addr,
                             MemTxAttrs attrs, void *buf, hwaddr len,
                             bool is_write);

/*
 * One little-endian access of @size (1, 2, 4 or 8) bytes, as a CPU or
 * qtest makes it: a single dispatch when one region covers it.
 */
MemTxResult address_space_load(AddressSpace *as, hwaddr addr, unsigned size,
                               uint64_t *pval, MemTxAttrs attrs);
MemTxResult address_space_store(AddressSpace *as, hwaddr addr,
                                unsigned size, uint64_t val,
                                MemTxAttrs attrs);

/*
 * The loader path: write @len bytes into RAM and ROM storage directly
 * (ROM included); bytes aimed at I/O or holes are skipped.  Returns false
 * if any byte was skipped.
 */
bool address_space_write_rom(AddressSpace *as, hwaddr addr,
                             const void *buf, hwaddr len);

/*
 * Bumped on every change of any flat view; a vCPU that caches
 * translations compares it (atomically read) and flushes on change.
 */
unsigned int memory_map_generation(void);

/**
 * FlatRangeInfo: one range of a flat view, for introspection
 *
 * @start/@last: first and last address (inclusive)
 * @mr: the terminal region serving it
 * @offset_in_region: of @start in @mr
 * @mapped: the region actually placed in the container tree that
 *   produced this range (the alias itself for aliases, else @mr)
 * @priority: @mapped's priority
 * @readonly: guest writes are dropped (ROM)
 */
typedef struct FlatRangeInfo {
    hwaddr start;
    hwaddr last;
    MemoryRegion *mr;
    hwaddr offset_in_region;
    MemoryRegion *mapped;
    int priority;
    bool readonly;
} FlatRangeInfo;

/* Call @fn for each range of @as's current flat view, in address order. */
void address_space_foreach_range(AddressSpace *as,
                                 void (*fn)(const FlatRangeInfo *range,
                                            void *opaque),
                                 void *opaque);

/**
 * mtree_info: append HMP "info mtree" output to @buf
 *
 * @flatview: -f, the flat view of each address space
 * @owner: -o, show each region's owner
 * @disabled: -D, include disabled regions
 */
void mtree_info(GString *buf, bool flatview, bool owner, bool disabled);

/* Every address space, in creation order (for mtree_info and queries). */
GSList *address_space_list(void);

#endif
