/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * serial-mm (the 16550A) through qtest: reset values, the divisor latch,
 * scratch, FIFO control, the IIR priority order and the THR-empty rules,
 * TX to and RX from a real socket chardev (flow control both ways: a
 * blocked backend loses no byte, a fast sender overruns nothing), the
 * character timeout, loopback, overruns, break, regshift/endianness and
 * QEMU's quirks.
 */
#include "qemu/osdep.h"
#include "libqtest.h"
#include "socket-peer.h"

#define BASE    UINT64_C(0x10000000)
#define RBR     (BASE + 0)
#define THR     (BASE + 0)
#define DLL     (BASE + 0)
#define IER     (BASE + 1)
#define DLM     (BASE + 1)
#define IIR     (BASE + 2)
#define FCR     (BASE + 2)
#define LCR     (BASE + 3)
#define MCR     (BASE + 4)
#define LSR     (BASE + 5)
#define MSR     (BASE + 6)
#define SCR     (BASE + 7)

#define LSR_DR      0x01
#define LSR_OE      0x02
#define LSR_BI      0x10
#define LSR_THRE    0x20
#define LSR_TEMT    0x40
#define MCR_LOOP    0x10

/* 10 bits at 9600 baud, QEMU's integer arithmetic: the reset rate */
#define CHAR_NS_9600    (10 * (1000000000 / 9600))

typedef struct UartTest {
    QTestState *qts;
    SocketPeer sock;    /* the chardev's other end */
} UartTest;

/*
 * Start with a serial-mm at BASE; @props is its extra JSON properties
 * (without braces, may be ""); @chardev_opts: the -chardev socket's extra
 * options, or NULL for no chardev.
 */
static void uart_start(UartTest *t, const char *props,
                       const char *chardev_opts)
{
    g_autofree char *args = NULL;

    socket_peer_init(&t->sock, "serial-test");
    if (chardev_opts) {
        t->qts = qtest_initf("-M none -preconfig -chardev socket,id=ser,"
                             "path=%s,server=on,wait=off%s", t->sock.path,
                             chardev_opts);
        args = g_strdup_printf("{'chardev': 'ser'%s%s}", *props ? ", " : "",
                               props);
    } else {
        t->qts = qtest_init("-M none -preconfig");
        args = g_strdup_printf("{%s}", props);
    }
    qtest_qmp_device_add(t->qts, "serial-mm", "uart", args);
    qtest_qmp_assert_success(t->qts, "{'execute': 'x-sysbus-mmio-map', "
                             "'arguments': {'device': 'uart', 'addr': %"
                             PRIu64 "}}", BASE);
    qtest_qmp_assert_success(t->qts, "{'execute': 'x-exit-preconfig'}");
    qtest_irq_intercept_out(t->qts, "uart");
}

static void uart_stop(UartTest *t)
{
    qtest_quit(t->qts);
    socket_peer_cleanup(&t->sock);
}

static uint8_t rd(UartTest *t, uint64_t addr)
{
    return qtest_readb(t->qts, addr);
}

static void wr(UartTest *t, uint64_t addr, uint8_t value)
{
    qtest_writeb(t->qts, addr, value);
}

static bool irq(UartTest *t)
{
    return qtest_get_irq(t->qts, 0);
}

/* Wait (qtest commands keep the main loop turning) for LSR.DR. */
static void wait_dr(UartTest *t)
{
    for (int i = 0; i < 1000000; i++) {
        if (rd(t, LSR) & LSR_DR) {
            return;
        }
    }
    g_assert_not_reached();
}

/* Connect and prove the connection is up: a sync byte must arrive. */
static void uart_connect(UartTest *t)
{
    socket_peer_connect(&t->sock);
    g_assert_cmpint(write(t->sock.fd, "S", 1), ==, 1);
    wait_dr(t);
    g_assert_cmpuint(rd(t, RBR), ==, 'S');
}

