/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The object model core: the type table, class construction, casts,
 * instance life cycle, property tables and values, child and link
 * properties, and path resolution in the composition tree.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qapi/input.h"
#include "qapi/util.h"
#include "qobject/json.h"
#include "qom/object.h"

/* Types */

typedef struct TypeImpl TypeImpl;

struct TypeImpl {
    char *name;
    char *parent_name;
    TypeImpl *parent_type;
    size_t class_size;
    size_t instance_size;
    void (*class_init)(ObjectClass *klass, void *data);
    void (*class_base_init)(ObjectClass *klass, void *data);
    void *class_data;
    void (*instance_init)(Object *obj);
    void (*instance_post_init)(Object *obj);
    void (*instance_finalize)(Object *obj);
    bool abstract;
    int num_interfaces;
    char **interfaces;
    ObjectClass *class;
};

/* A property table: lookup by name plus the order of addition. */
typedef struct PropTable {
    GHashTable *by_name;    /* name -> ObjectProperty *, borrowed */
    GPtrArray *list;        /* owns the properties */
} PropTable;

static GHashTable *type_table;
static TypeImpl *type_interface;
static bool qom_modules_done;

static void object_class_init(ObjectClass *klass, void *data);

static TypeImpl *type_new(const TypeInfo *info)
{
    TypeImpl *ti = g_new0(TypeImpl, 1);
    int i;

    g_assert(info->name);
    ti->name = g_strdup(info->name);
    ti->parent_name = g_strdup(info->parent);
    ti->class_size = info->class_size;
    ti->instance_size = info->instance_size;
    ti->class_init = info->class_init;
    ti->class_base_init = info->class_base_init;
    ti->class_data = info->class_data;
    ti->instance_init = info->instance_init;
    ti->instance_post_init = info->instance_post_init;
    ti->instance_finalize = info->instance_finalize;
    ti->abstract = info->abstract;
    for (i = 0; info->interfaces && info->interfaces[i].type; i++) {
        /* count */
    }
    ti->num_interfaces = i;
    ti->interfaces = g_new0(char *, i + 1);
    for (i = 0; i < ti->num_interfaces; i++) {
        ti->interfaces[i] = g_strdup(info->interfaces[i].type);
    }
    return ti;
}

static void type_table_add(TypeImpl *ti)
{
    if (g_hash_table_lookup(type_table, ti->name)) {
        fprintf(stderr, "Registering `%s' which already exists\n", ti->name);
        abort();
    }
    g_hash_table_insert(type_table, ti->name, ti);
}

static void type_table_init(void)
{
    static const TypeInfo object_info = {
        .name = TYPE_OBJECT,
        .instance_size = sizeof(Object),
        .class_init = object_class_init,
        .abstract = true,
    };
    static const TypeInfo interface_info = {
        .name = TYPE_INTERFACE,
        .class_size = sizeof(InterfaceClass),
        .abstract = true,
    };

    if (type_table) {
        return;
    }
    type_table = g_hash_table_new(g_str_hash, g_str_equal);
    type_table_add(type_new(&object_info));
    type_interface = type_new(&interface_info);
    type_table_add(type_interface);
}

/*
 * Type look-ups run the QOM module init functions first, so that callers
 * (tests especially) need not remember module_call_init().
 */
static void qom_ensure_modules(void)
{
    if (!qom_modules_done) {
        qom_modules_done = true;
        module_call_init(MODULE_INIT_QOM);
    }
}

static TypeImpl *type_get_by_name(const char *name)
{
    if (!name) {
        return NULL;
    }
    type_table_init();
    qom_ensure_modules();
    return g_hash_table_lookup(type_table, name);
}

Type type_register(const TypeInfo *info)
{
    TypeImpl *ti;

    g_assert(info->parent);
    type_table_init();
    /* Module types first, so that a clash is reported against them. */
    qom_ensure_modules();
    ti = type_new(info);
    type_table_add(ti);
    return ti;
}

Type type_register_static(const TypeInfo *info)
{
    return type_register(info);
}

void type_register_static_array(const TypeInfo *infos, int nr_infos)
{
    int i;

    for (i = 0; i < nr_infos; i++) {
        type_register_static(&infos[i]);
    }
}

static TypeImpl *type_get_parent(TypeImpl *ti)
{
    if (!ti->parent_type && ti->parent_name) {
        ti->parent_type = type_get_by_name(ti->parent_name);
        if (!ti->parent_type) {
            fprintf(stderr, "Type '%s' has unknown parent type '%s'\n",
                    ti->name, ti->parent_name);
            abort();
        }
    }
    return ti->parent_type;
}

static size_t type_class_get_size(TypeImpl *ti)
{
    if (ti->class_size) {
        return ti->class_size;
    }
    if (type_get_parent(ti)) {
        return type_class_get_size(type_get_parent(ti));
    }
    return sizeof(ObjectClass);
}

static size_t type_object_get_size(TypeImpl *ti)
{
    if (ti->instance_size) {
        return ti->instance_size;
    }
    if (type_get_parent(ti)) {
        return type_object_get_size(type_get_parent(ti));
    }
    return 0;
}

/* Whether @target is @ti or one of its ancestors. */
static bool type_is_ancestor(TypeImpl *ti, TypeImpl *target)
{
    while (ti) {
        if (ti == target) {
            return true;
        }
        ti = type_get_parent(ti);
    }
    return false;
}

static PropTable *prop_table_new(void)
{
    PropTable *t = g_new0(PropTable, 1);

    t->by_name = g_hash_table_new(g_str_hash, g_str_equal);
    t->list = g_ptr_array_new();
    return t;
}

static void object_property_free(ObjectProperty *prop)
{
    g_free(prop->name);
    g_free(prop->type);
    g_free(prop->description);
    if (prop->defval) {
        json_node_unref(prop->defval);
    }
    g_free(prop);
}

static void type_initialize(TypeImpl *ti);

static void type_initialize_interface(TypeImpl *ti, TypeImpl *iface_type,
                                      TypeImpl *parent_type)
{
    TypeInfo info = { .abstract = true };
    InterfaceClass *iface;
    TypeImpl *impl;

    info.name = g_strdup_printf("%s::%s", ti->name, iface_type->name);
    impl = type_new(&info);
    g_free((char *)info.name);
    impl->parent_type = parent_type;
    type_initialize(impl);

    iface = (InterfaceClass *)impl->class;
    iface->concrete_class = ti->class;
    iface->interface_type = iface_type;
    ti->class->interfaces = g_slist_append(ti->class->interfaces, iface);
}

static void type_initialize(TypeImpl *ti)
{
    TypeImpl *parent;
    GSList *e;
    int i;

    if (ti->class) {
        return;
    }

    ti->class_size = type_class_get_size(ti);
    ti->instance_size = type_object_get_size(ti);
    /* No instance size (interfaces): nothing to instantiate. */
    if (ti->instance_size == 0) {
        ti->abstract = true;
    }

    ti->class = g_malloc0(ti->class_size);
    parent = type_get_parent(ti);
    if (parent) {
        type_initialize(parent);
        g_assert(parent->class_size <= ti->class_size);
        memcpy(ti->class, parent->class, parent->class_size);
        ti->class->interfaces = NULL;
    }
    ti->class->properties = prop_table_new();
    ti->class->type = ti;

    if (parent) {
        /* Inherited interfaces derive from the parent's implementation. */
        for (e = parent->class->interfaces; e; e = e->next) {
            InterfaceClass *iface = e->data;

            type_initialize_interface(ti, iface->interface_type,
                                      iface->parent_class.type);
        }
        for (i = 0; i < ti->num_interfaces; i++) {
            TypeImpl *t = type_get_by_name(ti->interfaces[i]);

            if (!t) {
                fprintf(stderr, "Type '%s' implements unknown interface "
                        "'%s'\n", ti->name, ti->interfaces[i]);
                abort();
            }
            for (e = ti->class->interfaces; e; e = e->next) {
                if (type_is_ancestor(OBJECT_CLASS(e->data)->type, t)) {
                    break;
                }
            }
            if (!e) {
                type_initialize_interface(ti, t, t);
            }
        }
    }

    for (parent = type_get_parent(ti); parent;
         parent = type_get_parent(parent)) {
        if (parent->class_base_init) {
            parent->class_base_init(ti->class, ti->class_data);
        }
    }
    if (ti->class_init) {
        ti->class_init(ti->class, ti->class_data);
    }
}

