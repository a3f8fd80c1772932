/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The socket backend: a unix (path=) or TCP (host=,port=) stream socket,
 * either listening (server=on) or connecting (server=off, optionally
 * reconnect=SECONDS).
 *
 * A server serves one client at a time: while a client is connected the
 * listening socket is not polled, so a second client waits in the kernel's
 * backlog until the first one leaves.  With wait=on the chardev blocks at
 * creation until the first client connects.  A connection raises
 * CHR_EVENT_OPENED, its end CHR_EVENT_CLOSED; output without a client is
 * dropped.  The unix socket file is removed when the chardev goes.
 */
#include "qemu/osdep.h"
#include <fcntl.h>
#include <glib-unix.h>
#include <netdb.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include "qapi/error.h"
#include "qemu/cutils.h"
#include "qemu/error-report.h"
#include "qemu/main-loop.h"
#include "qemu/option.h"
#include "chardev/char.h"
#include "chardev-internal.h"

typedef struct SocketChardev {
    Chardev parent_obj;

    bool is_listen;
    bool is_unix;
    bool is_fd;
    bool nodelay;
    char *path;             /* unix */
    char *host;             /* inet: as given, or as bound for a server */
    char *port;
    char *fdstr;            /* fd= */
    bool unlink_path;       /* we created the socket file */
    int listen_fd;
    GSource *listen_src;
    int fd;                 /* the connection, or -1 */
    int reconnect_s;
    GSource *reconnect_src;
    bool connect_err_reported;
} SocketChardev;

DECLARE_INSTANCE_CHECKER(SocketChardev, SOCKET_CHARDEV, TYPE_CHARDEV_SOCKET)

static void tcp_chr_start_listen(SocketChardev *s);
static void tcp_chr_schedule_reconnect(SocketChardev *s, guint ms);

/* "unix:P,server=on", "tcp:H:P,server=on", after @prefix */
static char *tcp_chr_addr_str(SocketChardev *s, const char *prefix)
{
    const char *server = s->is_listen ? ",server=on" : "";

    if (s->is_unix) {
        return g_strdup_printf("%sunix:%s%s", prefix, s->path, server);
    }
    if (s->is_fd) {
        return g_strdup_printf("%sfd:%s%s", prefix, s->fdstr, server);
    }
    return g_strdup_printf("%stcp:%s:%s%s", prefix, s->host, s->port,
                           server);
}

static void tcp_chr_set_disconnected_filename(SocketChardev *s)
{
    Chardev *chr = CHARDEV(s);

    g_free(chr->filename);
    chr->filename = tcp_chr_addr_str(s, "disconnected:");
}

/* Numeric "host" and "port" of @sa; IPv6 hosts in brackets. */
static void sockaddr_numeric(struct sockaddr *sa, socklen_t len,
                             char **host, char **port)
{
    char h[NI_MAXHOST] = "";
    char p[NI_MAXSERV] = "";

    getnameinfo(sa, len, h, sizeof(h), p, sizeof(p),
                NI_NUMERICHOST | NI_NUMERICSERV);
    if (sa->sa_family == AF_INET6) {
        *host = g_strdup_printf("[%s]", h);
    } else {
        *host = g_strdup(h);
    }
    *port = g_strdup(p);
}

static char *tcp_chr_connected_filename(SocketChardev *s)
{
    struct sockaddr_storage local, peer;
    socklen_t llen = sizeof(local), plen = sizeof(peer);
    g_autofree char *lh = NULL, *lp = NULL, *ph = NULL, *pp = NULL;

    if (getsockname(s->fd, (struct sockaddr *)&local, &llen) < 0 ||
        getpeername(s->fd, (struct sockaddr *)&peer, &plen) < 0) {
        return tcp_chr_addr_str(s, "");
    }
    if (local.ss_family == AF_UNIX) {
        return g_strdup_printf("unix:%s%s", s->path ? s->path : "",
                               s->is_listen ? ",server=on" : "");
    }
    if (local.ss_family != AF_INET && local.ss_family != AF_INET6) {
        return tcp_chr_addr_str(s, "");
    }
    sockaddr_numeric((struct sockaddr *)&local, llen, &lh, &lp);
    sockaddr_numeric((struct sockaddr *)&peer, plen, &ph, &pp);
    return g_strdup_printf("tcp:%s:%s%s <-> %s:%s", lh, lp,
                           s->is_listen ? ",server=on" : "", ph, pp);
}

