/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * QOM properties: class and instance properties, inheritance, iteration
 * without an instance, typed helpers, strict and lenient setting with
 * their error texts, defaults, the set-check hook, release and help text.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qapi/util.h"
#include "qobject/json.h"
#include "qom/object.h"

#define TYPE_GADGET "gadget"
#define TYPE_SUPER_GADGET "super-gadget"

typedef enum GadgetMode {
    GADGET_MODE_OFF,
    GADGET_MODE_SLOW,
    GADGET_MODE_FAST,
    GADGET_MODE__MAX,
} GadgetMode;

static const char *const gadget_mode_names[] = { "off", "slow", "fast" };
static const QEnumLookup gadget_mode_lookup = {
    .array = gadget_mode_names,
    .size = GADGET_MODE__MAX,
};

typedef struct Gadget {
    Object parent_obj;
    bool flag;
    uint8_t u8;
    uint16_t u16;
    uint32_t u32;
    uint64_t u64;
    int8_t i8;
    int16_t i16;
    int32_t i32;
    int64_t i64;
    uint64_t size;
    char *label;
    int mode;
    int color;
    bool frozen;
    uint32_t ro;
    char *name;
    uint32_t extra;
} Gadget;

#define GADGET(obj) OBJECT_CHECK(Gadget, (obj), TYPE_GADGET)

static int releases;

static bool gadget_get_frozen(Object *obj, Error **errp)
{
    return GADGET(obj)->frozen;
}

static void gadget_set_frozen(Object *obj, bool value, Error **errp)
{
    GADGET(obj)->frozen = value;
}

static char *gadget_get_name(Object *obj, Error **errp)
{
    return g_strdup(GADGET(obj)->name);
}

static void gadget_set_name(Object *obj, const char *value, Error **errp)
{
    Gadget *g = GADGET(obj);

    if (!strcmp(value, "bad")) {
        error_setg(errp, "name 'bad' is refused");
        return;
    }
    g_free(g->name);
    g->name = g_strdup(value);
}

static int gadget_get_color(Object *obj, Error **errp)
{
    return GADGET(obj)->color;
}

static void gadget_set_color(Object *obj, int value, Error **errp)
{
    GADGET(obj)->color = value;
}

/* Frozen gadgets accept writes only to late-settable properties. */
static bool gadget_set_check(Object *obj, ObjectProperty *prop, Error **errp)
{
    if (GADGET(obj)->frozen && !prop->late_settable) {
        error_setg(errp, "Attempt to set property '%s' on frozen gadget",
                   prop->name);
        return false;
    }
    return true;
}

static void gadget_finalize(Object *obj)
{
    g_free(GADGET(obj)->name);
}

static void gadget_class_init(ObjectClass *oc, void *data)
{
    ObjectProperty *prop;

    oc->property_set_check = gadget_set_check;
#define FIELD(name, kind, member) \
    object_class_property_add_field(oc, name, NULL, kind, \
                                    offsetof(Gadget, member), NULL, \
                                    OBJ_PROP_FLAG_READWRITE)
    prop = FIELD("flag", OBJ_FIELD_BOOL, flag);
    object_property_set_description(prop, "on/off");
    object_property_set_default_bool(prop, true);
    FIELD("u8", OBJ_FIELD_UINT8, u8);
    FIELD("u16", OBJ_FIELD_UINT16, u16);
    prop = FIELD("u32", OBJ_FIELD_UINT32, u32);
    object_property_set_default_uint(prop, 4096);
    prop = FIELD("u64", OBJ_FIELD_UINT64, u64);
    object_property_set_default_uint(prop, UINT64_MAX);
    FIELD("i8", OBJ_FIELD_INT8, i8);
    FIELD("i16", OBJ_FIELD_INT16, i16);
    prop = FIELD("i32", OBJ_FIELD_INT32, i32);
    object_property_set_default_int(prop, -5);
    FIELD("i64", OBJ_FIELD_INT64, i64);
    prop = FIELD("size", OBJ_FIELD_SIZE, size);
    object_property_set_description(prop, "Size of the thing");
    prop = FIELD("label", OBJ_FIELD_STRING, label);
    object_property_set_default_str(prop, "none");
#undef FIELD
    prop = object_class_property_add_field(oc, "mode", "GadgetMode",
                                           OBJ_FIELD_ENUM,
                                           offsetof(Gadget, mode),
                                           &gadget_mode_lookup,
                                           OBJ_PROP_FLAG_READWRITE);
    object_property_set_default_str(prop, "slow");
    object_class_property_add_uint32_ptr(oc, "ro", offsetof(Gadget, ro),
                                         OBJ_PROP_FLAG_READ);
    prop = object_class_property_add_bool(oc, "frozen", gadget_get_frozen,
                                          gadget_set_frozen);
    prop->late_settable = true;
    object_class_property_add_str(oc, "name", gadget_get_name,
                                  gadget_set_name);
    object_class_property_add_enum(oc, "color", "GadgetMode",
                                   &gadget_mode_lookup, gadget_get_color,
                                   gadget_set_color);
}

