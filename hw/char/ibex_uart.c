/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * "ibex-uart": the OpenTitan UART with QEMU's guest-visible behaviour
 * (QEMU >= 6.1 register layout).  See include/hw/char/ibex_uart.h and
 * docs/system/devices/ibex-uart.md.
 *
 * TX: a 16-byte FIFO drained to the backend four character times (on the
 * virtual clock) after the last WDATA write.  RX: one byte held in RDATA;
 * the backend is offered data only while RX is enabled and RDATA is free,
 * so input waits in the backend (flow control) instead of being lost.
 */
#include "qemu/osdep.h"
#include "hw/char/ibex_uart.h"
#include "hw/qdev-properties.h"
#include "qapi/error.h"
#include "qemu/log.h"

/* Register offsets (QEMU >= 6.1: ALERT_TEST inserted at 0x0c) */
enum {
    IBEX_UART_INTR_STATE    = 0x00,
    IBEX_UART_INTR_ENABLE   = 0x04,
    IBEX_UART_INTR_TEST     = 0x08,
    IBEX_UART_ALERT_TEST    = 0x0c,
    IBEX_UART_CTRL          = 0x10,
    IBEX_UART_STATUS        = 0x14,
    IBEX_UART_RDATA         = 0x18,
    IBEX_UART_WDATA         = 0x1c,
    IBEX_UART_FIFO_CTRL     = 0x20,
    IBEX_UART_FIFO_STATUS   = 0x24,
    IBEX_UART_OVRD          = 0x28,
    IBEX_UART_VAL           = 0x2c,
    IBEX_UART_TIMEOUT_CTRL  = 0x30,
};

/* INTR_STATE / INTR_ENABLE / INTR_TEST bits, one per IRQ line */
#define INTR_TX_WATERMARK   (1u << 0)
#define INTR_RX_WATERMARK   (1u << 1)
#define INTR_TX_EMPTY       (1u << 2)
#define INTR_RX_OVERFLOW    (1u << 3)

#define CTRL_TX_ENABLE      (1u << 0)
#define CTRL_RX_ENABLE      (1u << 1)
#define CTRL_NF             (1u << 2)
#define CTRL_SLPBK          (1u << 4)
#define CTRL_LLPBK          (1u << 5)
#define CTRL_PARITY_EN      (1u << 6)
#define CTRL_PARITY_ODD     (1u << 7)
#define CTRL_RXBLVL_MASK    (3u << 8)
#define CTRL_NCO_SHIFT      16
#define CTRL_NCO_MASK       (0xffffu << CTRL_NCO_SHIFT)

#define STATUS_TXFULL       (1u << 0)
#define STATUS_RXFULL       (1u << 1)
#define STATUS_TXEMPTY      (1u << 2)
#define STATUS_TXIDLE       (1u << 3)   /* set at reset, never changed */
#define STATUS_RXIDLE       (1u << 4)
#define STATUS_RXEMPTY      (1u << 5)
#define STATUS_RESET        0x3c

#define FIFO_CTRL_RXRST     (1u << 0)
#define FIFO_CTRL_TXRST     (1u << 1)
#define FIFO_CTRL_RXILVL(v) (((v) >> 2) & 7)
#define FIFO_CTRL_TXILVL(v) (((v) >> 5) & 3)

#define FIFO_STATUS_TXLVL_SHIFT 0
#define FIFO_STATUS_RXLVL_SHIFT 16
#define FIFO_STATUS_LVL_MASK    0x1f

/* 10 bits per character at 230400 baud, in QEMU's integer arithmetic */
#define IBEX_UART_DEFAULT_CHAR_NS ((NANOSECONDS_PER_SECOND / 230400) * 10)

static void ibex_uart_update_irqs(IbexUartState *s)
{
    uint32_t active = s->intr_state & s->intr_enable;

    qemu_set_irq(s->tx_watermark, !!(active & INTR_TX_WATERMARK));
    qemu_set_irq(s->rx_watermark, !!(active & INTR_RX_WATERMARK));
    qemu_set_irq(s->tx_empty, !!(active & INTR_TX_EMPTY));
    qemu_set_irq(s->rx_overflow, !!(active & INTR_RX_OVERFLOW));
}

