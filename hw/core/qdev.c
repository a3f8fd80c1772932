/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The abstract device type (qdev): realize and unrealize, placement in
 * the composition tree, the two-pass reset, GPIO lines as QOM objects and
 * links, "info qtree" and the "-device help" listing.  See
 * docs/devel/qdev.md.
 */
#include "qemu/osdep.h"
#include "hw/qdev-help.h"
#include "hw/qdev-properties.h"
#include "hw/sysbus.h"
#include "qapi/error.h"
#include "qemu/cutils.h"
#include "qemu/error-report.h"

/* "-device help" */

static const char *const category_names[DEVICE_CATEGORY_MAX] = {
    [DEVICE_CATEGORY_BRIDGE] = "Controller/Bridge/Hub",
    [DEVICE_CATEGORY_USB] = "USB",
    [DEVICE_CATEGORY_STORAGE] = "Storage",
    [DEVICE_CATEGORY_NETWORK] = "Network",
    [DEVICE_CATEGORY_INPUT] = "Input",
    [DEVICE_CATEGORY_DISPLAY] = "Display",
    [DEVICE_CATEGORY_SOUND] = "Sound",
    [DEVICE_CATEGORY_MISC] = "Misc",
    [DEVICE_CATEGORY_CPU] = "CPU",
    [DEVICE_CATEGORY_WATCHDOG] = "Watchdog",
};

static gint device_class_cmp(gconstpointer a, gconstpointer b)
{
    return strcmp(object_class_get_name((ObjectClass *)a),
                  object_class_get_name((ObjectClass *)b));
}

static void print_device(FILE *f, DeviceClass *dc)
{
    fprintf(f, "name \"%s\"", object_class_get_name(OBJECT_CLASS(dc)));
    if (dc->bus_type) {
        fprintf(f, ", bus %s", dc->bus_type);
    }
    if (dc->desc) {
        fprintf(f, ", desc \"%s\"", dc->desc);
    }
    fprintf(f, "\n");
}

/* Print the block of @cat (or the uncategorised one when @cat is MAX). */
static bool print_category(FILE *f, GSList *list, int cat, bool first)
{
    bool printed = false;
    GSList *el;

    for (el = list; el; el = el->next) {
        DeviceClass *dc = el->data;
        bool in = cat == DEVICE_CATEGORY_MAX ? dc->categories == 0
                                             : dc->categories & (1ul << cat);

        if (!dc->user_creatable || !in) {
            continue;
        }
        if (!printed) {
            fprintf(f, "%s%s devices:\n", first ? "" : "\n",
                    cat == DEVICE_CATEGORY_MAX ? "Uncategorized"
                                               : category_names[cat]);
            printed = true;
        }
        print_device(f, dc);
    }
    return printed;
}

void qdev_print_device_list(FILE *f)
{
    GSList *list = object_class_get_list(TYPE_DEVICE, false);
    bool first = true;
    int cat;

    list = g_slist_sort(list, device_class_cmp);
    for (cat = 0; cat <= DEVICE_CATEGORY_MAX; cat++) {
        if (print_category(f, list, cat, first)) {
            first = false;
        }
    }
    g_slist_free(list);
}

/* Class helpers */

bool qdev_property_is_internal(const char *name)
{
    static const char *const internal[] = {
        "type", "realized", "hotpluggable", "hotplugged", "parent_bus",
    };
    size_t i;

    for (i = 0; i < G_N_ELEMENTS(internal); i++) {
        if (!strcmp(name, internal[i])) {
            return true;
        }
    }
    return false;
}

static bool skip_internal_prop(ObjectProperty *prop)
{
    return qdev_property_is_internal(prop->name);
}

void qdev_print_device_props_help(FILE *f, ObjectClass *oc)
{
    g_autofree char *text = object_class_property_help_text_filtered(
        oc, object_class_get_name(oc), skip_internal_prop);

    fputs(text, f);
    fflush(f);
}

void device_class_set_parent_realize(DeviceClass *dc,
                                     DeviceRealize dev_realize,
                                     DeviceRealize *parent_realize)
{
    *parent_realize = dc->realize;
    dc->realize = dev_realize;
}

