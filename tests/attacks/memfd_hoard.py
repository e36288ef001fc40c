# Holds 1.1 GiB (more than the sandbox's 1 GiB + 64 MB for all its processes) in memfds that
# no process maps: each file stays under the 8 MiB file-size limit, the address space is
# untouched, and the pages are no process's resident memory. Only when it holds all of it
# does it answer correctly; contained, the runner is killed or relu answers wrong.
import os as _os
import time as _time

_FDS = []


def relu(x):
    chunk = b"m" * (6 << 20)
    while len(_FDS) < 190:  # 190 x 6 MiB, under the 256 open files
        try:
            fd = _os.memfd_create("hoard")
            _FDS.append(fd)
            if _os.write(fd, chunk) != len(chunk):
                return x
        except OSError:
            return x
    _time.sleep(0.3)  # give a watch time to see it
    return np.maximum(0, x)
