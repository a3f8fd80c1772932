/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Forward declarations of the project's widely used structure types, so that
 * headers can name them without including each other.
 */
#ifndef QEMU_TYPEDEFS_H
#define QEMU_TYPEDEFS_H

typedef struct Error Error;
typedef struct Object Object;
typedef struct ObjectClass ObjectClass;
typedef struct InterfaceClass InterfaceClass;
typedef struct ObjectProperty ObjectProperty;
typedef struct QEnumLookup QEnumLookup;
typedef struct QEMUTimer QEMUTimer;
typedef struct QEMUBH QEMUBH;
typedef struct QemuOpts QemuOpts;
typedef struct QemuOpt QemuOpt;
typedef struct Chardev Chardev;
typedef struct CharBackend CharBackend;
typedef struct CPUState CPUState;

/* json-glib's value types are the project's QObject equivalent. */
typedef struct _JsonNode JsonNode;
typedef struct _JsonObject JsonObject;
typedef struct _JsonArray JsonArray;

#endif
