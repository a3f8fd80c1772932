/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * "ibex-plic": the OpenTitan interrupt controller with QEMU 6.1/6.2's
 * guest-visible behaviour, quirks included.  See
 * include/hw/intc/ibex_plic.h and docs/system/devices/ibex-plic.md.
 *
 * One context: pending bits latch on a high input level and clear only
 * by a claim; the winner is re-evaluated after every register access and
 * input change, and drives every output (or, unwired, each CPU's MEIP).
 */
#include "qemu/osdep.h"
#include "hw/intc/ibex_plic.h"
#include "hw/core/cpu.h"
#include "hw/qdev-properties.h"
#include "qapi/error.h"
#include "qemu/log.h"

/* The MMIO window is fixed, whatever the properties say */
#define IBEX_PLIC_MMIO_SIZE 0x400
/* Sanity bounds on the sizing properties (QEMU has none) */
#define IBEX_PLIC_MAX_WORDS (IBEX_PLIC_MMIO_SIZE / 4)
#define IBEX_PLIC_MAX_SOURCES 8192
#define IBEX_PLIC_MAX_CPUS 4096

/* Does @addr fall in the @num words from @base? */
static bool ibex_plic_in_window(hwaddr addr, uint32_t base, uint32_t num)
{
    return addr >= base && addr < (uint64_t)base + 4ull * num;
}

static bool ibex_plic_bit(const uint32_t *words, uint32_t nwords,
                          uint32_t n)
{
    return n / 32 < nwords && (words[n / 32] >> (n % 32)) & 1;
}

static void ibex_plic_set_bit(uint32_t *words, uint32_t nwords, uint32_t n,
                              bool value)
{
    if (n / 32 >= nwords) {
        return;
    }
    if (value) {
        words[n / 32] |= 1u << (n % 32);
    } else {
        words[n / 32] &= ~(1u << (n % 32));
    }
}

/*
 * Find the winner above the threshold.  QUIRK (QEMU): per pending word
 * only its lowest pending bit is a candidate, whether or not that source
 * is enabled (the word only needs some pending and enabled bit).  A
 * winner is latched in CLAIM; when there is none CLAIM keeps its old
 * value (QUIRK: a claim may then return a stale ID).
 */
static bool ibex_plic_evaluate(IbexPlicState *s)
{
    uint32_t best_prio = s->threshold;
    uint32_t winner = 0;
    uint32_t w;

    for (w = 0; w < s->pending_num; w++) {
        uint32_t enable = w < s->enable_num ? s->enable[w] : 0;
        uint32_t candidate, prio;

        if (!(s->pending[w] & enable)) {
            continue;
        }
        candidate = w * 32 + __builtin_ctz(s->pending[w]);
        prio = candidate < s->priority_num ? s->priority[candidate] : 0;
        if (prio > best_prio) {
            winner = candidate;
            best_prio = prio;
        }
    }
    if (winner) {
        s->claim = winner;
        return true;
    }
    return false;
}

/* Drive output @i, or CPU @i's MEIP when the output is not wired (6.1). */
static void ibex_plic_drive(IbexPlicState *s, uint32_t i, int level)
{
    qemu_set_irq_or_cpu_input(s->external_irqs[i], i, IBEX_PLIC_CPU_MEIP,
                              level);
}

static void ibex_plic_update(IbexPlicState *s)
{
    int level = ibex_plic_evaluate(s);
    uint32_t i;

    /* the single context's level goes to every hart */
    for (i = 0; i < s->num_cpus; i++) {
        ibex_plic_drive(s, i, level);
    }
}

/* Claim: take CLAIM, mark it claimed, clear its pending bit. */
static uint32_t ibex_plic_claim(IbexPlicState *s)
{
    uint32_t id = s->claim;

    /* QUIRK (QEMU): with nothing latched this claims source 0 */
    ibex_plic_set_bit(s->pending, s->pending_num, id, false);
    ibex_plic_set_bit(s->claimed, s->pending_num, id, true);
    s->claim = 0;
    ibex_plic_update(s);
    return id;
}

/* Complete: release @id; a level seen while it was claimed comes back. */
static void ibex_plic_complete(IbexPlicState *s, uint32_t id)
{
    if (s->claim == id) {
        s->claim = 0;
    }
    if (ibex_plic_bit(s->claimed, s->pending_num, id)) {
        ibex_plic_set_bit(s->claimed, s->pending_num, id, false);
        if (ibex_plic_bit(s->hidden_pending, s->pending_num, id)) {
            ibex_plic_set_bit(s->pending, s->pending_num, id, true);
        }
    }
}

/* MMIO: windows are matched in this order, the first one wins */

static uint64_t ibex_plic_read(void *opaque, hwaddr addr, unsigned size)
{
    IbexPlicState *s = opaque;

    if (ibex_plic_in_window(addr, s->pending_base, s->pending_num)) {
        return s->pending[(addr - s->pending_base) / 4];
    }
    if (ibex_plic_in_window(addr, s->source_base, s->source_num)) {
        qemu_log_mask(LOG_UNIMP, "%s: Interrupt source mode not supported\n",
                      __func__);
        return 0;
    }
    if (ibex_plic_in_window(addr, s->priority_base, s->priority_num)) {
        /* reads see the register's own source (unlike writes) */
        return s->priority[(addr - s->priority_base) / 4];
    }
    if (ibex_plic_in_window(addr, s->enable_base, s->enable_num)) {
        return s->enable[(addr - s->enable_base) / 4];
    }
    if (ibex_plic_in_window(addr, s->threshold_base, 1)) {
        return s->threshold;
    }
    if (ibex_plic_in_window(addr, s->claim_base, 1)) {
        return ibex_plic_claim(s);
    }
    /* QEMU reads other offsets (MSIP0 included) as 0, silently */
    return 0;
}

static void ibex_plic_write(void *opaque, hwaddr addr, uint64_t val64,
                            unsigned size)
{
    IbexPlicState *s = opaque;
    uint32_t value = val64;

    if (ibex_plic_in_window(addr, s->pending_base, s->pending_num)) {
        qemu_log_mask(LOG_GUEST_ERROR,
                      "%s: Pending registers are read only\n", __func__);
    } else if (ibex_plic_in_window(addr, s->source_base, s->source_num)) {
        qemu_log_mask(LOG_UNIMP, "%s: Interrupt source mode not supported\n",
                      __func__);
    } else if (ibex_plic_in_window(addr, s->priority_base,
                                   s->priority_num)) {
        /*
         * QUIRK (QEMU): a write to PRIO_k sets the priority of source
         * k + 1, masked to 3 bits.  The last register has no k + 1.
         */
        uint32_t src = (addr - s->priority_base) / 4 + 1;

        if (src < s->priority_num) {
            s->priority[src] = value & 7;
        } else {
            qemu_log_mask(LOG_GUEST_ERROR,
                          "%s: no source %u for priority register 0x%"
                          HWADDR_PRIx "\n", __func__, src, addr);
        }
    } else if (ibex_plic_in_window(addr, s->enable_base, s->enable_num)) {
        s->enable[(addr - s->enable_base) / 4] = value;
    } else if (ibex_plic_in_window(addr, s->threshold_base, 1)) {
        s->threshold = value & 3;
    } else if (ibex_plic_in_window(addr, s->claim_base, 1)) {
        ibex_plic_complete(s, value);
    }
    /* every write, even an ignored one, re-evaluates */
    ibex_plic_update(s);
}

static const MemoryRegionOps ibex_plic_ops = {
    .read = ibex_plic_read,
    .write = ibex_plic_write,
    .endianness = DEVICE_NATIVE_ENDIAN,
    .valid = {
        .min_access_size = 4,
        .max_access_size = 4,
    },
};

/* GPIO inputs: a high level latches pending (or hidden-pending) */

static void ibex_plic_irq_request(void *opaque, int irq, int level)
{
    IbexPlicState *s = opaque;
    uint32_t n = irq;

    if (!level) {
        /* QUIRK (QEMU): a low level never clears the pending bit */
        ibex_plic_set_bit(s->hidden_pending, s->pending_num, n, false);
    } else if (ibex_plic_bit(s->claimed, s->pending_num, n)) {
        /* claimed, not completed: remember it for the completion */
        ibex_plic_set_bit(s->hidden_pending, s->pending_num, n, true);
    } else {
        ibex_plic_set_bit(s->pending, s->pending_num, n, true);
    }
    ibex_plic_update(s);
}

/* Life cycle */

/*
 * QEMU resets only THRESHOLD and CLAIM: pending, priority and enable
 * survive a reset, and the outputs are not re-evaluated.
 */
static void ibex_plic_reset(DeviceState *dev)
{
    IbexPlicState *s = IBEX_PLIC(dev);

    s->threshold = 0;
    s->claim = 0;
}

static void ibex_plic_init(Object *obj)
{
    IbexPlicState *s = IBEX_PLIC(obj);

    memory_region_init_io(&s->mmio, obj, &ibex_plic_ops, s, TYPE_IBEX_PLIC,
                          IBEX_PLIC_MMIO_SIZE);
    sysbus_init_mmio(SYS_BUS_DEVICE(obj), &s->mmio);
}

static bool ibex_plic_check_num(const char *name, uint32_t value,
                                uint32_t max, Error **errp)
{
    if (value > max) {
        error_setg(errp, "ibex-plic: '%s' must be at most %u", name, max);
        return false;
    }
    return true;
}

static void ibex_plic_realize(DeviceState *dev, Error **errp)
{
    IbexPlicState *s = IBEX_PLIC(dev);

    if (!ibex_plic_check_num("num-cpus", s->num_cpus, IBEX_PLIC_MAX_CPUS,
                             errp) ||
        !ibex_plic_check_num("num-sources", s->num_sources,
                             IBEX_PLIC_MAX_SOURCES, errp) ||
        !ibex_plic_check_num("pending-num", s->pending_num,
                             IBEX_PLIC_MAX_WORDS, errp) ||
        !ibex_plic_check_num("source-num", s->source_num,
                             IBEX_PLIC_MAX_WORDS, errp) ||
        !ibex_plic_check_num("priority-num", s->priority_num,
                             IBEX_PLIC_MAX_WORDS, errp) ||
        !ibex_plic_check_num("enable-num", s->enable_num,
                             IBEX_PLIC_MAX_WORDS, errp)) {
        return;
    }
    s->pending = g_new0(uint32_t, s->pending_num);
    s->hidden_pending = g_new0(uint32_t, s->pending_num);
    s->claimed = g_new0(uint32_t, s->pending_num);
    s->priority = g_new0(uint32_t, s->priority_num);
    s->enable = g_new0(uint32_t, s->enable_num);
    qdev_init_gpio_in(dev, ibex_plic_irq_request, s->num_sources);
    s->external_irqs = g_new0(qemu_irq, s->num_cpus);
    qdev_init_gpio_out(dev, s->external_irqs, s->num_cpus);
}

static void ibex_plic_finalize(Object *obj)
{
    IbexPlicState *s = IBEX_PLIC(obj);

    g_free(s->pending);
    g_free(s->hidden_pending);
    g_free(s->claimed);
    g_free(s->priority);
    g_free(s->enable);
    g_free(s->external_irqs);
}

/* The 6.1 defaults (6.0: 80 sources and the smaller map) */
static const Property ibex_plic_props[] = {
    DEFINE_PROP_UINT32("num-cpus", IbexPlicState, num_cpus, 1),
    DEFINE_PROP_UINT32("num-sources", IbexPlicState, num_sources, 176),
    DEFINE_PROP_UINT32("pending-base", IbexPlicState, pending_base, 0x000),
    DEFINE_PROP_UINT32("pending-num", IbexPlicState, pending_num, 6),
    DEFINE_PROP_UINT32("source-base", IbexPlicState, source_base, 0x018),
    DEFINE_PROP_UINT32("source-num", IbexPlicState, source_num, 6),
    DEFINE_PROP_UINT32("priority-base", IbexPlicState, priority_base, 0x030),
    DEFINE_PROP_UINT32("priority-num", IbexPlicState, priority_num, 177),
    DEFINE_PROP_UINT32("enable-base", IbexPlicState, enable_base, 0x300),
    DEFINE_PROP_UINT32("enable-num", IbexPlicState, enable_num, 6),
    DEFINE_PROP_UINT32("threshold-base", IbexPlicState, threshold_base,
                       0x318),
    DEFINE_PROP_UINT32("claim-base", IbexPlicState, claim_base, 0x31c),
    DEFINE_PROP_END_OF_LIST(),
};

static void ibex_plic_class_init(ObjectClass *oc, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(oc);

    /* user-creatable here (not in QEMU): QMP machines need it */
    dc->user_creatable = true;
    dc->realize = ibex_plic_realize;
    dc->reset = ibex_plic_reset;
    device_class_set_props(dc, ibex_plic_props);
}

static const TypeInfo ibex_plic_info = {
    .name = TYPE_IBEX_PLIC,
    .parent = TYPE_SYS_BUS_DEVICE,
    .instance_size = sizeof(IbexPlicState),
    .instance_init = ibex_plic_init,
    .instance_finalize = ibex_plic_finalize,
    .class_init = ibex_plic_class_init,
};

static void ibex_plic_register_types(void)
{
    type_register_static(&ibex_plic_info);
}

type_init(ibex_plic_register_types)
