/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * QOM types: registration, class construction, inheritance, interfaces,
 * casts, instance life cycle and reference counting.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qom/object.h"

/* Every callback appends "what:type " here, so tests can check order. */
static GString *events;

static void log_event(const char *what, const char *type)
{
    g_string_append_printf(events, "%s:%s ", what, type);
}

static char *take_events(void)
{
    char *s = g_strdup(g_strstrip(events->str));

    g_string_truncate(events, 0);
    return s;
}

/*
 * animal (abstract) <- dog <- puppy, animal <- cat.  dog implements the
 * "barker" and "walker" interfaces; puppy overrides barker's method.
 */
#define TYPE_ANIMAL "animal"
#define TYPE_DOG "dog"
#define TYPE_PUPPY "puppy"
#define TYPE_CAT "cat"
#define TYPE_BARKER "barker"
#define TYPE_WALKER "walker"

typedef struct Animal {
    Object parent_obj;
    int legs;
} Animal;

typedef struct AnimalClass {
    ObjectClass parent_class;
    const char *sound;
    int base_inits;
} AnimalClass;

typedef struct Dog {
    Animal parent_obj;
    int tail;
} Dog;

typedef struct BarkerClass {
    InterfaceClass parent_class;
    const char *(*bark)(Object *obj);
} BarkerClass;

typedef struct WalkerClass {
    InterfaceClass parent_class;
    int (*walk)(Object *obj);
} WalkerClass;

#define ANIMAL_CLASS(k) OBJECT_CLASS_CHECK(AnimalClass, (k), TYPE_ANIMAL)
#define ANIMAL_GET_CLASS(o) OBJECT_GET_CLASS(AnimalClass, (o), TYPE_ANIMAL)
#define DOG(o) OBJECT_CHECK(Dog, (o), TYPE_DOG)
#define BARKER_CLASS(k) OBJECT_CLASS_CHECK(BarkerClass, (k), TYPE_BARKER)
#define BARKER_GET_CLASS(o) OBJECT_GET_CLASS(BarkerClass, (o), TYPE_BARKER)
#define WALKER_GET_CLASS(o) OBJECT_GET_CLASS(WalkerClass, (o), TYPE_WALKER)
#define WALKER_CLASS(k) OBJECT_CLASS_CHECK(WalkerClass, (k), TYPE_WALKER)

static void animal_init(Object *obj)
{
    log_event("init", TYPE_ANIMAL);
    ((Animal *)obj)->legs = 4;
}

static void animal_post_init(Object *obj)
{
    log_event("post", TYPE_ANIMAL);
}

static void animal_finalize(Object *obj)
{
    log_event("fin", TYPE_ANIMAL);
}

static void animal_class_base_init(ObjectClass *oc, void *data)
{
    /* Runs for every descendant class, before its class_init. */
    ANIMAL_CLASS(oc)->base_inits++;
    log_event("base", object_class_get_name(oc));
}

static void animal_class_init(ObjectClass *oc, void *data)
{
    ANIMAL_CLASS(oc)->sound = "...";
    log_event("class", object_class_get_name(oc));
}

static void dog_init(Object *obj)
{
    log_event("init", TYPE_DOG);
    DOG(obj)->tail = 1;
}

static void dog_post_init(Object *obj)
{
    log_event("post", TYPE_DOG);
}

static void dog_finalize(Object *obj)
{
    log_event("fin", TYPE_DOG);
}

static const char *dog_bark(Object *obj)
{
    return "woof";
}

static const char *puppy_bark(Object *obj)
{
    return "yip";
}

static int dog_walk(Object *obj)
{
    return ((Animal *)obj)->legs;
}

static void dog_class_init(ObjectClass *oc, void *data)
{
    ANIMAL_CLASS(oc)->sound = data;
    BARKER_CLASS(oc)->bark = dog_bark;
    WALKER_CLASS(oc)->walk = dog_walk;
    log_event("class", object_class_get_name(oc));
}

static void puppy_init(Object *obj)
{
    log_event("init", TYPE_PUPPY);
}

static void puppy_finalize(Object *obj)
{
    log_event("fin", TYPE_PUPPY);
}