static void tcp_chr_disconnect(Chardev *chr)
{
    SocketChardev *s = SOCKET_CHARDEV(chr);

    if (s->fd < 0) {
        return;
    }
    qemu_chr_fd_reader_clear(chr);
    close(s->fd);
    s->fd = -1;
    tcp_chr_set_disconnected_filename(s);
    if (s->is_listen) {
        tcp_chr_start_listen(s);
    }
    qemu_chr_be_event(chr, CHR_EVENT_CLOSED);
    if (s->reconnect_s > 0) {
        tcp_chr_schedule_reconnect(s, s->reconnect_s * 1000);
    }
}

static void tcp_chr_new_connection(SocketChardev *s, int fd)
{
    Chardev *chr = CHARDEV(s);
    int one = 1;

    g_unix_set_fd_nonblocking(fd, TRUE, NULL);
    if (s->nodelay && !s->is_unix) {
        setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
    }
    s->fd = fd;
    if (s->listen_src) {
        g_source_destroy(s->listen_src);
        g_source_unref(s->listen_src);
        s->listen_src = NULL;
    }
    g_free(chr->filename);
    chr->filename = tcp_chr_connected_filename(s);
    qemu_chr_fd_reader_set(chr, fd, true, tcp_chr_disconnect);
    qemu_chr_be_event(chr, CHR_EVENT_OPENED);
}

static int tcp_chr_accept_fd(SocketChardev *s)
{
    int fd;

    do {
        fd = accept4(s->listen_fd, NULL, NULL, SOCK_CLOEXEC);
    } while (fd < 0 && errno == EINTR);
    return fd;
}

static gboolean tcp_chr_accept(gint listen_fd, GIOCondition cond,
                               gpointer opaque)
{
    SocketChardev *s = opaque;
    int fd;

    if (s->fd >= 0) {
        return G_SOURCE_CONTINUE;
    }
    fd = tcp_chr_accept_fd(s);
    if (fd >= 0) {
        /* destroys this source: it is not polled while connected */
        tcp_chr_new_connection(s, fd);
    }
    return G_SOURCE_CONTINUE;
}

static void tcp_chr_start_listen(SocketChardev *s)
{
    if (s->listen_src || s->listen_fd < 0) {
        return;
    }
    s->listen_src = g_unix_fd_source_new(s->listen_fd, G_IO_IN);
    g_source_set_callback(s->listen_src, (GSourceFunc)(void (*)(void))
                          tcp_chr_accept, s, NULL);
    g_source_attach(s->listen_src, qemu_get_aio_context());
}

/* Block until the first client connects (wait=on). */
static void tcp_chr_accept_sync(SocketChardev *s)
{
    Chardev *chr = CHARDEV(s);
    int fd = -1;

    info_report("QEMU waiting for connection on: %s", chr->filename);
    while (fd < 0) {
        struct pollfd pfd = { .fd = s->listen_fd, .events = POLLIN };

        if (poll(&pfd, 1, -1) < 0 && errno != EINTR) {
            break;
        }
        fd = tcp_chr_accept_fd(s);
    }
    if (fd >= 0) {
        tcp_chr_new_connection(s, fd);
    }
}

static bool unix_sockaddr(const char *path, struct sockaddr_un *un,
                          Error **errp)
{
    memset(un, 0, sizeof(*un));
    un->sun_family = AF_UNIX;
    if (strlen(path) >= sizeof(un->sun_path)) {
        error_setg(errp, "UNIX socket path '%s' is too long", path);
        return false;
    }
    memcpy(un->sun_path, path, strlen(path));
    return true;
}

static int unix_listen(SocketChardev *s, Error **errp)
{
    struct sockaddr_un un;
    int fd;

    if (!unix_sockaddr(s->path, &un, errp)) {
        return -1;
    }
    fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) {
        error_setg_errno(errp, errno, "Failed to create Unix socket");
        return -1;
    }
    if (unlink(s->path) < 0 && errno != ENOENT) {
        error_setg_errno(errp, errno, "Failed to unlink socket %s", s->path);
        close(fd);
        return -1;
    }
    if (bind(fd, (struct sockaddr *)&un, sizeof(un)) < 0) {
        error_setg_errno(errp, errno, "Failed to bind socket to %s", s->path);
        close(fd);
        return -1;
    }
    s->unlink_path = true;
    if (listen(fd, 1) < 0) {
        error_setg_errno(errp, errno, "Failed to listen on socket");
        close(fd);
        return -1;
    }
    return fd;
}

