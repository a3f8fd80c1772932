/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The abstract device type as far as -device help needs it.  The full qdev
 * API (realize, properties, GPIOs) builds on this.
 */
#ifndef HW_QDEV_HELP_H
#define HW_QDEV_HELP_H

#include "qom/object.h"

#define TYPE_DEVICE "device"

/* The -device help blocks, in QEMU's order. */
typedef enum DeviceCategory {
    DEVICE_CATEGORY_BRIDGE,
    DEVICE_CATEGORY_USB,
    DEVICE_CATEGORY_STORAGE,
    DEVICE_CATEGORY_NETWORK,
    DEVICE_CATEGORY_INPUT,
    DEVICE_CATEGORY_DISPLAY,
    DEVICE_CATEGORY_SOUND,
    DEVICE_CATEGORY_MISC,
    DEVICE_CATEGORY_CPU,
    DEVICE_CATEGORY_WATCHDOG,
    DEVICE_CATEGORY_MAX,
} DeviceCategory;

OBJECT_DECLARE_TYPE(DeviceState, DeviceClass, DEVICE)

struct DeviceClass {
    ObjectClass parent_class;

    unsigned long categories;   /* bit set of DeviceCategory */
    const char *desc;
    const char *bus_type;       /* e.g. "System" for sysbus devices */
    bool user_creatable;        /* may -device / device_add create it */
    bool hotpluggable;
};

struct DeviceState {
    Object parent_obj;

    char *id;
};

static inline void device_class_set_category(DeviceClass *dc,
                                             DeviceCategory cat)
{
    dc->categories |= 1ul << cat;
}

/* Print "-device help": user-creatable devices by category. */
void qdev_print_device_list(FILE *f);

#endif
