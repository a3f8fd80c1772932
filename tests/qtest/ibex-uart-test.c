/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * ibex-uart through qtest: reset values, the four IRQ lines, the TX FIFO
 * and its character timing on the virtual clock, RX with flow control
 * over a real socket chardev (1 MiB, every byte in order), QEMU's quirks,
 * and the seed's 2021 wiring of the UART into an ibex-plic.
 */
#include "qemu/osdep.h"
#include "libqtest.h"
#include "socket-peer.h"

#define UART_BASE       0x40000000ull
#define PLIC_BASE       0x41010000ull

#define INTR_STATE      (UART_BASE + 0x00)
#define INTR_ENABLE     (UART_BASE + 0x04)
#define INTR_TEST       (UART_BASE + 0x08)
#define ALERT_TEST      (UART_BASE + 0x0c)
#define CTRL            (UART_BASE + 0x10)
#define STATUS          (UART_BASE + 0x14)
#define RDATA           (UART_BASE + 0x18)
#define WDATA           (UART_BASE + 0x1c)
#define FIFO_CTRL       (UART_BASE + 0x20)
#define FIFO_STATUS     (UART_BASE + 0x24)
#define OVRD            (UART_BASE + 0x28)
#define VAL             (UART_BASE + 0x2c)
#define TIMEOUT_CTRL    (UART_BASE + 0x30)

#define CTRL_TX         0x1
#define CTRL_RX         0x2
#define ST_TXFULL       0x01
#define ST_RXFULL       0x02
#define ST_TXEMPTY      0x04
#define ST_RXIDLE       0x10
#define ST_RXEMPTY      0x20

/* 4 characters of 10 bits at 230400 baud, QEMU's integer arithmetic */
#define DRAIN_NS        (4 * 43400)

typedef struct UartTest {
    QTestState *qts;
    SocketPeer sock;    /* the chardev's other end */
} UartTest;

static void mmio_map(QTestState *qts, const char *dev, uint64_t addr)
{
    qtest_qmp_assert_success(qts, "{'execute': 'x-sysbus-mmio-map', "
                             "'arguments': {'device': %s, 'addr': %" PRIu64
                             "}}", dev, addr);
}

/*
 * Start with a UART at UART_BASE, on a socket chardev when @with_chardev.
 * @more_qmp runs before x-exit-preconfig (NULL: nothing).
 */
static void uart_start(UartTest *t, bool with_chardev,
                       void (*more_qmp)(QTestState *qts))
{
    socket_peer_init(&t->sock, "ibex-uart");
    if (with_chardev) {
        t->qts = qtest_initf("-M none -preconfig -chardev socket,id=ser,"
                             "path=%s,server=on,wait=off", t->sock.path);
        qtest_qmp_device_add(t->qts, "ibex-uart", "uart",
                             "{'chardev': 'ser'}");
    } else {
        t->qts = qtest_init("-M none -preconfig");
        qtest_qmp_device_add(t->qts, "ibex-uart", "uart", "{}");
    }
    mmio_map(t->qts, "uart", UART_BASE);
    if (more_qmp) {
        more_qmp(t->qts);
    }
    qtest_qmp_assert_success(t->qts, "{'execute': 'x-exit-preconfig'}");
}

static void uart_stop(UartTest *t)
{
    qtest_quit(t->qts);
    socket_peer_cleanup(&t->sock);
}

/* Wait (qtest commands keep the main loop turning) for a byte in RDATA. */
static uint8_t uart_get_byte(UartTest *t)
{
    int i;

    for (i = 0; i < 1000000; i++) {
        if (qtest_readl(t->qts, STATUS) & ST_RXFULL) {
            return qtest_readl(t->qts, RDATA);
        }
    }
    g_assert_not_reached();
}

/*
 * Connect to the chardev and prove the connection is up: a sync byte
 * sent with RX enabled must arrive.  Leaves RX enabled.
 */
