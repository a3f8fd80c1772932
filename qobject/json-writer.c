/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * JSON writer: serialises a JsonNode the way QEMU's monitor prints JSON.
 *
 * Compact form separates with ", " and ": ".  Pretty form puts every
 * member and element on its own line indented by 4 spaces per level, and
 * the closing bracket on a line of its own at the level of the container,
 * even when the container is empty ("{\n    }" nested one level deep).
 *
 * Strings are ASCII-only: '"', '\\' and \b \f \n \r \t get short escapes,
 * other control characters, DEL and all non-ASCII characters are written
 * as \uXXXX (upper-case hex, surrogate pairs beyond the BMP), and invalid
 * UTF-8 becomes \uFFFD.  Doubles are printed with "%.17g" in the C locale,
 * so 1.0 prints as "1".
 */

#include "qemu/osdep.h"
#include "json-internal.h"

static void append_indent(GString *out, bool pretty, unsigned depth)
{
    if (pretty) {
        g_string_append_c(out, '\n');
        for (unsigned i = 0; i < depth; i++) {
            g_string_append(out, "    ");
        }
    }
}

static void append_quoted(GString *out, const char *str)
{
    const char *p = str ? str : "";
    const char *end, *run;
    int cp;

    g_string_append_c(out, '"');
    while (*p) {
        unsigned char ch = *p;

        if (ch >= 0x20 && ch < 0x7F && ch != '"' && ch != '\\') {
            run = p;
            while ((unsigned char)*p >= 0x20 && (unsigned char)*p < 0x7F
                   && *p != '"' && *p != '\\') {
                p++;
            }
            g_string_append_len(out, run, p - run);
            continue;
        }
        cp = json_utf8_decode(p, 6, &end);
        p = end;
        switch (cp) {
        case '"':
            g_string_append(out, "\\\"");
            break;
        case '\\':
            g_string_append(out, "\\\\");
            break;
        case '\b':
            g_string_append(out, "\\b");
            break;
        case '\f':
            g_string_append(out, "\\f");
            break;
        case '\n':
            g_string_append(out, "\\n");
            break;
        case '\r':
            g_string_append(out, "\\r");
            break;
        case '\t':
            g_string_append(out, "\\t");
            break;
        default:
            if (cp < 0) {
                cp = 0xFFFD;
            }
            if (cp > 0xFFFF) {
                g_string_append_printf(out, "\\u%04X\\u%04X",
                                       0xD800 + ((cp - 0x10000) >> 10),
                                       0xDC00 + ((cp - 0x10000) & 0x3FF));
            } else {
                g_string_append_printf(out, "\\u%04X", cp);
            }
            break;
        }
    }
    g_string_append_c(out, '"');
}

static void append_double(GString *out, double v)
{
    char buf[G_ASCII_DTOSTR_BUF_SIZE];

    g_string_append(out, g_ascii_formatd(buf, sizeof(buf), "%.17g", v));
}

static void append_value(GString *out, JsonNode *node)
{
    GType type = json_node_get_value_type(node);

    if (type == G_TYPE_INT64) {
        g_string_append_printf(out, "%" PRId64, json_node_get_int(node));
    } else if (type == G_TYPE_DOUBLE) {
        append_double(out, json_node_get_double(node));
    } else if (type == G_TYPE_BOOLEAN) {
        g_string_append(out, json_node_get_boolean(node) ? "true" : "false");
    } else if (type == G_TYPE_STRING) {
        append_quoted(out, json_node_get_string(node));
    } else {
        /* json-glib narrower types, should any appear */
        GValue v = G_VALUE_INIT, s = G_VALUE_INIT;

        json_node_get_value(node, &v);
        g_value_init(&s, G_TYPE_INT64);
        if (g_value_type_transformable(type, G_TYPE_INT64)
            && g_value_transform(&v, &s)) {
            g_string_append_printf(out, "%" PRId64, g_value_get_int64(&s));
        } else {
            g_string_append(out, "null");
        }
        g_value_unset(&s);
        g_value_unset(&v);
    }
}

static void append_node(GString *out, JsonNode *node, bool pretty,
                        unsigned depth)
{
    if (!node) {
        g_string_append(out, "null");
        return;
    }
    switch (JSON_NODE_TYPE(node)) {
    case JSON_NODE_OBJECT: {
        JsonObject *obj = json_node_get_object(node);
        GList *members = json_object_get_members(obj);

        g_string_append_c(out, '{');
        for (GList *l = members; l; l = l->next) {
            if (l != members) {
                g_string_append_c(out, ',');
                if (!pretty) {
                    g_string_append_c(out, ' ');
                }
            }
            append_indent(out, pretty, depth + 1);
            append_quoted(out, l->data);
            g_string_append(out, ": ");
            append_node(out, json_object_get_member(obj, l->data), pretty,
                        depth + 1);
        }
        g_list_free(members);
        append_indent(out, pretty, depth);
        g_string_append_c(out, '}');
        break;
    }
    case JSON_NODE_ARRAY: {
        JsonArray *arr = json_node_get_array(node);
        guint n = json_array_get_length(arr);

        g_string_append_c(out, '[');
        for (guint i = 0; i < n; i++) {
            if (i) {
                g_string_append_c(out, ',');
                if (!pretty) {
                    g_string_append_c(out, ' ');
                }
            }
            append_indent(out, pretty, depth + 1);
            append_node(out, json_array_get_element(arr, i), pretty,
                        depth + 1);
        }
        append_indent(out, pretty, depth);
        g_string_append_c(out, ']');
        break;
    }
    case JSON_NODE_VALUE:
        append_value(out, node);
        break;
    case JSON_NODE_NULL:
    default:
        g_string_append(out, "null");
        break;
    }
}

void qjson_append(GString *out, JsonNode *node, bool pretty)
{
    append_node(out, node, pretty, 0);
}

char *qjson_to_string(JsonNode *node, bool pretty)
{
    GString *out = g_string_new(NULL);

    qjson_append(out, node, pretty);
    return g_string_free(out, false);
}
