# Ignores the polite signals, then loops: only SIGKILL stops it.
import signal

signal.signal(signal.SIGTERM, signal.SIG_IGN)
signal.signal(signal.SIGINT, signal.SIG_IGN)
signal.signal(signal.SIGHUP, signal.SIG_IGN)


def forward(inputs, weights, biases=None):
    while True:
        pass
