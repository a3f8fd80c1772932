# SPDX-License-Identifier: GPL-2.0-or-later
"""The devices that make QMP-built machines possible: sysbus-memory,
unimplemented-device, split-irq, or-irq, the generic loader and the none
machine's -m RAM at ram-addr.  Each is built over QMP on -M none
-preconfig; memory is read back through the qtest protocol."""

import os
import shutil
import struct
import subprocess

import pytest

from qmp import QMPError
from qtest_client import QTest

BASE = ("-M", "none", "-display", "none")


def command(q, name, args):
    """q.command() for arguments that may include "name"."""
    resp = q.cmd(name, args)
    if "error" in resp:
        raise QMPError(resp["error"]["class"], resp["error"]["desc"], resp)
    return resp["return"]


def expect_error(q, cmd, desc, /, **args):
    with pytest.raises(QMPError) as e:
        command(q, cmd, args)
    assert (e.value.cls, e.value.desc) == ("GenericError", desc)


@pytest.fixture
def machine(vm, tmp_path):
    """machine(*args) -> (vm, qtest) on -M none -preconfig."""
    tests = []

    def _machine(*args):
        qt = QTest(os.path.join(str(tmp_path), "qt.sock"))
        tests.append(qt)
        return vm(*BASE, "-preconfig", *qt.args(), *args), qt
    yield _machine
    for qt in tests:
        qt.close()


def add(q, driver, /, **props):
    command(q, "device_add", dict(driver=driver, **props))


def peripherals(q):
    return [p["name"] for p in q.command("qom-list", path="/machine/peripheral")
            if p["type"].startswith("child<")]


def mem_map(q):
    return [(e["start"], e["end"], e["region"], e["kind"])
            for e in q.command("x-query-memory-map")]


# ELF images, built in the test (little-endian ELF32 RISC-V executables)

def elf32(segments, entry, machine=243):
    """segments: (paddr, bytes, memsz) tuples, one PT_LOAD each."""
    phoff = 52
    data_off = phoff + 32 * len(segments)
    hdr = b"\x7fELF" + bytes([1, 1, 1]) + bytes(9)
    hdr += struct.pack("<HHIIIIIHHHHHH", 2, machine, 1, entry, phoff, 0, 0,
                       52, 32, len(segments), 40, 0, 0)
    phdrs = b""
    body = b""
    for paddr, data, memsz in segments:
        phdrs += struct.pack("<IIIIIIII", 1, data_off + len(body), paddr,
                             paddr, len(data), memsz, 5, 4)
        body += data
    return hdr + phdrs + body


def write(tmp_path, name, data):
    path = tmp_path / name
    path.write_bytes(data)
    return str(path)


# device-list-properties

def props(q, typename):
    return {p["name"]: (p["type"], p.get("default-value"))
            for p in q.command("device-list-properties", typename=typename)}


def test_list_properties(vm):
    q = vm(*BASE, "-preconfig").qmp
    assert props(q, "sysbus-memory") == {
        "size": ("uint64", 0), "readonly": ("bool", False)}
    assert props(q, "unimplemented-device") == {
        "size": ("uint64", 0), "name": ("str", None)}
    assert props(q, "split-irq") == {"num-lines": ("uint16", 1)}
    assert props(q, "or-irq") == {"num-lines": ("uint16", 1)}
    assert props(q, "loader") == {
        "addr": ("uint64", 0), "data": ("uint64", 0),
        "data-len": ("uint8", 0), "data-be": ("bool", False),
        "cpu-num": ("uint32", 4294967295), "force-raw": ("bool", False),
        "file": ("str", None)}


# sysbus-memory

def test_sysbus_memory_errors(vm):
    q = vm(*BASE, "-preconfig").qmp
    q.command("x-machine-init")
    expect_error(q, "device_add", "'size' must be non-zero.",
                 driver="sysbus-memory", id="m")
    expect_error(q, "device_add", "system-memory device must have an id.",
                 driver="sysbus-memory", size=16)
    assert peripherals(q) == []
    assert mem_map(q) == []


