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
    { "device", QEMU_OPT_HAS_ARG, QEMU_OPTION_device,
      "driver[,prop[=value][,...]]",
      "add device (based on driver)\n"
      "prop=value,... sets driver properties\n"
      "use '-device help' to print all possible drivers\n"
      "use '-device driver,help' to print all possible properties" },
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
    { "d", QEMU_OPT_HAS_ARG, QEMU_OPTION_d, "item1,...",
      "enable logging of specified items (use '-d help' for a list of "
      "log items)",
      .section = "Debug/Expert options:" },
    { "D", QEMU_OPT_HAS_ARG, QEMU_OPTION_D, "logfile",
      "output log to logfile (default stderr)" },
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
            head = g_strdup_printf("-%s%s%s", o->name, o->arghelp ? " " : "",
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
