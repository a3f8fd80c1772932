/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The memory API: memory regions (QOM type "memory-region"), their
 * placement in containers, the flattened view of each address space, access
 * dispatch to I/O handlers (valid/impl checks, splitting and widening) and
 * HMP "info mtree".  See include/exec/memory.h and docs/devel/memory.md.
 *
 * Every change to the region tree marks the map dirty; at the outermost
 * transaction commit every address space's FlatView is rendered again from
 * scratch and memory_map_generation() is bumped.  The old FlatView is freed
 * at once: lookups happen with the BQL held, or from a vCPU thread that
 * re-translates whenever the generation changes and never keeps a range
 * across a BQL release.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qobject/json.h"
#include "exec/memory.h"
#include "hw/qdev-core.h"

/* Byte offsets below are all inclusive "last" addresses: 2^64 fits. */

struct FlatView {
    FlatRangeInfo *ranges;
    unsigned int nr;
    unsigned int nr_alloc;
    /* what it was rendered from (see flatview_root()), or NULL if empty */
    MemoryRegion *root;
};

static GSList *address_spaces;
static unsigned int transaction_depth;
static bool map_changed;
static unsigned int map_generation;

static void memory_region_changed(void);

/* Sizes: the last offset of a region; a size of UINT64_MAX means 2^64. */
static hwaddr mr_last(const MemoryRegion *mr)
{
    if (mr->size == UINT64_MAX) {
        return UINT64_MAX;
    }
    return mr->size ? mr->size - 1 : 0;
}

/* Last absolute address of @size bytes from @start, clamped at 2^64 - 1. */
static hwaddr range_last(hwaddr start, uint64_t size)
{
    if (size == UINT64_MAX || size - 1 > UINT64_MAX - start) {
        return UINT64_MAX;
    }
    return start + size - 1;
}

/* QOM */

static JsonNode *mr_get_container(Object *obj, ObjectProperty *prop,
                                  Error **errp)
{
    MemoryRegion *mr = MEMORY_REGION(obj);
    char *path = NULL;
    JsonNode *node;

    if (mr->container) {
        path = object_get_canonical_path(OBJECT(mr->container));
    }
    node = json_node_init_string(json_node_alloc(), path ? path : "");
    g_free(path);
    return node;
}

static Object *mr_resolve_container(Object *obj, ObjectProperty *prop,
                                    const char *part)
{
    MemoryRegion *mr = MEMORY_REGION(obj);

    return mr->container ? OBJECT(mr->container) : NULL;
}

static JsonNode *mr_get_addr(Object *obj, ObjectProperty *prop, Error **errp)
{
    return json_node_init_int(json_node_alloc(),
                              (int64_t)MEMORY_REGION(obj)->addr);
}

static JsonNode *mr_get_priority(Object *obj, ObjectProperty *prop,
                                 Error **errp)
{
    /* QEMU declares it uint32 but reports the signed value */
    return json_node_init_int(json_node_alloc(),
                              MEMORY_REGION(obj)->priority);
}

static JsonNode *mr_get_size(Object *obj, ObjectProperty *prop, Error **errp)
{
    return json_node_init_int(json_node_alloc(),
                              (int64_t)MEMORY_REGION(obj)->size);
}

static void memory_region_instance_init(Object *obj)
{
    MemoryRegion *mr = MEMORY_REGION(obj);

    mr->enabled = true;
}

static void memory_region_detach_subregions(MemoryRegion *mr)
{
    GSList *l;

    for (l = mr->subregions; l; l = l->next) {
        MemoryRegion *sub = l->data;

        sub->container = NULL;
    }
    if (mr->subregions) {
        memory_region_changed();
    }
    g_slist_free(mr->subregions);
    mr->subregions = NULL;
}

static void memory_region_instance_finalize(Object *obj)
{
    MemoryRegion *mr = MEMORY_REGION(obj);

    memory_region_transaction_begin();
    if (mr->container) {
        memory_region_del_subregion(mr->container, mr);
    }
    memory_region_detach_subregions(mr);
    memory_region_transaction_commit();
    if (mr->alias) {
        mr->alias->alias_count--;
        object_unref(OBJECT(mr->alias));
        mr->alias = NULL;
    }
    g_free(mr->ram_block);
    mr->ram_block = NULL;
    g_free(mr->name);
    mr->name = NULL;
}

static void memory_region_class_init(ObjectClass *klass, void *data)
{
    ObjectProperty *prop;

    prop = object_class_property_add(klass, "container",
                                     "link<" TYPE_MEMORY_REGION ">",
                                     mr_get_container, NULL, NULL, NULL);
    prop->resolve = mr_resolve_container;
    object_class_property_add(klass, "addr", "uint64", mr_get_addr, NULL,
                              NULL, NULL);
    object_class_property_add(klass, "size", "uint64", mr_get_size, NULL,
                              NULL, NULL);
    object_class_property_add(klass, "priority", "uint32", mr_get_priority,
                              NULL, NULL, NULL);
}

static const TypeInfo memory_region_info = {
    .name = TYPE_MEMORY_REGION,
    .parent = TYPE_OBJECT,
    .instance_size = sizeof(MemoryRegion),
    .instance_init = memory_region_instance_init,
    .instance_finalize = memory_region_instance_finalize,
    .class_init = memory_region_class_init,
};

