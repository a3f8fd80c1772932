/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Bodies of the chardev commands of qapi/char.json, on top of the C API
 * of chardev/char.h.  chardev-add turns its typed backend description
 * into -chardev options, so both paths share the backends' parsing.
 */
#include "qemu/osdep.h"
#include "chardev/char.h"
#include "qapi/error.h"
#include "qapi/qapi-commands.h"
#include "qapi/qapi-marshal.h"
#include "qemu/option.h"

/*
 * The chardev layer describes itself as JSON in the schema's shapes; the
 * generated unmarshallers turn that into the return types.
 */
ChardevInfoList *qmp_query_chardev(Error **errp)
{
    g_autoptr(JsonNode) node = qemu_chr_query();
    ChardevInfoList *list = NULL;

    qapi_input_ChardevInfoList(node, NULL, NULL, &list, &error_abort);
    return list;
}

ChardevBackendInfoList *qmp_query_chardev_backends(Error **errp)
{
    g_autoptr(JsonNode) node = qemu_chr_query_backends();
    ChardevBackendInfoList *list = NULL;

    qapi_input_ChardevBackendInfoList(node, NULL, NULL, &list, &error_abort);
    return list;
}

void qmp_ringbuf_write(const char *device, const char *data, bool has_format,
                       DataFormat format, Error **errp)
{
    if (has_format && format == DATA_FORMAT_BASE64) {
        g_autofree guchar *bytes = NULL;
        gsize len = 0;

        /* g_base64_decode() skips junk: insist on the base64 alphabet */
        if (strspn(data, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
                   "0123456789+/=") != strlen(data) || strlen(data) % 4) {
            error_setg(errp, "Invalid base64 data");
            return;
        }
        bytes = g_base64_decode(data, &len);
        qemu_chr_ringbuf_write(device, bytes, len, errp);
        return;
    }
    qemu_chr_ringbuf_write(device, (const uint8_t *)data, strlen(data), errp);
}

char *qmp_ringbuf_read(const char *device, int64_t size, bool has_format,
                       DataFormat format, Error **errp)
{
    g_autofree uint8_t *data = NULL;
    size_t len = 0;

    data = qemu_chr_ringbuf_read(device, size, &len, errp);
    if (!data) {
        return NULL;
    }
    if (has_format && format == DATA_FORMAT_BASE64) {
        return g_base64_encode(data, len);
    }
    /* JSON strings must be valid UTF-8: bad bytes become U+FFFD */
    return g_utf8_make_valid((const char *)data, len);
}

/* Options shared by every backend (ChardevCommon) */
static void common_opts(QemuOpts *opts, const char *logfile,
                        bool has_logappend, bool logappend)
{
    if (logfile) {
        qemu_opt_set(opts, "logfile", logfile);
    }
    if (has_logappend) {
        qemu_opt_set(opts, "logappend", logappend ? "on" : "off");
    }
}

static void bool_opt(QemuOpts *opts, const char *name, bool has, bool val)
{
    if (has) {
        qemu_opt_set(opts, name, val ? "on" : "off");
    }
}

static bool socket_opts(QemuOpts *opts, ChardevSocket *s, Error **errp)
{
    common_opts(opts, s->logfile, s->has_logappend, s->logappend);
    switch (s->addr->type) {
    case SOCKET_ADDRESS_TYPE_UNIX:
        qemu_opt_set(opts, "path", s->addr->u.q_unix.data->path);
        break;
    case SOCKET_ADDRESS_TYPE_INET: {
        InetSocketAddress *inet = s->addr->u.inet.data;

        qemu_opt_set(opts, "host", inet->host);
        qemu_opt_set(opts, "port", inet->port);
        if (inet->has_to) {
            g_autofree char *to = g_strdup_printf("%u", inet->to);

            qemu_opt_set(opts, "to", to);
        }
        bool_opt(opts, "ipv4", inet->has_ipv4, inet->ipv4);
        bool_opt(opts, "ipv6", inet->has_ipv6, inet->ipv6);
        break;
    }
    default:
        error_setg(errp, "Unsupported socket address type");
        return false;
    }
    bool_opt(opts, "server", s->has_server, s->server);
    bool_opt(opts, "wait", s->has_wait, s->wait);
    bool_opt(opts, "nodelay", s->has_nodelay, s->nodelay);
    bool_opt(opts, "telnet", s->has_telnet, s->telnet);
    if (s->has_reconnect) {
        g_autofree char *r = g_strdup_printf("%" PRId64, s->reconnect);

        qemu_opt_set(opts, "reconnect", r);
    }
    return true;
}

