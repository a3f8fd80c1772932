/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * QOM, the object model: types, classes, instances, properties and the
 * composition tree.  See docs/devel/qom.md for the rules and a worked
 * example; the summary:
 *
 *  - A type is described by a static TypeInfo and registered with
 *    type_register_static() from a type_init() function.  Its class is
 *    built on first use: the parent class is copied, every ancestor's
 *    class_base_init runs, then the type's own class_init.
 *  - Instances are created with object_new() (heap) or object_initialize()
 *    (embedded).  instance_init runs parent first, instance_finalize child
 *    first.  Objects are reference counted; the last object_unref()
 *    finalizes.
 *  - Properties are named, typed accessors whose values are json-glib
 *    JsonNodes.  Declare them on the class when you can: class properties
 *    can be listed without an instance (-device T,help,
 *    device-list-properties).
 *  - child<T> properties form the composition tree rooted at "/"; link<T>
 *    properties point elsewhere in it.  A link never dangles: see
 *    object_property_add_link().
 */
#ifndef QOM_OBJECT_H
#define QOM_OBJECT_H

#include <json-glib/json-glib.h>

#include "qemu/module.h"

typedef struct TypeImpl *Type;

#define TYPE_OBJECT "object"
#define TYPE_INTERFACE "interface"

/* Property value callbacks; the value currency is a JsonNode. */

/**
 * ObjectPropertyGet: read a property
 *
 * Returns a new node the caller owns, or NULL with @errp set.
 */
typedef JsonNode *ObjectPropertyGet(Object *obj, ObjectProperty *prop,
                                    Error **errp);

/**
 * ObjectPropertySet: write a property
 *
 * @value is borrowed.  Type errors use qinput's texts ("Invalid parameter
 * type for 'x', expected: boolean").
 */
typedef bool ObjectPropertySet(Object *obj, ObjectProperty *prop,
                               JsonNode *value, Error **errp);

/**
 * ObjectPropertyParse: write a property from its command-line string
 *
 * Optional.  When NULL, object_property_parse() converts the string
 * according to the property's type string ("bool" accepts on/off/yes/no,
 * integer types accept 0x hex, "size" accepts 16K, anything else is passed
 * as a JSON string) and calls the setter.
 */
typedef bool ObjectPropertyParse(Object *obj, ObjectProperty *prop,
                                 const char *str, Error **errp);

/**
 * ObjectPropertyResolve: the object a path component names
 *
 * Child and link properties have one; path resolution follows them.
 */
typedef Object *ObjectPropertyResolve(Object *obj, ObjectProperty *prop,
                                      const char *part);

/* Runs when the property is deleted or its object finalized. */
typedef void ObjectPropertyRelease(Object *obj, const char *name,
                                   void *opaque);

/* Runs for class properties on each new instance, before instance_init. */
typedef void ObjectPropertyInit(Object *obj, ObjectProperty *prop);

struct ObjectProperty {
    char *name;
    /* "bool", "int", "uint32", "size", "str", "link<irq>", an enum name */
    char *type;
    char *description;
    ObjectPropertyGet *get;
    ObjectPropertySet *set;
    ObjectPropertyParse *parse;
    ObjectPropertyResolve *resolve;
    ObjectPropertyRelease *release;
    ObjectPropertyInit *init;
    /* Introspection only ("default-value"); owned.  NULL when none. */
    JsonNode *defval;
    void *opaque;
    /*
     * Tells ObjectClass::property_set_check hooks that this property may
     * be written at any time (qdev: "realized", IRQ links).  The core only
     * stores it.
     */
    bool late_settable;
};

/**
 * ObjectPropertySetCheck: class-wide veto on property writes
 *
 * If a class (or an ancestor, by inheritance through the class copy) sets
 * ObjectClass::property_set_check, object_property_set(),
 * object_property_parse() and the object_property_set_*() helpers call it
 * before the property's own setter.  Returning false with @errp set
 * refuses the write.  qdev uses it to refuse changes after realize.
 * Property setters called directly (prop->set) bypass it.
 */
typedef bool ObjectPropertySetCheck(Object *obj, ObjectProperty *prop,
                                    Error **errp);

typedef void ObjectUnparent(Object *obj);
typedef void ObjectFree(void *obj);

/**
 * struct ObjectClass: the base of every class
 *
 * @unparent: called by object_unparent() before the object leaves the
 * tree (qdev unrealizes there).
 */
