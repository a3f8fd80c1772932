/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Bodies of the QOM commands of qapi/qom.json: qom-list, qom-get,
 * qom-set, qom-list-types, qom-list-properties, device-list-properties,
 * object-add and object-del.  Built into the emulator (not libqom), since
 * it uses the generated QAPI code.
 */
#include "qemu/osdep.h"
#include "hw/qdev-help.h"
#include "qapi/error.h"
#include "qapi/qapi-commands.h"
#include "qom/object.h"
#include "qom/object_interfaces.h"

static ObjectPropertyInfoList **prop_list_append(ObjectPropertyInfoList **tail,
                                                 ObjectProperty *prop,
                                                 bool details)
{
    ObjectPropertyInfo *info = g_new0(ObjectPropertyInfo, 1);

    info->name = g_strdup(prop->name);
    info->type = g_strdup(prop->type);
    if (details) {
        info->description = g_strdup(prop->description);
        if (prop->defval) {
            info->default_value = json_node_copy(prop->defval);
        }
    }
    *tail = g_new0(ObjectPropertyInfoList, 1);
    (*tail)->value = info;
    return &(*tail)->next;
}

ObjectPropertyInfoList *qmp_qom_list(const char *path, Error **errp)
{
    ObjectPropertyInfoList *head = NULL, **tail = &head;
    ObjectPropertyIterator iter;
    ObjectProperty *prop;
    bool ambiguous = false;
    Object *obj = object_resolve_path(path, &ambiguous);

    if (!obj) {
        if (ambiguous) {
            error_setg(errp, "Path '%s' is ambiguous", path);
        } else {
            error_set(errp, ERROR_CLASS_DEVICE_NOT_FOUND,
                      "Device '%s' not found", path);
        }
        return NULL;
    }
    object_property_iter_init(&iter, obj);
    while ((prop = object_property_iter_next(&iter))) {
        tail = prop_list_append(tail, prop, false);
    }
    return head;
}

/* qom-get and qom-set do not tell ambiguity from absence (as QEMU). */
static Object *resolve_or_not_found(const char *path, Error **errp)
{
    Object *obj = object_resolve_path(path, NULL);

    if (!obj) {
        error_set(errp, ERROR_CLASS_DEVICE_NOT_FOUND,
                  "Device '%s' not found", path);
    }
    return obj;
}

JsonNode *qmp_qom_get(const char *path, const char *property, Error **errp)
{
    Object *obj = resolve_or_not_found(path, errp);

    return obj ? object_property_get(obj, property, errp) : NULL;
}

void qmp_qom_set(const char *path, const char *property, JsonNode *value,
                 Error **errp)
{
    Object *obj = resolve_or_not_found(path, errp);

    if (obj) {
        object_property_set(obj, property, value, errp);
    }
}

typedef struct TypeListState {
    ObjectTypeInfoList *head;
    ObjectTypeInfoList **tail;
} TypeListState;

static void add_type_info(ObjectClass *klass, void *opaque)
{
    TypeListState *s = opaque;
    ObjectTypeInfo *info = g_new0(ObjectTypeInfo, 1);
    ObjectClass *parent = object_class_get_parent(klass);

    info->name = g_strdup(object_class_get_name(klass));
    if (object_class_is_abstract(klass)) {
        info->has_abstract = true;
        info->abstract = true;
    }
    if (parent) {
        info->parent = g_strdup(object_class_get_name(parent));
    }
    *s->tail = g_new0(ObjectTypeInfoList, 1);
    (*s->tail)->value = info;
    s->tail = &(*s->tail)->next;
}

ObjectTypeInfoList *qmp_qom_list_types(const char *implements,
                                       bool has_abstract, bool abstract,
                                       Error **errp)
{
    TypeListState s = { NULL, &s.head };

    if (implements && !object_class_by_name(implements)) {
        return NULL;    /* an unknown type implements nothing: [] */
    }
    object_class_foreach(add_type_info, implements, abstract, &s);
    return s.head;
}

