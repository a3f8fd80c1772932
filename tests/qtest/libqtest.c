/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * libqtest: start the emulator under the qtest accelerator and talk to it
 * over the qtest line protocol and QMP (see libqtest.h).
 */
#include "qemu/osdep.h"
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>
#include "qapi/error.h"
#include "qobject/json.h"
#include "libqtest.h"

#define MAX_IRQ 4096
/* How long to wait for the emulator to connect, in ms. */
#define CONNECT_TIMEOUT_MS 60000

struct QTestState {
    pid_t pid;
    int fd;             /* qtest socket */
    int qmp_fd;
    GString *rx;        /* qtest bytes not yet consumed */
    JSONMessageParser *parser;
    GQueue msgs;        /* JsonNode *: parsed QMP messages */
    GQueue events;      /* JsonObject *: events queued by receive */
    bool irq_level[MAX_IRQ];
    bool big_endian;
    int expected_status;
};

static GList *live_states;      /* running QTestStates, for the handler */
static bool abort_handler_set;
static struct sigaction old_abort_action;

/* SIGABRT (a failed assertion): kill every emulator, then abort as usual. */
static void kill_all_on_abort(int sig)
{
    GList *l;

    for (l = live_states; l; l = l->next) {
        QTestState *s = l->data;

        if (s->pid > 0) {
            kill(s->pid, SIGKILL);
            waitpid(s->pid, NULL, 0);
            s->pid = -1;
        }
    }
    sigaction(SIGABRT, &old_abort_action, NULL);
}

static void install_abort_handler(void)
{
    struct sigaction sa = { 0 };

    if (abort_handler_set) {
        return;
    }
    sa.sa_handler = kill_all_on_abort;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGABRT, &sa, &old_abort_action);
    abort_handler_set = true;
}

static const char *qemu_binary(void)
{
    const char *bin = getenv("QTEST_QEMU_BINARY");

    if (!bin) {
        fprintf(stderr, "Environment variable QTEST_QEMU_BINARY required\n");
        exit(1);
    }
    return bin;
}

const char *qtest_get_arch(void)
{
    static char *arch;
    const char *bin, *p;

    if (!arch) {
        bin = qemu_binary();
        p = strstr(bin, "-system-");
        if (!p) {
            fprintf(stderr, "Can't determine target arch from binary name "
                    "'%s'\n", bin);
            exit(1);
        }
        arch = g_strdup(p + strlen("-system-"));
    }
    return arch;
}

void qtest_add_func(const char *path, void (*fn)(void))
{
    g_autofree char *full = g_strdup_printf("/%s/%s", qtest_get_arch(),
                                            path);

    g_test_add_func(full, fn);
}

void qtest_add_data_func(const char *path, const void *data,
                         void (*fn)(const void *))
{
    g_autofree char *full = g_strdup_printf("/%s/%s", qtest_get_arch(),
                                            path);

    g_test_add_data_func(full, data, fn);
}

/* Start-up */

static int listen_unix(const char *path)
{
    struct sockaddr_un addr = { .sun_family = AF_UNIX };
    int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);

    g_assert_cmpint(fd, >=, 0);
    g_assert_cmpuint(strlen(path), <, sizeof(addr.sun_path));
    strcpy(addr.sun_path, path);
    unlink(path);
    if (bind(fd, (struct sockaddr *)&addr, sizeof(addr)) < 0 ||
        listen(fd, 1) < 0) {
        fprintf(stderr, "libqtest: cannot listen on %s: %s\n", path,
                strerror(errno));
        abort();
    }
    return fd;
}

static void describe_status(int status, GString *out)
{
    if (WIFEXITED(status)) {
        g_string_append_printf(out, "exit status %d", WEXITSTATUS(status));
    } else if (WIFSIGNALED(status)) {
        g_string_append_printf(out, "signal %d (%s)", WTERMSIG(status),
                               strsignal(WTERMSIG(status)));
    } else {
        g_string_append_printf(out, "status 0x%x", status);
    }
}