static void test_reset_values(void)
{
    UartTest t;

    uart_start(&t, "", NULL);
    g_assert_cmphex(rd(&t, IER), ==, 0);
    g_assert_cmphex(rd(&t, IIR), ==, 0x01);
    g_assert_cmphex(rd(&t, LCR), ==, 0);
    g_assert_cmphex(rd(&t, MCR), ==, 0x08);     /* OUT2 */
    g_assert_cmphex(rd(&t, LSR), ==, 0x60);     /* THRE, TEMT */
    g_assert_cmphex(rd(&t, MSR), ==, 0xb0);     /* DCD, DSR, CTS */
    g_assert_cmphex(rd(&t, SCR), ==, 0);
    g_assert_cmphex(rd(&t, RBR), ==, 0);
    g_assert_false(irq(&t));
    /* divisor 12: 9600 baud from the 115200 base */
    wr(&t, LCR, 0x80);
    g_assert_cmphex(rd(&t, DLL), ==, 12);
    g_assert_cmphex(rd(&t, DLM), ==, 0);
    wr(&t, LCR, 0x03);

    /* LSR and MSR ignore writes; SCR keeps anything */
    wr(&t, LSR, 0x00);
    wr(&t, MSR, 0x00);
    g_assert_cmphex(rd(&t, LSR), ==, 0x60);
    g_assert_cmphex(rd(&t, MSR), ==, 0xb0);
    wr(&t, SCR, 0xa5);
    g_assert_cmphex(rd(&t, SCR), ==, 0xa5);
    /* IER keeps 4 bits, MCR 5 */
    wr(&t, IER, 0xff);
    g_assert_cmphex(rd(&t, IER), ==, 0x0f);
    wr(&t, IER, 0);
    wr(&t, MCR, 0xff);
    g_assert_cmphex(rd(&t, MCR), ==, 0x1f);
    wr(&t, MCR, 0x08);

    /* wider accesses: the low byte is the register, the rest reads 0 */
    qtest_writel(t.qts, SCR, 0x12345678);
    g_assert_cmphex(rd(&t, SCR), ==, 0x78);
    g_assert_cmphex(qtest_readl(t.qts, MCR), ==, 0x08);
    g_assert_cmphex(qtest_readw(t.qts, MSR), ==, 0xb0);
    g_assert_cmphex(qtest_readq(t.qts, BASE), ==, 0);

    /* system_reset brings everything back */
    wr(&t, LCR, 0x80);
    wr(&t, DLL, 1);
    wr(&t, LCR, 0x1b);
    wr(&t, IER, 0x0f);
    wr(&t, MCR, 0x1f);
    g_assert_true(irq(&t));
    qtest_qmp_assert_success(t.qts, "{'execute': 'system_reset'}");
    qtest_qmp_eventwait(t.qts, "RESET");
    g_assert_cmphex(rd(&t, IER), ==, 0);
    /* (IRQ messages arrive with qtest replies: after the first read) */
    g_assert_false(irq(&t));
    g_assert_cmphex(rd(&t, IIR), ==, 0x01);
    g_assert_cmphex(rd(&t, LCR), ==, 0);
    g_assert_cmphex(rd(&t, MCR), ==, 0x08);
    g_assert_cmphex(rd(&t, LSR), ==, 0x60);
    g_assert_cmphex(rd(&t, SCR), ==, 0);
    wr(&t, LCR, 0x80);
    g_assert_cmphex(rd(&t, DLL), ==, 12);
    uart_stop(&t);
}

static void test_divisor_latch(void)
{
    UartTest t;

    uart_start(&t, "", NULL);
    wr(&t, IER, 0x05);
    wr(&t, LCR, 0x83);
    /* with DLAB, offsets 0 and 1 are the divisor */
    wr(&t, DLL, 0x34);
    wr(&t, DLM, 0x12);
    g_assert_cmphex(rd(&t, DLL), ==, 0x34);
    g_assert_cmphex(rd(&t, DLM), ==, 0x12);
    g_assert_cmphex(rd(&t, LCR), ==, 0x83);
    /* the other registers are still there */
    wr(&t, SCR, 0x5a);
    g_assert_cmphex(rd(&t, SCR), ==, 0x5a);
    g_assert_cmphex(rd(&t, LSR), ==, 0x60);
    /* without DLAB: IER and an empty RBR; the latch is kept */
    wr(&t, LCR, 0x03);
    g_assert_cmphex(rd(&t, IER), ==, 0x05);
    g_assert_cmphex(rd(&t, RBR), ==, 0);
    g_assert_cmphex(rd(&t, LSR), ==, 0x60);
    wr(&t, LCR, 0x80);
    g_assert_cmphex(rd(&t, DLL), ==, 0x34);
    g_assert_cmphex(rd(&t, DLM), ==, 0x12);
    uart_stop(&t);
}

