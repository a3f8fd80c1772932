/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The abstract CPU device: numbering in realize order and the global CPU
 * list that loaders, interrupt controllers and HMP look CPUs up in.
 */
#include "qemu/osdep.h"
#include "hw/core/cpu.h"
#include "qapi/error.h"

static GSList *cpus;    /* CPUState *, by cpu_index */

CPUState *qemu_get_cpu(int index)
{
    GSList *l;

    for (l = cpus; l; l = l->next) {
        CPUState *cpu = l->data;

        if (cpu->cpu_index == index) {
            return cpu;
        }
    }
    return NULL;
}

GSList *cpu_list(void)
{
    return cpus;
}

void qemu_set_irq_or_cpu_input(qemu_irq irq, int64_t cpu_index, int n,
                               int level)
{
    CPUState *cpu;

    if (irq) {
        qemu_set_irq(irq, level);
        return;
    }
    cpu = cpu_index >= 0 && cpu_index <= INT_MAX ? qemu_get_cpu(cpu_index)
                                                 : NULL;
    if (cpu) {
        qemu_set_irq(qdev_get_gpio_in(DEVICE(cpu), n), level);
    }
}

/* The lowest free index, so that a removed CPU's number is reused. */
static int cpu_next_index(void)
{
    int index = 0;

    while (qemu_get_cpu(index)) {
        index++;
    }
    return index;
}

static gint cpu_index_cmp(gconstpointer a, gconstpointer b)
{
    return ((const CPUState *)a)->cpu_index -
           ((const CPUState *)b)->cpu_index;
}

static void cpu_common_realize(DeviceState *dev, Error **errp)
{
    CPUState *cpu = CPU(dev);

    cpu->cpu_index = cpu_next_index();
    cpus = g_slist_insert_sorted(cpus, cpu, cpu_index_cmp);
}

static void cpu_common_unrealize(DeviceState *dev)
{
    cpus = g_slist_remove(cpus, CPU(dev));
}

static void cpu_common_initfn(Object *obj)
{
    CPU(obj)->cpu_index = -1;
}

static void cpu_common_finalize(Object *obj)
{
    /* an unrealize may not have run if realize never completed */
    cpus = g_slist_remove(cpus, CPU(obj));
}

static void cpu_common_class_init(ObjectClass *oc, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(oc);

    dc->realize = cpu_common_realize;
    dc->unrealize = cpu_common_unrealize;
    dc->user_creatable = false;
    device_class_set_category(dc, DEVICE_CATEGORY_CPU);
}

static const TypeInfo cpu_type_info = {
    .name = TYPE_CPU,
    .parent = TYPE_DEVICE,
    .instance_size = sizeof(CPUState),
    .instance_init = cpu_common_initfn,
    .instance_finalize = cpu_common_finalize,
    .abstract = true,
    .class_size = sizeof(CPUClass),
    .class_init = cpu_common_class_init,
};

static void cpu_register_types(void)
{
    type_register_static(&cpu_type_info);
}

type_init(cpu_register_types)
