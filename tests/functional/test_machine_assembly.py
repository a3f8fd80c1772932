# SPDX-License-Identifier: GPL-2.0-or-later
"""Acceptance tests of issue 4: a machine assembled over QMP.

The seed's scripts, in their 2021 form (x-machine-init,
x-sysbus-mmio-map) and their 2022 form (device_add straight from
accel-created, sysbus-mmio-map, -m with ram-addr, the loader last), built
from sysbus-memory, unimplemented-device, split-irq, or-irq and loader,
are replayed through our QMP client and through qmp-shell (the .qmp files
in data/), and the result is checked with qom-list, qom-get, info mtree,
info qtree, x-query-memory-map and x-query-wiring.  Then: every error
path of device creation, mapping and the phase rules leaves the machine
as it was; -device and device_add build identical machines; IRQ fan-out
through split-irq works end to end."""

import json
import os
import subprocess
import sys

import pytest

from qmp import QMPError
from qtest_client import QTest

BASE = ("-M", "none", "-display", "none", "-preconfig")
HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "data")
SHELL = os.path.join(os.path.dirname(os.path.dirname(HERE)), "scripts",
                     "qmp", "qmp-shell")
PERI = "/machine/peripheral/"


# helpers

def call(q, name, args=None):
    resp = q.cmd(name, args or {})
    if "error" in resp:
        raise QMPError(resp["error"]["class"], resp["error"]["desc"], resp)
    return resp["return"]


def hmp(q, line):
    return call(q, "human-monitor-command", {"command-line": line})


def qom_get(q, path, prop):
    return call(q, "qom-get", {"path": path, "property": prop})


def qom_tree(q, path):
    """Every object below @path: children recursively, other properties
    with their values (or the error qom-get gives)."""
    out = {}
    for p in call(q, "qom-list", {"path": path}):
        if p["type"].startswith("child<"):
            out[p["name"]] = (p["type"], qom_tree(q, path + "/" + p["name"]))
        else:
            try:
                out[p["name"]] = (p["type"], qom_get(q, path, p["name"]))
            except QMPError as e:
                out[p["name"]] = (p["type"], "error: " + e.desc)
    return out


def snapshot(q):
    """Everything an error must leave alone."""
    snap = {"tree": qom_tree(q, "/machine"),
            "phase": call(q, "query-machine-phase")["phase"]}
    if snap["phase"] in ("initialized", "ready"):
        snap["map"] = call(q, "x-query-memory-map")
        snap["wiring"] = call(q, "x-query-wiring")
    return snap


def expect_error(q, name, args, desc, cls="GenericError"):
    """@name fails with exactly @desc and changes nothing."""
    before = snapshot(q)
    resp = q.cmd(name, args)
    assert "error" in resp, resp
    assert (resp["error"]["class"], resp["error"]["desc"]) == (cls, desc)
    assert snapshot(q) == before


def replay(q, script):
    for name, args in script:
        call(q, name, args)


@pytest.fixture
def machine(vm, tmp_path):
    """machine(*args) -> (vm, qtest): -M none -preconfig with qtest and a
    second QMP socket (vm.shell_sock) for qmp-shell."""
    tests = []

    def _machine(*args):
        d = tmp_path / ("m%d" % len(tests))
        d.mkdir()
        qt = QTest(str(d / "qt.sock"))
        tests.append(qt)
        shell_sock = str(d / "shell.sock")
        v = vm(*BASE, *qt.args(), "-qmp",
               "unix:%s,server=on,wait=off" % shell_sock, *args)
        v.shell_sock = shell_sock
        return v, qt
    yield _machine
    for qt in tests:
        qt.close()


def run_shell(sock, text, *opts):
    """Pipe a .qmp script into qmp-shell (script mode)."""
    return subprocess.run([sys.executable, SHELL, *opts, sock],
                          input=text, capture_output=True, text=True,
                          timeout=60)


def script_text(name, **subst):
    with open(os.path.join(DATA, name)) as f:
        text = f.read()
    for key, val in subst.items():
        text = text.replace("@%s@" % key, val)
    return text


def commands_in(text):
    return [ln for ln in text.splitlines()
            if ln.strip() and not ln.lstrip().startswith("#")]


# The 2021 form (data/machine-2021.qmp), as our client sends it

