# SPDX-License-Identifier: GPL-2.0-or-later
"""qdev over QMP and the command line: device_add (argument coercion,
placement, ids, phases), -device in both forms, device_del, the sysbus
mapping commands, IRQ wiring with qom-set, x-query-device-pins,
x-query-wiring and info qtree."""

import json

import pytest

from qmp import QMPError

BASE = ("-M", "none", "-display", "none")


def run(q, name, **args):
    """A command with arguments that may contain dashes."""
    return q.command(name, **args)


def call(q, name, args):
    resp = q.cmd(name, args)
    if "error" in resp:
        raise QMPError(resp["error"]["class"], resp["error"]["desc"], resp)
    return resp["return"]


def err(q, name, args, desc, cls="GenericError"):
    resp = q.cmd(name, args)
    assert "error" in resp, resp
    assert (resp["error"]["class"], resp["error"]["desc"]) == (cls, desc)


def qom_get(q, path, prop):
    return call(q, "qom-get", {"path": path, "property": prop})


def qom_names(q, path):
    return sorted(p["name"] for p in call(q, "qom-list", {"path": path}))


def hmp(q, line):
    return call(q, "human-monitor-command", {"command-line": line})


def phase(q):
    return call(q, "query-machine-phase", {})["phase"]


@pytest.fixture
def init(vm):
    """A -M none machine in phase initialized."""
    v = vm(*BASE, "-preconfig")
    call(v.qmp, "x-machine-init", {})
    return v.qmp


def test_device_add_steps_to_initialized(vm):
    v = vm(*BASE, "-preconfig")
    q = v.qmp
    assert phase(q) == "accel-created"
    call(q, "device_add", {"driver": "sysbus-memory", "id": "rom",
                           "size": "0x4000", "readonly": True})
    ev = q.wait_event("MACHINE_PHASE_CHANGE")
    assert ev["data"] == {"phase": "initialized"}
    assert phase(q) == "initialized"
    assert qom_get(q, "/machine/peripheral/rom", "realized") is True


def test_argument_errors(init):
    q = init
    err(q, "device_add", {"id": "x"}, "Parameter 'driver' is missing")
    err(q, "device_add", {"driver": "nosuchdev"},
        "'nosuchdev' is not a valid device model name")
    err(q, "device_add", {"driver": "irq"},
        "'irq' is not a valid device model name")
    err(q, "device_add", {"driver": "device"},
        "Parameter 'driver' expects a non-abstract device type")
    err(q, "device_add", {"driver": "sys-bus-device"},
        "Parameter 'driver' expects a non-abstract device type")
    err(q, "device_add", {"driver": "split-irq", "id": "1bad"},
        "Parameter 'id' expects an identifier")
    err(q, "device_add", {"driver": "split-irq", "id": "k1,x"},
        "Parameter 'id' expects an identifier")
    err(q, "device_add", {"driver": "split-irq", "nosuchprop": 1},
        "Property 'split-irq.nosuchprop' not found")
    err(q, "device_add", {"driver": "split-irq", "bus": "nosuch"},
        "Bus 'nosuch' not found")
    err(q, "device_add", {"driver": "loader", "bus": "main-system-bus"},
        "Device 'loader' can't go on System bus")
    # nothing was left behind
    assert qom_names(q, "/machine/peripheral-anon") == ["type"]
    assert qom_names(q, "/machine/peripheral") == ["type"]


def test_duplicate_id(init):
    q = init
    call(q, "device_add", {"driver": "split-irq", "id": "s1"})
    err(q, "device_add", {"driver": "or-irq", "id": "s1"},
        "Duplicate device ID 's1'")
    assert qom_get(q, "/machine/peripheral/s1", "type") == "split-irq"


def test_placement(init):
    q = init
    call(q, "device_add", {"driver": "split-irq"})
    call(q, "device_add", {"driver": "or-irq"})
    call(q, "device_add", {"driver": "or-irq", "id": "orx"})
    assert qom_get(q, "/machine/peripheral-anon/device[0]",
                   "type") == "split-irq"
    assert qom_get(q, "/machine/peripheral-anon/device[1]",
                   "type") == "or-irq"
    assert qom_get(q, "/machine/peripheral/orx", "type") == "or-irq"
    assert qom_get(q, "/machine/peripheral/orx", "parent_bus") == ""
    call(q, "device_add", {"driver": "unimplemented-device", "id": "u",
                           "name": "u", "size": 4096})
    assert qom_get(q, "/machine/peripheral/u",
                   "parent_bus") == "/machine/unattached/sysbus"
    assert qom_get(q, "/machine/peripheral/u", "hotplugged") is False


