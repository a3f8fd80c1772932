/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Without softmmu/runstate.c (unit tests) a shutdown request, e.g. the
 * mux's C-a x, has nobody to stop: ignore it.
 */
#include "qemu/osdep.h"
#include "sysemu/runstate.h"

void qemu_system_shutdown_request(ShutdownCause cause)
{
}
