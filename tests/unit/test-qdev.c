/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * qdev: realize and placement, qdev properties (types, defaults, the veto
 * after realize), GPIO lines wired through QOM links, the two-pass reset,
 * sysbus mapping with its error texts, line interception and info qtree.
 * The device types are defined here.
 */
#include "qemu/osdep.h"
#include "exec/address-spaces.h"
#include "hw/qdev-properties.h"
#include "chardev/char.h"
#include "chardev/char-fe.h"
#include "hw/sysbus.h"
#include "qapi/error.h"
#include "qobject/json.h"
#include "sysemu/runstate.h"

/* libchardev calls it (mux Ctrl-a x); nothing here uses it. */
void qemu_system_shutdown_request(ShutdownCause cause)
{
}

static GString *log_buf;

/* A sysbus device with two regions and two IRQs */

#define TYPE_TEST_SBD "test-sbd"
typedef struct TestSbd {
    SysBusDevice parent_obj;
    MemoryRegion regs;
    MemoryRegion buf;
    qemu_irq irq[2];
    uint32_t num;
    bool flag;
    uint64_t sz;
    char *label;
    int64_t neg;
    uint8_t small;
    Object *peer;
    CharBackend chr;
} TestSbd;
#define TEST_SBD(obj) OBJECT_CHECK(TestSbd, (obj), TYPE_TEST_SBD)

static uint64_t sbd_read(void *opaque, hwaddr addr, unsigned size)
{
    return 0;
}

static void sbd_write(void *opaque, hwaddr addr, uint64_t v, unsigned size)
{
}

static const MemoryRegionOps sbd_ops = {
    .read = sbd_read,
    .write = sbd_write,
};

static void sbd_init(Object *obj)
{
    TestSbd *s = TEST_SBD(obj);

    memory_region_init_io(&s->regs, obj, &sbd_ops, s, "sbd-regs", 0x1000);
    memory_region_init_io(&s->buf, obj, &sbd_ops, s, "sbd-buf", 0x100);
    sysbus_init_mmio(SYS_BUS_DEVICE(obj), &s->regs);
    sysbus_init_mmio(SYS_BUS_DEVICE(obj), &s->buf);
    sysbus_init_irq(SYS_BUS_DEVICE(obj), &s->irq[0]);
    sysbus_init_irq(SYS_BUS_DEVICE(obj), &s->irq[1]);
}

static void log_dev(DeviceState *dev, const char *what)
{
    g_string_append_printf(log_buf, "%s.%s ",
                           dev->id ? dev->id : "?", what);
}

static void sbd_reset(DeviceState *dev)
{
    log_dev(dev, "reset");
}

static void sbd_reset_exit(DeviceState *dev)
{
    log_dev(dev, "exit");
}

static const Property sbd_props[] = {
    DEFINE_PROP_UINT32("num", TestSbd, num, 7),
    DEFINE_PROP_BOOL("flag", TestSbd, flag, true),
    DEFINE_PROP_SIZE("sz", TestSbd, sz, 0x1000),
    DEFINE_PROP_STRING("label", TestSbd, label),
    DEFINE_PROP_INT64("neg", TestSbd, neg, -3),
    DEFINE_PROP_UINT8("small", TestSbd, small, 200),
    DEFINE_PROP_LINK("peer", TestSbd, peer, TYPE_DEVICE, Object *),
    DEFINE_PROP_CHR("chardev", TestSbd, chr),
    DEFINE_PROP_END_OF_LIST(),
};

static void sbd_class_init(ObjectClass *oc, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(oc);

    device_class_set_props(dc, sbd_props);
    dc->reset = sbd_reset;
    dc->reset_exit = sbd_reset_exit;
}

/* A bus-less device with unnamed and named inputs and two outputs */

#define TYPE_TEST_GPIO "test-gpio"
typedef struct TestGpio {
    DeviceState parent_obj;
    qemu_irq out[2];
    int last_n;
    int last_level;
    int calls;
} TestGpio;
#define TEST_GPIO(obj) OBJECT_CHECK(TestGpio, (obj), TYPE_TEST_GPIO)

static void gpio_handler(void *opaque, int n, int level)
{
    TestGpio *s = TEST_GPIO(opaque);

    s->last_n = n;
    s->last_level = level;
    s->calls++;
}