static void puppy_class_init(ObjectClass *oc, void *data)
{
    BARKER_CLASS(oc)->bark = puppy_bark;
    log_event("class", object_class_get_name(oc));
}

static const TypeInfo test_types[] = {
    {
        .name = TYPE_BARKER,
        .parent = TYPE_INTERFACE,
        .class_size = sizeof(BarkerClass),
    }, {
        .name = TYPE_WALKER,
        .parent = TYPE_INTERFACE,
        .class_size = sizeof(WalkerClass),
    }, {
        .name = TYPE_ANIMAL,
        .parent = TYPE_OBJECT,
        .abstract = true,
        .instance_size = sizeof(Animal),
        .instance_init = animal_init,
        .instance_post_init = animal_post_init,
        .instance_finalize = animal_finalize,
        .class_size = sizeof(AnimalClass),
        .class_init = animal_class_init,
        .class_base_init = animal_class_base_init,
    }, {
        .name = TYPE_DOG,
        .parent = TYPE_ANIMAL,
        .instance_size = sizeof(Dog),
        .instance_init = dog_init,
        .instance_post_init = dog_post_init,
        .instance_finalize = dog_finalize,
        .class_init = dog_class_init,
        .class_data = (void *)"woof woof",
        .interfaces = (const InterfaceInfo[]) {
            { TYPE_BARKER },
            { TYPE_WALKER },
            { }
        },
    }, {
        .name = TYPE_PUPPY,
        .parent = TYPE_DOG,
        .instance_init = puppy_init,
        .instance_finalize = puppy_finalize,
        .class_init = puppy_class_init,
    }, {
        .name = TYPE_CAT,
        .parent = TYPE_ANIMAL,
    },
};

DEFINE_TYPES(test_types)

/* A type declared and defined with the one-line helpers. */
#define TYPE_KENNEL "kennel"
OBJECT_DECLARE_TYPE(Kennel, KennelClass, KENNEL)

struct Kennel {
    Object parent_obj;
    Dog dog;            /* an embedded child */
};

struct KennelClass {
    ObjectClass parent_class;
    int capacity;
};

OBJECT_DEFINE_TYPE(Kennel, kennel, KENNEL, OBJECT)

static void kennel_init(Object *obj)
{
    log_event("init", TYPE_KENNEL);
    object_initialize_child(obj, "dog", &KENNEL(obj)->dog, sizeof(Dog),
                            TYPE_DOG);
}

static void kennel_finalize(Object *obj)
{
    log_event("fin", TYPE_KENNEL);
}

static void kennel_class_init(ObjectClass *oc, void *data)
{
    KENNEL_CLASS(oc)->capacity = 3;
}

/* Counts how often a type_init function ran. */
static int module_runs;

static void count_module_runs(void)
{
    module_runs++;
}

type_init(count_module_runs)

static void test_register(void)
{
    ObjectClass *dog = object_class_by_name(TYPE_DOG);
    ObjectClass *animal = object_class_by_name(TYPE_ANIMAL);

    g_assert_nonnull(dog);
    g_assert_cmpstr(object_class_get_name(dog), ==, "dog");
    g_assert_true(object_class_get_parent(dog) == animal);
    g_assert_cmpstr(object_class_get_name(object_class_get_parent(animal)),
                    ==, TYPE_OBJECT);
    g_assert_null(object_class_get_parent(object_class_by_name(TYPE_OBJECT)));
    g_assert_true(object_class_is_abstract(animal));
    g_assert_false(object_class_is_abstract(dog));
    g_assert_true(object_class_is_abstract(object_class_by_name(TYPE_BARKER)));
    g_assert_null(object_class_by_name("nosuch"));
}

static void test_module_init_idempotent(void)
{
    module_call_init(MODULE_INIT_QOM);
    module_call_init(MODULE_INIT_QOM);
    g_assert_cmpint(module_runs, ==, 1);
}

static void test_register_duplicate(void)
{
    if (g_test_subprocess()) {
        static const TypeInfo dup = { .name = TYPE_DOG,
                                      .parent = TYPE_OBJECT };

        type_register_static(&dup);
        return;
    }
    g_test_trap_subprocess(NULL, 0, 0);
    g_test_trap_assert_failed();
    g_test_trap_assert_stderr("*Registering `dog' which already exists*");
}

