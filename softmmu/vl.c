/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The command line and machine start-up.
 *
 * Options are first collected (so every error can name the option it came
 * from), then applied in a fixed order that does not depend on their order
 * on the command line: informational requests, logging, the machine object,
 * user-creatable objects, then the machine phases up to "ready".
 */
#include "qemu/osdep.h"
#include "config-host.h"
#include "hw/boards.h"
#include "hw/qdev-core.h"
#include "hw/qdev-help.h"
#include "qapi/error.h"
#include "qemu/error-report.h"
#include "qemu/log.h"
#include "qemu/main-loop.h"
#include "qemu/module.h"
#include "qemu/option.h"
#include "qom/object.h"
#include "qom/object_interfaces.h"
#include "softmmu/qemu-options.h"
#include "sysemu/sysemu.h"

const char *qemu_name;

/* One option as given, with its place in argv for error locations. */
typedef struct CmdlineOpt {
    const QEMUOption *opt;
    const char *arg;
    Location loc;
} CmdlineOpt;

static GPtrArray *cmdline_opts;     /* of CmdlineOpt *, in argv order */

static void version(void)
{
    printf("QEMU emulator version " QEMU_VERSION " (" QEMU_PKGVERSION ")\n"
           "Copyright (c) 2026 the qemu-rv32 developers\n");
}

static void help(void)
{
    version();
    printf("usage: %s [options]\n\n", error_get_progname());
    qemu_options_print_help(stdout);
    printf("\nSee docs/ in the source tree for how to assemble a machine "
           "over QMP.\n");
}

/*
 * First pass: split argv into options.  Unknown options and missing
 * arguments are fatal, as in QEMU; -h and -version act at once.
 */
static void parse_argv(int argc, char **argv)
{
    int optind = 1;

    cmdline_opts = g_ptr_array_new_with_free_func(g_free);
    while (optind < argc) {
        const char *r = argv[optind];
        const QEMUOption *o;
        CmdlineOpt *co;
        int start = optind;

        loc_set_cmdline(argv, optind, 1);
        if (r[0] != '-' || r[1] == '\0') {
            error_report("invalid option");
            exit(1);
        }
        r++;
        if (r[0] == '-') {
            r++;    /* --option is the same as -option */
        }
        o = qemu_option_lookup(r);
        if (!o) {
            error_report("invalid option");
            exit(1);
        }
        optind++;
        co = g_new0(CmdlineOpt, 1);
        co->opt = o;
        if (o->flags & QEMU_OPT_HAS_ARG) {
            if (optind >= argc) {
                error_report("requires an argument");
                exit(1);
            }
            co->arg = argv[optind++];
        }
        loc_set_cmdline(argv, start, optind - start);
        loc_save(&co->loc);
        g_ptr_array_add(cmdline_opts, co);

        switch (o->index) {
        case QEMU_OPTION_h:
            help();
            exit(0);
        case QEMU_OPTION_version:
            version();
            exit(0);
        default:
            break;
        }
    }
    loc_set_none();
}

/* Call @fn for every option with index @index, with its location set. */
static void foreach_opt(int index, void (*fn)(CmdlineOpt *co, void *opaque),
                        void *opaque)
{
    guint i;

    for (i = 0; i < cmdline_opts->len; i++) {
        CmdlineOpt *co = g_ptr_array_index(cmdline_opts, i);
        Location loc = { 0 };

        if (co->opt->index != index) {
            continue;
        }
        loc_push_none(&loc);
        loc_restore(&co->loc);
        fn(co, opaque);
        loc_pop(&loc);
    }
}

static void apply_log_item(CmdlineOpt *co, void *opaque)
{
    int *mask = opaque;
    Error *err = NULL;
    int m;

    if (co->opt->index == QEMU_OPTION_D) {
        if (!qemu_set_log_filename(co->arg, &err)) {
            error_report_err(err);
            exit(1);
        }
        return;
    }
    if (!strcmp(co->arg, "help") || !strcmp(co->arg, "?")) {
        qemu_print_log_usage(stdout);
        exit(1);
    }
    if (!qemu_log_parse_items(co->arg, &m, &err)) {
        error_report_err(err);
        qemu_print_log_usage(stdout);
        exit(1);
    }
    *mask |= m;
}

static void configure_logging(void)
{
    int mask = 0;

    foreach_opt(QEMU_OPTION_D, apply_log_item, &mask);
    foreach_opt(QEMU_OPTION_d, apply_log_item, &mask);
    if (mask && !qemu_set_log(mask, NULL)) {
        error_report("cannot enable logging");
        exit(1);
    }
}

static void apply_name(CmdlineOpt *co, void *opaque)
{
    g_autoptr(QemuOpts) opts = qemu_opts_parse(co->arg, "guest", &error_fatal);
    const char *guest = qemu_opt_get(opts, "guest");

    qemu_name = g_intern_string(guest ? guest : "");
}

static void apply_display(CmdlineOpt *co, void *opaque)
{
    if (strcmp(co->arg, "none") != 0) {
        error_report("Display '%s' is not available (only 'none' is)",
                     co->arg);
        exit(1);
    }
}