static void uart_connect(UartTest *t)
{
    socket_peer_connect(&t->sock);
    qtest_writel(t->qts, CTRL, qtest_readl(t->qts, CTRL) | CTRL_RX);
    g_assert_cmpint(write(t->sock.fd, "S", 1), ==, 1);
    g_assert_cmpuint(uart_get_byte(t), ==, 'S');
    /* the sync byte raised the RX watermark */
    qtest_writel(t->qts, INTR_STATE, 0xffffffff);
}

static void test_reset_values(void)
{
    UartTest t;

    uart_start(&t, false, NULL);
    g_assert_cmphex(qtest_readl(t.qts, INTR_STATE), ==, 0);
    g_assert_cmphex(qtest_readl(t.qts, INTR_ENABLE), ==, 0);
    g_assert_cmphex(qtest_readl(t.qts, INTR_TEST), ==, 0);
    g_assert_cmphex(qtest_readl(t.qts, CTRL), ==, 0);
    /* TXEMPTY, TXIDLE, RXIDLE, RXEMPTY */
    g_assert_cmphex(qtest_readl(t.qts, STATUS), ==, 0x3c);
    g_assert_cmphex(qtest_readl(t.qts, RDATA), ==, 0);
    g_assert_cmphex(qtest_readl(t.qts, WDATA), ==, 0);
    g_assert_cmphex(qtest_readl(t.qts, FIFO_CTRL), ==, 0);
    g_assert_cmphex(qtest_readl(t.qts, FIFO_STATUS), ==, 0);
    g_assert_cmphex(qtest_readl(t.qts, OVRD), ==, 0);
    g_assert_cmphex(qtest_readl(t.qts, VAL), ==, 0);
    g_assert_cmphex(qtest_readl(t.qts, TIMEOUT_CTRL), ==, 0);
    /* QUIRK: ALERT_TEST (0x0c) is not decoded: reads 0, ignores writes */
    qtest_writel(t.qts, ALERT_TEST, 1);
    g_assert_cmphex(qtest_readl(t.qts, ALERT_TEST), ==, 0);
    /* the window is 0x400 bytes; past the registers reads 0 */
    g_assert_cmphex(qtest_readl(t.qts, UART_BASE + 0x3fc), ==, 0);

    /* plain R/W registers; STATUS and VAL ignore writes */
    qtest_writel(t.qts, OVRD, 0x3);
    qtest_writel(t.qts, TIMEOUT_CTRL, 0x800000ff);
    qtest_writel(t.qts, STATUS, 0);
    qtest_writel(t.qts, VAL, 0xffff);
    g_assert_cmphex(qtest_readl(t.qts, OVRD), ==, 0x3);
    g_assert_cmphex(qtest_readl(t.qts, TIMEOUT_CTRL), ==, 0x800000ff);
    g_assert_cmphex(qtest_readl(t.qts, STATUS), ==, 0x3c);
    g_assert_cmphex(qtest_readl(t.qts, VAL), ==, 0);
    /* QUIRK: FIFO_CTRL is stored raw, reset bits included */
    qtest_writel(t.qts, FIFO_CTRL, 0x7f);
    g_assert_cmphex(qtest_readl(t.qts, FIFO_CTRL), ==, 0x7f);
    /* a narrow access is widened to the 32-bit register */
    g_assert_cmphex(qtest_readb(t.qts, STATUS), ==, 0x3c);

    /* system_reset brings everything back */
    qtest_writel(t.qts, CTRL, 0xffff0003);
    qtest_writel(t.qts, INTR_ENABLE, 0xf);
    qtest_writel(t.qts, INTR_TEST, 0xf);
    qtest_qmp_assert_success(t.qts, "{'execute': 'system_reset'}");
    qtest_qmp_eventwait(t.qts, "RESET");
    g_assert_cmphex(qtest_readl(t.qts, CTRL), ==, 0);
    g_assert_cmphex(qtest_readl(t.qts, INTR_STATE), ==, 0);
    g_assert_cmphex(qtest_readl(t.qts, INTR_ENABLE), ==, 0);
    g_assert_cmphex(qtest_readl(t.qts, FIFO_CTRL), ==, 0);
    g_assert_cmphex(qtest_readl(t.qts, OVRD), ==, 0);
    g_assert_cmphex(qtest_readl(t.qts, STATUS), ==, 0x3c);
    uart_stop(&t);
}

