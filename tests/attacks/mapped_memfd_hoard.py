# Holds 1.1 GiB in memfds it closes after mapping one page of each: no descriptor is open,
# and the 6 MiB written through write() are resident in no process (only the mapped page
# could be). Only when it holds all of it does it answer correctly; contained, the runner
# is killed or relu answers wrong.
import ctypes as _ctypes
import os as _os
import time as _time

_libc = _ctypes.CDLL(None, use_errno=True)
_libc.mmap.restype = _ctypes.c_void_p
_libc.mmap.argtypes = [_ctypes.c_void_p, _ctypes.c_size_t, _ctypes.c_int, _ctypes.c_int,
                       _ctypes.c_int, _ctypes.c_long]
_MAPS = []


def relu(x):
    chunk = b"p" * (6 << 20)
    while len(_MAPS) < 190:  # 190 x 6 MiB
        try:
            fd = _os.memfd_create("mapped")
        except OSError:
            return x
        try:
            if _os.write(fd, chunk) != len(chunk):
                return x
            address = _libc.mmap(None, 4096, 1, 1, fd, 0)  # PROT_READ, MAP_SHARED
            if address in (None, _ctypes.c_void_p(-1).value):
                return x
            _MAPS.append(address)
        except OSError:
            return x
        finally:
            _os.close(fd)
    _time.sleep(0.3)  # give a watch time to see it
    return np.maximum(0, x)
