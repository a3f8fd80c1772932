# SPDX-License-Identifier: GPL-2.0-or-later
"""-icount shift=N[,sleep=on|off]: the virtual clock follows executed
instructions (2^N ns each), so a program that reads mtime and minstret
around timer interrupts prints the same numbers on every run, with
sleep=on and sleep=off alike; the numbers follow from the shift; idle
time in WFI is skipped (sleep=off) or waited for in real time (sleep=on)
without costing instructions.  The probe runs on the sifive_e data board
(-M sifive_e, and -M none -preconfig with boards/sifive_e.qmp as the
machine script), and on QEMU 7.2's -M sifive_e, whose numbers ours must
come close to (interrupts are taken at block boundaries here, at the
exact instruction there).  Last, the option's errors, with QEMU 7.2's
texts and exit status."""

import os
import subprocess
import time

import pytest

from guest import build_asm, read_until

SRCDIR = os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__))))
QEMU72 = os.environ.get("QEMU72_BINARY", "/usr/bin/qemu-system-riscv32")
TIMEOUT = 20

MTIME_NS = 100          # sifive_e's mtime runs at 10 MHz
BUSY_TICKS = 100        # the busy-loop interrupt, in mtime ticks
IDLE_TICKS = 2000000    # the WFI interrupt: 0.2 s of virtual time
BLOCK = 64              # instructions in the longest translated block

# Prints "start MTIME INSTRET", then "busy ARM_MTIME ARM_INSTRET COUNT
# IRQ_MTIME IRQ_INSTRET" for an interrupt BUSY_TICKS after ARM while a
# loop counts, then "idle ARM_MTIME ARM_INSTRET IRQ_MTIME IRQ_INSTRET"
# for one IDLE_TICKS after ARM taken from WFI, then "done".
PROBE = r"""
    .equ UART, 0x10013000
    .equ MTIME, 0x0200bff8
    .equ MTIMECMP, 0x02004000
    .globl _start
_start:
    la t0, trap
    csrw mtvec, t0
    li s0, UART
    li s1, MTIME
    li s2, MTIMECMP
    la a1, s_start
    jal puts
    lw a0, 0(s1)
    jal puthex
    csrr a0, minstret
    jal puthex
    jal newline

    la a1, s_busy
    jal puts
    lw s9, 0(s1)
    csrr s10, minstret
    addi t0, s9, %(busy)d
    jal arm
    li t0, 0x80
    csrs mie, t0
    li s3, 0
    li s4, 0
    csrsi mstatus, 8
busy:
    addi s4, s4, 1
    beqz s3, busy
    mv a0, s9
    jal puthex
    mv a0, s10
    jal puthex
    mv a0, s4
    jal puthex
    jal report

    csrci mstatus, 8
    la a1, s_idle
    jal puts
    lw s9, 0(s1)
    csrr s10, minstret
    li t0, %(idle)d
    add t0, t0, s9
    jal arm
    li s3, 0
idle:
    wfi
    csrsi mstatus, 8
    csrci mstatus, 8
    beqz s3, idle
    mv a0, s9
    jal puthex
    mv a0, s10
    jal puthex
    jal report
    li t0, 0x80
    csrc mie, t0
    la a1, s_done
    jal puts
hang:
    wfi
    j hang

# mtimecmp := t0 (the high word passes through all ones)
arm:
    li t1, -1
    sw t1, 4(s2)
    sw t0, 0(s2)
    sw zero, 4(s2)
    ret

report:
    mv s8, ra
    mv a0, s5
    jal puthex
    mv a0, s6
    jal puthex
    mv ra, s8
newline:
    li t0, '\n'
    sw t0, 0(s0)
    ret

puts:
    lbu t0, 0(a1)
    beqz t0, 1f
    sw t0, 0(s0)
    addi a1, a1, 1
    j puts
1:  ret

# a0 in hex, then a space
puthex:
    li t2, 8
1:  srli t0, a0, 28
    addi t0, t0, '0'
    li t1, '9'
    ble t0, t1, 2f
    addi t0, t0, 'a' - '0' - 10
2:  sw t0, 0(s0)
    slli a0, a0, 4
    addi t2, t2, -1
    bnez t2, 1b
    li t0, ' '
    sw t0, 0(s0)
    ret

    .balign 4
trap:
    lw s5, 0(s1)
    csrr s6, minstret
    li s3, 1
    li t0, -1
    sw t0, 4(s2)
    mret

s_start: .asciz "start "
s_busy: .asciz "busy "
s_idle: .asciz "idle "
s_done: .asciz "done\n"
""" % {"busy": BUSY_TICKS, "idle": IDLE_TICKS}


