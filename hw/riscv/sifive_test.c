/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The SiFive test finisher: one 4 KiB region; writing 0x5555 exits with
 * status 0, (code << 16) | 0x3333 exits with status code, 0x7777 resets
 * the machine.  Reads return 0.  Exiting is a shutdown request with an
 * exit status, so the main loop sends SHUTDOWN (cause guest-shutdown) and
 * the process cleans up before it exits, as QEMU 8 does; QEMU 7.2 called
 * exit() from the vCPU thread.
 */
#include "qemu/osdep.h"
#include "qemu/log.h"
#include "hw/riscv/sifive_test.h"
#include "sysemu/runstate.h"

static uint64_t sifive_test_read(void *opaque, hwaddr addr, unsigned size)
{
    return 0;
}

static void sifive_test_exit(int code)
{
    qemu_system_shutdown_request_with_code(SHUTDOWN_CAUSE_GUEST_SHUTDOWN,
                                           code);
}

static void sifive_test_write(void *opaque, hwaddr addr, uint64_t val,
                              unsigned size)
{
    if (addr == 0) {
        int status = val & 0xffff;
        int code = (val >> 16) & 0xffff;

        switch (status) {
        case FINISHER_FAIL:
            sifive_test_exit(code);
            return;
        case FINISHER_PASS:
            sifive_test_exit(0);
            return;
        case FINISHER_RESET:
            qemu_system_reset_request(SHUTDOWN_CAUSE_GUEST_RESET);
            return;
        default:
            break;
        }
    }
    qemu_log_mask(LOG_GUEST_ERROR, "%s: write: addr=0x%x val=0x%016"
                  PRIx64 "\n", __func__, (int)addr, val);
}

static const MemoryRegionOps sifive_test_ops = {
    .read = sifive_test_read,
    .write = sifive_test_write,
    .endianness = DEVICE_NATIVE_ENDIAN,
    .valid = { .min_access_size = 2, .max_access_size = 4 },
};

static void sifive_test_init(Object *obj)
{
    SiFiveTestState *s = SIFIVE_TEST(obj);

    memory_region_init_io(&s->mmio, obj, &sifive_test_ops, s,
                          TYPE_SIFIVE_TEST, 0x1000);
    sysbus_init_mmio(SYS_BUS_DEVICE(obj), &s->mmio);
}

static void sifive_test_class_init(ObjectClass *oc, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(oc);

    dc->user_creatable = true;
    device_class_set_category(dc, DEVICE_CATEGORY_MISC);
}

static const TypeInfo sifive_test_info = {
    .name = TYPE_SIFIVE_TEST,
    .parent = TYPE_SYS_BUS_DEVICE,
    .instance_size = sizeof(SiFiveTestState),
    .instance_init = sifive_test_init,
    .class_init = sifive_test_class_init,
};

static void sifive_test_register_types(void)
{
    type_register_static(&sifive_test_info);
}

type_init(sifive_test_register_types)
