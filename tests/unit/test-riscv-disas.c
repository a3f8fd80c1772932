/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The RISC-V decoder and disassembler against objdump's text for the
 * same words (test-riscv-disas-golden.h, made by gen-riscv-disas-golden.sh).
 */
#include "qemu/osdep.h"
#include "target/riscv/cpu_bits.h"
#include "target/riscv/decode.h"

#define MISA_IMAC (MISA_MXL_32 | RVI | RVM | RVA | RVC | RVU)

static const struct {
    uint32_t pc;
    uint32_t word;
    const char *text;
} golden[] = {
#include "test-riscv-disas-golden.h"
};

static void test_golden(void)
{
    size_t i;

    g_assert_cmpuint(ARRAY_SIZE(golden), >, 150);
    for (i = 0; i < ARRAY_SIZE(golden); i++) {
        RVInsn in;
        char buf[64];

        g_assert_true(rv_decode(golden[i].word, MISA_IMAC, &in));
        g_assert_cmpuint(in.len, ==, (golden[i].word & 3) == 3 ? 4 : 2);
        rv_disas(&in, golden[i].pc, buf, sizeof(buf));
        if (strcmp(buf, golden[i].text)) {
            g_test_message("0x%x: %08x", golden[i].pc, golden[i].word);
        }
        g_assert_cmpstr(buf, ==, golden[i].text);
    }
}

static void test_illegal(void)
{
    RVInsn in;
    char buf[64];

    g_assert_false(rv_decode(0xffffffff, MISA_IMAC, &in));
    g_assert_cmpint(in.op, ==, RV_OP_ILLEGAL);
    rv_disas(&in, 0, buf, sizeof(buf));
    g_assert_cmpstr(buf, ==, ".4byte 0xffffffff");
    g_assert_false(rv_decode(0x0000, MISA_IMAC, &in));
    g_assert_cmpuint(in.len, ==, 2);
    rv_disas(&in, 0, buf, sizeof(buf));
    g_assert_cmpstr(buf, ==, "unimp");
    /* M and A rows need their extensions; C needs C */
    g_assert_false(rv_decode(0x02c58533, MISA_IMAC & ~RVM, &in));
    g_assert_false(rv_decode(0x1005a52f, MISA_IMAC & ~RVA, &in));
    g_assert_false(rv_decode(0x4515, MISA_IMAC & ~RVC, &in));
    /* reserved compressed encodings: c.addi16sp 0, c.lwsp x0, c.jr x0 */
    g_assert_false(rv_decode(0x6101, MISA_IMAC, &in));
    g_assert_false(rv_decode(0x4002, MISA_IMAC, &in));
    g_assert_false(rv_decode(0x8002, MISA_IMAC, &in));
}

static void test_flags(void)
{
    g_assert_true(rv_op_flags(RV_OP_JAL) & RVF_END);
    g_assert_true(rv_op_flags(RV_OP_CSRRW) & RVF_END);
    g_assert_true(rv_op_flags(RV_OP_FENCE_I) & RVF_END);
    g_assert_true(rv_op_flags(RV_OP_WFI) & RVF_END);
    g_assert_false(rv_op_flags(RV_OP_ADD) & RVF_END);
    g_assert_false(rv_op_flags(RV_OP_SW) & RVF_END);
    g_assert_cmpstr(rv_op_mnemonic(RV_OP_AMOMAXU_W), ==, "amomaxu.w");
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/riscv/disas/golden", test_golden);
    g_test_add_func("/riscv/disas/illegal", test_illegal);
    g_test_add_func("/riscv/disas/flags", test_flags);
    return g_test_run();
}
