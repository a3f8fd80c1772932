# SPDX-License-Identifier: GPL-2.0-or-later
"""Shared fixtures: where the binary is, and how to run it."""

import os
import sys
import subprocess

import pytest

SRCDIR = os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__))))
# the QMP client (scripts/qmp/qmp.py) and the test helpers
sys.path.insert(0, os.path.join(SRCDIR, "scripts", "qmp"))
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))


def pytest_configure(config):
    config.addinivalue_line(
        "markers", "tsan: also run against the ThreadSanitizer build in CI")


def qemu_binary():
    path = os.environ.get("QTEST_QEMU_BINARY")
    if not path:
        build = os.environ.get("QEMU_BUILD_DIR", os.path.join(SRCDIR, "build"))
        path = os.path.join(build, "qemu-system-riscv32")
    return path


@pytest.fixture
def qemu():
    path = qemu_binary()
    if not os.access(path, os.X_OK):
        pytest.fail("no binary at %s (set QTEST_QEMU_BINARY)" % path)
    return path


@pytest.fixture
def run(qemu):
    """Run the binary with the given arguments to completion."""
    def _run(*args, timeout=30):
        return subprocess.run([qemu, *args], capture_output=True, text=True,
                              timeout=timeout, stdin=subprocess.DEVNULL)
    return _run


class VM:
    """A running emulator with a negotiated QMP connection."""

    def __init__(self, binary, sockdir, args, negotiate=True):
        from qmp import QMP
        self.sockdir = str(sockdir)
        self.qmp_path = os.path.join(self.sockdir, "qmp.sock")
        cmd = [binary, "-qmp", "unix:%s,server=on,wait=off" % self.qmp_path,
               *args]
        self.proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL,
                                     stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE, text=True)
        try:
            self.qmp = QMP(self.qmp_path)
            if negotiate:
                self.qmp.negotiate()
        except Exception:
            self.stop()
            raise

    def wait(self, timeout=20):
        """Wait for the process to exit; returns (status, stdout, stderr)."""
        out, err = self.proc.communicate(timeout=timeout)
        return self.proc.returncode, out, err

    def stop(self):
        if self.proc.poll() is None:
            self.proc.kill()
        try:
            self.proc.communicate(timeout=20)
        except ValueError:
            pass
        if hasattr(self, "qmp"):
            self.qmp.close()


@pytest.fixture
def vm(qemu):
    """vm(*args, negotiate=True) starts the binary with a QMP socket in a
    fresh short directory (unix socket paths are limited to 108 bytes)."""
    import shutil
    import tempfile
    started = []
    dirs = []

    def _vm(*args, negotiate=True):
        d = tempfile.mkdtemp(prefix="qrv")
        dirs.append(d)
        v = VM(qemu, d, args, negotiate)
        started.append(v)
        return v
    yield _vm
    for v in started:
        v.stop()
    for d in dirs:
        shutil.rmtree(d, ignore_errors=True)