/* Casts */

ObjectClass *object_class_dynamic_cast(ObjectClass *klass,
                                       const char *typename)
{
    TypeImpl *target;
    TypeImpl *type;

    if (!klass || !typename) {
        return NULL;
    }
    type = klass->type;
    if (!strcmp(type->name, typename)) {
        return klass;
    }
    target = type_get_by_name(typename);
    if (!target) {
        return NULL;
    }
    if (klass->interfaces && type_is_ancestor(target, type_interface)) {
        ObjectClass *found = NULL;
        int count = 0;
        GSList *e;

        for (e = klass->interfaces; e; e = e->next) {
            ObjectClass *iface = e->data;

            if (type_is_ancestor(iface->type, target)) {
                found = iface;
                count++;
            }
        }
        /* More than one match: the cast is ambiguous. */
        return count == 1 ? found : NULL;
    }
    return type_is_ancestor(type, target) ? klass : NULL;
}

ObjectClass *object_class_dynamic_cast_assert(ObjectClass *klass,
                                              const char *typename,
                                              const char *file, int line,
                                              const char *func)
{
    ObjectClass *ret;

    if (!klass) {
        return NULL;
    }
    ret = object_class_dynamic_cast(klass, typename);
    if (!ret) {
        fprintf(stderr, "%s:%d:%s: Object %p is not an instance of type %s"
                " (its type is %s)\n", file, line, func, (void *)klass,
                typename, klass->type->name);
        abort();
    }
    return ret;
}

Object *object_dynamic_cast(Object *obj, const char *typename)
{
    if (obj && object_class_dynamic_cast(obj->class, typename)) {
        return obj;
    }
    return NULL;
}

Object *object_dynamic_cast_assert(Object *obj, const char *typename,
                                   const char *file, int line,
                                   const char *func)
{
    if (obj && !object_dynamic_cast(obj, typename)) {
        fprintf(stderr, "%s:%d:%s: Object %p is not an instance of type %s"
                " (its type is %s)\n", file, line, func, (void *)obj,
                typename, object_get_typename(obj));
        abort();
    }
    return obj;
}

ObjectClass *object_get_class(Object *obj)
{
    return obj->class;
}

const char *object_get_typename(const Object *obj)
{
    return obj->class->type->name;
}

ObjectClass *object_class_by_name(const char *typename)
{
    TypeImpl *ti = type_get_by_name(typename);

    if (!ti) {
        return NULL;
    }
    type_initialize(ti);
    return ti->class;
}

const char *object_class_get_name(ObjectClass *klass)
{
    return klass->type->name;
}

ObjectClass *object_class_get_parent(ObjectClass *klass)
{
    TypeImpl *parent = type_get_parent(klass->type);

    if (!parent) {
        return NULL;
    }
    type_initialize(parent);
    return parent->class;
}

bool object_class_is_abstract(ObjectClass *klass)
{
    return klass->type->abstract;
}

ObjectClass *object_class_get_concrete(ObjectClass *klass)
{
    if (klass && type_is_ancestor(klass->type, type_interface)) {
        return ((InterfaceClass *)klass)->concrete_class;
    }
    return klass;
}

void object_class_foreach(void (*fn)(ObjectClass *klass, void *opaque),
                          const char *implements, bool include_abstract,
                          void *opaque)
{
    GHashTableIter iter;
    gpointer value;
    GPtrArray *all;
    guint i;

    type_table_init();
    qom_ensure_modules();
    /* Building a class may register nothing, but copy first anyway. */
    all = g_ptr_array_new();
    g_hash_table_iter_init(&iter, type_table);
    while (g_hash_table_iter_next(&iter, NULL, &value)) {
        g_ptr_array_add(all, value);
    }
    for (i = 0; i < all->len; i++) {
        TypeImpl *ti = all->pdata[i];

        type_initialize(ti);
        if (!include_abstract && ti->abstract) {
            continue;
        }
        if (implements && !object_class_dynamic_cast(ti->class, implements)) {
            continue;
        }
        fn(ti->class, opaque);
    }
    g_ptr_array_free(all, true);
}

static void class_list_add(ObjectClass *klass, void *opaque)
{
    GSList **list = opaque;

    *list = g_slist_prepend(*list, klass);
}

GSList *object_class_get_list(const char *implements, bool include_abstract)
{
    GSList *list = NULL;

    object_class_foreach(class_list_add, implements, include_abstract,
                         &list);
    return list;
}

static gint class_name_cmp(gconstpointer a, gconstpointer b)
{
    return strcmp(object_class_get_name((ObjectClass *)a),
                  object_class_get_name((ObjectClass *)b));
}

GSList *object_class_get_list_sorted(const char *implements,
                                     bool include_abstract)
{
    return g_slist_sort(object_class_get_list(implements, include_abstract),
                        class_name_cmp);
}

/* Links: bookkeeping shared by the life cycle and the link properties. */

/*
 * One live link: @owner's property stores @target in *@slot.  The record
 * sits on both the owner's links_out and the target's links_in lists, so
 * either side can undo it; *@slot is only dereferenced while the owner is
 * alive (the owner drops its records when finalized).
 */
typedef struct LinkRef {
    Object *owner;
    Object *target;
    Object **slot;
    bool strong;
} LinkRef;

static unsigned long link_count;

static void link_ref_remove(LinkRef *r)
{
    r->owner->links_out = g_slist_remove(r->owner->links_out, r);
    r->target->links_in = g_slist_remove(r->target->links_in, r);
    link_count--;
}

/* Point *@slot at @target, keeping the records and references right. */
static void link_store(Object *owner, Object **slot, Object *target,
                       bool strong)
{
    LinkRef *old = NULL;
    GSList *e;

    for (e = owner->links_out; e; e = e->next) {
        LinkRef *r = e->data;

        if (r->slot == slot) {
            old = r;
            break;
        }
    }
    if (old) {
        link_ref_remove(old);
    }
    *slot = target;
    if (target) {
        LinkRef *r = g_new(LinkRef, 1);

        r->owner = owner;
        r->target = target;
        r->slot = slot;
        r->strong = strong;
        owner->links_out = g_slist_prepend(owner->links_out, r);
        target->links_in = g_slist_prepend(target->links_in, r);
        link_count++;
        if (strong) {
            object_ref(target);
        }
    }
    if (old) {
        if (old->strong) {
            object_unref(old->target);
        }
        g_free(old);
    }
}

/* Clear every link pointing at @obj. */
static void link_clear_incoming(Object *obj, bool finalizing)
{
    while (obj->links_in) {
        LinkRef *r = obj->links_in->data;

        link_ref_remove(r);
        if (*r->slot == obj) {
            *r->slot = NULL;
        }
        if (r->strong && !finalizing) {
            object_unref(obj);
        }
        g_free(r);
    }
}

static int link_clear_subtree_cb(Object *child, void *opaque)
{
    link_clear_incoming(child, false);
    return 0;
}

/* @obj is leaving the tree: no link may point into it any more. */
static void link_clear_subtree(Object *obj)
{
    if (!link_count) {
        return;
    }
    /* Hold @obj: dropping a strong link must not finalize it mid-walk. */
    object_ref(obj);
    link_clear_incoming(obj, false);
    object_child_foreach_recursive(obj, link_clear_subtree_cb, NULL);
    object_unref(obj);
}

static void link_clear_outgoing(Object *obj)
{
    while (obj->links_out) {
        LinkRef *r = obj->links_out->data;

        link_ref_remove(r);
        if (r->strong) {
            object_unref(r->target);
        }
        g_free(r);
    }
}

/* Life cycle */

static void object_init_with_type(Object *obj, TypeImpl *ti)
{
    if (type_get_parent(ti)) {
        object_init_with_type(obj, type_get_parent(ti));
    }
    if (ti->instance_init) {
        ti->instance_init(obj);
    }
}

static void object_post_init_with_type(Object *obj, TypeImpl *ti)
{
    if (ti->instance_post_init) {
        ti->instance_post_init(obj);
    }
    if (type_get_parent(ti)) {
        object_post_init_with_type(obj, type_get_parent(ti));
    }
}

static void object_class_property_init_all(Object *obj)
{
    ObjectPropertyIterator iter;
    ObjectProperty *prop;

    object_class_property_iter_init(&iter, obj->class);
    while ((prop = object_property_iter_next(&iter))) {
        if (prop->init) {
            prop->init(obj, prop);
        }
    }
}

