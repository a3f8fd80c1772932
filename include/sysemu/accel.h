/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Accelerators: how guest code runs.  An accelerator is a QOM class
 * "<name>-accel" derived from the abstract "accel": "tcg" (the default)
 * and "qtest" (no guest code runs; the clock moves on qtest commands).
 * One instance, created by -accel / -machine accel=, is current.
 */
#ifndef SYSEMU_ACCEL_H
#define SYSEMU_ACCEL_H

#include "qom/object.h"

#define TYPE_ACCEL "accel"
#define ACCEL_CLASS_SUFFIX "-accel"
#define ACCEL_CLASS_NAME(a) (a ACCEL_CLASS_SUFFIX)

OBJECT_DECLARE_TYPE(AccelState, AccelClass, ACCEL)

struct AccelState {
    Object parent_obj;
};

struct AccelClass {
    ObjectClass parent_class;
    const char *name;       /* "tcg": the type name without "-accel" */
    /* Set the accelerator up for the machine; false with @errp set. */
    bool (*init_machine)(AccelState *accel, Error **errp);
};

/* The class of accelerator @name ("tcg"), or NULL. */
AccelClass *accel_find(const char *name);

/**
 * accel_init: create accelerator @name, set @props (string values, as
 * from -accel) and make it current.  The caller reports "invalid
 * accelerator" itself when accel_find() fails.
 */
bool accel_init(AccelClass *ac, QemuOpts *props, Error **errp);

/* The current accelerator, NULL before accel_init(). */
AccelState *current_accel(void);
/* Its name ("tcg"), or NULL. */
const char *current_accel_name(void);

/* -accel help: "Accelerators supported in QEMU binary:" then the names. */
void accel_print_list(FILE *f);

/* Drop the current accelerator (at exit). */
void accel_cleanup(void);

static inline bool qtest_enabled(void)
{
    const char *name = current_accel_name();

    return name && !strcmp(name, "qtest");
}

static inline bool tcg_enabled(void)
{
    const char *name = current_accel_name();

    return name && !strcmp(name, "tcg");
}

#endif
