/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Bodies of the commands in qapi/machine.json. */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/qdev-core.h"
#include "qapi/qapi-commands.h"

/* MachinePhase (schema) and MachineInitPhase (C) list the same phases. */
G_STATIC_ASSERT((int)MACHINE_PHASE_NO_MACHINE == (int)PHASE_NO_MACHINE);
G_STATIC_ASSERT((int)MACHINE_PHASE_READY == (int)PHASE_MACHINE_READY);
G_STATIC_ASSERT((int)MachinePhase__MAX == (int)PHASE__MAX);

MachinePhaseInfo *qmp_query_machine_phase(Error **errp)
{
    MachinePhaseInfo *info = g_new0(MachinePhaseInfo, 1);

    info->phase = (MachinePhase)phase_get();
    return info;
}
