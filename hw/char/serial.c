/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * "serial-mm": the NS16550A UART, memory-mapped, with QEMU 7.2's
 * guest-visible behaviour.  See include/hw/char/serial.h and
 * docs/system/devices/serial-mm.md.
 *
 * TX: a THR write goes through the (16-byte or 1-byte) holding queue to
 * the shift register and on to the backend at once; no baud timing.  A
 * backend that cannot take the byte yet keeps it in the shift register
 * and a watch resumes the transfer, so bytes leave in order and none is
 * dropped while the guest respects LSR.THRE.
 * RX: the backend is offered exactly the free room (FIFO space, or the
 * empty receive buffer), so input waits in the backend, never overruns.
 */
#include "qemu/osdep.h"
#include "hw/char/serial.h"
#include "hw/irq.h"
#include "hw/qdev-properties.h"
#include "qapi/error.h"

/* Register numbers; the offset is (number << regshift) */
enum {
    UART_RBR_THR    = 0,    /* DLL with LCR.DLAB */
    UART_IER        = 1,    /* DLM with LCR.DLAB */
    UART_IIR_FCR    = 2,
    UART_LCR        = 3,
    UART_MCR        = 4,
    UART_LSR        = 5,
    UART_MSR        = 6,
    UART_SCR        = 7,
};

#define IER_RDI         0x01    /* received data available */
#define IER_THRI        0x02    /* THR empty */
#define IER_RLSI        0x04    /* receiver line status */
#define IER_MSI         0x08    /* modem status */

#define IIR_NO_INT      0x01
#define IIR_ID_MASK     0x06
#define IIR_MSI         0x00
#define IIR_THRI        0x02
#define IIR_RDI         0x04
#define IIR_RLSI        0x06
#define IIR_CTI         0x0c    /* character timeout */
#define IIR_FIFO_ON     0xc0

#define FCR_FE          0x01
#define FCR_RFR         0x02
#define FCR_XFR         0x04
#define FCR_STICKY      0xc9    /* trigger level, DMA mode, enable */

#define LCR_DLAB        0x80

#define MCR_DTR         0x01
#define MCR_RTS         0x02
#define MCR_OUT1        0x04
#define MCR_OUT2        0x08
#define MCR_LOOP        0x10

#define LSR_DR          0x01
#define LSR_OE          0x02
#define LSR_BI          0x10
#define LSR_THRE        0x20
#define LSR_TEMT        0x40
#define LSR_INT_ANY     0x1e    /* OE, PE, FE, BI */

#define MSR_DELTAS      0x0f
#define MSR_CTS         0x10
#define MSR_DSR         0x20
#define MSR_RI          0x40
#define MSR_DCD         0x80

/* Byte queues */

static void serial_fifo_reset(SerialFifo *f)
{
    f->head = 0;
    f->num = 0;
}

static void serial_fifo_push(SerialFifo *f, uint8_t byte)
{
    f->data[(f->head + f->num) % SERIAL_FIFO_SIZE] = byte;
    f->num++;
}

static uint8_t serial_fifo_pop(SerialFifo *f)
{
    uint8_t byte = f->data[f->head];

    f->head = (f->head + 1) % SERIAL_FIFO_SIZE;
    f->num--;
    return byte;
}

/* Interrupts */

static void serial_update_irq(SerialMM *s)
{
    uint8_t id = IIR_NO_INT;

    /* the 16550's priority order */
    if ((s->ier & IER_RLSI) && (s->lsr & LSR_INT_ANY)) {
        id = IIR_RLSI;
    } else if ((s->ier & IER_RDI) && s->timeout_ipending) {
        /* QEMU lets IER.RDI mask the timeout too */
        id = IIR_CTI;
    } else if ((s->ier & IER_RDI) && (s->lsr & LSR_DR) &&
               (!(s->fcr & FCR_FE) || s->rx.num >= s->rx_trigger)) {
        id = IIR_RDI;
    } else if ((s->ier & IER_THRI) && s->thr_ipending) {
        id = IIR_THRI;
    } else if ((s->ier & IER_MSI) && (s->msr & MSR_DELTAS)) {
        id = IIR_MSI;
    }
    s->iir = (s->iir & 0xf0) | id;
    qemu_set_irq(s->irq, id != IIR_NO_INT);
}

