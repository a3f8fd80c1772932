/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * x-machine-lint: look over an assembled machine for probable mistakes
 * (regions hidden by others, floating IRQ outputs, CPUs starting in a
 * hole, loader bytes aimed outside memory) and report them as warnings.
 * Nothing here changes the machine.
 */
#include "qemu/osdep.h"
#include "exec/address-spaces.h"
#include "hw/core/cpu.h"
#include "hw/core/generic-loader.h"
#include "hw/core/machine-lint.h"
#include "hw/loader.h"
#include "hw/qdev-core.h"
#include "qapi/error.h"
#include "qapi/qapi-commands.h"
#include "qemu/error-report.h"

typedef struct LintState {
    LintWarningList *head;
    LintWarningList **tail;
    GPtrArray *loaders;     /* GenericLoaderState *, in realize order */
} LintState;

static void G_GNUC_PRINTF(4, 5)
lint_add(LintState *s, LintWarningKind kind, Object *obj,
         const char *fmt, ...)
{
    LintWarning *w = g_new0(LintWarning, 1);
    va_list ap;

    w->kind = kind;
    va_start(ap, fmt);
    w->message = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    w->path = obj ? object_get_canonical_path(obj) : NULL;
    *s->tail = g_new0(LintWarningList, 1);
    (*s->tail)->value = w;
    s->tail = &(*s->tail)->next;
}

/* Shadowed regions */

/* Where a subregion lands, absolute and clipped to its container. */
typedef struct LintSpan {
    MemoryRegion *mr;
    uint64_t first;
    uint64_t last;
    uint64_t base;          /* unclipped start: its children's origin */
    bool valid;
} LintSpan;

static void lint_collect_sub(MemoryRegion *sub, void *opaque)
{
    g_ptr_array_add(opaque, sub);
}

static LintSpan lint_span(MemoryRegion *mr, uint64_t origin,
                          uint64_t cfirst, uint64_t clast)
{
    LintSpan sp = { .mr = mr };
    uint64_t size = memory_region_size(mr);
    uint64_t addr = memory_region_get_address(mr);

    if (!size || addr > UINT64_MAX - origin) {
        return sp;
    }
    sp.base = sp.first = origin + addr;
    if (size == UINT64_MAX || size - 1 > UINT64_MAX - sp.first) {
        sp.last = UINT64_MAX;
    } else {
        sp.last = sp.first + size - 1;
    }
    sp.first = MAX(sp.first, cfirst);
    sp.last = MIN(sp.last, clast);
    sp.valid = sp.first <= sp.last;
    return sp;
}

typedef struct LintRange {
    uint64_t first;
    uint64_t last;
} LintRange;

/*
 * Which parts of @lo the regions listed before it (@hi, in precedence
 * order) hide: each part goes to the first region that covers it, as
 * the flat view would show it.
 */
static void lint_hidden(LintState *s, LintSpan *lo, LintSpan *hi, guint n)
{
    GArray *left = g_array_new(false, false, sizeof(LintRange));
    LintRange whole = { lo->first, lo->last };
    int plo = memory_region_get_priority(lo->mr);
    guint i, k;

    g_array_append_val(left, whole);
    for (i = 0; i < n && left->len; i++) {
        GArray *next = g_array_new(false, false, sizeof(LintRange));
        int phi = memory_region_get_priority(hi[i].mr);

        for (k = 0; hi[i].valid && k < left->len; k++) {
            LintRange r = g_array_index(left, LintRange, k);
            uint64_t first = MAX(r.first, hi[i].first);
            uint64_t last = MIN(r.last, hi[i].last);

            if (first > last) {
                g_array_append_val(next, r);
                continue;
            }
            lint_add(s, LINT_WARNING_KIND_SHADOWED_REGION, OBJECT(lo->mr),
                     "Region '%s' at [0x%" PRIx64 ", 0x%" PRIx64 "] "
                     "(priority %d) is %s hidden by region '%s' "
                     "(priority %d%s) at [0x%" PRIx64 ", 0x%" PRIx64 "]",
                     memory_region_name(lo->mr), lo->first, lo->last, plo,
                     first == lo->first && last == lo->last ? "wholly"
                                                            : "partly",
                     memory_region_name(hi[i].mr), phi,
                     plo == phi ? ", mapped later" : "", first, last);
            if (r.first < first) {
                LintRange below = { r.first, first - 1 };

                g_array_append_val(next, below);
            }
            if (last < r.last) {
                LintRange above = { last + 1, r.last };

                g_array_append_val(next, above);
            }
        }
        if (!hi[i].valid) {
            g_array_append_vals(next, left->data, left->len);
        }
        g_array_free(left, true);
        left = next;
    }
    g_array_free(left, true);
}

