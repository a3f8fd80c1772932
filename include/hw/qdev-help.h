/* SPDX-License-Identifier: GPL-2.0-or-later */
/* "-device help": the list of user-creatable devices by category. */
#ifndef HW_QDEV_HELP_H
#define HW_QDEV_HELP_H

#include "hw/qdev-core.h"

void qdev_print_device_list(FILE *f);

/*
 * The properties of the device-list-properties and "-device T,help"
 * listings leave out the ones every device has (type, realized, ...).
 */
bool qdev_property_is_internal(const char *name);
/* Print "-device T,help" for device class @oc. */
void qdev_print_device_props_help(FILE *f, ObjectClass *oc);

#endif
