/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Typed input from JSON values and from option strings.
 *
 * This is the one place that turns untyped input into C scalars, with the
 * error texts QMP clients know from QEMU.  QAPI-generated unmarshalling and
 * QOM property setters both use it, so a property behaves the same whether
 * it is set by qom-set, device_add, -device or a board script.
 *
 * @name is the parameter or property name used in the messages ("null" is
 * used when it is NULL, as QEMU does).
 *
 * Strict inputs (qinput_*) take a JsonNode and accept only the matching JSON
 * type (QMP arguments, qom-set values, JSON -device):
 *   absent (NULL node): "Parameter '%s' is missing"
 *   wrong JSON type:    "Invalid parameter type for '%s', expected: %s"
 *                       with boolean, integer, number, string, object, array;
 *                       but for the unsigned kinds (uint64, uintN, size)
 *                       QEMU says "Parameter '%s' expects uint64"
 *   out of range:       "Parameter '%s' expects %s" with int8_t ... uint64_t
 *   unknown enum name:  "Parameter '%s' does not accept value '%s'"
 * qinput_uint64 accepts negative integers and wraps them, as QEMU does.
 *
 * Lenient inputs (qinput_parse_*) take the string form of the command line
 * and of device_add arguments (all checked against QEMU 7.2):
 *   bool:    on/off, yes/no, y/n, true/false (case-sensitive), else
 *            "Parameter '%s' expects 'on' or 'off'"
 *   integer: decimal, 0x hex, optional sign, else
 *            "Parameter '%s' expects integer"; range as above
 *   size:    qemu_strtosz() syntax, else (overflow included)
 *            "Parameter '%s' expects a size value"; -m's own wording lives
 *            in qemu_opt_get_size()
 *   number:  strtod syntax, else
 *            "Invalid parameter type for '%s', expected: number"
 */
#ifndef QAPI_INPUT_H
#define QAPI_INPUT_H

bool qinput_bool(JsonNode *node, const char *name, bool *out, Error **errp);
bool qinput_int64(JsonNode *node, const char *name, int64_t *out,
                  Error **errp);
bool qinput_uint64(JsonNode *node, const char *name, uint64_t *out,
                   Error **errp);
/* @bits is 8, 16, 32 or 64; the range error names e.g. "int16_t". */
bool qinput_intN(JsonNode *node, const char *name, int bits, int64_t *out,
                 Error **errp);
bool qinput_uintN(JsonNode *node, const char *name, int bits, uint64_t *out,
                  Error **errp);
/* A size is a JSON integer (negative ones wrap as for uint64). */
bool qinput_size(JsonNode *node, const char *name, uint64_t *out,
                 Error **errp);
/* An integer or a floating-point number. */
bool qinput_number(JsonNode *node, const char *name, double *out,
                   Error **errp);
/* *out is borrowed from @node. */
bool qinput_str(JsonNode *node, const char *name, const char **out,
                Error **errp);
bool qinput_enum(JsonNode *node, const char *name, const QEnumLookup *lookup,
                 int *out, Error **errp);
/* *out is borrowed from @node. */
bool qinput_object(JsonNode *node, const char *name, JsonObject **out,
                   Error **errp);
bool qinput_array(JsonNode *node, const char *name, JsonArray **out,
                  Error **errp);

bool qinput_parse_bool(const char *str, const char *name, bool *out,
                       Error **errp);
bool qinput_parse_int64(const char *str, const char *name, int64_t *out,
                        Error **errp);
bool qinput_parse_uint64(const char *str, const char *name, uint64_t *out,
                         Error **errp);
bool qinput_parse_intN(const char *str, const char *name, int bits,
                       int64_t *out, Error **errp);
bool qinput_parse_uintN(const char *str, const char *name, int bits,
                        uint64_t *out, Error **errp);
bool qinput_parse_size(const char *str, const char *name, uint64_t *out,
                       Error **errp);
bool qinput_parse_number(const char *str, const char *name, double *out,
                         Error **errp);

#endif
