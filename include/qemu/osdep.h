/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * First include of every .c file in the tree, never included by a header.
 *
 * It pulls in the C library and GLib pieces that nearly every file needs and
 * the few project-wide helper macros, so that individual headers can stay
 * small and self-contained.
 */
#ifndef QEMU_OSDEP_H
#define QEMU_OSDEP_H

#include <assert.h>
#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <unistd.h>

#include <glib.h>

#include "qemu/typedefs.h"

#ifndef container_of
#define container_of(ptr, type, member) \
    ((type *)((char *)(ptr) - offsetof(type, member)))
#endif

#define ARRAY_SIZE(x) (sizeof(x) / sizeof((x)[0]))

#define QEMU_NORETURN __attribute__((noreturn))
#define QEMU_UNUSED __attribute__((unused))
#define QEMU_PRINTF(fmt, args) __attribute__((format(printf, fmt, args)))

#define MIN_NON_ZERO(a, b) \
    ((a) == 0 ? (b) : ((b) == 0 ? (a) : (MIN(a, b))))

#endif