SCRIPT_2021 = [
    ("x-machine-init", {}),
    ("device_add", {"driver": "sysbus-memory", "id": "rom",
                    "size": 0x4000, "readonly": True}),
    ("x-sysbus-mmio-map", {"device": "rom", "addr": 32768}),
    ("device_add", {"driver": "sysbus-memory", "id": "ram",
                    "size": 0x10000}),
    ("x-sysbus-mmio-map", {"device": "ram", "addr": 268435456}),
    ("device_add", {"driver": "unimplemented-device", "id": "plic",
                    "name": "plic", "size": 0x4000000}),
    ("x-sysbus-mmio-map", {"device": "plic", "addr": 201326592}),
    ("device_add", {"driver": "unimplemented-device", "id": "uart",
                    "name": "uart", "size": 0x1000}),
    ("x-sysbus-mmio-map", {"device": "uart", "addr": 1073741824}),
    ("device_add", {"driver": "split-irq", "id": "split",
                    "num-lines": 2}),
    ("device_add", {"driver": "or-irq", "id": "or", "num-lines": 2}),
    ("qom-set", {"path": "split", "property": "unnamed-gpio-out[0]",
                 "value": "or/unnamed-gpio-in[0]"}),
    ("qom-set", {"path": "split", "property": "unnamed-gpio-out[1]",
                 "value": "or/unnamed-gpio-in[1]"}),
    ("device_add", {"driver": "loader", "id": "boot", "addr": 0x10000000,
                    "data": 0x12345678, "data-len": 4}),
    ("x-exit-preconfig", {}),
]

MTREE_2021 = (
    "address-space: memory\r\n"
    "  0000000000000000-ffffffffffffffff (prio 0, i/o): system\r\n"
    "    0000000000008000-000000000000bfff (prio 0, rom): rom.region\r\n"
    "    000000000c000000-000000000fffffff (prio 0, i/o): plic\r\n"
    "    0000000010000000-000000001000ffff (prio 0, ram): ram.region\r\n"
    "    0000000040000000-0000000040000fff (prio 0, i/o): uart\r\n"
    "\r\n"
    "address-space: I/O\r\n"
    "  0000000000000000-000000000000ffff (prio 0, i/o): io\r\n"
    "\r\n")

QTREE_2021 = (
    "bus: main-system-bus\r\n"
    "  type System\r\n"
    "  dev: unimplemented-device, id \"uart\"\r\n"
    "    size = 4096 (0x1000)\r\n"
    "    name = \"uart\"\r\n"
    "    mmio 0000000040000000/0000000000001000\r\n"
    "  dev: unimplemented-device, id \"plic\"\r\n"
    "    size = 67108864 (0x4000000)\r\n"
    "    name = \"plic\"\r\n"
    "    mmio 000000000c000000/0000000004000000\r\n"
    "  dev: sysbus-memory, id \"ram\"\r\n"
    "    size = 65536 (0x10000)\r\n"
    "    readonly = false\r\n"
    "    mmio 0000000010000000/0000000000010000\r\n"
    "  dev: sysbus-memory, id \"rom\"\r\n"
    "    size = 16384 (0x4000)\r\n"
    "    readonly = true\r\n"
    "    mmio 0000000000008000/0000000000004000\r\n")


def entry(start, end, region, owner, kind, priority=0):
    return {"start": start, "end": end, "region": region,
            "owner": PERI + owner if owner[0] != "/" else owner,
            "kind": kind, "priority": priority}


MAP_2021 = [
    entry(0x8000, 0xbfff, "rom.region", "rom", "rom"),
    entry(0xc000000, 0xfffffff, "plic", "plic", "i/o"),
    entry(0x10000000, 0x1000ffff, "ram.region", "ram", "ram"),
    entry(0x40000000, 0x40000fff, "uart", "uart", "i/o"),
]


def wire(dev, prop, to=None):
    w = {"device": PERI + dev, "property": prop,
         "direction": "in" if "-in[" in prop else "out"}
    if to is not None:
        w["connected-to"] = PERI + to
    return w


WIRING_2021 = [
    wire("split", "unnamed-gpio-out[0]", "or/unnamed-gpio-in[0]"),
    wire("split", "unnamed-gpio-out[1]", "or/unnamed-gpio-in[1]"),
    wire("split", "unnamed-gpio-in[0]"),
    wire("or", "unnamed-gpio-out[0]"),
]

