/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Bodies of the commands in qapi/control.json: capabilities negotiation,
 * query-version, query-commands and human-monitor-command.
 */
#include "qemu/osdep.h"
#include "hw/core/cpu.h"
#include "config-host.h"
#include "qapi/error.h"
#include "qapi/qapi-commands.h"
#include "monitor-internal.h"

void qmp_qmp_capabilities(QMPCapabilityList *enable, Error **errp)
{
    Monitor *mon = monitor_qmp_cur();
    bool oob = false;

    if (!mon) {
        /* not from a QMP connection: nothing to negotiate */
        return;
    }
    if (mon->negotiated) {
        error_set(errp, ERROR_CLASS_COMMAND_NOT_FOUND,
                  "Capabilities negotiation is already complete, command "
                  "ignored");
        return;
    }
    for (QMPCapabilityList *l = enable; l; l = l->next) {
        if (l->value == QMP_CAPABILITY_OOB) {
            if (!mon->oob_offered) {
                error_setg(errp, "Capability %s not available",
                           QMPCapability_str(l->value));
                return;
            }
            oob = true;
        }
    }
    monitor_qmp_set_negotiated(mon, oob);
}

VersionInfo *qmp_query_version(Error **errp)
{
    VersionInfo *info = g_new0(VersionInfo, 1);

    info->qemu = g_new0(VersionTriple, 1);
    info->qemu->major = QEMU_VERSION_MAJOR;
    info->qemu->minor = QEMU_VERSION_MINOR;
    info->qemu->micro = QEMU_VERSION_MICRO;
    info->package = g_strdup(QEMU_PKGVERSION);
    return info;
}

static void add_command_info(const QmpCommand *cmd, void *opaque)
{
    CommandInfoList **list = opaque;
    CommandInfoList *entry;

    if (!qmp_command_is_enabled(cmd)) {
        return;
    }
    entry = g_new0(CommandInfoList, 1);
    entry->value = g_new0(CommandInfo, 1);
    entry->value->name = g_strdup(cmd->name);
    entry->next = *list;
    *list = entry;
}

CommandInfoList *qmp_query_commands(Error **errp)
{
    CommandInfoList *list = NULL;

    /* Every command, whatever the phase, as QEMU lists them. */
    qmp_for_each_command(qmp_commands, add_command_info, &list);
    return list;
}

char *qmp_human_monitor_command(const char *command_line,
                                bool has_cpu_index, int64_t cpu_index,
                                Error **errp)
{
    Monitor *mon = g_new0(Monitor, 1);
    char *out;

    if (has_cpu_index) {
        /* the current CPU of this one-command monitor */
        if (cpu_index < 0 || cpu_index > INT_MAX ||
            !qemu_get_cpu(cpu_index)) {
            error_setg(errp, "Parameter 'cpu-index' expects a CPU number");
            g_free(mon);
            return NULL;
        }
        mon->cur_cpu = cpu_index;
    }
    mon->outbuf = g_string_new(NULL);
    hmp_handle_command(mon, command_line);
    out = g_string_free(mon->outbuf, false);
    g_free(mon);
    return out;
}
