/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * "riscv.sifive.plic": the SiFive PLIC with QEMU 7.2's register layout
 * and quirks (priority registers start at source 1; level-low inputs do
 * not clear pending; enable writes do not re-evaluate the outputs).
 * See include/hw/intc/sifive_plic.h and docs/system/devices/sifive-plic.md.
 */
#include "qemu/osdep.h"
#include "hw/intc/sifive_plic.h"
#include "hw/irq.h"
#include "hw/qdev-properties.h"
#include "qapi/error.h"
#include "qemu/log.h"

/* Helpers */

static bool plic_in_window(hwaddr addr, uint32_t base, uint64_t len)
{
    return addr >= base && addr - base < len;
}

static bool plic_pow2_prio(SiFivePLICState *s)
{
    return ((s->num_priorities + 1) & s->num_priorities) == 0;
}

/*
 * Priority and threshold fields are WARL when num-priorities + 1 is a
 * power of two (the value is reduced modulo num-priorities + 1);
 * otherwise out-of-range writes are dropped.  Returns false to drop.
 */
static bool plic_legal_prio(SiFivePLICState *s, uint64_t value,
                            uint32_t *legal)
{
    if (plic_pow2_prio(s)) {
        *legal = value % ((uint64_t)s->num_priorities + 1);
        return true;
    }
    if (value <= s->num_priorities) {
        *legal = value;
        return true;
    }
    return false;
}

static void plic_set_bit(uint32_t *words, uint32_t irq, bool on)
{
    if (on) {
        words[irq >> 5] |= 1u << (irq & 31);
    } else {
        words[irq >> 5] &= ~(1u << (irq & 31));
    }
}

/*
 * The source context @ctx would claim now: pending, enabled for @ctx,
 * not claimed, priority strictly above the threshold; the highest
 * priority wins, the lowest ID on a tie.  0 when there is none.
 */
static uint32_t plic_best_source(SiFivePLICState *s, uint32_t ctx)
{
    uint32_t best = 0;
    uint32_t best_prio = s->target_priority[ctx];
    uint32_t w, b;

    for (w = 0; w < s->bitfield_words; w++) {
        uint32_t cand = s->pending[w] & ~s->claimed[w] &
                        s->enable[ctx * s->bitfield_words + w];

        for (b = 0; cand && b < 32; b++) {
            uint32_t irq = w * 32 + b;

            if ((cand & (1u << b)) && irq < s->num_sources &&
                s->source_priority[irq] > best_prio) {
                best = irq;
                best_prio = s->source_priority[irq];
            }
        }
    }
    return best;
}

/* Drive every context's output line with "a claimable source exists". */
static void plic_update(SiFivePLICState *s)
{
    uint32_t ctx;

    for (ctx = 0; ctx < s->num_contexts; ctx++) {
        PLICContext *c = &s->contexts[ctx];
        int level = plic_best_source(s, ctx) != 0;

        /* U and H contexts have no line; 7.2 has no direct-drive fallback */
        if (c->mode == PLIC_MODE_M) {
            qemu_set_irq(s->m_external_irqs[c->hart], level);
        } else if (c->mode == PLIC_MODE_S) {
            qemu_set_irq(s->s_external_irqs[c->hart], level);
        }
    }
}

/* MMIO */

static uint64_t plic_read(void *opaque, hwaddr addr, unsigned size)
{
    SiFivePLICState *s = opaque;

    if (plic_in_window(addr, s->priority_base,
                       (uint64_t)s->num_sources * 4)) {
        /* QEMU <= 7.2 quirk: the register at priority-base is source 1 */
        return s->source_priority[((addr - s->priority_base) >> 2) + 1];
    }
    /* QEMU <= 7.2 quirk: the readable pending window is num-sources/8 */
    if (plic_in_window(addr, s->pending_base, s->num_sources >> 3)) {
        return s->pending[(addr - s->pending_base) >> 2];
    }
    if (plic_in_window(addr, s->enable_base,
                       (uint64_t)s->num_contexts * s->enable_stride)) {
        uint32_t ctx = (addr - s->enable_base) / s->enable_stride;
        uint32_t word = ((addr - s->enable_base) % s->enable_stride) >> 2;

        if (word < s->bitfield_words) {
            return s->enable[ctx * s->bitfield_words + word];
        }
    } else if (plic_in_window(addr, s->context_base,
                              (uint64_t)s->num_contexts *
                              s->context_stride)) {
        uint32_t ctx = (addr - s->context_base) / s->context_stride;
        uint32_t reg = (addr - s->context_base) % s->context_stride;

        if (reg == 0) {
            return s->target_priority[ctx];
        } else if (reg == 4) {
            uint32_t irq = plic_best_source(s, ctx);

            if (irq) {
                plic_set_bit(s->pending, irq, false);
                plic_set_bit(s->claimed, irq, true);
            }
            plic_update(s);
            return irq;
        }
    }
    qemu_log_mask(LOG_GUEST_ERROR,
                  "%s: Invalid register read 0x%" HWADDR_PRIx "\n",
                  __func__, addr);
    return 0;
}