WARNINGS_2021 = ("qemu-system-riscv32: warning: IRQ output "
                 "'unnamed-gpio-out[0]' of device 'or' is not connected\n")


def peripherals(q):
    return [(p["name"], p["type"])
            for p in call(q, "qom-list", {"path": "/machine/peripheral"})]


def check_2021(q, qt):
    assert call(q, "query-machine-phase") == {"phase": "ready"}
    assert peripherals(q) == [
        ("rom", "child<sysbus-memory>"), ("ram", "child<sysbus-memory>"),
        ("plic", "child<unimplemented-device>"),
        ("uart", "child<unimplemented-device>"),
        ("split", "child<split-irq>"), ("or", "child<or-irq>"),
        ("boot", "child<loader>"), ("type", "string")]
    names = sorted(p["name"] for p in call(q, "qom-list",
                                           {"path": PERI + "rom"}))
    assert names == ["hotpluggable", "hotplugged", "parent_bus",
                     "readonly", "realized", "rom.region[0]", "size",
                     "type"]
    # links read back as canonical paths
    assert qom_get(q, PERI + "split", "unnamed-gpio-out[0]") == \
        PERI + "or/unnamed-gpio-in[0]"
    assert qom_get(q, PERI + "or", "unnamed-gpio-out[0]") == ""
    assert qom_get(q, PERI + "rom", "parent_bus") == \
        "/machine/unattached/sysbus"
    region = PERI + "rom/rom.region[0]"
    assert qom_get(q, region, "container") == "/machine/unattached/system[0]"
    assert (qom_get(q, region, "addr"), qom_get(q, region, "size")) == \
        (0x8000, 0x4000)
    assert qom_get(q, PERI + "boot", "data-len") == 4
    assert hmp(q, "info mtree") == MTREE_2021
    assert hmp(q, "info qtree") == QTREE_2021
    assert call(q, "x-query-memory-map") == MAP_2021
    assert call(q, "x-query-wiring") == WIRING_2021
    # the loader's data went into the RAM at reset
    assert qt.read(0x10000000, 6) == bytes([0x78, 0x56, 0x34, 0x12, 0, 0])
    assert qt.read(0x8000, 4) == bytes(4)


def quit_and_stderr(v):
    call(v.qmp, "quit")
    status, _, err = v.wait()
    assert status == 0
    return err


def test_2021_form_through_the_client(machine):
    v, qt = machine()
    replay(v.qmp, SCRIPT_2021)
    check_2021(v.qmp, qt)
    assert quit_and_stderr(v) == WARNINGS_2021


def test_2021_form_through_qmp_shell(machine):
    v, qt = machine()
    text = script_text("machine-2021.qmp")
    r = run_shell(v.shell_sock, text, "--wait")
    assert (r.returncode, r.stderr) == (0, "")
    assert r.stdout == '{"return": {}}\n' * len(commands_in(text))
    check_2021(v.qmp, qt)
    assert quit_and_stderr(v) == WARNINGS_2021


def test_2021_client_and_shell_build_the_same_machine(machine):
    a, _ = machine()
    replay(a.qmp, SCRIPT_2021)
    b, _ = machine()
    r = run_shell(b.shell_sock, script_text("machine-2021.qmp"))
    assert r.returncode == 0, r.stderr
    assert snapshot(a.qmp) == snapshot(b.qmp)


# The 2022 form (data/machine-2022.qmp)

FW = bytes([0x6f, 0x00, 0x00, 0x00]) + bytes(range(1, 13))


def script_2022(fw):
    return [
        ("qom-set", {"path": "/machine", "property": "ram-addr",
                     "value": 2147483648}),
        ("device_add", {"driver": "sysbus-memory", "id": "rom",
                        "size": "0x4000", "readonly": True}),
        ("sysbus-mmio-map", {"device": "rom", "addr": 4096}),
        ("device_add", {"driver": "unimplemented-device", "id": "uart",
                        "name": "uart", "size": "0x1000"}),
        ("sysbus-mmio-map", {"device": "uart", "addr": 1073741824}),
        ("device_add", {"driver": "split-irq", "id": "split",
                        "num-lines": 2}),
        ("device_add", {"driver": "or-irq", "id": "or", "num-lines": 2}),
        ("device_add", {"driver": "split-irq", "id": "fanout",
                        "num-lines": 1}),
        ("qom-set", {"path": "split", "property": "unnamed-gpio-out[0]",
                     "value": "or/unnamed-gpio-in[0]"}),
        ("qom-set", {"path": "split", "property": "unnamed-gpio-out[1]",
                     "value": "or/unnamed-gpio-in[1]"}),
        ("qom-set", {"path": "or", "property": "unnamed-gpio-out[0]",
                     "value": "fanout/unnamed-gpio-in[0]"}),
        ("device_add", {"driver": "loader", "id": "fw", "file": fw,
                        "addr": "0x80000000"}),
        ("x-exit-preconfig", {}),
    ]