/*
 * The subregions of a container come highest priority first, newest
 * first among equals: each one hides, where they overlap, the ones
 * listed after it.
 */
static void lint_container(LintState *s, MemoryRegion *c, uint64_t origin,
                           uint64_t cfirst, uint64_t clast)
{
    GPtrArray *subs = g_ptr_array_new();
    LintSpan *spans;
    guint i;

    memory_region_foreach_subregion(c, lint_collect_sub, subs);
    spans = g_new0(LintSpan, subs->len);
    for (i = 0; i < subs->len; i++) {
        spans[i] = lint_span(subs->pdata[i], origin, cfirst, clast);
    }
    for (i = 0; i < subs->len; i++) {
        if (spans[i].valid) {
            lint_hidden(s, &spans[i], spans, i);
        }
    }
    for (i = 0; i < subs->len; i++) {
        if (spans[i].valid &&
            memory_region_kind(spans[i].mr) == MEMORY_REGION_CONTAINER) {
            lint_container(s, spans[i].mr, spans[i].base, spans[i].first,
                           spans[i].last);
        }
    }
    g_free(spans);
    g_ptr_array_free(subs, true);
}

/* Floating IRQ outputs */

static void lint_device(DeviceState *dev, void *opaque)
{
    LintState *s = opaque;
    GSList *l;

    if (object_dynamic_cast(OBJECT(dev), TYPE_GENERIC_LOADER)) {
        g_ptr_array_add(s->loaders, dev);
    }
    for (l = dev->gpios; l; l = l->next) {
        NamedGPIOList *ngl = l->data;
        int i;

        for (i = 0; i < ngl->num_out; i++) {
            g_autofree char *who = NULL;

            if (*ngl->out[i]) {
                continue;
            }
            who = qdev_get_human_name(dev);
            lint_add(s, LINT_WARNING_KIND_FLOATING_IRQ, OBJECT(dev),
                     "IRQ output '%s[%d]' of device '%s' is not connected",
                     ngl->name ? ngl->name : "unnamed-gpio-out", i, who);
        }
    }
}

/* CPUs */

static bool lint_is_memory(MemoryRegion *mr)
{
    return mr && memory_region_is_ram(mr);
}

static void lint_cpu(LintState *s, CPUState *cpu)
{
    CPUClass *cc = CPU_GET_CLASS(cpu);
    AddressSpace *as = cpu->as ? cpu->as : &address_space_memory;
    GenericLoaderState *setter = NULL;
    g_autofree char *how = NULL;
    hwaddr xlat;
    vaddr pc = 0;
    guint i;

    /* the reset_exit pass runs in realize order: the last loader wins */
    for (i = 0; i < s->loaders->len; i++) {
        GenericLoaderState *ld = s->loaders->pdata[i];

        if (ld->set_pc && ld->cpu == cpu) {
            setter = ld;
        }
    }
    if (setter) {
        g_autofree char *who = qdev_get_human_name(DEVICE(setter));

        pc = setter->addr;
        how = g_strdup_printf("the PC set by loader '%s'", who);
    } else if (cc->reset_vector) {
        pc = cc->reset_vector(cpu);
        how = g_strdup("its reset vector");
    } else {
        return;
    }
    if (lint_is_memory(address_space_translate(as, pc, &xlat, NULL))) {
        return;
    }
    lint_add(s, LINT_WARNING_KIND_CPU_RESET_VECTOR_UNBACKED, OBJECT(cpu),
             "CPU %d would start at 0x%" PRIx64 " (%s), where there is "
             "no RAM or ROM", cpu->cpu_index, (uint64_t)pc, how);
}

/* Loaders */

/*
 * Count the bytes of [@addr, @addr + @len) that @ok refuses; *@from gets
 * the first of them.
 */
