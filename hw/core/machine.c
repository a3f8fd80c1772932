/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The abstract machine type, its helpers, and the "none" machine: an empty
 * board that QMP clients and board scripts fill with devices.
 */
#include "qemu/osdep.h"
#include "hw/boards.h"
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

static void none_machine_init(MachineState *ms)
{
}

static void none_machine_class_init(ObjectClass *oc, void *data)
{
    MachineClass *mc = MACHINE_CLASS(oc);

    mc->desc = "empty machine";
    mc->max_cpus = 1;
    mc->default_ram_id = "ram";
    mc->init = none_machine_init;
}

static const TypeInfo machine_types[] = {
    {
        .name = TYPE_MACHINE,
        .parent = TYPE_OBJECT,
        .abstract = true,
        .instance_size = sizeof(MachineState),
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
