/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Interrupt-driven UART echo for OpenTitan (ot-echo-2021.elf on the seed's
 * 2021 machine, ot-echo.elf on QEMU 7.2's map).  The RX watermark
 * interrupt goes through the PLIC (source 2) to mip.MEIP; the trap
 * handler claims it, moves the received bytes into a ring buffer and
 * completes; the main loop sleeps in WFI and sends the buffered bytes,
 * '\r' as "\r\n".  When the ring is full the handler stops reading the
 * UART and masks its RX interrupt: the unread byte holds the UART, which
 * holds back the sender, so nothing is lost; the main loop unmasks it
 * (and raises it again through INTR_TEST) once there is room.
 */
#include "opentitan.h"

#ifdef OT_MAP_2021
#define BANNER "OpenTitan echo (2021 map)\r\n"
#else
#define BANNER "OpenTitan echo (7.2 map)\r\n"
#endif

#define RING_SIZE 1024u         /* a power of two */

static volatile uint8_t ring[RING_SIZE];
static volatile uint32_t ring_head;     /* written by the trap handler */
static volatile uint32_t ring_tail;     /* written by the main loop */
static volatile int rx_paused;

static void uart_rx_drain(void)
{
    /*
     * Acknowledge first: a byte arriving while we drain raises the
     * watermark again, so none can be left behind unsignalled.
     */
    mmio_write(UART_BASE + UART_INTR_STATE, UART_INTR_RX_WATERMARK);
    while (!(mmio_read(UART_BASE + UART_STATUS) & UART_STATUS_RXEMPTY)) {
        if (ring_head - ring_tail == RING_SIZE) {
            rx_paused = 1;
            mmio_write(UART_BASE + UART_INTR_ENABLE, 0);
            return;
        }
        ring[ring_head % RING_SIZE] = mmio_read(UART_BASE + UART_RDATA);
        ring_head++;
    }
}

void trap_handler(uint32_t mcause, uint32_t mepc);
void trap_handler(uint32_t mcause, uint32_t mepc)
{
    uint32_t id;

    if (mcause != MCAUSE_MEI) {
        fw_puts("\r\necho: FAIL unexpected trap, mcause ");
        fw_puthex(mcause);
        fw_puts(" mepc ");
        fw_puthex(mepc);
        fw_puts("\r\n");
        park();
    }
    id = mmio_read(PLIC_BASE + PLIC_CLAIM);
    if (id == UART_RX_IRQ) {
        uart_rx_drain();
    }
    if (id) {
        mmio_write(PLIC_BASE + PLIC_CLAIM, id);
    }
}

/*
 * Send one byte without dropping it.  Rather than reading STATUS before
 * every byte, count the FIFO slots known to be free: TXEMPTY means all 16
 * (the UART drains the whole FIFO at once), otherwise !TXFULL means one.
 * While the FIFO is full, wait between reads: each MMIO access competes
 * with the emulator's I/O thread, which has to run to drain the FIFO and
 * to deliver the next received byte.
 */
static void tx_byte(uint8_t c)
{
    static uint32_t tx_room;

    while (!tx_room) {
        uint32_t status = mmio_read(UART_BASE + UART_STATUS);

        if (status & UART_STATUS_TXEMPTY) {
            tx_room = UART_TX_FIFO_DEPTH;
        } else if (!(status & UART_STATUS_TXFULL)) {
            tx_room = 1;
        } else {
            for (int i = 0; i < 256; i++) {
                __asm__ volatile("" : : : "memory");
            }
        }
    }
    mmio_write(UART_BASE + UART_WDATA, c);
    tx_room--;
}

static void rx_resume(void)
{
    if (!rx_paused) {
        return;
    }
    csr_clear(mstatus, MSTATUS_MIE);
    if (rx_paused && ring_head - ring_tail <= RING_SIZE / 2) {
        rx_paused = 0;
        mmio_write(UART_BASE + UART_INTR_ENABLE, UART_INTR_RX_WATERMARK);
        /* the held byte's watermark was acknowledged: raise it again */
        mmio_write(UART_BASE + UART_INTR_TEST, UART_INTR_RX_WATERMARK);
    }
    csr_set(mstatus, MSTATUS_MIE);
}

int main(void);
int main(void)
{
    uart_init();
    fw_puts(BANNER);

    plic_set_priority(UART_RX_IRQ, 1);
    plic_enable(UART_RX_IRQ);
    mmio_write(PLIC_BASE + PLIC_THRESHOLD, 0);
    mmio_write(UART_BASE + UART_INTR_STATE, ~0u);
    mmio_write(UART_BASE + UART_INTR_ENABLE, UART_INTR_RX_WATERMARK);
    csr_set(mie, MIE_MEIE);
    fw_puts("> ");
    csr_set(mstatus, MSTATUS_MIE);

    for (;;) {
        uint8_t c;

        /* sleep with MIE clear, so an interrupt between test and WFI wakes */
        csr_clear(mstatus, MSTATUS_MIE);
        if (ring_head == ring_tail) {
            wfi();
            csr_set(mstatus, MSTATUS_MIE);
            continue;
        }
        csr_set(mstatus, MSTATUS_MIE);

        c = ring[ring_tail % RING_SIZE];
        ring_tail++;
        rx_resume();
        tx_byte(c);
        if (c == '\r') {
            tx_byte('\n');
        }
    }
}
