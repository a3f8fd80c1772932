# SPDX-License-Identifier: GPL-2.0-or-later
"""-cpu MODEL,PROP=VALUE and -global DRIVER.PROP=VALUE: global properties
set on every new device of the type (or a subtype) before realize.  A
resetvec given with -cpu is where the -M none hart starts (qom-get, info
registers, and a program that runs from there); -cpu props win over
-global ones; harts a riscv.hart_array creates over QMP get them too
(the array's own resetvec still wins, as on QEMU 7.2's boards).  Errors
are QEMU 7.2's texts and exit status, checked against it when installed."""

import os
import subprocess

import pytest

from guest import build_asm

QEMU72 = os.environ.get("QEMU72_BINARY", "/usr/bin/qemu-system-riscv32")
TIMEOUT = 20
PROG = "qemu-system-riscv32: "
CPU0 = "/machine/unattached/device[0]"


def cpu_get(vm, prop, *args):
    v = vm("-M", "none", "-display", "none", "-S", *args)
    return v.qmp.command("qom-get", path=CPU0, property=prop)


def test_cpu_props(vm):
    v = vm("-M", "none", "-display", "none", "-S", "-cpu",
           "rv32,resetvec=0x20400000,mvendorid=0x123,marchid=7")
    q = v.qmp
    assert q.command("qom-get", path=CPU0, property="resetvec") == 0x20400000
    assert q.command("qom-get", path=CPU0, property="mvendorid") == 0x123
    assert q.command("qom-get", path=CPU0, property="marchid") == 7
    regs = q.command("human-monitor-command",
                     **{"command-line": "info registers"})
    assert "\r\n pc       20400000\r\n" in regs
    fast = q.command("query-cpus-fast")
    assert [c["qom-path"] for c in fast] == [CPU0]


def test_cpu_props_win_over_global(vm):
    """-cpu props come after every -global, whatever the order given."""
    for args in (["-global", "rv32-riscv-cpu.resetvec=0x10",
                  "-cpu", "rv32,resetvec=0x20"],
                 ["-cpu", "rv32,resetvec=0x20",
                  "-global", "rv32-riscv-cpu.resetvec=0x10"]):
        assert cpu_get(vm, "resetvec", *args) == 0x20


@pytest.mark.parametrize("arg", [
    "rv32-riscv-cpu.mvendorid=5",
    "riscv-cpu.mvendorid=5",        # a parent type's global applies too
    "driver=rv32-riscv-cpu,property=mvendorid,value=5",
])
def test_global(vm, arg):
    assert cpu_get(vm, "mvendorid", "-cpu", "rv32", "-global", arg) == 5


def test_global_other_type_unused(vm):
    assert cpu_get(vm, "mvendorid", "-cpu", "rv32", "-global",
                   "lowrisc-ibex-riscv-cpu.mvendorid=5") == 0


def test_firmware_starts_at_resetvec(vm, tmp_path):
    """The hart runs from the -cpu resetvec: a program there ends the run
    through the test finisher with its own exit code."""
    elf = build_asm(tmp_path, "start", """
    .globl _start
_start:
    li t0, 0x100000
    li t1, (42 << 16) | 0x3333
    sw t1, 0(t0)
1:  j 1b
""", 0x80000000)
    v = vm("-M", "none", "-display", "none", "-preconfig",
           "-cpu", "rv32,resetvec=0x80000000")
    q = v.qmp
    q.command("device_add", driver="sysbus-memory", id="ram", size="0x1000")
    q.command("x-sysbus-mmio-map", device="ram", addr=0x80000000)
    q.command("device_add", driver="riscv.sifive.test", id="test")
    q.command("x-sysbus-mmio-map", device="test", addr=0x100000)
    q.command("device_add", driver="loader", file=elf)
    q.send({"execute": "x-exit-preconfig"})
    status, _, err = v.wait(TIMEOUT)
    assert status == 42, err


def test_hart_array_harts(vm):
    """Harts made by a hart array over QMP get the globals; the array's
    resetvec is set after them and wins."""
    v = vm("-M", "none", "-display", "none", "-preconfig",
           "-global", "rv32-riscv-cpu.mvendorid=9",
           "-global", "rv32-riscv-cpu.resetvec=0x4000")
    q = v.qmp
    q.command("device_add", driver="riscv.hart_array", id="cpus",
              **{"num-harts": "2", "cpu-type": "rv32-riscv-cpu",
                 "resetvec": "0x8000"})
    for i in range(2):
        path = "/machine/peripheral/cpus/harts[%d]" % i
        assert q.command("qom-get", path=path, property="mvendorid") == 9
        assert q.command("qom-get", path=path,
                         property="resetvec") == 0x8000


def test_data_board_harts(vm):
    """-cpu props reach the harts a board script creates."""
    v = vm("-M", "sifive_e", "-display", "none", "-S", "-cpu",
           "sifive-e31,mvendorid=0x489,resetvec=0x20400000")
    path = "/machine/peripheral/cpus/harts[0]"
    assert v.qmp.command("qom-get", path=path, property="mvendorid") == 0x489
    # the board's hart array sets resetvec after the globals
    assert v.qmp.command("qom-get", path=path, property="resetvec") == 0x1004


