/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Workload "bytecode": a switch-dispatched stack machine running a small
 * program (a loop mixing arithmetic, locals and a conditional branch).
 */
#include "bench.h"

const char bench_name[] = "bytecode";

enum {
    OP_PUSH, OP_LOAD, OP_STORE, OP_ADD, OP_SUB, OP_MUL, OP_XOR, OP_AND,
    OP_SHL, OP_SHR, OP_DUP, OP_DROP, OP_JMP, OP_JZ, OP_JNZ, OP_LT, OP_HALT,
};

/* locals: 0 = i (counter), 1 = acc, 2 = x */
static const int32_t program[] = {
    /* 0: while (i) { */
    OP_LOAD, 0, OP_JZ, 55,
    /* 4: x = (x * 5 + i) & 0xffff */
    OP_LOAD, 2, OP_PUSH, 5, OP_MUL, OP_LOAD, 0, OP_ADD,
    OP_PUSH, 0xffff, OP_AND, OP_STORE, 2,
    /* 17: if (x < 0x8000) acc += x << 1 */
    OP_LOAD, 2, OP_PUSH, 0x8000, OP_LT, OP_JZ, 36,
    OP_LOAD, 1, OP_LOAD, 2, OP_PUSH, 1, OP_SHL, OP_ADD, OP_STORE, 1,
    OP_JMP, 46,
    /* 36: else acc ^= x >> 2 */
    OP_LOAD, 1, OP_LOAD, 2, OP_PUSH, 2, OP_SHR, OP_XOR, OP_STORE, 1,
    /* 46: i--; } */
    OP_LOAD, 0, OP_PUSH, 1, OP_SUB, OP_STORE, 0, OP_JMP, 0,
    /* 55 */
    OP_HALT,
};

static int32_t run(const int32_t *code, int32_t *locals)
{
    int32_t stack[16];
    int sp = 0, pc = 0;

    for (;;) {
        int32_t op = code[pc++], a, b;

        switch (op) {
        case OP_PUSH:
            stack[sp++] = code[pc++];
            break;
        case OP_LOAD:
            stack[sp++] = locals[code[pc++]];
            break;
        case OP_STORE:
            locals[code[pc++]] = stack[--sp];
            break;
        case OP_ADD:
            b = stack[--sp]; a = stack[--sp]; stack[sp++] = a + b;
            break;
        case OP_SUB:
            b = stack[--sp]; a = stack[--sp]; stack[sp++] = a - b;
            break;
        case OP_MUL:
            b = stack[--sp]; a = stack[--sp]; stack[sp++] = a * b;
            break;
        case OP_XOR:
            b = stack[--sp]; a = stack[--sp]; stack[sp++] = a ^ b;
            break;
        case OP_AND:
            b = stack[--sp]; a = stack[--sp]; stack[sp++] = a & b;
            break;
        case OP_SHL:
            b = stack[--sp]; a = stack[--sp];
            stack[sp++] = (int32_t)((uint32_t)a << (b & 31));
            break;
        case OP_SHR:
            b = stack[--sp]; a = stack[--sp];
            stack[sp++] = (int32_t)((uint32_t)a >> (b & 31));
            break;
        case OP_LT:
            b = stack[--sp]; a = stack[--sp]; stack[sp++] = a < b;
            break;
        case OP_DUP:
            a = stack[sp - 1]; stack[sp++] = a;
            break;
        case OP_DROP:
            sp--;
            break;
        case OP_JMP:
            pc = code[pc];
            break;
        case OP_JZ:
            a = stack[--sp];
            pc = a ? pc + 1 : code[pc];
            break;
        case OP_JNZ:
            a = stack[--sp];
            pc = a ? code[pc] : pc + 1;
            break;
        case OP_HALT:
        default:
            return locals[1];
        }
    }
}

uint32_t bench_run(void)
{
    uint32_t sum = 0, pass;

    for (pass = 0; pass < SCALE; pass++) {
        int32_t locals[3] = { 10000, (int32_t)pass, (int32_t)pass * 3 };

        sum = (sum << 3 | sum >> 29) ^ (uint32_t)run(program, locals);
    }
    return sum;
}
