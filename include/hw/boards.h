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
    uint64_t default_ram_size;
    /* Build the board; runs when the machine reaches "initialized". */
    void (*init)(MachineState *ms);
    /*
     * Optional: runs once the machine is in phase "initialized", before
     * the -device options are created; a data board replays its script
     * here, so the script's commands run in the phase they expect.
     */
    bool (*populate)(MachineState *ms, Error **errp);
};

/* The CPU topology; only one CPU is supported for now. */
typedef struct CpuTopology {
    unsigned int cpus;
    unsigned int max_cpus;
} CpuTopology;

/**
 * struct MachineState: the machine object at /machine
 *
 * @ram_size: -m, or the class's default_ram_size (property "memory",
 *   {"size": N})
 * @smp: -smp (property "smp")
 * @cpu_type: the CPU type from -cpu ("<model>-riscv-cpu"), or NULL for
 *   the class's default
 * @ram_addr: where the -m RAM is mapped (the none machine's property
 *   "ram-addr", default 0)
 * @ram: the -m RAM region (named the class's default_ram_id), once
 *   machine_run_board_init() made it; NULL without -m
 */
struct MachineState {
    Object parent_obj;
    uint64_t ram_size;
    CpuTopology smp;
    char *cpu_type;
    uint64_t ram_addr;
    struct MemoryRegion *ram;
};

/* The machine object, or NULL before one is created. */
MachineState *qdev_get_machine(void);

/*
 * The class of the machine named @name (as given to -M), or NULL.
 */
MachineClass *machine_class_find(const char *name);

/**
 * machine_run_board_init: the work of entering phase "initialized"
 *
 * Makes the -m RAM (when the class has a default_ram_id and the size is
 * non-zero): a zero-filled RAM region mapped in system memory at
 * @ms->ram_addr, then runs MachineClass::init.  Errors (nothing is
 * created): "'ram-addr' has been specified but the size is zero", and
 * the memory API's error when the host cannot allocate the RAM.
 */
bool machine_run_board_init(MachineState *ms, Error **errp);

/**
 * machine_populate: run MachineClass::populate, if the class has one
 *
 * The phase stepper calls this right after entering "initialized".
 */
bool machine_populate(MachineState *ms, Error **errp);

/* Print "-machine help": the list of machine types. */
void machine_print_list(FILE *f);

/*
 * Machine types sorted by name, "none" first (query-machines order).
 * Free with g_slist_free().
 */
GSList *machine_class_list_sorted(void);

typedef void MachineInitDoneFunc(void *opaque);

/**
 * qemu_add_machine_init_done_notifier: call @fn(@opaque) when the machine
 * reaches phase "ready" (after board init and cold-plugged devices,
 * before the initial reset).  If it is already ready, @fn runs now.
 */
void qemu_add_machine_init_done_notifier(MachineInitDoneFunc *fn,
                                         void *opaque);
void qemu_remove_machine_init_done_notifier(MachineInitDoneFunc *fn,
                                            void *opaque);
/* Run the notifiers (the phase stepper calls this), then forget them. */
void machine_init_done_notify(void);

#endif
