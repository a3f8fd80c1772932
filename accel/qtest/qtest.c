/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The qtest accelerator and the qtest protocol server.
 *
 * -accel qtest runs no guest code and makes the virtual clock explicit:
 * it moves only on clock_step/clock_set.  -qtest SPEC opens a chardev on
 * which a test (tests/qtest/libqtest.c) sends one command per line and
 * gets one reply line ("OK ...", "FAIL ..."), plus asynchronous
 * "IRQ raise N"/"IRQ lower N" lines for intercepted interrupt lines.  The
 * commands and replies are QEMU's (docs/devel/qtest.md); where QEMU would
 * abort on a malformed line we answer FAIL and carry on.
 */
#include "qemu/osdep.h"
#include "chardev/char-fe.h"
#include "exec/address-spaces.h"
#include "hw/boards.h"
#include "hw/qdev-core.h"
#include "qapi/error.h"
#include "qemu/cutils.h"
#include "qemu/timer.h"
#include "qom/object_interfaces.h"
#include "sysemu/qtest.h"

/* The largest read/write/memset a single command may ask for. */
#define QTEST_MAX_LEN (64 * MiB)
/* Line numbers above this are not tracked for level changes. */
#define QTEST_MAX_IRQ 4096

OBJECT_DECLARE_SIMPLE_TYPE(QTest, QTEST)

struct QTest {
    Object parent_obj;

    char *chr_name;         /* property "chardev" */
    char *log;              /* property "log": NULL stderr, "none" off */

    CharBackend chr;
    FILE *log_fp;
    bool log_close;
    bool opened;
    gint64 start_us;        /* when the connection opened */
    GString *inbuf;

    DeviceState *irq_dev;   /* the device whose lines are intercepted */
    bool irq_in_done;
    bool irq_out_done;
    GPtrArray *out_irqs;    /* qemu_irq we allocated for outputs */
    bool irq_levels[QTEST_MAX_IRQ];
};

/* Logging: "[R +s.us] line" received, "[S +s.us] line" sent */

static void qtest_log(QTest *q, char tag, const char *fmt, ...)
    G_GNUC_PRINTF(3, 4);

static void qtest_log(QTest *q, char tag, const char *fmt, ...)
{
    gint64 us;
    va_list ap;

    if (!q->log_fp) {
        return;
    }
    us = g_get_monotonic_time() - q->start_us;
    fprintf(q->log_fp, "[%c +%" PRId64 ".%06" PRId64 "] ", tag,
            us / G_USEC_PER_SEC, us % G_USEC_PER_SEC);
    va_start(ap, fmt);
    vfprintf(q->log_fp, fmt, ap);
    va_end(ap);
    fflush(q->log_fp);
}

/* Send one reply line (@text without the newline). */
static void qtest_send(QTest *q, const char *text)
{
    g_autofree char *line = g_strconcat(text, "\n", NULL);

    qtest_log(q, 'S', "%s", line);
    qemu_chr_fe_write_all(&q->chr, (const uint8_t *)line, strlen(line));
}

static void qtest_sendf(QTest *q, const char *fmt, ...) G_GNUC_PRINTF(2, 3);

static void qtest_sendf(QTest *q, const char *fmt, ...)
{
    g_autofree char *text = NULL;
    va_list ap;

    va_start(ap, fmt);
    text = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    qtest_send(q, text);
}

/* IRQ interception */

static void qtest_irq_handler(void *opaque, int n, int level)
{
    QTest *q = opaque;
    bool raised = level != 0;

    if (n >= 0 && n < QTEST_MAX_IRQ) {
        if (q->irq_levels[n] == raised) {
            return;
        }
        q->irq_levels[n] = raised;
    }
    qtest_sendf(q, "IRQ %s %d", raised ? "raise" : "lower", n);
}

