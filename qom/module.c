/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Deferred start-up functions recorded by module_init()/type_init(). */
#include "qemu/osdep.h"
#include "qemu/module.h"

typedef struct ModuleEntry {
    void (*fn)(void);
    bool done;
} ModuleEntry;

static GArray *init_lists[MODULE_INIT_MAX];

static GArray *find_list(ModuleInitType type)
{
    assert(type < MODULE_INIT_MAX);
    if (!init_lists[type]) {
        init_lists[type] = g_array_new(false, true, sizeof(ModuleEntry));
    }
    return init_lists[type];
}

void register_module_init(void (*fn)(void), ModuleInitType type)
{
    ModuleEntry e = { .fn = fn };

    g_array_append_val(find_list(type), e);
}

void module_call_init(ModuleInitType type)
{
    GArray *list = find_list(type);
    guint i;

    /*
     * An init function may register more functions (or call us again):
     * index the array afresh on every step and mark before calling.
     */
    for (i = 0; i < list->len; i++) {
        ModuleEntry *e = &g_array_index(list, ModuleEntry, i);

        if (!e->done) {
            e->done = true;
            e->fn();
        }
    }
}
