# SPDX-License-Identifier: GPL-2.0-or-later
"""More of the command line: -pidfile, -daemonize, -serial/-chardev,
-nographic defaults, -accel, -m, -smp, -cpu, and their error texts."""

import os
import stat
import subprocess
import time

from qmp import QMP
from test_phases import BASE

PROG = "qemu-system-riscv32"


def err_lines(r):
    return r.stderr.splitlines()


def fails(run, *args, lines, hints=()):
    """The command fails with status 1 and exactly these error lines
    (prefixed with the program name) followed by these hint lines."""
    r = run(*args)
    assert r.returncode == 1, r.stderr
    assert err_lines(r) == ["%s: %s" % (PROG, l) for l in lines] + \
        list(hints)


def test_help_lists_new_options(run):
    out = run("-help").stdout.splitlines()
    assert ("--preconfig     pause QEMU before machine is initialized "
            "(experimental)") in out
    for opt in ("-S ", "-qmp dev", "-qmp-pretty dev", "-monitor dev",
                "-serial dev", "-pidfile file", "-daemonize ", "-nographic ",
                "-chardev backend,id=id", "-accel [accel=]", "-m [size=]megs",
                "-smp ", "-cpu cpu", "-mon [chardev=]name"):
        assert any(l.startswith(opt) for l in out), opt


def test_accel_help(run):
    r = run("-accel", "help")
    assert r.returncode == 0
    assert r.stdout == ("Accelerators supported in QEMU binary:\n"
                        "qtest\ntcg\n")


def test_chardev_help(run):
    r = run("-chardev", "help")
    assert r.returncode == 0
    lines = r.stdout.splitlines()
    assert lines[0] == "Available chardev backend types: "
    assert "  socket" in lines


def test_accel_errors(run):
    fails(run, *BASE, "-accel", "kvm",
          lines=["-accel kvm: invalid accelerator kvm"])
    fails(run, *BASE, "-accel", "tcg", "-M", "none,accel=tcg",
          lines=['The -accel and "-machine accel=" options are '
                 'incompatible'])
    fails(run, *BASE, "-accel", "tcg,thread=bogus",
          lines=["-accel tcg,thread=bogus: Invalid 'thread' setting bogus"])
    fails(run, *BASE, "-accel", "tcg,bogus=1",
          lines=["-accel tcg,bogus=1: Property 'tcg-accel.bogus' not found"])


def test_accel_fallback(vm):
    v = vm(*BASE, "-M", "none,accel=kvm:tcg")
    v.qmp.command("quit")
    code, out, err = v.wait()
    assert code == 0
    assert err.splitlines() == ["%s: invalid accelerator kvm" % PROG,
                                "%s: falling back to tcg" % PROG]


def test_accel_qtest_and_tcg_accepted(vm):
    for args in (("-accel", "qtest"), ("-accel", "tcg,thread=multi"),
                 ("-M", "none,accel=tcg")):
        v = vm(*BASE, *args)
        assert v.qmp.command("query-status")["status"] == "running"
        v.qmp.command("quit")
        assert v.wait()[0] == 0


def test_memory(vm):
    for arg, size in (("64", 64 << 20), ("64K", 65536), ("size=2M", 2 << 20),
                      ("0", 0)):
        v = vm(*BASE, "-m", arg)
        assert v.qmp.command("qom-get", path="/machine",
                             property="memory") == {"size": size}, arg
        v.stop()


def test_memory_errors(run):
    fails(run, *BASE, "-m", "64Q",
          lines=["-m 64Q: Parameter 'size' expects a non-negative number "
                 "below 2^64"],
          hints=["Optional suffix k, M, G, T, P or E means kilo-, mega-, "
                 "giga-, tera-, peta-",
                 "and exabytes, respectively."])
    fails(run, *BASE, "-m", "size=1,slots=2",
          lines=["-m size=1,slots=2: Invalid parameter 'slots'"])


def test_smp_and_cpu(run, vm):
    fails(run, *BASE, "-smp", "2",
          lines=["Invalid SMP CPUs 2. The max CPUs supported by machine "
                 "'none' is 1"])
    fails(run, *BASE, "-smp", "cpus=1,maxcpus=4",
          lines=["Invalid SMP CPUs 4. The max CPUs supported by machine "
                 "'none' is 1"])
    fails(run, *BASE, "-cpu", "nosuch",
          lines=["unable to find CPU model 'nosuch'"])
    v = vm(*BASE, "-smp", "cpus=1")
    assert v.qmp.command("qom-get", path="/machine",
                         property="smp")["cpus"] == 1


def test_serial_errors(run):
    fails(run, *BASE, "-serial", "chardev:nope",
          lines=["-serial chardev:nope: could not connect serial device to "
                 "character backend 'chardev:nope'"])
    fails(run, *BASE, "-serial", "bogus",
          lines=["-serial bogus: 'bogus' is not a valid char driver",
                 "-serial bogus: could not connect serial device to "
                 "character backend 'bogus'"])


def test_chardev_errors(run):
    fails(run, *BASE, "-chardev", "null",
          lines=["-chardev null: chardev: no id specified"])
    fails(run, *BASE, "-chardev", "null,id=a", "-chardev", "null,id=a",
          lines=["-chardev null,id=a: Duplicate ID 'a' for chardev"])
    fails(run, *BASE, "-chardev", "bogus,id=a",
          lines=["-chardev bogus,id=a: 'bogus' is not a valid char driver "
                 "name"])
    fails(run, *BASE, "-mon", "chardev=nope",
          lines=['-mon chardev=nope: chardev "nope" not found'])


