/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Character devices: the backends (null, file, ringbuf, socket, pty, mux),
 * the front-end API with its flow control, and the exact error texts.
 * Tests run the real main loop and wait on events and data, never on time.
 */
#include "qemu/osdep.h"
#include <fcntl.h>
#include <glib-unix.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <netinet/in.h>
#include "qapi/error.h"
#include "qemu/error-report.h"
#include "qemu/main-loop.h"
#include "qemu/option.h"
#include "qemu/timer.h"
#include "sysemu/runstate.h"
#include "chardev/char.h"
#include "chardev/char-fe.h"

/* The mux's C-a x lands here instead of in softmmu/runstate.c. */
static int shutdown_requests;
static ShutdownCause shutdown_cause_seen;

void qemu_system_shutdown_request(ShutdownCause cause)
{
    shutdown_requests++;
    shutdown_cause_seen = cause;
}

static char *tmpdir;

static char *tmp_path(const char *name)
{
    return g_build_filename(tmpdir, name, NULL);
}

/* A front end that records what it is told. */
typedef struct FE {
    CharBackend be;
    GByteArray *data;
    GArray *events;         /* of QEMUChrEvent */
    int room;               /* what can_read answers; -1: unlimited */
    int can_read_calls;
} FE;

static int fe_can_read(void *opaque)
{
    FE *fe = opaque;

    fe->can_read_calls++;
    return fe->room < 0 ? 4096 : fe->room;
}

static void fe_read(void *opaque, const uint8_t *buf, int size)
{
    FE *fe = opaque;

    if (fe->room >= 0) {
        g_assert_cmpint(size, <=, fe->room);
        fe->room -= size;
    }
    g_byte_array_append(fe->data, buf, size);
}

static void fe_event(void *opaque, QEMUChrEvent event)
{
    FE *fe = opaque;

    g_array_append_val(fe->events, event);
}

static void fe_setup(FE *fe, Chardev *chr)
{
    memset(fe, 0, sizeof(*fe));
    fe->data = g_byte_array_new();
    fe->events = g_array_new(false, false, sizeof(QEMUChrEvent));
    fe->room = -1;
    g_assert_true(qemu_chr_fe_init(&fe->be, chr, &error_abort));
    qemu_chr_fe_set_handlers(&fe->be, fe_can_read, fe_read, fe_event, fe);
}

static void fe_teardown(FE *fe, bool del)
{
    qemu_chr_fe_deinit(&fe->be, del);
    g_byte_array_free(fe->data, true);
    g_array_free(fe->events, true);
}

static int fe_count_events(FE *fe, QEMUChrEvent event)
{
    int n = 0;

    for (guint i = 0; i < fe->events->len; i++) {
        n += g_array_index(fe->events, QEMUChrEvent, i) == event;
    }
    return n;
}

static QEMUChrEvent fe_last_event(FE *fe)
{
    g_assert_cmpint(fe->events->len, >, 0);
    return g_array_index(fe->events, QEMUChrEvent, fe->events->len - 1);
}

static gboolean wake_up(gpointer opaque)
{
    return G_SOURCE_CONTINUE;
}

/*
 * Run the main loop until @cond holds; a 100 ms tick keeps the loop
 * turning so that the deadline (a failure) is noticed.
 */
#define WAIT_FOR(cond)                                                    \
    do {                                                                  \
        gint64 deadline_ = g_get_monotonic_time() + 20 * G_USEC_PER_SEC;  \
        guint tick_ = g_timeout_add(100, wake_up, NULL);                  \
        while (!(cond)) {                                                 \
            g_assert_cmpint(g_get_monotonic_time(), <, deadline_);        \
            main_loop_wait(false);                                        \
        }                                                                 \
        g_source_remove(tick_);                                           \
    } while (0)

/* Run every ready source, without sleeping. */
static void drain_loop(void)
{
    for (int i = 0; i < 20; i++) {
        main_loop_wait(true);
    }
}

static Chardev *chr_new(const char *spec, Error **errp)
{
    QemuOpts *opts = qemu_opts_parse(spec, "backend", &error_abort);
    Chardev *chr = qemu_chr_new_from_opts(opts, errp);

    qemu_opts_free(opts);
    return chr;
}

static void assert_chr_error(const char *spec, const char *msg)
{
    Error *err = NULL;

    g_assert_null(chr_new(spec, &err));
    g_assert_nonnull(err);
    g_assert_cmpstr(error_get_pretty(err), ==, msg);
    error_free(err);
}

static JsonNode *query_last;

static JsonObject *query_entry(const char *label)
{
    JsonArray *arr;

    if (query_last) {
        json_node_unref(query_last);
    }
    query_last = qemu_chr_query();
    arr = json_node_get_array(query_last);
    for (guint i = 0; i < json_array_get_length(arr); i++) {
        JsonObject *o = json_array_get_object_element(arr, i);

        if (!strcmp(json_object_get_string_member(o, "label"), label)) {
            return o;
        }
    }
    return NULL;
}

/* A client socket */

static int unix_client(const char *path)
{
    struct sockaddr_un un = { .sun_family = AF_UNIX };
    int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);

    g_assert_cmpint(fd, >=, 0);
    g_strlcpy(un.sun_path, path, sizeof(un.sun_path));
    g_assert_cmpint(connect(fd, (struct sockaddr *)&un, sizeof(un)), ==, 0);
    return fd;
}

static void send_all(int fd, const void *buf, size_t len)
{
    g_assert_cmpint(send(fd, buf, len, MSG_NOSIGNAL), ==, len);
}

