/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Unit tests for the streaming JSON parser: chunking, several values per
 * feed, error recovery, nesting and size limits, large and hostile input.
 */

#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qobject/json.h"

/* Each emission as one line: "V <compact json>" or "E <message>". */
typedef struct Sink {
    GString *log;
    unsigned values;
    unsigned errors;
} Sink;

static void sink_emit(void *opaque, JsonNode *value, Error *err)
{
    Sink *s = opaque;

    g_assert(!value != !err);
    if (value) {
        g_string_append(s->log, "V ");
        qjson_append(s->log, value, false);
        json_node_unref(value);
        s->values++;
    } else {
        g_string_append_printf(s->log, "E %s", error_get_pretty(err));
        error_free(err);
        s->errors++;
    }
    g_string_append_c(s->log, '\n');
}

typedef struct Fixture {
    Sink sink;
    JSONMessageParser *p;
} Fixture;

static void fixture_init(Fixture *f)
{
    f->sink.log = g_string_new(NULL);
    f->sink.values = f->sink.errors = 0;
    f->p = json_message_parser_new(sink_emit, &f->sink);
}

static void fixture_done(Fixture *f)
{
    json_message_parser_free(f->p);
    g_string_free(f->sink.log, true);
}

static void feed(Fixture *f, const char *s)
{
    json_message_parser_feed(f->p, s, strlen(s));
}

static void check_log(Fixture *f, const char *expected)
{
    g_assert_cmpstr(f->sink.log->str, ==, expected);
    g_string_truncate(f->sink.log, 0);
}

static void test_several_per_feed(void)
{
    Fixture f;

    fixture_init(&f);
    feed(&f, "{\"execute\":\"query-status\"}{\"execute\":\"query-version\"}");
    check_log(&f, "V {\"execute\": \"query-status\"}\n"
              "V {\"execute\": \"query-version\"}\n");
    feed(&f, "{\"id\":12} {\"id\":13}\n[1] \"s\" 'q' 3 true null\n");
    check_log(&f, "V {\"id\": 12}\nV {\"id\": 13}\nV [1]\nV \"s\"\nV \"q\"\n"
              "V 3\nV true\nV null\n");
    fixture_done(&f);
}

static void test_split(void)
{
    const char *msg = "{\"execute\":\"query-st" "atus\",\"id\":99}\n";
    Fixture f;

    fixture_init(&f);
    feed(&f, "{\"execute\":\"query-st");
    check_log(&f, "");
    feed(&f, "atus\",\"id\":99}\n");
    check_log(&f, "V {\"execute\": \"query-status\", \"id\": 99}\n");

    /* byte by byte */
    for (const char *p = msg; *p; p++) {
        json_message_parser_feed(f.p, p, 1);
    }
    check_log(&f, "V {\"execute\": \"query-status\", \"id\": 99}\n");

    /* a number split across feeds ends only at its delimiter */
    feed(&f, "12");
    feed(&f, "34");
    check_log(&f, "");
    feed(&f, " ");
    check_log(&f, "V 1234\n");
    fixture_done(&f);
}

static void test_whitespace(void)
{
    Fixture f;

    fixture_init(&f);
    feed(&f, "\n\n  \t\r\n");
    check_log(&f, "");
    feed(&f, "\r\n{ \"a\" :\n 1 }\r\n\r\n");
    check_log(&f, "V {\"a\": 1}\n");
    json_message_parser_flush(f.p);
    check_log(&f, "");
    fixture_done(&f);
}

static void test_unbalanced(void)
{
    Fixture f;

    fixture_init(&f);
    /* an unclosed '{' swallows the next command; one error for the lump */
    feed(&f, "{\"execute\":\"query-status\" \n");
    feed(&f, "{\"execute\":\"query-version\"}\n");
    check_log(&f, "");
    feed(&f, "}\n");
    check_log(&f, "E JSON parse error, expected separator in dict\n");
    feed(&f, "{\"execute\":\"x\"}");
    check_log(&f, "V {\"execute\": \"x\"}\n");

    /* each stray closer is an error of its own */
    feed(&f, "]]}");
    check_log(&f, "E JSON parse error, expecting value\n"
              "E JSON parse error, expecting value\n"
              "E JSON parse error, expecting value\n");

    /* a trailing comma */
    feed(&f, "{\"a\":1,}");
    check_log(&f, "E JSON parse error, expecting value\n");
    fixture_done(&f);
}

static void test_trailing_junk(void)
{
    Fixture f;

    fixture_init(&f);
    feed(&f, "{\"execute\":\"query-status\"} garbage\n");
    check_log(&f, "V {\"execute\": \"query-status\"}\n"
              "E JSON parse error, invalid keyword 'garbage'\n");
    feed(&f, "[1] @ [2]");
    check_log(&f, "V [1]\nE JSON parse error, stray '@'\nV [2]\n");
    fixture_done(&f);
}

