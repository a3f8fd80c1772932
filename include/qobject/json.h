/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * JSON in QEMU's dialect, on json-glib's value types.
 *
 * JsonNode/JsonObject/JsonArray (json-glib) are the project's dynamic values:
 * QMP requests and replies, property values, schema introspection.  json-glib
 * cannot read or write the dialect QMP clients expect, so this layer adds:
 *
 *  - a parser for QEMU's JSON: single-quoted strings, %-interpolation for
 *    format strings (qjson_from_jsonf*), a 1024 nesting limit, QEMU's error
 *    texts ("JSON parse error, invalid keyword 'garbage'", ...);
 *  - a streaming splitter for QMP: bytes in any chunking, one callback per
 *    top-level value or error, recovery after garbage, a size cap;
 *  - a writer with QEMU's formatting (", " and ": " separators; pretty mode
 *    indents by 4 and prints an empty object as "{\n    }").
 *
 * Numbers: integers that fit int64_t are JSON int nodes; integers in
 * (INT64_MAX, UINT64_MAX] are stored as int nodes holding the same 64 bits
 * (qinput_uint64() reads them back); anything else is a double.  Object
 * members keep their insertion order.
 */
#ifndef QOBJECT_JSON_H
#define QOBJECT_JSON_H

#include <json-glib/json-glib.h>

/* Parse exactly one JSON value; anything but whitespace after it fails. */
JsonNode *qjson_parse(const char *string, Error **errp);
JsonNode *qjson_parse_len(const char *buf, size_t len, Error **errp);

/*
 * Build a value from a JSON format string with %-interpolation, for tests
 * and for code that builds replies: %s (string), %d %i(bool!) %u %ld %lu
 * %lld %llu %" PRId64 " %" PRIu64 " %f (double), %p (JsonNode *, ownership
 * taken).  Interpolation is only valid where a value is expected.  Aborts on
 * a malformed format: the format is a programming constant.
 */
JsonNode *qjson_from_jsonf_nofail(const char *fmt, ...);
JsonNode *qjson_from_vjsonf_nofail(const char *fmt, va_list ap);

/* Serialise; pretty output uses "\n" line ends (the monitor adds "\r"). */
char *qjson_to_string(JsonNode *node, bool pretty);
void qjson_append(GString *out, JsonNode *node, bool pretty);

/*
 * Streaming parser.  Feed it bytes as they arrive; it calls @emit once per
 * complete top-level value (@value set, @err NULL) or per parse error
 * (@value NULL, @err set).  The callee owns both.  After an error, parsing
 * resumes with the next token, as QEMU's does.
 */
typedef void JSONMessageEmit(void *opaque, JsonNode *value, Error *err);
typedef struct JSONMessageParser JSONMessageParser;

/* Defaults: 64 MiB per value, 2M tokens, depth 1024. */
#define JSON_MAX_VALUE_BYTES (64 * 1024 * 1024)
#define JSON_MAX_TOKENS (2 * 1024 * 1024)
#define JSON_MAX_DEPTH 1024

JSONMessageParser *json_message_parser_new(JSONMessageEmit *emit,
                                           void *opaque);
/* Lower the byte limit of one value (tests, small monitors). */
void json_message_parser_set_max_bytes(JSONMessageParser *p, size_t max);
void json_message_parser_feed(JSONMessageParser *p, const char *buf,
                              size_t len);
/* End of input: whatever is pending is reported (e.g. "premature EOI"). */
void json_message_parser_flush(JSONMessageParser *p);
void json_message_parser_free(JSONMessageParser *p);

#endif