MTREE_2022 = (
    "address-space: memory\r\n"
    "  0000000000000000-ffffffffffffffff (prio 0, i/o): system\r\n"
    "    0000000000001000-0000000000004fff (prio 0, rom): rom.region\r\n"
    "    0000000040000000-0000000040000fff (prio 0, i/o): uart\r\n"
    "    0000000080000000-000000008000ffff (prio 0, ram): ram\r\n"
    "\r\n"
    "address-space: I/O\r\n"
    "  0000000000000000-000000000000ffff (prio 0, i/o): io\r\n"
    "\r\n")

MAP_2022 = [
    entry(0x1000, 0x4fff, "rom.region", "rom", "rom"),
    entry(0x40000000, 0x40000fff, "uart", "uart", "i/o"),
    entry(0x80000000, 0x8000ffff, "ram", "/machine", "ram"),
]

WIRING_2022 = [
    wire("split", "unnamed-gpio-out[0]", "or/unnamed-gpio-in[0]"),
    wire("split", "unnamed-gpio-out[1]", "or/unnamed-gpio-in[1]"),
    wire("split", "unnamed-gpio-in[0]"),
    wire("or", "unnamed-gpio-out[0]", "fanout/unnamed-gpio-in[0]"),
    wire("fanout", "unnamed-gpio-out[0]"),
]

WARNINGS_2022 = ("qemu-system-riscv32: warning: IRQ output "
                 "'unnamed-gpio-out[0]' of device 'fanout' is not "
                 "connected\n")


def check_2022(q, qt):
    assert call(q, "query-machine-phase") == {"phase": "ready"}
    assert [n for n, _ in peripherals(q)] == \
        ["rom", "uart", "split", "or", "fanout", "fw", "type"]
    assert qom_get(q, "/machine", "ram-addr") == 0x80000000
    assert qom_get(q, "/machine/ram[0]", "container") == \
        "/machine/unattached/system[0]"
    assert qom_get(q, PERI + "or", "unnamed-gpio-out[0]") == \
        PERI + "fanout/unnamed-gpio-in[0]"
    assert hmp(q, "info mtree") == MTREE_2022
    qtree = hmp(q, "info qtree")
    assert qtree.startswith("bus: main-system-bus\r\n  type System\r\n"
                            "  dev: unimplemented-device, id \"uart\"\r\n")
    assert "    mmio 0000000000001000/0000000000004000\r\n" in qtree
    assert call(q, "x-query-memory-map") == MAP_2022
    assert call(q, "x-query-wiring") == WIRING_2022
    # the image was copied into the -m RAM at reset
    assert qt.read(0x80000000, len(FW) + 2) == FW + bytes(2)


def test_2022_form_through_the_client(machine, tmp_path):
    fw = tmp_path / "fw.bin"
    fw.write_bytes(FW)
    v, qt = machine("-m", "size=64K")
    q = v.qmp
    assert call(q, "query-machine-phase") == {"phase": "accel-created"}
    script = script_2022(str(fw))
    replay(q, script[:2])
    # the first device_add stepped the machine to initialized
    ev = q.wait_event("MACHINE_PHASE_CHANGE")
    assert ev["data"] == {"phase": "initialized"}
    replay(q, script[2:])
    check_2022(q, qt)
    assert quit_and_stderr(v) == WARNINGS_2022


def test_2022_form_through_qmp_shell(machine, tmp_path):
    fw = tmp_path / "fw.bin"
    fw.write_bytes(FW)
    v, qt = machine("-m", "size=64K")
    text = script_text("machine-2022.qmp", FW=str(fw))
    r = run_shell(v.shell_sock, text, "--wait", "5")
    assert (r.returncode, r.stderr) == (0, "")
    assert r.stdout == '{"return": {}}\n' * len(commands_in(text))
    check_2022(v.qmp, qt)
    assert quit_and_stderr(v) == WARNINGS_2022


