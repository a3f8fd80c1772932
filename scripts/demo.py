#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""The demo: a machine stepped through its phases over QMP.

Starts qemu-system-riscv32 -M none -preconfig with a QMP socket, then, as a
QMP client would: reads the greeting, negotiates, watches the machine
phases move (x-machine-init, x-exit-preconfig), adds a chardev, looks at the
composition tree through the human monitor, and quits.  Every request and
reply is printed as it crosses the socket.

    scripts/demo.py [BUILDDIR]

It grows into the full machine-assembly demo (memories, interrupt
controller, UART, harts, firmware) as those devices land.
"""

import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                "qmp"))
from qmp import QMP  # noqa: E402


def show(direction, text):
    print("%s %s" % (direction, text.rstrip("\r\n")))


class Shown(QMP):
    """The QMP client, printing the wire traffic."""

    def send_raw(self, data):
        show(">>>", data.decode())
        super().send_raw(data)

    def recv_raw(self):
        raw = super().recv_raw()
        if raw:
            show("<<<", raw.decode())
        return raw


def main():
    build = sys.argv[1] if len(sys.argv) > 1 else "build"
    binary = os.path.join(build, "qemu-system-riscv32")
    with tempfile.TemporaryDirectory(prefix="qrv-demo") as d:
        sock = os.path.join(d, "qmp.sock")
        cmd = [binary, "-M", "none", "-preconfig", "-display", "none", "-nodefaults",
               "-qmp", "unix:%s,server=on,wait=off" % sock]
        print("$ " + " ".join(cmd))
        proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL)
        try:
            q = Shown(sock)
            q.negotiate()
            q.command("query-machine-phase")
            q.command("query-status")
            print("\n# build the machine (the 2021 seed's first command)")
            q.command("x-machine-init")
            q.command("chardev-add", id="uart0",
                      backend={"type": "ringbuf", "data": {"size": 4096}})
            q.command("qom-list", path="/chardevs")
            print("\n# leave preconfig: the machine is ready and runs")
            q.command("x-exit-preconfig")
            q.command("query-status")
            text = q.command("human-monitor-command",
                             **{"command-line": "info qom-tree"})
            print("\n" + text.replace("\r\n", "\n"))
            q.command("quit")
            status = proc.wait(timeout=20)
            print("emulator exited with status %d" % status)
            return status
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()


if __name__ == "__main__":
    sys.exit(main())
