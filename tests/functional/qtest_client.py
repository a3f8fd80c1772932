# SPDX-License-Identifier: GPL-2.0-or-later
"""A client of the qtest line protocol for functional tests: the test
listens on a unix socket, the emulator (started with args()) connects."""

import socket


class QTest:
    """The qtest line protocol on a socket the emulator connects to.

    Asynchronous "IRQ raise/lower N" lines are collected in irqs."""

    def __init__(self, path):
        self.path = path
        self.srv = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.srv.bind(path)
        self.srv.listen(1)
        self.srv.settimeout(20)
        self.conn = None
        self.buf = b""
        self.irqs = []

    def args(self):
        return ("-qtest", "unix:" + self.path, "-qtest-log", "none")

    def line(self):
        while b"\n" not in self.buf:
            data = self.conn.recv(4096)
            assert data, "qtest connection closed"
            self.buf += data
        line, self.buf = self.buf.split(b"\n", 1)
        return line.decode()

    def cmd(self, text):
        if self.conn is None:
            self.conn, _ = self.srv.accept()
            self.conn.settimeout(20)
        self.conn.sendall(text.encode() + b"\n")
        while True:
            reply = self.line()
            if reply.startswith("IRQ "):
                self.irqs.append(reply)
                continue
            return reply

    def readb(self, addr):
        reply = self.cmd("readb 0x%x" % addr)
        assert reply.startswith("OK "), reply
        return int(reply.split()[1], 16)

    def read(self, addr, n):
        return bytes(self.readb(addr + i) for i in range(n))

    def writeb(self, addr, val):
        assert self.cmd("writeb 0x%x 0x%x" % (addr, val)) == "OK"

    def close(self):
        if self.conn:
            self.conn.close()
        self.srv.close()