static void test_fifo_control(void)
{
    UartTest t;

    uart_start(&t, "", NULL);
    /* FCR is write-only: offset 2 reads IIR */
    wr(&t, FCR, 0x01);
    g_assert_cmphex(rd(&t, IIR), ==, 0xc1);
    wr(&t, FCR, 0xc7);      /* reset bits do not stick */
    g_assert_cmphex(rd(&t, IIR), ==, 0xc1);
    wr(&t, FCR, 0x00);
    g_assert_cmphex(rd(&t, IIR), ==, 0x01);

    /* trigger levels 1, 4, 8, 14 (loopback fills the RX FIFO) */
    wr(&t, MCR, MCR_LOOP);
    wr(&t, IER, 0x01);
    for (int lvl = 0; lvl < 4; lvl++) {
        static const int bytes[4] = { 1, 4, 8, 14 };

        wr(&t, FCR, 0x07 | (lvl << 6));
        for (int i = 0; i < bytes[lvl] - 1; i++) {
            wr(&t, THR, 'a' + i);
        }
        g_assert_cmphex(rd(&t, LSR) & LSR_DR, ==, bytes[lvl] > 1);
        g_assert_cmphex(rd(&t, IIR), ==, 0xc1);
        g_assert_false(irq(&t));
        wr(&t, THR, 'z');
        g_assert_cmphex(rd(&t, IIR), ==, 0xc4);
        g_assert_true(irq(&t));
        /* one read drops below the level */
        g_assert_cmphex(rd(&t, RBR), ==, bytes[lvl] > 1 ? 'a' : 'z');
        g_assert_cmphex(rd(&t, IIR), ==, 0xc1);
        g_assert_false(irq(&t));
    }
    /* RX reset empties the FIFO */
    g_assert_cmphex(rd(&t, LSR) & LSR_DR, ==, LSR_DR);
    wr(&t, FCR, 0xc3);
    g_assert_cmphex(rd(&t, LSR), ==, 0x60);
    g_assert_cmphex(rd(&t, RBR), ==, 0);    /* an empty FIFO reads 0 */

    /* switching the FIFOs off empties them too */
    wr(&t, THR, 'q');
    wr(&t, FCR, 0x00);
    g_assert_cmphex(rd(&t, LSR), ==, 0x60);
    g_assert_cmphex(rd(&t, IIR), ==, 0x01);
    uart_stop(&t);
}

/* IIR's order: line status, RX data / timeout, THR empty. */
static void test_iir_priority(void)
{
    UartTest t;

    uart_start(&t, "", NULL);
    wr(&t, MCR, MCR_LOOP);
    wr(&t, IER, 0x0f);
    /* THR empty right away on enabling */
    g_assert_cmphex(rd(&t, IIR), ==, 0x02);
    /* two bytes without FIFOs: the second overruns the first */
    wr(&t, THR, 'x');
    wr(&t, THR, 'y');
    g_assert_cmphex(rd(&t, IIR), ==, 0x06);
    g_assert_true(irq(&t));
    /* reading LSR clears OE: RX data is next */
    g_assert_cmphex(rd(&t, LSR), ==, 0x63);
    g_assert_cmphex(rd(&t, LSR), ==, 0x61);
    g_assert_cmphex(rd(&t, IIR), ==, 0x04);
    g_assert_cmphex(rd(&t, RBR), ==, 'y');
    /* then THR empty, which reading IIR acknowledges */
    g_assert_cmphex(rd(&t, IIR), ==, 0x02);
    g_assert_cmphex(rd(&t, IIR), ==, 0x01);
    g_assert_false(irq(&t));
    g_assert_cmphex(rd(&t, LSR), ==, 0x60);
    uart_stop(&t);
}

static void test_thre_irq(void)
{
    UartTest t;

    uart_start(&t, "", NULL);
    /* enabling ETBEI with THR empty raises the interrupt */
    wr(&t, IER, 0x02);
    g_assert_true(irq(&t));
    g_assert_cmphex(rd(&t, IIR), ==, 0x02);
    /* the IIR read that reported it cleared it */
    g_assert_false(irq(&t));
    g_assert_cmphex(rd(&t, IIR), ==, 0x01);
    /* rewriting IER with the same bit does not bring it back */
    wr(&t, IER, 0x02);
    g_assert_false(irq(&t));
    /* toggling it does (QEMU resamples on a change) */
    wr(&t, IER, 0x00);
    wr(&t, IER, 0x02);
    g_assert_true(irq(&t));
    /* a THR write clears it; the byte leaves at once and THR is empty */
    wr(&t, THR, 'a');
    g_assert_true(irq(&t));
    g_assert_cmphex(rd(&t, LSR), ==, 0x60);
    g_assert_cmphex(rd(&t, IIR), ==, 0x02);
    g_assert_false(irq(&t));
    /* QUIRK (QEMU): an FCR TX reset re-arms it */
    wr(&t, FCR, 0x04);
    g_assert_true(irq(&t));
    g_assert_cmphex(rd(&t, IIR), ==, 0x02);
    /* disabling drops the line */
    wr(&t, FCR, 0x04);
    wr(&t, IER, 0x00);
    g_assert_false(irq(&t));
    g_assert_cmphex(rd(&t, IIR), ==, 0x01);
    uart_stop(&t);
}

