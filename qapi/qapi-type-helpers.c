/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Run-time support for QAPI-generated marshalling code. */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qapi/input.h"
#include "qapi/util.h"
#include "qapi/type-helpers.h"

QType qapi_json_qtype(JsonNode *node)
{
    if (!node) {
        return QTYPE_NONE;
    }
    switch (json_node_get_node_type(node)) {
    case JSON_NODE_OBJECT:
        return QTYPE_QDICT;
    case JSON_NODE_ARRAY:
        return QTYPE_QLIST;
    case JSON_NODE_NULL:
        return QTYPE_QNULL;
    case JSON_NODE_VALUE:
        break;
    }
    switch (json_node_get_value_type(node)) {
    case G_TYPE_STRING:
        return QTYPE_QSTRING;
    case G_TYPE_BOOLEAN:
        return QTYPE_QBOOL;
    default:
        return QTYPE_QNUM;
    }
}

void qapi_json_unref(JsonNode *node)
{
    if (node) {
        json_node_unref(node);
    }
}

char *qapi_path_member(const char *path, const char *name)
{
    return path ? g_strdup_printf("%s.%s", path, name) : g_strdup(name);
}

char *qapi_path_index(const char *path, unsigned index)
{
    return g_strdup_printf("%s[%u]", path ? path : "", index);
}

GHashTable *qapi_seen_new(void)
{
    return g_hash_table_new(g_str_hash, g_str_equal);
}

JsonNode *qapi_member_get(JsonObject *obj, const char *name,
                          GHashTable *seen)
{
    JsonNode *node = json_object_get_member(obj, name);

    if (node) {
        g_hash_table_add(seen, (gpointer)name);
    }
    return node;
}

void qapi_error_missing(const char *path, const char *name, Error **errp)
{
    g_autofree char *full = qapi_path_member(path, name);

    error_setg(errp, "Parameter '%s' is missing", full);
}

bool qapi_check_unexpected(JsonObject *obj, const char *path,
                           GHashTable *seen, Error **errp)
{
    GList *members = qdict_member_order(obj);
    GList *l;
    bool ok = true;

    for (l = members; l; l = l->next) {
        if (!g_hash_table_contains(seen, l->data)) {
            g_autofree char *full = qapi_path_member(path, l->data);

            error_setg(errp, "Parameter '%s' is unexpected", full);
            ok = false;
            break;
        }
    }
    g_list_free(members);
    return ok;
}

static const char *path_or_null(const char *path)
{
    return path ? path : "null";
}

static const char *name_or_null(const char *name)
{
    return name ? name : "null";
}

bool qapi_input_object_node(JsonNode *node, const char *path,
                            JsonObject **out, Error **errp)
{
    return qinput_object(node, path_or_null(path), out, errp);
}

bool qapi_input_array_node(JsonNode *node, const char *path,
                           JsonArray **out, Error **errp)
{
    return qinput_array(node, path_or_null(path), out, errp);
}

bool qapi_input_str(JsonNode *node, const char *path, const char *name,
                    char **out, Error **errp)
{
    const char *str;

    if (!qinput_str(node, path_or_null(path), &str, errp)) {
        return false;
    }
    *out = g_strdup(str);
    return true;
}

bool qapi_input_number(JsonNode *node, const char *path, const char *name,
                       double *out, Error **errp)
{
    return qinput_number(node, path_or_null(path), out, errp);
}

bool qapi_input_int(JsonNode *node, const char *path, const char *name,
                    int64_t *out, Error **errp)
{
    return qinput_int64(node, path_or_null(path), out, errp);
}

/*
 * Sized integers: a type error names the full path, a range error the bare
 * member name, as QEMU's visitors do.
 */
static bool input_signed(JsonNode *node, const char *path, const char *name,
                         int64_t min, int64_t max, const char *type,
                         int64_t *out, Error **errp)
{
    if (!qinput_int64(node, path_or_null(path), out, errp)) {
        return false;
    }
    if (*out < min || *out > max) {
        error_setg(errp, "Parameter '%s' expects %s", name_or_null(name),
                   type);
        return false;
    }
    return true;
}