static void type_check_instantiable(TypeImpl *ti, const char *typename)
{
    if (!ti) {
        fprintf(stderr, "invalid object type: %s\n", typename);
        abort();
    }
    type_initialize(ti);
    if (ti->abstract) {
        fprintf(stderr, "object type '%s' is abstract\n", ti->name);
        abort();
    }
}

static void object_initialize_with_type(void *data, size_t size,
                                        TypeImpl *ti)
{
    Object *obj = data;

    g_assert(ti->instance_size >= sizeof(Object));
    g_assert(size >= ti->instance_size);

    memset(obj, 0, ti->instance_size);
    obj->class = ti->class;
    obj->ref = 1;
    obj->properties = prop_table_new();
    object_class_property_init_all(obj);
    object_init_with_type(obj, ti);
    object_post_init_with_type(obj, ti);
}

void object_initialize(void *data, size_t size, const char *typename)
{
    TypeImpl *ti = type_get_by_name(typename);

    type_check_instantiable(ti, typename);
    object_initialize_with_type(data, size, ti);
}

void object_initialize_child(Object *parent, const char *name, void *child,
                             size_t size, const char *typename)
{
    object_initialize(child, size, typename);
    object_property_add_child(parent, name, child);
    object_unref(child);
}

static Object *object_new_with_type(TypeImpl *ti)
{
    Object *obj;

    type_initialize(ti);
    obj = g_malloc(ti->instance_size);
    object_initialize_with_type(obj, ti->instance_size, ti);
    obj->free = g_free;
    return obj;
}

Object *object_new(const char *typename)
{
    TypeImpl *ti = type_get_by_name(typename);

    type_check_instantiable(ti, typename);
    return object_new_with_type(ti);
}

Object *object_new_with_class(ObjectClass *klass)
{
    type_check_instantiable(klass->type, klass->type->name);
    return object_new_with_type(klass->type);
}

Object *object_new_checked(const char *typename, Error **errp)
{
    ObjectClass *klass = object_class_by_name(typename);

    if (!klass) {
        error_setg(errp, "invalid object type: %s", typename);
        return NULL;
    }
    if (object_class_is_abstract(klass)) {
        error_setg(errp, "object type '%s' is abstract", typename);
        return NULL;
    }
    return object_new_with_type(klass->type);
}

Object *object_ref(void *objptr)
{
    Object *obj = objptr;

    if (!obj) {
        return NULL;
    }
    g_assert(obj->ref > 0);
    obj->ref++;
    return obj;
}

/*
 * Run the release callback of every property, instance and class ones.
 * A release may delete other instance properties, so restart the walk
 * after each callback, remembering which ones ran.
 */
static void object_property_release_all(Object *obj)
{
    GHashTable *done = g_hash_table_new(NULL, NULL);
    PropTable *t = obj->properties;
    ObjectPropertyIterator iter;
    ObjectProperty *prop;
    bool released;
    guint i;

    do {
        released = false;
        object_property_iter_init(&iter, obj);
        while ((prop = object_property_iter_next(&iter))) {
            if (prop->release && g_hash_table_add(done, prop)) {
                prop->release(obj, prop->name, prop->opaque);
                released = true;
                break;
            }
        }
    } while (released);
    g_hash_table_destroy(done);

    for (i = 0; i < t->list->len; i++) {
        object_property_free(t->list->pdata[i]);
    }
    g_ptr_array_free(t->list, true);
    g_hash_table_destroy(t->by_name);
    g_free(t);
    obj->properties = NULL;
}

static void object_deinit(Object *obj, TypeImpl *ti)
{
    if (ti->instance_finalize) {
        ti->instance_finalize(obj);
    }
    if (type_get_parent(ti)) {
        object_deinit(obj, type_get_parent(ti));
    }
}

static void object_finalize(Object *obj)
{
    link_clear_incoming(obj, true);
    object_property_release_all(obj);
    link_clear_outgoing(obj);
    object_deinit(obj, obj->class->type);
    g_assert(obj->ref == 0);
    g_assert(!obj->parent);
    if (obj->free) {
        obj->free(obj);
    }
}

void object_unref(void *objptr)
{
    Object *obj = objptr;

    if (!obj) {
        return;
    }
    g_assert(obj->ref > 0);
    if (--obj->ref == 0) {
        object_finalize(obj);
    }
}

/* Property tables */

static ObjectProperty *prop_table_find(PropTable *t, const char *name)
{
    return g_hash_table_lookup(t->by_name, name);
}

static void prop_table_add(PropTable *t, ObjectProperty *prop)
{
    g_hash_table_insert(t->by_name, prop->name, prop);
    g_ptr_array_add(t->list, prop);
}

ObjectProperty *object_class_property_find(ObjectClass *klass,
                                           const char *name)
{
    while (klass) {
        ObjectProperty *prop = prop_table_find(klass->properties, name);

        if (prop) {
            return prop;
        }
        klass = object_class_get_parent(klass);
    }
    return NULL;
}

ObjectProperty *object_property_find(Object *obj, const char *name)
{
    ObjectProperty *prop = prop_table_find(obj->properties, name);

    return prop ? prop : object_class_property_find(obj->class, name);
}

ObjectProperty *object_property_find_err(Object *obj, const char *name,
                                         Error **errp)
{
    ObjectProperty *prop = object_property_find(obj, name);

    if (!prop) {
        error_setg(errp, "Property '%s.%s' not found",
                   object_get_typename(obj), name);
    }
    return prop;
}

static ObjectProperty *property_new(const char *name, const char *type,
                                    ObjectPropertyGet *get,
                                    ObjectPropertySet *set,
                                    ObjectPropertyRelease *release,
                                    void *opaque)
{
    ObjectProperty *prop = g_new0(ObjectProperty, 1);

    prop->name = g_strdup(name);
    prop->type = g_strdup(type);
    prop->get = get;
    prop->set = set;
    prop->release = release;
    prop->opaque = opaque;
    return prop;
}

ObjectProperty *object_property_try_add(Object *obj, const char *name,
                                        const char *type,
                                        ObjectPropertyGet *get,
                                        ObjectPropertySet *set,
                                        ObjectPropertyRelease *release,
                                        void *opaque, Error **errp)
{
    ObjectProperty *prop;
    size_t len = strlen(name);

    if (len >= 3 && !strcmp(name + len - 3, "[*]")) {
        char *base = g_strndup(name, len - 3);
        char *full = NULL;
        int i;

        for (i = 0; i < INT_MAX; i++) {
            full = g_strdup_printf("%s[%d]", base, i);
            if (!object_property_find(obj, full)) {
                break;
            }
            g_free(full);
            full = NULL;
        }
        g_free(base);
        g_assert(full);
        prop = object_property_try_add(obj, full, type, get, set, release,
                                       opaque, errp);
        g_free(full);
        return prop;
    }

    if (object_property_find(obj, name)) {
        error_setg(errp, "attempt to add duplicate property '%s' to object "
                   "(type '%s')", name, object_get_typename(obj));
        return NULL;
    }
    prop = property_new(name, type, get, set, release, opaque);
    prop_table_add(obj->properties, prop);
    return prop;
}

ObjectProperty *object_property_add(Object *obj, const char *name,
                                    const char *type,
                                    ObjectPropertyGet *get,
                                    ObjectPropertySet *set,
                                    ObjectPropertyRelease *release,
                                    void *opaque)
{
    return object_property_try_add(obj, name, type, get, set, release,
                                   opaque, &error_abort);
}

ObjectProperty *object_class_property_add(ObjectClass *klass,
                                          const char *name,
                                          const char *type,
                                          ObjectPropertyGet *get,
                                          ObjectPropertySet *set,
                                          ObjectPropertyRelease *release,
                                          void *opaque)
{
    ObjectProperty *prop;

    if (object_class_property_find(klass, name)) {
        fprintf(stderr, "attempt to add duplicate property '%s' to class "
                "(type '%s')\n", name, object_class_get_name(klass));
        abort();
    }
    prop = property_new(name, type, get, set, release, opaque);
    prop_table_add(klass->properties, prop);
    return prop;
}

