/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * QMP command registry and dispatcher.
 *
 * A QmpCommandList maps command names to marshallers.  The generated
 * PREFIXqmp_init_marshal() fills one from the schema; a monitor may keep
 * several (QEMU's monitor uses a one-command list until capabilities are
 * negotiated).  qmp_dispatch() turns a request object into the complete
 * response object, with QEMU's error texts.
 */
#ifndef QAPI_QMP_DISPATCH_H
#define QAPI_QMP_DISPATCH_H

#include <json-glib/json-glib.h>
#include "hw/qdev-core.h"

/*
 * A command marshaller.  @args is the "arguments" object (an empty object
 * when the request has none), borrowed.  On success the command may store
 * its return value in *@ret (ownership passes to the caller; NULL means
 * {}); on failure it sets *@errp and leaves *@ret alone.
 */
typedef void QmpCommandFunc(JsonObject *args, JsonNode **ret, Error **errp);

typedef enum QmpCommandOptions {
    QCO_NO_OPTIONS = 0,
    /* The command sends no reply on success (schema 'success-response'). */
    QCO_NO_SUCCESS_RESP = 1 << 0,
    /* The command may run out-of-band ("exec-oob"). */
    QCO_ALLOW_OOB = 1 << 1,
    /* The schema said 'allow-preconfig': allowed in every phase. */
    QCO_ALLOW_PRECONFIG = 1 << 2,
} QmpCommandOptions;

/* The set of machine phases a command may run in, one bit per phase. */
#define QMP_PHASE_BIT(phase) (1u << (phase))
#define QMP_PHASES_ALL ((1u << PHASE__MAX) - 1)

/* Features the dispatcher and policies care about. */
#define QMP_FEATURE_DEPRECATED (1u << 0)
#define QMP_FEATURE_UNSTABLE (1u << 1)

typedef struct QmpCommand {
    char *name;
    QmpCommandFunc *fn;
    QmpCommandOptions options;
    unsigned phases;
    unsigned features;
    bool enabled;
    char *disable_reason;
} QmpCommand;

typedef struct QmpCommandList QmpCommandList;

/** qmp_command_list_new: an empty command list. */
QmpCommandList *qmp_command_list_new(void);

/** qmp_command_list_free: free @cmds and its commands.  NULL is ignored. */
void qmp_command_list_free(QmpCommandList *cmds);

/**
 * qmp_register_command: add command @name to @cmds.
 * @fn: the marshaller.
 * @options: a mask of QmpCommandOptions.
 * @phases: the machine phases the command is allowed in (QMP_PHASE_BIT()).
 * @features: a mask of QMP_FEATURE_* bits.
 *
 * Registering a name twice is a programming error.
 */
void qmp_register_command(QmpCommandList *cmds, const char *name,
                          QmpCommandFunc *fn, QmpCommandOptions options,
                          unsigned phases, unsigned features);

/** qmp_unregister_command: remove command @name if @cmds has it. */
void qmp_unregister_command(QmpCommandList *cmds, const char *name);

/** qmp_find_command: Returns: the command called @name, or NULL. */
const QmpCommand *qmp_find_command(const QmpCommandList *cmds,
                                   const char *name);

/**
 * qmp_disable_command: make command @name fail with "The command %s has
 * been disabled for this instance".  @reason is kept for the monitor.
 */
void qmp_disable_command(QmpCommandList *cmds, const char *name,
                         const char *reason);
void qmp_enable_command(QmpCommandList *cmds, const char *name);
bool qmp_command_is_enabled(const QmpCommand *cmd);
bool qmp_command_has_success_response(const QmpCommand *cmd);

/**
 * qmp_command_allowed_in_phase: may @cmd run in @phase?
 * If not, set *@errp to the message QMP clients get.
 */
bool qmp_command_allowed_in_phase(const QmpCommand *cmd,
                                  MachineInitPhase phase, Error **errp);

typedef void QmpCommandCallback(const QmpCommand *cmd, void *opaque);

/** qmp_for_each_command: call @fn for every command, in registration order. */
void qmp_for_each_command(const QmpCommandList *cmds, QmpCommandCallback *fn,
                          void *opaque);

/**
 * qmp_dispatch_check_obj: check the shape of a request.
 *
 * @request must be an object with a string "execute" (or, when
 * @allow_oob, "exec-oob"), an optional object "arguments", an optional
 * "id" of any type, and nothing else.
 *
 * Returns: @request as an object (borrowed), or NULL with *@errp set.
 */
JsonObject *qmp_dispatch_check_obj(JsonNode *request, bool allow_oob,
                                   Error **errp);

/** qmp_is_oob: does @request use "exec-oob" rather than "execute"? */
bool qmp_is_oob(JsonObject *request);

/**
 * qmp_request_id: the request's "id" (borrowed), or NULL if it has none
 * or is not an object.
 */
JsonNode *qmp_request_id(JsonNode *request);

/**
 * qmp_dispatch: run one request.
 * @cmds: the commands available.
 * @request: the request value as parsed (borrowed).
 * @allow_oob: whether the client negotiated out-of-band execution.
 * @phase: the current machine phase.
 *
 * Returns: the response object, {"return": ..., "id": ...} or
 * {"id": ..., "error": {"class": ..., "desc": ...}} (no "id" when the
 * request had none), or NULL for a successful command registered with
 * QCO_NO_SUCCESS_RESP.
 */
JsonNode *qmp_dispatch(const QmpCommandList *cmds, JsonNode *request,
                       bool allow_oob, MachineInitPhase phase);

/** qmp_error_object: {"class": ..., "desc": ...} for @err. */
JsonNode *qmp_error_object(const Error *err);

/**
 * qmp_error_response: {"id": @id, "error": {...}} for @err; without "id"
 * when @id is NULL (parse errors).  @id is copied.
 */
JsonNode *qmp_error_response(const Error *err, JsonNode *id);

/** qmp_success_response: {"return": @ret, "id": @id}; takes @ret. */
JsonNode *qmp_success_response(JsonNode *ret, JsonNode *id);

#endif
