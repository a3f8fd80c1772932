# SPDX-License-Identifier: GPL-2.0-or-later
# Generates PREFIXqapi-commands.[ch]: the prototypes of the hand-written
# command handlers, a marshaller per command and the registration function.

from .common import c_name, c_string
from .gen_marshal import output_call
from .gen_types import c_free
from .schema import PHASE_C, PHASES, BuiltinType


def handler_params(members):
    """Parameters for the members of an argument type, without errp."""
    out = []
    for m in members:
        if m.needs_has():
            out.append('bool has_%s' % m.c_name())
        ptype = m.type.c_param_type()
        sep = '' if ptype.endswith('*') else ' '
        out.append('%s%s%s' % (ptype, sep, m.c_name()))
    return out


def handler_decl(cmd):
    if not cmd.gen:
        return ('void qmp_%s(JsonObject *args, JsonNode **ret, Error **errp)'
                % cmd.c_name())
    ret = 'void ' if cmd.ret_type is None else cmd.ret_type.c_type()
    if not ret.endswith('*') and not ret.endswith(' '):
        ret += ' '
    if cmd.boxed:
        params = ['%s *arg' % cmd.arg_type.c_name()]
    elif cmd.arg_type is not None:
        params = handler_params(cmd.arg_type.all_members())
    else:
        params = []
    params.append('Error **errp')
    return '%sqmp_%s(%s)' % (ret, cmd.c_name(), ', '.join(params))


def marshal_decl(cmd):
    return ('void qmp_marshal_%s(JsonObject *args, JsonNode **ret, '
            'Error **errp)' % cmd.c_name())


def _marshaller(cmd):
    out = ['%s\n{\n' % marshal_decl(cmd)]
    at = cmd.arg_type
    out.append('    Error *err = NULL;\n    GHashTable *seen = '
               'qapi_seen_new();\n')
    if at is not None:
        out.append('    %s *arg = g_new0(%s, 1);\n' % (at.c_name(),
                                                       at.c_name()))
    rt = cmd.ret_type
    if rt is not None:
        ctype = rt.c_type()
        sep = '' if ctype.endswith('*') else ' '
        out.append('    %s%sretval;\n' % (ctype, sep))
    out.append('\n')
    if at is not None:
        out.append('    if (!qapi_input_%s_members(args, NULL, seen, arg, '
                   'errp)) {\n        goto out;\n    }\n' % at.c_name())
    out.append('    if (!qapi_check_unexpected(args, NULL, seen, errp)) {\n'
               '        goto out;\n    }\n')
    if cmd.boxed:
        call_args = ['arg']
    elif at is not None:
        call_args = []
        for m in at.all_members():
            if m.needs_has():
                call_args.append('arg->has_%s' % m.c_name())
            call_args.append('arg->%s' % m.c_name())
    else:
        call_args = []
    call_args.append('&err')
    call = 'qmp_%s(%s)' % (cmd.c_name(), ', '.join(call_args))
    if rt is None:
        out.append('    %s;\n' % call)
        out.append('    error_propagate(errp, err);\n')
    else:
        out.append('    retval = %s;\n' % call)
        out.append('    if (err) {\n        error_propagate(errp, err);\n')
        stmt = c_free(rt, 'retval')
        if stmt:
            out.append('        %s\n' % stmt)
        out.append('        goto out;\n    }\n')
        if isinstance(rt, BuiltinType) and rt.name in ('any', 'null'):
            out.append('    *ret = retval ? retval : qapi_output_null();\n')
        else:
            out.append('    *ret = %s;\n' % output_call(rt, 'retval'))
            if stmt:
                out.append('    %s\n' % stmt)
    out.append('\nout:\n')
    if at is not None:
        out.append('    qapi_free_%s(arg);\n' % at.c_name())
    out.append('    g_hash_table_unref(seen);\n}\n\n')
    return ''.join(out)


def phase_mask(cmd):
    if set(cmd.phases) == set(PHASES):
        return 'QMP_PHASES_ALL'
    return ' | '.join('QMP_PHASE_BIT(%s)' % PHASE_C[p] for p in cmd.phases)


def generate(schema, prefix, guard, marshal_header):
    p = c_name(prefix, False)
    h = ['#ifndef %s\n#define %s\n\n#include "%s"\n'
         '#include "qapi/qmp/dispatch.h"\n\n' % (guard, guard,
                                                  marshal_header)]
    c = []
    h.append('/* Hand-written command handlers */\n')
    for cmd in schema.commands:
        h.append('%s;\n' % handler_decl(cmd))
    h.append('\n/* Generated marshallers */\n')
    for cmd in schema.commands:
        if cmd.gen:
            h.append('%s;\n' % marshal_decl(cmd))
            c.append(_marshaller(cmd))
    h.append('\n/* Register every command of the schema in @cmds. */\n')
    h.append('void %sqmp_init_marshal(QmpCommandList *cmds);\n\n' % p)
    c.append('void %sqmp_init_marshal(QmpCommandList *cmds)\n{\n' % p)
    for cmd in schema.commands:
        opts = []
        if not cmd.success_response:
            opts.append('QCO_NO_SUCCESS_RESP')
        if cmd.allow_oob:
            opts.append('QCO_ALLOW_OOB')
        if cmd.allow_preconfig:
            opts.append('QCO_ALLOW_PRECONFIG')
        feats = ['QMP_FEATURE_' + f.name.upper() for f in cmd.features
                 if f.special]
        fn = ('qmp_marshal_' if cmd.gen else 'qmp_') + cmd.c_name()
        c.append('    qmp_register_command(cmds, %s, %s,\n'
                 '                         %s,\n'
                 '                         %s,\n'
                 '                         %s);\n'
                 % (c_string(cmd.name), fn,
                    ' | '.join(opts) if opts else 'QCO_NO_OPTIONS',
                    phase_mask(cmd),
                    ' | '.join(feats) if feats else '0'))
    c.append('}\n')
    h.append('#endif\n')
    return ''.join(h), ''.join(c)
