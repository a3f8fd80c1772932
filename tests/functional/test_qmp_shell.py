# SPDX-License-Identifier: GPL-2.0-or-later
"""scripts/qmp/qmp-shell: the exact request bytes it sends (checked on a
fake QMP server listening on a real unix socket), its script mode (comments,
exit status, --keep-going), -N, -v, -p, transactions, value typing, --wait,
and a full -M none -preconfig session against the real binary."""

import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading

import pytest

from conftest import SRCDIR

SHELL = os.path.join(SRCDIR, "scripts", "qmp", "qmp-shell")
GREETING = {"QMP": {"version": {"qemu": {"micro": 0, "minor": 2,
                                         "major": 7},
                                "package": ""},
                    "capabilities": ["oob"]}}
COMMANDS = ["qmp_capabilities", "query-commands", "device_add", "quit"]


class FakeQMP:
    """A one-connection QMP server: records every request's raw bytes
    and answers through @handler(request dict) -> reply dict or None
    (None: the default reply).  It hangs up after answering "quit", and
    without answering "hang-up"."""

    def __init__(self, path, greeting=GREETING, handler=None):
        self.path = path
        self.greeting = greeting
        self.handler = handler or (lambda req: None)
        self.requests = []
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.bind(path)
        self.sock.listen(1)
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _send(self, conn, obj):
        conn.sendall(json.dumps(obj).encode() + b"\r\n")

    def _serve(self):
        conn, _ = self.sock.accept()
        with conn:
            self._send(conn, self.greeting)
            dec = json.JSONDecoder()
            buf = ""
            while True:
                data = conn.recv(65536)
                if not data:
                    return
                buf += data.decode()
                while buf.strip():
                    lead = len(buf) - len(buf.lstrip())
                    try:
                        obj, end = dec.raw_decode(buf, lead)
                    except ValueError:
                        break
                    raw, buf = buf[lead:end], buf[end:]
                    self.requests.append(raw)
                    reply = self.reply(obj)
                    if reply is None:
                        return
                    self._send(conn, reply)
                    if obj.get("execute") == "quit":
                        return

    def reply(self, req):
        name = req.get("execute")
        custom = self.handler(req)
        if custom is not None:
            reply = custom
        elif name == "query-commands":
            reply = {"return": [{"name": n} for n in COMMANDS]}
        elif name == "hang-up":
            return None
        else:
            reply = {"return": {}}
        if "id" in req:
            reply = dict(reply, id=req["id"])
        return reply

    def close(self):
        self.sock.close()
        self.thread.join(5)
        if os.path.exists(self.path):
            os.unlink(self.path)


@pytest.fixture
def sockdir():
    d = tempfile.mkdtemp(prefix="qsh")
    yield d
    shutil.rmtree(d, ignore_errors=True)


def run_shell(args, stdin, timeout=30):
    return subprocess.run([sys.executable, SHELL, *args], input=stdin,
                          capture_output=True, text=True, timeout=timeout)


def session(sockdir, script, args=(), greeting=GREETING, handler=None):
    path = os.path.join(sockdir, "qmp.sock")
    srv = FakeQMP(path, greeting, handler)
    try:
        res = run_shell([*args, path], script)
    finally:
        srv.close()
    return res, srv.requests


NEGOTIATE = ['{"execute":"qmp_capabilities","arguments":{"enable":["oob"]}}',
             '{"execute":"query-commands","id":"__qmp#00000"}']

SEED_SCRIPT = """\
# Assemble a tiny machine (the seed's script)
device_add driver=sysbus-memory id=rom size=0x4000 readonly=true
x-sysbus-mmio-map device=rom addr=32768

   # an indented comment, then blank lines

qom-set path=uart property=sysbus-irq[1] value=plic/unnamed-gpio-in[2]
x-exit-preconfig
"""

SEED_BYTES = [
    '{"execute":"device_add","arguments":{"driver":"sysbus-memory",'
    '"id":"rom","size":"0x4000","readonly":true}}',
    '{"execute":"x-sysbus-mmio-map","arguments":{"device":"rom",'
    '"addr":32768}}',
    '{"execute":"qom-set","arguments":{"path":"uart",'
    '"property":"sysbus-irq[1]","value":"plic/unnamed-gpio-in[2]"}}',
    '{"execute":"x-exit-preconfig","arguments":{}}',
]