static void gpio_ctl_handler(void *opaque, int n, int level)
{
    gpio_handler(opaque, 100 + n, level);
}

static void gpio_init(Object *obj)
{
    DeviceState *dev = DEVICE(obj);

    qdev_init_gpio_in(dev, gpio_handler, 3);
    qdev_init_gpio_in_named(dev, gpio_ctl_handler, "ctl", 2);
    qdev_init_gpio_out(dev, TEST_GPIO(obj)->out, 2);
}

/* A device whose realize fails */

#define TYPE_TEST_FAIL "test-fail"

static void fail_realize(DeviceState *dev, Error **errp)
{
    error_setg(errp, "boom");
}

static void fail_class_init(ObjectClass *oc, void *data)
{
    DEVICE_CLASS(oc)->realize = fail_realize;
}

static const TypeInfo test_types[] = {
    {
        .name = TYPE_TEST_SBD,
        .parent = TYPE_SYS_BUS_DEVICE,
        .instance_size = sizeof(TestSbd),
        .instance_init = sbd_init,
        .class_init = sbd_class_init,
    }, {
        .name = TYPE_TEST_GPIO,
        .parent = TYPE_DEVICE,
        .instance_size = sizeof(TestGpio),
        .instance_init = gpio_init,
    }, {
        .name = TYPE_TEST_FAIL,
        .parent = TYPE_DEVICE,
        .class_init = fail_class_init,
    },
};

DEFINE_TYPES(test_types)

/* Helpers */

static DeviceState *new_gpio(void)
{
    DeviceState *dev = qdev_new(TYPE_TEST_GPIO);

    qdev_realize_and_unref(dev, NULL, &error_abort);
    return dev;
}

static TestSbd *new_sbd(const char *id)
{
    DeviceState *dev = qdev_new(TYPE_TEST_SBD);

    dev->id = g_strdup(id);
    sysbus_realize_and_unref(SYS_BUS_DEVICE(dev), &error_abort);
    return TEST_SBD(dev);
}

static char *path_of(void *obj)
{
    return object_get_canonical_path(OBJECT(obj));
}

static void assert_error(Error **errp, const char *desc)
{
    g_assert_nonnull(*errp);
    g_assert_cmpstr(error_get_pretty(*errp), ==, desc);
    error_free(*errp);
    *errp = NULL;
}

static bool set_json(void *obj, const char *name, const char *json,
                     Error **errp)
{
    g_autoptr(JsonNode) v = qjson_parse(json, &error_abort);

    return object_property_set(OBJECT(obj), name, v, errp);
}

static char *get_str(void *obj, const char *name)
{
    return object_property_get_str(OBJECT(obj), name, &error_abort);
}

static void count_one(MemoryRegion *mr, void *opaque)
{
    (*(int *)opaque)++;
}

static int count_system_subregions(void)
{
    int n = 0;

    memory_region_foreach_subregion(get_system_memory(), count_one, &n);
    return n;
}

static void intercepted(void *opaque, int n, int level)
{
    ((int *)opaque)[0] = n;
    ((int *)opaque)[1] = level;
}

/* Tests */

static void test_realize_placement(void)
{
    DeviceState *a = new_gpio();
    DeviceState *b = new_gpio();
    g_autofree char *pa = path_of(a);
    g_autofree char *pb = path_of(b);
    g_autofree char *bus = NULL;
    Error *err = NULL;

    g_assert_true(g_str_has_prefix(pa, "/machine/unattached/device["));
    g_assert_cmpstr(pa, !=, pb);
    g_assert_true(a->realized);
    g_assert_true(object_property_get_bool(OBJECT(a), "realized",
                                           &error_abort));
    g_assert_false(object_property_get_bool(OBJECT(a), "hotplugged",
                                            &error_abort));
    g_assert_false(object_property_get_bool(OBJECT(a), "hotpluggable",
                                            &error_abort));
    bus = get_str(a, "parent_bus");
    g_assert_cmpstr(bus, ==, "");
    g_assert_cmpuint(a->realize_seq, <, b->realize_seq);
    /* writing true again is accepted and changes nothing */
    g_assert_true(object_property_set_bool(OBJECT(a), "realized", true,
                                           &error_abort));
    /* read-only ones */
    object_property_set_bool(OBJECT(a), "hotplugged", true, &err);
    assert_error(&err, "Property 'test-gpio.hotplugged' is not writable");
    object_unparent(OBJECT(a));
    object_unparent(OBJECT(b));
    g_assert_null(object_resolve_path(pa, NULL));
}

