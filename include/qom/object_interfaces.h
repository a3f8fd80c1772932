/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The "user-creatable" interface: types that -object and object-add may
 * instantiate, and the helpers those front ends share.
 */
#ifndef QOM_OBJECT_INTERFACES_H
#define QOM_OBJECT_INTERFACES_H

#include "qom/object.h"

#define TYPE_USER_CREATABLE "user-creatable"

typedef struct UserCreatable UserCreatable;
typedef struct UserCreatableClass UserCreatableClass;

/**
 * struct UserCreatableClass: methods of user-creatable types
 *
 * @complete: called once all properties are set; may fail, and the object
 *   is then discarded.  Optional.
 * @can_be_deleted: false while the object is in use (object-del then
 *   fails).  Optional; NULL means always deletable.
 */
struct UserCreatableClass {
    InterfaceClass parent_class;

    void (*complete)(UserCreatable *uc, Error **errp);
    bool (*can_be_deleted)(UserCreatable *uc);
};

#define USER_CREATABLE(obj) \
    INTERFACE_CHECK(UserCreatable, (obj), TYPE_USER_CREATABLE)
#define USER_CREATABLE_CLASS(klass) \
    OBJECT_CLASS_CHECK(UserCreatableClass, (klass), TYPE_USER_CREATABLE)
#define USER_CREATABLE_GET_CLASS(obj) \
    OBJECT_GET_CLASS(UserCreatableClass, (obj), TYPE_USER_CREATABLE)

/* Run the complete method, if any. */
bool user_creatable_complete(UserCreatable *uc, Error **errp);
bool user_creatable_can_be_deleted(UserCreatable *uc);

/**
 * user_creatable_add_type: create a user-creatable object
 *
 * @type: the type name, from the user
 * @id: the object's name under /objects, or NULL to create it unnamed
 * @props: the properties to set, in order (may be NULL)
 * @props_are_strings: string members are parsed leniently, as from the
 *   command line (object_property_parse()); otherwise every value is
 *   strictly typed (object_property_set()).
 *
 * Errors, in the order checked:
 *   "Parameter 'id' expects an identifier" (with a hint)
 *   "invalid object type: %s"
 *   "object type '%s' isn't supported by object-add"
 *   "object type '%s' is abstract"
 *   property errors ("Property 'T.x' not found", type errors ...)
 *   "attempt to add duplicate property '%s' to object (type 'container')"
 *   the complete method's error
 *
 * Returns NULL on failure, else the object: with an @id it belongs to the
 * tree (a borrowed pointer: don't unref it); without, the caller owns the
 * only reference.
 */
Object *user_creatable_add_type(const char *type, const char *id,
                                JsonObject *props, bool props_are_strings,
                                Error **errp);

/**
 * user_creatable_del: delete /objects/@id
 *
 * Errors: "object '%s' not found", "object '%s' is in use, can not be
 * deleted".
 */
bool user_creatable_del(const char *id, Error **errp);

/* Delete everything under /objects (at exit). */
void user_creatable_cleanup(void);

/**
 * user_creatable_help_text: the text of "-object help" (@type NULL or
 * "help"/"?"): "List of user creatable objects:\n" then "  NAME\n" per
 * type, sorted; or of "-object TYPE,help": the class property help of
 * TYPE.  NULL when @type is not a known type.
 */
char *user_creatable_help_text(const char *type);

/**
 * user_creatable_print_help: print "-object help" (@type NULL, "help" or
 * "?") or "-object TYPE,help" to @out.  An unknown @type prints the list
 * of types, as QEMU does.
 */
void user_creatable_print_help(FILE *out, const char *type);

#endif