void object_property_del(Object *obj, const char *name)
{
    PropTable *t = obj->properties;
    ObjectProperty *prop = prop_table_find(t, name);

    if (!prop) {
        return;
    }
    /* Unlink first: the release may look the object's properties up. */
    g_hash_table_remove(t->by_name, name);
    g_ptr_array_remove(t->list, prop);
    if (prop->release) {
        prop->release(obj, prop->name, prop->opaque);
    }
    object_property_free(prop);
}

void object_property_set_description(ObjectProperty *prop,
                                     const char *description)
{
    g_free(prop->description);
    prop->description = g_strdup(description);
}

void object_class_property_set_description(ObjectClass *klass,
                                           const char *name,
                                           const char *description)
{
    ObjectProperty *prop = prop_table_find(klass->properties, name);

    g_assert(prop);
    object_property_set_description(prop, description);
}

static void object_property_init_defval(Object *obj, ObjectProperty *prop)
{
    if (prop->set) {
        prop->set(obj, prop, prop->defval, &error_abort);
    }
}

void object_property_set_default(ObjectProperty *prop, JsonNode *value)
{
    if (prop->defval) {
        json_node_unref(prop->defval);
    }
    prop->defval = value;
    prop->init = object_property_init_defval;
}

void object_property_set_default_bool(ObjectProperty *prop, bool value)
{
    object_property_set_default(prop, json_node_init_boolean(
                                    json_node_alloc(), value));
}

void object_property_set_default_int(ObjectProperty *prop, int64_t value)
{
    object_property_set_default(prop, json_node_init_int(json_node_alloc(),
                                                         value));
}

void object_property_set_default_uint(ObjectProperty *prop, uint64_t value)
{
    /* Values above INT64_MAX keep their 64 bits (see qobject/json.h). */
    object_property_set_default(prop, json_node_init_int(json_node_alloc(),
                                                         (int64_t)value));
}

void object_property_set_default_str(ObjectProperty *prop, const char *value)
{
    object_property_set_default(prop, json_node_init_string(
                                    json_node_alloc(), value));
}

/* Iteration */

void object_property_iter_init(ObjectPropertyIterator *iter, Object *obj)
{
    iter->table = obj->properties;
    iter->nextclass = obj->class;
    iter->index = 0;
}

void object_class_property_iter_init(ObjectPropertyIterator *iter,
                                     ObjectClass *klass)
{
    iter->table = klass->properties;
    iter->nextclass = object_class_get_parent(klass);
    iter->index = 0;
}

ObjectProperty *object_property_iter_next(ObjectPropertyIterator *iter)
{
    for (;;) {
        PropTable *t = iter->table;

        if (t && iter->index < t->list->len) {
            return t->list->pdata[iter->index++];
        }
        if (!iter->nextclass) {
            return NULL;
        }
        iter->table = iter->nextclass->properties;
        iter->nextclass = object_class_get_parent(iter->nextclass);
        iter->index = 0;
    }
}

/* Property values */

JsonNode *object_property_get(Object *obj, const char *name, Error **errp)
{
    ObjectProperty *prop = object_property_find_err(obj, name, errp);

    if (!prop) {
        return NULL;
    }
    if (!prop->get) {
        error_setg(errp, "Property '%s.%s' is not readable",
                   object_get_typename(obj), name);
        return NULL;
    }
    return prop->get(obj, prop, errp);
}

/* Find @name for writing: it must exist, be writable and not be vetoed. */
static ObjectProperty *property_find_writable(Object *obj, const char *name,
                                              Error **errp)
{
    ObjectProperty *prop = object_property_find_err(obj, name, errp);

    if (!prop) {
        return NULL;
    }
    if (!prop->set) {
        error_setg(errp, "Property '%s.%s' is not writable",
                   object_get_typename(obj), name);
        return NULL;
    }
    if (obj->class->property_set_check &&
        !obj->class->property_set_check(obj, prop, errp)) {
        return NULL;
    }
    return prop;
}

bool object_property_set(Object *obj, const char *name, JsonNode *value,
                         Error **errp)
{
    ObjectProperty *prop = property_find_writable(obj, name, errp);

    if (!prop) {
        return false;
    }
    return prop->set(obj, prop, value, errp);
}

JsonNode *object_property_parse_value(const char *type, const char *name,
                                      const char *str, Error **errp)
{
    static const struct {
        const char *type;
        bool is_signed;
        int bits;
    } ints[] = {
        { "int", true, 64 }, { "int64", true, 64 }, { "int32", true, 32 },
        { "int16", true, 16 }, { "int8", true, 8 },
        { "uint64", false, 64 }, { "uint32", false, 32 },
        { "uint16", false, 16 }, { "uint8", false, 8 },
    };
    JsonNode *node = json_node_alloc();
    size_t i;

    if (!strcmp(type, "bool")) {
        bool b;

        if (!qinput_parse_bool(str, name, &b, errp)) {
            goto fail;
        }
        return json_node_init_boolean(node, b);
    }
    if (!strcmp(type, "size")) {
        uint64_t u;

        if (!qinput_parse_size(str, name, &u, errp)) {
            goto fail;
        }
        return json_node_init_int(node, (int64_t)u);
    }
    if (!strcmp(type, "number")) {
        double d;

        if (!qinput_parse_number(str, name, &d, errp)) {
            goto fail;
        }
        return json_node_init_double(node, d);
    }
    for (i = 0; i < ARRAY_SIZE(ints); i++) {
        if (strcmp(type, ints[i].type)) {
            continue;
        }
        if (ints[i].is_signed) {
            int64_t v;

            if (!qinput_parse_intN(str, name, ints[i].bits, &v, errp)) {
                goto fail;
            }
            return json_node_init_int(node, v);
        } else {
            uint64_t v;

            if (!qinput_parse_uintN(str, name, ints[i].bits, &v, errp)) {
                goto fail;
            }
            return json_node_init_int(node, (int64_t)v);
        }
    }
    return json_node_init_string(node, str);

fail:
    json_node_unref(node);
    return NULL;
}

bool object_property_parse(Object *obj, const char *name, const char *str,
                           Error **errp)
{
    ObjectProperty *prop = property_find_writable(obj, name, errp);
    JsonNode *node;
    bool ok;

    if (!prop) {
        return false;
    }
    if (prop->parse) {
        return prop->parse(obj, prop, str, errp);
    }
    node = object_property_parse_value(prop->type, name, str, errp);
    if (!node) {
        return false;
    }
    ok = prop->set(obj, prop, node, errp);
    json_node_unref(node);
    return ok;
}

/* Set @name from @node, which this function consumes. */
static bool property_set_node(Object *obj, const char *name, JsonNode *node,
                              Error **errp)
{
    bool ok = object_property_set(obj, name, node, errp);

    json_node_unref(node);
    return ok;
}

bool object_property_set_bool(Object *obj, const char *name, bool value,
                              Error **errp)
{
    return property_set_node(obj, name, json_node_init_boolean(
                                 json_node_alloc(), value), errp);
}

bool object_property_set_int(Object *obj, const char *name, int64_t value,
                             Error **errp)
{
    return property_set_node(obj, name, json_node_init_int(
                                 json_node_alloc(), value), errp);
}

bool object_property_set_uint(Object *obj, const char *name, uint64_t value,
                              Error **errp)
{
    return property_set_node(obj, name, json_node_init_int(
                                 json_node_alloc(), (int64_t)value), errp);
}

bool object_property_set_str(Object *obj, const char *name,
                             const char *value, Error **errp)
{
    return property_set_node(obj, name, json_node_init_string(
                                 json_node_alloc(), value), errp);
}

bool object_property_get_bool(Object *obj, const char *name, Error **errp)
{
    JsonNode *node = object_property_get(obj, name, errp);
    bool value = false;

    if (node) {
        qinput_bool(node, name, &value, errp);
        json_node_unref(node);
    }
    return value;
}

int64_t object_property_get_int(Object *obj, const char *name, Error **errp)
{
    JsonNode *node = object_property_get(obj, name, errp);
    int64_t value = -1;

    if (node) {
        if (!qinput_int64(node, name, &value, errp)) {
            value = -1;
        }
        json_node_unref(node);
    }
    return value;
}

uint64_t object_property_get_uint(Object *obj, const char *name,
                                  Error **errp)
{
    JsonNode *node = object_property_get(obj, name, errp);
    uint64_t value = 0;

    if (node) {
        if (!qinput_uint64(node, name, &value, errp)) {
            value = 0;
        }
        json_node_unref(node);
    }
    return value;
}

