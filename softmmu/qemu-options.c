/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The option table and the -help text built from it. */
#include "qemu/osdep.h"
#include "softmmu/qemu-options.h"

const QEMUOption qemu_options[] = {
    { "h", 0, QEMU_OPTION_h, NULL, "display this help and exit",
      .section = "Standard options:" },
    { "help", 0, QEMU_OPTION_h, NULL, NULL },
    { "version", 0, QEMU_OPTION_version, NULL,
      "display version information and exit" },
    { "machine", QEMU_OPT_HAS_ARG, QEMU_OPTION_machine,
      "[type=]name[,prop[=value][,...]]",
      "selects emulated machine ('-machine help' for list)\n"
      "property help: -machine name,help" },
    { "M", QEMU_OPT_HAS_ARG, QEMU_OPTION_machine, NULL, NULL },
    { "cpu", QEMU_OPT_HAS_ARG, QEMU_OPTION_cpu, "cpu",
      "select CPU ('-cpu help' for list)" },
    { "accel", QEMU_OPT_HAS_ARG, QEMU_OPTION_accel,
      "[accel=]accelerator[,prop[=value][,...]]",
      "select accelerator (tcg or qtest; '-accel help' for list)\n"
      "thread=single|multi (enable multi-threaded TCG)\n"
      "tb-size=n (TCG translation block cache size)\n"
      "x-backend=native|threaded (TCG code generator; native: x86-64 only)" },
    { "smp", QEMU_OPT_HAS_ARG, QEMU_OPTION_smp,
      "[[cpus=]n][,maxcpus=maxcpus][,sockets=sockets][,cores=cores]"
      "[,threads=threads]",
      "set the number of CPUs (only one is supported for now)" },
    { "m", QEMU_OPT_HAS_ARG, QEMU_OPTION_m, "[size=]megs",
      "configure guest RAM\n"
      "size: initial amount of guest memory (a bare number is MiB;\n"
      "suffixes K, M, G, T, P and E are accepted)" },
    { "device", QEMU_OPT_HAS_ARG, QEMU_OPTION_device,
      "driver[,prop[=value][,...]]",
      "add device (based on driver)\n"
      "prop=value,... sets driver properties\n"
      "use '-device help' to print all possible drivers\n"
      "use '-device driver,help' to print all possible properties" },
    { "global", QEMU_OPT_HAS_ARG, QEMU_OPTION_global,
      "driver.prop=value",
      "set a default value of a driver's property (also for its\n"
      "subtypes); driver=D,property=P,value=V is the long form" },
    { "name", QEMU_OPT_HAS_ARG, QEMU_OPTION_name, "string1",
      "set the name of the guest" },
    { "object", QEMU_OPT_HAS_ARG, QEMU_OPTION_object,
      "TYPENAME[,PROP1=VALUE1,...]",
      "create a new object of type TYPENAME setting properties\n"
      "in the order they are specified.  Note that the 'id'\n"
      "property must be set.  These objects are placed in the\n"
      "'/objects' path.\n"
      "use '-object help' to list user-creatable object types" },
    { "nodefaults", 0, QEMU_OPTION_nodefaults, NULL,
      "don't create default devices" },
    { "no-user-config", 0, QEMU_OPTION_no_user_config, NULL,
      "do not load default user-provided config files at startup" },
    { "display", QEMU_OPT_HAS_ARG, QEMU_OPTION_display, "none",
      "select display backend type (only 'none': no display)",
      .section = "Display options:" },
    { "nographic", 0, QEMU_OPTION_nographic, NULL,
      "disable graphical output and redirect serial I/Os to console" },
    { "chardev", QEMU_OPT_HAS_ARG, QEMU_OPTION_chardev,
      "backend,id=id[,prop[=value][,...]]",
      "create a character device; backends: null, socket (path= or\n"
      "host=,port=; server=on|off, wait=on|off), file (path=), pipe,\n"
      "pty, stdio (signal=on|off), ringbuf (size=), memory; all take\n"
      "mux=on|off ('-chardev help' for the list)",
      .section = "Character device options:" },
    { "serial", QEMU_OPT_HAS_ARG, QEMU_OPTION_serial, "dev",
      "redirect the serial port to char device 'dev'\n"
      "(stdio, null, pty, file:PATH, unix:PATH[,...], tcp:HOST:PORT[,...],\n"
      "chardev:ID, mon:DEV, or none); each -serial adds a port" },
    { "monitor", QEMU_OPT_HAS_ARG, QEMU_OPTION_monitor, "dev",
      "redirect the monitor to char device 'dev'" },
    { "qmp", QEMU_OPT_HAS_ARG, QEMU_OPTION_qmp, "dev",
      "like -monitor but opens in 'control' mode" },
    { "qmp-pretty", QEMU_OPT_HAS_ARG, QEMU_OPTION_qmp_pretty, "dev",
      "like -qmp but uses pretty JSON formatting" },
    { "mon", QEMU_OPT_HAS_ARG, QEMU_OPTION_mon,
      "[chardev=]name[,mode=readline|control][,pretty[=on|off]]",
      "create a monitor on an existing chardev" },
    { "kernel", QEMU_OPT_HAS_ARG, QEMU_OPTION_kernel, "file",
      "load 'file' (ELF or raw image) with a 'loader' device for CPU 0\n"
      "when the machine becomes ready",
      .section = "Boot options:" },
    { "d", QEMU_OPT_HAS_ARG, QEMU_OPTION_d, "item1,...",
      "enable logging of specified items (use '-d help' for a list of "
      "log items)",
      .section = "Debug/Expert options:" },
    { "D", QEMU_OPT_HAS_ARG, QEMU_OPTION_D, "logfile",
      "output log to logfile (default stderr)" },
    { "pidfile", QEMU_OPT_HAS_ARG, QEMU_OPTION_pidfile, "file",
      "write PID to 'file'" },
    { "daemonize", 0, QEMU_OPTION_daemonize, NULL,
      "daemonize QEMU after initializing" },
    { "icount", QEMU_OPT_HAS_ARG, QEMU_OPTION_icount,
      "[shift=N][,sleep=on|off]",
      "count instructions: the virtual clock advances 2^N ns per\n"
      "executed instruction (N = 0..10), so runs are deterministic;\n"
      "sleep=off skips idle time (every hart in WFI) at once instead of\n"
      "waiting for it in real time (shift=auto, align=on and rr= are not\n"
      "supported)" },
    { "S", 0, QEMU_OPTION_S, NULL,
      "freeze CPU at startup (use 'c' to start execution)" },
    { "preconfig", QEMU_OPT_HELP_DASHDASH, QEMU_OPTION_preconfig, NULL,
      "pause QEMU before machine is initialized (experimental)" },
    { "machine-script", QEMU_OPT_HAS_ARG, QEMU_OPTION_machine_script,
      "file",
      "replay 'file' (qmp-shell syntax) as QMP commands where --preconfig\n"
      "would pause; repeatable; the machine then runs unless --preconfig\n"
      "is given or the script already exited preconfig (experimental)" },
    /* the qtest protocol server (tests/qtest); hidden, as in QEMU */
    { "qtest", QEMU_OPT_HAS_ARG | QEMU_OPT_HIDDEN, QEMU_OPTION_qtest,
      NULL, NULL },
    { "qtest-log", QEMU_OPT_HAS_ARG | QEMU_OPT_HIDDEN, QEMU_OPTION_qtest_log,
      NULL, NULL },
    { NULL },
};

