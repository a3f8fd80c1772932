/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The null backend, which swallows output and never has input, and "vc",
 * which behaves the same here: without a graphical console a virtual
 * console has nobody to show its text to.
 */
#include "qemu/osdep.h"
#include "chardev/char.h"

static void null_chr_class_init(ObjectClass *oc, void *data)
{
    /* the base class already discards output; nothing to open */
}

static const TypeInfo null_chr_types[] = {
    {
        .name = TYPE_CHARDEV_NULL,
        .parent = TYPE_CHARDEV,
        .class_init = null_chr_class_init,
    },
    {
        .name = "chardev-vc",
        .parent = TYPE_CHARDEV,
        .class_init = null_chr_class_init,
    },
};

DEFINE_TYPES(null_chr_types)
