/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * "or-irq": num-lines inputs OR-ed into one output.  See
 * include/hw/or-irq.h.
 */
#include "qemu/osdep.h"
#include "hw/or-irq.h"
#include "hw/qdev-properties.h"
#include "qapi/error.h"

static void or_irq_handler(void *opaque, int n, int level)
{
    OrIRQState *s = opaque;
    bool any = false;
    int i;

    assert(n >= 0 && n < s->num_lines);
    s->levels[n] = level;
    for (i = 0; i < s->num_lines; i++) {
        any |= s->levels[i];
    }
    qemu_set_irq(s->out_irq, any);
}

static void or_irq_init(Object *obj)
{
    OrIRQState *s = OR_IRQ(obj);

    qdev_init_gpio_out(DEVICE(obj), &s->out_irq, 1);
}

static void or_irq_realize(DeviceState *dev, Error **errp)
{
    OrIRQState *s = OR_IRQ(dev);

    /*
     * QEMU asserts instead; the text follows split-irq's (and, unlike
     * split-irq, MAX_OR_LINES itself is allowed, as in QEMU).
     */
    if (s->num_lines < 1 || s->num_lines > MAX_OR_LINES) {
        error_setg(errp,
                   "IRQ OR gate number of lines %d is not between 1 and %d",
                   s->num_lines, MAX_OR_LINES);
        return;
    }
    qdev_init_gpio_in(dev, or_irq_handler, s->num_lines);
}

static const Property or_irq_props[] = {
    DEFINE_PROP_UINT16("num-lines", OrIRQState, num_lines, 1),
    DEFINE_PROP_END_OF_LIST(),
};

static void or_irq_class_init(ObjectClass *oc, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(oc);

    /* user-creatable here (not in QEMU): QMP machines need fan-in */
    dc->user_creatable = true;
    dc->realize = or_irq_realize;
    device_class_set_props(dc, or_irq_props);
}

static const TypeInfo or_irq_info = {
    .name = TYPE_OR_IRQ,
    .parent = TYPE_DEVICE,
    .instance_size = sizeof(OrIRQState),
    .instance_init = or_irq_init,
    .class_init = or_irq_class_init,
};

static void or_irq_register_types(void)
{
    type_register_static(&or_irq_info);
}

type_init(or_irq_register_types)