static void test_irq_lines(void)
{
    UartTest t;

    uart_start(&t, false, NULL);
    qtest_irq_intercept_out(t.qts, "uart");
    /* INTR_TEST sets state; nothing is enabled, so the lines stay low */
    qtest_writel(t.qts, INTR_TEST, 0xf);
    g_assert_cmphex(qtest_readl(t.qts, INTR_STATE), ==, 0xf);
    for (int i = 0; i < 4; i++) {
        g_assert_false(qtest_get_irq(t.qts, i));
    }
    /* each line is state & enable, in QEMU's order */
    for (int i = 0; i < 4; i++) {
        qtest_writel(t.qts, INTR_ENABLE, 1u << i);
        for (int j = 0; j < 4; j++) {
            g_assert_cmpint(qtest_get_irq(t.qts, j), ==, i == j);
        }
    }
    qtest_writel(t.qts, INTR_ENABLE, 0xf);
    /* write 1 to clear, per bit */
    qtest_writel(t.qts, INTR_STATE, 0x2);
    g_assert_cmphex(qtest_readl(t.qts, INTR_STATE), ==, 0xd);
    g_assert_true(qtest_get_irq(t.qts, 0));
    g_assert_false(qtest_get_irq(t.qts, 1));
    g_assert_true(qtest_get_irq(t.qts, 2));
    g_assert_true(qtest_get_irq(t.qts, 3));
    qtest_writel(t.qts, INTR_STATE, 0xffffffff);
    g_assert_cmphex(qtest_readl(t.qts, INTR_STATE), ==, 0);
    for (int i = 0; i < 4; i++) {
        g_assert_false(qtest_get_irq(t.qts, i));
    }
    /* QUIRK: INTR_TEST ORs every written bit in, unknown ones too */
    qtest_writel(t.qts, INTR_TEST, 0x30);
    g_assert_cmphex(qtest_readl(t.qts, INTR_STATE), ==, 0x30);
    /* disabling drops a line without touching the state */
    qtest_writel(t.qts, INTR_TEST, 0x1);
    g_assert_true(qtest_get_irq(t.qts, 0));
    qtest_writel(t.qts, INTR_ENABLE, 0);
    g_assert_false(qtest_get_irq(t.qts, 0));
    g_assert_cmphex(qtest_readl(t.qts, INTR_STATE), ==, 0x31);
    uart_stop(&t);
}

