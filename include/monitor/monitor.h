/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Monitors: QMP (JSON control protocol) and HMP (human monitor) servers on
 * character devices.  Any number may run at once; each has its own
 * negotiation state.  Events go to every QMP monitor that has finished
 * capabilities negotiation.
 *
 * All monitor work runs in the main loop thread with the big lock held.
 */
#ifndef MONITOR_MONITOR_H
#define MONITOR_MONITOR_H

#include "chardev/char.h"
#include "qapi/qmp/dispatch.h"

typedef struct Monitor Monitor;

/* Every QMP command of the schema; built by monitor_init_globals(). */
extern QmpCommandList *qmp_commands;

/* Set up the command list and event machinery; call once at start-up. */
void monitor_init_globals(void);
/* Close every monitor and free the globals (clean exit). */
void monitor_cleanup(void);

/*
 * Start a monitor on @chr: QMP when @is_qmp, else HMP.  @pretty indents
 * QMP output.  Fails if @chr already has a front end.
 */
bool monitor_init(Chardev *chr, bool is_qmp, bool pretty, Error **errp);

/*
 * -qmp SPEC, -qmp-pretty SPEC and -monitor SPEC: create the chardev from a
 * -serial-style spec with the label "compat_monitorN" (N counts across all
 * three options in command-line order), then the monitor on it.
 */
bool monitor_init_from_spec(const char *spec, bool is_qmp, bool pretty,
                            Error **errp);

/* -mon [chardev=]ID[,mode=readline|control][,pretty=on|off] */
bool monitor_init_opts(QemuOpts *opts, Error **errp);

/* The monitor whose command is running in this thread, or NULL. */
Monitor *monitor_cur(void);

/* Print to an HMP monitor (with "\n" turned into "\r\n"). */
int monitor_printf(Monitor *mon, const char *fmt, ...) QEMU_PRINTF(2, 3);
int monitor_vprintf(Monitor *mon, const char *fmt, va_list ap)
    QEMU_PRINTF(2, 0);

#endif
