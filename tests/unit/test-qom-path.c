/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The composition tree: containers, canonical paths, absolute and partial
 * path resolution, child and link properties, and links that must not
 * dangle.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qom/object.h"

#define TYPE_NODE "node"
#define TYPE_IRQ "irq"

typedef struct Node {
    Object parent_obj;
    Object *peer;       /* class link<node>, strong */
    Object *out;        /* class link<irq>, strong, checked */
    bool locked;
} Node;

#define NODE(obj) OBJECT_CHECK(Node, (obj), TYPE_NODE)

static GString *events;

static void irq_finalize(Object *obj)
{
    g_string_append(events, "fin:irq ");
}

static bool node_check_out(const Object *obj, const char *name, Object *val,
                           Error **errp)
{
    if (((const Node *)obj)->locked) {
        error_setg(errp, "Link '%s' is locked", name);
        return false;
    }
    return true;
}

static void node_class_init(ObjectClass *oc, void *data)
{
    object_class_property_add_link(oc, "peer", TYPE_NODE,
                                   offsetof(Node, peer), NULL,
                                   OBJ_PROP_LINK_STRONG);
    object_class_property_add_link(oc, "out", TYPE_IRQ, offsetof(Node, out),
                                   node_check_out, OBJ_PROP_LINK_STRONG);
}

static const TypeInfo path_types[] = {
    {
        .name = TYPE_NODE,
        .parent = TYPE_OBJECT,
        .instance_size = sizeof(Node),
        .class_init = node_class_init,
    }, {
        .name = TYPE_IRQ,
        .parent = TYPE_OBJECT,
        .instance_finalize = irq_finalize,
    },
};

DEFINE_TYPES(path_types)

static void assert_error(Error *err, const char *msg)
{
    g_assert_nonnull(err);
    g_assert_cmpstr(error_get_pretty(err), ==, msg);
    error_free(err);
}

/* Create @type as child @name of @parent; the tree holds the reference. */
static Object *add(Object *parent, const char *name, const char *type)
{
    Object *obj = object_new(type);

    object_property_add_child(parent, name, obj);
    object_unref(obj);
    return obj;
}

static void assert_path(Object *obj, const char *expected)
{
    char *path = object_get_canonical_path(obj);

    g_assert_cmpstr(path, ==, expected);
    g_free(path);
}

static void assert_str_prop(Object *obj, const char *name,
                            const char *expected)
{
    char *s = object_property_get_str(obj, name, &error_abort);

    g_assert_cmpstr(s, ==, expected);
    g_free(s);
}

static void test_root_and_containers(void)
{
    Object *root = object_get_root();
    Object *a, *b;

    assert_path(root, "/");
    g_assert_cmpstr(object_get_typename(root), ==, "container");
    b = container_get(root, "/ta/tb");
    a = object_resolve_path("/ta", NULL);
    g_assert_nonnull(a);
    g_assert_true(object_get_parent(b) == a);
    g_assert_true(container_get(root, "/ta/tb") == b);
    g_assert_true(container_get(root, "ta//tb/") == b);
    assert_path(b, "/ta/tb");
    g_assert_cmpstr(object_property_get_type(root, "ta", &error_abort), ==,
                    "child<container>");
    assert_str_prop(a, "tb", "/ta/tb");

    g_assert_true(object_get_objects_root() ==
                  object_resolve_path("/objects", NULL));
    object_unparent(a);
    g_assert_null(object_resolve_path("/ta", NULL));
}

static void test_unparented(void)
{
    Object *obj = object_new(TYPE_NODE);
    Object *child = add(obj, "kid", TYPE_NODE);
    char *name;

    g_assert_null(object_get_canonical_path(obj));
    g_assert_null(object_get_canonical_path_component(obj));
    /* Below an unparented object there is no canonical path either. */
    g_assert_null(object_get_canonical_path(child));
    name = object_get_canonical_path_component(child);
    g_assert_cmpstr(name, ==, "kid");
    g_free(name);
    assert_str_prop(obj, "kid", "");
    object_unref(obj);
}

