from __future__ import annotations

import numpy as np


def relu(x):
    return np.maximum(x, 0)


def node_value(inputs, weights, bias=0.0):
    return float(np.sum(np.multiply(inputs, weights)) + bias)


def hidden_layer(inputs, weights, biases=None):
    out = np.matmul(np.array(inputs, dtype=float), np.array(weights, dtype=float))
    if biases is not None:
        out = out + np.array(biases, dtype=float)
    return relu(out)


def forward(inputs, weights, biases=None):
    a = np.array(inputs, dtype=float)
    for k, W in enumerate(weights):
        b = None if biases is None else biases[k]
        if k == len(weights) - 1:
            a = a @ np.array(W, dtype=float)
            if b is not None:
                a = a + np.array(b, dtype=float)
        else:
            a = hidden_layer(a, W, b)
    return a


def softmax(z):
    """Compute softmax values for each set of scores in z."""
    e_x = np.exp(z - np.max(z))
    return e_x / e_x.sum()


def cross_entropy_loss(scores, labels):
    s = np.array(scores, dtype=float)
    s = s - s.max(axis=1, keepdims=True)
    lp = s - np.log(np.exp(s).sum(axis=1, keepdims=True))
    return float(np.mean([-lp[i, y] for i, y in enumerate(labels)]))