static void memory_register_types(void)
{
    type_register_static(&memory_region_info);
}

type_init(memory_register_types)

/* Characters QOM does not allow in a property name are escaped as \xNN. */
static bool mr_name_needs_escape(char c)
{
    return c == '/' || c == '[' || c == '\\' || c == ':';
}

static char *mr_escape_name(const char *name)
{
    GString *s = g_string_new(NULL);
    const char *p;

    for (p = name; *p; p++) {
        if (mr_name_needs_escape(*p)) {
            g_string_append_printf(s, "\\x%02x", (unsigned char)*p);
        } else {
            g_string_append_c(s, *p);
        }
    }
    return g_string_free(s, FALSE);
}

static void memory_region_do_init(MemoryRegion *mr, Object *owner,
                                  const char *name, uint64_t size,
                                  MemoryRegionKind kind)
{
    Object *parent = owner;

    object_initialize(mr, sizeof(*mr), TYPE_MEMORY_REGION);
    mr->kind = kind;
    mr->name = g_strdup(name);
    mr->owner = owner;
    mr->size = size;

    if (!parent &&
        object_resolve_path_component(object_get_root(), "machine")) {
        parent = container_get(object_get_root(), "/machine/unattached");
    }
    if (parent) {
        char *escaped = mr_escape_name(name);
        char *prop = g_strdup_printf("%s[*]", escaped);

        object_property_add_child(parent, prop, OBJECT(mr));
        object_unref(OBJECT(mr));
        g_free(prop);
        g_free(escaped);
    }
}

void memory_region_init(MemoryRegion *mr, Object *owner, const char *name,
                        uint64_t size)
{
    memory_region_do_init(mr, owner, name, size, MEMORY_REGION_CONTAINER);
}

void memory_region_init_io(MemoryRegion *mr, Object *owner,
                           const MemoryRegionOps *ops, void *opaque,
                           const char *name, uint64_t size)
{
    memory_region_do_init(mr, owner, name, size, MEMORY_REGION_IO);
    mr->ops = ops;
    mr->opaque = opaque;
}

static bool memory_region_init_ram_kind(MemoryRegion *mr, Object *owner,
                                        const char *name, uint64_t size,
                                        MemoryRegionKind kind, Error **errp)
{
    uint8_t *block = NULL;

    if (size <= G_MAXSIZE) {
        block = g_try_malloc0(size ? size : 1);
    }
    if (!block) {
        error_setg(errp, "cannot set up guest memory '%s': "
                   "Cannot allocate memory", name);
        return false;
    }
    memory_region_do_init(mr, owner, name, size, kind);
    mr->ram_block = block;
    return true;
}

bool memory_region_init_ram(MemoryRegion *mr, Object *owner,
                            const char *name, uint64_t size, Error **errp)
{
    return memory_region_init_ram_kind(mr, owner, name, size,
                                       MEMORY_REGION_RAM, errp);
}

bool memory_region_init_rom(MemoryRegion *mr, Object *owner,
                            const char *name, uint64_t size, Error **errp)
{
    return memory_region_init_ram_kind(mr, owner, name, size,
                                       MEMORY_REGION_ROM, errp);
}

void memory_region_init_alias(MemoryRegion *mr, Object *owner,
                              const char *name, MemoryRegion *orig,
                              hwaddr offset, uint64_t size)
{
    memory_region_do_init(mr, owner, name, size, MEMORY_REGION_ALIAS);
    mr->alias = MEMORY_REGION(object_ref(OBJECT(orig)));
    mr->alias_offset = offset;
    orig->alias_count++;
}

void memory_region_destroy(MemoryRegion *mr)
{
    Object *obj = OBJECT(mr);

    if (mr->container) {
        memory_region_del_subregion(mr->container, mr);
    }
    if (object_get_parent(obj)) {
        object_unparent(obj);
    } else {
        object_unref(obj);
    }
}

/* Placement */

static void memory_region_changed(void)
{
    memory_region_transaction_begin();
    map_changed = true;
    memory_region_transaction_commit();
}

static void memory_region_insert(MemoryRegion *mr, MemoryRegion *sub)
{
    GSList *l;
    int pos = 0;

    /* highest priority first; the newest first among equals */
    for (l = mr->subregions; l; l = l->next, pos++) {
        MemoryRegion *other = l->data;

        if (sub->priority >= other->priority) {
            break;
        }
    }
    mr->subregions = g_slist_insert(mr->subregions, sub, pos);
}

void memory_region_add_subregion_overlap(MemoryRegion *mr, hwaddr offset,
                                         MemoryRegion *sub, int priority)
{
    assert(!sub->container);
    assert(sub != mr);
    sub->container = mr;
    sub->addr = offset;
    sub->priority = priority;
    memory_region_insert(mr, sub);
    memory_region_changed();
}

void memory_region_add_subregion(MemoryRegion *mr, hwaddr offset,
                                 MemoryRegion *sub)
{
    memory_region_add_subregion_overlap(mr, offset, sub, 0);
}