static int unix_connect(SocketChardev *s, Error **errp)
{
    struct sockaddr_un un;
    int fd, ret;

    if (!unix_sockaddr(s->path, &un, errp)) {
        return -1;
    }
    fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) {
        error_setg_errno(errp, errno, "Failed to create socket");
        return -1;
    }
    do {
        ret = connect(fd, (struct sockaddr *)&un, sizeof(un));
    } while (ret < 0 && errno == EINTR);
    if (ret < 0) {
        error_setg_errno(errp, errno, "Failed to connect to '%s'", s->path);
        close(fd);
        return -1;
    }
    return fd;
}

static struct addrinfo *inet_resolve(SocketChardev *s, bool passive,
                                     Error **errp)
{
    struct addrinfo hints = {
        .ai_family = AF_UNSPEC,
        .ai_socktype = SOCK_STREAM,
        .ai_flags = passive ? AI_PASSIVE : 0,
    };
    struct addrinfo *res = NULL;
    const char *host = *s->host ? s->host : NULL;
    int rc;

    rc = getaddrinfo(host, s->port, &hints, &res);
    if (rc != 0) {
        error_setg(errp, "address resolution failed for %s:%s: %s",
                   s->host, s->port, gai_strerror(rc));
        return NULL;
    }
    return res;
}

static int inet_listen(SocketChardev *s, Error **errp)
{
    struct addrinfo *res = inet_resolve(s, true, errp);
    struct sockaddr_storage ss;
    socklen_t sslen = sizeof(ss);
    int fd = -1, err = 0;

    if (!res) {
        return -1;
    }
    for (struct addrinfo *ai = res; ai; ai = ai->ai_next) {
        int one = 1;

        fd = socket(ai->ai_family, ai->ai_socktype | SOCK_CLOEXEC,
                    ai->ai_protocol);
        if (fd < 0) {
            err = errno;
            continue;
        }
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
        if (bind(fd, ai->ai_addr, ai->ai_addrlen) == 0 &&
            listen(fd, 1) == 0) {
            break;
        }
        err = errno;
        close(fd);
        fd = -1;
    }
    freeaddrinfo(res);
    if (fd < 0) {
        if (err == EADDRINUSE) {
            error_setg_errno(errp, err, "Failed to find an available port");
        } else {
            error_setg_errno(errp, err, "Failed to bind socket");
        }
        return -1;
    }
    /* report the address actually bound (port=0 picks one) */
    if (getsockname(fd, (struct sockaddr *)&ss, &sslen) == 0) {
        g_free(s->host);
        g_free(s->port);
        sockaddr_numeric((struct sockaddr *)&ss, sslen, &s->host, &s->port);
    }
    return fd;
}

static int inet_connect(SocketChardev *s, Error **errp)
{
    struct addrinfo *res = inet_resolve(s, false, errp);
    int fd = -1, err = 0;

    if (!res) {
        return -1;
    }
    for (struct addrinfo *ai = res; ai; ai = ai->ai_next) {
        int ret;

        fd = socket(ai->ai_family, ai->ai_socktype | SOCK_CLOEXEC,
                    ai->ai_protocol);
        if (fd < 0) {
            err = errno;
            continue;
        }
        do {
            ret = connect(fd, ai->ai_addr, ai->ai_addrlen);
        } while (ret < 0 && errno == EINTR);
        if (ret == 0) {
            break;
        }
        err = errno;
        close(fd);
        fd = -1;
    }
    freeaddrinfo(res);
    if (fd < 0) {
        error_setg_errno(errp, err, "Failed to connect to '%s:%s'",
                         s->host, s->port);
    }
    return fd;
}

static int tcp_chr_parse_fd(SocketChardev *s, Error **errp)
{
    const char *str = s->fdstr ? s->fdstr : "";
    int64_t fd;

    if (qemu_strtoi64(str, NULL, 10, &fd) < 0 || fd < 0 || fd > INT_MAX ||
        fcntl((int)fd, F_GETFD) < 0) {
        error_setg(errp, "Unable to parse FD number %s", str);
        return -1;
    }
    return fd;
}

static int tcp_chr_connect_fd(SocketChardev *s, Error **errp)
{
    if (s->is_fd) {
        return tcp_chr_parse_fd(s, errp);
    }
    return s->is_unix ? unix_connect(s, errp) : inet_connect(s, errp);
}

