/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * "sifive_soc.gpio": the SiFive GPIO block with QEMU 7.2's behaviour:
 * every register write and every input change re-evaluates all pins and
 * sets the sticky interrupt-pending bits.  See
 * include/hw/gpio/sifive_gpio.h and docs/system/devices/sifive-gpio.md.
 */
#include "qemu/osdep.h"
#include "hw/gpio/sifive_gpio.h"
#include "hw/irq.h"
#include "hw/qdev-properties.h"
#include "qapi/error.h"
#include "qemu/log.h"

/* Register map */
enum {
    SIFIVE_GPIO_REG_VALUE = 0x00,
    SIFIVE_GPIO_REG_INPUT_EN = 0x04,
    SIFIVE_GPIO_REG_OUTPUT_EN = 0x08,
    SIFIVE_GPIO_REG_PORT = 0x0c,
    SIFIVE_GPIO_REG_PUE = 0x10,
    SIFIVE_GPIO_REG_DS = 0x14,
    SIFIVE_GPIO_REG_RISE_IE = 0x18,
    SIFIVE_GPIO_REG_RISE_IP = 0x1c,
    SIFIVE_GPIO_REG_FALL_IE = 0x20,
    SIFIVE_GPIO_REG_FALL_IP = 0x24,
    SIFIVE_GPIO_REG_HIGH_IE = 0x28,
    SIFIVE_GPIO_REG_HIGH_IP = 0x2c,
    SIFIVE_GPIO_REG_LOW_IE = 0x30,
    SIFIVE_GPIO_REG_LOW_IP = 0x34,
    SIFIVE_GPIO_REG_IOF_EN = 0x38,
    SIFIVE_GPIO_REG_IOF_SEL = 0x3c,
    SIFIVE_GPIO_REG_OUT_XOR = 0x40,
};

static bool bit(uint32_t word, uint32_t i)
{
    return (word >> i) & 1;
}

/*
 * Re-evaluate every pin: its level (external drive, else the output if
 * enabled, else the pull-up), the output line, the input value, the
 * sticky pending bits and the interrupt line.
 *
 * QEMU quirks kept: HIGH_IP/LOW_IP are set again straight after a W1C
 * while the condition holds (LOW_IP reads all ones after any write while
 * the inputs are low), and every interrupt line is re-sent each time.
 */
static void sifive_gpio_update(SIFIVEGPIOState *s)
{
    uint32_t i;

    for (i = 0; i < s->ngpio; i++) {
        bool prev = bit(s->value, i);
        bool oe = bit(s->output_en, i);
        bool out = oe && (bit(s->port, i) ^ bit(s->out_xor, i));
        bool level, in;
        uint32_t m = 1u << i;

        if (bit(s->in_mask, i)) {
            level = bit(s->in, i);
        } else if (oe) {
            level = out;
        } else {
            level = bit(s->pue, i);
        }
        if (oe) {
            qemu_set_irq(s->output[i], level);
        }
        in = bit(s->input_en, i) && level;
        if (in) {
            s->high_ip |= m;
            if (!prev) {
                s->rise_ip |= m;
            }
        } else {
            s->low_ip |= m;
            if (prev) {
                s->fall_ip |= m;
            }
        }
        s->value = in ? s->value | m : s->value & ~m;
        qemu_set_irq(s->irq[i],
                     ((s->high_ip & s->high_ie) | (s->low_ip & s->low_ie) |
                      (s->rise_ip & s->rise_ie) |
                      (s->fall_ip & s->fall_ie)) & m ? 1 : 0);
    }
}

/* MMIO */

static uint64_t sifive_gpio_read(void *opaque, hwaddr offset, unsigned size)
{
    SIFIVEGPIOState *s = opaque;

    switch (offset) {
    case SIFIVE_GPIO_REG_VALUE:
        return s->value;
    case SIFIVE_GPIO_REG_INPUT_EN:
        return s->input_en;
    case SIFIVE_GPIO_REG_OUTPUT_EN:
        return s->output_en;
    case SIFIVE_GPIO_REG_PORT:
        return s->port;
    case SIFIVE_GPIO_REG_PUE:
        return s->pue;
    case SIFIVE_GPIO_REG_DS:
        return s->ds;
    case SIFIVE_GPIO_REG_RISE_IE:
        return s->rise_ie;
    case SIFIVE_GPIO_REG_RISE_IP:
        return s->rise_ip;
    case SIFIVE_GPIO_REG_FALL_IE:
        return s->fall_ie;
    case SIFIVE_GPIO_REG_FALL_IP:
        return s->fall_ip;
    case SIFIVE_GPIO_REG_HIGH_IE:
        return s->high_ie;
    case SIFIVE_GPIO_REG_HIGH_IP:
        return s->high_ip;
    case SIFIVE_GPIO_REG_LOW_IE:
        return s->low_ie;
    case SIFIVE_GPIO_REG_LOW_IP:
        return s->low_ip;
    case SIFIVE_GPIO_REG_IOF_EN:
        return s->iof_en;
    case SIFIVE_GPIO_REG_IOF_SEL:
        return s->iof_sel;
    case SIFIVE_GPIO_REG_OUT_XOR:
        return s->out_xor;
    }
    qemu_log_mask(LOG_GUEST_ERROR,
                  "%s: bad read offset 0x%" HWADDR_PRIx "\n",
                  __func__, offset);
    return 0;
}

