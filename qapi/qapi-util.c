/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Enumeration lookup for QAPI-generated and QOM code (qapi/util.h). */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qapi/util.h"

const char *qapi_enum_lookup(const QEnumLookup *lookup, int val)
{
    assert(val >= 0 && val < lookup->size);
    return lookup->array[val];
}

int qapi_enum_parse(const QEnumLookup *lookup, const char *buf, int def,
                    Error **errp)
{
    if (!buf) {
        return def;
    }
    for (int i = 0; i < lookup->size; i++) {
        if (lookup->array[i] && !strcmp(buf, lookup->array[i])) {
            return i;
        }
    }
    error_setg(errp, "Invalid parameter '%s'", buf);
    return def;
}