/* The character time follows the divisor and the frame format. */
static void serial_update_parameters(SerialMM *s)
{
    unsigned frame, speed;

    if (s->divider == 0 || s->divider > s->baudbase) {
        return;
    }
    /* start bit, 5-8 data bits, 1 or 2 stop bits, parity */
    frame = 1 + (s->lcr & 0x03) + 5 + ((s->lcr & 0x04) ? 2 : 1);
    if (s->lcr & 0x08) {
        frame++;
    }
    speed = s->baudbase / s->divider;
    s->char_time_ns = (NANOSECONDS_PER_SECOND / speed) * frame;
}

/* Whether the receiver listens to the backend. */
static bool serial_input_open(SerialMM *s)
{
    /* ours: in loopback the serial input is disconnected */
    return !(s->mcr & MCR_LOOP);
}

/* RX */

static void serial_rx_timeout_restart(SerialMM *s)
{
    timer_mod_ns(&s->fifo_timeout, qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL) +
                 s->char_time_ns * 4);
}

static void serial_receive_bytes(SerialMM *s, const uint8_t *buf, int size)
{
    int i;

    if (s->fcr & FCR_FE) {
        for (i = 0; i < size; i++) {
            /* an overrun keeps the FIFO's contents */
            if (s->rx.num < SERIAL_FIFO_SIZE) {
                serial_fifo_push(&s->rx, buf[i]);
            } else {
                s->lsr |= LSR_OE;
            }
        }
        s->lsr |= LSR_DR;
        serial_rx_timeout_restart(s);
    } else {
        for (i = 0; i < size; i++) {
            if (s->lsr & LSR_DR) {
                s->lsr |= LSR_OE;
            }
            s->rbr = buf[i];
            s->lsr |= LSR_DR;
        }
    }
    serial_update_irq(s);
}

static int serial_can_receive(void *opaque)
{
    SerialMM *s = opaque;

    if (!serial_input_open(s)) {
        return 0;
    }
    if (s->fcr & FCR_FE) {
        return SERIAL_FIFO_SIZE - s->rx.num;
    }
    return (s->lsr & LSR_DR) ? 0 : 1;
}

static void serial_receive(void *opaque, const uint8_t *buf, int size)
{
    serial_receive_bytes(opaque, buf, size);
}

static void serial_event(void *opaque, QEMUChrEvent event)
{
    SerialMM *s = opaque;

    if (event != CHR_EVENT_BREAK) {
        return;
    }
    /* a break reads as a NUL character with LSR.BI */
    s->rbr = 0;
    if (s->fcr & FCR_FE) {
        if (s->rx.num < SERIAL_FIFO_SIZE) {
            serial_fifo_push(&s->rx, 0);
        } else {
            s->lsr |= LSR_OE;
        }
    }
    s->lsr |= LSR_BI | LSR_DR;
    serial_update_irq(s);
}

/* Four character times without a read and data below the trigger level */
static void serial_fifo_timeout(void *opaque)
{
    SerialMM *s = opaque;

    if (s->rx.num) {
        s->timeout_ipending = true;
        serial_update_irq(s);
    }
}

/* Let the backend deliver again, unless the input is cut off. */
static void serial_accept_input(SerialMM *s)
{
    if (serial_input_open(s)) {
        qemu_chr_fe_accept_input(&s->chr);
    }
}

static uint8_t serial_read_rbr(SerialMM *s)
{
    uint8_t value;

    if (s->fcr & FCR_FE) {
        value = s->rx.num ? serial_fifo_pop(&s->rx) : 0;
        if (s->rx.num == 0) {
            s->lsr &= ~(LSR_DR | LSR_BI);
        } else {
            serial_rx_timeout_restart(s);
        }
        s->timeout_ipending = false;
    } else {
        value = s->rbr;
        s->lsr &= ~(LSR_DR | LSR_BI);
    }
    serial_update_irq(s);
    serial_accept_input(s);
    return value;
}

/* TX */

static void serial_tx_drain(SerialMM *s);

static gboolean serial_tx_watch_cb(GIOChannel *chan, GIOCondition cond,
                                   void *opaque)
{
    SerialMM *s = opaque;

    s->tx_watch = 0;
    serial_tx_drain(s);
    return G_SOURCE_REMOVE;
}