/* The -chardev options equivalent to @backend (without id and backend). */
static bool backend_to_opts(ChardevBackend *backend, QemuOpts *opts,
                            Error **errp)
{
    switch (backend->type) {
    case CHARDEV_BACKEND_KIND_FILE: {
        ChardevFile *f = backend->u.file.data;

        common_opts(opts, f->logfile, f->has_logappend, f->logappend);
        if (f->in) {
            error_setg(errp, "The file backend does not support 'in'");
            return false;
        }
        qemu_opt_set(opts, "path", f->out);
        bool_opt(opts, "append", f->has_append, f->append);
        return true;
    }
    case CHARDEV_BACKEND_KIND_PIPE: {
        ChardevHostdev *h = backend->u.pipe.data;

        common_opts(opts, h->logfile, h->has_logappend, h->logappend);
        qemu_opt_set(opts, "path", h->device);
        return true;
    }
    case CHARDEV_BACKEND_KIND_SOCKET:
        return socket_opts(opts, backend->u.socket.data, errp);
    case CHARDEV_BACKEND_KIND_PTY:
    case CHARDEV_BACKEND_KIND_NULL: {
        ChardevCommon *c = backend->type == CHARDEV_BACKEND_KIND_PTY ?
                           backend->u.pty.data : backend->u.null.data;

        common_opts(opts, c->logfile, c->has_logappend, c->logappend);
        return true;
    }
    case CHARDEV_BACKEND_KIND_STDIO: {
        ChardevStdio *s = backend->u.stdio.data;

        common_opts(opts, s->logfile, s->has_logappend, s->logappend);
        bool_opt(opts, "signal", s->has_signal, s->signal);
        return true;
    }
    case CHARDEV_BACKEND_KIND_RINGBUF:
    case CHARDEV_BACKEND_KIND_MEMORY: {
        ChardevRingbuf *r = backend->type == CHARDEV_BACKEND_KIND_RINGBUF ?
                            backend->u.ringbuf.data : backend->u.memory.data;

        common_opts(opts, r->logfile, r->has_logappend, r->logappend);
        if (r->has_size) {
            g_autofree char *size = g_strdup_printf("%" PRId64, r->size);

            qemu_opt_set(opts, "size", size);
        }
        return true;
    }
    default:
        g_assert_not_reached();
    }
}

ChardevReturn *qmp_chardev_add(const char *id, ChardevBackend *backend,
                               Error **errp)
{
    g_autoptr(QemuOpts) opts = qemu_opts_new();
    g_autofree char *type = NULL;
    ChardevReturn *ret;
    Chardev *chr;

    if (qemu_chr_find(id)) {
        error_setg(errp, "Chardev with id '%s' already exists", id);
        return NULL;
    }
    if (!backend_to_opts(backend, opts, errp)) {
        return NULL;
    }
    type = g_strconcat("chardev-", ChardevBackendKind_str(backend->type),
                       NULL);
    chr = qemu_chardev_new(id, type, opts, errp);
    if (!chr) {
        return NULL;
    }
    ret = g_new0(ChardevReturn, 1);
    if (backend->type == CHARDEV_BACKEND_KIND_PTY && chr->filename &&
        g_str_has_prefix(chr->filename, "pty:")) {
        ret->pty = g_strdup(chr->filename + strlen("pty:"));
    }
    return ret;
}

void qmp_chardev_remove(const char *id, Error **errp)
{
    qemu_chr_remove(id, errp);
}
