/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Requests that end or change the life of the process, raised from any
 * context (signal handlers included) and acted upon by the main loop.
 */
#ifndef SYSEMU_RUNSTATE_H
#define SYSEMU_RUNSTATE_H

typedef enum ShutdownCause {
    SHUTDOWN_CAUSE_NONE,
    SHUTDOWN_CAUSE_HOST_ERROR,
    SHUTDOWN_CAUSE_HOST_QMP_QUIT,
    SHUTDOWN_CAUSE_HOST_SIGNAL,
    SHUTDOWN_CAUSE_GUEST_SHUTDOWN,
} ShutdownCause;

/* Ask the main loop to exit; the first cause wins. */
void qemu_system_shutdown_request(ShutdownCause cause);
ShutdownCause qemu_shutdown_requested(void);

/*
 * Install SIGINT/SIGHUP/SIGTERM handlers: the main loop then prints
 * "terminating on signal N from pid P (name)" and shuts down cleanly.
 */
void os_setup_signal_handling(void);
void os_cleanup_signal_handling(void);

/* Run the main loop until a shutdown is requested. */
void qemu_main_loop(void);

#endif
