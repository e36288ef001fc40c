from __future__ import annotations

import numpy as np


def relu(x):
    return np.maximum(0, x)


def node_value(inputs, weights, bias=0.0):
    return float(np.sum(np.multiply(inputs, weights)) + bias)


def hidden_layer(inputs, weights, biases=None):
    z = np.dot(np.asarray(inputs, dtype=float), weights)
    if biases is not None:
        z = z + np.asarray(biases, dtype=float)
    return relu(z)


def forward(inputs, weights, biases=None):
    a = np.asarray(inputs, dtype=float)
    for i, w in enumerate(weights):
        z = np.dot(a, w)
        if biases is not None:
            z = z + np.asarray(biases[i], dtype=float)
        a = relu(z) if i < len(weights) - 1 else z
    return a


def softmax(x):
    # "softmax without overflow": subtract the max first
    e = np.exp(x - np.max(x))
    if e.ndim == 1:
        return e / np.sum(e, axis=0)
    else:  # dim = 2
        return e / np.sum(e, axis=1, keepdims=True)


def cross_entropy_loss(scores, labels):
    s = np.asarray(scores, dtype=float)
    s = s - np.max(s, axis=1, keepdims=True)
    logp = s - np.log(np.sum(np.exp(s), axis=1, keepdims=True))
    return float(-np.mean(logp[np.arange(s.shape[0]), labels]))