def chardevs(v):
    return {c["label"]: c["filename"]
            for c in v.qmp.command("query-chardev")}


def test_serial_labels(vm, tmp_path):
    f = str(tmp_path / "out")
    v = vm(*BASE, "-serial", "file:" + f, "-serial", "none",
           "-serial", "null", "-serial", "null")
    c = chardevs(v)
    assert (c["serial0"], c["serial1"], c["serial2"]) == ("file", "null",
                                                         "null")
    assert "serial3" not in c
    assert c["parallel0"] == "vc"


def test_serial_chardev_and_nodefaults(vm):
    v = vm(*BASE, "-nodefaults", "-chardev", "ringbuf,id=rb,size=4096",
           "-serial", "chardev:rb")
    assert chardevs(v) == {"rb": "ringbuf",
                           "compat_monitor0": chardevs(v)["compat_monitor0"]}


def test_defaults(vm):
    c = chardevs(vm(*BASE))
    assert (c["serial0"], c["parallel0"]) == ("vc", "vc")


def test_nographic_with_qmp(vm):
    c = chardevs(vm("-M", "none", "-nographic"))
    assert (c["serial0"], c["parallel0"]) == ("stdio", "null")


def test_pidfile(vm, tmp_path):
    pidfile = str(tmp_path / "qemu.pid")
    v = vm(*BASE, "-pidfile", pidfile)
    with open(pidfile) as f:
        assert f.read() == "%d\n" % v.proc.pid
    assert stat.S_IMODE(os.stat(pidfile).st_mode) == 0o600
    v.qmp.command("quit")
    assert v.wait()[0] == 0
    assert not os.path.exists(pidfile)


def test_pidfile_error(run):
    fails(run, *BASE, "-pidfile", "/nonexistent/dir/x.pid",
          lines=["cannot create PID file: Cannot open pid file: No such "
                 "file or directory"])


def test_daemonize(qemu, tmp_path):
    sock = str(tmp_path / "qmp.sock")
    pidfile = str(tmp_path / "qemu.pid")
    # libvirt's probe command line
    r = subprocess.run([qemu, "-S", "-no-user-config", "-nodefaults",
                        "-nographic", "-machine", "none,accel=tcg",
                        "-qmp", "unix:%s,server=on,wait=off" % sock,
                        "-pidfile", pidfile, "-daemonize"],
                       stdin=subprocess.DEVNULL, capture_output=True,
                       text=True, timeout=30)
    assert (r.returncode, r.stdout, r.stderr) == (0, "", "")
    # the parent exited only once the socket listened and the pid was
    # written: both must be there now, without waiting
    assert os.path.exists(sock)
    with open(pidfile) as f:
        pid = int(f.read())
    q = QMP(sock, timeout=20)
    try:
        q.negotiate()
        assert q.command("query-status")["status"] == "prelaunch"
        q.command("quit")
        assert q.recv() is None
    finally:
        q.close()
    # the pid file goes before the monitors close
    assert not os.path.exists(pidfile)
    # the daemon is not our child; its socket file goes a moment later
    deadline = time.monotonic() + 20
    while os.path.exists(sock) and time.monotonic() < deadline:
        time.sleep(0.01)
    assert not os.path.exists(sock)
    assert pid != os.getpid()


def test_daemonize_failure_exits_1(run, tmp_path):
    fails(run, *BASE, "-daemonize", "-nodefaults", "-serial", "stdio",
          lines=["-serial stdio: cannot use stdio with -daemonize",
                 "-serial stdio: could not connect serial device to "
                 "character backend 'stdio'"])
    fails(run, *BASE, "-nographic", "-daemonize",
          lines=["-nographic cannot be used with -daemonize"])
    # the child fails after the fork: the parent still reports 1
    r = run(*BASE, "-nodefaults", "-daemonize", "-accel", "kvm")
    assert r.returncode == 1
    assert "invalid accelerator kvm" in r.stderr


def test_preconfig_with_daemonize(qemu, tmp_path):
    sock = str(tmp_path / "qmp.sock")
    r = subprocess.run([qemu, "-M", "none", "-nodefaults", "-preconfig",
                        "-qmp", "unix:%s,server=on,wait=off" % sock,
                        "-daemonize"], stdin=subprocess.DEVNULL,
                       capture_output=True, text=True, timeout=30)
    assert r.returncode == 0, r.stderr
    q = QMP(sock)
    try:
        q.negotiate()
        assert q.command("query-machine-phase") == {"phase": "accel-created"}
        q.command("quit")
    finally:
        q.close()


def test_S_and_name(vm):
    v = vm(*BASE, "-S", "-name", "guest=myvm")
    assert v.qmp.command("query-status")["status"] == "prelaunch"
    assert v.qmp.command("query-name") == {"name": "myvm"}


def test_options_apply_in_fixed_order(vm):
    # -serial chardev:X may come before the -chardev that defines X
    v = vm(*BASE, "-serial", "chardev:rb", "-chardev", "ringbuf,id=rb")
    assert chardevs(v)["rb"] == "ringbuf"