static void super_gadget_class_init(ObjectClass *oc, void *data)
{
    object_class_property_add_uint32_ptr(oc, "extra",
                                         offsetof(Gadget, extra),
                                         OBJ_PROP_FLAG_READWRITE);
}

static const TypeInfo gadget_types[] = {
    {
        .name = TYPE_GADGET,
        .parent = TYPE_OBJECT,
        .instance_size = sizeof(Gadget),
        .instance_finalize = gadget_finalize,
        .class_init = gadget_class_init,
    }, {
        .name = TYPE_SUPER_GADGET,
        .parent = TYPE_GADGET,
        .class_init = super_gadget_class_init,
    },
};

DEFINE_TYPES(gadget_types)

static void assert_error(Error *err, const char *msg)
{
    g_assert_nonnull(err);
    g_assert_cmpstr(error_get_pretty(err), ==, msg);
    error_free(err);
}

/* Set @name from JSON text strictly; returns the error or NULL. */
static Error *set_json(Object *obj, const char *name, const char *json)
{
    JsonNode *node = qjson_parse(json, &error_abort);
    Error *err = NULL;
    bool ok = object_property_set(obj, name, node, &err);

    g_assert_true(ok == !err);
    json_node_unref(node);
    return err;
}

static Error *parse(Object *obj, const char *name, const char *str)
{
    Error *err = NULL;
    bool ok = object_property_parse(obj, name, str, &err);

    g_assert_true(ok == !err);
    return err;
}

/* The property's value as JSON text. */
static char *get_json(Object *obj, const char *name)
{
    JsonNode *node = object_property_get(obj, name, &error_abort);
    char *s = json_to_string(node, false);

    json_node_unref(node);
    return s;
}

static void assert_json(Object *obj, const char *name, const char *expected)
{
    char *s = get_json(obj, name);

    g_assert_cmpstr(s, ==, expected);
    g_free(s);
}

static void test_defaults(void)
{
    Object *obj = object_new(TYPE_GADGET);
    Gadget *g = GADGET(obj);
    ObjectProperty *prop;

    /* Class property defaults are applied before instance_init. */
    g_assert_true(g->flag);
    g_assert_cmpuint(g->u32, ==, 4096);
    g_assert_cmpuint(g->u64, ==, UINT64_MAX);
    g_assert_cmpint(g->i32, ==, -5);
    g_assert_cmpstr(g->label, ==, "none");
    g_assert_cmpint(g->mode, ==, GADGET_MODE_SLOW);
    g_assert_cmpuint(g->u8, ==, 0);

    prop = object_property_find(obj, "u32");
    g_assert_nonnull(prop->defval);
    g_assert_cmpint(json_node_get_int(prop->defval), ==, 4096);
    g_assert_null(object_property_find(obj, "u8")->defval);
    object_unref(obj);
}

