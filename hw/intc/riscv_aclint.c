/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * RISC-V ACLINT: "riscv.aclint.swi" (MSWI/SSWI) and "riscv.aclint.mtimer"
 * with QEMU 7.2's registers and reset, plus the legacy combined
 * "riscv.sifive.clint" of QEMU <= 6.1.  See include/hw/intc/riscv_aclint.h
 * and docs/system/devices/riscv-aclint.md.
 */
#include "qemu/osdep.h"
#include "hw/intc/riscv_aclint.h"
#include "hw/core/cpu.h"
#include "hw/irq.h"
#include "hw/qdev-properties.h"
#include "qapi/error.h"
#include "qemu/log.h"

/* CPU interrupt inputs (mip bit numbers) */
#define ACLINT_IRQ_S_SOFT 1
#define ACLINT_IRQ_M_SOFT 3
#define ACLINT_IRQ_M_TIMER 7

/* Helpers */

/* @a * @b / @c without intermediate overflow, saturating at UINT64_MAX. */
static uint64_t aclint_muldiv(uint64_t a, uint64_t b, uint64_t c)
{
    unsigned __int128 r = (unsigned __int128)a * b / c;

    return r > UINT64_MAX ? UINT64_MAX : (uint64_t)r;
}

/*
 * Drive @irq; when it is not wired and @fallback is set, drive input @n
 * of the CPU with index @hart instead (6.1 devices set mip directly).
 * The CPU is looked up now: it may have been created after the device.
 */
static void aclint_drive(qemu_irq irq, bool fallback, uint32_t hart, int n,
                         int level)
{
    if (fallback) {
        qemu_set_irq_or_cpu_input(irq, hart, n, level);
    } else {
        qemu_set_irq(irq, level);
    }
}

static bool aclint_check_harts(uint32_t num_harts, Error **errp)
{
    if (num_harts > RISCV_ACLINT_MAX_HARTS) {
        error_setg(errp, "num-harts %u is more than %d", num_harts,
                   RISCV_ACLINT_MAX_HARTS);
        return false;
    }
    return true;
}

/* MTIME / MTIMECMP core */

static uint64_t mtimer_rtc_raw(RISCVMTimerCore *c)
{
    return aclint_muldiv(qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL),
                         c->timebase_freq, NANOSECONDS_PER_SECOND);
}

static uint64_t mtimer_rtc(RISCVMTimerCore *c)
{
    return mtimer_rtc_raw(c) + c->time_delta;
}

static void mtimer_set_irq(RISCVMTimerCore *c, uint32_t i, int level)
{
    aclint_drive(c->irqs[i], c->cpu_fallback, c->hartid_base + i,
                 ACLINT_IRQ_M_TIMER, level);
}

/*
 * Store @value as hart @i's MTIMECMP and re-evaluate: raise the line at
 * once if MTIME has reached it, else lower it and arm the timer for the
 * moment it will (saturating at INT64_MAX ns).
 */
static void mtimer_write_timecmp(RISCVMTimerCore *c, uint32_t i,
                                 uint64_t value)
{
    RISCVMTimerHart *h = &c->harts[i];
    uint64_t rtc = mtimer_rtc(c);
    uint64_t diff, ns_diff;
    int64_t now;

    h->timecmp = value;
    if (value <= rtc) {
        timer_del(&h->timer);
        mtimer_set_irq(c, i, 1);
        return;
    }
    mtimer_set_irq(c, i, 0);
    if (!c->timebase_freq) {
        /* QEMU divides by zero here; a stopped MTIME never gets there */
        timer_del(&h->timer);
        return;
    }
    diff = value - rtc;
    ns_diff = aclint_muldiv(diff, NANOSECONDS_PER_SECOND, c->timebase_freq);
    now = qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL);
    if (ns_diff > (uint64_t)(INT64_MAX - now)) {
        timer_mod(&h->timer, INT64_MAX);
    } else {
        timer_mod(&h->timer, now + (int64_t)ns_diff);
    }
}

static void mtimer_expired(void *opaque)
{
    RISCVMTimerHart *h = opaque;

    mtimer_set_irq(h->core, h->index, 1);
}

/* MTIME changed: make it read @value and re-evaluate every hart. */
static void mtimer_write_time(RISCVMTimerCore *c, uint64_t value)
{
    uint32_t i;

    c->time_delta = value - mtimer_rtc_raw(c);
    for (i = 0; i < c->num_harts; i++) {
        mtimer_write_timecmp(c, i, c->harts[i].timecmp);
    }
}

