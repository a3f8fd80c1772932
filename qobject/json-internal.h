/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Private interfaces between the JSON lexer, parser and streamer.
 *
 * The lexer cuts bytes into tokens and hands each one to the streamer,
 * which collects the tokens of one top-level value and passes them to the
 * parser once the brackets balance.  Only files in qobject/ include this.
 */
#ifndef QOBJECT_JSON_INTERNAL_H
#define QOBJECT_JSON_INTERNAL_H

#include "qobject/json.h"

typedef enum JSONTokenType {
    JSON_ERROR,                 /* a lexical error; text is the bad input */
    JSON_LCURLY,
    JSON_RCURLY,
    JSON_LSQUARE,
    JSON_RSQUARE,
    JSON_COLON,
    JSON_COMMA,
    JSON_INTEGER,
    JSON_FLOAT,
    JSON_KEYWORD,
    JSON_STRING,
    JSON_INTERP,
    JSON_TOO_BIG,               /* one token grew past the size limit */
    JSON_END_OF_INPUT,
} JSONTokenType;

typedef struct JSONLexer JSONLexer;

/*
 * Called once per token.  @text is NUL-terminated and @len bytes long; it
 * is only valid during the call.
 */
typedef void JSONLexerEmit(JSONLexer *lexer, JSONTokenType type,
                           const char *text, size_t len);

struct JSONLexer {
    JSONLexerEmit *emit;
    int state;
    bool interpolation;
    GString *token;
    size_t max_token;
};

/* With @interpolation, '%' starts an interpolation token. */
void json_lexer_init(JSONLexer *lexer, JSONLexerEmit *emit,
                     bool interpolation, size_t max_token);
void json_lexer_feed(JSONLexer *lexer, const char *buf, size_t len);
/* Finish the pending token, then report JSON_END_OF_INPUT. */
void json_lexer_flush(JSONLexer *lexer);
void json_lexer_destroy(JSONLexer *lexer);

/* One token of a pending value; its text lives in JSONTokens.text. */
typedef struct JSONToken {
    JSONTokenType type;
    size_t offset;
    size_t len;
} JSONToken;

typedef struct JSONTokens {
    GArray *tokens;             /* of JSONToken */
    GString *text;              /* token texts, each NUL-terminated */
} JSONTokens;

/*
 * Parse the value in @toks.  @ap is NULL unless interpolation is enabled.
 * Returns the value, or NULL with *@errp set.
 */
JsonNode *json_parser_parse(JSONTokens *toks, va_list *ap, Error **errp);

/* A streaming parser that also expands %-interpolations from @ap. */
JSONMessageParser *json_message_parser_new_interp(JSONMessageEmit *emit,
                                                  void *opaque,
                                                  va_list *ap);

/*
 * Modified UTF-8 helpers (U+0000 is "\xC0\x80").  Decode the sequence at
 * @s (at most @n bytes): return the code point and set *@end past it, or
 * return -1 for an invalid sequence (*@end then skips the bad bytes).
 */
int json_utf8_decode(const char *s, size_t n, const char **end);
/* Encode @cp into @buf (5 bytes, NUL-terminated); -1 if @cp is invalid. */
int json_utf8_encode(char *buf, int cp);

#endif
