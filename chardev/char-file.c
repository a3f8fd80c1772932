/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Output to a file ("file", path= and append=), and the "pipe" backend:
 * PATH.in / PATH.out if both exist, else PATH opened read-write (a FIFO).
 */
#include "qemu/osdep.h"
#include <fcntl.h>
#include "qapi/error.h"
#include "qemu/option.h"
#include "chardev/char.h"
#include "chardev-internal.h"

typedef struct FDChardev {
    Chardev parent_obj;

    int fd_in;
    int fd_out;
} FDChardev;

#define TYPE_CHARDEV_FD "chardev-fd"

static FDChardev *fd_chardev(Chardev *chr)
{
    return (FDChardev *)chr;
}

static void fd_chr_init(Object *obj)
{
    FDChardev *s = (FDChardev *)obj;

    s->fd_in = -1;
    s->fd_out = -1;
}

static void fd_chr_finalize(Object *obj)
{
    FDChardev *s = (FDChardev *)obj;

    qemu_chr_fd_reader_clear(CHARDEV(obj));
    if (s->fd_in >= 0 && s->fd_in != s->fd_out) {
        close(s->fd_in);
    }
    if (s->fd_out >= 0) {
        close(s->fd_out);
    }
}

static int fd_chr_write(Chardev *chr, const uint8_t *buf, int len)
{
    FDChardev *s = fd_chardev(chr);

    if (s->fd_out < 0) {
        return len;
    }
    return qemu_chr_fd_write(s->fd_out, buf, len);
}

static int fd_chr_write_fd(Chardev *chr)
{
    return fd_chardev(chr)->fd_out;
}

static GSource *fd_chr_add_watch(Chardev *chr, GIOCondition cond)
{
    return qemu_chr_fd_create_watch(fd_chardev(chr)->fd_out, cond);
}

static void fd_chr_eof(Chardev *chr)
{
    qemu_chr_fd_reader_clear(chr);
    qemu_chr_be_event(chr, CHR_EVENT_CLOSED);
}

static void file_chr_open(Chardev *chr, QemuOpts *opts, bool *be_opened,
                          Error **errp)
{
    FDChardev *s = fd_chardev(chr);
    const char *path = opts ? qemu_opt_get(opts, "path") : NULL;
    Error *local_err = NULL;
    bool append;
    int fd;

    if (!path) {
        error_setg(errp, "chardev: file: no filename given");
        return;
    }
    append = qemu_opt_get_bool(opts, "append", false, &local_err);
    if (local_err) {
        error_propagate(errp, local_err);
        return;
    }
    fd = open(path, O_WRONLY | O_CREAT | O_CLOEXEC |
              (append ? O_APPEND : O_TRUNC), 0666);
    if (fd < 0) {
        error_setg_errno(errp, errno, "Could not create '%s'", path);
        return;
    }
    s->fd_out = fd;
}

static void file_chr_class_init(ObjectClass *oc, void *data)
{
    ChardevClass *cc = CHARDEV_CLASS(oc);

    cc->open = file_chr_open;
    cc->chr_write = fd_chr_write;
    cc->chr_write_fd = fd_chr_write_fd;
    cc->chr_add_watch = fd_chr_add_watch;
}

static void pipe_chr_open(Chardev *chr, QemuOpts *opts, bool *be_opened,
                          Error **errp)
{
    FDChardev *s = fd_chardev(chr);
    const char *path = opts ? qemu_opt_get(opts, "path") : NULL;
    g_autofree char *in = NULL;
    g_autofree char *out = NULL;

    if (!path) {
        error_setg(errp, "chardev: pipe: no filename given");
        return;
    }
    in = g_strdup_printf("%s.in", path);
    out = g_strdup_printf("%s.out", path);
    s->fd_in = open(in, O_RDWR | O_CLOEXEC | O_NONBLOCK);
    s->fd_out = open(out, O_RDWR | O_CLOEXEC);
    if (s->fd_in < 0 || s->fd_out < 0) {
        if (s->fd_in >= 0) {
            close(s->fd_in);
        }
        if (s->fd_out >= 0) {
            close(s->fd_out);
        }
        s->fd_in = s->fd_out = open(path, O_RDWR | O_CLOEXEC | O_NONBLOCK);
        if (s->fd_in < 0) {
            error_setg_errno(errp, errno, "Could not open '%s'", path);
            return;
        }
    }
    qemu_chr_fd_reader_set(chr, s->fd_in, true, fd_chr_eof);
}

static void pipe_chr_class_init(ObjectClass *oc, void *data)
{
    ChardevClass *cc = CHARDEV_CLASS(oc);

    cc->open = pipe_chr_open;
    cc->chr_write = fd_chr_write;
    cc->chr_write_fd = fd_chr_write_fd;
    cc->chr_add_watch = fd_chr_add_watch;
}

static const TypeInfo fd_chr_types[] = {
    {
        .name = TYPE_CHARDEV_FD,
        .parent = TYPE_CHARDEV,
        .instance_size = sizeof(FDChardev),
        .instance_init = fd_chr_init,
        .instance_finalize = fd_chr_finalize,
        .abstract = true,
    },
    {
        .name = TYPE_CHARDEV_FILE,
        .parent = TYPE_CHARDEV_FD,
        .class_init = file_chr_class_init,
    },
    {
        .name = TYPE_CHARDEV_PIPE,
        .parent = TYPE_CHARDEV_FD,
        .class_init = pipe_chr_class_init,
    },
};

DEFINE_TYPES(fd_chr_types)
