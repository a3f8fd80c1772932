/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Interrupt lines.  An input line is a QOM object of type "irq" (an
 * IRQState) carrying the handler of the device it belongs to; a device
 * owns its inputs as child<irq> properties.  An output line is a pointer
 * (qemu_irq) to the input it drives, exposed as a link<irq> property: one
 * output drives at most one input; fan-out goes through a splitter device
 * ("split-irq").  See include/hw/qdev-core.h for the GPIO API.
 */
#ifndef HW_IRQ_H
#define HW_IRQ_H

#include "qom/object.h"

#define TYPE_IRQ "irq"
OBJECT_DECLARE_SIMPLE_TYPE(IRQState, IRQ)

typedef struct IRQState *qemu_irq;

/* @n is the line's number within its device's list; @level 0 or 1. */
typedef void (*qemu_irq_handler)(void *opaque, int n, int level);

struct IRQState {
    Object parent_obj;

    qemu_irq_handler handler;
    void *opaque;
    int n;
};

/* Drive @irq to @level; a NULL (unconnected) line is a no-op. */
void qemu_set_irq(qemu_irq irq, int level);

static inline void qemu_irq_raise(qemu_irq irq)
{
    qemu_set_irq(irq, 1);
}

static inline void qemu_irq_lower(qemu_irq irq)
{
    qemu_set_irq(irq, 0);
}

static inline void qemu_irq_pulse(qemu_irq irq)
{
    qemu_set_irq(irq, 1);
    qemu_set_irq(irq, 0);
}

/* A new, unparented input line; drop it with qemu_free_irq(). */
qemu_irq qemu_allocate_irq(qemu_irq_handler handler, void *opaque, int n);
void qemu_free_irq(qemu_irq irq);

/* Initialize an IRQState embedded in a structure. */
void qemu_init_irq(IRQState *irq, qemu_irq_handler handler, void *opaque,
                   int n);

#endif
