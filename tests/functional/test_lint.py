# SPDX-License-Identifier: GPL-2.0-or-later
"""x-machine-lint: each kind of warning (shadowed regions, floating IRQ
outputs, CPUs starting where there is no memory, loaders writing outside
memory), the empty list of a clean machine, its phases, and the warnings
x-exit-preconfig prints."""

import struct

import pytest

from qmp import QMPError

BASE = ("-M", "none", "-display", "none")
PROG = "qemu-system-riscv32"


def call(q, name, args=None):
    resp = q.cmd(name, args or {})
    if "error" in resp:
        raise QMPError(resp["error"]["class"], resp["error"]["desc"], resp)
    return resp["return"]


def add(q, driver, **props):
    props = {k.replace("_", "-"): v for k, v in props.items()}
    call(q, "device_add", dict(driver=driver, **props))


def mmio_map(q, dev, addr, **extra):
    call(q, "x-sysbus-mmio-map", dict(device=dev, addr=addr, **extra))


def lint(q):
    return call(q, "x-machine-lint")


def warning(kind, message, path=None):
    w = {"kind": kind, "message": message}
    if path is not None:
        w["path"] = path
    return w


@pytest.fixture
def init(vm):
    """(vm, qmp) of a -M none machine in phase initialized."""
    v = vm(*BASE, "-preconfig")
    call(v.qmp, "x-machine-init")
    return v, v.qmp


def elf32(paddr, data, entry):
    """A little-endian ELF32 RISC-V executable with one PT_LOAD."""
    hdr = b"\x7fELF" + bytes([1, 1, 1]) + bytes(9)
    hdr += struct.pack("<HHIIIIIHHHHHH", 2, 243, 1, entry, 52, 0, 0,
                       52, 32, 1, 40, 0, 0)
    phdr = struct.pack("<IIIIIIII", 1, 84, paddr, paddr, len(data),
                       len(data), 5, 4)
    return hdr + phdr + data


def test_phases(vm):
    v = vm(*BASE, "-preconfig")
    q = v.qmp
    resp = q.cmd("x-machine-lint")
    assert resp["error"] == {
        "class": "GenericError",
        "desc": "The command 'x-machine-lint' is not permitted in machine "
                "phase 'accel-created'"}
    call(q, "x-machine-init")
    assert lint(q) == []
    call(q, "x-exit-preconfig")
    assert lint(q) == []


def test_listed_in_query_commands(vm):
    q = vm(*BASE, "-preconfig").qmp
    cmds = {c["name"] for c in call(q, "query-commands")}
    assert "x-machine-lint" in cmds


def test_clean_machine(init, tmp_path):
    """Memory, a stub, a fully wired splitter and an image that fits."""
    v, q = init
    fw = tmp_path / "fw.bin"
    fw.write_bytes(bytes(range(64)))
    add(q, "sysbus-memory", id="rom", size="0x4000", readonly=True)
    mmio_map(q, "rom", 0x8000)
    add(q, "sysbus-memory", id="ram", size="0x10000")
    mmio_map(q, "ram", 0x10000000)
    add(q, "unimplemented-device", id="uart", name="uart", size=0x1000)
    mmio_map(q, "uart", 0x40000000)
    add(q, "split-irq", id="split", num_lines=2)
    add(q, "or-irq", id="or", num_lines=2)
    add(q, "split-irq", id="tail")
    for i in (0, 1):
        call(q, "qom-set", {"path": "split",
                            "property": "unnamed-gpio-out[%d]" % i,
                            "value": "or/unnamed-gpio-in[%d]" % i})
    call(q, "qom-set", {"path": "or", "property": "unnamed-gpio-out[0]",
                        "value": "tail/unnamed-gpio-in[0]"})
    call(q, "qom-set", {"path": "tail", "property": "unnamed-gpio-out[0]",
                        "value": "split/unnamed-gpio-in[0]"})
    add(q, "loader", id="fw", file=str(fw), addr=0x8000)
    add(q, "loader", id="poke", addr=0x10000010, data=1, data_len=4)
    assert lint(q) == []
    call(q, "x-exit-preconfig")
    call(q, "quit")
    status, _, err = v.wait()
    assert status == 0
    assert "warning" not in err