char *object_property_get_str(Object *obj, const char *name, Error **errp)
{
    JsonNode *node = object_property_get(obj, name, errp);
    const char *str;
    char *value = NULL;

    if (node) {
        if (qinput_str(node, name, &str, errp)) {
            value = g_strdup(str);
        }
        json_node_unref(node);
    }
    return value;
}

const char *object_property_get_type(Object *obj, const char *name,
                                     Error **errp)
{
    ObjectProperty *prop = object_property_find_err(obj, name, errp);

    return prop ? prop->type : NULL;
}

static JsonNode *string_node(const char *str)
{
    return json_node_init_string(json_node_alloc(), str ? str : "");
}

/* The "type" property every object has. */
static char *object_get_type_str(Object *obj, Error **errp)
{
    return g_strdup(object_get_typename(obj));
}

static void object_class_init(ObjectClass *klass, void *data)
{
    object_class_property_add_str(klass, "type", object_get_type_str, NULL);
}

/* Typed helpers: bool */

typedef struct BoolProperty {
    bool (*get)(Object *, Error **);
    void (*set)(Object *, bool, Error **);
} BoolProperty;

static JsonNode *property_get_bool(Object *obj, ObjectProperty *prop,
                                   Error **errp)
{
    BoolProperty *bp = prop->opaque;
    Error *err = NULL;
    bool value = bp->get(obj, &err);

    if (err) {
        error_propagate(errp, err);
        return NULL;
    }
    return json_node_init_boolean(json_node_alloc(), value);
}

static bool property_set_bool(Object *obj, ObjectProperty *prop,
                              JsonNode *value, Error **errp)
{
    BoolProperty *bp = prop->opaque;
    Error *err = NULL;
    bool b;

    if (!qinput_bool(value, prop->name, &b, errp)) {
        return false;
    }
    bp->set(obj, b, &err);
    if (err) {
        error_propagate(errp, err);
        return false;
    }
    return true;
}

static void property_release_opaque(Object *obj, const char *name,
                                    void *opaque)
{
    g_free(opaque);
}

ObjectProperty *object_property_add_bool(Object *obj, const char *name,
                                         bool (*get)(Object *, Error **),
                                         void (*set)(Object *, bool,
                                                     Error **))
{
    BoolProperty *bp = g_new0(BoolProperty, 1);

    bp->get = get;
    bp->set = set;
    return object_property_add(obj, name, "bool",
                               get ? property_get_bool : NULL,
                               set ? property_set_bool : NULL,
                               property_release_opaque, bp);
}

ObjectProperty *object_class_property_add_bool(ObjectClass *klass,
                                               const char *name,
                                               bool (*get)(Object *,
                                                           Error **),
                                               void (*set)(Object *, bool,
                                                           Error **))
{
    BoolProperty *bp = g_new0(BoolProperty, 1);

    bp->get = get;
    bp->set = set;
    return object_class_property_add(klass, name, "bool",
                                     get ? property_get_bool : NULL,
                                     set ? property_set_bool : NULL,
                                     NULL, bp);
}

/* Typed helpers: str */

typedef struct StringProperty {
    char *(*get)(Object *, Error **);
    void (*set)(Object *, const char *, Error **);
} StringProperty;

static JsonNode *property_get_str(Object *obj, ObjectProperty *prop,
                                  Error **errp)
{
    StringProperty *sp = prop->opaque;
    Error *err = NULL;
    char *value = sp->get(obj, &err);
    JsonNode *node;

    if (err) {
        error_propagate(errp, err);
        g_free(value);
        return NULL;
    }
    node = string_node(value);
    g_free(value);
    return node;
}

static bool property_set_str(Object *obj, ObjectProperty *prop,
                             JsonNode *value, Error **errp)
{
    StringProperty *sp = prop->opaque;
    Error *err = NULL;
    const char *str;

    if (!qinput_str(value, prop->name, &str, errp)) {
        return false;
    }
    sp->set(obj, str, &err);
    if (err) {
        error_propagate(errp, err);
        return false;
    }
    return true;
}

ObjectProperty *object_property_add_str(Object *obj, const char *name,
                                        char *(*get)(Object *, Error **),
                                        void (*set)(Object *, const char *,
                                                    Error **))
{
    StringProperty *sp = g_new0(StringProperty, 1);

    sp->get = get;
    sp->set = set;
    return object_property_add(obj, name, "string",
                               get ? property_get_str : NULL,
                               set ? property_set_str : NULL,
                               property_release_opaque, sp);
}

ObjectProperty *object_class_property_add_str(ObjectClass *klass,
                                              const char *name,
                                              char *(*get)(Object *,
                                                           Error **),
                                              void (*set)(Object *,
                                                          const char *,
                                                          Error **))
{
    StringProperty *sp = g_new0(StringProperty, 1);

    sp->get = get;
    sp->set = set;
    return object_class_property_add(klass, name, "string",
                                     get ? property_get_str : NULL,
                                     set ? property_set_str : NULL,
                                     NULL, sp);
}

/* Typed helpers: enum */

typedef struct EnumProperty {
    const QEnumLookup *lookup;
    int (*get)(Object *, Error **);
    void (*set)(Object *, int, Error **);
} EnumProperty;

static JsonNode *enum_name_node(const QEnumLookup *lookup, int value,
                                const char *name, Error **errp)
{
    if (value < 0 || value >= lookup->size) {
        error_setg(errp, "Property '%s' has invalid enum value %d", name,
                   value);
        return NULL;
    }
    return string_node(lookup->array[value]);
}

static JsonNode *property_get_enum(Object *obj, ObjectProperty *prop,
                                   Error **errp)
{
    EnumProperty *ep = prop->opaque;
    Error *err = NULL;
    int value = ep->get(obj, &err);

    if (err) {
        error_propagate(errp, err);
        return NULL;
    }
    return enum_name_node(ep->lookup, value, prop->name, errp);
}

static bool property_set_enum(Object *obj, ObjectProperty *prop,
                              JsonNode *value, Error **errp)
{
    EnumProperty *ep = prop->opaque;
    Error *err = NULL;
    int v;

    if (!qinput_enum(value, prop->name, ep->lookup, &v, errp)) {
        return false;
    }
    ep->set(obj, v, &err);
    if (err) {
        error_propagate(errp, err);
        return false;
    }
    return true;
}

ObjectProperty *object_property_add_enum(Object *obj, const char *name,
                                         const char *typename,
                                         const QEnumLookup *lookup,
                                         int (*get)(Object *, Error **),
                                         void (*set)(Object *, int,
                                                     Error **))
{
    EnumProperty *ep = g_new0(EnumProperty, 1);

    ep->lookup = lookup;
    ep->get = get;
    ep->set = set;
    return object_property_add(obj, name, typename,
                               get ? property_get_enum : NULL,
                               set ? property_set_enum : NULL,
                               property_release_opaque, ep);
}

ObjectProperty *object_class_property_add_enum(ObjectClass *klass,
                                               const char *name,
                                               const char *typename,
                                               const QEnumLookup *lookup,
                                               int (*get)(Object *,
                                                          Error **),
                                               void (*set)(Object *, int,
                                                           Error **))
{
    EnumProperty *ep = g_new0(EnumProperty, 1);

    ep->lookup = lookup;
    ep->get = get;
    ep->set = set;
    return object_class_property_add(klass, name, typename,
                                     get ? property_get_enum : NULL,
                                     set ? property_set_enum : NULL,
                                     NULL, ep);
}

/* Typed helpers: fields */

typedef struct FieldProperty {
    ObjectFieldKind kind;
    bool is_class;
    size_t offset;          /* class variant */
    void *ptr;              /* instance variant */
    const QEnumLookup *lookup;
} FieldProperty;

/*
 * What each kind of field is: its property type name, and for the integer
 * kinds the width and signedness of the C field.
 */
typedef struct FieldKindInfo {
    const char *type;       /* NULL for enums: the enum's own name */
    int bits;               /* 0 for the non-integer kinds */
    bool is_signed;
} FieldKindInfo;

