# SPDX-License-Identifier: GPL-2.0-or-later
"""Helpers for tests that run guest programs: find the build directory and
the ELFs the build made with the cross compiler, build a program from
assembly text, and read a guest's serial output."""

import os
import selectors
import shutil
import subprocess

import pytest

CROSS_GCC = "riscv64-unknown-elf-gcc"
SRCDIR = os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__))))


def build_dir():
    """The build directory under test: $QEMU_BUILD_DIR, the directory of
    $QTEST_QEMU_BINARY, or build/."""
    path = os.environ.get("QEMU_BUILD_DIR")
    if path:
        return path
    binary = os.environ.get("QTEST_QEMU_BINARY")
    if binary:
        return os.path.dirname(os.path.abspath(binary))
    return os.path.join(SRCDIR, "build")


def built_elf(*relpath):
    """build_dir()/tests/RELPATH...; skips without the cross compiler (then
    nothing was built), fails when the tree was not built."""
    if shutil.which(CROSS_GCC) is None:
        pytest.skip("%s not installed: guest programs not built "
                    "(apt-get install gcc-riscv64-unknown-elf)" % CROSS_GCC)
    path = os.path.join(build_dir(), "tests", *relpath)
    if not os.path.exists(path):
        pytest.fail("%s missing: build the tree (ninja -C %s)"
                    % (path, build_dir()))
    return path


def build_asm(tmp_path, name, text, base):
    """Assemble and link @text at @base; skips without the cross compiler."""
    if shutil.which(CROSS_GCC) is None:
        pytest.skip("%s not installed" % CROSS_GCC)
    src = tmp_path / (name + ".S")
    src.write_text(text)
    elf = tmp_path / (name + ".elf")
    subprocess.run([CROSS_GCC, "-march=rv32imac_zicsr", "-mabi=ilp32",
                    "-nostdlib", "-Wl,-Ttext=0x%x" % base,
                    "-Wl,--no-warn-rwx-segments", "-o", str(elf), str(src)],
                   check=True)
    return str(elf)


def read_until(stream, marker, timeout=20):
    """Read a pipe until @marker arrives (or EOF/timeout); returns it all."""
    sel = selectors.DefaultSelector()
    sel.register(stream, selectors.EVENT_READ)
    out = b""
    try:
        while marker not in out:
            if not sel.select(timeout):
                break
            chunk = os.read(stream.fileno(), 4096)
            if not chunk:
                break
            out += chunk
    finally:
        sel.close()
    return out
