# SPDX-License-Identifier: GPL-2.0-or-later
# Naming rules shared by the generators: schema names to C identifiers.

import re

# C keywords, plus names that system headers define as macros.  A schema
# name that collides with one of these gets the prefix 'q_' in C.
C_RESERVED = frozenset('''
    auto break case char const continue default do double else enum extern
    float for goto if inline int long register restrict return short signed
    sizeof static struct switch typedef union unsigned void volatile while
    _Alignas _Alignof _Atomic _Bool _Complex _Generic _Imaginary _Noreturn
    _Static_assert _Thread_local bool true false asm typeof
    unix linux errno i386 mips sparc
'''.split())


def c_name(name, protect=True):
    """The C identifier for schema name @name: '-', '.' and '+' become '_'.

    With @protect, names that are C keywords or common macros get 'q_'.
    """
    out = re.sub(r'[^A-Za-z0-9_]', '_', name)
    if protect and (out in C_RESERVED or out[0].isdigit()):
        return 'q_' + out
    return out


def camel_to_upper(name):
    """'RunState' -> 'RUN_STATE', 'QMPCapability' -> 'QMP_CAPABILITY'.

    An underscore goes before an upper-case letter that starts a new word:
    one followed by a lower-case letter, or one that follows a digit.
    """
    s = c_name(name, False)
    if s.isupper():
        return s
    out = []
    for i, ch in enumerate(s):
        if ch.isupper() and i > 0 and s[i - 1] != '_':
            nxt_lower = i + 1 < len(s) and s[i + 1].islower()
            if nxt_lower or s[i - 1].isdigit():
                out.append('_')
        out.append(ch)
    return ''.join(out).lstrip('_').upper()


def c_enum_const(type_name, value, prefix=None):
    """The C constant for @value of enum @type_name (or of @prefix)."""
    if prefix is not None:
        return prefix + '_' + c_name(value, False).upper()
    return camel_to_upper(type_name) + '_' + c_name(value, False).upper()


def c_string(s):
    """@s as a C string literal."""
    out = ['"']
    for ch in s:
        if ch in '"\\':
            out.append('\\' + ch)
        elif ch == '\n':
            out.append('\\n')
        elif ord(ch) < 0x20 or ord(ch) > 0x7e:
            for b in ch.encode('utf-8'):
                out.append('\\%03o' % b)
        else:
            out.append(ch)
    out.append('"')
    return ''.join(out)


def qdict_bucket(key):
    """The hash bucket QEMU's QDict files @key under (of 512).

    QEMU emits the members of every JSON object it builds in bucket order,
    the most recently added member first within one bucket.  Clients that
    compare replies byte for byte depend on that order, so we reproduce it.
    """
    value = (0x238F13AF * len(key)) & 0xffffffff
    for i, byte in enumerate(key.encode('utf-8')):
        value = (value + (byte << (i * 5 % 24))) & 0xffffffff
    return ((1103515243 * value + 12345) & 0xffffffff) % 512


def qdict_order(keys):
    """@keys (in the order they were added) in QEMU's output order."""
    indexed = list(enumerate(keys))
    indexed.sort(key=lambda ik: (qdict_bucket(ik[1]), -ik[0]))
    return [k for _, k in indexed]


class Output:
    """An accumulating C source file."""

    def __init__(self):
        self.parts = []

    def add(self, text):
        self.parts.append(text)

    def text(self):
        return ''.join(self.parts)