static const FieldKindInfo field_kinds[] = {
    [OBJ_FIELD_BOOL] = { "bool" },
    [OBJ_FIELD_UINT8] = { "uint8", 8, false },
    [OBJ_FIELD_UINT16] = { "uint16", 16, false },
    [OBJ_FIELD_UINT32] = { "uint32", 32, false },
    [OBJ_FIELD_UINT64] = { "uint64", 64, false },
    [OBJ_FIELD_INT8] = { "int8", 8, true },
    [OBJ_FIELD_INT16] = { "int16", 16, true },
    [OBJ_FIELD_INT32] = { "int32", 32, true },
    [OBJ_FIELD_INT64] = { "int64", 64, true },
    [OBJ_FIELD_SIZE] = { "size", 64, false },
    [OBJ_FIELD_STRING] = { "str" },
    [OBJ_FIELD_ENUM] = { NULL },
};

static void *field_ptr(Object *obj, FieldProperty *fp)
{
    return fp->is_class ? (char *)obj + fp->offset : fp->ptr;
}

/* The integer field at @p, widened (64-bit fields: their bits as stored). */
static int64_t field_load_int(const void *p, const FieldKindInfo *k)
{
    switch (k->bits) {
    case 8:
        return k->is_signed ? *(const int8_t *)p : *(const uint8_t *)p;
    case 16:
        return k->is_signed ? *(const int16_t *)p : *(const uint16_t *)p;
    case 32:
        return k->is_signed ? (int64_t)*(const int32_t *)p
                           : (int64_t)*(const uint32_t *)p;
    default:
        return *(const int64_t *)p;
    }
}

/* Store the low @k->bits of @val (already range-checked) at @p. */
static void field_store_int(void *p, const FieldKindInfo *k, uint64_t val)
{
    switch (k->bits) {
    case 8:
        *(uint8_t *)p = val;
        break;
    case 16:
        *(uint16_t *)p = val;
        break;
    case 32:
        *(uint32_t *)p = val;
        break;
    default:
        *(uint64_t *)p = val;
        break;
    }
}

static JsonNode *property_get_field(Object *obj, ObjectProperty *prop,
                                    Error **errp)
{
    FieldProperty *fp = prop->opaque;
    const FieldKindInfo *k = &field_kinds[fp->kind];
    void *p = field_ptr(obj, fp);

    if (k->bits) {
        return json_node_init_int(json_node_alloc(), field_load_int(p, k));
    }
    switch (fp->kind) {
    case OBJ_FIELD_BOOL:
        return json_node_init_boolean(json_node_alloc(), *(bool *)p);
    case OBJ_FIELD_STRING:
        return string_node(*(char **)p ? *(char **)p : "");
    case OBJ_FIELD_ENUM:
        return enum_name_node(fp->lookup, *(int *)p, prop->name, errp);
    default:
        g_assert_not_reached();
    }
}

static bool property_set_field(Object *obj, ObjectProperty *prop,
                               JsonNode *value, Error **errp)
{
    FieldProperty *fp = prop->opaque;
    const FieldKindInfo *k = &field_kinds[fp->kind];
    void *p = field_ptr(obj, fp);
    const char *name = prop->name;
    const char *str;
    uint64_t u;
    int64_t i;
    bool b;
    int e;

    if (k->bits) {
        /* qinput range-checks to the field's width */
        if (k->is_signed) {
            if (!qinput_intN(value, name, k->bits, &i, errp)) {
                return false;
            }
            u = i;
        } else if (!qinput_uintN(value, name, k->bits, &u, errp)) {
            return false;
        }
        field_store_int(p, k, u);
        return true;
    }
    switch (fp->kind) {
    case OBJ_FIELD_BOOL:
        if (!qinput_bool(value, name, &b, errp)) {
            return false;
        }
        *(bool *)p = b;
        return true;
    case OBJ_FIELD_STRING:
        if (!qinput_str(value, name, &str, errp)) {
            return false;
        }
        g_free(*(char **)p);
        *(char **)p = g_strdup(str);
        return true;
    case OBJ_FIELD_ENUM:
        if (!qinput_enum(value, name, fp->lookup, &e, errp)) {
            return false;
        }
        *(int *)p = e;
        return true;
    default:
        g_assert_not_reached();
    }
}

static bool property_parse_field(Object *obj, ObjectProperty *prop,
                                 const char *str, Error **errp)
{
    FieldProperty *fp = prop->opaque;
    const char *type = field_kinds[fp->kind].type;
    JsonNode *node;
    bool ok;

    node = object_property_parse_value(type ? type : "str", prop->name, str,
                                       errp);
    if (!node) {
        return false;
    }
    ok = property_set_field(obj, prop, node, errp);
    json_node_unref(node);
    return ok;
}

/* String fields are owned by the object: free them at finalize. */
static void property_release_string_field(Object *obj, const char *name,
                                          void *opaque)
{
    FieldProperty *fp = opaque;
    char **p = field_ptr(obj, fp);

    g_free(*p);
    *p = NULL;
    if (!fp->is_class) {
        g_free(fp);
    }
}

static ObjectProperty *field_property_add(Object *obj, ObjectClass *klass,
                                          const char *name,
                                          const char *type,
                                          FieldProperty *fp,
                                          ObjectPropertyFlags flags)
{
    ObjectPropertyRelease *release = NULL;
    ObjectProperty *prop;

    if (!type) {
        type = field_kinds[fp->kind].type;
        g_assert(type);  /* enums must name their type */
    }
    g_assert(fp->kind != OBJ_FIELD_ENUM || fp->lookup);
    if (fp->kind == OBJ_FIELD_STRING) {
        release = property_release_string_field;
    } else if (!fp->is_class) {
        release = property_release_opaque;
    }
    if (klass) {
        prop = object_class_property_add(
            klass, name, type,
            flags & OBJ_PROP_FLAG_READ ? property_get_field : NULL,
            flags & OBJ_PROP_FLAG_WRITE ? property_set_field : NULL,
            release, fp);
    } else {
        prop = object_property_add(
            obj, name, type,
            flags & OBJ_PROP_FLAG_READ ? property_get_field : NULL,
            flags & OBJ_PROP_FLAG_WRITE ? property_set_field : NULL,
            release, fp);
    }
    if (flags & OBJ_PROP_FLAG_WRITE) {
        prop->parse = property_parse_field;
    }
    return prop;
}

ObjectProperty *object_class_property_add_field(ObjectClass *klass,
                                                const char *name,
                                                const char *type,
                                                ObjectFieldKind kind,
                                                size_t offset,
                                                const QEnumLookup *lookup,
                                                ObjectPropertyFlags flags)
{
    FieldProperty *fp = g_new0(FieldProperty, 1);

    fp->kind = kind;
    fp->is_class = true;
    fp->offset = offset;
    fp->lookup = lookup;
    return field_property_add(NULL, klass, name, type, fp, flags);
}

ObjectProperty *object_property_add_field(Object *obj, const char *name,
                                          const char *type,
                                          ObjectFieldKind kind, void *ptr,
                                          const QEnumLookup *lookup,
                                          ObjectPropertyFlags flags)
{
    FieldProperty *fp = g_new0(FieldProperty, 1);

    fp->kind = kind;
    fp->ptr = ptr;
    fp->lookup = lookup;
    return field_property_add(obj, NULL, name, type, fp, flags);
}

ObjectProperty *object_property_add_uint8_ptr(Object *obj, const char *name,
                                              uint8_t *v,
                                              ObjectPropertyFlags flags)
{
    return object_property_add_field(obj, name, NULL, OBJ_FIELD_UINT8, v,
                                     NULL, flags);
}

ObjectProperty *object_property_add_uint16_ptr(Object *obj, const char *name,
                                               uint16_t *v,
                                               ObjectPropertyFlags flags)
{
    return object_property_add_field(obj, name, NULL, OBJ_FIELD_UINT16, v,
                                     NULL, flags);
}

ObjectProperty *object_property_add_uint32_ptr(Object *obj, const char *name,
                                               uint32_t *v,
                                               ObjectPropertyFlags flags)
{
    return object_property_add_field(obj, name, NULL, OBJ_FIELD_UINT32, v,
                                     NULL, flags);
}

ObjectProperty *object_property_add_uint64_ptr(Object *obj, const char *name,
                                               uint64_t *v,
                                               ObjectPropertyFlags flags)
{
    return object_property_add_field(obj, name, NULL, OBJ_FIELD_UINT64, v,
                                     NULL, flags);
}