/* baud = NCO * f_clock / 2^20; character time = 10 bits at that rate */
static void ibex_uart_update_char_time(IbexUartState *s)
{
    uint64_t nco = (s->ctrl & CTRL_NCO_MASK) >> CTRL_NCO_SHIFT;
    uint64_t baud = (nco * IBEX_UART_CLOCK) >> 20;

    if (baud) {
        s->char_tx_time = (NANOSECONDS_PER_SECOND / baud) * 10;
    }
}

/* RX */

static int ibex_uart_can_receive(void *opaque)
{
    IbexUartState *s = opaque;

    /* one byte at a time, only while RX is on and RDATA is free */
    if ((s->ctrl & CTRL_RX_ENABLE) && !(s->status & STATUS_RXFULL)) {
        return 1;
    }
    return 0;
}

static void ibex_uart_receive(void *opaque, const uint8_t *buf, int size)
{
    IbexUartState *s = opaque;

    if (size < 1) {
        return;
    }
    s->rdata = buf[0];
    s->status &= ~(STATUS_RXIDLE | STATUS_RXEMPTY);
    s->status |= STATUS_RXFULL;
    s->rx_level++;
    /*
     * QUIRK (QEMU): the watermark compares the bytes of this delivery
     * (always 1) with the raw RXILVL field, so it fires only for RXILVL 0.
     * RX_OVERFLOW is never raised.
     */
    if (1 > FIFO_CTRL_RXILVL(s->fifo_ctrl)) {
        s->intr_state |= INTR_RX_WATERMARK;
    }
    ibex_uart_update_irqs(s);
}

/* RDATA read: free the holding register and let the backend go on. */
static uint32_t ibex_uart_read_rdata(IbexUartState *s)
{
    uint32_t value = s->rdata;

    if ((s->ctrl & CTRL_RX_ENABLE) && s->rx_level > 0) {
        s->rx_level--;
        s->status &= ~STATUS_RXFULL;
        if (s->rx_level == 0) {
            s->status |= STATUS_RXIDLE | STATUS_RXEMPTY;
        }
        qemu_chr_fe_accept_input(&s->chr);
    }
    return value;
}

/* TX */

static gboolean ibex_uart_xmit(GIOChannel *chan, GIOCondition cond,
                               void *opaque)
{
    IbexUartState *s = opaque;
    uint32_t txilvl = FIFO_CTRL_TXILVL(s->fifo_ctrl);
    int ret;

    s->tx_watch = 0;
    /* no backend: the bytes go nowhere at once */
    if (!qemu_chr_fe_backend_connected(&s->chr)) {
        s->tx_level = 0;
        return G_SOURCE_REMOVE;
    }
    if (!s->tx_level) {
        s->status &= ~STATUS_TXFULL;
        s->status |= STATUS_TXEMPTY;
        s->intr_state |= INTR_TX_EMPTY;
        s->intr_state &= ~INTR_TX_WATERMARK;
        ibex_uart_update_irqs(s);
        return G_SOURCE_REMOVE;
    }

    ret = qemu_chr_fe_write(&s->chr, s->tx_fifo, s->tx_level);
    if (ret > 0) {
        s->tx_level -= ret;
        memmove(s->tx_fifo, s->tx_fifo + ret, s->tx_level);
    }
    if (s->tx_level) {
        /* the backend is busy: go on when it can take more */
        s->tx_watch = qemu_chr_fe_add_watch(&s->chr, G_IO_OUT | G_IO_HUP,
                                            ibex_uart_xmit, s);
        if (!s->tx_watch) {
            s->tx_level = 0;
            return G_SOURCE_REMOVE;
        }
    }

    if (s->tx_level != IBEX_UART_TX_FIFO_SIZE) {
        s->status &= ~STATUS_TXFULL;
    }
    if (s->tx_level < txilvl) {
        s->intr_state &= ~INTR_TX_WATERMARK;
    }
    if (s->tx_level == 0) {
        s->status |= STATUS_TXEMPTY;
        s->intr_state |= INTR_TX_EMPTY;
    }
    ibex_uart_update_irqs(s);
    return G_SOURCE_REMOVE;
}