static void test_realize_failure(void)
{
    DeviceState *dev = qdev_new(TYPE_TEST_FAIL);
    Error *err = NULL;

    g_assert_false(qdev_realize(dev, NULL, &err));
    assert_error(&err, "boom");
    g_assert_false(dev->realized);
    g_assert_null(object_get_parent(OBJECT(dev)));
    g_assert_cmpuint(dev->realize_seq, ==, 0);
    object_unref(dev);

    /* a sysbus device needs a bus, a bus-less one can't take one */
    dev = qdev_new(TYPE_TEST_SBD);
    g_assert_false(qdev_realize(dev, NULL, &err));
    assert_error(&err, "Device 'test-sbd' needs a bus of type 'System'");
    object_unref(dev);
    dev = qdev_new(TYPE_TEST_GPIO);
    g_assert_false(qdev_realize(dev, sysbus_get_default(), &err));
    assert_error(&err, "Device 'test-gpio' can't go on System bus");
    g_assert_null(dev->parent_bus);
    object_unref(dev);
}

static void test_props_types_defaults(void)
{
    ObjectClass *oc = object_class_by_name(TYPE_TEST_SBD);
    static const char *const types[][2] = {
        { "num", "uint32" }, { "flag", "bool" }, { "sz", "size" },
        { "label", "str" }, { "neg", "int64" }, { "small", "uint8" },
        { "peer", "link<device>" }, { "realized", "bool" },
        { "parent_bus", "link<bus>" },
    };
    DeviceState *dev;
    TestSbd *s;
    size_t i;
    g_autofree char *defjson = NULL;
    Error *err = NULL;

    for (i = 0; i < G_N_ELEMENTS(types); i++) {
        ObjectProperty *p = object_class_property_find(oc, types[i][0]);

        g_assert_nonnull(p);
        g_assert_cmpstr(p->type, ==, types[i][1]);
    }
    defjson = qjson_to_string(object_class_property_find(oc, "neg")->defval,
                              false);
    g_assert_cmpstr(defjson, ==, "-3");
    dev = qdev_new(TYPE_TEST_SBD);
    s = TEST_SBD(dev);
    g_assert_cmpuint(s->num, ==, 7);
    g_assert_true(s->flag);
    g_assert_cmpuint(s->sz, ==, 0x1000);
    g_assert_null(s->label);
    g_assert_cmpint(s->neg, ==, -3);
    g_assert_cmpuint(s->small, ==, 200);
    /* lenient strings (device_add, -device) */
    g_assert_true(object_property_parse(OBJECT(dev), "sz", "16K",
                                        &error_abort));
    g_assert_cmpuint(s->sz, ==, 16384);
    g_assert_true(object_property_parse(OBJECT(dev), "num", "0x10",
                                        &error_abort));
    g_assert_cmpuint(s->num, ==, 16);
    g_assert_true(object_property_parse(OBJECT(dev), "flag", "off",
                                        &error_abort));
    g_assert_false(s->flag);
    object_property_parse(OBJECT(dev), "small", "300", &err);
    assert_error(&err, "Parameter 'small' expects uint8_t");
    object_property_parse(OBJECT(dev), "nosuch", "1", &err);
    assert_error(&err, "Property 'test-sbd.nosuch' not found");
    object_unref(dev);
}

static void test_props_after_realize(void)
{
    TestSbd *s = new_sbd("late");
    DeviceState *anon = qdev_new(TYPE_TEST_SBD);
    Error *err = NULL;

    object_property_set_uint(OBJECT(s), "num", 5, &err);
    assert_error(&err, "Attempt to set property 'num' on device 'late' "
                 "(type 'test-sbd') after it was realized");
    object_property_parse(OBJECT(s), "label", "x", &err);
    assert_error(&err, "Attempt to set property 'label' on device 'late' "
                 "(type 'test-sbd') after it was realized");
    g_assert_cmpuint(s->num, ==, 7);
    sysbus_realize_and_unref(SYS_BUS_DEVICE(anon), &error_abort);
    object_property_set_bool(OBJECT(anon), "flag", false, &err);
    assert_error(&err, "Attempt to set property 'flag' on anonymous device "
                 "(type 'test-sbd') after it was realized");
    /* IRQ links stay writable until the machine is ready */
    g_assert_true(set_json(s, "sysbus-irq[0]", "\"\"", &error_abort));
    object_unparent(OBJECT(s));
    object_unparent(OBJECT(anon));
}

