/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * String helpers: numbers and sizes from user input, identifiers, and
 * human-readable sizes.
 *
 * The qemu_strto*() family wraps the C library's strto*() with one error
 * convention: they return 0 on success, -EINVAL when no number was found or
 * (with @endptr NULL) when anything follows it, and -ERANGE when the number
 * does not fit.  Leading whitespace and a sign are accepted as by strtol();
 * base 0 also accepts "0x" hexadecimal and "0" octal.  When @endptr is
 * non-NULL it receives the end of the number, and trailing text is left for
 * the caller.
 */
#ifndef QEMU_CUTILS_H
#define QEMU_CUTILS_H

#define KiB (INT64_C(1) << 10)
#define MiB (INT64_C(1) << 20)
#define GiB (INT64_C(1) << 30)
#define TiB (INT64_C(1) << 40)
#define PiB (INT64_C(1) << 50)
#define EiB (INT64_C(1) << 60)

/**
 * qemu_strtoi: parse an int
 *
 * On -ERANGE *@result is clamped to INT_MIN or INT_MAX.
 */
int qemu_strtoi(const char *nptr, const char **endptr, int base,
                int *result);

/**
 * qemu_strtoui: parse an unsigned int
 *
 * As strtoul(), a minus sign is accepted and the value negated modulo
 * 2^32 ("-1" gives UINT_MAX), but a negative value below INT_MIN is
 * -ERANGE.  On -ERANGE *@result is UINT_MAX.
 */
int qemu_strtoui(const char *nptr, const char **endptr, int base,
                 unsigned int *result);

/**
 * qemu_strtoi64: parse an int64_t
 *
 * On -ERANGE *@result is clamped to INT64_MIN or INT64_MAX.
 */
int qemu_strtoi64(const char *nptr, const char **endptr, int base,
                  int64_t *result);

/**
 * qemu_strtou64: parse a uint64_t
 *
 * As strtoull(), a minus sign is accepted and the value negated modulo
 * 2^64: "-1" gives UINT64_MAX.  QEMU relies on this (negative values for
 * unsigned properties wrap).  On -ERANGE *@result is UINT64_MAX.
 */
int qemu_strtou64(const char *nptr, const char **endptr, int base,
                  uint64_t *result);

/**
 * qemu_strtod: parse a double with strtod()
 *
 * Overflow and underflow are -ERANGE (*@result is then what strtod()
 * returned).  "inf" and "nan" are accepted.
 */
int qemu_strtod(const char *nptr, const char **endptr, double *result);

/**
 * qemu_strtod_finite: as qemu_strtod(), but infinity and NaN are -EINVAL
 * (with *@endptr reset to @nptr).
 */
int qemu_strtod_finite(const char *nptr, const char **endptr,
                       double *result);

/**
 * qemu_strtosz: parse a size in bytes
 *
 * Syntax (QEMU's): a non-negative decimal number, optionally with a
 * fraction, followed by an optional suffix B, K, M, G, T, P or E (any case)
 * meaning a power of 1024.  Without a suffix the number is in bytes, and a
 * fraction then needs a suffix ("1.5" fails, "1.5M" and "1.M" work).  The
 * scaled fraction is rounded to the nearest byte.  Exponents ("1e3") and
 * negative numbers fail.  "0x" hexadecimal is accepted without a fraction;
 * a hexadecimal number with a suffix still works but warns that it is
 * deprecated, as QEMU 7.2 does.  Leading whitespace is skipped.
 *
 * Returns 0, -EINVAL (bad syntax, or trailing text when @end is NULL) or
 * -ERANGE (2^64 or more).  *@result is only written on success.
 */
int qemu_strtosz(const char *nptr, const char **end, uint64_t *result);

/**
 * qemu_strtosz_MiB: as qemu_strtosz(), but a number without suffix is in
 * MiB (the legacy -m syntax).
 */
int qemu_strtosz_MiB(const char *nptr, const char **end, uint64_t *result);

/**
 * qemu_strtosz_metric: as qemu_strtosz(), but the suffixes are powers of
 * 1000.
 */
int qemu_strtosz_metric(const char *nptr, const char **end,
                        uint64_t *result);

/**
 * id_wellformed: whether @id is a valid identifier for -device id=,
 * -object id= and friends: a letter, then letters, digits, '-', '.', '_'.
 */
bool id_wellformed(const char *id);

/**
 * size_to_str: @val bytes in QEMU's human-readable form
 *
 * Three significant digits and a binary unit.  From 1000 of a unit up the
 * next unit is used: 999 is "999 B", 1000 is "0.977 KiB", 1536 is
 * "1.5 KiB", 65536 is "64 KiB".  The caller frees the string.
 */
char *size_to_str(uint64_t val);

/**
 * strstart: if @str starts with @prefix, set *@ptr (if non-NULL) to the rest
 * of @str and return true.
 */
bool strstart(const char *str, const char *prefix, const char **ptr);

#endif