/* Read exactly @len bytes from @fd while the main loop runs. */
static char *recv_exact(int fd, size_t len)
{
    char *buf = g_malloc0(len + 1);
    size_t got = 0;

    g_unix_set_fd_nonblocking(fd, TRUE, NULL);
    while (got < len) {
        ssize_t n = read(fd, buf + got, len - got);

        if (n > 0) {
            got += n;
        } else {
            g_assert_true(n < 0 && errno == EAGAIN);
            main_loop_wait(true);
            struct pollfd pfd = { .fd = fd, .events = POLLIN };
            poll(&pfd, 1, 100);
        }
    }
    g_unix_set_fd_nonblocking(fd, FALSE, NULL);
    return buf;
}

/* Tests */

static void test_null(void)
{
    Chardev *chr = chr_new("null,id=n0", &error_abort);
    FE fe;
    JsonObject *o;

    g_assert_true(chr == qemu_chr_find("n0"));
    g_assert_cmpstr(object_get_typename(OBJECT(chr)), ==, "chardev-null");
    g_assert_cmpstr(chr->filename, ==, "null");
    o = query_entry("n0");
    g_assert_false(json_object_get_boolean_member(o, "frontend-open"));

    fe_setup(&fe, chr);
    /* null is open from the start: the new front end hears it at once */
    g_assert_cmpint(fe_count_events(&fe, CHR_EVENT_OPENED), ==, 1);
    g_assert_cmpint(qemu_chr_fe_write(&fe.be, (uint8_t *)"abc", 3), ==, 3);
    g_assert_cmpint(qemu_chr_fe_write_all(&fe.be, (uint8_t *)"de", 2), ==, 2);
    g_assert_true(qemu_chr_fe_backend_connected(&fe.be));
    g_assert_true(qemu_chr_fe_get_driver(&fe.be) == chr);
    o = query_entry("n0");
    g_assert_true(json_object_get_boolean_member(o, "frontend-open"));
    g_assert_cmpstr(json_object_get_string_member(o, "filename"), ==, "null");
    drain_loop();
    g_assert_cmpint(fe.data->len, ==, 0);
    fe_teardown(&fe, true);
    g_assert_null(qemu_chr_find("n0"));
}

static void test_file(void)
{
    g_autofree char *path = tmp_path("file-out");
    g_autofree char *spec = g_strdup_printf("file,id=f0,path=%s", path);
    g_autofree char *spec2 = g_strdup_printf("file,id=f1,path=%s,append=on",
                                             path);
    g_autofree char *contents = NULL;
    Chardev *chr = chr_new(spec, &error_abort);
    FE fe;

    g_assert_cmpstr(chr->filename, ==, "file");
    fe_setup(&fe, chr);
    qemu_chr_fe_write_all(&fe.be, (uint8_t *)"hello ", 6);
    qemu_chr_fe_printf(&fe.be, "%s %d\n", "world", 42);
    fe_teardown(&fe, true);
    g_assert_true(g_file_get_contents(path, &contents, NULL, NULL));
    g_assert_cmpstr(contents, ==, "hello world 42\n");
    g_free(contents);

    chr = chr_new(spec2, &error_abort);
    fe_setup(&fe, chr);
    qemu_chr_fe_write_all(&fe.be, (uint8_t *)"more", 4);
    fe_teardown(&fe, true);
    g_assert_true(g_file_get_contents(path, &contents, NULL, NULL));
    g_assert_cmpstr(contents, ==, "hello world 42\nmore");
    g_free(contents);

    /* without append= the file starts over */
    chr = chr_new(spec, &error_abort);
    object_unparent(OBJECT(chr));
    g_assert_true(g_file_get_contents(path, &contents, NULL, NULL));
    g_assert_cmpstr(contents, ==, "");
    unlink(path);
}

static void test_ringbuf(void)
{
    Chardev *chr = chr_new("ringbuf,id=rb,size=4", &error_abort);
    Error *err = NULL;
    uint8_t *data;
    size_t len;
    FE fe;

    g_assert_cmpstr(chr->filename, ==, "ringbuf");
    fe_setup(&fe, chr);
    /* the guest's output overwrites the oldest bytes */
    g_assert_cmpint(qemu_chr_fe_write(&fe.be, (uint8_t *)"abcdef", 6), ==, 6);
    data = qemu_chr_ringbuf_read("rb", 100, &len, &error_abort);
    g_assert_cmpint(len, ==, 4);
    g_assert_cmpstr((char *)data, ==, "cdef");
    g_free(data);
    data = qemu_chr_ringbuf_read("rb", 100, &len, &error_abort);
    g_assert_cmpint(len, ==, 0);
    g_assert_cmpstr((char *)data, ==, "");
    g_free(data);

    g_assert_true(qemu_chr_ringbuf_write("rb", (uint8_t *)"xyz", 3,
                                         &error_abort));
    qemu_chr_fe_write(&fe.be, (uint8_t *)"12", 2);
    data = qemu_chr_ringbuf_read("rb", 2, &len, &error_abort);
    g_assert_cmpstr((char *)data, ==, "yz");
    g_free(data);
    data = qemu_chr_ringbuf_read("rb", 2, &len, &error_abort);
    g_assert_cmpstr((char *)data, ==, "12");
    g_free(data);

    g_assert_null(qemu_chr_ringbuf_read("rb", 0, &len, &err));
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "size must be greater than zero");
    error_free(err);
    err = NULL;
    g_assert_false(qemu_chr_ringbuf_write("nope", (uint8_t *)"a", 1, &err));
    g_assert_cmpstr(error_get_pretty(err), ==, "Device 'nope' not found");
    error_free(err);
    err = NULL;
    chr_new("null,id=notrb", &error_abort);
    g_assert_null(qemu_chr_ringbuf_read("notrb", 1, &len, &err));
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "notrb is not a ringbuf device");
    error_free(err);
    g_assert_true(qemu_chr_remove("notrb", &error_abort));
    fe_teardown(&fe, true);

    /* the default size is 64 KiB */
    chr_new("ringbuf,id=rb2", &error_abort);
    for (int i = 0; i < 65536 + 10; i++) {
        uint8_t c = i & 0xff;

        g_assert_true(qemu_chr_ringbuf_write("rb2", &c, 1, &error_abort));
    }
    data = qemu_chr_ringbuf_read("rb2", 1 << 20, &len, &error_abort);
    g_assert_cmpint(len, ==, 65536);
    g_assert_cmpint(data[0], ==, 10);
    g_free(data);
    g_assert_true(qemu_chr_remove("rb2", &error_abort));
    assert_chr_error("ringbuf,id=rb3,size=3",
                     "size of ringbuf chardev must be power of two");
}

