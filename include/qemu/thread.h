/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Mutexes and condition variables on POSIX threads.
 *
 * GLib's GMutex and GCond are futex-based on Linux, which ThreadSanitizer
 * cannot see: every access they order looks like a race.  The locks that
 * order guest and device state between the main loop and the vCPU thread
 * (the BQL, the clocks, the vCPU thread's run state, the log) are these.
 * Errors from pthreads are bugs: they abort with the call named.
 */
#ifndef QEMU_THREAD_H
#define QEMU_THREAD_H

#include <pthread.h>

typedef struct QemuMutex {
    pthread_mutex_t m;
} QemuMutex;

typedef struct QemuCond {
    pthread_cond_t c;
} QemuCond;

/* Static initialisers; a recursive mutex may be locked again by its owner */
#define QEMU_MUTEX_INITIALIZER { PTHREAD_MUTEX_INITIALIZER }
#define QEMU_REC_MUTEX_INITIALIZER { PTHREAD_RECURSIVE_MUTEX_INITIALIZER_NP }
#define QEMU_COND_INITIALIZER { PTHREAD_COND_INITIALIZER }

static inline void qemu_thread_check(int err, const char *what)
{
    if (err) {
        fprintf(stderr, "qemu: %s: %s\n", what, strerror(err));
        abort();
    }
}

static inline void qemu_mutex_init(QemuMutex *mutex)
{
    qemu_thread_check(pthread_mutex_init(&mutex->m, NULL),
                      "pthread_mutex_init");
}

static inline void qemu_mutex_destroy(QemuMutex *mutex)
{
    qemu_thread_check(pthread_mutex_destroy(&mutex->m),
                      "pthread_mutex_destroy");
}

static inline void qemu_mutex_lock(QemuMutex *mutex)
{
    qemu_thread_check(pthread_mutex_lock(&mutex->m), "pthread_mutex_lock");
}

static inline void qemu_mutex_unlock(QemuMutex *mutex)
{
    qemu_thread_check(pthread_mutex_unlock(&mutex->m),
                      "pthread_mutex_unlock");
}

static inline void qemu_cond_wait(QemuCond *cond, QemuMutex *mutex)
{
    qemu_thread_check(pthread_cond_wait(&cond->c, &mutex->m),
                      "pthread_cond_wait");
}

static inline void qemu_cond_signal(QemuCond *cond)
{
    qemu_thread_check(pthread_cond_signal(&cond->c), "pthread_cond_signal");
}

static inline void qemu_cond_broadcast(QemuCond *cond)
{
    qemu_thread_check(pthread_cond_broadcast(&cond->c),
                      "pthread_cond_broadcast");
}

#endif
