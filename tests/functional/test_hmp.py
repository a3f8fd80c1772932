# SPDX-License-Identifier: GPL-2.0-or-later
"""The human monitor: through human-monitor-command, on a socket with the
line editor, and on a mux chardev over stdio."""

import os
import socket
import subprocess
import tempfile

import pytest

from qmp import QMP

SRCDIR = os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__))))
with open(os.path.join(SRCDIR, "VERSION")) as f:
    PACKAGE = "qemu-rv32 " + f.read().strip()

BANNER = b"QEMU 7.2.0 monitor - type 'help' for more information\r\n"
PROMPT = b"(qemu) "


def hmp(v, line):
    return v.qmp.command("human-monitor-command", **{"command-line": line})


def has_command(v, name):
    return name in [c["name"] for c in v.qmp.command("query-commands")]


# human-monitor-command

def test_info_version(vm):
    v = vm("-M", "none")
    assert hmp(v, "info version") == "7.2.0%s\r\n" % PACKAGE


def test_cpu_index(vm):
    """cpu-index selects an existing CPU (qmp-shell -H always sends it)."""
    v = vm("-M", "sifive_e", "-S", "-display", "none", "-serial", "null")
    out = v.qmp.command("human-monitor-command",
                        **{"command-line": "info registers",
                           "cpu-index": 0})
    assert out.startswith("\r\nCPU#0\r\n")
    for bad in (1, -1):
        r = v.qmp.cmd("human-monitor-command",
                      {"command-line": "info version", "cpu-index": bad})
        assert r["error"] == {"class": "GenericError",
                              "desc": "Parameter 'cpu-index' expects a CPU "
                                      "number"}


def test_unknown_command(vm):
    v = vm("-M", "none")
    assert hmp(v, "bogus") == "unknown command: 'bogus'\r\n"
    assert hmp(v, "info bogus") == "unknown command: 'info bogus'\r\n"
    assert hmp(v, "") == ""
    assert hmp(v, "   ") == ""


def test_help(vm):
    v = vm("-M", "none")
    text = hmp(v, "help")
    assert text.endswith("\r\n")
    lines = text[:-2].split("\r\n")
    assert "help|? [cmd] -- show the help" in lines
    assert ("info [subcommand] -- show various information about the "
            "system state") in lines
    # sorted by name; continuation lines start with tabs
    names = [ln.split(" ")[0] for ln in lines if not ln.startswith("\t")]
    assert names == sorted(names)
    for ln in lines:
        assert ln.startswith("\t") or " -- " in ln
    assert hmp(v, "help info").startswith("info chardev  -- show the "
                                          "character devices\r\n")
    assert hmp(v, "help info version") == (
        "info version  -- show the version of QEMU\r\n")
    assert hmp(v, "? help") == "help|? [cmd] -- show the help\r\n"
    assert hmp(v, "help bogus") == "unknown command: 'bogus'\r\n"
    assert hmp(v, "info") == hmp(v, "help info")


def test_help_lists_qmp_backed_commands(vm):
    v = vm("-M", "none")
    text = hmp(v, "help")
    for hmp_name, qmp_name, line in [
            ("quit", "quit", "quit|q  -- quit the emulator"),
            ("stop", "stop", "stop|s  -- stop emulation"),
            ("cont", "cont", "cont|c  -- resume emulation"),
            ("system_reset", "system_reset",
             "system_reset  -- reset the system"),
            ("qom-get", "qom-get",
             "qom-get path property -- print QOM property"),
            ("qom-list", "qom-list", "qom-list path -- list QOM properties"),
            ("qom-set", "qom-set",
             "qom-set [-j] path property value -- set QOM property.\r\n"
             "\t\t\t-j: the value is specified in json format."),
            ("exit_preconfig", "x-exit-preconfig",
             "exit_preconfig  -- exit the preconfig state")]:
        if has_command(v, qmp_name):
            assert line + "\r\n" in text
        else:
            assert hmp(v, hmp_name) == "unknown command: '%s'\r\n" % hmp_name


