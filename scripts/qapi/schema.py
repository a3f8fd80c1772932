# SPDX-License-Identifier: GPL-2.0-or-later
# The checked schema model: types, commands and events with resolved
# references, built from the parser's expressions.

import re
from collections import OrderedDict

from .common import c_name, c_enum_const
from .error import QAPIError
from .parser import Parser

PHASES = ('no-machine', 'machine-created', 'accel-created', 'initialized',
          'ready')
PHASE_C = {
    'no-machine': 'PHASE_NO_MACHINE',
    'machine-created': 'PHASE_MACHINE_CREATED',
    'accel-created': 'PHASE_ACCEL_CREATED',
    'initialized': 'PHASE_MACHINE_INITIALIZED',
    'ready': 'PHASE_MACHINE_READY',
}
SPECIAL_FEATURES = ('deprecated', 'unstable')

# name: (C type, JSON type for introspection, type word used in docs)
BUILTINS = OrderedDict([
    ('str', ('char *', 'string')),
    ('number', ('double', 'number')),
    ('int', ('int64_t', 'int')),
    ('int8', ('int8_t', 'int')),
    ('int16', ('int16_t', 'int')),
    ('int32', ('int32_t', 'int')),
    ('int64', ('int64_t', 'int')),
    ('uint8', ('uint8_t', 'int')),
    ('uint16', ('uint16_t', 'int')),
    ('uint32', ('uint32_t', 'int')),
    ('uint64', ('uint64_t', 'int')),
    ('size', ('uint64_t', 'int')),
    ('bool', ('bool', 'boolean')),
    ('null', ('JsonNode *', 'null')),
    ('any', ('JsonNode *', 'value')),
])

RE_TYPE = re.compile(r'^[A-Z][A-Za-z0-9]*$')
RE_COMMAND = re.compile(r'^[a-z][a-z0-9-]*$')
RE_COMMAND_EXC = re.compile(r'^[a-z][a-z0-9_-]*$')
RE_EVENT = re.compile(r'^[A-Z][A-Z0-9_]*$')
RE_MEMBER = re.compile(r'^[a-z][a-z0-9-]*$')
RE_MEMBER_EXC = re.compile(r'^[A-Za-z][A-Za-z0-9_-]*$')
RE_ENUM_VALUE = re.compile(r'^[a-z0-9][a-z0-9-]*$')
RE_ENUM_VALUE_EXC = re.compile(r'^[A-Za-z0-9][A-Za-z0-9_-]*$')
RE_FEATURE = re.compile(r'^[a-z][a-z0-9-]*$')


class Entity:
    meta = None

    def __init__(self, name, info, doc=None):
        self.name = name
        self.info = info
        self.doc = doc
        self.features = []

    @property
    def module(self):
        return self.info.fname if self.info else None

    def describe(self):
        return "%s '%s'" % (self.meta, self.name)


class Feature:
    def __init__(self, name, info):
        self.name = name
        self.info = info

    @property
    def special(self):
        return self.name in SPECIAL_FEATURES


# -- types ----------------------------------------------------------------

class Type(Entity):
    implicit = False

    def c_name(self):
        return c_name(self.name)

    def c_type(self):
        """C type of a member or variable of this type."""
        raise NotImplementedError

    def c_param_type(self):
        """C type of a handler parameter of this type."""
        return self.c_type()

    def is_pointer(self):
        return self.c_type().endswith('*')

    def json_type(self):
        raise NotImplementedError

    def doc_type(self):
        return self.name


class BuiltinType(Type):
    meta = 'built-in type'

    def __init__(self, name, ctype, json):
        super().__init__(name, None)
        self._c_type = ctype
        self._json = json

    def c_name(self):
        return self.name

    def c_type(self):
        return self._c_type

    def c_param_type(self):
        if self.name == 'str':
            return 'const char *'
        return self._c_type

    def json_type(self):
        return self._json


class EnumValue:
    def __init__(self, name, info, features):
        self.name = name
        self.info = info
        self.features = features


