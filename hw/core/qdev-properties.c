/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * qdev properties: turning a device's static Property table into class
 * properties (fields, links, chardev front ends), and the setters board
 * code uses.  The veto on writes after realize is qdev_prop_check_settable()
 * in hw/core/qdev.c.
 */
#include "qemu/osdep.h"
#include "chardev/char.h"
#include "chardev/char-fe.h"
#include "hw/qdev-properties.h"
#include "qapi/error.h"
#include "qapi/input.h"
#include "qemu/cutils.h"
#include "qemu/error-report.h"

/* Chardev front ends: the value is the chardev's label */

static CharBackend *prop_chr_backend(Object *obj, ObjectProperty *prop)
{
    const Property *p = prop->opaque;

    return (CharBackend *)((char *)obj + p->offset);
}

static JsonNode *prop_get_chr(Object *obj, ObjectProperty *prop,
                              Error **errp)
{
    CharBackend *be = prop_chr_backend(obj, prop);
    Chardev *chr = qemu_chr_fe_get_driver(be);
    JsonNode *node = json_node_alloc();

    return json_node_init_string(node, chr ? chr->label : "");
}

static bool prop_set_chr(Object *obj, ObjectProperty *prop, JsonNode *value,
                         Error **errp)
{
    CharBackend *be = prop_chr_backend(obj, prop);
    const char *label;
    Chardev *chr;

    if (!qinput_str(value, prop->name, &label, errp)) {
        return false;
    }
    if (!*label) {
        qemu_chr_fe_deinit(be, false);
        return true;
    }
    chr = qemu_chr_find(label);
    if (!chr) {
        error_setg(errp, "Property '%s.%s' can't find value '%s'",
                   object_get_typename(obj), prop->name, label);
        return false;
    }
    if (qemu_chr_fe_get_driver(be) == chr) {
        return true;
    }
    qemu_chr_fe_deinit(be, false);
    if (!qemu_chr_fe_init(be, chr, errp)) {
        error_prepend(errp, "Property '%s.%s' can't take value '%s': ",
                      object_get_typename(obj), prop->name, label);
        return false;
    }
    return true;
}

static void prop_release_chr(Object *obj, const char *name, void *opaque)
{
    const Property *p = opaque;

    qemu_chr_fe_deinit((CharBackend *)((char *)obj + p->offset), false);
}

static void prop_set_default(ObjectProperty *op, const Property *p)
{
    switch (p->field_kind) {
    case OBJ_FIELD_BOOL:
        object_property_set_default_bool(op, p->defval.u);
        break;
    case OBJ_FIELD_INT8:
    case OBJ_FIELD_INT16:
    case OBJ_FIELD_INT32:
    case OBJ_FIELD_INT64:
    case OBJ_FIELD_ENUM:
        object_property_set_default_int(op, p->defval.i);
        break;
    case OBJ_FIELD_STRING:
        if (p->defstr) {
            object_property_set_default_str(op, p->defstr);
        }
        break;
    default:
        object_property_set_default_uint(op, p->defval.u);
        break;
    }
}

void device_class_set_props(DeviceClass *dc, const Property *props)
{
    ObjectClass *oc = OBJECT_CLASS(dc);
    const Property *p;

    dc->props = props;
    for (p = props; p->name; p++) {
        ObjectProperty *op;

        switch (p->kind) {
        case PROP_KIND_FIELD:
            op = object_class_property_add_field(oc, p->name, p->type,
                                                 p->field_kind, p->offset,
                                                 p->lookup,
                                                 OBJ_PROP_FLAG_READWRITE);
            if (p->set_default || p->defstr) {
                prop_set_default(op, p);
            }
            break;
        case PROP_KIND_LINK:
            object_class_property_add_link(oc, p->name, p->link_type,
                                           p->offset, NULL,
                                           OBJ_PROP_LINK_STRONG);
            break;
        case PROP_KIND_CHR:
            object_class_property_add(oc, p->name, "str", prop_get_chr,
                                      prop_set_chr, prop_release_chr,
                                      (void *)p);
            break;
        }
    }
}

/* Setters for board code */

void qdev_prop_set_bit(DeviceState *dev, const char *name, bool value)
{
    object_property_set_bool(OBJECT(dev), name, value, &error_abort);
}

void qdev_prop_set_uint8(DeviceState *dev, const char *name, uint8_t value)
{
    object_property_set_uint(OBJECT(dev), name, value, &error_abort);
}

