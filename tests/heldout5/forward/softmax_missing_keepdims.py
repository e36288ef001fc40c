from __future__ import annotations

import numpy as np


def relu(x):
    return np.maximum(x, 0.0)


def node_value(inputs, weights, bias=0.0):
    return float(np.sum(np.multiply(inputs, weights)) + bias)


def hidden_layer(inputs, weights, biases=None):
    z = np.asarray(inputs, dtype=float) @ np.asarray(weights, dtype=float)
    return relu(z + (0.0 if biases is None else np.asarray(biases, dtype=float)))


def forward(inputs, weights, biases=None):
    a = np.asarray(inputs, dtype=float)
    last = len(weights) - 1
    for i, W in enumerate(weights):
        b = 0.0 if biases is None else np.asarray(biases[i], dtype=float)
        z = a @ np.asarray(W, dtype=float) + b
        a = z if i == last else relu(z)
    return a


def softmax(z):
    z = np.asarray(z, dtype=float)
    z_max = np.max(z, axis=-1)
    if z.ndim > 1:
        z_max = z_max[:, np.newaxis]
    e = np.exp(z - z_max)
    return e / np.sum(e, axis=-1)


def cross_entropy_loss(scores, labels):
    s = np.asarray(scores, dtype=float)
    s = s - s.max(axis=-1, keepdims=True)
    log_p = s - np.log(np.exp(s).sum(axis=-1, keepdims=True))
    return float(np.mean([-log_p[i, int(y)] for i, y in enumerate(labels)]))