/* Accept the emulator's connection; fail if it dies first. */
static int accept_from(QTestState *s, int lfd, const char *what)
{
    int waited = 0;

    for (;;) {
        struct pollfd pfd = { .fd = lfd, .events = POLLIN };
        int status;

        if (poll(&pfd, 1, 100) > 0) {
            int fd = accept4(lfd, NULL, NULL, SOCK_CLOEXEC);

            if (fd >= 0) {
                return fd;
            }
        }
        if (waitpid(s->pid, &status, WNOHANG) == s->pid) {
            g_autoptr(GString) msg = g_string_new(NULL);

            s->pid = -1;
            describe_status(status, msg);
            fprintf(stderr, "libqtest: QEMU exited before connecting its %s "
                    "socket (%s)\n", what, msg->str);
            abort();
        }
        waited += 100;
        if (waited >= CONNECT_TIMEOUT_MS) {
            fprintf(stderr, "libqtest: QEMU did not connect its %s socket\n",
                    what);
            abort();
        }
    }
}

static void qmp_emit(void *opaque, JsonNode *value, Error *err)
{
    QTestState *s = opaque;

    if (err) {
        fprintf(stderr, "libqtest: bad QMP output: %s\n",
                error_get_pretty(err));
        error_free(err);
        abort();
    }
    g_queue_push_tail(&s->msgs, value);
}

static void die_eof(QTestState *s, const char *what)
{
    int status;

    if (s->pid > 0 && waitpid(s->pid, &status, 0) == s->pid) {
        g_autoptr(GString) msg = g_string_new(NULL);

        s->pid = -1;
        describe_status(status, msg);
        fprintf(stderr, "libqtest: QEMU closed the %s socket and exited "
                "(%s)\n", what, msg->str);
    } else {
        fprintf(stderr, "libqtest: QEMU closed the %s socket\n", what);
    }
    abort();
}

static void send_all(QTestState *s, int fd, const char *buf, size_t len)
{
    while (len) {
        ssize_t n = send(fd, buf, len, MSG_NOSIGNAL);

        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            die_eof(s, fd == s->fd ? "qtest" : "QMP");
        }
        buf += n;
        len -= n;
    }
}

/* The qtest protocol */

/* Read one line (without the newline); caller frees. */
static char *qtest_recv_line(QTestState *s)
{
    char *nl;

    while (!(nl = memchr(s->rx->str, '\n', s->rx->len))) {
        char buf[4096];
        ssize_t n = recv(s->fd, buf, sizeof(buf), 0);

        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            die_eof(s, "qtest");
        }
        g_string_append_len(s->rx, buf, n);
    }
    {
        size_t len = nl - s->rx->str;
        char *line = g_strndup(s->rx->str, len);

        g_string_erase(s->rx, 0, len + 1);
        return line;
    }
}

/* Handle an "IRQ raise N" line; false if @line is not one. */
static bool qtest_irq_line(QTestState *s, const char *line)
{
    int num;

    if (!g_str_has_prefix(line, "IRQ ")) {
        return false;
    }
    if (sscanf(line, "IRQ raise %d", &num) == 1) {
        g_assert_cmpint(num, >=, 0);
        g_assert_cmpint(num, <, MAX_IRQ);
        s->irq_level[num] = true;
    } else if (sscanf(line, "IRQ lower %d", &num) == 1) {
        g_assert_cmpint(num, >=, 0);
        g_assert_cmpint(num, <, MAX_IRQ);
        s->irq_level[num] = false;
    } else {
        fprintf(stderr, "libqtest: bad IRQ line '%s'\n", line);
        abort();
    }
    return true;
}

char *qtest_raw_cmd(QTestState *s, const char *line)
{
    g_autofree char *req = g_strconcat(line, "\n", NULL);
    GString *out = g_string_new(NULL);

    send_all(s, s->fd, req, strlen(req));
    for (;;) {
        g_autofree char *rsp = qtest_recv_line(s);

        if (out->len) {
            g_string_append_c(out, '\n');
        }
        g_string_append(out, rsp);
        if (!qtest_irq_line(s, rsp)) {
            return g_string_free(out, FALSE);
        }
    }
}

/* Send a command; return the reply's words after checking it is OK. */
static char **qtest_cmd(QTestState *s, const char *fmt, ...)
    G_GNUC_PRINTF(2, 3);

