# SPDX-License-Identifier: GPL-2.0-or-later
"""The board firmware (tests/firmware/opentitan, tests/firmware/sifive_e)
on Debian's QEMU 7.2 (-M opentitan, -M sifive_e), which validates the
programs, and on our binary, on machines assembled by the example scripts
in scripts/qmp/examples through scripts/qmp/qmp-shell: the UART echo on
the 2021 (ibex-plic) and 2022 (sifive PLIC) OpenTitan scripts, the timer
demo on both, hello and the MTIMER test on sifive-e.qmp.  Serial output
goes through a unix socket chardev (wait=on, so no byte is written before
the test listens) and is compared exactly, with the expected text and
with QEMU 7.2's where both run.  Last, 1 MiB pasted into the echo as fast
as the socket takes it comes back whole and in order."""

import functools
import os
import random
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time

import pytest

from guest import build_dir, built_elf

SRCDIR = os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__))))
SHELL = os.path.join(SRCDIR, "scripts", "qmp", "qmp-shell")
EXAMPLES = os.path.join(SRCDIR, "scripts", "qmp", "examples")
QEMU72 = os.environ.get("QEMU72_BINARY", "/usr/bin/qemu-system-riscv32")
TIMEOUT = 20

# what the echo gets, and what it must send back ('\r' becomes "\r\n")
ECHO_IN = [b"hello\r", b"a\tb \x01~\n", b"\xff\x00z\r"]
ECHO_OUT = [b"hello\r\n", b"a\tb \x01~\n", b"\xff\x00z\r\n"]

EXPECTED = {
    "ot-echo-2021": b"OpenTitan echo (2021 map)\r\n> " + b"".join(ECHO_OUT),
    "ot-echo": b"OpenTitan echo (7.2 map)\r\n> " + b"".join(ECHO_OUT),
    "ot-timer-2021": b"OpenTitan timer (2021 map)\r\n"
                     b"tick 1\r\ntick 2\r\ntick 3\r\ntick 4\r\ntick 5\r\n"
                     b"timer: done\r\n",
    "ot-timer": b"OpenTitan timer (7.2 map)\r\n"
                b"tick 1\r\ntick 2\r\ntick 3\r\ntick 4\r\ntick 5\r\n"
                b"timer: done\r\n",
    "sifive-e-hello": b"Hello, world!\r\n"
                      b"hart 0, misa 0x40101105\r\n"
                      b"prci: hfrosc ready, pll locked\r\n"
                      b"hello: done\r\n",
    "sifive-e-mtimer": b"HiFive1 mtimer test\r\n"
                       b"mtimer: irq 1\r\nmtimer: irq 2\r\nmtimer: irq 3\r\n"
                       b"mtimer: PASS\r\n",
}

ECHO_BANNER_2021 = b"OpenTitan echo (2021 map)\r\n> "
assert EXPECTED["ot-echo-2021"].startswith(ECHO_BANNER_2021)

# The paste runs at one UART interrupt per byte: ~20 KB/s (about 50 s)
# on an idle 2-CPU host.  The limit leaves room for a loaded one.
PASTE_TIMEOUT = 150

# the 2021 script has no timer: the test adds one (MTIP driven directly)
TIMER_2021 = [
    "device_add driver=ibex-timer id=timer",
    "x-sysbus-mmio-map device=timer addr=%d" % 0x40100000,
]






def firmware(name):
    board = "sifive_e" if name.startswith("sifive-e") else "opentitan"
    return built_elf("firmware", board, name + ".elf")


def need_qemu72():
    if not os.access(QEMU72, os.X_OK):
        pytest.skip("no QEMU 7.2 at %s (set QEMU72_BINARY)" % QEMU72)


class Serial:
    """The guest's UART through a listening unix socket chardev."""

    def __init__(self, path, machine):
        deadline = time.monotonic() + TIMEOUT
        while True:
            if machine.proc.poll() is not None:
                raise AssertionError("emulator exited with %d: %s"
                                     % (machine.proc.returncode,
                                        machine.read_stderr()))
            try:
                self.sock = socket.socket(socket.AF_UNIX)
                self.sock.connect(path)
                break
            except (FileNotFoundError, ConnectionRefusedError):
                self.sock.close()
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.02)
        self.buf = b""

    def read_until(self, marker, timeout=TIMEOUT):
        """Everything up to and including @marker (the rest is kept)."""
        deadline = time.monotonic() + timeout
        while marker not in self.buf:
            left = deadline - time.monotonic()
            if left <= 0:
                raise AssertionError("no %r within %d s; got %r"
                                     % (marker, timeout, self.buf))
            self.sock.settimeout(left)
            try:
                data = self.sock.recv(65536)
            except socket.timeout:
                continue
            if not data:
                raise AssertionError("serial closed; got %r" % self.buf)
            self.buf += data
        end = self.buf.index(marker) + len(marker)
        out, self.buf = self.buf[:end], self.buf[end:]
        return out

    def read_exact(self, n, timeout=TIMEOUT):
        deadline = time.monotonic() + timeout
        out = bytearray(self.buf[:n])
        self.buf = self.buf[n:]
        while len(out) < n:
            left = deadline - time.monotonic()
            if left <= 0:
                raise AssertionError("%d of %d bytes within %d s"
                                     % (len(out), n, timeout))
            self.sock.settimeout(left)
            try:
                data = self.sock.recv(min(65536, n - len(out)))
            except socket.timeout:
                continue
            if not data:
                raise AssertionError("serial closed after %d of %d bytes"
                                     % (len(out), n))
            out += data
        return bytes(out)

    def close(self):
        self.sock.close()


