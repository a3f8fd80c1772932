# SPDX-License-Identifier: GPL-2.0-or-later
"""The command line: informational options, errors, exit codes, signals."""

import os
import signal
import subprocess
import time

PROG = "qemu-system-riscv32"


def test_version(run):
    for opt in ("-version", "--version"):
        r = run(opt)
        assert r.returncode == 0
        lines = r.stdout.splitlines()
        assert lines[0] == "QEMU emulator version 7.2.0 (qemu-rv32 0.1.0)"
        assert lines[1].startswith("Copyright (c)")
        assert r.stderr == ""


def test_help(run):
    for opt in ("-h", "-help", "--help"):
        r = run(opt)
        assert r.returncode == 0
        lines = r.stdout.splitlines()
        assert lines[0].startswith("QEMU emulator version 7.2.0")
        assert lines[2] == "usage: %s [options]" % PROG
        assert "Standard options:" in lines
        assert "-h or -help     display this help and exit" in lines
        # every description starts in column 16
        machine = lines.index("-machine [type=]name[,prop[=value][,...]]")
        assert lines[machine + 1] == (" " * 16 + "selects emulated machine "
                                      "('-machine help' for list)")


def test_unknown_option(run):
    r = run("-bogusopt")
    assert r.returncode == 1
    assert r.stderr == "%s: -bogusopt: invalid option\n" % PROG
    assert r.stdout == ""


def test_missing_argument(run):
    r = run("-M")
    assert r.returncode == 1
    assert r.stderr == "%s: -M: requires an argument\n" % PROG


def test_machine_help(run):
    r = run("-machine", "help")
    assert r.returncode == 0
    assert r.stdout.splitlines()[0] == "Supported machines are:"
    assert "none                 empty machine" in r.stdout.splitlines()


def test_machine_props_help(run):
    r = run("-M", "none,help")
    assert r.returncode == 0
    # QEMU 7.2 lists its generic machine properties; we have only ram-addr
    assert r.stdout == ("none-machine options:\n"
                        "  ram-addr=<uint64>      - Base address of the -m RAM"
                        " (default: 0)\n")


def test_unknown_machine(run):
    r = run("-M", "nosuch")
    assert r.returncode == 1
    assert r.stderr == ("%s: unsupported machine type\n"
                        "Use -machine help to list supported machines\n"
                        % PROG)


def test_no_machine(run):
    r = run("-display", "none")
    assert r.returncode == 1
    assert r.stderr.startswith(
        "%s: No machine specified, and there is no default\n" % PROG)


def test_unknown_machine_property(run):
    r = run("-M", "none,bogus=on")
    assert r.returncode == 1
    assert r.stderr == ("%s: Property 'none-machine.bogus' not found\n"
                        % PROG)


def test_log_help(run):
    r = run("-d", "help")
    assert r.returncode == 1
    assert r.stdout.splitlines()[0] == "Log items (comma separated):"
    assert any(l.startswith("in_asm ") for l in r.stdout.splitlines())


def test_log_invalid_item(run):
    r = run("-M", "none", "-d", "nosuchitem")
    assert r.returncode == 1
    assert r.stdout.splitlines()[0] == "Log items (comma separated):"


def test_device_help_unknown(run):
    r = run("-device", "nosuch,help")
    assert r.returncode == 0
    assert r.stderr == ("%s: -device nosuch,help: Device 'nosuch' not found\n"
                        % PROG)


def test_object_help(run):
    r = run("-object", "help")
    assert r.returncode == 0
    assert r.stdout.splitlines()[0] == "List of user creatable objects:"


def test_sigterm_exits_cleanly(qemu):
    p = subprocess.Popen([qemu, "-M", "none", "-display", "none"],
                         stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, text=True)
    try:
        # The handlers are installed once the process is up: wait for the
        # kernel to show SIGTERM as caught instead of guessing a delay.
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            with open("/proc/%d/status" % p.pid) as f:
                caught = [l for l in f if l.startswith("SigCgt:")]
            if caught and int(caught[0].split()[1], 16) & (1 << 14):
                break
            assert p.poll() is None, p.stderr.read()
            time.sleep(0.01)
        p.send_signal(signal.SIGTERM)
        out, err = p.communicate(timeout=20)
    finally:
        if p.poll() is None:
            p.kill()
    assert p.returncode == 0
    assert err == ("%s: terminating on signal 15 from pid %d (%s)\n"
                   % (PROG, os.getpid(), open("/proc/self/cmdline")
                      .read().split("\0")[0]))
