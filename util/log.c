/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Debug logging (-d, -D): item table, mask, and the log destination,
 * guarded by one recursive lock so that messages never interleave.
 */
#include "qemu/osdep.h"
#include "qemu/log.h"
#include "qemu/thread.h"
#include "qapi/error.h"

typedef struct LogItem {
    int mask;
    const char *name;
    const char *help;
} LogItem;

/* In "-d help" order; the texts are QEMU 7.2's. */
static const LogItem log_items[] = {
    { CPU_LOG_TB_OUT_ASM, "out_asm",
      "show generated host assembly code for each compiled TB" },
    { CPU_LOG_TB_IN_ASM, "in_asm",
      "show target assembly code for each compiled TB" },
    { CPU_LOG_TB_OP, "op", "show micro ops for each compiled TB" },
    { CPU_LOG_TB_OP_OPT, "op_opt", "show micro ops after optimization" },
    { CPU_LOG_TB_OP_IND, "op_ind",
      "show micro ops before indirect lowering" },
    { CPU_LOG_INT, "int", "show interrupts/exceptions in short format" },
    { CPU_LOG_EXEC, "exec",
      "show trace before each executed TB (lots of logs)" },
    { CPU_LOG_TB_CPU, "cpu",
      "show CPU registers before entering a TB (lots of logs)" },
    { CPU_LOG_TB_FPU, "fpu", "include FPU registers in the 'cpu' logging" },
    { CPU_LOG_MMU, "mmu", "log MMU-related activities" },
    { CPU_LOG_PCALL, "pcall",
      "x86 only: show protected mode far calls/returns/exceptions" },
    { CPU_LOG_RESET, "cpu_reset", "show CPU state before CPU resets" },
    { LOG_UNIMP, "unimp", "log unimplemented functionality" },
    { LOG_GUEST_ERROR, "guest_errors",
      "log when the guest OS does something invalid (eg accessing a\n"
      "non-existent register)" },
    { CPU_LOG_PAGE, "page",
      "dump pages at beginning of user mode emulation" },
    { CPU_LOG_TB_NOCHAIN, "nochain",
      "do not chain compiled TBs so that \"exec\" and \"cpu\" show\n"
      "complete traces" },
    /* QEMU's text ends in a newline, hence a blank line in the usage */
    { CPU_LOG_PLUGIN, "plugin", "output from TCG plugins\n" },
    { LOG_STRACE, "strace",
      "log every user-mode syscall, its input, and its result" },
    { LOG_PER_THREAD, "tid",
      "open a separate log file per thread; filename must contain '%d'" },
};

int qemu_loglevel;

/*
 * All of the state below is under log_lock.  It is recursive so that
 * qemu_log() works between qemu_log_trylock() and qemu_log_unlock().
 */
static QemuMutex log_lock = QEMU_REC_MUTEX_INITIALIZER;
static char *log_filename;      /* as given to -D, or NULL for stderr */
static FILE *log_file;          /* the shared log file, when open */
static GHashTable *thread_files;    /* tid -> FILE *, for LOG_PER_THREAD */
static bool log_append;         /* the file was opened once: don't truncate */

bool qemu_log_parse_items(const char *str, int *mask, Error **errp)
{
    g_auto(GStrv) items = NULL;
    int result = 0;

    if (!*str) {
        *mask = 0;
        return true;
    }
    items = g_strsplit(str, ",", -1);
    for (char **item = items; *item; item++) {
        bool found = false;

        if (!strcmp(*item, "help") || !strcmp(*item, "?")) {
            *mask = 0;
            return true;
        }
        if (!strcmp(*item, "all")) {
            for (size_t i = 0; i < ARRAY_SIZE(log_items); i++) {
                result |= log_items[i].mask;
            }
            continue;
        }
        if (g_str_has_prefix(*item, "trace:")) {
            result |= LOG_TRACE;
            continue;
        }
        for (size_t i = 0; i < ARRAY_SIZE(log_items); i++) {
            if (!strcmp(*item, log_items[i].name)) {
                result |= log_items[i].mask;
                found = true;
                break;
            }
        }
        if (!found) {
            error_setg(errp, "Invalid log item '%s'", *item);
            return false;
        }
    }
    *mask = result;
    return true;
}

void qemu_print_log_usage(FILE *f)
{
    fprintf(f, "Log items (comma separated):\n");
    for (size_t i = 0; i < ARRAY_SIZE(log_items); i++) {
        fprintf(f, "%-15s %s\n", log_items[i].name, log_items[i].help);
    }
    fprintf(f, "trace:PATTERN   enable trace events\n");
    fprintf(f, "\nUse \"-d trace:help\" to get a list of trace events.\n\n");
}