static void test_garbage_then_value(void)
{
    Fixture f;

    fixture_init(&f);
    /* recovery skips to the next structural character */
    feed(&f, "@#$ more junk {\"a\":1}");
    check_log(&f, "E JSON parse error, stray '@'\nV {\"a\": 1}\n");

    /* a lexical error drops the pending value */
    feed(&f, "{\"a\": @ }");
    check_log(&f, "E JSON parse error, stray '@'\n"
              "E JSON parse error, expecting value\n");

    /* 0xFF forces a reset, as QMP clients use it */
    feed(&f, "{\"a\": [1, 2");
    feed(&f, "\xFF");
    feed(&f, "{\"b\":1}");
    check_log(&f, "E JSON parse error, stray '\xFF'\nV {\"b\": 1}\n");

    /* bad characters in a string; recovery at the line end */
    feed(&f, "{\"a\": \"x\x01y\"}\n{\"c\":3}");
    check_log(&f, "E JSON parse error, stray '\"x\x01'\n"
              "E JSON parse error, expecting value\n"
              "V {\"c\": 3}\n");

    /* '%' is not interpolation on the wire */
    feed(&f, "{\"a\": %d}[1]");
    check_log(&f, "E JSON parse error, stray '%'\n"
              "E JSON parse error, expecting value\nV [1]\n");
    fixture_done(&f);
}

static void test_single_quotes(void)
{
    Fixture f;

    fixture_init(&f);
    feed(&f, "{'execute':'query-status', 'arguments': {'x': 'a\"b\\'c'}}");
    check_log(&f, "V {\"execute\": \"query-status\", \"arguments\":"
              " {\"x\": \"a\\\"b'c\"}}\n");
    fixture_done(&f);
}

static void test_flush(void)
{
    Fixture f;

    fixture_init(&f);
    feed(&f, "{\"driver\":\"loader\",");
    json_message_parser_flush(f.p);
    check_log(&f, "E JSON parse error, premature EOI\n");
    feed(&f, "42");
    check_log(&f, "");
    json_message_parser_flush(f.p);
    check_log(&f, "V 42\n");
    feed(&f, "\"unterminated");
    json_message_parser_flush(f.p);
    check_log(&f, "E JSON parse error, stray '\"unterminated'\n");
    json_message_parser_flush(f.p);
    check_log(&f, "");
    /* usable after a flush */
    feed(&f, "[true]");
    check_log(&f, "V [true]\n");
    fixture_done(&f);
}

static char *repeat(const char *s, int n)
{
    GString *out = g_string_new(NULL);

    for (int i = 0; i < n; i++) {
        g_string_append(out, s);
    }
    return g_string_free(out, false);
}

static void test_nesting_limit(void)
{
    g_autofree char *open1024 = repeat("[", 1024);
    g_autofree char *close1024 = repeat("]", 1024);
    g_autofree char *open1025 = repeat("[", 1025);
    g_autofree char *close1025 = repeat("]", 1025);
    g_autofree char *strays = repeat("E JSON parse error, expecting value\n",
                                     1025);
    g_autofree char *expected = g_strconcat(
        "E JSON nesting depth limit exceeded\n", strays, NULL);
    Fixture f;

    fixture_init(&f);
    feed(&f, open1024);
    feed(&f, close1024);
    g_assert_cmpuint(f.sink.values, ==, 1);
    g_assert_cmpuint(f.sink.errors, ==, 0);
    g_string_truncate(f.sink.log, 0);

    feed(&f, open1025);
    feed(&f, close1025);
    check_log(&f, expected);

    /* and it recovers */
    feed(&f, "{\"id\":1}");
    check_log(&f, "V {\"id\": 1}\n");
    fixture_done(&f);
}

