# SPDX-License-Identifier: GPL-2.0-or-later
# Generates PREFIXqapi-events.[ch]: the event enumeration and one
# qapi_event_send_NAME() function per event.

from .common import c_name, c_string, camel_to_upper
from .gen_commands import handler_params


def event_enum_name(prefix):
    return c_name(prefix + 'QAPIEvent', False)


def event_const(prefix, ev):
    return camel_to_upper(event_enum_name(prefix)) + '_' + \
        c_name(ev.name, False).upper()


def send_decl(ev):
    if ev.boxed:
        params = ['%s *arg' % ev.arg_type.c_name()]
    elif ev.arg_type is not None:
        params = handler_params(ev.arg_type.all_members())
    else:
        params = ['void']
    return 'void qapi_event_send_%s(%s)' % (ev.c_name(), ', '.join(params))


def generate(schema, prefix, guard, marshal_header):
    p = c_name(prefix, False)
    en = event_enum_name(prefix)
    h = ['#ifndef %s\n#define %s\n\n#include "%s"\n\n'
         % (guard, guard, marshal_header)]
    c = []
    h.append('typedef enum %s {\n' % en)
    for ev in schema.events:
        h.append('    %s,\n' % event_const(prefix, ev))
    h.append('    %s__MAX,\n} %s;\n\n' % (en, en))
    h.append('extern const QEnumLookup %s_lookup;\n\n' % en)
    c.append('static const char *const %s_names[] = {\n' % en)
    for ev in schema.events:
        c.append('    [%s] = %s,\n' % (event_const(prefix, ev),
                                       c_string(ev.name)))
    c.append('};\n\nconst QEnumLookup %s_lookup = {\n'
             '    .array = %s_names,\n    .size = %s__MAX,\n};\n\n'
             % (en, en, en))
    h.append('/*\n'
             ' * Deliver @event with payload @data (NULL for events without\n'
             ' * data).  @data is borrowed.  Implemented outside the\n'
             ' * generated code (by the monitor, or by a test).\n */\n')
    h.append('void %sqapi_event_emit(%s event, JsonObject *data);\n\n'
             % (p, en))
    for ev in schema.events:
        h.append('%s;\n' % send_decl(ev))
        c.append('%s\n{\n' % send_decl(ev))
        const = event_const(prefix, ev)
        at = ev.arg_type
        if at is None:
            c.append('    %sqapi_event_emit(%s, NULL);\n}\n\n' % (p, const))
            continue
        c.append('    JsonObject *data = json_object_new();\n'
                 '    JsonNode *node;\n')
        if ev.boxed:
            c.append('\n    qapi_output_%s_members(data, arg);\n'
                     % at.c_name())
        else:
            c.append('    %s param;\n\n' % at.c_name())
            c.append('    memset(&param, 0, sizeof(param));\n')
            for m in at.all_members():
                if m.needs_has():
                    c.append('    param.has_%s = has_%s;\n'
                             % (m.c_name(), m.c_name()))
                cast = ''
                if m.type.c_param_type() != m.type.c_type():
                    cast = '(%s)' % m.type.c_type()
                c.append('    param.%s = %s%s;\n' % (m.c_name(), cast,
                                                     m.c_name()))
            c.append('    qapi_output_%s_members(data, &param);\n'
                     % at.c_name())
        c.append('    node = qapi_object_finish(data);\n')
        c.append('    %sqapi_event_emit(%s, json_node_get_object(node));\n'
                 '    json_node_unref(node);\n}\n\n' % (p, const))
    h.append('\n#endif\n')
    return ''.join(h), ''.join(c)
