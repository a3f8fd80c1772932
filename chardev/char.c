/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The chardev core: the abstract "chardev" type, the /chardevs registry,
 * creation from -chardev options and -serial style specs, the generic
 * write path, and the flow-controlled fd reader that the fd-based backends
 * (socket, stdio, pty, pipe) share.
 */
#include "qemu/osdep.h"
#include <poll.h>
#include <fcntl.h>
#include <sys/ioctl.h>
#include "qapi/error.h"
#include "qemu/cutils.h"
#include "qemu/main-loop.h"
#include "qemu/option.h"
#include "chardev/char.h"
#include "chardev/char-fe.h"
#include "chardev-internal.h"

/* The registry */

Object *get_chardevs_root(void)
{
    return container_get(object_get_root(), "/chardevs");
}

Chardev *qemu_chr_find(const char *label)
{
    Object *obj;

    if (!label) {
        return NULL;
    }
    obj = object_resolve_path_component(get_chardevs_root(), label);
    return obj ? (Chardev *)object_dynamic_cast(obj, TYPE_CHARDEV) : NULL;
}

bool qemu_chr_is_mux(Chardev *chr)
{
    return object_dynamic_cast(OBJECT(chr), TYPE_CHARDEV_MUX) != NULL;
}

bool qemu_chr_is_busy(Chardev *chr)
{
    if (qemu_chr_is_mux(chr)) {
        return mux_chr_is_busy(MUX_CHARDEV(chr));
    }
    return chr->be != NULL;
}

/* The abstract base type */

/* Per-instance state that backends need not see. */
typedef struct ChardevLog {
    int fd;
} ChardevLog;

static GHashTable *chardev_logs;  /* Chardev * -> ChardevLog * */

static void chardev_default_be_event(Chardev *chr, QEMUChrEvent event)
{
    CharBackend *be = chr->be;

    if (be && be->chr_event) {
        be->chr_event(be->opaque, event);
    }
}

static int chardev_default_write(Chardev *chr, const uint8_t *buf, int len)
{
    return len;
}

static void chardev_class_init(ObjectClass *oc, void *data)
{
    ChardevClass *cc = CHARDEV_CLASS(oc);

    cc->chr_write = chardev_default_write;
    cc->chr_be_event = chardev_default_be_event;
}

static void chardev_instance_finalize(Object *obj)
{
    Chardev *chr = CHARDEV(obj);

    qemu_chr_fd_reader_clear(chr);
    if (chr->be) {
        chr->be->chr = NULL;
        chr->be = NULL;
    }
    if (chardev_logs) {
        ChardevLog *log = g_hash_table_lookup(chardev_logs, chr);

        if (log) {
            close(log->fd);
            g_hash_table_remove(chardev_logs, chr);
            g_free(log);
        }
    }
    g_free(chr->filename);
    g_free(chr->label);
}

static const TypeInfo chardev_type_info = {
    .name = TYPE_CHARDEV,
    .parent = TYPE_OBJECT,
    .instance_size = sizeof(Chardev),
    .instance_finalize = chardev_instance_finalize,
    .abstract = true,
    .class_size = sizeof(ChardevClass),
    .class_init = chardev_class_init,
};

static void chardev_register_types(void)
{
    type_register_static(&chardev_type_info);
}

type_init(chardev_register_types)

/* Backend side */

int qemu_chr_be_can_write(Chardev *chr)
{
    CharBackend *be = chr->be;

    if (!be || !be->chr_can_read) {
        return 0;
    }
    return be->chr_can_read(be->opaque);
}

void qemu_chr_be_write(Chardev *chr, const uint8_t *buf, int len)
{
    CharBackend *be = chr->be;

    if (be && be->chr_read && len > 0) {
        be->chr_read(be->opaque, buf, len);
    }
}

