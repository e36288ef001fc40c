# Holds 768 MiB of disk (the scratch folder may hold 16 MiB) in files of its working folder
# that it unlinks but keeps open: no folder lists them, each stays under the 8 MiB file-size
# limit, no process maps them. 96 MiB a call (a slow disk must not time it out); it answers
# correctly unless a write fails. Contained: the runner is killed, or relu answers wrong.
import os as _os
import time as _time

_FDS = []


def relu(x):
    chunk = b"d" * (6 << 20)
    for _ in range(min(16, 128 - len(_FDS))):  # 128 x 6 MiB in all, under 256 open files
        name = f"hoard{len(_FDS)}"
        try:
            fd = _os.open(name, _os.O_RDWR | _os.O_CREAT | _os.O_EXCL, 0o600)
            _os.unlink(name)
            _FDS.append(fd)
            if _os.write(fd, chunk) != len(chunk):
                return x
        except OSError:
            return x
    _time.sleep(0.3)  # give a watch time to see it
    return np.maximum(0, x)