static void test_get_set_strict(void)
{
    Object *obj = object_new(TYPE_GADGET);
    Gadget *g = GADGET(obj);

    g_assert_null(set_json(obj, "flag", "false"));
    g_assert_false(g->flag);
    assert_json(obj, "flag", "false");
    g_assert_null(set_json(obj, "u8", "255"));
    assert_json(obj, "u8", "255");
    g_assert_null(set_json(obj, "u16", "65535"));
    g_assert_cmpuint(g->u16, ==, 65535);
    assert_json(obj, "u16", "65535");
    g_assert_null(set_json(obj, "i8", "-128"));
    g_assert_cmpint(g->i8, ==, -128);
    assert_json(obj, "i8", "-128");
    g_assert_null(set_json(obj, "i16", "-300"));
    g_assert_cmpint(g->i16, ==, -300);
    assert_json(obj, "i16", "-300");
    g_assert_null(set_json(obj, "i64", "-9000000000"));
    assert_json(obj, "i64", "-9000000000");
    g_assert_null(set_json(obj, "size", "1048576"));
    g_assert_cmpuint(g->size, ==, 1048576);
    g_assert_null(set_json(obj, "label", "\"hello\""));
    assert_json(obj, "label", "\"hello\"");
    g_assert_null(set_json(obj, "mode", "\"fast\""));
    g_assert_cmpint(g->mode, ==, GADGET_MODE_FAST);
    assert_json(obj, "mode", "\"fast\"");
    g_assert_null(set_json(obj, "color", "\"slow\""));
    assert_json(obj, "color", "\"slow\"");
    g_assert_null(set_json(obj, "name", "\"gizmo\""));
    assert_json(obj, "name", "\"gizmo\"");
    assert_json(obj, "type", "\"gadget\"");

    /* Type errors come from qinput. */
    assert_error(set_json(obj, "flag", "\"yes\""),
                 "Invalid parameter type for 'flag', expected: boolean");
    /* QEMU's unsigned input names uint64 for a wrong JSON type. */
    assert_error(set_json(obj, "u32", "\"0x10\""),
                 "Parameter 'u32' expects uint64");
    assert_error(set_json(obj, "i32", "\"1\""),
                 "Invalid parameter type for 'i32', expected: integer");
    assert_error(set_json(obj, "label", "5"),
                 "Invalid parameter type for 'label', expected: string");
    assert_error(set_json(obj, "u8", "256"),
                 "Parameter 'u8' expects uint8_t");
    assert_error(set_json(obj, "i8", "128"),
                 "Parameter 'i8' expects int8_t");
    assert_error(set_json(obj, "u32", "-1"),
                 "Parameter 'u32' expects uint32_t");
    assert_error(set_json(obj, "mode", "\"bogus\""),
                 "Parameter 'mode' does not accept value 'bogus'");
    assert_error(set_json(obj, "color", "\"bogus\""),
                 "Parameter 'color' does not accept value 'bogus'");
    /* A setter's own error. */
    assert_error(set_json(obj, "name", "\"bad\""), "name 'bad' is refused");
    /* Failed writes leave the value alone. */
    g_assert_cmpuint(g->u8, ==, 255);
    g_assert_cmpint(g->mode, ==, GADGET_MODE_FAST);
    object_unref(obj);
}

static void test_parse(void)
{
    Object *obj = object_new(TYPE_GADGET);
    Gadget *g = GADGET(obj);

    g_assert_null(parse(obj, "flag", "off"));
    g_assert_false(g->flag);
    g_assert_null(parse(obj, "flag", "yes"));
    g_assert_true(g->flag);
    g_assert_null(parse(obj, "frozen", "false"));
    g_assert_null(parse(obj, "u32", "0x4000"));
    g_assert_cmpuint(g->u32, ==, 0x4000);
    g_assert_null(parse(obj, "u64", "18446744073709551615"));
    g_assert_cmpuint(g->u64, ==, UINT64_MAX);
    g_assert_null(parse(obj, "i32", "-7"));
    g_assert_cmpint(g->i32, ==, -7);
    g_assert_null(parse(obj, "size", "16K"));
    g_assert_cmpuint(g->size, ==, 16384);
    g_assert_null(parse(obj, "label", "a,b"));
    g_assert_cmpstr(g->label, ==, "a,b");
    g_assert_null(parse(obj, "mode", "off"));
    g_assert_cmpint(g->mode, ==, GADGET_MODE_OFF);
    g_assert_null(parse(obj, "color", "fast"));
    g_assert_cmpint(g->color, ==, GADGET_MODE_FAST);
    g_assert_null(parse(obj, "name", "widget"));
    g_assert_cmpstr(g->name, ==, "widget");

    assert_error(parse(obj, "flag", "maybe"),
                 "Parameter 'flag' expects 'on' or 'off'");
    assert_error(parse(obj, "u32", "abc"), "Parameter 'u32' expects integer");
    assert_error(parse(obj, "u32", "-1"), "Parameter 'u32' expects uint32_t");
    assert_error(parse(obj, "u32", "99999999999"),
                 "Parameter 'u32' expects uint32_t");
    assert_error(parse(obj, "size", "2x"),
                 "Parameter 'size' expects a size value");
    assert_error(parse(obj, "mode", "bogus"),
                 "Parameter 'mode' does not accept value 'bogus'");
    assert_error(parse(obj, "nosuch", "1"),
                 "Property 'gadget.nosuch' not found");
    assert_error(parse(obj, "ro", "1"), "Property 'gadget.ro' is not writable");
    object_unref(obj);
}