void qemu_chr_be_event(Chardev *chr, QEMUChrEvent event)
{
    if (event == CHR_EVENT_OPENED) {
        chr->be_open = true;
    } else if (event == CHR_EVENT_CLOSED) {
        chr->be_open = false;
    }
    CHARDEV_GET_CLASS(chr)->chr_be_event(chr, event);
}

static void qemu_chr_write_log(Chardev *chr, const uint8_t *buf, int len)
{
    ChardevLog *log;
    int done = 0;

    if (!chardev_logs || len <= 0) {
        return;
    }
    log = g_hash_table_lookup(chardev_logs, chr);
    if (!log) {
        return;
    }
    /* best effort, as QEMU's logs are */
    while (done < len) {
        ssize_t n = write(log->fd, buf + done, len - done);

        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            return;
        }
        done += n;
    }
}

/* Wait until @fd is writable (or broken), at most 100 ms at a time. */
static void qemu_chr_wait_writable(Chardev *chr)
{
    ChardevClass *cc = CHARDEV_GET_CLASS(chr);
    int fd = cc->chr_write_fd ? cc->chr_write_fd(chr) : -1;

    if (fd >= 0) {
        struct pollfd pfd = { .fd = fd, .events = POLLOUT };

        poll(&pfd, 1, 100);
    } else {
        g_usleep(100);
    }
}

int qemu_chr_write(Chardev *chr, const uint8_t *buf, int len,
                   bool write_all)
{
    ChardevClass *cc = CHARDEV_GET_CLASS(chr);
    int offset = 0;
    int res = 0;

    while (offset < len) {
        res = cc->chr_write(chr, buf + offset, len - offset);
        if (res < 0 && (errno == EAGAIN || errno == EINTR) && write_all) {
            qemu_chr_wait_writable(chr);
            continue;
        }
        if (res <= 0) {
            break;
        }
        offset += res;
        if (!write_all) {
            break;
        }
    }
    if (offset > 0) {
        qemu_chr_write_log(chr, buf, offset);
    } else if (res < 0) {
        qemu_chr_write_log(chr, buf, len);
    }
    if (res < 0 && offset == 0) {
        return res;
    }
    return offset;
}

int qemu_chr_fd_write(int fd, const uint8_t *buf, int len)
{
    ssize_t n;

    do {
        n = write(fd, buf, len);
    } while (n < 0 && errno == EINTR);
    return n;
}

GSource *qemu_chr_fd_create_watch(int fd, GIOCondition cond)
{
    GIOChannel *ioc;
    GSource *src;

    if (fd < 0) {
        return NULL;
    }
    ioc = g_io_channel_unix_new(fd);
    src = g_io_create_watch(ioc, cond);
    g_io_channel_unref(ioc);
    return src;
}

/* The flow-controlled fd reader */

typedef struct ChrReader {
    GSource source;
    Chardev *chr;
    int fd;
    gpointer tag;
    bool watch_hup;
    bool hup_seen;      /* HUP while the front end was full: data pending */
    int max;            /* what the front end accepted at prepare time */
    GIOCondition events;    /* what we poll for now */
    ChardevEofFunc *on_eof;
    bool in_kick;       /* qemu_chr_fd_reader_kick() is reading */
} ChrReader;

static gboolean chr_reader_prepare(GSource *source, gint *timeout)
{
    ChrReader *r = (ChrReader *)source;
    GIOCondition events = 0;

    r->max = qemu_chr_be_can_write(r->chr);
    if (r->max > 0) {
        events |= G_IO_IN;
    }
    if (r->watch_hup && !r->hup_seen) {
        events |= G_IO_HUP | G_IO_ERR;
    }
    if (events != r->events) {
        /* GLib wakes the loop on every change: only change when needed */
        g_source_modify_unix_fd(source, r->tag, events);
        r->events = events;
    }
    *timeout = -1;
    return FALSE;
}

static gboolean chr_reader_check(GSource *source)
{
    ChrReader *r = (ChrReader *)source;

    return g_source_query_unix_fd(source, r->tag) != 0;
}

