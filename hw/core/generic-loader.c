/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The generic loader device ("loader"): QEMU's modes and error texts, with
 * one rule of ours: a raw image is bounded by the memory region it lands
 * in (checked when the machine becomes ready), not by the -m RAM size.
 * Images are ROM blobs copied at every reset, in the first reset pass; the
 * data write and the PC come in the second pass (reset_exit).
 */
#include "qemu/osdep.h"
#include "exec/address-spaces.h"
#include "hw/boards.h"
#include "hw/core/generic-loader.h"
#include "hw/loader.h"
#include "hw/qdev-properties.h"
#include "qapi/error.h"
#include "qemu/error-report.h"

/*
 * Raw images: the bytes must fit in the RAM or ROM region found at the
 * load address.  Called when the machine becomes ready.
 */
static bool generic_loader_check_raw(GenericLoaderState *s, Error **errp)
{
    hwaddr xlat, plen = s->raw_size ? s->raw_size : 1;
    MemoryRegion *mr;
    uint64_t room;

    if (s->raw_size <= 0) {
        return true;
    }
    mr = address_space_translate(s->as, s->addr, &xlat, &plen);
    if (!mr || !memory_region_is_ram(mr)) {
        error_setg(errp, "Cannot load specified image %s: no RAM or ROM at "
                   "0x%" HWADDR_PRIx, s->file, s->addr);
        return false;
    }
    room = memory_region_size(mr) - xlat;
    if ((uint64_t)s->raw_size > room) {
        error_setg(errp, "Cannot load specified image %s: its %" PRId64
                   " bytes at 0x%" HWADDR_PRIx " do not fit in memory "
                   "region '%s' (%" PRIu64 " bytes left)", s->file,
                   s->raw_size, s->addr, memory_region_name(mr), room);
        return false;
    }
    return true;
}

static void generic_loader_machine_ready(void *opaque)
{
    GenericLoaderState *s = opaque;
    Error *err = NULL;

    s->notifier_added = false;
    if (!generic_loader_check_raw(s, &err)) {
        error_report_err(err);
        exit(1);
    }
}

/* One check of every loader's blobs, QEMU's fatal error on overlap */
static void generic_loader_check_overlaps(void *opaque)
{
    Error *err = NULL;

    if (!rom_check_overlaps(&err)) {
        error_report_err(err);
        exit(1);
    }
}

static void generic_loader_add_notifiers(GenericLoaderState *s)
{
    static bool overlap_check_added;

    if (!overlap_check_added) {
        overlap_check_added = true;
        qemu_add_machine_init_done_notifier(generic_loader_check_overlaps,
                                            NULL);
    }
    if (s->raw_size > 0 && !s->notifier_added) {
        s->notifier_added = true;
        qemu_add_machine_init_done_notifier(generic_loader_machine_ready, s);
    }
}

/* Which mode the properties ask for; QEMU's checks, in QEMU's order */
static bool generic_loader_check_mode(GenericLoaderState *s, Error **errp)
{
    if (s->data || s->data_len || s->data_be) {
        if (s->file) {
            error_setg(errp, "Specifying a file is not supported when "
                       "loading memory values");
            return false;
        }
        if (s->force_raw) {
            error_setg(errp, "Specifying force-raw is not supported when "
                       "loading memory values");
            return false;
        }
        if (!s->data_len) {
            error_setg(errp, "Both data and data-len must be specified");
            return false;
        }
        if (s->data_len > 8) {
            /* sic: QEMU's "then" */
            error_setg(errp, "data-len cannot be greater then 8 bytes");
            return false;
        }
    } else if (s->file || s->force_raw) {
        /* an image; the PC is set only when a CPU is named */
        s->set_pc = s->cpu_num != GENERIC_LOADER_CPU_NONE;
    } else if (s->addr) {
        if (s->cpu_num == GENERIC_LOADER_CPU_NONE) {
            error_setg(errp, "cpu_num must be specified when setting a "
                       "program counter");
            return false;
        }
        s->set_pc = true;
    } else {
        error_setg(errp, "please include valid arguments");
        return false;
    }
    return true;
}

