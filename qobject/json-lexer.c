/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * JSON lexer: cuts a byte stream into tokens, in QEMU's dialect.
 *
 * Accepted beyond RFC 8259: single-quoted strings (in which '"' needs no
 * escape), the escape \' in both kinds of strings and, when enabled,
 * interpolation tokens %[A-Za-z0-9]*.  Keywords are any run of [a-z]; the
 * parser rejects the unknown ones.  String contents are checked by the
 * parser, except that control characters and the bytes 0xFE/0xFF end the
 * token with a lexical error.
 *
 * A lexical error reports the offending text (including the bad byte) and
 * then skips input up to the next structural character ([]{},:), ASCII
 * control character other than tab, or 0xFE/0xFF byte, where lexing
 * resumes.
 */

#include "qemu/osdep.h"
#include "json-internal.h"

enum {
    LX_START,
    LX_RECOVERY,
    LX_DQ,                      /* inside "..." */
    LX_DQ_ESC,                  /* after a backslash in "..." */
    LX_SQ,                      /* inside '...' */
    LX_SQ_ESC,
    LX_ZERO,                    /* "0" or "-0" */
    LX_SIGN,                    /* "-" */
    LX_DIGITS,                  /* integer digits */
    LX_MANTISSA,                /* after '.' */
    LX_MANTISSA_DIGITS,
    LX_EXP_E,                   /* after 'e' */
    LX_EXP_SIGN,                /* after 'e+' */
    LX_EXP_DIGITS,
    LX_KEYWORD,
    LX_INTERP,
    LX_SKIP_DQ,                 /* dropping the rest of an oversize string */
    LX_SKIP_DQ_ESC,
    LX_SKIP_SQ,
    LX_SKIP_SQ_ESC,
};

void json_lexer_init(JSONLexer *lexer, JSONLexerEmit *emit,
                     bool interpolation, size_t max_token)
{
    lexer->emit = emit;
    lexer->state = LX_START;
    lexer->interpolation = interpolation;
    lexer->token = g_string_sized_new(64);
    lexer->max_token = max_token;
}

void json_lexer_destroy(JSONLexer *lexer)
{
    g_string_free(lexer->token, true);
    lexer->token = NULL;
}

/* Empty the token buffer; do not keep a huge one after a large token. */
static void lexer_clear(JSONLexer *lexer)
{
    if (lexer->token->allocated_len > 65536) {
        g_string_free(lexer->token, true);
        lexer->token = g_string_sized_new(64);
    } else {
        g_string_truncate(lexer->token, 0);
    }
}

static void lexer_emit(JSONLexer *lexer, JSONTokenType type)
{
    lexer->emit(lexer, type, lexer->token->str, lexer->token->len);
    lexer_clear(lexer);
    lexer->state = LX_START;
}

static void lexer_error(JSONLexer *lexer)
{
    lexer->emit(lexer, JSON_ERROR, lexer->token->str, lexer->token->len);
    lexer_clear(lexer);
    lexer->state = LX_RECOVERY;
}

static bool is_resync_char(unsigned char ch)
{
    if (ch < 0x20) {
        return ch != '\t';
    }
    return ch >= 0xFE || strchr("[]{},:", ch);
}

static bool is_ws(unsigned char ch)
{
    return ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n';
}

static bool in_string_range(unsigned char ch)
{
    return ch >= 0x20 && ch <= 0xFD;
}

/*
 * Handle @ch in the start state.  Everything here consumes the character.
 */
