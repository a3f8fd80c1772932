# SPDX-License-Identifier: GPL-2.0-or-later
# Reads schema files: JSON with single-quoted strings and '#' comments,
# 'include' directives, and '##' documentation blocks.

import os
import re
from collections import OrderedDict

from .error import QAPIError, SourceInfo


class Expression:
    """One top-level definition with its location and documentation."""

    def __init__(self, expr, info, doc):
        self.expr = expr
        self.info = info
        self.doc = doc


class DocSection:
    def __init__(self, tag, text=''):
        self.tag = tag
        self.text = text


class Doc:
    """A '##' comment block.

    A block whose first line is "@NAME:" documents the definition that
    follows it.  Any other block is free-form text; a "= Title" line in it
    starts a chapter of the generated reference.
    """

    SECTION_TAGS = ('Returns', 'Since', 'Example', 'Examples', 'Note',
                    'Notes', 'Errors', 'TODO')

    def __init__(self, info):
        self.info = info
        self.symbol = None
        self.body = []
        self.args = OrderedDict()
        self.features = OrderedDict()
        self.sections = []
        self.heading = None
        self.heading_level = 0

    def text_of_body(self):
        return '\n'.join(self.body).strip('\n')


def _parse_doc(info, lines):
    """@lines: the text of each '#' line of the block, '#' stripped."""
    doc = Doc(info)
    idx = 0
    if lines:
        m = re.match(r'^@([^:\s]+):\s*$', lines[0][1])
        if m:
            doc.symbol = m.group(1)
            idx = 1
        elif lines[0][1].startswith('='):
            m = re.match(r'^(=+)\s+(.*)$', lines[0][1])
            if not m:
                raise QAPIError(info.at(lines[0][0]), 'bad heading line')
            doc.heading_level = len(m.group(1))
            doc.heading = m.group(2).strip()
            idx = 1
    mode = 'body'           # body, arg, feature, section
    target = None           # (dict, name) or DocSection
    in_features = False
    for lineno, text in lines[idx:]:
        where = info.at(lineno)
        m = re.match(r'^@([^:\s]+):(.*)$', text)
        tag = re.match(r'^(%s):(.*)$' % '|'.join(Doc.SECTION_TAGS), text)
        if doc.symbol is None and (m or tag):
            raise QAPIError(where, 'free-form documentation block must '
                            'not contain @member or section lines')
        if text.strip() == 'Features:':
            in_features = True
            mode = 'body'
            continue
        if m:
            table = doc.features if in_features else doc.args
            name = m.group(1)
            if name in table:
                raise QAPIError(where, "'@%s' documented more than once"
                                % name)
            table[name] = m.group(2).strip()
            mode = 'arg'
            target = (table, name)
            continue
        if tag:
            name = tag.group(1)
            if name == 'Examples':
                name = 'Example'
            if name == 'Notes':
                name = 'Note'
            sec = DocSection(name, tag.group(2).strip())
            doc.sections.append(sec)
            mode = 'section'
            target = sec
            in_features = False
            continue
        if mode == 'arg':
            if text.strip() == '':
                mode = 'body'
                continue
            table, name = target
            table[name] = (table[name] + ' ' + text.strip()).strip()
            continue
        if mode == 'section':
            if target.tag == 'Example':
                target.text += '\n' + text
            elif text.strip() == '' and target.text:
                mode = 'body'
            else:
                target.text = (target.text + ' ' + text.strip()).strip()
            continue
        if doc.args or doc.features or doc.sections:
            # Untagged text after the member list: a trailing note.
            if text.strip():
                doc.sections.append(DocSection('Note', text.strip()))
                mode = 'section'
                target = doc.sections[-1]
            continue
        doc.body.append(text)
    for sec in doc.sections:
        sec.text = sec.text.strip('\n')
    return doc