static void test_tx_socket(void)
{
    UartTest t;
    uint8_t buf[16];
    const char *msg = "Hello, 16550!\n";

    uart_start(&t, "", "");
    uart_connect(&t);
    for (const char *p = msg; *p; p++) {
        g_assert_cmphex(rd(&t, LSR) & LSR_THRE, ==, LSR_THRE);
        wr(&t, THR, *p);
    }
    g_assert_cmphex(rd(&t, LSR), ==, 0x60);
    socket_peer_read(&t.sock, buf, strlen(msg));
    g_assert_cmpmem(buf, strlen(msg), msg, strlen(msg));
    /* FIFO mode: the same */
    wr(&t, FCR, 0x07);
    wr(&t, THR, '1');
    wr(&t, THR, '2');
    /* the divisor latch does not transmit */
    wr(&t, LCR, 0x80);
    wr(&t, DLL, 'X');
    wr(&t, LCR, 0x03);
    wr(&t, THR, '3');
    g_assert_cmphex(rd(&t, LSR), ==, 0x60);
    socket_peer_read(&t.sock, buf, 3);
    g_assert_cmpmem(buf, 3, "123", 3);
    /* loopback keeps it from the line */
    wr(&t, MCR, MCR_LOOP);
    wr(&t, THR, 'L');
    g_assert_cmphex(rd(&t, RBR), ==, 'L');
    wr(&t, MCR, 0);
    wr(&t, THR, '!');
    socket_peer_read(&t.sock, buf, 1);
    g_assert_cmpint(buf[0], ==, '!');
    socket_peer_assert_empty(&t.sock);
    uart_stop(&t);
}

static void test_tx_no_backend(void)
{
    UartTest t;

    uart_start(&t, "", NULL);
    wr(&t, THR, 'a');
    g_assert_cmphex(rd(&t, LSR), ==, 0x60);
    wr(&t, FCR, 0x01);
    for (int i = 0; i < 20; i++) {
        wr(&t, THR, 'a' + i);
    }
    g_assert_cmphex(rd(&t, LSR), ==, 0x60);
    uart_stop(&t);
}

/* Reads the UART's output in the background. */
typedef struct Drainer {
    SocketPeer *sock;
    uint8_t *buf;
    size_t len;
} Drainer;

static gpointer drainer_thread(gpointer opaque)
{
    Drainer *d = opaque;

    socket_peer_read(d->sock, d->buf, d->len);
    return NULL;
}

/*
 * TX into a backend that stops taking bytes: the guest polls LSR.THRE
 * (burst of 1 without FIFOs, 16 with) and nothing is lost or reordered.
 * The socket fills up long before @len bytes; only then does a thread
 * start reading.
 */
static void test_tx_backpressure(gconstpointer data)
{
    const bool fifo = GPOINTER_TO_INT(data);
    const size_t len = 16 * 1024;
    const unsigned burst = fifo ? 16 : 1;
    g_autofree uint8_t *out = g_malloc(len);
    g_autofree uint8_t *in = g_malloc(len);
    GThread *th = NULL;
    Drainer d;
    UartTest t;
    size_t sent = 0;

    for (size_t i = 0; i < len; i++) {
        out[i] = (i * 13 + i / 509) & 0xff;
    }
    uart_start(&t, "", "");
    uart_connect(&t);
    wr(&t, FCR, fifo ? 0x07 : 0x00);
    d = (Drainer) { .sock = &t.sock, .buf = in, .len = len };
    while (sent < len) {
        unsigned polls = 0;
        uint8_t lsr;

        while (!((lsr = rd(&t, LSR)) & LSR_THRE)) {
            /* the byte in the shift register is held back */
            g_assert_cmphex(lsr & LSR_TEMT, ==, 0);
            if (++polls == 100 && !th) {
                th = g_thread_new("drainer", drainer_thread, &d);
            }
            g_assert_cmpuint(polls, <, 10000000);
        }
        for (unsigned i = 0; i < burst && sent < len; i++) {
            wr(&t, THR, out[sent++]);
        }
    }
    /* the backend did push back */
    g_assert_nonnull(th);
    g_thread_join(th);
    g_assert_cmpmem(in, len, out, len);
    g_assert_cmphex(rd(&t, LSR), ==, 0x60);
    uart_stop(&t);
}

