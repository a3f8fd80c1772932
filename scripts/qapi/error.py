# SPDX-License-Identifier: GPL-2.0-or-later
# Source locations and the one exception type the schema compiler raises.


class SourceInfo:
    """Where a definition comes from: a file, a line, and who included it."""

    def __init__(self, fname, line=1, parent=None):
        self.fname = fname
        self.line = line
        self.parent = parent

    def at(self, line):
        return SourceInfo(self.fname, line, self.parent)

    def __str__(self):
        return '%s:%d' % (self.fname, self.line)


class QAPIError(Exception):
    """A schema error, printed as "FILE:LINE: message"."""

    def __init__(self, info, msg):
        super().__init__(msg)
        self.info = info
        self.msg = msg

    def __str__(self):
        if self.info is None:
            return self.msg
        text = ''
        parent = self.info.parent
        while parent is not None:
            text = 'In file included from %s:\n' % parent + text
            parent = parent.parent
        return text + '%s: %s' % (self.info, self.msg)