static void test_props_chardev(void)
{
    Chardev *chr = qemu_chr_new("c1", "null", &error_abort);
    DeviceState *a = qdev_new(TYPE_TEST_SBD);
    DeviceState *b = qdev_new(TYPE_TEST_SBD);
    g_autofree char *label = NULL;
    Error *err = NULL;

    g_assert_cmpstr(object_property_get_type(OBJECT(a), "chardev",
                                             &error_abort), ==, "str");
    object_property_parse(OBJECT(a), "chardev", "nosuch", &err);
    assert_error(&err, "Property 'test-sbd.chardev' can't find value "
                 "'nosuch'");
    g_assert_true(object_property_parse(OBJECT(a), "chardev", "c1",
                                        &error_abort));
    label = get_str(a, "chardev");
    g_assert_cmpstr(label, ==, "c1");
    g_assert_true(qemu_chr_fe_get_driver(&TEST_SBD(a)->chr) == chr);
    object_property_parse(OBJECT(b), "chardev", "c1", &err);
    assert_error(&err, "Property 'test-sbd.chardev' can't take value 'c1': "
                 "Device 'c1' is in use");
    /* finalizing the device releases the front end */
    object_unref(a);
    qdev_prop_set_chr(b, "chardev", chr);
    object_unref(b);
    g_assert_true(qemu_chr_remove("c1", &error_abort));
}

static void test_gpio_connect(void)
{
    DeviceState *a = new_gpio();
    DeviceState *b = new_gpio();
    TestGpio *sb = TEST_GPIO(b);
    g_autofree char *pb = path_of(b);
    g_autofree char *in2 = g_strdup_printf("%s/unnamed-gpio-in[2]", pb);
    g_autofree char *ctl1 = g_strdup_printf("%s/ctl[1]", pb);
    g_autofree char *json = g_strdup_printf("\"%s\"", in2);
    g_autofree char *json_ctl = g_strdup_printf("\"%s\"", ctl1);
    char *got;
    Error *err = NULL;

    g_assert_cmpstr(object_property_get_type(OBJECT(a), "unnamed-gpio-in[0]",
                                             &error_abort), ==,
                    "child<irq>");
    g_assert_cmpstr(object_property_get_type(OBJECT(a), "ctl[1]",
                                             &error_abort), ==,
                    "child<irq>");
    g_assert_cmpstr(object_property_get_type(OBJECT(a),
                                             "unnamed-gpio-out[1]",
                                             &error_abort), ==, "link<irq>");
    g_assert_null(object_property_find(OBJECT(a), "unnamed-gpio-in[3]"));

    /* qom-set semantics: a JSON string naming the input */
    g_assert_true(set_json(a, "unnamed-gpio-out[1]", json, &error_abort));
    got = get_str(a, "unnamed-gpio-out[1]");
    g_assert_cmpstr(got, ==, in2);
    g_free(got);
    g_assert_true(qdev_get_gpio_out_connector(a, NULL, 1) ==
                  qdev_get_gpio_in(b, 2));
    g_assert_null(qdev_get_gpio_out_connector(a, NULL, 0));
    qemu_set_irq(TEST_GPIO(a)->out[1], 1);
    g_assert_cmpint(sb->last_n, ==, 2);
    g_assert_cmpint(sb->last_level, ==, 1);
    qemu_irq_lower(TEST_GPIO(a)->out[1]);
    g_assert_cmpint(sb->last_level, ==, 0);
    /* named list */
    g_assert_true(set_json(a, "unnamed-gpio-out[0]", json_ctl,
                           &error_abort));
    qemu_irq_raise(TEST_GPIO(a)->out[0]);
    g_assert_cmpint(sb->last_n, ==, 101);
    g_assert_true(qdev_get_gpio_in_named(b, "ctl", 1) ==
                  qdev_get_gpio_out_connector(a, NULL, 0));
    g_assert_null(qdev_get_gpio_in_named(b, "ctl", 2));
    /* disconnect */
    g_assert_true(set_json(a, "unnamed-gpio-out[1]", "\"\"", &error_abort));
    got = get_str(a, "unnamed-gpio-out[1]");
    g_assert_cmpstr(got, ==, "");
    g_free(got);
    sb->calls = 0;
    qemu_irq_raise(TEST_GPIO(a)->out[1]);
    g_assert_cmpint(sb->calls, ==, 0);
    /* not an irq */
    set_json(a, "unnamed-gpio-out[1]", "\"/machine/unattached\"", &err);
    assert_error(&err, "Invalid parameter type for 'unnamed-gpio-out[1]', "
                 "expected: irq");
    g_assert_null(qdev_get_gpio_out_connector(a, NULL, 1));
    /* board code wiring */
    qdev_connect_gpio_out(a, 1, qdev_get_gpio_in(b, 0));
    got = get_str(a, "unnamed-gpio-out[1]");
    g_assert_true(g_str_has_suffix(got, "/unnamed-gpio-in[0]"));
    g_free(got);
    /* removing the target clears the link: no dangling line */
    object_unparent(OBJECT(b));
    g_assert_null(qdev_get_gpio_out_connector(a, NULL, 1));
    g_assert_null(qdev_get_gpio_out_connector(a, NULL, 0));
    qemu_irq_raise(TEST_GPIO(a)->out[1]);
    object_unparent(OBJECT(a));
}