static void test_rx_socket(void)
{
    UartTest t;

    uart_start(&t, "", "");
    uart_connect(&t);
    g_assert_false(irq(&t));
    wr(&t, IER, 0x01);
    g_assert_cmpint(write(t.sock.fd, "ab", 2), ==, 2);
    wait_dr(&t);
    g_assert_cmphex(rd(&t, IIR), ==, 0x04);
    g_assert_true(irq(&t));
    /* without FIFOs one byte is held; the next waits in the backend */
    g_assert_cmphex(rd(&t, LSR), ==, 0x61);
    g_assert_cmphex(rd(&t, RBR), ==, 'a');
    wait_dr(&t);
    g_assert_cmphex(rd(&t, LSR), ==, 0x61);     /* no overrun */
    g_assert_cmphex(rd(&t, RBR), ==, 'b');
    g_assert_cmphex(rd(&t, LSR), ==, 0x60);
    g_assert_cmphex(rd(&t, IIR), ==, 0x01);
    g_assert_false(irq(&t));
    /* the RX interrupt is masked by IER */
    wr(&t, IER, 0x00);
    g_assert_cmpint(write(t.sock.fd, "c", 1), ==, 1);
    wait_dr(&t);
    g_assert_false(irq(&t));
    g_assert_cmphex(rd(&t, IIR), ==, 0x01);
    wr(&t, IER, 0x01);
    g_assert_true(irq(&t));
    g_assert_cmphex(rd(&t, RBR), ==, 'c');
    g_assert_false(irq(&t));

    /* loopback cuts the line off; the input waits for it to end */
    wr(&t, MCR, MCR_LOOP);
    g_assert_cmpint(write(t.sock.fd, "d", 1), ==, 1);
    for (int i = 0; i < 1000; i++) {
        g_assert_cmphex(rd(&t, LSR) & LSR_DR, ==, 0);
    }
    wr(&t, MCR, 0);
    wait_dr(&t);
    g_assert_cmphex(rd(&t, RBR), ==, 'd');
    uart_stop(&t);
}

/* Feeds the socket from a thread: write() blocks while it is full. */
/* A fast sender into the 16-byte FIFO: no overrun, every byte in order. */
static void test_rx_flow_control(void)
{
    const size_t len = 16 * 1024;
    g_autofree uint8_t *data = g_malloc(len);
    UartTest t;
    GThread *th;
    size_t got = 0;
    uint64_t polls = 0;

    for (size_t i = 0; i < len; i++) {
        data[i] = (i * 7 + i / 251) & 0xff;
    }
    uart_start(&t, "", "");
    uart_connect(&t);
    wr(&t, FCR, 0xc1);
    th = socket_peer_feed(&t.sock, data, len);
    while (got < len) {
        uint8_t lsr = rd(&t, LSR);

        g_assert_cmphex(lsr & LSR_OE, ==, 0);
        g_assert_cmpuint(++polls, <, 100 * (uint64_t)len);
        if (!(lsr & LSR_DR)) {
            continue;
        }
        /* drain what is there, as a driver does */
        do {
            uint8_t b = rd(&t, RBR);

            if (b != data[got]) {
                g_error("byte %zu: got 0x%02x, expected 0x%02x", got, b,
                        data[got]);
            }
            got++;
        } while (got < len && (rd(&t, LSR) & LSR_DR));
    }
    g_thread_join(th);
    g_assert_cmphex(rd(&t, LSR), ==, 0x60);
    uart_stop(&t);
}