static void chr_reader_eof(ChrReader *r)
{
    Chardev *chr = r->chr;

    if (r->on_eof) {
        r->on_eof(chr);
    } else {
        qemu_chr_fd_reader_clear(chr);
    }
}

static gboolean chr_reader_dispatch(GSource *source, GSourceFunc cb,
                                    gpointer data)
{
    ChrReader *r = (ChrReader *)source;
    GIOCondition revents = g_source_query_unix_fd(source, r->tag);
    uint8_t buf[CHR_READ_BUF_LEN];

    if (r->max > 0 && (revents & (G_IO_IN | G_IO_HUP | G_IO_ERR))) {
        int len = MIN(r->max, (int)sizeof(buf));
        ssize_t n;

        do {
            n = read(r->fd, buf, len);
        } while (n < 0 && errno == EINTR);
        if (n > 0) {
            qemu_chr_be_write(r->chr, buf, n);
        } else if (n == 0 || errno != EAGAIN) {
            chr_reader_eof(r);
        }
        return G_SOURCE_CONTINUE;
    }
    if (revents & (G_IO_HUP | G_IO_ERR)) {
        int pending = 0;

        if (ioctl(r->fd, FIONREAD, &pending) == 0 && pending > 0) {
            /* let the front end drain what is left before the EOF */
            r->hup_seen = true;
        } else {
            chr_reader_eof(r);
        }
    }
    return G_SOURCE_CONTINUE;
}

static GSourceFuncs chr_reader_funcs = {
    .prepare = chr_reader_prepare,
    .check = chr_reader_check,
    .dispatch = chr_reader_dispatch,
};

void qemu_chr_fd_reader_set(Chardev *chr, int fd, bool watch_hup,
                            ChardevEofFunc *on_eof)
{
    ChrReader *r;
    g_autofree char *name = g_strdup_printf("chardev-reader-%s",
                                            chr->label ? chr->label : "");

    qemu_chr_fd_reader_clear(chr);
    r = (ChrReader *)g_source_new(&chr_reader_funcs, sizeof(ChrReader));
    r->chr = chr;
    r->fd = fd;
    r->watch_hup = watch_hup;
    r->on_eof = on_eof;
    r->tag = g_source_add_unix_fd(&r->source, fd, 0);
    g_source_set_name(&r->source, name);
    g_source_attach(&r->source, qemu_get_aio_context());
    chr->reader = &r->source;
    qemu_notify_event();
}

/*
 * Read what is already waiting, now that the front end has room (called
 * with the BQL, from qemu_chr_fe_accept_input()).  Without this a guest
 * that drains a small FIFO waits a main-loop round trip per refill.  Only
 * data is read here; EOF and errors are left to the main loop's dispatch.
 */
void qemu_chr_fd_reader_kick(Chardev *chr)
{
    ChrReader *r = (ChrReader *)chr->reader;
    uint8_t buf[CHR_READ_BUF_LEN];
    struct pollfd pfd;
    int len;
    ssize_t n;

    if (!r || r->in_kick || r->hup_seen) {
        return;
    }
    len = MIN(qemu_chr_be_can_write(chr), (int)sizeof(buf));
    pfd = (struct pollfd) { .fd = r->fd, .events = POLLIN };
    if (len <= 0 || poll(&pfd, 1, 0) != 1 || !(pfd.revents & POLLIN)) {
        return;
    }
    do {
        n = read(r->fd, buf, len);
    } while (n < 0 && errno == EINTR);
    if (n > 0) {
        r->in_kick = true;      /* the front end may accept input again */
        qemu_chr_be_write(chr, buf, n);
        r->in_kick = false;
    }
}

void qemu_chr_fd_reader_clear(Chardev *chr)
{
    if (chr->reader) {
        g_source_destroy(chr->reader);
        g_source_unref(chr->reader);
        chr->reader = NULL;
    }
}