def test_seed_script_exact_bytes(sockdir):
    res, reqs = session(sockdir, SEED_SCRIPT)
    assert res.returncode == 0, res.stderr
    assert reqs == NEGOTIATE + SEED_BYTES
    assert res.stdout == '{"return": {}}\n' * 4
    assert res.stderr == ""


def test_greeting_without_oob_negotiates_with_empty_arguments(sockdir):
    greeting = {"QMP": {"version": GREETING["QMP"]["version"],
                        "capabilities": []}}
    res, reqs = session(sockdir, "quit\n", greeting=greeting)
    assert res.returncode == 0, res.stderr
    assert reqs == ['{"execute":"qmp_capabilities","arguments":{}}',
                    NEGOTIATE[1], '{"execute":"quit","arguments":{}}']


def test_skip_negotiation(sockdir):
    res, reqs = session(sockdir, "guest-ping\n", args=["-N"])
    assert res.returncode == 0, res.stderr
    assert reqs == [NEGOTIATE[1],
                    '{"execute":"guest-ping","arguments":{}}']


def fail_on(name, desc="Device 'uart' not found", cls="DeviceNotFound"):
    def handler(req):
        if req.get("execute") == name:
            return {"error": {"class": cls, "desc": desc}}
        return None
    return handler


def test_error_reply_stops_script_with_status_1(sockdir):
    res, reqs = session(sockdir, SEED_SCRIPT, handler=fail_on("qom-set"))
    assert res.returncode == 1
    assert reqs == NEGOTIATE + SEED_BYTES[:3]
    assert res.stdout.splitlines() == [
        '{"return": {}}', '{"return": {}}',
        '{"error": {"class": "DeviceNotFound", '
        '"desc": "Device \'uart\' not found"}}']
    assert "line 7 failed: qom-set" in res.stderr


def test_keep_going(sockdir):
    for opt in ("--keep-going", "-k"):
        res, reqs = session(sockdir, SEED_SCRIPT, args=[opt],
                            handler=fail_on("x-sysbus-mmio-map"))
        assert res.returncode == 1
        assert reqs == NEGOTIATE + SEED_BYTES
        assert len(res.stdout.splitlines()) == 4


def test_keep_going_without_errors_exits_0(sockdir):
    res, reqs = session(sockdir, SEED_SCRIPT, args=["--keep-going"])
    assert res.returncode == 0
    assert reqs == NEGOTIATE + SEED_BYTES


def test_value_typing(sockdir):
    script = ("cmd a=16384 b=-5 c=+5 d=0x4000 e=True f=FALSE g=null "
              "h=None i=010 j={\"x\":[1,2]} k=[1,true] l={'y':true,'z':null} "
              "m=\"a b\" n= o=1.5\n")
    res, reqs = session(sockdir, script)
    assert res.returncode == 0, res.stderr
    args = json.loads(reqs[2])["arguments"]
    assert args == {"a": 16384, "b": -5, "c": 5, "d": "0x4000", "e": True,
                    "f": False, "g": "null", "h": "None", "i": 10,
                    "j": {"x": [1, 2]}, "k": [1, True],
                    "l": {"y": True, "z": None}, "m": '"a b"', "n": "",
                    "o": "1.5"}


def test_dotted_keys_nest(sockdir):
    res, reqs = session(sockdir, "chardev-add id=c0 backend.type=null "
                        "backend.data.x=1\n")
    assert res.returncode == 0, res.stderr
    assert reqs[2] == ('{"execute":"chardev-add","arguments":{"id":"c0",'
                       '"backend":{"type":"null","data":{"x":1}}}}')


@pytest.mark.parametrize("line,msg", [
    ("cmd a=1 b", "Expected a key=value pair, got 'b'"),
    ("cmd k={\"a\": 1}", "Expected a key=value pair, got '1}'"),
    ("cmd a=1 a.b=2", 'Cannot use "a" as both leaf and non-leaf key'),
    ("cmd a=1 a=2", 'Cannot set "a" multiple times'),
])
def test_parse_errors(sockdir, line, msg):
    res, reqs = session(sockdir, line + "\nquery-status\n")
    assert res.returncode == 1
    assert reqs == NEGOTIATE
    assert res.stderr.splitlines()[:2] == [
        "Error while parsing command line: " + msg,
        "command format: <command-name> [arg-name1=arg1] ... "
        "[arg-nameN=argN"]
    res, reqs = session(sockdir, line + "\nquery-status\n", args=["-k"])
    assert res.returncode == 1
    assert reqs == NEGOTIATE + ['{"execute":"query-status","arguments":{}}']