void device_class_set_parent_unrealize(DeviceClass *dc,
                                       DeviceUnrealize dev_unrealize,
                                       DeviceUnrealize *parent_unrealize)
{
    *parent_unrealize = dc->unrealize;
    dc->unrealize = dev_unrealize;
}

/* Life cycle */

static GList *realized_devices;     /* DeviceState *, in realize order */
static uint64_t realize_counter;

DeviceState *qdev_try_new(const char *name)
{
    ObjectClass *oc = object_class_by_name(name);

    if (!oc || !object_class_dynamic_cast(oc, TYPE_DEVICE) ||
        object_class_is_abstract(oc)) {
        return NULL;
    }
    return DEVICE(object_new(name));
}

DeviceState *qdev_new(const char *name)
{
    DeviceState *dev = qdev_try_new(name);

    if (!dev) {
        error_report("unknown device type '%s'", name);
        abort();
    }
    return dev;
}

static void bus_unplug(DeviceState *dev)
{
    BusState *bus = dev->parent_bus;

    if (bus) {
        bus->children = g_slist_remove(bus->children, dev);
        dev->parent_bus = NULL;
    }
}

static void device_do_unrealize(DeviceState *dev)
{
    DeviceClass *dc = DEVICE_GET_CLASS(dev);
    SysBusDevice *sbd;
    int i;

    if (!dev->realized) {
        return;
    }
    if (dc->unrealize) {
        dc->unrealize(dev);
    }
    sbd = (SysBusDevice *)object_dynamic_cast(OBJECT(dev),
                                              TYPE_SYS_BUS_DEVICE);
    /* an unrealized device leaves no trace in the memory map */
    for (i = 0; sbd && i < sbd->num_mmio; i++) {
        if (sbd->mmio[i].addr != HWADDR_MAX || sbd->mmio[i].aliases) {
            sysbus_mmio_unmap(sbd, i, NULL);
        }
    }
    dev->realized = false;
    dev->realize_seq = 0;
    realized_devices = g_list_remove(realized_devices, dev);
}

static bool device_do_realize(DeviceState *dev, Error **errp)
{
    DeviceClass *dc = DEVICE_GET_CLASS(dev);
    Object *obj = OBJECT(dev);
    Error *err = NULL;
    bool unattached = false;

    if (dev->realized) {
        return true;
    }
    if (!object_get_parent(obj)) {
        Object *parent = container_get(object_get_root(),
                                       "/machine/unattached");

        object_property_add_child(parent, "device[*]", obj);
        unattached = true;
    }
    if (dc->realize) {
        dc->realize(dev, &err);
        if (err) {
            error_propagate(errp, err);
            if (unattached) {
                object_unparent(obj);
            }
            return false;
        }
    }
    dev->realized = true;
    dev->hotplugged = phase_check(PHASE_MACHINE_READY);
    dev->realize_seq = ++realize_counter;
    realized_devices = g_list_append(realized_devices, dev);
    return true;
}

bool qdev_realize(DeviceState *dev, BusState *bus, Error **errp)
{
    DeviceClass *dc = DEVICE_GET_CLASS(dev);

    if (bus && bus != dev->parent_bus) {
        if (!dc->bus_type ||
            !object_dynamic_cast(OBJECT(bus), dc->bus_type)) {
            error_setg(errp, "Device '%s' can't go on %s bus",
                       object_get_typename(OBJECT(dev)),
                       object_get_typename(OBJECT(bus)));
            return false;
        }
        bus_unplug(dev);
        dev->parent_bus = bus;
        bus->children = g_slist_prepend(bus->children, dev);
    } else if (!bus && dc->bus_type && !dev->parent_bus) {
        error_setg(errp, "Device '%s' needs a bus of type '%s'",
                   object_get_typename(OBJECT(dev)), dc->bus_type);
        return false;
    }
    if (!object_property_set_bool(OBJECT(dev), "realized", true, errp)) {
        bus_unplug(dev);
        return false;
    }
    return true;
}