static void mtimer_core_init(RISCVMTimerCore *c, DeviceState *dev,
                             uint32_t hartid_base, uint32_t num_harts,
                             uint32_t freq, bool cpu_fallback)
{
    uint32_t i;

    c->hartid_base = hartid_base;
    c->num_harts = num_harts;
    c->timebase_freq = freq;
    c->cpu_fallback = cpu_fallback;
    c->time_delta = 0;
    c->harts = g_new0(RISCVMTimerHart, num_harts);
    for (i = 0; i < num_harts; i++) {
        c->harts[i].core = c;
        c->harts[i].index = i;
        timer_init_ns(&c->harts[i].timer, QEMU_CLOCK_VIRTUAL,
                      mtimer_expired, &c->harts[i]);
    }
    c->irqs = g_new0(qemu_irq, num_harts);
    qdev_init_gpio_out(dev, c->irqs, num_harts);
}

static void mtimer_core_free(RISCVMTimerCore *c)
{
    uint32_t i;

    for (i = 0; c->harts && i < c->num_harts; i++) {
        timer_del(&c->harts[i].timer);
    }
    g_free(c->harts);
    g_free(c->irqs);
    c->harts = NULL;
    c->irqs = NULL;
}

/*
 * MTIMECMP access at @off within the comparator array: lo word at +0 (a
 * 64-bit access there covers both), hi word at +4.
 */
static uint64_t mtimer_read_timecmp(RISCVMTimerCore *c, hwaddr off,
                                    unsigned size)
{
    uint64_t cmp = c->harts[off >> 3].timecmp;

    if ((off & 7) == 0) {
        return size == 4 ? (uint32_t)cmp : cmp;
    }
    return cmp >> 32;
}

static void mtimer_write_timecmp_reg(RISCVMTimerCore *c, hwaddr off,
                                     uint64_t value, unsigned size,
                                     const char *who, hwaddr addr)
{
    uint32_t i = off >> 3;
    uint64_t cmp = c->harts[i].timecmp;

    if ((off & 7) == 0) {
        if (size == 4) {
            value = (cmp & ~0xffffffffull) | (uint32_t)value;
        }
        mtimer_write_timecmp(c, i, value);
    } else if (size == 4) {
        mtimer_write_timecmp(c, i, (value << 32) | (uint32_t)cmp);
    } else {
        qemu_log_mask(LOG_GUEST_ERROR, "%s: invalid timecmp_hi write: %08x\n",
                      who, (uint32_t)addr);
    }
}

static uint64_t mtimer_read_time(RISCVMTimerCore *c, bool hi, unsigned size)
{
    uint64_t rtc = mtimer_rtc(c);

    if (hi) {
        return rtc >> 32;
    }
    return size == 4 ? (uint32_t)rtc : rtc;
}

/* riscv.aclint.mtimer */

static uint64_t aclint_mtimer_read(void *opaque, hwaddr addr, unsigned size)
{
    RISCVAclintMTimerState *s = opaque;

    if (addr >= s->timecmp_base &&
        addr - s->timecmp_base < (uint64_t)s->num_harts * 8) {
        return mtimer_read_timecmp(&s->core, addr - s->timecmp_base, size);
    } else if (addr == s->time_base || addr == s->time_base + 4ull) {
        return mtimer_read_time(&s->core, addr != s->time_base, size);
    }
    qemu_log_mask(LOG_UNIMP, "aclint-mtimer: invalid read: %08x\n",
                  (uint32_t)addr);
    return 0;
}

static void aclint_mtimer_write(void *opaque, hwaddr addr, uint64_t value,
                                unsigned size)
{
    RISCVAclintMTimerState *s = opaque;
    uint64_t rtc;

    if (addr >= s->timecmp_base &&
        addr - s->timecmp_base < (uint64_t)s->num_harts * 8) {
        mtimer_write_timecmp_reg(&s->core, addr - s->timecmp_base, value,
                                 size, "aclint-mtimer", addr);
        return;
    }
    if (addr == s->time_base || addr == s->time_base + 4ull) {
        /* writable MTIME (QEMU >= 7.0): only the written half changes */
        rtc = mtimer_rtc(&s->core);
        if (addr == s->time_base) {
            if (size == 4) {
                value = (rtc & ~0xffffffffull) | (uint32_t)value;
            }
        } else if (size == 4) {
            value = (value << 32) | (uint32_t)rtc;
        } else {
            qemu_log_mask(LOG_GUEST_ERROR,
                          "aclint-mtimer: invalid time_hi write: %08x\n",
                          (uint32_t)addr);
            return;
        }
        mtimer_write_time(&s->core, value);
        return;
    }
    qemu_log_mask(LOG_UNIMP, "aclint-mtimer: invalid write: %08x\n",
                  (uint32_t)addr);
}