static void test_convenience(void)
{
    Object *obj = object_new(TYPE_GADGET);
    Error *err = NULL;
    char *s;

    g_assert_true(object_property_set_bool(obj, "flag", false, &error_abort));
    g_assert_false(object_property_get_bool(obj, "flag", &error_abort));
    g_assert_true(object_property_set_int(obj, "i64", -3, &error_abort));
    g_assert_cmpint(object_property_get_int(obj, "i64", &error_abort), ==,
                    -3);
    g_assert_true(object_property_set_uint(obj, "u64", UINT64_MAX - 1,
                                           &error_abort));
    g_assert_cmpuint(object_property_get_uint(obj, "u64", &error_abort), ==,
                     UINT64_MAX - 1);
    g_assert_true(object_property_set_str(obj, "label", "x", &error_abort));
    s = object_property_get_str(obj, "label", &error_abort);
    g_assert_cmpstr(s, ==, "x");
    g_free(s);

    g_assert_false(object_property_set_str(obj, "flag", "on", &err));
    assert_error(err, "Invalid parameter type for 'flag', expected: boolean");
    err = NULL;
    g_assert_null(object_property_get_str(obj, "flag", &err));
    assert_error(err, "Invalid parameter type for 'flag', expected: string");
    err = NULL;
    g_assert_cmpint(object_property_get_int(obj, "nosuch", &err), ==, -1);
    assert_error(err, "Property 'gadget.nosuch' not found");
    err = NULL;
    g_assert_cmpstr(object_property_get_type(obj, "mode", &error_abort), ==,
                    "GadgetMode");
    g_assert_null(object_property_get_type(obj, "nosuch", &err));
    assert_error(err, "Property 'gadget.nosuch' not found");
    object_unref(obj);
}

static void test_readonly_and_writeonly(void)
{
    Object *obj = object_new(TYPE_GADGET);
    uint8_t byte = 7;
    Error *err = NULL;

    GADGET(obj)->ro = 42;
    assert_json(obj, "ro", "42");
    assert_error(set_json(obj, "ro", "1"),
                 "Property 'gadget.ro' is not writable");

    object_property_add_uint8_ptr(obj, "byte", &byte, OBJ_PROP_FLAG_READ);
    assert_json(obj, "byte", "7");
    assert_error(set_json(obj, "byte", "1"),
                 "Property 'gadget.byte' is not writable");

    object_property_add_uint8_ptr(obj, "wbyte", &byte, OBJ_PROP_FLAG_WRITE);
    g_assert_null(object_property_get(obj, "wbyte", &err));
    assert_error(err, "Property 'gadget.wbyte' is not readable");
    g_assert_null(parse(obj, "wbyte", "0x10"));
    g_assert_cmpuint(byte, ==, 16);
    object_unref(obj);
}

static void test_not_found(void)
{
    Object *obj = object_new(TYPE_GADGET);
    Error *err = NULL;

    g_assert_null(object_property_get(obj, "nosuch", &err));
    assert_error(err, "Property 'gadget.nosuch' not found");
    assert_error(set_json(obj, "nosuch", "1"),
                 "Property 'gadget.nosuch' not found");
    g_assert_null(object_property_find(obj, "nosuch"));
    err = NULL;
    g_assert_null(object_property_find_err(obj, "nosuch", &err));
    assert_error(err, "Property 'gadget.nosuch' not found");
    object_unref(obj);
}