/* Creation */

/* Every option name -chardev accepts (QEMU's list). */
static const char *const chardev_opt_names[] = {
    "backend", "id", "path", "input-path", "host", "port", "fd",
    "localaddr", "localport", "to", "ipv4", "ipv6", "wait", "server",
    "delay", "nodelay", "reconnect", "telnet", "tn3270", "tls-creds",
    "tls-authz", "websocket", "width", "height", "cols", "rows", "mux",
    "signal", "name", "debug", "size", "chardev", "append", "logfile",
    "logappend", "mouse", "clipboard", "tight", "abstract", NULL
};

bool qemu_chr_opt_name_valid(const char *name)
{
    for (int i = 0; chardev_opt_names[i]; i++) {
        if (!strcmp(chardev_opt_names[i], name)) {
            return true;
        }
    }
    return false;
}

static bool chardev_open_log(Chardev *chr, QemuOpts *opts, Error **errp)
{
    const char *logfile = opts ? qemu_opt_get(opts, "logfile") : NULL;
    Error *local_err = NULL;
    bool append;
    ChardevLog *log;
    int fd;

    if (!logfile) {
        return true;
    }
    append = qemu_opt_get_bool(opts, "logappend", false, &local_err);
    if (local_err) {
        error_propagate(errp, local_err);
        return false;
    }
    fd = open(logfile, O_WRONLY | O_CREAT | O_CLOEXEC |
              (append ? O_APPEND : O_TRUNC), 0666);
    if (fd < 0) {
        error_setg_errno(errp, errno, "Could not create '%s'", logfile);
        return false;
    }
    if (!chardev_logs) {
        chardev_logs = g_hash_table_new(NULL, NULL);
    }
    log = g_new0(ChardevLog, 1);
    log->fd = fd;
    g_hash_table_insert(chardev_logs, chr, log);
    return true;
}

static Chardev *chardev_new(const char *id, const char *typename,
                            QemuOpts *opts, Error **errp)
{
    Chardev *chr = CHARDEV(object_new(typename));
    ChardevClass *cc = CHARDEV_GET_CLASS(chr);
    Error *local_err = NULL;
    bool be_opened = true;

    chr->label = g_strdup(id);
    if (!chardev_open_log(chr, opts, errp)) {
        object_unref(OBJECT(chr));
        return NULL;
    }
    if (cc->open) {
        cc->open(chr, opts, &be_opened, &local_err);
        if (local_err) {
            error_propagate(errp, local_err);
            object_unref(OBJECT(chr));
            return NULL;
        }
    }
    if (!chr->filename) {
        chr->filename = g_strdup(typename + strlen("chardev-"));
    }
    if (be_opened) {
        qemu_chr_be_event(chr, CHR_EVENT_OPENED);
    }
    return chr;
}

Chardev *qemu_chardev_new(const char *id, const char *typename,
                          QemuOpts *opts, Error **errp)
{
    Chardev *chr;

    assert(id && g_str_has_prefix(typename, "chardev-"));
    if (qemu_chr_find(id)) {
        error_setg(errp, "Duplicate ID '%s' for chardev", id);
        return NULL;
    }
    chr = chardev_new(id, typename, opts, errp);
    if (!chr) {
        return NULL;
    }
    object_property_add_child(get_chardevs_root(), id, OBJECT(chr));
    object_unref(OBJECT(chr));
    return chr;
}

static ObjectClass *chardev_class_by_driver(const char *driver, Error **errp)
{
    g_autofree char *typename = g_strdup_printf("chardev-%s", driver);
    ObjectClass *oc = object_class_by_name(typename);

    if (!oc || !object_class_dynamic_cast(oc, TYPE_CHARDEV) ||
        object_class_is_abstract(oc) || CHARDEV_CLASS(oc)->internal) {
        error_setg(errp, "'%s' is not a valid char driver name", driver);
        return NULL;
    }
    return oc;
}