def test_qmp_shell_wait_takes_the_server_as_next_word(machine):
    """scripts/qmp/README.md's "qmp-shell --wait SOCKET < script": the
    optional SECONDS must not swallow the socket path."""
    v, _ = machine()
    r = run_shell(v.shell_sock, "query-machine-phase\n", "--wait")
    assert r.returncode == 0, r.stderr
    assert r.stdout == '{"return": {"phase": "accel-created"}}\n'


# -device and device_add

CLI_DEVICES = [
    "sysbus-memory,id=rom,size=0x4000,readonly=on",
    "sysbus-memory,id=ram,size=65536",
    "unimplemented-device,id=plic,name=plic,size=0x4000000",
    "unimplemented-device,id=uart,name=uart,size=4096",
    "split-irq,id=split,num-lines=2",
    "or-irq,id=or,num-lines=2",
    "split-irq,num-lines=3",
    "loader,id=boot,addr=0x10000000,data=0x12345678,data-len=4",
]


def map_and_wire(q):
    for dev, addr in (("rom", 32768), ("ram", 268435456),
                      ("plic", 201326592), ("uart", 1073741824)):
        call(q, "x-sysbus-mmio-map", {"device": dev, "addr": addr})
    for i in (0, 1):
        call(q, "qom-set", {"path": "split",
                            "property": "unnamed-gpio-out[%d]" % i,
                            "value": "or/unnamed-gpio-in[%d]" % i})


def test_cli_and_qmp_build_identical_machines(vm):
    args = []
    for d in CLI_DEVICES:
        args += ["-device", d]
    cli = vm(*BASE, *args)
    call(cli.qmp, "x-machine-init")
    qmp = vm(*BASE)
    call(qmp.qmp, "x-machine-init")
    for d in CLI_DEVICES:
        driver, *rest = d.split(",")
        props = dict(kv.split("=", 1) for kv in rest)
        call(qmp.qmp, "device_add", dict(driver=driver, **props))
    assert snapshot(cli.qmp) == snapshot(qmp.qmp)
    for v in (cli, qmp):
        map_and_wire(v.qmp)
    assert snapshot(cli.qmp) == snapshot(qmp.qmp)
    for v in (cli, qmp):
        call(v.qmp, "x-exit-preconfig")
    a, b = snapshot(cli.qmp), snapshot(qmp.qmp)
    assert a == b
    assert a["map"] == MAP_2021
    assert "device[0]" in a["tree"]["peripheral-anon"][1]
    assert hmp(cli.qmp, "info mtree") == hmp(qmp.qmp, "info mtree") == \
        MTREE_2021


# Error paths: exact message, nothing changed

@pytest.fixture
def built(vm):
    """A machine in phase initialized with some of everything."""
    v = vm(*BASE)
    q = v.qmp
    replay(q, SCRIPT_2021[:-1])
    return q


def test_device_add_errors(built):
    q = built
    for args, desc in [
        ({"id": "x"}, "Parameter 'driver' is missing"),
        ({"driver": "nosuch"}, "'nosuch' is not a valid device model name"),
        ({"driver": "memory-region"},
         "'memory-region' is not a valid device model name"),
        ({"driver": "sys-bus-device"},
         "Parameter 'driver' expects a non-abstract device type"),
        ({"driver": "split-irq", "id": "1x"},
         "Parameter 'id' expects an identifier"),
        ({"driver": "split-irq", "id": "split"},
         "Duplicate device ID 'split'"),
        ({"driver": "split-irq", "bus": "nosuch"}, "Bus 'nosuch' not found"),
        ({"driver": "loader", "bus": "main-system-bus", "addr": 1,
          "cpu-num": 0},
         "Device 'loader' can't go on System bus"),
        ({"driver": "split-irq", "nosuch": 1},
         "Property 'split-irq.nosuch' not found"),
        ({"driver": "sysbus-memory", "id": "m", "size": 0},
         "'size' must be non-zero."),
        ({"driver": "sysbus-memory", "size": 4096},
         "system-memory device must have an id."),
        ({"driver": "unimplemented-device", "name": "u"},
         "property 'size' not specified or zero"),
        ({"driver": "unimplemented-device", "size": 16},
         "property 'name' not specified"),
        ({"driver": "split-irq", "num-lines": 16},
         "IRQ splitter number of lines 16 is not between 1 and 16"),
        ({"driver": "or-irq", "num-lines": 49},
         "IRQ OR gate number of lines 49 is not between 1 and 48"),
        ({"driver": "loader"}, "please include valid arguments"),
        ({"driver": "loader", "addr": 4},
         "cpu_num must be specified when setting a program counter"),
        ({"driver": "loader", "data": 1},
         "Both data and data-len must be specified"),
        ({"driver": "loader", "data": 1, "data-len": 9},
         "data-len cannot be greater then 8 bytes"),
        ({"driver": "loader", "file": "/nonexistent/fw.bin"},
         "Cannot load specified image /nonexistent/fw.bin"),
        ({"driver": "loader", "addr": 4, "cpu-num": 7},
         "Specified boot CPU#7 is nonexistent"),
    ]:
        expect_error(q, "device_add", args, desc)
    # nothing was left behind: the next anonymous device is device[0]
    call(q, "device_add", {"driver": "split-irq"})
    assert [p["name"] for p in call(q, "qom-list", {
        "path": "/machine/peripheral-anon"})
        if p["type"].startswith("child<")] == ["device[0]"]


