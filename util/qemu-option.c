/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Option strings ("key=value,...") in QEMU's two syntaxes, their typed
 * accessors, and the QMP device_add coercion (see include/qemu/option.h).
 */
#include "qemu/osdep.h"
#include "qemu/option.h"
#include "qapi/error.h"
#include "qapi/input.h"
#include "qemu/cutils.h"
#include "qemu/error-report.h"
#include "qobject/json.h"

/* QEMU's limit on one key fragment in keyval syntax */
#define KEYVAL_MAX_FRAGMENT 127

struct QemuOpts {
    GPtrArray *list;            /* of QemuOpt *, in order */
    char *id;
    bool help;
};

static void qemu_opt_free(gpointer p)
{
    QemuOpt *opt = p;

    g_free(opt->name);
    g_free(opt->str);
    g_free(opt);
}

QemuOpts *qemu_opts_new(void)
{
    QemuOpts *opts = g_new0(QemuOpts, 1);

    opts->list = g_ptr_array_new_with_free_func(qemu_opt_free);
    return opts;
}

void qemu_opts_free(QemuOpts *opts)
{
    if (!opts) {
        return;
    }
    g_ptr_array_free(opts->list, TRUE);
    g_free(opts->id);
    g_free(opts);
}

void qemu_opts_del(QemuOpts *opts)
{
    qemu_opts_free(opts);
}

/* Append a pair, taking ownership of both strings. */
static void opts_append(QemuOpts *opts, char *name, char *value)
{
    QemuOpt *opt = g_new(QemuOpt, 1);

    opt->name = name;
    opt->str = value;
    g_ptr_array_add(opts->list, opt);
}

void qemu_opt_set(QemuOpts *opts, const char *name, const char *value)
{
    if (!strcmp(name, "id")) {
        g_free(opts->id);
        opts->id = g_strdup(value);
    }
    opts_append(opts, g_strdup(name), g_strdup(value));
}

int qemu_opt_unset(QemuOpts *opts, const char *name)
{
    int removed = 0;

    for (guint i = opts->list->len; i-- > 0;) {
        QemuOpt *opt = g_ptr_array_index(opts->list, i);

        if (!strcmp(opt->name, name)) {
            g_ptr_array_remove_index(opts->list, i);
            removed++;
        }
    }
    if (removed && !strcmp(name, "id")) {
        g_free(opts->id);
        opts->id = NULL;
    }
    return removed;
}

const char *qemu_opts_id(QemuOpts *opts)
{
    return opts->id;
}

bool qemu_opts_has_help(QemuOpts *opts)
{
    return opts->help;
}

size_t qemu_opts_count(QemuOpts *opts)
{
    return opts->list->len;
}

const QemuOpt *qemu_opts_nth(QemuOpts *opts, size_t index)
{
    assert(index < opts->list->len);
    return g_ptr_array_index(opts->list, index);
}

static QemuOpt *opt_find(QemuOpts *opts, const char *name)
{
    for (guint i = opts->list->len; i-- > 0;) {
        QemuOpt *opt = g_ptr_array_index(opts->list, i);

        if (!strcmp(opt->name, name)) {
            return opt;
        }
    }
    return NULL;
}

bool qemu_opt_has(QemuOpts *opts, const char *name)
{
    return opt_find(opts, name) != NULL;
}

const char *qemu_opt_get(QemuOpts *opts, const char *name)
{
    QemuOpt *opt = opt_find(opts, name);

    return opt ? opt->str : NULL;
}

bool qemu_opt_get_bool(QemuOpts *opts, const char *name, bool def,
                       Error **errp)
{
    const char *str = qemu_opt_get(opts, name);
    bool val;

    if (!str || !qinput_parse_bool(str, name, &val, errp)) {
        return def;
    }
    return val;
}

uint64_t qemu_opt_get_number(QemuOpts *opts, const char *name, uint64_t def,
                             Error **errp)
{
    const char *str = qemu_opt_get(opts, name);
    uint64_t val;
    int ret;

    if (!str) {
        return def;
    }
    ret = qemu_strtou64(str, NULL, 0, &val);
    if (ret == -ERANGE) {
        error_setg(errp, "Value '%s' is too large for parameter '%s'",
                   str, name);
        return def;
    }
    if (ret < 0) {
        error_setg(errp, "Parameter '%s' expects a number", name);
        return def;
    }
    return val;
}