static void test_class_inheritance(void)
{
    AnimalClass *dog = ANIMAL_CLASS(object_class_by_name(TYPE_DOG));
    AnimalClass *puppy = ANIMAL_CLASS(object_class_by_name(TYPE_PUPPY));
    AnimalClass *cat = ANIMAL_CLASS(object_class_by_name(TYPE_CAT));

    /* class_data reaches class_init; the copy carries it to puppy. */
    g_assert_cmpstr(dog->sound, ==, "woof woof");
    g_assert_cmpstr(puppy->sound, ==, "woof woof");
    g_assert_cmpstr(cat->sound, ==, "...");
    /*
     * base_inits is copied from the parent, then incremented once by
     * animal's class_base_init for each class: animal 0, dog 1, puppy 2.
     */
    g_assert_cmpint(ANIMAL_CLASS(object_class_by_name(TYPE_ANIMAL))
                    ->base_inits, ==, 0);
    g_assert_cmpint(dog->base_inits, ==, 1);
    g_assert_cmpint(puppy->base_inits, ==, 2);
}

static void test_class_init_order(void)
{
    char *log;

    /*
     * late-dog (registered by main()) gets its class built on first use:
     * it copies dog's class, so no class_init but its own runs (it has
     * none); animal's class_base_init runs for it.
     */
    object_class_by_name(TYPE_DOG);
    g_string_truncate(events, 0);
    object_class_by_name("late-dog");
    log = take_events();
    g_assert_cmpstr(log, ==, "base:late-dog");
    g_free(log);
    g_assert_cmpstr(ANIMAL_CLASS(object_class_by_name("late-dog"))->sound,
                    ==, "woof woof");
}

static void test_instance_order(void)
{
    Object *obj;
    char *log;

    g_string_truncate(events, 0);
    obj = object_new(TYPE_PUPPY);
    log = take_events();
    g_assert_cmpstr(log, ==, "init:animal init:dog init:puppy "
                    "post:dog post:animal");
    g_free(log);
    g_assert_cmpint(((Animal *)obj)->legs, ==, 4);
    g_assert_cmpint(DOG(obj)->tail, ==, 1);
    g_assert_cmpstr(object_get_typename(obj), ==, TYPE_PUPPY);

    object_unref(obj);
    log = take_events();
    g_assert_cmpstr(log, ==, "fin:puppy fin:dog fin:animal");
    g_free(log);
}

static void test_refcount(void)
{
    Object *obj = object_new(TYPE_CAT);
    char *log;

    g_string_truncate(events, 0);
    g_assert_true(object_ref(obj) == obj);
    g_assert_true(object_ref(obj) == obj);
    object_unref(obj);
    object_unref(obj);
    g_assert_cmpstr(events->str, ==, "");
    object_unref(obj);
    log = take_events();
    g_assert_cmpstr(log, ==, "fin:animal");
    g_free(log);
    /* NULL is ignored. */
    object_unref(NULL);
    g_assert_null(object_ref(NULL));
}

static void test_embedded_child(void)
{
    Object *obj;
    Kennel *k;
    char *log;

    g_string_truncate(events, 0);
    obj = object_new(TYPE_KENNEL);
    k = KENNEL(obj);
    log = take_events();
    g_assert_cmpstr(log, ==, "init:kennel init:animal init:dog "
                    "post:dog post:animal");
    g_free(log);
    g_assert_cmpint(KENNEL_GET_CLASS(obj)->capacity, ==, 3);
    g_assert_true(object_get_parent(OBJECT(&k->dog)) == obj);
    g_assert_true(object_resolve_path_component(obj, "dog") ==
                  OBJECT(&k->dog));
    g_assert_cmpstr(object_property_get_type(obj, "dog", &error_abort), ==,
                    "child<dog>");

    /* The embedded child goes first (its property is released), then us. */
    object_unref(obj);
    log = take_events();
    g_assert_cmpstr(log, ==, "fin:dog fin:animal fin:kennel");
    g_free(log);
}

