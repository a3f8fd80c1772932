/* SPDX-License-Identifier: GPL-2.0-or-later */
/* query-qmp-schema: replies with the introspection data of the schema. */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qapi/qapi-commands.h"
#include "qapi/qapi-introspect.h"

void qmp_query_qmp_schema(JsonObject *args, JsonNode **ret, Error **errp)
{
    *ret = qmp_schema_json();
}