static void test_socket_unix_server(void)
{
    g_autofree char *path = tmp_path("srv.sock");
    g_autofree char *spec = g_strdup_printf(
        "socket,id=s0,path=%s,server=on,wait=off", path);
    g_autofree char *disc = g_strdup_printf("disconnected:unix:%s,server=on",
                                            path);
    g_autofree char *conn = g_strdup_printf("unix:%s,server=on", path);
    Chardev *chr = chr_new(spec, &error_abort);
    g_autofree char *got = NULL;
    int c1, c2;
    FE fe;

    g_assert_cmpstr(chr->filename, ==, disc);
    g_assert_false(object_property_get_bool(OBJECT(chr), "connected",
                                            &error_abort));
    fe_setup(&fe, chr);
    g_assert_cmpint(fe.events->len, ==, 0);
    /* no client: output is dropped */
    g_assert_cmpint(qemu_chr_fe_write_all(&fe.be, (uint8_t *)"lost", 4), <,
                    0);

    c1 = unix_client(path);
    WAIT_FOR(fe.events->len == 1);
    g_assert_cmpint(fe_last_event(&fe), ==, CHR_EVENT_OPENED);
    g_assert_cmpstr(chr->filename, ==, conn);
    g_assert_true(qemu_chr_fe_backend_open(&fe.be));

    send_all(c1, "ping", 4);
    WAIT_FOR(fe.data->len == 4);
    g_assert_cmpmem(fe.data->data, 4, "ping", 4);
    g_assert_cmpint(qemu_chr_fe_write_all(&fe.be, (uint8_t *)"pong", 4), ==,
                    4);
    got = recv_exact(c1, 4);
    g_assert_cmpstr(got, ==, "pong");

    /* a second client is accepted by the kernel, but not served */
    c2 = unix_client(path);
    send_all(c2, "two", 3);
    drain_loop();
    g_assert_cmpint(fe.events->len, ==, 1);
    g_assert_cmpint(fe.data->len, ==, 4);

    /* the first leaves: CLOSED, then the second is taken */
    close(c1);
    WAIT_FOR(fe.events->len == 3);
    g_assert_cmpint(g_array_index(fe.events, QEMUChrEvent, 1), ==,
                    CHR_EVENT_CLOSED);
    g_assert_cmpint(g_array_index(fe.events, QEMUChrEvent, 2), ==,
                    CHR_EVENT_OPENED);
    WAIT_FOR(fe.data->len == 7);
    g_assert_cmpmem(fe.data->data + 4, 3, "two", 3);
    qemu_chr_fe_write_all(&fe.be, (uint8_t *)"2", 1);
    g_free(got);
    got = recv_exact(c2, 1);
    g_assert_cmpstr(got, ==, "2");
    close(c2);
    WAIT_FOR(fe.events->len == 4);
    g_assert_cmpint(fe_last_event(&fe), ==, CHR_EVENT_CLOSED);
    g_assert_cmpstr(chr->filename, ==, disc);

    /* the socket file goes with the chardev */
    g_assert_true(g_file_test(path, G_FILE_TEST_EXISTS));
    fe_teardown(&fe, true);
    g_assert_false(g_file_test(path, G_FILE_TEST_EXISTS));
}

static void test_socket_tcp(void)
{
    Chardev *srv = chr_new("socket,id=t0,host=127.0.0.1,port=0,server=on,"
                           "wait=off", &error_abort);
    g_autofree char *port = NULL;
    g_autofree char *client_spec = NULL;
    g_autofree char *expect = NULL;
    const char *p;
    Chardev *cli;
    FE fs, fc;

    g_assert_true(g_str_has_prefix(srv->filename,
                                   "disconnected:tcp:127.0.0.1:"));
    g_assert_true(g_str_has_suffix(srv->filename, ",server=on"));
    p = srv->filename + strlen("disconnected:tcp:127.0.0.1:");
    port = g_strndup(p, strcspn(p, ","));
    g_assert_cmpint(atoi(port), >, 0);
    fe_setup(&fs, srv);

    /* our own client chardev connects at creation */
    client_spec = g_strdup_printf("socket,id=t1,host=127.0.0.1,port=%s",
                                  port);
    cli = chr_new(client_spec, &error_abort);
    fe_setup(&fc, cli);
    g_assert_cmpint(fe_count_events(&fc, CHR_EVENT_OPENED), ==, 1);
    WAIT_FOR(fs.events->len == 1);
    g_assert_cmpint(fe_last_event(&fs), ==, CHR_EVENT_OPENED);
    /* "tcp:LOCAL:PORT,server=on <-> PEER:PORT" on both sides */
    g_assert_true(g_str_has_prefix(cli->filename, "tcp:127.0.0.1:"));
    expect = g_strdup_printf("tcp:127.0.0.1:%s,server=on <-> %s", port,
                             cli->filename + strlen("tcp:"));
    *strstr(expect, " <-> 127.0.0.1:" ) = '\0';
    g_assert_true(g_str_has_prefix(srv->filename, expect));
    g_free(expect);
    expect = g_strdup_printf(" <-> 127.0.0.1:%s", port);
    g_assert_true(g_str_has_suffix(cli->filename, expect));

    qemu_chr_fe_write_all(&fc.be, (uint8_t *)"to-server", 9);
    WAIT_FOR(fs.data->len == 9);
    g_assert_cmpmem(fs.data->data, 9, "to-server", 9);
    qemu_chr_fe_write_all(&fs.be, (uint8_t *)"to-client", 9);
    WAIT_FOR(fc.data->len == 9);
    g_assert_cmpmem(fc.data->data, 9, "to-client", 9);

    /* the client goes: the server sees CLOSED */
    fe_teardown(&fc, true);
    WAIT_FOR(fs.events->len == 2);
    g_assert_cmpint(fe_last_event(&fs), ==, CHR_EVENT_CLOSED);
    fe_teardown(&fs, true);
}