# (value given, expected qom-get or error) for uint16 "num-lines"
COERCION = [
    ("3", 3), (4, 4), ("0x5", 5),
    ("abc", "Parameter 'num-lines' expects integer"),
    (1.5, "Parameter 'num-lines' expects integer"),
    (True, "Parameter 'num-lines' expects integer"),
    ("2k", "Parameter 'num-lines' expects integer"),
    ("99999999999", "Parameter 'num-lines' expects uint16_t"),
    ("-1", "Parameter 'num-lines' expects uint16_t"),
    ([1], 1),           # arrays are dropped: the default stays
    ({"a": 1}, 1),      # objects too
    (None, 1),
]


@pytest.mark.parametrize("value,expect", COERCION)
def test_coercion_integer(init, value, expect):
    q = init
    args = {"driver": "split-irq", "id": "s", "num-lines": value}
    if isinstance(expect, str):
        err(q, "device_add", args, expect)
        assert qom_names(q, "/machine/peripheral") == ["type"]
    else:
        call(q, "device_add", args)
        assert qom_get(q, "/machine/peripheral/s", "num-lines") == expect


@pytest.mark.parametrize("value,expect", [
    (True, True), (False, False), ("on", True), ("off", False),
    ("yes", True), ("no", False), ("true", True),
    ("maybe", "Parameter 'readonly' expects 'on' or 'off'"),
])
def test_coercion_bool(init, value, expect):
    q = init
    args = {"driver": "sysbus-memory", "id": "m", "size": 4096,
            "readonly": value}
    if isinstance(expect, str):
        err(q, "device_add", args, expect)
    else:
        call(q, "device_add", args)
        assert qom_get(q, "/machine/peripheral/m", "readonly") is expect


def test_coercion_string(init):
    q = init
    call(q, "device_add", {"driver": "unimplemented-device", "id": "u",
                           "name": 42, "size": "0x1000"})
    assert qom_get(q, "/machine/peripheral/u", "name") == "42"
    assert qom_get(q, "/machine/peripheral/u", "size") == 4096


def test_sysbus_refused_when_ready(vm):
    v = vm(*BASE)
    q = v.qmp
    assert phase(q) == "ready"
    err(q, "device_add", {"driver": "sysbus-memory", "id": "r",
                          "size": 4096},
        "Bus 'main-system-bus' does not support hotplugging")
    err(q, "device_add", {"driver": "loader", "addr": 0},
        "Device 'loader' can not be hotplugged on this machine")
    assert qom_names(q, "/machine/peripheral") == ["type"]


def test_device_del(init):
    q = init
    err(q, "device_del", {"id": "nosuch"}, "Device 'nosuch' not found",
        "DeviceNotFound")
    err(q, "device_del", {"id": "/machine"},
        "/machine is not a hotpluggable device")
    call(q, "device_add", {"driver": "sysbus-memory", "id": "r",
                           "size": 4096})
    err(q, "device_del", {"id": "r"},
        "Bus 'main-system-bus' does not support hotplugging")
    call(q, "device_add", {"driver": "split-irq", "id": "s"})
    err(q, "device_del", {"id": "/machine/peripheral/s"},
        "Device 'split-irq' does not support hotplugging")
    assert qom_get(q, "/machine/peripheral/s", "realized") is True


