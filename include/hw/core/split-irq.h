/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * "split-irq": fans one interrupt line out to several.  An output line
 * drives a single input, so a line that must reach two devices goes
 * through a splitter: its input "unnamed-gpio-in[0]" is copied to its
 * outputs "unnamed-gpio-out[0..num-lines-1]".
 *
 * Property "num-lines" (uint16, default 1): 1 to 15 (QEMU's limit; its
 * error text says "between 1 and 16").
 */
#ifndef HW_CORE_SPLIT_IRQ_H
#define HW_CORE_SPLIT_IRQ_H

#include "hw/qdev-core.h"

#define TYPE_SPLIT_IRQ "split-irq"
#define MAX_SPLIT_LINES 16

OBJECT_DECLARE_SIMPLE_TYPE(SplitIRQ, SPLIT_IRQ)

struct SplitIRQ {
    DeviceState parent_obj;

    qemu_irq out_irq[MAX_SPLIT_LINES];
    uint16_t num_lines;
};

#endif
