/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The RISC-V hart running on the execution engine: a tiny machine (RAM at
 * 0x80000000, a test I/O region at 0x10000000, a hole elsewhere) and one
 * CPU; instruction sequences, traps, interrupts, PMP, counters, WFI and
 * self-modifying code.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qom/object.h"
#include "qemu/module.h"
#include "exec/address-spaces.h"
#include "exec/cpu-exec.h"
#include "hw/qdev-core.h"
#include "target/riscv/cpu.h"

#define RAM_BASE 0x80000000U
#define RAM_SIZE 0x10000U
#define IO_BASE  0x10000000U
#define TRAP_VEC (RAM_BASE + 0x800)

static MemoryRegion ram, io;
static uint8_t *ram_ptr;
static uint32_t io_last_write;

static uint64_t io_read(void *opaque, hwaddr addr, unsigned size)
{
    return 0x12345678;
}

static void io_write(void *opaque, hwaddr addr, uint64_t val, unsigned size)
{
    io_last_write = val;
}

static MemTxResult io_read_attrs(void *opaque, hwaddr addr, uint64_t *data,
                                 unsigned size, MemTxAttrs attrs)
{
    if (addr >= 0x100) {
        return MEMTX_ERROR;
    }
    *data = io_read(opaque, addr, size);
    return MEMTX_OK;
}

static MemTxResult io_write_attrs(void *opaque, hwaddr addr, uint64_t data,
                                  unsigned size, MemTxAttrs attrs)
{
    if (addr >= 0x100) {
        return MEMTX_ERROR;
    }
    io_write(opaque, addr, data, size);
    return MEMTX_OK;
}

static const MemoryRegionOps io_ops = {
    .read_with_attrs = io_read_attrs,
    .write_with_attrs = io_write_attrs,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .valid = { .min_access_size = 1, .max_access_size = 4 },
};

/* Encoders */
enum { ZERO, RA, SP, GP, TP, T0, T1, T2, S0, S1, A0, A1, A2, A3, A4, A5 };

static uint32_t r_type(int f7, int rs2, int rs1, int f3, int rd, int opc)
{
    return f7 << 25 | rs2 << 20 | rs1 << 15 | f3 << 12 | rd << 7 | opc;
}

static uint32_t i_type(int imm, int rs1, int f3, int rd, int opc)
{
    return (uint32_t)(imm & 0xfff) << 20 | rs1 << 15 | f3 << 12 | rd << 7 |
           opc;
}

static uint32_t s_type(int imm, int rs2, int rs1, int f3)
{
    return (uint32_t)((imm >> 5) & 0x7f) << 25 | rs2 << 20 | rs1 << 15 |
           f3 << 12 | (imm & 0x1f) << 7 | 0x23;
}

static uint32_t b_type(int imm, int rs2, int rs1, int f3)
{
    return (uint32_t)((imm >> 12) & 1) << 31 | ((imm >> 5) & 0x3f) << 25 |
           rs2 << 20 | rs1 << 15 | f3 << 12 | ((imm >> 1) & 0xf) << 8 |
           ((imm >> 11) & 1) << 7 | 0x63;
}

