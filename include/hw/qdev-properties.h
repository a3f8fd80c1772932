/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * qdev properties: static tables of a device's configuration fields.
 *
 *   static const Property foo_props[] = {
 *       DEFINE_PROP_UINT32("num-sources", FooState, num_sources, 32),
 *       DEFINE_PROP_STRING("name", FooState, name),
 *       DEFINE_PROP_CHR("chardev", FooState, chr),
 *       DEFINE_PROP_END_OF_LIST(),
 *   };
 *   device_class_set_props(dc, foo_props);
 *
 * Each entry becomes a class property (listed by device-list-properties
 * with its default).  Values set from -device and device_add are parsed
 * from strings as QEMU does ("0x4000", "16K" for sizes, on/off/yes/no/
 * true/false for bools); qom-set takes strictly typed JSON.  Every write
 * after realize is refused: "Attempt to set property '%s' on device '%s'
 * (type '%s') after it was realized" (or "on anonymous device").
 */
#ifndef HW_QDEV_PROPERTIES_H
#define HW_QDEV_PROPERTIES_H

#include "hw/qdev-core.h"

typedef enum PropertyKind {
    PROP_KIND_FIELD,    /* a plain field: see @field_kind */
    PROP_KIND_LINK,     /* Object * to an object of @link_type */
    PROP_KIND_CHR,      /* CharBackend: the chardev's label ("str") */
} PropertyKind;

/**
 * struct Property: one entry of a device's property table
 *
 * @name: the property name
 * @kind: see PropertyKind
 * @field_kind: for PROP_KIND_FIELD, the C type (qom/object.h)
 * @type: the type string when not the field kind's default
 * @offset: of the field in the device's state
 * @lookup: for enums
 * @link_type: for links, the target's QOM type
 * @set_default: @defval applies (instances start with it and
 *   introspection shows it)
 * @defval: the default, as int64/uint64/bool per @field_kind
 * @defstr: the default of a string property, or NULL
 */
struct Property {
    const char *name;
    PropertyKind kind;
    ObjectFieldKind field_kind;
    const char *type;
    size_t offset;
    const QEnumLookup *lookup;
    const char *link_type;
    bool set_default;
    union {
        int64_t i;
        uint64_t u;
    } defval;
    const char *defstr;
};

#define DEFINE_PROP_FIELD_(_name, _state, _field, _ctype, _fk, _type)      \
    .name = (_name), .kind = PROP_KIND_FIELD, .field_kind = (_fk),         \
    .type = (_type),                                                       \
    .offset = offsetof(_state, _field) +                                   \
        0 * sizeof(&((_state *)0)->_field == (_ctype *)0)

#define DEFINE_PROP_BOOL(_name, _state, _field, _def)                      \
    { DEFINE_PROP_FIELD_(_name, _state, _field, bool, OBJ_FIELD_BOOL,      \
                         NULL), .set_default = true, .defval.u = (_def) }
#define DEFINE_PROP_UINT8(_name, _state, _field, _def)                     \
    { DEFINE_PROP_FIELD_(_name, _state, _field, uint8_t, OBJ_FIELD_UINT8,  \
                         NULL), .set_default = true, .defval.u = (_def) }
#define DEFINE_PROP_UINT16(_name, _state, _field, _def)                    \
    { DEFINE_PROP_FIELD_(_name, _state, _field, uint16_t,                  \
                         OBJ_FIELD_UINT16, NULL),                          \
      .set_default = true, .defval.u = (_def) }
#define DEFINE_PROP_UINT32(_name, _state, _field, _def)                    \
    { DEFINE_PROP_FIELD_(_name, _state, _field, uint32_t,                  \
                         OBJ_FIELD_UINT32, NULL),                          \
      .set_default = true, .defval.u = (_def) }
#define DEFINE_PROP_UINT64(_name, _state, _field, _def)                    \
    { DEFINE_PROP_FIELD_(_name, _state, _field, uint64_t,                  \
                         OBJ_FIELD_UINT64, NULL),                          \
      .set_default = true, .defval.u = (_def) }