def test_info_status(vm):
    v = vm("-M", "none")
    if not has_command(v, "query-status"):
        pytest.skip("no query-status yet")
    assert hmp(v, "info status") == "VM status: running\r\n"
    if has_command(v, "stop"):
        assert hmp(v, "stop") == ""
        assert hmp(v, "info status") == "VM status: paused\r\n"
        assert v.qmp.wait_event("STOP")["event"] == "STOP"
        assert hmp(v, "c") == ""
        assert hmp(v, "info status") == "VM status: running\r\n"


def test_info_status_prelaunch(vm):
    v = vm("-M", "none", "-S")
    if not has_command(v, "query-status"):
        pytest.skip("no query-status yet")
    assert hmp(v, "info status") == "VM status: paused (prelaunch)\r\n"


def test_info_misc(vm):
    v = vm("-M", "none")
    assert hmp(v, "info qtree") == "bus: main-system-bus\r\n  type System\r\n"
    assert hmp(v, "info mtree") == (
        "address-space: memory\r\n"
        "  0000000000000000-ffffffffffffffff (prio 0, i/o): system\r\n"
        "\r\n"
        "address-space: I/O\r\n"
        "  0000000000000000-000000000000ffff (prio 0, i/o): io\r\n"
        "\r\n")
    assert hmp(v, "info registers") == "No CPU available\r\n"
    assert hmp(v, "info qom-tree").startswith("/machine (none-machine)\r\n")
    assert hmp(v, "info qom-tree /nonexistent") == (
        "Path '/nonexistent' could not be resolved.\r\n")
    chardevs = hmp(v, "info chardev")
    assert "compat_monitor0: filename=" in chardevs


def test_argument_errors(vm):
    v = vm("-M", "none")
    if not has_command(v, "qom-get"):
        pytest.skip("no qom-get yet")
    assert hmp(v, "qom-get /machine") == (
        "qom-get: string expected\r\n"
        "Try \"help qom-get\" for more information\r\n")
    assert hmp(v, "qom-get /machine type extra") == (
        "qom-get: extraneous characters at the end of line\r\n"
        "Try \"help qom-get\" for more information\r\n")
    assert hmp(v, "info version x") == (
        "version: extraneous characters at the end of line\r\n"
        "Try \"help info version\" for more information\r\n")


def test_qom_commands(vm):
    v = vm("-M", "none")
    if not has_command(v, "qom-get"):
        pytest.skip("no qom commands yet")
    assert hmp(v, "qom-get /machine type") == "\"none-machine\"\r\n"
    assert hmp(v, 'qom-get "/machine" "type"') == "\"none-machine\"\r\n"
    assert hmp(v, "qom-get /nosuch type") == (
        "Error: Device '/nosuch' not found\r\n")
    listing = hmp(v, "qom-list /machine")
    assert "type (string)\r\n" in listing
    assert hmp(v, "qom-set /nosuch x 1") == (
        "Error: Device '/nosuch' not found\r\n")


def test_not_in_preconfig(vm):
    v = vm("-M", "none", "-preconfig")
    if not has_command(v, "stop"):
        pytest.skip("no stop yet")
    r = v.qmp.cmd("human-monitor-command", {"command-line": "help"})
    assert r["error"]["desc"] == (
        "The command 'human-monitor-command' is permitted only after "
        "machine initialization has completed")


# A monitor on a socket

def read_until(s, marker, limit=1 << 20):
    data = b""
    while not data.endswith(marker):
        chunk = s.recv(4096)
        assert chunk, "EOF after %r" % data
        data += chunk
        assert len(data) < limit
    return data


def echo_of(text):
    """What the line editor prints while @text is typed."""
    out = b""
    for i in range(1, len(text) + 1):
        out += b"\x1b[D" * (i - 1) + text[:i].encode() + b"\x1b[K"
    return out


@pytest.fixture
def hmp_sock(vm):
    d = tempfile.mkdtemp(prefix="qmh")
    path = os.path.join(d, "hmp.sock")
    v = vm("-M", "none", "-monitor", "unix:%s,server=on,wait=off" % path)
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    s.settimeout(20)
    s.connect(path)
    v.hmp_path = path
    yield v, s
    s.close()


