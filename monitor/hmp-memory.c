/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * HMP memory dumps: "xp /fmt addr" prints physical memory as QEMU does.
 * The format, size and count not given are the ones used last.
 */
#include "qemu/osdep.h"
#include "exec/address-spaces.h"
#include "monitor/hmp.h"
#include "monitor-internal.h"

/* What the previous dump used; QEMU starts with one hex word. */
static char last_format = 'x';
static int last_size = 4;

typedef struct DumpFormat {
    int count;
    char format;
    int size;
} DumpFormat;

static int size_of_letter(char c)
{
    switch (c) {
    case 'b':
        return 1;
    case 'h':
        return 2;
    case 'w':
        return 4;
    case 'g':
        return 8;
    default:
        return 0;
    }
}

/* @spec was validated by the argument parser (hmp.c). */
static DumpFormat parse_dump_format(const char *spec)
{
    DumpFormat f = { .count = 1, .format = last_format, .size = 0 };
    const char *s = spec;

    if (g_ascii_isdigit(*s)) {
        f.count = strtol(s, (char **)&s, 10);
    }
    for (; *s; s++) {
        if (size_of_letter(*s)) {
            f.size = size_of_letter(*s);
        } else {
            f.format = *s;
        }
    }
    if (f.format == 'c') {
        f.size = 1;     /* characters are bytes, whatever was asked */
    } else if (!f.size) {
        f.size = f.format == last_format || last_format == 'c' ? last_size
                                                                : 4;
    }
    last_format = f.format;
    last_size = f.size;
    return f;
}

/* One character in QEMU's monitor quoting: 'a', '\n', '\x00'. */
static void print_char(Monitor *mon, uint8_t c)
{
    switch (c) {
    case '\'':
    case '\\':
        monitor_printf(mon, "'\\%c'", c);
        break;
    case '\n':
        monitor_printf(mon, "'\\n'");
        break;
    case '\r':
        monitor_printf(mon, "'\\r'");
        break;
    default:
        if (c >= 32 && c <= 126) {
            monitor_printf(mon, "'%c'", c);
        } else {
            monitor_printf(mon, "'\\x%02x'", c);
        }
        break;
    }
}

static void print_value(Monitor *mon, const DumpFormat *f, uint64_t v)
{
    int bits = f->size * 8;

    switch (f->format) {
    case 'x':
        monitor_printf(mon, "0x%0*" PRIx64, f->size * 2, v);
        break;
    case 'o':
        monitor_printf(mon, "%#*" PRIo64, (bits + 2) / 3, v);
        break;
    case 'u':
        monitor_printf(mon, "%*" PRIu64, (bits * 10 + 32) / 33, v);
        break;
    case 'd': {
        int64_t sv = bits == 64 ? (int64_t)v
                                : (int64_t)(v << (64 - bits)) >> (64 - bits);

        monitor_printf(mon, "%*" PRId64, (bits * 10 + 32) / 33, sv);
        break;
    }
    case 'c':
        print_char(mon, v);
        break;
    }
}

void hmp_xp(Monitor *mon, JsonObject *args)
{
    const char *spec = json_object_get_string_member_with_default(args, "fmt",
                                                                  "");
    hwaddr addr = json_object_get_int_member(args, "addr");
    DumpFormat f = parse_dump_format(spec);
    int line_size = f.size == 1 ? 8 : 16;
    int64_t left = (int64_t)f.count * f.size;

    if (f.format == 'i') {
        monitor_printf(mon, "Cannot disassemble: no CPU is available\n");
        return;
    }
    while (left > 0) {
        int n = MIN(left, line_size);

        monitor_printf(mon, "%016" PRIx64 ":", addr);
        for (int i = 0; i < n; i += f.size) {
            uint8_t buf[8];
            uint64_t v = 0;

            if (address_space_read(&address_space_memory, addr + i,
                                   MEMTXATTRS_UNSPECIFIED, buf, f.size)
                != MEMTX_OK) {
                monitor_printf(mon, " Cannot access memory\n");
                return;
            }
            for (int b = f.size - 1; b >= 0; b--) {
                v = (v << 8) | buf[b];
            }
            monitor_printf(mon, " ");
            print_value(mon, &f, v);
        }
        monitor_printf(mon, "\n");
        addr += n;
        left -= n;
    }
}
