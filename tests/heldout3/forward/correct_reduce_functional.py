# forward.py -- my solutions

from __future__ import annotations

import numpy as np


def relu(x: np.ndarray) -> np.ndarray:
    return np.clip(x, 0, None)


def node_value(inputs, weights, bias=0.0):
    return float(np.dot(inputs, weights) + bias)


def hidden_layer(inputs, weights, biases=None):
    z = np.dot(inputs, weights)
    if biases is not None:
        z = z + biases
    return relu(z)


from functools import reduce


def forward(inputs, weights, biases=None):
    bs = biases if biases is not None else [None] * len(weights)
    layers = list(zip(weights, bs))
    h = reduce(lambda a, wb: hidden_layer(a, *wb), layers[:-1], np.asarray(inputs, dtype=float))
    W, b = layers[-1]
    y = h @ np.asarray(W, dtype=float)
    return y if b is None else y + np.asarray(b, dtype=float)


def softmax(z):
    z = np.asarray(z, dtype=float)
    if z.ndim == 1:
        e = np.exp(z - z.max())
        return e / e.sum()
    e = np.exp(z - z.max(axis=1)[:, None])
    return e / e.sum(axis=1)[:, None]


def cross_entropy_loss(scores, labels):
    scores = np.asarray(scores, dtype=float)
    z = scores - scores.max(axis=1, keepdims=True)
    lp = z - np.log(np.sum(np.exp(z), axis=1, keepdims=True))
    return -float(np.mean(lp[np.arange(len(labels)), labels]))
