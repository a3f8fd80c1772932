/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Process-level entry points of the emulator (softmmu/vl.c). */
#ifndef SYSEMU_SYSEMU_H
#define SYSEMU_SYSEMU_H

#include "sysemu/runstate.h"

/*
 * Parse the command line and bring the machine to the phase the options
 * ask for.  Informational options (-help, -version, ... help) print and exit
 * here; errors are reported in QEMU's format and exit with status 1.
 */
void qemu_init(int argc, char **argv);

/* Tear everything down; returns the process exit status. */
int qemu_cleanup(void);

/* The -name of the guest, or NULL. */
extern const char *qemu_name;

#endif