static bool input_unsigned(JsonNode *node, const char *path,
                           const char *name, uint64_t max, const char *type,
                           uint64_t *out, Error **errp)
{
    if (!qinput_uint64(node, path_or_null(path), out, errp)) {
        return false;
    }
    if (*out > max) {
        error_setg(errp, "Parameter '%s' expects %s", name_or_null(name),
                   type);
        return false;
    }
    return true;
}

bool qapi_input_int8(JsonNode *node, const char *path, const char *name,
                     int8_t *out, Error **errp)
{
    int64_t v;

    if (!input_signed(node, path, name, INT8_MIN, INT8_MAX, "int8_t", &v,
                      errp)) {
        return false;
    }
    *out = v;
    return true;
}

bool qapi_input_int16(JsonNode *node, const char *path, const char *name,
                      int16_t *out, Error **errp)
{
    int64_t v;

    if (!input_signed(node, path, name, INT16_MIN, INT16_MAX, "int16_t", &v,
                      errp)) {
        return false;
    }
    *out = v;
    return true;
}

bool qapi_input_int32(JsonNode *node, const char *path, const char *name,
                      int32_t *out, Error **errp)
{
    int64_t v;

    if (!input_signed(node, path, name, INT32_MIN, INT32_MAX, "int32_t", &v,
                      errp)) {
        return false;
    }
    *out = v;
    return true;
}

bool qapi_input_int64(JsonNode *node, const char *path, const char *name,
                      int64_t *out, Error **errp)
{
    return qinput_int64(node, path_or_null(path), out, errp);
}

bool qapi_input_uint8(JsonNode *node, const char *path, const char *name,
                      uint8_t *out, Error **errp)
{
    uint64_t v;

    if (!input_unsigned(node, path, name, UINT8_MAX, "uint8_t", &v, errp)) {
        return false;
    }
    *out = v;
    return true;
}

bool qapi_input_uint16(JsonNode *node, const char *path, const char *name,
                       uint16_t *out, Error **errp)
{
    uint64_t v;

    if (!input_unsigned(node, path, name, UINT16_MAX, "uint16_t", &v,
                        errp)) {
        return false;
    }
    *out = v;
    return true;
}

bool qapi_input_uint32(JsonNode *node, const char *path, const char *name,
                       uint32_t *out, Error **errp)
{
    uint64_t v;

    if (!input_unsigned(node, path, name, UINT32_MAX, "uint32_t", &v,
                        errp)) {
        return false;
    }
    *out = v;
    return true;
}

bool qapi_input_uint64(JsonNode *node, const char *path, const char *name,
                       uint64_t *out, Error **errp)
{
    return qinput_uint64(node, path_or_null(path), out, errp);
}

bool qapi_input_size(JsonNode *node, const char *path, const char *name,
                     uint64_t *out, Error **errp)
{
    return qinput_size(node, path_or_null(path), out, errp);
}

bool qapi_input_bool(JsonNode *node, const char *path, const char *name,
                     bool *out, Error **errp)
{
    return qinput_bool(node, path_or_null(path), out, errp);
}

bool qapi_input_any(JsonNode *node, const char *path, const char *name,
                    JsonNode **out, Error **errp)
{
    *out = json_node_ref(node);
    return true;
}

bool qapi_input_null(JsonNode *node, const char *path, const char *name,
                     JsonNode **out, Error **errp)
{
    if (!JSON_NODE_HOLDS_NULL(node)) {
        error_setg(errp, "Invalid parameter type for '%s', expected: null",
                   path_or_null(path));
        return false;
    }
    *out = json_node_ref(node);
    return true;
}

bool qapi_input_enum(JsonNode *node, const char *path, const char *name,
                     const QEnumLookup *lookup, int *out, Error **errp)
{
    const char *str;
    int i;

    if (!qinput_str(node, path_or_null(path), &str, errp)) {
        return false;
    }
    for (i = 0; i < lookup->size; i++) {
        if (!strcmp(lookup->array[i], str)) {
            *out = i;
            return true;
        }
    }
    error_setg(errp, "Parameter '%s' does not accept value '%s'",
               name_or_null(name), str);
    return false;
}