static gboolean tcp_chr_reconnect_timeout(gpointer opaque)
{
    SocketChardev *s = opaque;
    Error *err = NULL;
    int fd;

    g_source_unref(s->reconnect_src);
    s->reconnect_src = NULL;
    if (s->fd >= 0) {
        return G_SOURCE_REMOVE;
    }
    fd = tcp_chr_connect_fd(s, &err);
    if (fd < 0) {
        if (!s->connect_err_reported) {
            error_prepend(&err, "Unable to connect character device %s: ",
                          CHARDEV(s)->label);
            error_report_err(err);
            s->connect_err_reported = true;
        } else {
            error_free(err);
        }
        tcp_chr_schedule_reconnect(s, s->reconnect_s * 1000);
        return G_SOURCE_REMOVE;
    }
    s->connect_err_reported = false;
    tcp_chr_new_connection(s, fd);
    return G_SOURCE_REMOVE;
}

static void tcp_chr_schedule_reconnect(SocketChardev *s, guint ms)
{
    if (s->reconnect_src) {
        return;
    }
    s->reconnect_src = g_timeout_source_new(ms);
    g_source_set_callback(s->reconnect_src, tcp_chr_reconnect_timeout, s,
                          NULL);
    g_source_attach(s->reconnect_src, qemu_get_aio_context());
}

static bool opt_bool(QemuOpts *opts, const char *name, bool def,
                     bool *ok, Error **errp)
{
    Error *local_err = NULL;
    bool v = qemu_opt_get_bool(opts, name, def, &local_err);

    if (local_err) {
        if (*ok) {
            error_propagate(errp, local_err);
        } else {
            error_free(local_err);
        }
        *ok = false;
    }
    return v;
}

static void tcp_chr_open(Chardev *chr, QemuOpts *opts, bool *be_opened,
                         Error **errp)
{
    SocketChardev *s = SOCKET_CHARDEV(chr);
    const char *path = qemu_opt_get(opts, "path");
    const char *host = qemu_opt_get(opts, "host");
    const char *port = qemu_opt_get(opts, "port");
    const char *fd = qemu_opt_get(opts, "fd");
    Error *local_err = NULL;
    bool ok = true;
    bool wait, is_telnet, is_websock;
    uint64_t reconnect;

    if (!!path + !!host + !!fd > 1) {
        error_setg(errp,
                   "None or one of 'path', 'fd' or 'host' option required.");
        return;
    }
    if (host && !port) {
        error_setg(errp, "chardev: socket: no port given");
        return;
    }
    s->is_listen = opt_bool(opts, "server", false, &ok, errp);
    wait = opt_bool(opts, "wait", true, &ok, errp);
    is_telnet = opt_bool(opts, "telnet", false, &ok, errp) ||
                opt_bool(opts, "tn3270", false, &ok, errp);
    is_websock = opt_bool(opts, "websocket", false, &ok, errp);
    s->nodelay = opt_bool(opts, "nodelay", false, &ok, errp) ||
                 !opt_bool(opts, "delay", true, &ok, errp);
    if (!ok) {
        return;
    }
    reconnect = qemu_opt_get_number(opts, "reconnect", 0, &local_err);
    if (local_err) {
        error_propagate(errp, local_err);
        return;
    }
    *be_opened = false;
    if (path) {
        s->is_unix = true;
        s->path = g_strdup(path);
    } else if (host) {
        s->host = g_strdup(host);
        s->port = g_strdup(port);
    } else {
        s->is_fd = true;
        s->fdstr = g_strdup(fd);
    }
    tcp_chr_set_disconnected_filename(s);

    if (s->is_fd && qemu_opt_has(opts, "reconnect")) {
        error_setg(errp,
                   "'reconnect' option is incompatible with 'fd' address type");
        return;
    }
    if (s->is_listen && qemu_opt_has(opts, "reconnect")) {
        error_setg(errp, "'reconnect' option is incompatible with socket in "
                   "server listen mode");
        return;
    }
    if (!s->is_listen && is_websock) {
        error_setg(errp, "%s", "Websocket client is not implemented");
        return;
    }
    if (!s->is_listen && qemu_opt_has(opts, "wait")) {
        error_setg(errp, "'wait' option is incompatible with socket in "
                   "client connect mode");
        return;
    }
    if (is_telnet || is_websock || qemu_opt_has(opts, "tls-creds")) {
        error_setg(errp, "chardev: socket: telnet, tn3270, websocket and TLS "
                   "are not supported");
        return;
    }

    if (s->is_listen) {
        if (s->is_fd) {
            s->listen_fd = tcp_chr_parse_fd(s, errp);
        } else if (s->is_unix) {
            s->listen_fd = unix_listen(s, errp);
        } else {
            s->listen_fd = inet_listen(s, errp);
        }
        if (s->listen_fd < 0) {
            return;
        }
        g_unix_set_fd_nonblocking(s->listen_fd, TRUE, NULL);
        tcp_chr_set_disconnected_filename(s);
        if (wait) {
            tcp_chr_accept_sync(s);
        }
        if (s->fd < 0) {
            tcp_chr_start_listen(s);
        }
        return;
    }

    s->reconnect_s = reconnect;
    if (reconnect > 0) {
        /* first attempt from the main loop, failures retried later */
        tcp_chr_schedule_reconnect(s, 0);
    } else {
        int cfd = tcp_chr_connect_fd(s, errp);

        if (cfd >= 0) {
            tcp_chr_new_connection(s, cfd);
        }
    }
}

