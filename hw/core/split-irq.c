/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * "split-irq": one input copied to num-lines outputs.  See
 * include/hw/core/split-irq.h.
 */
#include "qemu/osdep.h"
#include "hw/core/split-irq.h"
#include "hw/qdev-properties.h"
#include "qapi/error.h"

static void split_irq_handler(void *opaque, int n, int level)
{
    SplitIRQ *s = opaque;
    int i;

    for (i = 0; i < s->num_lines; i++) {
        qemu_set_irq(s->out_irq[i], level);
    }
}

static void split_irq_init(Object *obj)
{
    qdev_init_gpio_in(DEVICE(obj), split_irq_handler, 1);
}

static void split_irq_realize(DeviceState *dev, Error **errp)
{
    SplitIRQ *s = SPLIT_IRQ(dev);

    /* QEMU's bound and text: 16 itself is refused */
    if (s->num_lines < 1 || s->num_lines >= MAX_SPLIT_LINES) {
        error_setg(errp,
                   "IRQ splitter number of lines %d is not between 1 and %d",
                   s->num_lines, MAX_SPLIT_LINES);
        return;
    }
    qdev_init_gpio_out(dev, s->out_irq, s->num_lines);
}

static const Property split_irq_props[] = {
    DEFINE_PROP_UINT16("num-lines", SplitIRQ, num_lines, 1),
    DEFINE_PROP_END_OF_LIST(),
};

static void split_irq_class_init(ObjectClass *oc, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(oc);

    /* user-creatable here (not in QEMU): QMP machines need fan-out */
    dc->user_creatable = true;
    dc->realize = split_irq_realize;
    device_class_set_props(dc, split_irq_props);
}

static const TypeInfo split_irq_info = {
    .name = TYPE_SPLIT_IRQ,
    .parent = TYPE_DEVICE,
    .instance_size = sizeof(SplitIRQ),
    .instance_init = split_irq_init,
    .class_init = split_irq_class_init,
};

static void split_irq_register_types(void)
{
    type_register_static(&split_irq_info);
}

type_init(split_irq_register_types)