static char **qtest_cmd(QTestState *s, const char *fmt, ...)
{
    g_autofree char *line = NULL;
    g_autofree char *req = NULL;
    char **words;
    va_list ap;

    va_start(ap, fmt);
    line = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    req = g_strconcat(line, "\n", NULL);
    send_all(s, s->fd, req, strlen(req));
    for (;;) {
        g_autofree char *rsp = qtest_recv_line(s);

        if (qtest_irq_line(s, rsp)) {
            continue;
        }
        words = g_strsplit(rsp, " ", 0);
        if (!words[0] || strcmp(words[0], "OK")) {
            fprintf(stderr, "libqtest: '%s' failed: '%s'\n", line, rsp);
        }
        g_assert_cmpstr(words[0], ==, "OK");
        return words;
    }
}

static uint64_t qtest_cmd_u64(QTestState *s, char **words)
{
    uint64_t val;

    g_assert_nonnull(words[1]);
    val = g_ascii_strtoull(words[1], NULL, 0);
    g_strfreev(words);
    return val;
}

bool qtest_get_irq(QTestState *s, int num)
{
    g_assert_cmpint(num, >=, 0);
    g_assert_cmpint(num, <, MAX_IRQ);
    return s->irq_level[num];
}

void qtest_irq_intercept_in(QTestState *s, const char *qom_path)
{
    g_strfreev(qtest_cmd(s, "irq_intercept_in %s", qom_path));
}

void qtest_irq_intercept_out(QTestState *s, const char *qom_path)
{
    g_strfreev(qtest_cmd(s, "irq_intercept_out %s", qom_path));
}

void qtest_set_irq_in(QTestState *s, const char *qom_path, const char *name,
                      int num, int level)
{
    g_strfreev(qtest_cmd(s, "set_irq_in %s %s %d %d", qom_path,
                         name ? name : "unnamed-gpio-in", num, level));
}

uint8_t qtest_readb(QTestState *s, uint64_t addr)
{
    return qtest_cmd_u64(s, qtest_cmd(s, "readb 0x%" PRIx64, addr));
}

uint16_t qtest_readw(QTestState *s, uint64_t addr)
{
    return qtest_cmd_u64(s, qtest_cmd(s, "readw 0x%" PRIx64, addr));
}

uint32_t qtest_readl(QTestState *s, uint64_t addr)
{
    return qtest_cmd_u64(s, qtest_cmd(s, "readl 0x%" PRIx64, addr));
}

uint64_t qtest_readq(QTestState *s, uint64_t addr)
{
    return qtest_cmd_u64(s, qtest_cmd(s, "readq 0x%" PRIx64, addr));
}

static void qtest_write(QTestState *s, const char *cmd, uint64_t addr,
                        uint64_t value)
{
    g_strfreev(qtest_cmd(s, "%s 0x%" PRIx64 " 0x%" PRIx64, cmd, addr,
                         value));
}

void qtest_writeb(QTestState *s, uint64_t addr, uint8_t value)
{
    qtest_write(s, "writeb", addr, value);
}

void qtest_writew(QTestState *s, uint64_t addr, uint16_t value)
{
    qtest_write(s, "writew", addr, value);
}

void qtest_writel(QTestState *s, uint64_t addr, uint32_t value)
{
    qtest_write(s, "writel", addr, value);
}

void qtest_writeq(QTestState *s, uint64_t addr, uint64_t value)
{
    qtest_write(s, "writeq", addr, value);
}

void qtest_memread(QTestState *s, uint64_t addr, void *data, size_t size)
{
    uint8_t *out = data;
    char **words;
    size_t i;

    if (!size) {
        return;
    }
    words = qtest_cmd(s, "read 0x%" PRIx64 " 0x%zx", addr, size);
    g_assert_nonnull(words[1]);
    g_assert_cmpuint(strlen(words[1]), ==, 2 + 2 * size);
    for (i = 0; i < size; i++) {
        char byte[3] = { words[1][2 + 2 * i], words[1][3 + 2 * i], 0 };

        out[i] = g_ascii_strtoull(byte, NULL, 16);
    }
    g_strfreev(words);
}

void qtest_memwrite(QTestState *s, uint64_t addr, const void *data,
                    size_t size)
{
    const uint8_t *in = data;
    g_autoptr(GString) hex = g_string_new("0x");
    size_t i;

    if (!size) {
        return;
    }
    for (i = 0; i < size; i++) {
        g_string_append_printf(hex, "%02x", in[i]);
    }
    g_strfreev(qtest_cmd(s, "write 0x%" PRIx64 " 0x%zx %s", addr, size,
                         hex->str));
}

