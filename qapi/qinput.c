/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Typed input from JSON values and from option strings (qapi/input.h), with
 * QEMU 7.2's error texts.
 *
 * Where QEMU's messages are irregular, we copy them: a JSON value of the
 * wrong type for an unsigned integer or a size is "Parameter 'x' expects
 * uint64" (QEMU's unsigned input shares one message for both the wrong type
 * and the wrong range), while every other wrong type is "Invalid parameter
 * type for 'x', expected: ...".
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qapi/input.h"
#include "qapi/util.h"
#include "qemu/cutils.h"
#include "qobject/json.h"

static const char *pname(const char *name)
{
    return name ? name : "null";
}

static bool node_missing(JsonNode *node, const char *name, Error **errp)
{
    if (node) {
        return false;
    }
    error_setg(errp, "Parameter '%s' is missing", pname(name));
    return true;
}

static GType node_value_type(JsonNode *node)
{
    if (!JSON_NODE_HOLDS_VALUE(node)) {
        return G_TYPE_INVALID;
    }
    return json_node_get_value_type(node);
}

static bool node_is_int(JsonNode *node)
{
    GType t = node_value_type(node);

    return t == G_TYPE_INT64 || t == G_TYPE_INT;
}

static void wrong_type(const char *name, const char *expected, Error **errp)
{
    error_setg(errp, "Invalid parameter type for '%s', expected: %s",
               pname(name), expected);
}

static void bad_value(const char *name, const char *expected, Error **errp)
{
    error_setg(errp, "Parameter '%s' expects %s", pname(name), expected);
}

static bool int_in_range(int bits, int64_t val)
{
    if (bits == 64) {
        return true;
    }
    return val >= -(INT64_C(1) << (bits - 1)) &&
           val < (INT64_C(1) << (bits - 1));
}

static bool uint_in_range(int bits, uint64_t val)
{
    return bits == 64 || val < (UINT64_C(1) << bits);
}

static bool check_int_range(const char *name, int bits, int64_t val,
                            Error **errp)
{
    char expected[16];

    assert(bits == 8 || bits == 16 || bits == 32 || bits == 64);
    if (int_in_range(bits, val)) {
        return true;
    }
    snprintf(expected, sizeof(expected), "int%d_t", bits);
    bad_value(name, expected, errp);
    return false;
}

static bool check_uint_range(const char *name, int bits, uint64_t val,
                             Error **errp)
{
    char expected[16];

    assert(bits == 8 || bits == 16 || bits == 32 || bits == 64);
    if (uint_in_range(bits, val)) {
        return true;
    }
    snprintf(expected, sizeof(expected), "uint%d_t", bits);
    bad_value(name, expected, errp);
    return false;
}

bool qinput_bool(JsonNode *node, const char *name, bool *out, Error **errp)
{
    if (node_missing(node, name, errp)) {
        return false;
    }
    if (node_value_type(node) != G_TYPE_BOOLEAN) {
        wrong_type(name, "boolean", errp);
        return false;
    }
    *out = json_node_get_boolean(node);
    return true;
}

bool qinput_int64(JsonNode *node, const char *name, int64_t *out,
                  Error **errp)
{
    if (node_missing(node, name, errp)) {
        return false;
    }
    if (!node_is_int(node)) {
        wrong_type(name, "integer", errp);
        return false;
    }
    *out = json_node_get_int(node);
    return true;
}

bool qinput_uint64(JsonNode *node, const char *name, uint64_t *out,
                   Error **errp)
{
    if (node_missing(node, name, errp)) {
        return false;
    }
    if (!node_is_int(node)) {
        /* QEMU's text for any non-integer, not just out of range ones */
        bad_value(name, "uint64", errp);
        return false;
    }
    /* negative integers wrap; big unsigned ones are stored with the bits */
    *out = (uint64_t)json_node_get_int(node);
    return true;
}

bool qinput_intN(JsonNode *node, const char *name, int bits, int64_t *out,
                 Error **errp)
{
    int64_t val;

    if (!qinput_int64(node, name, &val, errp) ||
        !check_int_range(name, bits, val, errp)) {
        return false;
    }
    *out = val;
    return true;
}

bool qinput_uintN(JsonNode *node, const char *name, int bits, uint64_t *out,
                  Error **errp)
{
    uint64_t val;

    if (!qinput_uint64(node, name, &val, errp) ||
        !check_uint_range(name, bits, val, errp)) {
        return false;
    }
    *out = val;
    return true;
}

bool qinput_size(JsonNode *node, const char *name, uint64_t *out,
                 Error **errp)
{
    return qinput_uint64(node, name, out, errp);
}

