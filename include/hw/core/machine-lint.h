/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Machine lint: warnings about probable mistakes in a machine assembled
 * over QMP (x-machine-lint; see qapi/machine.json).
 */
#ifndef HW_CORE_MACHINE_LINT_H
#define HW_CORE_MACHINE_LINT_H

/*
 * Print every x-machine-lint finding with warn_report(); x-exit-preconfig
 * calls it once the machine is ready.
 */
void machine_lint_report(void);

#endif
