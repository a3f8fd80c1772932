# SPDX-License-Identifier: GPL-2.0-or-later
"""QOM commands (qom-list/get/set, qom-list-types, qom-list-properties,
device-list-properties, object-add/del), the machine queries, and the
chardev commands, with QEMU's error classes and texts."""

import os

import pytest

from test_phases import BASE, expect_error


@pytest.fixture(params=[(), ("-preconfig",)], ids=["ready", "preconfig"])
def q(vm, request):
    """A negotiated QMP connection, in phase ready and in preconfig."""
    return vm(*BASE, *request.param).qmp


def test_qom_list_root(q):
    props = q.command("qom-list", path="/")
    assert {"name": "type", "type": "string"} in props
    assert {"name": "machine", "type": "child<none-machine>"} in props
    assert {"name": "chardevs", "type": "child<container>"} in props


def test_qom_list_chardevs(q):
    props = q.command("qom-list", path="/chardevs")
    assert {"name": "compat_monitor0",
            "type": "child<chardev-socket>"} in props


def test_qom_list_partial_path(q):
    # a partial path names an object by a child name that is unique
    assert q.command("qom-list", path="compat_monitor0") == \
        q.command("qom-list", path="/chardevs/compat_monitor0")


def test_qom_list_not_found(q):
    expect_error(q, "qom-list", "DeviceNotFound", "Device 'nosuch' not found",
                 path="nosuch")
    expect_error(q, "qom-list", "DeviceNotFound",
                 "Device '/machine/nosuch' not found", path="/machine/nosuch")


def test_qom_get(q):
    assert q.command("qom-get", path="/machine",
                     property="type") == "none-machine"
    assert q.command("qom-get", path="/machine",
                     property="memory") == {"size": 0}
    assert q.command("qom-get", path="/machine", property="smp") == {
        "cpus": 1, "maxcpus": 1, "threads": 1, "cores": 1, "dies": 1,
        "sockets": 1, "clusters": 1}


def test_qom_get_smp_member_order(vm):
    v = vm(*BASE)
    v.qmp.send({"execute": "qom-get",
                "arguments": {"path": "/machine", "property": "smp"}})
    assert v.qmp.recv_raw() == (
        b'{"return": {"cpus": 1, "maxcpus": 1, "threads": 1, "cores": 1, '
        b'"dies": 1, "sockets": 1, "clusters": 1}}\r\n')


def test_qom_get_errors(q):
    expect_error(q, "qom-get", "GenericError",
                 "Property 'none-machine.nosuch' not found",
                 path="/machine", property="nosuch")
    expect_error(q, "qom-get", "DeviceNotFound", "Device '/nosuch' not found",
                 path="/nosuch", property="type")
    expect_error(q, "qom-get", "GenericError",
                 "Parameter 'property' is missing", path="/machine")
    expect_error(q, "qom-get", "GenericError",
                 "Invalid parameter type for 'path', expected: string",
                 path=1, property="type")


def test_qom_set(q):
    assert q.command("qom-set", path="/machine", property="memory",
                     value={"size": 1048576}) == {}
    assert q.command("qom-get", path="/machine",
                     property="memory") == {"size": 1048576}


def test_qom_set_errors(q):
    expect_error(q, "qom-set", "GenericError",
                 "Property 'none-machine.type' is not writable",
                 path="/machine", property="type", value="x")
    expect_error(q, "qom-set", "GenericError",
                 "Invalid parameter type for 'memory', expected: object",
                 path="/machine", property="memory", value=5)
    expect_error(q, "qom-set", "GenericError",
                 "Parameter 'bogus' is unexpected",
                 path="/machine", property="memory", value={"bogus": 1})
    expect_error(q, "qom-set", "GenericError",
                 "Property 'none-machine.nosuch' not found",
                 path="/machine", property="nosuch", value=1)
    expect_error(q, "qom-set", "DeviceNotFound", "Device 'nosuch' not found",
                 path="nosuch", property="x", value=1)
    expect_error(q, "qom-set", "GenericError",
                 "Parameter 'value' is missing", path="/machine",
                 property="memory")


