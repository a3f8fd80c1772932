/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The user-creatable interface and the object-add/-object helpers. */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qemu/cutils.h"
#include "qom/object_interfaces.h"

bool user_creatable_complete(UserCreatable *uc, Error **errp)
{
    UserCreatableClass *ucc = USER_CREATABLE_GET_CLASS(uc);
    Error *err = NULL;

    if (ucc->complete) {
        ucc->complete(uc, &err);
        if (err) {
            error_propagate(errp, err);
            return false;
        }
    }
    return true;
}

bool user_creatable_can_be_deleted(UserCreatable *uc)
{
    UserCreatableClass *ucc = USER_CREATABLE_GET_CLASS(uc);

    return !ucc->can_be_deleted || ucc->can_be_deleted(uc);
}

static bool set_props(Object *obj, JsonObject *props, bool props_are_strings,
                      Error **errp)
{
    GList *members, *l;
    bool ok = true;

    if (!props) {
        return true;
    }
    members = json_object_get_members(props);
    for (l = members; l && ok; l = l->next) {
        const char *key = l->data;
        JsonNode *value = json_object_get_member(props, key);

        if (props_are_strings && JSON_NODE_HOLDS_VALUE(value) &&
            json_node_get_value_type(value) == G_TYPE_STRING) {
            ok = object_property_parse(obj, key, json_node_get_string(value),
                                       errp);
        } else {
            ok = object_property_set(obj, key, value, errp);
        }
    }
    g_list_free(members);
    return ok;
}

Object *user_creatable_add_type(const char *type, const char *id,
                                JsonObject *props, bool props_are_strings,
                                Error **errp)
{
    ERRP_GUARD();
    ObjectClass *klass;
    Object *obj;

    if (id && !id_wellformed(id)) {
        error_setg(errp, "Parameter '%s' expects %s", "id", "an identifier");
        error_append_hint(errp, "Identifiers consist of letters, digits, "
                          "'-', '.', '_', starting with a letter.\n");
        return NULL;
    }
    klass = object_class_by_name(type);
    if (!klass) {
        error_setg(errp, "invalid object type: %s", type);
        return NULL;
    }
    if (!object_class_dynamic_cast(klass, TYPE_USER_CREATABLE)) {
        error_setg(errp, "object type '%s' isn't supported by object-add",
                   type);
        return NULL;
    }
    if (object_class_is_abstract(klass)) {
        error_setg(errp, "object type '%s' is abstract", type);
        return NULL;
    }

    obj = object_new_with_class(klass);
    if (!set_props(obj, props, props_are_strings, errp)) {
        goto fail;
    }
    if (id && !object_property_try_add_child(object_get_objects_root(), id,
                                             obj, errp)) {
        goto fail;
    }
    if (!user_creatable_complete(USER_CREATABLE(obj), errp)) {
        if (id) {
            object_property_del(object_get_objects_root(), id);
        }
        goto fail;
    }
    if (id) {
        /* The tree holds the object now. */
        object_unref(obj);
    }
    return obj;

fail:
    object_unref(obj);
    return NULL;
}

bool user_creatable_del(const char *id, Error **errp)
{
    Object *obj = object_resolve_path_component(object_get_objects_root(),
                                                id);

    if (!obj) {
        error_setg(errp, "object '%s' not found", id);
        return false;
    }
    if (!user_creatable_can_be_deleted(USER_CREATABLE(obj))) {
        error_setg(errp, "object '%s' is in use, can not be deleted", id);
        return false;
    }
    object_unparent(obj);
    return true;
}

void user_creatable_cleanup(void)
{
    object_unparent(object_get_objects_root());
}

char *user_creatable_help_text(const char *type)
{
    ObjectClass *klass;
    GString *out;
    GSList *list, *l;

    if (type && strcmp(type, "help") && strcmp(type, "?")) {
        klass = object_class_by_name(type);
        if (!klass) {
            return NULL;
        }
        return object_class_property_help_text(klass, type);
    }
    out = g_string_new("List of user creatable objects:\n");
    list = object_class_get_list_sorted(TYPE_USER_CREATABLE, false);
    for (l = list; l; l = l->next) {
        g_string_append_printf(out, "  %s\n", object_class_get_name(l->data));
    }
    g_slist_free(list);
    return g_string_free(out, false);
}

void user_creatable_print_help(FILE *out, const char *type)
{
    char *text = user_creatable_help_text(type);

    if (!text) {
        text = user_creatable_help_text(NULL);
    }
    fputs(text, out);
    fflush(out);
    g_free(text);
}

static void user_creatable_register_types(void)
{
    static const TypeInfo uc_interface_info = {
        .name = TYPE_USER_CREATABLE,
        .parent = TYPE_INTERFACE,
        .class_size = sizeof(UserCreatableClass),
    };

    type_register_static(&uc_interface_info);
}

type_init(user_creatable_register_types)
