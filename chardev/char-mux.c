/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The mux chardev: several front ends (a serial port and the human
 * monitor, typically) share one base chardev.  One front end has the
 * focus and gets the input; all of them may write.  The escape character
 * (Ctrl-a) introduces commands: C-a c moves the focus, C-a x quits, C-a h
 * prints help, C-a b sends a break, C-a t toggles timestamps on output,
 * C-a s does nothing here (no -snapshot), and C-a C-a sends one C-a.
 *
 * Input for a front end that cannot take it right now waits in a small
 * per-front-end buffer; when that is full the mux stops taking input from
 * the base, so nothing is lost.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qemu/option.h"
#include "qemu/timer.h"
#include "sysemu/runstate.h"
#include "chardev/char.h"
#include "chardev/char-fe.h"
#include "chardev-internal.h"

int term_escape_char = 0x01;

/* False between suspend_mux_open() and resume_mux_open(). */
static bool muxes_opened = true;

static void mux_chr_send_event(MuxChardev *d, int i, QEMUChrEvent event)
{
    CharBackend *be = i >= 0 ? d->backends[i] : NULL;

    if (be && be->chr_event) {
        be->chr_event(be->opaque, event);
    }
}

static void mux_chr_send_all_event(MuxChardev *d, QEMUChrEvent event)
{
    for (int i = 0; i < MAX_MUX; i++) {
        mux_chr_send_event(d, i, event);
    }
}

/* Events raised on the mux itself (C-a b, late OPENED): the focus only. */
static void mux_chr_be_event(Chardev *chr, QEMUChrEvent event)
{
    MuxChardev *d = MUX_CHARDEV(chr);

    mux_chr_send_event(d, d->focus, event);
}

void mux_set_focus(Chardev *chr, int focus)
{
    MuxChardev *d = MUX_CHARDEV(chr);

    assert(focus >= 0 && focus < MAX_MUX && d->backends[focus]);
    if (d->focus >= 0) {
        mux_chr_send_event(d, d->focus, CHR_EVENT_MUX_OUT);
    }
    d->focus = focus;
    chr->be = d->backends[focus];
    mux_chr_send_event(d, focus, CHR_EVENT_MUX_IN);
}

bool mux_chr_attach_frontend(MuxChardev *d, CharBackend *be, Error **errp)
{
    for (int i = 0; i < MAX_MUX; i++) {
        if (!d->backends[i]) {
            d->backends[i] = be;
            d->prod[i] = d->cons[i] = 0;
            be->tag = i;
            return true;
        }
    }
    error_setg(errp, "Device '%s' is in use", CHARDEV(d)->label);
    return false;
}

void mux_chr_detach_frontend(MuxChardev *d, CharBackend *be)
{
    Chardev *chr = CHARDEV(d);
    int tag = be->tag;

    if (tag < 0 || tag >= MAX_MUX || d->backends[tag] != be) {
        return;
    }
    d->backends[tag] = NULL;
    d->prod[tag] = d->cons[tag] = 0;
    if (d->focus != tag) {
        return;
    }
    /* the focus moves on to the next front end, if any */
    d->focus = -1;
    chr->be = NULL;
    for (int i = 1; i < MAX_MUX; i++) {
        int next = (tag + i) % MAX_MUX;

        if (d->backends[next]) {
            mux_set_focus(chr, next);
            break;
        }
    }
}

bool mux_chr_is_busy(MuxChardev *d)
{
    for (int i = 0; i < MAX_MUX; i++) {
        if (d->backends[i]) {
            return true;
        }
    }
    return false;
}

/* Output */

static int mux_chr_write(Chardev *chr, const uint8_t *buf, int len)
{
    MuxChardev *d = MUX_CHARDEV(chr);
    int ret = 0;

    if (!d->timestamps) {
        return qemu_chr_fe_write(&d->chr, buf, len);
    }
    for (int i = 0; i < len; i++) {
        int n;

        if (d->linestart) {
            int64_t ms = qemu_clock_get_ms(QEMU_CLOCK_REALTIME);
            g_autofree char *stamp = NULL;
            int secs;

            if (d->timestamps_start == -1) {
                d->timestamps_start = ms;
            }
            ms -= d->timestamps_start;
            secs = ms / 1000;
            stamp = g_strdup_printf("[%02d:%02d:%02d.%03d] ", secs / 3600,
                                    (secs / 60) % 60, secs % 60,
                                    (int)(ms % 1000));
            qemu_chr_fe_write_all(&d->chr, (uint8_t *)stamp, strlen(stamp));
            d->linestart = false;
        }
        n = qemu_chr_fe_write(&d->chr, buf + i, 1);
        if (n <= 0) {
            return ret ? ret : n;
        }
        ret += n;
        if (buf[i] == '\n') {
            d->linestart = true;
        }
    }
    return ret;
}

