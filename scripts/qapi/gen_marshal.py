# SPDX-License-Identifier: GPL-2.0-or-later
# Generates PREFIXqapi-marshal.[ch]: conversion of every schema type from
# a JSON value (input, with QEMU's error texts) and back (output).
#
# For each type T:
#   bool qapi_input_T(JsonNode *node, const char *path, const char *name,
#                     T *out, Error **errp)    (T * for pointer types)
#   JsonNode *qapi_output_T(T value)          (const T * for objects)
# and for object types also the _members variants working on a JsonObject
# shared with base and branch types.  @path is the full name of the value
# ("a.b[2].c", NULL at the top) used in most messages; @name is its bare
# member name, used where QEMU uses it (enum values, integer ranges).

from .common import c_name, c_string
from .gen_types import qtype_of
from .schema import AlternateType, ArrayType, BuiltinType, EnumType


def _out_type(t):
    ctype = t.c_type()
    return ctype if ctype.endswith('*') else ctype + ' '


def _in_type(t):
    if isinstance(t, (EnumType,)) or (isinstance(t, BuiltinType)
                                      and not t.is_pointer()):
        return t.c_type() + ' '
    if isinstance(t, BuiltinType):
        if t.name == 'str':
            return 'const char *'
        return t.c_type()
    return 'const ' + t.c_type()


def input_decl(t):
    return ('bool qapi_input_%s(JsonNode *node, const char *path,\n'
            '    const char *name, %s*out, Error **errp)'
            % (t.c_name(), _out_type(t)))


def output_decl(t):
    return 'JsonNode *qapi_output_%s(%sin)' % (t.c_name(), _in_type(t))


def members_input_decl(t):
    cn = t.c_name()
    return ('bool qapi_input_%s_members(JsonObject *obj, const char *path,\n'
            '    GHashTable *seen, %s *out, Error **errp)' % (cn, cn))


def members_output_decl(t):
    cn = t.c_name()
    return 'void qapi_output_%s_members(JsonObject *obj, const %s *in)' % (
        cn, cn)


def input_call(t, node, path, name, dst):
    return 'qapi_input_%s(%s, %s, %s, %s, errp)' % (t.c_name(), node, path,
                                                   name, dst)


def output_call(t, expr):
    if isinstance(t, BuiltinType) and t.name == 'null':
        return 'qapi_output_null()'
    return 'qapi_output_%s(%s)' % (t.c_name(), expr)


def _members_input_body(t):
    out = []
    if t.base is not None:
        bn = t.base.c_name()
        out.append('    if (!qapi_input_%s_members(obj, path, seen, '
                   '(%s *)out, errp)) {\n        return false;\n    }\n'
                   % (bn, bn))
    for m in t.local_members:
        mn = c_string(m.name)
        out.append('    node = qapi_member_get(obj, %s, seen);\n' % mn)
        if m.optional:
            out.append('    if (node) {\n')
            ind = '        '
            if m.needs_has():
                out.append('%sout->has_%s = true;\n' % (ind, m.c_name()))
        else:
            out.append('    if (!node) {\n'
                       '        qapi_error_missing(path, %s, errp);\n'
                       '        return false;\n    }\n    {\n' % mn)
            ind = '        '
        out.append('%sg_autofree char *p = qapi_path_member(path, %s);\n\n'
                   % (ind, mn))
        out.append('%sif (!%s) {\n%s    return false;\n%s}\n'
                   % (ind, input_call(m.type, 'node', 'p', mn,
                                      '&out->' + m.c_name()), ind, ind))
        out.append('    }\n')
    if t.variants:
        out.append('    switch (out->%s) {\n' % t.tag_member.c_name())
        for case, vt in t.variants:
            out.append('    case %s:\n' % t.tag_member.type.const(case))
            out.append('        return qapi_input_%s_members(obj, path, seen, '
                       '&out->u.%s, errp);\n' % (vt.c_name(), c_name(case)))
        out.append('    default:\n        break;\n    }\n')
    out.append('    return true;\n')
    body = ''.join(out)
    if 'node = ' in body:
        body = '    JsonNode *node;\n\n' + body
    return body


def _members_output_body(t):
    out = []
    if t.base is not None:
        bn = t.base.c_name()
        out.append('    qapi_output_%s_members(obj, (const %s *)in);\n'
                   % (bn, bn))
    for m in t.local_members:
        val = output_call(m.type, 'in->' + m.c_name())
        stmt = 'json_object_set_member(obj, %s, %s);' % (c_string(m.name),
                                                          val)
        if m.optional:
            cond = ('in->has_' + m.c_name()) if m.needs_has() \
                else 'in->' + m.c_name()
            out.append('    if (%s) {\n        %s\n    }\n' % (cond, stmt))
        else:
            out.append('    %s\n' % stmt)
    if t.variants:
        out.append('    switch (in->%s) {\n' % t.tag_member.c_name())
        for case, vt in t.variants:
            out.append('    case %s:\n' % t.tag_member.type.const(case))
            out.append('        qapi_output_%s_members(obj, &in->u.%s);\n'
                       '        break;\n' % (vt.c_name(), c_name(case)))
        out.append('    default:\n        break;\n    }\n')
    return ''.join(out)