def test_transactions(sockdir):
    script = ("transaction(\n"
              "block-dirty-bitmap-add node=drive0 name=bitmap1\n"
              "# a comment inside\n"
              "block-dirty-bitmap-clear node=drive0 name=bitmap0\n"
              ")\n"
              "transaction( abort )\n")
    res, reqs = session(sockdir, script)
    assert res.returncode == 0, res.stderr
    assert reqs[2:] == [
        '{"execute":"transaction","arguments":{"actions":['
        '{"type":"block-dirty-bitmap-add","data":{"node":"drive0",'
        '"name":"bitmap1"}},'
        '{"type":"block-dirty-bitmap-clear","data":{"node":"drive0",'
        '"name":"bitmap0"}}]}}',
        '{"execute":"transaction","arguments":{"actions":['
        '{"type":"abort","data":{}}]}}']


def test_unterminated_transaction_fails(sockdir):
    res, reqs = session(sockdir, "transaction(\nabort\n")
    assert res.returncode == 1
    assert reqs == NEGOTIATE
    assert "end of input inside a transaction" in res.stderr


def test_text_after_transaction_close(sockdir):
    res, reqs = session(sockdir, "transaction(\n) x=1\n")
    assert res.returncode == 1
    assert reqs == NEGOTIATE
    assert ("Unexpected input after close of Transaction sub-shell"
            in res.stderr)


def test_raw_json_line(sockdir):
    res, reqs = session(sockdir, '{ "execute": "query-status", "id": 7 }\n')
    assert res.returncode == 0, res.stderr
    assert reqs[2] == '{"execute":"query-status","id":7}'
    assert res.stdout == '{"return": {}, "id": 7}\n'


def test_verbose_and_pretty(sockdir):
    res, reqs = session(sockdir, "cmd b=1 a=x\n", args=["-v"])
    assert res.returncode == 0
    assert res.stdout == ('{"execute": "cmd", "arguments": {"b": 1, '
                          '"a": "x"}}\n{"return": {}}\n')
    res, reqs = session(sockdir, "cmd b=1 a=x\n", args=["-v", "-p"])
    assert res.stdout == ('{\n    "arguments": {\n        "a": "x",\n'
                          '        "b": 1\n    },\n    "execute": "cmd"\n'
                          '}\n{\n    "return": {}\n}\n')


def test_logfile(sockdir):
    log = os.path.join(sockdir, "log")
    res, reqs = session(sockdir, "cmd a=1\n", args=["-l", log])
    assert res.returncode == 0
    with open(log) as f:
        assert f.read() == ('{"execute": "cmd", "arguments": {"a": 1}, '
                            '"return": {}}\n')


def test_disconnect_is_an_error(sockdir):
    res, reqs = session(sockdir, "hang-up\nquery-status\n")
    assert res.returncode == 1
    assert res.stdout == "Disconnected\n"
    assert reqs == NEGOTIATE + ['{"execute":"hang-up","arguments":{}}']
    res, reqs = session(sockdir, "quit\nquery-status\n")
    assert res.returncode == 1
    assert res.stdout == '{"return": {}}\nDisconnected\n'


def test_query_commands_error_is_tolerated(sockdir):
    res, reqs = session(sockdir, "x\n", handler=fail_on(
        "query-commands", "The command query-commands has not been found",
        "CommandNotFound"))
    assert res.returncode == 0
    assert reqs == NEGOTIATE + ['{"execute":"x","arguments":{}}']


def test_bad_greeting(sockdir):
    res, reqs = session(sockdir, "x\n", greeting={"hello": 1})
    assert res.returncode == 1
    assert res.stderr == "ERROR: Did not understand Greeting\n"


def test_connect_errors(sockdir):
    path = os.path.join(sockdir, "nonexistent")
    res = run_shell([path], "")
    assert res.returncode == 1
    assert res.stderr == ("ERROR: Couldn't connect to %s: [Errno 2] No such "
                          "file or directory\n" % path)
    res = run_shell(["localhost:port"], "")
    assert res.returncode == 2
    assert "qmp-shell: error: Bad port number: localhost:port" in res.stderr
    env = dict(os.environ)
    env.pop("QMP_SOCKET", None)
    res = subprocess.run([sys.executable, SHELL], input="", env=env,
                         capture_output=True, text=True, timeout=30)
    assert res.returncode == 2
    assert ("error: QMP socket or TCP address must be specified"
            in res.stderr)


