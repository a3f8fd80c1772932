/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The command line and machine start-up.
 *
 * Options are first collected (so every error can name the option it came
 * from), then applied in a fixed order that does not depend on their order
 * on the command line, as QEMU does:
 *
 *   1. informational requests (-help, -version, "help" arguments);
 *   2. logging, -name, -display, consistency checks;
 *   3. -daemonize (fork) and -pidfile;
 *   4. the machine object (-M), -chardev, -m, -smp, -cpu: machine-created;
 *   5. the accelerator (-accel, -M accel=): accel-created;
 *   6. -object, the monitors (-qmp, -qmp-pretty, -monitor, -mon, in their
 *      command-line order), the serial ports (-serial, -nographic);
 *   7. without -preconfig, the phase stepper runs to "ready" (and starts
 *      the machine unless -S); with it, QMP clients step the machine.
 */
#include "qemu/osdep.h"
#include <sys/file.h>
#include <sys/stat.h>
#include <glib-unix.h>
#include "chardev/char.h"
#include "config-host.h"
#include "exec/address-spaces.h"
#include "exec/cpu-exec.h"
#include "hw/boards.h"
#include "hw/qdev-core.h"
#include "hw/qdev-help.h"
#include "hw/qdev-properties.h"
#include "monitor/monitor.h"
#include "qapi/error.h"
#include "qapi/qapi-events.h"
#include "qapi/qmp/qmp-script.h"
#include "qemu/cutils.h"
#include "qemu/error-report.h"
#include "qemu/log.h"
#include "qemu/main-loop.h"
#include "qemu/module.h"
#include "qemu/option.h"
#include "qemu/timer.h"
#include "qobject/json.h"
#include "qom/object.h"
#include "qom/object_interfaces.h"
#include "sysemu/qtest.h"
#include "softmmu/qemu-options.h"
#include "sysemu/accel.h"
#include "sysemu/cpu-timers.h"
#include "sysemu/runstate.h"
#include "sysemu/sysemu.h"

const char *qemu_name;

/* One option as given, with its place in argv for error locations. */
typedef struct CmdlineOpt {
    const QEMUOption *opt;
    const char *arg;
    Location loc;
} CmdlineOpt;

static GPtrArray *cmdline_opts;     /* of CmdlineOpt *, in argv order */

/* Flags gathered from the command line */
static bool preconfig_requested;
static const char *qtest_chrdev;     /* -qtest */
static const char *qtest_log;        /* -qtest-log */
static bool autostart = true;
static bool nographic;
static bool daemonize;
static const char *pid_file;
static char *pid_file_realpath;     /* what we wrote, to unlink at exit */
static int pid_file_fd = -1;
static int daemon_pipe = -1;
static bool default_serial = true;
static bool default_parallel = true;
static bool default_monitor = true;

static GPtrArray *serial_hds;       /* of Chardev * (NULL for none) */

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

/* The last option with index @index, or NULL. */
static CmdlineOpt *last_opt(int index)
{
    guint i;

    for (i = cmdline_opts->len; i > 0; i--) {
        CmdlineOpt *co = g_ptr_array_index(cmdline_opts, i - 1);

        if (co->opt->index == index) {
            return co;
        }
    }
    return NULL;
}

static bool has_opt(int index)
{
    return last_opt(index) != NULL;
}

static bool is_help_arg(const char *arg)
{
    return !strcmp(arg, "help") || !strcmp(arg, "?");
}

/* 1. Informational requests */

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
    qdev_print_device_props_help(stdout, oc);
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

static void chardev_help(CmdlineOpt *co, void *opaque)
{
    g_autoptr(QemuOpts) opts = qemu_opts_parse(co->arg, "backend",
                                               &error_fatal);
    const char *backend = qemu_opt_get(opts, "backend");

    if ((backend && is_help_arg(backend)) || qemu_opts_has_help(opts)) {
        char *text = qemu_chr_backends_help();

        printf("%s", text);
        g_free(text);
        exit(0);
    }
}

static void accel_help(CmdlineOpt *co, void *opaque)
{
    g_autoptr(QemuOpts) opts = qemu_opts_parse_keyval(co->arg, "accel",
                                                      &error_fatal);
    const char *name = qemu_opt_get(opts, "accel");

    if ((name && is_help_arg(name)) || qemu_opts_has_help(opts)) {
        accel_print_list(stdout);
        exit(0);
    }
}

/* CPU types are "<model>-riscv-cpu"; -cpu help lists the models. */
#define CPU_TYPE_SUFFIX "-riscv-cpu"

