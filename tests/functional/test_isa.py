# SPDX-License-Identifier: GPL-2.0-or-later
"""The RISC-V ISA test firmware (tests/firmware/isa/*.S): each ELF is run
(a) on Debian's QEMU 7.2 (-M virt), which validates the test itself, and
(b) on our binary, with the machine assembled over QMP from
-M none -preconfig.  Each program ends through the SiFive test finisher:
exit status 0 = pass, N = check N failed, 128 + N = unexpected trap in
check N.  A program whose source says "NEEDS: type..." runs on our binary
only once those device types exist, and gets them mapped as on virt."""

import glob
import os
import platform
import re
import subprocess

import pytest

from guest import built_elf
from qmp import QMPError

SRCDIR = os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__))))
FWSRC = os.path.join(SRCDIR, "tests", "firmware", "isa")
QEMU72 = os.environ.get("QEMU72_BINARY", "/usr/bin/qemu-system-riscv32")
TIMEOUT = 30

RAM_BASE = 0x80000000
RAM_SIZE = 0x10000
FINISHER_BASE = 0x100000

# the basic machine: RAM, one hart starting at the RAM base, the finisher
BASE_TYPES = ("sysbus-memory", "riscv.hart_array", "riscv.sifive.test",
              "loader")

# extra devices a program may ask for, placed and wired as on virt
HART_IN = "/machine/peripheral/cpus/harts[0]/unnamed-gpio-in[%d]"
OPTIONAL_DEVICES = {
    "riscv.aclint.swi": [
        ("device_add", {"driver": "riscv.aclint.swi", "id": "swi"}),
        ("x-sysbus-mmio-map", {"device": "swi", "addr": 0x2000000}),
        ("qom-set", {"path": "/machine/peripheral/swi",
                     "property": "unnamed-gpio-out[0]",
                     "value": HART_IN % 3}),
    ],
    "riscv.aclint.mtimer": [
        ("device_add", {"driver": "riscv.aclint.mtimer", "id": "mtimer",
                        "timebase-freq": "10000000"}),
        ("x-sysbus-mmio-map", {"device": "mtimer", "addr": 0x2004000}),
        ("qom-set", {"path": "/machine/peripheral/mtimer",
                     "property": "unnamed-gpio-out[0]",
                     "value": HART_IN % 7}),
    ],
}


def sources():
    return sorted(os.path.basename(p)[:-2]
                  for p in glob.glob(os.path.join(FWSRC, "*.S")))


def needs(name):
    """Device types the program's "NEEDS:" line asks for."""
    with open(os.path.join(FWSRC, name + ".S")) as f:
        m = re.search(r"^\s*\*?\s*NEEDS:(.*)$", f.read(), re.M)
    types = m.group(1).split() if m else []
    for t in types:
        assert t in OPTIONAL_DEVICES, "%s.S needs unknown device %s" % (
            name, t)
    return types






def firmware(name):
    return built_elf("firmware", "isa", name + ".elf")


def verdict(status):
    if status == 0:
        return "pass"
    if 128 < status < 256:
        return "unexpected trap in check %d" % (status - 128)
    if status > 0:
        return "check %d failed" % status
    return "killed by signal %d" % -status


@pytest.mark.parametrize("name", sources())
def test_on_qemu72(name):
    """The program passes on the reference: QEMU 7.2's virt board."""
    elf = firmware(name)
    if not os.access(QEMU72, os.X_OK):
        pytest.skip("no QEMU 7.2 at %s (set QEMU72_BINARY)" % QEMU72)
    proc = subprocess.run(
        [QEMU72, "-M", "virt", "-bios", "none", "-display", "none",
         "-serial", "null", "-monitor", "none", "-kernel", elf],
        capture_output=True, text=True, timeout=TIMEOUT,
        stdin=subprocess.DEVNULL)
    assert proc.returncode == 0, "%s on QEMU 7.2: %s\n%s" % (
        name, verdict(proc.returncode), proc.stderr)


def missing_types(q, types):
    """The types device-list-properties does not know."""
    missing = []
    for t in types:
        try:
            q.command("device-list-properties", typename=t)
        except QMPError as e:
            if e.cls != "DeviceNotFound":
                raise
            missing.append(t)
    return missing


# The engine's two code generators (-accel tcg,x-backend=...): native
# x86-64 code (the default there) and threaded handlers (every host).
BACKENDS = [
    pytest.param("native", marks=pytest.mark.skipif(
        platform.machine() != "x86_64", reason="native backend is x86-64")),
    "threaded",
]


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("name", sources())
def test_on_qmp_machine(vm, name, backend):
    """The program passes on our binary, on a machine built over QMP."""
    elf = firmware(name)
    extra = needs(name)
    v = vm("-M", "none", "-display", "none", "-preconfig",
           "-accel", "tcg,x-backend=" + backend)
    q = v.qmp
    missing = missing_types(q, BASE_TYPES + tuple(extra))
    if missing:
        pytest.skip("device types not implemented yet: " + ", ".join(missing))
    q.command("device_add", driver="sysbus-memory", id="ram",
              size="0x%x" % RAM_SIZE)
    q.command("x-sysbus-mmio-map", device="ram", addr=RAM_BASE)
    q.command("device_add", driver="riscv.hart_array", id="cpus",
              **{"num-harts": "1", "cpu-type": "rv32-riscv-cpu",
                 "resetvec": "0x%x" % RAM_BASE})
    q.command("device_add", driver="riscv.sifive.test", id="test")
    q.command("x-sysbus-mmio-map", device="test", addr=FINISHER_BASE)
    for t in extra:
        for cmd, args in OPTIONAL_DEVICES[t]:
            q.command(cmd, **args)
    q.command("device_add", driver="loader", file=elf)
    # the guest may finish (and the process exit) before the reply arrives
    q.send({"execute": "x-exit-preconfig"})
    try:
        while True:
            msg = q.recv()
            if msg is None:
                break
            if "error" in msg:
                pytest.fail("x-exit-preconfig: %s" % msg["error"])
            if "return" in msg:
                break
    except OSError:
        pass
    try:
        status, _, err = v.wait(timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        pytest.fail("%s: no verdict within %d s" % (name, TIMEOUT))
    assert status == 0, "%s: %s\n%s" % (name, verdict(status), err)