def test_device_add_value_errors(built):
    q = built
    resp = q.cmd("device_add", {"driver": "split-irq", "num-lines": "x"})
    desc = resp["error"]["desc"]
    assert desc.startswith("Parameter 'num-lines' expects ")
    expect_error(q, "device_add", {"driver": "split-irq", "num-lines": "x"},
                 desc)


def test_device_del_errors(built):
    q = built
    expect_error(q, "device_del", {"id": "nosuch"},
                 "Device 'nosuch' not found", "DeviceNotFound")
    expect_error(q, "device_del", {"id": "rom"},
                 "Bus 'main-system-bus' does not support hotplugging")
    expect_error(q, "device_del", {"id": "boot"},
                 "Device 'loader' does not support hotplugging")
    expect_error(q, "device_del", {"id": PERI + "split"},
                 "Device 'split-irq' does not support hotplugging")


def test_mapping_errors(built):
    q = built
    call(q, "device_add", {"driver": "sysbus-memory", "id": "extra",
                           "size": 0x1000})
    for name in ("x-sysbus-mmio-map", "sysbus-mmio-map"):
        for args, desc, cls in [
            ({"device": "nosuch", "addr": 0}, "Device 'nosuch' not found",
             "DeviceNotFound"),
            ({"device": "split", "addr": 0},
             "Device 'split' is not a sysbus device", "GenericError"),
            ({"device": "extra", "mmio": 1, "addr": 0},
             "Device 'extra' has no MMIO region 1", "GenericError"),
            ({"device": "rom", "addr": 0},
             "MMIO region 0 of device 'rom' is already mapped",
             "GenericError"),
            ({"device": "extra", "addr": 0xfffffffffffff800},
             "Mapping at 0xfffffffffffff800 of size 0x1000 wraps around "
             "the address space", "GenericError"),
            ({"device": "extra", "addr": 0xb800},
             "Region 'extra.region' at [0xb800, 0xc7ff] overlaps region "
             "'rom.region' at [0x8000, 0xbfff] with the same priority 0",
             "GenericError"),
            ({"device": PERI + "extra", "addr": 0x1000ff00,
              "priority": 0},
             "Region 'extra.region' at [0x1000ff00, 0x10010eff] overlaps "
             "region 'ram.region' at [0x10000000, 0x1000ffff] with the "
             "same priority 0", "GenericError"),
        ]:
            expect_error(q, name, args, desc, cls)
    expect_error(q, "x-sysbus-mmio-unmap", {"device": "extra"},
                 "MMIO region 0 of device 'extra' is not mapped")
    expect_error(q, "x-sysbus-mmio-unmap", {"device": "split"},
                 "Device 'split' is not a sysbus device")
    expect_error(q, "x-sysbus-mmio-map-alias",
                 {"device": "extra", "addr": 0x20000000, "offset": 0x800,
                  "size": 0x1000},
                 "Window at offset 0x800 of size 0x1000 is outside MMIO "
                 "region 0 of device 'extra' (size 0x1000)")
    # a different priority may overlap
    call(q, "x-sysbus-mmio-map", {"device": "extra", "addr": 0xb800,
                                  "priority": 1})
    assert call(q, "x-query-memory-map")[:2] == [
        entry(0x8000, 0xb7ff, "rom.region", "rom", "rom"),
        entry(0xb800, 0xc7ff, "extra.region", "extra", "ram", 1)]