struct ObjectClass {
    /* private: */
    Type type;
    GSList *interfaces;
    void *properties;
    /* public: */
    ObjectUnparent *unparent;
    ObjectPropertySetCheck *property_set_check;
};

/**
 * struct Object: the base of every instance
 *
 * All members are private; use the accessors.
 */
struct Object {
    ObjectClass *class;
    ObjectFree *free;
    void *properties;
    int ref;
    Object *parent;
    GSList *links_in;   /* LinkRef records of links pointing here */
    GSList *links_out;  /* LinkRef records of this object's links */
};

/**
 * struct InterfaceInfo: one interface a type implements
 */
typedef struct InterfaceInfo {
    const char *type;
} InterfaceInfo;

/**
 * struct InterfaceClass: the base of every interface class
 *
 * Casting an implementing class to an interface type yields the interface
 * class built for that implementer; its methods are set by the
 * implementer's class_init.
 */
struct InterfaceClass {
    ObjectClass parent_class;
    /* private: */
    ObjectClass *concrete_class;
    Type interface_type;
};

/**
 * struct TypeInfo: the description of a type
 *
 * @name: the type name, unique
 * @parent: the parent type; TYPE_OBJECT for plain objects, TYPE_INTERFACE
 *   for interfaces
 * @instance_size: 0 means "same as the parent"
 * @instance_init: initialise the instance; must not fail.  Runs after the
 *   parent's and after class property defaults are applied.
 * @instance_post_init: runs after every instance_init, child first
 * @instance_finalize: release resources; child first
 * @abstract: object_new() refuses the type
 * @class_size: 0 means "same as the parent"
 * @class_init: fill in the class (methods, class properties)
 * @class_base_init: runs for every descendant class before its class_init
 *   (to reset fields that must not be inherited by copy)
 * @class_data: passed to class_init and class_base_init
 * @interfaces: NULL or a list ending with an empty entry
 */
typedef struct TypeInfo {
    const char *name;
    const char *parent;
    size_t instance_size;
    void (*instance_init)(Object *obj);
    void (*instance_post_init)(Object *obj);
    void (*instance_finalize)(Object *obj);
    bool abstract;
    size_t class_size;
    void (*class_init)(ObjectClass *klass, void *data);
    void (*class_base_init)(ObjectClass *klass, void *data);
    void *class_data;
    const InterfaceInfo *interfaces;
} TypeInfo;

/* Casts */

#define OBJECT(obj) ((Object *)(obj))
#define OBJECT_CLASS(klass) ((ObjectClass *)(klass))

/**
 * OBJECT_CHECK: checked cast of an instance
 *
 * Aborts with "file:line:func: Object 0x... is not an instance of type T"
 * (plus the actual type) when @obj is not of type @name.  NULL passes.
 */
#define OBJECT_CHECK(type, obj, name) \
    ((type *)object_dynamic_cast_assert(OBJECT(obj), (name), \
                                        __FILE__, __LINE__, __func__))

#define OBJECT_CLASS_CHECK(class_type, klass, name) \
    ((class_type *)object_class_dynamic_cast_assert(OBJECT_CLASS(klass), \
                                                    (name), __FILE__, \
                                                    __LINE__, __func__))

#define OBJECT_GET_CLASS(class_type, obj, name) \
    OBJECT_CLASS_CHECK(class_type, object_get_class(OBJECT(obj)), name)

/* Interfaces are not instances of their own: the pointer is the object. */
#define INTERFACE_CHECK(interface, obj, name) \
    ((interface *)object_dynamic_cast_assert(OBJECT((obj)), (name), \
                                             __FILE__, __LINE__, __func__))

#define INTERFACE_CLASS(klass) \
    OBJECT_CLASS_CHECK(InterfaceClass, klass, TYPE_INTERFACE)

/*
 * Declaration helpers.  With TYPE_FOO_BAR defined as the type name,
 *
 *   OBJECT_DECLARE_SIMPLE_TYPE(FooBar, FOO_BAR)
 *
 * declares the struct typedef and FOO_BAR(obj), the checked cast, and
 *
 *   OBJECT_DECLARE_TYPE(FooBar, FooBarClass, FOO_BAR)
 *
 * also FOO_BAR_CLASS(klass) and FOO_BAR_GET_CLASS(obj).
 */
#define DECLARE_INSTANCE_CHECKER(InstanceType, OBJ_NAME, TYPENAME)          \
    static inline G_GNUC_UNUSED InstanceType *OBJ_NAME(const void *obj)     \
    {                                                                      \
        return OBJECT_CHECK(InstanceType, obj, TYPENAME);                  \
    }

