/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The run state, the reset/power-down/shutdown machinery, termination
 * signals, the main loop, and the QMP commands of qapi/run-state.json.
 *
 * A signal handler only records the signal and writes one byte to a pipe;
 * the main loop notices the byte and does the rest in normal context.
 * Requests from other threads are flags the main loop checks after every
 * iteration.
 */
#include "qemu/osdep.h"
#include <signal.h>
#include <glib-unix.h>
#include "exec/cpu-exec.h"
#include "hw/qdev-core.h"
#include "qapi/error.h"
#include "qapi/qapi-commands.h"
#include "qapi/qapi-events.h"
#include "qemu/error-report.h"
#include "qemu/main-loop.h"
#include "qemu/timer.h"
#include "sysemu/accel.h"
#include "sysemu/runstate.h"

G_STATIC_ASSERT(SHUTDOWN_CAUSE_SNAPSHOT_LOAD == 10);

/* Run state */

static RunState current_run_state = RUN_STATE_PRELAUNCH;

struct VMChangeStateEntry {
    VMChangeStateHandler *cb;
    void *opaque;
};

static GList *vm_change_state_handlers;     /* of VMChangeStateEntry * */

RunState runstate_get(void)
{
    return current_run_state;
}

bool runstate_check(RunState state)
{
    return current_run_state == state;
}

void runstate_set(RunState state)
{
    assert(state < RunState__MAX);
    current_run_state = state;
}

bool runstate_is_running(void)
{
    return runstate_check(RUN_STATE_RUNNING);
}

bool runstate_needs_reset(void)
{
    return runstate_check(RUN_STATE_INTERNAL_ERROR) ||
           runstate_check(RUN_STATE_SHUTDOWN) ||
           runstate_check(RUN_STATE_GUEST_PANICKED);
}

VMChangeStateEntry *qemu_add_vm_change_state_handler(VMChangeStateHandler *cb,
                                                     void *opaque)
{
    VMChangeStateEntry *e = g_new0(VMChangeStateEntry, 1);

    e->cb = cb;
    e->opaque = opaque;
    vm_change_state_handlers = g_list_append(vm_change_state_handlers, e);
    return e;
}

void qemu_del_vm_change_state_handler(VMChangeStateEntry *e)
{
    vm_change_state_handlers = g_list_remove(vm_change_state_handlers, e);
    g_free(e);
}

static void vm_state_notify(bool running, RunState state)
{
    GList *l;

    if (running) {
        for (l = vm_change_state_handlers; l; ) {
            VMChangeStateEntry *e = l->data;

            l = l->next;    /* the handler may delete itself */
            e->cb(e->opaque, running, state);
        }
    } else {
        for (l = g_list_last(vm_change_state_handlers); l; ) {
            VMChangeStateEntry *e = l->data;

            l = l->prev;
            e->cb(e->opaque, running, state);
        }
    }
}

void vm_start(void)
{
    if (runstate_is_running()) {
        return;
    }
    /* RESUME first: the CPUs start right after */
    qapi_event_send_resume();
    qemu_clock_enable(QEMU_CLOCK_VIRTUAL, true);
    runstate_set(RUN_STATE_RUNNING);
    vm_state_notify(true, RUN_STATE_RUNNING);
    if (tcg_enabled()) {
        cpus_resume();      /* qtest runs no guest code */
    }
}

void vm_stop(RunState state)
{
    if (!runstate_is_running()) {
        return;
    }
    cpus_pause();
    runstate_set(state);
    qemu_clock_enable(QEMU_CLOCK_VIRTUAL, false);
    vm_state_notify(false, state);
    qapi_event_send_stop();
}

/* Reset and power-down handlers */

typedef struct Handler {
    void (*fn)(void *opaque);
    void *opaque;
} Handler;

static GList *reset_handlers;       /* of Handler * */
static GList *powerdown_handlers;   /* of Handler * */

static GList *handler_add(GList *list, void (*fn)(void *), void *opaque)
{
    Handler *h = g_new0(Handler, 1);

    h->fn = fn;
    h->opaque = opaque;
    return g_list_append(list, h);
}

static GList *handler_remove(GList *list, void (*fn)(void *), void *opaque)
{
    GList *l;

    for (l = list; l; l = l->next) {
        Handler *h = l->data;

        if (h->fn == fn && h->opaque == opaque) {
            g_free(h);
            return g_list_delete_link(list, l);
        }
    }
    return list;
}

static void handlers_run(GList *list)
{
    GList *l;

    for (l = list; l; ) {
        Handler *h = l->data;

        l = l->next;
        h->fn(h->opaque);
    }
}

void qemu_register_reset(QEMUResetHandler *fn, void *opaque)
{
    reset_handlers = handler_add(reset_handlers, fn, opaque);
}

void qemu_unregister_reset(QEMUResetHandler *fn, void *opaque)
{
    reset_handlers = handler_remove(reset_handlers, fn, opaque);
}

void qemu_register_powerdown_handler(QEMUPowerdownHandler *fn, void *opaque)
{
    powerdown_handlers = handler_add(powerdown_handlers, fn, opaque);
}

void qemu_unregister_powerdown_handler(QEMUPowerdownHandler *fn,
                                       void *opaque)
{
    powerdown_handlers = handler_remove(powerdown_handlers, fn, opaque);
}

void qemu_system_reset(ShutdownCause cause)
{
    qemu_devices_reset();
    handlers_run(reset_handlers);
    if (cause != SHUTDOWN_CAUSE_NONE &&
        cause != SHUTDOWN_CAUSE_SUBSYSTEM_RESET) {
        qapi_event_send_reset(shutdown_caused_by_guest(cause), cause);
    }
}

