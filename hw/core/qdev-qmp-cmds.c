/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Bodies of the sysbus mapping and wiring commands of qapi/qdev.json:
 * x-sysbus-mmio-map (and sysbus-mmio-map), x-sysbus-mmio-unmap,
 * x-sysbus-mmio-map-alias, x-query-device-pins and x-query-wiring.
 */
#include "qemu/osdep.h"
#include "hw/qdev-core.h"
#include "hw/sysbus.h"
#include "qapi/error.h"
#include "qapi/qapi-commands.h"

static SysBusDevice *find_sysbus_device(const char *device, Error **errp)
{
    DeviceState *dev = qdev_find_by_id_or_path(device, errp);

    if (!dev) {
        return NULL;
    }
    if (!object_dynamic_cast(OBJECT(dev), TYPE_SYS_BUS_DEVICE)) {
        error_setg(errp, "Device '%s' is not a sysbus device", device);
        return NULL;
    }
    return SYS_BUS_DEVICE(dev);
}

void qmp_x_sysbus_mmio_map(const char *device, bool has_mmio, uint8_t mmio,
                           uint64_t addr, bool has_priority,
                           int32_t priority, Error **errp)
{
    SysBusDevice *sbd = find_sysbus_device(device, errp);

    if (sbd) {
        sysbus_mmio_map_checked(sbd, has_mmio ? mmio : 0, addr,
                                has_priority ? priority : 0, errp);
    }
}

void qmp_sysbus_mmio_map(const char *device, bool has_mmio, uint8_t mmio,
                         uint64_t addr, bool has_priority, int32_t priority,
                         Error **errp)
{
    qmp_x_sysbus_mmio_map(device, has_mmio, mmio, addr, has_priority,
                          priority, errp);
}

void qmp_x_sysbus_mmio_unmap(const char *device, bool has_mmio,
                             uint8_t mmio, Error **errp)
{
    SysBusDevice *sbd = find_sysbus_device(device, errp);

    if (sbd) {
        sysbus_mmio_unmap(sbd, has_mmio ? mmio : 0, errp);
    }
}

void qmp_x_sysbus_mmio_map_alias(const char *device, bool has_mmio,
                                 uint8_t mmio, uint64_t addr,
                                 bool has_offset, uint64_t offset,
                                 bool has_size, uint64_t size,
                                 bool has_priority, int32_t priority,
                                 Error **errp)
{
    SysBusDevice *sbd = find_sysbus_device(device, errp);
    MemoryRegion *mr;

    if (!sbd) {
        return;
    }
    if (!has_offset) {
        offset = 0;
    }
    mr = sysbus_mmio_get_region(sbd, has_mmio ? mmio : 0);
    if (!has_size && mr) {
        uint64_t rsize = memory_region_size(mr);

        size = offset < rsize ? rsize - offset : 0;
    }
    sysbus_mmio_map_alias(sbd, has_mmio ? mmio : 0, offset, size, addr,
                          has_priority ? priority : 0, errp);
}

/* x-query-device-pins */

static char *gpio_prop_name(NamedGPIOList *ngl, bool in, int i)
{
    return g_strdup_printf("%s[%d]", ngl->name ? ngl->name
                           : in ? "unnamed-gpio-in" : "unnamed-gpio-out", i);
}

static DeviceGpioInfoList **add_gpio(DeviceGpioInfoList **tail,
                                     NamedGPIOList *ngl, bool in, int i)
{
    DeviceGpioInfo *g = g_new0(DeviceGpioInfo, 1);

    g->name = g_strdup(ngl->name ? ngl->name : "");
    g->index = i;
    g->direction = in ? GPIO_DIRECTION_IN : GPIO_DIRECTION_OUT;
    g->property = gpio_prop_name(ngl, in, i);
    *tail = g_new0(DeviceGpioInfoList, 1);
    (*tail)->value = g;
    return &(*tail)->next;
}

