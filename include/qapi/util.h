/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Enumeration lookup tables shared by QAPI-generated and QOM code. */
#ifndef QAPI_UTIL_H
#define QAPI_UTIL_H

struct QEnumLookup {
    const char *const *array;
    int size;
};

/* The name of @val, which must be in range. */
const char *qapi_enum_lookup(const QEnumLookup *lookup, int val);

/*
 * The value named @buf, or @def when @buf is NULL.  An unknown name fails
 * with "Invalid parameter '%s'" and returns @def.
 */
int qapi_enum_parse(const QEnumLookup *lookup, const char *buf, int def,
                    Error **errp);

#endif
