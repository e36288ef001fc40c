from __future__ import annotations

import numpy as np


def relu(x):
    return [v if v > 0 else 0 for v in x]


def node_value(inputs, weights, bias=0.0):
    return float(np.dot(inputs, weights)) + float(bias)


def hidden_layer(inputs, weights, biases=None):
    x = np.asarray(inputs, dtype=float)
    z = x @ np.asarray(weights, dtype=float)
    if biases is not None:
        z = z + np.asarray(biases, dtype=float)
    return np.maximum(z, 0.0)


def forward(inputs, weights, biases=None):
    x = np.asarray(inputs, dtype=float)
    if biases is None:
        biases = [None] * len(weights)
    for W, b in zip(weights[:-1], biases[:-1]):
        x = hidden_layer(x, W, b)
    y = x @ np.asarray(weights[-1], dtype=float)
    return y if biases[-1] is None else y + np.asarray(biases[-1], dtype=float)


def softmax(z):
    z = np.asarray(z, dtype=float)
    z = z - z.max(axis=-1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=-1, keepdims=True)


def cross_entropy_loss(scores, labels):
    z = np.asarray(scores, dtype=float)
    z = z - z.max(axis=1, keepdims=True)
    lse = np.log(np.exp(z).sum(axis=1))
    return float(np.mean(lse - z[np.arange(len(z)), labels]))
