# SPDX-License-Identifier: GPL-2.0-or-later
# Generates PREFIXqapi-types.[ch]: C enums, structs, lists and their
# free functions.

from .common import c_name, c_string
from .error import QAPIError
from .schema import (AlternateType, ArrayType, BuiltinType, EnumType,
                     ObjectType)


def qtype_of(t):
    """The QType constant an alternate branch of type @t is selected by."""
    jt = t.json_type()
    return {
        'string': 'QTYPE_QSTRING',
        'int': 'QTYPE_QNUM',
        'number': 'QTYPE_QNUM',
        'boolean': 'QTYPE_QBOOL',
        'null': 'QTYPE_QNULL',
        'object': 'QTYPE_QDICT',
    }[jt]


def c_free(t, expr):
    """A C statement freeing the value @expr of type @t, or None."""
    if isinstance(t, BuiltinType):
        if t.name == 'str':
            return 'g_free(%s);' % expr
        if t.name in ('any', 'null'):
            return 'qapi_json_unref(%s);' % expr
        return None
    if isinstance(t, EnumType):
        return None
    return 'qapi_free_%s(%s);' % (t.c_name(), expr)


def member_decls(members, indent='    '):
    out = []
    for m in members:
        if m.needs_has():
            out.append('%sbool has_%s;\n' % (indent, m.c_name()))
        ctype = m.type.c_type()
        sep = '' if ctype.endswith('*') else ' '
        out.append('%s%s%s%s;\n' % (indent, ctype, sep, m.c_name()))
    return ''.join(out)


def _struct_order(schema):
    """Object types ordered so that types embedded by value come first."""
    done = []
    state = {}

    def visit(t, via):
        if state.get(t.name) == 'done':
            return
        if state.get(t.name) == 'busy':
            raise QAPIError(t.info, "union '%s' contains itself by value"
                            % t.name)
        state[t.name] = 'busy'
        for _, vt in t.variants:
            visit(vt, t)
        state[t.name] = 'done'
        done.append(t)

    for t in schema.object_types():
        visit(t, None)
    return done


def _free_members_body(t):
    out = []
    if t.base is not None:
        out.append('    qapi_free_%s_members((%s *)obj);\n'
                   % (t.base.c_name(), t.base.c_name()))
    for m in t.local_members:
        stmt = c_free(m.type, 'obj->' + m.c_name())
        if stmt:
            out.append('    %s\n' % stmt)
    if t.variants:
        out.append('    switch (obj->%s) {\n' % t.tag_member.c_name())
        for case, vt in t.variants:
            out.append('    case %s:\n' % t.tag_member.type.const(case))
            out.append('        qapi_free_%s_members(&obj->u.%s);\n'
                       % (vt.c_name(), c_name(case)))
            out.append('        break;\n')
        out.append('    default:\n        break;\n    }\n')
    return ''.join(out)