static void test_gpio_intercept(void)
{
    DeviceState *dev = new_gpio();
    TestGpio *s = TEST_GPIO(dev);
    DeviceState *bare = qdev_new(TYPE_TEST_FAIL);
    int seen[2] = { -1, -1 };

    g_assert_false(qdev_intercept_gpio_in(bare, NULL, NULL));
    object_unref(bare);
    g_assert_true(qdev_intercept_gpio_in(dev, intercepted, seen));
    qemu_irq_raise(qdev_get_gpio_in_named(dev, "ctl", 1));
    g_assert_cmpint(seen[0], ==, 1);
    g_assert_cmpint(seen[1], ==, 1);
    g_assert_cmpint(s->calls, ==, 0);
    object_unparent(OBJECT(dev));
}

static void test_reset_order(void)
{
    TestSbd *a = new_sbd("A");
    TestSbd *b = new_sbd("B");

    g_string_truncate(log_buf, 0);
    qemu_devices_reset();
    g_assert_cmpstr(log_buf->str, ==, "A.reset B.reset A.exit B.exit ");
    g_string_truncate(log_buf, 0);
    device_cold_reset(DEVICE(b));
    g_assert_cmpstr(log_buf->str, ==, "B.reset B.exit ");
    /* an unrealized device is not reset */
    object_unparent(OBJECT(a));
    g_string_truncate(log_buf, 0);
    qemu_devices_reset();
    g_assert_cmpstr(log_buf->str, ==, "B.reset B.exit ");
    object_unparent(OBJECT(b));
}

