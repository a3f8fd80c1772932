/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * "ibex-timer": the OpenTitan rv_timer with QEMU's guest-visible
 * behaviour (7.x layout).  See include/hw/timer/ibex_timer.h and
 * docs/system/devices/ibex-timer.md.
 *
 * mtime is the virtual clock scaled to timebase-freq; it always runs and
 * ignores CTRL, PRESCALE and STEP.  While CTRL.ACTIVE is set, a compare
 * write arms a virtual-clock timer for the moment mtime reaches the
 * compare value; then MTIP rises and, if enabled, the interrupt.
 */
#include "qemu/osdep.h"
#include "hw/timer/ibex_timer.h"
#include "hw/core/cpu.h"
#include "hw/qdev-properties.h"
#include "qapi/error.h"
#include "qemu/log.h"

/* Register offsets (7.x: ALERT_TEST first, CTRL moved to 0x004) */
enum {
    IBEX_TIMER_ALERT_TEST       = 0x000,
    IBEX_TIMER_CTRL             = 0x004,
    IBEX_TIMER_CFG0             = 0x100,
    IBEX_TIMER_LOWER0           = 0x104,
    IBEX_TIMER_UPPER0           = 0x108,
    IBEX_TIMER_COMPARE_LOWER0   = 0x10c,
    IBEX_TIMER_COMPARE_UPPER0   = 0x110,
    IBEX_TIMER_INTR_ENABLE      = 0x114,
    IBEX_TIMER_INTR_STATE       = 0x118,
    IBEX_TIMER_INTR_TEST        = 0x11c,
};

#define CTRL_ACTIVE     (1u << 0)
#define INTR_IE_0       (1u << 0)
#define INTR_IS_0       (1u << 0)
#define INTR_T_0        (1u << 0)
#define CFG0_RESET      0x00010000  /* PRESCALE 0, STEP 1 */

/* @a * @b / @c without overflow, saturating at INT64_MAX */
static int64_t ibex_timer_muldiv(uint64_t a, uint64_t b, uint64_t c)
{
    unsigned __int128 r = (unsigned __int128)a * b / c;

    return r > INT64_MAX ? INT64_MAX : (int64_t)r;
}

/* mtime: virtual nanoseconds at timebase-freq */
static uint64_t ibex_timer_mtime(IbexTimerState *s)
{
    return ibex_timer_muldiv(qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL),
                             s->timebase_freq, NANOSECONDS_PER_SECOND);
}

/* Drive MTIP: the GPIO output, or CPU 0's input when unwired (6.1). */
static void ibex_timer_set_mtip(IbexTimerState *s, int level)
{
    qemu_set_irq_or_cpu_input(s->m_timer_irq, IBEX_TIMER_HART,
                              IBEX_TIMER_CPU_MTIP, level);
}

/* mtime reached mtimecmp */
static void ibex_timer_expired(IbexTimerState *s)
{
    ibex_timer_set_mtip(s, 1);
    if (s->intr_enable & INTR_IE_0) {
        s->intr_state |= INTR_IS_0;
        qemu_set_irq(s->irq, 1);
    }
}

/*
 * Compare writes (and reset) land here.  With CTRL.ACTIVE clear nothing
 * happens and the lines stay as they are.
 */
static void ibex_timer_update(IbexTimerState *s)
{
    uint64_t now = ibex_timer_mtime(s);
    int64_t now_ns, delta_ns;

    if (!(s->ctrl & CTRL_ACTIVE)) {
        return;
    }
    s->mtimecmp = ((uint64_t)s->compare_upper0 << 32) | s->compare_lower0;
    if (s->mtimecmp <= now) {
        ibex_timer_expired(s);
        return;
    }
    ibex_timer_set_mtip(s, 0);
    qemu_set_irq(s->irq, 0);
    /*
     * QEMU's deadline arithmetic overflows for huge compare values and
     * fires at once; we saturate, and a deadline beyond the end of the
     * 64-bit nanosecond clock is never reached, so no timer is armed.
     */
    now_ns = qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL);
    delta_ns = ibex_timer_muldiv(s->mtimecmp - now, NANOSECONDS_PER_SECOND,
                                 s->timebase_freq);
    if (delta_ns >= INT64_MAX - now_ns) {
        timer_del(&s->mtimer);
    } else {
        timer_mod_ns(&s->mtimer, now_ns + delta_ns);
    }
}

static void ibex_timer_cb(void *opaque)
{
    ibex_timer_expired(opaque);
}

/* MMIO */

static uint64_t ibex_timer_read(void *opaque, hwaddr addr, unsigned size)
{
    IbexTimerState *s = opaque;

    switch (addr) {
    case IBEX_TIMER_ALERT_TEST:
        /* QEMU's texts, without a newline */
        qemu_log_mask(LOG_GUEST_ERROR,
                      "Attempted to read ALERT_TEST, a write only register");
        return 0;
    case IBEX_TIMER_CTRL:
        return s->ctrl;
    case IBEX_TIMER_CFG0:
        return s->cfg0;
    case IBEX_TIMER_LOWER0:
        return (uint32_t)ibex_timer_mtime(s);
    case IBEX_TIMER_UPPER0:
        return ibex_timer_mtime(s) >> 32;
    case IBEX_TIMER_COMPARE_LOWER0:
        return s->compare_lower0;
    case IBEX_TIMER_COMPARE_UPPER0:
        return s->compare_upper0;
    case IBEX_TIMER_INTR_ENABLE:
        return s->intr_enable;
    case IBEX_TIMER_INTR_STATE:
        return s->intr_state;
    case IBEX_TIMER_INTR_TEST:
        qemu_log_mask(LOG_GUEST_ERROR,
                      "Attempted to read INTR_TEST, a write only register");
        return 0;
    default:
        qemu_log_mask(LOG_GUEST_ERROR, "%s: Bad offset 0x%" HWADDR_PRIx "\n",
                      __func__, addr);
        return 0;
    }
}