/* The character timer: drain the FIFO, but only while TX is enabled. */
static void ibex_uart_fifo_trigger(void *opaque)
{
    IbexUartState *s = opaque;

    if ((s->ctrl & CTRL_TX_ENABLE) && !s->tx_watch) {
        ibex_uart_xmit(NULL, G_IO_OUT, s);
    }
}

static void ibex_uart_write_tx_fifo(IbexUartState *s, uint8_t byte)
{
    int64_t now = qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL);

    if (s->tx_level >= IBEX_UART_TX_FIFO_SIZE) {
        /* QEMU's text, without a newline */
        qemu_log_mask(LOG_GUEST_ERROR, "ibex_uart: TX FIFO overflow");
    } else {
        s->tx_fifo[s->tx_level++] = byte;
    }
    if (s->tx_level > 0) {
        s->status &= ~STATUS_TXEMPTY;
    }
    /* QUIRK (QEMU): the raw TXILVL value (0..3) is the threshold */
    if (s->tx_level >= FIFO_CTRL_TXILVL(s->fifo_ctrl)) {
        s->intr_state |= INTR_TX_WATERMARK;
        ibex_uart_update_irqs(s);
    }
    if (s->tx_level == IBEX_UART_TX_FIFO_SIZE) {
        s->status |= STATUS_TXFULL;
    }
    /* every write restarts the countdown */
    timer_mod_ns(&s->fifo_trigger, now + s->char_tx_time * 4);
}

/* MMIO */

static uint64_t ibex_uart_read(void *opaque, hwaddr addr, unsigned size)
{
    IbexUartState *s = opaque;
    uint32_t value = 0;

    switch (addr) {
    case IBEX_UART_INTR_STATE:
        value = s->intr_state;
        break;
    case IBEX_UART_INTR_ENABLE:
        value = s->intr_enable;
        break;
    case IBEX_UART_INTR_TEST:
        /* QEMU's text (it names the wrong register) */
        qemu_log_mask(LOG_GUEST_ERROR, "%s: wdata is write only\n",
                      __func__);
        break;
    case IBEX_UART_CTRL:
        value = s->ctrl;
        break;
    case IBEX_UART_STATUS:
        value = s->status;
        break;
    case IBEX_UART_RDATA:
        value = ibex_uart_read_rdata(s);
        break;
    case IBEX_UART_WDATA:
        qemu_log_mask(LOG_GUEST_ERROR, "%s: wdata is write only\n",
                      __func__);
        break;
    case IBEX_UART_FIFO_CTRL:
        /* QUIRK (QEMU): stored raw, so RXRST/TXRST read back as written */
        value = s->fifo_ctrl;
        break;
    case IBEX_UART_FIFO_STATUS:
        value = s->fifo_status;
        value |= (s->rx_level & FIFO_STATUS_LVL_MASK) <<
                 FIFO_STATUS_RXLVL_SHIFT;
        value |= (s->tx_level & FIFO_STATUS_LVL_MASK) <<
                 FIFO_STATUS_TXLVL_SHIFT;
        qemu_log_mask(LOG_UNIMP, "%s: RX fifos are not supported\n",
                      __func__);
        break;
    case IBEX_UART_OVRD:
        value = s->ovrd;
        qemu_log_mask(LOG_UNIMP, "%s: ovrd is not supported\n", __func__);
        break;
    case IBEX_UART_VAL:
        value = s->val;
        qemu_log_mask(LOG_UNIMP, "%s: val is not supported\n", __func__);
        break;
    case IBEX_UART_TIMEOUT_CTRL:
        value = s->timeout_ctrl;
        qemu_log_mask(LOG_UNIMP, "%s: timeout_ctrl is not supported\n",
                      __func__);
        break;
    default:
        /* ALERT_TEST (0x0c) is not decoded by QEMU either */
        qemu_log_mask(LOG_GUEST_ERROR, "%s: Bad offset 0x%" HWADDR_PRIx "\n",
                      __func__, addr);
        break;
    }
    return value;
}

