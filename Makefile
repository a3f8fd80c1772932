# SPDX-License-Identifier: GPL-2.0-or-later
#
# Convenience front end.  The real build is meson + ninja in build/.
#
#   make            configure (if needed) and build
#   make check      install missing dependencies, build, run every suite
#                   (under CI=true also an ASan+UBSan build of the same suites
#                   and a ThreadSanitizer build for the tests marked tsan)
#   make demo       build and run the demo (OpenTitan assembled over QMP,
#                   echo firmware)
#   make demo-interactive  the same machine, its UART on this terminal
#   make bench      run the benchmarks
#   make clean      remove the build directories

BUILD ?= build
SAN_BUILD ?= build-san
TSAN_BUILD ?= build-tsan
NINJA ?= ninja
PYTHON ?= /usr/bin/python3

.PHONY: all check check-unit check-functional demo demo-interactive bench \
	clean deps

all: $(BUILD)/build.ninja
	$(NINJA) -C $(BUILD)

$(BUILD)/build.ninja:
	./configure --builddir=$(BUILD)

$(SAN_BUILD)/build.ninja:
	./configure --builddir=$(SAN_BUILD) --enable-sanitizers

$(TSAN_BUILD)/build.ninja:
	./configure --builddir=$(TSAN_BUILD) --enable-tsan

deps:
	scripts/install-deps

ifeq ($(CI),true)
CHECK_DIRS = $(BUILD) $(SAN_BUILD)
# the binary only: its functional tests marked "tsan" run on it
TSAN_ARGS = --tsan $(TSAN_BUILD)
else
CHECK_DIRS = $(BUILD)
TSAN_ARGS =
endif

# Sanitizer settings for the build-san run; harmless for the normal build.
export ASAN_OPTIONS ?= detect_leaks=1:abort_on_error=0
export UBSAN_OPTIONS ?= halt_on_error=1:print_stacktrace=1
# a reported race makes the process exit 66, which the tests see
export TSAN_OPTIONS ?= exitcode=66

check: deps
	$(MAKE) --no-print-directory $(addsuffix /build.ninja,$(CHECK_DIRS))
	for d in $(CHECK_DIRS); do $(NINJA) -C $$d || exit 1; done
ifeq ($(CI),true)
	$(MAKE) --no-print-directory $(TSAN_BUILD)/build.ninja
	$(NINJA) -C $(TSAN_BUILD) qemu-system-riscv32
endif
	$(PYTHON) scripts/run-tests.py $(TSAN_ARGS) $(CHECK_DIRS)

check-unit: all
	$(PYTHON) scripts/run-tests.py --suite unit $(BUILD)

check-functional: all
	$(PYTHON) scripts/run-tests.py --suite functional $(BUILD)

demo: deps all
	$(PYTHON) scripts/demo.py $(BUILD)

demo-interactive: deps all
	$(PYTHON) scripts/demo.py --interactive $(BUILD)

# BENCH_FLAGS: e.g. --pairs 9 --only coremark,mmio --write-docs
bench: deps all
	$(PYTHON) tests/bench/bench.py --build $(BUILD) $(BENCH_FLAGS)

clean:
	rm -rf $(BUILD) $(SAN_BUILD) $(TSAN_BUILD)