static void ibex_timer_write(void *opaque, hwaddr addr, uint64_t val64,
                             unsigned size)
{
    IbexTimerState *s = opaque;
    uint32_t value = val64;

    switch (addr) {
    case IBEX_TIMER_ALERT_TEST:
        qemu_log_mask(LOG_UNIMP, "Alert triggering not supported");
        break;
    case IBEX_TIMER_CTRL:
        /* QUIRK (QEMU): no re-evaluation; set ACTIVE before the compare */
        s->ctrl = value;
        break;
    case IBEX_TIMER_CFG0:
        qemu_log_mask(LOG_UNIMP, "Changing prescale or step not supported");
        s->cfg0 = value;
        break;
    case IBEX_TIMER_LOWER0:
    case IBEX_TIMER_UPPER0:
        qemu_log_mask(LOG_UNIMP, "Changing timer value is not supported");
        break;
    case IBEX_TIMER_COMPARE_LOWER0:
        s->compare_lower0 = value;
        ibex_timer_update(s);
        break;
    case IBEX_TIMER_COMPARE_UPPER0:
        s->compare_upper0 = value;
        ibex_timer_update(s);
        break;
    case IBEX_TIMER_INTR_ENABLE:
        /* no re-evaluation either */
        s->intr_enable = value;
        break;
    case IBEX_TIMER_INTR_STATE:
        /* QUIRK (QEMU): write 1 to clear, but the IRQ line stays up */
        s->intr_state &= ~value;
        break;
    case IBEX_TIMER_INTR_TEST:
        if (s->intr_enable & value & INTR_T_0) {
            s->intr_state |= INTR_IS_0;
            qemu_set_irq(s->irq, 1);
        }
        break;
    default:
        qemu_log_mask(LOG_GUEST_ERROR, "%s: Bad offset 0x%" HWADDR_PRIx "\n",
                      __func__, addr);
        break;
    }
}

static const MemoryRegionOps ibex_timer_ops = {
    .read = ibex_timer_read,
    .write = ibex_timer_write,
    .endianness = DEVICE_NATIVE_ENDIAN,
    .impl = {
        .min_access_size = 4,
        .max_access_size = 4,
    },
};

/* Life cycle */

static void ibex_timer_reset(DeviceState *dev)
{
    IbexTimerState *s = IBEX_TIMER(dev);

    timer_del(&s->mtimer);
    s->mtimecmp = 0;
    s->ctrl = 0;
    s->cfg0 = CFG0_RESET;
    s->compare_lower0 = 0xffffffff;
    s->compare_upper0 = 0xffffffff;
    s->intr_enable = 0;
    s->intr_state = 0;
    /* QEMU leaves the lines alone; ours follow the reset state */
    ibex_timer_set_mtip(s, 0);
    qemu_set_irq(s->irq, 0);
    ibex_timer_update(s);
}

static void ibex_timer_init(Object *obj)
{
    IbexTimerState *s = IBEX_TIMER(obj);

    sysbus_init_irq(SYS_BUS_DEVICE(obj), &s->irq);
    memory_region_init_io(&s->mmio, obj, &ibex_timer_ops, s, TYPE_IBEX_TIMER,
                          0x400);
    sysbus_init_mmio(SYS_BUS_DEVICE(obj), &s->mmio);
    s->cfg0 = CFG0_RESET;
    s->compare_lower0 = 0xffffffff;
    s->compare_upper0 = 0xffffffff;
}

static void ibex_timer_realize(DeviceState *dev, Error **errp)
{
    IbexTimerState *s = IBEX_TIMER(dev);

    if (!s->timebase_freq) {
        error_setg(errp, "ibex-timer: 'timebase-freq' must be non-zero");
        return;
    }
    qdev_init_gpio_out(dev, &s->m_timer_irq, 1);
    timer_init_ns(&s->mtimer, QEMU_CLOCK_VIRTUAL, ibex_timer_cb, s);
    s->timer_ready = true;
}

static void ibex_timer_unrealize(DeviceState *dev)
{
    IbexTimerState *s = IBEX_TIMER(dev);

    if (s->timer_ready) {
        timer_del(&s->mtimer);
        s->timer_ready = false;
    }
}

static void ibex_timer_finalize(Object *obj)
{
    ibex_timer_unrealize(DEVICE(obj));
}

static const Property ibex_timer_props[] = {
    DEFINE_PROP_UINT32("timebase-freq", IbexTimerState, timebase_freq,
                       10000),
    DEFINE_PROP_END_OF_LIST(),
};

static void ibex_timer_class_init(ObjectClass *oc, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(oc);

    /* user-creatable here (not in QEMU): QMP machines need it */
    dc->user_creatable = true;
    dc->realize = ibex_timer_realize;
    dc->unrealize = ibex_timer_unrealize;
    dc->reset = ibex_timer_reset;
    device_class_set_props(dc, ibex_timer_props);
}

static const TypeInfo ibex_timer_info = {
    .name = TYPE_IBEX_TIMER,
    .parent = TYPE_SYS_BUS_DEVICE,
    .instance_size = sizeof(IbexTimerState),
    .instance_init = ibex_timer_init,
    .instance_finalize = ibex_timer_finalize,
    .class_init = ibex_timer_class_init,
};

static void ibex_timer_register_types(void)
{
    type_register_static(&ibex_timer_info);
}

type_init(ibex_timer_register_types)