static void sifive_gpio_write(void *opaque, hwaddr offset, uint64_t value,
                              unsigned size)
{
    SIFIVEGPIOState *s = opaque;

    switch (offset) {
    case SIFIVE_GPIO_REG_INPUT_EN:
        s->input_en = value;
        break;
    case SIFIVE_GPIO_REG_OUTPUT_EN:
        s->output_en = value;
        break;
    case SIFIVE_GPIO_REG_PORT:
        s->port = value;
        break;
    case SIFIVE_GPIO_REG_PUE:
        s->pue = value;
        break;
    case SIFIVE_GPIO_REG_DS:
        s->ds = value;
        break;
    case SIFIVE_GPIO_REG_RISE_IE:
        s->rise_ie = value;
        break;
    case SIFIVE_GPIO_REG_RISE_IP:
        s->rise_ip &= ~value;
        break;
    case SIFIVE_GPIO_REG_FALL_IE:
        s->fall_ie = value;
        break;
    case SIFIVE_GPIO_REG_FALL_IP:
        s->fall_ip &= ~value;
        break;
    case SIFIVE_GPIO_REG_HIGH_IE:
        s->high_ie = value;
        break;
    case SIFIVE_GPIO_REG_HIGH_IP:
        s->high_ip &= ~value;
        break;
    case SIFIVE_GPIO_REG_LOW_IE:
        s->low_ie = value;
        break;
    case SIFIVE_GPIO_REG_LOW_IP:
        s->low_ip &= ~value;
        break;
    case SIFIVE_GPIO_REG_IOF_EN:
        s->iof_en = value;
        break;
    case SIFIVE_GPIO_REG_IOF_SEL:
        s->iof_sel = value;
        break;
    case SIFIVE_GPIO_REG_OUT_XOR:
        s->out_xor = value;
        break;
    default:
        /* VALUE is read-only */
        qemu_log_mask(LOG_GUEST_ERROR,
                      "%s: bad write offset 0x%" HWADDR_PRIx "\n",
                      __func__, offset);
        break;
    }
    sifive_gpio_update(s);
}

static const MemoryRegionOps sifive_gpio_ops = {
    .read = sifive_gpio_read,
    .write = sifive_gpio_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .impl = {
        .min_access_size = 4,
        .max_access_size = 4,
    },
};

/* GPIO inputs: pin @line is driven from outside to @level. */
static void sifive_gpio_set(void *opaque, int line, int level)
{
    SIFIVEGPIOState *s = opaque;
    uint32_t m = 1u << line;

    s->in_mask |= m;
    s->in = level ? s->in | m : s->in & ~m;
    sifive_gpio_update(s);
}

/* Reset: every register and the external drive to 0; no line re-sent. */
static void sifive_gpio_reset(DeviceState *dev)
{
    SIFIVEGPIOState *s = SIFIVE_GPIO(dev);

    s->value = 0;
    s->input_en = 0;
    s->output_en = 0;
    s->port = 0;
    s->pue = 0;
    s->ds = 0;
    s->rise_ie = 0;
    s->rise_ip = 0;
    s->fall_ie = 0;
    s->fall_ip = 0;
    s->high_ie = 0;
    s->high_ip = 0;
    s->low_ie = 0;
    s->low_ip = 0;
    s->iof_en = 0;
    s->iof_sel = 0;
    s->out_xor = 0;
    s->in_mask = 0;
    s->in = 0;
}

static void sifive_gpio_realize(DeviceState *dev, Error **errp)
{
    SIFIVEGPIOState *s = SIFIVE_GPIO(dev);
    uint32_t i;

    /* QEMU has no check and overflows its arrays */
    if (s->ngpio < 1 || s->ngpio > SIFIVE_GPIO_PINS) {
        error_setg(errp, "ngpio %u is out of range (1 to %d)", s->ngpio,
                   SIFIVE_GPIO_PINS);
        return;
    }
    memory_region_init_io(&s->mmio, OBJECT(dev), &sifive_gpio_ops, s,
                          TYPE_SIFIVE_GPIO, SIFIVE_GPIO_SIZE);
    sysbus_init_mmio(SYS_BUS_DEVICE(dev), &s->mmio);
    for (i = 0; i < s->ngpio; i++) {
        sysbus_init_irq(SYS_BUS_DEVICE(dev), &s->irq[i]);
    }
    qdev_init_gpio_in(dev, sifive_gpio_set, s->ngpio);
    qdev_init_gpio_out(dev, s->output, s->ngpio);
}

static const Property sifive_gpio_props[] = {
    DEFINE_PROP_UINT32("ngpio", SIFIVEGPIOState, ngpio, SIFIVE_GPIO_PINS),
    DEFINE_PROP_END_OF_LIST(),
};

static void sifive_gpio_class_init(ObjectClass *oc, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(oc);

    dc->user_creatable = true;
    dc->realize = sifive_gpio_realize;
    dc->reset = sifive_gpio_reset;
    device_class_set_props(dc, sifive_gpio_props);
}

static const TypeInfo sifive_gpio_info = {
    .name = TYPE_SIFIVE_GPIO,
    .parent = TYPE_SYS_BUS_DEVICE,
    .instance_size = sizeof(SIFIVEGPIOState),
    .class_init = sifive_gpio_class_init,
};

static void sifive_gpio_register_types(void)
{
    type_register_static(&sifive_gpio_info);
}

type_init(sifive_gpio_register_types)
