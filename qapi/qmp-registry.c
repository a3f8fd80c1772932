/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The QMP command table: registration, lookup, enabling, iteration. */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qapi/qmp/dispatch.h"

struct QmpCommandList {
    GHashTable *by_name;        /* name -> QmpCommand */
    GPtrArray *ordered;         /* QmpCommand, registration order */
};

static void qmp_command_free(gpointer data)
{
    QmpCommand *cmd = data;

    g_free(cmd->name);
    g_free(cmd->disable_reason);
    g_free(cmd);
}

QmpCommandList *qmp_command_list_new(void)
{
    QmpCommandList *cmds = g_new0(QmpCommandList, 1);

    cmds->by_name = g_hash_table_new(g_str_hash, g_str_equal);
    cmds->ordered = g_ptr_array_new_with_free_func(qmp_command_free);
    return cmds;
}

void qmp_command_list_free(QmpCommandList *cmds)
{
    if (!cmds) {
        return;
    }
    g_hash_table_unref(cmds->by_name);
    g_ptr_array_unref(cmds->ordered);
    g_free(cmds);
}

void qmp_register_command(QmpCommandList *cmds, const char *name,
                          QmpCommandFunc *fn, QmpCommandOptions options,
                          unsigned phases, unsigned features)
{
    QmpCommand *cmd;

    assert(fn && !g_hash_table_contains(cmds->by_name, name));
    cmd = g_new0(QmpCommand, 1);
    cmd->name = g_strdup(name);
    cmd->fn = fn;
    cmd->options = options;
    cmd->phases = phases;
    cmd->features = features;
    cmd->enabled = true;
    g_hash_table_insert(cmds->by_name, cmd->name, cmd);
    g_ptr_array_add(cmds->ordered, cmd);
}

void qmp_unregister_command(QmpCommandList *cmds, const char *name)
{
    QmpCommand *cmd = g_hash_table_lookup(cmds->by_name, name);

    if (cmd) {
        g_hash_table_remove(cmds->by_name, name);
        g_ptr_array_remove(cmds->ordered, cmd);
    }
}

const QmpCommand *qmp_find_command(const QmpCommandList *cmds,
                                   const char *name)
{
    return g_hash_table_lookup(cmds->by_name, name);
}

static void set_enabled(QmpCommandList *cmds, const char *name, bool on,
                        const char *reason)
{
    QmpCommand *cmd = g_hash_table_lookup(cmds->by_name, name);

    if (cmd) {
        cmd->enabled = on;
        g_free(cmd->disable_reason);
        cmd->disable_reason = g_strdup(reason);
    }
}

void qmp_disable_command(QmpCommandList *cmds, const char *name,
                         const char *reason)
{
    set_enabled(cmds, name, false, reason);
}

void qmp_enable_command(QmpCommandList *cmds, const char *name)
{
    set_enabled(cmds, name, true, NULL);
}

bool qmp_command_is_enabled(const QmpCommand *cmd)
{
    return cmd->enabled;
}

bool qmp_command_has_success_response(const QmpCommand *cmd)
{
    return !(cmd->options & QCO_NO_SUCCESS_RESP);
}

bool qmp_command_allowed_in_phase(const QmpCommand *cmd,
                                  MachineInitPhase phase, Error **errp)
{
    if (cmd->phases & QMP_PHASE_BIT(phase)) {
        return true;
    }
    if (cmd->phases == QMP_PHASE_BIT(PHASE_MACHINE_READY)
        && phase < PHASE_MACHINE_READY) {
        error_setg(errp, "The command '%s' is permitted only after machine "
                   "initialization has completed", cmd->name);
    } else {
        error_setg(errp, "The command '%s' is not permitted in machine "
                   "phase '%s'", cmd->name, phase_name(phase));
    }
    return false;
}

void qmp_for_each_command(const QmpCommandList *cmds, QmpCommandCallback *fn,
                          void *opaque)
{
    guint i;

    for (i = 0; i < cmds->ordered->len; i++) {
        fn(g_ptr_array_index(cmds->ordered, i), opaque);
    }
}