ObjectProperty *object_class_property_add_uint8_ptr(ObjectClass *klass,
                                                    const char *name,
                                                    size_t offset,
                                                    ObjectPropertyFlags flags)
{
    return object_class_property_add_field(klass, name, NULL,
                                           OBJ_FIELD_UINT8, offset, NULL,
                                           flags);
}

ObjectProperty *object_class_property_add_uint16_ptr(ObjectClass *klass,
                                                     const char *name,
                                                     size_t offset,
                                                     ObjectPropertyFlags flags)
{
    return object_class_property_add_field(klass, name, NULL,
                                           OBJ_FIELD_UINT16, offset, NULL,
                                           flags);
}

ObjectProperty *object_class_property_add_uint32_ptr(ObjectClass *klass,
                                                     const char *name,
                                                     size_t offset,
                                                     ObjectPropertyFlags flags)
{
    return object_class_property_add_field(klass, name, NULL,
                                           OBJ_FIELD_UINT32, offset, NULL,
                                           flags);
}

ObjectProperty *object_class_property_add_uint64_ptr(ObjectClass *klass,
                                                     const char *name,
                                                     size_t offset,
                                                     ObjectPropertyFlags flags)
{
    return object_class_property_add_field(klass, name, NULL,
                                           OBJ_FIELD_UINT64, offset, NULL,
                                           flags);
}

/* Children */

bool object_property_is_child(ObjectProperty *prop)
{
    return g_str_has_prefix(prop->type, "child<");
}

bool object_property_is_link(ObjectProperty *prop)
{
    return g_str_has_prefix(prop->type, "link<");
}

static JsonNode *child_get(Object *obj, ObjectProperty *prop, Error **errp)
{
    char *path = object_get_canonical_path(prop->opaque);
    JsonNode *node = string_node(path);

    g_free(path);
    return node;
}

static Object *child_resolve(Object *obj, ObjectProperty *prop,
                             const char *part)
{
    return prop->opaque;
}

static void child_release(Object *obj, const char *name, void *opaque)
{
    Object *child = opaque;

    if (child->class->unparent) {
        child->class->unparent(child);
    }
    link_clear_subtree(child);
    child->parent = NULL;
    object_unref(child);
}

ObjectProperty *object_property_try_add_child(Object *obj, const char *name,
                                              Object *child, Error **errp)
{
    ObjectProperty *prop;
    char *type;

    g_assert(!child->parent);
    type = g_strdup_printf("child<%s>", object_get_typename(child));
    prop = object_property_try_add(obj, name, type, child_get, NULL,
                                   child_release, child, errp);
    g_free(type);
    if (!prop) {
        return NULL;
    }
    prop->resolve = child_resolve;
    child->parent = obj;
    object_ref(child);
    return prop;
}

ObjectProperty *object_property_add_child(Object *obj, const char *name,
                                          Object *child)
{
    return object_property_try_add_child(obj, name, child, &error_abort);
}

void object_unparent(Object *obj)
{
    char *name;

    if (!obj->parent) {
        return;
    }
    name = object_get_canonical_path_component(obj);
    g_assert(name);
    object_property_del(obj->parent, name);
    g_free(name);
}

Object *object_get_parent(Object *obj)
{
    return obj->parent;
}

int object_child_foreach(Object *obj, int (*fn)(Object *child, void *opaque),
                         void *opaque)
{
    PropTable *t = obj->properties;
    GPtrArray *children = g_ptr_array_new();
    int ret = 0;
    guint i;

    /* Snapshot: @fn may add or remove children. */
    for (i = 0; i < t->list->len; i++) {
        ObjectProperty *prop = t->list->pdata[i];

        if (object_property_is_child(prop)) {
            g_ptr_array_add(children, object_ref(prop->opaque));
        }
    }
    for (i = 0; i < children->len && !ret; i++) {
        ret = fn(children->pdata[i], opaque);
    }
    for (i = 0; i < children->len; i++) {
        object_unref(children->pdata[i]);
    }
    g_ptr_array_free(children, true);
    return ret;
}

typedef struct ForeachRecursive {
    int (*fn)(Object *child, void *opaque);
    void *opaque;
} ForeachRecursive;

static int foreach_recursive_cb(Object *child, void *opaque)
{
    ForeachRecursive *fr = opaque;
    int ret = fr->fn(child, fr->opaque);

    return ret ? ret : object_child_foreach(child, foreach_recursive_cb, fr);
}

int object_child_foreach_recursive(Object *obj,
                                   int (*fn)(Object *child, void *opaque),
                                   void *opaque)
{
    ForeachRecursive fr = { .fn = fn, .opaque = opaque };

    return object_child_foreach(obj, foreach_recursive_cb, &fr);
}

/* Links */

typedef struct LinkProperty {
    Object **targetp;       /* instance variant */
    size_t offset;          /* class variant */
    bool is_class;
    ObjectLinkCheck *check;
    ObjectPropertyLinkFlags flags;
    char *target_type;
} LinkProperty;

static Object **link_slot(Object *obj, LinkProperty *lp)
{
    return lp->is_class ? (Object **)((char *)obj + lp->offset)
                        : lp->targetp;
}

bool object_property_allow_set_link(const Object *obj, const char *name,
                                    Object *val, Error **errp)
{
    return true;
}

static JsonNode *link_get(Object *obj, ObjectProperty *prop, Error **errp)
{
    Object *target = *link_slot(obj, prop->opaque);
    char *path = target ? object_get_canonical_path(target) : NULL;
    JsonNode *node = string_node(path);

    g_free(path);
    return node;
}

static Object *link_resolve_target(const char *name, const char *path,
                                   const char *target_type, Error **errp)
{
    bool ambiguous = false;
    Object *target;

    target = object_resolve_path_type(path, target_type, &ambiguous);
    if (ambiguous) {
        error_setg(errp, "Path '%s' does not uniquely identify an object",
                   path);
        return NULL;
    }
    if (!target) {
        target = object_resolve_path(path, &ambiguous);
        if (target || ambiguous) {
            error_setg(errp, "Invalid parameter type for '%s', expected: %s",
                       name, target_type);
        } else {
            error_set(errp, ERROR_CLASS_DEVICE_NOT_FOUND,
                      "Device '%s' not found", path);
        }
        return NULL;
    }
    return target;
}

static bool link_store_checked(Object *obj, ObjectProperty *prop,
                               Object *target, Error **errp)
{
    LinkProperty *lp = prop->opaque;

    if (lp->check && !lp->check(obj, prop->name, target, errp)) {
        return false;
    }
    link_store(obj, link_slot(obj, lp), target,
               !(lp->flags & OBJ_PROP_LINK_WEAK));
    return true;
}

static bool link_set(Object *obj, ObjectProperty *prop, JsonNode *value,
                     Error **errp)
{
    LinkProperty *lp = prop->opaque;
    Object *target = NULL;
    const char *path;

    if (!qinput_str(value, prop->name, &path, errp)) {
        return false;
    }
    if (*path) {
        target = link_resolve_target(prop->name, path, lp->target_type,
                                     errp);
        if (!target) {
            return false;
        }
    }
    return link_store_checked(obj, prop, target, errp);
}

static Object *link_resolve(Object *obj, ObjectProperty *prop,
                            const char *part)
{
    return *link_slot(obj, prop->opaque);
}

static void link_release(Object *obj, const char *name, void *opaque)
{
    LinkProperty *lp = opaque;

    link_store(obj, link_slot(obj, lp), NULL, false);
    if (!lp->is_class) {
        g_free(lp->target_type);
        g_free(lp);
    }
}

static ObjectProperty *link_property_add(Object *obj, ObjectClass *klass,
                                         const char *name, const char *type,
                                         LinkProperty *lp)
{
    char *full_type = g_strdup_printf("link<%s>", type);
    ObjectProperty *prop;

    lp->target_type = g_strdup(type);
    if (klass) {
        prop = object_class_property_add(klass, name, full_type, link_get,
                                         link_set, link_release, lp);
    } else {
        prop = object_property_add(obj, name, full_type, link_get, link_set,
                                   link_release, lp);
    }
    prop->resolve = link_resolve;
    g_free(full_type);
    return prop;
}

ObjectProperty *object_property_add_link(Object *obj, const char *name,
                                         const char *type, Object **targetp,
                                         ObjectLinkCheck *check,
                                         ObjectPropertyLinkFlags flags)
{
    LinkProperty *lp = g_new0(LinkProperty, 1);

    lp->targetp = targetp;
    lp->check = check;
    lp->flags = flags;
    return link_property_add(obj, NULL, name, type, lp);
}