def test_bad_global_fatal_before_ready(vm):
    """A global that cannot be applied to a device created before the
    machine is ready ends the process, as in QEMU."""
    v = vm("-M", "none", "-display", "none", "-preconfig",
           "-global", "rv32-riscv-cpu.bogus=1")
    v.qmp.send({"execute": "device_add",
                "arguments": {"driver": "riscv.hart_array", "id": "cpus",
                              "cpu-type": "rv32-riscv-cpu"}})
    status, _, err = v.wait(TIMEOUT)
    assert (status, err) == (1, PROG + "can't apply global "
                             "rv32-riscv-cpu.bogus=1: Property "
                             "'rv32-riscv-cpu.bogus' not found\n")


# (arguments, exit status, stderr); every one run to its end with -S
CASES = [
    (["-cpu", "rv32,foo=1"], 1,
     "can't apply global rv32-riscv-cpu.foo=1: "
     "Property 'rv32-riscv-cpu.foo' not found"),
    (["-cpu", "rv32,mvendorid=5,foo=2"], 1,
     "can't apply global rv32-riscv-cpu.foo=2: "
     "Property 'rv32-riscv-cpu.foo' not found"),
    (["-cpu", "rv32,=1"], 1,
     "can't apply global rv32-riscv-cpu.=1: "
     "Property 'rv32-riscv-cpu.' not found"),
    (["-cpu", "rv32,resetvec=abc"], 1,
     "can't apply global rv32-riscv-cpu.resetvec=abc: "
     "Parameter 'resetvec' expects uint64"),
    (["-cpu", "rv32,mvendorid=0x1ffffffff"], 1,
     "can't apply global rv32-riscv-cpu.mvendorid=0x1ffffffff: "
     "Parameter 'mvendorid' expects uint32_t"),
    # the data boards' harts (the later -M wins)
    (["-M", "sifive_e", "-cpu", "sifive-e31,foo=1"], 1,
     "can't apply global sifive-e31-riscv-cpu.foo=1: "
     "Property 'sifive-e31-riscv-cpu.foo' not found"),
    (["-M", "opentitan", "-cpu", "lowrisc-ibex,foo=1"], 1,
     "can't apply global lowrisc-ibex-riscv-cpu.foo=1: "
     "Property 'lowrisc-ibex-riscv-cpu.foo' not found"),
    (["-cpu", "rv32,resetvec"], 1,
     "Expected key=value format, found resetvec."),
    (["-cpu", "rv32,help"], 1, "Expected key=value format, found help."),
    (["-cpu", "nosuch,foo=1"], 1, "unable to find CPU model 'nosuch'"),
    (["-global", "rv32-riscv-cpu.foo=1", "-cpu", "rv32"], 1,
     "can't apply global rv32-riscv-cpu.foo=1: "
     "Property 'rv32-riscv-cpu.foo' not found"),
    (["-global", "foo=1"], 1, "-global foo=1: Invalid parameter 'foo'"),
    (["-global", ".x=1"], 1, "-global .x=1: Invalid parameter '.x'"),
    (["-global", "a.=1"], 1, "-global a.=1: Invalid parameter 'a.'"),
    (["-global", "driver=rv32-riscv-cpu,property=foo"], 1,
     "-global driver=rv32-riscv-cpu,property=foo: options 'driver', "
     "'property', and 'value' are required"),
    (["-global", "driver=a,property=b,value=c,foo=d"], 1,
     "-global driver=a,property=b,value=c,foo=d: Invalid parameter 'foo'"),
]


def run_case(binary, args):
    cmd = [binary, "-M", "none", "-display", "none", "-nodefaults", "-S",
           "-qmp", "stdio", *args]
    r = subprocess.run(cmd, input='{"execute": "qmp_capabilities"}\n'
                       '{"execute": "quit"}\n', capture_output=True,
                       text=True, timeout=TIMEOUT)
    return r.returncode, r.stderr


@pytest.mark.parametrize("args,status,msg", CASES)
def test_errors(qemu, args, status, msg):
    assert run_case(qemu, args) == (status, PROG + msg + "\n")


@pytest.mark.parametrize("args,status,msg", CASES)
def test_errors_as_qemu72(qemu, args, status, msg):
    if not os.access(QEMU72, os.X_OK):
        pytest.skip("no QEMU 7.2 at %s (set QEMU72_BINARY)" % QEMU72)
    assert run_case(QEMU72, args) == run_case(qemu, args)


def test_warnings(qemu):
    """Unknown drivers are a warning; the run goes on."""
    r = run_case(qemu, ["-global", "foo.bar=1", "-global", "baz.q=2"])
    assert r == (0, PROG + "warning: global foo.bar has invalid class "
                 "name\n" + PROG + "warning: global baz.q has invalid "
                 "class name\n")
    if os.access(QEMU72, os.X_OK):
        assert run_case(QEMU72, ["-global", "foo.bar=1", "-global",
                                 "baz.q=2"]) == r


def test_global_help(qemu):
    r = subprocess.run([qemu, "-M", "none", "-global", "help"],
                       capture_output=True, text=True, timeout=TIMEOUT)
    assert (r.returncode, r.stdout) == (
        1, "global options:\n  driver=<str>\n  property=<str>\n"
           "  value=<str>\n")