def generate(schema, prefix, guard, types_header):
    h = ['#ifndef %s\n#define %s\n\n#include "%s"\n\n'
         % (guard, guard, types_header)]
    c = []
    for t in schema.types.values():
        if isinstance(t, BuiltinType):
            continue
        cn = t.c_name()
        if isinstance(t, EnumType):
            h.append('%s;\n%s;\n\n' % (input_decl(t), output_decl(t)))
            c.append('%s\n{\n    int value;\n\n' % input_decl(t))
            c.append('    if (!qapi_input_enum(node, path, name, &%s_lookup, '
                     '&value, errp)) {\n        return false;\n    }\n'
                     '    *out = value;\n    return true;\n}\n\n' % cn)
            c.append('%s\n{\n    return qapi_output_enum(&%s_lookup, in);\n'
                     '}\n\n' % (output_decl(t), cn))
        elif isinstance(t, ArrayType):
            et = t.element
            h.append('%s;\n%s;\n\n' % (input_decl(t), output_decl(t)))
            c.append('%s\n{\n' % input_decl(t))
            c.append('    JsonArray *arr;\n    %s **tail = out;\n'
                     '    guint i;\n\n    *out = NULL;\n' % cn)
            c.append('    if (!qapi_input_array_node(node, path, &arr, errp)) '
                     '{\n        return false;\n    }\n')
            c.append('    for (i = 0; i < json_array_get_length(arr); i++) {\n'
                     '        g_autofree char *p = qapi_path_index(path, i);\n'
                     '        %s *elt = g_new0(%s, 1);\n\n'
                     '        *tail = elt;\n        tail = &elt->next;\n'
                     % (cn, cn))
            c.append('        if (!%s) {\n'
                     % input_call(et, 'json_array_get_element(arr, i)', 'p',
                                  'NULL', '&elt->value'))
            c.append('            qapi_free_%s(*out);\n'
                     '            *out = NULL;\n            return false;\n'
                     '        }\n    }\n    return true;\n}\n\n' % cn)
            c.append('%s\n{\n    JsonArray *arr = json_array_new();\n'
                     '    JsonNode *node = json_node_new(JSON_NODE_ARRAY);\n'
                     '    const %s *elt;\n\n' % (output_decl(t), cn))
            c.append('    for (elt = in; elt; elt = elt->next) {\n'
                     '        json_array_add_element(arr, %s);\n    }\n'
                     % output_call(et, 'elt->value'))
            c.append('    json_node_take_array(node, arr);\n'
                     '    return node;\n}\n\n')
        elif isinstance(t, AlternateType):
            h.append('%s;\n%s;\n\n' % (input_decl(t), output_decl(t)))
            c.append('%s\n{\n    %s *alt = g_new0(%s, 1);\n    bool ok;\n\n'
                     % (input_decl(t), cn, cn))
            c.append('    *out = alt;\n'
                     '    alt->type = qapi_json_qtype(node);\n'
                     '    switch (alt->type) {\n')
            for bname, bt in t.branches:
                c.append('    case %s:\n        ok = %s;\n        break;\n'
                         % (qtype_of(bt),
                            input_call(bt, 'node', 'path', 'name',
                                       '&alt->u.' + c_name(bname))))
            c.append('    default:\n'
                     '        error_setg(errp, "Invalid parameter type for '
                     '\'%%s\', expected: %%s",\n'
                     '                   path ? path : "null", %s);\n'
                     '        ok = false;\n        break;\n    }\n'
                     % c_string(t.name))
            c.append('    if (!ok) {\n        qapi_free_%s(alt);\n'
                     '        *out = NULL;\n    }\n    return ok;\n}\n\n' % cn)
            c.append('%s\n{\n    if (!in) {\n        return '
                     'qapi_output_null();\n    }\n    switch (in->type) {\n'
                     % output_decl(t))
            for bname, bt in t.branches:
                c.append('    case %s:\n        return %s;\n'
                         % (qtype_of(bt),
                            output_call(bt, 'in->u.' + c_name(bname))))
            c.append('    default:\n        return qapi_output_null();\n'
                     '    }\n}\n\n')
        else:
            h.append('%s;\n%s;\n%s;\n%s;\n\n'
                     % (members_input_decl(t), input_decl(t),
                        members_output_decl(t), output_decl(t)))
            c.append('%s\n{\n%s}\n\n' % (members_input_decl(t),
                                          _members_input_body(t)))
            c.append('%s\n{\n' % input_decl(t))
            c.append('    JsonObject *obj;\n    GHashTable *seen;\n'
                     '    bool ok;\n\n    *out = NULL;\n')
            c.append('    if (!qapi_input_object_node(node, path, &obj, '
                     'errp)) {\n        return false;\n    }\n')
            c.append('    seen = qapi_seen_new();\n'
                     '    *out = g_new0(%s, 1);\n' % cn)
            c.append('    ok = qapi_input_%s_members(obj, path, seen, *out, '
                     'errp) &&\n'
                     '         qapi_check_unexpected(obj, path, seen, errp);\n'
                     % cn)
            c.append('    g_hash_table_unref(seen);\n'
                     '    if (!ok) {\n        qapi_free_%s(*out);\n'
                     '        *out = NULL;\n    }\n    return ok;\n}\n\n' % cn)
            c.append('%s\n{\n%s}\n\n' % (members_output_decl(t),
                                          _members_output_body(t)))
            c.append('%s\n{\n    JsonObject *obj = json_object_new();\n\n'
                     '    if (in) {\n        qapi_output_%s_members(obj, in);\n'
                     '    }\n    return qapi_object_finish(obj);\n}\n\n'
                     % (output_decl(t), cn))
    h.append('#endif\n')
    return ''.join(h), ''.join(c)
