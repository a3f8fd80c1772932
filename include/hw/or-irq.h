/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * "or-irq": an OR gate for interrupt lines.  Its output
 * "unnamed-gpio-out[0]" is high while any of its inputs
 * "unnamed-gpio-in[0..num-lines-1]" is high.
 *
 * Property "num-lines" (uint16, default 1): 1 to MAX_OR_LINES.
 */
#ifndef HW_OR_IRQ_H
#define HW_OR_IRQ_H

#include "hw/qdev-core.h"

#define TYPE_OR_IRQ "or-irq"
#define MAX_OR_LINES 48

OBJECT_DECLARE_SIMPLE_TYPE(OrIRQState, OR_IRQ)

struct OrIRQState {
    DeviceState parent_obj;

    qemu_irq out_irq;
    bool levels[MAX_OR_LINES];
    uint16_t num_lines;
};

#endif
