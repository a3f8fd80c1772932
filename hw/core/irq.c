/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Interrupt lines: the "irq" QOM type (an input line carrying its owner's
 * handler) and the calls that drive one.
 */
#include "qemu/osdep.h"
#include "hw/irq.h"

void qemu_set_irq(qemu_irq irq, int level)
{
    if (irq && irq->handler) {
        irq->handler(irq->opaque, irq->n, level);
    }
}

static void irq_set_fields(IRQState *irq, qemu_irq_handler handler,
                           void *opaque, int n)
{
    irq->handler = handler;
    irq->opaque = opaque;
    irq->n = n;
}

void qemu_init_irq(IRQState *irq, qemu_irq_handler handler, void *opaque,
                   int n)
{
    object_initialize(irq, sizeof(*irq), TYPE_IRQ);
    irq_set_fields(irq, handler, opaque, n);
}

qemu_irq qemu_allocate_irq(qemu_irq_handler handler, void *opaque, int n)
{
    IRQState *irq = IRQ(object_new(TYPE_IRQ));

    irq_set_fields(irq, handler, opaque, n);
    return irq;
}

void qemu_free_irq(qemu_irq irq)
{
    if (irq) {
        object_unref(irq);
    }
}

static const TypeInfo irq_type_info = {
    .name = TYPE_IRQ,
    .parent = TYPE_OBJECT,
    .instance_size = sizeof(IRQState),
};

static void irq_register_types(void)
{
    type_register_static(&irq_type_info);
}

type_init(irq_register_types)