def test_wiring_errors(built):
    q = built
    expect_error(q, "qom-set", {"path": "split",
                                "property": "unnamed-gpio-out[0]",
                                "value": PERI + "rom"},
                 "Invalid parameter type for 'unnamed-gpio-out[0]', "
                 "expected: irq")
    expect_error(q, "qom-set", {"path": "split",
                                "property": "unnamed-gpio-out[0]",
                                "value": "/machine/nosuch"},
                 "Device '/machine/nosuch' not found", "DeviceNotFound")
    expect_error(q, "qom-set", {"path": "split",
                                "property": "unnamed-gpio-out[2]",
                                "value": "or/unnamed-gpio-in[0]"},
                 "Property 'split-irq.unnamed-gpio-out[2]' not found")
    expect_error(q, "qom-set", {"path": "or",
                                "property": "unnamed-gpio-in[0]",
                                "value": "split/unnamed-gpio-in[0]"},
                 "Property 'or-irq.unnamed-gpio-in[0]' is not writable")
    expect_error(q, "qom-set", {"path": "split", "property": "num-lines",
                                "value": 3},
                 "Attempt to set property 'num-lines' on device 'split' "
                 "(type 'split-irq') after it was realized")


# Creation, mapping and wiring per phase

def test_phase_rules(vm):
    v = vm(*BASE, "-m", "size=64K")
    q = v.qmp
    # accel-created: nothing to map or wire yet
    expect_error(q, "x-sysbus-mmio-map", {"device": "rom", "addr": 0},
                 "The command 'x-sysbus-mmio-map' is not permitted in "
                 "machine phase 'accel-created'")
    expect_error(q, "x-query-wiring", {},
                 "The command 'x-query-wiring' is not permitted in machine "
                 "phase 'accel-created'")
    call(q, "qom-set", {"path": "/machine", "property": "ram-addr",
                        "value": 4096})
    # initialized: every user-creatable device, realized at once
    call(q, "x-machine-init")
    expect_error(q, "qom-set", {"path": "/machine", "property": "ram-addr",
                                "value": 0},
                 "Property 'ram-addr' can only be set before the machine "
                 "is initialized")
    call(q, "device_add", {"driver": "sysbus-memory", "id": "rom",
                           "size": 0x1000, "readonly": True})
    assert qom_get(q, PERI + "rom", "realized") is True
    assert qom_get(q, PERI + "rom/rom.region[0]", "size") == 0x1000
    call(q, "device_add", {"driver": "split-irq", "id": "s"})
    assert qom_get(q, PERI + "s", "unnamed-gpio-out[0]") == ""
    call(q, "device_add", {"driver": "or-irq", "id": "o"})
    call(q, "device_add", {"driver": "loader", "id": "ld", "addr": 0x2000,
                           "data": 1, "data-len": 1})
    call(q, "x-sysbus-mmio-map", {"device": "rom", "addr": 0})
    call(q, "x-exit-preconfig")
    # ready: no sysbus or cold-plug-only devices, no mapping, no wiring
    expect_error(q, "device_add", {"driver": "sysbus-memory", "id": "r2",
                                   "size": 4096},
                 "Bus 'main-system-bus' does not support hotplugging")
    expect_error(q, "device_add", {"driver": "unimplemented-device",
                                   "name": "u", "size": 16},
                 "Bus 'main-system-bus' does not support hotplugging")
    for driver in ("split-irq", "or-irq"):
        expect_error(q, "device_add", {"driver": driver},
                     "Device '%s' can not be hotplugged on this machine"
                     % driver)
    expect_error(q, "device_add", {"driver": "loader", "addr": 0,
                                   "data": 1, "data-len": 1},
                 "Device 'loader' can not be hotplugged on this machine")
    for name, args in [
        ("x-sysbus-mmio-map", {"device": "rom", "addr": 0x10000}),
        ("sysbus-mmio-map", {"device": "rom", "addr": 0x10000}),
        ("x-sysbus-mmio-unmap", {"device": "rom"}),
        ("x-sysbus-mmio-map-alias", {"device": "rom", "addr": 0x10000}),
    ]:
        expect_error(q, name, args,
                     "The command '%s' is not permitted in machine phase "
                     "'ready'" % name)
    expect_error(q, "qom-set", {"path": "s",
                                "property": "unnamed-gpio-out[0]",
                                "value": "o/unnamed-gpio-in[0]"},
                 "Cannot change IRQ wiring of 's' (property "
                 "'unnamed-gpio-out[0]') once the machine is ready")
    expect_error(q, "x-machine-init", {},
                 "The command is permitted only before machine "
                 "initialization")


