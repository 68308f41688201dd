#!/usr/bin/env python3
"""cutproxy.py LISTEN_PORT_FILE TARGET_PORT CUT — a loopback TCP proxy for
tests/shards/t-remote-cut.sh: every connection is passed to 127.0.0.1:TARGET
both ways until the server has sent CUT bytes, and then both sides are
closed at once, in the middle of whatever reply was under way.  Writes the
port it listens on to LISTEN_PORT_FILE; serves until killed.  One thread
and non-blocking sockets: a client that pipelines its requests (Xapian's
MSet::fetch) while the server answers must never wait on the proxy."""
import selectors
import socket
import sys

sel = selectors.DefaultSelector()


class Pair:
    def __init__(self, client, server, cut):
        self.ends = {client: server, server: client}
        self.pending = {client: b"", server: b""}  # bytes to write to it
        self.client, self.server, self.left = client, server, cut
        for s in (client, server):
            # as Xapian sets it on its own sockets: without it each small
            # request waits on Nagle's algorithm and the peer's delayed ACK
            # (~40 ms a document read, seconds for a facet count)
            s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            s.setblocking(False)
            sel.register(s, selectors.EVENT_READ, self)

    def close(self):
        for s in (self.client, self.server):
            try:
                sel.unregister(s)
            except (KeyError, ValueError):
                pass
            try:
                s.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            s.close()

    def want(self, s):
        ev = selectors.EVENT_READ | (selectors.EVENT_WRITE if self.pending[s] else 0)
        sel.modify(s, ev, self)

    def ready(self, s, mask):
        other = self.ends[s]
        if mask & selectors.EVENT_READ:
            n = 65536 if s is self.client else min(65536, self.left)
            data = s.recv(n) if n > 0 else b""
            if not data:
                return self.close()
            if s is self.server:
                self.left -= len(data)
            self.pending[other] += data
            self.want(other)
        if mask & selectors.EVENT_WRITE and self.pending[s]:
            sent = s.send(self.pending[s])
            self.pending[s] = self.pending[s][sent:]
            self.want(s)
        if self.left <= 0 and not self.pending[self.client]:
            self.close()


def main():
    port_file, target, cut = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    lsock = socket.socket()
    lsock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    lsock.bind(("127.0.0.1", 0))
    lsock.listen(8)
    sel.register(lsock, selectors.EVENT_READ, None)
    with open(port_file, "w") as f:
        f.write(str(lsock.getsockname()[1]))
    while True:
        for key, mask in sel.select():
            if key.data is None:
                client, _ = lsock.accept()
                Pair(client, socket.create_connection(("127.0.0.1", target)), cut)
                continue
            try:
                key.data.ready(key.fileobj, mask)
            except OSError:
                key.data.close()


main()