def test_qom_list_types(q):
    machines = q.command("qom-list-types", implements="machine")
    assert sorted(machines, key=lambda t: t["name"]) == [
        {"name": "none-machine", "parent": "machine"},
        {"name": "opentitan-2021-machine", "parent": "data-machine"},
        {"name": "opentitan-machine", "parent": "data-machine"},
        {"name": "sifive_e-machine", "parent": "data-machine"}]
    types = q.command("qom-list-types", implements="machine", abstract=True)
    assert {"name": "machine", "parent": "object",
            "abstract": True} in types
    assert {"name": "data-machine", "parent": "machine",
            "abstract": True} in types
    assert q.command("qom-list-types", implements="nosuch") == []
    accels = q.command("qom-list-types", implements="accel")
    assert {"name": "tcg-accel", "parent": "accel"} in accels
    everything = q.command("qom-list-types")
    assert not any(t.get("abstract") for t in everything)
    assert {"name": "none-machine", "parent": "machine"} in everything


def test_qom_list_properties(q):
    props = q.command("qom-list-properties", typename="none-machine")
    names = {p["name"]: p for p in props}
    assert names["type"] == {"name": "type", "type": "string"}
    assert names["memory"]["type"] == "MemorySizeConfiguration"
    # abstract: class properties only
    assert q.command("qom-list-properties", typename="machine") == [
        {"name": "type", "type": "string"}]
    expect_error(q, "qom-list-properties", "DeviceNotFound",
                 "Class 'nosuch' not found", typename="nosuch")
    expect_error(q, "qom-list-properties", "GenericError",
                 "Parameter 'typename' expects a QOM type",
                 typename="user-creatable")


def test_device_list_properties_errors(q):
    expect_error(q, "device-list-properties", "DeviceNotFound",
                 "Device 'nosuch' not found", typename="nosuch")
    expect_error(q, "device-list-properties", "GenericError",
                 "Parameter 'typename' expects a non-abstract device type",
                 typename="device")
    expect_error(q, "device-list-properties", "GenericError",
                 "Parameter 'typename' expects device",
                 typename="none-machine")


def test_object_add_del_errors(q):
    expect_error(q, "object-add", "GenericError",
                 "Parameter 'qom-type' is missing", id="x")
    expect_error(q, "object-add", "GenericError",
                 "Parameter 'qom-type' does not accept value 'bogus'",
                 **{"qom-type": "bogus", "id": "x"})
    # exists, but is not user-creatable
    expect_error(q, "object-add", "GenericError",
                 "Parameter 'qom-type' does not accept value "
                 "'none-machine'", **{"qom-type": "none-machine", "id": "x"})
    expect_error(q, "object-add", "GenericError",
                 "Invalid parameter type for 'qom-type', expected: string",
                 **{"qom-type": 1, "id": "x"})
    expect_error(q, "object-del", "GenericError", "object 'x' not found",
                 id="x")


def test_object_add_del(q):
    types = q.command("qom-list-types", implements="user-creatable")
    if not types:
        pytest.skip("no user-creatable types yet")
    t = types[0]["name"]
    expect_error(q, "object-add", "GenericError", "Parameter 'id' is missing",
                 **{"qom-type": t})


def test_machine_queries(q):
    machines = q.command("query-machines")
    assert machines[0] == {"hotpluggable-cpus": False, "name": "none",
                           "numa-mem-supported": False, "cpu-max": 1,
                           "deprecated": False, "default-ram-id": "ram"}
    assert q.command("query-target") == {"arch": "riscv32"}
    assert q.command("query-name") == {}
    assert q.command("query-uuid") == {
        "UUID": "00000000-0000-0000-0000-000000000000"}
    assert q.command("query-cpus-fast") == []
    assert q.command("query-kvm") == {"enabled": False, "present": False}


def test_query_name(vm):
    v = vm(*BASE, "-name", "foo,,bar")
    assert v.qmp.command("query-name") == {"name": "foo,bar"}


# chardevs