JsonNode *qapi_output_str(const char *in)
{
    return json_node_init_string(json_node_alloc(), in ? in : "");
}

JsonNode *qapi_output_number(double in)
{
    return json_node_init_double(json_node_alloc(), in);
}

JsonNode *qapi_output_int(int64_t in)
{
    return json_node_init_int(json_node_alloc(), in);
}

JsonNode *qapi_output_int8(int8_t in)
{
    return qapi_output_int(in);
}

JsonNode *qapi_output_int16(int16_t in)
{
    return qapi_output_int(in);
}

JsonNode *qapi_output_int32(int32_t in)
{
    return qapi_output_int(in);
}

JsonNode *qapi_output_int64(int64_t in)
{
    return qapi_output_int(in);
}

JsonNode *qapi_output_uint8(uint8_t in)
{
    return qapi_output_int(in);
}

JsonNode *qapi_output_uint16(uint16_t in)
{
    return qapi_output_int(in);
}

JsonNode *qapi_output_uint32(uint32_t in)
{
    return qapi_output_int(in);
}

/* Values above INT64_MAX keep their 64 bits, see qobject/json.h. */
JsonNode *qapi_output_uint64(uint64_t in)
{
    return qapi_output_int((int64_t)in);
}

JsonNode *qapi_output_size(uint64_t in)
{
    return qapi_output_uint64(in);
}

JsonNode *qapi_output_bool(bool in)
{
    return json_node_init_boolean(json_node_alloc(), in);
}

JsonNode *qapi_output_any(JsonNode *in)
{
    return in ? json_node_copy(in) : qapi_output_null();
}

JsonNode *qapi_output_null(void)
{
    return json_node_init_null(json_node_alloc());
}

JsonNode *qapi_output_enum(const QEnumLookup *lookup, int in)
{
    return qapi_output_str(qapi_enum_lookup(lookup, in));
}

/* The bucket QEMU's QDict puts @key in (QEMU's tdb_hash, mod 512). */
static unsigned qdict_bucket(const char *key)
{
    uint32_t value = 0x238F13AFu * (uint32_t)strlen(key);
    unsigned i;

    for (i = 0; key[i]; i++) {
        value += (uint32_t)(unsigned char)key[i] << (i * 5 % 24);
    }
    return (1103515243u * value + 12345u) % 512;
}

typedef struct OrderKey {
    const char *name;
    unsigned bucket;
    unsigned index;
} OrderKey;

static int order_key_cmp(const void *a, const void *b)
{
    const OrderKey *ka = a;
    const OrderKey *kb = b;

    if (ka->bucket != kb->bucket) {
        return ka->bucket < kb->bucket ? -1 : 1;
    }
    /* Later additions come first within a bucket. */
    return ka->index > kb->index ? -1 : ka->index < kb->index;
}

GList *qdict_member_order(JsonObject *obj)
{
    GList *names = json_object_get_members(obj);
    guint n = g_list_length(names);
    g_autofree OrderKey *keys = g_new(OrderKey, n ? n : 1);
    GList *l, *out = NULL;
    guint i = 0;

    for (l = names; l; l = l->next, i++) {
        keys[i].name = l->data;
        keys[i].bucket = qdict_bucket(l->data);
        keys[i].index = i;
    }
    g_list_free(names);
    qsort(keys, n, sizeof(*keys), order_key_cmp);
    for (i = n; i > 0; i--) {
        out = g_list_prepend(out, (gpointer)keys[i - 1].name);
    }
    return out;
}

JsonNode *qapi_object_finish(JsonObject *obj)
{
    GList *order = qdict_member_order(obj);
    JsonObject *sorted = json_object_new();
    JsonNode *node = json_node_alloc();
    GList *l;

    for (l = order; l; l = l->next) {
        json_object_set_member(sorted, l->data,
                               json_node_ref(json_object_get_member(obj,
                                                                    l->data)));
    }
    g_list_free(order);
    json_object_unref(obj);
    json_node_init_object(node, sorted);
    json_object_unref(sorted);
    return node;
}
