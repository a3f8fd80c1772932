/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The test's end of a unix socket chardev (see socket-peer.h). */
#include "qemu/osdep.h"
#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include "socket-peer.h"

void socket_peer_init(SocketPeer *p, const char *name)
{
    g_autofree char *tmpl = g_strdup_printf("%s-XXXXXX", name);

    p->dir = g_dir_make_tmp(tmpl, NULL);
    g_assert_nonnull(p->dir);
    p->path = g_build_filename(p->dir, "sock", NULL);
    p->fd = -1;
}

void socket_peer_connect(SocketPeer *p)
{
    struct sockaddr_un addr = { .sun_family = AF_UNIX };

    p->fd = socket(AF_UNIX, SOCK_STREAM, 0);
    g_assert_cmpint(p->fd, >=, 0);
    g_strlcpy(addr.sun_path, p->path, sizeof(addr.sun_path));
    g_assert_cmpint(connect(p->fd, (struct sockaddr *)&addr, sizeof(addr)),
                    ==, 0);
}

void socket_peer_read(SocketPeer *p, void *buf, size_t len)
{
    size_t got = 0;

    while (got < len) {
        struct pollfd pfd = { .fd = p->fd, .events = POLLIN };
        ssize_t n;

        g_assert_cmpint(poll(&pfd, 1, 10000), ==, 1);
        n = read(p->fd, (uint8_t *)buf + got, len - got);
        g_assert_cmpint(n, >, 0);
        got += n;
    }
}

void socket_peer_assert_empty(SocketPeer *p)
{
    struct pollfd pfd = { .fd = p->fd, .events = POLLIN };

    g_assert_cmpint(poll(&pfd, 1, 0), ==, 0);
}

typedef struct Feed {
    int fd;
    const uint8_t *data;
    size_t len;
} Feed;

static gpointer feed_thread(gpointer opaque)
{
    Feed *f = opaque;
    size_t done = 0;

    while (done < f->len) {
        ssize_t n = write(f->fd, f->data + done, f->len - done);

        if (n < 0 && errno == EINTR) {
            continue;
        }
        g_assert_cmpint(n, >, 0);
        done += n;
    }
    g_free(f);
    return NULL;
}

GThread *socket_peer_feed(SocketPeer *p, const void *data, size_t len)
{
    Feed *f = g_new(Feed, 1);

    *f = (Feed) { .fd = p->fd, .data = data, .len = len };
    return g_thread_new("socket-peer-feed", feed_thread, f);
}

void socket_peer_cleanup(SocketPeer *p)
{
    if (p->fd >= 0) {
        close(p->fd);
        p->fd = -1;
    }
    unlink(p->path);
    rmdir(p->dir);
    g_free(p->path);
    g_free(p->dir);
}