def test_socket_banner_and_command(hmp_sock):
    v, s = hmp_sock
    assert read_until(s, PROMPT) == BANNER + PROMPT
    s.sendall(b"info")
    assert read_until(s, b"info\x1b[K") == echo_of("info")
    s.sendall(b" version\n")
    want = (echo_of("info version")[len(echo_of("info")):] + b"\r\n" +
            ("7.2.0%s\r\n" % PACKAGE).encode() + PROMPT)
    assert read_until(s, PROMPT) == want


def test_socket_line_editing(hmp_sock):
    v, s = hmp_sock
    read_until(s, PROMPT)
    s.sendall(b"infx\x7fo version\r")
    out = read_until(s, PROMPT)
    assert out.endswith(b"\r\n" + ("7.2.0%s\r\n" % PACKAGE).encode() +
                        PROMPT)
    # backspace redraws the shortened line
    assert b"\x1b[D\x1b[D\x1b[Dinf\x1b[K" in out
    s.sendall(b"bogus\n")
    out = read_until(s, PROMPT)
    assert out.endswith(b"\r\nunknown command: 'bogus'\r\n" + PROMPT)
    # an empty line just prompts again
    s.sendall(b"\n")
    assert read_until(s, PROMPT) == b"\r\n" + PROMPT


def test_socket_labels(hmp_sock):
    v, s = hmp_sock
    text = hmp(v, "info chardev")
    assert "compat_monitor0: filename=" in text
    assert "compat_monitor1: filename=" in text


def test_socket_reconnect(hmp_sock):
    v, s = hmp_sock
    read_until(s, PROMPT)
    s.sendall(b"info ver")
    s.close()
    s2 = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    s2.settimeout(20)
    s2.connect(v.hmp_path)
    assert read_until(s2, PROMPT) == BANNER + PROMPT
    s2.sendall(b"\n")
    assert read_until(s2, PROMPT) == b"\r\n" + PROMPT
    s2.close()
    assert v.proc.poll() is None


def test_socket_quit(hmp_sock):
    v, s = hmp_sock
    if not has_command(v, "quit"):
        pytest.skip("no quit yet")
    read_until(s, PROMPT)
    s.sendall(b"quit\n")
    data = b""
    while True:
        try:
            chunk = s.recv(4096)
        except ConnectionResetError:
            break
        if not chunk:
            break
        data += chunk
    assert data == echo_of("quit") + b"\r\n"
    ev = v.qmp.wait_event("SHUTDOWN")
    assert ev["data"] == {"guest": False, "reason": "host-qmp-quit"}
    status, out, err = v.wait()
    assert status == 0


# A monitor sharing stdio with a mux

