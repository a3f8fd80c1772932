# SPDX-License-Identifier: GPL-2.0-or-later
#
# Convenience front end.  The real build is meson + ninja in build/.
#
#   make            configure (if needed) and build
#   make check      install missing dependencies, build, run every suite
#                   (under CI=true also an ASan+UBSan build of the same suites)
#   make demo       build and run the demo
#   make bench      run the benchmarks
#   make clean      remove the build directories

BUILD ?= build
SAN_BUILD ?= build-san
NINJA ?= ninja
PYTHON ?= /usr/bin/python3

.PHONY: all check check-unit check-functional demo bench clean deps

all: $(BUILD)/build.ninja
	$(NINJA) -C $(BUILD)

$(BUILD)/build.ninja:
	./configure --builddir=$(BUILD)

$(SAN_BUILD)/build.ninja:
	./configure --builddir=$(SAN_BUILD) --enable-sanitizers

deps:
	scripts/install-deps

ifeq ($(CI),true)
CHECK_DIRS = $(BUILD) $(SAN_BUILD)
else
CHECK_DIRS = $(BUILD)
endif

# Sanitizer settings for the build-san run; harmless for the normal build.
export ASAN_OPTIONS ?= detect_leaks=1:abort_on_error=0
export UBSAN_OPTIONS ?= halt_on_error=1:print_stacktrace=1

check: deps
	$(MAKE) --no-print-directory $(addsuffix /build.ninja,$(CHECK_DIRS))
	for d in $(CHECK_DIRS); do $(NINJA) -C $$d || exit 1; done
	$(PYTHON) scripts/run-tests.py $(CHECK_DIRS)

check-unit: all
	$(PYTHON) scripts/run-tests.py --suite unit $(BUILD)

check-functional: all
	$(PYTHON) scripts/run-tests.py --suite functional $(BUILD)

demo: deps all
	$(PYTHON) scripts/demo.py $(BUILD)

bench: deps all
	@echo "make bench: no benchmarks yet (see issue: benchmarks against QEMU 7.2)"

clean:
	rm -rf $(BUILD) $(SAN_BUILD)
