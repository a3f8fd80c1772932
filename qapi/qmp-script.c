/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * QMP scripts: qmp-shell lines parsed into requests and dispatched
 * in-process (board files, -machine-script).  See qapi/qmp/qmp-script.h.
 */
#include "qemu/osdep.h"
#include "hw/qdev-core.h"
#include "qapi/error.h"
#include "qapi/qmp/qmp-script.h"
#include "qobject/json.h"

/*
 * The next token of @p: a run of non-space characters in which a "..." or
 * '...' section (backslash escapes a character) may hold spaces.  The
 * quotes stay in the token.  Returns NULL at the end of the line.
 */
static char *next_token(const char **p, Error **errp)
{
    const char *s = *p, *start;

    while (g_ascii_isspace(*s)) {
        s++;
    }
    if (!*s) {
        *p = s;
        return NULL;
    }
    start = s;
    while (*s && !g_ascii_isspace(*s)) {
        if (*s == '"' || *s == '\'') {
            char quote = *s++;

            while (*s && *s != quote) {
                if (*s == '\\' && s[1]) {
                    s++;
                }
                s++;
            }
            if (!*s) {
                error_setg(errp, "Unterminated quote in '%s'", start);
                return NULL;
            }
        }
        s++;
    }
    *p = s;
    return g_strndup(start, s - start);
}

/* Python's int() in base 10: [+-]digits, '_' allowed between digits */
static bool parse_int(const char *s, int64_t *value)
{
    bool neg = false;
    uint64_t v = 0;
    bool digit_before = false;

    if (*s == '+' || *s == '-') {
        neg = *s == '-';
        s++;
    }
    if (!g_ascii_isdigit(*s)) {
        return false;
    }
    for (; *s; s++) {
        if (*s == '_' && digit_before && g_ascii_isdigit(s[1])) {
            digit_before = false;
            continue;
        }
        if (!g_ascii_isdigit(*s)) {
            return false;
        }
        if (v > (UINT64_MAX - (*s - '0')) / 10) {
            return false;       /* too big: kept as a string */
        }
        v = v * 10 + (*s - '0');
        digit_before = true;
    }
    if (neg ? v > (uint64_t)INT64_MAX + 1 : false) {
        return false;
    }
    /* above INT64_MAX: the same 64 bits, as our JSON layer stores them */
    *value = neg ? (int64_t)(0 - v) : (int64_t)v;
    return true;
}

/* qmp-shell's value typing */
static JsonNode *parse_value(const char *val)
{
    JsonNode *node;
    int64_t i;

    if (parse_int(val, &i)) {
        node = json_node_new(JSON_NODE_VALUE);
        json_node_set_int(node, i);
        return node;
    }
    if (!g_ascii_strcasecmp(val, "true") || !g_ascii_strcasecmp(val, "false")) {
        node = json_node_new(JSON_NODE_VALUE);
        json_node_set_boolean(node, !g_ascii_strcasecmp(val, "true"));
        return node;
    }
    if (val[0] == '{' || val[0] == '[') {
        node = qjson_parse(val, NULL);
        if (node) {
            return node;
        }
    }
    node = json_node_new(JSON_NODE_VALUE);
    json_node_set_string(node, val);
    return node;
}

/* Store KEY=VALUE into @args; dotted keys nest */
static bool parse_pair(JsonObject *args, const char *tok, Error **errp)
{
    const char *eq = strchr(tok, '=');
    g_autofree char *key = NULL;
    g_auto(GStrv) path = NULL;
    JsonObject *obj = args;
    guint i, n;

    if (!eq) {
        error_setg(errp, "Expected a key=value pair, got '%s'", tok);
        return false;
    }
    key = g_strndup(tok, eq - tok);
    path = g_strsplit(key, ".", -1);
    n = g_strv_length(path);
    for (i = 0; i + 1 < n; i++) {
        JsonNode *child = json_object_get_member(obj, path[i]);

        if (!child) {
            json_object_set_object_member(obj, path[i], json_object_new());
            child = json_object_get_member(obj, path[i]);
        } else if (!JSON_NODE_HOLDS_OBJECT(child)) {
            g_autoptr(GString) prefix = g_string_new(path[0]);
            guint j;

            for (j = 1; j <= i; j++) {
                g_string_append_printf(prefix, ".%s", path[j]);
            }
            error_setg(errp, "Cannot use \"%s\" as both leaf and non-leaf "
                       "key", prefix->str);
            return false;
        }
        obj = json_node_get_object(child);
    }
    if (json_object_has_member(obj, path[n - 1])) {
        if (JSON_NODE_HOLDS_OBJECT(json_object_get_member(obj,
                                                          path[n - 1]))) {
            error_setg(errp, "Cannot use \"%s\" as both leaf and non-leaf "
                       "key", key);
        } else {
            error_setg(errp, "Cannot set \"%s\" multiple times", key);
        }
        return false;
    }
    json_object_set_member(obj, path[n - 1], parse_value(eq + 1));
    return true;
}