void qdev_prop_set_uint32(DeviceState *dev, const char *name,
                          uint32_t value)
{
    object_property_set_uint(OBJECT(dev), name, value, &error_abort);
}

void qdev_prop_set_uint64(DeviceState *dev, const char *name,
                          uint64_t value)
{
    object_property_set_uint(OBJECT(dev), name, value, &error_abort);
}

void qdev_prop_set_int32(DeviceState *dev, const char *name, int32_t value)
{
    object_property_set_int(OBJECT(dev), name, value, &error_abort);
}

void qdev_prop_set_string(DeviceState *dev, const char *name,
                          const char *value)
{
    object_property_set_str(OBJECT(dev), name, value, &error_abort);
}

void qdev_prop_set_chr(DeviceState *dev, const char *name, Chardev *value)
{
    object_property_set_str(OBJECT(dev), name, value ? value->label : "",
                            &error_abort);
}

/*
 * Global properties (-global DRIVER.PROP=VALUE, -cpu MODEL,PROP=VALUE):
 * set on every new device of DRIVER or a subtype, in the order given,
 * after its instance_init and before anything else can set it.
 */

typedef struct GlobalProperty {
    char *driver;
    char *property;
    char *value;
} GlobalProperty;

static GPtrArray *global_props;

static void global_prop_free(gpointer p)
{
    GlobalProperty *g = p;

    g_free(g->driver);
    g_free(g->property);
    g_free(g->value);
    g_free(g);
}

void qdev_prop_register_global(const char *driver, const char *property,
                               const char *value)
{
    GlobalProperty *g = g_new0(GlobalProperty, 1);

    if (!global_props) {
        global_props = g_ptr_array_new_with_free_func(global_prop_free);
    }
    g->driver = g_strdup(driver);
    g->property = g_strdup(property);
    g->value = g_strdup(value);
    g_ptr_array_add(global_props, g);
}

/*
 * QEMU parses global values with its string input visitor, whose word for
 * a non-number in an integer property is "uint64" or "int64" (where
 * -device says "integer").  NULL when @value is fine for @prop or @prop
 * is not an integer.
 */
static const char *global_bad_int(Object *obj, const char *prop,
                                  const char *value)
{
    ObjectProperty *op = object_property_find(obj, prop);
    uint64_t u;
    int64_t i;

    if (!op || !op->type) {
        return NULL;
    }
    if (g_str_has_prefix(op->type, "uint") &&
        g_ascii_isdigit(op->type[4])) {
        return qemu_strtou64(value, NULL, 0, &u) < 0 ? "uint64" : NULL;
    }
    if (g_str_has_prefix(op->type, "int") && g_ascii_isdigit(op->type[3])) {
        return qemu_strtoi64(value, NULL, 0, &i) < 0 ? "int64" : NULL;
    }
    return NULL;
}

bool qdev_prop_apply_globals(DeviceState *dev, Error **errp)
{
    Object *obj = OBJECT(dev);
    guint i;

    for (i = 0; global_props && i < global_props->len; i++) {
        GlobalProperty *g = g_ptr_array_index(global_props, i);
        Error *err = NULL;

        const char *bad;

        if (!object_dynamic_cast(obj, g->driver)) {
            continue;
        }
        bad = global_bad_int(obj, g->property, g->value);
        if (bad) {
            error_setg(&err, "Parameter '%s' expects %s", g->property, bad);
        }
        if (bad || !object_property_parse(obj, g->property, g->value,
                                          &err)) {
            error_prepend(&err, "can't apply global %s.%s=%s: ",
                          g->driver, g->property, g->value);
            error_propagate(errp, err);
            return false;
        }
    }
    return true;
}

void qdev_prop_check_globals(void)
{
    guint i;

    for (i = 0; global_props && i < global_props->len; i++) {
        GlobalProperty *g = g_ptr_array_index(global_props, i);
        ObjectClass *oc = object_class_by_name(g->driver);

        if (!oc || !object_class_dynamic_cast(oc, TYPE_DEVICE)) {
            warn_report("global %s.%s has invalid class name",
                        g->driver, g->property);
        }
    }
}

void qdev_prop_globals_cleanup(void)
{
    if (global_props) {
        g_ptr_array_free(global_props, TRUE);
        global_props = NULL;
    }
}