bool qinput_number(JsonNode *node, const char *name, double *out,
                   Error **errp)
{
    if (node_missing(node, name, errp)) {
        return false;
    }
    if (node_is_int(node)) {
        *out = json_node_get_int(node);
        return true;
    }
    if (node_value_type(node) != G_TYPE_DOUBLE) {
        wrong_type(name, "number", errp);
        return false;
    }
    *out = json_node_get_double(node);
    return true;
}

bool qinput_str(JsonNode *node, const char *name, const char **out,
                Error **errp)
{
    if (node_missing(node, name, errp)) {
        return false;
    }
    if (node_value_type(node) != G_TYPE_STRING) {
        wrong_type(name, "string", errp);
        return false;
    }
    *out = json_node_get_string(node);
    return true;
}

bool qinput_enum(JsonNode *node, const char *name, const QEnumLookup *lookup,
                 int *out, Error **errp)
{
    const char *str;
    int val;

    if (!qinput_str(node, name, &str, errp)) {
        return false;
    }
    val = qapi_enum_parse(lookup, str, -1, NULL);
    if (val < 0) {
        error_setg(errp, "Parameter '%s' does not accept value '%s'",
                   pname(name), str);
        return false;
    }
    *out = val;
    return true;
}

bool qinput_object(JsonNode *node, const char *name, JsonObject **out,
                   Error **errp)
{
    if (node_missing(node, name, errp)) {
        return false;
    }
    if (!JSON_NODE_HOLDS_OBJECT(node)) {
        wrong_type(name, "object", errp);
        return false;
    }
    *out = json_node_get_object(node);
    return true;
}

bool qinput_array(JsonNode *node, const char *name, JsonArray **out,
                  Error **errp)
{
    if (node_missing(node, name, errp)) {
        return false;
    }
    if (!JSON_NODE_HOLDS_ARRAY(node)) {
        wrong_type(name, "array", errp);
        return false;
    }
    *out = json_node_get_array(node);
    return true;
}

bool qinput_parse_bool(const char *str, const char *name, bool *out,
                       Error **errp)
{
    /* QEMU's spellings, case-sensitive ("YES" is refused) */
    static const char *const yes[] = { "on", "yes", "true", "y" };
    static const char *const no[] = { "off", "no", "false", "n" };

    for (size_t i = 0; str && i < ARRAY_SIZE(yes); i++) {
        if (!strcmp(str, yes[i])) {
            *out = true;
            return true;
        }
        if (!strcmp(str, no[i])) {
            *out = false;
            return true;
        }
    }
    bad_value(name, "'on' or 'off'", errp);
    return false;
}

bool qinput_parse_int64(const char *str, const char *name, int64_t *out,
                        Error **errp)
{
    int64_t val;

    if (qemu_strtoi64(str, NULL, 0, &val) < 0) {
        bad_value(name, "integer", errp);
        return false;
    }
    *out = val;
    return true;
}

bool qinput_parse_uint64(const char *str, const char *name, uint64_t *out,
                         Error **errp)
{
    uint64_t val;

    if (qemu_strtou64(str, NULL, 0, &val) < 0) {
        bad_value(name, "integer", errp);
        return false;
    }
    *out = val;
    return true;
}

bool qinput_parse_intN(const char *str, const char *name, int bits,
                       int64_t *out, Error **errp)
{
    int64_t val;

    if (!qinput_parse_int64(str, name, &val, errp) ||
        !check_int_range(name, bits, val, errp)) {
        return false;
    }
    *out = val;
    return true;
}

bool qinput_parse_uintN(const char *str, const char *name, int bits,
                        uint64_t *out, Error **errp)
{
    uint64_t val;

    if (!qinput_parse_uint64(str, name, &val, errp) ||
        !check_uint_range(name, bits, val, errp)) {
        return false;
    }
    *out = val;
    return true;
}

bool qinput_parse_size(const char *str, const char *name, uint64_t *out,
                       Error **errp)
{
    uint64_t val;

    /*
     * QEMU 7.2 gives this one text for every failure here, overflow
     * included ("size=16E"); the "below 2^64" text belongs to QemuOpts
     * (qemu_opt_get_size(), used by -m).
     */
    if (qemu_strtosz(str, NULL, &val) < 0) {
        bad_value(name, "a size value", errp);
        return false;
    }
    *out = val;
    return true;
}

bool qinput_parse_number(const char *str, const char *name, double *out,
                         Error **errp)
{
    double val;

    if (qemu_strtod_finite(str, NULL, &val) < 0) {
        /* QEMU's text for a bad number string */
        wrong_type(name, "number", errp);
        return false;
    }
    *out = val;
    return true;
}
