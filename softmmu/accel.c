/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The accelerator types and the current accelerator (the qtest accelerator
 * is in accel/qtest/qtest.c).
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qemu/option.h"
#include "sysemu/accel.h"
#include "exec/cpu-exec.h"

static AccelState *the_accel;

AccelClass *accel_find(const char *name)
{
    g_autofree char *tname = g_strconcat(name, ACCEL_CLASS_SUFFIX, NULL);
    ObjectClass *oc = object_class_by_name(tname);

    if (!oc || object_class_is_abstract(oc) ||
        !object_class_dynamic_cast(oc, TYPE_ACCEL)) {
        return NULL;
    }
    return ACCEL_CLASS(oc);
}

static int set_accel_prop(void *opaque, const char *name, const char *value,
                          Error **errp)
{
    if (!strcmp(name, "accel")) {
        return 0;
    }
    return object_property_parse(opaque, name, value, errp) ? 0 : -1;
}

bool accel_init(AccelClass *ac, QemuOpts *props, Error **errp)
{
    Object *obj = object_new(object_class_get_name(OBJECT_CLASS(ac)));

    if ((props && qemu_opt_foreach(props, set_accel_prop, obj, errp)) ||
        (ac->init_machine && !ac->init_machine(ACCEL(obj), errp))) {
        object_unref(obj);
        return false;
    }
    accel_cleanup();
    the_accel = ACCEL(obj);
    return true;
}

AccelState *current_accel(void)
{
    return the_accel;
}

const char *current_accel_name(void)
{
    return the_accel ? ACCEL_GET_CLASS(the_accel)->name : NULL;
}

void accel_print_list(FILE *f)
{
    GSList *list = object_class_get_list_sorted(TYPE_ACCEL, false);
    GSList *el;

    fprintf(f, "Accelerators supported in QEMU binary:\n");
    for (el = list; el; el = el->next) {
        fprintf(f, "%s\n", ACCEL_CLASS(el->data)->name);
    }
    g_slist_free(list);
}

void accel_cleanup(void)
{
    if (the_accel) {
        object_unref(the_accel);
        the_accel = NULL;
    }
}

static void accel_class_base_init(ObjectClass *oc, void *data)
{
    AccelClass *ac = ACCEL_CLASS(oc);
    const char *tname = object_class_get_name(oc);

    if (g_str_has_suffix(tname, ACCEL_CLASS_SUFFIX)) {
        g_autofree char *name = g_strndup(tname, strlen(tname) -
                                          strlen(ACCEL_CLASS_SUFFIX));
        ac->name = g_intern_string(name);
    }
}

/*
 * tcg: "thread" is single or multi; one vCPU thread either way for now.
 * "x-backend": native (host code, the default where the host has a code
 * generator) or threaded (pre-decoded handlers, every host).  "tb-size":
 * the native code buffer in MiB, as QEMU's translation cache size.
 */
typedef struct TCGAccelState {
    AccelState parent_obj;
    char *thread;
    char *backend;
    uint64_t tb_size;           /* MiB of native code buffer, 0: default */
} TCGAccelState;

static const char *tcg_default_backend(void)
{
    return tcg_native_available() ? "native" : "threaded";
}

static char *tcg_get_backend(Object *obj, Error **errp)
{
    TCGAccelState *s = (TCGAccelState *)obj;

    return g_strdup(s->backend ? s->backend : tcg_default_backend());
}

static void tcg_set_backend(Object *obj, const char *value, Error **errp)
{
    TCGAccelState *s = (TCGAccelState *)obj;

    if (strcmp(value, "native") && strcmp(value, "threaded")) {
        error_setg(errp, "Invalid 'x-backend' setting %s", value);
        return;
    }
    if (!strcmp(value, "native") && !tcg_native_available()) {
        error_setg(errp, "The native TCG backend is not available on this "
                   "host");
        return;
    }
    g_free(s->backend);
    s->backend = g_strdup(value);
}

static bool tcg_init_machine(AccelState *accel, Error **errp)
{
    TCGAccelState *s = (TCGAccelState *)accel;
    g_autofree char *backend = tcg_get_backend(OBJECT(accel), NULL);
    bool native = !strcmp(backend, "native");

    if (!tcg_backend_init(native, (size_t)s->tb_size * 1024 * 1024)) {
        error_setg_errno(errp, errno, "Failed to map the TCG code buffer");
        return false;
    }
    return true;
}

static char *tcg_get_thread(Object *obj, Error **errp)
{
    TCGAccelState *s = (TCGAccelState *)obj;

    return g_strdup(s->thread ? s->thread : "single");
}

static void tcg_set_thread(Object *obj, const char *value, Error **errp)
{
    TCGAccelState *s = (TCGAccelState *)obj;

    if (strcmp(value, "single") && strcmp(value, "multi")) {
        error_setg(errp, "Invalid 'thread' setting %s", value);
        return;
    }
    g_free(s->thread);
    s->thread = g_strdup(value);
}

static void tcg_accel_finalize(Object *obj)
{
    g_free(((TCGAccelState *)obj)->thread);
    g_free(((TCGAccelState *)obj)->backend);
}

static void tcg_accel_class_init(ObjectClass *oc, void *data)
{
    AccelClass *ac = ACCEL_CLASS(oc);

    object_class_property_add_str(oc, "thread", tcg_get_thread,
                                  tcg_set_thread);
    object_class_property_set_description(oc, "thread",
                                          "Thread mode (single, multi)");
    object_class_property_add_str(oc, "x-backend", tcg_get_backend,
                                  tcg_set_backend);
    object_class_property_set_description(oc, "x-backend",
                                          "Code generator (native, threaded)");
    object_class_property_add_uint64_ptr(oc, "tb-size",
                                         offsetof(TCGAccelState, tb_size),
                                         OBJ_PROP_FLAG_READWRITE);
    object_class_property_set_description(oc, "tb-size",
                                          "TCG translation block cache size");
    ac->init_machine = tcg_init_machine;
}

static const TypeInfo accel_types[] = {
    {
        .name = TYPE_ACCEL,
        .parent = TYPE_OBJECT,
        .abstract = true,
        .instance_size = sizeof(AccelState),
        .class_size = sizeof(AccelClass),
        .class_base_init = accel_class_base_init,
    },
    {
        .name = ACCEL_CLASS_NAME("tcg"),
        .parent = TYPE_ACCEL,
        .instance_size = sizeof(TCGAccelState),
        .instance_finalize = tcg_accel_finalize,
        .class_init = tcg_accel_class_init,
    },
};

DEFINE_TYPES(accel_types)