#define ADDI(rd, rs1, imm)  i_type(imm, rs1, 0, rd, 0x13)
#define LUI(rd, imm)        ((uint32_t)(imm) << 12 | (rd) << 7 | 0x37)
#define ADD(rd, a, b)       r_type(0, b, a, 0, rd, 0x33)
#define SUB(rd, a, b)       r_type(0x20, b, a, 0, rd, 0x33)
#define SRA(rd, a, b)       r_type(0x20, b, a, 5, rd, 0x33)
#define SLL(rd, a, b)       r_type(0, b, a, 1, rd, 0x33)
#define DIV(rd, a, b)       r_type(1, b, a, 4, rd, 0x33)
#define DIVU(rd, a, b)      r_type(1, b, a, 5, rd, 0x33)
#define REM(rd, a, b)       r_type(1, b, a, 6, rd, 0x33)
#define MULH(rd, a, b)      r_type(1, b, a, 1, rd, 0x33)
#define LW(rd, rs1, imm)    i_type(imm, rs1, 2, rd, 0x03)
#define LB(rd, rs1, imm)    i_type(imm, rs1, 0, rd, 0x03)
#define LHU(rd, rs1, imm)   i_type(imm, rs1, 5, rd, 0x03)
#define SW(rs2, rs1, imm)   s_type(imm, rs2, rs1, 2)
#define SB(rs2, rs1, imm)   s_type(imm, rs2, rs1, 0)
#define BNE(a, b, off)      b_type(off, b, a, 1)
#define JSELF               0x0000006fU     /* j . */
#define ECALL               0x00000073U
#define EBREAK              0x00100073U
#define MRET                0x30200073U
#define WFI                 0x10500073U
#define FENCE_I             0x0000100fU
#define CSRR(rd, csr)       i_type(csr, 0, 2, rd, 0x73)
#define CSRW(csr, rs1)      i_type(csr, rs1, 1, 0, 0x73)
#define CSRS(csr, rs1)      i_type(csr, rs1, 2, 0, 0x73)
#define AMOADD(rd, rs2, rs1) r_type(0, rs2, rs1, 2, rd, 0x2f)
#define LR(rd, rs1)         r_type(0x08, 0, rs1, 2, rd, 0x2f)
#define SC(rd, rs2, rs1)    r_type(0x0c, rs2, rs1, 2, rd, 0x2f)

static RISCVCPU *cpu;
static CPURISCVState *env;

static void load_prog(const uint32_t *words, size_t n)
{
    uint32_t trap = JSELF;

    memset(ram_ptr, 0, RAM_SIZE);
    memcpy(ram_ptr, words, n * 4);
    memcpy(ram_ptr + 0x800, &trap, 4);
    tb_flush_request();
    device_cold_reset(DEVICE(cpu));
    env->pc = RAM_BASE;
    env->mtvec = TRAP_VEC;
}

static int run(uint64_t insns)
{
    return cpu_exec(CPU(cpu), insns);
}

static void test_alu(void)
{
    const uint32_t prog[] = {
        ADDI(A0, ZERO, -7),
        ADDI(A1, ZERO, 0),
        DIV(A2, A0, A1),            /* by zero: -1 */
        REM(A3, A0, A1),            /* by zero: dividend */
        LUI(A4, 0x80000),
        ADDI(A5, ZERO, -1),
        DIV(T0, A4, A5),            /* overflow: INT_MIN */
        REM(T1, A4, A5),            /* overflow: 0 */
        DIVU(T2, A0, A1),           /* by zero: all ones */
        ADDI(S0, ZERO, 33),
        SLL(S1, A5, S0),            /* shift by 33 & 31 = 1 */
        SRA(GP, A4, S0),
        ADDI(ZERO, ZERO, 5),        /* x0 stays 0 */
        MULH(TP, A4, A4),
        JSELF,
    };

    load_prog(prog, ARRAY_SIZE(prog));
    g_assert_cmpint(run(100), ==, EXCP_BUDGET);
    g_assert_cmphex(env->gpr[A2], ==, 0xffffffff);
    g_assert_cmphex(env->gpr[A3], ==, (uint32_t)-7);
    g_assert_cmphex(env->gpr[T0], ==, 0x80000000);
    g_assert_cmphex(env->gpr[T1], ==, 0);
    g_assert_cmphex(env->gpr[T2], ==, 0xffffffff);
    g_assert_cmphex(env->gpr[S1], ==, 0xfffffffe);
    g_assert_cmphex(env->gpr[GP], ==, 0xc0000000);
    g_assert_cmphex(env->gpr[ZERO], ==, 0);
    g_assert_cmphex(env->gpr[TP], ==, 0x40000000);
    g_assert_cmphex(env->pc, ==, RAM_BASE + 14 * 4);
}