static const MemoryRegionOps aclint_mtimer_ops = {
    .read = aclint_mtimer_read,
    .write = aclint_mtimer_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .valid = {
        .min_access_size = 4,
        .max_access_size = 8,
    },
    .impl = {
        .min_access_size = 4,
        .max_access_size = 8,
    },
};

/* Reset: MTIME goes back to 0 (checked on 7.2); MTIMECMP is kept. */
static void aclint_mtimer_reset(DeviceState *dev)
{
    RISCVAclintMTimerState *s = RISCV_ACLINT_MTIMER(dev);

    if (s->core.harts) {
        mtimer_write_time(&s->core, 0);
    }
}

static void aclint_mtimer_realize(DeviceState *dev, Error **errp)
{
    RISCVAclintMTimerState *s = RISCV_ACLINT_MTIMER(dev);

    if (!aclint_check_harts(s->num_harts, errp)) {
        return;
    }
    memory_region_init_io(&s->mmio, OBJECT(dev), &aclint_mtimer_ops, s,
                          TYPE_RISCV_ACLINT_MTIMER, s->aperture_size);
    sysbus_init_mmio(SYS_BUS_DEVICE(dev), &s->mmio);
    /* QEMU arms its timers in the board helper; we do it here */
    mtimer_core_init(&s->core, dev, s->hartid_base, s->num_harts,
                     s->timebase_freq, false);
}

static void aclint_mtimer_finalize(Object *obj)
{
    mtimer_core_free(&RISCV_ACLINT_MTIMER(obj)->core);
}

static const Property aclint_mtimer_props[] = {
    DEFINE_PROP_UINT32("hartid-base", RISCVAclintMTimerState, hartid_base,
                       0),
    DEFINE_PROP_UINT32("num-harts", RISCVAclintMTimerState, num_harts, 1),
    DEFINE_PROP_UINT32("timecmp-base", RISCVAclintMTimerState, timecmp_base,
                       RISCV_ACLINT_DEFAULT_MTIMECMP),
    DEFINE_PROP_UINT32("time-base", RISCVAclintMTimerState, time_base,
                       RISCV_ACLINT_DEFAULT_MTIME),
    DEFINE_PROP_UINT32("aperture-size", RISCVAclintMTimerState,
                       aperture_size, RISCV_ACLINT_DEFAULT_MTIMER_SIZE),
    DEFINE_PROP_UINT32("timebase-freq", RISCVAclintMTimerState,
                       timebase_freq, 0),
    DEFINE_PROP_END_OF_LIST(),
};

static void aclint_mtimer_class_init(ObjectClass *oc, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(oc);

    dc->user_creatable = true;
    dc->realize = aclint_mtimer_realize;
    dc->reset = aclint_mtimer_reset;
    device_class_set_props(dc, aclint_mtimer_props);
}

/* riscv.aclint.swi */

static uint64_t aclint_swi_read(void *opaque, hwaddr addr, unsigned size)
{
    RISCVAclintSwiState *s = opaque;

    if (addr < (uint64_t)s->num_harts * 4) {
        /* QEMU reads the CPU's mip.MSIP: the level this device drives */
        return s->sswi ? 0 : s->level[addr >> 2];
    }
    qemu_log_mask(LOG_UNIMP, "aclint-swi: invalid read: %08x\n",
                  (uint32_t)addr);
    return 0;
}

static void aclint_swi_set(RISCVAclintSwiState *s, uint32_t i, bool level)
{
    s->level[i] = level;
    qemu_set_irq(s->soft_irqs[i], level);
}

