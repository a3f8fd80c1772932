/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The RISC-V hart array.  At realize it creates, configures (resetvec,
 * mhartid = hartid-base + i) and realizes each hart as child harts[i].
 * Harts reset through the qdev reset pass (DeviceClass::reset); loaders
 * set PCs in the later reset_exit pass, so a "loader cpu-num=N" wins
 * over the hart's reset vector whatever the creation order.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/qdev-properties.h"
#include "hw/riscv/riscv_hart.h"

static const Property riscv_harts_props[] = {
    DEFINE_PROP_UINT32("num-harts", RISCVHartArrayState, num_harts, 1),
    DEFINE_PROP_UINT32("hartid-base", RISCVHartArrayState, hartid_base, 0),
    DEFINE_PROP_STRING("cpu-type", RISCVHartArrayState, cpu_type),
    DEFINE_PROP_UINT64("resetvec", RISCVHartArrayState, resetvec, 0x1000),
    DEFINE_PROP_END_OF_LIST(),
};

static bool riscv_hart_realize(RISCVHartArrayState *s, int idx,
                               Error **errp)
{
    g_autofree char *name = g_strdup_printf("harts[%d]", idx);
    ObjectClass *oc = object_class_by_name(s->cpu_type);
    DeviceState *dev;

    if (!oc || !object_class_dynamic_cast(oc, TYPE_RISCV_CPU) ||
        object_class_is_abstract(oc)) {
        error_setg(errp, "invalid cpu-type '%s'", s->cpu_type);
        return false;
    }
    dev = qdev_new(s->cpu_type);
    object_property_add_child(OBJECT(s), name, OBJECT(dev));
    qdev_prop_set_uint64(dev, "resetvec", s->resetvec);
    RISCV_CPU(dev)->env.mhartid = s->hartid_base + idx;
    s->harts[idx] = RISCV_CPU(dev);
    if (!qdev_realize_and_unref(dev, NULL, errp)) {
        object_unparent(OBJECT(dev));
        s->harts[idx] = NULL;
        return false;
    }
    return true;
}

static void riscv_harts_realize(DeviceState *dev, Error **errp)
{
    RISCVHartArrayState *s = RISCV_HART_ARRAY(dev);
    uint32_t i;

    if (!s->cpu_type) {
        error_setg(errp, "cpu-type property is not set");
        return;
    }
    s->harts = g_new0(RISCVCPU *, s->num_harts);
    for (i = 0; i < s->num_harts; i++) {
        if (!riscv_hart_realize(s, i, errp)) {
            return;
        }
    }
}

static void riscv_harts_finalize(Object *obj)
{
    g_free(RISCV_HART_ARRAY(obj)->harts);
}

static void riscv_harts_class_init(ObjectClass *oc, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(oc);

    device_class_set_props(dc, riscv_harts_props);
    dc->realize = riscv_harts_realize;
    dc->user_creatable = true;
    device_class_set_category(dc, DEVICE_CATEGORY_MISC);
}

static const TypeInfo riscv_harts_info = {
    .name = TYPE_RISCV_HART_ARRAY,
    .parent = TYPE_SYS_BUS_DEVICE,
    .instance_size = sizeof(RISCVHartArrayState),
    .instance_finalize = riscv_harts_finalize,
    .class_init = riscv_harts_class_init,
};

static void riscv_harts_register_types(void)
{
    type_register_static(&riscv_harts_info);
}

type_init(riscv_harts_register_types)