static void test_memory(void)
{
    const uint32_t prog[] = {
        LUI(A0, 0x80001),
        LUI(A1, 0xdeadc),
        ADDI(A1, A1, -0x111),       /* 0xdeadbeef */
        SW(A1, A0, 1),              /* misaligned: performed */
        LW(A2, A0, 1),
        LB(A3, A0, 1),              /* sign-extended 0xef */
        LHU(A4, A0, 3),             /* 0xdead */
        LUI(S0, 0x10000),           /* I/O */
        LW(S1, S0, 0),
        SW(A1, S0, 4),
        JSELF,
    };

    load_prog(prog, ARRAY_SIZE(prog));
    run(100);
    g_assert_cmphex(env->gpr[A2], ==, 0xdeadbeef);
    g_assert_cmphex(env->gpr[A3], ==, 0xffffffef);
    g_assert_cmphex(env->gpr[A4], ==, 0xdead);
    g_assert_cmphex(env->gpr[S1], ==, 0x12345678);
    g_assert_cmphex(io_last_write, ==, 0xdeadbeef);
    {
        uint32_t v;

        memcpy(&v, ram_ptr + 0x1001, 4);
        g_assert_cmphex(v, ==, 0xdeadbeef);
    }
}

static void expect_trap(uint32_t cause, uint32_t epc, uint32_t tval)
{
    g_assert_cmphex(env->mcause, ==, cause);
    g_assert_cmphex(env->mepc, ==, epc);
    g_assert_cmphex(env->mtval, ==, tval);
    g_assert_cmphex(env->pc, ==, TRAP_VEC);
    g_assert_cmpuint(env->priv, ==, PRV_M);
}

static void test_traps(void)
{
    const uint32_t illegal[] = { ADDI(A0, ZERO, 1), 0x0000000b };
    const uint32_t ecall[] = { ADDI(A0, ZERO, 1), ECALL };
    const uint32_t ebreak[] = { EBREAK };
    const uint32_t hole[] = { LUI(A0, 0x20000), ADDI(A1, ZERO, 1),
                              LW(A1, A0, 8) };
    const uint32_t ioerr[] = { LUI(A0, 0x10000), SW(A0, A0, 0x100) };
    const uint32_t amo[] = { LUI(A0, 0x80001), ADDI(A0, A0, 2),
                             AMOADD(A1, A0, A0) };
    const uint32_t lr[] = { LUI(A0, 0x80001), ADDI(A0, A0, 1), LR(A1, A0) };
    const uint32_t time[] = { CSRR(A0, 0xc01) };

    load_prog(illegal, ARRAY_SIZE(illegal));
    run(1);
    expect_trap(RISCV_EXCP_ILLEGAL_INST, RAM_BASE + 4, 0x0000000b);
    g_assert_cmpuint(env->minstret, ==, 1);

    load_prog(ecall, ARRAY_SIZE(ecall));
    run(1);
    expect_trap(RISCV_EXCP_M_ECALL, RAM_BASE + 4, 0);
    g_assert_cmphex(env->mstatus & MSTATUS_MPP, ==, MSTATUS_MPP);

    load_prog(ebreak, ARRAY_SIZE(ebreak));
    run(1);
    expect_trap(RISCV_EXCP_BREAKPOINT, RAM_BASE, 0);

    load_prog(hole, ARRAY_SIZE(hole));
    run(1);
    expect_trap(RISCV_EXCP_LOAD_ACCESS_FAULT, RAM_BASE + 8, 0x20000008);
    g_assert_cmpuint(env->gpr[A1], ==, 1);     /* not written */
    g_assert_cmpuint(env->minstret, ==, 2);

    load_prog(ioerr, ARRAY_SIZE(ioerr));
    run(1);
    expect_trap(RISCV_EXCP_STORE_AMO_ACCESS_FAULT, RAM_BASE + 4,
                0x10000100);

    load_prog(amo, ARRAY_SIZE(amo));
    run(1);
    expect_trap(RISCV_EXCP_STORE_AMO_ADDR_MIS, RAM_BASE + 8, 0x80001002);

    load_prog(lr, ARRAY_SIZE(lr));
    run(1);
    expect_trap(RISCV_EXCP_LOAD_ADDR_MIS, RAM_BASE + 8, 0x80001001);

    load_prog(time, ARRAY_SIZE(time));
    run(1);
    expect_trap(RISCV_EXCP_ILLEGAL_INST, RAM_BASE, CSRR(A0, 0xc01));

    /* fetch from a hole */
    load_prog(time, 0);
    env->pc = 0x20000000;
    run(1);
    expect_trap(RISCV_EXCP_INST_ACCESS_FAULT, 0x20000000, 0x20000000);
}

