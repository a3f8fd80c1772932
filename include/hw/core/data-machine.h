/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Boards as data: every boards/NAME.qmp file becomes the machine type
 * "NAME-machine" (-M NAME).  The files are compiled into the binary
 * (scripts/embed-boards.py writes the table below); the machine replays
 * its file through QMP when it reaches phase "initialized".
 *
 * A board file is a QMP script (see qapi/qmp/qmp-script.h) whose leading
 * comment lines may hold directives:
 *
 *   # @desc: RISC-V Board compatible with SiFive E SDK
 *       the line -machine help prints
 *   # @ram: riscv.sifive.e.ram 0x80000000 16K
 *       the machine RAM: region name, address, size; -m must give that
 *       size (QEMU's "Invalid RAM size, should be 16 KiB" otherwise)
 *   # @serials: 2
 *       the script uses chardevs serial0 and serial1, meaning the first
 *       and second -serial ports (a port given as -serial chardev:ID is
 *       that chardev); ports that no -serial option made are created
 *       with the null backend first (QEMU leaves such a UART unconnected)
 */
#ifndef HW_CORE_DATA_MACHINE_H
#define HW_CORE_DATA_MACHINE_H

typedef struct DataBoardSource {
    const char *name;       /* the -M name: the file name without .qmp */
    const char *file;       /* the path in the source tree, for errors */
    const char *text;
} DataBoardSource;

/* The embedded board files, terminated by an entry with a NULL name. */
extern const DataBoardSource data_board_sources[];

#endif
