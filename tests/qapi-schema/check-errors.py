#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
# Run the QAPI generator on every bad schema in this directory and check
# that it fails with exactly the message in the matching .err file.
# Usage: check-errors.py QAPI-GEN.py   (prints TAP)

import glob
import os
import subprocess
import sys


def main():
    gen = os.path.abspath(sys.argv[1])
    here = os.path.dirname(os.path.abspath(__file__))
    cases = sorted(glob.glob(os.path.join(here, '*.json')))
    cases = [c for c in cases
             if os.path.exists(os.path.splitext(c)[0] + '.err')]
    print('1..%d' % len(cases))
    failed = 0
    for i, case in enumerate(cases, 1):
        name = os.path.basename(case)
        with open(os.path.splitext(case)[0] + '.err', encoding='utf-8') as f:
            want = f.read().strip()
        proc = subprocess.run([sys.executable, gen, '--check', name],
                              cwd=here, capture_output=True, text=True)
        got = proc.stderr.strip()
        if proc.returncode == 1 and got == want:
            print('ok %d %s' % (i, name))
        else:
            failed += 1
            print('not ok %d %s' % (i, name))
            print('# exit status %d' % proc.returncode)
            for line in ('want: ' + want + '\ngot:  ' + got).splitlines():
                print('# ' + line)
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