static void test_atomics(void)
{
    const uint32_t prog[] = {
        LUI(A0, 0x80001),
        ADDI(A1, ZERO, 5),
        SW(A1, A0, 0),
        AMOADD(A2, A1, A0),         /* a2 = 5, mem = 10 */
        LR(A3, A0),                 /* a3 = 10 */
        SC(A4, A1, A0),             /* succeeds: a4 = 0, mem = 5 */
        SC(A5, A1, A0),             /* no reservation: a5 = 1 */
        LW(S0, A0, 0),
        JSELF,
    };

    load_prog(prog, ARRAY_SIZE(prog));
    run(100);
    g_assert_cmpuint(env->gpr[A2], ==, 5);
    g_assert_cmpuint(env->gpr[A3], ==, 10);
    g_assert_cmpuint(env->gpr[A4], ==, 0);
    g_assert_cmpuint(env->gpr[A5], ==, 1);
    g_assert_cmpuint(env->gpr[S0], ==, 5);
}

static void test_csr(void)
{
    const uint32_t prog[] = {
        ADDI(A0, ZERO, 0x102),      /* mode 2: ignored */
        CSRW(CSR_MTVEC, A0),
        CSRR(A1, CSR_MTVEC),
        ADDI(A0, ZERO, 100),
        CSRW(CSR_MINSTRET, A0),
        CSRR(A2, CSR_MINSTRET),     /* the write's own retirement: none */
        ADDI(ZERO, ZERO, 0),
        CSRR(A3, CSR_MINSTRET),
        CSRR(A4, CSR_MISA),
        CSRR(A5, CSR_MIMPID),
        JSELF,
    };

    load_prog(prog, ARRAY_SIZE(prog));
    run(100);
    g_assert_cmphex(env->gpr[A1], ==, TRAP_VEC);
    g_assert_cmpuint(env->gpr[A2], ==, 100);
    g_assert_cmpuint(env->gpr[A3], ==, 102);
    g_assert_cmphex(env->gpr[A4], ==, 0x40101105);
    g_assert_cmphex(env->gpr[A5], ==, 0x00070200);
}

static void test_interrupts(void)
{
    const uint32_t prog[] = {
        ADDI(A0, ZERO, 8),
        CSRS(CSR_MSTATUS, A0),      /* MIE: the pending lines fire */
        JSELF,
    };
    DeviceState *dev = DEVICE(cpu);

    load_prog(prog, ARRAY_SIZE(prog));
    env->mtvec = TRAP_VEC | 1;      /* vectored */
    env->mie = MIP_MTIP | MIP_MEIP;
    qemu_set_irq(qdev_get_gpio_in(dev, IRQ_M_TIMER), 1);
    qemu_set_irq(qdev_get_gpio_in(dev, IRQ_M_EXT), 1);
    g_assert_cmphex(riscv_cpu_mip(env), ==, MIP_MTIP | MIP_MEIP);
    run(2);
    /* taken right after the unmasking CSR write; MEI before MTI */
    g_assert_cmphex(env->mcause, ==, 0x8000000b);
    g_assert_cmphex(env->mepc, ==, RAM_BASE + 8);
    g_assert_cmphex(env->pc, ==, TRAP_VEC + 4 * 11);
    g_assert_cmphex(env->mstatus & (MSTATUS_MIE | MSTATUS_MPIE), ==,
                    MSTATUS_MPIE);
    qemu_set_irq(qdev_get_gpio_in(dev, IRQ_M_EXT), 0);
    qemu_set_irq(qdev_get_gpio_in(dev, IRQ_M_TIMER), 0);
    g_assert_cmphex(riscv_cpu_mip(env), ==, 0);
}

