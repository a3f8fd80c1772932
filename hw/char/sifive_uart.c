/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * "riscv.sifive.uart": the SiFive UART with QEMU 7.2's behaviour: TX
 * bytes go straight to the chardev, an 8-byte RX FIFO filled under flow
 * control, watermark interrupts.  See include/hw/char/sifive_uart.h and
 * docs/system/devices/sifive-uart.md.
 */
#include "qemu/osdep.h"
#include "hw/char/sifive_uart.h"
#include "hw/irq.h"
#include "hw/qdev-properties.h"
#include "qapi/error.h"
#include "qemu/log.h"

/* Register map */
enum {
    SIFIVE_UART_TXFIFO = 0x00,
    SIFIVE_UART_RXFIFO = 0x04,
    SIFIVE_UART_TXCTRL = 0x08,
    SIFIVE_UART_RXCTRL = 0x0c,
    SIFIVE_UART_IE = 0x10,
    SIFIVE_UART_IP = 0x14,
    SIFIVE_UART_DIV = 0x18,
};

#define SIFIVE_UART_IE_TXWM 1       /* also the IP bit */
#define SIFIVE_UART_IE_RXWM 2
#define SIFIVE_UART_RXDATA_EMPTY 0x80000000u

/* The watermark count, bits 18:16 of TXCTRL/RXCTRL. */
static uint32_t sifive_uart_cnt(uint32_t ctrl)
{
    return (ctrl >> 16) & 7;
}

/*
 * IP: TXWM while txcnt is non-zero (the TX FIFO is always empty here);
 * RXWM while the RX level is above rxcnt.
 */
static uint32_t sifive_uart_ip(SiFiveUARTState *s)
{
    uint32_t ip = 0;

    if (sifive_uart_cnt(s->txctrl)) {
        ip |= SIFIVE_UART_IE_TXWM;
    }
    if (s->rx_fifo_len > sifive_uart_cnt(s->rxctrl)) {
        ip |= SIFIVE_UART_IE_RXWM;
    }
    return ip;
}

/*
 * QEMU quirk: the line does not follow IP.  IE.TXWM alone raises it, and
 * IE.RXWM raises it whenever the RX FIFO is non-empty, whatever rxcnt.
 */
static void sifive_uart_update_irq(SiFiveUARTState *s)
{
    int level = (s->ie & SIFIVE_UART_IE_TXWM) ||
                ((s->ie & SIFIVE_UART_IE_RXWM) && s->rx_fifo_len);

    qemu_set_irq(s->irq, level);
}

/* MMIO */

static uint64_t sifive_uart_read(void *opaque, hwaddr addr, unsigned size)
{
    SiFiveUARTState *s = opaque;
    uint8_t byte;

    switch (addr) {
    case SIFIVE_UART_RXFIFO:
        if (!s->rx_fifo_len) {
            return SIFIVE_UART_RXDATA_EMPTY;
        }
        byte = s->rx_fifo[0];
        memmove(s->rx_fifo, s->rx_fifo + 1, s->rx_fifo_len - 1);
        s->rx_fifo_len--;
        /* room again: let the backend deliver what it holds back */
        qemu_chr_fe_accept_input(&s->chr);
        sifive_uart_update_irq(s);
        return byte;
    case SIFIVE_UART_TXFIFO:
        /* 7.2: never full */
        return 0;
    case SIFIVE_UART_TXCTRL:
        return s->txctrl;
    case SIFIVE_UART_RXCTRL:
        return s->rxctrl;
    case SIFIVE_UART_IE:
        return s->ie;
    case SIFIVE_UART_IP:
        return sifive_uart_ip(s);
    case SIFIVE_UART_DIV:
        return s->div;
    }
    qemu_log_mask(LOG_GUEST_ERROR, "%s: bad read: addr=0x%x\n",
                  __func__, (int)addr);
    return 0;
}

