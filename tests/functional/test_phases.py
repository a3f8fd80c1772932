# SPDX-License-Identifier: GPL-2.0-or-later
"""The machine phases: -preconfig, the phase stepper commands, their
errors, per-phase command gating and MACHINE_PHASE_CHANGE events."""

import pytest

from qmp import QMPError

BASE = ("-M", "none", "-display", "none")


def phase(q):
    return q.command("query-machine-phase")["phase"]


def expect_error(q, name, cls, desc, **args):
    with pytest.raises(QMPError) as e:
        q.command(name, **args)
    assert (e.value.cls, e.value.desc) == (cls, desc)


def replies_until_return(q, name, args=None):
    """Send @name; return every message up to and including its reply,
    in arrival order, as (kind, value) pairs."""
    req = {"execute": name}
    if args:
        req["arguments"] = args
    q.send(req)
    out = []
    while True:
        msg = q.recv()
        assert msg is not None
        if "event" in msg:
            out.append(("event", msg["event"], msg.get("data")))
        else:
            out.append(("reply", msg))
            return out


def test_without_preconfig_machine_is_ready(vm):
    v = vm(*BASE)
    assert phase(v.qmp) == "ready"
    assert v.qmp.command("query-status")["status"] == "running"


def test_preconfig_stops_in_accel_created(vm):
    v = vm(*BASE, "-preconfig")
    assert phase(v.qmp) == "accel-created"
    assert v.qmp.command("query-status") == {
        "status": "prelaunch", "singlestep": False, "running": False}


def test_double_dash_preconfig(vm):
    v = vm(*BASE, "--preconfig")
    assert phase(v.qmp) == "accel-created"


def test_ready_only_commands_are_refused_in_preconfig(vm):
    v = vm(*BASE, "-preconfig")
    for name in ("stop", "cont", "system_reset", "system_powerdown",
                 "query-current-machine"):
        expect_error(v.qmp, name, "GenericError",
                     "The command '%s' is permitted only after machine "
                     "initialization has completed" % name)
    # the check comes before argument checking
    expect_error(v.qmp, "stop", "GenericError",
                 "The command 'stop' is permitted only after machine "
                 "initialization has completed", bogus=1)


def test_queries_are_allowed_in_preconfig(vm):
    v = vm(*BASE, "-preconfig")
    assert v.qmp.command("query-target") == {"arch": "riscv32"}
    assert v.qmp.command("query-machines")[0]["name"] == "none"
    assert v.qmp.command("query-cpus-fast") == []
    assert v.qmp.command("qom-get", path="/machine",
                         property="type") == "none-machine"


def test_cannot_go_back_or_stay(vm):
    v = vm(*BASE, "-preconfig")
    expect_error(v.qmp, "advance-machine-phase", "GenericError",
                 "Cannot go back from phase 'accel-created' to "
                 "'no-machine'", phase="no-machine")
    expect_error(v.qmp, "advance-machine-phase", "GenericError",
                 "Cannot go back from phase 'accel-created' to "
                 "'machine-created'", phase="machine-created")
    expect_error(v.qmp, "advance-machine-phase", "GenericError",
                 "Machine is already in phase 'accel-created'",
                 phase="accel-created")
    expect_error(v.qmp, "advance-machine-phase", "GenericError",
                 "Parameter 'phase' does not accept value 'bogus'",
                 phase="bogus")
    assert phase(v.qmp) == "accel-created"


def test_next_machine_phase_steps_one_at_a_time(vm):
    v = vm(*BASE, "-preconfig")
    msgs = replies_until_return(v.qmp, "next-machine-phase")
    assert msgs == [("event", "MACHINE_PHASE_CHANGE",
                     {"phase": "initialized"}),
                    ("reply", {"return": {}})]
    assert phase(v.qmp) == "initialized"
    assert v.qmp.command("query-status")["status"] == "prelaunch"
    msgs = replies_until_return(v.qmp, "next-machine-phase")
    assert msgs == [("event", "MACHINE_PHASE_CHANGE", {"phase": "ready"}),
                    ("event", "RESUME", None),
                    ("reply", {"return": {}})]
    assert phase(v.qmp) == "ready"
    assert v.qmp.command("query-status")["status"] == "running"
    expect_error(v.qmp, "next-machine-phase", "GenericError",
                 "Machine is already in phase 'ready'")
    expect_error(v.qmp, "advance-machine-phase", "GenericError",
                 "Cannot go back from phase 'ready' to 'initialized'",
                 phase="initialized")
    expect_error(v.qmp, "advance-machine-phase", "GenericError",
                 "Machine is already in phase 'ready'", phase="ready")