def test_shadowed_regions(init):
    v, q = init
    add(q, "sysbus-memory", id="a", size=0x1000)
    add(q, "sysbus-memory", id="b", size=0x1000)
    add(q, "unimplemented-device", id="c", name="stub", size=0x100)
    mmio_map(q, "a", 0x1000)
    mmio_map(q, "b", 0x1800, priority=1)
    mmio_map(q, "c", 0x1100, priority=-1)
    before = lint(q)
    assert before == [
        warning("shadowed-region",
                "Region 'a.region' at [0x1000, 0x1fff] (priority 0) is "
                "partly hidden by region 'b.region' (priority 1) at "
                "[0x1800, 0x1fff]", "/machine/peripheral/a/a.region[0]"),
        warning("shadowed-region",
                "Region 'stub' at [0x1100, 0x11ff] (priority -1) is "
                "wholly hidden by region 'a.region' (priority 0) at "
                "[0x1100, 0x11ff]", "/machine/peripheral/c/stub[0]"),
    ]
    # each hidden part is blamed on the region that is actually seen there
    call(q, "x-sysbus-mmio-map-alias", {"device": "a", "addr": 0x1f00,
                                        "size": 0x200, "priority": 2})
    assert lint(q) == [
        warning("shadowed-region",
                "Region 'b.region' at [0x1800, 0x27ff] (priority 1) is "
                "partly hidden by region 'a.region.alias' (priority 2) at "
                "[0x1f00, 0x20ff]", "/machine/peripheral/b/b.region[0]"),
        warning("shadowed-region",
                "Region 'a.region' at [0x1000, 0x1fff] (priority 0) is "
                "partly hidden by region 'a.region.alias' (priority 2) at "
                "[0x1f00, 0x1fff]", "/machine/peripheral/a/a.region[0]"),
        warning("shadowed-region",
                "Region 'a.region' at [0x1000, 0x1fff] (priority 0) is "
                "partly hidden by region 'b.region' (priority 1) at "
                "[0x1800, 0x1eff]", "/machine/peripheral/a/a.region[0]"),
        before[1],
    ]
    # the lint changes nothing, and unmapping clears the warnings
    call(q, "x-sysbus-mmio-unmap", {"device": "a"})
    call(q, "x-sysbus-mmio-unmap", {"device": "b"})
    assert lint(q) == []


def test_shadowing_the_m_ram(vm):
    q = vm(*BASE, "-preconfig", "-m", "size=64K").qmp
    call(q, "x-machine-init")
    add(q, "sysbus-memory", id="rom", size=0x1000, readonly=True)
    mmio_map(q, "rom", 0xf000, priority=1)
    assert lint(q) == [
        warning("shadowed-region",
                "Region 'ram' at [0x0, 0xffff] (priority 0) is partly "
                "hidden by region 'rom.region' (priority 1) at "
                "[0xf000, 0xffff]", "/machine/ram[0]")]


def test_floating_irq(init):
    v, q = init
    add(q, "split-irq", id="split", num_lines=3)
    add(q, "or-irq", num_lines=1)
    call(q, "qom-set", {"path": "split", "property": "unnamed-gpio-out[1]",
                        "value": "/machine/peripheral-anon/device[0]/"
                                 "unnamed-gpio-in[0]"})
    msg = "IRQ output 'unnamed-gpio-out[%d]' of device '%s' is not connected"
    anon = "/machine/peripheral-anon/device[0]"
    assert lint(q) == [
        warning("floating-irq", msg % (0, "split"),
                "/machine/peripheral/split"),
        warning("floating-irq", msg % (2, "split"),
                "/machine/peripheral/split"),
        warning("floating-irq", msg % (0, anon), anon),
    ]
    # an empty string disconnects: the line is floating again
    call(q, "qom-set", {"path": "split", "property": "unnamed-gpio-out[1]",
                        "value": ""})
    assert warning("floating-irq", msg % (1, "split"),
                   "/machine/peripheral/split") in lint(q)