static void qtest_intercept_out(QTest *q, DeviceState *dev)
{
    GSList *l;
    int i;

    for (l = dev->gpios; l; l = l->next) {
        NamedGPIOList *ngl = l->data;

        for (i = 0; i < ngl->num_out; i++) {
            qemu_irq irq = qemu_allocate_irq(qtest_irq_handler, q, i);

            g_ptr_array_add(q->out_irqs, irq);
            qdev_connect_gpio_out_named(dev, ngl->name, i, irq);
        }
    }
}

/* Argument parsing */

typedef struct QTestCmd {
    QTest *q;
    char **words;
    int nwords;
} QTestCmd;

/*
 * Word @i as a number (base auto-detected); on error send FAIL and
 * return false.
 */
static bool arg_u64(QTestCmd *c, int i, uint64_t *val)
{
    if (i >= c->nwords) {
        qtest_sendf(c->q, "FAIL missing argument %d of '%s'", i,
                    c->words[0]);
        return false;
    }
    if (!*c->words[i] || qemu_strtou64(c->words[i], NULL, 0, val)) {
        qtest_sendf(c->q, "FAIL invalid number '%s'", c->words[i]);
        return false;
    }
    return true;
}

static bool arg_i64(QTestCmd *c, int i, int64_t *val)
{
    if (i >= c->nwords) {
        qtest_sendf(c->q, "FAIL missing argument %d of '%s'", i,
                    c->words[0]);
        return false;
    }
    if (!*c->words[i] || qemu_strtoi64(c->words[i], NULL, 0, val)) {
        qtest_sendf(c->q, "FAIL invalid number '%s'", c->words[i]);
        return false;
    }
    return true;
}

static const char *arg_str(QTestCmd *c, int i)
{
    if (i >= c->nwords) {
        qtest_sendf(c->q, "FAIL missing argument %d of '%s'", i,
                    c->words[0]);
        return NULL;
    }
    if (!*c->words[i]) {
        qtest_send(c->q, "FAIL empty argument");
        return NULL;
    }
    return c->words[i];
}

static bool arg_len(QTestCmd *c, int i, uint64_t *len)
{
    if (!arg_u64(c, i, len)) {
        return false;
    }
    if (*len > QTEST_MAX_LEN) {
        qtest_sendf(c->q, "FAIL size too large (at most %" PRId64 ")",
                    (int64_t)QTEST_MAX_LEN);
        return false;
    }
    return true;
}

static DeviceState *arg_device(QTestCmd *c, int i)
{
    const char *path = arg_str(c, i);
    Object *obj;

    if (!path) {
        return NULL;
    }
    obj = object_resolve_path(path, NULL);
    if (!obj || !object_dynamic_cast(obj, TYPE_DEVICE)) {
        qtest_send(c->q, "FAIL Unknown device");
        return NULL;
    }
    return DEVICE(obj);
}

static int hex_nibble(char ch)
{
    if (ch >= '0' && ch <= '9') {
        return ch - '0';
    }
    if (ch >= 'a' && ch <= 'f') {
        return ch - 'a' + 10;
    }
    if (ch >= 'A' && ch <= 'F') {
        return ch - 'A' + 10;
    }
    return -1;
}

/* The commands */

static unsigned access_size(const char *cmd)
{
    switch (cmd[strlen(cmd) - 1]) {
    case 'b':
        return 1;
    case 'w':
        return 2;
    case 'l':
        return 4;
    default:
        return 8;
    }
}

static void cmd_readx(QTestCmd *c)
{
    uint64_t addr, val = 0;

    if (!arg_u64(c, 1, &addr)) {
        return;
    }
    address_space_load(&address_space_memory, addr, access_size(c->words[0]),
                       &val, MEMTXATTRS_UNSPECIFIED);
    qtest_sendf(c->q, "OK 0x%016" PRIx64, val);
}

static void cmd_writex(QTestCmd *c)
{
    unsigned size = access_size(c->words[0]);
    uint64_t addr, val;

    if (!arg_u64(c, 1, &addr) || !arg_u64(c, 2, &val)) {
        return;
    }
    if (size < 8) {
        val &= (UINT64_C(1) << (size * 8)) - 1;
    }
    address_space_store(&address_space_memory, addr, size, val,
                        MEMTXATTRS_UNSPECIFIED);
    qtest_send(c->q, "OK");
}

