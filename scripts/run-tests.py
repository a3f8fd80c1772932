#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Run every test suite of one or more build directories and print one summary.

    scripts/run-tests.py [--suite unit|functional|all] [--marker M]
                         [--tsan TSANDIR] BUILDDIR...

Unit tests are the GLib test programs meson knows about; each runs with --tap
and every TAP result counts.  Functional tests are the pytest suite in
tests/functional, run against BUILDDIR/qemu-system-riscv32; its JUnit report
gives the counts.  --marker M runs only the functional tests marked M;
--tsan TSANDIR also runs the tests marked "tsan" against a ThreadSanitizer
build (configure --enable-tsan), where a data race fails the test.  The last line printed is always

    N passed, N failed, N skipped

and the exit status is non-zero when anything failed or nothing ran.
"""

import argparse
import concurrent.futures
import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET

SRCDIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
UNIT_TIMEOUT = 600


class Totals:
    def __init__(self):
        self.passed = 0
        self.failed = 0
        self.skipped = 0
        self.failures = []

    def add(self, other):
        self.passed += other.passed
        self.failed += other.failed
        self.skipped += other.skipped
        self.failures += other.failures


def parse_tap(name, text, returncode):
    t = Totals()
    planned = None
    for line in text.splitlines():
        s = line.strip()
        if s.startswith("1.."):
            try:
                planned = int(s[3:].split()[0])
            except ValueError:
                pass
        elif s.startswith("ok "):
            if "# SKIP" in s or "# skip" in s:
                t.skipped += 1
            else:
                t.passed += 1
        elif s.startswith("not ok "):
            if "# TODO" in s:
                t.skipped += 1
            else:
                t.failed += 1
                t.failures.append("%s: %s" % (name, s))
        elif s.startswith("Bail out!"):
            t.failed += 1
            t.failures.append("%s: %s" % (name, s))
    seen = t.passed + t.failed + t.skipped
    if returncode != 0 and t.failed == 0:
        # a crash or abort after (or instead of) the TAP output
        t.failed += 1
        t.failures.append("%s: exited with status %d after %d results"
                          % (name, returncode, seen))
    elif planned is not None and seen < planned:
        t.failed += 1
        t.failures.append("%s: planned %d results, saw %d"
                          % (name, planned, seen))
    return t


def unit_tests(builddir):
    out = subprocess.run(["meson", "introspect", "--tests", builddir],
                         check=True, capture_output=True, text=True).stdout
    return [t for t in json.loads(out)
            if any(s.split(":")[-1] == "unit" for s in t.get("suite", []))]


def run_one_unit(test, log_dir, builddir):
    name = test["name"]
    env = dict(os.environ)
    env.update(test.get("env") or {})
    env.setdefault("G_TEST_SRCDIR", SRCDIR)
    cmd = test["cmd"] + [a for a in test.get("args", [])
                         if a not in test["cmd"]]
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, env=env,
                              cwd=test.get("workdir") or builddir,
                              timeout=UNIT_TIMEOUT)
        text, rc = proc.stdout, proc.returncode
        err = proc.stderr
    except subprocess.TimeoutExpired as e:
        text = e.stdout.decode() if isinstance(e.stdout, bytes) else (e.stdout or "")
        err = "timed out after %d s" % UNIT_TIMEOUT
        rc = -1
    with open(os.path.join(log_dir, name + ".log"), "w") as f:
        f.write(text)
        f.write("\n--- stderr ---\n")
        f.write(err or "")
    if test.get("protocol") == "exitcode":
        t = Totals()
        if rc == 0:
            t.passed = 1
        elif rc == 77:
            t.skipped = 1
        else:
            t.failed = 1
            t.failures.append("%s: exited with status %d" % (name, rc))
        return name, t, err
    return name, parse_tap(name, text, rc), err


def run_unit(builddir, jobs):
    log_dir = os.path.join(builddir, "test-logs")
    os.makedirs(log_dir, exist_ok=True)
    totals = Totals()
    tests = unit_tests(builddir)
    with concurrent.futures.ThreadPoolExecutor(jobs) as pool:
        for name, t, err in pool.map(lambda x: run_one_unit(x, log_dir, builddir),
                                     tests):
            status = "ok" if t.failed == 0 else "FAIL"
            print("unit   %-28s %4d passed %3d failed %3d skipped  %s"
                  % (name, t.passed, t.failed, t.skipped, status))
            if t.failed and err:
                print("  stderr: " + "\n  stderr: ".join(
                    err.strip().splitlines()[-15:]))
            totals.add(t)
    return totals


def run_functional(builddir, marker=None):
    totals = Totals()
    testdir = os.path.join(SRCDIR, "tests", "functional")
    if not any(f.startswith("test_") and f.endswith(".py")
               for f in os.listdir(testdir)):
        return totals
    xml = os.path.join(builddir, "functional-junit.xml")
    env = dict(os.environ)
    env["QEMU_BUILD_DIR"] = os.path.abspath(builddir)
    env["QTEST_QEMU_BINARY"] = os.path.join(os.path.abspath(builddir),
                                            "qemu-system-riscv32")
    cmd = ["/usr/bin/python3", "-m", "pytest", "-q", "-p", "no:cacheprovider",
           "--junitxml=" + xml, testdir]
    if marker:
        cmd += ["-m", marker]
    proc = subprocess.run(cmd, env=env, cwd=SRCDIR)
    if not os.path.exists(xml):
        totals.failed += 1
        totals.failures.append("functional: pytest produced no report "
                               "(exit %d)" % proc.returncode)
        return totals
    root = ET.parse(xml).getroot()
    suites = [root] if root.tag == "testsuite" else list(root)
    for s in suites:
        tests = int(s.get("tests", 0))
        fail = int(s.get("failures", 0)) + int(s.get("errors", 0))
        skip = int(s.get("skipped", 0))
        totals.passed += tests - fail - skip
        totals.failed += fail
        totals.skipped += skip
    os.unlink(xml)
    if proc.returncode not in (0, 5) and totals.failed == 0:
        totals.failed += 1
        totals.failures.append("functional: pytest exited %d"
                               % proc.returncode)
    print("functional (%s): %d passed, %d failed, %d skipped"
          % (builddir, totals.passed, totals.failed, totals.skipped))
    return totals


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--suite", choices=["unit", "functional", "all"],
                    default="all")
    ap.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 2)
    ap.add_argument("--marker", help="only the functional tests marked so")
    ap.add_argument("--tsan", action="append", default=[],
                    metavar="TSANDIR",
                    help="run the tests marked tsan against this build")
    ap.add_argument("builddirs", nargs="+")
    args = ap.parse_args()

    totals = Totals()
    for b in args.builddirs:
        print("== %s" % b)
        if args.suite in ("unit", "all"):
            totals.add(run_unit(b, args.jobs))
        if args.suite in ("functional", "all"):
            totals.add(run_functional(b, args.marker))
    for b in args.tsan:
        print("== %s (ThreadSanitizer)" % b)
        totals.add(run_functional(b, "tsan"))
    if totals.failures:
        print("\nFailures:")
        for f in totals.failures:
            print("  " + f)
    ran = totals.passed + totals.failed
    print("%d passed, %d failed, %d skipped"
          % (totals.passed, totals.failed, totals.skipped))
    sys.exit(1 if totals.failed or ran == 0 else 0)


if __name__ == "__main__":
    main()