def generate(schema, prefix, guard):
    h = []
    c = []
    h.append('#ifndef %s\n#define %s\n\n' % (guard, guard))
    h.append('#include "qapi/util.h"\n#include "qapi/type-helpers.h"\n\n')

    types = schema.user_types()
    builtin_lists = [t for t in schema.types.values()
                     if isinstance(t, ArrayType)
                     and isinstance(t.element, BuiltinType)]
    objects = _struct_order(schema)

    h.append('/* Forward declarations */\n')
    for t in objects + [t for t in types if isinstance(t, AlternateType)]:
        h.append('typedef struct %s %s;\n' % (t.c_name(), t.c_name()))
    for t in schema.types.values():
        if isinstance(t, ArrayType):
            h.append('typedef struct %s %s;\n' % (t.c_name(), t.c_name()))
    h.append('\n')

    for t in types:
        if not isinstance(t, EnumType):
            continue
        cn = t.c_name()
        h.append('typedef enum %s {\n' % cn)
        for v in t.values:
            h.append('    %s,\n' % t.const(v.name))
        h.append('    %s,\n} %s;\n\n' % (t.const_max(), cn))
        h.append('extern const QEnumLookup %s_lookup;\n' % cn)
        h.append('#define %s_str(val) qapi_enum_lookup(&%s_lookup, (val))\n\n'
                 % (cn, cn))
        c.append('static const char *const %s_names[] = {\n' % cn)
        for v in t.values:
            c.append('    [%s] = %s,\n' % (t.const(v.name), c_string(v.name)))
        c.append('};\n\n')
        c.append('const QEnumLookup %s_lookup = {\n' % cn)
        c.append('    .array = %s_names,\n    .size = %s,\n};\n\n'
                 % (cn, t.const_max()))

    # Lists
    for t in schema.types.values():
        if not isinstance(t, ArrayType):
            continue
        cn = t.c_name()
        et = t.element
        ctype = et.c_type()
        sep = '' if ctype.endswith('*') else ' '
        h.append('struct %s {\n    %s *next;\n    %s%svalue;\n};\n\n'
                 % (cn, cn, ctype, sep))
        h.append('void qapi_free_%s(%s *obj);\n' % (cn, cn))
        h.append('G_DEFINE_AUTOPTR_CLEANUP_FUNC(%s, qapi_free_%s)\n\n'
                 % (cn, cn))
        c.append('void qapi_free_%s(%s *obj)\n{\n' % (cn, cn))
        c.append('    while (obj) {\n        %s *next = obj->next;\n\n' % cn)
        stmt = c_free(et, 'obj->value')
        if stmt:
            c.append('        %s\n' % stmt)
        c.append('        g_free(obj);\n        obj = next;\n    }\n}\n\n')

    for t in objects:
        cn = t.c_name()
        h.append('struct %s {\n' % cn)
        members = t.all_members()
        if t.base is not None:
            h.append('    /* Members inherited from %s: */\n' % t.base.c_name())
            h.append(member_decls(t.base.all_members()))
            h.append('    /* Own members: */\n')
        h.append(member_decls(t.local_members))
        if t.variants:
            h.append('    union { /* data depends on @%s */\n'
                     % t.tag_member.c_name())
            for case, vt in t.variants:
                h.append('        %s %s;\n' % (vt.c_name(), c_name(case)))
            h.append('    } u;\n')
        if not members and not t.variants:
            h.append('    char qapi_dummy_for_empty_struct;\n')
        h.append('};\n\n')
        h.append('void qapi_free_%s_members(%s *obj);\n' % (cn, cn))
        h.append('void qapi_free_%s(%s *obj);\n' % (cn, cn))
        if not t.implicit:
            h.append('G_DEFINE_AUTOPTR_CLEANUP_FUNC(%s, qapi_free_%s)\n'
                     % (cn, cn))
        if t.base is not None:
            bn = t.base.c_name()
            h.append('\n/* @obj viewed as its base type %s. */\n' % bn)
            h.append('static inline %s *qapi_%s_base(const %s *obj)\n{\n'
                     '    return (%s *)obj;\n}\n' % (bn, cn, cn, bn))
        h.append('\n')
        c.append('void qapi_free_%s_members(%s *obj)\n{\n' % (cn, cn))
        c.append(_free_members_body(t))
        c.append('}\n\n')
        c.append('void qapi_free_%s(%s *obj)\n{\n' % (cn, cn))
        c.append('    if (!obj) {\n        return;\n    }\n')
        c.append('    qapi_free_%s_members(obj);\n    g_free(obj);\n}\n\n' % cn)

    for t in types:
        if not isinstance(t, AlternateType):
            continue
        cn = t.c_name()
        h.append('struct %s {\n    QType type;\n    union {\n' % cn)
        for bname, bt in t.branches:
            ctype = bt.c_type()
            sep = '' if ctype.endswith('*') else ' '
            h.append('        %s%s%s;\n' % (ctype, sep, c_name(bname)))
        h.append('    } u;\n};\n\n')
        h.append('void qapi_free_%s(%s *obj);\n' % (cn, cn))
        h.append('G_DEFINE_AUTOPTR_CLEANUP_FUNC(%s, qapi_free_%s)\n\n'
                 % (cn, cn))
        c.append('void qapi_free_%s(%s *obj)\n{\n' % (cn, cn))
        c.append('    if (!obj) {\n        return;\n    }\n')
        c.append('    switch (obj->type) {\n')
        for bname, bt in t.branches:
            stmt = c_free(bt, 'obj->u.' + c_name(bname))
            if stmt:
                c.append('    case %s:\n        %s\n        break;\n'
                         % (qtype_of(bt), stmt))
        c.append('    default:\n        break;\n    }\n    g_free(obj);\n}\n\n')

    h.append('#endif\n')
    return ''.join(h), ''.join(c)
