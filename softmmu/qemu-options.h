/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The command line options: one table drives parsing and -help, so the help
 * text cannot drift from what is accepted.  Hidden options (-qtest) parse but
 * are not listed, as in QEMU.
 */
#ifndef SOFTMMU_QEMU_OPTIONS_H
#define SOFTMMU_QEMU_OPTIONS_H

enum {
    QEMU_OPTION_h,
    QEMU_OPTION_version,
    QEMU_OPTION_machine,
    QEMU_OPTION_device,
    QEMU_OPTION_object,
    QEMU_OPTION_name,
    QEMU_OPTION_nodefaults,
    QEMU_OPTION_no_user_config,
    QEMU_OPTION_display,
    QEMU_OPTION_d,
    QEMU_OPTION_D,
    QEMU_OPTION_preconfig,
    QEMU_OPTION_machine_script,
    QEMU_OPTION_kernel,
    QEMU_OPTION_S,
    QEMU_OPTION_accel,
    QEMU_OPTION_cpu,
    QEMU_OPTION_smp,
    QEMU_OPTION_m,
    QEMU_OPTION_nographic,
    QEMU_OPTION_chardev,
    QEMU_OPTION_serial,
    QEMU_OPTION_monitor,
    QEMU_OPTION_qmp,
    QEMU_OPTION_qmp_pretty,
    QEMU_OPTION_mon,
    QEMU_OPTION_pidfile,
    QEMU_OPTION_daemonize,
    QEMU_OPTION_qtest,
    QEMU_OPTION_qtest_log,
    QEMU_OPTION_icount,
    QEMU_OPTION_global,
};

#define QEMU_OPT_HAS_ARG    (1 << 0)
#define QEMU_OPT_HIDDEN     (1 << 1)
/* -help shows the option with two dashes ("--preconfig"), as QEMU does */
#define QEMU_OPT_HELP_DASHDASH (1 << 2)

typedef struct QEMUOption {
    const char *name;
    int flags;
    int index;
    const char *arghelp;    /* shown after the name in -help */
    const char *help;       /* one or more lines, without indentation */
    const char *section;    /* starts a new section of -help */
} QEMUOption;

extern const QEMUOption qemu_options[];

/* The option named @name (without leading dashes), or NULL. */
const QEMUOption *qemu_option_lookup(const char *name);

/* Print the -help text. */
void qemu_options_print_help(FILE *f);

#endif
