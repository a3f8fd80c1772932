# SPDX-License-Identifier: GPL-2.0-or-later
"""The CI regression check of the benchmark workloads (tests/bench): each
one, built at a small scale (BUILD/tests/bench/NAME-ci.elf), runs once on
our binary with the benchmark machine (tests/bench/virt.qmp) and, when it
is installed, on Debian's QEMU 7.2 -M virt, and must print the known
checksum.  The constants were computed by QEMU 7.2 and agree with our
binary and, for the workloads that need no device, with a native build
of the same C (tests/bench/host.c).  No timing is checked here; `make
bench` measures."""

import os
import re
import shutil
import subprocess

import pytest

from guest import built_elf

SRCDIR = os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__))))
BENCHSRC = os.path.join(SRCDIR, "tests", "bench")
VIRT_QMP = os.path.join(BENCHSRC, "virt.qmp")
QEMU72 = os.environ.get("QEMU72_BINARY", "/usr/bin/qemu-system-riscv32")
TIMEOUT = 120

# workloads that need no device, built natively too as a reference
HOST_WORKLOADS = ("alu", "addloop", "memory", "qsort", "bytecode",
                  "coremark", "trivial")

# checksums of the -ci builds (the SCALEs in tests/bench/meson.build)
CHECKSUMS = {
    "alu": "0x36e07773",
    "addloop": "0xe2e74280",
    "memory": "0xa731c600",
    "qsort": "0xdad91ae1",
    "bytecode": "0x51809cd9",
    "coremark": "0x0000a3b5",
    "mmio": "0x0124f800",
    "irq": "0x36e07774",
    "trivial": "0x600d600d",
}






def workload(name):
    return built_elf("bench", name + "-ci.elf")


def check_output(name, proc, ours):
    assert proc.returncode == 0, "%s: exit status %d\n%s%s" % (
        name, proc.returncode, proc.stdout, proc.stderr)
    lines = proc.stdout.splitlines()
    assert lines[0] == "bench " + name, proc.stdout
    m = re.search(r"^checksum=(\S+)$", proc.stdout, re.M)
    assert m, proc.stdout
    assert m.group(1) == CHECKSUMS[name], \
        "%s: wrong checksum %s (expected %s)" % (
            name, m.group(1), CHECKSUMS[name])
    n = re.search(r"^instret=(\d+)$", proc.stdout, re.M)
    assert n, proc.stdout
    if ours:
        # exact on ours (QEMU 7.2's minstret is not without -icount)
        assert int(n.group(1)) > 0
    if name == "irq":
        irqs = re.search(r"^irqs=(\d+)$", proc.stdout, re.M)
        assert irqs and int(irqs.group(1)) > 0, proc.stdout


@pytest.mark.parametrize("name", sorted(CHECKSUMS))
def test_workload_on_ours(qemu, name):
    elf = workload(name)
    proc = subprocess.run(
        [qemu, "-M", "none,ram-addr=0x80000000", "-m", "128M",
         "-machine-script", VIRT_QMP, "-kernel", elf,
         "-display", "none", "-serial", "stdio"],
        capture_output=True, text=True, timeout=TIMEOUT,
        stdin=subprocess.DEVNULL)
    check_output(name, proc, True)


@pytest.mark.parametrize("name", sorted(CHECKSUMS))
def test_workload_on_qemu72(name):
    elf = workload(name)
    if not os.access(QEMU72, os.X_OK):
        pytest.skip("no QEMU 7.2 at %s (set QEMU72_BINARY)" % QEMU72)
    proc = subprocess.run(
        [QEMU72, "-M", "virt", "-bios", "none", "-kernel", elf,
         "-m", "128M", "-display", "none", "-serial", "stdio",
         "-monitor", "none"],
        capture_output=True, text=True, timeout=TIMEOUT,
        stdin=subprocess.DEVNULL)
    check_output(name, proc, False)


def ci_scale(name):
    """The CI SCALE of a workload, from tests/bench/meson.build."""
    with open(os.path.join(BENCHSRC, "meson.build")) as f:
        m = re.search(r"'%s': \[(\d+), (\d+)\]" % name, f.read())
    assert m, "no SCALE for %s in tests/bench/meson.build" % name
    return m.group(2)


@pytest.mark.parametrize("name", HOST_WORKLOADS)
def test_workload_on_host(tmp_path, name):
    """The host C reference: the same source, compiled natively."""
    cc = shutil.which("cc") or shutil.which("gcc")
    if cc is None:
        pytest.skip("no host C compiler")
    exe = str(tmp_path / name)
    subprocess.run([cc, "-O2", "-Wall", "-Wextra", "-Werror",
                    "-DBENCH_HOST", "-DSCALE=" + ci_scale(name),
                    "-o", exe, os.path.join(BENCHSRC, "host.c"),
                    os.path.join(BENCHSRC, name + ".c")],
                   check=True, timeout=TIMEOUT)
    proc = subprocess.run([exe], capture_output=True, text=True,
                          timeout=TIMEOUT)
    assert proc.returncode == 0, proc.stderr
    m = re.search(r"^checksum=(\S+)$", proc.stdout, re.M)
    assert m and m.group(1) == CHECKSUMS[name], proc.stdout
