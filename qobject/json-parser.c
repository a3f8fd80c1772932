/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * JSON parser: turns the tokens of one value into a JsonNode.
 *
 * Recursive descent over the token list the streamer collected.  The first
 * error found is the one reported, with QEMU's texts ("JSON parse error,
 * expecting value", ...).  Also here: the string decoder (escapes, \u with
 * surrogate pairs, modified UTF-8 validation), %-interpolation, and the
 * one-shot entry points qjson_parse() and qjson_from_jsonf_nofail().
 */

#include "qemu/osdep.h"
#include "qapi/error.h"
#include "json-internal.h"

typedef struct JSONParserContext {
    JSONTokens *toks;
    guint pos;
    va_list *ap;
    Error *err;
} JSONParserContext;

static JsonNode *parse_value(JSONParserContext *ps);

static void parse_error(JSONParserContext *ps, const char *fmt, ...)
    QEMU_PRINTF(2, 3);

static void parse_error(JSONParserContext *ps, const char *fmt, ...)
{
    va_list ap;
    char *msg;

    if (ps->err) {
        return;                 /* the first error wins */
    }
    va_start(ap, fmt);
    msg = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    error_setg(&ps->err, "JSON parse error, %s", msg);
    g_free(msg);
}

static JSONToken *peek_token(JSONParserContext *ps)
{
    if (ps->pos >= ps->toks->tokens->len) {
        return NULL;
    }
    return &g_array_index(ps->toks->tokens, JSONToken, ps->pos);
}

static JSONToken *pop_token(JSONParserContext *ps)
{
    JSONToken *tok = peek_token(ps);

    if (tok) {
        ps->pos++;
    }
    return tok;
}

static const char *token_text(JSONParserContext *ps, JSONToken *tok)
{
    return ps->toks->text->str + tok->offset;
}

/* Modified UTF-8 */