static void sifive_uart_write(void *opaque, hwaddr addr, uint64_t value,
                              unsigned size)
{
    SiFiveUARTState *s = opaque;
    uint8_t byte = value;

    switch (addr) {
    case SIFIVE_UART_TXFIFO:
        /* 7.2: sent at once; a busy backend drops it, as QEMU's does */
        qemu_chr_fe_write(&s->chr, &byte, 1);
        sifive_uart_update_irq(s);
        return;
    case SIFIVE_UART_IE:
        s->ie = value;
        sifive_uart_update_irq(s);
        return;
    case SIFIVE_UART_TXCTRL:
        s->txctrl = value;
        return;
    case SIFIVE_UART_RXCTRL:
        s->rxctrl = value;
        return;
    case SIFIVE_UART_DIV:
        s->div = value;
        return;
    }
    /* IP is read-only: a write to it is a bad offset too */
    qemu_log_mask(LOG_GUEST_ERROR, "%s: bad write: addr=0x%x v=0x%x\n",
                  __func__, (int)addr, (int)value);
}

static const MemoryRegionOps sifive_uart_ops = {
    .read = sifive_uart_read,
    .write = sifive_uart_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .valid = {
        .min_access_size = 4,
        .max_access_size = 4,
    },
};

/* Character backend */

static int sifive_uart_can_receive(void *opaque)
{
    SiFiveUARTState *s = opaque;

    return SIFIVE_UART_RX_FIFO_SIZE - s->rx_fifo_len;
}

static void sifive_uart_receive(void *opaque, const uint8_t *buf, int size)
{
    SiFiveUARTState *s = opaque;
    int i;

    for (i = 0; i < size; i++) {
        if (s->rx_fifo_len >= SIFIVE_UART_RX_FIFO_SIZE) {
            qemu_log_mask(LOG_GUEST_ERROR, "sifive_uart: RX FIFO overflow, "
                          "character dropped\n");
            break;
        }
        s->rx_fifo[s->rx_fifo_len++] = buf[i];
    }
    sifive_uart_update_irq(s);
}

/* Reset */

static void sifive_uart_reset(DeviceState *dev)
{
    SiFiveUARTState *s = SIFIVE_UART(dev);

    s->ie = 0;
    s->txctrl = 0;
    s->rxctrl = 0;
    s->div = 0;
    s->rx_fifo_len = 0;
    memset(s->rx_fifo, 0, sizeof(s->rx_fifo));
    qemu_set_irq(s->irq, 0);
    qemu_chr_fe_accept_input(&s->chr);
}

/* Realize */

static void sifive_uart_init(Object *obj)
{
    SiFiveUARTState *s = SIFIVE_UART(obj);

    memory_region_init_io(&s->mmio, obj, &sifive_uart_ops, s,
                          TYPE_SIFIVE_UART, SIFIVE_UART_MAX);
    sysbus_init_mmio(SYS_BUS_DEVICE(obj), &s->mmio);
    sysbus_init_irq(SYS_BUS_DEVICE(obj), &s->irq);
}

static void sifive_uart_realize(DeviceState *dev, Error **errp)
{
    SiFiveUARTState *s = SIFIVE_UART(dev);

    qemu_chr_fe_set_handlers(&s->chr, sifive_uart_can_receive,
                             sifive_uart_receive, NULL, s);
}

static void sifive_uart_unrealize(DeviceState *dev)
{
    SiFiveUARTState *s = SIFIVE_UART(dev);

    qemu_chr_fe_set_handlers(&s->chr, NULL, NULL, NULL, NULL);
}

static const Property sifive_uart_props[] = {
    DEFINE_PROP_CHR("chardev", SiFiveUARTState, chr),
    DEFINE_PROP_END_OF_LIST(),
};

static void sifive_uart_class_init(ObjectClass *oc, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(oc);

    dc->user_creatable = true;
    dc->realize = sifive_uart_realize;
    dc->unrealize = sifive_uart_unrealize;
    dc->reset = sifive_uart_reset;
    device_class_set_props(dc, sifive_uart_props);
}

static const TypeInfo sifive_uart_info = {
    .name = TYPE_SIFIVE_UART,
    .parent = TYPE_SYS_BUS_DEVICE,
    .instance_size = sizeof(SiFiveUARTState),
    .instance_init = sifive_uart_init,
    .class_init = sifive_uart_class_init,
};

static void sifive_uart_register_types(void)
{
    type_register_static(&sifive_uart_info);
}

type_init(sifive_uart_register_types)
