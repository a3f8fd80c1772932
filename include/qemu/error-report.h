/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Messages for the human at the terminal, in QEMU's format:
 *
 *   qemu-system-riscv32: <location>: <message>
 *
 * The location is the command line option being processed ("-device foo"),
 * or a "file:line" of a script being replayed, or nothing.  Locations nest:
 * push one while working on an option, pop it afterwards.
 *
 * While a human monitor command runs, messages go to that monitor instead of
 * stderr (see error_printf_set_sink()).
 */
#ifndef QEMU_ERROR_REPORT_H
#define QEMU_ERROR_REPORT_H

typedef struct Location {
    /* all members are private to util/qemu-error.c */
    enum { LOC_NONE, LOC_CMDLINE, LOC_FILE } kind;
    int num;
    const void *ptr;
    struct Location *prev;
} Location;

Location *loc_push_restore(Location *loc);
Location *loc_push_none(Location *loc);
Location *loc_pop(Location *loc);
Location *loc_save(Location *loc);
void loc_restore(Location *loc);
void loc_set_none(void);
/* The option argv[idx] and its cnt-1 arguments. */
void loc_set_cmdline(char **argv, int idx, int cnt);
void loc_set_file(const char *fname, int lno);

/* The program name used as the message prefix ("qemu-system-riscv32"). */
void error_set_progname(const char *argv0);
const char *error_get_progname(void);

void error_vprintf(const char *fmt, va_list ap) QEMU_PRINTF(1, 0);
void error_printf(const char *fmt, ...) QEMU_PRINTF(1, 2);

void error_vreport(const char *fmt, va_list ap) QEMU_PRINTF(1, 0);
void warn_vreport(const char *fmt, va_list ap) QEMU_PRINTF(1, 0);
void info_vreport(const char *fmt, va_list ap) QEMU_PRINTF(1, 0);
void error_report(const char *fmt, ...) QEMU_PRINTF(1, 2);
void warn_report(const char *fmt, ...) QEMU_PRINTF(1, 2);
void info_report(const char *fmt, ...) QEMU_PRINTF(1, 2);

/*
 * Redirect error_printf() and the report functions of the calling thread to
 * @sink (e.g. the human monitor running a command); NULL restores stderr.
 * Returns the previous sink.
 */
typedef void ErrorPrintfSink(void *opaque, const char *text);
typedef struct ErrorSinkState {
    ErrorPrintfSink *fn;
    void *opaque;
} ErrorSinkState;
ErrorSinkState error_printf_set_sink(ErrorPrintfSink *fn, void *opaque);

#endif