static void lex_start(JSONLexer *lexer, unsigned char ch)
{
    JSONTokenType punct;

    if (is_ws(ch)) {
        return;
    }
    switch (ch) {
    case '{':
        punct = JSON_LCURLY;
        break;
    case '}':
        punct = JSON_RCURLY;
        break;
    case '[':
        punct = JSON_LSQUARE;
        break;
    case ']':
        punct = JSON_RSQUARE;
        break;
    case ',':
        punct = JSON_COMMA;
        break;
    case ':':
        punct = JSON_COLON;
        break;
    default:
        g_string_append_c(lexer->token, ch);
        if (ch == '"') {
            lexer->state = LX_DQ;
        } else if (ch == '\'') {
            lexer->state = LX_SQ;
        } else if (ch == '0') {
            lexer->state = LX_ZERO;
        } else if (ch >= '1' && ch <= '9') {
            lexer->state = LX_DIGITS;
        } else if (ch == '-') {
            lexer->state = LX_SIGN;
        } else if (ch >= 'a' && ch <= 'z') {
            lexer->state = LX_KEYWORD;
        } else if (ch == '%' && lexer->interpolation) {
            lexer->state = LX_INTERP;
        } else {
            lexer_error(lexer);
        }
        return;
    }
    g_string_append_c(lexer->token, ch);
    lexer_emit(lexer, punct);
}

/*
 * Feed one character.  Returns false when @ch was not consumed and must be
 * fed again (the previous token ended just before it).
 */
static bool lex_char(JSONLexer *lexer, unsigned char ch)
{
    bool digit = ch >= '0' && ch <= '9';

    switch (lexer->state) {
    case LX_START:
        lex_start(lexer, ch);
        return true;
    case LX_RECOVERY:
        if (is_resync_char(ch)) {
            lexer->state = LX_START;
            return false;
        }
        return true;
    case LX_DQ:
    case LX_SQ:
        if (!in_string_range(ch)) {
            break;
        }
        g_string_append_c(lexer->token, ch);
        if (ch == '\\') {
            lexer->state++;     /* the matching _ESC state */
        } else if (ch == (lexer->state == LX_DQ ? '"' : '\'')) {
            lexer_emit(lexer, JSON_STRING);
        }
        return true;
    case LX_DQ_ESC:
    case LX_SQ_ESC:
        if (!in_string_range(ch)) {
            break;
        }
        g_string_append_c(lexer->token, ch);
        lexer->state--;
        return true;
    case LX_SKIP_DQ:
    case LX_SKIP_SQ:
        if (!in_string_range(ch)) {
            lexer->state = LX_START;
            return false;
        }
        if (ch == '\\') {
            lexer->state++;
        } else if (ch == (lexer->state == LX_SKIP_DQ ? '"' : '\'')) {
            lexer->state = LX_START;
        }
        return true;
    case LX_SKIP_DQ_ESC:
    case LX_SKIP_SQ_ESC:
        if (!in_string_range(ch)) {
            lexer->state = LX_START;
            return false;
        }
        lexer->state--;
        return true;
    case LX_ZERO:
        if (digit) {
            break;
        }
        if (ch == '.') {
            g_string_append_c(lexer->token, ch);
            lexer->state = LX_MANTISSA;
            return true;
        }
        lexer_emit(lexer, JSON_INTEGER);
        return false;
    case LX_SIGN:
        if (!digit) {
            break;
        }
        g_string_append_c(lexer->token, ch);
        lexer->state = ch == '0' ? LX_ZERO : LX_DIGITS;
        return true;
    case LX_DIGITS:
        if (digit || ch == '.' || ch == 'e' || ch == 'E') {
            g_string_append_c(lexer->token, ch);
            if (!digit) {
                lexer->state = ch == '.' ? LX_MANTISSA : LX_EXP_E;
            }
            return true;
        }
        lexer_emit(lexer, JSON_INTEGER);
        return false;
    case LX_MANTISSA:
        if (!digit) {
            break;
        }
        g_string_append_c(lexer->token, ch);
        lexer->state = LX_MANTISSA_DIGITS;
        return true;
    case LX_MANTISSA_DIGITS:
        if (digit || ch == 'e' || ch == 'E') {
            g_string_append_c(lexer->token, ch);
            if (!digit) {
                lexer->state = LX_EXP_E;
            }
            return true;
        }
        lexer_emit(lexer, JSON_FLOAT);
        return false;
    case LX_EXP_E:
        if (!digit && ch != '+' && ch != '-') {
            break;
        }
        g_string_append_c(lexer->token, ch);
        lexer->state = digit ? LX_EXP_DIGITS : LX_EXP_SIGN;
        return true;
    case LX_EXP_SIGN:
        if (!digit) {
            break;
        }
        g_string_append_c(lexer->token, ch);
        lexer->state = LX_EXP_DIGITS;
        return true;
    case LX_EXP_DIGITS:
        if (digit) {
            g_string_append_c(lexer->token, ch);
            return true;
        }
        lexer_emit(lexer, JSON_FLOAT);
        return false;
    case LX_KEYWORD:
        if (ch >= 'a' && ch <= 'z') {
            g_string_append_c(lexer->token, ch);
            return true;
        }
        lexer_emit(lexer, JSON_KEYWORD);
        return false;
    case LX_INTERP:
        if (g_ascii_isalnum(ch)) {
            g_string_append_c(lexer->token, ch);
            return true;
        }
        lexer_emit(lexer, JSON_INTERP);
        return false;
    default:
        g_assert_not_reached();
    }

    /* A character that cannot continue the token: lexical error. */
    g_string_append_c(lexer->token, ch);
    lexer_error(lexer);
    return true;
}