static void test_tx_timing(void)
{
    UartTest t;
    char buf[4];

    uart_start(&t, true, NULL);
    uart_connect(&t);
    qtest_writel(t.qts, CTRL, CTRL_TX | CTRL_RX);
    qtest_writel(t.qts, INTR_ENABLE, 0x5);
    qtest_irq_intercept_out(t.qts, "uart");

    qtest_writel(t.qts, WDATA, 'a');
    /* QUIRK: raw TXILVL 0: the watermark is set by any write */
    g_assert_cmphex(qtest_readl(t.qts, INTR_STATE) & 1, ==, 1);
    g_assert_true(qtest_get_irq(t.qts, 0));
    qtest_writel(t.qts, WDATA, 0x162);  /* only the low byte counts */
    qtest_writel(t.qts, WDATA, 'c');
    g_assert_cmphex(qtest_readl(t.qts, FIFO_STATUS), ==, 3);
    g_assert_cmphex(qtest_readl(t.qts, STATUS) & ST_TXEMPTY, ==, 0);
    /* four character times after the last write, not before */
    qtest_clock_step(t.qts, DRAIN_NS - 1);
    g_assert_cmphex(qtest_readl(t.qts, FIFO_STATUS), ==, 3);
    socket_peer_assert_empty(&t.sock);
    qtest_clock_step(t.qts, 1);
    g_assert_cmphex(qtest_readl(t.qts, FIFO_STATUS), ==, 0);
    g_assert_cmphex(qtest_readl(t.qts, STATUS) & ST_TXEMPTY, ==, ST_TXEMPTY);
    /* TX empty set; the watermark stays (level 0 is not below TXILVL 0) */
    g_assert_cmphex(qtest_readl(t.qts, INTR_STATE), ==, 0x5);
    g_assert_true(qtest_get_irq(t.qts, 2));
    socket_peer_read(&t.sock, buf, 3);
    g_assert_cmpmem(buf, 3, "abc", 3);

    /* every write restarts the countdown */
    qtest_writel(t.qts, WDATA, 'x');
    qtest_clock_step(t.qts, DRAIN_NS / 2);
    qtest_writel(t.qts, WDATA, 'y');
    qtest_clock_step(t.qts, DRAIN_NS / 2 + 10);
    g_assert_cmphex(qtest_readl(t.qts, FIFO_STATUS), ==, 2);
    qtest_clock_step(t.qts, DRAIN_NS / 2);
    g_assert_cmphex(qtest_readl(t.qts, FIFO_STATUS), ==, 0);
    socket_peer_read(&t.sock, buf, 2);
    g_assert_cmpmem(buf, 2, "xy", 2);

    /* a faster NCO shortens the character time: 2^20 * 115200 / 50 MHz */
    qtest_writel(t.qts, CTRL, CTRL_TX | CTRL_RX | (2416u << 16));
    qtest_writel(t.qts, WDATA, 'z');
    /* baud = 2416 * 50e6 >> 20 = 115203; 10 * (1e9 / 115203) = 86800 */
    qtest_clock_step(t.qts, 4 * 86800 - 1);
    g_assert_cmphex(qtest_readl(t.qts, FIFO_STATUS), ==, 1);
    qtest_clock_step(t.qts, 1);
    g_assert_cmphex(qtest_readl(t.qts, FIFO_STATUS), ==, 0);
    socket_peer_read(&t.sock, buf, 1);
    g_assert_cmpint(buf[0], ==, 'z');
    uart_stop(&t);
}

static void test_tx_fifo_limit(void)
{
    UartTest t;
    char buf[17];

    uart_start(&t, true, NULL);
    uart_connect(&t);
    /* TX disabled: the timer fires but the FIFO waits */
    qtest_writel(t.qts, CTRL, CTRL_RX);
    /* QUIRK: TXILVL 3 is compared raw: the watermark comes at 3 bytes */
    qtest_writel(t.qts, FIFO_CTRL, 3u << 5);
    qtest_writel(t.qts, WDATA, 'A');
    qtest_writel(t.qts, WDATA, 'B');
    g_assert_cmphex(qtest_readl(t.qts, INTR_STATE) & 1, ==, 0);
    qtest_writel(t.qts, WDATA, 'C');
    g_assert_cmphex(qtest_readl(t.qts, INTR_STATE) & 1, ==, 1);
    for (int i = 3; i < 20; i++) {
        qtest_writel(t.qts, WDATA, 'A' + i);
    }
    /* 16 bytes deep; the rest is lost */
    g_assert_cmphex(qtest_readl(t.qts, FIFO_STATUS), ==, 16);
    g_assert_cmphex(qtest_readl(t.qts, STATUS) & (ST_TXFULL | ST_TXEMPTY),
                    ==, ST_TXFULL);
    qtest_clock_step(t.qts, 10 * DRAIN_NS);
    g_assert_cmphex(qtest_readl(t.qts, FIFO_STATUS), ==, 16);
    socket_peer_assert_empty(&t.sock);
    /* enabled, the bytes go at the next write's countdown */
    qtest_writel(t.qts, CTRL, CTRL_TX | CTRL_RX);
    qtest_writel(t.qts, WDATA, '!');   /* FIFO full: dropped */
    qtest_clock_step(t.qts, DRAIN_NS);
    g_assert_cmphex(qtest_readl(t.qts, FIFO_STATUS), ==, 0);
    g_assert_cmphex(qtest_readl(t.qts, STATUS) & (ST_TXFULL | ST_TXEMPTY),
                    ==, ST_TXEMPTY);
    /* level 0 < 3: the watermark is withdrawn, TX empty raised */
    g_assert_cmphex(qtest_readl(t.qts, INTR_STATE), ==, 0x4);
    socket_peer_read(&t.sock, buf, 16);
    g_assert_cmpmem(buf, 16, "ABCDEFGHIJKLMNOP", 16);
    socket_peer_assert_empty(&t.sock);

    /* TXRST empties the FIFO */
    qtest_writel(t.qts, CTRL, CTRL_RX);
    qtest_writel(t.qts, WDATA, 'q');
    qtest_writel(t.qts, FIFO_CTRL, 0x2);
    g_assert_cmphex(qtest_readl(t.qts, FIFO_STATUS), ==, 0);
    uart_stop(&t);
}