static void plic_write(void *opaque, hwaddr addr, uint64_t value,
                       unsigned size)
{
    SiFivePLICState *s = opaque;
    uint32_t legal;

    if (plic_in_window(addr, s->priority_base,
                       (uint64_t)s->num_sources * 4)) {
        /* the same source-1 offset as the read side */
        uint32_t irq = ((addr - s->priority_base) >> 2) + 1;

        if (plic_legal_prio(s, value, &legal)) {
            s->source_priority[irq] = legal;
            plic_update(s);
        }
    } else if (plic_in_window(addr, s->pending_base, s->num_sources >> 3)) {
        qemu_log_mask(LOG_GUEST_ERROR,
                      "%s: invalid pending write: 0x%" HWADDR_PRIx "\n",
                      __func__, addr);
    } else if (plic_in_window(addr, s->enable_base,
                              (uint64_t)s->num_contexts *
                              s->enable_stride)) {
        uint32_t ctx = (addr - s->enable_base) / s->enable_stride;
        uint32_t word = ((addr - s->enable_base) % s->enable_stride) >> 2;

        /*
         * QEMU quirk: an enable write only stores; the output lines are
         * re-evaluated at the next input, priority, threshold or claim.
         */
        if (word < s->bitfield_words) {
            s->enable[ctx * s->bitfield_words + word] = value;
        } else {
            qemu_log_mask(LOG_GUEST_ERROR,
                          "%s: Invalid enable write 0x%" HWADDR_PRIx "\n",
                          __func__, addr);
        }
    } else if (plic_in_window(addr, s->context_base,
                              (uint64_t)s->num_contexts *
                              s->context_stride)) {
        uint32_t ctx = (addr - s->context_base) / s->context_stride;
        uint32_t reg = (addr - s->context_base) % s->context_stride;

        if (reg == 0) {
            if (plic_legal_prio(s, value, &legal)) {
                s->target_priority[ctx] = legal;
                plic_update(s);
            }
        } else if (reg == 4) {
            /* QEMU quirk: no check that the source is enabled for ctx */
            if (value < s->num_sources) {
                plic_set_bit(s->claimed, value, false);
                plic_update(s);
            }
        } else {
            qemu_log_mask(LOG_GUEST_ERROR,
                          "%s: Invalid context write 0x%" HWADDR_PRIx "\n",
                          __func__, addr);
        }
    } else {
        qemu_log_mask(LOG_GUEST_ERROR,
                      "%s: Invalid register write 0x%" HWADDR_PRIx "\n",
                      __func__, addr);
    }
}

static const MemoryRegionOps plic_ops = {
    .read = plic_read,
    .write = plic_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .valid = {
        .min_access_size = 4,
        .max_access_size = 4,
    },
};

/* GPIO */

static void plic_irq_request(void *opaque, int irq, int level)
{
    SiFivePLICState *s = opaque;

    /*
     * QEMU 7.2.x stable (and 9.2+): a high level sets pending, a low
     * level leaves it alone, so pending clears only on claim.
     */
    if (level > 0) {
        plic_set_bit(s->pending, irq, true);
    }
    plic_update(s);
}

/* Reset */

static void plic_reset(DeviceState *dev)
{
    SiFivePLICState *s = SIFIVE_PLIC(dev);
    uint32_t i;

    if (!dev->realized) {
        return;
    }
    memset(s->source_priority, 0,
           sizeof(uint32_t) * ((size_t)s->num_sources + 1));
    memset(s->target_priority, 0, sizeof(uint32_t) * s->num_contexts);
    memset(s->pending, 0, sizeof(uint32_t) * s->bitfield_words);
    memset(s->claimed, 0, sizeof(uint32_t) * s->bitfield_words);
    memset(s->enable, 0,
           sizeof(uint32_t) * s->bitfield_words * s->num_contexts);
    for (i = 0; i < s->num_harts; i++) {
        qemu_set_irq(s->m_external_irqs[i], 0);
        qemu_set_irq(s->s_external_irqs[i], 0);
    }
}

/* Realize */

static bool plic_char_to_mode(char c, PLICMode *mode)
{
    switch (c) {
    case 'U':
        *mode = PLIC_MODE_U;
        return true;
    case 'S':
        *mode = PLIC_MODE_S;
        return true;
    case 'H':
        /* accepted by 7.2 (dropped in 8.0): a context without a line */
        *mode = PLIC_MODE_H;
        return true;
    case 'M':
        *mode = PLIC_MODE_M;
        return true;
    default:
        return false;
    }
}

/*
 * Parse hart-config ("M", "MS", "M,MS,MS"): one comma-separated group
 * per hart; each letter is one context, numbered in string order; empty
 * groups are skipped.  QEMU exits on a bad letter; we fail realize with
 * its text.
 */