/* Below the trigger level, 4 idle character times raise a timeout. */
static void test_char_timeout(void)
{
    UartTest t;

    uart_start(&t, "", NULL);
    wr(&t, MCR, MCR_LOOP);
    wr(&t, FCR, 0x41);      /* FIFOs on, trigger at 4 */
    wr(&t, IER, 0x01);
    wr(&t, THR, 'a');
    wr(&t, THR, 'b');
    g_assert_cmphex(rd(&t, IIR), ==, 0xc1);
    qtest_clock_step(t.qts, 4 * CHAR_NS_9600 - 1);
    g_assert_cmphex(rd(&t, IIR), ==, 0xc1);
    g_assert_false(irq(&t));
    qtest_clock_step(t.qts, 1);
    g_assert_cmphex(rd(&t, IIR), ==, 0xcc);
    g_assert_true(irq(&t));
    /* a read clears it and restarts the countdown for the rest */
    g_assert_cmphex(rd(&t, RBR), ==, 'a');
    g_assert_cmphex(rd(&t, IIR), ==, 0xc1);
    g_assert_false(irq(&t));
    qtest_clock_step(t.qts, 4 * CHAR_NS_9600);
    g_assert_cmphex(rd(&t, IIR), ==, 0xcc);
    g_assert_cmphex(rd(&t, RBR), ==, 'b');
    /* empty: no more timeouts */
    qtest_clock_step(t.qts, 8 * CHAR_NS_9600);
    g_assert_cmphex(rd(&t, IIR), ==, 0xc1);

    /* 115200 baud, 7E2 (11 bits): the character time follows */
    wr(&t, LCR, 0x80);
    wr(&t, DLL, 1);
    wr(&t, DLM, 0);
    wr(&t, LCR, 0x1e);
    wr(&t, THR, 'c');
    qtest_clock_step(t.qts, 4 * 11 * (1000000000 / 115200) - 1);
    g_assert_cmphex(rd(&t, IIR), ==, 0xc1);
    qtest_clock_step(t.qts, 1);
    g_assert_cmphex(rd(&t, IIR), ==, 0xcc);
    /* IER.RDI masks the timeout too */
    wr(&t, IER, 0x00);
    g_assert_cmphex(rd(&t, IIR), ==, 0xc1);
    g_assert_false(irq(&t));
    uart_stop(&t);
}

static void test_loopback(void)
{
    UartTest t;

    uart_start(&t, "", NULL);
    wr(&t, MCR, MCR_LOOP);
    /* MSR mirrors the outputs: DTR->DSR, RTS->CTS, OUT1->RI, OUT2->DCD */
    g_assert_cmphex(rd(&t, MSR), ==, 0x00);
    wr(&t, MCR, MCR_LOOP | 0x01);
    g_assert_cmphex(rd(&t, MSR), ==, 0x20);
    wr(&t, MCR, MCR_LOOP | 0x02);
    g_assert_cmphex(rd(&t, MSR), ==, 0x10);
    wr(&t, MCR, MCR_LOOP | 0x04);
    g_assert_cmphex(rd(&t, MSR), ==, 0x40);
    wr(&t, MCR, MCR_LOOP | 0x08);
    g_assert_cmphex(rd(&t, MSR), ==, 0x80);
    wr(&t, MCR, 0x1f);
    g_assert_cmphex(rd(&t, MSR), ==, 0xf0);
    /* what is sent comes back */
    wr(&t, THR, 0x42);
    g_assert_cmphex(rd(&t, LSR), ==, 0x61);
    g_assert_cmphex(rd(&t, RBR), ==, 0x42);
    g_assert_cmphex(rd(&t, LSR), ==, 0x60);
    /* out of loopback the modem lines read their idle state again */
    wr(&t, MCR, 0x08);
    g_assert_cmphex(rd(&t, MSR), ==, 0xb0);
    uart_stop(&t);
}

static void test_overrun(void)
{
    UartTest t;

    uart_start(&t, "", NULL);
    wr(&t, MCR, MCR_LOOP);
    wr(&t, IER, 0x04);
    /* FIFOs off: a second byte before the first is read overruns */
    wr(&t, THR, '1');
    g_assert_false(irq(&t));
    wr(&t, THR, '2');
    g_assert_true(irq(&t));
    g_assert_cmphex(rd(&t, IIR), ==, 0x06);
    g_assert_cmphex(rd(&t, LSR), ==, 0x63);
    g_assert_false(irq(&t));
    g_assert_cmphex(rd(&t, RBR), ==, '2');   /* the newer byte wins */
    g_assert_cmphex(rd(&t, LSR), ==, 0x60);

    /* FIFOs on: the 17th byte is lost, the first 16 are kept */
    wr(&t, FCR, 0x01);
    for (int i = 0; i < 16; i++) {
        wr(&t, THR, 'A' + i);
    }
    g_assert_cmphex(rd(&t, LSR), ==, 0x61);
    wr(&t, THR, '!');
    g_assert_true(irq(&t));
    g_assert_cmphex(rd(&t, LSR), ==, 0x63);
    for (int i = 0; i < 16; i++) {
        g_assert_cmphex(rd(&t, RBR), ==, 'A' + i);
    }
    g_assert_cmphex(rd(&t, LSR), ==, 0x60);
    uart_stop(&t);
}