class Parser:
    """Parse one schema file and, recursively, the files it includes."""

    def __init__(self, fname, parent_info=None, seen=None):
        self.fname = fname
        self.seen = seen if seen is not None else set()
        self.seen.add(os.path.abspath(fname))
        self.parent_info = parent_info
        self.info = SourceInfo(fname, 1, parent_info)
        try:
            with open(fname, encoding='utf-8') as f:
                self.src = f.read()
        except OSError as e:
            raise QAPIError(parent_info, "can't read schema file '%s': %s"
                            % (fname, e.strerror))
        if not self.src.endswith('\n'):
            self.src += '\n'
        self.pos = 0
        self.line = 1
        self.line_pos = 0
        self.depth = 0
        self.pending_docs = []
        self.exprs = []
        self.free_docs = []
        self.files = [fname]
        self._parse()

    # -- lexer ------------------------------------------------------------

    def _here(self):
        return self.info.at(self.line)

    def _error(self, msg):
        return QAPIError(self._here(), msg)

    def _skip_space(self):
        src = self.src
        while self.pos < len(src):
            c = src[self.pos]
            if c == '\n':
                self.pos += 1
                self.line += 1
                self.line_pos = self.pos
            elif c in ' \t\r':
                self.pos += 1
            elif c == '#':
                if (src.startswith('##', self.pos) and self.depth == 0
                        and self.pos == self.line_pos):
                    self._read_doc()
                else:
                    end = src.index('\n', self.pos)
                    self.pos = end
            else:
                return

    def _read_doc(self):
        start = self.line
        first = self.src[self.pos:self.src.index('\n', self.pos)]
        if first.rstrip() != '##':
            raise self._error("junk after '##' at start of documentation "
                              "comment")
        lines = []
        while True:
            self.pos = self.src.index('\n', self.pos) + 1
            self.line += 1
            self.line_pos = self.pos
            if self.pos >= len(self.src):
                raise self._error('documentation comment must end with '
                                  "'##'")
            text = self.src[self.pos:self.src.index('\n', self.pos)]
            if text.rstrip() == '##':
                self.pos = self.src.index('\n', self.pos)
                break
            if not text.startswith('#'):
                raise self._error("documentation comment must end with "
                                  "'##'")
            if len(text) > 1 and text[1] != ' ':
                raise self._error("missing space after #")
            lines.append((self.line, text[2:].rstrip()))
        self.pending_docs.append(_parse_doc(self.info.at(start), lines))

    def _next_token(self):
        self._skip_space()
        if self.pos >= len(self.src):
            return None, None
        c = self.src[self.pos]
        if c in '{}[],:':
            self.pos += 1
            return c, c
        if c == "'":
            self.pos += 1
            out = []
            while True:
                if self.pos >= len(self.src) or self.src[self.pos] == '\n':
                    raise self._error('missing terminating "\'"')
                ch = self.src[self.pos]
                self.pos += 1
                if ch == "'":
                    break
                if ch == '\\':
                    esc = self.src[self.pos]
                    self.pos += 1
                    if esc not in "\\/'\"":
                        raise self._error("unknown escape \\%s" % esc)
                    ch = esc
                out.append(ch)
            return 'str', ''.join(out)
        for word, val in (('true', True), ('false', False)):
            if self.src.startswith(word, self.pos):
                self.pos += len(word)
                return 'bool', val
        raise self._error("stray '%s'" % c)

    # -- grammar ----------------------------------------------------------

    def _value(self, tok, val):
        if tok == '{':
            return self._object()
        if tok == '[':
            return self._array()
        if tok in ('str', 'bool'):
            return val
        if tok is None:
            raise self._error('unexpected end of file')
        raise self._error("expected value, got '%s'" % tok)

    def _object(self):
        self.depth += 1
        obj = OrderedDict()
        tok, val = self._next_token()
        if tok == '}':
            self.depth -= 1
            return obj
        while True:
            if tok != 'str':
                raise self._error("expected string or '}'")
            key = val
            if key in obj:
                raise self._error("duplicate key '%s'" % key)
            tok, _ = self._next_token()
            if tok != ':':
                raise self._error("expected ':'")
            tok, val = self._next_token()
            obj[key] = self._value(tok, val)
            tok, _ = self._next_token()
            if tok == '}':
                self.depth -= 1
                return obj
            if tok != ',':
                raise self._error("expected ',' or '}'")
            tok, val = self._next_token()

    def _array(self):
        self.depth += 1
        arr = []
        tok, val = self._next_token()
        if tok == ']':
            self.depth -= 1
            return arr
        while True:
            arr.append(self._value(tok, val))
            tok, val = self._next_token()
            if tok == ']':
                self.depth -= 1
                return arr
            if tok != ',':
                raise self._error("expected ',' or ']'")
            tok, val = self._next_token()

    def _take_docs(self):
        docs = self.pending_docs
        self.pending_docs = []
        return docs

    def _parse(self):
        while True:
            tok, val = self._next_token()
            docs = self._take_docs()
            if tok is None:
                self.free_docs.extend(docs)
                for d in docs:
                    if d.symbol:
                        raise QAPIError(d.info, "documentation for '%s' is "
                                        "not followed by the definition"
                                        % d.symbol)
                    self.exprs.append(Expression(None, d.info, d))
                return
            info = self._here()
            if tok != '{':
                raise self._error('expected \'{\' at top level')
            expr = self._object()
            doc = None
            for d in docs:
                if d.symbol and d is not docs[-1]:
                    raise QAPIError(d.info, "documentation for '%s' is not "
                                    "followed by the definition" % d.symbol)
            if docs and docs[-1].symbol:
                doc = docs.pop()
            for d in docs:
                self.exprs.append(Expression(None, d.info, d))
            if 'include' in expr:
                self._include(expr, info, doc)
                continue
            self.exprs.append(Expression(expr, info, doc))

    def _include(self, expr, info, doc):
        if len(expr) != 1 or not isinstance(expr['include'], str):
            raise QAPIError(info, "invalid 'include' directive")
        if doc is not None:
            raise QAPIError(doc.info, 'documentation block before an '
                            "'include' must not start with @name")
        path = os.path.join(os.path.dirname(self.fname), expr['include'])
        if os.path.abspath(path) in self.seen:
            return
        sub = Parser(path, info, self.seen)
        self.exprs.extend(sub.exprs)
        self.files.extend(sub.files)
