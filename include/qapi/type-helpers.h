/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Run-time support for the code scripts/qapi-gen.py generates: reading
 * schema types from JSON values with QEMU's error texts, and writing them
 * back in the member order QEMU emits.
 *
 * Input functions take the value's full path (@path, "a.b[2].c", NULL for
 * the top-level value) for "missing", "unexpected" and type errors, and
 * its bare member name (@name, NULL for list elements) where QEMU uses
 * that instead: enum values and integer ranges.  A NULL name is printed
 * as 'null', as QEMU does.
 */
#ifndef QAPI_TYPE_HELPERS_H
#define QAPI_TYPE_HELPERS_H

#include <json-glib/json-glib.h>

/* The JSON type of a value, as alternate types tell their branches apart. */
typedef enum QType {
    QTYPE_NONE,
    QTYPE_QNULL,
    QTYPE_QNUM,
    QTYPE_QSTRING,
    QTYPE_QDICT,
    QTYPE_QLIST,
    QTYPE_QBOOL,
    QTYPE__MAX,
} QType;

/** qapi_json_qtype: the QType of @node (QTYPE_NONE for NULL). */
QType qapi_json_qtype(JsonNode *node);

/** qapi_json_unref: json_node_unref() that accepts NULL. */
void qapi_json_unref(JsonNode *node);

/**
 * qapi_path_member: the full path of member @name of the value at @path.
 *
 * Returns: "@path.@name", or @name when @path is NULL (g_free() it).
 */
char *qapi_path_member(const char *path, const char *name);

/**
 * qapi_path_index: the full path of element @index of the array at @path.
 *
 * Returns: "@path[@index]" (g_free() it).
 */
char *qapi_path_index(const char *path, unsigned index);

/** qapi_seen_new: a set of member names (borrowed strings). */
GHashTable *qapi_seen_new(void);

/**
 * qapi_member_get: look up member @name of @obj and remember in @seen that
 * it was visited.
 *
 * Returns: the member (borrowed), or NULL if @obj has none.
 */
JsonNode *qapi_member_get(JsonObject *obj, const char *name,
                          GHashTable *seen);

/** qapi_error_missing: "Parameter '@path.@name' is missing". */
void qapi_error_missing(const char *path, const char *name, Error **errp);

/**
 * qapi_check_unexpected: fail with "Parameter '%s' is unexpected" for the
 * first member of @obj (in QEMU's member order) not in @seen.
 */
bool qapi_check_unexpected(JsonObject *obj, const char *path,
                           GHashTable *seen, Error **errp);

/* @node must be an object ("... expected: object") or an array. */
bool qapi_input_object_node(JsonNode *node, const char *path,
                            JsonObject **out, Error **errp);
bool qapi_input_array_node(JsonNode *node, const char *path,
                           JsonArray **out, Error **errp);

/* Built-in types.  Strings are copied; 'any' and 'null' values ref'd. */
bool qapi_input_str(JsonNode *node, const char *path, const char *name,
                    char **out, Error **errp);
bool qapi_input_number(JsonNode *node, const char *path, const char *name,
                       double *out, Error **errp);
bool qapi_input_int(JsonNode *node, const char *path, const char *name,
                    int64_t *out, Error **errp);
bool qapi_input_int8(JsonNode *node, const char *path, const char *name,
                     int8_t *out, Error **errp);
bool qapi_input_int16(JsonNode *node, const char *path, const char *name,
                      int16_t *out, Error **errp);
bool qapi_input_int32(JsonNode *node, const char *path, const char *name,
                      int32_t *out, Error **errp);
bool qapi_input_int64(JsonNode *node, const char *path, const char *name,
                      int64_t *out, Error **errp);
bool qapi_input_uint8(JsonNode *node, const char *path, const char *name,
                      uint8_t *out, Error **errp);
bool qapi_input_uint16(JsonNode *node, const char *path, const char *name,
                       uint16_t *out, Error **errp);
bool qapi_input_uint32(JsonNode *node, const char *path, const char *name,
                       uint32_t *out, Error **errp);
bool qapi_input_uint64(JsonNode *node, const char *path, const char *name,
                       uint64_t *out, Error **errp);
bool qapi_input_size(JsonNode *node, const char *path, const char *name,
                     uint64_t *out, Error **errp);
bool qapi_input_bool(JsonNode *node, const char *path, const char *name,
                     bool *out, Error **errp);
bool qapi_input_any(JsonNode *node, const char *path, const char *name,
                    JsonNode **out, Error **errp);
bool qapi_input_null(JsonNode *node, const char *path, const char *name,
                     JsonNode **out, Error **errp);
/* "Parameter '@name' does not accept value '%s'" for unknown names. */
bool qapi_input_enum(JsonNode *node, const char *path, const char *name,
                     const QEnumLookup *lookup, int *out, Error **errp);

/* Output: each returns a new node.  A NULL string is written as "". */
JsonNode *qapi_output_str(const char *in);
JsonNode *qapi_output_number(double in);
JsonNode *qapi_output_int(int64_t in);
JsonNode *qapi_output_int8(int8_t in);
JsonNode *qapi_output_int16(int16_t in);
JsonNode *qapi_output_int32(int32_t in);
JsonNode *qapi_output_int64(int64_t in);
JsonNode *qapi_output_uint8(uint8_t in);
JsonNode *qapi_output_uint16(uint16_t in);
JsonNode *qapi_output_uint32(uint32_t in);
JsonNode *qapi_output_uint64(uint64_t in);
JsonNode *qapi_output_size(uint64_t in);
JsonNode *qapi_output_bool(bool in);
/* A copy of @in, or JSON null for NULL. */
JsonNode *qapi_output_any(JsonNode *in);
JsonNode *qapi_output_null(void);
JsonNode *qapi_output_enum(const QEnumLookup *lookup, int in);

/**
 * qdict_member_order: the members of @obj in the order QEMU emits them.
 *
 * QEMU keeps JSON objects in a 512-bucket hash table and writes them out
 * bucket by bucket, the most recently added member first within a bucket.
 * Replies that clients compare byte for byte depend on that order.
 *
 * Returns: a list of the member names (borrowed from @obj); g_list_free()
 * it.
 */
GList *qdict_member_order(JsonObject *obj);

/**
 * qapi_object_finish: turn a freshly built object into a node, with its
 * members re-added in QEMU's order (see qdict_member_order()).  Takes
 * ownership of @obj.
 */
JsonNode *qapi_object_finish(JsonObject *obj);

#endif