# Wiring

def test_fan_out_through_split_irq(machine):
    """One line reaches two inputs only through a splitter; an or-irq
    merges them back; a disconnected output drives nothing."""
    v, qt = machine()
    q = v.qmp
    call(q, "x-machine-init")
    call(q, "device_add", {"driver": "split-irq", "id": "split",
                           "num-lines": 2})
    call(q, "device_add", {"driver": "or-irq", "id": "or", "num-lines": 2})
    call(q, "device_add", {"driver": "split-irq", "id": "sink"})
    for i in (0, 1):
        call(q, "qom-set", {"path": "split",
                            "property": "unnamed-gpio-out[%d]" % i,
                            "value": "or/unnamed-gpio-in[%d]" % i})
    call(q, "qom-set", {"path": "or", "property": "unnamed-gpio-out[0]",
                        "value": "sink/unnamed-gpio-in[0]"})
    call(q, "x-exit-preconfig")
    assert qt.cmd("irq_intercept_in " + PERI + "sink") == "OK"
    assert qt.cmd("set_irq_in %ssplit unnamed-gpio-in 0 1" % PERI) == "OK"
    assert qt.irqs == ["IRQ raise 0"]
    assert qt.cmd("set_irq_in %ssplit unnamed-gpio-in 0 0" % PERI) == "OK"
    assert qt.irqs == ["IRQ raise 0", "IRQ lower 0"]


def test_one_output_drives_one_input(built):
    q = built
    out = {"path": "split", "property": "unnamed-gpio-out[0]"}
    # retargeting an output replaces its one connection
    call(q, "device_add", {"driver": "or-irq", "id": "or2"})
    call(q, "qom-set", dict(out, value="or2/unnamed-gpio-in[0]"))
    assert qom_get(q, PERI + "split", "unnamed-gpio-out[0]") == \
        PERI + "or2/unnamed-gpio-in[0]"
    wiring = call(q, "x-query-wiring")
    assert wire("or", "unnamed-gpio-in[0]") in wiring
    assert wire("split", "unnamed-gpio-out[0]",
                "or2/unnamed-gpio-in[0]") in wiring
    assert not [w for w in wiring if w["device"] == PERI + "or2"
                and w["direction"] == "in"]
    # an output holds one path, not a list
    resp = q.cmd("qom-set", dict(out, value=[PERI + "or/unnamed-gpio-in[0]",
                                             PERI + "or2/unnamed-gpio-in[0]"]))
    assert "error" in resp
    assert qom_get(q, PERI + "split", "unnamed-gpio-out[0]") == \
        PERI + "or2/unnamed-gpio-in[0]"
    # "" disconnects
    call(q, "qom-set", dict(out, value=""))
    assert qom_get(q, PERI + "split", "unnamed-gpio-out[0]") == ""
    wiring = call(q, "x-query-wiring")
    assert wire("split", "unnamed-gpio-out[0]") in wiring
    assert wire("or2", "unnamed-gpio-in[0]") in wiring


def test_refused_device_del_keeps_wiring(vm):
    """device_del refuses (nothing is hot-pluggable yet) and the wiring
    stays as it was."""
    v = vm(*BASE)
    q = v.qmp
    replay(q, SCRIPT_2021[:-1])
    before = call(q, "x-query-wiring")
    resp = q.cmd("device_del", {"id": "or"})
    assert resp["error"]["desc"] == \
        "Device 'or-irq' does not support hotplugging"
    assert call(q, "x-query-wiring") == before == WIRING_2021


def test_scripts_in_data_are_well_formed():
    for name in ("machine-2021.qmp", "machine-2022.qmp"):
        with open(os.path.join(DATA, name)) as f:
            text = f.read()
        assert text.startswith("# SPDX-License-Identifier: "
                               "GPL-2.0-or-later\n")
        cmds = commands_in(text)
        assert cmds[-1] == "x-exit-preconfig"
        assert all(not ln.startswith("{") for ln in cmds)
    assert json.dumps(SCRIPT_2021)
