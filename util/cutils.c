/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Parsing numbers and sizes from user input with one error convention, and
 * small string helpers (see include/qemu/cutils.h).
 */
#include "qemu/osdep.h"
#include "qemu/cutils.h"
#include "qemu/error-report.h"

#include <math.h>

/*
 * Common tail of the qemu_strto*() functions: @ep is where the C library
 * stopped, @err its errno.
 */
static int strtox_finish(const char *nptr, const char *ep,
                         const char **endptr, int err)
{
    if (endptr) {
        *endptr = ep;
    }
    if (err == 0 && ep == nptr) {
        /* nothing was converted */
        return -EINVAL;
    }
    if (!endptr && *ep) {
        /* the caller wanted the whole string to be a number */
        return -EINVAL;
    }
    return -err;
}

static bool strtox_null(const char *nptr, const char **endptr)
{
    if (nptr) {
        return false;
    }
    if (endptr) {
        *endptr = NULL;
    }
    return true;
}

int qemu_strtoi(const char *nptr, const char **endptr, int base,
                int *result)
{
    char *ep;
    long long val;

    assert(base == 0 || (base >= 2 && base <= 36));
    if (strtox_null(nptr, endptr)) {
        return -EINVAL;
    }
    errno = 0;
    val = strtoll(nptr, &ep, base);
    if (val > INT_MAX) {
        val = INT_MAX;
        errno = ERANGE;
    } else if (val < INT_MIN) {
        val = INT_MIN;
        errno = ERANGE;
    }
    *result = val;
    return strtox_finish(nptr, ep, endptr, errno);
}

int qemu_strtoui(const char *nptr, const char **endptr, int base,
                 unsigned int *result)
{
    char *ep;
    unsigned long long uval;
    long long sval;

    assert(base == 0 || (base >= 2 && base <= 36));
    if (strtox_null(nptr, endptr)) {
        return -EINVAL;
    }
    errno = 0;
    uval = strtoull(nptr, &ep, base);
    /*
     * strtoull() negates "-N" modulo 2^64; read back as signed, anything
     * from INT_MIN to -1 still wraps into the unsigned int range.
     */
    sval = (long long)uval;
    if (errno == ERANGE) {
        *result = UINT_MAX;
    } else if (sval < 0 && sval >= INT_MIN) {
        *result = (unsigned int)sval;
    } else if (uval > UINT_MAX) {
        *result = UINT_MAX;
        errno = ERANGE;
    } else {
        *result = uval;
    }
    return strtox_finish(nptr, ep, endptr, errno);
}

int qemu_strtoi64(const char *nptr, const char **endptr, int base,
                  int64_t *result)
{
    char *ep;

    assert(base == 0 || (base >= 2 && base <= 36));
    if (strtox_null(nptr, endptr)) {
        return -EINVAL;
    }
    errno = 0;
    *result = strtoll(nptr, &ep, base);
    return strtox_finish(nptr, ep, endptr, errno);
}

int qemu_strtou64(const char *nptr, const char **endptr, int base,
                  uint64_t *result)
{
    char *ep;

    assert(base == 0 || (base >= 2 && base <= 36));
    if (strtox_null(nptr, endptr)) {
        return -EINVAL;
    }
    errno = 0;
    *result = strtoull(nptr, &ep, base);
    if (errno == ERANGE) {
        *result = UINT64_MAX;
    }
    return strtox_finish(nptr, ep, endptr, errno);
}

int qemu_strtod(const char *nptr, const char **endptr, double *result)
{
    char *ep;

    if (strtox_null(nptr, endptr)) {
        return -EINVAL;
    }
    errno = 0;
    *result = strtod(nptr, &ep);
    return strtox_finish(nptr, ep, endptr, errno);
}

int qemu_strtod_finite(const char *nptr, const char **endptr,
                       double *result)
{
    double val;
    int ret = qemu_strtod(nptr, endptr, &val);

    if (ret == 0 && !isfinite(val)) {
        if (endptr) {
            *endptr = nptr;
        }
        return -EINVAL;
    }
    if (ret != -EINVAL) {
        *result = val;
    }
    return ret;
}