const QEMUOption *qemu_option_lookup(const char *name)
{
    const QEMUOption *o;

    for (o = qemu_options; o->name; o++) {
        if (!strcmp(o->name, name)) {
            return o;
        }
    }
    return NULL;
}

/* Descriptions start in column 16, as in QEMU's help. */
#define HELP_COLUMN 16

void qemu_options_print_help(FILE *f)
{
    const QEMUOption *o;

    for (o = qemu_options; o->name; o++) {
        g_autofree char *head = NULL;
        g_auto(GStrv) lines = NULL;
        int i;

        if (o->section) {
            fprintf(f, "%s%s\n", o == qemu_options ? "" : "\n", o->section);
        }
        if (!o->help || (o->flags & QEMU_OPT_HIDDEN)) {
            continue;
        }
        if (o->index == QEMU_OPTION_h) {
            head = g_strdup("-h or -help");
        } else {
            head = g_strdup_printf("%s%s%s%s",
                                   o->flags & QEMU_OPT_HELP_DASHDASH ? "--"
                                                                     : "-",
                                   o->name, o->arghelp ? " " : "",
                                   o->arghelp ? o->arghelp : "");
        }
        lines = g_strsplit(o->help, "\n", -1);
        if (strlen(head) < HELP_COLUMN) {
            fprintf(f, "%-*s%s\n", HELP_COLUMN, head, lines[0]);
        } else {
            fprintf(f, "%s\n%*s%s\n", head, HELP_COLUMN, "", lines[0]);
        }
        for (i = 1; lines[i]; i++) {
            fprintf(f, "%*s%s\n", HELP_COLUMN, "", lines[i]);
        }
    }
}