def test_loader_image_outside_memory(init, tmp_path):
    v, q = init
    raw = tmp_path / "fw.bin"
    raw.write_bytes(bytes(64))
    elf = tmp_path / "fw.elf"
    elf.write_bytes(elf32(0x30000000, bytes(16), 0x30000000))
    add(q, "sysbus-memory", id="flash", size=0x30, readonly=True)
    mmio_map(q, "flash", 0x20000000)
    add(q, "loader", id="raw", file=str(raw), addr=0x20000010)
    add(q, "loader", id="elf", file=str(elf))
    assert lint(q) == [
        warning("loader-outside-memory",
                "Image '%s' of loader 'raw' at [0x20000010, 0x2000004f]: "
                "32 of its 64 bytes, from 0x20000030, have no RAM or ROM "
                "behind them" % raw, "/machine/peripheral/raw"),
        warning("loader-outside-memory",
                "Image '%s ELF program header segment 0' of loader 'elf' "
                "at [0x30000000, 0x3000000f] has no RAM or ROM behind it"
                % elf, "/machine/peripheral/elf"),
    ]
    # memory added later (before the machine is ready) fixes it
    add(q, "sysbus-memory", id="more", size=0x10000000)
    mmio_map(q, "more", 0x20000030)
    assert lint(q) == []


def test_loader_image_into_io(init, tmp_path):
    v, q = init
    raw = tmp_path / "fw.bin"
    raw.write_bytes(bytes(8))
    add(q, "unimplemented-device", id="u", name="u", size=0x100)
    mmio_map(q, "u", 0x1000)
    add(q, "loader", file=str(raw), addr=0x1000)
    path = "/machine/peripheral-anon/device[0]"
    assert lint(q) == [
        warning("loader-outside-memory",
                "Image '%s' of loader '%s' at [0x1000, 0x1007] has no RAM "
                "or ROM behind it" % (raw, path), path)]


def test_loader_data_outside_memory(init):
    v, q = init
    add(q, "sysbus-memory", id="rom", size=0x100, readonly=True)
    mmio_map(q, "rom", 0x1000)
    add(q, "unimplemented-device", id="u", name="u", size=0x100)
    mmio_map(q, "u", 0x2000)
    add(q, "loader", id="hole", addr=0x5000, data=1, data_len=4)
    add(q, "loader", id="rom-poke", addr=0x1000, data=1, data_len=2)
    add(q, "loader", id="edge", addr=0x20fe, data=1, data_len=4)
    add(q, "loader", id="io-poke", addr=0x2000, data=1, data_len=8)
    assert lint(q) == [
        warning("loader-outside-memory",
                "Data of loader 'hole' at [0x5000, 0x5003] has no writable "
                "memory behind it", "/machine/peripheral/hole"),
        warning("loader-outside-memory",
                "Data of loader 'rom-poke' at [0x1000, 0x1001] has no "
                "writable memory behind it", "/machine/peripheral/rom-poke"),
        warning("loader-outside-memory",
                "Data of loader 'edge' at [0x20fe, 0x2101]: 2 of its 4 "
                "bytes, from 0x2100, have no writable memory behind them",
                "/machine/peripheral/edge"),
    ]


def cpu_machine(vm, resetvec=None):
    """A machine with one rv32 hart (riscv.hart_array), or skip while
    the CPU helpers have not landed."""
    v = vm(*BASE, "-preconfig")
    q = v.qmp
    types = [t["name"] for t in call(q, "qom-list-types",
                                     {"implements": "device"})]
    if "riscv.hart_array" not in types or "rv32-riscv-cpu" not in types:
        pytest.skip("no riscv.hart_array or rv32 CPU in this build")
    props = {"driver": "riscv.hart_array", "id": "cpus",
             "cpu-type": "rv32-riscv-cpu"}
    if resetvec is not None:
        props["resetvec"] = resetvec
    call(q, "device_add", props)
    return v, q


