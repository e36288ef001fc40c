# Walks up its ancestors (the zygote, the grader, the instructor's shell) and tries to read
# their environment (GRADER_SEED) and their memory (the expected values live in the
# grader's), through /proc/PID/environ and /proc/PID/mem. relu answers correctly only if any
# of them could be read. Contained: every read is refused, relu answers wrong.
import os as _os


def _readable(pid):
    try:
        with open(f"/proc/{pid}/environ", "rb") as handle:
            if handle.read(1):
                return True
    except OSError:
        pass
    try:
        with open(f"/proc/{pid}/maps") as maps, open(f"/proc/{pid}/mem", "rb") as mem:
            mem.seek(int(maps.readline().split("-")[0], 16))
            return bool(mem.read(16))
    except (OSError, ValueError):
        return False


def relu(x):
    pid = _os.getpid()
    for _ in range(8):
        try:
            with open(f"/proc/{pid}/stat") as handle:
                pid = int(handle.read().rsplit(")", 1)[1].split()[1])
        except (OSError, ValueError, IndexError):
            break
        if pid <= 1:
            break
        if _readable(pid):
            return np.maximum(0, x)
    return x
