# SPDX-License-Identifier: GPL-2.0-or-later
"""The QMP wire protocol: greeting, negotiation, framing, errors, events,
reconnection, pretty output.  Byte-exact where QEMU's output is known."""

import json
import os
import socket
import sys
import tempfile

import pytest

from qmp import QMP

SRCDIR = os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__))))
with open(os.path.join(SRCDIR, "VERSION")) as f:
    PACKAGE = "qemu-rv32 " + f.read().strip()

GREETING = ('{"QMP": {"version": {"qemu": {"micro": 0, "minor": 2, '
            '"major": 7}, "package": "%s"}, "capabilities": ["oob"]}}\r\n'
            % PACKAGE).encode()
NEGOTIATE_FIRST = ("Expecting capabilities negotiation with "
                   "'qmp_capabilities'")


def extra_qmp(vm_factory, *names, pretty=False, args=()):
    """Start a VM with extra -qmp sockets in a directory of our own."""
    d = tempfile.mkdtemp(prefix="qmx")
    extra = []
    for n in names:
        extra += ["-qmp-pretty" if pretty else "-qmp",
                  "unix:%s/%s,server=on,wait=off" % (d, n)]
    v = vm_factory("-M", "none", *extra, *args)
    return v, [os.path.join(d, n) for n in names]


def drain_until_id(q, ident):
    """Read replies until the one with @ident; return the ones before."""
    before = []
    while True:
        msg = q.recv()
        assert msg is not None, "EOF before reply %r" % ident
        if msg.get("id") == ident:
            return before, msg
        before.append(msg)


def check_alive(q):
    """The monitor still answers after an error."""
    assert q.cmd("query-version", id="alive") == {
        "return": {"qemu": {"micro": 0, "minor": 2, "major": 7},
                   "package": PACKAGE}, "id": "alive"}


# Greeting and negotiation

def test_greeting_bytes(vm):
    v = vm("-M", "none", negotiate=False)
    # the fixture's client parsed the greeting; a fresh connection gives
    # the raw bytes
    v.qmp.close()
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    s.settimeout(20)
    s.connect(v.qmp_path)
    data = b""
    while not data.endswith(b"\r\n"):
        chunk = s.recv(4096)
        assert chunk
        data += chunk
    assert data == GREETING
    s.close()


def test_greeting_content(vm):
    v = vm("-M", "none", negotiate=False)
    assert v.qmp.greeting == json.loads(GREETING)


def test_negotiation_required(vm):
    v = vm("-M", "none", negotiate=False)
    q = v.qmp
    q.send({"execute": "query-version"})
    assert q.recv_raw() == (
        b'{"error": {"class": "CommandNotFound", "desc": "Expecting '
        b'capabilities negotiation with \'qmp_capabilities\'"}}\r\n')
    q.send({"execute": "nosuch", "id": 8})
    assert q.recv_raw() == (
        b'{"id": 8, "error": {"class": "CommandNotFound", "desc": '
        b'"Expecting capabilities negotiation with \'qmp_capabilities\'"}}'
        b'\r\n')
    r = q.cmd("qmp_capabilities", {"enable": ["foo"]}, id=1)
    assert r == {"id": 1, "error": {
        "class": "GenericError",
        "desc": "Parameter 'null' does not accept value 'foo'"}}
    # still not negotiated
    r = q.cmd("query-version")
    assert r["error"]["desc"] == NEGOTIATE_FIRST
    q.send({"execute": "qmp_capabilities", "arguments": {"enable": ["oob"]},
            "id": 2})
    assert q.recv_raw() == b'{"return": {}, "id": 2}\r\n'
    r = q.cmd("qmp_capabilities", id=2)
    assert r == {"id": 2, "error": {
        "class": "CommandNotFound",
        "desc": "Capabilities negotiation is already complete, command "
                "ignored"}}
    check_alive(q)


@pytest.mark.parametrize("args", [None, {}, {"enable": []}])
def test_negotiation_forms(vm, args):
    v = vm("-M", "none", negotiate=False)
    assert v.qmp.cmd("qmp_capabilities", args) == {"return": {}}
    check_alive(v.qmp)


