/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The test's end of a unix socket chardev: qtests of UARTs start the
 * emulator with "-chardev socket,id=...,path=PEER.path,server=on,
 * wait=off" and talk to the device from here.
 */
#ifndef TESTS_QTEST_SOCKET_PEER_H
#define TESTS_QTEST_SOCKET_PEER_H

typedef struct SocketPeer {
    char *dir;      /* a temporary directory holding the socket */
    char *path;     /* where the emulator's chardev listens */
    int fd;         /* our end once connected, or -1 */
} SocketPeer;

/* A fresh socket path in a temporary directory named after @name. */
void socket_peer_init(SocketPeer *p, const char *name);

/* Connect to the listening chardev (asserts success). */
void socket_peer_connect(SocketPeer *p);

/* Read exactly @len bytes (each wait at most 10 s). */
void socket_peer_read(SocketPeer *p, void *buf, size_t len);

/* Assert that nothing is waiting to be read now. */
void socket_peer_assert_empty(SocketPeer *p);

/*
 * Write @data from a new thread (write() blocks while the emulator
 * applies flow control); g_thread_join() the result.  @data must live
 * until then.
 */
GThread *socket_peer_feed(SocketPeer *p, const void *data, size_t len);

/* Close our end, remove the socket and its directory. */
void socket_peer_cleanup(SocketPeer *p);

#endif