Chardev *qemu_chr_new_from_opts(QemuOpts *opts, Error **errp)
{
    const char *id = qemu_opts_id(opts);
    const char *driver = qemu_opt_get(opts, "backend");
    g_autofree char *base_id = NULL;
    Error *local_err = NULL;
    ObjectClass *oc;
    Chardev *chr, *mux;
    QemuOpts *mux_opts;
    bool is_mux;

    for (size_t i = 0; i < qemu_opts_count(opts); i++) {
        const QemuOpt *opt = qemu_opts_nth(opts, i);

        if (!qemu_chr_opt_name_valid(opt->name)) {
            error_setg(errp, "Invalid parameter '%s'", opt->name);
            return NULL;
        }
    }
    if (!id) {
        error_setg(errp, "chardev: no id specified");
        return NULL;
    }
    if (qemu_chr_find(id)) {
        error_setg(errp, "Duplicate ID '%s' for chardev", id);
        return NULL;
    }
    if (!driver) {
        error_setg(errp, "chardev: \"%s\" missing backend", id);
        return NULL;
    }
    oc = chardev_class_by_driver(driver, errp);
    if (!oc) {
        return NULL;
    }
    is_mux = qemu_opt_get_bool(opts, "mux", false, &local_err);
    if (local_err) {
        error_propagate(errp, local_err);
        return NULL;
    }
    if (!is_mux) {
        return qemu_chardev_new(id, object_class_get_name(oc), opts, errp);
    }

    base_id = g_strdup_printf("%s-base", id);
    chr = qemu_chardev_new(base_id, object_class_get_name(oc), opts, errp);
    if (!chr) {
        return NULL;
    }
    mux_opts = qemu_opts_new();
    qemu_opt_set(mux_opts, "chardev", base_id);
    mux = qemu_chardev_new(id, TYPE_CHARDEV_MUX, mux_opts, errp);
    qemu_opts_free(mux_opts);
    if (!mux) {
        object_unparent(OBJECT(chr));
        return NULL;
    }
    return mux;
}

/* Append the pairs of @params (QemuOpts syntax) to @opts. */
static bool chr_opts_merge(QemuOpts *opts, const char *params,
                           const char *implied_key, Error **errp)
{
    QemuOpts *extra = qemu_opts_parse(params, implied_key, errp);

    if (!extra) {
        return false;
    }
    for (size_t i = 0; i < qemu_opts_count(extra); i++) {
        const QemuOpt *opt = qemu_opts_nth(extra, i);

        qemu_opt_set(opts, opt->name, opt->str);
    }
    qemu_opts_free(extra);
    return true;
}

/*
 * "HOST:PORT[,opts]" or ":PORT[,opts]": host and port into @opts; returns
 * the rest after the ',' (or "" ), NULL when malformed.
 */
static const char *chr_parse_host_port(QemuOpts *opts, const char *p)
{
    const char *colon = strchr(p, ':');
    const char *end;
    g_autofree char *host = NULL;
    g_autofree char *port = NULL;

    if (!colon) {
        return NULL;
    }
    end = colon + 1 + strcspn(colon + 1, ",");
    if (end == colon + 1) {
        return NULL;
    }
    host = g_strndup(p, colon - p);
    port = g_strndup(colon + 1, end - colon - 1);
    qemu_opt_set(opts, "host", host);
    qemu_opt_set(opts, "port", port);
    return *end == ',' ? end + 1 : end;
}

