# SPDX-License-Identifier: GPL-2.0-or-later
"""A small, strict QMP client (the functional tests and the demo use it).

It speaks the wire protocol directly (no third-party library), keeps the
raw bytes of every message available for byte-exact assertions, and queues
events that arrive while a command waits for its reply.
"""

import json
import os
import socket
import time


class QMPError(Exception):
    def __init__(self, cls, desc, response=None):
        super().__init__("%s: %s" % (cls, desc))
        self.cls = cls
        self.desc = desc
        self.response = response


class QMP:
    def __init__(self, path, timeout=20, wait=None):
        """Connect to a unix socket path (or a (host, port) pair),
        waiting up to @wait seconds (default: @timeout) for the server
        to create it, and read the greeting.  @timeout is also the socket
        timeout for every later read (None blocks forever)."""
        self.timeout = timeout
        self.events = []
        self._buf = b""
        if wait is None:
            wait = timeout or 0
        deadline = time.monotonic() + wait
        while True:
            try:
                if isinstance(path, tuple):
                    self.sock = socket.create_connection(path, timeout)
                else:
                    self.sock = socket.socket(socket.AF_UNIX,
                                              socket.SOCK_STREAM)
                    self.sock.settimeout(timeout)
                    self.sock.connect(path)
                break
            except (FileNotFoundError, ConnectionRefusedError):
                if hasattr(self, "sock"):
                    self.sock.close()
                if time.monotonic() >= deadline:
                    raise
                time.sleep(0.01)
        self.greeting = self.recv()

    def close(self):
        self.sock.close()

    def send_raw(self, data):
        self.sock.sendall(data)

    def send(self, obj):
        self.send_raw(json.dumps(obj).encode())

    def recv_raw(self):
        """The raw bytes of the next message, CRLF included (pretty
        output spans several lines: read until the JSON is complete).
        Returns b"" at EOF."""
        start = 0
        while True:
            end = self._buf.find(b"\r\n", start)
            if end >= 0:
                candidate = self._buf[:end + 2]
                try:
                    json.loads(candidate)
                    self._buf = self._buf[end + 2:]
                    return candidate
                except ValueError:
                    start = end + 2
                    continue
            chunk = self.sock.recv(65536)
            if not chunk:
                rest, self._buf = self._buf, b""
                return rest
            self._buf += chunk

    def recv(self):
        """The next message as a dict, or None at EOF."""
        raw = self.recv_raw()
        if not raw:
            return None
        return json.loads(raw)

    def negotiate(self, enable=None):
        args = {} if enable is None else {"enable": enable}
        return self.command("qmp_capabilities", **args)

    def cmd(self, name, args=None, id=None):
        """Send a command; return its full response dict.  Events that
        arrive first are queued in self.events."""
        req = {"execute": name}
        if args is not None:
            req["arguments"] = args
        if id is not None:
            req["id"] = id
        self.send(req)
        while True:
            msg = self.recv()
            if msg is None:
                raise EOFError("connection closed waiting for %s" % name)
            if "event" in msg:
                self.events.append(msg)
                continue
            return msg

    def command(self, name, **args):
        resp = self.cmd(name, args or None)
        if "error" in resp:
            raise QMPError(resp["error"]["class"], resp["error"]["desc"],
                           resp)
        return resp["return"]

    def wait_event(self, name, timeout=None):
        """Return (and dequeue) the first event called @name."""
        for i, ev in enumerate(self.events):
            if ev["event"] == name:
                return self.events.pop(i)
        old = self.sock.gettimeout()
        self.sock.settimeout(timeout or self.timeout)
        try:
            while True:
                msg = self.recv()
                if msg is None:
                    raise EOFError("connection closed waiting for " + name)
                if msg.get("event") == name:
                    return msg
                if "event" in msg:
                    self.events.append(msg)
                else:
                    raise AssertionError("unexpected reply %r" % msg)
        finally:
            self.sock.settimeout(old)
