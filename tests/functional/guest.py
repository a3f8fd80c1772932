# SPDX-License-Identifier: GPL-2.0-or-later
"""Helpers for tests that run small guest programs: build one from assembly
text with the cross compiler, and read a guest's serial output."""

import os
import selectors
import shutil
import subprocess

import pytest

CROSS_GCC = "riscv64-unknown-elf-gcc"


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
