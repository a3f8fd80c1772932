# SPDX-License-Identifier: GPL-2.0-or-later
"""The vCPU thread under QMP control: stop, cont, system_reset and
`info registers` while a hart runs guest code that writes memory and a
UART.  Each step is checked on the guest's output and the run state.

Marked `tsan`: CI also runs this file against a ThreadSanitizer build
(configure --enable-tsan), where any data race makes the emulator exit
with status 66 instead of 0."""

import os
import subprocess
import tempfile

import pytest

from guest import build_asm, read_until
from qmp import QMP

pytestmark = pytest.mark.tsan

# sifive_e: "boot" on UART0, then a loop of RAM writes with a '.' every
# 4096 iterations
BUSY = """
.globl _start
_start:
    li t0, 0x10013000
    la a0, msg
1:  lbu t1, 0(a0)
    beqz t1, 2f
    sw t1, 0(t0)
    addi a0, a0, 1
    j 1b
2:  li s0, 0x80000000
    li t1, 0
3:  addi t1, t1, 1
    sw t1, 0(s0)
    lw t2, 0(s0)
    slli t3, t1, 20
    bnez t3, 3b
4:  lw t2, 0(t0)
    bltz t2, 4b
    li t4, '.'
    sw t4, 0(t0)
    j 3b
msg: .asciz "boot\\r\\n"
"""


def test_stop_cont_reset_while_running(qemu, tmp_path):
    elf = build_asm(tmp_path, "busy", BUSY, 0x20400000)
    d = tempfile.mkdtemp(prefix="qrv")
    sock = os.path.join(d, "q.sock")
    proc = subprocess.Popen(
        [qemu, "-M", "sifive_e", "-display", "none", "-serial", "stdio",
         "-kernel", elf, "-qmp", "unix:%s,server=on,wait=off" % sock],
        stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
        stderr=subprocess.PIPE)
    try:
        q = QMP(sock)
        q.negotiate()
        assert b"boot\r\n" in read_until(proc.stdout, b"boot\r\n")
        for _ in range(10):
            assert b"." in read_until(proc.stdout, b".")
            q.command("stop")
            assert q.command("query-status")["status"] == "paused"
            regs = q.command("human-monitor-command",
                             **{"command-line": "info registers"})
            assert " pc       " in regs
            q.command("cont")
            assert q.command("query-status")["status"] == "running"
            regs = q.command("human-monitor-command",
                             **{"command-line": "info registers"})
            assert " pc       " in regs
            q.command("system_reset")
            assert b"boot\r\n" in read_until(proc.stdout, b"boot\r\n")
        q.command("quit")
        _, err = proc.communicate(timeout=30)
        assert proc.returncode == 0, err.decode()
        q.close()
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
        os.rmdir(d) if not os.listdir(d) else None
