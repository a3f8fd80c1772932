# SPDX-License-Identifier: GPL-2.0-or-later
"""RISC-V harts on the execution engine: CPU types, -M none -cpu, the hart
array over QMP, the test finisher's exit status, pause/resume/reset of a
running hart, "info registers" and the -d in_asm,int log shapes."""

import os
import subprocess
import tempfile

FW = r"""
.globl _start
_start:
  li a0, 200
1: addi a0, a0, -1
  bnez a0, 1b
  la t0, h
  csrw mtvec, t0
  ecall
.align 2
h:
  csrr t1, mcause
  li t2, 0x100000
  slli t1, t1, 16
  li t3, 0x3333
  or t3, t3, t1
  sw t3, 0(t2)
  j .
"""

# a guest store into ROM is dropped, on the TLB's fast and slow paths
ROM_STORE = r"""
.globl _start
_start:
  li t0, 0x20000000
  lw t1, 0(t0)            # read first: the page gets a TLB entry
  li t2, 0x12345678
  sw t2, 0(t0)
  sh t2, 6(t0)
  lw t3, 0(t0)
  lw t4, 4(t0)
  li t5, 0x100000
  bnez t3, 1f
  bnez t4, 1f
  li t6, 0x5555
  sw t6, 0(t5)
1:li t6, 0x13333
  sw t6, 0(t5)
  j .
"""

SPIN = r"""
.globl _start
_start:
  addi a0, a0, 1
  j _start
"""


def build(tmp, src):
    s = os.path.join(tmp, "f.s")
    o = os.path.join(tmp, "f.o")
    elf = os.path.join(tmp, "f.elf")
    with open(s, "w") as f:
        f.write(src)
    subprocess.run(["riscv64-unknown-elf-as", "-march=rv32imac_zicsr",
                    "-mabi=ilp32", s, "-o", o], check=True)
    subprocess.run(["riscv64-unknown-elf-ld", "-m", "elf32lriscv",
                    "-Ttext=0x80000000", o, "-o", elf], check=True)
    return elf


def assemble(v, elf):
    q = v.qmp
    q.command("device_add", driver="riscv.hart_array", id="cpus",
              **{"cpu-type": "lowrisc-ibex-riscv-cpu",
                 "resetvec": 0x80000000})
    q.command("device_add", driver="sysbus-memory", id="ram", size=0x10000)
    q.command("x-sysbus-mmio-map", device="ram", addr=0x80000000)
    q.command("device_add", driver="riscv.sifive.test", id="fin")
    q.command("x-sysbus-mmio-map", device="fin", addr=0x100000)
    q.command("device_add", driver="loader", file=elf)
    q.command("x-exit-preconfig")


def test_cpu_help(run):
    r = run("-cpu", "help")
    assert r.returncode == 0
    assert r.stdout.split() == ["lowrisc-ibex", "rv32", "sifive-e31"]


def test_none_cpu_creates_one_hart(vm):
    v = vm("-M", "none", "-cpu", "sifive-e31", "-display", "none", "-S")
    t = v.qmp.command("qom-get", path="/machine/unattached/device[0]",
                      property="type")
    assert t == "sifive-e31-riscv-cpu"
    assert v.qmp.command("qom-get", path="/machine/unattached/device[0]",
                         property="resetvec") == 0x1000
    out = v.qmp.command("human-monitor-command",
                        **{"command-line": "info registers"})
    lines = out.split("\r\n")
    assert lines[1] == "CPU#0"
    assert lines[2] == " pc       00001000"
    assert " x0/zero  00000000 x1/ra    00000000 x2/sp    00000000 " \
           "x3/gp    00000000" in lines
    # as QEMU 7.2 answers for -M none -cpu rv32 -S (thread-id varies)
    cpus = v.qmp.command("query-cpus-fast")
    assert len(cpus) == 1 and cpus[0]["thread-id"] > 0
    del cpus[0]["thread-id"]
    assert cpus == [{"qom-path": "/machine/unattached/device[0]",
                     "cpu-index": 0, "target": "riscv32"}]


def test_finisher_exit_status_and_logs():
    from conftest import qemu_binary
    from qmp import QMP
    binary = qemu_binary()
    with tempfile.TemporaryDirectory(prefix="qrv") as tmp:
        elf = build(tmp, FW)
        sock = os.path.join(tmp, "q.sock")
        log = os.path.join(tmp, "log.txt")
        p = subprocess.Popen([binary, "-M", "none", "-preconfig",
                              "-display", "none", "-qmp",
                              "unix:%s,server=on,wait=off" % sock,
                              "-d", "in_asm,int", "-D", log])

        class V:
            pass
        v = V()
        v.qmp = QMP(sock)
        v.qmp.negotiate()
        assemble(v, elf)
        # a clean shutdown, announced, then the finisher's exit status
        ev = v.qmp.wait_event("SHUTDOWN")
        assert ev["data"] == {"guest": True, "reason": "guest-shutdown"}
        assert p.wait(timeout=20) == 11     # mcause of ecall from M
        v.qmp.close()
        text = open(log).read()
    assert ("----------------\nIN: \nPriv: 3; Virt: 0\n"
            "0x80000000:  0c800513          li                      a0,200\n"
            ) in text
    assert ("riscv_cpu_do_interrupt: hart:0, async:0, cause:0000000b, "
            "epc:0x80000014, tval:0x00000000, desc=machine_ecall\n") in text


def test_guest_store_to_rom_is_dropped(vm, tmp_path):
    elf = build(str(tmp_path), ROM_STORE)
    v = vm("-M", "none", "-preconfig", "-display", "none")
    v.qmp.command("device_add", driver="sysbus-memory", id="rom",
                  size=0x1000, readonly=True)
    v.qmp.command("x-sysbus-mmio-map", device="rom", addr=0x20000000)
    assemble(v, elf)
    status, _, err = v.wait(timeout=20)
    assert status == 0, err


def test_stop_cont_reset_running(vm):
    with tempfile.TemporaryDirectory(prefix="qrv") as tmp:
        elf = build(tmp, SPIN)
        v = vm("-M", "none", "-preconfig", "-display", "none")
        assemble(v, elf)
        q = v.qmp
        for _ in range(20):
            q.command("stop")
            assert q.command("query-status")["status"] == "paused"
            pc = int(q.command("human-monitor-command",
                               **{"command-line": "info registers"})
                     .split("\r\n")[2].split()[1], 16)
            assert pc in (0x80000000, 0x80000002)
            q.command("cont")
            q.command("system_reset")
        q.command("quit")
        assert v.wait()[0] == 0
