/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The main loop: a GLib main context run by the main thread, plus the big
 * QEMU lock (BQL) that serialises device state between it and the vCPU
 * threads.
 *
 * The main thread holds the BQL except while it sleeps in poll(); every
 * GSource callback (chardev I/O, monitor commands, timers, bottom halves)
 * therefore runs with the BQL held.  A vCPU thread takes the BQL around
 * MMIO and other device accesses.  Other threads hand work to the main loop
 * with bottom halves, which are safe to schedule from any thread.
 */
#ifndef QEMU_MAIN_LOOP_H
#define QEMU_MAIN_LOOP_H

/* Create the main context's timer source; call once at start-up. */
void qemu_init_main_loop(void);
/* Undo qemu_init_main_loop() (tests, clean exit). */
void qemu_cleanup_main_loop(void);

/* The GMainContext that runs the main loop (sources attach here). */
GMainContext *qemu_get_aio_context(void);

/*
 * Run one iteration: poll the sources (releasing the BQL while asleep),
 * then dispatch what is ready, including expired timers.  With
 * @nonblocking the poll does not sleep.
 */
void main_loop_wait(bool nonblocking);

/* Wake the main loop from any thread (e.g. after a deadline change). */
void qemu_notify_event(void);

void qemu_mutex_lock_iothread(void);
void qemu_mutex_unlock_iothread(void);
/* Whether the calling thread holds the BQL. */
bool qemu_mutex_iothread_locked(void);

/* Bottom halves: callbacks run soon, once, in the main loop. */
typedef void QEMUBHFunc(void *opaque);
QEMUBH *qemu_bh_new(QEMUBHFunc *cb, void *opaque);
/* Thread-safe; scheduling an already scheduled BH is a no-op. */
void qemu_bh_schedule(QEMUBH *bh);
void qemu_bh_cancel(QEMUBH *bh);
void qemu_bh_delete(QEMUBH *bh);

#endif