def test_malformed_before_negotiation(vm):
    v = vm("-M", "none", negotiate=False)
    v.qmp.send_raw(b"garbage\n")
    r = v.qmp.recv()
    assert r == {"error": {"class": "GenericError",
                           "desc": "JSON parse error, invalid keyword "
                                   "'garbage'"}}
    v.qmp.send_raw(b"[1]")
    assert v.qmp.recv()["error"]["desc"] == "QMP input must be a JSON object"


def test_oob(vm):
    v = vm("-M", "none", negotiate=False)
    q = v.qmp
    # exec-oob is unknown before oob is enabled
    r = q.cmd("qmp_capabilities")
    assert r == {"return": {}}
    q.send({"exec-oob": "query-version", "id": 9})
    assert q.recv() == {"id": 9, "error": {
        "class": "GenericError",
        "desc": "QMP input member 'exec-oob' is unexpected"}}
    q.close()
    q = QMP(v.qmp_path)
    q.negotiate(enable=["oob"])
    q.send({"exec-oob": "query-version", "id": 10})
    assert q.recv() == {"id": 10, "error": {
        "class": "GenericError",
        "desc": "The command query-version does not support OOB"}}
    check_alive(q)
    q.close()


# Commands and ids

def test_query_version(vm):
    v = vm("-M", "none")
    v.qmp.send({"execute": "query-version", "id": 1})
    assert v.qmp.recv_raw() == (
        '{"return": {"qemu": {"micro": 0, "minor": 2, "major": 7}, '
        '"package": "%s"}, "id": 1}\r\n' % PACKAGE).encode()


def test_query_commands(vm):
    v = vm("-M", "none")
    names = [c["name"] for c in v.qmp.command("query-commands")]
    for n in ("qmp_capabilities", "query-version", "query-commands",
              "human-monitor-command", "query-qmp-schema"):
        assert n in names
    assert len(names) == len(set(names))


def test_empty_arguments(vm):
    v = vm("-M", "none")
    assert v.qmp.cmd("query-version", {})["return"]["package"] == PACKAGE


@pytest.mark.parametrize("ident", [
    "s", "", 0, -1, 1.5, 9007199254740993, None, True, False, {},
    {"x": [1, 2]}, [], [1, [2, [3]]], "\u00e9\u4e2d\n\"",
])
def test_id_echo(vm, ident):
    v = vm("-M", "none")
    v.qmp.send({"execute": "query-version", "id": ident})
    r = v.qmp.recv()
    assert list(r) == ["return", "id"]
    assert r["id"] == ident
    v.qmp.send({"execute": "nosuch", "id": ident})
    r = v.qmp.recv()
    assert list(r) == ["id", "error"]
    assert r["id"] == ident


def test_id_deeply_nested(vm):
    v = vm("-M", "none")
    ident = 1
    for _ in range(300):
        ident = [ident]
    v.qmp.send({"execute": "query-version", "id": ident})
    assert v.qmp.recv()["id"] == ident


def test_id_without_execute(vm):
    v = vm("-M", "none")
    v.qmp.send_raw(b'{"id": 5}')
    assert v.qmp.recv_raw() == (
        b'{"id": 5, "error": {"class": "GenericError", "desc": "QMP input '
        b'lacks member \'execute\'"}}\r\n')


# Errors

