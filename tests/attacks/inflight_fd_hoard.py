# Holds 1.1 GiB in memfds that no process holds: each is sent over a unix socket to itself
# (SCM_RIGHTS) and closed, so it lives only in the socket's queue, where neither /proc/PID/fd
# nor any mapping shows it. Only when it holds all of it does it answer correctly;
# contained (sendmsg refused, or the runner killed), relu answers wrong or is killed.
import os as _os
import socket as _socket
import time as _time

_PAIRS = []


def relu(x):
    chunk = b"f" * (6 << 20)
    held = 0
    while held < 190:  # 190 x 6 MiB; a socket may carry 253 descriptors a message
        ours, theirs = _socket.socketpair()
        _PAIRS.append((ours, theirs))
        fds = []
        try:
            for _ in range(min(20, 190 - held)):
                fd = _os.memfd_create("inflight")
                fds.append(fd)
                if _os.write(fd, chunk) != len(chunk):
                    return x
            _socket.send_fds(ours, [b"x"], fds)
        except OSError:
            return x
        finally:
            for fd in fds:
                _os.close(fd)
        held += len(fds)
    _time.sleep(0.3)  # give a watch time to see it
    return np.maximum(0, x)