static bool valid_codepoint(int cp)
{
    if (cp < 0 || cp > 0x10FFFF) {
        return false;
    }
    if (cp >= 0xD800 && cp <= 0xDFFF) {
        return false;           /* surrogate */
    }
    if ((cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE) {
        return false;           /* noncharacter */
    }
    return true;
}

int json_utf8_decode(const char *s, size_t n, const char **end)
{
    static const int min_cp[] = { 0x80, 0x800, 0x10000, 0x200000,
                                  0x4000000 };
    const unsigned char *p = (const unsigned char *)s;
    unsigned lead, nbytes, i;
    int cp;

    if (n == 0 || *p == 0) {
        *end = s;
        return -1;
    }
    lead = *p++;
    if (lead < 0x80) {
        *end = (const char *)p;
        return lead;
    }
    if (lead >= 0xFE || !(lead & 0x40)) {
        *end = (const char *)p;
        return -1;              /* impossible byte, or stray continuation */
    }
    nbytes = 1;
    while (lead & (0x80 >> nbytes)) {
        nbytes++;
    }
    cp = lead & (0x7F >> nbytes);
    for (i = 1; i < nbytes; i++) {
        if (i >= n || (*p & 0xC0) != 0x80) {
            *end = (const char *)p;
            return -1;          /* truncated sequence */
        }
        cp = (cp << 6) | (*p++ & 0x3F);
    }
    *end = (const char *)p;
    if (!valid_codepoint(cp)) {
        return -1;
    }
    if (cp < min_cp[nbytes - 2] && !(cp == 0 && nbytes == 2)) {
        return -1;              /* overlong, except "\xC0\x80" */
    }
    return cp;
}

int json_utf8_encode(char *buf, int cp)
{
    if (!valid_codepoint(cp)) {
        buf[0] = 0;
        return -1;
    }
    if (cp > 0 && cp < 0x80) {
        buf[0] = cp;
        buf[1] = 0;
        return 1;
    }
    if (cp < 0x800) {
        buf[0] = 0xC0 | (cp >> 6);
        buf[1] = 0x80 | (cp & 0x3F);
        buf[2] = 0;
        return 2;
    }
    if (cp < 0x10000) {
        buf[0] = 0xE0 | (cp >> 12);
        buf[1] = 0x80 | ((cp >> 6) & 0x3F);
        buf[2] = 0x80 | (cp & 0x3F);
        buf[3] = 0;
        return 3;
    }
    buf[0] = 0xF0 | (cp >> 18);
    buf[1] = 0x80 | ((cp >> 12) & 0x3F);
    buf[2] = 0x80 | ((cp >> 6) & 0x3F);
    buf[3] = 0x80 | (cp & 0x3F);
    buf[4] = 0;
    return 4;
}

/* Four hex digits at @s, or -1. */
static int hex4(const char *s)
{
    int cp = 0, i;

    for (i = 0; i < 4; i++) {
        if (!g_ascii_isxdigit(s[i])) {
            return -1;
        }
        cp = (cp << 4) | g_ascii_xdigit_value(s[i]);
    }
    return cp;
}

/* Decode the \u escape at @p (just after "\u"); sets *@next past it. */
static int unicode_escape(const char *p, const char **next)
{
    int cp = hex4(p), trail;

    if (cp < 0) {
        *next = p + strnlen(p, 4);
        return -1;
    }
    p += 4;
    if (cp >= 0xD800 && cp <= 0xDBFF && p[0] == '\\' && p[1] == 'u') {
        trail = hex4(p + 2);
        if (trail >= 0xDC00 && trail <= 0xDFFF) {
            cp = 0x10000 + ((cp & 0x3FF) << 10) + (trail & 0x3FF);
            p += 6;
        } else {
            cp = -1;
        }
    }
    *next = p;
    return cp;
}

static bool plain_char(unsigned char ch, char quote)
{
    return ch >= 0x20 && ch < 0x80 && ch != '\\' && ch != '%' && ch != quote;
}

static JsonNode *parse_string(JSONParserContext *ps, JSONToken *tok)
{
    const char *p = token_text(ps, tok);
    const char *end, *beg;
    char quote = *p++;
    char buf[5];
    GString *str = g_string_sized_new(tok->len);
    JsonNode *node;
    int cp;

    while (*p != quote) {
        if (plain_char(*p, quote)) {
            beg = p;
            while (plain_char(*p, quote)) {
                p++;
            }
            g_string_append_len(str, beg, p - beg);
            continue;
        }
        if (*p == '\\') {
            beg = p++;
            switch (*p++) {
            case '"':
                g_string_append_c(str, '"');
                break;
            case '\'':
                g_string_append_c(str, '\'');
                break;
            case '\\':
                g_string_append_c(str, '\\');
                break;
            case '/':
                g_string_append_c(str, '/');
                break;
            case 'b':
                g_string_append_c(str, '\b');
                break;
            case 'f':
                g_string_append_c(str, '\f');
                break;
            case 'n':
                g_string_append_c(str, '\n');
                break;
            case 'r':
                g_string_append_c(str, '\r');
                break;
            case 't':
                g_string_append_c(str, '\t');
                break;
            case 'u':
                cp = unicode_escape(p, &p);
                if (json_utf8_encode(buf, cp) < 0) {
                    parse_error(ps, "%.*s is not a valid Unicode character",
                                (int)(p - beg), beg);
                    goto fail;
                }
                g_string_append(str, buf);
                break;
            default:
                parse_error(ps, "invalid escape sequence in string");
                goto fail;
            }
            continue;
        }
        if (*p == '%' && ps->ap) {
            if (p[1] != '%') {
                parse_error(ps, "can't interpolate into string");
                goto fail;
            }
            p++;
        }
        cp = json_utf8_decode(p, 6, &end);
        if (cp < 0) {
            parse_error(ps, "invalid UTF-8 sequence in string");
            goto fail;
        }
        p = end;
        json_utf8_encode(buf, cp);
        g_string_append(str, buf);
    }

    node = json_node_new(JSON_NODE_VALUE);
    json_node_set_string(node, str->str);
    g_string_free(str, true);
    return node;

fail:
    g_string_free(str, true);
    return NULL;
}

static JsonNode *int_node(gint64 v)
{
    JsonNode *node = json_node_new(JSON_NODE_VALUE);

    json_node_set_int(node, v);
    return node;
}

static JsonNode *double_node(double v)
{
    JsonNode *node = json_node_new(JSON_NODE_VALUE);

    json_node_set_double(node, v);
    return node;
}

static JsonNode *bool_node(bool v)
{
    JsonNode *node = json_node_new(JSON_NODE_VALUE);

    json_node_set_boolean(node, v);
    return node;
}

static JsonNode *parse_number(JSONParserContext *ps, JSONToken *tok)
{
    const char *text = token_text(ps, tok);
    char *end;

    if (tok->type == JSON_INTEGER) {
        gint64 v;
        guint64 u;

        errno = 0;
        v = g_ascii_strtoll(text, &end, 10);
        if (!errno && !*end) {
            return int_node(v);
        }
        if (text[0] != '-') {
            errno = 0;
            u = g_ascii_strtoull(text, &end, 10);
            if (!errno && !*end) {
                return int_node((gint64)u);
            }
        }
    }
    return double_node(g_ascii_strtod(text, NULL));
}

static JsonNode *parse_keyword(JSONParserContext *ps)
{
    JSONToken *tok = pop_token(ps);
    const char *text = token_text(ps, tok);

    if (!strcmp(text, "true")) {
        return bool_node(true);
    } else if (!strcmp(text, "false")) {
        return bool_node(false);
    } else if (!strcmp(text, "null")) {
        return json_node_new(JSON_NODE_NULL);
    }
    parse_error(ps, "invalid keyword '%s'", text);
    return NULL;
}

static JsonNode *parse_interpolation(JSONParserContext *ps)
{
    JSONToken *tok = pop_token(ps);
    const char *t = token_text(ps, tok);
    va_list *ap = ps->ap;

    assert(ap);
    if (!strcmp(t, "%p")) {
        return va_arg(*ap, JsonNode *);
    } else if (!strcmp(t, "%i")) {
        return bool_node(va_arg(*ap, int));
    } else if (!strcmp(t, "%d")) {
        return int_node(va_arg(*ap, int));
    } else if (!strcmp(t, "%ld")) {
        return int_node(va_arg(*ap, long));
    } else if (!strcmp(t, "%lld")) {
        return int_node(va_arg(*ap, long long));
    } else if (!strcmp(t, "%" PRId64)) {
        return int_node(va_arg(*ap, int64_t));
    } else if (!strcmp(t, "%u")) {
        return int_node(va_arg(*ap, unsigned int));
    } else if (!strcmp(t, "%lu")) {
        return int_node((gint64)va_arg(*ap, unsigned long));
    } else if (!strcmp(t, "%llu")) {
        return int_node((gint64)va_arg(*ap, unsigned long long));
    } else if (!strcmp(t, "%" PRIu64)) {
        return int_node((gint64)va_arg(*ap, uint64_t));
    } else if (!strcmp(t, "%s")) {
        const char *s = va_arg(*ap, const char *);
        JsonNode *node = json_node_new(JSON_NODE_VALUE);

        g_assert(s);
        json_node_set_string(node, s);
        return node;
    } else if (!strcmp(t, "%f")) {
        return double_node(va_arg(*ap, double));
    }
    parse_error(ps, "invalid interpolation '%s'", t);
    return NULL;
}

static bool parse_member(JSONParserContext *ps, JsonObject *obj)
{
    JsonNode *key, *value;
    JSONToken *tok;
    const char *name;

    if (!peek_token(ps)) {
        parse_error(ps, "premature EOI");
        return false;
    }
    key = parse_value(ps);
    if (!key || JSON_NODE_TYPE(key) != JSON_NODE_VALUE
        || json_node_get_value_type(key) != G_TYPE_STRING) {
        parse_error(ps, "key is not a string in object");
        goto fail;
    }
    tok = pop_token(ps);
    if (!tok) {
        parse_error(ps, "premature EOI");
        goto fail;
    }
    if (tok->type != JSON_COLON) {
        parse_error(ps, "missing : in object pair");
        goto fail;
    }
    value = parse_value(ps);
    if (!value) {
        parse_error(ps, "Missing value in dict");
        goto fail;
    }
    name = json_node_get_string(key);
    if (json_object_has_member(obj, name)) {
        parse_error(ps, "duplicate key");
        json_node_unref(value);
        goto fail;
    }
    json_object_set_member(obj, name, value);
    json_node_unref(key);
    return true;

fail:
    if (key) {
        json_node_unref(key);
    }
    return false;
}

static JsonNode *parse_object(JSONParserContext *ps)
{
    JsonObject *obj = json_object_new();
    JsonNode *node;
    JSONToken *tok;

    pop_token(ps);              /* '{' */
    tok = peek_token(ps);
    if (!tok) {
        parse_error(ps, "premature EOI");
        goto fail;
    }
    if (tok->type == JSON_RCURLY) {
        pop_token(ps);
    } else {
        if (!parse_member(ps, obj)) {
            goto fail;
        }
        for (;;) {
            tok = pop_token(ps);
            if (!tok) {
                parse_error(ps, "premature EOI");
                goto fail;
            }
            if (tok->type == JSON_RCURLY) {
                break;
            }
            if (tok->type != JSON_COMMA) {
                parse_error(ps, "expected separator in dict");
                goto fail;
            }
            if (!parse_member(ps, obj)) {
                goto fail;
            }
        }
    }
    node = json_node_new(JSON_NODE_OBJECT);
    json_node_take_object(node, obj);
    return node;

fail:
    json_object_unref(obj);
    return NULL;
}

static JsonNode *parse_array(JSONParserContext *ps)
{
    JsonArray *arr = json_array_new();
    JsonNode *node, *elt;
    JSONToken *tok;

    pop_token(ps);              /* '[' */
    tok = peek_token(ps);
    if (!tok) {
        parse_error(ps, "premature EOI");
        goto fail;
    }
    if (tok->type == JSON_RSQUARE) {
        pop_token(ps);
    } else {
        for (;;) {
            elt = parse_value(ps);
            if (!elt) {
                parse_error(ps, "expecting value");
                goto fail;
            }
            json_array_add_element(arr, elt);
            tok = pop_token(ps);
            if (!tok) {
                parse_error(ps, "premature EOI");
                goto fail;
            }
            if (tok->type == JSON_RSQUARE) {
                break;
            }
            if (tok->type != JSON_COMMA) {
                parse_error(ps, "expected separator in list");
                goto fail;
            }
        }
    }
    node = json_node_new(JSON_NODE_ARRAY);
    json_node_take_array(node, arr);
    return node;

fail:
    json_array_unref(arr);
    return NULL;
}

static JsonNode *parse_value(JSONParserContext *ps)
{
    JSONToken *tok = peek_token(ps);

    if (!tok) {
        parse_error(ps, "premature EOI");
        return NULL;
    }
    switch (tok->type) {
    case JSON_LCURLY:
        return parse_object(ps);
    case JSON_LSQUARE:
        return parse_array(ps);
    case JSON_INTERP:
        return parse_interpolation(ps);
    case JSON_STRING:
        return parse_string(ps, pop_token(ps));
    case JSON_INTEGER:
    case JSON_FLOAT:
        return parse_number(ps, pop_token(ps));
    case JSON_KEYWORD:
        return parse_keyword(ps);
    default:
        parse_error(ps, "expecting value");
        return NULL;
    }
}

JsonNode *json_parser_parse(JSONTokens *toks, va_list *ap, Error **errp)
{
    JSONParserContext ps = { .toks = toks, .ap = ap };
    JsonNode *value = parse_value(&ps);

    if (value && ps.pos < toks->tokens->len) {
        /* Cannot happen with balanced input; be safe anyway. */
        json_node_unref(value);
        value = NULL;
        parse_error(&ps, "expecting value");
    }
    if (!value && !ps.err) {
        parse_error(&ps, "expecting value");
    }
    error_propagate(errp, ps.err);
    return value;
}

/* One-shot parsing */

typedef struct JSONOneShot {
    JsonNode *result;
    Error *err;
} JSONOneShot;

static void oneshot_emit(void *opaque, JsonNode *value, Error *err)
{
    JSONOneShot *s = opaque;

    if (s->result) {
        json_node_unref(s->result);
        s->result = NULL;
        error_setg(&s->err, "Expecting at most one JSON value");
    }
    if (s->err) {
        if (value) {
            json_node_unref(value);
        }
        if (err) {
            error_free(err);
        }
        return;
    }
    s->result = value;
    s->err = err;
}

static JsonNode *parse_oneshot(const char *buf, size_t len, va_list *ap,
                               Error **errp)
{
    JSONOneShot s = { NULL, NULL };
    JSONMessageParser *p = json_message_parser_new_interp(oneshot_emit, &s,
                                                          ap);

    json_message_parser_feed(p, buf, len);
    json_message_parser_flush(p);
    json_message_parser_free(p);
    if (!s.result && !s.err) {
        error_setg(&s.err, "Expecting a JSON value");
    }
    error_propagate(errp, s.err);
    return s.result;
}

JsonNode *qjson_parse_len(const char *buf, size_t len, Error **errp)
{
    return parse_oneshot(buf, len, NULL, errp);
}

JsonNode *qjson_parse(const char *string, Error **errp)
{
    return parse_oneshot(string, strlen(string), NULL, errp);
}

JsonNode *qjson_from_vjsonf_nofail(const char *fmt, va_list ap)
{
    va_list ap_copy;
    JsonNode *node;

    va_copy(ap_copy, ap);
    node = parse_oneshot(fmt, strlen(fmt), &ap_copy, &error_abort);
    va_end(ap_copy);
    assert(node);
    return node;
}

JsonNode *qjson_from_jsonf_nofail(const char *fmt, ...)
{
    JsonNode *node;
    va_list ap;

    va_start(ap, fmt);
    node = qjson_from_vjsonf_nofail(fmt, ap);
    va_end(ap);
    return node;
}