def test_mmio_map_and_errors(init):
    q = init
    call(q, "device_add", {"driver": "sysbus-memory", "id": "rom",
                           "size": "0x4000", "readonly": True})
    call(q, "device_add", {"driver": "sysbus-memory", "id": "ram",
                           "size": "0x4000"})
    call(q, "device_add", {"driver": "split-irq", "id": "sp"})
    call(q, "x-sysbus-mmio-map", {"device": "rom", "addr": 32768})
    before = call(q, "x-query-memory-map", {})
    err(q, "x-sysbus-mmio-map", {"device": "nosuch", "addr": 0},
        "Device 'nosuch' not found", "DeviceNotFound")
    err(q, "x-sysbus-mmio-map", {"device": "sp", "addr": 0},
        "Device 'sp' is not a sysbus device")
    err(q, "x-sysbus-mmio-map", {"device": "rom", "mmio": 1, "addr": 0},
        "Device 'rom' has no MMIO region 1")
    err(q, "x-sysbus-mmio-map", {"device": "rom", "addr": 0},
        "MMIO region 0 of device 'rom' is already mapped")
    err(q, "sysbus-mmio-map", {"device": "ram",
                               "addr": 0xffffffffffffff00},
        "Mapping at 0xffffffffffffff00 of size 0x4000 wraps around the "
        "address space")
    err(q, "sysbus-mmio-map", {"device": "ram", "addr": 0x9000},
        "Region 'ram.region' at [0x9000, 0xcfff] overlaps region "
        "'rom.region' at [0x8000, 0xbfff] with the same priority 0")
    assert call(q, "x-query-memory-map", {}) == before
    # another priority may overlap
    call(q, "sysbus-mmio-map", {"device": "/machine/peripheral/ram",
                                "addr": 0x9000, "priority": 1})
    call(q, "x-sysbus-mmio-unmap", {"device": "ram"})
    err(q, "x-sysbus-mmio-unmap", {"device": "ram"},
        "MMIO region 0 of device 'ram' is not mapped")
    call(q, "x-sysbus-mmio-map-alias", {"device": "rom", "addr": 0x80000,
                                        "offset": 0x1000})
    call(q, "x-exit-preconfig", {})
    assert "rom.region.alias" in hmp(q, "info mtree")
    assert "mmio ffffffffffffffff/0000000000004000" in hmp(q, "info qtree")
    err(q, "x-sysbus-mmio-map", {"device": "ram", "addr": 0x100000},
        "The command 'x-sysbus-mmio-map' is not permitted in machine "
        "phase 'ready'")


def test_wiring(init):
    q = init
    call(q, "device_add", {"driver": "split-irq", "id": "sp",
                           "num-lines": 2})
    call(q, "device_add", {"driver": "or-irq", "id": "o",
                           "num-lines": 2})
    call(q, "qom-set", {"path": "sp", "property": "unnamed-gpio-out[1]",
                        "value": "o/unnamed-gpio-in[1]"})
    assert qom_get(q, "sp", "unnamed-gpio-out[1]") == \
        "/machine/peripheral/o/unnamed-gpio-in[1]"
    err(q, "qom-set", {"path": "sp", "property": "unnamed-gpio-out[0]",
                       "value": "/machine/peripheral/o"},
        "Invalid parameter type for 'unnamed-gpio-out[0]', expected: irq")
    wiring = call(q, "x-query-wiring", {})
    out1 = {"device": "/machine/peripheral/sp",
            "property": "unnamed-gpio-out[1]", "direction": "out",
            "connected-to": "/machine/peripheral/o/unnamed-gpio-in[1]"}
    assert out1 in wiring
    assert {"device": "/machine/peripheral/sp",
            "property": "unnamed-gpio-out[0]", "direction": "out"} in wiring
    assert {"device": "/machine/peripheral/o",
            "property": "unnamed-gpio-in[0]", "direction": "in"} in wiring
    assert not [w for w in wiring if w["property"] == "unnamed-gpio-in[1]"
                and w["device"] == "/machine/peripheral/o"]
    call(q, "qom-set", {"path": "sp", "property": "unnamed-gpio-out[1]",
                        "value": ""})
    assert qom_get(q, "sp", "unnamed-gpio-out[1]") == ""
    # wiring is frozen once the machine is ready
    call(q, "x-exit-preconfig", {})
    err(q, "qom-set", {"path": "sp", "property": "unnamed-gpio-out[1]",
                       "value": "o/unnamed-gpio-in[1]"},
        "Cannot change IRQ wiring of 'sp' (property 'unnamed-gpio-out[1]') "
        "once the machine is ready")
    err(q, "qom-set", {"path": "sp", "property": "num-lines", "value": 3},
        "Attempt to set property 'num-lines' on device 'sp' (type "
        "'split-irq') after it was realized")
    assert call(q, "qom-set", {"path": "sp", "property": "realized",
                               "value": True}) == {}


