/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Unit tests for util/log.c: -d parsing and usage, -D files, threads. */
#include "qemu/osdep.h"
#include "qemu/log.h"
#include "qapi/error.h"

/* "qemu-system-riscv32 -d help" of QEMU 7.2, byte for byte. */
static const char expected_usage[] =
    "Log items (comma separated):\n"
    "out_asm         show generated host assembly code for each compiled TB\n"
    "in_asm          show target assembly code for each compiled TB\n"
    "op              show micro ops for each compiled TB\n"
    "op_opt          show micro ops after optimization\n"
    "op_ind          show micro ops before indirect lowering\n"
    "int             show interrupts/exceptions in short format\n"
    "exec            show trace before each executed TB (lots of logs)\n"
    "cpu             show CPU registers before entering a TB (lots of logs)\n"
    "fpu             include FPU registers in the 'cpu' logging\n"
    "mmu             log MMU-related activities\n"
    "pcall           x86 only: show protected mode far "
    "calls/returns/exceptions\n"
    "cpu_reset       show CPU state before CPU resets\n"
    "unimp           log unimplemented functionality\n"
    "guest_errors    log when the guest OS does something invalid "
    "(eg accessing a\n"
    "non-existent register)\n"
    "page            dump pages at beginning of user mode emulation\n"
    "nochain         do not chain compiled TBs so that \"exec\" and \"cpu\" "
    "show\n"
    "complete traces\n"
    "plugin          output from TCG plugins\n"
    "\n"
    "strace          log every user-mode syscall, its input, and its result\n"
    "tid             open a separate log file per thread; filename must "
    "contain '%d'\n"
    "trace:PATTERN   enable trace events\n"
    "\n"
    "Use \"-d trace:help\" to get a list of trace events.\n"
    "\n";

/* A scratch directory, removed with everything in it. */
static char *make_tmpdir(void)
{
    char *dir = g_dir_make_tmp("test-log-XXXXXX", NULL);

    g_assert_nonnull(dir);
    return dir;
}

static void remove_tmpdir(const char *dir)
{
    GDir *d = g_dir_open(dir, 0, NULL);
    const char *name;

    g_assert_nonnull(d);
    while ((name = g_dir_read_name(d))) {
        g_autofree char *path = g_build_filename(dir, name, NULL);

        g_assert_cmpint(unlink(path), ==, 0);
    }
    g_dir_close(d);
    g_assert_cmpint(rmdir(dir), ==, 0);
}

static char *read_file(const char *path)
{
    char *text = NULL;

    g_assert_true(g_file_get_contents(path, &text, NULL, NULL));
    return text;
}

static void assert_error(Error *err, const char *msg)
{
    g_assert_nonnull(err);
    g_assert_cmpstr(error_get_pretty(err), ==, msg);
    error_free(err);
}

static void test_parse(void)
{
    int all = 0;
    int mask = -1;

    for (int bit = 0; bit <= 20; bit++) {
        if (bit != 7 && bit != 15) {
            all |= 1 << bit;
        }
    }
    g_assert_true(qemu_log_parse_items("int", &mask, &error_abort));
    g_assert_cmpint(mask, ==, CPU_LOG_INT);
    g_assert_true(qemu_log_parse_items("in_asm,guest_errors,unimp", &mask,
                                       &error_abort));
    g_assert_cmpint(mask, ==, CPU_LOG_TB_IN_ASM | LOG_GUEST_ERROR |
                    LOG_UNIMP);
    g_assert_true(qemu_log_parse_items("cpu_reset,tid,plugin,op_ind", &mask,
                                       &error_abort));
    g_assert_cmpint(mask, ==, CPU_LOG_RESET | LOG_PER_THREAD |
                    CPU_LOG_PLUGIN | CPU_LOG_TB_OP_IND);
    g_assert_true(qemu_log_parse_items("all", &mask, &error_abort));
    g_assert_cmpint(mask, ==, all);
    g_assert_true(qemu_log_parse_items("int,trace:foo*", &mask,
                                       &error_abort));
    g_assert_cmpint(mask, ==, CPU_LOG_INT | LOG_TRACE);
}

static void test_parse_help(void)
{
    static const char *const help[] = { "help", "?", "", "int,help" };

    for (size_t i = 0; i < ARRAY_SIZE(help); i++) {
        int mask = -1;

        g_assert_true(qemu_log_parse_items(help[i], &mask, &error_abort));
        g_assert_cmpint(mask, ==, 0);
    }
}

static void test_parse_errors(void)
{
    static const struct {
        const char *str;
        const char *msg;
    } cases[] = {
        { "bogus", "Invalid log item 'bogus'" },
        { "INT", "Invalid log item 'INT'" },
        { "int,", "Invalid log item ''" },
        { "int,,unimp", "Invalid log item ''" },
        { ",int", "Invalid log item ''" },
        { "int, ", "Invalid log item ' '" },
        { "int,unimp,x", "Invalid log item 'x'" },
    };

    for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
        Error *err = NULL;
        int mask = 42;

        g_assert_false(qemu_log_parse_items(cases[i].str, &mask, &err));
        assert_error(err, cases[i].msg);
        g_assert_cmpint(mask, ==, 42);
    }
}