ERRORS = [
    (b'{"execute":"nosuch","id":3}',
     {"id": 3, "error": {"class": "CommandNotFound",
                         "desc": "The command nosuch has not been found"}}),
    (b'{"execute":"human-monitor-command"}',
     {"error": {"class": "GenericError",
                "desc": "Parameter 'command-line' is missing"}}),
    (b'{"execute":"human-monitor-command","arguments":{"command-line":5}}',
     {"error": {"class": "GenericError",
                "desc": "Invalid parameter type for 'command-line', "
                        "expected: string"}}),
    (b'{"execute":"human-monitor-command","arguments":'
     b'{"command-line":"help","cpu-index":"x"}}',
     {"error": {"class": "GenericError",
                "desc": "Invalid parameter type for 'cpu-index', "
                        "expected: integer"}}),
    (b'{"execute":"query-version","arguments":{"bogus":1}}',
     {"error": {"class": "GenericError",
                "desc": "Parameter 'bogus' is unexpected"}}),
    (b'{"execute":"query-version","exec":1}',
     {"error": {"class": "GenericError",
                "desc": "QMP input member 'exec' is unexpected"}}),
    (b'{"execute":"query-version","control":{"run-oob":true}}',
     {"error": {"class": "GenericError",
                "desc": "QMP input member 'control' is unexpected"}}),
    (b'{"execute":1}',
     {"error": {"class": "GenericError",
                "desc": "QMP input member 'execute' must be a string"}}),
    (b'{"execute":"query-version","arguments":[]}',
     {"error": {"class": "GenericError",
                "desc": "QMP input member 'arguments' must be an object"}}),
    (b'{"arguments":{}}',
     {"error": {"class": "GenericError",
                "desc": "QMP input lacks member 'execute'"}}),
    (b'[1,2]', {"error": {"class": "GenericError",
                          "desc": "QMP input must be a JSON object"}}),
    (b'42', {"error": {"class": "GenericError",
                       "desc": "QMP input must be a JSON object"}}),
    (b'"str"', {"error": {"class": "GenericError",
                          "desc": "QMP input must be a JSON object"}}),
    (b'null', {"error": {"class": "GenericError",
                         "desc": "QMP input must be a JSON object"}}),
    (b'garbage', {"error": {"class": "GenericError",
                            "desc": "JSON parse error, invalid keyword "
                                    "'garbage'"}}),
    (b'}', {"error": {"class": "GenericError",
                      "desc": "JSON parse error, expecting value"}}),
    (b'{"a":1,}', {"error": {"class": "GenericError",
                             "desc": "JSON parse error, expecting value"}}),
    (b'{"execute":"x" {"id":1}}',
     {"error": {"class": "GenericError",
                "desc": "JSON parse error, expected separator in dict"}}),
    (b'@', {"error": {"class": "GenericError",
                      "desc": "JSON parse error, stray '@'"}}),
    (b'{"execute":"query-version","execute":"query-version"}',
     {"error": {"class": "GenericError",
                "desc": "JSON parse error, duplicate key"}}),
]


@pytest.mark.parametrize("data,expected", ERRORS,
                         ids=[e[0][:40].decode() for e in ERRORS])
def test_error(vm, data, expected):
    v = vm("-M", "none")
    # a keyword or number ends only where the next token starts
    v.qmp.send_raw(data + b"\n")
    r = v.qmp.recv()
    assert r == expected
    check_alive(v.qmp)


def test_error_bytes(vm):
    v = vm("-M", "none")
    v.qmp.send_raw(b'{"execute":"nosuch","id":3}')
    assert v.qmp.recv_raw() == (
        b'{"id": 3, "error": {"class": "CommandNotFound", "desc": '
        b'"The command nosuch has not been found"}}\r\n')


def test_nesting_limit(vm):
    v = vm("-M", "none")
    v.qmp.send_raw(b"[" * 1025 + b"]" * 1025)
    r = v.qmp.recv()
    assert r == {"error": {"class": "GenericError",
                           "desc": "JSON nesting depth limit exceeded"}}
    v.qmp.send({"execute": "query-version", "id": "sync"})
    before, reply = drain_until_id(v.qmp, "sync")
    for m in before:
        assert m["error"]["class"] == "GenericError"
    assert "return" in reply


def test_nesting_1024_ok(vm):
    v = vm("-M", "none")
    depth = 1023        # plus the request object itself: 1024
    ident = b"[" * depth + b"1" + b"]" * depth
    v.qmp.send_raw(b'{"execute":"query-version","id":' + ident + b'}')
    old = sys.getrecursionlimit()
    sys.setrecursionlimit(20000)
    try:
        raw = v.qmp.recv_raw()
    finally:
        sys.setrecursionlimit(old)
    assert raw.endswith(b', "id": ' + b"[" * depth + b"1" + b"]" * depth +
                        b"}\r\n")


def test_invalid_utf8(vm):
    v = vm("-M", "none")
    v.qmp.send_raw(b'{"execute":"query-version","id":"\xff\xfe"}')
    r = v.qmp.recv()
    assert r["error"]["class"] == "GenericError"
    assert "id" not in r
    v.qmp.send({"execute": "query-version", "id": "sync"})
    before, reply = drain_until_id(v.qmp, "sync")
    assert "return" in reply


