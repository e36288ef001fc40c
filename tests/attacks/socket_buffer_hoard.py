# Holds over 1.1 GiB of kernel memory in unix socket buffers: 3 processes, each filling both
# ways of 100 socket pairs up to their send buffers (~2 MiB a pair here), then waiting. No
# process's memory and no file shows it. Only when all of it is held does it answer correctly;
# contained (sockets refused, or the processes killed), relu answers wrong or is killed.
import os as _os
import socket as _socket
import time as _time

_KIDS = []
_HELD = []


def _fill(sock):
    sock.setsockopt(_socket.SOL_SOCKET, _socket.SO_SNDBUF, 1 << 20)
    sock.setblocking(False)
    try:
        while True:
            sock.send(b"s" * 65536)
    except BlockingIOError:
        pass


def relu(x):
    if not _HELD:
        for _ in range(3):
            ready_r, ready_w = _os.pipe()
            pid = _os.fork()
            if pid == 0:
                try:
                    pairs = [_socket.socketpair() for _ in range(100)]
                    for a, b in pairs:
                        _fill(a)
                        _fill(b)
                    _os.write(ready_w, b"y")
                    _time.sleep(60)
                except BaseException:
                    _os.write(ready_w, b"n")
                _os._exit(0)
            _KIDS.append(pid)
            _os.close(ready_w)
            if _os.read(ready_r, 1) != b"y":
                return x
            _os.close(ready_r)
        _HELD.append(True)
    _time.sleep(0.3)  # give a watch time to see it
    return np.maximum(0, x)
