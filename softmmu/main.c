/* SPDX-License-Identifier: GPL-2.0-or-later */
/* qemu-system-riscv32: parse the command line, run, clean up. */
#include "qemu/osdep.h"
#include "sysemu/runstate.h"
#include "sysemu/sysemu.h"

int main(int argc, char **argv)
{
    int status;

    qemu_init(argc, argv);
    qemu_main_loop();
    status = qemu_cleanup();
    return status ? status : qemu_shutdown_exit_code();
}