void memory_region_del_subregion(MemoryRegion *mr, MemoryRegion *sub)
{
    assert(sub->container == mr);
    mr->subregions = g_slist_remove(mr->subregions, sub);
    sub->container = NULL;
    memory_region_changed();
}

void memory_region_set_enabled(MemoryRegion *mr, bool enabled)
{
    if (mr->enabled == enabled) {
        return;
    }
    mr->enabled = enabled;
    memory_region_changed();
}

void memory_region_set_address(MemoryRegion *mr, hwaddr addr)
{
    MemoryRegion *container = mr->container;

    if (mr->addr == addr) {
        return;
    }
    if (!container) {
        mr->addr = addr;
        return;
    }
    memory_region_transaction_begin();
    memory_region_del_subregion(container, mr);
    memory_region_add_subregion_overlap(container, addr, mr, mr->priority);
    memory_region_transaction_commit();
}

/* Accessors */

const char *memory_region_name(const MemoryRegion *mr)
{
    return mr->name;
}

uint64_t memory_region_size(const MemoryRegion *mr)
{
    return mr->size;
}

Object *memory_region_owner(const MemoryRegion *mr)
{
    return mr->owner;
}

MemoryRegionKind memory_region_kind(const MemoryRegion *mr)
{
    return mr->kind;
}

const char *memory_region_kind_name(const MemoryRegion *mr)
{
    while (mr->kind == MEMORY_REGION_ALIAS) {
        mr = mr->alias;
    }
    switch (mr->kind) {
    case MEMORY_REGION_RAM:
        return "ram";
    case MEMORY_REGION_ROM:
        return "rom";
    default:
        return "i/o";
    }
}

bool memory_region_is_ram(const MemoryRegion *mr)
{
    return mr->kind == MEMORY_REGION_RAM || mr->kind == MEMORY_REGION_ROM;
}

bool memory_region_is_rom(const MemoryRegion *mr)
{
    return mr->kind == MEMORY_REGION_ROM;
}

void *memory_region_get_ram_ptr(MemoryRegion *mr)
{
    hwaddr offset = 0;

    while (mr->kind == MEMORY_REGION_ALIAS) {
        offset += mr->alias_offset;
        mr = mr->alias;
    }
    return mr->ram_block ? mr->ram_block + offset : NULL;
}

bool memory_region_is_mapped(const MemoryRegion *mr)
{
    return mr->container != NULL;
}

MemoryRegion *memory_region_get_container(const MemoryRegion *mr)
{
    return mr->container;
}

hwaddr memory_region_get_address(const MemoryRegion *mr)
{
    return mr->addr;
}

int memory_region_get_priority(const MemoryRegion *mr)
{
    return mr->priority;
}

MemoryRegion *memory_region_get_alias(const MemoryRegion *mr,
                                      hwaddr *offset)
{
    if (offset) {
        *offset = mr->alias ? mr->alias_offset : 0;
    }
    return mr->alias;
}

void memory_region_foreach_subregion(MemoryRegion *mr,
                                     void (*fn)(MemoryRegion *sub,
                                                void *opaque),
                                     void *opaque)
{
    GSList *l, *next;

    for (l = mr->subregions; l; l = next) {
        next = l->next;
        fn(l->data, opaque);
    }
}

/* Dispatch */

static uint64_t size_mask(unsigned int bytes)
{
    return bytes >= 8 ? UINT64_MAX : (UINT64_C(1) << (bytes * 8)) - 1;
}

static uint64_t bswap_n(uint64_t v, unsigned int size)
{
    switch (size) {
    case 2:
        return GUINT16_SWAP_LE_BE((uint16_t)v);
    case 4:
        return GUINT32_SWAP_LE_BE((uint32_t)v);
    case 8:
        return GUINT64_SWAP_LE_BE(v);
    default:
        return v;
    }
}

static uint64_t ld_le(const uint8_t *p, unsigned int size)
{
    uint64_t v = 0;
    unsigned int i;

    for (i = 0; i < size; i++) {
        v |= (uint64_t)p[i] << (i * 8);
    }
    return v;
}

static void st_le(uint8_t *p, uint64_t v, unsigned int size)
{
    unsigned int i;

    for (i = 0; i < size; i++) {
        p[i] = v >> (i * 8);
    }
}

static bool valid_size(unsigned int size)
{
    return size == 1 || size == 2 || size == 4 || size == 8;
}

/* Whether [@addr, @addr + @size) lies inside @mr. */
static bool mr_contains(const MemoryRegion *mr, hwaddr addr, unsigned size)
{
    hwaddr last = mr_last(mr);

    return addr <= last && size - 1 <= last - addr;
}

static void io_access_sizes(const MemoryRegionOps *ops,
                            unsigned int *vmin, unsigned int *vmax,
                            unsigned int *imin, unsigned int *imax)
{
    *vmin = ops->valid.min_access_size ? ops->valid.min_access_size : 1;
    *vmax = ops->valid.max_access_size ? ops->valid.max_access_size : 4;
    *imin = ops->impl.min_access_size ? ops->impl.min_access_size : *vmin;
    *imax = ops->impl.max_access_size ? ops->impl.max_access_size : *vmax;
    if (*imax < *imin) {
        *imax = *imin;
    }
}