static void cpu_help(CmdlineOpt *co, void *opaque)
{
    GSList *list, *el;

    if (!is_help_arg(co->arg)) {
        return;
    }
    list = object_class_get_list_sorted(TYPE_OBJECT, false);
    for (el = list; el; el = el->next) {
        const char *name = object_class_get_name(el->data);

        if (g_str_has_suffix(name, CPU_TYPE_SUFFIX)) {
            printf("%.*s\n", (int)(strlen(name) - strlen(CPU_TYPE_SUFFIX)),
                   name);
        }
    }
    g_slist_free(list);
    exit(0);
}

/*
 * -global DRIVER.PROP=VALUE, or driver=D,property=P,value=V: the value
 * is the rest of the argument (commas included) in the short form.
 */
static void apply_global(CmdlineOpt *co, void *opaque)
{
    const char *arg = co->arg;
    size_t dlen = strcspn(arg, ".=");
    g_autoptr(QemuOpts) opts = NULL;
    const char *driver, *property, *value;
    size_t i;

    if (dlen > 0 && arg[dlen] == '.') {
        const char *prop = arg + dlen + 1;
        size_t plen = strcspn(prop, "=");

        if (plen > 0 && prop[plen] == '=') {
            g_autofree char *d = g_strndup(arg, dlen);
            g_autofree char *p = g_strndup(prop, plen);

            qdev_prop_register_global(d, p, prop + plen + 1);
            return;
        }
    }
    opts = qemu_opts_parse_noisily(arg, NULL, &error_fatal);
    if (qemu_opts_has_help(opts)) {
        printf("global options:\n  driver=<str>\n  property=<str>\n"
               "  value=<str>\n");
        exit(1);
    }
    for (i = 0; i < qemu_opts_count(opts); i++) {
        const char *name = qemu_opts_nth(opts, i)->name;

        if (strcmp(name, "driver") && strcmp(name, "property") &&
            strcmp(name, "value")) {
            error_report("Invalid parameter '%s'", name);
            exit(1);
        }
    }
    driver = qemu_opt_get(opts, "driver");
    property = qemu_opt_get(opts, "property");
    value = qemu_opt_get(opts, "value");
    if (!driver || !property || !value) {
        error_report("options 'driver', 'property', and 'value' are "
                     "required");
        exit(1);
    }
    qdev_prop_register_global(driver, property, value);
}

/* 2. Logging, -name, -display, flags */

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

static void collect_flags(void)
{
    guint i;

    for (i = 0; i < cmdline_opts->len; i++) {
        CmdlineOpt *co = g_ptr_array_index(cmdline_opts, i);

        switch (co->opt->index) {
        case QEMU_OPTION_preconfig:
            preconfig_requested = true;
            break;
        case QEMU_OPTION_qtest:
            qtest_chrdev = co->arg;
            break;
        case QEMU_OPTION_qtest_log:
            qtest_log = co->arg;
            break;
        case QEMU_OPTION_S:
            autostart = false;
            break;
        case QEMU_OPTION_nographic:
            nographic = true;
            break;
        case QEMU_OPTION_daemonize:
            daemonize = true;
            break;
        case QEMU_OPTION_pidfile:
            pid_file = co->arg;
            break;
        case QEMU_OPTION_nodefaults:
            default_serial = default_parallel = default_monitor = false;
            break;
        case QEMU_OPTION_serial:
            default_serial = false;
            break;
        case QEMU_OPTION_qmp:
        case QEMU_OPTION_qmp_pretty:
        case QEMU_OPTION_monitor:
        case QEMU_OPTION_mon:
            default_monitor = false;
            break;
        default:
            break;
        }
    }
}

static void validate_options(void)
{
    /*
     * -nographic sends the default serial port and monitor to stdio,
     * which a daemon does not have; it is fine when every default is
     * redirected or disabled (QEMU's rule, which libvirt relies on).
     */
    if (daemonize && nographic &&
        (default_serial || default_parallel || default_monitor)) {
        error_report("-nographic cannot be used with -daemonize");
        exit(1);
    }
}

/* 3. -daemonize and -pidfile */

bool is_daemonized(void)
{
    return daemonize;
}

/*
 * Fork; the parent waits until the child reports that initialisation is
 * complete (os_setup_post()), then exits 0, or 1 if the child failed.
 */