QemuOpts *qemu_chr_parse_compat(const char *label, const char *filename,
                                Error **errp)
{
    static const char *const plain[] = {
        "null", "pty", "stdio", "vc", "msmouse", "testdev", NULL
    };
    const char *spec = filename;
    const char *p;
    QemuOpts *opts = qemu_opts_new();

    if (label) {
        qemu_opt_set(opts, "id", label);
    }
    if (strstart(spec, "mon:", &p)) {
        spec = p;
        qemu_opt_set(opts, "mux", "on");
        if (!strcmp(spec, "stdio")) {
            /* Ctrl-C goes to the guest, as with -nographic */
            qemu_opt_set(opts, "signal", "off");
        }
    }
    for (int i = 0; plain[i]; i++) {
        if (!strcmp(spec, plain[i])) {
            qemu_opt_set(opts, "backend", spec);
            return opts;
        }
    }
    if (strstart(spec, "vc:", NULL)) {
        qemu_opt_set(opts, "backend", "vc");
        return opts;
    }
    if (strstart(spec, "file:", &p)) {
        qemu_opt_set(opts, "backend", "file");
        qemu_opt_set(opts, "path", p);
        return opts;
    }
    if (strstart(spec, "pipe:", &p)) {
        qemu_opt_set(opts, "backend", "pipe");
        qemu_opt_set(opts, "path", p);
        return opts;
    }
    if (strstart(spec, "tcp:", &p) || strstart(spec, "telnet:", &p)) {
        const char *rest = chr_parse_host_port(opts, p);

        if (!rest) {
            goto fail;
        }
        qemu_opt_set(opts, "backend", "socket");
        if (*rest && !chr_opts_merge(opts, rest, NULL, errp)) {
            qemu_opts_free(opts);
            return NULL;
        }
        if (strstart(spec, "telnet:", NULL)) {
            qemu_opt_set(opts, "telnet", "on");
        }
        return opts;
    }
    if (strstart(spec, "unix:", &p)) {
        qemu_opt_set(opts, "backend", "socket");
        if (!chr_opts_merge(opts, p, "path", errp)) {
            qemu_opts_free(opts);
            return NULL;
        }
        return opts;
    }
    if (strstart(spec, "/dev/", NULL)) {
        qemu_opt_set(opts, "backend", "serial");
        qemu_opt_set(opts, "path", spec);
        return opts;
    }

fail:
    error_setg(errp, "'%s' is not a valid char driver", filename);
    qemu_opts_free(opts);
    return NULL;
}

Chardev *qemu_chr_new(const char *label, const char *filename,
                      Error **errp)
{
    const char *p;
    QemuOpts *opts;
    Chardev *chr;

    if (strstart(filename, "chardev:", &p)) {
        chr = qemu_chr_find(p);
        if (!chr) {
            error_setg(errp, "Chardev '%s' not found", p);
        }
        return chr;
    }
    opts = qemu_chr_parse_compat(label, filename, errp);
    if (!opts) {
        return NULL;
    }
    chr = qemu_chr_new_from_opts(opts, errp);
    qemu_opts_free(opts);
    return chr;
}

/* chardev-add: QMP's ChardevBackend as -chardev options */

/* Copy member @member of @data as option @opt, if present. */
static void qmp_opt(QemuOpts *opts, JsonObject *data, const char *member,
                    const char *opt)
{
    JsonNode *node = data ? json_object_get_member(data, member) : NULL;
    g_autofree char *str = NULL;

    if (!node || JSON_NODE_TYPE(node) != JSON_NODE_VALUE) {
        return;
    }
    switch (json_node_get_value_type(node)) {
    case G_TYPE_BOOLEAN:
        str = g_strdup(json_node_get_boolean(node) ? "on" : "off");
        break;
    case G_TYPE_INT64:
        str = g_strdup_printf("%" PRId64, json_node_get_int(node));
        break;
    case G_TYPE_STRING:
        str = g_strdup(json_node_get_string(node));
        break;
    default:
        return;
    }
    qemu_opt_set(opts, opt, str);
}

static JsonObject *qmp_member_object(JsonObject *obj, const char *member)
{
    JsonNode *node = obj ? json_object_get_member(obj, member) : NULL;

    return node && JSON_NODE_HOLDS_OBJECT(node) ?
           json_node_get_object(node) : NULL;
}

