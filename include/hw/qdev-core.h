/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Device core (qdev): the device base type, its life cycle, GPIO lines,
 * buses, and the machine initialisation phases.  See docs/devel/qdev.md.
 *
 * A machine is born in five phases, always in this order:
 *
 *   no-machine -> machine-created -> accel-created -> initialized -> ready
 *
 * -preconfig stops in accel-created; QMP clients then step the machine
 * forward.  The names are the ones QMP uses (enum MachinePhase).
 */
#ifndef HW_QDEV_CORE_H
#define HW_QDEV_CORE_H

#include "hw/irq.h"
#include "qom/object.h"

typedef enum MachineInitPhase {
    PHASE_NO_MACHINE,       /* no machine object yet */
    PHASE_MACHINE_CREATED,  /* machine object exists, properties settable */
    PHASE_ACCEL_CREATED,    /* accelerator configured; -preconfig stops here */
    PHASE_MACHINE_INITIALIZED, /* board init done, cold-plug possible */
    PHASE_MACHINE_READY,    /* init-done notifiers ran; the machine runs */
    PHASE__MAX,
} MachineInitPhase;

/* The QMP name of @phase ("no-machine", ...). */
const char *phase_name(MachineInitPhase phase);
MachineInitPhase phase_get(void);
/* True once @phase has been reached. */
bool phase_check(MachineInitPhase phase);
/* Move to @phase, which must be the next one. */
void phase_advance(MachineInitPhase phase);

/* Devices */

#define TYPE_DEVICE "device"
#define TYPE_BUS "bus"

OBJECT_DECLARE_TYPE(DeviceState, DeviceClass, DEVICE)
OBJECT_DECLARE_TYPE(BusState, BusClass, BUS)

typedef struct Property Property;

/* The -device help blocks, in QEMU's order. */
typedef enum DeviceCategory {
    DEVICE_CATEGORY_BRIDGE,
    DEVICE_CATEGORY_USB,
    DEVICE_CATEGORY_STORAGE,
    DEVICE_CATEGORY_NETWORK,
    DEVICE_CATEGORY_INPUT,
    DEVICE_CATEGORY_DISPLAY,
    DEVICE_CATEGORY_SOUND,
    DEVICE_CATEGORY_MISC,
    DEVICE_CATEGORY_CPU,
    DEVICE_CATEGORY_WATCHDOG,
    DEVICE_CATEGORY_MAX,
} DeviceCategory;

typedef void (*DeviceRealize)(DeviceState *dev, Error **errp);
typedef void (*DeviceUnrealize)(DeviceState *dev);
typedef void (*DeviceReset)(DeviceState *dev);

/**
 * struct DeviceClass: what every device type provides
 *
 * @categories: bit set of DeviceCategory (for -device help)
 * @desc: one line for -device help
 * @bus_type: the bus type it plugs into (TYPE_SYSTEM_BUS for sysbus
 *   devices), NULL for bus-less devices such as "loader"
 * @user_creatable: -device and device_add may create it
 * @hotpluggable: device_add may create it (and device_del remove it)
 *   once the machine is ready; other devices are cold-plug only
 * @props: the qdev properties (device_class_set_props())
 * @realize: make the device work; on error set @errp and undo
 * @unrealize: undo realize
 * @reset: the first reset pass: put the device's own state back
 *   (registers; a CPU's PC to its reset vector)
 * @reset_exit: the second pass, once every device has done @reset:
 *   work that must override other devices' reset (a loader copying its
 *   image and setting a CPU's PC).  Each pass visits devices in realize
 *   order, so a loader's PC wins over its CPU's reset vector whichever
 *   was created first.
 */
struct DeviceClass {
    ObjectClass parent_class;

    unsigned long categories;
    const char *desc;
    const char *bus_type;
    bool user_creatable;
    bool hotpluggable;
    const Property *props;

    DeviceRealize realize;
    DeviceUnrealize unrealize;
    DeviceReset reset;
    DeviceReset reset_exit;
};

/**
 * struct NamedGPIOList: one named (or unnamed: @name NULL) list of lines
 *
 * @in: the input lines (IRQState children of the device)
 * @out: where each output line is stored: out[i] points at the device's
 *   own qemu_irq slot, the target of the link<irq> property of line i
 *   (slots need not be contiguous: sysbus_init_irq() adds one at a time)
 */
typedef struct NamedGPIOList {
    char *name;
    qemu_irq *in;
    int num_in;
    qemu_irq **out;
    int num_out;
} NamedGPIOList;

/**
 * struct DeviceState: the base of every device instance
 *
 * @id: the user's id (-device id=, device_add id=), or NULL
 * @realized: realize succeeded (property "realized")
 * @hotplugged: created after the machine was ready
 * @parent_bus: the bus it is plugged into, or NULL
 * @gpios: NamedGPIOList entries, in declaration order
 * @realize_seq: position in realize order (0 until realized)
 */
struct DeviceState {
    Object parent_obj;

    char *id;
    bool realized;
    bool hotplugged;
    BusState *parent_bus;
    GSList *gpios;
    uint64_t realize_seq;
};

/**
 * struct BusState: a bus devices plug into
 *
 * Only the main system bus ("main-system-bus", type "System") exists so
 * far; it has no parent device.
 */