ObjectPropertyInfoList *qmp_qom_list_properties(const char *typename,
                                                Error **errp)
{
    ObjectPropertyInfoList *head = NULL, **tail = &head;
    ObjectClass *klass = object_class_by_name(typename);
    ObjectPropertyIterator iter;
    ObjectProperty *prop;
    Object *obj = NULL;

    if (!klass) {
        error_set(errp, ERROR_CLASS_DEVICE_NOT_FOUND, "Class '%s' not found",
                  typename);
        return NULL;
    }
    if (!object_class_dynamic_cast(klass, TYPE_OBJECT)) {
        error_setg(errp, "Parameter '%s' expects %s", "typename",
                   "a QOM type");
        return NULL;
    }
    if (object_class_is_abstract(klass)) {
        object_class_property_iter_init(&iter, klass);
    } else {
        obj = object_new(typename);
        object_property_iter_init(&iter, obj);
    }
    while ((prop = object_property_iter_next(&iter))) {
        tail = prop_list_append(tail, prop, true);
    }
    if (obj) {
        object_unref(obj);
    }
    return head;
}

ObjectPropertyInfoList *qmp_device_list_properties(const char *typename,
                                                   Error **errp)
{
    ObjectPropertyInfoList *head = NULL, **tail = &head;
    ObjectClass *klass = object_class_by_name(typename);
    ObjectPropertyIterator iter;
    ObjectProperty *prop;

    if (!klass) {
        error_set(errp, ERROR_CLASS_DEVICE_NOT_FOUND,
                  "Device '%s' not found", typename);
        return NULL;
    }
    if (!object_class_dynamic_cast(klass, TYPE_DEVICE)) {
        error_setg(errp, "Parameter '%s' expects %s", "typename",
                   TYPE_DEVICE);
        return NULL;
    }
    if (object_class_is_abstract(klass)) {
        error_setg(errp, "Parameter '%s' expects %s", "typename",
                   "a non-abstract device type");
        return NULL;
    }
    object_class_property_iter_init(&iter, klass);
    while ((prop = object_property_iter_next(&iter))) {
        if (!qdev_property_is_internal(prop->name)) {
            tail = prop_list_append(tail, prop, true);
        }
    }
    return head;
}

/*
 * object-add is hand-marshalled ('gen': false): besides qom-type and id,
 * every argument is a property of the new object, typed strictly.
 */
void qmp_object_add(JsonObject *args, JsonNode **ret, Error **errp)
{
    g_autoptr(JsonObject) props = json_object_new();
    JsonNode *type_node = json_object_get_member(args, "qom-type");
    JsonNode *id_node = json_object_get_member(args, "id");
    const char *type, *id;
    ObjectClass *klass;
    GList *members, *l;

    if (!type_node) {
        error_setg(errp, "Parameter 'qom-type' is missing");
        return;
    }
    if (!JSON_NODE_HOLDS_VALUE(type_node) ||
        json_node_get_value_type(type_node) != G_TYPE_STRING) {
        error_setg(errp, "Invalid parameter type for 'qom-type', "
                   "expected: string");
        return;
    }
    type = json_node_get_string(type_node);
    /* QEMU's schema makes qom-type an enum of the creatable types */
    klass = object_class_by_name(type);
    if (!klass || object_class_is_abstract(klass) ||
        !object_class_dynamic_cast(klass, TYPE_USER_CREATABLE)) {
        error_setg(errp, "Parameter 'qom-type' does not accept value '%s'",
                   type);
        return;
    }
    if (!id_node) {
        error_setg(errp, "Parameter 'id' is missing");
        return;
    }
    if (!JSON_NODE_HOLDS_VALUE(id_node) ||
        json_node_get_value_type(id_node) != G_TYPE_STRING) {
        error_setg(errp, "Invalid parameter type for 'id', expected: string");
        return;
    }
    id = json_node_get_string(id_node);
    members = json_object_get_members(args);
    for (l = members; l; l = l->next) {
        const char *key = l->data;

        if (strcmp(key, "qom-type") && strcmp(key, "id")) {
            json_object_set_member(props, key,
                                   json_node_copy(json_object_get_member(
                                       args, key)));
        }
    }
    g_list_free(members);
    user_creatable_add_type(type, id, props, false, errp);
}

void qmp_object_del(const char *id, Error **errp)
{
    user_creatable_del(id, errp);
}