def test_megabyte_string(vm):
    v = vm("-M", "none")
    big = "x" * (1024 * 1024)
    v.qmp.send({"execute": "query-version", "id": big})
    assert v.qmp.recv()["id"] == big
    v.qmp.send({"execute": big})
    assert v.qmp.recv()["error"]["desc"] == (
        "The command %s has not been found" % big)
    check_alive(v.qmp)


def test_single_quotes(vm):
    v = vm("-M", "none")
    v.qmp.send_raw(b"{'execute':'query-version','id':'sq'}")
    assert v.qmp.recv()["id"] == "sq"


# Framing

def test_several_per_send(vm):
    v = vm("-M", "none")
    v.qmp.send_raw(b'{"execute":"query-version","id":12} '
                   b'{"execute":"nosuch","id":13}\n\n'
                   b'{"execute":"query-version","id":14}')
    assert v.qmp.recv()["id"] == 12
    assert v.qmp.recv()["id"] == 13
    assert v.qmp.recv()["id"] == 14


def test_fragments(vm):
    v = vm("-M", "none")
    msg = b'{"execute":"query-version","id":99}\n'
    for i in range(len(msg)):
        v.qmp.send_raw(msg[i:i + 1])
    assert v.qmp.recv()["id"] == 99
    v.qmp.send_raw(b'{"execute":"query-st')
    v.qmp.send_raw(b'ring","id":100}')
    assert v.qmp.recv()["id"] == 100


def test_trailing_junk(vm):
    v = vm("-M", "none")
    v.qmp.send_raw(b'{"execute":"query-version","id":1} garbage\n')
    assert v.qmp.recv()["id"] == 1
    assert v.qmp.recv()["error"]["desc"] == (
        "JSON parse error, invalid keyword 'garbage'")


def test_unbalanced_swallows(vm):
    v = vm("-M", "none")
    v.qmp.send_raw(b'{"execute":"query-version" \n'
                   b'{"execute":"query-version","id":7}\n}')
    r = v.qmp.recv()
    assert r == {"error": {"class": "GenericError",
                           "desc": "JSON parse error, expected separator "
                                   "in dict"}}
    check_alive(v.qmp)


# Connections

def test_truncated_then_reconnect(vm):
    v = vm("-M", "none")
    v.qmp.send_raw(b'{"execute": "query-')
    v.qmp.close()
    q = QMP(v.qmp_path)
    assert q.greeting == json.loads(GREETING)
    # negotiation starts afresh; the half message is gone
    r = q.cmd("query-version")
    assert r["error"]["desc"] == NEGOTIATE_FIRST
    q.negotiate()
    check_alive(q)
    assert v.proc.poll() is None
    q.close()


def test_half_close(vm):
    v = vm("-M", "none")
    v.qmp.send({"execute": "query-version", "id": 1})
    v.qmp.sock.shutdown(socket.SHUT_WR)
    assert v.qmp.recv()["id"] == 1
    assert v.qmp.recv() is None
    assert v.proc.poll() is None
    q = QMP(v.qmp_path)
    q.negotiate()
    check_alive(q)
    q.close()


def test_second_client_waits(vm):
    v = vm("-M", "none")
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    s.connect(v.qmp_path)
    s.settimeout(0.5)
    with pytest.raises(socket.timeout):
        s.recv(100)
    check_alive(v.qmp)
    v.qmp.close()
    s.settimeout(20)
    data = b""
    while not data.endswith(b"\r\n"):
        chunk = s.recv(4096)
        assert chunk
        data += chunk
    assert data == GREETING
    s.close()


# Pretty output

PRETTY_GREETING = (
    '{\r\n'
    '    "QMP": {\r\n'
    '        "version": {\r\n'
    '            "qemu": {\r\n'
    '                "micro": 0,\r\n'
    '                "minor": 2,\r\n'
    '                "major": 7\r\n'
    '            },\r\n'
    '            "package": "%s"\r\n'
    '        },\r\n'
    '        "capabilities": [\r\n'
    '            "oob"\r\n'
    '        ]\r\n'
    '    }\r\n'
    '}\r\n' % PACKAGE).encode()


