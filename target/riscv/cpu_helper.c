/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Traps and interrupts: priority, trap entry (direct and vectored mtvec),
 * the -d int log line, and the register dump of "info registers".
 */
#include "qemu/osdep.h"
#include "qemu/log.h"
#include "target/riscv/cpu.h"

/* Standard priority: MEI > MSI > MTI > SEI > SSI > STI, then the rest. */
static const uint8_t irq_priority[] = {
    IRQ_M_EXT, IRQ_M_SOFT, IRQ_M_TIMER, IRQ_S_EXT, IRQ_S_SOFT, IRQ_S_TIMER,
    10, 2, 6, 8, 0, 4,
};

int riscv_cpu_pending_irq(CPURISCVState *env)
{
    uint32_t pending = riscv_cpu_mip(env) & env->mie;
    size_t i;

    if (!pending) {
        return 0;
    }
    if (env->priv == PRV_M && !(env->mstatus & MSTATUS_MIE)) {
        return 0;
    }
    for (i = 0; i < ARRAY_SIZE(irq_priority); i++) {
        if (pending & (1U << irq_priority[i])) {
            return irq_priority[i] + 1;
        }
    }
    return 0;
}

bool riscv_cpu_has_work(CPURISCVState *env)
{
    return (riscv_cpu_mip(env) & env->mie) != 0;
}

void riscv_cpu_update_mmu_idx(CPURISCVState *env)
{
    int priv = env->priv;

    if (priv == PRV_M && (env->mstatus & MSTATUS_MPRV)) {
        priv = (env->mstatus & MSTATUS_MPP) >> MSTATUS_MPP_SHIFT;
    }
    env->mmu_idx = priv == PRV_M ? MMU_IDX_M : MMU_IDX_U;
    riscv_cpu_select_tlb(env);
}

static const char *const excp_names[] = {
    "misaligned_fetch", "fault_fetch", "illegal_instruction", "breakpoint",
    "misaligned_load", "fault_load", "misaligned_store", "fault_store",
    "user_ecall", "supervisor_ecall", "hypervisor_ecall", "machine_ecall",
    "exec_page_fault", "load_page_fault", "reserved", "store_page_fault",
};

static const char *const irq_names[] = {
    "u_software", "s_software", "vs_software", "m_software",
    "u_timer", "s_timer", "vs_timer", "m_timer",
    "u_external", "s_external", "vs_external", "m_external",
};

const char *riscv_cpu_trap_name(uint32_t cause, bool async)
{
    if (async) {
        return cause < ARRAY_SIZE(irq_names) ? irq_names[cause] : "(unknown)";
    }
    return cause < ARRAY_SIZE(excp_names) ? excp_names[cause] : "(unknown)";
}

void riscv_cpu_do_trap(CPURISCVState *env, uint32_t cause, uint32_t tval)
{
    bool async = cause & RISCV_EXCP_INT_FLAG;
    uint32_t code = cause & ~RISCV_EXCP_INT_FLAG;
    uint32_t s = env->mstatus;

    qemu_log_mask(CPU_LOG_INT, "riscv_cpu_do_interrupt: hart:%u, async:%d, "
                  "cause:%08x, epc:0x%08x, tval:0x%08x, desc=%s\n",
                  env->mhartid, async, code, env->pc, tval,
                  riscv_cpu_trap_name(code, async));
    env->mepc = env->pc;
    env->mcause = cause;
    env->mtval = tval;
    s = (s & ~MSTATUS_MPIE) | ((s & MSTATUS_MIE) ? MSTATUS_MPIE : 0);
    s &= ~(MSTATUS_MIE | MSTATUS_MPP);
    s |= env->priv << MSTATUS_MPP_SHIFT;
    env->mstatus = s;
    env->priv = PRV_M;
    env->res_valid = false;
    riscv_cpu_update_mmu_idx(env);
    if (async && (env->mtvec & 3) == 1) {
        env->pc = (env->mtvec & ~3U) + 4 * code;
    } else {
        env->pc = env->mtvec & ~3U;
    }
}

void riscv_cpu_dump_state(CPUState *cs, GString *buf, int flags)
{
    CPURISCVState *env = &RISCV_CPU(cs)->env;
    static const struct {
        const char *name;
        int csr;
    } csrs[] = {
        { "mhartid", CSR_MHARTID }, { "mstatus", CSR_MSTATUS },
        { "mstatush", CSR_MSTATUSH }, { "mip", CSR_MIP }, { "mie", CSR_MIE },
        { "mideleg", -1 }, { "medeleg", -1 }, { "mtvec", CSR_MTVEC },
        { "mepc", CSR_MEPC }, { "mcause", CSR_MCAUSE },
        { "mtval", CSR_MTVAL }, { "mscratch", CSR_MSCRATCH },
    };
    static const char *const fabi[32] = {
        "ft0", "ft1", "ft2", "ft3", "ft4", "ft5", "ft6", "ft7",
        "fs0", "fs1", "fa0", "fa1", "fa2", "fa3", "fa4", "fa5",
        "fa6", "fa7", "fs2", "fs3", "fs4", "fs5", "fs6", "fs7",
        "fs8", "fs9", "fs10", "fs11", "ft8", "ft9", "ft10", "ft11",
    };
    size_t i;

    g_string_append_printf(buf, " %-8s %08x\n", "pc", env->pc);
    for (i = 0; i < ARRAY_SIZE(csrs); i++) {
        uint32_t v = 0;

        if (csrs[i].csr >= 0) {
            riscv_csr_peek(env, csrs[i].csr, &v);
            if (csrs[i].csr == CSR_MSTATUSH) {
                v = 0;
            }
        }
        g_string_append_printf(buf, " %-8s %08x\n", csrs[i].name, v);
    }
    for (i = 0; i < 32; i++) {
        static const char *const abi[32] = {
            "zero", "ra", "sp", "gp", "tp", "t0", "t1", "t2",
            "s0", "s1", "a0", "a1", "a2", "a3", "a4", "a5",
            "a6", "a7", "s2", "s3", "s4", "s5", "s6", "s7",
            "s8", "s9", "s10", "s11", "t3", "t4", "t5", "t6",
        };
        char name[16];

        snprintf(name, sizeof(name), "x%zu/%s", i, abi[i]);
        g_string_append_printf(buf, " %-8s %08x", name, env->gpr[i]);
        g_string_append(buf, (i & 3) == 3 ? "\n" : "");
    }
    /*
     * QEMU prints the FPU file for "info registers" (and -d cpu,fpu) but
     * not for -d cpu; these harts have none: zeros
     */
    for (i = 0; (flags & CPU_DUMP_FPU) && i < 32; i++) {
        char name[16];

        snprintf(name, sizeof(name), "f%zu/%s", i, fabi[i]);
        g_string_append_printf(buf, " %-8s %016x", name, 0);
        g_string_append(buf, (i & 3) == 3 ? "\n" : "");
    }
}
