# SPDX-License-Identifier: GPL-2.0-or-later
"""Boards as data (boards/*.qmp): -M NAME replays the board's script when
the machine reaches "initialized"; -machine-script FILE replays any script
during preconfig; -kernel FILE becomes a loader for CPU 0.  Where Debian's
QEMU 7.2 is installed, each board's memory map is compared with 7.2's."""

import os
import re
import subprocess

import pytest

from guest import build_asm, read_until
from qmp import QMPError

QEMU72 = os.environ.get("QEMU72_BINARY", "/usr/bin/qemu-system-riscv32")

BOARDS = {
    "opentitan": "RISC-V Board compatible with OpenTitan",
    "opentitan-2021":
        "RISC-V Board compatible with OpenTitan (2021 map, ibex-plic)",
    "sifive_e": "RISC-V Board compatible with SiFive E SDK",
}


def test_machine_help_lists_boards(run):
    out = run("-M", "help").stdout.splitlines()
    assert out[0] == "Supported machines are:"
    assert out[1] == "%-20s %s" % ("none", "empty machine")
    for name, desc in BOARDS.items():
        assert "%-20s %s" % (name, desc) in out


def test_query_machines(vm):
    v = vm("-M", "none", "-display", "none", "-S")
    names = {m["name"]: m for m in v.qmp.command("query-machines")}
    for name in BOARDS:
        assert names[name]["cpu-max"] == 1
    assert "data" not in names      # the abstract parent is not listed


def flat_view(binary, machine):
    """The system FlatView of `info mtree -f` as (range, prio/kind, name)."""
    proc = subprocess.run(
        [binary, "-M", machine, "-display", "none", "-S", "-serial", "null",
         "-monitor", "stdio"],
        input="info mtree -f\nquit\n", capture_output=True, text=True,
        timeout=30)
    rows = []
    in_system = False
    for line in proc.stdout.splitlines():
        if "Root memory region:" in line:
            in_system = line.strip().endswith("system")
            continue
        m = re.match(r"\s+([0-9a-f]+-[0-9a-f]+) \((prio -?\d+, [a-z/]+)\): "
                     r"(\S+)$", line)
        if in_system and m:
            rows.append(m.groups())
    assert rows, proc.stdout + proc.stderr
    return rows


# Region names that differ: ours are sysbus-memory devices ("ID.region")
RENAMED = {
    "opentitan": {"riscv.lowrisc.ibex.rom": "rom.region",
                  "riscv.lowrisc.ibex.flash": "flash.region"},
    "sifive_e": {"riscv.sifive.e.mrom": "mrom.region",
                 "riscv.sifive.e.xip": "xip.region"},
}


@pytest.mark.parametrize("machine", ["opentitan", "sifive_e"])
def test_memory_map_matches_qemu72(qemu, machine):
    if not os.access(QEMU72, os.X_OK):
        pytest.skip("no QEMU 7.2 at %s (set QEMU72_BINARY)" % QEMU72)
    ours = flat_view(qemu, machine)
    theirs = [(r, k, RENAMED[machine].get(n, n))
              for r, k, n in flat_view(QEMU72, machine)]
    # the mask ROM is RAM in ours, so that loaders can write it
    if machine == "sifive_e":
        theirs = [(r, "prio 0, ram" if n == "mrom.region" else k, n)
                  for r, k, n in theirs]
    assert ours == theirs


def test_opentitan_2021_map(qemu):
    rows = {n: (r, k) for r, k, n in flat_view(qemu, "opentitan-2021")}
    assert rows["rom.region"] == ("0000000000008000-000000000000bfff",
                                  "prio 0, rom")
    assert rows["riscv.lowrisc.ibex.ram"] == (
        "0000000010000000-000000001000ffff", "prio 0, ram")
    assert rows["ibex-uart"][0] == "0000000040000000-00000000400003ff"
    assert rows["ibex-timer"][0] == "0000000040100000-00000000401003ff"
    assert rows["ibex-plic"][0] == "0000000041010000-00000000410103ff"


def test_board_wiring(vm):
    v = vm("-M", "opentitan-2021", "-display", "none", "-S",
           "-serial", "null")
    q = v.qmp
    assert q.command("qom-get", path="/machine/peripheral/cpus/harts[0]",
                     property="resetvec") == 0x8090
    assert q.command("qom-get", path="/machine/peripheral/uart",
                     property="sysbus-irq[1]") == \
        "/machine/peripheral/plic/unnamed-gpio-in[2]"
    # 6.1 style: PLIC and timer outputs unwired (direct drive)
    assert q.command("qom-get", path="/machine/peripheral/timer",
                     property="unnamed-gpio-out[0]") == ""


def test_ram_size_must_match(run):
    r = run("-M", "sifive_e", "-m", "32K", "-display", "none")
    assert r.returncode == 1
    assert r.stderr == ("qemu-system-riscv32: Invalid RAM size, should be "
                        "16 KiB\n")
    r = run("-M", "opentitan", "-m", "1M", "-display", "none")
    assert r.stderr == ("qemu-system-riscv32: Invalid RAM size, should be "
                        "128 KiB\n")


def test_missing_serials_get_null(vm):
    v = vm("-M", "sifive_e", "-display", "none", "-S", "-serial", "null")
    chardevs = {c["label"]: c["filename"]
                for c in v.qmp.command("query-chardev")}
    assert chardevs["serial0"] == "null"
    assert chardevs["serial1"] == "null"
    assert v.qmp.command("qom-get", path="/machine/peripheral/uart1",
                         property="chardev") == "serial1"