static const char *qmp_member_string(JsonObject *obj, const char *member)
{
    JsonNode *node = obj ? json_object_get_member(obj, member) : NULL;

    return node && JSON_NODE_HOLDS_VALUE(node) &&
           json_node_get_value_type(node) == G_TYPE_STRING ?
           json_node_get_string(node) : NULL;
}

static void qmp_socket_opts(QemuOpts *opts, JsonObject *data)
{
    JsonObject *addr = qmp_member_object(data, "addr");
    const char *type = qmp_member_string(addr, "type");
    JsonObject *ad = qmp_member_object(addr, "data");
    bool server = true;

    if (!g_strcmp0(type, "unix")) {
        qmp_opt(opts, ad, "path", "path");
    } else if (!g_strcmp0(type, "inet")) {
        qmp_opt(opts, ad, "host", "host");
        qmp_opt(opts, ad, "port", "port");
    } else if (!g_strcmp0(type, "fd")) {
        qmp_opt(opts, ad, "str", "fd");
    }
    if (json_object_has_member(data, "server")) {
        server = json_object_get_boolean_member(data, "server");
    }
    qemu_opt_set(opts, "server", server ? "on" : "off");
    if (json_object_has_member(data, "wait")) {
        qmp_opt(opts, data, "wait", "wait");
    } else if (server) {
        qemu_opt_set(opts, "wait", "off");
    }
    qmp_opt(opts, data, "nodelay", "nodelay");
    qmp_opt(opts, data, "telnet", "telnet");
    qmp_opt(opts, data, "websocket", "websocket");
    qmp_opt(opts, data, "reconnect", "reconnect");
    qmp_opt(opts, data, "tls-creds", "tls-creds");
}

Chardev *qemu_chr_add_qmp(const char *id, JsonObject *backend, char **pty,
                          Error **errp)
{
    static const char *const types[] = {
        "null", "file", "pipe", "socket", "stdio", "pty", "ringbuf",
        "memory", "mux", "vc", NULL
    };
    const char *type = qmp_member_string(backend, "type");
    JsonObject *data = qmp_member_object(backend, "data");
    g_autoptr(QemuOpts) opts = qemu_opts_new();
    g_autofree char *typename = NULL;
    Error *local_err = NULL;
    Chardev *chr;
    bool known = false;

    *pty = NULL;
    if (qemu_chr_find(id)) {
        error_setg(errp, "Chardev with id '%s' already exists", id);
        return NULL;
    }
    for (int i = 0; type && types[i]; i++) {
        known |= !strcmp(type, types[i]);
    }
    if (!known) {
        error_setg(errp, "Parameter 'type' does not accept value '%s'",
                   type ? type : "");
        return NULL;
    }
    qmp_opt(opts, data, "logfile", "logfile");
    qmp_opt(opts, data, "logappend", "logappend");
    if (!strcmp(type, "file")) {
        qmp_opt(opts, data, "out", "path");
        qmp_opt(opts, data, "append", "append");
    } else if (!strcmp(type, "pipe")) {
        qmp_opt(opts, data, "device", "path");
    } else if (!strcmp(type, "socket")) {
        qmp_socket_opts(opts, data);
    } else if (!strcmp(type, "stdio")) {
        qmp_opt(opts, data, "signal", "signal");
    } else if (!strcmp(type, "ringbuf") || !strcmp(type, "memory")) {
        qmp_opt(opts, data, "size", "size");
    } else if (!strcmp(type, "mux")) {
        qmp_opt(opts, data, "chardev", "chardev");
    }
    typename = g_strdup_printf("chardev-%s", type);
    chr = qemu_chardev_new(id, typename, opts, &local_err);
    if (!chr) {
        error_propagate_prepend(errp, local_err,
                                "Failed to add chardev '%s': ", id);
        return NULL;
    }
    if (object_dynamic_cast(OBJECT(chr), TYPE_CHARDEV_PTY)) {
        *pty = g_strdup(chr->filename + strlen("pty:"));
    }
    return chr;
}

