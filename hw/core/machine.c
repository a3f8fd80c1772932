/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The abstract machine type, its helpers, and the "none" machine: an empty
 * board that QMP clients and board scripts fill with devices.
 */
#include "qemu/osdep.h"
#include "exec/address-spaces.h"
#include "hw/boards.h"
#include "hw/qdev-core.h"
#include "qapi/error.h"
#include "qapi/input.h"
#include "qapi/type-helpers.h"
#include "qom/object.h"

MachineState *qdev_get_machine(void)
{
    Object *obj = object_resolve_path_component(object_get_root(),
                                                "machine");

    return obj ? MACHINE(obj) : NULL;
}

static void machine_class_base_init(ObjectClass *oc, void *data)
{
    MachineClass *mc = MACHINE_CLASS(oc);
    const char *tname = object_class_get_name(oc);

    /* "none-machine" is -M none */
    if (g_str_has_suffix(tname, TYPE_MACHINE_SUFFIX)) {
        g_autofree char *name = g_strndup(tname, strlen(tname) -
                                          strlen(TYPE_MACHINE_SUFFIX));
        mc->name = g_intern_string(name);
    }
}

MachineClass *machine_class_find(const char *name)
{
    g_autofree char *tname = g_strconcat(name, TYPE_MACHINE_SUFFIX, NULL);
    ObjectClass *oc = object_class_by_name(tname);

    if (!oc || object_class_is_abstract(oc) ||
        !object_class_dynamic_cast(oc, TYPE_MACHINE)) {
        return NULL;
    }
    return MACHINE_CLASS(oc);
}

static gint machine_class_cmp(gconstpointer a, gconstpointer b)
{
    const MachineClass *ma = a, *mb = b;

    return strcmp(ma->name, mb->name);
}

void machine_print_list(FILE *f)
{
    GSList *list = object_class_get_list(TYPE_MACHINE, false);
    GSList *el;

    list = g_slist_sort(list, machine_class_cmp);
    fprintf(f, "Supported machines are:\n");
    for (el = list; el; el = el->next) {
        MachineClass *mc = el->data;

        fprintf(f, "%-20s %s%s\n", mc->name, mc->desc ? mc->desc : "",
                mc->is_default ? " (default)" : "");
    }
    g_slist_free(list);
}

static gint machine_class_cmp_none_first(gconstpointer a, gconstpointer b)
{
    const MachineClass *ma = a, *mb = b;
    bool na = !strcmp(ma->name, "none"), nb = !strcmp(mb->name, "none");

    if (na != nb) {
        return na ? -1 : 1;
    }
    return strcmp(ma->name, mb->name);
}

GSList *machine_class_list_sorted(void)
{
    return g_slist_sort(object_class_get_list(TYPE_MACHINE, false),
                        machine_class_cmp_none_first);
}

/* Init-done notifiers */

typedef struct InitDoneNotifier {
    MachineInitDoneFunc *fn;
    void *opaque;
} InitDoneNotifier;

static GList *init_done_notifiers;

void qemu_add_machine_init_done_notifier(MachineInitDoneFunc *fn,
                                         void *opaque)
{
    InitDoneNotifier *n;

    if (phase_check(PHASE_MACHINE_READY)) {
        fn(opaque);
        return;
    }
    n = g_new0(InitDoneNotifier, 1);
    n->fn = fn;
    n->opaque = opaque;
    init_done_notifiers = g_list_append(init_done_notifiers, n);
}

void qemu_remove_machine_init_done_notifier(MachineInitDoneFunc *fn,
                                            void *opaque)
{
    GList *l;

    for (l = init_done_notifiers; l; l = l->next) {
        InitDoneNotifier *n = l->data;

        if (n->fn == fn && n->opaque == opaque) {
            g_free(n);
            init_done_notifiers = g_list_delete_link(init_done_notifiers, l);
            return;
        }
    }
}

void machine_init_done_notify(void)
{
    while (init_done_notifiers) {
        InitDoneNotifier *n = init_done_notifiers->data;

        init_done_notifiers = g_list_delete_link(init_done_notifiers,
                                                 init_done_notifiers);
        n->fn(n->opaque);
        g_free(n);
    }
}

