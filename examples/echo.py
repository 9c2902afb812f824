"""I/O: socket round trips to an echo server that answers after a short delay, like a remote service would.

    gil-tui run --task examples/echo.py:round_trips -m sequential,threads,processes -n 4

The server is started by this file itself, once per process (a thread listening on 127.0.0.1, on a free port).

Expected verdict: the function mostly waits. Waiting releases the GIL, so threads overlap the waits and win;
processes overlap them too but cost more to start.
"""

import socket
import threading
import time

DEFAULT_TRIPS = 100
DELAY = 0.003  # seconds the server takes to answer
MESSAGE = b"ping " * 20

_server = {}
_lock = threading.Lock()


def _serve_one(conn):
    with conn:
        while True:
            data = conn.recv(4096)
            if not data:
                return
            time.sleep(DELAY)
            conn.sendall(data)


def _accept(listener):
    while True:
        conn, _ = listener.accept()
        threading.Thread(target=_serve_one, args=(conn,), daemon=True).start()


def server_address():
    """The echo server of this process, started on first use."""
    with _lock:
        if "address" not in _server:
            listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            listener.bind(("127.0.0.1", 0))
            listener.listen(64)
            threading.Thread(target=_accept, args=(listener,), daemon=True).start()
            _server["listener"] = listener
            _server["address"] = listener.getsockname()
        return _server["address"]


def round_trips(index, size, tick=None):
    """Task ``index``: ``size`` round trips of a short message; return the bytes that came back."""
    trips = int(size) if size else DEFAULT_TRIPS
    if tick:
        tick(0, total=trips)
    received = 0
    with socket.create_connection(server_address()) as conn:
        conn.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        for _ in range(trips):
            conn.sendall(MESSAGE)
            got = 0
            while got < len(MESSAGE):
                chunk = conn.recv(4096)
                if not chunk:
                    raise ConnectionError("the echo server closed the connection")
                got += len(chunk)
            received += got
            if tick:
                tick()
    return received