/* The multiplier of size suffix @c, or 0 if @c is not one. */
static uint64_t size_suffix_mul(char c, uint64_t unit)
{
    static const char suffixes[] = "BKMGTPE";
    const char *p;
    uint64_t mul = 1;

    if (!c) {
        return 0;
    }
    p = strchr(suffixes, g_ascii_toupper(c));
    if (!p) {
        return 0;
    }
    for (int i = 0; i < p - suffixes; i++) {
        mul *= unit;
    }
    return mul;
}

static int parse_size(const char *nptr, const char **end, char def_suffix,
                      uint64_t unit, uint64_t *result)
{
    const char *ep;
    uint64_t val, frac = 0, mul;
    bool hex = false;
    int ret;

    ret = qemu_strtou64(nptr, &ep, 10, &val);
    if (ret < 0) {
        goto out;
    }
    if (memchr(nptr, '-', ep - nptr)) {
        /* strtoull() would have wrapped it */
        ret = -EINVAL;
        ep = nptr;
        goto out;
    }
    if (val == 0 && (*ep == 'x' || *ep == 'X')) {
        ret = qemu_strtou64(nptr, &ep, 16, &val);
        if (ret < 0) {
            goto out;
        }
        if (*ep == '.') {
            /* no hexadecimal fractions */
            ret = -EINVAL;
            ep = nptr;
            goto out;
        }
        hex = true;
    } else if (*ep == '.') {
        const char *fstart = ep;
        double fraction;

        if (qemu_strtod_finite(fstart, &ep, &fraction) < 0) {
            /* "1.k": a point without digits */
            ep = fstart + 1;
        } else if (memchr(fstart, 'e', ep - fstart) ||
                   memchr(fstart, 'E', ep - fstart)) {
            /* no exponents: 'E' is the exabyte suffix */
            ret = -EINVAL;
            ep = nptr;
            goto out;
        } else if (fraction * 0x1p64 >= 0x1p64) {
            frac = UINT64_MAX;
        } else {
            /* a 0.64 fixed-point fraction */
            frac = (uint64_t)(fraction * 0x1p64);
        }
    }

    mul = size_suffix_mul(*ep, unit);
    if (mul) {
        if (hex) {
            warn_report("Using a multiplier suffix on hex numbers "
                        "is deprecated: %s", nptr);
        }
        ep++;
    } else {
        mul = size_suffix_mul(def_suffix, unit);
    }

    if (mul == 1) {
        if (frac) {
            /* a fraction of a byte needs a suffix */
            ret = -EINVAL;
            ep = nptr;
            goto out;
        }
    } else {
        unsigned __int128 prod = (unsigned __int128)val * mul;

        /* add the scaled fraction, rounded to the nearest byte */
        prod += ((unsigned __int128)frac * mul + ((uint64_t)1 << 63)) >> 64;
        if (prod >> 64) {
            ret = -ERANGE;
            goto out;
        }
        val = (uint64_t)prod;
    }
    ret = 0;

out:
    if (end) {
        *end = ep;
    } else if (ep && *ep) {
        ret = -EINVAL;
    }
    if (ret == 0) {
        *result = val;
    }
    return ret;
}

int qemu_strtosz(const char *nptr, const char **end, uint64_t *result)
{
    return parse_size(nptr, end, 'B', 1024, result);
}

int qemu_strtosz_MiB(const char *nptr, const char **end, uint64_t *result)
{
    return parse_size(nptr, end, 'M', 1024, result);
}

int qemu_strtosz_metric(const char *nptr, const char **end,
                        uint64_t *result)
{
    return parse_size(nptr, end, 'B', 1000, result);
}

bool id_wellformed(const char *id)
{
    if (!g_ascii_isalpha(id[0])) {
        return false;
    }
    for (const char *p = id + 1; *p; p++) {
        if (!g_ascii_isalnum(*p) && !strchr("-._", *p)) {
            return false;
        }
    }
    return true;
}

char *size_to_str(uint64_t val)
{
    static const char *const units[] = {
        "B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB",
    };
    double scaled = val;
    int i = 0;

    /* 1000 of a unit and more are shown in the next unit */
    while (scaled >= 1000.0 && i < (int)ARRAY_SIZE(units) - 1) {
        scaled /= 1024.0;
        i++;
    }
    return g_strdup_printf("%0.3g %s", scaled, units[i]);
}

bool strstart(const char *str, const char *prefix, const char **ptr)
{
    size_t len = strlen(prefix);

    if (strncmp(str, prefix, len) != 0) {
        return false;
    }
    if (ptr) {
        *ptr = str + len;
    }
    return true;
}
