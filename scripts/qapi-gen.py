#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
# Compile a QAPI schema into C code and a Markdown reference.
# Usage: qapi-gen.py [-o DIR] [-p PREFIX] [--depfile FILE] SCHEMA.json

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from qapi.main import main  # noqa: E402

if __name__ == '__main__':
    sys.exit(main())