uint64_t qemu_opt_get_size(QemuOpts *opts, const char *name, uint64_t def,
                           Error **errp)
{
    ERRP_GUARD();
    const char *str = qemu_opt_get(opts, name);
    uint64_t val;
    int ret;

    if (!str) {
        return def;
    }
    ret = qemu_strtosz(str, NULL, &val);
    if (ret == -ERANGE) {
        error_setg(errp, "Value '%s' is out of range for parameter '%s'",
                   str, name);
        return def;
    }
    if (ret < 0) {
        error_setg(errp, "Parameter '%s' expects a non-negative number "
                   "below 2^64", name);
        error_append_hint(errp, "Optional suffix k, M, G, T, P or E means "
                          "kilo-, mega-, giga-, tera-, peta-\n"
                          "and exabytes, respectively.\n");
        return def;
    }
    return val;
}

int qemu_opt_foreach(QemuOpts *opts, QemuOptLoopFunc *func, void *opaque,
                     Error **errp)
{
    for (guint i = 0; i < opts->list->len; i++) {
        QemuOpt *opt = g_ptr_array_index(opts->list, i);
        int ret = func(opaque, opt->name, opt->str, errp);

        if (ret) {
            return ret;
        }
    }
    return 0;
}

static bool is_help_option(const char *s, size_t len)
{
    return (len == 1 && s[0] == '?') || (len == 4 && !strncmp(s, "help", 4));
}

/*
 * Read a value starting at @p up to a single ',' or the end, turning ",,"
 * into ','.  Returns where it stopped (at the ',' or the NUL).
 */
static const char *read_escaped_value(const char *p, char **value)
{
    GString *out = g_string_new(NULL);

    for (;;) {
        size_t len = strcspn(p, ",");

        g_string_append_len(out, p, len);
        p += len;
        if (p[0] == ',' && p[1] == ',') {
            g_string_append_c(out, ',');
            p += 2;
            continue;
        }
        break;
    }
    *value = g_string_free(out, FALSE);
    return p;
}

static bool check_id(QemuOpts *opts, Error **errp)
{
    ERRP_GUARD();

    if (opts->id && !id_wellformed(opts->id)) {
        error_setg(errp, "Parameter 'id' expects an identifier");
        error_append_hint(errp, "Identifiers consist of letters, digits, "
                          "'-', '.', '_', starting with a letter.\n");
        return false;
    }
    return true;
}

static QemuOpts *parse_legacy(const char *params, const char *implied_key,
                              bool warn_on_flag, Error **errp)
{
    g_autoptr(QemuOpts) opts = qemu_opts_new();
    const char *p = params;
    bool first = true;

    while (*p) {
        size_t len = strcspn(p, "=,");
        char *name, *value;

        if (p[len] == '=') {
            name = g_strndup(p, len);
            p = read_escaped_value(p + len + 1, &value);
        } else if (first && implied_key) {
            name = g_strdup(implied_key);
            p = read_escaped_value(p, &value);
        } else {
            /* a flag: "name" is name=on, "noname" is name=off */
            bool negated = !strncmp(p, "no", 2) && len >= 2;

            if (!negated && is_help_option(p, len)) {
                opts->help = true;
                break;
            }
            if (negated) {
                name = g_strndup(p + 2, len - 2);
                value = g_strdup("off");
            } else {
                name = g_strndup(p, len);
                value = g_strdup("on");
            }
            p += len;
            if (warn_on_flag) {
                warn_report("short-form boolean option '%s%s' deprecated",
                            negated ? "no" : "", name);
                if (!strcmp(name, "delay")) {
                    error_printf("Please use nodelay=%s instead\n",
                                 negated ? "on" : "off");
                } else {
                    error_printf("Please use %s=%s instead\n", name, value);
                }
            }
        }
        if (*p == ',') {
            p++;
        }
        first = false;

        if (!*name) {
            error_setg(errp, "Invalid parameter ''");
            g_free(name);
            g_free(value);
            return NULL;
        }
        if (!strcmp(name, "id") && !opts->id) {
            opts->id = g_strdup(value);
        }
        opts_append(opts, name, value);
    }

    if (!check_id(opts, errp)) {
        return NULL;
    }
    return g_steal_pointer(&opts);
}

QemuOpts *qemu_opts_parse(const char *params, const char *implied_key,
                          Error **errp)
{
    return parse_legacy(params, implied_key, false, errp);
}

QemuOpts *qemu_opts_parse_noisily(const char *params,
                                  const char *implied_key, Error **errp)
{
    return parse_legacy(params, implied_key, true, errp);
}

/*
 * Length of the key fragment at @s: a QAPI name (a letter, then letters,
 * digits, '-', '_'), or when @index_ok a decimal index.  0 if neither.
 */
static size_t keyval_fragment_len(const char *s, bool index_ok)
{
    size_t len = 0;

    if (index_ok && g_ascii_isdigit(s[0])) {
        while (g_ascii_isdigit(s[len])) {
            len++;
        }
        return len;
    }
    if (!g_ascii_isalpha(s[0])) {
        return 0;
    }
    len = 1;
    while (g_ascii_isalnum(s[len]) || s[len] == '-' || s[len] == '_') {
        len++;
    }
    return len;
}

