# SPDX-License-Identifier: GPL-2.0-or-later
# Generates PREFIXqapi-introspect.[ch]: the query-qmp-schema reply, a list
# of SchemaInfo objects in QEMU's format.
#
# Clients are meant to find types through commands and events only, so
# every type name except the built-in ones is replaced by a number given in
# order of first use.  "0" is the empty object that argument-less commands
# take and that commands without 'returns' return.  The entries come in
# QEMU's order: commands and events as defined, then each type used, in
# order of first use; the members of each object in QEMU's output order.

import json

from .common import c_name, c_string, qdict_order
from .schema import (AlternateType, ArrayType, BuiltinType, EnumType,
                     ObjectType)


def _ordered(d):
    """@d with its keys (in insertion order) put in QEMU's output order."""
    return {k: d[k] for k in qdict_order(list(d))}


class _Walker:
    def __init__(self, schema):
        self.schema = schema
        # QEMU's schema happens to use the empty object first; we make "0"
        # the empty object whatever the schema's order, as clients expect.
        self.names = {schema.empty.name: '0'}
        self.used = []
        self.entries = []

    def name(self, t):
        if t.name not in self.names:
            self.names[t.name] = str(len(self.names))
        return self.names[t.name]

    def use(self, t):
        if isinstance(t, BuiltinType) and t.json_type() == 'int':
            t = self.schema.types['int']
        elif (isinstance(t, ArrayType) and isinstance(t.element, BuiltinType)
              and t.element.json_type() == 'int'):
            t = self.schema.types['intList']
        if t not in self.used:
            self.used.append(t)
        if isinstance(t, BuiltinType):
            return t.name
        if isinstance(t, ArrayType):
            return '[' + self.use(t.element) + ']'
        return self.name(t)

    def tree(self, name, meta, obj, features):
        obj['name'] = name
        obj['meta-type'] = meta
        if features:
            obj['features'] = [f.name for f in features]
        self.entries.append(_ordered(obj))

    def member(self, m):
        obj = {'name': m.name, 'type': self.use(m.type)}
        if m.optional:
            obj['default'] = None
        if m.features:
            obj['features'] = [f.name for f in m.features]
        return _ordered(obj)

    def command(self, cmd):
        obj = {'arg-type': self.use(cmd.arg_type or self.schema.empty),
               'ret-type': self.use(cmd.ret_type or self.schema.empty)}
        if cmd.allow_oob:
            obj['allow-oob'] = True
        self.tree(cmd.name, 'command', obj, cmd.features)

    def event(self, ev):
        obj = {'arg-type': self.use(ev.arg_type or self.schema.empty)}
        self.tree(ev.name, 'event', obj, ev.features)

    def type(self, t):
        if isinstance(t, BuiltinType):
            self.tree(t.name, 'builtin', {'json-type': t.json_type()}, [])
        elif isinstance(t, EnumType):
            members = []
            for v in t.values:
                mo = {'name': v.name}
                if v.features:
                    mo['features'] = [f.name for f in v.features]
                members.append(_ordered(mo))
            self.tree(self.name(t), 'enum',
                      {'members': members,
                       'values': [v.name for v in t.values]}, t.features)
        elif isinstance(t, ArrayType):
            elem = self.use(t.element)
            self.tree('[' + elem + ']', 'array', {'element-type': elem}, [])
        elif isinstance(t, AlternateType):
            members = [_ordered({'type': self.use(bt)})
                       for _, bt in t.branches]
            self.tree(self.name(t), 'alternate', {'members': members},
                      t.features)
        elif isinstance(t, ObjectType):
            obj = {'members': [self.member(m) for m in t.all_members()]}
            if t.variants:
                obj['tag'] = t.tag_member.name
                variants = list(t.variants)
                cases = [case for case, _ in variants]
                for v in t.tag_member.type.values:
                    if v.name not in cases:
                        variants.append((v.name, self.schema.empty))
                obj['variants'] = [
                    _ordered({'case': case, 'type': self.use(vt)})
                    for case, vt in variants]
            self.tree(self.name(t), 'object', obj, t.features)

    def walk(self):
        for ent in self.schema.order:
            if ent in self.schema.commands:
                self.command(ent)
            elif ent in self.schema.events:
                self.event(ent)
        i = 0
        while i < len(self.used):
            self.type(self.used[i])
            i += 1
        return self.entries


def schema_info(schema):
    """The SchemaInfo list as Python values."""
    return _Walker(schema).walk()


def generate(schema, prefix, guard):
    p = c_name(prefix, False)
    entries = schema_info(schema)
    h = ['#ifndef %s\n#define %s\n\n' % (guard, guard),
         '/* The query-qmp-schema reply (a new JSON array). */\n',
         'JsonNode *%sqmp_schema_json(void);\n\n' % p,
         '/* The same as JSON text. */\n',
         'extern const char %sqmp_schema_text[];\n\n#endif\n' % p]
    c = ['#include <json-glib/json-glib.h>\n\n',
         'const char %sqmp_schema_text[] =\n    "["\n' % p]
    for i, e in enumerate(entries):
        text = json.dumps(e, separators=(', ', ': '))
        if i + 1 < len(entries):
            text += ', '
        c.append('    %s\n' % c_string(text))
    c.append('    "]";\n\n')
    c.append('JsonNode *%sqmp_schema_json(void)\n{\n'
             '    GError *gerr = NULL;\n'
             '    JsonNode *node = json_from_string(%sqmp_schema_text, '
             '&gerr);\n\n'
             '    g_assert_no_error(gerr);\n    return node;\n}\n' % (p, p))
    return ''.join(h), ''.join(c)