static MemTxResult io_call_read(MemoryRegion *mr, hwaddr addr,
                                uint64_t *val, unsigned int size,
                                MemTxAttrs attrs)
{
    const MemoryRegionOps *ops = mr->ops;

    *val = 0;
    if (ops->read_with_attrs) {
        return ops->read_with_attrs(mr->opaque, addr, val, size, attrs);
    }
    if (ops->read) {
        *val = ops->read(mr->opaque, addr, size);
    }
    return MEMTX_OK;
}

static MemTxResult io_call_write(MemoryRegion *mr, hwaddr addr,
                                 uint64_t val, unsigned int size,
                                 MemTxAttrs attrs)
{
    const MemoryRegionOps *ops = mr->ops;

    if (ops->write_with_attrs) {
        return ops->write_with_attrs(mr->opaque, addr, val, size, attrs);
    }
    if (ops->write) {
        ops->write(mr->opaque, addr, val, size);
    }
    return MEMTX_OK;
}

/*
 * Cut an access of @size bytes at @addr into handler calls of the impl
 * size.  Without impl.unaligned the calls cover the impl-aligned units the
 * access touches; a narrower read takes the bytes it needs out of the
 * unit, a narrower write passes its bytes shifted to their place in the
 * unit with zeros elsewhere (no read-modify-write, as QEMU does).
 */
static MemTxResult io_access(MemoryRegion *mr, hwaddr addr, uint64_t *val,
                             unsigned int size, bool is_write,
                             MemTxAttrs attrs)
{
    const MemoryRegionOps *ops = mr->ops;
    bool big = ops->endianness == DEVICE_BIG_ENDIAN;
    unsigned int vmin, vmax, imin, imax, unit;
    hwaddr first, end, pos;
    uint64_t value = 0;
    MemTxResult r = MEMTX_OK;

    io_access_sizes(ops, &vmin, &vmax, &imin, &imax);
    unit = MAX(MIN(size, imax), imin);
    if (ops->impl.unaligned) {
        first = addr;
    } else {
        first = addr & ~(hwaddr)(unit - 1);
    }
    end = addr + size;
    if (is_write) {
        value = big ? bswap_n(*val, size) : *val;
    }

    for (pos = first; pos < end; pos += unit) {
        hwaddr lo = MAX(pos, addr);
        hwaddr hi = MIN(pos + unit, end);
        unsigned int n = hi - lo;
        unsigned int in_access = lo - addr;
        unsigned int in_unit = lo - pos;
        unsigned int acc_shift, unit_shift;
        uint64_t piece;

        if (big) {
            acc_shift = (size - n - in_access) * 8;
            unit_shift = (unit - n - in_unit) * 8;
        } else {
            acc_shift = in_access * 8;
            unit_shift = in_unit * 8;
        }
        if (is_write) {
            piece = ((value >> acc_shift) & size_mask(n)) << unit_shift;
            r |= io_call_write(mr, pos, piece, unit, attrs);
        } else {
            r |= io_call_read(mr, pos, &piece, unit, attrs);
            value |= ((piece >> unit_shift) & size_mask(n)) << acc_shift;
        }
        if (pos + unit < pos) {
            break;
        }
    }
    if (!is_write) {
        *val = big ? bswap_n(value, size) : value;
    }
    return r;
}

static MemTxResult io_dispatch(MemoryRegion *mr, hwaddr addr, uint64_t *val,
                               unsigned int size, bool is_write,
                               MemTxAttrs attrs)
{
    const MemoryRegionOps *ops = mr->ops;
    unsigned int vmin, vmax, imin, imax;

    if (!ops) {
        return MEMTX_DECODE_ERROR;
    }
    io_access_sizes(ops, &vmin, &vmax, &imin, &imax);
    if (size < vmin || size > vmax) {
        return MEMTX_DECODE_ERROR;
    }
    if (!ops->valid.unaligned && (addr & (size - 1))) {
        return MEMTX_DECODE_ERROR;
    }
    if (ops->valid.accepts &&
        !ops->valid.accepts(mr->opaque, addr, size, is_write, attrs)) {
        return MEMTX_DECODE_ERROR;
    }
    return io_access(mr, addr, val, size, is_write, attrs);
}

/* Find the subregion of container @mr serving @addr (highest priority). */
static MemoryRegion *container_lookup(MemoryRegion *mr, hwaddr addr,
                                      unsigned int size, hwaddr *xlat)
{
    GSList *l;

    for (l = mr->subregions; l; l = l->next) {
        MemoryRegion *sub = l->data;

        if (!sub->enabled || addr < sub->addr ||
            !mr_contains(sub, addr - sub->addr, size)) {
            continue;
        }
        *xlat = addr - sub->addr;
        return sub;
    }
    return NULL;
}