static void capture_sink(void *opaque, const char *text)
{
    g_string_append(opaque, text);
}

/* wait=on: creation blocks until a client is there (here: already is). */
static void test_socket_wait(void)
{
    g_autofree char *path = tmp_path("wait.sock");
    struct sockaddr_un un = { .sun_family = AF_UNIX };
    g_autofree char *spec = NULL;
    g_autofree char *msg = NULL;
    GString *out = g_string_new(NULL);
    ErrorSinkState old;
    Chardev *chr;
    int lfd, c;
    FE fe;

    lfd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    g_strlcpy(un.sun_path, path, sizeof(un.sun_path));
    g_assert_cmpint(bind(lfd, (struct sockaddr *)&un, sizeof(un)), ==, 0);
    g_assert_cmpint(listen(lfd, 1), ==, 0);
    c = unix_client(path);
    send_all(c, "early", 5);

    spec = g_strdup_printf("socket,id=w0,fd=%d,server=on", lfd);
    old = error_printf_set_sink(capture_sink, out);
    chr = chr_new(spec, &error_abort);
    error_printf_set_sink(old.fn, old.opaque);
    msg = g_strdup_printf("QEMU waiting for connection on: "
                          "disconnected:fd:%d,server=on", lfd);
    g_assert_nonnull(strstr(out->str, msg));
    g_assert_true(object_property_get_bool(OBJECT(chr), "connected",
                                           &error_abort));
    fe_setup(&fe, chr);
    g_assert_cmpint(fe_count_events(&fe, CHR_EVENT_OPENED), ==, 1);
    WAIT_FOR(fe.data->len == 5);
    g_assert_cmpmem(fe.data->data, 5, "early", 5);
    close(c);
    WAIT_FOR(fe_count_events(&fe, CHR_EVENT_CLOSED) == 1);
    fe_teardown(&fe, true);
    unlink(path);
    g_string_free(out, true);
}

/* Flow control: a front end that takes one byte and then waits. */

typedef struct SlowFE {
    FE fe;
    QEMUBH *bh;
    size_t max_chunk;
} SlowFE;

static void slow_consume(void *opaque)
{
    SlowFE *s = opaque;

    s->fe.room = 1;
    qemu_chr_fe_accept_input(&s->fe.be);
}

static void slow_read(void *opaque, const uint8_t *buf, int size)
{
    SlowFE *s = opaque;

    fe_read(&s->fe, buf, size);
    s->max_chunk = MAX(s->max_chunk, (size_t)size);
    qemu_bh_schedule(s->bh);
}

static int slow_can_read(void *opaque)
{
    SlowFE *s = opaque;

    return fe_can_read(&s->fe);
}

#define FLOW_BYTES (1024 * 1024)

static gpointer flow_sender(gpointer opaque)
{
    int fd = GPOINTER_TO_INT(opaque);
    uint8_t *buf = g_malloc(FLOW_BYTES);

    for (int i = 0; i < FLOW_BYTES; i++) {
        buf[i] = (i * 7 + i / 251) & 0xff;
    }
    g_assert_cmpint(send(fd, buf, FLOW_BYTES, MSG_NOSIGNAL), ==, FLOW_BYTES);
    shutdown(fd, SHUT_WR);
    g_free(buf);
    return NULL;
}

static void flow_timer_cb(void *opaque)
{
    *(bool *)opaque = true;
}