#define DEFINE_PROP_INT32(_name, _state, _field, _def)                     \
    { DEFINE_PROP_FIELD_(_name, _state, _field, int32_t, OBJ_FIELD_INT32,  \
                         NULL), .set_default = true, .defval.i = (_def) }
#define DEFINE_PROP_INT64(_name, _state, _field, _def)                     \
    { DEFINE_PROP_FIELD_(_name, _state, _field, int64_t, OBJ_FIELD_INT64,  \
                         NULL), .set_default = true, .defval.i = (_def) }
#define DEFINE_PROP_SIZE(_name, _state, _field, _def)                      \
    { DEFINE_PROP_FIELD_(_name, _state, _field, uint64_t, OBJ_FIELD_SIZE,  \
                         NULL), .set_default = true, .defval.u = (_def) }
/* A char * field, owned by the device; type string "str"; no default. */
#define DEFINE_PROP_STRING(_name, _state, _field)                          \
    { DEFINE_PROP_FIELD_(_name, _state, _field, char *, OBJ_FIELD_STRING,  \
                         "str") }
/* An Object * field linking to a @_type object (link<_type>). */
#define DEFINE_PROP_LINK(_name, _state, _field, _type, _ptr_type)          \
    { .name = (_name), .kind = PROP_KIND_LINK, .link_type = (_type),       \
      .offset = offsetof(_state, _field) +                                 \
          0 * sizeof(&((_state *)0)->_field == (_ptr_type *)0) }
/*
 * A CharBackend field: the value is a chardev label ("str"); setting it
 * connects the front end; "" disconnects.  Errors, as QEMU 7.2:
 * "Property 'T.chardev' can't find value 'x'" and "Property 'T.chardev'
 * can't take value 'x': Device 'x' is in use" (T: the device's type).
 */
#define DEFINE_PROP_CHR(_name, _state, _field)                             \
    { .name = (_name), .kind = PROP_KIND_CHR, .type = "str",               \
      .offset = offsetof(_state, _field) +                                 \
          0 * sizeof(&((_state *)0)->_field == (CharBackend *)0) }
#define DEFINE_PROP_END_OF_LIST() { .name = NULL }

/* Setters for board code; they abort on error (a programming error). */
void qdev_prop_set_bit(DeviceState *dev, const char *name, bool value);
void qdev_prop_set_uint8(DeviceState *dev, const char *name, uint8_t value);
void qdev_prop_set_uint32(DeviceState *dev, const char *name,
                          uint32_t value);
void qdev_prop_set_uint64(DeviceState *dev, const char *name,
                          uint64_t value);
void qdev_prop_set_int32(DeviceState *dev, const char *name, int32_t value);
void qdev_prop_set_string(DeviceState *dev, const char *name,
                          const char *value);
void qdev_prop_set_chr(DeviceState *dev, const char *name, Chardev *value);

/*
 * Global properties: -global DRIVER.PROP=VALUE and -cpu MODEL,PROP=VALUE
 * register (DRIVER, PROP, VALUE); every device of type DRIVER or a
 * subtype gets them, in registration order, when it is created (its
 * instance_post_init), so before realize and before its creator sets
 * other values.  A failure is "can't apply global D.P=V: <why>": fatal
 * for devices created before the machine is ready (command line, board
 * scripts, preconfig device_add), a warning for later ones, as in QEMU.
 */
void qdev_prop_register_global(const char *driver, const char *property,
                               const char *value);
/* Apply the globals that match @dev; false (with @errp) at a failure. */
bool qdev_prop_apply_globals(DeviceState *dev, Error **errp);
/* Warn about globals whose driver is not a device type (at start-up). */
void qdev_prop_check_globals(void);
/* Forget every global (qemu_cleanup). */
void qdev_prop_globals_cleanup(void);

/*
 * qdev_prop_check_settable: the ObjectClass::property_set_check hook of
 * TYPE_DEVICE: refuses writes after realize except to properties marked
 * late_settable ("realized", and GPIO links until the machine is ready).
 */
bool qdev_prop_check_settable(Object *obj, ObjectProperty *prop,
                              Error **errp);

#endif
