/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The machine initialisation phase, a process-wide state machine. */
#include "qemu/osdep.h"
#include "hw/qdev-core.h"

static const char *const phase_names[PHASE__MAX] = {
    [PHASE_NO_MACHINE] = "no-machine",
    [PHASE_MACHINE_CREATED] = "machine-created",
    [PHASE_ACCEL_CREATED] = "accel-created",
    [PHASE_MACHINE_INITIALIZED] = "initialized",
    [PHASE_MACHINE_READY] = "ready",
};

static MachineInitPhase machine_phase;

const char *phase_name(MachineInitPhase phase)
{
    assert(phase >= 0 && phase < PHASE__MAX);
    return phase_names[phase];
}

MachineInitPhase phase_get(void)
{
    return machine_phase;
}

bool phase_check(MachineInitPhase phase)
{
    return machine_phase >= phase;
}

void phase_advance(MachineInitPhase phase)
{
    assert(phase == machine_phase + 1);
    machine_phase = phase;
}
