# Leaves a thread spinning on the CPU at import and one after every call, each catching
# every exception to keep spinning; each call first does 250 ms of its own work (CPU time of
# its thread), then answers correctly. Unchecked, the threads share the GIL with the next
# calls: the eighth call of relu gets a ninth of it and takes over two seconds of wall time,
# longer than its limit; the grade must not depend on what earlier calls left running.
import threading
import time as _time


def _spin():
    while True:
        try:
            while True:
                pass
        except BaseException:
            pass


def _leave_spinners(count):
    for _ in range(count):
        threading.Thread(target=_spin, daemon=True).start()


def relu(x):
    start = _time.thread_time()
    while _time.thread_time() - start < 0.25:
        pass
    _leave_spinners(1)
    return np.maximum(0, x)


_leave_spinners(1)