static void test_max_bytes(void)
{
    g_autofree char *big = repeat("a", 200);
    g_autofree char *msg = g_strdup_printf(
        "{\"execute\":\"x\",\"arguments\":{\"data\":\"%s\",\"n\":[1,2]}}"
        "{\"a\":1}", big);
    g_autofree char *str = g_strdup_printf("\"%s\" 5 ", big);
    g_autofree char *kw = g_strdup_printf("[%s] [6]", big);
    g_autofree char *ones = repeat("1,", 60);
    g_autofree char *many = g_strdup_printf("[%s1] [7]", ones);
    Fixture f;

    fixture_init(&f);
    json_message_parser_set_max_bytes(f.p, 100);

    /* an oversize string inside a value: one error, then recovery */
    feed(&f, msg);
    check_log(&f, "E JSON token size limit exceeded\nV {\"a\": 1}\n");

    /* the same fed byte by byte */
    for (const char *p = msg; *p; p++) {
        json_message_parser_feed(f.p, p, 1);
    }
    check_log(&f, "E JSON token size limit exceeded\nV {\"a\": 1}\n");

    /* an oversize top-level string */
    feed(&f, str);
    check_log(&f, "E JSON token size limit exceeded\nV 5\n");

    /* an oversize keyword */
    feed(&f, kw);
    check_log(&f, "E JSON token size limit exceeded\nV [6]\n");

    /* many small tokens */
    feed(&f, many);
    check_log(&f, "E JSON token size limit exceeded\nV [7]\n");

    /* just below the limit works */
    feed(&f, "[\"0123456789012345678901234567890123456789\"]");
    check_log(&f, "V [\"0123456789012345678901234567890123456789\"]\n");
    fixture_done(&f);
}

static void test_large_string(void)
{
    size_t n = 1024 * 1024;
    GString *s = g_string_sized_new(n + 32);
    Fixture f;

    g_string_append(s, "{\"data\": \"");
    for (size_t i = 0; i < n; i++) {
        g_string_append_c(s, 'a' + i % 26);
    }
    g_string_append(s, "\"}");

    fixture_init(&f);
    /* in one piece */
    json_message_parser_feed(f.p, s->str, s->len);
    g_assert_cmpuint(f.sink.values, ==, 1);
    g_assert_cmpuint(f.sink.log->len, ==, s->len + 3);
    g_string_truncate(f.sink.log, 0);

    /* in 4 KiB chunks */
    for (size_t i = 0; i < s->len; i += 4096) {
        json_message_parser_feed(f.p, s->str + i, MIN(4096, s->len - i));
    }
    g_assert_cmpuint(f.sink.values, ==, 2);
    g_string_truncate(f.sink.log, 0);

    /* byte by byte */
    for (size_t i = 0; i < s->len; i++) {
        json_message_parser_feed(f.p, s->str + i, 1);
    }
    g_assert_cmpuint(f.sink.values, ==, 3);
    g_assert_cmpuint(f.sink.errors, ==, 0);
    fixture_done(&f);
    g_string_free(s, true);
}

static void test_garbage_flood(void)
{
    size_t n = 4 * 1024 * 1024;
    char *junk = g_malloc(n);
    Fixture f;

    fixture_init(&f);
    /* one error for a run of junk: nothing is accumulated */
    memset(junk, '@', n);
    json_message_parser_feed(f.p, junk, n);
    g_assert_cmpuint(f.sink.errors, ==, 1);

    /* an endless keyword hits the size limit once */
    json_message_parser_set_max_bytes(f.p, 4096);
    memset(junk, 'a', n);
    feed(&f, "\n");
    json_message_parser_feed(f.p, junk, n);
    g_assert_cmpuint(f.sink.errors, ==, 2);

    /* an endless string, likewise */
    feed(&f, "\n\"");
    json_message_parser_feed(f.p, junk, n);
    g_assert_cmpuint(f.sink.errors, ==, 3);
    feed(&f, "\" {\"ok\":true}");
    g_assert_cmpuint(f.sink.values, ==, 1);

    /* endless nesting is cut at the depth limit, again and again */
    memset(junk, '[', n);
    json_message_parser_feed(f.p, junk, 1025 * 4 + 3);
    g_assert_cmpuint(f.sink.errors, ==, 7);
    g_string_truncate(f.sink.log, 0);
    json_message_parser_flush(f.p);
    check_log(&f, "E JSON parse error, premature EOI\n");
    fixture_done(&f);
    g_free(junk);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/json/streamer/several-per-feed", test_several_per_feed);
    g_test_add_func("/json/streamer/split", test_split);
    g_test_add_func("/json/streamer/whitespace", test_whitespace);
    g_test_add_func("/json/streamer/unbalanced", test_unbalanced);
    g_test_add_func("/json/streamer/trailing-junk", test_trailing_junk);
    g_test_add_func("/json/streamer/garbage-then-value",
                    test_garbage_then_value);
    g_test_add_func("/json/streamer/single-quotes", test_single_quotes);
    g_test_add_func("/json/streamer/flush", test_flush);
    g_test_add_func("/json/streamer/nesting-limit", test_nesting_limit);
    g_test_add_func("/json/streamer/max-bytes", test_max_bytes);
    g_test_add_func("/json/streamer/large-string", test_large_string);
    g_test_add_func("/json/streamer/garbage-flood", test_garbage_flood);
    return g_test_run();
}
