# SPDX-License-Identifier: GPL-2.0-or-later
"""-serial mon:stdio on a real pseudo-terminal: the HMP prompt, the mux
escapes a person types (Ctrl-a c, Ctrl-a h, Ctrl-a x), and a clean exit."""

import os
import pty
import select
import subprocess
import termios

PROMPT = b"(qemu) "


def read_until(fd, marker, timeout=20):
    """Read until @marker; the marker must end what the emulator sends
    in one go (bytes after it would be lost)."""
    data = b""
    while marker not in data:
        ready, _, _ = select.select([fd], [], [], timeout)
        assert ready, "timed out waiting for %r after %r" % (marker, data)
        try:
            chunk = os.read(fd, 4096)
        except OSError:     # EIO: the other side closed
            chunk = b""
        assert chunk, "EOF waiting for %r after %r" % (marker, data)
        data += chunk
    return data


def test_mon_stdio_on_pty(qemu):
    master, slave = pty.openpty()
    p = subprocess.Popen([qemu, "-M", "none", "-display", "none",
                          "-serial", "mon:stdio"],
                         stdin=slave, stdout=slave, stderr=subprocess.PIPE,
                         close_fds=True)
    os.close(slave)
    try:
        read_until(master, PROMPT)
        # the backend put the terminal in raw mode: no echo by the tty
        attrs = termios.tcgetattr(master)
        assert not attrs[3] & termios.ECHO

        os.write(master, b"\x01h")
        help_text = read_until(master, b"C-a C-a  sends C-a\r\n\r")
        assert b"C-a x    exit emulator" in help_text

        os.write(master, b"\x01c")          # focus out and back in
        read_until(master, PROMPT)

        os.write(master, b"info status\r")
        out = read_until(master, b"VM status: running\r\r\n" + PROMPT)
        assert b"info status" in out

        os.write(master, b"\x01x")
        read_until(master, b"QEMU: Terminated")
        assert p.wait(timeout=20) == 0
    finally:
        if p.poll() is None:
            p.kill()
        p.wait()
        os.close(master)