static void test_socket_flow_control(void)
{
    g_autofree char *path = tmp_path("flow.sock");
    g_autofree char *spec = g_strdup_printf(
        "socket,id=fl,path=%s,server=on,wait=off", path);
    Chardev *chr = chr_new(spec, &error_abort);
    SlowFE s;
    GThread *sender;
    QEMUTimer *timer;
    bool fired = false;
    int iterations = 0;
    int fd;

    fe_setup(&s.fe, chr);
    s.bh = qemu_bh_new(slow_consume, &s);
    s.max_chunk = 0;
    qemu_chr_fe_set_handlers(&s.fe.be, slow_can_read, slow_read, fe_event,
                             &s);

    /* a full front end: the socket has data, but is not even polled */
    s.fe.room = 0;
    fd = unix_client(path);
    WAIT_FOR(fe_count_events(&s.fe, CHR_EVENT_OPENED) == 1);
    send_all(fd, "z", 1);
    timer = timer_new_ms(QEMU_CLOCK_REALTIME, flow_timer_cb, &fired);
    timer_mod(timer, qemu_clock_get_ms(QEMU_CLOCK_REALTIME) + 100);
    while (!fired) {
        main_loop_wait(false);
        iterations++;
    }
    timer_free(timer);
    /* a polled, ready fd would have made every iteration return at once */
    g_assert_cmpint(iterations, <=, 3);
    g_assert_cmpint(s.fe.data->len, ==, 0);
    s.fe.room = 1;
    qemu_chr_fe_accept_input(&s.fe.be);
    WAIT_FOR(s.fe.data->len == 1);
    g_assert_cmpint(s.fe.data->data[0], ==, 'z');
    g_byte_array_set_size(s.fe.data, 0);

    /* 1 MiB through a front end that takes one byte at a time */
    sender = g_thread_new("flow-sender", flow_sender, GINT_TO_POINTER(fd));
    WAIT_FOR(s.fe.data->len == FLOW_BYTES);
    g_thread_join(sender);
    g_assert_cmpint(s.max_chunk, ==, 1);
    for (int i = 0; i < FLOW_BYTES; i++) {
        if (s.fe.data->data[i] != ((i * 7 + i / 251) & 0xff)) {
            g_assert_cmpint(i, ==, -1);
        }
    }
    /* EOF after the last byte */
    WAIT_FOR(fe_count_events(&s.fe, CHR_EVENT_CLOSED) == 1);
    close(fd);
    qemu_bh_delete(s.bh);
    fe_teardown(&s.fe, true);
}

/* A client that sends and closes before the slow front end read it all. */
static void test_socket_eof_after_data(void)
{
    g_autofree char *path = tmp_path("eof.sock");
    g_autofree char *spec = g_strdup_printf(
        "socket,id=eo,path=%s,server=on,wait=off", path);
    Chardev *chr = chr_new(spec, &error_abort);
    FE fe;
    int fd;

    fe_setup(&fe, chr);
    fe.room = 0;
    fd = unix_client(path);
    WAIT_FOR(fe_count_events(&fe, CHR_EVENT_OPENED) == 1);
    send_all(fd, "abcdef", 6);
    close(fd);
    drain_loop();
    g_assert_cmpint(fe_count_events(&fe, CHR_EVENT_CLOSED), ==, 0);
    fe.room = 100;
    qemu_chr_fe_accept_input(&fe.be);
    WAIT_FOR(fe_count_events(&fe, CHR_EVENT_CLOSED) == 1);
    g_assert_cmpint(fe.data->len, ==, 6);
    g_assert_cmpmem(fe.data->data, 6, "abcdef", 6);
    fe_teardown(&fe, true);
}

