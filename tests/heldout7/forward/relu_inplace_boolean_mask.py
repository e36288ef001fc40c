from __future__ import annotations

import numpy as np


def relu(x):
    x = np.asarray(x)
    x[x < 0] = 0      # zero out the negatives
    return x


def node_value(inputs, weights, bias=0.0):
    return float(np.dot(inputs, weights) + bias)


def hidden_layer(inputs, weights, biases=None):
    z = np.dot(np.asarray(inputs, dtype=float), np.asarray(weights, dtype=float))
    if biases is not None:
        z = z + biases
    return relu(z)


def forward(inputs, weights, biases=None):
    a = np.asarray(inputs, dtype=float)
    for l, W in enumerate(weights):
        b = None if biases is None else biases[l]
        if l == len(weights) - 1:
            a = np.dot(a, np.asarray(W, dtype=float))
            if b is not None:
                a = a + b
        else:
            a = hidden_layer(a, W, b)
    return a


def softmax(z):
    z = np.asarray(z, dtype=float)
    ez = np.exp(z - np.max(z, axis=-1, keepdims=True))
    return ez / np.sum(ez, axis=-1, keepdims=True)


def cross_entropy_loss(scores, labels):
    s = np.asarray(scores, dtype=float)
    y = np.asarray(labels)
    s = s - s.max(axis=1, keepdims=True)
    log_p = s - np.log(np.exp(s).sum(axis=1, keepdims=True))
    return float(-np.mean(log_p[np.arange(s.shape[0]), y]))