static void cmd_inx(QTestCmd *c)
{
    uint64_t addr, val = 0;

    if (!arg_u64(c, 1, &addr)) {
        return;
    }
    if (addr > 0xffff) {
        qtest_send(c->q, "FAIL I/O address out of range");
        return;
    }
    address_space_load(&address_space_io, addr, access_size(c->words[0]),
                       &val, MEMTXATTRS_UNSPECIFIED);
    qtest_sendf(c->q, "OK 0x%04" PRIx64, val);
}

static void cmd_outx(QTestCmd *c)
{
    unsigned size = access_size(c->words[0]);
    uint64_t addr, val;

    if (!arg_u64(c, 1, &addr) || !arg_u64(c, 2, &val)) {
        return;
    }
    if (addr > 0xffff) {
        qtest_send(c->q, "FAIL I/O address out of range");
        return;
    }
    val &= (UINT64_C(1) << (size * 8)) - 1;
    address_space_store(&address_space_io, addr, size, val,
                        MEMTXATTRS_UNSPECIFIED);
    qtest_send(c->q, "OK");
}

static void cmd_read(QTestCmd *c)
{
    uint64_t addr, len, i;
    g_autofree uint8_t *data = NULL;
    g_autoptr(GString) out = NULL;

    if (!arg_u64(c, 1, &addr) || !arg_len(c, 2, &len)) {
        return;
    }
    if (!len) {
        qtest_send(c->q, "FAIL size must not be 0");
        return;
    }
    data = g_malloc0(len);
    address_space_read(&address_space_memory, addr, MEMTXATTRS_UNSPECIFIED,
                       data, len);
    out = g_string_sized_new(3 + 2 * len);
    g_string_append(out, "OK 0x");
    for (i = 0; i < len; i++) {
        g_string_append_printf(out, "%02x", data[i]);
    }
    qtest_send(c->q, out->str);
}

static void cmd_b64read(QTestCmd *c)
{
    uint64_t addr, len;
    g_autofree uint8_t *data = NULL;
    g_autofree char *enc = NULL;

    if (!arg_u64(c, 1, &addr) || !arg_len(c, 2, &len)) {
        return;
    }
    data = g_malloc0(len ? len : 1);
    address_space_read(&address_space_memory, addr, MEMTXATTRS_UNSPECIFIED,
                       data, len);
    enc = g_base64_encode(data, len);
    qtest_sendf(c->q, "OK %s", enc);
}

static void cmd_write(QTestCmd *c)
{
    uint64_t addr, len, i;
    const char *hex;
    size_t digits;
    g_autofree uint8_t *data = NULL;

    if (!arg_u64(c, 1, &addr) || !arg_len(c, 2, &len) ||
        !(hex = arg_str(c, 3))) {
        return;
    }
    if (strlen(hex) < 3) {
        /* QEMU's reply, without OK/FAIL */
        qtest_send(c->q, "ERR invalid argument size");
        return;
    }
    hex += 2;   /* the "0x" */
    digits = strlen(hex);
    data = g_malloc0(len ? len : 1);
    for (i = 0; i < len && 2 * i + 1 < digits; i++) {
        int hi = hex_nibble(hex[2 * i]);
        int lo = hex_nibble(hex[2 * i + 1]);

        if (hi < 0 || lo < 0) {
            qtest_sendf(c->q, "FAIL invalid hex data '%s'", c->words[3]);
            return;
        }
        data[i] = hi << 4 | lo;
    }
    address_space_write(&address_space_memory, addr, MEMTXATTRS_UNSPECIFIED,
                        data, len);
    qtest_send(c->q, "OK");
}

