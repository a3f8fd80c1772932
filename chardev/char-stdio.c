/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The stdio backend: input from fd 0, output to fd 1.  When stdin is a
 * terminal it is put in raw mode (no echo, no line editing, and with
 * signal=off no Ctrl-C signal either) and restored when the chardev goes
 * away or the process exits.  Only one chardev may use stdio.
 */
#include "qemu/osdep.h"
#include <termios.h>
#include "qapi/error.h"
#include "qemu/option.h"
#include "chardev/char.h"
#include "chardev-internal.h"

static Chardev *stdio_owner;
static bool stdio_allow_signal;
static bool stdio_tty_saved;
static bool stdio_atexit_done;
static struct termios stdio_oldtty;

static void stdio_term_restore(void)
{
    if (stdio_tty_saved) {
        tcsetattr(0, TCSANOW, &stdio_oldtty);
    }
}

/* echo on: the terminal as we found it; off: raw mode */
static void stdio_set_echo(Chardev *chr, bool echo)
{
    struct termios tty;

    if (!stdio_tty_saved) {
        return;
    }
    tty = stdio_oldtty;
    if (!echo) {
        tty.c_iflag &= ~(IGNBRK | BRKINT | PARMRK | ISTRIP | INLCR | IGNCR |
                         ICRNL | IXON);
        tty.c_oflag |= OPOST;
        tty.c_lflag &= ~(ECHO | ECHONL | ICANON | IEXTEN);
        tty.c_cflag &= ~(CSIZE | PARENB);
        tty.c_cflag |= CS8;
        tty.c_cc[VMIN] = 1;
        tty.c_cc[VTIME] = 0;
    }
    if (!stdio_allow_signal) {
        tty.c_lflag &= ~ISIG;
    }
    tcsetattr(0, TCSANOW, &tty);
}

static void stdio_chr_eof(Chardev *chr)
{
    qemu_chr_fd_reader_clear(chr);
    qemu_chr_be_event(chr, CHR_EVENT_CLOSED);
}

static void stdio_chr_open(Chardev *chr, QemuOpts *opts, bool *be_opened,
                           Error **errp)
{
    Error *local_err = NULL;
    bool allow_signal = true;

    if (stdio_owner) {
        error_setg(errp, "cannot use stdio by multiple character devices");
        return;
    }
    if (opts) {
        allow_signal = qemu_opt_get_bool(opts, "signal", true, &local_err);
        if (local_err) {
            error_propagate(errp, local_err);
            return;
        }
    }
    stdio_owner = chr;
    stdio_allow_signal = allow_signal;
    if (isatty(0) && tcgetattr(0, &stdio_oldtty) == 0) {
        stdio_tty_saved = true;
        if (!stdio_atexit_done) {
            atexit(stdio_term_restore);
            stdio_atexit_done = true;
        }
        stdio_set_echo(chr, false);
    }
    qemu_chr_fd_reader_set(chr, 0, true, stdio_chr_eof);
}

static void stdio_chr_finalize(Object *obj)
{
    Chardev *chr = CHARDEV(obj);

    qemu_chr_fd_reader_clear(chr);
    if (stdio_owner != chr) {
        /* open failed: stdio belongs to someone else */
        return;
    }
    stdio_term_restore();
    stdio_tty_saved = false;
    stdio_owner = NULL;
}

static int stdio_chr_write(Chardev *chr, const uint8_t *buf, int len)
{
    return qemu_chr_fd_write(1, buf, len);
}

static int stdio_chr_write_fd(Chardev *chr)
{
    return 1;
}

static GSource *stdio_chr_add_watch(Chardev *chr, GIOCondition cond)
{
    return qemu_chr_fd_create_watch(1, cond);
}

static void stdio_chr_class_init(ObjectClass *oc, void *data)
{
    ChardevClass *cc = CHARDEV_CLASS(oc);

    cc->open = stdio_chr_open;
    cc->chr_write = stdio_chr_write;
    cc->chr_write_fd = stdio_chr_write_fd;
    cc->chr_add_watch = stdio_chr_add_watch;
    cc->chr_set_echo = stdio_set_echo;
}

static const TypeInfo stdio_chr_type = {
    .name = TYPE_CHARDEV_STDIO,
    .parent = TYPE_CHARDEV,
    .instance_finalize = stdio_chr_finalize,
    .class_init = stdio_chr_class_init,
};

static void stdio_chr_register_types(void)
{
    type_register_static(&stdio_chr_type);
}

type_init(stdio_chr_register_types)
