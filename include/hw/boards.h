/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Machines.  A machine type is a QOM class "<name>-machine" derived from the
 * abstract "machine"; the object lives at /machine.  Machine types are few:
 * boards are data (.qmp files under boards/) replayed on the "none" machine.
 */
#ifndef HW_BOARDS_H
#define HW_BOARDS_H

#include "qom/object.h"

#define TYPE_MACHINE "machine"
#define TYPE_MACHINE_SUFFIX "-machine"
#define MACHINE_TYPE_NAME(machinename) (machinename TYPE_MACHINE_SUFFIX)

OBJECT_DECLARE_TYPE(MachineState, MachineClass, MACHINE)

struct MachineClass {
    ObjectClass parent_class;

    const char *name;       /* the -M name: type name without "-machine" */
    const char *desc;       /* one line for -machine help */
    bool is_default;
    int max_cpus;
    const char *default_cpu_type;
    const char *default_ram_id;
    /* Build the board; runs when the machine reaches "initialized". */
    void (*init)(MachineState *ms);
};

struct MachineState {
    Object parent_obj;
};

/* The machine object, or NULL before one is created. */
MachineState *qdev_get_machine(void);

/*
 * The class of the machine named @name (as given to -M), or NULL.
 */
MachineClass *machine_class_find(const char *name);

/* Print "-machine help": the list of machine types. */
void machine_print_list(FILE *f);

#endif
