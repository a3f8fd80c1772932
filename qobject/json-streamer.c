/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * JSON streaming: splits a byte stream into top-level JSON values.
 *
 * Tokens from the lexer are collected until the brackets of the pending
 * value balance (or a closing bracket has no opener), then the parser turns
 * them into one value or one error.  So an unbalanced '{' swallows all
 * input until it is closed, and a stray '}' or ']' is an error of its own.
 *
 * Errors and recovery, as QEMU's monitor behaves:
 *  - a lexical error is reported at once and drops the pending tokens;
 *  - nesting deeper than the limit is reported and drops the pending
 *    tokens; parsing restarts with the next token;
 *  - a value larger than the byte or token limit is reported once, and the
 *    rest of it is skipped up to its closing bracket.
 */

#include "qemu/osdep.h"
#include "qapi/error.h"
#include "json-internal.h"

struct JSONMessageParser {
    JSONLexer lexer;            /* first: the lexer callback casts back */
    JSONMessageEmit *emit;
    void *opaque;
    va_list *ap;
    JSONTokens toks;
    int brace_count;
    int bracket_count;
    size_t token_size;
    size_t max_bytes;
    bool skipping;              /* dropping the rest of an oversize value */
};

static void streamer_reset(JSONMessageParser *p)
{
    p->brace_count = 0;
    p->bracket_count = 0;
    p->token_size = 0;
    g_array_set_size(p->toks.tokens, 0);
    g_string_truncate(p->toks.text, 0);
    /* Do not keep a huge buffer around after one large value. */
    if (p->toks.text->allocated_len > 65536) {
        g_string_free(p->toks.text, true);
        p->toks.text = g_string_sized_new(256);
    }
}

/* Report an error for the pending value and forget it. */
static void streamer_error(JSONMessageParser *p, const char *fmt, ...)
    QEMU_PRINTF(2, 3);

static void streamer_error(JSONMessageParser *p, const char *fmt, ...)
{
    Error *err = NULL;
    char *msg;
    va_list ap;

    va_start(ap, fmt);
    msg = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    error_setg(&err, "%s", msg);
    g_free(msg);
    streamer_reset(p);
    p->emit(p->opaque, NULL, err);
}

/*
 * A value got too large: report it, then skip the rest of it if it is still
 * open (the counts include the token that broke the limit).
 */
static void streamer_too_big(JSONMessageParser *p, const char *msg)
{
    bool open = (p->brace_count > 0 || p->bracket_count > 0)
        && p->brace_count >= 0 && p->bracket_count >= 0;
    int braces = p->brace_count, brackets = p->bracket_count;

    streamer_error(p, "%s", msg);
    if (open) {
        p->skipping = true;
        p->brace_count = braces;
        p->bracket_count = brackets;
    }
}

static void streamer_parse(JSONMessageParser *p)
{
    Error *err = NULL;
    JsonNode *value = json_parser_parse(&p->toks, p->ap, &err);

    streamer_reset(p);
    p->emit(p->opaque, value, err);
}

static void count_brackets(JSONMessageParser *p, JSONTokenType type)
{
    switch (type) {
    case JSON_LCURLY:
        p->brace_count++;
        break;
    case JSON_RCURLY:
        p->brace_count--;
        break;
    case JSON_LSQUARE:
        p->bracket_count++;
        break;
    case JSON_RSQUARE:
        p->bracket_count--;
        break;
    default:
        break;
    }
}

static void streamer_token(JSONLexer *lexer, JSONTokenType type,
                           const char *text, size_t len)
{
    JSONMessageParser *p = container_of(lexer, JSONMessageParser, lexer);
    JSONToken tok;

    if (type == JSON_ERROR) {
        p->skipping = false;
        streamer_error(p, "JSON parse error, stray '%s'", text);
        return;
    }
    if (type == JSON_END_OF_INPUT) {
        if (p->skipping || !p->toks.tokens->len) {
            p->skipping = false;
            streamer_reset(p);
            return;
        }
        streamer_parse(p);
        return;
    }
    if (type == JSON_TOO_BIG) {
        if (!p->skipping) {
            streamer_too_big(p, "JSON token size limit exceeded");
        }
        return;
    }

    count_brackets(p, type);

    if (p->skipping) {
        if (p->brace_count <= 0 && p->bracket_count <= 0) {
            p->skipping = false;
            streamer_reset(p);
        }
        return;
    }

    if (p->token_size + len + 1 > p->max_bytes) {
        streamer_too_big(p, "JSON token size limit exceeded");
        return;
    }
    if (p->toks.tokens->len + 1 > JSON_MAX_TOKENS) {
        streamer_too_big(p, "JSON token count limit exceeded");
        return;
    }
    if (p->brace_count + p->bracket_count > JSON_MAX_DEPTH) {
        streamer_error(p, "JSON nesting depth limit exceeded");
        return;
    }

    tok.type = type;
    tok.offset = p->toks.text->len;
    tok.len = len;
    g_string_append_len(p->toks.text, text, len);
    g_string_append_c(p->toks.text, '\0');
    g_array_append_val(p->toks.tokens, tok);
    p->token_size += len;

    if ((p->brace_count > 0 || p->bracket_count > 0)
        && p->brace_count >= 0 && p->bracket_count >= 0) {
        return;
    }
    streamer_parse(p);
}

JSONMessageParser *json_message_parser_new_interp(JSONMessageEmit *emit,
                                                  void *opaque,
                                                  va_list *ap)
{
    JSONMessageParser *p = g_new0(JSONMessageParser, 1);

    p->emit = emit;
    p->opaque = opaque;
    p->ap = ap;
    p->max_bytes = JSON_MAX_VALUE_BYTES;
    p->toks.tokens = g_array_new(false, false, sizeof(JSONToken));
    p->toks.text = g_string_sized_new(256);
    json_lexer_init(&p->lexer, streamer_token, ap != NULL, p->max_bytes);
    return p;
}

JSONMessageParser *json_message_parser_new(JSONMessageEmit *emit,
                                           void *opaque)
{
    return json_message_parser_new_interp(emit, opaque, NULL);
}

void json_message_parser_set_max_bytes(JSONMessageParser *p, size_t max)
{
    p->max_bytes = max;
    p->lexer.max_token = max;
}

void json_message_parser_feed(JSONMessageParser *p, const char *buf,
                              size_t len)
{
    json_lexer_feed(&p->lexer, buf, len);
}

void json_message_parser_flush(JSONMessageParser *p)
{
    json_lexer_flush(&p->lexer);
}

void json_message_parser_free(JSONMessageParser *p)
{
    if (!p) {
        return;
    }
    json_lexer_destroy(&p->lexer);
    g_array_free(p->toks.tokens, true);
    g_string_free(p->toks.text, true);
    g_free(p);
}