/*
 * "memory" (MemorySizeConfiguration) and "smp" (SMPConfiguration) are
 * struct-valued, as in QEMU: qom-get /machine memory gives {"size": N}.
 * They are instance properties, so "-M none,help" does not list them.
 */
static JsonNode *machine_get_memory(Object *obj, ObjectProperty *prop,
                                    Error **errp)
{
    JsonObject *o = json_object_new();

    json_object_set_member(o, "size",
                           qapi_output_size(MACHINE(obj)->ram_size));
    return qapi_object_finish(o);
}

static bool machine_set_memory(Object *obj, ObjectProperty *prop,
                               JsonNode *value, Error **errp)
{
    JsonObject *o;
    GList *members, *l;
    uint64_t size = MACHINE(obj)->ram_size;
    bool ok = true;

    if (!qinput_object(value, prop->name, &o, errp)) {
        return false;
    }
    members = json_object_get_members(o);
    for (l = members; l && ok; l = l->next) {
        const char *key = l->data;

        if (!strcmp(key, "size")) {
            ok = qinput_size(json_object_get_member(o, key), key, &size,
                             errp);
        } else {
            error_setg(errp, "Parameter '%s' is unexpected", key);
            ok = false;
        }
    }
    g_list_free(members);
    if (ok) {
        MACHINE(obj)->ram_size = size;
    }
    return ok;
}

static const char *const smp_members[] = {
    "cpus", "sockets", "dies", "clusters", "cores", "threads", "maxcpus",
};

static JsonNode *machine_get_smp(Object *obj, ObjectProperty *prop,
                                 Error **errp)
{
    MachineState *ms = MACHINE(obj);
    JsonObject *o = json_object_new();
    size_t i;

    for (i = 0; i < G_N_ELEMENTS(smp_members); i++) {
        unsigned int v = !strcmp(smp_members[i], "cpus") ? ms->smp.cpus :
                         !strcmp(smp_members[i], "maxcpus") ?
                         ms->smp.max_cpus : 1;

        json_object_set_int_member(o, smp_members[i], v);
    }
    return qapi_object_finish(o);
}

/*
 * Only a single CPU is supported so far: every topology member must give
 * one CPU, and cpus above the class's max_cpus get QEMU's error.
 */
static bool machine_set_smp(Object *obj, ObjectProperty *prop,
                            JsonNode *value, Error **errp)
{
    MachineState *ms = MACHINE(obj);
    MachineClass *mc = MACHINE_GET_CLASS(ms);
    JsonObject *o;
    GList *members, *l;
    uint64_t product = 1, cpus = 0, maxcpus = 0;
    bool ok = true;

    if (!qinput_object(value, prop->name, &o, errp)) {
        return false;
    }
    members = json_object_get_members(o);
    for (l = members; l && ok; l = l->next) {
        const char *key = l->data;
        uint64_t v;
        size_t i;

        for (i = 0; i < G_N_ELEMENTS(smp_members); i++) {
            if (!strcmp(key, smp_members[i])) {
                break;
            }
        }
        if (i == G_N_ELEMENTS(smp_members)) {
            error_setg(errp, "Parameter '%s' is unexpected", key);
            ok = false;
            break;
        }
        ok = qinput_uint64(json_object_get_member(o, key), key, &v, errp);
        if (!ok) {
            break;
        }
        if (!strcmp(key, "cpus")) {
            cpus = v;
        } else if (!strcmp(key, "maxcpus")) {
            maxcpus = v;
        } else if (v) {
            product *= v;
        }
    }
    g_list_free(members);
    if (!ok) {
        return false;
    }
    if (!cpus) {
        cpus = maxcpus ? maxcpus : product;
    }
    if (!maxcpus) {
        maxcpus = cpus;
    }
    if (maxcpus < cpus) {
        error_setg(errp, "maxcpus must be equal to or greater than smp");
        return false;
    }
    if (cpus > mc->max_cpus || maxcpus > mc->max_cpus) {
        error_setg(errp, "Invalid SMP CPUs %" PRIu64 ". The max CPUs "
                   "supported by machine '%s' is %d",
                   MAX(cpus, maxcpus), mc->name, mc->max_cpus);
        return false;
    }
    ms->smp.cpus = cpus;
    ms->smp.max_cpus = maxcpus;
    return true;
}