static void test_wfi(void)
{
    const uint32_t prog[] = { WFI, ADDI(A0, ZERO, 1), JSELF };

    load_prog(prog, ARRAY_SIZE(prog));
    env->mie = MIP_MSIP;            /* enabled, but MIE is off */
    g_assert_cmpint(run(100), ==, EXCP_HLT);
    g_assert_cmpint(CPU(cpu)->halted, ==, 1);
    g_assert_cmpint(run(100), ==, EXCP_HLT);
    qemu_set_irq(qdev_get_gpio_in(DEVICE(cpu), IRQ_M_SOFT), 1);
    g_assert_cmpint(run(10), ==, EXCP_BUDGET);
    g_assert_cmpint(CPU(cpu)->halted, ==, 0);
    g_assert_cmpuint(env->gpr[A0], ==, 1);   /* resumed after wfi */
    qemu_set_irq(qdev_get_gpio_in(DEVICE(cpu), IRQ_M_SOFT), 0);
}

static void test_pmp_user(void)
{
    /* pmp0: NAPOT RAM_BASE..+32K, R/X only; user code stores there */
    const uint32_t prog[] = {
        LUI(A0, 0x80001),
        LW(A1, A0, 0),              /* allowed */
        SW(A1, A0, 0),              /* denied */
    };

    load_prog(prog, ARRAY_SIZE(prog));
    env->pmpaddr[0] = (RAM_BASE >> 2) | ((0x8000 >> 3) - 1);
    env->pmpcfg[0] = PMP_READ | PMP_EXEC | (PMP_AMATCH_NAPOT << 3);
    env->priv = PRV_U;
    riscv_cpu_update_mmu_idx(env);
    run(10);
    expect_trap(RISCV_EXCP_STORE_AMO_ACCESS_FAULT, RAM_BASE + 8,
                0x80001000);
    g_assert_cmphex(env->mstatus & MSTATUS_MPP, ==, 0);
    g_assert_cmpuint(env->mcause, ==, 7);
}

static void test_smc(void)
{
    /* the store rewrites the next instruction (li a0,1 -> li a0,2) */
    const uint32_t prog[] = {
        LUI(A1, 0x80000),
        LW(A2, A1, 24),             /* the replacement word */
        ADDI(A3, ZERO, 0),
        SW(A2, A1, 16),
        ADDI(A0, ZERO, 1),          /* at +16: replaced */
        JSELF,
        ADDI(A0, ZERO, 2),          /* at +24: data */
    };

    load_prog(prog, ARRAY_SIZE(prog));
    run(20);                        /* translated once, then patched */
    g_assert_cmpuint(env->gpr[A0], ==, 2);
    load_prog(prog, ARRAY_SIZE(prog));
    run(3);
    env->pc = RAM_BASE;
    run(20);
    g_assert_cmpuint(env->gpr[A0], ==, 2);
}

static void test_loop_instret(void)
{
    const uint32_t prog[] = {
        ADDI(A0, ZERO, 100),
        ADDI(A0, A0, -1),
        BNE(A0, ZERO, -4),
        CSRR(A1, CSR_MINSTRET),
        JSELF,
    };

    load_prog(prog, ARRAY_SIZE(prog));
    run(400);
    g_assert_cmpuint(env->gpr[A0], ==, 0);
    g_assert_cmpuint(env->gpr[A1], ==, 201);
}

/*
 * Native backend: far more code than a 256 KiB buffer holds (one block
 * per two instructions), so the buffer fills, the cache is flushed and
 * translation goes on; then the same code once more.
 */