/* -machine options merge: later ones override earlier ones. */
static void collect_machine_opts(CmdlineOpt *co, void *opaque)
{
    GPtrArray *all = opaque;
    QemuOpts *opts = qemu_opts_parse_keyval(co->arg, "type", &error_fatal);
    const char *type = qemu_opt_get(opts, "type");

    if (type && (!strcmp(type, "help") || !strcmp(type, "?"))) {
        machine_print_list(stdout);
        exit(0);
    }
    if (qemu_opts_has_help(opts)) {
        MachineClass *mc = type ? machine_class_find(type) : NULL;

        if (!type) {
            machine_print_list(stdout);
        } else if (!mc) {
            error_report("unsupported machine type");
            error_printf("Use -machine help to list supported machines\n");
            exit(1);
        } else {
            object_class_print_properties_help(stdout, OBJECT_CLASS(mc));
        }
        exit(0);
    }
    g_ptr_array_add(all, opts);
}

static void device_help(CmdlineOpt *co, void *opaque)
{
    g_autoptr(QemuOpts) opts = qemu_opts_parse(co->arg, "driver",
                                               &error_fatal);
    const char *driver = qemu_opt_get(opts, "driver");
    ObjectClass *oc;

    if (!qemu_opts_has_help(opts) && !(driver && !strcmp(driver, "help"))) {
        return;
    }
    if (!driver || !strcmp(driver, "help")) {
        qdev_print_device_list(stdout);
        exit(0);
    }
    oc = object_class_by_name(driver);
    if (!oc || !object_class_dynamic_cast(oc, TYPE_DEVICE)) {
        error_report("Device '%s' not found", driver);
        exit(0);
    }
    object_class_print_properties_help(stdout, oc);
    exit(0);
}

static void object_help(CmdlineOpt *co, void *opaque)
{
    g_autoptr(QemuOpts) opts = qemu_opts_parse_keyval(co->arg, "qom-type",
                                                      &error_fatal);
    const char *type = qemu_opt_get(opts, "qom-type");

    if (!qemu_opts_has_help(opts) && !(type && !strcmp(type, "help"))) {
        return;
    }
    user_creatable_print_help(stdout, type && strcmp(type, "help") ? type
                                                                    : NULL);
    exit(0);
}

static void create_object(CmdlineOpt *co, void *opaque)
{
    g_autoptr(QemuOpts) opts = qemu_opts_parse_keyval(co->arg, "qom-type",
                                                      &error_fatal);
    const char *type = qemu_opt_get(opts, "qom-type");
    g_autoptr(JsonObject) props = NULL;
    Error *err = NULL;

    if (!type) {
        error_report("Parameter 'qom-type' is missing");
        exit(1);
    }
    props = qemu_opts_to_json(opts);
    json_object_remove_member(props, "qom-type");
    json_object_remove_member(props, "id");
    if (!user_creatable_add_type(type, qemu_opts_id(opts), props, true,
                                 &err)) {
        error_report_err(err);
        exit(1);
    }
}

static MachineClass *select_machine(GPtrArray *machine_opts)
{
    const char *name = NULL;
    MachineClass *mc;
    guint i;

    for (i = 0; i < machine_opts->len; i++) {
        const char *t = qemu_opt_get(g_ptr_array_index(machine_opts, i),
                                     "type");
        if (t) {
            name = t;
        }
    }
    if (!name) {
        error_report("No machine specified, and there is no default");
        error_printf("Use -machine help to list supported machines\n");
        exit(1);
    }
    mc = machine_class_find(name);
    if (!mc) {
        error_report("unsupported machine type");
        error_printf("Use -machine help to list supported machines\n");
        exit(1);
    }
    return mc;
}

static int set_machine_prop(void *opaque, const char *name,
                            const char *value, Error **errp)
{
    if (!strcmp(name, "type")) {
        return 0;
    }
    return object_property_parse(opaque, name, value, errp) ? 0 : -1;
}

static void create_machine(void)
{
    g_autoptr(GPtrArray) machine_opts =
        g_ptr_array_new_with_free_func((GDestroyNotify)qemu_opts_free);
    MachineClass *mc;
    Object *machine;
    guint i;

    foreach_opt(QEMU_OPTION_machine, collect_machine_opts, machine_opts);
    mc = select_machine(machine_opts);
    machine = object_new(object_class_get_name(OBJECT_CLASS(mc)));
    object_property_add_child(object_get_root(), "machine", machine);
    object_unref(machine);
    for (i = 0; i < machine_opts->len; i++) {
        qemu_opt_foreach(g_ptr_array_index(machine_opts, i),
                         set_machine_prop, machine, &error_fatal);
    }
    phase_advance(PHASE_MACHINE_CREATED);
}

static void machine_init_done(void)
{
    MachineState *ms = qdev_get_machine();

    phase_advance(PHASE_ACCEL_CREATED);
    MACHINE_GET_CLASS(ms)->init(ms);
    phase_advance(PHASE_MACHINE_INITIALIZED);
    phase_advance(PHASE_MACHINE_READY);
}

void qemu_init(int argc, char **argv)
{
    error_set_progname(argv[0]);
    module_call_init(MODULE_INIT_QOM);
    qemu_init_main_loop();

    parse_argv(argc, argv);

    foreach_opt(QEMU_OPTION_device, device_help, NULL);
    foreach_opt(QEMU_OPTION_object, object_help, NULL);
    configure_logging();
    foreach_opt(QEMU_OPTION_name, apply_name, NULL);
    foreach_opt(QEMU_OPTION_display, apply_display, NULL);

    create_machine();
    foreach_opt(QEMU_OPTION_object, create_object, NULL);
    machine_init_done();
    os_setup_signal_handling();
}

int qemu_cleanup(void)
{
    Object *machine = object_resolve_path_component(object_get_root(),
                                                    "machine");

    os_cleanup_signal_handling();
    if (machine) {
        object_unparent(machine);
    }
    g_ptr_array_free(cmdline_opts, TRUE);
    qemu_cleanup_main_loop();
    return 0;
}