static int mux_chr_write_fd(Chardev *chr)
{
    Chardev *base = MUX_CHARDEV(chr)->chr.chr;
    ChardevClass *cc = base ? CHARDEV_GET_CLASS(base) : NULL;

    return cc && cc->chr_write_fd ? cc->chr_write_fd(base) : -1;
}

static GSource *mux_chr_add_watch(Chardev *chr, GIOCondition cond)
{
    Chardev *base = MUX_CHARDEV(chr)->chr.chr;
    ChardevClass *cc = base ? CHARDEV_GET_CLASS(base) : NULL;

    return cc && cc->chr_add_watch ? cc->chr_add_watch(base, cond) : NULL;
}

static void mux_print_help(Chardev *chr)
{
    static const char *const lines[] = {
        "% h    print this help\n\r",
        "% x    exit emulator\n\r",
        "% s    save disk data back to file (if -snapshot)\n\r",
        "% t    toggle console timestamps\n\r",
        "% b    send break (magic sysrq)\n\r",
        "% c    switch between console and monitor\n\r",
        "% %  sends %\n\r",
    };
    g_autofree char *esc = NULL;
    GString *text = g_string_new(NULL);

    if (term_escape_char > 0 && term_escape_char < 26) {
        esc = g_strdup_printf("C-%c", term_escape_char - 1 + 'a');
        g_string_append(text, "\n\r");
    } else {
        esc = g_strdup("Escape-Char");
        g_string_append_printf(text,
                               "\n\rEscape-Char set to Ascii: 0x%02x\n\r\n\r",
                               term_escape_char);
    }
    for (size_t i = 0; i < ARRAY_SIZE(lines); i++) {
        for (const char *p = lines[i]; *p; p++) {
            if (*p == '%') {
                g_string_append(text, esc);
            } else {
                g_string_append_c(text, *p);
            }
        }
    }
    qemu_chr_write_all(chr, (uint8_t *)text->str, text->len);
    g_string_free(text, true);
}

static void mux_quit(Chardev *chr)
{
    static const char term[] = "QEMU: Terminated\n\r";

    qemu_chr_write_all(chr, (const uint8_t *)term, strlen(term));
    /*
     * QEMU reports this as a "quit" command.  The request is defined by the
     * program (softmmu/runstate.c in the emulator, the test in test-char).
     */
    qemu_system_shutdown_request(SHUTDOWN_CAUSE_HOST_QMP_QUIT);
}

/* Handle one input byte; true when it is data for the focused front end. */
static bool mux_proc_byte(Chardev *chr, MuxChardev *d, uint8_t ch)
{
    if (!d->term_got_escape) {
        if (ch == term_escape_char) {
            d->term_got_escape = true;
            return false;
        }
        return true;
    }
    d->term_got_escape = false;
    if (ch == term_escape_char) {
        return true;
    }
    switch (ch) {
    case '?':
    case 'h':
        mux_print_help(chr);
        break;
    case 'x':
        mux_quit(chr);
        break;
    case 's':
        /* no -snapshot disks to commit */
        break;
    case 'b':
        qemu_chr_be_event(chr, CHR_EVENT_BREAK);
        break;
    case 'c':
        for (int i = 1; i <= MAX_MUX; i++) {
            int next = (d->focus + i) % MAX_MUX;

            if (next >= 0 && d->backends[next]) {
                mux_set_focus(chr, next);
                break;
            }
        }
        break;
    case 't':
        d->timestamps = !d->timestamps;
        d->timestamps_start = -1;
        d->linestart = false;
        break;
    default:
        break;
    }
    return false;
}

/* Input */

/* Pass buffered input to the focused front end while it takes it. */
static void mux_chr_drain(MuxChardev *d)
{
    int m = d->focus;
    CharBackend *be = m >= 0 ? d->backends[m] : NULL;

    while (be && d->prod[m] != d->cons[m] && be->chr_can_read &&
           be->chr_can_read(be->opaque) > 0) {
        uint8_t ch = d->buffer[m][d->cons[m]++ % MUX_BUFFER_SIZE];

        be->chr_read(be->opaque, &ch, 1);
        /* the front end may have moved the focus or gone */
        if (d->focus != m || d->backends[m] != be) {
            break;
        }
    }
}

static void mux_chr_accept_input(Chardev *chr)
{
    MuxChardev *d = MUX_CHARDEV(chr);

    mux_chr_drain(d);
    qemu_chr_fe_accept_input(&d->chr);
}

