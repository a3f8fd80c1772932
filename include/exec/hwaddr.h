/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Physical (bus) addresses: always 64 bits wide, whatever the guest. */
#ifndef EXEC_HWADDR_H
#define EXEC_HWADDR_H

typedef uint64_t hwaddr;

#define HWADDR_MAX UINT64_MAX
#define HWADDR_PRIx PRIx64
#define HWADDR_PRId PRId64
#define HWADDR_PRIu PRIu64

#endif
