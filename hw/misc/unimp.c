/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * "unimplemented-device": reads 0, ignores writes, logs every access
 * under -d unimp.  See include/hw/misc/unimp.h.
 */
#include "qemu/osdep.h"
#include "hw/misc/unimp.h"
#include "hw/qdev-properties.h"
#include "qapi/error.h"
#include "qemu/log.h"

static uint64_t unimp_read(void *opaque, hwaddr offset, unsigned size)
{
    UnimplementedDeviceState *s = opaque;

    /* QEMU's text: two spaces after "read" line it up with "write" */
    qemu_log_mask(LOG_UNIMP, "%s: unimplemented device read  "
                  "(size %u, offset 0x%0*" HWADDR_PRIx ")\n",
                  s->name, size, (int)s->offset_fmt_width, offset);
    return 0;
}

static void unimp_write(void *opaque, hwaddr offset, uint64_t value,
                        unsigned size)
{
    UnimplementedDeviceState *s = opaque;

    qemu_log_mask(LOG_UNIMP, "%s: unimplemented device write "
                  "(size %u, offset 0x%0*" HWADDR_PRIx
                  ", value 0x%0*" PRIx64 ")\n",
                  s->name, size, (int)s->offset_fmt_width, offset,
                  (int)size * 2, value);
}

static const MemoryRegionOps unimp_ops = {
    .read = unimp_read,
    .write = unimp_write,
    .endianness = DEVICE_NATIVE_ENDIAN,
    .valid = {
        .min_access_size = 1,
        .max_access_size = 8,
    },
    .impl = {
        .min_access_size = 1,
        .max_access_size = 8,
    },
};

/* Hex digits needed for the largest offset, size - 1 (0 for size 1). */
static unsigned int unimp_offset_width(uint64_t size)
{
    uint64_t last = size - 1;

    return last ? (64 - __builtin_clzll(last) + 3) / 4 : 0;
}

static void unimp_realize(DeviceState *dev, Error **errp)
{
    UnimplementedDeviceState *s = UNIMPLEMENTED_DEVICE(dev);

    if (!s->size) {
        error_setg(errp, "property 'size' not specified or zero");
        return;
    }
    if (!s->name) {
        error_setg(errp, "property 'name' not specified");
        return;
    }
    s->offset_fmt_width = unimp_offset_width(s->size);
    memory_region_init_io(&s->iomem, OBJECT(dev), &unimp_ops, s, s->name,
                          s->size);
    sysbus_init_mmio(SYS_BUS_DEVICE(dev), &s->iomem);
}

DeviceState *create_unimplemented_device(const char *name, hwaddr base,
                                         hwaddr size)
{
    DeviceState *dev = qdev_new(TYPE_UNIMPLEMENTED_DEVICE);

    qdev_prop_set_string(dev, "name", name);
    qdev_prop_set_uint64(dev, "size", size);
    sysbus_realize_and_unref(SYS_BUS_DEVICE(dev), &error_fatal);
    sysbus_mmio_map_overlap(SYS_BUS_DEVICE(dev), 0, base, -1000);
    return dev;
}

static const Property unimp_props[] = {
    DEFINE_PROP_UINT64("size", UnimplementedDeviceState, size, 0),
    DEFINE_PROP_STRING("name", UnimplementedDeviceState, name),
    DEFINE_PROP_END_OF_LIST(),
};

static void unimp_class_init(ObjectClass *oc, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(oc);

    /* GreenSocs made it user-creatable; upstream QEMU does not */
    dc->user_creatable = true;
    dc->realize = unimp_realize;
    device_class_set_props(dc, unimp_props);
}

static const TypeInfo unimp_info = {
    .name = TYPE_UNIMPLEMENTED_DEVICE,
    .parent = TYPE_SYS_BUS_DEVICE,
    .instance_size = sizeof(UnimplementedDeviceState),
    .class_init = unimp_class_init,
};

static void unimp_register_types(void)
{
    type_register_static(&unimp_info);
}

type_init(unimp_register_types)