static void os_daemonize(void)
{
    int fds[2];
    pid_t pid;

    if (!daemonize) {
        return;
    }
    if (!g_unix_open_pipe(fds, FD_CLOEXEC, NULL)) {
        error_report("cannot daemonize: %s", strerror(errno));
        exit(1);
    }
    fflush(stdout);
    fflush(stderr);
    pid = fork();
    if (pid < 0) {
        error_report("cannot daemonize: %s", strerror(errno));
        exit(1);
    }
    if (pid > 0) {
        uint8_t status = 1;
        ssize_t len;

        close(fds[1]);
        do {
            len = read(fds[0], &status, 1);
        } while (len < 0 && errno == EINTR);
        _exit(len == 1 && status == 0 ? 0 : 1);
    }
    close(fds[0]);
    daemon_pipe = fds[1];
    setsid();
    pid = fork();
    if (pid < 0) {
        _exit(1);
    }
    if (pid > 0) {
        _exit(0);
    }
    umask(027);
    signal(SIGTSTP, SIG_IGN);
    signal(SIGTTOU, SIG_IGN);
    signal(SIGTTIN, SIG_IGN);
}

/* The daemon is up: detach from the terminal and release the parent. */
static void os_setup_post(void)
{
    uint8_t status = 0;
    int fd;

    if (!daemonize) {
        return;
    }
    if (chdir("/") < 0) {
        error_report("cannot chdir to /: %s", strerror(errno));
        exit(1);
    }
    fd = open("/dev/null", O_RDWR | O_CLOEXEC);
    if (fd < 0) {
        error_report("cannot open /dev/null: %s", strerror(errno));
        exit(1);
    }
    fflush(stdout);
    fflush(stderr);
    dup2(fd, 0);
    dup2(fd, 1);
    /* with -D, messages go to the log file; keep stderr for it */
    if (!qemu_log_enabled()) {
        dup2(fd, 2);
    }
    close(fd);
    if (write(daemon_pipe, &status, 1) != 1) {
        /* the parent is gone: nothing to tell */
    }
    close(daemon_pipe);
    daemon_pipe = -1;
}

/* Write "PID\n" to @path (mode 0600), locked while we run. */
static bool qemu_write_pidfile(const char *path, Error **errp)
{
    g_autofree char *content = g_strdup_printf("%d\n", (int)getpid());
    int fd;

    fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, S_IRUSR | S_IWUSR);
    if (fd < 0) {
        error_setg_errno(errp, errno, "Cannot open pid file");
        return false;
    }
    if (lockf(fd, F_TLOCK, 0) < 0) {
        error_setg_errno(errp, errno, "Cannot lock pid file");
        close(fd);
        return false;
    }
    if (ftruncate(fd, 0) < 0) {
        error_setg_errno(errp, errno, "Failed to truncate pid file");
        close(fd);
        return false;
    }
    if (write(fd, content, strlen(content)) != (ssize_t)strlen(content)) {
        error_setg(errp, "Failed to write pid file");
        close(fd);
        return false;
    }
    pid_file_fd = fd;
    return true;
}

static void write_pidfile(void)
{
    Error *err = NULL;

    if (!pid_file) {
        return;
    }
    if (!qemu_write_pidfile(pid_file, &err)) {
        error_prepend(&err, "cannot create PID file: ");
        error_report_err(err);
        exit(1);
    }
    /* the daemon changes directory: remember where the file is */
    pid_file_realpath = g_canonicalize_filename(pid_file, NULL);
}

static void remove_pidfile(void)
{
    if (pid_file_realpath) {
        unlink(pid_file_realpath);
        g_free(pid_file_realpath);
        pid_file_realpath = NULL;
    }
    if (pid_file_fd >= 0) {
        close(pid_file_fd);
        pid_file_fd = -1;
    }
}

/* 4. The machine object and what configures it */