def test_wait_for_the_socket(sockdir):
    """The shell starts first; the server appears once the shell says it
    is waiting."""
    path = os.path.join(sockdir, "late.sock")
    proc = subprocess.Popen([sys.executable, SHELL, "--wait", "20", path],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    try:
        assert proc.stderr.readline() == "qmp-shell: waiting for %s\n" % path
        srv = FakeQMP(path)
        out, err = proc.communicate("query-status\n", timeout=30)
        srv.close()
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    assert proc.returncode == 0, err
    assert out == '{"return": {}}\n'
    assert srv.requests == NEGOTIATE + [
        '{"execute":"query-status","arguments":{}}']


def test_tcp_address(sockdir):
    lsock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    lsock.bind(("127.0.0.1", 0))
    lsock.listen(1)
    port = lsock.getsockname()[1]
    got = []

    def serve():
        conn, _ = lsock.accept()
        with conn:
            conn.sendall(json.dumps(GREETING).encode() + b"\r\n")
            f = conn.makefile("rb")
            buf = b""
            # three requests; each answered in turn
            for reply in ({"return": {}}, {"return": [], "id": "__qmp#00000"},
                          {"return": {"status": "running"}}):
                while True:
                    try:
                        obj, end = json.JSONDecoder().raw_decode(
                            buf.decode())
                        break
                    except ValueError:
                        buf += conn.recv(4096)
                got.append(buf[:end].decode())
                buf = buf[end:]
                conn.sendall(json.dumps(reply).encode() + b"\r\n")
            f.close()

    t = threading.Thread(target=serve, daemon=True)
    t.start()
    res = run_shell(["127.0.0.1:%d" % port], "query-status\n")
    t.join(10)
    lsock.close()
    assert res.returncode == 0, res.stderr
    assert got == NEGOTIATE + ['{"execute":"query-status","arguments":{}}']
    assert res.stdout == '{"return": {"status": "running"}}\n'


# -- against the real binary ------------------------------------------------

def has_device_commands(v):
    names = {c["name"] for c in v.qmp.command("query-commands")}
    if not {"device_add", "x-sysbus-mmio-map"} <= names:
        return False
    types = {t["name"] for t in v.qmp.command("qom-list-types")}
    return "sysbus-memory" in types


def test_real_preconfig_session(vm):
    v = vm("-M", "none", "-preconfig", "-display", "none", negotiate=False)
    v.qmp.close()
    script = ("# phase stepping through qmp-shell\n"
              "query-machine-phase\n"
              "x-exit-preconfig\n"
              "query-machine-phase\n"
              "quit\n")
    res = run_shell([v.qmp_path], script)
    assert res.returncode == 0, res.stderr
    assert res.stdout.splitlines() == [
        '{"return": {"phase": "accel-created"}}',
        '{"return": {}}',
        '{"return": {"phase": "ready"}}',
        '{"return": {}}']
    status, out, err = v.wait()
    assert status == 0


def test_real_error_reply_exit_status(vm):
    v = vm("-M", "none", "-preconfig", "-display", "none", negotiate=False)
    v.qmp.close()
    res = run_shell([v.qmp_path], "query-machine-phase\nstop\nquit\n")
    assert res.returncode == 1
    lines = res.stdout.splitlines()
    assert lines[0] == '{"return": {"phase": "accel-created"}}'
    assert json.loads(lines[1])["error"]["class"] == "GenericError"
    assert len(lines) == 2


def test_real_seed_assembly(vm, qemu):
    v = vm("-M", "none", "-preconfig", "-display", "none")
    if not has_device_commands(v):
        pytest.skip("device_add/sysbus-memory not in this binary yet")
    v.qmp.close()
    script = ("# a ROM at 0x8000, as in the seed\n"
              "device_add driver=sysbus-memory id=rom size=0x4000 "
              "readonly=true\n"
              "x-sysbus-mmio-map device=rom addr=32768\n"
              "x-exit-preconfig\n"
              "qom-get path=rom property=size\n"
              "query-machine-phase\n"
              "quit\n")
    res = run_shell([v.qmp_path], script)
    assert res.returncode == 0, res.stdout + res.stderr
    assert res.stdout.splitlines() == [
        '{"return": {}}', '{"return": {}}', '{"return": {}}',
        '{"return": 16384}', '{"return": {"phase": "ready"}}',
        '{"return": {}}']
    assert v.wait()[0] == 0