static void test_child_property(void)
{
    Object *top = add(object_get_root(), "cp", TYPE_NODE);
    Object *kid = add(top, "kid", TYPE_IRQ);
    Error *err = NULL;

    g_assert_cmpstr(object_property_get_type(top, "kid", &error_abort), ==,
                    "child<irq>");
    assert_str_prop(top, "kid", "/cp/kid");
    g_assert_false(object_property_set_str(top, "kid", "/cp", &err));
    assert_error(err, "Property 'node.kid' is not writable");
    g_assert_true(object_property_get_link(top, "kid", &error_abort) == kid);
    object_unparent(top);
}

static void test_absolute(void)
{
    Object *m = add(object_get_root(), "m", TYPE_NODE);
    Object *soc = add(m, "soc", TYPE_NODE);
    Object *pin = add(soc, "pin[*]", TYPE_IRQ);

    assert_path(pin, "/m/soc/pin[0]");
    g_assert_true(object_resolve_path("/m/soc/pin[0]", NULL) == pin);
    g_assert_true(object_resolve_path("//m///soc/", NULL) == soc);
    g_assert_true(object_resolve_path("/", NULL) == object_get_root());
    g_assert_null(object_resolve_path("/m/nosuch", NULL));
    g_assert_null(object_resolve_path("/m/soc/pin[0]/x", NULL));
    /* A property that is neither child nor link does not resolve. */
    g_assert_null(object_resolve_path("/m/type", NULL));
    g_assert_null(object_resolve_path("/m/..", NULL));
    g_assert_true(object_resolve_path_type("/m/soc/pin[0]", TYPE_IRQ, NULL)
                  == pin);
    g_assert_null(object_resolve_path_type("/m/soc/pin[0]", TYPE_NODE,
                                           NULL));
    g_assert_true(object_resolve_path_component(m, "soc") == soc);
    g_assert_null(object_resolve_path_component(m, "nosuch"));
    g_assert_true(object_resolve_path_at(m, "soc/pin[0]") == pin);
    g_assert_true(object_resolve_path_at(soc, "/m") == m);
    g_assert_null(object_resolve_path_at(m, "pin[0]"));
    object_unparent(m);
}

static void test_partial(void)
{
    Object *m = add(object_get_root(), "pm", TYPE_NODE);
    Object *dev0 = add(m, "device[0]", TYPE_NODE);
    Object *dev1 = add(m, "device[1]", TYPE_NODE);
    Object *in0 = add(dev0, "in[3]", TYPE_IRQ);
    Object *plic = add(m, "plic", TYPE_NODE);
    Object *in1 = add(dev1, "in[3]", TYPE_IRQ);
    bool ambiguous = true;


    g_assert_true(object_resolve_path("plic", &ambiguous) == plic);
    g_assert_false(ambiguous);
    g_assert_true(object_resolve_path("device[0]/in[3]", &ambiguous) == in0);
    g_assert_false(ambiguous);
    g_assert_true(object_resolve_path("pm/device[0]", &ambiguous) == dev0);

    g_assert_null(object_resolve_path("in[3]", &ambiguous));
    g_assert_true(ambiguous);
    g_assert_null(object_resolve_path("nosuch", &ambiguous));
    g_assert_false(ambiguous);
    g_assert_null(object_resolve_path("", &ambiguous));
    g_assert_false(ambiguous);
    /* A type filter can make a partial path unique. */
    g_assert_true(object_resolve_path_type("device[0]", TYPE_NODE, NULL) ==
                  dev0);
    g_assert_null(object_resolve_path_type("plic", TYPE_IRQ, &ambiguous));
    g_assert_false(ambiguous);

    /* Only names count, not type names. */
    g_assert_null(object_resolve_path("irq", NULL));

    /* A link to an object is another route to it, not a second match. */
    g_assert_true(object_property_set_str(plic, "peer", "device[1]",
                                          &error_abort));
    g_assert_true(object_resolve_path("device[1]", &ambiguous) == dev1);
    g_assert_false(ambiguous);
    /* ... but its name can make other partial paths resolve. */
    g_assert_true(object_resolve_path("peer/in[3]", &ambiguous) == in1);
    object_unparent(m);
}