/*
 * Move bytes from the holding queue through the shift register to the
 * backend (or, in loopback, to the receiver) until the queue is empty or
 * the backend is busy.
 */
static void serial_tx_drain(SerialMM *s)
{
    int ret;

    while (s->tsr_busy || s->tx.num) {
        if (!s->tsr_busy) {
            s->tsr = serial_fifo_pop(&s->tx);
            s->tsr_busy = true;
            if (!s->tx.num) {
                /* the holding register just became empty */
                s->lsr |= LSR_THRE;
                if (!s->thr_ipending) {
                    s->thr_ipending = true;
                    serial_update_irq(s);
                }
            }
        }
        if (s->mcr & MCR_LOOP) {
            serial_receive_bytes(s, &s->tsr, 1);
        } else if (qemu_chr_fe_backend_connected(&s->chr)) {
            ret = qemu_chr_fe_write(&s->chr, &s->tsr, 1);
            if (ret == 0 || (ret < 0 && errno == EAGAIN)) {
                /* busy: go on when the backend is writable */
                s->tx_watch = qemu_chr_fe_add_watch(&s->chr,
                                                    G_IO_OUT | G_IO_HUP,
                                                    serial_tx_watch_cb, s);
                if (s->tx_watch) {
                    return;
                }
                /* a backend without watches: wait for it here */
                qemu_chr_fe_write_all(&s->chr, &s->tsr, 1);
            }
            /* other errors (a socket without a client) lose the byte */
        }
        /* without a backend the byte goes nowhere */
        s->tsr_busy = false;
    }
    s->lsr |= LSR_TEMT;
}

static void serial_write_thr(SerialMM *s, uint8_t value)
{
    unsigned room = (s->fcr & FCR_FE) ? SERIAL_FIFO_SIZE : 1;

    /* a write to a full queue replaces its oldest byte, as in QEMU */
    if (s->tx.num >= room) {
        serial_fifo_pop(&s->tx);
    }
    serial_fifo_push(&s->tx, value);
    s->thr_ipending = false;
    s->lsr &= ~(LSR_THRE | LSR_TEMT);
    serial_update_irq(s);
    if (!s->tx_watch) {
        serial_tx_drain(s);
    }
}

/* Other registers */

static void serial_write_ier(SerialMM *s, uint8_t value)
{
    uint8_t changed = (s->ier ^ value) & 0x0f;

    s->ier = value & 0x0f;
    /*
     * Enabling the THR-empty interrupt while THR is empty raises it, even
     * if an IIR read had acknowledged it (QEMU, for Windows' sake).
     */
    if (changed & IER_THRI) {
        s->thr_ipending = (s->ier & IER_THRI) && (s->lsr & LSR_THRE);
    }
    if (changed) {
        serial_update_irq(s);
    }
}

static void serial_write_fcr(SerialMM *s, uint8_t value)
{
    static const uint8_t trigger[4] = { 1, 4, 8, 14 };

    /* switching the FIFOs on or off empties both */
    if ((value ^ s->fcr) & FCR_FE) {
        value |= FCR_RFR | FCR_XFR;
    }
    if (value & FCR_RFR) {
        s->lsr &= ~(LSR_DR | LSR_BI);
        timer_del(&s->fifo_timeout);
        s->timeout_ipending = false;
        serial_fifo_reset(&s->rx);
    }
    if (value & FCR_XFR) {
        /* QUIRK (QEMU): latched whatever IER says */
        s->lsr |= LSR_THRE;
        s->thr_ipending = true;
        serial_fifo_reset(&s->tx);
    }
    s->fcr = value & FCR_STICKY;
    if (s->fcr & FCR_FE) {
        s->iir |= IIR_FIFO_ON;
        s->rx_trigger = trigger[s->fcr >> 6];
    } else {
        s->iir &= ~IIR_FIFO_ON;
    }
    serial_update_irq(s);
    serial_accept_input(s);
}

static void serial_write_mcr(SerialMM *s, uint8_t value)
{
    bool was_loop = s->mcr & MCR_LOOP;

    s->mcr = value & 0x1f;
    if (was_loop && !(s->mcr & MCR_LOOP)) {
        serial_accept_input(s);
    }
}

