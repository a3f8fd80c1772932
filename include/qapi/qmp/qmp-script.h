/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * QMP scripts: files of qmp-shell lines run inside the emulator.
 *
 * Boards are data (boards/NAME.qmp) and -machine-script FILE replays a file
 * during preconfig; both are written in the line syntax of QEMU's
 * qmp-shell, so a script that a person pipes through scripts/qmp/qmp-shell
 * also runs unchanged inside the binary:
 *
 *   # a comment; blank lines are skipped
 *   device_add driver=sysbus-memory id=rom size=0x4000 readonly=true
 *   x-sysbus-mmio-map device=rom addr=32768
 *   {"execute": "qom-set", "arguments": {...}}      (a raw request)
 *
 * Values are typed as qmp-shell types them: a base-10 integer (optional
 * sign, '_' between digits) is a JSON integer, true/false in any case are
 * booleans, a value starting with '{' or '[' is parsed as JSON (QEMU's
 * dialect, so single-quoted strings work) and otherwise kept as a string;
 * "0x4000" therefore stays a string, which our integer arguments accept.
 * Quotes are kept in the value, as qmp-shell keeps them.  Dotted keys
 * nest: a.b=1 gives {"a": {"b": 1}}.  Transactions are not supported.
 */
#ifndef QAPI_QMP_SCRIPT_H
#define QAPI_QMP_SCRIPT_H

#include "qapi/qmp/dispatch.h"

/**
 * qmp_script_parse_line: one line as a QMP request
 *
 * Returns {"execute": NAME, "arguments": {...}} (a new node), or NULL:
 * with *@errp unset for a blank or comment line, set for a malformed
 * line (qmp-shell's texts, e.g. "Expected a key=value pair, got '1}'").
 */
JsonNode *qmp_script_parse_line(const char *line, Error **errp);

/**
 * qmp_script_run: run every line of @text through @cmds
 * @name: how errors name the script (a file name)
 *
 * Each request is dispatched in the current machine phase, exactly as if
 * a QMP client had sent it after capabilities negotiation.  Replies are
 * not printed.  The first malformed line or error reply stops the run
 * with "@name:LINE: DESCRIPTION" in *@errp; the commands before it have
 * taken effect.
 */
bool qmp_script_run(const QmpCommandList *cmds, const char *name,
                    const char *text, Error **errp);

/** qmp_script_run_file: qmp_script_run() on the contents of @filename. */
bool qmp_script_run_file(const QmpCommandList *cmds, const char *filename,
                         Error **errp);

#endif