static void test_duplicate(void)
{
    Object *obj = object_new(TYPE_GADGET);
    Error *err = NULL;

    g_assert_nonnull(object_property_try_add(obj, "dup", "int", NULL, NULL,
                                             NULL, NULL, &error_abort));
    g_assert_null(object_property_try_add(obj, "dup", "int", NULL, NULL,
                                          NULL, NULL, &err));
    assert_error(err, "attempt to add duplicate property 'dup' to object "
                 "(type 'gadget')");
    err = NULL;
    /* Clashing with a class property counts too. */
    g_assert_null(object_property_try_add(obj, "flag", "bool", NULL, NULL,
                                          NULL, NULL, &err));
    assert_error(err, "attempt to add duplicate property 'flag' to object "
                 "(type 'gadget')");
    object_unref(obj);
}

static void test_array_names(void)
{
    Object *obj = object_new(TYPE_GADGET);
    ObjectProperty *prop;

    prop = object_property_add(obj, "pin[*]", "int", NULL, NULL, NULL, NULL);
    g_assert_cmpstr(prop->name, ==, "pin[0]");
    prop = object_property_add(obj, "pin[*]", "int", NULL, NULL, NULL, NULL);
    g_assert_cmpstr(prop->name, ==, "pin[1]");
    /* Explicit names are fine; numbering takes the first free index. */
    object_property_add(obj, "pin[3]", "int", NULL, NULL, NULL, NULL);
    prop = object_property_add(obj, "pin[*]", "int", NULL, NULL, NULL, NULL);
    g_assert_cmpstr(prop->name, ==, "pin[2]");
    prop = object_property_add(obj, "pin[*]", "int", NULL, NULL, NULL, NULL);
    g_assert_cmpstr(prop->name, ==, "pin[4]");
    object_property_del(obj, "pin[0]");
    prop = object_property_add(obj, "pin[*]", "int", NULL, NULL, NULL, NULL);
    g_assert_cmpstr(prop->name, ==, "pin[0]");
    object_unref(obj);
}

/* Names of all properties an iterator yields, in order. */
static char *iter_names(ObjectPropertyIterator *iter)
{
    GString *s = g_string_new(NULL);
    ObjectProperty *prop;

    while ((prop = object_property_iter_next(iter))) {
        g_string_append_printf(s, "%s%s", s->len ? " " : "", prop->name);
    }
    return g_string_free(s, false);
}

static void test_class_iteration(void)
{
    ObjectClass *oc = object_class_by_name(TYPE_SUPER_GADGET);
    ObjectPropertyIterator iter;
    Object *obj;
    char *names;

    /* No instance needed: the subclass's own, then inherited, then type. */
    object_class_property_iter_init(&iter, oc);
    names = iter_names(&iter);
    g_assert_cmpstr(names, ==, "extra flag u8 u16 u32 u64 i8 i16 i32 i64 "
                    "size label mode ro frozen name color type");
    g_free(names);
    g_assert_nonnull(object_class_property_find(oc, "flag"));
    g_assert_nonnull(object_class_property_find(oc, "type"));
    g_assert_null(object_class_property_find(
                      object_class_by_name(TYPE_GADGET), "extra"));

    /* An instance lists its own properties first. */
    obj = object_new(TYPE_SUPER_GADGET);
    object_property_add_bool(obj, "mine", gadget_get_frozen, NULL);
    object_property_iter_init(&iter, obj);
    names = iter_names(&iter);
    g_assert_cmpstr(names, ==, "mine extra flag u8 u16 u32 u64 i8 i16 i32 "
                    "i64 size label mode ro frozen name color type");
    g_free(names);
    /* Inherited class properties work on the subclass instance. */
    g_assert_null(parse(obj, "extra", "9"));
    g_assert_null(parse(obj, "u8", "9"));
    g_assert_cmpuint(GADGET(obj)->extra + GADGET(obj)->u8, ==, 18);
    assert_json(obj, "type", "\"super-gadget\"");
    assert_error(set_json(obj, "mine", "true"),
                 "Property 'super-gadget.mine' is not writable");
    object_unref(obj);
}