def check_pretty(path):
    q = QMP(path)
    q.close()
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    s.settimeout(20)
    s.connect(path)
    data = b""
    while len(data) < len(PRETTY_GREETING):
        chunk = s.recv(4096)
        assert chunk
        data += chunk
    assert data == PRETTY_GREETING
    s.sendall(b'{"execute":"qmp_capabilities"}'
              b'{"execute":"query-commands","id":[1],"arguments":{"x":1}}'
              b'{"execute":"qmp_capabilities","id":[1]}')
    want = (b'{\r\n    "return": {\r\n    }\r\n}\r\n'
            b'{\r\n    "id": [\r\n        1\r\n    ],\r\n    "error": {\r\n'
            b'        "class": "GenericError",\r\n'
            b'        "desc": "Parameter \'x\' is unexpected"\r\n    }\r\n'
            b'}\r\n'
            b'{\r\n    "id": [\r\n        1\r\n    ],\r\n    "error": {\r\n'
            b'        "class": "CommandNotFound",\r\n'
            b'        "desc": "Capabilities negotiation is already '
            b'complete, command ignored"\r\n    }\r\n}\r\n')
    data = b""
    while len(data) < len(want):
        chunk = s.recv(4096)
        assert chunk
        data += chunk
    assert data == want
    s.close()


def test_qmp_pretty(vm):
    v, (path,) = extra_qmp(vm, "p.sock", pretty=True)
    check_pretty(path)


def test_mon_pretty(vm):
    d = tempfile.mkdtemp(prefix="qmx")
    path = os.path.join(d, "m.sock")
    vm("-M", "none", "-chardev",
       "socket,id=mp,path=%s,server=on,wait=off" % path,
       "-mon", "chardev=mp,mode=control,pretty=on")
    check_pretty(path)


# Events

def has_command(q, name):
    return name in [c["name"] for c in q.command("query-commands")]


def test_events_to_every_negotiated_monitor(vm):
    v, (p2, p3) = extra_qmp(vm, "b.sock", "c.sock")
    if not has_command(v.qmp, "stop"):
        pytest.skip("no stop command yet")
    q2 = QMP(p2)
    q2.negotiate()
    q3 = QMP(p3)        # not negotiated: gets no events
    v.qmp.send({"execute": "stop", "id": "s"})
    ev = v.qmp.recv()
    assert list(ev) == ["timestamp", "event"]
    assert ev["event"] == "STOP"
    assert list(ev["timestamp"]) == ["seconds", "microseconds"]
    assert 0 <= ev["timestamp"]["microseconds"] < 1000000
    assert v.qmp.recv() == {"return": {}, "id": "s"}
    ev2 = q2.wait_event("STOP")
    assert ev2["timestamp"] == ev["timestamp"]
    assert q3.cmd("qmp_capabilities", id="n") == {"return": {}, "id": "n"}
    # events with data
    v.qmp.send({"execute": "system_reset", "id": "r"})
    ev = v.qmp.recv()
    assert list(ev) == ["timestamp", "event", "data"]
    assert ev["event"] == "RESET"
    assert v.qmp.recv()["id"] == "r"
    assert q2.wait_event("RESET")["data"] == ev["data"]
    assert q3.wait_event("RESET")["data"] == ev["data"]
    q2.close()
    q3.close()


def test_event_raw_shape(vm):
    v = vm("-M", "none")
    if not has_command(v.qmp, "stop"):
        pytest.skip("no stop command yet")
    v.qmp.send({"execute": "stop"})
    raw = v.qmp.recv_raw()
    assert raw.startswith(b'{"timestamp": {"seconds": ')
    assert raw.endswith(b'}, "event": "STOP"}\r\n')


def test_quit(vm):
    v = vm("-M", "none")
    v.qmp.send({"execute": "quit", "id": "q"})
    ev = v.qmp.recv()
    assert ev["event"] == "SHUTDOWN"
    assert ev["data"] == {"guest": False, "reason": "host-qmp-quit"}
    assert v.qmp.recv() == {"return": {}, "id": "q"}
    status, out, err = v.wait()
    assert status == 0
    assert not os.path.exists(v.qmp_path)