static MemTxResult mr_dispatch(MemoryRegion *mr, hwaddr addr, uint64_t *val,
                               unsigned int size, bool is_write,
                               MemTxAttrs attrs)
{
    int depth;

    if (!valid_size(size)) {
        return MEMTX_DECODE_ERROR;
    }
    /* aliases and containers lead to the terminal region */
    for (depth = 0; depth < 64; depth++) {
        hwaddr xlat;
        MemoryRegion *sub;

        if (!mr_contains(mr, addr, size)) {
            return MEMTX_DECODE_ERROR;
        }
        if (mr->kind != MEMORY_REGION_ALIAS) {
            sub = container_lookup(mr, addr, size, &xlat);
            if (sub) {
                mr = sub;
                addr = xlat;
                continue;
            }
        }
        switch (mr->kind) {
        case MEMORY_REGION_RAM:
        case MEMORY_REGION_ROM:
            if (!is_write) {
                *val = ld_le(mr->ram_block + addr, size);
            } else if (mr->kind == MEMORY_REGION_RAM) {
                st_le(mr->ram_block + addr, *val, size);
            }
            return MEMTX_OK;
        case MEMORY_REGION_ALIAS:
            if (mr->alias_offset > UINT64_MAX - addr) {
                return MEMTX_DECODE_ERROR;
            }
            addr += mr->alias_offset;
            mr = mr->alias;
            break;
        case MEMORY_REGION_IO:
            return io_dispatch(mr, addr, val, size, is_write, attrs);
        case MEMORY_REGION_CONTAINER:
            return MEMTX_DECODE_ERROR;
        }
    }
    return MEMTX_DECODE_ERROR;
}

MemTxResult memory_region_dispatch_read(MemoryRegion *mr, hwaddr addr,
                                        uint64_t *pval, unsigned size,
                                        MemTxAttrs attrs)
{
    MemTxResult r;

    *pval = 0;
    r = mr_dispatch(mr, addr, pval, size, false, attrs);
    if (r & MEMTX_DECODE_ERROR) {
        *pval = 0;
    }
    return r;
}

MemTxResult memory_region_dispatch_write(MemoryRegion *mr, hwaddr addr,
                                         uint64_t val, unsigned size,
                                         MemTxAttrs attrs)
{
    return mr_dispatch(mr, addr, &val, size, true, attrs);
}

/* Flat views */

static void flatview_free(FlatView *view)
{
    if (view) {
        g_free(view->ranges);
        g_free(view);
    }
}

/*
 * Insert @r into the parts of [r->start, r->last] no range covers yet
 * (ranges rendered earlier have a higher precedence).
 */