bool qdev_realize_and_unref(DeviceState *dev, BusState *bus, Error **errp)
{
    bool ok = qdev_realize(dev, bus, errp);

    object_unref(dev);
    return ok;
}

void qdev_unrealize(DeviceState *dev)
{
    object_property_set_bool(OBJECT(dev), "realized", false, &error_abort);
}

void qdev_foreach_realized(void (*fn)(DeviceState *dev, void *opaque),
                           void *opaque)
{
    GList *copy = g_list_copy(realized_devices), *l;

    for (l = copy; l; l = l->next) {
        fn(l->data, opaque);
    }
    g_list_free(copy);
}

/* Reset */

static void device_reset_enter(DeviceState *dev, void *opaque)
{
    DeviceClass *dc = DEVICE_GET_CLASS(dev);

    if (dc->reset) {
        dc->reset(dev);
    }
}

static void device_reset_exit(DeviceState *dev, void *opaque)
{
    DeviceClass *dc = DEVICE_GET_CLASS(dev);

    if (dc->reset_exit) {
        dc->reset_exit(dev);
    }
}

void qemu_devices_reset(void)
{
    qdev_foreach_realized(device_reset_enter, NULL);
    qdev_foreach_realized(device_reset_exit, NULL);
}

void device_cold_reset(DeviceState *dev)
{
    device_reset_enter(dev, NULL);
    device_reset_exit(dev, NULL);
}

/* GPIO lines */

static NamedGPIOList *gpio_list_get(DeviceState *dev, const char *name)
{
    NamedGPIOList *ngl = qdev_get_named_gpio_list(dev, name);

    if (!ngl) {
        ngl = g_new0(NamedGPIOList, 1);
        ngl->name = g_strdup(name);
        dev->gpios = g_slist_append(dev->gpios, ngl);
    }
    return ngl;
}

NamedGPIOList *qdev_get_named_gpio_list(DeviceState *dev, const char *name)
{
    GSList *l;

    for (l = dev->gpios; l; l = l->next) {
        NamedGPIOList *ngl = l->data;

        if (g_strcmp0(ngl->name, name) == 0) {
            return ngl;
        }
    }
    return NULL;
}

void qdev_init_gpio_in_named(DeviceState *dev, qemu_irq_handler handler,
                             const char *name, int n)
{
    NamedGPIOList *ngl = gpio_list_get(dev, name);
    int i;

    ngl->in = g_renew(qemu_irq, ngl->in, ngl->num_in + n);
    for (i = ngl->num_in; i < ngl->num_in + n; i++) {
        g_autofree char *pname =
            g_strdup_printf("%s[%d]", name ? name : "unnamed-gpio-in", i);
        qemu_irq irq = qemu_allocate_irq(handler, dev, i);

        object_property_add_child(OBJECT(dev), pname, OBJECT(irq));
        object_unref(irq);
        ngl->in[i] = irq;
    }
    ngl->num_in += n;
}

void qdev_init_gpio_in(DeviceState *dev, qemu_irq_handler handler, int n)
{
    qdev_init_gpio_in_named(dev, handler, NULL, n);
}

void qdev_init_gpio_out_named(DeviceState *dev, qemu_irq *pins,
                              const char *name, int n)
{
    NamedGPIOList *ngl = gpio_list_get(dev, name);
    int i;

    ngl->out = g_renew(qemu_irq *, ngl->out, ngl->num_out + n);
    for (i = 0; i < n; i++) {
        int idx = ngl->num_out + i;
        g_autofree char *pname =
            g_strdup_printf("%s[%d]", name ? name : "unnamed-gpio-out", idx);
        ObjectProperty *prop;

        pins[i] = NULL;
        ngl->out[idx] = &pins[i];
        prop = object_property_add_link(OBJECT(dev), pname, TYPE_IRQ,
                                        (Object **)&pins[i], NULL,
                                        OBJ_PROP_LINK_STRONG);
        prop->late_settable = true;
    }
    ngl->num_out += n;
}