/*
 * A token longer than the limit is reported and the rest of it dropped
 * without being stored, so that memory stays bounded.
 */
static void lexer_check_size(JSONLexer *lexer)
{
    int state = lexer->state;

    if (lexer->token->len <= lexer->max_token) {
        return;
    }
    lexer->emit(lexer, JSON_TOO_BIG, lexer->token->str, lexer->token->len);
    lexer_clear(lexer);
    if (state == LX_DQ || state == LX_DQ_ESC) {
        lexer->state = state == LX_DQ ? LX_SKIP_DQ : LX_SKIP_DQ_ESC;
    } else if (state == LX_SQ || state == LX_SQ_ESC) {
        lexer->state = state == LX_SQ ? LX_SKIP_SQ : LX_SKIP_SQ_ESC;
    } else {
        lexer->state = LX_RECOVERY;
    }
}

void json_lexer_feed(JSONLexer *lexer, const char *buf, size_t len)
{
    size_t i = 0;

    while (i < len) {
        unsigned char ch = buf[i];

        /* Fast path for the body of a string: copy plain runs at once. */
        if (lexer->state == LX_DQ || lexer->state == LX_SQ) {
            char quote = lexer->state == LX_DQ ? '"' : '\'';
            size_t j = i;

            while (j < len) {
                unsigned char c = buf[j];
                if (c == quote || c == '\\' || !in_string_range(c)) {
                    break;
                }
                j++;
            }
            if (j > i) {
                size_t room = lexer->max_token + 1 - lexer->token->len;
                size_t n = MIN(j - i, room);

                g_string_append_len(lexer->token, buf + i, n);
                i += n;
                lexer_check_size(lexer);
                continue;
            }
        }

        if (lex_char(lexer, ch)) {
            i++;
            lexer_check_size(lexer);
        }
    }
}

void json_lexer_flush(JSONLexer *lexer)
{
    switch (lexer->state) {
    case LX_ZERO:
    case LX_DIGITS:
        lexer_emit(lexer, JSON_INTEGER);
        break;
    case LX_MANTISSA_DIGITS:
    case LX_EXP_DIGITS:
        lexer_emit(lexer, JSON_FLOAT);
        break;
    case LX_KEYWORD:
        lexer_emit(lexer, JSON_KEYWORD);
        break;
    case LX_INTERP:
        lexer_emit(lexer, JSON_INTERP);
        break;
    case LX_START:
    case LX_RECOVERY:
    case LX_SKIP_DQ:
    case LX_SKIP_DQ_ESC:
    case LX_SKIP_SQ:
    case LX_SKIP_SQ_ESC:
        break;
    default:
        /* An unfinished string or number: report what we have. */
        lexer_error(lexer);
        break;
    }
    g_string_truncate(lexer->token, 0);
    lexer->state = LX_START;
    lexer->emit(lexer, JSON_END_OF_INPUT, "", 0);
}
