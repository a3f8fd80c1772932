/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Start-up registration of modules.
 *
 * A file that defines QOM types ends with type_init(register_fn).  The
 * macro adds a constructor that only *records* register_fn; the functions
 * run when main() (or a test, or the first type look-up) calls
 * module_call_init(MODULE_INIT_QOM).  Keeping registration out of the
 * constructors themselves means the order in which the linker laid out the
 * files never matters.
 */
#ifndef QEMU_MODULE_H
#define QEMU_MODULE_H

typedef enum ModuleInitType {
    MODULE_INIT_QOM,        /* type registration */
    MODULE_INIT_QAPI,       /* QMP command registration */
    MODULE_INIT_MAX,
} ModuleInitType;

/**
 * register_module_init: record @fn to be run by module_call_init(@type)
 *
 * Used by module_init(); rarely called directly.  Functions run in the
 * order they were recorded.
 */
void register_module_init(void (*fn)(void), ModuleInitType type);

/**
 * module_call_init: run every function recorded for @type, once
 *
 * Calling it again for the same @type does nothing, except running the
 * functions recorded since the previous call.
 */
void module_call_init(ModuleInitType type);

#define module_init(function, type)                                        \
    static void __attribute__((constructor)) do_qemu_init_ ## function(void) \
    {                                                                      \
        register_module_init(function, type);                              \
    }

#define type_init(function) module_init(function, MODULE_INIT_QOM)
#define qapi_init(function) module_init(function, MODULE_INIT_QAPI)

#endif
