"""The convoy workload's echo peer: a process the lab starts, that sends back every byte it gets.

The lab listens on a Unix socket next to the board and hands the listening socket to this process; the I/O task
connects and makes 1-byte round trips. The peer ends when the connection closes, when its lab is gone, or when
nobody connects in time; the lab waits for it (and kills it if need be) whatever happens.
"""

import os
import socket
import subprocess
import sys

ACCEPT_TIMEOUT = 120.0  # seconds: a lab that never starts its I/O task must not leave the peer waiting forever

PEER = r'''
import os, socket, sys, time
listener = socket.socket(fileno=int(sys.argv[1]))
parent = int(sys.argv[2])
listener.settimeout(1.0)
deadline = time.monotonic() + float(sys.argv[3])
conn = None
while conn is None and os.getppid() == parent and time.monotonic() < deadline:
    try:
        conn, _ = listener.accept()
    except socket.timeout:
        pass
listener.close()
if conn is not None:
    conn.settimeout(None)
    while True:
        data = conn.recv(1)
        if not data:
            break
        conn.sendall(data)
    conn.close()
'''


def cores():
    """(the I/O core, the other cores) the convoy holds its two sides on, or None where it cannot (fewer than 2 cores
    allowed, or no sched_setaffinity: macOS). The I/O task and its echo peer share the first core the lab may use;
    the CPU tasks get the others. Every mode then gives the I/O task a core of its own, and what slows its round trips
    is the GIL alone, not where the kernel happened to put two busy processes beside it."""
    if not hasattr(os, "sched_getaffinity"):
        return None
    allowed = os.sched_getaffinity(0)
    if len(allowed) < 2:
        return None
    first = min(allowed)
    return first, allowed - {first}


def hold(pid, cpus):
    """Hold ``pid`` (0: this thread) on ``cpus``; the set it had before, or None if it could not be moved."""
    try:
        before = os.sched_getaffinity(pid)
        os.sched_setaffinity(pid, cpus)
        return before
    except OSError:  # a cpuset changed under us, or not allowed: the kernel places it
        return None


class EchoPeer(object):
    def __init__(self, path):
        self.path = path
        self.listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            self.listener.bind(path)
            self.listener.listen(1)
            fd = self.listener.fileno()
            self.proc = subprocess.Popen([sys.executable, "-s", "-c", PEER, str(fd), str(os.getpid()),
                                          str(ACCEPT_TIMEOUT)], pass_fds=(fd,), stdin=subprocess.DEVNULL,
                                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        except BaseException:
            self.listener.close()
            self._unlink()
            raise
        placed = cores()
        self.placed = placed is not None
        self.held = placed is not None and hold(self.proc.pid, {placed[0]}) is not None

    def _unlink(self):
        try:
            os.unlink(self.path)
        except OSError:
            pass

    def close(self):
        """Stop listening and reap the peer: it ends by itself once the I/O task's connection closes."""
        self.listener.close()
        self._unlink()
        try:
            self.proc.wait(1.0)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


def connect(path):
    conn = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    conn.connect(path)
    return conn