def test_mux_stdio(qemu):
    d = tempfile.mkdtemp(prefix="qmm")
    qmp_path = os.path.join(d, "q.sock")
    p = subprocess.Popen(
        [qemu, "-M", "none", "-qmp", "unix:%s,server=on,wait=off" % qmp_path,
         "-chardev", "stdio,id=cs,mux=on,signal=off",
         "-mon", "chardev=cs,mode=readline"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE,
        stderr=subprocess.PIPE)
    try:
        q = QMP(qmp_path)
        q.negotiate()
        out = p.stdout

        def read_until_out(marker):
            data = b""
            while not data.endswith(marker):
                c = out.read1(4096)
                assert c, "EOF after %r" % data
                data += c
            return data

        assert read_until_out(PROMPT) == BANNER + PROMPT
        p.stdin.write(b"info version\n")
        p.stdin.flush()
        assert read_until_out(PROMPT).endswith(
            ("\r\n7.2.0%s\r\n" % PACKAGE).encode() + PROMPT)
        # C-a c with a single front end: focus goes out and back in
        p.stdin.write(b"\x01c")
        p.stdin.flush()
        assert read_until_out(PROMPT) == b"\r\n" + PROMPT
        p.stdin.write(b"info status\n")
        p.stdin.flush()
        assert read_until_out(PROMPT).endswith(b"\r\n" + PROMPT)
        q.close()
    finally:
        p.kill()
        p.communicate()


def test_socket_preconfig(vm):
    d = tempfile.mkdtemp(prefix="qmh")
    path = os.path.join(d, "hmp.sock")
    v = vm("-M", "none", "-preconfig",
           "-monitor", "unix:%s,server=on,wait=off" % path)
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    s.settimeout(20)
    s.connect(path)
    read_until(s, PROMPT)

    def run(line):
        s.sendall(line.encode() + b"\n")
        out = read_until(s, PROMPT)
        head = echo_of(line) + b"\r\n"
        assert out.startswith(head)
        return out[len(head):-len(PROMPT)].decode()

    assert run("stop") == ("Command 'stop' not available until machine "
                           "initialization has completed.\r\n")
    assert run("info mtree") == ("Command 'info mtree' not available until "
                                 "machine initialization has completed.\r\n")
    assert run("info version") == "7.2.0%s\r\n" % PACKAGE
    if has_command(v, "x-exit-preconfig"):
        assert run("exit_preconfig") == ""
        assert run("info mtree").startswith("address-space: memory\r\n")
    s.close()


# xp: expected texts as QEMU 7.2 prints the same bytes (its sifive_e mrom
# holds 00000000 204002b7 00028067 at 0x1000)

XP_MACHINE = ("-M", "none,ram-addr=0x1000", "-m", "64K",
              "-device", "loader,addr=0x1004,data=0x204002b7,data-len=4",
              "-device", "loader,addr=0x1008,data=0x28067,data-len=4")


@pytest.mark.parametrize("line,text", [
    ("xp /4wx 0x1000",
     "0000000000001000: 0x00000000 0x204002b7 0x00028067 0x00000000\r\n"),
    ("xp /3bx 0x1000", "0000000000001000: 0x00 0x00 0x00\r\n"),
    ("xp /2hx 0x1000", "0000000000001000: 0x0000 0x0000\r\n"),
    ("xp /2gx 0x1000",
     "0000000000001000: 0x204002b700000000 0x0000000000028067\r\n"),
    ("xp /2wd 0x1000", "0000000000001000:          0  541065911\r\n"),
    ("xp /3wu 0x1000",
     "0000000000001000:          0  541065911     163943\r\n"),
    ("xp /2wo 0x1000", "0000000000001000:           0 04020001267\r\n"),
    ("xp /5bc 0x1000",
     "0000000000001000: '\\x00' '\\x00' '\\x00' '\\x00' '\\xb7'\r\n"),
    ("xp /9bx 0x1000",
     "0000000000001000: 0x00 0x00 0x00 0x00 0xb7 0x02 0x40 0x20\r\n"
     "0000000000001008: 0x67\r\n"),
    ("xp /10wx 0x1000",
     "0000000000001000: 0x00000000 0x204002b7 0x00028067 0x00000000\r\n"
     "0000000000001010: 0x00000000 0x00000000 0x00000000 0x00000000\r\n"
     "0000000000001020: 0x00000000 0x00000000\r\n"),
    ("xp /4bx 0x1000+4", "0000000000001004: 0xb7 0x02 0x40 0x20\r\n"),
    ("xp /2wx 0x0", "0000000000000000: Cannot access memory\r\n"),
    ("xp /2wx", "unexpected end of expression\r\n"
                "Try \"help xp\" for more information\r\n"),
    ("xp /2z 0x1000", "invalid char in format: 'z'\r\n"
                      "Try \"help xp\" for more information\r\n"),
])
def test_xp(vm, line, text):
    v = vm(*XP_MACHINE)
    assert hmp(v, line) == text


def test_xp_remembers_format(vm):
    v = vm(*XP_MACHINE)
    hmp(v, "xp /2bc 0x1004")
    # no format: the last one (characters), one unit
    assert hmp(v, "xp 0x1004") == "0000000000001004: '\\xb7'\r\n"