/* A break from the mux (C-a b) reads as NUL with LSR.BI. */
static void test_break(void)
{
    UartTest t;

    uart_start(&t, "", ",mux=on");
    uart_connect(&t);
    wr(&t, IER, 0x04);
    g_assert_cmpint(write(t.sock.fd, "\001b", 2), ==, 2);
    /* (polling LSR would clear BI) */
    for (int i = 0; i < 1000000 && rd(&t, IIR) == 0x01; i++) {
        continue;
    }
    g_assert_true(irq(&t));
    g_assert_cmphex(rd(&t, IIR), ==, 0x06);
    g_assert_cmphex(rd(&t, LSR), ==, 0x71);
    g_assert_false(irq(&t));
    g_assert_cmphex(rd(&t, RBR), ==, 0);
    g_assert_cmphex(rd(&t, LSR), ==, 0x60);
    uart_stop(&t);
}

/* QUIRK (QEMU): reset leaves FCR alone while IIR's FIFO bits read 0. */
static void test_reset_keeps_fcr(void)
{
    UartTest t;

    uart_start(&t, "", NULL);
    wr(&t, FCR, 0x01);
    qtest_qmp_assert_success(t.qts, "{'execute': 'system_reset'}");
    qtest_qmp_eventwait(t.qts, "RESET");
    g_assert_cmphex(rd(&t, IIR), ==, 0x01);
    /* yet the FIFO is on: two looped-back bytes do not overrun */
    wr(&t, MCR, MCR_LOOP);
    wr(&t, THR, 'a');
    wr(&t, THR, 'b');
    g_assert_cmphex(rd(&t, LSR), ==, 0x61);
    g_assert_cmphex(rd(&t, RBR), ==, 'a');
    g_assert_cmphex(rd(&t, RBR), ==, 'b');
    uart_stop(&t);
}

static void test_regshift_endianness(void)
{
    UartTest t;
    g_autofree char *mtree = NULL;
    JsonObject *r;

    /* registers 4 bytes apart, big-endian */
    uart_start(&t, "'regshift': 2, 'endianness': 1", NULL);
    mtree = qtest_hmp(t.qts, "info mtree");
    g_assert_nonnull(strstr(mtree, "0000000010000000-000000001000001f"));
    qtest_writeb(t.qts, BASE + 7 * 4, 0x5a);
    g_assert_cmphex(qtest_readb(t.qts, BASE + 7 * 4), ==, 0x5a);
    /* any byte of the 4 is the register */
    g_assert_cmphex(qtest_readb(t.qts, BASE + 7 * 4 + 3), ==, 0x5a);
    /* a 32-bit access puts the byte at the big end */
    g_assert_cmphex(qtest_readl(t.qts, BASE + 7 * 4), ==, 0x5a000000);
    qtest_writel(t.qts, BASE + 7 * 4, 0x11000000);
    g_assert_cmphex(qtest_readb(t.qts, BASE + 7 * 4), ==, 0x11);
    g_assert_cmphex(qtest_readl(t.qts, BASE + 5 * 4), ==, 0x60000000);
    uart_stop(&t);

    uart_start(&t, "'regshift': 2, 'endianness': 2", NULL);
    g_assert_cmphex(qtest_readl(t.qts, BASE + 5 * 4), ==, 0x60);
    g_assert_cmphex(qtest_readl(t.qts, BASE + 6 * 4), ==, 0xb0);
    uart_stop(&t);

    /* bad values are refused (ours: QEMU does not check) */
    t.qts = qtest_init("-M none -preconfig");
    r = qtest_qmp(t.qts, "{'execute': 'device_add', 'arguments': "
                  "{'driver': 'serial-mm', 'id': 'u', 'endianness': 3}}");
    g_assert_cmpstr(qtest_reply_error_desc(r), ==,
                    "endianness 3 is not 0 (native), 1 (big) or 2 (little)");
    json_object_unref(r);
    r = qtest_qmp(t.qts, "{'execute': 'device_add', 'arguments': "
                  "{'driver': 'serial-mm', 'id': 'u', 'regshift': 29}}");
    g_assert_cmpstr(qtest_reply_error_desc(r), ==,
                    "regshift 29 is too large (at most 28)");
    json_object_unref(r);
    qtest_quit(t.qts);
}

/*
 * Wired as on virt: sysbus-irq[0] to source 10 of a riscv.sifive.plic at
 * 0x0c000000 (hart-config "M": output 1 is the M-mode line).
 */