/* Removal */

bool qemu_chr_remove(const char *id, Error **errp)
{
    Chardev *chr = qemu_chr_find(id);

    if (!chr) {
        error_setg(errp, "Chardev '%s' not found", id);
        return false;
    }
    if (qemu_chr_is_busy(chr)) {
        error_setg(errp, "Chardev '%s' is busy", id);
        return false;
    }
    object_unparent(OBJECT(chr));
    return true;
}

static int chr_collect(Object *child, void *opaque)
{
    GPtrArray **lists = opaque;
    bool is_mux = object_dynamic_cast(child, TYPE_CHARDEV_MUX) != NULL;

    g_ptr_array_add(lists[is_mux ? 0 : 1], child);
    return 0;
}

void qemu_chr_cleanup(void)
{
    g_autoptr(GPtrArray) muxes = g_ptr_array_new();
    g_autoptr(GPtrArray) others = g_ptr_array_new();
    GPtrArray *lists[2] = { muxes, others };

    /* muxes first: they are front ends of their base chardev */
    object_child_foreach(get_chardevs_root(), chr_collect, lists);
    for (int l = 0; l < 2; l++) {
        for (guint i = 0; i < lists[l]->len; i++) {
            object_unparent(g_ptr_array_index(lists[l], i));
        }
    }
}

/* Queries */

static int chr_query_one(Object *child, void *opaque)
{
    JsonArray *arr = opaque;
    Chardev *chr = (Chardev *)object_dynamic_cast(child, TYPE_CHARDEV);
    JsonObject *o;

    if (!chr) {
        return 0;
    }
    o = json_object_new();
    json_object_set_boolean_member(o, "frontend-open",
                                   chr->be && chr->be->fe_open);
    json_object_set_string_member(o, "filename", chr->filename);
    json_object_set_string_member(o, "label", chr->label);
    json_array_add_object_element(arr, o);
    return 0;
}

JsonNode *qemu_chr_query(void)
{
    JsonArray *arr = json_array_new();
    JsonNode *node = json_node_new(JSON_NODE_ARRAY);

    object_child_foreach(get_chardevs_root(), chr_query_one, arr);
    json_node_take_array(node, arr);
    return node;
}

/* Names of the creatable backends, sorted; free with g_ptr_array_unref. */
static GPtrArray *chr_backend_names(void)
{
    GSList *classes = object_class_get_list_sorted(TYPE_CHARDEV, false);
    GPtrArray *names = g_ptr_array_new_with_free_func(g_free);

    for (GSList *l = classes; l; l = l->next) {
        ChardevClass *cc = CHARDEV_CLASS(l->data);
        const char *name = object_class_get_name(l->data);

        if (!cc->internal && g_str_has_prefix(name, "chardev-")) {
            g_ptr_array_add(names, g_strdup(name + strlen("chardev-")));
        }
    }
    g_slist_free(classes);
    return names;
}

JsonNode *qemu_chr_query_backends(void)
{
    g_autoptr(GPtrArray) names = chr_backend_names();
    JsonArray *arr = json_array_new();
    JsonNode *node = json_node_new(JSON_NODE_ARRAY);

    for (guint i = 0; i < names->len; i++) {
        JsonObject *o = json_object_new();

        json_object_set_string_member(o, "name", g_ptr_array_index(names, i));
        json_array_add_object_element(arr, o);
    }
    json_node_take_array(node, arr);
    return node;
}

char *qemu_chr_backends_help(void)
{
    g_autoptr(GPtrArray) names = chr_backend_names();
    GString *s = g_string_new("Available chardev backend types: ");

    for (guint i = 0; i < names->len; i++) {
        g_string_append_printf(s, "\n  %s",
                               (char *)g_ptr_array_index(names, i));
    }
    g_string_append_c(s, '\n');
    return g_string_free(s, false);
}