static void test_sysbus_map(void)
{
    TestSbd *a = new_sbd("sa");
    TestSbd *b = new_sbd("sb");
    SysBusDevice *sa = SYS_BUS_DEVICE(a), *sb = SYS_BUS_DEVICE(b);
    int before;
    Error *err = NULL;

    g_assert_cmpint(sa->num_mmio, ==, 2);
    g_assert_true(sysbus_mmio_get_region(sa, 1) == &a->buf);
    g_assert_null(sysbus_mmio_get_region(sa, 2));
    g_assert_true(sysbus_mmio_map_checked(sa, 0, 0x1000, 0, &error_abort));
    g_assert_cmphex(sa->mmio[0].addr, ==, 0x1000);
    g_assert_true(memory_region_get_container(&a->regs) ==
                  get_system_memory());
    before = count_system_subregions();

    sysbus_mmio_map_checked(sa, 0, 0x8000, 0, &err);
    assert_error(&err, "MMIO region 0 of device 'sa' is already mapped");
    sysbus_mmio_map_checked(sa, 2, 0x8000, 0, &err);
    assert_error(&err, "Device 'sa' has no MMIO region 2");
    sysbus_mmio_map_checked(sa, 1, 0xffffffffffffff80ull, 0, &err);
    assert_error(&err, "Mapping at 0xffffffffffffff80 of size 0x100 wraps "
                 "around the address space");
    sysbus_mmio_map_checked(sb, 0, 0x1800, 0, &err);
    assert_error(&err, "Region 'sbd-regs' at [0x1800, 0x27ff] overlaps "
                 "region 'sbd-regs' at [0x1000, 0x1fff] with the same "
                 "priority 0");
    /* nothing changed */
    g_assert_cmphex(sa->mmio[0].addr, ==, 0x1000);
    g_assert_cmphex(sa->mmio[1].addr, ==, HWADDR_MAX);
    g_assert_cmphex(sb->mmio[0].addr, ==, HWADDR_MAX);
    g_assert_false(memory_region_is_mapped(&b->regs));
    g_assert_cmpint(count_system_subregions(), ==, before);

    /* another priority may overlap; so may adjacent ranges */
    g_assert_true(sysbus_mmio_map_checked(sb, 0, 0x1800, 1, &error_abort));
    g_assert_true(sysbus_mmio_map_checked(sa, 1, 0x2000, 0, &error_abort));
    g_assert_cmpint(memory_region_get_priority(&b->regs), ==, 1);

    /* unmap */
    g_assert_true(sysbus_mmio_unmap(sb, 0, &error_abort));
    g_assert_false(memory_region_is_mapped(&b->regs));
    g_assert_cmphex(sb->mmio[0].addr, ==, HWADDR_MAX);
    sysbus_mmio_unmap(sb, 0, &err);
    assert_error(&err, "MMIO region 0 of device 'sb' is not mapped");

    /* alias windows */
    g_assert_true(sysbus_mmio_map_alias(sb, 0, 0x800, 0x800, 0x80000, 0,
                                        &error_abort));
    g_assert_cmpuint(g_slist_length(sb->mmio[0].aliases), ==, 1);
    g_assert_nonnull(object_resolve_path("/machine/unattached/sysbus",
                                         NULL));
    sysbus_mmio_map_alias(sb, 0, 0x800, 0x801, 0x90000, 0, &err);
    assert_error(&err, "Window at offset 0x800 of size 0x801 is outside "
                 "MMIO region 0 of device 'sb' (size 0x1000)");
    sysbus_mmio_map_alias(sb, 0, 0, 0x10, 0x80400, 0, &err);
    assert_error(&err, "Region 'sbd-regs.alias' at [0x80400, 0x8040f] "
                 "overlaps region 'sbd-regs.alias' at [0x80000, 0x807ff] "
                 "with the same priority 0");
    g_assert_cmpuint(g_slist_length(sb->mmio[0].aliases), ==, 1);
    g_assert_true(sysbus_mmio_unmap(sb, 0, &error_abort));
    g_assert_null(sb->mmio[0].aliases);

    /* unparenting a device unmaps its regions */
    before = count_system_subregions();
    object_unparent(OBJECT(a));
    g_assert_cmpint(count_system_subregions(), ==, before - 2);
    object_unparent(OBJECT(b));
}

static void test_irq_connect_sysbus(void)
{
    TestSbd *s = new_sbd("irqs");
    DeviceState *g = new_gpio();
    Error *err = NULL;

    g_assert_false(sysbus_is_irq_connected(SYS_BUS_DEVICE(s), 1));
    sysbus_connect_irq(SYS_BUS_DEVICE(s), 1, qdev_get_gpio_in(g, 0));
    g_assert_true(sysbus_is_irq_connected(SYS_BUS_DEVICE(s), 1));
    qemu_irq_raise(s->irq[1]);
    g_assert_cmpint(TEST_GPIO(g)->last_level, ==, 1);
    set_json(s, "sysbus-irq[0]", "\"/machine/unattached/sysbus\"", &err);
    assert_error(&err, "Invalid parameter type for 'sysbus-irq[0]', "
                 "expected: irq");
    object_unparent(OBJECT(s));
    object_unparent(OBJECT(g));
}