static void test_mux(void)
{
    g_autofree char *path = tmp_path("mux.sock");
    g_autofree char *spec = g_strdup_printf(
        "unix:%s,server=on,wait=off", path);
    g_autofree char *mon_spec = g_strdup_printf("mon:%s", spec);
    g_autofree char *help = NULL;
    g_autofree char *got = NULL;
    Chardev *mux = qemu_chr_new("serial0", mon_spec, &error_abort);
    Chardev *base = qemu_chr_find("serial0-base");
    g_autofree char *disc = g_strdup_printf(
        "disconnected:unix:%s,server=on", path);
    FE f1, f2, f3, f4;
    CharBackend be5 = { 0 };
    Error *err = NULL;
    int fd;

    g_assert_true(qemu_chr_is_mux(mux));
    g_assert_nonnull(base);
    g_assert_cmpstr(mux->filename, ==, "mux");
    g_assert_cmpstr(base->filename, ==, disc);

    fe_setup(&f1, mux);
    fe_setup(&f2, mux);
    /* the last front end to set its handlers has the focus */
    g_assert_cmpint(fe_count_events(&f1, CHR_EVENT_MUX_IN), ==, 1);
    g_assert_cmpint(fe_last_event(&f1), ==, CHR_EVENT_MUX_OUT);
    g_assert_cmpint(fe_last_event(&f2), ==, CHR_EVENT_MUX_IN);
    g_assert_true(qemu_chr_is_busy(mux));

    fd = unix_client(path);
    WAIT_FOR(fe_count_events(&f1, CHR_EVENT_OPENED) == 1 &&
             fe_count_events(&f2, CHR_EVENT_OPENED) == 1);

    send_all(fd, "a", 1);
    WAIT_FOR(f2.data->len == 1);
    g_assert_cmpint(f1.data->len, ==, 0);

    /* C-a c: the focus moves on (wrapping around) */
    send_all(fd, "\001cb", 3);
    WAIT_FOR(f1.data->len == 1);
    g_assert_cmpint(f1.data->data[0], ==, 'b');
    g_assert_cmpint(f2.data->len, ==, 1);
    g_assert_cmpint(fe_last_event(&f2), ==, CHR_EVENT_MUX_OUT);
    g_assert_cmpint(fe_last_event(&f1), ==, CHR_EVENT_MUX_IN);

    /* C-a C-a: one C-a for the front end in focus */
    send_all(fd, "\001\001", 2);
    WAIT_FOR(f1.data->len == 2);
    g_assert_cmpint(f1.data->data[1], ==, 1);

    /* C-a b: a break for the front end in focus */
    send_all(fd, "\001b", 2);
    WAIT_FOR(fe_last_event(&f1) == CHR_EVENT_BREAK);
    g_assert_cmpint(fe_count_events(&f2, CHR_EVENT_BREAK), ==, 0);

    /* C-a h: the help text, through the base */
    send_all(fd, "\001h", 2);
    help = g_strdup("\n\r"
                    "C-a h    print this help\n\r"
                    "C-a x    exit emulator\n\r"
                    "C-a s    save disk data back to file (if -snapshot)\n\r"
                    "C-a t    toggle console timestamps\n\r"
                    "C-a b    send break (magic sysrq)\n\r"
                    "C-a c    switch between console and monitor\n\r"
                    "C-a C-a  sends C-a\n\r");
    got = recv_exact(fd, strlen(help));
    g_assert_cmpstr(got, ==, help);

    /* both front ends write; s is a no-op */
    qemu_chr_fe_write_all(&f2.be, (uint8_t *)"[2]", 3);
    qemu_chr_fe_write_all(&f1.be, (uint8_t *)"[1]", 3);
    g_free(got);
    got = recv_exact(fd, 6);
    g_assert_cmpstr(got, ==, "[2][1]");
    send_all(fd, "\001sc", 3);
    WAIT_FOR(f1.data->len == 3);
    g_assert_cmpint(f1.data->data[2], ==, 'c');

    /* a slow front end loses nothing: input waits in the mux */
    f1.room = 0;
    send_all(fd, "0123456789", 10);
    drain_loop();
    g_assert_cmpint(f1.data->len, ==, 3);
    f1.room = -1;
    qemu_chr_fe_accept_input(&f1.be);
    WAIT_FOR(f1.data->len == 13);
    g_assert_cmpmem(f1.data->data + 3, 10, "0123456789", 10);

    /* C-a x */
    send_all(fd, "\001x", 2);
    g_free(got);
    got = recv_exact(fd, strlen("QEMU: Terminated\n\r"));
    g_assert_cmpstr(got, ==, "QEMU: Terminated\n\r");
    g_assert_cmpint(shutdown_requests, ==, 1);
    g_assert_cmpint(shutdown_cause_seen, ==, SHUTDOWN_CAUSE_HOST_QMP_QUIT);

    /* up to four front ends */
    fe_setup(&f3, mux);
    fe_setup(&f4, mux);
    g_assert_false(qemu_chr_fe_init(&be5, mux, &err));
    g_assert_cmpstr(error_get_pretty(err), ==, "Device 'serial0' is in use");
    error_free(err);
    err = NULL;
    fe_teardown(&f4, false);
    fe_teardown(&f3, false);
    /* the focus went back to f1 (the next one after f3) */
    g_assert_cmpint(fe_last_event(&f1), ==, CHR_EVENT_MUX_IN);
    g_assert_true(qemu_chr_remove("serial0", &err) == false);
    g_assert_cmpstr(error_get_pretty(err), ==, "Chardev 'serial0' is busy");
    error_free(err);

    close(fd);
    WAIT_FOR(fe_count_events(&f1, CHR_EVENT_CLOSED) == 1 &&
             fe_count_events(&f2, CHR_EVENT_CLOSED) == 1);
    fe_teardown(&f1, false);
    fe_teardown(&f2, false);
    g_assert_false(qemu_chr_is_busy(mux));
    g_assert_true(qemu_chr_remove("serial0", &error_abort));
    g_assert_true(qemu_chr_remove("serial0-base", &error_abort));
    g_assert_false(g_file_test(path, G_FILE_TEST_EXISTS));
}

static void test_mux_opened_later(void)
{
    Chardev *mux;
    FE f1, f2;

    /* command-line processing: the OPENED events wait for the machine */
    suspend_mux_open();
    mux = chr_new("null,id=mn,mux=on", &error_abort);
    fe_setup(&f1, mux);
    fe_setup(&f2, mux);
    g_assert_cmpint(fe_count_events(&f1, CHR_EVENT_OPENED), ==, 0);
    resume_mux_open();
    g_assert_cmpint(fe_count_events(&f1, CHR_EVENT_OPENED), ==, 1);
    g_assert_cmpint(fe_count_events(&f2, CHR_EVENT_OPENED), ==, 1);
    g_assert_cmpstr(query_entry("mn-base") ? "y" : "n", ==, "y");
    fe_teardown(&f1, false);
    fe_teardown(&f2, false);
    qemu_chr_cleanup();
    g_assert_null(qemu_chr_find("mn"));
    g_assert_null(qemu_chr_find("mn-base"));
}

static void test_pty(void)
{
    int pipefd[2], saved, slave;
    char out[256] = "";
    ssize_t n;
    Chardev *chr;
    g_autofree char *expect = NULL;
    g_autofree char *got = NULL;
    FE fe;

    /* the announcement goes to stdout: catch it */
    g_assert_cmpint(pipe(pipefd), ==, 0);
    fflush(stdout);
    saved = dup(1);
    dup2(pipefd[1], 1);
    chr = qemu_chr_new("p0", "pty", &error_abort);
    fflush(stdout);
    dup2(saved, 1);
    close(saved);
    close(pipefd[1]);
    n = read(pipefd[0], out, sizeof(out) - 1);
    close(pipefd[0]);
    g_assert_cmpint(n, >, 0);
    g_assert_true(g_str_has_prefix(chr->filename, "pty:/dev/pts/"));
    expect = g_strdup_printf("char device redirected to %s (label p0)\n",
                             chr->filename + 4);
    g_assert_cmpstr(out, ==, expect);

    fe_setup(&fe, chr);
    g_assert_cmpint(fe.events->len, ==, 0);
    /* nobody on the other side: dropped */
    g_assert_cmpint(qemu_chr_fe_write_all(&fe.be, (uint8_t *)"x", 1), ==, 1);

    slave = open(chr->filename + 4, O_RDWR | O_NOCTTY);
    g_assert_cmpint(slave, >=, 0);
    WAIT_FOR(fe_count_events(&fe, CHR_EVENT_OPENED) == 1);
    g_assert_cmpint(write(slave, "hi", 2), ==, 2);
    WAIT_FOR(fe.data->len == 2);
    g_assert_cmpmem(fe.data->data, 2, "hi", 2);
    qemu_chr_fe_write_all(&fe.be, (uint8_t *)"ho\n", 3);
    got = recv_exact(slave, 3);
    g_assert_cmpstr(got, ==, "ho\n");
    close(slave);
    WAIT_FOR(fe_count_events(&fe, CHR_EVENT_CLOSED) == 1);
    fe_teardown(&fe, true);
}