JsonNode *qmp_script_parse_line(const char *line, Error **errp)
{
    const char *p = line;
    g_autofree char *name = NULL;
    g_autoptr(JsonObject) args = NULL;
    JsonObject *req;
    JsonNode *node;
    char *tok;

    while (g_ascii_isspace(*p)) {
        p++;
    }
    if (!*p || *p == '#') {
        return NULL;
    }
    if (*p == '{') {
        return qjson_parse(p, errp);
    }
    name = next_token(&p, errp);
    if (!name) {
        return NULL;
    }
    if (g_str_has_prefix(name, "transaction(")) {
        error_setg(errp, "Transactions are not supported in scripts");
        return NULL;
    }
    args = json_object_new();
    for (;;) {
        Error *err = NULL;
        bool ok;

        tok = next_token(&p, &err);
        if (err) {
            error_propagate(errp, err);
            return NULL;
        }
        if (!tok) {
            break;
        }
        ok = parse_pair(args, tok, errp);
        g_free(tok);
        if (!ok) {
            return NULL;
        }
    }
    req = json_object_new();
    json_object_set_string_member(req, "execute", name);
    json_object_set_object_member(req, "arguments", g_steal_pointer(&args));
    node = json_node_new(JSON_NODE_OBJECT);
    json_node_take_object(node, req);
    return node;
}

/* The error description of reply @rsp, or NULL for a success */
static const char *reply_error(JsonNode *rsp)
{
    JsonObject *o, *err;

    if (!rsp || !JSON_NODE_HOLDS_OBJECT(rsp)) {
        return NULL;
    }
    o = json_node_get_object(rsp);
    if (!json_object_has_member(o, "error")) {
        return NULL;
    }
    err = json_object_get_object_member(o, "error");
    return err ? json_object_get_string_member_with_default(err, "desc", "")
               : "";
}

bool qmp_script_run(const QmpCommandList *cmds, const char *name,
                    const char *text, Error **errp)
{
    g_auto(GStrv) lines = g_strsplit(text, "\n", -1);
    guint i;

    for (i = 0; lines[i]; i++) {
        g_autoptr(JsonNode) req = NULL;
        g_autoptr(JsonNode) rsp = NULL;
        Error *err = NULL;
        const char *desc;

        g_strchomp(lines[i]);       /* also a CR of CRLF files */
        req = qmp_script_parse_line(lines[i], &err);
        if (err) {
            error_setg(errp, "%s:%u: %s", name, i + 1, error_get_pretty(err));
            error_free(err);
            return false;
        }
        if (!req) {
            continue;
        }
        rsp = qmp_dispatch(cmds, req, false, phase_get());
        desc = reply_error(rsp);
        if (desc) {
            error_setg(errp, "%s:%u: %s", name, i + 1, desc);
            return false;
        }
    }
    return true;
}

bool qmp_script_run_file(const QmpCommandList *cmds, const char *filename,
                         Error **errp)
{
    g_autoptr(GString) text = g_string_new(NULL);
    char buf[4096];
    size_t n;
    FILE *f = fopen(filename, "r");

    if (!f) {
        error_setg_errno(errp, errno, "Could not open '%s'", filename);
        return false;
    }
    while ((n = fread(buf, 1, sizeof(buf), f)) > 0) {
        g_string_append_len(text, buf, n);
    }
    if (ferror(f)) {
        error_setg(errp, "Could not read '%s'", filename);
        fclose(f);
        return false;
    }
    fclose(f);
    return qmp_script_run(cmds, filename, text->str, errp);
}
