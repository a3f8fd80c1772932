/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * User-creatable objects: object-add/-object creation from strict JSON
 * and from strings, deletion, every error text, and the help output.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qobject/json.h"
#include "qom/object_interfaces.h"

#define TYPE_UC_THING "uc-thing"
#define TYPE_UC_ABSTRACT "uc-abstract"
#define TYPE_PLAIN "plain-thing"

typedef struct UcThing {
    Object parent_obj;
    uint64_t size;
    bool fail;
    bool busy;
    bool completed;
} UcThing;

#define UC_THING(obj) OBJECT_CHECK(UcThing, (obj), TYPE_UC_THING)

static int finalized;

static void uc_thing_complete(UserCreatable *uc, Error **errp)
{
    UcThing *t = UC_THING(uc);

    if (t->fail) {
        error_setg(errp, "thing refused to complete");
        return;
    }
    t->completed = true;
}

static bool uc_thing_can_be_deleted(UserCreatable *uc)
{
    return !UC_THING(uc)->busy;
}

static void uc_thing_finalize(Object *obj)
{
    finalized++;
}

static void uc_thing_class_init(ObjectClass *oc, void *data)
{
    UserCreatableClass *ucc = USER_CREATABLE_CLASS(oc);
    ObjectProperty *prop;

    ucc->complete = uc_thing_complete;
    ucc->can_be_deleted = uc_thing_can_be_deleted;
    prop = object_class_property_add_field(oc, "size", NULL, OBJ_FIELD_SIZE,
                                           offsetof(UcThing, size), NULL,
                                           OBJ_PROP_FLAG_READWRITE);
    object_property_set_description(prop,
                                    "Size of the memory region (ex: 500M)");
    object_class_property_add_field(oc, "fail", NULL, OBJ_FIELD_BOOL,
                                    offsetof(UcThing, fail), NULL,
                                    OBJ_PROP_FLAG_READWRITE);
    object_class_property_add_field(oc, "busy", NULL, OBJ_FIELD_BOOL,
                                    offsetof(UcThing, busy), NULL,
                                    OBJ_PROP_FLAG_READWRITE);
}

static const TypeInfo uc_types[] = {
    {
        .name = TYPE_UC_ABSTRACT,
        .parent = TYPE_OBJECT,
        .abstract = true,
        .instance_size = sizeof(UcThing),
        .interfaces = (const InterfaceInfo[]) {
            { TYPE_USER_CREATABLE },
            { }
        },
    }, {
        .name = TYPE_UC_THING,
        .parent = TYPE_UC_ABSTRACT,
        .instance_finalize = uc_thing_finalize,
        .class_init = uc_thing_class_init,
    }, {
        .name = TYPE_PLAIN,
        .parent = TYPE_OBJECT,
    },
};

DEFINE_TYPES(uc_types)

static void assert_error(Error *err, const char *msg)
{
    g_assert_nonnull(err);
    g_assert_cmpstr(error_get_pretty(err), ==, msg);
    error_free(err);
}

static Object *lookup(const char *id)
{
    return object_resolve_path_component(object_get_objects_root(), id);
}

/* Create from JSON text; returns the error or NULL. */
static Error *add(const char *type, const char *id, const char *props,
                  bool strings)
{
    JsonNode *node = qjson_parse(props, &error_abort);
    Error *err = NULL;
    Object *obj;

    obj = user_creatable_add_type(type, id, json_node_get_object(node),
                                  strings, &err);
    g_assert_true(!obj == !!err);
    /* With an id, the tree owns the object. */
    g_assert_true(!obj || obj == lookup(id));
    json_node_unref(node);
    return err;
}

static void test_add_strict(void)
{
    Object *obj;

    g_assert_null(add(TYPE_UC_THING, "m0", "{\"size\": 4096}", false));
    obj = lookup("m0");
    g_assert_nonnull(obj);
    g_assert_cmpuint(UC_THING(obj)->size, ==, 4096);
    g_assert_true(UC_THING(obj)->completed);
    g_assert_true(object_resolve_path("/objects/m0", NULL) == obj);

    /* Strict: a string is not a size. */
    assert_error(add(TYPE_UC_THING, "m1", "{\"size\": \"16K\"}", false),
                 "Parameter 'size' expects uint64");
    g_assert_null(lookup("m1"));

    finalized = 0;
    g_assert_true(user_creatable_del("m0", &error_abort));
    g_assert_null(lookup("m0"));
    g_assert_cmpint(finalized, ==, 1);
}

static void test_add_strings(void)
{
    Object *obj;

    g_assert_null(add(TYPE_UC_THING, "s0",
                      "{\"size\": \"16K\", \"busy\": \"off\"}", true));
    obj = lookup("s0");
    g_assert_cmpuint(UC_THING(obj)->size, ==, 16384);
    assert_error(add(TYPE_UC_THING, "s1", "{\"size\": \"2x\"}", true),
                 "Parameter 'size' expects a size value");
    assert_error(add(TYPE_UC_THING, "s1", "{\"busy\": \"maybe\"}", true),
                 "Parameter 'busy' expects 'on' or 'off'");
    g_assert_true(user_creatable_del("s0", &error_abort));
}