static int mux_chr_can_read(void *opaque)
{
    MuxChardev *d = opaque;
    int m = d->focus;
    CharBackend *be;
    unsigned int used;

    if (m < 0) {
        return 0;
    }
    used = d->prod[m] - d->cons[m];
    if (used < MUX_BUFFER_SIZE) {
        return MUX_BUFFER_SIZE - used;
    }
    be = d->backends[m];
    if (be && be->chr_can_read) {
        return be->chr_can_read(be->opaque);
    }
    return 0;
}

static void mux_chr_read(void *opaque, const uint8_t *buf, int size)
{
    MuxChardev *d = opaque;
    Chardev *chr = CHARDEV(d);

    mux_chr_drain(d);
    for (int i = 0; i < size; i++) {
        int m;
        CharBackend *be;

        if (!mux_proc_byte(chr, d, buf[i])) {
            continue;
        }
        m = d->focus;
        if (m < 0) {
            continue;
        }
        be = d->backends[m];
        if (d->prod[m] == d->cons[m] && be && be->chr_can_read &&
            be->chr_can_read(be->opaque) > 0) {
            be->chr_read(be->opaque, &buf[i], 1);
        } else if (d->prod[m] - d->cons[m] < MUX_BUFFER_SIZE) {
            d->buffer[m][d->prod[m]++ % MUX_BUFFER_SIZE] = buf[i];
        }
    }
}

/* Events of the base chardev go to every front end. */
static void mux_chr_event(void *opaque, QEMUChrEvent event)
{
    MuxChardev *d = opaque;
    Chardev *chr = CHARDEV(d);

    if (!muxes_opened) {
        return;
    }
    if (event == CHR_EVENT_OPENED) {
        chr->be_open = true;
    } else if (event == CHR_EVENT_CLOSED) {
        chr->be_open = false;
    }
    mux_chr_send_all_event(d, event);
}

static void mux_chr_open(Chardev *chr, QemuOpts *opts, bool *be_opened,
                         Error **errp)
{
    MuxChardev *d = MUX_CHARDEV(chr);
    const char *name = opts ? qemu_opt_get(opts, "chardev") : NULL;
    Chardev *base;

    if (!name) {
        error_setg(errp, "chardev: mux: no chardev given");
        return;
    }
    base = qemu_chr_find(name);
    if (!base) {
        error_setg(errp, "mux: base chardev %s not found", name);
        return;
    }
    if (!qemu_chr_fe_init(&d->chr, base, errp)) {
        return;
    }
    /* the base's OPENED event (now, or when it connects) opens us */
    *be_opened = false;
    qemu_chr_fe_set_handlers(&d->chr, mux_chr_can_read, mux_chr_read,
                             mux_chr_event, d);
}

void suspend_mux_open(void)
{
    muxes_opened = false;
}

static int mux_chr_resume_one(Object *child, void *opaque)
{
    MuxChardev *d = (MuxChardev *)object_dynamic_cast(child,
                                                      TYPE_CHARDEV_MUX);
    Chardev *chr = CHARDEV(child);

    if (d && !chr->be_open && d->chr.chr && d->chr.chr->be_open) {
        chr->be_open = true;
        mux_chr_send_all_event(d, CHR_EVENT_OPENED);
    }
    return 0;
}

void resume_mux_open(void)
{
    muxes_opened = true;
    object_child_foreach(get_chardevs_root(), mux_chr_resume_one, NULL);
}

static void mux_chr_init(Object *obj)
{
    MuxChardev *d = MUX_CHARDEV(obj);

    d->focus = -1;
    d->timestamps_start = -1;
}

static void mux_chr_finalize(Object *obj)
{
    MuxChardev *d = MUX_CHARDEV(obj);

    for (int i = 0; i < MAX_MUX; i++) {
        if (d->backends[i]) {
            d->backends[i]->chr = NULL;
            d->backends[i] = NULL;
        }
    }
    CHARDEV(obj)->be = NULL;
    qemu_chr_fe_deinit(&d->chr, false);
}

static void mux_chr_class_init(ObjectClass *oc, void *data)
{
    ChardevClass *cc = CHARDEV_CLASS(oc);

    cc->open = mux_chr_open;
    cc->chr_write = mux_chr_write;
    cc->chr_write_fd = mux_chr_write_fd;
    cc->chr_add_watch = mux_chr_add_watch;
    cc->chr_accept_input = mux_chr_accept_input;
    cc->chr_be_event = mux_chr_be_event;
}

static const TypeInfo mux_chr_type = {
    .name = TYPE_CHARDEV_MUX,
    .parent = TYPE_CHARDEV,
    .instance_size = sizeof(MuxChardev),
    .instance_init = mux_chr_init,
    .instance_finalize = mux_chr_finalize,
    .class_init = mux_chr_class_init,
};

static void mux_chr_register_types(void)
{
    type_register_static(&mux_chr_type);
}

type_init(mux_chr_register_types)