static void test_link_set_get(void)
{
    Object *m = add(object_get_root(), "lm", TYPE_NODE);
    Object *a = add(m, "a", TYPE_NODE);
    Object *b = add(m, "b", TYPE_NODE);
    Object *irq = add(b, "irq[0]", TYPE_IRQ);
    Node *na = NODE(a);
    Error *err = NULL;

    g_assert_cmpstr(object_property_get_type(a, "peer", &error_abort), ==,
                    "link<node>");
    assert_str_prop(a, "peer", "");
    g_assert_null(object_property_get_link(a, "peer", &error_abort));

    /* Absolute and partial paths. */
    g_assert_true(object_property_set_str(a, "peer", "/lm/b", &error_abort));
    g_assert_true(na->peer == b);
    assert_str_prop(a, "peer", "/lm/b");
    g_assert_true(object_property_parse(a, "out", "b/irq[0]", &error_abort));
    g_assert_true(na->out == irq);
    assert_str_prop(a, "out", "/lm/b/irq[0]");
    g_assert_true(object_property_get_link(a, "out", &error_abort) == irq);

    /* Paths may go through links. */
    g_assert_true(object_resolve_path("/lm/a/peer/irq[0]", NULL) == irq);
    g_assert_true(object_resolve_path("/lm/a/out", NULL) == irq);

    /* Errors. */
    g_assert_false(object_property_set_str(a, "peer", "/nonexist", &err));
    g_assert_cmpint(error_get_class(err), ==, ERROR_CLASS_DEVICE_NOT_FOUND);
    assert_error(err, "Device '/nonexist' not found");
    err = NULL;
    g_assert_false(object_property_set_str(a, "out", "/lm/b", &err));
    g_assert_cmpint(error_get_class(err), ==, ERROR_CLASS_GENERIC_ERROR);
    assert_error(err, "Invalid parameter type for 'out', expected: irq");
    err = NULL;
    g_assert_false(object_property_set_int(a, "out", 5, &err));
    assert_error(err, "Invalid parameter type for 'out', expected: string");
    err = NULL;
    add(a, "twin", TYPE_NODE);
    add(b, "twin", TYPE_NODE);
    g_assert_false(object_property_set_str(a, "peer", "twin", &err));
    g_assert_cmpint(error_get_class(err), ==, ERROR_CLASS_GENERIC_ERROR);
    assert_error(err, "Path 'twin' does not uniquely identify an object");
    err = NULL;
    g_assert_true(na->peer == b);
    g_assert_false(object_property_set_link(a, "out", b, &err));
    assert_error(err, "Invalid parameter type for 'out', expected: irq");
    err = NULL;

    /* The check hook can refuse, clearing included. */
    na->locked = true;
    g_assert_false(object_property_set_str(a, "out", "", &err));
    assert_error(err, "Link 'out' is locked");
    g_assert_true(na->out == irq);
    na->locked = false;

    /* "" clears. */
    g_assert_true(object_property_set_str(a, "out", "", &error_abort));
    g_assert_null(na->out);
    assert_str_prop(a, "out", "");
    object_unparent(m);
}

static void test_link_strong(void)
{
    Object *m = add(object_get_root(), "sm", TYPE_NODE);
    Object *a = add(m, "a", TYPE_NODE);
    Object *irq = object_new(TYPE_IRQ);

    /* A target outside the tree: settable from C, reads as "". */
    g_string_truncate(events, 0);
    g_assert_true(object_property_set_link(a, "out", irq, &error_abort));
    g_assert_true(NODE(a)->out == irq);
    assert_str_prop(a, "out", "");
    g_assert_true(object_property_get_link(a, "out", &error_abort) == irq);
    object_unref(irq);      /* the strong link keeps it alive */
    g_assert_cmpstr(events->str, ==, "");
    g_assert_true(object_property_set_link(a, "out", NULL, &error_abort));
    g_assert_cmpstr(events->str, ==, "fin:irq ");
    object_unparent(m);
}