static void test_unparent_finalizes(void)
{
    Object *parent = object_new(TYPE_CAT);
    Object *child = object_new(TYPE_DOG);
    char *log;

    object_property_add_child(parent, "pet", child);
    object_unref(child);        /* the parent holds the only reference */
    g_string_truncate(events, 0);
    object_unparent(child);
    log = take_events();
    g_assert_cmpstr(log, ==, "fin:dog fin:animal");
    g_free(log);
    g_assert_null(object_property_find(parent, "pet"));
    object_unref(parent);
    g_string_truncate(events, 0);
}

static void test_abstract(void)
{
    Error *err = NULL;
    Object *obj;

    obj = object_new_checked(TYPE_ANIMAL, &err);
    g_assert_null(obj);
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "object type 'animal' is abstract");
    error_free(err);
    err = NULL;

    obj = object_new_checked("nosuch", &err);
    g_assert_null(obj);
    g_assert_cmpstr(error_get_pretty(err), ==, "invalid object type: nosuch");
    error_free(err);

    obj = object_new_checked(TYPE_CAT, &error_abort);
    g_assert_cmpstr(object_get_typename(obj), ==, TYPE_CAT);
    object_unref(obj);
    g_string_truncate(events, 0);
}

static void test_abstract_new_aborts(void)
{
    if (g_test_subprocess()) {
        object_new(TYPE_ANIMAL);
        return;
    }
    g_test_trap_subprocess(NULL, 0, 0);
    g_test_trap_assert_failed();
    g_test_trap_assert_stderr("*object type 'animal' is abstract*");
}

static void test_interfaces(void)
{
    Object *dog = object_new(TYPE_DOG);
    Object *puppy = object_new(TYPE_PUPPY);
    Object *cat = object_new(TYPE_CAT);
    ObjectClass *dog_class = object_class_by_name(TYPE_DOG);
    ObjectClass *barker = object_class_dynamic_cast(dog_class, TYPE_BARKER);
    ObjectClass *walker = object_class_dynamic_cast(dog_class, TYPE_WALKER);

    /* The class cast yields the interface class built for dog. */
    g_assert_nonnull(barker);
    g_assert_nonnull(walker);
    g_assert_true(barker != dog_class);
    g_assert_true(object_class_get_concrete(barker) == dog_class);
    g_assert_nonnull(object_class_dynamic_cast(barker, TYPE_INTERFACE));
    g_assert_cmpstr(BARKER_GET_CLASS(dog)->bark(dog), ==, "woof");
    g_assert_cmpint(WALKER_GET_CLASS(dog)->walk(dog), ==, 4);

    /* Inherited by puppy, which overrides one method. */
    g_assert_cmpstr(BARKER_GET_CLASS(puppy)->bark(puppy), ==, "yip");
    g_assert_cmpint(WALKER_GET_CLASS(puppy)->walk(puppy), ==, 4);
    g_assert_true(object_dynamic_cast(puppy, TYPE_WALKER) == puppy);

    /* An instance cast to an interface gives the object itself. */
    g_assert_true(object_dynamic_cast(dog, TYPE_BARKER) == dog);
    g_assert_null(object_dynamic_cast(cat, TYPE_BARKER));
    g_assert_null(object_class_dynamic_cast(object_get_class(cat),
                                            TYPE_WALKER));

    /* Ordinary casts. */
    g_assert_true(object_dynamic_cast(puppy, TYPE_ANIMAL) == puppy);
    g_assert_true(object_dynamic_cast(puppy, TYPE_OBJECT) == puppy);
    g_assert_null(object_dynamic_cast(dog, TYPE_PUPPY));
    g_assert_null(object_dynamic_cast(dog, "nosuch"));
    g_assert_null(object_dynamic_cast(NULL, TYPE_DOG));
    g_assert_true(OBJECT_CHECK(Dog, puppy, TYPE_DOG) == (Dog *)puppy);
    g_assert_null(OBJECT_CHECK(Dog, NULL, TYPE_DOG));

    object_unref(dog);
    object_unref(puppy);
    object_unref(cat);
    g_string_truncate(events, 0);
}

