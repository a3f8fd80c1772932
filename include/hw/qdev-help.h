/* SPDX-License-Identifier: GPL-2.0-or-later */
/* "-device help": the list of user-creatable devices by category. */
#ifndef HW_QDEV_HELP_H
#define HW_QDEV_HELP_H

#include "hw/qdev-core.h"

void qdev_print_device_list(FILE *f);

#endif