void qemu_system_powerdown(void)
{
    qapi_event_send_powerdown();
    handlers_run(powerdown_handlers);
}

/* Requests */

static volatile int shutdown_requested;     /* a ShutdownCause */
static bool shutdown_announced;             /* SHUTDOWN already sent */
static volatile int reset_requested;        /* a ShutdownCause */

void qemu_system_shutdown_request(ShutdownCause cause)
{
    g_atomic_int_compare_and_exchange(&shutdown_requested,
                                      SHUTDOWN_CAUSE_NONE, cause);
    qemu_notify_event();
}

static int shutdown_exit_code;

void qemu_system_shutdown_request_with_code(ShutdownCause cause,
                                            int exit_code)
{
    if (g_atomic_int_compare_and_exchange(&shutdown_requested,
                                          SHUTDOWN_CAUSE_NONE, cause)) {
        g_atomic_int_set(&shutdown_exit_code, exit_code);
    }
    qemu_notify_event();
}

int qemu_shutdown_exit_code(void)
{
    return g_atomic_int_get(&shutdown_exit_code);
}

void qemu_system_shutdown_now(ShutdownCause cause)
{
    if (g_atomic_int_compare_and_exchange(&shutdown_requested,
                                          SHUTDOWN_CAUSE_NONE, cause)) {
        shutdown_announced = true;
        qapi_event_send_shutdown(shutdown_caused_by_guest(cause), cause);
    }
    qemu_notify_event();
}

ShutdownCause qemu_shutdown_requested(void)
{
    return g_atomic_int_get(&shutdown_requested);
}

void qemu_system_reset_request(ShutdownCause cause)
{
    g_atomic_int_compare_and_exchange(&reset_requested, SHUTDOWN_CAUSE_NONE,
                                      cause);
    qemu_notify_event();
}

/* A reset leaves a machine that was not running in the prelaunch state. */
static void system_reset_and_settle(ShutdownCause cause)
{
    /* the harts stop at a block boundary while devices reset */
    cpus_pause();
    qemu_system_reset(cause);
    if (runstate_is_running() && tcg_enabled()) {
        cpus_resume();
    }
    if (!runstate_is_running() && !runstate_check(RUN_STATE_INMIGRATE) &&
        !runstate_check(RUN_STATE_FINISH_MIGRATE)) {
        runstate_set(RUN_STATE_PRELAUNCH);
    }
}

/* Act on pending requests; true when the main loop must end. */
static bool main_loop_should_exit(void)
{
    ShutdownCause cause = g_atomic_int_get(&reset_requested);

    if (cause != SHUTDOWN_CAUSE_NONE) {
        g_atomic_int_set(&reset_requested, SHUTDOWN_CAUSE_NONE);
        system_reset_and_settle(cause);
    }
    cause = qemu_shutdown_requested();
    if (cause != SHUTDOWN_CAUSE_NONE) {
        if (!shutdown_announced) {
            shutdown_announced = true;
            qapi_event_send_shutdown(shutdown_caused_by_guest(cause), cause);
        }
        return true;
    }
    return false;
}

void qemu_main_loop(void)
{
    while (!main_loop_should_exit()) {
        main_loop_wait(false);
    }
}

/* Termination signals */

static int signal_pipe[2] = { -1, -1 };
static guint signal_watch;
static volatile sig_atomic_t last_signo;
static volatile pid_t last_sigpid;

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
    /*
     * The process is on its way out already: a termination signal now
     * (a test harness's SIGTERM racing a QMP quit) must not turn a clean
     * exit into death by signal.  QEMU's handler stays installed to the
     * end with the same effect.
     */
    signal(SIGINT, SIG_IGN);
    signal(SIGHUP, SIG_IGN);
    signal(SIGTERM, SIG_IGN);
    if (signal_pipe[0] >= 0) {
        close(signal_pipe[0]);
        close(signal_pipe[1]);
        signal_pipe[0] = signal_pipe[1] = -1;
    }
}

void runstate_cleanup(void)
{
    g_list_free_full(reset_handlers, g_free);
    reset_handlers = NULL;
    g_list_free_full(powerdown_handlers, g_free);
    powerdown_handlers = NULL;
    g_list_free_full(vm_change_state_handlers, g_free);
    vm_change_state_handlers = NULL;
}

/* QMP commands (qapi/run-state.json) */

StatusInfo *qmp_query_status(Error **errp)
{
    StatusInfo *info = g_new0(StatusInfo, 1);

    info->running = runstate_is_running();
    info->singlestep = false;
    info->status = runstate_get();
    return info;
}

void qmp_stop(Error **errp)
{
    vm_stop(RUN_STATE_PAUSED);
}

void qmp_cont(Error **errp)
{
    if (runstate_needs_reset()) {
        error_setg(errp, "Resetting the Virtual Machine is required");
        return;
    }
    if (runstate_check(RUN_STATE_SUSPENDED)) {
        return;
    }
    vm_start();
}

void qmp_system_reset(Error **errp)
{
    system_reset_and_settle(SHUTDOWN_CAUSE_HOST_QMP_SYSTEM_RESET);
}

void qmp_system_powerdown(Error **errp)
{
    qemu_system_powerdown();
}

void qmp_quit(Error **errp)
{
    qemu_system_shutdown_now(SHUTDOWN_CAUSE_HOST_QMP_QUIT);
}