static uint8_t serial_read_msr(SerialMM *s)
{
    uint8_t value;

    if (s->mcr & MCR_LOOP) {
        /* the outputs looped back: DTR->DSR, RTS->CTS, OUT1->RI, OUT2->DCD */
        value = (s->mcr & (MCR_OUT1 | MCR_OUT2)) << 4;
        value |= (s->mcr & MCR_RTS) << 3;
        value |= (s->mcr & MCR_DTR) << 5;
        return value;
    }
    value = s->msr;
    if (s->msr & MSR_DELTAS) {
        s->msr &= ~MSR_DELTAS;
        serial_update_irq(s);
    }
    return value;
}

/* MMIO */

static uint64_t serial_mm_read(void *opaque, hwaddr addr, unsigned size)
{
    SerialMM *s = opaque;
    uint8_t value = 0;

    switch ((addr >> s->regshift) & 7) {
    case UART_RBR_THR:
        if (s->lcr & LCR_DLAB) {
            value = s->divider & 0xff;
        } else {
            value = serial_read_rbr(s);
        }
        break;
    case UART_IER:
        if (s->lcr & LCR_DLAB) {
            value = s->divider >> 8;
        } else {
            value = s->ier;
        }
        break;
    case UART_IIR_FCR:
        value = s->iir;
        /* reading IIR acknowledges a THR-empty interrupt it reports */
        if ((value & IIR_ID_MASK) == IIR_THRI) {
            s->thr_ipending = false;
            serial_update_irq(s);
        }
        break;
    case UART_LCR:
        value = s->lcr;
        break;
    case UART_MCR:
        value = s->mcr;
        break;
    case UART_LSR:
        value = s->lsr;
        /* reading LSR clears the error bits */
        if (s->lsr & (LSR_BI | LSR_OE)) {
            s->lsr &= ~(LSR_BI | LSR_OE);
            serial_update_irq(s);
        }
        break;
    case UART_MSR:
        value = serial_read_msr(s);
        break;
    case UART_SCR:
        value = s->scr;
        break;
    }
    return value;
}

static void serial_mm_write(void *opaque, hwaddr addr, uint64_t data,
                            unsigned size)
{
    SerialMM *s = opaque;
    uint8_t value = data;   /* only the low byte counts, at any width */

    switch ((addr >> s->regshift) & 7) {
    case UART_RBR_THR:
        if (s->lcr & LCR_DLAB) {
            s->divider = (s->divider & 0xff00) | value;
            serial_update_parameters(s);
        } else {
            serial_write_thr(s, value);
        }
        break;
    case UART_IER:
        if (s->lcr & LCR_DLAB) {
            s->divider = (s->divider & 0x00ff) | (value << 8);
            serial_update_parameters(s);
        } else {
            serial_write_ier(s, value);
        }
        break;
    case UART_IIR_FCR:
        serial_write_fcr(s, value);
        break;
    case UART_LCR:
        s->lcr = value;
        serial_update_parameters(s);
        break;
    case UART_MCR:
        serial_write_mcr(s, value);
        break;
    case UART_LSR:
    case UART_MSR:
        /* read-only */
        break;
    case UART_SCR:
        s->scr = value;
        break;
    }
}

/* QEMU's: 1 to 8 bytes, each access one register's byte */
#define SERIAL_MM_OPS(endian) {                 \
        .read = serial_mm_read,                 \
        .write = serial_mm_write,               \
        .endianness = (endian),                 \
        .valid.max_access_size = 8,             \
        .impl.max_access_size = 8,              \
    }

static const MemoryRegionOps serial_mm_ops[] = {
    [DEVICE_NATIVE_ENDIAN] = SERIAL_MM_OPS(DEVICE_NATIVE_ENDIAN),
    [DEVICE_BIG_ENDIAN] = SERIAL_MM_OPS(DEVICE_BIG_ENDIAN),
    [DEVICE_LITTLE_ENDIAN] = SERIAL_MM_OPS(DEVICE_LITTLE_ENDIAN),
};

/* Life cycle */