CPU0 = "/machine/peripheral/cpus/harts[0]"


def test_cpu_reset_vector_unbacked(vm):
    """The hart array's resetvec defaults to 0x1000, as QEMU's."""
    v, q = cpu_machine(vm)
    assert lint(q) == [
        warning("cpu-reset-vector-unbacked",
                "CPU 0 would start at 0x1000 (its reset vector), where "
                "there is no RAM or ROM", CPU0)]
    add(q, "sysbus-memory", id="rom", size=0x1000, readonly=True)
    mmio_map(q, "rom", 0x1000)
    assert lint(q) == []
    # a loader's PC wins over the reset vector
    add(q, "loader", id="go", addr=0x80000000, cpu_num=0)
    assert lint(q) == [
        warning("cpu-reset-vector-unbacked",
                "CPU 0 would start at 0x80000000 (the PC set by loader "
                "'go'), where there is no RAM or ROM", CPU0)]
    # the last loader to set it wins, as in the reset_exit pass
    add(q, "loader", id="back", addr=0x1800, cpu_num=0)
    assert lint(q) == []


def test_cpu_reset_vector_in_io(vm):
    v, q = cpu_machine(vm, resetvec="0x2000")
    add(q, "unimplemented-device", id="u", name="u", size=0x1000)
    mmio_map(q, "u", 0x2000)
    assert lint(q) == [
        warning("cpu-reset-vector-unbacked",
                "CPU 0 would start at 0x2000 (its reset vector), where "
                "there is no RAM or ROM", CPU0)]


def test_cpu_entry_from_elf(vm, tmp_path):
    """An ELF loader with cpu-num sets the PC to its entry point."""
    v, q = cpu_machine(vm, resetvec="0x8000")
    elf = tmp_path / "fw.elf"
    elf.write_bytes(elf32(0x8000, bytes(16), 0x9000))
    add(q, "sysbus-memory", id="rom", size=0x1000, readonly=True)
    mmio_map(q, "rom", 0x8000)
    add(q, "loader", id="fw", file=str(elf), cpu_num=0)
    assert lint(q) == [
        warning("cpu-reset-vector-unbacked",
                "CPU 0 would start at 0x9000 (the PC set by loader 'fw'), "
                "where there is no RAM or ROM", CPU0)]


def test_exit_preconfig_prints_warnings(init):
    v, q = init
    add(q, "split-irq", id="split")
    add(q, "sysbus-memory", id="a", size=0x100)
    add(q, "sysbus-memory", id="b", size=0x100)
    mmio_map(q, "a", 0)
    mmio_map(q, "b", 0, priority=1)
    warnings = lint(q)
    assert [w["kind"] for w in warnings] == ["shadowed-region",
                                             "floating-irq"]
    call(q, "x-exit-preconfig")
    # still reported once the machine is ready
    assert lint(q) == warnings
    call(q, "quit")
    status, _, err = v.wait()
    assert status == 0
    assert err == "".join("%s: warning: %s\n" % (PROG, w["message"])
                          for w in warnings)
    assert err == (
        "qemu-system-riscv32: warning: Region 'a.region' at [0x0, 0xff] "
        "(priority 0) is wholly hidden by region 'b.region' (priority 1) "
        "at [0x0, 0xff]\n"
        "qemu-system-riscv32: warning: IRQ output 'unnamed-gpio-out[0]' "
        "of device 'split' is not connected\n")


def test_exit_preconfig_from_accel_created(vm):
    """x-exit-preconfig straight from accel-created, -device devices."""
    v = vm(*BASE, "-preconfig", "-device", "split-irq,id=s")
    call(v.qmp, "x-exit-preconfig")
    call(v.qmp, "quit")
    status, _, err = v.wait()
    assert status == 0
    assert err == ("qemu-system-riscv32: warning: IRQ output "
                   "'unnamed-gpio-out[0]' of device 's' is not connected\n")