class EnumType(Type):
    meta = 'enum'

    def __init__(self, name, info, doc, values, prefix):
        super().__init__(name, info, doc)
        self.values = values
        self.prefix = prefix

    def c_type(self):
        return self.c_name()

    def json_type(self):
        return 'string'

    def const(self, value):
        return c_enum_const(self.name, value, self.prefix)

    def const_max(self):
        return c_name(self.name) + '__MAX'


class ArrayType(Type):
    meta = 'array'

    def __init__(self, element):
        super().__init__(element.name + 'List', None)
        self.element = element
        self.implicit = element.implicit

    def c_name(self):
        if isinstance(self.element, BuiltinType):
            return self.element.name + 'List'
        return self.element.c_name() + 'List'

    def c_type(self):
        return self.c_name() + ' *'

    def json_type(self):
        return 'array'

    def doc_type(self):
        return '[' + self.element.doc_type() + ']'


class Member:
    def __init__(self, name, type_name, optional, info, features):
        self.name = name
        self.type_name = type_name
        self.type = None
        self.optional = optional
        self.info = info
        self.features = features

    def c_name(self):
        return c_name(self.name)

    def needs_has(self):
        """Optional members that can't be NULL carry a has_ flag."""
        return self.optional and not self.type.is_pointer()


class ObjectType(Type):
    """A struct, a union, or an implicit argument type."""
    meta = 'struct'

    def __init__(self, name, info, doc, base_name, members, implicit=False):
        super().__init__(name, info, doc)
        self.base_name = base_name
        self.base = None
        self.local_members = members
        self.tag_name = None
        self.tag_member = None
        self.variant_spec = []      # (case, type name, info)
        self.variants = []          # (case, ObjectType)
        self.implicit = implicit
        self.is_union = False

    def c_type(self):
        return self.c_name() + ' *'

    def json_type(self):
        return 'object'

    def all_members(self):
        out = []
        if self.base:
            out.extend(self.base.all_members())
        out.extend(self.local_members)
        return out

    def is_empty(self):
        return not self.all_members() and not self.variants


class AlternateType(Type):
    meta = 'alternate'

    def __init__(self, name, info, doc, spec):
        super().__init__(name, info, doc)
        self.spec = spec            # (branch name, type name)
        self.branches = []          # (branch name, Type)

    def c_type(self):
        return self.c_name() + ' *'

    def json_type(self):
        return 'value'


# -- commands and events ---------------------------------------------------

class Command(Entity):
    meta = 'command'

    def __init__(self, name, info, doc):
        super().__init__(name, info, doc)
        self.arg_type = None
        self.arg_spec = None
        self.ret_spec = None
        self.ret_type = None
        self.boxed = False
        self.gen = True
        self.success_response = True
        self.allow_oob = False
        self.allow_preconfig = False
        self.phases = ['ready']

    def c_name(self):
        return c_name(self.name)


class Event(Entity):
    meta = 'event'

    def __init__(self, name, info, doc):
        super().__init__(name, info, doc)
        self.arg_type = None
        self.arg_spec = None
        self.boxed = False

    def c_name(self):
        return c_name(self.name.lower())


KEYS = {
    'enum': ({'enum', 'data'}, {'prefix', 'features'}),
    'struct': ({'struct', 'data'}, {'base', 'features'}),
    'union': ({'union', 'base', 'discriminator', 'data'}, {'features'}),
    'alternate': ({'alternate', 'data'}, {'features'}),
    'command': ({'command'}, {'data', 'returns', 'boxed', 'gen',
                              'success-response', 'allow-oob',
                              'allow-preconfig', 'phases', 'features'}),
    'event': ({'event'}, {'data', 'boxed', 'features'}),
    'pragma': ({'pragma'}, set()),
}