def test_sysbus_memory_ram_and_rom(machine):
    v, qt = machine()
    q = v.qmp
    q.command("x-machine-init")
    add(q, "sysbus-memory", id="ram", size="0x1000")
    add(q, "sysbus-memory", id="rom", size="0x1000", readonly="true")
    q.command("x-sysbus-mmio-map", device="ram", addr=0x10000000)
    q.command("x-sysbus-mmio-map", device="rom", addr=0x8000)
    names = [p["name"] for p in
             q.command("qom-list", path="/machine/peripheral/ram")]
    assert "ram.region[0]" in names
    assert q.command("qom-get", path="/machine/peripheral/rom",
                     property="readonly") is True
    assert q.command("qom-get", path="/machine/peripheral/rom/rom.region[0]",
                     property="size") == 0x1000
    assert mem_map(q) == [
        (0x8000, 0x8fff, "rom.region", "rom"),
        (0x10000000, 0x10000fff, "ram.region", "ram")]
    q.command("x-exit-preconfig")
    # zero-filled; RAM keeps writes, ROM drops them silently
    assert qt.read(0x10000000, 4) == bytes(4)
    qt.writeb(0x10000010, 0x5a)
    assert qt.readb(0x10000010) == 0x5a
    qt.writeb(0x8010, 0x5a)
    assert qt.readb(0x8010) == 0
    # properties are frozen once realized
    with pytest.raises(QMPError):
        q.command("qom-set", path="/machine/peripheral/ram", property="size",
                  value=32)


# unimplemented-device

def test_unimp_errors(vm):
    q = vm(*BASE, "-preconfig").qmp
    q.command("x-machine-init")
    expect_error(q, "device_add", "property 'size' not specified or zero",
                 driver="unimplemented-device", id="u", name="x")
    expect_error(q, "device_add", "property 'name' not specified",
                 driver="unimplemented-device", id="u", size=16)
    assert peripherals(q) == []


def test_unimp_reads_zero_and_logs(machine, tmp_path):
    log = str(tmp_path / "unimp.log")
    v, qt = machine("-d", "unimp", "-D", log)
    q = v.qmp
    q.command("x-machine-init")
    add(q, "unimplemented-device", id="u", name="pwm0", size="0x1000")
    q.command("x-sysbus-mmio-map", device="u", addr=0x10015000)
    assert mem_map(q) == [(0x10015000, 0x10015fff, "pwm0", "i/o")]
    names = [p["name"] for p in
             q.command("qom-list", path="/machine/peripheral/u")]
    assert "pwm0[0]" in names
    q.command("x-exit-preconfig")
    assert qt.cmd("writel 0x10015008 0xdeadbeef") == "OK"
    assert qt.cmd("readl 0x10015008") == "OK 0x0000000000000000"
    assert qt.readb(0x10015fff) == 0
    with open(log) as f:
        assert f.read().splitlines() == [
            "pwm0: unimplemented device write (size 4, offset 0x008, "
            "value 0xdeadbeef)",
            "pwm0: unimplemented device read  (size 4, offset 0x008)",
            "pwm0: unimplemented device read  (size 1, offset 0xfff)",
        ]


# split-irq and or-irq

def test_irq_devices_errors(vm):
    q = vm(*BASE, "-preconfig").qmp
    q.command("x-machine-init")
    for n in (0, 16):
        expect_error(q, "device_add", "IRQ splitter number of lines %d is "
                     "not between 1 and 16" % n, driver="split-irq",
                     id="s", **{"num-lines": n})
    for n in (0, 49):
        expect_error(q, "device_add", "IRQ OR gate number of lines %d is "
                     "not between 1 and 48" % n, driver="or-irq", id="o",
                     **{"num-lines": n})
    assert peripherals(q) == []
    add(q, "split-irq", id="s15", **{"num-lines": 15})
    add(q, "or-irq", id="o48", **{"num-lines": 48})


