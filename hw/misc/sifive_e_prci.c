/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * "riscv.sifive.e.prci": the FE310 power, reset, clock and interrupt
 * block as QEMU models it.  Writes are stored but the oscillator ready
 * bits and the PLL lock bit always read 1, so firmware polling them goes
 * on.  See include/hw/misc/sifive_e_prci.h.
 */
#include "qemu/osdep.h"
#include "hw/misc/sifive_e_prci.h"
#include "qapi/error.h"
#include "qemu/log.h"

/* Register map */
enum {
    SIFIVE_E_PRCI_HFROSCCFG = 0x0,
    SIFIVE_E_PRCI_HFXOSCCFG = 0x4,
    SIFIVE_E_PRCI_PLLCFG = 0x8,
    SIFIVE_E_PRCI_PLLOUTDIV = 0xc,
};

#define SIFIVE_E_PRCI_HFROSCCFG_RDY (1u << 31)
#define SIFIVE_E_PRCI_HFROSCCFG_EN (1u << 30)
#define SIFIVE_E_PRCI_HFXOSCCFG_RDY (1u << 31)
#define SIFIVE_E_PRCI_HFXOSCCFG_EN (1u << 30)
#define SIFIVE_E_PRCI_PLLCFG_PLLSEL (1u << 16)
#define SIFIVE_E_PRCI_PLLCFG_REFSEL (1u << 17)
#define SIFIVE_E_PRCI_PLLCFG_BYPASS (1u << 18)
#define SIFIVE_E_PRCI_PLLCFG_LOCK (1u << 31)
#define SIFIVE_E_PRCI_PLLOUTDIV_DIV1 (1u << 8)

static uint64_t sifive_e_prci_read(void *opaque, hwaddr addr, unsigned size)
{
    SiFiveEPRCIState *s = opaque;

    switch (addr) {
    case SIFIVE_E_PRCI_HFROSCCFG:
        return s->hfrosccfg;
    case SIFIVE_E_PRCI_HFXOSCCFG:
        return s->hfxosccfg;
    case SIFIVE_E_PRCI_PLLCFG:
        return s->pllcfg;
    case SIFIVE_E_PRCI_PLLOUTDIV:
        return s->plloutdiv;
    }
    qemu_log_mask(LOG_GUEST_ERROR, "%s: read: addr=0x%x\n",
                  __func__, (int)addr);
    return 0;
}

static void sifive_e_prci_write(void *opaque, hwaddr addr, uint64_t val64,
                                unsigned size)
{
    SiFiveEPRCIState *s = opaque;

    switch (addr) {
    case SIFIVE_E_PRCI_HFROSCCFG:
        /* the oscillator is ready as soon as it is configured */
        s->hfrosccfg = val64 | SIFIVE_E_PRCI_HFROSCCFG_RDY;
        return;
    case SIFIVE_E_PRCI_HFXOSCCFG:
        s->hfxosccfg = val64 | SIFIVE_E_PRCI_HFXOSCCFG_RDY;
        return;
    case SIFIVE_E_PRCI_PLLCFG:
        /* the PLL locks at once */
        s->pllcfg = val64 | SIFIVE_E_PRCI_PLLCFG_LOCK;
        return;
    case SIFIVE_E_PRCI_PLLOUTDIV:
        s->plloutdiv = val64;
        return;
    }
    qemu_log_mask(LOG_GUEST_ERROR, "%s: bad write: addr=0x%x v=0x%x\n",
                  __func__, (int)addr, (int)val64);
}

static const MemoryRegionOps sifive_e_prci_ops = {
    .read = sifive_e_prci_read,
    .write = sifive_e_prci_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .valid = {
        .min_access_size = 4,
        .max_access_size = 4,
    },
};

/*
 * The power-on values, set once at creation: QEMU has no reset hook, so
 * a system reset keeps what the guest wrote.
 */
static void sifive_e_prci_init(Object *obj)
{
    SiFiveEPRCIState *s = SIFIVE_E_PRCI(obj);

    memory_region_init_io(&s->mmio, obj, &sifive_e_prci_ops, s,
                          TYPE_SIFIVE_E_PRCI, SIFIVE_E_PRCI_REG_SIZE);
    sysbus_init_mmio(SYS_BUS_DEVICE(obj), &s->mmio);

    s->hfrosccfg = SIFIVE_E_PRCI_HFROSCCFG_RDY | SIFIVE_E_PRCI_HFROSCCFG_EN;
    s->hfxosccfg = SIFIVE_E_PRCI_HFXOSCCFG_RDY | SIFIVE_E_PRCI_HFXOSCCFG_EN;
    s->pllcfg = SIFIVE_E_PRCI_PLLCFG_REFSEL | SIFIVE_E_PRCI_PLLCFG_BYPASS |
                SIFIVE_E_PRCI_PLLCFG_LOCK;
    s->plloutdiv = SIFIVE_E_PRCI_PLLOUTDIV_DIV1;
}

static void sifive_e_prci_class_init(ObjectClass *oc, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(oc);

    dc->user_creatable = true;
}

static const TypeInfo sifive_e_prci_info = {
    .name = TYPE_SIFIVE_E_PRCI,
    .parent = TYPE_SYS_BUS_DEVICE,
    .instance_size = sizeof(SiFiveEPRCIState),
    .instance_init = sifive_e_prci_init,
    .class_init = sifive_e_prci_class_init,
};

static void sifive_e_prci_register_types(void)
{
    type_register_static(&sifive_e_prci_info);
}

type_init(sifive_e_prci_register_types)