static uint64_t lint_missing(AddressSpace *as, hwaddr addr, uint64_t len,
                             bool (*ok)(MemoryRegion *mr), hwaddr *from)
{
    uint64_t missing = 0;

    while (len) {
        hwaddr xlat, plen = len;
        MemoryRegion *mr = address_space_translate(as, addr, &xlat, &plen);
        uint64_t chunk = MIN(plen, len);

        if (!chunk) {
            chunk = len;
        }
        if (!ok(mr)) {
            if (!missing) {
                *from = addr;
            }
            missing += chunk;
        }
        len -= chunk;
        if (len && chunk > UINT64_MAX - addr) {
            /* past the top of the address space: nothing there */
            if (!missing) {
                *from = 0;
            }
            missing += len;
            break;
        }
        addr += chunk;
    }
    return missing;
}

static GenericLoaderState *lint_find_loader(LintState *s, const void *owner)
{
    guint i;

    for (i = 0; i < s->loaders->len; i++) {
        if (s->loaders->pdata[i] == owner) {
            return s->loaders->pdata[i];
        }
    }
    return NULL;
}

static void lint_report_missing(LintState *s, GenericLoaderState *ld,
                                const char *what, hwaddr addr, uint64_t len,
                                uint64_t missing, hwaddr from,
                                const char *where)
{
    g_autofree char *who = ld ? qdev_get_human_name(DEVICE(ld)) : NULL;
    g_autofree char *of = who ? g_strdup_printf(" of loader '%s'", who)
                              : g_strdup("");
    uint64_t last = len - 1 > UINT64_MAX - addr ? UINT64_MAX
                                                : addr + len - 1;

    if (missing == len) {
        lint_add(s, LINT_WARNING_KIND_LOADER_OUTSIDE_MEMORY,
                 ld ? OBJECT(ld) : NULL,
                 "%s%s at [0x%" PRIx64 ", 0x%" PRIx64 "] has no %s "
                 "behind it", what, of, (uint64_t)addr, last, where);
    } else {
        lint_add(s, LINT_WARNING_KIND_LOADER_OUTSIDE_MEMORY,
                 ld ? OBJECT(ld) : NULL,
                 "%s%s at [0x%" PRIx64 ", 0x%" PRIx64 "]: %" PRIu64
                 " of its %" PRIu64 " bytes, from 0x%" PRIx64 ", have no "
                 "%s behind them", what, of, (uint64_t)addr, last, missing,
                 len, (uint64_t)from, where);
    }
}

static void lint_blob(const char *name, AddressSpace *as, hwaddr addr,
                      uint64_t romsize, const void *owner, void *opaque)
{
    LintState *s = opaque;
    g_autofree char *what = NULL;
    uint64_t missing;
    hwaddr from = 0;

    if (!romsize) {
        return;
    }
    missing = lint_missing(as, addr, romsize, lint_is_memory, &from);
    if (!missing) {
        return;
    }
    what = g_strdup_printf("Image '%s'", name);
    lint_report_missing(s, lint_find_loader(s, owner), what, addr, romsize,
                        missing, from, "RAM or ROM");
}

static bool lint_is_writable(MemoryRegion *mr)
{
    return mr && !memory_region_is_rom(mr);
}

/* A data write goes over the bus: I/O takes it, ROM drops it. */
static void lint_data(LintState *s, GenericLoaderState *ld)
{
    uint64_t missing;
    hwaddr from = 0;

    if (!ld->data_len || !ld->as) {
        return;
    }
    missing = lint_missing(ld->as, ld->addr, ld->data_len, lint_is_writable,
                           &from);
    if (missing) {
        lint_report_missing(s, ld, "Data", ld->addr, ld->data_len, missing,
                            from, "writable memory");
    }
}

LintWarningList *qmp_x_machine_lint(Error **errp)
{
    LintState s = { .loaders = g_ptr_array_new() };
    CPUState *cpu;
    guint i;

    s.tail = &s.head;
    lint_container(&s, get_system_memory(), 0, 0, UINT64_MAX);
    qdev_foreach_realized(lint_device, &s);
    CPU_FOREACH(cpu) {
        lint_cpu(&s, cpu);
    }
    rom_foreach(lint_blob, &s);
    for (i = 0; i < s.loaders->len; i++) {
        lint_data(&s, s.loaders->pdata[i]);
    }
    g_ptr_array_free(s.loaders, true);
    return s.head;
}

void machine_lint_report(void)
{
    LintWarningList *list = qmp_x_machine_lint(NULL), *l;

    for (l = list; l; l = l->next) {
        warn_report("%s", l->value->message);
    }
    qapi_free_LintWarningList(list);
}