def test_chardev_add_remove(q, tmp_path):
    sock = str(tmp_path / "c3.sock")
    assert q.command("chardev-add", id="c1",
                     backend={"type": "null", "data": {}}) == {}
    assert q.command("chardev-add", id="c2",
                     backend={"type": "ringbuf",
                              "data": {"size": 1024}}) == {}
    assert q.command("chardev-add", id="c3", backend={
        "type": "socket",
        "data": {"addr": {"type": "unix", "data": {"path": sock}},
                 "server": True, "wait": False}}) == {}
    assert os.path.exists(sock)
    info = {c["label"]: c for c in q.command("query-chardev")}
    assert info["c1"] == {"frontend-open": False, "filename": "null",
                          "label": "c1"}
    assert info["c2"]["filename"] == "ringbuf"
    assert info["c3"]["filename"] == "disconnected:unix:%s,server=on" % sock
    assert info["compat_monitor0"]["frontend-open"] is True
    assert q.command("chardev-remove", id="c1") == {}
    labels = [c["label"] for c in q.command("query-chardev")]
    assert "c1" not in labels
    assert q.command("qom-list", path="/chardevs").count(
        {"name": "c2", "type": "child<chardev-ringbuf>"}) == 1


def test_chardev_add_pty(q):
    ret = q.command("chardev-add", id="p", backend={"type": "pty",
                                                    "data": {}})
    assert ret["pty"].startswith("/dev/pts/")
    info = {c["label"]: c for c in q.command("query-chardev")}
    assert info["p"]["filename"] == "pty:" + ret["pty"]


def test_chardev_errors(q):
    q.command("chardev-add", id="c1", backend={"type": "null", "data": {}})
    expect_error(q, "chardev-add", "GenericError",
                 "Chardev with id 'c1' already exists",
                 id="c1", backend={"type": "null", "data": {}})
    expect_error(q, "chardev-add", "GenericError",
                 "Parameter 'type' does not accept value 'bogus'",
                 id="c5", backend={"type": "bogus", "data": {}})
    expect_error(q, "chardev-add", "GenericError",
                 "size of ringbuf chardev must be power of two",
                 id="c6", backend={"type": "ringbuf", "data": {"size": 1000}})
    expect_error(q, "chardev-remove", "GenericError",
                 "Chardev 'nonexist' not found", id="nonexist")
    expect_error(q, "chardev-remove", "GenericError",
                 "Chardev 'compat_monitor0' is busy", id="compat_monitor0")


def test_query_chardev_backends(q):
    names = [b["name"] for b in q.command("query-chardev-backends")]
    for n in ("null", "socket", "file", "pty", "stdio", "ringbuf"):
        assert n in names


def test_ringbuf(q):
    q.command("chardev-add", id="rb", backend={"type": "ringbuf",
                                               "data": {"size": 16}})
    q.command("chardev-add", id="n", backend={"type": "null", "data": {}})
    assert q.command("ringbuf-write", device="rb", data="hello") == {}
    assert q.command("ringbuf-read", device="rb", size=3) == "hel"
    assert q.command("ringbuf-read", device="rb", size=100) == "lo"
    assert q.command("ringbuf-read", device="rb", size=100) == ""
    q.command("ringbuf-write", device="rb", data="aGk=", format="base64")
    assert q.command("ringbuf-read", device="rb", size=100,
                     format="base64") == "aGk="
    # overflow drops the oldest bytes
    q.command("ringbuf-write", device="rb", data="0123456789abcdefXY")
    assert q.command("ringbuf-read", device="rb",
                     size=100) == "23456789abcdefXY"
    # bytes that are not UTF-8 come back as U+FFFD
    q.command("ringbuf-write", device="rb", data="/w==", format="base64")
    assert q.command("ringbuf-read", device="rb", size=100) == "\ufffd"
    expect_error(q, "ringbuf-read", "GenericError",
                 "n is not a ringbuf device", device="n", size=1)
    expect_error(q, "ringbuf-read", "GenericError",
                 "size must be greater than zero", device="rb", size=0)
    expect_error(q, "ringbuf-write", "GenericError",
                 "Device 'zz' not found", device="zz", data="x")
    expect_error(q, "ringbuf-write", "GenericError",
                 "Parameter 'format' does not accept value 'hex'",
                 device="rb", data="x", format="hex")
