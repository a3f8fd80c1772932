# SPDX-License-Identifier: GPL-2.0-or-later
# The QAPI schema compiler: schema parser, checker and C/Markdown generators.
