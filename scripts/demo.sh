#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
#
# The demo, as far as the emulator has grown: what the binary offers, then a
# machine started and stopped cleanly.  It grows into the QMP machine-assembly
# demo as the monitor, devices and CPU land.
set -eu
build=${1:-build}
qemu="$build/qemu-system-riscv32"

step() { printf '\n\033[1m$ %s\033[0m\n' "$*"; }

step "$qemu" -version
"$qemu" -version
step "$qemu" -machine help
"$qemu" -machine help
step "$qemu" -M none,help
"$qemu" -M none,help
step "$qemu" -M none -display none   "(then SIGTERM)"
"$qemu" -M none -display none &
pid=$!
# the process is up once it has set its signal handlers; poll /proc for it
for _ in $(seq 1 100); do
    mask=$(awk '/^SigCgt:/ { print $2 }' "/proc/$pid/status" 2>/dev/null || true)
    [ -n "$mask" ] && [ $((0x$mask & 0x4000)) -ne 0 ] && break
    sleep 0.05
done
kill -TERM "$pid"
wait "$pid" && echo "exited cleanly (status 0)"
