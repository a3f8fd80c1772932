/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Unit tests for tcg/x86_64/emit.h: every encoder form the native backend
 * uses, against the bytes GNU as produces for the instruction in the
 * comment (checked with objdump -M intel when the table was written).
 */
#include "qemu/osdep.h"
#include "tcg/x86_64/emit.h"

static uint8_t buf[64];

static void check(const char *what, const char *hex, const uint8_t *end)
{
    g_autoptr(GString) got = g_string_new(NULL);
    const uint8_t *p;

    for (p = buf; p < end; p++) {
        g_string_append_printf(got, "%02x", *p);
    }
    if (strcmp(got->str, hex)) {
        g_test_message("%s: got %s, expected %s", what, got->str, hex);
        g_test_fail();
    }
}

/* Emit @call into an empty buffer and compare the bytes with @hex. */
#define CASE(hex, call)                                                    \
    do {                                                                   \
        X86Emit e = { buf, buf + sizeof(buf) };                            \
                                                                           \
        call;                                                              \
        check(#call, hex, e.p);                                            \
    } while (0)

static void test_encodings(void)
{
    /* mov ebx,r12d */
    CASE("4489e3", x86_mov_rr(&e, X86_RBX, X86_R12));
    /* mov r8d,eax */
    CASE("4189c0", x86_mov_rr(&e, X86_R8, X86_RAX));
    /* mov rbp,rdi */
    CASE("4889fd", x86_mov_rr64(&e, X86_RBP, X86_RDI));
    /* xor ecx,ecx */
    CASE("31c9", x86_mov_ri(&e, X86_RCX, 0));
    /* mov r13d,0x12345678 */
    CASE("41bd78563412", x86_mov_ri(&e, X86_R13, 0x12345678));
    /* movabs rax,0x123456789abc */
    CASE("48b8bc9a785634120000", x86_mov_ri64(&e, X86_RAX, 0x123456789abcULL));
    /* mov r12d,dword [rbp+0x10] */
    CASE("448b6510", x86_load(&e, false, X86_R12, X86_RBP, 0x10));
    /* mov dword [rbp+0x200],r15d */
    CASE("4489bd00020000", x86_store(&e, false, X86_R15, X86_RBP, 0x200));
    /* mov dword [rbp+0x0],esi */
    CASE("897500", x86_store(&e, false, X86_RSI, X86_RBP, 0));
    /* mov r14,qword [rbp+0x88] */
    CASE("4c8bb588000000", x86_load(&e, true, X86_R14, X86_RBP, 0x88));
    /* mov dword [r12+0x8],ebx */
    CASE("41895c2408", x86_store(&e, false, X86_RBX, X86_R12, 8));
    /* mov dword [rbp+0x84],0x80000000 */
    CASE("c7858400000000000080", x86_store_i32(&e, X86_RBP, 0x84, 0x80000000));
    /* mov byte [rbp+0x90],0x0 */
    CASE("c6859000000000", x86_store_i8(&e, X86_RBP, 0x90, 0));
    /* cmp byte [rbp+0x90],0x0 */
    CASE("80bd9000000000", x86_cmp_m8_i(&e, X86_RBP, 0x90, 0));
    /* lea esi,[r13-0x4] */
    CASE("418d75fc", x86_lea32(&e, X86_RSI, X86_R13, -4));
    /* lea eax,[r12+0x7ff] */
    CASE("418d8424ff070000", x86_lea32(&e, X86_RAX, X86_R12, 0x7ff));
    /* add ebx,r9d */
    CASE("4401cb", x86_alu_rr(&e, false, X86_ADD, X86_RBX, X86_R9));
    /* sub r11d,edi */
    CASE("4129fb", x86_alu_rr(&e, false, X86_SUB, X86_R11, X86_RDI));
    /* cmp r14,qword [rbp+0x98] */
    CASE("4c3bb598000000", x86_alu_rm(&e, true, X86_CMP, X86_R14, X86_RBP, 0x98));
    /* add r14,0x3 */
    CASE("4983c603", x86_alu_ri(&e, true, X86_ADD, X86_R14, 3));
    /* and eax,0xfffff003 */
    CASE("81e003f0ffff", x86_alu_ri(&e, false, X86_AND, X86_RAX, 0xfffff003));
    /* cmp ecx,0xffffffff */
    CASE("83f9ff", x86_alu_ri(&e, false, X86_CMP, X86_RCX, -1));
    /* test r10d,r10d */
    CASE("4585d2", x86_test_rr(&e, X86_R10, X86_R10));
    /* test eax,0x2 */
    CASE("f7c002000000", x86_test_ri(&e, X86_RAX, 2));
    /* shl edx,0xc */
    CASE("c1e20c", x86_shift_ri(&e, false, X86_SHL, X86_RDX, 12));
    /* sar r8d,0x1f */
    CASE("41c1f81f", x86_shift_ri(&e, false, X86_SAR, X86_R8, 31));
    /* shr rax,0x20 */
    CASE("48c1e820", x86_shift_ri(&e, true, X86_SHR, X86_RAX, 32));
    /* shl edi,cl */
    CASE("d3e7", x86_shift_rcl(&e, X86_SHL, X86_RDI));
    /* imul eax,r15d */
    CASE("410fafc7", x86_imul_rr(&e, false, X86_RAX, X86_R15));
    /* imul rax,rdx */
    CASE("480fafc2", x86_imul_rr(&e, true, X86_RAX, X86_RDX));
    /* movsxd rax,r9d */
    CASE("4963c1", x86_movsxd(&e, X86_RAX, X86_R9));
    /* cdq */
    CASE("99", x86_cdq(&e));
    /* idiv ecx */
    CASE("f7f9", x86_div(&e, true, X86_RCX));
    /* div ecx */
    CASE("f7f1", x86_div(&e, false, X86_RCX));
    /* setl sil; movzx esi,sil */
    CASE("400f9cc6400fb6f6", x86_setcc_zx(&e, X86_CC_L, X86_RSI));
    /* setb r9b; movzx r9d,r9b */
    CASE("410f92c1450fb6c9", x86_setcc_zx(&e, X86_CC_B, X86_R9));
    /* mov ebx,dword [rcx+rdx*1] */
    CASE("8b1c11", x86_load_sized(&e, X86_RBX, X86_RCX, X86_RDX, 4, false));
    /* movzx r8d,byte [rcx+rdx*1] */
    CASE("440fb60411", x86_load_sized(&e, X86_R8, X86_RCX, X86_RDX, 1, false));
    /* movsx edi,word [rcx] */
    CASE("0fbf39", x86_load_sized(&e, X86_RDI, X86_RCX, -1, 2, true));
    /* movsx r12d,byte [rcx] */
    CASE("440fbe21", x86_load_sized(&e, X86_R12, X86_RCX, -1, 1, true));
    /* movzx eax,word [r12+r13*1] */
    CASE("430fb7042c", x86_load_sized(&e, X86_RAX, X86_R12, X86_R13, 2, false));
    /* mov word [rcx],r13w */
    CASE("66448929", x86_store_sized(&e, X86_R13, X86_RCX, 2));
    /* mov byte [rcx],sil */
    CASE("408831", x86_store_sized(&e, X86_RSI, X86_RCX, 1));
    /* mov dword [rcx],r10d */
    CASE("448911", x86_store_sized(&e, X86_R10, X86_RCX, 4));
    /* mov rdx,qword [rcx+rdx*8] */
    CASE("488b14d1", x86_load_idx8(&e, X86_RDX, X86_RCX, X86_RDX));
    /* jmp rax */
    CASE("ffe0", x86_jmp_r(&e, X86_RAX));
    /* call rax */
    CASE("ffd0", x86_call_r(&e, X86_RAX));
    /* push r15 */
    CASE("4157", x86_push(&e, X86_R15));
    /* pop rbx */
    CASE("5b", x86_pop(&e, X86_RBX));
    /* ret */
    CASE("c3", x86_ret(&e));
}

static void test_patch(void)
{
    X86Emit e = { buf, buf + sizeof(buf) };
    uint8_t *jcc, *jmp;

    jcc = x86_jcc(&e, X86_CC_NE);
    jmp = x86_jmp(&e);
    x86_ret(&e);
    x86_patch(jcc, e.p - 1);                    /* forward, to the ret */
    x86_patch(jmp, buf);                        /* backward, to the jcc */
    /* jne +5; jmp -11; ret */
    check("patch", "0f8505000000" "e9f5ffffff" "c3", e.p);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/x86-emit/encodings", test_encodings);
    g_test_add_func("/x86-emit/patch", test_patch);
    return g_test_run();
}