void qtest_bufread(QTestState *s, uint64_t addr, void *data, size_t size)
{
    g_autofree guchar *dec = NULL;
    char **words;
    gsize len;

    words = qtest_cmd(s, "b64read 0x%" PRIx64 " 0x%zx", addr, size);
    dec = g_base64_decode(words[1] ? words[1] : "", &len);
    g_assert_cmpuint(len, ==, size);
    memcpy(data, dec, size);
    g_strfreev(words);
}

void qtest_bufwrite(QTestState *s, uint64_t addr, const void *data,
                    size_t size)
{
    g_autofree char *enc = NULL;

    if (!size) {
        return;
    }
    enc = g_base64_encode(data, size);
    g_strfreev(qtest_cmd(s, "b64write 0x%" PRIx64 " 0x%zx %s", addr, size,
                         enc));
}

void qtest_memset(QTestState *s, uint64_t addr, uint8_t pattern, size_t size)
{
    g_strfreev(qtest_cmd(s, "memset 0x%" PRIx64 " 0x%zx 0x%02x", addr, size,
                         pattern));
}

static int64_t qtest_clock_reply(char **words)
{
    int64_t val;

    g_assert_nonnull(words[1]);
    val = g_ascii_strtoll(words[1], NULL, 0);
    g_strfreev(words);
    return val;
}

int64_t qtest_clock_step_next(QTestState *s)
{
    return qtest_clock_reply(qtest_cmd(s, "clock_step"));
}

int64_t qtest_clock_step(QTestState *s, int64_t step)
{
    return qtest_clock_reply(qtest_cmd(s, "clock_step %" PRId64, step));
}

int64_t qtest_clock_set(QTestState *s, int64_t val)
{
    return qtest_clock_reply(qtest_cmd(s, "clock_set %" PRId64, val));
}

bool qtest_big_endian(QTestState *s)
{
    return s->big_endian;
}

/* QMP */

static JsonObject *take_object(JsonNode *node)
{
    JsonObject *obj;

    if (!JSON_NODE_HOLDS_OBJECT(node)) {
        g_autofree char *text = qjson_to_string(node, false);

        fprintf(stderr, "libqtest: QMP sent a non-object: %s\n", text);
        abort();
    }
    obj = json_object_ref(json_node_get_object(node));
    json_node_unref(node);
    return obj;
}

JsonObject *qtest_qmp_receive_dict(QTestState *s)
{
    while (g_queue_is_empty(&s->msgs)) {
        char buf[4096];
        ssize_t n = recv(s->qmp_fd, buf, sizeof(buf), 0);

        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            die_eof(s, "QMP");
        }
        json_message_parser_feed(s->parser, buf, n);
    }
    return take_object(g_queue_pop_head(&s->msgs));
}

JsonObject *qtest_qmp_receive(QTestState *s)
{
    for (;;) {
        JsonObject *msg = qtest_qmp_receive_dict(s);

        if (!json_object_has_member(msg, "event")) {
            return msg;
        }
        g_queue_push_tail(&s->events, msg);
    }
}

void qtest_qmp_send_raw(QTestState *s, const char *text)
{
    send_all(s, s->qmp_fd, text, strlen(text));
}

static void qtest_qmp_vsend(QTestState *s, const char *fmt, va_list ap)
{
    JsonNode *node = qjson_from_vjsonf_nofail(fmt, ap);
    g_autofree char *text = qjson_to_string(node, false);

    json_node_unref(node);
    qtest_qmp_send_raw(s, text);
}

void qtest_qmp_send(QTestState *s, const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    qtest_qmp_vsend(s, fmt, ap);
    va_end(ap);
}

JsonObject *qtest_vqmp(QTestState *s, const char *fmt, va_list ap)
{
    qtest_qmp_vsend(s, fmt, ap);
    return qtest_qmp_receive(s);
}

JsonObject *qtest_qmp(QTestState *s, const char *fmt, ...)
{
    JsonObject *reply;
    va_list ap;

    va_start(ap, fmt);
    reply = qtest_vqmp(s, fmt, ap);
    va_end(ap);
    return reply;
}

