#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
# Compare the generated QMP reference with the committed copy, or (with
# --update) copy it over.  Usage: check_docs.py [--update] GENERATED COMMITTED

import difflib
import shutil
import sys


def main(argv):
    update = '--update' in argv
    args = [a for a in argv if a != '--update']
    if len(args) != 2:
        print('usage: check_docs.py [--update] GENERATED COMMITTED',
              file=sys.stderr)
        return 2
    generated, committed = args
    with open(generated, encoding='utf-8') as f:
        new = f.read()
    try:
        with open(committed, encoding='utf-8') as f:
            old = f.read()
    except FileNotFoundError:
        old = ''
    if update:
        if new != old:
            shutil.copyfile(generated, committed)
            print('updated %s' % committed)
        return 0
    if new == old:
        return 0
    sys.stdout.writelines(difflib.unified_diff(
        old.splitlines(True), new.splitlines(True), committed, generated))
    print('\n%s is out of date: run "ninja update-qmp-docs"' % committed,
          file=sys.stderr)
    return 1


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