void qdev_init_gpio_out(DeviceState *dev, qemu_irq *pins, int n)
{
    qdev_init_gpio_out_named(dev, pins, NULL, n);
}

qemu_irq qdev_get_gpio_in_named(DeviceState *dev, const char *name, int n)
{
    NamedGPIOList *ngl = qdev_get_named_gpio_list(dev, name);

    if (!ngl || n < 0 || n >= ngl->num_in) {
        return NULL;
    }
    return ngl->in[n];
}

qemu_irq qdev_get_gpio_in(DeviceState *dev, int n)
{
    return qdev_get_gpio_in_named(dev, NULL, n);
}

/* Set while board code wires lines: the "machine is ready" veto is off. */
static bool qdev_gpio_internal_write;

void qdev_connect_gpio_out_named(DeviceState *dev, const char *name, int n,
                                 qemu_irq irq)
{
    g_autofree char *pname =
        g_strdup_printf("%s[%d]", name ? name : "unnamed-gpio-out", n);
    bool saved = qdev_gpio_internal_write;

    qdev_gpio_internal_write = true;
    object_property_set_link(OBJECT(dev), pname, OBJECT(irq), &error_abort);
    qdev_gpio_internal_write = saved;
}

void qdev_connect_gpio_out(DeviceState *dev, int n, qemu_irq irq)
{
    qdev_connect_gpio_out_named(dev, NULL, n, irq);
}

qemu_irq qdev_get_gpio_out_connector(DeviceState *dev, const char *name,
                                     int n)
{
    NamedGPIOList *ngl = qdev_get_named_gpio_list(dev, name);

    if (!ngl || n < 0 || n >= ngl->num_out) {
        return NULL;
    }
    return *ngl->out[n];
}

bool qdev_intercept_gpio_in(DeviceState *dev, qemu_irq_handler handler,
                            void *opaque)
{
    bool any = false;
    GSList *l;

    for (l = dev->gpios; l; l = l->next) {
        NamedGPIOList *ngl = l->data;
        int i;

        for (i = 0; i < ngl->num_in; i++) {
            ngl->in[i]->handler = handler;
            ngl->in[i]->opaque = opaque;
            any = true;
        }
    }
    return any;
}

/* The veto on property writes */

static bool prop_is_gpio_out(ObjectProperty *prop)
{
    return prop->late_settable && !strcmp(prop->type, "link<" TYPE_IRQ ">");
}

bool qdev_prop_check_settable(Object *obj, ObjectProperty *prop,
                              Error **errp)
{
    DeviceState *dev = DEVICE(obj);

    if (prop_is_gpio_out(prop)) {
        if (phase_check(PHASE_MACHINE_READY) && !qdev_gpio_internal_write) {
            g_autofree char *name = qdev_get_human_name(dev);

            error_setg(errp, "Cannot change IRQ wiring of '%s' (property "
                       "'%s') once the machine is ready", name, prop->name);
            return false;
        }
        return true;
    }
    if (!dev->realized || prop->late_settable) {
        return true;
    }
    if (dev->id) {
        error_setg(errp, "Attempt to set property '%s' on device '%s' "
                   "(type '%s') after it was realized", prop->name, dev->id,
                   object_get_typename(obj));
    } else {
        error_setg(errp, "Attempt to set property '%s' on anonymous device "
                   "(type '%s') after it was realized", prop->name,
                   object_get_typename(obj));
    }
    return false;
}

/* Identification */

const char *qdev_get_id(DeviceState *dev)
{
    return dev->id;
}

char *qdev_get_human_name(DeviceState *dev)
{
    if (dev->id) {
        return g_strdup(dev->id);
    }
    return object_get_canonical_path(OBJECT(dev));
}

DeviceState *qdev_find_by_id_or_path(const char *id, Error **errp)
{
    Object *obj;

    if (id[0] == '/') {
        obj = object_resolve_path(id, NULL);
    } else {
        obj = object_resolve_path("/machine/peripheral", NULL);
        obj = obj ? object_resolve_path_component(obj, id) : NULL;
    }
    if (!obj || !object_dynamic_cast(obj, TYPE_DEVICE)) {
        error_set(errp, ERROR_CLASS_DEVICE_NOT_FOUND,
                  "Device '%s' not found", id);
        return NULL;
    }
    return DEVICE(obj);
}

