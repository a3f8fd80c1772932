/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The qtest protocol server (-qtest): a line protocol on a chardev that
 * reads and writes guest memory, steps the virtual clock and intercepts
 * IRQ lines, for device tests that run no guest code.  The protocol is
 * described in docs/devel/qtest.md.  The "qtest" accelerator (-accel
 * qtest) keeps every vCPU stopped and makes the virtual clock explicit.
 */
#ifndef SYSEMU_QTEST_H
#define SYSEMU_QTEST_H

#include "sysemu/accel.h"

#define TYPE_QTEST "qtest"

/**
 * qtest_server_init: start the qtest server
 * @chrdev_spec: a -serial style chardev spec ("unix:/tmp/qt.sock"); the
 *   chardev is labelled "qtest"
 * @logfile: where to log the traffic: NULL for stderr, "none" for nowhere
 *
 * Creates /machine/qtest (a "qtest" object whose "chardev" property is
 * "qtest").  Call once the machine object exists.  Error: "Failed to
 * initialize device for qtest: \"SPEC\"".
 */
bool qtest_server_init(const char *chrdev_spec, const char *logfile,
                       Error **errp);

#endif