static bool generic_loader_load_image(GenericLoaderState *s, Error **errp)
{
    uint64_t entry = 0;
    ssize_t size;

    if (get_image_size(s->file) < 0) {
        error_setg(errp, "Cannot load specified image %s", s->file);
        return false;
    }
    if (!s->force_raw) {
        size = load_elf_as(s->file, EM_RISCV, &entry, s->as, s);
        if (size >= 0) {
            s->addr = entry;
            return true;
        }
        /*
         * QEMU falls back to raw for a damaged ELF; we refuse it, since
         * loading ELF headers as code is never what was meant.
         */
        if (size != ELF_LOAD_NOT_ELF) {
            error_setg(errp, "Cannot load specified image %s: %s", s->file,
                       load_elf_strerror(size));
            return false;
        }
    }
    size = load_image_targphys_as(s->file, s->addr, UINT64_MAX, s->as, s);
    if (size < 0) {
        error_setg(errp, "Cannot load specified image %s", s->file);
        return false;
    }
    s->raw_size = size;
    return true;
}

static void generic_loader_realize(DeviceState *dev, Error **errp)
{
    GenericLoaderState *s = GENERIC_LOADER(dev);

    s->set_pc = false;
    s->raw_size = -1;
    if (!generic_loader_check_mode(s, errp)) {
        return;
    }
    if (s->cpu_num != GENERIC_LOADER_CPU_NONE) {
        s->cpu = qemu_get_cpu(s->cpu_num);
        if (!s->cpu) {
            error_setg(errp, "Specified boot CPU#%d is nonexistent",
                       (int)s->cpu_num);
            return;
        }
    } else {
        s->cpu = qemu_get_cpu(0);
    }
    s->as = s->cpu && s->cpu->as ? s->cpu->as : &address_space_memory;
    if (s->file) {
        if (!generic_loader_load_image(s, errp)) {
            return;
        }
        generic_loader_add_notifiers(s);
    }
}

static void generic_loader_unrealize(DeviceState *dev)
{
    GenericLoaderState *s = GENERIC_LOADER(dev);

    rom_delete(s);
    if (s->notifier_added) {
        qemu_remove_machine_init_done_notifier(generic_loader_machine_ready,
                                               s);
        s->notifier_added = false;
    }
}

/* First pass: put the image back in memory */
static void generic_loader_reset(DeviceState *dev)
{
    GenericLoaderState *s = GENERIC_LOADER(dev);

    if (s->file) {
        rom_reset(s);
    }
}

/* Second pass, after every device's own reset: data and PC */
static void generic_loader_reset_exit(DeviceState *dev)
{
    GenericLoaderState *s = GENERIC_LOADER(dev);

    if (s->data_len) {
        uint8_t buf[8];
        int i;

        /*
         * QEMU stores the 64-bit value in the chosen byte order and writes
         * its first data-len bytes: with data-be and data-len < 8 these
         * are the value's most significant bytes.
         */
        for (i = 0; i < 8; i++) {
            buf[i] = s->data >> (s->data_be ? 56 - 8 * i : 8 * i);
        }
        address_space_write(s->as, s->addr, MEMTXATTRS_UNSPECIFIED, buf,
                            s->data_len);
    }
    if (s->set_pc && s->cpu) {
        cpu_set_pc(s->cpu, s->addr);
    }
}

static void generic_loader_finalize(Object *obj)
{
    generic_loader_unrealize(DEVICE(obj));
}

static const Property generic_loader_props[] = {
    DEFINE_PROP_UINT64("addr", GenericLoaderState, addr, 0),
    DEFINE_PROP_UINT64("data", GenericLoaderState, data, 0),
    DEFINE_PROP_UINT8("data-len", GenericLoaderState, data_len, 0),
    DEFINE_PROP_BOOL("data-be", GenericLoaderState, data_be, false),
    DEFINE_PROP_UINT32("cpu-num", GenericLoaderState, cpu_num,
                       GENERIC_LOADER_CPU_NONE),
    DEFINE_PROP_BOOL("force-raw", GenericLoaderState, force_raw, false),
    DEFINE_PROP_STRING("file", GenericLoaderState, file),
    DEFINE_PROP_END_OF_LIST(),
};

static void generic_loader_class_init(ObjectClass *oc, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(oc);

    dc->desc = "Generic Loader";
    dc->user_creatable = true;
    dc->hotpluggable = false;
    dc->realize = generic_loader_realize;
    dc->unrealize = generic_loader_unrealize;
    dc->reset = generic_loader_reset;
    dc->reset_exit = generic_loader_reset_exit;
    device_class_set_props(dc, generic_loader_props);
    device_class_set_category(dc, DEVICE_CATEGORY_MISC);
}

static const TypeInfo generic_loader_info = {
    .name = TYPE_GENERIC_LOADER,
    .parent = TYPE_DEVICE,
    .instance_size = sizeof(GenericLoaderState),
    .instance_finalize = generic_loader_finalize,
    .class_init = generic_loader_class_init,
};

static void generic_loader_register_types(void)
{
    type_register_static(&generic_loader_info);
}

type_init(generic_loader_register_types)