static void test_set_check(void)
{
    Object *obj = object_new(TYPE_GADGET);
    Error *err = NULL;

    g_assert_true(object_property_set_bool(obj, "frozen", true,
                                           &error_abort));
    assert_error(set_json(obj, "u8", "1"),
                 "Attempt to set property 'u8' on frozen gadget");
    assert_error(parse(obj, "u8", "1"),
                 "Attempt to set property 'u8' on frozen gadget");
    g_assert_false(object_property_set_uint(obj, "u8", 1, &err));
    assert_error(err, "Attempt to set property 'u8' on frozen gadget");
    g_assert_cmpuint(GADGET(obj)->u8, ==, 0);
    /* Late-settable properties pass; reads are never vetoed. */
    g_assert_null(parse(obj, "frozen", "off"));
    assert_json(obj, "u8", "0");
    g_assert_null(parse(obj, "u8", "1"));
    object_unref(obj);
}

static void count_release(Object *obj, const char *name, void *opaque)
{
    g_assert_cmpstr(name, ==, "counted");
    g_assert_true(opaque == &releases);
    releases++;
}

static void test_release(void)
{
    Object *obj = object_new(TYPE_GADGET);
    char *text = g_strdup("owned");

    releases = 0;
    object_property_add(obj, "counted", "int", NULL, NULL, count_release,
                        &releases);
    object_property_del(obj, "counted");
    g_assert_cmpint(releases, ==, 1);
    g_assert_null(object_property_find(obj, "counted"));
    object_property_add(obj, "counted", "int", NULL, NULL, count_release,
                        &releases);
    /* An instance string field is owned (freed) by the object. */
    object_property_add_field(obj, "text", NULL, OBJ_FIELD_STRING, &text,
                              NULL, OBJ_PROP_FLAG_READWRITE);
    g_assert_null(parse(obj, "text", "changed"));
    g_assert_cmpstr(text, ==, "changed");
    object_unref(obj);
    g_assert_cmpint(releases, ==, 2);
    g_assert_null(text);
}

static void test_help(void)
{
    char *text;
    char *line;
    JsonNode *def = json_node_init_int(json_node_alloc(), 0);

    text = object_class_property_help_text(object_class_by_name(TYPE_GADGET),
                                           TYPE_GADGET);
    g_assert_cmpstr(text, ==,
                    "gadget options:\n"
                    "  color=<GadgetMode>\n"
                    "  flag=<bool>            - on/off (default: true)\n"
                    "  frozen=<bool>\n"
                    "  i16=<int16>\n"
                    "  i32=<int32>            -  (default: -5)\n"
                    "  i64=<int64>\n"
                    "  i8=<int8>\n"
                    "  label=<str>            -  (default: \"none\")\n"
                    "  mode=<GadgetMode>      -  (default: \"slow\")\n"
                    "  name=<string>\n"
                    "  size=<size>            - Size of the thing\n"
                    "  u16=<uint16>\n"
                    "  u32=<uint32>           -  (default: 4096)\n"
                    "  u64=<uint64>           -  "
                    "(default: 18446744073709551615)\n"
                    "  u8=<uint8>\n");
    g_free(text);

    /* QEMU's loader example: "  addr=<uint64>          -  (default: 0)". */
    line = object_property_help("addr", "uint64", def, NULL);
    g_assert_cmpstr(line, ==, "  addr=<uint64>          -  (default: 0)");
    g_free(line);
    line = object_property_help("a-very-long-property-name", "uint64", NULL,
                                "text");
    g_assert_cmpstr(line, ==, "  a-very-long-property-name=<uint64> - text");
    g_free(line);
    json_node_unref(def);

    text = object_class_property_help_text(object_class_by_name("container"),
                                           "container");
    g_assert_cmpstr(text, ==, "There are no options for container.\n");
    g_free(text);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/qom/props/defaults", test_defaults);
    g_test_add_func("/qom/props/strict", test_get_set_strict);
    g_test_add_func("/qom/props/parse", test_parse);
    g_test_add_func("/qom/props/convenience", test_convenience);
    g_test_add_func("/qom/props/readonly", test_readonly_and_writeonly);
    g_test_add_func("/qom/props/not-found", test_not_found);
    g_test_add_func("/qom/props/duplicate", test_duplicate);
    g_test_add_func("/qom/props/array-names", test_array_names);
    g_test_add_func("/qom/props/class-iteration", test_class_iteration);
    g_test_add_func("/qom/props/set-check", test_set_check);
    g_test_add_func("/qom/props/release", test_release);
    g_test_add_func("/qom/props/help", test_help);
    return g_test_run();
}