def test_split_into_or(machine):
    v, qt = machine()
    q = v.qmp
    q.command("x-machine-init")
    add(q, "split-irq", id="split", **{"num-lines": 2})
    add(q, "or-irq", id="gate", **{"num-lines": 2})
    names = {p["name"]: p["type"] for p in
             q.command("qom-list", path="/machine/peripheral/split")}
    assert names["unnamed-gpio-in[0]"] == "child<irq>"
    assert names["unnamed-gpio-out[1]"] == "link<irq>"
    assert "unnamed-gpio-out[2]" not in names
    names = {p["name"]: p["type"] for p in
             q.command("qom-list", path="/machine/peripheral/gate")}
    assert names["unnamed-gpio-in[1]"] == "child<irq>"
    assert names["unnamed-gpio-out[0]"] == "link<irq>"
    for i in range(2):
        q.command("qom-set", path="split", property="unnamed-gpio-out[%d]" % i,
                  value="gate/unnamed-gpio-in[%d]" % i)
    assert q.command("qom-get", path="split",
                     property="unnamed-gpio-out[1]") == \
        "/machine/peripheral/gate/unnamed-gpio-in[1]"
    q.command("x-exit-preconfig")
    assert qt.cmd("irq_intercept_out /machine/peripheral/gate") == "OK"
    path = "/machine/peripheral/split"
    assert qt.cmd("set_irq_in %s unnamed-gpio-in 0 1" % path) == "OK"
    assert qt.irqs == ["IRQ raise 0"]
    assert qt.cmd("set_irq_in %s unnamed-gpio-in 0 0" % path) == "OK"
    assert qt.irqs == ["IRQ raise 0", "IRQ lower 0"]


# the generic loader

LOADER_ERRORS = [
    ({"data": 1}, "Both data and data-len must be specified"),
    ({"data": 1, "data-len": 9},
     "data-len cannot be greater then 8 bytes"),
    ({"data": 1, "data-len": 2, "file": "x"},
     "Specifying a file is not supported when loading memory values"),
    ({"data-len": 2, "force-raw": True},
     "Specifying force-raw is not supported when loading memory values"),
    ({"addr": 5},
     "cpu_num must be specified when setting a program counter"),
    ({"cpu-num": 0}, "please include valid arguments"),
    ({}, "please include valid arguments"),
    ({"addr": 4, "cpu-num": 1}, "Specified boot CPU#1 is nonexistent"),
    ({"file": "/nonexistent/fw.bin"},
     "Cannot load specified image /nonexistent/fw.bin"),
]


@pytest.mark.parametrize("args,desc", LOADER_ERRORS)
def test_loader_errors(vm, args, desc):
    q = vm(*BASE, "-preconfig").qmp
    q.command("x-machine-init")
    expect_error(q, "device_add", desc, driver="loader", id="l", **args)
    assert peripherals(q) == []


def test_loader_errors_on_command_line(run):
    r = run(*BASE, "-device", "loader,data=1,data-len=9")
    assert r.returncode == 1
    assert r.stderr == ("qemu-system-riscv32: -device loader,data=1,"
                        "data-len=9: data-len cannot be greater then 8 "
                        "bytes\n")


def test_loader_data_mode(machine):
    v, qt = machine()
    q = v.qmp
    q.command("x-machine-init")
    # the loaders come before the memory they write
    add(q, "loader", addr="0x1000", data="0x1122334455667788",
        **{"data-len": 8})
    add(q, "loader", addr="0x1010", data="0x1122334455667788",
        **{"data-len": 8, "data-be": True})
    # QEMU's quirk: big-endian with data-len < 8 stores the top bytes
    add(q, "loader", addr="0x1020", data="0x1234",
        **{"data-len": 2, "data-be": True})
    add(q, "loader", addr="0x1030", data="0x1234", **{"data-len": 2})
    add(q, "loader", addr="0x8000", data="0xff", **{"data-len": 1})
    add(q, "sysbus-memory", id="ram", size="0x1000")
    add(q, "sysbus-memory", id="rom", size="0x1000", readonly=True)
    q.command("x-sysbus-mmio-map", device="ram", addr=0x1000)
    q.command("x-sysbus-mmio-map", device="rom", addr=0x8000)
    q.command("x-exit-preconfig")
    assert qt.read(0x1000, 8) == bytes.fromhex("8877665544332211")
    assert qt.read(0x1010, 8) == bytes.fromhex("1122334455667788")
    assert qt.read(0x1020, 3) == bytes(3)
    assert qt.read(0x1030, 3) == bytes.fromhex("341200")
    # an ordinary write: ROM drops it
    assert qt.readb(0x8000) == 0
    # a reset writes again
    qt.writeb(0x1030, 0)
    q.command("system_reset")
    assert qt.read(0x1030, 2) == bytes.fromhex("3412")