static void test_tx_no_backend(void)
{
    UartTest t;

    uart_start(&t, false, NULL);
    qtest_writel(t.qts, CTRL, CTRL_TX);
    qtest_writel(t.qts, WDATA, 'a');
    qtest_writel(t.qts, WDATA, 'b');
    g_assert_cmphex(qtest_readl(t.qts, FIFO_STATUS), ==, 2);
    /* without a backend the FIFO is simply emptied */
    qtest_clock_step(t.qts, DRAIN_NS);
    g_assert_cmphex(qtest_readl(t.qts, FIFO_STATUS), ==, 0);
    uart_stop(&t);
}

static void test_rx(void)
{
    UartTest t;

    uart_start(&t, true, NULL);
    uart_connect(&t);
    qtest_irq_intercept_out(t.qts, "uart");
    qtest_writel(t.qts, INTR_ENABLE, 0x2);
    qtest_writel(t.qts, INTR_STATE, 0xf);
    g_assert_cmphex(qtest_readl(t.qts, STATUS), ==, 0x3c);

    /* RX off: the bytes wait in the backend */
    qtest_writel(t.qts, CTRL, 0);
    g_assert_cmpint(write(t.sock.fd, "xyz", 3), ==, 3);
    for (int i = 0; i < 100; i++) {
        g_assert_cmphex(qtest_readl(t.qts, STATUS), ==, 0x3c);
    }
    qtest_writel(t.qts, CTRL, CTRL_RX);
    g_assert_cmpuint(uart_get_byte(&t), ==, 'x');
    /* RXILVL 0: the RX watermark is raised by the byte */
    g_assert_cmphex(qtest_readl(t.qts, INTR_STATE), ==, 0x2);
    g_assert_true(qtest_get_irq(t.qts, 1));

    /* one byte held: RXFULL, level 1, not idle, not empty */
    for (int i = 0; i < 100000; i++) {
        if (qtest_readl(t.qts, STATUS) & ST_RXFULL) {
            break;
        }
    }
    g_assert_cmphex(qtest_readl(t.qts, STATUS), ==, 0x0c | ST_RXFULL);
    g_assert_cmphex(qtest_readl(t.qts, FIFO_STATUS), ==, 1u << 16);
    qtest_writel(t.qts, INTR_STATE, 0x2);
    g_assert_false(qtest_get_irq(t.qts, 1));
    /* QUIRK: RXILVL is compared raw with 1: at 1 or more, no watermark */
    qtest_writel(t.qts, FIFO_CTRL, 1u << 2);
    g_assert_cmpuint(qtest_readl(t.qts, RDATA), ==, 'y');
    g_assert_cmpuint(uart_get_byte(&t), ==, 'z');
    g_assert_cmphex(qtest_readl(t.qts, INTR_STATE), ==, 0);
    /* emptied: RXIDLE and RXEMPTY again; RDATA keeps the last byte */
    g_assert_cmphex(qtest_readl(t.qts, STATUS), ==, 0x3c);
    g_assert_cmpuint(qtest_readl(t.qts, RDATA), ==, 'z');

    /* RXRST drops the held byte and lets the next one in */
    g_assert_cmpint(write(t.sock.fd, "12", 2), ==, 2);
    for (int i = 0; i < 100000; i++) {
        if (qtest_readl(t.qts, STATUS) & ST_RXFULL) {
            break;
        }
    }
    qtest_writel(t.qts, FIFO_CTRL, 0x1);
    g_assert_cmpuint(uart_get_byte(&t), ==, '2');
    uart_stop(&t);
}