static bool plic_parse_hart_config(SiFivePLICState *s, Error **errp)
{
    const char *p;
    GArray *ctxs = g_array_new(false, false, sizeof(PLICContext));
    uint32_t hart = 0;
    unsigned modes = 0;

    for (p = s->hart_config; *p; p++) {
        PLICContext c;

        if (*p == ',') {
            if (modes) {
                hart++;
                modes = 0;
            }
            continue;
        }
        if (!plic_char_to_mode(*p, &c.mode)) {
            error_setg(errp, "plic: invalid mode '%c'", *p);
            g_array_free(ctxs, true);
            return false;
        }
        if (modes & (1u << c.mode)) {
            error_setg(errp, "plic: duplicate mode '%c' in config: %s",
                       *p, s->hart_config);
            g_array_free(ctxs, true);
            return false;
        }
        modes |= 1u << c.mode;
        c.hart = hart;
        g_array_append_val(ctxs, c);
    }
    s->num_harts = hart + (modes ? 1 : 0);
    s->num_contexts = ctxs->len;
    s->contexts = (PLICContext *)g_array_free(ctxs, false);
    return true;
}

static void plic_realize(DeviceState *dev, Error **errp)
{
    SiFivePLICState *s = SIFIVE_PLIC(dev);

    /* QEMU dereferences a missing hart-config; we refuse it */
    if (!s->hart_config) {
        error_setg(errp, "plic: property 'hart-config' not specified");
        return;
    }
    if (!plic_parse_hart_config(s, errp)) {
        return;
    }

    memory_region_init_io(&s->mmio, OBJECT(dev), &plic_ops, s,
                          TYPE_SIFIVE_PLIC, s->aperture_size);
    sysbus_init_mmio(SYS_BUS_DEVICE(dev), &s->mmio);

    s->bitfield_words = (s->num_sources + 31) >> 5;
    /* one spare entry: the source-1 offset reaches source num-sources */
    s->source_priority = g_new0(uint32_t, (size_t)s->num_sources + 1);
    s->target_priority = g_new0(uint32_t, s->num_contexts);
    s->pending = g_new0(uint32_t, s->bitfield_words);
    s->claimed = g_new0(uint32_t, s->bitfield_words);
    s->enable = g_new0(uint32_t,
                       (size_t)s->bitfield_words * s->num_contexts);

    qdev_init_gpio_in(dev, plic_irq_request, s->num_sources);
    /* QEMU's order: all S-mode lines, then all M-mode lines */
    s->s_external_irqs = g_new0(qemu_irq, s->num_harts);
    qdev_init_gpio_out(dev, s->s_external_irqs, s->num_harts);
    s->m_external_irqs = g_new0(qemu_irq, s->num_harts);
    qdev_init_gpio_out(dev, s->m_external_irqs, s->num_harts);
}

static void plic_finalize(Object *obj)
{
    SiFivePLICState *s = SIFIVE_PLIC(obj);

    g_free(s->contexts);
    g_free(s->s_external_irqs);
    g_free(s->m_external_irqs);
    g_free(s->source_priority);
    g_free(s->target_priority);
    g_free(s->pending);
    g_free(s->claimed);
    g_free(s->enable);
}

/* Properties (QEMU 7.2 defaults) */

static const Property plic_props[] = {
    DEFINE_PROP_STRING("hart-config", SiFivePLICState, hart_config),
    DEFINE_PROP_UINT32("hartid-base", SiFivePLICState, hartid_base, 0),
    /* the count includes source 0 */
    DEFINE_PROP_UINT32("num-sources", SiFivePLICState, num_sources, 0),
    DEFINE_PROP_UINT32("num-priorities", SiFivePLICState, num_priorities, 0),
    DEFINE_PROP_UINT32("priority-base", SiFivePLICState, priority_base, 0),
    DEFINE_PROP_UINT32("pending-base", SiFivePLICState, pending_base, 0),
    DEFINE_PROP_UINT32("enable-base", SiFivePLICState, enable_base, 0),
    DEFINE_PROP_UINT32("enable-stride", SiFivePLICState, enable_stride, 0),
    DEFINE_PROP_UINT32("context-base", SiFivePLICState, context_base, 0),
    DEFINE_PROP_UINT32("context-stride", SiFivePLICState, context_stride, 0),
    DEFINE_PROP_UINT32("aperture-size", SiFivePLICState, aperture_size, 0),
    DEFINE_PROP_END_OF_LIST(),
};

static void plic_class_init(ObjectClass *oc, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(oc);

    dc->user_creatable = true;
    dc->realize = plic_realize;
    dc->reset = plic_reset;
    device_class_set_props(dc, plic_props);
}

static const TypeInfo plic_info = {
    .name = TYPE_SIFIVE_PLIC,
    .parent = TYPE_SYS_BUS_DEVICE,
    .instance_size = sizeof(SiFivePLICState),
    .instance_finalize = plic_finalize,
    .class_init = plic_class_init,
};

static void plic_register_types(void)
{
    type_register_static(&plic_info);
}

type_init(plic_register_types)