static void test_code_buffer_full(void)
{
    const uint32_t entry[] = { 0x0000106fU };   /* j RAM_BASE + 0x1000 */
    uint32_t *w = (uint32_t *)(ram_ptr + 0x1000);
    unsigned i, n = (RAM_SIZE - 0x1000) / 8 - 1;
    int pass;

    g_assert_true(tcg_backend_init(true, 256 * 1024));
    for (pass = 0; pass < 2; pass++) {
        load_prog(entry, ARRAY_SIZE(entry));
        for (i = 0; i < n; i++) {
            w[2 * i] = ADDI(A0, A0, 1);
            w[2 * i + 1] = 0x0040006fU;         /* j .+4 */
        }
        w[2 * n] = JSELF;
        env->gpr[A0] = 0;
        g_assert_cmpint(run(2 * n + 10), ==, EXCP_BUDGET);
        g_assert_cmpuint(env->gpr[A0], ==, n);
        g_assert_cmphex(env->pc, ==, RAM_BASE + 0x1000 + 8 * n);
    }
    g_assert_true(tcg_backend_init(true, 0));
}

/* Each test runs on each backend: the cache is flushed by load_prog(). */
typedef struct BackendTest {
    bool native;
    void (*fn)(void);
} BackendTest;

static void run_on_backend(gconstpointer data)
{
    const BackendTest *t = data;

    g_assert_true(tcg_backend_init(t->native, 0));
    t->fn();
}

static void add_tests(bool native)
{
    static const struct {
        const char *name;
        void (*fn)(void);
    } tests[] = {
        { "alu", test_alu },
        { "memory", test_memory },
        { "traps", test_traps },
        { "atomics", test_atomics },
        { "csr", test_csr },
        { "interrupts", test_interrupts },
        { "wfi", test_wfi },
        { "pmp-user", test_pmp_user },
        { "smc", test_smc },
        { "loop-instret", test_loop_instret },
    };
    static BackendTest data[2][G_N_ELEMENTS(tests)];
    int i;

    for (i = 0; i < G_N_ELEMENTS(tests); i++) {
        g_autofree char *path = g_strdup_printf("/riscv/exec/%s/%s",
                                                native ? "native" : "threaded",
                                                tests[i].name);

        data[native][i].native = native;
        data[native][i].fn = tests[i].fn;
        g_test_add_data_func(path, &data[native][i], run_on_backend);
    }
}

int main(int argc, char **argv)
{
    DeviceState *dev;
    int ret;

    module_call_init(MODULE_INIT_QOM);
    container_get(object_get_root(), "/machine/unattached");
    memory_map_init();
    memory_region_init_ram(&ram, NULL, "ram", RAM_SIZE, &error_abort);
    memory_region_add_subregion(get_system_memory(), RAM_BASE, &ram);
    memory_region_init_io(&io, NULL, &io_ops, NULL, "io", 0x1000);
    memory_region_add_subregion(get_system_memory(), IO_BASE, &io);
    ram_ptr = memory_region_get_ram_ptr(&ram);
    dev = qdev_new(TYPE_RISCV_CPU_SIFIVE_E31);
    qdev_realize(dev, NULL, &error_abort);
    cpu = RISCV_CPU(dev);
    env = &cpu->env;

    g_test_init(&argc, &argv, NULL);
    add_tests(false);
    if (tcg_native_available()) {
        add_tests(true);
        g_test_add_func("/riscv/exec/native/code-buffer-full",
                        test_code_buffer_full);
    }
    ret = g_test_run();

    tb_cache_cleanup();
    object_unparent(OBJECT(dev));
    object_unref(OBJECT(dev));
    memory_region_del_subregion(get_system_memory(), &io);
    memory_region_del_subregion(get_system_memory(), &ram);
    object_unparent(object_resolve_path("/machine", NULL));
    memory_map_cleanup();
    return ret;
}