static int tcp_chr_write(Chardev *chr, const uint8_t *buf, int len)
{
    SocketChardev *s = SOCKET_CHARDEV(chr);
    ssize_t ret;
    int saved;

    if (s->fd < 0) {
        /* no client: the data is dropped */
        errno = EIO;
        return -1;
    }
    do {
        ret = send(s->fd, buf, len, MSG_NOSIGNAL | MSG_DONTWAIT);
    } while (ret < 0 && errno == EINTR);
    if (ret < 0 && errno != EAGAIN) {
        saved = errno;
        /* if the reader will not look, notice the hang-up here */
        if (qemu_chr_be_can_write(chr) <= 0) {
            tcp_chr_disconnect(chr);
        }
        errno = saved;
    }
    return ret;
}

static int tcp_chr_write_fd(Chardev *chr)
{
    return SOCKET_CHARDEV(chr)->fd;
}

static GSource *tcp_chr_add_watch(Chardev *chr, GIOCondition cond)
{
    return qemu_chr_fd_create_watch(SOCKET_CHARDEV(chr)->fd, cond);
}

static bool tcp_chr_get_connected(Object *obj, Error **errp)
{
    return SOCKET_CHARDEV(obj)->fd >= 0;
}

static void tcp_chr_init(Object *obj)
{
    SocketChardev *s = SOCKET_CHARDEV(obj);

    s->fd = -1;
    s->listen_fd = -1;
}

static void tcp_chr_finalize(Object *obj)
{
    SocketChardev *s = SOCKET_CHARDEV(obj);

    qemu_chr_fd_reader_clear(CHARDEV(obj));
    if (s->fd >= 0) {
        close(s->fd);
    }
    if (s->listen_src) {
        g_source_destroy(s->listen_src);
        g_source_unref(s->listen_src);
    }
    if (s->reconnect_src) {
        g_source_destroy(s->reconnect_src);
        g_source_unref(s->reconnect_src);
    }
    if (s->listen_fd >= 0) {
        close(s->listen_fd);
    }
    if (s->unlink_path) {
        unlink(s->path);
    }
    g_free(s->path);
    g_free(s->host);
    g_free(s->port);
    g_free(s->fdstr);
}

static void tcp_chr_class_init(ObjectClass *oc, void *data)
{
    ChardevClass *cc = CHARDEV_CLASS(oc);

    cc->open = tcp_chr_open;
    cc->chr_write = tcp_chr_write;
    cc->chr_write_fd = tcp_chr_write_fd;
    cc->chr_add_watch = tcp_chr_add_watch;
    cc->chr_disconnect = tcp_chr_disconnect;
    object_class_property_add_bool(oc, "connected", tcp_chr_get_connected,
                                   NULL);
}

static const TypeInfo tcp_chr_type = {
    .name = TYPE_CHARDEV_SOCKET,
    .parent = TYPE_CHARDEV,
    .instance_size = sizeof(SocketChardev),
    .instance_init = tcp_chr_init,
    .instance_finalize = tcp_chr_finalize,
    .class_init = tcp_chr_class_init,
};

static void tcp_chr_register_types(void)
{
    type_register_static(&tcp_chr_type);
}

type_init(tcp_chr_register_types)
