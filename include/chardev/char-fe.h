/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The front-end side of a chardev: what a device model (UART) or a monitor
 * embeds to talk to its character backend.
 *
 * Usage:
 *
 *   CharBackend chr;   (in the device state)
 *   qemu_chr_fe_init(&s->chr, qemu_chr_find("serial0"), errp);
 *   qemu_chr_fe_set_handlers(&s->chr, uart_can_receive, uart_receive,
 *                            uart_event, s);
 *   ...
 *   qemu_chr_fe_write_all(&s->chr, &byte, 1);
 *   ...
 *   qemu_chr_fe_deinit(&s->chr, false);
 *
 * Flow control: the backend asks IOCanReadHandler how many bytes the front
 * end accepts now, and never delivers more.  While it answers 0 the backend
 * stops reading its fd, so the data waits in the kernel (and the peer is
 * throttled) instead of being lost.  When the front end has room again it
 * must call qemu_chr_fe_accept_input().
 *
 * Everything here runs with the BQL held.
 */
#ifndef CHARDEV_CHAR_FE_H
#define CHARDEV_CHAR_FE_H

#include "chardev/char.h"

/* How many bytes the front end takes now; 0 stops input. */
typedef int IOCanReadHandler(void *opaque);
/* Input for the front end: @size is at most what can_read returned. */
typedef void IOReadHandler(void *opaque, const uint8_t *buf, int size);
typedef void IOEventHandler(void *opaque, QEMUChrEvent event);

/**
 * struct CharBackend: a front end's link to its chardev
 *
 * Zero-initialised (part of a zeroed device state) means "no backend";
 * then the qemu_chr_fe_* calls are no-ops.
 */
struct CharBackend {
    Chardev *chr;
    IOEventHandler *chr_event;
    IOCanReadHandler *chr_can_read;
    IOReadHandler *chr_read;
    void *opaque;
    int tag;        /* index among a mux's front ends */
    int fe_open;
};

/**
 * qemu_chr_fe_init: attach @be to chardev @chr
 *
 * Fails with "Device 'LABEL' is in use" when @chr already has a front end
 * (or, for a mux, already has 4).
 */
bool qemu_chr_fe_init(CharBackend *be, Chardev *chr, Error **errp);

/**
 * qemu_chr_fe_deinit: detach; with @del, also remove the chardev
 */
void qemu_chr_fe_deinit(CharBackend *be, bool del);

/**
 * qemu_chr_fe_set_handlers: set the input and event callbacks
 *
 * All NULL means "closed": the backend stops reading and query-chardev
 * shows frontend-open false.  Otherwise the front end is open; on a mux it
 * takes the focus; and if the backend is already connected, @event gets
 * CHR_EVENT_OPENED at once.
 */
void qemu_chr_fe_set_handlers(CharBackend *be, IOCanReadHandler *can_read,
                              IOReadHandler *read, IOEventHandler *event,
                              void *opaque);

/* The front end has room again: the backend resumes reading. */
void qemu_chr_fe_accept_input(CharBackend *be);

/**
 * qemu_chr_fe_write: write without blocking
 *
 * Returns the bytes taken (maybe fewer than @len), 0 without a backend,
 * or -1 (errno EAGAIN: try later; other: the data is lost).
 */
int qemu_chr_fe_write(CharBackend *be, const uint8_t *buf, int len);

/**
 * qemu_chr_fe_write_all: write everything, waiting for a slow peer
 *
 * A socket without a client drops the data (returns -1, no message).
 */
int qemu_chr_fe_write_all(CharBackend *be, const uint8_t *buf, int len);

/* printf to the backend (write_all). */
void qemu_chr_fe_printf(CharBackend *be, const char *fmt, ...)
    QEMU_PRINTF(2, 3);

/* Whether @be is attached to a chardev. */
bool qemu_chr_fe_backend_connected(CharBackend *be);
/* Whether the chardev is connected (a socket has a client). */
bool qemu_chr_fe_backend_open(CharBackend *be);
/* The chardev @be is attached to, or NULL. */
Chardev *qemu_chr_fe_get_driver(CharBackend *be);

/* Terminal echo (stdio): the human monitor turns it on. */
void qemu_chr_fe_set_echo(CharBackend *be, bool echo);
/* Mark the front end open/closed (frontend-open in query-chardev). */
void qemu_chr_fe_set_open(CharBackend *be, int fe_open);
/* On a mux, give @be the focus. */
void qemu_chr_fe_take_focus(CharBackend *be);
/* Drop the backend's current connection (sockets). */
void qemu_chr_fe_disconnect(CharBackend *be);

/**
 * qemu_chr_fe_add_watch: call @func when the backend's output side
 * meets @cond (G_IO_OUT: writable again after EAGAIN)
 *
 * Returns the source id (remove with g_source_remove()), or 0 when the
 * backend has no such source; then just retry the write later.
 */
guint qemu_chr_fe_add_watch(CharBackend *be, GIOCondition cond,
                            GIOFunc func, void *user_data);

#endif
