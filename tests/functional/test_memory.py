# SPDX-License-Identifier: GPL-2.0-or-later
"""The memory API as the monitors show it: "info mtree" (with -f, -o, -D)
exactly as QEMU 7.2 prints it for -M none, x-query-memory-map, and the
memory regions in the QOM tree."""

import pytest

from qmp import QMPError


def hmp(v, line):
    return v.qmp.command("human-monitor-command", **{"command-line": line})


def expect_error(q, name, cls, desc, **args):
    with pytest.raises(QMPError) as e:
        q.command(name, **args)
    assert (e.value.cls, e.value.desc) == (cls, desc)


MTREE = ("address-space: memory\r\n"
         "  0000000000000000-ffffffffffffffff (prio 0, i/o): system\r\n"
         "\r\n"
         "address-space: I/O\r\n"
         "  0000000000000000-000000000000ffff (prio 0, i/o): io\r\n"
         "\r\n")


def test_info_mtree_none(vm):
    v = vm("-M", "none")
    assert hmp(v, "info mtree") == MTREE
    assert hmp(v, "info mtree -D") == MTREE


def test_info_mtree_owner(vm):
    v = vm("-M", "none")
    assert hmp(v, "info mtree -o") == (
        "address-space: memory\r\n"
        "  0000000000000000-ffffffffffffffff (prio 0, i/o): system"
        " parent:{obj path=/machine/unattached}\r\n"
        "\r\n"
        "address-space: I/O\r\n"
        "  0000000000000000-000000000000ffff (prio 0, i/o): io"
        " parent:{obj path=/machine/unattached}\r\n"
        "\r\n")


def test_info_mtree_flatview(vm):
    v = vm("-M", "none")
    flat = ("FlatView #0\r\n"
            " AS \"memory\", root: system\r\n"
            " Root memory region: (none)\r\n"
            "  No rendered FlatView\r\n"
            "\r\n"
            "FlatView #1\r\n"
            " AS \"I/O\", root: io\r\n"
            " Root memory region: io\r\n"
            "  0000000000000000-000000000000ffff (prio 0, i/o): io%s\r\n"
            "\r\n")
    assert hmp(v, "info mtree -f") == flat % ""
    assert hmp(v, "info mtree -f -o") == (
        flat % " parent:{obj path=/machine/unattached}")


def test_query_memory_map_none(vm):
    v = vm("-M", "none")
    assert v.qmp.command("x-query-memory-map") == []
    assert v.qmp.command("x-query-memory-map",
                         **{"address-space": "memory"}) == []
    assert v.qmp.command("x-query-memory-map",
                         **{"address-space": "I/O"}) == [
        {"start": 0, "end": 65535, "region": "io", "kind": "i/o",
         "priority": 0}]


def test_query_memory_map_errors(vm):
    v = vm("-M", "none")
    expect_error(v.qmp, "x-query-memory-map", "GenericError",
                 "Address space 'nope' not found",
                 **{"address-space": "nope"})
    expect_error(v.qmp, "x-query-memory-map", "GenericError",
                 "Invalid parameter type for 'address-space', expected: "
                 "string", **{"address-space": 1})


def test_query_memory_map_phases(vm):
    v = vm("-M", "none", "-preconfig")
    expect_error(v.qmp, "x-query-memory-map", "GenericError",
                 "The command 'x-query-memory-map' is not permitted in "
                 "machine phase 'accel-created'")
    v.qmp.command("advance-machine-phase", phase="initialized")
    assert v.qmp.command("x-query-memory-map") == []


def test_regions_in_qom(vm):
    v = vm("-M", "none")
    props = v.qmp.command("qom-list", path="/machine/unattached/system[0]")
    # QEMU lists "type" first; where QOM puts it is not this test's concern
    assert {"name": "type", "type": "string"} in props
    assert [p for p in props if p["name"] != "type"] == [
        {"name": "container", "type": "link<memory-region>"},
        {"name": "addr", "type": "uint64"},
        {"name": "size", "type": "uint64"},
        {"name": "priority", "type": "uint32"}]
    io = "/machine/unattached/io[0]"
    assert v.qmp.command("qom-get", path=io, property="size") == 65536
    assert v.qmp.command("qom-get", path=io, property="addr") == 0
    assert v.qmp.command("qom-get", path=io, property="priority") == 0
    assert v.qmp.command("qom-get", path=io, property="container") == ""
    children = v.qmp.command("qom-list", path="/machine/unattached")
    assert {"name": "io[0]", "type": "child<memory-region>"} in children
    assert {"name": "system[0]", "type": "child<memory-region>"} in children