static void machine_instance_init(Object *obj)
{
    MachineState *ms = MACHINE(obj);
    ObjectProperty *prop;

    ms->ram_size = MACHINE_GET_CLASS(ms)->default_ram_size;
    ms->smp.cpus = 1;
    ms->smp.max_cpus = 1;
    prop = object_property_add(obj, "memory", "MemorySizeConfiguration",
                               machine_get_memory, machine_set_memory,
                               NULL, NULL);
    object_property_set_description(prop, "Memory size configuration");
    prop = object_property_add(obj, "smp", "SMPConfiguration",
                               machine_get_smp, machine_set_smp, NULL, NULL);
    object_property_set_description(prop, "CPU topology");
}

static void machine_instance_finalize(Object *obj)
{
    g_free(MACHINE(obj)->cpu_type);
}

bool machine_run_board_init(MachineState *ms, Error **errp)
{
    MachineClass *mc = MACHINE_GET_CLASS(ms);

    if (ms->ram_addr && !ms->ram_size) {
        error_setg(errp, "'ram-addr' has been specified but the size is "
                   "zero");
        return false;
    }
    if (mc->default_ram_id && ms->ram_size && !ms->ram) {
        MemoryRegion *ram = g_new0(MemoryRegion, 1);

        if (!memory_region_init_ram(ram, OBJECT(ms), mc->default_ram_id,
                                    ms->ram_size, errp)) {
            g_free(ram);
            return false;
        }
        /* the machine's child property holds the only reference */
        OBJECT(ram)->free = g_free;
        memory_region_add_subregion(get_system_memory(), ms->ram_addr, ram);
        ms->ram = ram;
    }
    mc->init(ms);
    return true;
}

bool machine_populate(MachineState *ms, Error **errp)
{
    MachineClass *mc = MACHINE_GET_CLASS(ms);

    return !mc->populate || mc->populate(ms, errp);
}

/*
 * "ram-addr" (GreenSocs, 2022): where -m RAM goes on the none machine.
 * Settable with -M none,ram-addr= and qom-set until the RAM is made.
 */
static JsonNode *machine_get_ram_addr(Object *obj, ObjectProperty *prop,
                                      Error **errp)
{
    return qapi_output_uint64(MACHINE(obj)->ram_addr);
}

static bool machine_set_ram_addr(Object *obj, ObjectProperty *prop,
                                 JsonNode *value, Error **errp)
{
    uint64_t addr;

    if (!qinput_uint64(value, prop->name, &addr, errp)) {
        return false;
    }
    /* only the live machine is frozen; introspection makes other ones */
    if (obj == OBJECT(qdev_get_machine()) &&
        phase_check(PHASE_MACHINE_INITIALIZED)) {
        error_setg(errp, "Property 'ram-addr' can only be set before the "
                   "machine is initialized");
        return false;
    }
    MACHINE(obj)->ram_addr = addr;
    return true;
}

static void none_machine_init(MachineState *ms)
{
    /* -cpu: one CPU, at /machine/unattached/device[0] */
    if (ms->cpu_type) {
        qdev_realize_and_unref(qdev_new(ms->cpu_type), NULL, &error_fatal);
    }
}

static void none_machine_class_init(ObjectClass *oc, void *data)
{
    MachineClass *mc = MACHINE_CLASS(oc);
    ObjectProperty *prop;

    mc->desc = "empty machine";
    mc->max_cpus = 1;
    mc->default_ram_id = "ram";
    mc->init = none_machine_init;
    prop = object_class_property_add(oc, "ram-addr", "uint64",
                                     machine_get_ram_addr,
                                     machine_set_ram_addr, NULL, NULL);
    object_property_set_default_uint(prop, 0);
    object_class_property_set_description(oc, "ram-addr",
                                          "Base address of the -m RAM");
}

static const TypeInfo machine_types[] = {
    {
        .name = TYPE_MACHINE,
        .parent = TYPE_OBJECT,
        .abstract = true,
        .instance_size = sizeof(MachineState),
        .instance_init = machine_instance_init,
        .instance_finalize = machine_instance_finalize,
        .class_size = sizeof(MachineClass),
        .class_base_init = machine_class_base_init,
    },
    {
        .name = MACHINE_TYPE_NAME("none"),
        .parent = TYPE_MACHINE,
        .class_init = none_machine_class_init,
    },
};

DEFINE_TYPES(machine_types)
