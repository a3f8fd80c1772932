#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Benchmarks of our qemu-system-riscv32 against Debian's QEMU 7.2.

Runs the guest workloads of tests/bench (built as BUILD/tests/bench/*.elf)
on both emulators over the same virt-style map, alternating A B A B, and
measures start-up, memory and QMP costs.  Prints a Markdown report, writes
the results as JSON to BUILD/bench/results.json and, with --write-docs,
docs/performance.md.  Python 3 standard library only.

    tests/bench/bench.py [--build DIR] [--pairs N] [--only a,b] [--write-docs]
"""

import argparse
import json
import os
import platform
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time

SRCDIR = os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__))))
BENCHSRC = os.path.join(SRCDIR, "tests", "bench")
VIRT_QMP = os.path.join(BENCHSRC, "virt.qmp")
OT_SCRIPT = os.path.join(BENCHSRC, "opentitan-2022.qmp")
DOCS = os.path.join(SRCDIR, "docs", "performance.md")
QEMU72 = "/usr/bin/qemu-system-riscv32"

# name, what it is; the order of the report
WORKLOADS = [
    ("coremark", "CoreMark-like mix: list, matrix, state machine, CRC"),
    ("alu", "integer ALU loop"),
    ("addloop", "3-instruction add loop"),
    ("memory", "memset + memcpy of 4 MiB"),
    ("qsort", "quicksort of 16384 words"),
    ("bytecode", "switch-dispatched bytecode interpreter"),
    ("mmio", "UART LSR polling (MMIO reads)"),
    ("irq", "ALU loop under a 5 us timer interrupt"),
]

# the first bar of issue 8: name -> (test, text)
GUEST_BAR = 0.5
MMIO_BAR = 2.0
OT_BAR_MS = 50.0

RUN_TIMEOUT = 300

# workloads that need no device: also built natively (host.c) as the
# physical limit
HOST_WORKLOADS = ("alu", "addloop", "memory", "qsort", "bytecode",
                  "coremark")


def ours_cmd(binary, elf):
    return [binary, "-M", "none,ram-addr=0x80000000", "-m", "128M",
            "-machine-script", VIRT_QMP, "-kernel", elf,
            "-display", "none", "-serial", "stdio"]


def qemu_cmd(binary, elf):
    return [binary, "-M", "virt", "-bios", "none", "-kernel", elf,
            "-m", "128M", "-display", "none", "-serial", "stdio",
            "-monitor", "none"]


class RunError(Exception):
    pass


def run_measured(cmd, timeout=RUN_TIMEOUT):
    """Run cmd to completion; returns (wall seconds, peak RSS in KiB,
    exit status, stdout, stderr)."""
    with tempfile.TemporaryFile() as err:
        t0 = time.monotonic()
        proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL,
                                stdout=subprocess.PIPE, stderr=err)
        timer = threading.Timer(timeout, proc.kill)
        timer.start()
        try:
            out = proc.stdout.read()
            _, status, usage = os.wait4(proc.pid, 0)
            wall = time.monotonic() - t0
        finally:
            timer.cancel()
            proc.stdout.close()
            proc.returncode = 0     # reaped by wait4 above
        err.seek(0)
        errtext = err.read().decode(errors="replace")
    code = os.waitstatus_to_exitcode(status)
    return wall, usage.ru_maxrss, code, out.decode(errors="replace"), errtext


def parse_output(text):
    """The checksum and instruction count a workload printed."""
    m = re.search(r"^checksum=(0x[0-9a-f]{8})$", text, re.M)
    n = re.search(r"^instret=(\d+)$", text, re.M)
    i = re.search(r"^irqs=(\d+)$", text, re.M)
    if not m or not n:
        raise RunError("no checksum/instret in the output:\n" + text)
    return m.group(1), int(n.group(1)), int(i.group(1)) if i else None


def ratio_stats(ratios):
    if not ratios:
        return None, None, None
    return (statistics.median(ratios), min(ratios), max(ratios))


def guest_benchmark(name, elf, ours, qemu, pairs, log):
    runs = {"ours": [], "qemu": []}
    instret = None
    sums = set()
    irqs = {"ours": [], "qemu": []}
    for _ in range(pairs):
        sides = [("ours", ours_cmd(ours, elf))]
        if qemu:
            sides.append(("qemu", qemu_cmd(qemu, elf)))
        for side, cmd in sides:
            wall, rss, code, out, err = run_measured(cmd)
            if code != 0:
                raise RunError("%s on %s: exit status %d\n%s%s"
                               % (name, side, code, out, err))
            csum, count, nirq = parse_output(out)
            sums.add(csum)
            if side == "ours":
                # exact on ours; QEMU 7.2's minstret is not (no -icount)
                instret = count if instret is None else instret
            if nirq is not None:
                irqs[side].append(nirq)
            runs[side].append((wall, rss))
        log(".")
    entry = {
        "name": name,
        "kind": "guest",
        "unit": "MIPS",
        "higher_is_better": True,
        "pairs": pairs,
        "instret": instret,
        "checksum": sorted(sums)[0] if len(sums) == 1 else sorted(sums),
        "checksum_ok": len(sums) == 1,
    }
    ow = [w for w, _ in runs["ours"]]
    entry["ours"] = instret / statistics.median(ow) / 1e6
    entry["wall_ours_s"] = statistics.median(ow)
    entry["peak_rss_ours_kib"] = max(r for _, r in runs["ours"])
    if irqs["ours"]:
        entry["irqs_ours"] = int(statistics.median(irqs["ours"]))
    if qemu:
        qw = [w for w, _ in runs["qemu"]]
        entry["qemu"] = instret / statistics.median(qw) / 1e6
        entry["wall_qemu_s"] = statistics.median(qw)
        entry["peak_rss_qemu_kib"] = max(r for _, r in runs["qemu"])
        if irqs["qemu"]:
            entry["irqs_qemu"] = int(statistics.median(irqs["qemu"]))
        # same instructions on both: the MIPS ratio is the wall-time ratio
        ratios = [q / o for o, q in zip(ow, qw)]
    else:
        entry["qemu"] = None
        ratios = []
    entry["ratio_median"], entry["ratio_min"], entry["ratio_max"] = \
        ratio_stats(ratios)
    return entry


def full_scale(name):
    with open(os.path.join(BENCHSRC, "meson.build")) as f:
        m = re.search(r"'%s': \[(\d+), (\d+)\]" % name, f.read())
    return m.group(1) if m else None


def native_benchmark(name, tmpdir, pairs, expect):
    """Median seconds of the work itself, natively, or None."""
    cc = shutil.which("cc") or shutil.which("gcc")
    scale = full_scale(name)
    if cc is None or scale is None:
        return None
    exe = os.path.join(tmpdir, name)
    build = subprocess.run(
        [cc, "-O2", "-DBENCH_HOST", "-DSCALE=" + scale, "-o", exe,
         os.path.join(BENCHSRC, "host.c"),
         os.path.join(BENCHSRC, name + ".c")],
        capture_output=True, text=True)
    if build.returncode != 0:
        return None
    times = []
    for _ in range(pairs):
        out = subprocess.run([exe], capture_output=True, text=True,
                             timeout=RUN_TIMEOUT).stdout
        m = re.search(r"^checksum=(\S+)\nns=(\d+)$", out, re.M)
        if not m or m.group(1) != expect:
            raise RunError("%s natively: wrong output\n%s" % (name, out))
        times.append(int(m.group(2)) / 1e9)
    return statistics.median(times)


# ---------------------------------------------------------------------
# QMP side: start-up, RSS at preconfig, qom-list round trips, assembly


class Monitor:
    """A minimal QMP client on a unix socket (one command at a time)."""

    def __init__(self, path, deadline):
        while True:
            self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            try:
                self.sock.connect(path)
                break
            except (FileNotFoundError, ConnectionRefusedError):
                self.sock.close()
                if time.monotonic() > deadline:
                    raise RunError("no QMP socket at " + path)
                time.sleep(0.0002)
        self.sock.settimeout(30)
        self.buf = b""
        self.greeting = self.recv()

    def recv(self):
        while b"\n" not in self.buf:
            data = self.sock.recv(65536)
            if not data:
                raise RunError("QMP connection closed")
            self.buf += data
        line, self.buf = self.buf.split(b"\n", 1)
        return json.loads(line)

    def command(self, name, args=None):
        msg = {"execute": name}
        if args:
            msg["arguments"] = args
        self.sock.sendall(json.dumps(msg).encode())
        while True:
            reply = self.recv()
            if "event" in reply:
                continue
            if "error" in reply:
                raise RunError("%s: %s" % (name, reply["error"]))
            return reply["return"]

    def close(self):
        self.sock.close()


def vm_rss_kib(pid):
    with open("/proc/%d/status" % pid) as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    raise RunError("no VmRSS for pid %d" % pid)


def start_preconfig(binary, sockdir, extra=()):
    path = os.path.join(sockdir, "qmp-%d.sock" % time.monotonic_ns())
    t0 = time.monotonic()
    proc = subprocess.Popen(
        [binary, "-M", "none", "-preconfig", "-display", "none",
         "-qmp", "unix:%s,server=on,wait=off" % path, *extra],
        stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE)
    try:
        mon = Monitor(path, t0 + 20)
    except Exception:
        proc.kill()
        proc.wait()
        raise
    greet = time.monotonic() - t0
    return proc, mon, greet, path


def stop(proc, mon):
    try:
        mon.command("quit")
    except (RunError, OSError):
        pass
    mon.close()
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
    proc.stderr.close()


def qmp_measure(binary, sockdir, roundtrips):
    """Start to greeting (s), VmRSS at preconfig (KiB), and the mean time
    of one qom-list round trip (s)."""
    proc, mon, greet, path = start_preconfig(binary, sockdir)
    try:
        rss = vm_rss_kib(proc.pid)
        mon.command("qmp_capabilities")
        t0 = time.monotonic()
        for _ in range(roundtrips):
            mon.command("qom-list", {"path": "/machine"})
        qom = (time.monotonic() - t0) / roundtrips
    finally:
        stop(proc, mon)
        if os.path.exists(path):
            os.unlink(path)
    return greet, rss, qom


def parse_qmp_shell_line(line):
    """A qmp-shell line (the subset the scripts use): name k=v ...; a
    base-10 integer is a number, true/false booleans, the rest strings."""
    words = line.split()
    args = {}
    for w in words[1:]:
        key, _, val = w.partition("=")
        if re.fullmatch(r"[-+]?\d+", val):
            val = int(val)
        elif val.lower() in ("true", "false"):
            val = val.lower() == "true"
        node = args
        parts = key.split(".")
        for p in parts[:-1]:
            node = node.setdefault(p, {})
        node[parts[-1]] = val
    return words[0], args


def ot_assembly(binary, sockdir, script, firmware):
    """Greeting to the x-exit-preconfig reply (s) for the OpenTitan 2022
    script, sent one command at a time as qmp-shell would."""
    cmds = []
    with open(script) as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith("#"):
                cmds.append(parse_qmp_shell_line(
                    line.replace("@FW@", firmware)))
    proc, mon, _, path = start_preconfig(
        binary, sockdir, ["-m", "size=16K", "-serial", "null", "-S"])
    try:
        t0 = time.monotonic()
        mon.command("qmp_capabilities")
        for name, args in cmds:
            mon.command(name, args)
        took = time.monotonic() - t0
    finally:
        stop(proc, mon)
        if os.path.exists(path):
            os.unlink(path)
    return took, len(cmds)


def startup_benchmarks(ours, qemu, pairs, roundtrips, trivial, log):
    entries = []
    data = {"greet": {"ours": [], "qemu": []},
            "rss": {"ours": [], "qemu": []},
            "qom": {"ours": [], "qemu": []},
            "trivial": {"ours": [], "qemu": []},
            "ot": {"ours": []}}
    sockdir = tempfile.mkdtemp(prefix="qbench")
    spin = os.path.join(sockdir, "spin.bin")
    with open(spin, "wb") as f:
        f.write(bytes.fromhex("6f000000"))      # j .
    try:
        for _ in range(pairs):
            sides = [("ours", ours)] + ([("qemu", qemu)] if qemu else [])
            for side, binary in sides:
                greet, rss, qom = qmp_measure(binary, sockdir, roundtrips)
                data["greet"][side].append(greet * 1e3)
                data["rss"][side].append(rss / 1024)
                data["qom"][side].append(qom * 1e3)
                if trivial:
                    cmd = (ours_cmd if side == "ours" else qemu_cmd)(
                        binary, trivial)
                    wall, _, code, out, err = run_measured(cmd)
                    if code != 0:
                        raise RunError("trivial on %s: exit status %d\n%s"
                                       % (side, code, err))
                    data["trivial"][side].append(wall * 1e3)
            took, ncmds = ot_assembly(ours, sockdir, OT_SCRIPT, spin)
            data["ot"]["ours"].append(took * 1e3)
            log(".")
    finally:
        shutil.rmtree(sockdir, ignore_errors=True)

    def entry(key, name, kind, unit):
        o = data[key]["ours"]
        q = data[key].get("qemu", [])
        e = {"name": name, "kind": kind, "unit": unit,
             "higher_is_better": False, "pairs": len(o),
             "ours": statistics.median(o),
             "qemu": statistics.median(q) if q else None}
        e["ratio_median"], e["ratio_min"], e["ratio_max"] = ratio_stats(
            [a / b for a, b in zip(o, q)])
        return e

    entries.append(entry("greet", "start -> QMP greeting (-M none "
                         "-preconfig)", "startup", "ms"))
    if trivial:
        entries.append(entry("trivial", "start -> exit of a trivial "
                             "program", "startup", "ms"))
    entries.append(entry("rss", "RSS at preconfig", "rss", "MiB"))
    entries.append(entry("qom", "qom-list round trip (mean of %d)"
                         % roundtrips, "qmp", "ms"))
    e = entry("ot", "OpenTitan 2022-form assembly (%d commands, greeting "
              "-> x-exit-preconfig reply)" % ncmds, "qmp", "ms")
    e["qemu"] = None    # QEMU 7.2 cannot assemble machines over QMP
    e["ratio_median"] = e["ratio_min"] = e["ratio_max"] = None
    entries.append(e)
    return entries


# ---------------------------------------------------------------------
# the first bar


def bars(results):
    """[(text, entry name, passed or None)] for issue 8's first bar."""
    out = []
    for e in results:
        if e["kind"] != "guest":
            continue
        need = MMIO_BAR if e["name"] == "mmio" else GUEST_BAR
        ok = None if e["ratio_median"] is None else e["ratio_median"] >= need
        out.append(("%s >= %gx QEMU's MIPS" % (e["name"], need), ok))
    for e in results:
        if e["name"].startswith("start -> QMP"):
            out.append(("start -> QMP greeting <= 0.5x QEMU's",
                        None if e["ratio_median"] is None
                        else e["ratio_median"] <= 0.5))
        elif e["name"] == "RSS at preconfig":
            out.append(("RSS at preconfig <= 0.25x QEMU's",
                        None if e["ratio_median"] is None
                        else e["ratio_median"] <= 0.25))
        elif e["name"].startswith("qom-list"):
            out.append(("qom-list round trip <= QEMU's",
                        None if e["ratio_median"] is None
                        else e["ratio_median"] <= 1.0))
        elif e["name"].startswith("OpenTitan"):
            out.append(("OpenTitan assembly < %g ms" % OT_BAR_MS,
                        e["ours"] < OT_BAR_MS))
    return out


# ---------------------------------------------------------------------
# report


def fmt(v, digits=1):
    if v is None:
        return "n/a"
    if isinstance(v, float):
        return "%.*f" % (digits, v)
    return str(v)


def fmt_ratio(e):
    if e["ratio_median"] is None:
        return "n/a"
    return "%.2f (%.2f-%.2f)" % (e["ratio_median"], e["ratio_min"],
                                 e["ratio_max"])


def markdown(results, have_qemu):
    lines = []
    if not have_qemu:
        lines += ["**QEMU 7.2 not found: our numbers alone, no ratios.**",
                  ""]
    guest = [e for e in results if e["kind"] == "guest"]
    if guest:
        lines += [
            "| workload | instret | wall ours (s) | wall QEMU (s) | MIPS ours"
            " | MIPS QEMU | ours/QEMU median (min-max) | native (MIPS eq.)"
            " | peak RSS ours / QEMU (MiB) | checksum |",
            "|---|---:|---:|---:|---:|---:|---:|---:|---:|---|",
        ]
        for e in guest:
            rss_q = e.get("peak_rss_qemu_kib")
            lines.append("| %s | %d | %.3f | %s | %.0f | %s | %s | %s "
                         "| %.1f / %s | %s%s |" % (
                             e["name"], e["instret"], e["wall_ours_s"],
                             fmt(e.get("wall_qemu_s"), 3), e["ours"],
                             fmt(e["qemu"], 0), fmt_ratio(e),
                             fmt(e.get("native_mips"), 0),
                             e["peak_rss_ours_kib"] / 1024,
                             fmt(rss_q / 1024 if rss_q else None),
                             e["checksum"] if e["checksum_ok"]
                             else "MISMATCH %s" % e["checksum"],
                             "" if "irqs_ours" not in e else
                             " (irqs %d / %s)" % (
                                 e["irqs_ours"],
                                 fmt(e.get("irqs_qemu"))),
                         ))
        lines.append("")
    other = [e for e in results if e["kind"] != "guest"]
    if other:
        lines += ["| measure | unit | ours | QEMU | ours/QEMU median "
                  "(min-max) |", "|---|---|---:|---:|---:|"]
        for e in other:
            d = 3 if e["unit"] == "ms" and e["ours"] < 1 else 1
            lines.append("| %s | %s | %s | %s | %s |" % (
                e["name"], e["unit"], fmt(e["ours"], d),
                fmt(e["qemu"], d) if e["qemu"] is not None
                else "n/a (cannot)" if e["name"].startswith("OpenTitan")
                else "n/a", fmt_ratio(e)))
        lines.append("")
    verdicts = bars(results)
    if verdicts:
        lines += ["| first bar (issue 8) | result |", "|---|---|"]
        for text, ok in verdicts:
            lines.append("| %s | %s |" % (
                text, "n/a" if ok is None else "pass" if ok else "**fail**"))
        lines.append("")
    return "\n".join(lines)


def machine_description(load):
    cpu = "unknown CPU"
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    mem = ""
    try:
        with open("/proc/meminfo") as f:
            kib = int(f.readline().split()[1])
            mem = ", %.1f GiB RAM" % (kib / 1024 / 1024)
    except (OSError, ValueError, IndexError):
        pass
    return ("%s, %d CPUs%s, Linux %s; load average %.1f before the run, "
            "%.1f after" % (cpu, os.cpu_count() or 0, mem,
                            platform.release(), load[0], load[1]))


def version_of(binary):
    try:
        out = subprocess.run([binary, "--version"], capture_output=True,
                             text=True, timeout=20).stdout
    except (OSError, subprocess.SubprocessError):
        return "unknown"
    return out.splitlines()[0] if out else "unknown"


DOC_HEAD = """<!-- SPDX-License-Identifier: GPL-2.0-or-later -->
# Performance

Measured by `make bench` (`tests/bench/bench.py`), which compares our
`qemu-system-riscv32` with Debian's QEMU 7.2 (issue 8).  This page is
written by `tests/bench/bench.py --write-docs`; the numbers below are of
one run.

## Method

- **Guest workloads** (`tests/bench/*.c`, C at -O2 for rv32imac, no libc):
  each prints a checksum, which must match between the emulators, and its
  instruction count read from `minstret`.  Both emulators run the same ELF
  on QEMU virt's map (RAM at 0x80000000, NS16550A at 0x10000000, SiFive
  test finisher at 0x100000, ACLINT at 0x2000000): QEMU 7.2 as
  `-M virt -bios none -kernel W.elf`, ours as `-M none,ram-addr=0x80000000
  -m 128M -machine-script tests/bench/virt.qmp -kernel W.elf`.  Ours runs
  its default engine backend, native x86-64 code (docs/devel/tcg.md).
- Runs alternate ours, QEMU, ours, QEMU... for the given number of pairs.
  Wall time is that of the whole process (start to exit, including
  start-up, about 30 ms).  Guest MIPS = our exact instruction count /
  median wall time, for both emulators (QEMU 7.2's `minstret` is not exact
  without `-icount`), so the MIPS ratio of a pair is QEMU's wall time over
  ours.  Ratios are ours/QEMU per pair: median, min and max.  Peak RSS is
  `ru_maxrss` from `wait4`.  The interrupt count of `irq` depends on speed
  and is shown apart from its checksum.
- **Start-up and QMP**: `-M none -preconfig -qmp unix:...`; the time from
  process start to the QMP greeting, VmRSS (`/proc/PID/status`) when the
  greeting arrives, then the mean of 1000 `qom-list path=/machine` round
  trips.  "Trivial program" is start to exit of a workload that prints and
  stops at once.  The OpenTitan assembly is `tests/bench/opentitan-2022.qmp`
  sent one command at a time, greeting to the `x-exit-preconfig` reply; QEMU
  7.2 cannot assemble machines over QMP, so it has no number there.
- **Native**: the workloads that need no device, compiled for the host
  with `cc -O2` (`tests/bench/host.c`) and timed around the work only;
  "MIPS eq." is our guest instruction count over that time, the physical
  limit an emulator could approach.
- For time and RSS, lower is better, so a ratio below 1 is a win; for
  MIPS a ratio above 1 is.
- Wall times on a shared machine are noisy (the load average is given
  below); the min-max range of the ratios shows how much.  For engine
  work, `valgrind --tool=callgrind` instruction counts are stable.
"""


def write_docs(report, results, machine, ours_v, qemu_v, pairs, have_qemu):
    verdicts = [ok for _, ok in bars(results)]
    passed = sum(1 for ok in verdicts if ok)
    failed = [t for t, ok in bars(results) if ok is False]
    with open(DOCS, "w") as f:
        f.write(DOC_HEAD)
        f.write("\n## Summary\n\n%d of the %d measures of issue 8's first "
                "bar pass in this run%s\n" % (
                    passed, len(verdicts),
                    "." if not failed else
                    "; failing: " + ", ".join(failed) + "."))
        f.write("\n## Machine\n\n- Host: %s\n- Ours: %s\n- QEMU: %s\n"
                "- Pairs: %d\n\n## Results\n\n" % (
                    machine, ours_v,
                    qemu_v if have_qemu else "not installed (ours alone)",
                    pairs))
        f.write(report)


# ---------------------------------------------------------------------


def find_qemu(path, install):
    if os.access(path, os.X_OK):
        return path
    if install and os.geteuid() == 0 and shutil.which("apt-get"):
        print("bench: %s missing, installing qemu-system-misc" % path,
              file=sys.stderr)
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        subprocess.run(["apt-get", "update", "-qq"], env=env,
                       stdout=subprocess.DEVNULL)
        subprocess.run(["apt-get", "install", "-y", "-qq",
                        "--no-install-recommends", "qemu-system-misc"],
                       env=env, stdout=subprocess.DEVNULL)
        if os.access(path, os.X_OK):
            return path
    print("bench: no QEMU 7.2 at %s: reporting ours alone" % path,
          file=sys.stderr)
    return None


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--build", default=os.path.join(SRCDIR, "build"),
                    help="build directory (default: build)")
    ap.add_argument("--qemu", default=QEMU72,
                    help="QEMU 7.2 binary (default: %(default)s)")
    ap.add_argument("--pairs", type=int, default=5,
                    help="A/B pairs per measure (default: 5)")
    ap.add_argument("--only", default="",
                    help="comma-separated workloads; 'startup' for the "
                    "start-up and QMP measures, 'none' for no workload")
    ap.add_argument("--roundtrips", type=int, default=1000)
    ap.add_argument("--no-install", action="store_true",
                    help="never try to install QEMU 7.2")
    ap.add_argument("--write-docs", action="store_true",
                    help="write docs/performance.md")
    ap.add_argument("--json", help="results file (default: "
                    "BUILD/bench/results.json)")
    args = ap.parse_args()

    ours = os.path.join(args.build, "qemu-system-riscv32")
    if not os.access(ours, os.X_OK):
        sys.exit("bench: no binary at %s (build the tree first)" % ours)
    qemu = find_qemu(args.qemu, not args.no_install)
    only = set(filter(None, args.only.split(",")))
    names = [n for n, _ in WORKLOADS]
    bad = only - set(names) - {"startup", "none"}
    if bad:
        sys.exit("bench: unknown workload(s): " + ", ".join(sorted(bad)))
    elfdir = os.path.join(args.build, "tests", "bench")

    def log(s):
        sys.stderr.write(s)
        sys.stderr.flush()

    signal.signal(signal.SIGINT, signal.default_int_handler)
    tmpdir = tempfile.mkdtemp(prefix="qbench")
    load_before = os.getloadavg()
    results = []
    failed = False
    for name, _ in WORKLOADS:
        if only and name not in only:
            continue
        elf = os.path.join(elfdir, name + ".elf")
        if not os.path.exists(elf):
            sys.exit("bench: %s missing (the cross compiler "
                     "riscv64-unknown-elf-gcc builds it)" % elf)
        log("bench: %-9s " % name)
        try:
            e = guest_benchmark(name, elf, ours, qemu, args.pairs, log)
        except RunError as err:
            log(" error\n%s\n" % err)
            failed = True
            continue
        log(" %.0f MIPS ours, %s MIPS QEMU\n" % (e["ours"], fmt(e["qemu"],
                                                                 0)))
        failed |= not e["checksum_ok"]
        if name in HOST_WORKLOADS and e["checksum_ok"]:
            try:
                t = native_benchmark(name, tmpdir, args.pairs,
                                     e["checksum"])
            except RunError as err:
                log("%s\n" % err)
                failed = True
                t = None
            if t:
                e["native_s"] = t
                e["native_mips"] = e["instret"] / t / 1e6
        results.append(e)
    if not only or "startup" in only:
        log("bench: startup  ")
        trivial = os.path.join(elfdir, "trivial.elf")
        results += startup_benchmarks(
            ours, qemu, args.pairs, args.roundtrips,
            trivial if os.path.exists(trivial) else None, log)
        log("\n")

    shutil.rmtree(tmpdir, ignore_errors=True)
    load = (load_before[0], os.getloadavg()[0])
    report = markdown(results, qemu is not None)
    print(report)
    path = args.json or os.path.join(args.build, "bench", "results.json")
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    with open(path, "w") as f:
        json.dump(results, f, indent=2)
        f.write("\n")
    print("bench: results in %s" % path, file=sys.stderr)
    if args.write_docs:
        write_docs(report, results, machine_description(load),
                   version_of(ours), version_of(qemu) if qemu else None,
                   args.pairs, qemu is not None)
        print("bench: wrote %s" % DOCS, file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
