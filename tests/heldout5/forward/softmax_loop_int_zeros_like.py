from __future__ import annotations

import numpy as np


def relu(x):
    return np.maximum(0, x)


def node_value(inputs, weights, bias=0.0):
    return float(np.dot(inputs, weights) + bias)


def hidden_layer(inputs, weights, biases=None):
    z = np.dot(np.asarray(inputs, dtype=float), np.asarray(weights, dtype=float))
    if biases is not None:
        z = z + np.asarray(biases, dtype=float)
    return relu(z)


def forward(inputs, weights, biases=None):
    a = np.asarray(inputs, dtype=float)
    for i in range(len(weights)):
        z = np.dot(a, np.asarray(weights[i], dtype=float))
        if biases is not None:
            z = z + biases[i]
        a = relu(z) if i + 1 < len(weights) else z
    return a


def softmax(z):
    x = np.asarray(z)
    result = np.zeros_like(x)
    if x.ndim == 1:
        e = np.exp(x - np.max(x))
        result[:] = e / np.sum(e)
        return result
    for r in range(x.shape[0]):
        e = np.exp(x[r] - np.max(x[r]))
        result[r, :] = e / np.sum(e)
    return result


def cross_entropy_loss(scores, labels):
    s = np.asarray(scores, dtype=float)
    s = s - s.max(axis=1, keepdims=True)
    log_p = s - np.log(np.exp(s).sum(axis=1, keepdims=True))
    return float(-log_p[np.arange(len(s)), labels].mean())
