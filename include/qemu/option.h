/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Option strings: the "key=value,key2=value2" arguments of -device,
 * -chardev, -name, -M, -object and friends, and QMP device_add's arguments
 * turned into the same form.
 *
 * A QemuOpts is an ordered list of (name, value) string pairs.  It does not
 * know which names are valid: the code consuming the options reports
 * unknown ones.  Names may repeat; the accessors return the last occurrence.
 *
 * Two syntaxes exist, as in QEMU 7.2:
 *
 * QemuOpts syntax (qemu_opts_parse(), for -device, -chardev, -name, -serial
 * specs, -mon, ...):
 *  - a value runs to the next single ','; ",," is a literal comma;
 *  - if the first element has no '=', it is the value of @implied_key (its
 *    ",," are unescaped too: "-device 'a,,b'" names driver "a,b");
 *  - any other element without '=' is a flag: "name" means name=on and
 *    "noname" means name=off (so "server,nowait" is server=on,wait=off;
 *    note that every word starting with "no" is taken apart this way);
 *  - a bare "help" or "?" element is a help request: parsing stops there
 *    and qemu_opts_has_help() is true;
 *  - "id" is an ordinary pair, and also qemu_opts_id() (first occurrence);
 *    it must satisfy id_wellformed();
 *  - an empty name ("=x", or ",x" without an implied key) is an error.
 *
 * Keyval syntax (qemu_opts_parse_keyval(), for -M/-machine, -accel style):
 *  - the implied value is the first element if it has no '=', up to the
 *    first ',' (no escaping there: "none,,x" is type=none then an empty
 *    name);
 *  - every other element must be "key=value"; keys are dotted QAPI names
 *    ("a.b", "a.0") kept as one name here;
 *  - "help" or "?" anywhere is a help request (parsing goes on).
 */
#ifndef QEMU_OPTION_H
#define QEMU_OPTION_H

/* One pair; both strings are owned by the QemuOpts. */
struct QemuOpt {
    char *name;
    char *str;
};

/* An empty list. */
QemuOpts *qemu_opts_new(void);
void qemu_opts_free(QemuOpts *opts);
/* The same as qemu_opts_free(), under QEMU's name. */
void qemu_opts_del(QemuOpts *opts);

G_DEFINE_AUTOPTR_CLEANUP_FUNC(QemuOpts, qemu_opts_free)

/**
 * qemu_opts_parse: parse @params in QemuOpts syntax
 * @implied_key: the name of a first element without '=', or NULL (then
 *               such an element is a flag, as QEMU treats it)
 *
 * Errors: "Invalid parameter ''" for an empty name, and "Parameter 'id'
 * expects an identifier" (with a hint line) for a malformed id.
 * Returns NULL on error.
 */
QemuOpts *qemu_opts_parse(const char *params, const char *implied_key,
                          Error **errp);

/**
 * qemu_opts_parse_noisily: as qemu_opts_parse(), for the command line:
 * each flag element also prints QEMU 7.2's deprecation warning
 * ("short-form boolean option 'server' deprecated" then
 * "Please use server=on instead").
 */
QemuOpts *qemu_opts_parse_noisily(const char *params,
                                  const char *implied_key, Error **errp);

/**
 * qemu_opts_parse_keyval: parse @params in keyval syntax
 *
 * Errors, as QEMU's: "Invalid parameter 'KEY'" for an empty or malformed
 * key, "Expected '=' after parameter 'KEY'", "Parameter 'KEY' is too long".
 */
QemuOpts *qemu_opts_parse_keyval(const char *params,
                                 const char *implied_key, Error **errp);

/* The first "id" of the parsed string, or NULL. */
const char *qemu_opts_id(QemuOpts *opts);
/* Whether "help" or "?" was given. */
bool qemu_opts_has_help(QemuOpts *opts);
/* The number of pairs, and the pair at @index (in order). */
size_t qemu_opts_count(QemuOpts *opts);
const QemuOpt *qemu_opts_nth(QemuOpts *opts, size_t index);

/*
 * Append a pair.  Setting "id" also sets qemu_opts_id() (not checked:
 * the caller validates ids it makes up).
 */
void qemu_opt_set(QemuOpts *opts, const char *name, const char *value);
/* Remove every pair named @name; returns how many there were. */
int qemu_opt_unset(QemuOpts *opts, const char *name);

bool qemu_opt_has(QemuOpts *opts, const char *name);
/* The value of the last pair named @name, or NULL. */
const char *qemu_opt_get(QemuOpts *opts, const char *name);

/*
 * Typed accessors: @def when @name is absent.  A malformed value sets
 * @errp and returns @def.  Texts are QemuOpts': bool as qinput_parse_bool();
 * number: "Parameter 'N' expects a number" or "Value 'V' is too large for
 * parameter 'N'"; size (qemu_strtosz): "Parameter 'N' expects a
 * non-negative number below 2^64" with QEMU's two hint lines, or
 * "Value 'V' is out of range for parameter 'N'".
 */
bool qemu_opt_get_bool(QemuOpts *opts, const char *name, bool def,
                       Error **errp);
uint64_t qemu_opt_get_number(QemuOpts *opts, const char *name, uint64_t def,
                             Error **errp);
uint64_t qemu_opt_get_size(QemuOpts *opts, const char *name, uint64_t def,
                           Error **errp);

/*
 * Call @func on each pair in order; stop at the first non-zero return and
 * return that value (0 when all returned 0).
 */
typedef int QemuOptLoopFunc(void *opaque, const char *name,
                            const char *value, Error **errp);
int qemu_opt_foreach(QemuOpts *opts, QemuOptLoopFunc *func, void *opaque,
                     Error **errp);

/* A new object of string members, the last occurrence of each name. */
JsonObject *qemu_opts_to_json(QemuOpts *opts);

/**
 * qemu_opts_from_qmp_args: QMP device_add's coercion of its arguments
 *
 * As QEMU 7.2: strings are taken as they are, integers become decimal
 * text, other numbers "%.17g" text (1.5 gives "1.5"), true/false become
 * "on"/"off", and null, objects and arrays are silently dropped.  A string
 * "id" must be well-formed ("Parameter 'id' expects an identifier"); an id
 * of another type is dropped like any other member.
 */
QemuOpts *qemu_opts_from_qmp_args(JsonObject *args, Error **errp);

/* "name=value,..." with commas in values doubled.  The caller frees. */
char *qemu_opts_to_string(QemuOpts *opts);

#endif
