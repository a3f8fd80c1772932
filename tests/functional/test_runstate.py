# SPDX-License-Identifier: GPL-2.0-or-later
"""Run state: query-status, stop/cont/system_reset/system_powerdown/quit,
their events and the order of events and replies, SIGTERM."""

import os
import signal

from test_phases import BASE, replies_until_return


def status(q):
    return q.command("query-status")


def test_query_status_running(vm):
    v = vm(*BASE)
    v.qmp.send({"execute": "query-status"})
    raw = v.qmp.recv_raw()
    # member order is QEMU's
    assert raw == (b'{"return": {"status": "running", "singlestep": false, '
                   b'"running": true}}\r\n')


def test_query_status_with_S(vm):
    v = vm(*BASE, "-S")
    assert status(v.qmp) == {"status": "prelaunch", "singlestep": False,
                             "running": False}
    # stop while not running: nothing happens, no event
    assert replies_until_return(v.qmp, "stop") == [
        ("reply", {"return": {}})]
    assert status(v.qmp)["status"] == "prelaunch"
    assert replies_until_return(v.qmp, "cont") == [
        ("event", "RESUME", None), ("reply", {"return": {}})]
    assert status(v.qmp) == {"status": "running", "singlestep": False,
                             "running": True}


def test_stop_cont_events_precede_replies(vm):
    v = vm(*BASE)
    assert replies_until_return(v.qmp, "stop") == [
        ("event", "STOP", None), ("reply", {"return": {}})]
    assert status(v.qmp)["status"] == "paused"
    # already stopped: no event
    assert replies_until_return(v.qmp, "stop") == [
        ("reply", {"return": {}})]
    assert replies_until_return(v.qmp, "cont") == [
        ("event", "RESUME", None), ("reply", {"return": {}})]
    # already running: no event
    assert replies_until_return(v.qmp, "cont") == [
        ("reply", {"return": {}})]
    assert status(v.qmp)["running"] is True


def test_event_shape(vm):
    v = vm(*BASE)
    v.qmp.send({"execute": "stop"})
    raw = v.qmp.recv_raw()
    assert raw.startswith(b'{"timestamp": {"seconds": ')
    assert raw.endswith(b'}, "event": "STOP"}\r\n')
    assert v.qmp.recv() == {"return": {}}


def test_system_reset(vm):
    v = vm(*BASE)
    assert replies_until_return(v.qmp, "system_reset") == [
        ("event", "RESET", {"guest": False,
                            "reason": "host-qmp-system-reset"}),
        ("reply", {"return": {}})]
    assert status(v.qmp)["status"] == "running"


def test_system_reset_while_paused_goes_to_prelaunch(vm):
    v = vm(*BASE)
    v.qmp.command("stop")
    v.qmp.command("system_reset")
    assert status(v.qmp)["status"] == "prelaunch"
    v.qmp.command("cont")
    assert status(v.qmp)["status"] == "running"


def test_system_powerdown(vm):
    v = vm(*BASE)
    assert replies_until_return(v.qmp, "system_powerdown") == [
        ("event", "POWERDOWN", None), ("reply", {"return": {}})]
    assert status(v.qmp)["status"] == "running"


def test_quit(vm):
    v = vm(*BASE)
    assert replies_until_return(v.qmp, "quit") == [
        ("event", "SHUTDOWN", {"guest": False, "reason": "host-qmp-quit"}),
        ("reply", {"return": {}})]
    try:
        assert v.qmp.recv() is None     # EOF
    except ConnectionResetError:
        pass
    code, out, err = v.wait()
    assert code == 0
    assert err == ""


def test_quit_with_id(vm):
    v = vm(*BASE)
    msgs = []
    v.qmp.send({"execute": "quit", "id": "q"})
    while len(msgs) < 2:
        msgs.append(v.qmp.recv())
    assert msgs[0]["event"] == "SHUTDOWN"
    assert msgs[1] == {"return": {}, "id": "q"}
    v.qmp.close()
    assert v.wait()[0] == 0


def test_sigterm_sends_shutdown(vm):
    v = vm(*BASE)
    v.proc.send_signal(signal.SIGTERM)
    ev = v.qmp.wait_event("SHUTDOWN")
    assert ev["data"] == {"guest": False, "reason": "host-signal"}
    code, out, err = v.wait()
    assert code == 0
    assert err.startswith("qemu-system-riscv32: terminating on signal 15 "
                          "from pid %d (" % os.getpid())


def test_sigterm_in_preconfig(vm):
    v = vm(*BASE, "-preconfig")
    v.proc.send_signal(signal.SIGTERM)
    ev = v.qmp.wait_event("SHUTDOWN")
    assert ev["data"]["reason"] == "host-signal"
    assert v.wait()[0] == 0


def test_cont_in_preconfig_refused(vm):
    v = vm(*BASE, "-preconfig", "-S")
    assert replies_until_return(v.qmp, "cont") == [
        ("reply", {"error": {
            "class": "GenericError",
            "desc": "The command 'cont' is permitted only after machine "
                    "initialization has completed"}})]