static void test_usage(void)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);

    qemu_print_log_usage(f);
    fclose(f);
    g_assert_cmpstr(buf, ==, expected_usage);
    free(buf);
}

static void test_off_by_default(void)
{
    g_assert_false(qemu_log_enabled());
    g_assert_false(qemu_loglevel_mask(LOG_GUEST_ERROR));
    g_assert_null(qemu_log_trylock());
    qemu_log("nowhere\n");
}

static void test_file(void)
{
    g_autofree char *dir = make_tmpdir();
    g_autofree char *path = g_build_filename(dir, "qemu.log", NULL);
    g_autofree char *text = NULL;
    FILE *f;

    g_assert_true(qemu_set_log_filename(path, &error_abort));
    /* -D creates the file at once, even before -d */
    g_assert_true(g_file_test(path, G_FILE_TEST_EXISTS));
    g_assert_true(qemu_log_enabled());
    g_assert_true(qemu_set_log(LOG_GUEST_ERROR | CPU_LOG_INT, &error_abort));
    g_assert_true(qemu_loglevel_mask(LOG_GUEST_ERROR));
    g_assert_true(qemu_loglevel_mask(LOG_UNIMP | CPU_LOG_INT));
    g_assert_false(qemu_loglevel_mask(LOG_UNIMP));

    qemu_log_mask(LOG_GUEST_ERROR, "%s: bad offset 0x%x\n", "uart", 0x40);
    qemu_log_mask(LOG_UNIMP, "not logged\n");
    f = qemu_log_trylock();
    g_assert_nonnull(f);
    fprintf(f, "line 1\n");
    qemu_log("line %d\n", 2);
    qemu_log_unlock(f);

    /* changing the mask keeps what was written */
    g_assert_true(qemu_set_log(LOG_UNIMP, &error_abort));
    qemu_log_mask(LOG_UNIMP, "unimp now\n");
    qemu_log_mask(LOG_GUEST_ERROR, "not any more\n");

    qemu_log_close();
    g_assert_false(qemu_log_enabled());
    text = read_file(path);
    g_assert_cmpstr(text, ==, "uart: bad offset 0x40\nline 1\nline 2\n"
                    "unimp now\n");
    remove_tmpdir(dir);
}

static void test_file_truncated(void)
{
    g_autofree char *dir = make_tmpdir();
    g_autofree char *path = g_build_filename(dir, "old.log", NULL);
    g_autofree char *text = NULL;

    g_assert_true(g_file_set_contents(path, "old contents\n", -1, NULL));
    g_assert_true(qemu_set_log(LOG_UNIMP, &error_abort));
    g_assert_true(qemu_set_log_filename(path, &error_abort));
    qemu_log("new\n");
    qemu_log_close();
    text = read_file(path);
    g_assert_cmpstr(text, ==, "new\n");
    remove_tmpdir(dir);
}

static void test_pid_template(void)
{
    g_autofree char *dir = make_tmpdir();
    g_autofree char *tmpl = g_build_filename(dir, "log%d.txt", NULL);
    g_autofree char *name = g_strdup_printf("log%ld.txt", (long)getpid());
    g_autofree char *path = g_build_filename(dir, name, NULL);
    g_autofree char *text = NULL;

    g_assert_true(qemu_set_log_filename(tmpl, &error_abort));
    g_assert_true(qemu_set_log(CPU_LOG_INT, &error_abort));
    qemu_log("pid\n");
    qemu_log_close();
    text = read_file(path);
    g_assert_cmpstr(text, ==, "pid\n");
    remove_tmpdir(dir);
}

static void test_errors(void)
{
    Error *err = NULL;

    g_assert_false(qemu_set_log(LOG_PER_THREAD, &err));
    assert_error(err, "Filename template with '%d' required for 'tid'");
    err = NULL;
    g_assert_false(qemu_set_log_filename("/tmp/x%s.log", &err));
    assert_error(err, "Bad logfile template: /tmp/x%s.log");
    err = NULL;
    g_assert_false(qemu_set_log_filename("/tmp/x%d%d.log", &err));
    assert_error(err, "Bad logfile template: /tmp/x%d%d.log");
    err = NULL;
    g_assert_false(qemu_set_log_filename("/nonexistent-dir/x.log", &err));
    assert_error(err, "Error opening logfile /nonexistent-dir/x.log: "
                 "No such file or directory");
    err = NULL;
    /* a file name without "%d" is not enough for tid */
    g_assert_false(qemu_set_log(LOG_PER_THREAD, &err));
    assert_error(err, "Filename template with '%d' required for 'tid'");
    qemu_log_close();
    g_assert_false(qemu_log_enabled());
}