static void test_link_dangling(void)
{
    Object *m = add(object_get_root(), "dm", TYPE_NODE);
    Object *a = add(m, "a", TYPE_NODE);
    Object *b = add(m, "b", TYPE_NODE);
    Object *irq = add(b, "irq[0]", TYPE_IRQ);
    Object *weak = NULL;
    Object *weak_target = object_new(TYPE_IRQ);

    g_string_truncate(events, 0);
    g_assert_true(object_property_set_str(a, "out", "/dm/b/irq[0]",
                                          &error_abort));
    g_assert_true(object_property_set_str(a, "peer", "b", &error_abort));
    g_assert_true(NODE(a)->out == irq);

    /*
     * Unparenting b takes its subtree out of the tree: the links into it
     * are cleared and their references dropped, so b and its irq die now
     * instead of lingering behind paths that no longer resolve.
     */
    object_unparent(b);
    g_assert_null(NODE(a)->out);
    g_assert_null(NODE(a)->peer);
    assert_str_prop(a, "out", "");
    assert_str_prop(a, "peer", "");
    g_assert_cmpstr(events->str, ==, "fin:irq ");

    /* A weak link is cleared when its target is finalized. */
    object_property_add_link(a, "weak", TYPE_IRQ, &weak, NULL,
                             OBJ_PROP_LINK_WEAK);
    g_assert_true(object_property_set_link(a, "weak", weak_target,
                                           &error_abort));
    g_assert_true(weak == weak_target);
    object_unref(weak_target);
    g_assert_null(weak);
    g_assert_null(object_property_get_link(a, "weak", &error_abort));

    /* Links from inside a removed subtree are dropped with it. */
    g_assert_true(object_property_set_str(a, "peer", "/dm", &error_abort));
    object_unparent(m);
}

static int collect(Object *child, void *opaque)
{
    GString *s = opaque;
    char *name = object_get_canonical_path_component(child);

    g_string_append_printf(s, "%s ", name);
    g_free(name);
    return 0;
}

static int stop_at_b(Object *child, void *opaque)
{
    char *name = object_get_canonical_path_component(child);
    int ret = !strcmp(name, "b") ? 42 : 0;

    g_free(name);
    return ret;
}

static void test_foreach(void)
{
    Object *m = add(object_get_root(), "fm", TYPE_NODE);
    Object *a = add(m, "a", TYPE_NODE);
    GString *s = g_string_new(NULL);

    add(a, "a1", TYPE_NODE);
    add(a, "a2", TYPE_IRQ);
    add(m, "b", TYPE_NODE);
    add(m, "c", TYPE_NODE);
    object_property_set_str(m, "peer", "/fm/c", &error_abort);

    g_assert_cmpint(object_child_foreach(m, collect, s), ==, 0);
    g_assert_cmpstr(s->str, ==, "a b c ");
    g_string_truncate(s, 0);
    object_child_foreach_recursive(m, collect, s);
    g_assert_cmpstr(s->str, ==, "a a1 a2 b c ");
    g_assert_cmpint(object_child_foreach(m, stop_at_b, NULL), ==, 42);
    g_string_free(s, true);
    object_unparent(m);
}

int main(int argc, char **argv)
{
    int ret;

    events = g_string_new(NULL);
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/qom/path/root", test_root_and_containers);
    g_test_add_func("/qom/path/unparented", test_unparented);
    g_test_add_func("/qom/path/child", test_child_property);
    g_test_add_func("/qom/path/absolute", test_absolute);
    g_test_add_func("/qom/path/partial", test_partial);
    g_test_add_func("/qom/link/set-get", test_link_set_get);
    g_test_add_func("/qom/link/strong", test_link_strong);
    g_test_add_func("/qom/link/dangling", test_link_dangling);
    g_test_add_func("/qom/path/foreach", test_foreach);
    ret = g_test_run();
    /* Leave nothing for the leak checker but the root's containers. */
    object_unparent(object_get_objects_root());
    g_string_free(events, true);
    return ret;
}