/*
 * Flow control: 1 MiB through RX while the test reads it one byte at a
 * time; STATUS and RDATA are adjacent, so one 8-byte qtest read gives
 * both (STATUS first).  Every byte must come, in order.
 */
static void test_rx_flow_control(void)
{
    const size_t len = 1024 * 1024;
    g_autofree uint8_t *data = g_malloc(len);
    UartTest t;
    GThread *th;
    size_t got = 0;
    uint64_t polls = 0;

    for (size_t i = 0; i < len; i++) {
        data[i] = (i * 7 + i / 251) & 0xff;
    }
    uart_start(&t, true, NULL);
    uart_connect(&t);
    th = socket_peer_feed(&t.sock, data, len);
    while (got < len) {
        uint32_t regs[2];

        qtest_memread(t.qts, STATUS, regs, sizeof(regs));
        polls++;
        g_assert_cmpuint(polls, <, 100 * (uint64_t)len);
        if (!(regs[0] & ST_RXFULL)) {
            continue;
        }
        if (regs[1] != data[got]) {
            g_error("byte %zu: got 0x%02x, expected 0x%02x", got, regs[1],
                    data[got]);
        }
        got++;
    }
    g_thread_join(th);
    g_assert_cmphex(qtest_readl(t.qts, STATUS), ==, 0x3c);
    uart_stop(&t);
}

/* Whether this build has the Ibex CPU (-cpu lowrisc-ibex). */
static bool have_ibex_cpu(void)
{
    QTestState *qts = qtest_init("-M none");
    JsonObject *r = qtest_qmp_assert_success_ref(qts,
        "{'execute': 'qom-list-types', 'arguments': {'abstract': false}}");
    JsonArray *list = json_object_get_array_member(r, "return");
    bool found = false;

    for (guint i = 0; i < json_array_get_length(list) && !found; i++) {
        JsonObject *o = json_array_get_object_element(list, i);

        found = !strcmp(json_object_get_string_member(o, "name"),
                        "lowrisc-ibex-riscv-cpu");
    }
    json_object_unref(r);
    qtest_quit(qts);
    return found;
}

/*
 * The seed's 2021 script (RFC v2): -M none -cpu lowrisc-ibex, then
 * x-machine-init, memories, ibex-plic at 0x41010000, ibex-uart with
 * sysbus-irq[0..3] -> plic in[1..4], and no PLIC -> CPU wire: the PLIC
 * drives the CPU's MEIP itself.  Without a CPU in the build, the PLIC's
 * output is watched instead.
 */