static void serial_mm_reset(DeviceState *dev)
{
    SerialMM *s = SERIAL_MM(dev);

    if (s->tx_watch) {
        g_source_remove(s->tx_watch);
        s->tx_watch = 0;
    }
    s->tsr_busy = false;
    s->rbr = 0;
    s->ier = 0;
    /* QUIRK (QEMU): FCR keeps its value, but IIR's FIFO bits read 0 */
    s->iir = IIR_NO_INT;
    s->lcr = 0;
    s->lsr = LSR_TEMT | LSR_THRE;
    s->msr = MSR_DCD | MSR_DSR | MSR_CTS;
    s->divider = 12;        /* 9600 baud from 115200, 8N1 */
    s->mcr = MCR_OUT2;
    s->scr = 0;
    s->char_time_ns = (NANOSECONDS_PER_SECOND / 9600) * 10;
    s->timeout_ipending = false;
    if (s->timer_ready) {
        timer_del(&s->fifo_timeout);
    }
    serial_fifo_reset(&s->rx);
    serial_fifo_reset(&s->tx);
    s->thr_ipending = false;
    qemu_set_irq(s->irq, 0);
    serial_accept_input(s);
}

static void serial_mm_init(Object *obj)
{
    SerialMM *s = SERIAL_MM(obj);

    sysbus_init_irq(SYS_BUS_DEVICE(obj), &s->irq);
    s->rx_trigger = 1;
}

static void serial_mm_realize(DeviceState *dev, Error **errp)
{
    SerialMM *s = SERIAL_MM(dev);

    /* ours: QEMU indexes its ops table or shifts without a check */
    if (s->endianness > DEVICE_LITTLE_ENDIAN) {
        error_setg(errp, "endianness %u is not 0 (native), 1 (big) or "
                   "2 (little)", s->endianness);
        return;
    }
    if (s->regshift > 28) {
        error_setg(errp, "regshift %u is too large (at most 28)",
                   s->regshift);
        return;
    }
    memory_region_init_io(&s->mmio, OBJECT(dev),
                          &serial_mm_ops[s->endianness], s, "serial",
                          8ull << s->regshift);
    sysbus_init_mmio(SYS_BUS_DEVICE(dev), &s->mmio);
    timer_init_ns(&s->fifo_timeout, QEMU_CLOCK_VIRTUAL, serial_fifo_timeout,
                  s);
    s->timer_ready = true;
    qemu_chr_fe_set_handlers(&s->chr, serial_can_receive, serial_receive,
                             serial_event, s);
    serial_mm_reset(dev);
}

static void serial_mm_unrealize(DeviceState *dev)
{
    SerialMM *s = SERIAL_MM(dev);

    if (s->timer_ready) {
        timer_del(&s->fifo_timeout);
        s->timer_ready = false;
    }
    if (s->tx_watch) {
        g_source_remove(s->tx_watch);
        s->tx_watch = 0;
    }
    qemu_chr_fe_set_handlers(&s->chr, NULL, NULL, NULL, NULL);
}

static void serial_mm_finalize(Object *obj)
{
    serial_mm_unrealize(DEVICE(obj));
}

static const Property serial_mm_props[] = {
    DEFINE_PROP_UINT8("regshift", SerialMM, regshift, 0),
    DEFINE_PROP_UINT8("endianness", SerialMM, endianness,
                      DEVICE_NATIVE_ENDIAN),
    DEFINE_PROP_UINT32("baudbase", SerialMM, baudbase, 115200),
    DEFINE_PROP_CHR("chardev", SerialMM, chr),
    /* there is no suspend to wake up from: accepted for QEMU's sake */
    DEFINE_PROP_BOOL("wakeup", SerialMM, wakeup, false),
    DEFINE_PROP_END_OF_LIST(),
};

static void serial_mm_class_init(ObjectClass *oc, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(oc);

    /* user-creatable here (not in QEMU): QMP machines need it */
    dc->user_creatable = true;
    dc->realize = serial_mm_realize;
    dc->unrealize = serial_mm_unrealize;
    dc->reset = serial_mm_reset;
    device_class_set_props(dc, serial_mm_props);
}

static const TypeInfo serial_mm_info = {
    .name = TYPE_SERIAL_MM,
    .parent = TYPE_SYS_BUS_DEVICE,
    .instance_size = sizeof(SerialMM),
    .instance_init = serial_mm_init,
    .instance_finalize = serial_mm_finalize,
    .class_init = serial_mm_class_init,
};

static void serial_mm_register_types(void)
{
    type_register_static(&serial_mm_info);
}

type_init(serial_mm_register_types)
