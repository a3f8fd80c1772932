/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Bodies of the machine commands of qapi/machine.json: the phase stepper
 * commands and the machine queries.  (query-machine-phase lives in
 * qapi/qmp-machine.c.)
 */
#include "qemu/osdep.h"
#include "exec/cpu-exec.h"
#include "hw/boards.h"
#include "hw/core/cpu.h"
#include "hw/core/machine-lint.h"
#include "hw/qdev-core.h"
#include "qapi/error.h"
#include "qapi/qapi-commands.h"
#include "sysemu/sysemu.h"

void qmp_next_machine_phase(Error **errp)
{
    MachineInitPhase cur = phase_get();

    if (cur == PHASE_MACHINE_READY) {
        error_setg(errp, "Machine is already in phase '%s'", phase_name(cur));
        return;
    }
    qemu_machine_advance(cur + 1, errp);
}

void qmp_advance_machine_phase(MachinePhase phase, Error **errp)
{
    qemu_machine_advance((MachineInitPhase)phase, errp);
}

void qmp_x_machine_init(Error **errp)
{
    if (phase_check(PHASE_MACHINE_INITIALIZED)) {
        error_setg(errp, "The command is permitted only before machine "
                   "initialization");
        return;
    }
    qemu_machine_advance(PHASE_MACHINE_INITIALIZED, errp);
}

void qmp_x_exit_preconfig(Error **errp)
{
    if (phase_check(PHASE_MACHINE_READY)) {
        error_setg(errp, "The command is permitted only before machine "
                   "initialization");
        return;
    }
    if (qemu_machine_advance(PHASE_MACHINE_READY, errp)) {
        machine_lint_report();
    }
}

TargetInfo *qmp_query_target(Error **errp)
{
    TargetInfo *info = g_new0(TargetInfo, 1);

    info->arch = SYS_EMU_TARGET_RISCV32;
    return info;
}

MachineInfoList *qmp_query_machines(Error **errp)
{
    GSList *list = machine_class_list_sorted(), *el;
    MachineInfoList *head = NULL, **tail = &head;

    for (el = list; el; el = el->next) {
        MachineClass *mc = el->data;
        MachineInfo *info = g_new0(MachineInfo, 1);

        info->name = g_strdup(mc->name);
        if (mc->is_default) {
            info->has_is_default = true;
            info->is_default = true;
        }
        info->cpu_max = mc->max_cpus;
        info->hotpluggable_cpus = false;
        info->numa_mem_supported = false;
        info->deprecated = false;
        info->default_cpu_type = g_strdup(mc->default_cpu_type);
        info->default_ram_id = g_strdup(mc->default_ram_id);
        *tail = g_new0(MachineInfoList, 1);
        (*tail)->value = info;
        tail = &(*tail)->next;
    }
    g_slist_free(list);
    return head;
}

CurrentMachineParams *qmp_query_current_machine(Error **errp)
{
    return g_new0(CurrentMachineParams, 1);
}

KvmInfo *qmp_query_kvm(Error **errp)
{
    return g_new0(KvmInfo, 1);
}

CpuInfoFastList *qmp_query_cpus_fast(Error **errp)
{
    CpuInfoFastList *head = NULL, **tail = &head;
    CPUState *cpu;

    CPU_FOREACH(cpu) {
        CpuInfoFast *info = g_new0(CpuInfoFast, 1);

        info->cpu_index = cpu->cpu_index;
        info->qom_path = object_get_canonical_path(OBJECT(cpu));
        info->thread_id = cpus_thread_id();
        info->target = SYS_EMU_TARGET_RISCV32;
        *tail = g_new0(CpuInfoFastList, 1);
        (*tail)->value = info;
        tail = &(*tail)->next;
    }
    return head;
}

NameInfo *qmp_query_name(Error **errp)
{
    NameInfo *info = g_new0(NameInfo, 1);

    info->name = g_strdup(qemu_name);
    return info;
}

UuidInfo *qmp_query_uuid(Error **errp)
{
    UuidInfo *info = g_new0(UuidInfo, 1);

    info->UUID = g_strdup("00000000-0000-0000-0000-000000000000");
    return info;
}