static void ibex_uart_write_ctrl(IbexUartState *s, uint32_t value)
{
    static const struct {
        uint32_t bit;
        const char *name;
    } unsupported[] = {
        { CTRL_NF, "UART_CTRL_NF" },
        { CTRL_SLPBK, "UART_CTRL_SLPBK" },
        { CTRL_LLPBK, "UART_CTRL_LLPBK" },
        { CTRL_PARITY_EN, "UART_CTRL_PARITY_EN" },
        { CTRL_PARITY_ODD, "UART_CTRL_PARITY_ODD" },
        { CTRL_RXBLVL_MASK, "UART_CTRL_RXBLVL" },
    };
    bool rx_was_on = s->ctrl & CTRL_RX_ENABLE;
    size_t i;

    s->ctrl = value;
    for (i = 0; i < ARRAY_SIZE(unsupported); i++) {
        if (value & unsupported[i].bit) {
            qemu_log_mask(LOG_UNIMP, "%s: %s is not supported\n",
                          __func__, unsupported[i].name);
        }
    }
    if (value & CTRL_NCO_MASK) {
        ibex_uart_update_char_time(s);
    }
    /* RX just switched on: the backend may deliver now */
    if (!rx_was_on && (value & CTRL_RX_ENABLE)) {
        qemu_chr_fe_accept_input(&s->chr);
    }
}

static void ibex_uart_write(void *opaque, hwaddr addr, uint64_t val64,
                            unsigned size)
{
    IbexUartState *s = opaque;
    uint32_t value = val64;

    switch (addr) {
    case IBEX_UART_INTR_STATE:
        s->intr_state &= ~value;    /* write 1 to clear */
        ibex_uart_update_irqs(s);
        break;
    case IBEX_UART_INTR_ENABLE:
        s->intr_enable = value;
        ibex_uart_update_irqs(s);
        break;
    case IBEX_UART_INTR_TEST:
        /* QUIRK (QEMU): every written bit is ORed in, even unknown ones */
        s->intr_state |= value;
        ibex_uart_update_irqs(s);
        break;
    case IBEX_UART_CTRL:
        ibex_uart_write_ctrl(s, value);
        break;
    case IBEX_UART_STATUS:
        qemu_log_mask(LOG_GUEST_ERROR, "%s: status is read only\n",
                      __func__);
        break;
    case IBEX_UART_RDATA:
        qemu_log_mask(LOG_GUEST_ERROR, "%s: rdata is read only\n", __func__);
        break;
    case IBEX_UART_WDATA:
        ibex_uart_write_tx_fifo(s, value & 0xff);
        break;
    case IBEX_UART_FIFO_CTRL:
        s->fifo_ctrl = value;
        if (value & FIFO_CTRL_RXRST) {
            /*
             * QEMU only zeroes the level here, leaving RXFULL set so that
             * RX stalls; we also free RDATA so input flows again.
             */
            s->rx_level = 0;
            s->status &= ~STATUS_RXFULL;
            s->status |= STATUS_RXIDLE | STATUS_RXEMPTY;
            qemu_log_mask(LOG_UNIMP, "%s: RX fifos are not supported\n",
                          __func__);
            qemu_chr_fe_accept_input(&s->chr);
        }
        if (value & FIFO_CTRL_TXRST) {
            s->tx_level = 0;
        }
        break;
    case IBEX_UART_FIFO_STATUS:
        qemu_log_mask(LOG_GUEST_ERROR, "%s: fifo_status is read only\n",
                      __func__);
        break;
    case IBEX_UART_OVRD:
        s->ovrd = value;
        qemu_log_mask(LOG_UNIMP, "%s: ovrd is not supported\n", __func__);
        break;
    case IBEX_UART_VAL:
        qemu_log_mask(LOG_GUEST_ERROR, "%s: val is read only\n", __func__);
        break;
    case IBEX_UART_TIMEOUT_CTRL:
        s->timeout_ctrl = value;
        qemu_log_mask(LOG_UNIMP, "%s: timeout_ctrl is not supported\n",
                      __func__);
        break;
    default:
        qemu_log_mask(LOG_GUEST_ERROR, "%s: Bad offset 0x%" HWADDR_PRIx "\n",
                      __func__, addr);
        break;
    }
}