static void test_virt_plic(void)
{
    const uint64_t plic = 0x0c000000;
    UartTest t;

    socket_peer_init(&t.sock, "serial-test");
    t.qts = qtest_initf("-M none -preconfig -chardev socket,id=ser,"
                        "path=%s,server=on,wait=off", t.sock.path);
    qtest_qmp_device_add(t.qts, "riscv.sifive.plic", "plic",
                         "{'hart-config': 'M', 'num-sources': 96, "
                         "'num-priorities': 7, 'priority-base': 4, "
                         "'pending-base': 4096, 'enable-base': 8192, "
                         "'enable-stride': 128, 'context-base': 2097152, "
                         "'context-stride': 4096, "
                         "'aperture-size': 6291456}");
    qtest_qmp_assert_success(t.qts, "{'execute': 'x-sysbus-mmio-map', "
                             "'arguments': {'device': 'plic', 'addr': %"
                             PRIu64 "}}", plic);
    qtest_qmp_device_add(t.qts, "serial-mm", "uart", "{'chardev': 'ser'}");
    qtest_qmp_assert_success(t.qts, "{'execute': 'x-sysbus-mmio-map', "
                             "'arguments': {'device': 'uart', 'addr': %"
                             PRIu64 "}}", BASE);
    qtest_qmp_assert_success(t.qts, "{'execute': 'qom-set', 'arguments': "
                             "{'path': 'uart', 'property': 'sysbus-irq[0]', "
                             "'value': 'plic/unnamed-gpio-in[10]'}}");
    qtest_qmp_assert_success(t.qts, "{'execute': 'x-exit-preconfig'}");
    qtest_irq_intercept_out(t.qts, "plic");
    uart_connect(&t);

    qtest_writel(t.qts, plic + 4 * 10, 1);          /* priority */
    qtest_writel(t.qts, plic + 0x2000, 1u << 10);   /* enable */
    wr(&t, IER, 0x01);
    g_assert_false(qtest_get_irq(t.qts, 1));
    g_assert_cmpint(write(t.sock.fd, "k", 1), ==, 1);
    wait_dr(&t);
    g_assert_true(qtest_get_irq(t.qts, 1));
    /* claim source 10, serve the UART, complete */
    g_assert_cmpuint(qtest_readl(t.qts, plic + 0x200004), ==, 10);
    g_assert_false(qtest_get_irq(t.qts, 1));
    g_assert_cmphex(rd(&t, IIR), ==, 0x04);
    g_assert_cmpuint(rd(&t, RBR), ==, 'k');
    qtest_writel(t.qts, plic + 0x200004, 10);
    g_assert_false(qtest_get_irq(t.qts, 1));
    g_assert_cmpuint(qtest_readl(t.qts, plic + 0x200004), ==, 0);
    /* the THR-empty interrupt goes the same way */
    wr(&t, IER, 0x02);
    g_assert_true(qtest_get_irq(t.qts, 1));
    g_assert_cmpuint(qtest_readl(t.qts, plic + 0x200004), ==, 10);
    g_assert_cmphex(rd(&t, IIR), ==, 0x02);
    qtest_writel(t.qts, plic + 0x200004, 10);
    g_assert_false(qtest_get_irq(t.qts, 1));
    uart_stop(&t);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    qtest_add_func("serial-mm/reset-values", test_reset_values);
    qtest_add_func("serial-mm/divisor-latch", test_divisor_latch);
    qtest_add_func("serial-mm/fifo-control", test_fifo_control);
    qtest_add_func("serial-mm/iir-priority", test_iir_priority);
    qtest_add_func("serial-mm/thre-irq", test_thre_irq);
    qtest_add_func("serial-mm/tx-socket", test_tx_socket);
    qtest_add_func("serial-mm/tx-no-backend", test_tx_no_backend);
    qtest_add_data_func("serial-mm/tx-backpressure", GINT_TO_POINTER(0),
                        test_tx_backpressure);
    qtest_add_data_func("serial-mm/tx-backpressure-fifo",
                        GINT_TO_POINTER(1), test_tx_backpressure);
    qtest_add_func("serial-mm/rx-socket", test_rx_socket);
    qtest_add_func("serial-mm/rx-flow-control", test_rx_flow_control);
    qtest_add_func("serial-mm/char-timeout", test_char_timeout);
    qtest_add_func("serial-mm/loopback", test_loopback);
    qtest_add_func("serial-mm/overrun", test_overrun);
    qtest_add_func("serial-mm/break", test_break);
    qtest_add_func("serial-mm/reset-keeps-fcr", test_reset_keeps_fcr);
    qtest_add_func("serial-mm/regshift-endianness",
                   test_regshift_endianness);
    qtest_add_func("serial-mm/virt-plic", test_virt_plic);
    return g_test_run();
}