DevicePinsInfo *qmp_x_query_device_pins(const char *type, Error **errp)
{
    ObjectClass *oc = object_class_by_name(type);
    DevicePinsInfo *info;
    DeviceGpioInfoList **gtail;
    DeviceMmioInfoList **mtail;
    DeviceState *dev;
    SysBusDevice *sbd;
    GSList *l;
    int i;

    if (!oc) {
        error_set(errp, ERROR_CLASS_DEVICE_NOT_FOUND,
                  "Device '%s' not found", type);
        return NULL;
    }
    if (!object_class_dynamic_cast(oc, TYPE_DEVICE)) {
        error_setg(errp, "Parameter 'type' expects %s", TYPE_DEVICE);
        return NULL;
    }
    if (object_class_is_abstract(oc)) {
        error_setg(errp, "Parameter 'type' expects a non-abstract device "
                   "type");
        return NULL;
    }
    dev = DEVICE(object_new(type));
    info = g_new0(DevicePinsInfo, 1);
    info->type = g_strdup(type);
    info->user_creatable = DEVICE_GET_CLASS(dev)->user_creatable;
    info->hotpluggable = DEVICE_GET_CLASS(dev)->hotpluggable;
    mtail = &info->mmio;
    sbd = (SysBusDevice *)object_dynamic_cast(OBJECT(dev),
                                              TYPE_SYS_BUS_DEVICE);
    for (i = 0; sbd && i < sbd->num_mmio; i++) {
        DeviceMmioInfo *m = g_new0(DeviceMmioInfo, 1);

        m->index = i;
        m->name = g_strdup(memory_region_name(sbd->mmio[i].memory));
        m->has_size = true;
        m->size = memory_region_size(sbd->mmio[i].memory);
        *mtail = g_new0(DeviceMmioInfoList, 1);
        (*mtail)->value = m;
        mtail = &(*mtail)->next;
    }
    gtail = &info->gpios;
    for (l = dev->gpios; l; l = l->next) {
        NamedGPIOList *ngl = l->data;

        for (i = 0; i < ngl->num_in; i++) {
            gtail = add_gpio(gtail, ngl, true, i);
        }
        for (i = 0; i < ngl->num_out; i++) {
            gtail = add_gpio(gtail, ngl, false, i);
        }
    }
    object_unref(dev);
    return info;
}

/* x-query-wiring */

typedef struct WiringState {
    GHashTable *driven;     /* IRQState * inputs some output drives */
    WiringInfoList *head;
    WiringInfoList **tail;
} WiringState;

static void wiring_mark_driven(DeviceState *dev, void *opaque)
{
    WiringState *s = opaque;
    GSList *l;

    for (l = dev->gpios; l; l = l->next) {
        NamedGPIOList *ngl = l->data;
        int i;

        for (i = 0; i < ngl->num_out; i++) {
            if (*ngl->out[i]) {
                g_hash_table_add(s->driven, *ngl->out[i]);
            }
        }
    }
}

static void wiring_add(WiringState *s, const char *path, char *prop,
                       bool in, char *target)
{
    WiringInfo *w = g_new0(WiringInfo, 1);

    w->device = g_strdup(path);
    w->property = prop;
    w->direction = in ? GPIO_DIRECTION_IN : GPIO_DIRECTION_OUT;
    w->connected_to = target;
    *s->tail = g_new0(WiringInfoList, 1);
    (*s->tail)->value = w;
    s->tail = &(*s->tail)->next;
}

static void wiring_list_device(DeviceState *dev, void *opaque)
{
    WiringState *s = opaque;
    g_autofree char *path = object_get_canonical_path(OBJECT(dev));
    GSList *l;

    for (l = dev->gpios; l; l = l->next) {
        NamedGPIOList *ngl = l->data;
        int i;

        for (i = 0; i < ngl->num_out; i++) {
            qemu_irq target = *ngl->out[i];
            char *tpath = target ? object_get_canonical_path(OBJECT(target))
                                 : NULL;

            wiring_add(s, path, gpio_prop_name(ngl, false, i), false, tpath);
        }
    }
    for (l = dev->gpios; l; l = l->next) {
        NamedGPIOList *ngl = l->data;
        int i;

        for (i = 0; i < ngl->num_in; i++) {
            if (!g_hash_table_contains(s->driven, ngl->in[i])) {
                wiring_add(s, path, gpio_prop_name(ngl, true, i), true,
                           NULL);
            }
        }
    }
}

WiringInfoList *qmp_x_query_wiring(Error **errp)
{
    WiringState s = { .driven = g_hash_table_new(NULL, NULL) };

    s.tail = &s.head;
    qdev_foreach_realized(wiring_mark_driven, &s);
    qdev_foreach_realized(wiring_list_device, &s);
    g_hash_table_destroy(s.driven);
    return s.head;
}