static void test_stderr(void)
{
    if (g_test_subprocess()) {
        qemu_log("not yet\n");
        g_assert_true(qemu_set_log(LOG_GUEST_ERROR, &error_abort));
        qemu_log_mask(LOG_GUEST_ERROR, "to stderr %d\n", 7);
        qemu_log_close();
        return;
    }
    g_test_trap_subprocess(NULL, 0, 0);
    g_test_trap_assert_passed();
    g_test_trap_assert_stdout("");
    g_test_trap_assert_stderr("to stderr 7\n");
}

#define N_THREADS 4
#define N_LINES 500

static gpointer log_thread(gpointer opaque)
{
    int id = GPOINTER_TO_INT(opaque);

    for (int i = 0; i < N_LINES; i++) {
        FILE *f;

        if (i % 2) {
            qemu_log_mask(LOG_UNIMP, "thread %d line %d end\n", id, i);
            continue;
        }
        /* one message in three writes must stay together */
        f = qemu_log_trylock();
        g_assert_nonnull(f);
        fprintf(f, "thread %d ", id);
        fprintf(f, "line %d", i);
        fprintf(f, " end\n");
        qemu_log_unlock(f);
    }
    return NULL;
}

static void test_threads(void)
{
    g_autofree char *dir = make_tmpdir();
    g_autofree char *path = g_build_filename(dir, "mt.log", NULL);
    g_autofree char *text = NULL;
    g_auto(GStrv) lines = NULL;
    GThread *threads[N_THREADS];
    int next[N_THREADS] = { 0 };

    g_assert_true(qemu_set_log_filename(path, &error_abort));
    g_assert_true(qemu_set_log(LOG_UNIMP, &error_abort));
    for (int t = 0; t < N_THREADS; t++) {
        threads[t] = g_thread_new("logger", log_thread, GINT_TO_POINTER(t));
    }
    for (int t = 0; t < N_THREADS; t++) {
        g_thread_join(threads[t]);
    }
    qemu_log_close();

    text = read_file(path);
    lines = g_strsplit(text, "\n", -1);
    g_assert_cmpuint(g_strv_length(lines), ==, N_THREADS * N_LINES + 1);
    for (int i = 0; i < N_THREADS * N_LINES; i++) {
        int t, n;
        char tail[8];

        g_assert_cmpint(sscanf(lines[i], "thread %d line %d %7s", &t, &n,
                               tail), ==, 3);
        g_assert_cmpstr(tail, ==, "end");
        g_assert_cmpint(t, >=, 0);
        g_assert_cmpint(t, <, N_THREADS);
        /* each thread's lines are in order */
        g_assert_cmpint(n, ==, next[t]);
        next[t]++;
    }
    g_assert_cmpstr(lines[N_THREADS * N_LINES], ==, "");
    remove_tmpdir(dir);
}

static gpointer tid_thread(gpointer opaque)
{
    qemu_log_mask(LOG_UNIMP, "from thread\n");
    return NULL;
}

static void test_per_thread(void)
{
    g_autofree char *dir = make_tmpdir();
    g_autofree char *tmpl = g_build_filename(dir, "t%d.log", NULL);
    g_autofree char *mine = g_strdup_printf("t%ld.log", (long)gettid());
    g_autofree char *mine_path = g_build_filename(dir, mine, NULL);
    g_autofree char *text = NULL;
    GDir *d;
    const char *name;
    int files = 0;

    g_assert_true(qemu_set_log_filename(tmpl, &error_abort));
    g_assert_true(qemu_set_log(LOG_PER_THREAD | LOG_UNIMP, &error_abort));
    qemu_log_mask(LOG_UNIMP, "from main\n");
    g_thread_join(g_thread_new("tid", tid_thread, NULL));
    qemu_log_close();

    text = read_file(mine_path);
    g_assert_cmpstr(text, ==, "from main\n");
    d = g_dir_open(dir, 0, NULL);
    while ((name = g_dir_read_name(d))) {
        g_autofree char *path = g_build_filename(dir, name, NULL);
        g_autofree char *content = read_file(path);

        if (strcmp(name, mine)) {
            g_assert_cmpstr(content, ==, "from thread\n");
        }
        files++;
    }
    g_dir_close(d);
    g_assert_cmpint(files, ==, 2);
    remove_tmpdir(dir);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/log/parse/items", test_parse);
    g_test_add_func("/log/parse/help", test_parse_help);
    g_test_add_func("/log/parse/errors", test_parse_errors);
    g_test_add_func("/log/usage", test_usage);
    g_test_add_func("/log/off-by-default", test_off_by_default);
    g_test_add_func("/log/file/write", test_file);
    g_test_add_func("/log/file/truncated", test_file_truncated);
    g_test_add_func("/log/file/pid-template", test_pid_template);
    g_test_add_func("/log/errors", test_errors);
    g_test_add_func("/log/stderr", test_stderr);
    g_test_add_func("/log/threads", test_threads);
    g_test_add_func("/log/per-thread", test_per_thread);
    return g_test_run();
}