static void test_compat_specs(void)
{
    g_autofree char *path = tmp_path("compat.sock");
    g_autofree char *fpath = tmp_path("compat-file");
    g_autofree char *spec = g_strdup_printf("unix:%s,server,nowait", path);
    g_autofree char *fspec = g_strdup_printf("file:%s", fpath);
    g_autofree char *disc = g_strdup_printf("disconnected:unix:%s,server=on",
                                            path);
    Chardev *chr;
    Error *err = NULL;

    chr = qemu_chr_new("serial0", "null", &error_abort);
    g_assert_cmpstr(chr->label, ==, "serial0");
    g_assert_cmpstr(chr->filename, ==, "null");
    g_assert_true(qemu_chr_new("x", "chardev:serial0", &error_abort) == chr);
    g_assert_null(qemu_chr_new("x", "chardev:nope", &err));
    g_assert_cmpstr(error_get_pretty(err), ==, "Chardev 'nope' not found");
    error_free(err);
    err = NULL;

    chr = qemu_chr_new("serial1", fspec, &error_abort);
    g_assert_cmpstr(chr->filename, ==, "file");
    chr = qemu_chr_new("compat_monitor0", spec, &error_abort);
    g_assert_cmpstr(chr->filename, ==, disc);
    chr = qemu_chr_new("serial2", "tcp:127.0.0.1:0,server,nowait",
                       &error_abort);
    g_assert_true(g_str_has_prefix(chr->filename,
                                   "disconnected:tcp:127.0.0.1:"));
    g_assert_true(g_str_has_suffix(chr->filename, ",server=on"));
    chr = qemu_chr_new("serial3", "mon:null", &error_abort);
    g_assert_cmpstr(chr->filename, ==, "mux");
    g_assert_cmpstr(qemu_chr_find("serial3-base")->filename, ==, "null");

    g_assert_null(qemu_chr_new("x", "foo:bar", &err));
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "'foo:bar' is not a valid char driver");
    error_free(err);

    qemu_chr_cleanup();
    g_assert_null(qemu_chr_find("serial0"));
    g_assert_false(g_file_test(path, G_FILE_TEST_EXISTS));
    unlink(fpath);
}

static void test_errors(void)
{
    g_autofree char *missing = tmp_path("missing.sock");
    g_autofree char *spec = g_strdup_printf("socket,id=c,path=%s", missing);
    g_autofree char *msg = g_strdup_printf(
        "Failed to connect to '%s': No such file or directory", missing);
    Chardev *chr;
    Error *err = NULL;
    CharBackend be1 = { 0 }, be2 = { 0 };

    assert_chr_error("null", "chardev: no id specified");
    chr_new("null,id=a", &error_abort);
    assert_chr_error("null,id=a", "Duplicate ID 'a' for chardev");
    assert_chr_error("bogus,id=b", "'bogus' is not a valid char driver name");
    assert_chr_error("fd,id=b", "'fd' is not a valid char driver name");
    assert_chr_error("id=b", "chardev: \"b\" missing backend");
    assert_chr_error("null,id=b,bogus=1", "Invalid parameter 'bogus'");
    assert_chr_error(spec, msg);
    assert_chr_error("socket,id=x", "Unable to parse FD number ");
    assert_chr_error("socket,id=x,host=127.0.0.1",
                     "chardev: socket: no port given");
    assert_chr_error("socket,id=x,host=127.0.0.1,port=1,path=/p",
                     "None or one of 'path', 'fd' or 'host' option "
                     "required.");
    assert_chr_error("socket,id=x,path=/nonexistent/dir/s,server=on,"
                     "reconnect=1", "'reconnect' option is incompatible "
                     "with socket in server listen mode");
    assert_chr_error("file,id=x", "chardev: file: no filename given");
    assert_chr_error("mux,id=x", "chardev: mux: no chardev given");
    assert_chr_error("mux,id=x,chardev=nope", "mux: base chardev nope "
                     "not found");
    g_assert_null(qemu_chr_find("x"));
    g_assert_null(qemu_chr_find("b"));

    /* one front end per chardev */
    chr = qemu_chr_find("a");
    g_assert_true(qemu_chr_fe_init(&be1, chr, &error_abort));
    g_assert_false(qemu_chr_fe_init(&be2, chr, &err));
    g_assert_cmpstr(error_get_pretty(err), ==, "Device 'a' is in use");
    error_free(err);
    err = NULL;
    g_assert_false(qemu_chr_remove("a", &err));
    g_assert_cmpstr(error_get_pretty(err), ==, "Chardev 'a' is busy");
    error_free(err);
    err = NULL;
    qemu_chr_fe_deinit(&be1, false);
    g_assert_false(qemu_chr_fe_backend_connected(&be1));
    g_assert_true(qemu_chr_remove("a", &error_abort));
    g_assert_false(qemu_chr_remove("a", &err));
    g_assert_cmpstr(error_get_pretty(err), ==, "Chardev 'a' not found");
    error_free(err);
    err = NULL;

    /* one user of stdio */
    chr_new("stdio,id=io1,signal=off", &error_abort);
    assert_chr_error("stdio,id=io2",
                     "cannot use stdio by multiple character devices");
    g_assert_true(qemu_chr_remove("io1", &error_abort));
    chr_new("stdio,id=io2", &error_abort);
    g_assert_true(qemu_chr_remove("io2", &error_abort));
}