/* Whether @name is a usable template: at most one '%', followed by 'd'. */
static bool filename_template_ok(const char *name, bool *has_pct)
{
    const char *pct = strchr(name, '%');

    *has_pct = pct != NULL;
    return !pct || (pct[1] == 'd' && !strchr(pct + 2, '%'));
}

/* Open @name (a template with at most one "%d") with @id filled in. */
static FILE *open_log_file(const char *name, long id, Error **errp)
{
    g_autofree char *path = NULL;
    bool has_pct;
    FILE *f;

    filename_template_ok(name, &has_pct);
    if (has_pct) {
        g_autoptr(GString) s = g_string_new(NULL);
        const char *pct = strchr(name, '%');

        g_string_append_len(s, name, pct - name);
        g_string_append_printf(s, "%ld", id);
        g_string_append(s, pct + 2);
        path = g_strdup(s->str);
    } else {
        path = g_strdup(name);
    }
    f = fopen(path, log_append ? "a" : "w");
    if (!f) {
        error_setg_errno(errp, errno, "Error opening logfile %s", path);
        return NULL;
    }
    setvbuf(f, NULL, _IOLBF, 0);
    return f;
}

static void close_thread_file(gpointer p)
{
    fclose(p);
}

static void close_files_locked(void)
{
    if (log_file) {
        fclose(log_file);
        log_file = NULL;
    }
    if (thread_files) {
        g_hash_table_destroy(thread_files);
        thread_files = NULL;
    }
}

/* Make the files match @mask and the file name. */
static bool apply_locked(int mask, Error **errp)
{
    bool per_thread = mask & LOG_PER_THREAD;
    bool has_pct = false;

    if (per_thread && (!log_filename ||
                       (filename_template_ok(log_filename, &has_pct),
                        !has_pct))) {
        error_setg(errp, "Filename template with '%%d' required for 'tid'");
        return false;
    }
    close_files_locked();
    if (log_filename && !per_thread) {
        log_file = open_log_file(log_filename, (long)getpid(), errp);
        if (!log_file) {
            return false;
        }
        log_append = true;
    }
    if (per_thread) {
        thread_files = g_hash_table_new_full(NULL, NULL, NULL,
                                             close_thread_file);
    }
    __atomic_store_n(&qemu_loglevel, mask, __ATOMIC_RELAXED);
    return true;
}

bool qemu_set_log(int mask, Error **errp)
{
    bool ok;

    qemu_mutex_lock(&log_lock);
    ok = apply_locked(mask, errp);
    qemu_mutex_unlock(&log_lock);
    return ok;
}

bool qemu_set_log_filename(const char *name, Error **errp)
{
    bool has_pct;
    bool ok;

    if (name && !filename_template_ok(name, &has_pct)) {
        error_setg(errp, "Bad logfile template: %s", name);
        return false;
    }
    qemu_mutex_lock(&log_lock);
    g_free(log_filename);
    log_filename = g_strdup(name);
    log_append = false;
    ok = apply_locked(qemu_loglevel, errp);
    qemu_mutex_unlock(&log_lock);
    return ok;
}

/* The stream for the calling thread, or NULL.  Called with the lock. */
static FILE *current_stream_locked(void)
{
    if (thread_files) {
        long tid = gettid();
        FILE *f = g_hash_table_lookup(thread_files, GINT_TO_POINTER(tid));

        if (!f) {
            /* truncating is right: each thread id gets a new file */
            f = open_log_file(log_filename, tid, NULL);
            if (!f) {
                return NULL;
            }
            g_hash_table_insert(thread_files, GINT_TO_POINTER(tid), f);
        }
        return f;
    }
    if (log_file) {
        return log_file;
    }
    return qemu_loglevel ? stderr : NULL;
}

bool qemu_log_enabled(void)
{
    bool enabled;

    qemu_mutex_lock(&log_lock);
    enabled = log_file || thread_files || qemu_loglevel;
    qemu_mutex_unlock(&log_lock);
    return enabled;
}

FILE *qemu_log_trylock(void)
{
    FILE *f;

    qemu_mutex_lock(&log_lock);
    f = current_stream_locked();
    if (!f) {
        qemu_mutex_unlock(&log_lock);
    }
    return f;
}

void qemu_log_unlock(FILE *f)
{
    if (f) {
        fflush(f);
        qemu_mutex_unlock(&log_lock);
    }
}

void qemu_log(const char *fmt, ...)
{
    FILE *f = qemu_log_trylock();
    va_list ap;

    if (!f) {
        return;
    }
    va_start(ap, fmt);
    vfprintf(f, fmt, ap);
    va_end(ap);
    qemu_log_unlock(f);
}

void qemu_log_close(void)
{
    qemu_mutex_lock(&log_lock);
    close_files_locked();
    g_free(log_filename);
    log_filename = NULL;
    log_append = false;
    __atomic_store_n(&qemu_loglevel, 0, __ATOMIC_RELAXED);
    qemu_mutex_unlock(&log_lock);
}