static JsonObject *qtest_vqmp_assert_success(QTestState *s, const char *fmt,
                                             va_list ap)
{
    JsonObject *reply = qtest_vqmp(s, fmt, ap);

    if (!json_object_has_member(reply, "return")) {
        JsonNode *node = json_node_init_object(json_node_alloc(), reply);
        g_autofree char *text = qjson_to_string(node, false);

        json_node_unref(node);
        fprintf(stderr, "libqtest: QMP command failed: %s\n", text);
        g_assert_not_reached();
    }
    return reply;
}

void qtest_qmp_assert_success(QTestState *s, const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    json_object_unref(qtest_vqmp_assert_success(s, fmt, ap));
    va_end(ap);
}

JsonObject *qtest_qmp_assert_success_ref(QTestState *s, const char *fmt, ...)
{
    JsonObject *reply;
    va_list ap;

    va_start(ap, fmt);
    reply = qtest_vqmp_assert_success(s, fmt, ap);
    va_end(ap);
    return reply;
}

JsonObject *qtest_qmp_eventwait_ref(QTestState *s, const char *event)
{
    GList *l;

    for (l = s->events.head; l; l = l->next) {
        JsonObject *ev = l->data;

        if (!g_strcmp0(json_object_get_string_member(ev, "event"), event)) {
            g_queue_delete_link(&s->events, l);
            return ev;
        }
    }
    for (;;) {
        JsonObject *msg = qtest_qmp_receive_dict(s);

        if (json_object_has_member(msg, "event") &&
            !g_strcmp0(json_object_get_string_member(msg, "event"), event)) {
            return msg;
        }
        if (json_object_has_member(msg, "event")) {
            g_queue_push_tail(&s->events, msg);
            continue;
        }
        fprintf(stderr, "libqtest: unexpected reply waiting for %s\n",
                event);
        abort();
    }
}

void qtest_qmp_eventwait(QTestState *s, const char *event)
{
    json_object_unref(qtest_qmp_eventwait_ref(s, event));
}

void qtest_qmp_device_add(QTestState *s, const char *driver, const char *id,
                          const char *fmt, ...)
{
    JsonNode *args, *cmd;
    g_autofree char *text = NULL;
    JsonObject *reply;
    va_list ap;

    va_start(ap, fmt);
    args = qjson_from_vjsonf_nofail(fmt, ap);
    va_end(ap);
    g_assert_true(JSON_NODE_HOLDS_OBJECT(args));
    json_object_set_string_member(json_node_get_object(args), "driver",
                                  driver);
    if (id) {
        json_object_set_string_member(json_node_get_object(args), "id", id);
    }
    cmd = qjson_from_jsonf_nofail("{'execute': 'device_add', "
                                  "'arguments': %p}", args);
    text = qjson_to_string(cmd, false);
    json_node_unref(cmd);
    qtest_qmp_send_raw(s, text);
    reply = qtest_qmp_receive(s);
    if (!json_object_has_member(reply, "return")) {
        fprintf(stderr, "libqtest: device_add %s failed: %s\n", driver,
                qtest_reply_error_desc(reply));
        g_assert_not_reached();
    }
    json_object_unref(reply);
}

char *qtest_hmp(QTestState *s, const char *fmt, ...)
{
    g_autofree char *cmd = NULL;
    JsonObject *reply;
    char *out;
    va_list ap;

    va_start(ap, fmt);
    cmd = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    reply = qtest_qmp(s, "{'execute': 'human-monitor-command', "
                      "'arguments': {'command-line': %s}}", cmd);
    g_assert_true(json_object_has_member(reply, "return"));
    out = g_strdup(json_object_get_string_member(reply, "return"));
    json_object_unref(reply);
    return out;
}

static JsonObject *reply_error(JsonObject *reply)
{
    if (!reply || !json_object_has_member(reply, "error")) {
        return NULL;
    }
    return json_object_get_object_member(reply, "error");
}

const char *qtest_reply_error_class(JsonObject *reply)
{
    JsonObject *err = reply_error(reply);

    return err ? json_object_get_string_member(err, "class") : NULL;
}

const char *qtest_reply_error_desc(JsonObject *reply)
{
    JsonObject *err = reply_error(reply);

    return err ? json_object_get_string_member(err, "desc") : NULL;
}

/* Life cycle */