static Chardev *qmp_add(const char *id, const char *json, char **pty,
                        Error **errp)
{
    JsonNode *node = json_from_string(json, NULL);
    Chardev *chr;

    g_assert_nonnull(node);
    chr = qemu_chr_add_qmp(id, json_node_get_object(node), pty, errp);
    json_node_unref(node);
    return chr;
}

static void test_qmp_add(void)
{
    g_autofree char *path = tmp_path("qmp.sock");
    g_autofree char *sock = g_strdup_printf(
        "{\"type\":\"socket\",\"data\":{\"addr\":{\"type\":\"unix\","
        "\"data\":{\"path\":\"%s\"}},\"server\":true,\"wait\":false}}",
        path);
    g_autofree char *disc = g_strdup_printf("disconnected:unix:%s,server=on",
                                            path);
    g_autofree char *missing = tmp_path("nosuch.sock");
    g_autofree char *client = g_strdup_printf(
        "{\"type\":\"socket\",\"data\":{\"addr\":{\"type\":\"unix\","
        "\"data\":{\"path\":\"%s\"}},\"server\":false}}", missing);
    g_autofree char *msg = g_strdup_printf(
        "Failed to add chardev 'c5': Failed to connect to '%s': "
        "No such file or directory", missing);
    Error *err = NULL;
    char *pty = NULL;
    Chardev *chr;

    chr = qmp_add("c1", "{\"type\":\"null\",\"data\":{}}", &pty,
                  &error_abort);
    g_assert_cmpstr(chr->filename, ==, "null");
    g_assert_null(pty);
    chr = qmp_add("c2", "{\"type\":\"ringbuf\",\"data\":{\"size\":1024}}",
                  &pty, &error_abort);
    g_assert_cmpstr(chr->filename, ==, "ringbuf");
    /* a QMP socket is a server that does not wait, unless told */
    chr = qmp_add("c3", sock, &pty, &error_abort);
    g_assert_cmpstr(chr->filename, ==, disc);

    g_assert_null(qmp_add("c1", "{\"type\":\"null\",\"data\":{}}", &pty,
                          &err));
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "Chardev with id 'c1' already exists");
    error_free(err);
    err = NULL;
    g_assert_null(qmp_add("c4", "{\"type\":\"bogus\",\"data\":{}}", &pty,
                          &err));
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "Parameter 'type' does not accept value 'bogus'");
    error_free(err);
    err = NULL;
    g_assert_null(qmp_add("c5", client, &pty, &err));
    g_assert_cmpstr(error_get_pretty(err), ==, msg);
    error_free(err);

    g_assert_true(qemu_chr_remove("c1", &error_abort));
    g_assert_true(qemu_chr_remove("c2", &error_abort));
    g_assert_true(qemu_chr_remove("c3", &error_abort));
    g_assert_false(g_file_test(path, G_FILE_TEST_EXISTS));
}

static void test_backends(void)
{
    g_autofree char *help = qemu_chr_backends_help();
    JsonNode *node = qemu_chr_query_backends();
    JsonArray *arr = json_node_get_array(node);
    GString *names = g_string_new(NULL);

    for (guint i = 0; i < json_array_get_length(arr); i++) {
        JsonObject *o = json_array_get_object_element(arr, i);

        g_string_append_printf(names, "%s ",
                               json_object_get_string_member(o, "name"));
    }
    g_assert_cmpstr(names->str, ==,
                    "file memory mux null pipe pty ringbuf socket stdio vc ");
    g_assert_true(g_str_has_prefix(help, "Available chardev backend types: "
                                   "\n  file\n  memory\n"));
    g_string_free(names, true);
    json_node_unref(node);
}

int main(int argc, char **argv)
{
    int ret;

    g_test_init(&argc, &argv, NULL);
    module_call_init(MODULE_INIT_QOM);
    qemu_init_main_loop();
    tmpdir = g_dir_make_tmp("test-char-XXXXXX", NULL);
    g_assert_nonnull(tmpdir);

    g_test_add_func("/char/null", test_null);
    g_test_add_func("/char/file", test_file);
    g_test_add_func("/char/ringbuf", test_ringbuf);
    g_test_add_func("/char/socket/unix-server", test_socket_unix_server);
    g_test_add_func("/char/socket/tcp", test_socket_tcp);
    g_test_add_func("/char/socket/wait", test_socket_wait);
    g_test_add_func("/char/socket/flow-control", test_socket_flow_control);
    g_test_add_func("/char/socket/eof-after-data",
                    test_socket_eof_after_data);
    g_test_add_func("/char/mux/escapes", test_mux);
    g_test_add_func("/char/mux/opened-later", test_mux_opened_later);
    g_test_add_func("/char/pty", test_pty);
    g_test_add_func("/char/compat-specs", test_compat_specs);
    g_test_add_func("/char/errors", test_errors);
    g_test_add_func("/char/backends", test_backends);
    g_test_add_func("/char/qmp-add", test_qmp_add);
    ret = g_test_run();

    qemu_chr_cleanup();
    qemu_cleanup_main_loop();
    if (query_last) {
        json_node_unref(query_last);
    }
    rmdir(tmpdir);
    g_free(tmpdir);
    return ret;
}