static void test_rx_to_plic(void)
{
    bool cpu = have_ibex_cpu();
    /* the line to watch: CPU input 11 (MEIP) or the PLIC's output 0 */
    const int line = cpu ? 11 : 0;
    UartTest t;

    socket_peer_init(&t.sock, "ibex-uart");
    t.qts = qtest_initf("-M none -preconfig %s -chardev socket,id=ser,"
                        "path=%s,server=on,wait=off",
                        cpu ? "-cpu lowrisc-ibex" : "", t.sock.path);
    qtest_qmp_assert_success(t.qts, "{'execute': 'x-machine-init'}");
    qtest_qmp_device_add(t.qts, "sysbus-memory", "rom",
                         "{'size': 16384, 'readonly': true}");
    mmio_map(t.qts, "rom", 0x8000);
    qtest_qmp_device_add(t.qts, "sysbus-memory", "ram", "{'size': 65536}");
    mmio_map(t.qts, "ram", 0x10000000);
    qtest_qmp_device_add(t.qts, "ibex-plic", "plic", "{}");
    mmio_map(t.qts, "plic", PLIC_BASE);
    qtest_qmp_device_add(t.qts, "ibex-uart", "uart", "{'chardev': 'ser'}");
    mmio_map(t.qts, "uart", UART_BASE);
    for (int i = 0; i < 4; i++) {
        g_autofree char *prop = g_strdup_printf("sysbus-irq[%d]", i);
        g_autofree char *dst = g_strdup_printf("plic/unnamed-gpio-in[%d]",
                                               i + 1);

        qtest_qmp_assert_success(t.qts, "{'execute': 'qom-set', "
                                 "'arguments': {'path': 'uart', "
                                 "'property': %s, 'value': %s}}", prop, dst);
    }
    qtest_qmp_assert_success(t.qts, "{'execute': 'x-exit-preconfig'}");

    uart_connect(&t);
    if (cpu) {
        qtest_irq_intercept_in(t.qts, "/machine/unattached/device[0]");
    } else {
        qtest_irq_intercept_out(t.qts, "plic");
    }
    qtest_writel(t.qts, INTR_ENABLE, 0x2);      /* RX watermark only */
    /* QUIRK: PRIO_1 (base + 0x30 + 4) sets the priority of source 2 */
    qtest_writel(t.qts, PLIC_BASE + 0x30 + 4 * 1, 1);
    qtest_writel(t.qts, PLIC_BASE + 0x300, 1u << 2);
    g_assert_false(qtest_get_irq(t.qts, line));

    g_assert_cmpint(write(t.sock.fd, "k", 1), ==, 1);
    for (int i = 0; i < 1000000; i++) {
        if (qtest_readl(t.qts, STATUS) & ST_RXFULL) {
            break;
        }
    }
    /* the UART's RX watermark is PLIC source 2: pending, MEIP high */
    g_assert_cmphex(qtest_readl(t.qts, PLIC_BASE + 0x0), ==, 1u << 2);
    g_assert_true(qtest_get_irq(t.qts, line));
    /* claim: ID 2, no longer pending, MEIP low */
    g_assert_cmpuint(qtest_readl(t.qts, PLIC_BASE + 0x31c), ==, 2);
    g_assert_cmphex(qtest_readl(t.qts, PLIC_BASE + 0x0), ==, 0);
    g_assert_false(qtest_get_irq(t.qts, line));
    /* the firmware's handler: read the byte, clear the state, complete */
    g_assert_cmpuint(qtest_readl(t.qts, RDATA), ==, 'k');
    qtest_writel(t.qts, INTR_STATE, 0x2);
    qtest_writel(t.qts, PLIC_BASE + 0x31c, 2);
    g_assert_false(qtest_get_irq(t.qts, line));
    g_assert_cmpuint(qtest_readl(t.qts, PLIC_BASE + 0x31c), ==, 0);
    /* the next byte interrupts again */
    g_assert_cmpint(write(t.sock.fd, "l", 1), ==, 1);
    for (int i = 0; i < 1000000; i++) {
        if (qtest_readl(t.qts, STATUS) & ST_RXFULL) {
            break;
        }
    }
    g_assert_true(qtest_get_irq(t.qts, line));
    g_assert_cmpuint(qtest_readl(t.qts, PLIC_BASE + 0x31c), ==, 2);
    g_assert_cmpuint(qtest_readl(t.qts, RDATA), ==, 'l');
    uart_stop(&t);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    qtest_add_func("ibex-uart/reset-values", test_reset_values);
    qtest_add_func("ibex-uart/irq-lines", test_irq_lines);
    qtest_add_func("ibex-uart/tx-timing", test_tx_timing);
    qtest_add_func("ibex-uart/tx-fifo-limit", test_tx_fifo_limit);
    qtest_add_func("ibex-uart/tx-no-backend", test_tx_no_backend);
    qtest_add_func("ibex-uart/rx", test_rx);
    qtest_add_func("ibex-uart/rx-flow-control-1MiB", test_rx_flow_control);
    qtest_add_func("ibex-uart/rx-to-ibex-plic-2021", test_rx_to_plic);
    return g_test_run();
}
