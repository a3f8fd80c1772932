/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The human monitor's command tables.  Each command is a thin wrapper: it
 * runs the QMP command of the same purpose (through the dispatcher, so
 * that the same C function does the work) and prints the result the way
 * QEMU's HMP does.
 */
#ifndef MONITOR_HMP_H
#define MONITOR_HMP_H

#include <json-glib/json-glib.h>
#include "monitor/monitor.h"

/*
 * A command's arguments, parsed from the line by the types in args_type:
 * string members for "s"/"S" arguments, true boolean members for flags.
 */
typedef void HMPCommandFunc(Monitor *mon, JsonObject *args);

/**
 * struct HMPCommand: one entry of a command table
 *
 * @name: the name, with aliases after '|' ("cont|c")
 * @args_type: comma-separated "key:type" where type is "s" (a word or a
 *   double-quoted string), "S" (the rest of the line), "-X" (the flag -X);
 *   a trailing "?" makes an argument optional
 * @params: the argument synopsis help prints
 * @help: the help text (continuation lines start with tabs)
 * @cmd: the handler (NULL for a command with only @sub_table)
 * @qmp: the QMP command @cmd needs, or NULL; without it the HMP command
 *   does not exist either
 * @preconfig: allowed before the machine is ready
 * @sub_table: subcommands ("info"), NULL-name terminated
 */
typedef struct HMPCommand {
    const char *name;
    const char *args_type;
    const char *params;
    const char *help;
    HMPCommandFunc *cmd;
    const char *qmp;
    bool preconfig;
    const struct HMPCommand *sub_table;
} HMPCommand;

/* The top-level commands and "info" subcommands, NULL-name terminated. */
extern const HMPCommand hmp_cmds[];
extern const HMPCommand hmp_info_cmds[];

/**
 * hmp_qmp_call: run QMP command @name with @args (borrowed; NULL for none)
 *
 * Returns: the command's return value (unref it), or NULL with *@errp set.
 */
JsonNode *hmp_qmp_call(const char *name, JsonObject *args, Error **errp);

/* Print "Error: <message>" for @err (if set) to the monitor and free it. */
void hmp_handle_error(Monitor *mon, Error *err);

/* help [cmd]: list the commands (of the "info" table after "info"). */
void hmp_help_cmd(Monitor *mon, const char *name);

#endif