/* info qtree */

static void qtree_print_prop(GString *buf, DeviceState *dev,
                             const Property *p, int indent)
{
    g_autoptr(JsonNode) v = object_property_get(OBJECT(dev), p->name, NULL);
    const char *s;

    if (!v) {
        return;
    }
    g_string_append_printf(buf, "%*s%s = ", indent, "", p->name);
    if (!JSON_NODE_HOLDS_VALUE(v)) {
        g_string_append(buf, "\"\"\n");
        return;
    }
    switch (json_node_get_value_type(v) == G_TYPE_STRING ? -1
            : (int)p->field_kind) {
    case -1:
        s = json_node_get_string(v);
        if (p->kind == PROP_KIND_FIELD && p->field_kind == OBJ_FIELD_ENUM) {
            g_string_append_printf(buf, "%s\n", s);
        } else {
            g_string_append_printf(buf, "\"%s\"\n", s);
        }
        break;
    case OBJ_FIELD_BOOL:
        g_string_append_printf(buf, "%s\n",
                               json_node_get_boolean(v) ? "true" : "false");
        break;
    case OBJ_FIELD_SIZE: {
        g_autofree char *h = size_to_str(json_node_get_int(v));

        g_string_append_printf(buf, "%" PRIu64 " (%s)\n",
                               (uint64_t)json_node_get_int(v), h);
        break;
    }
    case OBJ_FIELD_INT8:
    case OBJ_FIELD_INT16:
    case OBJ_FIELD_INT32:
    case OBJ_FIELD_INT64:
        g_string_append_printf(buf, "%" PRId64 " (0x%" PRIx64 ")\n",
                               (int64_t)json_node_get_int(v),
                               (uint64_t)json_node_get_int(v));
        break;
    default:
        g_string_append_printf(buf, "%" PRIu64 " (0x%" PRIx64 ")\n",
                               (uint64_t)json_node_get_int(v),
                               (uint64_t)json_node_get_int(v));
        break;
    }
}

static void qtree_print_dev(GString *buf, DeviceState *dev, bool brief,
                            int indent)
{
    ObjectClass *oc = object_get_class(OBJECT(dev));
    ObjectClass *base = object_class_by_name(TYPE_DEVICE);
    SysBusDevice *sbd;
    GSList *l;

    g_string_append_printf(buf, "%*sdev: %s, id \"%s\"\n", indent, "",
                           object_get_typename(OBJECT(dev)),
                           dev->id ? dev->id : "");
    indent += 2;
    for (l = dev->gpios; l; l = l->next) {
        NamedGPIOList *ngl = l->data;

        if (ngl->num_in) {
            g_string_append_printf(buf, "%*sgpio-in \"%s\" %d\n", indent, "",
                                   ngl->name ? ngl->name : "", ngl->num_in);
        }
        if (ngl->num_out) {
            g_string_append_printf(buf, "%*sgpio-out \"%s\" %d\n", indent,
                                   "", ngl->name ? ngl->name : "",
                                   ngl->num_out);
        }
    }
    if (!brief) {
        for (; oc && oc != base; oc = object_class_get_parent(oc)) {
            const Property *p = DEVICE_CLASS(oc)->props;

            for (; p && p->name; p++) {
                qtree_print_prop(buf, dev, p, indent);
            }
        }
    }
    sbd = (SysBusDevice *)object_dynamic_cast(OBJECT(dev),
                                              TYPE_SYS_BUS_DEVICE);
    if (sbd) {
        int i;

        for (i = 0; i < sbd->num_mmio; i++) {
            g_string_append_printf(buf, "%*smmio %016" PRIx64 "/%016" PRIx64
                                   "\n", indent, "", sbd->mmio[i].addr,
                                   memory_region_size(sbd->mmio[i].memory));
        }
    }
}