struct BusClass {
    ObjectClass parent_class;
};

struct BusState {
    Object parent_obj;

    char *name;
    DeviceState *parent;
    GSList *children;   /* DeviceState *, newest first (as info qtree) */
    bool hotplug_allowed;
};

static inline void device_class_set_category(DeviceClass *dc,
                                             DeviceCategory cat)
{
    dc->categories |= 1ul << cat;
}

/* Register @props (terminated by DEFINE_PROP_END_OF_LIST()) on @dc. */
void device_class_set_props(DeviceClass *dc, const Property *props);

/*
 * Chain realize/unrealize: a subclass's class_init saves the parent's
 * method in *@parent_realize and installs its own, which calls it.
 */
void device_class_set_parent_realize(DeviceClass *dc,
                                     DeviceRealize dev_realize,
                                     DeviceRealize *parent_realize);
void device_class_set_parent_unrealize(DeviceClass *dc,
                                       DeviceUnrealize dev_unrealize,
                                       DeviceUnrealize *parent_unrealize);

/* Life cycle */

/* Create an unrealized device of type @name; aborts if it does not exist. */
DeviceState *qdev_new(const char *name);
/* The same, or NULL when the type does not exist. */
DeviceState *qdev_try_new(const char *name);

/**
 * qdev_realize: realize @dev, plugging it into @bus (NULL: bus-less)
 *
 * A device without a parent in the composition tree is first placed at
 * /machine/unattached/device[N].  Returns false with @errp set (and @dev
 * unrealized, unplugged) on error.
 */
bool qdev_realize(DeviceState *dev, BusState *bus, Error **errp);
/* The same, then drop the caller's reference (the tree keeps one). */
bool qdev_realize_and_unref(DeviceState *dev, BusState *bus, Error **errp);
/* Unrealize (runs DeviceClass::unrealize), leaving the device in place. */
void qdev_unrealize(DeviceState *dev);

/*
 * Reset every realized device: the @reset pass over all of them in
 * realize order, then the @reset_exit pass.  qemu_system_reset() runs it
 * before the qemu_register_reset() handlers.
 */
void qemu_devices_reset(void);
/* Both passes for one device. */
void device_cold_reset(DeviceState *dev);

/* Call @fn on every realized device, in realize order. */
void qdev_foreach_realized(void (*fn)(DeviceState *dev, void *opaque),
                           void *opaque);

/* GPIO lines */

/*
 * Declare @n more input lines in the unnamed (or @name) list; each is a
 * child<irq> "unnamed-gpio-in[i]" (or "<name>[i]") whose level changes
 * call @handler(dev, i, level).  Call from instance_init or realize.
 */
void qdev_init_gpio_in(DeviceState *dev, qemu_irq_handler handler, int n);
void qdev_init_gpio_in_named(DeviceState *dev, qemu_irq_handler handler,
                             const char *name, int n);
/*
 * Declare @n output lines stored in the device's array @pins; each is a
 * link<irq> "unnamed-gpio-out[i]" (or "<name>[i]").
 */
void qdev_init_gpio_out(DeviceState *dev, qemu_irq *pins, int n);
void qdev_init_gpio_out_named(DeviceState *dev, qemu_irq *pins,
                              const char *name, int n);

/* Input line @n of the unnamed (or @name) list; NULL when out of range. */
qemu_irq qdev_get_gpio_in(DeviceState *dev, int n);
qemu_irq qdev_get_gpio_in_named(DeviceState *dev, const char *name, int n);

/* Connect output @n to @irq (NULL disconnects), as qom-set does. */
void qdev_connect_gpio_out(DeviceState *dev, int n, qemu_irq irq);
void qdev_connect_gpio_out_named(DeviceState *dev, const char *name, int n,
                                 qemu_irq irq);
/* The input output @n drives, or NULL. */
qemu_irq qdev_get_gpio_out_connector(DeviceState *dev, const char *name,
                                     int n);

/* The list called @name (NULL: unnamed), or NULL. */
NamedGPIOList *qdev_get_named_gpio_list(DeviceState *dev, const char *name);

/*
 * Divert the device's input lines (qtest irq_intercept_in): from now on a
 * level change on input i of list @name calls @handler(@opaque, i, level)
 * instead of the device.  Returns false if the device has no inputs.
 */
bool qdev_intercept_gpio_in(DeviceState *dev, qemu_irq_handler handler,
                            void *opaque);

/* Buses */

/* The main system bus, created on first use; it has no hotplug. */
BusState *sysbus_get_default(void);

/*
 * HMP "info qtree": append the bus/device tree to @buf (without
 * properties when @brief).
 */
void qdev_info_qtree(GString *buf, bool brief);

/* Identification */

/* The id, or NULL. */
const char *qdev_get_id(DeviceState *dev);
/*
 * How messages name a device: its id when it has one, else its canonical
 * path (no quotes added).  Returns a new string.
 */
char *qdev_get_human_name(DeviceState *dev);

/*
 * Find a device by id (under /machine/peripheral) or by QOM path, for
 * device_del, sysbus-mmio-map and friends.  Error: DeviceNotFound
 * "Device '%s' not found" (also for a path naming a non-device).
 */
DeviceState *qdev_find_by_id_or_path(const char *id, Error **errp);

#endif