def test_serial_chardev_option(vm):
    """-serial chardev:ID makes chardev ID the board's serial0."""
    v = vm("-M", "sifive_e", "-display", "none", "-S",
           "-chardev", "null,id=c0", "-serial", "chardev:c0")
    assert v.qmp.command("qom-get", path="/machine/peripheral/uart0",
                         property="chardev") == "c0"
    labels = [c["label"] for c in v.qmp.command("query-chardev")]
    assert "serial0" not in labels


def test_board_built_when_client_steps(vm):
    """With -preconfig the script runs when the client reaches initialized:
    after it, the client adds to the board."""
    v = vm("-M", "sifive_e", "-display", "none", "-preconfig",
           "-serial", "null")
    q = v.qmp
    with pytest.raises(QMPError):
        q.command("qom-get", path="/machine/peripheral/uart0",
                  property="chardev")
    q.command("x-machine-init")
    assert q.command("qom-get", path="/machine/peripheral/uart0",
                     property="chardev") == "serial0"
    q.command("device_add", driver="sysbus-memory", id="extra",
              size=0x1000)
    q.command("x-sysbus-mmio-map", device="extra", addr=0x60000000)
    q.command("x-exit-preconfig")
    assert q.command("query-status")["status"] == "running"


# -- programs built at test time with the cross compiler --

# prints "sifive_e ok" on UART0, then parks
SIFIVE_HELLO = """
.globl _start
_start:
    li t0, 0x10013000
    la a0, msg
1:  lbu t1, 0(a0)
    beqz t1, 3f
2:  lw t2, 0(t0)
    bltz t2, 2b
    sw t1, 0(t0)
    addi a0, a0, 1
    j 1b
3:  wfi
    j 3b
msg: .asciz "sifive_e ok\\r\\n"
"""

# ends through the SiFive test finisher at 0x100000 with status 7
FINISH7 = """
.globl _start
_start:
    li t0, 0x100000
    li t1, 0x73333
    sw t1, 0(t0)
1:  j 1b
"""


@pytest.mark.parametrize("how", ["-kernel", "loader"])
def test_sifive_e_boots(qemu, tmp_path, how):
    """-kernel starts CPU 0 at the ELF entry; a loader without cpu-num
    leaves it at the mask ROM, whose two instructions jump to 0x20400000."""
    elf = build_asm(tmp_path, "hello", SIFIVE_HELLO, 0x20400000)
    boot = (["-kernel", elf] if how == "-kernel"
            else ["-device", "loader,file=" + elf])
    proc = subprocess.Popen([qemu, "-M", "sifive_e", "-display", "none",
                             "-monitor", "none", "-serial", "stdio", *boot],
                            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)
    try:
        assert read_until(proc.stdout, b"ok\r\n") == b"sifive_e ok\r\n"
    finally:
        proc.kill()
        proc.communicate()


def test_machine_script_and_kernel_on_none(qemu, tmp_path):
    elf = build_asm(tmp_path, "fin", FINISH7, 0x80000000)
    script = tmp_path / "m.qmp"
    script.write_text("# RAM is -m; add the finisher\n"
                      "device_add driver=riscv.sifive.test id=fin\n"
                      "x-sysbus-mmio-map device=fin addr=1048576\n")
    r = subprocess.run([qemu, "-M", "none,ram-addr=0x80000000", "-m", "1M",
                        "-cpu", "rv32", "-display", "none",
                        "-machine-script", str(script), "-kernel", elf],
                       capture_output=True, timeout=30,
                       stdin=subprocess.DEVNULL)
    assert r.returncode == 7, r.stderr


def test_kernel_needs_a_cpu(run, tmp_path):
    elf = build_asm(tmp_path, "fin", FINISH7, 0x80000000)
    r = run("-M", "none", "-display", "none", "-kernel", elf)
    assert r.returncode == 1
    assert r.stderr == ("qemu-system-riscv32: -kernel %s: Specified boot "
                        "CPU#0 is nonexistent\n" % elf)
    r = run("-M", "sifive_e", "-display", "none", "-kernel", "/nonexistent")
    assert r.stderr == ("qemu-system-riscv32: -kernel /nonexistent: Cannot "
                        "load specified image /nonexistent\n")


def test_machine_script_errors(run, tmp_path):
    bad = tmp_path / "bad.qmp"
    bad.write_text("x-machine-init\n\n"
                   "device_add driver=sysbus-memory id=m size=4096\n"
                   "x-sysbus-mmio-map device=m addr=0x10\n")
    r = run("-M", "none", "-display", "none", "-machine-script", str(bad))
    assert r.returncode == 1
    assert r.stderr == ("qemu-system-riscv32: %s:4: Parameter 'addr' expects "
                        "uint64\n" % bad)
    r = run("-M", "none", "-display", "none", "-machine-script",
            str(tmp_path / "none.qmp"))
    assert r.stderr == ("qemu-system-riscv32: Could not open '%s': No such "
                        "file or directory\n" % (tmp_path / "none.qmp"))


def test_machine_script_with_preconfig_stays(vm, tmp_path):
    script = tmp_path / "s.qmp"
    script.write_text("x-machine-init\n"
                      "device_add driver=sysbus-memory id=m size=4096\n"
                      "x-sysbus-mmio-map device=m addr=4096\n")
    v = vm("-M", "none", "-display", "none", "-preconfig",
           "-machine-script", str(script))
    assert v.qmp.command("query-machine-phase") == {"phase": "initialized"}
    v.qmp.command("x-exit-preconfig")
    assert v.qmp.command("query-machine-phase") == {"phase": "ready"}


def test_machine_script_may_exit_preconfig(vm, tmp_path):
    script = tmp_path / "s.qmp"
    script.write_text("x-exit-preconfig\n")
    v = vm("-M", "none", "-display", "none", "-preconfig",
           "-machine-script", str(script))
    assert v.qmp.command("query-machine-phase") == {"phase": "ready"}
    assert v.qmp.command("query-status")["status"] == "running"