def test_advance_runs_every_phase_on_the_way(vm):
    v = vm(*BASE, "-preconfig")
    msgs = replies_until_return(v.qmp, "advance-machine-phase",
                                {"phase": "ready"})
    assert msgs == [("event", "MACHINE_PHASE_CHANGE",
                     {"phase": "initialized"}),
                    ("event", "MACHINE_PHASE_CHANGE", {"phase": "ready"}),
                    ("event", "RESUME", None),
                    ("reply", {"return": {}})]


def test_advance_with_S_does_not_start(vm):
    v = vm(*BASE, "-preconfig", "-S")
    msgs = replies_until_return(v.qmp, "advance-machine-phase",
                                {"phase": "ready"})
    assert [m[1] for m in msgs[:-1]] == ["MACHINE_PHASE_CHANGE"] * 2
    assert v.qmp.command("query-status")["status"] == "prelaunch"


def test_x_machine_init_then_x_exit_preconfig(vm):
    v = vm(*BASE, "-preconfig")
    msgs = replies_until_return(v.qmp, "x-machine-init")
    assert msgs == [("event", "MACHINE_PHASE_CHANGE",
                     {"phase": "initialized"}),
                    ("reply", {"return": {}})]
    expect_error(v.qmp, "x-machine-init", "GenericError",
                 "The command is permitted only before machine "
                 "initialization")
    # still not ready: ready-only commands are refused
    expect_error(v.qmp, "stop", "GenericError",
                 "The command 'stop' is permitted only after machine "
                 "initialization has completed")
    msgs = replies_until_return(v.qmp, "x-exit-preconfig")
    assert msgs == [("event", "MACHINE_PHASE_CHANGE", {"phase": "ready"}),
                    ("event", "RESUME", None),
                    ("reply", {"return": {}})]
    expect_error(v.qmp, "x-exit-preconfig", "GenericError",
                 "The command is permitted only before machine "
                 "initialization")
    expect_error(v.qmp, "x-machine-init", "GenericError",
                 "The command is permitted only before machine "
                 "initialization")


def test_x_exit_preconfig_from_accel_created(vm):
    v = vm(*BASE, "-preconfig")
    msgs = replies_until_return(v.qmp, "x-exit-preconfig")
    assert [m[1:] for m in msgs[:-1]] == [
        ("MACHINE_PHASE_CHANGE", {"phase": "initialized"}),
        ("MACHINE_PHASE_CHANGE", {"phase": "ready"}),
        ("RESUME", None)]
    assert v.qmp.command("query-status")["status"] == "running"
    # now the ready-only commands work
    v.qmp.command("stop")
    assert v.qmp.command("query-status")["status"] == "paused"


def test_x_exit_preconfig_with_S(vm):
    v = vm(*BASE, "-preconfig", "-S")
    msgs = replies_until_return(v.qmp, "x-exit-preconfig")
    assert "RESUME" not in [m[1] for m in msgs if m[0] == "event"]
    assert v.qmp.command("query-status")["status"] == "prelaunch"
    msgs = replies_until_return(v.qmp, "cont")
    assert msgs == [("event", "RESUME", None), ("reply", {"return": {}})]
    assert v.qmp.command("query-status")["status"] == "running"


def test_x_exit_preconfig_without_preconfig(vm):
    v = vm(*BASE)
    expect_error(v.qmp, "x-exit-preconfig", "GenericError",
                 "The command is permitted only before machine "
                 "initialization")


def test_machine_props_settable_in_preconfig(vm):
    v = vm(*BASE, "-preconfig")
    v.qmp.command("qom-set", path="/machine", property="memory",
                  value={"size": 65536})
    v.qmp.command("x-exit-preconfig")
    assert v.qmp.command("qom-get", path="/machine",
                         property="memory") == {"size": 65536}


def test_stepper_commands_in_schema(vm):
    v = vm(*BASE, "-preconfig")
    schema = v.qmp.command("query-qmp-schema")
    cmds = {e["name"]: e for e in schema if e["meta-type"] == "command"}
    for name in ("next-machine-phase", "advance-machine-phase",
                 "x-machine-init", "x-exit-preconfig"):
        assert cmds[name].get("features") == ["unstable"], name
    events = {e["name"]: e for e in schema if e["meta-type"] == "event"}
    assert events["MACHINE_PHASE_CHANGE"]["features"] == ["unstable"]


def test_quit_in_preconfig(vm):
    v = vm(*BASE, "-preconfig")
    msgs = replies_until_return(v.qmp, "quit")
    assert msgs == [("event", "SHUTDOWN",
                     {"guest": False, "reason": "host-qmp-quit"}),
                    ("reply", {"return": {}})]
    status, out, err = v.wait()
    assert status == 0
