/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The RISC-V disassembler: prints decoded instructions as binutils 2.40
 * objdump -d does for rv32imac, aliases included ("li", "mv", "ret",
 * "j", "csrr", "add a0,a1,5" for addi, ...).
 */
#include "qemu/osdep.h"
#include "target/riscv/cpu_bits.h"
#include "target/riscv/decode.h"

static const char *const rv_regs[32] = {
    "zero", "ra", "sp", "gp", "tp", "t0", "t1", "t2",
    "s0", "s1", "a0", "a1", "a2", "a3", "a4", "a5",
    "a6", "a7", "s2", "s3", "s4", "s5", "s6", "s7",
    "s8", "s9", "s10", "s11", "t3", "t4", "t5", "t6",
};

const char *rv_reg_name(int reg)
{
    return rv_regs[reg & 31];
}

static const struct {
    uint16_t csr;
    const char *name;
} rv_csr_names[] = {
    { 0x001, "fflags" }, { 0x002, "frm" }, { 0x003, "fcsr" },
    { 0x100, "sstatus" }, { 0x104, "sie" }, { 0x105, "stvec" },
    { 0x106, "scounteren" }, { 0x140, "sscratch" }, { 0x141, "sepc" },
    { 0x142, "scause" }, { 0x143, "stval" }, { 0x144, "sip" },
    { 0x180, "satp" },
    { 0x300, "mstatus" }, { 0x301, "misa" }, { 0x302, "medeleg" },
    { 0x303, "mideleg" }, { 0x304, "mie" }, { 0x305, "mtvec" },
    { 0x306, "mcounteren" }, { 0x320, "mcountinhibit" },
    { 0x340, "mscratch" }, { 0x341, "mepc" }, { 0x342, "mcause" },
    { 0x343, "mtval" }, { 0x344, "mip" },
    { 0x7a0, "tselect" }, { 0x7a1, "tdata1" }, { 0x7a2, "tdata2" },
    { 0x7a3, "tdata3" }, { 0x7b0, "dcsr" }, { 0x7b1, "dpc" },
    { 0x7b2, "dscratch0" }, { 0x7b3, "dscratch1" },
    { 0xb00, "mcycle" }, { 0xb02, "minstret" }, { 0xb80, "mcycleh" },
    { 0xb82, "minstreth" },
    { 0xc00, "cycle" }, { 0xc01, "time" }, { 0xc02, "instret" },
    { 0xc80, "cycleh" }, { 0xc81, "timeh" }, { 0xc82, "instreth" },
    { 0xf11, "mvendorid" }, { 0xf12, "marchid" }, { 0xf13, "mimpid" },
    { 0xf14, "mhartid" },
};

const char *rv_csr_name(int csr)
{
    size_t i;

    for (i = 0; i < ARRAY_SIZE(rv_csr_names); i++) {
        if (rv_csr_names[i].csr == csr) {
            return rv_csr_names[i].name;
        }
    }
    return NULL;
}

/* Numbered families (pmpcfgN, pmpaddrN, hpmcounterN, mhpmcounterN[h], mhpmeventN). */
static bool rv_csr_family(int csr, char *buf, size_t size)
{
    if (csr >= 0x3a0 && csr <= 0x3a3) {
        snprintf(buf, size, "pmpcfg%d", csr - 0x3a0);
    } else if (csr >= 0x3b0 && csr <= 0x3bf) {
        snprintf(buf, size, "pmpaddr%d", csr - 0x3b0);
    } else if (csr >= 0xc03 && csr <= 0xc1f) {
        snprintf(buf, size, "hpmcounter%d", csr - 0xc00);
    } else if (csr >= 0xc83 && csr <= 0xc9f) {
        snprintf(buf, size, "hpmcounter%dh", csr - 0xc80);
    } else if (csr >= 0xb03 && csr <= 0xb1f) {
        snprintf(buf, size, "mhpmcounter%d", csr - 0xb00);
    } else if (csr >= 0xb83 && csr <= 0xb9f) {
        snprintf(buf, size, "mhpmcounter%dh", csr - 0xb80);
    } else if (csr >= 0x323 && csr <= 0x33f) {
        snprintf(buf, size, "mhpmevent%d", csr - 0x320);
    } else {
        return false;
    }
    return true;
}

