/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The monitor core: the list of monitors, output with "\r\n" line ends
 * (held back while a mux hides the monitor), QMP event broadcast, and the
 * command line options that create monitors (-qmp, -qmp-pretty, -monitor,
 * -mon).
 */
#include "qemu/osdep.h"
#include <sys/time.h>
#include "qapi/error.h"
#include "qapi/qapi-commands.h"
#include "qapi/qapi-events.h"
#include "qemu/error-report.h"
#include "qemu/option.h"
#include "monitor-internal.h"

QmpCommandList *qmp_commands;
GPtrArray *monitors;

/* Counts -qmp, -qmp-pretty and -monitor for the compat_monitorN labels. */
static int monitor_device_index;

static __thread Monitor *cur_mon;

Monitor *monitor_cur(void)
{
    return cur_mon;
}

Monitor *monitor_set_cur(Monitor *mon)
{
    Monitor *old = cur_mon;

    cur_mon = mon;
    return old;
}

void monitor_init_globals(void)
{
    if (qmp_commands) {
        return;
    }
    qmp_commands = qmp_command_list_new();
    qmp_init_marshal(qmp_commands);
    monitor_qmp_caps_init();
    monitors = g_ptr_array_new();
}

static void monitor_free(Monitor *mon)
{
    if (mon->has_chr) {
        qemu_chr_fe_deinit(&mon->chr, false);
    }
    if (mon->is_qmp) {
        monitor_qmp_destroy(mon);
    } else {
        monitor_hmp_destroy(mon);
    }
    g_string_free(mon->outbuf, true);
    g_free(mon);
}

void monitor_cleanup(void)
{
    if (monitors) {
        /* Flush what is pending, then detach from the chardevs. */
        for (guint i = 0; i < monitors->len; i++) {
            Monitor *mon = g_ptr_array_index(monitors, i);

            mon->mux_out = false;
            monitor_flush(mon);
        }
        while (monitors->len) {
            Monitor *mon = g_ptr_array_index(monitors, monitors->len - 1);

            g_ptr_array_remove_index(monitors, monitors->len - 1);
            monitor_free(mon);
        }
        g_ptr_array_free(monitors, true);
        monitors = NULL;
    }
    monitor_qmp_caps_cleanup();
    qmp_command_list_free(qmp_commands);
    qmp_commands = NULL;
}

/* Output */

void monitor_flush(Monitor *mon)
{
    if (!mon->has_chr || mon->mux_out || !mon->outbuf->len) {
        return;
    }
    /* Without a connected client the text is dropped, as in QEMU. */
    qemu_chr_fe_write_all(&mon->chr, (const uint8_t *)mon->outbuf->str,
                          mon->outbuf->len);
    g_string_truncate(mon->outbuf, 0);
}

void monitor_puts(Monitor *mon, const char *str)
{
    for (const char *p = str; *p; p++) {
        if (*p == '\n') {
            g_string_append_c(mon->outbuf, '\r');
        }
        g_string_append_c(mon->outbuf, *p);
    }
    monitor_flush(mon);
}

int monitor_vprintf(Monitor *mon, const char *fmt, va_list ap)
{
    char *text;
    int len;

    if (!mon || mon->is_qmp) {
        return -1;
    }
    text = g_strdup_vprintf(fmt, ap);
    len = strlen(text);
    monitor_puts(mon, text);
    g_free(text);
    return len;
}

int monitor_printf(Monitor *mon, const char *fmt, ...)
{
    va_list ap;
    int ret;

    va_start(ap, fmt);
    ret = monitor_vprintf(mon, fmt, ap);
    va_end(ap);
    return ret;
}

void monitor_suspend(Monitor *mon)
{
    mon->suspend_cnt++;
}

void monitor_resume(Monitor *mon)
{
    if (mon->suspend_cnt > 0 && --mon->suspend_cnt == 0 && mon->has_chr) {
        if (!mon->is_qmp) {
            monitor_hmp_resumed(mon);
        }
        qemu_chr_fe_accept_input(&mon->chr);
    }
}

/* Events */