/* -machine options merge: later ones override earlier ones. */
static void collect_machine_opts(CmdlineOpt *co, void *opaque)
{
    GPtrArray *all = opaque;
    QemuOpts *opts = qemu_opts_parse_keyval(co->arg, "type", &error_fatal);
    const char *type = qemu_opt_get(opts, "type");

    if (type && is_help_arg(type)) {
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

/* -M accel=LIST, kept for configure_accelerators() */
static char *machine_accel_list;

static int set_machine_prop(void *opaque, const char *name,
                            const char *value, Error **errp)
{
    if (!strcmp(name, "type")) {
        return 0;
    }
    if (!strcmp(name, "accel")) {
        g_free(machine_accel_list);
        machine_accel_list = g_strdup(value);
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
    container_get(machine, "/peripheral");
    container_get(machine, "/peripheral-anon");
    container_get(machine, "/unattached");
    sysbus_get_default();   /* /machine/unattached/sysbus */
    memory_map_init();
    for (i = 0; i < machine_opts->len; i++) {
        qemu_opt_foreach(g_ptr_array_index(machine_opts, i),
                         set_machine_prop, machine, &error_fatal);
    }
}

/* -icount: repeated options merge, later keys winning, as in QEMU */
static void merge_icount_opts(CmdlineOpt *co, void *opaque)
{
    QemuOpts *all = opaque;
    g_autoptr(QemuOpts) opts = qemu_opts_parse_noisily(co->arg, "shift",
                                                       &error_fatal);
    size_t i;

    for (i = 0; i < qemu_opts_count(opts); i++) {
        const QemuOpt *opt = qemu_opts_nth(opts, i);

        qemu_opt_set(all, opt->name, opt->str);
    }
    if (qemu_opts_has_help(opts)) {
        qemu_opt_set(all, "shift", "help");     /* QEMU: a bad shift */
    }
}

static void configure_icount(void)
{
    g_autoptr(QemuOpts) all = qemu_opts_new();
    CmdlineOpt *first = NULL;
    Location loc = { 0 };
    Error *err = NULL;
    guint i;

    for (i = 0; i < cmdline_opts->len && !first; i++) {
        CmdlineOpt *co = g_ptr_array_index(cmdline_opts, i);

        if (co->opt->index == QEMU_OPTION_icount) {
            first = co;
        }
    }
    if (!first) {
        return;
    }
    foreach_opt(QEMU_OPTION_icount, merge_icount_opts, all);
    /* errors name the first -icount, as QEMU's merged options do */
    loc_push_none(&loc);
    loc_restore(&first->loc);
    if (!icount_configure(all, &err)) {
        error_report_err(err);
        exit(1);
    }
    loc_pop(&loc);
}

static void create_chardev(CmdlineOpt *co, void *opaque)
{
    g_autoptr(QemuOpts) opts = qemu_opts_parse(co->arg, "backend",
                                               &error_fatal);
    Error *err = NULL;

    if (!qemu_chr_new_from_opts(opts, &err)) {
        error_report_err(err);
        exit(1);
    }
}

/* -m [size=]N[suffix]: a bare number is MiB */
static void apply_memory(CmdlineOpt *co, void *opaque)
{
    g_autoptr(QemuOpts) opts = qemu_opts_parse(co->arg, "size",
                                               &error_fatal);
    g_autoptr(JsonNode) value = NULL;
    const char *str;
    size_t i;
    uint64_t size;

    for (i = 0; i < qemu_opts_count(opts); i++) {
        const QemuOpt *opt = qemu_opts_nth(opts, i);

        if (strcmp(opt->name, "size") != 0) {
            error_report("Invalid parameter '%s'", opt->name);
            exit(1);
        }
    }
    size = qemu_opt_get_size(opts, "size", 0, &error_fatal);
    if (size == 0) {
        return;     /* QEMU ignores -m 0: the default size stays */
    }
    str = qemu_opt_get(opts, "size");
    if (g_ascii_isdigit(str[strlen(str) - 1])) {
        if (size > UINT64_MAX / MiB) {
            error_report("Parameter 'size' expects a size value");
            exit(1);
        }
        size *= MiB;
    }
    value = qjson_from_jsonf_nofail("{\"size\": %" PRIu64 "}", size);
    object_property_set(OBJECT(qdev_get_machine()), "memory", value,
                        &error_fatal);
}

/*
 * -smp [cpus=]n[,maxcpus=m][,sockets=..] becomes the machine's "smp"
 * property; its errors come without the option's location, as in QEMU.
 */
static void apply_smp(CmdlineOpt *co, void *opaque)
{
    g_autoptr(QemuOpts) opts = qemu_opts_parse(co->arg, "cpus",
                                               &error_fatal);
    g_autoptr(JsonObject) obj = json_object_new();
    g_autoptr(JsonNode) value = json_node_new(JSON_NODE_OBJECT);
    Error *err = NULL;
    size_t i;

    for (i = 0; i < qemu_opts_count(opts); i++) {
        const QemuOpt *opt = qemu_opts_nth(opts, i);
        uint64_t v = qemu_opt_get_number(opts, opt->name, 0, &error_fatal);

        json_object_set_int_member(obj, opt->name, v);
    }
    json_node_set_object(value, obj);
    loc_set_none();
    if (!object_property_set(OBJECT(qdev_get_machine()), "smp", value,
                             &err)) {
        error_report_err(err);
        exit(1);
    }
}

/*
 * -cpu MODEL,PROP=VALUE,...: each pair becomes a global property of the
 * model's type (split at every comma, no escaping), after the -global
 * ones, so it wins over them; as in QEMU, the errors name no option.
 */
static void apply_cpu_props(const char *tname, const char *props)
{
    g_auto(GStrv) items = NULL;
    int i;

    if (*props++ != ',') {
        return;
    }
    items = g_strsplit(props, ",", -1);
    for (i = 0; items[i]; i++) {
        char *eq = strchr(items[i], '=');

        if (!*items[i]) {
            continue;
        }
        if (!eq) {
            loc_set_none();
            error_report("Expected key=value format, found %s.", items[i]);
            exit(1);
        }
        *eq = '\0';
        qdev_prop_register_global(tname, items[i], eq + 1);
    }
}

/* -cpu MODEL: stored; the board creates the CPU (none: only with -cpu). */
static void apply_cpu(void)
{
    CmdlineOpt *co = last_opt(QEMU_OPTION_cpu);
    MachineState *ms = qdev_get_machine();
    g_autofree char *model = NULL;
    g_autofree char *tname = NULL;
    ObjectClass *oc;

    if (!co) {
        return;
    }
    model = g_strndup(co->arg, strcspn(co->arg, ","));
    tname = g_strconcat(model, CPU_TYPE_SUFFIX, NULL);
    oc = object_class_by_name(tname);
    if (!oc || object_class_is_abstract(oc)) {
        error_report("unable to find CPU model '%s'", model);
        exit(1);
    }
    apply_cpu_props(tname, co->arg + strlen(model));
    g_free(ms->cpu_type);
    ms->cpu_type = g_steal_pointer(&tname);
}

/* 5. The accelerator */

/* Try one accelerator; false (with the message printed) if it failed. */
static bool try_accel(QemuOpts *opts, bool *init_failed)
{
    const char *name = qemu_opt_get(opts, "accel");
    AccelClass *ac;
    Error *err = NULL;

    if (!name) {
        error_report("Parameter 'accel' is missing");
        exit(1);
    }
    ac = accel_find(name);
    if (!ac) {
        *init_failed = true;
        error_report("invalid accelerator %s", name);
        return false;
    }
    if (!accel_init(ac, opts, &err)) {
        *init_failed = true;
        error_report_err(err);
        return false;
    }
    return true;
}

/*
 * -accel NAME[,prop=value] (tried in order) or -M accel=A:B:... (the
 * same without properties); tcg by default.  A failed choice is reported
 * and the next one tried; "falling back to X" follows a failure.
 */
static void configure_accelerators(void)
{
    bool init_failed = false;
    bool done = false;
    guint i;

    if (has_opt(QEMU_OPTION_accel)) {
        if (machine_accel_list) {
            error_report("The -accel and \"-machine accel=\" options are "
                         "incompatible");
            exit(1);
        }
        for (i = 0; i < cmdline_opts->len && !done; i++) {
            CmdlineOpt *co = g_ptr_array_index(cmdline_opts, i);
            g_autoptr(QemuOpts) opts = NULL;
            Location loc = { 0 };

            if (co->opt->index != QEMU_OPTION_accel) {
                continue;
            }
            loc_push_none(&loc);
            loc_restore(&co->loc);
            opts = qemu_opts_parse_keyval(co->arg, "accel", &error_fatal);
            done = try_accel(opts, &init_failed);
            loc_pop(&loc);
        }
    } else {
        g_auto(GStrv) names = g_strsplit(machine_accel_list ?
                                         machine_accel_list : "tcg", ":", -1);

        for (i = 0; names[i] && !done; i++) {
            g_autoptr(QemuOpts) opts = qemu_opts_new();

            qemu_opt_set(opts, "accel", names[i]);
            done = try_accel(opts, &init_failed);
        }
    }
    if (!done) {
        if (!init_failed) {
            error_report("no accelerator found");
        }
        exit(1);
    }
    if (init_failed) {
        error_report("falling back to %s", current_accel_name());
    }
}

/* 6. Objects, monitors, serial ports */

/* -object TYPE,id=ID,... or its JSON form (strictly typed) */
static void create_object(CmdlineOpt *co, void *opaque)
{
    g_autoptr(JsonObject) props = NULL;
    g_autofree char *type = NULL;
    g_autofree char *id = NULL;
    bool from_json = co->arg[0] == '{';
    Error *err = NULL;

    if (from_json) {
        g_autoptr(JsonNode) node = qjson_parse(co->arg, &error_fatal);

        if (!JSON_NODE_HOLDS_OBJECT(node)) {
            error_report("JSON argument must be an object");
            exit(1);
        }
        props = json_object_ref(json_node_get_object(node));
        if (json_object_has_member(props, "qom-type")) {
            type = g_strdup(json_object_get_string_member(props,
                                                          "qom-type"));
        }
        if (json_object_has_member(props, "id")) {
            id = g_strdup(json_object_get_string_member(props, "id"));
        }
    } else {
        g_autoptr(QemuOpts) opts = qemu_opts_parse_keyval(co->arg,
                                                          "qom-type",
                                                          &error_fatal);

        type = g_strdup(qemu_opt_get(opts, "qom-type"));
        id = g_strdup(qemu_opts_id(opts));
        props = qemu_opts_to_json(opts);
    }
    if (!type) {
        error_report("Parameter 'qom-type' is missing");
        exit(1);
    }
    json_object_remove_member(props, "qom-type");
    json_object_remove_member(props, "id");
    if (!user_creatable_add_type(type, id, props, !from_json, &err)) {
        error_report_err(err);
        exit(1);
    }
}

/* The monitors, in command-line order (their labels count in it). */
static void create_monitors(void)
{
    guint i;

    for (i = 0; i < cmdline_opts->len; i++) {
        CmdlineOpt *co = g_ptr_array_index(cmdline_opts, i);
        Location loc = { 0 };
        Error *err = NULL;
        bool ok = true;

        switch (co->opt->index) {
        case QEMU_OPTION_qmp:
        case QEMU_OPTION_qmp_pretty:
        case QEMU_OPTION_monitor:
        case QEMU_OPTION_mon:
            break;
        default:
            continue;
        }
        loc_push_none(&loc);
        loc_restore(&co->loc);
        switch (co->opt->index) {
        case QEMU_OPTION_qmp:
            ok = monitor_init_from_spec(co->arg, true, false, &err);
            break;
        case QEMU_OPTION_qmp_pretty:
            ok = monitor_init_from_spec(co->arg, true, true, &err);
            break;
        case QEMU_OPTION_monitor:
            ok = monitor_init_from_spec(co->arg, false, false, &err);
            break;
        case QEMU_OPTION_mon: {
            g_autoptr(QemuOpts) opts = qemu_opts_parse(co->arg, "chardev",
                                                       &error_fatal);

            ok = monitor_init_opts(opts, &err);
            break;
        }
        }
        if (!ok) {
            error_report_err(err);
            exit(1);
        }
        loc_pop(&loc);
    }
}

static bool spec_is_stdio(const char *spec)
{
    return !strcmp(spec, "stdio") || !strcmp(spec, "mon:stdio");
}

/* -serial SPEC: serial0, serial1, ... ("none" takes no index) */
static void serial_parse(const char *spec)
{
    g_autofree char *label = NULL;
    Chardev *chr;
    Error *err = NULL;

    if (!strcmp(spec, "none")) {
        return;
    }
    label = g_strdup_printf("serial%u", serial_hds->len);
    if (daemonize && spec_is_stdio(spec)) {
        error_setg(&err, "cannot use stdio with -daemonize");
        chr = NULL;
    } else {
        chr = qemu_chr_new(label, spec, &err);
    }
    if (!chr) {
        /* an unknown chardev:ID gets only the second line, as in QEMU */
        if (err && !g_str_has_prefix(spec, "chardev:")) {
            error_report_err(err);
        } else {
            error_free(err);
        }
        error_report("could not connect serial device to character "
                     "backend '%s'", spec);
        exit(1);
    }
    if (g_str_has_prefix(spec, "mon:") && qemu_chr_is_mux(chr)) {
        if (!monitor_init(chr, false, false, &err)) {
            error_report_err(err);
            exit(1);
        }
    }
    g_ptr_array_add(serial_hds, chr);
}

static void apply_serial(CmdlineOpt *co, void *opaque)
{
    serial_parse(co->arg);
}

/* What a default port or monitor is connected to, without -nographic */
#define DEFAULT_VC "vc:80Cx24C"

/*
 * The default monitor (when no -qmp/-monitor/-mon and no -nodefaults):
 * an HMP on a vc, or on stdio with -nographic unless serial0 takes stdio
 * (then serial0 is mon:stdio, see create_serial_ports()).
 */
static void create_default_monitor(void)
{
    const char *spec = NULL;
    Error *err = NULL;

    if (!default_monitor) {
        return;
    }
    if (!nographic) {
        spec = DEFAULT_VC;
    } else if (!default_serial) {
        spec = "stdio";
    }
    if (spec && !monitor_init_from_spec(spec, false, false, &err)) {
        error_report_err(err);
        exit(1);
    }
}

static void create_serial_ports(void)
{
    Error *err = NULL;

    serial_hds = g_ptr_array_new();
    if (default_serial) {
        serial_parse(!nographic ? DEFAULT_VC :
                     default_monitor ? "mon:stdio" : "stdio");
    }
    foreach_opt(QEMU_OPTION_serial, apply_serial, NULL);
    /* riscv boards have no parallel port, but QEMU makes the chardev */
    if (default_parallel &&
        !qemu_chr_new("parallel0", nographic ? "null" : DEFAULT_VC, &err)) {
        error_report_err(err);
        exit(1);
    }
}

Chardev *serial_hd(int i)
{
    if (!serial_hds || i < 0 || i >= (int)serial_hds->len) {
        return NULL;
    }
    return g_ptr_array_index(serial_hds, i);
}

int serial_max_hds(void)
{
    return serial_hds ? serial_hds->len : 0;
}

/* 7. The phase stepper */

static void machine_phase_enter(MachineInitPhase phase)
{
    phase_advance(phase);
    qapi_event_send_machine_phase_change((MachinePhase)phase);
}

/*
 * Cold-plug hook: the -device options become devices here, once the
 * board is built, by the qdev layer's qemu_create_cli_device().
 */

static bool create_cli_devices(Error **errp)
{
    guint i;

    for (i = 0; i < cmdline_opts->len; i++) {
        CmdlineOpt *co = g_ptr_array_index(cmdline_opts, i);
        Location loc = { 0 };
        bool ok;

        if (co->opt->index != QEMU_OPTION_device) {
            continue;
        }
        loc_push_none(&loc);
        loc_restore(&co->loc);
        ok = qemu_create_cli_device(co->arg, errp);
        loc_pop(&loc);
        if (!ok) {
            return false;
        }
    }
    return true;
}

/*
 * -kernel FILE: on any machine, a "loader" device that loads FILE and
 * starts CPU 0 at its entry, made as the machine becomes ready, so the
 * CPUs a board script or a QMP client created exist by then.
 */
static bool create_kernel_loader(Error **errp)
{
    CmdlineOpt *co = last_opt(QEMU_OPTION_kernel);
    g_autoptr(GString) arg = NULL;
    Location loc = { 0 };
    const char *p;
    bool ok;

    if (!co) {
        return true;
    }
    arg = g_string_new("loader,cpu-num=0,file=");
    for (p = co->arg; *p; p++) {
        if (*p == ',') {
            g_string_append_c(arg, ',');    /* QemuOpts escapes ',' */
        }
        g_string_append_c(arg, *p);
    }
    loc_push_none(&loc);
    loc_restore(&co->loc);
    ok = qemu_create_cli_device(arg->str, errp);
    loc_pop(&loc);
    return ok;
}

/* The work done on entering each phase */
static bool machine_phase_work(MachineInitPhase phase, Error **errp)
{
    MachineState *ms = qdev_get_machine();

    switch (phase) {
    case PHASE_MACHINE_CREATED:
        /* the machine object is made from the command line (-M) */
        break;
    case PHASE_ACCEL_CREATED:
        configure_accelerators();
        break;
    case PHASE_MACHINE_INITIALIZED:
        if (!machine_run_board_init(ms, errp)) {
            return false;
        }
        break;
    case PHASE_MACHINE_READY:
        return create_kernel_loader(errp);
    default:
        g_assert_not_reached();
    }
    return true;
}

/* After entering a phase: what must follow the event */
static bool machine_phase_post(MachineInitPhase phase, Error **errp)
{
    switch (phase) {
    case PHASE_MACHINE_INITIALIZED:
        /* a data board's script builds the board, then -device adds */
        return machine_populate(qdev_get_machine(), errp) &&
               create_cli_devices(errp);
    case PHASE_MACHINE_READY:
        machine_init_done_notify();
        qemu_system_reset(SHUTDOWN_CAUSE_NONE);
        if (autostart) {
            vm_start();
        }
        return true;
    default:
        return true;
    }
}

bool qemu_machine_advance(MachineInitPhase phase, Error **errp)
{
    static bool advancing;
    MachineInitPhase cur = phase_get();
    bool ok = true;

    if (phase == cur) {
        error_setg(errp, "Machine is already in phase '%s'",
                   phase_name(cur));
        return false;
    }
    if (phase < cur) {
        error_setg(errp, "Cannot go back from phase '%s' to '%s'",
                   phase_name(cur), phase_name(phase));
        return false;
    }
    /* e.g. x-exit-preconfig in a board script, which runs in a step */
    if (advancing) {
        error_setg(errp, "Cannot change the machine phase while it is "
                   "changing (from a board script?)");
        return false;
    }
    advancing = true;
    while (ok && phase_get() < phase) {
        MachineInitPhase next = phase_get() + 1;

        ok = machine_phase_work(next, errp);
        if (ok) {
            machine_phase_enter(next);
            ok = machine_phase_post(next, errp);
        }
    }
    advancing = false;
    return ok;
}

/* -machine-script FILE: replayed as a QMP client's commands */
static void run_machine_script(CmdlineOpt *co, void *opaque)
{
    Error *err = NULL;

    if (!qmp_script_run_file(qmp_commands, co->arg, &err)) {
        Location loc = { 0 };

        loc_push_none(&loc);    /* the message names the file and line */
        error_report_err(err);
        exit(1);
    }
}

void qemu_init(int argc, char **argv)
{
    error_set_progname(argv[0]);
    module_call_init(MODULE_INIT_QOM);
    qemu_init_main_loop();
    qemu_clock_enable(QEMU_CLOCK_VIRTUAL, false);

    parse_argv(argc, argv);

    /* 1. */
    foreach_opt(QEMU_OPTION_device, device_help, NULL);
    foreach_opt(QEMU_OPTION_object, object_help, NULL);
    foreach_opt(QEMU_OPTION_chardev, chardev_help, NULL);
    foreach_opt(QEMU_OPTION_accel, accel_help, NULL);
    foreach_opt(QEMU_OPTION_cpu, cpu_help, NULL);

    /* 2. */
    configure_logging();
    foreach_opt(QEMU_OPTION_name, apply_name, NULL);
    foreach_opt(QEMU_OPTION_display, apply_display, NULL);
    foreach_opt(QEMU_OPTION_global, apply_global, NULL);
    qdev_prop_check_globals();
    collect_flags();
    validate_options();

    /* 3. */
    os_daemonize();
    write_pidfile();
    monitor_init_globals();

    /* 4. */
    create_machine();
    configure_icount();
    suspend_mux_open();
    foreach_opt(QEMU_OPTION_chardev, create_chardev, NULL);
    foreach_opt(QEMU_OPTION_m, apply_memory, NULL);
    foreach_opt(QEMU_OPTION_smp, apply_smp, NULL);
    apply_cpu();
    machine_phase_enter(PHASE_MACHINE_CREATED);

    /* 5. */
    qemu_machine_advance(PHASE_ACCEL_CREATED, &error_fatal);

    /* 6. */
    if (qtest_chrdev) {
        qtest_server_init(qtest_chrdev, qtest_log, &error_fatal);
    }
    foreach_opt(QEMU_OPTION_object, create_object, NULL);
    create_monitors();
    create_default_monitor();
    create_serial_ports();
    os_setup_signal_handling();

    /* 7. */
    foreach_opt(QEMU_OPTION_machine_script, run_machine_script, NULL);
    if (!preconfig_requested && !phase_check(PHASE_MACHINE_READY)) {
        qemu_machine_advance(PHASE_MACHINE_READY, &error_fatal);
    }
    os_setup_post();
    resume_mux_open();
}

int qemu_cleanup(void)
{
    Object *machine = object_resolve_path_component(object_get_root(),
                                                    "machine");

    os_cleanup_signal_handling();
    cpus_cleanup();
    tb_cache_cleanup();
    /* before the monitors close: a client seeing EOF finds it gone */
    remove_pidfile();
    monitor_cleanup();
    if (machine) {
        object_unparent(machine);
    }
    memory_map_cleanup();
    qemu_chr_cleanup();
    user_creatable_cleanup();
    accel_cleanup();
    runstate_cleanup();
    qdev_prop_globals_cleanup();
    if (serial_hds) {
        g_ptr_array_free(serial_hds, TRUE);
        serial_hds = NULL;
    }
    g_free(machine_accel_list);
    g_ptr_array_free(cmdline_opts, TRUE);
    qemu_cleanup_main_loop();
    return 0;
}
