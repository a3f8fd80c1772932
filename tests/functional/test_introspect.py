# SPDX-License-Identifier: GPL-2.0-or-later
"""query-qmp-schema of the real binary, walked as libvirt walks it: from
command and event names through the masked type references."""


def schema_index(vm):
    v = vm("-M", "none", "-preconfig")
    entries = v.qmp.command("query-qmp-schema")
    return {e["name"]: e for e in entries}


def test_entries_are_well_formed(vm):
    idx = schema_index(vm)
    metas = {"builtin", "command", "event", "object", "enum", "array",
             "alternate"}
    for name, e in idx.items():
        assert e["meta-type"] in metas, e
        if e["meta-type"] in ("object", "enum", "array", "alternate"):
            # every non-builtin type name is masked to a number, or is an
            # array of one, "[N]"
            assert name.strip("[]").isdigit() or name.strip("[]") in idx, e
    assert idx["int"] == {"name": "int", "json-type": "int",
                          "meta-type": "builtin"}
    # "0" is the empty object: argument type of argument-less commands
    assert idx["0"] == {"name": "0", "members": [], "meta-type": "object"}


def resolve(idx, name):
    return idx[name]


def test_query_machine_phase_return_type(vm):
    idx = schema_index(vm)
    cmd = idx["query-machine-phase"]
    assert cmd["meta-type"] == "command" and cmd["arg-type"] == "0"
    ret = resolve(idx, cmd["ret-type"])
    assert [m["name"] for m in ret["members"]] == ["phase"]
    enum = resolve(idx, ret["members"][0]["type"])
    assert enum["meta-type"] == "enum"
    assert enum["values"] == ["no-machine", "machine-created",
                              "accel-created", "initialized", "ready"]
    assert [m["name"] for m in enum["members"]] == enum["values"]


def test_query_qmp_schema_returns_array(vm):
    idx = schema_index(vm)
    cmd = idx["query-qmp-schema"]
    arr = resolve(idx, cmd["ret-type"])
    assert arr["meta-type"] == "array"
    elem = resolve(idx, arr["element-type"])
    names = [m["name"] for m in elem["members"]]
    assert "name" in names and "meta-type" in names


def test_every_reference_resolves(vm):
    idx = schema_index(vm)
    for e in idx.values():
        refs = []
        if e["meta-type"] == "command":
            refs = [e["arg-type"], e["ret-type"]]
        elif e["meta-type"] == "event":
            refs = [e["arg-type"]]
        elif e["meta-type"] == "array":
            refs = [e["element-type"]]
        elif e["meta-type"] == "object":
            refs = [m["type"] for m in e["members"]]
            refs += [v["type"] for v in e.get("variants", [])]
        elif e["meta-type"] == "alternate":
            refs = [m["type"] for m in e["members"]]
        for r in refs:
            assert r in idx, (e["name"], r)