static void cmd_b64write(QTestCmd *c)
{
    uint64_t addr, len;
    const char *b64;
    gsize out_len;
    g_autofree uint8_t *data = NULL;

    if (!arg_u64(c, 1, &addr) || !arg_len(c, 2, &len) ||
        !(b64 = arg_str(c, 3))) {
        return;
    }
    data = g_base64_decode(b64, &out_len);
    if (out_len != len) {
        if (c->q->log_fp) {
            qtest_log(c->q, 'I', "b64write: data length mismatch (told %"
                      PRIu64 ", found %" G_GSIZE_FORMAT ")\n", len, out_len);
        }
        len = MIN(len, out_len);
    }
    address_space_write(&address_space_memory, addr, MEMTXATTRS_UNSPECIFIED,
                        data, len);
    qtest_send(c->q, "OK");
}

static void cmd_memset(QTestCmd *c)
{
    uint64_t addr, len, pattern;
    g_autofree uint8_t *data = NULL;

    if (!arg_u64(c, 1, &addr) || !arg_len(c, 2, &len) ||
        !arg_u64(c, 3, &pattern)) {
        return;
    }
    if (len) {
        data = g_malloc(len);
        memset(data, (uint8_t)pattern, len);
        address_space_write(&address_space_memory, addr,
                            MEMTXATTRS_UNSPECIFIED, data, len);
    }
    qtest_send(c->q, "OK");
}

static void cmd_clock_step(QTestCmd *c)
{
    int64_t now = qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL);
    int64_t dest, ns;

    if (c->nwords > 1) {
        if (!arg_i64(c, 1, &ns)) {
            return;
        }
        if (ns < 0) {
            qtest_sendf(c->q, "FAIL invalid number '%s'", c->words[1]);
            return;
        }
        dest = ns > INT64_MAX - now ? INT64_MAX : now + ns;
    } else {
        dest = qemu_clock_next_deadline_abs(QEMU_CLOCK_VIRTUAL);
        if (dest < 0) {
            dest = now;     /* no timer pending: the clock stays */
        }
    }
    qtest_sendf(c->q, "OK %" PRId64, qemu_clock_advance_virtual(dest));
}

static void cmd_clock_set(QTestCmd *c)
{
    int64_t ns;

    if (!arg_i64(c, 1, &ns)) {
        return;
    }
    qtest_sendf(c->q, "OK %" PRId64, qemu_clock_advance_virtual(ns));
}

static void cmd_irq_intercept(QTestCmd *c)
{
    QTest *q = c->q;
    bool out = !strcmp(c->words[0], "irq_intercept_out");
    DeviceState *dev = arg_device(c, 1);

    if (!dev) {
        return;
    }
    if (q->irq_dev && q->irq_dev != dev) {
        qtest_send(q, "FAIL IRQ intercept already enabled");
        return;
    }
    q->irq_dev = dev;
    if (out && !q->irq_out_done) {
        q->irq_out_done = true;
        qtest_intercept_out(q, dev);
    } else if (!out && !q->irq_in_done) {
        q->irq_in_done = true;
        qdev_intercept_gpio_in(dev, qtest_irq_handler, q);
    }
    qtest_send(q, "OK");
}

static void cmd_set_irq_in(QTestCmd *c)
{
    DeviceState *dev = arg_device(c, 1);
    const char *name;
    int64_t num, level;
    qemu_irq irq;

    if (!dev || !(name = arg_str(c, 2)) || !arg_i64(c, 3, &num) ||
        !arg_i64(c, 4, &level)) {
        return;
    }
    if (!strcmp(name, "unnamed-gpio-in")) {
        name = NULL;
    }
    irq = num < 0 || num > INT_MAX ? NULL :
          qdev_get_gpio_in_named(dev, name, num);
    if (!irq) {
        qtest_send(c->q, "FAIL Unknown IRQ");
        return;
    }
    qemu_set_irq(irq, level != 0);
    qtest_send(c->q, "OK");
}

static void cmd_endianness(QTestCmd *c)
{
    qtest_send(c->q, "OK little");
}

static void cmd_module_load(QTestCmd *c)
{
    /* no loadable modules in this build */
    qtest_send(c->q, "FAIL");
}

