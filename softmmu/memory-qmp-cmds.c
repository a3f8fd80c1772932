/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Body of x-query-memory-map (qapi/memory.json): an address space's flat
 * view as a list of MemoryMapEntry, built from address_space_foreach_range().
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qapi/qapi-commands.h"
#include "exec/memory.h"

typedef struct MemoryMapBuilder {
    MemoryMapEntryList *head;
    MemoryMapEntryList **tail;
} MemoryMapBuilder;

static void memory_map_add_range(const FlatRangeInfo *range, void *opaque)
{
    MemoryMapBuilder *b = opaque;
    MemoryMapEntry *e = g_new0(MemoryMapEntry, 1);
    MemoryMapEntryList *node = g_new0(MemoryMapEntryList, 1);
    Object *owner = memory_region_owner(range->mr);

    e->start = range->start;
    e->end = range->last;
    e->region = g_strdup(memory_region_name(range->mr));
    if (owner) {
        /* NULL when the owner is not in the composition tree */
        e->owner = object_get_canonical_path(owner);
    }
    e->kind = g_strdup(range->readonly ? "rom"
                                       : memory_region_kind_name(range->mr));
    e->priority = range->priority;
    if (range->mapped != range->mr) {
        e->alias = g_strdup(memory_region_name(range->mapped));
    }
    node->value = e;
    *b->tail = node;
    b->tail = &node->next;
}

MemoryMapEntryList *qmp_x_query_memory_map(const char *address_space,
                                           Error **errp)
{
    const char *name = address_space ? address_space : "memory";
    MemoryMapBuilder b = { .head = NULL, .tail = &b.head };
    GSList *l;

    for (l = address_space_list(); l; l = l->next) {
        AddressSpace *as = l->data;

        if (!strcmp(as->name, name)) {
            address_space_foreach_range(as, memory_map_add_range, &b);
            return b.head;
        }
    }
    error_setg(errp, "Address space '%s' not found", name);
    return NULL;
}
