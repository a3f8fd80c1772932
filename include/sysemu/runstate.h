/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The run state of the machine (running, paused, ...) and the requests
 * that change it: shutdown, reset, power-down, stop and start.
 *
 * Requests may be raised from any thread (vCPU threads included, with or
 * without the big lock); the main loop acts on them.  The QMP commands
 * act at once instead, so that their events precede their replies.
 */
#ifndef SYSEMU_RUNSTATE_H
#define SYSEMU_RUNSTATE_H

/* ShutdownCause and RunState are QAPI enums (qapi/run-state.json). */
#include "qapi/qapi-types.h"

/** shutdown_caused_by_guest: whether @cause is one of the guest-* ones. */
static inline bool shutdown_caused_by_guest(ShutdownCause cause)
{
    /* As QEMU 7.2 decides it: snapshot-load counts as the guest's. */
    return cause >= SHUTDOWN_CAUSE_GUEST_SHUTDOWN &&
           cause != SHUTDOWN_CAUSE_SUBSYSTEM_RESET;
}

/* Shutdown */

/**
 * qemu_system_shutdown_request: ask the main loop to end the process
 *
 * The main loop sends SHUTDOWN (guest, reason) and returns; the process
 * then cleans up and exits with status 0.  The first cause wins.  Any
 * thread may call this (not a signal handler).
 */
void qemu_system_shutdown_request(ShutdownCause cause);

/**
 * qemu_system_shutdown_now: the same, but SHUTDOWN is sent before this
 * returns (main loop thread only; the quit command uses it).
 */
void qemu_system_shutdown_now(ShutdownCause cause);

/* The pending shutdown cause, SHUTDOWN_CAUSE_NONE when none. */
ShutdownCause qemu_shutdown_requested(void);

/* Reset */

typedef void QEMUResetHandler(void *opaque);

/**
 * qemu_register_reset: call @fn(@opaque) on every system reset, in
 * registration order.  Registering the same pair twice calls it twice.
 */
void qemu_register_reset(QEMUResetHandler *fn, void *opaque);
/* Forget the first registration of @fn with @opaque (none: no-op). */
void qemu_unregister_reset(QEMUResetHandler *fn, void *opaque);

/**
 * qemu_system_reset: reset the machine now: run the reset handlers, then
 * send RESET unless @cause is NONE (the initial reset) or
 * SUBSYSTEM_RESET.  Main loop thread, big lock held.
 */
void qemu_system_reset(ShutdownCause cause);

/*
 * Ask the main loop to shut down and the process to exit with status
 * @exit_code (a test finisher); the first request wins.
 */
void qemu_system_shutdown_request_with_code(ShutdownCause cause,
                                            int exit_code);
/* The status the process exits with: 0 unless a request gave one. */
int qemu_shutdown_exit_code(void);

/* Ask the main loop to reset the machine (guest-reset from a device). */
void qemu_system_reset_request(ShutdownCause cause);

/* Power-down (the ACPI power button) */

typedef void QEMUPowerdownHandler(void *opaque);

/* Boards register what the power button does. */
void qemu_register_powerdown_handler(QEMUPowerdownHandler *fn, void *opaque);
void qemu_unregister_powerdown_handler(QEMUPowerdownHandler *fn,
                                       void *opaque);

/* Send POWERDOWN and call the power-down handlers (main loop thread). */
void qemu_system_powerdown(void);

/* Signals and the main loop */

/*
 * Install SIGINT/SIGHUP/SIGTERM handlers: the main loop then prints
 * "terminating on signal N from pid P (name)" and shuts down cleanly with
 * cause host-signal.
 */
void os_setup_signal_handling(void);
void os_cleanup_signal_handling(void);

/* Forget every handler registered here (at exit, after the machine). */
void runstate_cleanup(void);

/*
 * Run the main loop until a shutdown is requested, acting on reset and
 * shutdown requests between iterations.
 */
void qemu_main_loop(void);

/* Run state */

/* The current run state; RUN_STATE_PRELAUNCH until the machine starts. */
RunState runstate_get(void);
bool runstate_check(RunState state);
void runstate_set(RunState state);
/* Whether the guest runs (the state is RUN_STATE_RUNNING). */
bool runstate_is_running(void);
/* Whether only a reset can make the machine run again (panic, error). */
bool runstate_needs_reset(void);

typedef struct VMChangeStateEntry VMChangeStateEntry;
typedef void VMChangeStateHandler(void *opaque, bool running, RunState state);

/**
 * qemu_add_vm_change_state_handler: call @cb whenever the machine starts
 * (@running true) or stops.  Handlers run in registration order on start
 * and in reverse order on stop.  Returns a handle for
 * qemu_del_vm_change_state_handler().
 */
VMChangeStateEntry *qemu_add_vm_change_state_handler(VMChangeStateHandler *cb,
                                                     void *opaque);
void qemu_del_vm_change_state_handler(VMChangeStateEntry *e);

/**
 * vm_start: start the machine: send RESUME, enable the virtual clock,
 * run the change-state handlers.  Nothing happens if it already runs.
 */
void vm_start(void);

/**
 * vm_stop: stop a running machine in state @state (e.g. paused): disable
 * the virtual clock, run the handlers, send STOP.  A machine that is not
 * running is left alone (no event, state unchanged).
 */
void vm_stop(RunState state);

#endif