class Machine:
    """One emulator process with its serial socket (and a QMP socket when
    @qmp)."""

    def __init__(self, tmpdir, argv, qmp):
        self.serial_path = os.path.join(tmpdir, "serial.sock")
        self.qmp_path = os.path.join(tmpdir, "qmp.sock")
        if qmp:
            argv = [*argv, "-qmp",
                    "unix:%s,server=on,wait=off" % self.qmp_path]
        # stderr to a file: a pipe nobody reads could fill and stall it
        self.stderr = open(os.path.join(tmpdir, "stderr"), "w+")
        self.proc = subprocess.Popen(
            [*argv, "-display", "none", "-monitor", "none",
             "-serial", "unix:%s,server=on,wait=on" % self.serial_path],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
            stderr=self.stderr)
        try:
            self.serial = Serial(self.serial_path, self)
        except BaseException:
            self.proc.kill()
            self.proc.wait()
            self.stderr.close()
            raise

    def read_stderr(self):
        self.stderr.seek(0)
        return self.stderr.read()

    def qmp_shell(self, lines):
        """Run @lines through qmp-shell; every one must succeed."""
        res = subprocess.run(
            [sys.executable, SHELL, "--wait", str(TIMEOUT), self.qmp_path],
            input="\n".join(lines) + "\n", capture_output=True, text=True,
            timeout=TIMEOUT * 2)
        assert res.returncode == 0, "qmp-shell: %s%s" % (res.stdout,
                                                         res.stderr)

    def stop(self):
        """End the process with SIGTERM (so that a sanitizer build runs
        its leak check); returns its stderr."""
        self.serial.close()
        if self.proc.poll() is None:
            self.proc.terminate()
        try:
            self.proc.wait(timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(timeout=TIMEOUT)
        err = self.read_stderr()
        self.stderr.close()
        return err


def sanitizer_report(err):
    """The AddressSanitizer/UBSan/LeakSanitizer report in @err, if any."""
    for marker in ("Sanitizer", "runtime error:"):
        i = err.find(marker)
        if i >= 0:
            return err[max(0, i - 200):]
    return None


@pytest.fixture
def start():
    """start(argv, qmp=False) starts an emulator; all are killed at the
    end."""
    started = []
    dirs = []

    def _start(argv, qmp=False):
        d = tempfile.mkdtemp(prefix="qfw")
        dirs.append(d)
        m = Machine(d, argv, qmp)
        started.append(m)
        return m
    yield _start
    reports = []
    for m in started:
        report = sanitizer_report(m.stop())
        if report:
            reports.append(report)
    for d in dirs:
        shutil.rmtree(d, ignore_errors=True)
    assert not reports, "\n".join(reports)


def ours():
    return os.environ.get("QTEST_QEMU_BINARY",
                          os.path.join(build_dir(), "qemu-system-riscv32"))


def script(name):
    with open(os.path.join(EXAMPLES, name)) as f:
        return f.read().splitlines()


def on_qemu72(start, name):
    """@name on QEMU 7.2's board (-kernel: opentitan resets into the
    flash image, sifive_e's mask ROM jumps to 0x20400000)."""
    need_qemu72()
    elf = firmware(name)
    board = "sifive_e" if name.startswith("sifive-e") else "opentitan"
    return start([QEMU72, "-M", board, "-kernel", elf])


def on_2021(start, name, extra=()):
    """@name on the seed's 2021 OpenTitan script, run as the seed runs
    it: the hart from -cpu, loaders on the command line; @extra QMP lines
    go before x-exit-preconfig."""
    elf = firmware(name)
    m = start([ours(), "-M", "none", "-cpu", "lowrisc-ibex", "-preconfig",
               "-device", "loader,addr=0x8090,cpu-num=0",
               "-device", "loader,file=%s" % elf], qmp=True)
    lines = script("opentitan-2021.qmp")
    assert lines[-1] == "x-exit-preconfig"
    m.qmp_shell(lines[:-1] + list(extra) + lines[-1:])
    return m


def on_2022(start, qmp_file, name, args=()):
    """@name on a 2022-form script, followed (as in the GreenSocs
    scripts) by the loader and x-exit-preconfig."""
    elf = firmware(name)
    m = start([ours(), "-M", "none", *args, "-preconfig"], qmp=True)
    m.qmp_shell(script(qmp_file) + [
        "device_add driver=loader file=%s cpu-num=0" % elf,
        "x-exit-preconfig"])
    return m


def transcript(m, name):
    """Talk to program @name the way EXPECTED[name] assumes; returns all
    that came out of the serial port."""
    if "echo" in name:
        out = m.serial.read_until(b"> ")
        for sent, echoed in zip(ECHO_IN, ECHO_OUT):
            m.serial.sock.sendall(sent)
            out += m.serial.read_exact(len(echoed))
        return out
    return m.serial.read_until(EXPECTED[name].splitlines(True)[-1])


@functools.lru_cache(maxsize=None)
def qemu72_transcript(name):
    """QEMU 7.2's output of @name, or None without QEMU 7.2."""
    if not os.access(QEMU72, os.X_OK):
        return None
    d = tempfile.mkdtemp(prefix="qfw")
    m = Machine(d, [QEMU72, "-M", "sifive_e" if name.startswith("sifive-e")
                    else "opentitan", "-kernel", firmware(name)], False)
    try:
        return transcript(m, name)
    finally:
        m.stop()
        shutil.rmtree(d, ignore_errors=True)


def check(m, name, reference=None):
    out = transcript(m, name)
    assert out == EXPECTED[name]
    if reference:
        ref = qemu72_transcript(reference)
        if ref is not None:
            assert out == ref, "differs from QEMU 7.2's output"


# QEMU 7.2: the programs themselves

@pytest.mark.parametrize("name", ["ot-echo", "ot-timer", "sifive-e-hello",
                                  "sifive-e-mtimer"])
def test_on_qemu72(name):
    need_qemu72()
    firmware(name)
    assert qemu72_transcript(name) == EXPECTED[name]


# our binary, machines from scripts/qmp/examples

def test_echo_2021(start):
    check(on_2021(start, "ot-echo-2021"), "ot-echo-2021")


def test_echo_2022(start):
    check(on_2022(start, "opentitan-2022.qmp", "ot-echo"), "ot-echo",
          "ot-echo")


def test_timer_2021(start):
    check(on_2021(start, "ot-timer-2021", TIMER_2021), "ot-timer-2021")


def test_timer_2022(start):
    check(on_2022(start, "opentitan-2022.qmp", "ot-timer"), "ot-timer",
          "ot-timer")


@pytest.mark.parametrize("name", ["sifive-e-hello", "sifive-e-mtimer"])
def test_sifive_e(start, name):
    check(on_2022(start, "sifive-e.qmp", name, ("-m", "16K")), name, name)


# our binary, the data boards (boards/*.qmp) with -kernel

BOARD_OF = {"ot-echo-2021": "opentitan-2021", "ot-timer-2021":
            "opentitan-2021", "ot-echo": "opentitan", "ot-timer": "opentitan",
            "sifive-e-hello": "sifive_e", "sifive-e-mtimer": "sifive_e"}


@pytest.mark.parametrize("name", sorted(BOARD_OF))
def test_on_data_board(start, name):
    m = start([ours(), "-M", BOARD_OF[name], "-kernel", firmware(name)])
    check(m, name, None if name.endswith("2021") else name)


def test_echo_paste_1mib(start):
    """1 MiB of printable bytes (no '\r'), sent as fast as the socket
    takes them while the echo is read back concurrently: every byte
    returns, in order (the UART holds the sender back; nothing drops)."""
    m = on_2021(start, "ot-echo-2021")
    assert m.serial.read_until(b"> ") == ECHO_BANNER_2021
    rng = random.Random(7)
    data = bytes(rng.randrange(0x20, 0x7f) for _ in range(1 << 20))
    errors = []

    def send():
        try:
            for i in range(0, len(data), 4096):
                m.serial.sock.sendall(data[i:i + 4096])
        except OSError as e:
            errors.append(e)
    sender = threading.Thread(target=send, daemon=True)
    sender.start()
    got = m.serial.read_exact(len(data), timeout=PASTE_TIMEOUT)
    sender.join(TIMEOUT)
    assert not errors
    if got != data:
        first = next(i for i in range(len(data)) if got[i] != data[i])
        pytest.fail("echo differs from byte %d on: sent %r, got %r"
                    % (first, data[first:first + 16], got[first:first + 16]))