def test_query_device_pins(vm):
    v = vm(*BASE, "-preconfig")
    q = v.qmp
    pins = call(q, "x-query-device-pins", {"type": "or-irq"})
    assert pins["type"] == "or-irq"
    assert pins["user-creatable"] is True
    assert pins["hotpluggable"] is False
    assert pins["mmio"] == []
    assert {"name": "", "index": 0, "direction": "out",
            "property": "unnamed-gpio-out[0]"} in pins["gpios"]
    err(q, "x-query-device-pins", {"type": "nosuch"},
        "Device 'nosuch' not found", "DeviceNotFound")
    err(q, "x-query-device-pins", {"type": "irq"},
        "Parameter 'type' expects device")
    err(q, "x-query-device-pins", {"type": "device"},
        "Parameter 'type' expects a non-abstract device type")
    # nothing was created
    assert phase(q) == "accel-created"
    assert qom_names(q, "/machine/unattached") == \
        qom_names(q, "/machine/unattached")


def qom_tree(q, path):
    """Every object below @path with its properties' values."""
    out = {}
    for p in call(q, "qom-list", {"path": path}):
        if p["type"].startswith("child<"):
            out[p["name"]] = qom_tree(q, path + "/" + p["name"])
        else:
            try:
                out[p["name"]] = qom_get(q, path, p["name"])
            except QMPError as e:
                out[p["name"]] = "error: " + e.desc
    return out


def test_cli_forms_give_identical_trees(vm):
    kv = vm(*BASE, "-preconfig",
            "-device", "sysbus-memory,id=rom,size=0x4000,readonly=on",
            "-device", "split-irq,num-lines=2",
            "-device", "or-irq,id=o,num-lines=3")
    js = vm(*BASE, "-preconfig",
            "-device", json.dumps({"driver": "sysbus-memory", "id": "rom",
                                   "size": 16384, "readonly": True}),
            "-device", json.dumps({"driver": "split-irq",
                                   "num-lines": 2}),
            "-device", json.dumps({"driver": "or-irq", "id": "o",
                                   "num-lines": 3}))
    qm = vm(*BASE, "-preconfig")
    call(qm.qmp, "device_add", {"driver": "sysbus-memory", "id": "rom",
                                "size": "0x4000", "readonly": "on"})
    call(qm.qmp, "device_add", {"driver": "split-irq", "num-lines": 2})
    call(qm.qmp, "device_add", {"driver": "or-irq", "id": "o",
                                "num-lines": "3"})
    for v in (kv, js):
        call(v.qmp, "x-machine-init", {})
    trees = [qom_tree(v.qmp, "/machine") for v in (kv, js, qm)]
    assert trees[0] == trees[1] == trees[2]
    assert trees[0]["peripheral"]["o"]["num-lines"] == 3


def test_cli_json_is_strict(run):
    r = run(*BASE, "-device", '{"driver":"loader","addr":"0x100"}')
    assert r.returncode == 1
    assert r.stderr.endswith(": Parameter 'addr' expects uint64\n")
    r = run(*BASE, "-device", '{"driver":"loader","data-be":"on"}')
    assert r.returncode == 1
    assert "Invalid parameter type for 'data-be', expected: boolean" in \
        r.stderr


def test_cli_errors(run):
    r = run(*BASE, "-device", "split-irq,id=a", "-device", "or-irq,id=a")
    assert r.returncode == 1
    assert r.stderr.endswith("-device or-irq,id=a: Duplicate device ID "
                             "'a'\n")
    r = run(*BASE, "-device", "split-irq,nosuch=1")
    assert r.returncode == 1
    assert r.stderr.endswith("-device split-irq,nosuch=1: Property "
                             "'split-irq.nosuch' not found\n")


def test_info_qtree(init):
    q = init
    call(q, "device_add", {"driver": "unimplemented-device", "id": "u",
                           "name": "uart", "size": 4096})
    call(q, "x-sysbus-mmio-map", {"device": "u", "addr": 0x10013000})
    call(q, "device_add", {"driver": "sysbus-memory", "id": "ram",
                           "size": 0x4000})
    call(q, "x-exit-preconfig", {})
    text = hmp(q, "info qtree")
    assert text.startswith("bus: main-system-bus\r\n  type System\r\n"
                           "  dev: sysbus-memory, id \"ram\"\r\n")
    assert ("  dev: unimplemented-device, id \"u\"\r\n"
            "    size = 4096 (0x1000)\r\n"
            "    name = \"uart\"\r\n"
            "    mmio 0000000010013000/0000000000001000\r\n") in text
    brief = hmp(q, "info qtree -b")
    assert "size =" not in brief
    assert "    mmio 0000000010013000/0000000000001000\r\n" in brief