static void test_cast_fail(void)
{
    if (g_test_subprocess()) {
        Object *cat = object_new(TYPE_CAT);

        DOG(cat);
        return;
    }
    g_test_trap_subprocess(NULL, 0, 0);
    g_test_trap_assert_failed();
    g_test_trap_assert_stderr("*test-qom-types.c:*:test_cast_fail: Object 0x* "
                              "is not an instance of type dog "
                              "(its type is cat)*");
}

static void test_class_cast_fail(void)
{
    if (g_test_subprocess()) {
        Object *cat = object_new(TYPE_CAT);

        BARKER_GET_CLASS(cat);
        return;
    }
    g_test_trap_subprocess(NULL, 0, 0);
    g_test_trap_assert_failed();
    g_test_trap_assert_stderr("*test_class_cast_fail: Object 0x* is not an "
                              "instance of type barker (its type is cat)*");
}

static void test_declared_cast_fail(void)
{
    if (g_test_subprocess()) {
        Object *cat = object_new(TYPE_CAT);

        KENNEL(cat);
        return;
    }
    g_test_trap_subprocess(NULL, 0, 0);
    g_test_trap_assert_failed();
    g_test_trap_assert_stderr("*: Object 0x* is not an instance of type "
                              "kennel (its type is cat)*");
}

static char *class_names(GSList *list)
{
    GString *s = g_string_new(NULL);
    GSList *l;

    for (l = list; l; l = l->next) {
        g_string_append_printf(s, "%s%s", s->len ? " " : "",
                               object_class_get_name(l->data));
    }
    g_slist_free(list);
    return g_string_free(s, false);
}

static void test_class_list(void)
{
    char *names;

    names = class_names(object_class_get_list_sorted(TYPE_ANIMAL, false));
    g_assert_cmpstr(names, ==, "cat dog late-dog puppy");
    g_free(names);
    names = class_names(object_class_get_list_sorted(TYPE_ANIMAL, true));
    g_assert_cmpstr(names, ==, "animal cat dog late-dog puppy");
    g_free(names);
    names = class_names(object_class_get_list_sorted(TYPE_WALKER, false));
    g_assert_cmpstr(names, ==, "dog late-dog puppy");
    g_free(names);
    names = class_names(object_class_get_list_sorted("nosuch", true));
    g_assert_cmpstr(names, ==, "");
    g_free(names);
    /* Everything: includes the roots and the container type. */
    names = class_names(object_class_get_list_sorted(NULL, true));
    g_assert_nonnull(strstr(names, "container"));
    g_assert_nonnull(strstr(names, "interface"));
    g_assert_null(strstr(names, "::"));
    g_free(names);
}

int main(int argc, char **argv)
{
    static const TypeInfo late = {
        .name = "late-dog",
        .parent = TYPE_DOG,
    };
    int ret;

    events = g_string_new(NULL);
    g_test_init(&argc, &argv, NULL);
    type_register_static(&late);
    g_test_add_func("/qom/types/register", test_register);
    g_test_add_func("/qom/types/module-init", test_module_init_idempotent);
    g_test_add_func("/qom/types/register-duplicate",
                    test_register_duplicate);
    g_test_add_func("/qom/types/class-inheritance", test_class_inheritance);
    g_test_add_func("/qom/types/class-init-order", test_class_init_order);
    g_test_add_func("/qom/types/instance-order", test_instance_order);
    g_test_add_func("/qom/types/refcount", test_refcount);
    g_test_add_func("/qom/types/embedded-child", test_embedded_child);
    g_test_add_func("/qom/types/unparent", test_unparent_finalizes);
    g_test_add_func("/qom/types/abstract", test_abstract);
    g_test_add_func("/qom/types/abstract-new-aborts",
                    test_abstract_new_aborts);
    g_test_add_func("/qom/types/interfaces", test_interfaces);
    g_test_add_func("/qom/types/cast-fail", test_cast_fail);
    g_test_add_func("/qom/types/class-cast-fail", test_class_cast_fail);
    g_test_add_func("/qom/types/declared-cast-fail",
                    test_declared_cast_fail);
    g_test_add_func("/qom/types/class-list", test_class_list);
    ret = g_test_run();
    g_string_free(events, true);
    return ret;
}
