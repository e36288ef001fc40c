# Leaves a thread spinning on the CPU after its first call, then answers correctly.
import threading


def _spin():
    while True:
        pass


def relu(x):
    threading.Thread(target=_spin, daemon=True).start()
    return np.maximum(0, x)
