/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The ring buffer backend: output goes into a buffer of size= bytes (a
 * power of two, 64 KiB by default), overwriting the oldest bytes when full;
 * ringbuf-read takes bytes out, ringbuf-write puts bytes in.  "memory" is
 * its old name.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qemu/option.h"
#include "chardev/char.h"

typedef struct RingBufChardev {
    Chardev parent_obj;

    size_t size;
    size_t prod;
    size_t cons;
    uint8_t *cbuf;
} RingBufChardev;

DECLARE_INSTANCE_CHECKER(RingBufChardev, RINGBUF_CHARDEV,
                         TYPE_CHARDEV_RINGBUF)

static int ringbuf_chr_write(Chardev *chr, const uint8_t *buf, int len)
{
    RingBufChardev *d = RINGBUF_CHARDEV(chr);

    if (!buf || len < 0) {
        return -1;
    }
    for (int i = 0; i < len; i++) {
        d->cbuf[d->prod++ & (d->size - 1)] = buf[i];
        if (d->prod - d->cons > d->size) {
            d->cons = d->prod - d->size;
        }
    }
    return len;
}

static void ringbuf_chr_open(Chardev *chr, QemuOpts *opts, bool *be_opened,
                             Error **errp)
{
    RingBufChardev *d = RINGBUF_CHARDEV(chr);
    Error *local_err = NULL;
    uint64_t size = 0;

    if (opts) {
        size = qemu_opt_get_size(opts, "size", 0, &local_err);
        if (local_err) {
            error_propagate(errp, local_err);
            return;
        }
    }
    d->size = size ? size : 65536;
    if (d->size & (d->size - 1)) {
        error_setg(errp, "size of ringbuf chardev must be power of two");
        return;
    }
    d->cbuf = g_try_malloc0(d->size);
    if (!d->cbuf) {
        error_setg(errp, "ringbuf: cannot allocate %zu bytes", d->size);
    }
}

static void ringbuf_chr_finalize(Object *obj)
{
    g_free(RINGBUF_CHARDEV(obj)->cbuf);
}

static void ringbuf_chr_class_init(ObjectClass *oc, void *data)
{
    ChardevClass *cc = CHARDEV_CLASS(oc);

    cc->open = ringbuf_chr_open;
    cc->chr_write = ringbuf_chr_write;
}

static RingBufChardev *ringbuf_find(const char *device, Error **errp)
{
    Chardev *chr = qemu_chr_find(device);

    if (!chr) {
        error_setg(errp, "Device '%s' not found", device);
        return NULL;
    }
    if (!object_dynamic_cast(OBJECT(chr), TYPE_CHARDEV_RINGBUF)) {
        error_setg(errp, "%s is not a ringbuf device", device);
        return NULL;
    }
    return RINGBUF_CHARDEV(chr);
}

bool qemu_chr_ringbuf_write(const char *device, const uint8_t *data,
                            size_t len, Error **errp)
{
    RingBufChardev *d = ringbuf_find(device, errp);

    if (!d) {
        return false;
    }
    if (len > INT_MAX || ringbuf_chr_write(CHARDEV(d), data, len) < 0) {
        error_setg(errp, "Failed to write to device %s", device);
        return false;
    }
    return true;
}

uint8_t *qemu_chr_ringbuf_read(const char *device, int64_t size,
                               size_t *len, Error **errp)
{
    RingBufChardev *d = ringbuf_find(device, errp);
    uint8_t *data;
    size_t n;

    if (!d) {
        return NULL;
    }
    if (size <= 0) {
        error_setg(errp, "size must be greater than zero");
        return NULL;
    }
    n = MIN((uint64_t)size, d->prod - d->cons);
    data = g_malloc(n + 1);
    for (size_t i = 0; i < n; i++) {
        data[i] = d->cbuf[d->cons++ & (d->size - 1)];
    }
    data[n] = 0;
    *len = n;
    return data;
}

static const TypeInfo ringbuf_chr_types[] = {
    {
        .name = TYPE_CHARDEV_RINGBUF,
        .parent = TYPE_CHARDEV,
        .instance_size = sizeof(RingBufChardev),
        .instance_finalize = ringbuf_chr_finalize,
        .class_init = ringbuf_chr_class_init,
    },
    {
        /* QEMU keeps the old name working */
        .name = TYPE_CHARDEV_MEMORY,
        .parent = TYPE_CHARDEV_RINGBUF,
    },
};

DEFINE_TYPES(ringbuf_chr_types)