typedef struct QTestCommand {
    const char *name;
    void (*fn)(QTestCmd *c);
    bool needs_qtest_accel;
} QTestCommand;

static const QTestCommand qtest_commands[] = {
    { "readb", cmd_readx },
    { "readw", cmd_readx },
    { "readl", cmd_readx },
    { "readq", cmd_readx },
    { "writeb", cmd_writex },
    { "writew", cmd_writex },
    { "writel", cmd_writex },
    { "writeq", cmd_writex },
    { "inb", cmd_inx },
    { "inw", cmd_inx },
    { "inl", cmd_inx },
    { "outb", cmd_outx },
    { "outw", cmd_outx },
    { "outl", cmd_outx },
    { "read", cmd_read },
    { "write", cmd_write },
    { "b64read", cmd_b64read },
    { "b64write", cmd_b64write },
    { "memset", cmd_memset },
    { "clock_step", cmd_clock_step, true },
    { "clock_set", cmd_clock_set, true },
    { "irq_intercept_in", cmd_irq_intercept },
    { "irq_intercept_out", cmd_irq_intercept },
    { "set_irq_in", cmd_set_irq_in },
    { "endianness", cmd_endianness },
    { "module_load", cmd_module_load },
    { NULL },
};

static void qtest_process_line(QTest *q, const char *line)
{
    g_auto(GStrv) words = g_strsplit(line, " ", 0);
    QTestCmd c = { .q = q, .words = words };
    const QTestCommand *cmd;
    const char *name;

    qtest_log(q, 'R', "%s\n", line);
    c.nwords = g_strv_length(words);
    name = c.nwords ? words[0] : "";
    for (cmd = qtest_commands; cmd->name; cmd++) {
        if (!strcmp(cmd->name, name)) {
            break;
        }
    }
    if (!cmd->name || (cmd->needs_qtest_accel && !qtest_enabled())) {
        qtest_sendf(q, "FAIL Unknown command '%s'", name);
        return;
    }
    cmd->fn(&c);
}

/* The chardev side */

static int qtest_can_read(void *opaque)
{
    return 1024;
}

static void qtest_read(void *opaque, const uint8_t *buf, int size)
{
    QTest *q = opaque;
    char *end;

    g_string_append_len(q->inbuf, (const char *)buf, size);
    while ((end = memchr(q->inbuf->str, '\n', q->inbuf->len))) {
        size_t n = end - q->inbuf->str;
        g_autofree char *line = g_strndup(q->inbuf->str, n);

        g_string_erase(q->inbuf, 0, n + 1);
        if (n && line[n - 1] == '\r') {
            line[n - 1] = '\0';
        }
        qtest_process_line(q, line);
    }
}

static void qtest_event(void *opaque, QEMUChrEvent event)
{
    QTest *q = opaque;

    switch (event) {
    case CHR_EVENT_OPENED:
        memset(q->irq_levels, 0, sizeof(q->irq_levels));
        q->opened = true;
        q->start_us = g_get_monotonic_time();
        if (q->log_fp) {
            fprintf(q->log_fp, "[I 0.000000] OPENED\n");
            fflush(q->log_fp);
        }
        break;
    case CHR_EVENT_CLOSED:
        q->opened = false;
        g_string_truncate(q->inbuf, 0);
        qtest_log(q, 'I', "CLOSED\n");
        break;
    default:
        break;
    }
}

/* The "qtest" object */

static void qtest_complete(UserCreatable *uc, Error **errp)
{
    QTest *q = QTEST(uc);
    Chardev *chr;

    if (!q->chr_name) {
        error_setg(errp, "qtest: chardev property not set");
        return;
    }
    chr = qemu_chr_find(q->chr_name);
    if (!chr) {
        error_setg(errp, "Chardev '%s' not found", q->chr_name);
        return;
    }
    if (!q->log) {
        q->log_fp = stderr;
    } else if (strcmp(q->log, "none")) {
        q->log_fp = fopen(q->log, "w+");
        if (!q->log_fp) {
            error_setg_errno(errp, errno, "Could not open '%s'", q->log);
            return;
        }
        q->log_close = true;
    }
    if (!qemu_chr_fe_init(&q->chr, chr, errp)) {
        return;
    }
    qemu_chr_fe_set_handlers(&q->chr, qtest_can_read, qtest_read,
                             qtest_event, q);
}