/* 32-bit registers; narrower guest accesses are widened by the core */
static const MemoryRegionOps ibex_uart_ops = {
    .read = ibex_uart_read,
    .write = ibex_uart_write,
    .endianness = DEVICE_NATIVE_ENDIAN,
    .impl = {
        .min_access_size = 4,
        .max_access_size = 4,
    },
};

/* Life cycle */

static void ibex_uart_reset(DeviceState *dev)
{
    IbexUartState *s = IBEX_UART(dev);

    s->intr_state = 0;
    s->intr_enable = 0;
    s->ctrl = 0;
    s->status = STATUS_RESET;
    s->rdata = 0;
    s->fifo_ctrl = 0;
    s->fifo_status = 0;
    s->ovrd = 0;
    s->val = 0;
    s->timeout_ctrl = 0;
    s->tx_level = 0;
    s->rx_level = 0;
    s->char_tx_time = IBEX_UART_DEFAULT_CHAR_NS;
    ibex_uart_update_irqs(s);
}

static void ibex_uart_init(Object *obj)
{
    IbexUartState *s = IBEX_UART(obj);
    SysBusDevice *sbd = SYS_BUS_DEVICE(obj);

    /* QEMU's order: TX watermark, RX watermark, TX empty, RX overflow */
    sysbus_init_irq(sbd, &s->tx_watermark);
    sysbus_init_irq(sbd, &s->rx_watermark);
    sysbus_init_irq(sbd, &s->tx_empty);
    sysbus_init_irq(sbd, &s->rx_overflow);
    memory_region_init_io(&s->mmio, obj, &ibex_uart_ops, s, TYPE_IBEX_UART,
                          0x400);
    sysbus_init_mmio(sbd, &s->mmio);
    s->status = STATUS_RESET;
    s->char_tx_time = IBEX_UART_DEFAULT_CHAR_NS;
}

static void ibex_uart_realize(DeviceState *dev, Error **errp)
{
    IbexUartState *s = IBEX_UART(dev);

    timer_init_ns(&s->fifo_trigger, QEMU_CLOCK_VIRTUAL,
                  ibex_uart_fifo_trigger, s);
    s->timer_ready = true;
    qemu_chr_fe_set_handlers(&s->chr, ibex_uart_can_receive,
                             ibex_uart_receive, NULL, s);
}

static void ibex_uart_unrealize(DeviceState *dev)
{
    IbexUartState *s = IBEX_UART(dev);

    if (s->timer_ready) {
        timer_del(&s->fifo_trigger);
        s->timer_ready = false;
    }
    if (s->tx_watch) {
        g_source_remove(s->tx_watch);
        s->tx_watch = 0;
    }
    qemu_chr_fe_set_handlers(&s->chr, NULL, NULL, NULL, NULL);
}

static void ibex_uart_finalize(Object *obj)
{
    ibex_uart_unrealize(DEVICE(obj));
}

static const Property ibex_uart_props[] = {
    DEFINE_PROP_CHR("chardev", IbexUartState, chr),
    DEFINE_PROP_END_OF_LIST(),
};

static void ibex_uart_class_init(ObjectClass *oc, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(oc);

    /* user-creatable here (not in QEMU): QMP machines need it */
    dc->user_creatable = true;
    dc->realize = ibex_uart_realize;
    dc->unrealize = ibex_uart_unrealize;
    dc->reset = ibex_uart_reset;
    device_class_set_props(dc, ibex_uart_props);
}

static const TypeInfo ibex_uart_info = {
    .name = TYPE_IBEX_UART,
    .parent = TYPE_SYS_BUS_DEVICE,
    .instance_size = sizeof(IbexUartState),
    .instance_init = ibex_uart_init,
    .instance_finalize = ibex_uart_finalize,
    .class_init = ibex_uart_class_init,
};

static void ibex_uart_register_types(void)
{
    type_register_static(&ibex_uart_info);
}

type_init(ibex_uart_register_types)
