/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Debug logging, QEMU's -d and -D: a global mask of enabled items and one
 * log destination (stderr, a file, or one file per thread).
 *
 * Device models log guest mistakes and missing features with
 *   qemu_log_mask(LOG_GUEST_ERROR, "%s: bad offset 0x%x\n", __func__, off);
 * The mask test is a plain load of a global int, so disabled logging costs
 * next to nothing.  Writes are thread-safe: one qemu_log() call is never
 * interleaved with another thread's output; for a message built from
 * several calls, hold the log with qemu_log_trylock().
 */
#ifndef QEMU_LOG_H
#define QEMU_LOG_H

/* The items of -d (bit values as QEMU 7.2's). */
#define CPU_LOG_TB_OUT_ASM  (1 << 0)
#define CPU_LOG_TB_IN_ASM   (1 << 1)
#define CPU_LOG_TB_OP       (1 << 2)
#define CPU_LOG_TB_OP_OPT   (1 << 3)
#define CPU_LOG_INT         (1 << 4)
#define CPU_LOG_EXEC        (1 << 5)
#define CPU_LOG_PCALL       (1 << 6)
#define CPU_LOG_TB_CPU      (1 << 8)
#define CPU_LOG_RESET       (1 << 9)
#define LOG_UNIMP           (1 << 10)
#define LOG_GUEST_ERROR     (1 << 11)
#define CPU_LOG_MMU         (1 << 12)
#define CPU_LOG_TB_NOCHAIN  (1 << 13)
#define CPU_LOG_PAGE        (1 << 14)
#define LOG_TRACE           (1 << 15)
#define CPU_LOG_TB_OP_IND   (1 << 16)
#define CPU_LOG_TB_FPU      (1 << 17)
#define CPU_LOG_PLUGIN      (1 << 18)
#define LOG_STRACE          (1 << 19)
#define LOG_PER_THREAD      (1 << 20)

/* The current mask; read it through qemu_loglevel_mask(). */
extern int qemu_loglevel;

/* Whether any item of @mask is enabled. */
static inline bool qemu_loglevel_mask(int mask)
{
    return (__atomic_load_n(&qemu_loglevel, __ATOMIC_RELAXED) & mask) != 0;
}

/**
 * qemu_log_parse_items: parse the argument of -d
 *
 * @str is a comma-separated list of item names (case-sensitive, as
 * "Log items" lists them), "all", or "trace:PATTERN" (sets LOG_TRACE; the
 * pattern is accepted and ignored, there are no trace events yet).
 * Returns true and the mask in *@mask.  *@mask is 0 when @str is empty or
 * asks for "help" or "?": the caller then prints qemu_print_log_usage() to
 * stdout and exits 1, as QEMU does.  An unknown or empty item fails with
 * "Invalid log item 'NAME'"; QEMU does not print that text, it prints the
 * usage and exits 1, and callers should do the same.
 */
bool qemu_log_parse_items(const char *str, int *mask, Error **errp);

/* QEMU 7.2's "-d help" text. */
void qemu_print_log_usage(FILE *f);

/**
 * qemu_set_log: set the mask (-d)
 *
 * Fails with "Filename template with '%d' required for 'tid'" when
 * LOG_PER_THREAD is asked for without a "%d" file name, and with "Error
 * opening logfile NAME: <strerror>" when the file cannot be opened.
 */
bool qemu_set_log(int mask, Error **errp);

/**
 * qemu_set_log_filename: log to file @name instead of stderr (-D)
 *
 * NULL goes back to stderr.  The file is created (truncated) at once.  One
 * "%d" in @name is replaced by the thread id for LOG_PER_THREAD ("tid"),
 * else by the process id; any other '%' fails with "Bad logfile template:
 * NAME".
 */
bool qemu_set_log_filename(const char *name, Error **errp);

/*
 * Whether qemu_log() writes anywhere: a log file is open, or some item is
 * enabled (then it writes to stderr).
 */
bool qemu_log_enabled(void);

/**
 * qemu_log_trylock: hold the log for a multi-line message
 *
 * Returns the stream to fprintf() to, or NULL when logging is off (then
 * do not call qemu_log_unlock()).  qemu_log() may be called while held.
 */
FILE *qemu_log_trylock(void);
void qemu_log_unlock(FILE *f);

/* Write one message (printf-formatted, no newline added). */
void qemu_log(const char *fmt, ...) QEMU_PRINTF(1, 2);

#define qemu_log_mask(MASK, FMT, ...)                       \
    do {                                                    \
        if (G_UNLIKELY(qemu_loglevel_mask(MASK))) {         \
            qemu_log(FMT, ## __VA_ARGS__);                  \
        }                                                   \
    } while (0)

/* Close the log files, forget the file name and clear the mask. */
void qemu_log_close(void);

#endif