QTestState *qtest_init_without_qmp_handshake(const char *extra_args)
{
    QTestState *s = g_new0(QTestState, 1);
    g_autofree char *sock_path = NULL;
    g_autofree char *qmp_path = NULL;
    g_autofree char *cmd = NULL;
    g_auto(GStrv) words = NULL;
    const char *bin = qemu_binary();
    int lfd, qmp_lfd;

    install_abort_handler();
    sock_path = g_strdup_printf("%s/qtest-%d.sock", g_get_tmp_dir(),
                                getpid());
    qmp_path = g_strdup_printf("%s/qtest-%d.qmp", g_get_tmp_dir(), getpid());
    lfd = listen_unix(sock_path);
    qmp_lfd = listen_unix(qmp_path);
    cmd = g_strdup_printf("exec %s -qtest unix:%s -qtest-log %s "
                          "-chardev socket,path=%s,id=char0 "
                          "-mon chardev=char0,mode=control -display none "
                          "%s -accel qtest", bin, sock_path,
                          getenv("QTEST_LOG") ? "/dev/fd/2" : "/dev/null",
                          qmp_path, extra_args ? extra_args : "");
    if (getenv("QTEST_LOG")) {
        fprintf(stderr, "starting QEMU: %s\n", cmd);
    }
    s->rx = g_string_new(NULL);
    s->parser = json_message_parser_new(qmp_emit, s);
    s->expected_status = 0;
    s->fd = s->qmp_fd = -1;
    fflush(NULL);
    s->pid = fork();
    g_assert_cmpint(s->pid, >=, 0);
    if (s->pid == 0) {
        prctl(PR_SET_PDEATHSIG, SIGKILL);
        setenv("QEMU_AUDIO_DRV", "none", true);
        execl("/bin/sh", "sh", "-c", cmd, (char *)NULL);
        _exit(127);
    }
    live_states = g_list_prepend(live_states, s);
    s->fd = accept_from(s, lfd, "qtest");
    s->qmp_fd = accept_from(s, qmp_lfd, "QMP");
    close(lfd);
    close(qmp_lfd);
    unlink(sock_path);
    unlink(qmp_path);

    words = qtest_cmd(s, "endianness");
    g_assert_nonnull(words[1]);
    s->big_endian = !strcmp(words[1], "big");
    return s;
}

QTestState *qtest_init(const char *extra_args)
{
    QTestState *s = qtest_init_without_qmp_handshake(extra_args);
    JsonObject *greeting = qtest_qmp_receive(s);

    g_assert_true(json_object_has_member(greeting, "QMP"));
    json_object_unref(greeting);
    qtest_qmp_assert_success(s, "{ 'execute': 'qmp_capabilities' }");
    return s;
}

QTestState *qtest_initf(const char *fmt, ...)
{
    g_autofree char *args = NULL;
    va_list ap;

    va_start(ap, fmt);
    args = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    return qtest_init(args);
}

void qtest_set_expected_status(QTestState *s, int status)
{
    s->expected_status = status;
}

pid_t qtest_pid(QTestState *s)
{
    return s->pid;
}

void qtest_quit(QTestState *s)
{
    int status;

    live_states = g_list_remove(live_states, s);
    if (s->pid > 0) {
        pid_t pid;

        kill(s->pid, SIGTERM);
        do {
            pid = waitpid(s->pid, &status, 0);
        } while (pid < 0 && errno == EINTR);
        s->pid = -1;
        if (!WIFEXITED(status)) {
            g_autoptr(GString) msg = g_string_new(NULL);

            describe_status(status, msg);
            fprintf(stderr, "kill_qemu() detected QEMU death from %s\n",
                    msg->str);
            abort();
        }
        if (WEXITSTATUS(status) != s->expected_status) {
            fprintf(stderr, "kill_qemu() tried to terminate QEMU process but "
                    "encountered exit status %d (expected %d)\n",
                    WEXITSTATUS(status), s->expected_status);
            abort();
        }
    }
    if (s->fd >= 0) {
        close(s->fd);
    }
    if (s->qmp_fd >= 0) {
        close(s->qmp_fd);
    }
    g_string_free(s->rx, TRUE);
    json_message_parser_free(s->parser);
    g_queue_clear_full(&s->msgs, (GDestroyNotify)json_node_unref);
    g_queue_clear_full(&s->events, (GDestroyNotify)json_object_unref);
    g_free(s);
}
