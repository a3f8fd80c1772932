/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Device core.  For now: the machine initialisation phases.
 *
 * A machine is born in five phases, always in this order:
 *
 *   no-machine -> machine-created -> accel-created -> initialized -> ready
 *
 * -preconfig stops in accel-created; QMP clients then step the machine
 * forward.  The names are the ones QMP uses (enum MachinePhase).
 */
#ifndef HW_QDEV_CORE_H
#define HW_QDEV_CORE_H

typedef enum MachineInitPhase {
    PHASE_NO_MACHINE,       /* no machine object yet */
    PHASE_MACHINE_CREATED,  /* machine object exists, properties settable */
    PHASE_ACCEL_CREATED,    /* accelerator configured; -preconfig stops here */
    PHASE_MACHINE_INITIALIZED, /* board init done, cold-plug possible */
    PHASE_MACHINE_READY,    /* init-done notifiers ran; the machine runs */
    PHASE__MAX,
} MachineInitPhase;

/* The QMP name of @phase ("no-machine", ...). */
const char *phase_name(MachineInitPhase phase);
MachineInitPhase phase_get(void);
/* True once @phase has been reached. */
bool phase_check(MachineInitPhase phase);
/* Move to @phase, which must be the next one. */
void phase_advance(MachineInitPhase phase);

#endif
