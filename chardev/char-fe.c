/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The front-end API (include/chardev/char-fe.h): attaching a device or a
 * monitor to a chardev, its callbacks, and writing to the backend.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qemu/main-loop.h"
#include "chardev/char-fe.h"
#include "chardev-internal.h"

bool qemu_chr_fe_init(CharBackend *be, Chardev *chr, Error **errp)
{
    assert(chr);
    be->tag = 0;
    if (qemu_chr_is_mux(chr)) {
        if (!mux_chr_attach_frontend(MUX_CHARDEV(chr), be, errp)) {
            return false;
        }
    } else if (chr->be) {
        error_setg(errp, "Device '%s' is in use", chr->label);
        return false;
    } else {
        chr->be = be;
    }
    be->fe_open = 0;
    be->chr = chr;
    return true;
}

void qemu_chr_fe_deinit(CharBackend *be, bool del)
{
    Chardev *chr = be->chr;

    if (!chr) {
        return;
    }
    qemu_chr_fe_set_handlers(be, NULL, NULL, NULL, NULL);
    if (qemu_chr_is_mux(chr)) {
        mux_chr_detach_frontend(MUX_CHARDEV(chr), be);
    } else if (chr->be == be) {
        chr->be = NULL;
    }
    be->chr = NULL;
    if (del) {
        object_unparent(OBJECT(chr));
    }
}

void qemu_chr_fe_set_handlers(CharBackend *be, IOCanReadHandler *can_read,
                              IOReadHandler *read, IOEventHandler *event,
                              void *opaque)
{
    Chardev *chr = be->chr;
    ChardevClass *cc;
    int fe_open;

    if (!chr) {
        return;
    }
    cc = CHARDEV_GET_CLASS(chr);
    fe_open = (opaque || can_read || read || event) ? 1 : 0;
    be->chr_can_read = can_read;
    be->chr_read = read;
    be->chr_event = event;
    be->opaque = opaque;
    if (cc->chr_update_read_handler) {
        cc->chr_update_read_handler(chr);
    }
    qemu_chr_fe_set_open(be, fe_open);
    if (fe_open) {
        qemu_chr_fe_take_focus(be);
        /* a front end joining an open backend hears that it is open */
        if (chr->be_open) {
            qemu_chr_be_event(chr, CHR_EVENT_OPENED);
        }
    }
    /* the reader re-evaluates can_read on its next prepare */
    qemu_notify_event();
}

void qemu_chr_fe_accept_input(CharBackend *be)
{
    Chardev *chr = be->chr;

    if (!chr) {
        return;
    }
    if (CHARDEV_GET_CLASS(chr)->chr_accept_input) {
        CHARDEV_GET_CLASS(chr)->chr_accept_input(chr);
    }
    qemu_chr_fd_reader_kick(chr);
    qemu_notify_event();
}

int qemu_chr_fe_write(CharBackend *be, const uint8_t *buf, int len)
{
    if (!be->chr) {
        return 0;
    }
    return qemu_chr_write(be->chr, buf, len, false);
}

int qemu_chr_fe_write_all(CharBackend *be, const uint8_t *buf, int len)
{
    if (!be->chr) {
        return 0;
    }
    return qemu_chr_write(be->chr, buf, len, true);
}

void qemu_chr_fe_printf(CharBackend *be, const char *fmt, ...)
{
    g_autofree char *text = NULL;
    va_list ap;

    va_start(ap, fmt);
    text = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    qemu_chr_fe_write_all(be, (const uint8_t *)text, strlen(text));
}

bool qemu_chr_fe_backend_connected(CharBackend *be)
{
    return be->chr != NULL;
}

bool qemu_chr_fe_backend_open(CharBackend *be)
{
    return be->chr && be->chr->be_open;
}

Chardev *qemu_chr_fe_get_driver(CharBackend *be)
{
    return be->chr;
}

void qemu_chr_fe_set_echo(CharBackend *be, bool echo)
{
    Chardev *chr = be->chr;

    if (chr && CHARDEV_GET_CLASS(chr)->chr_set_echo) {
        CHARDEV_GET_CLASS(chr)->chr_set_echo(chr, echo);
    }
}

void qemu_chr_fe_set_open(CharBackend *be, int fe_open)
{
    Chardev *chr = be->chr;

    if (!chr || be->fe_open == fe_open) {
        return;
    }
    be->fe_open = fe_open;
    if (CHARDEV_GET_CLASS(chr)->chr_set_fe_open) {
        CHARDEV_GET_CLASS(chr)->chr_set_fe_open(chr, fe_open);
    }
}

void qemu_chr_fe_take_focus(CharBackend *be)
{
    if (be->chr && qemu_chr_is_mux(be->chr)) {
        mux_set_focus(be->chr, be->tag);
    }
}

void qemu_chr_fe_disconnect(CharBackend *be)
{
    Chardev *chr = be->chr;

    if (chr && CHARDEV_GET_CLASS(chr)->chr_disconnect) {
        CHARDEV_GET_CLASS(chr)->chr_disconnect(chr);
    }
}

guint qemu_chr_fe_add_watch(CharBackend *be, GIOCondition cond,
                            GIOFunc func, void *user_data)
{
    Chardev *chr = be->chr;
    GSource *src;
    guint tag;

    if (!chr || !CHARDEV_GET_CLASS(chr)->chr_add_watch) {
        return 0;
    }
    src = CHARDEV_GET_CLASS(chr)->chr_add_watch(chr, cond);
    if (!src) {
        return 0;
    }
    g_source_set_callback(src, (GSourceFunc)(void (*)(void))func, user_data,
                          NULL);
    tag = g_source_attach(src, qemu_get_aio_context());
    g_source_unref(src);
    return tag;
}