@pytest.fixture(scope="module")
def probe(tmp_path_factory):
    return build_asm(tmp_path_factory.mktemp("icount"), "probe", PROBE,
                     0x20400000)


def run_probe(binary, args, elf):
    """Run until "done"; returns (lines, seconds until then)."""
    cmd = [binary, "-display", "none", "-nodefaults", "-serial", "stdio",
           *args, "-device", "loader,file=%s" % elf]
    start = time.monotonic()
    proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        out = read_until(proc.stdout, b"done\n", TIMEOUT)
        took = time.monotonic() - start
    finally:
        proc.kill()
        _, err = proc.communicate(timeout=TIMEOUT)
    assert out.endswith(b"done\n"), "no 'done': %r %r" % (out, err)
    return out.decode().splitlines(), took


def parse(lines):
    vals = {}
    for line in lines[:3]:
        words = line.split()
        vals[words[0]] = [int(w, 16) for w in words[1:]]
    return vals


def ticks(insns, shift):
    """mtime ticks that @insns instructions take, rounded up."""
    return -(-(insns << shift) // MTIME_NS)


def check_times(v, shift, exact_instret=True):
    """What the clock must show for instructions of 2^shift ns."""
    arm, _, _, irq, _ = v["busy"]
    # taken at the deadline, or at the end of the block that reached it
    assert BUSY_TICKS <= irq - arm <= BUSY_TICKS + ticks(BLOCK + 16, shift)
    arm, arm_ir, irq, irq_ir = v["idle"]
    assert IDLE_TICKS <= irq - arm <= IDLE_TICKS + ticks(16, shift)
    if exact_instret:
        # the busy loop's instructions are what made its time
        arm, arm_ir, count, irq, irq_ir = v["busy"]
        ns = (irq_ir - arm_ir) << shift
        assert (BUSY_TICKS - 1) * MTIME_NS <= ns
        assert ns <= (BUSY_TICKS + 1) * MTIME_NS + ((BLOCK + 16) << shift)
        assert 2 * count <= irq_ir - arm_ir <= 2 * count + 32
        # the idle interval cost a few instructions, not its length
        arm, arm_ir, irq, irq_ir = v["idle"]
        assert irq_ir - arm_ir < 32


@pytest.mark.parametrize("shift", [0, 3, 7])
def test_deterministic(qemu, probe, shift):
    args = ["-M", "sifive_e", "-icount", "shift=%d,sleep=off" % shift]
    first, _ = run_probe(qemu, args, probe)
    second, _ = run_probe(qemu, args, probe)
    assert first == second
    v = parse(first)
    # a few instructions ran before the first read
    assert v["start"][1] < 0x100
    assert v["start"][0] <= ticks(v["start"][1], shift)
    check_times(v, shift)


def test_sleep_on_waits_in_real_time(qemu, probe):
    """sleep=on: the same numbers as sleep=off, but the 0.2 s of virtual
    idle time pass in real time."""
    off, _ = run_probe(qemu, ["-M", "sifive_e", "-icount",
                              "shift=3,sleep=off"], probe)
    on, took = run_probe(qemu, ["-M", "sifive_e", "-icount", "shift=3"],
                         probe)
    assert on == off
    assert took >= IDLE_TICKS * MTIME_NS / 1e9


def test_preconfig_machine(qemu, vm, probe):
    """-M none -preconfig: the clock counts once the machine runs."""
    script = os.path.join(SRCDIR, "boards", "sifive_e.qmp")
    base = ["-icount", "shift=3,sleep=off"]
    ref, _ = run_probe(qemu, ["-M", "sifive_e"] + base, probe)
    v = vm("-display", "none", "-nodefaults", "-serial", "stdio",
           "-serial", "null", "-M", "none", "-machine-script", script,
           "-preconfig", *base, "-device", "loader,file=%s" % probe)
    v.qmp.command("x-exit-preconfig")
    out = read_until(v.proc.stdout, b"done\n", TIMEOUT)
    assert out.decode().splitlines() == ref


@pytest.mark.parametrize("shift", [0, 3, 7])
def test_close_to_qemu72(qemu, probe, shift):
    """QEMU 7.2 shows the same timing within block granularity.  Its
    minstret counts virtual ns under -icount (and includes the reading
    instruction), so only mtime and the loop count are compared."""
    if not os.access(QEMU72, os.X_OK):
        pytest.skip("no QEMU 7.2 at %s (set QEMU72_BINARY)" % QEMU72)
    args = ["-M", "sifive_e", "-icount", "shift=%d,sleep=off" % shift]
    ref = parse(run_probe(QEMU72, args, probe)[0])
    ours = parse(run_probe(qemu, args, probe)[0])
    check_times(ref, shift, exact_instret=False)
    slack = ticks(BLOCK, shift) + 1
    assert abs(ours["busy"][0] - ref["busy"][0]) <= slack
    assert abs(ours["busy"][2] - ref["busy"][2]) <= BLOCK // 2
    assert abs(ours["busy"][3] - ref["busy"][3]) <= slack
    assert abs(ours["idle"][0] - ref["idle"][0]) <= slack
    assert abs(ours["idle"][2] - ref["idle"][2]) <= slack


# (argument, message after "qemu-system-riscv32: -icount ARG: ")
ERRORS = [
    ("shift=99", "icount: Invalid shift value"),
    ("shift=11", "icount: Invalid shift value"),
    ("shift=-1", "icount: Invalid shift value"),
    ("shift=foo", "icount: Invalid shift value"),
    ("shift=", "icount: Invalid shift value"),
    ("help", "icount: Invalid shift value"),
    ("align=on", "Please specify shift option when using align"),
    ("shift=3,align=on,sleep=off", "align=on and sleep=off are incompatible"),
    ("shift=3,sleep=maybe", "Parameter 'sleep' expects 'on' or 'off'"),
    ("shift=3,align=maybe", "Parameter 'align' expects 'on' or 'off'"),
    ("foo=1", "Invalid parameter 'foo'"),
    ("rr=record", "File name not specified for replay"),
    ("shift=3,rr=foo", "Invalid icount rr option: foo"),
]

# refused here, accepted by QEMU 7.2
UNSUPPORTED = [
    ("shift=auto", "icount: shift=auto is not supported (use shift=0..10)"),
    ("shift=3,align=on", "icount: align=on is not supported"),
    ("shift=3,rr=record,rrfile=x.rr",
     "icount: record/replay is not supported"),
]


def icount_error(binary, arg):
    proc = subprocess.run([binary, "-M", "none", "-display", "none",
                           "-nodefaults", "-icount", arg],
                          capture_output=True, text=True, timeout=TIMEOUT,
                          stdin=subprocess.DEVNULL)
    return proc.returncode, proc.stderr


@pytest.mark.parametrize("arg,msg", ERRORS + UNSUPPORTED)
def test_errors(qemu, arg, msg):
    want = "qemu-system-riscv32: -icount %s: %s\n" % (arg, msg)
    assert icount_error(qemu, arg) == (1, want)


@pytest.mark.parametrize("arg,msg", ERRORS)
def test_errors_as_qemu72(qemu, arg, msg):
    if not os.access(QEMU72, os.X_OK):
        pytest.skip("no QEMU 7.2 at %s (set QEMU72_BINARY)" % QEMU72)
    assert icount_error(qemu, arg) == icount_error(QEMU72, arg)


def test_accepted_forms(qemu):
    """A bare number is the shift; 0x and spaces as strtol takes them;
    the last of repeated keys wins (an error names the first -icount)."""
    quit_cmds = '{"execute": "qmp_capabilities"}\n{"execute": "quit"}\n'
    for arg in ("3", "shift=0x3", "shift= 3", "shift=10,sleep=on", "",
                "shift=99,shift=2"):
        r = subprocess.run([qemu, "-M", "none", "-display", "none",
                            "-nodefaults", "-S", "-qmp", "stdio",
                            "-icount", arg], input=quit_cmds,
                           capture_output=True, text=True, timeout=TIMEOUT)
        assert (r.returncode, r.stderr) == (0, ""), arg
        assert '"event": "SHUTDOWN"' in r.stdout
    r = subprocess.run([qemu, "-M", "none", "-display", "none",
                        "-nodefaults", "-icount", "shift=3",
                        "-icount", "shift=99"],
                       capture_output=True, text=True, timeout=TIMEOUT,
                       stdin=subprocess.DEVNULL)
    assert (r.returncode, r.stderr) == (
        1, "qemu-system-riscv32: -icount shift=3: icount: "
           "Invalid shift value\n")