void qapi_event_emit(QAPIEvent event, JsonObject *data)
{
    JsonObject *obj, *ts;
    JsonNode *node;
    struct timeval tv;

    if (!monitors || !monitors->len) {
        return;
    }
    gettimeofday(&tv, NULL);
    ts = json_object_new();
    json_object_set_int_member(ts, "seconds", tv.tv_sec);
    json_object_set_int_member(ts, "microseconds", tv.tv_usec);
    obj = json_object_new();
    json_object_set_object_member(obj, "timestamp", ts);
    json_object_set_string_member(obj, "event",
                                  QAPIEvent_lookup.array[event]);
    if (data) {
        json_object_set_object_member(obj, "data", json_object_ref(data));
    }
    node = json_node_init_object(json_node_alloc(), obj);
    json_object_unref(obj);

    for (guint i = 0; i < monitors->len; i++) {
        Monitor *mon = g_ptr_array_index(monitors, i);

        if (mon->is_qmp && mon->negotiated) {
            monitor_qmp_send_event(mon, node);
        }
    }
    json_node_unref(node);
}

/* Creation */

bool monitor_init(Chardev *chr, bool is_qmp, bool pretty, Error **errp)
{
    Monitor *mon;

    if (!is_qmp && pretty) {
        error_setg(errp, "'pretty' is not compatible with HMP monitors");
        return false;
    }
    monitor_init_globals();
    mon = g_new0(Monitor, 1);
    if (!qemu_chr_fe_init(&mon->chr, chr, errp)) {
        g_free(mon);
        return false;
    }
    mon->has_chr = true;
    mon->is_qmp = is_qmp;
    mon->pretty = pretty;
    mon->outbuf = g_string_new(NULL);
    g_ptr_array_add(monitors, mon);
    if (is_qmp) {
        /* Out-of-band execution is offered unless a mux shares the line. */
        mon->oob_offered = !qemu_chr_is_mux(chr);
        monitor_qmp_setup(mon);
    } else {
        monitor_hmp_setup(mon);
    }
    return true;
}

bool monitor_init_from_spec(const char *spec, bool is_qmp, bool pretty,
                            Error **errp)
{
    g_autofree char *label = NULL;
    Error *err = NULL;
    Chardev *chr;

    if (!strcmp(spec, "none")) {
        return true;
    }
    label = g_strdup_printf("compat_monitor%d", monitor_device_index++);
    chr = qemu_chr_new(label, spec, &err);
    if (!chr) {
        /* QEMU reports the chardev's reason, then "parse error" */
        error_report_err(err);
        error_setg(errp, "parse error: %s", spec);
        return false;
    }
    return monitor_init(chr, is_qmp, pretty, errp);
}

static int check_mon_opt(void *opaque, const char *name, const char *value,
                         Error **errp)
{
    static const char *const known[] = { "chardev", "mode", "pretty", "id" };

    for (size_t i = 0; i < ARRAY_SIZE(known); i++) {
        if (!strcmp(name, known[i])) {
            return 0;
        }
    }
    error_setg(errp, "Invalid parameter '%s'", name);
    return -1;
}

bool monitor_init_opts(QemuOpts *opts, Error **errp)
{
    const char *id = qemu_opt_get(opts, "chardev");
    const char *mode = qemu_opt_get(opts, "mode");
    Error *err = NULL;
    Chardev *chr;
    bool is_qmp = false;
    bool pretty;

    if (qemu_opt_foreach(opts, check_mon_opt, NULL, errp)) {
        return false;
    }
    if (mode && !strcmp(mode, "control")) {
        is_qmp = true;
    } else if (mode && strcmp(mode, "readline") != 0) {
        error_setg(errp, "Parameter 'mode' does not accept value '%s'",
                   mode);
        return false;
    }
    pretty = qemu_opt_get_bool(opts, "pretty", false, &err);
    if (err) {
        error_propagate(errp, err);
        return false;
    }
    if (!id) {
        error_setg(errp, "Parameter 'chardev' is missing");
        return false;
    }
    chr = qemu_chr_find(id);
    if (!chr) {
        error_setg(errp, "chardev \"%s\" not found", id);
        return false;
    }
    return monitor_init(chr, is_qmp, pretty, errp);
}