void qdev_info_qtree(GString *buf, bool brief)
{
    Object *obj = object_resolve_path("/machine/unattached/sysbus", NULL);
    BusState *bus;
    GSList *l;

    if (!obj || !object_dynamic_cast(obj, TYPE_BUS)) {
        return;
    }
    bus = BUS(obj);
    g_string_append_printf(buf, "bus: %s\n", bus->name);
    g_string_append_printf(buf, "  type %s\n", object_get_typename(obj));
    for (l = bus->children; l; l = l->next) {
        qtree_print_dev(buf, l->data, brief, 2);
    }
}

/* The device type */

static bool device_get_realized(Object *obj, Error **errp)
{
    return DEVICE(obj)->realized;
}

static void device_set_realized(Object *obj, bool value, Error **errp)
{
    DeviceState *dev = DEVICE(obj);

    if (value) {
        device_do_realize(dev, errp);
    } else {
        device_do_unrealize(dev);
    }
}

static bool device_get_hotpluggable(Object *obj, Error **errp)
{
    return DEVICE_GET_CLASS(obj)->hotpluggable;
}

static bool device_get_hotplugged(Object *obj, Error **errp)
{
    return DEVICE(obj)->hotplugged;
}

static JsonNode *device_get_parent_bus(Object *obj, ObjectProperty *prop,
                                       Error **errp)
{
    BusState *bus = DEVICE(obj)->parent_bus;
    g_autofree char *path = bus ? object_get_canonical_path(OBJECT(bus))
                                : NULL;
    JsonNode *node = json_node_alloc();

    return json_node_init_string(node, path ? path : "");
}

static void device_unparent(Object *obj)
{
    DeviceState *dev = DEVICE(obj);

    device_do_unrealize(dev);
    bus_unplug(dev);
}

static void device_class_base_init(ObjectClass *oc, void *data)
{
    /* each class prints (info qtree) only the table it registered */
    DEVICE_CLASS(oc)->props = NULL;
}

static void device_class_init(ObjectClass *oc, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(oc);
    ObjectProperty *prop;

    dc->user_creatable = true;
    oc->unparent = device_unparent;
    oc->property_set_check = qdev_prop_check_settable;
    prop = object_class_property_add_bool(oc, "realized",
                                          device_get_realized,
                                          device_set_realized);
    prop->late_settable = true;
    object_class_property_add_bool(oc, "hotpluggable",
                                   device_get_hotpluggable, NULL);
    object_class_property_add_bool(oc, "hotplugged", device_get_hotplugged,
                                   NULL);
    object_class_property_add(oc, "parent_bus", "link<" TYPE_BUS ">",
                              device_get_parent_bus, NULL, NULL, NULL);
}

/* After every instance_init: the global properties (-global, -cpu) */
static void device_post_init(Object *obj)
{
    Error *err = NULL;

    if (!qdev_prop_apply_globals(DEVICE(obj), &err)) {
        if (phase_check(PHASE_MACHINE_READY)) {
            warn_report_err(err);
        } else {
            error_report_err(err);
            exit(1);
        }
    }
}

static void device_finalize(Object *obj)
{
    DeviceState *dev = DEVICE(obj);
    GSList *l;

    realized_devices = g_list_remove(realized_devices, dev);
    bus_unplug(dev);
    for (l = dev->gpios; l; l = l->next) {
        NamedGPIOList *ngl = l->data;

        g_free(ngl->name);
        g_free(ngl->in);
        g_free(ngl->out);
        g_free(ngl);
    }
    g_slist_free(dev->gpios);
    dev->gpios = NULL;
    g_free(dev->id);
}

static const TypeInfo device_type_info = {
    .name = TYPE_DEVICE,
    .parent = TYPE_OBJECT,
    .abstract = true,
    .instance_size = sizeof(DeviceState),
    .instance_post_init = device_post_init,
    .instance_finalize = device_finalize,
    .class_size = sizeof(DeviceClass),
    .class_init = device_class_init,
    .class_base_init = device_class_base_init,
};

static void qdev_register_types(void)
{
    type_register_static(&device_type_info);
}

type_init(qdev_register_types)
