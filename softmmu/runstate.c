/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Shutdown requests and termination signals.  A signal handler may only
 * record the signal and write one byte to a pipe; the main loop notices the
 * byte and does the rest (message, shutdown) in normal context.
 */
#include "qemu/osdep.h"
#include <signal.h>
#include <glib-unix.h>
#include "qemu/error-report.h"
#include "qemu/main-loop.h"
#include "sysemu/runstate.h"

static ShutdownCause shutdown_cause;
static int signal_pipe[2] = { -1, -1 };
static guint signal_watch;
static volatile sig_atomic_t last_signo;
static volatile pid_t last_sigpid;

void qemu_system_shutdown_request(ShutdownCause cause)
{
    if (shutdown_cause == SHUTDOWN_CAUSE_NONE) {
        shutdown_cause = cause;
    }
    qemu_notify_event();
}

ShutdownCause qemu_shutdown_requested(void)
{
    return shutdown_cause;
}

static void termsig_handler(int signo, siginfo_t *info, void *ctx)
{
    int saved_errno = errno;
    char c = 1;

    last_signo = signo;
    last_sigpid = info ? info->si_pid : 0;
    if (write(signal_pipe[1], &c, 1) < 0) {
        /* the pipe is full: a byte is already pending */
    }
    errno = saved_errno;
}

/* The first word of /proc/PID/cmdline, for the termination message. */
static char *pid_name(pid_t pid)
{
    g_autofree char *path = g_strdup_printf("/proc/%d/cmdline", (int)pid);
    g_autofree char *contents = NULL;

    if (pid > 0 && g_file_get_contents(path, &contents, NULL, NULL) &&
        contents[0]) {
        return g_strdup(contents);
    }
    return g_strdup("unknown");
}

static gboolean signal_pipe_ready(gint fd, GIOCondition cond, gpointer data)
{
    char buf[16];
    g_autofree char *name = NULL;

    while (read(fd, buf, sizeof(buf)) > 0) {
        /* drain */
    }
    name = pid_name(last_sigpid);
    error_report("terminating on signal %d from pid %d (%s)",
                 (int)last_signo, (int)last_sigpid, name);
    qemu_system_shutdown_request(SHUTDOWN_CAUSE_HOST_SIGNAL);
    return G_SOURCE_CONTINUE;
}

void os_setup_signal_handling(void)
{
    struct sigaction act;
    GError *gerr = NULL;

    if (!g_unix_open_pipe(signal_pipe, FD_CLOEXEC, &gerr) ||
        !g_unix_set_fd_nonblocking(signal_pipe[0], TRUE, &gerr) ||
        !g_unix_set_fd_nonblocking(signal_pipe[1], TRUE, &gerr)) {
        error_report("cannot set up signal handling: %s", gerr->message);
        exit(1);
    }
    signal_watch = g_unix_fd_add(signal_pipe[0], G_IO_IN, signal_pipe_ready,
                                 NULL);

    memset(&act, 0, sizeof(act));
    act.sa_sigaction = termsig_handler;
    act.sa_flags = SA_SIGINFO;
    sigaction(SIGINT, &act, NULL);
    sigaction(SIGHUP, &act, NULL);
    sigaction(SIGTERM, &act, NULL);
    /* a client closing its socket must not kill us */
    signal(SIGPIPE, SIG_IGN);
}

void os_cleanup_signal_handling(void)
{
    if (signal_watch) {
        g_source_remove(signal_watch);
        signal_watch = 0;
    }
    signal(SIGINT, SIG_DFL);
    signal(SIGHUP, SIG_DFL);
    signal(SIGTERM, SIG_DFL);
    if (signal_pipe[0] >= 0) {
        close(signal_pipe[0]);
        close(signal_pipe[1]);
        signal_pipe[0] = signal_pipe[1] = -1;
    }
}

void qemu_main_loop(void)
{
    while (qemu_shutdown_requested() == SHUTDOWN_CAUSE_NONE) {
        main_loop_wait(false);
    }
}