#define DECLARE_CLASS_CHECKERS(ClassType, OBJ_NAME, TYPENAME)               \
    static inline G_GNUC_UNUSED ClassType *OBJ_NAME##_GET_CLASS(            \
        const void *obj)                                                   \
    {                                                                      \
        return OBJECT_GET_CLASS(ClassType, obj, TYPENAME);                 \
    }                                                                      \
    static inline G_GNUC_UNUSED ClassType *OBJ_NAME##_CLASS(                \
        const void *klass)                                                 \
    {                                                                      \
        return OBJECT_CLASS_CHECK(ClassType, klass, TYPENAME);             \
    }

#define OBJECT_DECLARE_TYPE(InstanceType, ClassType, MODULE_OBJ_NAME)       \
    typedef struct InstanceType InstanceType;                              \
    typedef struct ClassType ClassType;                                    \
    DECLARE_INSTANCE_CHECKER(InstanceType, MODULE_OBJ_NAME,                \
                             TYPE_##MODULE_OBJ_NAME)                       \
    DECLARE_CLASS_CHECKERS(ClassType, MODULE_OBJ_NAME,                     \
                           TYPE_##MODULE_OBJ_NAME)

#define OBJECT_DECLARE_SIMPLE_TYPE(InstanceType, MODULE_OBJ_NAME)           \
    typedef struct InstanceType InstanceType;                              \
    DECLARE_INSTANCE_CHECKER(InstanceType, MODULE_OBJ_NAME,                \
                             TYPE_##MODULE_OBJ_NAME)

/*
 * Definition helper for the .c file:
 *
 *   OBJECT_DEFINE_SIMPLE_TYPE(FooBar, foo_bar, FOO_BAR, PARENT)
 *
 * defines and registers a TypeInfo for TYPE_FOO_BAR with parent
 * TYPE_PARENT, instance size sizeof(FooBar), and the functions
 * foo_bar_init(Object *), foo_bar_finalize(Object *) and
 * foo_bar_class_init(ObjectClass *, void *), which the file must define.
 * OBJECT_DEFINE_TYPE also sets class_size to sizeof(FooBarClass).
 * The _WITH_INTERFACES variants take the InterfaceInfo entries, e.g.
 * { TYPE_USER_CREATABLE }, { }.
 */
#define OBJECT_DEFINE_TYPE_EXTENDED(ModuleObjName, module_obj_name,        \
                                    MODULE_OBJ_NAME, PARENT_MODULE_OBJ_NAME, \
                                    CLASS_SIZE, ABSTRACT, ...)             \
    static void module_obj_name##_init(Object *obj);                       \
    static void module_obj_name##_finalize(Object *obj);                   \
    static void module_obj_name##_class_init(ObjectClass *oc, void *data); \
    static const TypeInfo module_obj_name##_info = {                       \
        .parent = TYPE_##PARENT_MODULE_OBJ_NAME,                           \
        .name = TYPE_##MODULE_OBJ_NAME,                                    \
        .instance_size = sizeof(ModuleObjName),                            \
        .instance_init = module_obj_name##_init,                           \
        .instance_finalize = module_obj_name##_finalize,                   \
        .class_size = CLASS_SIZE,                                          \
        .class_init = module_obj_name##_class_init,                        \
        .abstract = ABSTRACT,                                              \
        .interfaces = (const InterfaceInfo[]) { __VA_ARGS__ },             \
    };                                                                     \
    static void module_obj_name##_register_types(void)                     \
    {                                                                      \
        type_register_static(&module_obj_name##_info);                     \
    }                                                                      \
    type_init(module_obj_name##_register_types)

#define OBJECT_DEFINE_TYPE(ModuleObjName, module_obj_name, MODULE_OBJ_NAME, \
                           PARENT_MODULE_OBJ_NAME)                         \
    OBJECT_DEFINE_TYPE_EXTENDED(ModuleObjName, module_obj_name,            \
                                MODULE_OBJ_NAME, PARENT_MODULE_OBJ_NAME,   \
                                sizeof(ModuleObjName##Class), false, { })

#define OBJECT_DEFINE_TYPE_WITH_INTERFACES(ModuleObjName, module_obj_name, \
                                           MODULE_OBJ_NAME,                \
                                           PARENT_MODULE_OBJ_NAME, ...)    \
    OBJECT_DEFINE_TYPE_EXTENDED(ModuleObjName, module_obj_name,            \
                                MODULE_OBJ_NAME, PARENT_MODULE_OBJ_NAME,   \
                                sizeof(ModuleObjName##Class), false,       \
                                __VA_ARGS__)

#define OBJECT_DEFINE_SIMPLE_TYPE(ModuleObjName, module_obj_name,          \
                                  MODULE_OBJ_NAME, PARENT_MODULE_OBJ_NAME) \
    OBJECT_DEFINE_TYPE_EXTENDED(ModuleObjName, module_obj_name,            \
                                MODULE_OBJ_NAME, PARENT_MODULE_OBJ_NAME,   \
                                0, false, { })

#define OBJECT_DEFINE_SIMPLE_TYPE_WITH_INTERFACES(ModuleObjName,           \
                                                  module_obj_name,         \
                                                  MODULE_OBJ_NAME,         \
                                                  PARENT_MODULE_OBJ_NAME,  \
                                                  ...)                     \
    OBJECT_DEFINE_TYPE_EXTENDED(ModuleObjName, module_obj_name,            \
                                MODULE_OBJ_NAME, PARENT_MODULE_OBJ_NAME,   \
                                0, false, __VA_ARGS__)

/* Types */

/**
 * type_register_static: register a type
 *
 * @info and the strings it points to must stay valid forever.  Registering
 * a name twice aborts.  The parent need not be registered yet; it must be
 * by the time the class is first used.
 */
Type type_register_static(const TypeInfo *info);
/* Same; @info may be freed afterwards (the strings are copied). */
Type type_register(const TypeInfo *info);
void type_register_static_array(const TypeInfo *infos, int nr_infos);

/*
 * DEFINE_TYPES(infos) registers a static array of TypeInfo at start-up.
 */
#define DEFINE_TYPES(type_array)                                           \
    static void do_qemu_init_ ## type_array(void)                          \
    {                                                                      \
        type_register_static_array(type_array, ARRAY_SIZE(type_array));    \
    }                                                                      \
    type_init(do_qemu_init_ ## type_array)

/* Instances */

/**
 * object_new: create an instance of @typename on the heap
 *
 * The caller holds the only reference.  Unknown and abstract types are
 * programming errors here (abort); use object_new_checked() for names that
 * come from the user.
 */
Object *object_new(const char *typename);
Object *object_new_with_class(ObjectClass *klass);

/**
 * object_new_checked: object_new() for user-supplied type names
 *
 * Fails with "invalid object type: %s" for an unknown type and "object
 * type '%s' is abstract" for an abstract one.
 */
Object *object_new_checked(const char *typename, Error **errp);

/**
 * object_initialize: initialise an object in memory the caller owns
 *
 * For children embedded in their parent's struct: @size is the space
 * available, at least the type's instance size.  The object is not freed
 * at finalize.
 */
void object_initialize(void *data, size_t size, const char *typename);

/**
 * object_initialize_child: object_initialize() plus adding the object as
 * child @name of @parent, which then holds the only reference.
 */
void object_initialize_child(Object *parent, const char *name, void *child,
                             size_t size, const char *typename);

Object *object_ref(void *obj);
/* Drop a reference; the last one finalizes (and frees) the object. */
void object_unref(void *obj);

/**
 * object_unparent: remove @obj from the composition tree
 *
 * Deletes the child property of its parent, dropping the parent's
 * reference.  Links anywhere that point into the removed subtree are
 * cleared first.  Does nothing for an object without a parent.
 */
void object_unparent(Object *obj);

/* Casting and introspection */

Object *object_dynamic_cast(Object *obj, const char *typename);
Object *object_dynamic_cast_assert(Object *obj, const char *typename,
                                   const char *file, int line,
                                   const char *func);
ObjectClass *object_get_class(Object *obj);
const char *object_get_typename(const Object *obj);

ObjectClass *object_class_dynamic_cast(ObjectClass *klass,
                                       const char *typename);
ObjectClass *object_class_dynamic_cast_assert(ObjectClass *klass,
                                              const char *typename,
                                              const char *file, int line,
                                              const char *func);
ObjectClass *object_class_by_name(const char *typename);
const char *object_class_get_name(ObjectClass *klass);
ObjectClass *object_class_get_parent(ObjectClass *klass);
bool object_class_is_abstract(ObjectClass *klass);
/* For an interface class: the class of the implementing type. */
ObjectClass *object_class_get_concrete(ObjectClass *klass);

/**
 * object_class_get_list: all classes that are (or implement) @implements
 *
 * @implements: NULL for every type
 * @include_abstract: include abstract types
 *
 * Returns a list of ObjectClass pointers; free it with g_slist_free().
 * The _sorted variant orders by type name.
 */
GSList *object_class_get_list(const char *implements, bool include_abstract);
GSList *object_class_get_list_sorted(const char *implements,
                                     bool include_abstract);
void object_class_foreach(void (*fn)(ObjectClass *klass, void *opaque),
                          const char *implements, bool include_abstract,
                          void *opaque);

/* Properties: adding */

/**
 * object_property_try_add: add an instance property
 *
 * @name: ending in "[*]", the first free "name[N]" (from 0) is used
 * @type: the type string shown by qom-list
 * @get, @set: NULL for write-only/read-only
 *
 * Fails with "attempt to add duplicate property '%s' to object (type
 * '%s')" when the object or its class has a property of that name.
 * Returns the property, which may be completed (description, default).
 */
ObjectProperty *object_property_try_add(Object *obj, const char *name,
                                        const char *type,
                                        ObjectPropertyGet *get,
                                        ObjectPropertySet *set,
                                        ObjectPropertyRelease *release,
                                        void *opaque, Error **errp);
/* The same; a duplicate is a programming error (abort). */
ObjectProperty *object_property_add(Object *obj, const char *name,
                                    const char *type,
                                    ObjectPropertyGet *get,
                                    ObjectPropertySet *set,
                                    ObjectPropertyRelease *release,
                                    void *opaque);

/**
 * object_class_property_add: add a property to a class
 *
 * Subclasses inherit it.  A duplicate (also of an ancestor's property)
 * aborts.  @release, if set, runs for each instance at finalize.
 */
ObjectProperty *object_class_property_add(ObjectClass *klass,
                                          const char *name,
                                          const char *type,
                                          ObjectPropertyGet *get,
                                          ObjectPropertySet *set,
                                          ObjectPropertyRelease *release,
                                          void *opaque);

/* Delete an instance property (running its release).  Absent: no-op. */
void object_property_del(Object *obj, const char *name);

void object_property_set_description(ObjectProperty *prop,
                                     const char *description);
void object_class_property_set_description(ObjectClass *klass,
                                           const char *name,
                                           const char *description);

/**
 * object_property_set_default: record a default value
 *
 * Takes ownership of @value.  Shown by introspection; for a class property
 * whose setter accepts @value it is also applied to every new instance
 * before instance_init.
 */
void object_property_set_default(ObjectProperty *prop, JsonNode *value);
void object_property_set_default_bool(ObjectProperty *prop, bool value);
void object_property_set_default_int(ObjectProperty *prop, int64_t value);
void object_property_set_default_uint(ObjectProperty *prop, uint64_t value);
void object_property_set_default_str(ObjectProperty *prop, const char *value);

/* Properties: finding and iterating */

/* Search the instance, then the class chain.  NULL when absent. */
ObjectProperty *object_property_find(Object *obj, const char *name);
/* The same, failing with "Property '%s.%s' not found". */
ObjectProperty *object_property_find_err(Object *obj, const char *name,
                                         Error **errp);
ObjectProperty *object_class_property_find(ObjectClass *klass,
                                           const char *name);

/**
 * ObjectPropertyIterator: walk the properties of an object (instance ones
 * first, in the order added, then the class's, then its ancestors') or of
 * a class alone.  Don't add or delete properties while iterating.
 */
typedef struct ObjectPropertyIterator {
    void *table;
    ObjectClass *nextclass;
    guint index;
} ObjectPropertyIterator;

void object_property_iter_init(ObjectPropertyIterator *iter, Object *obj);
void object_class_property_iter_init(ObjectPropertyIterator *iter,
                                     ObjectClass *klass);
ObjectProperty *object_property_iter_next(ObjectPropertyIterator *iter);
/* Alias for symmetry with object_class_property_iter_init(). */
#define object_class_property_iter_next object_property_iter_next

/* Properties: values */

/**
 * object_property_get: read property @name
 *
 * Errors: "Property '%s.%s' not found", "Property '%s.%s' is not
 * readable".  Returns a new node.
 */
JsonNode *object_property_get(Object *obj, const char *name, Error **errp);

/**
 * object_property_set: write property @name, strictly typed (qom-set,
 * JSON -device): a bool property wants a JSON boolean.
 *
 * Errors: "Property '%s.%s' not found", "Property '%s.%s' is not
 * writable", the class's property_set_check veto, the setter's errors.
 * @value is borrowed.
 */
bool object_property_set(Object *obj, const char *name, JsonNode *value,
                         Error **errp);

/**
 * object_property_parse: write property @name from a string, leniently
 * (command line, device_add): "on"/"yes"/"true", "0x4000", "16K", enum
 * names, link paths.
 */
bool object_property_parse(Object *obj, const char *name, const char *str,
                           Error **errp);

/**
 * object_property_parse_value: the JSON value object_property_parse()
 * would pass to a setter of type @type; @name is used in messages.
 */
JsonNode *object_property_parse_value(const char *type, const char *name,
                                      const char *str, Error **errp);

/* Convenience wrappers around object_property_set() / _get(). */
bool object_property_set_bool(Object *obj, const char *name, bool value,
                              Error **errp);
bool object_property_set_int(Object *obj, const char *name, int64_t value,
                             Error **errp);
bool object_property_set_uint(Object *obj, const char *name, uint64_t value,
                              Error **errp);
bool object_property_set_str(Object *obj, const char *name,
                             const char *value, Error **errp);
/*
 * Point link @name at @value (NULL clears).  Works for targets outside the
 * composition tree too.
 */
bool object_property_set_link(Object *obj, const char *name, Object *value,
                              Error **errp);

bool object_property_get_bool(Object *obj, const char *name, Error **errp);
int64_t object_property_get_int(Object *obj, const char *name, Error **errp);
uint64_t object_property_get_uint(Object *obj, const char *name,
                                  Error **errp);
/* A new string, or NULL on error. */
char *object_property_get_str(Object *obj, const char *name, Error **errp);
/*
 * The object a child or link property points to; NULL when unset (no
 * error) or on error.
 */
Object *object_property_get_link(Object *obj, const char *name,
                                 Error **errp);

/* The type string of property @name, or NULL with @errp set. */
const char *object_property_get_type(Object *obj, const char *name,
                                     Error **errp);

/* Typed helpers */

typedef enum ObjectPropertyFlags {
    OBJ_PROP_FLAG_READ = 1 << 0,
    OBJ_PROP_FLAG_WRITE = 1 << 1,
    OBJ_PROP_FLAG_READWRITE = OBJ_PROP_FLAG_READ | OBJ_PROP_FLAG_WRITE,
} ObjectPropertyFlags;

/* bool, from callbacks; a NULL @set makes it read-only. */
ObjectProperty *object_property_add_bool(Object *obj, const char *name,
                                         bool (*get)(Object *, Error **),
                                         void (*set)(Object *, bool,
                                                     Error **));
ObjectProperty *object_class_property_add_bool(ObjectClass *klass,
                                               const char *name,
                                               bool (*get)(Object *,
                                                           Error **),
                                               void (*set)(Object *, bool,
                                                           Error **));

/* "string", from callbacks; @get returns a new string (or NULL). */
ObjectProperty *object_property_add_str(Object *obj, const char *name,
                                        char *(*get)(Object *, Error **),
                                        void (*set)(Object *, const char *,
                                                    Error **));
ObjectProperty *object_class_property_add_str(ObjectClass *klass,
                                              const char *name,
                                              char *(*get)(Object *,
                                                           Error **),
                                              void (*set)(Object *,
                                                          const char *,
                                                          Error **));

/* An enum of type @typename (the type string), from callbacks. */
ObjectProperty *object_property_add_enum(Object *obj, const char *name,
                                         const char *typename,
                                         const QEnumLookup *lookup,
                                         int (*get)(Object *, Error **),
                                         void (*set)(Object *, int,
                                                     Error **));
ObjectProperty *object_class_property_add_enum(ObjectClass *klass,
                                               const char *name,
                                               const char *typename,
                                               const QEnumLookup *lookup,
                                               int (*get)(Object *,
                                                          Error **),
                                               void (*set)(Object *, int,
                                                           Error **));

/*
 * Integers stored in a variable (instance variants) or in a field of the
 * instance struct at @offset (class variants).  Type strings "uint8" ...
 * "uint64".  @flags chooses read-only or read-write; writes range-check.
 */
ObjectProperty *object_property_add_uint8_ptr(Object *obj, const char *name,
                                              uint8_t *v,
                                              ObjectPropertyFlags flags);
ObjectProperty *object_property_add_uint16_ptr(Object *obj, const char *name,
                                               uint16_t *v,
                                               ObjectPropertyFlags flags);
ObjectProperty *object_property_add_uint32_ptr(Object *obj, const char *name,
                                               uint32_t *v,
                                               ObjectPropertyFlags flags);
ObjectProperty *object_property_add_uint64_ptr(Object *obj, const char *name,
                                               uint64_t *v,
                                               ObjectPropertyFlags flags);
ObjectProperty *object_class_property_add_uint8_ptr(ObjectClass *klass,
                                                    const char *name,
                                                    size_t offset,
                                                    ObjectPropertyFlags flags);
ObjectProperty *object_class_property_add_uint16_ptr(ObjectClass *klass,
                                                     const char *name,
                                                     size_t offset,
                                                     ObjectPropertyFlags flags);
ObjectProperty *object_class_property_add_uint32_ptr(ObjectClass *klass,
                                                     const char *name,
                                                     size_t offset,
                                                     ObjectPropertyFlags flags);
ObjectProperty *object_class_property_add_uint64_ptr(ObjectClass *klass,
                                                     const char *name,
                                                     size_t offset,
                                                     ObjectPropertyFlags flags);

/**
 * enum ObjectFieldKind: the C type of a field property
 *
 * The default type strings: "bool", "uint8", "uint16", "uint32",
 * "uint64", "int8", "int16", "int32", "int64", "size" (uint64_t),
 * "str" (char *, owned: freed at finalize), enum (int; the type string
 * is the enum's name and must be given).
 */
typedef enum ObjectFieldKind {
    OBJ_FIELD_BOOL,
    OBJ_FIELD_UINT8,
    OBJ_FIELD_UINT16,
    OBJ_FIELD_UINT32,
    OBJ_FIELD_UINT64,
    OBJ_FIELD_INT8,
    OBJ_FIELD_INT16,
    OBJ_FIELD_INT32,
    OBJ_FIELD_INT64,
    OBJ_FIELD_SIZE,
    OBJ_FIELD_STRING,
    OBJ_FIELD_ENUM,
} ObjectFieldKind;

/**
 * object_class_property_add_field: a property stored in the instance
 *
 * @type: the type string, NULL for the kind's default (required for enums)
 * @offset: of the field in the instance struct
 * @lookup: for OBJ_FIELD_ENUM, else NULL
 *
 * The building block of qdev's DEFINE_PROP_*.  Setters use qinput: strict
 * JSON through object_property_set(), lenient strings through
 * object_property_parse(), with range checks.
 */
ObjectProperty *object_class_property_add_field(ObjectClass *klass,
                                                const char *name,
                                                const char *type,
                                                ObjectFieldKind kind,
                                                size_t offset,
                                                const QEnumLookup *lookup,
                                                ObjectPropertyFlags flags);
/* The same on one instance, with a pointer to the storage. */
ObjectProperty *object_property_add_field(Object *obj, const char *name,
                                          const char *type,
                                          ObjectFieldKind kind, void *ptr,
                                          const QEnumLookup *lookup,
                                          ObjectPropertyFlags flags);

/* Children and links */

/**
 * object_property_try_add_child: make @child a child of @obj
 *
 * The property, of type "child<TYPE>", takes a reference to @child and
 * reads as the child's canonical path; it cannot be written.  @child must
 * not have a parent yet.  "[*]" names are numbered.  Deleting the
 * property (object_unparent(), or finalizing @obj) drops the reference.
 */
ObjectProperty *object_property_try_add_child(Object *obj, const char *name,
                                              Object *child, Error **errp);
ObjectProperty *object_property_add_child(Object *obj, const char *name,
                                          Object *child);

typedef enum ObjectPropertyLinkFlags {
    /* The link holds a reference on its target (the default). */
    OBJ_PROP_LINK_STRONG = 0,
    /* The link holds no reference; it is cleared if the target dies. */
    OBJ_PROP_LINK_WEAK = 1 << 0,
} ObjectPropertyLinkFlags;

/*
 * Veto on a link write: @val is the new target (NULL to clear).  Return
 * false with @errp set to refuse.
 */
typedef bool ObjectLinkCheck(const Object *obj, const char *name,
                             Object *val, Error **errp);

/* The default check: allow everything. */
bool object_property_allow_set_link(const Object *obj, const char *name,
                                    Object *val, Error **errp);

/**
 * object_property_add_link: a link<@type> property stored in *@targetp
 *
 * Reading gives the target's canonical path, or "" when unset or when the
 * target is outside the composition tree.  Writing takes a path, absolute
 * or partial; "" clears.  Errors:
 *   unknown path:    DeviceNotFound "Device '%s' not found"
 *   ambiguous path:  "Path '%s' does not uniquely identify an object"
 *   wrong type:      "Invalid parameter type for '%s', expected: %s"
 *                    (@type)
 *   @check's own error.
 *
 * Links never dangle: when the target leaves the composition tree
 * (object_unparent() of it or of an ancestor) every link to it is cleared,
 * and a weak link is also cleared when its target is finalized.
 * A NULL @check allows every write.
 */
ObjectProperty *object_property_add_link(Object *obj, const char *name,
                                         const char *type, Object **targetp,
                                         ObjectLinkCheck *check,
                                         ObjectPropertyLinkFlags flags);
/* The class variant: the Object * lives at @offset in the instance. */
ObjectProperty *object_class_property_add_link(ObjectClass *klass,
                                               const char *name,
                                               const char *type,
                                               size_t offset,
                                               ObjectLinkCheck *check,
                                               ObjectPropertyLinkFlags flags);

bool object_property_is_child(ObjectProperty *prop);
bool object_property_is_link(ObjectProperty *prop);

/* The composition tree and paths */

/* "/", a container, created on first use. */
Object *object_get_root(void);
/* "/objects", where -object/object-add put what they create. */
Object *object_get_objects_root(void);

/* The parent in the composition tree, or NULL. */
Object *object_get_parent(Object *obj);

/**
 * object_get_canonical_path: the absolute path of @obj
 *
 * "/" for the root; NULL when @obj is not in the tree.  Free with g_free().
 */
char *object_get_canonical_path(const Object *obj);
/* The child property name @obj has in its parent, or NULL; g_free() it. */
char *object_get_canonical_path_component(const Object *obj);

/**
 * object_resolve_path: find an object by path
 *
 * An absolute path ("/machine/soc") is followed component by component
 * through child and link properties from the root; empty components are
 * skipped.  A partial path ("soc/cpus", "kbd2") is matched against the
 * tail of every path in the tree: it names the object reached by
 * following it from any object of the tree.  It must match exactly one
 * object, else NULL is returned and *@ambiguous (when given) tells
 * ambiguity from absence.  ".." is not supported.
 */
Object *object_resolve_path(const char *path, bool *ambiguous);
/* The same, and the object must be of (or implement) @typename. */
Object *object_resolve_path_type(const char *path, const char *typename,
                                 bool *ambiguous);
/* Follow @path from @parent (absolute paths start at the root). */
Object *object_resolve_path_at(Object *parent, const char *path);
/* The object child or link property @part of @parent names, or NULL. */
Object *object_resolve_path_component(Object *parent, const char *part);

/**
 * object_child_foreach: call @fn for each child of @obj, in the order
 * they were added, until it returns non-zero (which is returned).
 */
int object_child_foreach(Object *obj, int (*fn)(Object *child, void *opaque),
                         void *opaque);
/* Depth first, parents before their children. */
int object_child_foreach_recursive(Object *obj,
                                   int (*fn)(Object *child, void *opaque),
                                   void *opaque);

/* Containers */

#define TYPE_CONTAINER "container"

/**
 * container_get: the object at @path below @root, creating missing
 * containers on the way ("/chardevs").
 */
Object *container_get(Object *root, const char *path);

/* Help text */

/**
 * object_property_help: one line of "-device T,help" output
 *
 * "  name=<type>", padded to 24 columns, then " - description" and
 * " (default: JSON)" when there is a description or a default.
 */
char *object_property_help(const char *name, const char *type,
                           JsonNode *defval, const char *description);

/**
 * object_class_property_help_text: the "-device T,help" text of a class
 *
 * "T options:\n" then one object_property_help() line per writable class
 * property, sorted by name; "There are no options for T.\n" when none.
 * @name is the name shown (the type name or a user-visible alias).
 */
char *object_class_property_help_text(ObjectClass *klass, const char *name);
/* The same, leaving out the properties for which @skip returns true. */
char *object_class_property_help_text_filtered(ObjectClass *klass,
                                               const char *name,
                                               bool (*skip)(ObjectProperty *));

/* Print object_class_property_help_text() of @klass, under its name. */
void object_class_print_properties_help(FILE *out, ObjectClass *klass);

#endif