static void test_add_errors(void)
{
    Error *err = NULL;

    err = add(TYPE_UC_THING, "1bad", "{}", true);
    g_assert_cmpstr(error_get_hint(err), ==, "Identifiers consist of "
                    "letters, digits, '-', '.', '_', starting with a "
                    "letter.\n");
    assert_error(err, "Parameter 'id' expects an identifier");
    assert_error(add(TYPE_UC_THING, "k1,x", "{}", true),
                 "Parameter 'id' expects an identifier");
    assert_error(add("nosuch", "x", "{}", true),
                 "invalid object type: nosuch");
    assert_error(add(TYPE_PLAIN, "x", "{}", true),
                 "object type 'plain-thing' isn't supported by object-add");
    assert_error(add(TYPE_UC_ABSTRACT, "x", "{}", true),
                 "object type 'uc-abstract' is abstract");
    assert_error(add(TYPE_UC_THING, "x", "{\"bogus\": \"1\"}", true),
                 "Property 'uc-thing.bogus' not found");
    assert_error(add(TYPE_UC_THING, "x", "{\"type\": \"1\"}", true),
                 "Property 'uc-thing.type' is not writable");

    finalized = 0;
    assert_error(add(TYPE_UC_THING, "x", "{\"fail\": true}", false),
                 "thing refused to complete");
    g_assert_null(lookup("x"));
    g_assert_cmpint(finalized, ==, 1);

    g_assert_null(add(TYPE_UC_THING, "dup", "{}", true));
    assert_error(add(TYPE_UC_THING, "dup", "{}", true),
                 "attempt to add duplicate property 'dup' to object "
                 "(type 'container')");
    g_assert_true(user_creatable_del("dup", &error_abort));
}

static void test_del(void)
{
    Error *err = NULL;

    g_assert_false(user_creatable_del("nosuch", &err));
    assert_error(err, "object 'nosuch' not found");
    err = NULL;

    g_assert_null(add(TYPE_UC_THING, "busy0", "{\"busy\": true}", false));
    g_assert_false(user_creatable_del("busy0", &err));
    assert_error(err, "object 'busy0' is in use, can not be deleted");
    g_assert_nonnull(lookup("busy0"));
    UC_THING(lookup("busy0"))->busy = false;
    finalized = 0;
    g_assert_true(user_creatable_del("busy0", &error_abort));
    g_assert_cmpint(finalized, ==, 1);
}

static void test_no_id(void)
{
    Object *obj = user_creatable_add_type(TYPE_UC_THING, NULL, NULL, true,
                                          &error_abort);

    g_assert_true(UC_THING(obj)->completed);
    g_assert_null(object_get_parent(obj));
    object_unref(obj);
}

static void test_help(void)
{
    char *text;

    text = user_creatable_help_text(NULL);
    g_assert_cmpstr(text, ==, "List of user creatable objects:\n"
                    "  uc-thing\n");
    g_free(text);
    text = user_creatable_help_text("help");
    g_assert_cmpstr(text, ==, "List of user creatable objects:\n"
                    "  uc-thing\n");
    g_free(text);
    text = user_creatable_help_text(TYPE_UC_THING);
    g_assert_cmpstr(text, ==, "uc-thing options:\n"
                    "  busy=<bool>\n"
                    "  fail=<bool>\n"
                    "  size=<size>            - Size of the memory region "
                    "(ex: 500M)\n");
    g_free(text);
    g_assert_null(user_creatable_help_text("nosuch"));
}

static void test_print_help(void)
{
    if (g_test_subprocess()) {
        user_creatable_print_help(stdout, "nosuch");
        object_class_print_properties_help(
            stdout, object_class_by_name(TYPE_UC_THING));
        return;
    }
    g_test_trap_subprocess(NULL, 0, 0);
    g_test_trap_assert_passed();
    g_test_trap_assert_stdout("List of user creatable objects:\n"
                              "  uc-thing\n"
                              "uc-thing options:\n"
                              "  busy=<bool>\n*");
}

int main(int argc, char **argv)
{
    int ret;

    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/qom/user-creatable/add-strict", test_add_strict);
    g_test_add_func("/qom/user-creatable/add-strings", test_add_strings);
    g_test_add_func("/qom/user-creatable/add-errors", test_add_errors);
    g_test_add_func("/qom/user-creatable/del", test_del);
    g_test_add_func("/qom/user-creatable/no-id", test_no_id);
    g_test_add_func("/qom/user-creatable/help", test_help);
    g_test_add_func("/qom/user-creatable/print-help", test_print_help);
    ret = g_test_run();
    user_creatable_cleanup();
    return ret;
}
