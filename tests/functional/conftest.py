# SPDX-License-Identifier: GPL-2.0-or-later
"""Shared fixtures: where the binary is, and how to run it."""

import os
import subprocess

import pytest

SRCDIR = os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__))))


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
