# Forward propagation -- written the "Grokking Deep Learning" way first,
# with little helper functions, then numpy where it was getting slow.
from __future__ import annotations

import math

import numpy as np


def w_sum(a, b):
    assert len(a) == len(b)
    output = 0
    for i in range(len(a)):
        output += a[i] * b[i]
    return output


def relu(x):
    arr = np.asarray(x)
    return arr * (arr > 0) if arr.ndim else (x if x > 0 else 0 * x)


def node_value(inputs, weights, bias=0.0):
    return float(w_sum(inputs, weights)) + bias


def hidden_layer(inputs, weights, biases=None):
    x = np.array(inputs, dtype=float)
    W = np.array(weights, dtype=float)
    out = x.dot(W)
    if biases is not None:
        out += np.array(biases, dtype=float)
    return relu(out)


def forward(inputs, weights, biases=None):
    x = np.array(inputs, dtype=float)
    for i in range(len(weights)):
        W = np.array(weights[i], dtype=float)
        x = x.dot(W)
        if biases is not None:
            x = x + np.array(biases[i], dtype=float)
        if i < len(weights) - 1:
            x = relu(x)
    return x


def softmax(z):
    z = np.array(z, dtype=float)
    m = np.max(z, axis=-1, keepdims=True)
    e = np.exp(z - m)
    return e / np.sum(e, axis=-1, keepdims=True)


def cross_entropy_loss(scores, labels):
    total = 0.0
    for row, label in zip(scores, labels):
        row = [float(s) for s in row]
        top = max(row)
        lse = top + math.log(sum(math.exp(s - top) for s in row))
        total += lse - row[int(label)]
    return total / len(labels)