/* Check the key @key of @len bytes. */
static bool keyval_check_key(const char *key, size_t len, Error **errp)
{
    const char *s = key, *end = key + len;

    for (;;) {
        size_t flen = keyval_fragment_len(s, s != key);

        if (!flen || (s + flen < end && s[flen] != '.')) {
            error_setg(errp, "Invalid parameter '%.*s'", (int)len, key);
            return false;
        }
        if (flen > KEYVAL_MAX_FRAGMENT) {
            error_setg(errp, "Parameter%s '%.*s' is too long",
                       s != key || s + flen != end ? " fragment" : "",
                       (int)flen, s);
            return false;
        }
        s += flen;
        if (s == end) {
            return true;
        }
        s++;                    /* the '.' */
    }
}

QemuOpts *qemu_opts_parse_keyval(const char *params,
                                 const char *implied_key, Error **errp)
{
    g_autoptr(QemuOpts) opts = qemu_opts_new();
    const char *p = params;
    bool first = true;

    while (*p) {
        size_t len = strcspn(p, "=,");
        char *name, *value;

        if (len && p[len] != '=') {
            if (is_help_option(p, len)) {
                opts->help = true;
                p += len;
                if (*p == ',') {
                    p++;
                }
                first = false;
                continue;
            }
            if (first && implied_key) {
                /* the implied value ends at the first ',', unescaped */
                opts_append(opts, g_strdup(implied_key), g_strndup(p, len));
                p += len;
                if (*p == ',') {
                    p++;
                }
                first = false;
                continue;
            }
        }
        first = false;
        if (!keyval_check_key(p, len, errp)) {
            return NULL;
        }
        if (p[len] != '=') {
            error_setg(errp, "Expected '=' after parameter '%.*s'",
                       (int)len, p);
            return NULL;
        }
        name = g_strndup(p, len);
        p = read_escaped_value(p + len + 1, &value);
        if (*p == ',') {
            p++;
        }
        if (!strcmp(name, "id") && !opts->id) {
            opts->id = g_strdup(value);
        }
        opts_append(opts, name, value);
    }
    return g_steal_pointer(&opts);
}

JsonObject *qemu_opts_to_json(QemuOpts *opts)
{
    JsonObject *obj = json_object_new();

    for (guint i = 0; i < opts->list->len; i++) {
        QemuOpt *opt = g_ptr_array_index(opts->list, i);

        /* a later pair replaces an earlier one */
        json_object_set_string_member(obj, opt->name, opt->str);
    }
    return obj;
}

QemuOpts *qemu_opts_from_qmp_args(JsonObject *args, Error **errp)
{
    g_autoptr(QemuOpts) opts = qemu_opts_new();
    GList *members = json_object_get_members(args);

    for (GList *l = members; l; l = l->next) {
        const char *name = l->data;
        JsonNode *node = json_object_get_member(args, name);
        char *value;

        if (!JSON_NODE_HOLDS_VALUE(node)) {
            /* null, objects and arrays are dropped, as QEMU does */
            continue;
        }
        switch (json_node_get_value_type(node)) {
        case G_TYPE_STRING:
            value = g_strdup(json_node_get_string(node));
            break;
        case G_TYPE_INT64:
        case G_TYPE_INT:
            value = g_strdup_printf("%" PRId64, json_node_get_int(node));
            break;
        case G_TYPE_DOUBLE:
            value = g_strdup_printf("%.17g", json_node_get_double(node));
            break;
        case G_TYPE_BOOLEAN:
            value = g_strdup(json_node_get_boolean(node) ? "on" : "off");
            break;
        default:
            continue;
        }
        if (!strcmp(name, "id")) {
            if (json_node_get_value_type(node) != G_TYPE_STRING) {
                g_free(value);
                continue;
            }
            g_free(opts->id);
            opts->id = g_strdup(value);
        }
        opts_append(opts, g_strdup(name), value);
    }
    g_list_free(members);

    if (!check_id(opts, errp)) {
        return NULL;
    }
    return g_steal_pointer(&opts);
}

char *qemu_opts_to_string(QemuOpts *opts)
{
    GString *out = g_string_new(NULL);

    for (guint i = 0; i < opts->list->len; i++) {
        QemuOpt *opt = g_ptr_array_index(opts->list, i);

        if (i) {
            g_string_append_c(out, ',');
        }
        g_string_append_printf(out, "%s=", opt->name);
        for (const char *c = opt->str; *c; c++) {
            if (*c == ',') {
                g_string_append_c(out, ',');
            }
            g_string_append_c(out, *c);
        }
    }
    return g_string_free(out, FALSE);
}
