/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * RISC-V CPU types: the abstract "riscv-cpu" and the models rv32,
 * lowrisc-ibex and sifive-e31, with their properties, interrupt inputs
 * (unnamed-gpio-in[N] drives mip bit N) and reset.
 */
#include "qemu/osdep.h"
#include "config-host.h"
#include "qapi/error.h"
#include "exec/address-spaces.h"
#include "exec/cpu-exec.h"
#include "hw/qdev-properties.h"
#include "target/riscv/cpu.h"
#include "target/riscv/translate.h"

/* QEMU's version code: marchid and mimpid read it (7.2.0). */
#define RISCV_CPU_VERSION_CODE ((QEMU_VERSION_MAJOR << 16) |               \
                                (QEMU_VERSION_MINOR << 8) |                \
                                QEMU_VERSION_MICRO)

void riscv_cpu_reset_state(RISCVCPU *cpu)
{
    RISCVCPUClass *rcc = RISCV_CPU_GET_CLASS(cpu);
    CPURISCVState *env = &cpu->env;
    uint32_t hartid = env->mhartid;

    memset(env->gpr, 0, sizeof(env->gpr));
    env->pc = cpu->resetvec;
    env->priv = PRV_M;
    env->mstatus = 0;
    env->mtvec = 0;
    env->mepc = env->mcause = env->mtval = env->mscratch = 0;
    env->mie = 0;
    env->mip_sw = 0;
    env->mcounteren = 0;
    env->mcountinhibit = 0;
    env->mseccfg = 0;
    env->mcycle = env->minstret = 0;
    env->icount_synced = env->icount;
    memset(env->pmpcfg, 0, sizeof(env->pmpcfg));
    memset(env->pmpaddr, 0, sizeof(env->pmpaddr));
    env->misa = rcc->misa;
    env->priv_ver = rcc->priv_ver;
    env->has_epmp = rcc->has_epmp;
    env->mvendorid = cpu->cfg_mvendorid;
    env->marchid = cpu->cfg_marchid;
    env->mimpid = cpu->cfg_mimpid;
    env->mhartid = hartid;
    env->res_valid = false;
    env->irq_check = true;
    env->tb_flush_pending = true;
    riscv_cpu_update_mmu_idx(env);
    tlb_flush(env);
    __atomic_store_n(&CPU(cpu)->halted, 0, __ATOMIC_RELAXED);
}

static void riscv_cpu_reset(DeviceState *dev)
{
    riscv_cpu_reset_state(RISCV_CPU(dev));
    /* loaders may rewrite code after this: drop stale translations */
    tb_flush_request();
}

static void riscv_cpu_set_irq(void *opaque, int n, int level)
{
    RISCVCPU *cpu = opaque;
    uint32_t bit = 1U << n;

    if (level) {
        __atomic_fetch_or(&cpu->env.mip_hw, bit, __ATOMIC_SEQ_CST);
    } else {
        __atomic_fetch_and(&cpu->env.mip_hw, ~bit, __ATOMIC_SEQ_CST);
    }
    cpu_interrupt_kick(CPU(cpu));
}

static void riscv_cpu_realize(DeviceState *dev, Error **errp)
{
    RISCVCPU *cpu = RISCV_CPU(dev);
    RISCVCPUClass *rcc = RISCV_CPU_GET_CLASS(dev);
    CPUState *cs = CPU(dev);
    Error *err = NULL;

    rcc->parent_realize(dev, &err);
    if (err) {
        error_propagate(errp, err);
        return;
    }
    if (!cs->as) {
        cs->as = &address_space_memory;
    }
    riscv_cpu_reset_state(cpu);
}

static void riscv_cpu_init(Object *obj)
{
    qdev_init_gpio_in(DEVICE(obj), riscv_cpu_set_irq, RISCV_NUM_LOCAL_IRQS);
}

static void riscv_cpu_set_pc(CPUState *cs, vaddr pc)
{
    RISCV_CPU(cs)->env.pc = pc;
}

static vaddr riscv_cpu_get_pc(CPUState *cs)
{
    return RISCV_CPU(cs)->env.pc;
}

static vaddr riscv_cpu_reset_vector(CPUState *cs)
{
    return RISCV_CPU(cs)->resetvec;
}

static const Property riscv_cpu_props[] = {
    DEFINE_PROP_UINT64("resetvec", RISCVCPU, resetvec, 0x1000),
    DEFINE_PROP_UINT32("mvendorid", RISCVCPU, cfg_mvendorid, 0),
    DEFINE_PROP_UINT32("marchid", RISCVCPU, cfg_marchid,
                       RISCV_CPU_VERSION_CODE),
    DEFINE_PROP_UINT32("mimpid", RISCVCPU, cfg_mimpid,
                       RISCV_CPU_VERSION_CODE),
    DEFINE_PROP_END_OF_LIST(),
};

static void riscv_cpu_class_init(ObjectClass *oc, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(oc);
    CPUClass *cc = CPU_CLASS(oc);
    RISCVCPUClass *rcc = RISCV_CPU_CLASS(oc);

    device_class_set_parent_realize(dc, riscv_cpu_realize,
                                    &rcc->parent_realize);
    dc->reset = riscv_cpu_reset;
    device_class_set_props(dc, riscv_cpu_props);
    cc->set_pc = riscv_cpu_set_pc;
    cc->get_pc = riscv_cpu_get_pc;
    cc->reset_vector = riscv_cpu_reset_vector;
    cc->dump_state = riscv_cpu_dump_state;
    rcc->misa = MISA_MXL_32 | RVI | RVM | RVA | RVC | RVU;
    rcc->priv_ver = PRIV_VERSION_1_12_0;
    rcc->default_resetvec = 0x1000;
}

static void rv32_class_init(ObjectClass *oc, void *data)
{
    DEVICE_CLASS(oc)->desc = "generic RV32IMAC + U (S-mode and Sv32: a "
                             "later step)";
}

static void ibex_class_init(ObjectClass *oc, void *data)
{
    RISCVCPUClass *rcc = RISCV_CPU_CLASS(oc);

    rcc->misa = MISA_MXL_32 | RVI | RVM | RVC | RVU;
    rcc->priv_ver = PRIV_VERSION_1_11_0;
    rcc->has_epmp = true;
}

static void e31_class_init(ObjectClass *oc, void *data)
{
    RISCVCPUClass *rcc = RISCV_CPU_CLASS(oc);

    rcc->misa = MISA_MXL_32 | RVI | RVM | RVA | RVC | RVU;
    rcc->priv_ver = PRIV_VERSION_1_10_0;
}

static const TypeInfo riscv_cpu_types[] = {
    {
        .name = TYPE_RISCV_CPU,
        .parent = TYPE_CPU,
        .instance_size = sizeof(RISCVCPU),
        .instance_init = riscv_cpu_init,
        .abstract = true,
        .class_size = sizeof(RISCVCPUClass),
        .class_init = riscv_cpu_class_init,
    },
    {
        .name = TYPE_RISCV_CPU_BASE32,
        .parent = TYPE_RISCV_CPU,
        .class_init = rv32_class_init,
    },
    {
        .name = TYPE_RISCV_CPU_IBEX,
        .parent = TYPE_RISCV_CPU,
        .class_init = ibex_class_init,
    },
    {
        .name = TYPE_RISCV_CPU_SIFIVE_E31,
        .parent = TYPE_RISCV_CPU,
        .class_init = e31_class_init,
    },
};

DEFINE_TYPES(riscv_cpu_types)