class Schema:
    """A checked schema."""

    def __init__(self, fname):
        parser = Parser(fname)
        self.fname = fname
        self.files = parser.files
        self.exprs = parser.exprs
        self.entities = OrderedDict()     # name -> Entity (named spaces)
        self.types = OrderedDict()
        self.commands = []
        self.events = []
        self.order = []         # definitions and free docs, in file order
        self.pragma = {
            'doc-required': False,
            'command-name-exceptions': [],
            'command-returns-exceptions': [],
            'member-name-exceptions': [],
        }
        for name, (ctype, json) in BUILTINS.items():
            self.types[name] = BuiltinType(name, ctype, json)
        self.empty = ObjectType('q_empty', None, None, None, [], True)
        self.types['q_empty'] = self.empty
        for e in self.exprs:
            if e.expr is not None and 'pragma' in e.expr:
                self._pragma(e)
        for e in self.exprs:
            if e.expr is None:
                self.order.append(e.doc)
            elif 'pragma' not in e.expr:
                ent = self._define(e)
                self.order.append(ent)
        self._resolve()
        self._check_docs()

    # -- pass 1: syntax -----------------------------------------------------

    def _pragma(self, e):
        self._check_keys(e, 'pragma')
        p = e.expr['pragma']
        if not isinstance(p, dict):
            raise QAPIError(e.info, "'pragma' must be an object")
        for key, val in p.items():
            if key == 'doc-required':
                if not isinstance(val, bool):
                    raise QAPIError(e.info, "pragma 'doc-required' must be "
                                    "true or false")
                self.pragma[key] = val
            elif key in self.pragma:
                if (not isinstance(val, list)
                        or not all(isinstance(v, str) for v in val)):
                    raise QAPIError(e.info, "pragma '%s' must be a list of "
                                    "strings" % key)
                self.pragma[key].extend(val)
            else:
                raise QAPIError(e.info, "unknown pragma '%s'" % key)

    def _meta_of(self, e):
        metas = [k for k in KEYS if k in e.expr]
        if len(metas) != 1:
            raise QAPIError(e.info, 'expression must have exactly one of '
                            "'enum', 'struct', 'union', 'alternate', "
                            "'command', 'event', 'include', 'pragma'")
        return metas[0]

    def _check_keys(self, e, meta):
        required, optional = KEYS[meta]
        for k in required:
            if k not in e.expr:
                raise QAPIError(e.info, "%s '%s' lacks member '%s'"
                                % (meta, e.expr.get(meta), k))
        for k in e.expr:
            if k not in required and k not in optional:
                raise QAPIError(e.info, "%s '%s' has unknown member '%s'"
                                % (meta, e.expr.get(meta), k))

    def _check_bool(self, e, key):
        val = e.expr.get(key, None)
        if val is not None and not isinstance(val, bool):
            raise QAPIError(e.info, "'%s' must be true or false" % key)
        return bool(val)

    def _features(self, info, spec, what):
        if spec is None:
            return []
        if not isinstance(spec, list):
            raise QAPIError(info, "%s: 'features' must be an array" % what)
        out = []
        for f in spec:
            if isinstance(f, dict):
                if set(f) != {'name'}:
                    raise QAPIError(info, "%s: feature must be a string"
                                    % what)
                f = f['name']
            if not isinstance(f, str) or not RE_FEATURE.match(f):
                raise QAPIError(info, "%s: invalid feature name '%s'"
                                % (what, f))
            if f in [x.name for x in out]:
                raise QAPIError(info, "%s: duplicate feature '%s'"
                                % (what, f))
            out.append(Feature(f, info))
        return out

    def _type_ref(self, info, spec, what, allow_array=True, allow_dict=False):
        if isinstance(spec, str):
            return spec
        if isinstance(spec, list) and allow_array:
            if len(spec) != 1 or not isinstance(spec[0], str):
                raise QAPIError(info, '%s: array type must contain a single '
                                'type name' % what)
            return [spec[0]]
        if isinstance(spec, dict) and allow_dict:
            return spec
        raise QAPIError(info, '%s: should be a type name' % what)

    def _members(self, info, spec, what, owner):
        if not isinstance(spec, dict):
            raise QAPIError(info, "%s: 'data' must be an object" % what)
        exc = owner in self.pragma['member-name-exceptions']
        members = []
        seen_c = {}
        for key, val in spec.items():
            optional = key.startswith('*')
            name = key[1:] if optional else key
            rx = RE_MEMBER_EXC if exc else RE_MEMBER
            if not rx.match(name):
                raise QAPIError(info, "%s: member '%s' has an invalid name "
                                "(use lower-case-with-hyphens)"
                                % (what, name))
            if name.startswith('has-') or name.startswith('has_') \
                    or name == 'u':
                raise QAPIError(info, "%s: member name '%s' is reserved"
                                % (what, name))
            features = []
            if isinstance(val, dict):
                for k in val:
                    if k not in ('type', 'features'):
                        raise QAPIError(info, "%s: member '%s' has unknown "
                                        "key '%s'" % (what, name, k))
                if 'type' not in val:
                    raise QAPIError(info, "%s: member '%s' lacks 'type'"
                                    % (what, name))
                features = self._features(info, val.get('features'),
                                          "%s: member '%s'" % (what, name))
                val = val['type']
            tref = self._type_ref(info, val, "%s: member '%s'" % (what, name))
            cn = c_name(name)
            if cn in seen_c:
                raise QAPIError(info, "%s: member '%s' clashes with '%s'"
                                % (what, name, seen_c[cn]))
            seen_c[cn] = name
            members.append(Member(name, tref, optional, info, features))
        return members

    def _add(self, ent, table=None):
        if ent.name in self.entities:
            old = self.entities[ent.name]
            raise QAPIError(ent.info, "%s '%s' is already defined%s"
                            % (ent.meta, ent.name,
                               ' at %s' % old.info if old.info else
                               ' as a built-in type'))
        if ent.name in self.types:
            raise QAPIError(ent.info, "'%s' is already defined as a built-in "
                            "type" % ent.name)
        self.entities[ent.name] = ent
        if table is not None:
            table[ent.name] = ent

    def _check_type_name(self, info, name, meta):
        if not isinstance(name, str) or not RE_TYPE.match(name):
            raise QAPIError(info, "%s name '%s' should be CamelCase "
                            "(like 'MachineInfo')" % (meta, name))
        if name.endswith('List'):
            raise QAPIError(info, "%s name '%s' must not end in 'List'"
                            % (meta, name))

    def _implicit(self, name, info, members):
        t = ObjectType(name, info, None, None, members, implicit=True)
        self.types[name] = t
        return t

    def _define(self, e):
        meta = self._meta_of(e)
        self._check_keys(e, meta)
        expr, info, doc = e.expr, e.info, e.doc
        name = expr[meta]
        what = "%s '%s'" % (meta, name)
        features = self._features(info, expr.get('features'), what)
        if meta == 'enum':
            self._check_type_name(info, name, meta)
            data = expr['data']
            if not isinstance(data, list):
                raise QAPIError(info, "%s: 'data' must be an array" % what)
            exc = name in self.pragma['member-name-exceptions']
            values = []
            for v in data:
                vfeat = []
                if isinstance(v, dict):
                    if 'name' not in v or not set(v) <= {'name',
                                                         'features'}:
                        raise QAPIError(info, "%s: bad value %r" % (what, v))
                    vfeat = self._features(info, v.get('features'), what)
                    v = v['name']
                if not isinstance(v, str) or not (
                        RE_ENUM_VALUE_EXC if exc else RE_ENUM_VALUE).match(v):
                    raise QAPIError(info, "%s: value '%s' has an invalid "
                                    "name" % (what, v))
                if v in [x.name for x in values]:
                    raise QAPIError(info, "%s: duplicate value '%s'"
                                    % (what, v))
                values.append(EnumValue(v, info, vfeat))
            prefix = expr.get('prefix')
            if prefix is not None and (not isinstance(prefix, str) or
                                       not re.match(r'^[A-Z][A-Z0-9_]*$',
                                                    prefix)):
                raise QAPIError(info, "%s: 'prefix' must be an upper-case C "
                                "identifier" % what)
            ent = EnumType(name, info, doc, values, prefix)
            self._add(ent, self.types)
        elif meta in ('struct', 'union'):
            self._check_type_name(info, name, meta)
            base = expr.get('base')
            if meta == 'struct':
                members = self._members(info, expr['data'], what, name)
                if base is not None and not isinstance(base, str):
                    raise QAPIError(info, "%s: 'base' must be a type name"
                                    % what)
                ent = ObjectType(name, info, doc, base, members)
            else:
                if isinstance(base, dict):
                    bt = self._implicit('q_obj_%s-base' % name, info,
                                        self._members(info, base, what,
                                                      name))
                    base = bt.name
                elif not isinstance(base, str):
                    raise QAPIError(info, "%s: 'base' must be a type name "
                                    "or an object" % what)
                ent = ObjectType(name, info, doc, base, [])
                ent.meta = 'union'
                ent.is_union = True
                disc = expr['discriminator']
                if not isinstance(disc, str):
                    raise QAPIError(info, "%s: 'discriminator' must be a "
                                    "string" % what)
                ent.tag_name = disc
                data = expr['data']
                if not isinstance(data, dict):
                    raise QAPIError(info, "%s: 'data' must be an object"
                                    % what)
                for case, t in data.items():
                    if isinstance(t, dict) and set(t) == {'type'}:
                        t = t['type']
                    if not isinstance(t, str):
                        raise QAPIError(info, "%s: branch '%s' must name a "
                                        "struct type" % (what, case))
                    ent.variant_spec.append((case, t, info))
            self._add(ent, self.types)
        elif meta == 'alternate':
            self._check_type_name(info, name, meta)
            data = expr['data']
            if not isinstance(data, dict) or not data:
                raise QAPIError(info, "%s: 'data' must be a non-empty object"
                                % what)
            spec = []
            for bname, t in data.items():
                if not RE_MEMBER.match(bname):
                    raise QAPIError(info, "%s: branch '%s' has an invalid "
                                    "name" % (what, bname))
                if not isinstance(t, str):
                    raise QAPIError(info, "%s: branch '%s' must name a type"
                                    % (what, bname))
                spec.append((bname, t))
            ent = AlternateType(name, info, doc, spec)
            self._add(ent, self.types)
        elif meta == 'command':
            exc = name in self.pragma['command-name-exceptions']
            if not isinstance(name, str) or not (
                    RE_COMMAND_EXC if exc else RE_COMMAND).match(name):
                raise QAPIError(info, "command name '%s' should be "
                                "lower-case-with-hyphens" % (name,))
            ent = Command(name, info, doc)
            ent.boxed = self._check_bool(e, 'boxed')
            ent.gen = expr.get('gen', True)
            ent.success_response = expr.get('success-response', True)
            for k, v in (('gen', ent.gen),
                         ('success-response', ent.success_response)):
                if v is not True and v is not False:
                    raise QAPIError(info, "%s: '%s' must be true or false"
                                    % (what, k))
            ent.allow_oob = self._check_bool(e, 'allow-oob')
            ent.allow_preconfig = self._check_bool(e, 'allow-preconfig')
            if 'phases' in expr:
                if ent.allow_preconfig:
                    raise QAPIError(info, "%s: 'phases' and "
                                    "'allow-preconfig' are exclusive" % what)
                ph = expr['phases']
                if not isinstance(ph, list) or not ph:
                    raise QAPIError(info, "%s: 'phases' must be a non-empty "
                                    "array" % what)
                for p in ph:
                    if p not in PHASES:
                        raise QAPIError(info, "%s: unknown machine phase "
                                        "'%s'" % (what, p))
                ent.phases = [p for p in PHASES if p in ph]
            elif ent.allow_preconfig:
                ent.phases = list(PHASES)
            ent.arg_spec = self._arg_spec(info, expr, ent.boxed, what, name)
            if 'returns' in expr:
                ent.ret_spec = self._type_ref(info, expr['returns'],
                                              "%s: 'returns'" % what)
            self._add(ent)
            self.commands.append(ent)
        elif meta == 'event':
            if not isinstance(name, str) or not RE_EVENT.match(name):
                raise QAPIError(info, "event name '%s' should be "
                                "UPPER_CASE" % (name,))
            ent = Event(name, info, doc)
            ent.boxed = self._check_bool(e, 'boxed')
            ent.arg_spec = self._arg_spec(info, expr, ent.boxed, what, name)
            self._add(ent)
            self.events.append(ent)
        ent.features = features
        return ent

    def _arg_spec(self, info, expr, boxed, what, name):
        """The argument type of a command or event: its 'data', a type
        name or an inline object (which becomes an implicit struct)."""
        data = expr.get('data')
        if isinstance(data, dict):
            if boxed:
                raise QAPIError(info, "%s: 'boxed': true requires 'data' "
                                "to name a type" % what)
            return self._implicit('q_obj_%s-arg' % name, info,
                                  self._members(info, data, what, name)).name
        if data is not None and not isinstance(data, str):
            raise QAPIError(info, "%s: 'data' must be an object or "
                            "a type name" % what)
        return data

    # -- pass 2: references -------------------------------------------------

    def lookup(self, ref, info, what):
        if isinstance(ref, list):
            elem = self.lookup(ref[0], info, what)
            if isinstance(elem, ArrayType):
                raise QAPIError(info, '%s: arrays of arrays are not '
                                'supported' % what)
            name = elem.name + 'List'
            if name not in self.types:
                self.types[name] = ArrayType(elem)
            return self.types[name]
        t = self.types.get(ref)
        if t is None or isinstance(t, ArrayType):
            if ref in self.entities:
                raise QAPIError(info, "%s: '%s' is a %s, not a type"
                                % (what, ref, self.entities[ref].meta))
            raise QAPIError(info, "%s uses unknown type '%s'" % (what, ref))
        return t

    def _object_ref(self, ref, info, what, union_ok=False):
        t = self.lookup(ref, info, what)
        if not isinstance(t, ObjectType) or (t.is_union and not union_ok):
            raise QAPIError(info, "%s: '%s' must be a struct%s type"
                            % (what, ref, ' or union' if union_ok else ''))
        return t

    def _resolve(self):
        objects = [t for t in list(self.types.values())
                   if isinstance(t, ObjectType)]
        for t in objects:
            what = "%s '%s'" % (t.meta, t.name) if not t.implicit else \
                "'%s'" % t.name
            if t.base_name is not None:
                t.base = self._object_ref(t.base_name, t.info,
                                          "%s: 'base'" % what)
            for m in t.local_members:
                m.type = self.lookup(m.type_name, m.info,
                                     "%s: member '%s'" % (what, m.name))
        # base cycles and member clashes
        for t in objects:
            seen = set()
            b = t
            while b is not None:
                if b.name in seen:
                    raise QAPIError(t.info, "%s: base type cycle" % t.name)
                seen.add(b.name)
                b = b.base
            names = {}
            for m in t.all_members():
                cn = m.c_name()
                if cn in names:
                    raise QAPIError(t.info, "%s '%s': member '%s' clashes "
                                    "with member '%s' of the base"
                                    % (t.meta, t.name, m.name, names[cn]))
                names[cn] = m.name
        for t in objects:
            if not t.is_union:
                continue
            what = "union '%s'" % t.name
            tag = [m for m in t.all_members() if m.name == t.tag_name]
            if not tag:
                raise QAPIError(t.info, "%s: discriminator '%s' is not a "
                                "member of 'base'" % (what, t.tag_name))
            tag = tag[0]
            if tag.optional or not isinstance(tag.type, EnumType):
                raise QAPIError(t.info, "%s: discriminator member '%s' must "
                                "be a mandatory enum" % (what, t.tag_name))
            t.tag_member = tag
            values = [v.name for v in tag.type.values]
            for case, tname, info in t.variant_spec:
                if case not in values:
                    raise QAPIError(info, "%s: branch '%s' is not a value of "
                                    "%s" % (what, case, tag.type.name))
                vt = self._object_ref(tname, info, "%s: branch '%s'"
                                      % (what, case))
                base_names = {m.c_name(): m.name for m in t.all_members()}
                for m in vt.all_members():
                    if m.c_name() in base_names:
                        raise QAPIError(info, "%s: member '%s' of branch '%s'"
                                        " clashes with base member '%s'"
                                        % (what, m.name, case,
                                           base_names[m.c_name()]))
                t.variants.append((case, vt))
        for t in list(self.types.values()):
            if isinstance(t, AlternateType):
                what = "alternate '%s'" % t.name
                seen = {}
                for bname, tname in t.spec:
                    bt = self.lookup(tname, t.info, "%s: branch '%s'"
                                     % (what, bname))
                    if isinstance(bt, (ArrayType, AlternateType)) or \
                            bt.name == 'any':
                        raise QAPIError(t.info, "%s: branch '%s' can't be "
                                        "of type '%s'" % (what, bname,
                                                          bt.name))
                    jt = bt.json_type()
                    if jt in ('int', 'number'):
                        jt = 'number'
                    if jt in seen:
                        raise QAPIError(t.info, "%s: branches '%s' and '%s' "
                                        "can't be told apart"
                                        % (what, seen[jt], bname))
                    seen[jt] = bname
                    t.branches.append((bname, bt))
        for c in self.commands:
            what = "command '%s'" % c.name
            if c.arg_spec is not None:
                c.arg_type = self._object_ref(c.arg_spec, c.info,
                                              "%s: 'data'" % what,
                                              union_ok=c.boxed)
            if c.ret_spec is not None:
                c.ret_type = self.lookup(c.ret_spec, c.info,
                                         "%s: 'returns'" % what)
                rt = c.ret_type
                if isinstance(rt, ArrayType):
                    rt = rt.element
                if not isinstance(rt, ObjectType) and \
                        c.name not in self.pragma['command-returns-exceptions']:
                    raise QAPIError(c.info, "%s: 'returns' must be an object "
                                    "type or an array of them (or be listed "
                                    "in pragma 'command-returns-exceptions')"
                                    % what)
            if not c.gen and c.boxed:
                raise QAPIError(c.info, "%s: 'boxed' makes no sense with "
                                "'gen': false" % what)
        for ev in self.events:
            what = "event '%s'" % ev.name
            if ev.arg_spec is not None:
                ev.arg_type = self._object_ref(ev.arg_spec, ev.info,
                                               "%s: 'data'" % what,
                                               union_ok=ev.boxed)
        # Every builtin gets a list type, so that hand-written code can rely
        # on strList and friends.
        for name in BUILTINS:
            self.lookup([name], None, 'built-in')

    # -- pass 3: documentation ------------------------------------------------

    def _check_docs(self):
        for ent in self.order:
            if not isinstance(ent, Entity):
                continue
            doc = ent.doc
            if doc is None:
                if self.pragma['doc-required']:
                    raise QAPIError(ent.info, "%s lacks a documentation "
                                    "comment" % ent.describe())
                continue
            if doc.symbol != ent.name:
                raise QAPIError(doc.info, "documentation comment is for '%s' "
                                "but the definition that follows is '%s'"
                                % (doc.symbol, ent.name))
            known = self.documentable_members(ent)
            for arg in doc.args:
                if arg not in known:
                    raise QAPIError(doc.info, "documented member '%s' does "
                                    "not exist in %s" % (arg,
                                                         ent.describe()))
            fnames = [f.name for f in ent.features]
            for m in self._local_members_for_doc(ent):
                fnames.extend(f.name for f in m.features)
            if isinstance(ent, EnumType):
                for v in ent.values:
                    fnames.extend(f.name for f in v.features)
            for f in doc.features:
                if f not in fnames:
                    raise QAPIError(doc.info, "documented feature '%s' does "
                                    "not exist in %s" % (f, ent.describe()))

    def _local_members_for_doc(self, ent):
        if isinstance(ent, ObjectType):
            if ent.base is not None and ent.base.implicit:
                return ent.base.local_members + ent.local_members
            return ent.local_members
        if isinstance(ent, (Command, Event)):
            if ent.arg_type is not None and ent.arg_type.implicit:
                return ent.arg_type.local_members
        return []

    def documentable_members(self, ent):
        if isinstance(ent, EnumType):
            return [v.name for v in ent.values]
        if isinstance(ent, AlternateType):
            return [b for b, _ in ent.spec]
        return [m.name for m in self._local_members_for_doc(ent)]

    # -- queries ------------------------------------------------------------

    def object_types(self):
        return [t for t in self.types.values() if isinstance(t, ObjectType)]

    def user_types(self):
        return [t for t in self.types.values()
                if not isinstance(t, BuiltinType)]
