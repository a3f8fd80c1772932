/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * riscv.sifive.uart through qtest over a real socket chardev: reset
 * values, TX straight to the backend, the 8-byte RX FIFO with flow
 * control (no byte lost when the guest is slow), watermark IP bits, the
 * interrupt line (QEMU's IE-based rule) and reset.
 */
#include "qemu/osdep.h"
#include "libqtest.h"
#include "socket-peer.h"

#define UART UINT64_C(0x10013000)
#define TXDATA (UART + 0x00)
#define RXDATA (UART + 0x04)
#define TXCTRL (UART + 0x08)
#define RXCTRL (UART + 0x0c)
#define IE (UART + 0x10)
#define IP (UART + 0x14)
#define DIV (UART + 0x18)
#define RX_EMPTY 0x80000000u

typedef struct UartTest {
    QTestState *qts;
    SocketPeer sock;    /* the chardev's other end */
} UartTest;

static void uart_start(UartTest *t)
{
    socket_peer_init(&t->sock, "sifive-uart");
    t->qts = qtest_initf("-M none -preconfig -chardev socket,id=ser,"
                         "path=%s,server=on,wait=off", t->sock.path);
    qtest_qmp_device_add(t->qts, "riscv.sifive.uart", "uart",
                         "{'chardev': 'ser'}");
    qtest_qmp_assert_success(t->qts, "{'execute': 'x-sysbus-mmio-map', "
                             "'arguments': {'device': 'uart', 'addr': %"
                             PRIu64 "}}", UART);
    qtest_qmp_assert_success(t->qts, "{'execute': 'x-exit-preconfig'}");
    qtest_irq_intercept_out(t->qts, "uart");
}

static void uart_stop(UartTest *t)
{
    qtest_quit(t->qts);
    socket_peer_cleanup(&t->sock);
}

/* Wait (polling RXDATA, bounded) for a byte and return it. */
static uint32_t uart_get_byte(UartTest *t)
{
    for (int i = 0; i < 100000; i++) {
        uint32_t v = qtest_readl(t->qts, RXDATA);

        if (!(v & RX_EMPTY)) {
            return v;
        }
    }
    g_assert_not_reached();
}

/* Connect and prove the connection is up with a sync byte. */
static void uart_connect(UartTest *t)
{
    socket_peer_connect(&t->sock);
    g_assert_cmpint(write(t->sock.fd, "S", 1), ==, 1);
    g_assert_cmphex(uart_get_byte(t), ==, 'S');
}

static void test_reset_values(void)
{
    UartTest t;

    uart_start(&t);
    g_assert_cmphex(qtest_readl(t.qts, TXDATA), ==, 0);
    g_assert_cmphex(qtest_readl(t.qts, RXDATA), ==, RX_EMPTY);
    g_assert_cmphex(qtest_readl(t.qts, TXCTRL), ==, 0);
    g_assert_cmphex(qtest_readl(t.qts, RXCTRL), ==, 0);
    g_assert_cmphex(qtest_readl(t.qts, IE), ==, 0);
    g_assert_cmphex(qtest_readl(t.qts, IP), ==, 0);
    g_assert_cmphex(qtest_readl(t.qts, DIV), ==, 0);
    g_assert_cmphex(qtest_readl(t.qts, UART + 0x1c), ==, 0);
    /* R/W registers */
    qtest_writel(t.qts, DIV, 0x1234);
    qtest_writel(t.qts, TXCTRL, 0x30003);
    qtest_writel(t.qts, RXCTRL, 0x70001);
    g_assert_cmphex(qtest_readl(t.qts, DIV), ==, 0x1234);
    g_assert_cmphex(qtest_readl(t.qts, TXCTRL), ==, 0x30003);
    g_assert_cmphex(qtest_readl(t.qts, RXCTRL), ==, 0x70001);
    /* IP is read-only: TXWM follows txcnt != 0 */
    g_assert_cmphex(qtest_readl(t.qts, IP), ==, 1);
    qtest_writel(t.qts, IP, 0);
    g_assert_cmphex(qtest_readl(t.qts, IP), ==, 1);
    /* 4-byte accesses only */
    g_assert_cmphex(qtest_readb(t.qts, DIV), ==, 0);
    /* reset */
    qtest_writel(t.qts, IE, 1);
    g_assert_true(qtest_get_irq(t.qts, 0));
    qtest_qmp_assert_success(t.qts, "{'execute': 'system_reset'}");
    g_assert_cmphex(qtest_readl(t.qts, DIV), ==, 0);
    g_assert_false(qtest_get_irq(t.qts, 0));
    g_assert_cmphex(qtest_readl(t.qts, TXCTRL), ==, 0);
    g_assert_cmphex(qtest_readl(t.qts, IE), ==, 0);
    uart_stop(&t);
}

static void test_tx(void)
{
    UartTest t;
    char buf[6];

    uart_start(&t);
    uart_connect(&t);
    for (const char *p = "hello!"; *p; p++) {
        /* 7.2: TXDATA never reads full */
        g_assert_cmphex(qtest_readl(t.qts, TXDATA), ==, 0);
        qtest_writel(t.qts, TXDATA, 0xffffff00 | (uint8_t)*p);
    }
    socket_peer_read(&t.sock, buf, sizeof(buf));
    g_assert_cmpmem(buf, 6, "hello!", 6);
    uart_stop(&t);
}

/* The FIFO holds 8; the rest waits in the socket, nothing is lost. */
static void test_rx_flow_control(void)
{
    UartTest t;
    const char *msg = "0123456789abcdefghijklmnopqrstuvwxyz";
    size_t len = strlen(msg);

    uart_start(&t);
    uart_connect(&t);
    g_assert_cmpint(write(t.sock.fd, msg, len), ==, len);
    /* let the backend fill the FIFO: watch the level reach 8 */
    qtest_writel(t.qts, RXCTRL, 7 << 16);
    for (int i = 0; i < 100000 && !(qtest_readl(t.qts, IP) & 2); i++) {
        continue;
    }
    g_assert_cmphex(qtest_readl(t.qts, IP), ==, 2);
    for (size_t i = 0; i < len; i++) {
        g_assert_cmphex(uart_get_byte(&t), ==, (uint8_t)msg[i]);
    }
    g_assert_cmphex(qtest_readl(t.qts, RXDATA), ==, RX_EMPTY);
    uart_stop(&t);
}

static void test_interrupts(void)
{
    UartTest t;

    uart_start(&t);
    uart_connect(&t);
    /* RXWM: IP when level > rxcnt; the line on any byte (QEMU quirk) */
    qtest_writel(t.qts, RXCTRL, 1 << 16);
    qtest_writel(t.qts, IE, 2);
    g_assert_false(qtest_get_irq(t.qts, 0));
    g_assert_cmpint(write(t.sock.fd, "x", 1), ==, 1);
    for (int i = 0; i < 100000 && !qtest_get_irq(t.qts, 0); i++) {
        qtest_readl(t.qts, IE);
    }
    g_assert_true(qtest_get_irq(t.qts, 0));
    g_assert_cmphex(qtest_readl(t.qts, IP), ==, 0);
    g_assert_cmphex(qtest_readl(t.qts, RXDATA), ==, 'x');
    g_assert_false(qtest_get_irq(t.qts, 0));

    /* TXWM: IE alone raises the line, whatever txcnt (QEMU quirk) */
    qtest_writel(t.qts, IE, 1);
    g_assert_true(qtest_get_irq(t.qts, 0));
    g_assert_cmphex(qtest_readl(t.qts, IP), ==, 0);
    qtest_writel(t.qts, IE, 0);
    g_assert_false(qtest_get_irq(t.qts, 0));
    uart_stop(&t);
}

/* Without a chardev: TX goes nowhere, RX stays empty. */
static void test_no_chardev(void)
{
    QTestState *qts = qtest_init("-M none -preconfig");

    qtest_qmp_device_add(qts, "riscv.sifive.uart", "uart", "{}");
    qtest_qmp_assert_success(qts, "{'execute': 'x-sysbus-mmio-map', "
                             "'arguments': {'device': 'uart', 'addr': %"
                             PRIu64 "}}", UART);
    qtest_qmp_assert_success(qts, "{'execute': 'x-exit-preconfig'}");
    qtest_writel(qts, TXDATA, 'a');
    g_assert_cmphex(qtest_readl(qts, RXDATA), ==, RX_EMPTY);
    qtest_quit(qts);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    qtest_add_func("sifive-uart/reset-values", test_reset_values);
    qtest_add_func("sifive-uart/tx", test_tx);
    qtest_add_func("sifive-uart/rx-flow-control", test_rx_flow_control);
    qtest_add_func("sifive-uart/interrupts", test_interrupts);
    qtest_add_func("sifive-uart/no-chardev", test_no_chardev);
    return g_test_run();
}