static void flatview_fill(FlatView *view, const FlatRangeInfo *r)
{
    hwaddr cur = r->start;
    unsigned int lo = 0, hi = view->nr;

    /* the first range ending at or after @cur */
    while (lo < hi) {
        unsigned int mid = (lo + hi) / 2;

        if (view->ranges[mid].last < cur) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    for (;;) {
        FlatRangeInfo *next = lo < view->nr ? &view->ranges[lo] : NULL;
        hwaddr gap_last;

        if (next && next->start <= cur) {
            if (next->last >= r->last) {
                return;
            }
            cur = next->last + 1;
            lo++;
            continue;
        }
        gap_last = next && next->start - 1 < r->last ? next->start - 1
                                                     : r->last;
        if (view->nr == view->nr_alloc) {
            view->nr_alloc = MAX(16, view->nr_alloc * 2);
            view->ranges = g_renew(FlatRangeInfo, view->ranges,
                                   view->nr_alloc);
        }
        memmove(&view->ranges[lo + 1], &view->ranges[lo],
                (view->nr - lo) * sizeof(FlatRangeInfo));
        view->ranges[lo] = *r;
        view->ranges[lo].start = cur;
        view->ranges[lo].last = gap_last;
        view->ranges[lo].offset_in_region = r->offset_in_region +
                                            (cur - r->start);
        view->nr++;
        lo++;
        if (gap_last >= r->last) {
            return;
        }
        cur = gap_last + 1;
    }
}

/*
 * Render offsets [@first, @last] of @mr (already clipped to it), offset
 * @first landing at absolute address @abs.  @mapped is the outermost alias
 * on the way, or NULL.
 */
static void render_region(FlatView *view, MemoryRegion *mr, hwaddr abs,
                          hwaddr first, hwaddr last, MemoryRegion *mapped,
                          int depth)
{
    GSList *l;

    if (!mr->enabled || depth > 64) {
        return;
    }
    if (mr->kind == MEMORY_REGION_ALIAS) {
        MemoryRegion *target = mr->alias;
        hwaddr tlast = mr_last(target);
        hwaddr tfirst;

        if (mr->alias_offset > tlast ||
            first > tlast - mr->alias_offset) {
            return;
        }
        tfirst = first + mr->alias_offset;
        if (last - first > tlast - tfirst) {
            last = first + (tlast - tfirst);
        }
        render_region(view, target, abs, tfirst, tfirst + (last - first),
                      mapped ? mapped : mr, depth + 1);
        return;
    }

    for (l = mr->subregions; l; l = l->next) {
        MemoryRegion *sub = l->data;
        hwaddr sub_last = range_last(sub->addr, sub->size);
        hwaddr a, b;

        if (!sub->enabled || sub->addr > last || sub_last < first) {
            continue;
        }
        a = MAX(sub->addr, first);
        b = MIN(sub_last, last);
        render_region(view, sub, abs + (a - first), a - sub->addr,
                      b - sub->addr, mapped, depth + 1);
    }

    if (mr->kind != MEMORY_REGION_CONTAINER) {
        FlatRangeInfo r = {
            .start = abs,
            .last = abs + (last - first),
            .mr = mr,
            .offset_in_region = first,
            .mapped = mapped ? mapped : mr,
            .priority = mapped ? mapped->priority : mr->priority,
            .readonly = mr->kind == MEMORY_REGION_ROM,
        };

        flatview_fill(view, &r);
    }
}

static bool flatrange_can_merge(const FlatRangeInfo *a,
                                const FlatRangeInfo *b)
{
    return a->last != UINT64_MAX && a->last + 1 == b->start &&
           a->mr == b->mr && a->mapped == b->mapped &&
           a->priority == b->priority && a->readonly == b->readonly &&
           a->offset_in_region + (a->last - a->start) + 1 ==
           b->offset_in_region;
}

static void flatview_simplify(FlatView *view)
{
    unsigned int i, out = 0;

    for (i = 0; i < view->nr; i++) {
        if (out && flatrange_can_merge(&view->ranges[out - 1],
                                       &view->ranges[i])) {
            view->ranges[out - 1].last = view->ranges[i].last;
        } else {
            view->ranges[out++] = view->ranges[i];
        }
    }
    view->nr = out;
}

/*
 * The region a view is rendered from, as QEMU picks it: the root, or
 * what it reduces to when it is an alias of a whole region or a container
 * holding one enabled child that covers it from offset 0.  NULL when
 * nothing is enabled.
 */
static MemoryRegion *flatview_root(MemoryRegion *mr)
{
    int depth;

    for (depth = 0; mr && mr->enabled && depth < 64; depth++) {
        if (mr->kind == MEMORY_REGION_ALIAS) {
            if (!mr->alias_offset && mr->size >= mr->alias->size) {
                mr = mr->alias;
                continue;
            }
        } else if (mr->kind == MEMORY_REGION_CONTAINER) {
            MemoryRegion *next = NULL;
            unsigned int found = 0;
            GSList *l;

            for (l = mr->subregions; l; l = l->next) {
                MemoryRegion *child = l->data;

                if (!child->enabled) {
                    continue;
                }
                if (++found > 1) {
                    next = NULL;
                    break;
                }
                if (!child->addr && mr->size >= child->size) {
                    next = child;
                }
            }
            if (!found) {
                return NULL;
            }
            if (next) {
                mr = next;
                continue;
            }
        }
        return mr;
    }
    return NULL;
}

static FlatView *flatview_render(MemoryRegion *root)
{
    FlatView *view = g_new0(FlatView, 1);

    view->root = flatview_root(root);
    if (view->root) {
        render_region(view, view->root, 0, 0, mr_last(view->root), NULL, 0);
        flatview_simplify(view);
    }
    return view;
}

/*
 * Writers (under the BQL) swap views under the write lock; a lookup from
 * a vCPU thread without the BQL holds the read lock, so the old view can
 * be freed as soon as it is replaced.
 */
static GRWLock map_lock;

static void address_space_update(AddressSpace *as)
{
    FlatView *view = flatview_render(as->root);
    FlatView *old;

    g_rw_lock_writer_lock(&map_lock);
    old = as->current_map;
    as->current_map = view;
    g_rw_lock_writer_unlock(&map_lock);
    flatview_free(old);
}

static void memory_map_rebuild(void)
{
    GSList *l;

    for (l = address_spaces; l; l = l->next) {
        address_space_update(l->data);
    }
    __atomic_add_fetch(&map_generation, 1, __ATOMIC_SEQ_CST);
}

void memory_region_transaction_begin(void)
{
    transaction_depth++;
}

void memory_region_transaction_commit(void)
{
    assert(transaction_depth > 0);
    if (--transaction_depth == 0 && map_changed) {
        map_changed = false;
        memory_map_rebuild();
    }
}

unsigned int memory_map_generation(void)
{
    return __atomic_load_n(&map_generation, __ATOMIC_SEQ_CST);
}

/* Address spaces */

void address_space_init(AddressSpace *as, MemoryRegion *root,
                        const char *name)
{
    as->name = g_strdup(name);
    as->root = MEMORY_REGION(object_ref(OBJECT(root)));
    as->current_map = NULL;
    address_spaces = g_slist_append(address_spaces, as);
    address_space_update(as);
    __atomic_add_fetch(&map_generation, 1, __ATOMIC_SEQ_CST);
}

void address_space_destroy(AddressSpace *as)
{
    MemoryRegion *root = as->root;
    FlatView *old;

    address_spaces = g_slist_remove(address_spaces, as);
    g_rw_lock_writer_lock(&map_lock);
    old = as->current_map;
    as->current_map = NULL;
    g_rw_lock_writer_unlock(&map_lock);
    flatview_free(old);
    g_free(as->name);
    as->name = NULL;
    as->root = NULL;
    __atomic_add_fetch(&map_generation, 1, __ATOMIC_SEQ_CST);
    object_unref(OBJECT(root));
}

GSList *address_space_list(void)
{
    return address_spaces;
}

static FlatRangeInfo *flatview_lookup(FlatView *view, hwaddr addr,
                                      unsigned int *index)
{
    unsigned int lo = 0, hi = view ? view->nr : 0;

    while (lo < hi) {
        unsigned int mid = (lo + hi) / 2;

        if (view->ranges[mid].last < addr) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    if (index) {
        *index = lo;
    }
    if (view && lo < view->nr && view->ranges[lo].start <= addr) {
        return &view->ranges[lo];
    }
    return NULL;
}

/* Cut *@plen to the @avail_minus_one + 1 bytes available. */
static void cut_len(hwaddr *plen, hwaddr avail_minus_one)
{
    if (plen && *plen && *plen - 1 > avail_minus_one) {
        *plen = avail_minus_one + 1;
    }
}

static MemoryRegion *translate_locked(AddressSpace *as, hwaddr addr,
                                      hwaddr *xlat, hwaddr *plen)
{
    unsigned int index;
    FlatRangeInfo *r = flatview_lookup(as->current_map, addr, &index);

    if (!r) {
        FlatView *view = as->current_map;

        if (view && index < view->nr) {
            cut_len(plen, view->ranges[index].start - addr - 1);
        } else {
            cut_len(plen, UINT64_MAX - addr);
        }
        if (xlat) {
            *xlat = 0;
        }
        return NULL;
    }
    if (xlat) {
        *xlat = r->offset_in_region + (addr - r->start);
    }
    cut_len(plen, r->last - addr);
    return r->mr;
}

MemoryRegion *address_space_translate(AddressSpace *as, hwaddr addr,
                                      hwaddr *xlat, hwaddr *plen)
{
    MemoryRegion *mr;

    g_rw_lock_reader_lock(&map_lock);
    mr = translate_locked(as, addr, xlat, plen);
    g_rw_lock_reader_unlock(&map_lock);
    return mr;
}

void address_space_foreach_range(AddressSpace *as,
                                 void (*fn)(const FlatRangeInfo *range,
                                            void *opaque),
                                 void *opaque)
{
    FlatView *view = as->current_map;
    unsigned int i;

    for (i = 0; view && i < view->nr; i++) {
        fn(&view->ranges[i], opaque);
    }
}

/* info mtree */

#define MTREE_INDENT "  "

static void mtree_expand_owner(GString *buf, const char *label, Object *obj)
{
    DeviceState *dev = (DeviceState *)object_dynamic_cast(obj, TYPE_DEVICE);
    char *path;

    g_string_append_printf(buf, " %s:{%s", label, dev ? "dev" : "obj");
    if (dev && dev->id) {
        g_string_append_printf(buf, " id=%s", dev->id);
    } else {
        path = object_get_canonical_path(obj);
        if (path) {
            g_string_append_printf(buf, " path=%s", path);
            g_free(path);
        } else {
            g_string_append_printf(buf, " type=%s",
                                   object_get_typename(obj));
        }
    }
    g_string_append_c(buf, '}');
}

static void mtree_print_owner(GString *buf, const MemoryRegion *mr)
{
    Object *owner = mr->owner;
    Object *parent = object_get_parent(OBJECT(mr));

    if (!owner && !parent) {
        g_string_append(buf, " orphan");
        return;
    }
    if (owner) {
        mtree_expand_owner(buf, "owner", owner);
    }
    if (parent && parent != owner) {
        mtree_expand_owner(buf, "parent", parent);
    }
}

typedef struct MtreeState {
    GString *buf;
    bool owner;
    bool disabled;
    GSList *aliased;    /* alias targets, printed after the spaces */
} MtreeState;

static void mtree_print_mr(MtreeState *s, MemoryRegion *mr,
                           unsigned int level, hwaddr base, int depth)
{
    hwaddr start = base + mr->addr;
    hwaddr end = start + (mr->size ? mr_last(mr) : 0);
    GSList *sorted = NULL, *l;
    unsigned int i;

    if (depth > 64) {
        return;
    }
    if (start < base || end < start) {
        g_string_append(s->buf, "[DETECTED OVERFLOW!] ");
    }
    if (mr->alias && !g_slist_find(s->aliased, mr->alias)) {
        s->aliased = g_slist_append(s->aliased, mr->alias);
    }
    if (mr->enabled || s->disabled) {
        for (i = 0; i < level; i++) {
            g_string_append(s->buf, MTREE_INDENT);
        }
        g_string_append_printf(s->buf,
                               "%016" PRIx64 "-%016" PRIx64 " (prio %d, %s): ",
                               start, end, mr->priority,
                               memory_region_kind_name(mr));
        if (mr->alias) {
            g_string_append_printf(s->buf,
                                   "alias %s @%s %016" PRIx64 "-%016" PRIx64,
                                   mr->name, mr->alias->name,
                                   mr->alias_offset,
                                   mr->alias_offset +
                                   (mr->size ? mr_last(mr) : 0));
        } else {
            g_string_append(s->buf, mr->name);
        }
        if (!mr->enabled) {
            g_string_append(s->buf, " [disabled]");
        }
        if (s->owner) {
            mtree_print_owner(s->buf, mr);
        }
        g_string_append_c(s->buf, '\n');
    }

    /* by address, then higher priority first; else in list order */
    for (l = mr->subregions; l; l = l->next) {
        MemoryRegion *sub = l->data;
        GSList *pos;
        int index = 0;

        for (pos = sorted; pos; pos = pos->next, index++) {
            MemoryRegion *other = pos->data;

            if (sub->addr < other->addr ||
                (sub->addr == other->addr &&
                 sub->priority > other->priority)) {
                break;
            }
        }
        sorted = g_slist_insert(sorted, sub, pos ? index : -1);
    }
    for (l = sorted; l; l = l->next) {
        mtree_print_mr(s, l->data, level + 1, start, depth + 1);
    }
    g_slist_free(sorted);
}

static gint as_compare_name(gconstpointer a, gconstpointer b)
{
    const AddressSpace *as_a = a, *as_b = b;

    return g_strcmp0(as_a->name, as_b->name);
}

static void mtree_info_as(GString *buf, bool owner, bool disabled)
{
    MtreeState s = { .buf = buf, .owner = owner, .disabled = disabled };
    GSList *roots = NULL, *l, *m;

    /* one tree per root, in the order the roots first appear */
    for (l = address_spaces; l; l = l->next) {
        AddressSpace *as = l->data;

        if (!g_slist_find(roots, as->root)) {
            roots = g_slist_append(roots, as->root);
        }
    }
    for (l = roots; l; l = l->next) {
        MemoryRegion *root = l->data;
        GSList *names = NULL;

        for (m = address_spaces; m; m = m->next) {
            AddressSpace *as = m->data;

            if (as->root == root) {
                names = g_slist_insert_sorted(names, as, as_compare_name);
            }
        }
        for (m = names; m; m = m->next) {
            AddressSpace *as = m->data;

            g_string_append_printf(buf, "address-space: %s\n", as->name);
        }
        g_slist_free(names);
        mtree_print_mr(&s, root, 1, 0, 0);
        g_string_append_c(buf, '\n');
    }
    g_slist_free(roots);

    /* the list grows while it is printed (aliases of aliases) */
    for (l = s.aliased; l; l = l->next) {
        MemoryRegion *mr = l->data;

        g_string_append_printf(buf, "memory-region: %s\n", mr->name);
        mtree_print_mr(&s, mr, 1, 0, 0);
        g_string_append_c(buf, '\n');
    }
    g_slist_free(s.aliased);
}

static void mtree_print_flatview(GString *buf, FlatView *view, GSList *spaces,
                                 int counter, bool owner)
{
    unsigned int i;
    GSList *l;

    g_string_append_printf(buf, "FlatView #%d\n", counter);
    for (l = spaces; l; l = l->next) {
        AddressSpace *as = l->data;

        g_string_append_printf(buf, " AS \"%s\", root: %s", as->name,
                               as->root->name);
        if (as->root->alias) {
            g_string_append_printf(buf, ", alias %s", as->root->alias->name);
        }
        g_string_append_c(buf, '\n');
    }
    g_string_append_printf(buf, " Root memory region: %s\n",
                           view && view->root ? view->root->name : "(none)");
    if (!view || !view->nr) {
        g_string_append(buf, MTREE_INDENT "No rendered FlatView\n\n");
        return;
    }
    for (i = 0; i < view->nr; i++) {
        FlatRangeInfo *r = &view->ranges[i];

        g_string_append_printf(buf,
                               MTREE_INDENT "%016" PRIx64 "-%016" PRIx64
                               " (prio %d, %s): %s",
                               r->start, r->last, r->mr->priority,
                               r->readonly ? "rom"
                                           : memory_region_kind_name(r->mr),
                               r->mr->name);
        if (r->offset_in_region) {
            g_string_append_printf(buf, " @%016" PRIx64,
                                   r->offset_in_region);
        }
        if (owner) {
            mtree_print_owner(buf, r->mr);
        }
        g_string_append_c(buf, '\n');
    }
    g_string_append_c(buf, '\n');
}

static void mtree_info_flatview(GString *buf, bool owner)
{
    GSList *roots = NULL, *l, *m;
    int counter = 0;

    /* address spaces rendered from the same region share a view */
    for (l = address_spaces; l; l = l->next) {
        AddressSpace *as = l->data;
        MemoryRegion *root = as->current_map ? as->current_map->root : NULL;

        if (!g_slist_find(roots, root)) {
            roots = g_slist_append(roots, root);
        }
    }
    for (l = roots; l; l = l->next) {
        GSList *spaces = NULL;
        FlatView *view = NULL;

        for (m = address_spaces; m; m = m->next) {
            AddressSpace *as = m->data;
            MemoryRegion *root = as->current_map ? as->current_map->root
                                                 : NULL;

            if (root == l->data) {
                spaces = g_slist_append(spaces, as);
                view = view ? view : as->current_map;
            }
        }
        mtree_print_flatview(buf, view, spaces, counter++, owner);
        g_slist_free(spaces);
    }
    g_slist_free(roots);
}

void mtree_info(GString *buf, bool flatview, bool owner, bool disabled)
{
    if (flatview) {
        mtree_info_flatview(buf, owner);
    } else {
        mtree_info_as(buf, owner, disabled);
    }
}