static void aclint_swi_write(void *opaque, hwaddr addr, uint64_t value,
                             unsigned size)
{
    RISCVAclintSwiState *s = opaque;

    if (addr < (uint64_t)s->num_harts * 4) {
        if (value & 1) {
            aclint_swi_set(s, addr >> 2, true);
        } else if (!s->sswi) {
            /* SSWI: writing 0 does nothing (SETSSIP only sets) */
            aclint_swi_set(s, addr >> 2, false);
        }
        return;
    }
    qemu_log_mask(LOG_UNIMP, "aclint-swi: invalid write: %08x\n",
                  (uint32_t)addr);
}

static const MemoryRegionOps aclint_swi_ops = {
    .read = aclint_swi_read,
    .write = aclint_swi_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .valid = {
        .min_access_size = 4,
        .max_access_size = 4,
    },
};

/* Reset: every MSIP lowered (checked on 7.2); SSWI has no state. */
static void aclint_swi_reset(DeviceState *dev)
{
    RISCVAclintSwiState *s = RISCV_ACLINT_SWI(dev);
    uint32_t i;

    if (s->sswi || !s->level) {
        return;
    }
    for (i = 0; i < s->num_harts; i++) {
        aclint_swi_set(s, i, false);
    }
}

static void aclint_swi_realize(DeviceState *dev, Error **errp)
{
    RISCVAclintSwiState *s = RISCV_ACLINT_SWI(dev);

    if (!aclint_check_harts(s->num_harts, errp)) {
        return;
    }
    memory_region_init_io(&s->mmio, OBJECT(dev), &aclint_swi_ops, s,
                          TYPE_RISCV_ACLINT_SWI, RISCV_ACLINT_SWI_SIZE);
    sysbus_init_mmio(SYS_BUS_DEVICE(dev), &s->mmio);
    s->level = g_new0(bool, s->num_harts);
    s->soft_irqs = g_new0(qemu_irq, s->num_harts);
    qdev_init_gpio_out(dev, s->soft_irqs, s->num_harts);
}

static void aclint_swi_finalize(Object *obj)
{
    RISCVAclintSwiState *s = RISCV_ACLINT_SWI(obj);

    g_free(s->level);
    g_free(s->soft_irqs);
}

static const Property aclint_swi_props[] = {
    DEFINE_PROP_UINT32("hartid-base", RISCVAclintSwiState, hartid_base, 0),
    DEFINE_PROP_UINT32("num-harts", RISCVAclintSwiState, num_harts, 1),
    DEFINE_PROP_UINT32("sswi", RISCVAclintSwiState, sswi, 0),
    DEFINE_PROP_END_OF_LIST(),
};

static void aclint_swi_class_init(ObjectClass *oc, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(oc);

    dc->user_creatable = true;
    dc->realize = aclint_swi_realize;
    dc->reset = aclint_swi_reset;
    device_class_set_props(dc, aclint_swi_props);
}

/* riscv.sifive.clint (legacy, QEMU <= 6.1) */

static void clint_set_msip(SiFiveCLINTState *s, uint32_t i, bool level)
{
    s->msip[i] = level;
    aclint_drive(s->soft_irqs[i], true, s->hartid_base + i,
                 ACLINT_IRQ_M_SOFT, level);
}

static uint64_t clint_read(void *opaque, hwaddr addr, unsigned size)
{
    SiFiveCLINTState *s = opaque;

    if (addr >= s->sip_base &&
        addr - s->sip_base < (uint64_t)s->num_harts * 4) {
        hwaddr off = addr - s->sip_base;

        if ((off & 3) == 0) {
            return s->msip[off >> 2];
        }
    } else if (addr >= s->timecmp_base &&
               addr - s->timecmp_base < (uint64_t)s->num_harts * 8) {
        return mtimer_read_timecmp(&s->core, addr - s->timecmp_base, size);
    } else if (addr == s->time_base || addr == s->time_base + 4ull) {
        return mtimer_read_time(&s->core, addr != s->time_base, size);
    }
    qemu_log_mask(LOG_UNIMP, "clint: invalid read: %08x\n", (uint32_t)addr);
    return 0;
}