def test_loader_elf_into_memory_created_later(machine, tmp_path):
    text = bytes(range(1, 17))
    elf = write(tmp_path, "fw.elf", elf32(
        [(0x8000, text, 16), (0x10000000, b"\xaa" * 8, 0x20)], 0x8004))
    v, qt = machine()
    q = v.qmp
    q.command("x-machine-init")
    add(q, "loader", id="fw", file=elf)
    add(q, "sysbus-memory", id="rom", size="0x4000", readonly=True)
    add(q, "sysbus-memory", id="ram", size="0x1000")
    q.command("x-sysbus-mmio-map", device="rom", addr=0x8000)
    q.command("x-sysbus-mmio-map", device="ram", addr=0x10000000)
    # the entry point replaces addr
    assert q.command("qom-get", path="fw", property="addr") == 0x8004
    q.command("x-exit-preconfig")
    assert qt.read(0x8000, 16) == text      # ROM is loaded
    assert qt.read(0x10000000, 8) == b"\xaa" * 8
    # bss is zeroed at every reset
    qt.writeb(0x10000010, 0x77)
    qt.writeb(0x10000000, 0x77)
    q.command("system_reset")
    assert qt.readb(0x10000010) == 0
    assert qt.readb(0x10000000) == 0xaa


def test_loader_raw_bounded_by_region(machine, tmp_path):
    img = write(tmp_path, "fw.bin", bytes(range(32)))
    v, qt = machine()
    q = v.qmp
    q.command("x-machine-init")
    add(q, "loader", file=img, addr="0x20000010")
    add(q, "sysbus-memory", id="flash", size="0x40", readonly=True)
    q.command("x-sysbus-mmio-map", device="flash", addr=0x20000000)
    q.command("x-exit-preconfig")
    assert qt.read(0x20000010, 32) == bytes(range(32))


def test_loader_raw_too_big_for_region(vm, tmp_path):
    img = write(tmp_path, "fw.bin", bytes(64))
    v = vm(*BASE, "-preconfig")
    q = v.qmp
    q.command("x-machine-init")
    add(q, "loader", file=img, addr="0x20000010", **{"force-raw": True})
    add(q, "sysbus-memory", id="flash", size="0x40", readonly=True)
    q.command("x-sysbus-mmio-map", device="flash", addr=0x20000000)
    q.send({"execute": "x-exit-preconfig"})
    status, _, err = v.wait()
    assert status == 1
    assert err == ("qemu-system-riscv32: Cannot load specified image %s: "
                   "its 64 bytes at 0x20000010 do not fit in memory region "
                   "'flash.region' (48 bytes left)\n" % img)


def test_loader_raw_without_memory(run, tmp_path):
    img = write(tmp_path, "fw.bin", bytes(4))
    r = run(*BASE, "-device", "loader,file=%s,addr=0x1000" % img)
    assert r.returncode == 1
    assert r.stderr == ("qemu-system-riscv32: Cannot load specified image "
                        "%s: no RAM or ROM at 0x1000\n" % img)


def test_loader_raw_into_ram_addr(machine, tmp_path):
    img = write(tmp_path, "fw.bin", b"\x01\x02\x03\x04")
    v, qt = machine("-m", "64K", "-M", "none,ram-addr=0x80000000",
                    "-device", "loader,file=%s,addr=0x80000100" % img)
    q = v.qmp
    q.command("x-exit-preconfig")
    assert qt.read(0x80000100, 4) == b"\x01\x02\x03\x04"


def test_loader_truncated_elf(vm, tmp_path):
    good = elf32([(0x8000, bytes(16), 16)], 0x8000)
    bad = write(tmp_path, "bad.elf", good[:-4])
    q = vm(*BASE, "-preconfig").qmp
    q.command("x-machine-init")
    expect_error(q, "device_add", "Cannot load specified image %s: Failed "
                 "to load ELF" % bad, driver="loader", file=bad)
    other = write(tmp_path, "arm.elf", elf32([(0, bytes(4), 4)], 0, 40))
    expect_error(q, "device_add", "Cannot load specified image %s: The "
                 "image is from incompatible architecture" % other,
                 driver="loader", file=other)