static void test_qtree(void)
{
    TestSbd *s = new_sbd("qt");
    DeviceState *g = new_gpio();
    g_autoptr(GString) buf = g_string_new(NULL);

    sysbus_mmio_map(SYS_BUS_DEVICE(s), 1, 0x4000);
    qdev_info_qtree(buf, false);
    g_assert_cmpstr(buf->str, ==,
                    "bus: main-system-bus\n"
                    "  type System\n"
                    "  dev: test-sbd, id \"qt\"\n"
                    "    gpio-out \"sysbus-irq\" 2\n"
                    "    num = 7 (0x7)\n"
                    "    flag = true\n"
                    "    sz = 4096 (4 KiB)\n"
                    "    label = \"\"\n"
                    "    neg = -3 (0xfffffffffffffffd)\n"
                    "    small = 200 (0xc8)\n"
                    "    peer = \"\"\n"
                    "    chardev = \"\"\n"
                    "    mmio ffffffffffffffff/0000000000001000\n"
                    "    mmio 0000000000004000/0000000000000100\n");
    g_string_truncate(buf, 0);
    qdev_info_qtree(buf, true);
    g_assert_cmpstr(buf->str, ==,
                    "bus: main-system-bus\n"
                    "  type System\n"
                    "  dev: test-sbd, id \"qt\"\n"
                    "    gpio-out \"sysbus-irq\" 2\n"
                    "    mmio ffffffffffffffff/0000000000001000\n"
                    "    mmio 0000000000004000/0000000000000100\n");
    object_unparent(OBJECT(s));
    object_unparent(OBJECT(g));
}

/* Last: the machine becomes ready, which can't be undone. */
static void test_wiring_refused_when_ready(void)
{
    DeviceState *a = new_gpio();
    DeviceState *b = new_gpio();
    g_autofree char *pb = path_of(b);
    g_autofree char *json = g_strdup_printf("\"%s/unnamed-gpio-in[0]\"", pb);
    g_autofree char *pa = path_of(a);
    g_autofree char *msg = g_strdup_printf(
        "Cannot change IRQ wiring of '%s' (property 'unnamed-gpio-out[0]') "
        "once the machine is ready", pa);
    Error *err = NULL;

    while (!phase_check(PHASE_MACHINE_READY)) {
        phase_advance(phase_get() + 1);
    }
    set_json(a, "unnamed-gpio-out[0]", json, &err);
    assert_error(&err, msg);
    g_assert_null(qdev_get_gpio_out_connector(a, NULL, 0));
    /* board code may still wire (qtest interception does) */
    qdev_connect_gpio_out(a, 0, qdev_get_gpio_in(b, 0));
    g_assert_nonnull(qdev_get_gpio_out_connector(a, NULL, 0));
    /* devices realized now are hot-plugged */
    g_assert_true(new_gpio()->hotplugged);
    object_unparent(OBJECT(a));
    object_unparent(OBJECT(b));
}

int main(int argc, char **argv)
{
    int ret;

    log_buf = g_string_new(NULL);
    module_call_init(MODULE_INIT_QOM);
    container_get(object_get_root(), "/machine/unattached");
    memory_map_init();
    sysbus_get_default();
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/qdev/realize/placement", test_realize_placement);
    g_test_add_func("/qdev/realize/failure", test_realize_failure);
    g_test_add_func("/qdev/props/types-defaults", test_props_types_defaults);
    g_test_add_func("/qdev/props/after-realize", test_props_after_realize);
    g_test_add_func("/qdev/props/chardev", test_props_chardev);
    g_test_add_func("/qdev/gpio/connect", test_gpio_connect);
    g_test_add_func("/qdev/gpio/intercept", test_gpio_intercept);
    g_test_add_func("/qdev/reset/order", test_reset_order);
    g_test_add_func("/qdev/sysbus/map", test_sysbus_map);
    g_test_add_func("/qdev/sysbus/irq", test_irq_connect_sysbus);
    g_test_add_func("/qdev/info/qtree", test_qtree);
    g_test_add_func("/qdev/z-ready/gpio-refused",
                    test_wiring_refused_when_ready);
    ret = g_test_run();
    object_unparent(object_resolve_path("/machine", NULL));
    memory_map_cleanup();
    g_string_free(log_buf, true);
    return ret;
}
