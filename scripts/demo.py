#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""The demo: an OpenTitan machine assembled over QMP runs an echo firmware.

    scripts/demo.py [--interactive] [BUILDDIR]

1. starts  qemu-system-riscv32 -M none -cpu lowrisc-ibex -preconfig  with a
   QMP socket, the serial port on a second socket, and the 2021 demo's two
   loaders (PC 0x8090; the echo firmware's ELF);
2. pipes scripts/qmp/examples/opentitan-2021.qmp (memories, ibex-plic,
   ibex-uart, one wire, x-exit-preconfig) through scripts/qmp/qmp-shell;
3. prints `info mtree` and `info qtree` of the machine it built;
4. types a line into the UART and prints the firmware's echo; quits.

With --interactive the serial port and the monitor share the terminal
(-serial mon:stdio): type to the firmware, Ctrl-a c for the monitor,
Ctrl-a x to quit.
"""

import argparse
import os
import socket
import subprocess
import sys
import tempfile
import time

SRCDIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(SRCDIR, "scripts", "qmp"))
from qmp import QMP  # noqa: E402

SCRIPT = os.path.join(SRCDIR, "scripts", "qmp", "examples",
                      "opentitan-2021.qmp")
QMP_SHELL = os.path.join(SRCDIR, "scripts", "qmp", "qmp-shell")
LINE = b"Hello from a machine built over QMP!\r"
TIMEOUT = 30


def banner(text):
    print("\n\033[1m== %s\033[0m" % text, flush=True)


def qemu_command(binary, elf, qmp_sock, serial):
    return [binary, "-M", "none", "-cpu", "lowrisc-ibex", "-preconfig",
            "-display", "none", "-nodefaults",
            "-qmp", "unix:%s,server=on,wait=off" % qmp_sock,
            "-serial", serial,
            "-device", "loader,addr=0x8090,cpu-num=0",
            "-device", "loader,file=%s" % elf]


def connect(path):
    """Connect to a unix socket the emulator is about to listen on."""
    deadline = time.monotonic() + TIMEOUT
    while True:
        s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            s.connect(path)
            return s
        except (FileNotFoundError, ConnectionRefusedError):
            s.close()
            if time.monotonic() > deadline:
                raise
            time.sleep(0.01)


def read_until(sock, marker):
    """Read the serial socket until @marker arrives; returns all read."""
    sock.settimeout(TIMEOUT)
    data = b""
    while marker not in data:
        chunk = sock.recv(4096)
        if not chunk:
            raise RuntimeError("serial port closed; got %r" % data)
        data += chunk
    return data


def run_script(qmp_sock):
    """Pipe the assembly script through qmp-shell, showing its output."""
    print("$ scripts/qmp/qmp-shell --wait %s < %s"
          % (qmp_sock, os.path.relpath(SCRIPT, SRCDIR)), flush=True)
    with open(SCRIPT) as script:
        subprocess.run([sys.executable, QMP_SHELL, "--wait", qmp_sock],
                       stdin=script, check=True, timeout=TIMEOUT)
    print(flush=True)


def demo(binary, elf, d):
    qmp_sock = os.path.join(d, "qmp.sock")
    ser_sock = os.path.join(d, "serial.sock")
    cmd = qemu_command(binary, elf, qmp_sock,
                       "unix:%s,server=on,wait=off" % ser_sock)
    banner("start an empty machine, paused before it is built")
    print("$ " + " ".join(os.path.relpath(a, SRCDIR) if a.startswith(SRCDIR)
                          else a for a in cmd), flush=True)
    proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL)
    try:
        serial = connect(ser_sock)      # before the firmware starts
        banner("assemble OpenTitan (2021 map) over QMP")
        run_script(qmp_sock)
        greeting = read_until(serial, b"> ")
        q = QMP(qmp_sock)
        q.negotiate()
        for what in ("info mtree", "info qtree"):
            banner(what)
            text = q.command("human-monitor-command",
                             **{"command-line": what})
            print(text.replace("\r\n", "\n"), end="", flush=True)
        banner("the firmware's banner, then a line typed into the UART")
        sys.stdout.write(greeting.decode(errors="replace").replace("\r", ""))
        serial.sendall(LINE)
        echo = read_until(serial, b"\n")
        print("\n(typed: %r)" % LINE.decode())
        q.command("quit")
        proc.wait(timeout=TIMEOUT)
        q.close()
        serial.close()
        banner("echoed by the guest")
        print(echo.decode(errors="replace").strip())
        return 0 if echo.startswith(LINE) else 1
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def interactive(binary, elf, d):
    qmp_sock = os.path.join(d, "qmp.sock")
    cmd = qemu_command(binary, elf, qmp_sock, "mon:stdio")
    print("Type to the echo firmware; Ctrl-a c switches to the monitor, "
          "Ctrl-a x quits.", flush=True)
    proc = subprocess.Popen(cmd)
    with open(SCRIPT) as script, open(os.devnull, "w") as null:
        subprocess.run([sys.executable, QMP_SHELL, "--wait", qmp_sock],
                       stdin=script, stdout=null, check=True, timeout=TIMEOUT)
    return proc.wait()


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--interactive", action="store_true")
    ap.add_argument("build", nargs="?", default="build")
    args = ap.parse_args()
    binary = os.path.abspath(os.path.join(args.build, "qemu-system-riscv32"))
    elf = os.path.abspath(os.path.join(args.build, "tests", "firmware",
                                       "opentitan", "ot-echo-2021.elf"))
    for path in (binary, elf):
        if not os.path.exists(path):
            sys.exit("demo: %s is missing (run make)" % path)
    with tempfile.TemporaryDirectory(prefix="qrv-demo") as d:
        if args.interactive:
            return interactive(binary, elf, d)
        return demo(binary, elf, d)


if __name__ == "__main__":
    sys.exit(main())