def test_loader_overlap(vm, tmp_path):
    a = write(tmp_path, "a.elf", elf32([(0x8000, bytes(16), 16)], 0x8000))
    b = write(tmp_path, "b.bin", bytes(8))
    v = vm(*BASE, "-preconfig")
    q = v.qmp
    q.command("x-machine-init")
    add(q, "loader", file=a)
    add(q, "loader", file=b, addr="0x8008")
    add(q, "sysbus-memory", id="rom", size="0x1000", readonly=True)
    q.command("x-sysbus-mmio-map", device="rom", addr=0x8000)
    q.send({"execute": "x-exit-preconfig"})
    status, _, err = v.wait()
    assert status == 1
    assert err == (
        "qemu-system-riscv32: Some ROM regions are overlapping\n"
        "These ROM regions might have been loaded by direct user request "
        "or by default.\n"
        "They could be BIOS/firmware images, a guest kernel, initrd or some "
        "other file loaded into guest memory.\n"
        "Check whether you intended to load all this guest code, and "
        "whether it has been built to load to the correct addresses.\n"
        "\n"
        "The following two regions overlap (in the memory address space):\n"
        "  %s ELF program header segment 0 (addresses 0x0000000000008000 - "
        "0x0000000000008010)\n"
        "  %s (addresses 0x0000000000008008 - 0x0000000000008010)\n"
        % (a, b))


def test_loader_toolchain_elf(machine, tmp_path):
    gcc = shutil.which("riscv64-unknown-elf-gcc")
    if not gcc:
        pytest.skip("no riscv64-unknown-elf-gcc")
    src = tmp_path / "t.S"
    src.write_text(".section .text\n.globl _start\n_start:\n"
                   "  .word 0x12345678\n  .word 0x9abcdef0\n"
                   ".section .bss\n  .space 64\n")
    elf = str(tmp_path / "t.elf")
    subprocess.run([gcc, "-march=rv32imac", "-mabi=ilp32", "-nostdlib",
                    "-Wl,-Ttext=0x80000000", "-o", elf, str(src)],
                   check=True)
    v, qt = machine()
    q = v.qmp
    q.command("x-machine-init")
    add(q, "sysbus-memory", id="ram", size="0x10000")
    q.command("x-sysbus-mmio-map", device="ram", addr=0x80000000)
    add(q, "loader", id="fw", file=elf)
    assert q.command("qom-get", path="fw", property="addr") == 0x80000000
    q.command("x-exit-preconfig")
    assert qt.read(0x80000000, 8) == bytes.fromhex("78563412f0debc9a")


# the none machine's -m RAM

def test_none_machine_without_m_has_no_ram(vm):
    q = vm(*BASE).qmp
    assert mem_map(q) == []


def test_none_machine_ram_at_zero(vm):
    q = vm(*BASE, "-m", "64K").qmp
    assert mem_map(q) == [(0, 0xffff, "ram", "ram")]


def test_ram_addr_on_command_line(machine):
    v, qt = machine("-m", "64K", "-M", "none,ram-addr=0x80000000")
    q = v.qmp
    assert q.command("qom-get", path="/machine",
                     property="ram-addr") == 0x80000000
    q.command("x-exit-preconfig")
    assert mem_map(q) == [(0x80000000, 0x8000ffff, "ram", "ram")]
    qt.writeb(0x8000fffe, 0x42)
    assert qt.readb(0x8000fffe) == 0x42


def test_ram_addr_by_qom_set(vm):
    q = vm(*BASE, "-m", "size=64K", "-preconfig").qmp
    q.command("qom-set", path="/machine", property="ram-addr",
              value=0x80000000)
    q.command("x-machine-init")
    assert mem_map(q) == [(0x80000000, 0x8000ffff, "ram", "ram")]
    expect_error(q, "qom-set", "Property 'ram-addr' can only be set before "
                 "the machine is initialized", path="/machine",
                 property="ram-addr", value=0)
    assert q.command("qom-get", path="/machine",
                     property="ram-addr") == 0x80000000


def test_ram_addr_without_size(run, vm):
    r = run(*BASE, "-M", "none,ram-addr=0x1000")
    assert r.returncode == 1
    assert r.stderr == ("qemu-system-riscv32: 'ram-addr' has been specified "
                        "but the size is zero\n")
    q = vm(*BASE, "-preconfig").qmp
    q.command("qom-set", path="/machine", property="ram-addr", value=0x1000)
    expect_error(q, "x-machine-init",
                 "'ram-addr' has been specified but the size is zero")
    assert q.command("query-machine-phase")["phase"] == "accel-created"


def test_ram_addr_introspection_when_ready(vm):
    # introspection builds a second machine object: it must not be frozen
    q = vm(*BASE).qmp
    props = {p["name"]: p for p in
             q.command("qom-list-properties", typename="none-machine")}
    assert props["ram-addr"]["type"] == "uint64"
    assert props["ram-addr"]["default-value"] == 0
