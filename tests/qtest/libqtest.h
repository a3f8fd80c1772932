/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * libqtest: drive the emulator from a GLib test program over the qtest
 * protocol (memory, clock, IRQ lines) and QMP, in the shape of QEMU's
 * tests/qtest/libqtest.h.
 *
 * The binary comes from the QTEST_QEMU_BINARY environment variable.  Each
 * qtest_init() starts a fresh process with "-qtest unix:SOCK -qtest-log
 * /dev/null -chardev socket,path=QMPSOCK,id=char0 -mon chardev=char0,
 * mode=control -display none EXTRA -accel qtest" (QTEST_LOG set: log to
 * stderr); the library listens on both sockets and the emulator connects.
 * A failed assertion (abort) kills every running emulator; qtest_quit()
 * sends SIGTERM and requires exit status 0 (or the expected status).
 */
#ifndef LIBQTEST_H
#define LIBQTEST_H

#include <json-glib/json-glib.h>

typedef struct QTestState QTestState;

/**
 * qtest_init: start the emulator with @extra_args (split by the shell)
 *
 * Waits for both connections, checks "endianness", reads the QMP greeting
 * and negotiates capabilities.
 */
QTestState *qtest_init(const char *extra_args);
QTestState *qtest_initf(const char *fmt, ...) G_GNUC_PRINTF(1, 2);
/* qtest_init() without reading the greeting or negotiating. */
QTestState *qtest_init_without_qmp_handshake(const char *extra_args);

/* SIGTERM, wait, check the exit status, free @s. */
void qtest_quit(QTestState *s);
/* The status qtest_quit() expects (default 0). */
void qtest_set_expected_status(QTestState *s, int status);
/* The emulator's pid. */
pid_t qtest_pid(QTestState *s);

/* QMP */

/**
 * qtest_qmp: send a command built from a JSON format string
 *
 * The format is QEMU's JSON with %-interpolation (see
 * qjson_from_jsonf_nofail(): %s, %d, %i for bool, %" PRId64 "...).
 * Returns the reply object (caller unrefs); events that arrive first are
 * queued for qtest_qmp_eventwait().
 */
JsonObject *qtest_qmp(QTestState *s, const char *fmt, ...)
    G_GNUC_PRINTF(2, 3);
JsonObject *qtest_vqmp(QTestState *s, const char *fmt, va_list ap)
    G_GNUC_PRINTF(2, 0);
/* Send without waiting for the reply. */
void qtest_qmp_send(QTestState *s, const char *fmt, ...) G_GNUC_PRINTF(2, 3);
/* Send raw bytes on the QMP socket. */
void qtest_qmp_send_raw(QTestState *s, const char *text);
/* The next reply (events are queued). */
JsonObject *qtest_qmp_receive(QTestState *s);
/* The next message, event or not. */
JsonObject *qtest_qmp_receive_dict(QTestState *s);

/* Send; assert the reply has "return" (printing it otherwise). */
void qtest_qmp_assert_success(QTestState *s, const char *fmt, ...)
    G_GNUC_PRINTF(2, 3);
/* The same, returning the reply (caller unrefs). */
JsonObject *qtest_qmp_assert_success_ref(QTestState *s, const char *fmt, ...)
    G_GNUC_PRINTF(2, 3);

/* Wait for event @event (queued ones first); returns it (caller unrefs). */
JsonObject *qtest_qmp_eventwait_ref(QTestState *s, const char *event);
void qtest_qmp_eventwait(QTestState *s, const char *event);

/**
 * qtest_qmp_device_add: device_add @driver with id @id and the members of
 * the JSON object @fmt ("{'size': %d}"); asserts success.
 */
void qtest_qmp_device_add(QTestState *s, const char *driver, const char *id,
                          const char *fmt, ...) G_GNUC_PRINTF(4, 5);

/* Run an HMP command; returns its output (caller frees). */
char *qtest_hmp(QTestState *s, const char *fmt, ...) G_GNUC_PRINTF(2, 3);

/* Reply helpers: the "error" object's class/desc, or NULL. */
const char *qtest_reply_error_class(JsonObject *reply);
const char *qtest_reply_error_desc(JsonObject *reply);

/* The qtest protocol */

/**
 * qtest_raw_cmd: send @line (no newline) and return every line received
 * up to and including the reply, joined with "\n" ("IRQ raise 3\nOK").
 * For protocol tests; IRQ lines also update qtest_get_irq().
 */
char *qtest_raw_cmd(QTestState *s, const char *line);

/* The level of intercepted line @num, from the IRQ lines seen so far. */
bool qtest_get_irq(QTestState *s, int num);
void qtest_irq_intercept_in(QTestState *s, const char *qom_path);
void qtest_irq_intercept_out(QTestState *s, const char *qom_path);
/* Set input @num of list @name ("unnamed-gpio-in" for the anonymous one). */
void qtest_set_irq_in(QTestState *s, const char *qom_path, const char *name,
                      int num, int level);

uint8_t qtest_readb(QTestState *s, uint64_t addr);
uint16_t qtest_readw(QTestState *s, uint64_t addr);
uint32_t qtest_readl(QTestState *s, uint64_t addr);
uint64_t qtest_readq(QTestState *s, uint64_t addr);
void qtest_writeb(QTestState *s, uint64_t addr, uint8_t value);
void qtest_writew(QTestState *s, uint64_t addr, uint16_t value);
void qtest_writel(QTestState *s, uint64_t addr, uint32_t value);
void qtest_writeq(QTestState *s, uint64_t addr, uint64_t value);

/* Byte ranges: hex ("read"/"write") and base64 ("b64read"/"b64write"). */
void qtest_memread(QTestState *s, uint64_t addr, void *data, size_t size);
void qtest_memwrite(QTestState *s, uint64_t addr, const void *data,
                    size_t size);
void qtest_bufread(QTestState *s, uint64_t addr, void *data, size_t size);
void qtest_bufwrite(QTestState *s, uint64_t addr, const void *data,
                    size_t size);
void qtest_memset(QTestState *s, uint64_t addr, uint8_t pattern, size_t size);

/* Virtual clock: each returns the new clock value in ns. */
int64_t qtest_clock_step_next(QTestState *s);
int64_t qtest_clock_step(QTestState *s, int64_t step);
int64_t qtest_clock_set(QTestState *s, int64_t val);

bool qtest_big_endian(QTestState *s);

/* Test registration */

/* "riscv32", from the binary's name. */
const char *qtest_get_arch(void);
/* g_test_add_func() under "/ARCH/@path". */
void qtest_add_func(const char *path, void (*fn)(void));
void qtest_add_data_func(const char *path, const void *data,
                         void (*fn)(const void *));

#endif