static void clint_write(void *opaque, hwaddr addr, uint64_t value,
                        unsigned size)
{
    SiFiveCLINTState *s = opaque;

    if (addr >= s->sip_base &&
        addr - s->sip_base < (uint64_t)s->num_harts * 4) {
        hwaddr off = addr - s->sip_base;

        if ((off & 3) == 0) {
            clint_set_msip(s, off >> 2, value & 1);
            return;
        }
    } else if (addr >= s->timecmp_base &&
               addr - s->timecmp_base < (uint64_t)s->num_harts * 8) {
        mtimer_write_timecmp_reg(&s->core, addr - s->timecmp_base, value,
                                 size, "clint", addr);
        return;
    } else if (addr == s->time_base || addr == s->time_base + 4ull) {
        /* 6.1: MTIME is read-only */
        qemu_log_mask(LOG_UNIMP, "clint: time write not implemented\n");
        return;
    }
    qemu_log_mask(LOG_UNIMP, "clint: invalid write: %08x\n", (uint32_t)addr);
}

static const MemoryRegionOps clint_ops = {
    .read = clint_read,
    .write = clint_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .valid = {
        .min_access_size = 4,
        .max_access_size = 8,
    },
    .impl = {
        .min_access_size = 4,
        .max_access_size = 8,
    },
};

static void clint_realize(DeviceState *dev, Error **errp)
{
    SiFiveCLINTState *s = SIFIVE_CLINT(dev);

    if (!aclint_check_harts(s->num_harts, errp)) {
        return;
    }
    memory_region_init_io(&s->mmio, OBJECT(dev), &clint_ops, s,
                          TYPE_SIFIVE_CLINT, s->aperture_size);
    sysbus_init_mmio(SYS_BUS_DEVICE(dev), &s->mmio);
    /* timer lines first, then soft lines; unwired ones drive the CPU */
    mtimer_core_init(&s->core, dev, s->hartid_base, s->num_harts,
                     s->timebase_freq, true);
    s->msip = g_new0(bool, s->num_harts);
    s->soft_irqs = g_new0(qemu_irq, s->num_harts);
    qdev_init_gpio_out(dev, s->soft_irqs, s->num_harts);
}

static void clint_finalize(Object *obj)
{
    SiFiveCLINTState *s = SIFIVE_CLINT(obj);

    mtimer_core_free(&s->core);
    g_free(s->msip);
    g_free(s->soft_irqs);
}

static const Property clint_props[] = {
    DEFINE_PROP_UINT32("hartid-base", SiFiveCLINTState, hartid_base, 0),
    DEFINE_PROP_UINT32("num-harts", SiFiveCLINTState, num_harts, 0),
    DEFINE_PROP_UINT32("sip-base", SiFiveCLINTState, sip_base, 0),
    DEFINE_PROP_UINT32("timecmp-base", SiFiveCLINTState, timecmp_base, 0),
    DEFINE_PROP_UINT32("time-base", SiFiveCLINTState, time_base, 0),
    DEFINE_PROP_UINT32("aperture-size", SiFiveCLINTState, aperture_size, 0),
    DEFINE_PROP_UINT32("timebase-freq", SiFiveCLINTState, timebase_freq, 0),
    DEFINE_PROP_END_OF_LIST(),
};

static void clint_class_init(ObjectClass *oc, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(oc);

    dc->user_creatable = true;
    dc->realize = clint_realize;
    /* 6.1 had no reset: MTIME keeps counting, MSIP keeps its value */
    device_class_set_props(dc, clint_props);
}

/* Registration */

static const TypeInfo aclint_types[] = {
    {
        .name = TYPE_RISCV_ACLINT_MTIMER,
        .parent = TYPE_SYS_BUS_DEVICE,
        .instance_size = sizeof(RISCVAclintMTimerState),
        .instance_finalize = aclint_mtimer_finalize,
        .class_init = aclint_mtimer_class_init,
    }, {
        .name = TYPE_RISCV_ACLINT_SWI,
        .parent = TYPE_SYS_BUS_DEVICE,
        .instance_size = sizeof(RISCVAclintSwiState),
        .instance_finalize = aclint_swi_finalize,
        .class_init = aclint_swi_class_init,
    }, {
        .name = TYPE_SIFIVE_CLINT,
        .parent = TYPE_SYS_BUS_DEVICE,
        .instance_size = sizeof(SiFiveCLINTState),
        .instance_finalize = clint_finalize,
        .class_init = clint_class_init,
    },
};

static void aclint_register_types(void)
{
    size_t i;

    for (i = 0; i < G_N_ELEMENTS(aclint_types); i++) {
        type_register_static(&aclint_types[i]);
    }
}

type_init(aclint_register_types)