static void csr_text(int csr, char *buf, size_t size)
{
    const char *name = rv_csr_name(csr);

    if (name) {
        snprintf(buf, size, "%s", name);
    } else if (!rv_csr_family(csr, buf, size)) {
        snprintf(buf, size, "0x%x", csr);
    }
}

static void fence_set(char *p, int v)
{
    if (!v) {
        strcpy(p, "unknown");
        return;
    }
    if (v & 8) {
        *p++ = 'i';
    }
    if (v & 4) {
        *p++ = 'o';
    }
    if (v & 2) {
        *p++ = 'r';
    }
    if (v & 1) {
        *p++ = 'w';
    }
    *p = 0;
}

void rv_disas(const RVInsn *in, uint32_t pc, char *buf, size_t size)
{
    const char *mn = rv_op_mnemonic(in->op);
    const char *rd = rv_regs[in->rd], *rs1 = rv_regs[in->rs1];
    const char *rs2 = rv_regs[in->rs2];
    uint32_t target = pc + in->imm;
    int32_t imm = in->imm;
    char csr[24];

#define OUT(...) snprintf(buf, size, __VA_ARGS__)
    switch (in->op) {
    case RV_OP_ILLEGAL:
        if (in->len == 2) {
            if (in->word == 0) {
                OUT("unimp");
            } else {
                OUT(".2byte 0x%x", in->word);
            }
        } else {
            OUT(".4byte 0x%x", in->word);
        }
        return;
    case RV_OP_LUI:
    case RV_OP_AUIPC:
        OUT("%s %s,0x%x", mn, rd, (uint32_t)imm >> 12);
        return;
    case RV_OP_JAL:
        if (in->rd == 0) {
            OUT("j %x", target);
        } else if (in->rd == 1) {
            OUT("jal %x", target);
        } else {
            OUT("jal %s,%x", rd, target);
        }
        return;
    case RV_OP_JALR:
        if (in->rd == 0 && in->rs1 == 1 && imm == 0) {
            OUT("ret");
        } else if (in->rd == 0 || in->rd == 1) {
            const char *m = in->rd ? "jalr" : "jr";

            if (imm) {
                OUT("%s %d(%s)", m, imm, rs1);
            } else {
                OUT("%s %s", m, rs1);
            }
        } else {
            OUT("jalr %s,%d(%s)", rd, imm, rs1);
        }
        return;
    case RV_OP_BEQ:
    case RV_OP_BNE:
    case RV_OP_BLT:
    case RV_OP_BGE:
        if (in->rs2 == 0) {
            static const char *const z[] = { "beqz", "bnez", "bltz", "bgez" };

            OUT("%s %s,%x", z[in->op - RV_OP_BEQ], rs1, target);
            return;
        }
        if (in->rs1 == 0 && in->op == RV_OP_BLT) {
            OUT("bgtz %s,%x", rs2, target);
            return;
        }
        if (in->rs1 == 0 && in->op == RV_OP_BGE) {
            OUT("blez %s,%x", rs2, target);
            return;
        }
        /* fall through */
    case RV_OP_BLTU:
    case RV_OP_BGEU:
        OUT("%s %s,%s,%x", mn, rs1, rs2, target);
        return;
    case RV_OP_LB: case RV_OP_LH: case RV_OP_LW:
    case RV_OP_LBU: case RV_OP_LHU:
        OUT("%s %s,%d(%s)", mn, rd, imm, rs1);
        return;
    case RV_OP_SB: case RV_OP_SH: case RV_OP_SW:
        OUT("%s %s,%d(%s)", mn, rs2, imm, rs1);
        return;
    case RV_OP_ADDI:
        if (in->rd == 0 && in->rs1 == 0 && imm == 0) {
            OUT("nop");
        } else if (in->rs1 == 0) {
            OUT("li %s,%d", rd, imm);
        } else if (imm == 0) {
            OUT("mv %s,%s", rd, rs1);
        } else {
            OUT("add %s,%s,%d", rd, rs1, imm);
        }
        return;
    case RV_OP_SLTIU:
        if (imm == 1) {
            OUT("seqz %s,%s", rd, rs1);
            return;
        }
        /* fall through */
    case RV_OP_SLTI:
        OUT("%s %s,%s,%d", mn, rd, rs1, imm);
        return;
    case RV_OP_XORI:
        if (imm == -1) {
            OUT("not %s,%s", rd, rs1);
            return;
        }
        OUT("xor %s,%s,%d", rd, rs1, imm);
        return;
    case RV_OP_ORI:
        OUT("or %s,%s,%d", rd, rs1, imm);
        return;
    case RV_OP_ANDI:
        OUT("and %s,%s,%d", rd, rs1, imm);
        return;
    case RV_OP_SLLI:
    case RV_OP_SRLI:
    case RV_OP_SRAI:
        OUT("%.3s %s,%s,0x%x", mn, rd, rs1, imm);
        return;
    case RV_OP_ADD:
        if (in->cop == RV_COP_C_MV) {
            OUT("mv %s,%s", rd, rs2);
            return;
        }
        break;
    case RV_OP_SUB:
        if (in->rs1 == 0) {
            OUT("neg %s,%s", rd, rs2);
            return;
        }
        break;
    case RV_OP_SLT:
        if (in->rs2 == 0) {
            OUT("sltz %s,%s", rd, rs1);
            return;
        }
        if (in->rs1 == 0) {
            OUT("sgtz %s,%s", rd, rs2);
            return;
        }
        break;
    case RV_OP_SLTU:
        if (in->rs1 == 0) {
            OUT("snez %s,%s", rd, rs2);
            return;
        }
        break;
    case RV_OP_FENCE: {
        char p[8], s[8];
        int pred = (imm >> 4) & 15, succ = imm & 15, fm = (imm >> 8) & 15;

        if (fm == 8 && pred == 3 && succ == 3) {
            OUT("fence.tso");
        } else if (pred == 15 && succ == 15) {
            OUT("fence");
        } else {
            fence_set(p, pred);
            fence_set(s, succ);
            OUT("fence %s,%s", p, s);
        }
        return;
    }
    case RV_OP_CSRRW: case RV_OP_CSRRS: case RV_OP_CSRRC:
    case RV_OP_CSRRWI: case RV_OP_CSRRSI: case RV_OP_CSRRCI: {
        bool is_imm = in->op >= RV_OP_CSRRWI;
        int kind = (in->op - RV_OP_CSRRW) % 3;     /* w, s, c */
        static const char *const wsc[] = { "w", "s", "c" };
        char src[16];

        csr_text(imm, csr, sizeof(csr));
        if (is_imm) {
            snprintf(src, sizeof(src), "%d", in->rs1);
        } else {
            snprintf(src, sizeof(src), "%s", rs1);
        }
        if (!is_imm && kind == 1 && in->rs1 == 0) {
            static const struct { int csr; const char *n; } rdc[] = {
                { 0xc00, "rdcycle" }, { 0xc01, "rdtime" },
                { 0xc02, "rdinstret" }, { 0xc80, "rdcycleh" },
                { 0xc81, "rdtimeh" }, { 0xc82, "rdinstreth" },
            };
            size_t i;

            for (i = 0; i < ARRAY_SIZE(rdc); i++) {
                if (rdc[i].csr == imm) {
                    OUT("%s %s", rdc[i].n, rd);
                    return;
                }
            }
            OUT("csrr %s,%s", rd, csr);
        } else if (in->rd == 0) {
            OUT("csr%s %s,%s", wsc[kind], csr, src);
        } else {
            OUT("csrr%s %s,%s,%s", wsc[kind], rd, csr, src);
        }
        return;
    }
    case RV_OP_LR_W:
    case RV_OP_SC_W:
    case RV_OP_AMOSWAP_W: case RV_OP_AMOADD_W: case RV_OP_AMOXOR_W:
    case RV_OP_AMOAND_W: case RV_OP_AMOOR_W: case RV_OP_AMOMIN_W:
    case RV_OP_AMOMAX_W: case RV_OP_AMOMINU_W: case RV_OP_AMOMAXU_W: {
        static const char *const ord[] = { "", ".rl", ".aq", ".aqrl" };

        if (in->op == RV_OP_LR_W) {
            OUT("%s%s %s,(%s)", mn, ord[imm & 3], rd, rs1);
        } else {
            OUT("%s%s %s,%s,(%s)", mn, ord[imm & 3], rd, rs2, rs1);
        }
        return;
    }
    case RV_OP_ECALL: case RV_OP_EBREAK: case RV_OP_FENCE_I:
    case RV_OP_MRET: case RV_OP_WFI:
        OUT("%s", mn);
        return;
    default:
        break;
    }
    /* register-register rows */
    OUT("%s %s,%s,%s", mn, rd, rs1, rs2);
#undef OUT
}
