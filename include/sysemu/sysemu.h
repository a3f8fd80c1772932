/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Process-level entry points of the emulator (softmmu/vl.c). */
#ifndef SYSEMU_SYSEMU_H
#define SYSEMU_SYSEMU_H

#include "hw/qdev-core.h"
#include "sysemu/runstate.h"

typedef struct Chardev Chardev;

/*
 * Parse the command line and bring the machine to the phase the options
 * ask for: "ready" (and running unless -S), or "accel-created" with
 * -preconfig.  Informational options (-help, -version, ... help) print
 * and exit here; errors are reported in QEMU's format and exit with
 * status 1.
 */
void qemu_init(int argc, char **argv);

/* Tear everything down; returns the process exit status. */
int qemu_cleanup(void);

/* The -name of the guest, or NULL. */
extern const char *qemu_name;

/**
 * qemu_machine_advance: the phase stepper.  Move the machine forward to
 * @phase, one phase at a time, doing each phase's work:
 *   accel-created: the accelerator is set up;
 *   initialized: the board is built (MachineClass::init) and the -device
 *     options are cold-plugged;
 *   ready: init-done notifiers, the initial reset, then the machine
 *     starts unless -S was given.
 * Every step sends MACHINE_PHASE_CHANGE.  @phase must be later than the
 * current phase; errors: "Machine is already in phase 'X'", "Cannot go
 * back from phase 'X' to 'Y'", or the work's own error (the machine then
 * stays in the last phase reached).
 */
bool qemu_machine_advance(MachineInitPhase phase, Error **errp);

/**
 * qemu_create_cli_device: create and cold-plug the device of one -device
 * option (@optarg as given: "driver,prop=value,..." or JSON), with the
 * option's location set for error messages.
 *
 * Provided by the qdev layer (hw/core/qdev.c); the phase stepper calls it
 * for every -device on entering "initialized".
 */
bool qemu_create_cli_device(const char *optarg, Error **errp);

/* Whether -daemonize was given (stdio backends refuse to work then). */
bool is_daemonized(void);

/* The chardev of serial port @i (-serial, -nographic), or NULL. */
Chardev *serial_hd(int i);
/* How many serial ports have a chardev (the highest index + 1). */
int serial_max_hds(void);

#endif
