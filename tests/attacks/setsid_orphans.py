# Double-forked orphans in their own sessions, sleeping: they must not survive grading.
import os
import time


def relu(x):
    if os.fork() == 0:
        os.setsid()
        if os.fork() == 0:
            time.sleep(60)
        os._exit(0)
    return np.maximum(0, x)
