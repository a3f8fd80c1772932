/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Error reporting for functions that can fail.
 *
 * Convention: a function that can fail takes "Error **errp" as its last
 * parameter and returns a value that tells success from failure (bool true
 * on success, a non-NULL pointer, or a non-negative number).  On failure it
 * sets *errp with error_setg() or error_set(); the caller then either
 * handles the error, or passes it up with error_propagate().
 *
 * errp may be:
 *  - NULL: the caller does not care about the details;
 *  - &error_fatal: report the error and exit(1) (only for start-up code);
 *  - &error_abort: report the error and abort() (programming errors);
 *  - the address of a local "Error *err = NULL" that the caller inspects.
 *
 * An error is set at most once; setting it twice is a programming error.
 * Functions that want to add context to an error coming from a callee use
 * ERRP_GUARD() at their top, then error_prepend() on failure.
 */
#ifndef QAPI_ERROR_H
#define QAPI_ERROR_H

/*
 * The error classes a QMP client sees in {"error": {"class": ...}}.  New code
 * uses ERROR_CLASS_GENERIC_ERROR; the others exist for compatibility.
 */
typedef enum ErrorClass {
    ERROR_CLASS_GENERIC_ERROR,
    ERROR_CLASS_COMMAND_NOT_FOUND,
    ERROR_CLASS_DEVICE_NOT_ACTIVE,
    ERROR_CLASS_DEVICE_NOT_FOUND,
    ERROR_CLASS_KVM_MISSING_CAP,
    ERROR_CLASS__MAX,
} ErrorClass;

/* "GenericError", "CommandNotFound", ... as QMP spells the class. */
const char *error_class_name(ErrorClass cls);

/* The message, without hints. */
const char *error_get_pretty(const Error *err);
ErrorClass error_get_class(const Error *err);

/* A deep copy of @err. */
Error *error_copy(const Error *err);

void error_free(Error *err);

/* Free *errp and set it to NULL; abort if it was not set. */
void error_free_or_abort(Error **errp);

/* Report @err with error_report() and free it.  NULL is ignored. */
void error_report_err(Error *err);
/* The same as a warning. */
void warn_report_err(Error *err);

/*
 * Move @local_err to *@dst_errp.  If @dst_errp is NULL, @local_err is freed;
 * if it is &error_fatal or &error_abort, the error is reported and the
 * process ends.  If *@dst_errp is already set, @local_err is freed: the first
 * error wins.
 */
void error_propagate(Error **dst_errp, Error *local_err);

/* error_propagate() then error_prepend() in one call. */
void error_propagate_prepend(Error **dst_errp, Error *local_err,
                             const char *fmt, ...) QEMU_PRINTF(3, 4);

/*
 * Set *errp to a new error of class @cls with a printf-formatted message.
 * The message is one line, without a trailing period or newline.
 */
#define error_set(errp, cls, ...) \
    error_set_internal((errp), __FILE__, __LINE__, __func__, (cls), __VA_ARGS__)
#define error_setg(errp, ...) \
    error_set_internal((errp), __FILE__, __LINE__, __func__, \
                       ERROR_CLASS_GENERIC_ERROR, __VA_ARGS__)
/* As error_setg(), with ": " and strerror(@os_errno) appended. */
#define error_setg_errno(errp, os_errno, ...) \
    error_setg_errno_internal((errp), __FILE__, __LINE__, __func__, \
                              (os_errno), __VA_ARGS__)

void error_set_internal(Error **errp, const char *src, int line,
                        const char *func, ErrorClass cls,
                        const char *fmt, ...) QEMU_PRINTF(6, 7);
void error_setg_errno_internal(Error **errp, const char *src, int line,
                               const char *func, int os_errno,
                               const char *fmt, ...) QEMU_PRINTF(6, 7);

/*
 * Prepend a printf-formatted prefix to the message of *@errp.  *@errp must be
 * set, unless @errp is NULL (then nothing happens).  Functions that prepend
 * must begin with ERRP_GUARD(), so that errors meant for &error_fatal are
 * still caught here and not reported before the prefix is added.
 */
void error_prepend(Error *const *errp, const char *fmt, ...)
    QEMU_PRINTF(2, 3);
void error_vprepend(Error *const *errp, const char *fmt, va_list ap)
    QEMU_PRINTF(2, 0);

/*
 * Append a hint: extra lines printed by error_report_err() after the message
 * but never sent over QMP (QEMU's "Optional suffix k, M, G ..." lines).  The
 * text should end with a newline.  Needs ERRP_GUARD() like error_prepend().
 */
void error_append_hint(Error *const *errp, const char *fmt, ...)
    QEMU_PRINTF(2, 3);
/* The hints appended so far, or NULL. */
const char *error_get_hint(const Error *err);

extern Error *error_fatal;
extern Error *error_abort;

/*
 * Make errp safe for error_prepend() and error_append_hint(): when the
 * caller passed NULL or &error_fatal, errp is redirected to a local Error
 * that is propagated when the function returns.
 */
typedef struct ErrorPropagator {
    Error *local_err;
    Error **errp;
} ErrorPropagator;

static inline void error_propagator_cleanup(ErrorPropagator *prop)
{
    error_propagate(prop->errp, prop->local_err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC(ErrorPropagator, error_propagator_cleanup)

#define ERRP_GUARD()                                            \
    g_auto(ErrorPropagator) _auto_errp_prop = { .errp = errp }; \
    do {                                                        \
        if (!errp || errp == &error_fatal) {                    \
            errp = &_auto_errp_prop.local_err;                  \
        }                                                       \
    } while (0)

#endif
