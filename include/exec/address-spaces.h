/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The machine's global memory: the "system" container every sysbus MMIO
 * region is mapped into, the (empty, for RISC-V) "io" space, and their
 * address spaces "memory" and "I/O".
 */
#ifndef EXEC_ADDRESS_SPACES_H
#define EXEC_ADDRESS_SPACES_H

#include "exec/memory.h"

/*
 * Create system memory (a 2^64 container "system") and I/O (a 64 KiB
 * I/O region "io" whose reads return all ones, as QEMU's) with their
 * address spaces.  The phase stepper calls it
 * when the machine object is created; the regions live at
 * /machine/unattached/system[0] and /machine/unattached/io[0].
 */
void memory_map_init(void);
/* Undo memory_map_init() at exit (for leak checking). */
void memory_map_cleanup(void);

MemoryRegion *get_system_memory(void);
MemoryRegion *get_system_io(void);

extern AddressSpace address_space_memory;
extern AddressSpace address_space_io;

#endif
