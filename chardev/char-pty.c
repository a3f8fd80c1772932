/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The pty backend: a pseudo-terminal whose slave side (/dev/pts/N) a user
 * opens with a terminal program.  Its name is printed at creation
 * ("char device redirected to /dev/pts/N (label serial0)") and shown as
 * "pty:/dev/pts/N".  While nobody holds the slave open the master reports
 * a hang-up; we then check once a second for a new user, and output is
 * dropped.
 */
#include "qemu/osdep.h"
#include <fcntl.h>
#include <glib-unix.h>
#include <poll.h>
#include <termios.h>
#include "qapi/error.h"
#include "qemu/main-loop.h"
#include "chardev/char.h"
#include "chardev-internal.h"

typedef struct PtyChardev {
    Chardev parent_obj;

    int fd;             /* the master */
    bool connected;
    GSource *timer;     /* polls for a user while disconnected */
} PtyChardev;

DECLARE_INSTANCE_CHECKER(PtyChardev, PTY_CHARDEV, TYPE_CHARDEV_PTY)

static void pty_chr_start_timer(PtyChardev *s);

/* Whether someone has the slave side open. */
static bool pty_chr_has_user(PtyChardev *s)
{
    struct pollfd pfd = { .fd = s->fd, .events = POLLIN };

    if (poll(&pfd, 1, 0) < 0) {
        return false;
    }
    return !(pfd.revents & POLLHUP);
}

static void pty_chr_hangup(Chardev *chr)
{
    PtyChardev *s = PTY_CHARDEV(chr);

    qemu_chr_fd_reader_clear(chr);
    if (s->connected) {
        s->connected = false;
        qemu_chr_be_event(chr, CHR_EVENT_CLOSED);
    }
    pty_chr_start_timer(s);
}

static void pty_chr_connect(PtyChardev *s)
{
    Chardev *chr = CHARDEV(s);

    s->connected = true;
    qemu_chr_fd_reader_set(chr, s->fd, true, pty_chr_hangup);
    qemu_chr_be_event(chr, CHR_EVENT_OPENED);
}

static gboolean pty_chr_timer(gpointer opaque)
{
    PtyChardev *s = opaque;

    if (!pty_chr_has_user(s)) {
        return G_SOURCE_CONTINUE;
    }
    g_source_unref(s->timer);
    s->timer = NULL;
    pty_chr_connect(s);
    return G_SOURCE_REMOVE;
}

static void pty_chr_start_timer(PtyChardev *s)
{
    if (s->timer) {
        return;
    }
    s->timer = g_timeout_source_new_seconds(1);
    g_source_set_callback(s->timer, pty_chr_timer, s, NULL);
    g_source_attach(s->timer, qemu_get_aio_context());
}

static void pty_chr_open(Chardev *chr, QemuOpts *opts, bool *be_opened,
                         Error **errp)
{
    PtyChardev *s = PTY_CHARDEV(chr);
    struct termios tty;
    const char *name;
    int slave;

    s->fd = posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC);
    if (s->fd < 0 || grantpt(s->fd) < 0 || unlockpt(s->fd) < 0 ||
        !(name = ptsname(s->fd))) {
        error_setg_errno(errp, errno, "Failed to create PTY");
        return;
    }
    /* raw mode on the slave, so that the guest sees every byte as is */
    slave = open(name, O_RDWR | O_NOCTTY | O_CLOEXEC);
    if (slave >= 0) {
        if (tcgetattr(slave, &tty) == 0) {
            cfmakeraw(&tty);
            tcsetattr(slave, TCSAFLUSH, &tty);
        }
        close(slave);
    }
    g_unix_set_fd_nonblocking(s->fd, TRUE, NULL);
    chr->filename = g_strdup_printf("pty:%s", name);
    printf("char device redirected to %s (label %s)\n", name, chr->label);
    fflush(stdout);
    *be_opened = false;
    pty_chr_start_timer(s);
}

static int pty_chr_write(Chardev *chr, const uint8_t *buf, int len)
{
    PtyChardev *s = PTY_CHARDEV(chr);
    int ret;

    if (!s->connected) {
        /* nobody is listening: drop it */
        return len;
    }
    ret = qemu_chr_fd_write(s->fd, buf, len);
    if (ret < 0 && errno == EIO) {
        return len;
    }
    return ret;
}

static int pty_chr_write_fd(Chardev *chr)
{
    return PTY_CHARDEV(chr)->fd;
}

static GSource *pty_chr_add_watch(Chardev *chr, GIOCondition cond)
{
    return qemu_chr_fd_create_watch(PTY_CHARDEV(chr)->fd, cond);
}

static void pty_chr_init(Object *obj)
{
    PTY_CHARDEV(obj)->fd = -1;
}

static void pty_chr_finalize(Object *obj)
{
    PtyChardev *s = PTY_CHARDEV(obj);

    qemu_chr_fd_reader_clear(CHARDEV(obj));
    if (s->timer) {
        g_source_destroy(s->timer);
        g_source_unref(s->timer);
    }
    if (s->fd >= 0) {
        close(s->fd);
    }
}

static void pty_chr_class_init(ObjectClass *oc, void *data)
{
    ChardevClass *cc = CHARDEV_CLASS(oc);

    cc->open = pty_chr_open;
    cc->chr_write = pty_chr_write;
    cc->chr_write_fd = pty_chr_write_fd;
    cc->chr_add_watch = pty_chr_add_watch;
}

static const TypeInfo pty_chr_type = {
    .name = TYPE_CHARDEV_PTY,
    .parent = TYPE_CHARDEV,
    .instance_size = sizeof(PtyChardev),
    .instance_init = pty_chr_init,
    .instance_finalize = pty_chr_finalize,
    .class_init = pty_chr_class_init,
};

static void pty_chr_register_types(void)
{
    type_register_static(&pty_chr_type);
}

type_init(pty_chr_register_types)