static char *qtest_get_chardev(Object *obj, Error **errp)
{
    return g_strdup(QTEST(obj)->chr_name);
}

static void qtest_set_chardev(Object *obj, const char *value, Error **errp)
{
    QTest *q = QTEST(obj);

    g_free(q->chr_name);
    q->chr_name = g_strdup(value);
}

static char *qtest_get_log(Object *obj, Error **errp)
{
    return g_strdup(QTEST(obj)->log);
}

static void qtest_set_log(Object *obj, const char *value, Error **errp)
{
    QTest *q = QTEST(obj);

    g_free(q->log);
    q->log = g_strdup(value);
}

static void qtest_instance_init(Object *obj)
{
    QTest *q = QTEST(obj);

    q->inbuf = g_string_new(NULL);
    q->out_irqs = g_ptr_array_new_with_free_func(
        (GDestroyNotify)qemu_free_irq);
}

static void qtest_instance_finalize(Object *obj)
{
    QTest *q = QTEST(obj);

    qemu_chr_fe_deinit(&q->chr, false);
    if (q->log_close) {
        fclose(q->log_fp);
    }
    g_string_free(q->inbuf, TRUE);
    g_ptr_array_free(q->out_irqs, TRUE);
    g_free(q->chr_name);
    g_free(q->log);
}

static void qtest_class_init(ObjectClass *oc, void *data)
{
    UserCreatableClass *ucc = USER_CREATABLE_CLASS(oc);

    ucc->complete = qtest_complete;
    object_class_property_add_str(oc, "chardev", qtest_get_chardev,
                                  qtest_set_chardev);
    object_class_property_add_str(oc, "log", qtest_get_log, qtest_set_log);
}

bool qtest_server_init(const char *chrdev_spec, const char *logfile,
                       Error **errp)
{
    Chardev *chr = qemu_chr_new("qtest", chrdev_spec, NULL);
    Object *obj;

    if (!chr) {
        error_setg(errp, "Failed to initialize device for qtest: \"%s\"",
                   chrdev_spec);
        return false;
    }
    obj = object_new(TYPE_QTEST);
    object_property_set_str(obj, "chardev", "qtest", &error_abort);
    if (logfile) {
        object_property_set_str(obj, "log", logfile, &error_abort);
    }
    object_property_add_child(OBJECT(qdev_get_machine()), "qtest", obj);
    object_unref(obj);
    return user_creatable_complete(USER_CREATABLE(obj), errp);
}

/* The accelerator */

static bool qtest_accel_init_machine(AccelState *accel, Error **errp)
{
    qemu_clock_set_virtual_source(VIRTUAL_CLOCK_EXPLICIT, NULL);
    return true;
}

static void qtest_accel_class_init(ObjectClass *oc, void *data)
{
    AccelClass *ac = ACCEL_CLASS(oc);

    ac->init_machine = qtest_accel_init_machine;
}

static const TypeInfo qtest_types[] = {
    {
        .name = TYPE_QTEST,
        .parent = TYPE_OBJECT,
        .instance_size = sizeof(QTest),
        .instance_init = qtest_instance_init,
        .instance_finalize = qtest_instance_finalize,
        .class_init = qtest_class_init,
        .interfaces = (const InterfaceInfo[]) {
            { TYPE_USER_CREATABLE },
            { }
        },
    },
    {
        .name = ACCEL_CLASS_NAME("qtest"),
        .parent = TYPE_ACCEL,
        .class_init = qtest_accel_class_init,
    },
};

DEFINE_TYPES(qtest_types)