ObjectProperty *object_class_property_add_link(ObjectClass *klass,
                                               const char *name,
                                               const char *type,
                                               size_t offset,
                                               ObjectLinkCheck *check,
                                               ObjectPropertyLinkFlags flags)
{
    LinkProperty *lp = g_new0(LinkProperty, 1);

    lp->offset = offset;
    lp->is_class = true;
    lp->check = check;
    lp->flags = flags;
    return link_property_add(NULL, klass, name, type, lp);
}

bool object_property_set_link(Object *obj, const char *name, Object *value,
                              Error **errp)
{
    ObjectProperty *prop = property_find_writable(obj, name, errp);
    LinkProperty *lp;

    if (!prop) {
        return false;
    }
    if (prop->set != link_set) {
        char *path = value ? object_get_canonical_path(value) : NULL;
        bool ok = object_property_set_str(obj, name, path ? path : "",
                                          errp);

        g_free(path);
        return ok;
    }
    lp = prop->opaque;
    if (value && !object_dynamic_cast(value, lp->target_type)) {
        error_setg(errp, "Invalid parameter type for '%s', expected: %s",
                   name, lp->target_type);
        return false;
    }
    return link_store_checked(obj, prop, value, errp);
}

Object *object_property_get_link(Object *obj, const char *name,
                                 Error **errp)
{
    ObjectProperty *prop = object_property_find_err(obj, name, errp);
    char *path;
    Object *target;

    if (!prop) {
        return NULL;
    }
    if (prop->resolve) {
        return prop->resolve(obj, prop, name);
    }
    path = object_property_get_str(obj, name, errp);
    if (!path) {
        return NULL;
    }
    target = *path ? object_resolve_path(path, NULL) : NULL;
    g_free(path);
    return target;
}

/* Paths */

Object *object_get_root(void)
{
    static Object *root;

    if (!root) {
        root = object_new(TYPE_CONTAINER);
    }
    return root;
}

Object *object_get_objects_root(void)
{
    return container_get(object_get_root(), "/objects");
}

char *object_get_canonical_path_component(const Object *obj)
{
    PropTable *t;
    guint i;

    if (!obj->parent) {
        return NULL;
    }
    t = obj->parent->properties;
    for (i = 0; i < t->list->len; i++) {
        ObjectProperty *prop = t->list->pdata[i];

        if (object_property_is_child(prop) && prop->opaque == obj) {
            return g_strdup(prop->name);
        }
    }
    g_assert_not_reached();
}

char *object_get_canonical_path(const Object *obj)
{
    Object *root = object_get_root();
    GString *path;

    if (obj == root) {
        return g_strdup("/");
    }
    path = g_string_new(NULL);
    while (obj != root) {
        char *component = object_get_canonical_path_component(obj);

        if (!component) {
            /* Not in the tree: there is no canonical path. */
            g_string_free(path, true);
            return NULL;
        }
        g_string_prepend(path, component);
        g_string_prepend_c(path, '/');
        g_free(component);
        obj = obj->parent;
    }
    return g_string_free(path, false);
}

Object *object_resolve_path_component(Object *parent, const char *part)
{
    ObjectProperty *prop = object_property_find(parent, part);

    if (!prop || !prop->resolve) {
        return NULL;
    }
    return prop->resolve(parent, prop, part);
}

static Object *resolve_abs(Object *parent, char **parts,
                           const char *typename)
{
    for (; parent && *parts; parts++) {
        if (**parts) {
            parent = object_resolve_path_component(parent, *parts);
        }
    }
    return object_dynamic_cast(parent, typename);
}

/*
 * Follow @parts from @parent and from every object below it.  Two routes
 * to the same object (a child and a link to it) are one match.
 */
static Object *resolve_partial(Object *parent, char **parts,
                               const char *typename, bool *ambiguous)
{
    Object *obj = resolve_abs(parent, parts, typename);
    PropTable *t = parent->properties;
    guint i;

    for (i = 0; i < t->list->len; i++) {
        ObjectProperty *prop = t->list->pdata[i];
        Object *found;

        if (!object_property_is_child(prop)) {
            continue;
        }
        found = resolve_partial(prop->opaque, parts, typename, ambiguous);
        if (*ambiguous) {
            return NULL;
        }
        if (found) {
            if (obj && obj != found) {
                *ambiguous = true;
                return NULL;
            }
            obj = found;
        }
    }
    return obj;
}

Object *object_resolve_path_type(const char *path, const char *typename,
                                 bool *ambiguous)
{
    bool ambig = false;
    Object *obj = NULL;
    char **parts;

    if (ambiguous) {
        *ambiguous = false;
    }
    if (!path || !*path) {
        return NULL;
    }
    parts = g_strsplit(path, "/", 0);
    if (path[0] == '/') {
        obj = resolve_abs(object_get_root(), parts + 1, typename);
    } else {
        obj = resolve_partial(object_get_root(), parts, typename, &ambig);
        if (ambiguous) {
            *ambiguous = ambig;
        }
    }
    g_strfreev(parts);
    return obj;
}

Object *object_resolve_path(const char *path, bool *ambiguous)
{
    return object_resolve_path_type(path, TYPE_OBJECT, ambiguous);
}

Object *object_resolve_path_at(Object *parent, const char *path)
{
    char **parts = g_strsplit(path, "/", 0);
    Object *obj;

    if (path[0] == '/') {
        obj = resolve_abs(object_get_root(), parts + 1, TYPE_OBJECT);
    } else {
        obj = resolve_abs(parent, parts, TYPE_OBJECT);
    }
    g_strfreev(parts);
    return obj;
}

/* Help text */

char *object_property_help(const char *name, const char *type,
                           JsonNode *defval, const char *description)
{
    GString *str = g_string_new(NULL);

    g_string_append_printf(str, "  %s=<%s>", name, type);
    if (description || defval) {
        while (str->len < 24) {
            g_string_append_c(str, ' ');
        }
        g_string_append(str, " - ");
    }
    if (description) {
        g_string_append(str, description);
    }
    if (defval) {
        char *json;

        /*
         * Unsigned values above INT64_MAX are stored as their 64 bits in
         * an int node: print those unsigned for the unsigned types.
         */
        if ((g_str_has_prefix(type, "uint") || !strcmp(type, "size")) &&
            JSON_NODE_HOLDS_VALUE(defval) &&
            json_node_get_value_type(defval) == G_TYPE_INT64 &&
            json_node_get_int(defval) < 0) {
            json = g_strdup_printf("%" PRIu64,
                                   (uint64_t)json_node_get_int(defval));
        } else {
            json = qjson_to_string(defval, false);
        }
        g_string_append_printf(str, " (default: %s)", json);
        g_free(json);
    }
    return g_string_free(str, false);
}

static gint pstrcmp(gconstpointer a, gconstpointer b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

char *object_class_property_help_text(ObjectClass *klass, const char *name)
{
    return object_class_property_help_text_filtered(klass, name, NULL);
}

char *object_class_property_help_text_filtered(ObjectClass *klass,
                                               const char *name,
                                               bool (*skip)(ObjectProperty *))
{
    GPtrArray *lines = g_ptr_array_new_with_free_func(g_free);
    ObjectPropertyIterator iter;
    ObjectProperty *prop;
    GString *out = g_string_new(NULL);
    guint i;

    object_class_property_iter_init(&iter, klass);
    while ((prop = object_property_iter_next(&iter))) {
        if (!prop->set || (skip && skip(prop))) {
            continue;
        }
        g_ptr_array_add(lines, object_property_help(prop->name, prop->type,
                                                    prop->defval,
                                                    prop->description));
    }
    g_ptr_array_sort(lines, pstrcmp);
    if (lines->len) {
        g_string_append_printf(out, "%s options:\n", name);
    } else {
        g_string_append_printf(out, "There are no options for %s.\n", name);
    }
    for (i = 0; i < lines->len; i++) {
        g_string_append_printf(out, "%s\n", (char *)lines->pdata[i]);
    }
    g_ptr_array_free(lines, true);
    return g_string_free(out, false);
}

void object_class_print_properties_help(FILE *out, ObjectClass *klass)
{
    char *text = object_class_property_help_text(
        klass, object_class_get_name(klass));

    fputs(text, out);
    fflush(out);
    g_free(text);
}
